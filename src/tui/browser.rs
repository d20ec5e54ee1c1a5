//! The event loop proper, generic over ratatui's `Backend` and over where input comes from: the
//! same loop runs on the terminal (`tui::run`, with crossterm's events and the signals) and
//! under `TestBackend` (`tui::headless`, with the keys a test presses). Terminal events, signals,
//! actions from the background (loader, search worker, store, pulls) and the frame timer meet
//! in one `select!`; the app state changes only in `App::update`, and the screen is redrawn
//! only when something changed, at most once a frame. What reaches outside the process (the
//! clipboard, the web browser, stopping the process, the network) goes through a [`Host`].

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use flume::{Receiver, Sender};
use futures_util::{Stream, StreamExt};
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::services::{self, Loader, Services, Startup, StopLoading};
use super::{store_thread, worker};
use crate::app::keymap::Key;
use crate::app::{Action, App, Effect};

/// How long quitting waits for the shortlists to be saved before it says what was not.
pub const SAVE_WAIT: Duration = Duration::from_secs(10);

/// What the loop hears from outside besides the actions of its own threads.
#[derive(Debug)]
pub enum Input {
    /// A terminal event, or the error reading one (which ends the browser).
    Terminal(std::io::Result<Event>),
    /// A signal that ends the browser (after saving).
    Signal(i32),
    /// Ctrl-Z sent as SIGTSTP: suspend.
    Stop,
    /// Continued after a stop jobdeck did not see coming (SIGSTOP): paint it all again.
    Continued,
}

/// What the loop does outside the process: on the terminal, the real thing; in tests, a record.
pub trait Host<B: Backend> {
    /// Draws a frame of the app.
    fn draw(&mut self, terminal: &mut Terminal<B>, app: &App) -> anyhow::Result<()>;
    /// Stops the process, as Ctrl-Z does in a shell; once continued, takes the terminal again
    /// so that the next frame paints every cell. Returns the terminal's size then.
    fn suspend(&mut self, terminal: &mut Terminal<B>) -> anyhow::Result<(u16, u16)>;
    /// Makes the next frame paint every cell (the screen may hold anything after a stop).
    fn repaint(&mut self, terminal: &mut Terminal<B>) -> anyhow::Result<()>;
    /// Opens an http(s) url in the web browser; a failure comes back on `tx`.
    fn open_url(&mut self, url: String, tx: &Sender<Action>);
    /// Puts text on the clipboard.
    fn copy(&mut self, text: String);
    /// Pulls boards from the network into `into`; what they list comes back on the services.
    fn pull(&mut self, sources: Vec<crate::pull::SourceSpec>, into: PathBuf, services: &Services);
    /// Sees each effect before it is carried out (a test keeps them); nothing by default.
    fn saw(&mut self, _effect: &Effect) {}
}

/// The browser while it runs: the app, its screen, and the threads that work for it.
pub struct Browser<B: Backend, H: Host<B>> {
    pub app: App,
    pub terminal: Terminal<B>,
    pub host: H,
    /// The store thread (None when the shortlists could not be opened).
    pub store: Option<store_thread::StoreHandle>,
    pub services: Services,
    /// Actions from the background threads (and from `services.tx`).
    pub rx: Receiver<Action>,
    loader: Loader,
    _stop_loading: StopLoading,
    /// Shortest time between two frames.
    frame: Duration,
    dirty: bool,
    last_draw: Instant,
    /// While quitting waits for the shortlists: when it stops waiting.
    save_deadline: Option<tokio::time::Instant>,
    /// The newest search asked of the worker and the newest answered.
    searches: (u64, u64),
}

impl<B: Backend, H: Host<B>> Browser<B, H> {
    /// Starts the store thread, draws the first frame (before any posting is read), and starts
    /// the search worker and the loader. `app` is sized to the terminal already.
    pub fn start(
        app: App,
        terminal: Terminal<B>,
        host: H,
        store: Option<crate::store::Store>,
        startup: Startup,
        frame: Duration,
    ) -> anyhow::Result<Browser<B, H>> {
        let (tx, rx) = flume::unbounded::<Action>();
        let store = store.map(|s| store_thread::spawn(s, tx.clone(), startup.clock, startup.pace));
        let mut host = host;
        let mut terminal = terminal;
        host.draw(&mut terminal, &app)?;
        if crate::debug::debug_panic("main") {
            panic!("JOBDECK_DEBUG_PANIC=main");
        }
        let (services, loader, stop) = services::start_services(startup, &tx);
        Ok(Browser {
            app,
            terminal,
            host,
            store,
            services,
            rx,
            loader,
            _stop_loading: stop,
            frame,
            dirty: false,
            last_draw: Instant::now(),
            save_deadline: None,
            searches: (0, 0),
        })
    }

    /// Runs until the user quits (and the shortlists are saved), a signal ends it, the input
    /// ends, the terminal fails, or `done` says so (it is asked after each frame).
    pub async fn run_until<S>(
        &mut self,
        inputs: &mut S,
        done: impl Fn(&Self) -> bool,
    ) -> anyhow::Result<()>
    where
        S: Stream<Item = Input> + Unpin,
    {
        loop {
            if self.dirty && self.last_draw.elapsed() >= self.frame {
                self.draw()?;
            }
            if done(self) {
                return Ok(());
            }
            let Some(actions) = self.next(inputs).await? else {
                return Ok(());
            };
            self.apply(actions)?;
            if self.app.model.should_quit {
                return Ok(());
            }
        }
    }

