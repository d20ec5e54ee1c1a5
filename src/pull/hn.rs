//! Hacker News "Ask HN: Who is hiring?" threads, through the Algolia HN API
//! (`hn.algolia.com/api/v1`, public and keyless): the thread is found with
//! `search_by_date?tags=story,author_whoishiring` (the monthly threads are posted by the user
//! `whoishiring`; a month is narrowed with `numericFilters` on `created_at_i`), then read whole
//! with `items/{id}`, whose `children` are the comments. Each top-level comment that is not
//! deleted is a posting; its folder is the thread's month (`pulled/hn/2026-12/`).

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{Client, Item, Kind, Listing, Validators, listing_error, safe_id};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `YYYY-MM` → (year, month 1–12).
pub(super) fn month_of(s: &str) -> Option<(i32, u8)> {
    let (y, m) = s.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let (y, m): (i32, u8) = (y.parse().ok()?, m.parse().ok()?);
    ((2000..=2999).contains(&y) && (1..=12).contains(&m)).then_some((y, m))
}

/// Seconds since the epoch of the first day of a month (UTC).
fn month_start(y: i32, m: u8) -> Option<i64> {
    let month = time::Month::try_from(m).ok()?;
    let d = time::Date::from_calendar_date(y, month, 1).ok()?;
    Some(d.midnight().assume_utc().unix_timestamp())
}

#[derive(Deserialize)]
struct Hit {
    #[serde(rename = "objectID")]
    id: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    created_at_i: Option<i64>,
}

/// The month a thread is for: from its title ("… (December 2026)"), else from when it was
/// posted.
fn thread_month(hit: &Hit) -> Option<String> {
    let title = hit.title.as_deref().unwrap_or("");
    let from_title = title
        .rsplit_once('(')
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .and_then(|inner| {
            let (name, year) = inner.trim().split_once(' ')?;
            let m = MONTHS.iter().position(|n| n.eq_ignore_ascii_case(name))?;
            let y: i32 = year.trim().parse().ok()?;
            Some(format!("{y:04}-{:02}", m + 1))
        });
    from_title.or_else(|| {
        let t = time::OffsetDateTime::from_unix_timestamp(hit.created_at_i?).ok()?;
        Some(format!("{:04}-{:02}", t.year(), u8::from(t.month())))
    })
}

pub(super) fn fetch(
    c: &Client,
    board: &str,
    prior: &dyn Fn(&str) -> Option<Validators>,
) -> Result<Listing, String> {
    let origin = Kind::Hn.origin(board);
    let search = match month_of(board) {
        Some((y, m)) => {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            let (from, to) = (
                month_start(y, m).ok_or("bad month")?,
                month_start(ny, nm).ok_or("bad month")?,
            );
            format!(
                "/api/v1/search_by_date?tags=story,author_whoishiring&numericFilters=created_at_i%3E%3D{from},created_at_i%3C{to}&hitsPerPage=50"
            )
        }
        None => "/api/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=50".to_string(),
    };
    let found = match c
        .get(&c.url(&origin, &search), None)
        .map_err(|e| e.to_string())?
    {
        super::http::Fetched::Body { bytes, .. } => bytes,
        super::http::Fetched::NotModified => return Err("unexpected 304 from a search".into()),
    };
    #[derive(Deserialize)]
    struct Hits {
        hits: Vec<Hit>,
    }
    let hits: Hits = serde_json::from_slice(&found)
        .map_err(|e| format!("not an Algolia HN search answer: {e}"))?;
    let wanted = month_of(board).map(|(y, m)| format!("{y:04}-{m:02}"));
    let thread = hits
        .hits
        .iter()
        .filter(|h| {
            h.title
                .as_deref()
                .is_some_and(|t| t.to_ascii_lowercase().starts_with("ask hn: who is hiring"))
        })
        .filter(|h| wanted.is_none() || thread_month(h) == wanted)
        .max_by_key(|h| h.created_at_i.unwrap_or(0))
        .ok_or_else(|| {
            format!(
                "no \"Ask HN: Who is hiring?\" thread found for {}",
                wanted.as_deref().unwrap_or("the latest month")
            )
        })?;
    let month = thread_month(thread).ok_or("the thread's month is unknown")?;
    if thread.id.is_empty() || !thread.id.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "odd thread id {:?}",
            crate::sanitize::clean_field(&thread.id)
        ));
    }
    let url = c.url(&origin, &format!("/api/v1/items/{}", thread.id));
    let fetched = c
        .get(&url, prior(&month).as_ref())
        .map_err(|e| listing_error(e, &format!("HN has no item {}", thread.id)))?;
    Listing::from_fetched(&month, fetched, |bytes| {
        #[derive(Deserialize)]
        struct Story<'a> {
            #[serde(borrow, default)]
            children: Vec<&'a RawValue>,
        }
        let story: Story =
            serde_json::from_slice(bytes).map_err(|e| format!("not an Algolia HN item: {e}"))?;
        Ok(story
            .children
            .iter()
            .filter_map(|raw| comment(raw))
            .collect())
    })
}

/// A top-level comment that holds text (not deleted, not dead) as an item.
fn comment(raw: &RawValue) -> Option<Item> {
    let v: serde_json::Map<String, serde_json::Value> = serde_json::from_str(raw.get()).ok()?;
    let text = v.get("text").and_then(|t| t.as_str()).unwrap_or("");
    let gone = ["deleted", "dead"]
        .iter()
        .any(|k| v.get(*k).and_then(|b| b.as_bool()) == Some(true));
    if text.trim().is_empty() || gone || v.get("author").is_none_or(|a| a.is_null()) {
        return None;
    }
    let id = super::id_text(v.get("id")?)?;
    Some(Item {
        id: safe_id(&id),
        bytes: raw.get().as_bytes().to_vec(),
        ext: "json",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_from_titles_and_times() {
        let hit = |title: &str, t: i64| Hit {
            id: "1".into(),
            title: Some(title.into()),
            created_at_i: Some(t),
        };
        assert_eq!(
            thread_month(&hit("Ask HN: Who is hiring? (December 2026)", 0)).as_deref(),
            Some("2026-12")
        );
        // No month in the title: when it was posted (2026-03-02).
        assert_eq!(
            thread_month(&hit("Ask HN: Who is hiring?", 1_772_467_200)).as_deref(),
            Some("2026-03")
        );
        assert_eq!(month_of("2026-12"), Some((2026, 12)));
        assert_eq!(month_of("2026-1"), None);
        assert_eq!(month_of("latest"), None);
    }
}
