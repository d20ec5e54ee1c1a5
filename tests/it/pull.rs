//! `jobdeck pull` against a local server playing the boards' APIs (`pull_server.rs`): what
//! lands in the postings folder, what the tracking says across pulls (`is:new`, `is:changed`,
//! `is:closed`), how failures are told, politeness (retries, conditional requests), and the
//! browser's side. No request leaves 127.0.0.1: every pull here is sent to the test's own
//! server, the commands run in this process as `main` runs them (`common::run_here_in`, the
//! server's address given as `$JOBDECK_PULL_BASE_URL` would give it); one runs the binary, to
//! show the variable itself does so.

use crate::common;
use crate::pull_server;

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use pull_server::{Reply, Server};
use serde_json::Value;

/// Generous for a debug build on a busy two-core machine; a hang fails instead of blocking.
const DEADLINE: Duration = Duration::from_secs(60);

/// `jobdeck ARGS…` in this process, with every folder in `home` and requests sent to `server`.
fn jobdeck(home: &Path, server: &Server, args: &[&str]) -> Output {
    let env = jobdeck::cli::Env {
        pull_base: Some(server.base.clone()),
        ..Default::default()
    };
    common::run_here_in(home, args, DEADLINE, env)
}

fn pull(home: &Path, server: &Server, dir: &Path, sources: &[&str]) -> Output {
    let dir = dir.to_str().expect("a UTF-8 temporary path");
    let mut args = vec!["pull"];
    args.extend(sources);
    args.extend(["--into", dir]);
    jobdeck(home, server, &args)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `jobdeck search QUERY DIR --json`, in this process (it sends no request): the pulled ids
/// found.
fn search_ids(home: &Path, dir: &Path, query: &str) -> Vec<String> {
    let dir = dir.to_str().expect("a UTF-8 temporary path");
    let args = ["search", query, dir, "--json", "--limit", "100"];
    let (code, out) = common::run_here(home, &args);
    // 0 when something matched, 1 when nothing did (like grep).
    assert!(
        code == common::exit(0) || code == common::exit(1),
        "{args:?}: {code:?}"
    );
    let v: Value = serde_json::from_slice(&out).unwrap();
    let mut ids: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["pulled"]["id"].as_str().unwrap_or("-").to_string())
        .collect();
    ids.sort();
    ids
}

