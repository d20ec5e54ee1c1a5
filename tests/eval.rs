//! Per-field accuracy of the parsers on every labelled set of real postings:
//!
//! - `eval` — `tests/fixtures/eval/` (70 jobs in 62 postings from the four sources of `shared/corpus`, every
//!   format jobdeck reads; see its README);
//! - `labelled-a`, `labelled-b` — `tests/fixtures/labelled/` (120 postings from about 80 sources
//!   this project had not seen: ATS APIs, board pastes, saved pages, 16 languages, HN comments,
//!   e-mails; see its README and `SOURCES-*.md`);
//! - `gathered-dev/<name>`, `gathered-heldout/<name>` — each `tests/fixtures/gathered-*/*/` folder (`labels.json` and
//!   `postings/`), when present.
//!
//! Each file is parsed once (`parse_bytes`); the posting at `index` is compared with its label.
//! A field is *right*, *empty* (the label has a value, the parser gave none) or *wrong* (the
//! parser gave a value that does not match, also where the label says there is none).
//!
//! Matching rules, per field (a label may also be `{"any": [a, b]}`: any of the values is right):
//! - title: equal after normalizing (lowercase, only letters and digits, single spaces, a gender
//!   tag in brackets such as "(H/F)" or "(m/w/d)" dropped on both sides). A title
//!   the parser composed itself (field source `composed`: "Acme — hiring" for an HN post that
//!   names no role) is not a stated title: it counts as no title;
//! - company: the same, also ignoring legal suffixes (Inc, LLC, Ltd, GmbH, e.V., Corp);
//! - locations, `eval` set (a list of places): every labelled place appears (case-insensitively)
//!   among the parsed locations; an empty label needs no locations at all;
//! - location, the other sets (the main place as written, or null): after folding (lowercase,
//!   diacritics removed, punctuation as spaces) the labelled place is contained, as whole words,
//!   in one of the parsed places, or its first comma-separated part equals that place's first
//!   part ("Richmond Hill, ON" matches "Richmond Hill, Ontario"); null needs no locations;
//! - work_mode, employment_type: equal (null must be null);
//! - salary: min, max and currency equal (null must be null), and the period when the label
//!   states one (a label with figures but no period leaves the period unjudged). A board's
//!   estimate (provenance `estimate`: Adzuna's predicted pay, "Glassdoor est.") is shown as one
//!   and is no stated salary: it counts as none, as the labels leave it (since stop 45).
//!
//! The floors asserted below are the figures reached when this evaluation was last tuned (not
//! the goals of issue 14, which are printed next to them): a change that loses a right field
//! fails. Run `cargo test --test eval -- --nocapture` to see the tables and each miss.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jobdeck::parse::parse_bytes;
use jobdeck::posting::{Field, FieldSource, Posting};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

const FIELDS: &[&str] = &[
    "title",
    "company",
    "location",
    "work_mode",
    "employment_type",
    "salary",
];

