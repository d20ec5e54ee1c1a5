//! Job-board page scrapes: the text of a board's job page as a browser renders it.
//!
//! Shape: a header of short lines (badges, the title, the employer, "·"-separated place, work
//! mode, employment type and age), labelled tag lists ("Benefits & Perks", "Required Skills"),
//! the employer's description, then page widgets — view counters, "Similar Jobs", the company
//! card, reviews, salary data points of other roles, interview stats, news. What it unwraps:
//! the header's title and employer lines and its badges, the tag lists, the description blocks,
//! and the widgets worth keeping (the company card, the similar jobs).

use std::sync::LazyLock;

use regex::Regex;

use super::super::blocks::is_heading;
use super::super::doc::{Doc, Key, Origin};
use super::super::fields::title::looks_like_title;
use super::label_facts;
use super::text::is_badge;
use crate::posting::{CompanyInfo, Format, RelatedJob};

/// Widgets of job-board pages that follow the description.
pub const BOARD_WIDGETS: &[&str] = &[
    "Total Views",
    "Apply Clicks",
    "Mock Applicants",
    "Scraps",
    "Similar Jobs",
    "Similar jobs",
    "Related Jobs",
    "More Jobs",
    "People also viewed",
    "Recommended Jobs",
    "Reviews",
    "Salary Ranges",
    "Interview Experience",
    "News & Buzz",
    "Report this job",
    "Report Job",
];

/// Labelled lists that job boards show above the description.
pub const BOARD_TAG_HEADINGS: &[&str] = &[
    "Benefits & Perks",
    "Benefits",
    "Perks",
    "Required Skills",
    "Skills",
    "Tech Stack",
    "Tags",
    "Preferred Skills",
];

/// A job-board page scrape: a header of short badge lines ("On-site", "Full-time", "1mo ago",
/// "·" separators) near the top, tag lists, and page widgets after the description.
pub fn looks_like_board(text: &str) -> bool {
    let head: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(30)
        .collect();
    let v = super::super::vocab::vocab();
    let header_signals = head
        .iter()
        .filter(|l| {
            l.chars().count() <= 40
                && (**l == "·"
                    || v.work_mode.whole(l).is_some()
                    || v.employment.whole(l).is_some()
                    || super::super::fields::dates::posted_from_label(l).is_some()
                    || BOARD_TAG_HEADINGS.contains(l))
        })
        .count();
    let widgets = text
        .lines()
        .map(str::trim)
        .filter(|l| BOARD_WIDGETS.contains(l))
        .count();
    header_signals >= 3 || (header_signals >= 2 && widgets >= 1)
}

pub fn read(text: &str) -> Vec<Doc> {
    let v = super::super::vocab::vocab();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !v.is_furniture(l))
        .collect();
    let mut doc = Doc::new(Format::Board);
    let mut header = Header::default();

    // 1. Header: from the top to the first tag list or description heading/paragraph.
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let next = next_nonblank(&lines, i + 1);
        if line.is_empty() || line == "·" || line == "•" {
            i += 1;
            continue;
        }
        if BOARD_TAG_HEADINGS.contains(&line)
            || line.chars().count() > 100
            || (header.title && is_heading(line, next))
        {
            break;
        }
        header.line(&mut doc, line);
        i += 1;
    }
    if !header.title {
        doc.notes
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
        let skills =
            line.to_lowercase().contains("skill") || line.contains("Stack") || line == "Tags";
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
            let item = item.trim_start_matches(['•', '·', '-', '*', ' ']).trim();
            doc.text(
                if skills { Key::Skill } else { Key::Benefit },
                item,
                Origin::Tag,
            );
            i += 1;
        }
    }

    // 3. Description: up to the first page widget.
    let widget_at = (i..lines.len())
        .find(|&j| is_widget_start(&lines, j))
        .unwrap_or(lines.len());
    doc.add_lines(lines[i..widget_at].iter().copied());
    label_facts(&mut doc);

    // 4. Widgets.
    read_widgets(&mut doc, &lines[widget_at..]);
    if let Some(name) = doc.company_info.as_ref().and_then(|c| c.name.clone()) {
        doc.text(Key::Company, name, Origin::Page);
    }
    vec![doc]
}

