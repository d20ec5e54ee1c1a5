//! The times a bookmark was added and last changed: `time` values in memory, RFC 3339 text in
//! the shortlists file (`2026-03-01T10:00:00.123+01:00`, to the millisecond, the fraction
//! without trailing zeros — the `time` crate's well-known format).
//!
//! The file is the user's and may have been edited by hand: a stamp that is not an RFC 3339
//! time (garbage, a number, `null`) reads as unknown and never makes the file fail to load; an
//! unknown stamp is written as `""`, as jobdeck always wrote a missing one (so an older jobdeck
//! still reads the file).

use serde::{Deserialize, Deserializer, Serializer};
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// `t` to the millisecond, as stamps are kept (so that entries added within a second keep
/// their order, and a stamp reads back from the file equal to what was written).
pub fn to_millis(t: OffsetDateTime) -> OffsetDateTime {
    t.replace_millisecond(t.millisecond()).unwrap_or(t)
}

/// The RFC 3339 text of a stamp. An offset RFC 3339 cannot write (one with seconds, never
/// a real local offset today) is written in UTC.
pub fn text(t: OffsetDateTime) -> String {
    t.format(&Rfc3339)
        .or_else(|_| t.to_offset(UtcOffset::UTC).format(&Rfc3339))
        .unwrap_or_default()
}

/// Reads an RFC 3339 time; anything else is unknown.
pub fn parse(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

pub fn serialize<S: Serializer>(t: &Option<OffsetDateTime>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.map(text).unwrap_or_default())
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<OffsetDateTime>, D::Error> {
    /// Any JSON value: a string may be a time, anything else is not.
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        Other(serde::de::IgnoredAny),
    }
    Ok(match Raw::deserialize(d)? {
        Raw::Text(s) => parse(&s),
        Raw::Other(_) => None,
    })
}
