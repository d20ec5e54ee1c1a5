//! Watching the postings folders while the browser runs: files saved, changed or deleted there
//! are reported as they settle (events are gathered for a short moment, since editors and
//! browsers write a file in several steps).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use super::{LoadOptions, Skipped, parse_file};
use crate::posting::Posting;

/// How long events are gathered before the files they name are read.
pub const SETTLE: Duration = Duration::from_millis(250);

/// What happened to a file.
#[derive(Debug)]
pub enum Change {
    /// Saved or changed: its postings now (replacing any it had).
    Parsed {
        source: String,
        postings: Vec<Posting>,
    },
    /// Saved or changed but not readable as postings.
    Skipped(Skipped),
    /// Deleted (or moved away): every posting from `source`, or from under it when it was a
    /// folder, is gone.
    Removed { source: String },
}

/// Keeps the watch alive; dropping it stops watching.
pub struct WatchGuard {
    _watcher: RecommendedWatcher,
}

/// Watches `roots` recursively; each settled batch of changes goes to `report`. Paths are
/// reported as `roots` name them (the same `source` the loader gave). Returns None when the
/// platform refuses to watch (the browser works without).
pub fn spawn(
    roots: Vec<PathBuf>,
    opts: LoadOptions,
    report: impl Fn(Vec<Change>) -> bool + Send + 'static,
) -> Option<WatchGuard> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).ok()?;
    let mut any = false;
    for r in &roots {
        let mode = if r.is_dir() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        any |= watcher.watch(r, mode).is_ok();
    }
    if !any {
        return None;
    }
    std::thread::Builder::new()
        .name("jobdeck-watch".into())
        .spawn(move || {
            while let Ok(first) = rx.recv() {
                let mut paths = BTreeSet::new();
                collect(&mut paths, first);
                // Let the writer finish: take whatever else comes in the next moment.
                while let Ok(ev) = rx.recv_timeout(SETTLE) {
                    collect(&mut paths, ev);
                }
                let changes: Vec<Change> = paths
                    .iter()
                    .filter_map(|p| change_of(p, &roots, &opts))
                    .collect();
                if !changes.is_empty() && !report(changes) {
                    return;
                }
            }
        })
        .ok()?;
    Some(WatchGuard { _watcher: watcher })
}

fn collect(paths: &mut BTreeSet<PathBuf>, ev: notify::Result<notify::Event>) {
    if let Ok(ev) = ev {
        if matches!(ev.kind, notify::EventKind::Access(_)) {
            return;
        }
        paths.extend(ev.paths);
    }
}

/// The root holding `path` and the rest of the path below it.
fn under<'a>(path: &Path, roots: &'a [PathBuf]) -> Option<(&'a PathBuf, PathBuf)> {
    roots.iter().find_map(|r| {
        let abs = std::path::absolute(r).ok()?;
        let rest = path
            .strip_prefix(&abs)
            .or_else(|_| path.strip_prefix(r))
            .ok()?;
        Some((r, rest.to_path_buf()))
    })
}

fn change_of(path: &Path, roots: &[PathBuf], opts: &LoadOptions) -> Option<Change> {
    let (root, rest) = under(path, roots)?;
    // Hidden files (editor swap files, partial downloads) are not postings, as when loading.
    if rest
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    {
        return None;
    }
    // The source as the loader named it: under the root as the user gave it.
    let source = if rest.as_os_str().is_empty() {
        root.clone()
    } else {
        root.join(&rest)
    }
    .display()
    .to_string();
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Some(match parse_file(path, &source, opts) {
            Ok(postings) => Change::Parsed { source, postings },
            Err(reason) => Change::Skipped(Skipped { source, reason }),
        }),
        Ok(_) => None, // a folder appeared: its files are reported on their own
        Err(_) => Some(Change::Removed { source }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    #[test]
    fn saved_changed_and_deleted_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let (tx, rx) = channel();
        let _guard = spawn(vec![root.clone()], LoadOptions::default(), move |c| {
            tx.send(c).is_ok()
        })
        .expect("watching works here");
        let file = root.join("new.txt");
        std::fs::write(&file, "Rust Engineer\nCompany: Ferrous\nWe write Rust.").unwrap();
        let got = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a change is reported");
        assert!(
            got.iter().any(|c| matches!(c, Change::Parsed { postings, .. } if postings[0].company.as_deref() == Some("Ferrous"))),
            "{got:?}"
        );
        std::fs::write(root.join(".hidden.swp"), "x").unwrap();
        std::fs::remove_file(&file).unwrap();
        let got = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a removal is reported");
        assert!(
            got.iter()
                .any(|c| matches!(c, Change::Removed { source } if source.ends_with("new.txt"))),
            "{got:?}"
        );
        assert!(!got.iter().any(|c| matches!(c, Change::Parsed { source, .. } | Change::Removed { source } if source.contains(".hidden"))));
    }
}
