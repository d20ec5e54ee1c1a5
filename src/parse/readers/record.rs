//! Structured records → documents: the objects of JSON exports and ATS APIs (Lever, Greenhouse,
//! Ashby, Workable, SmartRecruiters, Recruitee, Teamtailor, Remotive, Himalayas, JobSpy…), CSV
//! rows and front matter. Keys are looked up in the label vocabulary of every language ("Job
//! Title", "job_title", "jobTitle", "rubrik", "arbetsort" are all labels), nested objects are
//! walked (Lever's `categories`, SmartRecruiters' `location`), name/value lists become labelled
//! facts (Greenhouse `metadata`), title/text lists become description sections (Lever `lists`),
//! pay given as numbers becomes [`Money`]. Nothing here decides a field.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde_json::{Map, Value};

use super::super::body;
use super::super::doc::{Block, BlockKind, Doc, Key, Money, Origin, PayKind, Value as FactValue};
use super::super::fields::title::Unwrapped;
use super::super::vocab::{Label, key_words, norm_label, vocab};
use super::add_label_fact;
use crate::posting::Format;

/// How deep nested objects are walked.
const MAX_DEPTH: usize = 4;

/// Placeholder values that mean "missing" in exports.
fn is_missing(s: &str) -> bool {
    let s = super::unbracketed(s.trim());
    matches!(
        s.trim().to_lowercase().as_str(),
        "" | "-1" | "null" | "none" | "nan" | "n/a" | "na" | "-" | "undefined" | "not specified"
    )
}

/// A scalar as text: strings (trimmed, placeholders dropped), numbers; objects give their
/// `name` (or `value`, `label`…), arrays their items joined by "; ".
pub fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => {
            let s = s.trim();
            (!is_missing(s)).then(|| s.to_string())
        }
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => [
            "name",
            "display_name",
            "displayName",
            "label",
            "valueLabel",
            "value",
            "text",
            "title",
            "fullLocation",
            "organizationName",
        ]
        .iter()
        .find_map(|k| get(o, k).and_then(text_of))
        .or_else(|| {
            // The same keys in another language ("nom", "libelle").
            let names = &crate::parse::vocab::vocab().name_keys;
            o.iter()
                .filter(|(k, _)| names.contains(&norm_label(k)))
                .find_map(|(_, v)| text_of(v))
        })
        .or_else(|| {
            // The one key that is a name of something ("Company": {"CompanyName": …}); a
            // person's names and an object of several names say nothing alone.
            let mut named = o.iter().filter(|(k, _)| {
                let k = norm_label(k);
                k.ends_with("name")
                    && ![
                        "first", "last", "middle", "user", "file", "full", "given", "family",
                    ]
                    .iter()
                    .any(|p| k.starts_with(p))
            });
            match (named.next(), named.next()) {
                (Some((_, v)), None) if v.is_string() => text_of(v),
                _ => None,
            }
        })
        .or_else(|| {
            // An object that only wraps another ("company": {"detail": {"name": …}}).
            match o.values().collect::<Vec<_>>().as_slice() {
                [inner @ Value::Object(_)] => text_of(inner),
                _ => None,
            }
        }),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().filter_map(text_of).collect();
            (!items.is_empty()).then(|| items.join("; "))
        }
        _ => None,
    }
}

/// A number from a JSON number or a numeric string ("120000", "120,000.00").
pub fn number_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            // A figure written with its currency's sign ("$18.00", "25 000 €"): the figure.
            let bare = s.trim();
            let bare = currency_sign(bare).map_or(bare, |(_, rest)| rest);
            let t: String = bare.chars().filter(|c| *c != ',' && *c != '_').collect();
            t.parse::<f64>().ok()
        }
        _ => None,
    }
    .filter(|x| x.is_finite() && *x > 0.0)
}

/// The signs of currencies a figure may be written with in a record's field.
const CURRENCY_SIGNS: [&str; 12] = ["R$", "$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₱", "₦"];

