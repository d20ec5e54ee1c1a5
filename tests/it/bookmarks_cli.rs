//! `jobdeck bookmarks …` run as a user would, each test in its own temp `XDG_DATA_HOME`: in
//! this process where only the output, the exit code and the files are checked
//! (`common::run_here`), as a process where the messages, the process or its output being a
//! pipe are.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use jobdeck::store::Shortlists;
use serde_json::Value;

/// A jobdeck command isolated from the user's config and data.
fn jobdeck(home: &tempfile::TempDir) -> Command {
    Command::from_std(std_jobdeck(home.path()))
}

fn std_jobdeck(home: &Path) -> StdCommand {
    common::isolated(assert_cmd::cargo::cargo_bin!("jobdeck"), home)
}

fn store_file(home: &tempfile::TempDir) -> PathBuf {
    home.path().join("data/jobdeck/shortlists.json")
}

/// Writes `n` small postings, `job-01.txt` …, each findable by the query `'kNN`.
fn postings(home: &tempfile::TempDir, n: usize) -> PathBuf {
    let dir = home.path().join("postings");
    fs::create_dir_all(&dir).unwrap();
    for i in 1..=n {
        fs::write(
            dir.join(format!("job-{i:02}.txt")),
            format!(
                "Rust Engineer k{i:02}\nCompany: Ferrous {i:02}\nLocation: Berlin, Germany\n\
                 Salary: €80,000 - €100,000 per year\nApply: https://jobs.example.com/{i}\n\n\
                 We write Rust.\n"
            ),
        )
        .unwrap();
    }
    dir
}

fn stdout_json(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("valid JSON")
}

/// `jobdeck ARGS…` in this process: asserted to succeed, what it printed.
fn ok_here(home: &tempfile::TempDir, args: &[&str]) -> String {
    let (code, out) = common::run_here(home.path(), args);
    let out = String::from_utf8(out).expect("UTF-8 output");
    assert_eq!(code, common::exit(0), "jobdeck {args:?}: {out}");
    out
}

/// `jobdeck ARGS…` in this process: asserted to succeed, what it printed as JSON.
fn json_here(home: &tempfile::TempDir, args: &[&str]) -> Value {
    serde_json::from_str(&ok_here(home, args)).expect("valid JSON")
}

