//! Dates as postings write them: "2026-11-20", "Nov 20, 2026", "20. November 2026",
//! "2026年11月20日", "3 days ago", "vor 3 Tagen", "il y a 2 jours", "3日前". Absolute forms are
//! read with `time`; relative ones are counted back from a reference day (when the file was
//! saved, or pulled). The words of each language are data: `assets/dates.toml`.

use std::collections::HashMap;
use std::sync::LazyLock;

use time::{Date, Month};

const VOCAB: &str = include_str!("../assets/dates.toml");

struct Vocab {
    /// Month names of every language, lowercased, with their month (1–12).
    months: Vec<(String, u8)>,
    days: HashMap<String, i64>,
    units: HashMap<String, i64>,
    before: Vec<String>,
    after: Vec<String>,
    one: Vec<String>,
}

fn vocab() -> &'static Vocab {
    static V: LazyLock<Vocab> = LazyLock::new(|| {
        let t: toml::Table = toml::from_str(VOCAB).expect("assets/dates.toml is valid (tested)");
        let table = |k: &str| {
            t.get(k)
                .and_then(|v| v.as_table())
                .cloned()
                .unwrap_or_default()
        };
        let strings = |v: &toml::Value| -> Vec<String> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_lowercase))
                        .collect()
                })
                .unwrap_or_default()
        };
        let numbers = |k: &str| -> HashMap<String, i64> {
            table(k)
                .iter()
                .filter_map(|(w, n)| Some((w.to_lowercase(), n.as_integer()?)))
                .collect()
        };
        let mut months = Vec::new();
        for names in table("months").values() {
            for (i, n) in strings(names).into_iter().enumerate() {
                months.push((n, i as u8 + 1));
            }
        }
        let rel = table("relative");
        let list = |k: &str| rel.get(k).map(strings).unwrap_or_default();
        Vocab {
            months,
            days: numbers("days"),
            units: numbers("units"),
            before: list("before"),
            after: list("after"),
            one: list("one"),
        }
    });
    &V
}

/// The month a word names: a full name in any language, or a prefix of at least three letters
/// of one ("Sept", "janv", "Okt"). None when names of two different months share the prefix.
fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.chars().count() < 3 || !w.chars().all(char::is_alphabetic) {
        return None;
    }
    let mut found = None;
    for (name, m) in &vocab().months {
        if name.starts_with(&w) {
            if found.is_some_and(|f| f != *m) {
                return None;
            }
            found = Some(*m);
        }
    }
    found
}

fn date(y: i64, m: u8, d: i64) -> Option<Date> {
    let y = i32::try_from(y)
        .ok()
        .filter(|y| (1990..=2100).contains(y))?;
    Date::from_calendar_date(y, Month::try_from(m).ok()?, u8::try_from(d).ok()?).ok()
}

