//! The browser's behaviour without a terminal: actions in, state out.

use jobdeck::app::{Action, Effect, Focus, Overlay};
use jobdeck::corpus::{CorpusSource, LoadOptions, load};
use jobdeck::facets::{FacetValue, SortKey};
use jobdeck::posting::{Period, Posting, Salary, WorkMode};
use jobdeck::tui::headless::Headless;

fn seeds() -> Headless {
    Headless::new(
        load(&CorpusSource::Seeds, &LoadOptions::default()).postings,
        (120, 35),
    )
}

fn posting(
    title: &str,
    company: &str,
    mode: WorkMode,
    salary: Option<f64>,
    skills: &[&str],
) -> Posting {
    let mut p = Posting {
        title: Some(title.into()),
        company: Some(company.into()),
        locations: vec!["Berlin, Germany".into()],
        work_mode: Some(mode),
        salary: salary.and_then(|s| Salary::new(Some(s), Some(s * 1.2), "EUR", Period::Year)),
        skills: skills.iter().map(|s| s.to_string()).collect(),
        source: format!("{title}.txt"),
        ..Default::default()
    };
    p.id = jobdeck::posting::posting_id(&p);
    p
}

fn corpus() -> Headless {
    Headless::new(
        vec![
            posting(
                "Senior Backend Engineer",
                "Acme",
                WorkMode::Remote,
                Some(90_000.0),
                &["Rust", "SQL"],
            ),
            posting(
                "Frontend Developer",
                "Initech",
                WorkMode::Onsite,
                None,
                &["TypeScript"],
            ),
            posting(
                "Staff Engineer",
                "Globex",
                WorkMode::Hybrid,
                Some(150_000.0),
                &["Go", "Rust"],
            ),
            posting(
                "Data Analyst",
                "Acme",
                WorkMode::Remote,
                Some(60_000.0),
                &["SQL"],
            ),
        ],
        (120, 35),
    )
}

#[test]
fn starts_with_every_posting_listed() {
    let h = seeds();
    assert_eq!(h.app.model.listing.rows.len(), 2);
    assert!(
        h.app
            .model
            .postings
            .iter()
            .all(|p| p.company.as_deref() == Some("Postman"))
    );
    assert_eq!(h.app.view.focus, Focus::List);
}

#[test]
fn slash_trust_selects_product_trust() {
    let mut h = seeds();
    h.press("/");
    assert_eq!(h.app.view.focus, Focus::Search);
    h.type_str("trust");
    assert_eq!(
        h.app.view.input.text(),
        "trust",
        "printable keys are typed, not run (s is sort elsewhere)"
    );
    assert!(h.selected_title().unwrap().contains("Product Trust"));
    let p = h.app.selected_posting().unwrap();
    assert!(p.skills.iter().any(|s| s == "Mixpanel"));
    h.press("enter");
    assert_eq!(h.app.view.focus, Focus::List);
    assert_eq!(h.app.view.input.text(), "trust", "Enter keeps the query");
}

#[test]
fn every_keystroke_updates_the_list_and_selection_moves_to_best_match() {
    let mut h = corpus();
    h.press("j");
    h.press("j");
    h.press("/");
    h.type_str("fr");
    assert_eq!(
        h.titles(),
        ["Frontend Developer", "Staff Engineer"],
        "fuzzy: s-t-a-f-f … r"
    );
    h.type_str("o");
    assert_eq!(h.titles(), ["Frontend Developer"]);
    h.press("ctrl-u");
    h.type_str("staff");
    assert_eq!(h.selected_title().as_deref(), Some("Staff Engineer"));
    h.press("esc");
    assert_eq!(h.app.view.input.text(), "", "Esc clears the query");
    assert_eq!(h.app.model.listing.rows.len(), 4);
    assert_eq!(h.app.view.focus, Focus::List);
}

#[test]
fn a_query_that_does_not_read_is_named_and_keeps_the_last_results() {
    let mut h = corpus();
    h.press("/");
    h.type_str("rust");
    assert_eq!(h.titles().len(), 2);
    // "rust mode:" is "rust" so far; "mode:x…" names no work mode.
    h.type_str(" mode:xyz");
    assert_eq!(
        h.app.model.query_problem.as_deref(),
        Some("mode: remote, hybrid or onsite")
    );
    assert_eq!(h.titles().len(), 2, "the last good results stay listed");
    let shown = h.screen();
    assert!(
        shown.contains("⚠ mode: remote, hybrid or onsite"),
        "{shown}"
    );
    for _ in 0..3 {
        h.press("backspace");
    }
    h.type_str("rem");
    assert_eq!(h.app.model.query_problem, None);
    assert_eq!(h.titles(), ["Senior Backend Engineer"]);
    h.press("ctrl-u");
    h.type_str("foo:bar");
    assert_eq!(
        h.app.model.query_problem.as_deref(),
        Some(
            "unknown field foo: — title company team loc skill mode type level text salary age from"
        )
    );
}

#[test]
fn search_bar_edits_like_a_shell_line() {
    let mut h = corpus();
    h.press("/");
    h.type_str("senior rust");
    h.press("ctrl-w");
    assert_eq!(h.app.view.input.text(), "senior ");
    h.press("left");
    h.press("left");
    h.type_str("x");
    assert_eq!(h.app.view.input.text(), "senioxr ");
    h.press("home");
    h.press("delete");
    h.press("end");
    h.press("backspace");
    assert_eq!(h.app.view.input.text(), "enioxr");
    h.press("ctrl-u");
    assert_eq!(h.app.view.input.text(), "");
}

#[test]
fn stale_search_results_are_dropped() {
    let mut h = corpus();
    h.press("/");
    h.type_str("data");
    let old_gen = h.app.model.generation;
    h.type_str("x");
    // An answer for the older query arrives late: ignored.
    let mut index = jobdeck::search::SearchIndex::default();
    index.extend(h.app.model.postings.iter().cloned());
    let stale = std::sync::Arc::new(index.search(&jobdeck::search::Query::parse("data")));
    h.send(Action::SearchDone {
        generation: old_gen,
        hits: stale,
    });
    assert!(
        h.app.model.listing.rows.is_empty(),
        "still showing the answer for “datax”"
    );
}

#[test]
fn filters_combine_or_within_and_across_facets() {
    let mut h = corpus();
    h.press("f");
    assert!(h.app.view.filters_open);
    assert_eq!(h.app.view.focus, Focus::Filters);
    h.app
        .model
        .filters
        .toggle(FacetValue::Mode(Some(WorkMode::Remote)));
    h.send(Action::Notify(String::new()));
    h.send(Action::ToggleFilters);
    h.send(Action::ToggleFilters);
    // Drive through the pane: find the "hybrid" row and toggle it with space.
    let rows = h.app.filter_rows();
    let values: Vec<_> = rows
        .iter()
        .filter_map(|r| match r {
            jobdeck::app::FilterRow::Value { value, .. } => Some(value.clone()),
            _ => None,
        })
        .collect();
    let hybrid = values
        .iter()
        .position(|v| *v == FacetValue::Mode(Some(WorkMode::Hybrid)))
        .unwrap();
    h.press("g");
    for _ in 0..hybrid {
        h.press("j");
    }
    h.press("space");
    assert!(
        h.app
            .model
            .filters
            .is_selected(&FacetValue::Mode(Some(WorkMode::Hybrid)))
    );
    let mut titles = h.titles();
    titles.sort();
    assert_eq!(
        titles,
        ["Data Analyst", "Senior Backend Engineer", "Staff Engineer"],
        "remote OR hybrid"
    );
    h.app.model.filters.toggle(FacetValue::Skill("SQL".into()));
    h.press("R");
    assert!(h.app.model.filters.is_empty());
    assert_eq!(h.app.model.listing.rows.len(), 4);
}

#[test]
fn active_filters_show_in_status_summary() {
    let mut h = corpus();
    // Floors compare yearly pay in the home currency (USD): €150k passes 120k, €90k does not.
    h.app.model.filters.toggle(FacetValue::SalaryAtLeast(120));
    h.send(Action::CycleSort);
    assert_eq!(
        h.titles(),
        ["Staff Engineer"],
        "a floor leaves out the posting that states no salary"
    );
    assert!(h.app.model.filters.summary().contains("≥ 120k"));
}

/// The filter pane's value rows: (label, count, ticked).
fn pane(h: &Headless) -> Vec<(String, usize, bool)> {
    h.app
        .filter_rows()
        .iter()
        .filter_map(|r| match r {
            jobdeck::app::FilterRow::Value {
                value,
                count,
                selected,
            } => Some((value.label(), *count, *selected)),
            _ => None,
        })
        .collect()
}

/// Moves the filter pane's cursor to the row labelled `label` and ticks it with space.
fn tick(h: &mut Headless, label: &str) {
    let at = pane(h)
        .iter()
        .position(|(l, _, _)| l == label)
        .unwrap_or_else(|| panic!("no row {label:?} in {:?}", pane(h)));
    h.press("g");
    for _ in 0..at {
        h.press("j");
    }
    h.press("space");
}