/// A path as an argument.
fn arg(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

fn list_json(home: &tempfile::TempDir, dir: &Path) -> Vec<Value> {
    json_here(home, &["bookmarks", "list", "--json", arg(dir)])
        .as_array()
        .unwrap()
        .clone()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn add_update_list_and_remove() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 3);
    let said = ok_here(
        &home,
        &[
            "bookmarks",
            "add",
            "'k02",
            arg(&dir),
            "--list",
            "Dream jobs",
            "--note",
            "ask about\nthe team",
        ],
    );
    assert!(said.contains("saved Rust Engineer k02"), "{said}");
    ok_here(&home, &["bookmarks", "add", "'k01", arg(&dir)]);

    let rows = list_json(&home, &dir);
    assert_eq!(rows.len(), 2);
    let r = &rows[0];
    for key in [
        "id",
        "title",
        "company",
        "locations",
        "salary",
        "lists",
        "note",
        "status",
        "status_history",
        "hidden",
        "missing",
    ] {
        assert!(r.get(key).is_some(), "missing key {key}: {r}");
    }
    assert_eq!(r["title"], "Rust Engineer k02");
    assert_eq!(r["company"], "Ferrous 02");
    assert_eq!(r["locations"][0], "Berlin, Germany");
    assert_eq!(r["salary"]["min"], 80000);
    assert_eq!(r["lists"], serde_json::json!(["Dream jobs"]));
    assert_eq!(r["note"], "ask about\nthe team");
    assert_eq!(r["status"], "saved");
    assert_eq!(r["status_history"][0]["status"], "saved");
    assert_eq!(r["hidden"], false);
    assert_eq!(r["missing"], false);
    assert_eq!(rows[1]["lists"], serde_json::json!(["Saved"]));

    // Adding again updates list, note and status; it stays one bookmark.
    let said = ok_here(
        &home,
        &[
            "bookmarks",
            "add",
            "'k02",
            arg(&dir),
            "--list",
            "Saved",
            "--note",
            "",
            "--status",
            "Applied",
        ],
    );
    assert!(said.contains("updated"), "{said}");
    let rows = list_json(&home, &dir);
    assert_eq!(rows.len(), 2);
    let r = &rows[0];
    assert_eq!(r["lists"], serde_json::json!(["Dream jobs", "Saved"]));
    assert_eq!(r["note"], Value::Null);
    assert_eq!(r["status"], "applied");
    assert_eq!(r["status_history"].as_array().unwrap().len(), 2);
    assert!(
        r["status_history"][1]["date"]
            .as_str()
            .unwrap()
            .chars()
            .filter(|c| *c == '-')
            .count()
            == 2
    );

    // `--list` narrows the listing; remove from one list keeps the other.
    let dream = json_here(
        &home,
        &["bookmarks", "list", "--list", "Dream jobs", arg(&dir)],
    );
    assert_eq!(dream.as_array().unwrap().len(), 1);
    ok_here(
        &home,
        &[
            "bookmarks",
            "remove",
            "k02",
            arg(&dir),
            "--list",
            "Dream jobs",
        ],
    );
    assert_eq!(
        list_json(&home, &dir)[0]["lists"],
        serde_json::json!(["Saved"])
    );

    // Removed from every list: a plain bookmark goes; one with a status stays, off all lists.
    ok_here(&home, &["bookmarks", "remove", "'k01", arg(&dir)]);
    let said = ok_here(&home, &["bookmarks", "remove", "'k02", arg(&dir)]);
    assert!(said.contains("kept"), "{said}");
    let rows = list_json(&home, &dir);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["lists"], serde_json::json!([]));
    assert_eq!(rows[0]["status"], "applied");
}

#[test]
fn exit_codes_and_messages() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 2);
    jobdeck(&home)
        .args(["bookmarks", "add", "zzqqxxj"])
        .arg(&dir)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no posting matches \"zzqqxxj\""));
    jobdeck(&home)
        .args(["bookmarks", "remove", "'k01"])
        .arg(&dir)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no bookmarked posting matches"));
    jobdeck(&home)
        .args(["bookmarks", "add", "rust", "no/such/folder"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no such file or folder"));
    jobdeck(&home)
        .args(["bookmarks", "add", "rust", "--status", "ghosted"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("applied"));
    jobdeck(&home)
        .args(["bookmarks", "export"])
        .assert()
        .code(2);
    jobdeck(&home)
        .args(["bookmarks", "list", "--list", "Nope"])
        .arg(&dir)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no list named \"Nope\""));
    jobdeck(&home)
        .args(["bookmarks", "import", "missing.json"])
        .assert()
        .code(2);
    assert!(!store_file(&home).exists(), "failed commands wrote nothing");
}

#[test]
fn by_id_and_on_the_default_corpus() {
    let home = tempfile::tempdir().unwrap();
    // Without PATH, the built-in seeds.
    let seeds = json_here(&home, &["parse"]);
    let id = seeds[1]["id"].as_str().unwrap().to_string();
    ok_here(&home, &["bookmarks", "add", &id]);
    let rows = json_here(&home, &["bookmarks", "list"]);
    assert_eq!(rows[0]["id"], id.as_str());
    assert_eq!(rows[0]["missing"], false);
}

