//! The shortlists file on disk: atomic saves, the lock that lets two jobdeck processes merge
//! rather than overwrite each other, and setting aside a file that does not parse.
//!
//! A save, under an exclusive lock on `shortlists.json.lock` (a separate file: the data file
//! itself is replaced by rename, so a lock on it would be a lock on a file nobody opens next):
//! re-read the file, re-apply every pending change onto it, write a temporary file in the same
//! folder, fsync it, rename it over the old one, fsync the folder. A crash at any moment leaves
//! the old file or the new one. Files are created readable by their owner only.

use std::fmt;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use time::OffsetDateTime;

use super::{Change, ChangeError, FormatError, Shortlists};
use crate::fsio::{self, Accept, ReadError};
pub use crate::fsio::{WriteHook, WriteStep};

/// How long a save waits for another process to finish its own (saves take milliseconds).
const LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// Largest shortlists file read (a store of thousands of bookmarks is a few megabytes).
pub const MAX_STORE_SIZE: u64 = 256 * 1024 * 1024;

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
    /// The file is there but cannot be read: a FIFO or device in its place, over the size
    /// limit, unreadable. It is left alone, and changes wait until it can be read.
    #[error("could not read {}: {err}", path.display())]
    Read { path: PathBuf, err: ReadError },
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

impl StoreError {
    /// What went wrong in a few words, for the status line (the path is in the full message).
    pub fn brief(&self) -> String {
        let io_brief = |e: &io::Error| -> String {
            match e.kind() {
                io::ErrorKind::StorageFull => "the disk is full".into(),
                io::ErrorKind::QuotaExceeded => "the disk quota is used up".into(),
                io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
                io::ErrorKind::PermissionDenied => "permission denied".into(),
                io::ErrorKind::NotADirectory => "a file is in the way of the data folder".into(),
                _ => {
                    let t = e.to_string();
                    match t.find(" (os error") {
                        Some(i) => t[..i].to_string(),
                        None => t,
                    }
                }
            }
        };
        match self {
            StoreError::Io { err, .. } | StoreError::Save { err, .. } => io_brief(err),
            StoreError::Read { path, err } => format!("{} is {err}", file_name(path)),
            StoreError::UnsupportedVersion { .. } => "written by a newer jobdeck".into(),
            StoreError::Locked { .. } => "another jobdeck holds the lock".into(),
            StoreError::Change(e) => e.to_string(),
        }
    }
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
    /// The file was set aside (it did not parse) and not written back yet: the next flush
    /// rewrites it from memory even with no change pending.
    rewrite: bool,
    /// The file as last read or written (from the open file itself, so that a change made
    /// right after is never mistaken for ours).
    seen: Option<FileStamp>,
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

/// A file's identity and version: which file (device, inode), its size and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileStamp {
    dev: u64,
    ino: u64,
    len: u64,
    mtime_ns: i128,
}

impl FileStamp {
    fn of(m: &fs::Metadata) -> FileStamp {
        use std::os::unix::fs::MetadataExt;
        FileStamp {
            dev: m.dev(),
            ino: m.ino(),
            len: m.len(),
            mtime_ns: i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
        }
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
        let mut store = Store::empty(path);
        let notices = store.reload()?;
        store.rewrite = false;
        store.remove_abandoned();
        Ok((store, notices))
    }

    /// Like [`Store::open`], but a file that cannot be read right now (a FIFO or device in its
    /// place, over the size limit, unreadable) does not stop the browser: it starts from an
    /// empty store, changes are kept and saved — merged with the file — once it can be read,
    /// and the notice says so. A file from a newer jobdeck is still refused.
    pub fn open_lenient(path: &Path) -> Result<(Store, Vec<String>), StoreError> {
        match Store::open(path) {
            Err(e @ (StoreError::Read { .. } | StoreError::Io { .. })) => {
                let store = Store::empty(path);
                let notice = format!(
                    "shortlists not read ({}): starting empty; your changes are kept and merged \
                     into the file once it can be read ({e})",
                    e.brief()
                );
                Ok((store, vec![notice]))
            }
            other => other,
        }
    }

    /// A store of `path` holding nothing yet (nothing read).
    fn empty(path: &Path) -> Store {
        Store {
            path: path.to_path_buf(),
            state: Shortlists::default(),
            disk: Shortlists::default(),
            pending: Vec::new(),
            notices: Vec::new(),
            rewrite: false,
            seen: None,
            hook: None,
        }
    }

