//! The intermediate document every format reader produces and every field resolver reads.
//!
//! A reader unwraps its container (a JSON record, a page, an e-mail, a Hacker News comment)
//! into **facts** — labelled values with where they came from — and **blocks** — the headings,
//! paragraphs and list items of the text, in order, page furniture dropped. It never decides
//! what a field is: "Hybrid" in a page header is a [`Key::Badge`], and whether it is the work
//! mode is the work-mode resolver's call (`super::fields`).

use std::sync::LazyLock;

use regex::Regex;

use crate::posting::{CompanyInfo, FieldSource, Format, RelatedJob};

/// Whether a value is wholly a template's slot a program was to fill in: "{job_title}",
/// "{{ job.location }}", "${company}", "%(title)s", "<JOB_TITLE>". "{Data, Frontend} Engineer"
/// is a title.
fn is_template_slot(v: &str) -> bool {
    static SLOT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\$?\{\{?\s*[\w.-]{1,40}\s*\}\}?|%\(\w{1,40}\)s|<[A-Z][A-Z0-9_]{1,39}>)$")
            .expect("valid regex")
    });
    let v = v.trim();
    // Most values start with a letter: no regex for them.
    v.starts_with(['{', '$', '%', '<']) && SLOT.is_match(v)
}

/// Where a fact came from. Resolvers weigh candidates by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Origin {
    /// A schema.org `JobPosting` property (JSON-LD, microdata).
    JsonLd,
    /// A key of a JSON record, a CSV column, a front-matter key.
    Record,
    /// A key of the object that wraps the posting records (a board's name around its jobs).
    Wrapper,
    /// A "Label: value" line of the text, or a two-cell table row.
    Label,
    /// An e-mail header (Subject, From, Organization).
    Email,
    /// The header at the top of a text: a title line, a badge, a Hacker News header field.
    Header,
    /// The page around the posting: `<title>`, `og:title`, `<h1>`, a board's page title.
    Page,
    /// A list of tags.
    Tag,
}

impl Origin {
    /// The field source shown for a value taken from a fact of this origin.
    pub fn source(self) -> FieldSource {
        match self {
            Origin::JsonLd => FieldSource::JsonLd,
            Origin::Record | Origin::Wrapper => FieldSource::Structured,
            Origin::Label | Origin::Email | Origin::Header | Origin::Page => FieldSource::Header,
            Origin::Tag => FieldSource::Tags,
        }
    }

    /// How much a value of this origin is trusted, higher is stronger.
    pub fn strength(self) -> i32 {
        match self {
            Origin::JsonLd | Origin::Record => 100,
            // A labelled line, a mail header and a page's header are as sure as each other:
            // the first of them in the document wins.
            Origin::Label | Origin::Email | Origin::Header => 85,
            Origin::Tag => 70,
            Origin::Wrapper => 60,
            Origin::Page => 50,
        }
    }
}

/// What a fact is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Title,
    Company,
    Team,
    /// A place (or a list of places) where the job is.
    Location,
    /// A country the job is in or restricted to (a name or an ISO code).
    Country,
    /// A label or value naming where the work happens ("Hybrid", "remote", "TELECOMMUTE").
    WorkMode,
    /// A yes/no flag saying the job is remote (`isRemote`, `telecommuting`).
    RemoteFlag,
    /// A yes/no flag saying the job is hybrid.
    HybridFlag,
    EmploymentType,
    Seniority,
    /// Years of experience asked for, as text ("3+ years").
    Experience,
    /// Months of experience asked for, as a number.
    ExperienceMonths,
    /// A text about pay ("$120k – $150k", "Base pay is …").
    Salary,
    /// A text about pay that a board estimated, not the employer ("Estimated salary: …", a
    /// JSON-LD `estimatedSalary` given as text).
    SalaryEstimate,
    /// Pay given as numbers ([`Value::Money`]).
    Pay,
    /// A currency code or symbol that goes with the posting's figures.
    Currency,
    Posted,
    Url,
    Skill,
    Benefit,
    /// A short header value no label names ("Hybrid", "Full-time", "Berlin, Germany",
    /// "2d ago"): each resolver decides whether it is its own.
    Badge,
    /// A subject line (an e-mail's, a forum post's): may hold the title and more.
    Subject,
    /// The page's own summary of itself (an HTML page's meta description): only an employer
    /// named with its legal form is read from it ("株式会社イルナは…", "Acme GmbH ist …").
    Summary,
    /// An address to apply or write to (a front matter's `email`, a record's `contact`): its
    /// domain may be the employer's.
    Contact,
    /// A link's target that the markup hides from the text (a Markdown `[Acme](https://acme.io)`,
    /// an HTML `href`): its domain may be the employer's, as a link the text writes out is.
    Link,
}

/// What kind of pay a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PayKind {
    /// Base salary (or not said).
    #[default]
    Base,
    /// Total / on-target compensation (base plus bonus, commission, equity).
    Total,
    /// An estimate by the board, not the employer's figure.
    Estimated,
}

/// Pay given as numbers by a structured container.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Money {
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// As the container gives it ("USD", "usd", "$").
    pub currency: Option<String>,
    /// The period as the container words it ("YEAR", "per-year-salary", "hourly").
    pub period: Option<String>,
    pub kind: PayKind,
}

/// A fact's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Flag(bool),
    Number(f64),
    Money(Money),
}

