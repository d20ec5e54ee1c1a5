//! Property tests: salary and location extraction, the query parser, the store's round trip and
//! merge, and sanitizing whatever a parser decodes. Case counts are kept modest so the suite
//! stays fast on a small CI machine.

use std::collections::{BTreeMap, BTreeSet};

use jobdeck::parse::fields::{location, salary};
use jobdeck::posting::{Period, Salary};
use jobdeck::search::Query;
use jobdeck::search::matcher::TextFinder;
use jobdeck::store::{Bookmark, Change, DEFAULT_LIST, Shortlists, Snapshot, Status, StatusChange};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        // Failures are reported with their minimal input; nothing is written next to the tests.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Salary.

/// A salary, when there is one, has a bound, its bounds ordered, finite, positive and sane.
fn assert_sane(s: &Option<Salary>, input: &str) -> Result<(), TestCaseError> {
    let Some(s) = s else { return Ok(()) };
    prop_assert!(
        s.min.is_some() || s.max.is_some(),
        "no bound for {:?}",
        input
    );
    for v in [s.min, s.max].into_iter().flatten() {
        prop_assert!(
            v.is_finite() && v > 0.0 && v <= Salary::MAX_AMOUNT,
            "bound {} for {:?}",
            v,
            input
        );
    }
    if let (Some(a), Some(b)) = (s.min, s.max) {
        prop_assert!(a <= b, "min {} > max {} for {:?}", a, b, input);
    }
    prop_assert!(!s.currency.is_empty(), "no currency for {:?}", input);
    for y in [s.yearly_floor(), s.yearly_ceiling()].into_iter().flatten() {
        prop_assert!(y.is_finite(), "yearly {} for {:?}", y, input);
    }
    Ok(())
}

/// A number as pages write it: plain, grouped with commas, dots, spaces or apostrophes,
/// decimals, huge, negative, scientific.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u64..1_000_000).prop_map(|n| n.to_string()),
        (1u64..1000, 0u64..1000).prop_map(|(a, b)| format!("{a},{b:03}")),
        (1u64..1000, 0u64..1000).prop_map(|(a, b)| format!("{a}.{b:03}")),
        (1u64..1000, 0u64..1000).prop_map(|(a, b)| format!("{a} {b:03}")),
        (1u64..1000, 0u64..1000).prop_map(|(a, b)| format!("{a}'{b:03}")),
        (1u64..1000, 0u64..100).prop_map(|(a, b)| format!("{a}.{b:02}")),
        (1u64..100_000).prop_map(|n| format!("-{n}")),
        "[0-9]{15,40}",
        Just("1e308".to_string()),
        Just("1e999".to_string()),
        Just("NaN".to_string()),
        Just("9".repeat(400)),
    ]
}

