//! Unit tests of the pure model: what each change does to [`Shortlists`].

use time::macros::datetime;

use super::*;
use crate::posting::Period;

fn snap(title: &str) -> Snapshot {
    Snapshot {
        title: Some(title.into()),
        company: Some("Ferrous".into()),
        locations: vec!["Berlin".into()],
        salary: Salary::new(Some(90_000.0), Some(120_000.0), "EUR", Period::Year),
        source: format!("{title}.txt"),
        url: Some("https://example.com/job".into()),
        extra: Map::new(),
    }
}

const T1: OffsetDateTime = datetime!(2026-03-01 10:00 +01:00);
const T2: OffsetDateTime = datetime!(2026-03-05 23:30 +01:00);
const T3: OffsetDateTime = datetime!(2026-03-09 08:15 +01:00);

fn add(id: &str, list: &str) -> Change {
    Change::Add {
        snapshot: snap(id),
        id: id.into(),
        list: list.into(),
    }
}

#[test]
fn default_store_has_the_default_list() {
    let s = Shortlists::default();
    assert_eq!(s.version, 1);
    assert_eq!(s.lists, [DEFAULT_LIST]);
    assert!(s.bookmarks.is_empty());
}

#[test]
fn status_cycles_in_order_and_parses_names() {
    let mut s = Status::Saved;
    let mut seen = vec![s];
    for _ in 0..5 {
        s = s.next();
        seen.push(s);
    }
    assert_eq!(seen, Status::ALL);
    assert_eq!(Status::Withdrawn.next(), Status::Saved);
    for st in Status::ALL {
        assert_eq!(Status::from_name(st.as_str()), Some(*st));
        assert_eq!(
            serde_json::to_string(st).unwrap(),
            format!("\"{}\"", st.as_str())
        );
    }
    assert_eq!(
        Status::from_name(" Interviewing "),
        Some(Status::Interviewing)
    );
    assert_eq!(Status::from_name("ghosted"), None);
}

#[test]
fn add_creates_entry_with_saved_status_and_dated_history() {
    let mut s = Shortlists::default();
    s.apply(&add("a", DEFAULT_LIST), T1).unwrap();
    let b = s.get("a").unwrap();
    assert_eq!(b.lists, [DEFAULT_LIST]);
    assert_eq!(b.status, Some(Status::Saved));
    assert_eq!(
        b.status_history,
        [StatusChange {
            status: Status::Saved,
            date: "2026-03-01".into()
        }]
    );
    assert_eq!(b.added, Some(T1));
    assert_eq!(b.snapshot.title.as_deref(), Some("a"));
    assert!(s.is_saved("a") && s.in_list("a", DEFAULT_LIST) && !s.is_hidden("a"));

    // Idempotent: adding again changes nothing but the updated stamp.
    let before = s.clone();
    s.apply(&add("a", DEFAULT_LIST), T2).unwrap();
    let (x, y) = (before.get("a").unwrap(), s.get("a").unwrap());
    assert_eq!(x.lists, y.lists);
    assert_eq!(x.status_history, y.status_history);
    assert_eq!(y.updated, Some(T2));
}

#[test]
fn add_to_a_new_list_creates_it_and_keeps_other_lists() {
    let mut s = Shortlists::default();
    s.apply(&add("a", DEFAULT_LIST), T1).unwrap();
    s.apply(&add("a", "Dream jobs"), T2).unwrap();
    assert_eq!(s.lists, [DEFAULT_LIST, "Dream jobs"]);
    assert_eq!(s.get("a").unwrap().lists, [DEFAULT_LIST, "Dream jobs"]);
    assert_eq!(s.ids_in_list("Dream jobs"), ["a"]);
    // Only one history entry: the status was already "saved".
    assert_eq!(s.get("a").unwrap().status_history.len(), 1);
}

#[test]
fn add_refreshes_the_snapshot_when_the_posting_moved() {
    let mut s = Shortlists::default();
    s.apply(&add("a", DEFAULT_LIST), T1).unwrap();
    let mut moved = snap("a");
    moved.source = "archive/2026/a.txt".into();
    s.apply(
        &Change::Add {
            snapshot: moved,
            id: "a".into(),
            list: DEFAULT_LIST.into(),
        },
        T2,
    )
    .unwrap();
    assert_eq!(s.get("a").unwrap().snapshot.source, "archive/2026/a.txt");
}

#[test]
fn invalid_list_names_and_empty_ids_are_refused() {
    let mut s = Shortlists::default();
    for bad in ["", "evil\u{1b}[31m", "two\nlines", " padded "] {
        assert!(matches!(
            s.apply(&add("a", bad), T1),
            Err(ChangeError::InvalidListName(_))
        ));
    }
    assert_eq!(
        s.apply(&add("  ", DEFAULT_LIST), T1),
        Err(ChangeError::EmptyId)
    );
    assert!(s.bookmarks.is_empty());
}

