//! Text lines → blocks (headings, paragraphs, list items), and blocks → the description's
//! sections. Shared by every reader whose container gives plain lines (text, board pages, Hacker
//! News comments, HTML and Markdown once rendered to lines).
//!
//! Which lines are headings: a line a reader marks (Markdown `#`, HTML `<h2>`, a lone bold
//! paragraph — written with a trailing ':'), a line naming a known section in any language
//! ("Requirements", "Ihr Profil", "任职要求"), or a short Title Case line followed by a paragraph
//! or a list.

use super::doc::{Block, BlockKind};
use super::vocab::{SectionWord, vocab};
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
    Apply,
    Other,
}

impl SectionKind {
    /// Sections about the employer in general, the benefits or legal text: not about this job.
    pub fn is_boilerplate(self) -> bool {
        matches!(
            self,
            SectionKind::Company | SectionKind::Legal | SectionKind::Benefits | SectionKind::Apply
        )
    }
}

/// Classifies a heading by the first section word it holds.
pub fn kind_of(heading: &str) -> SectionKind {
    let h = heading.replace('’', "'");
    match vocab().sections.first_in(&h) {
        Some(SectionWord::Role) => SectionKind::Role,
        Some(SectionWord::Responsibilities) => SectionKind::Responsibilities,
        Some(SectionWord::Requirements) => SectionKind::Requirements,
        Some(SectionWord::Benefits) => SectionKind::Benefits,
        Some(SectionWord::Compensation) => SectionKind::Compensation,
        Some(SectionWord::Company) => SectionKind::Company,
        Some(SectionWord::Legal) => SectionKind::Legal,
        Some(SectionWord::Apply) => SectionKind::Apply,
        None => SectionKind::Other,
    }
}

/// "**What You'll Do:**" → "What You'll Do".
pub fn bare_heading(line: &str) -> &str {
    line.trim()
        .trim_matches(|c: char| {
            c == '*'
                || c == '#'
                || c == '_'
                || c == '='
                || c == '【'
                || c == '】'
                || c.is_whitespace()
        })
        .trim_end_matches([':', '：', '?', '？'])
        .trim()
}

/// Whether a line is wholly the name of a known section ("Requirements", "Ihr Profil", "福利").
pub fn is_known_heading(line: &str) -> bool {
    let bare = bare_heading(line).replace('’', "'");
    if bare.is_empty() || bare.chars().count() > 50 {
        return false;
    }
    let v = vocab();
    if v.sections.whole(&bare).is_some() {
        return true;
    }
    // "About Acme", "Why join Acme", "Benefits & Perks": a section word at the start of a short line.
    let words = bare.split_whitespace().count();
    v.sections
        .find(&super::vocab::fold(&bare))
        .next()
        .is_some_and(|(s, e, _)| s == 0 && (words <= 4 || e * 2 >= bare.len()))
}

