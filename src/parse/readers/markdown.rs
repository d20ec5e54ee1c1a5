//! Markdown postings: front matter — YAML between `---` lines or TOML between `+++` lines —
//! read as a record (title, organization/company, location, salary, tags… in any language), a
//! board-style header at the top (`# [Title](apply link)`, `### Company`, a line of
//! `` `💰 …` `🌎 …` `` badges), then the description rendered by a CommonMark parser, with its
//! "Label: value" lines read as facts.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

use super::super::SkipReason;
use super::super::blocks::is_known_heading;
use super::super::doc::{Block, BlockKind, Doc, Key, Origin};
use super::super::markdown_text::{self, inline};
use super::super::places;
use super::{label_facts, record};
use crate::posting::Format;

/// Front matter: the metadata block at the very top of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatter<'a> {
    Yaml(&'a str),
    Toml(&'a str),
    /// A Clojure map of keywords (Cryogen's `{:title "…" :layout :post}`).
    Edn(&'a str),
}

/// Splits `---\nyaml\n---\nbody` (or `+++\ntoml\n+++\nbody`) into (front matter, body). None
/// when there is no closed front matter block at the very top.
pub fn split_front_matter(s: &str) -> Option<(FrontMatter<'_>, &str)> {
    if s.starts_with("{:") {
        return split_edn(s);
    }
    for (fence, toml) in [("---", false), ("+++", true)] {
        let rest = [
            format!("{fence}\n"),
            format!("{fence}\r\n"),
            format!("{fence} \n"),
        ]
        .iter()
        .find_map(|p| s.strip_prefix(p.as_str()));
        let Some(rest) = rest else { continue };
        let mut offset = 0;
        for line in rest.split_inclusive('\n') {
            let t = line.trim_end();
            if t == fence || (!toml && t == "...") {
                let fm = &rest[..offset];
                // A heading between two rules ("---" / "# Vaga: Product Designer" / "---")
                // is the page's, no block of YAML comments.
                if !toml
                    && fm.lines().any(|l| !l.trim().is_empty())
                    && fm
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .all(|l| l.starts_with("# "))
                {
                    return None;
                }
                let body = &rest[offset + line.len()..];
                return Some((
                    if toml {
                        FrontMatter::Toml(fm)
                    } else {
                        FrontMatter::Yaml(fm)
                    },
                    body,
                ));
            }
            offset += line.len();
        }
    }
    None
}

/// `{:title "…"\n :layout :page\n }` and the body after it: the map up to its closing brace
/// (outside strings), and the rest.
fn split_edn(s: &str) -> Option<(FrontMatter<'_>, &str)> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some((FrontMatter::Edn(&s[1..i]), &s[i + 1..]));
                }
            }
            _ => {}
        }
    }
    None
}

/// A map of keywords → a record: strings as they are, a vector of strings as a list, a
/// keyword or another scalar as its text (`:layout :page` → "page").
fn edn_record(edn: &str) -> Map<String, Value> {
    static PAIR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#":(?P<k>[\w?!*+-]+)\s+(?:"(?P<s>(?:[^"\\]|\\.)*)"|\[(?P<v>[^\]]*)\]|:?(?P<w>[^\s,{}\[\]"]+))"#,
        )
        .expect("valid regex")
    });
    static ITEM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#""((?:[^"\\]|\\.)*)""#).expect("valid regex"));
    let unescape = |t: &str| t.replace("\\\"", "\"").replace("\\\\", "\\");
    let mut out = Map::new();
    for c in PAIR.captures_iter(edn) {
        let value = if let Some(t) = c.name("s") {
            Value::String(unescape(t.as_str()))
        } else if let Some(v) = c.name("v") {
            Value::Array(
                ITEM.captures_iter(v.as_str())
                    .map(|i| Value::String(unescape(&i[1])))
                    .collect(),
            )
        } else {
            Value::String(c["w"].to_string())
        };
        out.entry(c["k"].to_string()).or_insert(value);
    }
    out
}

/// Front matter → a record. YAML leniently: when it does not parse (odd quoting, tabs), a
/// line-based `key: value` reading takes over. TOML through the `toml` crate.
pub fn front_matter_record(fm: FrontMatter<'_>) -> Map<String, Value> {
    match fm {
        FrontMatter::Yaml(yaml) => {
            if yaml.trim().is_empty() {
                return Map::new();
            }
            match serde_yaml_ng::from_str::<Value>(yaml) {
                Ok(Value::Object(m)) => m,
                Ok(_) => Map::new(),
                Err(_) => lenient_yaml(yaml),
            }
        }
        FrontMatter::Edn(edn) => edn_record(edn),
        FrontMatter::Toml(t) => match toml::from_str::<toml::Table>(t) {
            Ok(table) => match serde_json::to_value(table) {
                Ok(Value::Object(m)) => m,
                _ => Map::new(),
            },
            Err(_) => Map::new(),
        },
    }
}

