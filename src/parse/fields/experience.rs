//! Years of experience: the minimum a posting asks for.

use std::sync::LazyLock;

use regex::Regex;

static WORD_NUMBERS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
];

fn number(s: &str) -> Option<u32> {
    s.parse().ok().or_else(|| {
        let l = s.to_lowercase();
        WORD_NUMBERS.iter().find(|(w, _)| *w == l).map(|(_, n)| *n)
    })
}

/// The minimum years of experience asked for ("5+ years", "at least three years", "3-5 years").
/// When several statements ask for years, the role's bar is the highest of their minimums
/// ("5+ years of backend, 2+ years leading" asks for 5).
pub fn years(text: &str) -> Option<u32> {
    static YEARS: LazyLock<Regex> = LazyLock::new(|| {
        let n = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)";
        Regex::new(&format!(
            r"(?ix)
            (?:(?P<atleast>at\s+least|minimum\s+(?:of\s+)?|min\.?\s+|over|more\s+than)\s+)?
            (?-u:\b)(?P<n>{n})\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*(?P<m>{n})\s*\+?\s*)?
            (?:years?|yrs?)(?-u:\b)(?:'|’)?
            (?P<tail>.{{0,60}})"
        ))
        .expect("valid regex")
    });
    static EXPERIENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:of\s+|'\s+|’\s+)?(?:[\w/.+#-]+\s+){0,6}?(?:experience|expérience|erfahrung|exp(?-u:\b)|professional|industry|hands[\s-]on|working|work\s+experience|in\s+(?:a|an|the)?\s*\w+|with\s+\w+|of\s+\w+|building|developing|designing|leading|writing|programming|coding)")
            .expect("valid regex")
    });
    let mut best: Option<u32> = None;
    for c in YEARS.captures_iter(text) {
        let Some(n) = c.name("n").and_then(|m| number(m.as_str())) else {
            continue;
        };
        let tail = c.name("tail").map_or("", |m| m.as_str());
        // Only years of experience: "5 years old", "in 10 years", "founded 20 years ago" are not.
        if !EXPERIENCE.is_match(tail)
            || tail.trim_start().starts_with("ago")
            || tail.trim_start().starts_with("old")
        {
            continue;
        }
        let min = match c.name("m").and_then(|m| number(m.as_str())) {
            Some(m) => n.min(m),
            None => n,
        };
        if (1..=30).contains(&min) {
            best = Some(best.map_or(min, |b| b.max(min)));
        }
    }
    best
}

/// Resolves the years of experience: a labelled number of months (JSON-LD), a labelled text
/// ("Experience: 3+ years"), else the requirements' highest minimum.
pub fn resolve(ctx: &super::Ctx<'_>) -> Option<(u32, crate::posting::FieldSource)> {
    use super::super::doc::{Key, Value};
    for f in ctx.doc.facts_of(Key::ExperienceMonths) {
        if let Value::Number(m) = f.value
            && (1.0..=480.0).contains(&m)
        {
            return Some(((m / 12.0).round().max(1.0) as u32, f.origin.source()));
        }
    }
    for (t, origin) in ctx.doc.texts(Key::Experience) {
        if let Some(y) = years(t) {
            return Some((y, origin.source()));
        }
    }
    years(&ctx.requirements)
        .or_else(|| years(&ctx.job))
        .map(|y| (y, crate::posting::FieldSource::Text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_of_experience() {
        assert_eq!(
            years("5+ years of experience in backend or full-stack engineering roles"),
            Some(5)
        );
        assert_eq!(
            years("at least three years of professional experience"),
            Some(3)
        );
        assert_eq!(years("3-5 years experience with Python"), Some(3));
        assert_eq!(
            years("5+ years building APIs; 2+ years leading teams"),
            Some(5)
        );
        assert_eq!(years("a company founded 10 years ago"), None);
        assert_eq!(years("we have ambitious goals in 2024 and beyond"), None);
        assert_eq!(years("Minimum of 7 yrs in software"), Some(7));
    }
}
