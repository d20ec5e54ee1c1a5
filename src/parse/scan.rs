//! An ASCII view of a text for the regexes that look for words in it.
//!
//! A pattern with a word boundary (`\b`) runs on the regex crate's lazy DFA only while the
//! text is ASCII: at the first other byte the DFA gives up and the much slower PikeVM takes
//! over (30 times slower on a posting). Most English postings are ASCII but for their
//! punctuation — curly quotes, dashes, bullets, non-breaking spaces, an emoji. [`Scan`] writes
//! those as ASCII characters that are the same for a pattern (a non-word character for a
//! non-word one, a space for a space, `'` for `’`), so the pattern finds the same matches, and
//! maps a match back to the original text. A text with a non-ASCII letter, digit or mark is
//! used as it is.

use std::borrow::Cow;
use std::ops::Range;

/// A text as the regexes see it, and the way back to the original.
pub struct Scan<'a> {
    original: &'a str,
    text: Cow<'a, str>,
    /// For each byte of a rewritten text, the offset of the original character it stands
    /// for (and one past the end, for the end); empty when the text is the original.
    map: Vec<usize>,
}

/// The ASCII character that stands for `c`, or `None` when `c` must stay as it is (a letter,
/// a digit, a mark, or a character some pattern spells out).
fn stand_in(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    if c.is_alphanumeric() {
        return None;
    }
    match c {
        '‘' | '’' | '‛' | '′' => Some('\''),
        '“' | '”' | '„' | '″' => Some('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
        // Patterns name these (the French "un·e", "ingénieur⋅e"); joiners are word characters
        // for the regex crate.
        '·' | '⋅' | '\u{200c}' | '\u{200d}' => None,
        c if c.is_whitespace() => Some(' '),
        // Latin-1 signs, general punctuation, currency signs, arrows, maths, box drawing,
        // shapes, dingbats, emoji: none is a word character, none is a space.
        '\u{a1}'..='\u{bf}'
        | '\u{2016}'..='\u{206f}'
        | '\u{20a0}'..='\u{20cf}'
        | '\u{2190}'..='\u{2bff}'
        | '\u{1f300}'..='\u{1faff}' => Some('\u{1a}'),
        _ => None,
    }
}

impl<'a> Scan<'a> {
    pub fn new(original: &'a str) -> Scan<'a> {
        let keep = Scan {
            original,
            text: Cow::Borrowed(original),
            map: Vec::new(),
        };
        if original.is_ascii() {
            return keep;
        }
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (i, c) in original.char_indices() {
            let Some(s) = stand_in(c) else {
                return keep;
            };
            text.push(s);
            map.push(i);
        }
        map.push(original.len());
        Scan {
            original,
            text: Cow::Owned(text),
            map,
        }
    }

    /// The text to run the patterns on.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original text of a range of [`Scan::text`].
    pub fn original(&self, r: Range<usize>) -> &'a str {
        if self.map.is_empty() {
            return &self.original[r];
        }
        &self.original[self.map[r.start]..self.map[r.end]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn punctuation_becomes_ascii_and_matches_map_back() {
        let s = Scan::new("We’re hiring a Senior Engineer — Backend • Remote\u{a0}🙂");
        assert!(s.text().is_ascii());
        let re = Regex::new(r"\bhiring\s+a\s+(?P<t>[\w ]+?)\s+-").unwrap();
        let m = re.captures(s.text()).unwrap().name("t").unwrap();
        assert_eq!(s.original(m.range()), "Senior Engineer");
        let all = 0..s.text().len();
        assert_eq!(
            s.original(all),
            "We’re hiring a Senior Engineer — Backend • Remote\u{a0}🙂"
        );
    }

    #[test]
    fn a_text_with_other_letters_is_kept() {
        for t in [
            "Développeur — Paris",
            "募集職種：エンジニア",
            "ingénieur·e",
            "plain ascii",
        ] {
            let s = Scan::new(t);
            assert_eq!(s.text(), t);
            assert_eq!(s.original(0..t.len()), t);
        }
    }

    /// The same patterns find the same matches, at the same places of the original.
    #[test]
    fn patterns_find_the_same_on_the_view() {
        let texts = [
            "“Acme” is hiring… a Data Engineer – join Acme’s team ★ today",
            "At Globex, we build things.\u{2003}Why Globex? €100k",
            "• Remote — fully remote role ✓",
        ];
        let res = [
            r"\b[A-Z]\w+\b",
            r"\bis\s+hiring\b",
            r"(?m)^\W*\w+",
            r"\bremote\b",
        ];
        for t in texts {
            let s = Scan::new(t);
            assert!(s.text().is_ascii(), "{t}");
            for p in res {
                let re = Regex::new(p).unwrap();
                let a: Vec<&str> = re.find_iter(t).map(|m| m.as_str()).collect();
                let b: Vec<&str> = re
                    .find_iter(s.text())
                    .map(|m| s.original(m.range()))
                    .collect();
                assert_eq!(a, b, "{p} on {t}");
            }
        }
    }
}
