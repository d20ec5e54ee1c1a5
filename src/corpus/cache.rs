//! The parse cache: what each file parsed to, keyed by its path, size and modification time and
//! by the parser's version, so that a second start over a large folder skips parsing — and so
//! that `jobdeck search` can rank without reading descriptions at all.
//!
//! One cache file per set of folders, in the `directories` cache dir. Layout: one postcard blob
//! per posting, then the index, then the index's length and a magic tag. The index holds, per
//! file, its path, size, mtime and skip reason; per posting, where its blob is and its headline
//! record (interned title, company, team, locations, skills; work mode, type, level); and the
//! modification time of every folder walked. Readers load the index only and fetch blobs with
//! positioned reads, so the cache is never held in memory whole. Writers build a temp file and
//! rename it over the old one. Anything unexpected in the file means "no cache", never an error.

// Hot internal maps: a fast non-cryptographic hash (keys are local data).
use rustc_hash::FxHashMap as HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::posting::Posting;

const MAGIC: &[u8; 4] = b"JDP2";
/// Bump when the cache layout or the meaning of parse results changes.
const SCHEMA: u32 = 6;
/// Largest index accepted (a corrupt length must not trigger a huge allocation).
const MAX_INDEX: u64 = 1 << 31;

/// A file's identity for the cache.
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

/// Where a posting's blob is, and its id as a number (to list a posting saved twice once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headline {
    pub offset: u64,
    pub len: u32,
    pub id: u64,
}

/// A file in the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRec {
    /// The file's absolute path (the cache key).
    pub path: String,
    pub stamp: Stamp,
    /// Why it gave no postings, if it didn't.
    pub skip: Option<String>,
    /// The skip depends on the file's surroundings (the size limit, permissions), not on its
    /// content: it holds only while they do (see [`FileRec::still_holds`]).
    pub recheck: bool,
    /// Its postings: `count` headlines from `first`.
    pub first: u32,
    pub count: u32,
}

impl FileRec {
    /// Whether this record still says what reading the file would give under `limit`: a file
    /// over the limit is skipped whatever was cached; a skip for its surroundings holds while
    /// the file is over the limit or still cannot be opened.
    pub fn still_holds(&self, path: &Path, limit: u64) -> bool {
        if self.recheck {
            self.stamp.size > limit || !super::walk::can_open(path)
        } else {
            self.stamp.size <= limit
        }
    }
}

/// The cache's index.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub fingerprint: String,
    /// Every folder walked, with its modification time: a folder whose files were added,
    /// removed or renamed has a new one.
    pub dirs: Vec<(String, i128)>,
    pub files: Vec<FileRec>,
    /// Per posting, in file order: where its blob is.
    pub headlines: Vec<Headline>,
    /// The search index over every posting's headline, frozen (see `SearchIndex::freeze`).
    #[serde(with = "serde_bytes")]
    pub search: Vec<u8>,
}

/// What identifies the parser that produced cached results: the crate version, the cache
/// schema, and the running executable itself (a rebuilt binary may parse differently).
pub fn fingerprint() -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
        .map(|m| {
            let s = Stamp::of(&m);
            format!("{}-{}", s.size, s.mtime_ns)
        })
        .unwrap_or_default();
    format!("{}/{SCHEMA}/{exe}", env!("CARGO_PKG_VERSION"))
}

/// The cache file for a set of corpus roots.
pub fn cache_file(cache_dir: &Path, roots: &[PathBuf]) -> PathBuf {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for r in roots {
        let abs = std::fs::canonicalize(r).unwrap_or_else(|_| r.clone());
        h.update(abs.to_string_lossy().as_bytes());
        h.update([0]);
    }
    cache_dir
        .join("parse")
        .join(format!("{}.bin", hex::encode(&h.finalize()[..8])))
}

/// The same index, borrowing its strings and the frozen search index from the index bytes:
/// what a search reads, with no allocation per file.
#[derive(Debug, Deserialize)]
pub struct IndexRef<'a> {
    #[serde(borrow)]
    pub fingerprint: &'a str,
    #[serde(borrow)]
    pub dirs: Vec<(&'a str, i128)>,
    #[serde(borrow)]
    pub files: Vec<FileRecRef<'a>>,
    pub headlines: Vec<Headline>,
    #[serde(borrow)]
    pub search: &'a [u8],
}

