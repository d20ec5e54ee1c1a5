//! Loading a folder: cold (every file read and parsed, on both cores) and cached (the parse
//! cache is current: postings decoded from it), at 10,000 and 100,000 postings.
//!
//! The 100,000-posting corpus is generated on first use (about a minute, 420 MB under
//! `target/bench-data`); a cold load of it takes about 20 s an iteration.
//!
//! `start/gazetteer`: reading the place gazetteer, which every start that loads postings pays
//! once (`cargo bench --bench load -- start/`).

#[path = "support/mod.rs"]
mod support;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use jobdeck::corpus::{self, CorpusSource, LoadOptions};

fn load(c: &mut Criterion) {
    for count in [10_000, 100_000] {
        let source = CorpusSource::Paths(vec![support::corpus(count)]);
        let mut g = c.benchmark_group(format!("load/{count}"));
        g.sample_size(10);
        g.measurement_time(Duration::from_secs(if count > 10_000 { 60 } else { 20 }));
        g.bench_function("cold", |b| {
            b.iter(|| {
                let report = corpus::load(&source, &LoadOptions::default());
                assert!(report.postings.len() >= count * 9 / 10);
                report.postings.len()
            })
        });
        let opts = support::cached(&format!("load-{count}"));
        corpus::load(&source, &opts); // fills the cache
        assert!(corpus::cache_is_fresh(&[support::corpus(count)], &opts));
        g.measurement_time(Duration::from_secs(20));
        g.bench_function("cached", |b| {
            b.iter(|| {
                let report = corpus::load(&source, &opts);
                assert!(report.postings.len() >= count * 9 / 10);
                report.postings.len()
            })
        });
        g.finish();
    }
}

fn start(c: &mut Criterion) {
    c.bench_function("start/gazetteer", |b| {
        b.iter(|| jobdeck::places::Gazetteer::load().map(|g| g.group("EU").is_some()))
    });
}

criterion_group!(benches, start, load);
criterion_main!(benches);
