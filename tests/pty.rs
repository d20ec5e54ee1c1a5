//! End to end: the release-shaped binary in a real pseudo-terminal, driven by keystrokes, its
//! screen read back through a VT100 emulator. Every wait is for something to appear on the
//! screen (or the process to end), with a timeout only as a failure guard.

mod common;
#[allow(dead_code)]
mod pull_server;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{ExitStatus, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero size")
}

struct Session {
    screen: Arc<(Mutex<vt100::Parser>, Condvar)>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    exit: mpsc::Receiver<ExitStatus>,
    pid: Option<u32>,
}

impl Session {
    fn start(home: &Path, args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_with_env(home, args, cols, rows, &[])
    }

    fn start_with_env(
        home: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = common::pty_command(home, args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = pair.slave.spawn_command(cmd).expect("spawn jobdeck");
        drop(pair.slave);
        let pid = child.process_id();
        let (tx, exit) = mpsc::channel();
        std::thread::spawn(move || {
            if let Ok(status) = child.wait() {
                let _ = tx.send(status);
            }
        });
        let screen = Arc::new((
            Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)),
            Condvar::new(),
        ));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let feed = screen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let (parser, changed) = &*feed;
                        parser.lock().unwrap().process(&buf[..n]);
                        changed.notify_all();
                    }
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Session {
            screen,
            writer,
            master: pair.master,
            exit,
            pid,
        }
    }

    /// Waits until the screen satisfies `ok`; panics with the screen if it never does.
    fn wait_for(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        let (parser, changed) = &*self.screen;
        let mut guard = parser.lock().unwrap();
        while !ok(guard.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what}; screen:\n{}",
                guard.screen().contents()
            );
            guard = changed.wait_timeout(guard, left).unwrap().0;
        }
    }

    fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    fn contents(&self) -> String {
        self.screen.0.lock().unwrap().screen().contents()
    }

    fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&self) -> ExitStatus {
        self.exit.recv_timeout(TIMEOUT).expect("jobdeck exits")
    }
}

/// The terminal is back to normal: main screen, no mouse reporting, cursor shown.
fn assert_restored(s: &Session) {
    let (parser, _) = &*s.screen;
    let p = parser.lock().unwrap();
    let screen = p.screen();
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse still captured"
    );
    assert!(!screen.hide_cursor(), "cursor still hidden");
    assert!(!screen.bracketed_paste(), "bracketed paste still on");
}

/// A `postings` folder in `home` holding `files` (name, text).
fn postings_folder(home: &Path, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = home.join("postings");
    std::fs::create_dir(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

const FERROUS: &str = "Rust Engineer\nCompany: Ferrous\nWe write Rust.";

#[test]
fn search_bookmark_and_quit_in_a_real_terminal() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &[], 120, 35);
    s.wait_text("Postings 2 of 2");
    assert!(s.contents().contains("Postman"));
    s.send("/trust");
    s.wait_for("the search to narrow the list", |sc| {
        let c = sc.contents();
        c.contains("Postings 1 of 2") && c.contains("Mixpanel")
    });
    assert!(s.contents().contains("Product Trust"));
    s.send("\r");
    s.wait_text("? help");
    s.send("b");
    s.wait_text("bookmarked “Senior Engineer (Backend), Product Trust");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.wait_for("the main screen", |sc| !sc.alternate_screen());
    assert_restored(&s);
}

#[test]
fn sigterm_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let s = Session::start(home.path(), &[], 100, 30);
    s.wait_text("Postings 2 of 2");
    let pid = s.pid.expect("a pid");
    let ok = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    s.wait_exit();
    s.wait_for("the main screen", |sc| !sc.alternate_screen());
    assert_restored(&s);
}

#[test]
fn resizing_redraws_and_80x24_is_usable() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &[], 120, 35);
    s.wait_text("Postings 2 of 2");
    s.master
        .resize(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    s.screen.0.lock().unwrap().set_size(nz(24), nz(80));
    s.wait_text("/ to search, ? for help");
    s.wait_for("the stacked layout", |sc| {
        let rows: Vec<String> = sc.rows(0, 80).collect();
        rows.iter().position(|r| r.contains("Postings"))
            < rows.iter().position(|r| r.contains("Details"))
    });
    s.send("?");
    s.wait_text("Help — keys");
    s.send("\x1b");
    s.wait_for("help to close", |sc| !sc.contents().contains("Help — keys"));
    s.send("q");
    assert!(s.wait_exit().success());
    s.wait_for("the main screen", |sc| !sc.alternate_screen());
    assert_restored(&s);
}

