//! The parse cache: what each file parsed to, keyed by its path, size and modification time and
//! by the parser's version, so that a second start over a large folder skips parsing.
//!
//! One cache file per set of folders, in the `directories` cache dir. Layout: the entries' data
//! (postcard-encoded parse results, one blob per file), then the index (postcard: fingerprint
//! and, per file, path, size, mtime, offset and length), then the index's length and a magic
//! tag. Readers load only the index and fetch each blob with a positioned read when its file is
//! visited, so the cache is never held in memory whole. Writers build a temp file and rename it
//! over the old one. Anything unexpected in the file means "no cache", never an error.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::posting::Posting;

const MAGIC: &[u8; 4] = b"JDP1";
/// Bump when the cache layout or the meaning of parse results changes.
const SCHEMA: u32 = 1;
/// Largest index accepted (a corrupt length must not trigger a huge allocation).
const MAX_INDEX: u64 = 1 << 30;

/// What a file parsed to: its postings, or the reason it was skipped.
pub type Parsed = Result<Vec<Posting>, String>;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct IndexEntry {
    path: String,
    size: u64,
    mtime_ns: i128,
    offset: u64,
    len: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct Index {
    fingerprint: String,
    entries: Vec<IndexEntry>,
}

/// A file's identity for the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// A cache opened for reading.
pub struct Reader {
    file: File,
    entries: HashMap<String, IndexEntry>,
}

impl Reader {
    /// Opens a cache file; None when it is missing, foreign, stale or damaged.
    pub fn open(path: &Path, fingerprint: &str) -> Option<Reader> {
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
        let mut buf = vec![0u8; index_len as usize];
        file.read_exact_at(&mut buf, len - 12 - index_len).ok()?;
        let index: Index = postcard::from_bytes(&buf).ok()?;
        if index.fingerprint != fingerprint {
            return None;
        }
        let data_end = len - 12 - index_len;
        let entries = index
            .entries
            .into_iter()
            .filter(|e| {
                e.offset
                    .checked_add(e.len)
                    .is_some_and(|end| end <= data_end)
            })
            .map(|e| (e.path.clone(), e))
            .collect();
        Some(Reader { file, entries })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether the cache holds this file at this stamp.
    pub fn has(&self, path: &str, stamp: Stamp) -> bool {
        self.entries
            .get(path)
            .is_some_and(|e| e.size == stamp.size && e.mtime_ns == stamp.mtime_ns)
    }

    /// The raw cached result for a file, when its stamp still matches.
    pub fn raw(&self, path: &str, stamp: Stamp) -> Option<Vec<u8>> {
        let e = self.entries.get(path)?;
        if e.size != stamp.size || e.mtime_ns != stamp.mtime_ns {
            return None;
        }
        let mut buf = vec![0u8; e.len as usize];
        self.file.read_exact_at(&mut buf, e.offset).ok()?;
        Some(buf)
    }
}

/// Encodes a parse result for the cache.
pub fn encode(parsed: &Parsed) -> Vec<u8> {
    postcard::to_allocvec(parsed).unwrap_or_default()
}

/// Decodes a cached parse result; None if damaged.
pub fn decode(bytes: &[u8]) -> Option<Parsed> {
    postcard::from_bytes(bytes).ok()
}

/// Writes a new cache file next to the old one, then renames it into place.
pub struct Writer {
    tmp: PathBuf,
    dest: PathBuf,
    out: BufWriter<File>,
    offset: u64,
    entries: Vec<IndexEntry>,
}

impl Writer {
    pub fn create(dest: &Path) -> std::io::Result<Writer> {
        let dir = dest.parent().unwrap_or(Path::new("."));
        crate::store::create_private_dir(dir)?;
        let tmp = dir.join(format!(
            ".{}.tmp-{}",
            dest.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
            std::process::id()
        ));
        let file = private_file(&tmp)?;
        Ok(Writer {
            tmp,
            dest: dest.to_path_buf(),
            out: BufWriter::new(file),
            offset: 0,
            entries: Vec::new(),
        })
    }

    pub fn add(&mut self, path: &str, stamp: Stamp, data: &[u8]) -> std::io::Result<()> {
        self.out.write_all(data)?;
        self.entries.push(IndexEntry {
            path: path.to_string(),
            size: stamp.size,
            mtime_ns: stamp.mtime_ns,
            offset: self.offset,
            len: data.len() as u64,
        });
        self.offset += data.len() as u64;
        Ok(())
    }

    pub fn finish(mut self, fingerprint: &str) -> std::io::Result<()> {
        let index = postcard::to_allocvec(&Index {
            fingerprint: fingerprint.to_string(),
            entries: std::mem::take(&mut self.entries),
        })
        .map_err(std::io::Error::other)?;
        self.out.write_all(&index)?;
        self.out.write_all(&(index.len() as u64).to_le_bytes())?;
        self.out.write_all(MAGIC)?;
        self.out.flush()?;
        self.out.get_ref().sync_all()?;
        std::fs::rename(&self.tmp, &self.dest)
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        // A finished writer has renamed its temp file; an abandoned one leaves nothing behind.
        let _ = std::fs::remove_file(&self.tmp);
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
    use super::*;

    fn posting(title: &str) -> Posting {
        Posting {
            id: title.into(),
            title: Some(title.into()),
            ..Default::default()
        }
    }

    #[test]
    fn write_then_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("c.bin");
        let mut w = Writer::create(&dest).unwrap();
        let a: Parsed = Ok(vec![posting("A"), posting("B")]);
        let b: Parsed = Err("empty file".into());
        let s1 = Stamp {
            size: 10,
            mtime_ns: 5,
        };
        w.add("a.txt", s1, &encode(&a)).unwrap();
        w.add("b.txt", s1, &encode(&b)).unwrap();
        w.finish("fp").unwrap();
        let r = Reader::open(&dest, "fp").unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(decode(&r.raw("a.txt", s1).unwrap()).unwrap(), a);
        assert_eq!(decode(&r.raw("b.txt", s1).unwrap()).unwrap(), b);
        assert!(
            r.raw(
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
            r.raw(
                "a.txt",
                Stamp {
                    size: 10,
                    mtime_ns: 6
                }
            )
            .is_none(),
            "changed mtime"
        );
        assert!(Reader::open(&dest, "other parser").is_none());
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&dest).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn damaged_files_are_no_cache() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.bin");
        for junk in [
            &b""[..],
            b"JDP1",
            b"\xff\xff\xff\xff\xff\xff\xff\x7fJDP1",
            b"garbage garbage garbage",
        ] {
            std::fs::write(&p, junk).unwrap();
            assert!(Reader::open(&p, "fp").is_none());
        }
    }
}
