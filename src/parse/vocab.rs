//! Vocabularies as data: the words postings use for field labels, work modes, contracts,
//! seniority, pay periods, section headings, role nouns, title wrappers and page furniture, one
//! file per language in `assets/vocab/lang/` (English, German, French, Spanish, Portuguese,
//! Italian, Dutch, Polish, Swedish, Danish, Norwegian, Estonian, Czech, Russian, Turkish, Persian, Vietnamese, Indonesian, Japanese, Korean,
//! Chinese…), plus the tables every language shares: currencies, countries, board furniture
//! (`assets/vocab/*.toml`). Embedded in the binary and compiled once, at first use.
//!
//! Adding a language is adding a file: every file of `assets/vocab/lang/` is read, and each
//! list is merged with the same list of the other languages. The shape of a language file is
//! documented in `assets/vocab/README.md`.
//!
//! Terms are matched case-insensitively. A term is a whole word unless it starts or ends with
//! `*` ("*entwickler" also matches "Softwareentwickler"); terms in scripts written without
//! spaces (Chinese, Japanese, Korean) match anywhere.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use include_dir::{Dir, include_dir};
use regex::{Regex, RegexSet};

use super::doc::Key;
pub use super::patterns::roomy_regex;
use super::patterns::{LazyRegex, candidate_set};
use crate::posting::{EmploymentType, Period, Seniority, WorkMode};

static LANGS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets/vocab/lang");
const CURRENCIES: &str = include_str!("../../assets/vocab/currencies.toml");
const COUNTRIES: &str = include_str!("../../assets/vocab/countries.toml");
const BOARDS: &str = include_str!("../../assets/vocab/boards.toml");

/// Lowercases `s` without changing any character's byte length (a character whose lowercase
/// has another length stays as it is), so that offsets found in the result hold in `s`.
pub fn fold(s: &str) -> String {
    // ASCII (most of a posting) lowercases byte by byte; `to_lowercase` is per character.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

/// A space other than the ASCII one: no-break, narrow no-break, figure, thin, ideographic…
fn wide_space(c: char) -> bool {
    !c.is_ascii() && c.is_whitespace()
}

/// `s` with every [`wide_space`] made an ASCII space, and for each byte offset of the result
/// (and its end) the offset in `s` it comes from.
fn plain_spaces(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut at = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        if wide_space(c) {
            out.push(' ');
            at.push(i);
        } else {
            out.push(c);
            at.extend((0..c.len_utf8()).map(|k| i + k));
        }
    }
    at.push(s.len());
    (out, at)
}

/// Whether a character belongs to a script written without spaces between words.
pub fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff   // Hiragana, Katakana
        | 0x3400..=0x4dbf // CJK extension A
        | 0x4e00..=0x9fff // CJK unified
        | 0xf900..=0xfaff // CJK compatibility
        | 0xac00..=0xd7af // Hangul syllables
        | 0x1100..=0x11ff // Hangul jamo
        | 0x3130..=0x318f // Hangul compatibility jamo
        | 0xff66..=0xff9f // half-width Katakana
        | 0x0e00..=0x0e7f // Thai
    )
}

/// A letter or digit of a script written with spaces: such characters glue words together.
fn wordish(c: char) -> bool {
    c.is_alphanumeric() && !unspaced(c)
}

/// A compiled list of terms, each carrying a value.
pub struct Terms<T: Copy> {
    matcher: Option<AhoCorasick>,
    /// Per pattern: the value, and whether the start / end may be glued to a word.
    meta: Vec<(T, bool, bool)>,
    /// Whole-string lookups (lowercased, trimmed).
    exact: HashMap<String, T>,
}

impl<T: Copy> Terms<T> {
    pub fn new(items: impl IntoIterator<Item = (String, T)>) -> Terms<T> {
        let mut patterns = Vec::new();
        let mut meta = Vec::new();
        let mut exact = HashMap::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        // A term written with an apostrophe is written with a typographic one as often
        // ("offre d’emploi", "l’azienda"): both spellings are the term.
        let items = items.into_iter().flat_map(|(term, value)| {
            let curly = term
                .contains('\'')
                .then(|| (term.replace('\'', "’"), value));
            std::iter::once((term, value)).chain(curly)
        });
        for (term, value) in items {
            let t = fold(term.trim());
            let open_start = t.starts_with('*');
            let open_end = t.ends_with('*') && t.len() > 1;
            let core = t.trim_matches('*').to_string();
            if core.is_empty() {
                continue;
            }
            // One pattern per core: "udvikler" and "*udvikler" together match a compound
            // ("juniorudvikler") as the open one would.
            if let Some(&i) = index.get(&core) {
                let m: &mut (T, bool, bool) = &mut meta[i];
                m.1 |= open_start;
                m.2 |= open_end;
                continue;
            }
            exact.entry(core.clone()).or_insert(value);
            index.insert(core.clone(), patterns.len());
            patterns.push(core);
            meta.push((value, open_start, open_end));
        }
        let matcher = (!patterns.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .expect("vocabulary terms compile")
        });
        Terms {
            matcher,
            meta,
            exact,
        }
    }

    /// Every term in `folded` (a text passed through [`fold`]), as (start, end, value),
    /// leftmost-longest, whole words unless the term is open on a side. A no-break or other
    /// Unicode space ("На\u{a0}месте работодателя", "5\u{202f}jours") is a space between a
    /// term's words; the offsets are in `folded`.
    pub fn find<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = (usize, usize, T)> + 'a {
        // A text with such spaces is searched as a copy with plain spaces, its offsets mapped
        // back; the common text is searched as it is.
        let spaced = folded.contains(wide_space);
        let mapped: Vec<(usize, usize, T)> = if spaced {
            let (plain, at) = plain_spaces(folded);
            self.find_plain(&plain)
                .map(|(s, e, v)| (at[s], at[e], v))
                .collect()
        } else {
            Vec::new()
        };
        (!spaced)
            .then(|| self.find_plain(folded))
            .into_iter()
            .flatten()
            .chain(mapped)
    }

    fn find_plain<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = (usize, usize, T)> + 'a {
        self.matcher
            .iter()
            .flat_map(move |m| m.find_iter(folded))
            .filter_map(move |m| {
                let (value, open_start, open_end) = self.meta[m.pattern().as_usize()];
                let (s, e) = (m.start(), m.end());
                let first = folded[s..].chars().next()?;
                let last = folded[..e].chars().next_back()?;
                let before = folded[..s].chars().next_back();
                let after = folded[e..].chars().next();
                let start_ok = open_start || !wordish(first) || !before.is_some_and(wordish);
                let end_ok = open_end || !wordish(last) || !after.is_some_and(wordish);
                (start_ok && end_ok).then_some((s, e, value))
            })
    }

    /// The value of the first term in `s` (any case).
    pub fn first_in(&self, s: &str) -> Option<T> {
        let f = fold(s);
        self.find(&f).next().map(|(_, _, v)| v)
    }

    /// Every value named in `s`, in order of appearance.
    pub fn all_in(&self, s: &str) -> Vec<(usize, usize, T)> {
        let f = fold(s);
        self.find(&f).collect()
    }

    /// The value when the whole of `s` (trimmed, any case, any kind of space) is a term.
    pub fn whole(&self, s: &str) -> Option<T> {
        let f = fold(s.trim());
        if f.contains(wide_space) {
            return self.exact.get(&plain_spaces(&f).0).copied();
        }
        self.exact.get(&f).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.meta.is_empty()
    }
}

/// A sentence pattern of a description that states a value, with its weight. Compiled at its
/// first use: the statements' set says which may match a text.
pub struct Statement<T> {
    pub re: LazyRegex,
    pub value: T,
    pub weight: i32,
    /// Words right before a match that make it no statement of the value ("at least 30
    /// hours per week" is no part-time job's hours), lowercased.
    pub not_after: Vec<String>,
    /// Words right after a match that make it no statement of the value ("full time or part
    /// time" offers both), lowercased.
    pub not_before: Vec<String>,
}

impl<T> Statement<T> {
    /// Where the statement is made in `text`: its matches, but those right after one of its
    /// `not_after` words.
    pub fn found<'t>(&self, text: &'t str) -> impl Iterator<Item = regex::Match<'t>> {
        self.re.find_iter(text).filter(move |m| {
            let voided_before = !self.not_after.is_empty() && {
                let b = text[..m.start()].trim_end();
                let b = b[b.floor_char_boundary(b.len().saturating_sub(40))..].to_lowercase();
                self.not_after.iter().any(|w| {
                    b.strip_suffix(w.as_str())
                        .is_some_and(|head| word_edge(head.chars().next_back()))
                })
            };
            let voided_after = !self.not_before.is_empty() && {
                let a = text[m.end()..].trim_start();
                let a = a[..a.floor_char_boundary(40)].to_lowercase();
                self.not_before.iter().any(|w| {
                    a.strip_prefix(w.as_str())
                        .is_some_and(|tail| word_edge(tail.chars().next()))
                })
            };
            !voided_before && !voided_after
        })
    }
}

/// Whether a character beside a word leaves it whole (none, or no letter or figure).
fn word_edge(c: Option<char>) -> bool {
    !c.is_some_and(char::is_alphanumeric)
}

/// A title wrapper: a pattern around a title that may also name the company, the place, the
/// work mode or the pay ("Acme recrute un·e {title}", "Vacature: {title}"). Compiled at its
/// first use: the wrappers' set says which may match a title.
pub struct Wrapper {
    pub re: LazyRegex,
}

/// The title wrappers of every language, in order, and all of them as one set: a title is
/// scanned once to find the few wrappers that may apply (see [`statement_set`]).
pub struct Wrappers {
    pub list: Vec<Wrapper>,
    pub set: RegexSet,
}