#[test]
fn a_salary_floor_leaves_out_unstated_pay_unless_its_row_is_ticked() {
    let mut h = corpus();
    h.press("f");
    // Nothing ticked: every posting, and "no salary stated" is a row with its count.
    assert_eq!(h.app.model.listing.rows.len(), 4);
    assert!(pane(&h).contains(&("no salary stated".into(), 1, false)));
    // €150k ≈ $176k and €90k ≈ $106k a year pass ≥ 100k; the unstated posting does not.
    tick(&mut h, "≥ 100k");
    let mut titles = h.titles();
    titles.sort();
    assert_eq!(titles, ["Senior Backend Engineer", "Staff Engineer"]);
    assert!(
        pane(&h).contains(&("no salary stated".into(), 1, false)),
        "still offered, with its count, while the floor hides it"
    );
    // Ticked with the floor, the unstated are kept beside the well paid.
    tick(&mut h, "no salary stated");
    let mut titles = h.titles();
    titles.sort();
    assert_eq!(
        titles,
        [
            "Frontend Developer",
            "Senior Backend Engineer",
            "Staff Engineer"
        ]
    );
    assert!(pane(&h).contains(&("no salary stated".into(), 1, true)));
    assert!(
        h.app
            .model
            .filters
            .summary()
            .contains("or no salary stated")
    );
}

#[test]
fn sort_cycles_and_relevance_needs_a_query() {
    let mut h = corpus();
    assert_eq!(h.app.model.sort, SortKey::Relevance);
    h.press("s");
    assert_eq!(h.app.model.sort, SortKey::Title);
    assert_eq!(
        h.titles(),
        [
            "Data Analyst",
            "Frontend Developer",
            "Senior Backend Engineer",
            "Staff Engineer"
        ]
    );
    h.press("s");
    assert_eq!(h.app.model.sort, SortKey::Company);
    assert_eq!(h.titles()[0], "Data Analyst");
    h.press("s");
    assert_eq!(h.app.model.sort, SortKey::Salary);
    assert_eq!(
        h.titles(),
        [
            "Staff Engineer",
            "Senior Backend Engineer",
            "Data Analyst",
            "Frontend Developer"
        ]
    );
    h.press("s");
    assert_eq!(h.app.model.sort, SortKey::Newest);
    h.press("s");
    assert_eq!(
        h.app.model.sort,
        SortKey::Title,
        "no query: relevance is skipped"
    );
}

#[test]
fn focus_cycles_list_detail_filters() {
    let mut h = corpus();
    h.press("tab");
    assert_eq!(h.app.view.focus, Focus::Detail);
    h.press("tab");
    assert_eq!(h.app.view.focus, Focus::List, "filters closed: skipped");
    h.press("f");
    h.press("backtab");
    assert_eq!(h.app.view.focus, Focus::Detail);
    h.press("tab");
    assert_eq!(h.app.view.focus, Focus::Filters);
    h.press("esc");
    assert_eq!(h.app.view.focus, Focus::List);
}

#[test]
fn list_movement_keeps_selection_visible() {
    let many: Vec<Posting> = (0..60)
        .map(|i| {
            posting(
                &format!("Engineer {i:02}"),
                "Acme",
                WorkMode::Remote,
                None,
                &[],
            )
        })
        .collect();
    let mut h = Headless::new(many, (80, 24));
    let visible = h.app.list_rows_visible();
    assert!(visible >= 3);
    h.press("G");
    assert_eq!(h.app.view.selected, 59);
    assert!(h.app.view.list_offset <= 59 && 59 < h.app.view.list_offset + visible);
    h.press("g");
    assert_eq!((h.app.view.selected, h.app.view.list_offset), (0, 0));
    h.press("pgdn");
    assert_eq!(h.app.view.selected, visible);
    assert!(h.app.view.selected < h.app.view.list_offset + visible);
    h.press("pgup");
    assert_eq!(h.app.view.selected, 0);
}

#[test]
fn detail_scrolls_when_focused() {
    let mut h = seeds();
    h.press("j");
    h.press("tab");
    h.press("j");
    h.press("j");
    assert_eq!(h.app.view.detail_scroll, 2);
    h.press("G");
    let bottom = h.app.view.detail_scroll;
    assert!(bottom > 10);
    h.press("j");
    assert_eq!(h.app.view.detail_scroll, bottom, "clamped at the end");
    h.press("g");
    assert_eq!(h.app.view.detail_scroll, 0);
}

#[test]
fn bookmark_toggles_and_is_saved_through_the_store() {
    let mut h = seeds();
    h.press("b");
    let id = h.app.selected_posting().unwrap().id.clone();
    assert!(h.app.is_bookmarked(&id));
    assert!(
        matches!(h.effects().last(), Some(Effect::Store(c)) if matches!(**c, jobdeck::store::Change::Add { .. }))
    );
    assert!(h.shortlists().in_list(&id, "Saved"));
    h.press("B");
    assert_eq!(h.app.model.listing.rows.len(), 1, "bookmarked only");
    h.press("B");
    h.press("b");
    assert!(!h.app.is_bookmarked(&id));
    assert!(!h.shortlists().is_saved(&id));
}

#[test]
fn marks_and_compare() {
    let mut h = corpus();
    h.press("c");
    assert_eq!(h.app.view.overlay, None, "nothing marked");
    assert!(h.app.view.message.as_deref().unwrap().contains("mark"));
    for _ in 0..4 {
        h.press("m");
        h.press("j");
    }
    h.press("g");
    h.press("m"); // unmark the first
    assert_eq!(h.app.model.marks.len(), 3);
    h.press("m");
    h.press("G");
    h.press("c");
    assert!(matches!(h.app.view.overlay, Some(Overlay::Compare { .. })));
    assert_eq!(h.app.marked_postings().len(), 4);
    h.press("esc");
    assert_eq!(h.app.view.overlay, None);
}

#[test]
fn at_most_four_marks() {
    let many: Vec<Posting> = (0..6)
        .map(|i| posting(&format!("Job {i}"), "Acme", WorkMode::Remote, None, &[]))
        .collect();
    let mut h = Headless::new(many, (120, 35));
    for _ in 0..6 {
        h.press("m");
        h.press("j");
    }
    assert_eq!(h.app.model.marks.len(), 4);
}

#[test]
fn help_overlay_opens_and_closes() {
    let mut h = seeds();
    h.press("?");
    assert!(matches!(h.app.view.overlay, Some(Overlay::Help { .. })));
    h.press("j");
    h.press("?");
    assert_eq!(h.app.view.overlay, None);
    h.press("?");
    h.press("esc");
    assert_eq!(h.app.view.overlay, None);
}

#[test]
fn open_url_only_for_http() {
    let mut h = seeds();
    h.press("o");
    assert!(h.app.view.message.as_deref().unwrap().contains("no url"));
    let mut p = posting("Linked", "Acme", WorkMode::Remote, None, &[]);
    p.url = Some("https://example.com/job".into());
    let mut h = Headless::new(vec![p.clone()], (120, 35));
    h.press("o");
    assert_eq!(
        h.effects().last(),
        Some(&Effect::OpenUrl("https://example.com/job".into()))
    );
    p.url = Some("javascript:alert(1)".into());
    let mut h = Headless::new(vec![p], (120, 35));
    h.press("o");
    assert!(h.effects().is_empty());
}

#[test]
fn quit_keys() {
    let mut h = seeds();
    h.press("q");
    assert!(h.app.model.should_quit);
    let mut h = seeds();
    h.press("/");
    h.press("q");
    assert!(!h.app.model.should_quit, "q is typed in the search bar");
    h.press("ctrl-c");
    assert!(h.app.model.should_quit);
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let mut h = seeds();
    let panes = jobdeck::layout::panes((120, 35), false, false, 2);
    h.send(Action::ClickAt {
        column: panes.list.x + 5,
        row: panes.list.y + 3,
    });
    assert_eq!(h.app.view.selected, 1);
    h.send(Action::ScrollAt {
        column: panes.detail.x + 5,
        row: panes.detail.y + 5,
        down: true,
    });
    assert_eq!(h.app.view.detail_scroll, 3);
    h.send(Action::ClickAt { column: 3, row: 0 });
    assert_eq!(h.app.view.focus, Focus::Search);
}

