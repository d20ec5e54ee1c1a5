//! The interactive browser: the terminal guard and the event loop. Terminal events, loader
//! progress, search results and signals meet in one `select!`; the app state changes only in
//! `App::update`, and the screen is redrawn only when something changed, at most once a frame.

pub mod store_thread;
pub mod terminal;
pub mod worker;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{Event, EventStream, KeyEventKind, MouseButton, MouseEventKind};
use futures_util::StreamExt;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

use crate::app::keymap::Key;
use crate::app::{Action, App, Effect};
use crate::corpus::{self, CorpusSource, LoadEvent, LoadOptions};
use terminal::TerminalGuard;

/// Shortest time between two frames.
const FRAME: Duration = Duration::from_millis(16);

/// What the browser needs to start.
pub struct Options {
    pub source: CorpusSource,
    pub settings: crate::app::Settings,
    /// Problems found in the config, shown on the first screen.
    pub config_problems: Vec<String>,
    pub load: LoadOptions,
    /// The shortlists store, opened (None when it could not be: the reason is shown instead).
    pub store: Result<crate::store::Store, String>,
}

/// Runs the browser until the user quits. The terminal is restored however it ends.
pub fn run(opts: Options) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let result = runtime.block_on(event_loop(opts));
    terminal::restore();
    let panics = terminal::BACKGROUND_PANICS
        .lock()
        .map(|v| v.clone())
        .unwrap_or_default();
    for p in panics {
        eprintln!("jobdeck: a background task failed: {p}");
    }
    result
}

async fn event_loop(opts: Options) -> anyhow::Result<()> {
    let mut guard = TerminalGuard::enter()?;
    let size = guard.terminal.size()?;
    let today = today();
    let mut app = App::new(opts.source.describe(), opts.settings, today);
    app.update(Action::Resize(size.width, size.height));
    if let Some(first) = opts.config_problems.first() {
        let more = opts.config_problems.len() - 1;
        app.message = Some(if more > 0 {
            format!("config: {first} (+{more} more)")
        } else {
            format!("config: {first}")
        });
    }
    // The first frame, before any posting is read.
    guard.terminal.draw(|f| crate::ui::draw(f, &app))?;
    if crate::logging::debug_panic("main") {
        panic!("JOBDECK_DEBUG_PANIC=main");
    }

    let (tx, mut rx) = unbounded_channel::<Action>();
    let worker = worker::spawn(tx.clone());
    let store = match opts.store {
        Ok(store) => Some(store_thread::spawn(store, tx.clone())),
        Err(e) => {
            app.message = Some(format!("shortlists unavailable: {e}"));
            None
        }
    };
    let stop_loading = Arc::new(AtomicBool::new(false));
    let pulls = PullContext {
        roots: match &opts.source {
            CorpusSource::Paths(p) => p.clone(),
            CorpusSource::Seeds => Vec::new(),
        },
        load: opts.load.clone(),
    };
    let loader = spawn_loader(
        opts.source,
        opts.load,
        tx.clone(),
        worker.clone(),
        stop_loading.clone(),
    );

    let mut events = EventStream::new();
    let mut term = signal(tokio::signal::unix::SignalKind::terminate())?;
    let mut hup = signal(tokio::signal::unix::SignalKind::hangup())?;
    let mut int = signal(tokio::signal::unix::SignalKind::interrupt())?;
    let mut dirty = false;
    let mut last_draw = Instant::now();
    loop {
        if dirty && last_draw.elapsed() >= FRAME {
            // Postings that streamed in since the last frame: the list catches up once.
            for effect in app.refresh() {
                run_effect(effect, &worker, store.as_ref(), &tx, &pulls);
            }
            guard.terminal.draw(|f| crate::ui::draw(f, &app))?;
            last_draw = Instant::now();
            dirty = false;
        }
        let deadline = tokio::time::Instant::from_std(last_draw + FRAME);
        let mut actions = Vec::new();
        tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => actions.extend(event_action(&app, ev)),
                Some(Err(e)) => return Err(e.into()),
                None => break,
            },
            Some(a) = rx.recv() => actions.push(a),
            _ = tokio::time::sleep_until(deadline), if dirty => {}
            _ = term.recv() => app.should_quit = true,
            _ = hup.recv() => app.should_quit = true,
            _ = int.recv() => app.should_quit = true,
        }
        // Take whatever else is already waiting, so a burst costs one frame; batches of
        // postings that arrived together are applied as one.
        while let Ok(a) = rx.try_recv() {
            coalesce(&mut actions, a);
        }
        for action in actions {
            dirty = true;
            for effect in app.update(action) {
                run_effect(effect, &worker, store.as_ref(), &tx, &pulls);
            }
        }
        if app.should_quit {
            break;
        }
    }
    stop_loading.store(true, Ordering::SeqCst);
    drop(guard);
    loader.wait_on_quit();
    match app.fatal {
        Some(m) => Err(anyhow::anyhow!("{m} (details in the log)")),
        None => Ok(()),
    }
}

/// Adds an action to those waiting for this frame, folding every batch of postings into the
/// first one and keeping only the newest progress report. (Postings only ever append, and
/// progress only counts, so moving them together changes nothing but the work done.)
fn coalesce(actions: &mut Vec<Action>, a: Action) {
    match a {
        Action::Loaded(more) => {
            if let Some(Action::Loaded(batch)) =
                actions.iter_mut().find(|x| matches!(x, Action::Loaded(_)))
            {
                batch.extend(more);
            } else {
                actions.push(Action::Loaded(more));
            }
        }
        Action::LoadProgress { .. } => {
            actions.retain(|x| !matches!(x, Action::LoadProgress { .. }));
            actions.push(a);
        }
        a => actions.push(a),
    }
}

