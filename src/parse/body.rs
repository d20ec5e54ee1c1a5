//! Description bodies whatever their markup: HTML (JSON-LD descriptions, HN comments, export
//! fields), Markdown (JobSpy descriptions, Markdown files) or plain text → sections.

use super::fields::sections::{split_sections, tidy_lines};
use super::{html_text, markdown};
use crate::posting::Section;

/// Plain text lines of a body given as HTML, Markdown or text.
pub fn to_text(s: &str) -> String {
    if html_text::has_markup(s) && looks_html(s) {
        let text = html_text::fragment_to_text(s);
        // Descriptions escaped twice ("&lt;p&gt;…") are still HTML after one pass.
        if looks_html(&text) && (text.contains("</") || text.contains("<br")) {
            html_text::fragment_to_text(&text)
        } else {
            text
        }
    } else if markdown::looks_markdown(s) {
        markdown::to_text(s)
    } else {
        s.to_string()
    }
}

/// Whether markup in `s` is HTML (tags or entities) rather than a stray '<'.
fn looks_html(s: &str) -> bool {
    const TAGS: &[&str] = &[
        "<p>", "<p ", "<br", "<div", "<li", "<ul", "<strong", "<b>", "<h1", "<h2", "<h3", "<h4",
        "<span", "<a ", "<em>", "<i>", "<ol", "<table", "</", "&amp;", "&lt;", "&#", "&nbsp;",
        "&quot;", "<font", "<pre", "<code",
    ];
    let head: String = s.chars().take(20_000).collect::<String>().to_lowercase();
    TAGS.iter().any(|t| head.contains(t))
}

/// Sections of a description body.
pub fn sections_of(s: &str) -> Vec<Section> {
    let text = to_text(s);
    split_sections(&tidy_lines(text.lines()))
}

/// One-line text of a field that may carry markup or entities ("R&amp;D Engineer").
pub fn inline_text(s: &str) -> String {
    if html_text::has_markup(s) {
        html_text::fragment_to_text(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        s.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_of_each_markup() {
        let h = sections_of(
            "<h3>The role</h3><p>Build things that are long enough to be a paragraph, really long.</p>",
        );
        assert_eq!(h[0].heading.as_deref(), Some("The role"));
        let m = sections_of("## Requirements\n\n- Rust\n- SQL\n");
        assert_eq!(m[0].heading.as_deref(), Some("Requirements"));
        assert_eq!(m[0].body, "• Rust\n• SQL");
        let t = sections_of("Just text.");
        assert_eq!(t[0].body, "Just text.");
        assert_eq!(inline_text("R&amp;D <b>Engineer</b>"), "R&D Engineer");
        assert_eq!(inline_text("a < b"), "a < b");
        let twice = sections_of(
            "&lt;p&gt;Build &amp;amp; ship.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Rust&lt;/li&gt;&lt;/ul&gt;",
        );
        assert_eq!(twice[0].body, "Build & ship.\n• Rust");
    }
}
