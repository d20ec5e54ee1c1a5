//! The shortlists store on disk: round trips, interrupted and killed saves, two processes saving
//! at once, unparsable and newer files, permissions, failing saves that are retried.
//!
//! Two tests run this test binary again as a child process (`child_*` below, which do nothing
//! unless the environment asks them to): one to be killed with SIGKILL while it saves in a
//! loop, one to add bookmarks from two processes at once.

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

use jobdeck::store::{
    Change, DEFAULT_LIST, Shortlists, Snapshot, Status, Store, StoreError, WriteStep,
};

fn snap(title: &str) -> Snapshot {
    Snapshot {
        title: Some(title.to_string()),
        company: Some("Ferrous".into()),
        locations: vec!["Berlin".into()],
        source: format!("{title}.txt"),
        ..Default::default()
    }
}

fn add(id: &str) -> Change {
    Change::Add {
        snapshot: snap(id),
        id: id.to_string(),
        list: DEFAULT_LIST.to_string(),
    }
}

/// A store path in a folder that does not exist yet, like a fresh `$XDG_DATA_HOME/jobdeck`.
fn fresh() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir
        .path()
        .join("data")
        .join("jobdeck")
        .join("shortlists.json");
    (dir, path)
}

/// The file as it is on disk, which must parse.
fn on_disk(path: &Path) -> Shortlists {
    let text = fs::read_to_string(path).unwrap();
    Shortlists::from_json(&text).unwrap_or_else(|e| panic!("{e}:\n{text}"))
}

fn ids(s: &Shortlists) -> Vec<String> {
    s.bookmarks.keys().cloned().collect()
}

/// Names in the store's folder other than the file and its lock.
fn strays(path: &Path) -> Vec<String> {
    fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "shortlists.json" && n != "shortlists.json.lock")
        .collect()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn round_trip_on_disk() {
    let (_dir, path) = fresh();
    let (mut store, notices) = Store::open(&path).unwrap();
    assert!(notices.is_empty());
    assert!(!path.exists(), "opening writes nothing");
    store.apply(add("a")).unwrap();
    store
        .apply(Change::SetNote {
            snapshot: snap("a"),
            id: "a".into(),
            note: Some("first line\nsecond line".into()),
        })
        .unwrap();
    store
        .apply(Change::SetStatus {
            snapshot: snap("b"),
            id: "b".into(),
            status: Status::Interviewing,
        })
        .unwrap();
    store
        .apply(Change::SetHidden {
            snapshot: snap("h"),
            id: "h".into(),
            hidden: true,
        })
        .unwrap();
    store
        .apply(Change::CreateList {
            name: "Later".into(),
        })
        .unwrap();
    assert_eq!(store.pending(), 0);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\n  \"version\": 1,"), "{text}");

    let (again, notices) = Store::open(&path).unwrap();
    assert!(notices.is_empty());
    assert_eq!(again.state(), store.state());
    assert_eq!(again.state().lists, [DEFAULT_LIST, "Later"]);
    assert_eq!(ids(again.state()), ["a", "b", "h"]);
    assert_eq!(strays(&path), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn created_files_are_readable_by_the_owner_only() {
    let (_dir, path) = fresh();
    let (mut store, _) = Store::open(&path).unwrap();
    let temp_modes = Arc::new(Mutex::new(Vec::new()));
    let seen = temp_modes.clone();
    store.set_write_hook(Some(Box::new(move |step, tmp: &Path| {
        if step == WriteStep::Sync {
            seen.lock().unwrap().push(mode(tmp));
        }
        Ok(())
    })));
    store.apply(add("a")).unwrap();
    assert_eq!(*temp_modes.lock().unwrap(), [0o600]);
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&path.with_file_name("shortlists.json.lock")), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
}

