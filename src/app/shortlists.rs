//! Shortlists in the browser: bookmarking, the lists pane, notes, application status and
//! hiding. Every change goes out as [`Effect::Store`]; the saved state comes back as
//! [`Action::StoreUpdated`], so the screen always shows what is on disk (or, after a failed
//! save, what is held in memory and will be retried).

use std::sync::Arc;

use super::keymap::Context;
use super::{Action, App, Effect, Overlay, SaveProblem, StoreReport};
use crate::store::{Change, DEFAULT_LIST, Snapshot, Status};

/// How many changes `u` can undo.
pub const UNDO_DEPTH: usize = 20;

/// A change that `u` can take back: what it did, in words, and the change that undoes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub what: String,
    pub restore: Change,
}

impl App {
    /// Sends a change to the store, and applies it to the shortlists in memory at once, so
    /// that the screen and the messages show it before the store thread answers (its
    /// [`Action::StoreUpdated`] then replaces them). A change that the user could regret is
    /// remembered, with what puts things back, for `u`.
    pub(in crate::app) fn store(&mut self, change: Change) -> Vec<Effect> {
        let change = self.model.shortlists.resolve(change);
        let before = self.model.shortlists.clone();
        let mut next = (*self.model.shortlists).clone();
        if next.apply(&change, crate::store::now()).is_ok() {
            if let Some(what) = undoable(&change) {
                let ids = affected_ids(&before, &change);
                self.model.undo.push(Undo {
                    what,
                    restore: Change::Restore {
                        lists: before.lists.clone(),
                        entries: ids
                            .into_iter()
                            .map(|id| {
                                let b = before.get(&id).cloned();
                                (id, b)
                            })
                            .collect(),
                    },
                });
                if self.model.undo.len() > UNDO_DEPTH {
                    self.model.undo.remove(0);
                }
                let key = self
                    .settings
                    .keymap
                    .first_key(Context::Global, &Action::Undo);
                let width = self.view.size.0.saturating_sub(2) as usize;
                if let Some(m) = &mut self.view.message
                    && !key.is_empty()
                {
                    // The way back must show: the message gives way to it on a narrow screen.
                    let tail = format!(" — {key} undoes");
                    let room = width.saturating_sub(crate::text::str_width(&tail));
                    *m = crate::text::truncate(m, room);
                    m.push_str(&tail);
                }
            }
            self.model.shortlists = Arc::new(next);
            self.after_shortlists_changed();
        }
        vec![Effect::Store(Box::new(change))]
    }

    /// `u`: takes back the last change remembered.
    pub(in crate::app) fn undo_last(&mut self) -> Vec<Effect> {
        let Some(u) = self.model.undo.pop() else {
            self.view.message = Some("nothing to undo".into());
            return Vec::new();
        };
        let mut next = (*self.model.shortlists).clone();
        if next.apply(&u.restore, crate::store::now()).is_ok() {
            self.model.shortlists = Arc::new(next);
            self.after_shortlists_changed();
        }
        self.view.message = Some(format!("undone: {}", u.what));
        vec![Effect::Store(Box::new(u.restore))]
    }

    /// The marks, the browsed list and the view follow the shortlists.
    fn after_shortlists_changed(&mut self) {
        if let Some(l) = &self.model.active_list
            && !self.model.shortlists.has_list(l)
        {
            self.model.active_list = None;
        }
        if let Some(Overlay::Lists { cursor, .. }) = &mut self.view.overlay {
            *cursor = (*cursor).min(self.model.shortlists.lists.len());
        }
        self.refresh_marks();
        self.recompute_view(None);
    }

    /// The selected posting's id and snapshot, or a message saying there is none.
    pub(in crate::app) fn target(&mut self) -> Option<(String, Snapshot)> {
        match self.selected_posting() {
            Some(p) => Some((p.id.clone(), Snapshot::of(p))),
            None => {
                self.view.message = Some("nothing selected".into());
                None
            }
        }
    }

    /// `b`: on or off the default list.
    pub(in crate::app) fn toggle_bookmark(&mut self) -> Vec<Effect> {
        let Some((id, snapshot)) = self.target() else {
            return Vec::new();
        };
        let on = !self.model.shortlists.in_list(&id, DEFAULT_LIST);
        self.view.message = Some(format!(
            "{} “{}”",
            if on {
                "bookmarked"
            } else {
                "removed from Saved:"
            },
            snapshot.headline()
        ));
        self.store(Change::Toggle {
            snapshot,
            id,
            list: DEFAULT_LIST.to_string(),
        })
    }

    pub(in crate::app) fn cycle_status(&mut self) -> Vec<Effect> {
        let Some((id, snapshot)) = self.target() else {
            return Vec::new();
        };
        let next = self
            .model
            .shortlists
            .get(&id)
            .and_then(|b| b.status)
            .map_or(Status::Saved, Status::next);
        self.view.message = Some(format!("status: {next}"));
        self.store(Change::CycleStatus { snapshot, id })
    }

