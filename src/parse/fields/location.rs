//! Locations: split a labelled location field into places ("Bengaluru, Karnataka, India" is one
//! place, "Boston, New York, London" three), and find the places a description says the role
//! can sit in ("roles based out of Boston, Bangalore and New York").

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

const PLACES_TOML: &str = include_str!("../../../assets/places.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Region,
    City,
}

struct Gazetteer {
    names: Vec<(String, PlaceKind)>,
    /// Name → kind of its first listing, for whole-string lookups.
    by_name: std::collections::HashMap<String, PlaceKind>,
    matcher: AhoCorasick,
}

fn gazetteer() -> &'static Gazetteer {
    static G: LazyLock<Gazetteer> = LazyLock::new(|| {
        let table: toml::Table =
            toml::from_str(PLACES_TOML).expect("assets/places.toml is valid (tested)");
        let mut names = Vec::new();
        for (key, kind) in [
            ("countries", PlaceKind::Country),
            ("regions", PlaceKind::Region),
            ("cities", PlaceKind::City),
        ] {
            for v in table
                .get(key)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
            {
                if let Some(s) = v.as_str() {
                    names.push((s.to_string(), kind));
                }
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(names.iter().map(|(n, _)| n))
            .expect("place names compile");
        let mut by_name = std::collections::HashMap::new();
        for (n, k) in &names {
            by_name.entry(n.clone()).or_insert(*k);
        }
        Gazetteer {
            names,
            by_name,
            matcher,
        }
    });
    &G
}

/// What kind of place a whole string names, if the gazetteer knows it.
pub fn place_kind(s: &str) -> Option<PlaceKind> {
    let s = s
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    let g = gazetteer();
    g.by_name.get(s).copied()
}

/// Places named in `s` (whole words), as (start, end, kind).
pub fn places_in(s: &str) -> Vec<(usize, usize, PlaceKind)> {
    let g = gazetteer();
    let bytes = s.as_bytes();
    g.matcher
        .find_iter(s)
        .filter(|m| {
            let before_ok = m.start() == 0 || !is_word_byte(bytes[m.start() - 1]);
            let after_ok = m.end() >= bytes.len() || !is_word_byte(bytes[m.end()]);
            before_ok && after_ok
        })
        .map(|m| (m.start(), m.end(), g.names[m.pattern().as_usize()].1))
        .collect()
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// True when `s` mentions a known place. Two-letter codes ("CA", "IN") alone don't count.
pub fn mentions_place(s: &str) -> bool {
    places_in(s)
        .iter()
        .any(|&(a, b, _)| b - a > 2 || s.trim().len() <= 3)
}

/// Words that say where the work happens rather than where the office is.
fn is_mode_word(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    matches!(
        l.as_str(),
        "remote"
            | "hybrid"
            | "on-site"
            | "onsite"
            | "on site"
            | "in office"
            | "fully remote"
            | "remote first"
            | "remote-first"
            | "wfh"
            | "work from home"
            | "télétravail"
            | "flexible"
    )
}

/// Splits a labelled location field into places. Commas separate both the parts of one place
/// ("Bengaluru, Karnataka, India") and different places ("Boston, New York"): a known city
/// after a city, or a country after a country, starts a new place. Semicolons, pipes, " / ",
/// " or ", bullets and newlines always separate places. Mode words ("Remote") are dropped.
pub fn from_label(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for chunk in s
        .split([';', '|', '•', '·', '\n'])
        .flat_map(|c| c.split(" / "))
        .flat_map(|c| c.split(" or "))
        .flat_map(|c| c.split(" OR "))
    {
        // Parenthesized qualifiers are parts: "Remote (US)" → "US", "Berlin (Germany)" → "Berlin, Germany".
        let chunk = chunk.replace(['(', '['], ",").replace([')', ']'], "");
        let mut group: Vec<String> = Vec::new();
        let mut group_has = (false, false); // (city or unknown lead, country)
        for part in chunk.split(',') {
            let part = part.trim();
            let part = strip_mode_prefix(part);
            if part.is_empty() || is_mode_word(part) {
                continue;
            }
            let kind = place_kind(part);
            let starts_new = match kind {
                Some(PlaceKind::City) => group_has.0,
                Some(PlaceKind::Country) => group_has.1,
                Some(PlaceKind::Region) => false,
                None => group_has.1,
            };
            if starts_new && !group.is_empty() {
                out.push(group.join(", "));
                group.clear();
                group_has = (false, false);
            }
            match kind {
                Some(PlaceKind::City) | None => group_has.0 = true,
                Some(PlaceKind::Country) => group_has.1 = true,
                Some(PlaceKind::Region) => {}
            }
            group.push(part.to_string());
        }
        if !group.is_empty() {
            out.push(group.join(", "));
        }
    }
    out.retain(|l| l.chars().any(char::is_alphabetic) && l.chars().count() <= 80);
    dedupe(out)
}

/// "Remote - US" → "US", "Remote: Canada" → "Canada".
/// Also "Remote United States" → "United States", "Canada - Remote" → "Canada",
/// "US-Remote" → "US", "Poland Remote" → "Poland".
fn strip_mode_prefix(s: &str) -> &str {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:fully\s+|100%\s+)?(?:remote|hybrid|on-?site)(?:\s*[-–—:]\s*|\s+(?:in|from|within|-)\s+|\s+)")
            .expect("valid regex")
    });
    static SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:\s*[-–—:]\s*|\s+|-)(?:fully\s+)?(?:remote|hybrid|on-?site)(?:\s+(?:only|ok|friendly|first))?$")
            .expect("valid regex")
    });
    let mut t = s;
    if let Some(m) = PREFIX.find(t)
        && m.end() < t.len()
        && t[m.end()..].starts_with(|c: char| c.is_uppercase())
    {
        t = &t[m.end()..];
    }
    if let Some(m) = SUFFIX.find(t)
        && m.start() > 0
    {
        t = t[..m.start()].trim_end();
    }
    t
}

