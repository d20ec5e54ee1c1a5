//! The vocabularies' regular expressions, cheap to start: each pattern is compiled at its first
//! use ([`LazyRegex`]), and a set of them ([`candidate_set`]) says in one pass which may match a
//! text, so a run compiles only the patterns its texts may need. Compiling all of them at start
//! took most of a start's time (about 0.1 s in release, 0.3 s in a debug build).

use std::ops::Deref;
use std::sync::OnceLock;

use regex::{Regex, RegexSet};
use regex_syntax::ast::{Ast, RepetitionKind, RepetitionRange};

/// A pattern run over whole descriptions, with room for its lazy DFA's states. A bounded
/// repetition ("[^.\n]{3,100}" after "looking for") makes many states; in the default 2 MB
/// cache they are built, cleared and built again for every posting.
pub fn roomy_regex(p: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(p).dfa_size_limit(16 << 20).build()
}

/// A regular expression compiled at its first use (then kept). It dereferences to the
/// [`Regex`]; a pattern that does not compile panics there, naming the pattern (every
/// vocabulary pattern is compiled by a test, and syntax errors already fail the set built from
/// them at start).
pub struct LazyRegex {
    pattern: String,
    /// Built with [`roomy_regex`] rather than [`Regex::new`].
    roomy: bool,
    re: OnceLock<Regex>,
}

impl LazyRegex {
    /// `pattern`, compiled by [`Regex::new`] at its first use.
    pub fn new(pattern: String) -> LazyRegex {
        LazyRegex {
            pattern,
            roomy: false,
            re: OnceLock::new(),
        }
    }

    /// `pattern`, compiled by [`roomy_regex`] at its first use.
    pub fn roomy(pattern: String) -> LazyRegex {
        LazyRegex {
            roomy: true,
            ..LazyRegex::new(pattern)
        }
    }

    /// The pattern, as given.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The names of the pattern's capture groups, read from its syntax (nothing is compiled).
    pub fn group_names(&self) -> Vec<String> {
        let mut names = Vec::new();
        if let Ok(ast) = regex_syntax::ast::parse::Parser::new().parse(&self.pattern) {
            visit(&ast, &mut |a| {
                if let Ast::Group(g) = a
                    && let regex_syntax::ast::GroupKind::CaptureName { name, .. } = &g.kind
                {
                    names.push(name.name.clone());
                }
            });
        }
        names
    }
}

impl Deref for LazyRegex {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.re.get_or_init(|| {
            let built = if self.roomy {
                roomy_regex(&self.pattern)
            } else {
                Regex::new(&self.pattern)
            };
            built.unwrap_or_else(|e| panic!("bad pattern {:?}: {e}", self.pattern))
        })
    }
}

/// Calls `f` on `ast` and on every expression inside it.
fn visit(ast: &Ast, f: &mut impl FnMut(&Ast)) {
    f(ast);
    match ast {
        Ast::Repetition(r) => visit(&r.ast, f),
        Ast::Group(g) => visit(&g.ast, f),
        Ast::Alternation(a) => a.asts.iter().for_each(|x| visit(x, f)),
        Ast::Concat(c) => c.asts.iter().for_each(|x| visit(x, f)),
        _ => {}
    }
}

/// `p` with every bounded repetition `{m,n}` unbounded (`{m,}`), the rest as written: it
/// matches all that `p` matches and more, and compiles many times faster (each of the `n`
/// copies of a repeated class, `.{1,40}` or `[\w&.' -]{1,40}`, is an automaton of its own; a
/// Unicode class under `(?i)` is a large one). A pattern that does not parse is returned as is.
pub fn unbounded(p: &str) -> String {
    let Ok(ast) = regex_syntax::ast::parse::Parser::new().parse(p) else {
        return p.to_string();
    };
    let mut cuts = Vec::new();
    visit(&ast, &mut |a| {
        if let Ast::Repetition(r) = a
            && let RepetitionKind::Range(RepetitionRange::Bounded(m, _)) = r.op.kind
        {
            let lazy = if r.greedy { "" } else { "?" };
            cuts.push((
                r.op.span.start.offset,
                r.op.span.end.offset,
                format!("{{{m},}}{lazy}"),
            ));
        }
    });
    cuts.sort_by_key(|c| c.0);
    let mut out = String::with_capacity(p.len());
    let mut at = 0;
    for (start, end, with) in cuts {
        out.push_str(&p[at..start]);
        out.push_str(&with);
        at = end;
    }
    out.push_str(&p[at..]);
    out
}

/// Patterns as one set that says in one pass which of them may match a text: it only finds
/// candidates, each to be confirmed by its own pattern.
///
/// Its patterns drop `\b`, which makes them match a little more (never less) and keeps the set
/// on the fast lazy DFA: a Unicode word boundary sends it to the PikeVM on any non-ASCII text,
/// 30 times slower (6,658 Markdown postings took 120 s instead of 4). They also drop the upper
/// bounds of repetitions ([`unbounded`]), again matching more, never less: the set compiles
/// in a fraction of the time.
pub fn candidate_set<'a>(patterns: impl IntoIterator<Item = &'a str>) -> RegexSet {
    // Many patterns at once need more room for the lazy DFA's states than one (its default
    // 2 MB cache fills, is cleared again and again, and the set falls back to the PikeVM).
    regex::RegexSetBuilder::new(
        patterns
            .into_iter()
            .map(|p| unbounded(p).replace(r"\b", "")),
    )
    .dfa_size_limit(32 << 20)
    .build()
    .expect("vocabulary patterns compile as a set")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unbounded_drops_upper_bounds_only() {
        assert_eq!(
            unbounded(r"a{1,40}?b{2,3}c{4}d{5,}"),
            r"a{1,}?b{2,}c{4}d{5,}"
        );
        assert_eq!(
            unbounded(r"(?i)^(?P<c>[^\s].{1,40}?)\s+x(?:\s+(?P<p>\p{Lu}[\w ]{1,40}))?$"),
            r"(?i)^(?P<c>[^\s].{1,}?)\s+x(?:\s+(?P<p>\p{Lu}[\w ]{1,}))?$"
        );
        // Braces that are not a repetition stay as they are.
        assert_eq!(unbounded(r"\{1,2\}[{]x"), r"\{1,2\}[{]x");
        assert_eq!(unbounded("(unclosed"), "(unclosed");
    }

    #[test]
    fn a_lazy_regex_matches_as_the_pattern_and_names_its_groups() {
        let re = LazyRegex::roomy(r"(?P<title>\w+) at (?P<company>\w+)".to_string());
        assert_eq!(re.group_names(), ["title", "company"]);
        let c = re.captures("Engineer at Acme").unwrap();
        assert_eq!(&c["company"], "Acme");
        assert!(!LazyRegex::new("(?i)^x$".to_string()).is_match("xy"));
    }

    #[test]
    fn a_candidate_set_finds_every_pattern_that_matches() {
        let patterns = [r"\bremote\b[^.]{0,5}\bfirst\b", r"^a.{1,3}?b$", "z"];
        let set = candidate_set(patterns);
        for text in [
            "remote  first",
            "remote-first",
            "axxb",
            "ab",
            "z",
            "remote, then first",
        ] {
            let m = set.matches(text);
            for (i, p) in patterns.iter().enumerate() {
                if Regex::new(p).unwrap().is_match(text) {
                    assert!(m.matched(i), "{p} on {text:?}");
                }
            }
        }
    }
}