/// The goals of issue 14 (printed beside the figures, not asserted).
fn goal(field: &str) -> f64 {
    match field {
        "location" | "employment_type" => 90.0,
        _ => 95.0,
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

/// A title without its gender tag: "Data Engineer (H/F)", "Entwickler (m/w/d)" are the role
/// "Data Engineer", "Entwickler". Labels differ on keeping the tag (a board appends one to every
/// title), and it names no part of the role, so it is dropped on both sides.
fn norm_title(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        let Some(len) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 1..open + len];
        let tag = inner.split('/').count() >= 2
            && inner.split('/').all(|p| {
                let p = p.trim().to_lowercase();
                matches!(
                    p.as_str(),
                    "m" | "w" | "d" | "f" | "h" | "x" | "n" | "k" | "i" | "div"
                )
            });
        out.push_str(&rest[..open]);
        out.push_str(if tag { " " } else { &rest[open..=open + len] });
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    norm(&out)
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

/// Lowercase, diacritics removed, anything but letters and digits a space.
fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Right,
    Empty,
    Wrong,
}

/// One label in a common shape, whichever schema its set uses.
#[derive(Debug)]
struct Label {
    file: String,
    index: usize,
    title: Value,
    company: Value,
    /// The `eval` set: a list of places; the others: one place (a string) or null.
    location: Value,
    work_mode: Value,
    employment_type: Value,
    /// `{min, max, currency, period}` or null.
    salary: Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Schema {
    /// `tests/fixtures/eval/labels.json`: `locations` lists, `salary` objects.
    Eval,
    /// The labelled and gathered sets: `location` string, `salary_min`/`_max`/`_currency`/`_period`.
    Labelled,
}

fn labels_of(path: &Path, schema: Schema) -> Vec<Label> {
    let raw: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    raw.into_iter()
        .map(|l| {
            let salary = match schema {
                Schema::Eval => l["salary"].clone(),
                Schema::Labelled => {
                    if l["salary_min"].is_null() && l["salary_max"].is_null() {
                        Value::Null
                    } else {
                        serde_json::json!({
                            "min": l["salary_min"], "max": l["salary_max"],
                            "currency": l["salary_currency"], "period": l["salary_period"],
                        })
                    }
                }
            };
            Label {
                file: l["file"].as_str().expect("file").to_string(),
                index: l["index"].as_u64().expect("index") as usize,
                title: l["title"].clone(),
                company: l["company"].clone(),
                location: match schema {
                    Schema::Eval => l["locations"].clone(),
                    Schema::Labelled => l["location"].clone(),
                },
                work_mode: l["work_mode"].clone(),
                employment_type: l["employment_type"].clone(),
                salary,
            }
        })
        .collect()
}

/// The posting's title as a stated title (a composed one counts as none).
fn stated_title(p: &Posting) -> Option<&str> {
    if p.field_sources.get(Field::Title) == Some(&FieldSource::Composed) {
        return None;
    }
    p.title.as_deref()
}

/// The posting's salary as stated by the employer: a board's estimate (Adzuna's predicted pay,
/// "Glassdoor est.") is shown as such and counts as none, as the labels leave it.
fn stated_salary(p: &Posting) -> Option<&jobdeck::posting::Salary> {
    p.salary
        .as_ref()
        .filter(|s| s.provenance != jobdeck::posting::PayProvenance::Estimate)
}

fn text_matches(label: &str, got: &str, f: fn(&str) -> String) -> bool {
    f(got) == f(label)
}

fn place_matches(label: &str, got: &[String]) -> bool {
    let want = fold(label);
    let want_first = fold(label.split(',').next().unwrap_or(label));
    got.iter().any(|g| {
        let have = fold(g);
        format!(" {have} ").contains(&format!(" {want} "))
            || fold(g.split(',').next().unwrap_or(g)) == want_first
    })
}

fn amount(v: &Value) -> Option<f64> {
    v.as_f64()
}

fn salary_matches(w: &serde_json::Map<String, Value>, p: &Posting) -> bool {
    let Some(s) = stated_salary(p) else {
        return false;
    };
    let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() < 0.5,
        _ => false,
    };
    close(w.get("min").and_then(amount), s.min)
        && close(w.get("max").and_then(amount), s.max)
        && w.get("currency").and_then(Value::as_str) == Some(s.currency.as_str())
        && match w.get("period").and_then(Value::as_str) {
            Some(period) => period == s.period.as_str(),
            None => true,
        }
}

/// Whether the parser gave the field any value.
fn has_value(field: &str, p: &Posting, schema: Schema) -> bool {
    match field {
        "title" => stated_title(p).is_some(),
        "company" => p.company.is_some(),
        "location" => !p.locations.is_empty(),
        "work_mode" => p.work_mode.is_some(),
        "employment_type" => p.employment_type.is_some(),
        "salary" => stated_salary(p).is_some(),
        _ => unreachable!("{schema:?}"),
    }
}

/// Whether one (non-"any") label value matches the posting.
fn matches_one(field: &str, label: &Value, p: &Posting, schema: Schema) -> bool {
    if label.is_null() {
        return !has_value(field, p, schema);
    }
    match (field, label) {
        ("title", Value::String(s)) => {
            stated_title(p).is_some_and(|g| text_matches(s, g, norm_title))
        }
        ("company", Value::String(s)) => p
            .company
            .as_deref()
            .is_some_and(|g| text_matches(s, g, norm_company)),
        ("location", Value::Array(want)) if schema == Schema::Eval => {
            if want.is_empty() {
                return p.locations.is_empty();
            }
            let joined = p.locations.join(" ; ").to_lowercase();
            want.iter()
                .filter_map(Value::as_str)
                .all(|w| joined.contains(&w.to_lowercase()))
        }
        ("location", Value::String(s)) => place_matches(s, &p.locations),
        ("work_mode", Value::String(s)) => p.work_mode.is_some_and(|m| m.as_str() == s),
        ("employment_type", Value::String(s)) => p.employment_type.is_some_and(|m| m.as_str() == s),
        ("salary", Value::Object(w)) => salary_matches(w, p),
        _ => false,
    }
}

fn outcome(field: &str, label: &Value, p: Option<&Posting>, schema: Schema) -> Outcome {
    let Some(p) = p else {
        // The posting is missing (the file was skipped or gave fewer postings).
        let options: Vec<&Value> = match label.get("any") {
            Some(Value::Array(o)) => o.iter().collect(),
            _ => vec![label],
        };
        let empty_label = |v: &Value| v.is_null() || v.as_array().is_some_and(Vec::is_empty);
        return if options.iter().any(|v| empty_label(v)) {
            Outcome::Right
        } else {
            Outcome::Empty
        };
    };
    let ok = match label.get("any") {
        Some(Value::Array(options)) => options.iter().any(|o| matches_one(field, o, p, schema)),
        _ => matches_one(field, label, p, schema),
    };
    if ok {
        Outcome::Right
    } else if has_value(field, p, schema) {
        Outcome::Wrong
    } else {
        Outcome::Empty
    }
}

fn shown(field: &str, p: Option<&Posting>) -> String {
    let Some(p) = p else {
        return "(no posting)".into();
    };
    match field {
        "title" => format!("{:?}", p.title),
        "company" => format!("{:?}", p.company),
        "location" => format!("{:?}", p.locations),
        "work_mode" => format!("{:?}", p.work_mode.map(|m| m.as_str())),
        "employment_type" => format!("{:?}", p.employment_type.map(|m| m.as_str())),
        "salary" => format!("{:?}", p.salary.as_ref().map(|s| s.long())),
        _ => unreachable!(),
    }
}

fn label_value<'a>(l: &'a Label, field: &str) -> &'a Value {
    match field {
        "title" => &l.title,
        "company" => &l.company,
        "location" => &l.location,
        "work_mode" => &l.work_mode,
        "employment_type" => &l.employment_type,
        "salary" => &l.salary,
        _ => unreachable!(),
    }
}

/// The scores of one set.
struct Report {
    name: String,
    postings: usize,
    /// Per field: (right, empty, wrong).
    counts: BTreeMap<&'static str, (usize, usize, usize)>,
    misses: Vec<String>,
    /// Files whose number of postings differs from the number labelled.
    count_mismatches: Vec<String>,
    /// Per label: its file's name and the outcome of each field (in `FIELDS` order).
    outcomes: Vec<(String, Vec<Outcome>)>,
}

impl Report {
    fn pct(&self, field: &str) -> f64 {
        let (r, _, _) = self.counts[field];
        100.0 * r as f64 / self.postings.max(1) as f64
    }

    fn wrong_pct(&self) -> f64 {
        let wrong: usize = self.counts.values().map(|c| c.2).sum();
        100.0 * wrong as f64 / (self.postings * FIELDS.len()).max(1) as f64
    }

    fn table(&self) -> String {
        let mut t = format!(
            "\n## {} ({} postings)\n| field | right | empty | wrong | right % | goal |\n|---|---|---|---|---|---|\n",
            self.name, self.postings
        );
        for &f in FIELDS {
            let (r, e, w) = self.counts[f];
            t.push_str(&format!(
                "| {f} | {r} | {e} | {w} | {:.1} % | ≥ {:.0} % |\n",
                self.pct(f),
                goal(f)
            ));
        }
        let wrong: usize = self.counts.values().map(|c| c.2).sum();
        t.push_str(&format!(
            "wrong values: {wrong} of {} fields ({:.1} %; goal ≤ 2 %)\n",
            self.postings * FIELDS.len(),
            self.wrong_pct()
        ));
        if !self.count_mismatches.is_empty() {
            t.push_str(&format!(
                "postings per file differ from the labels: {}\n",
                self.count_mismatches.join(", ")
            ));
        }
        t
    }
}

