//! The query language shared by `jobdeck search` and the TUI's search bar.
//!
//! - space-separated terms must all match (AND);
//! - a plain term is fuzzy-matched against each headline field (title, company, team,
//!   locations, skills) on its own, and the best field counts;
//! - `'term` (or `"two words"`) matches an exact, case-insensitive substring;
//! - `!term` excludes the postings that match it;
//! - `field:term` scopes a term: `title:`, `company:`, `team:`, `loc:`, `skill:`, `mode:`,
//!   `type:`, `level:`, and `text:`, which searches the description by exact substring.

use std::fmt;

/// The query language, as the help overlay, `--help` and the man page explain it.
pub const LANGUAGE: &[(&str, &str)] = &[
    (
        "rust backend",
        "every term must match (fuzzy: title, company, team, locations, skills)",
    ),
    (
        "'node.js  \"tech lead\"",
        "exact substring (case-insensitive)",
    ),
    (
        "!java",
        "exclude postings that match (!!java is java again)",
    ),
    (
        "title: company: team: loc: skill:",
        "scope a term to one field: each word starts a word of it (skill:rust finds Rust, not \"Zero Trust\")",
    ),
    (
        "mode:remote type:contract level:senior",
        "work mode, employment type, seniority",
    ),
    ("text:kubernetes", "substring of the description"),
    (
        "salary:>=120k salary:<200k salary:100k-150k salary:none",
        "yearly pay in the config's currency (converted, ≈); salary:none: no pay stated (give both to keep them)",
    ),
    (
        "salary:stated salary:estimate salary:text",
        "whose figure the pay is: the employer's, a board's estimate, or read from the description; !salary:estimate leaves estimates out",
    ),
    ("age:<14d age:<3w", "posted less than 14 days / 3 weeks ago"),
    (
        "from:de from:eu",
        "remote roles open to people in Germany / the EU (worldwide ones too)",
    ),
    (
        "is:new is:changed is:closed",
        "pulled postings first seen / changed by the latest pull of their board, or no longer listed by it",
    ),
];

/// [`LANGUAGE`] as plain text for `--help`.
pub fn language_help() -> String {
    let mut out = String::from("Query language:\n");
    for (q, what) in LANGUAGE {
        out.push_str(&format!("  {q:<40} {what}\n"));
    }
    out
}

/// What a term is matched against, by its prefix (`title:`, or an alias: `t:`), in any case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumString)]
#[strum(ascii_case_insensitive)]
pub enum Field {
    #[strum(to_string = "title", serialize = "t")]
    Title,
    #[strum(to_string = "company", serialize = "co", serialize = "c")]
    Company,
    #[strum(to_string = "team")]
    Team,
    #[strum(
        to_string = "loc",
        serialize = "location",
        serialize = "locations",
        serialize = "l"
    )]
    Location,
    #[strum(to_string = "skill", serialize = "skills", serialize = "s")]
    Skill,
    /// Work mode (`mode:remote`).
    #[strum(to_string = "mode", serialize = "m", serialize = "remote")]
    Mode,
    /// Employment type (`type:contract`).
    #[strum(to_string = "type", serialize = "employment")]
    Type,
    /// Seniority (`level:senior`).
    #[strum(to_string = "level", serialize = "seniority")]
    Level,
    /// The description, by substring.
    #[strum(to_string = "text", serialize = "desc", serialize = "description")]
    Text,
    /// A pulled posting's state (`is:new`, `is:changed`, `is:closed`).
    #[strum(to_string = "is")]
    Is,
    /// Yearly pay in the home currency (`salary:>=120k`, `salary:100k-150k`, `salary:none`).
    #[strum(to_string = "salary", serialize = "pay")]
    Salary,
    /// Days since posted (`age:<14d`, `age:<2w`).
    #[strum(to_string = "age")]
    Age,
    /// Who may apply to a remote role from where (`from:de`, `from:eu`).
    #[strum(to_string = "from")]
    From,
}

