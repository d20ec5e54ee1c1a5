//! The shortlists pane over 2,000 bookmarks: ordering the bookmarks oldest first (what the pane
//! does for every frame it draws) and drawing a 120x35 frame with the pane open on the list.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use jobdeck::app::{Action, StoreReport};
use jobdeck::posting::{Posting, posting_id};
use jobdeck::store::{Change, DEFAULT_LIST, Shortlists, Snapshot};
use jobdeck::tui::headless::Headless;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const COUNT: usize = 2_000;

fn postings() -> Vec<Posting> {
    (0..COUNT)
        .map(|i| {
            let mut p = Posting {
                title: Some(format!("Engineer {i}")),
                company: Some(format!("Company {}", i % 97)),
                source: format!("p{i}.txt"),
                ..Default::default()
            };
            p.id = posting_id(&p);
            p
        })
        .collect()
}

/// Every posting bookmarked, one a second in reverse, so the order by time is not the id order.
fn bookmarked(postings: &[Posting]) -> Shortlists {
    let start = time::macros::datetime!(2026-03-01 10:00:00.123 +01:00);
    let mut s = Shortlists::default();
    for (i, p) in postings.iter().enumerate() {
        let change = Change::Add {
            snapshot: Snapshot::of(p),
            id: p.id.clone(),
            list: DEFAULT_LIST.into(),
        };
        let at = start + time::Duration::milliseconds(((COUNT - i) * 1_001) as i64);
        s.apply(&change, at).unwrap();
    }
    s
}

fn shortlists(c: &mut Criterion) {
    let postings = postings();
    let s = bookmarked(&postings);
    let mut g = c.benchmark_group("shortlists 2,000 bookmarks");
    g.bench_function("sorted oldest first", |b| b.iter(|| s.sorted().len()));
    let mut h = Headless::new(postings, (120, 35));
    h.send(Action::StoreUpdated(Box::new(StoreReport::of(Arc::new(s)))));
    h.press("l");
    h.press("j");
    assert!(
        h.screen().contains("Saved — 2000 postings"),
        "{}",
        h.screen()
    );
    let mut term = Terminal::new(TestBackend::new(120, 35)).unwrap();
    g.bench_function("a frame with the shortlists pane, 120x35", |b| {
        b.iter(|| {
            term.draw(|f| jobdeck::ui::draw(f, &h.app))
                .unwrap()
                .area
                .width
        })
    });
    g.finish();
}

criterion_group!(benches, shortlists);
criterion_main!(benches);
