//! The app without a terminal: actions in, state out, searches run synchronously. Tests (and
//! benchmarks) drive the browser through this exactly as the event loop does.

use std::sync::Arc;

use super::keymap::{Key, Keymap};
use super::{Action, App, Effect};
use crate::posting::Posting;
use crate::search::SearchIndex;

pub struct Headless {
    pub app: App,
    pub index: SearchIndex,
    /// Effects other than searches, in order (bookmarks to save, urls to open).
    pub effects: Vec<Effect>,
}

impl Headless {
    /// A browser of `postings` on a `size` terminal, loaded and ready.
    pub fn new(postings: Vec<Posting>, size: (u16, u16)) -> Headless {
        let today = time::macros::date!(2026 - 11 - 23);
        let mut h = Headless {
            app: App::new("test corpus", Arc::new(Keymap::defaults()), today),
            index: SearchIndex::default(),
            effects: Vec::new(),
        };
        h.send(Action::Resize(size.0, size.1));
        h.load(postings);
        h.send(Action::LoadFinished { elapsed_ms: 1 });
        h
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
        while let Some(a) = queue.pop() {
            for effect in self.app.update(a) {
                match effect {
                    Effect::Search { generation, query } => {
                        let hits = Arc::new(self.index.search(&query));
                        queue.push(Action::SearchDone { generation, hits });
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

    /// The selected posting's title.
    pub fn selected_title(&self) -> Option<String> {
        self.app.selected_posting().and_then(|p| p.title.clone())
    }

    /// Titles of the listed postings, in order.
    pub fn titles(&self) -> Vec<String> {
        self.app
            .view
            .rows
            .iter()
            .map(|&i| {
                self.app.postings[i as usize]
                    .title
                    .clone()
                    .unwrap_or_default()
            })
            .collect()
    }
}
