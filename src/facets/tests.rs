use super::*;
use crate::dates::posted_age_days;
use crate::posting::{Period, Posting, Salary, WorkMode};

fn p(
    id: &str,
    company: &str,
    mode: Option<WorkMode>,
    salary: Option<f64>,
    skills: &[&str],
) -> Posting {
    Posting {
        id: id.into(),
        title: Some(format!("Job {id}")),
        company: Some(company.into()),
        locations: vec!["Berlin".into()],
        work_mode: mode,
        salary: salary.and_then(|s| Salary::new(Some(s), None, "USD", Period::Year)),
        skills: skills.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

fn today() -> time::Date {
    time::macros::date!(2026 - 11 - 23)
}

fn index() -> FacetIndex {
    let mut ix = FacetIndex::default();
    let ps = [
        p(
            "a",
            "Acme",
            Some(WorkMode::Remote),
            Some(180_000.0),
            &["Rust", "SQL"],
        ),
        p("b", "Initech", Some(WorkMode::Onsite), None, &["Java"]),
        p(
            "c",
            "Acme",
            Some(WorkMode::Hybrid),
            Some(90_000.0),
            &["Rust"],
        ),
        p(
            "a",
            "Acme",
            Some(WorkMode::Remote),
            Some(180_000.0),
            &["Rust", "SQL"],
        ), // duplicate of a
    ];
    ix.extend(ps.iter(), today());
    ix
}

fn ctx<'a>(b: &'a [bool], h: &'a [bool]) -> ViewContext<'a> {
    ViewContext {
        show_closed: false,
        bookmarked: b,
        hidden: h,
        show_hidden: false,
        status: &[],
        only: None,
        scores: &[],
        keep: &[],
    }
}

fn salary_group(groups: &[FacetGroup]) -> &FacetGroup {
    groups.iter().find(|g| g.kind == FacetKind::Salary).unwrap()
}

fn count(v: &View, kind: FacetKind, value: &FacetValue) -> usize {
    v.facets
        .iter()
        .find(|g| g.kind == kind)
        .unwrap()
        .values
        .iter()
        .find(|(x, _)| x == value)
        .map_or(0, |(_, c)| *c)
}

#[test]
fn duplicates_are_listed_once() {
    let mut ix = index();
    let v = ix.view(
        &[0, 1, 2, 3],
        &Filters::default(),
        SortKey::Relevance,
        &ctx(&[false; 4], &[false; 4]),
    );
    assert_eq!(v.rows, vec![0, 1, 2]);
    assert_eq!(
        count(&v, FacetKind::Company, &FacetValue::Company("Acme".into())),
        2
    );
    assert_eq!(
        count(&v, FacetKind::Skill, &FacetValue::Skill("Rust".into())),
        2
    );
}

#[test]
fn or_within_and_across_facets() {
    let mut ix = index();
    let mut f = Filters::default();
    f.toggle(FacetValue::Mode(Some(WorkMode::Remote)));
    f.toggle(FacetValue::Mode(Some(WorkMode::Hybrid)));
    let c = ctx(&[false; 4], &[false; 4]);
    assert_eq!(
        ix.view(&[0, 1, 2], &f, SortKey::Relevance, &c).rows,
        vec![0, 2]
    );
    f.toggle(FacetValue::Skill("SQL".into()));
    let v = ix.view(&[0, 1, 2], &f, SortKey::Relevance, &c);
    assert_eq!(v.rows, vec![0]);
    // The mode facet's counts ignore the mode filter itself: alternatives stay visible.
    assert_eq!(
        count(
            &v,
            FacetKind::Mode,
            &FacetValue::Mode(Some(WorkMode::Remote))
        ),
        1
    );
    assert_eq!(
        count(
            &v,
            FacetKind::Mode,
            &FacetValue::Mode(Some(WorkMode::Onsite))
        ),
        0
    );
}

#[test]
fn salary_floor_leaves_out_unstated_unless_ticked() {
    let mut ix = index();
    let c = ctx(&[false; 4], &[false; 4]);
    let mut f = Filters::default();
    f.toggle(FacetValue::SalaryAtLeast(150));
    let v = ix.view(&[0, 1, 2], &f, SortKey::Relevance, &c);
    assert_eq!(
        v.rows,
        vec![0],
        "a floor leaves out postings that state no pay"
    );
    let salary = salary_group(&v.facets);
    assert!(
        salary.values.contains(&(FacetValue::NoSalary, 1)),
        "the unstated are a row of their own, with their count: {:?}",
        salary.values
    );
    f.toggle(FacetValue::NoSalary);
    assert_eq!(
        ix.view(&[0, 1, 2], &f, SortKey::Relevance, &c).rows,
        vec![0, 1],
        "ticked beside the floor, they are kept"
    );
    f.toggle(FacetValue::SalaryAtLeast(50));
    assert!(
        !f.is_selected(&FacetValue::SalaryAtLeast(150)),
        "floors are exclusive"
    );
    assert_eq!(
        ix.view(&[0, 1, 2], &f, SortKey::Relevance, &c).rows,
        vec![0, 1, 2]
    );
    f.toggle(FacetValue::SalaryAtLeast(50));
    assert_eq!(
        ix.view(&[0, 1, 2], &f, SortKey::Relevance, &c).rows,
        vec![1],
        "alone, only the postings that state no pay"
    );
}

#[test]
fn estimates_can_be_left_out_of_the_salary_group() {
    let mut ps: Vec<Posting> = vec![
        p("s", "Acme", None, Some(180_000.0), &[]),
        p("e", "Acme", None, Some(200_000.0), &[]),
        p("n", "Acme", None, None, &[]),
    ];
    ps[1].salary.as_mut().unwrap().provenance = crate::posting::PayProvenance::Estimate;
    let mut ix = FacetIndex::default();
    ix.extend(ps.iter(), today());
    let c = ctx(&[false; 3], &[false; 3]);
    let mut f = Filters::default();
    let groups = ix.view(&[0, 1, 2], &f, SortKey::Relevance, &c).facets;
    let salary = salary_group(&groups);
    assert!(salary.values.contains(&(FacetValue::EstimatesLeftOut, 1)));
    f.toggle(FacetValue::EstimatesLeftOut);
    let v = ix.view(&[0, 1, 2], &f, SortKey::Relevance, &c);
    assert_eq!(v.rows, vec![0, 2], "the estimate goes, the unstated stay");
    let salary = salary_group(&v.facets);
    assert!(
        salary.values.contains(&(FacetValue::SalaryAtLeast(150), 1)),
        "an estimate left out counts toward no floor: {:?}",
        salary.values
    );
    f.toggle(FacetValue::SalaryAtLeast(150));
    assert_eq!(
        ix.view(&[0, 1, 2], &f, SortKey::Relevance, &c).rows,
        vec![0]
    );
}

#[test]
fn bookmarked_and_hidden() {
    let mut ix = index();
    let b = [false, true, false, false];
    let h = [false, false, true, false];
    let mut f = Filters::default();
    assert_eq!(
        ix.view(&[0, 1, 2], &f, SortKey::Relevance, &ctx(&b, &h))
            .rows,
        vec![0, 1]
    );
    let show = ViewContext {
        show_closed: false,
        bookmarked: &b,
        hidden: &h,
        show_hidden: true,
        status: &[],
        only: None,
        scores: &[],
        keep: &[],
    };
    assert_eq!(
        ix.view(&[0, 1, 2], &f, SortKey::Relevance, &show).rows,
        vec![0, 1, 2]
    );
    f.toggle(FacetValue::BookmarkedOnly);
    assert_eq!(
        ix.view(&[0, 1, 2], &f, SortKey::Relevance, &ctx(&b, &h))
            .rows,
        vec![1]
    );
}

#[test]
fn sorts() {
    let mut ix = index();
    let c = ctx(&[false; 4], &[false; 4]);
    let f = Filters::default();
    assert_eq!(
        ix.view(&[2, 1, 0], &f, SortKey::Relevance, &c).rows,
        vec![2, 1, 0]
    );
    assert_eq!(
        ix.view(&[2, 1, 0], &f, SortKey::Title, &c).rows,
        vec![0, 1, 2]
    );
    assert_eq!(
        ix.view(&[2, 1, 0], &f, SortKey::Company, &c).rows,
        vec![0, 2, 1]
    );
    assert_eq!(
        ix.view(&[2, 1, 0], &f, SortKey::Salary, &c).rows,
        vec![0, 2, 1]
    );
    assert_eq!(SortKey::Newest.next(false, false), SortKey::Title);
    assert_eq!(SortKey::Newest.next(true, false), SortKey::Relevance);
    assert_eq!(SortKey::Newest.next(true, true), SortKey::Score);
}

#[test]
fn posted_ages() {
    let t = today();
    assert_eq!(posted_age_days("1mo ago", t), Some(30));
    assert_eq!(posted_age_days("3 days ago", t), Some(3));
    assert_eq!(posted_age_days("2w ago", t), Some(14));
    assert_eq!(posted_age_days("an hour ago", t), Some(0));
    assert_eq!(posted_age_days("2026-11-20", t), Some(3));
    assert_eq!(posted_age_days("soon", t), None);
}