#[test]
fn remove_drops_plain_entries_and_keeps_ones_worth_keeping() {
    let mut s = Shortlists::default();
    s.apply(&add("plain", DEFAULT_LIST), T1).unwrap();
    s.apply(&add("noted", DEFAULT_LIST), T1).unwrap();
    s.apply(
        &Change::SetNote {
            snapshot: snap("noted"),
            id: "noted".into(),
            note: Some("call Ana\nbefore Friday".into()),
        },
        T1,
    )
    .unwrap();
    s.apply(&add("applied", DEFAULT_LIST), T1).unwrap();
    s.apply(
        &Change::SetStatus {
            snapshot: snap("applied"),
            id: "applied".into(),
            status: Status::Applied,
        },
        T2,
    )
    .unwrap();
    for id in ["plain", "noted", "applied"] {
        s.apply(
            &Change::Remove {
                id: id.into(),
                list: None,
            },
            T3,
        )
        .unwrap();
    }
    assert!(s.get("plain").is_none());
    let noted = s.get("noted").unwrap();
    assert!(noted.lists.is_empty() && !s.is_saved("noted"));
    assert_eq!(noted.note.as_deref(), Some("call Ana\nbefore Friday"));
    assert_eq!(s.get("applied").unwrap().status, Some(Status::Applied));
    // Removing what is not there is an error (the caller tells the user).
    assert_eq!(
        s.apply(
            &Change::Remove {
                id: "plain".into(),
                list: None
            },
            T3
        ),
        Err(ChangeError::NotBookmarked("plain".into()))
    );
}

#[test]
fn remove_from_one_list_keeps_the_others() {
    let mut s = Shortlists::default();
    s.apply(&add("a", DEFAULT_LIST), T1).unwrap();
    s.apply(&add("a", "Later"), T1).unwrap();
    s.apply(
        &Change::Remove {
            id: "a".into(),
            list: Some(DEFAULT_LIST.into()),
        },
        T2,
    )
    .unwrap();
    assert_eq!(s.get("a").unwrap().lists, ["Later"]);
    assert!(matches!(
        s.apply(
            &Change::Remove {
                id: "a".into(),
                list: Some(DEFAULT_LIST.into())
            },
            T2
        ),
        Err(ChangeError::NotOnList { .. })
    ));
}

#[test]
fn toggle_adds_then_removes() {
    let mut s = Shortlists::default();
    let t = Change::Toggle {
        snapshot: snap("a"),
        id: "a".into(),
        list: DEFAULT_LIST.into(),
    };
    s.apply(&t, T1).unwrap();
    assert!(s.in_list("a", DEFAULT_LIST));
    s.apply(&t, T2).unwrap();
    assert!(s.get("a").is_none());
    // Resolved against what the user saw, a toggle re-applies as what it meant.
    assert!(matches!(s.resolve(t.clone()), Change::Add { .. }));
    s.apply(&t, T2).unwrap();
    assert!(matches!(s.resolve(t), Change::Remove { .. }));
}

#[test]
fn set_status_records_history_and_saves_unsaved_postings() {
    let mut s = Shortlists::default();
    let set = |st| Change::SetStatus {
        snapshot: snap("a"),
        id: "a".into(),
        status: st,
    };
    s.apply(&set(Status::Applied), T1).unwrap();
    assert!(s.in_list("a", DEFAULT_LIST));
    s.apply(&set(Status::Applied), T2).unwrap(); // same status: no new history entry
    s.apply(&set(Status::Interviewing), T3).unwrap();
    let b = s.get("a").unwrap();
    assert_eq!(b.status, Some(Status::Interviewing));
    assert_eq!(
        b.status_history
            .iter()
            .map(|c| (c.status, c.date.as_str()))
            .collect::<Vec<_>>(),
        [
            (Status::Applied, "2026-03-01"),
            (Status::Interviewing, "2026-03-09")
        ]
    );
    assert_eq!(b.status_date(), Some("2026-03-09"));
}

#[test]
fn status_date_is_the_local_date_of_now() {
    let mut s = Shortlists::default();
    // 23:30 on the 5th at +01:00 is already the 6th in UTC: the local date counts.
    s.apply(&add("a", DEFAULT_LIST), T2).unwrap();
    assert_eq!(s.get("a").unwrap().status_history[0].date, "2026-03-05");
}

