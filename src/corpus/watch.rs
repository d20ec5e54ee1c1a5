//! Watching the postings folders while the browser runs: files saved, changed or deleted there
//! are reported as they settle (events are gathered for a short moment, since editors and
//! browsers write a file in several steps).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use super::{LoadOptions, Skipped, parse_file};
use crate::posting::Posting;

/// How long events are gathered before the files they name are read.
pub const SETTLE: Duration = Duration::from_millis(250);

/// How often a deleted root folder (or file) is looked for again.
const LOOK_AGAIN: Duration = Duration::from_secs(1);

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

/// Watches `dirs` (the folders the loader walked; a root that is a file is watched itself),
/// each on its own: no second walk of the tree. The watch runs on its own thread, which owns
/// the watcher and adds a watch when a new folder appears under one it watches (its files are
/// reported too). Each settled batch of changes goes to `report`; paths are named as under
/// `roots` (the loader's `source`). It stops when `report` returns false. False when the
/// platform refuses to watch (the browser works without).
///
/// Files saved in a folder after `since` (when the walk began) and before its watch was in
/// place are reported once the watches are set, so the moment between walking and watching
/// loses nothing.
pub fn spawn(
    roots: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
    since: std::time::SystemTime,
    opts: LoadOptions,
    report: impl Fn(Vec<Change>) -> bool + Send + 'static,
) -> bool {
    let (tx, rx) = flume::unbounded::<notify::Result<notify::Event>>();
    let Ok(mut watcher) = notify::recommended_watcher(move |ev| {
        let _ = tx.send(ev);
    }) else {
        return false;
    };
    let mut any = false;
    for d in dirs.iter().chain(roots.iter().filter(|r| r.is_file())) {
        any |= watcher.watch(d, RecursiveMode::NonRecursive).is_ok();
    }
    if !any {
        return false;
    }
    std::thread::Builder::new()
        .name("jobdeck-watch".into())
        .spawn(move || {
            let missed = saved_since(&dirs, since);
            if !missed.is_empty() {
                let changes: Vec<Change> = missed
                    .iter()
                    .filter_map(|p| change_of(p, &roots, &opts))
                    .collect();
                if !changes.is_empty() && !report(changes) {
                    return;
                }
            }
            let mut w = Watch {
                watcher,
                rx,
                roots,
                opts,
                gone: BTreeSet::new(),
            };
            while let Some(mut paths) = w.next_batch() {
                w.look_for_gone(&mut paths);
                w.expand(&mut paths);
                let changes: Vec<Change> = paths
                    .iter()
                    .filter_map(|p| change_of(p, &w.roots, &w.opts))
                    .collect();
                w.note_gone_roots();
                if !changes.is_empty() && !report(changes) {
                    return;
                }
            }
        })
        .is_ok()
}

/// The watch thread's state.
struct Watch {
    watcher: notify::RecommendedWatcher,
    rx: flume::Receiver<notify::Result<notify::Event>>,
    roots: Vec<PathBuf>,
    opts: LoadOptions,
    /// Roots that were deleted: their watch went with them, so they are looked for again every
    /// moment, and watched (and read) once they are back.
    gone: BTreeSet<PathBuf>,
}

impl Watch {
    /// The paths of the next settled batch of events (none when a root is gone and a moment
    /// passed without one, to look for it again); None once the watcher is gone.
    fn next_batch(&self) -> Option<BTreeSet<PathBuf>> {
        let first = if self.gone.is_empty() {
            Some(self.rx.recv().ok()?)
        } else {
            match self.rx.recv_timeout(LOOK_AGAIN) {
                Ok(ev) => Some(ev),
                Err(flume::RecvTimeoutError::Timeout) => None,
                Err(flume::RecvTimeoutError::Disconnected) => return None,
            }
        };
        let mut paths = BTreeSet::new();
        if let Some(first) = first {
            collect(&mut paths, first);
            // Let the writer finish: take whatever else comes in the next moment.
            while let Ok(ev) = self.rx.recv_timeout(SETTLE) {
                collect(&mut paths, ev);
            }
        }
        Some(paths)
    }

    /// The roots that are back: watched again (a file) and read.
    fn look_for_gone(&mut self, paths: &mut BTreeSet<PathBuf>) {
        for r in std::mem::take(&mut self.gone) {
            match std::fs::metadata(&r) {
                Ok(m) if m.is_file() => {
                    let _ = self.watcher.watch(&r, RecursiveMode::NonRecursive);
                    paths.insert(r);
                }
                Ok(m) if m.is_dir() => {
                    paths.insert(r);
                }
                _ => {
                    self.gone.insert(r);
                }
            }
        }
    }

