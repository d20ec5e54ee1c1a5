//! The help overlay: every binding of the key map, scrolled; `?` opens and closes it.

use super::{Handled, scroll_or_close};
use crate::app::{Action, App, Overlay};

pub(super) fn handle(app: &mut App, action: &Action) -> Handled {
    let max = app.settings.keymap.bindings().len() + 16;
    scroll_or_close(app, action, max)
}

impl App {
    /// `?`: opens the help, or closes it when it is open.
    pub(in crate::app) fn toggle_help(&mut self) {
        self.view.overlay = match self.view.overlay {
            Some(Overlay::Help { .. }) => None,
            _ => Some(Overlay::Help { scroll: 0 }),
        }
    }
}
