//! What the loader, the search worker, the store, the terminal and signals tell the app:
//! postings streaming in, search answers, saved shortlists, pull progress, a new size.

use std::sync::Arc;

use super::keymap::Context;
use super::{Action, App, Closing, Effect, Stale};
use crate::facets::SortKey;

impl App {
    /// An action that no person triggered.
    pub(super) fn background(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Signal(n) => return self.start_closing(Closing::Signal(n)),
            Action::SaveTimedOut => self.save_timed_out(),
            Action::NoStoreToSave => self.no_store_to_save(),
            Action::StoreCopied { path, result } => self.copy_done(path, result),
            Action::StoreUpdated(report) => self.store_updated(*report),
            Action::PullProgress { index, progress } => self.pull_progress(index, *progress),
            Action::PullFinished => self.pull_finished(),
            Action::Resize(w, h) => {
                self.view.size = (w, h);
                self.clamp_selection();
            }
            Action::Loaded(batch) => return self.loaded(batch),
            Action::LoadProgress {
                files_done,
                files_total,
                per_second,
            } => {
                self.model.load.files_done = files_done;
                self.model.load.files_total = files_total;
                self.model.load.per_second = per_second;
            }
            Action::LoadSkipped(s) => self.load_skipped(s),
            Action::LoadFinished { elapsed_ms } => return self.load_finished(elapsed_ms),
            Action::Opened(o) => self.opened(*o),
            Action::SearchDone { generation, hits } => self.search_done(generation, hits),
            Action::Notify(m) => self.view.message = Some(m),
            Action::SourceChanged { source, postings } => {
                return self.source_changed(source, postings);
            }
            Action::SourceRemoved { source } => self.source_removed(&source),
            Action::Fatal(m) => {
                self.model.fatal = Some(m);
                self.model.should_quit = true;
            }
            // (A person's actions never reach here: see `App::apply`.)
            _ => {}
        }
        Vec::new()
    }

    fn opened(&mut self, o: super::action::Opening) {
        self.model.has_store = o.has_store;
        self.model.history = super::history::QueryHistory::new(o.history);
        if let Some(p) = o.rescue_path {
            self.model.rescue_path = p;
        }
        if o.message.is_some() {
            self.view.message = o.message;
        }
    }

    fn load_skipped(&mut self, s: Vec<crate::corpus::Skipped>) {
        // A file saved while browsing that cannot be read: say why, not "0 new
        // postings". (During the load the summary counts them; a pull tells its own.)
        if self.model.load.done
            && self.model.load.files_done >= self.model.load.files_total
            && self.model.pull.is_none()
            && let Some(first) = s.first()
        {
            let key = self
                .settings
                .keymap
                .first_key(Context::Global, &Action::ShowSkipped);
            let mut m = crate::sanitize::clean_field(&first.to_string());
            if !key.is_empty() {
                m.push_str(&format!(" ({key} lists skipped files)"));
            }
            self.view.message = Some(m);
        }
        self.model.skipped.extend(s)
    }

    fn load_finished(&mut self, elapsed_ms: u64) -> Vec<Effect> {
        self.model.load.done = true;
        self.relink();
        let (effects, followed) = self.follow_reread_postings();
        self.model.load.elapsed_ms = elapsed_ms;
        // A folder load (one that counted its files) ends with a summary line.
        if self.view.message.is_none() && self.model.load.files_total > 0 {
            let n = self.listed_total();
            let mut m = format!(
                "{} posting{} from {} file{} in {:.1} s",
                crate::posting::group_thousands_count(n),
                if n == 1 { "" } else { "s" },
                crate::posting::group_thousands_count(self.model.load.files_total),
                if self.model.load.files_total == 1 {
                    ""
                } else {
                    "s"
                },
                elapsed_ms as f64 / 1000.0
            );
            if !self.model.skipped.is_empty() {
                let key = self
                    .settings
                    .keymap
                    .first_key(Context::Global, &Action::ShowSkipped);
                m.push_str(&format!(" · {} skipped ({key})", self.model.skipped.len()));
            }
            self.view.message = Some(m);
        }
        if followed > 0 {
            self.add_to_message(&relinked(followed));
        }
        effects
    }

    /// Adds a part to the message shown ("… in 0.5 s · 1 bookmark re-linked").
    fn add_to_message(&mut self, part: &str) {
        let m = self.view.message.get_or_insert_with(String::new);
        if !m.is_empty() {
            m.push_str(" · ");
        }
        m.push_str(part);
    }

    /// Bookmarks whose posting is read anew under another id (a newer jobdeck reads its file
    /// better, or the file was edited) follow it, so that they do not show as missing: one
    /// store change each. Returns the changes to save and how many bookmarks followed.
    fn follow_reread_postings(&mut self) -> (Vec<Effect>, usize) {
        let live: Vec<&crate::posting::Posting> = (0..self.model.postings.len() as u32)
            .filter(|&i| !self.model.facet_index.is_duplicate_unlinked(i))
            .map(|i| self.model.postings[i as usize].as_ref())
            .collect();
        let changes = self.model.shortlists.relinks(&live);
        let n = changes.len();
        let mut effects = Vec::new();
        for c in changes {
            effects.extend(self.store(c));
        }
        (effects, n)
    }

    fn source_changed(
        &mut self,
        source: String,
        postings: Vec<Arc<crate::posting::Posting>>,
    ) -> Vec<Effect> {
        // Told twice (a pull reports the files it wrote, the watcher sees them too):
        // the same postings again are no news. (They are still taken in, as the search
        // worker was given them: corpus indices must stay the same on both sides.)
        let now = self.model.facet_index.source_indices(&source);
        let same = !postings.is_empty()
            && now.len() == postings.len()
            && now
                .iter()
                .zip(&postings)
                .all(|(&i, p)| *self.model.postings[i as usize] == **p);
        let gone = self.model.facet_index.remove_source(&source);
        let n = postings.len();
        self.model.skipped.retain(|s| s.source != source);
        let mut effects = self.loaded(postings);
        if gone > 0 || n == 0 {
            self.refresh_marks();
            self.recompute_view(None);
        }
        // A pull tells its own progress; files it writes are not news one by one.
        // (A file that could not be read, n = 0, is told by the skip that follows.)
        if self.model.pull.is_none() && !same && (n > 0 || gone > 0) {
            self.view.message = Some(match (gone, n) {
                (0, n) => format!(
                    "{n} new posting{} from {source}",
                    if n == 1 { "" } else { "s" }
                ),
                _ => format!(
                    "{source} changed: {n} posting{} now",
                    if n == 1 { "" } else { "s" }
                ),
            });
        }
        self.model.stale.links = true;
        // Only a bookmark read from this file can have lost its posting to a new id here.
        let bookmarked_here = self
            .model
            .shortlists
            .bookmarks
            .values()
            .any(|b| b.snapshot.source == source);
        if self.model.load.done && bookmarked_here {
            let (follow, followed) = self.follow_reread_postings();
            effects.extend(follow);
            if followed > 0 && self.model.pull.is_none() {
                self.add_to_message(&relinked(followed));
            }
        }
        effects.extend(self.refresh());
        effects
    }

    fn source_removed(&mut self, source: &str) {
        let gone = self.model.facet_index.remove_source(source);
        self.model
            .skipped
            .retain(|s| s.source != source && !s.source.starts_with(&format!("{source}/")));
        if gone > 0 {
            self.view.message = Some(format!(
                "{source} is gone: {gone} posting{} removed (bookmarks kept)",
                if gone == 1 { "" } else { "s" }
            ));
        }
        self.refresh_marks();
        self.model.stale.links = true;
        self.recompute_view(None);
    }

    /// Postings streamed in: they join the corpus at once; the list, the facets and the
    /// search catch up in [`App::refresh`], once a frame, not once a batch.
    fn loaded(&mut self, batch: Vec<Arc<crate::posting::Posting>>) -> Vec<Effect> {
        if batch.is_empty() {
            return Vec::new();
        }
        let first = self.model.postings.is_empty();
        self.model
            .facet_index
            .extend(batch.iter().map(|p| p.as_ref()), self.model.today);
        let rules = self.settings.rules.clone();
        self.model
            .scores
            .extend(batch.iter().map(|p| crate::scoring::score(p, &rules)));
        let from = self.model.postings.len();
        self.model.postings.extend(batch);
        self.extend_marks(from);
        if first {
            self.view.selected = 0;
        }
        self.model.stale = Stale {
            view: true,
            search: self.model.stale.search || !self.model.query.is_empty(),
            links: self.model.stale.links,
        };
        Vec::new()
    }

    /// Brings the list (and, with a query, the search) up to date after postings streamed in.
    /// The event loop calls it before each frame; every other action calls it first.
    pub fn refresh(&mut self) -> Vec<Effect> {
        let stale = std::mem::take(&mut self.model.stale);
        // Links wait for the load and any pull to end (they are made afresh then), and are
        // made once for a burst of changed files.
        if stale.links {
            if self.model.load.done && self.model.pull.is_none() {
                self.relink();
            } else {
                self.model.stale.links = true;
            }
        }
        if stale.view {
            self.recompute_view(None);
        }
        if !stale.search || self.model.query.is_empty() {
            return Vec::new();
        }
        // The new postings may match the query: search again (the old hits stay until then).
        self.model.generation += 1;
        self.model.searching = true;
        vec![Effect::Search {
            generation: self.model.generation,
            query: self.model.query.clone(),
        }]
    }

    fn search_done(&mut self, generation: u64, hits: Arc<Vec<crate::search::Hit>>) {
        if generation != self.model.generation {
            return; // an older query's answer
        }
        self.model.searching = false;
        // The worker may already know postings that have not reached the app yet (the loader
        // gives them to it first): those hits wait for the next search.
        let n = self.model.postings.len() as u32;
        let hits = if hits.iter().any(|h| h.index >= n) {
            Arc::new(
                hits.iter()
                    .copied()
                    .filter(|h| h.index < n)
                    .collect::<Vec<_>>(),
            )
        } else {
            hits
        };
        self.model.hits = Some(hits.clone());
        self.recompute_view(None);
        // The selection moves to the best match that is listed.
        self.view.selected = if self.model.sort == SortKey::Relevance {
            0
        } else {
            let mut listed = vec![false; self.model.postings.len()];
            for &r in &self.model.listing.rows {
                listed[r as usize] = true;
            }
            best_listed(&hits, &listed)
                .and_then(|b| self.model.listing.rows.iter().position(|&r| r == b))
                .unwrap_or(0)
        };
        self.view.list_offset = 0;
        self.view.detail_scroll = 0;
        self.clamp_selection();
    }
}

/// "1 bookmark re-linked": short, so that it shows beside the load summary on a narrow screen
/// (`jobdeck bookmarks` says it at length).
fn relinked(n: usize) -> String {
    format!("{n} bookmark{} re-linked", if n == 1 { "" } else { "s" })
}

/// The first (best) hit that is listed.
fn best_listed(hits: &[crate::search::Hit], listed: &[bool]) -> Option<u32> {
    hits.iter()
        .find(|h| listed.get(h.index as usize).copied().unwrap_or(false))
        .map(|h| h.index)
}