impl Field {
    /// Parses a field prefix (without the colon).
    pub fn from_prefix(s: &str) -> Option<Field> {
        s.parse().ok()
    }

    /// The prefix the query is written back with.
    pub fn prefix(self) -> &'static str {
        self.into()
    }

    /// The fields as the help and messages name them, in that order.
    pub const NAMED: [Field; 12] = [
        Field::Title,
        Field::Company,
        Field::Team,
        Field::Location,
        Field::Skill,
        Field::Mode,
        Field::Type,
        Field::Level,
        Field::Text,
        Field::Salary,
        Field::Age,
        Field::From,
    ];

    /// The values a field can have, for fields with a fixed set (mode, type, level).
    pub fn values(self) -> Option<Vec<&'static str>> {
        use crate::posting::{EmploymentType, Seniority, WorkMode};
        Some(match self {
            Field::Mode => WorkMode::ALL.iter().map(|m| m.as_str()).collect(),
            Field::Type => EmploymentType::ALL.iter().map(|m| m.as_str()).collect(),
            Field::Level => Seniority::ALL.iter().map(|m| m.as_str()).collect(),
            _ => return None,
        })
    }

    /// Fields whose values are free text (fuzzy or substring matched), as opposed to enums.
    pub fn is_headline(self) -> bool {
        matches!(
            self,
            Field::Title | Field::Company | Field::Team | Field::Location | Field::Skill
        )
    }
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// None: every headline field.
    pub field: Option<Field>,
    /// The text to match, as typed (without prefixes).
    pub text: String,
    /// Lowercased text (matching is case-insensitive).
    pub lower: String,
    /// Exact substring instead of fuzzy.
    pub exact: bool,
    /// Excludes matches instead of requiring them.
    pub negated: bool,
}

impl Term {
    pub fn new(field: Option<Field>, text: &str, exact: bool, negated: bool) -> Term {
        Term {
            field,
            text: text.to_string(),
            lower: text.to_lowercase(),
            exact,
            negated,
        }
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("!")?;
        }
        if let Some(field) = self.field {
            write!(f, "{}:", field.prefix())?;
        }
        if !self.exact {
            return f.write_str(&self.text);
        }
        // Exact: quoted (when it holds whitespace), or `'`-marked, or implied by `text:`. The
        // `'` mark also goes inside quotes, or after `text:`, when the text would otherwise
        // read as something else: a leading `'` or `!`, or a field prefix of its own.
        let spaced = self.text.chars().any(char::is_whitespace);
        let ambiguous = self.text.starts_with('\'')
            // A negated term's own `!` too: `!"! a"` would read as `!!` and lose both.
            || (self.field.is_none() && self.text.starts_with('!'))
            || (self.field.is_none()
                && self
                    .text
                    .split_once(':')
                    .is_some_and(|(p, _)| Field::from_prefix(p).is_some()));
        let mark = if spaced || self.field == Some(Field::Text) {
            ambiguous
        } else {
            true
        };
        let mark = if mark { "'" } else { "" };
        if spaced {
            write!(f, "\"{mark}{}\"", self.text)
        } else {
            write!(f, "{mark}{}", self.text)
        }
    }
}

