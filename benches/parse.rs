//! Parse throughput per format, in MB/s: the generator's four formats (2,000-posting corpus)
//! and the hand-labelled evaluation postings of every format (`tests/fixtures/eval`).
//!
//! The whole shared corpus, cold (`jobdeck parse ../shared/corpus` with an empty
//! `JOBDECK_CACHE_DIR`, release build), on the 2-core machine shared with other builds (load
//! average 4.7–6.2), alternating with the build before the speed work: 13.1–16.5 s wall,
//! 10.1–10.5 s user, 330 MB peak, against 21.2–22.9 s wall, 12.2–12.3 s user, 288 MB; at load
//! 3–4: 7.7–10.1 s wall, 6.7–7.0 s user against 9.8–14.5 s wall, 7.6–8.0 s user (goal
//! ≈ 4.7 s wall idle; the idle figure before the work was 7.2–7.4 s wall, 11.5–11.7 s user).
//! One-thread instruction counts (valgrind cachegrind, 304 files of the corpus): 6.96 G before,
//! 6.63 G after, of which 1.5 G is building the vocabularies, gazetteers and patterns once.
//! See the README's performance table.

#[path = "support/mod.rs"]
mod support;

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Up to `budget` bytes of the files under `dir`.
fn sample(dir: &Path, budget: usize) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut total = 0;
    for path in support::files(dir) {
        if total >= budget {
            break;
        }
        let bytes = std::fs::read(&path).expect("read a corpus file");
        total += bytes.len();
        out.push((path.to_string_lossy().into_owned(), bytes));
    }
    out
}

fn bench_files(c: &mut Criterion, name: &str, files: &[(String, Vec<u8>)]) {
    if files.is_empty() {
        return;
    }
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function(name, |b| {
        b.iter(|| {
            let mut n = 0;
            for (source, bytes) in files {
                n += jobdeck::parse::parse_bytes(bytes, source).map_or(0, |p| p.len());
            }
            assert!(n > 0, "{name}: the sample parses");
            n
        })
    });
    g.finish();
}

fn parse(c: &mut Criterion) {
    let generated = support::corpus(2_000);
    for format in ["text", "jsonl", "html", "hn"] {
        let files = sample(&generated.join(format), 4 << 20);
        bench_files(c, &format!("generated/{format}"), &files);
    }
    let eval = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval");
    for format in ["text", "markdown", "html", "json", "csv", "hn"] {
        let files = sample(&eval.join(format), usize::MAX);
        bench_files(c, &format!("eval/{format}"), &files);
    }
}

/// Building the vocabularies from their files, as the first posting of a run does (a start's
/// cost: each pattern is compiled later, at its first use).
fn vocabularies(c: &mut Criterion) {
    let mut g = c.benchmark_group("start");
    g.sample_size(20);
    g.bench_function("vocabularies", |b| {
        b.iter(jobdeck::parse::vocab::Vocab::load)
    });
    g.finish();
}

criterion_group!(benches, vocabularies, parse);
criterion_main!(benches);