#[test]
fn the_wheel_over_the_list_scrolls_the_list_and_keeps_the_selection_in_view() {
    let many: Vec<Posting> = (0..40)
        .map(|i| posting(&format!("Role {i:02}"), "Acme", WorkMode::Remote, None, &[]))
        .collect();
    let mut h = Headless::new(many, (120, 35));
    let panes = jobdeck::layout::panes((120, 35), false, false, 2);
    let wheel = |h: &mut Headless, down: bool| {
        h.send(Action::ScrollAt {
            column: panes.list.x + 5,
            row: panes.list.y + 5,
            down,
        })
    };
    let visible = h.app.list_rows_visible();
    h.press("j");
    wheel(&mut h, true);
    assert_eq!(h.app.view.list_offset, 3, "the list scrolled");
    assert_eq!(h.app.view.selected, 3, "the selection is dragged into view");
    h.keys("j j j j");
    let sel = h.app.view.selected;
    wheel(&mut h, true);
    assert_eq!(h.app.view.list_offset, 6);
    assert_eq!(h.app.view.selected, sel, "a selection in view stays put");
    for _ in 0..20 {
        wheel(&mut h, true);
    }
    assert_eq!(
        h.app.view.list_offset,
        40 - visible,
        "no further than the end"
    );
    for _ in 0..20 {
        wheel(&mut h, false);
    }
    assert_eq!(h.app.view.list_offset, 0);
    assert!(h.app.view.selected < visible);
}

#[test]
fn postings_streaming_in_keep_the_query_and_selection() {
    let mut h = corpus();
    h.press("/");
    h.type_str("engineer");
    let before = h.app.model.listing.rows.len();
    h.load(vec![posting(
        "Principal Engineer",
        "Umbrella",
        WorkMode::Remote,
        None,
        &[],
    )]);
    assert_eq!(
        h.app.model.listing.rows.len(),
        before + 1,
        "the new posting matches and is listed"
    );
}

#[test]
fn a_folder_load_ends_with_a_summary_and_the_skipped_count() {
    let mut h = corpus();
    let listed = h.app.model.listing.rows.len();
    h.send(Action::LoadProgress {
        files_done: 0,
        files_total: 7,
        per_second: 0,
    });
    h.send(Action::LoadSkipped(vec![jobdeck::corpus::Skipped {
        source: "junk.bin".into(),
        reason: jobdeck::parse::SkipReason::Empty,
    }]));
    h.send(Action::LoadFinished { elapsed_ms: 1234 });
    let m = h.app.view.message.clone().expect("a summary line");
    assert!(
        m.starts_with(&format!("{listed} postings from 7 files in 1.2 s")),
        "{m}"
    );
    assert!(m.contains("1 skipped"), "{m}");
    h.press("j");
    assert!(h.app.view.message.is_none(), "the next key clears it");
}

#[test]
fn a_bookmark_follows_its_posting_read_anew_under_a_new_id() {
    let mut h = corpus();
    h.send(Action::LoadFinished { elapsed_ms: 10 });
    h.press("b");
    let old = h.app.selected_posting().unwrap().as_ref().clone();
    assert!(h.shortlists().in_list(&old.id, "Saved"));
    // Its file is read anew: the company gains its legal form, so the id changes.
    let mut new = old.clone();
    new.company = Some(format!("{} GmbH", old.company.as_deref().unwrap()));
    new.id = jobdeck::posting::posting_id(&new);
    assert_ne!(new.id, old.id);
    h.send(Action::SourceChanged {
        source: old.source.clone(),
        postings: vec![std::sync::Arc::new(new.clone())],
    });
    assert!(
        h.effects().iter().any(|e| matches!(e, Effect::Store(c)
            if matches!(&**c, jobdeck::store::Change::Relink { from, to, .. }
                if *from == old.id && *to == new.id))),
        "a relink goes to the store"
    );
    assert!(h.shortlists().in_list(&new.id, "Saved"));
    assert!(h.shortlists().get(&old.id).is_none());
    assert!(h.app.is_bookmarked(&new.id));
    let m = h.app.view.message.clone().unwrap_or_default();
    assert!(m.contains("1 bookmark re-linked"), "{m}");
}

#[test]
fn duplicates_are_listed_once() {
    let p = posting("Same Job", "Acme", WorkMode::Remote, None, &[]);
    let mut q = p.clone();
    q.source = "other/copy.html".into();
    let h = Headless::new(vec![p, q], (120, 35));
    assert_eq!(h.app.model.listing.rows.len(), 1);
    assert_eq!(h.app.listed_total(), 1);
}

#[test]
fn resize_keeps_everything_usable() {
    let mut h = corpus();
    h.press("G");
    h.send(Action::Resize(80, 24));
    let visible = h.app.list_rows_visible();
    assert!(h.app.view.selected < h.app.view.list_offset + visible.max(1));
    h.send(Action::Resize(20, 5));
    h.press("g");
    h.send(Action::Resize(120, 35));
    assert_eq!(h.app.view.selected, 0);
}

mod shortlists {
    use super::*;
    use jobdeck::store::{Status, Store};

    #[test]
    fn notes_are_written_edited_and_cleared() {
        let mut h = seeds();
        h.press("n");
        assert!(matches!(h.app.view.overlay, Some(Overlay::Note { .. })));
        h.type_str("Ask about on-call");
        h.press("enter");
        h.type_str("second line q");
        assert!(!h.app.model.should_quit, "q is typed in the note");
        h.press("ctrl-s");
        let id = h.app.selected_posting().unwrap().id.clone();
        assert_eq!(
            h.shortlists().get(&id).unwrap().note.as_deref(),
            Some("Ask about on-call\nsecond line q")
        );
        h.press("n");
        h.press("ctrl-w");
        h.press("esc");
        assert_eq!(
            h.shortlists().get(&id).unwrap().note.as_deref(),
            Some("Ask about on-call\nsecond line q"),
            "esc cancels"
        );
        h.press("n");
        for _ in 0..40 {
            h.press("backspace");
        }
        h.press("ctrl-s");
        assert!(h.shortlists().get(&id).is_none_or(|b| b.note.is_none()));
    }

    #[test]
    fn status_cycles_and_is_picked_from_a_menu() {
        let mut h = seeds();
        let id = h.app.selected_posting().unwrap().id.clone();
        h.press("S");
        assert_eq!(h.shortlists().get(&id).unwrap().status, Some(Status::Saved));
        assert!(
            h.app.is_bookmarked(&id),
            "a status puts the posting on Saved"
        );
        h.press("S");
        assert_eq!(
            h.shortlists().get(&id).unwrap().status,
            Some(Status::Applied)
        );
        h.press("t");
        h.keys("j j enter");
        let b = h.shortlists().get(&id).unwrap();
        assert_eq!(b.status, Some(Status::Offer));
        assert_eq!(b.status_history.len(), 3);
        assert!(b.status_history.iter().all(|c| c.date == "2026-11-23"));
    }

    #[test]
    fn status_facet_filters() {
        let mut h = seeds();
        h.press("S");
        h.app
            .model
            .filters
            .toggle(FacetValue::Status(Some(Status::Saved)));
        h.send(Action::BookmarkedOnly);
        h.send(Action::BookmarkedOnly);
        assert_eq!(h.app.model.listing.rows.len(), 1);
        let rows = h.app.filter_rows();
        assert!(rows.iter().any(|r| matches!(
            r,
            jobdeck::app::FilterRow::Header(jobdeck::facets::FacetKind::Status)
        )));
    }

    #[test]
    fn hiding_and_showing_hidden() {
        let mut h = seeds();
        let id = h.app.selected_posting().unwrap().id.clone();
        h.press("x");
        assert!(h.shortlists().is_hidden(&id));
        assert_eq!(
            h.app.model.listing.rows.len(),
            1,
            "hidden postings leave the list"
        );
        assert!(h.app.selected_posting().unwrap().id != id);
        h.press("X");
        assert_eq!(h.app.model.listing.rows.len(), 2, "X shows them again");
        h.press("g");
        assert_eq!(h.app.selected_posting().unwrap().id, id);
        h.press("x");
        assert!(
            !h.shortlists().is_hidden(&id),
            "x on a hidden one brings it back"
        );
        h.press("X");
        assert_eq!(h.app.model.listing.rows.len(), 2);
    }

    #[test]
    fn lists_are_created_renamed_filled_browsed_and_deleted() {
        let mut h = seeds();
        let first = h.app.selected_posting().unwrap().id.clone();
        h.press("l");
        h.press("n");
        h.type_str("Dream jobs");
        h.press("enter");
        assert!(h.shortlists().has_list("Dream jobs"));
        // Cursor: All postings, Saved, Dream jobs.
        h.keys("j j a");
        assert!(h.shortlists().in_list(&first, "Dream jobs"));
        h.press("r");
        h.press("ctrl-u");
        h.type_str("Top picks");
        h.press("enter");
        assert!(h.shortlists().in_list(&first, "Top picks"));
        assert!(!h.shortlists().has_list("Dream jobs"));
        h.press("enter");
        assert_eq!(h.app.model.active_list.as_deref(), Some("Top picks"));
        assert_eq!(
            h.app.model.listing.rows.len(),
            1,
            "only the list's postings"
        );
        // Move it to Saved.
        h.keys("l k v");
        assert!(h.shortlists().in_list(&first, "Saved"));
        assert!(!h.shortlists().in_list(&first, "Top picks"));
        h.keys("j d n");
        assert!(h.shortlists().has_list("Top picks"), "n keeps it");
        h.keys("d y");
        assert!(!h.shortlists().has_list("Top picks"));
        assert_eq!(
            h.app.model.active_list, None,
            "no longer browsing a deleted list"
        );
        h.keys("k k j d");
        assert!(
            h.app
                .view
                .message
                .as_deref()
                .unwrap()
                .contains("cannot be deleted")
        );
    }