/// Top-level `key: value` lines; indented lines and `- item` lines continue the previous key.
fn lenient_yaml(yaml: &str) -> Map<String, Value> {
    static KEY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<k>[A-Za-z_][\w -]{0,40}?)\s*:(?:\s+(?P<v>.*))?$").expect("valid regex")
    });
    let mut out = Map::new();
    let mut last: Option<String> = None;
    for line in yaml.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let indented = line.starts_with([' ', '\t']) || line.starts_with("- ");
        if !indented && let Some(c) = KEY.captures(line) {
            let k = c["k"].trim().to_string();
            let v = c.name("v").map_or("", |m| m.as_str());
            out.insert(k.clone(), Value::String(unquote(v)));
            last = Some(k);
            continue;
        }
        if let Some(k) = &last
            && let Some(Value::String(prev)) = out.get_mut(k)
        {
            let item = unquote(line.trim().trim_start_matches("- "));
            if !prev.is_empty() {
                prev.push('\n');
            }
            prev.push_str(&item);
        }
    }
    out
}

fn unquote(s: &str) -> String {
    let t = s.trim();
    let t = t
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .or_else(|| t.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')))
        .unwrap_or(t);
    t.replace("\\r\\n", "\n")
        .replace("\\n", "\n")
        .trim()
        .to_string()
}

/// Postings a page shows as JSON or XML in a fenced block (a crawler's README with the response
/// it got, notes keeping the responses of several boards, a feed's documented example): the
/// records of every fenced block that holds titled postings; else the records pasted one per
/// line (a JSON Lines dump's lines in notes).
fn fenced_records(body: &str) -> Option<Vec<Doc>> {
    static FENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?ms)^```[\w-]*[ \t]*\n(?P<code>.*?)^```").expect("valid regex")
    });
    let all_titled = |docs: Vec<Doc>| {
        (!docs.is_empty() && docs.iter().all(|d| d.has(Key::Title))).then_some(docs)
    };
    let titled = |code: &str| all_titled(super::json::read(code).ok()?);
    let fenced = |code: &str| {
        if super::xml::looks_like_xml(code) {
            all_titled(super::xml::read(code.trim_start()))
        } else {
            titled(code)
        }
    };
    if body.contains("```") {
        let docs: Vec<Doc> = FENCE
            .captures_iter(body)
            .take(8)
            .filter_map(|c| fenced(&c["code"]))
            .flatten()
            .collect();
        if !docs.is_empty() {
            return Some(docs);
        }
    }
    // Or records pasted one per line, as a JSON Lines dump holds them.
    let docs: Vec<Doc> = body
        .lines()
        .map(str::trim)
        .filter(|l| l.len() >= 200 && l.starts_with('{') && l.ends_with('}'))
        .take(MAX_PASTED_RECORDS)
        .filter_map(titled)
        .flatten()
        .collect();
    (!docs.is_empty()).then_some(docs)
}

/// The most records pasted one per line that a page is read for.
const MAX_PASTED_RECORDS: usize = 200;