#[test]
fn hostile_text_cannot_reach_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    // A title that would set the window title, clear the screen and switch to the main screen.
    let dir = postings_folder(
        home.path(),
        &[(
            "evil.txt",
            "Evil Engineer\x1b]0;pwned\x07\x1b[2J\x1b[?1049l\nCompany: Bad\u{202e}Corp\nWe hire.",
        )],
    );
    let mut s = Session::start(home.path(), &[dir.to_str().unwrap()], 100, 30);
    s.wait_text("Postings 1 of 1");
    let (parser, _) = &*s.screen;
    {
        let p = parser.lock().unwrap();
        assert!(
            p.screen().alternate_screen(),
            "the posting switched screens"
        );
        assert!(p.screen().contents().contains("Evil Engineer"));
        assert!(!p.screen().contents().contains("pwned"));
    }
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn bookmarks_notes_status_and_hiding_survive_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &[], 120, 35);
    s.wait_text("Postings 2 of 2");
    s.send("/trust\r");
    s.wait_text("Postings 1 of 2");
    s.send("b");
    s.wait_text("bookmarked “Senior Engineer");
    s.send("n");
    s.wait_text("ctrl-s save");
    s.send("Ask about on-call");
    s.wait_text("Ask about on-call");
    s.send("\x13"); // ctrl-s
    s.wait_text("note saved");
    s.send("S");
    s.wait_text("status: applied");
    // Hide the other posting.
    s.send("\x1b");
    s.wait_text("Postings 2 of 2");
    s.send("gx");
    s.wait_text("hid “Backend Engineer");
    s.send("q");
    assert!(s.wait_exit().success());

    let mut s = Session::start(home.path(), &[], 120, 35);
    s.wait_text("Postings 1 of 1");
    // The load ends with a summary in the status line; wait for it, so that it does not
    // replace the filter summary the next key brings.
    s.wait_text("posting from 2 files");
    assert!(
        s.contents().contains("Product Trust"),
        "the hidden posting stays hidden"
    );
    s.send("B");
    s.wait_text("filters: bookmarked only");
    let c = s.contents();
    assert!(
        c.contains("Ask about on-call"),
        "the note is in the detail pane:\n{c}"
    );
    assert!(c.contains("applied"));
    s.send("X");
    s.wait_text("showing 1 hidden posting (dimmed)");
    s.send("q");
    assert!(s.wait_exit().success());

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jobdeck"))
        .args(["bookmarks", "list", "--json"])
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let saved: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| !b["lists"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(saved.len(), 1);
    assert!(
        saved[0]["title"]
            .as_str()
            .unwrap()
            .contains("Product Trust")
    );
    assert_eq!(saved[0]["note"], "Ask about on-call");
    assert_eq!(saved[0]["status"], "applied");
}

