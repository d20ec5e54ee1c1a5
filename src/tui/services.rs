//! What the event loop starts besides itself: the loader (and the folder watcher it starts),
//! the search worker, pulls from the browser, and the query history's writer. Each runs on its
//! own thread and answers with actions on the loop's channel.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use flume::Sender;

use super::worker;
use crate::app::Action;
use crate::corpus::{self, CorpusSource, LoadEvent, LoadOptions};
use crate::posting::Posting;

/// What carrying out effects needs besides the app, the terminal and the store: the search
/// worker, the way back to the loop, and what a pull needs.
pub struct Services {
    pub worker: worker::Worker,
    pub tx: Sender<Action>,
    pub pulls: PullContext,
    pub history: Option<HistorySaver>,
}

/// What the browser loads and keeps besides the shortlists.
pub struct Startup {
    /// What to load (None: the postings are handed over by the caller, as tests do).
    pub source: Option<CorpusSource>,
    pub load: LoadOptions,
    /// Where the search bar's query history is kept (None: not kept).
    pub history: Option<std::path::PathBuf>,
    /// What time the shortlists' changes are stamped with.
    pub clock: super::store_thread::Clock,
    /// How often the store thread looks for other processes' changes and retries a failed save.
    pub pace: super::store_thread::Pace,
}

/// Gives postings to the search worker, then returns them shared, for the app: a search the
/// app starts for them already sees them.
pub fn share(postings: Vec<Posting>, worker: &worker::Worker) -> Vec<Arc<Posting>> {
    let batch: Vec<Arc<Posting>> = postings.into_iter().map(Arc::new).collect();
    worker.send(worker::Request::Append(batch.clone()));
    batch
}

/// What a pull started from the browser needs: the folders being browsed (to name the files
/// it writes as the loader does) and the loading options.
pub struct PullContext {
    roots: Vec<std::path::PathBuf>,
    load: LoadOptions,
}

/// Writes the query history off the event loop, one write at a time; a write older than the
/// last one done is dropped (each holds the whole history).
pub struct HistorySaver {
    path: Arc<std::path::PathBuf>,
    asked: std::sync::atomic::AtomicU64,
    done: Arc<std::sync::Mutex<u64>>,
}

impl HistorySaver {
    pub fn new(path: std::path::PathBuf) -> HistorySaver {
        HistorySaver {
            path: Arc::new(path),
            asked: Default::default(),
            done: Default::default(),
        }
    }

    pub fn save(&self, queries: Vec<String>) {
        let n = self.asked.fetch_add(1, Ordering::SeqCst) + 1;
        let (path, done) = (self.path.clone(), self.done.clone());
        std::thread::spawn(move || {
            let mut last = done.lock().unwrap_or_else(|p| p.into_inner());
            if *last < n {
                if let Err(e) = crate::app::history::save(&path, &queries) {
                    tracing::warn!("query history not saved: {e}");
                }
                *last = n;
            }
        });
    }
}

/// Stops the loader when dropped: it stops with the browser however that ends.
pub struct StopLoading(Arc<AtomicBool>);

impl Drop for StopLoading {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Starts the search worker and the loader (when there is something to load); returns what
/// effects need (the worker, the channel, where pulls go), the loader, and what stops it.
pub fn start_services(startup: Startup, tx: &Sender<Action>) -> (Services, Loader, StopLoading) {
    let Startup {
        source,
        load,
        history,
        clock: _,
        pace: _,
    } = startup;
    let worker = worker::spawn(tx.clone());
    let services = Services {
        worker: worker.clone(),
        tx: tx.clone(),
        pulls: PullContext {
            roots: match &source {
                Some(CorpusSource::Paths(p)) => p.clone(),
                _ => Vec::new(),
            },
            load: load.clone(),
        },
        history: history.map(HistorySaver::new),
    };
    let stop_loading = Arc::new(AtomicBool::new(false));
    let loader = match source {
        Some(source) => spawn_loader(source, load, tx.clone(), worker, stop_loading.clone()),
        None => Loader::none(),
    };
    (services, loader, StopLoading(stop_loading))
}

/// Reports files saved, changed or deleted in the folders while the browser runs. New postings
/// go to the search worker first, then to the app (as when loading). Started by the loader
/// once it has walked the folders (`dirs`), which began at `since`.
fn watch_folders(
    roots: Vec<std::path::PathBuf>,
    dirs: Vec<std::path::PathBuf>,
    since: std::time::SystemTime,
    opts: LoadOptions,
    tx: Sender<Action>,
    worker: worker::Worker,
) -> bool {
    corpus::watch::spawn(roots, dirs, since, opts, move |changes| {
        send_changes(changes, &tx, &worker)
    })
}

/// Gives changed files' postings to the search worker, then to the app (as when loading).
/// False when the app is gone.
pub fn send_changes(
    changes: Vec<corpus::watch::Change>,
    tx: &Sender<Action>,
    worker: &worker::Worker,
) -> bool {
    use corpus::watch::Change;
    for c in changes {
        let sent = match c {
            Change::Parsed { source, postings } => tx.send(Action::SourceChanged {
                source,
                postings: share(postings, worker),
            }),
            Change::Skipped(s) => tx
                .send(Action::SourceChanged {
                    source: s.source.clone(),
                    postings: Vec::new(),
                })
                .and_then(|_| tx.send(Action::LoadSkipped(vec![s]))),
            Change::Removed { source } => tx.send(Action::SourceRemoved { source }),
        };
        if sent.is_err() {
            return false;
        }
    }
    true
}

/// Pulls the watch-list on its own thread: progress goes to the status line, and each board's
/// postings (with their new tracking records) reach the list as soon as it is saved — whether
/// or not the folders can be watched.
pub fn spawn_pull(
    sources: Vec<crate::pull::SourceSpec>,
    into: std::path::PathBuf,
    ctx: &PullContext,
    worker: worker::Worker,
    tx: Sender<Action>,
) {
    let roots = ctx.roots.clone();
    let load = ctx.load.clone();
    let failed = tx.clone();
    let spawned = std::thread::Builder::new()
        .name("jobdeck-pull".into())
        .spawn(move || {
            let opts = crate::pull::Options {
                into,
                max_bytes: load.max_file_size,
            };
            match crate::pull::Client::from_env(opts.max_bytes) {
                Ok(client) => {
                    crate::pull::run(&sources, &opts, &client, &|index, progress| {
                        if let crate::pull::Progress::Done(Ok(s)) = &progress {
                            let changes = corpus::watch::board_changes(&s.dir, &roots, &load);
                            send_changes(changes, &tx, &worker);
                        }
                        let _ = tx.send(Action::PullProgress {
                            index,
                            progress: Box::new(progress),
                        });
                    });
                }
                Err(e) => {
                    for index in 0..sources.len() {
                        let _ = tx.send(Action::PullProgress {
                            index,
                            progress: Box::new(crate::pull::Progress::Done(Err(e.clone()))),
                        });
                    }
                }
            }
            let _ = tx.send(Action::PullFinished);
        });
    if spawned.is_err() {
        let _ = failed.send(Action::PullFinished);
    }
}

/// The loader thread, to wait for on quit.
pub struct Loader {
    /// Disconnects when the thread ends.
    ended: flume::Receiver<()>,
}

impl Loader {
    /// No loader: nothing to wait for.
    fn none() -> Loader {
        let (_, ended) = flume::bounded(0);
        Loader { ended }
    }