/// `jobdeck parse DIR`, in this process.
fn parse_all(home: &Path, dir: &Path) -> Vec<Value> {
    let dir = dir.to_str().expect("a UTF-8 temporary path");
    let (code, out) = common::run_here(home, &["parse", dir]);
    assert_eq!(code, common::exit(0), "parse {dir}");
    serde_json::from_slice::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// The scenario of the issue: a first pull writes the postings; a second one, where one
/// posting's salary changed, one disappeared and one is new, gives `is:changed` (with the old
/// and the new salary), `is:closed` and `is:new` exactly; an unknown board and a server error
/// are named while the other sources still land.
#[test]
fn a_second_pull_tells_new_changed_and_closed_and_failures_are_named() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("postings");
    let server = pull_server::boards();

    let out = pull(home.path(), &server, &dir, &pull_server::SOURCES);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(
        out.status.code(),
        Some(1),
        "a source failed: {stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("postman (greenhouse): 3 postings, 3 new, 0 changed, 0 closed"),
        "{stdout}"
    );
    assert!(
        stdout.contains("palantir (lever): 2 postings, 2 new"),
        "{stdout}"
    );
    assert!(
        stdout.contains("openai (ashby): 2 postings, 2 new"),
        "{stdout}"
    );
    assert!(
        stdout.contains("2026-12 (hn): 2 postings, 2 new"),
        "{stdout}"
    );
    assert!(
        stderr.contains("nosuch (lever): failed: unknown board") && stderr.contains("HTTP 200 []"),
        "{stderr}"
    );
    assert!(
        stderr.contains("broken (ashby): failed: server error (HTTP 500)"),
        "{stderr}"
    );
    // As the API returned it, one file per posting.
    let gh = dir.join("pulled/greenhouse/postman");
    let listing: Value =
        serde_json::from_slice(&pull_server::fixture("greenhouse-postman-1.json")).unwrap();
    let first: Value =
        serde_json::from_slice(&std::fs::read(gh.join("4012001.json")).unwrap()).unwrap();
    assert_eq!(first, listing["jobs"][0]);
    assert!(gh.join(".jobdeck-pull.json").is_file());
    assert!(dir.join("pulled/hn/2026-12/42010001.json").is_file());
    assert!(
        !dir.join("pulled/hn/2026-12/42010003.json").exists(),
        "a deleted comment is no posting"
    );
    assert!(
        !dir.join("pulled/lever/nosuch").exists(),
        "nothing for an unknown board"
    );
    // Every posting was asked for at its documented path, and nothing else.
    let mut asked: Vec<String> = server.seen().iter().map(|s| s.url.clone()).collect();
    asked.sort();
    asked.dedup();
    let mut expected = vec![
        pull_server::GREENHOUSE_POSTMAN,
        pull_server::LEVER_PALANTIR,
        pull_server::LEVER_NOSUCH,
        pull_server::ASHBY_OPENAI,
        pull_server::ASHBY_BROKEN,
        pull_server::HN_SEARCH,
        pull_server::HN_ITEM,
    ];
    expected.sort();
    assert_eq!(asked, expected);
    // A server error is retried (politely), an unknown board is not.
    let count = |u: &str| server.seen().iter().filter(|s| s.url == u).count();
    assert_eq!(count(pull_server::ASHBY_BROKEN), 3);
    assert_eq!(count(pull_server::LEVER_NOSUCH), 1);

    // The second pull: 4012001's salary changed, 4012002 is gone, 4012004 is new.
    server.route(
        pull_server::GREENHOUSE_POSTMAN,
        vec![Reply::fixture("greenhouse-postman-2.json")],
    );
    let out = pull(home.path(), &server, &dir, &pull_server::SOURCES);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("postman (greenhouse): 3 postings, 1 new, 1 changed, 1 closed"),
        "{stdout}"
    );
    assert!(
        stdout.contains("palantir (lever): 2 postings, 0 new, 0 changed, 0 closed"),
        "{stdout}"
    );
    assert!(
        dir.join("pulled/greenhouse/postman/4012002.json").is_file(),
        "a closed posting stays"
    );

    assert_eq!(search_ids(home.path(), &dir, "is:new"), ["4012004"]);
    assert_eq!(search_ids(home.path(), &dir, "is:changed"), ["4012001"]);
    assert_eq!(search_ids(home.path(), &dir, "is:closed"), ["4012002"]);
    assert_eq!(
        search_ids(home.path(), &dir, "is:changed company:postman"),
        ["4012001"]
    );

    let all = parse_all(home.path(), &dir);
    let changed = all
        .iter()
        .find(|p| p["pulled"]["id"] == "4012001")
        .expect("the changed posting");
    let salary: Vec<&Value> = changed["pulled"]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["field"] == "salary")
        .collect();
    assert_eq!(salary.len(), 1, "{changed:#}");
    assert_eq!(salary[0]["from"], "$150k–180k/yr");
    assert_eq!(salary[0]["to"], "$160k–190k/yr");
    assert_eq!(changed["salary"]["min"], 160000);
    let p = &changed["pulled"];
    assert!(p["first_seen"].as_str().unwrap() < p["last_seen"].as_str().unwrap());
    assert_eq!(p["closed"], Value::Null);
    let closed = all.iter().find(|p| p["pulled"]["id"] == "4012002").unwrap();
    assert!(closed["pulled"]["closed"].is_string(), "{closed:#}");
    assert_ne!(closed["pulled"]["closed"], closed["pulled"]["last_seen"]);
}

