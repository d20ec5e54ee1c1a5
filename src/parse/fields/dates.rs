//! When the posting was published, and where to apply: labelled dates and links, a page
//! header's age badge ("3d ago"), else a link the text names near words that say "apply".

use std::sync::LazyLock;

use regex::Regex;

use super::super::doc::{Key, Origin};
use super::Ctx;
use crate::posting::FieldSource;

/// "1mo ago", "3 days ago", "Posted 2 weeks ago", "today", "2026-10-02".
pub fn posted_from_label(s: &str) -> Option<String> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:posted\s*:?\s*|date\s+posted\s*:?\s*|published\s*:?\s*)?(?P<v>(?:about\s+|over\s+)?(?:an?|\d{1,3}\+?)\s*(?:mo|mos|months?|w|wk|wks|weeks?|d|days?|h|hr|hrs|hours?|m|min|mins|minutes?|y|yr|yrs|years?)\s+ago|today|yesterday|just\s+(?:now|posted)|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?|\d{1,2}/\d{1,2}/\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4})$",
        )
        .expect("valid regex")
    });
    let s = s.trim();
    RE.captures(s)
        .and_then(|c| c.name("v"))
        .map(|m| m.as_str().to_string())
}

/// A link as a text writes it: a bar or a brace ends it (a link written inside a table's cell
/// or a quoted string, OCaml's `{js|https://…|js}`, is no part of what surrounds it), and so
/// does the punctuation of the sentence around it.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"https?://[^\s<>"'()\[\]|{}]+[^\s<>"'()\[\].,;:!?|{}]"#).expect("valid regex")
});

/// The links a text writes, in order.
pub fn links(text: &str) -> impl Iterator<Item = &str> {
    URL.find_iter(text).map(|m| m.as_str())
}

/// A URL for applying, named in the text near words that say so.
pub fn url_from_text(text: &str) -> Option<String> {
    static APPLY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:apply|application|careers|jobs|job\s+posting|position|opening)\b")
            .expect("valid regex")
    });
    text.lines()
        .filter(|l| APPLY.is_match(l))
        .find_map(|l| URL.find(l))
        .map(|m| m.as_str().to_string())
}

/// Resolves the date posted: a labelled date, else an age badge of the header.
pub fn posted(ctx: &Ctx<'_>) -> Option<(String, FieldSource)> {
    if let Some((t, o)) = ctx.doc.texts(Key::Posted).next() {
        let v = posted_from_label(t).unwrap_or_else(|| t.to_string());
        return Some((v, o.source()));
    }
    ctx.doc
        .texts(Key::Badge)
        .find_map(|(t, o)| posted_from_label(t).map(|d| (d, o.source())))
}

/// Resolves the link: a labelled http(s) link (the strongest origin first), else one the text
/// names to apply.
pub fn url(ctx: &Ctx<'_>) -> Option<(String, FieldSource)> {
    let mut best: Option<(&str, Origin)> = None;
    for (u, o) in ctx.doc.texts(Key::Url) {
        if !(u.starts_with("http://") || u.starts_with("https://")) {
            continue;
        }
        if best.is_none_or(|b| o.strength() > b.1.strength()) {
            best = Some((u, o));
        }
    }
    if let Some((u, o)) = best {
        return Some((u.to_string(), o.source()));
    }
    url_from_text(&ctx.full).map(|u| (u, FieldSource::Text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posted_labels() {
        assert_eq!(posted_from_label("1mo ago").as_deref(), Some("1mo ago"));
        assert_eq!(
            posted_from_label("Posted 3 days ago").as_deref(),
            Some("3 days ago")
        );
        assert_eq!(
            posted_from_label("2026-10-02").as_deref(),
            Some("2026-10-02")
        );
        assert_eq!(
            posted_from_label("Oct 2, 2026").as_deref(),
            Some("Oct 2, 2026")
        );
        assert_eq!(posted_from_label("Full-time"), None);
    }

    #[test]
    fn apply_urls() {
        assert_eq!(
            url_from_text("Apply here: https://jobs.example.com/123.\nhttps://other.example")
                .as_deref(),
            Some("https://jobs.example.com/123")
        );
        assert_eq!(url_from_text("Our blog: https://blog.example.com"), None);
        assert_eq!(
            url_from_text("; link = {js|https://tarides.com/jobs/engineer|js}").as_deref(),
            Some("https://tarides.com/jobs/engineer")
        );
    }
}
