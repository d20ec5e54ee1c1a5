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
//! rename it over the old one (`fsio::AtomicFile`). Anything unexpected in the file means "no
//! cache", never an error.
//!
//! The cache is untrusted like everything on disk: it is opened without blocking (a FIFO in its
//! place is no cache), it names the folders it was built for (a cache copied from another
//! folder is no cache), the index and every posting's blob carry a CRC-32 (a damaged record
//! means the file is parsed again), and what a blob decodes to is sanitized again.

// Hot internal maps: a fast non-cryptographic hash (keys are local data).
use rustc_hash::FxHashMap as HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};

use crate::fsio::{self, AtomicFile};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::posting::Posting;

const MAGIC: &[u8; 4] = b"JDP3";
/// Bump when the cache layout or the meaning of parse results changes.
const SCHEMA: u32 = 9;
/// The trailer: the index's length (8 bytes), its CRC-32 (4), the magic tag (4).
const TRAILER: u64 = 16;
/// Largest index accepted (a corrupt length must not trigger a huge allocation).
const MAX_INDEX: u64 = 1 << 31;

pub use super::walk::Stamp;

/// Where a posting's blob is, and its id as a number (to list a posting saved twice once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headline {
    pub offset: u64,
    pub len: u32,
    pub id: u64,
    /// CRC-32 of the blob.
    pub sum: u32,
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
    /// The folders (or files) the cache was built for, as [`root_keys`] gives them.
    pub roots: Vec<String>,
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

