//! The Posting model: what jobdeck knows about one job posting, whatever file it came from.
//!
//! Everything here is plain data (serde, no I/O). The JSON shape of [`Posting`] is the output of
//! `jobdeck parse` and is part of the command-line contract, so field names are stable.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// One parsed job posting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Posting {
    /// Stable identity derived from what the posting is (never from its path). See [`posting_id`].
    pub id: String,
    /// The file it came from, or `seeds/<name>` for the built-in seeds. Every posting of a file
    /// holding many (CSV, JSONL, a Hacker News thread) has that file's path.
    pub source: String,
    /// Which parser read it.
    pub format: Format,
    pub title: Option<String>,
    pub company: Option<String>,
    pub team: Option<String>,
    pub locations: Vec<String>,
    /// The locations resolved to places (city, region, ISO-2 country), those the place table
    /// knows. Set by the loader.
    #[serde(default)]
    pub places: Vec<crate::places::Place>,
    /// For a remote role, the countries (ISO-2) it is open to; `["*"]` for anywhere; empty
    /// when it does not say. Set by the loader.
    #[serde(default)]
    pub remote_from: Vec<String>,
    pub work_mode: Option<WorkMode>,
    pub employment_type: Option<EmploymentType>,
    pub seniority: Option<Seniority>,
    /// The minimum years of experience asked for.
    pub experience_years: Option<u32>,
    pub salary: Option<Salary>,
    pub skills: Vec<String>,
    pub benefits: Vec<String>,
    /// When it was posted: a date (`YYYY-MM-DD` in JSON) when the page's words read as one —
    /// a relative one ("3 days ago") counted back from when the file was saved — else the
    /// text as the page gives it.
    pub posted: Option<Posted>,
    /// `posted` as the page wrote it, when that was not already a date ("3 days ago").
    #[serde(default)]
    pub posted_text: Option<String>,
    pub url: Option<String>,
    pub sections: Vec<Section>,
    /// Facts about the employer found on the page (job boards show a company card).
    #[serde(default)]
    pub company_info: Option<Box<CompanyInfo>>,
    /// Other postings the page advertised ("Similar Jobs"): kept apart from the description.
    #[serde(default)]
    pub related: Vec<RelatedJob>,
    /// Where each field's value came from (field name → source), e.g. `"salary": "text"`.
    #[serde(default)]
    pub field_sources: FieldSources,
    /// When another posting of the corpus has the same `id` (the same job saved twice), the
    /// source of the first one. Set by the corpus loader, never by a parser.
    #[serde(default)]
    pub duplicate_of: Option<String>,
    /// What the parser was unsure of.
    pub warnings: Vec<String>,
    /// For a posting pulled from a board (`jobdeck pull`): when it was first and last seen,
    /// whether it closed, and how its fields changed between pulls. Set by the corpus loader
    /// from the board's tracking record, never by a parser.
    #[serde(default)]
    pub pulled: Option<Box<Pulled>>,
    /// The sources of other postings of the corpus found to be the same role (linked by the
    /// board's posting id, or by company, title and place confirmed by the description). Set
    /// by the corpus loader.
    #[serde(default)]
    pub seen_on: Vec<String>,
    /// When this posting was linked to another one of the same role, the source of the one it
    /// is listed under (it is not listed itself). Set by the corpus loader.
    #[serde(default)]
    pub linked_to: Option<String>,
}

/// What jobdeck knows about a pulled posting across pulls of its board. Times are `time`
/// values, written as RFC 3339 text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pulled {
    /// The source API ("greenhouse", "lever", "hn", …).
    pub source: String,
    /// The board (company token, site name, or the HN thread's month).
    pub board: String,
    /// The posting's id on the board.
    pub id: String,
    /// The time of the first pull that listed it.
    #[serde(with = "time::serde::rfc3339")]
    pub first_seen: OffsetDateTime,
    /// The time of the last pull that listed it.
    #[serde(with = "time::serde::rfc3339")]
    pub last_seen: OffsetDateTime,
    /// The time of the first pull that no longer listed it; None while it is open (a posting
    /// that comes back is reopened).
    #[serde(with = "time::serde::rfc3339::option", default)]
    pub closed: Option<OffsetDateTime>,
    /// Field changes between pulls, oldest first.
    pub changes: Vec<FieldChange>,
    /// First seen by the latest pull of its board.
    pub new: bool,
    /// Changed by the latest pull of its board.
    pub changed: bool,
}