#[test]
fn cycle_status_walks_the_cycle_with_dates() {
    let mut s = Shortlists::default();
    let cycle = Change::CycleStatus {
        snapshot: snap("a"),
        id: "a".into(),
    };
    s.apply(&cycle, T1).unwrap(); // not saved yet: becomes saved, on the default list
    assert_eq!(s.get("a").unwrap().status, Some(Status::Saved));
    assert!(s.in_list("a", DEFAULT_LIST));
    let mut seen = vec![Status::Saved];
    for _ in 0..6 {
        s.apply(&cycle, T2).unwrap();
        seen.push(s.get("a").unwrap().status.unwrap());
    }
    assert_eq!(
        seen,
        [
            Status::Saved,
            Status::Applied,
            Status::Interviewing,
            Status::Offer,
            Status::Rejected,
            Status::Withdrawn,
            Status::Saved
        ]
    );
    let h = &s.get("a").unwrap().status_history;
    assert_eq!(h.len(), 7);
    assert!(h[1..].iter().all(|c| c.date == "2026-03-05"));
}

#[test]
fn notes_are_multiline_sanitized_and_cleared_by_blank() {
    let mut s = Shortlists::default();
    let note = |n: Option<&str>| Change::SetNote {
        snapshot: snap("a"),
        id: "a".into(),
        note: n.map(String::from),
    };
    s.apply(&note(None), T1).unwrap();
    assert!(
        s.get("a").is_none(),
        "clearing a note of nothing creates nothing"
    );
    s.apply(&note(Some("line one\r\nline \u{1b}[31mtwo\n\n")), T1)
        .unwrap();
    let b = s.get("a").unwrap();
    assert_eq!(b.note.as_deref(), Some("line one\nline two"));
    assert!(!b.is_saved(), "a note alone does not save the posting");
    // Clearing the only thing it held drops the entry.
    s.apply(&note(Some("   \n")), T2).unwrap();
    assert!(s.get("a").is_none());
}

#[test]
fn hidden_postings_are_stored_like_bookmarks() {
    let mut s = Shortlists::default();
    let hide = |h| Change::SetHidden {
        snapshot: snap("h"),
        id: "h".into(),
        hidden: h,
    };
    s.apply(&hide(true), T1).unwrap();
    assert!(s.is_hidden("h") && !s.is_saved("h"));
    assert_eq!(
        s.get("h").unwrap().snapshot.company.as_deref(),
        Some("Ferrous")
    );
    s.apply(&hide(false), T2).unwrap();
    assert!(s.get("h").is_none());
    // Unhiding a saved posting keeps it.
    s.apply(&add("h", DEFAULT_LIST), T1).unwrap();
    s.apply(&hide(true), T1).unwrap();
    s.apply(&hide(false), T2).unwrap();
    assert!(s.is_saved("h") && !s.is_hidden("h"));
}

#[test]
fn move_between_lists() {
    let mut s = Shortlists::default();
    s.apply(&add("a", DEFAULT_LIST), T1).unwrap();
    s.apply(
        &Change::Move {
            id: "a".into(),
            from: DEFAULT_LIST.into(),
            to: "Applied to".into(),
        },
        T2,
    )
    .unwrap();
    assert_eq!(s.get("a").unwrap().lists, ["Applied to"]);
    assert!(s.has_list("Applied to"));
    assert_eq!(
        s.apply(
            &Change::Move {
                id: "zzz".into(),
                from: DEFAULT_LIST.into(),
                to: "X".into()
            },
            T2
        ),
        Err(ChangeError::NotBookmarked("zzz".into()))
    );
}

#[test]
fn lists_create_rename_delete() {
    let mut s = Shortlists::default();
    s.apply(
        &Change::CreateList {
            name: "Later".into(),
        },
        T1,
    )
    .unwrap();
    assert_eq!(
        s.apply(
            &Change::CreateList {
                name: "Later".into()
            },
            T1
        ),
        Err(ChangeError::ListExists("Later".into()))
    );
    s.apply(&add("a", "Later"), T1).unwrap();
    s.apply(&add("b", "Later"), T1).unwrap();
    s.apply(&add("b", DEFAULT_LIST), T1).unwrap();
    s.apply(
        &Change::SetNote {
            snapshot: snap("c"),
            id: "c".into(),
            note: Some("keep me".into()),
        },
        T1,
    )
    .unwrap();
    s.apply(&add("c", "Later"), T1).unwrap();

    s.apply(
        &Change::RenameList {
            from: "Later".into(),
            to: "Someday".into(),
        },
        T2,
    )
    .unwrap();
    assert_eq!(s.lists, [DEFAULT_LIST, "Someday"]);
    assert_eq!(s.ids_in_list("Someday"), ["a", "b", "c"]);
    assert_eq!(
        s.apply(
            &Change::RenameList {
                from: "Someday".into(),
                to: DEFAULT_LIST.into()
            },
            T2
        ),
        Err(ChangeError::ListExists(DEFAULT_LIST.into()))
    );
    for c in [
        Change::RenameList {
            from: DEFAULT_LIST.into(),
            to: "X".into(),
        },
        Change::DeleteList {
            name: DEFAULT_LIST.into(),
            orphans_to: None,
        },
    ] {
        assert_eq!(s.apply(&c, T2), Err(ChangeError::DefaultList));
    }

    s.apply(
        &Change::DeleteList {
            name: "Someday".into(),
            orphans_to: None,
        },
        T3,
    )
    .unwrap();
    assert_eq!(s.lists, [DEFAULT_LIST]);
    assert!(s.get("a").is_none(), "held nothing else: dropped");
    assert_eq!(s.get("b").unwrap().lists, [DEFAULT_LIST]);
    let c = s.get("c").unwrap();
    assert!(c.lists.is_empty() && c.note.as_deref() == Some("keep me"));
    assert_eq!(
        s.apply(
            &Change::DeleteList {
                name: "Someday".into(),
                orphans_to: None,
            },
            T3
        ),
        Err(ChangeError::NoSuchList("Someday".into()))
    );
}

