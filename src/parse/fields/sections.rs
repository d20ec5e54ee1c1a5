//! Description structure: lines → sections at their headings, bullets tidied, and what kind of
//! section each heading introduces (requirements, benefits, company boilerplate…).

use std::sync::LazyLock;

use regex::Regex;

use crate::posting::Section;

/// What a section is about, judged from its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    Role,
    Responsibilities,
    Requirements,
    Benefits,
    Compensation,
    Company,
    Legal,
    Other,
}

impl SectionKind {
    /// Sections about the employer in general or legal text, not about this job.
    pub fn is_boilerplate(self) -> bool {
        matches!(
            self,
            SectionKind::Company | SectionKind::Legal | SectionKind::Benefits
        )
    }
}

/// Classifies a heading.
pub fn kind_of(heading: &str) -> SectionKind {
    let h = heading.to_lowercase().replace('’', "'");
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if has(&[
        "equal opportunit",
        "equal employment",
        "eeo",
        "diversity",
        "accommodation",
        "privacy",
        "disclaimer",
    ]) {
        SectionKind::Legal
    } else if has(&[
        "salary",
        "compensation",
        "pay range",
        "remuneration",
        "rémunération",
    ]) {
        SectionKind::Compensation
    } else if has(&[
        "benefit",
        "perks",
        "what we offer",
        "we offer",
        "why join",
        "why work",
        "what else",
        "avantages",
    ]) {
        SectionKind::Benefits
    } else if has(&[
        "requirement",
        "qualification",
        "looking for",
        "you have",
        "you bring",
        "skills",
        "experience",
        "must have",
        "nice to have",
        "bonus point",
        "what you need",
        "about you",
        "who you are",
        "ideal candidate",
        "profile",
        "tech stack",
        "our stack",
        "you'll need",
        "you will need",
        "you should",
        "profil",
        "competenc",
    ]) {
        SectionKind::Requirements
    } else if has(&[
        "what you'll do",
        "what you will do",
        "responsibilit",
        "day to day",
        "day-to-day",
        "you will",
        "you'll",
        "duties",
        "what you'll be doing",
        "missions",
        "your impact",
        "in this role",
    ]) {
        SectionKind::Responsibilities
    } else if has(&[
        "the role",
        "your role",
        "about the role",
        "job description",
        "position",
        "the job",
        "overview",
        "the opportunity",
    ]) {
        SectionKind::Role
    } else if has(&[
        "about",
        "who are we",
        "who we are",
        "our values",
        "our mission",
        "our culture",
        "company",
        "our story",
        "values",
    ]) {
        SectionKind::Company
    } else {
        SectionKind::Other
    }
}

pub static KNOWN_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:about\b.*|the\s+role|your\s+role|role|responsibilities|key\s+responsibilities|requirements|qualifications|(?:preferred|minimum|basic)\s+qualifications|benefits|perks|benefits\s*(?:&|and)\s*perks|what\s+we\s+offer|nice\s+to\s+haves?|bonus\s+points|compensation|salary|how\s+to\s+apply|tech\s+stack|our\s+stack|location|our\s+values|equal\s+opportunity.*|who\s+you\s+are|about\s+you|job\s+description|overview|summary|the\s+opportunity|what\s+you.ll\s+do|what\s+you\s+will\s+do|what\s+we.re\s+looking\s+for|your\s+profile|skills|must\s+haves?|duties)$",
    )
    .expect("valid regex")
});

/// True when a line is a bullet marker alone ("-", "•") or starts with one.
pub fn bullet_marker(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for m in [
        "- ", "* ", "• ", "· ", "– ", "●", "•", "▪", "◦", "‣", "✓", "✔",
    ] {
        if let Some(rest) = t.strip_prefix(m) {
            return Some(rest.trim_start());
        }
    }
    if t == "-" || t == "*" {
        return Some("");
    }
    None
}

