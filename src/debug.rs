//! Debugging aids the tests use, switched on by environment variables: a deliberate panic at a
//! named place, a pause, a simulated full disk. Nothing here depends on the rest of jobdeck, so
//! any module may call it.

use std::path::Path;

/// Whether `JOBDECK_DEBUG_PANIC` asks for a deliberate panic at `place` ("main", "search",
/// "loader", "parse"): a debugging aid that the tests use to prove the terminal is restored and
/// the message logged whichever thread fails.
pub fn debug_panic(place: &str) -> bool {
    std::env::var("JOBDECK_DEBUG_PANIC").is_ok_and(|v| v == place)
}

/// Whether `JOBDECK_DEBUG_DELAY` asks for a pause at `place` ("cache": before the parse cache
/// is renamed into place; "store": in every save of the shortlists, as a large store or a busy
/// disk would); pauses if so: one second for `place`, and for `place:FILE` until FILE exists
/// (a minute at most). A debugging aid: the tests use it to hold a step open while they do
/// something (quit) that must wait for it, and create FILE once they have seen it wait.
pub fn debug_delay(place: &str) {
    use std::time::{Duration, Instant};
    let Ok(v) = std::env::var("JOBDECK_DEBUG_DELAY") else {
        return;
    };
    let (at, until) = v.split_once(':').unwrap_or((&v, ""));
    if at != place {
        return;
    }
    if until.is_empty() {
        std::thread::sleep(Duration::from_secs(1));
        return;
    }
    let given_up = Instant::now() + Duration::from_secs(60);
    while !Path::new(until).exists() && Instant::now() < given_up {
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Whether `JOBDECK_DEBUG_DISK_FULL` simulates a full disk for a write to `target`: it names a
/// flag file, and while that file exists, writing any file in the flag's folder fails with
/// "No space left on device" (the disk "fills up" and "gets space back" as a test creates and
/// removes the flag). A debugging aid for the tests of failed saves.
pub fn debug_disk_full(target: &Path) -> bool {
    let Some(flag) = std::env::var_os("JOBDECK_DEBUG_DISK_FULL").filter(|v| !v.is_empty()) else {
        return false;
    };
    let flag = Path::new(&flag);
    flag.exists() && flag.parent().is_some_and(|d| Some(d) == target.parent())
}

/// Whether `JOBDECK_DEBUG_DOC` asks to see each document a reader made, before it is split and
/// its fields resolved (its facts and blocks, on stderr): a debugging aid for parser work
/// (`JOBDECK_DEBUG_DOC=1 jobdeck parse FILE`). `show` is only called when it does.
pub fn debug_doc(show: impl FnOnce() -> String) {
    // Read once: parsing a corpus asks for every document.
    static ON: std::sync::LazyLock<bool> =
        std::sync::LazyLock::new(|| std::env::var_os("JOBDECK_DEBUG_DOC").is_some());
    if *ON {
        eprintln!("{}", show());
    }
}
