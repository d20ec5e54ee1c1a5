//! The command line, run as a user would: exit codes, JSON output, messages.

use crate::common;

use assert_cmd::Command;
use common::{exit, run_here};
use predicates::prelude::*;
use serde_json::Value;

/// A jobdeck command isolated from the user's config and data.
fn jobdeck(home: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("jobdeck").unwrap();
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .current_dir(home.path());
    cmd
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("valid JSON")
}

#[test]
fn parse_without_paths_reads_the_built_in_seeds() {
    let home = tempfile::tempdir().unwrap();
    let (code, out) = run_here(home.path(), &["parse"]);
    assert_eq!(code, exit(0));
    let v = json(&out);
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    let sources: Vec<&str> = arr.iter().map(|p| p["source"].as_str().unwrap()).collect();
    assert_eq!(
        sources,
        [
            "seeds/000_94174371cd32a0e1.txt",
            "seeds/001_a4c3ee89e374db77.txt"
        ]
    );
    for key in [
        "id",
        "source",
        "format",
        "title",
        "company",
        "team",
        "locations",
        "work_mode",
        "employment_type",
        "seniority",
        "experience_years",
        "salary",
        "skills",
        "benefits",
        "posted",
        "url",
        "sections",
        "warnings",
    ] {
        assert!(arr[0].get(key).is_some(), "missing key {key}");
    }
    assert_eq!(arr[0]["salary"]["min"], 180000);
    assert_eq!(arr[1]["salary"], Value::Null);
}

#[test]
fn parse_seeds_folder_gives_the_same_postings() {
    let home = tempfile::tempdir().unwrap();
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let parse = |args: &[&str]| {
        let (code, out) = run_here(home.path(), args);
        assert_eq!(code, exit(0), "{args:?}");
        json(&out)
    };
    let from_dir = parse(&["parse", seeds]);
    let built_in = parse(&["parse"]);
    let ids = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&from_dir), ids(&built_in));
}

#[test]
fn postings_env_var_and_config_choose_the_default_folder() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("mine");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Rust Developer\nCompany: Ferrous\nWe write Rust.",
    )
    .unwrap();
    let out = jobdeck(&home)
        .arg("parse")
        .env("JOBDECK_POSTINGS", &dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(json(&out)[0]["company"], "Ferrous");

    std::fs::create_dir_all(home.path().join("config/jobdeck")).unwrap();
    std::fs::write(
        home.path().join("config/jobdeck/config.toml"),
        format!("postings_dir = {:?}\n", dir),
    )
    .unwrap();
    let (code, out) = run_here(home.path(), &["parse"]);
    assert_eq!(code, exit(0));
    assert_eq!(json(&out)[0]["company"], "Ferrous");
}

#[test]
fn missing_path_is_a_clear_error_with_exit_2() {
    let home = tempfile::tempdir().unwrap();
    jobdeck(&home)
        .args(["parse", "no/such/folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no/such/folder: no such file or folder",
        ));
}

#[test]
fn bad_files_are_skipped_with_a_reason_and_the_rest_parsed() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("mixed");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("blank.txt"), "  \n\n\t").unwrap();
    std::fs::write(dir.join("binary.bin"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    std::fs::write(
        dir.join("good.txt"),
        "Staff Engineer\nCompany: Initech\nPay: $150k-$200k",
    )
    .unwrap();
    let assert = jobdeck(&home).args(["parse"]).arg(&dir).assert().success();
    let out = assert.get_output();
    let v = json(&out.stdout);
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["company"], "Initech");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("blank.txt: empty file"), "{err}");
    assert!(err.contains("binary.bin: not text"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("skipped ")).count(),
        3,
        "{err}"
    );
}

#[test]
fn search_trust_ranks_product_trust_first() {
    let home = tempfile::tempdir().unwrap();
    let (code, out) = run_here(home.path(), &["search", "trust", "--json"]);
    assert_eq!(code, exit(0));
    let v = json(&out);
    assert!(v[0]["title"].as_str().unwrap().contains("Product Trust"));
    assert!(v[0]["score"].as_i64().unwrap() > 0);
}

