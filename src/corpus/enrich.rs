//! What the loader adds to a parsed posting from what it knows beyond the file's text: the
//! posted date resolved against when the file was saved, each location resolved to a place
//! (city, region, country), and the countries a remote role is open to.
//!
//! The parsers keep what the page says; the vocabularies that decide here are data
//! (`assets/places.tsv`, `assets/places_aliases.toml`, `assets/dates.toml`).

use time::{Date, OffsetDateTime};

use crate::places::Gazetteer;
use crate::posting::{Posted, Posting, WorkMode};

/// Adds dates, places and remote regions to a posting parsed from a file saved at `saved`.
/// Without a save time (the built-in seeds) a relative date ("1mo ago") stays as written:
/// nothing says what it counts back from.
pub fn enrich(p: &mut Posting, saved: Option<OffsetDateTime>) {
    resolve_posted(p, saved.map(|t| t.date()));
    let g = Gazetteer::get();
    p.places = p
        .locations
        .iter()
        .filter_map(|l| {
            g.resolve(l).or_else(|| {
                // "Anywhere in the US": the place it is anywhere inside, as written.
                let mut place = g.resolve(within_anywhere(l)?)?;
                place.name = l.clone();
                Some(place)
            })
        })
        .collect();
    p.remote_from = remote_from(p, g);
}

/// `posted` as a date (`YYYY-MM-DD`), the text as written kept in `posted_text` when it
/// differs; a relative date ("3 days ago", "vor 3 Tagen", "3日前") counts back from
/// `reference`. A text that reads as no date stays as it is.
fn resolve_posted(p: &mut Posting, reference: Option<Date>) {
    let Some(Posted::Text(text)) = &p.posted else {
        return;
    };
    if p.posted_text.is_some() {
        return;
    }
    let date = match reference {
        Some(r) => crate::dates::parse_posted(text, r),
        None => crate::dates::parse_absolute(text),
    };
    let Some(date) = date else {
        return;
    };
    let date = Posted::Date(date);
    // Words worth keeping: "3 days ago", "Nov 20, 2026" — not a timestamp of that same day, nor
    // a Unix time.
    if !text.starts_with(&date.to_string()) && !text.bytes().all(|b| b.is_ascii_digit()) {
        p.posted_text = Some(text.clone());
    }
    p.posted = Some(date);
}

/// Words that say a remote role is open to anyone, anywhere.
const ANYWHERE: &[&str] = &[
    "anywhere",
    "worldwide",
    "world wide",
    "global",
    "globally",
    "international",
    "any location",
    "any country",
    "everywhere",
];

/// The place after "anywhere in" ("Anywhere in the U.S. (remote)" → "U.S."): the place the
/// role may be worked anywhere inside. None when none follows, or it is the world's.
fn within_anywhere(l: &str) -> Option<&str> {
    // ASCII lower case keeps every byte where it was: the offset is one in `l`.
    let at = l.to_ascii_lowercase().find("anywhere")?;
    let rest = &l[at + "anywhere".len()..];
    let rest = ["in ", "within ", "across "]
        .iter()
        .find_map(|p| rest.trim_start().strip_prefix(p))?;
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix("the ")
        .or_else(|| rest.strip_prefix("The "))
        .unwrap_or(rest);
    // Up to a bracket or a dash that says something else ("(remote)", "- full time").
    let place = rest
        .split(['(', '[', '|', ';'])
        .next()
        .unwrap_or(rest)
        .split(" - ")
        .next()
        .unwrap_or(rest)
        .trim();
    let world = ANYWHERE
        .iter()
        .chain(&["world", "earth"])
        .any(|w| contains_words(&crate::places::fold(place), w));
    (!place.is_empty() && !world).then_some(place)
}

