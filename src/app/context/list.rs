//! The list pane: moving the selection. Typing goes to the search bar.

use super::{Handled, done, is_movement, step};
use crate::app::keymap::Context;
use crate::app::{Action, App};

pub(super) fn handle(app: &mut App, action: &Action) -> Handled {
    match action {
        a if is_movement(a) => {
            app.move_selection(a);
            done()
        }
        Action::Back => {
            // The query stays until the user clears it in the search bar.
            if !app.view.input.text().is_empty() {
                let keymap = &app.settings.keymap;
                app.view.message = Some(format!(
                    "the query stays — {} then {} clears it",
                    keymap.first_key(Context::List, &Action::FocusSearch),
                    keymap.first_key(Context::Search, &Action::CancelSearch)
                ));
            }
            done()
        }
        a => app.type_in_search(a),
    }
}

impl App {
    /// Moves the selection by a movement action; a new posting starts at its top.
    pub(super) fn move_selection(&mut self, action: &Action) {
        let n = self.model.listing.rows.len();
        let new = step(
            self.view.selected,
            action,
            self.list_rows_visible().max(1),
            n.saturating_sub(1),
        );
        if new != self.view.selected {
            self.view.selected = new;
            self.view.detail_scroll = 0;
        }
        self.clamp_selection();
    }
}
