//! The interactive browser: the terminal guard and the event loop. Terminal events, loader
//! progress, search results and signals meet in one `select!`; the app state changes only in
//! `App::update`, and the screen is redrawn only when something changed, at most once a frame.

pub mod headless;
pub mod store_thread;
pub mod terminal;
pub mod worker;

use std::io::Write;
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

/// How long quitting waits for the shortlists to be saved before it says what was not.
const SAVE_WAIT: Duration = Duration::from_secs(10);

/// What the browser needs to start.
pub struct Options {
    pub source: CorpusSource,
    pub settings: crate::app::Settings,
    /// Problems found in the config, shown on the first screen.
    pub config_problems: Vec<String>,
    pub load: LoadOptions,
    /// The shortlists store, opened (None when it could not be: the reason is shown instead).
    pub store: Result<crate::store::Store, String>,
    /// What opening the store had to say (a file set aside), shown on the first screen.
    pub store_notices: Vec<String>,
    /// Where the search bar's query history is kept (None: not kept).
    pub history_file: Option<std::path::PathBuf>,
}

/// How the browser ended, for the exit status and what is said on stderr.
#[derive(Debug, Default)]
struct Ending {
    /// The signal that ended it.
    signal: Option<i32>,
    /// Changes that are not in the shortlists file, in words.
    unsaved: Vec<String>,
    /// Where the user saved them instead.
    saved_copy: Option<String>,
    /// The shortlists file.
    store_path: Option<std::path::PathBuf>,
}

/// Runs the browser until the user quits; returns the exit status: 0, 1 when changes to the
/// shortlists could not be saved (they are listed on stderr), 128 + n after signal n. The
/// terminal is restored however it ends.
pub fn run(opts: Options) -> anyhow::Result<u8> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let result = runtime.block_on(event_loop(opts));
    terminal::restore();
    let panics = terminal::BACKGROUND_PANICS
        .lock()
        .map(|v| v.clone())
        .unwrap_or_default();
    // Never a panic for a closed terminal (after SIGHUP): what cannot be said is lost.
    let mut err = std::io::stderr().lock();
    for p in panics {
        let _ = writeln!(err, "jobdeck: a background task failed: {p}");
    }
    let (ending, result) = match result {
        Ok(e) => (e, Ok(())),
        Err((e, failure)) => (e, Err(failure)),
    };
    let code = report_ending(&mut err, &ending);
    result.map(|()| code)
}

/// Says on stderr what was not saved (and where it went instead); the exit status.
fn report_ending(err: &mut impl Write, e: &Ending) -> u8 {
    let file = e
        .store_path
        .as_deref()
        .map(crate::sanitize::shown_path)
        .unwrap_or_else(|| "the shortlists file".into());
    let n = e.unsaved.len();
    let mut code = 0;
    if n > 0 {
        match &e.saved_copy {
            Some(copy) => {
                let _ = writeln!(
                    err,
                    "jobdeck: {} could not be saved to {file}; they are in {copy} \
                     (`jobdeck bookmarks import {copy}` merges them back):",
                    crate::app::count(n, "change")
                );
            }
            None => {
                let _ = writeln!(
                    err,
                    "jobdeck: {} could not be saved to {file} and are lost:",
                    crate::app::count(n, "change")
                );
                code = 1;
            }
        }
        for what in &e.unsaved {
            let _ = writeln!(err, "  - {}", crate::sanitize::clean_field(what));
        }
    }
    match e.signal {
        Some(sig) => 128 + sig.clamp(0, 127) as u8,
        None => code,
    }
}

