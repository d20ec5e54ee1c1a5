//! Where the job is: labelled places (a JSON key, JSON-LD `jobLocation`, "Location:", a page
//! header's place badge, a Hacker News place field), the title's wrapper ("… in Berlin"), the
//! countries applicants must live in, else the places a sentence says the role sits in
//! ("roles based out of Boston, Bangalore and New York"). A labelled field is split into places
//! ("Bengaluru, Karnataka, India" is one place, "Boston, New York, London" three); mode words
//! ("Remote (US)" → "US"), time zones and "worldwide" are no places; ISO-3 and lowercase ISO-2
//! country codes are shown by name ("NOR" → "Norway").
//!
//! The resolver keeps the places structured (one string per place, the country known when a
//! place names one) so that a place table can be added on top.

use std::sync::LazyLock;

use regex::Regex;

use super::super::doc::{Key, Origin};
use super::super::places::{self, PlaceKind, place_kind};
use super::super::vocab::{self, Country, vocab};
use super::{Cand, Ctx, TEXT, pick};
use crate::posting::{Field, FieldSource};

/// The places chosen, where they came from, and the country they are in when known.
#[derive(Debug, Clone)]
pub struct Places {
    pub places: Vec<String>,
    pub source: FieldSource,
    pub country: Option<&'static Country>,
}

/// A contract word ("Full Time", "Permanent") that names no country ("PT" is Portugal).
fn is_contract(s: &str) -> bool {
    vocab().employment.whole(s).is_some() && vocab().country(s).is_none()
}

/// Words that say where the work happens rather than where the office is.
fn is_mode_word(s: &str) -> bool {
    let v = vocab();
    v.work_mode.whole(s).is_some()
        || v.anywhere.whole(s).is_some()
        || v.not_remote.whole(s).is_some()
}

/// A line that names places and nothing else but mode words ("Toronto, Ontario, Canada",
/// "Remote, Remote, United States"), as a feed writes a job's place above its description: its
/// places. Empty for anything else — a sentence, a line with a word that is no place ("Python,
/// Django"), a town the gazetteer does not put in the region beside it.
pub fn place_line(line: &str) -> Vec<String> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 80 || line.ends_with(['.', ':']) {
        return Vec::new();
    }
    let parts: Vec<&str> = line
        .split([',', '/', '|', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let places: Vec<&str> = parts.iter().copied().filter(|p| !is_mode_word(p)).collect();
    if places.is_empty() || !places::is_place_name(&places.join(", ")) {
        return Vec::new();
    }
    from_label(line)
}

/// Mode words only, joined by slashes, perhaps after "from" or "in": "from Anywhere/Remote",
/// "Remote/Hybrid".
fn is_mode_list(s: &str) -> bool {
    let lower = s
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let rest = ["from ", "in ", "within "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower);
    rest.split('/').all(|p| is_mode_word(p.trim()))
}

/// How often one comes in, not where: "2x/semana", "3x / week", "2 x".
static HOW_OFTEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+\s*x(?:\s*/|\s|$)").expect("valid regex"));

/// Hours of work, not a place: "9 AM - 5 PM EST", "09:00–17:00 CET", "9am to 6pm".
static WORKING_HOURS: LazyLock<Regex> = LazyLock::new(|| {
    let time = r"\d{1,2}(?:(?::|\.)\d{2}\s*(?:[ap]\.?\s?m\.?)?|\s*[ap]\.?\s?m\.?)";
    Regex::new(&format!(
        r"(?i)^(?:from\s+)?{time}\s*(?:[-–—~]|to|until|till)\s*{time}(?:\s+[\p{{L}}+\-\d:]+)?$"
    ))
    .expect("valid regex")
});

/// Time zones and offsets are not places ("CST", "UTC-6", "GMT+1").
fn is_time_zone(s: &str) -> bool {
    static TZ: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?:UTC|GMT)\s*(?:[+\-−]\s*\d{1,2}(?::\d{2})?)?|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|HST|CET|CEST|EET|EEST|WET|WEST|BST|IST|JST|KST|AEST|AEDT|SGT|HKT|NZST)(?:\s*[+\-]\s*\d{1,2})?$")
            .expect("valid regex")
    });
    TZ.is_match(s.trim())
}

/// A place piece as shown: ISO-3 codes and lowercase ISO-2 codes by the country's name.
fn show_piece(s: &str) -> String {
    let t = s.trim();
    let code3 = t.len() == 3 && t.chars().all(|c| c.is_ascii_uppercase());
    let code2_lower = t.len() == 2 && t.chars().all(|c| c.is_ascii_lowercase());
    // "USA" is written as a name; "NOR", "CHL" are codes.
    if (code3 && places::place_kind(t).is_none() || code2_lower)
        && let Some(c) = vocab().country(t)
    {
        return c.name.clone();
    }
    t.to_string()
}

/// Splits a labelled location field into places. Commas separate both the parts of one place
/// ("Bengaluru, Karnataka, India") and different places ("Boston, New York"): a known city
/// after a city, or a country after a country, starts a new place. Semicolons, pipes, " / ",
/// " or ", bullets and newlines always separate places. Mode words ("Remote"), time zones and
/// notes ("(HQ)") are dropped.
/// A part of a location label that says how the work is done, not where: "no remote workers",
/// "可远程办公", "主要是远程办公+每月1周集中办公" — a work-mode word, no capital letter and no
/// place this list knows.
fn says_how_not_where(part: &str) -> bool {
    let v = vocab();
    if v.work_mode.first_in(part).is_some()
        && !part.chars().any(char::is_uppercase)
        && !places::mentions_place(part)
    {
        return true;
    }
    // A mode, then a dash and how it goes, in lower case: "Híbrido — sede + visitas
    // periódicas à Fábrica Sorocaba" ("Híbrido — Pinheiros" names a place).
    after_mode_and_dash(part)
        .is_some_and(|rest| rest.starts_with(char::is_lowercase) && !places::mentions_place(rest))
}

/// What follows any language's mode word and a dash at the start of a piece ("Híbrido —
/// Pinheiros" → "Pinheiros").
fn after_mode_and_dash(s: &str) -> Option<&str> {
    let folded = vocab::fold(s);
    let (0, end, _) = vocab().work_mode.find(&folded).next()? else {
        return None;
    };
    s[end..]
        .trim_start()
        .strip_prefix(['—', '–', '-', ':'])
        .map(str::trim_start)
}

/// Whether two names of a label's parts name the same group of countries ("Latin America
/// (LATAM)", "European Union (EU)"): the second is the first's other name.
fn same_group(a: &str, b: &str) -> bool {
    let g = crate::places::Gazetteer::get();
    matches!((g.group(a), g.group(b)), (Some(x), Some(y)) if x == y)
}