/// The text after a bullet marker ("- ", "• ", "1. "), when the line starts with one.
pub fn bullet_marker(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for m in [
        "-- ", "- ", "* ", "• ", "· ", "– ", "●", "•", "▪", "◦", "‣", "✓", "✔", "➢", "►", "▶", "→",
        "・",
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
    if words.len() > 9 || t.ends_with(['.', ',', ';', '。']) {
        return false;
    }
    if t.starts_with(|c: char| c.is_ascii_digit()) && !is_known_heading(t) {
        return false;
    }
    if is_known_heading(t) {
        return true;
    }
    if t.ends_with(':') || t.ends_with('：') {
        return true;
    }
    let next_is_body = next.is_some_and(|n| {
        let n = n.trim();
        n.chars().count() > 60 || bullet_marker(n).is_some()
    });
    if (t.ends_with('?') || t.ends_with('？')) && words.len() <= 7 {
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

/// Cleans description lines: trims them, drops blank ones and page furniture, and joins a
/// bullet marker alone on its line with the item that follows ("-" then "Design…").
pub fn tidy_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let v = vocab();
    let mut out: Vec<String> = Vec::new();
    let mut pending_bullet = false;
    for line in lines {
        let t = line.trim();
        if t.is_empty() || v.is_furniture(t) {
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

/// Lines → blocks: furniture dropped, bullets as list items, headings found.
pub fn from_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<Block> {
    let tidy = tidy_lines(lines);
    let mut out = Vec::with_capacity(tidy.len());
    for (i, line) in tidy.iter().enumerate() {
        let next = tidy.get(i + 1).map(String::as_str);
        if let Some(item) = line.strip_prefix("• ") {
            out.push(Block::new(BlockKind::Item, item));
        } else if is_heading(line, next) {
            let h = clean_heading(line);
            if !h.is_empty() {
                out.push(Block::new(BlockKind::Heading, h));
            }
        } else {
            out.push(Block::new(BlockKind::Paragraph, line.as_str()));
        }
    }
    out
}

/// "**What You'll Do:**" → "What You'll Do".
pub fn clean_heading(line: &str) -> String {
    line.trim()
        .trim_matches(|c: char| c == '*' || c == '#' || c == '_' || c.is_whitespace())
        .trim_end_matches([':', '：'])
        .trim()
        .to_string()
}

/// Blocks → description sections: a heading starts a section, items become "• " lines. Text
/// before the first heading is a section without one.
pub fn sections_of(blocks: &[Block]) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut heading: Option<String> = None;
    let mut body: Vec<String> = Vec::new();
    for b in blocks {
        match b.kind {
            BlockKind::Heading => {
                if heading.is_some() || !body.is_empty() {
                    sections.push(Section {
                        heading: heading.take(),
                        body: body.join("\n"),
                    });
                    body.clear();
                }
                heading = Some(b.text.clone());
            }
            BlockKind::Item => body.push(format!("• {}", b.text)),
            BlockKind::Paragraph => body.push(b.text.clone()),
        }
    }
    if heading.is_some() || !body.is_empty() {
        sections.push(Section {
            heading,
            body: body.join("\n"),
        });
    }
    sections.retain(|s| !s.body.is_empty() || s.heading.is_some());
    sections
}

/// Items of a list section: the bullet lines, or every short line when there are no bullets.
pub fn list_items(body: &str) -> Vec<String> {
    // An item's own list punctuation is no part of it ("Bảo hiểm sức khỏe;", "flexible hours;
    // and").
    let lines: Vec<&str> = body
        .lines()
        .map(|l| {
            let l = l.trim();
            let l = [" and", " or"]
                .iter()
                .find_map(|w| l.strip_suffix(w).filter(|r| r.ends_with([';', ','])))
                .unwrap_or(l);
            l.trim_end_matches([';', ',', '；', '，']).trim_end()
        })
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
    fn headings_in_many_languages() {
        let para = "We are looking for an exceptional Senior Engineer who will lead the development of systems.";
        assert!(is_heading("About the Product Trust Team", Some(para)));
        assert!(is_heading("The Role", Some(para)));
        assert!(is_heading("What You’ll Do", Some("• Design things")));
        assert!(is_heading("Who Are We?", Some(para)));
        assert!(is_heading("Equal opportunity", Some(para)));
        assert!(is_heading("Requirements:", None));
        assert!(is_heading("Ihr Profil", None));
        assert!(is_heading("Vos missions", None));
        assert!(is_heading("任职要求", None));
        assert!(is_heading("자격요건", None));
        assert!(!is_heading("Mixpanel", Some("SQL")));
        assert!(!is_heading("This is a sentence.", Some(para)));
        assert!(!is_heading("- Design, build", Some(para)));
        assert_eq!(kind_of("What We’re Looking For"), SectionKind::Requirements);
        assert_eq!(kind_of("Benefits & Perks"), SectionKind::Benefits);
        assert_eq!(kind_of("Who Are We?"), SectionKind::Company);
        assert_eq!(kind_of("Das bieten wir"), SectionKind::Benefits);
        assert_eq!(kind_of("福利待遇"), SectionKind::Benefits);
    }

    #[test]
    fn lines_to_blocks_to_sections() {
        let blocks = from_lines([
            "Intro paragraph that is long enough to be a paragraph of text, more than sixty chars.",
            "Easy Apply",
            "The Role",
            "A long description of the role that goes on for more than sixty characters in all.",
            "Requirements:",
            "-",
            "Rust",
            "- SQL",
        ]);
        let s = sections_of(&blocks);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].heading, None);
        assert_eq!(s[1].heading.as_deref(), Some("The Role"));
        assert_eq!(s[2].heading.as_deref(), Some("Requirements"));
        assert_eq!(s[2].body, "• Rust\n• SQL");
        assert_eq!(list_items(&s[2].body), ["Rust", "SQL"]);
        assert_eq!(
            list_items("• Bảo hiểm sức khỏe;\n• Team events,\n• flexible hours; and\n• Laptop"),
            [
                "Bảo hiểm sức khỏe",
                "Team events",
                "flexible hours",
                "Laptop"
            ]
        );
        assert!(!s.iter().any(|x| x.body.contains("Easy Apply")));
    }
}
