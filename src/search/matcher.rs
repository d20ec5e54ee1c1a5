//! The fuzzy matcher, behind a small trait so another engine (nucleo-matcher…) can replace
//! fuzzy-matcher's skim algorithm if the benchmarks ask for it.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Scores how well a pattern matches a text; None when it does not match.
pub trait Matcher: Send + Sync {
    fn score(&self, text: &str, pattern: &str) -> Option<i64>;
    /// The char indices of `text` that the pattern matched.
    fn indices(&self, text: &str, pattern: &str) -> Option<Vec<usize>>;
}

/// fuzzy-matcher's skim V2 algorithm, case-insensitive.
pub struct SkimMatcher(SkimMatcherV2);

impl Default for SkimMatcher {
    fn default() -> Self {
        SkimMatcher(SkimMatcherV2::default().ignore_case())
    }
}

impl Matcher for SkimMatcher {
    fn score(&self, text: &str, pattern: &str) -> Option<i64> {
        self.0.fuzzy_match(text, pattern)
    }

    fn indices(&self, text: &str, pattern: &str) -> Option<Vec<usize>> {
        self.0.fuzzy_indices(text, pattern).map(|(_, idx)| idx)
    }
}

/// A bitmask of the ASCII letters and digits in a (lowercased) text: a pattern can only match
/// a text whose mask holds all of the pattern's bits. Non-ASCII chars set the top bit.
pub fn char_mask(lower: &str) -> u64 {
    let mut mask = 0u64;
    for b in lower.bytes() {
        mask |= match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + b - b'0'),
            b' ' | b'\t' => 0,
            b if b >= 0x80 => 1 << 63,
            _ => 1 << 62,
        };
    }
    mask
}

/// True when the needle's chars occur in order in the haystack (both lowercased). Cheap
/// pre-check for a fuzzy match; non-ASCII text falls back to char comparison.
pub fn is_subsequence(hay_lower: &str, needle_lower: &str) -> bool {
    let mut hay = hay_lower.chars();
    needle_lower
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|n| hay.any(|h| h == n))
}

/// Case-insensitive substring search; `needle_lower` must be lowercase.
/// Where the words of a field value start (char indices): at the beginning, and after any
/// character that separates words in names ("Full-Stack", "Node.js / Go", "R&D (EMEA)").
fn word_starts(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut prev_sep = true;
    text.char_indices()
        .enumerate()
        .filter_map(move |(ci, (bi, c))| {
            let sep = c.is_whitespace()
                || matches!(
                    c,
                    ',' | '/' | '(' | ')' | '-' | '·' | '|' | ':' | ';' | '&' | '"' | '[' | ']'
                );
            let start = prev_sep && !sep;
            prev_sep = sep;
            start.then_some((ci, bi))
        })
}

/// How a scoped term (`title:rust`, `skill:go`, `company:acme`) matches a field value: each
/// of its words is a case-insensitive prefix of a word of the value, in order. Returns the char
/// indices matched (for highlighting), or None. A subsequence is not a match: `skill:rust`
/// does not find "Zero Trust", `company:mbr` does not find "Ambra".
pub fn word_prefix_indices(text: &str, term_lower: &str) -> Option<Vec<usize>> {
    let lower = text.to_lowercase();
    // Lowercasing can change lengths (rare: 'İ'); match on the original when it does.
    if lower.chars().count() == text.chars().count() {
        word_prefix_in_lower(&lower, term_lower)
    } else {
        word_prefix_in_lower(text, term_lower)
    }
}

/// [`word_prefix_indices`] on text already lowercased.
pub fn word_prefix_in_lower(hay: &str, term_lower: &str) -> Option<Vec<usize>> {
    let words: Vec<(usize, usize)> = word_starts(hay).collect();
    let mut out = Vec::new();
    let mut from = 0;
    for tw in term_lower.split_whitespace() {
        let (k, &(ci, _)) = words
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, (_, bi))| hay[*bi..].starts_with(tw))?;
        out.extend(ci..ci + tw.chars().count());
        from = k + 1;
    }
    (!out.is_empty()).then_some(out)
}

pub fn contains_ci(hay: &str, needle_lower: &str) -> bool {
    if needle_lower.is_empty() {
        return true;
    }
    if needle_lower.is_ascii() {
        let n = needle_lower.as_bytes();
        let h = hay.as_bytes();
        if n.len() > h.len() {
            return false;
        }
        let first = n[0];
        let upper = first.to_ascii_uppercase();
        let mut from = 0;
        while let Some(pos) = memchr::memchr2(first, upper, &h[from..]) {
            let start = from + pos;
            if start + n.len() > h.len() {
                return false;
            }
            if h[start..start + n.len()].eq_ignore_ascii_case(n) {
                return true;
            }
            from = start + 1;
        }
        false
    } else {
        hay.to_lowercase().contains(needle_lower)
    }
}

/// A case-insensitive substring search, prepared once for a query term and then run over
/// many descriptions. An ASCII needle goes to aho-corasick's packed (SIMD "Teddy") searcher,
/// given every upper/lower-case spelling of its first three bytes; each candidate is then
/// checked in full. That skips through text several times faster than stopping at every
/// occurrence of one byte in either case. Anything else goes to [`contains_ci`].
pub struct TextFinder {
    needle_lower: String,
    prefixes: Option<aho_corasick::packed::Searcher>,
}

