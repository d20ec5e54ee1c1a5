//! The browser in-process: the real event loop under ratatui's `TestBackend`
//! (`jobdeck::tui::headless`), with the real loader, folder watcher, search worker and store
//! thread. These are the flows that once ran in a pseudo-terminal but need no terminal:
//! shortlists surviving a restart, files changing while browsing, the store recovering from a
//! damaged or odd file. Every wait is for something to appear on the screen (or on disk).

use std::path::{Path, PathBuf};

use crossterm::event::Event;
use jobdeck::corpus::{CorpusSource, LoadOptions, load};
use jobdeck::store::{Shortlists, Status, Store};
use jobdeck::tui::headless::Headless;

use crate::common;
use common::{on_disk, saved_titles};

const FERROUS: &str = "Rust Engineer\nCompany: Ferrous\nWe write Rust.";

/// The seed postings at 120x35, with the shortlists in `file`.
fn seeds_with_store(file: &Path) -> Headless {
    let postings = load(&CorpusSource::Seeds, &LoadOptions::default()).postings;
    with_store(Headless::new(postings, (120, 35)), file)
}

fn with_store(h: Headless, file: &Path) -> Headless {
    let (store, _) = Store::open(file).expect("the store opens");
    h.with_store(store)
}

/// A `postings` folder in `home` holding `files` (name, text).
fn postings_folder(home: &Path, files: &[(&str, &str)]) -> PathBuf {
    let dir = home.join("postings");
    std::fs::create_dir(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

#[test]
fn bookmarks_notes_status_and_hiding_survive_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("shortlists.json");
    let mut h = seeds_with_store(&file);
    h.wait_text("Postings 2 of 2");
    h.keys("/ t r u s t enter");
    h.wait_text("Postings 1 of 2");
    h.press("b");
    h.wait_text("bookmarked “Senior Engineer");
    h.press("n");
    h.wait_text("ctrl-s save");
    h.type_str("Ask about on-call");
    h.wait_text("Ask about on-call");
    h.press("ctrl-s");
    h.wait_text("note saved");
    h.press("S");
    h.wait_text("status: applied");
    // Hide the other posting (the query stays until Esc in the search bar clears it; the
    // undated one is listed after the dated one).
    h.press("esc");
    h.wait_text("the query stays");
    h.keys("/ esc");
    h.wait_text("Postings 2 of 2");
    h.keys("G x");
    h.wait_text("hid “Backend Engineer");
    h.press("q");
    assert!(h.app.model.should_quit, "quit once saved");
    drop(h);

    // The next start (loaded and ready before the first key: no race with the end of loading).
    let mut h = seeds_with_store(&file);
    h.wait_text("Postings 1 of 1");
    assert!(
        h.screen().contains("Product Trust"),
        "the hidden posting stays hidden"
    );
    h.press("B");
    h.wait_text("filters: bookmarked only");
    let c = h.screen();
    assert!(
        c.contains("Ask about on-call"),
        "the note is in the detail pane:\n{c}"
    );
    assert!(c.contains("applied"));
    h.press("X");
    h.wait_text("showing 1 hidden posting (dimmed)");
    h.press("q");
    drop(h);

    let shortlists = on_disk(&file);
    let saved: Vec<_> = shortlists
        .bookmarks
        .values()
        .filter(|b| b.is_saved())
        .collect();
    assert_eq!(saved.len(), 1);
    let title = saved[0].snapshot.title.as_deref().unwrap();
    assert!(title.contains("Product Trust"), "{title}");
    assert_eq!(saved[0].note.as_deref(), Some("Ask about on-call"));
    assert_eq!(saved[0].status, Some(Status::Applied));
}

#[test]
fn files_saved_or_deleted_while_running_show_up() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings_folder(home.path(), &[("a.txt", FERROUS)]);
    let mut h = Headless::open(vec![dir.clone()], (100, 30));
    h.wait_text("Postings 1 of 1");
    std::fs::write(
        dir.join("b.txt"),
        "Go Developer\nCompany: Gopherco\nWe write Go.",
    )
    .unwrap();
    h.wait_text("Postings 2 of 2");
    assert!(h.screen().contains("Gopherco"));
    std::fs::remove_file(dir.join("a.txt")).unwrap();
    h.wait_text("Postings 1 of 1");
    assert!(!h.screen().contains("Ferrous"));
}

