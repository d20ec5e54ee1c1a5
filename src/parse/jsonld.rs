//! schema.org `JobPosting` (JSON-LD, in HTML pages or JSON files) → postings.
//!
//! Read: title (or name), hiringOrganization (text or Organization), jobLocation (Place or a
//! list; PostalAddress or text address), jobLocationType TELECOMMUTE, applicantLocationRequirements,
//! employmentType (text or list), baseSalary (MonetaryAmount with a QuantitativeValue or a
//! number; a bare number or text), estimatedSalary, datePosted, validThrough, skills,
//! qualifications, responsibilities, experienceRequirements, description (HTML), url.

use serde_json::{Map, Value};

use super::body;
use super::fields::{salary, skills};
use super::record::{
    company_of, employment_of, get, list_of, locations_of, number_of, salary_of_amount, text_of,
};
use crate::posting::{FieldSource, Period, Posting, Salary, Section, WorkMode};

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

/// Every JobPosting object in a JSON-LD value: the value itself, items of arrays, `@graph`
/// members, `mainEntity`/`itemListElement` entries. Iterative and depth-bounded.
pub fn find_job_postings(v: &Value) -> Vec<&Map<String, Value>> {
    let mut out = Vec::new();
    let mut stack: Vec<(&Value, usize)> = vec![(v, 0)];
    while let Some((v, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            continue;
        }
        match v {
            Value::Object(o) => {
                if is_job_posting(o) {
                    out.push(o);
                    continue;
                }
                for key in ["@graph", "mainEntity", "itemListElement", "item", "hasPart"] {
                    if let Some(child) = o.get(key) {
                        stack.push((child, depth + 1));
                    }
                }
            }
            Value::Array(a) => {
                for item in a.iter().rev() {
                    stack.push((item, depth + 1));
                }
            }
            _ => {}
        }
    }
    out
}

/// A posting from a JobPosting object. Fields it gives are sourced "json-ld".
pub fn posting(o: &Map<String, Value>) -> Posting {
    let src = FieldSource::JsonLd;
    let mut p = Posting::default();
    if let Some(t) = get(o, "title")
        .and_then(text_of)
        .or_else(|| get(o, "name").and_then(text_of))
    {
        p.title = Some(body::inline_text(&t));
        p.set_source("title", src);
    }
    if let Some(c) = get(o, "hiringOrganization").and_then(company_of) {
        p.company = Some(body::inline_text(&c));
        p.set_source("company", src);
    }
    // Where: jobLocation places, else the countries/regions applicants must live in.
    let mut locs = get(o, "jobLocation").map(locations_of).unwrap_or_default();
    let remote = get(o, "jobLocationType")
        .and_then(text_of)
        .is_some_and(|t| t.to_uppercase().contains("TELECOMMUTE"));
    if locs.is_empty() || remote {
        for l in get(o, "applicantLocationRequirements")
            .map(locations_of)
            .unwrap_or_default()
        {
            if !locs.contains(&l) {
                locs.push(l);
            }
        }
    }
    if !locs.is_empty() {
        p.locations = locs;
        p.set_source("locations", src);
    }
    if remote {
        p.work_mode = Some(WorkMode::Remote);
        p.set_source("work_mode", src);
    }
    if let Some(t) = get(o, "employmentType").and_then(employment_of) {
        p.employment_type = Some(t);
        p.set_source("employment_type", src);
    }
    if let Some(s) = salary_of(o, &p.locations) {
        p.salary = Some(s);
        p.set_source("salary", src);
    }
    if let Some(d) = get(o, "datePosted").and_then(text_of) {
        p.posted = Some(d);
        p.set_source("posted", src);
    }
    if let Some(u) = get(o, "url")
        .and_then(text_of)
        .filter(|u| u.starts_with("http"))
    {
        p.url = Some(u);
        p.set_source("url", src);
    }
    if let Some(m) = get(o, "experienceRequirements")
        .and_then(|v| v.as_object())
        .and_then(|e| get(e, "monthsOfExperience"))
        .and_then(number_of)
    {
        p.experience_years = Some((m / 12.0).round() as u32);
        p.set_source("experience_years", src);
    }
    if let Some(v) = get(o, "skills") {
        let items: Vec<String> = list_of(&Value::String(
            text_of(v)
                .map(|s| body::inline_text(&s))
                .unwrap_or_default(),
        ));
        let tags = skills::canonical_tags(items.iter().map(String::as_str));
        if !tags.is_empty() {
            p.skills = tags;
            p.set_source("skills", src);
        }
    }
    // Description, then the labelled parts that are not in it.
    if let Some(d) = get(o, "description").and_then(text_of) {
        p.sections = body::sections_of(&d);
    }
    let have = p.description_text().to_lowercase();
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
        let text = body::to_text(&text);
        let probe: String = text.chars().take(60).collect::<String>().to_lowercase();
        if text.trim().is_empty() || have.contains(probe.trim()) {
            continue;
        }
        p.sections.push(Section {
            heading: Some(heading.to_string()),
            body: text,
        });
    }
    if let Some(v) = get(o, "validThrough").and_then(text_of) {
        p.sections.push(Section {
            heading: Some("Valid through".into()),
            body: v,
        });
    }
    p
}