/// A parsed query: all its terms must hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    /// Parses a query. Never fails: anything that is not a known prefix is text to match.
    pub fn parse(input: &str) -> Query {
        let mut terms = Vec::new();
        for token in tokenize(input) {
            if let Some(t) = parse_term(&token) {
                terms.push(t);
            }
        }
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// What is wrong with a query as typed, in words the search bar can show: an unknown field
    /// prefix, or a value a field cannot have. None when it reads well (an unfinished term,
    /// `title:` or a lone `!`, is not a problem: it matches nothing yet).
    pub fn problem(input: &str) -> Option<String> {
        tokenize(input).iter().find_map(|token| {
            let s = token.text.trim_start_matches('!');
            let (prefix, rest) = s.split_once(':')?;
            if rest.is_empty() && token.quoted {
                return None;
            }
            let Some(field) = Field::from_prefix(prefix) else {
                // "http://…", "c++:" or "10:30" are text, not a field.
                let word = !token.quoted
                    && !prefix.is_empty()
                    && prefix.chars().all(|c| c.is_alphabetic());
                return (word && !rest.starts_with("//")).then(|| {
                    format!(
                        "unknown field {prefix}: — {}",
                        Field::NAMED.map(Field::prefix).join(" ")
                    )
                });
            };
            let value = rest.trim().trim_start_matches('\'').to_lowercase();
            if !value.is_empty() {
                match field {
                    Field::Salary if pay_spec(&value).is_none() => {
                        return Some(format!(
                            "salary: >=120k, <200k, 100k-150k or none (a year, in {}); stated, estimate or text",
                            crate::money::Money::current().home
                        ));
                    }
                    Field::Age if age_spec(&value).is_none() => {
                        return Some("age: <14d, >30d or <2w (days or weeks)".into());
                    }
                    Field::From if from_countries(&value).is_none() => {
                        return Some(
                            "from: a country (de, germany) or a group of them (eu, emea)".into(),
                        );
                    }
                    _ => {}
                }
            }
            let names = field.values()?;
            let known = value.is_empty() || names.iter().any(|n| enum_matches(n, &value));
            (!known).then(|| format!("{}: {}", field.prefix(), or_list(&names)))
        })
    }

    /// Whether a term searches the descriptions (`text:`), which only full postings hold.
    pub fn needs_text(&self) -> bool {
        self.terms.iter().any(|t| t.field == Some(Field::Text))
    }

    /// Whether a term needs the postings themselves, not only the headline records a parse
    /// cache holds: `text:` (descriptions) and `is:` (tracking records, attached on load).
    pub fn needs_postings(&self) -> bool {
        self.terms.iter().any(|t| {
            matches!(
                t.field,
                Some(Field::Text | Field::Is | Field::Salary | Field::Age | Field::From)
            )
        })
    }

    /// Whether a non-negated `is:closed` asks for closed postings (hidden unless asked for).
    pub fn wants_closed(&self) -> bool {
        self.terms
            .iter()
            .any(|t| t.field == Some(Field::Is) && !t.negated && is_state_name(&t.lower, "closed"))
    }

    /// Whether every posting matching `self` also matches `prev`: then a search for `self` need
    /// only look at `prev`'s matches. True when `self` keeps `prev`'s terms, may extend the text
    /// of its last non-negated term, and may add terms.
    pub fn narrows(&self, prev: &Query) -> bool {
        if prev.terms.len() > self.terms.len() {
            return false;
        }
        let n = prev.terms.len();
        for (i, (old, new)) in prev.terms.iter().zip(&self.terms).enumerate() {
            if old == new {
                continue;
            }
            let extendable = i + 1 == n
                && !old.negated
                && !new.negated
                && old.field == new.field
                && old.exact == new.exact
                && old.field.is_none_or(Field::is_headline)
                && new.lower.starts_with(&old.lower);
            // Fuzzy: a longer pattern matches a subset. Exact substring: likewise.
            if !extendable {
                return false;
            }
        }
        true
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, t) in self.terms.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{t}")?;
        }
        Ok(())
    }
}

/// The states `is:` knows: a pulled posting first seen by its board's latest pull, changed
/// by it, or closed (no longer listed); `is:pulled` for any pulled posting.
pub const STATES: [&str; 4] = ["new", "changed", "closed", "pulled"];

/// Whether `term` (lowercased) names `state`: the whole name or a prefix of it (`is:clo`).
pub fn is_state_name(term: &str, state: &str) -> bool {
    !term.is_empty() && state.starts_with(term)
}

