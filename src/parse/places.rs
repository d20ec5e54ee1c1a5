//! The place gazetteer (`assets/places.toml`, plus every country name of
//! `assets/vocab/countries.toml`): whether a phrase names a country, a region or a city, and
//! where places occur in a text. Used by readers to tell a header's place from its other pieces
//! and by the location resolver.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

const PLACES_TOML: &str = include_str!("../../assets/places.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Region,
    City,
}

struct Gazetteer {
    /// Region, region code or city → ISO 3166 alpha-2 code of its country.
    country_of: HashMap<String, String>,
    names: Vec<(String, PlaceKind)>,
    /// Name → kind of its first listing, for whole-string lookups.
    by_name: HashMap<String, PlaceKind>,
    matcher: AhoCorasick,
}

/// Builds the table now (see [`super::warm_up`]).
pub fn warm_up() {
    gazetteer();
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
        // Country names in every language the country table lists.
        let v = super::vocab::vocab();
        let mut known: std::collections::HashSet<String> =
            names.iter().map(|(n, _)| n.clone()).collect();
        for name in &v.country_spellings {
            if known.insert(name.clone()) {
                names.push((name.clone(), PlaceKind::Country));
            }
        }
        let mut country_of = HashMap::new();
        let mut extra = Vec::new();
        if let Some(t) = table.get("country_of").and_then(|v| v.as_table()) {
            for (iso, list) in t {
                for n in list
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str())
                {
                    country_of
                        .entry(n.to_string())
                        .or_insert_with(|| iso.clone());
                    // Cities the table names (in any script) are places too.
                    if n.chars().count() > 2 && !known.contains(n) {
                        extra.push(n.to_string());
                    }
                }
            }
        }
        for n in extra {
            if known.insert(n.clone()) {
                names.push((n, PlaceKind::City));
            }
        }
        let mut by_name = HashMap::new();
        for (n, k) in &names {
            by_name.entry(n.clone()).or_insert(*k);
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(names.iter().map(|(n, _)| n))
            .expect("place names compile");
        Gazetteer {
            country_of,
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
    gazetteer().by_name.get(s).copied()
}

/// The ISO 3166 alpha-2 code of the country a region, region code or city is in ("ON" → "CA",
/// "Toronto" → "CA", "TX" → "US").
pub fn country_of(s: &str) -> Option<&'static str> {
    gazetteer().country_of.get(s.trim()).map(String::as_str)
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
            let cjk = s[m.start()..]
                .chars()
                .next()
                .is_some_and(super::vocab::unspaced);
            cjk || (before_ok && after_ok)
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

/// Whether a short piece (a badge, a bracketed tag, a title's tail, a label's value) names a
/// place: it mentions one this list knows, or it is one by [`is_place_name`].
pub fn is_place(s: &str) -> bool {
    mentions_place(s) || is_place_name(s)
}

/// Whether a short piece is, whole, a place of the GeoNames table written as a name
/// ([`crate::places::Gazetteer::names_place`]: "Salem", "Magdeburg", "广州") and no skill the
/// skills vocabulary knows ("Jinja" is a town in Uganda and a template language).
pub fn is_place_name(s: &str) -> bool {
    crate::places::Gazetteer::get().names_place(s)
        && super::fields::skills::vocabulary().canonical(s).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_loads() {
        assert_eq!(place_kind("Bengaluru"), Some(PlaceKind::City));
        assert_eq!(place_kind("Karnataka"), Some(PlaceKind::Region));
        assert_eq!(place_kind("India"), Some(PlaceKind::Country));
        assert_eq!(place_kind("Deutschland"), Some(PlaceKind::Country));
        assert!(mentions_place("Office in Berlin"));
        assert!(!mentions_place("Berliner Weisse"));
        assert!(mentions_place("Niemcy"));
    }
}
