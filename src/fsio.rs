//! jobdeck's own files on disk — the shortlists, the config, a theme, the parse cache, an
//! import, an export — read and written one way, by this module:
//!
//! - **Reading** ([`read_limited`], [`open_regular`]): a special file is refused before it is
//!   opened (a FIFO would block the open, `/dev/zero` never ends), the file is opened
//!   non-blocking and checked again once open (it may have been swapped meanwhile), and it is
//!   read through a size limit that the refusal names. Postings are read the same way.
//! - **Writing** ([`AtomicFile`], [`write_atomic`]): a temporary file in the target's own
//!   folder (through symlinks: a linked file is replaced at its target, the link stays), mode
//!   0600, locked while it is written, fsynced, renamed over the target, the folder fsynced. A
//!   crash at any moment leaves the old file or the new one; a temporary file nobody holds any
//!   more was abandoned by a killed writer and [`remove_abandoned`] removes it.
//! - **Output** ([`Output`]): what the user names as a destination — a terminal, a
//!   device, a pipe or `/dev/stdout` is written to directly, never replaced by a file.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A size as people read it: "256 MiB", "1 MiB", "900 bytes".
pub fn human_size(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else if n >= MIB {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    } else if n >= 1024 && n.is_multiple_of(1024) {
        format!("{} KiB", n / 1024)
    } else {
        format!("{n} bytes")
    }
}

/// Why one of jobdeck's files could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("no such file")]
    NotFound,
    /// A FIFO, socket, device or folder where a file was expected.
    #[error("not a regular file ({0}); it is not read")]
    NotRegular(&'static str),
    /// Over the limit: `size` when known (a pipe's is not).
    #[error("{}", too_large(*size, *limit))]
    TooLarge { size: Option<u64>, limit: u64 },
    #[error("{0}")]
    Io(io::Error),
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        if e.kind() == io::ErrorKind::NotFound {
            ReadError::NotFound
        } else {
            ReadError::Io(e)
        }
    }
}

fn too_large(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(s) => format!("{}, over the {} limit", human_size(s), human_size(limit)),
        None => format!("over the {} limit", human_size(limit)),
    }
}

/// What kind of special file this is, in words.
pub fn kind_of(ft: &fs::FileType) -> &'static str {
    if ft.is_dir() {
        "a folder"
    } else if ft.is_fifo() {
        "a FIFO"
    } else if ft.is_socket() {
        "a socket"
    } else if ft.is_char_device() {
        "a character device"
    } else if ft.is_block_device() {
        "a block device"
    } else if ft.is_file() {
        "a regular file"
    } else {
        "not a file"
    }
}

/// Which files a read accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// Regular files only (jobdeck's own files).
    Regular,
    /// Regular files and pipes: a file the user names on the command line, which may be
    /// `<(…)`. A pipe is read until its writer closes it, or to the limit.
    RegularOrPipe,
}

/// Opens `path` for reading without blocking, whatever it turns out to be, and checks that it
/// is a file `accept` takes (before opening: opening a device can have effects; and after: it
/// may have been swapped between the two). Returns the file and its metadata.
fn open_checked(path: &Path, accept: Accept) -> Result<(File, fs::Metadata), ReadError> {
    let check = |meta: &fs::Metadata| -> Result<(), ReadError> {
        let ft = meta.file_type();
        let ok = ft.is_file() || (accept == Accept::RegularOrPipe && ft.is_fifo());
        if ok {
            Ok(())
        } else {
            Err(ReadError::NotRegular(kind_of(&ft)))
        }
    };
    check(&fs::metadata(path)?)?;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    let meta = file.metadata()?;
    check(&meta)?;
    if meta.file_type().is_fifo() {
        // Opened without waiting for a writer; now read as a pipe is read: wait for data, and
        // stop at end of file (at once when no writer ever came).
        let flags = rustix::fs::fcntl_getfl(&file).map_err(io::Error::from)?;
        rustix::fs::fcntl_setfl(&file, flags - rustix::fs::OFlags::NONBLOCK)
            .map_err(io::Error::from)?;
    }
    Ok((file, meta))
}