/// The corpus roots as the cache records them: each made absolute, symlinks resolved.
pub fn root_keys(roots: &[PathBuf]) -> Vec<String> {
    roots
        .iter()
        .map(|r| {
            std::fs::canonicalize(r)
                .unwrap_or_else(|_| r.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// The cache file for a set of corpus roots.
pub fn cache_file(cache_dir: &Path, roots: &[PathBuf]) -> PathBuf {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for r in root_keys(roots) {
        h.update(r.as_bytes());
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
    pub roots: Vec<&'a str>,
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
    /// Reads the trailer and the index bytes; None when the file is missing, not a regular
    /// file (never blocking on a FIFO), not a cache, or its index is damaged.
    pub fn read(path: &Path) -> Option<RawIndex> {
        let (file, meta) = fsio::open_regular(path).ok()?;
        let len = meta.len();
        if len < TRAILER {
            return None;
        }
        let mut trailer = [0u8; TRAILER as usize];
        file.read_exact_at(&mut trailer, len - TRAILER).ok()?;
        if &trailer[12..] != MAGIC {
            return None;
        }
        let index_len = u64::from_le_bytes(trailer[..8].try_into().ok()?);
        let sum = u32::from_le_bytes(trailer[8..12].try_into().ok()?);
        if index_len > MAX_INDEX || index_len > len - TRAILER {
            return None;
        }
        let mut bytes = vec![0u8; index_len as usize];
        file.read_exact_at(&mut bytes, len - TRAILER - index_len)
            .ok()?;
        if crc32fast::hash(&bytes) != sum {
            return None;
        }
        Some(RawIndex {
            file,
            bytes,
            data_end: len - TRAILER - index_len,
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

    /// The index, borrowing from these bytes, when it was written by this parser for these
    /// roots ([`root_keys`]).
    pub fn borrowed(&self, fingerprint: &str, roots: &[String]) -> Option<IndexRef<'_>> {
        let index: IndexRef = postcard::from_bytes(&self.bytes).ok()?;
        let ok = index.fingerprint == fingerprint
            && index
                .roots
                .iter()
                .copied()
                .eq(roots.iter().map(String::as_str))
            && self.valid(
                &index.headlines,
                index.files.iter().map(|f| (f.first, f.count)),
            );
        ok.then_some(index)
    }

    /// The posting a headline points at, read, checked and decoded.
    pub fn posting(&self, h: &Headline) -> Option<Posting> {
        decode(&read_blob(&self.file, h)?)
    }
}

/// A cache opened for reading (the loader's view: every file's record by path).
pub struct Reader {
    file: File,
    pub index: Index,
    by_path: HashMap<String, usize>,
}

impl Reader {
    /// Opens a cache file; None when it is missing, foreign (another parser, other roots),
    /// stale or damaged.
    pub fn open(path: &Path, fingerprint: &str, roots: &[String]) -> Option<Reader> {
        let raw = RawIndex::read(path)?;
        let index: Index = postcard::from_bytes(&raw.bytes).ok()?;
        let ok = index.fingerprint == fingerprint
            && index.roots == roots
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

    /// The raw blob of posting `i`, when its checksum holds.
    pub fn blob(&self, i: u32) -> Option<Vec<u8>> {
        read_blob(&self.file, self.index.headlines.get(i as usize)?)
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

/// A blob, when it reads back whole and its checksum holds.
fn read_blob(file: &File, h: &Headline) -> Option<Vec<u8>> {
    let mut buf = vec![0u8; h.len as usize];
    file.read_exact_at(&mut buf, h.offset).ok()?;
    (crc32fast::hash(&buf) == h.sum).then_some(buf)
}

/// Encodes a posting for the cache.
pub fn encode(p: &Posting) -> Vec<u8> {
    postcard::to_allocvec(p).unwrap_or_default()
}

/// Decodes a cached posting; None if damaged. Its text is sanitized again: the cache is a file
/// anyone with access to the folder could have changed.
pub fn decode(bytes: &[u8]) -> Option<Posting> {
    let mut p: Posting = postcard::from_bytes(bytes).ok()?;
    crate::sanitize::sanitize_posting(&mut p);
    Some(p)
}

/// A posting with its encoded blob when already at hand (`None`: the writer encodes it).
pub type WithBlob = (Posting, Option<Vec<u8>>);

/// Writes a new cache file next to the old one, then renames it into place.
pub struct Writer {
    out: BufWriter<AtomicFile>,
    offset: u64,
    index: Index,
    /// The search index over every posting added, frozen into the index at the end.
    search: crate::search::SearchIndex,
}

impl Writer {
    /// A writer for about `files` files (room for their records is made at once), for the
    /// corpus `roots` ([`root_keys`]).
    pub fn create(dest: &Path, roots: Vec<String>, files: usize) -> std::io::Result<Writer> {
        let dir = fsio::folder(dest);
        fsio::create_private_dir(dir)?;
        // Each is as large as a cache: they must not pile up.
        fsio::remove_abandoned(dir, None);
        let file = AtomicFile::create(dest)?;
        Ok(Writer {
            out: BufWriter::with_capacity(1 << 20, file),
            offset: 0,
            index: Index {
                roots,
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
                        sum: crc32fast::hash(bytes),
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
            crc: crc32fast::Hasher::new(),
        };
        self.search.freeze_into(&mut sized)?;
        let search_len = sized.bytes;
        let head = IndexHead {
            fingerprint: &self.index.fingerprint,
            roots: &self.index.roots,
            dirs: &self.index.dirs,
            files: &self.index.files,
            headlines: &self.index.headlines,
        };
        let mut counted = Counted {
            out: &mut self.out,
            bytes: 0,
            crc: crc32fast::Hasher::new(),
        };
        postcard::to_io(&(head, search_len), &mut counted).map_err(std::io::Error::other)?;
        self.search.freeze_into(&mut counted)?;
        let (len, sum) = (counted.bytes, counted.crc.finalize());
        self.out.write_all(&len.to_le_bytes())?;
        self.out.write_all(&sum.to_le_bytes())?;
        self.out.write_all(MAGIC)?;
        let mut file = self.out.into_inner().map_err(|e| e.into_error())?;
        file.sync()?;
        crate::debug::debug_delay("cache");
        file.rename()?;
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
    roots: &'a [String],
    dirs: &'a [(String, i128)],
    files: &'a [FileRec],
    headlines: &'a [Headline],
}

/// A writer that counts (and checksums) what goes through it.
struct Counted<'a, W: Write> {
    out: &'a mut W,
    bytes: u64,
    crc: crc32fast::Hasher,
}

impl<W: Write> Write for Counted<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.bytes += n as u64;
        self.crc.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
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

    fn roots() -> Vec<String> {
        vec!["/postings".to_string()]
    }

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
        let mut w = Writer::create(&dest, roots(), 2).unwrap();
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
        let r = Reader::open(&dest, "fp", &roots()).unwrap();
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
        assert!(Reader::open(&dest, "other parser", &roots()).is_none());
        assert!(
            Reader::open(&dest, "fp", &["/elsewhere".to_string()]).is_none(),
            "a cache built for other folders is no cache"
        );
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
        let killed = dir.path().join(".old.bin.999999.0.tmp");
        // The name an older jobdeck gave its temp files.
        let older = dir.path().join(".old.bin.tmp-999999");
        std::fs::write(&older, b"half a cache").unwrap();
        std::fs::write(&killed, b"half a cache").unwrap();
        // A writer still at work, for another set of folders.
        let live = Writer::create(&dir.path().join("other.bin"), roots(), 0).unwrap();
        let live_tmp = live.out.get_ref().temp_path().to_path_buf();
        // A file that is not a temp file stays whatever its name holds.
        std::fs::write(dir.path().join("notes.tmp-1"), b"x").unwrap();

        let w = Writer::create(&dir.path().join("mine.bin"), roots(), 0).unwrap();
        assert!(!killed.exists(), "the abandoned temp file is removed");
        assert!(!older.exists());
        assert!(live_tmp.exists(), "a live writer's temp file is kept");
        w.finish("fp").unwrap();
        drop(live);
        assert_eq!(names(dir.path()), ["mine.bin", "notes.tmp-1"]);
    }

    /// A cache whose records were changed on disk: the damaged record is refused (and its file
    /// parsed again), never decoded into wrong data; what a record decodes to is sanitized.
    #[test]
    fn a_damaged_record_or_index_is_refused_and_escapes_never_come_out() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("c.bin");
        let mut w = Writer::create(&dest, roots(), 1).unwrap();
        let stamp = Stamp {
            size: 1,
            mtime_ns: 1,
        };
        let mut evil = posting("Evil");
        evil.title = Some("Evil\u{1b}]2;pwned\u{7} title".into());
        // Written as a tampering hand would write it: escapes inside a valid record.
        w.add("a.txt", stamp, Ok(&[(evil, None), (posting("Good"), None)]))
            .unwrap();
        w.finish("fp").unwrap();
        let r = Reader::open(&dest, "fp", &roots()).unwrap();
        assert_eq!(
            r.posting(0).unwrap().title.as_deref(),
            Some("Evil title"),
            "sanitized when decoded"
        );
        // Flip a byte inside the second blob.
        let h = r.index.headlines[1];
        let mut bytes = std::fs::read(&dest).unwrap();
        bytes[h.offset as usize + 2] ^= 0x55;
        std::fs::write(&dest, &bytes).unwrap();
        let r = Reader::open(&dest, "fp", &roots()).unwrap();
        assert!(r.posting(0).is_some());
        assert!(r.blob(1).is_none(), "the damaged record is refused");
        // Flip a byte inside the index: the whole cache is refused.
        let len = bytes.len();
        bytes[len - TRAILER as usize - 3] ^= 0x55;
        std::fs::write(&dest, &bytes).unwrap();
        assert!(Reader::open(&dest, "fp", &roots()).is_none());
        assert!(RawIndex::read(&dest).is_none());
    }

    #[test]
    fn a_fifo_or_a_device_in_place_of_the_cache_is_no_cache_and_never_blocks() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.bin");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()));
        let zero = dir.path().join("zero.bin");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for p in [fifo, zero] {
            let (tx, rx) = flume::unbounded();
            let q = p.clone();
            std::thread::spawn(move || {
                let _ =
                    tx.send(RawIndex::read(&q).is_none() && Reader::open(&q, "fp", &[]).is_none());
            });
            let none = rx
                .recv_timeout(std::time::Duration::from_secs(10))
                .unwrap_or_else(|_| panic!("reading {} hung", p.display()));
            assert!(none);
        }
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
            assert!(Reader::open(&p, "fp", &roots()).is_none());
        }
    }
}
