//! What a person waits for in the browser, over 100,000 postings: the search per keystroke
//! (typing "senior backend engineer" one character at a time, each query searching only the
//! previous one's matches, as the search worker does), a `text:` description search, the
//! facet counts and sort of a result set, drawing a 200x60 frame, and a paste of a megabyte
//! into the search bar and a note (one-line fields keep 4,096 characters of it, notes 64 Ki),
//! and scrolling the detail pane through a long description.
//!
//! Besides criterion's estimates, the keystroke benchmark prints the median and p99 over
//! repeated typing of the whole sentence: those are the numbers the README reports.

#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jobdeck::facets::{FacetIndex, FacetValue, Filters, SortKey, ViewContext};
use jobdeck::posting::WorkMode;
use jobdeck::search::{Hit, Query, SearchIndex};
use jobdeck::tui::headless::Headless;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const COUNT: usize = 100_000;
const TYPED: &str = "senior backend engineer";

/// One keystroke as the worker answers it: narrowing when the query extends the last one.
fn keystroke(
    index: &SearchIndex,
    prev: Option<&(Query, Vec<Hit>)>,
    input: &str,
) -> (Query, Vec<Hit>) {
    let query = Query::parse(input);
    let hits = match prev {
        Some((q, hits)) if query.narrows(q) => index.search_within(&query, Some(hits)),
        _ => index.search(&query),
    };
    (query, hits)
}

fn prefixes() -> Vec<&'static str> {
    TYPED
        .char_indices()
        .map(|(i, c)| &TYPED[..i + c.len_utf8()])
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank]
}

fn search(c: &mut Criterion) {
    let postings = support::postings(COUNT);
    let index = SearchIndex::new(support::shared(&postings));
    let text_bytes: usize = postings
        .iter()
        .flat_map(|p| &p.sections)
        .map(|s| s.body.len() + s.heading.as_ref().map_or(0, String::len))
        .sum();
    println!(
        "{} postings, {:.0} MB of description text (what a text: search reads)",
        postings.len(),
        text_bytes as f64 / 1e6
    );

    // Typing the whole sentence, many times: the distribution of one keystroke's search.
    let mut times = Vec::new();
    for _ in 0..40 {
        let mut prev = None;
        for input in prefixes() {
            let start = Instant::now();
            let next = keystroke(&index, prev.as_ref(), input);
            times.push(start.elapsed());
            prev = Some(next);
        }
    }
    times.sort();
    println!(
        "keystroke search over {} postings, {} keystrokes: median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        index.len(),
        times.len(),
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times.last().unwrap().as_secs_f64() * 1e3,
    );

    let mut g = c.benchmark_group("keystroke");
    let mut prev: Option<(Query, Vec<Hit>)> = None;
    for (n, input) in prefixes().into_iter().enumerate() {
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("{:02} {input}", n + 1)),
            &input,
            |b, input| b.iter(|| keystroke(&index, prev.as_ref(), input).1.len()),
        );
        prev = Some(keystroke(&index, prev.as_ref(), input));
    }
    g.finish();

    let mut g = c.benchmark_group("search");
    g.bench_function("type the whole query", |b| {
        b.iter(|| {
            let mut prev = None;
            for input in prefixes() {
                prev = Some(keystroke(&index, prev.as_ref(), input));
            }
            prev.map(|p| p.1.len())
        })
    });
    for q in [
        "text:kubernetes",
        "text:\"on-call rotation\"",
        "rust text:kubernetes",
    ] {
        let query = Query::parse(q);
        assert!(!index.search(&query).is_empty(), "{q} matches something");
        g.bench_function(q, |b| b.iter(|| index.search(&query).len()));
    }
    g.finish();
}