    #[test]
    fn compare_the_postings_of_a_list() {
        let mut h = seeds();
        h.keys("l n");
        h.type_str("Both");
        h.keys("enter j j a esc j l j j a enter");
        assert_eq!(h.app.model.listing.rows.len(), 2);
        h.press("c");
        assert!(matches!(h.app.view.overlay, Some(Overlay::Compare { .. })));
        assert_eq!(h.app.compare_postings().len(), 2);
    }

    #[test]
    fn changes_reach_the_file_and_a_failed_save_keeps_them() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("data/shortlists.json");
        let (store, _) = Store::open(&file).unwrap();
        let mut h = seeds().with_store(store);
        h.press("b");
        let on_disk = std::fs::read_to_string(&file).unwrap();
        assert!(on_disk.contains("\"Saved\""));
        // Make the folder unusable: the data dir becomes a file.
        std::fs::remove_dir_all(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("data"), "not a folder").unwrap();
        h.keys("j b");
        assert!(
            h.app.model.store_error.is_some(),
            "the failure is on screen"
        );
        assert_eq!(h.app.bookmarked_count(), 2, "kept in memory");
        std::fs::remove_file(dir.path().join("data")).unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        h.press("S");
        assert!(
            h.app.model.store_error.is_none(),
            "retried on the next change"
        );
        let saved = jobdeck::store::Shortlists::from_json(&std::fs::read_to_string(&file).unwrap())
            .unwrap();
        assert_eq!(saved.bookmarks.values().filter(|b| b.is_saved()).count(), 2);
    }
}

mod watching {
    use super::*;

    fn from(source: &str, title: &str) -> Posting {
        let mut p = posting(title, "Acme", WorkMode::Remote, None, &[]);
        p.source = source.into();
        p
    }

    fn change(h: &mut Headless, source: &str, postings: Vec<Posting>) {
        h.change(source, postings);
    }

    #[test]
    fn saved_changed_and_deleted_files() {
        let mut h = Headless::new(vec![from("a.txt", "Alpha")], (120, 35));
        change(&mut h, "b.txt", vec![from("b.txt", "Beta")]);
        assert_eq!(h.titles(), ["Alpha", "Beta"]);
        assert!(
            h.app
                .view
                .message
                .as_deref()
                .unwrap()
                .contains("1 new posting from b.txt")
        );
        change(
            &mut h,
            "b.txt",
            vec![from("b.txt", "Beta 2"), from("b.txt", "Gamma")],
        );
        assert_eq!(
            h.titles(),
            ["Alpha", "Beta 2", "Gamma"],
            "the old Beta is replaced"
        );
        h.send(Action::SourceRemoved {
            source: "b.txt".into(),
        });
        assert_eq!(h.titles(), ["Alpha"]);
        assert_eq!(h.app.listed_total(), 1);
    }

    #[test]
    fn a_file_added_that_cannot_be_read_says_why() {
        let mut h = Headless::new(vec![from("a.txt", "Alpha")], (120, 35));
        // As the watcher sends it: no postings, then the skip.
        change(&mut h, "bad.bin", Vec::new());
        h.send(Action::LoadSkipped(vec![jobdeck::corpus::Skipped {
            source: "bad.bin".into(),
            reason: jobdeck::parse::SkipReason::Binary("NUL bytes".into()),
        }]));
        let m = h.app.view.message.clone().unwrap_or_default();
        assert!(
            m.contains("bad.bin") && m.contains("not text") && !m.contains("0 new"),
            "{m}"
        );
        assert!(m.contains("E lists"), "{m}");
    }

    #[test]
    fn a_removed_folder_takes_its_files() {
        let mut h = Headless::new(
            vec![
                from("dir/a.txt", "Alpha"),
                from("dir/sub/b.txt", "Beta"),
                from("dirx/c.txt", "Gamma"),
            ],
            (120, 35),
        );
        h.send(Action::SourceRemoved {
            source: "dir".into(),
        });
        assert_eq!(h.titles(), ["Gamma"]);
    }

    #[test]
    fn bookmarks_stay_when_the_posting_goes_and_a_copy_takes_over() {
        let mut h = Headless::new(
            vec![from("a.txt", "Alpha"), from("b.txt", "Beta")],
            (120, 35),
        );
        h.press("b");
        let id = h.app.selected_posting().unwrap().id.clone();
        // The same posting saved again elsewhere: listed once.
        change(&mut h, "copy/a.html", vec![from("copy/a.html", "Alpha")]);
        assert_eq!(h.titles(), ["Alpha", "Beta"]);
        h.send(Action::SourceRemoved {
            source: "a.txt".into(),
        });
        assert_eq!(
            h.titles(),
            ["Alpha", "Beta"],
            "the copy is listed now (by title: no posting has a date)"
        );
        assert_eq!(h.app.selected_posting().unwrap().source, "copy/a.html");
        assert!(h.app.is_bookmarked(&id), "the bookmark follows the id");
        h.send(Action::SourceRemoved {
            source: "copy/a.html".into(),
        });
        assert_eq!(h.titles(), ["Beta"]);
        assert!(h.shortlists().is_saved(&id), "the bookmark is kept");
        h.keys("l j enter");
        assert_eq!(h.app.missing_in_active_list(), 1, "shown as missing");
    }
}

/// Quitting saves first; a save that fails keeps the browser open with a prompt — never a
/// silent exit with the change dropped.
mod quitting {
    use super::*;
    use jobdeck::app::Closing;
    use jobdeck::store::{Store, WriteStep};
    use std::io;
    use std::path::Path;

    thread_local! {
        /// Whether the disk of this test's store is "full" (the store saves on its own thread:
        /// its write hook reads this test's switch).
        static FULL: std::sync::Arc<std::sync::atomic::AtomicBool> = Default::default();
    }