/// Whether a posting is in the state an `is:` term names (lowercased); an unknown state
/// matches nothing.
pub fn posting_is(p: &crate::posting::Posting, term: &str) -> bool {
    let Some(t) = &p.pulled else {
        return false;
    };
    STATES
        .iter()
        .filter(|s| is_state_name(term, s))
        .take(1)
        .any(|s| match *s {
            "new" => t.new,
            "changed" => t.changed,
            "closed" => t.closed.is_some(),
            _ => true,
        })
}

/// What a `salary:` term asks of a posting's yearly pay in the home currency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PaySpec {
    /// `salary:none`: no pay stated.
    None,
    /// `salary:>=120k`, `salary:>120k`, `salary:120k`: some of the range reaches it.
    AtLeast(f64),
    /// `salary:<200k`, `salary:<=200k`: some of the range is under it.
    Below(f64),
    /// `salary:100k-150k`: the range meets it.
    Between(f64, f64),
    /// `salary:stated`, `salary:estimate`, `salary:text`: whose figure the pay is. Not one of
    /// the amounts' choice: `salary:>=100k salary:stated` asks for both.
    Provenance(crate::posting::PayProvenance),
}

impl PaySpec {
    /// Whether the spec is one of the choices of amount (`>=120k`, `none`…) that the
    /// non-negated `salary:` terms make together.
    pub fn is_amount(self) -> bool {
        !matches!(self, PaySpec::Provenance(_))
    }
}

/// Whether a term is one of the non-negated `salary:` amounts that form one choice
/// (`salary:>=100k salary:none` keeps the well paid and the unstated).
pub fn is_pay_choice(t: &Term) -> bool {
    t.field == Some(Field::Salary)
        && !t.negated
        && pay_spec(&t.lower).is_some_and(PaySpec::is_amount)
}

/// "120k", "1.2m", "120,000", "$95000" as a number.
fn amount(s: &str) -> Option<f64> {
    let s = s.trim().trim_start_matches(['$', '€', '£', '¥']);
    let (num, mult) = match s.chars().last()? {
        'k' => (&s[..s.len() - 1], 1e3),
        'm' => (&s[..s.len() - 1], 1e6),
        _ => (s, 1.0),
    };
    let num: String = num.chars().filter(|c| !matches!(c, ',' | '_')).collect();
    let v: f64 = num.parse().ok()?;
    (v.is_finite() && v >= 0.0).then_some(v * mult)
}

/// Reads a `salary:` value (lowercased).
pub fn pay_spec(s: &str) -> Option<PaySpec> {
    let s = s.trim();
    if s == "none" || s == "no" {
        return Some(PaySpec::None);
    }
    use crate::posting::PayProvenance as P;
    match s {
        "stated" | "employer" => return Some(PaySpec::Provenance(P::Stated)),
        "estimate" | "estimated" | "est" => return Some(PaySpec::Provenance(P::Estimate)),
        "text" => return Some(PaySpec::Provenance(P::Text)),
        _ => {}
    }
    if let Some(r) = s.strip_prefix(">=").or_else(|| s.strip_prefix('>')) {
        return amount(r).map(PaySpec::AtLeast);
    }
    if let Some(r) = s.strip_prefix("<=").or_else(|| s.strip_prefix('<')) {
        return amount(r).map(PaySpec::Below);
    }
    if let Some((a, b)) = s.split_once('-') {
        let (a, b) = (amount(a)?, amount(b)?);
        return Some(PaySpec::Between(a.min(b), a.max(b)));
    }
    amount(s).map(PaySpec::AtLeast)
}

/// Whether a posting's pay meets a `salary:` value, as yearly pay in the home currency
/// ([`crate::money::Money::current`]). A posting that states no pay meets only `none`; one
/// whose currency has no rate meets nothing.
pub fn posting_pay_matches(p: &crate::posting::Posting, spec: PaySpec) -> bool {
    let Some(s) = &p.salary else {
        return spec == PaySpec::None;
    };
    if let PaySpec::Provenance(want) = spec {
        return s.provenance == want;
    }
    let Some(y) = crate::money::Money::current().yearly(s) else {
        return false;
    };
    let (Some(lo), Some(hi)) = (y.floor(), y.ceiling()) else {
        return false;
    };
    match spec {
        PaySpec::None | PaySpec::Provenance(_) => false,
        PaySpec::AtLeast(n) => hi >= n,
        PaySpec::Below(n) => lo < n,
        PaySpec::Between(a, b) => hi >= a && lo <= b,
    }
}