/// Opens a regular file for positioned reads (the parse cache), refusing anything else without
/// blocking.
pub fn open_regular(path: &Path) -> Result<(File, fs::Metadata), ReadError> {
    open_checked(path, Accept::Regular)
}

/// Reads a file of at most `limit` bytes (see the module comment). A file that grows while it
/// is read is cut at the limit and refused.
pub fn read_limited(path: &Path, limit: u64, accept: Accept) -> Result<Vec<u8>, ReadError> {
    read_limited_meta(path, limit, accept).map(|(b, _)| b)
}

/// [`read_limited`], with the metadata of the file read (as it was when opened: what a later
/// look at the path compares with, to tell whether the file changed since).
pub fn read_limited_meta(
    path: &Path,
    limit: u64,
    accept: Accept,
) -> Result<(Vec<u8>, fs::Metadata), ReadError> {
    let (file, meta) = open_checked(path, accept)?;
    if meta.is_file() && meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: Some(meta.len()),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: None, limit });
    }
    Ok((bytes, meta))
}

/// Creates a folder (and its parents) readable by its owner only (mode 0700).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// Opens (creating it if needed, mode 0600) a file to hold a lock on. Never blocks: a FIFO in
/// its place fails the open or the check, instead of waiting for a reader.
pub fn open_lock_file(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    let ft = file.metadata()?.file_type();
    if !ft.is_file() {
        return Err(io::Error::other(format!(
            "{} is {}, not a lock file",
            path.display(),
            kind_of(&ft)
        )));
    }
    Ok(file)
}

/// The folder holding `path` (`.` for a bare file name).
pub fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The file `path` names once symlinks are followed: the link's target (relative targets are
/// taken from the link's folder), whether or not the target exists yet. A file that is not a
/// link is itself.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    // As many hops as the kernel follows before it gives up (ELOOP).
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p)?;
                p = if target.is_absolute() {
                    target
                } else {
                    folder(&p).join(target)
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

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

/// A write that failed, and at which step.
#[derive(Debug)]
pub struct WriteFailed {
    pub step: WriteStep,
    pub err: io::Error,
}

impl fmt::Display for WriteFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.step, self.err)
    }
}