#[derive(Debug, Deserialize)]
pub struct FileRecRef<'a> {
    #[serde(borrow)]
    pub path: &'a str,
    pub stamp: Stamp,
    #[serde(borrow)]
    pub skip: Option<&'a str>,
    pub recheck: bool,
    pub first: u32,
    pub count: u32,
}

impl IndexRef<'_> {
    /// See [`Reader::folders_unchanged`].
    pub fn folders_unchanged(&self) -> bool {
        !self.dirs.is_empty()
            && self.dirs.iter().all(|(d, t)| {
                std::fs::metadata(d)
                    .ok()
                    .filter(|m| m.is_dir())
                    .map(|m| Stamp::of(&m).mtime_ns)
                    == Some(*t)
            })
    }

    /// The file holding posting `i`.
    pub fn file_of(&self, i: u32) -> Option<&FileRecRef<'_>> {
        let n = self.files.len().checked_sub(1)?;
        self.files.get(
            self.files
                .partition_point(|f| f.first + f.count <= i)
                .min(n),
        )
    }
}

/// A cache file's index bytes, and the file to fetch blobs from.
pub struct RawIndex {
    file: File,
    bytes: Vec<u8>,
    data_end: u64,
}

impl RawIndex {
    /// Reads the trailer and the index bytes; None when the file is missing or not a cache.
    pub fn read(path: &Path) -> Option<RawIndex> {
        let file = File::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        if len < 12 {
            return None;
        }
        let mut trailer = [0u8; 12];
        file.read_exact_at(&mut trailer, len - 12).ok()?;
        if &trailer[8..] != MAGIC {
            return None;
        }
        let index_len = u64::from_le_bytes(trailer[..8].try_into().ok()?);
        if index_len > MAX_INDEX || index_len > len - 12 {
            return None;
        }
        let mut bytes = vec![0u8; index_len as usize];
        file.read_exact_at(&mut bytes, len - 12 - index_len).ok()?;
        Some(RawIndex {
            file,
            bytes,
            data_end: len - 12 - index_len,
        })
    }

    /// Every reference must stay inside the file and the tables: a damaged index is no cache.
    fn valid(&self, headlines: &[Headline], mut files: impl Iterator<Item = (u32, u32)>) -> bool {
        let n = headlines.len() as u64;
        headlines.iter().all(|h| {
            h.offset
                .checked_add(h.len as u64)
                .is_some_and(|e| e <= self.data_end)
        }) && files.all(|(first, count)| {
            (first as u64)
                .checked_add(count as u64)
                .is_some_and(|e| e <= n)
        })
    }

    /// The index, borrowing from these bytes, when it was written by this parser.
    pub fn borrowed(&self, fingerprint: &str) -> Option<IndexRef<'_>> {
        let index: IndexRef = postcard::from_bytes(&self.bytes).ok()?;
        let ok = index.fingerprint == fingerprint
            && self.valid(
                &index.headlines,
                index.files.iter().map(|f| (f.first, f.count)),
            );
        ok.then_some(index)
    }

    /// The posting a headline points at, read and decoded.
    pub fn posting(&self, h: &Headline) -> Option<Posting> {
        let mut buf = vec![0u8; h.len as usize];
        self.file.read_exact_at(&mut buf, h.offset).ok()?;
        decode(&buf)
    }
}

/// A cache opened for reading (the loader's view: every file's record by path).
pub struct Reader {
    file: File,
    pub index: Index,
    by_path: HashMap<String, usize>,
}

