//! The unsaved-changes prompt, when quitting found changes that could not be saved: retry,
//! save them to another file (a path prompt), or quit anyway; Esc goes back to browsing.

use super::{Handled, done, type_into};
use crate::app::input::LineInput;
use crate::app::{Action, App, Closing, Effect, Overlay};

pub(super) fn handle(app: &mut App, action: &Action) -> Handled {
    if matches!(
        action,
        Action::RetrySave | Action::SaveElsewhere | Action::QuitAnyway
    ) {
        return Some(app.unsaved_action(action));
    }
    let Some(Overlay::Unsaved { prompt, .. }) = &mut app.view.overlay else {
        return None;
    };
    match (action, prompt) {
        (Action::Confirm, Some(_)) => Some(app.submit_save_path()),
        (Action::Back, prompt @ Some(_)) => {
            *prompt = None;
            done()
        }
        (Action::Back, None) => {
            app.view.overlay = None;
            app.view.message = Some(format!(
                "{} kept in memory — jobdeck keeps trying to save; quitting tries again",
                crate::app::count(app.model.unsaved.len(), "unsaved change")
            ));
            done()
        }
        (a, Some(input)) => type_into(input, a, &mut app.view.message),
        _ => None,
    }
}

impl App {
    pub(in crate::app) fn ask_unsaved(&mut self, note: Option<String>) {
        self.view.overlay = Some(Overlay::Unsaved { prompt: None, note });
        self.view.message = None;
    }

    /// The keys of the unsaved-changes prompt.
    pub(in crate::app) fn unsaved_action(&mut self, action: &Action) -> Vec<Effect> {
        match action {
            Action::RetrySave => self.start_closing(Closing::User),
            Action::SaveElsewhere => {
                if let Some(Overlay::Unsaved { prompt, .. }) = &mut self.view.overlay {
                    let mut input = LineInput::default();
                    input.insert_str(&self.model.rescue_path);
                    *prompt = Some(input);
                }
                Vec::new()
            }
            Action::QuitAnyway => {
                self.model.quit_anyway = true;
                self.model.should_quit = true;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Enter in the "save to" prompt.
    pub(in crate::app) fn submit_save_path(&mut self) -> Vec<Effect> {
        let Some(Overlay::Unsaved { prompt, note }) = &mut self.view.overlay else {
            return Vec::new();
        };
        let Some(input) = prompt.take() else {
            return Vec::new();
        };
        let path = input.text().trim().to_string();
        if path.is_empty() {
            *note = Some("give a file to save to".into());
            return Vec::new();
        }
        *note = Some(format!("saving to {path}…"));
        vec![Effect::SaveCopy(path)]
    }

    /// The answer to [`Effect::SaveCopy`]: saved (the browser ends; what was saved where is
    /// said on stderr), or why not (asked again).
    pub(in crate::app) fn copy_done(&mut self, path: String, result: Result<String, String>) {
        match result {
            Ok(written) => {
                self.model.saved_copy = Some(written);
                self.model.should_quit = true;
            }
            Err(e) => {
                let note = format!("could not save to {path}: {e}");
                match &mut self.view.overlay {
                    Some(Overlay::Unsaved { note: n, .. }) => *n = Some(note),
                    _ => self.view.message = Some(note),
                }
            }
        }
    }
}
