//! Field extractors shared by every format parser.
//!
//! A format parser fills the fields its format labels (a JSON-LD `baseSalary`, a board page's
//! "On-site" header line) and the description sections. [`fill_from_text`] then infers every
//! field still missing from the description, and [`finish`] cleans the fields and derives the id.

pub mod company;
pub mod employment;
pub mod experience;
pub mod location;
pub mod salary;
pub mod sections;
pub mod seniority;
pub mod skills;
pub mod work_mode;

use std::sync::LazyLock;

use regex::Regex;

use crate::posting::{FieldSource, Posting, posting_id};
use crate::sanitize::clean_field;
use sections::{SectionKind, kind_of, list_items};

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

/// A URL for applying, named in the text near words that say so.
pub fn url_from_text(text: &str) -> Option<String> {
    static URL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"https?://[^\s<>"'()\[\]]+[^\s<>"'()\[\].,;:!?]"#).expect("valid regex")
    });
    static APPLY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:apply|application|careers|jobs|job\s+posting|position|opening)\b")
            .expect("valid regex")
    });
    text.lines()
        .filter(|l| APPLY.is_match(l))
        .find_map(|l| URL.find(l))
        .map(|m| m.as_str().to_string())
}

/// The text of the description sections that are about this job (not the employer's
/// boilerplate, benefits or legal notes). With no headings at all, the whole description.
fn job_text(p: &Posting) -> String {
    let mut out = String::new();
    for s in &p.sections {
        let kind = s.heading.as_deref().map_or(SectionKind::Other, kind_of);
        if !kind.is_boilerplate() {
            out.push_str(&s.body);
            out.push('\n');
        }
    }
    out
}

/// The requirement sections' text, or the job text when there are none.
fn requirement_text(p: &Posting) -> String {
    let req: Vec<&str> = p
        .sections
        .iter()
        .filter(|s| s.heading.as_deref().map(kind_of) == Some(SectionKind::Requirements))
        .map(|s| s.body.as_str())
        .collect();
    if req.is_empty() {
        job_text(p)
    } else {
        req.join("\n")
    }
}

/// Infers, from the description, every field the format parser did not fill.
pub fn fill_from_text(p: &mut Posting) {
    let full = p.description_text();
    let job = job_text(p);
    let text = FieldSource::Text;
    if p.title.is_none()
        && let Some(t) = company::title_from_text(&full)
    {
        p.title = Some(t);
        p.set_source("title", text);
    }
    if p.company.is_none()
        && let Some(c) = company::company_from_text(&full)
    {
        p.company = Some(c);
        p.set_source("company", text);
    }
    if p.team.is_none()
        && let Some(t) = company::team_from_text(&full)
    {
        p.team = Some(t);
        p.set_source("team", text);
    }
    if p.locations.is_empty() {
        p.locations = location::from_text(&full);
        if !p.locations.is_empty() {
            p.set_source("locations", text);
        }
    }
    if p.work_mode.is_none()
        && let Some(m) = p.title.as_deref().and_then(work_mode::from_title)
    {
        p.work_mode = Some(m);
        p.set_source("work_mode", FieldSource::Title);
    }
    if p.employment_type.is_none()
        && let Some(t) = p
            .title
            .as_deref()
            .and_then(employment::employment_from_title)
    {
        p.employment_type = Some(t);
        p.set_source("employment_type", FieldSource::Title);
    }
    if p.work_mode.is_none()
        && let Some(m) = work_mode::from_text(&job)
    {
        p.work_mode = Some(m);
        p.set_source("work_mode", text);
    }
    if p.employment_type.is_none()
        && let Some(t) = employment::employment_from_text(&job)
    {
        p.employment_type = Some(t);
        p.set_source("employment_type", text);
    }
    if p.seniority.is_none()
        && let Some(s) = p.title.as_deref().and_then(seniority::from_title)
    {
        p.seniority = Some(s);
        p.set_source("seniority", FieldSource::Title);
    }
    if p.experience_years.is_none()
        && let Some(y) = experience::years(&requirement_text(p)).or_else(|| experience::years(&job))
    {
        p.experience_years = Some(y);
        p.set_source("experience_years", text);
    }
    if p.salary.is_none()
        && let Some(s) = salary::salary_in_text(&full)
    {
        p.salary = Some(s);
        p.set_source("salary", text);
    }
    // Skills: the page's tags first, then what the job text names. The employer's own name is
    // not a skill (a posting by Postman mentions Postman).
    let company_lower = p.company.as_deref().map(str::to_lowercase);
    let found = skills::vocabulary().find_in_text(&job);
    let before = p.skills.len();
    for s in found {
        if company_lower.as_deref() == Some(&s.to_lowercase()) {
            continue;
        }
        if !p.skills.iter().any(|k| k.eq_ignore_ascii_case(s)) {
            p.skills.push(s.to_string());
        }
    }
    if p.skills.len() > before && before == 0 {
        p.set_source("skills", text);
    }
    if p.benefits.is_empty() {
        let listed: Vec<String> = p
            .sections
            .iter()
            .filter(|s| s.heading.as_deref().map(kind_of) == Some(SectionKind::Benefits))
            .flat_map(|s| list_items(&s.body))
            .filter(|i| i.chars().count() <= 80)
            .collect();
        p.benefits = if listed.is_empty() {
            company::benefits_from_text(&full)
        } else {
            listed
        };
        if !p.benefits.is_empty() {
            p.set_source("benefits", text);
        }
    }
    if p.url.is_none()
        && let Some(u) = url_from_text(&full)
    {
        p.url = Some(u);
        p.set_source("url", text);
    }
}

/// Cleans every headline field (no control characters, zero-width characters or stray
/// whitespace), drops empty values and repeats, and derives the id.
pub fn finish(p: &mut Posting) {
    let clean_opt = |v: &mut Option<String>| {
        if let Some(s) = v {
            let c = clean_field(s);
            *v = if c.is_empty() { None } else { Some(c) };
        }
    };
    clean_opt(&mut p.title);
    clean_opt(&mut p.company);
    clean_opt(&mut p.team);
    clean_opt(&mut p.posted);
    clean_opt(&mut p.url);
    let clean_list = |v: &mut Vec<String>| {
        let mut out: Vec<String> = Vec::with_capacity(v.len());
        for s in v.drain(..) {
            let c = clean_field(&s);
            if !c.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&c)) {
                out.push(c);
            }
        }
        *v = out;
    };
    clean_list(&mut p.locations);
    clean_list(&mut p.skills);
    clean_list(&mut p.benefits);
    if let Some(u) = &p.url
        && !(u.starts_with("http://") || u.starts_with("https://"))
    {
        p.warnings
            .push(format!("url {u:?} is not http(s); dropped"));
        p.url = None;
    }
    if p.title.is_none() {
        p.warnings.push("no title found".into());
    }
    if p.company.is_none() {
        p.warnings.push("no company found".into());
    }
    p.id = posting_id(p);
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
    }
}
