//! The search bar: a one-line editor whose every change starts a search; history with
//! `↑`/`↓`; Enter goes to the list, Esc clears the query. Text typed or pasted in any pane
//! comes here too.

use super::{Handled, done, edit_line, full_line_message, is_edit, is_movement, pasted_cut};
use crate::app::{Action, App, Effect, Focus};
use crate::search::Query;

pub(super) fn handle(app: &mut App, action: &Action) -> Handled {
    match action {
        a if is_movement(a) => {
            app.move_selection(a);
            done()
        }
        Action::SubmitSearch => {
            app.view.focus = Focus::List;
            let before = app.model.history.entries().to_vec();
            app.model.history.push(app.view.input.text());
            if app.model.history.entries() != before {
                return Some(vec![Effect::SaveHistory(
                    app.model.history.entries().to_vec(),
                )]);
            }
            done()
        }
        Action::CancelSearch | Action::Back => {
            app.model.history.reset();
            app.view.input.clear();
            app.view.focus = Focus::List;
            Some(app.query_changed())
        }
        Action::HistoryOlder | Action::HistoryNewer => {
            let recalled = if *action == Action::HistoryOlder {
                app.model.history.older(app.view.input.text())
            } else {
                app.model.history.newer()
            };
            if let Some(q) = recalled.map(str::to_string) {
                app.view.input.clear();
                app.view.input.insert_str(&q);
                return Some(app.query_changed());
            }
            done()
        }
        a => app.type_in_search(a),
    }
}

impl App {
    /// Text typed or pasted where no overlay is open goes to the search bar (which takes the
    /// focus, as typing there would). None for other actions.
    pub(super) fn type_in_search(&mut self, action: &Action) -> Handled {
        if let Action::Paste(text) = action {
            self.view.focus = Focus::Search;
            let dropped = self.view.input.insert_str(text);
            self.view.message = pasted_cut(dropped, full_line_message());
            return Some(self.query_changed());
        }
        if !is_edit(action) {
            return None;
        }
        if *action == Action::Newline {
            return done();
        }
        if let Action::Insert(_) = action {
            self.view.focus = Focus::Search;
        }
        let changes = !matches!(
            action,
            Action::CursorLeft | Action::CursorRight | Action::LineStart | Action::LineEnd
        );
        if !edit_line(&mut self.view.input, action) {
            self.view.message = Some(full_line_message());
            return done();
        }
        if changes {
            Some(self.query_changed())
        } else {
            done()
        }
    }

    /// Starts a search for the current input (or drops back to the full list when it is
    /// empty).
    pub(in crate::app) fn query_changed(&mut self) -> Vec<Effect> {
        self.model.query_problem = Query::problem(self.view.input.text());
        if self.model.query_problem.is_some() {
            return Vec::new();
        }
        let query = Query::parse(self.view.input.text());
        if query == self.model.query {
            return Vec::new();
        }
        self.model.query = query;
        self.model.generation += 1;
        // Other results: the filter pane's rows may move again.
        self.view.filter_pins.clear();
        if self.model.query.is_empty() {
            // Back to the whole list, still on the posting that was selected.
            self.model.hits = None;
            self.model.searching = false;
            self.recompute_view(None);
            return Vec::new();
        }
        self.model.searching = true;
        vec![Effect::Search {
            generation: self.model.generation,
            query: self.model.query.clone(),
        }]
    }
}
