//! Text → postings. Pure: bytes (or text) and a source name in, postings or a skip reason out.
//!
//! Two layers. [`decode`] (encoding per region, sanitizing) and [`detect`] (which container)
//! hand the text to a format reader ([`readers`]), which unwraps its container into
//! intermediate documents ([`doc::Doc`]: labelled facts and text blocks) and decides no field;
//! [`split`] gives each job of a page its own document; the field resolvers ([`fields`]) then
//! decide every field from the facts and the text, with the vocabularies of [`vocab`].

pub mod blocks;
pub mod body;
pub mod decode;
pub mod detect;
pub mod doc;
pub mod fields;
pub mod html_text;
pub mod markdown_text;
pub mod patterns;
pub mod places;
pub mod readers;
pub mod scan;
pub mod split;
pub mod vocab;

use thiserror::Error;

use crate::posting::{Format, Posting};

/// Why a file gave no postings. Displayed as the one-line reason of `skipped <path>: <reason>`:
/// whatever a detail holds (an I/O error, a parser's message, a panic's text quoting the file),
/// the reason shown is one clean line of at most [`MAX_REASON`] characters.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SkipReason {
    #[error("empty file")]
    Empty,
    #[error("not text: {}", one_line(.0))]
    Binary(String),
    #[error("no posting found: {}", one_line(.0))]
    NoPosting(String),
    #[error("malformed {format}: {}", one_line(.detail))]
    Malformed {
        format: &'static str,
        detail: String,
    },
    #[error(
        "too large: {} (limit {}; max_file_size_mb in the config file raises it)",
        mib(*.size),
        mib(*.limit)
    )]
    TooLarge { size: u64, limit: u64 },
    /// The file could not be read (an I/O error, a special file).
    #[error("{}", one_line(.0))]
    Unreadable(String),
    /// A reason about the file's content, as the parse cache recorded it.
    #[error("{}", one_line(.0))]
    Cached(String),
    /// A parser failed on the file's content (a bug, caught).
    #[error("the parser failed: {}", one_line(.0))]
    ParserFailed(String),
}

impl SkipReason {
    /// Whether the reason is about the file's surroundings (the size limit, permissions, a
    /// file that vanished) rather than its content: it may change while the file does not.
    pub fn depends_on_surroundings(&self) -> bool {
        matches!(
            self,
            SkipReason::TooLarge { .. } | SkipReason::Unreadable(_)
        )
    }
}

/// The longest skip reason shown, in characters.
pub const MAX_REASON: usize = 300;

fn one_line(s: &str) -> String {
    crate::sanitize::one_line(s, MAX_REASON)
}

