//! Shortlists in the browser: bookmarking, the lists pane, notes, application status and
//! hiding. Every change goes out as [`Effect::Store`]; the saved state comes back as
//! [`Action::StoreUpdated`], so the screen always shows what is on disk (or, after a failed
//! save, what is held in memory and will be retried).

use std::sync::Arc;

use super::editor::TextArea;
use super::input::LineInput;
use super::{Action, App, Effect, ListPrompt, Overlay, SaveProblem, StoreReport};
use crate::store::{Change, DEFAULT_LIST, Snapshot, Status};

impl App {
    /// The selected posting's id and snapshot, or a message saying there is none.
    fn target(&mut self) -> Option<(String, Snapshot)> {
        match self.selected_posting() {
            Some(p) => Some((p.id.clone(), Snapshot::of(p))),
            None => {
                self.message = Some("nothing selected".into());
                None
            }
        }
    }

    /// `b`: on or off the default list.
    pub(super) fn toggle_bookmark(&mut self) -> Vec<Effect> {
        let Some((id, snapshot)) = self.target() else {
            return Vec::new();
        };
        let on = !self.shortlists.in_list(&id, DEFAULT_LIST);
        self.message = Some(format!(
            "{} “{}”",
            if on {
                "bookmarked"
            } else {
                "removed from Saved:"
            },
            snapshot.headline()
        ));
        vec![Effect::Store(Box::new(Change::Toggle {
            snapshot,
            id,
            list: DEFAULT_LIST.to_string(),
        }))]
    }

    pub(super) fn cycle_status(&mut self) -> Vec<Effect> {
        let Some((id, snapshot)) = self.target() else {
            return Vec::new();
        };
        let next = self
            .shortlists
            .get(&id)
            .and_then(|b| b.status)
            .map_or(Status::Saved, Status::next);
        self.message = Some(format!("status: {next}"));
        vec![Effect::Store(Box::new(Change::CycleStatus {
            snapshot,
            id,
        }))]
    }

    pub(super) fn open_status_menu(&mut self) {
        let Some(p) = self.selected_posting() else {
            return;
        };
        let current = self.shortlists.get(&p.id).and_then(|b| b.status);
        let cursor = current
            .and_then(|s| Status::ALL.iter().position(|x| *x == s))
            .unwrap_or(0);
        self.overlay = Some(Overlay::Status { cursor });
    }

    pub(super) fn toggle_hidden(&mut self) -> Vec<Effect> {
        let Some((id, snapshot)) = self.target() else {
            return Vec::new();
        };
        let hidden = !self.shortlists.is_hidden(&id);
        self.message = Some(if hidden {
            format!("hid “{}” — X shows hidden postings", snapshot.headline())
        } else {
            format!("“{}” is back", snapshot.headline())
        });
        vec![Effect::Store(Box::new(Change::SetHidden {
            snapshot,
            id,
            hidden,
        }))]
    }

