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
    let first = lines[0].as_str();
    if first.chars().count() <= 90 && !first.ends_with(['.', '!', ':']) && looks_like_title(first) {
        p.title = Some(first.to_string());
        p.set_source("title", FieldSource::Header);
        lines.remove(0);
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
            if let Some(m) = work_mode::from_label(v)
                && p.work_mode.is_none()
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
