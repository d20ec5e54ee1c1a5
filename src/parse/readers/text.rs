//! Plain text pasted from a careers page, a PDF, a forum. What it unwraps: a title line at the
//! top (a short line naming a role), the short lines of facts under it ("Acme — Remote
//! (Berlin)", "Berlin, Germany · Full-time"), "Label: value" lines anywhere, and the rest as
//! blocks.

use std::sync::LazyLock;

use regex::Regex;

use super::super::doc::{Block, BlockKind, Doc, Key, Origin};
use super::super::fields::company::legal_names;
use super::super::fields::title::looks_like_title;
use super::{header_pieces, label_facts, label_line};
use crate::posting::Format;

/// How many lines under the title may hold header facts.
const META_LINES: usize = 3;

pub fn read(text: &str) -> Vec<Doc> {
    // A digest of jobs pasted from an alert: each card between its rules is a posting.
    if let Some(cards) = super::digest::read(text, Format::Text) {
        return cards;
    }
    let lines = super::super::blocks::unwrap_hard_breaks(&unflatten(text));
    let mut doc = read_blocks(
        super::super::blocks::from_lines(lines.iter().map(String::as_str)),
        Format::Text,
    );
    // A social post's "Technical Recruiter at Acme" is its author's headline.
    if !social_post(&doc.blocks) {
        card_titles(&mut doc, &lines);
    }
    vec![doc]
}

/// A page pasted as one long line ("Full Stack Developer, AI Palo Alto, CA · 1 month ago ·
/// Over 100 applicants Promoted by hirer · Easy Apply Save …"): the board's furniture phrases
/// in it are where its lines were. Other texts keep their lines.
fn unflatten(text: &str) -> Vec<String> {
    let v = super::super::vocab::vocab();
    let mut out = Vec::new();
    for line in text.lines() {
        if line.len() < 400 {
            out.push(line.to_string());
            continue;
        }
        let f = super::super::vocab::fold(line);
        let cuts: Vec<(usize, usize)> = v
            .furniture_lines
            .find(&f)
            .filter(|(s, e, _)| line[*s..*e].contains(' ') || e - s >= 5)
            .map(|(s, e, _)| (s, e))
            .collect();
        if cuts.len() < 3 {
            out.push(line.to_string());
            continue;
        }
        let mut at = 0;
        for (s, e) in cuts {
            if s >= at {
                out.push(line[at..s].trim().to_string());
                at = e;
            }
        }
        out.push(line[at..].trim().to_string());
    }
    out
}

/// A job card's heading repeated by a board page: "Senior Engineer at Acme", alone on its line
/// or followed by the title again ("Full Stack Developer, AI at Fastino Full Stack Developer,
/// AI Fastino · Palo Alto"). The title and the employer as the page shows them.
fn card_titles(doc: &mut Doc, lines: &[String]) {
    for line in lines.iter().take(40) {
        // "Save Software Engineer at Wiraa": LinkedIn's save button, read out, names both.
        let line = without_leading_buttons(line.trim());
        let Some(i) = line.find(" at ") else { continue };
        let (title, after) = (line[..i].trim(), line[i + 4..].trim());
        if !looks_like_title(title) || title.chars().count() > 80 {
            continue;
        }
        let company = if line.chars().count() <= 100 && after.split_whitespace().count() <= 5 {
            Some(after)
        } else {
            after.find(title).map(|j| after[..j].trim())
        };
        if let Some(c) = company
            .filter(|c| (1..=5).contains(&c.split_whitespace().count()) && !looks_like_title(c))
        {
            doc.text(Key::Title, title, Origin::Page);
            doc.text(Key::Company, c, Origin::Page);
            return;
        }
    }
}

/// A line without the buttons' words that lead it ("Save", "Easy Apply Save"): boards.toml's
/// `[furniture] buttons`.
fn without_leading_buttons(mut line: &str) -> &str {
    let v = super::super::vocab::vocab();
    'strip: loop {
        let mut ends = line.match_indices(' ').map(|(i, _)| i).take(2);
        for end in ends.by_ref() {
            if v.buttons.whole(&line[..end]).is_some() {
                line = line[end..].trim_start();
                continue 'strip;
            }
        }
        return line;
    }
}

