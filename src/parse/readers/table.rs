//! Tables of jobs: a Markdown pipe table whose header names a posting's columns (`| title |
//! company | location | job_type | apply |`), as job-board READMEs and scraper reports publish
//! them. Each row is a record, read like a CSV row; a row whose cells do not line up with the
//! header (an unescaped `|` inside a cell) is skipped with a note rather than read shifted.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

use super::super::doc::{Doc, Key, Origin};
use super::super::markdown_text::inline;
use super::super::vocab::{Label, vocab};
use super::record;
use crate::posting::Format;

/// Cells that say "no value" in exported tables (pandas writes `nan`).
const EMPTY_CELLS: [&str; 6] = ["nan", "NaN", "None", "null", "-", "—"];

/// The cells of one table line: `| a | b |` → ["a", "b"]. A `|` inside backticks, inside an
/// HTML tag or escaped as `\|` does not split.
fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut code, mut tag, mut escaped) = (false, false, false);
    for c in t.chars() {
        match c {
            '|' if !code && !tag && !escaped => {
                out.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            '`' if !escaped => code = !code,
            '<' if !code => tag = true,
            '>' if tag => tag = false,
            _ => {}
        }
        escaped = c == '\\' && !escaped;
        cur.push(c);
    }
    out.push(cur.trim().to_string());
    out
}

/// Whether a line is a table's delimiter row (`|:---|---:|`, or `|---|:-:|`: GFM asks for one
/// hyphen a cell).
fn is_delimiter(line: &str) -> bool {
    static DELIM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$").expect("valid regex")
    });
    DELIM.is_match(line)
}

/// A cell's value: its text without Markdown or HTML; for a link column, the address the cell
/// links to (the last link, so a badge's image address loses to its target).
fn cell_value(cell: &str, label: Option<Label>) -> Option<String> {
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\]\((https?://[^)\s]+)\)").expect("valid regex"));
    static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").expect("valid regex"));
    let link = LINK.captures_iter(cell).last().map(|c| c[1].to_string());
    if label == Some(Label::Key(Key::Url)) {
        return link.or_else(|| Some(cell.to_string()).filter(|c| c.starts_with("http")));
    }
    let text = inline(&TAG.replace_all(cell, " "));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() || EMPTY_CELLS.contains(&text.as_str()) {
        return None;
    }
    Some(text)
}

/// How sure a table's header is that its rows are jobs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Header {
    /// A title column and another posting column (company, place, pay, contract).
    Jobs,
    /// A title column beside only a date or a link (`| id | Title | Posted On |`): a list of
    /// headlines, jobs when most rows' titles name a role ("Ivy (YC W23) is hiring software
    /// engineers"), and not a blog's list of posts.
    Headlines,
}

/// Whether a table's header names a title column and another posting column.
fn jobs_header(labels: &[Option<Label>]) -> Option<Header> {
    let title = labels.contains(&Some(Label::Key(Key::Title)));
    let has = |keys: &[Key]| {
        labels
            .iter()
            .any(|l| matches!(l, Some(Label::Key(k)) if keys.contains(k)))
    };
    if !title {
        None
    } else if has(&[
        Key::Company,
        Key::Location,
        Key::Salary,
        Key::EmploymentType,
    ]) {
        Some(Header::Jobs)
    } else if has(&[Key::Posted, Key::Url]) {
        Some(Header::Headlines)
    } else {
        None
    }
}

/// Whether rows under a header of headlines are jobs: most of their titles name a role.
fn headlines_are_jobs(labels: &[Option<Label>], rows: &[Vec<Option<String>>]) -> bool {
    let Some(at) = labels
        .iter()
        .position(|l| *l == Some(Label::Key(Key::Title)))
    else {
        return false;
    };
    let roles = rows
        .iter()
        .filter(|r| {
            r.get(at)
                .and_then(Option::as_deref)
                .is_some_and(|t| vocab().names_role(t))
        })
        .count();
    2 * roles > rows.len()
}