pub fn read(text: &str) -> Result<Vec<Doc>, SkipReason> {
    let (fm, body) = match split_front_matter(text) {
        Some((fm, body)) => (Some(fm), body),
        None => (None, text),
    };
    if let Some(docs) = super::table::jobs(body, Format::Markdown) {
        return Ok(docs);
    }
    if fm.is_none()
        && let Some(docs) = fenced_records(body)
    {
        return Ok(docs);
    }
    let mut doc = Doc::new(Format::Markdown);
    if let Some(fm) = fm {
        let rec = front_matter_record(fm);
        // A careers page whose front matter lists its jobs (`jobs: [{title, location,
        // contract…}, …]`, as Jekyll and Hugo sites keep them): those are the postings.
        let listed = listed_jobs(&rec);
        if listed.len() >= 2 && !names_role(rec.get("title")) {
            return Ok(listed);
        }
        if let Some(d) = record::record_doc(&rec, Origin::Record, Format::Markdown) {
            doc = d;
        } else if !rec.is_empty() {
            doc.notes
                .push("front matter names no title, company or description".into());
        }
    }
    // A table of the one job the text is about: its labelled cells are the job's facts.
    for (label, value) in super::table::single_row(body).unwrap_or_default() {
        super::add_label_fact(&mut doc, label, &value, Origin::Label);
    }
    let front_blocks = std::mem::take(&mut doc.blocks);
    let lines: Vec<&str> = body.lines().collect();
    let start = read_header(&mut doc, &lines);
    let rest = lines[start..].join("\n");
    let mut blocks = markdown_text::to_blocks(&rest);
    // A file that is a list of roles ("# Frontend Lead … # Frontend Developer …"): its first
    // heading is one of them, and stays with its text for the split into jobs.
    if start > 0 {
        let all = markdown_text::to_blocks(body);
        if let Some(first) = all.iter().find(|b| b.kind == BlockKind::Heading)
            && blocks.iter().any(|b| {
                b.kind == BlockKind::Heading
                    && b.level == first.level
                    && super::super::fields::title::looks_like_title(&b.text)
                    && !super::super::blocks::is_known_heading(&b.text)
            })
        {
            blocks = all;
        }
    }
    // A Hacker News post kept in a page (a digest or a report quoting it under its own
    // heading): its header line among the first blocks, read as a post from there on.
    if let Some(post) = embedded_post(&doc, &blocks, &rest) {
        return Ok(vec![post]);
    }
    // No heading names the role: a first line that reads as a title does ("[São Paulo] Mobile
    // Developer na iCourier", as issues and posts begin).
    // (The page's address a paste opens with is passed over: "https://www.linkedin.com/jobs/…".)
    let url_first = blocks.first().is_some_and(|b| {
        let t = b.text.trim();
        t.starts_with("http") && !t.contains(char::is_whitespace)
    });
    let at = usize::from(url_first);
    if start == 0
        && !doc.has(Key::Title)
        && let Some(first) = blocks.get(at)
        && first.kind == BlockKind::Paragraph
        && let Some(t) = super::text::title_line(&first.text)
    {
        super::text::title_fact(&mut doc, &t);
        blocks.remove(at);
    }
    // A description from front matter comes first.
    doc.blocks = front_blocks;
    doc.blocks.extend(blocks);
    label_facts(&mut doc);
    if !doc.has(Key::Title) && !doc.has(Key::Company) && doc.blocks.is_empty() {
        return Err(SkipReason::NoPosting("Markdown file without text".into()));
    }
    Ok(vec![doc])
}

/// Whether a value is a text naming a role.
fn names_role(v: Option<&Value>) -> bool {
    v.and_then(Value::as_str)
        .is_some_and(super::super::fields::title::names_a_role)
}

