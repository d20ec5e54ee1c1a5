//! Markdown postings: optional YAML front matter (title, organization/company, location,
//! salary/compensation, tags… read as a structured record), a board-style header at the top
//! (`# [Title](apply link)`, `### Company`, a line of `` `💰 …` `🌎 …` `` badges), then the
//! description, whose headings become sections.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

use super::fields::sections::{KNOWN_HEADING, SectionKind, kind_of, split_sections, tidy_lines};
use super::fields::{employment, location, salary, work_mode};
use super::record::{self, default_currency};
use super::{Document, SkipReason, html_text, text};
use crate::posting::{FieldSource, Format, Posting};

/// Splits `---\nyaml\n---\nbody` into (front matter, body). None when there is no closed front
/// matter block at the very top.
pub fn split_front_matter(s: &str) -> Option<(&str, &str)> {
    let rest = s
        .strip_prefix("---\n")
        .or_else(|| s.strip_prefix("---\r\n"))
        .or_else(|| s.strip_prefix("--- \n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            let fm = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Some((fm, body));
        }
        offset += line.len();
    }
    None
}

/// Whether `s` reads as Markdown: front matter, or enough Markdown syntax (ATX headings, bold
/// runs, links, fenced code).
pub fn looks_markdown(s: &str) -> bool {
    static HEADING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?m)^\s{0,3}#{1,6}\s+\S").expect("valid regex"));
    static BOLD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\*\*[^*\n]{1,80}\*\*|__[^_\n]{1,80}__").expect("valid regex")
    });
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\]\((?:https?://|mailto:|/|#)").expect("valid regex"));
    if split_front_matter(s).is_some() {
        return true;
    }
    let head: &str = match s.char_indices().nth(30_000) {
        Some((i, _)) => &s[..i],
        None => s,
    };
    let headings = HEADING.find_iter(head).take(3).count();
    let bold = BOLD.find_iter(head).take(3).count();
    let links = LINK.find_iter(head).take(3).count();
    let fences = head.matches("\n```").take(2).count();
    let score = headings * 2 + bold + links * 2 + fences * 2;
    score >= 4 || (headings >= 1 && score >= 3)
}

/// Front matter YAML → a record. Lenient: when the YAML does not parse (odd quoting, tabs), a
/// line-based `key: value` reading takes over.
pub fn front_matter_record(yaml: &str) -> Map<String, Value> {
    if yaml.trim().is_empty() {
        return Map::new();
    }
    match serde_yaml_ng::from_str::<Value>(yaml) {
        Ok(Value::Object(m)) => m,
        Ok(_) => Map::new(),
        Err(_) => lenient_yaml(yaml),
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

pub fn parse(doc: &Document<'_>) -> Result<Vec<Posting>, SkipReason> {
    let (fm, body) = match split_front_matter(doc.text) {
        Some((fm, body)) => (Some(fm), body),
        None => (None, doc.text),
    };
    let mut p = Posting::default();
    if let Some(fm) = fm {
        let rec = front_matter_record(fm);
        if let Some(r) = record::posting_from_record(&rec, FieldSource::Structured) {
            p = r;
        } else if !rec.is_empty() {
            p.warnings
                .push("front matter names no title, company or description".into());
        }
    }
    let lines: Vec<&str> = body.lines().collect();
    let start = read_header(&mut p, &lines);
    let rest = lines[start..].join("\n");
    let text = to_text(&rest);
    let tidy = tidy_lines(text.lines());
    for line in tidy.iter().take(40) {
        // "• **Salary:** $100k" reads as the label without its bullet.
        let bare = line.trim_start_matches(['•', '-', '*', ' ']);
        text::apply_label_if_missing(&mut p, bare);
    }
    let mut sections = split_sections(&tidy);
    if !p.sections.is_empty() {
        // A description from front matter comes first.
        p.sections.append(&mut sections);
    } else {
        p.sections = sections;
    }
    if p.title.is_none() && p.company.is_none() && p.sections.is_empty() {
        return Err(SkipReason::NoPosting("Markdown file without text".into()));
    }
    p.format = Format::Markdown;
    Ok(vec![p])
}

/// Reads a board-style header at the top of a Markdown body: a first heading naming the role
/// (a link to apply), a short heading naming the employer, badge lines (`` `💰 $120k` ``,
/// `` `🌎 Berlin` ``). Returns the index of the first line after the header.
fn read_header(p: &mut Posting, lines: &[&str]) -> usize {
    static ATX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<t>.*?)\s*#*\s*$").expect("valid regex")
    });
    static LINKED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\[(?P<t>[^\]]+)\]\((?P<u>[^)\s]+)[^)]*\)(?P<rest>.*)$").expect("valid regex")
    });
    let h = FieldSource::Header;
    let mut i = 0;
    let mut headings = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if line.is_empty() {
            i += 1;
            continue;
        }
        if line.contains('`') && is_badge_line(line) {
            read_badges(p, line);
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
        if t.is_empty() || is_section_heading(&t) {
            break;
        }
        if headings == 0 {
            if p.title.is_none() {
                // "# Senior Engineer at Acme", "# Acme — Senior Engineer".
                match split_at_company(&t) {
                    Some((title, company)) if p.company.is_none() => {
                        p.title = Some(title);
                        p.company = Some(company);
                        p.set_source("company", h);
                    }
                    _ => p.title = Some(t),
                }
                p.set_source("title", h);
            } else if p
                .title
                .as_deref()
                .is_some_and(|x| !x.eq_ignore_ascii_case(&t))
                && level > 1
            {
                break;
            }
            if let Some(u) = url.filter(|u| u.starts_with("http"))
                && p.url.is_none()
            {
                p.url = Some(u);
                p.set_source("url", h);
            }
        } else if headings == 1 && t.chars().count() <= 60 && !t.ends_with(['.', ':', '?']) {
            if location::mentions_place(&t) && location::place_kind(&t).is_some() {
                if p.locations.is_empty() {
                    p.locations = location::from_label(&t);
                    p.set_source("locations", h);
                }
            } else if p.company.is_none() {
                p.company = Some(t);
                p.set_source("company", h);
            }
        } else {
            break;
        }
        headings += 1;
        i += 1;
    }
    if headings == 0 { 0 } else { i }
}