/// The same role on Greenhouse and in an HN comment that links to it is one posting, seen on
/// two sources.
#[test]
fn the_same_role_from_two_sources_is_linked() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("postings");
    let server = pull_server::boards();
    let out = pull(
        home.path(),
        &server,
        &dir,
        &["greenhouse:postman", "hn:latest"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let all = parse_all(home.path(), &dir);
    let gh = all.iter().find(|p| p["pulled"]["id"] == "4012001").unwrap();
    let hn = all
        .iter()
        .find(|p| p["pulled"]["id"] == "42010002")
        .unwrap();
    let gh_source = gh["source"].as_str().unwrap();
    assert_eq!(hn["linked_to"], gh_source, "{hn:#}");
    assert_eq!(gh["seen_on"], serde_json::json!([hn["source"]]));
    // The other HN comment is another role.
    let ferrous = all
        .iter()
        .find(|p| p["pulled"]["id"] == "42010001")
        .unwrap();
    assert_eq!(ferrous["linked_to"], Value::Null);
    // Listed once: the search finds the Greenhouse one only.
    assert_eq!(
        search_ids(home.path(), &dir, "'backend engineer, api platform"),
        ["4012001"]
    );
}

/// A 429 with `Retry-After` is waited out and retried; the listing's `ETag` is sent back next
/// time, and a `304` leaves the board as it was (nothing new since the previous pull).
#[test]
fn rate_limits_are_waited_out_and_unchanged_boards_cost_a_304() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("postings");
    let server = Server::start();
    server.route(
        pull_server::ASHBY_OPENAI,
        vec![
            Reply::status(429, r#"{"error":"slow down"}"#).header("Retry-After", "1"),
            Reply::fixture("ashby-openai.json").header("ETag", "\"v1\""),
        ],
    );
    let started = std::time::Instant::now();
    let out = pull(home.path(), &server, &dir, &["ashby:openai"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(1),
        "Retry-After honoured"
    );
    assert_eq!(server.seen().len(), 2);
    assert_eq!(search_ids(home.path(), &dir, "is:new").len(), 2);
    server.forget();
    let out = pull(home.path(), &server, &dir, &["ashby:openai"]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        stdout.contains("openai (ashby): 2 postings, 0 new, 0 changed, 0 closed (not modified"),
        "{stdout}"
    );
    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].header("If-None-Match"), Some("\"v1\""));
    assert!(search_ids(home.path(), &dir, "is:new").is_empty());
    assert_eq!(search_ids(home.path(), &dir, "is:pulled").len(), 2);
}

/// SmartRecruiters (a list, then each posting in full), Recruitee and Personio (XML) land one
/// file per posting, and the postings parse.
#[test]
fn smartrecruiters_recruitee_and_personio() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("postings");
    let server = Server::start();
    server.route(
        "/v1/companies/Vitol/postings?limit=100&offset=0",
        vec![Reply::fixture("smartrecruiters-list.json")],
    );
    server.route(
        "/v1/companies/Vitol/postings/744000133666057",
        vec![Reply::fixture("smartrecruiters-744000133666057.json")],
    );
    // Recruitee and Personio name the company in the host: the base url replaces it, and
    // the path is the same for every company.
    server.route(
        "/api/offers/",
        vec![Reply::fixture("recruitee-offers.json")],
    );
    server.route(
        "/xml?language=en",
        vec![Reply::fixture("personio.xml").header("Content-Type", "application/xml")],
    );
    let out = pull(
        home.path(),
        &server,
        &dir,
        &["smartrecruiters:Vitol", "recruitee:acme", "personio:acme"],
    );
    assert!(
        out.status.success(),
        "{}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let sr = dir.join("pulled/smartrecruiters/Vitol/744000133666057.json");
    assert_eq!(
        std::fs::read(&sr).unwrap(),
        pull_server::fixture("smartrecruiters-744000133666057.json")
    );
    assert!(dir.join("pulled/recruitee/acme/2700825.json").is_file());
    let xml = std::fs::read_to_string(dir.join("pulled/personio/acme/1834171.xml")).unwrap();
    assert!(
        xml.starts_with("<position>") && xml.ends_with("</position>"),
        "{xml}"
    );
    let all = parse_all(home.path(), &dir);
    let titles: Vec<&str> = all.iter().filter_map(|p| p["title"].as_str()).collect();
    assert!(titles.contains(&"Platform Engineer"), "{titles:?}");
    assert!(
        titles.iter().any(|t| t.contains("Financial Accountant")),
        "{titles:?}"
    );
    assert_eq!(all.len(), 3, "{all:#?}");
}