impl Reader {
    /// Opens a cache file; None when it is missing, foreign, stale or damaged.
    pub fn open(path: &Path, fingerprint: &str) -> Option<Reader> {
        let raw = RawIndex::read(path)?;
        let index: Index = postcard::from_bytes(&raw.bytes).ok()?;
        let ok = index.fingerprint == fingerprint
            && raw.valid(
                &index.headlines,
                index.files.iter().map(|f| (f.first, f.count)),
            );
        if !ok {
            return None;
        }
        let by_path = index
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.path.clone(), i))
            .collect();
        Some(Reader {
            file: raw.file,
            index,
            by_path,
        })
    }

    pub fn len(&self) -> usize {
        self.index.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.files.is_empty()
    }

    /// The cached record of a file, when its stamp still matches.
    pub fn file(&self, path: &str, stamp: Stamp) -> Option<&FileRec> {
        let f = &self.index.files[*self.by_path.get(path)?];
        (f.stamp == stamp).then_some(f)
    }

    /// The raw blob of posting `i`.
    pub fn blob(&self, i: u32) -> Option<Vec<u8>> {
        let h = self.index.headlines.get(i as usize)?;
        let mut buf = vec![0u8; h.len as usize];
        self.file.read_exact_at(&mut buf, h.offset).ok()?;
        Some(buf)
    }

    /// Posting `i`, read and decoded.
    pub fn posting(&self, i: u32) -> Option<Posting> {
        decode(&self.blob(i)?)
    }

    /// Whether no folder changed since the cache was written: same folders, same times. Files
    /// added, removed or renamed change their folder's time; a file rewritten in place does not
    /// (the browser and `jobdeck parse` check every file's own stamp).
    pub fn folders_unchanged(&self) -> bool {
        !self.index.dirs.is_empty()
            && self.index.dirs.iter().all(|(d, t)| {
                std::fs::metadata(d)
                    .ok()
                    .filter(|m| m.is_dir())
                    .map(|m| Stamp::of(&m).mtime_ns)
                    == Some(*t)
            })
    }
}

/// A posting id as a number: ids are 16 hex digits; anything else is hashed.
pub fn id_key(id: &str) -> u64 {
    u64::from_str_radix(id, 16).unwrap_or_else(|_| {
        use sha2::{Digest, Sha256};
        let d = Sha256::digest(id.as_bytes());
        u64::from_le_bytes(d[..8].try_into().expect("8 bytes"))
    })
}

/// Encodes a posting for the cache.
pub fn encode(p: &Posting) -> Vec<u8> {
    postcard::to_allocvec(p).unwrap_or_default()
}

/// Decodes a cached posting; None if damaged.
pub fn decode(bytes: &[u8]) -> Option<Posting> {
    postcard::from_bytes(bytes).ok()
}

/// A posting with its encoded blob when already at hand (`None`: the writer encodes it).
pub type WithBlob = (Posting, Option<Vec<u8>>);

/// Writes a new cache file next to the old one, then renames it into place.
pub struct Writer {
    tmp: PathBuf,
    dest: PathBuf,
    out: BufWriter<File>,
    offset: u64,
    index: Index,
    /// The search index over every posting added, frozen into the index at the end.
    search: crate::search::SearchIndex,
}

impl Writer {
    /// A writer for about `files` files (room for their records is made at once).
    pub fn create(dest: &Path, files: usize) -> std::io::Result<Writer> {
        let dir = dest.parent().unwrap_or(Path::new("."));
        crate::store::create_private_dir(dir)?;
        remove_abandoned(dir);
        let tmp = dir.join(format!(
            ".{}{TEMP_MARK}{}",
            dest.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
            std::process::id()
        ));
        let file = private_file(&tmp)?;
        // Held until the writer is done: a temp file nobody holds was abandoned.
        file.try_lock().map_err(std::io::Error::other)?;
        Ok(Writer {
            tmp,
            dest: dest.to_path_buf(),
            out: BufWriter::with_capacity(1 << 20, file),
            offset: 0,
            index: Index {
                files: Vec::with_capacity(files),
                ..Index::default()
            },
            search: crate::search::SearchIndex::default(),
        })
    }

