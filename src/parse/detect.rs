//! Which reader unwraps a document, decided from its content (the extension is only a hint).

use super::readers::{board, csv, email, hn, html, json, markdown};
use super::{Document, html_text, markdown_text};
use crate::posting::Format;

/// Picks the format of a document from its content; the file extension only breaks ties
/// (a `.csv` file whose header is unusual, a `.md` file with little Markdown syntax).
///
/// Order: JSON (an object or array at the start), HTML (a document or block markup), a saved
/// e-mail (a block of mail headers), Markdown front matter (YAML or TOML), a CSV header, a
/// Hacker News thread or post, a job-board scrape, Markdown syntax, plain text.
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
    // An XML feed goes to the HTML reader, which reads its records (or its text).
    if html::looks_like_html(text, doc.source) || super::readers::xml::looks_like_xml(text) {
        return Format::Html;
    }
    if ext == "eml" || email::looks_like_email(text) {
        return Format::Email;
    }
    if markdown::split_front_matter(text).is_some() {
        return Format::Markdown;
    }
    if csv::header_delimiter(text).is_some()
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
    if is_markdown_file(doc.source) && !hn::looks_like_thread(text) {
        return Format::Markdown;
    }
    match detect_text(doc) {
        Format::Text if markdown_text::looks_markdown(text) => Format::Markdown,
        other => other,
    }
}

/// The format of a text without markup: a Hacker News thread or post, a job-board scrape, or
/// plain text.
pub fn detect_text(doc: &Document<'_>) -> Format {
    let text = doc.text;
    // An HN comment copied with its markup ("Acme | Engineer | NYC<p>We build…").
    let probe: std::borrow::Cow<'_, str> = if html_text::breaks_lines_with_markup(text) {
        let head: String = text.chars().take(4096).collect();
        html_text::fragment_to_text(&head).into()
    } else {
        text.into()
    };
    if hn::looks_like_thread(&probe) || hn::looks_like_post(&probe) {
        Format::Hn
    } else if board::looks_like_board(text) {
        Format::Board
    } else {
        Format::Text
    }
}

/// Whether a file's name says it is Markdown.
pub fn is_markdown_file(source: &str) -> bool {
    matches!(
        extension(source).as_str(),
        "md" | "markdown" | "mdown" | "mkd" | "mdx"
    )
}

/// The lowercased extension of a source path ("" when none).
fn extension(source: &str) -> String {
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_lowercase(),
        _ => String::new(),
    }
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

    fn fmt_at(text: &str, source: &str) -> Format {
        detect(&Document { text, source })
    }

    #[test]
    fn a_server_pages_source_is_its_markup() {
        let php = "<?php //Jobs\necho(\"<div class=\\\"text_box\\\"><h2>Programátor PHP</h2><p>Hledáme.</p></div>\");\n?>";
        assert_eq!(fmt_at(php, "jobs.php"), Format::Html);
        assert_eq!(fmt_at(php, "jobs.txt"), Format::Text);
    }

    #[test]
    fn board_pages_and_plain_text() {
        let board = "Senior Engineer\nBerlin, Germany\n·\nRemote\n·\nFull-time\n·\n2d ago\nAbout the role\n…";
        assert_eq!(fmt(board), Format::Board);
        let text =
            "Acme is the leading maker of anvils.\nWe are hiring a remote, full-time engineer.";
        assert_eq!(fmt(text), Format::Text);
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
        assert_eq!(fmt("+++\ntitle = \"x\"\n+++\nbody"), Format::Markdown);
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
        assert_eq!(
            fmt("From: Jane <jane@acme.example>\nSubject: Rust Engineer\n\nHello."),
            Format::Email
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
