//! OSC 8 hyperlinks: urls in the detail pane made clickable on terminals that support them.
//!
//! ratatui has no notion of links, so a link is written into the buffer the way ratatui's own
//! hyperlink example does it: each cell of the url carries the OSC 8 opening and closing
//! sequences around its character. Only urls jobdeck vetted (http/https, printable ASCII after
//! sanitizing) are ever wrapped, so nothing from a posting can smuggle its own sequence in.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Whether the terminal is known to understand OSC 8 (terminals that don't would print junk).
pub fn terminal_supports_hyperlinks() -> bool {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let term_program = var("TERM_PROGRAM");
    matches!(
        term_program.as_str(),
        "iTerm.app" | "WezTerm" | "vscode" | "ghostty" | "Hyper" | "rio"
    ) || var("VTE_VERSION").parse::<u32>().is_ok_and(|v| v >= 5000)
        || !var("KITTY_WINDOW_ID").is_empty()
        || !var("WT_SESSION").is_empty()
        || var("TERM").contains("kitty")
        || var("TERM").starts_with("foot")
}

/// A url that may be wrapped in OSC 8: http(s) and printable ASCII only.
pub fn is_linkable(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() <= 2048
        && url.bytes().all(|b| (0x21..0x7f).contains(&b))
}

/// Turns the cells of `area` that show `shown` (a part of `url`, from the area's first cell)
/// into a link to `url`. Cells that don't hold the expected characters are left alone.
pub fn link_cells(buf: &mut Buffer, area: Rect, shown: &str, url: &str) {
    if !is_linkable(url) {
        return;
    }
    for (x, ch) in (area.x..area.right()).zip(shown.chars()) {
        let cell = &mut buf[(x, area.y)];
        if cell.symbol() != ch.to_string() {
            break;
        }
        cell.set_symbol(&format!("\x1b]8;;{url}\x1b\\{ch}\x1b]8;;\x1b\\"));
    }
}

/// Links the url shown in a pane: its first part starts a row at column `x` (after a label),
/// and the rest may wrap onto the following rows at the same column.
pub fn link_wrapped(buf: &mut Buffer, area: Rect, x: u16, url: &str) {
    if !is_linkable(url) || x >= area.right() {
        return;
    }
    let mut consumed = 0;
    for y in area.y..area.bottom() {
        let row: String = (x..area.right())
            .map(|cx| buf[(cx, y)].symbol().to_string())
            .collect();
        // The field-source tag ("  ‹text›") follows the value on its last line.
        let seg = row.split("  ‹").next().unwrap_or("").trim_end();
        let rest = &url[consumed..];
        let starts = if consumed == 0 {
            seg.len() >= 8 && rest.starts_with(seg)
        } else {
            !seg.is_empty() && rest.starts_with(seg)
        };
        if starts {
            link_cells(buf, Rect::new(x, y, area.right() - x, 1), seg, url);
            consumed += seg.len();
            if consumed >= url.len() {
                return;
            }
        } else if consumed > 0 {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_clean_http_urls_are_linked() {
        assert!(is_linkable("https://example.com/jobs?id=1"));
        assert!(!is_linkable("javascript:alert(1)"));
        assert!(!is_linkable("https://example.com/\x1b]8;;evil"));
        assert!(!is_linkable("https://exa mple.com"));
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 1));
        buf.set_string(0, 0, "https://x.io", ratatui::style::Style::default());
        link_cells(
            &mut buf,
            Rect::new(0, 0, 30, 1),
            "https://x.io",
            "https://x.io",
        );
        assert!(
            buf[(0, 0)]
                .symbol()
                .starts_with("\x1b]8;;https://x.io\x1b\\h")
        );
    }
}
