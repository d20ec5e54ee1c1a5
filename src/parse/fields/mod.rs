//! Field resolvers: one per field, the only code that decides what a posting's fields are.
//!
//! Each resolver gathers candidates from the document's facts (by origin: a JSON key or a
//! JSON-LD property is trusted more than a page header's badge, a badge more than a sentence of
//! the description), from the title's wrapper ("Acme recrute un·e …", "… (Remote)") and from the
//! text, scores them and picks one — or none when none is sure enough. When strong candidates
//! disagree, the pick is noted in the posting's warnings.

pub mod company;
pub mod dates;
pub mod employment;
pub mod experience;
pub mod location;
pub mod salary;
pub mod seniority;
pub mod skills;
pub mod title;
pub mod work_mode;

use std::sync::LazyLock;

use regex::Regex;

use super::blocks::{SectionKind, kind_of, list_items, sections_of};
use super::doc::{Doc, Fact, Key, Origin};
use crate::posting::{Field, FieldSource, Posted, Posting, Section, posting_id};
use crate::sanitize::clean_field;

/// A candidate value of a field.
#[derive(Debug, Clone)]
pub struct Cand<T> {
    pub value: T,
    /// How much it is trusted (an origin's [`Origin::strength`], less for weaker readings).
    pub strength: i32,
    pub source: FieldSource,
}

impl<T> Cand<T> {
    pub fn new(value: T, strength: i32, source: FieldSource) -> Cand<T> {
        Cand {
            value,
            strength,
            source,
        }
    }

    /// A candidate from a fact of `origin`, `less` below the origin's strength.
    pub fn of(value: T, origin: Origin, less: i32) -> Cand<T> {
        Cand::new(value, origin.strength() - less, origin.source())
    }
}

/// The strength a value read from the description text has.
pub const TEXT: i32 = 30;

/// How much of a description the resolvers read (bytes): real postings are far shorter; a
/// megabyte of one line costs no more than this.
pub const MAX_TEXT: usize = 64 * 1024;

/// `s` cut to [`MAX_TEXT`] bytes, at a character boundary.
fn capped(mut s: String) -> String {
    if s.len() > MAX_TEXT {
        let mut end = MAX_TEXT;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    s
}

/// Picks the strongest candidate (the first of equals: facts come in document order) when it
/// is at least `min` strong. A different value nearly as strong is noted.
pub fn pick<T: Clone + PartialEq + std::fmt::Debug>(
    field: Field,
    cands: Vec<Cand<T>>,
    min: i32,
    notes: &mut Vec<String>,
) -> Option<(T, FieldSource)> {
    let mut best: Option<&Cand<T>> = None;
    for c in &cands {
        if best.is_none_or(|b| c.strength > b.strength) {
            best = Some(c);
        }
    }
    let best = best.filter(|b| b.strength >= min)?;
    if let Some(other) = cands
        .iter()
        .filter(|c| c.value != best.value && c.strength >= min && c.strength + 25 >= best.strength)
        .max_by_key(|c| c.strength)
        && other.source != best.source
    {
        notes.push(format!(
            "{field}: took {:?} ({}) over {:?} ({})",
            best.value,
            best.source.as_str(),
            other.value,
            other.source.as_str()
        ));
    }
    Some((best.value.clone(), best.source))
}

/// What the resolvers share: the document, the description's sections and texts, the facts the
/// title's wrapper gave, the notes.
pub struct Ctx<'a> {
    pub doc: &'a Doc,
    pub sections: Vec<Section>,
    /// The whole description.
    pub full: String,
    /// The sections about this job (not the employer's boilerplate, benefits, legal notes).
    pub job: String,
    /// The requirement sections, or the job text when there are none.
    pub requirements: String,
    /// Facts read from the chosen title's wrapper (a company, a place, a mode, pay).
    pub derived: Vec<Fact>,
    pub notes: Vec<String>,
    /// The employer the description's sentences name (found once, asked for twice).
    company_in_text: std::cell::OnceCell<Option<String>>,
    /// The whole description folded ([`fold`]), made once when first asked for.
    full_folded: std::cell::OnceCell<String>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Doc) -> Ctx<'a> {
        // Other postings the page shows beside this one are none of its text.
        let sections: Vec<_> = sections_of(&doc.blocks)
            .into_iter()
            .filter(|s| s.heading.as_deref().map(kind_of) != Some(SectionKind::Elsewhere))
            .collect();
        let mut full = String::new();
        let mut job = String::new();
        let mut requirements = String::new();
        for s in &sections {
            let kind = s.heading.as_deref().map_or(SectionKind::Other, kind_of);
            if let Some(h) = &s.heading {
                full.push_str(h);
                full.push('\n');
            }
            full.push_str(&s.body);
            full.push('\n');
            if !kind.is_boilerplate() {
                job.push_str(&s.body);
                job.push('\n');
            }
            if kind == SectionKind::Requirements {
                requirements.push_str(&s.body);
                requirements.push('\n');
            }
        }
        if requirements.is_empty() {
            requirements = job.clone();
        }
        Ctx {
            doc,
            sections,
            full: capped(full),
            job: capped(job),
            requirements: capped(requirements),
            derived: Vec::new(),
            notes: Vec::new(),
            company_in_text: std::cell::OnceCell::new(),
            full_folded: std::cell::OnceCell::new(),
        }
    }

    /// The employer the description's sentences name ([`company::company_from_text`]).
    /// The whole description folded ([`fold`]): a folded piece of it is a substring of this.
    pub fn full_folded(&self) -> &str {
        self.full_folded
            .get_or_init(|| super::vocab::fold(&self.full))
    }

    pub fn company_in_text(&self) -> Option<&str> {
        self.company_in_text
            .get_or_init(|| {
                // A subject line is the text's first sentence ("Volt is looking for candidates
                // like you!"), and so is a title ("Gå med i Safespring som Cloud Engineer").
                let subjects: Vec<&str> = self
                    .doc
                    .texts(Key::Subject)
                    .chain(self.doc.texts(Key::Title))
                    .map(|(s, _)| s)
                    .collect();
                let boards_send = self.doc.format == crate::posting::Format::Email;
                if subjects.is_empty() {
                    company::company_in(&self.full, boards_send)
                } else {
                    let text = format!("{}\n{}", subjects.join("\n"), self.full);
                    company::company_in(&text, boards_send)
                }
            })
            .as_deref()
    }

    /// The text facts of `key`, the document's and the derived ones.
    pub fn texts(&self, key: Key) -> impl Iterator<Item = (&str, Origin)> {
        self.doc.texts(key).chain(
            self.derived
                .iter()
                .filter(move |f| f.key == key)
                .filter_map(|f| f.value.text().map(|t| (t, f.origin))),
        )
    }
}