    /// A new folder: watch it, and its files count as saved. A board's tracking record changed
    /// (a pull): its postings are read again with it.
    fn expand(&mut self, paths: &mut BTreeSet<PathBuf>) {
        let mut more = BTreeSet::new();
        for p in paths.iter() {
            if p.file_name().is_some_and(|n| n == super::track::TRACK_FILE)
                && let Some(dir) = p.parent()
            {
                more.extend(super::track::board_files(dir));
            }
            if p.is_dir() && under(p, &self.roots).is_some_and(|(_, rest)| !is_hidden(&rest)) {
                let _ = self.watcher.watch(p, RecursiveMode::NonRecursive);
                for e in walkdir::WalkDir::new(p).into_iter().filter_map(Result::ok) {
                    if e.file_type().is_dir() && e.depth() > 0 {
                        let _ = self.watcher.watch(e.path(), RecursiveMode::NonRecursive);
                    } else if e.file_type().is_file() {
                        more.insert(e.into_path());
                    }
                }
            }
        }
        paths.extend(more);
    }

    /// Roots deleted since: looked for again from now on.
    fn note_gone_roots(&mut self) {
        for r in &self.roots {
            if std::fs::symlink_metadata(r).is_err()
                && let Ok(abs) = std::path::absolute(r)
            {
                self.gone.insert(abs);
            }
        }
    }
}

fn modified(p: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// Files in `dirs` (not below them: each folder is one of the list) written at or after
/// `since`, in folders themselves changed since then.
fn saved_since(dirs: &[PathBuf], since: std::time::SystemTime) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for d in dirs {
        if modified(d).is_none_or(|m| m < since) {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(d) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let p = e.path();
            if e.file_type().is_ok_and(|t| t.is_file()) && modified(&p).is_some_and(|m| m >= since)
            {
                out.push(p);
            }
        }
    }
    out
}

fn is_hidden(rest: &Path) -> bool {
    rest.components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
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
    let source = crate::sanitize::shown_path(&if rest.as_os_str().is_empty() {
        root.clone()
    } else {
        root.join(&rest)
    });
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => None, // a folder appeared: its files are reported on their own
        // A file, or what took its place: a FIFO, a link to a device. Those are skipped with
        // the reason (and the postings the file had are gone), as when loading.
        Ok(_) => Some(match parse_file(path, &source, opts) {
            Ok(mut postings) => {
                super::track::Tracker::new(opts.max_file_size).attach(path, &source, &mut postings);
                Change::Parsed { source, postings }
            }
            Err(reason) => Change::Skipped(Skipped { source, reason }),
        }),
        Err(_) => Some(Change::Removed { source }),
    }
}