/// The folder watcher follows what is on disk: a posting whose file became a FIFO or a link to
/// /dev/zero goes (it stayed listed), and a folder deleted and made again is watched again.
#[test]
fn the_watcher_drops_fifos_and_follows_a_folder_made_again() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings_folder(
        home.path(),
        &[
            ("a.txt", FERROUS),
            ("b.txt", "Go Developer\nCompany: Gopherco\nWe write Go."),
        ],
    );
    let mut h = Headless::open(vec![dir.clone()], (100, 30));
    h.wait_text("Postings 2 of 2");
    std::fs::remove_file(dir.join("a.txt")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("a.txt"))
        .status();
    assert!(made.is_ok_and(|st| st.success()));
    h.wait_text("Postings 1 of 1");
    std::fs::remove_file(dir.join("b.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("b.txt")).unwrap();
    h.wait_text("Postings 0 of 0");
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("c.txt"), FERROUS).unwrap();
    h.wait_text("Postings 1 of 1");
    std::fs::write(
        dir.join("d.txt"),
        "Zig Developer\nCompany: Ziggy\nWe write Zig.",
    )
    .unwrap();
    h.wait_text("Postings 2 of 2");
}

/// A hand edit with a typo (a trailing comma) while the browser runs: it is told on screen,
/// keeps its shortlists, writes them back, and the damaged file stays set aside.
#[test]
fn a_hand_edit_with_a_typo_is_told_and_the_shortlists_written_back() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("shortlists.json");
    let mut h = seeds_with_store(&file);
    h.press("b");
    h.wait_text("bookmarked “"); // the message: "0 bookmarked" is on screen from the start
    assert_eq!(saved_titles(&file).len(), 1, "saved before the key returns");
    let text = std::fs::read_to_string(&file).unwrap();
    let broken = text.replacen("\"Saved\"", "\"Saved\",", 1);
    std::fs::write(&file, &broken).unwrap();
    h.wait_text("did not parse, rewritten");
    h.wait_for("the file written back", |_| {
        std::fs::read_to_string(&file)
            .ok()
            .and_then(|t| Shortlists::from_json(&t).ok())
            .is_some_and(|st| st.bookmarks.len() == 1)
    });
    let aside: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read_to_string(&aside[0]).unwrap(), broken);
    h.press("q");
    drop(h);
    assert_eq!(saved_titles(&file).len(), 1, "the next start shows it");
}

/// A paste into the note editor goes into the note (it used to close the editor, drop the
/// typed note and land in the search bar).
#[test]
fn a_paste_goes_into_the_note_being_written() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("shortlists.json");
    let mut h = seeds_with_store(&file);
    h.press("n");
    h.wait_text("ctrl-s save");
    h.type_str("typed then ");
    h.wait_text("typed then");
    h.event(Event::Paste("pasted text".into()));
    h.wait_text("typed then pasted text");
    h.press("ctrl-s");
    h.wait_text("note saved");
    h.press("q");
    drop(h);
    let notes: Vec<String> = on_disk(&file)
        .bookmarks
        .values()
        .filter_map(|b| b.note.clone())
        .collect();
    assert_eq!(notes, ["typed then pasted text"]);
}

/// The shortlists file briefly a FIFO: the store thread is not wedged on it (it was, forever,
/// and every later bookmark said "bookmarked" and was never written). The change waits, and is
/// saved once the file is a file again.
#[test]
fn a_store_that_is_briefly_a_fifo_does_not_wedge_saving() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("shortlists.json");
    let mut h = seeds_with_store(&file);
    h.press("b");
    assert_eq!(saved_titles(&file).len(), 1);
    std::fs::remove_file(&file).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&file).status();
    assert!(made.is_ok_and(|st| st.success()));
    h.keys("j b");
    h.wait_text("not a regular file");
    std::fs::remove_file(&file).unwrap();
    h.wait_text("the shortlists are saved now");
    h.press("q");
    drop(h);
    assert_eq!(saved_titles(&file).len(), 2);
}

/// The same note edited in the browser and by `jobdeck bookmarks add --note` at once: both
/// texts are kept, the browser's first, and the user is told.
#[test]
fn a_note_edited_here_and_from_the_command_line_keeps_both() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings_folder(home.path(), &[("a.txt", FERROUS)]);
    let file = home.path().join("data/jobdeck/shortlists.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let mut h = with_store(Headless::open(vec![dir.clone()], (120, 35)), &file);
    h.wait_text("Postings 1 of 1");
    h.press("n");
    h.wait_text("ctrl-s save");
    h.type_str("from the browser");
    h.wait_text("from the browser");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jobdeck"))
        .args(["bookmarks", "add", "Ferrous"])
        .arg(&dir)
        .args(["--note", "from the command line"])
        .env_clear()
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    h.press("ctrl-s");
    h.wait_text("both are kept");
    h.press("q");
    drop(h);
    let note = on_disk(&file)
        .bookmarks
        .values()
        .find_map(|b| b.note.clone())
        .unwrap();
    assert_eq!(
        note,
        format!(
            "from the browser\n\n{}\nfrom the command line",
            jobdeck::store::NOTE_MERGE_MARK
        )
    );
}

