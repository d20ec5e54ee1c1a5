//! Seniority: the level of a role, from a labelled level ("Mid-Senior level", `experienceLevel`)
//! or from its title — the role noun first (a "Senior Engineering Manager" manages), then the
//! first level word, in any language ("Senior", "Sr.", "Pleno", "高级", "신입").

use std::sync::LazyLock;

use regex::Regex;

use super::super::doc::Key;
use super::super::vocab::{fold, vocab};
use super::Ctx;
use crate::posting::{FieldSource, Seniority};

/// Seniority from a job title.
pub fn from_title(title: &str) -> Option<Seniority> {
    use Seniority::*;
    let v = vocab();
    let found: Vec<Seniority> = v.seniority.find(&fold(title)).map(|(_, _, s)| s).collect();
    // The role's kind first: what a person in it does.
    for s in [Executive, Director, Manager, Intern] {
        if found.contains(&s) {
            return Some(s);
        }
    }
    if let Some(s) = found.first() {
        return Some(*s);
    }
    static ROMAN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(?P<r>I{1,3}|IV|V)\s*$").expect("valid regex"));
    match ROMAN
        .captures(title.trim())
        .map(|c| c["r"].to_string())
        .as_deref()
    {
        Some("I") => Some(Junior),
        Some("II") => Some(Mid),
        Some("III" | "IV" | "V") => Some(Senior),
        _ => None,
    }
}

/// A field naming the level ("Senior", "Mid-Senior level", "Entry level").
pub fn from_label(s: &str) -> Option<Seniority> {
    if s.chars().count() > 60 {
        return None;
    }
    vocab().seniority.whole(s).or_else(|| from_title(s))
}

/// Resolves the seniority: a labelled level, else the title's.
pub fn resolve(ctx: &Ctx<'_>, title: Option<&str>) -> Option<(Seniority, FieldSource)> {
    for (t, origin) in ctx.doc.texts(Key::Seniority) {
        if let Some(s) = from_label(t) {
            return Some((s, origin.source()));
        }
    }
    title.and_then(from_title).map(|s| (s, FieldSource::Title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_titles() {
        use Seniority::*;
        assert_eq!(
            from_title("Senior Engineer (Backend), Product Trust [Technical Lead Role]"),
            Some(Senior)
        );
        assert_eq!(from_title("Senior Engineering Manager"), Some(Manager));
        assert_eq!(from_title("Staff Software Engineer - Billing"), Some(Staff));
        assert_eq!(from_title("Sr. Data Scientist"), Some(Senior));
        assert_eq!(from_title("Software Engineer II"), Some(Mid));
        assert_eq!(from_title("VP of Engineering"), Some(Director));
        assert_eq!(from_title("Chief Technology Officer"), Some(Executive));
        assert_eq!(from_title("Summer Intern, ML"), Some(Intern));
        assert_eq!(from_title("高级/资深Java工程师"), Some(Senior));
        assert_eq!(from_title("Backend Engineer"), None);
        assert_eq!(from_label("Mid-Senior level"), Some(Mid));
    }
}
