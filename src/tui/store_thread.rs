//! The shortlists store on its own thread: changes are saved in the order they were made
//! (each save locks, merges with what other processes wrote, and writes atomically), and the
//! saved state goes back to the app. Changes another jobdeck makes are picked up when the
//! file's modification time moves.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crossbeam_channel::{RecvTimeoutError, Sender};
use tokio::sync::mpsc::UnboundedSender;

use crate::app::Action;
use crate::store::{Change, Store};

/// How often the file is checked for other processes' changes.
const POLL: Duration = Duration::from_secs(2);

/// Starts the store thread with an opened store; the current state is sent at once.
pub fn spawn(store: Store, actions: UnboundedSender<Action>) -> Sender<Change> {
    let (tx, rx) = crossbeam_channel::unbounded::<Change>();
    std::thread::Builder::new()
        .name("jobdeck-store".into())
        .spawn(move || {
            let mut store = store;
            let mut seen = mtime(store.path());
            let send = |store: &mut Store, error: Option<String>| {
                let notices = store.take_notices();
                let state = Arc::new(store.state().clone());
                actions
                    .send(Action::StoreUpdated {
                        state,
                        notices,
                        error,
                    })
                    .is_ok()
            };
            if !send(&mut store, None) {
                return;
            }
            loop {
                match rx.recv_timeout(POLL) {
                    Ok(change) => {
                        let error = store.apply(change).err().map(|e| e.to_string());
                        seen = mtime(store.path());
                        if !send(&mut store, error) {
                            return;
                        }
                    }
                    Err(RecvTimeoutError::Timeout) => {
                        let now = mtime(store.path());
                        if now != seen {
                            seen = now;
                            let error = store.reload().err().map(|e| e.to_string());
                            // Pending changes (from a failed save) are retried too.
                            let error =
                                error.or_else(|| store.flush().err().map(|e| e.to_string()));
                            if !send(&mut store, error) {
                                return;
                            }
                        }
                    }
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        })
        .expect("spawn the store thread");
    tx
}

fn mtime(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