/// Resolves every field of a document into a posting (its id is derived by [`finish`], once
/// the posting is sanitized).
pub fn resolve(doc: &Doc) -> Posting {
    let mut ctx = Ctx::new(doc);
    let mut p = Posting {
        format: doc.format,
        ..Posting::default()
    };
    macro_rules! set {
        ($field:ident, $name:expr, $value:expr) => {
            if let Some((v, src)) = $value {
                p.$field = v;
                p.set_source($name, src);
            }
        };
    }
    let title = title::resolve(&mut ctx);
    set!(
        title,
        Field::Title,
        title.clone().map(|(t, s)| (Some(t), s))
    );
    let company = company::resolve(&mut ctx, p.title.as_deref());
    set!(company, Field::Company, company.map(|(c, s)| (Some(c), s)));
    let places = location::resolve(&mut ctx);
    let country = places.as_ref().and_then(|p| p.country);
    set!(
        locations,
        Field::Locations,
        places.map(|p| (p.places, p.source))
    );
    let mode = work_mode::resolve(&mut ctx, p.title.as_deref());
    set!(work_mode, Field::WorkMode, mode.map(|(m, s)| (Some(m), s)));
    let kind = employment::resolve(&mut ctx, p.title.as_deref());
    set!(
        employment_type,
        Field::EmploymentType,
        kind.map(|(k, s)| (Some(k), s))
    );
    let level = seniority::resolve(&ctx, p.title.as_deref());
    set!(
        seniority,
        Field::Seniority,
        level.map(|(l, s)| (Some(l), s))
    );
    let years = experience::resolve(&ctx);
    set!(
        experience_years,
        Field::ExperienceYears,
        years.map(|(y, s)| (Some(y), s))
    );
    let country = country
        .or_else(|| location::country_of_places(&p.locations))
        .or_else(|| location::country_of_whole_places(&p.locations))
        .or_else(|| {
            location::country_of_script(&format!(
                "{} {}",
                p.title.as_deref().unwrap_or(""),
                ctx.full
            ))
        });
    let pay = salary::resolve(&mut ctx, country);
    set!(salary, Field::Salary, pay.map(|(v, s)| (Some(v), s)));
    let skills = skills::resolve(&ctx, p.company.as_deref());
    set!(skills, Field::Skills, skills);
    set!(benefits, Field::Benefits, benefits(&ctx));
    set!(url, Field::Url, dates::url(&ctx).map(|(u, s)| (Some(u), s)));
    set!(
        posted,
        Field::Posted,
        dates::posted(&ctx).map(|(d, s)| (Some(Posted::Text(d)), s))
    );
    set!(
        team,
        Field::Team,
        company::team(&ctx).map(|(t, s)| (Some(t), s))
    );
    if p.title.is_none()
        && doc.compose_title
        && let Some(t) = title::composed(&ctx, p.company.as_deref())
    {
        p.title = Some(t);
        p.set_source(Field::Title, FieldSource::Composed);
    }
    p.sections = ctx.sections;
    p.company_info = doc.company_info.clone();
    if let Some(info) = &mut p.company_info
        && info.name.is_none()
    {
        info.name = p.company.clone();
    }
    p.related = doc.related.clone();
    p.warnings = doc.notes.clone();
    p.warnings.extend(ctx.notes);
    p
}

