//! The skipped-files overlay: every file that could not be read, and why.

use super::{Handled, scroll_or_close};
use crate::app::{Action, App, Overlay};

pub(super) fn handle(app: &mut App, action: &Action) -> Handled {
    let max = app.model.skipped.len();
    scroll_or_close(app, action, max)
}

impl App {
    /// Opens the list of skipped files (or says there is none).
    pub(in crate::app) fn open_skipped(&mut self) {
        if self.model.skipped.is_empty() {
            self.view.message = Some("no file was skipped".into());
        } else {
            self.view.overlay = Some(Overlay::Skipped { scroll: 0 });
        }
    }
}