/// What the header has read so far.
#[derive(Default)]
struct Header {
    title: bool,
    company: bool,
    place: bool,
}

impl Header {
    /// Reads one header line: badges ("Full-time · Remote · 2d ago"), the title (the first line
    /// naming a role), the employer (the line under the title, when it is not a badge).
    fn line(&mut self, doc: &mut Doc, line: &str) {
        let parts: Vec<&str> = line
            .split(" · ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if parts.len() > 1 {
            for part in parts {
                self.line(doc, part);
            }
            return;
        }
        if is_badge(line) && (self.title || !looks_like_title(line)) {
            if super::super::places::mentions_place(line) {
                self.place = true;
            }
            doc.text(Key::Badge, line, Origin::Header);
            return;
        }
        if !self.title {
            // Badges above the title ("採用", "New", "Hiring") are short and name no role.
            if looks_like_title(line) {
                doc.text(Key::Title, line, Origin::Header);
                self.title = true;
            }
            return;
        }
        if !self.company && !self.place && line.chars().count() <= 60 && !line.ends_with('.') {
            // The line right under the title, when it is not a place, names the employer.
            doc.text(Key::Company, line, Origin::Header);
            self.company = true;
        }
    }
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

/// Whether a widget starts at line `j`: a known widget heading, or a company card
/// ("About X" followed by the name X).
fn is_widget_start(lines: &[&str], j: usize) -> bool {
    BOARD_WIDGETS.contains(&lines[j]) || company_card_name(lines, j).is_some()
}

fn company_card_name<'a>(lines: &[&'a str], j: usize) -> Option<&'a str> {
    let name = lines[j].strip_prefix("About ")?;
    let next = next_nonblank(lines, j + 1)?;
    (next == name).then_some(name)
}

/// Reads the widgets after the description: similar jobs, the company card, the rating.
fn read_widgets(doc: &mut Doc, lines: &[&str]) {
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
                doc.related.push(RelatedJob {
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
        doc.company_info = Some(Box::new(info));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub const PAGE: &str = "New\n\nStaff Data Engineer\nAcme Corp\nBerlin, Germany\n·\nHybrid\n·\nFull-time\n·\n3d ago\n\
        Required Skills\nPython\npostgres\nWho We Are\nAcme makes anvils for discerning coyotes everywhere in the world, since 1949.\n\
        The Role\n-\nBuild pipelines.\nTotal Views\n12\nSimilar Jobs\n\nData Engineer\nInitech · Austin\nAbout Acme Corp\n\nAcme Corp\n\
        Series BAnvils for all.\n51-200\nEmployees\nBerlin\nHeadquarters\nReviews\n4.1\n2 reviews\nSalary Ranges\n$99,000\ntotal / year";

    #[test]
    fn reads_header_tags_description_and_widgets() {
        assert!(looks_like_board(PAGE));
        let d = read(PAGE).remove(0);
        let has = |k: Key, v: &str| d.texts(k).any(|(t, _)| t == v);
        assert!(has(Key::Title, "Staff Data Engineer"));
        assert!(has(Key::Company, "Acme Corp"));
        assert!(has(Key::Badge, "Berlin, Germany"));
        assert!(has(Key::Badge, "Hybrid"));
        assert!(has(Key::Badge, "Full-time"));
        assert!(has(Key::Badge, "3d ago"));
        assert!(has(Key::Skill, "postgres"));
        assert!(!d.blocks.iter().any(|b| b.text.contains("Total Views")));
        assert_eq!(d.related.len(), 1);
        let info = d.company_info.unwrap();
        assert_eq!(info.stage.as_deref(), Some("Series B"));
        assert_eq!(info.rating, Some(4.1));
    }
}
