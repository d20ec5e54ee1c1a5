//! The shortlists store on its own thread: changes are saved in the order they were made
//! (each save locks, merges with what other processes wrote, and writes atomically), and the
//! saved state goes back to the app. Changes that arrive together are saved together. A save
//! that fails keeps its changes in memory and is retried (every few seconds, then less often);
//! quitting asks for a final save and waits for its answer. Changes another jobdeck makes are
//! picked up when the file is no longer the one last read or written here; a file broken behind jobdeck's back is
//! set aside and written back from memory.
//!
//! Nothing here blocks for good: the store reads without blocking (a FIFO in place of the file
//! is refused), and its lock is waited for a bounded time.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use flume::{Receiver, RecvTimeoutError, Sender};

use crate::app::{Action, SaveProblem, StoreReport};
use crate::store::{Change, Shortlists, Store, StoreError};

/// How the store thread paces itself when nothing is asked of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    /// How often the file is checked for other processes' changes.
    pub poll: Duration,
    /// The first retry of a failed save comes this soon; each failure doubles it up to
    /// `retry_max`.
    pub retry_first: Duration,
    pub retry_max: Duration,
}

impl Default for Pace {
    /// The browser's: every 2 s; a failed save retried after 2 s, then less often, up to 30 s.
    fn default() -> Pace {
        Pace {
            poll: Duration::from_secs(2),
            retry_first: Duration::from_secs(2),
            retry_max: Duration::from_secs(30),
        }
    }
}

/// What time a change is stamped with (the store's dates: bookmarked, status changed…):
/// [`crate::store::now`], or a fixed time in tests.
pub type Clock = fn() -> time::OffsetDateTime;

/// What the event loop asks of the store thread.
pub enum Request {
    Change(Box<Change>),
    /// Save whatever is pending now, and answer with a final report (quitting).
    Flush,
    /// Write the shortlists as held in memory to another file.
    SaveCopy(PathBuf),
}

/// The event loop's side of the store thread: requests go out numbered, and it keeps track of
/// what is not known to be on disk yet — changes sent but not answered for, and those the store
/// reported unsaved — so that it can always say what would be lost.
pub struct StoreHandle {
    tx: Sender<(u64, Request)>,
    next: u64,
    clock: Clock,
    /// Changes sent and not answered for yet, in words and as sent.
    in_flight: VecDeque<(u64, String, Change)>,
    /// The changes the store last reported held in memory only, in words.
    unsaved: Vec<String>,
    /// Whether the store thread has reported at all, and the newest request it answered for.
    reported: bool,
    answered: u64,
    /// The newest change or final save sent, and the copies not answered for yet.
    awaited: u64,
    copies: usize,
}

impl StoreHandle {
    fn new(tx: Sender<(u64, Request)>, clock: Clock) -> StoreHandle {
        StoreHandle {
            tx,
            clock,
            next: 0,
            in_flight: VecDeque::new(),
            unsaved: Vec::new(),
            reported: false,
            answered: 0,
            awaited: 0,
            copies: 0,
        }
    }

    fn send(&mut self, req: Request) -> u64 {
        self.next += 1;
        // The thread ends only when this handle is dropped (or it panicked: then the
        // changes stay listed as not saved).
        let _ = self.tx.send((self.next, req));
        self.next
    }

    /// Sends a change, described (for the report of what was not saved, should it come to
    /// that) against the shortlists the user sees.
    pub fn change(&mut self, change: Change, seen: &Shortlists) {
        let what = seen.describe(&change);
        let n = self.send(Request::Change(Box::new(change.clone())));
        self.awaited = n;
        self.in_flight.push_back((n, what, change));
    }

    /// Asks for a final save; returns the request's number (its answer carries it).
    pub fn flush(&mut self) -> u64 {
        self.awaited = self.send(Request::Flush);
        self.awaited
    }

    pub fn save_copy(&mut self, path: PathBuf) {
        self.copies += 1;
        self.send(Request::SaveCopy(path));
    }

    /// Takes note that a copy was answered for (`Action::StoreCopied`).
    pub fn copied(&mut self) {
        self.copies = self.copies.saturating_sub(1);
    }

    /// Every request answered for, the first report included.
    pub fn settled(&self) -> bool {
        self.reported && self.answered >= self.awaited && self.copies == 0
    }

    /// Takes note of a report from the store thread (before the app sees it). The changes
    /// sent since (the app shows them already) are applied onto the reported state, so that
    /// the screen does not step back to it while they are on their way.
    pub fn note(&mut self, report: &mut StoreReport) {
        self.reported = true;
        self.answered = self.answered.max(report.answered);
        while self
            .in_flight
            .front()
            .is_some_and(|(n, _, _)| *n <= report.answered)
        {
            self.in_flight.pop_front();
        }
        self.unsaved.clone_from(&report.unsaved);
        if !self.in_flight.is_empty() {
            let mut state = (*report.state).clone();
            let now = (self.clock)();
            for (_, _, change) in &self.in_flight {
                let _ = state.apply(change, now);
            }
            report.state = Arc::new(state);
        }
    }

    /// Everything not known to be on disk: the changes the store holds unsaved, then those it
    /// has not answered for.
    pub fn outstanding(&self) -> Vec<String> {
        let mut v = self.unsaved.clone();
        v.extend(self.in_flight.iter().map(|(_, w, _)| w.clone()));
        v
    }
}

/// Starts the store thread with an opened store; the current state is sent at once.
pub fn spawn(store: Store, actions: Sender<Action>, clock: Clock, pace: Pace) -> StoreHandle {
    let (tx, rx) = flume::unbounded::<(u64, Request)>();
    std::thread::Builder::new()
        .name("jobdeck-store".into())
        .spawn(move || run(store, &rx, &actions, clock, pace))
        .expect("spawn the store thread");
    StoreHandle::new(tx, clock)
}