    fn with_store() -> (tempfile::TempDir, std::path::PathBuf, Headless) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("data/shortlists.json");
        let (mut store, _) = Store::open(&file).unwrap();
        let full = FULL.with(|f| f.clone());
        store.set_write_hook(Some(Box::new(move |step, _: &Path| {
            if step == WriteStep::Write && full.load(std::sync::atomic::Ordering::SeqCst) {
                Err(io::Error::from(io::ErrorKind::StorageFull))
            } else {
                Ok(())
            }
        })));
        let h = seeds().with_store(store);
        (dir, file, h)
    }

    /// Fills the disk of the store of `with_store`, or gives space back.
    fn disk_full(_h: &mut Headless, full: bool) {
        FULL.with(|f| f.store(full, std::sync::atomic::Ordering::SeqCst));
    }

    fn saved_count(file: &Path) -> usize {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        jobdeck::store::Shortlists::from_json(&text)
            .map(|s| s.bookmarks.len())
            .unwrap_or(0)
    }

    #[test]
    fn quit_asks_for_a_final_save_and_quits_on_its_answer() {
        let (_dir, file, mut h) = with_store();
        h.press("b");
        h.press("q");
        assert_eq!(h.effects().last(), Some(&Effect::FinalSave));
        assert!(h.app.model.should_quit);
        assert_eq!(saved_count(&file), 1);
        // Without a store (it could not be opened), quitting does not wait.
        let mut h = seeds();
        h.app.model.has_store = false;
        h.press("q");
        assert!(h.app.model.should_quit);
        // A final save the loop has no store for: the app is told, and quits.
        let mut h = seeds().without_store();
        h.press("q");
        assert_eq!(h.effects().last(), Some(&Effect::FinalSave));
        assert!(h.app.model.should_quit);
    }

    #[test]
    fn a_failed_save_at_quit_asks_retry_save_elsewhere_or_quit_anyway() {
        let (dir, file, mut h) = with_store();
        disk_full(&mut h, true);
        h.press("b");
        let e = h
            .app
            .model
            .store_error
            .clone()
            .expect("the failure is on screen");
        assert_eq!(e.brief, "the disk is full");
        let line = h.app.view.message.clone().unwrap();
        assert!(
            line.starts_with("not saved: the disk is full — 1 change kept in memory"),
            "the essentials first, so a narrow status line keeps them: {line}"
        );
        h.press("q");
        assert!(
            !h.app.model.should_quit,
            "never a silent exit with the change dropped"
        );
        assert!(matches!(h.app.view.overlay, Some(Overlay::Unsaved { .. })));
        assert_eq!(h.app.model.unsaved.len(), 1);
        assert!(
            h.app.model.unsaved[0].starts_with("bookmark “"),
            "{:?}",
            h.app.model.unsaved
        );

        // Retry while the disk is still full: asked again.
        h.press("r");
        assert!(!h.app.model.should_quit);
        assert!(matches!(h.app.view.overlay, Some(Overlay::Unsaved { .. })));

        // Save elsewhere: a path prompt, typed, and the copy written.
        h.press("s");
        assert!(matches!(
            h.app.view.overlay,
            Some(Overlay::Unsaved {
                prompt: Some(_),
                ..
            })
        ));
        for _ in 0..80 {
            h.press("backspace");
        }
        let rescue = dir.path().join("rescue.json");
        h.send(Action::Paste(rescue.to_string_lossy().into_owned()));
        h.press("enter");
        assert!(h.app.model.should_quit);
        assert_eq!(
            h.app.model.saved_copy.as_deref(),
            Some(rescue.to_str().unwrap())
        );
        assert_eq!(saved_count(&rescue), 1);
        assert_eq!(
            saved_count(&file),
            0,
            "the store itself could not be written"
        );
    }

    #[test]
    fn space_coming_back_lets_the_retry_save_and_quit() {
        let (_dir, file, mut h) = with_store();
        disk_full(&mut h, true);
        h.press("b");
        h.press("q");
        assert!(matches!(h.app.view.overlay, Some(Overlay::Unsaved { .. })));
        disk_full(&mut h, false);
        h.press("r");
        assert!(h.app.model.should_quit);
        assert_eq!(saved_count(&file), 1);
        assert!(!h.app.model.quit_anyway);
    }

    #[test]
    fn quit_anyway_is_a_choice_and_esc_goes_back_to_browsing() {
        let (_dir, _file, mut h) = with_store();
        disk_full(&mut h, true);
        h.press("b");
        h.press("q");
        h.press("esc");
        assert!(h.app.view.overlay.is_none(), "back to the browser");
        assert!(!h.app.model.should_quit);
        assert!(
            h.app
                .view
                .message
                .as_deref()
                .unwrap()
                .contains("1 unsaved change")
        );
        h.press("q");
        h.press("Q");
        assert!(h.app.model.should_quit);
        assert!(h.app.model.quit_anyway, "the exit reports what was lost");
    }

    #[test]
    fn a_signal_saves_without_asking_and_records_the_signal() {
        let (_dir, file, mut h) = with_store();
        h.press("b");
        h.send(Action::Signal(15));
        assert!(h.app.model.should_quit);
        assert_eq!(h.app.model.exit_signal, Some(15));
        assert_eq!(saved_count(&file), 1);
        // A failed save does not keep a signalled browser open.
        let (_dir, _file, mut h) = with_store();
        disk_full(&mut h, true);
        h.press("b");
        h.send(Action::Signal(1));
        assert!(h.app.model.should_quit);
        assert!(h.app.view.overlay.is_none());
        assert_eq!(h.app.model.unsaved.len(), 1);
    }

    #[test]
    fn keys_wait_while_quitting_saves() {
        let mut h = seeds();
        h.app.model.closing = Some(Closing::User);
        h.press("b");
        h.press("j");
        assert!(
            h.effects().is_empty(),
            "nothing new starts while saving to quit"
        );
        h.send(Action::SaveTimedOut);
        assert!(matches!(h.app.view.overlay, Some(Overlay::Unsaved { .. })));
    }

    #[test]
    fn ctrl_c_quits_from_any_pane_or_overlay_but_not_while_typing_a_name() {
        for keys in ["?", "l", "t", "c", "E"] {
            let mut h = seeds();
            h.press(keys);
            h.press("ctrl-c");
            assert!(h.app.model.should_quit, "after {keys}");
        }
        let mut h = seeds();
        h.keys("l n");
        h.press("ctrl-c");
        assert!(!h.app.model.should_quit, "typing a list name");
        // A key map that binds no key to quit keeps the default one.
        let config = jobdeck::config::Config::parse("[keys.global]\nquit = []\n").0;
        let (settings, problems) = jobdeck::cli::settings(&config);
        assert!(problems.iter().any(|p| p.contains("no key would quit")));
        let mut h = Headless::new(
            load(&CorpusSource::Seeds, &LoadOptions::default()).postings,
            (120, 35),
        );
        h.app.settings = std::sync::Arc::new(settings);
        h.press("q");
        assert!(h.app.model.should_quit);
    }
}

/// A paste goes where the keyboard is, in one step, cut at a limit in a one-line field.
mod pasting {
    use super::*;
    use jobdeck::app::input::MAX_LINE;

    #[test]
    fn a_paste_into_the_note_editor_stays_in_the_note() {
        let mut h = seeds();
        h.press("n");
        h.type_str("typed first. ");
        h.send(Action::Paste("pasted\nover two lines".into()));
        let Some(Overlay::Note { editor, .. }) = &h.app.view.overlay else {
            panic!("the editor stays open: {:?}", h.app.view.overlay);
        };
        assert_eq!(editor.text(), "typed first. pasted\nover two lines");
        assert!(
            h.app.view.input.text().is_empty(),
            "nothing went to the search bar"
        );
        h.press("ctrl-s");
        let id = h.app.selected_posting().unwrap().id.clone();
        assert_eq!(
            h.shortlists().get(&id).unwrap().note.as_deref(),
            Some("typed first. pasted\nover two lines")
        );
    }

    #[test]
    fn a_paste_into_a_list_name_goes_there() {
        let mut h = seeds();
        h.keys("l n");
        h.send(Action::Paste("Dream\njobs".into()));
        h.press("enter");
        assert!(h.app.model.shortlists.has_list("Dream jobs"));
    }

    #[test]
    fn a_huge_paste_into_the_search_bar_is_cut_and_said_so() {
        let mut h = seeds();
        h.send(Action::Paste("x".repeat(1 << 20)));
        assert_eq!(h.app.view.focus, Focus::Search);
        assert_eq!(h.app.view.input.text().len(), MAX_LINE);
        let m = h.app.view.message.clone().unwrap();
        assert!(m.contains("pasted text cut") && m.contains("4,096"), "{m}");
        // Typing on is refused with the same limit.
        h.type_str("y");
        assert_eq!(h.app.view.input.text().len(), MAX_LINE);
    }

    #[test]
    fn an_overlay_without_text_leaves_the_paste_and_stays_open() {
        let mut h = seeds();
        h.press("?");
        h.send(Action::Paste("hello".into()));
        assert!(matches!(h.app.view.overlay, Some(Overlay::Help { .. })));
        assert!(h.app.view.input.text().is_empty());
    }
}

/// A posting with a 20 MB description (a CSV field): the detail pane lays out a bounded start of
/// it and says so, and scrolling to its end and back works (it took seconds and gigabytes when
/// the whole text was laid out on every key and frame).
#[test]
fn a_huge_description_is_laid_out_only_in_part_and_says_so() {
    let mut p = posting("Huge", "Acme", WorkMode::Remote, None, &[]);
    let paragraph = "lorem ipsum dolor sit amet consectetur adipiscing elit\n";
    p.sections = vec![jobdeck::posting::Section {
        heading: Some("About".into()),
        body: paragraph.repeat((20 << 20) / paragraph.len()),
    }];
    let mut h = Headless::new(vec![p], (120, 35));
    h.press("tab");
    h.press("G");
    let bottom = h.app.view.detail_scroll;
    let screen = h.screen();
    assert!(
        screen.contains("the description goes on for"),
        "the cut is named:\n{screen}"
    );
    // Bounded: the lines laid out are those of the first MAX_LAID_OUT bytes (a paragraph and
    // the blank line after it), not of 20 MB.
    let per_line = paragraph.len();
    assert!(
        bottom < 2 * jobdeck::ui::detail::MAX_LAID_OUT / per_line + 400,
        "{bottom} lines"
    );
    assert!(bottom > jobdeck::ui::detail::MAX_LAID_OUT / per_line / 2);
    h.press("j");
    assert_eq!(h.app.view.detail_scroll, bottom, "clamped at the end");
    h.press("g");
    assert_eq!(h.app.view.detail_scroll, 0);
}

mod undo {
    use super::*;
    use jobdeck::store::Status;

    fn message(h: &Headless) -> String {
        h.app.view.message.clone().unwrap_or_default()
    }

    #[test]
    fn a_status_change_shows_at_once_before_the_store_answers() {
        let mut h = seeds();
        let id = h.app.selected_posting().unwrap().id.clone();
        // Straight to the app: the store's answers never arrive.
        let effects = h.app.update(Action::CycleStatus);
        assert!(matches!(effects.as_slice(), [Effect::Store(_)]));
        assert!(message(&h).contains("status: saved"), "{}", message(&h));
        h.app.update(Action::CycleStatus);
        assert!(message(&h).contains("status: applied"), "{}", message(&h));
        assert_eq!(
            h.app.model.shortlists.get(&id).unwrap().status,
            Some(Status::Applied)
        );
        h.app.update(Action::ToggleHidden);
        assert!(h.app.is_hidden(&id), "hidden on screen at once");
        assert!(
            h.app
                .model
                .listing
                .rows
                .iter()
                .all(|&i| h.app.model.postings[i as usize].id != id)
        );
    }