/// Decides whether `line` is a heading, looking at the line that follows it.
pub fn is_heading(line: &str, next: Option<&str>) -> bool {
    let t = line.trim();
    let chars = t.chars().count();
    if !(2..=70).contains(&chars) || bullet_marker(t).is_some() {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > 9
        || t.ends_with(['.', ',', ';'])
        || t.starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let bare = t
        .trim_end_matches([':', '?', ' '])
        .trim_matches(|c: char| c == '*' || c == '#' || c == '_');
    if KNOWN_HEADING.is_match(bare) {
        return true;
    }
    if t.ends_with(':') {
        return true;
    }
    let next_is_body = next.is_some_and(|n| {
        let n = n.trim();
        n.chars().count() > 60 || bullet_marker(n).is_some()
    });
    if t.ends_with('?') && words.len() <= 7 {
        return next_is_body;
    }
    // Title Case short lines followed by a paragraph or a list.
    let mut significant: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    if significant.is_empty() {
        significant = words.iter().collect();
    }
    let capitalized = significant
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let title_case = !significant.is_empty() && capitalized * 10 >= significant.len() * 6;
    title_case && next_is_body && words.len() <= 7
}

/// Cleans description lines: trims them, drops blank ones, and joins a bullet marker that sits
/// alone on its line with the item that follows ("-" then "Design…" → "- Design…").
pub fn tidy_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending_bullet = false;
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if matches!(t, "-" | "*" | "•" | "·" | "–" | "●" | "▪") {
            pending_bullet = true;
            continue;
        }
        let item = match bullet_marker(t) {
            Some(rest) if !rest.is_empty() => format!("• {rest}"),
            _ if pending_bullet => format!("• {t}"),
            _ => t.to_string(),
        };
        pending_bullet = false;
        out.push(item);
    }
    out
}

/// Groups tidy lines into sections at their headings. Text before the first heading becomes a
/// section without a heading.
pub fn split_sections(lines: &[String]) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut heading: Option<String> = None;
    let mut body: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let next = lines.get(i + 1).map(String::as_str);
        if is_heading(line, next) {
            if heading.is_some() || !body.is_empty() {
                sections.push(Section {
                    heading: heading.take(),
                    body: body.join("\n"),
                });
                body.clear();
            }
            heading = Some(clean_heading(line));
        } else {
            body.push(line);
        }
    }
    if heading.is_some() || !body.is_empty() {
        sections.push(Section {
            heading,
            body: body.join("\n"),
        });
    }
    // A heading with nothing under it (two headings in a row) is kept only if it is the last.
    sections.retain(|s| !s.body.is_empty() || s.heading.is_some());
    sections
}

/// "**What You'll Do:**" → "What You'll Do".
pub fn clean_heading(line: &str) -> String {
    line.trim()
        .trim_matches(|c: char| c == '*' || c == '#' || c == '_' || c.is_whitespace())
        .trim_end_matches(':')
        .trim()
        .to_string()
}

/// Items of a list section: the bullet lines, or every short line when there are no bullets.
pub fn list_items(body: &str) -> Vec<String> {
    let lines: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let bullets: Vec<String> = lines
        .iter()
        .filter_map(|l| bullet_marker(l))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if !bullets.is_empty() {
        return bullets;
    }
    lines
        .iter()
        .filter(|l| l.chars().count() <= 60)
        .map(|l| l.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        let para = "We are looking for an exceptional Senior Engineer who will lead the development of systems.";
        assert!(is_heading("About the Product Trust Team", Some(para)));
        assert!(is_heading("The Role", Some(para)));
        assert!(is_heading("What You’ll Do", Some("• Design things")));
        assert!(is_heading("Who Are We?", Some(para)));
        assert!(is_heading("Equal opportunity", Some(para)));
        assert!(is_heading("Requirements:", None));
        assert!(!is_heading("Mixpanel", Some("SQL")));
        assert!(!is_heading("This is a sentence.", Some(para)));
        assert!(!is_heading("- Design, build", Some(para)));
    }

    #[test]
    fn bullets_are_joined() {
        let lines = tidy_lines([
            "What You’ll Do",
            "-",
            "Design things.",
            "-",
            "Build things.",
            "•Team events",
        ]);
        assert_eq!(
            lines,
            [
                "What You’ll Do",
                "• Design things.",
                "• Build things.",
                "• Team events"
            ]
        );
    }

    #[test]
    fn sections_split_at_headings() {
        let lines = tidy_lines([
            "Intro paragraph that is long enough to be a paragraph of text, more than sixty chars.",
            "The Role",
            "A long description of the role that goes on for more than sixty characters in all.",
            "Requirements:",
            "- Rust",
            "- SQL",
        ]);
        let s = split_sections(&lines);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].heading, None);
        assert_eq!(s[1].heading.as_deref(), Some("The Role"));
        assert_eq!(s[2].heading.as_deref(), Some("Requirements"));
        assert_eq!(list_items(&s[2].body), ["Rust", "SQL"]);
        assert_eq!(kind_of("What We’re Looking For"), SectionKind::Requirements);
        assert_eq!(kind_of("Benefits & Perks"), SectionKind::Benefits);
        assert_eq!(kind_of("Who Are We?"), SectionKind::Company);
    }
}