pub fn from_label(s: &str) -> Vec<String> {
    // A link is no place ("Location: https://maps.app.goo.gl/…", a map's pin beside the town).
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bhttps?://\S+|\bwww\.\S+").expect("valid regex"));
    let s = &*LINK.replace_all(s, " ");
    // A program's name for a value ("at_one_school", an application's option) is no place.
    if is_identifier(s.trim()) {
        return Vec::new();
    }
    // A value written inside a description ends where a sentence starts after it ("Local de
    // trabalho: Areião. Ter disponibilidade…"): a dot after a word of three letters or a code in
    // capitals ("CA", not "St. Louis"), then a capital's word and a word in lower case.
    static SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\p{L}{3}|\b\p{Lu}{2,})\.\s+\p{Lu}\p{Ll}*\s+\p{Ll}").expect("valid regex")
    });
    let s = match SENTENCE.find(s) {
        Some(m) => &s[..s[..m.end()].rfind('.').unwrap_or(m.end())],
        None => s,
    };
    if let Some(city) = street_address_city(s) {
        return vec![city];
    }
    let mut out: Vec<String> = Vec::new();
    let chunks: Vec<&str> = s
        .split([';', '|', '•', '⎮', '│', '¦', '\n'])
        .flat_map(|c| c.split(" / "))
        // A list flattened with its line breaks lost: "Adelaide  Brisbane  Canberra".
        .flat_map(|c| c.split("  "))
        .collect();
    for chunk in chunks.into_iter().flat_map(split_joined) {
        // Parenthesized qualifiers are parts: "Remote (US)" → "US", "Berlin (Germany)" → "Berlin, Germany".
        // A board's "Heliopolis · Cairo · Egypt" is one place from the city up, as with commas
        // (two cities in a row still make two places).
        // Japanese sets places and remarks apart with a middle dot ("大阪・リモート併用可"), as
        // it writes some foreign names ("ホー・チ・ミン"): a dot only when the chunk is no place.
        let separators: &[char] = if place_kind(chunk.trim()).is_some() {
            &['(', '[', '（', '【', '，', '、', '·']
        } else {
            &['(', '[', '（', '【', '，', '、', '·', '・']
        };
        let chunk = chunk
            .replace(separators, ",")
            .replace([')', ']', '）', '】'], "");
        let mut group: Vec<String> = Vec::new();
        let mut group_has = (false, false); // (city or unknown lead, country)
        for (i, part) in chunk.split(',').enumerate() {
            // A sentence glued after the place ("London, UK. Time zone…") is no part of it.
            // A pin or another symbol in front ("📍 Bangalore") is no part of the place. A
            // place's own name may hold a dot and a space ("St. Louis", "TP. HCM").
            let whole = place_kind(part.trim()).is_some();
            let part = if whole { part } else { before_sentence(part) };
            let part = part
                .trim()
                .trim_start_matches(|c: char| !c.is_alphanumeric() && !c.is_ascii())
                .trim()
                // A dash left hanging where a board cut the line ("Helsinki –").
                .trim_end_matches(['.', '–', '—', '-'])
                .trim_end();
            // "Full Time" among a header's pieces is the contract, not a town called Time ("PT"
            // stays Portugal).
            if is_contract(part) {
                continue;
            }
            // "Full Remote" is a mode whole, not "Full" with a mode after it.
            if is_mode_word(part) {
                continue;
            }
            let part = place_before_only(place_after_phrase(strip_mode_prefix(part)));
            if part.is_empty()
                // A figure may be an address's ("Văn phòng công ty tại LK 02.03") where a
                // label starts; after a place it is a remark's ("within 3 hours of…").
                || (is_remark(part) && (i > 0 || !part.contains(|c: char| c.is_ascii_digit())))
                || is_mode_word(part)
                || is_mode_list(part)
                // "Permanent Remote": the contract left once the mode is gone.
                || is_contract(part)
                || says_how_not_where(part)
                || is_time_zone(part)
                // "2x/semana", "3x/week": how often, not where.
                || HOW_OFTEN.is_match(part)
                || WORKING_HOURS.is_match(part)
                || matches!(
                    part.to_lowercase().as_str(),
                    "hq" | "headquarters" | "office" | "offices" | "peo" | "and"
                )
            {
                continue;
            }
            let part = show_piece(han_address_area(part));
            if group
                .iter()
                .any(|g| g.eq_ignore_ascii_case(&part) || same_group(g, &part))
            {
                continue;
            }
            let kind =
                place_kind(&part).or_else(|| vocab().country(&part).map(|_| PlaceKind::Country));
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
            group.push(part);
        }
        if !group.is_empty() {
            out.push(group.join(", "));
        }
    }
    out.retain(|l| l.chars().any(char::is_alphabetic) && l.chars().count() <= 80);
    dedupe(out)
}

/// Whether a value is a program's identifier: words in lower case joined by underscores
/// ("at_one_school", "multiple_locations"), no name written for people.
fn is_identifier(s: &str) -> bool {
    s.contains('_')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A Chinese or Japanese street address cut to its city and district: "台北市信義區松仁路97號16樓"
/// → "台北市信義區", "東京都渋谷区桜丘町18-4 二宮ビル1F" → "東京都渋谷区". The place ends at the last
/// administrative suffix (市, 區, 県 …) before the street (a road word or the first figure);
/// a place without one stays as written.
fn han_address_area(s: &str) -> &str {
    const STREET: [&str; 11] = [
        "路", "街", "巷", "弄", "號", "号", "大道", "段", "丁目", "番地", "樓",
    ];
    const AREA: [char; 10] = ['省', '市', '縣', '县', '區', '区', '都', '府', '県', '郡'];
    if !s.chars().any(vocab::unspaced) {
        return s;
    }
    // A larger area after a smaller one starts a second address ("深圳南山区广东省深圳市南山区…",
    // the district, then the head office's full address): the place is the first.
    let rank = |c: char| match c {
        '省' | '都' | '府' | '県' => 0,
        '市' => 1,
        '縣' | '县' | '郡' => 2,
        _ => 3,
    };
    let mut last: Option<(usize, usize)> = None;
    for (i, c) in s.char_indices().filter(|(_, c)| AREA.contains(c)) {
        match last {
            Some((r, end)) if rank(c) < r => return han_address_area(&s[..end]),
            _ => last = Some((rank(c), i + c.len_utf8())),
        }
    }
    let figure = s.find(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let road = STREET.iter().filter_map(|w| s.find(w)).min();
    let Some(street) = [figure, road].into_iter().flatten().min() else {
        return s;
    };
    let head = &s[..street];
    match head.char_indices().rfind(|(_, c)| AREA.contains(c)) {
        Some((i, c)) if i > 0 => head[..i + c.len_utf8()].trim(),
        _ => s,
    }
}

/// The place a phrase with a mode word leads to: "Remote/WFH and travel to Rahway" →
/// "Rahway". The name after the preposition must end the piece.
fn place_after_phrase(s: &str) -> &str {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<head>[^\d]*?\s)(?:to|in|near|at|from)\s+(?P<place>\p{Lu}[\w.'’-]*(?:\s+\p{Lu}[\w.'’-]*){0,3})$")
            .expect("valid regex")
    });
    if ![" to ", " in ", " near ", " at ", " from "]
        .iter()
        .any(|p| s.contains(p))
    {
        return s;
    }
    let Some(c) = LEAD.captures(s) else {
        return s;
    };
    let head = &c["head"];
    // Only after a mode word: "close to Caltrain", "next to Boston" say what is near.
    if vocab().work_mode.first_in(head).is_some()
        && head
            .split_whitespace()
            .any(|w| w.starts_with(char::is_lowercase))
        && !places::mentions_place(head)
    {
        c.name("place").map_or(s, |m| &s[m.range()])
    } else {
        s
    }
}

