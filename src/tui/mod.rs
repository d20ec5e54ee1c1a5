//! The interactive browser on the terminal: the terminal guard, the signals, and what is said
//! on stderr once it is over. The event loop itself is `browser` (generic over the backend, so
//! tests run it under `TestBackend` through `headless`); what it starts is in `services`.

pub mod browser;
pub mod headless;
pub mod services;
pub mod store_thread;
pub mod terminal;
pub mod worker;

use std::io::Write;
use std::time::Duration;

use crossterm::event::EventStream;
use futures_util::{Stream, StreamExt};

use crate::app::{Action, App};
use crate::corpus::{CorpusSource, LoadOptions};
use browser::{Browser, Input, SAVE_WAIT};
use services::Startup;
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

/// The event loop on the terminal; on an error, how it ended all the same (the shortlists
/// were still saved, or what was not is known).
async fn event_loop(opts: Options) -> Result<Ending, (Ending, anyhow::Error)> {
    let (guard, terminal) = TerminalGuard::enter().map_err(|e| (Ending::default(), e.into()))?;
    let store_path = opts.store.as_ref().ok().map(|s| s.path().to_path_buf());
    let size = terminal.size().map_err(|e| (Ending::default(), e.into()))?;
    let mut app = App::new(opts.source.describe(), opts.settings, today());
    app.update(Action::Resize(size.width, size.height));
    // What happened to the shortlists matters more than the history, and that more than the
    // config (a file set aside).
    let mut message = config_message(&opts.config_problems);
    let mut history = Vec::new();
    if let Some(path) = &opts.history_file {
        match crate::app::history::load(path) {
            Ok(queries) => history = queries,
            Err(e) => {
                tracing::warn!("query history skipped: {e}");
                message = Some(format!("query history skipped: {e}"));
            }
        }
    }
    if let Some(first) = opts.store_notices.first() {
        message = Some(first.clone());
    }
    let has_store = opts.store.is_ok();
    let store = match opts.store {
        Ok(store) => Some(store),
        Err(e) => {
            message = Some(format!("shortlists unavailable: {e}"));
            None
        }
    };
    app.update(Action::Opened(Box::new(crate::app::Opening {
        has_store,
        history,
        rescue_path: directories::BaseDirs::new().map(|home| {
            home.home_dir()
                .join("jobdeck-shortlists-unsaved.json")
                .to_string_lossy()
                .into_owned()
        }),
        message,
    })));
    let mut ending = Ending {
        store_path,
        ..Ending::default()
    };
    let startup = Startup {
        source: Some(opts.source),
        load: opts.load,
        history: opts.history_file,
        clock: crate::store::now,
        pace: Default::default(),
    };
    let mut b = match Browser::start(app, terminal, terminal::Tty, store, startup, FRAME) {
        Ok(b) => b,
        Err(e) => return Err((ending, e)),
    };
    let result = match inputs() {
        Ok(mut inputs) => b.run_until(&mut inputs, |_| false).await,
        Err(e) => Err(e.into()),
    };
    drop(guard);
    // Whatever ended the loop, the shortlists are saved (or what was not is known) before the
    // process ends. Normally quitting has waited for that already, and this is at once.
    if let Some(h) = b.store.as_mut() {
        // Once more, briefly when quitting has already waited or the user chose to go.
        let wait = if b.app.model.gave_up_saving || b.app.model.quit_anyway {
            Duration::from_secs(1)
        } else {
            SAVE_WAIT
        };
        ending.unsaved = finish_store(h, &b.rx, wait).await;
    }
    ending.signal = b.app.model.exit_signal;
    ending.saved_copy = b.app.model.saved_copy.clone();
    let fatal = b.app.model.fatal.take();
    match result {
        Ok(()) => {
            b.into_loader().wait_on_quit();
            match fatal {
                Some(m) => Err((ending, anyhow::anyhow!("{m} (details in the log)"))),
                None => Ok(ending),
            }
        }
        Err(e) => Err((ending, e)),
    }
}

/// The config's problems as the first screen tells them.
fn config_message(config_problems: &[String]) -> Option<String> {
    let first = config_problems.first()?;
    let more = config_problems.len() - 1;
    Some(if more > 0 {
        format!("config: {first} (+{more} more)")
    } else {
        format!("config: {first}")
    })
}

/// The terminal's events and the signals the browser answers, as one stream: ending ones save
/// first, Ctrl-Z suspends, SIGCONT repaints.
fn inputs() -> std::io::Result<impl Stream<Item = Input> + Unpin> {
    use tokio::signal::unix::{SignalKind, signal};
    let on = |kind: SignalKind, input: fn() -> Input| {
        signal(kind).map(|sig| {
            futures_util::stream::unfold(sig, move |mut sig| async move {
                sig.recv().await.map(|()| (input(), sig))
            })
            .boxed()
        })
    };
    let signals = futures_util::stream::select_all([
        on(SignalKind::terminate(), || Input::Signal(libc::SIGTERM))?,
        on(SignalKind::hangup(), || Input::Signal(libc::SIGHUP))?,
        on(SignalKind::interrupt(), || Input::Signal(libc::SIGINT))?,
        on(SignalKind::quit(), || Input::Signal(libc::SIGQUIT))?,
        on(SignalKind::from_raw(libc::SIGTSTP), || Input::Stop)?,
        on(SignalKind::from_raw(libc::SIGCONT), || Input::Continued)?,
    ]);
    let events = EventStream::new().map(Input::Terminal);
    Ok(futures_util::stream::select(events, signals))
}

/// After the browser: asks the store thread to save whatever is not known to be on disk, and
/// waits for its answer for a bounded time (saying why on stderr after a moment). Returns what
/// is still not saved, in words.
async fn finish_store(
    h: &mut store_thread::StoreHandle,
    rx: &flume::Receiver<Action>,
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
        match tokio::time::timeout_at(next, rx.recv_async()).await {
            Ok(Ok(Action::StoreUpdated(mut report))) => {
                h.note(&mut report);
                if report.final_save && report.answered >= asked {
                    // Answered: what is left is what could not be saved.
                    break;
                }
            }
            Ok(Ok(_)) => {}
            Ok(Err(_)) => break,
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

/// Today's date in the local time zone (UTC when it cannot be known).
pub fn today() -> time::Date {
    crate::store::now().date()
}