    #[test]
    fn u_undoes_hide_unbookmark_status_and_list_deletion_exactly() {
        let mut h = seeds();
        let first = h.app.selected_posting().unwrap().id.clone();
        // A list with one posting only on it, one also on Saved.
        h.keys("b S S");
        h.keys("l n");
        h.type_str("Dream");
        h.keys("enter j j a esc j l j j a esc");
        h.keys("l j j a esc");
        let start = h.shortlists().clone();
        assert_eq!(start.ids_in_list("Dream").len(), 2);

        h.keys("g x");
        assert!(message(&h).ends_with("— u undoes"), "{}", message(&h));
        h.keys("X g b");
        assert!(message(&h).contains("u undoes"), "{}", message(&h));
        h.press("S");
        assert!(
            message(&h).contains("status: offer — u undoes"),
            "{}",
            message(&h)
        );
        h.keys("l j j d y esc");
        assert!(!h.shortlists().has_list("Dream"));
        assert_ne!(*h.shortlists(), start);
        for _ in 0..4 {
            h.press("u");
            assert!(message(&h).starts_with("undone:"), "{}", message(&h));
        }
        assert_eq!(*h.shortlists(), start, "the exact shortlists are back");
        assert_eq!(*h.app.model.shortlists, start);
        assert!(h.app.is_bookmarked(&first));
        h.press("u");
        assert!(message(&h).contains("u undoes") || message(&h).starts_with("undone:"));
    }

    #[test]
    fn undo_keeps_a_short_history() {
        let mut h = seeds();
        for _ in 0..(jobdeck::app::shortlists::UNDO_DEPTH + 5) {
            h.press("x");
            h.press("X");
            h.press("g");
        }
        assert_eq!(h.app.model.undo.len(), jobdeck::app::shortlists::UNDO_DEPTH);
        for _ in 0..jobdeck::app::shortlists::UNDO_DEPTH {
            h.press("u");
        }
        h.press("u");
        assert_eq!(message(&h), "nothing to undo");
    }

    #[test]
    fn deleting_a_list_says_what_happens_and_moves_its_only_postings_to_saved() {
        let mut h = seeds();
        let first = h.app.selected_posting().unwrap().id.clone();
        h.keys("l n");
        h.type_str("Dream");
        // Both postings on Dream; the second also on Saved.
        h.keys("enter j j a esc j b l j j a");
        let second = h.app.selected_posting().unwrap().id.clone();
        h.press("d");
        let q = h.app.delete_list_question("Dream");
        assert!(
            q.contains("1 posting is only on it and moves to Saved")
                || q.contains("1 posting only on it moves to Saved; 1 stay"),
            "{q}"
        );
        assert!(h.screen().contains("only on it"), "{}", h.screen());
        h.press("y");
        assert!(!h.shortlists().has_list("Dream"));
        assert_eq!(h.shortlists().get(&first).unwrap().lists, ["Saved"]);
        assert_eq!(h.shortlists().get(&second).unwrap().lists, ["Saved"]);
        assert!(h.app.is_bookmarked(&first), "not silently un-bookmarked");
    }
}

mod escape_and_history {
    use super::*;

    #[test]
    fn esc_closes_only_the_innermost_thing_and_the_query_stays() {
        let mut h = corpus();
        h.keys("/ e n g i n e e r enter");
        let listed = h.app.model.listing.rows.len();
        // Each overlay closed with Esc (and with its own key) leaves the query alone.
        for open in ["?", "l", "t", "f", "E", "n"] {
            h.press(open);
            h.press("esc");
            if h.app.view.filters_open {
                h.press("f");
            }
            assert_eq!(h.app.view.input.text(), "engineer", "after {open} esc");
            assert!(h.app.view.overlay.is_none(), "after {open} esc");
        }
        h.keys("m j m c");
        assert!(matches!(h.app.view.overlay, Some(Overlay::Compare { .. })));
        h.press("q");
        assert!(h.app.view.overlay.is_none());
        assert!(!h.app.model.should_quit && h.app.model.closing.is_none());
        h.keys("c esc");
        assert_eq!(h.app.view.input.text(), "engineer");
        // Closing an overlay leaves the pane under it as it was.
        h.keys("f ?");
        h.press("esc");
        assert!(h.app.view.overlay.is_none());
        assert_eq!(h.app.view.focus, Focus::Filters, "only the help closed");
        assert_eq!(h.app.view.message, None);
        h.keys("f");
        assert_eq!(h.app.view.focus, Focus::List);
        // Esc in the list does not clear it either; it says how.
        h.press("esc");
        assert_eq!(
            h.app.view.input.text(),
            "engineer",
            "Esc in the list keeps the query"
        );
        assert_eq!(h.app.model.listing.rows.len(), listed);
        assert!(
            h.app
                .view
                .message
                .as_deref()
                .unwrap_or("")
                .contains("clears"),
            "{:?}",
            h.app.view.message
        );
        // Esc in the search bar clears it.
        h.keys("/ esc");
        assert_eq!(h.app.view.input.text(), "");
        assert_eq!(h.app.view.focus, Focus::List);
    }

    #[test]
    fn up_and_down_in_the_search_bar_walk_earlier_queries() {
        let mut h = corpus();
        for q in ["rust", "sql", "rust", "go"] {
            h.press("/");
            h.press("ctrl-u");
            h.type_str(q);
            h.press("enter");
        }
        assert_eq!(
            h.app.model.history.entries(),
            ["sql", "rust", "go"],
            "de-duplicated"
        );
        h.press("/");
        h.press("ctrl-u");
        h.type_str("dra");
        h.press("up");
        assert_eq!(h.app.view.input.text(), "go");
        assert_eq!(h.titles(), ["Staff Engineer"], "the recalled query runs");
        h.keys("up up up");
        assert_eq!(h.app.view.input.text(), "sql", "stops at the oldest");
        h.keys("down down");
        assert_eq!(h.app.view.input.text(), "go");
        h.press("down");
        assert_eq!(h.app.view.input.text(), "dra", "back to the draft");
        // ctrl-n / ctrl-p still move the selection while typing.
        h.press("ctrl-u");
        let before = h.app.view.selected;
        h.press("ctrl-n");
        assert_eq!(h.app.view.selected, before + 1);
        // Each Enter asks for the history to be kept.
        h.type_str("data");
        h.press("enter");
        assert!(matches!(
            h.effects().last(),
            Some(Effect::SaveHistory(v)) if v.last().map(String::as_str) == Some("data")
        ));
    }

    #[test]
    fn the_history_is_bounded() {
        let mut hist = jobdeck::app::history::QueryHistory::default();
        for i in 0..(jobdeck::app::history::MAX_ENTRIES + 30) {
            hist.push(&format!("q{i}"));
        }
        assert_eq!(hist.entries().len(), jobdeck::app::history::MAX_ENTRIES);
        assert_eq!(
            hist.entries().last().map(String::as_str),
            Some(format!("q{}", jobdeck::app::history::MAX_ENTRIES + 29).as_str())
        );
        hist.push("   ");
        assert_eq!(
            hist.entries().len(),
            jobdeck::app::history::MAX_ENTRIES,
            "blank is not kept"
        );
    }
}

mod notes {
    use super::*;

    #[test]
    fn esc_keeps_a_changed_draft_and_says_so() {
        let mut h = seeds();
        let id = h.app.selected_posting().unwrap().id.clone();
        h.press("n");
        h.type_str("Ask about on-call");
        h.press("esc");
        assert!(h.app.view.overlay.is_none());
        assert!(h.shortlists().get(&id).is_none(), "not saved");
        let m = h.app.view.message.clone().unwrap_or_default();
        assert!(m.contains("draft kept") && m.contains("n reopens"), "{m}");
        // Elsewhere and back: the draft is there.
        h.keys("j k n");
        match &h.app.view.overlay {
            Some(Overlay::Note { editor, .. }) => assert_eq!(editor.text(), "Ask about on-call"),
            other => panic!("{other:?}"),
        }
        h.press("ctrl-s");
        assert_eq!(
            h.shortlists().get(&id).unwrap().note.as_deref(),
            Some("Ask about on-call")
        );
        // Saved: no draft any more; an unchanged editor closes without a word.
        h.keys("n esc");
        assert!(h.app.model.note_drafts.is_empty());
        assert_eq!(h.app.view.message, None);
    }

