//! Styled text helpers: highlighting matched characters, cutting to a display width, and word
//! wrapping with hanging indents. Widths are display columns (CJK and emoji take two).

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// A run of text as styled characters.
pub type Chars = Vec<(char, Style)>;

/// Display width of one char (control characters, which never reach here, count as zero).
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Styles `text`, with `hl` patched over the chars at `indices` (char positions, sorted).
/// Tabs become spaces.
pub fn styled(text: &str, base: Style, hl: Style, indices: &[usize]) -> Chars {
    let mut out = Vec::with_capacity(text.len());
    let mut next = indices.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        let mut style = base;
        while next.peek().is_some_and(|&&n| n < i) {
            next.next();
        }
        if next.peek() == Some(&&i) {
            style = base.patch(hl);
        }
        if c == '\t' {
            out.extend(std::iter::repeat_n((' ', style), 4));
        } else {
            out.push((c, style));
        }
    }
    out
}

/// Plain styled text.
pub fn plain(text: &str, style: Style) -> Chars {
    styled(text, style, style, &[])
}

/// Groups styled chars into spans.
pub fn spans(chars: &[(char, Style)]) -> Vec<Span<'static>> {
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut cur = String::new();
    let mut style: Option<Style> = None;
    for &(c, s) in chars {
        if style != Some(s) {
            if let Some(st) = style
                && !cur.is_empty()
            {
                out.push(Span::styled(std::mem::take(&mut cur), st));
            }
            style = Some(s);
        }
        cur.push(c);
    }
    if let Some(st) = style
        && !cur.is_empty()
    {
        out.push(Span::styled(cur, st));
    }
    out
}

pub fn line(chars: &[(char, Style)]) -> Line<'static> {
    Line::from(spans(chars))
}

/// Cuts styled chars to at most `width` columns, ending with "…" when cut.
pub fn fit(chars: &[(char, Style)], width: usize) -> Chars {
    let total: usize = chars.iter().map(|(c, _)| char_width(*c)).sum();
    if total <= width {
        return chars.to_vec();
    }
    if width == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut used = 0;
    for &(c, s) in chars {
        let w = char_width(c);
        if used + w > width - 1 {
            break;
        }
        out.push((c, s));
        used += w;
    }
    let ell_style = out.last().map_or(Style::default(), |(_, s)| *s);
    out.push(('…', ell_style));
    out
}

/// Pads styled chars with spaces (in `style`) to exactly `width` columns (cutting if longer).
pub fn pad(chars: &[(char, Style)], width: usize, style: Style) -> Chars {
    let mut out = fit(chars, width);
    let used: usize = out.iter().map(|(c, _)| char_width(*c)).sum();
    out.extend(std::iter::repeat_n(
        (' ', style),
        width.saturating_sub(used),
    ));
    out
}

/// Word-wraps styled chars to `width` columns. The first line is indented by `first` columns,
/// the following ones by `rest` (a hanging indent for bullets and labelled values). Words
/// longer than a line are broken.
pub fn wrap(chars: &[(char, Style)], width: usize, first: usize, rest: usize) -> Vec<Chars> {
    let width = width.max(first + 1).max(rest + 1);
    let mut lines: Vec<Chars> = Vec::new();
    let mut cur: Chars = vec![(' ', Style::default()); first];
    let mut cur_w = first;
    let indent_w = |lines: &Vec<Chars>| if lines.is_empty() { first } else { rest };
    // Split into words (runs of non-space) and the spaces before them.
    let mut i = 0;
    while i < chars.len() {
        let space_start = i;
        while i < chars.len() && chars[i].0 == ' ' {
            i += 1;
        }
        let spaces = &chars[space_start..i];
        let word_start = i;
        while i < chars.len() && chars[i].0 != ' ' {
            i += 1;
        }
        let word = &chars[word_start..i];
        let word_w: usize = word.iter().map(|(c, _)| char_width(*c)).sum();
        let spaces_w = spaces.len();
        let at_line_start = cur_w == indent_w(&lines);
        // A word longer than any line is broken where it stands instead of moving to a new
        // line first (which would leave a label alone on its line).
        let fits_a_line = word_w <= width.saturating_sub(rest);
        if !at_line_start && cur_w + spaces_w + word_w > width && fits_a_line {
            lines.push(std::mem::take(&mut cur));
            cur = vec![(' ', Style::default()); rest];
            cur_w = rest;
        } else if !at_line_start {
            // The spaces between words; spaces at a line start are dropped.
            cur.extend_from_slice(spaces);
            cur_w += spaces_w;
        }
        for &(c, s) in word {
            let w = char_width(c);
            if cur_w + w > width && cur_w > indent_w(&lines) {
                lines.push(std::mem::take(&mut cur));
                cur = vec![(' ', Style::default()); rest];
                cur_w = rest;
            }
            cur.push((c, s));
            cur_w += w;
        }
    }
    lines.push(cur);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    fn text(chars: &[(char, Style)]) -> String {
        chars.iter().map(|(c, _)| *c).collect()
    }

    #[test]
    fn highlights_by_char_index() {
        let hl = Style::default().add_modifier(Modifier::BOLD);
        let s = styled("採用 Trust", Style::default(), hl, &[3, 4]);
        assert_eq!(s[3].1, hl);
        assert_eq!(s[5].1, Style::default());
        let sp = spans(&s);
        assert_eq!(sp.len(), 3);
        assert_eq!(sp[1].content, "Tr");
    }

    #[test]
    fn fit_counts_wide_chars() {
        let s = plain("採用 Senior", Style::default());
        assert_eq!(text(&fit(&s, 6)), "採用 …");
        assert_eq!(
            text(&pad(&plain("ab", Style::default()), 4, Style::default())),
            "ab  "
        );
    }

    #[test]
    fn wraps_with_hanging_indent() {
        let s = plain(
            "• one two three four five six",
            Style::default().fg(Color::Red),
        );
        let lines: Vec<String> = wrap(&s, 12, 0, 2).iter().map(|l| text(l)).collect();
        assert_eq!(lines, ["• one two", "  three four", "  five six"]);
        for l in wrap(
            &plain("averyveryverylongword here", Style::default()),
            8,
            0,
            0,
        ) {
            assert!(l.iter().map(|(c, _)| char_width(*c)).sum::<usize>() <= 8);
        }
    }
}