/// A figure's currency sign written before or after it ("$18.00", "25000 €") and the figure
/// without it.
fn currency_sign(s: &str) -> Option<(&'static str, &str)> {
    CURRENCY_SIGNS.iter().find_map(|sign| {
        s.strip_prefix(sign)
            .or_else(|| s.strip_suffix(sign))
            .map(|rest| (*sign, rest.trim()))
            .filter(|(_, rest)| rest.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// Whether a value is one e-mail address or link, and nothing else ("joinus@devport.nl",
/// "mailto:jobs@acme.io", "https://acme.io/apply").
fn is_address(t: &str) -> bool {
    let t = t.trim();
    let t = t.strip_prefix("mailto:").unwrap_or(t);
    let mail = t.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty()
            && host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    });
    let link = (t.starts_with("https://") || t.starts_with("http://")) && !t.contains(' ');
    t.len() <= 200 && !t.contains(char::is_whitespace) && (mail || link)
}

/// A truthy flag ("True", "yes", 1, true).
pub fn flag_of(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_f64().map(|x| x != 0.0),
        // "Yes (but U.S. only)", "No, on site": the answer first, then a note.
        Value::String(s) => {
            let t = s.trim().to_lowercase();
            let head = t
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .filter(|h| matches!(*h, "yes" | "no") && t.len() > h.len())
                .unwrap_or(&t);
            match head {
                "true" | "yes" | "y" | "1" | "t" => Some(true),
                "false" | "no" | "n" | "0" | "f" => Some(false),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A pay range's upper bound; a run of five nines or more (99999, 9999999) is a placeholder
/// for none, not an amount.
fn max_of(v: &Value) -> Option<f64> {
    number_of(v).filter(|&x| {
        !(x >= 99_999.0 && x.fract() == 0.0 && format!("{x}").chars().all(|c| c == '9'))
    })
}

/// The value of `key` (compared as lowercase letters and digits).
pub fn get<'a>(o: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    if let Some(v) = o.get(key) {
        return Some(v);
    }
    let want = norm_label(key);
    o.iter()
        .find(|(k, _)| norm_label(k) == want)
        .map(|(_, v)| v)
}

/// What a key of a record names.
pub fn label_of(key: &str) -> Option<Label> {
    let v = vocab();
    // "lon" beside "lat" is a longitude, not the Swedish "lön" (pay) it folds to.
    if key.is_ascii() && v.coordinate_keys.contains(&norm_label(key)) {
        return None;
    }
    v.label(key).or_else(|| {
        // A field named with an export's suffix ("employment_type_code", "location_name",
        // "location_list"; a flattened object's "companydisplay_name" of Adzuna's
        // `company.display_name`; a tag's type, "LocationTag").
        let n = norm_label(key);
        [
            "displayname",
            "display",
            "code",
            "name",
            "label",
            "text",
            "libelle",
            "list",
            "tag",
        ]
        .iter()
        .find_map(|suffix| {
            n.strip_suffix(suffix)
                .filter(|rest| rest.len() >= 4)
                .and_then(|rest| v.label(rest))
        })
        .or_else(|| posting_label(key))
        .or_else(|| language_label(key))
        .or_else(|| misspelt_label(&n))
        // A column named with a remark in brackets ("Salary (gross)", "Remuneração Inicial
        // (Classe A)"): a key is a label, whatever its bracket says.
        .or_else(|| v.label_with_remark(key))
    })
}

/// The label of a key that ends with a language's code (`title_en`, `body_ge`, `descriptionFr`:
/// `[records] language_suffixes`): the field written in that language.
fn language_label(key: &str) -> Option<Label> {
    let (rest, code) = match key.rfind(['_', '-', '.']) {
        Some(at) => (&key[..at], &key[at + 1..]),
        // camelCase: "titleEn".
        None => {
            let at = key.len().checked_sub(2)?;
            let code = key.get(at..)?;
            let mut c = code.chars();
            let upper_then_lower = c.next().is_some_and(|c| c.is_ascii_uppercase())
                && c.next().is_some_and(|c| c.is_ascii_lowercase());
            let lower_before = key[..at].ends_with(|c: char| c.is_ascii_lowercase());
            if !(upper_then_lower && lower_before) {
                return None;
            }
            (&key[..at], code)
        }
    };
    if rest.len() < 3
        || !vocab()
            .language_suffixes
            .contains(&code.to_ascii_lowercase())
    {
        return None;
    }
    vocab().label(rest).or_else(|| posting_label(rest))
}

/// The label a key names after a word saying the field is the job's (`workTitle`,
/// `vacancy_city`: `[records] posting_words`).
fn posting_label(key: &str) -> Option<Label> {
    // Most keys start with no posting word: asked before the key is cut into words.
    let starts = |w: &String| {
        key.len() > w.len()
            && key
                .get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w))
    };
    if !vocab().posting_words.iter().any(starts) {
        return None;
    }
    let words = key_words(key);
    let (first, rest) = words.split_first()?;
    if rest.is_empty() || !vocab().posting_words.contains(&norm_label(first)) {
        return None;
    }
    vocab().label(&rest.concat())
}

/// The label of eight letters or more a key names when it is misspelt by one letter: one left
/// out ("postion"), one doubled ("positionn") or one too many before its last ("job skilles"),
/// or two swapped ("poistion"). A misspelling that
/// could be two labels names none; shorter labels are too near other words ("format" is no
/// "formato").
fn misspelt_label(key: &str) -> Option<Label> {
    fn known_by(label: Label) -> bool {
        matches!(
            label,
            Label::Key(
                Key::Title | Key::Company | Key::Location | Key::Skill | Key::EmploymentType
            ) | Label::Description
                | Label::City
        )
    }
    // The labels of the fields a record is known by (its title, employer, place, text, contract), each
    // misspelt every way by one letter, kept as a hash of the misspelling: a few hundred
    // thousand strings would take megabytes.
    fn hash<'a>(bytes: impl IntoIterator<Item = &'a u8>) -> u64 {
        bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }
    static MISSPELT: LazyLock<HashMap<u64, Option<Label>>> = LazyLock::new(|| {
        let labels = &vocab().labels;
        let mut out: HashMap<u64, Option<Label>> = HashMap::new();
        for (name, (label, _)) in labels {
            if !known_by(*label) || !name.is_ascii() || name.len() < 8 {
                continue;
            }
            let b = name.as_bytes();
            let mut v = Vec::with_capacity(b.len());
            for i in 0..b.len() {
                let mut add = |v: &[u8]| {
                    if std::str::from_utf8(v).is_ok_and(|s| labels.contains_key(s)) {
                        return;
                    }
                    out.entry(hash(v))
                        .and_modify(|l| {
                            if *l != Some(*label) {
                                *l = None;
                            }
                        })
                        .or_insert(Some(*label));
                };
                v.clear();
                v.extend_from_slice(&b[..i]);
                v.extend_from_slice(&b[i + 1..]);
                add(&v);
                if i + 1 < b.len() && b[i] != b[i + 1] {
                    v.clear();
                    v.extend_from_slice(b);
                    v.swap(i, i + 1);
                    add(&v);
                }
            }
        }
        out
    });
    if !key.is_ascii() || key.len() < 7 {
        return None;
    }
    if let Some(l) = MISSPELT.get(&hash(key.as_bytes())) {
        return *l;
    }
    // A letter doubled or one too many ("job skilles"): the key without it is a label — one
    // that names a title, an employer, a place, a text or skills, as the misspellings above.
    if key.len() < 9 {
        return None;
    }
    // The labels themselves, by hash, to look the key up with each letter left out in turn
    // without building a string for each.
    static KNOWN: LazyLock<HashMap<u64, Label>> = LazyLock::new(|| {
        vocab()
            .labels
            .iter()
            .filter(|(name, (label, _))| known_by(*label) && name.is_ascii())
            .map(|(name, (label, _))| (hash(name.as_bytes()), *label))
            .collect()
    });
    let b = key.as_bytes();
    // Not the last letter: a plural ("institutions") is a list of its own kind, no misspelling.
    let mut found: Vec<Label> = (1..b.len() - 1)
        .filter_map(|i| KNOWN.get(&hash(b[..i].iter().chain(&b[i + 1..]))).copied())
        .collect();
    found.dedup();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn has_label(o: &Map<String, Value>, pred: impl Fn(Label) -> bool) -> bool {
    o.iter().any(|(k, v)| {
        !matches!(v, Value::Null) && text_of(v).is_some() && label_of(k).is_some_and(&pred)
    })
}

/// Whether a record has the keys of a job posting: a title, or a company with a description or
/// a place.
pub fn looks_like_posting(o: &Map<String, Value>) -> bool {
    has_posting_keys(o) || fact_stating_title(o).is_some()
}

/// A record that is a posting by its title alone ("[Remoto] Backend Developer - Rentbrella"):
/// the title taken apart, as its header line is read.
fn headline_only(o: &Map<String, Value>) -> Option<Unwrapped> {
    // Beside the title only its links, dates and tags (a board's issue: `number`,
    // `html_url`, `labels`); a record with columns of facts of its own is read by them.
    let facts = o.iter().any(|(k, v)| {
        !v.is_null()
            && matches!(label_of(k), Some(Label::Key(key)) if !matches!(
                key,
                Key::Title | Key::Url | Key::Link | Key::Skill | Key::Posted | Key::Subject
            ))
    });
    if facts || has_posting_keys(o) {
        return None;
    }
    fact_stating_title(o)
}

/// The employer a headline names after its role and a dash or bar ("Full-stack Engineer
/// (JAVA | KOTLIN | GOLANG) - Strider", as a board's issues are titled): a short name that is no
/// role, place or technology.
fn headline_employer(u: &Unwrapped) -> Option<String> {
    use super::super::fields::title::{names_a_role, split_outside_brackets};
    let last = [" | ", " - ", " – ", " — "].iter().find_map(|sep| {
        let pieces = split_outside_brackets(&u.title, sep);
        (pieces.len() >= 2)
            .then(|| pieces.last().cloned())
            .flatten()
    })?;
    let words = last.split_whitespace().count();
    ((1..=4).contains(&words)
        && last.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !names_a_role(&last)
        && !crate::parse::places::is_place(&last)
        && super::super::fields::skills::vocabulary()
            .canonical(&last)
            .is_none()
        && super::super::fields::company::clean_company(&last).as_deref() == Some(last.as_str()))
    .then_some(last)
}

fn has_posting_keys(o: &Map<String, Value>) -> bool {
    if is_chat_message(o) {
        return false;
    }
    let company = has_label(o, |l| l == Label::Key(Key::Company));
    let title = has_title(o);
    // A description under its own key, or any long text of several lines (a dump's
    // `descript` column).
    let description = has_label(o, |l| l == Label::Description)
        || o.values().any(|v| v.as_str().is_some_and(is_long_text))
        || !prose_pieces(o).is_empty();
    let is_place = |l: Label| {
        matches!(
            l,
            Label::Key(Key::Location) | Label::City | Label::Key(Key::Country)
        )
    };
    // A place as text, or as a structure the walk reads ("location": {"places": [{"city"…}]}).
    let place = has_label(o, is_place)
        || o.iter().any(|(k, v)| {
            let filled = match v {
                Value::Object(m) => !m.is_empty(),
                Value::Array(a) => !a.is_empty(),
                _ => false,
            };
            filled && label_of(k).is_some_and(is_place)
        })
        || names_place_by_key(o);
    (title && (company || description || place || states_terms(o))) || (company && description)
}

/// Whether a record states the job's pay and its contract (hh.ru's search result without
/// `employer` or `area`: `salary` {"from": 228000, …} and `employment` {"name": "Полная
/// занятость"}): beside a title or a name, a posting's summary.
fn states_terms(o: &Map<String, Value>) -> bool {
    let pay = o.iter().any(|(k, v)| {
        let filled = match v {
            Value::Object(m) => m.values().any(Value::is_number),
            Value::Number(_) => true,
            Value::String(s) => !is_missing(s),
            _ => false,
        };
        filled && matches!(label_of(k), Some(Label::Key(Key::Salary | Key::Pay)))
    });
    pay && has_label(o, |l| l == Label::Key(Key::EmploymentType))
}

/// A record's own title, taken apart, when it names a role and, beside it, what a posting
/// states — a mode, a place, a contract or pay ("[Remoto] Backend Developer - Rentbrella", a
/// board's issues listed by their titles): a posting however few its keys.
fn fact_stating_title(o: &Map<String, Value>) -> Option<Unwrapped> {
    use super::super::fields::title::{Depth, names_a_role, no_employer, unwrap};
    if is_chat_message(o) {
        return None;
    }
    let t = own_title(o)?;
    // Only a title with brackets or separators can hold such pieces; most records' titles
    // have none, and taking one apart is dear.
    if !t.contains(['[', '(', '|', '@', '-', '–', '—', ',', '/']) {
        return None;
    }
    let u = unwrap(&t, Depth::Full, &no_employer);
    (names_a_role(&u.title)
        && (u.mode.is_some() || u.place.is_some() || u.kind.is_some() || u.pay.is_some()))
    .then_some(u)
}

/// A message of a chat with a language model (`{"role": "system", "content": "…"}`): its role is
/// the speaker's, no job's; its content may be a posting's text.
fn is_chat_message(o: &Map<String, Value>) -> bool {
    o.len() <= 3
        && o.contains_key("content")
        && o.get("role").and_then(Value::as_str).is_some_and(|r| {
            matches!(
                r,
                "system" | "user" | "assistant" | "developer" | "tool" | "model"
            )
        })
}

/// A text a record cuts into pieces under keys no vocabulary names (a site's JSON front matter:
/// `TextLine1` … `TextLine4`, `HeadLine1Point1` …): the sentences, in order, when there are at
/// least three of eight words or more, together 300 bytes or more. Empty otherwise.
fn prose_pieces(o: &Map<String, Value>) -> Vec<&str> {
    // Sentences first (cheap), then whether their keys are labels.
    let sentences = |(_, v): &(&String, &Value)| {
        v.as_str()
            .is_some_and(|t| t.split_whitespace().nth(7).is_some() && !t.contains("://"))
    };
    if o.iter().filter(sentences).nth(2).is_none() {
        return Vec::new();
    }
    let pieces: Vec<&str> = o
        .iter()
        .filter(sentences)
        .filter(|(k, _)| label_of(k).is_none())
        .filter_map(|(_, v)| v.as_str())
        .collect();
    let total: usize = pieces.iter().map(|t| t.len()).sum();
    if pieces.len() >= 3 && total >= 300 {
        pieces
    } else {
        Vec::new()
    }
}

/// Whether a value is a text of its own (several lines, or several HTML paragraphs, at least
/// 200 bytes): a posting's description, whatever its key (a dump's `descript` column, a site
/// template's `content_links = "<p>Wir suchen…</p><p>-Pflasterer</p>…"`).
pub fn is_long_text(t: &str) -> bool {
    let html_blocks = ["<p>", "<p ", "<br", "<li>", "<li "]
        .iter()
        .map(|tag| t.matches(tag).count())
        .sum::<usize>();
    t.len() >= 200 && (t.trim().contains('\n') || html_blocks >= 2)
}

/// A title under a key whose last word says what its value heads (`anno_subject`,
/// `posting_headline`), when the value names a role.
fn heading_key_title(o: &Map<String, Value>) -> Option<&str> {
    const HEADS: [&str; 4] = ["title", "subject", "headline", "heading"];
    o.iter().find_map(|(k, v)| {
        // Asked before the key is cut into words: most keys end in none of them.
        let ends = |w: &&str| {
            k.len() > w.len()
                && k.get(k.len() - w.len()..)
                    .is_some_and(|t| t.eq_ignore_ascii_case(w))
        };
        if !HEADS.iter().any(ends) {
            return None;
        }
        let words = key_words(k);
        let heads = words.len() >= 2 && HEADS.contains(&words.last()?.as_str());
        let t = v.as_str()?;
        (heads
            && t.chars().count() <= 120
            && !t.contains('\n')
            && super::super::fields::title::names_a_role(t))
        .then_some(t)
    })
}

/// Whether an object names a title: a title key, Lever's `text`, or (SmartRecruiters, Adzuna)
/// a `name` next to an employer or a place.
pub fn has_title(o: &Map<String, Value>) -> bool {
    let named = bare_name(o).is_some_and(Value::is_string);
    has_own_title(o)
        || nested_title(o).is_some()
        || lever_title(o).is_some()
        || heading_key_title(o).is_some()
        || named
            && (has_label(o, |l| {
                matches!(l, Label::Key(Key::Company) | Label::Key(Key::Location))
            }) || names_place_by_key(o)
                || states_terms(o))
}

/// Whether a record has a title and a link to its posting: a job board's summary of one
/// (`{"Titulo": "Soporte", "Link": ".../ver_detalle_oferta"}`).
pub fn titled_and_linked(o: &Map<String, Value>) -> bool {
    has_own_title(o) && has_label(o, |l| l == Label::Key(Key::Url))
}

/// Whether a record has a name and a link to its page: a position of a list of jobs
/// (`"positions": [{"name": "SRE（中途）", "link": ".../recruit/career/sre"}]`).
pub fn named_and_linked(o: &Map<String, Value>) -> bool {
    has_bare_name(o) && has_label(o, |l| l == Label::Key(Key::Url))
}

/// Whether `o` itself has a title key holding text.
fn has_own_title(o: &Map<String, Value>) -> bool {
    o.iter().any(|(k, v)| {
        v.is_string() && label_of(k) == Some(Label::Key(Key::Title)) && text_of(v).is_some()
    })
}

/// The text under a title key of `o` itself.
fn own_title(o: &Map<String, Value>) -> Option<String> {
    o.iter().find_map(|(k, v)| {
        (v.is_string() && label_of(k) == Some(Label::Key(Key::Title)))
            .then(|| text_of(v))
            .flatten()
    })
}

/// A title kept in an object of the post's own details ("posts_data": {"post_name":
/// "Driver"}), when the record itself has none: the one such object, itself no posting (a
/// record of postings side by side is none of them); an employer's object names no job.
fn nested_title(o: &Map<String, Value>) -> Option<String> {
    if has_own_title(o) {
        return None;
    }
    let mut titles = o
        .iter()
        .filter(|(k, _)| !is_employer_key(k))
        .filter_map(|(_, v)| v.as_object())
        .filter(|m| has_own_title(m) && !looks_like_posting(m))
        .filter_map(own_title);
    let title = titles.next()?;
    titles.next().is_none().then_some(title)
}

/// Whether a key that is a place only when its value names one does ("area": {"name":
/// "Москва"} at hh.ru).
fn names_place_by_key(o: &Map<String, Value>) -> bool {
    o.iter().any(|(k, v)| place_by_key(k, v).is_some())
}

/// The place under a key that is a place only when its value names one ("area": {"name":
/// "Москва"} at hh.ru; Italian postings' "area" is a team).
fn place_by_key(k: &str, v: &Value) -> Option<String> {
    if !vocab().place_keys.contains(&norm_label(k)) {
        return None;
    }
    text_of(v).filter(|p| crate::parse::places::is_place(p))
}

/// Whether a key names the employer ("company", "arbeitgeber", "hiringOrganization"…): the
/// object under it describes the employer, it is no posting.
pub fn is_employer_key(key: &str) -> bool {
    label_of(key) == Some(Label::Key(Key::Company))
}

/// The place an employer's object gives ("ort", "city", "location"): where its jobs are when
/// they say nothing of it.
pub fn employer_place(o: &Map<String, Value>) -> Option<String> {
    o.iter()
        .filter(|(k, v)| {
            v.is_string()
                && matches!(
                    label_of(k),
                    Some(Label::Key(Key::Location)) | Some(Label::City)
                )
        })
        .find_map(|(_, v)| text_of(v))
}

/// A short one-line `text` next to a description: Lever names its title so.
fn lever_title(o: &Map<String, Value>) -> Option<&str> {
    let t = o.get("text")?.as_str()?.trim();
    let has_description = o
        .iter()
        .any(|(k, _)| k != "text" && label_of(k) == Some(Label::Description));
    (has_description && !t.is_empty() && t.chars().count() <= 120 && !t.contains('\n')).then_some(t)
}

/// The description keys in order of preference: the richest body first.
const DESCRIPTION_ORDER: &[&str] = &[
    "description",
    "descriptionhtml",
    "jobdescription",
    "content",
    "body",
    "fullhtml",
    "html",
    "descriptionbody",
    "descriptiontext",
    "descriptionplain",
    "plaindescription",
    "jobad",
    "text",
    "details",
    "jobdetails",
    "jobsummary",
    "summary",
    "excerpt",
    "jobexcerpt",
];

/// Keys whose text adds to the description rather than replacing it.
const ADDENDUM_KEYS: &[&str] = &[
    // A board's long text beside its summary, and its words about the employer.
    "longdescription",
    "about",
    "additional",
    "additionalinformation",
    "qualifications",
    "responsibilities",
    "requirements",
];

/// A walk over one record.
struct Walk<'a> {
    doc: &'a mut Doc,
    origin: Origin,
    /// (preference, key, text) of every description-like value.
    descriptions: Vec<(usize, String, String)>,
    /// Extra sections (heading, body) from section lists and objects.
    sections: Vec<(Option<String>, String)>,
    /// Place parts (city, region, country) of the top level.
    place_parts: Vec<String>,
    /// Whether the walk is inside a list of objects (another job's card, a history entry):
    /// a bare contract or mode word there is not this posting's.
    in_list: bool,
    /// The record's title taken apart, when the record is a posting by it alone
    /// ([`headline_only`]).
    headline: Option<Unwrapped>,
}