/// A size for a message: "200 MiB", "1.5 MiB", "812 bytes".
fn mib(bytes: u64) -> String {
    const M: u64 = 1024 * 1024;
    if bytes < M {
        format!("{bytes} bytes")
    } else if bytes.is_multiple_of(M) {
        format!("{} MiB", bytes / M)
    } else {
        format!("{:.1} MiB", bytes as f64 / M as f64)
    }
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
    // A database dump of scraped postings: its rows, read as records.
    if readers::sql::looks_like_sql(text)
        && let Some(postings) = postings_of_records(readers::sql::rows(text), source, |_| true)
    {
        return Ok(postings);
    }
    let format = detect::detect(&Document { text, source });
    let code = readers::code::is_code_file(source);
    // The records a file keeps as data in its literals: read once, however many of the ways
    // below ask for them.
    let literals = std::cell::OnceCell::new();
    let literals = || {
        literals
            .get_or_init(|| readers::code::data_literals(text))
            .clone()
    };
    // A PHP file that keeps its postings as arrays of data (`$jobs[] = array('title' => …)`),
    // however much markup their values hold: the records, when each names its title.
    if code
        && text.trim_start().starts_with("<?php")
        && let Some(postings) = postings_of_records(literals(), source, |docs| {
            docs.iter().all(|d| d.has(doc::Key::Title))
        })
    {
        return Ok(postings);
    }
    // A component (TSX, Vue, Svelte) whose script keeps its postings as data (`const jobs =
    // [{"title": …, "company": …}]` over the markup showing them): the records, not the markup's
    // text that names their fields: two records or more, each titled. One record is as often
    // the page's settings (`pageSettings = {title: …, description: …}`), the markup its posting.
    // A component read as HTML by its look (`useRef<HTMLDivElement>`, a type in angle brackets)
    // is so too.
    if !code
        && readers::code::is_component_file(source)
        && matches!(format, Format::Text | Format::Markdown | Format::Html)
        && literals().iter().any(readers::code::holds_posting)
        && let Some(postings) = postings_of_code_records(literals(), source, text, |docs| {
            docs.len() >= 2 && docs.iter().all(|d| d.has(doc::Key::Title))
        })
    {
        return Ok(postings);
    }
    // Source code whose literals hold postings (a script's data, a test's fixtures).
    if code
        && matches!(
            format,
            Format::Text | Format::Markdown | Format::Hn | Format::Board
        )
    {
        if let Some(postings) = postings_of_code_records(literals(), source, text, |_| true) {
            return Ok(postings);
        }
        // Postings' texts kept whole in strings (a pasted e-mail, a page's Markdown, a test's
        // example postings): each read as the file it would be, its format from its own text.
        let mut postings = Vec::new();
        for body in readers::code::text_literals(text) {
            // A fragment of markup, no page (a comment's HTML): read as the text it shows.
            let body = if html_text::breaks_lines_with_markup(&body)
                && !readers::html::looks_like_html(&body, "")
            {
                std::borrow::Cow::Owned(html_text::fragment_to_text(&body))
            } else {
                body
            };
            let format = detect::detect(&Document {
                text: &body,
                source: "",
            });
            if let Ok(found) = parse_as(&body, source, format) {
                postings.extend(found);
            }
        }
        if !postings.is_empty() {
            return Ok(postings);
        }
    }
    // A Hacker News post kept in a Markdown page's fenced block (a handbook's copy of the
    // comment a company posts each month): the post, read as Hacker News.
    if matches!(format, Format::Markdown | Format::Text | Format::Hn) && text.contains("```") {
        let mut postings = Vec::new();
        for block in fenced_blocks(text) {
            if readers::hn::looks_like_post(&block)
                && let Ok(found) = parse_as(&block, source, Format::Hn)
            {
                postings.extend(found);
            }
        }
        if !postings.is_empty() {
            return Ok(postings);
        }
    }
    // A page that is not HTML but embeds schema.org JobPosting data (a static site's Markdown
    // with a `<script type="application/ld+json">` block per job): read as the page it renders,
    // whose JSON-LD gives a posting each, when each is titled.
    if matches!(format, Format::Markdown | Format::Text)
        && text.contains("application/ld+json")
        && text.contains("JobPosting")
        && let Ok(found) = parse_as(text, source, Format::Html)
        && !found.is_empty()
        && found.iter().all(|p| p.title.is_some())
    {
        return Ok(found);
    }
    // Records printed one to a line in a text or a page (a scraper's output pasted under
    // "Result": `{'title': 'Data Engineer', 'company_name': …}`): the records, when there are
    // several and each names its title.
    if !code
        && matches!(format, Format::Text | Format::Markdown)
        && text
            .lines()
            .map(|l| l.trim().trim_end_matches(','))
            .filter(|l| l.starts_with('{') && l.ends_with('}') && l.contains(':'))
            .nth(1)
            .is_some()
        && let Some(postings) = postings_of_records(literals(), source, |docs| {
            docs.len() >= 2 && docs.iter().all(|d| d.has(doc::Key::Title))
        })
    {
        return Ok(postings);
    }
    let parsed = parse_as(text, source, format);
    // A component's markup (a JSX page's `<h3>Koch/in</h3>` cards) whose text names no title,
    // or one job where the markup heads several: read as the page it renders, when that gives
    // as many postings (more, where the text named a title), each with its title (one title in
    // a component's markup may be its template's placeholder).
    let untitled = !parsed
        .as_ref()
        .is_ok_and(|ps| ps.iter().any(|p| p.title.is_some()));
    let parsed_len = parsed.as_ref().map_or(0, Vec::len);
    if format != Format::Html
        && readers::code::is_component(source, text)
        && text.contains("</")
        && literals().iter().all(|v| !readers::code::holds_posting(v))
        && let Ok(found) = parse_as(markup_of(text), source, Format::Html)
        && (if untitled {
            found.len() >= parsed_len
        } else {
            // A script's markup is read over its text only where the text names no title.
            readers::code::is_component_file(source) && found.len() >= 2 && found.len() > parsed_len
        })
        && found.iter().all(|p| p.title.is_some())
    {
        return Ok(found);
    }
    if parsed.is_err()
        // A page or component whose reader finds no posting but whose script keeps one as data
        // (a Vue component with the board's record in a comment): the record.
        && let Some(postings) = postings_of_records(literals(), source, |_| true)
    {
        return Ok(postings);
    }
    parsed
}

/// A component's markup without the script around it: from its first line that opens a tag to
/// the last tag's end (a JSX file's `import …` and `return (` are no text of the page).
fn markup_of(text: &str) -> &str {
    let start = text
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| {
            let line = text[i..].trim_start_matches([' ', '\t']);
            line.starts_with('<') && line[1..].starts_with(|c: char| c.is_ascii_alphabetic())
        })
        .unwrap_or(0);
    let end = text.rfind('>').map_or(text.len(), |i| i + 1).max(start);
    &text[start..end]
}

/// The texts of a Markdown page's fenced blocks ("```" or "~~~" lines around them).
fn fenced_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut open: Option<String> = None;
    for line in text.lines() {
        let fence = {
            let t = line.trim_start();
            t.starts_with("```") || t.starts_with("~~~")
        };
        match (&mut open, fence) {
            (None, true) => open = Some(String::new()),
            (Some(_), true) => blocks.extend(open.take()),
            (Some(b), false) => {
                b.push_str(line);
                b.push('\n');
            }
            (None, false) => {}
        }
    }
    blocks
}

/// The postings of records a reader found as data (a dump's rows, a script's literals), when
/// `accept` takes the documents they make.
fn postings_of_records(
    values: Vec<serde_json::Value>,
    source: &str,
    accept: impl Fn(&[doc::Doc]) -> bool,
) -> Option<Vec<Posting>> {
    let docs = readers::json::read_values(values, Vec::new()).ok()?;
    if !accept(&docs) {
        return None;
    }
    finish_docs(docs, source).ok()
}

