//! Which parser reads a document, decided from its content (the extension is only a hint).

use super::Document;
use super::fields::{employment, posted_from_label, work_mode};
use crate::posting::Format;

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

/// Picks the format of a document.
pub fn detect(doc: &Document<'_>) -> Format {
    if looks_like_board(doc.text) {
        Format::Board
    } else {
        Format::Text
    }
}

/// A job-board page scrape: a header of short labelled lines ("On-site", "Full-time", "1mo ago",
/// "·" separators) near the top, tag lists, and page widgets after the description.
pub fn looks_like_board(text: &str) -> bool {
    let head: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(30)
        .collect();
    let header_signals = head
        .iter()
        .filter(|l| {
            l.chars().count() <= 40
                && (**l == "·"
                    || work_mode::from_label(l).is_some()
                    || employment::employment_from_label(l).is_some()
                    || posted_from_label(l).is_some()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> Format {
        detect(&Document {
            text,
            source: "x.txt",
        })
    }

    #[test]
    fn board_pages_and_plain_text() {
        let board = "Senior Engineer\nBerlin, Germany\n·\nRemote\n·\nFull-time\n·\n2d ago\nAbout the role\n…";
        assert_eq!(fmt(board), Format::Board);
        let text =
            "Acme is the leading maker of anvils.\nWe are hiring a remote, full-time engineer.";
        assert_eq!(fmt(text), Format::Text);
    }
}