/// Haystacks shorter than this are searched with a plain loop (see [`TextFinder::is_match`]).
const SHORT_HAYSTACK: usize = 64;

impl TextFinder {
    /// `needle_lower` must be lowercase.
    pub fn new(needle_lower: &str) -> TextFinder {
        let prefixes = (needle_lower.is_ascii() && !needle_lower.is_empty())
            .then(|| {
                let prefix = &needle_lower.as_bytes()[..needle_lower.len().min(3)];
                let mut spellings: Vec<Vec<u8>> = vec![Vec::new()];
                for &b in prefix {
                    let upper = b.to_ascii_uppercase();
                    let mut next = Vec::with_capacity(spellings.len() * 2);
                    for s in &spellings {
                        next.push([s.as_slice(), &[b]].concat());
                        if upper != b {
                            next.push([s.as_slice(), &[upper]].concat());
                        }
                    }
                    spellings = next;
                }
                aho_corasick::packed::Config::new()
                    .builder()
                    .extend(&spellings)
                    .build()
            })
            .flatten();
        TextFinder {
            needle_lower: needle_lower.to_string(),
            prefixes,
        }
    }

    pub fn is_match(&self, hay: &str) -> bool {
        let Some(searcher) = &self.prefixes else {
            return contains_ci(hay, &self.needle_lower);
        };
        let (h, n) = (hay.as_bytes(), self.needle_lower.as_bytes());
        if h.len() < SHORT_HAYSTACK {
            // A heading: starting the SIMD searcher costs more than a plain loop.
            return h.len() >= n.len()
                && h.windows(n.len())
                    .any(|w| w[0].eq_ignore_ascii_case(&n[0]) && w.eq_ignore_ascii_case(n));
        }
        let mut from = 0;
        while from + n.len() <= h.len() {
            let Some(m) = searcher.find_in(h, aho_corasick::Span::from(from..h.len())) else {
                return false;
            };
            let start = m.start();
            if h.len() - start >= n.len() && h[start..start + n.len()].eq_ignore_ascii_case(n) {
                return true;
            }
            from = start + 1;
        }
        false
    }
}

/// Char indices of every case-insensitive occurrence of `needle_lower` in `text`.
pub fn substring_indices(text: &str, needle_lower: &str) -> Vec<usize> {
    if needle_lower.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let needle: Vec<char> = needle_lower.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        let hit = chars[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()));
        if hit {
            out.extend(i..i + needle.len());
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoped_terms_match_word_prefixes_not_subsequences() {
        let m = |t: &str, q: &str| word_prefix_indices(t, q).is_some();
        assert!(m("Rust", "rust"));
        assert!(m("Senior Rust Engineer", "rust"));
        assert!(m("Rustacean", "rust"));
        assert!(!m("Zero Trust", "rust"));
        assert!(!m("Distributed Systems", "rust"));
        assert!(!m("Ambra Health", "mbr"));
        assert!(m("Full-Stack Developer", "stack"));
        assert!(m("Node.js", "node"));
        assert!(m("C++", "c++"));
        assert!(m("San Francisco, CA", "san fran"));
        assert!(!m("Francisco San", "san fran"));
        assert_eq!(word_prefix_indices("Zero Trust", "tr"), Some(vec![5, 6]));
        assert!(!m("Rust", ""));
    }

    #[test]
    fn skim_matches_case_insensitively() {
        let m = SkimMatcher::default();
        assert!(m.score("Product Trust", "trust").is_some());
        assert!(m.score("Backend Engineer", "trust").is_none());
        assert_eq!(m.indices("Product Trust", "TRU").unwrap(), vec![8, 9, 10]);
    }

    #[test]
    fn masks_and_subsequences() {
        assert_eq!(char_mask("ab") & char_mask("b"), char_mask("b"));
        assert_ne!(char_mask("ab") & char_mask("z"), char_mask("z"));
        assert!(is_subsequence("senior backend", "snbk"));
        assert!(!is_subsequence("senior backend", "kb"));
    }

    #[test]
    fn substrings() {
        assert!(contains_ci("We use Kubernetes daily", "kubernetes"));
        assert!(!contains_ci("We use Kuber", "kubernetes"));
        assert!(contains_ci("Café Crème", "crème"));
        for (hay, needle, found) in [
            ("We use KUBERNETES daily", "kubernetes", true),
            ("We use Kuber", "kubernetes", false),
            ("Café Crème", "crème", true),
            ("on-call Rotation", "on-call rotation", true),
            ("anything", "", true),
            ("a", "ab", false),
            ("xxAbxAB", "ab", true),
            ("kubernetes at the end: KUBERNETES", "kubernetes", true),
            ("C++ and c#", "c#", true),
            ("KUB KUBE KUBER kubern", "kubernetes", false),
        ] {
            assert_eq!(
                TextFinder::new(needle).is_match(hay),
                found,
                "{needle} in {hay}"
            );
            assert_eq!(contains_ci(hay, needle), found, "{needle} in {hay}");
        }
        assert_eq!(substring_indices("Go go GO", "go"), vec![0, 1, 3, 4, 6, 7]);
    }
}