    #[test]
    fn ctrl_c_in_the_editor_quits_as_everywhere_and_keeps_the_note() {
        let mut h = seeds();
        let id = h.app.selected_posting().unwrap().id.clone();
        h.press("n");
        h.type_str("Call back Monday");
        h.press("ctrl-c");
        assert!(h.app.model.should_quit, "Ctrl-C quits from the editor too");
        assert_eq!(
            h.shortlists().get(&id).unwrap().note.as_deref(),
            Some("Call back Monday"),
            "the note being written is saved before quitting"
        );
        assert!(matches!(h.effects().last(), Some(Effect::FinalSave)));
    }
}

mod marks {
    use super::*;

    #[test]
    fn marks_are_counted_in_the_status_line_and_cleared_with_one_key() {
        let mut h = corpus();
        h.keys("m j m");
        h.press("esc"); // clears the message
        assert!(h.screen().contains("◆ 2 marked"), "{}", h.screen());
        // Across a search the count stays in view.
        h.keys("/ a n a l y s t enter k");
        assert!(h.screen().contains("◆ 2 marked"), "{}", h.screen());
        h.keys("/ esc c");
        assert!(matches!(h.app.view.overlay, Some(Overlay::Compare { .. })));
        assert!(h.screen().contains("M clears the marks"), "{}", h.screen());
        h.press("M");
        assert!(h.app.model.marks.is_empty());
        assert!(h.app.view.overlay.is_none(), "nothing left to compare");
        assert_eq!(h.app.view.message.as_deref(), Some("unmarked 2 postings"));
        assert!(!h.screen().contains("marked ·"));
    }
}

#[test]
fn at_80x24_the_list_keeps_eight_postings_and_a_focused_detail_gets_the_room() {
    let many: Vec<Posting> = (0..30)
        .map(|i| posting(&format!("Role {i:02}"), "Acme", WorkMode::Remote, None, &[]))
        .collect();
    let mut h = Headless::new(many, (80, 24));
    assert!(
        h.app.list_rows_visible() >= 8,
        "{}",
        h.app.list_rows_visible()
    );
    let screen = h.screen();
    let shown = (0..30)
        .filter(|i| screen.contains(&format!("Role {i:02}")))
        .count();
    assert!(shown >= 8, "{screen}");
    h.keys("G tab");
    assert_eq!(h.app.view.focus, Focus::Detail);
    assert!(h.app.list_rows_visible() < 8);
    let sel = h.app.view.selected;
    assert!(
        (h.app.view.list_offset..h.app.view.list_offset + h.app.list_rows_visible()).contains(&sel),
        "the selection stays in view when the list shrinks"
    );
    h.press("tab");
    assert!(h.app.list_rows_visible() >= 8);
}

#[test]
fn the_default_order_is_newest_first_when_dates_exist_else_by_title() {
    let dated = |title: &str, posted: Option<&str>| {
        let mut p = posting(title, "Acme", WorkMode::Remote, None, &[]);
        p.posted = posted.map(Into::into);
        p.title = (!title.is_empty()).then(|| title.to_string());
        p.id = jobdeck::posting::posting_id(&p);
        p
    };
    let ps = vec![
        dated("", None),
        dated("Old", Some("2026-01-05")),
        dated("Undated B", None),
        dated("New", Some("2026-11-20")),
        dated("Undated A", None),
    ];
    let h = Headless::new(ps.clone(), (120, 35));
    assert_eq!(h.titles(), ["New", "Old", "Undated A", "Undated B", ""]);
    assert!(h.screen().contains("sort: newest"), "{}", h.screen());
    // No dates at all: by title, untitled last.
    let undated: Vec<Posting> = ps.iter().filter(|p| p.posted.is_none()).cloned().collect();
    let h = Headless::new(undated, (120, 35));
    assert_eq!(h.titles(), ["Undated A", "Undated B", ""]);
    // The config chooses: file order.
    let (cfg, problems) = jobdeck::config::Config::parse("default_order = \"file\"\n");
    assert!(problems.is_empty(), "{problems:?}");
    let (settings, _) = jobdeck::cli::settings(&cfg);
    let mut h = Headless::new(Vec::new(), (120, 35));
    h.app = jobdeck::app::App::new("t", settings, h.app.model.today);
    h.send(Action::Resize(120, 35));
    h.load(ps);
    assert_eq!(h.titles(), ["", "Old", "Undated B", "New", "Undated A"]);
    assert!(h.screen().contains("sort: file order"), "{}", h.screen());
    let (_, problems) = jobdeck::config::Config::parse("default_order = \"relevance\"\n");
    assert!(
        problems.iter().any(|p| p.contains("default_order")),
        "{problems:?}"
    );
}

mod filter_pane {
    use super::*;
    use jobdeck::app::FilterRow;
    use jobdeck::facets::FacetKind;

    fn values(h: &Headless) -> Vec<(String, usize)> {
        h.app
            .filter_rows()
            .into_iter()
            .filter_map(|r| match r {
                FilterRow::Value { value, count, .. } => {
                    Some((format!("{:?}", value.kind()) + ":" + &value.label(), count))
                }
                FilterRow::More { kind, count } => Some((format!("{kind:?}:more"), count)),
                FilterRow::Header(_) => None,
            })
            .collect()
    }

    fn cursor_to(h: &mut Headless, label: &str) {
        let rows = h.app.filter_rows();
        let pos = rows
            .iter()
            .filter(|r| !matches!(r, FilterRow::Header(_)))
            .position(|r| match r {
                FilterRow::Value { value, .. } => {
                    format!("{:?}", value.kind()) + ":" + &value.label() == label
                }
                FilterRow::More { kind, .. } => format!("{kind:?}:more") == label,
                _ => false,
            })
            .unwrap_or_else(|| panic!("{label} not in {:?}", values(h)));
        h.press("g");
        for _ in 0..pos {
            h.press("j");
        }
    }

    #[test]
    fn rows_stay_in_place_when_counts_drop_to_zero() {
        let mut h = corpus();
        h.press("f");
        let before: Vec<String> = values(&h).into_iter().map(|(l, _)| l).collect();
        cursor_to(&mut h, "Mode:onsite");
        h.press("space");
        let after = values(&h);
        let labels: Vec<String> = after.iter().map(|(l, _)| l.clone()).collect();
        assert_eq!(labels, before, "no row moved or went away");
        let count = |l: &str| after.iter().find(|(x, _)| x == l).unwrap().1;
        assert_eq!(count("Company:Acme"), 0, "kept, at 0");
        assert_eq!(count("Company:Initech"), 1);
        // The same place toggles the same value again.
        h.press("space");
        assert!(h.app.model.filters.is_empty());
        // A new query lets the rows move again.
        h.keys("/ a c m e enter");
        assert!(!values(&h).iter().any(|(l, _)| l == "Company:Initech"));
    }

    #[test]
    fn company_and_location_have_a_not_stated_row() {
        let mut ps = corpus()
            .app
            .model
            .postings
            .iter()
            .map(|p| (**p).clone())
            .collect::<Vec<_>>();
        ps[1].company = None;
        ps[1].locations.clear();
        let mut h = Headless::new(ps, (120, 35));
        h.press("f");
        let v = values(&h);
        assert!(v.contains(&("Company:not stated".into(), 1)), "{v:?}");
        assert!(v.contains(&("Location:not stated".into(), 1)), "{v:?}");
        cursor_to(&mut h, "Company:not stated");
        h.press("space");
        assert_eq!(h.titles(), ["Frontend Developer"]);
        assert!(h.screen().contains("company not stated"), "{}", h.screen());
    }

    #[test]
    fn a_long_facet_ends_with_n_more_which_lists_every_value() {
        let ps: Vec<Posting> = (0..40)
            .map(|i| {
                posting(
                    &format!("Role {i}"),
                    &format!("Company {i:02}"),
                    WorkMode::Remote,
                    None,
                    &[],
                )
            })
            .collect();
        let mut h = Headless::new(ps, (120, 35));
        h.press("f");
        let v = values(&h);
        assert!(v.contains(&("Company:more".into(), 15)), "{v:?}");
        cursor_to(&mut h, "Company:more");
        assert!(h.screen().contains("… 15 more"), "{}", h.screen());
        h.press("enter");
        assert!(matches!(
            h.app.view.overlay,
            Some(Overlay::Values {
                kind: FacetKind::Company,
                ..
            })
        ));
        assert_eq!(h.app.value_rows().len(), 40);
        h.type_str("y 3");
        let rows = h.app.value_rows();
        let names: Vec<String> = rows.iter().map(|(v, _, _)| v.label()).collect();
        assert_eq!(
            names,
            [
                "Company 30",
                "Company 31",
                "Company 32",
                "Company 33",
                "Company 34",
                "Company 35",
                "Company 36",
                "Company 37",
                "Company 38",
                "Company 39"
            ]
        );
        h.keys("down enter");
        assert_eq!(h.titles(), ["Role 31"]);
        assert!(h.screen().contains("[x] Company 31"), "{}", h.screen());
        h.press("esc");
        assert!(h.app.view.overlay.is_none());
        assert_eq!(h.app.view.focus, Focus::Filters, "back in the filter pane");
    }
}