/// One country.
#[derive(Debug, Clone)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub name: String,
    pub currency: String,
}

/// Section kinds a heading may announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionWord {
    Role,
    Responsibilities,
    Requirements,
    Benefits,
    Compensation,
    Company,
    Legal,
    Apply,
    Elsewhere,
}

/// Kinds of words about pay around a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayWord {
    /// Says the figure is pay ("salary", "Gehalt", "年収").
    Pay,
    /// Says the figure is something else about the company (revenue, funding, a price).
    NotPay,
    /// Says the figure is another payment (bonus, stipend, allowance).
    OtherPay,
    /// Says the figure is base pay.
    Base,
    /// Says the figure is total or on-target pay.
    Total,
    /// A lower bound follows ("from", "ab", "à partir de").
    From,
    /// An upper bound follows ("up to", "bis zu", "jusqu'à").
    UpTo,
    /// A lower bound precedes ("or more", "以上").
    OrMore,
    /// An upper bound precedes ("まで").
    OrLess,
    /// Names the least a job may pay, a floor the pay stated goes up from ("the monthly
    /// minimum wage for the position is", "das kollektivvertragliche Mindestgehalt … beträgt").
    Floor,
    /// Gross / net words that may sit between a figure and its period.
    Gross,
    /// Names a pay scale's grade right before its number ("EG 11–12 TVöD", "Grade 7", "GS-13"):
    /// the number is a grade, no money.
    Grade,
}

/// What a label (a "Label: value" line's label, a JSON key, a CSV column) names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// A fact's key.
    Key(Key),
    /// The description body.
    Description,
    /// The lower / upper bound of the pay, as a number.
    SalaryMin,
    SalaryMax,
    /// The period of the pay figures.
    PayPeriod,
    /// A part of a place: the city, the region.
    City,
    Region,
    /// Where applicants of a remote job must live (Remotive's `candidate_required_location`,
    /// Himalayas' `locationRestrictions`): a place, and a sign the job is remote.
    RemoteRegion,
}

/// Everything the resolvers look words up in.
pub struct Vocab {
    /// Normalized label (letters and digits, lowercase) → what it names, and its rank in its
    /// list (the first synonyms listed are the usual names: "title" before "role").
    pub labels: HashMap<String, (Label, usize)>,
    pub work_mode: Terms<WorkMode>,
    /// Terms that say the job is not remote ("no remote", "kein Homeoffice").
    pub not_remote: Terms<()>,
    /// Mode words that say nothing on a line by themselves ("Office", "Flexible"): a menu's or
    /// a heading's, not the job's badge.
    pub mode_not_alone: Terms<()>,
    pub mode_statements: Vec<Statement<WorkMode>>,
    /// All of `mode_statements` at once, to find which occur in one pass per script.
    pub mode_statement_set: PatternSets,
    pub employment: Terms<EmploymentType>,
    pub employment_statements: Vec<Statement<EmploymentType>>,
    pub employment_statement_set: PatternSets,
    /// Words of a sentence about the candidate, not the job, whose contract words say nothing
    /// of the job's kind ("authorized to work … on a full-time basis").
    pub not_about_the_kind: Terms<()>,
    /// Words after an employment kind that offer it beside the job's own ("part time
    /// negotiable", "Interns considered", "Teilzeit möglich").
    pub kind_offered_as_option: Terms<()>,
    /// Words joining kinds offered side by side ("Full-time and part-time", "Vollzeit oder
    /// Teilzeit").
    pub kind_joins: Terms<()>,
    /// Words that name a permanent contract, not its hours ("CDI", "unbefristet"): read as
    /// full-time, but a label stating the hours says more.
    pub kind_permanent: Terms<()>,
    /// Keys of a site's template (`layout`, `class`), whose values say nothing of the posting.
    pub site_keys: Terms<()>,
    /// Keys of an interface's own words (`i18n`, `translations`), whose objects are no posting.
    pub ui_text_keys: Terms<()>,
    /// The bound words of every language ("mínimo", "hasta", "от", "a partir de"), as
    /// [`norm_label`] writes them, each with the bound it names.
    pub bound_words: HashMap<String, Label>,
    pub seniority: Terms<Seniority>,
    pub periods: Terms<Period>,
    /// Words after a figure that make it hours of work when a period follows ("18hrs/week").
    pub working_hours: Terms<()>,
    pub pay_words: Terms<PayWord>,
    pub sections: Terms<SectionWord>,
    /// Nouns that make a phrase a job title ("engineer", "*entwickler", "工程师").
    pub roles: Terms<()>,
    /// A role noun's declined forms (`[roles] cases`), lowercased → the noun as a title names
    /// it ("розробника" → "розробник").
    pub role_nominative: HashMap<String, Declined>,
    /// The nouns of those declined forms, lowercased, as a title names them ("розробник").
    pub declinable_roles: HashSet<String>,
    /// Words of a field of work ("backend", "data"): a short phrase of them reads as a role.
    pub domains: Terms<()>,
    /// Words of a line that leads into a list of the roles a post offers ("Open positions:",
    /// "Wir suchen:", "募集職種").
    pub openings: Terms<()>,
    /// Words that count the people hired after a figure ("(2 vacantes)", ": 5-10 người").
    pub headcount: Terms<()>,
    /// Words that mark the n-th of several positions a text offers ("Position #1", "Vaga 2").
    pub role_markers: Terms<()>,
    /// Multiplier words after a figure ("k", "万", "triệu"), lowercased → factor.
    pub multipliers: HashMap<String, f64>,
    /// Multiplier words only some currencies are counted in, folded → those currencies
    /// ("triệu" → VND, "万" → CNY, JPY, TWD …): a figure with one and no currency is in the
    /// country's money when it is one of them ("lên tới 25 triệu", "月薪 6-10 萬"), and a large
    /// one is pay, not a company's figure.
    pub local_multipliers: HashMap<String, Vec<String>>,
    /// Words of a pay key that name its currency and period on their own (`[pay.label_money]`:
    /// Italy's "ral" → EUR a year), folded.
    pub label_money: HashMap<String, (String, String)>,
    /// Words between two figures that make them one range ("to", "bis", "à", "～").
    pub range_words: Terms<()>,
    /// Words saying a figure is the pay of a later role ("on conversion", "转正").
    pub later_pay: Terms<()>,
    /// Words beside a pay figure saying a board estimated it ("Glassdoor est.").
    pub pay_estimate: Terms<()>,
    /// Patterns of sentences that name the role ("we're looking for a {title}"), and whether
    /// their language puts a role's qualifiers after its noun ("développeur web back"). Each
    /// compiled at its first use.
    pub hiring: Vec<(LazyRegex, bool)>,
    /// All of `hiring` at once, to find which may occur in one pass.
    pub hiring_set: PatternSets,
    /// Patterns of sentences that name two roles together ("we're hiring one product manager
    /// and one software engineer"), each with the groups `a` and `b`.
    pub hiring_pairs: Vec<LazyRegex>,
    /// Patterns of sentences that name another role in passing ("we're also hiring an applied
    /// AI engineer"), each with the group `a`.
    pub also_hiring: Vec<LazyRegex>,
    pub title_wrappers: Wrappers,
    /// Words in front of a title that are not part of it ("Vacature:", "Stellenausschreibung").
    pub title_prefixes: Terms<()>,
    /// Words that start with a title prefix and are words of their own ("招商", investment
    /// promotion, starts with "招", hiring): a title that opens with one keeps it.
    pub prefixed_words: Terms<()>,
    /// Short words joining a title prefix to the title, taken off with it ("Hiring a …").
    pub prefix_joins: Terms<()>,
    /// Indefinite articles a title cut from a sentence may start with ("a Software Engineer").
    pub title_articles: Terms<()>,
    /// Words after a title that name the posting, not the job ("job opening", "position").
    pub title_suffixes: Terms<()>,
    /// A posting's state written after its title ("(CLOSED)", "(PAUSADA)").
    pub title_statuses: Terms<()>,
    /// Words that make a line a sentence, not a role's name ("is", "are", "you're": `[roles]
    /// sentence_words`): "FutureAdvisor is an automated investment manager".
    pub sentence_words: Terms<()>,
    /// Words that mark a line as a page's furniture, not the posting.
    pub furniture_lines: Terms<()>,
    /// Buttons whose words a page's text reader may glue before a job's title ("Save Software
    /// Engineer at Wiraa").
    pub buttons: Terms<()>,
    /// What a social network writes after a post's age ("2d • Edited": `[furniture] post_marks`).
    pub post_marks: Terms<()>,
    /// A job board channel's tags that make a post its author's offer of work ("[For Hire]",
    /// `[furniture] offers_work`), and words that say a post is hiring (`hiring_words`).
    pub offers_work: Terms<()>,
    pub hiring_words: Terms<()>,
    /// Headings of a README or a tool's documentation ("API", "Output"): never an employer.
    pub readme_headings: Terms<()>,
    /// The line a browser writes above an XML document it shows without a style sheet
    /// (`[furniture] viewer_notes`).
    pub viewer_notes: Terms<()>,
    /// The furniture patterns as one alternation (a line matches it when it matches any), so a
    /// line is scanned once, not once per pattern.
    pub furniture_patterns: Regex,
    /// Page titles that are never a job's title ("Ask HN: Who is hiring? (October 2026)").
    pub page_titles: Regex,
    /// Currency symbols and codes → ISO 4217 code ("" for an ambiguous "$" or "kr").
    pub currencies: HashMap<String, String>,
    /// Symbols whose currency depends on the country ("$", "kr", "¥").
    pub ambiguous_symbols: HashMap<String, Vec<String>>,
    pub countries: Vec<Country>,
    /// Lowercased ISO-2, ISO-3 codes and names (in every language listed) → index in `countries`.
    pub country_names: HashMap<String, usize>,
    /// Every country name as the table spells it (no codes).
    pub country_spellings: Vec<String>,
    /// Words of places that mean anywhere ("worldwide", "anywhere", "global").
    pub anywhere: Terms<()>,
    /// Phrases after which a sentence names where the work is ("based in", "basé à", "con
    /// sede en").
    pub workplace: Terms<()>,
    /// Words before a workplace phrase that make it the employer's seat ("a company based in").
    pub employer_seat: Terms<()>,
    /// Words joining two places of a list ("Hamburg oder Berlin", "Kota Surabaya dan Palu"),
    /// each as written and in capitals, with a space on each side, the longest first.
    pub place_joins: Vec<String>,
    /// Words after a place that restrict the job to it ("USA only with optional offsites",
    /// "EU only"): the place before them is the place, what follows a remark.
    pub place_only: Terms<()>,
    /// A place name's case endings and what its own form ends with instead ("Ярославле" →
    /// "Ярославль": `("е", "ь")`), the longest ending first.
    pub place_inflections: Vec<(String, String)>,
    /// Han characters written only in Traditional Chinese ("們", "萬", "資") and only in
    /// Simplified ("们", "万", "资"): the script of a Chinese text hints at its country.
    pub traditional_han: HashSet<char>,
    pub simplified_han: HashSet<char>,
    /// Legal forms written after a company's name ("GmbH", "Ltd", "有限公司").
    pub legal_suffixes: Vec<String>,
    /// Legal forms written before it ("PT", "株式会社", "Công ty").
    pub legal_prefixes: Vec<String>,
    /// Legal prefixes that only mean "company" ("Công ty VNPT EPAY"): not part of the name
    /// unless a legal form follows them ("Công ty TNHH …").
    pub generic_prefixes: Vec<String>,
    /// Nouns that start an organization's name ("Universität", "Department of").
    pub org_nouns: Vec<String>,
    /// Keys of a record's object that hold its name, in other languages than English ("nom",
    /// "libelle"), compared as labels are (`[records] name_keys`).
    pub name_keys: HashSet<String>,
    /// Keys of a record from an API that states pay as yearly amounts whatever it pays
    /// (Adzuna's `salary_is_predicted`), compared as labels are (`boards.toml` `[records]`).
    pub yearly_pay_keys: HashSet<String>,
    /// Keys of a list of jobs (Workday's `jobPostings`): its titled items are jobs
    /// (`boards.toml` `[records]`).
    pub job_list_keys: HashSet<String>,
    /// Keys whose value is the posting's place when it names a place the gazetteer knows, and
    /// no place otherwise (hh.ru's `area`, which elsewhere may be a field of work), compared as
    /// labels are (`boards.toml` `[records]`).
    pub place_keys: HashSet<String>,
    /// Keys naming where the employer is (`[records] seat_keys`): the posting's place when
    /// its record names none of its own.
    pub seat_keys: HashSet<String>,
    /// Words a record's keys put before a label to say it is the job's (`[records]
    /// posting_words`: "work" in `workTitle`, "vacancy" in `vacancy_city`).
    pub posting_words: HashSet<String>,
    /// Language codes a key may end with (`[records] language_suffixes`: `title_en`,
    /// `descriptionFr`).
    pub language_suffixes: HashSet<String>,
    /// Keys of coordinates (`[records] coordinate_keys`: "lat", "lon"), which name no field
    /// when spelt in plain ASCII.
    pub coordinate_keys: HashSet<String>,
    /// Words that start sentences or name generic things, never a company, as a name's first
    /// word ("We", "Our", "Vi", "Wir").
    pub not_names: std::collections::HashSet<String>,
    /// Words after an organization's name that say what the page is about ("Recruitment"),
    /// lowercased (`[company] name_tails`).
    pub name_tails: HashSet<String>,
    /// Lowercased words a careers page's own heading writes on the other side of a bar or dash
    /// from its employer's name ("Careers | Acme", "Acme – Vacatures"; `[company] page_heads`).
    pub page_heads: HashSet<String>,
    /// Articles and prepositions written before a name that are not part of it ("Die
    /// LanguageTooler GmbH", "Chez Acme").
    pub name_articles: std::collections::HashSet<String>,
    /// Lowercased words standing where an employer's name would ("confidential", "private
    /// client", "unser Kunde").
    pub company_placeholders: HashSet<String>,
    /// Lowercased labels that name the employer behind a recruiter ("client", "uppdragsgivare").
    pub client_labels: HashSet<String>,
    /// Words after an employer's name that start the name of one of its parts ("DIS AG
    /// Geschäftsbereich Finance", "Acme Inc. Division Retail"), as written.
    pub company_divisions: Vec<String>,
    /// Words between an employer's name and whoever passed the job on (`[company] relays`).
    pub company_relays: Vec<String>,
    /// Lowercased first words that make a line a greeting or a sentence, not a name ("hi", "we're").
    pub placeholder_openers: HashSet<String>,
    /// The phrases that name the employer ([`EmployerPhrases`]).
    pub employer: EmployerPhrases,
}