/// "Senior Engineer at Acme" / "Senior Engineer @ Acme" → (title, company). Dashes are not
/// split here: "Software Engineer - Backend" is one title.
fn split_at_company(t: &str) -> Option<(String, String)> {
    use super::fields::company::looks_like_title;
    let (a, b) = t.rsplit_once(" at ").or_else(|| t.rsplit_once(" @ "))?;
    let (a, b) = (a.trim(), b.trim());
    (looks_like_title(a)
        && !looks_like_title(b)
        && !location::mentions_place(b)
        && (1..=5).contains(&b.split_whitespace().count()))
    .then(|| (a.to_string(), b.to_string()))
}

/// A heading that opens a description section ("About the role", "Requirements").
fn is_section_heading(t: &str) -> bool {
    let bare = t.trim_end_matches([':', '?', ' ']);
    KNOWN_HEADING.is_match(bare)
        || kind_of(bare) != SectionKind::Other
            && bare.split_whitespace().count() <= 4
            && !super::fields::company::looks_like_title(bare)
}

/// A line made of `code` badges only (emoji-labelled fields of board headers).
fn is_badge_line(line: &str) -> bool {
    let t = line.trim_start_matches('#').trim();
    t.starts_with('`') && t.ends_with('`') && t.matches('`').count() >= 2
}