    /// Removes temporary files of saves that were killed (live ones are locked by their
    /// writer, so this is safe while another process saves).
    fn remove_abandoned(&self) {
        if let Ok(target) = fsio::resolve_links(&self.path) {
            fsio::remove_abandoned(fsio::folder(&target), Some(&file_name(&target)));
        }
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

    /// The pending changes in words (what would be lost if jobdeck ended now).
    pub fn pending_descriptions(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .pending
            .iter()
            .map(|(c, _)| self.state.describe(c))
            .collect();
        if self.rewrite {
            v.push(format!(
                "rewrite {} from the {} bookmarks in memory (it was set aside)",
                file_name(&self.path),
                self.state.bookmarks.len()
            ));
        }
        v
    }

    /// Whether the file is not the one last read or written here (another process wrote it, it
    /// was edited by hand, it went away or came back).
    pub fn changed_on_disk(&self) -> bool {
        let now = fs::metadata(&self.path).ok().map(|m| FileStamp::of(&m));
        now != self.seen
    }

    /// Whether there is anything to save: pending changes, or a set-aside file to rewrite.
    pub fn needs_save(&self) -> bool {
        !self.pending.is_empty() || self.rewrite
    }

    /// Writes the shortlists as held in memory (pending changes included) to another file,
    /// atomically: the way out when the store's own folder cannot be written. Returns the file
    /// written. `jobdeck bookmarks import` merges it back.
    pub fn save_copy(&self, to: &Path) -> Result<PathBuf, StoreError> {
        let text = self.state.to_json();
        fsio::write_atomic(to, text.as_bytes(), &mut |_, _| Ok(()))
            .map(|(written, _)| written)
            .map_err(|f| StoreError::Save {
                path: to.to_path_buf(),
                step: f.step,
                err: f.err,
            })
    }

    /// Messages for the user from saves since the last call (e.g. a file set aside).
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    /// Keeps a message for the next [`Store::take_notices`].
    pub fn push_notice(&mut self, notice: String) {
        self.notices.push(notice);
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
        self.stage_at(change, now)?;
        self.save()
    }

    /// Applies a change in memory and keeps it pending without saving: changes that arrive
    /// together are staged, then saved once ([`Store::flush`]).
    pub fn stage(&mut self, change: Change) -> Result<(), StoreError> {
        self.stage_at(change, super::now())
    }

    /// [`Store::stage`] at a given time.
    pub fn stage_at(&mut self, change: Change, now: OffsetDateTime) -> Result<(), StoreError> {
        let change = self.state.resolve(change);
        self.state.apply(&change, now)?;
        self.pending.push((change, now));
        Ok(())
    }

    /// Retries saving the pending changes, if any (and rewrites a file set aside).
    pub fn flush(&mut self) -> Result<(), StoreError> {
        if !self.needs_save() {
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
                            // Written back from memory by the next flush.
                            self.rewrite = true;
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
        self.remove_abandoned();
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
        let mut merged = match self.read()? {
            Disk::Missing => self.rebuild(),
            Disk::Parsed(s) => s,
            Disk::Corrupt(why) => {
                let aside = set_aside(&self.path).map_err(|err| StoreError::Io {
                    action: "set aside the unparsable",
                    path: self.path.clone(),
                    err,
                })?;
                // Told whether or not the write below works; until it does, the file is
                // rewritten from memory by every retry.
                self.notices.push(set_aside_notice(
                    &self.path,
                    &why,
                    &aside,
                    self.has_memory(),
                ));
                self.rewrite = true;
                self.rebuild()
            }
        };
        self.remove_abandoned();
        // Told once, when the merge that settles them is written.
        let mut conflicts = Vec::new();
        for (c, t) in &self.pending {
            conflicts.extend(merged.note_conflict(c));
            let _ = merged.apply(c, *t);
        }
        let text = merged.to_json();
        crate::debug::debug_delay("store");
        let mut no_hook = |_: WriteStep, _: &Path| Ok(());
        let hook: &mut dyn FnMut(WriteStep, &Path) -> io::Result<()> = match &mut self.hook {
            Some(h) => h.as_mut(),
            None => &mut no_hook,
        };
        let (_, meta) = fsio::write_atomic(&self.path, text.as_bytes(), hook).map_err(|f| {
            StoreError::Save {
                path: self.path.clone(),
                step: f.step,
                err: f.err,
            }
        })?;
        self.seen = Some(FileStamp::of(&meta));
        self.notices.extend(conflicts);
        self.disk = merged.clone();
        self.state = merged;
        self.pending.clear();
        self.rewrite = false;
        Ok(())
    }

    /// Reads the file without ever blocking (a FIFO in its place is refused, not opened for
    /// good) and within [`MAX_STORE_SIZE`].
    fn read(&mut self) -> Result<Disk, StoreError> {
        let bytes = match fsio::read_limited_meta(&self.path, MAX_STORE_SIZE, Accept::Regular) {
            Ok((b, meta)) => {
                self.seen = Some(FileStamp::of(&meta));
                b
            }
            Err(ReadError::NotFound) => {
                self.seen = None;
                return Ok(Disk::Missing);
            }
            Err(err) => {
                // Told once: not again until the file changes.
                self.seen = fs::metadata(&self.path).ok().map(|m| FileStamp::of(&m));
                return Err(StoreError::Read {
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
        fsio::create_private_dir(dir).map_err(|err| StoreError::Io {
            action: "create the folder",
            path: dir.to_path_buf(),
            err,
        })?;
        let lock_path = self.lock_path();
        let file = fsio::open_lock_file(&lock_path).map_err(|err| StoreError::Io {
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
}

fn set_aside_notice(path: &Path, why: &str, aside: &Path, from_memory: bool) -> String {
    let then = if from_memory {
        "rewritten from the shortlists in memory"
    } else {
        "starting with an empty store"
    };
    // The essentials first: the status line may be narrow.
    format!(
        "{} did not parse, {then}; set aside as {} ({why})",
        file_name(path),
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

fn folder(path: &Path) -> &Path {
    fsio::folder(path)
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

/// Renames an unparsable file to `<name>.corrupt-<UTC timestamp>` (never over another file).
/// A symlinked file is set aside at its target, next to it; the link stays.
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let path = &fsio::resolve_links(path)?;
    // Only ever a regular file: never a device a link points to.
    if !fs::symlink_metadata(path)?.is_file() || path.starts_with("/dev") {
        return Err(io::Error::other(format!(
            "{} is not a regular file",
            path.display()
        )));
    }
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
