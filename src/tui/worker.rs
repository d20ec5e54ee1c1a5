//! The search worker: a thread that owns the search index, so that searching a large corpus
//! never happens on the render path. Pending requests are drained before each pass and only
//! the newest is answered; a query that extends the previous one searches only its matches;
//! a search still running when a newer query arrives stops where it is.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use flume::{Receiver, Sender};

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

/// The way to the worker: requests, and the generation of the newest query asked for, which
/// a running search watches so that it can give up as soon as it is out of date.
#[derive(Clone)]
pub struct Worker {
    tx: Sender<Request>,
    newest: Arc<AtomicU64>,
}

impl Worker {
    pub fn send(&self, req: Request) {
        if let Request::Search { generation, .. } = &req {
            self.newest.fetch_max(*generation, Ordering::Relaxed);
        }
        // The worker only goes away with the app.
        let _ = self.tx.send(req);
    }
}

/// Starts the worker; its answers arrive as actions.
pub fn spawn(actions: Sender<Action>) -> Worker {
    let (tx, rx) = flume::unbounded();
    let newest = Arc::new(AtomicU64::new(0));
    let watched = newest.clone();
    std::thread::Builder::new()
        .name("jobdeck-search".into())
        .spawn(move || {
            let reporter = actions.clone();
            if let Err(panic) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run(rx, &watched, actions)
            })) {
                let msg = panic_text(&panic);
                let _ = reporter.send(Action::Fatal(format!("the search worker failed: {msg}")));
            }
        })
        .expect("spawn the search thread");
    Worker { tx, newest }
}

pub use crate::logging::panic_text;

fn run(rx: Receiver<Request>, newest: &AtomicU64, actions: Sender<Action>) {
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
        if crate::debug::debug_panic("search") {
            panic!("JOBDECK_DEBUG_PANIC=search");
        }
        let outdated = || newest.load(Ordering::Relaxed) > generation;
        let candidates = match &last {
            Some((prev, prev_hits)) if query.narrows(prev) => Some(prev_hits.as_slice()),
            _ => None,
        };
        let Some(hits) = index.search_until(&query, candidates, &outdated) else {
            continue; // a newer query is waiting
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
