//! schema.org `JobPosting` (JSON-LD, in HTML pages or JSON files) → documents.
//!
//! Read: title (or name), hiringOrganization (text or Organization), jobLocation (Place or a
//! list; PostalAddress or text address), jobLocationType (TELECOMMUTE),
//! applicantLocationRequirements (the countries applicants must live in), employmentType (text
//! or list), baseSalary (MonetaryAmount with a QuantitativeValue or a number; a bare number or
//! text), estimatedSalary (the board's estimate), salaryCurrency, datePosted, validThrough,
//! skills, qualifications, responsibilities, experienceRequirements, description (HTML), url.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::super::body;
use super::super::doc::{Block, Doc, Key, Money, Origin, PayKind, Value as FactValue};
use super::record::{get, list_of, number_of, place_of, text_of};
use crate::posting::Format;

/// How deep [`find_job_postings`] looks into a document (JSON-LD nests `@graph`s and
/// `mainEntity`s a few levels, never dozens).
const MAX_DEPTH: usize = 12;

/// Whether an object's `@type` names a JobPosting (a string or a list of types).
pub fn is_job_posting(o: &Map<String, Value>) -> bool {
    let is = |s: &str| {
        let s = s.rsplit(['/', ':']).next().unwrap_or(s);
        s.eq_ignore_ascii_case("JobPosting")
    };
    match o.get("@type").or_else(|| o.get("type")) {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(is)),
        _ => false,
    }
}

/// Every JobPosting object in a JSON-LD value (see [`job_posting_nodes`]), each with the nodes
/// it names by reference filled in: a `@graph` often describes the organization once and has
/// the posting say `"hiringOrganization": {"@id": "…#organization"}`.
pub fn find_job_postings(v: &Value) -> Vec<Map<String, Value>> {
    let jobs = job_posting_nodes(v);
    if jobs.is_empty() {
        return Vec::new();
    }
    let nodes = nodes_by_id(v);
    jobs.into_iter()
        .map(|o| {
            let mut o = o.clone();
            if !nodes.is_empty() {
                for value in o.values_mut() {
                    fill_references(value, &nodes, 0);
                }
            }
            o
        })
        .collect()
}

/// Walks the values under `root` depth-first, at most [`MAX_DEPTH`] deep: `step` looks at one
/// value and pushes the children to visit (the last pushed is visited first).
fn walk<'a>(root: &'a Value, mut step: impl FnMut(&'a Value, &mut Vec<&'a Value>)) {
    let mut stack: Vec<(&Value, usize)> = vec![(root, 0)];
    let mut children = Vec::new();
    while let Some((v, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            continue;
        }
        step(v, &mut children);
        stack.extend(children.drain(..).map(|c| (c, depth + 1)));
    }
}

/// The nodes of a JSON-LD value that have an `@id` and say more than it, by id.
fn nodes_by_id(v: &Value) -> HashMap<&str, &Value> {
    let mut out = HashMap::new();
    walk(v, |v, children| match v {
        Value::Object(o) => {
            if let Some(Value::String(id)) = o.get("@id")
                && o.len() > 1
            {
                out.entry(id.as_str()).or_insert(v);
            }
            children.extend(o.values());
        }
        Value::Array(a) => children.extend(a),
        _ => {}
    });
    out
}

/// Replaces each bare reference (`{"@id": …}` and nothing else) under `v` by the node it
/// names, a few levels deep (a place's address may itself be a reference).
fn fill_references(v: &mut Value, nodes: &HashMap<&str, &Value>, depth: usize) {
    const MAX_REFERENCE_DEPTH: usize = 4;
    if depth > MAX_REFERENCE_DEPTH {
        return;
    }
    match v {
        Value::Object(o) => {
            if o.len() == 1
                && let Some(Value::String(id)) = o.get("@id")
                && let Some(node) = nodes.get(id.as_str())
            {
                *v = (*node).clone();
                if let Value::Object(o) = v {
                    for c in o.values_mut() {
                        fill_references(c, nodes, depth + 1);
                    }
                }
                return;
            }
            for c in o.values_mut() {
                fill_references(c, nodes, depth + 1);
            }
        }
        Value::Array(a) => {
            for c in a {
                fill_references(c, nodes, depth + 1);
            }
        }
        _ => {}
    }
}