/// The temporary files of atomic writes: `.<name>.<pid>.<n>.tmp` next to the target.
fn temp_name(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    folder(target).join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Whether `name` is a temporary file of a write to `target_name` (any target when `None`).
/// The older `.<name>.tmp-<pid>` form of the parse cache counts too.
fn is_temp_name(name: &str, target_name: Option<&str>) -> bool {
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    let ours = rest.ends_with(".tmp") || rest.contains(".tmp-");
    ours && target_name.is_none_or(|t| {
        rest.strip_prefix(t)
            .is_some_and(|r| r.starts_with('.') && r.len() > 1)
    })
}

/// Whether `target` (links resolved) may be replaced by a rename: a regular file or nothing
/// yet, and not a device's or the kernel's name.
fn check_replaceable(target: &Path) -> io::Result<()> {
    if target.starts_with("/dev") || target.starts_with("/proc") || target.starts_with("/sys") {
        return Err(io::Error::other(format!(
            "{} is a system file; it is not replaced",
            target.display()
        )));
    }
    match fs::symlink_metadata(target) {
        Ok(m) if !m.file_type().is_file() => Err(io::Error::other(format!(
            "{} is {}, not a regular file; it is not replaced",
            target.display(),
            kind_of(&m.file_type())
        ))),
        _ => Ok(()),
    }
}

/// A new version of a file being written: a locked temporary file in the target's folder,
/// renamed over the target by [`AtomicFile::commit`]; dropped uncommitted, it is removed.
pub struct AtomicFile {
    target: PathBuf,
    tmp: PathBuf,
    file: File,
    committed: bool,
}

impl AtomicFile {
    /// Starts a new version of `path` (written through symlinks to their target). Only a
    /// regular file (or a new one) is ever replaced: a link to a device, a FIFO or a folder —
    /// `/dev/zero`, say — is refused, and nothing under `/dev` or `/proc` is replaced.
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        let target = resolve_links(path)?;
        check_replaceable(&target)?;
        // Another process sweeping abandoned temporary files may take a new one for abandoned
        // in the moment between its creation and its lock, and remove it: then this write
        // starts again under a new name.
        for _ in 0..8 {
            let tmp = temp_name(&target);
            let file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&tmp)?;
            // Held until the write is done: a temp file nobody holds was abandoned. A lock that
            // fails is the sweeper's, which removes the file.
            if file.try_lock().is_err() || !still_named(&file, &tmp) {
                continue;
            }
            return Ok(AtomicFile {
                target,
                tmp,
                file,
                committed: false,
            });
        }
        Err(io::Error::other(
            "could not keep a temporary file: another process kept removing them",
        ))
    }

    /// The file that will be replaced (the symlink's target for a link).
    pub fn target(&self) -> &Path {
        &self.target
    }

    pub fn temp_path(&self) -> &Path {
        &self.tmp
    }

    /// Makes what was written durable.
    pub fn sync(&mut self) -> io::Result<()> {
        self.file.flush()?;
        self.file.sync_all()
    }

    /// The new file's metadata (the rename keeps its inode and times).
    pub fn metadata(&self) -> io::Result<fs::Metadata> {
        self.file.metadata()
    }

    /// Renames the temporary file over the target, then syncs the folder (best effort: the new
    /// file is in place already, and some filesystems cannot sync a folder).
    pub fn rename(mut self) -> io::Result<()> {
        fs::rename(&self.tmp, &self.target)?;
        self.committed = true;
        if let Ok(dir) = File::open(folder(&self.target)) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    /// [`AtomicFile::sync`] then [`AtomicFile::rename`].
    pub fn commit(mut self) -> io::Result<()> {
        self.sync()?;
        self.rename()
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if crate::debug::debug_disk_full(&self.target) {
            return Err(io::Error::from_raw_os_error(libc::ENOSPC));
        }
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// Writes `bytes` to `path` atomically with an [`AtomicFile`]; `hook` runs before each step
/// (tests inject faults). Returns the file written (the target of a symlink) and its metadata.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    hook: &mut dyn FnMut(WriteStep, &Path) -> io::Result<()>,
) -> Result<(PathBuf, fs::Metadata), WriteFailed> {
    let at = |step: WriteStep| move |err: io::Error| WriteFailed { step, err };
    let planned = resolve_links(path).map_err(at(WriteStep::CreateTemp))?;
    hook(WriteStep::CreateTemp, &planned).map_err(at(WriteStep::CreateTemp))?;
    let mut file = AtomicFile::create(path).map_err(at(WriteStep::CreateTemp))?;
    let tmp = file.temp_path().to_path_buf();
    hook(WriteStep::Write, &tmp).map_err(at(WriteStep::Write))?;
    file.write_all(bytes).map_err(at(WriteStep::Write))?;
    hook(WriteStep::Sync, &tmp).map_err(at(WriteStep::Sync))?;
    file.sync().map_err(at(WriteStep::Sync))?;
    let meta = file.metadata().map_err(at(WriteStep::Sync))?;
    hook(WriteStep::Rename, &tmp).map_err(at(WriteStep::Rename))?;
    let target = file.target().to_path_buf();
    file.rename().map_err(at(WriteStep::Rename))?;
    // Best effort, as the folder sync itself.
    let _ = hook(WriteStep::SyncDir, &tmp);
    Ok((target, meta))
}

/// Whether `path` still names the open `file` (it was not removed or replaced meanwhile).
fn still_named(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Removes the temporary files in `dir` of writes that never finished (killed, crashed, the
/// machine went down) — those for `target_name` only, or any when `None`. A live writer holds
/// a lock on its temporary file, so one that can be locked was abandoned. Safe to call while
/// other processes write: their files are locked.
pub fn remove_abandoned(dir: &Path, target_name: Option<&str>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_temp_name(name, target_name) || !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let held = OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
            .open(e.path());
        // Removed while this lock is held, so a writer that creates it in the meantime cannot
        // lock it, or finds it gone once locked (see `AtomicFile::create`).
        if let Ok(f) = held
            && f.try_lock().is_ok()
        {
            tracing::debug!("removing an abandoned temporary file: {name}");
            let _ = fs::remove_file(e.path());
            drop(f);
        }
    }
}

/// Whether `path` is something to write to directly rather than replace: a terminal, a device,
/// a pipe or socket, or a name that goes through `/dev` or `/proc` (`/dev/stdout`,
/// `/proc/self/fd/1`), which stands for whatever the process's descriptor is.
fn is_direct_target(path: &Path) -> bool {
    let through_dev = |p: &Path| p.starts_with("/dev") || p.starts_with("/proc");
    if through_dev(path) {
        return true;
    }
    // Each hop of a link chain: `out -> /dev/stdout` is written directly too.
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => match fs::read_link(&p) {
                Ok(t) => {
                    p = if t.is_absolute() {
                        t
                    } else {
                        folder(&p).join(t)
                    };
                    if through_dev(&p) {
                        return true;
                    }
                }
                Err(_) => return false,
            },
            Ok(m) => return !m.file_type().is_file() && !m.file_type().is_dir(),
            Err(_) => return false,
        }
    }
    false
}