/// The phrases of every language that name the employer next to them (the languages'
/// `[company]` at, lead_ins, about and hires).
#[derive(Debug, Default)]
pub struct EmployerPhrases {
    /// Before a name and a comma: "Bei Acme, …", "Chez Acme, …".
    pub at: Vec<String>,
    /// Before a name: "Join Acme", "Welcome to Acme", "Välkommen till Variant".
    pub lead_ins: Vec<String>,
    /// Before a name on a line of its own: "About Acme", "Om Variant".
    pub about: Vec<String>,
    /// After a name that starts a sentence: "Acme recrute", "Acme sucht".
    pub hires: Vec<String>,
}

fn list(v: Option<&toml::Value>) -> Vec<String> {
    v.and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect()
}

/// Every language's `[places] inflections` (pairs of an ending and its replacement), the
/// longest ending first, else in the order written.
fn inflections_of(lang_tables: &[(String, toml::Table)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = lang_tables
        .iter()
        .filter_map(|(_, t)| table(t, "places")?.get("inflections")?.as_array())
        .flatten()
        .filter_map(|pair| {
            let pair = pair.as_array()?;
            match pair.as_slice() {
                [a, b] => Some((a.as_str()?.to_string(), b.as_str()?.to_string())),
                _ => None,
            }
        })
        .filter(|(ending, _)| !ending.is_empty())
        .collect();
    out.sort_by_key(|(ending, _)| std::cmp::Reverse(ending.chars().count()));
    out
}

fn table<'a>(v: &'a toml::Table, key: &str) -> Option<&'a toml::Table> {
    v.get(key).and_then(toml::Value::as_table)
}