/// Whether a text is a social network's post pasted whole: it opens with its author (a name,
/// the author's own headline — "Senior Talent Acquisition Partner | Tech Recruiter" — and how
/// long ago it was posted: "1w", "2d • Edited"). The lines above that are the author's, not the
/// job's.
pub fn social_post(blocks: &[Block]) -> bool {
    // A post's age ("1w", "2d", "3mo"), maybe followed by a mark after a bullet.
    static AGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{1,2}\s?(?:s|m|h|d|w|mo|y|yr)\b\s*(?:[•·].*)?$").expect("valid regex")
    });
    let marked = |t: &str| {
        t.rsplit_once(['•', '·']).is_some_and(|(_, mark)| {
            super::super::vocab::vocab()
                .post_marks
                .whole(mark)
                .is_some()
        })
    };
    blocks.iter().take(6).any(|b| {
        let t = b.text.trim();
        AGE.is_match(t) || marked(t)
    })
}

/// Reads the blocks of a plain text (a paste, a page's main text): the title line and the fact
/// lines under it become facts and leave the text; labelled lines are read where they are.
pub fn read_blocks(mut blocks: Vec<Block>, format: Format) -> Doc {
    let mut doc = Doc::new(format);
    // A social post's first lines are its author's: no name or title is taken from them.
    let social = format == Format::Text && social_post(&blocks);
    if !social && let Some(name) = name_above_title(&blocks, format) {
        doc.text(Key::Company, name, Origin::Header);
        blocks.remove(0);
    }
    let mut start = 0;
    if !social
        && let Some(first) = blocks.first()
        && first.kind != BlockKind::Item
        && let Some(t) = title_line(&first.text)
    {
        title_fact(&mut doc, &t);
        start = 1;
        // A rating under the employer's name ("2.0") is the board's.
        let rating = |t: &str| t.parse::<f32>().is_ok_and(|r| (0.0..=5.0).contains(&r));
        let kept: Vec<&Block> = blocks.iter().skip(1).filter(|b| !rating(&b.text)).collect();
        let text = |i: usize| {
            kept.get(i.wrapping_sub(1))
                .filter(|b| b.kind != BlockKind::Item)
                .map(|b| b.text.as_str())
        };
        // Lines of facts under the title.
        let mut k = 0;
        while k < META_LINES
            && let Some(line) = text(start)
            && meta_line(&mut doc, line, k == 0)
        {
            start += 1;
            k += 1;
        }
        // "Title / Acme / Berlin, Germany": a bare name line above a line of facts, or a name
        // with its legal form above a line that is one contract or mode word ("Clearwater
        // Analytics, LLC" / "FULL_TIME"; "Ledelse" / "Fuldtid" is a category).
        if k == 0
            && let (Some(name), Some(facts)) = (text(start), text(start + 1))
            && is_name_line(name)
            && (meta_line(&mut doc, facts, false)
                || (!legal_names(name).is_empty() && term_line(&mut doc, facts)))
        {
            doc.text(Key::Company, name, Origin::Header);
            start += 2;
        }
    }
    // The lines read as the header leave the text (ratings under the name with them).
    let mut taken = 0;
    let mut skip = 0;
    for b in &blocks {
        if taken >= start {
            break;
        }
        skip += 1;
        if skip == 1
            || !b
                .text
                .parse::<f32>()
                .is_ok_and(|r| (0.0..=5.0).contains(&r))
        {
            taken += 1;
        }
    }
    // A text that is one line of header and nothing else keeps it as its text.
    doc.blocks = if skip >= blocks.len() {
        blocks
    } else {
        blocks.into_iter().skip(skip).collect()
    };
    label_facts(&mut doc);
    doc
}

