//! The mouse: the wheel scrolls what is under it, a click focuses and selects. Where the panes
//! are comes from [`App::panes`], the same geometry the drawing uses.

use super::{Action, App, Focus};

impl App {
    /// The mouse wheel over a pane scrolls it (the list scrolls under its selection); over
    /// an overlay, it moves as the arrow keys do.
    pub(super) fn scroll_at(&mut self, column: u16, row: u16, down: bool) {
        let panes = self.panes();
        let action = if down { Action::Down } else { Action::Up };
        if self.view.overlay.is_some() {
            for _ in 0..3 {
                self.route(&action);
            }
            return;
        }
        let in_list = panes.list.contains((column, row).into());
        if in_list {
            // The list itself scrolls; the selection stays in view (dragged at the edges).
            let n = self.model.listing.rows.len();
            let visible = self.list_rows_visible().max(1);
            let max = n.saturating_sub(visible);
            self.view.list_offset = if down {
                (self.view.list_offset + 3).min(max)
            } else {
                self.view.list_offset.saturating_sub(3)
            };
            let sel = self
                .view
                .selected
                .clamp(self.view.list_offset, self.view.list_offset + visible - 1)
                .min(n.saturating_sub(1));
            if sel != self.view.selected {
                self.view.selected = sel;
                self.view.detail_scroll = 0;
            }
            return;
        }
        let saved = self.view.focus;
        self.view.focus = if panes.detail.contains((column, row).into()) {
            Focus::Detail
        } else if panes
            .filters
            .is_some_and(|f| f.contains((column, row).into()))
        {
            Focus::Filters
        } else {
            Focus::List
        };
        for _ in 0..3 {
            self.route(&action);
        }
        self.view.focus = saved;
    }

    /// A click focuses the pane under it, and selects the row (a posting, a filter value).
    pub(super) fn click_at(&mut self, column: u16, row: u16) {
        if self.view.overlay.is_some() {
            return;
        }
        let panes = self.panes();
        let pos = (column, row).into();
        if panes.search.contains(pos) {
            self.view.focus = Focus::Search;
        } else if panes.list.contains(pos) {
            self.view.focus = Focus::List;
            let inner_row = row.saturating_sub(panes.list.y + 1) as usize;
            let target = self.view.list_offset + inner_row / 2;
            if row > panes.list.y && target < self.model.listing.rows.len() {
                if target != self.view.selected {
                    self.view.detail_scroll = 0;
                }
                self.view.selected = target;
                self.clamp_selection();
            }
        } else if panes.detail.contains(pos) {
            self.view.focus = Focus::Detail;
        } else if let Some(f) = panes.filters
            && f.contains(pos)
        {
            self.view.focus = Focus::Filters;
            let item = self.view.filter_offset + row.saturating_sub(f.y + 1) as usize;
            if let Some(cursor) = self
                .filter_value_positions()
                .iter()
                .position(|&p| p == item)
            {
                self.view.filter_cursor = cursor;
                self.toggle_filter_value();
            }
        }
    }
}