/// The words of a key or an attribute, lowercased: split at anything not a letter or digit and
/// between a lowercase letter and a capital ("offerTitle" → "offer", "title"; "Sueldo_Mínimo"
/// → "sueldo", "mínimo").
pub fn key_words(attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in attr.chars() {
        if (!c.is_alphanumeric() || (c.is_uppercase() && prev_lower)) && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase();
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// "Job Title" → "jobtitle", "Lieu de travail" → "lieudetravail", "勤務地" → "勤務地".
pub fn norm_label(s: &str) -> String {
    // Lowercase first: "İ" lowercases to "i" and a combining dot, which goes with the marks.
    // A Latin letter's accents go too, as keys written in ASCII drop them ("intitule" for
    // "intitulé", "lieu_travail").
    s.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .map(|c| {
            // Turkish dotless "ı" has no base letter; keys written in ASCII give "i"
            // ("baslik" for "başlık").
            if c == 'ı' {
                return 'i';
            }
            let mut base = None;
            unicode_normalization::char::decompose_canonical(c, |d| {
                base.get_or_insert(d);
            });
            base.filter(|b| b.is_ascii_alphabetic() && !c.is_ascii())
                .unwrap_or(c)
        })
        .collect()
}

const LABEL_KEYS: &[(&str, Label)] = &[
    ("title", Label::Key(Key::Title)),
    ("company", Label::Key(Key::Company)),
    ("team", Label::Key(Key::Team)),
    ("location", Label::Key(Key::Location)),
    ("country", Label::Key(Key::Country)),
    ("work_mode", Label::Key(Key::WorkMode)),
    ("remote_flag", Label::Key(Key::RemoteFlag)),
    ("hybrid_flag", Label::Key(Key::HybridFlag)),
    ("employment_type", Label::Key(Key::EmploymentType)),
    ("seniority", Label::Key(Key::Seniority)),
    ("experience", Label::Key(Key::Experience)),
    ("salary", Label::Key(Key::Salary)),
    ("salary_estimate", Label::Key(Key::SalaryEstimate)),
    ("currency", Label::Key(Key::Currency)),
    ("posted", Label::Key(Key::Posted)),
    ("url", Label::Key(Key::Url)),
    ("contact", Label::Key(Key::Contact)),
    ("skills", Label::Key(Key::Skill)),
    ("benefits", Label::Key(Key::Benefit)),
    ("description", Label::Description),
    ("salary_min", Label::SalaryMin),
    ("salary_max", Label::SalaryMax),
    ("pay_period", Label::PayPeriod),
    ("city", Label::City),
    ("region", Label::Region),
    ("remote_region", Label::RemoteRegion),
];

fn statements<T: Copy>(
    t: Option<&toml::Value>,
    value_of: impl Fn(&str) -> Option<T>,
    file: &str,
) -> Vec<Statement<T>> {
    let mut out = Vec::new();
    for s in t.and_then(toml::Value::as_array).into_iter().flatten() {
        let get = |k: &str| s.get(k).and_then(toml::Value::as_str);
        let (Some(pattern), Some(v)) = (get("pattern"), get("value").and_then(&value_of)) else {
            panic!("{file}: a statement needs a pattern and a known value: {s:?}");
        };
        let weight = s
            .get("weight")
            .and_then(toml::Value::as_integer)
            .unwrap_or(3) as i32;
        let words = |k: &str| {
            s.get(k)
                .and_then(toml::Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(toml::Value::as_str)
                .map(str::to_lowercase)
                .collect()
        };
        out.push(Statement {
            re: LazyRegex::new(format!("(?i){pattern}")),
            value: v,
            weight,
            not_after: words("not_after"),
            not_before: words("not_before"),
        });
    }
    out
}

fn terms_of<T: Copy>(
    lang_tables: &[(String, toml::Table)],
    section: &str,
    names: &[(&str, T)],
) -> Terms<T> {
    let mut items = Vec::new();
    for (_, t) in lang_tables {
        let Some(sec) = table(t, section) else {
            continue;
        };
        for (name, value) in names {
            for term in list(sec.get(*name)) {
                items.push((term, *value));
            }
        }
    }
    Terms::new(items)
}

/// The role nouns of every language, each also with its language's plural endings
/// (`[roles] plurals = ["s"]`: "engineer" → "engineers", "développeur" → "développeurs"), but
/// for the nouns whose plural is mostly something else (`singular_only`: "agents", "leads").
///
/// Languages that decline their nouns also list, in `[roles] cases`, the endings a noun takes
/// after "we seek" or "invites" (`["", "а"]`: "разработчик" → "разработчика"; `["ець", "ця"]`:
/// "фахівець" → "фахівця"): each such form is a role noun too, and is returned with the noun
/// it declines, so that a title can be given as its role is named.
fn roles_of(lang_tables: &[(String, toml::Table)]) -> (Terms<()>, HashMap<String, Declined>) {
    let mut items = Vec::new();
    // (language, declined form, noun): a form another language lists as a noun of its own
    // ("analista") is that language's noun, not a declined one.
    let mut declined_forms: Vec<(&str, String, Declined)> = Vec::new();
    let mut listed: HashMap<String, Vec<&str>> = HashMap::new();
    for (lang, t) in lang_tables {
        let Some(sec) = table(t, "roles") else {
            continue;
        };
        let plurals = list(sec.get("plurals"));
        let singular_only = list(sec.get("singular_only"));
        let cases = endings(sec.get("cases"));
        let adjectives: Arc<[(String, String)]> = endings(sec.get("adjective_cases")).into();
        let adjectives_after = sec
            .get("adjectives_after")
            .and_then(toml::Value::as_bool)
            .unwrap_or(false);
        // Forms the cases would give that are words of their own ("informatyka": computing).
        let not_declined = list(sec.get("not_declined"));
        let nouns = list(sec.get("nouns"));
        for noun in &nouns {
            if noun.ends_with(char::is_alphabetic) && !singular_only.contains(noun) {
                items.extend(plurals.iter().map(|p| (format!("{noun}{p}"), ())));
            }
            for (from, to) in &cases {
                let Some(stem) = noun.strip_suffix(from.as_str()) else {
                    continue;
                };
                let declined = format!("{stem}{to}");
                if not_declined.contains(&declined) {
                    continue;
                }
                if stem.ends_with(char::is_alphabetic) && !nouns.contains(&declined) {
                    items.push((declined.clone(), ()));
                }
                if let Some(bare) = declined.rsplit('-').next()
                    && !bare.starts_with('*')
                    && stem.chars().count() >= 2
                {
                    let base = noun.rsplit('-').next().unwrap_or(noun);
                    declined_forms.push((
                        lang.as_str(),
                        bare.to_lowercase(),
                        Declined {
                            noun: base.to_string(),
                            adjectives: Arc::clone(&adjectives),
                            adjectives_after,
                        },
                    ));
                }
            }
            listed
                .entry(noun.to_lowercase())
                .or_default()
                .push(lang.as_str());
            items.push((noun.clone(), ()));
        }
    }
    let nominative = declined_forms
        .into_iter()
        .filter(|(lang, form, _)| {
            listed
                .get(form)
                .is_none_or(|langs| langs.iter().all(|l| l == lang))
        })
        .map(|(_, form, noun)| (form, noun))
        .collect();
    (Terms::new(items), nominative)
}

/// A role noun's declined form: the noun, and the endings its language's adjectives take in
/// that case (`[roles] adjective_cases`: "старшего" → "старший" beside "разработчика").
#[derive(Debug, Clone)]
pub struct Declined {
    pub noun: String,
    pub adjectives: Arc<[(String, String)]>,
    /// Whether an adjective after the noun agrees with it too (`[roles] adjectives_after`:
    /// Polish "pracownika biurowego"); else only one before it ("старшего разработчика").
    pub adjectives_after: bool,
}

/// Pairs of endings, [nominative, declined] (`[roles] cases = [["", "а"], ["ець", "ця"]]`).
fn endings(v: Option<&toml::Value>) -> Vec<(String, String)> {
    v.and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|pair| {
            let pair = pair.as_array()?;
            Some((
                pair.first()?.as_str()?.to_string(),
                pair.get(1)?.as_str()?.to_string(),
            ))
        })
        .collect()
}

/// The names a language file gives each work mode, contract, level, period, pay word and
/// section kind (`[work_mode] remote = [...]`, `[pay] from = [...]`).
const MODES: &[(&str, WorkMode)] = &[
    ("remote", WorkMode::Remote),
    ("hybrid", WorkMode::Hybrid),
    ("onsite", WorkMode::Onsite),
];
const KINDS: &[(&str, EmploymentType)] = &[
    ("full_time", EmploymentType::FullTime),
    ("part_time", EmploymentType::PartTime),
    ("contract", EmploymentType::Contract),
    ("internship", EmploymentType::Internship),
    ("temporary", EmploymentType::Temporary),
];
const LEVELS: &[(&str, Seniority)] = &[
    ("intern", Seniority::Intern),
    ("junior", Seniority::Junior),
    ("mid", Seniority::Mid),
    ("senior", Seniority::Senior),
    ("staff", Seniority::Staff),
    ("principal", Seniority::Principal),
    ("lead", Seniority::Lead),
    ("manager", Seniority::Manager),
    ("director", Seniority::Director),
    ("executive", Seniority::Executive),
];
const PERIODS: &[(&str, Period)] = &[
    ("year", Period::Year),
    ("month", Period::Month),
    ("week", Period::Week),
    ("day", Period::Day),
    ("hour", Period::Hour),
];
const PAY_WORDS: &[(&str, PayWord)] = &[
    ("words", PayWord::Pay),
    ("not_pay", PayWord::NotPay),
    ("other_pay", PayWord::OtherPay),
    ("base", PayWord::Base),
    ("total", PayWord::Total),
    ("from", PayWord::From),
    ("up_to", PayWord::UpTo),
    ("or_more", PayWord::OrMore),
    ("or_less", PayWord::OrLess),
    ("floor", PayWord::Floor),
    ("gross", PayWord::Gross),
    ("grades", PayWord::Grade),
];
const SECTION_WORDS: &[(&str, SectionWord)] = &[
    ("role", SectionWord::Role),
    ("responsibilities", SectionWord::Responsibilities),
    ("requirements", SectionWord::Requirements),
    ("benefits", SectionWord::Benefits),
    ("compensation", SectionWord::Compensation),
    ("company", SectionWord::Company),
    ("legal", SectionWord::Legal),
    ("apply", SectionWord::Apply),
    ("elsewhere", SectionWord::Elsewhere),
];

/// The language files, by file name.
type Langs = [(String, toml::Table)];

/// Every language file of `assets/vocab/lang/`, sorted by name.
fn read_langs() -> Vec<(String, toml::Table)> {
    let mut langs: Vec<(String, toml::Table)> = Vec::new();
    for f in LANGS.files() {
        let name = f.path().display().to_string();
        if !name.ends_with(".toml") {
            continue;
        }
        let text = f
            .contents_utf8()
            .unwrap_or_else(|| panic!("{name}: not UTF-8"));
        let t: toml::Table = toml::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        langs.push((name, t));
    }
    langs.sort_by(|a, b| a.0.cmp(&b.0));
    langs
}

/// Every label of every language, normalized, with what it names and its rank in its list.
fn labels_of(langs: &Langs) -> HashMap<String, (Label, usize)> {
    let mut labels = HashMap::new();
    // A label without its small words, as keys write it ("tipo_trabajo", "type_contrat",
    // "lugar_trabajo"), names the same, after every label written out.
    let mut short = Vec::new();
    for (_, t) in langs {
        if let Some(l) = table(t, "labels") {
            let connectives = list(l.get("connectives"));
            for (name, key) in LABEL_KEYS {
                for (rank, term) in list(l.get(*name)).into_iter().enumerate() {
                    labels.entry(norm_label(&term)).or_insert((*key, rank));
                    let words: Vec<&str> = term.split_whitespace().collect();
                    let kept: Vec<&str> = words
                        .iter()
                        .copied()
                        .filter(|w| !connectives.iter().any(|c| c == w))
                        .collect();
                    if kept.len() >= 2 && kept.len() < words.len() {
                        short.push((norm_label(&kept.join(" ")), (*key, rank)));
                    }
                }
            }
        }
    }
    for (k, v) in short {
        labels.entry(k).or_insert(v);
    }
    labels
}

/// The bound words of every language (`[labels] bound_min`, `bound_max`), as [`norm_label`]
/// writes them.
fn bound_words_of(langs: &Langs) -> HashMap<String, Label> {
    let mut out = HashMap::new();
    for (_, t) in langs {
        if let Some(l) = table(t, "labels") {
            for (name, bound) in [
                ("bound_min", Label::SalaryMin),
                ("bound_max", Label::SalaryMax),
            ] {
                for w in list(l.get(name)) {
                    out.entry(norm_label(&w)).or_insert(bound);
                }
            }
        }
    }
    out
}

/// The `statement` patterns of `section` in every language.
fn statements_of<T: Copy>(
    langs: &Langs,
    section: &str,
    value_of: impl Fn(&str) -> Option<T>,
) -> Vec<Statement<T>> {
    let mut out = Vec::new();
    for (file, t) in langs {
        if let Some(s) = table(t, section) {
            out.extend(statements(s.get("statement"), &value_of, file));
        }
    }
    out
}

/// Every pattern listed as `key` in `section`, per file of `files`, in order, to compile at
/// its first use (the test `every_pattern_compiles` compiles them all).
fn patterns_of<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a toml::Table)>,
    section: &str,
    key: &str,
) -> Vec<LazyRegex> {
    let mut out = Vec::new();
    for (_, t) in files {
        if let Some(s) = table(t, section) {
            out.extend(list(s.get(key)).into_iter().map(LazyRegex::roomy));
        }
    }
    out
}

