//! The all-values overlay of an open-ended facet (company, location, skills): every value,
//! narrowed by what is typed; Enter selects or deselects the one under the cursor.

use super::{Handled, done, is_movement, step, type_into};
use crate::app::{Action, App, Overlay};
use crate::facets::FacetValue;

pub(super) fn handle(app: &mut App, action: &Action) -> Handled {
    match action {
        a if is_movement(a) => {
            let n = app.value_rows().len();
            let page = app.view.size.1.saturating_sub(6) as usize;
            if let Some(Overlay::Values { cursor, .. }) = &mut app.view.overlay {
                *cursor = step(*cursor, a, page.max(1), n.saturating_sub(1));
            }
            done()
        }
        Action::ToggleValue => {
            if let Some(Overlay::Values { cursor, .. }) = &app.view.overlay {
                let cursor = *cursor;
                if let Some((value, _, _)) = app.value_rows().get(cursor).cloned() {
                    app.model.filters.toggle(value);
                    app.recompute_view(None);
                }
            }
            done()
        }
        Action::Back => {
            app.view.overlay = None;
            done()
        }
        a => {
            let Some(Overlay::Values { input, cursor, .. }) = &mut app.view.overlay else {
                return None;
            };
            let handled = type_into(input, a, &mut app.view.message);
            if handled.is_some() {
                // What is listed changed: back to the top.
                *cursor = 0;
            }
            handled
        }
    }
}

impl App {
    /// The rows of the all-values overlay: every value of its facet with postings (and those
    /// selected), whose name holds what is typed (ignoring case), most postings first.
    pub fn value_rows(&self) -> Vec<(FacetValue, usize, bool)> {
        let Some(Overlay::Values { kind, input, .. }) = &self.view.overlay else {
            return Vec::new();
        };
        let Some(g) = self.model.listing.facets.iter().find(|g| g.kind == *kind) else {
            return Vec::new();
        };
        let needle = input.text().trim().to_lowercase();
        let matches =
            |v: &FacetValue| needle.is_empty() || v.label().to_lowercase().contains(&needle);
        let mut rows: Vec<(FacetValue, usize, bool)> = g
            .all
            .iter()
            .filter_map(|&(id, c)| self.model.facet_index.value_of(*kind, id).map(|v| (v, c)))
            .chain(
                // Those listed but not among the ones with postings: selected, "not stated".
                g.values
                    .iter()
                    .filter(|(v, _)| {
                        !g.all.is_empty()
                            && match v {
                                FacetValue::Company(_)
                                | FacetValue::Location(_)
                                | FacetValue::Country(_)
                                | FacetValue::OpenTo(_)
                                | FacetValue::Skill(_) => self.model.filters.is_selected(v),
                                _ => true,
                            }
                    })
                    .cloned(),
            )
            .filter(|(v, _)| matches(v))
            .map(|(v, c)| {
                let on = self.model.filters.is_selected(&v);
                (v, c, on)
            })
            .collect();
        let mut seen = std::collections::HashSet::new();
        rows.retain(|(v, _, _)| seen.insert(v.clone()));
        rows
    }
}