/// Reads an `age:` value: (`<` or `>`, days). "14d", "2w", "<14", ">30d".
pub fn age_spec(s: &str) -> Option<(bool, u32)> {
    let s = s.trim();
    let (below, r) = match s.strip_prefix('>') {
        Some(r) => (false, r.trim_start_matches('=')),
        None => (true, s.trim_start_matches('<').trim_start_matches('=')),
    };
    let (num, unit) = match r.chars().last()? {
        'd' => (&r[..r.len() - 1], 1),
        'w' => (&r[..r.len() - 1], 7),
        'm' => (&r[..r.len() - 1], 30),
        'y' => (&r[..r.len() - 1], 365),
        _ => (r, 1),
    };
    let n: u32 = num.parse().ok()?;
    Some((below, n.checked_mul(unit)?))
}

/// Whether a posting's age meets an `age:` value (a posting without a date meets none).
pub fn posting_age_matches(p: &crate::posting::Posting, (below, days): (bool, u32)) -> bool {
    let today = time::OffsetDateTime::now_utc().date();
    let Some(age) = p.posted.as_ref().and_then(|d| d.age_days(today)) else {
        return false;
    };
    if below { age < days } else { age > days }
}

/// The countries (ISO-2) a `from:` value names: a country by code or name, or a group.
pub fn from_countries(s: &str) -> Option<Vec<String>> {
    let g = crate::places::Gazetteer::get();
    if let Some(cs) = g.group(s) {
        return Some(cs.to_vec());
    }
    g.country(s).map(|c| vec![c.iso2.clone()])
}

/// Whether a remote posting is open to someone in one of `countries` (or anywhere).
pub fn posting_open_from(p: &crate::posting::Posting, countries: &[String]) -> bool {
    p.remote_from
        .iter()
        .any(|c| c == "*" || countries.contains(c))
}

/// A token: its text, and whether (part of) it was quoted.
struct Token {
    text: String,
    quoted: bool,
}

/// Splits on whitespace, keeping "double quoted" runs together.
fn tokenize(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut in_quotes = false;
    for c in input.chars() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                quoted = true;
            }
            c if c.is_whitespace() && !in_quotes => {
                if !cur.is_empty() || quoted {
                    out.push(Token {
                        text: std::mem::take(&mut cur),
                        quoted,
                    });
                }
                quoted = false;
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() || quoted {
        out.push(Token { text: cur, quoted });
    }
    out
}

/// `mode:on-site` matches "onsite", `type:full` matches "full-time": a prefix, ignoring
/// dashes and spaces.
pub fn enum_matches(name: &str, term_lower: &str) -> bool {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let (name, term) = (squash(name), squash(term_lower));
    !term.is_empty() && name.starts_with(&term)
}

