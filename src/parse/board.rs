//! Job-board page scrapes: the text of a board's job page as a browser renders it.
//!
//! Shape: a header of short lines (badges, the title, location, "·"-separated work mode,
//! employment type and age), labelled tag lists ("Benefits & Perks", "Required Skills"), the
//! employer's description, then page widgets — view counters, "Similar Jobs", the company card,
//! reviews, salary data points for other roles, interview stats, news. Widgets are not
//! description: the useful ones are kept apart (`company_info`, `related`), the rest dropped.

use std::sync::LazyLock;

use regex::Regex;

use super::detect::{BOARD_TAG_HEADINGS, BOARD_WIDGETS};
use super::fields::company::looks_like_title;
use super::fields::sections::{is_heading, split_sections, tidy_lines};
use super::fields::skills::canonical_tags;
use super::fields::{employment, location, posted_from_label, salary, work_mode};
use super::{Document, SkipReason};
use crate::posting::{CompanyInfo, FieldSource, Posting, RelatedJob};

pub fn parse(doc: &Document<'_>) -> Result<Vec<Posting>, SkipReason> {
    let lines: Vec<&str> = doc.text.lines().map(str::trim).collect();
    let mut p = Posting::default();
    let h = FieldSource::Header;

    // 1. Header: from the top to the first tag list or description heading/paragraph.
    let mut i = 0;
    let mut header_done = false;
    while i < lines.len() && !header_done {
        let line = lines[i];
        let next = next_nonblank(&lines, i + 1);
        if line.is_empty() || line == "·" || line == "•" {
            i += 1;
            continue;
        }
        if BOARD_TAG_HEADINGS.contains(&line)
            || line.chars().count() > 100
            || (p.title.is_some() && is_heading(line, next))
        {
            header_done = true;
            continue;
        }
        header_line(&mut p, line);
        i += 1;
    }
    if p.title.is_none() {
        p.warnings
            .push("board page without a recognisable title line".into());
    }

    // 2. Tag lists right after the header.
    loop {
        while i < lines.len() && lines[i].is_empty() {
            i += 1;
        }
        let Some(&line) = lines.get(i) else { break };
        if !BOARD_TAG_HEADINGS.contains(&line) {
            break;
        }
        i += 1;
        let mut items = Vec::new();
        while i < lines.len() {
            let item = lines[i];
            let next = next_nonblank(&lines, i + 1);
            if item.is_empty() {
                i += 1;
                continue;
            }
            if BOARD_TAG_HEADINGS.contains(&item)
                || item.chars().count() > 60
                || is_tag_list_end(item, next)
            {
                break;
            }
            items.push(item.trim_start_matches(['•', '·', '-', '*', ' ']).trim());
            i += 1;
        }
        if line.to_lowercase().contains("skill") || line.contains("Stack") || line == "Tags" {
            p.skills.extend(canonical_tags(items.iter().copied()));
            p.set_source("skills", FieldSource::Tags);
        } else {
            p.benefits.extend(items.iter().map(|s| s.to_string()));
            p.set_source("benefits", FieldSource::Tags);
        }
    }

    // 3. Description: up to the first page widget.
    let widget_at = (i..lines.len())
        .find(|&j| is_widget_start(&lines, j))
        .unwrap_or(lines.len());
    let body = tidy_lines(lines[i..widget_at].iter().copied());
    p.sections = split_sections(&body);

    // 4. Widgets.
    read_widgets(&mut p, &lines[widget_at..]);
    if p.company.is_none()
        && let Some(name) = p.company_info.as_ref().and_then(|c| c.name.clone())
    {
        p.company = Some(name);
        p.set_source("company", h);
    }
    Ok(vec![p])
}

fn next_nonblank<'a>(lines: &[&'a str], from: usize) -> Option<&'a str> {
    lines[from.min(lines.len())..]
        .iter()
        .copied()
        .find(|l| !l.is_empty())
}

/// A tag list ends at a heading: a line ending in '?' or ':', or a short line followed by a
/// paragraph.
fn is_tag_list_end(line: &str, next: Option<&str>) -> bool {
    line.ends_with('?') || line.ends_with(':') || next.is_some_and(|n| n.chars().count() > 60)
}

/// Reads one header line into the posting.
fn header_line(p: &mut Posting, line: &str) {
    let h = FieldSource::Header;
    // Lines joined by "·" carry several fields ("Full-time · Remote · 2d ago").
    let parts: Vec<&str> = line
        .split(" · ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if parts.len() > 1 {
        for part in parts {
            header_line(p, part);
        }
        return;
    }
    if p.work_mode.is_none()
        && let Some(m) = work_mode::from_label(line)
    {
        p.work_mode = Some(m);
        p.set_source("work_mode", h);
        return;
    }
    if p.employment_type.is_none()
        && let Some(t) = employment::employment_from_label(line)
    {
        p.employment_type = Some(t);
        p.set_source("employment_type", h);
        return;
    }
    if p.posted.is_none()
        && let Some(d) = posted_from_label(line)
    {
        p.posted = Some(d);
        p.set_source("posted", h);
        return;
    }
    if p.salary.is_none()
        && line.chars().any(|c| c.is_ascii_digit())
        && let Some(s) = salary::salary_from_field(line)
    {
        p.salary = Some(s);
        p.set_source("salary", h);
        return;
    }
    if p.title.is_none() {
        // Badges above the title ("採用", "New", "Hiring") are short and name no role.
        if looks_like_title(line) {
            p.title = Some(line.to_string());
            p.set_source("title", h);
        }
        return;
    }
    if p.locations.is_empty() && location::mentions_place(line) {
        p.locations = location::from_label(line);
        p.set_source("locations", h);
        return;
    }
    if p.company.is_none()
        && p.locations.is_empty()
        && line.chars().count() <= 60
        && !line.ends_with('.')
    {
        // The line right under the title, when it is not a place, names the employer.
        p.company = Some(line.to_string());
        p.set_source("company", h);
    }
}