/// The postings of the records a source file or a component keeps as data, when `accept` takes
/// the documents they make. When none names its employer and
/// the file names one organisation by its legal form, once or more ("Die Softdoor GmbH ist ein
/// Unternehmen…" in a constant beside the jobs), that is the employer of them all, weaker than
/// any a record names; failing that, the one employer its own headings name ("Werken bij Kaap
/// Noord").
fn postings_of_code_records(
    values: Vec<serde_json::Value>,
    source: &str,
    text: &str,
    accept: impl Fn(&[doc::Doc]) -> bool,
) -> Option<Vec<Posting>> {
    let mut docs = readers::json::read_values(values, Vec::new()).ok()?;
    if !accept(&docs) {
        return None;
    }
    if docs.len() >= 2 && docs.iter().all(|d| !d.has(doc::Key::Company)) {
        // Outside the records: a name one record's text gives is that record's matter (a
        // client, a former employer), not the file's.
        let squeeze = |t: &str| -> String {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let records: Vec<String> = docs
            .iter()
            .flat_map(|d| d.blocks.iter().map(|b| squeeze(&b.text)))
            .collect();
        let in_records = |n: &str| {
            let n = squeeze(n);
            records.iter().any(|r| r.contains(&n))
        };
        let mut names: Vec<String> = fields::company::legal_names(text)
            .into_iter()
            .map(|(n, _, _)| n)
            .filter(|n| !in_records(n))
            .collect();
        names.sort();
        names.dedup();
        if names.is_empty() {
            names = page_heading_employers(text);
        }
        if let [one] = names.as_slice() {
            for d in &mut docs {
                d.text(doc::Key::Company, one, doc::Origin::Wrapper);
            }
        }
    }
    finish_docs(docs, source).ok()
}

/// The employers a source file's own headings name, each written again elsewhere in it: a
/// line that, its markup taken off, says only "Werken bij Kaap Noord" or "Stellenangebote bei
/// Hof und Gut in Jesteburg" ([`fields::company::employer_of_page_heading`]).
fn page_heading_employers(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .lines()
        .filter(|l| l.len() <= 200)
        .filter_map(|l| fields::company::employer_of_page_heading(&html_text::strip_tags(l)))
        .filter(|n| text.matches(n.as_str()).count() >= 2)
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The documents a reader unwraps from a text of `format`.
pub fn read(text: &str, format: Format) -> Result<Vec<doc::Doc>, SkipReason> {
    use readers::{board, csv, email, hn, html, json, markdown, text as plain};
    match format {
        Format::Json => json::read(text),
        Format::Html => html::read(text),
        Format::Csv => csv::read(text),
        Format::Markdown => markdown::read(text),
        Format::Hn => hn::read(text),
        Format::Board => Ok(board::read(text)),
        Format::Text => Ok(plain::read(text)),
        Format::Email => email::read(text),
    }
}

/// Builds the parsers' tables (the vocabularies and their patterns, the gazetteers, the skill
/// vocabulary) on threads of their own, side by side, before the first file needs them: built
/// by the first posting instead, they take the first core for about half a second while every
/// other waits. Each table is still built once (a later caller waits for it, as before).
pub fn warm_up() {
    let spawn = |f: fn()| {
        // Without a thread the first posting builds the table, as it would anyway.
        let _ = std::thread::Builder::new()
            .name("jobdeck-warm-up".into())
            .spawn(f);
    };
    spawn(|| {
        vocab::vocab();
    });
    spawn(|| {
        crate::places::Gazetteer::get();
        places::warm_up();
        fields::skills::vocabulary();
    });
}

/// How many documents a file must hold before they are resolved on every core.
pub(crate) const PARALLEL_FROM: usize = 64;

/// Parses decoded, sanitized text with the reader of `format`, whatever [`detect::detect`]
/// would say (the fuzz targets drive each reader this way).
pub fn parse_as(text: &str, source: &str, format: Format) -> Result<Vec<Posting>, SkipReason> {
    let mut docs = read(text, format)?;
    // A page read as one document keeps the links its markup hides from the text (a page of
    // cards or records links every card's).
    if matches!(format, Format::Markdown | Format::Html)
        && let [doc] = docs.as_mut_slice()
    {
        readers::link_facts(doc, text);
    }
    finish_docs(docs, source)
}

/// The postings of a reader's documents: each split where it holds several jobs, its fields
/// resolved.
fn finish_docs(docs: Vec<doc::Doc>, source: &str) -> Result<Vec<Posting>, SkipReason> {
    use rayon::prelude::*;
    let ready = |mut d: doc::Doc| {
        d.sanitize();
        crate::debug::debug_doc(|| format!("{d:#?}"));
        split::several_jobs(vec![d])
    };
    let docs: Vec<doc::Doc> = if docs.len() >= PARALLEL_FROM {
        docs.into_par_iter().flat_map_iter(ready).collect()
    } else {
        docs.into_iter().flat_map(ready).collect()
    };
    let resolve = |d: &doc::Doc| {
        let mut p = fields::resolve(d);
        // JSON escapes, HTML character references and MIME encodings were decoded after the
        // text was sanitized.
        crate::sanitize::sanitize_posting(&mut p);
        p
    };
    // A large file (an HN month, a big JSON Lines export) is resolved on every core.
    let mut postings: Vec<Posting> = if docs.len() >= PARALLEL_FROM {
        docs.par_iter().map(resolve).collect()
    } else {
        docs.iter().map(resolve).collect()
    };
    // A posting with no title, no company and next to no text is not a posting.
    postings.retain(|p| {
        p.title.is_some()
            || p.company.is_some()
            || p.description_text().trim().chars().count() >= 20
    });
    for p in &mut postings {
        p.source = source.to_string();
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

    /// Each posting's title and company, in order.
    fn titles_and_companies(ps: &[Posting]) -> Vec<(Option<&str>, Option<&str>)> {
        ps.iter()
            .map(|p| (p.title.as_deref(), p.company.as_deref()))
            .collect()
    }

    #[test]
    fn mojibake_hidden_by_escapes_is_mended() {
        let json = r#"[{"title": "Verkaufsberater", "company": "AL-KO Ger\u00c3\u00a4te", "location": "S\u00c3\u00a3o Paulo",
            "description": "Clari\u00e2\u0080\u0099s platform. S\u00c3O PAULO stays."}]"#;
        let ps = parse_text(json, "jobs.json").unwrap();
        assert_eq!(ps[0].company.as_deref(), Some("AL-KO Geräte"));
        assert_eq!(ps[0].locations, ["São Paulo"]);
        let body: String = ps[0].sections.iter().map(|s| s.body.as_str()).collect();
        assert!(body.contains("Clari’s"), "{body}");
        assert!(body.contains("SÃO PAULO"), "{body}");
    }

    #[test]
    fn a_script_s_jobs_take_the_employer_its_file_names_beside_them() {
        let js = r#"const ABOUT = ["Die Softdoor GmbH ist ein Unternehmen, das Projekte im Bereich Gesundheit umsetzt."];
const JOBS = [
  {title: "Coach (m/w/d)", location: "Kiel", description: "Du führst Coachinggespräche durch und begleitest Menschen."},
  {title: "Sozialarbeiter (m/w/d)", location: "Münster", description: "Du begleitest unsere Teilnehmer ganzheitlich."}
];"#;
        let ps = parse_text(js, "stellen.js").unwrap();
        assert_eq!(
            titles_and_companies(&ps),
            [
                (Some("Coach (m/w/d)"), Some("Softdoor GmbH")),
                (Some("Sozialarbeiter (m/w/d)"), Some("Softdoor GmbH"))
            ]
        );
        // A name one record's text gives is that record's matter, not the file's.
        let js = r#"const JOBS = [
  {title: "Backend Engineer", location: "Berlin", description: "You will build APIs for Car Registration, Inc and others."},
  {title: "Data Engineer", location: "Köln", description: "You will build pipelines for our insurers."}
];"#;
        let ps = parse_text(js, "jobs.js").unwrap();
        assert_eq!(ps[1].company, None, "{:?}", titles_and_companies(&ps));
    }

    #[test]
    fn a_component_s_jobs_take_the_employer_its_own_heading_names() {
        let tsx = r#"const vacatures = [
  {uren: '38 uur', title: 'Zelfstandig werkend kok', tekst: "Je kookt voor onze gasten."},
  {uren: '24 uur', title: 'Medewerker bediening', tekst: "Je zorgt voor een ongedwongen service."},
];
export default function Page() {
  return (
    <main>
      <h1 className="text-5xl uppercase">
        Werken bij Kaap Noord
      </h1>
      <p>Ik werk al een jaar met veel plezier bij Kaap Noord!</p>
    </main>
  );
}"#;
        let ps = parse_text(tsx, "werken-bij.tsx").unwrap();
        assert_eq!(
            titles_and_companies(&ps),
            [
                (Some("Zelfstandig werkend kok"), Some("Kaap Noord")),
                (Some("Medewerker bediening"), Some("Kaap Noord"))
            ]
        );
        // A heading whose name the file writes nowhere else is no sure employer.
        let once = tsx.replace("bij Kaap Noord!", "bij ons!");
        let ps = parse_text(&once, "werken-bij.tsx").unwrap();
        assert_eq!(ps[0].company, None, "{:?}", titles_and_companies(&ps));
    }

    #[test]
    fn bad_input_is_a_reason_not_a_panic() {
        assert_eq!(parse_bytes(b"", "x"), Err(SkipReason::Empty));
        assert!(matches!(
            parse_bytes(b"\x00\x01\x02binary", "x"),
            Err(SkipReason::Binary(_))
        ));
        assert_eq!(SkipReason::Empty.to_string(), "empty file");
        assert_eq!(
            SkipReason::TooLarge {
                size: 200 << 20,
                limit: 64 << 20
            }
            .to_string(),
            "too large: 200 MiB (limit 64 MiB; max_file_size_mb in the config file raises it)"
        );
        // A reason quoting the file (a panic message) is one clean, short line.
        let r = SkipReason::Unreadable(format!("x\x1b]2;t\x07\n{}", "y".repeat(1000)));
        let shown = r.to_string();
        assert!(!shown.contains('\n') && !shown.contains('\x1b'), "{shown}");
        assert_eq!(shown.chars().count(), MAX_REASON + 1);
    }

    #[test]
    fn a_front_matter_address_confirms_the_employer_the_text_names() {
        let md = "---\ntitle: \"Frontend developer\"\nemail: joinus@devport.nl\n---\n\n\
                  # Frontend developer\n\nAls Frontend Developer bij DevPort bouw jij webapplicaties \
                  voor onze klanten. Je werkt samen met designers en developers.\n";
        let p = &parse_text(md, "devport.md").unwrap()[0];
        assert_eq!(p.company.as_deref(), Some("DevPort"));
        // The address alone, with no name the text writes, names no one.
        let md = md.replace("bij DevPort ", "");
        assert_eq!(parse_text(&md, "devport.md").unwrap()[0].company, None);
    }

    #[test]
    fn a_site_name_with_its_legal_form_is_the_employer_unwritten_in_the_text() {
        let page = |site: &str| {
            format!(
                "<html><head><title>採用情報 | {site}</title>\
                 <meta property=\"og:site_name\" content=\"{site}\"></head><body>\
                 <h1>ドライバー</h1><p>仕事内容：配送業務全般。</p><p>勤務地：埼玉県上尾市</p>\
                 <p>雇用形態：正社員</p></body></html>"
            )
        };
        let p = &parse_text(&page("株式会社タスカル"), "recruit.html").unwrap()[0];
        assert_eq!(p.company.as_deref(), Some("株式会社タスカル"));
        // Without a legal form, a site name the text does not write is not confirmed.
        let p = &parse_text(&page("タスカル"), "recruit.html").unwrap()[0];
        assert_eq!(p.company, None);
    }

    #[test]
    fn a_hacker_news_post_kept_in_a_fenced_block() {
        let md = "# Hacker News Who is Hiring\n\nThe comment we post each month.\n\n```\n\
            Sourcegraph (https://sourcegraph.com) | Software Engineer, Product Manager | ALL REMOTE\n\n\
            Sourcegraph is building code search.\n```\n";
        let p = parse_text(md, "hiring.md").unwrap();
        let titles: Vec<_> = p
            .iter()
            .map(|p| p.title.clone().unwrap_or_default())
            .collect();
        assert_eq!(titles, ["Software Engineer", "Product Manager"]);
        assert_eq!(p[0].company.as_deref(), Some("Sourcegraph"));
        assert_eq!(p[0].work_mode, Some(crate::posting::WorkMode::Remote));
    }

    #[test]
    fn a_components_markup_is_the_page_it_renders() {
        let jsx = "import { Helmet } from \"react-helmet-async\";\n\
            export default function Stellenangebote() {\n  return (\n    <div>\n\
            <h2>Wir suchen Verstärkung!</h2>\n\
            <h3>Auszubildende/r Koch/in</h3>\n<p>Wir suchen zum nächstmöglichen Zeitpunkt einen Kochauszubildenden für unsere Küche.</p>\n\
            <h3>Servicekraft</h3>\n<p>Servicekraft in Voll- oder Teilzeit gesucht, unser Restaurant ist ab 17 Uhr geöffnet.</p>\n\
            </div>\n  );\n}\n";
        let p = parse_text(jsx, "Stellenangebote.jsx").unwrap();
        let titles: Vec<_> = p
            .iter()
            .map(|p| p.title.clone().unwrap_or_default())
            .collect();
        assert_eq!(titles, ["Auszubildende/r Koch/in", "Servicekraft"]);
        // The script around the markup is no text of the page.
        assert!(p.iter().all(|p| {
            p.sections
                .iter()
                .all(|s| !s.body.contains("import") && !s.body.contains("return ("))
        }));
    }

    #[test]
    fn a_script_returning_markup_is_the_page_it_renders_when_its_text_names_no_title() {
        // React components are as often kept in `.js` files; the declaration above the markup
        // is no title.
        let js = "import React from \"react\"\n\nexport default function Barista() {\n  return (\n\
            <section id=\"the-role\" className=\"section--who\">\n\
            <h2 className=\"title--who\"><span>Barista / All Rounder</span></h2>\n\
            <p>We are looking for a friendly new member of our coffee shop team, ready to get involved in the day-to-day running of the shop.</p>\n\
            <ul><li>15 - 25 hours per week</li><li>Shifts from 6-10 hours</li></ul>\n\
            </section>\n  )\n}\n";
        let p = parse_text(js, "barista.js").unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].title.as_deref(), Some("Barista / All Rounder"));
        // A script without markup stays code.
        assert!(!readers::code::is_component(
            "jobs.js",
            "const jobs = [{title: 'Barista'}];"
        ));
    }

    #[test]
    fn a_components_markup_heading_two_jobs_is_two_postings() {
        // A careers page's two cards; its text alone names one role in passing ("As the Prep
        // Room Manager you will…").
        let jsx = include_str!(
            "../../tests/fixtures/gathered-dev/g47/postings/g47-16-html-jsx-bettaveg-current-vacancies-2-jobs-manchester-gbp-year-week-en-gb.jsx"
        );
        let p = parse_text(jsx, "Vacancies.jsx").unwrap();
        let titles: Vec<_> = p
            .iter()
            .map(|p| p.title.clone().unwrap_or_default())
            .collect();
        assert_eq!(
            titles,
            ["Food Preparation Manager", "Multi Drop Delivery Driver"]
        );
    }

    #[test]
    fn a_record_keeping_one_bound_of_its_text_s_range_takes_the_range() {
        let json = r#"[{"Title": "Subway Team Member", "Salary": 7.75, "Currency": "GBP",
            "Description": "Serve customers. Job Types: Full-time. Salary: £7.75-£10.50 per hour"},
            {"Title": "Crew Member", "Salary": 9.00, "Currency": "GBP",
            "Description": "Serve customers. Salary: £7.75-£10.50 per hour"}]"#;
        let p = parse_text(json, "jobs.json").unwrap();
        let s = p[0].salary.as_ref().unwrap();
        assert_eq!((s.min, s.max), (Some(7.75), Some(10.5)));
        assert_eq!(s.period, crate::posting::Period::Hour);
        // A figure that is no bound of the text's range stays as the record states it.
        let s = p[1].salary.as_ref().unwrap();
        assert_eq!((s.min, s.max), (Some(9.0), Some(9.0)));
    }

    #[test]
    fn a_components_records_are_its_postings_not_the_markup_naming_their_fields() {
        let tsx = "import React from 'react';\n\
            type JobsCardProps = {\n    company: string,\n    title: string\n}\n\n\
            const jobs = [{\n\t\"type\": \"Full Time\",\n\t\"company\": \"Aon Cyber Solutions\",\n\
            \t\"location\": \"NY or LA\",\n\t\"title\": \"Senior Developer\",\n\
            \t\"description\": \"Build web applications for risk managers.\"\n}, {\n\
            \t\"type\": \"Full Time\",\n\t\"created_at\": new Date('2020-05-12').toString(),\n\
            \t\"company\": \"Sesame\",\n\t\"location\": \"Berlin\",\n\
            \t\"title\": \"Software engineer (back end)\",\n\
            \t\"description\": \"Build the health care platform.\"\n}];\n\n\
            const JobsCard = ({company, title}: JobsCardProps) => (\n\
            \t<div>\n\t\t<h3>{title}</h3>\n\t\t<p>{company}</p>\n\t</div>\n);\n";
        let p = parse_text(tsx, "JobsList.tsx").unwrap();
        let got = titles_and_companies(&p);
        assert_eq!(
            got,
            [
                (Some("Senior Developer"), Some("Aon Cyber Solutions")),
                (Some("Software engineer (back end)"), Some("Sesame"))
            ]
        );
        // A component whose code reads as HTML by its look (a type's angle brackets).
        let tsx = "import { useState } from 'react';\n\
            export default function Karriere() {\n\
            \x20 const [file, setFile] = useState<File | null>(null);\n\
            \x20 const formRef = useRef<HTMLDivElement>(null);\n\
            \x20 const jobs: Job[] = [\n    {\n      id: 'physio',\n\
            \x20     title: 'Physiotherapeut (m/w/d)',\n      type: 'Vollzeit',\n\
            \x20     location: 'Freiburg',\n\
            \x20     description: 'Verstärke unser Team an den Standorten Freiburg.'\n    },\n\
            \x20   {\n      id: 'masseur',\n      title: 'Masseur (m/w/d)',\n\
            \x20     type: 'Teilzeit',\n      location: 'Freiburg',\n\
            \x20     description: 'Bringe Wohlbefinden zu unseren Patienten.'\n    }\n  ];\n";
        let p = parse_text(tsx, "Karriere.tsx").unwrap();
        let titles: Vec<_> = p.iter().map(|p| p.title.as_deref()).collect();
        assert_eq!(
            titles,
            [Some("Physiotherapeut (m/w/d)"), Some("Masseur (m/w/d)")]
        );
    }

    #[test]
    fn a_permanent_contract_says_less_than_the_hours() {
        let json = r#"[{"intitule": "Livreur (H/F)", "entreprise": "LARCAD",
            "typeContrat": "CDI", "dureeTravailLibelle": "Temps partiel",
            "description": "Livraison de colis dans la région d'Annonay."},
            {"intitule": "Vendeur (H/F)", "entreprise": "WAS", "typeContrat": "CDI",
            "description": "Vente en magasin de prêt-à-porter à Aubenas."}]"#;
        let p = parse_text(json, "offres.json").unwrap();
        use crate::posting::EmploymentType::{FullTime, PartTime};
        assert_eq!(p[0].employment_type, Some(PartTime));
        // Alone, a permanent contract is read as full-time, as before.
        assert_eq!(p[1].employment_type, Some(FullTime));
    }

    #[test]
    fn records_printed_one_to_a_line_in_a_page() {
        let md = "# Scraping practice\n\nResult\n------\n\
            {'title': 'Data Engineer', 'company_name': '(주)자비스앤빌런즈', 'skills': 'Spark'}\n\
            {'title': 'Sr. Data Engineer', 'company_name': '잡플래닛', 'skills': 'python, aws'}\n";
        let p = parse_text(md, "README.md").unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].title.as_deref(), Some("Sr. Data Engineer"));
        assert_eq!(p[1].company.as_deref(), Some("잡플래닛"));
        // A program's braces over many lines are not records printed one to a line.
        let md = "Notes\n\n{\n  title: 'Join our team',\n}\n\nWe are hiring a Rust Engineer.";
        assert_eq!(parse_text(md, "notes.md").unwrap().len(), 1);
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

    #[test]
    fn a_role_heading_under_a_page_heading_is_the_title() {
        // The page's own heading names no role; the next heading does.
        let md = "# Careers at Acme\n\nWe build things. Details below.\n\n## Solution Engineer\n\n\
                  Design solutions for customers with the sales team.\n";
        let p = parse_text(md, "a.md").unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].title.as_deref(), Some("Solution Engineer"));
        // A short line far down a plain text (a signature) is no title.
        let txt = "Hi Linus,\n\nHope you are well.\n\nWe confirm the rate of $85/hr.\n\n\
                   Please confirm.\n\nThanks & Regards,\n\nPeter | Technical Recruiter\n";
        let p = parse_text(txt, "a.txt").unwrap();
        assert_eq!(p[0].title, None);
    }

    #[test]
    fn outline_numbered_bold_roles_are_one_posting_each() {
        // Bold lines broken by <br/>, numbered 2.1 / 2.1.1, one written "** 2.2. …**", and a
        // headcount after the colon.
        let md = "# Acme tuyển dụng\n\nAcme builds telecom systems.\n\n\
                  **2.1. Technical Support Engineer: 5-10 người**<br/>\n**2.1.1. Duties**\n\n\
                  Deploy projects for telecom operators across the country.\n\n\
                  ** 2.2. Solution Engineer (Presales)**<br/>\n** 2.2.1. Duties**<br/>\n\
                  Design solutions for customers with the sales team.\n";
        let p = parse_text(md, "a.md").unwrap();
        let titles: Vec<_> = p.iter().map(|p| p.title.as_deref()).collect();
        assert_eq!(
            titles,
            [
                Some("Technical Support Engineer"),
                Some("Solution Engineer (Presales)")
            ]
        );
    }

    #[test]
    fn a_contract_after_the_title_is_no_employer() {
        let html = "<html><body><h1>Praca</h1><h2>Programista .NET na stałe</h2>\
                    <p>Szukamy programisty do zespołu w Krakowie.</p></body></html>";
        let p = &parse_text(html, "a.html").unwrap()[0];
        assert_eq!(p.title.as_deref(), Some("Programista .NET"));
        assert_eq!(p.company, None);
        assert_eq!(
            p.employment_type,
            Some(crate::posting::EmploymentType::FullTime)
        );
    }

    #[test]
    fn a_readme_heading_is_no_employer() {
        let md = "# prak_tpm_api\n\n## API\n\nJob: Sales Executive at PT Majoo, Makassar.\n";
        let p = &parse_text(md, "README.md").unwrap()[0];
        assert_ne!(p.company.as_deref(), Some("API"));
        let md = "# Senior Rust Engineer\n\n## Acme\n\nWe build databases in Rust.\n";
        let p = &parse_text(md, "a.md").unwrap()[0];
        assert_eq!(p.company.as_deref(), Some("Acme"));
    }

    #[test]
    fn a_title_tail_naming_the_employer_and_its_town_comes_off() {
        let json = r#"[{"cargo": "Prevencionista de Riesgos ($900.000) | SGS Chile Talca",
            "empresa": "SGS Chile", "url": "https://example.cl/1"}]"#;
        let p = &parse_text(json, "a.json").unwrap()[0];
        assert_eq!(p.title.as_deref(), Some("Prevencionista de Riesgos"));
        assert_eq!(p.company.as_deref(), Some("SGS Chile"));
        assert_eq!(p.locations, ["Talca"]);
        let sal = p.salary.as_ref().expect("the pay in the title");
        assert_eq!((sal.min, sal.currency.as_str()), (Some(900000.0), "CLP"));
    }

    #[test]
    fn a_careers_page_s_site_name_is_its_employer_when_its_address_agrees() {
        // A saved copy (links made relative): the JSON-LD WebSite names the site and its address.
        let html = r#"<html><head><link rel="canonical" href="tuyen-dung.html">
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","url":"https://volio.vn/","name":"Volio"}]}</script>
            </head><body><h1>Frontend Developer</h1><p>Mức lương: Lên tới 25 triệu VNĐ/tháng.</p>
            <p>Chúng tôi cần lập trình viên frontend.</p></body></html>"#;
        let p = &parse_text(html, "a.html").unwrap()[0];
        assert_eq!(p.company.as_deref(), Some("Volio"));
        assert_eq!(p.url.as_deref(), Some("https://volio.vn/"));
        let sal = p.salary.as_ref().expect("pay");
        assert_eq!((sal.min, sal.max), (None, Some(25e6)));
        // A name the address does not confirm stays a weak hint, not the employer.
        let other = html.replace("\"name\":\"Volio\"", "\"name\":\"Blog\"");
        let p = &parse_text(&other, "a.html").unwrap()[0];
        assert_eq!(p.company, None);
    }

    #[test]
    fn a_c_sharp_string_of_lenient_json_is_read() {
        // Json.NET reads single-quoted JSON; a test service keeps a captured response so.
        let cs = r#"namespace X { public class S { private string Data = @"{ 'hits': [
            { 'id': '1', 'headline': 'Lagermedarbetare på deltid', 'workplace_address': { 'municipality': 'Göteborg' },
              'employer': { 'name': 'Aditro Logistics Staffing AB' }, 'description': { 'text': 'Vi söker lagermedarbetare till ett uppdrag på deltid hos vår kund i Göteborg. Du plockar och packar order.' } },
            { 'id': '2', 'headline': 'Automationstekniker till industrin', 'workplace_address': { 'municipality': 'Borås' },
              'employer': { 'name': 'OnePartnerGroup Borås AB' }, 'description': { 'text': 'Vi söker en automationstekniker till en kund inom industrin i Borås med omnejd.' } } ] }"; } }"#;
        let p = parse_text(cs, "PlatsbankenService.cs").unwrap();
        let got: Vec<_> = p
            .iter()
            .map(|p| (p.title.as_deref(), p.locations.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("Lagermedarbetare på deltid"),
                    vec!["Göteborg".to_string()]
                ),
                (
                    Some("Automationstekniker till industrin"),
                    vec!["Borås".to_string()]
                ),
            ]
        );
    }

    #[test]
    fn a_pasted_board_page_gives_its_title_and_employer_not_its_other_jobs() {
        let md = "Data Engineer (m/w/d) | ifm | LinkedIn\n0 notifications\n---------------\n\
                  Skip to main content\n\nAbout the job\n-------------\n\
                  We build sensors and the software around them. You design our data pipelines.\n\n\
                  More jobs\n---------\nCloud Developer Java\nInstaffo\nLeipzig (Remote)\n\
                  €53K/yr - €73K/yr\n";
        let p = parse_text(md, "paste.md").unwrap();
        assert_eq!(p[0].title.as_deref(), Some("Data Engineer (m/w/d)"));
        assert_eq!(p[0].company.as_deref(), Some("ifm"));
        // The pay of another job the page lists is none of this one's.
        assert_eq!(p[0].salary, None);
    }

    #[test]
    fn a_paste_opening_with_its_address_and_a_title_with_a_full_stop() {
        let md = "https://www.linkedin.com/jobs/search/?currentJobId=1\n\n\nSystemutvecklare.\n\
                  Göteborgs Stad · Göteborg, Västra Götaland, Sverige\n\nOm jobbet\n\n\
                  Vi söker dig som gillar utveckling, problemlösning och ny teknik.\n";
        let p = parse_text(md, "paste.md").unwrap();
        assert_eq!(p[0].title.as_deref(), Some("Systemutvecklare"));
        // A sentence keeps its stop and is no title.
        assert_eq!(
            readers::text::title_line("We are growing fast and hiring."),
            None
        );
    }

    #[test]
    fn an_estonian_board_paste_gives_its_fields() {
        let md = "# Tarkvaraarendaja\n\n**Näidis Tarkvara OÜ**\n\n**Asukoht:** Tartu, Tartumaa  \n\
                  **Brutopalk:** Alates 2800 €/kuus  \n**Töö tüüp:** Osaline tööaeg  \n\n\
                  ## Töö kirjeldus\n\nOtsime arendajat, kes tunneb Rusti. Võimalus teha osaliselt kaugtööd.\n";
        let p = parse_text(md, "kuulutus.md").unwrap();
        assert_eq!(p[0].title.as_deref(), Some("Tarkvaraarendaja"));
        assert_eq!(p[0].company.as_deref(), Some("Näidis Tarkvara OÜ"));
        assert_eq!(p[0].locations, ["Tartu, Tartumaa"]);
        assert_eq!(
            p[0].employment_type,
            Some(crate::posting::EmploymentType::PartTime)
        );
        assert_eq!(p[0].work_mode, Some(crate::posting::WorkMode::Hybrid));
        let pay = p[0].salary.as_ref().expect("a salary");
        assert_eq!(
            (pay.min, pay.max, pay.currency.as_str(), pay.period),
            (Some(2800.0), None, "EUR", crate::posting::Period::Month)
        );
    }

    #[test]
    fn danish_role_headings_under_a_careers_page() {
        let md = "---\ntitle: \"Ledige stillinger\"\n---\n\n## Holion mangler udviklere\n\n\
                  Vi har travlt og søger flere kolleger.\n\n\
                  ### Dygtig juniorudvikler søges\n\nEr du nyuddannet? Vi forventer .NET og C#.\n\n\
                  ### Skarp seniorudvikler søges\n\nEr du erfaren? Fuldtid, fast ansættelse.\n";
        let p = parse_text(md, "job.md").unwrap();
        let titles: Vec<_> = p.iter().map(|p| p.title.as_deref()).collect();
        assert_eq!(
            titles,
            [Some("Dygtig juniorudvikler"), Some("Skarp seniorudvikler")]
        );
        assert_eq!(
            p[1].employment_type,
            Some(crate::posting::EmploymentType::FullTime)
        );
    }

    #[test]
    fn a_saved_hacker_news_thread_page_gives_its_top_level_posts() {
        let row = |id: u32, indent: u32, text: &str| {
            format!(
                "<tr class='athing comtr' id='{id}'><td><table><tr><td class='ind' indent='{indent}'>\
                 <img src='s.gif' height='1' width='{}'></td><td class='default'>\
                 <div class='comment'><div class='commtext c00'>{text}</div></div></td></tr></table></td></tr>",
                indent * 40
            )
        };
        let html = format!(
            "<html><body><table><tr class='athing' id='1'><td class='title'>Ask HN: Who is hiring? \
             (September 2024)</td></tr>{}{}{}</table></body></html>",
            row(
                2,
                0,
                "Formal | Founding Software Engineer | REMOTE | Full-Time | &gt;= $200k + 2% equity\
                 <p>We are rethinking the computing stack.</p>"
            ),
            row(3, 1, "Off topic, but thanks for your project!"),
            row(
                4,
                0,
                "Acme | Data Engineer | Berlin | ONSITE<p>We build pipelines for farms.</p>"
            ),
        );
        let p = parse_text(&html, "thread.html").unwrap();
        let got = titles_and_companies(&p);
        assert_eq!(
            got,
            [
                (Some("Founding Software Engineer"), Some("Formal")),
                (Some("Data Engineer"), Some("Acme"))
            ]
        );
        let sal = p[0].salary.as_ref().expect("pay");
        assert_eq!((sal.min, sal.max), (Some(200e3), None));
        assert_eq!(
            p[0].url.as_deref(),
            Some("https://news.ycombinator.com/item?id=2")
        );
    }

    #[test]
    fn json_escapes_and_html_references_are_sanitized() {
        let json = r#"{"@type": "JobPosting", "title": "Rust\u200b Dev\u001b]2;x\u0007",
            "hiringOrganization": {"name": "Acme\u202e"},
            "description": "We \u001b[2Jbuild\u009b31m things in Rust, all day long."}"#;
        let p = &parse_text(json, "a.json").unwrap()[0];
        assert_eq!(p.title.as_deref(), Some("Rust Dev"));
        assert_eq!(p.company.as_deref(), Some("Acme"));
        assert!(crate::sanitize::is_clean(&p.description_text()));
        let html = "<html><head><title>Rust&#x200B; Engineer&#x1b;]2;x&#7;</title></head><body>\
                    <p>We &#27;[2Jbuild &#x202E;things in Rust, all day long.</p></body></html>";
        let p = &parse_text(html, "a.html").unwrap()[0];
        assert_eq!(p.title.as_deref(), Some("Rust Engineer"));
        assert!(crate::sanitize::is_clean(&p.description_text()));
    }

    #[test]
    fn soft_hyphens_break_no_figure_and_no_word() {
        // As a file's bytes, and as a JSON escape decoded after the file was read.
        let text = "Acme | San Francisco, CA | Full\u{ad}time | Onsite\n\nWe build things.\n\n\
                    Position: Senior Engineer | Salary: $80\u{ad}-$125k | Equity: 1%-4%\n";
        let p = &parse_bytes(text.as_bytes(), "a.txt").unwrap()[0];
        let s = p.salary.as_ref().expect("a salary");
        assert_eq!((s.min, s.max), (Some(80_000.0), Some(125_000.0)));
        assert_eq!(
            p.employment_type,
            Some(crate::posting::EmploymentType::FullTime)
        );
        let json = r#"{"@type": "JobPosting", "title": "Senior Engineer",
            "hiringOrganization": {"name": "Acme"},
            "description": "Salary: $80\u00ad-$125k per year. We build things in Rust."}"#;
        let p = &parse_text(json, "a.json").unwrap()[0];
        let s = p.salary.as_ref().expect("a salary");
        assert_eq!((s.min, s.max), (Some(80_000.0), Some(125_000.0)));
    }
}