/// The postings a front matter lists under its keys (not the page itself), read as the JSON
/// reader reads records.
/// Only lists count: an object of its own beside them (`opportunities: {title, content}`) is
/// a part of the page.
fn listed_jobs(rec: &Map<String, Value>) -> Vec<Doc> {
    fn lists<'v>(v: &'v Value, depth: usize, found: &mut Vec<&'v Value>) {
        match v {
            Value::Array(_) => found.push(v),
            Value::Object(o) if depth < 3 => {
                for w in o.values() {
                    lists(w, depth + 1, found);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    for v in rec.values() {
        lists(v, 0, &mut found);
    }
    let mut out = Vec::new();
    for v in found {
        super::json::collect(v, &mut out);
    }
    // Each names a role: a page's breadcrumbs (`{title: Home, url}`) and comments (`{author,
    // content}`) are lists too.
    out.retain(|d| {
        d.texts(Key::Title)
            .next()
            .is_some_and(|(t, _)| super::super::fields::title::names_a_role(t))
    });
    for d in &mut out {
        d.format = Format::Markdown;
    }
    out
}

/// A Hacker News post inside a page: a header line (`Acme | Engineer | Berlin | Full-time`)
/// among the first blocks, under nothing that names a role, read with the rest of the page as
/// one post. The page's own facts that the post does not state (a date, a link) stay. A row of
/// one of the page's tables (of `source`, the Markdown the blocks are of: "Analista Judiciário
/// | 40h | R$ 5.831,16") is no header line, however its cells read.
fn embedded_post(doc: &Doc, blocks: &[Block], source: &str) -> Option<Doc> {
    use super::super::fields::title::names_a_role;
    if doc
        .texts(Key::Title)
        .any(|(t, _)| names_a_role(t) && !super::super::vocab::vocab().page_titles.is_match(t))
    {
        return None;
    }
    // The tables' rows are read only when a block reads as a header line.
    let mut table_rows: Option<Vec<String>> = None;
    let k = blocks.iter().take(6).position(|b| {
        b.kind == BlockKind::Paragraph && super::hn::is_header_line(&b.text) && {
            let t = b.text.split_whitespace().collect::<Vec<_>>().join(" ");
            !table_rows
                .get_or_insert_with(|| markdown_text::table_rows(source))
                .contains(&t)
        }
    })?;
    if blocks[..k].iter().any(|b| {
        b.kind == BlockKind::Heading && names_a_role(&b.text) && !is_known_heading(&b.text)
    }) {
        return None;
    }
    let text: Vec<String> = blocks[k..]
        .iter()
        .map(|b| match b.kind {
            BlockKind::Item => format!("- {}", b.text),
            // A heading leads into what follows ("Open roles:").
            BlockKind::Heading if !b.text.ends_with(|c: char| c.is_ascii_punctuation()) => {
                format!("{}:", b.text)
            }
            _ => b.text.clone(),
        })
        .collect();
    let mut post = super::hn::read_post(&text.join("\n"))?;
    for f in &doc.facts {
        if f.key != Key::Title && !post.has(f.key) {
            post.facts.push(f.clone());
        }
    }
    Some(post)
}

/// The employer's name on a line of its own under a title: a name line as a plain text's header
/// has one ([`super::text::is_name_line`]) that is no place, contract or mode word and no label,
/// with a place or a contract on the next line.
fn employer_line(line: &str, rest: &[&str]) -> Option<String> {
    let v = super::super::vocab::vocab();
    let name = inline(line);
    let name = name.trim();
    let next = rest.iter().map(|l| l.trim()).find(|l| !l.is_empty())?;
    let next = inline(next);
    let next = next.trim();
    let fact = |t: &str| {
        places::is_place(t)
            || v.employment.first_in(t).is_some()
            || v.work_mode.first_in(t).is_some()
    };
    (super::text::is_name_line(name)
        && !fact(name)
        && v.label(name).is_none()
        && next.chars().count() <= 60
        && fact(next))
    .then(|| super::super::fields::company::clean_company(name))
    .flatten()
}

/// Reads a board-style header at the top of a Markdown body: a first heading naming the role
/// (a link to apply), a short heading naming the employer (or the place), badge lines
/// (`` `💰 $120k` ``, `` `🌎 Berlin` ``). Returns the index of the first line after the header.
fn read_header(d: &mut Doc, lines: &[&str]) -> usize {
    static ATX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<t>.*?)\s*#*\s*$").expect("valid regex")
    });
    static LINKED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\[(?P<t>[^\]]+)\]\((?P<u>[^)\s]+)[^)]*\)(?P<rest>.*)$").expect("valid regex")
    });
    let h = Origin::Header;
    let had_title = d.has(Key::Title);
    let mut i = 0;
    let mut headings = 0;
    let mut first_title: Option<String> = None;
    while i < lines.len() {
        let line = lines[i].trim();
        if line.is_empty() {
            i += 1;
            continue;
        }
        if line.contains('`') && is_badge_line(line) {
            read_badges(d, line);
            i += 1;
            continue;
        }
        // An empty heading, or a placeholder where a board had no value ("### None").
        if line.trim_start_matches('#').trim().is_empty()
            || (headings > 0
                && matches!(
                    line.trim_start_matches('#').trim().to_lowercase().as_str(),
                    "none" | "null" | "n/a" | "-" | "unknown"
                ))
        {
            if line.starts_with('#') {
                headings += 1;
            }
            i += 1;
            continue;
        }
        // A job page's header pasted whole: the employer's name alone on the line under the
        // title, a place or the contract on the next ("# Développeur web" / "i2N" /
        // "_Monaco (06)_").
        if headings == 1
            && !line.starts_with('#')
            && !d.has(Key::Company)
            && let Some(name) = employer_line(line, lines.get(i + 1..).unwrap_or_default())
        {
            d.text(Key::Company, name, h);
            i += 1;
            continue;
        }
        // A line of facts under the title ("**Vollzeit | Salem | Operations**").
        if headings > 0 && !line.starts_with('#') {
            // Emphasis anywhere on it: "**Milan, Italy** (no remote)".
            let plain = inline(line);
            let plain = plain.trim();
            if plain != line && super::text::meta_line(d, plain, false) {
                i += 1;
                continue;
            }
        }
        let Some(c) = ATX.captures(line) else { break };
        let level = c["hashes"].len();
        let raw = c["t"].trim();
        let (t, url) = match LINKED.captures(raw) {
            Some(l) if l["rest"].trim().is_empty() => {
                (l["t"].to_string(), Some(l["u"].to_string()))
            }
            _ => (raw.to_string(), None),
        };
        let t = inline(&t);
        let t = t.trim().trim_matches('*').trim().to_string();
        if t.is_empty() || is_known_heading(&t) {
            break;
        }
        if headings == 0 {
            if had_title && level > 1 {
                // Front matter named the posting; this heading starts the body.
                break;
            }
            // "# Senior Engineer at Acme", "# Acme — Senior Engineer".
            match split_at_company(&t) {
                Some((title, company)) => {
                    d.text(Key::Title, title, h);
                    d.text(Key::Company, company, h);
                }
                None => d.text(Key::Title, &t, h),
            }
            first_title = Some(t);
            if let Some(u) = url.filter(|u| u.starts_with("http")) {
                d.text(Key::Url, u, h);
            }
        } else if !(headings == 1 && second_heading(d, &t, level, first_title.as_deref())) {
            break;
        }
        headings += 1;
        i += 1;
    }
    if headings == 0 { 0 } else { i }
}