#[test]
fn no_color_means_no_colour_on_screen() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start_with_env(home.path(), &[], 100, 30, &[("NO_COLOR", "1")]);
    s.wait_text("Postings 2 of 2");
    s.send("f/trust");
    s.wait_text("Postings 1 of 2");
    {
        let p = s.screen.0.lock().unwrap();
        let screen = p.screen();
        let mut reversed = 0;
        for row in 0..30 {
            for col in 0..100 {
                let cell = screen.cell(row, col).unwrap();
                assert_eq!(
                    cell.fgcolor(),
                    vt100::Color::Default,
                    "colour at {row},{col}"
                );
                assert_eq!(
                    cell.bgcolor(),
                    vt100::Color::Default,
                    "colour at {row},{col}"
                );
                reversed += usize::from(cell.inverse());
            }
        }
        assert!(reversed > 10, "the selection is still visible (reversed)");
    }
    s.send("\x1b");
    s.wait_for("the search bar to clear", |sc| {
        !sc.contents().contains("/ trust")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

fn log_text(home: &Path) -> String {
    std::fs::read_to_string(home.join("state/jobdeck/jobdeck.log")).unwrap_or_default()
}

#[test]
fn a_panic_in_any_thread_restores_the_terminal_and_is_logged() {
    for (place, trigger) in [("main", ""), ("loader", ""), ("search", "/x")] {
        let home = tempfile::tempdir().unwrap();
        let mut s =
            Session::start_with_env(home.path(), &[], 100, 30, &[("JOBDECK_DEBUG_PANIC", place)]);
        if !trigger.is_empty() {
            s.wait_text("Postings 2 of 2");
            s.send(trigger);
        }
        let status = s.wait_exit();
        assert!(!status.success(), "{place}: a failure is not a success");
        s.wait_for("the main screen", |sc| !sc.alternate_screen());
        assert_restored(&s);
        let shown = s.contents();
        assert!(
            shown.contains(&format!("JOBDECK_DEBUG_PANIC={place}")),
            "{place}: the message is visible:\n{shown}"
        );
        assert!(
            log_text(home.path()).contains(&format!("JOBDECK_DEBUG_PANIC={place}")),
            "{place}: logged"
        );
    }
}

#[test]
fn a_parser_panic_skips_the_file_and_goes_on() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings_folder(home.path(), &[("a.txt", FERROUS)]);
    let mut s = Session::start_with_env(
        home.path(),
        &[dir.to_str().unwrap()],
        100,
        30,
        &[("JOBDECK_DEBUG_PANIC", "parse")],
    );
    s.wait_text("1 skipped (E)");
    s.send("E");
    s.wait_text("the parser failed");
    s.send("\x1b");
    s.wait_for("the list to close", |sc| {
        !sc.contents().contains("the parser failed")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

/// Quitting as soon as a folder is loaded waits for the parse cache being written (held open
/// here for a second): the cache is complete afterwards, and no temp file is left behind.
#[test]
fn quitting_right_after_loading_keeps_the_parse_cache() {
    let home = tempfile::tempdir().unwrap();
    let texts: Vec<(String, String)> = (0..20)
        .map(|i| {
            let text = format!("Rust Engineer {i}\nCompany: Ferrous\nWe write Rust, posting {i}.");
            (format!("{i}.txt"), text)
        })
        .collect();
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let dir = postings_folder(home.path(), &files);
    let mut s = Session::start_with_env(
        home.path(),
        &[dir.to_str().unwrap()],
        100,
        30,
        &[("JOBDECK_DEBUG_DELAY", "cache")],
    );
    s.wait_text("20 postings from 20 files");
    s.send("q");
    assert!(s.wait_exit().success());
    let cache = home.path().join("cache/jobdeck/parse");
    let names: Vec<String> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "one cache file and no temp file: {names:?}");
    assert!(names[0].ends_with(".bin"), "{names:?}");
}

#[test]
fn sighup_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let s = Session::start(home.path(), &[], 100, 30);
    s.wait_text("Postings 2 of 2");
    let pid = s.pid.expect("a pid");
    assert!(
        std::process::Command::new("kill")
            .args(["-HUP", &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
    s.wait_exit();
    s.wait_for("the main screen", |sc| !sc.alternate_screen());
    assert_restored(&s);
}

#[test]
fn files_saved_or_deleted_while_running_show_up() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings_folder(home.path(), &[("a.txt", FERROUS)]);
    let mut s = Session::start(home.path(), &[dir.to_str().unwrap()], 100, 30);
    s.wait_text("Postings 1 of 1");
    std::fs::write(
        dir.join("b.txt"),
        "Go Developer\nCompany: Gopherco\nWe write Go.",
    )
    .unwrap();
    s.wait_text("Postings 2 of 2");
    assert!(s.contents().contains("Gopherco"));
    std::fs::remove_file(dir.join("a.txt")).unwrap();
    s.wait_text("Postings 1 of 1");
    assert!(!s.contents().contains("Ferrous"));
    s.send("q");
    assert!(s.wait_exit().success());
}

/// The pull key pulls the watch-list in the background: progress in the status line, each
/// board's postings in the list as soon as it is saved, a summary at the end.
#[test]
fn the_pull_key_shows_progress_and_the_postings_arrive() {
    use pull_server::{Gate, HN_ITEM, Reply};
    let home = tempfile::tempdir().unwrap();
    let dir = postings_folder(home.path(), &[("ferrous.txt", FERROUS)]);
    let server = pull_server::boards();
    // The HN thread waits until the test has seen the pull under way.
    let gate = Gate::default();
    server.route(HN_ITEM, vec![Reply::fixture("hn-item.json").gated(&gate)]);
    let cfg = home.path().join("config/jobdeck");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        "[[sources]]\ngreenhouse = \"postman\"\n[[sources]]\nhn = \"latest\"\n",
    )
    .unwrap();
    let mut s = Session::start_with_env(
        home.path(),
        &[dir.to_str().unwrap()],
        120,
        35,
        &[("JOBDECK_PULL_BASE_URL", &server.base)],
    );
    s.wait_text("Postings 1 of 1");
    s.send("P");
    s.wait_text("pulling 1/2: postman 3 (3 new)");
    s.wait_text("Backend Engineer, API Platform");
    gate.open();
    s.wait_text("pulled 2 of 2 sources: 5 new, 0 changed, 0 closed");
    // The HN comment that links to the Greenhouse posting is listed under it.
    s.wait_text("Postings 5 of 5");
    assert!(dir.join("pulled/hn/2026-12/42010001.json").is_file());
    s.send("q");
    assert!(s.wait_exit().success());
    s.wait_for("the main screen", |sc| !sc.alternate_screen());
    assert_restored(&s);
}