/// The documents of a table's rows (each already its cells' values), at least two of them;
/// a row whose cells do not line up with the header is skipped with a note. Under a header of
/// headlines, none unless most rows name a role.
fn rows_docs(
    header: &[String],
    labels: &[Option<Label>],
    kind: Header,
    rows: Vec<Vec<Option<String>>>,
    format: Format,
) -> Option<Vec<Doc>> {
    if kind == Header::Headlines && !headlines_are_jobs(labels, &rows) {
        return None;
    }
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    for (n, row) in rows.into_iter().enumerate() {
        if row.len() != header.len() {
            notes.push(format!(
                "table row {}: {} cells, the header has {}; skipped",
                n + 1,
                row.len(),
                header.len()
            ));
            continue;
        }
        let mut rec = Map::new();
        for (h, value) in header.iter().zip(row) {
            if let Some(v) = value
                && !h.is_empty()
            {
                rec.entry(h.clone()).or_insert(Value::String(v));
            }
        }
        if let Some(d) = record::record_doc(&rec, Origin::Record, format) {
            docs.push(d);
        }
    }
    if docs.len() < 2 {
        return None;
    }
    for d in &mut docs {
        d.notes.extend(notes.iter().cloned());
    }
    Some(docs)
}

/// A pipe table's header naming a title column and another posting column: the index of its
/// delimiter row, its cells, their labels and how sure it is that its rows are jobs.
type JobsHeader = (usize, Vec<String>, Vec<Option<Label>>, Header);

/// The headers of a text's pipe tables that name a title column and another posting column, in
/// order (the line above a delimiter row); none when the text has no pipe table.
fn jobs_headers<'a>(lines: &'a [&'a str]) -> impl Iterator<Item = JobsHeader> + 'a {
    (1..lines.len())
        .filter(|&i| is_delimiter(lines[i]) && lines[i - 1].contains('|'))
        .filter_map(|i| {
            let header = cells(lines[i - 1]);
            let labels: Vec<Option<Label>> = header
                .iter()
                .map(|h| vocab().label_with_remark(h))
                .collect();
            jobs_header(&labels).map(|kind| (i, header, labels, kind))
        })
}

/// The rows of the pipe table whose delimiter row is line `at`: the lines after it that hold a
/// pipe.
fn rows_after<'a>(lines: &[&'a str], at: usize) -> Vec<&'a str> {
    lines[at + 1..]
        .iter()
        .take_while(|l| l.contains('|'))
        .copied()
        .collect()
}

