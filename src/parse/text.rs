//! Plain text pasted from a careers page. Often without a title line: the title, company and the
//! rest are then inferred from the description by the shared extractors.
//!
//! What this parser reads itself: a title line at the top (when the first line reads like a job
//! title), "Label: value" lines among the first lines (Company:, Location:, Salary:…), and the
//! description's sections.

use std::sync::LazyLock;

use regex::Regex;

use super::fields::company::looks_like_title;
use super::fields::sections::{split_sections, tidy_lines};
use super::fields::{employment, location, posted_from_label, salary, work_mode};
use super::{Document, SkipReason};
use crate::posting::{FieldSource, Posting};

/// How many leading lines may hold "Label: value" fields.
const LABEL_LINES: usize = 15;

pub fn parse(doc: &Document<'_>) -> Result<Vec<Posting>, SkipReason> {
    let mut lines = tidy_lines(doc.text.lines());
    if lines.is_empty() {
        return Err(SkipReason::Empty);
    }
    let mut p = Posting::default();
    // A title line: short, not a sentence, reads like a job title.
    if let Some(t) = title_line(&lines[0]) {
        p.title = Some(t);
        p.set_source("title", FieldSource::Header);
        lines.remove(0);
        // Meta lines under the title: "Acme — Remote (Berlin)", "Berlin, Germany · Full-time".
        let mut k = 0;
        while k < 3 && !lines.is_empty() && read_meta_line(&mut p, &lines[0], k == 0) {
            lines.remove(0);
            k += 1;
        }
        // "Title / Acme / Berlin, Germany": a bare company line above a line of facts.
        if k == 0
            && lines.len() >= 2
            && is_name_line(&lines[0])
            && read_meta_line(&mut p, &lines[1], false)
        {
            if p.company.is_none() {
                p.company = Some(lines[0].clone());
                p.set_source("company", FieldSource::Header);
            }
            lines.drain(..2);
        }
    }
    let mut i = 0;
    while i < lines.len().min(LABEL_LINES) {
        if apply_label(&mut p, &lines[i]) {
            lines.remove(i);
        } else {
            i += 1;
        }
    }
    p.sections = split_sections(&lines);
    Ok(vec![p])
}

/// The job title of a first line, if it is one: short, not a sentence, naming a role. A note
/// in parentheses and a trailing colon are dropped ("Data Scientist ( > 4 years ) :").
fn title_line(line: &str) -> Option<String> {
    // "Job Title: QA Engineer" is a label, read as one.
    if apply_label(&mut Posting::default(), line) {
        return None;
    }
    let n = line.chars().count();
    if n > 90 || line.ends_with(['.', '!']) || !looks_like_title(line) {
        return None;
    }
    if !line.ends_with(':') {
        return Some(line.to_string());
    }
    let bare = line.trim_end_matches([':', ' ']);
    let bare = match bare.find(" (") {
        Some(i) if bare.ends_with(')') => bare[..i].trim(),
        _ => bare,
    };
    let is_heading = super::fields::sections::KNOWN_HEADING.is_match(bare)
        || super::fields::sections::kind_of(bare) != super::fields::sections::SectionKind::Other;
    (!is_heading && looks_like_title(bare) && bare.split_whitespace().count() <= 6)
        .then(|| bare.to_string())
}

