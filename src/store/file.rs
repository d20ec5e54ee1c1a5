//! The shortlists file on disk: atomic saves, the lock that lets two jobdeck processes merge
//! rather than overwrite each other, and setting aside a file that does not parse.
//!
//! A save, under an exclusive lock on `shortlists.json.lock` (a separate file: the data file
//! itself is replaced by rename, so a lock on it would be a lock on a file nobody opens next):
//! re-read the file, re-apply every pending change onto it, write a temporary file in the same
//! folder, fsync it, rename it over the old one, fsync the folder. A crash at any moment leaves
//! the old file or the new one. Files are created readable by their owner only.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use time::OffsetDateTime;

use super::{Change, ChangeError, FormatError, Shortlists};

/// How long a save waits for another process to finish its own (saves take milliseconds).
const LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// The steps of an atomic write, in order (for tests that interrupt a save at each one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteStep {
    CreateTemp,
    Write,
    Sync,
    Rename,
    /// After the rename: the new file is in place. Best effort; a failure here is ignored.
    SyncDir,
}

impl WriteStep {
    pub const ALL: &'static [WriteStep] = &[
        WriteStep::CreateTemp,
        WriteStep::Write,
        WriteStep::Sync,
        WriteStep::Rename,
        WriteStep::SyncDir,
    ];
}

impl fmt::Display for WriteStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WriteStep::CreateTemp => "creating a temporary file",
            WriteStep::Write => "writing",
            WriteStep::Sync => "syncing to disk",
            WriteStep::Rename => "renaming into place",
            WriteStep::SyncDir => "syncing the folder",
        })
    }
}

/// Called before each step of a write with the temporary file's path; an error aborts the write
/// there. For fault-injection tests.
pub type WriteHook = Box<dyn FnMut(WriteStep, &Path) -> io::Result<()> + Send>;

/// Why the store could not be read or saved. A failed save keeps its changes pending.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not {action} {}: {err}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        err: io::Error,
    },
    #[error("could not save {} ({step}): {err}", path.display())]
    Save {
        path: PathBuf,
        step: WriteStep,
        err: io::Error,
    },
    #[error(
        "{} was {}; refusing to change it (upgrade jobdeck)",
        path.display(),
        FormatError::UnsupportedVersion(*version)
    )]
    UnsupportedVersion { path: PathBuf, version: u64 },
    #[error(
        "{} is locked by another jobdeck process (waited {} s)",
        path.display(),
        LOCK_TIMEOUT.as_secs()
    )]
    Locked { path: PathBuf },
    #[error(transparent)]
    Change(#[from] ChangeError),
}

/// The shortlists file and its state in memory.
pub struct Store {
    path: PathBuf,
    /// The last state read or saved, with the pending changes applied.
    state: Shortlists,
    /// The last state read from or written to the file, without pending changes. When the file
    /// vanishes or breaks while jobdeck runs, saving starts again from this, not from nothing.
    disk: Shortlists,
    /// Changes applied in memory but not saved yet (a save failed), with their time.
    pending: Vec<(Change, OffsetDateTime)>,
    /// Messages for the user that came up while saving (a file set aside).
    notices: Vec<String>,
    hook: Option<WriteHook>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("bookmarks", &self.state.bookmarks.len())
            .field("pending", &self.pending.len())
            .finish_non_exhaustive()
    }
}

/// What the file on disk holds.
enum Disk {
    Missing,
    Parsed(Shortlists),
    Corrupt(String),
}

impl Store {
    /// Reads the shortlists file (a missing one is an empty store). A file that does not parse
    /// is renamed aside and the returned notices say so; a file written by a newer jobdeck is
    /// refused. Leftover temporary files of an interrupted save are removed.
    pub fn open(path: &Path) -> Result<(Store, Vec<String>), StoreError> {
        let mut store = Store {
            path: path.to_path_buf(),
            state: Shortlists::default(),
            disk: Shortlists::default(),
            pending: Vec::new(),
            notices: Vec::new(),
            hook: None,
        };
        let notices = store.reload()?;
        // Only under the lock: a temporary file may be another process's save in progress.
        if folder(path).is_dir()
            && let Ok(Some(_lock)) = store.try_lock_once()
        {
            remove_temp_files(path);
        }
        Ok((store, notices))
    }

    pub fn state(&self) -> &Shortlists {
        &self.state
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Changes applied in memory that are not on disk yet (their save failed).
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Messages for the user from saves since the last call (e.g. a file set aside).
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    /// Applies a change now and saves it (see [`Store::apply_at`]).
    pub fn apply(&mut self, change: Change) -> Result<(), StoreError> {
        self.apply_at(change, super::now())
    }

    /// Applies a change to the state in memory, then saves: under the lock, re-read the file,
    /// re-apply every pending change onto it, write it atomically. On success the merged state
    /// (with other processes' changes) becomes the state; on error the change stays applied in
    /// memory and pending, and the next change (or [`Store::flush`]) retries.
    pub fn apply_at(&mut self, change: Change, now: OffsetDateTime) -> Result<(), StoreError> {
        let change = self.state.resolve(change);
        self.state.apply(&change, now)?;
        self.pending.push((change, now));
        self.save()
    }

    /// Retries saving the pending changes, if any.
    pub fn flush(&mut self) -> Result<(), StoreError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        self.save()
    }