#[test]
fn the_file_is_versioned_json_in_xdg_data_home_readable_by_its_owner_only() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 1);
    ok_here(&home, &["bookmarks", "add", "rust", arg(&dir)]);
    let path = store_file(&home);
    let v: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
    let b = v["bookmarks"].as_object().unwrap().values().next().unwrap();
    assert_eq!(b["snapshot"]["title"], "Rust Engineer k01");
    assert_eq!(b["snapshot"]["url"], "https://jobs.example.com/1");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&path.with_file_name("shortlists.json.lock")), 0o600);
        let out = home.path().join("export.csv");
        ok_here(
            &home,
            &["bookmarks", "export", "--format", "csv", "-o", arg(&out)],
        );
        assert_eq!(mode(&out), 0o600);
    }
}

#[test]
fn a_renamed_posting_keeps_its_bookmark_and_a_vanished_one_is_missing() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 3);
    for q in ["'k01", "'k02"] {
        ok_here(&home, &["bookmarks", "add", q, arg(&dir)]);
    }
    fs::create_dir(dir.join("archive")).unwrap();
    fs::rename(dir.join("job-01.txt"), dir.join("archive/renamed.txt")).unwrap();
    fs::remove_file(dir.join("job-02.txt")).unwrap();
    let rows = list_json(&home, &dir);
    assert_eq!(rows.len(), 2, "nothing dropped");
    let k01 = rows
        .iter()
        .find(|r| r["title"] == "Rust Engineer k01")
        .unwrap();
    assert_eq!(k01["missing"], false);
    assert!(
        k01["source"]
            .as_str()
            .unwrap()
            .ends_with("archive/renamed.txt"),
        "{k01}"
    );
    let k02 = rows
        .iter()
        .find(|r| r["title"] == "Rust Engineer k02")
        .unwrap();
    assert_eq!(k02["missing"], true);
    assert_eq!(k02["company"], "Ferrous 02", "shown from its snapshot");
    // A missing posting can still be removed by what its snapshot remembers.
    ok_here(&home, &["bookmarks", "remove", "'k02", arg(&dir)]);
    assert_eq!(list_json(&home, &dir).len(), 1);
}

#[test]
fn a_bookmark_follows_its_posting_read_anew_under_a_new_id() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 3);
    ok_here(
        &home,
        &["bookmarks", "add", "'k01", arg(&dir), "--note", "call Jan"],
    );
    ok_here(&home, &["bookmarks", "add", "'k03", arg(&dir)]);
    let before = list_json(&home, &dir);
    let old_id = before
        .iter()
        .find(|r| r["title"] == "Rust Engineer k01")
        .unwrap()["id"]
        .clone();
    // The file now reads differently (as a newer jobdeck may read it): its id changes.
    let path = dir.join("job-01.txt");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("Company: Ferrous 01", "Company: Ferrous 01 GmbH"),
    )
    .unwrap();
    // Another file now holds another job altogether: its bookmark does not follow.
    fs::write(
        dir.join("job-03.txt"),
        "Office Manager\nCompany: Papier AG\nLocation: Köln, Germany\n\nWe sell paper.\n",
    )
    .unwrap();
    let out = jobdeck(&home)
        .args(["bookmarks", "list", "--json", arg(&dir)])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("1 bookmark follows its posting, read anew under a new id"),
        "{}",
        stderr(&out)
    );
    let rows: Vec<Value> = serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(rows.len(), 2, "nothing dropped");
    let k01 = rows
        .iter()
        .find(|r| r["title"] == "Rust Engineer k01")
        .unwrap();
    assert_eq!(k01["missing"], false);
    assert_ne!(k01["id"], old_id);
    assert_eq!(k01["company"], "Ferrous 01 GmbH");
    assert_eq!(k01["note"], "call Jan");
    let k03 = rows
        .iter()
        .find(|r| r["title"] == "Rust Engineer k03")
        .unwrap();
    assert_eq!(k03["missing"], true);
    // Saved: the next run has nothing to follow.
    let again = jobdeck(&home)
        .args(["bookmarks", "list", "--json", arg(&dir)])
        .output()
        .unwrap();
    assert!(!stderr(&again).contains("follows"), "{}", stderr(&again));
    let saved = Shortlists::from_json(&fs::read_to_string(store_file(&home)).unwrap()).unwrap();
    assert!(saved.get(old_id.as_str().unwrap()).is_none());
}