/// The title a text's first line gives; a job board's page title pasted with the page
/// ("Software Entwickler (m/w/d) | ifm | LinkedIn") gives the role and the employer.
pub fn title_fact(doc: &mut Doc, t: &str) {
    match t.split(" | ").map(str::trim).collect::<Vec<_>>()[..] {
        [role, employer, site]
            // (The employer's place in the line names it, however it is written: "ifm".)
            if crate::parse::fields::company::is_platform(site)
                && looks_like_title(role)
                && (1..=6).contains(&employer.split_whitespace().count())
                && !employer.ends_with(['.', '!', '?', ':']) =>
        {
            doc.text(Key::Title, role, Origin::Header);
            doc.text(Key::Company, employer, Origin::Header);
        }
        _ => doc.text(Key::Title, t, Origin::Header),
    }
}

/// A line that is wholly one contract or mode word, as an ATS writes it ("Full-time",
/// "FULL_TIME", "Remote"), read as a badge.
fn term_line(doc: &mut Doc, line: &str) -> bool {
    let t = line.trim().replace('_', " ");
    let is_term = super::super::vocab::vocab().term_key(&t).is_some();
    if is_term {
        doc.text(Key::Badge, t, Origin::Header);
    }
    is_term
}

/// "Acme / Senior Engineer / Berlin · 2 days ago": the employer's name on the line above the
/// title and its line of facts, as LinkedIn shows a job (the logo's line above gone as furniture).
fn name_above_title(blocks: &[Block], format: Format) -> Option<String> {
    let [name, title, facts, ..] = blocks else {
        return None;
    };
    let plain = |b: &Block| b.kind != BlockKind::Item;
    (plain(name)
        && plain(title)
        && plain(facts)
        && is_name_line(&name.text)
        && title_line(&name.text).is_none()
        && title_line(&title.text).is_some()
        && meta_line(&mut Doc::new(format), &facts.text, false))
    .then(|| name.text.trim().to_string())
}

