//! A digest of jobs: a job alert e-mail or a newsletter whose jobs are short cards between rule
//! lines ("-----"), each a title, the employer, the place and a link:
//!
//! ```text
//! Machine Learning Engineer Intern - Planning
//! PlusAI
//! Santa Clara, CA
//!
//! View job: https://…
//! ---------------------------------------------------------
//! ```
//!
//! Each card is a posting. The text before the first card and after the last (the alert's
//! greeting, its footer) is none.

use std::sync::LazyLock;

use regex::Regex;

use super::super::doc::{Doc, Key, Origin};
use super::super::fields::title::names_a_role;
use super::super::places;
use crate::posting::Format;

/// The most lines a card may have: a card is a summary, not a posting.
const MAX_CARD_LINES: usize = 12;

static RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-=_*─━]\s*){8,}$").expect("valid regex"));

/// The cards of a digest, each as a posting; None when the text is not one (fewer than two
/// cards, or cards that are a small part of its segments).
pub fn read(text: &str, format: Format) -> Option<Vec<Doc>> {
    let lines: Vec<&str> = text.lines().collect();
    let segments: Vec<&[&str]> = lines
        .split(|l| RULE.is_match(l))
        .filter(|s| s.iter().any(|l| !l.trim().is_empty()))
        .collect();
    if segments.len() < 3 {
        return None;
    }
    let cards: Vec<&[&str]> = segments.iter().filter_map(|s| card(s)).collect();
    // The greeting and the footer may be segments of their own; every other one is a card.
    if cards.len() < 2 || cards.len() + 2 < segments.len() {
        return None;
    }
    Some(cards.into_iter().map(|c| card_doc(c, format)).collect())
}

