//! Dates as postings write them.

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