/// The store thread's state between requests.
struct Worker<'a> {
    store: Store,
    clock: Clock,
    actions: &'a Sender<Action>,
    /// The number of the last request carried out.
    answered: u64,
    /// When a failed save is tried again.
    retry: Duration,
    pace: Pace,
}

impl Worker<'_> {
    /// Tells the app the state (and why the last save failed). False when the app is gone.
    fn report(&mut self, error: Option<&StoreError>, final_save: bool) -> bool {
        let notices = self.store.take_notices();
        for n in &notices {
            tracing::warn!("shortlists: {n}");
        }
        let report = StoreReport {
            state: Arc::new(self.store.state().clone()),
            notices,
            error: error.map(SaveProblem::of),
            unsaved: self.store.pending_descriptions(),
            answered: self.answered,
            final_save,
        };
        self.actions
            .send(Action::StoreUpdated(Box::new(report)))
            .is_ok()
    }

    /// Saves what is pending; on failure the next retry waits longer.
    fn flush(&mut self) -> Option<StoreError> {
        match self.store.flush() {
            Ok(()) => {
                self.retry = self.pace.retry_first;
                None
            }
            Err(e) => {
                tracing::warn!("shortlists: {e}");
                self.retry = (self.retry * 2).min(self.pace.retry_max);
                Some(e)
            }
        }
    }

    /// Carries out a batch of requests that arrived together: the changes are applied in
    /// memory and saved once, before any flush or copy that follows them.
    fn handle(&mut self, batch: Vec<(u64, Request)>) -> bool {
        let mut staged = false;
        let mut change_error = None;
        for (n, req) in batch {
            match req {
                Request::Change(c) => {
                    if let Err(e) = self.store.stage_at(*c, (self.clock)()) {
                        change_error = Some(e);
                    }
                    staged = true;
                    self.answered = n;
                }
                Request::Flush => {
                    let error = self.flush().or(change_error.take());
                    staged = false;
                    self.answered = n;
                    if !self.report(error.as_ref(), true) {
                        return false;
                    }
                }
                Request::SaveCopy(path) => {
                    if staged {
                        let error = self.flush().or(change_error.take());
                        staged = false;
                        if !self.report(error.as_ref(), false) {
                            return false;
                        }
                    }
                    self.answered = n;
                    let result = self
                        .store
                        .save_copy(&path)
                        .map(|p| crate::sanitize::shown_path(&p))
                        .map_err(|e| e.to_string());
                    let shown = crate::sanitize::shown_path(&path);
                    if self
                        .actions
                        .send(Action::StoreCopied {
                            path: shown,
                            result,
                        })
                        .is_err()
                    {
                        return false;
                    }
                }
            }
        }
        if staged {
            let error = self.flush().or(change_error);
            return self.report(error.as_ref(), false);
        }
        true
    }

    /// Nothing asked for a while: retry a failed save when its time comes, else pick up what
    /// another process wrote (or a file broken behind jobdeck's back, which is set aside and
    /// written back from memory).
    fn idle(&mut self) -> bool {
        if self.store.needs_save() {
            let error = self.flush();
            return self.report(error.as_ref(), false);
        }
        if !self.store.changed_on_disk() {
            return true;
        }
        let error = match self.store.reload() {
            Ok(notices) => {
                for n in notices {
                    self.store.push_notice(n);
                }
                if self.store.needs_save() {
                    self.flush()
                } else {
                    None
                }
            }
            Err(e) => Some(e),
        };
        self.report(error.as_ref(), false)
    }
}

fn run(
    store: Store,
    rx: &Receiver<(u64, Request)>,
    actions: &Sender<Action>,
    clock: Clock,
    pace: Pace,
) {
    let mut w = Worker {
        store,
        clock,
        actions,
        answered: 0,
        retry: pace.retry_first,
        pace,
    };
    if !w.report(None, false) {
        return;
    }
    loop {
        let wait = if w.store.needs_save() {
            w.retry
        } else {
            w.pace.poll
        };
        let first = match rx.recv_timeout(wait) {
            Ok(r) => r,
            Err(RecvTimeoutError::Timeout) => {
                if !w.idle() {
                    return;
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return,
        };
        let batch: Vec<_> = std::iter::once(first).chain(rx.try_iter()).collect();
        if !w.handle(batch) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{DEFAULT_LIST, Snapshot};

    fn add(id: &str) -> Change {
        Change::Add {
            snapshot: Snapshot::default(),
            id: id.into(),
            list: DEFAULT_LIST.into(),
        }
    }

    #[test]
    fn a_report_keeps_the_changes_sent_since_on_screen() {
        let (tx, _rx) = flume::unbounded();
        let mut h = StoreHandle::new(tx, crate::store::now);
        let seen = Shortlists::default();
        h.change(add("a"), &seen);
        h.change(add("b"), &seen);
        // The store answers the first change only: its state lacks "b".
        let mut first = Shortlists::default();
        first.apply(&add("a"), crate::store::now()).unwrap();
        let mut report = StoreReport::of(Arc::new(first));
        report.answered = 1;
        h.note(&mut report);
        assert!(report.state.is_saved("a") && report.state.is_saved("b"));
        assert_eq!(h.outstanding().len(), 1, "b is still on its way");
        // Once both are answered the report is taken as it is.
        let mut report = StoreReport::of(Arc::new(Shortlists::default()));
        report.answered = 2;
        h.note(&mut report);
        assert!(!report.state.is_saved("b"));
        assert!(h.outstanding().is_empty());
    }
}