/// One field of a pulled posting changed between two pulls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// "title", "salary", "locations", "work_mode", "employment_type", "description" or
    /// "status" (closed → open when a posting comes back).
    pub field: String,
    /// The value before, as shown ("$150k–180k/yr"); None when not stated.
    pub from: Option<String>,
    /// The value after; None when not stated.
    pub to: Option<String>,
    /// The time of the pull that saw the change.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

impl FieldChange {
    /// "salary $150k–180k/yr → $160k–190k/yr on 2026-12-02".
    pub fn describe(&self) -> String {
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "not stated".into());
        let field = self.field.replace('_', " ");
        let date = self.at.date();
        format!(
            "{field} {} → {} on {date}",
            show(&self.from),
            show(&self.to)
        )
    }
}

impl Posting {
    /// "Title at Company" or whichever of the two is known; never empty.
    pub fn headline(&self) -> String {
        match (&self.title, &self.company) {
            (Some(t), Some(c)) => format!("{t} at {c}"),
            (Some(t), None) => t.clone(),
            (None, Some(c)) => format!("(untitled) at {c}"),
            (None, None) => "(untitled posting)".to_string(),
        }
    }

    /// The whole description as one text (headings and bodies), for substring search.
    pub fn description_text(&self) -> String {
        let mut out = String::new();
        for s in &self.sections {
            if let Some(h) = &s.heading {
                out.push_str(h);
                out.push('\n');
            }
            out.push_str(&s.body);
            out.push('\n');
        }
        out
    }

    /// Records where a field's value came from.
    pub fn set_source(&mut self, field: Field, source: FieldSource) {
        self.field_sources.insert(field, source);
    }
}

/// Which parser read a posting.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    Default,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Format {
    /// Free text pasted from a careers page.
    #[default]
    Text,
    /// A job-board page scrape: header fields, description, then page widgets.
    Board,
    /// HTML page; fields from schema.org JobPosting JSON-LD when present.
    Html,
    /// JSON or JSON Lines (JobPosting objects or plain export shapes).
    Json,
    /// CSV export (one posting per row).
    Csv,
    /// Markdown, with optional front matter.
    Markdown,
    /// Hacker News "Who is hiring" post or thread.
    Hn,
    /// A saved e-mail (RFC 822 / MIME).
    Email,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The posting fields whose origin is recorded, in name order (the JSON key order of
/// [`FieldSources`]). Named as in the JSON output ("employment_type").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::Display,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum Field {
    Benefits,
    Company,
    EmploymentType,
    ExperienceYears,
    Locations,
    Posted,
    Salary,
    Seniority,
    Skills,
    Team,
    Title,
    Url,
    WorkMode,
}

impl Field {
    /// Every field, in name order.
    pub const ALL: &'static [Field] = <Field as strum::VariantArray>::VARIANTS;

    /// The field's name in the JSON output ("employment_type").
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The field of a JSON name.
    pub fn from_name(name: &str) -> Option<Field> {
        name.parse().ok()
    }
}

/// Where each field's value came from, written in JSON as an object in field-name order
/// (`{"salary": "text"}`). Held inline, a byte per [`Field`]: no allocation per posting (a map
/// with a string per key once cost 100,000 postings 50 MB, a vector of pairs still 25 MB).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldSources([Option<FieldSource>; Field::ALL.len()]);

impl FieldSources {
    pub fn get(&self, field: Field) -> Option<&FieldSource> {
        self.0[field as usize].as_ref()
    }

    /// Records a field's source (replacing an earlier one).
    pub fn insert(&mut self, field: Field, source: FieldSource) {
        self.0[field as usize] = Some(source);
    }

    /// Forgets a field's source (its value was dropped).
    pub fn remove(&mut self, field: Field) {
        self.0[field as usize] = None;
    }