/// Salary-like phrases: "$120k–$150k", "€50.000 - €70.000 per year", "up to 200000 USD"…
fn salary_phrase() -> impl Strategy<Value = String> {
    let cur = prop_oneof![
        Just(""),
        Just("$"),
        Just("€"),
        Just("£"),
        Just("₹"),
        Just("USD "),
        Just("CA$"),
        Just("CHF ")
    ];
    let code = prop_oneof![
        Just(""),
        Just(" USD"),
        Just(" EUR"),
        Just(" PLN"),
        Just(" INR")
    ];
    let mult = prop_oneof![
        Just(""),
        Just("k"),
        Just("K"),
        Just("M"),
        Just(" lakh"),
        Just(" LPA")
    ];
    let sep = prop_oneof![Just(" - "), Just("–"), Just("-"), Just(" to "), Just(" — ")];
    let period = prop_oneof![
        Just(""),
        Just(" per year"),
        Just("/yr"),
        Just(" per hour"),
        Just("/hr"),
        Just(" a month"),
        Just(" monthly"),
        Just(" per annum"),
        Just(" gross/monthly")
    ];
    let lead = prop_oneof![
        Just(""),
        Just("up to "),
        Just("from "),
        Just("Salary: "),
        Just("Compensation: "),
        Just("We pay ")
    ];
    (
        lead,
        cur.clone(),
        number(),
        mult.clone(),
        proptest::option::of((sep, cur, number(), mult)),
        code,
        period,
    )
        .prop_map(|(lead, c1, n1, m1, second, code, period)| {
            let mut s = format!("{lead}{c1}{n1}{m1}");
            if let Some((sep, c2, n2, m2)) = second {
                s.push_str(&format!("{sep}{c2}{n2}{m2}"));
            }
            s.push_str(code);
            s.push_str(period);
            s
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn salary_extraction_never_panics_on_any_text(s in any::<String>()) {
        assert_sane(&salary::salary_in_text(&s), &s)?;
        assert_sane(&salary::salary_from_field(&s), &s)?;
        assert_sane(&salary::bare_salary(&s, "USD"), &s)?;
        for hit in salary::find_salaries(&s) {
            assert_sane(&Some(hit.salary), &s)?;
        }
    }

    #[test]
    fn salary_phrases_give_sane_salaries(p in salary_phrase(), before in "[a-zA-Z ,.]{0,30}") {
        let text = format!("{before} {p}.");
        assert_sane(&salary::salary_in_text(&text), &text)?;
        assert_sane(&salary::salary_from_field(&p), &p)?;
        assert_sane(&salary::bare_salary(&p, "EUR"), &p)?;
    }

    #[test]
    fn plain_dollar_ranges_read_exactly(a in 20u32..400, extra in 0u32..200) {
        let b = a + extra;
        let s = salary::salary_from_field(&format!("${a}k–${b}k per year"))
            .expect("a salary");
        prop_assert_eq!(s.min, Some(f64::from(a) * 1000.0));
        prop_assert_eq!(s.max, Some(f64::from(b) * 1000.0));
        prop_assert_eq!(s.currency.as_str(), "USD");
        prop_assert_eq!(s.period, Period::Year);
    }

    #[test]
    fn salary_new_keeps_only_sane_bounds(
        min in proptest::option::of(any::<f64>()),
        max in proptest::option::of(any::<f64>()),
    ) {
        assert_sane(&Salary::new(min, max, "USD", Period::Hour), &format!("{min:?}..{max:?}"))?;
    }
}

// ---------------------------------------------------------------------------------------------
// Location.

/// Text that talks about places, with separators and noise.
fn location_text() -> impl Strategy<Value = String> {
    let place = prop_oneof![
        Just("Berlin"),
        Just("Berlin, Germany"),
        Just("New York, NY"),
        Just("Remote"),
        Just("Bengaluru, Karnataka, India"),
        Just("London (UK)"),
        Just("São Paulo"),
        Just(""),
        Just(" "),
        Just("("),
        Just(")"),
        Just(","),
        Just("[]")
    ];
    let sep = prop_oneof![
        Just(", "),
        Just("; "),
        Just(" | "),
        Just(" / "),
        Just(" or "),
        Just("\n"),
        Just(" • "),
        Just(",")
    ];
    let lead = prop_oneof![
        Just("Location: "),
        Just("This role is based in "),
        Just("You will be working from "),
        Just("The position is open in our "),
        Just("")
    ];
    (lead, proptest::collection::vec((place, sep), 0..6)).prop_map(|(lead, parts)| {
        let mut s = lead.to_string();
        for (p, sep) in parts {
            s.push_str(p);
            s.push_str(sep);
        }
        s
    })
}

fn assert_places(places: &[String], input: &str) -> Result<(), TestCaseError> {
    for p in places {
        prop_assert!(!p.trim().is_empty(), "an empty place from {:?}", input);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn location_extraction_never_panics_nor_gives_empty_places(s in any::<String>()) {
        assert_places(&location::from_text(&s), &s)?;
        assert_places(&location::from_label(&s), &s)?;
    }

    #[test]
    fn location_phrases_give_no_empty_places(s in location_text()) {
        assert_places(&location::from_text(&s), &s)?;
        assert_places(&location::from_label(&s), &s)?;
    }
}

// ---------------------------------------------------------------------------------------------
// The query parser.

/// Query-like input: words, prefixes, quotes, negation and exact marks in any order.
fn query_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9.]{1,8}",
        Just("!".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just(":".to_string()),
        Just(" ".to_string()),
        Just("\t".to_string()),
        Just("\u{a0}".to_string()),
        Just("title:".to_string()),
        Just("text:".to_string()),
        Just("loc:".to_string()),
        Just("mode:".to_string()),
        Just("c:".to_string()),
        Just("TITLE:".to_string()),
        Just("é".to_string()),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

fn assert_round_trip(input: &str) -> Result<(), TestCaseError> {
    let q = Query::parse(input);
    let shown = q.to_string();
    prop_assert_eq!(
        Query::parse(&shown),
        q.clone(),
        "{:?} shows as {:?}",
        input,
        shown
    );
    for t in &q.terms {
        prop_assert!(!t.text.is_empty(), "an empty term from {:?}", input);
        prop_assert_eq!(&t.lower, &t.text.to_lowercase());
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_query_parses_and_round_trips(s in any::<String>()) {
        assert_round_trip(&s)?;
    }

    #[test]
    fn query_like_input_round_trips(s in query_text()) {
        assert_round_trip(&s)?;
    }

    #[test]
    fn a_query_narrows_itself(s in query_text()) {
        let q = Query::parse(&s);
        prop_assert!(q.narrows(&q));
    }
}

// ---------------------------------------------------------------------------------------------
// The store.

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z][A-Za-z ]{0,12}",
        1 => any::<String>(),
        1 => Just("Evil\x1b]2;pwned\x07 \u{202e}name\u{200b}".to_string()),
    ]
}

fn list_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(DEFAULT_LIST.to_string()),
        Just("Dream jobs".to_string()),
        Just("Later".to_string()),
        "[A-Z][a-z]{0,6}",
        Just("bad\x1b[2J".to_string()),
        Just(String::new()),
    ]
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Saved),
        Just(Status::Applied),
        Just(Status::Interviewing),
        Just(Status::Offer),
        Just(Status::Rejected),
        Just(Status::Withdrawn),
    ]
}