#[test]
fn import_merges_by_id_and_loses_nothing() {
    let mut mine = Shortlists::default();
    mine.apply(&add("both", DEFAULT_LIST), T1).unwrap();
    mine.apply(
        &Change::SetNote {
            snapshot: snap("both"),
            id: "both".into(),
            note: Some("my note".into()),
        },
        T1,
    )
    .unwrap();
    mine.apply(&add("mine", DEFAULT_LIST), T1).unwrap();

    let mut theirs = Shortlists::default();
    theirs.apply(&add("both", "Remote"), T2).unwrap();
    theirs
        .apply(
            &Change::SetNote {
                snapshot: snap("both"),
                id: "both".into(),
                note: Some("their note".into()),
            },
            T2,
        )
        .unwrap();
    theirs
        .apply(
            &Change::SetStatus {
                snapshot: snap("both"),
                id: "both".into(),
                status: Status::Applied,
            },
            T3,
        )
        .unwrap();
    theirs.apply(&add("theirs", "Remote"), T2).unwrap();
    theirs
        .apply(
            &Change::SetHidden {
                snapshot: snap("gone"),
                id: "gone".into(),
                hidden: true,
            },
            T2,
        )
        .unwrap();

    let before = mine.clone();
    mine.apply(&Change::Import(theirs.clone()), T3).unwrap();
    assert_eq!(mine.lists, [DEFAULT_LIST, "Remote"]);
    let ids: Vec<&String> = mine.bookmarks.keys().collect();
    assert_eq!(ids, ["both", "gone", "mine", "theirs"]);
    let both = mine.get("both").unwrap();
    assert_eq!(both.lists, [DEFAULT_LIST, "Remote"]);
    assert_eq!(both.note.as_deref(), Some("my note\n\ntheir note"));
    assert_eq!(both.status, Some(Status::Applied), "the later status wins");
    assert_eq!(both.status_history.len(), 3);
    assert_eq!(both.added, before.get("both").unwrap().added);
    assert!(mine.is_hidden("gone"));
    assert_eq!(mine.get("mine"), before.get("mine"));

    // Importing the same export again changes nothing.
    let once = mine.clone();
    mine.apply(&Change::Import(theirs), T3).unwrap();
    assert_eq!(mine, once);
}

#[test]
fn round_trip_through_json_keeps_everything() {
    let mut s = Shortlists::default();
    s.apply(&add("a", DEFAULT_LIST), T1).unwrap();
    s.apply(&add("a", "Later"), T1).unwrap();
    s.apply(
        &Change::SetNote {
            snapshot: snap("a"),
            id: "a".into(),
            note: Some("two\nlines".into()),
        },
        T2,
    )
    .unwrap();
    s.apply(
        &Change::SetHidden {
            snapshot: snap("h"),
            id: "h".into(),
            hidden: true,
        },
        T2,
    )
    .unwrap();
    let text = s.to_json();
    assert!(text.contains("\"version\": 1"), "{text}");
    assert!(text.contains("\"min\": 90000"), "{text}");
    let back = Shortlists::from_json(&text).unwrap();
    assert_eq!(back, s);
}

#[test]
fn unknown_fields_survive_a_round_trip() {
    let text = r#"{
      "version": 1,
      "lists": ["Saved"],
      "theme_of_lists": {"Saved": "green"},
      "bookmarks": {
        "abc": {
          "id": "abc",
          "snapshot": {"title": "T", "company": null, "locations": [], "salary": {"min": 1, "max": 2, "currency": "USD", "period": "hour"}, "source": "t.txt", "url": null, "logo": "x.png"},
          "lists": ["Saved"], "note": null, "status": "saved",
          "status_history": [{"status": "saved", "date": "2026-01-01"}],
          "hidden": false, "added": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
          "priority": 3
        }
      }
    }"#;
    let s = Shortlists::from_json(text).unwrap();
    let again: Value = serde_json::from_str(&s.to_json()).unwrap();
    assert_eq!(again["theme_of_lists"]["Saved"], "green");
    assert_eq!(again["bookmarks"]["abc"]["priority"], 3);
    assert_eq!(again["bookmarks"]["abc"]["snapshot"]["logo"], "x.png");
    assert_eq!(again["bookmarks"]["abc"]["snapshot"]["salary"]["max"], 2);
}