    /// The recorded (field, source) pairs, in field-name order.
    pub fn iter(&self) -> impl Iterator<Item = (Field, FieldSource)> + '_ {
        Field::ALL
            .iter()
            .zip(self.0)
            .filter_map(|(f, s)| Some((*f, s?)))
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut FieldSource> {
        self.0.iter_mut().flatten()
    }

    pub fn len(&self) -> usize {
        self.0.iter().flatten().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl std::ops::Index<Field> for FieldSources {
    type Output = FieldSource;

    fn index(&self, field: Field) -> &FieldSource {
        self.get(field)
            .unwrap_or_else(|| panic!("no source recorded for {field}"))
    }
}

impl Serialize for FieldSources {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        // The length first: postcard (the parse cache) needs it.
        let mut map = s.serialize_map(Some(self.len()))?;
        for (k, v) in self.iter() {
            map.serialize_entry(k.name(), &v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for FieldSources {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FieldSources, D::Error> {
        /// A key, matched against the known names without allocating.
        struct Key(Option<Field>);
        impl<'de> Deserialize<'de> for Key {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = Key;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a field name")
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key, E> {
                        Ok(Key(Field::from_name(v)))
                    }
                }
                d.deserialize_str(V)
            }
        }
        struct Map;
        impl<'de> serde::de::Visitor<'de> for Map {
            type Value = FieldSources;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of field names to sources")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<FieldSources, A::Error> {
                let mut out = FieldSources::default();
                while let Some((Key(name), source)) = map.next_entry::<Key, FieldSource>()? {
                    if let Some(name) = name {
                        out.insert(name, source);
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_map(Map)
    }
}

/// Where a field's value came from.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum FieldSource {
    /// Structured data: schema.org JSON-LD or a JSON/CSV export column.
    JsonLd,
    /// A structured export field (JSON keys, CSV columns, front matter).
    Structured,
    /// The page's header block (job-board fields above the description).
    Header,
    /// Skill tags or other labelled lists on the page.
    Tags,
    /// Inferred from the description text.
    Text,
    /// Derived from the title (seniority from "Senior …").
    Title,
    /// Composed by the parser where the posting states none ("Acme — hiring" as the title of
    /// a Hacker News post that names no role): shown, but not a stated value.
    Composed,
}

impl FieldSource {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// An enum of plain names (`"full-time"`), the same in JSON, the query language, the filter
/// pane and the parsers' vocabularies: strum and serde derive both directions from the
/// variant names in kebab case.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            PartialOrd,
            Ord,
            Serialize,
            Deserialize,
            strum::IntoStaticStr,
            strum::EnumString,
            strum::Display,
            strum::VariantArray,
        )]
        #[serde(rename_all = "kebab-case")]
        #[strum(serialize_all = "kebab-case", ascii_case_insensitive)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = <$name as strum::VariantArray>::VARIANTS;

            pub fn as_str(self) -> &'static str {
                self.into()
            }

            /// Parses the canonical name (as printed by `as_str`), case-insensitively.
            pub fn from_name(s: &str) -> Option<Self> {
                s.trim().parse().ok()
            }
        }
    };
}

string_enum!(
    /// Where the work happens.
    WorkMode { Remote, Hybrid, Onsite }
);

string_enum!(
    /// Kind of employment.
    EmploymentType {
        FullTime,
        PartTime,
        Contract,
        Internship,
        Temporary,
    }
);

string_enum!(
    /// Level of the role, ordered from least to most senior.
    Seniority {
        Intern,
        Junior,
        Mid,
        Senior,
        Staff,
        Principal,
        Lead,
        Manager,
        Director,
        Executive,
    }
);

string_enum!(
    /// The period a salary figure is paid for.
    Period { Year, Month, Week, Day, Hour }
);

impl Period {
    /// How many of this period make a working year (2080 hours, 260 days, 52 weeks, 12 months).
    pub fn per_year(self) -> f64 {
        match self {
            Period::Year => 1.0,
            Period::Month => 12.0,
            Period::Week => 52.0,
            Period::Day => 260.0,
            Period::Hour => 2080.0,
        }
    }

    /// Short suffix for compact display ("/yr").
    pub fn short(self) -> &'static str {
        match self {
            Period::Year => "/yr",
            Period::Month => "/mo",
            Period::Week => "/wk",
            Period::Day => "/day",
            Period::Hour => "/hr",
        }
    }
}