/// Reads `` `💰 $120k` `🌎 Berlin` `⏰ Full-time` `` badges.
fn read_badges(p: &mut Posting, line: &str) {
    let h = FieldSource::Header;
    let t = line.trim_start_matches('#').trim();
    let badges: Vec<&str> = t
        .split('`')
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    // Places first, so that a bare salary figure can take the place's currency.
    let mut salary_badges = Vec::new();
    for b in badges {
        let label_emoji: String = b
            .chars()
            .take_while(|c| !c.is_alphanumeric() && !"$€£¥₹(".contains(*c))
            .collect();
        let value = b[label_emoji.len()..].trim();
        if value.is_empty() {
            continue;
        }
        let e = label_emoji.trim();
        let is_money = e.contains('💰') || e.contains('💵') || e.contains('💲') || e.contains('🤑');
        let is_place = ['🌎', '🌍', '🌏', '📍', '🗺', '🏠']
            .iter()
            .any(|c| e.contains(*c));
        let is_time = ['⏰', '🕒', '⌛', '💼', '📅']
            .iter()
            .any(|c| e.contains(*c));
        if is_money {
            salary_badges.push(value);
        } else if is_place || (e.is_empty() && location::mentions_place(value)) {
            if p.work_mode.is_none()
                && let Some(m) = mode_in(value)
            {
                p.work_mode = Some(m);
                p.set_source("work_mode", h);
            }
            if p.locations.is_empty() {
                p.locations = location::from_label(value);
                if !p.locations.is_empty() {
                    p.set_source("locations", h);
                }
            }
        } else if let Some(t) = employment::employment_from_label(value) {
            if p.employment_type.is_none() {
                p.employment_type = Some(t);
                p.set_source("employment_type", h);
            }
        } else if let Some(m) = work_mode::from_label(value) {
            if p.work_mode.is_none() {
                p.work_mode = Some(m);
                p.set_source("work_mode", h);
            }
        } else if is_time {
            continue;
        }
    }
    for value in salary_badges {
        if p.salary.is_some() {
            break;
        }
        let s = salary::salary_from_field(value)
            .or_else(|| salary::bare_salary(value, default_currency(&p.locations)));
        if let Some(s) = s {
            p.salary = Some(s);
            p.set_source("salary", h);
        }
    }
}

/// The work mode a location value names ("Remote (USA)", "Reston, VA or Remote", "Hybrid").
fn mode_in(s: &str) -> Option<crate::posting::WorkMode> {
    use crate::posting::WorkMode;
    if let Some(m) = work_mode::from_label(s) {
        return Some(m);
    }
    let l = s.to_lowercase();
    if l.contains("remote") {
        Some(WorkMode::Remote)
    } else if l.contains("hybrid") {
        Some(WorkMode::Hybrid)
    } else if l.contains("on-site") || l.contains("onsite") {
        Some(WorkMode::Onsite)
    } else {
        None
    }
}

