//! JSON and JSON Lines: schema.org JobPosting objects (alone, in arrays, in `@graph`s, in JSON
//! Feeds), Hacker News threads and comments (see [`super::hn`]), and records — an object or an
//! array of objects with posting keys in any language (ATS APIs, board APIs, exports), also
//! when wrapped (`{"jobs": […]}`, `{"data": {"results": […]}}`). A wrapper's own name (a
//! Workable account, a JSON Feed's title) is a weak fact about the employer of its records.

use serde_json::{Map, Value};

use super::super::SkipReason;
use super::super::doc::{Doc, Key, Origin};
use super::super::vocab::{norm_label, vocab};
use super::record::{self, looks_like_posting, text_of};
use super::{hn, jsonld};
use crate::posting::Format;

/// How deep wrappers are searched for records: a search engine's response kept in a list
/// (`[{"hits": {"hits": [{"_source": {…}}]}}]`) holds its records five levels down.
const MAX_WRAP_DEPTH: usize = 6;

/// Whether a text starts like a JSON document (an object or an array of values).
pub fn looks_like_json(text: &str) -> bool {
    let t = text.trim_start();
    let mut chars = t.chars();
    match chars.next() {
        Some('{') => matches!(chars.find(|c| !c.is_whitespace()), Some('"' | '}')),
        Some('[') => matches!(
            chars.find(|c| !c.is_whitespace()),
            Some('{' | '[' | ']' | '"')
        ),
        _ => false,
    }
}

/// The JSON values of a text: one document, or one per line (JSON Lines), with a note per bad
/// line.
pub fn values(text: &str) -> Result<(Vec<Value>, Vec<String>), SkipReason> {
    match serde_json::from_str::<Value>(text) {
        Ok(v) => Ok((vec![v], Vec::new())),
        Err(whole_err) => {
            let lines: Vec<(usize, &str)> = text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .collect();
            let mut vals = Vec::new();
            let mut notes = Vec::new();
            let mut bad = 0;
            for (n, line) in &lines {
                match serde_json::from_str::<Value>(line) {
                    Ok(v) => vals.push(v),
                    Err(e) => {
                        bad += 1;
                        if bad <= 3 {
                            notes.push(format!("line {}: invalid JSON ({e}); skipped", n + 1));
                        }
                    }
                }
            }
            if vals.is_empty() || lines.len() < 2 {
                return Err(SkipReason::Malformed {
                    format: "json",
                    detail: whole_err.to_string(),
                });
            }
            Ok((vals, notes))
        }
    }
}

pub fn read(text: &str) -> Result<Vec<Doc>, SkipReason> {
    let (values, notes) = values(text)?;
    read_values(values, notes)
}