/// Reads a record into a document. None when it holds nothing of a posting.
pub fn record_doc(o: &Map<String, Value>, origin: Origin, format: Format) -> Option<Doc> {
    let mut doc = Doc::new(format);
    let mut w = Walk {
        doc: &mut doc,
        origin,
        descriptions: Vec::new(),
        sections: Vec::new(),
        place_parts: Vec::new(),
        in_list: false,
        headline: headline_only(o),
    };
    if let Some(t) = lever_title(o)
        && !o
            .iter()
            .any(|(k, _)| label_of(k) == Some(Label::Key(Key::Title)))
    {
        w.doc.text(Key::Title, body::inline_text(t), origin);
    }
    w.object(o, 0);
    // A board's flag that it predicted the pay (Adzuna's `salary_is_predicted: 1`): the
    // record's figures are the board's estimate, not the employer's.
    if o.iter()
        .any(|(k, v)| norm_label(k).contains("predicted") && flag_of(v) == Some(true))
    {
        w.doc.mark_estimates(0);
    }
    if !w.place_parts.is_empty() {
        let mut parts: Vec<String> = Vec::new();
        for p in std::mem::take(&mut w.place_parts) {
            if !parts.iter().any(|x| x.eq_ignore_ascii_case(&p)) {
                parts.push(p);
            }
        }
        w.doc.text(Key::Location, parts.join(", "), origin);
    }
    let descriptions = std::mem::take(&mut w.descriptions);
    let mut sections = std::mem::take(&mut w.sections);
    if descriptions.is_empty() && sections.is_empty() {
        sections = prose_pieces(o)
            .into_iter()
            .map(|t| (None, t.to_string()))
            .collect();
    }
    // Title from a bare `name` when nothing else names it (Adzuna, SmartRecruiters, an
    // export's "Name" column).
    if !doc.has(Key::Title)
        && let Some(Value::String(n)) = bare_name(o)
        && n.chars().count() <= 120
        && !n.contains('\n')
    {
        doc.text(Key::Title, body::inline_text(n), origin);
    }
    // An employer named only by an object of its own under a key no vocabulary names
    // (InfoJobs' `author: {name, uri, logoUrl}`): an organization is what has a logo.
    if !doc.has(Key::Company)
        && let Some(name) = o.values().find_map(|v| {
            let org = v.as_object()?;
            org.keys()
                .any(|k| norm_label(k).starts_with("logo"))
                .then(|| org.get("name").and_then(text_of))
                .flatten()
        })
    {
        doc.text(Key::Company, body::inline_text(&name), origin);
    }
    // Title from a key whose last word says what its value heads (`anno_subject`,
    // `posting_headline`) when its value names a role and nothing else names the title.
    if !doc.has(Key::Title)
        && let Some(t) = heading_key_title(o)
    {
        doc.text(Key::Title, body::inline_text(t), origin);
    }
    if !doc.has(Key::Title)
        && let Some(t) = nested_title(o)
    {
        doc.text(Key::Title, body::inline_text(&t), origin);
    }
    description_blocks(&mut doc, descriptions, sections);
    company_info(&mut doc, o);
    super::label_facts(&mut doc);
    if !doc.has(Key::Title) && !doc.has(Key::Company) && doc.blocks.is_empty() {
        return None;
    }
    Some(doc)
}

/// A title value of two short lines, the second a name: (the role, the employer).
fn card_lines(t: &str) -> Option<(String, String)> {
    if t.contains('<') || t.chars().count() > 240 {
        return None;
    }
    let lines: Vec<&str> = t.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let [role, by] = lines[..] else { return None };
    let names = by.chars().count() <= 80
        && by.split_whitespace().count() <= 8
        && !by.ends_with([':', '!', '?'])
        // "Pointo Teknoloji A.Ş.", not a sentence.
        && (!by.ends_with('.') || by.split_whitespace().count() <= 4)
        && !super::super::fields::title::looks_like_title(by);
    // A role the vocabulary does not know over a hidden employer ("SYSTEM LINUX" / "חסוי",
    // confidential) is still the role.
    let role_shaped = super::super::fields::title::looks_like_title(role)
        || (super::super::fields::company::is_placeholder(by)
            && role.chars().count() <= 80
            && !role.ends_with(['.', ':', '!', '?']));
    (names && role_shaped).then(|| (role.to_string(), by.to_string()))
}

/// The value of an object's bare `name` key, whatever its case ("name", "Name").
/// Whether a record is titled, or named by a bare `name` (as postings beside it may title
/// themselves).
pub fn has_title_or_name(o: &Map<String, Value>) -> bool {
    has_title(o) || has_bare_name(o)
}

/// Whether `o` has a `name` holding text.
fn has_bare_name(o: &Map<String, Value>) -> bool {
    bare_name(o)
        .and_then(Value::as_str)
        .is_some_and(|n| !n.trim().is_empty())
}

fn bare_name(o: &Map<String, Value>) -> Option<&Value> {
    o.get("name").or_else(|| {
        o.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("name"))
            .map(|(_, v)| v)
    })
}

/// Whether a key names pay itself ("salary_min", "minSalary", "pay from"), beyond a bound.
fn names_pay(key: &str) -> bool {
    let k = key.to_lowercase();
    ["sal", "pay", "comp", "wage", "amount", "rate", "earn"]
        .iter()
        .any(|w| k.contains(w))
        || vocab().pay_bound(key).is_some()
}

