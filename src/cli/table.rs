//! Plain-text tables for terminal output, measured in display columns (wide CJK characters
//! and emoji take two).

use crate::text::str_width;
pub use crate::text::{fit, truncate};

/// A table with a header row; columns get their natural width, and the `flex` column absorbs
/// what the terminal width leaves (at least 10 columns). Every cell is sanitized as it is laid
/// out (a single clean line): whatever a caller puts in a cell — text from a posting, the
/// parse cache or the shortlists file — no control character or escape sequence is printed.
pub struct Table {
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    pub flex: usize,
}

impl Table {
    pub fn render(&self, term_width: usize) -> String {
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| crate::sanitize::clean_field(c)).collect())
            .collect();
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| str_width(h)).collect();
        for r in &rows {
            for (i, c) in r.iter().enumerate().take(n) {
                widths[i] = widths[i].max(str_width(c)).min(40);
            }
        }
        let others: usize = widths
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != self.flex)
            .map(|(_, w)| w + 2)
            .sum();
        widths[self.flex] = term_width
            .saturating_sub(others)
            .max(10)
            .min(widths[self.flex].max(10));
        let line = |cells: Vec<&str>| -> String {
            let mut s = String::new();
            for (i, c) in cells.iter().enumerate() {
                if i + 1 == n {
                    s.push_str(&truncate(c, widths[i]));
                } else {
                    s.push_str(&fit(c, widths[i]));
                    s.push_str("  ");
                }
            }
            s.trim_end().to_string()
        };
        let mut out = line(self.headers.clone());
        out.push('\n');
        for r in &rows {
            out.push_str(&line(r.iter().map(String::as_str).collect()));
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_columns() {
        assert_eq!(truncate("採用 Senior", 6), "採用 …");
        assert_eq!(truncate("採用 Senior", 7), "採用 S…");
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(truncate("abc", 3), "abc");
    }

    #[test]
    fn every_cell_is_sanitized() {
        let t = Table {
            headers: vec!["A", "B"],
            rows: vec![vec![
                "id\u{1b}]2;pwned\u{7}".into(),
                "x\u{9b}31m\u{202e}y\nz".into(),
            ]],
            flex: 1,
        };
        let out = t.render(80);
        assert!(
            !out.chars()
                .any(|c| c.is_control() && c != '\n' || c == '\u{202e}'),
            "{out:?}"
        );
        assert!(out.contains("id"), "{out}");
    }

    #[test]
    fn table_fits_width() {
        let t = Table {
            headers: vec!["A", "TITLE", "B"],
            rows: vec![vec![
                "1".into(),
                "a very long title that will not fit".into(),
                "x".into(),
            ]],
            flex: 1,
        };
        let out = t.render(20);
        assert!(out.lines().all(|l| str_width(l) <= 20), "{out}");
    }
}
