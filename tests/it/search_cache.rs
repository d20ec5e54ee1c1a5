//! `jobdeck search` ranks from the parse cache's headline records when no folder changed; its
//! answers must be exactly those of a full load.

use jobdeck::cli::search_postings;
use jobdeck::corpus::{CorpusSource, LoadOptions, load};
use jobdeck::search::Query;

fn write(dir: &std::path::Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn folder() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "a/rust.txt",
        "Senior Rust Engineer\nCompany: Ferrous\nLocation: Berlin, Germany\nRemote.\nWe write Rust and SQL.",
    );
    write(
        d.path(),
        "a/go.txt",
        "Go Developer\nCompany: Gopherco\nLocation: Austin, TX\nOn-site.\nWe write Go.",
    );
    write(
        d.path(),
        "b/data.txt",
        "Data Scientist\nCompany: Numbers Inc\nLocation: Remote (US)\nType: Contract\nPython and SQL.",
    );
    write(
        d.path(),
        "b/copy-of-rust.txt",
        "Senior Rust Engineer\nCompany: Ferrous\nLocation: Berlin, Germany\nRemote.\nWe write Rust and SQL.",
    );
    write(d.path(), "b/empty.txt", "");
    d
}

fn titles(found: &[(jobdeck::posting::Posting, i64)]) -> Vec<(String, String, i64)> {
    found
        .iter()
        .map(|(p, s)| (p.title.clone().unwrap_or_default(), p.source.clone(), *s))
        .collect()
}

#[test]
fn the_cached_search_answers_like_a_full_load() {
    let dir = folder();
    let cache = tempfile::tempdir().unwrap();
    let opts = LoadOptions::cached(cache.path().to_path_buf());
    let source = CorpusSource::Paths(vec![dir.path().to_path_buf()]);
    // A first load writes the cache.
    assert!(!jobdeck::corpus::cache_is_fresh(
        &[dir.path().to_path_buf()],
        &opts
    ));
    let _ = load(&source, &opts);
    assert!(
        jobdeck::corpus::cache_is_fresh(&[dir.path().to_path_buf()], &opts),
        "current after a load"
    );
    let uncached = LoadOptions::default();
    for q in [
        "rust",
        "s",
        "ferrous",
        "mode:remote",
        "type:contract",
        "level:senior",
        "loc:berlin",
        "skill:sql !go",
        "zzz",
        "",
    ] {
        let query = Query::parse(q);
        let fast = search_postings(&source, &opts, &query, 10);
        let full = search_postings(&source, &uncached, &query, 10);
        assert_eq!(titles(&fast), titles(&full), "query {q:?}");
        assert!(
            fast.iter()
                .all(|(p, _)| p.sections.iter().any(|s| !s.body.is_empty())),
            "whole postings are printed"
        );
    }
    // The posting saved twice is listed once.
    let rust = search_postings(&source, &opts, &Query::parse("ferrous"), 10);
    assert_eq!(rust.len(), 1);
}

#[test]
fn a_new_file_makes_the_cache_stale() {
    let dir = folder();
    let cache = tempfile::tempdir().unwrap();
    let opts = LoadOptions::cached(cache.path().to_path_buf());
    let source = CorpusSource::Paths(vec![dir.path().to_path_buf()]);
    let _ = load(&source, &opts);
    write(
        dir.path(),
        "a/new.txt",
        "Kotlin Developer\nCompany: Jetco\nWe write Kotlin.",
    );
    assert!(!jobdeck::corpus::cache_is_fresh(
        &[dir.path().to_path_buf()],
        &opts
    ));
    let found = search_postings(&source, &opts, &Query::parse("kotlin"), 10);
    assert_eq!(found.len(), 1, "the new file is found (full load)");
    assert!(
        jobdeck::corpus::cache_is_fresh(&[dir.path().to_path_buf()], &opts),
        "and the cache is current again"
    );
}

#[test]
fn text_queries_read_the_descriptions() {
    let dir = folder();
    let cache = tempfile::tempdir().unwrap();
    let opts = LoadOptions::cached(cache.path().to_path_buf());
    let source = CorpusSource::Paths(vec![dir.path().to_path_buf()]);
    let _ = load(&source, &opts);
    let found = search_postings(&source, &opts, &Query::parse("text:kotlin"), 10);
    assert!(found.is_empty());
    let found = search_postings(&source, &opts, &Query::parse("text:python"), 10);
    assert_eq!(found.len(), 1);
}

/// A cache file copied over another folder's (or any cache not built for the folders asked
/// for) is no cache: `search` answers from the folder itself, never with the other folder's
/// postings.
#[test]
fn a_cache_copied_from_another_folder_is_not_used() {
    let one = folder();
    let other = tempfile::tempdir().unwrap();
    write(
        other.path(),
        "x.txt",
        "Rust Compiler Engineer\nCompany: Oxide Other\nLocation: Lisbon\nWe write Rust.",
    );
    let cache = tempfile::tempdir().unwrap();
    let opts = LoadOptions::cached(cache.path().to_path_buf());
    let _ = load(&CorpusSource::Paths(vec![one.path().to_path_buf()]), &opts);
    let theirs = jobdeck::corpus::cache::cache_file(cache.path(), &[one.path().to_path_buf()]);
    let mine = jobdeck::corpus::cache::cache_file(cache.path(), &[other.path().to_path_buf()]);
    std::fs::copy(&theirs, &mine).unwrap();
    assert!(!jobdeck::corpus::cache_is_fresh(
        &[other.path().to_path_buf()],
        &opts
    ));
    let source = CorpusSource::Paths(vec![other.path().to_path_buf()]);
    let found = search_postings(&source, &opts, &Query::parse("rust"), 10);
    let companies: Vec<_> = found
        .iter()
        .map(|(p, _)| p.company.clone().unwrap_or_default())
        .collect();
    assert_eq!(companies, ["Oxide Other"]);
}

/// A thawed index finds what a fresh one finds, the places' names (`loc:india` for
/// "Bangalore") included.
#[test]
fn a_thawed_index_finds_what_the_fresh_one_finds() {
    use jobdeck::search::{Query, SearchIndex};
    use std::sync::Arc;
    let report = jobdeck::corpus::load(
        &jobdeck::corpus::CorpusSource::Seeds,
        &jobdeck::corpus::LoadOptions::default(),
    );
    let postings: Vec<Arc<jobdeck::posting::Posting>> =
        report.postings.into_iter().map(Arc::new).collect();
    let fresh = SearchIndex::new(postings);
    let thawed = SearchIndex::thaw(&fresh.freeze()).expect("thaws");
    for q in ["backend", "engineer", "loc:india", "loc:\"san francisco\""] {
        let q = Query::parse(q);
        let ids = |ix: &SearchIndex| ix.search(&q).iter().map(|h| h.index).collect::<Vec<_>>();
        assert_eq!(ids(&fresh), ids(&thawed), "{q}");
    }
    assert_eq!(fresh.search(&Query::parse("loc:india")).len(), 2);
}