fn score(name: &str, postings_dir: &Path, labels: &[Label], schema: Schema) -> Report {
    let mut parsed: BTreeMap<&str, Vec<Posting>> = BTreeMap::new();
    let mut labelled: BTreeMap<&str, usize> = BTreeMap::new();
    let mut skipped: BTreeMap<&str, String> = BTreeMap::new();
    for l in labels {
        *labelled.entry(&l.file).or_default() += 1;
        if parsed.contains_key(l.file.as_str()) || skipped.contains_key(l.file.as_str()) {
            continue;
        }
        let path = postings_dir.join(&l.file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        match parse_bytes(&bytes, &l.file) {
            Ok(ps) => {
                parsed.insert(&l.file, ps);
            }
            Err(e) => {
                skipped.insert(&l.file, e.to_string());
            }
        }
    }
    let mut count_mismatches = Vec::new();
    for (file, n) in &labelled {
        let got = parsed.get(file).map_or(0, Vec::len);
        if got != *n {
            let why = skipped
                .get(file)
                .map(|r| format!(" (skipped: {r})"))
                .unwrap_or_default();
            count_mismatches.push(format!("{file}: {got} parsed, {n} labelled{why}"));
        }
    }
    let mut counts: BTreeMap<&'static str, (usize, usize, usize)> =
        FIELDS.iter().map(|f| (*f, (0, 0, 0))).collect();
    let mut misses = Vec::new();
    let mut outcomes = Vec::new();
    let paired = pair_up(labels, &parsed, schema);
    for (l, p) in labels.iter().zip(paired) {
        let mut per_field = Vec::new();
        for &field in FIELDS {
            let label = label_value(l, field);
            let o = outcome(field, label, p, schema);
            per_field.push(o);
            let c = counts.get_mut(field).expect("field");
            match o {
                Outcome::Right => c.0 += 1,
                Outcome::Empty => c.1 += 1,
                Outcome::Wrong => c.2 += 1,
            }
            if o != Outcome::Right {
                misses.push(format!(
                    "  {}#{} {field} [{}]: want {}, got {}",
                    l.file,
                    l.index,
                    if o == Outcome::Wrong {
                        "wrong"
                    } else {
                        "empty"
                    },
                    label,
                    shown(field, p)
                ));
            }
        }
        outcomes.push((l.file.clone(), per_field));
    }
    Report {
        name: name.to_string(),
        postings: labels.len(),
        counts,
        misses,
        count_mismatches,
        outcomes,
    }
}

/// The kind of a gathered file, the third part of its name (`g7-02-export-tsv-…` → `export`):
/// paste, api, html, export, hn, email or md (the first sets also used issue, blog, careers,
/// code and a few more).
fn kind_of(file: &str) -> &str {
    file.split('-').nth(2).unwrap_or("?")
}

/// One table over every report of a root, by the kind of file: how each kind of source fares.
fn kind_table(root: &str, reports: &[Report]) -> String {
    let mut by_kind: BTreeMap<&str, (usize, Vec<usize>, usize)> = BTreeMap::new();
    for (file, per_field) in reports.iter().flat_map(|r| &r.outcomes) {
        let entry = by_kind
            .entry(kind_of(file))
            .or_insert_with(|| (0, vec![0; FIELDS.len()], 0));
        entry.0 += 1;
        for (i, o) in per_field.iter().enumerate() {
            match o {
                Outcome::Right => entry.1[i] += 1,
                Outcome::Wrong => entry.2 += 1,
                Outcome::Empty => {}
            }
        }
    }
    let mut t = format!(
        "\n## {root}, all sets by kind of file (right % per field)\n| kind | postings | {} | wrong |\n|---|---|{}---|\n",
        FIELDS.join(" | "),
        "---|".repeat(FIELDS.len())
    );
    for (kind, (n, right, wrong)) in &by_kind {
        let pcts: Vec<String> = right
            .iter()
            .map(|r| format!("{:.1}", 100.0 * *r as f64 / *n as f64))
            .collect();
        t.push_str(&format!(
            "| {kind} | {n} | {} | {:.1} % |\n",
            pcts.join(" | "),
            100.0 * *wrong as f64 / (*n * FIELDS.len()) as f64
        ));
    }
    t
}

/// The parsed posting each label is scored against. Where a file gives as many postings as it
/// has labels, the label's index picks it. Where the counts differ (a post's roles split into
/// more or fewer jobs than labelled), labels and postings are lined up in order by their titles
/// (the longest run of in-order pairs whose title is right), and the labels between two such
/// pairs take the postings between them in order; a label left over has no posting. So a job
/// found is scored against its own label, not its neighbour's.
fn pair_up<'a>(
    labels: &[Label],
    parsed: &'a BTreeMap<&str, Vec<Posting>>,
    schema: Schema,
) -> Vec<Option<&'a Posting>> {
    let mut out: Vec<Option<&Posting>> = labels
        .iter()
        .map(|l| parsed.get(l.file.as_str()).and_then(|ps| ps.get(l.index)))
        .collect();
    for (file, ps) in parsed {
        let mut at: Vec<usize> = (0..labels.len())
            .filter(|&i| labels[i].file == *file)
            .collect();
        at.sort_by_key(|&i| labels[i].index);
        if at.len() == ps.len() {
            continue;
        }
        // By title; a label with no title (which any untitled posting matches) by its company
        // too.
        let same = |i: usize, j: usize| {
            let right = |field: &str| {
                outcome(field, label_value(&labels[at[i]], field), ps.get(j), schema)
                    == Outcome::Right
            };
            right("title") && (!label_value(&labels[at[i]], "title").is_null() || right("company"))
        };
        // Longest common subsequence of labels and postings, matching by title.
        let (n, m) = (at.len(), ps.len());
        let mut best = vec![vec![0usize; m + 1]; n + 1];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                best[i][j] = if same(i, j) {
                    best[i + 1][j + 1] + 1
                } else {
                    best[i + 1][j].max(best[i][j + 1])
                };
            }
        }
        let mut anchors = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            if same(i, j) && best[i][j] == best[i + 1][j + 1] + 1 {
                anchors.push((i, j));
                i += 1;
                j += 1;
            } else if best[i + 1][j] >= best[i][j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
        anchors.push((n, m));
        let (mut li, mut pj) = (0, 0);
        for (ai, aj) in anchors {
            for (k, i) in (li..ai).enumerate() {
                out[at[i]] = (pj + k < aj).then(|| &ps[pj + k]);
            }
            if ai < n {
                out[at[ai]] = Some(&ps[aj]);
            }
            (li, pj) = (ai + 1, aj + 1);
        }
    }
    out
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Prints the report and asserts the floors: per field, the right share (in %), and the share
/// of wrong values among all fields. With `JOBDECK_EVAL_REPORT_ONLY` set, a set below its floors
/// is reported on one line instead, so a change's every miss can be compared set by set.
fn check(report: &Report, floors: [f64; 6], max_wrong_pct: f64) {
    println!("{}", report.table());
    println!("misses:\n{}", report.misses.join("\n"));
    let mut failing = Vec::new();
    for (&field, floor) in FIELDS.iter().zip(floors) {
        if report.pct(field) + 1e-9 < floor {
            failing.push(format!("{field} {:.1} % < {floor} %", report.pct(field)));
        }
    }
    if report.wrong_pct() > max_wrong_pct + 1e-9 {
        failing.push(format!(
            "wrong values {:.1} % > {max_wrong_pct} %",
            report.wrong_pct()
        ));
    }
    if std::env::var_os("JOBDECK_EVAL_REPORT_ONLY").is_some() {
        if !failing.is_empty() {
            println!("{}: below the floors: {failing:?}", report.name);
        }
        return;
    }
    assert!(
        failing.is_empty(),
        "{}: below the floors: {failing:?}{}\nmisses:\n{}",
        report.name,
        report.table(),
        report.misses.join("\n")
    );
}