/// The card of a segment: from its first paragraph opened by a role's title (a greeting may
/// come before it) to its end, with a place on one of the lines under the title.
fn card<'a>(segment: &'a [&'a str]) -> Option<&'a [&'a str]> {
    let opens = |i: usize| {
        let t = segment[i].trim();
        !t.is_empty() && names_a_role(t)
    };
    // A greeting glued to the first card ("New jobs match your preferences." right above
    // it): the title is the line with the employer and the place right under it.
    let placed_under = |i: usize| {
        segment[i + 1..]
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .take(2)
            .any(is_place_line)
    };
    // A segment's first line, short and no sentence, with an employer and a place under it,
    // is a title even when its words name no role the vocabulary knows ("Software Engineer
    // Intern, Cloud App", "… Intern D (Palm Bay, FL)").
    let first = (0..segment.len()).find(|&i| !segment[i].trim().is_empty());
    let shaped = |i: usize| {
        let t = segment[i].trim();
        t.split_whitespace().count() <= 12
            && !t.contains("://")
            && !t.ends_with(['.', ':', '!', '?'])
            && placed_under(i)
    };
    let start = (0..segment.len())
        .find(|&i| (i == 0 || segment[i - 1].trim().is_empty()) && opens(i))
        .filter(|&i| placed_under(i))
        .or_else(|| (0..segment.len()).find(|&i| opens(i) && placed_under(i)))
        .or_else(|| first.filter(|&i| shaped(i)))?;
    let card = &segment[start..];
    let filled: Vec<&str> = card
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    // A card names its place right under its title and employer; a footer ("See all jobs on
    // LinkedIn: https://…", "This email was intended for …") names none.
    let placed = filled.iter().skip(1).take(3).any(|l| is_place_line(l));
    (filled.len() <= MAX_CARD_LINES && placed && !filled[0].contains("://")).then_some(card)
}

/// A card's place line: short, a place, no sentence or address ("Santa Clara, CA", not
/// "© 2026 LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA 94085.").
fn is_place_line(l: &str) -> bool {
    l.split_whitespace().count() <= 6
        && !l.ends_with('.')
        && !l.contains("://")
        && (places::mentions_place(l) || places::is_place_name(l) || town_in_region(l))
}

/// "Oak Brook, IL", "Wels, Oberösterreich": a town the gazetteers may not know, in a region
/// they do (a capitalized name of up to three words before it).
fn town_in_region(l: &str) -> bool {
    let Some((town, region)) = l.rsplit_once(", ") else {
        return false;
    };
    let words: Vec<&str> = town.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && places::place_kind(region.trim()) == Some(places::PlaceKind::Region)
}

/// One card as a posting: its title, the employer on the next line (unless that line is the
/// place), the place on one of the lines after.
fn card_doc(card: &[&str], format: Format) -> Doc {
    let mut d = Doc::new(format);
    let filled: Vec<&str> = card
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    d.text(Key::Title, filled[0], Origin::Header);
    let mut rest = filled[1..].iter().take(3).copied();
    // An employer named after a country ("Blackbaud India") over the place line is the employer.
    let third_placed = filled.get(2).is_some_and(|l| is_place_line(l));
    if let Some(second) = rest.next() {
        if is_place_line(second) && (!third_placed || places::is_place_name(second)) {
            d.text(Key::Location, second, Origin::Header);
        } else if second.split_whitespace().count() <= 8 && !second.contains("://") {
            d.text(Key::Company, second, Origin::Header);
            if let Some(place) = rest.find(|l| is_place_line(l)) {
                d.text(Key::Location, place, Origin::Header);
            }
        }
    }
    d.add_lines(card.iter().copied());
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALERT: &str = "Your job alert for software engineer intern in San Francisco Bay Area\n\n\
        Machine Learning Engineer Intern - Planning\nPlusAI\nSanta Clara, CA\n\n4 school alumni\n\
        View job: https://www.linkedin.com/comm/jobs/view/1/\n\n\
        ---------------------------------------------------------\n\n\
        Software Engineer Intern (Global SRE)\nTikTok\nSan Jose, CA\n\n\
        View job: https://www.linkedin.com/comm/jobs/view/2/\n\n\
        ---------------------------------------------------------\n\n\
        See all jobs on LinkedIn: https://www.linkedin.com/comm/jobs/search\n\n\
        ---------------------------------------------------------\n\n\
        This email was intended for Operator Example (Operator)\nYou are receiving Job Alert emails.\n\
        © 2026 LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA 94085.\n";

    #[test]
    fn cards_whose_titles_name_no_known_role() {
        let alert = "Your job alert for software engineer intern in United States\n\n\
            Software Engineer Intern ( Remote )\nRadicalX\nSan Francisco, CA\n1 school alum\n\
            View job: https://x.example/1\n\n---------------------------------------------------------\n\n\
            Software Engineer Intern D (Palm Bay, FL)\nL3Harris Technologies\nPalm Bay, FL\n1 connection\n\
            View job: https://x.example/2\n\n---------------------------------------------------------\n\n\
            Software Engineer Intern, Cloud App\nCNH Industrial\nOak Brook, IL\n\
            View job: https://x.example/3\n\n---------------------------------------------------------\n\n\
            See all jobs on LinkedIn: https://x.example/all\n";
        let docs = read(alert, Format::Email).expect("a digest");
        assert_eq!(docs.len(), 3);
        let first = |d: &Doc, k| d.texts(k).next().map(|t| t.0.to_string());
        assert_eq!(
            first(&docs[2], Key::Title).as_deref(),
            Some("Software Engineer Intern, Cloud App")
        );
        assert_eq!(
            first(&docs[2], Key::Company).as_deref(),
            Some("CNH Industrial")
        );
        assert_eq!(
            first(&docs[2], Key::Location).as_deref(),
            Some("Oak Brook, IL")
        );
    }

    #[test]
    fn each_card_of_an_alert_is_a_posting() {
        let docs = read(ALERT, Format::Email).expect("a digest");
        assert_eq!(docs.len(), 2);
        let first = |d: &Doc, k| d.texts(k).next().map(|t| t.0.to_string());
        assert_eq!(
            first(&docs[0], Key::Title).as_deref(),
            Some("Machine Learning Engineer Intern - Planning")
        );
        assert_eq!(first(&docs[0], Key::Company).as_deref(), Some("PlusAI"));
        assert_eq!(
            first(&docs[1], Key::Location).as_deref(),
            Some("San Jose, CA")
        );
    }

    #[test]
    fn a_greeting_glued_to_the_first_card() {
        let alert = "From: LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>\n\
            Subject: Meta - Software Engineer, Audio and more\n\n\
            Your job alert for software engineer in Hyderabad\nNew jobs match your preferences.\n\
            Software Engineer, Audio\nMeta\nHyderabad\nView job: https://x.example/1\n\
            ---------------------------------------------------------\n\
            Software Development Engineer\nBlackbaud India\nHyderabad\nView job: https://x.example/2\n\
            ---------------------------------------------------------\n\
            See all jobs on LinkedIn: https://x.example/all\n\
            ----------------------------------------\n\
            This email was intended for A Student\n";
        let docs = read(alert, Format::Email).expect("a digest");
        let titles: Vec<&str> = docs
            .iter()
            .filter_map(|d| d.texts(Key::Title).next().map(|t| t.0))
            .collect();
        assert_eq!(
            titles,
            ["Software Engineer, Audio", "Software Development Engineer"]
        );
        let company = docs[1].texts(Key::Company).next().map(|t| t.0);
        assert_eq!(company, Some("Blackbaud India"));
    }

    #[test]
    fn a_posting_with_rules_between_its_sections_is_no_digest() {
        let posting = "Senior Engineer\nAcme\n\n----------\n\nWe build anvils and we are growing. \
            You will own the forge.\n\n----------\n\nBenefits: dental\n\n----------\n\nApply now\n";
        assert!(read(posting, Format::Text).is_none());
    }
}