/// A destination the user named for output (an export): see [`Output::open`].
pub enum Output {
    /// A terminal, device, pipe or `/dev/stdout`: written to as it is.
    Direct(File),
    /// A regular file (or a new one): replaced atomically by [`Output::finish`].
    Replace(AtomicFile),
}

impl Output {
    /// Opens `path` for output: a regular file (or a new one) is written atomically (through
    /// symlinks); a terminal, device, pipe, or `/dev/stdout` is written to directly — never
    /// replaced by a file. (A FIFO's open waits for its reader, as writing to a FIFO does.)
    pub fn open(path: &Path) -> io::Result<Output> {
        if is_direct_target(path) {
            let f = OpenOptions::new()
                .write(true)
                .custom_flags(libc::O_NOCTTY)
                .open(path)?;
            return Ok(Output::Direct(f));
        }
        Ok(Output::Replace(AtomicFile::create(path)?))
    }

    /// Whether the output is a terminal (text for it is sanitized).
    pub fn is_terminal(&self) -> bool {
        use std::io::IsTerminal;
        matches!(self, Output::Direct(f) if f.is_terminal())
    }

    /// Makes the output complete: flushed, or synced and renamed into place.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Output::Direct(mut f) => f.flush(),
            Output::Replace(a) => a.commit(),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Direct(f) => f.write(buf),
            Output::Replace(a) => a.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Direct(f) => f.flush(),
            Output::Replace(a) => a.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mkfifo(path: &Path) {
        let made = std::process::Command::new("mkfifo").arg(path).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    }