fn facets(c: &mut Criterion) {
    let postings = support::postings(COUNT);
    let mut facets = FacetIndex::default();
    facets.extend(postings.iter(), time::macros::date!(2026 - 11 - 23));
    let all: Vec<u32> = (0..postings.len() as u32).collect();
    let mut remote = Filters::default();
    remote.toggle(FacetValue::Mode(Some(WorkMode::Remote)));
    remote.toggle(FacetValue::SalaryAtLeast(150));
    let mut g = c.benchmark_group("facets");
    for (name, filters, sort) in [
        (
            "counts, no filter, corpus order",
            &Filters::default(),
            SortKey::Relevance,
        ),
        (
            "counts, no filter, by salary",
            &Filters::default(),
            SortKey::Salary,
        ),
        (
            "counts, no filter, by title",
            &Filters::default(),
            SortKey::Title,
        ),
        ("counts, remote + 150k, by salary", &remote, SortKey::Salary),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                facets
                    .view(&all, filters, sort, &ViewContext::EMPTY)
                    .rows
                    .len()
            })
        });
    }
    g.finish();
}

/// Times drawing one whole frame of the app as it stands.
fn draw_frame(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    term: &mut Terminal<TestBackend>,
    h: &Headless,
) {
    g.bench_function(name, |b| {
        b.iter(|| {
            term.draw(|f| jobdeck::ui::draw(f, &h.app))
                .unwrap()
                .area
                .width
        })
    });
}

fn render(c: &mut Criterion) {
    let postings = support::postings(COUNT);
    let mut h = Headless::new(postings, (200, 60));
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut g = c.benchmark_group("render 200x60");
    draw_frame(&mut g, "list and detail", &mut term, &h);
    h.press("/");
    h.type_str("senior backend");
    h.press("Enter");
    assert!(!h.app.model.listing.rows.is_empty());
    draw_frame(&mut g, "with a query highlighted", &mut term, &h);
    h.press("f");
    draw_frame(&mut g, "with the filter pane", &mut term, &h);
    g.finish();
}

/// A megabyte pasted where the keyboard is: the search bar (which starts a search of what it
/// keeps) and the note editor. (The insert was one character at a time into the middle of a
/// string: 100 KB took 3.2 s, 400 KB 43 s.)
fn paste(c: &mut Criterion) {
    let text: String = "lorem ipsum dolor sit amet\n".repeat(1 << 20 >> 5);
    let mut g = c.benchmark_group("paste 1 MB");
    g.bench_function("into the search bar", |b| {
        b.iter_batched(
            || Headless::new(support::postings(100), (120, 35)),
            |mut h| {
                h.send(jobdeck::app::Action::Paste(text.clone()));
                h.app.view.input.text().len()
            },
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("into a note", |b| {
        b.iter_batched(
            || {
                let mut h = Headless::new(support::postings(100), (120, 35));
                h.press("n");
                h
            },
            |mut h| {
                h.send(jobdeck::app::Action::Paste(text.clone()));
                h.app.view.message.is_some()
            },
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

/// Scrolling the detail pane through a long description (180 KB, and 20 MB, which is laid out
/// only in part): a key and the frame after it. The description is laid out once per posting,
/// width and query, so a key costs the header and the visible lines (it cost 12.6 ms a key and
/// 10.8 ms a frame for 180 KB when everything was laid out again each time).
fn detail_scroll(c: &mut Criterion) {
    let mut g = c.benchmark_group("detail pane 120x35");
    for (name, bytes) in [("180 KB", 180 << 10), ("20 MB", 20 << 20)] {
        let mut p = support::postings(100).swap_remove(0);
        let paragraph = "lorem ipsum dolor sit amet consectetur adipiscing elit\n";
        p.sections = vec![jobdeck::posting::Section {
            heading: Some("About".into()),
            body: paragraph.repeat(bytes / paragraph.len()),
        }];
        let mut h = Headless::new(vec![p], (120, 35));
        h.press("tab");
        h.press("j");
        let mut down = false;
        g.bench_function(format!("a scroll key and its frame, {name}"), |b| {
            b.iter(|| {
                down = !down;
                h.press(if down { "j" } else { "k" });
                h.app.view.detail_scroll
            })
        });
    }
    g.finish();
}

criterion_group!(benches, search, facets, render, paste, detail_scroll);
criterion_main!(benches);
