//! Shortlists: the one thing jobdeck owns. Bookmarks (with a snapshot of their posting, so they
//! can be shown when the posting is gone), named lists, notes, application status with its
//! history, and hidden ("not interested") postings.
//!
//! This module is the pure model: [`Shortlists`] and the [`Change`]s applied to it. Applying a
//! change does no I/O, and every change is an *operation* rather than a new state, so that
//! [`Store`] (in `file.rs`) can merge: under a lock it re-reads what another jobdeck process
//! wrote and re-applies its own pending operations on top. Neither process loses the other's
//! changes.

pub mod export;
mod file;
mod relink;
pub use relink::followed_message;
pub mod stamp;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::{OffsetDateTime, UtcOffset};

use crate::posting::{Posting, Salary};
use crate::sanitize::{clean_field, sanitize};

pub use crate::fsio::create_private_dir;
pub use file::{MAX_STORE_SIZE, Store, StoreError, WriteHook, WriteStep};

/// The list a posting goes to when no list is named. It always exists.
pub const DEFAULT_LIST: &str = "Saved";

/// The file format version this jobdeck reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Where an application stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::Display,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Status {
    Saved,
    Applied,
    Interviewing,
    Offer,
    Rejected,
    Withdrawn,
}

impl Status {
    /// Every status, in the order [`Status::next`] cycles through.
    pub const ALL: &'static [Status] = <Status as strum::VariantArray>::VARIANTS;

    /// The following status; withdrawn wraps round to saved.
    pub fn next(self) -> Status {
        let i = Status::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Status::ALL[(i + 1) % Status::ALL.len()]
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses a name as printed by [`Status::as_str`], case-insensitively.
    pub fn from_name(s: &str) -> Option<Status> {
        s.trim().parse().ok()
    }
}

/// A status and the (local) date it was set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: Status,
    /// `YYYY-MM-DD`, in the user's local time zone when it could be determined (else UTC).
    pub date: String,
}