#[test]
fn a_corrupt_file_is_set_aside_reported_and_the_command_still_works() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 1);
    let path = store_file(&home);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, "{\"version\": 1, \"bookmarks\": [trunc").unwrap();
    let out = jobdeck(&home)
        .args(["bookmarks", "add", "rust"])
        .arg(&dir)
        .assert()
        .success()
        .get_output()
        .clone();
    let err = stderr(&out);
    assert!(err.contains("did not parse"), "{err}");
    assert!(err.contains("set aside as"), "{err}");
    let aside: Vec<_> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("shortlists.json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        fs::read_to_string(path.with_file_name(&aside[0])).unwrap(),
        "{\"version\": 1, \"bookmarks\": [trunc"
    );
    assert_eq!(list_json(&home, &dir).len(), 1);
}

#[test]
fn a_file_from_a_newer_jobdeck_is_refused_and_left_alone() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 1);
    let path = store_file(&home);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let newer = "{\"version\": 2, \"bookmarks\": {}}";
    fs::write(&path, newer).unwrap();
    jobdeck(&home)
        .args(["bookmarks", "add", "rust"])
        .arg(&dir)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("newer jobdeck"));
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn notes_are_sanitized() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 1);
    ok_here(
        &home,
        &[
            "bookmarks",
            "add",
            "rust",
            "--note",
            "\u{1b}]0;owned\u{7}first\r\nsecond \u{1b}[31mred\u{202e}",
            arg(&dir),
        ],
    );
    assert_eq!(list_json(&home, &dir)[0]["note"], "first\nsecond red");
}

#[test]
fn export_formats_parse_and_json_reimports() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 3);
    ok_here(
        &home,
        &[
            "bookmarks",
            "add",
            "'k01",
            arg(&dir),
            "--note",
            "pay, \"equity\"\nand more",
            "--status",
            "offer",
        ],
    );
    ok_here(
        &home,
        &["bookmarks", "add", "'k02", arg(&dir), "--list", "Later"],
    );

    // CSV: a header row, then one row per bookmark, read back by a CSV reader.
    let csv_out = ok_here(&home, &["bookmarks", "export", "--format", "csv"]).into_bytes();
    let mut r = csv::Reader::from_reader(csv_out.as_slice());
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    for col in [
        "title",
        "company",
        "locations",
        "salary",
        "lists",
        "status",
        "note",
        "url",
    ] {
        assert!(headers.iter().any(|h| h == col), "no {col} in {headers:?}");
    }
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let mut rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    rows.sort_by(|a, b| a[col("title")].cmp(&b[col("title")]));
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][col("title")], "Rust Engineer k01");
    assert_eq!(&rows[0][col("note")], "pay, \"equity\"\nand more");
    assert_eq!(&rows[0][col("status")], "offer");
    assert_eq!(&rows[0][col("url")], "https://jobs.example.com/1");
    assert_eq!(&rows[1][col("lists")], "Later");

    // Markdown: a table per list.
    let md = ok_here(&home, &["bookmarks", "export", "--format", "markdown"]);
    assert!(md.contains("## Saved (1)\n\n| Title | Company |"), "{md}");
    assert!(md.contains("## Later (1)"), "{md}");
    assert!(
        md.contains("[Rust Engineer k01](https://jobs.example.com/1)"),
        "{md}"
    );
    assert!(md.contains("pay, \"equity\"<br>and more"), "{md}");

    // JSON: imported into an empty store, it gives the same bookmarks.
    let export = home.path().join("export.json");
    ok_here(
        &home,
        &[
            "bookmarks",
            "export",
            "--format",
            "json",
            "-o",
            arg(&export),
        ],
    );
    let other = tempfile::tempdir().unwrap();
    let said = ok_here(&other, &["bookmarks", "import", arg(&export)]);
    assert!(said.contains("2 new"), "{said}");
    let read = |p: &Path| Shortlists::from_json(&fs::read_to_string(p).unwrap()).unwrap();
    assert_eq!(read(&store_file(&other)), read(&store_file(&home)));

    // Importing into a store with its own bookmarks loses none of them.
    let third = tempfile::tempdir().unwrap();
    let dir3 = postings(&third, 3);
    ok_here(
        &third,
        &["bookmarks", "add", "'k01", arg(&dir3), "--note", "mine"],
    );
    ok_here(&third, &["bookmarks", "add", "'k03", arg(&dir3)]);
    let said = ok_here(&third, &["bookmarks", "import", arg(&export)]);
    assert!(said.contains("1 new, 1 merged"), "{said}");
    let rows = list_json(&third, &dir3);
    assert_eq!(rows.len(), 3);
    let k01 = rows
        .iter()
        .find(|r| r["title"] == "Rust Engineer k01")
        .unwrap();
    assert_eq!(k01["note"], "mine\n\npay, \"equity\"\nand more");
    assert_eq!(k01["status"], "offer");

    // Not an export: refused, nothing changed.
    fs::write(home.path().join("bad.json"), "[1, 2]").unwrap();
    jobdeck(&third)
        .args(["bookmarks", "import", "bad.json"])
        .current_dir(home.path())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("not a jobdeck shortlists file"));
    assert_eq!(list_json(&third, &dir3).len(), 3);
}