/// The place a piece restricts the job to, without the remark after it: "USA only with
/// optional team offsites" → "USA", "EU-only" → "EU" (`[places] only`). A piece that names no
/// place before the word stays.
fn place_before_only(s: &str) -> &str {
    let folded = vocab::fold(s);
    let Some((start, _, _)) = vocab().place_only.find(&folded).next() else {
        return s;
    };
    let head = s[..start].trim_end_matches(['-', ' ', ',']);
    if !head.is_empty() && (places::is_place(head) || vocab().country(head).is_some()) {
        head
    } else {
        s
    }
}

/// A remark beside the place, not a place: three words or more, most of them in lower case,
/// naming no place ("Expenses reimbursed by the client"; "Paris et périphérie" names Paris,
/// "DC will help with" starts with a place).
fn is_remark(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let lower = words
        .iter()
        .skip(1)
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    // Three words in lower case, or a verb ("This role is"): "Vale dos barris" is a place.
    let sentence = lower >= 3 || vocab().says(s);
    words.len() >= 3
        && lower * 2 >= words.len()
        && sentence
        && !places::mentions_place(s)
        && !places::is_place(words[0])
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
    // Any language's mode word and a dash before a place: "Híbrido — Pinheiros".
    if let Some(after) = after_mode_and_dash(t).filter(|a| a.starts_with(char::is_uppercase)) {
        t = after;
    }
    // "Berlin remote", not "no remote".
    if let Some(m) = SUFFIX.find(t)
        && m.start() > 0
        && t.starts_with(|c: char| !c.is_lowercase())
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
            r"(?i)\b(?:is|are)\s+(?:now\s+|actively\s+|currently\s+)?(?:hiring|seeking|looking\s+for|recruiting)\s+(?:[\w-]+\s+){0,10}?in\s+(?P<list>[A-Z][^.;:!?\n]{1,120})",
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
                out.extend(from_label(list).into_iter().filter(|l| places::is_place(l)));
            } else {
                out.extend(split_place_list(list));
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    if out.is_empty() {
        out.extend(workplace_place(text));
    }
    dedupe(out)
}

/// The place right after a language's workplace phrase ("She/he will be based in Lusaka", "une
/// tienda ubicada en Los Ángeles", "hoofdkantoor in Purmerend"): the first phrase followed by a
/// place the gazetteer knows, written with a capital.
fn workplace_place(text: &str) -> Option<String> {
    let folded = vocab::fold(text);
    vocab()
        .workplace
        .find(&folded)
        .filter(|&(start, end, ())| {
            joins(&folded[start..end]) || !employer_seat_before(&folded[..start])
        })
        .find_map(|(_, end, ())| {
            place_at_start(&text[end..]).or_else(|| place_in_clause(&text[end..]))
        })
}

/// A piece of a place's text split where a word joins two places of a list ("Hamburg oder
/// Berlin", "Kota Surabaya dan Palu", the languages' `[places] joins`); a piece the gazetteer
/// knows whole stays one ("Trinidad and Tobago").
fn split_joined(chunk: &str) -> Vec<&str> {
    let mut pieces = vec![chunk];
    for sep in &vocab().place_joins {
        pieces = pieces
            .into_iter()
            .flat_map(|p| {
                if p.contains(sep.as_str()) && place_kind(p.trim()).is_none() {
                    p.split(sep.as_str()).collect::<Vec<_>>()
                } else {
                    vec![p]
                }
            })
            .collect();
    }
    pieces
}

/// A place's text up to a sentence glued after it ("London, UK. Time zone…" → "London, UK"):
/// a dot and a space end it, but not after a place's own short form ("St. George", "Kab.
/// Magetan", "Kota Adm. Jakarta Pusat": a capital and up to three small letters that are no
/// place of their own, a capital after them and no figure: "Av. Brigadeiro Luis Antonio 2013"
/// is a street, cut as before).
fn before_sentence(part: &str) -> &str {
    for (at, _) in part.match_indices(". ") {
        let before = &part[..at];
        let word = before.rsplit(' ').next().unwrap_or(before);
        let mut c = word.chars();
        let short_form = c.next().is_some_and(char::is_uppercase)
            && (1..=3).contains(&c.clone().count())
            && c.all(char::is_lowercase)
            && place_kind(before.trim()).is_none()
            && part[at + 2..].starts_with(char::is_uppercase)
            && !part[at + 2..].contains(|c: char| c.is_ascii_digit());
        if !short_form {
            return before;
        }
    }
    part
}

/// The place a clause names after a few small words/// The place a clause names after a few small words (up to 80 bytes, to the sentence's end, a
/// colon or a bracket): its first word written with a capital starts a place the gazetteer
/// knows ("werkplek in ons moderne hoofdkantoor in Purmerend", "based in the heart of
/// Amsterdam"), or it names none ("based in Latin America", "based in the AMER, EMEA or APAC
/// regions").
fn place_in_clause(rest: &str) -> Option<String> {
    let rest = &rest[..rest.floor_char_boundary(80)];
    let clause = rest
        .find(['.', ';', ':', '!', '?', '\n', '(', '|', '/'])
        .map_or(rest, |end| &rest[..end]);
    let (i, _) = clause
        .char_indices()
        .find(|&(_, c)| c.is_uppercase() || c.is_ascii_digit() || c == '*')?;
    clause[..i]
        .ends_with(' ')
        .then(|| place_at_start(&clause[i..]))
        .flatten()
}