#[test]
fn usage_errors_and_unsupported_sources() {
    let home = tempfile::tempdir().unwrap();
    let server = Server::start();
    let into = home.path().to_str().expect("a UTF-8 temporary path");
    let out = jobdeck(home.path(), &server, &["pull", "--into", into]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("nothing to pull"),
        "{}",
        text(&out.stderr)
    );
    let out = jobdeck(
        home.path(),
        &server,
        &["pull", "workable:acme", "--into", into],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not pulled"),
        "{}",
        text(&out.stderr)
    );
    let out = jobdeck(
        home.path(),
        &server,
        &["pull", "greenhouse:../../etc", "--into", into],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = jobdeck(home.path(), &server, &["pull", "greenhouse:postman"]);
    assert_eq!(out.status.code(), Some(2), "no folder to pull into");
    assert!(server.seen().is_empty(), "nothing was asked");
}

/// The watch-list from the config file, and a base url that is not one: the binary itself,
/// with `$JOBDECK_PULL_BASE_URL` (the other tests give the address in-process).
#[test]
fn the_watch_list_comes_from_the_config_file() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("postings");
    let server = pull_server::boards();
    let cfg = home.path().join("config/jobdeck");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        format!(
            "postings_dir = {:?}\n[[sources]]\ngreenhouse = \"postman\"\n[[sources]]\nashby = \"openai\"\n",
            dir.display().to_string()
        ),
    )
    .unwrap();
    let binary = || common::isolated(env!("CARGO_BIN_EXE_jobdeck"), home.path());
    let out = binary()
        .env("JOBDECK_PULL_BASE_URL", &server.base)
        .arg("pull")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(dir.join("pulled/ashby/openai").is_dir());
    let out = binary()
        .env("JOBDECK_PULL_BASE_URL", "ftp://127.0.0.1")
        .arg("pull")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

/// A tracking record that is not one: the postings still load (the record is skipped with a
/// reason), and the next pull sets it aside and starts anew.
#[test]
fn a_broken_tracking_record_is_skipped_then_set_aside() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("postings");
    let server = pull_server::boards();
    assert!(
        pull(home.path(), &server, &dir, &["ashby:openai"])
            .status
            .success()
    );
    let record = dir.join("pulled/ashby/openai/.jobdeck-pull.json");
    std::fs::write(&record, "{\"version\": 1, \"postings\": 12").unwrap();
    let out = jobdeck(home.path(), &server, &["parse", dir.to_str().unwrap()]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2, "the postings still load");
    assert!(
        text(&out.stderr).contains(".jobdeck-pull.json: malformed tracking record"),
        "{}",
        text(&out.stderr)
    );
    let out = pull(home.path(), &server, &dir, &["ashby:openai"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("started anew"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        std::fs::read_dir(dir.join("pulled/ashby/openai"))
            .unwrap()
            .any(|e| e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".corrupt-"))
    );
}

/// An Algolia HN comment — which always carries `"title": null` — parses as a posting.
#[test]
fn an_algolia_comment_parses() {
    let item: Value = serde_json::from_slice(&pull_server::fixture("hn-item.json")).unwrap();
    let comment = serde_json::to_string(&item["children"][0]).unwrap();
    let ps = jobdeck::parse::parse_text(&comment, "42010001.json").expect("a posting");
    assert_eq!(ps[0].company.as_deref(), Some("Ferrous Systems"));
    assert_eq!(ps[0].title.as_deref(), Some("Senior Rust Engineer"));
}

