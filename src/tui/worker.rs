//! The search worker: a thread that owns the search index, so that searching a large corpus
//! never happens on the render path. Pending requests are drained before each pass and only
//! the newest is answered; a query that extends the previous one searches only its matches.

use std::sync::Arc;

use crossbeam_channel::{Receiver, Sender};
use tokio::sync::mpsc::UnboundedSender;

use crate::app::Action;
use crate::posting::Posting;
use crate::search::{Hit, Query, SearchIndex};

pub enum Request {
    /// An index thawed from the parse cache, ranking the postings about to be appended.
    Preindexed(Box<SearchIndex>),
    /// New postings, in corpus order.
    Append(Vec<Arc<Posting>>),
    Search {
        generation: u64,
        query: Query,
    },
}

/// Starts the worker; its answers arrive as actions.
pub fn spawn(actions: UnboundedSender<Action>) -> Sender<Request> {
    let (tx, rx) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("jobdeck-search".into())
        .spawn(move || {
            let reporter = actions.clone();
            if let Err(panic) =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(rx, actions)))
            {
                let msg = panic_text(&panic);
                let _ = reporter.send(Action::Fatal(format!("the search worker failed: {msg}")));
            }
        })
        .expect("spawn the search thread");
    tx
}

pub fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

fn run(rx: Receiver<Request>, actions: UnboundedSender<Action>) {
    let mut index = SearchIndex::default();
    let mut last: Option<(Query, Arc<Vec<Hit>>)> = None;
    while let Ok(first) = rx.recv() {
        // Take everything pending: every append, and only the newest search.
        let mut search = None;
        for req in std::iter::once(first).chain(rx.try_iter()) {
            match req {
                Request::Preindexed(ix) if index.is_empty() => {
                    index = *ix;
                    last = None;
                }
                Request::Preindexed(_) => {}
                Request::Append(batch) => {
                    index.attach(batch);
                    last = None;
                }
                Request::Search { generation, query } => search = Some((generation, query)),
            }
        }
        let Some((generation, query)) = search else {
            continue;
        };
        if crate::logging::debug_panic("search") {
            panic!("JOBDECK_DEBUG_PANIC=search");
        }
        let hits = match &last {
            Some((prev, prev_hits)) if query.narrows(prev) => {
                index.search_within(&query, Some(prev_hits))
            }
            _ => index.search(&query),
        };
        let hits = Arc::new(hits);
        last = Some((query, hits.clone()));
        if actions
            .send(Action::SearchDone { generation, hits })
            .is_err()
        {
            return; // the app is gone
        }
    }
}
