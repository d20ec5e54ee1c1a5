//! The shortlists pane: "All postings" and every list; browse one, add or move the selected
//! posting to one, create, rename and delete lists (a name prompt, a deletion question).

use super::{Handled, done, is_movement, step, type_into};
use crate::app::input::LineInput;
use crate::app::keymap::Context;
use crate::app::{Action, App, Effect, ListPrompt, Overlay};
use crate::store::{Change, DEFAULT_LIST};

pub(super) fn handle(app: &mut App, action: &Action) -> Handled {
    let Some(Overlay::Lists {
        cursor,
        prompt,
        confirm_delete,
    }) = &mut app.view.overlay
    else {
        return None;
    };
    match action {
        Action::NewList
        | Action::RenameList
        | Action::DeleteList
        | Action::AddToList
        | Action::MoveToList => Some(app.lists_action(action)),
        // Inside the pane, Esc first cancels the prompt or the question.
        Action::Back if prompt.is_some() || confirm_delete.is_some() => {
            *prompt = None;
            *confirm_delete = None;
            done()
        }
        Action::Back => {
            app.view.overlay = None;
            done()
        }
        Action::Confirm if prompt.is_some() => Some(app.submit_prompt()),
        Action::Confirm if confirm_delete.is_some() => Some(app.confirm_delete()),
        Action::Confirm => Some(app.lists_action(action)),
        a if is_movement(a) => {
            if prompt.is_none() && confirm_delete.is_none() {
                let last = app.model.shortlists.lists.len();
                *cursor = step(*cursor, a, 5, last);
            }
            done()
        }
        a => match prompt {
            Some(p) => type_into(&mut p.input, a, &mut app.view.message),
            None => None,
        },
    }
}

impl App {
    /// The names in the lists pane: "All postings" and then every list.
    pub fn list_rows(&self) -> Vec<Option<&str>> {
        std::iter::once(None)
            .chain(self.model.shortlists.lists.iter().map(|l| Some(l.as_str())))
            .collect()
    }

    pub(in crate::app) fn open_lists(&mut self) {
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

    pub(in crate::app) fn lists_action(&mut self, action: &Action) -> Vec<Effect> {
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
    pub(in crate::app) fn submit_prompt(&mut self) -> Vec<Effect> {
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
            (0, s) => format!(
                "{} stay on their other lists.",
                crate::app::count(s, "posting")
            ),
            (o, 0) => format!(
                "{} {} only on it and move{} to {DEFAULT_LIST}.",
                crate::app::count(o, "posting"),
                if o == 1 { "is" } else { "are" },
                if o == 1 { "s" } else { "" },
            ),
            (o, s) => format!(
                "{} only on it move{} to {DEFAULT_LIST}; {} stay on their other lists.",
                crate::app::count(o, "posting"),
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
    pub(in crate::app) fn confirm_delete(&mut self) -> Vec<Effect> {
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
}
