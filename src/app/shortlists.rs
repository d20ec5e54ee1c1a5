//! Shortlists in the browser: bookmarking, the lists pane, notes, application status and
//! hiding. Every change goes out as [`Effect::Store`]; the saved state comes back as
//! [`Action::StoreUpdated`], so the screen always shows what is on disk (or, after a failed
//! save, what is held in memory and will be retried).

use std::sync::Arc;

use super::editor::TextArea;
use super::input::LineInput;
use super::keymap::Context;
use super::{Action, App, Effect, ListPrompt, Overlay, SaveProblem, StoreReport};
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
    pub(super) fn store(&mut self, change: Change) -> Vec<Effect> {
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
                    let room = width.saturating_sub(crate::ui::text::str_width(&tail));
                    if crate::ui::text::str_width(m) > room {
                        let mut cut = String::new();
                        for c in m.chars() {
                            if crate::ui::text::str_width(&cut) + 2 > room {
                                break;
                            }
                            cut.push(c);
                        }
                        cut.push('…');
                        *m = cut;
                    }
                    m.push_str(&tail);
                }
            }
            self.model.shortlists = Arc::new(next);
            self.after_shortlists_changed();
        }
        vec![Effect::Store(Box::new(change))]
    }

    /// `u`: takes back the last change remembered.
    pub(super) fn undo_last(&mut self) -> Vec<Effect> {
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
    fn target(&mut self) -> Option<(String, Snapshot)> {
        match self.selected_posting() {
            Some(p) => Some((p.id.clone(), Snapshot::of(p))),
            None => {
                self.view.message = Some("nothing selected".into());
                None
            }
        }
    }

    /// `b`: on or off the default list.
    pub(super) fn toggle_bookmark(&mut self) -> Vec<Effect> {
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

    pub(super) fn cycle_status(&mut self) -> Vec<Effect> {
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

    pub(super) fn open_status_menu(&mut self) {
        let Some(p) = self.selected_posting() else {
            return;
        };
        let current = self.model.shortlists.get(&p.id).and_then(|b| b.status);
        let cursor = current
            .and_then(|s| Status::ALL.iter().position(|x| *x == s))
            .unwrap_or(0);
        self.view.overlay = Some(Overlay::Status { cursor });
    }

    pub(super) fn toggle_hidden(&mut self) -> Vec<Effect> {
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

    pub(super) fn toggle_show_hidden(&mut self) {
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

    pub(super) fn open_note(&mut self) {
        let Some(p) = self.selected_posting() else {
            self.view.message = Some("nothing selected".into());
            return;
        };
        let id = p.id.clone();
        let text = self
            .model
            .shortlists
            .get(&id)
            .and_then(|b| b.note.clone())
            .unwrap_or_default();
        let editor = match self.model.note_drafts.get(&id) {
            Some(draft) => {
                self.view.message = Some("the draft you left — Esc keeps it again".into());
                TextArea::with_text(draft)
            }
            None => TextArea::with_text(&text),
        };
        self.view.overlay = Some(Overlay::Note {
            id,
            editor,
            base: (!text.is_empty()).then_some(text),
        });
    }

    pub(super) fn save_note(&mut self) -> Vec<Effect> {
        let Some(Overlay::Note { id, editor, base }) = self.view.overlay.take() else {
            return Vec::new();
        };
        self.model.note_drafts.remove(&id);
        let snapshot = match self.model.facet_index.index_of(&id) {
            Some(i) => Snapshot::of(&self.model.postings[i as usize]),
            None => self
                .model
                .shortlists
                .get(&id)
                .map(|b| b.snapshot.clone())
                .unwrap_or_default(),
        };
        let text = editor.text();
        let note = if text.trim().is_empty() {
            None
        } else {
            Some(text)
        };
        self.view.message = Some(if note.is_some() {
            "note saved".into()
        } else {
            "note cleared".into()
        });
        // Merged with a note written elsewhere meanwhile (`jobdeck bookmarks add --note`,
        // another browser) against what this editor started from.
        self.store(Change::EditNote {
            snapshot,
            id,
            base,
            note,
        })
    }

    /// The names in the lists pane: "All postings" and then every list.
    pub fn list_rows(&self) -> Vec<Option<&str>> {
        std::iter::once(None)
            .chain(self.model.shortlists.lists.iter().map(|l| Some(l.as_str())))
            .collect()
    }

    pub(super) fn open_lists(&mut self) {
        let rows = self.list_rows();
        let cursor = self
            .model
            .active_list
            .as_deref()
            .and_then(|a| rows.iter().position(|r| *r == Some(a)))
            .unwrap_or(0);
        self.view.overlay = Some(Overlay::Lists {
            cursor,
            prompt: None,
            confirm_delete: None,
        });
    }

    /// The list under the cursor of the lists pane (None: "All postings").
    fn list_under_cursor(&self) -> Option<String> {
        let Some(Overlay::Lists { cursor, .. }) = &self.view.overlay else {
            return None;
        };
        self.list_rows()
            .get(*cursor)
            .copied()
            .flatten()
            .map(str::to_string)
    }

    pub(super) fn lists_action(&mut self, action: &Action) -> Vec<Effect> {
        let under = self.list_under_cursor();
        match action {
            Action::Confirm => {
                self.model.active_list = under.clone();
                self.view.overlay = None;
                self.refresh_marks();
                self.recompute_view(None);
                self.view.selected = 0;
                self.clamp_selection();
                self.view.message = Some(match &under {
                    Some(l) => {
                        format!("browsing the list “{l}” — l, Enter on All postings to go back")
                    }
                    None => "browsing all postings".into(),
                });
            }
            Action::NewList => self.set_prompt(ListPrompt {
                renaming: None,
                input: LineInput::default(),
            }),
            Action::RenameList => match under {
                Some(l) if l != DEFAULT_LIST => {
                    let mut input = LineInput::default();
                    input.insert_str(&l);
                    self.set_prompt(ListPrompt {
                        renaming: Some(l),
                        input,
                    });
                }
                Some(_) => self.view.message = Some(format!("“{DEFAULT_LIST}” cannot be renamed")),
                None => self.view.message = Some("pick a list to rename".into()),
            },
            Action::DeleteList => match under {
                Some(l) if l != DEFAULT_LIST => {
                    if let Some(Overlay::Lists { confirm_delete, .. }) = &mut self.view.overlay {
                        *confirm_delete = Some(l);
                    }
                }
                Some(_) => self.view.message = Some(format!("“{DEFAULT_LIST}” cannot be deleted")),
                None => self.view.message = Some("pick a list to delete".into()),
            },
            Action::AddToList | Action::MoveToList => {
                let Some(list) = under else {
                    self.view.message = Some("pick a list".into());
                    return Vec::new();
                };
                let Some((id, snapshot)) = self.target() else {
                    return Vec::new();
                };
                let from = self
                    .model
                    .active_list
                    .clone()
                    .filter(|a| self.model.shortlists.in_list(&id, a))
                    .or_else(|| {
                        self.model
                            .shortlists
                            .get(&id)
                            .and_then(|b| b.lists.first().cloned())
                    });
                return match (action, from) {
                    (Action::MoveToList, Some(from)) if from != list => {
                        self.view.message = Some(format!(
                            "moved “{}” from {from} to {list}",
                            snapshot.headline()
                        ));
                        self.store(Change::Move { id, from, to: list })
                    }
                    _ => {
                        self.view.message =
                            Some(format!("added “{}” to {list}", snapshot.headline()));
                        self.store(Change::Add { snapshot, id, list })
                    }
                };
            }
            _ => {}
        }
        Vec::new()
    }

    fn set_prompt(&mut self, p: ListPrompt) {
        if let Some(Overlay::Lists { prompt, .. }) = &mut self.view.overlay {
            *prompt = Some(p);
        }
    }

    /// Enter in the list-name prompt.
    pub(super) fn submit_prompt(&mut self) -> Vec<Effect> {
        let Some(Overlay::Lists { prompt, .. }) = &mut self.view.overlay else {
            return Vec::new();
        };
        let Some(p) = prompt.take() else {
            return Vec::new();
        };
        let name = crate::sanitize::clean_field(p.input.text());
        if name.is_empty() {
            self.view.message = Some("a list needs a name".into());
            return Vec::new();
        }
        if self.model.shortlists.has_list(&name) && p.renaming.as_deref() != Some(name.as_str()) {
            self.view.message = Some(format!("there is already a list “{name}”"));
            return Vec::new();
        }
        match p.renaming {
            Some(from) if from == name => Vec::new(),
            Some(from) => {
                if self.model.active_list.as_deref() == Some(from.as_str()) {
                    self.model.active_list = Some(name.clone());
                }
                self.view.message = Some(format!("renamed “{from}” to “{name}”"));
                self.store(Change::RenameList { from, to: name })
            }
            None => {
                self.view.message = Some(format!(
                    "created the list “{name}” — a adds the selected posting to it"
                ));
                self.store(Change::CreateList { name })
            }
        }
    }

    /// The question the lists pane asks before deleting `name`: how many of its postings are
    /// on no other list, and that they move to Saved.
    pub fn delete_list_question(&self, name: &str) -> String {
        let (mut only, mut shared) = (0, 0);
        for b in self.model.shortlists.bookmarks.values() {
            if b.lists.iter().any(|l| l == name) {
                if b.lists.len() == 1 {
                    only += 1;
                } else {
                    shared += 1;
                }
            }
        }
        let mut q = format!("Delete the list “{name}”? ");
        q.push_str(&match (only, shared) {
            (0, 0) => "It is empty.".to_string(),
            (0, s) => format!("{} stay on their other lists.", super::count(s, "posting")),
            (o, 0) => format!(
                "{} {} only on it and move{} to {DEFAULT_LIST}.",
                super::count(o, "posting"),
                if o == 1 { "is" } else { "are" },
                if o == 1 { "s" } else { "" },
            ),
            (o, s) => format!(
                "{} only on it move{} to {DEFAULT_LIST}; {} stay on their other lists.",
                super::count(o, "posting"),
                if o == 1 { "s" } else { "" },
                s
            ),
        });
        q.push_str(&format!(
            " Notes and statuses are kept. {} deletes · {} keeps it",
            self.settings
                .keymap
                .first_key(Context::Confirm, &Action::Confirm),
            self.settings
                .keymap
                .first_key(Context::Confirm, &Action::Back)
        ));
        q
    }

    /// `y` on the deletion question.
    pub(super) fn confirm_delete(&mut self) -> Vec<Effect> {
        let Some(Overlay::Lists { confirm_delete, .. }) = &mut self.view.overlay else {
            return Vec::new();
        };
        let Some(name) = confirm_delete.take() else {
            return Vec::new();
        };
        if self.model.active_list.as_deref() == Some(name.as_str()) {
            self.model.active_list = None;
        }
        self.view.message = Some(format!("deleted the list “{name}”"));
        self.store(Change::DeleteList {
            name,
            orphans_to: Some(DEFAULT_LIST.to_string()),
        })
    }

    /// Enter in the status menu.
    pub(super) fn pick_status(&mut self) -> Vec<Effect> {
        let Some(Overlay::Status { cursor }) = self.view.overlay.take() else {
            return Vec::new();
        };
        let Some((id, snapshot)) = self.target() else {
            return Vec::new();
        };
        let status = Status::ALL[cursor.min(Status::ALL.len() - 1)];
        self.view.message = Some(format!("status: {status}"));
        self.store(Change::SetStatus {
            snapshot,
            id,
            status,
        })
    }

    /// The store's answer: the saved state (or the state held in memory after a failed save),
    /// with anything to tell the user; the answer to a final save decides whether to quit.
    pub(super) fn store_updated(&mut self, report: StoreReport) {
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

    /// Postings the compare view shows: the marked ones, else (2 or more) the browsed list's.
    pub fn compare_postings(&self) -> Vec<&Arc<crate::posting::Posting>> {
        let marked = self.marked_postings();
        if marked.len() >= 2 || self.model.active_list.is_none() {
            return marked;
        }
        self.model
            .listing
            .rows
            .iter()
            .take(super::MAX_COMPARE)
            .map(|&i| &self.model.postings[i as usize])
            .collect()
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
    }
}