/// Markdown → plain text lines: headings become heading lines (ending in ':'), list items
/// "• " bullets, links their text, emphasis and code marks dropped, stray HTML and entities
/// decoded, tables kept as "a | b" rows, rules dropped.
pub fn to_text(md: &str) -> String {
    static ATX: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s{0,3}#{1,6}\s+(?P<t>.*?)\s*#*\s*$").expect("valid regex"));
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?P<t>.*)$").expect("valid regex")
    });
    static RULE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$")
            .expect("valid regex")
    });
    static TABLE_SEP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$").expect("valid regex")
    });
    static BOLD_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\*\*|__)(?P<t>[^*_]{2,80}?)(?:\*\*|__)\s*(?P<tail>[^\w\s]{0,6})\s*$")
            .expect("valid regex")
    });
    let mut out: Vec<String> = Vec::new();
    let mut in_fence = false;
    for raw in md.lines() {
        let line = raw.trim_end();
        if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push(line.to_string());
            continue;
        }
        let line = line.trim_end_matches('\\').trim_end();
        let t = line.trim_start().trim_start_matches('>').trim_start();
        if t.is_empty() {
            out.push(String::new());
            continue;
        }
        if RULE.is_match(t) {
            // A setext underline turns the previous line into a heading.
            if (t.starts_with('=') || t.starts_with('-'))
                && let Some(prev) = out.last_mut()
                && !prev.is_empty()
                && prev.chars().count() <= 70
                && !prev.starts_with('•')
            {
                *prev = heading_line(prev);
                out.push(String::new());
            } else {
                out.push(String::new());
            }
            continue;
        }
        if TABLE_SEP.is_match(t) && t.contains('-') && t.contains('|') {
            continue;
        }
        if let Some(c) = ATX.captures(t) {
            let h = inline(&c["t"]);
            let h = h.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
            if !h.is_empty() {
                out.push(String::new());
                out.push(heading_line(h));
                out.push(String::new());
            }
            continue;
        }
        if let Some(c) = BOLD_LINE.captures(t) {
            let h = inline(&c["t"]);
            out.push(String::new());
            out.push(heading_line(h.trim()));
            out.push(String::new());
            continue;
        }
        if let Some(c) = LIST.captures(t) {
            let item = inline(&c["t"]);
            if !item.trim().is_empty() {
                out.push(format!("• {}", item.trim()));
            }
            continue;
        }
        if t.starts_with('|') {
            let cells: Vec<String> = t
                .trim_matches('|')
                .split('|')
                .map(|c| inline(c.trim()))
                .filter(|c| !c.is_empty())
                .collect();
            out.push(cells.join(" | "));
            continue;
        }
        out.push(inline(t));
    }
    out.join("\n")
}

/// "About us" → "About us:" (a heading line the section splitter recognizes).
fn heading_line(h: &str) -> String {
    let h = h.trim();
    if h.chars().count() <= 70 && !h.ends_with([':', '?', '!', '.', ')']) {
        format!("{h}:")
    } else {
        h.to_string()
    }
}

