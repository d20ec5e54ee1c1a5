//! Replays the fuzz corpus kept in the repository (`tests/fuzz/corpus/<target>/`) through the
//! same entry points and the same invariants as the fuzz targets (`tests/fuzz/`), so CI runs
//! every interesting input the fuzzer found — and every crash it found, once fixed, stays
//! fixed (crashes are added to the corpus as regression inputs).

#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

use jobdeck::parse::{self, SkipReason};
use jobdeck::posting::{Format, Posting};
use jobdeck::search::Query;
use jobdeck::store::Shortlists;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/corpus")
        .join(target);
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "the {target} corpus is empty");
    out
}

fn check(result: &Result<Vec<Posting>, SkipReason>, source: &str, input: &Path) {
    match result {
        Ok(postings) => {
            assert!(
                !postings.is_empty(),
                "{}: Ok with no posting",
                input.display()
            );
            for p in postings {
                checks::check_posting(p, source);
            }
        }
        Err(reason) => assert!(
            jobdeck::sanitize::is_clean(&reason.to_string()),
            "{}: unclean reason",
            input.display()
        ),
    }
}

#[test]
fn parse_any_and_detect() {
    for target in ["parse_any", "detect"] {
        for (path, data) in inputs(target) {
            let Some((source, bytes)) = checks::split_source(&data) else {
                continue;
            };
            check(&parse::parse_bytes(bytes, source), source, &path);
        }
    }
}

#[test]
fn each_parser() {
    for (target, format, source) in [
        ("parse_text", Format::Text, "fuzz.txt"),
        ("parse_board", Format::Board, "fuzz.txt"),
        ("parse_html", Format::Html, "fuzz.html"),
        ("parse_json", Format::Json, "fuzz.json"),
        ("parse_csv", Format::Csv, "fuzz.csv"),
        ("parse_markdown", Format::Markdown, "fuzz.md"),
        ("parse_hn", Format::Hn, "fuzz.txt"),
        ("parse_email", Format::Email, "fuzz.eml"),
    ] {
        for (path, data) in inputs(target) {
            let Ok(text) = parse::decode::decode(&data) else {
                continue;
            };
            check(&parse::parse_as(&text, source, format), source, &path);
        }
    }
}

#[test]
fn queries_parse_and_print_back() {
    for (path, data) in inputs("query") {
        let text = String::from_utf8_lossy(&data);
        let q = Query::parse(&text);
        assert_eq!(
            Query::parse(&q.to_string()),
            q,
            "{}: Display round trip",
            path.display()
        );
    }
}

#[test]
fn shortlists_load_and_save_back() {
    for (path, data) in inputs("shortlists") {
        let Ok(text) = std::str::from_utf8(&data) else {
            continue;
        };
        let Ok(s) = Shortlists::from_json(text) else {
            continue;
        };
        let back = Shortlists::from_json(&s.to_json())
            .unwrap_or_else(|e| panic!("{}: a saved file loads: {e}", path.display()));
        assert_eq!(back, s, "{}: save and re-load", path.display());
    }
}