#[test]
fn eval_set() {
    let dir = fixtures().join("eval");
    let labels = labels_of(&dir.join("labels.json"), Schema::Eval);
    assert!(
        labels.len() >= 40,
        "the evaluation set has at least 40 postings"
    );
    let report = score("eval", &dir, &labels, Schema::Eval);
    // Every file gives exactly the postings labelled.
    assert!(
        report.count_mismatches.is_empty(),
        "{:?}",
        report.count_mismatches
    );
    // title, company, location, work mode, employment type, salary. In stop 42 OneDot's post
    // (a header naming three roles, a list of four) was relabelled one job per role, as this
    // set's README says multi-role posts are: 67 -> 70 postings; the fourth role, "Data
    // Preparation Export", is no title jobdeck takes, so title 98.5 -> 97.1 %.
    check(&report, [97.0, 98.5, 100.0, 100.0, 100.0, 100.0], 0.3);
}

#[test]
fn labelled_a() {
    let dir = fixtures().join("labelled");
    let labels = labels_of(&dir.join("labels-a.json"), Schema::Labelled);
    let report = score(
        "labelled-a",
        &dir.join("postings"),
        &labels,
        Schema::Labelled,
    );
    check(&report, [98.0, 94.1, 94.1, 96.0, 96.0, 96.0], 3.0);
}

#[test]
fn labelled_b() {
    let dir = fixtures().join("labelled");
    let labels = labels_of(&dir.join("labels-b.json"), Schema::Labelled);
    let report = score(
        "labelled-b",
        &dir.join("postings"),
        &labels,
        Schema::Labelled,
    );
    check(&report, [85.4, 78.2, 78.2, 85.5, 91.2, 97.0], 2.5);
}

/// Floors of one set: its name, the right share per field (in %), the largest share of wrong
/// values.
type SetFloors = (&'static str, [f64; 6], f64);

/// Scores every set under `tests/fixtures/<root>/` (each with `labels.json` and `postings/`),
/// each apart against its own floors (`None`: every set's figures are printed, none asserted).
fn score_sets(root: &str, floors: Option<&[SetFloors]>) {
    let Ok(entries) = std::fs::read_dir(fixtures().join(root)) else {
        return;
    };
    let mut dirs: Vec<PathBuf> = entries
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("labels.json").is_file())
        .collect();
    dirs.sort();
    let mut reports = Vec::new();
    for dir in dirs {
        let name = format!(
            "{root}/{}",
            dir.file_name().unwrap_or_default().to_string_lossy()
        );
        let labels = labels_of(&dir.join("labels.json"), Schema::Labelled);
        let report = score(&name, &dir.join("postings"), &labels, Schema::Labelled);
        let (fields, wrong) = match floors {
            None => ([0.0; 6], 100.0),
            Some(sets) => sets
                .iter()
                .find(|f| name.ends_with(&format!("/{}", f.0)))
                .map(|f| (f.1, f.2))
                .unwrap_or_else(|| panic!("{name}: a new set needs its floors in tests/eval.rs")),
        };
        check(&report, fields, wrong);
        reports.push(report);
    }
    println!("{}", kind_table(root, &reports));
}