fn date() -> impl Strategy<Value = String> {
    (2024u32..2027, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"))
}

/// A bookmark's stamp as a file holds it: a time, or unknown (missing or not a time).
fn stamp() -> impl Strategy<Value = Option<time::OffsetDateTime>> {
    proptest::option::weighted(
        0.9,
        (date(), 0u32..24, 0u32..60, 0u32..1000).prop_map(|(d, h, m, ms)| {
            jobdeck::store::stamp::parse(&format!("{d}T{h:02}:{m:02}:00.{ms:03}Z"))
                .expect("a well-formed stamp")
        }),
    )
}

fn snapshot() -> impl Strategy<Value = Snapshot> {
    (
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::collection::vec(text(), 0..3),
        proptest::option::of((1u32..500_000, 0u32..100_000)),
        text(),
        proptest::option::of(Just("https://jobs.example.com/1".to_string())),
    )
        .prop_map(|(title, company, locations, pay, source, url)| Snapshot {
            title,
            company,
            locations,
            salary: pay.and_then(|(a, d)| {
                Salary::new(
                    Some(f64::from(a)),
                    Some(f64::from(a + d)),
                    "EUR",
                    Period::Year,
                )
            }),
            source,
            url,
            extra: Default::default(),
        })
}

fn bookmark() -> impl Strategy<Value = Bookmark> {
    (
        snapshot(),
        proptest::collection::vec(list_name(), 0..3),
        proptest::option::of(text()),
        proptest::collection::vec((status(), date()), 0..4),
        any::<bool>(),
        stamp(),
        stamp(),
    )
        .prop_map(|(snapshot, lists, note, history, hidden, a, b)| {
            // As jobdeck writes them: history oldest first, the status the last one set.
            let mut status_history: Vec<StatusChange> = history
                .into_iter()
                .map(|(status, date)| StatusChange { status, date })
                .collect();
            status_history.sort_by(|x, y| x.date.cmp(&y.date));
            let (added, updated) = if a <= b { (a, b) } else { (b, a) };
            Bookmark {
                id: String::new(),
                snapshot,
                lists,
                note,
                status: status_history.last().map(|c| c.status),
                status_history,
                hidden,
                added,
                updated,
                extra: Default::default(),
            }
        })
}

/// Shortlists as a file might hold them (hostile text, bad list names, ids not matching keys),
/// read through `from_json` so that they are what jobdeck works with.
fn shortlists() -> impl Strategy<Value = Shortlists> {
    (
        proptest::collection::vec(list_name(), 0..4),
        proptest::collection::btree_map("[a-f0-9]{2}", bookmark(), 0..6),
    )
        .prop_map(|(lists, bookmarks)| {
            let raw = Shortlists {
                lists,
                bookmarks,
                ..Shortlists::default()
            };
            Shortlists::from_json(&raw.to_json()).expect("jobdeck reads what it writes")
        })
}

fn merged(a: &Shortlists, b: &Shortlists) -> Shortlists {
    let mut m = a.clone();
    m.apply(&Change::Import(b.clone()), time::OffsetDateTime::UNIX_EPOCH)
        .expect("an import always applies");
    m
}

/// (id, list) pairs: what is bookmarked where.
fn memberships(s: &Shortlists) -> BTreeSet<(String, String)> {
    s.bookmarks
        .iter()
        .flat_map(|(id, b)| b.lists.iter().map(move |l| (id.clone(), l.clone())))
        .collect()
}

fn all_text_clean(s: &Shortlists) -> bool {
    let json = serde_json::to_value(s).unwrap();
    fn walk(v: &serde_json::Value, ok: &mut bool) {
        match v {
            serde_json::Value::String(s) => *ok &= jobdeck::sanitize::is_clean(s),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, ok)),
            serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
                *ok &= jobdeck::sanitize::is_clean(k);
                walk(x, ok)
            }),
            _ => {}
        }
    }
    let mut ok = true;
    walk(&json, &mut ok);
    ok
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn store_round_trips_through_json(s in shortlists()) {
        let back = Shortlists::from_json(&s.to_json()).expect("reads back");
        prop_assert_eq!(&back, &s);
        prop_assert!(s.lists.iter().any(|l| l == DEFAULT_LIST));
        prop_assert!(all_text_clean(&s), "unclean text survived reading: {}", s.to_json());
        for (id, b) in &s.bookmarks {
            prop_assert_eq!(id, &b.id);
            for l in &b.lists {
                prop_assert!(s.lists.contains(l), "{} is on unknown list {}", id, l);
            }
        }
    }

    #[test]
    fn merging_loses_nothing(a in shortlists(), b in shortlists()) {
        let m = merged(&a, &b);
        for (id, from) in a.bookmarks.iter().chain(&b.bookmarks) {
            let got = m.bookmarks.get(id);
            prop_assert!(got.is_some(), "{} lost", id);
            let got = got.unwrap();
            for l in &from.lists {
                prop_assert!(got.lists.contains(l), "{} lost list {}", id, l);
            }
            if let Some(n) = &from.note {
                let kept = got.note.as_deref().is_some_and(|g| g.contains(n.as_str()));
                prop_assert!(kept, "{} lost its note {:?}", id, n);
            }
            prop_assert!(!from.hidden || got.hidden, "{} lost hidden", id);
            for c in &from.status_history {
                prop_assert!(got.status_history.contains(c), "{} lost {:?}", id, c);
            }
            prop_assert!(from.status.is_none() || got.status.is_some());
        }
        for l in a.lists.iter().chain(&b.lists) {
            prop_assert!(m.lists.contains(l), "list {} lost", l);
        }
        let expected: BTreeSet<_> = memberships(&a).union(&memberships(&b)).cloned().collect();
        prop_assert_eq!(memberships(&m), expected);
        prop_assert!(all_text_clean(&m));
    }

    #[test]
    fn merging_is_idempotent(a in shortlists(), b in shortlists()) {
        prop_assert_eq!(&merged(&a, &a), &a);
        let ab = merged(&a, &b);
        prop_assert_eq!(&merged(&ab, &b), &ab);
    }

    #[test]
    fn merging_is_commutative_in_what_is_bookmarked(a in shortlists(), b in shortlists()) {
        let (ab, ba) = (merged(&a, &b), merged(&b, &a));
        prop_assert_eq!(memberships(&ab), memberships(&ba));
        let lists = |s: &Shortlists| s.lists.iter().cloned().collect::<BTreeSet<_>>();
        prop_assert_eq!(lists(&ab), lists(&ba));
        let facts = |s: &Shortlists| -> BTreeMap<String, (bool, Option<Status>)> {
            s.bookmarks
                .iter()
                .map(|(id, b)| (id.clone(), (b.hidden, b.status)))
                .collect()
        };
        prop_assert_eq!(facts(&ab), facts(&ba));
    }
}

