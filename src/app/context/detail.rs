//! The detail pane: scrolling the selected posting. Typing goes to the search bar.

use super::{Handled, done, is_movement, step};
use crate::app::{Action, App, Focus};

pub(super) fn handle(app: &mut App, action: &Action) -> Handled {
    match action {
        a if is_movement(a) => {
            let height = app.panes().detail.height.saturating_sub(2) as usize;
            // How far it can scroll is known from the last frame (the drawing wraps the text).
            let max = app.view.detail_max_scroll.get();
            app.view.detail_scroll = step(app.view.detail_scroll, a, height.max(1), max).min(max);
            done()
        }
        Action::Back => {
            app.view.focus = Focus::List;
            done()
        }
        a => app.type_in_search(a),
    }
}