string_enum!(
    /// Whose figure a salary is: the employer's (a structured pay field, a labelled pay line),
    /// a board's estimate (JSON-LD `estimatedSalary`, "Glassdoor est."), or a figure read from
    /// the description's running text.
    #[derive(Default)]
    PayProvenance { #[default] Stated, Estimate, Text }
);

impl PayProvenance {
    /// How the detail pane and the compare view name it ("board's estimate").
    pub fn describe(self) -> &'static str {
        match self {
            PayProvenance::Stated => "stated by the employer",
            PayProvenance::Estimate => "board's estimate",
            PayProvenance::Text => "read from the description",
        }
    }
}

/// A pay range. At least one of `min` and `max` is set; when both are, `min <= max`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Salary {
    #[serde(with = "whole_number")]
    pub min: Option<f64>,
    #[serde(with = "whole_number")]
    pub max: Option<f64>,
    /// ISO 4217 code ("USD", "EUR", "INR").
    pub currency: String,
    pub period: Period,
    /// Whose figure it is. Always written (the parse cache's postcard records cannot skip a
    /// field); a shortlist snapshot saved before it existed reads as stated.
    #[serde(default)]
    pub provenance: PayProvenance,
}

impl Salary {
    /// The largest amount taken as pay, in any currency and period: a trillion. Larger figures
    /// (`1e308` in a JSON-LD block) are nonsense, and would overflow to infinity once converted
    /// to a yearly figure.
    pub const MAX_AMOUNT: f64 = 1e12;

    /// Builds a salary, ordering the bounds and refusing empty, negative, non-finite or absurd
    /// (above [`Salary::MAX_AMOUNT`]) ones.
    pub fn new(min: Option<f64>, max: Option<f64>, currency: &str, period: Period) -> Option<Self> {
        let ok = |v: Option<f64>| v.filter(|x| x.is_finite() && *x > 0.0 && *x <= Self::MAX_AMOUNT);
        let (mut min, mut max) = (ok(min), ok(max));
        if let (Some(a), Some(b)) = (min, max)
            && a > b
        {
            (min, max) = (Some(b), Some(a));
        }
        if min.is_none() && max.is_none() {
            return None;
        }
        Some(Salary {
            min,
            max,
            currency: currency.to_string(),
            period,
            provenance: PayProvenance::Stated,
        })
    }

    /// The lower bound (or the only bound) as a yearly figure, for sorting and comparing.
    pub fn yearly_floor(&self) -> Option<f64> {
        self.min.or(self.max).map(|v| v * self.period.per_year())
    }

    /// The upper bound (or the only bound) as a yearly figure.
    pub fn yearly_ceiling(&self) -> Option<f64> {
        self.max.or(self.min).map(|v| v * self.period.per_year())
    }

    /// Compact form for list rows: "$180k–240k/yr", "€60k+/yr", "up to £45k/yr", "$60/hr".
    pub fn compact(&self) -> String {
        let sym = currency_symbol(&self.currency);
        let num = |v: f64| compact_amount(v);
        let body = match (self.min, self.max) {
            (Some(a), Some(b)) if (a - b).abs() < f64::EPSILON => format!("{sym}{}", num(a)),
            (Some(a), Some(b)) => format!("{sym}{}–{}", num(a), num(b)),
            (Some(a), None) => format!("{sym}{}+", num(a)),
            (None, Some(b)) => format!("≤{sym}{}", num(b)),
            (None, None) => String::new(),
        };
        format!("{body}{}", self.period.short())
    }

    /// Long form for the detail pane: "$180,000 – $240,000 a year (USD)", "MXN 836,400 –
    /// 1,100,000 a year": the currency named once.
    pub fn long(&self) -> String {
        let sym = currency_symbol(&self.currency);
        // A symbol goes on both bounds ("$1 – $2"); a code only in front ("MXN 1 – 2").
        let coded = sym.ends_with(' ');
        let num = |v: f64, first: bool| {
            if coded && !first {
                group_thousands(v)
            } else {
                format!("{sym}{}", group_thousands(v))
            }
        };
        let range = match (self.min, self.max) {
            (Some(a), Some(b)) if (a - b).abs() < f64::EPSILON => num(a, true),
            (Some(a), Some(b)) => format!("{} – {}", num(a, true), num(b, false)),
            (Some(a), None) => format!("from {}", num(a, true)),
            (None, Some(b)) => format!("up to {}", num(b, true)),
            (None, None) => String::new(),
        };
        let per = match self.period {
            Period::Hour => "an hour".to_string(),
            p => format!("a {p}"),
        };
        if coded {
            format!("{range} {per}")
        } else {
            format!("{range} {per} ({})", self.currency)
        }
    }
}