/// What a bookmark remembers of its posting, so it can be shown when the posting is gone.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub company: Option<String>,
    #[serde(default)]
    pub locations: Vec<String>,
    #[serde(default)]
    pub salary: Option<Salary>,
    /// The file the posting was read from when the snapshot was taken.
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub url: Option<String>,
    /// Fields written by a newer jobdeck: kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Snapshot {
    pub fn of(p: &Posting) -> Snapshot {
        Snapshot {
            title: p.title.clone(),
            company: p.company.clone(),
            locations: p.locations.clone(),
            salary: p.salary.clone(),
            source: p.source.clone(),
            url: p.url.clone(),
            extra: Map::new(),
        }
    }

    /// "Title at Company", like [`Posting::headline`].
    pub fn headline(&self) -> String {
        match (&self.title, &self.company) {
            (Some(t), Some(c)) => format!("{t} at {c}"),
            (Some(t), None) => t.clone(),
            (None, Some(c)) => format!("(untitled) at {c}"),
            (None, None) => "(untitled posting)".to_string(),
        }
    }

    /// A posting holding what the snapshot knows (for searching and showing missing postings).
    pub fn to_posting(&self, id: &str) -> Posting {
        Posting {
            id: id.to_string(),
            source: self.source.clone(),
            title: self.title.clone(),
            company: self.company.clone(),
            locations: self.locations.clone(),
            salary: self.salary.clone(),
            url: self.url.clone(),
            ..Default::default()
        }
    }

    /// Removes control characters and escape sequences from every text field (the file may
    /// have been edited by hand or imported from elsewhere).
    fn sanitize(&mut self) {
        let clean = |o: &mut Option<String>| {
            *o = o.as_deref().map(clean_field).filter(|s| !s.is_empty());
        };
        clean(&mut self.title);
        clean(&mut self.company);
        clean(&mut self.url);
        self.locations = self
            .locations
            .iter()
            .map(|l| clean_field(l))
            .filter(|l| !l.is_empty())
            .collect();
        self.source = clean_field(&self.source);
        if let Some(s) = &mut self.salary {
            s.currency = clean_field(&s.currency);
        }
    }

    /// Fills what this snapshot lacks from `other`.
    fn fill_from(&mut self, other: &Snapshot) {
        if self.title.is_none() {
            self.title.clone_from(&other.title);
        }
        if self.company.is_none() {
            self.company.clone_from(&other.company);
        }
        if self.locations.is_empty() {
            self.locations.clone_from(&other.locations);
        }
        if self.salary.is_none() {
            self.salary.clone_from(&other.salary);
        }
        if self.source.is_empty() {
            self.source.clone_from(&other.source);
        }
        if self.url.is_none() {
            self.url.clone_from(&other.url);
        }
        for (k, v) in &other.extra {
            self.extra.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
}

/// A posting the user did something with: saved it to lists, wrote a note, set a status or
/// hid it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bookmark {
    /// The posting's stable id (see [`crate::posting::posting_id`]); survives renames and moves.
    #[serde(default)]
    pub id: String,
    pub snapshot: Snapshot,
    /// The lists it is on, in the order it was put on them. Empty for a posting that is only
    /// hidden or only has a note.
    #[serde(default)]
    pub lists: Vec<String>,
    /// Free text, possibly several lines.
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub status: Option<Status>,
    /// Every status it was given, oldest first.
    #[serde(default)]
    pub status_history: Vec<StatusChange>,
    /// "Not interested": kept out of the browser's results.
    #[serde(default)]
    pub hidden: bool,
    /// When it was first added; None when the file did not say (or said something that is
    /// not an RFC 3339 time). See [`stamp`].
    #[serde(default, with = "stamp")]
    pub added: Option<OffsetDateTime>,
    /// When it last changed, like `added`.
    #[serde(default, with = "stamp")]
    pub updated: Option<OffsetDateTime>,
    /// Fields written by a newer jobdeck: kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Bookmark {
    fn new(id: &str, snapshot: Snapshot, stamp: OffsetDateTime) -> Bookmark {
        Bookmark {
            id: id.to_string(),
            snapshot,
            lists: Vec::new(),
            note: None,
            status: None,
            status_history: Vec::new(),
            hidden: false,
            added: Some(stamp),
            updated: Some(stamp),
            extra: Map::new(),
        }
    }

    /// On at least one list.
    pub fn is_saved(&self) -> bool {
        !self.lists.is_empty()
    }

    /// Oldest addition first; those whose time is unknown after the others.
    pub fn by_added(a: &Bookmark, b: &Bookmark) -> std::cmp::Ordering {
        let key = |b: &Bookmark| (b.added.is_none(), b.added);
        key(a).cmp(&key(b))
    }

    /// The date the current status was set.
    pub fn status_date(&self) -> Option<&str> {
        let status = self.status?;
        self.status_history
            .iter()
            .rev()
            .find(|c| c.status == status)
            .map(|c| c.date.as_str())
    }

    /// Whether the entry holds anything but list memberships: a note, the hidden mark, or an
    /// application status beyond "saved". Only entries holding nothing are ever dropped.
    fn worth_keeping(&self) -> bool {
        !self.lists.is_empty()
            || self.note.is_some()
            || self.hidden
            || self
                .status_history
                .iter()
                .any(|c| c.status != Status::Saved)
            || self.status.is_some_and(|s| s != Status::Saved)
    }

    fn set_status(&mut self, status: Status, date: &str) {
        if self.status == Some(status) {
            return;
        }
        self.status = Some(status);
        self.status_history.push(StatusChange {
            status,
            date: date.to_string(),
        });
    }

    fn refresh_snapshot(&mut self, snapshot: &Snapshot) {
        let extra = std::mem::take(&mut self.snapshot.extra);
        self.snapshot = snapshot.clone();
        for (k, v) in extra {
            self.snapshot.extra.entry(k).or_insert(v);
        }
    }

    /// Merges an imported copy of the same bookmark: nothing this one holds is lost.
    fn merge(&mut self, other: &Bookmark) {
        for l in &other.lists {
            if !self.lists.contains(l) {
                self.lists.push(l.clone());
            }
        }
        self.note = match (self.note.take(), &other.note) {
            (None, o) => o.clone(),
            (Some(a), Some(o)) if !a.contains(o.as_str()) => Some(format!("{a}\n\n{o}")),
            (a, _) => a,
        };
        // The status set last wins; on the same day, the one further along.
        let key = |b: &Bookmark| {
            b.status
                .map(|s| (b.status_date().unwrap_or("").to_string(), s))
        };
        let (mine, theirs) = (key(self), key(other));
        for c in &other.status_history {
            if !self.status_history.contains(c) {
                self.status_history.push(c.clone());
            }
        }
        // Stable: equal dates keep their order (this store's first).
        self.status_history
            .sort_by(|a, b| compare_times(&a.date, &b.date));
        if theirs > mine {
            self.status = other.status;
        }
        self.hidden |= other.hidden;
        self.snapshot.fill_from(&other.snapshot);
        // The earliest known addition and the latest known change.
        if let Some(theirs) = other.added
            && self.added.is_none_or(|mine| theirs < mine)
        {
            self.added = Some(theirs);
        }
        self.updated = self.updated.max(other.updated);
        for (k, v) in &other.extra {
            self.extra.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
}

/// Orders RFC 3339 timestamps by the time they name. Not as text: the fraction of a second is
/// written without trailing zeros, so "…:01.12Z" sorts before "…:01.1Z" as text. Unparsable
/// ones compare as text, after the others.
pub fn compare_times(a: &str, b: &str) -> std::cmp::Ordering {
    use time::format_description::well_known::Rfc3339;
    match (
        OffsetDateTime::parse(a, &Rfc3339),
        OffsetDateTime::parse(b, &Rfc3339),
    ) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.cmp(b),
    }
}

/// Everything the shortlists file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shortlists {
    /// The format version, [`FORMAT_VERSION`].
    pub version: u32,
    /// The list names, in display order. Always contains [`DEFAULT_LIST`].
    #[serde(default)]
    pub lists: Vec<String>,
    /// Bookmarks by posting id.
    #[serde(default)]
    pub bookmarks: BTreeMap<String, Bookmark>,
    /// Fields written by a newer jobdeck: kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for Shortlists {
    fn default() -> Self {
        Shortlists {
            version: FORMAT_VERSION,
            lists: vec![DEFAULT_LIST.to_string()],
            bookmarks: BTreeMap::new(),
            extra: Map::new(),
        }
    }
}