    #[test]
    fn special_files_are_refused_without_blocking_and_the_limit_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        mkfifo(&fifo);
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for p in [&fifo, &zero] {
            let err = read_limited(p, 1 << 20, Accept::Regular).unwrap_err();
            assert!(matches!(err, ReadError::NotRegular(_)), "{err}");
            assert!(err.to_string().contains("not a regular file"), "{err}");
            assert!(open_regular(p).is_err());
        }
        // A device is refused even where pipes are taken.
        let err = read_limited(&zero, 1 << 20, Accept::RegularOrPipe).unwrap_err();
        assert!(matches!(err, ReadError::NotRegular("a character device")));
        // A FIFO nobody writes to is an empty pipe, at once.
        assert_eq!(read_limited(&fifo, 10, Accept::RegularOrPipe).unwrap(), b"");
        let big = dir.path().join("big");
        fs::write(&big, vec![b'x'; 2 * 1024 * 1024]).unwrap();
        let err = read_limited(&big, 1024 * 1024, Accept::Regular).unwrap_err();
        assert_eq!(err.to_string(), "2 MiB, over the 1 MiB limit");
        assert!(matches!(
            read_limited(&dir.path().join("none"), 1, Accept::Regular),
            Err(ReadError::NotFound)
        ));
    }

    #[test]
    fn a_symlinked_file_is_replaced_at_its_target_and_the_link_stays() {
        let dir = tempfile::tempdir().unwrap();
        let synced = dir.path().join("synced");
        fs::create_dir(&synced).unwrap();
        fs::write(synced.join("real.json"), "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("synced/real.json", &link).unwrap();
        let (written, _) = write_atomic(&link, b"new", &mut |_, _| Ok(())).unwrap();
        assert_eq!(written, dir.path().join("synced/real.json"));
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(synced.join("real.json")).unwrap(), "new");
        assert_eq!(
            fs::read_dir(&synced).unwrap().count(),
            1,
            "no temp file left"
        );
        // A dangling link gets its target created.
        let dangling = dir.path().join("dangling.json");
        std::os::unix::fs::symlink("synced/new.json", &dangling).unwrap();
        write_atomic(&dangling, b"x", &mut |_, _| Ok(())).unwrap();
        assert_eq!(fs::read_to_string(synced.join("new.json")).unwrap(), "x");
    }

    /// A link to a device (or a FIFO, a folder) is never written through: replacing its target
    /// by a rename would replace the device itself (as root, `/dev/zero` with a file).
    #[test]
    fn a_link_to_a_device_or_a_fifo_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let err = write_atomic(&zero, b"x", &mut |_, _| Ok(())).unwrap_err();
        assert!(err.err.to_string().contains("not replaced"), "{err}");
        assert!(
            fs::metadata("/dev/zero")
                .unwrap()
                .file_type()
                .is_char_device()
        );
        let fifo = dir.path().join("fifo");
        mkfifo(&fifo);
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        for p in [&fifo, &link] {
            let err = AtomicFile::create(p).err().expect("refused");
            assert!(err.to_string().contains("a FIFO"), "{err}");
        }
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        assert!(AtomicFile::create(&dir.path().join("new")).is_ok());
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            3,
            "no temp file left"
        );
    }

    #[test]
    fn writes_survive_a_sweep_running_beside_them() {
        // Another process's sweep of abandoned temporary files runs while this one writes: no
        // write may lose its temporary file to it.
        let dir = tempfile::tempdir().expect("dir");
        let target = dir.path().join("file.json");
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let sweeper = {
            let (dir, stop) = (dir.path().to_path_buf(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    remove_abandoned(&dir, Some("file.json"));
                }
            })
        };
        for n in 0..300 {
            write_atomic(&target, format!("{n}").as_bytes(), &mut |_, _| Ok(()))
                .unwrap_or_else(|e| panic!("write {n}: {e}"));
        }
        stop.store(true, Ordering::Relaxed);
        sweeper.join().expect("sweeper");
        assert_eq!(fs::read_to_string(&target).expect("read"), "299");
    }

    #[test]
    fn abandoned_temp_files_go_and_live_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("file.json");
        fs::write(dir.path().join(".file.json.999999.0.tmp"), "half").unwrap();
        fs::write(dir.path().join(".other.json.999999.0.tmp"), "half").unwrap();
        fs::write(dir.path().join("notes.tmp"), "kept").unwrap();
        let live = AtomicFile::create(&target).unwrap();
        remove_abandoned(dir.path(), Some("file.json"));
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(live.temp_path().exists(), "a live writer's file stays");
        assert!(names.contains(&".other.json.999999.0.tmp".to_string()));
        drop(live);
        remove_abandoned(dir.path(), None);
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["notes.tmp"]);
    }

    #[test]
    fn devices_and_pipes_are_written_directly() {
        assert!(is_direct_target(Path::new("/dev/null")));
        assert!(is_direct_target(Path::new("/dev/stdout")));
        assert!(is_direct_target(Path::new("/proc/self/fd/1")));
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("out");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        assert!(is_direct_target(&link));
        let fifo = dir.path().join("fifo");
        mkfifo(&fifo);
        assert!(is_direct_target(&fifo));
        assert!(!is_direct_target(&dir.path().join("new.json")));
        let mut out = Output::open(Path::new("/dev/null")).unwrap();
        assert!(matches!(out, Output::Direct(_)));
        out.write_all(b"x").unwrap();
        out.finish().unwrap();
        assert!(
            fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device(),
            "still a device"
        );
    }
}
