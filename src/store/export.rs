//! Exporting shortlists: Markdown (a table per list, for reading and pasting), CSV (one row per
//! bookmark, for spreadsheets) and JSON (the store's own format, which `bookmarks import` reads).
//!
//! Markdown and CSV text is sanitized (no control characters or escape sequences reach a
//! terminal or a spreadsheet); JSON is the file itself, escaped by the JSON writer.

use super::{Bookmark, Shortlists};
use crate::sanitize::{clean_field, sanitize};

/// The CSV columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "title",
    "company",
    "locations",
    "salary",
    "lists",
    "status",
    "status_date",
    "note",
    "url",
    "source",
    "hidden",
    "added",
    "updated",
];

/// The JSON export: the shortlists file itself (importable with `bookmarks import`).
pub fn json(s: &Shortlists) -> String {
    s.to_json()
}

/// One CSV row per bookmark (oldest first) after a header row of [`CSV_COLUMNS`]. Multi-valued
/// cells (locations, lists) are joined with "; ".
pub fn csv(s: &Shortlists) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS)?;
    for b in s.sorted() {
        let snap = &b.snapshot;
        let row = [
            b.id.clone(),
            snap.title.clone().unwrap_or_default(),
            snap.company.clone().unwrap_or_default(),
            snap.locations.join("; "),
            snap.salary.as_ref().map(|s| s.long()).unwrap_or_default(),
            b.lists.join("; "),
            b.status.map(|s| s.to_string()).unwrap_or_default(),
            b.status_date().unwrap_or_default().to_string(),
            b.note.clone().unwrap_or_default(),
            snap.url.clone().unwrap_or_default(),
            snap.source.clone(),
            b.hidden.to_string(),
            b.added.map(super::stamp::text).unwrap_or_default(),
            b.updated.map(super::stamp::text).unwrap_or_default(),
        ];
        w.write_record(row.iter().map(|c| csv_cell(c)))?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// A sanitized cell that a spreadsheet will not run as a formula (a leading `=`, `+`, `-` or
/// `@` gets a `'` in front, as OWASP advises against CSV injection).
fn csv_cell(s: &str) -> String {
    let s = sanitize(s);
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    }
}

/// A Markdown document: a table per list (in list order), then the hidden postings and those
/// kept only for a note or status.
pub fn markdown(s: &Shortlists) -> String {
    let sorted = s.sorted();
    let mut out = String::from("# Shortlists\n");
    for list in &s.lists {
        let rows: Vec<&Bookmark> = sorted
            .iter()
            .copied()
            .filter(|b| b.lists.contains(list))
            .collect();
        // Empty lists too: the document shows every list the user made.
        section(&mut out, &clean_field(list), &rows);
    }
    let hidden: Vec<&Bookmark> = sorted.iter().copied().filter(|b| b.hidden).collect();
    if !hidden.is_empty() {
        section(&mut out, "Hidden (not interested)", &hidden);
    }
    let loose: Vec<&Bookmark> = sorted
        .iter()
        .copied()
        .filter(|b| b.lists.is_empty() && !b.hidden)
        .collect();
    if !loose.is_empty() {
        section(&mut out, "Not on a list", &loose);
    }
    out
}

fn section(out: &mut String, heading: &str, rows: &[&Bookmark]) {
    out.push_str(&format!("\n## {} ({})\n\n", md_text(heading), rows.len()));
    if rows.is_empty() {
        out.push_str("_(empty)_\n");
        return;
    }
    out.push_str("| Title | Company | Locations | Salary | Status | Note |\n");
    out.push_str("|---|---|---|---|---|---|\n");
    for b in rows {
        let snap = &b.snapshot;
        let title = md_cell(snap.title.as_deref().unwrap_or("(untitled)"));
        let title = match snap.url.as_deref().filter(|u| is_plain_url(u)) {
            Some(u) => format!("[{title}]({u})"),
            None => title,
        };
        let status = match (b.status, b.status_date()) {
            (Some(s), Some(d)) => format!("{s} ({d})"),
            (Some(s), None) => s.to_string(),
            _ => String::new(),
        };
        let cells = [
            title,
            md_cell(snap.company.as_deref().unwrap_or("")),
            md_cell(&snap.locations.join("; ")),
            md_cell(
                &snap
                    .salary
                    .as_ref()
                    .map(|s| s.compact())
                    .unwrap_or_default(),
            ),
            md_cell(&status),
            md_cell(b.note.as_deref().unwrap_or("")),
        ];
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
}

/// A URL safe to put in a Markdown link as is.
fn is_plain_url(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://"))
        && !u
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>'))
}

/// Text for a table cell: sanitized, `|` and Markdown/HTML specials escaped, lines joined with
/// `<br>`.
fn md_cell(s: &str) -> String {
    sanitize(s)
        .lines()
        .map(md_text)
        .collect::<Vec<_>>()
        .join("<br>")
}

fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean_field(s).chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}