// ---------------------------------------------------------------------------------------------
// Whatever a parser decodes is sanitized.

/// Hostile fragments as raw characters, JSON escapes and HTML character references.
fn hostile_fragment() -> impl Strategy<Value = (&'static str, &'static str, &'static str)> {
    // (raw, as a JSON escape, as an HTML reference)
    prop_oneof![
        Just(("\x1b[31m", "\\u001b[31m", "&#x1b;[31m")),
        Just((
            "\x1b]2;pwned\x07",
            "\\u001b]2;pwned\\u0007",
            "&#27;]2;pwned&#7;"
        )),
        Just((
            "\x1b]8;;http://e\x1b\\",
            "\\u001b]8;;http://e\\u001b\\\\",
            "&#x1b;]8;;http://e&#x1b;\\"
        )),
        Just((
            "\x1b]52;c;ZXZpbA==\x07",
            "\\u001b]52;c;ZXZpbA==\\u0007",
            "&#x1b;]52;c;ZXZpbA==&#x7;"
        )),
        Just(("\x1bPq\x1b\\", "\\u001bPq\\u001b\\\\", "&#x1b;Pq&#x1b;\\")),
        Just(("\u{9b}2J", "\\u009b2J", "&#x9b;2J")),
        Just(("\u{202e}", "\\u202e", "&#x202E;")),
        Just(("\u{2066}", "\\u2066", "&#x2066;")),
        Just(("\u{200b}", "\\u200b", "&#x200B;")),
        Just(("\u{7f}", "\\u007f", "&#127;")),
        Just(("\x08", "\\b", "&#8;")),
        Just(("\r", "\\r", "&#13;")),
    ]
}