    /// Re-reads the file (picking up other processes' changes) and re-applies the pending
    /// changes on top. Writes nothing.
    pub fn reload(&mut self) -> Result<Vec<String>, StoreError> {
        let mut notices = Vec::new();
        let mut state = match self.read()? {
            Disk::Missing => self.rebuild(),
            Disk::Parsed(s) => s,
            // Setting it aside needs the lock: a save may be replacing the file right now.
            Disk::Corrupt(_) => match self.lock() {
                Ok(_lock) => match self.read()? {
                    Disk::Missing => self.rebuild(),
                    Disk::Parsed(s) => s,
                    Disk::Corrupt(why) => match set_aside(&self.path) {
                        Ok(aside) => {
                            notices.push(set_aside_notice(
                                &self.path,
                                &why,
                                &aside,
                                self.has_memory(),
                            ));
                            self.rebuild()
                        }
                        Err(e) => {
                            notices.push(kept_notice(&self.path, &why, &e.to_string()));
                            Shortlists::default()
                        }
                    },
                },
                Err(e) => {
                    notices.push(kept_notice(&self.path, "it does not parse", &e.to_string()));
                    Shortlists::default()
                }
            },
        };
        self.disk = state.clone();
        for (c, t) in &self.pending {
            // A change that no longer applies (another process deleted its list) is moot.
            let _ = state.apply(c, *t);
        }
        self.state = state;
        Ok(notices)
    }

    /// The base to save onto when the file is gone or was set aside: what was last read or
    /// written (empty at the first open), so that entries saved earlier are not dropped.
    fn rebuild(&self) -> Shortlists {
        self.disk.clone()
    }

    /// Whether there is anything in memory to rebuild the file from.
    fn has_memory(&self) -> bool {
        !self.disk.bookmarks.is_empty() || self.disk.lists.len() > 1
    }

    /// Replaces the write hook (fault injection for tests).
    #[doc(hidden)]
    pub fn set_write_hook(&mut self, hook: Option<WriteHook>) {
        self.hook = hook;
    }

    fn save(&mut self) -> Result<(), StoreError> {
        let _lock = self.lock()?;
        let mut notices = Vec::new();
        let mut merged = match self.read()? {
            Disk::Missing => self.rebuild(),
            Disk::Parsed(s) => s,
            Disk::Corrupt(why) => {
                let aside = set_aside(&self.path).map_err(|err| StoreError::Io {
                    action: "set aside the unparsable",
                    path: self.path.clone(),
                    err,
                })?;
                notices.push(set_aside_notice(
                    &self.path,
                    &why,
                    &aside,
                    self.has_memory(),
                ));
                self.rebuild()
            }
        };
        self.notices.extend(notices);
        remove_temp_files(&self.path);
        for (c, t) in &self.pending {
            let _ = merged.apply(c, *t);
        }
        let text = merged.to_json();
        let mut no_hook = |_: WriteStep, _: &Path| Ok(());
        let hook: &mut dyn FnMut(WriteStep, &Path) -> io::Result<()> = match &mut self.hook {
            Some(h) => h.as_mut(),
            None => &mut no_hook,
        };
        write_atomic(&self.path, text.as_bytes(), hook)?;
        self.disk = merged.clone();
        self.state = merged;
        self.pending.clear();
        Ok(())
    }

    fn read(&self) -> Result<Disk, StoreError> {
        let bytes = match fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Disk::Missing),
            Err(err) => {
                return Err(StoreError::Io {
                    action: "read",
                    path: self.path.clone(),
                    err,
                });
            }
        };
        let Ok(text) = String::from_utf8(bytes) else {
            return Ok(Disk::Corrupt("not UTF-8 text".into()));
        };
        match Shortlists::from_json(&text) {
            Ok(s) => Ok(Disk::Parsed(s)),
            Err(FormatError::UnsupportedVersion(version)) => Err(StoreError::UnsupportedVersion {
                path: self.path.clone(),
                version,
            }),
            Err(FormatError::Invalid(why)) => Ok(Disk::Corrupt(why)),
        }
    }

    fn lock_path(&self) -> PathBuf {
        sibling(&self.path, ".lock")
    }

    /// Takes the exclusive lock, creating the folder and lock file if needed; waits for
    /// another process's save (polling, so that a stuck process gives an error, not a hang).
    fn lock(&self) -> Result<File, StoreError> {
        let dir = folder(&self.path);
        create_private_dir(dir).map_err(|err| StoreError::Io {
            action: "create the folder",
            path: dir.to_path_buf(),
            err,
        })?;
        let lock_path = self.lock_path();
        let file = open_private(&lock_path, false).map_err(|err| StoreError::Io {
            action: "open the lock file",
            path: lock_path.clone(),
            err,
        })?;
        let start = Instant::now();
        let mut wait = Duration::from_millis(1);
        loop {
            match file.try_lock() {
                // Released when the file is closed (dropped).
                Ok(()) => return Ok(file),
                Err(fs::TryLockError::WouldBlock) => {
                    if start.elapsed() > LOCK_TIMEOUT {
                        return Err(StoreError::Locked { path: lock_path });
                    }
                    std::thread::sleep(wait);
                    wait = (wait * 2).min(Duration::from_millis(20));
                }
                Err(fs::TryLockError::Error(err)) => {
                    return Err(StoreError::Io {
                        action: "lock",
                        path: lock_path,
                        err,
                    });
                }
            }
        }
    }

    /// The lock if it is free right now.
    fn try_lock_once(&self) -> io::Result<Option<File>> {
        let file = open_private(&self.lock_path(), false)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(file)),
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(e)) => Err(e),
        }
    }
}

