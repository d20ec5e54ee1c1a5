//! The filter pane: each facet's values with their counts; moving the cursor, selecting and
//! deselecting values (they keep their places while the counts change). Typing goes to the
//! search bar.

use super::{Handled, done, is_movement, step};
use crate::app::{Action, App, Focus, Overlay};
use crate::facets::{FacetKind, FacetValue};

pub(super) fn handle(app: &mut App, action: &Action) -> Handled {
    match action {
        a if is_movement(a) => {
            let n = app.filter_value_positions().len();
            app.view.filter_cursor = step(app.view.filter_cursor, a, 10, n.saturating_sub(1));
            app.clamp_filter_offset();
            done()
        }
        Action::ToggleValue => {
            app.toggle_filter_value();
            done()
        }
        Action::Back => {
            app.view.focus = Focus::List;
            done()
        }
        a => app.type_in_search(a),
    }
}

/// A row of the filter pane.
#[derive(Debug, Clone, PartialEq)]
pub enum FilterRow {
    Header(FacetKind),
    Value {
        value: FacetValue,
        count: usize,
        selected: bool,
    },
    /// "… N more": the facet's other values (Enter lists them all).
    More {
        kind: FacetKind,
        count: usize,
    },
}

impl App {
    /// The filter pane's rows: each facet's header and its values. Values shown when a filter
    /// was last toggled keep their places (see [`App::filter_pins`]); others follow.
    pub fn filter_rows(&self) -> Vec<FilterRow> {
        let mut rows = Vec::new();
        for g in &self.model.listing.facets {
            if g.values.is_empty() {
                continue;
            }
            rows.push(FilterRow::Header(g.kind));
            let mut values: Vec<&(FacetValue, usize)> = g.values.iter().collect();
            if !self.view.filter_pins.is_empty() {
                let place = |v: &FacetValue| {
                    self.view
                        .filter_pins
                        .iter()
                        .position(|p| p == v)
                        .unwrap_or(usize::MAX)
                };
                // Stable: values not pinned keep their order, after the pinned ones.
                values.sort_by_key(|(v, _)| place(v));
            }
            for (v, c) in values {
                let selected = self.model.filters.is_selected(v);
                rows.push(FilterRow::Value {
                    value: v.clone(),
                    count: *c,
                    selected,
                });
            }
            if g.more > 0 {
                rows.push(FilterRow::More {
                    kind: g.kind,
                    count: g.more,
                });
            }
        }
        rows
    }

    /// Indices (into `filter_rows`) of the value rows: where the cursor may rest.
    pub(in crate::app) fn filter_value_positions(&self) -> Vec<usize> {
        self.filter_rows()
            .iter()
            .enumerate()
            .filter(|(_, r)| !matches!(r, FilterRow::Header(_)))
            .map(|(i, _)| i)
            .collect()
    }

    pub(in crate::app) fn clamp_filter_cursor(&mut self) {
        let values = self.filter_value_positions().len();
        if self.view.filter_cursor >= values {
            self.view.filter_cursor = values.saturating_sub(1);
        }
    }

    fn clamp_filter_offset(&mut self) {
        let Some(row) = self
            .filter_value_positions()
            .get(self.view.filter_cursor)
            .copied()
        else {
            return;
        };
        let height = self
            .panes()
            .filters
            .map_or(0, |r| r.height.saturating_sub(2) as usize)
            .max(1);
        // Keep the facet header above the first value visible too.
        let top = row.saturating_sub(1);
        if top < self.view.filter_offset {
            self.view.filter_offset = top;
        } else if row >= self.view.filter_offset + height {
            self.view.filter_offset = row + 1 - height;
        }
    }

    /// Selects or deselects the value under the filter cursor ("… N more" opens the
    /// all-values overlay).
    pub(in crate::app) fn toggle_filter_value(&mut self) {
        let rows = self.filter_rows();
        let positions = self.filter_value_positions();
        let row = positions
            .get(self.view.filter_cursor)
            .and_then(|&p| rows.get(p));
        if let Some(FilterRow::More { kind, .. }) = row {
            self.view.overlay = Some(Overlay::Values {
                kind: *kind,
                input: crate::app::input::LineInput::default(),
                cursor: 0,
            });
            return;
        }
        let Some(FilterRow::Value { value, .. }) = row else {
            return;
        };
        let value = value.clone();
        // What is shown now stays in place, whatever the new counts.
        self.view.filter_pins = rows
            .iter()
            .filter_map(|r| match r {
                FilterRow::Value { value, .. } => Some(value.clone()),
                _ => None,
            })
            .collect();
        self.model.filters.toggle(value.clone());
        self.recompute_view(None);
        // Keep the cursor on the same value: lists re-order as counts change.
        let rows = self.filter_rows();
        if let Some(pos) = self
            .filter_value_positions()
            .iter()
            .position(|&p| matches!(&rows[p], FilterRow::Value { value: v, .. } if *v == value))
        {
            self.view.filter_cursor = pos;
        }
        self.clamp_filter_offset();
    }
}