impl Walk<'_> {
    fn object(&mut self, o: &Map<String, Value>, depth: usize) {
        let mut money = Money::default();
        // Whether a bound's key says it is pay ("salary_min"), not only a bound ("min").
        let mut named_pay = false;
        // Whether the record says where the job is, under a place's key of its own: asked only
        // of a record with a key naming where its employer is (a look at every key's label).
        let states_place = || {
            o.iter().any(|(k, v)| {
                !v.is_null()
                    && (matches!(
                        label_of(k),
                        Some(Label::Key(Key::Location) | Label::City | Label::Key(Key::Country))
                    ) || place_by_key(k, v).is_some())
            })
        };
        // Keys in the order of their labels' usualness ("title" before "role"), whatever
        // order the object keeps them in.
        let mut entries: Vec<(usize, &String, &Value)> = o
            .iter()
            .map(|(k, v)| {
                let rank = vocab().label_ranked(k).map_or(usize::MAX, |l| l.1);
                (rank, k, v)
            })
            .collect();
        entries.sort_by_key(|e| e.0);
        for (_, k, v) in entries {
            if matches!(v, Value::Null) {
                continue;
            }
            // A key that is a place only when its value names one ("area": {"name": "Москва"}
            // at hh.ru; Italian postings' "area" is a team).
            if depth == 0
                && let Some(place) = place_by_key(k, v)
            {
                self.doc.text(Key::Location, place, self.origin);
                continue;
            }
            // Where the employer is, in a record that says nothing of where the job is.
            if depth == 0
                && vocab().seat_keys.contains(&norm_label(k))
                && !states_place()
                && let Some(place) = text_of(v).filter(|p| crate::parse::places::is_place(p))
            {
                self.doc.text(Key::Location, place, self.origin);
                continue;
            }
            match label_of(k) {
                Some(Label::Key(key)) => self.fact(key, v, depth),
                Some(Label::Description) => {
                    if depth <= 2 {
                        self.description(k, v);
                    }
                }
                Some(Label::SalaryMin) => {
                    named_pay |= names_pay(k);
                    money.min = money.min.or_else(|| number_of(v))
                }
                Some(Label::SalaryMax) => {
                    named_pay |= names_pay(k);
                    money.max = money.max.or_else(|| max_of(v))
                }
                Some(Label::PayPeriod) => money.period = money.period.or_else(|| text_of(v)),
                Some(Label::RemoteRegion) => {
                    self.location(v, depth);
                    self.doc
                        .push(Key::RemoteFlag, FactValue::Flag(true), self.origin);
                }
                Some(Label::City | Label::Region) => {
                    if depth == 0
                        && let Some(t) = place_text(v)
                    {
                        self.place_parts.push(t);
                    }
                }
                None => self.unknown(k, v, depth),
            }
        }
        if money.min.is_some() || money.max.is_some() {
            // The currency named next to the bounds.
            money.currency = o
                .iter()
                .find(|(k, _)| label_of(k) == Some(Label::Key(Key::Currency)))
                .and_then(|(_, v)| text_of(v))
                // Else the sign a bound is written with ("Minimum Salary": "$18.00").
                .or_else(|| {
                    o.iter()
                        .filter(|(k, _)| {
                            matches!(label_of(k), Some(Label::SalaryMin | Label::SalaryMax))
                        })
                        .find_map(|(_, v)| currency_sign(v.as_str()?.trim()))
                        .map(|(sign, _)| sign.to_string())
                });
            // A bound's key whose word names the money ("min_ral": a year's euros in Italy).
            if let Some((currency, period)) = o
                .iter()
                .filter(|(k, _)| matches!(label_of(k), Some(Label::SalaryMin | Label::SalaryMax)))
                .flat_map(|(k, _)| key_words(k))
                .find_map(|w| vocab().label_money.get(&w))
            {
                money.currency.get_or_insert_with(|| currency.clone());
                money.period.get_or_insert_with(|| period.clone());
            }
            // A bound's key that names the period ("annualSalaryFrom", "hourly_rate_min").
            if money.period.is_none()
                && let Some(period) = o
                    .iter()
                    .filter(|(k, _)| {
                        matches!(label_of(k), Some(Label::SalaryMin | Label::SalaryMax))
                    })
                    .find_map(|(k, _)| {
                        super::super::fields::salary::period_of(&key_words(k).join(" "))
                    })
            {
                money.period = Some(period.to_string());
            }
            // Bare bounds ("min", "max") are pay only beside a currency or a pay period: a
            // `scope_of_work: {min: 100, max: 100}` is a percentage of full time.
            if !named_pay && money.currency.is_none() && money.period.is_none() {
                return;
            }
            money.kind = pay_kind(o);
            if money.period.is_none()
                && o.keys()
                    .any(|k| vocab().yearly_pay_keys.contains(&norm_label(k)))
            {
                money.period = Some("year".to_string());
            }
            if money.kind != PayKind::Estimated || depth == 0 {
                self.doc
                    .push(Key::Pay, FactValue::Money(money), self.origin);
            }
        }
    }

    /// A value under a key that names a fact.
    fn fact(&mut self, key: Key, v: &Value, depth: usize) {
        let origin = self.origin;
        match key {
            // The title and the employer of the record itself, not of a nested thing.
            Key::Title if depth > 0 => {}
            Key::Company if depth > 1 => {}
            // A company value keeps its lines: a rating glued under the name is dropped later.
            Key::Company => {
                if let Some(t) = text_of(v) {
                    let t = if t.contains('<') || t.contains('&') {
                        body::inline_text(&t)
                    } else {
                        t
                    };
                    // "TAM Aviação Executiva - São Paulo, SP.": the employer's place after a
                    // dash is where the job is, weaker than a column of its own.
                    if let Some((name, place)) = name_then_place(&t) {
                        self.doc.text(key, name, origin);
                        self.doc.text(Key::Location, place, Origin::Header);
                    } else {
                        self.doc.text(key, t, origin);
                    }
                }
            }
            Key::Title if !v.is_string() => {}
            // A card's text scraped into the title cell: the role on its first line, the
            // employer on the next ("İş Analisti\n      \n   Moda Selvim"), weaker than a
            // company column.
            Key::Title
                if let Some(t) = text_of(v)
                    && let Some((role, by)) = card_lines(&t) =>
            {
                self.doc.text(key, role, origin);
                self.doc.text(Key::Company, by, Origin::Header);
            }
            Key::Team => {
                if let Some(t) = text_of(v) {
                    let (key, value) = super::team_or_term(&t);
                    self.doc.text(key, body::inline_text(value), origin);
                }
            }
            // A record that is its title alone: the title is a header line, its pieces (the
            // mode, the place, the employer) taken apart.
            Key::Title if self.headline.is_some() => {
                if let Some(t) = text_of(v) {
                    let t = body::inline_text(&t);
                    if let Some(name) = self.headline.as_ref().and_then(headline_employer) {
                        self.doc.text(Key::Company, name, Origin::Header);
                    }
                    self.doc.text(key, t, Origin::Header);
                }
            }
            Key::Title | Key::Posted | Key::Seniority | Key::Experience => {
                if let Some(t) = text_of(v) {
                    self.doc.text(key, body::inline_text(&t), origin);
                }
            }
            Key::Url | Key::Link => {
                if let Some(t) = text_of(v).filter(|u| u.starts_with("http")) {
                    self.doc.text(key, t, origin);
                }
            }
            Key::Contact => {
                if let Some(t) = text_of(v).filter(|t| is_address(t)) {
                    self.doc.text(key, t, origin);
                }
            }
            Key::RemoteFlag | Key::HybridFlag => match flag_of(v) {
                Some(b) => self.doc.push(key, FactValue::Flag(b), origin),
                None => {
                    if let Some(t) = text_of(v) {
                        self.doc.text(Key::WorkMode, t, origin);
                    }
                }
            },
            Key::Location => self.location(v, depth),
            Key::Country => {
                if let Some(t) = text_of(v) {
                    self.doc.text(Key::Country, t, origin);
                }
            }
            Key::Salary | Key::Pay => self.pay(v, depth),
            Key::SalaryEstimate => {
                let from = self.doc.facts.len();
                self.pay(v, depth);
                self.doc.mark_estimates(from);
            }
            Key::Currency => {
                if let Some(t) = text_of(v) {
                    self.doc.text(Key::Currency, t, origin);
                }
            }
            Key::ExperienceMonths => {
                if let Some(n) = number_of(v) {
                    self.doc.push(key, FactValue::Number(n), origin);
                }
            }
            Key::Skill | Key::Benefit => {
                // A tag typed as a place (AngelList's `{"tag_type": "LocationTag",
                // "display_name": "Redwood City"}`) is the job's place, no skill. Other typed
                // tags stay tags: a "RoleTag" is a category, not the title.
                let untyped;
                let v = match v {
                    Value::Array(a) if a.iter().any(|i| place_tag(i).is_some()) => {
                        for (label, t) in a.iter().filter_map(place_tag) {
                            add_label_fact(self.doc, label, &t, origin);
                        }
                        untyped = Value::Array(
                            a.iter()
                                .filter(|i| place_tag(i).is_none())
                                .cloned()
                                .collect(),
                        );
                        &untyped
                    }
                    _ => v,
                };
                for item in list_of(v) {
                    // "Full TimeExperienced": a card's pills a scraper glued together.
                    match super::glued_badges(&item) {
                        Some(terms) => {
                            for t in terms {
                                self.doc.text(key, t, origin);
                            }
                        }
                        None => self.doc.text(key, item, origin),
                    }
                }
            }
            Key::WorkMode | Key::EmploymentType | Key::Badge | Key::Subject => match v {
                Value::Array(a) => {
                    for item in a.iter().filter_map(text_of) {
                        self.doc.text(key, item, origin);
                    }
                }
                Value::Bool(b) if key == Key::WorkMode => {
                    self.doc.push(Key::RemoteFlag, FactValue::Flag(*b), origin)
                }
                // The workplace as an object of its own ("workplace": {"address": {…},
                // "workplaceType": "remote"}): its fields are the record's.
                Value::Object(m) if key == Key::WorkMode && text_of(v).is_none() => {
                    self.object(m, depth + 1)
                }
                other => {
                    if let Some(t) = text_of(other) {
                        self.doc.text(key, t, origin);
                    }
                }
            },
            // No record key names a page's summary of itself.
            Key::Summary => {}
        }
    }

    /// A location value: a text, a list, a place object (with its own remote/hybrid flags).
    fn location(&mut self, v: &Value, depth: usize) {
        let origin = self.origin;
        match v {
            Value::String(_) | Value::Number(_) => {
                if let Some(t) = place_text(v) {
                    // A scraper's column filled with the job's contract ("location":
                    // "fulltime", "intern"): a badge, no place.
                    if vocab().term_key(&t.replace('_', " ")) == Some(Key::EmploymentType) {
                        self.doc.text(Key::Badge, t, origin);
                    } else {
                        self.doc.text(Key::Location, t, origin);
                    }
                }
            }
            Value::Array(a) => {
                for item in a {
                    self.location(item, depth);
                }
            }
            Value::Object(o) => {
                if let Some(place) = place_of(o) {
                    self.doc.text(Key::Location, place, origin);
                } else if let Some(place) = text_of(v) {
                    // A place object named by its label ("lieuTravail": {"libelle": "LYON 03"}).
                    self.doc.text(Key::Location, place, origin);
                } else if depth < 4 {
                    // A wrapper of places ("location": {"places": [{"city": …}, …]}).
                    for list in o.values().filter(|v| v.is_array()) {
                        self.location(list, depth + 1);
                    }
                }
                for (k, v) in o {
                    if let Some(Label::Key(
                        key @ (Key::RemoteFlag | Key::HybridFlag | Key::WorkMode),
                    )) = label_of(k)
                    {
                        self.fact(key, v, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }

    /// A pay value: a text, a number, an object of bounds (or of texts, or of components).
    fn pay(&mut self, v: &Value, depth: usize) {
        let origin = self.origin;
        match v {
            Value::String(s) if !is_missing(s) => {
                self.doc.text(Key::Salary, body::inline_text(s), origin);
            }
            Value::Number(_) => {
                if let Some(n) = number_of(v) {
                    self.doc.push(
                        Key::Pay,
                        FactValue::Money(Money {
                            min: Some(n),
                            max: Some(n),
                            ..Money::default()
                        }),
                        origin,
                    );
                }
            }
            Value::Array(a) => {
                for item in a {
                    self.pay(item, depth + 1);
                }
            }
            Value::Object(o) if depth < MAX_DEPTH => {
                // Bounds in this object (`salaryRange`, a MonetaryAmount's QuantitativeValue).
                self.object_pay(o, depth);
            }
            _ => {}
        }
    }

    /// The pay of an object: its bounds, its pay texts, its nested components.
    fn object_pay(&mut self, o: &Map<String, Value>, depth: usize) {
        let origin = self.origin;
        let kind = pay_kind(o);
        if kind == PayKind::Estimated && depth > 0 {
            return;
        }
        let mut money = Money {
            kind,
            ..Money::default()
        };
        for (k, v) in o {
            let nk = norm_label(k);
            match label_of(k) {
                Some(Label::SalaryMin) => money.min = money.min.or_else(|| number_of(v)),
                Some(Label::SalaryMax) => money.max = money.max.or_else(|| max_of(v)),
                Some(Label::PayPeriod) => money.period = money.period.or_else(|| text_of(v)),
                Some(Label::Key(Key::Currency)) => {
                    money.currency = money.currency.or_else(|| text_of(v))
                }
                Some(Label::Key(Key::Salary)) | Some(Label::Key(Key::Pay)) => {
                    self.pay(v, depth + 1)
                }
                _ if nk == "value" => match v {
                    Value::Object(_) | Value::Array(_) => self.pay(v, depth + 1),
                    other => {
                        if let Some(n) = number_of(other) {
                            money.min = money.min.or(Some(n));
                            money.max = money.max.or(Some(n));
                        } else if let Some(t) = text_of(other) {
                            self.doc.text(Key::Salary, t, origin);
                        }
                    }
                },
                _ => match v {
                    Value::Object(_) | Value::Array(_) => self.pay(v, depth + 1),
                    // A pay object's text: its summary, or its label ("salaire": {"libelle":
                    // "Annuel de 20148,00 Euros à 25000,00 Euros"}, as France Travail writes;
                    // "salary": {"code": "12", "name": "3,000~3,200만원"}, as Saramin does).
                    Value::String(s)
                        if (nk.contains("summary")
                            || matches!(
                                nk.as_str(),
                                "label" | "text" | "displayname" | "name"
                            )
                            || vocab().name_keys.contains(&nk))
                            && !is_missing(s) =>
                    {
                        self.doc.text(Key::Salary, body::inline_text(s), origin)
                    }
                    _ => {}
                },
            }
        }
        if money.min.is_some() || money.max.is_some() {
            self.doc.push(Key::Pay, FactValue::Money(money), origin);
        }
    }

    /// A description-like value.
    fn description(&mut self, key: &str, v: &Value) {
        let nk = norm_label(key);
        let pref = DESCRIPTION_ORDER
            .iter()
            .position(|k| *k == nk)
            .unwrap_or(DESCRIPTION_ORDER.len());
        match v {
            Value::String(s) if !is_missing(s) => {
                // Rich text a CMS keeps as JSON (a database dump's `content` column).
                let text = super::rich_text::html_of_json_text(s).unwrap_or_else(|| s.clone());
                self.descriptions.push((pref, nk, text));
            }
            Value::Object(_) | Value::Array(_) if let Some(html) = super::rich_text::html_of(v) => {
                self.descriptions.push((pref, nk, html));
            }
            Value::Object(o) => {
                if let Some(section) = section_of(o) {
                    self.sections.push(section);
                } else {
                    for (k, v) in o {
                        if let Value::Object(inner) = v
                            && let Some(section) = section_of(inner)
                        {
                            self.sections.push(section);
                        } else if label_of(k) == Some(Label::Description) {
                            self.description(k, v);
                        } else if label_of(k).is_none()
                            && let Some(body) = section_body(v)
                        {
                            // A part of the description under a key of its own (`"description":
                            // {"info": "…", "tech": ["…"], "finance": ["…"]}`): a section each.
                            self.sections.push((Some(key_heading(k)), body));
                        }
                    }
                }
            }
            // Paragraphs kept as a list of strings ("description": ["…", "【給与】月給 …"]):
            // the description, a paragraph each.
            Value::Array(a) if !a.is_empty() && a.iter().all(Value::is_string) => {
                let text = a
                    .iter()
                    .filter_map(Value::as_str)
                    .filter(|s| !is_missing(s))
                    .collect::<Vec<_>>()
                    .join("\n\n");
                if !text.trim().is_empty() {
                    self.descriptions.push((pref, nk, text));
                }
            }
            Value::Array(a) => {
                for item in a {
                    if let Value::Object(o) = item
                        && let Some(section) = section_of(o)
                    {
                        self.sections.push(section);
                    }
                }
            }
            _ => {}
        }
    }

    /// A key the vocabulary does not know: nested objects are walked, name/value lists read
    /// as labels, title/text lists as sections.
    fn unknown(&mut self, key: &str, v: &Value, depth: usize) {
        if depth >= MAX_DEPTH {
            return;
        }
        // A key that names a section of the posting ("requirements": ["…", "…"], `tasks`,
        // `keyResponsibilities`, "Aufgaben") holds that section, under the key's words: the
        // record's own, not another job's card in a list.
        if depth <= 1
            && !self.in_list
            && let Some(heading) = section_key(key)
            && let Some(body) = section_body(v)
        {
            self.sections.push((Some(heading), body));
            return;
        }

        match v {
            Value::Object(o) => {
                if let Some(section) = section_of(o) {
                    self.sections.push(section);
                } else {
                    self.object(o, depth + 1);
                }
            }
            // A list of "Label: value" lines under a key no vocabulary names ("Requirement":
            // ["Employment Type: Full Time, Permanent", "Location: Kharadi, Pune"]): the
            // posting's text, whose labelled lines are read as a text's are.
            Value::Array(a) if depth <= 1 && !a.is_empty() && a.iter().all(Value::is_string) => {
                let lines: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
                let labelled = lines
                    .iter()
                    .filter(|l| super::label_line(l).is_some())
                    .count();
                if labelled >= 2 && labelled * 2 >= lines.len() {
                    self.sections.push((None, lines.join("\n")));
                }
            }
            Value::Array(a) => {
                let objs: Vec<&Map<String, Value>> =
                    a.iter().filter_map(Value::as_object).collect();
                if objs.is_empty() || objs.len() != a.len() {
                    return;
                }
                for o in objs {
                    if let Some((name, value)) = name_value(o) {
                        if let Some(label) = label_of(&name) {
                            add_label_fact(self.doc, label, &value, self.origin);
                        } else {
                            // A fact whose name is no field ("hours": "Fulltime · 32–40 uur")
                            // is still the posting's text.
                            self.sections.push((None, value));
                        }
                    } else if let Some(section) = section_of(o) {
                        self.sections.push(section);
                    } else if depth + 1 < MAX_DEPTH && norm_label(key) != "jobs" {
                        let was = std::mem::replace(&mut self.in_list, true);
                        self.object(o, depth + 1);
                        self.in_list = was;
                    }
                }
            }
            // A long text of several lines under a key no vocabulary names (a dump's
            // `descript` column) is the posting's text.
            Value::String(t) if depth == 0 && is_long_text(t) => {
                self.description(key, v);
            }
            // An e-mail address under any key (`cta_email`, `recruiter`): where to write.
            Value::String(t) if depth <= 1 && t.contains('@') && is_address(t) => {
                self.doc.text(Key::Contact, t.trim(), self.origin);
            }
            // A value that is wholly a contract or a mode word, under a key no vocabulary
            // names (`time: "Полная занятость"`, a campus export's `stage: 实习`,
            // `modality: "Teletrabajo"`): the posting's, of the record itself or of an
            // object of it (`info: {…}`), not of a list.
            Value::String(t)
                if depth <= 1
                    && !self.in_list
                    && t.chars().count() <= 40
                    && vocab().site_keys.whole(key).is_none() =>
            {
                let t = t.trim();
                if let Some(key) = vocab().term_key(t) {
                    self.doc.text(key, t, self.origin);
                }
            }
            // A yes/no column named after a contract, set (`employ_fulltime: 1`,
            // `is_part_time: true`, a job app's one column per kind): that contract.
            v if depth <= 1 && !self.in_list && flag_of(v) == Some(true) => {
                if let Some(kind) = contract_in_key(key) {
                    self.doc.text(Key::EmploymentType, kind, self.origin);
                }
            }
            _ => {}
        }
    }
}

/// A place's value as text; a record's state under a place's key (a GitHub issue's "state":
/// "open") is none.
fn place_text(v: &Value) -> Option<String> {
    text_of(v).filter(|t| vocab().title_statuses.whole(t.trim()).is_none())
}

/// The contract a key's last words name ("employ_fulltime" → "fulltime", "isPartTime" → "part
/// time"), when they name one and nothing more.
fn contract_in_key(key: &str) -> Option<String> {
    let words = super::super::vocab::key_words(key);
    let kinds = &vocab().employment;
    (0..words.len()).find_map(|i| {
        let tail = &words[i..];
        [tail.join(" "), tail.concat()]
            .into_iter()
            .find(|t| kinds.whole(t).is_some())
    })
}

/// Facts about the employer in a record: a rating column (or a rating glued under the company
/// name, "Ericsson\n3.9", as job-site scrapes give it), the headquarters, the size, the blurb.
fn company_info(doc: &mut Doc, o: &Map<String, Value>) {
    let first = |keys: &[&str]| keys.iter().find_map(|k| get(o, k)).filter(|v| !v.is_null());
    let mut info = crate::posting::CompanyInfo::default();
    if let Some(Value::String(s)) = first(&["company", "company_name", "companyname", "employer"])
        && s.lines().filter(|l| !l.trim().is_empty()).count() > 1
    {
        info.rating = s
            .lines()
            .map(str::trim)
            .rfind(|l| !l.is_empty())
            .and_then(|l| l.parse().ok())
            .filter(|r: &f32| (0.0..=5.0).contains(r));
    }
    if info.rating.is_none() {
        info.rating = first(&["rating", "companyrating", "company_rating"])
            .and_then(number_of)
            .map(|r| r as f32)
            .filter(|r| (0.0..=5.0).contains(r));
    }
    info.headquarters = first(&["headquarters", "companyheadquarters", "hq"]).and_then(text_of);
    info.size =
        first(&["size", "companysize", "companynumemployees", "employees"]).and_then(text_of);
    info.about = first(&[
        "companydescription",
        "aboutcompany",
        "companyabout",
        "company_description",
    ])
    .and_then(text_of)
    .map(|t| body::inline_text(&t));
    if !info.is_empty() {
        doc.company_info = Some(Box::new(info));
    }
}

/// The kind of pay an object holds: base, total, or an estimate of the board.
fn pay_kind(o: &Map<String, Value>) -> PayKind {
    let words: String = o
        .iter()
        .filter(|(k, _)| {
            let nk = norm_label(k);
            nk.contains("type") || nk.contains("kind") || nk == "title" || nk.contains("source")
        })
        .filter_map(|(_, v)| text_of(v))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if words.contains("estimat") || words.contains("predicted") {
        PayKind::Estimated
    } else if words.contains("equity") || words.contains("bonus") || words.contains("commission") {
        // Not the salary at all: marked total so that a base figure wins over it.
        PayKind::Total
    } else if words.contains("total") || words.contains("ote") {
        PayKind::Total
    } else {
        PayKind::Base
    }
}

/// A tag typed as a place (`{"tag_type": "LocationTag", "display_name": "Redwood City"}`): its
/// label and place.
fn place_tag(item: &Value) -> Option<(Label, String)> {
    let (name, text) = name_value(item.as_object()?)?;
    label_of(&name)
        .filter(|l| matches!(l, Label::Key(Key::Location | Key::Country) | Label::City))
        .map(|l| (l, text))
}

/// `{name, value}`, `{fieldLabel, valueLabel}`, `{label, value}`, `{key, value}`, `{icon,
/// label}`: a labelled value of a list.
fn name_value(o: &Map<String, Value>) -> Option<(String, String)> {
    for (nk, vk) in [
        ("name", "value"),
        ("fieldLabel", "valueLabel"),
        ("label", "value"),
        ("key", "value"),
        ("title", "value"),
        ("icon", "label"),
        ("type", "label"),
        // AngelList's tags: `{"tag_type": "LocationTag", "display_name": "Redwood City"}`.
        ("tag_type", "display_name"),
    ] {
        if let (Some(Value::String(n)), Some(v)) = (o.get(nk), o.get(vk))
            && let Some(t) = text_of(v)
            && t.chars().count() <= 200
        {
            return Some((n.clone(), t));
        }
    }
    None
}

/// A name and the place after its last dash ("TAM Aviação Executiva - São Paulo, SP." →
/// "TAM Aviação Executiva", "São Paulo, SP"), when what follows the dash is a place the
/// gazetteer knows (its first piece before a comma) and what comes before is none.
fn name_then_place(t: &str) -> Option<(&str, &str)> {
    let (name, place) = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| t.rsplit_once(d))
        .max_by_key(|(name, _)| name.len())?;
    let name = name.trim();
    let place = place.trim().trim_end_matches(['.', ' ']);
    let first = place.split(',').next().unwrap_or("").trim();
    (name.chars().count() >= 2
        && !first.is_empty()
        && (crate::parse::places::place_kind(first).is_some()
            || crate::parse::places::is_place_name(first))
        && !crate::parse::places::is_place(name))
    .then_some((name, place))
}

/// A record's key as the heading of the section it holds ("keyResponsibilities" → "Key
/// responsibilities", `was_du_mitbringst` → "Was du mitbringst"), when its words are a section
/// heading of the languages' `[sections]` about the job: its role, tasks, requirements or
/// benefits (not the employer's, the legal text or how to apply).
fn section_key(key: &str) -> Option<String> {
    use crate::parse::vocab::SectionWord;
    let words = crate::parse::vocab::key_words(key).join(" ");
    if words.chars().count() > 40 {
        return None;
    }
    let kind = vocab().sections.whole(&words)?;
    if !matches!(
        kind,
        SectionWord::Role
            | SectionWord::Responsibilities
            | SectionWord::Requirements
            | SectionWord::Benefits
    ) {
        return None;
    }
    Some(key_heading(key))
}

/// A record's key as a heading: its words as written, but a camel-cased key's later words in
/// small letters, the first letter a capital ("keyResponsibilities" → "Key responsibilities").
fn key_heading(key: &str) -> String {
    let mut shown = String::new();
    let mut prev_lower = false;
    for c in key.trim().chars() {
        if c == '_' || c == '-' {
            shown.push(' ');
        } else if c.is_uppercase() && prev_lower {
            shown.push(' ');
            shown.extend(c.to_lowercase());
        } else {
            shown.push(c);
        }
        prev_lower = c.is_lowercase();
    }
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut c = shown.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A section's text from a record's value: a text, or a list of texts (a point each, or a
/// paragraph each when its items are paragraphs). None when it holds no words.
fn section_body(v: &Value) -> Option<String> {
    let body = match v {
        Value::String(s) if !is_missing(s) => s.trim().to_string(),
        Value::Array(a) if !a.is_empty() && a.iter().all(Value::is_string) => {
            let items: Vec<&str> = a
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !is_missing(s))
                .collect();
            let point = |s: &&str| !s.contains('\n') && !s.starts_with('<');
            if items.iter().all(point) {
                as_points(&items)
            } else {
                items.join("\n\n")
            }
        }
        _ => return None,
    };
    body.chars().any(char::is_alphabetic).then_some(body)
}

/// Texts as a list's points, a line each ("- …").
fn as_points(items: &[&str]) -> String {
    items
        .iter()
        .map(|p| format!("- {}", p.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `{title|text|heading|name, content|text|body|description}` with a body of some length: a
/// description section.
fn section_of(o: &Map<String, Value>) -> Option<(Option<String>, String)> {
    let (hk, heading) = ["title", "heading", "text", "name", "label"]
        .iter()
        .find_map(|k| {
            o.get(*k)
                .and_then(Value::as_str)
                .filter(|h| h.chars().count() <= 80 && !h.contains('\n'))
                .map(|h| (*k, h))
        })?;
    let text = ["content", "text", "body", "description", "html", "value"]
        .iter()
        .filter(|k| **k != hk)
        .find_map(|k| o.get(*k).and_then(Value::as_str));
    // Its points as a list of strings (`"bullets": ["Salário: R$ 2.031,00 (CLT)", …]`), after
    // its text if it has one.
    let points: Vec<&str> = ["bullets", "items", "points", "list", "lines", "content"]
        .iter()
        .filter(|k| **k != hk)
        .find_map(|k| {
            let a = o.get(*k)?.as_array()?;
            let items: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
            (!items.is_empty() && items.len() == a.len()).then_some(items)
        })
        .unwrap_or_default();
    if text.is_none() && points.is_empty() {
        return None;
    }
    let mut body = text.unwrap_or("").to_string();
    if !points.is_empty() {
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(&as_points(&points));
    }
    (body.trim().chars().count() > 40).then(|| (Some(body::inline_text(heading)), body))
}

/// A schema.org Place or PostalAddress, or an ATS location object, as "City, Region,
/// Country" (the country only when no region says where the city is).
pub fn place_of(o: &Map<String, Value>) -> Option<String> {
    // An address written out: the place, unless the object names its town apart
    // ({"address": "Anders Wigens veg 3", "city": "TRONDHEIM"}: the street is no place to
    // show).
    let mut street = None;
    if let Some(addr) = get(o, "address") {
        match addr {
            Value::Object(a) => {
                if let Some(p) = place_of(a) {
                    return Some(p);
                }
            }
            other => street = text_of(other),
        }
    }
    if let Some(Value::Object(pa)) = get(o, "postalAddress")
        && let Some(p) = place_of(pa)
    {
        return Some(p);
    }
    let pick = |keys: &[&str]| keys.iter().find_map(|k| get(o, k).and_then(text_of));
    // The town a language's labels name ("ort", "stadt"), after the schema.org and English
    // keys.
    // A value counts when it names a place ("commune": "69383" is a code, not a town).
    let labelled = |want: &dyn Fn(Label) -> bool| {
        o.iter()
            .filter(|(k, _)| label_of(k).is_some_and(want))
            .filter_map(|(_, v)| text_of(v))
            .find(|t| super::super::places::is_place_name(t))
    };
    let locality = pick(&[
        "addressLocality",
        "city",
        "cityName",
        "locality",
        "town",
        "municipality",
    ])
    .or_else(|| labelled(&|l| matches!(l, Label::City | Label::Key(Key::Location))));
    let region = pick(&["addressRegion", "region", "state", "province"]);
    if locality.is_none()
        && region.is_none()
        && let Some(street) = street
    {
        return Some(street);
    }
    let country = pick(&["addressCountry", "country", "countryName", "countryCode"]);
    let mut parts: Vec<String> = Vec::new();
    for part in [locality.clone(), region.clone()].into_iter().flatten() {
        if !parts.iter().any(|p| p.eq_ignore_ascii_case(&part)) {
            parts.push(part);
        }
    }
    // The place's name, when no part names its town or region: it says more than a
    // country's code beside it ({"label": "Wellington Central, Wellington", "countryCode":
    // "NZ"}).
    if parts.is_empty()
        && let Some(name) = ["name", "display_name", "label", "fullLocation", "location"]
            .iter()
            .find_map(|k| get(o, k).and_then(text_of))
    {
        return Some(name);
    }
    if let Some(c) = country
        && (locality.is_none() || region.is_none())
        && !parts.iter().any(|p| p.eq_ignore_ascii_case(&c))
    {
        parts.push(c);
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A list of short items from an array or a comma-separated string.
pub fn list_of(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(text_of).collect(),
        other => text_of(other)
            .map(|s| {
                let s = body::inline_text(&s);
                s.split([',', ';', '\n', '|', '·'])
                    .map(|t| {
                        t.trim()
                            .trim_start_matches(['-', '*', '•'])
                            .trim()
                            .to_string()
                    })
                    .filter(|t| !t.is_empty() && t.chars().count() <= 60)
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The description: the preferred body, then the sections and addenda it does not hold yet.
fn description_blocks(
    doc: &mut Doc,
    mut descriptions: Vec<(usize, String, String)>,
    sections: Vec<(Option<String>, String)>,
) {
    descriptions.sort_by_key(|d| d.0);
    // A plain-text twin of an HTML body says the same thing.
    let keys: Vec<String> = descriptions.iter().map(|d| d.1.clone()).collect();
    let (addenda, bodies): (Vec<_>, Vec<_>) = descriptions
        .into_iter()
        .filter(|(_, k, _)| {
            !(k.ends_with("plain") && keys.contains(&k.trim_end_matches("plain").to_string()))
        })
        .partition(|(_, k, _)| ADDENDUM_KEYS.iter().any(|a| k.starts_with(a)));
    if let Some((_, _, text)) = bodies.first() {
        let blocks = body::to_blocks(text);
        // A feed writes the job's place on the description's first line ("Toronto, Ontario,
        // Canada" above the text, read as a heading or as the first line of a paragraph): a
        // place the header gives, weaker than a place field.
        if let Some(first) = blocks.first()
            && let Some(line) = first.text.lines().next()
        {
            for place in crate::parse::fields::location::place_line(line) {
                doc.text(Key::Location, place, Origin::Header);
            }
        }
        doc.blocks.extend(blocks);
    }
    let mut have: String = doc
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase();
    let mut add = |heading: Option<String>, text: &str, doc: &mut Doc| {
        let blocks = body::to_blocks(text);
        let probe: String = blocks
            .iter()
            .find(|b| b.kind != BlockKind::Heading)
            .map(|b| b.text.chars().take(60).collect::<String>().to_lowercase())
            .unwrap_or_default();
        if blocks.is_empty() || (!probe.trim().is_empty() && have.contains(probe.trim())) {
            return;
        }
        if let Some(h) = heading {
            doc.blocks.push(Block::heading(3, h));
        }
        for b in &blocks {
            have.push_str(&b.text.to_lowercase());
            have.push('\n');
        }
        doc.blocks.extend(blocks);
    };
    for (heading, text) in sections {
        add(heading, &text, doc);
    }
    for (_, _, text) in addenda {
        add(None, &text, doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_records_long_text_and_its_words_about_the_employer_add_to_its_summary() {
        let json = r#"[{"title": "Dallas, TX - Driver Jobs", "location": "Dallas, TX",
            "description": "Drive with AYRO in Dallas, TX.",
            "longDescription": "As an AYRO driver in Dallas, your job is simple: get people where they need to go safely.",
            "about": "Ride-sharing is broken for drivers and riders. AYRO is fixing that with a modern mobility platform.\n\nWe believe great platforms are built by diverse people. AYRO is committed to inclusion and equal opportunity."}]"#;
        let p = crate::parse::parse_text(json, "jobs.json")
            .unwrap()
            .remove(0);
        assert_eq!(p.company.as_deref(), Some("AYRO"));
        let text: String = p.sections.iter().map(|s| s.body.as_str()).collect();
        assert!(text.starts_with("Drive with AYRO"));
        assert!(text.contains("your job is simple"));
    }

    #[test]
    fn a_key_that_names_a_section_holds_that_section() {
        let json = r#"[{"title": "Physiotherapeut (m/w/d)", "location": "Freiburg",
            "description": "Verstärke unser Team in Freiburg.",
            "requirements": ["Abgeschlossene Ausbildung als Physiotherapeut", "Freude an Teamarbeit"],
            "keyResponsibilities": "Behandlung orthopädischer Patienten",
            "Ihr_Profil": ["Führerschein Klasse B"],
            "internal_notes": ["Nicht veröffentlichen"]}]"#;
        let p = crate::parse::parse_text(json, "jobs.json")
            .unwrap()
            .remove(0);
        let sections: Vec<(Option<&str>, &str)> = p
            .sections
            .iter()
            .map(|s| (s.heading.as_deref(), s.body.as_str()))
            .collect();
        assert!(sections.contains(&(
            Some("Requirements"),
            "• Abgeschlossene Ausbildung als Physiotherapeut\n• Freude an Teamarbeit"
        )));
        assert!(sections.contains(&(
            Some("Key responsibilities"),
            "Behandlung orthopädischer Patienten"
        )));
        assert!(sections.contains(&(Some("Ihr Profil"), "• Führerschein Klasse B")));
        assert!(!sections.iter().any(|(_, b)| b.contains("veröffentlichen")));
        assert_eq!(
            section_key("what_we_offer").as_deref(),
            Some("What we offer")
        );
        assert_eq!(section_key("company"), None);
    }

    #[test]
    fn a_payment_column_is_the_pay() {
        let csv = "position,institution,location,payment\n\
            ASISTENTE EN FUNCION FISCAL,MINISTERIO PUBLICO,AMAZONAS - NIEVA,\"S/. 2,614.19\"\n\
            ADMINISTRADOR,PROGRAMA NACIONAL CUNA MAS,AMAZONAS - BAGUA,\"S/. 5,114.19\"\n";
        let ps = crate::parse::parse_text(csv, "cas.csv").unwrap();
        let pay = ps[0].salary.as_ref().expect("the payment column");
        assert_eq!((pay.min, pay.currency.as_str()), (Some(2614.19), "PEN"));
    }

    #[test]
    fn a_bound_written_with_its_currency_sign_is_a_figure() {
        assert_eq!(number_of(&Value::from("$18.00")), Some(18.0));
        assert_eq!(number_of(&Value::from("25000 €")), Some(25000.0));
        assert_eq!(currency_sign("$200,000"), Some(("$", "200,000")));
        assert_eq!(currency_sign("USD"), None);
    }

    #[test]
    fn an_object_wrapping_another_and_a_pay_object_s_name_are_read() {
        let v = json!({"detail": {"href": "https://x.example/c", "name": "주식회사 윈트리"}});
        assert_eq!(text_of(&v).as_deref(), Some("주식회사 윈트리"));
        let json = r#"{"title": "교육기획", "company": {"detail": {"name": "주식회사 윈트리"}},
            "salary": {"code": "12", "name": "3,000~3,200만원"}}"#;
        let p = crate::parse::parse_text(json, "saramin.json")
            .unwrap()
            .remove(0);
        assert_eq!(p.company.as_deref(), Some("주식회사 윈트리"));
        let pay = p.salary.expect("the pay object's name");
        assert_eq!((pay.min, pay.max), (Some(30_000_000.0), Some(32_000_000.0)));
    }

    #[test]
    fn where_the_employer_is_places_a_job_that_says_nothing_of_its_own() {
        let csv = "Job Title,Company Name,Company Location,Job Description\n\
                   IT Developer,The Tower Ideas,\"London, United Kingdom\",Build our web apps.\n";
        let p = crate::parse::parse_text(csv, "bayt.csv").unwrap().remove(0);
        assert_eq!(p.locations, ["London, United Kingdom"]);
        // A job's own place wins; a company location that names no place is none.
        let csv = "Job Title,Company Name,Company Location,Location,Job Description\n\
                   IT Developer,The Tower Ideas,\"London, United Kingdom\",Berlin,Build our web apps.\n";
        let p = crate::parse::parse_text(csv, "bayt.csv").unwrap().remove(0);
        assert_eq!(p.locations, ["Berlin"]);
        let csv = "Job Title,Company Name,Company Location,Job Description\n\
                   IT Developer,The Tower Ideas,Software and services,Build our web apps.\n";
        let p = crate::parse::parse_text(csv, "bayt.csv").unwrap().remove(0);
        assert!(p.locations.is_empty());
    }

    #[test]
    fn a_description_kept_as_a_list_of_paragraphs() {
        let json = serde_json::json!({"title": "施工管理（土木）", "minSalary": 250000,
            "description": ["三重県四日市市を拠点に施工管理を担当します。", "【給与】月給 250,000円〜400,000円"]});
        let d = record_doc(json.as_object().unwrap(), Origin::Record, Format::Json).unwrap();
        let text: String = d
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(text.contains("月給 250,000円"), "{text}");
        assert!(text.contains("四日市市"), "{text}");
    }

    #[test]
    fn coordinates_and_a_bound_of_nines_are_no_pay() {
        // "lon" folds to the Swedish "lön" (pay) but beside "lat" it is a longitude.
        assert_eq!(label_of("lon"), None);
        assert_eq!(label_of("lng"), None);
        assert_eq!(label_of("lön"), Some(Label::Key(Key::Salary)));
        assert_eq!(max_of(&serde_json::json!(9999999)), None);
        assert_eq!(max_of(&serde_json::json!(99999)), None);
        assert_eq!(max_of(&serde_json::json!(40000)), Some(40000.0));
        assert_eq!(max_of(&serde_json::json!(999)), Some(999.0));
    }

    #[test]
    fn a_board_s_issues_listed_by_their_titles_are_postings() {
        // GitHub's issues of a job board: a number, a link, labels, and a title that says
        // the mode, the place and the employer around the role.
        let json = r#"[
          {"number": 12376, "title": "[Híbrido - São Paulo/SP] Backend Developer - Rentbrella",
           "html_url": "https://github.com/backend-br/vagas/issues/12376",
           "labels": [{"name": "PJ"}, {"name": "Híbrido"}]},
          {"number": 12350, "title": "[Remoto] Desenvolvedora Backend Plena | Grupo RBS",
           "html_url": "https://github.com/backend-br/vagas/issues/12350",
           "labels": [{"name": "CLT"}, {"name": "Remoto"}]}
        ]"#;
        let ps = crate::parse::parse_text(json, "issues.json").unwrap();
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].title.as_deref(), Some("Backend Developer"));
        assert_eq!(ps[0].company.as_deref(), Some("Rentbrella"));
        assert_eq!(ps[0].locations, ["São Paulo/SP"]);
        assert_eq!(ps[0].work_mode, Some(crate::posting::WorkMode::Hybrid));
        assert_eq!(
            ps[0].employment_type,
            Some(crate::posting::EmploymentType::Contract)
        );
        assert_eq!(ps[1].title.as_deref(), Some("Desenvolvedora Backend Plena"));
        assert_eq!(ps[1].company.as_deref(), Some("Grupo RBS"));
        assert_eq!(
            ps[1].employment_type,
            Some(crate::posting::EmploymentType::FullTime)
        );
        // Issues that are no postings are none.
        let json = r#"[{"number": 7, "title": "Release notes for 2.0 [Remote]",
            "html_url": "https://github.com/acme/app/issues/7", "labels": []}]"#;
        assert!(crate::parse::parse_text(json, "issues.json").is_err());
        // A record with columns of its own keeps its title as written.
        let csv = "title,company,job_type,location_type\nMarketing Manager (B2B),,FULL_TIME,TELECOMMUTE\n";
        let ps = crate::parse::parse_text(csv, "jobs.csv").unwrap();
        assert_eq!(ps[0].title.as_deref(), Some("Marketing Manager (B2B)"));
    }

    #[test]
    fn usajobs_pay_ranges_and_a_summary_s_terms_are_read() {
        // USAJOBS' remuneration objects, in a US state that shares its name with a country.
        let json = r#"[{"PositionTitle": "IT Project Manager",
            "OrganizationName": "Centers for Disease Control and Prevention",
            "PositionLocation": [{"LocationName": "Atlanta, Georgia", "CountryCode": "United States",
              "CountrySubDivisionCode": "Georgia", "CityName": "Atlanta, Georgia"}],
            "PositionRemuneration": [{"MinimumRange": "88305.0", "MaximumRange": "114802.0",
              "RateIntervalCode": "PA", "Description": "Per Year"}]},
          {"title": "Senior Technical Business Intelligence Analyst", "company": "Hays",
            "location": "Auckland", "short_description": "6-month contract role to start ASAP"},
          {"title": "IT Data Analyst", "company": "NZ Green Building Council", "location": "Auckland CBD",
            "short_description": "A career with a purpose\nHybrid working"}]"#;
        let ps = crate::parse::parse_text(json, "jobs.json").unwrap();
        let pay = ps[0].salary.as_ref().expect("pay");
        assert_eq!((pay.min, pay.max), (Some(88305.0), Some(114802.0)));
        assert_eq!(pay.currency, "USD");
        assert_eq!(
            ps[1].employment_type,
            Some(crate::posting::EmploymentType::Contract)
        );
        assert_eq!(ps[2].work_mode, Some(crate::posting::WorkMode::Hybrid));
    }

    #[test]
    fn a_key_misspelt_by_one_letter_names_its_label() {
        let title = Some(Label::Key(Key::Title));
        assert_eq!(label_of("postion"), title);
        assert_eq!(label_of("positionn"), title);
        assert_eq!(label_of("poistion"), title);
        assert_eq!(label_of("job_titel"), title);
        // A letter too many ("job skilles", a scraper's column).
        assert_eq!(label_of("job skilles"), Some(Label::Key(Key::Skill)));
        // A doubled letter written once ("contractype", a Tunisian board's scrape).
        assert_eq!(
            label_of("contractype"),
            Some(Label::Key(Key::EmploymentType))
        );
        // A list's key names the field of its items.
        assert_eq!(label_of("location_list"), Some(Label::Key(Key::Location)));
        // Short keys are too near other words; an unknown word is none.
        assert_eq!(label_of("format"), None);
        assert_eq!(label_of("potion"), None);
        assert_eq!(label_of("checksum"), None);
    }

    #[test]
    fn a_yes_no_column_named_after_a_contract_names_it_when_set() {
        let json = r#"[{"title": "Delivery Driver", "company_name": "WorkClass",
            "employ_fulltime": 0, "employ_contract": 0, "employ_parttime": 1,
            "description": "Deliver products across the island."},
            {"title": "Warehouse Assistant", "company_name": "WorkClass",
            "isFullTime": true, "isPartTime": false,
            "description": "Pick and pack orders in the warehouse."}]"#;
        let ps = crate::parse::parse_text(json, "jobs.json").unwrap();
        let kinds: Vec<_> = ps.iter().map(|p| p.employment_type).collect();
        use crate::posting::EmploymentType::{FullTime, PartTime};
        assert_eq!(kinds, [Some(PartTime), Some(FullTime)]);
        assert_eq!(contract_in_key("employ_adhoc"), None);
    }

    #[test]
    fn a_records_state_is_no_place() {
        let json = r#"[{"title": "Desenvolvedor Backend Pleno", "state": "open",
            "body": "Vaga para desenvolvedor backend com Node.js e PostgreSQL."},
            {"title": "Data Engineer", "state": "Texas", "city": "Austin",
            "body": "Build our pipelines in Python and SQL."}]"#;
        let ps = crate::parse::parse_text(json, "issues.json").unwrap();
        assert!(ps[0].locations.is_empty(), "{:?}", ps[0].locations);
        assert!(!ps[1].locations.is_empty());
        // Nor is the state a tracker keeps of an application.
        let md = "---\ntitle: IT Support\ncompany: Amoria Bond GmbH\nstate: rejected\n---\n\nFür einen Kunden suche ich einen IT-Support Mitarbeiter.\n";
        let ps = crate::parse::parse_text(md, "job.md").unwrap();
        assert!(ps[0].locations.is_empty(), "{:?}", ps[0].locations);
    }

    #[test]
    fn a_pay_key_that_names_its_money() {
        let json = r#"[{"name": "Backend Developer", "company": {"name": "Assist Digital"},
            "min_ral": 35000, "max_ral": 45000, "min_ral_extra": 0,
            "description": "Cerchiamo uno sviluppatore backend per il nostro team."}]"#;
        let p = crate::parse::parse_text(json, "jobs.json")
            .unwrap()
            .remove(0);
        let s = p.salary.expect("pay");
        assert_eq!((s.min, s.max), (Some(35000.0), Some(45000.0)));
        assert_eq!(s.currency, "EUR");
        assert_eq!(s.period, crate::posting::Period::Year);
    }

    #[test]
    fn a_place_object_in_another_language_s_keys() {
        let place = |v: Value| place_of(v.as_object().unwrap());
        assert_eq!(
            place(
                json!({"land": "Deutschland", "ort": "Stuttgart", "plz": "70178",
                "region": "Baden-Württemberg", "strasse": "Marienstr. 24"})
            ),
            Some("Stuttgart, Baden-Württemberg".into())
        );
        // A town's code is no town.
        assert_ne!(
            place(json!({"commune": "69383", "libelle": "69 - LYON 03"})).as_deref(),
            Some("69383")
        );
        // A street beside the town's own key: the town.
        assert_eq!(
            place(json!({"country": "NORGE", "address": "Anders Wigens veg 3",
                "city": "TRONDHEIM", "postalCode": "7024"})),
            Some("TRONDHEIM, NORGE".into())
        );
        assert_eq!(
            place(json!({"address": "Marienstr. 24, Stuttgart"})),
            Some("Marienstr. 24, Stuttgart".into())
        );
    }

    fn doc(v: Value) -> Doc {
        record_doc(v.as_object().unwrap(), Origin::Record, Format::Json).unwrap()
    }

    fn texts(d: &Doc, k: Key) -> Vec<String> {
        d.texts(k).map(|(t, _)| t.to_string()).collect()
    }

    #[test]
    fn an_employer_s_place_after_a_dash_and_sections_of_points() {
        let d = doc(json!({
            "titulo": "Agente de atendimento",
            "empresa": "TAM Aviação Executiva - São Paulo, SP. ",
            "sections": [{"title": "Remuneração e horário",
                "bullets": ["Salário: R$ 2.031,00 (CLT)", "Horário: segunda a sexta-feira, das 08h às 18h"]}]
        }));
        assert_eq!(texts(&d, Key::Company), ["TAM Aviação Executiva"]);
        assert_eq!(texts(&d, Key::Location), ["São Paulo, SP"]);
        let p = &crate::parse::parse_text(
            &json!({"title": "Estoquista", "company": "Acme", "sections": [{"title": "Remuneração",
                "bullets": ["Salário: R$ 2.031,00 (CLT)", "Horário: segunda a sexta-feira"]}]})
            .to_string(),
            "jobs.json",
        )
        .unwrap()[0];
        assert_eq!(p.salary.as_ref().and_then(|s| s.min), Some(2031.0));
        // A name with a dash and no place after it stays whole.
        assert_eq!(name_then_place("Rolls-Royce - Power Systems"), None);
        assert_eq!(name_then_place("Berlin - Brandenburg"), None);
    }

    #[test]
    fn an_address_under_any_key_is_where_to_write() {
        let d = doc(json!({
            "title": "Frontend developer",
            "cta_email": "joinus@devport.nl",
            "email": "mailto:jobs@acme.io",
            "note": "write to joinus@devport.nl",
            "contact": "Jan de Vries"
        }));
        let mut got = texts(&d, Key::Contact);
        got.sort();
        assert_eq!(got, ["joinus@devport.nl", "mailto:jobs@acme.io"]);
        assert!(is_address("https://acme.io/apply"));
        assert!(!is_address("a@b"));
        assert!(!is_address("two@a.io three@b.io"));
    }

    #[test]
    fn a_contract_or_mode_word_under_any_key_is_the_postings() {
        let d = doc(json!({
            "title": "项目实习生",
            "stage": "实习",
            "info": {"zanyatost": "Полная занятость", "modality": "Teletrabajo"},
            // A site's template, another job's card, a longer text: none of them.
            "layout": "employee",
            "similar": [{"name": "Analyst", "kind": "Part-time"}, {"name": "Dev", "kind": "Remote"}],
            "note": "Full-time or part-time, as you like"
        }));
        assert_eq!(texts(&d, Key::EmploymentType), ["实习", "Полная занятость"]);
        assert_eq!(texts(&d, Key::WorkMode), ["Teletrabajo"]);
    }

    #[test]
    fn a_key_that_is_a_place_only_when_its_value_names_one() {
        let places = |d: &Doc| {
            d.texts(Key::Location)
                .map(|t| t.0.to_string())
                .collect::<Vec<_>>()
        };
        let hh = doc(json!({
            "name": "Бизнес-аналитик", "employer": {"name": "Capybara"},
            "area": {"id": "1", "name": "Москва", "url": "https://api.hh.ru/areas/1"}
        }));
        assert_eq!(places(&hh), ["Москва"]);
        let team = doc(json!({"title": "Account Executive", "company": "Acme", "area": "Sales"}));
        assert!(places(&team).is_empty());
    }

    #[test]
    fn an_api_that_states_yearly_pay_gives_bare_bounds_a_year() {
        let pay = |d: &Doc| {
            d.facts.iter().find_map(|f| match &f.value {
                FactValue::Money(m) if f.key == Key::Pay => Some(m.period.clone()),
                _ => None,
            })
        };
        let adzuna = doc(json!({
            "title": "Vaga de Estágio em TI", "salary_min": 9720, "salary_max": 9720,
            "salary_is_predicted": "0", "company": {"display_name": "Acme"}
        }));
        assert_eq!(pay(&adzuna), Some(Some("year".to_string())));
        let other = doc(json!({
            "title": "Vaga de Estágio em TI", "salary_min": 9720, "salary_max": 9720,
            "salary_currency": "BRL", "company": {"display_name": "Acme"}
        }));
        assert_eq!(pay(&other), Some(None));
        // The board's flag that it predicted the pay makes the figures its estimate.
        let kind = |d: &Doc| {
            d.facts.iter().find_map(|f| match &f.value {
                FactValue::Money(m) if f.key == Key::Pay => Some(m.kind),
                _ => None,
            })
        };
        let predicted = doc(json!({
            "title": "Data Scientist", "salary_min": 49947.44, "salary_max": 49947.44,
            "salary_is_predicted": 1, "companydisplay_name": "Amazon"
        }));
        assert_eq!(kind(&predicted), Some(PayKind::Estimated));
        assert_eq!(kind(&adzuna), Some(PayKind::Base));
        // A flattened object's key ("companydisplay_name") names its field.
        assert_eq!(
            predicted.texts(Key::Company).next().map(|t| t.0),
            Some("Amazon")
        );
    }

    #[test]
    fn html_paragraphs_under_a_key_no_vocabulary_names_are_the_text() {
        let d = doc(json!({
            "titel": "Werde Teil unseres Teams!",
            "content_links": "<p>Wir suchen ab sofort und unbefristet</p><p>-Pflasterer</p><p>-Bauhelfer</p>\
                <p>Voraussetzungen:</p><p>-entsprechende Ausbildung oder Berufserfahrung</p>\
                <p>Wir freuen uns über Ihre Bewerbung telefonisch, schriftlich oder per Email!</p>",
            "karte_bild": ""
        }));
        assert!(
            d.blocks.iter().any(|b| b.text == "Pflasterer"),
            "{:?}",
            d.blocks
        );
        // A short value, or one long line of plain text, is no description.
        assert!(!is_long_text("<p>Berlin</p><p>Remote</p>"));
        assert!(!is_long_text(&"word ".repeat(60)));
    }

    #[test]
    fn a_cards_text_in_the_title_cell() {
        // The role on the first line, the employer under it.
        let d = doc(
            json!({"Pozisyon": "İş Analisti \n         \n            Pointo Teknoloji A.Ş.", "IlanMetni": "…"}),
        );
        assert_eq!(texts(&d, Key::Title), ["İş Analisti"]);
        assert_eq!(texts(&d, Key::Company), ["Pointo Teknoloji A.Ş."]);
        // A title and a sentence is no card.
        let d = doc(json!({"title": "Data Engineer\nWe build pipelines for our clients."}));
        assert!(texts(&d, Key::Company).is_empty());
    }

    #[test]
    fn a_text_cut_into_pieces_under_keys_of_its_own() {
        // A careers site's JSON front matter: the title and the text in numbered keys.
        let line = "Wir suchen kreative Java Talente, die sich an der Full Stack Entwicklung beteiligen möchten.";
        let o = json!({
            "Title": "Full Stack Java Entwickler (m/w/d)",
            "TextLine1": line,
            "TextLine2": "Werde als Full Stack Java Entwickler Teil unseres internationalen Teams in München, Nürnberg, Karlsruhe, Münster, Hamburg oder Hannover!",
            "HeadLine1": "Was bieten wir dir?",
            "HeadLine1Point1": "<td>Interessante und abwechslungsreiche Projekte, vielfältige Karrierewege, flache Hierarchien und Weiterbildung</td>",
        });
        assert!(looks_like_posting(o.as_object().unwrap()));
        let d = doc(o);
        assert_eq!(
            texts(&d, Key::Title),
            ["Full Stack Java Entwickler (m/w/d)"]
        );
        assert!(d.blocks.iter().any(|b| b.text.contains("Teams in München")));
        // Two sentences are no text of their own: a title beside them makes no posting.
        let o = json!({"Title": "Engineer", "a": line, "b": line});
        assert!(!looks_like_posting(o.as_object().unwrap()));
    }

    #[test]
    fn an_organization_with_a_logo_is_the_employer() {
        let d = doc(json!({
            "title": "Field Service Manager",
            "author": {"name": "Grupo Diusframi", "logoUrl": "https://example.com/l.png"},
            "category": {"name": "Ingenieros y técnicos"},
        }));
        assert_eq!(texts(&d, Key::Company), ["Grupo Diusframi"]);
        // A company of the record's own comes first.
        let d = doc(json!({
            "title": "Engineer",
            "company": "Acme",
            "partner": {"name": "Initech", "logo": "https://example.com/l.png"},
        }));
        assert_eq!(texts(&d, Key::Company), ["Acme"]);
    }

    #[test]
    fn a_place_s_name_beside_only_its_country_s_code() {
        let d = doc(json!({
            "title": "Team Leader Applications",
            "companyName": "Tertiary Education Commission",
            "locations": [{"label": "Wellington Central, Wellington", "countryCode": "NZ"}],
            "workTypes": ["Full time"],
        }));
        assert_eq!(texts(&d, Key::Location), ["Wellington Central, Wellington"]);
        assert_eq!(texts(&d, Key::EmploymentType), ["Full time"]);
        let d =
            doc(json!({"title": "Engineer", "location": {"city": "Oslo", "countryCode": "NO"}}));
        assert_eq!(texts(&d, Key::Location), ["Oslo, NO"]);
    }

    #[test]
    fn an_object_named_by_its_one_name_key() {
        let d = doc(json!({
            "JobTitle": "Product Manager",
            "Company": {"CompanyName": "Satair Pte Ltd", "CompanyPostalCode": "508728"},
        }));
        assert_eq!(texts(&d, Key::Company), ["Satair Pte Ltd"]);
        // A person's names, or an object of several names, name nothing alone.
        let d = doc(json!({
            "title": "Engineer",
            "employer": {"firstName": "Ann", "lastName": "Lee"},
        }));
        assert!(texts(&d, Key::Company).is_empty());
        let d = doc(json!({
            "title": "Engineer",
            "company": {"legalName": "Acme GmbH", "brandName": "Acme"},
        }));
        assert!(texts(&d, Key::Company).is_empty());
    }

    #[test]
    fn a_key_whose_last_word_heads_its_value() {
        let d = doc(json!({
            "anno_subject": "[넷마블] 마케팅 데이터 엔지니어 모집",
            "content": "<p>데이터 엔지니어를 모집합니다.</p><p>마케팅 데이터 파이프라인을 만듭니다.</p>",
        }));
        assert_eq!(
            texts(&d, Key::Title),
            ["[넷마블] 마케팅 데이터 엔지니어 모집"]
        );
        assert!(has_title(
            &serde_json::from_value(
                json!({"anno_subject": "[넷마블] 마케팅 데이터 엔지니어 모집"})
            )
            .unwrap()
        ));
        // A heading that names no role is no title.
        let d =
            doc(json!({"company": "Acme", "page_title": "Careers", "description": "We build."}));
        assert!(texts(&d, Key::Title).is_empty());
    }

    #[test]
    fn a_flag_answered_with_a_note() {
        assert_eq!(
            flag_of(&json!("Yes (but U.S. only due to data confidentiality)")),
            Some(true)
        );
        assert_eq!(flag_of(&json!("No, on site in Berlin")), Some(false));
        assert_eq!(flag_of(&json!("Nope")), None);
        assert_eq!(flag_of(&json!("yes")), Some(true));
    }

    #[test]
    fn a_key_naming_a_field_as_the_jobs() {
        // A Swedish job app's records: `workTitle` is the title as `title` would be.
        let o = json!({
            "workTitle": "Platschef",
            "company": "Sodexo AB",
            "vacancy_city": "Skellefteå",
        });
        let d = doc(o.clone());
        assert_eq!(texts(&d, Key::Title), ["Platschef"]);
        assert_eq!(texts(&d, Key::Location), ["Skellefteå"]);
        assert!(has_title(o.as_object().unwrap()));
        // A word that is no posting word before a label names nothing.
        assert_eq!(label_of("pageTitle"), None);
        assert_eq!(label_of("companyTitle"), None);
        // A CMS's page title for search engines is the job's title; German names the fields.
        let o = json!({
            "seo_titel": "Oberarzt (m/w/d) für Innere Medizin - Rheumatologie | Cottbus",
            "stadt": "Cottbus",
            "stellenart": "Vollzeit",
        });
        let d = doc(o.clone());
        assert_eq!(
            texts(&d, Key::Title),
            ["Oberarzt (m/w/d) für Innere Medizin - Rheumatologie | Cottbus"]
        );
        assert_eq!(texts(&d, Key::EmploymentType), ["Vollzeit"]);
        assert!(has_title(o.as_object().unwrap()));
    }

    #[test]
    fn a_field_named_with_an_exports_suffix() {
        // Recruitee: "employment_type_code"; a nested structure of places.
        let d = doc(json!({
            "title": "Project Manager",
            "employment_type_code": "contract",
            "location": {"places": [{"city": "Szczecin", "country": {"name": "Poland"}}]},
        }));
        assert_eq!(texts(&d, Key::EmploymentType), ["contract"]);
        assert_eq!(texts(&d, Key::Location), ["Szczecin, Poland"]);
        assert!(looks_like_posting(
            &serde_json::from_value(json!({
                "title": "Project Manager",
                "location": {"places": [{"city": "Szczecin"}]},
            }))
            .unwrap()
        ));
    }

    #[test]
    fn a_field_named_with_its_language_s_code() {
        // jobs.ge's export: each field in English and in Georgian.
        let d = doc(json!({
            "id": "690554",
            "title_en": "Warehouse Worker",
            "title_ge": "საწყობის თანამშრომელი",
            "body_en": "Ad title:\nWarehouse Worker\nProvided By:\nState Catering Support",
        }));
        assert_eq!(
            texts(&d, Key::Title).first().map(String::as_str),
            Some("Warehouse Worker")
        );
        assert!(looks_like_posting(
            &serde_json::from_value(json!({"title_en": "Accountant", "body_en": "In Batumi."}))
                .unwrap()
        ));
        assert!(matches!(label_of("titleEn"), Some(Label::Key(Key::Title))));
        assert!(matches!(
            label_of("description_fr"),
            Some(Label::Description)
        ));
        // A code that ends other keys, or a lowercase run, is no language.
        assert!(label_of("salary_to").is_none_or(|l| !matches!(l, Label::Key(Key::Salary))));
        assert_eq!(label_of("titleen"), None);
        assert_eq!(label_of("id_en"), None);
    }

    #[test]
    fn a_name_beside_its_pay_and_contract_is_a_posting() {
        // hh.ru's search result without employer or area.
        let o = |v: Value| serde_json::from_value::<Map<String, Value>>(v).unwrap();
        assert!(looks_like_posting(&o(json!({
            "name": "Машинист буровой установки RU-75",
            "salary": {"currency": "RUR", "from": 228000, "to": 228000},
            "employment": {"id": "full", "name": "Полная занятость"},
        }))));
        // Pay alone, or a contract alone, beside a name says no job.
        assert!(!looks_like_posting(&o(json!({
            "name": "USD", "rate": 1.08,
        }))));
        assert!(!looks_like_posting(&o(json!({
            "name": "Ann", "salary": {"from": null}, "employment": "full-time",
        }))));
    }

    #[test]
    fn a_name_beside_a_place_named_by_a_place_key_is_a_posting() {
        // hh.ru's vacancy as a test fixture writes it: "name" and "area" {"name": "Москва"}.
        let o = |v: Value| serde_json::from_value::<Map<String, Value>>(v).unwrap();
        assert!(looks_like_posting(&o(json!({
            "name": "Python-разработчик",
            "area": {"name": "Москва"},
            "salary": {"from": 256000},
        }))));
        // An area that is no place is a team's: a name and a team are no posting.
        assert!(!looks_like_posting(&o(json!({
            "name": "Anna",
            "area": {"name": "Marketing"},
        }))));
    }

    #[test]
    fn a_title_kept_in_the_posts_own_details() {
        // A recruitment-notice export: the post's name in an object of its own.
        let d = doc(json!({
            "recruitment_board": "BTSC Bihar",
            "location": "",
            "posts_data": {"post_name": "Driver", "jobtype_masterdata": {"name": "Government"}},
        }));
        assert_eq!(texts(&d, Key::Title), ["Driver"]);
        assert_eq!(texts(&d, Key::Company), ["BTSC Bihar"]);
        // Two objects each with a title: neither is this record's.
        let o = |v: Value| serde_json::from_value::<Map<String, Value>>(v).unwrap();
        assert!(
            nested_title(&o(json!({
                "current": {"title": "Engineer"},
                "next": {"title": "Designer"},
            })))
            .is_none()
        );
    }

    #[test]
    fn plain_export_shape() {
        let d = doc(json!({
            "Job Title": "Data Engineer",
            "company_name": "Acme",
            "location": "Remote (US)",
            "job_type": "fulltime",
            "min_amount": "120000", "max_amount": 150000.0, "currency": "USD", "interval": "yearly",
            "description": "<p>Build <b>pipelines</b>.</p>",
            "skills": "python, postgres",
        }));
        assert_eq!(texts(&d, Key::Title), ["Data Engineer"]);
        assert_eq!(texts(&d, Key::Company), ["Acme"]);
        assert_eq!(texts(&d, Key::Location), ["Remote (US)"]);
        assert_eq!(texts(&d, Key::EmploymentType), ["fulltime"]);
        let money: Vec<_> = d.facts_of(Key::Pay).collect();
        assert_eq!(money.len(), 1);
        let FactValue::Money(m) = &money[0].value else {
            panic!()
        };
        assert_eq!(
            (m.min, m.max, m.currency.as_deref(), m.period.as_deref()),
            (Some(120e3), Some(150e3), Some("USD"), Some("yearly"))
        );
        assert_eq!(d.blocks[0].text, "Build pipelines.");
    }

    #[test]
    fn ats_shapes() {
        // Lever: the title is "text", details nested under "categories", pay in salaryRange,
        // sections in "lists".
        let d = doc(
            json!({"text": "Platform Engineer", "descriptionPlain": "Run it.",
            "categories": {"commitment": "Full-time", "location": "Toronto", "team": "Infra", "allLocations": ["Toronto"]},
            "workplaceType": "remote", "hostedUrl": "https://jobs.lever.co/acme/1",
            "salaryRange": {"min": 100000, "max": 120000, "currency": "CAD", "interval": "per-year-salary"},
            "lists": [{"text": "Responsibilities", "content": "<li>Run the platform every single day of the week.</li>"}]}),
        );
        assert_eq!(texts(&d, Key::Title), ["Platform Engineer"]);
        assert_eq!(texts(&d, Key::EmploymentType), ["Full-time"]);
        assert_eq!(texts(&d, Key::WorkMode), ["remote"]);
        assert_eq!(texts(&d, Key::Team), ["Infra"]);
        assert!(d.facts_of(Key::Pay).count() == 1);
        // GitHub Jobs' `time` (a team in Portuguese) holding the contract: the contract.
        // DEVjobs: the job's own city beside the board's category; bounds whose keys name the
        // period.
        let dev = doc(
            json!({"name": "Embedded Linux Kernel Developer", "cityCategory": "Munich",
            "actualCity": "Lustenau", "annualSalaryFrom": 55000, "annualSalaryTo": 85000}),
        );
        assert!(texts(&dev, Key::Location).contains(&"Lustenau".to_string()));
        let pay: Vec<&Money> = dev
            .facts_of(Key::Pay)
            .filter_map(|f| match &f.value {
                FactValue::Money(m) => Some(m),
                _ => None,
            })
            .collect();
        assert_eq!(pay.len(), 1);
        assert_eq!(
            (pay[0].min, pay[0].max, pay[0].period.as_deref()),
            (Some(55000.0), Some(85000.0), Some("year"))
        );
        // A title cell holding the role over a hidden employer ("confidential").
        let hidden = doc(json!({"JobId": 25, "JobRole": "SYSTEM LINUX\nחסוי\n"}));
        assert_eq!(texts(&hidden, Key::Title), ["SYSTEM LINUX"]);
        // BambooHR: the job opening's name is its title.
        let bamboo = doc(
            json!({"id": "177", "jobOpeningName": "Applied Data Scientist",
            "employmentStatusLabel": "Full-Time"}),
        );
        assert_eq!(texts(&bamboo, Key::Title), ["Applied Data Scientist"]);
        // "Label: value" lines listed under a key no vocabulary names: facts.
        let lines = doc(json!({"position": "Project Management Officer",
            "Requirement": ["Role Category: Software Development", "Employment Type: Full Time, Permanent",
                "Location: Kharadi, Pune"]}));
        assert_eq!(texts(&lines, Key::Location), ["Kharadi, Pune"]);
        assert_eq!(texts(&lines, Key::EmploymentType), ["Full Time, Permanent"]);
        let gh = doc(json!({"title": "Flutter Developer", "time": "Full Time", "place": "Berlin"}));
        assert_eq!(texts(&gh, Key::EmploymentType), ["Full Time"]);
        assert!(texts(&gh, Key::Team).is_empty());
        assert!(
            d.blocks
                .iter()
                .any(|b| b.kind == BlockKind::Heading && b.text == "Responsibilities")
        );
        // Greenhouse: location object, metadata name/value pairs.
        let d = doc(
            json!({"title": "Data Scientist", "company_name": "Amplitude ", "location": {"name": "London, UK"},
            "metadata": [{"name": "Employment Type", "value": "Regular", "value_type": "single_select"}],
            "content": "&lt;p&gt;Hello there, this is the job.&lt;/p&gt;"}),
        );
        assert_eq!(texts(&d, Key::Location), ["London, UK"]);
        assert_eq!(texts(&d, Key::EmploymentType), ["Regular"]);
        assert_eq!(d.blocks[0].text, "Hello there, this is the job.");
        // SmartRecruiters: the name is the title, flags inside the location, sections object.
        let d = doc(
            json!({"name": "Platform Engineer", "company": {"name": "Vitol"},
            "location": {"city": "Singapore", "country": "sg", "remote": false, "hybrid": false},
            "typeOfEmployment": {"id": "permanent", "label": "Full-time"},
            "jobAd": {"sections": {"jobDescription": {"title": "Job Description", "text": "<p>Build the cloud platform of a trading house.</p>"}}}}),
        );
        assert_eq!(texts(&d, Key::Title), ["Platform Engineer"]);
        assert_eq!(texts(&d, Key::Company), ["Vitol"]);
        assert_eq!(texts(&d, Key::Location), ["Singapore, sg"]);
        assert_eq!(texts(&d, Key::EmploymentType), ["Full-time"]);
        assert!(
            d.facts_of(Key::RemoteFlag)
                .any(|f| f.value == FactValue::Flag(false))
        );
        // Swedish keys.
        let d = doc(
            json!({"rubrik": "Utvecklare", "arbetsgivare": "Variant", "arbetsort": "Stockholm", "beskrivning": "Vi söker utvecklare."}),
        );
        assert_eq!(texts(&d, Key::Title), ["Utvecklare"]);
        assert_eq!(texts(&d, Key::Company), ["Variant"]);
        assert_eq!(texts(&d, Key::Location), ["Stockholm"]);
    }

    /// Bare bounds are pay only beside a currency or a period: a share of full time is not.
    #[test]
    fn bare_bounds_without_currency_are_not_pay() {
        let d = doc(json!({"headline": "Kock", "employer": {"name": "Thai Hoa"},
            "scope_of_work": {"min": 100, "max": 100},
            "salaryRange": {"min": 30000, "max": 35000, "currency": "SEK", "interval": "per-month"}}));
        let pays: Vec<_> = d
            .facts_of(Key::Pay)
            .filter_map(|f| match &f.value {
                FactValue::Money(m) => Some((m.min, m.currency.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(pays, [(Some(30000.0), Some("SEK".to_string()))]);
    }

    #[test]
    fn ashby_compensation_components() {
        let d = doc(
            json!({"title": "Controls Manager", "descriptionHtml": "<p>x</p>",
            "compensation": {"compensationTierSummary": "£60K – £80K",
              "summaryComponents": [{"compensationType": "Salary", "interval": "1 YEAR", "currencyCode": "GBP", "minValue": 60000, "maxValue": 80000},
                                    {"compensationType": "EquityPercentage", "minValue": 0.1, "maxValue": 0.2}]}}),
        );
        let pays: Vec<_> = d
            .facts_of(Key::Pay)
            .filter_map(|f| match &f.value {
                FactValue::Money(m) => Some(m.clone()),
                _ => None,
            })
            .collect();
        assert!(pays.iter().any(|m| m.min == Some(60000.0)
            && m.currency.as_deref() == Some("GBP")
            && m.kind == PayKind::Base));
        assert!(pays.iter().any(|m| m.kind == PayKind::Total));
        assert_eq!(texts(&d, Key::Salary), ["£60K – £80K"]);
    }

    #[test]
    fn missing_placeholders_are_missing() {
        let d = doc(json!({"title": "X Engineer", "company": "-1", "location": "null"}));
        assert!(!d.has(Key::Company));
        assert!(!d.has(Key::Location));
        assert!(
            record_doc(
                json!({"a": 1}).as_object().unwrap(),
                Origin::Record,
                Format::Json
            )
            .is_none()
        );
    }

    #[test]
    fn a_feed_s_place_line_above_the_description_is_the_job_s_place() {
        let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Jobs Feed</title>\
            <item><title>Python React Developer</title><link>https://x.example/jobs/1/</link>\
            <description>Toronto, Ontario, Canada\n&lt;ul&gt;&lt;li&gt;Ten years of Python.&lt;/li&gt;&lt;/ul&gt;</description></item>\
            <item><title>Backend Developer</title><link>https://x.example/jobs/2/</link>\
            <description>Python, Django\n&lt;p&gt;We build with Go in Berlin.&lt;/p&gt;</description></item>\
            </channel></rss>";
        let ps = crate::parse::parse_text(rss, "feed.xml").unwrap();
        assert_eq!(ps[0].locations, ["Toronto, Ontario, Canada"]);
        assert!(!ps[1].locations.iter().any(|l| l.contains("Python")));
    }

    #[test]
    fn a_contract_in_the_place_column_is_the_job_s_kind_not_its_place() {
        let json = r#"[{"title": "Software Engineer (SWE) Intern", "company": "Caseflood.ai (W25)", "location": "intern"},
            {"title": "Lead Principal Engineer", "company": "SnapMagic (S15)", "location": "fulltime"}]"#;
        let ps = crate::parse::parse_text(json, "jobs.json").unwrap();
        assert_eq!(
            ps[0].title.as_deref(),
            Some("Software Engineer (SWE) Intern")
        );
        assert_eq!(
            ps[0].employment_type,
            Some(crate::posting::EmploymentType::Internship)
        );
        assert_eq!(
            ps[1].employment_type,
            Some(crate::posting::EmploymentType::FullTime)
        );
        assert!(ps.iter().all(|p| p.locations.is_empty()));
    }

    #[test]
    fn a_tag_typed_as_a_place_is_the_job_s_place() {
        let json = r#"[{"title": "Controller", "description": "Run our books.", "startup": {"name": "AngelList"},
            "tags": [{"tag_type": "LocationTag", "name": "san francisco", "display_name": "San Francisco"},
                     {"tag_type": "RoleTag", "name": "finance", "display_name": "Finance"}]}]"#;
        let ps = crate::parse::parse_text(json, "jobs.json").unwrap();
        assert_eq!(ps[0].locations, ["San Francisco"]);
        assert_eq!(ps[0].title.as_deref(), Some("Controller"));
        assert!(
            !ps[0]
                .skills
                .iter()
                .any(|s| s.eq_ignore_ascii_case("san francisco"))
        );
    }
}
