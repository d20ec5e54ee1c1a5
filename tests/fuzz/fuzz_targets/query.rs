//! The query language: `Query::parse` on any text, then the query run against a few fixed
//! postings (search, narrowing, highlighting).
#![no_main]

use std::collections::BTreeSet;
use std::sync::{Arc, LazyLock};

use jobdeck::search::{self, Field, Query, SearchIndex};
use libfuzzer_sys::fuzz_target;

/// A handful of postings: the two built-in seeds and a few short ones with every field.
static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| {
    let files: &[(&str, &str)] = &[
        ("seeds/a.txt", include_str!("../../../seeds/000_94174371cd32a0e1.txt")),
        ("seeds/b.txt", include_str!("../../../seeds/001_a4c3ee89e374db77.txt")),
        (
            "c.txt",
            "Senior Rust Engineer\nAcme GmbH — Remote (Berlin, Germany)\n\nWe build anvils. \
             Full-time, €80k–100k per year. Skills: Rust, Kubernetes, PostgreSQL.",
        ),
        (
            "d.csv",
            "title,company,location,description\nStaff Engineer,İstanbul Ünlü,İzmir,Çok iyi \
             bir iş. Contract role\nData Scientist,Straße AG,München,ß and ẞ in text\n",
        ),
    ];
    let mut postings = Vec::new();
    for (name, text) in files {
        postings.extend(jobdeck::parse::parse_text(text, name).expect("sample parses"));
    }
    SearchIndex::new(postings.into_iter().map(Arc::new).collect())
});

fn indices(hits: &[search::Hit]) -> BTreeSet<u32> {
    hits.iter().map(|h| h.index).collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let q = Query::parse(input);
    for t in &q.terms {
        assert!(!t.text.trim().is_empty(), "empty term in {q:?}");
        assert_eq!(t.lower, t.text.to_lowercase());
    }
    let shown = q.to_string();
    let _ = Query::parse(&shown);

    let index = &*INDEX;
    let hits = index.search(&q);
    assert!(hits.len() <= index.len());
    assert_eq!(indices(&hits).len(), hits.len(), "a posting is hit twice");
    for h in &hits {
        let p = index.posting(h.index);
        let title = p.title.as_deref().unwrap_or("");
        let n = title.chars().count();
        for i in search::highlight(index.matcher(), title, Field::Title, &q) {
            assert!(i < n, "highlight {i} past the title's {n} chars");
        }
        let text = p.description_text();
        let n = text.chars().count();
        for i in search::highlight_text(&text, &q) {
            assert!(i < n, "highlight {i} past the text's {n} chars");
        }
    }

    // Typing: the query one character shorter, and half as long. When the new query narrows
    // the old one, searching among the old hits must find exactly what a full search finds.
    let cuts = [
        input.char_indices().last().map_or(0, |(i, _)| i),
        (0..=input.len() / 2)
            .rev()
            .find(|&i| input.is_char_boundary(i))
            .unwrap_or(0),
    ];
    for cut in cuts {
        let prev = Query::parse(&input[..cut]);
        if q.narrows(&prev) {
            let prev_hits = index.search(&prev);
            let within = index.search_within(&q, Some(&prev_hits));
            assert_eq!(
                indices(&within),
                indices(&hits),
                "{q:?} narrows {prev:?} but searching within its hits differs"
            );
        }
    }
});