/// The event loop; on an error, how it ended all the same (the shortlists were still saved,
/// or what was not is known).
async fn event_loop(opts: Options) -> Result<Ending, (Ending, anyhow::Error)> {
    let mut guard = TerminalGuard::enter().map_err(|e| (Ending::default(), e.into()))?;
    let store_path = opts.store.as_ref().ok().map(|s| s.path().to_path_buf());
    let size = guard
        .terminal
        .size()
        .map_err(|e| (Ending::default(), e.into()))?;
    let today = today();
    let mut app = App::new(opts.source.describe(), opts.settings, today);
    app.update(Action::Resize(size.width, size.height));
    app.model.has_store = opts.store.is_ok();
    if let Some(home) = directories::BaseDirs::new() {
        app.model.rescue_path = home
            .home_dir()
            .join("jobdeck-shortlists-unsaved.json")
            .to_string_lossy()
            .into_owned();
    }
    if let Some(first) = opts.config_problems.first() {
        let more = opts.config_problems.len() - 1;
        app.view.message = Some(if more > 0 {
            format!("config: {first} (+{more} more)")
        } else {
            format!("config: {first}")
        });
    }
    if let Some(path) = &opts.history_file {
        match crate::app::history::load(path) {
            Ok(queries) => app.model.history = crate::app::history::QueryHistory::new(queries),
            Err(e) => {
                tracing::warn!("query history skipped: {e}");
                app.view.message = Some(format!("query history skipped: {e}"));
            }
        }
    }
    // What happened to the shortlists matters more than the config (a file set aside).
    if let Some(first) = opts.store_notices.first() {
        app.view.message = Some(first.clone());
    }

    let (tx, mut rx) = unbounded_channel::<Action>();
    let mut store = match opts.store {
        Ok(store) => Some(store_thread::spawn(store, tx.clone())),
        Err(e) => {
            app.view.message = Some(format!("shortlists unavailable: {e}"));
            None
        }
    };
    let mut ending = Ending {
        store_path,
        ..Ending::default()
    };
    let result = browse(
        &mut app,
        &mut guard,
        &mut store,
        tx,
        &mut rx,
        Startup {
            source: opts.source,
            load: opts.load,
            history: opts.history_file.map(HistorySaver::new),
        },
    )
    .await;
    drop(guard);
    // Whatever ended the loop, the shortlists are saved (or what was not is known) before the
    // process ends. Normally quitting has waited for that already, and this is at once.
    if let Some(h) = store.as_mut() {
        // Once more, briefly when quitting has already waited or the user chose to go.
        let wait = if app.model.gave_up_saving || app.model.quit_anyway {
            Duration::from_secs(1)
        } else {
            SAVE_WAIT
        };
        ending.unsaved = finish_store(h, &mut rx, wait).await;
    }
    ending.signal = app.model.exit_signal;
    ending.saved_copy = app.model.saved_copy.clone();
    match result {
        Ok(loader) => {
            loader.wait_on_quit();
            match app.model.fatal {
                Some(m) => Err((ending, anyhow::anyhow!("{m} (details in the log)"))),
                None => Ok(ending),
            }
        }
        Err(e) => Err((ending, e)),
    }
}

/// The signals the browser answers: ending ones save first, Ctrl-Z suspends, SIGCONT repaints.
struct Signals {
    term: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
    int: tokio::signal::unix::Signal,
    quit: tokio::signal::unix::Signal,
    tstp: tokio::signal::unix::Signal,
    cont: tokio::signal::unix::Signal,
}

impl Signals {
    fn new() -> std::io::Result<Signals> {
        use tokio::signal::unix::SignalKind;
        Ok(Signals {
            term: signal(SignalKind::terminate())?,
            hup: signal(SignalKind::hangup())?,
            int: signal(SignalKind::interrupt())?,
            quit: signal(SignalKind::quit())?,
            tstp: signal(SignalKind::from_raw(libc::SIGTSTP))?,
            cont: signal(SignalKind::from_raw(libc::SIGCONT))?,
        })
    }
}

/// Stops the loader when dropped: it stops with the browser however that ends.
struct StopLoading(Arc<AtomicBool>);