    /// After the user quit (and the loader was told to stop): lets it finish what it is
    /// doing, which is at most one batch of files or writing the parse cache. Killing it
    /// there would throw the cache away and cost the next start a full parse. Waits a bounded
    /// time, saying why when it is more than a moment.
    pub fn wait_on_quit(self) {
        use flume::RecvTimeoutError;
        let wait = |ms| self.ended.recv_timeout(Duration::from_millis(ms));
        if let Err(RecvTimeoutError::Timeout) = wait(300) {
            let _ = writeln!(
                std::io::stderr(),
                "jobdeck: waiting for the parse cache to be saved…"
            );
            if let Err(RecvTimeoutError::Timeout) = wait(LOADER_GRACE_MS) {
                tracing::warn!("quit before the parse cache was written");
            }
        }
    }
}

/// How long quitting waits for the parse cache to be written (after the first 300 ms).
const LOADER_GRACE_MS: u64 = 10_000;

/// Loads the corpus on a background thread: batches go to the search worker first, then to
/// the app, so a search the app starts for them already sees them.
fn spawn_loader(
    source: CorpusSource,
    opts: LoadOptions,
    tx: Sender<Action>,
    worker: worker::Worker,
    stop: Arc<AtomicBool>,
) -> Loader {
    let (ended_tx, ended) = flume::bounded::<()>(0);
    std::thread::Builder::new()
        .name("jobdeck-loader".into())
        .spawn(move || {
            let _ended = ended_tx;
            let started = Instant::now();
            let since = std::time::SystemTime::now();
            let reporter = tx.clone();
            let body = std::panic::AssertUnwindSafe(|| {
                if crate::debug::debug_panic("loader") {
                    panic!("JOBDECK_DEBUG_PANIC=loader");
                }
                let mut total = 0;
                corpus::stream(&source, &opts, |ev| {
                    if stop.load(Ordering::SeqCst) {
                        return false;
                    }
                    let sent = match ev {
                        LoadEvent::Files(n) => {
                            total = n;
                            tx.send(Action::LoadProgress {
                                files_done: 0,
                                files_total: n,
                                per_second: 0,
                            })
                        }
                        LoadEvent::Batch {
                            postings,
                            files_done,
                        } => {
                            let batch = share(postings, &worker);
                            let secs = started.elapsed().as_secs_f64().max(0.001);
                            let per_second = (files_done as f64 / secs) as u32;
                            tx.send(Action::Loaded(batch)).and_then(|_| {
                                tx.send(Action::LoadProgress {
                                    files_done,
                                    files_total: total,
                                    per_second,
                                })
                            })
                        }
                        LoadEvent::Folders(dirs) => {
                            // Watch them now, so nothing saved while loading is missed.
                            if let CorpusSource::Paths(roots) = &source
                                && !watch_folders(
                                    roots.clone(),
                                    dirs,
                                    since,
                                    opts.clone(),
                                    tx.clone(),
                                    worker.clone(),
                                )
                            {
                                tracing::warn!(
                                    "the folders cannot be watched: changes show after a restart"
                                );
                            }
                            Ok(())
                        }
                        LoadEvent::Skipped(s) => tx.send(Action::LoadSkipped(s)),
                        LoadEvent::Indexed(ix) => {
                            worker.send(worker::Request::Preindexed(ix));
                            Ok(())
                        }
                        LoadEvent::Done => tx.send(Action::LoadFinished {
                            elapsed_ms: started.elapsed().as_millis() as u64,
                        }),
                    };
                    sent.is_ok()
                });
            });
            if let Err(panic) = std::panic::catch_unwind(body) {
                let _ = reporter.send(Action::Fatal(format!(
                    "loading failed: {}",
                    worker::panic_text(&panic)
                )));
            }
        })
        .expect("spawn the loader thread");
    Loader { ended }
}
