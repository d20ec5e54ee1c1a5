//! Finding the files to parse: folders walked recursively (hidden entries skipped, symlinks
//! followed with loop detection), special files refused before they are opened, sizes capped.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::Skipped;
use super::cache::Stamp;
use crate::parse::SkipReason;

/// A file to parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    pub path: PathBuf,
    /// The path as shown to the user (`source` of its postings).
    pub source: String,
    /// Size and modification time when the folder was walked (the parse cache's key).
    pub stamp: Stamp,
    /// The absolute path, as the parse cache keys files.
    pub key: String,
}

#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<FileEntry>,
    pub skipped: Vec<Skipped>,
    /// Every folder walked (absolute path) with its modification time.
    pub dirs: Vec<(String, i128)>,
}

/// Lists the regular files under `paths`, sorted, each once.
pub fn walk(paths: &[PathBuf]) -> Walked {
    let mut out = Walked::default();
    for root in paths {
        // Computed once: every file's cache key is this joined with its path under the root.
        let abs_root = std::path::absolute(root).ok();
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        let entries = walker
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in entries {
            match entry {
                Ok(e) => {
                    let ft = e.file_type();
                    if ft.is_dir() {
                        if let Ok(meta) = e.metadata() {
                            let abs = std::path::absolute(e.path())
                                .unwrap_or_else(|_| e.path().to_path_buf());
                            out.dirs.push((
                                abs.to_string_lossy().into_owned(),
                                Stamp::of(&meta).mtime_ns,
                            ));
                        }
                        continue;
                    }
                    let source = e.path().display().to_string();
                    if ft.is_file() {
                        // Stamped below, on every core.
                        let key = match &abs_root {
                            Some(abs) => abs.join(e.path().strip_prefix(root).unwrap_or(e.path())),
                            None => e.path().to_path_buf(),
                        }
                        .to_string_lossy()
                        .into_owned();
                        out.files.push(FileEntry {
                            path: e.into_path(),
                            source,
                            stamp: Stamp {
                                size: 0,
                                mtime_ns: 0,
                            },
                            key,
                        });
                    } else {
                        out.skipped.push(Skipped {
                            source,
                            reason: SkipReason::Unreadable(
                                "not a regular file (FIFO, socket or device)".into(),
                            ),
                        });
                    }
                }
                Err(err) => {
                    let source = err
                        .path()
                        .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                    let reason = if err.loop_ancestor().is_some() {
                        "symlink loop".to_string()
                    } else {
                        err.io_error()
                            .map_or_else(|| err.to_string(), |e| e.to_string())
                    };
                    out.skipped.push(Skipped {
                        source,
                        reason: SkipReason::Unreadable(reason),
                    });
                }
            }
        }
    }
    // Size and time of every file, in parallel (a stat each: the bulk of a walk's time).
    let stamps: Vec<std::io::Result<Stamp>> = out
        .files
        .par_iter()
        .map(|f| std::fs::metadata(&f.path).map(|m| Stamp::of(&m)))
        .collect();
    let mut files = Vec::with_capacity(out.files.len());
    for (mut f, stamp) in out.files.drain(..).zip(stamps) {
        match stamp {
            Ok(s) => {
                f.stamp = s;
                files.push(f);
            }
            Err(err) => out.skipped.push(Skipped {
                source: f.source,
                reason: SkipReason::Unreadable(err.to_string()),
            }),
        }
    }
    out.files = files;
    let mut seen = std::collections::HashSet::new();
    out.files.retain(|f| seen.insert(f.path.clone()));
    out
}

/// Reads a regular file up to `limit` bytes. Special files are refused without opening them
/// (opening a FIFO would block).
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, SkipReason> {
    let meta = fs::metadata(path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(SkipReason::Unreadable(
            "not a regular file (FIFO, socket or device)".into(),
        ));
    }
    if meta.len() > limit {
        return Err(SkipReason::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = File::open(path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow while we read it: never take more than the limit.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(SkipReason::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}