#[test]
fn search_is_json_when_piped_and_respects_limit() {
    let home = tempfile::tempdir().unwrap();
    // The process, its output a pipe: JSON, at most one posting, and exit status 0 (something
    // matched).
    let out = jobdeck(&home)
        .args(["search", "postman", "--limit", "1"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(json(&out).as_array().unwrap().len(), 1);
}

#[test]
fn search_query_language_from_the_command_line() {
    let home = tempfile::tempdir().unwrap();
    let titles = |q: &str| -> Vec<String> {
        let (status, out) = run_here(home.path(), &["search", q, "--json"]);
        let found: Vec<String> = json(&out)
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["title"].as_str().unwrap_or("").to_string())
            .collect();
        // Like grep: 0 when something matched, 1 when nothing did.
        let want = if found.is_empty() { 1 } else { 0 };
        assert_eq!(status, std::process::ExitCode::from(want), "{q}");
        found
    };
    assert_eq!(titles("postman").len(), 2);
    assert_eq!(titles("postman !trust").len(), 1);
    assert_eq!(titles("mode:onsite").len(), 1);
    assert_eq!(titles("text:mixpanel").len(), 0, "tags are not description");
    assert_eq!(titles("skill:mixpanel").len(), 1);
    assert_eq!(titles("text:\"graphic novel\"").len(), 2);
    // One seed says "Bengaluru", the other "Bangalore": the same city.
    assert_eq!(titles("loc:bengaluru").len(), 2);
    assert_eq!(titles("loc:india").len(), 2);
    assert!(titles("zzzzqqq").is_empty());
    // The process itself exits as `run` says: 1 when nothing matched (0 when something did:
    // `search_is_json_when_piped_and_respects_limit`).
    jobdeck(&home).args(["search", "zzzzqqq"]).assert().code(1);
}

#[test]
fn a_bad_query_is_named_and_exits_2() {
    let home = tempfile::tempdir().unwrap();
    jobdeck(&home)
        .args(["search", "foo:bar"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unknown field foo:"));
    jobdeck(&home)
        .args(["search", "mode:xyz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("mode: remote, hybrid or onsite"));
}

#[test]
fn help_lists_examples_and_query_language() {
    let home = tempfile::tempdir().unwrap();
    jobdeck(&home)
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
    jobdeck(&home)
        .args(["search", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("text:kubernetes"));
}

#[test]
fn parse_output_is_deterministic_across_runs() {
    // Separate processes get different hash seeds: output must not depend on map order.
    let home = tempfile::tempdir().unwrap();
    // The labelled sets: every format, many languages (all of tests/fixtures is slow in a
    // debug build, parsed four times).
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/labelled");
    // Four processes at once (no core waits on one process's single-threaded start), each with
    // a cache folder of its own that starts empty, so that each parses everything.
    let home = home.path();
    let outputs: Vec<Vec<u8>> = std::thread::scope(|s| {
        let runs: Vec<_> = (0..4)
            .map(|i| {
                s.spawn(move || {
                    common::isolated(env!("CARGO_BIN_EXE_jobdeck"), home)
                        .env("JOBDECK_CACHE_DIR", home.join(format!("nocache{i}")))
                        .args(["parse", fixtures])
                        .stdin(std::process::Stdio::null())
                        .output()
                        .expect("run jobdeck")
                })
            })
            .collect();
        runs.into_iter()
            .map(|r| {
                let out = r.join().expect("a run");
                assert!(
                    out.status.success(),
                    "jobdeck parse failed: {:?}",
                    out.status
                );
                out.stdout
            })
            .collect()
    });
    for other in &outputs[1..] {
        assert!(*other == outputs[0], "two runs printed different postings");
    }
}

#[test]
fn the_browser_without_a_terminal_says_what_works_instead() {
    let home = tempfile::tempdir().unwrap();
    jobdeck(&home)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the browser needs a terminal"))
        .stderr(predicate::str::contains("jobdeck parse"));
}
