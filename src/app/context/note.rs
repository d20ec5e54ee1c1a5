//! The note editor: writing the selected posting's note (several lines); saving it, or
//! leaving it with Esc as a draft that `n` brings back.

use super::{Handled, done, full_note_message, is_edit, pasted_cut};
use crate::app::editor::TextArea;
use crate::app::keymap::Context;
use crate::app::{Action, App, Effect, Overlay};
use crate::store::{Change, Snapshot};

pub(super) fn handle(app: &mut App, action: &Action) -> Handled {
    match action {
        Action::SaveNote => return Some(app.save_note()),
        Action::Back => {
            app.leave_note();
            return done();
        }
        _ => {}
    }
    let Some(Overlay::Note { editor, .. }) = &mut app.view.overlay else {
        return None;
    };
    match action {
        Action::Paste(text) => {
            let dropped = editor.insert_str(text);
            app.view.message = pasted_cut(dropped, full_note_message());
        }
        Action::CursorLeft => editor.left(),
        Action::CursorRight => editor.right(),
        Action::LineStart => editor.home(),
        Action::LineEnd => editor.end(),
        Action::DeleteBack => editor.backspace(),
        Action::DeleteForward => editor.delete(),
        Action::DeleteWord => editor.delete_word(),
        Action::Newline => editor.newline(),
        Action::Insert(c) => {
            if !editor.insert(*c) {
                app.view.message = Some(full_note_message());
            }
        }
        Action::Up => editor.up(),
        Action::Down => editor.down(),
        a if is_edit(a) || super::is_movement(a) => {}
        _ => return None,
    }
    done()
}

impl App {
    pub(in crate::app) fn open_note(&mut self) {
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

    pub(in crate::app) fn save_note(&mut self) -> Vec<Effect> {
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

    /// Esc: the note is kept as a draft when it was changed, as lazygit keeps a commit
    /// message: `n` on the posting brings it back.
    fn leave_note(&mut self) {
        let Some(Overlay::Note { id, editor, base }) = self.view.overlay.take() else {
            return;
        };
        let text = editor.text();
        if text != base.unwrap_or_default() {
            self.model.note_drafts.insert(id, text);
            let keymap = &self.settings.keymap;
            self.view.message = Some(format!(
                "note not saved — draft kept: {} reopens it, {} saves",
                keymap.first_key(Context::List, &Action::EditNote),
                keymap.first_key(Context::Note, &Action::SaveNote)
            ));
        } else {
            self.model.note_drafts.remove(&id);
        }
    }
}
