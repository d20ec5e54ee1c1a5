//! The app without a terminal: actions in, state out, searches run synchronously. Tests (and
//! benchmarks) drive the browser through this exactly as the event loop does.

use std::sync::Arc;

use crate::app::keymap::Key;
use crate::app::{Action, App, Effect, SaveProblem, StoreReport};
use crate::posting::Posting;
use crate::search::SearchIndex;
use crate::store::{Shortlists, Store};

pub struct Headless {
    pub app: App,
    pub index: SearchIndex,
    /// Effects other than searches, in order (shortlist changes, urls to open).
    pub effects: Vec<Effect>,
    /// Where shortlist changes go: a real store (a file) when set, else memory.
    pub store: Option<Store>,
    pub memory: Shortlists,
}

impl Headless {
    /// A browser of `postings` on a `size` terminal, loaded and ready.
    pub fn new(postings: Vec<Posting>, size: (u16, u16)) -> Headless {
        let today = time::macros::date!(2026 - 11 - 23);
        let mut h = Headless {
            app: App::new("test corpus", crate::app::Settings::default(), today),
            index: SearchIndex::default(),
            effects: Vec::new(),
            store: None,
            memory: Shortlists::default(),
        };
        h.send(Action::Resize(size.0, size.1));
        h.load(postings);
        h.send(Action::LoadFinished { elapsed_ms: 1 });
        h
    }

    /// Uses a real store (saving to its file) for shortlist changes from now on.
    pub fn with_store(mut self, store: Store) -> Headless {
        let state = Arc::new(store.state().clone());
        self.store = Some(store);
        self.send(Action::StoreUpdated(Box::new(StoreReport::of(state))));
        self
    }

    /// Streams a batch of postings in, as the loader does.
    pub fn load(&mut self, postings: Vec<Posting>) {
        let batch: Vec<Arc<Posting>> = postings.into_iter().map(Arc::new).collect();
        self.index.extend(batch.iter().cloned());
        self.send(Action::Loaded(batch));
    }

    /// Applies an action and carries out its effects (searches at once).
    pub fn send(&mut self, action: Action) {
        let mut queue = vec![action];
        loop {
            let Some(a) = queue.pop() else {
                // As the event loop does before each frame: streamed-in postings catch up.
                let effects = self.app.refresh();
                if effects.is_empty() {
                    break;
                }
                self.run(effects, &mut queue);
                continue;
            };
            let effects = self.app.update(a);
            self.run(effects, &mut queue);
        }
        // As the event loop does after each batch of input: a frame is drawn (scrolling stops
        // where the last frame said the text ends).
        self.draw();
    }

    /// Draws a frame at the app's size, as the event loop does.
    pub fn draw(&self) -> ratatui::Terminal<ratatui::backend::TestBackend> {
        let backend =
            ratatui::backend::TestBackend::new(self.app.view.size.0, self.app.view.size.1);
        let mut t = ratatui::Terminal::new(backend).expect("a test terminal");
        t.draw(|f| crate::ui::draw(f, &self.app))
            .expect("drawing to a test terminal");
        t
    }

    fn run(&mut self, effects: Vec<Effect>, queue: &mut Vec<Action>) {
        {
            for effect in effects {
                match effect {
                    Effect::Search { generation, query } => {
                        let hits = Arc::new(self.index.search(&query));
                        queue.push(Action::SearchDone { generation, hits });
                    }
                    Effect::Store(change) => {
                        self.effects.push(Effect::Store(change.clone()));
                        let change = *change;
                        let now = time::macros::datetime!(2026-11-23 10:00 UTC);
                        let report = match &mut self.store {
                            Some(s) => {
                                let r = s.apply_at(change, now);
                                store_report(s, r.err(), false)
                            }
                            None => {
                                let change = self.memory.resolve(change);
                                let r = self.memory.apply(&change, now);
                                let mut report = StoreReport::of(Arc::new(self.memory.clone()));
                                report.error = r.err().map(|e| SaveProblem {
                                    brief: e.to_string(),
                                    detail: e.to_string(),
                                });
                                report
                            }
                        };
                        queue.push(Action::StoreUpdated(Box::new(report)));
                    }
                    Effect::FinalSave => {
                        self.effects.push(Effect::FinalSave);
                        let report = match &mut self.store {
                            Some(s) => {
                                let r = s.flush();
                                store_report(s, r.err(), true)
                            }
                            None => StoreReport {
                                final_save: true,
                                ..StoreReport::of(Arc::new(self.memory.clone()))
                            },
                        };
                        queue.push(Action::StoreUpdated(Box::new(report)));
                    }
                    Effect::SaveCopy(path) => {
                        self.effects.push(Effect::SaveCopy(path.clone()));
                        let result = match &self.store {
                            Some(s) => s
                                .save_copy(std::path::Path::new(&path))
                                .map(|p| p.display().to_string())
                                .map_err(|e| e.to_string()),
                            None => Err("no store".into()),
                        };
                        queue.push(Action::StoreCopied { path, result });
                    }
                    other => self.effects.push(other),
                }
            }
        }
    }

    /// Presses a key written as in the config ("j", "ctrl-c", "G"); unbound keys do nothing.
    pub fn press(&mut self, key: &str) {
        let key: Key = key
            .parse()
            .unwrap_or_else(|e| panic!("bad key in test: {e}"));
        if let Some(a) = self.app.action_for_key(&key) {
            self.send(a);
        }
    }

    /// Presses each key of a space-separated list ("/ t r u s t enter").
    pub fn keys(&mut self, keys: &str) {
        for k in keys.split_whitespace() {
            self.press(k);
        }
    }

    /// Types text into whatever has the focus, a character at a time.
    pub fn type_str(&mut self, s: &str) {
        for c in s.chars() {
            let key = Key::plain(c);
            if let Some(a) = self.app.action_for_key(&key) {
                self.send(a);
            }
        }
    }

    /// The screen as drawn at the app's size, as text.
    pub fn screen(&self) -> String {
        self.draw().backend().to_string()
    }

    /// The selected posting's title.
    pub fn selected_title(&self) -> Option<String> {
        self.app.selected_posting().and_then(|p| p.title.clone())
    }

    /// Titles of the listed postings, in order.
    pub fn titles(&self) -> Vec<String> {
        self.app
            .model
            .listing
            .rows
            .iter()
            .map(|&i| {
                self.app.model.postings[i as usize]
                    .title
                    .clone()
                    .unwrap_or_default()
            })
            .collect()
    }
}

/// What the store thread reports after a request.
fn store_report(
    s: &mut Store,
    error: Option<crate::store::StoreError>,
    final_save: bool,
) -> StoreReport {
    StoreReport {
        state: Arc::new(s.state().clone()),
        notices: s.take_notices(),
        error: error.as_ref().map(SaveProblem::of),
        unsaved: s.pending_descriptions(),
        answered: 0,
        final_save,
    }
}
