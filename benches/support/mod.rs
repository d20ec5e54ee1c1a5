//! What the benchmarks share: the synthetic corpus (generated once by the same generator as
//! `cargo run --release --example gen_corpus`, then reused) and its postings.
#![allow(dead_code)]

#[allow(dead_code, unused_imports)]
#[path = "../../examples/gen_corpus.rs"]
mod gen_corpus;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jobdeck::corpus::{self, CorpusSource, LoadOptions};
use jobdeck::posting::Posting;

/// Where generated corpora and the benchmarks' parse caches live:
/// `$JOBDECK_BENCH_DIR`, else `target/bench-data`.
pub fn data_dir() -> PathBuf {
    std::env::var_os("JOBDECK_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data"))
}

/// The corpus of `count` postings (seed 42), generated on first use.
pub fn corpus(count: usize) -> PathBuf {
    let dir = data_dir().join(format!("corpus-{count}"));
    let done = dir.join(".complete");
    if !done.exists() {
        eprintln!("generating {count} postings into {} …", dir.display());
        let summary = gen_corpus::generate(&gen_corpus::Options {
            count,
            out: dir.clone(),
            seed: 42,
            force: true,
        })
        .expect("generate the benchmark corpus");
        eprintln!("{summary}");
        std::fs::write(&done, b"seed 42\n").expect("mark the corpus complete");
    }
    dir
}

/// Loading options with a parse cache of the benchmarks' own (`name` keeps caches apart).
pub fn cached(name: &str) -> LoadOptions {
    LoadOptions::cached(data_dir().join(format!("cache-{name}")))
}

/// The postings of the `count` corpus (through a parse cache, so only the first run parses).
pub fn postings(count: usize) -> Vec<Posting> {
    let report = corpus::load(
        &CorpusSource::Paths(vec![corpus(count)]),
        &cached(&format!("postings-{count}")),
    );
    assert!(
        report.postings.len() >= count * 9 / 10,
        "the corpus loads: {} postings",
        report.postings.len()
    );
    report.postings
}

pub fn shared(postings: &[Posting]) -> Vec<Arc<Posting>> {
    postings.iter().cloned().map(Arc::new).collect()
}

/// Every file under `dir`, in path order.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.into_path())
        .collect();
    out.sort();
    out
}