/// Whether the sentence before a workplace phrase (`before`, folded) describes the employer
/// ("a consulting company based in New York City", "une société située à Lyon"): the place is
/// its seat, not the job's.
fn employer_seat_before(before: &str) -> bool {
    let sentence_start = before
        .rfind(['.', '!', '?', '\n', ';'])
        .map_or(0, |i| i + 1);
    let from = before
        .floor_char_boundary(before.len().saturating_sub(80))
        .max(sentence_start);
    let window = &before[from..];
    !joins(window) && vocab().employer_seat.find(window).next().is_some()
}

/// Whether a piece of folded text asks the reader to join ("We're looking for someone to join
/// our team in London"): a place the reader joins is the job's, not the employer's seat. The
/// one-word lead-ins of the languages' employer phrases ("Join", "Rejoignez") say so.
fn joins(folded: &str) -> bool {
    static JOIN_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
        vocab()
            .employer
            .lead_ins
            .iter()
            .filter(|l| !l.contains(' '))
            .map(|l| vocab::fold(l))
            .collect()
    });
    folded
        .split_whitespace()
        .any(|w| JOIN_WORDS.iter().any(|j| j == w))
}

/// The place a text starts with (after spaces or a colon): its longest run of up to four words,
/// ending before punctuation, that the gazetteer names as a place and that starts and ends
/// with a capital ("Palo Alto", "Neuhausen am Rheinfall", "São Paulo").
fn place_at_start(rest: &str) -> Option<String> {
    let rest = rest.trim_start_matches([' ', '\t', ':']);
    let clause = rest
        .find(|c: char| {
            matches!(
                c,
                ',' | '.' | ';' | ':' | '(' | ')' | '!' | '?' | '\n' | '|' | '/'
            )
        })
        .map_or(rest, |end| &rest[..end]);
    let words: Vec<&str> = clause.split_whitespace().take(4).collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    (1..=words.len()).rev().find_map(|n| {
        let cand = words[..n].join(" ");
        // "Boston's Seaport district": the city, not its possessive.
        let cand = cand
            .strip_suffix("'s")
            .or_else(|| cand.strip_suffix("’s"))
            .unwrap_or(&cand);
        let cand = cand.trim_end_matches(['\'', '’', '"', '-', '–']);
        if !(capital(words[0]) && capital(words[n - 1])) {
            return None;
        }
        if known_place(cand) {
            return Some(cand.to_string());
        }
        // "офис в Ярославле", "w Warszawie": one word in a case of its own names the place
        // in its own form.
        (n == 1).then(|| uninflected(cand)).flatten()
    })
}

/// The place a word written in a case of its own names ("Ярославле" → "Ярославль", "Warszawie"
/// → "Warszawa", "Brně" → "Brno"): the languages' case endings replaced in turn
/// (`[places] inflections`), where the result is a place the gazetteer knows.
fn uninflected(word: &str) -> Option<String> {
    let len = word.chars().count();
    vocab().place_inflections.iter().find_map(|(ending, own)| {
        let stem = word.strip_suffix(ending.as_str())?;
        if len < ending.chars().count() + 3 {
            return None;
        }
        let cand = format!("{stem}{own}");
        known_place(&cand).then_some(cand)
    })
}

/// Whether a run of words is, whole, a place the gazetteer knows and no common English word
/// ("Reading", "Mobile").
fn known_place(cand: &str) -> bool {
    !crate::places::is_common_word(cand) && places::is_place_name(cand)
}

/// "San Francisco Bay Area, Boston, Bangalore, Hyderabad, and New York, employees are…" →
/// the known places in the list, stopping where the list ends.
fn split_place_list(list: &str) -> Vec<String> {
    // "Washington, DC office but the employee may…": the list ends where the clause goes on.
    let list = [" but ", " where ", " which ", " with "]
        .iter()
        .filter_map(|w| list.find(w))
        .min()
        .map_or(list, |end| &list[..end]);
    let items: Vec<&str> = list
        .split([',', '/'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" or "))
        .map(|item| {
            let item = item
                .trim()
                .trim_start_matches("and ")
                .trim_start_matches("or ")
                .trim();
            let item = ["the ", "our "]
                .iter()
                .find_map(|p| item.strip_prefix(p))
                .unwrap_or(item);
            // "Hamburg, Germany offices", "San Francisco headquarters": the place, not its offices.
            [" offices", " office", " headquarters", " HQ", " hub"]
                .iter()
                .find_map(|s| item.strip_suffix(s))
                .unwrap_or(item)
        })
        .filter(|item| !item.is_empty())
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let item = items[i];
        i += 1;
        // "Fayetteville, AR", "SF, CA": a place with its region or country is one place.
        if let Some(next) = items.get(i) {
            let pair = format!("{item}, {}", next.trim());
            if places::is_place_name(&pair) {
                out.push(pair);
                i += 1;
                continue;
            }
        }
        let places = places::places_in(item);
        // An item counts when it begins with a place and is short: "Boston", "San Francisco Bay Area".
        let starts = matches!(places.first(), Some(&(0, _, _))) || places::is_place_name(item);
        if starts && item.split_whitespace().count() <= 5 {
            out.push(item.to_string());
        } else if !out.is_empty() {
            break;
        }
    }
    out
}

/// The city of an address in the text ("Karl-Liebknecht-Str. 1, 14482 Potsdam", "75002 Paris",
/// "1234 AB Amersfoort", "00-950 Warszawa"): where the office is.
/// The town of a street address given as a place ("R. Voluntários da Pátria, 300 - Santana, São
/// Paulo - SP, 01142-300, Brasil.", "123 Main St, Springfield, IL 62701"): three pieces or more
/// between commas, a house number opening the first or the second; the last piece after the
/// street that is a known town (a district comes before its town).
fn street_address_city(s: &str) -> Option<String> {
    let pieces: Vec<&str> = s.split(',').map(str::trim).collect();
    let numbered = |p: &str| p.starts_with(|c: char| c.is_ascii_digit());
    if pieces.len() < 3 || !(numbered(pieces[0]) || numbered(pieces[1])) {
        return None;
    }
    pieces[1..]
        .iter()
        .flat_map(|p| p.split(" - "))
        .map(|p| p.trim().trim_end_matches('.'))
        .filter(|p| !numbered(p) && place_kind(p) == Some(PlaceKind::City))
        .last()
        .map(str::to_string)
}