#[test]
fn parse_refuses_newer_versions_and_reports_invalid_files() {
    assert_eq!(
        Shortlists::from_json(r#"{"version": 2, "bookmarks": {}}"#),
        Err(FormatError::UnsupportedVersion(2))
    );
    for bad in [
        "",
        "{",
        "[]",
        r#"{"lists": []}"#,
        r#"{"version": 0}"#,
        r#"{"version": 1, "bookmarks": {"a": {"snapshot": {}, "status": "ghosted"}}}"#,
    ] {
        assert!(
            matches!(Shortlists::from_json(bad), Err(FormatError::Invalid(_))),
            "{bad}"
        );
    }
}

#[test]
fn parse_normalizes_hand_edited_files() {
    let text = r#"{"version": 1, "lists": [],
      "bookmarks": {"k": {"id": "other", "snapshot": {"title": "Evil\u001b]0;pwned\u0007 title"},
                          "lists": ["Mine", "Mine"], "note": "  "}}}"#;
    let s = Shortlists::from_json(text).unwrap();
    assert_eq!(s.lists, [DEFAULT_LIST, "Mine"]);
    let b = s.get("k").unwrap();
    assert_eq!(b.id, "k");
    assert_eq!(b.lists, ["Mine"]);
    assert_eq!(b.note, None);
    assert_eq!(b.snapshot.title.as_deref(), Some("Evil title"));
}

#[test]
fn export_csv_and_markdown_hold_every_bookmark() {
    let mut s = Shortlists::default();
    s.apply(&add("a", DEFAULT_LIST), T1).unwrap();
    s.apply(&add("b|pipe", "Later"), T1).unwrap();
    let csv = String::from_utf8(export::csv(&s).unwrap()).unwrap();
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        export::CSV_COLUMNS
    );
    assert_eq!(r.records().count(), 2);
    let md = export::markdown(&s);
    assert!(md.contains("## Saved (1)"), "{md}");
    assert!(md.contains("## Later (1)"), "{md}");
    assert!(md.contains("[b\\|pipe](https://example.com/job)"), "{md}");
}

#[test]
fn import_on_the_same_day_keeps_the_status_further_along() {
    let mut mine = Shortlists::default();
    mine.apply(&add("a", DEFAULT_LIST), T1).unwrap();
    let mut theirs = mine.clone();
    theirs
        .apply(
            &Change::SetStatus {
                snapshot: snap("a"),
                id: "a".into(),
                status: Status::Offer,
            },
            T1,
        )
        .unwrap();
    let mut merged = mine.clone();
    merged.apply(&Change::Import(theirs.clone()), T1).unwrap();
    assert_eq!(merged.get("a").unwrap().status, Some(Status::Offer));
    // And the other way round: an older "saved" does not undo the offer.
    theirs.apply(&Change::Import(mine), T1).unwrap();
    assert_eq!(theirs.get("a").unwrap().status, Some(Status::Offer));
    assert_eq!(theirs.get("a").unwrap().status_history.len(), 2);
}

#[test]
fn timestamps_order_by_time_not_by_text() {
    use std::cmp::Ordering;
    // The fraction is written without trailing zeros: as text, .12 would come before .1.
    assert_eq!(
        compare_times("2026-11-23T14:45:01.12Z", "2026-11-23T14:45:01.1Z"),
        Ordering::Greater
    );
    assert_eq!(
        compare_times("2026-11-23T14:45:01Z", "2026-11-23T14:45:01.5Z"),
        Ordering::Less
    );
    assert_eq!(
        compare_times("2026-11-23T15:45:01+01:00", "2026-11-23T14:45:01Z"),
        Ordering::Equal
    );
    assert_eq!(
        compare_times("garbage", "2026-11-23T14:45:01Z"),
        Ordering::Greater
    );
}

/// A shortlists file holding one bookmark whose `added` and `updated` are these JSON values.
fn file_with_stamps(added: &str, updated: &str) -> String {
    format!(
        r#"{{"version": 1, "lists": ["Saved"], "bookmarks": {{"a": {{"id": "a",
        "snapshot": {{"title": "T"}}, "lists": ["Saved"], "note": "keep me",
        "added": {added}, "updated": {updated}}}}}}}"#
    )
}

/// The `added` and `updated` text a shortlists file holds for bookmark "a".
fn written_stamps(json: &str) -> (Value, Value) {
    let v: Value = serde_json::from_str(json).unwrap();
    let b = &v["bookmarks"]["a"];
    (b["added"].clone(), b["updated"].clone())
}