fn signal(kind: tokio::signal::unix::SignalKind) -> std::io::Result<tokio::signal::unix::Signal> {
    tokio::signal::unix::signal(kind)
}

/// Today's date in the local time zone (UTC when it cannot be known).
pub fn today() -> time::Date {
    crate::store::now().date()
}

/// Turns a terminal event into the action it means here.
fn event_action(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            Key::from_event(&k).and_then(|key| app.action_for_key(&key))
        }
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Paste(s) => Some(Action::Paste(s)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollAt {
                column: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollAt {
                column: m.column,
                row: m.row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// What a pull started from the browser needs: the folders being browsed (to name the files
/// it writes as the loader does) and the loading options.
struct PullContext {
    roots: Vec<std::path::PathBuf>,
    load: LoadOptions,
}

fn run_effect(
    effect: Effect,
    worker: &worker::Worker,
    store: Option<&crossbeam_channel::Sender<crate::store::Change>>,
    tx: &UnboundedSender<Action>,
    pulls: &PullContext,
) {
    match effect {
        Effect::Pull { sources, into } => {
            spawn_pull(sources, into, pulls, worker.clone(), tx.clone());
        }
        Effect::Search { generation, query } => {
            worker.send(worker::Request::Search { generation, query });
        }
        Effect::OpenUrl(url) => {
            let tx = tx.clone();
            std::thread::spawn(move || {
                if let Err(e) = open_url(&url) {
                    let _ = tx.send(Action::Notify(format!("could not open {url}: {e}")));
                }
            });
        }
        Effect::Copy(text) => {
            // OSC 52 asks the terminal itself, so it works over SSH; the text is sanitized.
            use crossterm::clipboard::CopyToClipboard;
            let _ =
                crossterm::execute!(std::io::stdout(), CopyToClipboard::to_clipboard_from(text));
        }
        Effect::Store(change) => match store {
            Some(s) => {
                let _ = s.send(*change);
            }
            None => {
                let _ = tx.send(Action::Notify(
                    "the shortlists cannot be saved (see the message at start)".into(),
                ));
            }
        },
    }
}

/// Opens an http(s) url with the platform's opener, without a shell and with its output kept
/// off the screen.
pub fn open_url(url: &str) -> std::io::Result<()> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(std::io::Error::other("only http(s) urls are opened"));
    }
    let mut last = std::io::Error::other("no opener found");
    for mut cmd in open::commands(url) {
        cmd.stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        match cmd.spawn() {
            Ok(mut child) => {
                // Reap it in the background so it does not linger as a zombie.
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// Reports files saved, changed or deleted in the folders while the browser runs. New postings
/// go to the search worker first, then to the app (as when loading). Started by the loader
/// once it has walked the folders (`dirs`), which began at `since`.
fn watch_folders(
    roots: Vec<std::path::PathBuf>,
    dirs: Vec<std::path::PathBuf>,
    since: std::time::SystemTime,
    opts: LoadOptions,
    tx: UnboundedSender<Action>,
    worker: worker::Worker,
) -> bool {
    corpus::watch::spawn(roots, dirs, since, opts, move |changes| {
        send_changes(changes, &tx, &worker)
    })
}

/// Gives changed files' postings to the search worker, then to the app (as when loading).
/// False when the app is gone.
fn send_changes(
    changes: Vec<corpus::watch::Change>,
    tx: &UnboundedSender<Action>,
    worker: &worker::Worker,
) -> bool {
    use corpus::watch::Change;
    for c in changes {
        let sent = match c {
            Change::Parsed { source, postings } => {
                let batch: Vec<Arc<_>> = postings.into_iter().map(Arc::new).collect();
                worker.send(worker::Request::Append(batch.clone()));
                tx.send(Action::SourceChanged {
                    source,
                    postings: batch,
                })
            }
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
fn spawn_pull(
    sources: Vec<crate::pull::SourceSpec>,
    into: std::path::PathBuf,
    ctx: &PullContext,
    worker: worker::Worker,
    tx: UnboundedSender<Action>,
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
struct Loader {
    /// Disconnects when the thread ends.
    ended: std::sync::mpsc::Receiver<()>,
}

impl Loader {
    /// After the user quit (and the loader was told to stop): lets it finish what it is
    /// doing, which is at most one batch of files or writing the parse cache. Killing it
    /// there would throw the cache away and cost the next start a full parse. Waits a bounded
    /// time, saying why when it is more than a moment.
    fn wait_on_quit(self) {
        use std::sync::mpsc::RecvTimeoutError;
        let wait = |ms| self.ended.recv_timeout(Duration::from_millis(ms));
        if let Err(RecvTimeoutError::Timeout) = wait(300) {
            eprintln!("jobdeck: waiting for the parse cache to be saved…");
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
    tx: UnboundedSender<Action>,
    worker: worker::Worker,
    stop: Arc<AtomicBool>,
) -> Loader {
    let (ended_tx, ended) = std::sync::mpsc::channel::<()>();
    std::thread::Builder::new()
        .name("jobdeck-loader".into())
        .spawn(move || {
            let _ended = ended_tx;
            let started = Instant::now();
            let since = std::time::SystemTime::now();
            let reporter = tx.clone();
            let body = std::panic::AssertUnwindSafe(|| {
                if crate::logging::debug_panic("loader") {
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
                            let batch: Vec<Arc<_>> = postings.into_iter().map(Arc::new).collect();
                            worker.send(worker::Request::Append(batch.clone()));
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
