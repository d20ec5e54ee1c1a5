//! JSON and JSON Lines: schema.org JobPosting objects (alone, in arrays, in `@graph`s), Hacker
//! News threads and comments (see [`super::hn`]), and plain export shapes — an object or an
//! array of objects with keys such as title, company, location, description, salary — also
//! when wrapped (`{"jobs": […]}`, `{"data": {"results": […]}}`).

use serde_json::{Map, Value};

use super::record::{self, looks_like_posting};
use super::{Document, SkipReason, hn, jsonld};
use crate::posting::{FieldSource, Format, Posting};

/// How deep wrappers are searched for records.
const MAX_WRAP_DEPTH: usize = 4;

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

pub fn parse(doc: &Document<'_>) -> Result<Vec<Posting>, SkipReason> {
    let mut warnings = Vec::new();
    let values: Vec<Value> = match serde_json::from_str::<Value>(doc.text) {
        Ok(v) => vec![v],
        Err(whole_err) => {
            // JSON Lines: one value per line.
            let lines: Vec<(usize, &str)> = doc
                .text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .collect();
            let mut vals = Vec::new();
            let mut bad = 0;
            for (n, line) in &lines {
                match serde_json::from_str::<Value>(line) {
                    Ok(v) => vals.push(v),
                    Err(e) => {
                        bad += 1;
                        if bad <= 3 {
                            warnings.push(format!("line {}: invalid JSON ({e}); skipped", n + 1));
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
            vals
        }
    };
    let mut out = Vec::new();
    for v in &values {
        collect(v, &mut out);
    }
    if out.is_empty() {
        return Err(SkipReason::NoPosting(
            "JSON without a JobPosting or an object with posting keys (title, company, description…)"
                .into(),
        ));
    }
    if !warnings.is_empty() {
        for p in &mut out {
            p.warnings.extend(warnings.iter().cloned());
        }
    }
    Ok(out)
}

/// The postings of one JSON value.
pub fn collect(v: &Value, out: &mut Vec<Posting>) {
    let jobs = jsonld::find_job_postings(v);
    if !jobs.is_empty() {
        for o in jobs {
            let mut p = jsonld::posting(o);
            p.format = Format::Json;
            out.push(p);
        }
        return;
    }
    if let Some(posts) = hn::from_json(v) {
        out.extend(posts);
        return;
    }
    for o in records(v) {
        if let Some(mut p) = record::posting_from_record(o, FieldSource::Structured) {
            p.format = Format::Json;
            out.push(p);
        }
    }
}

/// Objects that look like postings: the value itself, the items of an array, or those of the
/// first wrapped array that holds any (breadth-first, a few levels deep).
fn records(v: &Value) -> Vec<&Map<String, Value>> {
    let mut level: Vec<&Value> = vec![v];
    for _ in 0..=MAX_WRAP_DEPTH {
        let mut found = Vec::new();
        let mut next = Vec::new();
        for v in &level {
            match v {
                Value::Object(o) if looks_like_posting(o) => found.push(o),
                Value::Object(o) => {
                    next.extend(o.values().filter(|c| c.is_object() || c.is_array()))
                }
                Value::Array(a) => {
                    for item in a {
                        match item {
                            Value::Object(o) if looks_like_posting(o) => found.push(o),
                            Value::Object(_) | Value::Array(_) => next.push(item),
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

    fn run(text: &str) -> Result<Vec<Posting>, SkipReason> {
        parse(&Document {
            text,
            source: "x.json",
        })
    }

    #[test]
    fn job_posting_array_and_graph() {
        let ps = run(r#"[{"@type": "JobPosting", "title": "A Engineer"}, {"@type": "JobPosting", "title": "B Designer"}]"#).unwrap();
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[1].title.as_deref(), Some("B Designer"));
        assert_eq!(ps[0].format, Format::Json);
        let ps = run(r#"{"@context": "https://schema.org", "@graph": [{"@type": "Organization"}, {"@type": "JobPosting", "title": "C"}]}"#).unwrap();
        assert_eq!(ps[0].title.as_deref(), Some("C"));
    }

    #[test]
    fn export_shapes_and_wrappers() {
        let ps = run(r#"{"meta": {"count": 2}, "data": {"jobs": [
            {"title": "Backend Developer", "company": {"name": "Acme"}, "location": "Berlin", "description": "Go and SQL."},
            {"title": "Designer", "company_name": "Initech", "salary": "$90k - $110k"}]}}"#).unwrap();
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].company.as_deref(), Some("Acme"));
        assert!(ps[1].salary.is_some());
    }

    #[test]
    fn json_lines_with_a_bad_line() {
        let ps = run("{\"title\": \"A Engineer\", \"company\": \"X\"}\n{\"title\": \"B\", \n{\"title\": \"C Analyst\", \"company\": \"Y\"}\n").unwrap();
        assert_eq!(ps.len(), 2);
        assert!(ps[0].warnings.iter().any(|w| w.contains("line 2")));
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