fn laced(words: &[&str], frags: &[(usize, (&str, &str, &str))], pick: usize) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        for (at, f) in frags {
            if at % words.len() == i {
                out.push_str(match pick {
                    0 => f.0,
                    1 => f.1,
                    _ => f.2,
                });
            }
        }
        out.push_str(w);
        out.push(' ');
    }
    out
}

fn assert_posting_clean(p: &jobdeck::posting::Posting, input: &str) -> Result<(), TestCaseError> {
    let json = serde_json::to_value(p).unwrap();
    let mut texts = Vec::new();
    fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    strings(&json, &mut texts);
    for t in &texts {
        prop_assert!(jobdeck::sanitize::is_clean(t), "{:?} from {:?}", t, input);
    }
    let headline = [&p.title, &p.company, &p.team]
        .into_iter()
        .flatten()
        .chain(&p.locations);
    for h in headline {
        prop_assert!(
            !h.chars().any(jobdeck::sanitize::is_zero_width),
            "{:?} from {:?}",
            h,
            input
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..config() })]

    #[test]
    fn decoded_postings_carry_no_control_characters(
        frags in proptest::collection::vec((0usize..40, hostile_fragment()), 1..8),
    ) {
        let title = ["Senior", "Rust", "Engineer"];
        let company = ["Acme", "Widgets"];
        let body = [
            "We", "build", "payment", "systems", "in", "Rust", "and", "need", "help.", "Salary",
            "$100k-$120k", "per", "year.", "Location:", "Berlin,", "Germany",
        ];
        for pick in 0..3 {
            let (t, c, b) = (
                laced(&title, &frags, pick),
                laced(&company, &frags, pick),
                laced(&body, &frags, pick),
            );
            let (doc, name) = match pick {
                0 => (format!("{t}\nCompany: {c}\n\n{b}\n"), "a.txt"),
                1 => (
                    format!(
                        r#"{{"@type": "JobPosting", "title": "{t}", "hiringOrganization": {{"name": "{c}"}}, "description": "{b}", "jobLocation": {{"address": {{"addressLocality": "{c}"}}}}}}"#
                    ),
                    "a.json",
                ),
                _ => (
                    format!(
                        "<html><head><title>{t}</title></head><body><h1>{t}</h1><p>Company: {c}</p><p>{b}</p></body></html>"
                    ),
                    "a.html",
                ),
            };
            if let Ok(ps) = jobdeck::parse::parse_bytes(doc.as_bytes(), name) {
                for p in &ps {
                    assert_posting_clean(p, &doc)?;
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Description search.

/// Text made of few letters in both cases (so needles are often found, and often nearly
/// found), with a little punctuation and non-ASCII; long enough to take the SIMD path.
fn haystack() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(vec!['k', 'K', 'u', 'U', 'b', 'B', 'e', 'E', ' ']),
            1 => prop::sample::select(vec!['-', '.', '\n', 'é', 'ß', '\u{212A}']),
        ],
        0..300,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

proptest! {
    #![proptest_config(config())]

    /// The prepared finder agrees with the plain definition: some window of the text equals
    /// the needle, ignoring ASCII case.
    #[test]
    fn text_finder_finds_exactly_the_needles(hay in haystack(), needle in "[kube -]{1,6}") {
        let lower = needle.to_lowercase();
        let expected = hay
            .as_bytes()
            .windows(lower.len())
            .any(|w| w.eq_ignore_ascii_case(lower.as_bytes()));
        prop_assert_eq!(TextFinder::new(&lower).is_match(&hay), expected, "{:?} in {:?}", lower, hay);
    }
}