/// The heading under a posting's title heading, when it names the company or the place
/// ("# Senior Engineer" / "## Acme"): recorded, and true. A heading naming a role starts a
/// role's part ("## 1 Acme - Engineer"), no company.
fn second_heading(d: &mut Doc, t: &str, level: usize, first_title: Option<&str>) -> bool {
    use super::super::fields::title::looks_like_title;
    let h = Origin::Header;
    if t.chars().count() > 60
        || looks_like_title(t)
        || t.ends_with(['.', ':', '?'])
        || first_title.is_some_and(|x| x.eq_ignore_ascii_case(t))
        || level <= 1
        // "# prak_tpm_api" / "## API": a README's heading.
        || super::super::vocab::vocab().readme_headings.whole(t).is_some()
        // "# Lavora con noi" / "## Posizioni aperte": a careers page's own names.
        || super::super::vocab::vocab().page_titles.is_match(t)
        // "# SRE" / "## 仕事概要", "## Contexte", "## 目标与职责": the posting's first section.
        || names_section(t)
    {
        return false;
    }
    if places::mentions_place(t) && places::place_kind(t).is_some() {
        d.text(Key::Location, t, h);
    } else if let Some((name, place)) = super::super::fields::company::page_heading(t) {
        // "## Werken bij JM Zorgpartners": the employer after the page's invitation.
        d.text(Key::Company, &name, h);
        if let Some(place) = place {
            d.text(Key::Location, &place, h);
        }
    } else {
        d.text(Key::Company, t, h);
    }
    true
}

/// Whether a heading names one of a posting's sections: as a whole, or (in a script written
/// without spaces) as a part ("目标与职责", goals and duties).
fn names_section(t: &str) -> bool {
    let sections = &super::super::vocab::vocab().sections;
    // The vocabulary's terms match either apostrophe ("What you’ll do").
    let bare = super::super::blocks::bare_heading(t);
    sections.whole(bare).is_some()
        || (!bare.is_ascii()
            && !bare.contains(char::is_whitespace)
            && sections.first_in(bare).is_some())
}

/// "Senior Engineer at Acme" / "Senior Engineer @ Acme" → (title, company). Dashes are not
/// split here: "Software Engineer - Backend" is one title.
fn split_at_company(t: &str) -> Option<(String, String)> {
    use super::super::fields::title::looks_like_title;
    let (a, b) = t.rsplit_once(" at ").or_else(|| t.rsplit_once(" @ "))?;
    let (a, b) = (a.trim(), b.trim());
    (looks_like_title(a)
        && !looks_like_title(b)
        && !places::mentions_place(b)
        && (1..=5).contains(&b.split_whitespace().count()))
    .then(|| (a.to_string(), b.to_string()))
}

/// A line made of `code` badges only (emoji-labelled fields of board headers).
fn is_badge_line(line: &str) -> bool {
    let t = line.trim_start_matches('#').trim();
    t.starts_with('`') && t.ends_with('`') && t.matches('`').count() >= 2
}