/// The countries (ISO-2) a remote role is open to, `["*"]` for anywhere: from its locations
/// ("Remote (US only)" → US, "Remote — EU" → the EU's countries, "Remote, worldwide" → *).
/// Empty when the role is not remote or the posting does not say.
fn remote_from(p: &Posting, g: &Gazetteer) -> Vec<String> {
    if p.work_mode != Some(WorkMode::Remote) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for l in &p.locations {
        // "Anywhere in the U.S.", "anywhere within Canada": anywhere inside the place named.
        let within = within_anywhere(l);
        let l = within.unwrap_or(l);
        let folded = crate::places::fold(l);
        if within.is_none() && ANYWHERE.iter().any(|w| contains_words(&folded, w)) {
            return vec!["*".into()];
        }
        // "Remote (EU)", "Remote - EMEA", "EU only": a group of countries.
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        // A group's name may be several words ("Latin America", "North America"): the longest
        // run of up to three words that names one.
        let mut grouped = false;
        let mut i = 0;
        while i < words.len() {
            let found = (1..=3.min(words.len() - i))
                .rev()
                .find_map(|n| g.group(&words[i..i + n].join(" ")).map(|cs| (n, cs)));
            match found {
                Some((n, cs)) => {
                    out.extend(cs.iter().cloned());
                    grouped = true;
                    i += n;
                }
                None => i += 1,
            }
        }
        if grouped {
            continue;
        }
        if let Some(c) = g.resolve(l).and_then(|pl| pl.country) {
            out.push(c);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether `phrase` occurs in `text` as whole words (both already folded).
fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remote(locations: &[&str]) -> Posting {
        Posting {
            work_mode: Some(WorkMode::Remote),
            locations: locations.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn remote_roles_say_where_from() {
        let g = Gazetteer::get();
        assert_eq!(remote_from(&remote(&["Remote (US only)"]), g), ["US"]);
        assert_eq!(remote_from(&remote(&["Remote, worldwide"]), g), ["*"]);
        assert_eq!(
            remote_from(&remote(&["Anywhere in the U.S. (remote)"]), g),
            ["US"]
        );
        assert_eq!(remote_from(&remote(&["Anywhere in Canada"]), g), ["CA"]);
        assert_eq!(remote_from(&remote(&["Anywhere in the world"]), g), ["*"]);
        // Letters whose lower case is longer ("İ") before it leave the place where it was.
        assert_eq!(
            remote_from(&remote(&["İİİ İstanbul or anywhere in Germany"]), g),
            ["DE"]
        );
        let eu = remote_from(&remote(&["Remote — EU"]), g);
        assert!(eu.contains(&"DE".to_string()) && eu.contains(&"FR".to_string()));
        assert!(!eu.contains(&"US".to_string()));
        // A group named in several words.
        let latam = remote_from(&remote(&["Latin America"]), g);
        assert!(latam.contains(&"BR".to_string()) && latam.contains(&"MX".to_string()));
        assert!(remote_from(&remote(&[]), g).is_empty());
        let mut office = remote(&["Berlin"]);
        office.work_mode = Some(WorkMode::Onsite);
        assert!(remote_from(&office, g).is_empty());
    }

    #[test]
    fn posted_becomes_a_date_counted_from_the_save() {
        let saved = time::macros::datetime!(2026-11-20 12:00 UTC);
        let mut p = Posting {
            posted: Some("3 days ago".into()),
            ..Default::default()
        };
        enrich(&mut p, Some(saved));
        assert_eq!(p.posted, Some(Posted::from("2026-11-17")));
        assert_eq!(p.posted_text.as_deref(), Some("3 days ago"));
        let mut p = Posting {
            posted: Some("Nov 20, 2026".into()),
            ..Default::default()
        };
        enrich(&mut p, Some(saved));
        assert_eq!(p.posted, Some(Posted::from("2026-11-20")));
        let mut p = Posting {
            posted: Some("2026-10-02".into()),
            ..Default::default()
        };
        enrich(&mut p, Some(saved));
        assert_eq!(p.posted, Some(Posted::from("2026-10-02")));
        assert_eq!(
            p.posted_text, None,
            "nothing to keep when it was a date already"
        );
        // A record's Unix time in milliseconds.
        let mut p = Posting {
            posted: Some("1785967265137".into()),
            ..Default::default()
        };
        enrich(&mut p, Some(saved));
        assert_eq!(p.posted, Some(Posted::from("2026-08-05")));
        assert_eq!(p.posted_text, None);
    }

    #[test]
    fn places_are_resolved_with_their_country() {
        let mut p = Posting {
            locations: vec!["SF".into(), "München".into(), "Reading is fun".into()],
            ..Default::default()
        };
        enrich(&mut p, None);
        let countries: Vec<_> = p.places.iter().map(|pl| pl.country.as_deref()).collect();
        assert_eq!(countries, [Some("US"), Some("DE")]);
    }
}
