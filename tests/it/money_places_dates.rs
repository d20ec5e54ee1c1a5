//! Money, places and dates that compare (issue 17), through `jobdeck search` as a user runs it,
//! on a folder of postings in five currencies and two periods, places spelled as people write
//! them, and a relative date (`tests/fixtures/money-places-dates/`).

use crate::common;

use assert_cmd::Command;
use common::{exit, run_here};
use serde_json::Value;

struct Folder {
    home: tempfile::TempDir,
    dir: std::path::PathBuf,
}

/// The fixtures copied to a temporary folder, `munich.txt` saved on 2026-11-20 (its
/// "Posted: 3 days ago" counts back from then).
fn folder() -> Folder {
    let f = fixtures("money-places-dates");
    let dir = &f.dir;
    let saved = time::macros::datetime!(2026-11-20 12:00 UTC);
    std::fs::File::options()
        .write(true)
        .open(dir.join("munich.txt"))
        .unwrap()
        .set_modified(saved.into())
        .unwrap();
    f
}

/// The files of `tests/fixtures/<name>/` copied to a temporary folder.
fn fixtures(name: &str) -> Folder {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("postings");
    std::fs::create_dir(&dir).unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    Folder { home, dir }
}

fn jobdeck(f: &Folder) -> Command {
    Command::from_std(common::isolated(
        assert_cmd::cargo::cargo_bin!("jobdeck"),
        f.home.path(),
    ))
}

/// `jobdeck ARGS… FILE`, in this process: what it printed, as JSON.
fn run_on(f: &Folder, args: &[&str], file: &std::path::Path, more: &[&str]) -> (u8, Value) {
    let file = file.to_str().expect("a UTF-8 temporary path");
    let all: Vec<&str> = args.iter().chain([&file]).chain(more).copied().collect();
    let (code, out) = run_here(f.home.path(), &all);
    let code = (0..=2)
        .find(|c| exit(*c) == code)
        .unwrap_or_else(|| panic!("{all:?}: exit code {code:?}"));
    let v = serde_json::from_slice(&out)
        .unwrap_or_else(|e| panic!("{all:?}: {e}: {}", String::from_utf8_lossy(&out)));
    (code, v)
}

/// The file names of what `jobdeck search QUERY [args]` finds, in its order.
fn search(f: &Folder, query: &str, args: &[&str]) -> Vec<String> {
    let more: Vec<&str> = ["--json"].iter().chain(args).copied().collect();
    let (code, v) = run_on(f, &["search", query], &f.dir, &more);
    assert!(code == 0 || code == 1, "{query}: exit code {code}");
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let s = p["source"].as_str().unwrap();
            s.rsplit('/').next().unwrap().to_string()
        })
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn salary_terms_compare_yearly_pay_in_the_home_currency() {
    let f = folder();
    // €150k a year and $60 an hour (124.8k a year) reach 100k dollars; ¥8M, ₹25 LPA and
    // MXN 836,400 a year do not.
    assert_eq!(
        sorted(search(&f, "salary:>=100k", &[])),
        ["euro.txt", "hourly.txt"]
    );
    assert_eq!(
        sorted(search(&f, "salary:<60k", &[])),
        ["inr.txt", "mxn.txt", "yen.txt"]
    );
    // A salary term leaves out postings without pay, unless salary:none is given too.
    assert!(!search(&f, "salary:>=100k", &[]).contains(&"munich.txt".to_string()));
    let with_none = search(&f, "salary:>=100k salary:none", &[]);
    assert!(
        with_none.contains(&"munich.txt".to_string())
            && with_none.contains(&"euro.txt".to_string())
    );
    assert!(!with_none.contains(&"yen.txt".to_string()));
}

#[test]
fn search_sorts_by_converted_yearly_pay() {
    let f = folder();
    assert_eq!(
        search(&f, "salary:>=0", &["--sort", "salary"]),
        ["euro.txt", "hourly.txt", "yen.txt", "mxn.txt", "inr.txt"]
    );
}

#[test]
fn places_match_by_country_and_alias() {
    let f = folder();
    assert_eq!(
        sorted(search(&f, "loc:germany", &[])),
        ["euro.txt", "munich.txt"]
    );
    assert_eq!(search(&f, "loc:\"san francisco\"", &[]), ["hourly.txt"]);
    let de = search(&f, "loc:de", &[]);
    assert!(de.contains(&"munich.txt".to_string()) && de.contains(&"euro.txt".to_string()));
}

#[test]
fn remote_roles_say_who_may_apply_from_where() {
    let f = folder();
    assert_eq!(search(&f, "from:de", &[]), ["eu.txt"]);
    assert_eq!(search(&f, "from:us", &[]), ["usonly.txt"]);
}

#[test]
fn a_relative_date_counts_back_from_when_the_file_was_saved() {
    let f = folder();
    let (code, v) = run_on(&f, &["parse"], &f.dir.join("munich.txt"), &[]);
    assert_eq!(code, 0);
    assert_eq!(v[0]["posted"], "2026-11-17");
    assert_eq!(v[0]["posted_text"], "3 days ago");
    let places = &v[0]["places"][0];
    assert_eq!(places["country"], "DE");
    assert_eq!(places["city"], "Munich");
}

#[test]
fn bad_pay_and_age_values_are_named() {
    let f = folder();
    let out = jobdeck(&f)
        .args(["search", "salary:lots"])
        .arg(&f.dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("salary: >=120k"));
    let out = jobdeck(&f)
        .args(["search", "age:soon"])
        .arg(&f.dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// `jobdeck parse FILE`'s salary provenance.
fn provenance(f: &Folder, file: &str) -> Value {
    let (code, v) = run_on(f, &["parse"], &f.dir.join(file), &[]);
    assert_eq!(code, 0, "{file}");
    v[0]["salary"]["provenance"].clone()
}

#[test]
fn pay_says_whose_figure_it_is() {
    let f = fixtures("pay-provenance");
    // JSON-LD baseSalary: the employer's; estimatedSalary: the board's.
    assert_eq!(provenance(&f, "stated.html"), "stated");
    assert_eq!(provenance(&f, "estimate.html"), "estimate");
    // "Salary: $125K - $155K (Glassdoor est.)" and an "Estimated salary:" label.
    assert_eq!(provenance(&f, "glassdoor.txt"), "estimate");
    assert_eq!(provenance(&f, "label.txt"), "estimate");
    // "The salary range for this role is $120k–150k a year." in the description.
    assert_eq!(provenance(&f, "text.txt"), "text");
    assert_eq!(provenance(&f, "unstated.txt"), Value::Null);
}

#[test]
fn estimates_can_be_left_out() {
    let f = fixtures("pay-provenance");
    assert_eq!(
        sorted(search(&f, "!salary:estimate", &[])),
        ["stated.html", "text.txt", "unstated.txt"]
    );
    assert_eq!(
        sorted(search(&f, "salary:>=100k !salary:estimate", &[])),
        ["stated.html", "text.txt"]
    );
    assert_eq!(
        sorted(search(&f, "salary:estimate", &[])),
        ["estimate.html", "glassdoor.txt", "label.txt"]
    );
    // A provenance is not one of the amounts' choice: both must hold.
    assert_eq!(
        search(&f, "salary:>=100k salary:stated", &[]),
        ["stated.html"]
    );
    assert_eq!(search(&f, "salary:text", &[]), ["text.txt"]);
}