#[test]
fn stamps_read_as_times_and_are_written_back_as_they_were() {
    // What jobdeck writes: to the millisecond, no trailing zeros, the local offset or Z.
    for (added, updated) in [
        ("2026-11-23T14:45:01.12Z", "2026-11-23T14:45:01.1Z"),
        ("2026-03-01T10:00:00+01:00", "2026-03-05T23:30:00.004-05:30"),
        ("2026-03-01T10:00:00.999+14:00", ""),
    ] {
        let text = file_with_stamps(&format!("{added:?}"), &format!("{updated:?}"));
        let s = Shortlists::from_json(&text).unwrap();
        let b = s.get("a").unwrap();
        assert_eq!(b.added, stamp::parse(added));
        assert!(b.added.is_some());
        assert_eq!(b.updated, stamp::parse(updated));
        assert_eq!(
            written_stamps(&s.to_json()),
            (Value::from(added), Value::from(updated))
        );
    }
    // Ordered by the time they name, not as text (".12" after ".1").
    let s = Shortlists::from_json(&file_with_stamps(
        "\"2026-11-23T14:45:01.12Z\"",
        "\"2026-11-23T15:45:01.1+01:00\"",
    ))
    .unwrap();
    let b = s.get("a").unwrap();
    assert!(b.added > b.updated);
}

#[test]
fn a_stamp_that_is_not_a_time_keeps_the_file_and_the_bookmark() {
    for bad in [
        r#""garbage""#,
        r#""""#,
        "null",
        "1700000000",
        "[1, 2]",
        r#"{"at": "2026-01-01T00:00:00Z"}"#,
        r#""2026-13-45T99:00:00Z""#,
    ] {
        let text = file_with_stamps(bad, "\"2026-03-01T10:00:00+01:00\"");
        let s = Shortlists::from_json(&text).unwrap_or_else(|e| panic!("{bad}: {e}"));
        let b = s.get("a").expect(bad);
        assert_eq!(b.note.as_deref(), Some("keep me"));
        assert_eq!(b.added, None, "{bad}");
        assert_eq!(b.updated, Some(T1));
        // Written as jobdeck always wrote an unknown stamp: an empty string.
        let (added, _) = written_stamps(&s.to_json());
        assert_eq!(added, Value::from(""), "{bad}");
    }
    // A missing stamp too.
    let text = r#"{"version": 1, "bookmarks": {"a": {"snapshot": {}, "lists": ["Saved"]}}}"#;
    let s = Shortlists::from_json(text).unwrap();
    assert_eq!(s.get("a").unwrap().added, None);
    assert_eq!(written_stamps(&s.to_json()).0, Value::from(""));
}

#[test]
fn entries_with_an_unknown_added_time_sort_last() {
    let mut s = Shortlists::default();
    s.apply(&add("late", DEFAULT_LIST), T2).unwrap();
    s.apply(&add("early", DEFAULT_LIST), T1).unwrap();
    s.apply(&add("unknown", DEFAULT_LIST), T1).unwrap();
    s.bookmarks.get_mut("unknown").unwrap().added = None;
    let order: Vec<&str> = s.sorted().iter().map(|b| b.id.as_str()).collect();
    assert_eq!(order, ["early", "late", "unknown"]);
    assert_eq!(s.ids_in_list(DEFAULT_LIST), ["early", "late", "unknown"]);
}

#[test]
fn importing_an_entry_with_unknown_stamps_keeps_the_known_ones() {
    let mut mine = Shortlists::default();
    mine.apply(&add("a", DEFAULT_LIST), T2).unwrap();
    let mut theirs = mine.clone();
    let b = theirs.bookmarks.get_mut("a").unwrap();
    (b.added, b.updated) = (None, None);
    mine.apply(&Change::Import(theirs.clone()), T3).unwrap();
    let b = mine.get("a").unwrap();
    assert_eq!((b.added, b.updated), (Some(T2), Some(T2)));
    // The other way round, the known ones fill the unknown.
    let (mut theirs, mine) = (theirs, mine);
    theirs.apply(&Change::Import(mine), T3).unwrap();
    let b = theirs.get("a").unwrap();
    assert_eq!((b.added, b.updated), (Some(T2), Some(T2)));
}

#[test]
fn numbers_in_fields_jobdeck_does_not_know_survive_a_save_exactly() {
    // Found by the `shortlists` fuzz target: without serde_json's exact float parsing, this
    // number came back one unit in the last place off after a save.
    let text = r#"{"version": 1, "lists": ["Saved"], "bookmarks": {},
        "extra": {"n": 7.777777777777779e121, "m": [0.1, 1e-300, 123456789.123456789]}}"#;
    let s = Shortlists::from_json(text).unwrap();
    let back = Shortlists::from_json(&s.to_json()).unwrap();
    assert_eq!(back, s);
    assert_eq!(back.to_json(), s.to_json());
}