#[test]
fn two_processes_adding_15_each_at_once_end_with_all_30() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 30);
    // Two workers, released together, each running its 15 `bookmarks add` one after the other:
    // two jobdeck processes are saving at any moment.
    let barrier = Arc::new(Barrier::new(2));
    let workers: Vec<_> = [1usize, 16]
        .into_iter()
        .map(|first| {
            let barrier = barrier.clone();
            let home = home.path().to_path_buf();
            let dir = dir.clone();
            std::thread::spawn(move || {
                barrier.wait();
                for i in first..first + 15 {
                    let out = std_jobdeck(&home)
                        .args(["bookmarks", "add", &format!("'k{i:02}")])
                        .arg(&dir)
                        .output()
                        .unwrap();
                    assert!(out.status.success(), "{}", stderr(&out));
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let rows = list_json(&home, &dir);
    let mut titles: Vec<&str> = rows.iter().map(|r| r["title"].as_str().unwrap()).collect();
    titles.sort();
    let expected: Vec<String> = (1..=30).map(|i| format!("Rust Engineer k{i:02}")).collect();
    assert_eq!(titles, expected);
}

#[test]
fn kill_9_during_bookmarks_add_never_leaves_a_broken_file() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 30);
    let path = store_file(&home);
    // How long one uninterrupted add takes, so the kills spread over the whole run.
    let start = Instant::now();
    let out = std_jobdeck(home.path())
        .args(["bookmarks", "add", "'k30"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    let full = start.elapsed();
    let rounds = 29u32;
    let (mut completed, mut saved, mut mid_save) = (0, 0, 0);
    // Kill moments home in on the save: `lo` is the latest delay that killed an add before its
    // save, `hi` the earliest that found it saved. Delays vary the moment of the kill; they
    // synchronize nothing (any moment must be safe).
    let (mut lo, mut hi) = (Duration::ZERO, full * 2);
    for i in 1..=rounds {
        let mut child = std_jobdeck(home.path())
            .args(["bookmarks", "add", &format!("'k{i:02}")])
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let jitter = Duration::from_micros(u64::from(i % 7) * 150);
        let delay = (lo + hi) / 2 + jitter;
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        if child.wait().unwrap().success() {
            completed += 1;
        }
        // A temp file left behind: this kill landed inside a save.
        if fs::read_dir(path.parent().unwrap())
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp"))
        {
            mid_save += 1;
        }
        let text = fs::read_to_string(&path).unwrap();
        let s = Shortlists::from_json(&text).unwrap_or_else(|e| panic!("round {i}: {e}\n{text}"));
        assert!(s.get(out_id(&s, "k30")).is_some(), "round {i} lost k30");
        if s.get(out_id(&s, &format!("k{i:02}"))).is_some() {
            saved += 1;
            hi = delay;
        } else {
            lo = delay.min(hi);
        }
    }
    // Nothing was ever set aside as corrupt, and the store still works.
    let names: Vec<String> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("corrupt")), "{names:?}");
    let out = jobdeck(&home)
        .args(["bookmarks", "list", "--json"])
        .arg(&dir)
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(!stderr(&out).contains("parse"), "{}", stderr(&out));
    eprintln!(
        "kill -9 CLI test: of {rounds} adds, {saved} saved, {completed} exited before the kill, \
         {mid_save} killed inside a save"
    );
}

/// The id of the bookmark whose title ends in `suffix`.
fn out_id<'a>(s: &'a Shortlists, suffix: &str) -> &'a str {
    s.bookmarks
        .values()
        .find(|b| {
            b.snapshot
                .title
                .as_deref()
                .is_some_and(|t| t.ends_with(suffix))
        })
        .map(|b| b.id.as_str())
        .unwrap_or("")
}

