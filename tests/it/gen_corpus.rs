//! The synthetic corpus generator (`examples/gen_corpus.rs`): deterministic, in the promised
//! proportions, and readable — by serde for JSONL and JSON-LD, by jobdeck for the text files.

#[allow(dead_code)]
#[path = "../../examples/gen_corpus.rs"]
mod example;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use example::{Options, Summary, generate};
use jobdeck::corpus::{self, CorpusSource, LoadOptions};

const COUNT: usize = 200;

fn run(out: &Path, seed: u64) -> Summary {
    generate(&Options {
        count: COUNT,
        out: out.to_path_buf(),
        seed,
        force: false,
    })
    .expect("generation succeeds")
}

/// Every file under `dir`, relative path → bytes, in sorted order.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap().to_path_buf();
            out.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    out
}

fn under<'a>(
    all: &'a BTreeMap<PathBuf, Vec<u8>>,
    folder: &'a str,
) -> impl Iterator<Item = (&'a PathBuf, &'a Vec<u8>)> {
    all.iter().filter(move |(p, _)| p.starts_with(folder))
}

fn json_ld(html: &str) -> serde_json::Value {
    let open = r#"<script type="application/ld+json">"#;
    let start = html.find(open).expect("a JSON-LD script") + open.len();
    let end = start + html[start..].find("</script>").expect("the script ends");
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

#[test]
fn generates_a_deterministic_corpus_in_the_promised_formats() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    let summary = run(&a, 7);
    run(&b, 7);
    run(&c, 8);
    let all = files(&a);

    // Determinism: the same seed gives the same bytes; another seed does not.
    assert_eq!(all, files(&b), "same seed, same output");
    assert_ne!(all, files(&c), "another seed, other output");

    // Proportions: 40% text (incl. duplicates), 30% JSONL, 20% HTML, 10% HN.
    assert_eq!(summary.postings, COUNT);
    assert_eq!(
        summary.text + summary.jsonl + summary.html + summary.hn,
        COUNT
    );
    let share = |n: usize| n as f64 / COUNT as f64;
    assert!((share(summary.text) - 0.4).abs() < 0.02, "{summary}");
    assert!((share(summary.jsonl) - 0.3).abs() < 0.02, "{summary}");
    assert!((share(summary.html) - 0.2).abs() < 0.02, "{summary}");
    assert!((share(summary.hn) - 0.1).abs() < 0.02, "{summary}");
    assert_eq!(summary.duplicates, COUNT / 200);
    assert!(summary.text_untitled > 0 && summary.text_untitled < summary.text / 3);
    assert_eq!(summary.files, all.len());
    assert_eq!(
        summary.bytes,
        all.values().map(|b| b.len() as u64).sum::<u64>()
    );
    assert_eq!(under(&all, "text").count(), summary.text);
    assert_eq!(under(&all, "html").count(), summary.html);
    assert_eq!(under(&all, "hn").count(), summary.hn);

    // JSONL: every line an object with the promised keys and a 2–5 KB description.
    let mut identities: HashSet<(String, String, String)> = HashSet::new();
    let mut rows = 0;
    for (path, bytes) in under(&all, "jsonl") {
        assert_eq!(path.extension().unwrap(), "jsonl");
        for line in std::str::from_utf8(bytes).unwrap().lines() {
            let row: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            for key in [
                "title",
                "company",
                "location",
                "description",
                "salary",
                "date_posted",
                "job_url",
                "remote",
                "job_type",
            ] {
                assert!(row.get(key).is_some(), "{key} missing in {line}");
            }
            let s = |k: &str| row[k].as_str().unwrap_or_default().to_string();
            assert!(!s("title").is_empty() && !s("company").is_empty());
            let len = s("description").len();
            assert!((1900..=5500).contains(&len), "description of {len} bytes");
            assert!(identities.insert((s("company"), s("title"), s("location"))));
            rows += 1;
        }
    }
    assert_eq!(rows, summary.jsonl);

    // HTML: a page around a schema.org JobPosting.
    let mut html_postings = Vec::new();
    for (path, bytes) in under(&all, "html") {
        let page = std::str::from_utf8(bytes).unwrap();
        assert!(page.contains("<nav") && page.contains("<footer>") && page.contains("<style>"));
        let ld = json_ld(page);
        assert_eq!(ld["@type"], "JobPosting", "{}", path.display());
        assert_eq!(ld["hiringOrganization"]["@type"], "Organization");
        let title = ld["title"].as_str().unwrap().to_string();
        let company = ld["hiringOrganization"]["name"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(!title.is_empty() && !company.is_empty());
        assert!(ld["datePosted"].as_str().unwrap().starts_with("2026-"));
        assert!(ld["employmentType"].is_string());
        let remote = ld["jobLocationType"] == "TELECOMMUTE";
        assert!(remote || ld["jobLocation"][0]["address"]["addressCountry"].is_string());
        if let Some(salary) = ld.get("baseSalary") {
            assert!(salary["value"]["minValue"].as_u64().unwrap() > 0);
        }
        html_postings.push((company, title));
    }

    // HN: "Company | Title | …" first lines.
    for (_, bytes) in under(&all, "hn") {
        let text = std::str::from_utf8(bytes).unwrap();
        assert!(
            text.lines().next().unwrap().matches(" | ").count() >= 2,
            "{text}"
        );
    }

    // Text files: jobdeck's own parser finds a title and a company in every one, including
    // the pastes without a title line.
    let report = corpus::load(
        &CorpusSource::Paths(vec![a.join("text")]),
        &LoadOptions::default(),
    );
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.postings.len(), summary.text);
    for p in &report.postings {
        assert!(
            p.title.as_deref().is_some_and(|t| !t.is_empty()),
            "no title: {}",
            p.source
        );
        assert!(
            p.company.as_deref().is_some_and(|c| !c.is_empty()),
            "no company: {}",
            p.source
        );
    }
    // The deliberate duplicates: an HTML posting saved again as text.
    let duplicated = report
        .postings
        .iter()
        .filter(|p| {
            html_postings.iter().any(|(c, t)| {
                Some(c.as_str()) == p.company.as_deref() && Some(t.as_str()) == p.title.as_deref()
            })
        })
        .count();
    assert!(
        duplicated >= summary.duplicates,
        "{duplicated} text copies of HTML postings"
    );
}
