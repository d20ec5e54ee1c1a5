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
    /// Other postings a page shows beside this one ("More jobs", "Similar jobs"): none of this
    /// posting's text.
    Elsewhere,
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
        Some(SectionWord::Elsewhere) => SectionKind::Elsewhere,
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
    // "*\tItem": a marker and a tab (a word processor's list pasted into a mail).
    if let Some(rest) = t
        .strip_prefix(['-', '*', '•', '·', '–', '●', '▪'])
        .and_then(|r| r.strip_prefix('\t'))
    {
        return Some(rest.trim_start());
    }
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
    // "-Pflasterer": a dash glued to the item's first word (not "--flag" or "-5").
    if let Some(rest) = t.strip_prefix('-')
        && rest.starts_with(char::is_alphabetic)
    {
        return Some(rest);
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

/// Lines of a text wrapped at a fixed width (an e-mail, a mailing-list post, a text saved from
/// a terminal) joined back into the lines their writer wrote: a line is joined to the next when
/// the next one's first word would not have fitted on it. A text is taken as wrapped only when
/// almost no line is longer than some width of 50–100 characters and several lines near that
/// width go on in lower case on the next line (prose broken mid-sentence); other texts, and a
/// line or a next line that is a "Label: value" line, and a next line that is a bullet or a
/// numbered item, are left as they are.
///
/// Whatever the width, a line that opens a quote or a bracket its next line closes is joined
/// to it ("«Wissenschaftliche:r Mitarbeiter:in im Bereich" / "High-Dimensional Machine
/// Learning»": a title a PDF broke in two).
pub fn unwrap_hard_breaks<S: AsRef<str>>(lines: &[S]) -> Vec<String> {
    let lines: Vec<&str> = lines.iter().map(|l| l.as_ref().trim_end()).collect();
    let width = wrap_width(&lines);
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut joining = false;
    for (i, line) in lines.iter().enumerate() {
        if joining && let Some(last) = out.last_mut() {
            last.push(' ');
            last.push_str(line.trim_start());
        } else {
            out.push((*line).to_string());
        }
        joining = lines.get(i + 1).is_some_and(|next| {
            width.is_some_and(|w| wrapped_before(line, next, w)) || closes_quote(line, next)
        });
    }
    out
}

/// Whether `line` leaves a quote or bracket open that `next`, a short line going on with the
/// same text (no bullet, no "Label: value"), closes. Curly double quotes count as one family
/// („…“, „…”, “…”): an odd number of them leaves one open.
fn closes_quote(line: &str, next: &str) -> bool {
    const PAIRS: [(char, char); 5] = [
        ('«', '»'),
        ('(', ')'),
        ('[', ']'),
        ('「', '」'),
        ('『', '』'),
    ];
    const CURLY: [char; 3] = ['„', '“', '”'];
    // Most lines open nothing: one pass says so before the counting.
    if !line.contains(|c| CURLY.contains(&c) || PAIRS.iter().any(|p| p.0 == c)) {
        return false;
    }
    let count = |s: &str, c: char| s.chars().filter(|&x| x == c).count();
    let closers: &[char] = if let Some((_, c)) = PAIRS
        .iter()
        .find(|&&(o, c)| count(line, o) > count(line, c))
    {
        std::slice::from_ref(c)
    } else if line.chars().filter(|c| CURLY.contains(c)).count() % 2 == 1 {
        &CURLY[1..]
    } else {
        return false;
    };
    let next = next.trim();
    line.chars().count() <= 120
        && next.chars().count() <= 120
        && next.contains(closers)
        && bullet_marker(next).is_none()
        && super::readers::label_line(next).is_none()
}

/// The width a text is wrapped at, if it is: at most 3 % of its lines longer, and at least five
/// lines within 12 characters of it that a line in lower case follows.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|l| columns(l))
        .filter(|&n| n > 0)
        .collect();
    if lens.len() < 8 {
        return None;
    }
    lens.sort_unstable();
    let width = lens[(lens.len() - 1) * 97 / 100];
    if !(50..=100).contains(&width) {
        return None;
    }
    let broken = lines
        .windows(2)
        .filter(|w| {
            let n = columns(w[0]);
            n + 12 >= width
                && n <= width
                && w[1]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        })
        .count();
    (broken >= 5).then_some(width)
}

/// How many columns a line takes, a tab reaching the next multiple of eight.
fn columns(line: &str) -> usize {
    line.chars()
        .fold(0, |n, c| if c == '\t' { (n / 8 + 1) * 8 } else { n + 1 })
}

