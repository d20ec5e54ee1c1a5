//! Scoring rules the user owns (`[[scoring]]` in the config): a query and the points a posting
//! matching it gets, with the reason shown in the detail pane. Rules use the query language,
//! except that plain terms match as exact substrings: a rule is a statement ("I write Rust"),
//! not a search as you type.

use crate::posting::Posting;
use crate::search::{Field, Query, matches_posting};

/// A scoring rule: postings matching `when` get `points`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRule {
    /// As written, for messages.
    pub when: String,
    pub query: Query,
    pub points: i32,
    pub reason: String,
}

/// The query of a rule: plain and field terms become exact substring matches.
pub fn rule_query(when: &str) -> Query {
    let mut q = Query::parse(when);
    for t in &mut q.terms {
        if t.field.is_none_or(Field::is_headline) {
            t.exact = true;
        }
    }
    q
}

/// The rules a posting matches.
pub fn matching<'a>(p: &Posting, rules: &'a [ScoreRule]) -> Vec<&'a ScoreRule> {
    rules
        .iter()
        .filter(|r| matches_posting(p, &r.query))
        .collect()
}

/// A posting's total score.
pub fn score(p: &Posting, rules: &[ScoreRule]) -> i32 {
    matching(p, rules).iter().map(|r| r.points).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::WorkMode;

    fn rule(when: &str, points: i32) -> ScoreRule {
        ScoreRule {
            when: when.into(),
            query: rule_query(when),
            points,
            reason: when.into(),
        }
    }

    #[test]
    fn rules_add_up() {
        let p = Posting {
            title: Some("Senior Rust Engineer".into()),
            skills: vec!["Rust".into(), "SQL".into()],
            work_mode: Some(WorkMode::Onsite),
            ..Default::default()
        };
        let rules = [
            rule("skill:rust", 20),
            rule("mode:onsite", -100),
            rule("skill:go", 5),
            rule("senior", 3),
        ];
        assert_eq!(score(&p, &rules), 20 - 100 + 3);
        assert_eq!(matching(&p, &rules).len(), 3);
        // Exact, not fuzzy: "rst" is not in "Rust".
        assert_eq!(score(&p, &[rule("skill:rst", 1)]), 0);
    }
}