/// Why a shortlists file (or an import) could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("not a jobdeck shortlists file: {0}")]
    Invalid(String),
    #[error(
        "written by a newer jobdeck (format version {0}; this jobdeck knows version {FORMAT_VERSION})"
    )]
    UnsupportedVersion(u64),
}

/// Why a change could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangeError {
    #[error("a posting id cannot be empty")]
    EmptyId,
    #[error("posting {0} is not bookmarked")]
    NotBookmarked(String),
    #[error("posting {id} is not on list {list:?}")]
    NotOnList { id: String, list: String },
    #[error("there is no list named {0:?}")]
    NoSuchList(String),
    #[error("a list named {0:?} already exists")]
    ListExists(String),
    #[error("the {DEFAULT_LIST:?} list cannot be renamed or deleted")]
    DefaultList,
    #[error("{0:?} is not a usable list name (empty, too long, or holding control characters)")]
    InvalidListName(String),
}

/// One thing the user did. Changes are operations, so they can be re-applied onto a state that
/// another process changed meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Puts the posting on `list` (creating the list if needed). A new entry gets status
    /// "saved". An existing one gets its snapshot refreshed.
    Add {
        snapshot: Snapshot,
        id: String,
        list: String,
    },
    /// Takes the posting off `list`, or off every list when `None`. The entry goes only if
    /// nothing else is worth keeping (note, hidden, a status beyond "saved").
    Remove {
        id: String,
        list: Option<String>,
    },
    /// Add if not on `list`, else remove from it (the browser's `b`).
    Toggle {
        snapshot: Snapshot,
        id: String,
        list: String,
    },
    /// Takes the posting off `from` and puts it on `to` (created if needed).
    Move {
        id: String,
        from: String,
        to: String,
    },
    /// Sets (or with `None` or blank text, clears) the note.
    SetNote {
        snapshot: Snapshot,
        id: String,
        note: Option<String>,
    },
    /// The note as written in an editor that started from `base` (the browser's note editor):
    /// merged with what was written elsewhere meanwhile (see [`Shortlists::note_conflict`]).
    EditNote {
        snapshot: Snapshot,
        id: String,
        base: Option<String>,
        note: Option<String>,
    },
    /// Sets the status, recording the date. A posting on no list also goes on [`DEFAULT_LIST`].
    SetStatus {
        snapshot: Snapshot,
        id: String,
        status: Status,
    },
    /// The next status (the browser's `S`); a posting without one becomes "saved".
    CycleStatus {
        snapshot: Snapshot,
        id: String,
    },
    /// Hides ("not interested") or unhides the posting.
    SetHidden {
        snapshot: Snapshot,
        id: String,
        hidden: bool,
    },
    CreateList {
        name: String,
    },
    RenameList {
        from: String,
        to: String,
    },
    /// Deletes the list and takes its postings off it. Those on no other list then go on
    /// `orphans_to` when given (the browser moves them to [`DEFAULT_LIST`]); otherwise those
    /// that hold nothing else are dropped.
    DeleteList {
        name: String,
        orphans_to: Option<String>,
    },
    /// Puts entries back as they were before a change (the browser's undo): `lists` is the
    /// list order then (missing lists are re-created in place), `entries` each id's entry then
    /// (`None`: there was none). A note written since is kept: undo never drops text.
    Restore {
        lists: Vec<String>,
        entries: Vec<(String, Option<Bookmark>)>,
    },
    /// Merges another store (an export) by id; nothing already here is lost.
    Import(Shortlists),
    /// The posting `from` was re-read under the id `to` (a newer jobdeck reads its file
    /// better): its entry moves there, with the fresh snapshot, merged with an entry already
    /// there. Nothing happens when there is no entry `from` (another process moved it).
    Relink {
        from: String,
        to: String,
        snapshot: Snapshot,
    },
}

/// Longest list name accepted (in characters).
const MAX_LIST_NAME: usize = 100;

fn check_list_name(name: &str) -> Result<(), ChangeError> {
    if name.is_empty() || name.chars().count() > MAX_LIST_NAME || clean_field(name) != name {
        return Err(ChangeError::InvalidListName(name.to_string()));
    }
    Ok(())
}

fn check_id(id: &str) -> Result<(), ChangeError> {
    if id.trim().is_empty() {
        return Err(ChangeError::EmptyId);
    }
    Ok(())
}

/// A note as stored: sanitized, trailing blanks trimmed, `None` when blank.
fn normalize_note(note: Option<&str>) -> Option<String> {
    let n = sanitize(note?);
    let n = n.trim_end();
    if n.trim().is_empty() {
        None
    } else {
        Some(n.to_string())
    }
}

/// The line between two notes kept together: the one written in the browser, then the one
/// written elsewhere (`jobdeck bookmarks add --note`, another browser) while it was edited.
pub const NOTE_MERGE_MARK: &str = "--- also written elsewhere while this note was edited ---";

/// What an edited note does to the stored one.
enum NoteMerge {
    /// Nothing to change.
    Keep,
    Set(Option<String>),
}

/// The name a list read from a file is kept under: control characters removed, whitespace
/// runs collapsed, ends trimmed, cut to [`MAX_LIST_NAME`] characters; "Unnamed list" when
/// nothing is left. Never dropped: its bookmarks stay on it.
fn tidy_list_name(name: &str) -> String {
    if check_list_name(name).is_ok() {
        return name.to_string();
    }
    let clean = clean_field(name);
    let cut: String = clean.chars().take(MAX_LIST_NAME).collect();
    let cut = cut.trim_end();
    if cut.is_empty() {
        "Unnamed list".to_string()
    } else {
        cut.to_string()
    }
}