/// The sentences that name the role, with whether their language puts qualifiers after nouns.
fn hiring_of(langs: &Langs) -> Vec<(LazyRegex, bool)> {
    let mut hiring = Vec::new();
    for (_, t) in langs {
        if let Some(r) = table(t, "roles") {
            let noun_first = r
                .get("noun_first")
                .and_then(toml::Value::as_bool)
                .unwrap_or(false);
            hiring.extend(
                list(r.get("hiring"))
                    .into_iter()
                    .map(|p| (LazyRegex::roomy(p), noun_first)),
            );
        }
    }
    hiring
}

/// The title wrappers of every language; each must have a `title` group, or a `company` and a
/// `rest` one (a headline naming its employer and maybe no role).
fn wrappers_of(langs: &Langs) -> Wrappers {
    let mut wrappers = Vec::new();
    for (file, t) in langs {
        for re in patterns_of([(file.as_str(), t)], "roles", "wrappers") {
            let has = |g: &str| re.group_names().iter().any(|n| n == g);
            assert!(
                has("title") || (has("company") && has("rest")),
                "{file}: a title wrapper needs a (?P<title>…) group, or (?P<company>…) and (?P<rest>…): {}",
                re.as_str()
            );
            wrappers.push(Wrapper { re });
        }
    }
    Wrappers {
        set: candidate_set(wrappers.iter().map(|w| w.re.as_str())),
        list: wrappers,
    }
}

/// The languages' files and the boards table, as (name, table).
fn with_boards<'a>(
    langs: &'a Langs,
    boards: &'a toml::Table,
) -> impl Iterator<Item = (&'a str, &'a toml::Table)> {
    langs
        .iter()
        .map(|(n, t)| (n.as_str(), t))
        .chain([("boards.toml", boards)])
}

/// Lines that are a page's furniture, in every language and on the boards.
fn furniture_lines_of(langs: &Langs, boards: &toml::Table, key: &str) -> Terms<()> {
    let mut items: Vec<(String, ())> = Vec::new();
    for (_, t) in with_boards(langs, boards) {
        if let Some(f) = table(t, "furniture") {
            items.extend(list(f.get(key)).into_iter().map(|l| (l, ())));
        }
    }
    Terms::new(items)
}

/// The furniture patterns of every language and of the boards as one alternation.
fn furniture_patterns_of(langs: &Langs, boards: &toml::Table, key: &str) -> Regex {
    let patterns = patterns_of(with_boards(langs, boards), "furniture", key);
    Regex::new(&if patterns.is_empty() {
        r"[^\s\S]".to_string() // matches nothing
    } else {
        patterns
            .iter()
            .map(|r| format!("(?:{})", r.as_str()))
            .collect::<Vec<_>>()
            .join("|")
    })
    .expect("the furniture patterns compile together")
}

/// Multiplier words after a figure, folded → factor (the first language to list one wins).
fn multipliers_of(langs: &Langs) -> HashMap<String, f64> {
    let mut multipliers = HashMap::new();
    for (_, t) in langs {
        if let Some(m) = table(t, "pay").and_then(|p| table(p, "multipliers")) {
            for (word, v) in m {
                let factor = v
                    .as_integer()
                    .map(|i| i as f64)
                    .or_else(|| v.as_float())
                    .unwrap_or_else(|| panic!("multiplier {word}: not a number"));
                multipliers.entry(fold(word)).or_insert(factor);
            }
        }
    }
    multipliers
}

/// Every language's `[pay.label_money]`: a pay key's word → its currency and period.
fn label_money_of(langs: &Langs) -> HashMap<String, (String, String)> {
    let mut out = HashMap::new();
    for (_, t) in langs {
        if let Some(m) = table(t, "pay").and_then(|p| table(p, "label_money")) {
            for (word, v) in m {
                if let [currency, period] = list(Some(v)).as_slice() {
                    out.insert(fold(word), (currency.clone(), period.clone()));
                }
            }
        }
    }
    out
}

/// Multiplier words only some currencies are counted in, folded → those currencies (every
/// language's together: "万" is Chinese and Japanese).
fn local_multipliers_of(langs: &Langs) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (_, t) in langs {
        if let Some(m) = table(t, "pay").and_then(|p| table(p, "local_multipliers")) {
            for (word, v) in m {
                let codes = out.entry(fold(word)).or_default();
                for c in list(Some(v)) {
                    if !codes.contains(&c) {
                        codes.push(c);
                    }
                }
            }
        }
    }
    out
}

/// The `[company]` list `key` of every language, longest first, without repeats.
fn company_words(langs: &Langs, key: &str) -> Vec<String> {
    let mut words = Vec::new();
    for (_, t) in langs {
        if let Some(c) = table(t, "company") {
            words.extend(list(c.get(key)));
        }
    }
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    words
}

/// Every language's `[places] joins`, each as written and in capitals, with a space on each
/// side (" oder "), the longest first.
fn place_joins_of(langs: &Langs) -> Vec<String> {
    let mut words: Vec<String> = langs
        .iter()
        .filter_map(|(_, t)| table(t, "places"))
        .flat_map(|p| list(p.get("joins")))
        .flat_map(|w| [format!(" {} ", w.to_uppercase()), format!(" {w} ")])
        .collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    words
}

/// The keys naming a record's object, of every language, as labels are compared.
fn name_keys_of(langs: &Langs) -> HashSet<String> {
    langs
        .iter()
        .filter_map(|(_, t)| table(t, "records"))
        .flat_map(|r| list(r.get("name_keys")))
        .map(|k| norm_label(&k))
        .collect()
}

/// The keys listed under `boards.toml` `[records]` `key`, compared as labels are.
fn record_keys(boards: &toml::Table, key: &str) -> HashSet<String> {
    table(boards, "records")
        .map(|r| list(r.get(key)))
        .unwrap_or_default()
        .iter()
        .map(|k| norm_label(k))
        .collect()
}

/// The words, lowercased, as a set.
fn lowercase(words: Vec<String>) -> HashSet<String> {
    words.into_iter().map(|w| w.to_lowercase()).collect()
}