    pub(super) fn toggle_show_hidden(&mut self) {
        self.show_hidden = !self.show_hidden;
        let n = self
            .shortlists
            .bookmarks
            .values()
            .filter(|b| b.hidden)
            .count();
        self.message = Some(if self.show_hidden {
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
            self.message = Some("nothing selected".into());
            return;
        };
        let id = p.id.clone();
        let text = self
            .shortlists
            .get(&id)
            .and_then(|b| b.note.clone())
            .unwrap_or_default();
        self.overlay = Some(Overlay::Note {
            id,
            editor: TextArea::with_text(&text),
            base: (!text.is_empty()).then_some(text),
        });
    }

    pub(super) fn save_note(&mut self) -> Vec<Effect> {
        let Some(Overlay::Note { id, editor, base }) = self.overlay.take() else {
            return Vec::new();
        };
        let snapshot = match self.facet_index.index_of(&id) {
            Some(i) => Snapshot::of(&self.postings[i as usize]),
            None => self
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
        self.message = Some(if note.is_some() {
            "note saved".into()
        } else {
            "note cleared".into()
        });
        // Merged with a note written elsewhere meanwhile (`jobdeck bookmarks add --note`,
        // another browser) against what this editor started from.
        vec![Effect::Store(Box::new(Change::EditNote {
            snapshot,
            id,
            base,
            note,
        }))]
    }

    /// The names in the lists pane: "All postings" and then every list.
    pub fn list_rows(&self) -> Vec<Option<&str>> {
        std::iter::once(None)
            .chain(self.shortlists.lists.iter().map(|l| Some(l.as_str())))
            .collect()
    }

    pub(super) fn open_lists(&mut self) {
        let rows = self.list_rows();
        let cursor = self
            .active_list
            .as_deref()
            .and_then(|a| rows.iter().position(|r| *r == Some(a)))
            .unwrap_or(0);
        self.overlay = Some(Overlay::Lists {
            cursor,
            prompt: None,
            confirm_delete: None,
        });
    }

    /// The list under the cursor of the lists pane (None: "All postings").
    fn list_under_cursor(&self) -> Option<String> {
        let Some(Overlay::Lists { cursor, .. }) = &self.overlay else {
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
                self.active_list = under.clone();
                self.overlay = None;
                self.refresh_marks();
                self.recompute_view(None);
                self.selected = 0;
                self.clamp_selection();
                self.message = Some(match &under {
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
                Some(_) => self.message = Some(format!("“{DEFAULT_LIST}” cannot be renamed")),
                None => self.message = Some("pick a list to rename".into()),
            },
            Action::DeleteList => match under {
                Some(l) if l != DEFAULT_LIST => {
                    if let Some(Overlay::Lists { confirm_delete, .. }) = &mut self.overlay {
                        *confirm_delete = Some(l);
                    }
                }
                Some(_) => self.message = Some(format!("“{DEFAULT_LIST}” cannot be deleted")),
                None => self.message = Some("pick a list to delete".into()),
            },
            Action::AddToList | Action::MoveToList => {
                let Some(list) = under else {
                    self.message = Some("pick a list".into());
                    return Vec::new();
                };
                let Some((id, snapshot)) = self.target() else {
                    return Vec::new();
                };
                let from = self
                    .active_list
                    .clone()
                    .filter(|a| self.shortlists.in_list(&id, a))
                    .or_else(|| {
                        self.shortlists
                            .get(&id)
                            .and_then(|b| b.lists.first().cloned())
                    });
                return match (action, from) {
                    (Action::MoveToList, Some(from)) if from != list => {
                        self.message = Some(format!(
                            "moved “{}” from {from} to {list}",
                            snapshot.headline()
                        ));
                        vec![Effect::Store(Box::new(Change::Move { id, from, to: list }))]
                    }
                    _ => {
                        self.message = Some(format!("added “{}” to {list}", snapshot.headline()));
                        vec![Effect::Store(Box::new(Change::Add { snapshot, id, list }))]
                    }
                };
            }
            _ => {}
        }
        Vec::new()
    }

    fn set_prompt(&mut self, p: ListPrompt) {
        if let Some(Overlay::Lists { prompt, .. }) = &mut self.overlay {
            *prompt = Some(p);
        }
    }

    /// Enter in the list-name prompt.
    pub(super) fn submit_prompt(&mut self) -> Vec<Effect> {
        let Some(Overlay::Lists { prompt, .. }) = &mut self.overlay else {
            return Vec::new();
        };
        let Some(p) = prompt.take() else {
            return Vec::new();
        };
        let name = crate::sanitize::clean_field(p.input.text());
        if name.is_empty() {
            self.message = Some("a list needs a name".into());
            return Vec::new();
        }
        if self.shortlists.has_list(&name) && p.renaming.as_deref() != Some(name.as_str()) {
            self.message = Some(format!("there is already a list “{name}”"));
            return Vec::new();
        }
        match p.renaming {
            Some(from) if from == name => Vec::new(),
            Some(from) => {
                if self.active_list.as_deref() == Some(from.as_str()) {
                    self.active_list = Some(name.clone());
                }
                self.message = Some(format!("renamed “{from}” to “{name}”"));
                vec![Effect::Store(Box::new(Change::RenameList {
                    from,
                    to: name,
                }))]
            }
            None => {
                self.message = Some(format!(
                    "created the list “{name}” — a adds the selected posting to it"
                ));
                vec![Effect::Store(Box::new(Change::CreateList { name }))]
            }
        }
    }

    /// `y` on the deletion question.
    pub(super) fn confirm_delete(&mut self) -> Vec<Effect> {
        let Some(Overlay::Lists { confirm_delete, .. }) = &mut self.overlay else {
            return Vec::new();
        };
        let Some(name) = confirm_delete.take() else {
            return Vec::new();
        };
        if self.active_list.as_deref() == Some(name.as_str()) {
            self.active_list = None;
        }
        self.message = Some(format!("deleted the list “{name}”"));
        vec![Effect::Store(Box::new(Change::DeleteList { name }))]
    }

    /// Enter in the status menu.
    pub(super) fn pick_status(&mut self) -> Vec<Effect> {
        let Some(Overlay::Status { cursor }) = self.overlay.take() else {
            return Vec::new();
        };
        let Some((id, snapshot)) = self.target() else {
            return Vec::new();
        };
        let status = Status::ALL[cursor.min(Status::ALL.len() - 1)];
        self.message = Some(format!("status: {status}"));
        vec![Effect::Store(Box::new(Change::SetStatus {
            snapshot,
            id,
            status,
        }))]
    }

    /// The store's answer: the saved state (or the state held in memory after a failed save),
    /// with anything to tell the user; the answer to a final save decides whether to quit.
    pub(super) fn store_updated(&mut self, report: StoreReport) {
        self.shortlists = report.state.clone();
        if let Some(l) = &self.active_list
            && !self.shortlists.has_list(l)
        {
            self.active_list = None;
        }
        if let Some(Overlay::Lists { cursor, .. }) = &mut self.overlay {
            *cursor = (*cursor).min(self.shortlists.lists.len());
        }
        self.unsaved.clone_from(&report.unsaved);
        match &report.error {
            Some(e) => {
                self.message = Some(self.save_problem_line(e));
                self.store_error = Some(e.clone());
            }
            None => {
                // A save that failed before went through (space came back, the file is a file
                // again): say so, or the last thing said is that it failed.
                if self.store_error.take().is_some() {
                    self.message = Some("the shortlists are saved now".into());
                }
            }
        }
        // (The store thread logs them.)
        if let Some(n) = report.notices.first() {
            self.message = Some(n.clone());
        }
        self.refresh_marks();
        self.recompute_view(None);
        if report.final_save {
            self.final_save_done(&report);
        }
    }

    /// A failed save in one line, the essentials first (the status line may be narrow): what
    /// went wrong, what is kept, what happens next. The path is in the log and the quit prompt.
    pub fn save_problem_line(&self, e: &SaveProblem) -> String {
        if self.unsaved.is_empty() {
            return format!("shortlists: {}", e.brief);
        }
        format!(
            "not saved: {} — {} kept in memory, retrying",
            e.brief,
            super::count(self.unsaved.len(), "change")
        )
    }

    /// Postings the compare view shows: the marked ones, else (2 or more) the browsed list's.
    pub fn compare_postings(&self) -> Vec<&Arc<crate::posting::Posting>> {
        let marked = self.marked_postings();
        if marked.len() >= 2 || self.active_list.is_none() {
            return marked;
        }
        self.view
            .rows
            .iter()
            .take(super::MAX_COMPARE)
            .map(|&i| &self.postings[i as usize])
            .collect()
    }
}