/// Every posting file of a pulled board folder read again (with its tracking record), named
/// as the loader names them under `roots`.
pub fn board_changes(dir: &Path, roots: &[PathBuf], opts: &LoadOptions) -> Vec<Change> {
    super::track::board_files(dir)
        .iter()
        .filter_map(|f| {
            let abs = std::path::absolute(f).unwrap_or_else(|_| f.clone());
            change_of(&abs, roots, opts)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Waits for a batch of changes holding one that `ok` accepts (other batches are passed
    /// over: a change may come in several); returns every change received, that batch's last.
    pub(super) fn wait_for(
        rx: &flume::Receiver<Vec<Change>>,
        what: &str,
        ok: impl Fn(&Change) -> bool,
    ) -> Vec<Change> {
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let got = rx
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no change reported: {what}; seen: {seen:?}"));
            let found = got.iter().any(&ok);
            seen.extend(got);
            if found {
                return seen;
            }
        }
    }

    /// Watches `root` (a folder) from now on; the changes come on the receiver.
    fn watch(root: &Path) -> flume::Receiver<Vec<Change>> {
        let (tx, rx) = flume::unbounded();
        assert!(
            spawn(
                vec![root.to_path_buf()],
                vec![root.to_path_buf()],
                std::time::SystemTime::now(),
                LoadOptions::default(),
                move |c| tx.send(c).is_ok()
            ),
            "watching works here"
        );
        rx
    }

    #[test]
    fn a_file_replaced_by_a_fifo_or_a_device_link_loses_its_postings() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let file = root.join("a.txt");
        std::fs::write(&file, "Rust Engineer\nCompany: Ferrous\nWe write Rust.").unwrap();
        let rx = watch(&root);
        for special in ["fifo", "zero"] {
            std::fs::remove_file(&file).unwrap();
            if special == "fifo" {
                let made = std::process::Command::new("mkfifo").arg(&file).status();
                assert!(made.is_ok_and(|s| s.success()));
            } else {
                std::os::unix::fs::symlink("/dev/zero", &file).unwrap();
            }
            wait_for(&rx, special, |c| {
                matches!(c, Change::Skipped(s) if s.source.ends_with("a.txt")
                    && s.reason.to_string().contains("not a regular file"))
            });
        }
    }

    #[test]
    fn a_root_folder_deleted_and_created_again_is_watched_again() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("postings");
        std::fs::create_dir(&root).unwrap();
        let rx = watch(&root);
        std::fs::write(
            root.join("a.txt"),
            "Rust Engineer\nCompany: Ferrous\nWe write Rust.",
        )
        .unwrap();
        wait_for(&rx, "the first file", |c| {
            matches!(c, Change::Parsed { .. })
        });
        std::fs::remove_dir_all(&root).unwrap();
        wait_for(&rx, "the folder gone", |c| {
            matches!(c, Change::Removed { .. })
        });
        std::fs::create_dir(&root).unwrap();
        std::fs::write(
            root.join("b.txt"),
            "Go Developer\nCompany: Gopherco\nWe write Go.",
        )
        .unwrap();
        wait_for(
            &rx,
            "a file in the folder made again",
            |c| matches!(c, Change::Parsed { source, .. } if source.ends_with("b.txt")),
        );
        // And it is watched again: a later file shows up too.
        std::fs::write(
            root.join("c.txt"),
            "Zig Developer\nCompany: Ziggy\nWe write Zig.",
        )
        .unwrap();
        wait_for(
            &rx,
            "a later file",
            |c| matches!(c, Change::Parsed { source, .. } if source.ends_with("c.txt")),
        );
    }

    #[test]
    fn saved_changed_and_deleted_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let rx = watch(&root);
        let file = root.join("new.txt");
        std::fs::write(&file, "Rust Engineer\nCompany: Ferrous\nWe write Rust.").unwrap();
        // Written in two steps (created empty, then filled): on a loaded machine the empty file
        // may settle first and be reported skipped, before the batch that parses it.
        wait_for(
            &rx,
            "the file parsed",
            |c| matches!(c, Change::Parsed { postings, .. } if postings[0].company.as_deref() == Some("Ferrous")),
        );
        std::fs::write(root.join(".hidden.swp"), "x").unwrap();
        std::fs::remove_file(&file).unwrap();
        let got = wait_for(
            &rx,
            "the removal",
            |c| matches!(c, Change::Removed { source } if source.ends_with("new.txt")),
        );
        assert!(!got.iter().any(|c| matches!(c, Change::Parsed { source, .. } | Change::Removed { source } if source.contains(".hidden"))), "{got:?}");
    }
}

#[cfg(test)]
mod pulled_tests {
    use super::*;

    /// A pull made elsewhere (`jobdeck pull` in another terminal) rewrites only the board's
    /// tracking record for postings that closed: their files are read again with it.
    #[test]
    fn a_changed_tracking_record_rereads_its_board() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let board = root.join("pulled/greenhouse/acme");
        std::fs::create_dir_all(&board).unwrap();
        std::fs::write(
            board.join("7.json"),
            r#"{"title": "Rust Engineer", "company": "Acme", "description": "We write Rust all day long, happily."}"#,
        )
        .unwrap();
        let record = |closed: &str| {
            format!(
                r#"{{"version": 1, "source": "greenhouse", "board": "acme", "last_pull": "2026-12-02T09:00:00Z",
                "postings": {{"7": {{"file": "7.json", "first_seen": "2026-12-01T09:00:00Z", "last_seen": "2026-12-01T09:00:00Z", "closed": {closed}}}}}}}"#
            )
        };
        std::fs::write(board.join(crate::corpus::track::TRACK_FILE), record("null")).unwrap();
        let (tx, rx) = flume::unbounded();
        let dirs = vec![
            root.clone(),
            root.join("pulled"),
            root.join("pulled/greenhouse"),
            board.clone(),
        ];
        assert!(spawn(
            vec![root.clone()],
            dirs,
            std::time::SystemTime::now(),
            LoadOptions::default(),
            move |c| tx.send(c).is_ok()
        ));
        std::fs::write(
            board.join(crate::corpus::track::TRACK_FILE),
            record("\"2026-12-02T09:00:00Z\""),
        )
        .unwrap();
        // The record is written in two steps (emptied, then filled): on a loaded machine the
        // empty one may settle first, before the batch that reads the closing.
        let closed = Some(time::macros::datetime!(2026-12-02 09:00 UTC));
        super::tests::wait_for(&rx, "the board read again, closed", |c| match c {
            Change::Parsed { source, postings } if source.ends_with("7.json") => {
                postings[0].pulled.as_ref().map(|p| p.closed) == Some(closed)
            }
            _ => false,
        });
    }
}