/// Reads `` `💰 $120k` `🌎 Berlin` `⏰ Full-time` `` badges: the emoji says what a badge is.
fn read_badges(d: &mut Doc, line: &str) {
    let h = Origin::Header;
    let t = line.trim_start_matches('#').trim();
    for b in t.split('`').map(str::trim).filter(|b| !b.is_empty()) {
        let label_emoji: String = b
            .chars()
            .take_while(|c| !c.is_alphanumeric() && !"$€£¥₹(".contains(*c))
            .collect();
        let value = b[label_emoji.len()..].trim();
        if value.is_empty() {
            continue;
        }
        let e = label_emoji.trim();
        let is_money = ['💰', '💵', '💲', '🤑', '💶', '💷']
            .iter()
            .any(|c| e.contains(*c));
        let is_place = ['🌎', '🌍', '🌏', '📍', '🗺', '🏠']
            .iter()
            .any(|c| e.contains(*c));
        if is_money {
            d.text(Key::Salary, value, h);
        } else if is_place {
            d.text(Key::Location, value, h);
            d.text(Key::Badge, value, h);
        } else {
            d.text(Key::Badge, value, h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Doc {
        read(text).unwrap().remove(0)
    }

    #[test]
    fn a_table_of_the_one_post_gives_its_facts_and_no_header_line() {
        let text = "**2.2. Carga Horária e Remuneração Inicial:**\n\n\
            | Cargo | Carga Horária | Vencimento | Remuneração Inicial (Classe A - Padrão 1) |\n\
            | ----- | ------------- | ---------- | ----------------------------------------- |\n\
            | Analista Judiciário | 40h | R$ 5.831,16 | **R$ 13.994,78** |\n\n\
            2.2.1. Será acrescido o valor de R$ 1.393,10 relativo ao auxílio-alimentação.\n";
        let d = one(text);
        assert_eq!(d.format, Format::Markdown);
        let p = crate::parse::fields::resolve(&d);
        assert_eq!(p.title.as_deref(), Some("Analista Judiciário"));
        assert_eq!(p.company, None);
        assert_eq!(p.salary.map(|s| s.min), Some(Some(13994.78)));
    }

    fn all(d: &Doc, k: Key) -> Vec<String> {
        d.texts(k).map(|(t, _)| t.to_string()).collect()
    }

    #[test]
    fn postings_shown_as_json_in_a_fenced_block() {
        let md = "# crawler\n\nExtrair vagas da API.\n\n```json\n{\"data\": [{\"name\": \"Engenheiro SRE\", \
            \"careerPageName\": \"Segfy\", \"city\": \"Curitiba\", \"isRemoteWork\": true}]}\n```\n";
        let docs = read(md).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(all(&docs[0], Key::Title), ["Engenheiro SRE"]);
        assert_eq!(all(&docs[0], Key::Company), ["Segfy"]);
        // Every block holding postings (notes keeping two boards' responses).
        let two = format!(
            "{md}\nLever:\n\n```json\n[{{\"title\": \"Autonomy System Test Engineer\", \"company\": \
             \"Zoox\", \"location\": \"Foster City, CA\"}}]\n```\n"
        );
        let docs = read(&two).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(all(&docs[1], Key::Title), ["Autonomy System Test Engineer"]);
        // A feed's documented example, as XML in a fenced block of any kind.
        let xml = "# Feed\n\nExample feed\n\n```text\n<?xml version=\"1.0\"?>\n<source><jobs><job>\
            <title><![CDATA[Customer Support Representative]]></title><company><![CDATA[Example Co]]>\
            </company><location>Phoenix</location></job><job>...</job></jobs></source>\n```\n";
        let docs = read(xml).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(
            all(&docs[0], Key::Title),
            ["Customer Support Representative"]
        );
        assert_eq!(all(&docs[0], Key::Company), ["Example Co"]);
        // Records pasted one per line in notes.
        let rec = |t: &str| {
            format!(
                "{{\"@type\": \"JobPosting\", \"title\": \"{t}\", \"hiringOrganization\": {{\"name\": \
                 \"Brothers Team Bemanning AB\"}}, \"jobLocation\": {{\"addressLocality\": \"Vällingby\"}}, \"description\": \
                 \"Vi söker dig som vill köra lastbil i Stockholm och har C-körkort.\"}}"
            )
        };
        let md = format!(
            "# Job searcher\n\nLadda ner filen:\n\n{}\n\n{}\n",
            rec("C-Chaufför"),
            rec("Lagerarbetare")
        );
        let docs = read(&md).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(all(&docs[1], Key::Title), ["Lagerarbetare"]);
        // A block of settings is no posting.
        let md = "# Setup\n\nConfigure it:\n\n```json\n{\"port\": 8080, \"debug\": true}\n```\n";
        assert!(read(md).unwrap().iter().all(|d| !d.has(Key::Company)));
    }

    #[test]
    fn the_employer_alone_on_the_line_under_the_title() {
        let d = one(
            "# Développeur web full stack H/F\n<ins>i2N</ins>\n_Monaco (06)_\nCDI, Temps plein\n\nVous êtes passionnée.\n",
        );
        assert_eq!(all(&d, Key::Company), ["i2N"]);
        // A sentence under the title names no employer, nor does a line before no place.
        let d = one("# Senior Engineer\nWe build things\nBerlin\n\nText.\n");
        assert!(all(&d, Key::Company).is_empty());
        let d = one("# Senior Engineer\niOS Team\nBerlin\n\nWe build apps.\n");
        assert!(all(&d, Key::Company).is_empty());
        let d = one("# Senior Engineer\nAcme\n\nWe build things in a small team.\n");
        assert!(all(&d, Key::Company).is_empty());
    }

    #[test]
    fn a_section_s_heading_under_the_title_names_no_employer() {
        for md in [
            "# SRE\n## 仕事概要\n### 業務内容\nSRE業務\n",
            "# 开发者支持 / Developer Advocate\n\n## 目标与职责\n\n* 分享 JuiceFS 的使用方法\n",
            "# Journaliste\n\n## Contexte\n\nVie-publique.sn recherche un journaliste.\n",
        ] {
            assert!(all(&one(md), Key::Company).is_empty(), "{md}");
        }
        let d = one("# Senior Engineer\n## Acme Robotics\n\nWe build robots.\n");
        assert_eq!(all(&d, Key::Company), ["Acme Robotics"]);
        // A careers page's invitation before the name is no part of it.
        let d = one("# Pagina Vacatures\n\n## Werken bij JM Zorgpartners\n\nBij ons.\n");
        assert_eq!(all(&d, Key::Company), ["JM Zorgpartners"]);
    }

    #[test]
    fn an_emphasized_line_of_facts_under_the_title() {
        let d =
            one("# Senior Engineer\n\n**Vollzeit | Berlin | Operations**\n\nWe build things.\n");
        let badges: Vec<&str> = d.texts(Key::Badge).map(|(t, _)| t).collect();
        assert_eq!(badges, ["Vollzeit", "Berlin"]);
        assert!(!d.blocks.iter().any(|b| b.text.contains("Operations")));
    }

    #[test]
    fn emphasis_inside_a_line_of_facts() {
        let d = one("## Helixa.ai\n\n**Milan, Italy** (no remote)\n\nWe build things.\n");
        let badges: Vec<&str> = d.texts(Key::Badge).map(|(t, _)| t).collect();
        assert!(
            !badges.iter().any(|b| b.contains('*')),
            "{badges:?} {:?}",
            d.facts
        );
        let p = crate::parse::parse_text(
            "## Helixa.ai\n\n**Milan, Italy** (no remote)\n\nSiamo alla ricerca di un Back End Developer con queste caratteristiche:\n\n- Java\n",
            "helixa.md",
        )
        .unwrap();
        assert_eq!(p[0].title.as_deref(), Some("Back End Developer"));
        assert_eq!(
            p[0].locations,
            ["Milan, Italy"],
            "{:?}",
            one("## Helixa.ai\n\n**Milan, Italy** (no remote)\n\nWe build things.\n").facts
        );
        assert_eq!(p[0].work_mode, Some(crate::posting::WorkMode::Onsite));
    }

    #[test]
    fn board_header_and_badges() {
        let d = one(
            "# [Senior Rust Engineer](https://jobs.example/apply/1)  \n### Ferrous Ltd  \n#### `💰 $130,000—$140,000 USD` `🌎 Reston, VA or Remote `  \n\n**What we do**\n\nWe build things in Rust, all day long, every day, with care and attention.\n",
        );
        assert_eq!(all(&d, Key::Title), ["Senior Rust Engineer"]);
        assert_eq!(all(&d, Key::Url), ["https://jobs.example/apply/1"]);
        assert_eq!(all(&d, Key::Company), ["Ferrous Ltd"]);
        assert_eq!(all(&d, Key::Salary), ["$130,000—$140,000 USD"]);
        assert_eq!(all(&d, Key::Location), ["Reston, VA or Remote"]);
        assert_eq!(d.blocks[0].text, "What we do");
    }

    #[test]
    fn a_careers_page_whose_front_matter_lists_its_jobs() {
        let md = "---\nlayout: careers\ntitle: \"Careers | WebDev Team\"\nbreadcrumbs:\n- title: Home\n  url: /\njob_postings:\n  title: \"Job Postings\"\n  jobs:\n    - title: \"Web + Cloud Developer (Docker, Kubernetes)\"\n      location: Toronto, Ontario\n      contract: UW Co-op Position\n    - title: \"UI/UX Designer\"\n      location: Toronto, Ontario\n      contract: UW Co-op Position\nopportunities:\n  title: \"Meaningful Outcomes\"\n  content: \"The team has a successful history in educating students, and provides those interested in science with the knowledge and skills necessary to begin careers; the co-op term prepares students with solid experiences.\"\n---\n";
        let ps = crate::parse::parse_text(md, "careers.md").unwrap();
        let titles: Vec<&str> = ps
            .iter()
            .map(|p| p.title.as_deref().unwrap_or_default())
            .collect();
        assert_eq!(
            titles,
            [
                "Web + Cloud Developer (Docker, Kubernetes)",
                "UI/UX Designer"
            ]
        );
        assert_eq!(ps[0].locations, ["Toronto, Ontario"]);
        assert_eq!(
            ps[0].employment_type,
            Some(crate::posting::EmploymentType::Internship)
        );
        // The list's own heading is no employer.
        assert_eq!(ps[0].company, None);
        // A page that is itself a posting keeps its front matter's lists as its parts.
        let md = "---\ntitle: Data Engineer\ncomments:\n- author: opi\n  content: Good luck!\n- title: Backend Developer\n  location: Berlin\n---\nWe are hiring a data engineer in Munich.\n";
        let ps = crate::parse::parse_text(md, "post.md").unwrap();
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].title.as_deref(), Some("Data Engineer"));
    }

    #[test]
    fn a_post_quoted_under_a_description_label_gives_its_header_s_terms() {
        let md = "### Job 1\n- **Title**: Founding Engineer\n- **Company**: Hatchet\n- **Description**: Hatchet | Founding Engineer | NYC or REMOTE (US and EU) | https://hatchet.run Hey HN! I'm Alexander, one of the founders of Hatchet. We are hiring engineers who like queues.\n\n### Job 2\n- **Title**: Staff Engineer\n- **Company**: Archera\n- **Description**: Archera | Staff Engineer | Seattle | Hybrid | Full-time We help companies buy cloud. Our team is small and experienced.\n";
        let ps = crate::parse::parse_text(md, "digest.md").unwrap();
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].title.as_deref(), Some("Founding Engineer"));
        assert_eq!(ps[0].locations.first().map(String::as_str), Some("NYC"));
        assert_eq!(ps[0].work_mode, Some(crate::posting::WorkMode::Remote));
        assert_eq!(ps[1].locations, ["Seattle"]);
        assert_eq!(ps[1].work_mode, Some(crate::posting::WorkMode::Hybrid));
        assert_eq!(
            ps[1].employment_type,
            Some(crate::posting::EmploymentType::FullTime)
        );
    }

    #[test]
    fn front_matter_yaml_and_toml() {
        let d = one(
            "---\ntitle: Logo Design\norganization: Seattle Matrix\ncompensation: gratis\ntags: 'logo, privacy'\n---\nThe team is looking for a designer.\n",
        );
        assert_eq!(all(&d, Key::Title), ["Logo Design"]);
        assert_eq!(all(&d, Key::Company), ["Seattle Matrix"]);
        assert!(d.texts(Key::Company).all(|(_, o)| o == Origin::Record));
        let d = one(
            "+++\ntitle = \"Rust Engineer\"\ncompany = \"Ferrous\"\nlocation = \"Berlin\"\n+++\nWe build things.\n",
        );
        assert_eq!(all(&d, Key::Title), ["Rust Engineer"]);
        assert_eq!(all(&d, Key::Company), ["Ferrous"]);
        assert_eq!(all(&d, Key::Location), ["Berlin"]);
    }

    #[test]
    fn front_matter_as_a_clojure_map() {
        // Cryogen's front matter: keywords, strings (with an escaped quote), a keyword value.
        let d = one(
            "{:title \"Web Developer Needed\"\n :company \"The \\\"Rust\\\" Shop\"\n :layout :page\n :tags [\"clojure\" \"web\"]\n }\n\nI need a team to maintain my web site.\n",
        );
        assert_eq!(all(&d, Key::Title), ["Web Developer Needed"]);
        assert_eq!(all(&d, Key::Company), ["The \"Rust\" Shop"]);
        assert!(!d.blocks.iter().any(|b| b.text.contains("{:title")));
        // An unclosed map is no front matter.
        assert!(split_front_matter("{:title \"x\"\n").is_none());
    }

    #[test]
    fn odd_and_empty_front_matter() {
        let d = one(
            "---\ntitle: \"Designer: UI\" extra\norganization: O'Brien \"Co\"\n\tbad: tab\n---\nBody.",
        );
        assert!(d.has(Key::Title));
        let d = one("---\n---\n# Engineer\nBody text.");
        assert_eq!(all(&d, Key::Title), ["Engineer"]);
        assert!(read("---\n---\n").is_err());
        // A heading between two rules is the page's title, no YAML.
        let d = one("---\n# Vaga: Product Designer Pleno — Trizy\n---\n\nEmpresa: Trizy\n");
        assert_eq!(all(&d, Key::Title), ["Product Designer Pleno — Trizy"]);
    }

    #[test]
    fn a_hacker_news_post_kept_in_a_page() {
        let md = "---\ntitle: \"HN Hiring (Ask HN: Who is hiring? (October 2026))\"\ndate: \"2026-10-01\"\n---\n\n\
            # HN Hiring (Ask HN: Who is hiring? (October 2026))\n\n> Source: hn-hiring\n\n\
            Acme (YC S24) | Systems, Infrastructure | San Francisco (Onsite) | Full-time<p>We build GPUs.\
            <p>Open roles:<p>- Software Engineer, Systems ($215K-$325K + equity). Low-level work.\
            <p>- Business Operations Lead ($150K-$225K): https://jobs.example/1<p>Email me.";
        let d = one(md);
        assert_eq!(d.format, Format::Hn);
        assert_eq!(all(&d, Key::Company), ["Acme"]);
        assert_eq!(all(&d, Key::Location), ["San Francisco"]);
        // The page's date stays; its title is the thread's, not the post's.
        assert!(d.has(Key::Posted));
        assert!(
            !all(&d, Key::Title)
                .iter()
                .any(|t| t.starts_with("HN Hiring"))
        );
        // "<p>" ends a paragraph: the roles are items of their own.
        assert!(
            d.blocks.iter().any(
                |b| b.kind == BlockKind::Item && b.text.starts_with("Business Operations Lead")
            )
        );
        // A page about one job with a line of pipes under its title is no post.
        let md = "# Senior Engineer\n\nAcme | Berlin | Full-time | Remote\n\nWe build.";
        assert_eq!(one(md).format, Format::Markdown);
    }
}