#[test]
fn at_80_columns_the_status_line_drops_whole_facts_and_keeps_the_undo_hint() {
    let long =
        "Big Data Infrastructure Engineer, Cloud & Mobile WLAN / Autonomous Vehicles Platform";
    let mut ps: Vec<Posting> = (0..3)
        .map(|i| posting(&format!("{long} {i}"), "Acme", WorkMode::Remote, None, &[]))
        .collect();
    ps.push(posting("Short", "Initech", WorkMode::Onsite, None, &[]));
    let mut h = Headless::new(ps, (80, 24));
    h.keys("m j m x");
    let status = |h: &Headless| h.screen().lines().last().unwrap().to_string();
    let line = status(&h);
    assert!(line.contains("— u undoes"), "{line}");
    h.keys("X f j space f");
    h.press("k");
    let line = status(&h);
    // Whatever is left out goes whole: the line ends with a full fact or " …".
    let text = line.trim_matches(|c| c == '"' || c == ' ');
    assert!(text.ends_with(" …") || !text.contains('…'), "{line}");
    assert!(
        text.ends_with("sort: newest …"),
        "the filter summary went whole: {line}"
    );
    assert!(line.contains("◆ 2 marked"), "{line}");
}

/// Remote roles open to Germany only, the EU, the US only, anywhere; and an office role.
fn remote_corpus() -> Headless {
    let eu = jobdeck::places::Gazetteer::get()
        .group("eu")
        .unwrap()
        .to_vec();
    let mut eu_uk = eu.clone();
    eu_uk.push("GB".into());
    let roles: [(&str, Vec<String>); 6] = [
        ("Berlin Remote", vec!["DE".into()]),
        ("EU Remote", eu),
        ("EU or UK Remote", eu_uk),
        ("US Remote", vec!["US".into()]),
        ("Worldwide Remote", vec!["*".into()]),
        ("Office Job", vec![]),
    ];
    let postings = roles
        .into_iter()
        .map(|(title, from)| {
            let mode = if from.is_empty() {
                WorkMode::Onsite
            } else {
                WorkMode::Remote
            };
            let mut p = posting(title, "Acme", mode, None, &[]);
            p.remote_from = from;
            p
        })
        .collect();
    Headless::new(postings, (120, 35))
}

fn sorted_titles(h: &Headless) -> Vec<String> {
    let mut t = h.titles();
    t.sort();
    t
}

#[test]
fn open_to_facet_lists_where_remote_roles_may_be_done_from() {
    let mut h = remote_corpus();
    h.press("f");
    let rows = pane(&h);
    let count = |label: &str| {
        rows.iter()
            .find(|(l, _, _)| l == label)
            .unwrap_or_else(|| panic!("no row {label:?} in {rows:?}"))
            .1
    };
    // A row counts the roles open to someone there: Germany's own, the EU's and the EU-or-UK
    // one (Germany is in the EU) and the worldwide one; the EU's the same four.
    assert_eq!(count("Germany"), 4);
    assert_eq!(count("EU"), 4);
    assert_eq!(count("United Kingdom"), 2);
    assert_eq!(count("United States"), 2);
    assert_eq!(count("anywhere"), 1);
    assert!(
        !rows.iter().any(|(l, _, _)| l == "France"),
        "a group is one row, not its 27 countries"
    );
    // Open to someone in Germany: its own, the EU's, the EU-or-UK one, the worldwide one.
    let open_to_germany = [
        "Berlin Remote",
        "EU Remote",
        "EU or UK Remote",
        "Worldwide Remote",
    ];
    tick(&mut h, "Germany");
    assert_eq!(sorted_titles(&h), open_to_germany);
    h.press("R");
    tick(&mut h, "anywhere");
    assert_eq!(sorted_titles(&h), ["Worldwide Remote"]);
    assert!(h.app.model.filters.summary().contains("open to anywhere"));
    tick(&mut h, "United States");
    assert_eq!(sorted_titles(&h), ["US Remote", "Worldwide Remote"]);
    // A country row keeps what the query language's from: keeps.
    h.press("R");
    h.press("esc");
    h.press("/");
    h.type_str("from:de");
    assert_eq!(sorted_titles(&h), open_to_germany);
}

#[test]
fn location_facet_lists_places_under_their_country() {
    let place = |name: &str, city: &str, cc: &str| jobdeck::places::Place {
        name: name.into(),
        city: Some(city.into()),
        region: None,
        country: Some(cc.into()),
    };
    let at = |title: &str, name: &str, resolved: Option<jobdeck::places::Place>| {
        let mut p = posting(title, "Acme", WorkMode::Onsite, None, &[]);
        p.locations = vec![name.into()];
        p.places = resolved.into_iter().collect();
        p
    };
    let mut h = Headless::new(
        vec![
            at(
                "Berlin Job",
                "Berlin",
                Some(place("Berlin", "Berlin", "DE")),
            ),
            at(
                "Munich Job",
                "München",
                Some(place("München", "Munich", "DE")),
            ),
            at(
                "Austin Job",
                "Austin, TX",
                Some(place("Austin, TX", "Austin", "US")),
            ),
            at("Atlantis Job", "Atlantis", None),
        ],
        (120, 35),
    );
    h.press("f");
    let rows = h.app.filter_rows();
    let locations: Vec<(FacetValue, usize)> = rows
        .iter()
        .filter_map(|r| match r {
            jobdeck::app::FilterRow::Value { value, count, .. }
                if value.kind() == jobdeck::facets::FacetKind::Location =>
            {
                Some((value.clone(), *count))
            }
            _ => None,
        })
        .collect();
    // Countries by postings, each followed by its places; a place of no known country alone.
    assert_eq!(
        locations,
        [
            (FacetValue::Country("Germany".into()), 2),
            (FacetValue::Location("Berlin, DE".into()), 1),
            (FacetValue::Location("Munich, DE".into()), 1),
            (FacetValue::Location("Atlantis".into()), 1),
            (FacetValue::Country("United States".into()), 1),
            (FacetValue::Location("Austin, US".into()), 1),
        ]
    );
    tick(&mut h, "Germany");
    assert_eq!(sorted_titles(&h), ["Berlin Job", "Munich Job"]);
    assert!(h.app.model.filters.summary().contains("in Germany"));
    // A country and a place of another combine OR, like any two values of a facet.
    tick(&mut h, "Austin, US");
    assert_eq!(
        sorted_titles(&h),
        ["Austin Job", "Berlin Job", "Munich Job"]
    );
}

/// Keys go to what has the keyboard: the overlay on top, else the focused pane; never both.
mod routing {
    use super::*;

    #[test]
    fn an_overlay_takes_the_moving_keys_and_the_pane_below_keeps_its_place() {
        let mut h = corpus();
        h.press("j");
        let selected = h.app.view.selected;
        assert_eq!(selected, 1);
        h.press("?");
        h.press("j");
        h.press("j");
        assert_eq!(h.app.view.selected, selected, "the list did not move");
        assert_eq!(h.app.view.overlay, Some(Overlay::Help { scroll: 2 }));
        h.press("esc");
        assert_eq!(h.app.view.overlay, None);
        h.press("k");
        assert_eq!(
            h.app.view.selected,
            selected - 1,
            "the list has the keys again"
        );
    }

    #[test]
    fn every_action_the_default_key_map_binds_is_a_persons() {
        use jobdeck::app::action::Kind;
        let keymap = jobdeck::app::keymap::Keymap::defaults();
        for b in keymap.bindings() {
            assert_ne!(b.action.kind(), Kind::Background, "{:?} is bound", b.action);
            assert!(b.action.is_user());
        }
    }

    #[test]
    fn background_news_keeps_the_message_and_a_key_clears_it() {
        let mut h = seeds();
        h.send(Action::Notify("hello".into()));
        h.send(Action::Resize(100, 30));
        assert_eq!(h.app.view.message.as_deref(), Some("hello"));
        h.press("j");
        assert_eq!(h.app.view.message, None);
    }
}

/// What the browser knows as it opens reaches the app as one action: the first message, the
/// query history (up in the search bar), and that the shortlists cannot be saved (quitting
/// then does not wait for a save).
#[test]
fn the_opening_is_told_to_the_app_as_an_action() {
    let today = time::macros::date!(2026 - 11 - 23);
    let mut app = jobdeck::app::App::new("t", jobdeck::app::Settings::default(), today);
    app.update(Action::Resize(100, 30));
    app.update(Action::Opened(Box::new(jobdeck::app::Opening {
        has_store: false,
        history: vec!["rust remote".into()],
        rescue_path: None,
        message: Some("shortlists unavailable: disk on fire".into()),
    })));
    assert_eq!(
        app.view.message.as_deref(),
        Some("shortlists unavailable: disk on fire")
    );
    assert_eq!(app.model.history.older(""), Some("rust remote"));
    app.update(Action::Quit);
    assert!(app.model.should_quit, "no store: nothing to wait for");
}