mod browser {
    //! The browser's side, without a terminal.

    use jobdeck::app::{Action, Effect};
    use jobdeck::posting::{FieldChange, Posting, Pulled, Section};
    use jobdeck::pull::{Progress, SourceSpec, Summary};
    use jobdeck::tui::headless::Headless;

    fn pulled(title: &str, id: &str, closed: bool, changes: Vec<FieldChange>) -> Posting {
        let mut p = Posting {
            title: Some(title.into()),
            company: Some("Postman".into()),
            locations: vec!["San Francisco, CA".into()],
            source: format!("pulled/greenhouse/postman/{id}.json"),
            url: Some(format!(
                "https://job-boards.greenhouse.io/postman/jobs/{id}"
            )),
            pulled: Some(Box::new(Pulled {
                source: "greenhouse".into(),
                board: "postman".into(),
                id: id.into(),
                first_seen: time::macros::datetime!(2026-12-01 09:00 UTC),
                last_seen: time::macros::datetime!(2026-12-02 09:00 UTC),
                closed: closed.then_some(time::macros::datetime!(2026-12-02 09:00 UTC)),
                changed: !changes.is_empty(),
                changes,
                new: false,
            })),
            ..Default::default()
        };
        p.id = jobdeck::posting::posting_id(&p);
        p
    }

    fn saved(title: &str, body: &str) -> Posting {
        let mut p = Posting {
            title: Some(title.into()),
            company: Some("Postman".into()),
            locations: vec!["SF Bay Area".into()],
            source: format!("hn/{title}.txt"),
            sections: vec![Section {
                heading: None,
                body: body.into(),
            }],
            ..Default::default()
        };
        p.id = jobdeck::posting::posting_id(&p);
        p
    }

    fn browser() -> Headless {
        let salary = FieldChange {
            field: "salary".into(),
            from: Some("$150k–180k/yr".into()),
            to: Some("$160k–190k/yr".into()),
            at: time::macros::datetime!(2026-12-02 09:00 UTC),
        };
        Headless::new(
            vec![
                pulled(
                    "Backend Engineer",
                    "4012001",
                    false,
                    vec![
                        salary,
                        FieldChange {
                            field: "title".into(),
                            from: Some("Backend Dev".into()),
                            to: Some("Backend Engineer".into()),
                            at: time::macros::datetime!(2026-12-02 09:00 UTC),
                        },
                    ],
                ),
                pulled("Product Designer", "4012002", true, Vec::new()),
                saved(
                    "Backend Engineers",
                    "Apply: https://job-boards.greenhouse.io/postman/jobs/4012001",
                ),
                saved("Rust Engineer", "Ferrous builds compilers."),
            ],
            (120, 35),
        )
    }