impl Drop for StopLoading {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Starts the search worker and the loader; returns what effects need (the worker, the
/// channel, where pulls go), the loader, and what stops it.
fn start_services(
    source: CorpusSource,
    load: LoadOptions,
    history: Option<HistorySaver>,
    tx: &UnboundedSender<Action>,
) -> (Services, Loader, StopLoading) {
    let worker = worker::spawn(tx.clone());
    let services = Services {
        worker: worker.clone(),
        tx: tx.clone(),
        pulls: PullContext {
            roots: match &source {
                CorpusSource::Paths(p) => p.clone(),
                CorpusSource::Seeds => Vec::new(),
            },
            load: load.clone(),
        },
        history,
    };
    let stop_loading = Arc::new(AtomicBool::new(false));
    let loader = spawn_loader(
        source,
        load,
        tx.clone(),
        worker.clone(),
        stop_loading.clone(),
    );
    (services, loader, StopLoading(stop_loading))
}

/// The browser proper: until the user quits (and the shortlists are saved), a signal ends it,
/// or the terminal fails.
async fn browse(
    app: &mut App,
    guard: &mut TerminalGuard,
    store: &mut Option<store_thread::StoreHandle>,
    tx: UnboundedSender<Action>,
    rx: &mut tokio::sync::mpsc::UnboundedReceiver<Action>,
    startup: Startup,
) -> anyhow::Result<Loader> {
    let Startup {
        source,
        load,
        history,
    } = startup;
    // The first frame, before any posting is read.
    terminal::draw_synchronized(&mut guard.terminal, app)?;
    if crate::debug::debug_panic("main") {
        panic!("JOBDECK_DEBUG_PANIC=main");
    }
    let (services, loader, _stop) = start_services(source, load, history, &tx);

    let mut events = EventStream::new();
    let mut sig = Signals::new()?;
    let mut dirty = false;
    let mut last_draw = Instant::now();
    // While quitting waits for the shortlists: when it stops waiting.
    let mut save_deadline: Option<tokio::time::Instant> = None;
    loop {
        if dirty && last_draw.elapsed() >= FRAME {
            // Postings that streamed in since the last frame: the list catches up once.
            for effect in app.refresh() {
                run_effect(effect, app, guard, &services, store, &mut save_deadline)?;
            }
            terminal::draw_synchronized(&mut guard.terminal, app)?;
            last_draw = Instant::now();
            dirty = false;
        }
        let deadline = tokio::time::Instant::from_std(last_draw + FRAME);
        let far = tokio::time::Instant::now() + Duration::from_secs(86_400);
        let mut actions = Vec::new();
        tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => actions.extend(event_action(app, ev)),
                Some(Err(e)) => return Err(e.into()),
                None => break,
            },
            Some(a) = rx.recv() => actions.push(a),
            _ = tokio::time::sleep_until(deadline), if dirty => {}
            _ = tokio::time::sleep_until(save_deadline.unwrap_or(far)), if save_deadline.is_some() => {
                save_deadline = None;
                actions.push(Action::SaveTimedOut);
            }
            _ = sig.term.recv() => actions.push(Action::Signal(libc::SIGTERM)),
            _ = sig.hup.recv() => actions.push(Action::Signal(libc::SIGHUP)),
            _ = sig.int.recv() => actions.push(Action::Signal(libc::SIGINT)),
            _ = sig.quit.recv() => actions.push(Action::Signal(libc::SIGQUIT)),
            _ = sig.tstp.recv() => actions.push(Action::Suspend),
            // Continued after a stop jobdeck did not see coming (SIGSTOP): paint it all again.
            _ = sig.cont.recv() => {
                terminal::repaint_all(guard)?;
                dirty = true;
            }
        }
        // Take whatever else is already waiting, so a burst costs one frame; batches of
        // postings that arrived together are applied as one.
        while let Ok(a) = rx.try_recv() {
            coalesce(&mut actions, a);
        }
        for mut action in actions {
            dirty = true;
            if let (Action::StoreUpdated(report), Some(h)) = (&mut action, store.as_mut()) {
                h.note(report);
            }
            for effect in app.update(action) {
                run_effect(effect, app, guard, &services, store, &mut save_deadline)?;
            }
        }
        if app.model.closing.is_none() {
            save_deadline = None;
        }
        if app.model.should_quit {
            break;
        }
    }
    Ok(loader)
}

