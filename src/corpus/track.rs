//! The tracking record of a pulled board: `<board folder>/.jobdeck-pull.json`, beside the
//! posting files it describes. It lives in the postings folder, not in jobdeck's data folder,
//! because the folder is the single source of truth: copied, synced or moved elsewhere, the
//! history of its pulled postings goes with it, and nothing outside the folder has to agree
//! with it. Its name starts with a dot, so the loader and the watcher never take it for a
//! posting; they read it to tell each pulled posting when it was first and last seen, whether
//! it closed, and what changed ([`Tracker`]). Like every file there it is untrusted: read
//! within a size limit, and when it does not parse it is skipped with a reason (and set aside
//! by the next pull, which starts a new record).
//!
//! ```json
//! {
//!   "version": 1, "source": "greenhouse", "board": "postman",
//!   "last_pull": "2026-12-02T09:00:00.000+01:00", "previous_pull": "2026-12-01T09:00:00.000+01:00",
//!   "validators": {"etag": "\"abc\""},
//!   "postings": {
//!     "4012001": {"file": "4012001.json", "first_seen": "…", "last_seen": "…", "closed": null,
//!                 "changes": [{"field": "salary", "from": "$150k–180k/yr", "to": "$160k–190k/yr", "at": "…"}]}
//!   }
//! }
//! ```

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::Skipped;
use crate::parse::SkipReason;
use crate::posting::{FieldChange, Posting, Pulled};

/// The tracking record's file name in a board folder.
pub const TRACK_FILE: &str = ".jobdeck-pull.json";
/// The record's format version; a newer one is never overwritten.
pub const VERSION: u32 = 1;

/// A board's tracking record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardRecord {
    pub version: u32,
    pub source: String,
    pub board: String,
    /// Time of the latest pull (RFC 3339 in the file, as every time stamp here; one that is
    /// not makes the record unreadable, as any other bad field does).
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub last_pull: Option<OffsetDateTime>,
    /// Time of the pull before it.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub previous_pull: Option<OffsetDateTime>,
    /// The listing's `ETag` / `Last-Modified`, for a conditional request next time.
    #[serde(default)]
    pub validators: Validators,
    /// Per posting id on the board.
    #[serde(default)]
    pub postings: BTreeMap<String, PostingRecord>,
}

/// What the record keeps about one posting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostingRecord {
    /// Its file name in the board folder.
    pub file: String,
    #[serde(with = "time::serde::rfc3339")]
    pub first_seen: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub last_seen: OffsetDateTime,
    /// The first pull that no longer listed it.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub closed: Option<OffsetDateTime>,
    #[serde(default)]
    pub changes: Vec<FieldChange>,
}

/// Why a record could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Written by a newer jobdeck: left alone.
    Newer(u32),
    /// Unreadable or not a record.
    Bad(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Newer(v) => {
                write!(f, "written by a newer jobdeck (version {v}); left as it is")
            }
            LoadError::Bad(e) => write!(f, "{e}"),
        }
    }
}

impl BoardRecord {
    /// An empty record of the board `board` of the source named `source` ("greenhouse").
    pub fn new(source: &str, board: &str) -> BoardRecord {
        BoardRecord {
            version: VERSION,
            source: source.to_string(),
            board: board.to_string(),
            last_pull: None,
            previous_pull: None,
            validators: Validators::default(),
            postings: BTreeMap::new(),
        }
    }

    /// The record of a board folder: None when there is none.
    pub fn load(dir: &Path, max_bytes: u64) -> Result<Option<BoardRecord>, LoadError> {
        let path = dir.join(TRACK_FILE);
        if std::fs::symlink_metadata(&path).is_err() {
            return Ok(None);
        }
        let bytes = super::walk::read_limited(&path, max_bytes)
            .map_err(|r| LoadError::Bad(r.to_string()))?;
        #[derive(Deserialize)]
        struct Version {
            version: u32,
        }
        let v: Version = serde_json::from_slice(&bytes)
            .map_err(|e| LoadError::Bad(format!("not a tracking record: {e}")))?;
        if v.version > VERSION {
            return Err(LoadError::Newer(v.version));
        }
        let mut rec: BoardRecord = serde_json::from_slice(&bytes)
            .map_err(|e| LoadError::Bad(format!("not a tracking record: {e}")))?;
        // Text from the file reaches the screen: clean it once, here.
        for r in rec.postings.values_mut() {
            for c in &mut r.changes {
                for v in [&mut c.from, &mut c.to].into_iter().flatten() {
                    *v = crate::sanitize::clean_field(v);
                }
                c.field = crate::sanitize::clean_field(&c.field);
            }
        }
        Ok(Some(rec))
    }

    /// Whether a posting first seen, or changed, at `time` was so by the latest pull.
    fn is_latest(&self, time: OffsetDateTime) -> bool {
        self.last_pull == Some(time)
    }

    /// What a posting of this board carries: its record, as the loader attaches it.
    pub fn pulled(&self, id: &str) -> Option<Pulled> {
        let r = self.postings.get(id)?;
        Some(Pulled {
            source: self.source.clone(),
            board: self.board.clone(),
            id: id.to_string(),
            first_seen: r.first_seen,
            last_seen: r.last_seen,
            closed: r.closed,
            changes: r.changes.clone(),
            new: self.is_latest(r.first_seen),
            changed: r.changes.iter().any(|c| self.is_latest(c.at)),
        })
    }
}

/// The validators of a board's listing response (`ETag`, `Last-Modified`), for a
/// conditional request next time.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// Attaches tracking records to the postings of pulled files, reading each board folder's
/// record once. Postings of folders without a record are left alone.
#[derive(Debug, Default)]
pub struct Tracker {
    max_bytes: u64,
    boards: HashMap<PathBuf, Option<Arc<BoardRecord>>>,
    problems: Vec<Skipped>,
}

impl Tracker {
    pub fn new(max_bytes: u64) -> Tracker {
        Tracker {
            max_bytes,
            ..Tracker::default()
        }
    }

    /// Sets `pulled` on the postings of the file at `path` (named `source` for messages) from
    /// its folder's record.
    pub fn attach(&mut self, path: &Path, source: &str, postings: &mut [Posting]) {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            return;
        };
        let rec = match self.boards.get(dir) {
            Some(r) => r.clone(),
            None => {
                let r = match BoardRecord::load(dir, self.max_bytes) {
                    Ok(r) => r.map(Arc::new),
                    Err(e) => {
                        self.problems.push(Skipped {
                            source: crate::sanitize::shown_path(
                                &Path::new(source).with_file_name(TRACK_FILE),
                            ),
                            reason: SkipReason::Malformed {
                                format: "tracking record",
                                detail: e.to_string(),
                            },
                        });
                        None
                    }
                };
                self.boards.insert(dir.to_path_buf(), r.clone());
                r
            }
        };
        let Some(rec) = rec else {
            return;
        };
        let name = name.to_string_lossy();
        let Some(id) = rec
            .postings
            .iter()
            .find(|(_, r)| r.file == name)
            .map(|(id, _)| id.clone())
        else {
            return;
        };
        if let Some(pulled) = rec.pulled(&id) {
            for p in postings {
                p.pulled = Some(Box::new(pulled.clone()));
            }
        }
    }

    /// The records that could not be read since the last call (each told once).
    pub fn take_problems(&mut self) -> Vec<Skipped> {
        std::mem::take(&mut self.problems)
    }
}

/// The posting files of a board folder (not its record, nor anything hidden), sorted.
pub fn board_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}