/// Benefits: the page's list, else the items of the benefits sections, else a sentence listing
/// them.
fn benefits(ctx: &Ctx<'_>) -> Option<(Vec<String>, FieldSource)> {
    let facts: Vec<(String, Origin)> = ctx
        .doc
        .texts(Key::Benefit)
        .map(|(t, o)| (t.to_string(), o))
        .collect();
    if let Some((_, o)) = facts.first() {
        return Some((facts.iter().map(|f| f.0.clone()).collect(), o.source()));
    }
    let listed: Vec<String> = ctx
        .sections
        .iter()
        .filter(|s| s.heading.as_deref().map(kind_of) == Some(SectionKind::Benefits))
        .flat_map(|s| list_items(&s.body))
        .filter(|i| i.chars().count() <= 80)
        .collect();
    let out = if listed.is_empty() {
        company::benefits_from_text(&ctx.full)
    } else {
        listed
    };
    (!out.is_empty()).then_some((out, FieldSource::Text))
}

/// Cleans every headline field (no control characters, zero-width characters or stray
/// whitespace), drops empty values and repeats, and derives the id.
pub fn finish(p: &mut Posting) {
    // Markup left in a headline field (a page's HTML read as text: "<h2>Permanent position
    // …", "CEA List, France</h2>") is no part of it.
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>").expect("valid regex")
    });
    let untagged = |s: &str| -> String {
        if s.contains('<') {
            TAG.replace_all(s, " ").into_owned()
        } else {
            s.to_string()
        }
    };
    let clean_opt = |v: &mut Option<String>| {
        if let Some(s) = v {
            let c = clean_field(&untagged(s));
            *v = if c.is_empty() { None } else { Some(c) };
        }
    };
    clean_opt(&mut p.title);
    clean_opt(&mut p.company);
    clean_opt(&mut p.team);
    if let Some(Posted::Text(t)) = &p.posted {
        p.posted = Posted::text(t, clean_field);
    }
    clean_opt(&mut p.url);
    let clean_list = |v: &mut Vec<String>| {
        let mut out: Vec<String> = Vec::with_capacity(v.len());
        for s in v.drain(..) {
            let c = clean_field(&untagged(&s));
            if !c.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&c)) {
                out.push(c);
            }
        }
        *v = out;
    };
    clean_list(&mut p.locations);
    clean_list(&mut p.skills);
    clean_list(&mut p.benefits);
    for (field, empty) in [
        (Field::Title, p.title.is_none()),
        (Field::Company, p.company.is_none()),
        (Field::Team, p.team.is_none()),
        (Field::Posted, p.posted.is_none()),
        (Field::Locations, p.locations.is_empty()),
        (Field::Skills, p.skills.is_empty()),
        (Field::Benefits, p.benefits.is_empty()),
    ] {
        if empty {
            p.field_sources.remove(field);
        }
    }
    if let Some(u) = &p.url
        && !(u.starts_with("http://") || u.starts_with("https://"))
    {
        p.warnings
            .push(format!("url {u:?} is not http(s); dropped"));
        p.url = None;
        p.field_sources.remove(Field::Url);
    }
    if p.title.is_none() {
        p.warnings.push("no title found".into());
    }
    if p.company.is_none() {
        p.warnings.push("no company found".into());
    }
    p.id = posting_id(p);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_left_in_a_headline_field_is_no_part_of_it() {
        let mut p = Posting {
            title: Some("<h2>Permanent position for Computer Scientist".into()),
            company: Some("CEA List, France</h2>".into()),
            locations: vec!["<b>Paris</b>".into()],
            ..Posting::default()
        };
        finish(&mut p);
        assert_eq!(
            p.title.as_deref(),
            Some("Permanent position for Computer Scientist")
        );
        assert_eq!(p.company.as_deref(), Some("CEA List, France"));
        assert_eq!(p.locations, ["Paris"]);
        // A "<" that opens no tag stays.
        let mut p = Posting {
            title: Some("Engineer <3 years".into()),
            ..Posting::default()
        };
        finish(&mut p);
        assert_eq!(p.title.as_deref(), Some("Engineer <3 years"));
    }
}
