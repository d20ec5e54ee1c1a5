//! Search: the query language ([`query`]), the fuzzy matcher ([`matcher`]) and the index that
//! ranks postings ([`index`]); plus the highlight positions the UI draws.

pub mod index;
pub mod matcher;
pub mod query;

pub use index::{Hit, SearchIndex};
pub use query::{Field, Query, Term};

use matcher::{Matcher, contains_ci, is_subsequence, substring_indices, word_prefix_indices};

use crate::posting::Posting;

/// Whether one posting matches a query, without an index (for scoring rules and single
/// postings). Exact terms match substrings; plain terms match when their characters occur in
/// order in a field (the condition for a fuzzy match).
pub fn matches_posting(p: &Posting, q: &Query) -> bool {
    // The non-negated `salary:` terms are one choice (see `SearchIndex::search_until`).
    let pay = |t: &&Term| query::is_pay_choice(t);
    let pays: Vec<&Term> = q.terms.iter().filter(pay).collect();
    (pays.is_empty() || pays.iter().any(|t| term_matches(p, t)))
        && q.terms
            .iter()
            .filter(|t| !pay(t))
            .all(|t| term_matches(p, t) != t.negated)
}

fn term_matches(p: &Posting, t: &Term) -> bool {
    let text = |s: &str| {
        if t.exact {
            contains_ci(s, &t.lower)
        } else if t.field.is_some() {
            word_prefix_indices(s, &t.lower).is_some()
        } else {
            is_subsequence(&s.to_lowercase(), &t.lower)
        }
    };
    let enum_match = |name: Option<&str>| name.is_some_and(|n| query::enum_matches(n, &t.lower));
    match t.field {
        None => {
            [p.title.as_deref(), p.company.as_deref(), p.team.as_deref()]
                .into_iter()
                .flatten()
                .any(text)
                || p.locations.iter().any(|l| text(l))
                || p.skills.iter().any(|s| text(s))
        }
        Some(Field::Title) => p.title.as_deref().is_some_and(text),
        Some(Field::Company) => p.company.as_deref().is_some_and(text),
        Some(Field::Team) => p.team.as_deref().is_some_and(text),
        Some(Field::Location) => p.locations.iter().any(|l| text(l)),
        Some(Field::Skill) => p.skills.iter().any(|s| text(s)),
        Some(Field::Mode) => enum_match(p.work_mode.map(|m| m.as_str())),
        Some(Field::Type) => enum_match(p.employment_type.map(|m| m.as_str())),
        Some(Field::Level) => enum_match(p.seniority.map(|m| m.as_str())),
        Some(Field::Is) => query::posting_is(p, &t.lower),
        Some(Field::Salary) => {
            query::pay_spec(&t.lower).is_some_and(|s| query::posting_pay_matches(p, s))
        }
        Some(Field::Age) => {
            query::age_spec(&t.lower).is_some_and(|s| query::posting_age_matches(p, s))
        }
        Some(Field::From) => {
            query::from_countries(&t.lower).is_some_and(|cs| query::posting_open_from(p, &cs))
        }
        Some(Field::Text) => p.sections.iter().any(|s| {
            contains_ci(&s.body, &t.lower)
                || s.heading
                    .as_deref()
                    .is_some_and(|h| contains_ci(h, &t.lower))
        }),
    }
}

/// The char indices of `text` (a value of `field`) that the query's terms matched, sorted and
/// unique, for highlighting. Negated terms highlight nothing.
pub fn highlight(matcher: &dyn Matcher, text: &str, field: Field, query: &Query) -> Vec<usize> {
    let mut out = Vec::new();
    for t in &query.terms {
        if t.negated || !(t.field.is_none() || t.field == Some(field)) || !field.is_headline() {
            continue;
        }
        if t.exact {
            out.extend(substring_indices(text, &t.lower));
        } else if t.field.is_some() {
            out.extend(word_prefix_indices(text, &t.lower).unwrap_or_default());
        } else if let Some(idx) = matcher.indices(text, &t.lower) {
            out.extend(idx);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The char indices of `text` to highlight in the detail pane: whole occurrences of each
/// term's text (fuzzy positions scattered over a paragraph or a list would only be noise).
pub fn highlight_text(text: &str, query: &Query) -> Vec<usize> {
    let mut out = Vec::new();
    for t in &query.terms {
        if t.negated || t.lower.chars().count() < 2 {
            continue;
        }
        if t.field.is_none_or(|f| f.is_headline() || f == Field::Text) {
            out.extend(substring_indices(text, &t.lower));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use matcher::SkimMatcher;

    #[test]
    fn highlights_per_field() {
        let m = SkimMatcher::default();
        let q = Query::parse("trust loc:berlin !postman");
        assert_eq!(
            highlight(&m, "Product Trust", Field::Title, &q),
            vec![8, 9, 10, 11, 12]
        );
        assert!(highlight(&m, "Postman", Field::Company, &q).is_empty());
        assert_eq!(highlight(&m, "Berlin", Field::Location, &q).len(), 6);
        assert_eq!(
            highlight_text("We value trust. Trust!", &q),
            vec![9, 10, 11, 12, 13, 16, 17, 18, 19, 20]
        );
    }
}
