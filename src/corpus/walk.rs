//! Finding the files to parse: folders walked recursively (hidden entries skipped, symlinks
//! followed with loop detection), special files refused before they are opened, sizes capped.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::Skipped;
use crate::parse::SkipReason;
use crate::sanitize::shown_path;

/// A file's identity (size and modification time): what the walk records and the parse cache
/// keys on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub mtime_ns: i128,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        Stamp {
            size: meta.len(),
            mtime_ns,
        }
    }
}

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
                    let source = shown_path(e.path());
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
                            reason: not_regular(),
                        });
                    }
                }
                Err(err) => {
                    let source = err.path().map_or_else(|| shown_path(root), shown_path);
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
                reason: io_reason(err),
            }),
        }
    }
    out.files = files;
    let mut seen = std::collections::HashSet::new();
    out.files.retain(|f| seen.insert(f.path.clone()));
    out
}

/// Reads a regular file up to `limit` bytes, as jobdeck reads all its files
/// ([`crate::fsio::read_limited`]): special files are refused without opening them (opening a
/// FIFO would block, reading a device may never end), and the file is opened non-blocking and
/// checked again once open, so a file swapped for a FIFO or a device between the check and the
/// open is refused too. A file that grows while it is read is cut at the limit and refused; one
/// that vanishes is skipped with the reason.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, SkipReason> {
    use crate::fsio::{Accept, ReadError};
    crate::fsio::read_limited(path, limit, Accept::Regular).map_err(|e| match e {
        ReadError::NotFound => io_reason(std::io::Error::from(std::io::ErrorKind::NotFound)),
        ReadError::NotRegular(_) => not_regular(),
        ReadError::TooLarge { size, limit } => SkipReason::TooLarge {
            size: size.unwrap_or(limit + 1),
            limit,
        },
        ReadError::Io(e) => io_reason(e),
    })
}

/// Whether the file can be opened for reading now (without blocking, whatever it is).
pub fn can_open(path: &Path) -> bool {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .is_ok()
}

fn not_regular() -> SkipReason {
    SkipReason::Unreadable("not a regular file (FIFO, socket or device)".into())
}

/// The reason for an I/O error, in words that say what happened to the file.
pub fn io_reason(err: std::io::Error) -> SkipReason {
    use std::io::ErrorKind;
    SkipReason::Unreadable(match err.kind() {
        ErrorKind::NotFound => {
            "gone before it could be read (moved or deleted while loading)".into()
        }
        ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LoadOptions, parse_file};

    const POSTING: &str = "Rust Engineer\nCompany: Ferrous\n\nWe write Rust all day long.\n";

    #[test]
    fn a_file_that_vanishes_after_the_walk_is_skipped_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), POSTING).unwrap();
        std::fs::write(dir.path().join("b.txt"), POSTING).unwrap();
        let walked = walk(&[dir.path().to_path_buf()]);
        assert_eq!(walked.files.len(), 2);
        std::fs::remove_file(dir.path().join("a.txt")).unwrap();
        let opts = LoadOptions::default();
        let [a, b] = &walked.files[..] else {
            panic!("two files")
        };
        let err = parse_file(&a.path, &a.source, &opts).unwrap_err();
        assert!(
            err.to_string().starts_with("gone before it could be read"),
            "{err}"
        );
        assert_eq!(parse_file(&b.path, &b.source, &opts).unwrap().len(), 1);
    }

    #[test]
    fn a_file_that_changes_after_the_walk_is_read_as_it_is_now() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, POSTING).unwrap();
        let walked = walk(&[dir.path().to_path_buf()]);
        let f = &walked.files[0];
        // Grown past the limit.
        std::fs::write(&path, POSTING.repeat(100)).unwrap();
        let limit = POSTING.len() as u64 * 10;
        assert!(matches!(
            read_limited(&f.path, limit),
            Err(SkipReason::TooLarge { .. })
        ));
        // Emptied.
        std::fs::write(&path, "").unwrap();
        let opts = LoadOptions::default();
        assert_eq!(
            parse_file(&f.path, &f.source, &opts),
            Err(SkipReason::Empty)
        );
        // Replaced by a folder.
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        let err = parse_file(&f.path, &f.source, &opts).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }

    #[test]
    fn special_files_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero")).unwrap();
        let walked = walk(&[dir.path().to_path_buf()]);
        assert!(walked.files.is_empty());
        assert_eq!(walked.skipped.len(), 2);
        for s in &walked.skipped {
            assert!(s.reason.to_string().contains("not a regular file"), "{s}");
        }
        for p in [&fifo, &dir.path().join("zero")] {
            let err = read_limited(p, 1 << 20).unwrap_err();
            assert!(err.to_string().contains("not a regular file"), "{err}");
        }
    }
}