#[test]
fn a_byte_order_mark_and_a_version_written_as_a_float_are_read() {
    let body = r#"{"version": 1.0, "lists": ["Saved"], "bookmarks": {"ab": {"snapshot": {}, "lists": ["Saved"]}}}"#;
    let with_bom = format!("\u{feff}{body}");
    let s = Shortlists::from_json(&with_bom).expect("a BOM is read");
    assert!(s.is_saved("ab"));
    assert_eq!(s.version, FORMAT_VERSION);
    // A newer version written as a float is still newer: refused, not "corrupt".
    assert_eq!(
        Shortlists::from_json(r#"{"version": 2.0, "bookmarks": {}}"#),
        Err(FormatError::UnsupportedVersion(2))
    );
    assert!(matches!(
        Shortlists::from_json(r#"{"version": 1.5}"#),
        Err(FormatError::Invalid(_))
    ));
}

#[test]
fn list_names_that_are_not_clean_are_tidied_never_dropped() {
    let long = "x".repeat(101);
    let text = format!(
        r#"{{"version": 1, "lists": ["Saved", "Dream  jobs", "Later ", "{long}", " \t "],
           "bookmarks": {{
             "a1": {{"snapshot": {{"title": "A"}}, "lists": ["Dream  jobs"]}},
             "b2": {{"snapshot": {{"title": "B"}}, "lists": ["Later "]}},
             "c3": {{"snapshot": {{"title": "C"}}, "lists": ["{long}"]}},
             "d4": {{"snapshot": {{"title": "D"}}, "lists": ["Later", " \t "]}}
           }}}}"#
    );
    let mut s = Shortlists::from_json(&text).unwrap();
    let cut = "x".repeat(100);
    assert_eq!(
        s.lists,
        [DEFAULT_LIST, "Dream jobs", "Later", &cut, "Unnamed list"]
    );
    assert_eq!(s.get("a1").unwrap().lists, ["Dream jobs"]);
    assert_eq!(s.get("b2").unwrap().lists, ["Later"]);
    assert_eq!(s.get("c3").unwrap().lists, [cut.as_str()]);
    assert_eq!(s.get("d4").unwrap().lists, ["Later", "Unnamed list"]);
    // The tidied names work like any other.
    s.apply(&add("e5", "Dream jobs"), T1).unwrap();
    s.apply(&add("f6", &cut), T1).unwrap();
    let mut on = s.ids_in_list("Dream jobs");
    on.sort();
    assert_eq!(on, ["a1", "e5"]);
    // And survive a round trip.
    assert_eq!(Shortlists::from_json(&s.to_json()).unwrap(), s);
}

#[test]
fn ids_that_cannot_be_printed_safely_are_rewritten_and_imports_take_only_hex_ids() {
    let text = r#"{"version": 1, "lists": ["Saved"], "bookmarks": {
        "evil\u001b]2;pwned\u0007": {"snapshot": {"title": "Evil"}, "lists": ["Saved"]},
        "0123abcd0123abcd": {"snapshot": {"title": "Real"}, "lists": ["Saved"]},
        "plain-id": {"snapshot": {"title": "Plain"}, "lists": ["Saved"]}
    }}"#;
    let mut s = Shortlists::from_json(text).unwrap();
    assert_eq!(s.bookmarks.len(), 3, "nothing dropped");
    for id in s.bookmarks.keys() {
        assert!(!id.contains('\u{1b}'), "{id:?}");
    }
    assert!(s.get("plain-id").is_some(), "a plain id is kept on load");
    let notices = s.rewrite_foreign_ids();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("plain-id"), "{notices:?}");
    assert!(s.bookmarks.keys().all(|id| is_hex_id(id)));
    assert!(s.get("0123abcd0123abcd").is_some(), "a posting id is kept");
    assert_eq!(s.bookmarks.len(), 3);
    // The same file imported twice merges, not duplicates.
    let mut again = Shortlists::from_json(text).unwrap();
    again.rewrite_foreign_ids();
    assert_eq!(
        again.bookmarks.keys().collect::<Vec<_>>(),
        s.bookmarks.keys().collect::<Vec<_>>()
    );
}