#[test]
fn a_save_interrupted_at_each_step_leaves_the_old_file_and_keeps_the_change_pending() {
    for &fail_at in &[
        WriteStep::CreateTemp,
        WriteStep::Write,
        WriteStep::Sync,
        WriteStep::Rename,
    ] {
        let (_dir, path) = fresh();
        let (mut store, _) = Store::open(&path).unwrap();
        store.apply(add("old")).unwrap();
        let old_text = fs::read_to_string(&path).unwrap();

        // Before every step up to the failing one, the real file is still the old, valid one.
        let checked = Arc::new(Mutex::new(Vec::new()));
        let log = checked.clone();
        let real = path.clone();
        let expected = old_text.clone();
        store.set_write_hook(Some(Box::new(move |step, _tmp: &Path| {
            assert_eq!(fs::read_to_string(&real).unwrap(), expected, "at {step}");
            log.lock().unwrap().push(step);
            if step == fail_at {
                Err(io::Error::other(format!("injected failure at {step}")))
            } else {
                Ok(())
            }
        })));
        let err = store.apply(add("new")).unwrap_err();
        match &err {
            StoreError::Save { step, .. } => assert_eq!(*step, fail_at),
            other => panic!("unexpected error {other}"),
        }
        assert!(err.to_string().contains("injected failure"), "{err}");
        assert_eq!(checked.lock().unwrap().last(), Some(&fail_at));
        assert_eq!(fs::read_to_string(&path).unwrap(), old_text, "{fail_at}");
        assert_eq!(strays(&path), Vec::<String>::new(), "temp file removed");
        // The change is kept in memory and pending.
        assert_eq!(ids(store.state()), ["new", "old"]);
        assert_eq!(store.pending(), 1);

        // The next change retries the pending one.
        store.set_write_hook(None);
        store.apply(add("later")).unwrap();
        assert_eq!(store.pending(), 0);
        assert_eq!(ids(&on_disk(&path)), ["later", "new", "old"]);
    }
}

#[test]
fn a_failure_syncing_the_folder_after_the_rename_is_not_an_error() {
    let (_dir, path) = fresh();
    let (mut store, _) = Store::open(&path).unwrap();
    store.set_write_hook(Some(Box::new(|step, _: &Path| {
        if step == WriteStep::SyncDir {
            Err(io::Error::other("no folder sync here"))
        } else {
            Ok(())
        }
    })));
    store.apply(add("a")).unwrap();
    assert_eq!(store.pending(), 0);
    assert_eq!(ids(&on_disk(&path)), ["a"]);
}

#[test]
fn a_full_disk_fails_the_save_keeps_the_state_and_the_retry_succeeds() {
    let (_dir, path) = fresh();
    let (mut store, _) = Store::open(&path).unwrap();
    store.apply(add("a")).unwrap();
    store.set_write_hook(Some(Box::new(|step, _: &Path| {
        if step == WriteStep::Write {
            Err(io::Error::from(io::ErrorKind::StorageFull))
        } else {
            Ok(())
        }
    })));
    assert!(store.apply(add("b")).is_err());
    assert!(store.apply(add("c")).is_err());
    assert_eq!(store.pending(), 2);
    assert_eq!(ids(store.state()), ["a", "b", "c"]);
    assert_eq!(ids(&on_disk(&path)), ["a"]);
    store.set_write_hook(None);
    store.flush().unwrap();
    assert_eq!(store.pending(), 0);
    assert_eq!(ids(&on_disk(&path)), ["a", "b", "c"]);
}

#[test]
fn a_temp_file_left_by_a_killed_save_is_ignored_and_cleaned() {
    let (_dir, path) = fresh();
    let (mut store, _) = Store::open(&path).unwrap();
    store.apply(add("a")).unwrap();
    let good = fs::read_to_string(&path).unwrap();
    // What a save killed after writing half its temp file leaves behind.
    let stray = path.with_file_name(".shortlists.json.4242.0.tmp");
    fs::write(&stray, &good[..good.len() / 2]).unwrap();
    let (mut again, notices) = Store::open(&path).unwrap();
    assert!(notices.is_empty());
    assert_eq!(ids(again.state()), ["a"]);
    assert!(!stray.exists(), "stray temp file removed on open");
    fs::write(&stray, "garbage").unwrap();
    again.apply(add("b")).unwrap();
    assert!(!stray.exists(), "stray temp file removed on save");
    assert_eq!(ids(&on_disk(&path)), ["a", "b"]);
}

