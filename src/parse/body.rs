//! Description bodies whatever their markup — HTML (JSON-LD descriptions, HN comments, export
//! fields, HTML-escaped HTML), Markdown (JobSpy descriptions) or plain text — as blocks.

use super::doc::Block;
use super::{blocks, html_text, markdown_text};

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
    } else {
        s.to_string()
    }
}

/// The blocks of a description body.
pub fn to_blocks(s: &str) -> Vec<Block> {
    if html_text::has_markup(s) && looks_html(s) {
        let once = html_text::fragment_to_text(s);
        if looks_html(&once) && (once.contains("</") || once.contains("<br")) {
            return html_text::fragment_blocks(&once);
        }
        return html_text::fragment_blocks(s);
    }
    if markdown_text::looks_markdown(s) {
        return markdown_text::to_blocks(s);
    }
    blocks::from_lines(s.lines())
}

/// One-line text of a field that may carry markup or entities ("R&amp;D Engineer").
pub fn inline_text(s: &str) -> String {
    if html_text::has_markup(s) {
        html_text::fragment_to_text(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::doc::BlockKind;

    #[test]
    fn bodies_of_each_markup() {
        let h = to_blocks(
            "<h3>The role</h3><p>Build things that are long enough to be a paragraph, really long.</p>",
        );
        assert_eq!(
            (h[0].kind, h[0].text.as_str()),
            (BlockKind::Heading, "The role")
        );
        let m = to_blocks("## Requirements\n\n- Rust\n- SQL\n");
        assert_eq!(
            (m[0].kind, m[0].text.as_str()),
            (BlockKind::Heading, "Requirements")
        );
        assert_eq!((m[1].kind, m[1].text.as_str()), (BlockKind::Item, "Rust"));
        let t = to_blocks("Just text.");
        assert_eq!(t[0].text, "Just text.");
        assert_eq!(inline_text("R&amp;D <b>Engineer</b>"), "R&D Engineer");
        assert_eq!(inline_text("a < b"), "a < b");
        let twice = to_blocks(
            "&lt;p&gt;Build &amp;amp; ship.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Rust&lt;/li&gt;&lt;/ul&gt;",
        );
        let texts: Vec<_> = twice.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Build & ship.", "Rust"]);
    }
}