/// Inline Markdown → text: images dropped, links to their text, code and emphasis marks
/// dropped, escapes resolved, HTML tags and entities decoded.
pub fn inline(s: &str) -> String {
    static IMAGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"!\[[^\]]*\]\([^)]*\)").expect("valid regex"));
    static LINK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\[(?P<t>[^\]]*)\]\((?P<u>[^)\s]*)(?:\s+[^)]*)?\)").expect("valid regex")
    });
    static AUTOLINK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"<(?P<u>(?:https?://|mailto:)[^>\s]+)>").expect("valid regex")
    });
    static STRONG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\*\*(?P<t>[^*]*)\*\*|__(?P<u>[^_]+)__").expect("valid regex")
    });
    static EM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?P<a>^|[^\w*])\*(?P<t>[^*\s][^*]*?)\*|(?P<b>^|[^\w])_(?P<u>[^_\s][^_]*?)_(?P<c>[^\w]|$)")
            .expect("valid regex")
    });
    static ESCAPE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\\(?P<c>[\\`*_{}\[\]()#+\-.!|>~])").expect("valid regex"));
    if !s.contains(['[', '*', '_', '`', '\\', '<', '&', '!']) {
        return s.to_string();
    }
    let s = IMAGE.replace_all(s, "");
    let s = LINK.replace_all(&s, |c: &regex::Captures<'_>| {
        let t = c["t"].trim();
        if t.is_empty() {
            c["u"].to_string()
        } else {
            t.to_string()
        }
    });
    let s = AUTOLINK.replace_all(&s, "$u");
    let s = if html_text::has_markup(&s) {
        let t = html_text::fragment_to_text(&s);
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s.into_owned()
    };
    let s = s.replace('`', "");
    let s = STRONG.replace_all(&s, "$t$u");
    let s = EM.replace_all(&s, "$a$t$b$u$c");
    let s = ESCAPE.replace_all(&s, "$c");
    s.replace("**", "").trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::{Period, WorkMode};

    fn one(text: &str) -> Posting {
        parse(&Document {
            text,
            source: "x.md",
        })
        .unwrap()
        .remove(0)
    }

    #[test]
    fn board_header_and_badges() {
        let p = one(
            "# [Senior Rust Engineer](https://jobs.example/apply/1)  \n### Ferrous Ltd  \n#### `💰 $130,000—$140,000 USD` `🌎 Reston, VA or Remote `  \n\n**What we do**\n\nWe build things in Rust, all day long, every day, with care and attention.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Senior Rust Engineer"));
        assert_eq!(p.url.as_deref(), Some("https://jobs.example/apply/1"));
        assert_eq!(p.company.as_deref(), Some("Ferrous Ltd"));
        assert_eq!(p.work_mode, Some(WorkMode::Remote));
        assert_eq!(p.locations, ["Reston, VA"]);
        let s = p.salary.unwrap();
        assert_eq!(
            (s.min, s.max, s.currency.as_str()),
            (Some(130e3), Some(140e3), "USD")
        );
        assert_eq!(p.sections[0].heading.as_deref(), Some("What we do"));
    }

    #[test]
    fn generic_markdown_posting() {
        let p = one(
            "## Senior Rust Engineer at Ferrous Ltd\n\n- **Location:** Berlin, Germany (hybrid)\n- **Salary:** €80k–€95k\n\n### About the role\n\nYou will write Rust every day, with care, tests and good humour all along.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Senior Rust Engineer"));
        assert_eq!(p.company.as_deref(), Some("Ferrous Ltd"));
        assert_eq!(p.locations, ["Berlin, Germany"]);
        assert_eq!(p.work_mode, Some(WorkMode::Hybrid));
        let s = p.salary.unwrap();
        assert_eq!(
            (s.min, s.max, s.currency.as_str()),
            (Some(80e3), Some(95e3), "EUR")
        );
    }

    #[test]
    fn bare_salary_badge() {
        let p = one("# Data Analyst\n### Acme\n#### `💰 420000.0` `🌎 United States`\n\nText.");
        let s = p.salary.unwrap();
        assert_eq!(
            (s.min, s.currency.as_str(), s.period),
            (Some(420000.0), "USD", Period::Year)
        );
        let p = one("# Data Analyst\n### Acme\n#### `💰 0` `🌎 United States`\n\nText.");
        assert_eq!(p.salary, None);
    }

    #[test]
    fn front_matter_fields() {
        let p = one(
            "---\ntitle: Logo Design\norganization: Seattle Matrix\ncompensation: gratis\ntags: 'logo, privacy'\n---\nThe team is looking for a designer.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Logo Design"));
        assert_eq!(p.company.as_deref(), Some("Seattle Matrix"));
        assert_eq!(p.salary, None);
        assert_eq!(p.field_sources["company"], FieldSource::Structured);
    }

    #[test]
    fn odd_and_empty_front_matter() {
        let p = one(
            "---\ntitle: \"Designer: UI\" extra\norganization: O'Brien \"Co\"\n\tbad: tab\n---\nBody.",
        );
        assert!(p.title.is_some());
        let p = one("---\n---\n# Engineer\nBody text.");
        assert_eq!(p.title.as_deref(), Some("Engineer"));
        assert!(
            parse(&Document {
                text: "---\n---\n",
                source: "x.md"
            })
            .is_err()
        );
    }

    #[test]
    fn markdown_to_text() {
        let t = to_text(
            "## Requirements\n\n* **Rust** and [Tokio](https://tokio.rs)\n1. `SQL`\n\n---\n| a | b |\n|---|---|\n| 1 | 2 |\nAT&amp;T <br> x\\_y",
        );
        assert_eq!(
            t,
            "\nRequirements:\n\n\n• Rust and Tokio\n• SQL\n\n\na | b\n1 | 2\nAT&T x_y"
        );
        assert!(looks_markdown("# Title\n\n**Bold** text"));
        assert!(!looks_markdown(
            "Senior Engineer\nWe are hiring - apply now."
        ));
    }
}
