//! The invariants every fuzz target asserts on what the library returns. Shared with the main
//! crate's `tests/it/fuzz_corpus.rs` (included there with `#[path]`), so a regression test
//! checks exactly what the fuzzer checked.

use jobdeck::posting::Posting;
use jobdeck::sanitize::{clean_field, is_clean};

/// What `jobdeck::parse` promises about each posting it returns:
/// - headline fields (title, company, team, posted, url, locations, skills, benefits) are
///   cleaned single-line values: `clean_field(v) == v` (no control or zero-width characters,
///   no escape sequences, no newlines, no surrounding or repeated whitespace) and non-empty;
/// - the url, when kept, is http(s);
/// - every other text (description sections, company card, related jobs, warnings) holds no
///   control character but newline and tab, no escape sequence, no bidi control (`is_clean`);
/// - a salary has a bound, its bounds are finite and positive, and `min <= max`;
/// - the id is 16 hex digits and the source is the one given.
pub fn check_posting(p: &Posting, source: &str) {
    let headline = |what: &str, v: &str| {
        assert!(!v.is_empty(), "{what} is empty");
        assert_eq!(clean_field(v), v, "{what} is not a clean field");
    };
    let text = |what: &str, v: &str| {
        assert!(is_clean(v), "{what} holds control characters: {v:?}");
    };
    let posted = p.posted.as_ref().map(ToString::to_string);
    for (what, v) in [
        ("title", &p.title),
        ("company", &p.company),
        ("team", &p.team),
        ("posted", &posted),
        ("url", &p.url),
    ] {
        if let Some(v) = v {
            headline(what, v);
        }
    }
    for (what, list) in [
        ("location", &p.locations),
        ("skill", &p.skills),
        ("benefit", &p.benefits),
    ] {
        for v in list {
            headline(what, v);
        }
    }
    if let Some(u) = &p.url {
        assert!(
            u.starts_with("http://") || u.starts_with("https://"),
            "url {u:?} is not http(s)"
        );
    }
    for s in &p.sections {
        if let Some(h) = &s.heading {
            text("section heading", h);
        }
        text("section body", &s.body);
    }
    if let Some(c) = &p.company_info {
        for v in [
            &c.name,
            &c.stage,
            &c.about,
            &c.size,
            &c.headquarters,
            &c.valuation,
        ]
        .into_iter()
        .flatten()
        {
            text("company info", v);
        }
    }
    for r in &p.related {
        text("related title", &r.title);
        for v in [&r.company, &r.location].into_iter().flatten() {
            text("related job", v);
        }
    }
    for w in &p.warnings {
        text("warning", w);
    }
    if let Some(s) = &p.salary {
        assert!(s.min.is_some() || s.max.is_some(), "salary without bounds");
        for v in [s.min, s.max].into_iter().flatten() {
            assert!(v.is_finite() && v > 0.0, "salary bound {v}");
        }
        if let (Some(a), Some(b)) = (s.min, s.max) {
            assert!(a <= b, "salary min {a} > max {b}");
        }
        headline("salary currency", &s.currency);
    }
    assert!(
        p.id.len() == 16 && p.id.bytes().all(|b| b.is_ascii_hexdigit()),
        "id {:?}",
        p.id
    );
    assert_eq!(p.source, source);
    assert!(p.duplicate_of.is_none());
}

/// File names the format detector and the parsers may be given: the extension is a hint.
pub const SOURCES: &[&str] = &[
    "fuzz.txt",
    "fuzz.json",
    "fuzz.jsonl",
    "fuzz.html",
    "fuzz.htm",
    "fuzz.csv",
    "fuzz.tsv",
    "fuzz.md",
    "fuzz",
    "dir.v2/fuzz",
    "fuzz.ndjson",
    "fuzz.xhtml",
    "fuzz.eml",
];

/// Splits an input into a source name (chosen by its first byte) and the file's bytes.
pub fn split_source(data: &[u8]) -> Option<(&'static str, &[u8])> {
    let (&first, rest) = data.split_first()?;
    Some((SOURCES[first as usize % SOURCES.len()], rest))
}