/// Reads a short line of header facts under a title: places, work mode, employment type, pay,
/// separated by "·", "|", "—", " - " or ","; the first line may also name the employer
/// ("Acme — Remote (Berlin, Germany)"). True when the line was such a line.
pub fn read_meta_line(p: &mut Posting, line: &str, may_name_company: bool) -> bool {
    static LABEL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[\w][\w ]{0,24}:\s").expect("valid regex"));
    let t = line.trim();
    if t.chars().count() > 100
        || t.ends_with(['.', '!', '?', ':'])
        || t.contains(". ")
        || LABEL.is_match(t)
    {
        return false;
    }
    let mut fields: Vec<String> = t
        .split(['|', '·', '•', '—', '–'])
        .flat_map(|s| s.split(" - "))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if fields.len() == 1 && !location::mentions_place(t) {
        return false;
    }
    // Classify every field first: the line is read only when each field is understood.
    let mut company: Option<String> = None;
    let mut facts = Vec::new();
    for (i, f) in fields.drain(..).enumerate() {
        let mode = work_mode::from_label(&f).or_else(|| mode_word(&f));
        let emp = employment::employment_from_label(&f);
        let place = location::mentions_place(&f);
        let pay = if f.chars().any(|c| c.is_ascii_digit()) {
            salary::salary_from_field(&f)
        } else {
            None
        };
        if mode.is_some() || emp.is_some() || place || pay.is_some() {
            facts.push((f, mode, emp, place, pay));
        } else if i == 0 && may_name_company && f.split_whitespace().count() <= 5 {
            company = Some(f);
        } else {
            return false;
        }
    }
    if facts.is_empty() {
        return false;
    }
    let h = FieldSource::Header;
    for (f, mode, emp, place, pay) in facts {
        if let Some(m) = mode
            && p.work_mode.is_none()
        {
            p.work_mode = Some(m);
            p.set_source("work_mode", h);
        }
        if let Some(e) = emp
            && p.employment_type.is_none()
        {
            p.employment_type = Some(e);
            p.set_source("employment_type", h);
        }
        if place && p.locations.is_empty() {
            p.locations = location::from_label(&f);
            p.set_source("locations", h);
        }
        if pay.is_some() && p.salary.is_none() {
            p.salary = pay;
            p.set_source("salary", h);
        }
    }
    if let Some(c) = company
        && p.company.is_none()
    {
        p.company = Some(c);
        p.set_source("company", h);
    }
    true
}

/// A short line that can be a name: a few words, no sentence punctuation, no label.
fn is_name_line(s: &str) -> bool {
    let t = s.trim();
    (1..=5).contains(&t.split_whitespace().count())
        && t.chars().count() <= 60
        && !t.ends_with(['.', '!', '?', ':', ','])
        && !t.contains(": ")
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The mode a short header field names: "Remote (Buenos Aires)", "United States (Remote)",
/// "Hybrid - 3 days".
fn mode_word(s: &str) -> Option<crate::posting::WorkMode> {
    static WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?P<r>remote)\b|\b(?P<h>hybrid)\b|\b(?P<o>on[\s-]?site|in[\s-]office)\b")
            .expect("valid regex")
    });
    use crate::posting::WorkMode;
    let l = s.trim().to_lowercase();
    if l.starts_with("no remote") || l.starts_with("not remote") {
        return Some(WorkMode::Onsite);
    }
    let c = WORD.captures(&l)?;
    Some(if c.name("r").is_some() {
        WorkMode::Remote
    } else if c.name("h").is_some() {
        WorkMode::Hybrid
    } else {
        WorkMode::Onsite
    })
}

/// Reads a "Label: value" line into the fields of the posting that are still empty; true when
/// the line was such a label (description lines further down may repeat the header).
pub fn apply_label_if_missing(p: &mut Posting, line: &str) -> bool {
    let mut tmp = Posting::default();
    if !apply_label(&mut tmp, line) {
        return false;
    }
    macro_rules! take {
        ($field:ident, $name:literal, $empty:expr) => {
            if $empty(&p.$field) && !$empty(&tmp.$field) {
                p.$field = std::mem::take(&mut tmp.$field);
                if let Some(s) = tmp.field_sources.get($name) {
                    p.set_source($name, *s);
                }
            }
        };
    }
    take!(title, "title", Option::is_none);
    take!(company, "company", Option::is_none);
    take!(locations, "locations", Vec::is_empty);
    take!(work_mode, "work_mode", Option::is_none);
    take!(salary, "salary", Option::is_none);
    take!(employment_type, "employment_type", Option::is_none);
    take!(posted, "posted", Option::is_none);
    take!(team, "team", Option::is_none);
    take!(url, "url", Option::is_none);
    take!(seniority, "seniority", Option::is_none);
    true
}