#[test]
fn an_edited_note_merges_with_one_written_elsewhere_meanwhile() {
    let edit = |base: Option<&str>, note: Option<&str>| Change::EditNote {
        snapshot: snap("a"),
        id: "a".into(),
        base: base.map(str::to_string),
        note: note.map(str::to_string),
    };
    let set = |note: &str| Change::SetNote {
        snapshot: snap("a"),
        id: "a".into(),
        note: Some(note.into()),
    };
    let note = |s: &Shortlists| s.get("a").and_then(|b| b.note.clone());
    let mut s = Shortlists::default();
    s.apply(&add("a", DEFAULT_LIST), T1).unwrap();
    s.apply(&set("base"), T1).unwrap();

    // Nobody else wrote: the edit wins.
    let mut plain = s.clone();
    assert_eq!(plain.note_conflict(&edit(Some("base"), Some("mine"))), None);
    plain.apply(&edit(Some("base"), Some("mine")), T2).unwrap();
    assert_eq!(note(&plain).as_deref(), Some("mine"));

    // The command line wrote "theirs" while the editor was open on "base".
    s.apply(&set("theirs"), T2).unwrap();
    let both = edit(Some("base"), Some("mine"));
    let told = s.note_conflict(&both).expect("the user is told");
    assert!(told.contains("both are kept"), "{told}");
    s.apply(&both, T3).unwrap();
    assert_eq!(
        note(&s).unwrap(),
        format!("mine\n\n{NOTE_MERGE_MARK}\ntheirs"),
        "the editor's text first, then the other, marked"
    );
    // Applying it again (a retried save) changes nothing.
    let once = note(&s);
    s.apply(&both, T3).unwrap();
    assert_eq!(note(&s), once);
    assert_eq!(s.note_conflict(&both), None);

    // The editor left the note alone: the other text stays.
    let mut t = Shortlists::default();
    t.apply(&add("a", DEFAULT_LIST), T1).unwrap();
    t.apply(&set("theirs"), T2).unwrap();
    t.apply(&edit(Some("base"), Some("base")), T3).unwrap();
    assert_eq!(note(&t).as_deref(), Some("theirs"));
    // The editor cleared it but it was rewritten elsewhere: not cleared, and the user is told.
    let clear = edit(Some("base"), None);
    assert!(t.note_conflict(&clear).unwrap().contains("not cleared"));
    t.apply(&clear, T3).unwrap();
    assert_eq!(note(&t).as_deref(), Some("theirs"));
    // The same text written on both sides is no conflict.
    assert_eq!(t.note_conflict(&edit(Some("base"), Some("theirs"))), None);
}

#[test]
fn changes_are_described_in_words() {
    let mut s = Shortlists::default();
    s.apply(&add("a", DEFAULT_LIST), T1).unwrap();
    assert_eq!(
        s.describe(&add("b", "Dream jobs")),
        "bookmark “b at Ferrous” on “Dream jobs”"
    );
    assert_eq!(
        s.describe(&Change::Remove {
            id: "a".into(),
            list: None
        }),
        "take “a at Ferrous” off every list"
    );
    let evil = Change::CreateList {
        name: "x\u{1b}]2;t\u{7}".into(),
    };
    assert!(!s.describe(&evil).contains('\u{1b}'));
}

#[test]
fn deleting_a_list_can_move_its_only_postings_to_another() {
    let mut s = Shortlists::default();
    s.apply(&add("only", "Someday"), T1).unwrap();
    s.apply(&add("both", "Someday"), T1).unwrap();
    s.apply(&add("both", "Later"), T1).unwrap();
    s.apply(
        &Change::DeleteList {
            name: "Someday".into(),
            orphans_to: Some(DEFAULT_LIST.into()),
        },
        T2,
    )
    .unwrap();
    assert!(!s.has_list("Someday"));
    assert_eq!(s.get("only").unwrap().lists, [DEFAULT_LIST]);
    assert_eq!(s.get("both").unwrap().lists, ["Later"]);
    assert_eq!(
        s.apply(
            &Change::DeleteList {
                name: "Later".into(),
                orphans_to: Some("Later".into()),
            },
            T2
        ),
        Err(ChangeError::InvalidListName("Later".into()))
    );
}

#[test]
fn restore_puts_entries_and_lists_back_exactly_but_keeps_newer_notes() {
    let mut s = Shortlists::default();
    s.apply(&add("a", "Someday"), T1).unwrap();
    s.apply(&add("b", DEFAULT_LIST), T1).unwrap();
    s.apply(&add("b", "Someday"), T1).unwrap();
    let before = s.clone();
    let restore = Change::Restore {
        lists: before.lists.clone(),
        entries: ["a", "b", "c"]
            .iter()
            .map(|id| (id.to_string(), before.get(id).cloned()))
            .collect(),
    };
    s.apply(
        &Change::DeleteList {
            name: "Someday".into(),
            orphans_to: None,
        },
        T2,
    )
    .unwrap();
    s.apply(
        &Change::SetHidden {
            snapshot: snap("c"),
            id: "c".into(),
            hidden: true,
        },
        T2,
    )
    .unwrap();
    assert_ne!(s, before);
    let mut undone = s.clone();
    undone.apply(&restore, T3).unwrap();
    assert_eq!(undone, before);
    // A note written meanwhile stays.
    s.apply(
        &Change::SetNote {
            snapshot: snap("b"),
            id: "b".into(),
            note: Some("call back".into()),
        },
        T2,
    )
    .unwrap();
    s.apply(&restore, T3).unwrap();
    assert_eq!(s.get("b").unwrap().note.as_deref(), Some("call back"));
    assert_eq!(s.get("b").unwrap().lists, before.get("b").unwrap().lists);
}