/// Every JobPosting object in a JSON-LD value: the value itself, items of arrays, `@graph`
/// members, `mainEntity`/`itemListElement` entries, items of a JSON Feed (`items[]._jobposting`).
/// Iterative and depth-bounded.
fn job_posting_nodes(v: &Value) -> Vec<&Map<String, Value>> {
    let mut out = Vec::new();
    walk(v, |v, children| match v {
        Value::Object(o) if is_job_posting(o) => out.push(o),
        Value::Object(o) => {
            for key in [
                "@graph",
                "mainEntity",
                "itemListElement",
                "item",
                "hasPart",
                "_jobposting",
            ] {
                children.extend(o.get(key));
            }
            // A JSON Feed: `items` whose entries carry a JobPosting.
            if let Some(Value::Array(items)) = o.get("items")
                && items.iter().any(|i| i.get("_jobposting").is_some())
            {
                children.extend(items.iter().rev());
            }
        }
        Value::Array(a) => children.extend(a.iter().rev()),
        _ => {}
    });
    out
}

/// A document from a JobPosting object.
pub fn doc(o: &Map<String, Value>, format: Format) -> Doc {
    let mut d = Doc::new(format);
    role_facts(&mut d, o);
    pay_facts(&mut d, o);
    listing_facts(&mut d, o);
    description(&mut d, o);
    super::label_facts(&mut d);
    d
}

/// The role: its title, employer, places, work mode and kinds of contract.
fn role_facts(d: &mut Doc, o: &Map<String, Value>) {
    let src = Origin::JsonLd;
    if let Some(t) = get(o, "title")
        .and_then(text_of)
        .or_else(|| get(o, "name").and_then(text_of))
    {
        d.text(Key::Title, body::inline_text(&t), src);
    }
    if let Some(c) = get(o, "hiringOrganization").and_then(text_of) {
        d.text(Key::Company, body::inline_text(&c), src);
    }
    for place in get(o, "jobLocation").map(places).unwrap_or_default() {
        d.text(Key::Location, place, src);
    }
    for place in get(o, "applicantLocationRequirements")
        .map(places)
        .unwrap_or_default()
    {
        d.text(Key::Country, place, src);
    }
    if let Some(t) = get(o, "jobLocationType").and_then(text_of) {
        d.text(Key::WorkMode, t, src);
    }
    match get(o, "employmentType") {
        Some(Value::Array(a)) => {
            for t in a.iter().filter_map(text_of) {
                d.text(Key::EmploymentType, t, src);
            }
        }
        Some(v) => {
            if let Some(t) = text_of(v) {
                for part in t.split([',', ';']) {
                    d.text(Key::EmploymentType, part, src);
                }
            }
        }
        None => {}
    }
}

/// The pay: its currency, the base salary and the board's estimate.
fn pay_facts(d: &mut Doc, o: &Map<String, Value>) {
    if let Some(c) = get(o, "salaryCurrency").and_then(text_of) {
        d.text(Key::Currency, c, Origin::JsonLd);
    }
    for (key, kind) in [
        ("baseSalary", PayKind::Base),
        ("estimatedSalary", PayKind::Estimated),
    ] {
        let Some(v) = get(o, key) else { continue };
        let items: Vec<&Value> = match v {
            Value::Array(a) => a.iter().collect(),
            other => vec![other],
        };
        let from = d.facts.len();
        for item in items {
            pay(d, item, kind);
        }
        if kind == PayKind::Estimated {
            // Its texts too ("$80K–$120K"), not only its figures.
            d.mark_estimates(from);
        }
    }
}

/// The listing: when it was posted, its address, the experience and skills asked for.
fn listing_facts(d: &mut Doc, o: &Map<String, Value>) {
    let src = Origin::JsonLd;
    if let Some(t) = get(o, "datePosted").and_then(text_of) {
        d.text(Key::Posted, t, src);
    }
    if let Some(u) = get(o, "url")
        .and_then(text_of)
        .filter(|u| u.starts_with("http"))
    {
        d.text(Key::Url, u, src);
    }
    if let Some(m) = get(o, "experienceRequirements")
        .and_then(|v| v.as_object())
        .and_then(|e| get(e, "monthsOfExperience"))
        .and_then(number_of)
    {
        d.push(Key::ExperienceMonths, FactValue::Number(m), src);
    }
    if let Some(v) = get(o, "skills") {
        for s in list_of(v) {
            d.text(Key::Skill, s, src);
        }
    }
}

