//! One handler per context: what moving, Enter, Esc, typing and pasting mean depends on what
//! has the keyboard — the overlay on top, else the focused pane. Each file here is one
//! context (its keys, its state's changes, opening and closing it); [`App::route`] hands a
//! contextual action (see [`Kind`](super::action::Kind)) to the one in charge.
//!
//! To add an overlay: a variant of [`Overlay`] with its state, a file here with its `handle`,
//! a line in `route`, its key table in `assets/config.toml`, and its drawing in `ui/`.

mod compare;
mod detail;
mod filters;
mod help;
mod list;
mod lists;
mod note;
mod search;
mod skipped;
mod status_menu;
mod unsaved;
mod values;

pub use filters::FilterRow;

use super::action::Kind;
use super::{Action, App, Effect, Focus, Overlay};

/// What a handler did with an action: its effects, or None when the action means nothing
/// in its context.
type Handled = Option<Vec<Effect>>;

/// Handled, with nothing for the event loop to do.
fn done() -> Handled {
    Some(Vec::new())
}

impl App {
    /// Hands a contextual action to the handler of what has the keyboard.
    pub(super) fn route(&mut self, action: &Action) -> Vec<Effect> {
        let handled = match &self.view.overlay {
            Some(Overlay::Help { .. }) => help::handle(self, action),
            Some(Overlay::Compare { .. }) => compare::handle(self, action),
            Some(Overlay::Skipped { .. }) => skipped::handle(self, action),
            Some(Overlay::Lists { .. }) => lists::handle(self, action),
            Some(Overlay::Note { .. }) => note::handle(self, action),
            Some(Overlay::Unsaved { .. }) => unsaved::handle(self, action),
            Some(Overlay::Status { .. }) => status_menu::handle(self, action),
            Some(Overlay::Values { .. }) => values::handle(self, action),
            None => match self.view.focus {
                Focus::List => list::handle(self, action),
                Focus::Detail => detail::handle(self, action),
                Focus::Filters => filters::handle(self, action),
                Focus::Search => search::handle(self, action),
            },
        };
        handled.unwrap_or_else(|| {
            if let Action::Paste(_) = action {
                self.view.message = Some(
                    "nothing here takes text: paste into the search bar (/) or a note (n)".into(),
                );
            }
            Vec::new()
        })
    }

    /// Scrolls an overlay that only scrolls (help, skipped files, compare) by a movement
    /// action, up to `max` rows.
    fn scroll_overlay(&mut self, action: &Action, max: usize) -> Handled {
        let page = self.view.size.1.saturating_sub(6) as usize;
        if let Some(
            Overlay::Help { scroll }
            | Overlay::Skipped { scroll }
            | Overlay::Compare { scroll, .. },
        ) = &mut self.view.overlay
        {
            // Rendering clamps to the content; keep the stored value in range too.
            *scroll = step(*scroll, action, page, usize::MAX / 2).min(max);
        }
        done()
    }
}

/// Whether the action moves a cursor or a scroll position.
fn is_movement(action: &Action) -> bool {
    action.kind() == Kind::Move
}

/// Whether the action edits text (a line or the note).
fn is_edit(action: &Action) -> bool {
    action.kind() == Kind::Edit
}

/// The keys of an overlay that only scrolls (up to `max` rows) and closes.
fn scroll_or_close(app: &mut App, action: &Action, max: usize) -> Handled {
    match action {
        a if is_movement(a) => app.scroll_overlay(a, max),
        Action::Back => {
            app.view.overlay = None;
            done()
        }
        _ => None,
    }
}

/// Moves a position for a movement action within 0..=max.
fn step(pos: usize, action: &Action, page: usize, max: usize) -> usize {
    match action {
        Action::Down => (pos + 1).min(max),
        Action::Up => pos.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => max,
        Action::PageDown => (pos + page).min(max),
        Action::PageUp => pos.saturating_sub(page),
        _ => pos,
    }
}

/// Applies a line-editing action to a one-line input; false when a character did not fit.
fn edit_line(input: &mut super::input::LineInput, action: &Action) -> bool {
    match action {
        Action::CursorLeft => input.left(),
        Action::CursorRight => input.right(),
        Action::LineStart => input.home(),
        Action::LineEnd => input.end(),
        Action::DeleteBack => input.backspace(),
        Action::DeleteForward => input.delete(),
        Action::DeleteWord => input.delete_word(),
        Action::ClearLine => input.clear_before(),
        Action::Insert(c) => return input.insert(*c),
        _ => {}
    }
    true
}

/// Edits or pastes into a one-line input (a list name, a file name, the values filter);
/// None for other actions.
fn type_into(
    input: &mut super::input::LineInput,
    action: &Action,
    message: &mut Option<String>,
) -> Handled {
    match action {
        Action::Paste(text) => {
            let dropped = input.insert_str(text);
            *message = pasted_cut(dropped, full_line_message());
        }
        a if is_edit(a) => {
            if !edit_line(input, a) {
                *message = Some(full_line_message());
            }
        }
        _ => return None,
    }
    done()
}

/// The message for a paste that did not fit (None when it did).
fn pasted_cut(dropped: usize, what: String) -> Option<String> {
    (dropped > 0).then(|| {
        format!(
            "pasted text cut: {what} ({} left out)",
            super::count(dropped, "character")
        )
    })
}

fn full_line_message() -> String {
    format!(
        "a one-line field holds at most {} characters",
        crate::posting::group_thousands_count(super::input::MAX_LINE)
    )
}

fn full_note_message() -> String {
    format!(
        "a note holds at most {} characters",
        crate::posting::group_thousands_count(super::editor::MAX_NOTE)
    )
}