    /// Records a file and its postings, each with its encoded blob (`None`: encode it here).
    pub fn add(
        &mut self,
        path: &str,
        stamp: Stamp,
        parsed: Result<&[WithBlob], &crate::parse::SkipReason>,
    ) -> std::io::Result<()> {
        let first = self.index.headlines.len() as u32;
        let recheck = parsed.is_err_and(|r| r.depends_on_surroundings());
        let (skip, count) = match parsed {
            Ok(ps) => {
                for (p, blob) in ps {
                    let owned;
                    let bytes = match blob {
                        Some(b) => b.as_slice(),
                        None => {
                            owned = encode(p);
                            owned.as_slice()
                        }
                    };
                    self.out.write_all(bytes)?;
                    let h = Headline {
                        offset: self.offset,
                        len: bytes.len() as u32,
                        id: id_key(&p.id),
                    };
                    self.search.push_headline(p);
                    self.offset += bytes.len() as u64;
                    self.index.headlines.push(h);
                }
                (None, ps.len() as u32)
            }
            Err(reason) => (Some(reason.to_string()), 0),
        };
        self.index.files.push(FileRec {
            path: path.to_string(),
            stamp,
            skip,
            recheck,
            first,
            count,
        });
        Ok(())
    }

    /// Records a folder's modification time.
    pub fn add_dir(&mut self, path: &str, mtime_ns: i128) {
        self.index.dirs.push((path.to_string(), mtime_ns));
    }

    pub fn finish(mut self, fingerprint: &str) -> std::io::Result<()> {
        let started = std::time::Instant::now();
        self.index.fingerprint = fingerprint.to_string();
        // Peak memory matters most here, at the end of a first load: the index is written
        // out as it is serialized, and the search index frozen straight into the file. That
        // is the bytes of `Index` exactly: its fields in order, `search` (the last) as a
        // length and the bytes.
        let mut sized = Counted {
            out: &mut std::io::sink(),
            bytes: 0,
        };
        self.search.freeze_into(&mut sized)?;
        let search_len = sized.bytes;
        let head = IndexHead {
            fingerprint: &self.index.fingerprint,
            dirs: &self.index.dirs,
            files: &self.index.files,
            headlines: &self.index.headlines,
        };
        let mut counted = Counted {
            out: &mut self.out,
            bytes: 0,
        };
        postcard::to_io(&(head, search_len), &mut counted).map_err(std::io::Error::other)?;
        self.search.freeze_into(&mut counted)?;
        let len = counted.bytes;
        self.out.write_all(&len.to_le_bytes())?;
        self.out.write_all(MAGIC)?;
        self.out.flush()?;
        self.out.get_ref().sync_all()?;
        crate::logging::debug_delay("cache");
        std::fs::rename(&self.tmp, &self.dest)?;
        tracing::debug!(
            "load: cache of {} postings written in {:?}",
            self.index.headlines.len(),
            started.elapsed()
        );
        Ok(())
    }
}

/// [`Index`] but its last field, as written (see [`Writer::finish`]).
#[derive(Serialize)]
struct IndexHead<'a> {
    fingerprint: &'a str,
    dirs: &'a [(String, i128)],
    files: &'a [FileRec],
    headlines: &'a [Headline],
}

/// A writer that counts what goes through it.
struct Counted<'a, W: Write> {
    out: &'a mut W,
    bytes: u64,
}

impl<W: Write> Write for Counted<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        // A finished writer has renamed its temp file; an abandoned one leaves nothing behind.
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// What names a writer's temp file: `.<cache file>.tmp-<pid>`.
const TEMP_MARK: &str = ".tmp-";

