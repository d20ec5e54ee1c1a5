//! Text → postings. Pure: bytes (or text) and a source name in, postings or a skip reason out.
//!
//! The pipeline: [`decode`] (encoding, sanitizing) → [`detect`] (which format) → the format's
//! parser (fills what the format labels, splits the description) → [`fields::fill_from_text`]
//! (infers the rest) → [`fields::finish`] (cleans fields, derives the id).

pub mod board;
pub mod body;
pub mod csvfile;
pub mod decode;
pub mod detect;
pub mod fields;
pub mod hn;
pub mod html;
pub mod html_text;
pub mod json;
pub mod jsonld;
pub mod markdown;
pub mod record;
pub mod text;

use thiserror::Error;

use crate::posting::{Format, Posting};

/// Why a file gave no postings. Displayed as the one-line reason of `skipped <path>: <reason>`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SkipReason {
    #[error("empty file")]
    Empty,
    #[error("not text: {0}")]
    Binary(String),
    #[error("no posting found: {0}")]
    NoPosting(String),
    #[error("malformed {format}: {detail}")]
    Malformed {
        format: &'static str,
        detail: String,
    },
    #[error("too large: {size} bytes (limit {limit})")]
    TooLarge { size: u64, limit: u64 },
    #[error("{0}")]
    Unreadable(String),
}

/// A decoded document about to be parsed.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// Sanitized text.
    pub text: &'a str,
    /// Where it came from (also carries the file extension, a format hint).
    pub source: &'a str,
}

/// Parses a file's bytes.
pub fn parse_bytes(bytes: &[u8], source: &str) -> Result<Vec<Posting>, SkipReason> {
    let text = decode::decode(bytes)?;
    parse_text(&text, source)
}

/// Parses decoded, sanitized text.
pub fn parse_text(text: &str, source: &str) -> Result<Vec<Posting>, SkipReason> {
    let doc = Document { text, source };
    let format = detect::detect(&doc);
    let mut postings = match format {
        Format::Json => json::parse(&doc)?,
        Format::Html => html::parse(&doc)?,
        Format::Csv => csvfile::parse(&doc)?,
        Format::Markdown => markdown::parse(&doc)?,
        Format::Hn => hn::parse(&doc)?,
        Format::Board => board::parse(&doc)?,
        Format::Text => text::parse(&doc)?,
    };
    // A posting with no title, no company and next to no text is not a posting.
    postings.retain(|p| {
        p.title.is_some()
            || p.company.is_some()
            || p.description_text().trim().chars().count() >= 20
    });
    for p in &mut postings {
        p.source = source.to_string();
        // Parsers of several formats mark their postings; the others take the detected one.
        if p.format == Format::Text {
            p.format = format;
        }
        fields::fill_from_text(p);
        fields::finish(p);
    }
    if postings.is_empty() {
        return Err(SkipReason::NoPosting(
            "nothing that reads as a job posting".into(),
        ));
    }
    Ok(postings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_a_reason_not_a_panic() {
        assert_eq!(parse_bytes(b"", "x"), Err(SkipReason::Empty));
        assert!(matches!(
            parse_bytes(b"\x00\x01\x02binary", "x"),
            Err(SkipReason::Binary(_))
        ));
        assert_eq!(SkipReason::Empty.to_string(), "empty file");
    }

    #[test]
    fn a_short_text_still_parses() {
        let p = parse_text(
            "Acme is hiring a Rust Developer. Remote. $100k-120k per year.",
            "a.txt",
        )
        .unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].source, "a.txt");
        assert!(p[0].salary.is_some());
    }
}