    fn screen(h: &Headless) -> String {
        let backend = ratatui::backend::TestBackend::new(120, 35);
        let mut t = ratatui::Terminal::new(backend).unwrap();
        t.draw(|f| jobdeck::ui::draw(f, &h.app)).unwrap();
        let buf = t.backend().buffer().clone();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn closed_postings_are_hidden_shown_dimmed_with_c_and_found_with_is_closed() {
        let mut h = browser();
        let mut titles = h.titles();
        titles.sort();
        assert_eq!(
            titles,
            ["Backend Engineer", "Rust Engineer"],
            "closed and linked left out"
        );
        h.press("C");
        assert!(h.titles().contains(&"Product Designer".to_string()));
        assert!(screen(&h).contains("closed"), "{}", screen(&h));
        h.press("C");
        assert!(!h.titles().contains(&"Product Designer".to_string()));
        h.press("/");
        h.type_str("is:closed");
        assert_eq!(h.titles(), ["Product Designer"]);
    }

    #[test]
    fn the_detail_pane_tells_changes_and_sources() {
        let h = browser();
        let s = screen(&h);
        assert!(
            s.contains("salary $150k–180k/yr → $160k–190k/yr on 2026-12-02"),
            "{s}"
        );
        assert!(
            s.contains("Seen on") && s.contains("2 sources: hn/Backend Engineers.txt"),
            "{s}"
        );
        assert!(s.contains("greenhouse:postman"), "{s}");
        // Later changes line up under the first, in the value column.
        assert!(
            s.contains(&format!(
                "│{}title Backend Dev → Backend Engineer on 2026-12-02",
                " ".repeat(12)
            )),
            "{s}"
        );
    }

    #[test]
    fn a_bookmarked_posting_that_closed_is_flagged_in_the_shortlists_pane() {
        let mut h = browser();
        h.press("C");
        h.press("/");
        h.type_str("designer");
        h.press("enter");
        h.press("b");
        h.press("esc");
        h.press("l");
        h.press("j");
        let s = screen(&h);
        assert!(
            s.contains("Product Designer") && s.contains("closed 2026-12-02"),
            "{s}"
        );
    }

    /// A pull reports the files it wrote and the watcher sees them too: the same postings
    /// told again are no news, and the postings stay linked.
    #[test]
    fn postings_told_twice_are_no_news_and_stay_linked() {
        let mut h = browser();
        let again = saved(
            "Backend Engineers",
            "Apply: https://job-boards.greenhouse.io/postman/jobs/4012001",
        );
        h.app.view.message = None;
        h.send(Action::SourceChanged {
            source: again.source.clone(),
            postings: vec![std::sync::Arc::new(again)],
        });
        assert_eq!(h.app.view.message, None);
        let mut titles = h.titles();
        titles.sort();
        assert_eq!(titles, ["Backend Engineer", "Rust Engineer"]);
        // A changed file is news.
        let changed = saved(
            "Backend Engineers",
            "Now remote. https://job-boards.greenhouse.io/postman/jobs/4012001",
        );
        h.send(Action::SourceChanged {
            source: changed.source.clone(),
            postings: vec![std::sync::Arc::new(changed)],
        });
        assert!(h.app.view.message.as_deref().unwrap().contains("changed"));
        assert_eq!(h.titles().len(), 2, "still linked");
    }

    #[test]
    fn the_pull_key_starts_a_pull_and_the_status_line_follows_it() {
        let mut h = browser();
        h.press("P");
        assert!(h.effects().is_empty());
        assert!(
            h.app
                .view
                .message
                .as_deref()
                .unwrap()
                .contains("nothing to pull")
        );
        std::sync::Arc::make_mut(&mut h.app.settings).sources = vec![
            SourceSpec::parse("greenhouse:postman").unwrap(),
            SourceSpec::parse("lever:nosuch").unwrap(),
        ];
        std::sync::Arc::make_mut(&mut h.app.settings).pull_into = Some("/tmp/postings".into());
        h.press("P");
        assert!(matches!(
            h.effects().last(),
            Some(Effect::Pull { sources, into }) if sources.len() == 2 && into.ends_with("postings")
        ));
        h.send(Action::PullProgress {
            index: 0,
            progress: Box::new(Progress::Fetching),
        });
        assert!(
            screen(&h).contains("pulling 0/2: postman fetching… · nosuch waiting"),
            "{}",
            screen(&h)
        );
        h.press("P");
        assert!(h.app.view.message.as_deref().unwrap().contains("under way"));
        let done = Summary {
            postings: 3,
            new: 1,
            changed: 1,
            closed: 1,
            ..Summary::default()
        };
        h.send(Action::PullProgress {
            index: 0,
            progress: Box::new(Progress::Done(Ok(done))),
        });
        h.send(Action::PullProgress {
            index: 1,
            progress: Box::new(Progress::Done(Err("unknown board".into()))),
        });
        h.send(Action::PullFinished);
        let m = h.app.view.message.clone().unwrap();
        assert_eq!(
            m,
            "pulled 1 of 2 sources: 1 new, 1 changed, 1 closed · failed: nosuch: unknown board"
        );
        assert!(h.app.model.pull.is_none());
    }
}