/// "a, b or c".
fn or_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn parse_term(token: &Token) -> Option<Term> {
    let mut s = token.text.as_str();
    // `!x` excludes x; `!!x` excludes the exclusion: it is `x` (and so on, by parity).
    let marks = s.len() - s.trim_start_matches('!').len();
    let negated = marks % 2 == 1;
    if !token.quoted || marks < s.len() {
        s = &s[marks..];
    }
    if s.is_empty() && !token.quoted {
        // A lone "!" while typing: nothing to match yet.
        return None;
    }
    let mut field = None;
    if let Some((prefix, rest)) = s.split_once(':')
        && let Some(f) = Field::from_prefix(prefix)
    {
        field = Some(f);
        s = rest;
    }
    let mut exact = token.quoted || field == Some(Field::Text);
    if let Some(rest) = s.strip_prefix('\'') {
        exact = true;
        s = rest;
    }
    let s = s.trim();
    if s.is_empty() {
        // "title:" or "!" while typing: nothing to match yet.
        return None;
    }
    Some(Term::new(field, s, exact, negated))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_language() {
        let q = Query::parse(
            "rust !java 'node.js loc:berlin text:kubernetes title:'staff \"tech lead\" mode:remote",
        );
        let t = &q.terms;
        assert_eq!(t.len(), 8);
        assert_eq!(t[0], Term::new(None, "rust", false, false));
        assert_eq!(t[1], Term::new(None, "java", false, true));
        assert_eq!(t[2], Term::new(None, "node.js", true, false));
        assert_eq!(
            t[3],
            Term::new(Some(Field::Location), "berlin", false, false)
        );
        assert_eq!(
            t[4],
            Term::new(Some(Field::Text), "kubernetes", true, false)
        );
        assert_eq!(t[5], Term::new(Some(Field::Title), "staff", true, false));
        assert_eq!(t[6], Term::new(None, "tech lead", true, false));
        assert_eq!(t[7], Term::new(Some(Field::Mode), "remote", false, false));
    }

    #[test]
    fn partial_input_is_harmless() {
        assert!(Query::parse("").is_empty());
        assert!(Query::parse("   ").is_empty());
        assert!(Query::parse("title:").is_empty());
        assert!(Query::parse("!").is_empty());
        assert!(Query::parse("!!").is_empty());
        assert_eq!(Query::parse("http://x").terms[0].text, "http://x");
        assert_eq!(
            Query::parse("\"unclosed").terms[0],
            Term::new(None, "unclosed", true, false)
        );
    }

    #[test]
    fn double_negation_cancels() {
        assert_eq!(Query::parse("!!java"), Query::parse("java"));
        assert_eq!(Query::parse("!!!java"), Query::parse("!java"));
        assert_eq!(Query::parse("!!mode:remote"), Query::parse("mode:remote"));
    }

    #[test]
    fn problems_are_named_as_typed() {
        assert_eq!(
            Query::problem("rust foo:bar").as_deref(),
            Some(
                "unknown field foo: — title company team loc skill mode type level text salary age from"
            )
        );
        assert_eq!(
            Query::problem("mode:xyz").as_deref(),
            Some("mode: remote, hybrid or onsite")
        );
        assert!(Query::problem("type:intern").is_none());
        assert!(
            Query::problem("type:zz")
                .unwrap()
                .starts_with("type: full-time")
        );
        assert!(
            Query::problem("!level:wizard")
                .unwrap()
                .starts_with("level: ")
        );
        for fine in [
            "",
            "rust",
            "title:",
            "mode:",
            "mode:rem",
            "http://x.org",
            "10:30",
            "c++:",
            "!",
            "\"a:b\"",
        ] {
            assert_eq!(Query::problem(fine), None, "{fine}");
        }
    }

    #[test]
    fn display_round_trips() {
        for q in [
            "rust !java 'node loc:berlin",
            "text:kubernetes \"tech lead\"",
            "text:''quoted \"'title:a b\" \"!a b\" \"a\tb\"",
            // A negated phrase that starts with its own `!` (found by the property test).
            "!\" ! a",
            "!'!a",
        ] {
            assert_eq!(Query::parse(&Query::parse(q).to_string()), Query::parse(q));
        }
    }

    #[test]
    fn narrowing() {
        let p = |s| Query::parse(s);
        assert!(p("sen").narrows(&p("se")));
        assert!(p("senior b").narrows(&p("senior")));
        assert!(p("senior").narrows(&p("")));
        assert!(!p("se").narrows(&p("sen")));
        assert!(!p("!jav").narrows(&p("!ja")));
        assert!(!p("mode:rem").narrows(&p("mode:re")));
        assert!(!p("other").narrows(&p("senior")));
    }
}
