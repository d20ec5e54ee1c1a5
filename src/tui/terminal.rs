//! The terminal guard: raw mode, the alternate screen, mouse capture and bracketed paste on
//! the way in; all of it undone on every way out — drop (quit, errors, signals handled by the
//! event loop) and panics — and around a suspension (Ctrl-Z, SIGTSTP).

use std::io::{self, Stdout, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::browser::Host;

/// Whether the terminal is currently in jobdeck's mode (so restoring twice is harmless).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// The id of the thread that owns the terminal: only a panic there restores it.
static OWNER: OnceLock<std::thread::ThreadId> = OnceLock::new();
/// Panic messages of background threads, shown once the terminal is back.
pub static BACKGROUND_PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Holds the terminal in raw mode on the alternate screen until dropped.
pub struct TerminalGuard(());

impl TerminalGuard {
    /// Takes the terminal; the guard gives it back when dropped.
    pub fn enter() -> io::Result<(TerminalGuard, Term)> {
        let _ = OWNER.set(std::thread::current().id());
        let terminal = ratatui::try_init()?;
        // After ratatui's own hook, so that this one decides whether ratatui's (which restores
        // the terminal) runs at all: a caught panic on a background thread must not restore
        // the screen under a browser that goes on running.
        install_panic_hook();
        ACTIVE.store(true, Ordering::SeqCst);
        // Mouse and paste are niceties: a terminal that refuses them still works.
        let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
        Ok((TerminalGuard(()), terminal))
    }
}

/// Draws a frame inside a synchronized update (`CSI ? 2026 h` … `l`): a terminal that knows
/// it shows the frame whole, so fast scrolling never tears; others ignore the two sequences.
pub fn draw_synchronized<W: io::Write>(
    terminal: &mut Terminal<CrosstermBackend<W>>,
    app: &crate::app::App,
) -> io::Result<()> {
    use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
    crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let drawn = terminal.draw(|f| crate::ui::draw(f, app)).map(|_| ());
    // Ended whatever the draw did, or the terminal would wait for the end of the update.
    let end = crossterm::execute!(terminal.backend_mut(), EndSynchronizedUpdate);
    drawn.and(end)
}

/// The real terminal as the event loop's [`Host`]: frames drawn as synchronized updates, the
/// process really stopped on Ctrl-Z, urls opened in the web browser, the clipboard set through
/// the terminal, pulls made over the network.
pub struct Tty;

impl Host<CrosstermBackend<Stdout>> for Tty {
    fn draw(&mut self, terminal: &mut Term, app: &crate::app::App) -> anyhow::Result<()> {
        Ok(draw_synchronized(terminal, app)?)
    }

    fn suspend(&mut self, terminal: &mut Term) -> anyhow::Result<(u16, u16)> {
        suspend(terminal)?;
        let size = terminal.size()?;
        Ok((size.width, size.height))
    }

    fn repaint(&mut self, terminal: &mut Term) -> anyhow::Result<()> {
        Ok(repaint_all(terminal)?)
    }

    fn open_url(&mut self, url: String, tx: &flume::Sender<crate::app::Action>) {
        let tx = tx.clone();
        std::thread::spawn(move || {
            if let Err(e) = open_url(&url) {
                let _ = tx.send(crate::app::Action::Notify(format!(
                    "could not open {url}: {e}"
                )));
            }
        });
    }

    fn copy(&mut self, text: String) {
        // OSC 52 asks the terminal itself, so it works over SSH; the text is sanitized.
        use crossterm::clipboard::CopyToClipboard;
        let _ = execute!(stdout(), CopyToClipboard::to_clipboard_from(text));
    }

    fn pull(
        &mut self,
        sources: Vec<crate::pull::SourceSpec>,
        into: std::path::PathBuf,
        services: &super::services::Services,
    ) {
        let s = services;
        super::services::spawn_pull(sources, into, &s.pulls, s.worker.clone(), s.tx.clone());
    }
}

/// Opens an http(s) url with the platform's opener, without a shell and with its output kept
/// off the screen.
pub fn open_url(url: &str) -> io::Result<()> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(io::Error::other("only http(s) urls are opened"));
    }
    let mut last = io::Error::other("no opener found");
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

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Gives the terminal back (as on quit) and stops the process, as Ctrl-Z does in a shell; when
/// it is continued (`fg`, SIGCONT), takes the terminal again and clears the screen for a full
/// redraw, which the caller makes.
pub fn suspend(terminal: &mut Term) -> io::Result<()> {
    use std::io::Write;
    restore();
    let _ = stdout().flush();
    // SIGSTOP rather than SIGTSTP: the handler for SIGTSTP is jobdeck's own (it brought us
    // here), and SIGSTOP cannot be caught or ignored. Returns once continued.
    signal_hook::low_level::raise(libc::SIGSTOP)?;
    resume(terminal)
}

/// Takes the terminal again after [`suspend`].
fn resume(terminal: &mut Term) -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(stdout(), crossterm::terminal::EnterAlternateScreen)?;
    ACTIVE.store(true, Ordering::SeqCst);
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    repaint_all(terminal)
}

/// Clears the screen and makes the next draw paint every cell (the screen may hold anything
/// after a stop). Not `Terminal::clear`, which asks the terminal where its cursor is and waits
/// for an answer.
pub fn repaint_all(terminal: &mut Term) -> io::Result<()> {
    execute!(
        stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    // Between frames the current buffer is blank: swapping makes the previous one blank too,
    // so the next frame is drawn against nothing.
    terminal.swap_buffers();
    Ok(())
}

/// Leaves raw mode and the alternate screen, shows the cursor. Safe to call more than once.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        ratatui::restore();
        let _ = execute!(stdout(), crossterm::cursor::Show);
    }
}

/// A panic on the terminal's thread restores the terminal before the message is printed, so
/// the message is not lost behind the alternate screen. A panic on a background thread leaves
/// the screen alone (that thread reports to the event loop, which exits cleanly) and keeps the
/// message to show after exit. Both go to the log.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let msg = format!("{info}");
            tracing::error!(target: "panic", "{msg}");
            let on_owner = OWNER
                .get()
                .is_none_or(|id| *id == std::thread::current().id());
            if on_owner {
                restore();
                previous(info);
            } else if let Ok(mut v) = BACKGROUND_PANICS.lock() {
                v.push(msg);
            }
        }));
    });
}

#[cfg(test)]
mod sync_tests {
    use super::*;

    #[test]
    fn each_frame_is_one_synchronized_update() {
        #[derive(Clone, Default)]
        struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);
        impl io::Write for Shared {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let bytes = Shared::default();
        let backend = CrosstermBackend::new(bytes.clone());
        let mut t = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24)),
            },
        )
        .unwrap();
        let app = crate::app::App::new(
            "t",
            crate::app::Settings::default(),
            time::macros::date!(2026 - 11 - 23),
        );
        draw_synchronized(&mut t, &app).unwrap();
        let out = String::from_utf8_lossy(&bytes.0.lock().unwrap()).into_owned();
        assert!(out.starts_with("\x1b[?2026h"), "{out:?}");
        assert!(out.ends_with("\x1b[?2026l"), "{out:?}");
        assert!(out.len() > 100, "the frame is inside: {out:?}");
    }
}