fn address_city(text: &str) -> Option<String> {
    static POSTAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[\s,])(?:\d{5}|\d{4}\s?[A-Z]{2}|\d{2}-\d{3}|\d{3}\s\d{2}|\d{4})\s+(?P<city>\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+)?)")
            .expect("valid regex")
    });
    POSTAL.captures_iter(text).find_map(|c| {
        let city = c.name("city")?.as_str();
        let first = city.split_whitespace().next().unwrap_or(city);
        [city, first]
            .into_iter()
            .find(|x| place_kind(x) == Some(PlaceKind::City))
            .map(str::to_string)
    })
}

/// The city a text names again and again (three times at least, twice as often as any other
/// city): where the job is, when nothing says so in other words.
fn frequent_city(text: &str) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (a, b, kind) in places::places_in(text) {
        if kind != PlaceKind::City || b - a < 3 {
            continue;
        }
        let name = &text[a..b];
        // "Nice to have: …" again and again names no city.
        if crate::places::is_common_word(name) {
            continue;
        }
        match counts.iter_mut().find(|c| c.0 == name) {
            Some(c) => c.1 += 1,
            None => counts.push((name, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(name, n), rest @ ..] if *n >= 3 && rest.first().is_none_or(|r| r.1 * 2 <= *n) => {
            Some(name.to_string())
        }
        _ => None,
    }
}

/// The known places named in a short text, each as a label reads it ("Berlin, Germany" stays
/// one place), two-letter codes only when they are countries written in capitals ("UK", "US").
fn known_places_in(t: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in from_label(t) {
        // A code counts in capitals only: "(no remote)" names no Norway.
        let code_in_lower_case = p.len() <= 3 && p.chars().all(|c| c.is_ascii_lowercase());
        let known = place_kind(&p).is_some()
            || places::is_place_name(&p)
            || (vocab().country(&p).is_some() && !code_in_lower_case)
            || places::places_in(&p)
                .iter()
                .any(|&(a, b, _)| b - a > 2 && a == 0);
        if known {
            out.push(p);
        }
    }
    if out.is_empty() {
        for (a, b, kind) in places::places_in(t) {
            let name = &t[a..b];
            if is_mode_word(name) {
                continue;
            }
            let code = name.len() <= 3;
            if !code || (kind == PlaceKind::Country && name.chars().all(|c| c.is_ascii_uppercase()))
            {
                out.push(name.to_string());
            }
        }
    }
    dedupe(out)
}

/// The country the loader's gazetteer reads in a place as a whole ("Los Lagos, Puerto Varas": a
/// region, then a town of Chile), for places [`country_of_places`] cannot tie to one.
pub fn country_of_whole_places(places: &[String]) -> Option<&'static Country> {
    let g = crate::places::Gazetteer::get();
    places
        .iter()
        .find_map(|l| g.resolve(l)?.country)
        .and_then(|iso| vocab().country(&iso))
}

/// The country a list of places is in: a country named in a place, a US state or Canadian
/// province code, a region or city the gazetteer ties to a country.
pub fn country_of_places(places: &[String]) -> Option<&'static Country> {
    let v = vocab();
    let by_region = |part: &str| places::country_of(part).and_then(|iso| v.country(iso));
    let by_name = |part: &str| {
        v.country(part)
            .filter(|_| !(part.len() <= 3 && part.chars().all(|c| c.is_ascii_lowercase())))
    };
    for p in places {
        // A place the table resolves as a whole, each part read beside the others: "Atlanta,
        // Georgia" is in the US state, not the country that shares its name.
        if p.contains(',')
            && let Some(c) = crate::places::Gazetteer::get()
                .resolve(p)
                .and_then(|r| r.country)
                .and_then(|iso| v.country(&iso))
        {
            return Some(c);
        }
        let parts: Vec<&str> = p
            .split(',')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .collect();
        let Some(last) = parts.last() else { continue };
        // The broadest part first: "London, ON" is in Canada, "San Francisco, CA" in the US
        // (a two-letter code after a city is a region's before a country's).
        let code = last.chars().count() == 2 && last.chars().all(|c| c.is_ascii_uppercase());
        let found = if code {
            by_region(last).or_else(|| by_name(last))
        } else {
            by_name(last).or_else(|| by_region(last))
        };
        if let Some(c) = found {
            return Some(c);
        }
        for part in parts.iter().rev().skip(1) {
            if let Some(c) = by_name(part).or_else(|| by_region(part)) {
                return Some(c);
            }
        }
    }
    None
}

/// The country a text's script points to, for a posting that names no place: Hangul is
/// Korean, kana Japanese, Han alone Chinese (a short text only with a word only Chinese writes), Vietnamese letters Vietnamese, Cyrillic Russian
/// (Ukrainian with its own letters), and Polish, Czech and Turkish letters their countries'.
pub fn country_of_script(text: &str) -> Option<&'static Country> {
    let v = vocab();
    let (mut letters, mut hangul, mut kana, mut han, mut viet) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut traditional, mut simplified) = (0usize, 0usize);
    // Letters of one language written in one country: Cyrillic (Ukrainian's own four), Polish,
    // Czech, Turkish.
    let (mut cyrillic, mut ukrainian, mut polish, mut czech, mut turkish) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for c in text.chars().take(20_000) {
        if !c.is_alphabetic() {
            continue;
        }
        letters += 1;
        if !c.is_ascii() {
            match c {
                'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => ukrainian += 1,
                'ł' | 'ś' | 'ź' | 'ż' | 'ą' | 'ę' | 'ć' | 'ń' | 'Ł' | 'Ś' | 'Ź' | 'Ż' => {
                    polish += 1
                }
                'ř' | 'ů' | 'ě' | 'Ř' | 'Ů' | 'Ě' => czech += 1,
                'ğ' | 'ı' | 'ş' | 'Ğ' | 'İ' | 'Ş' => turkish += 1,
                _ => {}
            }
            if ('\u{0400}'..='\u{04ff}').contains(&c) {
                cyrillic += 1;
            }
        }
        match c as u32 {
            0xac00..=0xd7af => hangul += 1,
            0x3040..=0x30ff => kana += 1,
            0x4e00..=0x9fff => {
                han += 1;
                traditional += usize::from(v.traditional_han.contains(&c));
                simplified += usize::from(v.simplified_han.contains(&c));
            }
            _ if "ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
                .contains(c.to_lowercase().next().unwrap_or(c)) =>
            {
                viet += 1
            }
            _ => {}
        }
    }
    let share = |n: usize| n * 10 >= letters.max(1);
    if share(hangul) {
        v.country("KR")
    } else if kana >= 5 && share(kana + han) {
        v.country("JP")
    // Han alone says Chinese in a text long enough to have shown kana were it Japanese, or in
    // a short one with a word only Chinese writes ("我们", "的", "招聘"); a title such as
    // "現場作業員（土木）" is either.
    } else if share(han)
        && han < 30
        && !text
            .chars()
            .take(2_000)
            .any(|c| "的我们們是这這个個你您为為了招聘".contains(c))
    {
        None
    } else if share(han) && traditional > simplified {
        // Traditional characters: Taiwan, where most postings in them are written.
        v.country("TW")
    } else if share(han) {
        v.country("CN")
    } else if viet >= 20 {
        v.country("VN")
    } else if cyrillic * 3 >= letters.max(1) {
        // Russian is written in many countries; Russia is where most such postings are.
        v.country(if ukrainian >= 5 { "UA" } else { "RU" })
    } else if polish >= 10 && share(polish * 10) {
        v.country("PL")
    } else if czech >= 10 && share(czech * 10) {
        v.country("CZ")
    } else if turkish >= 10 && share(turkish * 10) {
        v.country("TR")
    } else {
        None
    }
}