/// The description, then the labelled parts that are not in it.
fn description(d: &mut Doc, o: &Map<String, Value>) {
    if let Some(t) = get(o, "description").and_then(text_of) {
        d.blocks = body::to_blocks(&t);
    }
    let have = d
        .blocks
        .iter()
        .map(|b| b.text.to_lowercase())
        .collect::<Vec<_>>()
        .join("\n");
    for (key, heading) in [
        ("responsibilities", "Responsibilities"),
        ("qualifications", "Qualifications"),
        ("experienceRequirements", "Experience"),
        ("educationRequirements", "Education"),
        ("jobBenefits", "Benefits"),
        ("incentiveCompensation", "Compensation"),
    ] {
        let Some(text) = get(o, key).and_then(text_of) else {
            continue;
        };
        let blocks = body::to_blocks(&text);
        let probe: String = blocks
            .first()
            .map(|b| b.text.chars().take(60).collect::<String>().to_lowercase())
            .unwrap_or_default();
        if blocks.is_empty() || have.contains(probe.trim()) {
            continue;
        }
        d.blocks.push(Block::heading(3, heading));
        d.blocks.extend(blocks);
    }
    if let Some(v) = get(o, "validThrough").and_then(text_of) {
        d.blocks.push(Block::heading(3, "Valid through"));
        d.blocks
            .push(Block::new(super::super::doc::BlockKind::Paragraph, v));
    }
}

/// The places of a jobLocation / applicantLocationRequirements value.
fn places(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.trim().to_string()],
        Value::Array(a) => {
            let mut out = Vec::new();
            for item in a {
                for p in places(item) {
                    if !out.contains(&p) {
                        out.push(p);
                    }
                }
            }
            out
        }
        Value::Object(o) => place_of(o).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// A MonetaryAmount (or a bare number, or a text) as a pay fact.