/// The job title of a first line, if it is one: short, not a sentence, naming a role. A note
/// in parentheses and a trailing colon are dropped ("Data Scientist ( > 4 years ) :").
pub fn title_line(line: &str) -> Option<String> {
    if label_line(line).is_some() {
        return None;
    }
    let n = line.chars().count();
    // "Data Scientist ( > 4 years experience )": a note with figures after the title.
    if let Some(i) = line.rfind(" (")
        && line.trim_end_matches([':', ' ']).ends_with(')')
        && line[i..].chars().any(|c| c.is_ascii_digit())
        && looks_like_title(&line[..i])
        && n <= 120
    {
        return Some(line[..i].trim().to_string());
    }
    // "Kontorchef med ansvar for viceværter – ledelse, trivsel og drift i Danmarks største …":
    // a line too long for a title, whose part before a dash is one, followed by its tagline.
    if n > 120 {
        return [" – ", " — ", " | "].iter().find_map(|sep| {
            let (head, _) = line.split_once(sep)?;
            (head.chars().count() <= 80
                && looks_like_title(head)
                && !super::super::fields::title::has_sentence_break(head))
            .then(|| head.trim().to_string())
        });
    }
    // "Systemutvecklare.": a title of a word or two a board's page ends with a full stop is no
    // sentence.
    if let Some(bare) = line.strip_suffix('.')
        && !bare.ends_with('.')
        && (1..=3).contains(&bare.split_whitespace().count())
        && looks_like_title(bare)
    {
        return Some(bare.to_string());
    }
    if line.ends_with(['.', '!', '。']) || !looks_like_title(line) {
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
    let is_heading = super::super::blocks::is_known_heading(bare);
    (!is_heading && looks_like_title(bare) && bare.split_whitespace().count() <= 6)
        .then(|| bare.to_string())
}

/// Reads a short line of header facts under a title: places, work mode, employment type, pay,
/// an age ("2d ago"), separated by "·", "|", "—", " - "; the first line may also name the
/// employer ("Acme — Remote (Berlin, Germany)"). True when the line was such a line: each piece
/// becomes a badge for the resolvers.
pub fn meta_line(doc: &mut Doc, line: &str, may_name_company: bool) -> bool {
    let t = line.trim();
    if t.chars().count() > 120
        || t.ends_with(['.', '!', '?', ':'])
        || t.contains(". ")
        || label_line(t).is_some()
    {
        return false;
    }
    let pieces = header_pieces(t);
    if pieces.len() == 1 && !super::super::places::mentions_place(t) {
        return false;
    }
    let mut company: Option<&str> = None;
    let mut badges = Vec::new();
    // Short pieces that are no badge ("Vollzeit | Salem | Operations": a team): the line is
    // still a line of facts when two pieces or more are badges.
    let mut other = 0;
    for (i, p) in pieces.iter().enumerate() {
        // "Over 100 people clicked apply", "40 applicants": the board's, said of the job.
        if i > 0 && super::super::vocab::vocab().is_furniture(p) {
            continue;
        }
        if is_badge(p) {
            badges.push(p.as_str());
        } else if i == 0 && may_name_company && p.split_whitespace().count() <= 5 {
            company = Some(p);
        } else if i > 0 && p.split_whitespace().count() <= 3 && !p.contains(':') {
            other += 1;
        } else {
            return false;
        }
    }
    if badges.is_empty() || (other > 0 && (badges.len() < 2 || other > 1)) {
        return false;
    }
    for b in badges {
        doc.text(Key::Badge, b, Origin::Header);
    }
    if let Some(c) = company {
        doc.text(Key::Company, c, Origin::Header);
    }
    true
}

/// Whether a short header piece states a fact: a place, a work mode, an employment type, pay or
/// the posting's age.
pub fn is_badge(piece: &str) -> bool {
    let v = super::super::vocab::vocab();
    let p = piece.trim();
    p.chars().count() <= 80
        && (v.work_mode.first_in(p).is_some()
            || v.employment.whole(p).is_some()
            || v.employment.first_in(p).is_some() && p.split_whitespace().count() <= 4
            || super::super::places::is_place(p)
            || super::super::fields::salary::looks_like_pay(p)
            || super::super::fields::dates::posted_from_label(p).is_some())
}

/// A short line that can be a name: a few words, no sentence punctuation, no label, its first
/// word no skill ("iOS Team", "jQuery"). A name starts with a capital or a figure, or has one
/// of its own after a small letter ("i2N", "eBay").
pub(super) fn is_name_line(s: &str) -> bool {
    // "Omen.": a name may end with its own full stop.
    let t = s.trim();
    let t = if t.split_whitespace().count() <= 3 {
        t.trim_end_matches('.')
    } else {
        t
    };
    let first = t.split_whitespace().next().unwrap_or("");
    let capital = |c: char| c.is_uppercase() || c.is_ascii_digit();
    (1..=5).contains(&t.split_whitespace().count())
        && t.chars().count() <= 60
        && !t.ends_with(['.', '!', '?', ':', ','])
        && !t.contains(": ")
        && (first.starts_with(capital) || first.chars().skip(1).any(capital))
        && super::super::fields::skills::vocabulary()
            .canonical(first)
            .is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::doc::BlockKind;

    /// A document's facts as (key, text) pairs.
    fn key_texts(d: &Doc) -> Vec<(Key, String)> {
        d.facts
            .iter()
            .map(|f| (f.key, f.value.text().unwrap_or("").to_string()))
            .collect()
    }

    #[test]
    fn the_employer_s_name_above_the_title_and_its_facts() {
        let d = read("Wiraa\nSoftware Engineer (Java/Python)\nUnited States · 2 hours ago · Over 100 people clicked apply\n\nAbout the job\nWe build things.")
            .remove(0);
        let facts = key_texts(&d);
        assert!(facts.contains(&(Key::Company, "Wiraa".into())), "{facts:?}");
        assert!(
            facts.contains(&(Key::Title, "Software Engineer (Java/Python)".into())),
            "{facts:?}"
        );
        // A first line followed by a sentence is no employer.
        let d = read("Wiraa\nSoftware Engineer\nWe build things in Rust.").remove(0);
        assert!(
            !d.facts.iter().any(|f| f.key == Key::Company),
            "{:?}",
            d.facts
        );
    }

    #[test]
    fn an_employer_named_in_lower_case_under_the_title() {
        let d = read("Développeur web full stack H/F\ni2N\nMonaco\nCDI, Temps plein\n\nVous rejoindrez notre équipe.")
            .remove(0);
        assert!(key_texts(&d).contains(&(Key::Company, "i2N".into())));
        // A skill is no name.
        let d = read("Senior Engineer\niOS Team\nBerlin\n\nWe build apps.").remove(0);
        assert!(!d.facts.iter().any(|f| f.key == Key::Company));
        // A line of lower-case words is no name.
        let d =
            read("Développeur web\nen équipe\nMonaco\n\nVous rejoindrez notre équipe.").remove(0);
        assert!(!d.facts.iter().any(|f| f.key == Key::Company));
    }

    #[test]
    fn a_named_employer_under_the_title_above_one_contract_word() {
        let d = read("Product Management Intern\nClearwater Analytics, LLC\nFULL_TIME\nPosted: 2026-09-19\nWe build things.")
            .remove(0);
        let facts = key_texts(&d);
        assert!(
            facts.contains(&(Key::Company, "Clearwater Analytics, LLC".into())),
            "{facts:?}"
        );
        assert!(
            facts.contains(&(Key::Badge, "FULL TIME".into())),
            "{facts:?}"
        );
        // A category above the contract is no employer.
        let d =
            read("Kontorchef\n\nLedelse\nFuldtid\nFastansættelse\nVi søger en leder.").remove(0);
        assert!(
            !d.facts.iter().any(|f| f.key == Key::Company),
            "{:?}",
            d.facts
        );
    }

    #[test]
    fn a_long_first_line_is_its_title_before_a_dash_and_a_tagline() {
        assert_eq!(
            title_line(
                "Kontorchef med ansvar for viceværter – ledelse, trivsel og drift i Danmarks største \
                 Kultur-, Fritids- og Borgerserviceforvaltning"
            )
            .as_deref(),
            Some("Kontorchef med ansvar for viceværter")
        );
        // A long sentence is no title, dash or not.
        assert_eq!(
            title_line(
                "We are a small team in Copenhagen – we build tools for the people who run the \
                 city's parks, pools and libraries every day"
            ),
            None
        );
    }

    #[test]
    fn title_line_meta_lines_and_labels() {
        let d = read(
            "Senior Rust Engineer\nFerrous Ltd · Berlin, Germany · Hybrid\nType: Full-time\n\nWe build things in Rust.",
        )
        .remove(0);
        let facts = key_texts(&d);
        assert!(facts.contains(&(Key::Title, "Senior Rust Engineer".into())));
        assert!(facts.contains(&(Key::Company, "Ferrous Ltd".into())));
        assert!(facts.contains(&(Key::Badge, "Berlin, Germany".into())));
        assert!(facts.contains(&(Key::Badge, "Hybrid".into())));
        assert!(facts.contains(&(Key::EmploymentType, "Full-time".into())));
        assert_eq!(d.blocks.last().unwrap().kind, BlockKind::Paragraph);
    }

    #[test]
    fn a_line_of_facts_may_hold_one_piece_that_is_no_fact() {
        let badges = |line: &str| {
            let mut d = Doc::new(crate::posting::Format::Text);
            let took = meta_line(&mut d, line, false);
            let b: Vec<String> = d.texts(Key::Badge).map(|(t, _)| t.to_string()).collect();
            (took, b)
        };
        assert_eq!(
            badges("Vollzeit | Berlin | Operations"),
            (true, vec!["Vollzeit".to_string(), "Berlin".to_string()])
        );
        // One fact is not enough to carry a piece that is none, nor are two such pieces.
        assert!(!badges("Berlin | Operations").0);
        assert!(!badges("Vollzeit | Berlin | Operations | Platform").0);
    }

    #[test]
    fn no_title_line() {
        let d = read(
            "Acme is the world's leading anvil maker.\nWe are looking for a Backend Engineer to join us.",
        )
        .remove(0);
        assert!(!d.has(Key::Title));
    }
}