/// The characters listed under `[script]` `key` in any language.
fn script_chars(langs: &Langs, key: &str) -> HashSet<char> {
    langs
        .iter()
        .filter_map(|(_, t)| table(t, "script"))
        .flat_map(|c| list(c.get(key)))
        .flat_map(|s| s.chars().collect::<Vec<_>>())
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The currency table: symbols and codes → ISO code, and the ambiguous symbols' candidates.
type CurrencyTables = (HashMap<String, String>, HashMap<String, Vec<String>>);

fn currency_tables() -> CurrencyTables {
    let cur: toml::Table = toml::from_str(CURRENCIES).expect("assets/vocab/currencies.toml");
    let mut currencies = HashMap::new();
    for (code, v) in table(&cur, "codes").into_iter().flatten() {
        currencies.insert(code.to_lowercase(), code.to_uppercase());
        for s in list(Some(v)) {
            currencies.insert(fold(&s), code.to_uppercase());
        }
    }
    let mut ambiguous_symbols = HashMap::new();
    for (sym, v) in table(&cur, "ambiguous").into_iter().flatten() {
        ambiguous_symbols.insert(fold(sym), list(Some(v)));
    }
    (currencies, ambiguous_symbols)
}

/// The country table: the countries, their codes and names → index, and every spelling.
struct CountryTables {
    countries: Vec<Country>,
    names: HashMap<String, usize>,
    spellings: Vec<String>,
}

fn country_tables() -> CountryTables {
    let ctab: toml::Table = toml::from_str(COUNTRIES).expect("assets/vocab/countries.toml");
    let mut out = CountryTables {
        countries: Vec::new(),
        names: HashMap::new(),
        spellings: Vec::new(),
    };
    for c in ctab
        .get("country")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
    {
        let get = |k: &str| {
            c.get(k)
                .and_then(toml::Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let country = Country {
            iso2: get("iso2"),
            iso3: get("iso3"),
            name: get("name"),
            currency: get("currency"),
        };
        let i = out.countries.len();
        for n in [&country.iso2, &country.iso3, &country.name] {
            if !n.is_empty() {
                out.names.entry(n.to_lowercase()).or_insert(i);
            }
        }
        out.spellings.push(country.name.clone());
        for n in list(c.get("names")) {
            out.names.entry(n.to_lowercase()).or_insert(i);
            out.spellings.push(n);
        }
        out.countries.push(country);
    }
    out
}

/// All of `statements` as sets by script, to find which occur in one pass per script (see
/// [`candidate_set`]).
fn statement_set<T>(statements: &[Statement<T>]) -> PatternSets {
    let patterns: Vec<&str> = statements.iter().map(|s| s.re.as_str()).collect();
    PatternSets::new(&patterns)
}

/// The patterns of every language (statements, hiring sentences) as sets grouped by the script
/// their words are written in, to find which occur in a text in one pass per script the text
/// holds: a Latin text is not scanned for Greek, Thai or Hebrew patterns (thirty languages'
/// patterns in one set overflow the lazy DFA's cache and fall back to the slow search).
pub struct PatternSets {
    /// (script, the set, each pattern's index among the statements).
    groups: Vec<(u8, RegexSet, Vec<usize>)>,
}

impl PatternSets {
    fn new(patterns: &[&str]) -> PatternSets {
        let mut by_script: Vec<(u8, Vec<usize>)> = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            let s = p
                .chars()
                .map(script_of)
                .find(|&s| s != LATIN)
                .unwrap_or(LATIN);
            match by_script
                .iter_mut()
                .find(|g| g.0 == s && g.1.len() < STATEMENTS_PER_SET)
            {
                Some(g) => g.1.push(i),
                None => by_script.push((s, vec![i])),
            }
        }
        let groups = by_script
            .into_iter()
            .map(|(s, idx)| (s, candidate_set(idx.iter().map(|&i| patterns[i])), idx))
            .collect();
        PatternSets { groups }
    }

    /// The indices of the statements that may occur in `text`, in order.
    pub fn matching(&self, text: &str) -> Vec<usize> {
        let mut present = 1u16 << LATIN;
        for c in text.chars().filter(|c| !c.is_ascii()) {
            present |= 1 << script_of(c);
        }
        let mut out: Vec<usize> = Vec::new();
        for (s, set, idx) in &self.groups {
            if present & (1 << s) != 0 {
                out.extend(set.matches(text).iter().map(|i| idx[i]));
            }
        }
        out.sort_unstable();
        out
    }

    /// How many statements the sets hold.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.2.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

const LATIN: u8 = 0;

/// The most statements in one set: a larger one's lazy DFA outgrows its cache on long texts.
const STATEMENTS_PER_SET: usize = 48;

/// The script a character is written in, as the statement sets group them: Latin (and
/// anything else), Cyrillic, Greek, Hebrew, Arabic, Devanagari, Thai, or Chinese, Japanese and
/// Korean.
fn script_of(c: char) -> u8 {
    match c as u32 {
        0x0400..=0x052f => 1,
        0x0370..=0x03ff | 0x1f00..=0x1fff => 2,
        0x0590..=0x05ff => 3,
        0x0600..=0x06ff | 0x0750..=0x077f => 4,
        0x0900..=0x097f => 5,
        0x0e00..=0x0e7f => 6,
        _ if unspaced(c) => 7,
        _ => LATIN,
    }
}

impl Vocab {
    /// Builds the vocabularies afresh, as [`vocab`] does once (the benchmark of a cold start
    /// calls it).
    pub fn load() -> Vocab {
        let langs = read_langs();
        let boards: toml::Table = toml::from_str(BOARDS).expect("assets/vocab/boards.toml");
        let mode_statements = statements_of(&langs, "work_mode", WorkMode::from_name);
        let employment_statements = statements_of(&langs, "employment", EmploymentType::from_name);
        let (currencies, ambiguous_symbols) = currency_tables();
        let countries = country_tables();
        let hiring = hiring_of(&langs);
        let (roles, role_nominative) = roles_of(&langs);
        let declinable_roles = role_nominative
            .values()
            .map(|d| d.noun.to_lowercase())
            .collect();
        let words = |section: &str, key: &str| terms_of(&langs, section, &[(key, ())]);
        // A `[roles]` list of sentence patterns of every language.
        let patterns = |key: &str| -> Vec<LazyRegex> {
            langs
                .iter()
                .filter_map(|(_, t)| table(t, "roles"))
                .flat_map(|r| list(r.get(key)))
                .map(LazyRegex::roomy)
                .collect()
        };
        Vocab {
            labels: labels_of(&langs),
            work_mode: terms_of(&langs, "work_mode", MODES),
            not_remote: words("work_mode", "not_remote"),
            mode_not_alone: words("work_mode", "not_alone"),
            mode_statement_set: statement_set(&mode_statements),
            mode_statements,
            employment: terms_of(&langs, "employment", KINDS),
            employment_statement_set: statement_set(&employment_statements),
            not_about_the_kind: words("employment", "not_about_the_kind"),
            kind_offered_as_option: words("employment", "offered_as_option"),
            kind_joins: words("employment", "joins"),
            kind_permanent: words("employment", "permanent"),
            site_keys: words("labels", "site_keys"),
            ui_text_keys: words("labels", "ui_text_keys"),
            bound_words: bound_words_of(&langs),
            employment_statements,
            seniority: terms_of(&langs, "seniority", LEVELS),
            periods: terms_of(&langs, "pay", PERIODS),
            working_hours: words("pay", "working_hours"),
            pay_words: terms_of(&langs, "pay", PAY_WORDS),
            sections: terms_of(&langs, "sections", SECTION_WORDS),
            roles,
            role_nominative,
            declinable_roles,
            domains: words("roles", "domains"),
            openings: words("roles", "openings"),
            headcount: words("roles", "headcount"),
            role_markers: words("roles", "markers"),
            multipliers: multipliers_of(&langs),
            local_multipliers: local_multipliers_of(&langs),
            label_money: label_money_of(&langs),
            range_words: words("pay", "range"),
            later_pay: words("pay", "later"),
            pay_estimate: words("pay", "estimate"),
            hiring_set: PatternSets::new(&hiring.iter().map(|h| h.0.as_str()).collect::<Vec<_>>()),
            hiring,
            hiring_pairs: patterns("hiring_pairs"),
            also_hiring: patterns("also_hiring"),
            title_wrappers: wrappers_of(&langs),
            title_prefixes: words("roles", "title_prefixes"),
            prefixed_words: words("roles", "prefixed_words"),
            prefix_joins: words("roles", "prefix_joins"),
            title_articles: words("roles", "title_articles"),
            title_suffixes: words("roles", "title_suffixes"),
            title_statuses: words("roles", "statuses"),
            sentence_words: words("roles", "sentence_words"),
            furniture_lines: furniture_lines_of(&langs, &boards, "lines"),
            buttons: furniture_lines_of(&langs, &boards, "buttons"),
            post_marks: furniture_lines_of(&langs, &boards, "post_marks"),
            offers_work: furniture_lines_of(&langs, &boards, "offers_work"),
            hiring_words: furniture_lines_of(&langs, &boards, "hiring_words"),
            readme_headings: furniture_lines_of(&langs, &boards, "readme_headings"),
            viewer_notes: furniture_lines_of(&langs, &boards, "viewer_notes"),
            furniture_patterns: furniture_patterns_of(&langs, &boards, "patterns"),
            page_titles: furniture_patterns_of(&langs, &boards, "titles"),
            currencies,
            ambiguous_symbols,
            countries: countries.countries,
            country_names: countries.names,
            country_spellings: countries.spellings,
            anywhere: words("places", "anywhere"),
            workplace: words("places", "workplace"),
            employer_seat: words("places", "employer_seat"),
            place_joins: place_joins_of(&langs),
            place_only: words("places", "only"),
            place_inflections: inflections_of(&langs),
            traditional_han: script_chars(&langs, "traditional"),
            simplified_han: script_chars(&langs, "simplified"),
            legal_suffixes: company_words(&langs, "legal_suffixes"),
            legal_prefixes: company_words(&langs, "legal_prefixes"),
            generic_prefixes: company_words(&langs, "generic_prefixes"),
            org_nouns: company_words(&langs, "org_nouns"),
            name_keys: name_keys_of(&langs),
            place_keys: record_keys(&boards, "place_keys"),
            seat_keys: record_keys(&boards, "seat_keys"),
            posting_words: record_keys(&boards, "posting_words"),
            language_suffixes: record_keys(&boards, "language_suffixes"),
            coordinate_keys: record_keys(&boards, "coordinate_keys"),
            yearly_pay_keys: record_keys(&boards, "yearly_pay_keys"),
            job_list_keys: record_keys(&boards, "job_list_keys"),
            not_names: company_words(&langs, "not_names").into_iter().collect(),
            name_tails: lowercase(company_words(&langs, "name_tails")),
            page_heads: lowercase(company_words(&langs, "page_heads")),
            name_articles: company_words(&langs, "articles").into_iter().collect(),
            company_placeholders: lowercase(company_words(&langs, "placeholders")),
            client_labels: lowercase(company_words(&langs, "client_labels")),
            company_divisions: company_words(&langs, "divisions"),
            company_relays: company_words(&langs, "relays"),
            placeholder_openers: lowercase(company_words(&langs, "placeholder_openers")),
            employer: EmployerPhrases {
                at: company_words(&langs, "at"),
                lead_ins: company_words(&langs, "lead_ins"),
                about: company_words(&langs, "about"),
                hires: company_words(&langs, "hires"),
            },
        }
    }

    /// What a label names ("Job Title", "Lieu", "勤務地", "job_title").
    /// Whether a text holds a word that makes it a sentence (`[roles] sentence_words`: "is",
    /// "are", "will" …).
    pub fn says(&self, t: &str) -> bool {
        t.split_whitespace()
            .any(|w| self.sentence_words.whole(w).is_some())
    }

    pub fn label(&self, label: &str) -> Option<Label> {
        self.label_ranked(label).map(|l| l.0)
    }

    /// A pay label with a bound word of any language before or after it names that bound
    /// ("Sueldo Mínimo", "salario_desde", "min_ral", "зарплата от", "Gehalt bis"): the key's
    /// words (split at spaces, marks and a lower-to-upper case change) cut in two, one side a
    /// bound word, the other a pay label.
    pub fn pay_bound(&self, label: &str) -> Option<Label> {
        let words: Vec<String> = key_words(label)
            .iter()
            .map(|w| norm_label(w))
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() < 2 || words.len() > 6 {
            return None;
        }
        let is_pay = |w: &str| {
            self.labels
                .get(w)
                .is_some_and(|l| l.0 == Label::Key(Key::Salary))
        };
        (1..words.len()).find_map(|k| {
            let (head, tail) = (words[..k].concat(), words[k..].concat());
            match (self.bound_words.get(&head), self.bound_words.get(&tail)) {
                (_, Some(&b)) if is_pay(&head) => Some(b),
                (Some(&b), _) if is_pay(&tail) => Some(b),
                _ => None,
            }
        })
    }

    /// The field a value names when it is wholly one contract or mode word ("Full-time",
    /// "实习", "Teletrabajo"; not a word that says nothing alone, "Office"): employment type
    /// or work mode.
    pub fn term_key(&self, value: &str) -> Option<Key> {
        if self.employment.whole(value).is_some() {
            Some(Key::EmploymentType)
        } else if self.work_mode.whole(value).is_some()
            && self.mode_not_alone.whole(value).is_none()
        {
            Some(Key::WorkMode)
        } else {
            None
        }
    }

    /// What a label names and how usual a name for it it is (0 = the usual one).
    pub fn label_ranked(&self, label: &str) -> Option<(Label, usize)> {
        self.labels
            .get(&norm_label(label))
            .copied()
            .or_else(|| self.pay_bound(label).map(|b| (b, 0)))
    }

    /// What a label names, also when it carries a remark in brackets ("Salary (gross)",
    /// "总部办公地址（工作地点）"). Only for a label with its value after a colon on its line: a
    /// line alone with a bracket is a place or a heading as often ("Remote (USA)", "San
    /// Francisco, CA (local)", "Must Haves (Required Skills):").
    pub fn label_with_remark(&self, label: &str) -> Option<Label> {
        self.label(label).or_else(|| self.bracketed_label(label))
    }

    /// A label with a remark in brackets names what its words outside them name, or else what
    /// the words inside name ("Salary (gross)"; "总部办公地址（工作地点）", the head office's
    /// address, the place of work).
    fn bracketed_label(&self, label: &str) -> Option<Label> {
        // A remark follows the label's words after a space or in a full-width bracket; a
        // bracket glued to a word is a call in a template (`@lang("Address")`).
        let open = label.find(['(', '（'])?;
        let bracket = label[open..].chars().next()?;
        if !(bracket == '（' || label[..open].ends_with(' ')) {
            return None;
        }
        let inner = &label[open + bracket.len_utf8()..];
        let close = inner.find([')', '）'])?;
        let (inside, rest) = (&inner[..close], &inner[close..]);
        let rest = &rest[rest.chars().next()?.len_utf8()..];
        let outside = format!("{} {rest}", &label[..open]);
        [outside.as_str(), inside]
            .into_iter()
            .map(norm_label)
            .filter(|k| !k.is_empty())
            .find_map(|k| self.labels.get(&k).map(|l| l.0))
    }

    /// The fact key a label names, when it names one.
    pub fn label_key(&self, label: &str) -> Option<Key> {
        match self.label(label)? {
            Label::Key(k) => Some(k),
            _ => None,
        }
    }

    /// The country a whole string names (an ISO-2 or ISO-3 code, or a name in any language).
    pub fn country(&self, s: &str) -> Option<&Country> {
        let k = s.trim().trim_end_matches('.').to_lowercase();
        self.country_names.get(&k).map(|&i| &self.countries[i])
    }

    /// The ISO code of a currency symbol or code ("€" → "EUR", "zł" → "PLN"); None for
    /// symbols shared by several currencies ("$", "kr"): see [`Vocab::symbol_currency`].
    pub fn currency(&self, s: &str) -> Option<&str> {
        self.currencies
            .get(&fold(s.trim()))
            .map(String::as_str)
            .filter(|c| !c.is_empty())
    }

    /// The currency an ambiguous symbol stands for in a country: "$" in Canada is CAD; None when
    /// the country does not use that symbol.
    pub fn symbol_currency(&self, symbol: &str, country: Option<&Country>) -> Option<String> {
        let options = self.ambiguous_symbols.get(&fold(symbol.trim()))?;
        match country {
            Some(c) if options.contains(&c.currency) => Some(c.currency.clone()),
            _ => options.first().cloned(),
        }
    }

    /// Whether a line is page furniture of a job board or a site.
    pub fn is_furniture(&self, line: &str) -> bool {
        let t = line.trim();
        if t.is_empty() || t.chars().count() > 120 {
            return false;
        }
        self.furniture_lines.whole(t).is_some() || self.furniture_patterns.is_match(t)
    }

    /// Whether a phrase names a role (holds a role noun).
    pub fn names_role(&self, s: &str) -> bool {
        self.roles.first_in(s).is_some()
    }
}

/// The vocabularies, loaded at first use.
pub fn vocab() -> &'static Vocab {
    static V: LazyLock<Vocab> = LazyLock::new(Vocab::load);
    &V
}

/// Domains that are not an employer's own (`assets/vocab/boards.toml`, `[domains]`).
pub struct Domains {
    /// Whole domains of free mail ("gmail.com").
    pub free_mail: std::collections::HashSet<String>,
    /// Second-level names of platforms: boards, ATSs, social networks, hosts ("linkedin").
    pub platforms: std::collections::HashSet<String>,
    /// Second-level names of job boards and ATSs ("ziprecruiter"), also among `platforms`.
    pub job_platforms: std::collections::HashSet<String>,
    /// Second-level names of boards that list remote jobs only ("jobicy", "remoteok").
    pub remote_only: std::collections::HashSet<String>,
    /// Words of a link's path that say it leads to jobs ("careers", "lavora-con-noi").
    pub careers_paths: std::collections::HashSet<String>,
}

impl Domains {
    /// Whether a link's path leads to jobs: a path word the vocabulary knows, alone or first of
    /// the words a segment joins with hyphens ("career-opportunities").
    pub fn leads_to_jobs(&self, url: &str) -> bool {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let Some((_, path)) = rest.split_once('/') else {
            return false;
        };
        let path = path.split(['?', '#']).next().unwrap_or("").to_lowercase();
        path.split('/').any(|seg| {
            self.careers_paths.contains(seg)
                || seg
                    .split(['-', '_', '.'])
                    .next()
                    .is_some_and(|w| self.careers_paths.contains(w))
        })
    }
}

/// A host's own name, before its public suffix: "memodo" of "www.memodo.de", "acme" of
/// "jobs.acme.co.uk" (a second-level suffix under a country's). None for a bare name.
pub fn site_name(host: &str) -> Option<&str> {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let at = if n >= 3
        && labels[n - 1].len() == 2
        && matches!(
            labels[n - 2],
            "co" | "com" | "org" | "net" | "ac" | "gov" | "edu" | "or" | "ne"
        ) {
        n - 3
    } else if n >= 2 {
        n - 2
    } else {
        return None;
    };
    Some(labels[at])
}

/// The domains that say nothing about who is hiring, loaded once.
pub fn domains() -> &'static Domains {
    static D: LazyLock<Domains> = LazyLock::new(|| {
        let boards: toml::Table = toml::from_str(BOARDS).expect("assets/vocab/boards.toml");
        let d = table(&boards, "domains");
        let set = |k: &str| {
            list(d.and_then(|d| d.get(k)))
                .into_iter()
                .map(|s| s.to_lowercase())
                .collect()
        };
        let job_platforms: std::collections::HashSet<String> = set("job_platforms");
        let mut platforms: std::collections::HashSet<String> = set("platforms");
        platforms.extend(job_platforms.iter().cloned());
        Domains {
            free_mail: set("free_mail"),
            platforms,
            job_platforms,
            remote_only: set("remote_only"),
            careers_paths: set("careers_paths"),
        }
    });
    &D
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_loads() {
        let v = vocab();
        assert!(LANGS.files().count() >= 12, "at least twelve languages");
        assert!(v.countries.len() > 150);
        assert!(!v.mode_statements.is_empty());
    }

    #[test]
    fn a_key_may_leave_a_label_s_small_words_out() {
        let v = vocab();
        assert_eq!(v.label("tipo_contrato"), v.label("tipo de contrato"));
        assert_eq!(v.label("tipo_trabajo"), v.label("tipo de trabajo"));
        assert_eq!(v.label("typeOfEmployment"), v.label("type employment"));
        assert!(v.label("tipo_trabajo").is_some());
        // A label written out keeps what it names ("tipo" alone is no short form of anything).
        assert_eq!(v.label("tipo"), v.label("tipo"));
    }

    #[test]
    fn a_term_with_an_apostrophe_matches_a_typographic_one() {
        let t = Terms::new([("offre d'emploi".to_string(), ())]);
        assert_eq!(t.find(&fold("Offre d’emploi Audea")).count(), 1);
        assert_eq!(t.find(&fold("Offre d'emploi Audea")).count(), 1);
    }

    #[test]
    fn a_term_written_open_and_closed_matches_compounds() {
        // Two languages write one noun, one of them open at the start ("udvikler",
        // "*udvikler"): the compound matches, whichever file comes first.
        let t = Terms::new([("udvikler".to_string(), ()), ("*udvikler".to_string(), ())]);
        assert!(t.first_in("juniorudvikler").is_some());
        assert!(t.first_in("udvikler").is_some());
        let closed = Terms::new([("udvikler".to_string(), ())]);
        assert!(closed.first_in("juniorudvikler").is_none());
        // Danish and Norwegian compounds of the role nouns.
        assert!(vocab().names_role("Seniorudvikler"));
        assert!(vocab().names_role("Systemutvikler"));
        // An English word inside a brand is no role ("Docplanner").
        assert!(!vocab().names_role("Docplanner"));
    }

    #[test]
    fn a_label_key_matches_without_its_accents() {
        assert_eq!(
            norm_label("Intitulé du poste"),
            norm_label("intitule_du_poste")
        );
        assert_eq!(norm_label("Lieu_Travail"), "lieutravail");
        // Scripts without Latin letters keep theirs.
        assert_eq!(norm_label("給与"), "給与");
        assert_eq!(norm_label("Зарплата"), "зарплата");
    }

    #[test]
    fn a_role_noun_names_a_role_in_the_plural_too() {
        let v = vocab();
        assert!(v.names_role("Insurance Sales Representatives"));
        assert!(v.names_role("Développeurs"));
        // A fellowship is a post one is hired for, as a fellow is.
        assert!(v.names_role("Postdoctoral fellowships in computational biology"));
        assert!(v.names_role("Fall Engineering Fellowship"));
        // Unless its plural is mostly something else.
        assert!(!v.names_role("Build the OS for Autonomous Agents"));
        assert!(!v.names_role("No recruiters"));
    }

    /// The patterns are compiled at their first use: here, every one of them, and the sets that
    /// find their candidates.
    #[test]
    fn every_pattern_compiles() {
        let v = vocab();
        let statements = v.mode_statements.iter().map(|s| &s.re);
        let statements = statements.chain(v.employment_statements.iter().map(|s| &s.re));
        let wrappers = v.title_wrappers.list.iter().map(|w| &w.re);
        let hiring = v.hiring.iter().map(|h| &h.0);
        let pairs = v.hiring_pairs.iter().chain(v.also_hiring.iter());
        for re in statements.chain(wrappers).chain(hiring).chain(pairs) {
            let compiled: &Regex = re;
            assert_eq!(compiled.as_str(), re.as_str());
        }
        assert_eq!(v.mode_statement_set.len(), v.mode_statements.len());
        // A text in one script is scanned for its script's statements (and Latin ones): every
        // statement is in one group, found where its words occur.
        let all: Vec<usize> = (0..v.mode_statements.len()).collect();
        assert!(
            v.mode_statement_set
                .matching("x")
                .iter()
                .all(|i| all.contains(i))
        );
        let remote_uk = v
            .mode_statement_set
            .matching("Робота повністю віддалено, з дому.");
        assert!(remote_uk.iter().any(|&i| {
            v.mode_statements[i]
                .re
                .is_match("Робота повністю віддалено, з дому.")
        }));
        let latin = v
            .mode_statement_set
            .matching("Fully remote, work from anywhere.");
        assert!(
            latin
                .iter()
                .all(|&i| !v.mode_statements[i].re.as_str().contains("віддален"))
        );
        assert_eq!(
            v.employment_statement_set.len(),
            v.employment_statements.len()
        );
        assert_eq!(v.title_wrappers.set.len(), v.title_wrappers.list.len());
        assert_eq!(v.hiring_set.len(), v.hiring.len());
        assert!(v.hiring_pairs.iter().all(|p| p.group_names() == ["a", "b"]));
        assert!(v.also_hiring.iter().all(|p| p.group_names() == ["a"]));
        assert!(!v.is_furniture("Senior Rust Engineer"));
        // A code host's issue page, read out.
        assert!(v.is_furniture("Empregos-dev/Vagas-dev · issue #109 · open"));
        assert!(v.is_furniture("soujava/vagas-java · issue #1904 · closed · TypeScript"));
        assert!(v.is_furniture("labels: ESTÁGIO, HELP WANTED, SALVADOR"));
        assert!(!v.is_furniture("Labels and packaging engineer"));
    }

    #[test]
    fn labels_in_many_languages() {
        let v = vocab();
        assert_eq!(v.label_key("Job Title"), Some(Key::Title));
        assert_eq!(v.label_key("job_title"), Some(Key::Title));
        assert_eq!(v.label_key("Standort"), Some(Key::Location));
        assert_eq!(v.label_key("Lieu"), Some(Key::Location));
        assert_eq!(v.label_key("Ubicación"), Some(Key::Location));
        assert_eq!(v.label_key("Lokalizacja"), Some(Key::Location));
        assert_eq!(v.label_key("勤務地"), Some(Key::Location));
        assert_eq!(v.label_key("給与"), Some(Key::Salary));
        assert_eq!(v.label_key("雇用形態"), Some(Key::EmploymentType));
        assert_eq!(v.label_key("arbetsort"), Some(Key::Location));
        assert_eq!(v.label_key("rubrik"), Some(Key::Title));
        assert_eq!(v.label_key("arbetsgivare"), Some(Key::Company));
        assert_eq!(v.label("descriptionPlain"), Some(Label::Description));
        assert_eq!(v.label("min_amount"), Some(Label::SalaryMin));
        // A pay label and a bound word of any language.
        assert_eq!(v.label("Sueldo Mínimo"), Some(Label::SalaryMin));
        assert_eq!(v.label("salario_hasta"), Some(Label::SalaryMax));
        assert_eq!(v.label("зарплата от"), Some(Label::SalaryMin));
        assert_eq!(v.label("Gehalt bis"), Some(Label::SalaryMax));
        assert_eq!(v.label("Favourite colour"), None);
        assert_eq!(v.label("baslik"), v.label("başlık"));
        assert!(v.label("başlık").is_some());
        assert_eq!(v.label_with_remark("Salary (gross)"), v.label("Salary"));
        assert_eq!(
            v.label_with_remark("总部办公地址（工作地点）"),
            v.label("工作地点")
        );
        assert!(v.label("工作地点").is_some());
        assert_eq!(v.label("Remote (USA)"), None);
        assert_eq!(v.label_with_remark("Favourite (colour)"), None);
        assert_eq!(v.label_with_remark("@lang(\"Address\")"), None);
    }

    #[test]
    fn terms_match_words_compounds_and_unspaced_scripts() {
        let v = vocab();
        assert_eq!(
            v.work_mode.first_in("100% Télétravail"),
            Some(WorkMode::Remote)
        );
        assert_eq!(
            v.work_mode.first_in("Praca zdalnie"),
            Some(WorkMode::Remote)
        );
        assert_eq!(
            v.work_mode.first_in("フルリモート可"),
            Some(WorkMode::Remote)
        );
        assert_eq!(
            v.work_mode.first_in("재택근무 가능"),
            Some(WorkMode::Remote)
        );
        assert_eq!(v.work_mode.first_in("Remoteness"), None);
        assert_eq!(v.employment.first_in("CDI"), Some(EmploymentType::FullTime));
        assert_eq!(
            v.employment.first_in("正社員"),
            Some(EmploymentType::FullTime)
        );
        assert_eq!(
            v.employment.first_in("Praktikum"),
            Some(EmploymentType::Internship)
        );
        assert!(v.names_role("Softwareentwickler"));
        assert!(v.names_role("Java-Entwickler (m/w/d)"));
        assert!(v.names_role("全栈实习生"));
        assert!(!v.names_role("About us"));
    }

    #[test]
    fn currencies_and_countries() {
        let v = vocab();
        assert_eq!(v.currency("€"), Some("EUR"));
        assert_eq!(v.currency("zł"), Some("PLN"));
        assert_eq!(v.currency("$"), None);
        assert_eq!(v.country("NOR").map(|c| c.name.as_str()), Some("Norway"));
        assert_eq!(v.country("chl").map(|c| c.name.as_str()), Some("Chile"));
        assert_eq!(
            v.country("Deutschland").map(|c| c.iso2.as_str()),
            Some("DE")
        );
        let ca = v.country("Canada");
        assert_eq!(v.symbol_currency("$", ca).as_deref(), Some("CAD"));
        assert_eq!(v.symbol_currency("$", None).as_deref(), Some("USD"));
    }

    #[test]
    fn fold_keeps_offsets() {
        let s = "Développeur İstanbul ÉTÉ";
        assert_eq!(fold(s).len(), s.len());
        assert_eq!(fold("ÉTÉ"), "été");
    }

    #[test]
    fn a_no_break_space_is_a_space_between_a_terms_words() {
        let t = Terms::new([
            ("на месте работодателя".to_string(), 1),
            ("remote".to_string(), 2),
        ]);
        let s = "Формат: На\u{a0}месте работодателя, remote";
        let f = fold(s);
        let found: Vec<_> = t.find(&f).collect();
        assert_eq!(found.len(), 2);
        let (a, b, v) = found[0];
        assert_eq!((&s[a..b], v), ("На\u{a0}месте работодателя", 1));
        let (a, b, v) = found[1];
        assert_eq!((&s[a..b], v), ("remote", 2));
        assert_eq!(t.whole(" на\u{202f}месте\u{a0}работодателя "), Some(1));
        assert_eq!(t.whole("на месте"), None);
    }

    proptest::proptest! {
        /// The ASCII shortcuts give what lowercasing character by character gives.
        #[test]
        fn fold_is_lowercasing_per_character(s in "(?s)[a-zA-Z0-9 .,İÉéẞΣß\\PC]{0,40}") {
            let slow: String = s
                .chars()
                .map(|c| {
                    let mut lower = c.to_lowercase();
                    match (lower.next(), lower.next()) {
                        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                        _ => c,
                    }
                })
                .collect();
            proptest::prop_assert_eq!(fold(&s), slow);
        }
    }
}