/// Whether an id is safe to keep and print as it is: ASCII letters, digits, `-`, `_` and `.`,
/// at most 64 of them. (Posting ids are 16 hex digits.)
fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Whether an id is a posting id: hex digits only (lowercase), at most 64.
pub fn is_hex_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The id a foreign id is kept under: 16 hex digits derived from it (the same every time, so
/// importing the same file twice merges instead of duplicating).
fn rewritten_id(id: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(&Sha256::digest(id.as_bytes())[..8])
}

fn foreign_id_notice(id: &str, new: &str) -> String {
    format!(
        "bookmark id {} is not a posting id: kept as {new}",
        crate::sanitize::shown_text(id)
    )
}

/// A note's first line, cut, for messages.
fn note_excerpt(note: &str) -> String {
    let first = clean_field(note.lines().next().unwrap_or(""));
    let cut: String = first.chars().take(40).collect();
    if cut.len() < first.len() || note.lines().nth(1).is_some() {
        format!("{cut}…")
    } else {
        cut
    }
}

impl Shortlists {
    pub fn get(&self, id: &str) -> Option<&Bookmark> {
        self.bookmarks.get(id)
    }

    /// On at least one list.
    pub fn is_saved(&self, id: &str) -> bool {
        self.get(id).is_some_and(Bookmark::is_saved)
    }

    pub fn in_list(&self, id: &str, list: &str) -> bool {
        self.get(id)
            .is_some_and(|b| b.lists.iter().any(|l| l == list))
    }

    pub fn is_hidden(&self, id: &str) -> bool {
        self.get(id).is_some_and(|b| b.hidden)
    }

    pub fn has_list(&self, name: &str) -> bool {
        self.lists.iter().any(|l| l == name)
    }

    /// The ids on `list`, oldest bookmark first.
    pub fn ids_in_list(&self, list: &str) -> Vec<&str> {
        self.sorted()
            .into_iter()
            .filter(|b| b.lists.iter().any(|l| l == list))
            .map(|b| b.id.as_str())
            .collect()
    }

    /// Every entry, oldest first (then by id).
    pub fn sorted(&self) -> Vec<&Bookmark> {
        let mut v: Vec<&Bookmark> = self.bookmarks.values().collect();
        v.sort_by(|a, b| Bookmark::by_added(a, b).then_with(|| a.id.cmp(&b.id)));
        v
    }

    /// Turns the changes that depend on what the user sees ([`Change::Toggle`],
    /// [`Change::CycleStatus`]) into plain ones, so that re-applying them onto a state another
    /// process changed does what the user meant.
    pub fn resolve(&self, change: Change) -> Change {
        match change {
            Change::Toggle { snapshot, id, list } => {
                if self.in_list(&id, &list) {
                    Change::Remove {
                        id,
                        list: Some(list),
                    }
                } else {
                    Change::Add { snapshot, id, list }
                }
            }
            Change::CycleStatus { snapshot, id } => {
                let status = self
                    .get(&id)
                    .and_then(|b| b.status)
                    .map_or(Status::Saved, Status::next);
                Change::SetStatus {
                    snapshot,
                    id,
                    status,
                }
            }
            other => other,
        }
    }

    /// Applies a change. Pure: `now` gives the timestamps. Applying the same (resolved) change
    /// twice gives the same state, apart from `updated` stamps.
    pub fn apply(&mut self, change: &Change, now: OffsetDateTime) -> Result<(), ChangeError> {
        let stamp = stamp::to_millis(now);
        match change {
            Change::Add { snapshot, id, list } => {
                self.add(snapshot, id, list, stamp, &date_of(now))
            }
            Change::Remove { id, list } => self.remove(id, list.as_deref(), stamp),
            Change::Toggle { .. } | Change::CycleStatus { .. } => {
                let resolved = self.resolve(change.clone());
                self.apply(&resolved, now)
            }
            Change::Move { id, from, to } => self.move_to(id, from, to, stamp),
            Change::SetNote { snapshot, id, note } => {
                self.set_note(snapshot, id, note.as_deref(), stamp)
            }
            Change::EditNote {
                snapshot,
                id,
                base,
                note,
            } => {
                check_id(id)?;
                let note = match self.merge_note(id, base.as_deref(), note.as_deref()) {
                    NoteMerge::Keep => return Ok(()),
                    NoteMerge::Set(n) => n,
                };
                let change = Change::SetNote {
                    snapshot: snapshot.clone(),
                    id: id.clone(),
                    note,
                };
                self.apply(&change, now)
            }
            Change::SetStatus {
                snapshot,
                id,
                status,
            } => self.set_status(snapshot, id, *status, stamp, &date_of(now)),
            Change::SetHidden {
                snapshot,
                id,
                hidden,
            } => self.set_hidden(snapshot, id, *hidden, stamp),
            Change::CreateList { name } => self.create_list(name),
            Change::RenameList { from, to } => self.rename_list(from, to, stamp),
            Change::DeleteList { name, orphans_to } => {
                self.delete_list(name, orphans_to.as_deref(), stamp)
            }
            Change::Restore { lists, entries } => self.restore(lists, entries, stamp),
            Change::Import(other) => {
                self.import(other);
                Ok(())
            }
            Change::Relink { from, to, snapshot } => self.relink(from, to, snapshot),
        }
    }

    /// [`Change::Relink`]. Not the user's change: the entry keeps its times.
    fn relink(&mut self, from: &str, to: &str, snapshot: &Snapshot) -> Result<(), ChangeError> {
        check_id(to)?;
        if from == to {
            return Ok(());
        }
        let Some(mut b) = self.bookmarks.remove(from) else {
            return Ok(());
        };
        let mut snapshot = snapshot.clone();
        snapshot.sanitize();
        b.id = to.to_string();
        b.refresh_snapshot(&snapshot);
        match self.bookmarks.get_mut(to) {
            Some(existing) => existing.merge(&b),
            None => {
                self.bookmarks.insert(to.to_string(), b);
            }
        }
        Ok(())
    }

    /// [`Change::Add`].
    fn add(
        &mut self,
        snapshot: &Snapshot,
        id: &str,
        list: &str,
        stamp: OffsetDateTime,
        date: &str,
    ) -> Result<(), ChangeError> {
        check_id(id)?;
        check_list_name(list)?;
        self.ensure_list(list);
        let b = self.entry(id, snapshot, stamp);
        if !b.lists.iter().any(|l| l == list) {
            b.lists.push(list.to_string());
        }
        if b.status.is_none() {
            b.set_status(Status::Saved, date);
        }
        b.updated = Some(stamp);
        Ok(())
    }

    /// [`Change::Remove`].
    fn remove(
        &mut self,
        id: &str,
        list: Option<&str>,
        stamp: OffsetDateTime,
    ) -> Result<(), ChangeError> {
        let b = self
            .bookmarks
            .get_mut(id)
            .ok_or_else(|| ChangeError::NotBookmarked(id.to_string()))?;
        match list {
            Some(l) => {
                let before = b.lists.len();
                b.lists.retain(|x| x != l);
                if b.lists.len() == before {
                    return Err(ChangeError::NotOnList {
                        id: id.to_string(),
                        list: l.to_string(),
                    });
                }
            }
            None => {
                if b.lists.is_empty() {
                    return Err(ChangeError::NotBookmarked(id.to_string()));
                }
                b.lists.clear();
            }
        }
        b.updated = Some(stamp);
        self.drop_if_empty(id);
        Ok(())
    }

    /// [`Change::Move`].
    fn move_to(
        &mut self,
        id: &str,
        from: &str,
        to: &str,
        stamp: OffsetDateTime,
    ) -> Result<(), ChangeError> {
        check_list_name(to)?;
        if !self.bookmarks.contains_key(id) {
            return Err(ChangeError::NotBookmarked(id.to_string()));
        }
        self.ensure_list(to);
        let b = self.bookmarks.get_mut(id).expect("checked above");
        if from != to {
            // Lenient about `from`: when re-applied after another process took the
            // posting off `from`, the user still wants it on `to`.
            b.lists.retain(|x| x != from);
        }
        if !b.lists.iter().any(|l| l == to) {
            b.lists.push(to.to_string());
        }
        b.updated = Some(stamp);
        Ok(())
    }

    /// [`Change::SetNote`].
    fn set_note(
        &mut self,
        snapshot: &Snapshot,
        id: &str,
        note: Option<&str>,
        stamp: OffsetDateTime,
    ) -> Result<(), ChangeError> {
        check_id(id)?;
        let note = normalize_note(note);
        if note.is_none() && !self.bookmarks.contains_key(id) {
            return Ok(());
        }
        let b = self.entry(id, snapshot, stamp);
        b.note = note;
        b.updated = Some(stamp);
        self.drop_if_empty(id);
        Ok(())
    }

    /// [`Change::SetStatus`].
    fn set_status(
        &mut self,
        snapshot: &Snapshot,
        id: &str,
        status: Status,
        stamp: OffsetDateTime,
        date: &str,
    ) -> Result<(), ChangeError> {
        check_id(id)?;
        let b = self.entry(id, snapshot, stamp);
        let added_to_default = b.lists.is_empty();
        if added_to_default {
            b.lists.push(DEFAULT_LIST.to_string());
        }
        b.set_status(status, date);
        b.updated = Some(stamp);
        if added_to_default {
            self.ensure_list(DEFAULT_LIST);
        }
        Ok(())
    }

    /// [`Change::SetHidden`].
    fn set_hidden(
        &mut self,
        snapshot: &Snapshot,
        id: &str,
        hidden: bool,
        stamp: OffsetDateTime,
    ) -> Result<(), ChangeError> {
        check_id(id)?;
        if !hidden && !self.bookmarks.contains_key(id) {
            return Ok(());
        }
        let b = self.entry(id, snapshot, stamp);
        b.hidden = hidden;
        b.updated = Some(stamp);
        self.drop_if_empty(id);
        Ok(())
    }

    /// [`Change::CreateList`].
    fn create_list(&mut self, name: &str) -> Result<(), ChangeError> {
        check_list_name(name)?;
        if self.has_list(name) {
            return Err(ChangeError::ListExists(name.to_string()));
        }
        self.lists.push(name.to_string());
        Ok(())
    }

    /// [`Change::RenameList`].
    fn rename_list(
        &mut self,
        from: &str,
        to: &str,
        stamp: OffsetDateTime,
    ) -> Result<(), ChangeError> {
        if from == DEFAULT_LIST {
            return Err(ChangeError::DefaultList);
        }
        if !self.has_list(from) {
            return Err(ChangeError::NoSuchList(from.to_string()));
        }
        check_list_name(to)?;
        if from == to {
            return Ok(());
        }
        if self.has_list(to) {
            return Err(ChangeError::ListExists(to.to_string()));
        }
        for l in &mut self.lists {
            if l == from {
                to.clone_into(l);
            }
        }
        for b in self.bookmarks.values_mut() {
            for l in &mut b.lists {
                if l == from {
                    to.clone_into(l);
                    b.updated = Some(stamp);
                }
            }
        }
        Ok(())
    }

    /// [`Change::DeleteList`].
    fn delete_list(
        &mut self,
        name: &str,
        orphans_to: Option<&str>,
        stamp: OffsetDateTime,
    ) -> Result<(), ChangeError> {
        if let Some(to) = orphans_to {
            check_list_name(to)?;
            if to == name {
                return Err(ChangeError::InvalidListName(to.to_string()));
            }
        }
        if name == DEFAULT_LIST {
            return Err(ChangeError::DefaultList);
        }
        if !self.has_list(name) {
            return Err(ChangeError::NoSuchList(name.to_string()));
        }
        self.lists.retain(|l| l != name);
        let mut emptied = Vec::new();
        for b in self.bookmarks.values_mut() {
            if b.lists.iter().any(|l| l == name) {
                b.lists.retain(|l| l != name);
                b.updated = Some(stamp);
                if b.lists.is_empty() {
                    match orphans_to {
                        Some(to) => b.lists.push(to.to_string()),
                        None => emptied.push(b.id.clone()),
                    }
                }
            }
        }
        if let Some(to) = orphans_to {
            self.ensure_list(to);
        }
        for id in emptied {
            self.drop_if_empty(&id);
        }
        Ok(())
    }

    /// [`Change::Restore`].
    fn restore(
        &mut self,
        lists: &[String],
        entries: &[(String, Option<Bookmark>)],
        stamp: OffsetDateTime,
    ) -> Result<(), ChangeError> {
        for (i, l) in lists.iter().enumerate() {
            check_list_name(l)?;
            if !self.has_list(l) {
                let at = i.min(self.lists.len());
                self.lists.insert(at, l.to_string());
            }
        }
        for (id, before) in entries {
            check_id(id)?;
            let note_now = self.get(id).and_then(|b| b.note.clone());
            match before {
                Some(b) => {
                    let mut b = b.clone();
                    if note_now.is_some() {
                        b.note = note_now;
                    }
                    for l in &b.lists {
                        self.ensure_list(l);
                    }
                    self.bookmarks.insert(id.clone(), b);
                }
                None => {
                    if let Some(b) = self.bookmarks.get_mut(id) {
                        b.lists.clear();
                        b.hidden = false;
                        b.status = None;
                        b.status_history.clear();
                        b.updated = Some(stamp);
                    }
                    self.drop_if_empty(id);
                }
            }
        }
        Ok(())
    }

    /// [`Change::Import`].
    fn import(&mut self, other: &Shortlists) {
        let mut other = other.clone();
        let _ = other.normalize();
        for l in &other.lists {
            self.ensure_list(l);
        }
        for (id, ob) in other.bookmarks {
            match self.bookmarks.get_mut(&id) {
                Some(b) => b.merge(&ob),
                None => {
                    self.bookmarks.insert(id, ob);
                }
            }
        }
        for (k, v) in other.extra {
            self.extra.entry(k).or_insert(v);
        }
    }

    /// Three-way merge of an edited note: `base` is what the editor started from, `mine` what
    /// it saved, the stored note what is there now (another process may have written it).
    fn merge_note(&self, id: &str, base: Option<&str>, mine: Option<&str>) -> NoteMerge {
        let current = self.get(id).and_then(|b| b.note.clone());
        let base = normalize_note(base);
        let mine = normalize_note(mine);
        if current == base || current == mine {
            return NoteMerge::Set(mine);
        }
        if mine == base {
            // This editor changed nothing; the other writer's note stays.
            return NoteMerge::Keep;
        }
        match (mine, current) {
            // Cleared here, rewritten elsewhere: clearing would drop their text.
            (None, Some(_)) => NoteMerge::Keep,
            (Some(m), None) => NoteMerge::Set(Some(m)),
            (Some(m), Some(c)) => {
                if c.starts_with(&m) && c.contains(NOTE_MERGE_MARK) {
                    return NoteMerge::Keep; // merged already
                }
                NoteMerge::Set(Some(format!("{m}\n\n{NOTE_MERGE_MARK}\n{c}")))
            }
            (None, None) => NoteMerge::Set(None),
        }
    }

    /// What the user should be told when `change` is applied here: an edited note that was
    /// also changed elsewhere meanwhile (both texts are kept, or theirs is).
    pub fn note_conflict(&self, change: &Change) -> Option<String> {
        let Change::EditNote {
            snapshot,
            id,
            base,
            note,
        } = change
        else {
            return None;
        };
        let current = self.get(id).and_then(|b| b.note.clone());
        let (base, mine) = (
            normalize_note(base.as_deref()),
            normalize_note(note.as_deref()),
        );
        if current == base || current == mine || mine == base || current.is_none() {
            return None;
        }
        let current = current.unwrap_or_default();
        if mine.as_deref().is_some_and(|m| current.starts_with(m))
            && current.contains(NOTE_MERGE_MARK)
        {
            return None;
        }
        let what = clean_field(&snapshot.headline());
        Some(match mine {
            Some(_) => format!(
                "the note on “{what}” was also changed elsewhere while you edited it: both are \
                 kept (yours first, then “{}”)",
                note_excerpt(&current)
            ),
            None => format!(
                "the note on “{what}” was changed elsewhere while you edited it, so it was not \
                 cleared: it now reads “{}”",
                note_excerpt(&current)
            ),
        })
    }

    /// A change in words, for telling the user what was not saved.
    pub fn describe(&self, change: &Change) -> String {
        let name = |id: &str, snapshot: Option<&Snapshot>| -> String {
            let headline = snapshot
                .filter(|s| s.title.is_some() || s.company.is_some())
                .or_else(|| self.get(id).map(|b| &b.snapshot))
                .map(Snapshot::headline)
                .unwrap_or_else(|| format!("posting {id}"));
            format!("“{}”", clean_field(&headline))
        };
        let list = |l: &str| format!("“{}”", clean_field(l));
        match change {
            Change::Add {
                snapshot,
                id,
                list: l,
            } => {
                format!("bookmark {} on {}", name(id, Some(snapshot)), list(l))
            }
            Change::Remove { id, list: Some(l) } => {
                format!("take {} off {}", name(id, None), list(l))
            }
            Change::Remove { id, list: None } => format!("take {} off every list", name(id, None)),
            Change::Toggle {
                snapshot,
                id,
                list: l,
            } => {
                format!(
                    "bookmark or unbookmark {} on {}",
                    name(id, Some(snapshot)),
                    list(l)
                )
            }
            Change::Move { id, from, to } => {
                format!(
                    "move {} from {} to {}",
                    name(id, None),
                    list(from),
                    list(to)
                )
            }
            Change::SetNote { snapshot, id, note }
            | Change::EditNote {
                snapshot, id, note, ..
            } => match note.as_deref().filter(|n| !n.trim().is_empty()) {
                Some(n) => format!(
                    "note on {}: “{}”",
                    name(id, Some(snapshot)),
                    note_excerpt(n)
                ),
                None => format!("clear the note on {}", name(id, Some(snapshot))),
            },
            Change::SetStatus {
                snapshot,
                id,
                status,
            } => {
                format!("status of {}: {status}", name(id, Some(snapshot)))
            }
            Change::CycleStatus { snapshot, id } => {
                format!("next status of {}", name(id, Some(snapshot)))
            }
            Change::SetHidden {
                snapshot,
                id,
                hidden,
            } => format!(
                "{} {}",
                if *hidden { "hide" } else { "bring back" },
                name(id, Some(snapshot))
            ),
            Change::CreateList { name: n } => format!("create the list {}", list(n)),
            Change::RenameList { from, to } => {
                format!("rename the list {} to {}", list(from), list(to))
            }
            Change::DeleteList { name: n, .. } => format!("delete the list {}", list(n)),
            Change::Restore { entries, .. } => match entries.as_slice() {
                [(id, _)] => format!("undo a change to {}", name(id, None)),
                _ => format!("undo a change to {} bookmarks", entries.len()),
            },
            Change::Import(other) => format!("import {} bookmarks", other.bookmarks.len()),
            Change::Relink { from, snapshot, .. } => {
                format!(
                    "follow {} to its re-read posting",
                    name(from, Some(snapshot))
                )
            }
        }
    }

    /// Rewrites every bookmark id that is not a posting id (plain hex) — an imported file may
    /// hold anything there, escape sequences included — to 16 hex digits derived from it.
    /// Returns a message for each one rewritten.
    pub fn rewrite_foreign_ids(&mut self) -> Vec<String> {
        self.rewrite_ids(is_hex_id)
    }

    /// Moves every bookmark whose id `keep` refuses to the id [`rewritten_id`] derives from it
    /// (merging with a bookmark already there); a message for each.
    fn rewrite_ids(&mut self, keep: impl Fn(&str) -> bool) -> Vec<String> {
        let refused: Vec<String> = self
            .bookmarks
            .keys()
            .filter(|id| !keep(id))
            .cloned()
            .collect();
        let mut notices = Vec::new();
        for id in refused {
            let Some(mut b) = self.bookmarks.remove(&id) else {
                continue;
            };
            let new = rewritten_id(&id);
            notices.push(foreign_id_notice(&id, &new));
            b.id.clone_from(&new);
            match self.bookmarks.get_mut(&new) {
                Some(existing) => existing.merge(&b),
                None => {
                    self.bookmarks.insert(new, b);
                }
            }
        }
        notices
    }

    fn ensure_list(&mut self, name: &str) {
        if !self.has_list(name) {
            self.lists.push(name.to_string());
        }
    }

    /// The entry for `id`, created from `snapshot` if new; an existing one gets the fresh
    /// snapshot (the posting may have moved to another file).
    fn entry(&mut self, id: &str, snapshot: &Snapshot, stamp: OffsetDateTime) -> &mut Bookmark {
        let mut snapshot = snapshot.clone();
        snapshot.sanitize();
        match self.bookmarks.entry(id.to_string()) {
            std::collections::btree_map::Entry::Occupied(e) => {
                let b = e.into_mut();
                b.refresh_snapshot(&snapshot);
                b
            }
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(Bookmark::new(id, snapshot, stamp))
            }
        }
    }

    /// Drops an entry that holds nothing any more (only ever as the direct result of the user
    /// removing the last thing it held).
    fn drop_if_empty(&mut self, id: &str) {
        if self.get(id).is_some_and(|b| !b.worth_keeping()) {
            self.bookmarks.remove(id);
        }
    }

    /// Parses a shortlists file (or a JSON export). A version newer than
    /// [`FORMAT_VERSION`] is refused, so that it is never overwritten.
    pub fn from_json(text: &str) -> Result<Shortlists, FormatError> {
        let (s, notices) = Shortlists::from_json_reporting(text)?;
        for n in notices {
            tracing::warn!("shortlists: {n}");
        }
        Ok(s)
    }

    /// [`Shortlists::from_json`], and what was tidied on the way (ids rewritten) in words.
    pub fn from_json_reporting(text: &str) -> Result<(Shortlists, Vec<String>), FormatError> {
        // Editors on some systems start a UTF-8 file with a byte order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut value: Value =
            serde_json::from_str(text).map_err(|e| FormatError::Invalid(e.to_string()))?;
        let Some(obj) = value.as_object_mut() else {
            return Err(FormatError::Invalid("not a JSON object".into()));
        };
        // A whole number written as a float (`1.0`, as some tools write numbers) is that number.
        let version = obj.get("version").and_then(|v| {
            v.as_u64().or_else(|| {
                v.as_f64()
                    .filter(|f| f.fract() == 0.0 && (0.0..1e15).contains(f))
                    .map(|f| f as u64)
            })
        });
        if version.is_some() {
            obj.insert("version".into(), Value::from(version));
        }
        match version {
            Some(v) if v > u64::from(FORMAT_VERSION) => {
                return Err(FormatError::UnsupportedVersion(v));
            }
            Some(v) if v == u64::from(FORMAT_VERSION) => {}
            _ => {
                return Err(FormatError::Invalid(format!(
                    "missing or unknown \"version\" (expected {FORMAT_VERSION})"
                )));
            }
        }
        let mut s: Shortlists =
            serde_json::from_value(value).map_err(|e| FormatError::Invalid(e.to_string()))?;
        let notices = s.normalize();
        Ok((s, notices))
    }

    /// The file's text: pretty JSON ending in a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("shortlists always serialize");
        s.push('\n');
        s
    }

    /// Makes a parsed file consistent: the default list exists, every list an entry is on is
    /// known, ids match their keys, text is free of control characters.
    fn normalize(&mut self) -> Vec<String> {
        let mut notices = Vec::new();
        self.version = FORMAT_VERSION;
        let mut lists: Vec<String> = Vec::new();
        for l in &self.lists {
            let l = tidy_list_name(l);
            if !lists.contains(&l) {
                lists.push(l);
            }
        }
        if !lists.iter().any(|l| l == DEFAULT_LIST) {
            lists.insert(0, DEFAULT_LIST.to_string());
        }
        // An id that could not be printed safely (a hand-edited file may hold escape sequences
        // there) is kept under an id derived from it.
        notices.extend(self.rewrite_ids(is_plain_id));
        for (id, b) in &mut self.bookmarks {
            b.id.clone_from(id);
            b.snapshot.sanitize();
            b.note = normalize_note(b.note.as_deref());
            let mut bl: Vec<String> = Vec::new();
            for l in &b.lists {
                let l = tidy_list_name(l);
                if !bl.contains(&l) {
                    bl.push(l);
                }
            }
            for l in &bl {
                if !lists.contains(l) {
                    lists.push(l.clone());
                }
            }
            b.lists = bl;
            for c in &mut b.status_history {
                c.date = clean_field(&c.date);
            }
        }
        self.lists = lists;
        notices
    }
}

/// RFC 3339 timestamp, to the millisecond (so that entries added within a second keep their
/// order).
pub fn rfc3339(t: OffsetDateTime) -> String {
    stamp::text(stamp::to_millis(t))
}

/// `YYYY-MM-DD` of `t` in its own offset.
pub fn date_of(t: OffsetDateTime) -> String {
    let d = t.date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

static LOCAL_OFFSET: OnceLock<Option<UtcOffset>> = OnceLock::new();

/// Determines the local UTC offset while the process is still single-threaded (the `time`
/// crate refuses to read it later, as another thread could change the environment meanwhile).
/// Call it early in `main`; [`now`] falls back to the offset found here, then to UTC.
pub fn init_local_offset() {
    LOCAL_OFFSET.get_or_init(|| UtcOffset::current_local_offset().ok());
}

/// The current time in the local offset when known, else UTC.
pub fn now() -> OffsetDateTime {
    let utc = OffsetDateTime::now_utc();
    let offset = UtcOffset::current_local_offset()
        .ok()
        .or_else(|| LOCAL_OFFSET.get().copied().flatten());
    match offset {
        Some(o) => utc.to_offset(o),
        None => utc,
    }
}

#[cfg(test)]
mod tests;