#[test]
fn list_is_json_when_piped() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 1);
    ok_here(&home, &["bookmarks", "add", "rust", arg(&dir)]);
    let v = stdout_json(jobdeck(&home).args(["bookmarks", "list"]).arg(&dir));
    assert_eq!(v.as_array().unwrap().len(), 1);
}

/// `-o -`, `-o /dev/stdout`, a device and a FIFO are written to, never replaced by a file; a
/// symlinked file is written at its target.
#[test]
fn export_to_stdout_a_device_or_a_fifo_writes_to_it() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 1);
    ok_here(&home, &["bookmarks", "add", "'k01", arg(&dir)]);
    // (`/dev/stdout` is the process's own: those two run the binary.)
    for target in ["-", "/dev/stdout"] {
        let out = jobdeck(&home)
            .args(["bookmarks", "export", "--format", "json", "-o", target])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let s = Shortlists::from_json(&String::from_utf8(out).unwrap()).unwrap();
        assert_eq!(s.bookmarks.len(), 1, "-o {target}");
    }
    assert!(
        !home.path().join("-").exists(),
        "`-o -` is the standard output, not a file named -"
    );
    ok_here(
        &home,
        &["bookmarks", "export", "--format", "csv", "-o", "/dev/null"],
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );

    // A FIFO with a reader gets the export through it.
    let fifo = home.path().join("out.fifo");
    assert!(
        StdCommand::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    jobdeck(&home)
        .args(["bookmarks", "export", "--format", "markdown", "-o"])
        .arg(&fifo)
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    assert!(reader.join().unwrap().contains("Rust Engineer k01"));
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());

    // A link to a file in a synced folder: the target is written, the link stays.
    fs::create_dir(home.path().join("Sync")).unwrap();
    let link = home.path().join("export.md");
    std::os::unix::fs::symlink(home.path().join("Sync/export.md"), &link).unwrap();
    ok_here(
        &home,
        &[
            "bookmarks",
            "export",
            "--format",
            "markdown",
            "-o",
            arg(&link),
        ],
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(home.path().join("Sync/export.md"))
            .unwrap()
            .contains("k01")
    );
}

