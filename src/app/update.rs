//! `App::update`: the only code that changes the app's state. It routes: what the loader, the
//! worker and the store say goes to [`events`](super::events); a key that means something to
//! what has the keyboard goes to that context's handler ([`context`](super::context)); the
//! rest (quit, sort, bookmark…) means the same everywhere and is handled here.

use super::action::Kind;
use super::{Action, App, Closing, Effect, Focus};
use crate::facets::FacetValue;

impl App {
    /// Applies an action; returns the effects for the event loop to carry out.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = Vec::new();
        // Postings that streamed in count for everything but more streaming.
        if !matches!(
            action,
            Action::Loaded(_) | Action::LoadProgress { .. } | Action::LoadSkipped(_)
        ) {
            effects = self.refresh();
        }
        let focus = self.view.focus;
        effects.extend(self.apply(action));
        // On a narrow screen the focus decides how tall the list is.
        if self.view.focus != focus {
            self.clamp_selection();
        }
        effects
    }

    /// The router.
    fn apply(&mut self, action: Action) -> Vec<Effect> {
        match action.kind() {
            Kind::Background => return self.background(action),
            // Quitting: the keyboard waits (with "saving…" on screen) until the store answers.
            _ if self.model.closing.is_some() => return Vec::new(),
            _ => self.view.message = None,
        }
        match action.kind() {
            Kind::Global => self.global(action),
            _ => self.route(&action),
        }
    }

    /// The actions that mean the same wherever the keyboard is.
    fn global(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Quit => return self.start_closing(Closing::User),
            Action::Suspend => return vec![Effect::Suspend],
            Action::Help => self.toggle_help(),
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(action == Action::FocusNext),
            Action::FocusSearch => {
                self.view.overlay = None;
                self.view.focus = Focus::Search;
            }
            Action::ToggleFilters => self.toggle_filters(),
            Action::CycleSort => {
                self.model.sort = self.model.sort.next(
                    !self.model.query.is_empty(),
                    !self.settings.rules.is_empty(),
                );
                self.recompute_view(None);
                self.view.message = Some(format!("sorted by {}", self.sort_label()));
            }
            Action::ToggleBookmark => return self.toggle_bookmark(),
            Action::BookmarkedOnly => {
                self.model.filters.toggle(FacetValue::BookmarkedOnly);
                self.recompute_view(None);
            }
            Action::ToggleMark => self.toggle_mark(),
            Action::ClearMarks => self.clear_marks(),
            Action::Compare => self.open_compare(),
            Action::OpenUrl => return self.open_url(),
            Action::Copy => return self.copy(),
            Action::ResetFilters => {
                self.model.filters.clear();
                self.view.filter_pins.clear();
                self.recompute_view(None);
                self.view.message = Some("filters reset".into());
            }
            Action::ShowSkipped => self.open_skipped(),
            Action::OpenLists => self.open_lists(),
            Action::EditNote => self.open_note(),
            Action::CycleStatus => return self.cycle_status(),
            Action::StatusMenu => self.open_status_menu(),
            Action::ToggleHidden => return self.toggle_hidden(),
            Action::ShowHidden => self.toggle_show_hidden(),
            Action::ShowClosed => self.toggle_show_closed(),
            Action::Pull => return self.start_pull(),
            Action::Undo => return self.undo_last(),
            Action::ScrollAt { column, row, down } => self.scroll_at(column, row, down),
            Action::ClickAt { column, row } => self.click_at(column, row),
            // (Contextual and background actions never reach here: see `apply`.)
            _ => {}
        }
        Vec::new()
    }

    fn cycle_focus(&mut self, forward: bool) {
        if self.view.overlay.is_some() {
            return;
        }
        let mut order = vec![Focus::List, Focus::Detail];
        if self.view.filters_open {
            order.push(Focus::Filters);
        }
        let pos = order.iter().position(|f| *f == self.view.focus);
        self.view.focus = match (pos, forward) {
            (None, _) => Focus::List,
            (Some(p), true) => order[(p + 1) % order.len()],
            (Some(p), false) => order[(p + order.len() - 1) % order.len()],
        };
    }

    fn toggle_filters(&mut self) {
        self.view.filters_open = !self.view.filters_open;
        self.view.focus = if self.view.filters_open {
            Focus::Filters
        } else if self.view.focus == Focus::Filters {
            Focus::List
        } else {
            self.view.focus
        };
        self.clamp_selection();
    }

    fn open_url(&mut self) -> Vec<Effect> {
        let url = self.selected_posting().and_then(|p| p.url.clone());
        match url {
            Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
                self.view.message = Some(format!("opening {u}"));
                return vec![Effect::OpenUrl(u)];
            }
            Some(_) => self.view.message = Some("only http(s) links are opened".into()),
            None => self.view.message = Some("this posting has no url".into()),
        }
        Vec::new()
    }

    fn copy(&mut self) -> Vec<Effect> {
        let Some(p) = self.selected_posting() else {
            return Vec::new();
        };
        let (what, text) = match &p.url {
            Some(u) => ("url", u.clone()),
            None => ("title and company", p.headline()),
        };
        let text = crate::sanitize::clean_field(&text);
        self.view.message = Some(format!("copied the {what}: {text}"));
        vec![Effect::Copy(text)]
    }
}