/// The usual symbol of a currency, or its code followed by a space.
pub fn currency_symbol(code: &str) -> String {
    match code {
        "USD" => "$".into(),
        "EUR" => "€".into(),
        "GBP" => "£".into(),
        "INR" => "₹".into(),
        "JPY" => "¥".into(),
        "CAD" => "CA$".into(),
        "AUD" => "A$".into(),
        other => format!("{other} "),
    }
}

/// 180000 → "180k", 1500000 → "1.5M", 60 → "60", 62.5 → "62.5".
pub fn compact_amount(v: f64) -> String {
    let trim = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if v >= 1_000_000.0 {
        format!("{}M", trim(format!("{:.1}", v / 1_000_000.0)))
    } else if v >= 1_000.0 {
        format!("{}k", trim(format!("{:.1}", v / 1_000.0)))
    } else {
        trim(format!("{v:.2}"))
    }
}

/// 180000 → "180,000"; keeps two decimals for fractional amounts (hourly rates).
/// A count with thousands separators ("11,440").
pub fn group_thousands_count(n: usize) -> String {
    group_thousands(n as f64)
}

pub fn group_thousands(v: f64) -> String {
    let whole = v.trunc() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    let frac = v - v.trunc();
    if frac > 0.004 {
        out.push_str(&format!("{frac:.2}")[1..]);
    }
    out
}

/// Serializes whole amounts as JSON integers (180000, not 180000.0). Binary formats (the
/// parse cache) get plain floats: they are read back by position, not by their text.
mod whole_number {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(x) if s.is_human_readable() && x.fract() == 0.0 && x.abs() < 9.0e15 => {
                s.serialize_some(&(*x as i64))
            }
            Some(x) => s.serialize_some(x),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Option::<f64>::deserialize(d)
    }
}

/// When a posting was posted: a date, or the page's words when they read as none (a
/// relative date with nothing to count back from: "1mo ago" in a seed). In JSON a string
/// either way (`"2026-11-20"`, `"1mo ago"`); in the parse cache, tagged.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Posted {
    Date(time::Date),
    Text(String),
}

impl Posted {
    /// The page's words, cleaned by `clean`; None when nothing is left.
    pub fn text(words: &str, clean: impl Fn(&str) -> String) -> Option<Posted> {
        let c = clean(words);
        (!c.is_empty()).then_some(Posted::Text(c))
    }

    /// The date, when it is one.
    pub fn date(&self) -> Option<time::Date> {
        match self {
            Posted::Date(d) => Some(*d),
            Posted::Text(_) => None,
        }
    }

    /// Days from posting to `today`: of the date, or read from words such as "3d ago" or
    /// "today" (see [`crate::dates::posted_age_days`]). None for a date after `today`.
    pub fn age_days(&self, today: time::Date) -> Option<u32> {
        match self {
            Posted::Date(d) => u32::try_from((today - *d).whole_days()).ok(),
            Posted::Text(t) => crate::dates::posted_age_days(t, today),
        }
    }
}

/// `YYYY-MM-DD`, the one shape of a date in JSON.
const ISO_DATE: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

impl From<&str> for Posted {
    /// A `YYYY-MM-DD` date, else words.
    fn from(s: &str) -> Posted {
        match time::Date::parse(s, ISO_DATE) {
            Ok(d) => Posted::Date(d),
            Err(_) => Posted::Text(s.to_string()),
        }
    }
}

impl fmt::Display for Posted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Posted::Date(d) => write!(
                f,
                "{:04}-{:02}-{:02}",
                d.year(),
                u8::from(d.month()),
                d.day()
            ),
            Posted::Text(t) => f.write_str(t),
        }
    }
}