/// Whether `line` was broken before `next` by wrapping at `width`: the next line's first word
/// would not have fitted, and the next line goes on with the same text.
fn wrapped_before(line: &str, next: &str, width: usize) -> bool {
    let n = columns(line);
    let first = next.split_whitespace().next().unwrap_or("");
    let numbered =
        first.trim_end_matches(['.', ')']).parse::<u32>().is_ok() && first.ends_with(['.', ')']);
    n > 0
        && n <= width
        && n + 1 + first.chars().count() > width
        && !first.is_empty()
        && next.starts_with(|c: char| !c.is_whitespace() || line.starts_with(char::is_whitespace))
        && !line.trim_end().ends_with([':', '：'])
        && bullet_marker(next).is_none()
        && !numbered
        && super::readers::label_line(line).is_none()
        && super::readers::label_line(next).is_none()
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
    fn section_headings_in_spanish() {
        assert_eq!(kind_of("Objetivo del Puesto"), SectionKind::Role);
        assert_eq!(
            kind_of("Responsabilidades Principales"),
            SectionKind::Responsibilities
        );
        assert_eq!(kind_of("Requisitos"), SectionKind::Requirements);
    }

    #[test]
    fn lines_wrapped_at_a_fixed_width_are_joined_back() {
        let mail = "My name is Ricky. We have 3 Direct Client Requirements. Please find the
requirements given below. If you have any consultants, please send me their
contact info and rate per hour.

1.      Functional Analyst - JAVA/Oracle Applications Forms and Reports
Server

Term: Contract (1 Year)
Location: Sacramento, CA

Our client a marquee name in the Microsoft/Oracle integration space needs an
analyst with proven JAVA development background who has worked with Java
Server Faces, Pages, JavaScript, Java Servlets and other web based inter and
intra net components in the infrastructure as part of functional design.
You will be responsible for re-engineering existing systems and designing
additions and enhancements as well as helping existing team do fit-gap
analysis against new standards for upgraded system.
*\tKnowledge of Java Server Pages, JavaScript, Java Servlets and Java
Faces as a functional analyst.
*\tWeblogic Server development processes.";
        let lines: Vec<&str> = mail.lines().collect();
        let out = unwrap_hard_breaks(&lines);
        assert_eq!(
            out[0],
            "My name is Ricky. We have 3 Direct Client Requirements. Please find the requirements \
             given below. If you have any consultants, please send me their contact info and rate \
             per hour."
        );
        assert!(
            out.contains(
                &"1.      Functional Analyst - JAVA/Oracle Applications Forms and Reports Server"
                    .to_string()
            )
        );
        // "Label: value" lines stay apart, and so does the next bullet.
        assert!(out.contains(&"Term: Contract (1 Year)".to_string()));
        assert!(out.contains(&"Location: Sacramento, CA".to_string()));
        assert!(out.contains(
            &"*\tKnowledge of Java Server Pages, JavaScript, Java Servlets and Java Faces as a \
              functional analyst."
                .to_string()
        ));
        assert!(out.contains(&"*\tWeblogic Server development processes.".to_string()));
        // A text whose lines are its writer's (long paragraphs, short lines) is left as it is.
        let pasted = "Senior Engineer\nAcme · Berlin\nWe build things for people who build \
            things, and we would love you to help us with that over the coming years, in Berlin.\n\
            requirements below\nRust\nGo\nKubernetes\nPostgres\nTerraform";
        let lines: Vec<&str> = pasted.lines().collect();
        assert_eq!(unwrap_hard_breaks(&lines), lines);
    }

    #[test]
    fn a_quote_or_bracket_left_open_is_joined_with_the_line_that_closes_it() {
        let lines = [
            "Universität Kassel",
            "«Wissenschaftliche:r Mitarbeiter:in im Bereich",
            "High-Dimensional Machine Learning»",
            "„Projektleiter Bau",
            "(m/w/d)“",
            "Engineer (Backend,",
            "- Rust)",
            "Closed (yes)",
            "next line",
        ];
        assert_eq!(
            unwrap_hard_breaks(&lines),
            [
                "Universität Kassel",
                "«Wissenschaftliche:r Mitarbeiter:in im Bereich High-Dimensional Machine Learning»",
                "„Projektleiter Bau (m/w/d)“",
                // A bullet on the next line is not the bracket's end.
                "Engineer (Backend,",
                "- Rust)",
                "Closed (yes)",
                "next line",
            ]
        );
    }

    #[test]
    fn bullets_with_a_tab_or_glued_to_the_word() {
        assert_eq!(
            bullet_marker("*\tSignificant design experience"),
            Some("Significant design experience")
        );
        assert_eq!(bullet_marker("-Pflasterer"), Some("Pflasterer"));
        assert_eq!(bullet_marker("--verbose"), None);
        assert_eq!(bullet_marker("-5 degrees"), None);
    }

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
        // What the reader brings is what the job requires.
        assert_eq!(
            kind_of("What you’ll bring to the Team"),
            SectionKind::Requirements
        );
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
