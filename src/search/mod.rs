//! Search: the query language ([`query`]), the fuzzy matcher ([`matcher`]) and the index that
//! ranks postings ([`index`]); plus the highlight positions the UI draws.

pub mod index;
pub mod matcher;
pub mod query;

pub use index::{Hit, SearchIndex};
pub use query::{Field, Query, Term};

use matcher::{Matcher, substring_indices};

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
        } else if let Some(idx) = matcher.indices(text, &t.lower) {
            out.extend(idx);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The char indices in description text to highlight: whole occurrences of each term's text
/// (fuzzy positions scattered over a paragraph would only be noise).
pub fn highlight_text(text: &str, query: &Query) -> Vec<usize> {
    let mut out = Vec::new();
    for t in &query.terms {
        if t.negated || t.lower.chars().count() < 2 {
            continue;
        }
        if matches!(
            t.field,
            None | Some(Field::Text) | Some(Field::Skill) | Some(Field::Title)
        ) {
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