/// baseSalary (MonetaryAmount, number or text), else estimatedSalary.
fn salary_of(o: &Map<String, Value>, locations: &[String]) -> Option<Salary> {
    let currency = get(o, "salaryCurrency").and_then(text_of);
    for key in ["baseSalary", "estimatedSalary"] {
        let Some(v) = get(o, key) else { continue };
        let items: Vec<&Value> = match v {
            Value::Array(a) => a.iter().collect(),
            other => vec![other],
        };
        for item in items {
            let s = match item {
                Value::Object(m) => salary_of_amount(m, currency.as_deref(), locations),
                Value::String(s) if number_of(item).is_none() => salary::salary_from_field(s),
                other => number_of(other).and_then(|n| {
                    let cur = currency
                        .clone()
                        .unwrap_or_else(|| super::record::default_currency(locations).to_string());
                    let period = if n < 300.0 {
                        Period::Hour
                    } else if n < 20_000.0 {
                        Period::Month
                    } else {
                        Period::Year
                    };
                    Salary::new(Some(n), Some(n), &cur, period)
                }),
            };
            if s.is_some() {
                return s;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::EmploymentType;
    use serde_json::json;

    #[test]
    fn finds_postings_in_graphs_and_lists() {
        let v = json!({"@context": "https://schema.org", "@graph": [
            {"@type": "WebPage", "name": "x"},
            {"@type": ["JobPosting"], "title": "A"},
            {"@type": "ItemList", "itemListElement": [{"@type": "ListItem", "item": {"@type": "JobPosting", "title": "B"}}]}
        ]});
        let found: Vec<_> = find_job_postings(&v)
            .iter()
            .map(|o| o["title"].as_str().unwrap())
            .collect();
        assert_eq!(found, ["A", "B"]);
        assert!(find_job_postings(&json!({"@type": "Organization"})).is_empty());
    }

    #[test]
    fn reads_a_full_job_posting() {
        let v = json!({
            "@context": "https://schema.org/", "@type": "JobPosting",
            "title": "Senior Rust Engineer",
            "description": "<p><strong>About us</strong></p><p>We make &amp; ship.</p><ul><li>Rust</li></ul>",
            "hiringOrganization": {"@type": "Organization", "name": "Ferrous Ltd", "sameAs": "https://f.example"},
            "jobLocation": [{"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Berlin", "addressCountry": "DE"}}],
            "jobLocationType": "TELECOMMUTE",
            "applicantLocationRequirements": {"@type": "Country", "name": "Germany"},
            "employmentType": ["FULL_TIME", "CONTRACTOR"],
            "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                "value": {"@type": "QuantitativeValue", "minValue": 70000, "maxValue": 90000, "unitText": "YEAR"}},
            "datePosted": "2026-01-02", "validThrough": "2026-03-01",
            "skills": "Rust, Tokio, postgres",
            "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 60}
        });
        let p = posting(v.as_object().unwrap());
        assert_eq!(p.title.as_deref(), Some("Senior Rust Engineer"));
        assert_eq!(p.company.as_deref(), Some("Ferrous Ltd"));
        assert_eq!(p.locations, ["Berlin, DE", "Germany"]);
        assert_eq!(p.work_mode, Some(WorkMode::Remote));
        assert_eq!(p.employment_type, Some(EmploymentType::FullTime));
        let s = p.salary.unwrap();
        assert_eq!(
            (s.min, s.max, s.currency.as_str(), s.period),
            (Some(70e3), Some(90e3), "EUR", Period::Year)
        );
        assert_eq!(p.posted.as_deref(), Some("2026-01-02"));
        assert_eq!(p.experience_years, Some(5));
        assert_eq!(p.skills, ["Rust", "Tokio", "PostgreSQL"]);
        assert_eq!(p.sections[0].heading.as_deref(), Some("About us"));
        assert!(p.sections[0].body.contains("We make & ship."));
        assert_eq!(p.field_sources["salary"], FieldSource::JsonLd);
    }

    #[test]
    fn bare_number_salary_and_string_type() {
        let v = json!({"@type": "JobPosting", "title": "Clerk", "employmentType": "PART_TIME",
            "baseSalary": 25, "salaryCurrency": "USD"});
        let p = posting(v.as_object().unwrap());
        assert_eq!(p.employment_type, Some(EmploymentType::PartTime));
        let s = p.salary.unwrap();
        assert_eq!((s.min, s.period), (Some(25.0), Period::Hour));
    }
}
