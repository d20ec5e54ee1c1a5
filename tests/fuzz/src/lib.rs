//! Helpers shared by the fuzz targets.

pub mod checks;

use jobdeck::parse::{self, SkipReason};
use jobdeck::posting::{Format, Posting};

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
];

/// Splits an input into a source name (chosen by its first byte) and the file's bytes.
pub fn split_source(data: &[u8]) -> Option<(&'static str, &[u8])> {
    let (&first, rest) = data.split_first()?;
    Some((SOURCES[first as usize % SOURCES.len()], rest))
}

/// Checks what a parse returned: postings that hold the invariants, or a skip reason whose
/// message is clean.
pub fn check_result(result: &Result<Vec<Posting>, SkipReason>, source: &str) {
    match result {
        Ok(postings) => {
            assert!(!postings.is_empty(), "Ok with no posting");
            for p in postings {
                checks::check_posting(p, source);
            }
        }
        Err(reason) => {
            let msg = reason.to_string();
            assert!(
                jobdeck::sanitize::is_clean(&msg),
                "skip reason holds control characters: {msg:?}"
            );
        }
    }
}

/// Decodes bytes as a file would be, and runs the parser of `format` on them.
pub fn fuzz_parser(data: &[u8], format: Format, source: &str) {
    let Ok(text) = parse::decode::decode(data) else {
        return;
    };
    let result = parse::parse_as(&text, source, format);
    check_result(&result, source);
}
