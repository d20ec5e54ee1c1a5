//! The status menu: picking the application status of the selected posting.

use super::{Handled, done, is_movement, step};
use crate::app::{Action, App, Effect, Overlay};
use crate::store::{Change, Status};

pub(super) fn handle(app: &mut App, action: &Action) -> Handled {
    match action {
        a if is_movement(a) => {
            if let Some(Overlay::Status { cursor }) = &mut app.view.overlay {
                *cursor = step(*cursor, a, 5, Status::ALL.len() - 1);
            }
            done()
        }
        Action::Confirm => Some(app.pick_status()),
        Action::Back => {
            app.view.overlay = None;
            done()
        }
        _ => None,
    }
}

impl App {
    /// Opens the menu on the selected posting's status.
    pub(in crate::app) fn open_status_menu(&mut self) {
        let Some(p) = self.selected_posting() else {
            return;
        };
        let current = self.model.shortlists.get(&p.id).and_then(|b| b.status);
        let cursor = current
            .and_then(|s| Status::ALL.iter().position(|x| *x == s))
            .unwrap_or(0);
        self.view.overlay = Some(Overlay::Status { cursor });
    }

    /// Enter in the status menu.
    pub(in crate::app) fn pick_status(&mut self) -> Vec<Effect> {
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
}
