//! The browser without a terminal: the real event loop ([`Browser`]) on ratatui's
//! `TestBackend`, with the real search worker and store thread (saving to a file of its own).
//! A test presses keys, or sends actions as the background threads do; each call returns once
//! the loop has settled — every search and save answered and the frame drawn — so what the test
//! reads next is what a user would see. Nothing leaves the process: urls, the clipboard,
//! stopping and pulls are recorded (see [`Recorder`]) instead of done. Tests and benchmarks
//! drive the browser through this.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::browser::{Browser, Host, Input};
use super::services::{self, Services, Startup};
use crate::app::keymap::Key;
use crate::app::{Action, App, Effect};
use crate::corpus::CorpusSource;
use crate::posting::Posting;
use crate::store::{Shortlists, Store};

/// How long a step may take before the test fails rather than hangs.
const STEP_LIMIT: Duration = Duration::from_secs(30);
/// The store thread's pace under test: what it would do in seconds (pick up another process's
/// change, retry a failed save) it does in milliseconds, so that no test waits on the
/// browser's timers.
const PACE: super::store_thread::Pace = super::store_thread::Pace {
    poll: Duration::from_millis(20),
    retry_first: Duration::from_millis(10),
    retry_max: Duration::from_millis(100),
};

/// The test's [`Host`]: keeps every effect but searches, and does none of those that leave the
/// process.
#[derive(Debug, Default)]
pub struct Recorder {
    pub effects: Vec<Effect>,
}

impl Host<TestBackend> for Recorder {
    fn draw(&mut self, terminal: &mut Terminal<TestBackend>, app: &App) -> anyhow::Result<()> {
        // The test's terminal is the size the app was last told (a resize event or action).
        let (width, height) = app.view.size;
        let area = terminal.backend().buffer().area;
        if (area.width, area.height) != (width, height) {
            terminal.backend_mut().resize(width, height);
        }
        match terminal.draw(|f| crate::ui::draw(f, app)) {
            Ok(_) => Ok(()),
            Err(never) => match never {},
        }
    }

    fn suspend(&mut self, terminal: &mut Terminal<TestBackend>) -> anyhow::Result<(u16, u16)> {
        self.repaint(terminal)?;
        let area = terminal.backend().buffer().area;
        Ok((area.width, area.height))
    }

    fn repaint(&mut self, terminal: &mut Terminal<TestBackend>) -> anyhow::Result<()> {
        terminal.swap_buffers();
        Ok(())
    }

    fn open_url(&mut self, _url: String, _tx: &flume::Sender<Action>) {}

    fn copy(&mut self, _text: String) {}

    fn pull(&mut self, _: Vec<crate::pull::SourceSpec>, _: PathBuf, _: &Services) {}

    fn saw(&mut self, effect: &Effect) {
        if !matches!(effect, Effect::Search { .. }) {
            self.effects.push(effect.clone());
        }
    }
}

/// The browser on a `TestBackend`, driven by a test (it derefs to the [`Browser`]: `h.app`).
pub struct Headless {
    browser: Browser<TestBackend, Recorder>,
    runtime: tokio::runtime::Runtime,
    /// The test's keyboard, and the loop's end of it.
    keyboard: flume::Sender<Input>,
    inputs: flume::r#async::RecvStream<'static, Input>,
    /// A folder of this browser's own (its shortlists file), removed when it is dropped.
    dir: PathBuf,
}

impl std::ops::Deref for Headless {
    type Target = Browser<TestBackend, Recorder>;
    fn deref(&self) -> &Self::Target {
        &self.browser
    }
}

impl std::ops::DerefMut for Headless {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.browser
    }
}

impl Drop for Headless {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Headless {
    /// A browser of `postings` on a `size` terminal, loaded and ready, on 23 November 2026.
    pub fn new(postings: Vec<Posting>, size: (u16, u16)) -> Headless {
        let mut h = Headless::start(None, size);
        h.load(postings);
        h.send(Action::LoadFinished { elapsed_ms: 1 });
        h
    }

    /// A browser of the folders `roots`, read by the real loader (and watched while it runs)
    /// as `jobdeck ROOTS…` does, once they are loaded.
    pub fn open(roots: Vec<PathBuf>, size: (u16, u16)) -> Headless {
        let mut h = Headless::start(Some(CorpusSource::Paths(roots)), size);
        h.wait_for("the folders to load", |b| b.app.model.load.done);
        h
    }

    fn start(source: Option<CorpusSource>, size: (u16, u16)) -> Headless {
        static N: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "jobdeck-headless-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("a folder for the test's shortlists");
        let (store, _) = Store::open(&dir.join("shortlists.json")).expect("a fresh store");
        let today = time::macros::date!(2026 - 11 - 23);
        let mut app = App::new("test corpus", crate::app::Settings::default(), today);
        app.update(Action::Resize(size.0, size.1));
        let terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("a test terminal");
        let startup = Startup {
            source,
            load: Default::default(),
            history: None,
            clock: test_now,
            pace: PACE,
        };
        let browser = Browser::start(
            app,
            terminal,
            Recorder::default(),
            Some(store),
            startup,
            Duration::ZERO,
        )
        .expect("the browser starts");
        let (keyboard, inputs) = flume::unbounded();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a runtime");
        let mut h = Headless {
            browser,
            runtime,
            keyboard,
            inputs: inputs.into_stream(),
            dir,
        };
        h.settle();
        h
    }

