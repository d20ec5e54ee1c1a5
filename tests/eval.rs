//! Per-field accuracy of the parsers on the labelled evaluation set in `tests/fixtures/eval/`
//! (real postings of every supported format, labelled by hand in `labels.json`; see the
//! folder's README for where each comes from).
//!
//! Matching rules, per field (a label may also be `{"any": [a, b]}`: any of the values is right):
//! - title: equal after normalizing (lowercase, only letters and digits, single spaces);
//! - company: the same, also ignoring legal suffixes (Inc, LLC, Ltd, GmbH, e.V., Corp);
//! - locations: every labelled place appears (case-insensitively) among the parsed locations;
//!   an empty label needs no locations at all;
//! - work_mode, employment_type: equal (null must be null);
//! - salary: min, max, currency and period equal (null must be null).
//!
//! Run `cargo test --test eval -- --nocapture` to see the table and each miss.

use std::collections::BTreeMap;
use std::path::Path;

use jobdeck::parse::parse_bytes;
use jobdeck::posting::Posting;
use serde_json::Value;

const FIELDS: &[&str] = &[
    "title",
    "company",
    "locations",
    "work_mode",
    "employment_type",
    "salary",
];

/// The goals of the issue.
fn goal(field: &str) -> f64 {
    match field {
        "locations" | "employment_type" => 0.90,
        _ => 0.95,
    }
}

fn norm(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn norm_company(s: &str) -> String {
    let n = norm(s);
    let words: Vec<&str> = n.split(' ').collect();
    let mut end = words.len();
    while end > 1
        && matches!(
            words[end - 1],
            "inc" | "llc" | "ltd" | "gmbh" | "e" | "v" | "corp" | "co" | "limited" | "sa" | "ag"
        )
    {
        end -= 1;
    }
    words[..end].join(" ")
}

fn text_matches(label: &Value, got: Option<&str>, f: fn(&str) -> String) -> bool {
    match label {
        Value::Null => got.is_none(),
        Value::String(s) => got.is_some_and(|g| f(g) == f(s)),
        _ => false,
    }
}

fn locations_match(label: &Value, got: &[String]) -> bool {
    let Value::Array(want) = label else {
        return false;
    };
    if want.is_empty() {
        return got.is_empty();
    }
    let joined = got.join(" ; ").to_lowercase();
    want.iter()
        .filter_map(Value::as_str)
        .all(|w| joined.contains(&w.to_lowercase()))
}

fn enum_matches(label: &Value, got: Option<String>) -> bool {
    match label {
        Value::Null => got.is_none(),
        Value::String(s) => got.as_deref() == Some(s.as_str()),
        _ => false,
    }
}

fn salary_matches(label: &Value, p: &Posting) -> bool {
    match (label, &p.salary) {
        (Value::Null, None) => true,
        (Value::Object(w), Some(s)) => {
            let num = |k: &str| w.get(k).and_then(Value::as_f64);
            num("min") == s.min
                && num("max") == s.max
                && w.get("currency").and_then(Value::as_str) == Some(s.currency.as_str())
                && w.get("period").and_then(Value::as_str) == Some(s.period.as_str())
        }
        _ => false,
    }
}

fn field_matches(field: &str, label: &Value, p: &Posting) -> bool {
    if let Some(Value::Array(options)) = label.get("any") {
        return options.iter().any(|o| field_matches(field, o, p));
    }
    match field {
        "title" => text_matches(label, p.title.as_deref(), norm),
        "company" => text_matches(label, p.company.as_deref(), norm_company),
        "locations" => locations_match(label, &p.locations),
        "work_mode" => enum_matches(label, p.work_mode.map(|m| m.as_str().to_string())),
        "employment_type" => enum_matches(label, p.employment_type.map(|m| m.as_str().to_string())),
        "salary" => salary_matches(label, p),
        _ => unreachable!(),
    }
}

fn shown(field: &str, p: &Posting) -> String {
    match field {
        "title" => format!("{:?}", p.title),
        "company" => format!("{:?}", p.company),
        "locations" => format!("{:?}", p.locations),
        "work_mode" => format!("{:?}", p.work_mode),
        "employment_type" => format!("{:?}", p.employment_type),
        "salary" => format!("{:?}", p.salary.as_ref().map(|s| s.long())),
        _ => unreachable!(),
    }
}

#[test]
fn per_field_accuracy_meets_the_goals() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval");
    let labels: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("labels.json")).unwrap()).unwrap();
    assert!(
        labels.len() >= 40,
        "the evaluation set has at least 40 postings"
    );

    // Parse each labelled file once.
    let mut parsed: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
    let mut expected_counts: BTreeMap<String, usize> = BTreeMap::new();
    for l in &labels {
        let file = l["file"].as_str().unwrap().to_string();
        *expected_counts.entry(file.clone()).or_default() += 1;
        parsed.entry(file.clone()).or_insert_with(|| {
            let bytes = std::fs::read(dir.join(&file)).unwrap();
            parse_bytes(&bytes, &file).unwrap_or_else(|e| panic!("{file}: skipped: {e}"))
        });
    }
    for (file, n) in &expected_counts {
        assert_eq!(parsed[file].len(), *n, "{file}: number of postings");
    }

    // Score, per field and per format.
    let mut right: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_format: BTreeMap<(String, &str), (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for l in &labels {
        let file = l["file"].as_str().unwrap();
        let idx = l["index"].as_u64().unwrap() as usize;
        let p = &parsed[file][idx];
        let kind = file.split('/').next().unwrap().to_string();
        for &field in FIELDS {
            let ok = field_matches(field, &l[field], p);
            let e = by_format.entry((kind.clone(), field)).or_default();
            e.1 += 1;
            if ok {
                *right.entry(field).or_default() += 1;
                e.0 += 1;
            } else {
                misses.push(format!(
                    "  {file}#{idx} {field}: want {}, got {}",
                    l[field],
                    shown(field, p)
                ));
            }
        }
    }

    let n = labels.len();
    let mut table = String::from("\n| field | right | accuracy | goal |\n|---|---|---|---|\n");
    let mut failing = Vec::new();
    for &field in FIELDS {
        let r = right.get(field).copied().unwrap_or(0);
        let acc = r as f64 / n as f64;
        table.push_str(&format!(
            "| {field} | {r}/{n} | {:.1}% | ≥ {:.0}% |\n",
            acc * 100.0,
            goal(field) * 100.0
        ));
        if acc < goal(field) {
            failing.push(field);
        }
    }
    let mut kinds: Vec<String> = by_format.keys().map(|(k, _)| k.clone()).collect();
    kinds.dedup();
    table.push_str("\nper format (right/total): \n");
    for k in &kinds {
        let cells: Vec<String> = FIELDS
            .iter()
            .map(|f| {
                let (r, t) = by_format[&(k.clone(), *f)];
                format!("{f} {r}/{t}")
            })
            .collect();
        table.push_str(&format!("  {k}: {}\n", cells.join(", ")));
    }
    println!("{table}");
    println!("misses:\n{}", misses.join("\n"));
    assert!(
        failing.is_empty(),
        "below the goal: {failing:?}{table}\nmisses:\n{}",
        misses.join("\n")
    );
}
