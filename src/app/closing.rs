//! Quitting without losing a change: quit (or a signal) first saves what is pending and waits
//! for the store's answer; a save that fails keeps the browser open with a prompt — retry, save
//! to another file, or quit anyway — instead of ending with the change dropped. A signal does
//! not wait for an answer from the user: the failure is reported on stderr.

use super::{App, Closing, Effect, Overlay, StoreReport};

impl App {
    /// Quit (or a signal, `Closing::Signal`): save first.
    pub(super) fn start_closing(&mut self, why: Closing) -> Vec<Effect> {
        if let Closing::Signal(n) = why {
            self.model.exit_signal = Some(n);
        }
        if !self.model.has_store {
            self.model.should_quit = true;
            return Vec::new();
        }
        if self.model.closing.is_some() {
            // Already waiting for the store; a signal now only changes how it ends.
            if matches!(why, Closing::Signal(_)) {
                self.model.closing = Some(why);
            }
            return Vec::new();
        }
        if matches!(self.view.overlay, Some(Overlay::Unsaved { .. })) {
            self.view.overlay = None;
        }
        // A note being written when quitting (Ctrl-C, a signal) is saved, not lost.
        let mut effects = Vec::new();
        if let Some(Overlay::Note { editor, base, .. }) = &self.view.overlay
            && editor.text() != base.clone().unwrap_or_default()
        {
            effects = self.save_note();
        }
        self.model.closing = Some(why);
        effects.push(Effect::FinalSave);
        effects
    }

    /// The store's answer to a final save: quit when everything is on disk; else a user who
    /// quit is asked what to do, and a signal ends the browser anyway.
    pub(super) fn final_save_done(&mut self, report: &StoreReport) {
        let Some(why) = self.model.closing.take() else {
            return;
        };
        if report.unsaved.is_empty() {
            self.model.should_quit = true;
            return;
        }
        match why {
            Closing::Signal(_) => self.model.should_quit = true,
            Closing::User => self.ask_unsaved(None),
        }
    }

    /// The final save has nowhere to go (the store did not open): nothing more can be kept, so
    /// quit.
    pub(super) fn no_store_to_save(&mut self) {
        self.model.should_quit = true;
    }

    /// Quitting waited long enough for the store (another process holds its lock, the disk
    /// hangs).
    pub(super) fn save_timed_out(&mut self) {
        if self.model.closing.is_some() {
            self.model.gave_up_saving = true;
        }
        match self.model.closing.take() {
            Some(Closing::Signal(_)) => self.model.should_quit = true,
            Some(Closing::User) => self.ask_unsaved(Some(
                "the save did not finish in time (another jobdeck may hold the lock, or the disk \
                 is not answering)"
                    .into(),
            )),
            None => {}
        }
    }
}
