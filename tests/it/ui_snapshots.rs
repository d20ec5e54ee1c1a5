//! The rendered screens, through ratatui's TestBackend, at 80x24 and 120x35.

use jobdeck::corpus::{CorpusSource, LoadOptions, load};
use jobdeck::tui::headless::Headless;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn seeds(size: (u16, u16)) -> Headless {
    Headless::new(
        load(&CorpusSource::Seeds, &LoadOptions::default()).postings,
        size,
    )
}

fn render(h: &Headless) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(h.app.view.size.0, h.app.view.size.1)).unwrap();
    t.draw(|f| jobdeck::ui::draw(f, &h.app)).unwrap();
    t
}

fn screen(h: &Headless) -> String {
    render(h).backend().to_string()
}

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 35)];

fn name(what: &str, size: (u16, u16)) -> String {
    format!("{what}_{}x{}", size.0, size.1)
}

#[test]
fn list_and_detail() {
    for size in SIZES {
        insta::assert_snapshot!(name("list_detail", size), screen(&seeds(size)));
    }
}

#[test]
fn search_with_highlights() {
    for size in SIZES {
        let mut h = seeds(size);
        h.press("/");
        h.type_str("trust");
        insta::assert_snapshot!(name("search", size), screen(&h));
    }
}

#[test]
fn matched_characters_are_highlighted() {
    let mut h = seeds((120, 35));
    h.press("/");
    h.type_str("trust");
    let mut t = render(&h);
    let buf = t.backend().buffer().clone();
    let matched = h.app.settings.theme.matched;
    // Row 2 is the first list row: find "Trust" in it and check its style.
    let row: String = (0..120).map(|x| buf[(x, 2)].symbol().to_string()).collect();
    let col = row.find("Trust").expect("the title is listed") as u16;
    let col = row[..col as usize].chars().count() as u16;
    for x in col..col + 5 {
        let cell = &buf[(x, 2)];
        assert!(
            cell.modifier.contains(matched.add_modifier),
            "{:?} at {x} is not highlighted",
            cell.symbol()
        );
    }
    let before = &buf[(col - 2, 2)];
    assert!(
        !before
            .modifier
            .contains(ratatui::style::Modifier::UNDERLINED)
    );
    // The cursor sits after the query in the search bar.
    assert_eq!(t.get_cursor_position().unwrap().x, 3 + 5);
}

#[test]
fn filter_pane() {
    for size in SIZES {
        let mut h = seeds(size);
        h.press("f");
        h.press("j");
        h.press("space");
        insta::assert_snapshot!(name("filters", size), screen(&h));
    }
}

/// A salary floor ticked: the posting without pay is left out, and "no salary stated" stays a
/// row of its own, unticked, with its count.
#[test]
fn filter_pane_salary_floor() {
    for size in SIZES {
        let mut h = seeds(size);
        h.press("f");
        let at = h
            .app
            .filter_rows()
            .iter()
            .filter(|r| !matches!(r, jobdeck::app::FilterRow::Header(_)))
            .position(|r| {
                matches!(r, jobdeck::app::FilterRow::Value { value, .. }
                    if *value == jobdeck::facets::FacetValue::SalaryAtLeast(100))
            })
            .unwrap();
        for _ in 0..at {
            h.press("j");
        }
        h.press("space");
        assert_eq!(h.app.model.listing.rows.len(), 1);
        insta::assert_snapshot!(name("filters_floor", size), screen(&h));
    }
}

#[test]
fn help() {
    for size in SIZES {
        let mut h = seeds(size);
        h.press("?");
        insta::assert_snapshot!(name("help", size), screen(&h));
    }
}

#[test]
fn compare() {
    for size in SIZES {
        let mut h = seeds(size);
        h.keys("m j m c");
        insta::assert_snapshot!(name("compare", size), screen(&h));
    }
}

#[test]
fn empty_result() {
    for size in SIZES {
        let mut h = seeds(size);
        h.press("/");
        h.type_str("zzqx");
        insta::assert_snapshot!(name("empty", size), screen(&h));
    }
}

#[test]
fn tiny_terminal_does_not_panic() {
    for size in [(1, 1), (10, 3), (30, 8), (300, 100)] {
        let mut h = seeds(size);
        for keys in ["f", "?", "esc", "m j m c", "esc / t r u s t", "tab tab G"] {
            h.keys(keys);
            let _ = screen(&h);
        }
    }
}