#[test]
fn a_file_that_does_not_parse_is_set_aside_and_work_goes_on() {
    let (_dir, path) = fresh();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, "{\"version\": 1, \"bookmarks\": {oops").unwrap();
    let (mut store, notices) = Store::open(&path).unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("did not parse"), "{}", notices[0]);
    assert!(notices[0].contains("set aside as"), "{}", notices[0]);
    assert!(store.state().bookmarks.is_empty());
    let aside = strays(&path);
    assert_eq!(aside.len(), 1);
    assert!(
        aside[0].starts_with("shortlists.json.corrupt-"),
        "{aside:?}"
    );
    assert_eq!(
        fs::read_to_string(path.with_file_name(&aside[0])).unwrap(),
        "{\"version\": 1, \"bookmarks\": {oops",
        "the unparsable file is kept as it was"
    );
    store.apply(add("a")).unwrap();
    assert_eq!(ids(&on_disk(&path)), ["a"]);

    // Broken behind a running store's back: the save sets it aside too, never overwrites it,
    // and rewrites the file from what the store holds, so "a" (saved before) is not lost.
    fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
    store.apply(add("b")).unwrap();
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("not UTF-8"), "{}", notices[0]);
    assert!(
        notices[0].contains("rewritten from the shortlists in memory"),
        "{}",
        notices[0]
    );
    assert_eq!(strays(&path).len(), 2);
    assert_eq!(ids(&on_disk(&path)), ["a", "b"]);

    // Deleted behind its back: rewritten with everything, nothing dropped.
    fs::remove_file(&path).unwrap();
    store.apply(add("c")).unwrap();
    assert_eq!(ids(&on_disk(&path)), ["a", "b", "c"]);
}