/// Whether a widget starts at line `j`: a known widget heading, or a company card
/// ("About X" followed by the name X).
fn is_widget_start(lines: &[&str], j: usize) -> bool {
    let line = lines[j];
    if BOARD_WIDGETS.contains(&line) {
        return true;
    }
    company_card_name(lines, j).is_some()
}

fn company_card_name<'a>(lines: &[&'a str], j: usize) -> Option<&'a str> {
    let name = lines[j].strip_prefix("About ")?;
    let next = next_nonblank(lines, j + 1)?;
    (next == name).then_some(name)
}

/// Reads the widgets after the description: similar jobs, the company card, the rating.
fn read_widgets(p: &mut Posting, lines: &[&str]) {
    static STAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<stage>Pre-[Ss]eed|Seed|Series [A-K]\+?|Public|Private|Acquired|IPO|Bootstrapped|Late Stage|Early Stage|Growth Stage)\s*(?P<about>.*)$")
            .expect("valid regex")
    });
    static NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\d(?:\.\d)?$").expect("valid regex"));
    let mut info = CompanyInfo::default();
    let mut j = 0;
    while j < lines.len() {
        let line = lines[j];
        if line.starts_with("Similar")
            || line.starts_with("Related")
            || line.starts_with("More Jobs")
        {
            j += 1;
            // Entries: a title line, then "Company · Location".
            while j + 1 < lines.len() {
                let (title, meta) = (lines[j], lines[j + 1]);
                if title.is_empty() {
                    j += 1;
                    continue;
                }
                let Some((company, loc)) = meta.split_once(" · ") else {
                    break;
                };
                p.related.push(RelatedJob {
                    title: title.to_string(),
                    company: Some(company.trim().to_string()),
                    location: Some(loc.trim().to_string()),
                });
                j += 2;
            }
            continue;
        }
        if let Some(name) = company_card_name(lines, j) {
            info.name = Some(name.to_string());
            // Skip to the name line, then read the card.
            j += 1;
            while j < lines.len() && lines[j] != name {
                j += 1;
            }
            j += 1;
            while j < lines.len() && !BOARD_WIDGETS.contains(&lines[j]) {
                let v = lines[j];
                let label = lines.get(j + 1).copied().unwrap_or("");
                if let Some(c) = STAGE.captures(v)
                    && info.stage.is_none()
                {
                    info.stage = Some(c["stage"].to_string());
                    let about = c["about"].trim();
                    if !about.is_empty() {
                        info.about = Some(about.to_string());
                    }
                    j += 1;
                    continue;
                }
                let slot = match label {
                    "Employees" => Some(&mut info.size),
                    "Headquarters" => Some(&mut info.headquarters),
                    "Valuation" => Some(&mut info.valuation),
                    _ => None,
                };
                if let Some(slot) = slot
                    && !v.is_empty()
                {
                    *slot = Some(v.to_string());
                    j += 2;
                    continue;
                }
                j += 1;
            }
            continue;
        }
        if line == "Reviews"
            && let Some(r) = next_nonblank(lines, j + 1).filter(|r| NUMBER.is_match(r))
        {
            info.rating = r.parse().ok().filter(|v: &f32| (0.0..=5.0).contains(v));
        }
        j += 1;
    }
    if !info.is_empty() {
        p.company_info = Some(Box::new(info));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::{EmploymentType, WorkMode};

    const PAGE: &str = "New\n\nStaff Data Engineer\nAcme Corp\nBerlin, Germany\n·\nHybrid\n·\nFull-time\n·\n3d ago\n\
        Required Skills\nPython\npostgres\nWho We Are\nAcme makes anvils for discerning coyotes everywhere in the world, since 1949.\n\
        The Role\n-\nBuild pipelines.\nTotal Views\n12\nSimilar Jobs\n\nData Engineer\nInitech · Austin\nAbout Acme Corp\n\nAcme Corp\n\
        Series BAnvils for all.\n51-200\nEmployees\nBerlin\nHeadquarters\nReviews\n4.1\n2 reviews\nSalary Ranges\n$99,000\ntotal / year";

    #[test]
    fn reads_header_tags_description_and_widgets() {
        let p = parse(&Document {
            text: PAGE,
            source: "b.txt",
        })
        .unwrap()
        .remove(0);
        assert_eq!(p.title.as_deref(), Some("Staff Data Engineer"));
        assert_eq!(p.company.as_deref(), Some("Acme Corp"));
        assert_eq!(p.locations, ["Berlin, Germany"]);
        assert_eq!(p.work_mode, Some(WorkMode::Hybrid));
        assert_eq!(p.employment_type, Some(EmploymentType::FullTime));
        assert_eq!(p.posted.as_deref(), Some("3d ago"));
        assert_eq!(p.skills, ["Python", "PostgreSQL"]);
        assert_eq!(p.salary, None);
        let headings: Vec<_> = p.sections.iter().map(|s| s.heading.as_deref()).collect();
        assert_eq!(headings, [Some("Who We Are"), Some("The Role")]);
        assert!(!p.description_text().contains("Total Views"));
        assert_eq!(p.related.len(), 1);
        assert_eq!(p.related[0].company.as_deref(), Some("Initech"));
        let info = p.company_info.unwrap();
        assert_eq!(info.stage.as_deref(), Some("Series B"));
        assert_eq!(info.size.as_deref(), Some("51-200"));
        assert_eq!(info.headquarters.as_deref(), Some("Berlin"));
        assert_eq!(info.rating, Some(4.1));
    }
}