/// The jobs of the first pipe table whose header has a title column and another posting
/// column, when it has at least two rows. None when the text has no such table.
pub fn jobs(text: &str, format: Format) -> Option<Vec<Doc>> {
    if !text.contains("---") || !text.contains('|') {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let (at, header, labels, kind) = jobs_headers(&lines).next()?;
    let rows: Vec<Vec<Option<String>>> = rows_after(&lines, at)
        .into_iter()
        .map(|line| {
            let row = cells(line);
            row.iter()
                .zip(labels.iter().chain(std::iter::repeat(&None)))
                .map(|(cell, label)| cell_value(cell, *label))
                .collect()
        })
        .collect();
    rows_docs(&header, &labels, kind, rows, format)
}

/// The one row of a text's pipe table whose header names a title and another posting column
/// (a call for applications' "| Cargo | … | Remuneração Inicial |" with one post): its labelled
/// cells, the facts of the text's one job. None when no such table has exactly one row.
pub fn single_row(text: &str) -> Option<Vec<(Label, String)>> {
    if !text.contains("---") || !text.contains('|') {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    jobs_headers(&lines)
        .filter(|(.., kind)| *kind == Header::Jobs)
        .find_map(|(at, header, labels, _)| {
            let [row] = rows_after(&lines, at)[..] else {
                return None;
            };
            let row = cells(row);
            (row.len() == header.len()).then(|| {
                row.iter()
                    .zip(&labels)
                    .filter_map(|(cell, label)| {
                        Some((label.as_ref().copied()?, cell_value(cell, *label)?))
                    })
                    .collect()
            })
        })
}

/// The jobs of the first HTML `<table>` whose header row (`<th>` cells, or the first row's)
/// names a title column and another posting column, each later row a job — a job board's
/// README or a saved listing page. A link column gives the address the cell links to.
pub fn html_jobs(page: &scraper::Html, format: Format) -> Option<Vec<Doc>> {
    use scraper::{ElementRef, Selector};
    static TABLE: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("table").expect("valid selector"));
    static ROW: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("tr").expect("valid selector"));
    static CELL: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("th, td").expect("valid selector"));
    static LINK: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("a[href]").expect("valid selector"));
    let text_of = |c: ElementRef<'_>| c.text().collect::<Vec<_>>().join(" ");
    for table in page.select(&TABLE).take(50) {
        let rows: Vec<ElementRef<'_>> = table.select(&ROW).collect();
        let Some((first, rest)) = rows.split_first() else {
            continue;
        };
        let header: Vec<String> = first
            .select(&CELL)
            .map(|c| text_of(c).split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        let labels: Vec<Option<Label>> = header
            .iter()
            .map(|h| vocab().label_with_remark(h))
            .collect();
        let Some(kind) = jobs_header(&labels) else {
            continue;
        };
        let values: Vec<Vec<Option<String>>> = rest
            .iter()
            .map(|r| {
                r.select(&CELL)
                    .zip(labels.iter().chain(std::iter::repeat(&None)))
                    .map(|(c, label)| {
                        if *label == Some(Label::Key(Key::Url)) {
                            c.select(&LINK)
                                .filter_map(|a| a.value().attr("href"))
                                .find(|h| h.starts_with("http"))
                                .map(str::to_string)
                        } else {
                            let t = text_of(c);
                            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                            (!t.is_empty() && !EMPTY_CELLS.contains(&t.as_str())).then_some(t)
                        }
                    })
                    .collect()
            })
            .collect();
        if let Some(docs) = rows_docs(&header, &labels, kind, values, format) {
            return Some(docs);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "# Jobs\n\nUpdated daily.\n\n\
        | logo | title | company | location | job_type | apply |\n\
        |:-----|:------|:--------|:---------|:---------|:------|\n\
        | <img src=\"https://x/a.png\" alt=\"A | B logo\"> | Data Analyst - Internship | Ledger | Paris, France | internship | [![Apply](https://img.shields.io/badge/Apply-green)](https://example.com/jobs/1) |\n\
        | <img src=\"https://x/b.png\"> | ML Engineer | Greenly | Certified B Corp | Paris | nan | [Apply](https://example.com/jobs/2) |\n\
        | | Backend Engineer | Wiremind | nan | fulltime | [Apply](https://example.com/jobs/3) |\n\
        \nMore text.\n";

    #[test]
    fn a_table_of_hiring_headlines_is_jobs_a_list_of_posts_is_not() {
        let headlines = "| id | Title | Posted On |\n|---|---|---|\n\
            | 1 | [Ivy (YC W23) is hiring software engineers (ycombinator.com)](https://x/1) | 9/4/2022 |\n\
            | 2 | [OneSignal (YC S11) is hiring engineers (onesignal.com)](https://x/2) | 9/3/2022 |\n\
            | 3 | [TaxProper (YC S19) Is Hiring (taxproper.notion.site)](https://x/3) | 9/1/2022 |\n";
        let ds = jobs(headlines, Format::Markdown).unwrap();
        assert_eq!(ds.len(), 3);
        let posts = "| Title | Date |\n|---|---|\n| Why we moved to Rust | 2024-01-02 |\n\
            | Our year in review | 2024-12-30 |\n| Hello world | 2023-05-01 |\n";
        assert!(jobs(posts, Format::Markdown).is_none());
    }

    #[test]
    fn rows_are_jobs() {
        let ds = jobs(TABLE, Format::Markdown).unwrap();
        assert_eq!(ds.len(), 2, "the ragged row is skipped");
        assert!(
            ds[0]
                .texts(Key::Title)
                .any(|(t, _)| t == "Data Analyst - Internship")
        );
        assert!(ds[0].texts(Key::Company).any(|(t, _)| t == "Ledger"));
        assert!(
            ds[0]
                .texts(Key::Location)
                .any(|(t, _)| t == "Paris, France")
        );
        assert!(ds[1].texts(Key::Company).any(|(t, _)| t == "Wiremind"));
        assert!(!ds[1].has(Key::Location), "nan is no place");
        assert!(ds[1].notes.iter().any(|n| n.contains("row 2")));
    }

    #[test]
    fn a_turkish_table_with_emoji_in_its_header() {
        let t = "| 🔹 İş Unvanı | 🏢 Şirket | 📍 Konum | 🔗 İlan Linki |\n|---|---|---|---|\n\
                 | Backend Developer | Trendyol Group | İstanbul, Türkiye | [İlana Git](https://example.com/1) |\n\
                 | Data Engineer | Udemy | Ankara, Turkey | [İlana Git](https://example.com/2) |\n";
        let ds = jobs(t, Format::Markdown).unwrap();
        assert_eq!(ds.len(), 2);
        assert!(ds[1].texts(Key::Company).any(|(t, _)| t == "Udemy"));
        assert!(
            ds[0]
                .texts(Key::Location)
                .any(|(t, _)| t == "İstanbul, Türkiye")
        );
    }

    #[test]
    fn an_html_table_of_jobs() {
        let page = scraper::Html::parse_document(
            "<h2>📊 Data Scientist</h2><table><thead><tr><th>🏢 Company</th><th>💼 Role</th>\
             <th>📍 Location</th><th>⏰ Posted</th></tr></thead><tbody>\
             <tr><td><a href=\"https://example.com/c\">Chordy.ai</a></td><td>Intern AI ML</td>\
             <td>📍 Bangalore</td><td>1d ago</td></tr>\
             <tr><td>Versusmind</td><td>Ingénieur Systèmes et réseaux H/F</td>\
             <td>📍 Strasbourg, Grand Est, France</td><td>1d ago</td></tr></tbody></table>",
        );
        let ds = html_jobs(&page, Format::Html).unwrap();
        assert_eq!(ds.len(), 2);
        assert!(ds[0].texts(Key::Title).any(|(t, _)| t == "Intern AI ML"));
        assert!(ds[0].texts(Key::Company).any(|(t, _)| t == "Chordy.ai"));
        assert!(
            ds[1]
                .texts(Key::Location)
                .any(|(t, _)| t.contains("Strasbourg"))
        );
        // A layout table names no posting columns.
        let layout = scraper::Html::parse_document(
            "<table><tr><td>Home</td><td>About</td></tr><tr><td>a</td><td>b</td></tr></table>",
        );
        assert!(html_jobs(&layout, Format::Html).is_none());
    }

    #[test]
    fn a_delimiter_row_with_one_hyphen_a_cell() {
        let t = "| Company Name | Job Title | Location | APPLY |\n|---|---|---|:-:|\n\
                 | Sanofi | Data Intern | Framingham, MA | [APPLY](https://example.com/1) |\n\
                 | Experian | Data Analyst Intern | Remote in USA | [APPLY](https://example.com/2) |\n";
        let ds = jobs(t, Format::Markdown).unwrap();
        assert_eq!(ds.len(), 2);
        assert!(ds[1].texts(Key::Company).any(|(t, _)| t == "Experian"));
        assert!(is_delimiter("|-|:-:|"));
        assert!(!is_delimiter("- a | b"));
        assert!(!is_delimiter("---"));
    }

    #[test]
    fn tables_that_are_not_jobs() {
        assert!(
            jobs(
                "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n",
                Format::Markdown
            )
            .is_none()
        );
        // A table with one job is the posting's own table, not a list of jobs.
        let one = "| title | company |\n|---|---|\n| Engineer | Acme |\n";
        assert!(jobs(one, Format::Markdown).is_none());
        assert_eq!(cells(r"| a \| b | `c|d` |"), [r"a \| b", "`c|d`"]);
    }
}