/// Every gathered development set (`tests/fixtures/gathered-dev/<name>/`): postings gathered
/// for this project from sources in neither `shared/corpus` folder, tuned on.
#[test]
fn gathered_dev() {
    // Floors: each set's figures at the end of the last stop, so none falls back. g3 was
    // gathered in stop 24; its first score, before any tuning on it, was title 54.8, company
    // 39.7, location 60.3, work mode 82.2, employment type 71.2, salary 84.9 %, wrong 5.9 %.
    score_sets(
        "gathered-dev",
        Some(&[
            // g1's employment type fell in stop 36 from 93.1 to 86.2 %: two records state
            // `contract_details: temporary` where the labels say contract (contract-to-hire);
            // the record's own word is taken.
            ("g1", [89.6, 75.8, 86.1, 89.6, 86.1, 82.7], 8.7),
            ("g2", [87.4, 87.4, 79.1, 91.6, 87.4, 91.6], 6.3),
            ("g3", [94.4, 82.1, 84.8, 93.1, 90.3, 99.9], 2.6),
            // g4 was gathered in stop 25; its first score, before any tuning on it, was title
            // 51.6, company 40.3, location 51.6, work mode 74.2, employment type 74.2, salary
            // 74.2 %, wrong 6.7 %. Its wrong values rose as two CSVs it could not read became
            // readable: hh.ru's bare pay columns take the currency of the posting's country
            // (RUB), where the labels leave a currency no column states empty.
            // In stop 36 a NAV record's `extent: Heltid` became its employment type where the
            // label, from the text's "Stillingsbrøk: 26,82%", says part-time: wrong 4.0 -> 4.3 %.
            ("g4", [91.8, 83.8, 90.2, 95.1, 88.6, 88.6], 3.9),
            // g5 was gathered in stop 26; its first score, before any tuning on it, was title
            // 45.5, company 43.9, location 66.7, work mode 86.4, employment type 81.8, salary
            // 98.5 %, wrong 5.3 %.
            ("g5", [90.8, 72.6, 90.8, 95.4, 96.9, 99.9], 1.9),
            // g6 was gathered in stop 27; its first score, before any tuning on it, was title
            // 30.8, company 44.2, location 50.0, work mode 80.8, employment type 73.1, salary
            // 84.6 %, wrong 7.4 %.
            ("g6", [88.4, 92.2, 94.1, 96.1, 78.7, 98.0], 2.0),
            // g7 was gathered in stop 28; its first score, before any tuning on it, was title
            // 17.9, company 30.4, location 26.8, work mode 85.7, employment type 57.1, salary
            // 82.1 %, wrong 3.9 %.
            ("g7", [73.1, 83.8, 78.5, 94.5, 91.0, 96.3], 4.3),
            // g8 was gathered in stop 29; its first score, before any tuning on it, was title
            // 39.4, company 27.3, location 57.6, work mode 78.8, employment type 75.8, salary
            // 72.7 %, wrong 18.7 %.
            ("g8", [84.7, 84.7, 75.7, 81.7, 78.7, 81.7], 8.7),
            // g9 and g10 were gathered in stop 30; their first scores, before any tuning on them,
            // were g9 title 8.0, company 44.0, location 60.0, work mode 48.0, employment type
            // 64.0, salary 68.0 %, wrong 12.0 %; g10 55.3, 59.6, 85.1, 76.6, 70.2, 68.1 %,
            // wrong 11.0 %. g10's salary floor came down in stop 31 (78.6 → 76.5 %, wrong 5.0 →
            // 6.4 %): its SQL dump is now read row by row, and three rows' `wages` column (a
            // student's test figure, not the ad's) beats the pay their text states.
            ("g9", [67.9, 63.9, 87.9, 83.9, 83.9, 87.9], 5.4),
            // Stop 59 lowered g10's location floor 93.5 → 91.4 and raised its wrong ceiling 4.7
            // → 5.1: g10-21's component is now read as its page, whose header is a template's
            // placeholder role (a wrong title) and which loses the place its text gave.
            ("g10", [89.3, 78.6, 91.4, 91.4, 91.4, 85.0], 5.1),
            ("g11", [94.2, 94.2, 86.7, 92.4, 86.7, 86.7], 2.0),
            // In stop 39 rabota.ua's bare pay took the currency of the board's country (UAH) once
            // its Cyrillic cities were known, where the labels leave it empty: wrong 3.3 -> 4.1 %.
            ("g12", [91.0, 95.5, 88.8, 93.2, 97.7, 79.9], 4.2),
            // g13 and g14 were gathered in stop 32; their first scores, before any tuning on them
            // (with that stop's first parse change, role headings, already made), were g13 title 53.3, company 33.3,
            // location 66.7, work mode 90.0, employment type 90.0, salary 70.0 %, wrong 9.4 %;
            // g14 40.5, 61.9, 42.9, 88.1, 73.8, 57.1 %, wrong 10.3 %.
            ("g13", [69.9, 76.6, 66.6, 99.9, 96.6, 76.6], 5.1),
            // In stop 38 one g14 post's "lên đến 18 triệu (Junior) và 35 triệu (Senior)" became
            // readable pay (a figure counted in "triệu" is in dong): the first figure is taken
            // where the label, for a role open from junior to senior, says up to 35 million —
            // wrong 6.3 -> 6.7 %, salary 76.2 -> 78.6 %.
            ("g14", [66.6, 85.6, 64.2, 90.4, 90.4, 78.5], 6.4),
            // g15 and g16 were gathered in stop 33 and scored as they arrived, before any tuning
            // on them (that stop's first changes — wrapped lines, numbered roles, link headings —
            // already made): g15 title 32.3, company 51.6, location 45.2, work mode 90.3,
            // employment type 48.4, salary 80.6 %, wrong 9.1 %; g16 68.4, 68.4, 68.4, 86.8, 65.8,
            // 68.4 %, wrong 8.8 %.
            // In stop 42 the second role of g15-03's Monumental post became a job of its own,
            // and it takes the wrong work mode the first has (a "Remote job boards" line of the
            // scraper's report around the post): wrong 6.5 -> 7.0 %.
            ("g15", [67.6, 77.3, 51.5, 90.2, 74.1, 90.2], 6.6),
            ("g16", [89.4, 89.4, 84.1, 92.0, 97.3, 92.0], 1.9),
            // g17–g20 were gathered in stop 41 and scored as they arrived (g17 and g18 after
            // three changes made from reading four of g17's dev parses, none of their labels):
            // dev g17 + g18 title 58.7, company 52.0, location 76.0, work mode 72.0, employment
            // type 72.0, salary 77.3 %, wrong 4.0 %; g19 + g20 61.5, 44.2, 48.1, 67.3, 73.1,
            // 84.6 %, wrong 6.1 %.
            ("g17", [92.8, 74.9, 82.0, 92.8, 60.6, 78.5], 2.5),
            ("g18", [91.4, 85.0, 93.5, 99.9, 97.8, 85.0], 4.0),
            ("g19", [74.9, 60.6, 49.9, 85.6, 53.5, 74.9], 3.1),
            ("g20", [95.7, 45.7, 54.1, 70.7, 99.9, 95.7], 3.6),
            // g21–g24 were gathered in stop 42 and scored as they arrived (after that stop's
            // first change, Hacker News role lists, made from the shared corpus): g21 title 56.2,
            // company 90.6, location 93.8, work mode 84.4, employment type 100.0, salary 100.0 %,
            // wrong 8.9 %; g22 65.0, 72.5, 75.0, 97.5, 70.0, 100.0 %, wrong 4.6 %; g23 39.2,
            // 25.5, 82.4, 84.3, 78.4, 80.4 %, wrong 4.9 %; g24 41.3, 37.0, 73.9, 100.0, 87.0,
            // 76.1 %, wrong 4.0 %.
            // g21's location fell within stop 42 from 96.9 to 93.8 % when a component's markup
            // came to be read only where it gives more postings than its text: g21-04's sentence
            // "We're based in San Francisco, CA!", taken for its place, went with a wrong title.
            // Stop 59 raised g21's wrong ceiling 6.3 → 6.9: g21-04's component, read as its
            // page, is titled "InstantDB: Founding Backend Engineer" (its employer is "Instant").
            ("g21", [74.9, 90.5, 96.8, 84.3, 99.9, 99.9], 6.9),
            ("g22", [84.9, 82.4, 84.9, 97.4, 84.9, 99.9], 3.0),
            ("g23", [78.3, 88.1, 80.3, 94.0, 80.3, 96.0], 5.0),
            ("g24", [91.2, 76.0, 86.9, 99.9, 91.2, 97.7], 2.3),
            // g25–g28 were gathered in stop 43 and scored as they arrived (before that stop's
            // changes bar the first two, a company's small words and what is never a title):
            // g25 title 68.1, company 68.1, location 85.1, work mode 91.5, employment type 83.0,
            // salary 76.6 %, wrong 4.3 %; g26 50.0, 18.2, 59.1, 68.2, 77.3, 81.8 %, wrong 6.1 %;
            // g27 70.6, 41.2, 88.2, 94.1, 76.5, 100.0 %, wrong 6.9 %; g28 66.7, 66.7, 66.7, 90.5,
            // 95.2, 100.0 %, wrong 4.8 %.
            ("g25", [85.0, 93.5, 89.3, 95.6, 93.5, 85.0], 2.9),
            // Stop 59 raised g26's wrong ceiling 6.2 → 6.9: g26-05's role is read from its
            // "contratar un desarrollador/a informático/a" sentence; its label is the notice's
            // long heading.
            ("g26", [81.7, 63.5, 81.7, 72.6, 95.4, 81.7], 6.9),
            ("g27", [88.1, 41.1, 88.1, 94.0, 76.4, 99.9], 5.0),
            ("g28", [76.1, 66.6, 85.6, 90.4, 95.1, 99.9], 3.3),
            // g29–g32 were gathered in stop 44 and scored as they arrived (after that stop's
            // first two changes, an object's one name key and comments beside a literal's
            // values): g29 title 62.5, company 62.5, location 62.5, work mode 85.0, employment
            // type 90.0, salary 95.0 %, wrong 7.9 %; g30 44.4, 70.4, 63.0, 70.4, 81.5, 81.5 %,
            // wrong 3.7 %; g31 16.7, 33.3, 33.3, 93.3, 36.7, 86.7 %, wrong 7.2 %; g32 65.7,
            // 82.9, 80.0, 91.4, 65.7, 71.4 %, wrong 7.1 %.
            ("g29", [62.4, 67.4, 67.4, 89.9, 94.9, 97.4], 7.2),
            ("g30", [59.2, 70.3, 66.6, 70.3, 85.1, 85.1], 3.8),
            // g31's employment type fell from 70.0 to 66.7 % and its wrong share rose from 5.6 to
            // 6.7 % when a page's articles stopped standing for its main part: g31-13, skipped
            // before as a page without text, is read as two postings over its five cards, and
            // one card takes its neighbour's 'Studiejob' (part-time).
            ("g31", [59.9, 73.2, 63.2, 93.2, 66.6, 93.2], 7.3),
            ("g32", [77.0, 88.5, 82.8, 91.3, 65.6, 71.3], 3.0),
            // g33–g36 were gathered in stop 45 and scored as they arrived (at 95d9249, before
            // any change made on them): g33 title 65.5, company 41.4, location 75.9, work mode
            // 93.1, employment type 72.4, salary 79.3 %, wrong 9.2 %; g34 89.2, 35.1, 54.1, 89.2,
            // 91.9, 86.5 %, wrong 7.7 %; g35 44.1, 47.1, 50.0, 88.2, 58.8, 73.5 %, wrong 6.4 %;
            // g36 8.5, 6.8, 39.0, 52.5, 62.7, 88.1 %, wrong 7.3 %.
            // g33's employment floor was lowered in stop 53 (89.6 → 86.1): "Job Types:
            // Full-time, Part-time" now states no kind, as g9's and g43's labels ask; g33-10's
            // label took the first kind and calls null defensible.
            ("g33", [86.1, 68.9, 89.6, 96.5, 86.1, 86.1], 8.1),
            ("g34", [83.7, 91.8, 94.5, 89.1, 91.8, 89.1], 6.0),
            ("g35", [82.3, 58.7, 73.4, 88.1, 82.3, 88.1], 5.5),
            ("g36", [74.5, 76.2, 71.1, 94.8, 84.6, 99.9], 5.7),
            // g37–g40 were gathered in stop 46 and scored as they arrived (at ab2abbe, before
            // any change made on them): g37 title 55.6, company 38.9, location 27.8, work mode
            // 77.8, employment type 66.7, salary 72.2 %, wrong 15.7 %; g38 52.0, 24.0, 16.0, 84.0,
            // 48.0, 88.0 %, wrong 10.0 %; g39 94.6, 89.2, 94.6, 94.6, 91.9, 94.6 %, wrong 2.3 %;
            // g40 52.6, 50.0, 57.9, 76.3, 68.4, 73.7 %, wrong 5.3 %. g41–g44 likewise at 2baad29:
            // all four 53.0, 51.3, 58.1, 94.0, 67.5, 80.3 %, wrong 11.0 %.
            ("g37", [55.5, 44.3, 61.0, 77.7, 66.6, 72.1], 15.8),
            ("g38", [91.9, 63.9, 51.9, 91.9, 79.9, 95.9], 5.4),
            ("g39", [94.5, 89.1, 94.5, 94.5, 91.8, 94.5], 1.9),
            ("g40", [78.8, 84.1, 86.7, 97.3, 94.6, 97.3], 4.9),
            ("g41", [33.2, 55.5, 58.2, 86.0, 74.9, 83.2], 8.0),
            ("g42", [46.1, 57.6, 57.6, 96.1, 69.1, 96.1], 12.3),
            ("g43", [86.6, 79.9, 79.9, 99.9, 66.6, 79.9], 4.2),
            ("g44", [39.9, 89.9, 79.9, 99.9, 79.9, 89.9], 10.1),
            // g45–g48 were gathered in stop 47 and scored as they arrived (at 1316615, before
            // any change made on them): g45 title 60.0, company 36.0, location 44.0, work mode
            // 80.0, employment type 76.0, salary 80.0 %, wrong 10.7 %; g46 33.3, 47.6, 57.1,
            // 81.0, 71.4, 85.7 %, wrong 7.9 %; g47 69.4, 55.6, 69.4, 97.2, 75.0, 86.1 %, wrong
            // 13.0 %; g48 83.3, 70.0, 73.3, 80.0, 80.0, 76.7 %, wrong 3.9 %. Two fell back on
            // one field each: g45's title (a place its record names again comes off the title:
            // 'Medewerker facilitair beleid OZHW Barendrecht', labelled whole) and g46's work
            // mode (hh.ru records now read as records lose the 'ON_SITE' their text gave).
            ("g45", [59.9, 59.9, 83.9, 79.9, 75.9, 91.9], 8.1),
            ("g46", [47.5, 57.0, 61.8, 85.6, 76.1, 90.4], 7.2),
            ("g47", [91.6, 80.5, 74.9, 97.1, 80.5, 94.3], 7.0),
            ("g48", [89.9, 83.2, 86.6, 83.2, 86.6, 79.9], 0.7),
            ("g49", [72.6, 59.0, 54.4, 86.3, 81.7, 86.3], 11.5),
            ("g50", [94.3, 91.6, 86.0, 86.0, 99.9, 77.7], 2.0),
            ("g51", [63.3, 82.8, 82.8, 87.7, 87.7, 92.6], 2.9),
            ("g52", [80.5, 93.4, 93.4, 90.2, 99.9, 93.4], 2.3),
            ("g53", [83.8, 93.4, 96.7, 99.9, 93.4, 96.7], 2.8),
            ("g54", [99.9, 66.6, 99.9, 99.9, 0.0, 0.0], 22.3),
            ("g55", [66.6, 79.1, 83.2, 99.9, 83.2, 95.7], 3.6),
            ("g56", [90.8, 75.7, 66.6, 96.9, 87.8, 90.8], 2.6),
            ("g57", [94.9, 79.9, 74.9, 89.9, 89.9, 94.9], 3.4),
            ("g58", [99.9, 84.3, 93.7, 96.8, 96.8, 96.8], 4.8),
            // Stop 59 raised g59's wrong ceiling 4.6 → 5.2: g59-19's classed title "웹디자이너 경력
            // 채용" loses its "채용" (hiring), which its label keeps.
            ("g59", [81.7, 84.7, 81.7, 87.8, 96.9, 90.8], 5.2),
            ("g60", [96.8, 62.4, 62.4, 99.9, 93.7, 99.9], 1.7),
            // g61–g64 were gathered in stop 51 and scored as they arrived (at e07f296, before
            // any change made on them): g61 title 48.6, company 54.3, location 60.0, work mode
            // 42.9, employment type 77.1, salary 97.1 %, wrong 3.3 %; g62 81.6, 60.5, 78.9, 97.4,
            // 76.3, 94.7 %, wrong 5.7 %; g63 38.6, 56.8, 40.9, 95.5, 84.1, 50.0 %, wrong 9.1 %;
            // g64 86.5, 70.3, 86.5, 97.3, 83.8, 100.0 %, wrong 5.4 %.
            ("g61", [79.9, 65.6, 77.0, 77.0, 91.3, 97.0], 4.4),
            ("g62", [81.5, 99.9, 81.5, 97.3, 76.2, 94.6], 5.8),
            ("g63", [61.3, 63.5, 63.5, 97.6, 95.4, 68.1], 7.3),
            ("g64", [89.1, 75.6, 86.4, 99.9, 94.5, 99.9], 4.6),
            // g65's work mode and employment type floors were lowered once, in stop 55 (62.0 →
            // 58.5, 96.5 → 93.0): its Discord dump now drops the job seekers' "[For Hire]" posts
            // (30 postings for 8 labels → 12), and the posting paired by position with the
            // third role of a three-role post, which no reading yet splits off, is now another
            // seeker's post that says neither "remote" nor "full-time". No job lost a field.
            ("g65", [48.2, 68.9, 82.7, 62.0, 93.0, 79.2], 5.3),
            // g66 employment type lowered from 93.4 in stop 60: g66-11, a Typst page, is titled by
            // a line of code ('= #link("https://…")[Développeuse/Développeur Full Stack - Stage]'),
            // no longer taken for a title (f8f82f2); its "Stage" (internship) went with it.
            ("g66", [80.5, 90.2, 96.7, 96.7, 90.2, 99.9], 2.8),
            ("g67", [66.6, 60.5, 81.7, 99.9, 87.8, 87.8], 2.6),
            ("g68", [73.2, 99.9, 79.9, 93.2, 86.6, 86.6], 2.3),
            // g69–g72 were gathered in stop 53 and scored as they arrived (at 670d121, before
            // any change made on them): g69 title 64.9, company 70.3, location 86.5, work mode
            // 75.7, employment type 89.2, salary 89.2 %, wrong 7.2 %; g70 69.2, 69.2, 82.1,
            // 100.0, 84.6, 84.6 %, wrong 5.1 %; g71 82.1, 43.6, 76.9, 94.9, 100.0, 94.9 %, wrong
            // 3.8 %; g72 41.9, 44.2, 39.5, 86.0, 81.4, 86.0 %, wrong 7.0 %.
            ("g69", [67.5, 72.9, 86.4, 78.3, 89.1, 89.1], 6.0),
            ("g70", [71.7, 74.3, 84.5, 99.9, 84.5, 94.8], 3.5),
            ("g71", [87.1, 43.5, 76.8, 94.8, 99.9, 99.9], 3.1),
            ("g72", [62.7, 62.7, 72.0, 97.6, 99.9, 85.9], 5.9),
            // g73–g76 were gathered in stop 54 and scored as they arrived (at 8117c34, before
            // any change made on them): g73 title 51.1, company 62.2, location 64.4, work mode
            // 88.9, employment type 84.4, salary 62.2 %, wrong 2.6 %; g74 76.9, 84.6, 84.6,
            // 100.0, 100.0, 92.3 %, wrong 5.1 %; g75 73.5, 67.6, 58.8, 88.2, 64.7, 67.6 %, wrong
            // 4.4 %; g76 55.3, 57.9, 65.8, 63.2, 63.2, 86.8 %, wrong 10.5 %. g73's location and
            // wrong values end below arrival: its jobs.ge export, now read as five jobs, gives
            // each the export's region ("adjara") where the labels name the town from the text.
            // (g76's employment type ended stop 54 below arrival; stop 55's reading of its
            // internship table put it above.)
            // g73's wrong-value floor rose from 4.2 to 5.3 in stop 57: the EF Core seed g73-14 is
            // now read as its ten postings (one before), and two of their titles keep
            // "(удаленно)", which this set's label leaves off (other sets' labels keep "(Remote)").
            ("g73", [82.1, 93.2, 82.1, 97.7, 91.0, 86.6], 5.3),
            ("g74", [84.5, 84.5, 84.5, 99.9, 99.9, 92.2], 3.9),
            ("g75", [73.4, 82.3, 67.5, 88.1, 73.4, 67.5], 4.5),
            ("g76", [86.7, 97.3, 97.3, 94.6, 81.5, 89.4], 6.7),
            // g77–g80 were gathered in stop 55 and scored as they arrived (at 42d2400, before
            // any change made on them): g77 title 88.9, company 77.8, location 77.8, work mode
            // 77.8, employment type 83.3, salary 83.3 %, wrong 8.3 %; g78 77.8, 38.9, 77.8,
            // 86.1, 61.1, 91.7 %, wrong 15.3 %; g79 87.5, 82.5, 82.5, 77.5, 95.0, 95.0 %, wrong
            // 5.4 %; g80 55.6, 66.7, 36.1, 100.0, 100.0, 100.0 %, wrong 7.4 %.
            ("g77", [88.8, 83.2, 83.2, 83.2, 83.2, 83.2], 7.5),
            ("g78", [77.7, 80.5, 77.7, 86.0, 83.2, 91.6], 9.4),
            ("g79", [87.4, 84.9, 82.4, 99.9, 97.4, 99.9], 2.2),
            ("g80", [86.0, 91.6, 86.0, 99.9, 99.9, 99.9], 2.0),
            // g81–g84 were gathered in stop 56 and scored as they arrived (at 203a05f, before
            // any change made on them): g81 title 73.2, company 85.4, location 75.6, work mode
            // 85.4, employment type 85.4, salary 95.1 %, wrong 5.7 %; g82 83.3, 72.2, 80.6,
            // 91.7, 75.0, 91.7 %, wrong 7.4 %; g83 37.5, 72.5, 47.5, 92.5, 65.0, 92.5 %, wrong
            // 4.2 %; g84 97.5, 95.0, 97.5, 62.5, 97.5, 100.0 %, wrong 2.9 %.
            ("g81", [85.3, 85.3, 80.4, 85.3, 90.1, 95.0], 3.4),
            ("g82", [83.2, 72.1, 83.2, 91.6, 74.9, 91.6], 6.1),
            ("g83", [72.4, 89.9, 64.9, 92.4, 92.4, 92.4], 3.4),
            ("g84", [97.4, 94.9, 97.4, 97.4, 97.4, 99.9], 0.9),
            // g85–g88 were gathered in stop 57 and scored as they arrived (at 5eab56c, before any
            // change made on them): g85 title 55.2, company 34.5, location 65.5, work mode 72.4,
            // employment type 72.4, salary 93.1 %, wrong 11.5 %; g86 55.8, 62.8, 48.8, 97.7,
            // 62.8, 44.2 %, wrong 7.4 %; g87 89.7, 15.4, 43.6, 97.4, 92.3, 61.5 %, wrong 12.4 %;
            // g88 78.6, 82.1, 85.7, 85.7, 89.3, 96.4 %, wrong 10.1 %.
            ("g85", [65.4, 65.4, 65.4, 72.3, 79.2, 93.0], 5.8),
            ("g86", [55.7, 62.7, 48.7, 95.2, 65.0, 58.0], 6.3),
            ("g87", [94.8, 97.3, 92.2, 97.3, 92.2, 61.4], 2.7),
            ("g88", [82.0, 82.0, 85.6, 85.6, 89.2, 96.3], 9.6),
            // g89–g92 were gathered in stop 58 and scored as they arrived (at d69f34f, after that
            // stop's first change, before any change made on them): g89 title 45.7, company 57.1,
            // location 80.0, work mode 94.3, employment type 85.7, salary 97.1 %, wrong 6.7 %; g90
            // 67.3, 65.3, 79.6, 85.7, 89.8, 93.9 %, wrong 3.1 %; g91 46.7, 46.7, 53.3, 93.3, 86.7,
            // 80.0 %, wrong 13.3 %; g92 63.2, 65.8, 73.7, 73.7, 92.1, 97.4 %, wrong 11.0 %.
            ("g89", [51.3, 57.0, 79.9, 94.2, 85.6, 99.9], 6.3),
            ("g90", [75.4, 65.2, 85.6, 85.6, 95.8, 93.8], 2.8),
            ("g91", [59.9, 53.2, 59.9, 93.2, 93.2, 79.9], 13.4),
            ("g92", [65.7, 76.2, 73.6, 92.0, 92.0, 97.3], 7.6),
            // g93–g96 were gathered in stop 59 and scored as they arrived (at ec1c9c8, after that
            // stop's first two changes, before any change made on them): g93 title 78.0,
            // company 65.9, location 51.2, work mode 87.8, employment type 95.1, salary 95.1 %,
            // wrong 2.8 %; g94 70.4, 37.0, 81.5, 100.0, 59.3, 88.9 %, wrong 8.0 %; g95 80.0,
            // 33.3, 63.3, 86.7, 73.3, 93.3 %, wrong 10.0 %; g96 47.4, 39.5, 36.8, 100.0, 84.2,
            // 78.9 %, wrong 11.0 %.
            ("g93", [77.9, 68.2, 68.2, 87.7, 95.0, 95.0], 2.5),
            ("g94", [74.0, 66.6, 81.4, 99.9, 59.2, 88.8], 7.5),
            ("g95", [76.6, 33.2, 86.6, 86.6, 73.2, 93.2], 10.7),
            ("g96", [47.3, 39.4, 36.7, 99.9, 84.1, 78.8], 11.1),
            // g97–g100 were gathered in stop 60 and scored as they arrived (at bcc9a7a, after that
            // stop's first two changes, before any change made on them): g97 title 18.2,
            // company 6.8, location 36.4, work mode 84.1, employment type 77.3, salary 90.9 %,
            // wrong 9.1 %; g98 68.4, 73.7, 68.4, 100.0, 84.2, 63.2 %, wrong 10.5 %; g99 32.7,
            // 24.5, 59.2, 95.9, 71.4, 85.7 %, wrong 3.7 %; g100 31.0, 31.0, 62.1, 79.3, 69.0,
            // 100.0 %, wrong 8.0 %.
            ("g97", [68.1, 59.0, 81.7, 95.4, 79.4, 90.8], 7.7),
            ("g98", [68.3, 73.6, 68.3, 99.9, 84.1, 63.1], 10.6),
            ("g99", [77.5, 36.6, 85.6, 95.8, 79.5, 85.6], 3.2),
            ("g100", [34.4, 30.9, 62.0, 89.6, 68.9, 99.9], 7.6),
            // g101–g104 were gathered in stop 61 and scored as they arrived (at b9a5235, after that
            // stop's first change, before any change made on them): g101 title 64.5, company
            // 54.8, location 67.7, work mode 100.0, employment type 74.2, salary 100.0 %, wrong
            // 4.8 %; g102 39.1, 47.8, 78.3, 87.0, 60.9, 73.9 %, wrong 13.8 %; g103 70.3, 81.1,
            // 62.2, 89.2, 94.6, 97.3 %, wrong 2.7 %; g104 82.4, 64.7, 35.3, 58.8, 35.3, 88.2 %,
            // wrong 14.7 %.
            ("g101", [74.1, 67.6, 74.1, 99.9, 80.5, 99.9], 3.3),
            ("g102", [52.1, 56.4, 91.2, 86.9, 73.8, 78.2], 11.0),
            ("g103", [86.4, 81.0, 97.2, 89.1, 97.2, 99.9], 1.9),
            ("g104", [82.3, 64.6, 47.0, 58.7, 35.2, 88.1], 5.0),
            // g105–g108 were gathered in stop 62 and scored as they arrived (at 184a918, after that
            // stop's first two changes, before any change made on them): g105 title 46.9, company
            // 59.4, location 71.9, work mode 93.8, employment type 90.6, salary 96.9 %, wrong
            // 3.6 %; g106 51.7, 58.6, 37.9, 93.1, 72.4, 100.0 %, wrong 5.7 %; g107 33.3, 35.9,
            // 64.1, 100.0, 51.3, 89.7 %, wrong 6.4 %; g108 83.3, 63.3, 73.3, 90.0, 60.0, 66.7 %,
            // wrong 7.2 %.
            ("g105", [78.0, 84.3, 96.8, 74.9, 93.7, 99.9], 7.4),
            ("g106", [75.8, 58.5, 75.8, 93.0, 96.5, 99.9], 2.4),
            ("g107", [64.0, 61.4, 89.6, 99.9, 76.8, 89.6], 7.8),
            ("g108", [83.2, 63.2, 73.2, 89.9, 59.9, 89.9], 6.8),
        ]),
    );
}

/// The held-out third of the gathered postings (`tests/fixtures/gathered-heldout/<name>/`): set
/// aside unread before any tuning and scored only to report the honest figure. Never tune on
/// its misses; the figures are printed, not asserted.
#[test]
fn gathered_heldout() {
    score_sets("gathered-heldout", None);
}