/// The seeds plus two more postings, so that 3 and 4 columns can be compared.
fn four(size: (u16, u16)) -> Headless {
    use jobdeck::posting::{EmploymentType, Period, Posting, Salary, WorkMode};
    let mut ps = load(&CorpusSource::Seeds, &LoadOptions::default()).postings;
    for (title, company, mode, salary, period, skills) in [
        (
            "Staff Platform Engineer",
            "Globex",
            WorkMode::Remote,
            95.0,
            Period::Hour,
            ["SQL", "Go", "Kubernetes"],
        ),
        (
            "Backend Developer",
            "Initech",
            WorkMode::Onsite,
            7_000.0,
            Period::Month,
            ["SQL", "Node.js", "Redis"],
        ),
    ] {
        let mut p = Posting {
            title: Some(title.into()),
            company: Some(company.into()),
            locations: vec!["Berlin, Germany".into()],
            work_mode: Some(mode),
            employment_type: Some(EmploymentType::FullTime),
            salary: Salary::new(Some(salary), None, "EUR", period),
            skills: skills.iter().map(|s| s.to_string()).collect(),
            benefits: vec!["Learning budget".into()],
            posted: Some("3d ago".into()),
            source: format!("fixtures/{company}.txt"),
            ..Default::default()
        };
        p.id = jobdeck::posting::posting_id(&p);
        ps.push(p);
    }
    Headless::new(ps, size)
}

#[test]
fn compare_two_three_and_four_columns() {
    for size in [(80, 24), (160, 48)] {
        for n in 2..=4 {
            let mut h = four(size);
            for _ in 0..n {
                h.keys("m j");
            }
            h.press("c");
            insta::assert_snapshot!(
                format!("compare_{n}_columns_{}x{}", size.0, size.1),
                screen(&h)
            );
        }
    }
}

#[test]
fn shortlist_panes() {
    for size in SIZES {
        let mut h = seeds(size);
        h.keys("b j b S S n");
        h.type_str("Ask about on-call.");
        h.press("enter");
        h.type_str("Referral from Ana");
        insta::assert_snapshot!(name("note_editor", size), screen(&h));
        h.press("ctrl-s");
        h.keys("l n");
        h.type_str("Dream jobs");
        h.press("enter");
        h.keys("j j a");
        insta::assert_snapshot!(name("lists", size), screen(&h));
        h.keys("esc t");
        insta::assert_snapshot!(name("status_menu", size), screen(&h));
        h.keys("esc tab");
        insta::assert_snapshot!(name("detail_with_note", size), screen(&h));
    }
}

/// Each theme's colours and emphasis, as styled buffers (text and styles) at 80x24.
#[test]
fn themed_screens() {
    for name in ["dark", "light", "ansi16"] {
        let mut h = seeds((80, 24));
        std::sync::Arc::make_mut(&mut h.app.settings).theme =
            jobdeck::theme::Theme::load(name).unwrap();
        h.keys("b f");
        h.press("/");
        h.type_str("trust");
        let t = render(&h);
        insta::assert_debug_snapshot!(format!("theme_{name}_80x24"), t.backend().buffer());
    }
}

/// Wide characters (CJK) and emoji take two columns; rows stay aligned around them.
#[test]
fn wide_characters_and_emoji_keep_columns_aligned() {
    use jobdeck::posting::{Period, Posting, Salary};
    let titles = [
        "採用 Senior Engineer 🚀",
        "Plain Engineer",
        "🦀🦀 Rustacean 職種 👩‍💻",
        "Café Müller Ingénieur",
    ];
    let ps: Vec<Posting> = titles
        .iter()
        .map(|t| {
            let mut p = Posting {
                title: Some(t.to_string()),
                company: Some("会社 株式会社".into()),
                locations: vec!["東京, Japan".into()],
                salary: Salary::new(Some(100_000.0), Some(150_000.0), "USD", Period::Year),
                source: format!("{t}.txt"),
                ..Default::default()
            };
            p.id = jobdeck::posting::posting_id(&p);
            p
        })
        .collect();
    for size in SIZES {
        let h = Headless::new(ps.clone(), size);
        let t = render(&h);
        let buf = t.backend().buffer();
        let list = jobdeck::layout::panes(size, false, false, ps.len()).list;
        // Each posting's first row ends with the salary against the right border.
        let visible = (list.height - 2) / 2;
        for row in 0..(titles.len() as u16).min(visible) {
            let y = list.y + 1 + row * 2;
            let right = list.right() - 2;
            let tail: String = (right - 5..=right)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            assert!(
                tail.ends_with("150k") || tail.ends_with("0k"),
                "row {row} at {size:?}: {tail:?}"
            );
            let border = buf[(list.right() - 1, y)].symbol();
            assert!(
                ["│", "█", "║"].contains(&border),
                "the border (or scrollbar) stays in place on row {row}: {border:?}"
            );
        }
        insta::assert_snapshot!(name("wide", size), t.backend().to_string());
    }
}