#[test]
fn a_file_from_a_newer_jobdeck_is_never_overwritten() {
    let (_dir, path) = fresh();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let newer = r#"{"version": 2, "bookmarks": {}, "collections": []}"#;
    fs::write(&path, newer).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(
        err,
        StoreError::UnsupportedVersion { version: 2, .. }
    ));
    assert!(err.to_string().contains("newer jobdeck"), "{err}");

    // Appearing while a store is open: the save is refused and the change stays pending.
    fs::remove_file(&path).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    store.apply(add("a")).unwrap();
    fs::write(&path, newer).unwrap();
    assert!(matches!(
        store.apply(add("b")),
        Err(StoreError::UnsupportedVersion { .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
    assert_eq!(store.pending(), 1);
}

#[test]
fn two_stores_merge_instead_of_overwriting() {
    let (_dir, path) = fresh();
    let (mut a, _) = Store::open(&path).unwrap();
    let (mut b, _) = Store::open(&path).unwrap();
    a.apply(add("from-a")).unwrap();
    b.apply(add("from-b")).unwrap(); // b never saw from-a, yet keeps it
    assert_eq!(ids(&on_disk(&path)), ["from-a", "from-b"]);
    assert_eq!(ids(b.state()), ["from-a", "from-b"]);
    a.reload().unwrap();
    assert_eq!(ids(a.state()), ["from-a", "from-b"]);

    // Each removes what it sees; the other's additions survive.
    a.apply(Change::Remove {
        id: "from-a".into(),
        list: None,
    })
    .unwrap();
    b.apply(add("another")).unwrap();
    assert_eq!(ids(&on_disk(&path)), ["another", "from-b"]);

    // Toggle and cycle are resolved against what the user saw when pressing the key.
    let toggle = Change::Toggle {
        snapshot: snap("t"),
        id: "t".into(),
        list: DEFAULT_LIST.into(),
    };
    a.apply(toggle.clone()).unwrap(); // a adds t
    b.apply(toggle).unwrap(); // b has not reloaded: for its user this is an add too
    assert!(on_disk(&path).in_list("t", DEFAULT_LIST));
}

#[test]
fn reload_picks_up_other_changes_and_keeps_pending_ones() {
    let (_dir, path) = fresh();
    let (mut a, _) = Store::open(&path).unwrap();
    let (mut b, _) = Store::open(&path).unwrap();
    b.set_write_hook(Some(Box::new(|_, _: &Path| Err(io::Error::other("nope")))));
    assert!(b.apply(add("pending-in-b")).is_err());
    a.apply(add("saved-by-a")).unwrap();
    b.reload().unwrap();
    assert_eq!(ids(b.state()), ["pending-in-b", "saved-by-a"]);
    assert_eq!(b.pending(), 1);
    b.set_write_hook(None);
    b.flush().unwrap();
    assert_eq!(ids(&on_disk(&path)), ["pending-in-b", "saved-by-a"]);
}

#[test]
fn a_data_folder_that_cannot_be_created_fails_the_save_and_keeps_the_change() {
    // Works as root too (root ignores permissions but not a file in the way).
    let (dir, path) = fresh();
    let (mut store, _) = Store::open(&path).unwrap();
    let folder = path.parent().unwrap();
    fs::create_dir_all(folder.parent().unwrap()).unwrap();
    fs::write(folder, "a file where the data folder should be").unwrap();
    let err = store.apply(add("a")).unwrap_err();
    assert!(
        err.to_string().contains("could not create the folder"),
        "{err}"
    );
    assert_eq!(store.pending(), 1);
    assert!(store.state().is_saved("a"));
    fs::remove_file(folder).unwrap();
    store.apply(add("b")).unwrap();
    assert_eq!(store.pending(), 0);
    assert_eq!(ids(&on_disk(&path)), ["a", "b"]);
    drop(dir);
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_fails_the_save_and_a_later_retry_succeeds() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = fresh();
    let (mut store, _) = Store::open(&path).unwrap();
    store.apply(add("a")).unwrap();
    let folder = path.parent().unwrap();
    fs::set_permissions(folder, fs::Permissions::from_mode(0o500)).unwrap();
    let probe = folder.join("probe");
    if fs::write(&probe, "").is_ok() {
        let _ = fs::remove_file(&probe);
        fs::set_permissions(folder, fs::Permissions::from_mode(0o700)).unwrap();
        eprintln!(
            "skipped: running with privileges that ignore folder permissions (root?); \
             a_data_folder_that_cannot_be_created_fails_the_save_and_keeps_the_change covers the \
             failure path"
        );
        return;
    }
    let err = store.apply(add("b"));
    fs::set_permissions(folder, fs::Permissions::from_mode(0o700)).unwrap();
    let err = err.unwrap_err();
    assert!(err.to_string().contains("Permission denied"), "{err}");
    assert_eq!(store.pending(), 1);
    assert_eq!(ids(store.state()), ["a", "b"]);
    assert_eq!(ids(&on_disk(&path)), ["a"]);
    store.apply(add("c")).unwrap();
    assert_eq!(ids(&on_disk(&path)), ["a", "b", "c"]);
}

// ---------------------------------------------------------------------------------------------
// Child processes: this test binary run again with `--exact <name>`.

const KILL_CHILD: &str = "JOBDECK_TEST_SAVE_LOOP";
const ADD_CHILD: &str = "JOBDECK_TEST_ADD_15";

fn spawn_child(test_name: &str, var: &str, path: &Path, prefix: &str) -> Child {
    // The harness names a test by its path below the crate root (`store::child_save_loop`).
    let test_name = match module_path!().split_once("::") {
        Some((_, module)) => format!("{module}::{test_name}"),
        None => test_name.to_string(),
    };
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", &test_name, "--nocapture", "--test-threads=1"])
        .env(var, path)
        .env("JOBDECK_TEST_PREFIX", prefix)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

/// The part of a child's output line from `marker` on (the test harness may print its own
/// "test name ... " in front of the child's first line).
fn from_marker(line: &str, marker: &str) -> Option<String> {
    line.find(marker).map(|i| line[i..].trim_end().to_string())
}

/// Reads the child's stdout up to a line holding `marker`; returns it from the marker on.
fn wait_for(out: &mut impl BufRead, marker: &str) -> String {
    let mut line = String::new();
    loop {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "child ended before {marker:?}"
        );
        if let Some(found) = from_marker(&line, marker) {
            return found;
        }
    }
}

/// Child: saves bookmarks in a loop, printing `saved N` after each save returns, until killed.
#[test]
fn child_save_loop() {
    let Some(path) = std::env::var_os(KILL_CHILD) else {
        return;
    };
    let prefix = std::env::var("JOBDECK_TEST_PREFIX").unwrap();
    let (mut store, _) = Store::open(Path::new(&path)).unwrap();
    let mut out = io::stdout();
    for i in 0.. {
        store.apply(add(&format!("{prefix}-{i:05}"))).unwrap();
        // Alternate with a change that rewrites an existing entry, so saves differ in shape.
        store
            .apply(Change::SetNote {
                snapshot: snap("n"),
                id: format!("{prefix}-{i:05}"),
                note: Some(format!("note {i}\nline two")),
            })
            .unwrap();
        writeln!(out, "saved {i}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn kill_9_during_saves_never_leaves_a_broken_file() {
    let (_dir, path) = fresh();
    let mut total_strays = 0;
    for round in 0..30u64 {
        let prefix = format!("r{round:02}");
        let mut child = spawn_child("child_save_loop", KILL_CHILD, &path, &prefix);
        let mut out = BufReader::new(child.stdout.take().unwrap());
        // Synchronized: the child is inside its save loop once it reports a save.
        let first = wait_for(&mut out, "saved ");
        // Varies the moment of the kill (not a synchronization): 0 to 14.5 ms into the loop.
        std::thread::sleep(std::time::Duration::from_micros(round * 500));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // Every save the child reported before the kill is on disk, and the file parses.
        let mut last = first;
        let mut line = String::new();
        while out.read_line(&mut line).unwrap() > 0 {
            // A line cut by the kill has no newline; it was not necessarily saved.
            if line.ends_with('\n')
                && let Some(found) = from_marker(&line, "saved ")
            {
                last = found;
            }
            line.clear();
        }
        let n: usize = last["saved ".len()..].parse().unwrap();
        let disk = on_disk(&path);
        for i in 0..=n {
            let id = format!("{prefix}-{i:05}");
            let b = disk.get(&id).unwrap_or_else(|| panic!("{id} lost"));
            assert_eq!(
                b.note.as_deref(),
                Some(format!("note {i}\nline two").as_str())
            );
        }
        total_strays += strays(&path).iter().filter(|n| n.ends_with(".tmp")).count();
        // Opening after a kill cleans any temp file the kill left.
        let (store, notices) = Store::open(&path).unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(store.state(), &disk);
        assert_eq!(strays(&path), Vec::<String>::new());
    }
    eprintln!("kill -9 test: {total_strays} of 30 kills left a temp file mid-save");
}

/// Child: opens the store, says `ready`, waits for a line on stdin, adds 15 bookmarks.
#[test]
fn child_add_15() {
    let Some(path) = std::env::var_os(ADD_CHILD) else {
        return;
    };
    let prefix = std::env::var("JOBDECK_TEST_PREFIX").unwrap();
    let (mut store, _) = Store::open(Path::new(&path)).unwrap();
    println!("ready");
    io::stdout().flush().unwrap();
    let mut go = String::new();
    io::stdin().read_line(&mut go).unwrap();
    for i in 0..15 {
        store.apply(add(&format!("{prefix}-{i:02}"))).unwrap();
    }
    println!("done {}", store.state().bookmarks.len());
}

#[test]
fn two_processes_adding_15_each_at_once_lose_nothing() {
    let (_dir, path) = fresh();
    let mut children: Vec<Child> = ["a", "b"]
        .iter()
        .map(|p| spawn_child("child_add_15", ADD_CHILD, &path, p))
        .collect();
    let mut outs: Vec<_> = children
        .iter_mut()
        .map(|c| BufReader::new(c.stdout.take().unwrap()))
        .collect();
    // Both have opened the store (each sees it empty) before either adds anything.
    for out in &mut outs {
        wait_for(out, "ready");
    }
    for c in &mut children {
        c.stdin.take().unwrap().write_all(b"go\n").unwrap();
    }
    for (c, out) in children.iter_mut().zip(&mut outs) {
        let done = wait_for(out, "done ");
        let seen: usize = done["done ".len()..].parse().unwrap();
        assert!(seen >= 15, "{done}");
        assert!(c.wait().unwrap().success());
    }
    let disk = on_disk(&path);
    assert_eq!(disk.bookmarks.len(), 30, "{:?}", ids(&disk));
    for p in ["a", "b"] {
        for i in 0..15 {
            assert!(disk.is_saved(&format!("{p}-{i:02}")));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Files that are not what they should be.

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
}

/// Runs `f` on a thread and fails the test if it does not return within 10 s (a hang).
fn within_10s<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = flume::unbounded();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(10))
        .unwrap_or_else(|_| panic!("{what} hung"))
}

#[test]
fn a_symlinked_store_is_written_through_the_link_to_its_target() {
    let (dir, path) = fresh();
    let synced = dir.path().join("Sync");
    fs::create_dir_all(&synced).unwrap();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(synced.join("shortlists.json"), &path).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    store.apply(add("a")).unwrap();
    store.apply(add("b")).unwrap();
    assert!(
        fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(ids(&on_disk(&synced.join("shortlists.json"))), ["a", "b"]);
    let left: Vec<_> = fs::read_dir(&synced).unwrap().collect();
    assert_eq!(left.len(), 1, "no temp file left in the target's folder");
    // A broken target is set aside next to it, and rewritten there.
    fs::write(synced.join("shortlists.json"), "{ broken").unwrap();
    store.apply(add("c")).unwrap();
    assert!(
        fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(ids(&on_disk(&path)), ["a", "b", "c"]);
    assert!(fs::read_dir(&synced).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .contains(".corrupt-")
    }));
}

#[test]
fn a_fifo_or_a_device_as_the_store_never_blocks_and_changes_wait_for_a_real_file() {
    let (_dir, path) = fresh();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    mkfifo(&path);
    let p = path.clone();
    let err = within_10s("opening a FIFO store", move || Store::open(&p).err());
    let err = err.expect("a FIFO is not a store");
    assert!(err.to_string().contains("FIFO"), "{err}");
    assert!(err.brief().contains("FIFO"), "{}", err.brief());

    // The browser goes on with an empty store, and the change is saved once the file is back.
    let p = path.clone();
    let (mut store, notices) = within_10s("opening leniently", move || {
        Store::open_lenient(&p).unwrap()
    });
    assert!(notices[0].contains("starting empty"), "{notices:?}");
    let (store_back, r) = within_10s("saving onto a FIFO", move || {
        let r = store.apply(add("a"));
        (store, r)
    });
    store = store_back;
    assert!(r.is_err());
    assert_eq!(store.pending(), 1);
    assert_eq!(
        store.pending_descriptions(),
        ["bookmark “a at Ferrous” on “Saved”"]
    );
    assert!(
        fs::symlink_metadata(&path).unwrap().file_type().is_fifo(),
        "the FIFO is left alone"
    );
    fs::remove_file(&path).unwrap();
    store.flush().unwrap();
    assert_eq!(ids(&on_disk(&path)), ["a"]);

    // /dev/zero behind a link: refused at once, not read until memory runs out.
    fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    let p = path.clone();
    let err = within_10s("opening /dev/zero", move || {
        Store::open(&p).map(|(s, n)| format!("{s:?} {n:?}"))
    });
    let err = err.unwrap_err();
    assert!(err.to_string().contains("character device"), "{err}");
}

use std::os::unix::fs::FileTypeExt;

#[test]
fn a_file_that_breaks_behind_a_running_store_is_rewritten_on_the_next_flush() {
    let (_dir, path) = fresh();
    let (mut store, _) = Store::open(&path).unwrap();
    store.apply(add("a")).unwrap();
    store.apply(add("b")).unwrap();
    // A hand edit with a trailing comma.
    let text = fs::read_to_string(&path).unwrap();
    let broken = text.replacen("\"Saved\"", "\"Saved\",", 1);
    fs::write(&path, &broken).unwrap();
    let notices = store.reload().unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].starts_with("shortlists.json did not parse, rewritten"),
        "{}",
        notices[0]
    );
    assert_eq!(ids(store.state()), ["a", "b"], "kept in memory");
    assert!(store.needs_save());
    store.flush().unwrap();
    assert!(!store.changed_on_disk(), "its own write is not a change");
    assert_eq!(ids(&on_disk(&path)), ["a", "b"], "written back");
    let aside = strays(&path);
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        fs::read_to_string(path.with_file_name(&aside[0])).unwrap(),
        broken,
        "the damaged file stays set aside as it was"
    );
}

#[test]
fn a_copy_of_what_is_in_memory_can_be_saved_elsewhere() {
    let (dir, path) = fresh();
    let (mut store, _) = Store::open(&path).unwrap();
    store.apply(add("a")).unwrap();
    store.set_write_hook(Some(Box::new(|_, _: &Path| {
        Err(io::Error::from(io::ErrorKind::StorageFull))
    })));
    let err = store.apply(add("b")).unwrap_err();
    assert_eq!(err.brief(), "the disk is full");
    let rescue = dir.path().join("rescue.json");
    let written = store.save_copy(&rescue).unwrap();
    assert_eq!(written, rescue);
    assert_eq!(ids(&on_disk(&rescue)), ["a", "b"]);
}

#[test]
fn a_note_edited_while_another_process_wrote_it_keeps_both() {
    let (_dir, path) = fresh();
    let (mut browser, _) = Store::open(&path).unwrap();
    browser.apply(add("a")).unwrap();
    let set = |note: &str| Change::SetNote {
        snapshot: snap("a"),
        id: "a".into(),
        note: Some(note.into()),
    };
    browser.apply(set("base")).unwrap();
    // The command line writes a note while the browser's editor is open on "base".
    let (mut cli, _) = Store::open(&path).unwrap();
    cli.apply(set("from the command line")).unwrap();
    browser
        .apply(Change::EditNote {
            snapshot: snap("a"),
            id: "a".into(),
            base: Some("base".into()),
            note: Some("from the editor".into()),
        })
        .unwrap();
    let notices = browser.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("both are kept"), "{notices:?}");
    let note = on_disk(&path).get("a").unwrap().note.clone().unwrap();
    assert_eq!(
        note,
        format!(
            "from the editor\n\n{}\nfrom the command line",
            jobdeck::store::NOTE_MERGE_MARK
        )
    );
}
