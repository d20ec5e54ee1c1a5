//! The shortlists loader on any bytes, as `Store` reads the file: UTF-8, then
//! `Shortlists::from_json`. What loads must be consistent, save and re-load to the same state,
//! export, and import into an empty store without losing an entry.
#![no_main]

use jobdeck::sanitize::{clean_field, is_clean};
use jobdeck::store::{Change, DEFAULT_LIST, Shortlists, export};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(s) = Shortlists::from_json(text) else {
        return;
    };
    // Normalized: the default list exists, lists are unique and clean, every list an entry is
    // on is known, ids match their keys, text is free of control characters.
    assert!(s.lists.iter().any(|l| l == DEFAULT_LIST));
    for (i, l) in s.lists.iter().enumerate() {
        assert_eq!(&clean_field(l), l);
        assert!(!s.lists[..i].contains(l), "list {l:?} twice");
    }
    for (id, b) in &s.bookmarks {
        assert_eq!(&b.id, id);
        assert!(!id.trim().is_empty());
        for l in &b.lists {
            assert!(s.lists.contains(l), "entry on unknown list {l:?}");
        }
        if let Some(n) = &b.note {
            assert!(is_clean(n), "note {n:?}");
        }
        let snap = &b.snapshot;
        for v in [&snap.title, &snap.company, &snap.url].into_iter().flatten() {
            assert_eq!(&clean_field(v), v);
        }
        for v in &snap.locations {
            assert_eq!(&clean_field(v), v);
        }
        assert_eq!(clean_field(&snap.source), snap.source);
    }

    // Save and re-load.
    let json = s.to_json();
    let back = Shortlists::from_json(&json).expect("a saved file loads");
    assert_eq!(back, s, "save and re-load changed the shortlists");
    assert_eq!(back.to_json(), json);

    // Exports.
    assert_eq!(export::json(&s), json);
    let md = export::markdown(&s);
    assert!(is_clean(&md), "markdown export holds control characters");
    let _ = export::csv(&s).expect("CSV export");

    // Import into an empty store: every entry arrives.
    let mut fresh = Shortlists::default();
    let now = time::OffsetDateTime::UNIX_EPOCH;
    fresh
        .apply(&Change::Import(s.clone()), now)
        .expect("importing a loaded file");
    for id in s.bookmarks.keys() {
        assert!(fresh.get(id).is_some(), "import lost {id:?}");
    }
});