fn pay(d: &mut Doc, v: &Value, kind: PayKind) {
    let src = Origin::JsonLd;
    match v {
        Value::Object(m) => {
            let currency = get(m, "currency").and_then(text_of);
            let mut unit = get(m, "unitText").and_then(text_of);
            let (mut min, mut max) = (
                get(m, "minValue").and_then(number_of),
                get(m, "maxValue").and_then(number_of),
            );
            match get(m, "value") {
                Some(Value::Object(q)) => {
                    min = min.or_else(|| get(q, "minValue").and_then(number_of));
                    max = max.or_else(|| get(q, "maxValue").and_then(number_of));
                    if min.is_none() && max.is_none() {
                        let v = get(q, "value").and_then(number_of);
                        (min, max) = (v, v);
                    }
                    unit = unit.or_else(|| get(q, "unitText").and_then(text_of));
                }
                Some(s @ Value::String(text)) if number_of(s).is_none() => {
                    d.text(Key::Salary, text, src);
                }
                Some(v) if min.is_none() && max.is_none() => {
                    let n = number_of(v);
                    (min, max) = (n, n);
                }
                _ => {}
            }
            if min.is_none() && max.is_none() {
                // MonetaryAmountDistribution: percentiles.
                min = get(m, "percentile10")
                    .or_else(|| get(m, "percentile25"))
                    .and_then(number_of);
                max = get(m, "percentile90")
                    .or_else(|| get(m, "percentile75"))
                    .and_then(number_of);
            }
            if min.is_some() || max.is_some() {
                d.push(
                    Key::Pay,
                    FactValue::Money(Money {
                        min,
                        max,
                        currency,
                        period: unit,
                        kind,
                    }),
                    src,
                );
            }
        }
        Value::String(s) if number_of(v).is_none() => d.text(Key::Salary, s, src),
        other => {
            if let Some(n) = number_of(other) {
                d.push(
                    Key::Pay,
                    FactValue::Money(Money {
                        min: Some(n),
                        max: Some(n),
                        kind,
                        ..Money::default()
                    }),
                    src,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_postings_in_graphs_lists_and_feeds() {
        let v = json!({"@context": "https://schema.org", "@graph": [
            {"@type": "WebPage", "name": "x"},
            {"@type": ["JobPosting"], "title": "A"},
            {"@type": "ItemList", "itemListElement": [{"@type": "ListItem", "item": {"@type": "JobPosting", "title": "B"}}]}
        ]});
        let jobs = find_job_postings(&v);
        let found: Vec<_> = jobs.iter().map(|o| o["title"].as_str().unwrap()).collect();
        assert_eq!(found, ["A", "B"]);
        assert!(find_job_postings(&json!({"@type": "Organization"})).is_empty());
        let feed = json!({"title": "Acme", "items": [{"id": "1", "_jobposting": {"@type": "JobPosting", "title": "C"}}]});
        assert_eq!(find_job_postings(&feed).len(), 1);
    }

    #[test]
    fn fills_in_the_nodes_a_posting_names_by_reference() {
        let v = json!({"@context": "https://schema.org", "@graph": [
            {"@type": "Organization", "@id": "https://acme.test/#org", "name": "Acme Widgets GmbH",
             "address": {"@id": "https://acme.test/#addr"}},
            {"@type": "PostalAddress", "@id": "https://acme.test/#addr", "addressLocality": "Kiel"},
            {"@type": "JobPosting", "title": "Welder", "hiringOrganization": {"@id": "https://acme.test/#org"},
             "jobLocation": [{"@type": "Place", "address": {"@id": "https://acme.test/#addr"}}],
             "sameAs": {"@id": "https://acme.test/#missing"}}
        ]});
        let jobs = find_job_postings(&v);
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0]["hiringOrganization"]["name"], "Acme Widgets GmbH");
        assert_eq!(
            jobs[0]["hiringOrganization"]["address"]["addressLocality"],
            "Kiel"
        );
        assert_eq!(
            jobs[0]["jobLocation"][0]["address"]["addressLocality"],
            "Kiel"
        );
        assert_eq!(
            jobs[0]["sameAs"],
            json!({"@id": "https://acme.test/#missing"})
        );
        let d = doc(&jobs[0], Format::Html);
        assert_eq!(
            d.texts(Key::Company).next().map(|(t, _)| t),
            Some("Acme Widgets GmbH")
        );
        // A node naming itself does not loop.
        let selfish = json!({"@graph": [{"@type": "JobPosting", "@id": "#j", "title": "T", "isPartOf": {"@id": "#j"}}]});
        assert_eq!(find_job_postings(&selfish).len(), 1);
    }

    #[test]
    fn reads_a_full_job_posting() {
        let v = json!({
            "@context": "https://schema.org/", "@type": "JobPosting",
            "title": "Senior Rust Engineer",
            "description": "<p><strong>About us</strong></p><p>We make &amp; ship.</p><ul><li>Rust</li></ul>",
            "hiringOrganization": {"@type": "Organization", "name": "Ferrous Ltd"},
            "jobLocation": [{"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Berlin", "addressCountry": "DE"}}],
            "jobLocationType": "TELECOMMUTE",
            "applicantLocationRequirements": {"@type": "Country", "name": "Germany"},
            "employmentType": ["FULL_TIME", "CONTRACTOR"],
            "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                "value": {"@type": "QuantitativeValue", "minValue": 70000, "maxValue": 90000, "unitText": "YEAR"}},
            "datePosted": "2026-01-02", "validThrough": "2026-03-01",
            "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 60}
        });
        let d = doc(v.as_object().unwrap(), Format::Json);
        let t = |k: Key| d.texts(k).map(|(t, _)| t.to_string()).collect::<Vec<_>>();
        assert_eq!(t(Key::Title), ["Senior Rust Engineer"]);
        assert_eq!(t(Key::Company), ["Ferrous Ltd"]);
        assert_eq!(t(Key::Location), ["Berlin, DE"]);
        assert_eq!(t(Key::Country), ["Germany"]);
        assert_eq!(t(Key::WorkMode), ["TELECOMMUTE"]);
        assert_eq!(t(Key::EmploymentType), ["FULL_TIME", "CONTRACTOR"]);
        assert_eq!(d.facts_of(Key::Pay).count(), 1);
        assert_eq!(d.blocks[0].text, "About us");
    }
}
