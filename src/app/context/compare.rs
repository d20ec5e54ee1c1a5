//! The compare overlay: the marked postings (or the browsed list's first ones) side by side;
//! marking postings for it; scrolling down and sideways.

use super::{Handled, done, scroll_or_close};
use crate::app::{Action, App, MAX_COMPARE, Overlay};

pub(super) fn handle(app: &mut App, action: &Action) -> Handled {
    match action {
        Action::Left | Action::Right => {
            // How far it can go sideways is known from the last frame.
            let max = app.view.compare_max_offset.get();
            if let Some(Overlay::Compare { offset, .. }) = &mut app.view.overlay {
                *offset = if *action == Action::Left {
                    offset.saturating_sub(1)
                } else {
                    (*offset + 1).min(max)
                };
            }
            done()
        }
        a => scroll_or_close(app, a, 64),
    }
}

impl App {
    /// `c`: compares 2 or more postings, or says how to mark them.
    pub(in crate::app) fn open_compare(&mut self) {
        let n = self.compare_postings().len();
        if n >= 2 {
            self.view.overlay = Some(Overlay::Compare {
                offset: 0,
                scroll: 0,
            });
        } else {
            self.view.message = Some(format!(
                "mark 2–{MAX_COMPARE} postings with m (or browse a shortlist) to compare them ({} marked)",
                self.model.marks.len()
            ));
        }
    }

    /// `m`: marks or unmarks the selected posting for comparison.
    pub(in crate::app) fn toggle_mark(&mut self) {
        let Some(p) = self.selected_posting() else {
            return;
        };
        let id = p.id.clone();
        if let Some(pos) = self.model.marks.iter().position(|m| *m == id) {
            self.model.marks.remove(pos);
        } else if self.model.marks.len() >= MAX_COMPARE {
            self.view.message = Some(format!(
                "at most {MAX_COMPARE} postings can be compared; unmark one first"
            ));
        } else {
            self.model.marks.push(id);
            let n = self.model.marks.len();
            self.view.message = Some(if n >= 2 {
                format!("{n} marked — press c to compare")
            } else {
                "marked for comparison — mark another with m".into()
            });
        }
    }

    /// Unmarks every posting.
    pub(in crate::app) fn clear_marks(&mut self) {
        let n = self.model.marks.len();
        self.model.marks.clear();
        self.view.message = Some(if n == 0 {
            "nothing is marked".into()
        } else {
            format!("unmarked {}", crate::app::count(n, "posting"))
        });
        // The compare view of marked postings has nothing left to show.
        if matches!(self.view.overlay, Some(Overlay::Compare { .. }))
            && self.compare_postings().len() < 2
        {
            self.view.overlay = None;
        }
    }

    /// Postings the compare view shows: the marked ones, else (2 or more) the browsed list's.
    pub fn compare_postings(&self) -> Vec<&std::sync::Arc<crate::posting::Posting>> {
        let marked = self.marked_postings();
        if marked.len() >= 2 || self.model.active_list.is_none() {
            return marked;
        }
        self.model
            .listing
            .rows
            .iter()
            .take(MAX_COMPARE)
            .map(|&i| &self.model.postings[i as usize])
            .collect()
    }
}