/// Removes the temp files of writers that never finished (killed, crashed, the machine went
/// down): a live writer holds a lock on its temp file, so one that can be locked is abandoned.
/// Each is as large as a cache, so they must not pile up.
fn remove_abandoned(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with('.') && name.contains(TEMP_MARK)) {
            continue;
        }
        let abandoned = File::open(e.path()).is_ok_and(|f| f.try_lock().is_ok());
        if abandoned {
            tracing::debug!("removing an abandoned cache temp file: {name}");
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Creates a file readable by its owner only.
pub fn private_file(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_skip_for_the_files_surroundings_holds_only_while_they_do() {
        let dir = tempfile::tempdir().unwrap();
        let here = dir.path().join("here.txt");
        std::fs::write(&here, "x").unwrap();
        let gone = dir.path().join("gone.txt");
        let rec = |size, recheck: bool| FileRec {
            path: String::new(),
            stamp: Stamp { size, mtime_ns: 0 },
            skip: recheck.then(|| "permission denied".to_string()),
            recheck,
            first: 0,
            count: 0,
        };
        // Parsed: holds while the file is within the limit.
        assert!(rec(10, false).still_holds(&here, 10));
        assert!(!rec(11, false).still_holds(&here, 10));
        // Skipped for its surroundings: holds while over the limit or unopenable.
        assert!(rec(11, true).still_holds(&here, 10));
        assert!(rec(5, true).still_holds(&gone, 10));
        assert!(!rec(5, true).still_holds(&here, 10));
    }

    use super::*;
    use crate::posting::WorkMode;

    fn posting(title: &str) -> Posting {
        Posting {
            id: title.into(),
            title: Some(title.into()),
            company: Some("Acme".into()),
            skills: vec!["Rust".into(), "SQL".into()],
            work_mode: Some(WorkMode::Hybrid),
            ..Default::default()
        }
    }

    #[test]
    fn write_then_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("c.bin");
        let mut w = Writer::create(&dest, 2).unwrap();
        let s1 = Stamp {
            size: 10,
            mtime_ns: 5,
        };
        let ps = [(posting("A"), None), (posting("B"), None)];
        w.add("a.txt", s1, Ok(&ps)).unwrap();
        w.add("b.txt", s1, Err(&crate::parse::SkipReason::Empty))
            .unwrap();
        w.add_dir(dir.path().to_str().unwrap(), 1);
        w.finish("fp").unwrap();
        let r = Reader::open(&dest, "fp").unwrap();
        assert_eq!(r.len(), 2);
        let f = r.file("a.txt", s1).unwrap().clone();
        assert_eq!((f.first, f.count), (0, 2));
        assert_eq!(r.posting(1).unwrap(), posting("B"));
        let search = crate::search::SearchIndex::thaw(&r.index.search).expect("a frozen index");
        assert_eq!(search.len(), 2);
        let hits = search.search(&crate::search::Query::parse("mode:hybrid b"));
        assert_eq!(hits.len(), 1);
        assert_eq!(
            r.posting(hits[0].index).unwrap().title.as_deref(),
            Some("B")
        );
        assert_eq!(
            r.file("b.txt", s1).unwrap().skip.as_deref(),
            Some("empty file")
        );
        assert!(
            r.file(
                "a.txt",
                Stamp {
                    size: 11,
                    mtime_ns: 5
                }
            )
            .is_none(),
            "changed size"
        );
        assert!(
            r.file(
                "a.txt",
                Stamp {
                    size: 10,
                    mtime_ns: 6
                }
            )
            .is_none(),
            "changed mtime"
        );
        assert!(
            !r.folders_unchanged(),
            "the folder's recorded time is not its time"
        );
        assert!(Reader::open(&dest, "other parser").is_none());
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&dest).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn temp_files_of_writers_that_never_finished_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let names = |d: &Path| -> Vec<String> {
            let mut v: Vec<String> = std::fs::read_dir(d)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        // A writer killed mid-way: its temp file stays, and nobody holds it.
        let killed = dir.path().join(".old.bin.tmp-999999");
        std::fs::write(&killed, b"half a cache").unwrap();
        // A writer still at work, for another set of folders.
        let live = Writer::create(&dir.path().join("other.bin"), 0).unwrap();
        let live_tmp = live.tmp.clone();
        // A file that is not a temp file stays whatever its name holds.
        std::fs::write(dir.path().join("notes.tmp-1"), b"x").unwrap();

        let w = Writer::create(&dir.path().join("mine.bin"), 0).unwrap();
        assert!(!killed.exists(), "the abandoned temp file is removed");
        assert!(live_tmp.exists(), "a live writer's temp file is kept");
        w.finish("fp").unwrap();
        drop(live);
        assert_eq!(names(dir.path()), ["mine.bin", "notes.tmp-1"]);
    }

    #[test]
    fn damaged_files_are_no_cache() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.bin");
        for junk in [
            &b""[..],
            b"JDP2",
            b"\xff\xff\xff\xff\xff\xff\xff\x7fJDP2",
            b"garbage garbage garbage",
        ] {
            std::fs::write(&p, junk).unwrap();
            assert!(Reader::open(&p, "fp").is_none());
        }
    }
}
