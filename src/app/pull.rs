//! The browser's side of pulling: the pull key starts a pull of the watch-list (an effect the
//! event loop runs off the UI thread), its progress shows in the status line, and the postings
//! it writes arrive like any saved file's. Closed postings are left out of the list unless
//! shown (dimmed) or asked for with `is:closed`; postings of the same role from two sources
//! are listed once.

use super::{App, Effect};
use crate::corpus::link;
use crate::pull::Progress;

/// A pull under way: a line of state per source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullState {
    pub labels: Vec<String>,
    pub states: Vec<SourceState>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceState {
    Waiting,
    Fetching,
    Saving(usize),
    Done(crate::pull::Summary),
    Failed(String),
}

impl PullState {
    /// For the status line: "pulling 2/4: postman 31 (3 new) · palantir failed · openai…".
    pub fn line(&self) -> String {
        let done = self
            .states
            .iter()
            .filter(|s| matches!(s, SourceState::Done(_) | SourceState::Failed(_)))
            .count();
        let parts: Vec<String> = self
            .labels
            .iter()
            .zip(&self.states)
            .map(|(l, s)| match s {
                SourceState::Waiting => format!("{l} waiting"),
                SourceState::Fetching => format!("{l} fetching…"),
                SourceState::Saving(n) => format!("{l} saving {n}…"),
                SourceState::Done(s) => format!("{l} {} ({} new)", s.postings, s.new),
                SourceState::Failed(_) => format!("{l} failed"),
            })
            .collect();
        format!(
            "pulling {done}/{}: {}",
            self.labels.len(),
            parts.join(" · ")
        )
    }
}

impl App {
    /// Whether closed postings are listed: shown with the toggle, or asked for in the query.
    pub fn showing_closed(&self) -> bool {
        self.model.show_closed || self.model.query.wants_closed()
    }

    pub(super) fn toggle_show_closed(&mut self) {
        self.model.show_closed = !self.model.show_closed;
        self.view.message = Some(if self.model.show_closed {
            "showing closed postings (dimmed)".into()
        } else {
            "closed postings left out (is:closed finds them)".into()
        });
        self.recompute_view(None);
    }

    pub(super) fn start_pull(&mut self) -> Vec<Effect> {
        if self.model.pull.is_some() {
            self.view.message = Some("a pull is under way already".into());
            return Vec::new();
        }
        if self.settings.sources.is_empty() {
            self.view.message = Some(
                "nothing to pull: add [[sources]] to the config file (greenhouse = \"postman\")"
                    .into(),
            );
            return Vec::new();
        }
        let Some(into) = self.settings.pull_into.clone() else {
            self.view.message = Some(
                "pulling needs a postings folder: open one, or set postings_dir in the config file"
                    .into(),
            );
            return Vec::new();
        };
        self.model.pull = Some(PullState {
            labels: self
                .settings
                .sources
                .iter()
                .map(|s| s.board.clone())
                .collect(),
            states: vec![SourceState::Waiting; self.settings.sources.len()],
        });
        vec![Effect::Pull {
            sources: self.settings.sources.clone(),
            into,
        }]
    }

    pub(super) fn pull_progress(&mut self, index: usize, progress: Progress) {
        let Some(state) = self
            .model
            .pull
            .as_mut()
            .and_then(|p| p.states.get_mut(index))
        else {
            return;
        };
        *state = match progress {
            Progress::Fetching => SourceState::Fetching,
            Progress::Saving { items } => SourceState::Saving(items),
            Progress::Done(Ok(s)) => SourceState::Done(s),
            Progress::Done(Err(e)) => SourceState::Failed(e),
        };
    }

    /// The pull ended: a summary in the status line, failures named.
    pub(super) fn pull_finished(&mut self) {
        let Some(p) = self.model.pull.take() else {
            return;
        };
        let (mut new, mut changed, mut closed) = (0, 0, 0);
        let mut failed = Vec::new();
        for (l, s) in p.labels.iter().zip(&p.states) {
            match s {
                SourceState::Done(s) => {
                    new += s.new;
                    changed += s.changed;
                    closed += s.closed;
                }
                SourceState::Failed(e) => failed.push(format!("{l}: {e}")),
                _ => failed.push(format!("{l}: not pulled")),
            }
        }
        let n = p.labels.len();
        let mut m = format!(
            "pulled {} of {n} source{}: {new} new, {changed} changed, {closed} closed",
            n - failed.len(),
            if n == 1 { "" } else { "s" }
        );
        if !failed.is_empty() {
            m.push_str(&format!(" · failed: {}", failed.join("; ")));
        }
        self.view.message = Some(crate::sanitize::clean_field(&m));
        self.relink();
    }

    /// Links postings of the same role from two sources: the second is listed under the
    /// first, and both tell where else the role was seen. A bookmarked posting is never hidden
    /// under another.
    pub(super) fn relink(&mut self) {
        let listed: Vec<u32> = (0..self.model.postings.len() as u32)
            .filter(|&i| !self.model.facet_index.is_duplicate_unlinked(i))
            .collect();
        self.model.seen_on.clear();
        let refs: Vec<&crate::posting::Posting> = listed
            .iter()
            .map(|&i| self.model.postings[i as usize].as_ref())
            .collect();
        let links = link::find(&refs);
        let mut secondary = Vec::new();
        for l in links {
            let (p, s) = (listed[l.primary], listed[l.secondary]);
            if self
                .model
                .shortlists
                .get(&self.model.postings[s as usize].id)
                .is_some()
            {
                continue;
            }
            secondary.push(s);
            let (ps, ss) = (
                self.model.postings[p as usize].source.clone(),
                self.model.postings[s as usize].source.clone(),
            );
            self.model.seen_on.entry(p).or_default().push(ss);
            self.model.seen_on.entry(s).or_default().push(ps);
        }
        let changed = self.model.facet_index.set_linked(&secondary);
        if changed {
            self.recompute_view(None);
        }
    }
}