fn dedupe(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in v {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&s)) {
            out.push(s);
        }
    }
    out
}

/// The places a description says the role can sit in. Only statements about the role count
/// ("roles based out of …", "Location: …", "this position is located in …"); where the
/// company is headquartered does not.
pub fn from_text(text: &str) -> Vec<String> {
    static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        [
            r"(?im)^\s*(?:job\s+)?locations?\s*[:：-]\s*(?P<list>[^\n]{2,120})$",
            r"(?i)\b(?:roles?|positions?|jobs?|candidates?|you)\s+(?:is\s+|are\s+|will\s+be\s+|must\s+be\s+|can\s+be\s+)?(?:based|located|working)\s+(?:out\s+of|in|at|from)\s+(?P<list>[^.;:!?\n]{2,160})",
            r"(?i)\b(?:this|the)\s+(?:role|position|job)\s+(?:is\s+)?(?:open\s+)?(?:in|at)\s+(?:our\s+)?(?P<list>[^.;:!?\n]{2,100}?)\s+(?:office|offices|hub|location)",
            r"(?i)\bfrom\s+our\s+(?P<list>[A-Z][^.;:!?\n]{1,60}?)\s+(?:office|offices|hub)\b",
            r"(?i)\b(?:is|are)\s+(?:now\s+)?hiring\s+(?:\w+\s+){0,3}?in\s+(?P<list>[A-Z][^.;:!?\n]{1,120})",
            r"(?m)^[^\n]{1,60}?\s+in\s+(?P<list>[A-Z][^.;:!?\n]{1,40}?),?\s+(?:is|are)\s+(?:hiring|looking\s+for|seeking|recruiting)\b",
        ]
        .iter()
        .map(|p| Regex::new(p).expect("valid regex"))
        .collect()
    });
    let mut out = Vec::new();
    for (i, re) in PATTERNS.iter().enumerate() {
        for c in re.captures_iter(text) {
            let list = c.name("list").map_or("", |m| m.as_str());
            // A "Location:" line is a labelled field; sentences hold lists of places.
            if i == 0 {
                out.extend(from_label(list).into_iter().filter(|l| mentions_place(l)));
            } else {
                out.extend(split_place_list(list));
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    dedupe(out)
}

/// "San Francisco Bay Area, Boston, Bangalore, Hyderabad, and New York, employees are…" →
/// the known places in the list, stopping where the list ends.
fn split_place_list(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    for item in list
        .split([',', '/'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" or "))
    {
        let item = item
            .trim()
            .trim_start_matches("and ")
            .trim_start_matches("or ")
            .trim();
        let item = item.strip_prefix("the ").unwrap_or(item);
        if item.is_empty() {
            continue;
        }
        let places = places_in(item);
        // An item counts when it begins with a place and is short: "Boston", "San Francisco Bay Area".
        match places.first() {
            Some(&(0, _, _)) if item.split_whitespace().count() <= 5 => out.push(item.to_string()),
            _ if !out.is_empty() => break,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_loads() {
        assert_eq!(place_kind("Bengaluru"), Some(PlaceKind::City));
        assert_eq!(place_kind("Karnataka"), Some(PlaceKind::Region));
        assert_eq!(place_kind("India"), Some(PlaceKind::Country));
        assert!(mentions_place("Office in Berlin"));
        assert!(!mentions_place("Berliner Weisse"));
    }

    #[test]
    fn labels_split_into_places() {
        assert_eq!(
            from_label("Bengaluru, Karnataka, India"),
            ["Bengaluru, Karnataka, India"]
        );
        assert_eq!(
            from_label("Boston, New York, London"),
            ["Boston", "New York", "London"]
        );
        assert_eq!(
            from_label("San Francisco, CA; New York, NY"),
            ["San Francisco, CA", "New York, NY"]
        );
        assert_eq!(from_label("Remote,Montréal, Canada"), ["Montréal, Canada"]);
        assert_eq!(from_label("Remote (US)"), ["US"]);
        assert_eq!(from_label("Springfield, IL"), ["Springfield, IL"]);
        assert_eq!(from_label("Germany, France"), ["Germany", "France"]);
        assert!(from_label("Remote").is_empty());
        assert_eq!(from_label("Remote United States"), ["United States"]);
        assert_eq!(from_label("Canada - Remote"), ["Canada"]);
        assert_eq!(
            from_label("New York, NY OR US-Remote"),
            ["New York, NY", "US"]
        );
        assert_eq!(from_label("Poland Remote"), ["Poland"]);
        assert_eq!(from_label("Remote - US"), ["US"]);
    }

    #[test]
    fn role_locations_from_text() {
        let t = "The company is headquartered in San Francisco and has an office in Bangalore. \
                 For all roles based out of San Francisco Bay Area, Boston, Bangalore, Hyderabad, and \
                 New York, employees are expected to come into the office 3-days a week.";
        assert_eq!(
            from_text(t),
            [
                "San Francisco Bay Area",
                "Boston",
                "Bangalore",
                "Hyderabad",
                "New York"
            ]
        );
        assert_eq!(
            from_text("Location: Berlin, Germany\nMore text"),
            ["Berlin, Germany"]
        );
        assert_eq!(from_text("Headquartered in Paris."), Vec::<String>::new());
    }
}