/// How the parse cache (postcard, not self-describing) holds a [`Posted`]: a date as its
/// Julian day.
#[derive(Serialize, Deserialize)]
enum PostedRecord {
    Date(i32),
    Text(String),
}

impl Serialize for Posted {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            return s.collect_str(self);
        }
        match self {
            Posted::Date(d) => PostedRecord::Date(d.to_julian_day()),
            Posted::Text(t) => PostedRecord::Text(t.clone()),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Posted {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Posted, D::Error> {
        if d.is_human_readable() {
            let s = std::borrow::Cow::<str>::deserialize(d)?;
            return Ok(Posted::from(&*s));
        }
        Ok(match PostedRecord::deserialize(d)? {
            PostedRecord::Date(j) => {
                Posted::Date(time::Date::from_julian_day(j).map_err(serde::de::Error::custom)?)
            }
            PostedRecord::Text(t) => Posted::Text(t),
        })
    }
}

/// A part of the description under one heading. The first part may have no heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: Option<String>,
    pub body: String,
}

/// Employer facts shown on job-board pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct CompanyInfo {
    pub name: Option<String>,
    pub stage: Option<String>,
    pub about: Option<String>,
    pub size: Option<String>,
    pub headquarters: Option<String>,
    pub valuation: Option<String>,
    pub rating: Option<f32>,
}

impl CompanyInfo {
    pub fn is_empty(&self) -> bool {
        *self == CompanyInfo::default()
    }
}

/// A posting that a page advertised next to this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedJob {
    pub title: String,
    pub company: Option<String>,
    pub location: Option<String>,
}

