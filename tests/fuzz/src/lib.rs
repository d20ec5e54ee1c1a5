//! Helpers shared by the fuzz targets.

pub mod checks;

use jobdeck::parse::{self, SkipReason};
use jobdeck::posting::{Format, Posting};

pub use checks::{SOURCES, split_source};

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
