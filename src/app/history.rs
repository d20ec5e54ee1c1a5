//! The search bar's query history: `↑`/`↓` walk the queries submitted before (with `Enter`),
//! kept across runs in `<state dir>/jobdeck/history.json`. The walk is pure; reading and
//! writing the file are here too, for the event loop to call.

use std::path::Path;

/// Most queries kept (the oldest go first).
pub const MAX_ENTRIES: usize = 100;

/// Largest history file read: 100 queries of a full line each, and room to spare.
const MAX_FILE: u64 = 1 << 20;

/// The queries, oldest first, and where a walk through them stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryHistory {
    entries: Vec<String>,
    /// The entry shown while walking (None: not walking).
    pos: Option<usize>,
    /// What was typed before the walk began, given back past the newest entry.
    draft: String,
}

impl QueryHistory {
    /// A history of these queries (oldest first): cleaned, de-duplicated, bounded.
    pub fn new(queries: Vec<String>) -> QueryHistory {
        let mut h = QueryHistory::default();
        for q in queries {
            h.push(&q);
        }
        h
    }

    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Remembers a submitted query as the newest (an earlier copy of it goes); blank ones are
    /// not kept. Ends any walk.
    pub fn push(&mut self, query: &str) {
        self.pos = None;
        let q: String = crate::sanitize::clean_field(query)
            .chars()
            .take(super::input::MAX_LINE)
            .collect();
        let q = q.trim();
        if q.is_empty() {
            return;
        }
        self.entries.retain(|e| e != q);
        self.entries.push(q.to_string());
        if self.entries.len() > MAX_ENTRIES {
            let extra = self.entries.len() - MAX_ENTRIES;
            self.entries.drain(..extra);
        }
    }

    /// Ends a walk without a change (the query was cleared or submitted).
    pub fn reset(&mut self) {
        self.pos = None;
    }

    /// One query further back; `typed` is the line as it is now (kept as the draft when the
    /// walk begins). None when there is nothing older.
    pub fn older(&mut self, typed: &str) -> Option<&str> {
        let pos = match self.pos {
            None if self.entries.is_empty() => return None,
            None => {
                self.draft = typed.to_string();
                self.entries.len() - 1
            }
            Some(0) => return None,
            Some(p) => p - 1,
        };
        self.pos = Some(pos);
        Some(&self.entries[pos])
    }

    /// One query forward; past the newest, the draft. None when not walking.
    pub fn newer(&mut self) -> Option<&str> {
        let p = self.pos?;
        if p + 1 < self.entries.len() {
            self.pos = Some(p + 1);
            Some(&self.entries[p + 1])
        } else {
            self.pos = None;
            Some(&self.draft)
        }
    }
}

/// Reads the history file: the queries, oldest first. A missing file is an empty history; a
/// file that cannot be used (too large, not a file, not a JSON list of strings) is skipped,
/// with the reason.
pub fn load(path: &Path) -> Result<Vec<String>, String> {
    let bytes = match crate::fsio::read_limited(path, MAX_FILE, crate::fsio::Accept::Regular) {
        Ok(b) => b,
        Err(crate::fsio::ReadError::NotFound) => return Ok(Vec::new()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let queries: Vec<String> = serde_json::from_slice(&bytes).map_err(|e| {
        format!(
            "{}: not a list of queries ({e}); it is skipped and rewritten at the next search",
            path.display()
        )
    })?;
    Ok(QueryHistory::new(queries).entries)
}

/// Writes the history file atomically (with the project's one writer).
pub fn save(path: &Path, queries: &[String]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        crate::fsio::create_private_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let json = serde_json::to_vec_pretty(queries).map_err(|e| e.to_string())?;
    crate::fsio::write_atomic(path, &json, &mut |_, _| Ok(()))
        .map(|_| ())
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_back_and_forth_and_returns_to_the_draft() {
        let mut h = QueryHistory::new(vec!["a".into(), "b".into()]);
        assert_eq!(h.newer(), None, "not walking");
        assert_eq!(h.older("typed"), Some("b"));
        assert_eq!(h.older("b"), Some("a"));
        assert_eq!(h.older("a"), None);
        assert_eq!(h.newer(), Some("b"));
        assert_eq!(h.newer(), Some("typed"));
        assert_eq!(h.newer(), None);
    }

    #[test]
    fn the_file_round_trips_and_a_bad_one_is_skipped_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/history.json");
        assert_eq!(load(&path), Ok(Vec::new()), "no file yet");
        save(&path, &["rust".into(), "loc:berlin".into()]).unwrap();
        assert_eq!(load(&path).unwrap(), ["rust", "loc:berlin"]);
        std::fs::write(&path, "{ not json").unwrap();
        let e = load(&path).unwrap_err();
        assert!(
            e.contains("not a list of queries") && !e.contains('\n'),
            "{e}"
        );
        // Escape sequences in a hand-edited file never reach the screen.
        std::fs::write(&path, r#"["a\u001b[2Jb", "a\u001b[2Jb", "ok"]"#).unwrap();
        let q = load(&path).unwrap();
        assert_eq!(q.len(), 2);
        assert!(q.iter().all(|s| !s.contains('\u{1b}')), "{q:?}");
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        assert!(load(&path).is_err(), "a folder is refused");
    }
}