/// After the browser: asks the store thread to save whatever is not known to be on disk, and
/// waits for its answer for a bounded time (saying why on stderr after a moment). Returns what
/// is still not saved, in words.
async fn finish_store(
    h: &mut store_thread::StoreHandle,
    rx: &mut tokio::sync::mpsc::UnboundedReceiver<Action>,
    wait: Duration,
) -> Vec<String> {
    if h.outstanding().is_empty() {
        return Vec::new();
    }
    let asked = h.flush();
    let started = tokio::time::Instant::now();
    let mut told = false;
    loop {
        let next = if told {
            started + wait
        } else {
            started + Duration::from_millis(300).min(wait)
        };
        match tokio::time::timeout_at(next, rx.recv()).await {
            Ok(Some(Action::StoreUpdated(mut report))) => {
                h.note(&mut report);
                if report.final_save && report.answered >= asked {
                    // Answered: what is left is what could not be saved.
                    break;
                }
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) if !told => {
                let _ = writeln!(std::io::stderr(), "jobdeck: saving the shortlists…");
                told = true;
            }
            Err(_) => {
                tracing::warn!("quit before the shortlists were saved");
                break;
            }
        }
    }
    h.outstanding()
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

/// What carrying out effects needs besides the app, the terminal and the store: the search
/// worker, the way back to the loop, and what a pull needs.
struct Services {
    worker: worker::Worker,
    tx: UnboundedSender<Action>,
    pulls: PullContext,
    history: Option<HistorySaver>,
}

/// What the browser loads and keeps besides the shortlists.
struct Startup {
    source: CorpusSource,
    load: LoadOptions,
    history: Option<HistorySaver>,
}

/// Writes the query history off the event loop, one write at a time; a write older than the
/// last one done is dropped (each holds the whole history).
struct HistorySaver {
    path: Arc<std::path::PathBuf>,
    asked: std::sync::atomic::AtomicU64,
    done: Arc<std::sync::Mutex<u64>>,
}

impl HistorySaver {
    fn new(path: std::path::PathBuf) -> HistorySaver {
        HistorySaver {
            path: Arc::new(path),
            asked: Default::default(),
            done: Default::default(),
        }
    }

    fn save(&self, queries: Vec<String>) {
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

fn run_effect(
    effect: Effect,
    app: &mut App,
    guard: &mut TerminalGuard,
    services: &Services,
    store: &mut Option<store_thread::StoreHandle>,
    save_deadline: &mut Option<tokio::time::Instant>,
) -> std::io::Result<()> {
    let Services {
        worker,
        tx,
        pulls,
        history,
    } = services;
    match effect {
        Effect::SaveHistory(queries) => {
            if let Some(h) = history {
                h.save(queries);
            }
        }
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
            Some(s) => s.change(*change, &app.model.shortlists),
            None => {
                let _ = tx.send(Action::Notify(
                    "the shortlists cannot be saved (see the message at start)".into(),
                ));
            }
        },
        Effect::FinalSave => match store {
            Some(s) => {
                s.flush();
                save_deadline.get_or_insert_with(|| tokio::time::Instant::now() + SAVE_WAIT);
            }
            None => app.model.should_quit = true,
        },
        Effect::SaveCopy(path) => {
            if let Some(s) = store {
                let path = crate::config::expand_home(std::path::Path::new(&path));
                s.save_copy(path);
            }
        }
        Effect::Suspend => {
            terminal::suspend(guard)?;
            let size = guard.terminal.size()?;
            let _ = tx.send(Action::Resize(size.width, size.height));
        }
    }
    Ok(())
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