/// Resolves the places.
pub fn resolve(ctx: &mut Ctx<'_>) -> Option<Places> {
    let mut cands: Vec<Cand<Vec<String>>> = Vec::new();
    let mut origins: Vec<Origin> = Vec::new();
    for (t, origin) in ctx.doc.texts(Key::Location) {
        let places = from_label(t);
        if !places.is_empty() {
            cands.push(Cand::of(places, origin, 0));
            origins.push(origin);
        }
    }
    // A badge names its places among other words ("REMOTE (UK)", "ONSITE (Paris)", "UK hybrid
    // up to 4 days remote"): the known places in it.
    for (t, origin) in ctx.doc.texts(Key::Badge) {
        let places = known_places_in(t);
        if !places.is_empty() {
            cands.push(Cand::of(places, origin, 5));
            origins.push(origin);
        }
    }
    for f in ctx.derived.iter().filter(|f| f.key == Key::Location) {
        let Some(t) = f.value.text() else { continue };
        let places: Vec<String> = from_label(t)
            .into_iter()
            .filter(|p| places::is_place(p))
            .collect();
        if !places.is_empty() {
            cands.push(Cand::of(places, f.origin, 15));
            origins.push(f.origin);
        }
    }
    // Tags that are places ("Montreal" among a posting's tags).
    for (t, origin) in ctx.doc.texts(Key::Skill) {
        if place_kind(t).is_some() {
            cands.push(Cand::of(vec![t.to_string()], origin, 30));
            origins.push(origin);
        }
    }
    // The countries applicants must be in: the place of a remote role that names no other.
    for (t, origin) in ctx.doc.texts(Key::Country) {
        let places = from_label(t);
        if !places.is_empty() {
            cands.push(Cand::of(places, origin, 30));
            origins.push(origin);
        }
    }
    if cands.is_empty() {
        let mut places = from_text(&ctx.full);
        if places.is_empty() {
            places = address_city(&ctx.full).into_iter().collect();
        }
        if places.is_empty() {
            places = frequent_city(&ctx.full).into_iter().collect();
        }
        if !places.is_empty() {
            cands.push(Cand::new(places, TEXT, FieldSource::Text));
            origins.push(Origin::Page);
        }
    }
    // Several facts of the chosen origin (a header's place fields, a location and its list):
    // their places together, in order.
    let (first, source) = pick(Field::Locations, cands.clone(), TEXT, &mut ctx.notes)?;
    let best = cands
        .iter()
        .position(|c| c.value == first && c.source == source)
        .unwrap_or(0);
    let mut places = first;
    for (c, o) in cands.iter().zip(&origins) {
        if *o == origins[best] && c.strength == cands[best].strength {
            for p in &c.value {
                if !places.iter().any(|x| x.eq_ignore_ascii_case(p)) {
                    places.push(p.clone());
                }
            }
        }
    }
    let country = country_of_places(&places).or_else(|| {
        let countries: Vec<String> = ctx
            .doc
            .texts(Key::Country)
            .map(|(t, _)| t.to_string())
            .collect();
        country_of_places(&countries)
    });
    Some(Places {
        places,
        source,
        country,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_not_given_is_no_place_in_any_language() {
        for unsaid in ["not specified", "Unknown", "ไม่ระบุสถานที่"] {
            let json = format!(
                r#"[{{"title": "Sales Manager", "company": "Acme", "location": "{unsaid}", "description": "Sell freight."}}]"#
            );
            let ps = crate::parse::parse_text(&json, "jobs.json").unwrap();
            assert!(
                ps[0].locations.is_empty(),
                "{unsaid}: {:?}",
                ps[0].locations
            );
        }
    }

    #[test]
    fn a_japanese_middle_dot_sets_a_remark_apart() {
        assert_eq!(from_label("大阪・リモート併用可"), ["大阪"]);
        assert_eq!(
            crate::parse::fields::work_mode::from_label("大阪・リモート併用可"),
            Some(crate::posting::WorkMode::Hybrid)
        );
    }

    #[test]
    fn a_line_of_places_alone() {
        assert_eq!(
            place_line("Toronto, Ontario, Canada"),
            ["Toronto, Ontario, Canada"]
        );
        assert_eq!(
            place_line("Remote, Remote, United States"),
            ["United States"]
        );
        assert!(place_line("Python, Django").is_empty());
        assert!(place_line("We are based in Berlin.").is_empty());
        assert!(place_line("Remote").is_empty());
    }

    #[test]
    fn a_place_s_own_dot_is_no_sentence_s_end() {
        assert_eq!(from_label("TP. HCM"), ["TP. HCM"]);
        assert_eq!(from_label("St. Louis, MO"), ["St. Louis, MO"]);
        // A short form the gazetteer does not know is no sentence's end either.
        assert_eq!(from_label("St. George, UT"), ["St. George, UT"]);
        assert_eq!(from_label("Kab. Magetan"), ["Kab. Magetan"]);
        assert_eq!(
            from_label("Kota Adm. Jakarta Pusat"),
            ["Kota Adm. Jakarta Pusat"]
        );
        assert_eq!(from_label("Ulm. Wir suchen Sie"), ["Ulm"]);
    }

    #[test]
    fn a_list_s_joining_word_parts_its_places() {
        assert_eq!(
            from_label("Kota Surabaya dan Palu"),
            ["Kota Surabaya", "Palu"]
        );
        assert_eq!(from_label("Hamburg oder Berlin"), ["Hamburg", "Berlin"]);
        assert_eq!(from_label("Sydney OR Melbourne"), ["Sydney", "Melbourne"]);
        assert_eq!(from_label("Helsinki –"), ["Helsinki"]);
        // A street address gives its town.
        assert_eq!(
            from_label(
                "R. Voluntários da Pátria, 300 - Santana, São Paulo - SP, 01142-300, Brasil."
            ),
            ["São Paulo"]
        );
        // A link is no place.
        assert!(from_label("https://maps.app.goo.gl/FK6Qrd8DAkEVwA3P6").is_empty());

        assert_eq!(
            from_label("Dubai (https://maps.app.goo.gl/FK6Qrd8D)"),
            ["Dubai"]
        );
        assert_eq!(from_label("London, UK. Time zone: GMT"), ["London, UK"]);
        // The sentences after a label's value inside a description are no places.
        assert_eq!(
            from_label(
                "Areião. Ter disponibilidade para inicio imediato.  Irá auxiliar o pedreiro na execução de obras, reformas e manutenções."
            ),
            ["Areião"]
        );
        assert_eq!(
            from_label("Mountain View, CA. Hybrid role with two office days"),
            ["Mountain View, CA"]
        );
    }

    #[test]
    fn a_middle_dot_joins_a_place_from_the_city_up() {
        assert_eq!(
            from_label("Remote/WFH and travel to Rahway, NJ (Expenses reimbursed by the client)"),
            ["Rahway, NJ"]
        );
        assert_eq!(from_label("Paris et périphérie"), ["Paris et périphérie"]);
        assert_eq!(
            from_label("Adelaide  Brisbane  Canberra"),
            ["Adelaide", "Brisbane", "Canberra"]
        );
        assert_eq!(
            from_label("TRANSALVADOR, Vale dos barris"),
            ["TRANSALVADOR, Vale dos barris"]
        );
        assert_eq!(from_label("Rio de Janeiro, RJ"), ["Rio de Janeiro, RJ"]);
        assert_eq!(from_label("Vienna · Austria"), ["Vienna, Austria"]);
        assert_eq!(from_label("Berlin · Munich"), ["Berlin", "Munich"]);
        // A region's or a country's other name in brackets is no second place.
        assert_eq!(from_label("Latin America (LATAM)"), ["Latin America"]);
        assert_eq!(from_label("Toronto (Canada)"), ["Toronto, Canada"]);
        assert_eq!(
            from_label("Glasgow, Scotland, United Kingdom"),
            ["Glasgow, Scotland, United Kingdom"]
        );
        assert_eq!(from_label("📍 Pune, Hyderabad"), ["Pune", "Hyderabad"]);
        assert!(from_label("Híbrido — sede + visitas periódicas à Fábrica Sorocaba").is_empty());
        assert_eq!(
            from_label("Híbrido — Pinheiros, SP, 2x/semana")[0],
            "Pinheiros, SP"
        );
        assert_eq!(from_label("69 - Vaulx-en-Velin"), ["69 - Vaulx-en-Velin"]);
    }

    #[test]
    fn a_han_street_address_is_cut_to_its_city_and_district() {
        assert_eq!(from_label("台北市信義區松仁路97號16樓"), ["台北市信義區"]);
        assert!(from_label("at_one_school").is_empty());
        assert_eq!(
            from_label("深圳南山区广东省深圳市南山区西丽官龙名苑t6艺术区2层A13"),
            ["深圳南山区"]
        );
        assert_eq!(from_label("京都府京都市中京区"), ["京都府京都市中京区"]);
        assert_eq!(
            from_label("東京都渋谷区桜丘町18-4 二宮ビル1F"),
            ["東京都渋谷区"]
        );
        // No district before the street: as written.
        assert_eq!(
            from_label("上海浦东世纪大道地铁站附近"),
            ["上海浦东世纪大道地铁站附近"]
        );
        assert_eq!(from_label("北海道"), ["北海道"]);
        assert_eq!(from_label("Berlin 10115"), ["Berlin 10115"]);
    }

    #[test]
    fn a_place_written_in_a_case_of_its_own_is_named_in_its_own_form() {
        for (text, place) in [
            (
                "У нас красивый и просторный офис в Ярославле - в Петровском Пассаже.",
                "Ярославль",
            ),
            ("Офисы в Омске и Красноярске.", "Омск"),
            ("Работа в Москве, м. Павелецкая.", "Москва"),
            ("Запрошуємо на роботу в офіс у Львові.", "Львів"),
            ("Oferujemy pracę w biurze w Warszawie.", "Warszawa"),
            ("Praca w Krakowie lub zdalnie.", "Kraków"),
            ("Nabízíme práci v kanceláři v Brně.", "Brno"),
        ] {
            assert_eq!(from_text(text), [place], "{text}");
        }
        // A word that is no place in any of its cases names none: a team, an employer.
        assert!(from_text("Работа в Яндексе и в команде.").is_empty());
        assert!(from_text("Praca w Grupie Allegro.").is_empty());
    }

    #[test]
    fn a_workplace_phrase_names_the_place_after_it() {
        assert_eq!(
            from_text("She/he will be based in Lusaka, province."),
            ["Lusaka"]
        );
        assert_eq!(
            from_text("Wir sind eine Kanzlei mitten in Wels und suchen Verstärkung."),
            ["Wels"]
        );
        assert_eq!(
            from_text("Wir sind am zentralen Standort Innsbruck auf der Suche nach dir."),
            ["Innsbruck"]
        );
        assert_eq!(
            from_text("Contratará un cajero para su tienda ubicada en Los Ángeles, cuyo objetivo…"),
            ["Los Ángeles"]
        );
        assert_eq!(
            from_text("Ter disponibilidade para trabalhar em São Paulo - modelo híbrido"),
            ["São Paulo"]
        );
        // A possessive is the city's.
        assert_eq!(
            from_text("Top pay, located in Boston's Seaport district."),
            ["Boston"]
        );
        // A place later in the phrase's clause.
        assert_eq!(
            from_text("- Een fijne werkplek in ons moderne hoofdkantoor in Purmerend (25 min.)"),
            ["Purmerend"]
        );
        assert_eq!(
            from_text("You will be based in the heart of Amsterdam, near the station."),
            ["Amsterdam"]
        );
        // Only the clause's first capital starts the place.
        assert!(from_text("A developer based in Latin America, working remotely.").is_empty());
        assert!(from_text("Whether based in the AMER, EMEA, or APAC regions…").is_empty());
        assert!(from_text("Applicants located in the following states: Ohio, Iowa.").is_empty());
        // Lower case after the phrase names no place; the employer's seat is not the job's.
        assert!(from_text("The role is based in beautiful surroundings.").is_empty());
        assert!(from_text("Acme is a consulting company based in New York City.").is_empty());
        assert!(from_text("We have offices in Texas but are a remote first company.").is_empty());
        assert!(from_text("Une société située à Lyon, leader du marché.").is_empty());
        // A team the reader joins is where the job is.
        assert_eq!(
            from_text("Looking for an engineer to join our team in Lisbon, Portugal."),
            ["Lisbon"]
        );
        assert_eq!(
            from_text("We're looking for a tester to join our team in London and help us."),
            ["London"]
        );
    }

    #[test]
    fn labels_split_into_places() {
        // A mode of several words is one mode ("Full Remote" is no town called Full).
        assert_eq!(from_label("🏠 Full Remote"), Vec::<String>::new());
        assert_eq!(from_label("Poland Remote"), ["Poland"]);
        // Words saying the place is not given are none.
        assert_eq!(from_label("Ospecificerad arbetsort, Sverige"), ["Sverige"]);
        assert_eq!(from_label("Não especificado"), Vec::<String>::new());
        // A part saying how the work is done names no place, in any bracket or comma.
        assert_eq!(
            from_label("Remote（主要是远程办公+每月1周集中办公）"),
            Vec::<String>::new()
        );
        assert_eq!(
            from_label("Toronto, Canada (no remote workers)"),
            ["Toronto, Canada"]
        );
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
        assert!(from_label("Worldwide").is_empty());
        assert!(from_label("from Anywhere/Remote").is_empty());
        // A place not yet decided is none.
        assert!(from_label("TBD Upon Selection").is_empty());
        assert!(from_label("Remote/Hybrid").is_empty());
        assert!(from_label("🌎 Remote/Worldwide").is_empty());
        assert_eq!(from_label("Remote United States"), ["United States"]);
        assert_eq!(from_label("Canada - Remote"), ["Canada"]);
        assert_eq!(
            from_label("New York, NY OR US-Remote"),
            ["New York, NY", "US"]
        );
        assert_eq!(from_label("Poland Remote"), ["Poland"]);
        assert_eq!(from_label("Remote - US"), ["US"]);
        assert_eq!(from_label("USA, CST (UTC-6)"), ["USA"]);
        assert_eq!(from_label("NOR"), ["Norway"]);
        assert_eq!(from_label("Singapore, sg"), ["Singapore"]);
        assert_eq!(from_label("London, UK (HQ)"), ["London, UK"]);
        assert_eq!(from_label("Salem oder Remote"), ["Salem"]);
    }

    #[test]
    fn a_place_the_job_is_restricted_to_without_the_remark_after_it() {
        assert_eq!(
            from_label("USA only with optional adventure-style team offsites each year"),
            ["USA"]
        );
        assert_eq!(from_label("EU-only"), ["EU"]);
        assert_eq!(from_label("Berlin, Germany"), ["Berlin, Germany"]);
    }

    #[test]
    fn hours_of_work_are_no_place() {
        assert_eq!(
            from_label("Fully-Remote (Work from Home), 9 AM - 5 PM EST"),
            Vec::<String>::new()
        );
        assert_eq!(from_label("Berlin, 09:00–17:00 CET"), ["Berlin"]);
        assert_eq!(from_label("9am to 6pm"), Vec::<String>::new());
        // A street number is no time.
        assert!(from_label("10 Downing Street, London").contains(&"London".to_string()));
    }

    #[test]
    fn a_negated_mode_is_no_place() {
        // "no" once "remote" is cut off is no lowercase code for Norway.
        assert_eq!(from_label("Milan, Italy (no remote)"), ["Milan, Italy"]);
        assert_eq!(from_label("Berlin remote"), ["Berlin"]);
        // Nor is the contract left once the mode is cut off.
        assert!(from_label("Permanent Remote").is_empty());
        assert_eq!(from_label("San Francisco, Full Time"), ["San Francisco"]);
    }

    #[test]
    fn countries_of_places() {
        let c = |p: &str| country_of_places(&[p.to_string()]).map(|c| c.iso2.clone());
        assert_eq!(c("Toronto, ON").as_deref(), Some("CA"));
        assert_eq!(c("Berlin, Germany").as_deref(), Some("DE"));
        assert_eq!(c("Austin, TX").as_deref(), Some("US"));
        assert_eq!(c("London").as_deref(), Some("GB"));
        let s = |t: &str| country_of_script(t).map(|c| c.iso2.clone());
        assert_eq!(s("我们正在招聘前端开发工程师").as_deref(), Some("CN"));
        assert_eq!(
            s("我們正在招聘網頁前端工程師，年薪100~150萬").as_deref(),
            Some("TW")
        );
        assert_eq!(s("東京のエンジニアを募集しています").as_deref(), Some("JP"));
        // A short title in Han alone may be Japanese as well as Chinese.
        assert_eq!(s("現場作業員（土木）").as_deref(), None);
        assert_eq!(
            s(
                "Szukamy programisty Java. Oferujemy pracę zdalną, umowę o pracę i prywatną opiekę \
               medyczną. Wymagania: doświadczenie w Spring, znajomość języka angielskiego."
            )
            .as_deref(),
            Some("PL")
        );
        assert_eq!(
            s("Ищем бэкенд-разработчика на Python в команду платформы.").as_deref(),
            Some("RU")
        );
        assert_eq!(
            s("Шукаємо розробника. Ця вакансія відкрита для всіх, хто має досвід і їздить у відрядження.")
                .as_deref(),
            Some("UA")
        );
        // A few foreign names in an English text say nothing.
        assert_eq!(
            s("We are hiring a Rust engineer; ask Łukasz or Paweł about the team in Kraków.")
                .as_deref(),
            None
        );
    }

    #[test]
    fn a_city_named_again_and_again_but_not_a_word_opening_lines() {
        let t =
            "Our team in Lyon builds maps. You join Lyon's data group.\nWe meet in Lyon weekly.";
        assert_eq!(frequent_city(t).as_deref(), Some("Lyon"));
        let t = "* Nice to have: Rust\n* Nice to have: Go\n- Nice to have: SQL. Nice to have: C";
        assert_eq!(frequent_city(t), None);
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
        // A place with its state is one place; offices and the rest of the clause are not places.
        assert_eq!(
            from_text("Acme is actively hiring backend engineers in Fayetteville, AR and Austin."),
            ["Fayetteville, AR", "Austin"]
        );
        assert_eq!(
            from_text("This role is based out of our Washington, DC office but may be remote."),
            ["Washington, DC"]
        );
        assert_eq!(
            from_text("We are hiring in Sunnyvale, San Francisco, and NYC."),
            ["Sunnyvale", "San Francisco", "NYC"]
        );
    }
}