/// The documents of parsed JSON values (a file's, or the literals of a source file), each
/// noted with `notes`.
pub fn read_values(values: Vec<Value>, notes: Vec<String>) -> Result<Vec<Doc>, SkipReason> {
    let mut out = Vec::new();
    for v in &values {
        collect(v, &mut out);
    }
    if out.is_empty() {
        // Records that only carry a posting's text ({"id", "raw_text"}: a scraper's dump):
        // each text is read as a pasted posting.
        for v in &values {
            // A list of texts, each a posting a scraper copied off its card.
            let texts: Vec<&str> = match v {
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            for t in texts.into_iter().filter(|t| record::is_long_text(t)) {
                out.extend(pasted(t));
            }
            let objects: Vec<&Map<String, Value>> = match v {
                Value::Object(o) => vec![o],
                Value::Array(a) => a.iter().filter_map(Value::as_object).collect(),
                _ => Vec::new(),
            };
            for o in objects {
                if let Some(t) = posting_text(o) {
                    out.extend(pasted(t));
                }
            }
        }
    }
    if out.is_empty() {
        return Err(SkipReason::NoPosting(
            "JSON without a JobPosting or an object with posting keys (title, company, description…)"
                .into(),
        ));
    }
    for d in &mut out {
        d.notes.extend(notes.iter().cloned());
    }
    Ok(out)
}

/// A posting's text kept in a JSON string, read as a pasted posting of the JSON file.
fn pasted(text: &str) -> impl Iterator<Item = Doc> {
    super::text::read(text).into_iter().map(|mut d| {
        d.format = Format::Json;
        d
    })
}

/// The one long text of a record that holds nothing else but ids, dates and short values: a
/// whole posting as a scraper saved it (several lines, at least 200 characters).
fn posting_text(o: &Map<String, Value>) -> Option<&str> {
    let long: Vec<&str> = o
        .values()
        .filter_map(Value::as_str)
        .filter(|t| record::is_long_text(t))
        .collect();
    let nested = o.values().any(|v| v.is_object() || v.is_array());
    match long.as_slice() {
        [t] if !nested => Some(t),
        _ => None,
    }
}

/// Whether an object keeps its fields the way search engines' documents do (Elasticsearch's,
/// Solr's, Drupal's search API): each one a list of one value (`"title": ["Engineer"]`); or as
/// a scraper's selectors give them (Scrapy's `extract()`), its title a list of one text
/// (`"position": ["Data Engineer"]`).
fn one_value_lists(o: &Map<String, Value>) -> bool {
    let lists = o.values().filter_map(one_scalar).count();
    let listed_title = o.iter().any(|(k, v)| {
        record::label_of(k) == Some(super::super::vocab::Label::Key(Key::Title))
            && one_scalar(v).is_some_and(Value::is_string)
    });
    (lists >= 3 && lists * 2 >= o.len()) || listed_title
}

/// The one value of a list of one scalar (`["Engineer"]`).
fn one_scalar(v: &Value) -> Option<&Value> {
    match v.as_array().map(Vec::as_slice) {
        Some([item]) if !item.is_object() && !item.is_array() => Some(item),
        _ => None,
    }
}

/// A value with its search-engine records' one-value lists read as their values; None when
/// it holds no such record.
fn unlisted(v: &Value, depth: usize) -> Option<Value> {
    if depth > MAX_WRAP_DEPTH + 4 {
        return None;
    }
    match v {
        Value::Object(o) => {
            let own = one_value_lists(o);
            let mut changed = own;
            let mut out = Map::new();
            for (k, c) in o {
                let c = match (c, unlisted(c, depth + 1)) {
                    (_, Some(n)) => {
                        changed = true;
                        n
                    }
                    (c, None) => match one_scalar(c).filter(|_| own) {
                        Some(item) => item.clone(),
                        None => c.clone(),
                    },
                };
                out.insert(k.clone(), c);
            }
            changed.then_some(Value::Object(out))
        }
        Value::Array(a) => {
            let items: Vec<Option<Value>> = a.iter().map(|c| unlisted(c, depth + 1)).collect();
            items.iter().any(Option::is_some).then(|| {
                Value::Array(
                    items
                        .into_iter()
                        .zip(a)
                        .map(|(n, c)| n.unwrap_or_else(|| c.clone()))
                        .collect(),
                )
            })
        }
        _ => None,
    }
}

/// The documents of one JSON value.
pub fn collect(v: &Value, out: &mut Vec<Doc>) {
    if let Some(v) = unlisted(v, 0) {
        return collect_from(&v, out);
    }
    collect_from(v, out)
}

fn collect_from(v: &Value, out: &mut Vec<Doc>) {
    let jobs = jsonld::find_job_postings(v);
    if !jobs.is_empty() {
        let wrapper_names = wrapper_names(v);
        for o in jobs {
            let mut d = jsonld::doc(&o, Format::Json);
            for n in &wrapper_names {
                d.text(Key::Company, n, Origin::Wrapper);
            }
            out.push(d);
        }
        return;
    }
    if let Some(posts) = hn::from_json(v) {
        out.extend(posts);
        return;
    }
    for (o, wrappers) in records(v) {
        let parent = wrappers.last().copied();
        let merged = with_siblings(o, parent);
        let merged = with_lookups(merged.as_ref().unwrap_or(o), parent).or(merged);
        if let Some(mut d) =
            record::record_doc(merged.as_ref().unwrap_or(o), Origin::Record, Format::Json)
        {
            for w in &wrappers {
                for n in names_of(w) {
                    d.text(Key::Company, n, Origin::Wrapper);
                }
                // An employer's object (under another wrapper's employer key) also gives its
                // place, weaker than any the posting states.
                let is_employer = wrappers.iter().any(|p| {
                    p.iter().any(|(k, v)| {
                        record::is_employer_key(k)
                            && v.as_object().is_some_and(|o| std::ptr::eq(o, *w))
                    })
                });
                if is_employer && let Some(place) = record::employer_place(w) {
                    d.text(Key::Location, &place, Origin::Wrapper);
                }
            }
            out.push(d);
        }
    }
}

/// A posting object that is one part of its wrapper (`{"annons": {rubrik, text…}, "villkor":
/// {arbetstid…}, "arbetsplats": {namn…}}`: the ad, its terms, its workplace): the posting with
/// the keys of the other parts, which say more of the same job. None when the posting is no
/// part of such a whole (an item of a list, or beside other postings).
fn with_siblings(
    o: &Map<String, Value>,
    parent: Option<&Map<String, Value>>,
) -> Option<Map<String, Value>> {
    let parent = parent?;
    let mut held = false;
    let mut parts = Vec::new();
    for v in parent.values() {
        match v {
            Value::Object(p) if std::ptr::eq(p, o) => held = true,
            Value::Object(p) if looks_like_posting(p) => return None,
            Value::Object(p) => parts.push(p),
            _ => {}
        }
    }
    if !held || parts.is_empty() {
        return None;
    }
    let mut merged = o.clone();
    for p in parts {
        for (k, v) in p {
            // An employer's object beside the posting names its company as a wrapper does.
            let employer = v.is_object() && record::is_employer_key(k);
            if !employer && !merged.contains_key(k) {
                merged.insert(k.clone(), v.clone());
            }
        }
    }
    Some(merged)
}

/// A posting that names its place, team or kind of job by a number its wrapper explains
/// (Homerun's `{"vacancies": [{"title", "location_id": 10030, "job_type_id": 0}], "locations":
/// [{"id": 10030, "name": "Hamburg"}], "job_types": [{"id": 0, "name": "Vollzeit"}]}`): the
/// posting with each such key's name (`location: "Hamburg"`, `job_type: "Vollzeit"`), unless it
/// names that itself. None when it refers to nothing its wrapper lists.
fn with_lookups(
    o: &Map<String, Value>,
    parent: Option<&Map<String, Value>>,
) -> Option<Map<String, Value>> {
    let parent = parent?;
    let mut out: Option<Map<String, Value>> = None;
    for (k, id) in o {
        if !(id.is_number() || id.is_string()) {
            continue;
        }
        let Some(base) = ["_id", "Id", "ID", "-id"]
            .iter()
            .find_map(|s| k.strip_suffix(s))
            .filter(|b| !b.is_empty())
        else {
            continue;
        };
        let name = norm_label(base);
        let plurals = [
            name.clone(),
            format!("{name}s"),
            format!("{name}es"),
            format!("{}ies", name.strip_suffix('y').unwrap_or(&name)),
            format!("{name}list"),
        ];
        let found = parent
            .iter()
            .filter(|(pk, _)| plurals.contains(&norm_label(pk)))
            .filter_map(|(_, v)| v.as_array())
            .flatten()
            .filter_map(Value::as_object)
            .find(|item| item.get("id").is_some_and(|i| same_id(i, id)))
            .and_then(|item| {
                let mut named = item.clone();
                named.remove("id");
                record::text_of(&Value::Object(named))
            });
        let said = o.keys().any(|x| norm_label(x) == name);
        if let Some(found) = found
            && !said
        {
            out.get_or_insert_with(|| o.clone())
                .insert(base.to_string(), Value::String(found));
        }
    }
    out
}

/// Whether two ids are the same, a number and its digits as a string alike.
fn same_id(a: &Value, b: &Value) -> bool {
    let s = |v: &Value| match v {
        Value::String(t) => Some(t.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    s(a).is_some_and(|x| Some(x) == s(b))
}

/// The keys a feed's channel lists its entries under: RSS's `item`s, Atom's `entry`s.
const FEED_ENTRIES: [&str; 2] = ["item", "entry"];

/// The name a wrapper object gives itself (`name`, `title`, `company`…): a board's or an
/// account's name around its jobs. A feed's channel (RSS's `item`s, Atom's `entry`s) titles the
/// feed: an employer's name only where it calls the feed that employer's jobs ("Miyamoto
/// International Jobs", "UNHCR Job Vacancies", "Acme Trust RSS Feed"), not a board's or a
/// site's own name ("Research Computing Teams - Job Board", "LaraJobs").
fn names_of(o: &Map<String, Value>) -> Vec<String> {
    let feed = FEED_ENTRIES.iter().any(|k| o.contains_key(*k));
    [
        "name",
        "title",
        "company",
        "company_name",
        "companyName",
        "organization",
    ]
    .iter()
    .filter_map(|k| o.get(*k))
    .filter(|v| v.is_string() || v.is_object())
    .filter_map(text_of)
    .filter(|n| n.chars().count() <= 60 && !n.contains('\n'))
    .take(1)
    .filter_map(|n| {
        if !feed {
            return super::super::fields::company::before_list_words(&n);
        }
        // A feed's note in brackets after its title ("UNICEF Job Vacancies (Filtered)").
        let titled = match n
            .trim_end()
            .strip_suffix(')')
            .and_then(|t| t.rsplit_once(" ("))
        {
            Some((t, _)) => t.trim_end(),
            None => n.as_str(),
        };
        let name = super::super::fields::company::before_list_words(titled)?;
        (name != titled).then_some(name)
    })
    .collect()
}

fn wrapper_names(v: &Value) -> Vec<String> {
    match v {
        Value::Object(o) if !jsonld::is_job_posting(o) && o.contains_key("items") => names_of(o),
        _ => Vec::new(),
    }
}

/// Objects that look like postings, with the objects wrapping them (outermost first): the value
/// itself, the items of an array, or those of the first wrapped array that holds any
/// (breadth-first, a few levels deep).
/// A posting object with the objects wrapping it, outermost first.
type Wrapped<'a> = (&'a Map<String, Value>, Vec<&'a Map<String, Value>>);

/// Whether an object lists postings under a key of its own (an RSS feed's channel: its title,
/// link and description, then its `item`s): a feed, not a posting, however it is titled.
fn lists_postings(o: &Map<String, Value>) -> bool {
    // A feed of one: RSS's `item`, Atom's `entry` is a titled entry of the feed, not a part of
    // the channel's own posting.
    let feed_entry = FEED_ENTRIES.iter().any(|k| match o.get(*k) {
        Some(Value::Object(i)) => record::has_title(i),
        _ => false,
    });
    feed_entry
        || o.values().any(|v| {
            v.as_array().is_some_and(|a| {
                a.iter()
                    .filter(|i| i.as_object().is_some_and(looks_like_posting))
                    .nth(1)
                    .is_some()
            })
        })
}

fn records(v: &Value) -> Vec<Wrapped<'_>> {
    let mut level: Vec<(&Value, Vec<&Map<String, Value>>)> = vec![(v, Vec::new())];
    for _ in 0..=MAX_WRAP_DEPTH {
        let mut found = Vec::new();
        let mut next = Vec::new();
        for (v, wrappers) in &level {
            match v {
                Value::Object(o) if looks_like_posting(o) && !lists_postings(o) => {
                    found.push((o, wrappers.clone()))
                }
                Value::Object(o) => {
                    // A list of jobs under a key naming it ("jobPostings": [{"title", "externalPath",
                    // "bulletFields"}]): its titled items are jobs, as summaries name no more.
                    // Or kept as an object of them by a key each (`$recrutement = array(
                    // "runners" => array("title" => "Runners", …), …)`).
                    let listed: Vec<&Map<String, Value>> = o
                        .iter()
                        .filter(|(k, _)| vocab().job_list_keys.contains(&norm_label(k)))
                        .flat_map(|(_, v)| match v {
                            Value::Array(a) => a.iter().collect::<Vec<_>>(),
                            Value::Object(m) if m.values().all(Value::is_object) => {
                                m.values().collect()
                            }
                            _ => Vec::new(),
                        })
                        .filter_map(Value::as_object)
                        .filter(|i| record::has_title(i) || record::named_and_linked(i))
                        .collect();
                    let mut w = wrappers.clone();
                    w.push(o);
                    // The employer's own object ("arbeitgeber": {name, address…}) names the
                    // company of the jobs beside it; it is not one of them.
                    let employers: Vec<&Map<String, Value>> = o
                        .iter()
                        .filter(|(k, _)| record::is_employer_key(k))
                        .filter_map(|(_, v)| v.as_object())
                        .collect();
                    w.extend(&employers);
                    if !listed.is_empty() {
                        found.extend(listed.into_iter().map(|i| (i, w.clone())));
                        continue;
                    }
                    next.extend(
                        o.iter()
                            // An interface's own words (`i18n: {"title": "Unsere Stellen"}`).
                            .filter(|(k, _)| vocab().ui_text_keys.whole(k).is_none())
                            .filter(|(k, c)| {
                                (c.is_object() && !record::is_employer_key(k)) || c.is_array()
                            })
                            .map(|(_, c)| (c, w.clone())),
                    )
                }
                Value::Array(a) => {
                    // Under an employer's object, a titled item is one of its jobs; beside
                    // postings, so is a titled item saying less than they do (a feed's
                    // position without its office).
                    let employer_known = wrappers
                        .iter()
                        .any(|w| w.keys().any(|k| record::is_employer_key(k)));
                    let beside_postings = a
                        .iter()
                        .any(|i| i.as_object().is_some_and(looks_like_posting));
                    // A list of summaries, each a title and its posting's link, is a board's
                    // list of jobs.
                    let summaries = a.len() >= 2
                        && a.iter()
                            .all(|i| i.as_object().is_some_and(record::titled_and_linked));
                    for item in a {
                        match item {
                            Value::Object(o)
                                if looks_like_posting(o)
                                    || summaries
                                    || (employer_known && record::has_title(o))
                                    || (beside_postings && record::has_title_or_name(o)) =>
                            {
                                found.push((o, wrappers.clone()))
                            }
                            Value::Object(_) | Value::Array(_) => {
                                next.push((item, wrappers.clone()))
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        if !found.is_empty() {
            return found;
        }
        level = next;
        if level.is_empty() {
            break;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Result<Vec<Doc>, SkipReason> {
        read(text)
    }

    fn titles(ds: &[Doc]) -> Vec<String> {
        ds.iter()
            .map(|d| {
                d.texts(Key::Title)
                    .next()
                    .map(|t| t.0.to_string())
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn a_key_naming_the_title_comes_before_one_naming_the_field_of_work() {
        let ds = run(
            r#"[{"vacatureTitel": "Full-stack Developer", "bedrijfsNaam": "Strangelove",
            "functie": "Frontend Development"}]"#,
        )
        .unwrap();
        assert_eq!(titles(&ds), ["Full-stack Developer"]);
    }

    #[test]
    fn a_board_s_summaries_each_a_title_and_its_link_are_jobs() {
        let ds = run(r#"[{"Titulo": "Soporte", "Link": "https://bolsa.example.ar/2595/ver", "OfertaPara": "Alumnos"},
            {"Titulo": "Técnico web", "Link": "https://bolsa.example.ar/2596/ver", "OfertaPara": "Alumnos"}]"#)
        .unwrap();
        assert_eq!(titles(&ds), ["Soporte", "Técnico web"]);
        // One alone, or titles without links, say too little.
        assert!(run(r#"[{"Titulo": "Soporte", "Link": "https://x.example/1"}]"#).is_err());
        assert!(run(r#"[{"Titulo": "Soporte"}, {"Titulo": "Web"}]"#).is_err());
    }

    #[test]
    fn a_named_and_linked_item_of_a_list_of_jobs_is_a_job() {
        let ds = run(r#"{"company_name_ja": "はてな", "positions": [
            {"name": "SRE（中途）", "description": "信頼性", "link": "https://hatena.example/recruit/sre"},
            {"name": "デザイナー（中途）", "techstack": [], "link": "https://hatena.example/recruit/designer"}]}"#)
        .unwrap();
        assert_eq!(titles(&ds), ["SRE（中途）", "デザイナー（中途）"]);
        // A name without a link, under a key that lists no jobs, is no job.
        assert!(run(r#"{"positions": [{"name": "SRE"}, {"name": "Designer"}]}"#).is_err());
        assert!(
            run(
                r#"{"plans": [{"name": "Gold", "link": "https://x.example/gold"},
            {"name": "Silver", "link": "https://x.example/silver"}]}"#
            )
            .is_err()
        );
    }

    #[test]
    fn a_list_of_posting_texts_is_read_as_texts() {
        let card = "Desarrollador Web\nSISTEMAS DE SEGURIDAD PRIVADA ARGOS S.A. DE C.V.\nTorreón, Coah.\n$13,000 a $15,000 por mes\nTiempo completo\nConocimientos en programación orientada a objetos y funcional, Java EE y Spring.";
        let card = card.replace('\n', "\\n");
        let ds = run(&format!(
            r#"["{card}", "Conocimientos en programación.", ""]"#
        ))
        .unwrap();
        assert_eq!(ds.len(), 1);
        assert!(run(r#"["Rust", "Go", "Python"]"#).is_err());
    }

    #[test]
    fn a_posting_in_parts() {
        // Arbetsförmedlingen: the ad, its terms and its workplace beside each other.
        let ps = run(r#"[{"platsannons": {"annons": {"annonsrubrik": "Javautvecklare", "kommunnamn": "Malmö"},
            "villkor": {"arbetstid": "Heltid"}, "arbetsplats": {"arbetsplatsnamn": "Jobshark AB"}}}]"#)
        .unwrap();
        assert_eq!(titles(&ps), ["Javautvecklare"]);
        assert!(ps[0].texts(Key::EmploymentType).any(|(t, _)| t == "Heltid"));
        assert!(ps[0].texts(Key::Company).any(|(t, _)| t == "Jobshark AB"));
        // Postings beside each other are no parts of one.
        let ps = run(
            r#"{"a": {"title": "Engineer", "company": "Acme"}, "b": {"title": "Designer", "company": "Acme"}}"#,
        )
        .unwrap();
        assert_eq!(ps.len(), 2);
    }

    #[test]
    fn a_work_format_key_says_the_mode() {
        // hh.ru's API: the mode as a list of {id, name}; InfoJobs' 'teleworking'.
        let ps = crate::parse::parse_text(
            r#"[{"name": "Python Dev", "employer": {"name": "X Soft"}, "area": {"name": "Москва"},
                "work_format": [{"id": "ON_SITE", "name": "На месте работодателя"}]},
               {"name": "Go Dev", "employer": {"name": "Y"},
                "work_format": [{"id": "REMOTE", "name": "Удалённо"}]},
               {"title": "Camarero", "city": "Madrid", "teleworking": {"id": 1, "value": "Presencial"}}]"#,
            "vacancies.json",
        )
        .unwrap();
        let modes: Vec<_> = ps.iter().map(|p| p.work_mode).collect();
        assert_eq!(
            modes,
            [
                Some(crate::posting::WorkMode::Onsite),
                Some(crate::posting::WorkMode::Remote),
                Some(crate::posting::WorkMode::Onsite)
            ]
        );
    }

    #[test]
    fn figures_without_a_currency_take_the_country_of_the_place() {
        // Chile's job bank: the region, then the town; the pay has no currency.
        let ps = crate::parse::parse_text(
            r#"[{"Titulo": "Operario", "Empresa": "Confidencial", "Ubicacion": "Los Lagos, Puerto Varas",
                 "Salario": "400.000 - 450.000", "Tipo": "Jornada Completa"},
                {"Titulo": "Recepcionista", "Empresa": "Hotel X", "Ubicacion": "Valparaíso, El Quisco",
                 "Salario": "400.000 - 450.000"}]"#,
            "bne.json",
        )
        .unwrap();
        for p in &ps {
            let s = p.salary.as_ref().expect("pay");
            assert_eq!(
                (s.currency.as_str(), s.period),
                ("CLP", crate::posting::Period::Month)
            );
        }
    }

    #[test]
    fn job_posting_array_and_graph() {
        let ps = run(r#"[{"@type": "JobPosting", "title": "A Engineer"}, {"@type": "JobPosting", "title": "B Designer"}]"#).unwrap();
        assert_eq!(titles(&ps), ["A Engineer", "B Designer"]);
        let ps = run(r#"{"@context": "https://schema.org", "@graph": [{"@type": "Organization"}, {"@type": "JobPosting", "title": "C"}]}"#).unwrap();
        assert_eq!(titles(&ps), ["C"]);
    }

    #[test]
    fn an_employer_object_beside_its_jobs_names_them_and_is_none_of_them() {
        // A careers site's export: the employer's card (a name and a town, which alone would
        // look like a posting) and its jobs, whose items hold only a title and their texts.
        let ps = run(r#"{"arbeitgeber": {"name": "Praxis Dr. Muster", "ort": "Edenkoben", "telefon": "+49 1"},
            "unternehmensbeschreibung": "Eine Praxis.",
            "stellen": [{"titel": "Zahnmedizinische Fachangestellte", "aufgaben": ["Assistenz"]},
                        {"titel": "Verwaltungsangestellte", "aufgaben": ["Abrechnung"]}]}"#)
        .unwrap();
        assert_eq!(
            titles(&ps),
            ["Zahnmedizinische Fachangestellte", "Verwaltungsangestellte"]
        );
        for d in &ps {
            assert!(d.texts(Key::Company).any(|(c, _)| c == "Praxis Dr. Muster"));
            assert!(d.texts(Key::Location).any(|(l, _)| l == "Edenkoben"));
        }
        // A posting with its employer as an object stays one posting.
        let ps = run(r#"{"title": "Engineer", "company": {"name": "Acme", "city": "Berlin"}, "description": "Build."}"#).unwrap();
        assert_eq!(titles(&ps), ["Engineer"]);
    }

    #[test]
    fn a_search_engine_s_records_of_one_value_lists() {
        let es = r#"[{"took": 14, "hits": {"total": {"value": 188}, "hits": [
            {"_index": "job_listings", "_id": "node/1", "_source": {
                "url": ["https://example.com/jobs/1"], "field_copied": [false],
                "field_organization": ["Taloushallintopalvelu"],
                "field_employment_type": ["Vakinainen työsuhde"],
                "field_postal_area": ["helsinki"],
                "title": ["kehityspäällikkö"], "uuid": ["969e89e4"]}},
            {"_index": "job_listings", "_id": "node/2", "_source": {
                "url": ["https://example.com/jobs/2"], "field_copied": [false],
                "field_organization": ["Kasvatuksen ja koulutuksen toimiala"],
                "title": ["varhaiskasvatuksen opettaja"], "tags": ["a", "b"]}}
        ]}}]"#;
        let ds = run(es).unwrap();
        assert_eq!(
            titles(&ds),
            ["kehityspäällikkö", "varhaiskasvatuksen opettaja"]
        );
        let p = crate::parse::fields::resolve(&ds[0]);
        assert_eq!(p.company.as_deref(), Some("Taloushallintopalvelu"));
        assert_eq!(p.locations, ["helsinki"]);
        // A record with a list or two of one item keeps them as lists.
        let v: Value = serde_json::from_str(
            r#"{"title": "Engineer", "company": "Acme", "skills": ["Rust"], "city": "Oslo"}"#,
        )
        .unwrap();
        assert!(unlisted(&v, 0).is_none());
        // A scraper's item, its title a list of one text (Scrapy's `extract()`).
        let scrapy = r#"[{"position": ["Data Engineer"], "company_name": "KBC Global Services BG",
            "location": "Варна", "skills_list": ["Python", "SQL"]},
            {"position": ["DevOps Engineer"], "company_name": "Офериста Груп България ЕАД",
            "location": "София", "skills_list": ["Linux"]}]"#;
        let ds = run(scrapy).unwrap();
        assert_eq!(titles(&ds), ["Data Engineer", "DevOps Engineer"]);
        let p = crate::parse::fields::resolve(&ds[0]);
        assert_eq!(p.company.as_deref(), Some("KBC Global Services BG"));
        assert_eq!(p.locations, ["Варна"]);
    }

    #[test]
    fn records_that_only_carry_a_postings_text_are_read_as_text() {
        let body = "Product Management Intern\nAcme Analytics\nNew York, NY\nWe are seeking a motivated intern to join our product team and work on our trading platform for a whole summer. You will measure how the platform is used and write Python to turn what you find into product proposals.";
        let line = |id: u32| {
            format!(
                r#"{{"id": "{id}", "raw_text": {}}}"#,
                serde_json::to_string(body).unwrap()
            )
        };
        let ps = run(&format!("{}\n{}\n", line(1), line(2))).unwrap();
        assert_eq!(
            titles(&ps),
            ["Product Management Intern", "Product Management Intern"]
        );
        // A short text, or one beside nested data, is no posting.
        assert!(run(r#"{"id": 1, "raw_text": "hello\nworld"}"#).is_err());
        // A chat with a language model: a speaker's role is no job's title; the posting
        // pasted into a message is read as text.
        let chat = format!(
            r#"[{{"role": "system", "content": "Act as the interviewer."}}, {{"role": "user", "content": {}}}]"#,
            serde_json::to_string(body).unwrap()
        );
        assert_eq!(titles(&run(&chat).unwrap()), ["Product Management Intern"]);
    }

    #[test]
    fn a_list_of_job_summaries_under_a_key_naming_jobs() {
        // Workday's list: a title, a path and the bullets, no employer, place or text.
        let ps = run(r#"{"total": 2, "jobPostings": [
            {"title": "Store Operations Consultant", "externalPath": "/job/Cairo/x_1", "postedOn": "Posted Today"},
            {"title": "Python & AWS Cloud Engineer", "externalPath": "/job/Cluj/y_2"}]}"#)
        .unwrap();
        assert_eq!(
            titles(&ps),
            ["Store Operations Consultant", "Python & AWS Cloud Engineer"]
        );
        // Gupy's: the workplace an object of its own, its place and mode the job's.
        let ps = run(
            r#"{"jobs": [{"title": "Pessoa Engenheira de Prompts", "workplace": {
            "address": {"country": "Brasil", "city": ""}, "workplaceType": "remote"}}]}"#,
        )
        .unwrap();
        assert_eq!(titles(&ps), ["Pessoa Engenheira de Prompts"]);
        assert!(ps[0].texts(Key::WorkMode).any(|(t, _)| t == "remote"));
        // Titled items under another key are no jobs by their key alone.
        assert!(
            run(r#"{"articles": [{"title": "Release notes"}, {"title": "Roadmap"}]}"#).is_err()
        );
    }

    #[test]
    fn a_feeds_position_saying_less_than_the_others_is_one_of_them() {
        let ps = run(r#"{"positions": {"position": [
            {"name": "Country Manager", "subcompany": "Acme P.C.", "office": "Athens"},
            {"name": "Backend Engineer (Remote)", "department": "Engineering"}]}}"#)
        .unwrap();
        assert_eq!(
            titles(&ps),
            ["Country Manager", "Backend Engineer (Remote)"]
        );
    }

    #[test]
    fn arrays_of_ats_postings_and_wrappers() {
        // A Lever array.
        let ps = run(r#"[{"text": "Admin Assistant", "descriptionPlain": "Assist.", "categories": {"location": "Remote"}},
                         {"text": "Engineer", "descriptionPlain": "Build.", "categories": {"location": "Berlin"}}]"#).unwrap();
        assert_eq!(titles(&ps), ["Admin Assistant", "Engineer"]);
        // A Workable account around its jobs: the account's name is a weak company fact.
        let ps = run(
            r#"{"name": "Vortexa", "description": "<p>About us</p>", "jobs": [
            {"title": "Data Analyst", "country": "Singapore", "description": "<p>Analyse.</p>"}]}"#,
        )
        .unwrap();
        assert_eq!(titles(&ps), ["Data Analyst"]);
        assert!(
            ps[0]
                .texts(Key::Company)
                .any(|(c, o)| c == "Vortexa" && o == Origin::Wrapper)
        );
    }

    #[test]
    fn json_lines_with_a_bad_line() {
        let ps = run("{\"title\": \"A Engineer\", \"company\": \"X\"}\n{\"title\": \"B\", \n{\"title\": \"C Analyst\", \"company\": \"Y\"}\n").unwrap();
        assert_eq!(ps.len(), 2);
        assert!(ps[0].notes.iter().any(|w| w.contains("line 2")));
    }

    #[test]
    fn malformed_and_foreign_json() {
        assert!(matches!(
            run(r#"{"title": "A", "company": "#),
            Err(SkipReason::Malformed { format: "json", .. })
        ));
        assert!(matches!(
            run(r#"{"@type": "Organization", "name": "Acme"}"#),
            Err(SkipReason::NoPosting(_))
        ));
        assert!(matches!(run("[]"), Err(SkipReason::NoPosting(_))));
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(run(&deep).is_err());
    }

    #[test]
    fn detection() {
        assert!(looks_like_json("  {\"a\": 1}"));
        assert!(looks_like_json("[{\"a\": 1}]"));
        assert!(!looks_like_json("[Remote] Senior Engineer"));
        assert!(!looks_like_json("{Company} is hiring"));
    }
}