/// Reads a "Label: value" line into the posting; true when it was one.
pub fn apply_label(p: &mut Posting, line: &str) -> bool {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?P<k>company|employer|organi[sz]ation|location|locations|job\s+location|salary|compensation|pay|salary\s+range|type|employment\s+type|job\s+type|contract\s+type|remote|work\s+mode|workplace|workplace\s+type|posted|date\s+posted|team|department|apply|apply\s+at|url|title|job\s+title|position|role|seniority|level)\s*[:：]\s*(?P<v>\S.{0,200})$")
            .expect("valid regex")
    });
    let Some(c) = LABEL.captures(line) else {
        return false;
    };
    let key = c["k"].to_lowercase();
    let v = c["v"].trim();
    let h = FieldSource::Header;
    match key.as_str() {
        "company" | "employer" | "organisation" | "organization" => {
            p.company = Some(v.to_string());
            p.set_source("company", h);
        }
        k if k.contains("location") => {
            if let Some(m) = work_mode::from_label(v).or_else(|| {
                let l = v.to_lowercase();
                if l.contains("remote") {
                    Some(crate::posting::WorkMode::Remote)
                } else if l.contains("hybrid") {
                    Some(crate::posting::WorkMode::Hybrid)
                } else {
                    None
                }
            }) && p.work_mode.is_none()
            {
                p.work_mode = Some(m);
                p.set_source("work_mode", h);
            }
            p.locations = location::from_label(v);
            p.set_source("locations", h);
        }
        k if k.contains("salary") || k == "compensation" || k == "pay" => {
            p.salary = salary::salary_from_field(v);
            p.set_source("salary", h);
        }
        k if k.contains("type") && !k.contains("workplace") => {
            match employment::employment_from_label(v) {
                Some(t) => {
                    p.employment_type = Some(t);
                    p.set_source("employment_type", h);
                }
                None => return false,
            }
        }
        "remote" | "work mode" | "workplace" | "workplace type" => match work_mode::from_label(v) {
            Some(m) => {
                p.work_mode = Some(m);
                p.set_source("work_mode", h);
            }
            None => return false,
        },
        "posted" | "date posted" => {
            p.posted = posted_from_label(v).or_else(|| Some(v.to_string()));
            p.set_source("posted", h);
        }
        "team" | "department" => {
            p.team = Some(v.to_string());
            p.set_source("team", h);
        }
        "apply" | "apply at" | "url" => {
            if !v.starts_with("http") {
                return false;
            }
            p.url = Some(v.to_string());
            p.set_source("url", h);
        }
        "title" | "job title" | "position" | "role" => {
            if p.title.is_some() {
                return false;
            }
            p.title = Some(v.to_string());
            p.set_source("title", h);
        }
        "seniority" | "level" => match super::fields::seniority::from_label(v) {
            Some(s) => {
                p.seniority = Some(s);
                p.set_source("seniority", h);
            }
            None => return false,
        },
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::{EmploymentType, WorkMode};

    fn one(text: &str) -> Posting {
        parse(&Document {
            text,
            source: "t.txt",
        })
        .unwrap()
        .remove(0)
    }

    #[test]
    fn title_line_and_labels() {
        let p = one(
            "Senior Rust Engineer\nCompany: Ferrous Ltd\nLocation: Remote - Europe\nType: Full-time\n\nWe build things in Rust.",
        );
        assert_eq!(p.title.as_deref(), Some("Senior Rust Engineer"));
        assert_eq!(p.company.as_deref(), Some("Ferrous Ltd"));
        assert_eq!(p.locations, ["Europe"]);
        assert_eq!(p.work_mode, Some(WorkMode::Remote));
        assert_eq!(p.employment_type, Some(EmploymentType::FullTime));
        assert_eq!(p.sections.len(), 1);
        assert_eq!(p.sections[0].body, "We build things in Rust.");
    }

    #[test]
    fn no_title_line() {
        let p = one(
            "Acme is the world's leading anvil maker.\nWe are looking for a Backend Engineer to join us.",
        );
        assert_eq!(p.title, None);
        assert_eq!(p.sections[0].heading, None);
    }
}