/// The stable id of a posting: a hash of its normalized company, title and locations, so it
/// survives re-parsing, renaming and moving. When title or company is unknown, the description
/// joins the key so that different untitled postings don't collide.
pub fn posting_id(p: &Posting) -> String {
    use sha2::{Digest, Sha256};
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut key = String::new();
    key.push_str(&norm(p.company.as_deref().unwrap_or("")));
    key.push('|');
    key.push_str(&norm(p.title.as_deref().unwrap_or("")));
    key.push('|');
    let mut locs: Vec<String> = p.locations.iter().map(|l| norm(l)).collect();
    locs.sort();
    key.push_str(&locs.join(";"));
    if p.title.is_none() || p.company.is_none() {
        key.push('|');
        // Only a prefix: enough to tell postings apart, cheap for large descriptions.
        let text = norm(&p.description_text());
        key.extend(text.chars().take(2000));
    }
    let digest = Sha256::digest(key.as_bytes());
    hex::encode(&digest[..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salary_orders_bounds_and_rejects_nonsense() {
        let s = Salary::new(Some(240_000.0), Some(180_000.0), "USD", Period::Year).unwrap();
        assert_eq!((s.min, s.max), (Some(180_000.0), Some(240_000.0)));
        assert!(Salary::new(Some(-5.0), None, "USD", Period::Year).is_none());
        assert!(Salary::new(Some(f64::INFINITY), Some(f64::NAN), "USD", Period::Year).is_none());
        assert!(Salary::new(Some(1e308), None, "USD", Period::Hour).is_none());
        let s = Salary::new(Some(-5000.0), Some(1e308), "USD", Period::Year);
        assert!(s.is_none(), "{s:?}");
    }

    #[test]
    fn salary_compact_and_long_forms() {
        let s = Salary::new(Some(180_000.0), Some(240_000.0), "USD", Period::Year).unwrap();
        assert_eq!(s.compact(), "$180k–240k/yr");
        assert_eq!(s.long(), "$180,000 – $240,000 a year (USD)");
        let m = Salary::new(Some(836_400.0), Some(1_100_000.0), "MXN", Period::Year).unwrap();
        assert_eq!(m.long(), "MXN 836,400 – 1,100,000 a year");
        let h = Salary::new(Some(30.0), Some(45.0), "EUR", Period::Hour).unwrap();
        assert_eq!(h.long(), "€30 – €45 an hour (EUR)");
        let h = Salary::new(Some(60.0), None, "USD", Period::Hour).unwrap();
        assert_eq!(h.compact(), "$60+/hr");
        assert_eq!(h.yearly_floor(), Some(124_800.0));
        let e = Salary::new(None, Some(45_500.0), "GBP", Period::Year).unwrap();
        assert_eq!(e.compact(), "≤£45.5k/yr");
    }

    #[test]
    fn salary_serializes_whole_numbers_as_integers() {
        let s = Salary::new(Some(180_000.0), Some(62.5), "USD", Period::Hour).unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"min":62.5,"max":180000,"currency":"USD","period":"hour","provenance":"stated"}"#
        );
        let back: Salary = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
        // A shortlist snapshot written before salaries kept their provenance reads as stated.
        let old: Salary =
            serde_json::from_str(r#"{"min":62.5,"max":180000,"currency":"USD","period":"hour"}"#)
                .unwrap();
        assert_eq!(old, s);
    }

    #[test]
    fn binary_round_trip_keeps_everything() {
        let p = Posting {
            id: "x".into(),
            title: Some("T".into()),
            salary: Salary::new(Some(60.5), Some(90_000.0), "EUR", Period::Hour),
            company_info: Some(Box::new(CompanyInfo {
                rating: Some(3.5),
                ..Default::default()
            })),
            posted: Some(Posted::from("2026-11-20")),
            ..Default::default()
        };
        let bytes = postcard::to_allocvec(&p).unwrap();
        assert_eq!(postcard::from_bytes::<Posting>(&bytes).unwrap(), p);
    }

    #[test]
    fn posted_is_a_date_or_words_and_a_string_in_json() {
        let date = Posted::Date(time::macros::date!(2026 - 11 - 20));
        let words = Posted::Text("1mo ago".into());
        // Shapes that are not a YYYY-MM-DD date stay words, exactly as written.
        let odd = [
            "2018-05-30 09:00:00 +0100",
            "2026-02-30",
            "02.10.2020",
            "1783731532",
        ];
        for (p, json) in [(&date, r#""2026-11-20""#), (&words, r#""1mo ago""#)] {
            assert_eq!(serde_json::to_string(p).unwrap(), json);
            assert_eq!(&serde_json::from_str::<Posted>(json).unwrap(), p);
        }
        assert_eq!(Posted::from("2026-11-20"), date);
        for s in odd {
            let p = Posted::from(s);
            assert_eq!(p, Posted::Text(s.into()));
            assert_eq!(serde_json::to_string(&p).unwrap(), format!("{s:?}"));
        }
        // The parse cache (postcard) keeps both kinds.
        for p in [date.clone(), words.clone(), Posted::from(odd[0])] {
            let bytes = postcard::to_allocvec(&p).unwrap();
            assert_eq!(postcard::from_bytes::<Posted>(&bytes).unwrap(), p);
        }
        let today = time::macros::date!(2026 - 12 - 03);
        assert_eq!(date.age_days(today), Some(13));
        assert_eq!(date.date(), Some(time::macros::date!(2026 - 11 - 20)));
        assert_eq!(words.date(), None);
        assert_eq!(words.age_days(today), Some(30));
        assert_eq!(Posted::text("  ", |s| s.trim().to_string()), None);
    }

    #[test]
    fn enums_round_trip_their_names() {
        for m in WorkMode::ALL {
            assert_eq!(WorkMode::from_name(m.as_str()), Some(*m));
        }
        assert_eq!(
            EmploymentType::from_name("Full-Time"),
            Some(EmploymentType::FullTime)
        );
        assert_eq!(
            serde_json::to_string(&Seniority::Principal).unwrap(),
            "\"principal\""
        );
    }

    #[test]
    fn id_ignores_source_and_formatting() {
        let mut a = Posting {
            title: Some("Senior Engineer (Backend)".into()),
            company: Some("Postman".into()),
            locations: vec!["Bengaluru, India".into()],
            source: "a.txt".into(),
            ..Default::default()
        };
        let mut b = a.clone();
        b.source = "elsewhere/b.txt".into();
        b.title = Some("senior  engineer backend".into());
        assert_eq!(posting_id(&a), posting_id(&b));
        a.company = Some("Other".into());
        assert_ne!(posting_id(&a), posting_id(&b));
    }
}