    pub(in crate::app) fn toggle_hidden(&mut self) -> Vec<Effect> {
        let Some((id, snapshot)) = self.target() else {
            return Vec::new();
        };
        let hidden = !self.model.shortlists.is_hidden(&id);
        self.view.message = Some(if hidden {
            format!("hid “{}” — X shows hidden postings", snapshot.headline())
        } else {
            format!("“{}” is back", snapshot.headline())
        });
        self.store(Change::SetHidden {
            snapshot,
            id,
            hidden,
        })
    }

    pub(in crate::app) fn toggle_show_hidden(&mut self) {
        self.model.show_hidden = !self.model.show_hidden;
        let n = self
            .model
            .shortlists
            .bookmarks
            .values()
            .filter(|b| b.hidden)
            .count();
        self.view.message = Some(if self.model.show_hidden {
            format!(
                "showing {n} hidden posting{} (dimmed)",
                if n == 1 { "" } else { "s" }
            )
        } else {
            "hidden postings left out".into()
        });
        self.recompute_view(None);
    }

    /// The store's answer: the saved state (or the state held in memory after a failed save),
    /// with anything to tell the user; the answer to a final save decides whether to quit.
    pub(in crate::app) fn store_updated(&mut self, report: StoreReport) {
        self.model.shortlists = report.state.clone();
        self.model.unsaved.clone_from(&report.unsaved);
        match &report.error {
            Some(e) => {
                self.view.message = Some(self.save_problem_line(e));
                self.model.store_error = Some(e.clone());
            }
            None => {
                // A save that failed before went through (space came back, the file is a file
                // again): say so, or the last thing said is that it failed.
                if self.model.store_error.take().is_some() {
                    self.view.message = Some("the shortlists are saved now".into());
                }
            }
        }
        // (The store thread logs them.)
        if let Some(n) = report.notices.first() {
            self.view.message = Some(n.clone());
        }
        self.after_shortlists_changed();
        if report.final_save {
            self.final_save_done(&report);
        }
    }

    /// A failed save in one line, the essentials first (the status line may be narrow): what
    /// went wrong, what is kept, what happens next. The path is in the log and the quit prompt.
    pub fn save_problem_line(&self, e: &SaveProblem) -> String {
        if self.model.unsaved.is_empty() {
            return format!("shortlists: {}", e.brief);
        }
        format!(
            "not saved: {} — {} kept in memory, retrying",
            e.brief,
            super::count(self.model.unsaved.len(), "change")
        )
    }
}

/// A change worth remembering for `u`, in words (notes are not: undoing one would drop text).
fn undoable(change: &Change) -> Option<String> {
    let what = match change {
        Change::Add { snapshot, list, .. } => format!("added “{}” to {list}", snapshot.headline()),
        Change::Remove { list: Some(l), .. } => format!("removed from {l}"),
        Change::Remove { list: None, .. } => "removed from every list".into(),
        Change::Move { from, to, .. } => format!("moved from {from} to {to}"),
        Change::SetStatus { status, .. } => format!("status {status}"),
        Change::SetHidden {
            hidden: true,
            snapshot,
            ..
        } => format!("hid “{}”", snapshot.headline()),
        Change::SetHidden {
            hidden: false,
            snapshot,
            ..
        } => {
            format!("brought back “{}”", snapshot.headline())
        }
        Change::DeleteList { name, .. } => format!("deleted the list {name}"),
        Change::Toggle { .. }
        | Change::CycleStatus { .. }
        | Change::SetNote { .. }
        | Change::EditNote { .. }
        | Change::CreateList { .. }
        | Change::RenameList { .. }
        | Change::Import(_)
        | Change::Relink { .. }
        | Change::Restore { .. } => return None,
    };
    Some(what)
}

/// The ids whose entries a (resolved) change touches in `s`.
fn affected_ids(s: &crate::store::Shortlists, change: &Change) -> Vec<String> {
    match change {
        Change::Add { id, .. }
        | Change::Remove { id, .. }
        | Change::Move { id, .. }
        | Change::SetStatus { id, .. }
        | Change::SetHidden { id, .. }
        | Change::SetNote { id, .. }
        | Change::EditNote { id, .. }
        | Change::Toggle { id, .. }
        | Change::CycleStatus { id, .. } => vec![id.clone()],
        Change::RenameList { from: name, .. } | Change::DeleteList { name, .. } => s
            .ids_in_list(name)
            .into_iter()
            .map(str::to_string)
            .collect(),
        Change::CreateList { .. } | Change::Import(_) => Vec::new(),
        Change::Restore { entries, .. } => entries.iter().map(|(id, _)| id.clone()).collect(),
        Change::Relink { from, to, .. } => vec![from.clone(), to.clone()],
    }
}