impl Value {
    /// The text of a text value.
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }
}

/// One labelled value of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub key: Key,
    pub value: Value,
    pub origin: Origin,
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Paragraph,
    Item,
}

/// One heading, paragraph line or list item of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// A heading's level when the markup gives one (1–6); 0 otherwise (headings found by their
    /// look in plain text, paragraphs, items).
    pub level: u8,
    pub text: String,
}

impl Block {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Block {
        Block {
            kind,
            level: 0,
            text: text.into(),
        }
    }

    /// A heading of markup level `level` (1–6).
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block {
            kind: BlockKind::Heading,
            level,
            text: text.into(),
        }
    }
}

/// One posting as a reader unwrapped it.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub format: Format,
    pub facts: Vec<Fact>,
    pub blocks: Vec<Block>,
    /// What the reader was unsure of or skipped (become the posting's warnings).
    pub notes: Vec<String>,
    /// The employer card of a board page.
    pub company_info: Option<Box<CompanyInfo>>,
    /// Other postings the page advertised.
    pub related: Vec<RelatedJob>,
    /// A title may be composed when the posting states none (Hacker News posts: "Acme —
    /// hiring").
    pub compose_title: bool,
}

impl Doc {
    pub fn new(format: Format) -> Doc {
        Doc {
            format,
            ..Doc::default()
        }
    }

    /// Adds a text fact (trimmed; empty values are not facts, nor are a template's unfilled
    /// slots: "{job_title}").
    pub fn text(&mut self, key: Key, value: impl AsRef<str>, origin: Origin) {
        let v = value.as_ref().trim();
        if !v.is_empty() && !is_template_slot(v) {
            self.facts.push(Fact {
                key,
                value: Value::Text(v.to_string()),
                origin,
            });
        }
    }

    pub fn push(&mut self, key: Key, value: Value, origin: Origin) {
        self.facts.push(Fact { key, value, origin });
    }

    /// The facts of one key, in document order.
    pub fn facts_of(&self, key: Key) -> impl Iterator<Item = &Fact> {
        self.facts.iter().filter(move |f| f.key == key)
    }

    /// The text values of one key, in document order.
    pub fn texts(&self, key: Key) -> impl Iterator<Item = (&str, Origin)> {
        self.facts_of(key)
            .filter_map(|f| f.value.text().map(|t| (t, f.origin)))
    }

    /// Marks the pay facts added since the first `from` facts as a board's estimate: their
    /// texts become [`Key::SalaryEstimate`], their figures [`PayKind::Estimated`]. Readers call
    /// it around what an estimate's container (`estimatedSalary`, an "estimated salary" key)
    /// held.
    pub fn mark_estimates(&mut self, from: usize) {
        for f in self.facts.iter_mut().skip(from) {
            match (&f.key, &mut f.value) {
                (Key::Salary, _) => f.key = Key::SalaryEstimate,
                (Key::Pay, Value::Money(m)) => m.kind = PayKind::Estimated,
                _ => {}
            }
        }
    }

    /// Whether any fact of `key` exists.
    pub fn has(&self, key: Key) -> bool {
        self.facts.iter().any(|f| f.key == key)
    }

    /// Removes control characters, escape sequences and invisible characters from every fact
    /// and block: JSON escapes, character references and MIME encodings were decoded after the
    /// file's text was sanitized, and a resolver must not read "Esc\x1b[31mape Ltd" as "Esc".
    /// Soft hyphens and word joiners are taken out too (JSON escapes and character references
    /// may have made them).
    pub fn sanitize(&mut self) {
        use crate::sanitize::{needs_sanitizing, sanitize};
        let clean = |t: &mut String| {
            // UTF-8 once read as Windows-1252 that escapes hid from the file's own repair
            // (JSON's "Ger\u00c3\u00a4te"), mended before its C1 controls would be dropped.
            if !t.is_ascii()
                && let std::borrow::Cow::Owned(fixed) = super::decode::repair_mojibake(t)
            {
                *t = fixed;
            }
            if needs_sanitizing(t) {
                *t = sanitize(t);
            }
            crate::sanitize::drop_break_hints(t);
        };
        for f in &mut self.facts {
            if let Value::Text(t) = &mut f.value {
                clean(t);
            }
        }
        for b in &mut self.blocks {
            clean(&mut b.text);
        }
        self.blocks.retain(|b| !b.text.trim().is_empty());
    }

    /// Appends lines of text as blocks (see [`super::blocks::from_lines`]).
    pub fn add_lines<'a>(&mut self, lines: impl IntoIterator<Item = &'a str>) {
        self.blocks.extend(super::blocks::from_lines(lines));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_s_unfilled_slot_is_no_value() {
        for v in [
            "{job_title}",
            "{{ job.location }}",
            "${company}",
            "%(title)s",
            "<JOB_TITLE>",
        ] {
            assert!(is_template_slot(v), "{v}");
        }
        for v in [
            "{Data, Frontend} Engineer",
            "Engineer {remote}",
            "<b>",
            "Berlin",
        ] {
            assert!(!is_template_slot(v), "{v}");
        }
        let mut d = Doc::default();
        d.text(Key::Title, "{job_title}", Origin::Record);
        d.text(Key::Location, "San Francisco, CA", Origin::Record);
        assert_eq!(d.facts.len(), 1);
    }
}
