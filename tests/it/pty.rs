//! End to end: the release-shaped binary in a real pseudo-terminal, driven by keystrokes, its
//! screen read back through a VT100 emulator. Every wait is for something to appear on the
//! screen (or the process to end), with a timeout only as a failure guard.
//!
//! Only what needs a real terminal or a process of its own is here: the terminal restored on
//! quit, signals, Ctrl-Z and panics; resizing; the bytes that reach the terminal (escapes in
//! postings, `NO_COLOR`); reading a burst of input from the tty; and what the process says and
//! returns as it ends (exit status, stderr), with the debugging hooks set through the
//! environment. Everything else drives the same event loop in-process (`tui.rs`,
//! `app.rs`).

use crate::common;
use crate::pull_server;

use std::io::{Read, Write};
use std::path::Path;
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
    exit: flume::Receiver<ExitStatus>,
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
        let (tx, exit) = flume::unbounded();
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

/// The terminal is back to normal: main screen, no mouse reporting, cursor shown, no
/// bracketed paste. Waited for, as everything on screen: the restoring sequences may still be
/// on their way through the reader thread when the process has stopped or ended.
fn assert_restored(s: &Session) {
    s.wait_for("the terminal restored", |screen| {
        !screen.alternate_screen()
            && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
            && !screen.hide_cursor()
            && !screen.bracketed_paste()
    });
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
        // The message may still be on its way through the reader thread: waited for.
        s.wait_text(&format!("JOBDECK_DEBUG_PANIC={place}"));
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
/// here until quitting says it waits): the cache is complete afterwards, and no temp file is
/// left behind.
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
    let (hold, release) = held(home.path(), "cache");
    let mut s = Session::start_with_env(
        home.path(),
        &[dir.to_str().unwrap()],
        100,
        30,
        &[("JOBDECK_DEBUG_DELAY", &hold)],
    );
    s.wait_text("20 postings from 20 files");
    s.send("q");
    s.wait_text("waiting for the parse cache to be saved");
    release();
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

// ---------------------------------------------------------------------------------------------
// The shortlists never lose a change (issue 13), tried as an unlucky user would.

/// The shortlists file of a session started in `home`.
fn store_file(home: &Path) -> std::path::PathBuf {
    home.join("data/jobdeck/shortlists.json")
}

fn kill(pid: u32, signal: &str) {
    let ok = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success(), "kill -{signal}");
}

/// Nothing a terminal would act on is left on the screen: no escape sequence was printed as
/// text (a stray ESC shows up as a control character in the emulator's cells).
fn assert_no_stray_escapes(s: &Session) {
    let text = s.contents();
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "control characters on screen:\n{text:?}"
    );
}

/// A step of the process held open (`JOBDECK_DEBUG_DELAY=PLACE:FILE`) until the test lets it
/// go: the variable's value, and what lets it go (creates FILE, in `home`).
fn held(home: &Path, place: &str) -> (String, impl Fn()) {
    let file = home.join(format!("release-{place}"));
    let value = format!("{place}:{}", file.display());
    (value, move || std::fs::write(&file, "").unwrap())
}

/// Makes the data folder's disk "full" (see `JOBDECK_DEBUG_DISK_FULL`): returns the flag file,
/// which empties the disk when removed.
fn full_disk(home: &Path) -> std::path::PathBuf {
    let data = home.join("data/jobdeck");
    std::fs::create_dir_all(&data).unwrap();
    let flag = data.join("DISK-FULL");
    std::fs::write(&flag, "").unwrap();
    flag
}

/// `j b q` typed at once while a save takes long (as a 62 MB store does; held here until the
/// test has seen quitting wait): quitting waits for the save, saying so, and the bookmark is on
/// disk after a clean exit.
#[test]
fn quitting_right_after_a_change_waits_for_the_save() {
    let home = tempfile::tempdir().unwrap();
    let (hold, release) = held(home.path(), "store");
    let mut s =
        Session::start_with_env(home.path(), &[], 100, 30, &[("JOBDECK_DEBUG_DELAY", &hold)]);
    s.wait_text("Postings 2 of 2");
    s.send("jbq");
    s.wait_text("saving the shortlists before quitting");
    release();
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.wait_for("the main screen", |sc| !sc.alternate_screen());
    assert_restored(&s);
    assert_no_stray_escapes(&s);
    assert_eq!(
        common::saved_titles(&store_file(home.path())).len(),
        1,
        "the bookmark is on disk"
    );
}

/// SIGTERM (and SIGHUP, SIGINT) right after a change, its save still under way (held until
/// the test has seen the signal wait for it): the save is waited for, and the exit status says
/// a signal ended it (128 + n), not 0.
#[test]
fn a_signal_right_after_a_change_waits_for_the_save_and_exits_128_plus_n() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let home = tempfile::tempdir().unwrap();
        let (hold, release) = held(home.path(), "store");
        let mut s =
            Session::start_with_env(home.path(), &[], 100, 30, &[("JOBDECK_DEBUG_DELAY", &hold)]);
        s.wait_text("Postings 2 of 2");
        s.send("b");
        s.wait_text("bookmarked “"); // the message: "0 bookmarked" is on screen from the start
        kill(s.pid.unwrap(), signal);
        s.wait_text("saving the shortlists before quitting");
        release();
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), code, "SIG{signal}");
        s.wait_for("the main screen", |sc| !sc.alternate_screen());
        assert_restored(&s);
        assert_eq!(
            common::saved_titles(&store_file(home.path())).len(),
            1,
            "SIG{signal}: saved"
        );
    }
}