/// An absolute date as postings write it. Numeric dates whose day and month could be swapped
/// (03/04/2026) are not guessed.
/// A text without its times of day ("15:44:44", "10:00") and the zone named after one ("UTC",
/// "GMT").
fn strip_time_of_day(t: &str) -> std::borrow::Cow<'_, str> {
    if !t.contains(':') && !t.contains("UTC") && !t.contains("GMT") && !t.contains('Z') {
        return std::borrow::Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    for word in t.split_whitespace() {
        let time = word.split(':').count() >= 2
            && word
                .split(':')
                .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
        let zone = matches!(word, "UTC" | "GMT" | "Z");
        if !time && !zone {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    std::borrow::Cow::Owned(out)
}

pub fn parse_absolute(text: &str) -> Option<Date> {
    let t = text.trim();
    if let Some(d) = unix_time(t) {
        return Some(d);
    }
    // "2026-11-20T10:00:00Z": the day is before the T.
    let t = match t.find('T') {
        Some(i) if i == 10 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit) => &t[..i],
        _ => t,
    };
    // A time of day beside the date ("Mon Nov 19 15:44:44 UTC 2018", "20 Nov 2026 10:00") is
    // no part of the day.
    let without_time = strip_time_of_day(t);
    let t = without_time.as_ref();
    // Tokens: runs of digits and runs of letters; the rest separates them.
    let mut nums: Vec<i64> = Vec::new();
    let mut month_word = None;
    let mut cjk_marks = 0;
    let mut tokens = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, tokens: &mut Vec<String>| {
        if !cur.is_empty() {
            tokens.push(std::mem::take(cur));
        }
    };
    for c in t.chars() {
        let same = cur
            .chars()
            .next()
            .is_some_and(|p| p.is_ascii_digit() == c.is_ascii_digit());
        if c.is_alphanumeric() {
            if !same {
                flush(&mut cur, &mut tokens);
            }
            cur.push(c);
        } else {
            flush(&mut cur, &mut tokens);
        }
    }
    flush(&mut cur, &mut tokens);
    for tok in &tokens {
        if let Ok(n) = tok.parse::<i64>() {
            if tok.len() > 4 {
                return None;
            }
            nums.push(n);
        } else if matches!(tok.as_str(), "年" | "月" | "日" | "년" | "월" | "일") {
            cjk_marks += 1;
        } else if let Some(m) = month_of(tok) {
            if month_word.replace(m).is_some() {
                return None;
            }
        } else if !matches!(
            tok.to_lowercase().as_str(),
            "de" | "del" | "of" | "the" | "th" | "st" | "nd" | "rd" | "er"
        ) {
            // A weekday ("Mon", "lundi") may stand in front; anything else is not a date.
            if tokens.len() > 6 {
                return None;
            }
        }
    }
    // "2026-11-20T10:00:00Z" stopped at the T; "2026年11月20日" has its marks.
    match (month_word, nums.as_slice()) {
        (Some(m), [d, y]) | (Some(m), [y, d]) if *y >= 1990 && *d <= 31 => date(*y, m, *d),
        (None, [y, m, d]) if *y >= 1990 => date(*y, u8::try_from(*m).ok()?, *d),
        (None, [a, b, y]) if *y >= 1990 && cjk_marks == 0 => {
            // 20.11.2026 / 20/11/2026 (day first) or 11/20/2026 (month first): only when the
            // numbers say which.
            let (d, m) = match (*a > 12, *b > 12) {
                (true, false) => (*a, *b),
                (false, true) => (*b, *a),
                _ if a == b => (*a, *b),
                _ => return None,
            };
            date(*y, u8::try_from(m).ok()?, d)
        }
        _ => None,
    }
}

/// A relative date ("3 days ago", "vor 2 Wochen", "il y a un mois", "3日前", "yesterday",
/// "30+ days ago"), counted back from `reference`.
pub fn parse_relative(text: &str, reference: Date) -> Option<Date> {
    let v = vocab();
    let mut t = text.trim().to_lowercase();
    for p in [
        "posted",
        "published",
        "veröffentlicht",
        "publié",
        "publicado",
        "pubblicato",
    ] {
        if let Some(rest) = t.strip_prefix(p) {
            t = rest.trim_start_matches([' ', ':']).to_string();
        }
    }
    let t = t.trim().trim_end_matches('.');
    if let Some(&d) = v.days.get(t) {
        return reference.checked_sub(time::Duration::days(d));
    }
    // "vor 3 Tagen", "3 days ago", "för 3 dagar sedan": framed before, after, or both.
    let mut body = t;
    let mut framed = false;
    for b in &v.before {
        if let Some(rest) = body.strip_prefix(b.as_str())
            && rest.starts_with(' ')
        {
            (body, framed) = (rest.trim(), true);
            break;
        }
    }
    for a in &v.after {
        if let Some(rest) = body.strip_suffix(a.as_str()) {
            (body, framed) = (rest.trim(), true);
            break;
        }
    }
    if !framed {
        return None;
    }
    let body = body
        .trim_start_matches("about ")
        .trim_start_matches("over ")
        .trim_start_matches("more than ");
    let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
    let (n, unit) = if digits.is_empty() {
        let (word, unit) = body.split_once(' ')?;
        if !v.one.iter().any(|o| o == word) {
            return None;
        }
        (1, unit.trim())
    } else {
        (
            digits.parse::<i64>().ok()?,
            body[digits.len()..].trim_start_matches(['+', ' ']),
        )
    };
    let unit = unit.trim();
    let per = v
        .units
        .get(unit)
        .or_else(|| v.units.get(unit.trim_end_matches('s')))?;
    // More than ten years back is not when a posting went up.
    let days = n.checked_mul(*per).filter(|d| *d <= 3650)?;
    reference.checked_sub(time::Duration::days(days))
}

/// When a posting was published: an absolute date, or a relative one counted back from
/// `reference`.
pub fn parse_posted(text: &str, reference: Date) -> Option<Date> {
    parse_absolute(text).or_else(|| parse_relative(text, reference))
}

/// How long ago a posting was posted (`d` days), as the list shows it: "today", "3d", "3w",
/// "4mo", "2y".
pub fn age_label(d: u32) -> String {
    match d {
        0 => "today".to_string(),
        1..=13 => format!("{d}d"),
        14..=29 => format!("{}w", d / 7),
        30..=729 => format!("{}mo", d / 30),
        _ => format!("{}y", d / 365),
    }
}

/// Days since a posting was published, from "1mo ago", "3d ago", "2 weeks ago", "today" or an
/// ISO date (relative to `today`).
pub fn posted_age_days(posted: &str, today: time::Date) -> Option<u32> {
    let s = posted.trim().to_lowercase();
    if s == "today" || s.starts_with("just") {
        return Some(0);
    }
    if s == "yesterday" {
        return Some(1);
    }
    if s.len() >= 10
        && let Ok(d) = time::Date::parse(
            &s[..10],
            time::macros::format_description!("[year]-[month]-[day]"),
        )
    {
        return u32::try_from((today - d).whole_days()).ok();
    }
    let rest = s.strip_suffix(" ago")?.trim();
    let rest = rest
        .trim_start_matches("about ")
        .trim_start_matches("over ");
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let n: u32 = if digits.is_empty() {
        if rest.starts_with("a ") || rest.starts_with("an ") {
            1
        } else {
            return None;
        }
    } else {
        digits.parse().ok()?
    };
    let unit = rest[digits.len()..]
        .trim_start_matches(['+', ' '])
        .trim_start_matches("an ")
        .trim_start_matches("a ");
    let days = match unit.chars().next()? {
        'h' => 0,
        'd' => 1,
        'w' => 7,
        'y' => 365,
        'm' if unit.starts_with("mo") => 30,
        'm' => 0,
        _ => return None,
    };
    Some(n.saturating_mul(days))
}

/// A record's Unix time, in seconds (10 digits) or milliseconds (13 digits), as a day between
/// 2000 and 2100 ("posted": 1785967265137).
fn unix_time(t: &str) -> Option<Date> {
    if !t.bytes().all(|b| b.is_ascii_digit()) || !matches!(t.len(), 10 | 13) {
        return None;
    }
    let n: i64 = t.parse().ok()?;
    let secs = if t.len() == 13 { n / 1000 } else { n };
    let d = time::OffsetDateTime::from_unix_timestamp(secs).ok()?.date();
    (2000..=2100).contains(&d.year()).then_some(d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn ages_read_as_the_list_shows_them() {
        let today = time::macros::date!(2026 - 12 - 03);
        let age = |s: &str| {
            crate::posting::Posted::from(s)
                .age_days(today)
                .map(age_label)
        };
        assert_eq!(age("2026-12-03").as_deref(), Some("today"));
        assert_eq!(age("2026-11-30").as_deref(), Some("3d"));
        assert_eq!(age("2026-10-29").as_deref(), Some("1mo"));
        assert_eq!(age("2026-11-12").as_deref(), Some("3w"));
        assert_eq!(age("2026-08-01").as_deref(), Some("4mo"));
        assert_eq!(age("2024-11-01").as_deref(), Some("2y"));
        assert_eq!(age("3 days ago").as_deref(), Some("3d"));
        assert_eq!(age("2026-12-24"), None, "not posted yet");
        assert_eq!(age("soon"), None);
    }

    use super::*;
    use time::macros::date;

    const SAVED: Date = date!(2026 - 11 - 23);

    fn p(s: &str) -> Option<Date> {
        parse_posted(s, SAVED)
    }

    #[test]
    fn unix_times_are_days() {
        assert_eq!(parse_absolute("1785967265137"), Some(date!(2026 - 08 - 05)));
        assert_eq!(parse_absolute("1785967265"), Some(date!(2026 - 08 - 05)));
        // A phone number or an id is no date.
        assert_eq!(parse_absolute("0123456789"), None);
        assert_eq!(parse_absolute("12345"), None);
    }

    #[test]
    fn absolute_dates_in_many_forms() {
        for s in [
            "2026-11-20",
            "2026-11-20T10:00:00Z",
            "2026/11/20",
            "Nov 20, 2026",
            "November 20, 2026",
            "20 Nov 2026",
            "Fri, 20 Nov 2026",
            "20. November 2026",
            "20 novembre 2026",
            "20 de noviembre de 2026",
            "20 de novembro de 2026",
            "20 listopada 2026",
            "2026年11月20日",
            "2026년 11월 20일",
            "20.11.2026",
            "11/20/2026",
            "20/11/2026",
            "Fri Nov 20 15:44:44 UTC 2026",
            "20 Nov 2026 10:00",
        ] {
            assert_eq!(p(s), Some(date!(2026 - 11 - 20)), "{s}");
        }
        // Day and month that could be swapped are not guessed.
        assert_eq!(p("03/04/2026"), None);
        assert_eq!(p("2026-02-30"), None);
        assert_eq!(p("the 20th"), None);
        assert_eq!(p("Mars 2026 team"), None);
    }

    #[test]
    fn relative_dates_count_back_from_the_day_the_file_was_saved() {
        for (s, days) in [
            ("3 days ago", 3),
            ("3d ago", 3),
            ("Posted 2 weeks ago", 14),
            ("1mo ago", 30),
            ("30+ days ago", 30),
            ("a day ago", 1),
            ("an hour ago", 0),
            ("today", 0),
            ("yesterday", 1),
            ("vor 3 Tagen", 3),
            ("vor einer Woche", 7),
            ("il y a 2 jours", 2),
            ("il y a un mois", 30),
            ("hace 5 días", 5),
            ("há 2 dias", 2),
            ("3 giorni fa", 3),
            ("3 dagen geleden", 3),
            ("3 dni temu", 3),
            ("för 3 dagar sedan", 3),
            ("3日前", 3),
            ("3일 전", 3),
            ("3天前", 3),
            ("2週間前", 14),
            ("gestern", 1),
        ] {
            assert_eq!(p(s), Some(SAVED - time::Duration::days(days)), "{s}");
        }
        assert_eq!(p("soon"), None);
        assert_eq!(p("3 apples ago"), None);
        assert_eq!(p("99999999999999 years ago"), None);
    }
}
