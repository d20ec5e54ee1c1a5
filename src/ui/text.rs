//! Styled text helpers: highlighting matched characters, cutting to a display width, and word
//! wrapping with hanging indents. Widths are display columns counted per grapheme cluster, as
//! ratatui counts them: CJK and emoji take two, and an emoji sequence joined with ZWJ or
//! followed by a variation selector (👩‍💻, ❤️) is one cluster, not the sum of its parts.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A run of text as styled characters.
pub type Chars = Vec<(char, Style)>;

/// The grapheme clusters of styled chars: (first char, end char, display width).
fn clusters(chars: &[(char, Style)]) -> Vec<(usize, usize, usize)> {
    let s: String = chars.iter().map(|(c, _)| *c).collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut at = 0;
    for g in s.graphemes(true) {
        let n = g.chars().count();
        out.push((at, at + n, g.width()));
        at += n;
    }
    out
}

/// Display width of styled chars.
pub fn width(chars: &[(char, Style)]) -> usize {
    clusters(chars).iter().map(|c| c.2).sum()
}

pub use crate::text::str_width;

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

/// Cuts styled chars to at most `width` columns, ending with "…" when cut. Never splits a
/// grapheme cluster.
pub fn fit(chars: &[(char, Style)], width: usize) -> Chars {
    let s: String = chars.iter().map(|(c, _)| *c).collect();
    let Some(end) = crate::text::cut_point(&s, width) else {
        return chars.to_vec();
    };
    if width == 0 {
        return Vec::new();
    }
    let mut out = chars[..end].to_vec();
    let ell_style = out.last().map_or(Style::default(), |(_, s)| *s);
    out.push(('…', ell_style));
    out
}

/// Pads (or cuts) styled chars with spaces (in `style`) to exactly `width` columns.
pub fn pad(chars: &[(char, Style)], width: usize, style: Style) -> Chars {
    let mut out = fit(chars, width);
    let used = self::width(&out);
    out.extend(std::iter::repeat_n(
        (' ', style),
        width.saturating_sub(used),
    ));
    out
}

/// Word-wraps styled chars to `width` columns. The first line is indented by `first` columns,
/// the following ones by `rest` (a hanging indent for bullets and labelled values). A word
/// longer than a line is broken (between grapheme clusters) where it stands.
pub fn wrap(chars: &[(char, Style)], width: usize, first: usize, rest: usize) -> Vec<Chars> {
    let width = width.max(first + 1).max(rest + 1);
    let cl = clusters(chars);
    let mut lines: Vec<Chars> = Vec::new();
    let mut cur: Chars = vec![(' ', Style::default()); first];
    let mut cur_w = first;
    let indent_w = |lines: &Vec<Chars>| if lines.is_empty() { first } else { rest };
    let is_space = |k: usize| chars[cl[k].0].0 == ' ' && cl[k].1 - cl[k].0 == 1;
    let mut k = 0;
    while k < cl.len() {
        // The spaces before a word, then the word (as cluster indices).
        let space_start = k;
        while k < cl.len() && is_space(k) {
            k += 1;
        }
        let spaces_w = k - space_start;
        let word_start = k;
        while k < cl.len() && !is_space(k) {
            k += 1;
        }
        let word = &cl[word_start..k];
        let word_w: usize = word.iter().map(|c| c.2).sum();
        let at_line_start = cur_w == indent_w(&lines);
        let fits_a_line = word_w <= width.saturating_sub(rest);
        if !at_line_start && cur_w + spaces_w + word_w > width && fits_a_line {
            lines.push(std::mem::take(&mut cur));
            cur = vec![(' ', Style::default()); rest];
            cur_w = rest;
        } else if !at_line_start {
            // The spaces between words; spaces at a line start are dropped.
            let to = cl.get(word_start).map_or(chars.len(), |c| c.0);
            cur.extend_from_slice(&chars[cl[space_start].0..to]);
            cur_w += spaces_w;
        }
        for &(s, e, w) in word {
            if cur_w + w > width && cur_w > indent_w(&lines) {
                lines.push(std::mem::take(&mut cur));
                cur = vec![(' ', Style::default()); rest];
                cur_w = rest;
            }
            cur.extend_from_slice(&chars[s..e]);
            cur_w += w;
        }
    }
    lines.push(cur);
    lines
}

/// Splits a plain string into pieces of at most `width` columns (whole grapheme clusters),
/// with the char index where each piece starts.
pub fn hard_wrap(s: &str, width: usize) -> Vec<(usize, String)> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut piece = String::new();
    let mut piece_w = 0;
    let mut start = 0;
    let mut at = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if piece_w + w > width && !piece.is_empty() {
            out.push((start, std::mem::take(&mut piece)));
            piece_w = 0;
            start = at;
        }
        piece.push_str(g);
        piece_w += w;
        at += g.chars().count();
    }
    out.push((start, piece));
    out
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
    fn widths_count_clusters() {
        assert_eq!(str_width("採用"), 4);
        assert_eq!(
            str_width("👩‍💻"),
            2,
            "a ZWJ sequence is one two-column cluster"
        );
        assert_eq!(width(&plain("a👩‍💻b", Style::default())), 4);
        let s = plain("採用 Senior", Style::default());
        assert_eq!(text(&fit(&s, 6)), "採用 …");
        assert_eq!(
            text(&fit(&plain("👩‍💻👩‍💻👩‍💻", Style::default()), 5)),
            "👩‍💻👩‍💻…",
            "clusters are not split"
        );
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
            &plain("averyveryverylongword here 👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻", Style::default()),
            8,
            0,
            0,
        ) {
            assert!(width(&l) <= 8, "{:?}", text(&l));
        }
        assert_eq!(
            hard_wrap("abcdef", 4),
            [(0, "abcd".to_string()), (4, "ef".to_string())]
        );
    }
}