/// The disk is full (simulated: writes to the data folder fail while a flag file is there):
/// the status line says so in words that fit; quitting keeps the browser open with a prompt;
/// saving elsewhere writes every change to the file given, and the exit says where they are.
#[test]
fn a_full_disk_at_quit_asks_and_saving_elsewhere_keeps_the_change() {
    let home = tempfile::tempdir().unwrap();
    let flag = full_disk(home.path());
    let rescue = home.path().join("rescue.json");
    let mut s = Session::start_with_env(
        home.path(),
        &[],
        80,
        24,
        &[("JOBDECK_DEBUG_DISK_FULL", flag.to_str().unwrap())],
    );
    s.wait_text("Postings 2 of 2");
    s.send("b");
    // At 80 columns the status line still says what happened and that the change is kept.
    s.wait_text("not saved: the disk is full — 1 change kept in memory");
    s.send("q");
    s.wait_text("Shortlists not saved");
    s.wait_text("save them to another file");
    s.send("s");
    s.wait_text("Save the shortlists to");
    s.send("\x15"); // ctrl-u: clear the suggested path
    s.send(rescue.to_str().unwrap());
    s.send("\r");
    let status = s.wait_exit();
    s.wait_for("the main screen", |sc| !sc.alternate_screen());
    assert_restored(&s);
    s.wait_text("they are in");
    assert!(status.success(), "{status:?}\n{}", s.contents());
    let copy =
        jobdeck::store::Shortlists::from_json(&std::fs::read_to_string(&rescue).unwrap()).unwrap();
    assert_eq!(copy.bookmarks.len(), 1, "the change is in the copy");
    assert!(
        common::saved_titles(&store_file(home.path())).is_empty(),
        "the disk stayed full"
    );
}

/// Quit anyway is a choice the exit reports: the lost change is named and the status is 1.
#[test]
fn quitting_anyway_names_what_was_lost_and_fails() {
    let home = tempfile::tempdir().unwrap();
    let flag = full_disk(home.path());
    let mut s = Session::start_with_env(
        home.path(),
        &[],
        100,
        30,
        &[("JOBDECK_DEBUG_DISK_FULL", flag.to_str().unwrap())],
    );
    s.wait_text("Postings 2 of 2");
    s.send("b");
    s.wait_text("not saved");
    s.send("q");
    s.wait_text("Shortlists not saved");
    s.send("Q");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 1);
    s.wait_for("the main screen", |sc| !sc.alternate_screen());
    s.wait_text("are lost");
    s.wait_text("  - bookmark “"); // the next line of stderr, written on its own
}

/// A corrupt file found at start is told on the first screen, not only behind it on stderr.
#[test]
fn a_corrupt_file_at_start_is_shown_on_screen() {
    let home = tempfile::tempdir().unwrap();
    let file = store_file(home.path());
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "{\"version\": 1, \"lists\": [\"Saved\",]}").unwrap();
    let mut s = Session::start(home.path(), &[], 120, 35);
    s.wait_text("did not parse");
    s.send("q");
    assert!(s.wait_exit().success());
}

/// More than a couple of kilobytes typed in one burst (no bracketed paste) is all read, without
/// waiting for another key: crossterm's default input source reads the terminal edge-triggered
/// and returned with bytes left unread (crossterm#1057); jobdeck uses its `use-dev-tty` source.
#[test]
fn a_burst_of_typing_is_all_read_without_another_key() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &[], 120, 35);
    s.wait_text("Postings 2 of 2");
    let burst = format!("/{}\x15trust\r", "x".repeat(3000));
    s.send(&burst);
    s.wait_for("the whole burst to be read", |sc| {
        let c = sc.contents();
        c.contains("Postings 1 of 2") && c.contains("/ trust")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

/// The state of process `pid` as /proc shows it ('T' when stopped).
fn proc_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit(") ").next()?.chars().next()
}

/// Waits (bounded) until process `pid` is in `state`.
fn wait_state(pid: u32, state: char) {
    let deadline = Instant::now() + TIMEOUT;
    while proc_state(pid) != Some(state) {
        assert!(
            Instant::now() < deadline,
            "process never reached state {state}"
        );
        std::thread::yield_now();
    }
}

/// Ctrl-Z gives the terminal back (main screen, no mouse reporting, line mode) and stops;
/// continued, the browser takes the terminal again and redraws. SIGTSTP does the same.
#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_fg_redraws() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &[], 100, 30);
    s.wait_text("Postings 2 of 2");
    let pid = s.pid.unwrap();
    for how in ["ctrl-z", "SIGTSTP"] {
        match how {
            "ctrl-z" => s.send("\x1a"),
            _ => kill(pid, "TSTP"),
        }
        s.wait_for("the main screen", |sc| !sc.alternate_screen());
        wait_state(pid, 'T');
        assert_restored(&s);
        kill(pid, "CONT");
        s.wait_for("the browser again", |sc| {
            sc.alternate_screen() && sc.contents().contains("Postings 2 of 2")
        });
    }
    s.send("q");
    assert!(s.wait_exit().success());
    s.wait_for("the main screen", |sc| !sc.alternate_screen());
    assert_restored(&s);
}

/// SIGQUIT restores the terminal too (it dumped core in the alternate screen).
#[test]
fn sigquit_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let s = Session::start(home.path(), &[], 100, 30);
    s.wait_text("Postings 2 of 2");
    kill(s.pid.unwrap(), "QUIT");
    assert_eq!(s.wait_exit().exit_code(), 131);
    s.wait_for("the main screen", |sc| !sc.alternate_screen());
    assert_restored(&s);
}