/// An imported file's ids are untrusted: one holding an escape sequence is kept under a posting
/// id derived from it (and said so, visibly), and nothing printed later carries the escape.
#[test]
fn imported_ids_that_are_not_posting_ids_are_rewritten_and_never_printed_raw() {
    let home = tempfile::tempdir().unwrap();
    let evil_id = "abc\u{1b}]2;pwned\u{7}";
    let export = serde_json::json!({
        "version": 1,
        "lists": ["Saved"],
        "bookmarks": {
            evil_id: {"snapshot": {"title": "Evil Title", "company": "Bad"}, "lists": ["Saved"]}
        }
    });
    let file = home.path().join("evil.json");
    fs::write(&file, export.to_string()).unwrap();
    let out = jobdeck(&home)
        .args(["bookmarks", "import"])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .clone();
    let said = format!("{}{}", stdout_text(&out), stderr(&out));
    assert!(!said.contains('\u{1b}'), "{said:?}");
    assert!(said.contains("is not a posting id"), "{said}");
    let stored = Shortlists::from_json(&fs::read_to_string(store_file(&home)).unwrap()).unwrap();
    let id = stored.bookmarks.keys().next().unwrap().clone();
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id:?}");
    let out = jobdeck(&home)
        .args(["bookmarks", "remove", "Evil"])
        .assert()
        .success()
        .get_output()
        .clone();
    let said = format!("{}{}", stdout_text(&out), stderr(&out));
    assert!(!said.contains('\u{1b}'), "{said:?}");
    assert!(said.contains(&id), "{said}");
}

fn stdout_text(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A hand-edited or imported file with list names that are not "clean" keeps every bookmark
/// on its list (tidied), across a save by the command line.
#[test]
fn lists_with_untidy_names_keep_their_bookmarks_across_a_save() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 1);
    let file = store_file(&home);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    let long = "L".repeat(101);
    let text = format!(
        r#"{{"version": 1, "lists": ["Saved", "Dream  jobs", "Later ", "{long}"],
           "bookmarks": {{
             "aaaa000000000001": {{"snapshot": {{"title": "One"}}, "lists": ["Dream  jobs"]}},
             "aaaa000000000002": {{"snapshot": {{"title": "Two"}}, "lists": ["Later "]}},
             "aaaa000000000003": {{"snapshot": {{"title": "Three"}}, "lists": ["{long}"]}}
           }}}}"#
    );
    fs::write(&file, text).unwrap();
    ok_here(&home, &["bookmarks", "add", "'k01", arg(&dir)]);
    let s = Shortlists::from_json(&fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(s.bookmarks.len(), 4, "nothing dropped");
    assert_eq!(s.get("aaaa000000000001").unwrap().lists, ["Dream jobs"]);
    assert_eq!(s.get("aaaa000000000002").unwrap().lists, ["Later"]);
    assert_eq!(s.get("aaaa000000000003").unwrap().lists, ["L".repeat(100)]);
    assert!(strays_of(&file).is_empty(), "nothing set aside");
}

/// A store written with a byte order mark, or `"version": 1.0`, is read, not set aside; a
/// symlinked store is written at its target.
#[test]
fn a_store_with_a_bom_a_float_version_or_behind_a_link_is_used_as_it_is() {
    let home = tempfile::tempdir().unwrap();
    let dir = postings(&home, 2);
    let sync = home.path().join("Sync");
    fs::create_dir_all(&sync).unwrap();
    let target = sync.join("shortlists.json");
    fs::write(
        &target,
        "\u{feff}{\"version\": 1.0, \"lists\": [\"Saved\"], \"bookmarks\": {\"aaaa000000000001\": {\"snapshot\": {\"title\": \"Kept\"}, \"lists\": [\"Saved\"]}}}",
    )
    .unwrap();
    let file = store_file(&home);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&target, &file).unwrap();
    ok_here(&home, &["bookmarks", "add", "'k02", arg(&dir)]);
    assert!(
        fs::symlink_metadata(&file)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let s = Shortlists::from_json(&fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(s.bookmarks.len(), 2);
    assert!(s.get("aaaa000000000001").is_some());
    assert!(strays_of(&file).is_empty());
    assert!(strays_of(&target).is_empty());
}

/// Files next to `file` other than it and its lock (set-aside copies, temp files).
fn strays_of(file: &Path) -> Vec<String> {
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| *n != name && *n != format!("{name}.lock"))
        .collect()
}
