//! Display widths and cutting to a width: the one helper the terminal UI and the CLI's tables
//! share. Widths are display columns counted per grapheme cluster, as ratatui counts them: CJK
//! and emoji take two, and an emoji sequence joined with ZWJ or followed by a variation
//! selector (👩‍💻, ❤️) is one cluster, never split and never counted as the sum of its parts.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of a string.
pub fn str_width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Where to cut `s` so that it fits `width` columns with "…" after it: None when the whole of
/// it fits; else how many chars to keep (whole grapheme clusters only).
pub fn cut_point(s: &str, width: usize) -> Option<usize> {
    if str_width(s) <= width {
        return None;
    }
    let mut kept = 0;
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        used += w;
        kept += g.chars().count();
    }
    Some(kept)
}

/// Cuts `s` to at most `width` columns, ending in "…" when cut (nothing at all at width 0).
pub fn truncate(s: &str, width: usize) -> String {
    match cut_point(s, width) {
        None => s.to_string(),
        Some(_) if width == 0 => String::new(),
        Some(n) => {
            let mut out: String = s.chars().take(n).collect();
            out.push('…');
            out
        }
    }
}

/// Pads (or cuts) `s` to exactly `width` columns.
pub fn fit(s: &str, width: usize) -> String {
    let t = truncate(s, width);
    let pad = width.saturating_sub(str_width(&t));
    format!("{t}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_grapheme_clusters() {
        assert_eq!(str_width("abc"), 3);
        assert_eq!(str_width("採用"), 4);
        assert_eq!(str_width("👩‍💻"), 2);
        assert_eq!(str_width("❤️"), 2);
    }

    #[test]
    fn cutting_never_splits_a_cluster_and_stays_within_the_width() {
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("採用 Senior", 6), "採用 …");
        assert_eq!(truncate("採用 Senior", 7), "採用 S…");
        // A ZWJ sequence stays whole (the CLI's table used to cut 👩‍💻 into 👩 and a stray
        // joiner).
        assert_eq!(truncate("👩‍💻👩‍💻 dev", 4), "👩‍💻…");
        assert_eq!(truncate("a👩‍💻b", 3), "a…");
        assert_eq!(truncate("abc", 0), "");
        for w in 0..12 {
            let t = truncate("👩‍💻 採用 x ❤️ y", w);
            assert!(str_width(&t) <= w, "{t:?} at {w}");
        }
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("👩‍💻", 3), "👩‍💻 ");
    }
}