/// `b` then `q` while another process holds the shortlists' lock: quitting waits, saying so,
/// and saves once the lock is free.
#[test]
fn quitting_while_another_process_holds_the_lock_waits_and_saves() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("shortlists.json");
    let mut h = seeds_with_store(&file);
    let lock_path = home.path().join("shortlists.json.lock");
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .unwrap();
    lock.try_lock().expect("the lock is free");
    h.keys_ahead("b q");
    h.wait_text("saving the shortlists before quitting");
    assert!(saved_titles(&file).is_empty());
    drop(lock);
    h.wait_for("the browser to quit", |b| b.app.model.should_quit);
    assert_eq!(saved_titles(&file).len(), 1);
}

/// Space comes back: the failed save is retried on its own (and the screen says it worked),
/// or at quit; either way the change is on disk. (The disk "fills up" through the store's
/// write hook, which fails each write while the switch is on.)
#[test]
fn when_space_comes_back_the_change_is_saved() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("shortlists.json");
    let full = Arc::new(AtomicBool::new(true));
    let (mut store, _) = Store::open(&file).unwrap();
    let switch = full.clone();
    store.set_write_hook(Some(Box::new(move |step, _: &Path| {
        if step == jobdeck::store::WriteStep::Write && switch.load(Ordering::SeqCst) {
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        } else {
            Ok(())
        }
    })));
    let postings = load(&CorpusSource::Seeds, &LoadOptions::default()).postings;
    let mut h = Headless::new(postings, (100, 30)).with_store(store);
    h.press("b");
    h.wait_text("not saved: the disk is full");
    full.store(false, Ordering::SeqCst);
    h.wait_text("the shortlists are saved now");
    assert_eq!(saved_titles(&file).len(), 1);

    // Full again; the retry at quit finds space.
    full.store(true, Ordering::SeqCst);
    h.keys("j b");
    h.wait_text("not saved: the disk is full");
    h.press("q");
    h.wait_text("Shortlists not saved");
    full.store(false, Ordering::SeqCst);
    h.press("r");
    assert!(h.app.model.should_quit);
    assert_eq!(saved_titles(&file).len(), 2);
}

/// Terminal events reach the app through the loop as they do from crossterm: a resize redraws
/// in the stacked layout, help opens and closes, a click selects the row under it.
#[test]
fn a_resize_a_key_and_a_click_go_through_the_event_loop() {
    use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let postings = load(&CorpusSource::Seeds, &LoadOptions::default()).postings;
    let mut h = Headless::new(postings, (120, 35));
    h.event(Event::Resize(80, 24));
    h.wait_text("/ to search, ? for help");
    let rows: Vec<String> = h.screen().lines().map(String::from).collect();
    assert_eq!(rows.len(), 24, "the screen is 80x24 now");
    let at = |what: &str| rows.iter().position(|r| r.contains(what));
    assert!(at("Postings") < at("Details"), "stacked:\n{}", h.screen());
    h.press("?");
    h.wait_text("Help — keys");
    h.press("esc");
    assert!(!h.screen().contains("Help — keys"));
    // The second posting's first row, in the list at the top.
    let row = rows
        .iter()
        .position(|r| r.contains("Backend Engineer"))
        .unwrap() as u16;
    h.event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(h.selected_title().as_deref(), Some("Backend Engineer"));
}

/// Ctrl-Z and SIGTSTP suspend through the host (recorded here, not done), and the browser is
/// drawn again afterwards; an ending signal saves first and records the signal.
#[test]
fn ctrl_z_suspends_through_the_host_and_a_signal_ends_after_saving() {
    use jobdeck::app::Effect;
    use jobdeck::tui::browser::Input;
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("shortlists.json");
    let mut h = seeds_with_store(&file);
    h.press("ctrl-z");
    assert_eq!(h.effects().last(), Some(&Effect::Suspend));
    h.input(Input::Stop);
    let suspended = h.effects().iter().filter(|e| **e == Effect::Suspend);
    assert_eq!(suspended.count(), 2);
    h.wait_text("Postings 2 of 2");
    h.press("b");
    h.input(Input::Signal(15));
    assert!(h.app.model.should_quit);
    assert_eq!(h.app.model.exit_signal, Some(15));
    assert_eq!(saved_titles(&file).len(), 1, "saved before it ends");
}