    /// Nothing left to do for now: no action waiting, every search and every request to the
    /// store answered, and the last change drawn.
    pub fn settled(&self) -> bool {
        !self.dirty
            && self.rx.is_empty()
            && self.searches.1 >= self.searches.0
            && self.store.as_ref().is_none_or(|s| s.settled())
    }

    /// The loader, to wait for once the browser is closed.
    pub fn into_loader(self) -> Loader {
        self.loader
    }

    /// The postings that streamed in since the last frame catch up once; then the frame.
    fn draw(&mut self) -> anyhow::Result<()> {
        for effect in self.app.refresh() {
            self.run_effect(effect)?;
        }
        self.host.draw(&mut self.terminal, &self.app)?;
        self.last_draw = Instant::now();
        self.dirty = false;
        Ok(())
    }

    /// Waits for the next input, action or timer; then takes whatever else is already
    /// waiting, so a burst costs one frame. None when the input has ended.
    async fn next<S>(&mut self, inputs: &mut S) -> anyhow::Result<Option<Vec<Action>>>
    where
        S: Stream<Item = Input> + Unpin,
    {
        let deadline = tokio::time::Instant::from_std(self.last_draw + self.frame);
        let far = tokio::time::Instant::now() + Duration::from_secs(86_400);
        let save_deadline = self.save_deadline;
        let mut actions = Vec::new();
        tokio::select! {
            input = inputs.next() => match input {
                Some(Input::Terminal(Ok(ev))) => actions.extend(event_action(&self.app, ev)),
                Some(Input::Terminal(Err(e))) => return Err(e.into()),
                Some(Input::Signal(n)) => actions.push(Action::Signal(n)),
                Some(Input::Stop) => actions.push(Action::Suspend),
                Some(Input::Continued) => {
                    self.host.repaint(&mut self.terminal)?;
                    self.dirty = true;
                }
                None => return Ok(None),
            },
            Ok(a) = self.rx.recv_async() => actions.push(a),
            _ = tokio::time::sleep_until(deadline), if self.dirty => {}
            _ = tokio::time::sleep_until(save_deadline.unwrap_or(far)), if save_deadline.is_some() => {
                self.save_deadline = None;
                actions.push(Action::SaveTimedOut);
            }
        }
        // Batches of postings that arrived together are applied as one.
        while let Ok(a) = self.rx.try_recv() {
            coalesce(&mut actions, a);
        }
        Ok(Some(actions))
    }

    /// Applies the actions in order, carrying out their effects.
    fn apply(&mut self, actions: Vec<Action>) -> anyhow::Result<()> {
        for mut action in actions {
            self.dirty = true;
            match (&mut action, self.store.as_mut()) {
                (Action::StoreUpdated(report), Some(h)) => h.note(report),
                (Action::StoreCopied { .. }, Some(h)) => h.copied(),
                (Action::SearchDone { generation, .. }, _) => {
                    self.searches.1 = self.searches.1.max(*generation);
                }
                _ => {}
            }
            for effect in self.app.update(action) {
                self.run_effect(effect)?;
            }
        }
        if self.app.model.closing.is_none() {
            self.save_deadline = None;
        }
        Ok(())
    }

    fn run_effect(&mut self, effect: Effect) -> anyhow::Result<()> {
        self.host.saw(&effect);
        let services = &self.services;
        match effect {
            Effect::SaveHistory(queries) => {
                if let Some(h) = &services.history {
                    h.save(queries);
                }
            }
            Effect::Pull { sources, into } => self.host.pull(sources, into, services),
            Effect::Search { generation, query } => {
                self.searches.0 = self.searches.0.max(generation);
                services
                    .worker
                    .send(worker::Request::Search { generation, query });
            }
            Effect::OpenUrl(url) => self.host.open_url(url, &services.tx),
            Effect::Copy(text) => self.host.copy(text),
            Effect::Store(change) => match &mut self.store {
                Some(s) => s.change(*change, &self.app.model.shortlists),
                None => {
                    let _ = services.tx.send(Action::Notify(
                        "the shortlists cannot be saved (see the message at start)".into(),
                    ));
                }
            },
            Effect::FinalSave => match &mut self.store {
                Some(s) => {
                    s.flush();
                    self.save_deadline
                        .get_or_insert_with(|| tokio::time::Instant::now() + SAVE_WAIT);
                }
                // Told to the app at once, as the store's answer would be, so the loop ends
                // after this batch of actions.
                None => {
                    for effect in self.app.update(Action::NoStoreToSave) {
                        self.run_effect(effect)?;
                    }
                }
            },
            Effect::SaveCopy(path) => {
                if let Some(s) = &mut self.store {
                    let path = crate::config::expand_home(std::path::Path::new(&path));
                    s.save_copy(path);
                }
            }
            Effect::Suspend => {
                let (width, height) = self.host.suspend(&mut self.terminal)?;
                let _ = services.tx.send(Action::Resize(width, height));
            }
        }
        Ok(())
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
