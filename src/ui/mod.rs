//! Drawing: one function per pane, each reading the app's state and writing nothing.

pub mod compare;
pub mod detail;
pub mod filters;
pub mod help;
pub mod links;
pub mod list;
pub mod lists;
pub mod note;
pub mod popup;
pub mod search_bar;
pub mod skipped;
pub mod status;
pub mod status_menu;
pub mod text;
pub mod unsaved;
pub mod values;

use std::sync::LazyLock;

use ratatui::Frame;

use crate::app::{App, Overlay};
use crate::search::matcher::SkimMatcher;

/// The matcher used for highlight positions (the same algorithm the search ranks with).
pub fn matcher() -> &'static SkimMatcher {
    static M: LazyLock<SkimMatcher> = LazyLock::new(SkimMatcher::default);
    &M
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let panes = crate::layout::panes(
        (area.width, area.height),
        app.view.filters_open,
        app.view.focus == crate::app::Focus::Detail && app.view.overlay.is_none(),
        app.model.listing.rows.len(),
    );
    search_bar::render(frame, panes.search, app);
    list::render(frame, panes.list, app);
    detail::render(frame, panes.detail, app);
    if let Some(f) = panes.filters {
        filters::render(frame, f, app);
    }
    status::render(frame, panes.status, app);
    match &app.view.overlay {
        Some(Overlay::Help { scroll }) => help::render(frame, panes.body, app, *scroll),
        Some(Overlay::Compare { offset, scroll }) => {
            compare::render(frame, panes.body, app, *offset, *scroll)
        }
        Some(Overlay::Skipped { scroll }) => skipped::render(frame, panes.body, app, *scroll),
        Some(Overlay::Lists {
            cursor,
            prompt,
            confirm_delete,
        }) => lists::render(
            frame,
            panes.body,
            app,
            *cursor,
            prompt.as_ref(),
            confirm_delete.as_deref(),
        ),
        Some(Overlay::Note { id, editor, .. }) => note::render(frame, panes.body, app, id, editor),
        Some(Overlay::Status { cursor }) => status_menu::render(frame, panes.body, app, *cursor),
        Some(Overlay::Unsaved { prompt, note }) => {
            unsaved::render(frame, panes.body, app, prompt.as_ref(), note.as_deref())
        }
        Some(Overlay::Values {
            kind,
            input,
            cursor,
        }) => values::render(frame, panes.body, app, *kind, input, *cursor),
        None => {}
    }
}
