//! Which parser reads a document, decided from its content (the extension is only a hint).

use super::fields::{employment, posted_from_label, work_mode};
use super::{Document, csvfile, hn, html, html_text, json, markdown};
use crate::posting::Format;

/// Widgets of job-board pages that follow the description.
pub const BOARD_WIDGETS: &[&str] = &[
    "Total Views",
    "Apply Clicks",
    "Mock Applicants",
    "Scraps",
    "Similar Jobs",
    "Similar jobs",
    "Related Jobs",
    "More Jobs",
    "People also viewed",
    "Recommended Jobs",
    "Reviews",
    "Salary Ranges",
    "Interview Experience",
    "News & Buzz",
    "Report this job",
    "Report Job",
];

/// Labelled lists that job boards show above the description.
pub const BOARD_TAG_HEADINGS: &[&str] = &[
    "Benefits & Perks",
    "Benefits",
    "Perks",
    "Required Skills",
    "Skills",
    "Tech Stack",
    "Tags",
    "Preferred Skills",
];

/// Picks the format of a document from its content; the file extension only breaks ties
/// (a `.csv` file whose header is unusual, a `.md` file with little Markdown syntax).
///
/// Order: JSON (an object or array at the start), HTML (a document or block markup), Markdown
/// front matter, a Hacker News thread, a CSV header, a Hacker News post header, a job-board
/// scrape, Markdown syntax, plain text.
pub fn detect(doc: &Document<'_>) -> Format {
    let text = doc.text;
    let ext = extension(doc.source);
    let trimmed = text.trim_start();
    if json::looks_like_json(text)
        || (matches!(ext.as_str(), "json" | "jsonl" | "ndjson" | "geojson")
            && trimmed.starts_with(['{', '[']))
    {
        return Format::Json;
    }
    if html::looks_like_html(text, doc.source) {
        return Format::Html;
    }
    if markdown::split_front_matter(text).is_some() {
        return Format::Markdown;
    }
    if csvfile::header_delimiter(text).is_some()
        && (matches!(ext.as_str(), "csv" | "tsv") || text.lines().nth(1).is_some())
    {
        return Format::Csv;
    }
    // A .csv file with an unusual header is still a table (and says so when it holds no posting).
    if matches!(ext.as_str(), "csv" | "tsv")
        && text
            .lines()
            .next()
            .is_some_and(|l| l.contains([',', '\t', ';']) && l.chars().count() <= 2_000)
    {
        return Format::Csv;
    }
    if matches!(ext.as_str(), "md" | "markdown" | "mdown" | "mkd") && !hn::looks_like_thread(text) {
        return Format::Markdown;
    }
    match detect_text(doc) {
        Format::Text if markdown::looks_markdown(text) => Format::Markdown,
        other => other,
    }
}

/// The format of a text without markup: a Hacker News thread or post, a job-board scrape, or
/// plain text.
pub fn detect_text(doc: &Document<'_>) -> Format {
    let text = doc.text;
    // An HN comment copied with its markup ("Acme | Engineer | NYC<p>We build…").
    let probe: std::borrow::Cow<'_, str> = if text.contains("<p>") && html_text::has_markup(text) {
        let head: String = text.chars().take(4096).collect();
        html_text::fragment_to_text(&head).into()
    } else {
        text.into()
    };
    if hn::looks_like_thread(&probe) || hn::looks_like_post(&probe) {
        Format::Hn
    } else if looks_like_board(text) {
        Format::Board
    } else {
        Format::Text
    }
}

/// The lowercased extension of a source path ("" when none).
fn extension(source: &str) -> String {
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_lowercase(),
        _ => String::new(),
    }
}

/// A job-board page scrape: a header of short labelled lines ("On-site", "Full-time", "1mo ago",
/// "·" separators) near the top, tag lists, and page widgets after the description.
pub fn looks_like_board(text: &str) -> bool {
    let head: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(30)
        .collect();
    let header_signals = head
        .iter()
        .filter(|l| {
            l.chars().count() <= 40
                && (**l == "·"
                    || work_mode::from_label(l).is_some()
                    || employment::employment_from_label(l).is_some()
                    || posted_from_label(l).is_some()
                    || BOARD_TAG_HEADINGS.contains(l))
        })
        .count();
    let widgets = text
        .lines()
        .map(str::trim)
        .filter(|l| BOARD_WIDGETS.contains(l))
        .count();
    header_signals >= 3 || (header_signals >= 2 && widgets >= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> Format {
        detect(&Document {
            text,
            source: "x.txt",
        })
    }

    #[test]
    fn board_pages_and_plain_text() {
        let board = "Senior Engineer\nBerlin, Germany\n·\nRemote\n·\nFull-time\n·\n2d ago\nAbout the role\n…";
        assert_eq!(fmt(board), Format::Board);
        let text =
            "Acme is the leading maker of anvils.\nWe are hiring a remote, full-time engineer.";
        assert_eq!(fmt(text), Format::Text);
    }

    fn fmt_at(text: &str, source: &str) -> Format {
        detect(&Document { text, source })
    }

    #[test]
    fn every_format_from_content() {
        assert_eq!(fmt("{\"@type\": \"JobPosting\"}"), Format::Json);
        assert_eq!(fmt("[{\"title\": \"x\"}]\n"), Format::Json);
        assert_eq!(fmt("{\"a\":1}\n{\"a\":2}\n"), Format::Json);
        assert_eq!(
            fmt("<!DOCTYPE html><html><body>x</body></html>"),
            Format::Html
        );
        assert_eq!(fmt("<div><p>Engineer</p></div>"), Format::Html);
        assert_eq!(fmt("---\ntitle: x\n---\nbody"), Format::Markdown);
        assert_eq!(
            fmt("# Engineer\n\n**Acme** is hiring: [apply](https://a.example)"),
            Format::Markdown
        );
        assert_eq!(
            fmt("title,company,location\nEngineer,Acme,Berlin\n"),
            Format::Csv
        );
        assert_eq!(
            fmt("Acme | Senior Engineer | Berlin, Germany | ONSITE\nWe build."),
            Format::Hn
        );
        assert_eq!(
            fmt("Acme | Senior Engineer | NYC<p>We&#x27;re hiring.<p>More."),
            Format::Hn
        );
        assert_eq!(
            fmt("[Remote] Senior Engineer at Acme\nWe build."),
            Format::Text
        );
    }

    #[test]
    fn extension_breaks_ties() {
        assert_eq!(fmt_at("{", "a.json"), Format::Json);
        assert_eq!(
            fmt_at("Senior Engineer\nWe build.", "a.md"),
            Format::Markdown
        );
        assert_eq!(fmt_at("Senior Engineer\nWe build.", "a.txt"), Format::Text);
        assert_eq!(extension("dir.v2/file"), "");
        assert_eq!(extension("a/b.JSONL"), "jsonl");
    }
}