fn set_aside_notice(path: &Path, why: &str, aside: &Path, from_memory: bool) -> String {
    let then = if from_memory {
        "rewritten from the shortlists in memory"
    } else {
        "starting with an empty store"
    };
    format!(
        "{} did not parse ({why}); set aside as {}; {then}",
        path.display(),
        aside.display()
    )
}

fn kept_notice(path: &Path, why: &str, err: &str) -> String {
    format!(
        "{} did not parse ({why}) and could not be set aside ({err}); it will not be \
         overwritten, and changes cannot be saved until it is moved away",
        path.display()
    )
}

/// The folder holding `path` (`.` for a bare file name).
fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "shortlists.json".into())
}

/// `path` with `suffix` appended to its file name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    folder(path).join(format!("{}{suffix}", file_name(path)))
}

/// Creates a folder (and its parents) readable by its owner only (mode 0700).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

/// Opens a file readable and writable by its owner only (mode 0600 when created).
fn open_private(path: &Path, create_new: bool) -> io::Result<File> {
    let mut o = OpenOptions::new();
    o.write(true);
    if create_new {
        o.create_new(true);
    } else {
        o.read(true).create(true).truncate(false);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path)
}

/// Renames an unparsable file to `<name>.corrupt-<UTC timestamp>` (never over another file).
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let t = OffsetDateTime::now_utc();
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    );
    for n in 0u32.. {
        let suffix = if n == 0 {
            format!(".corrupt-{stamp}")
        } else {
            format!(".corrupt-{stamp}-{n}")
        };
        let target = sibling(path, &suffix);
        if fs::symlink_metadata(&target).is_err() {
            fs::rename(path, &target)?;
            return Ok(target);
        }
    }
    unreachable!("some suffix is free")
}

/// The temporary files of saves: `.<name>.<pid>.<n>.tmp` next to the file.
fn is_temp_file(path: &Path, candidate: &str) -> bool {
    candidate.starts_with(&format!(".{}.", file_name(path))) && candidate.ends_with(".tmp")
}

/// Removes temporary files left by a save that was killed. Call only under the lock.
fn remove_temp_files(path: &Path) {
    let Ok(entries) = fs::read_dir(folder(path)) else {
        return;
    };
    for e in entries.flatten() {
        if let Some(name) = e.file_name().to_str()
            && is_temp_file(path, name)
        {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Removes the temporary file unless the write got as far as renaming it.
struct TempGuard(Option<PathBuf>);

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            let _ = fs::remove_file(p);
        }
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder (mode 0600),
/// written, fsynced, renamed over `path`, then the folder fsynced. A crash at any point leaves
/// either the old file or the new one. `hook` runs before each step (tests inject faults).
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    hook: &mut dyn FnMut(WriteStep, &Path) -> io::Result<()>,
) -> Result<(), StoreError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let tmp = folder(path).join(format!(
        ".{}.{}.{}.tmp",
        file_name(path),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let fail = |step: WriteStep| {
        move |err: io::Error| StoreError::Save {
            path: path.to_path_buf(),
            step,
            err,
        }
    };
    hook(WriteStep::CreateTemp, &tmp).map_err(fail(WriteStep::CreateTemp))?;
    let mut file = open_private(&tmp, true).map_err(fail(WriteStep::CreateTemp))?;
    let mut guard = TempGuard(Some(tmp.clone()));
    hook(WriteStep::Write, &tmp).map_err(fail(WriteStep::Write))?;
    file.write_all(bytes).map_err(fail(WriteStep::Write))?;
    hook(WriteStep::Sync, &tmp).map_err(fail(WriteStep::Sync))?;
    file.sync_all().map_err(fail(WriteStep::Sync))?;
    drop(file);
    hook(WriteStep::Rename, &tmp).map_err(fail(WriteStep::Rename))?;
    fs::rename(&tmp, path).map_err(fail(WriteStep::Rename))?;
    guard.0 = None;
    // Makes the rename durable. Best effort: the new file is in place already, and some
    // filesystems cannot sync a folder.
    let _ = hook(WriteStep::SyncDir, &tmp);
    if let Ok(dir) = File::open(folder(path)) {
        let _ = dir.sync_all();
    }
    Ok(())
}