    /// Drops the store thread, as if the app believed in a store the loop does not have: a
    /// final save then has nowhere to go.
    pub fn without_store(mut self) -> Headless {
        self.browser.store = None;
        self
    }

    /// Uses `store` (saving to its file) for the shortlists from now on.
    pub fn with_store(mut self, store: Store) -> Headless {
        let tx = self.browser.services.tx.clone();
        self.browser.store = Some(super::store_thread::spawn(store, tx, test_now, PACE));
        self.settle();
        self
    }

    /// Runs the loop until it has settled: the input taken, every answer in, the frame drawn.
    fn settle(&mut self) {
        let pending = self.inputs.clone();
        self.wait_for("the browser to settle", |b| {
            pending.is_empty() && b.settled()
        });
    }

    /// Runs the loop until `ok` holds (something on the screen, say), as a user waits for it
    /// to appear; fails with the screen if it does not within a generous limit.
    pub fn wait_for(&mut self, what: &str, ok: impl Fn(&Browser<TestBackend, Recorder>) -> bool) {
        let Headless {
            browser,
            runtime,
            inputs,
            ..
        } = self;
        let run = browser.run_until(inputs, ok);
        match runtime.block_on(async { tokio::time::timeout(STEP_LIMIT, run).await }) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => panic!("the browser failed waiting for {what}: {e}"),
            Err(_) => panic!("timed out waiting for {what}; screen:\n{}", self.screen()),
        }
    }

    /// Runs the loop until `text` is on the screen.
    pub fn wait_text(&mut self, text: &str) {
        self.wait_for(text, |b| b.terminal.backend().to_string().contains(text));
    }

    /// Gives the loop a terminal event (a key, a paste, a resize, the mouse), as crossterm does.
    pub fn event(&mut self, ev: Event) {
        self.input(Input::Terminal(Ok(ev)));
    }

    /// Gives the loop an input (an event or a signal) and waits until it has settled.
    pub fn input(&mut self, input: Input) {
        let _ = self.keyboard.send(input);
        self.settle();
    }

    /// Sends an action on the loop's channel, as the background threads do, and waits until
    /// it has settled.
    pub fn send(&mut self, action: Action) {
        let _ = self.browser.services.tx.send(action);
        self.settle();
    }

    /// Streams a batch of postings in, as the loader does.
    pub fn load(&mut self, postings: Vec<Posting>) {
        let batch = services::share(postings, &self.browser.services.worker);
        self.send(Action::Loaded(batch));
    }

    /// A file saved while browsing holds `postings` now, as the folder watcher reports it.
    pub fn change(&mut self, source: &str, postings: Vec<Posting>) {
        let changes = vec![crate::corpus::watch::Change::Parsed {
            source: source.into(),
            postings,
        }];
        let s = &self.browser.services;
        services::send_changes(changes, &s.tx, &s.worker);
        self.settle();
    }

    /// Presses a key written as in the config ("j", "ctrl-c", "G").
    pub fn press(&mut self, key: &str) {
        self.input(key_input(key));
    }

    /// Presses each key of a space-separated list ("/ t r u s t enter").
    pub fn keys(&mut self, keys: &str) {
        for k in keys.split_whitespace() {
            self.press(k);
        }
    }

    /// Presses each key of a space-separated list without waiting for the browser to settle:
    /// for keys whose answer waits on something the test holds (a lock, a slow disk); wait
    /// for what should appear next ([`Headless::wait_text`]).
    pub fn keys_ahead(&mut self, keys: &str) {
        for k in keys.split_whitespace() {
            let _ = self.keyboard.send(key_input(k));
        }
    }

    /// Types text into whatever has the focus, a character at a time.
    pub fn type_str(&mut self, s: &str) {
        for c in s.chars() {
            self.event(Event::Key(Key::plain(c).to_event()));
        }
    }

    /// The screen as the loop last drew it, as text.
    pub fn screen(&self) -> String {
        self.browser.terminal.backend().to_string()
    }

    /// Effects other than searches, in order (shortlist changes, urls to open, pulls).
    pub fn effects(&self) -> &[Effect] {
        &self.browser.host.effects
    }

    /// The shortlists as the app holds them (as the store last reported them).
    pub fn shortlists(&self) -> &Shortlists {
        &self.browser.app.model.shortlists
    }

    /// The selected posting's title.
    pub fn selected_title(&self) -> Option<String> {
        self.app.selected_posting().and_then(|p| p.title.clone())
    }

    /// Titles of the listed postings, in order.
    pub fn titles(&self) -> Vec<String> {
        self.app
            .model
            .listing
            .rows
            .iter()
            .map(|&i| {
                self.app.model.postings[i as usize]
                    .title
                    .clone()
                    .unwrap_or_default()
            })
            .collect()
    }
}

/// The time the test's shortlists changes are made at: 23 November 2026, 10:00 UTC.
fn test_now() -> time::OffsetDateTime {
    time::macros::datetime!(2026-11-23 10:00 UTC)
}

/// The terminal event of a key written as in the config ("j", "ctrl-c", "G").
fn key_input(key: &str) -> Input {
    let key: Key = key
        .parse()
        .unwrap_or_else(|e| panic!("bad key in test: {e}"));
    Input::Terminal(Ok(Event::Key(key.to_event())))
}
