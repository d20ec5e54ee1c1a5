//! From search hits to the rows the list shows: duplicates, hidden postings and filters dropped,
//! the rest sorted, and the facet values counted on the way.

use super::counts::RawCounts;
use super::{FacetIndex, FacetKind, FacetValue, Filters, Marks, SortKey};
use crate::posting::{EmploymentType, Seniority, WorkMode};
use crate::store::Status;

impl FacetIndex {
    /// Filters and sorts `hits` (corpus indices, best first), and counts facet values.
    /// Duplicates are dropped, and so are hidden postings unless `show_hidden`.
    pub fn view(
        &mut self,
        hits: &[u32],
        filters: &Filters,
        sort: SortKey,
        ctx: &ViewContext<'_>,
    ) -> View {
        let compiled = Compiled::new(self, filters);
        let mut counts = RawCounts::new(self, filters);
        let mut rows = Vec::with_capacity(hits.len());
        for &i in hits {
            let iu = i as usize;
            if self.duplicate[iu]
                || self.removed[iu]
                || self.linked[iu]
                || (!ctx.show_closed && self.closed[iu])
                || (!ctx.show_hidden && ctx.hidden.get(iu).copied().unwrap_or(false))
                || ctx
                    .only
                    .is_some_and(|only| !only.get(iu).copied().unwrap_or(false))
            {
                continue;
            }
            let fails = compiled.failures(self, i, ctx);
            if fails == 0 {
                rows.push(i);
                counts.add(self, i, ctx, u16::MAX);
            } else if fails.count_ones() == 1 {
                // Passes every other facet: counts toward the alternatives of the failing one.
                counts.add(self, i, ctx, fails);
            }
        }
        self.sort(&mut rows, sort, ctx.scores);
        View {
            rows,
            facets: counts.finish(self, filters, ctx.keep),
        }
    }
}

/// What the view needs from outside the corpus, by corpus index: bookmarks, hidden postings,
/// application statuses, and the shortlist being browsed.
#[derive(Debug, Clone, Copy)]
pub struct ViewContext<'a> {
    pub bookmarked: &'a Marks,
    pub hidden: &'a Marks,
    pub show_hidden: bool,
    /// Closed pulled postings listed too.
    pub show_closed: bool,
    pub status: &'a [Option<Status>],
    /// When browsing a shortlist: which postings are on it.
    pub only: Option<&'a Marks>,
    /// Scores from the user's scoring rules (for the score sort).
    pub scores: &'a [i32],
    /// Values the filter pane showed: counted and listed even at 0, so that rows stay put.
    pub keep: &'a [FacetValue],
}

impl ViewContext<'_> {
    /// No bookmarks, nothing hidden, no list.
    pub const EMPTY: ViewContext<'static> = ViewContext {
        bookmarked: &[],
        hidden: &[],
        show_hidden: false,
        show_closed: false,
        status: &[],
        only: None,
        scores: &[],
        keep: &[],
    };
}

/// The filtered, sorted rows and the facet counts to show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    pub rows: Vec<u32>,
    pub facets: Vec<FacetGroup>,
}

/// A facet with its values and counts, as the filter pane lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetGroup {
    pub kind: FacetKind,
    pub values: Vec<(FacetValue, usize)>,
    /// Values with postings that are not listed (beyond the top [`super::MAX_LISTED`]).
    pub more: usize,
    /// For the open-ended facets (company, location, skills): every value with postings, as
    /// (id, count), most postings first — what "… N more" lists ([`FacetIndex::value_of`]
    /// names them).
    pub all: Vec<(u32, usize)>,
}

impl FacetIndex {
    /// The value of an open-ended facet's id (see [`FacetGroup::all`]).
    pub fn value_of(&self, kind: FacetKind, id: u32) -> Option<FacetValue> {
        let names = match kind {
            FacetKind::Company => &self.companies,
            FacetKind::Location => &self.places,
            FacetKind::OpenTo => &self.open_names,
            FacetKind::Skill => &self.skill_names,
            _ => return None,
        };
        let name = names.names().get(id as usize)?.to_string();
        Some(match kind {
            FacetKind::Company => FacetValue::Company(name),
            FacetKind::Location => FacetValue::Location(name),
            FacetKind::OpenTo => FacetValue::OpenTo(name),
            _ => FacetValue::Skill(name),
        })
    }
}

/// Filters turned into id sets for fast checks.
struct Compiled {
    active: u16,
    statuses: Vec<Option<Status>>,
    modes: Vec<Option<WorkMode>>,
    types: Vec<Option<EmploymentType>>,
    levels: Vec<Option<Seniority>>,
    floor: Option<f64>,
    no_salary: bool,
    no_estimates: bool,
    companies: Vec<u32>,
    no_company: bool,
    places: Vec<u32>,
    countries: Vec<u32>,
    no_place: bool,
    /// The countries of the "open to" rows ticked, and whether there is one.
    open_to: super::index::CodeSet,
    open_to_any: bool,
    open_anywhere: bool,
    skills: Vec<u32>,
    bookmarked_only: bool,
}

impl Compiled {
    fn new(ix: &FacetIndex, f: &Filters) -> Compiled {
        let mut c = Compiled {
            active: 0,
            statuses: Vec::new(),
            modes: Vec::new(),
            types: Vec::new(),
            levels: Vec::new(),
            floor: None,
            no_salary: false,
            no_estimates: false,
            companies: Vec::new(),
            no_company: false,
            places: Vec::new(),
            countries: Vec::new(),
            no_place: false,
            open_to: Default::default(),
            open_to_any: false,
            open_anywhere: false,
            skills: Vec::new(),
            bookmarked_only: false,
        };
        for v in f.selected() {
            c.active |= v.kind().bit();
            match v {
                FacetValue::BookmarkedOnly => c.bookmarked_only = true,
                FacetValue::Status(s) => c.statuses.push(*s),
                FacetValue::Mode(m) => c.modes.push(*m),
                FacetValue::Type(t) => c.types.push(*t),
                FacetValue::Level(l) => c.levels.push(*l),
                FacetValue::SalaryAtLeast(k) => c.floor = Some(f64::from(*k)),
                FacetValue::NoSalary => c.no_salary = true,
                FacetValue::EstimatesLeftOut => c.no_estimates = true,
                // A value no posting has (yet) matches nothing: u32::MAX is never an id.
                FacetValue::Company(s) => c.companies.push(ix.companies.get(s).unwrap_or(u32::MAX)),
                FacetValue::Location(s) => c.places.push(ix.places.get(s).unwrap_or(u32::MAX)),
                FacetValue::NoCompany => c.no_company = true,
                FacetValue::Country(s) => c
                    .countries
                    .push(ix.country_names.get(s).unwrap_or(u32::MAX)),
                FacetValue::NoLocation => c.no_place = true,
                FacetValue::OpenTo(s) => {
                    c.open_to_any = true;
                    if let Some(id) = ix.open_names.get(s) {
                        c.open_to.add_all(&ix.open_sets[id as usize]);
                    }
                }
                FacetValue::OpenAnywhere => c.open_anywhere = true,
                FacetValue::Skill(s) => c.skills.push(ix.skill_names.get(s).unwrap_or(u32::MAX)),
            }
        }
        c
    }

    /// Whether posting `i` passes the salary group: a floor and "no salary stated" are its
    /// choices (either kept when both are ticked; without a choice every posting passes), and
    /// "estimates left out" drops a board's estimates whatever the choice.
    fn salary_ok(&self, ix: &FacetIndex, i: usize) -> bool {
        if self.no_estimates && ix.estimate[i] {
            return false;
        }
        if self.floor.is_none() && !self.no_salary {
            return true;
        }
        match ix.salary_k[i] {
            Some(k) => self.floor.is_some_and(|f| k >= f),
            None => self.no_salary,
        }
    }

    /// The facets (as bits) whose filter posting `i` fails.
    fn failures(&self, ix: &FacetIndex, i: u32, ctx: &ViewContext<'_>) -> u16 {
        if self.active == 0 {
            return 0;
        }
        let i = i as usize;
        let mut fails = 0;
        let mut check = |kind: FacetKind, ok: bool| {
            if self.active & kind.bit() != 0 && !ok {
                fails |= kind.bit();
            }
        };
        check(
            FacetKind::Bookmarked,
            !self.bookmarked_only || ctx.bookmarked.get(i).copied().unwrap_or(false),
        );
        check(
            FacetKind::Status,
            self.statuses.is_empty()
                || self
                    .statuses
                    .contains(&ctx.status.get(i).copied().flatten()),
        );
        check(
            FacetKind::Mode,
            self.modes.is_empty() || self.modes.contains(&ix.mode[i]),
        );
        check(
            FacetKind::Type,
            self.types.is_empty() || self.types.contains(&ix.etype[i]),
        );
        check(
            FacetKind::Level,
            self.levels.is_empty() || self.levels.contains(&ix.level[i]),
        );
        check(FacetKind::Salary, self.salary_ok(ix, i));
        check(
            FacetKind::Company,
            match ix.company[i] {
                Some(c) => self.companies.contains(&c),
                None => self.no_company,
            },
        );
        check(
            FacetKind::Location,
            if ix.locations[i].is_empty() {
                self.no_place
            } else {
                ix.locations[i].iter().any(|l| self.places.contains(l))
                    || ix.countries[i].iter().any(|c| self.countries.contains(c))
            },
        );
        // A place keeps the roles open to someone there — its own, a group's it is in, the
        // worldwide ones — as `from:de` does; "anywhere" keeps only the worldwide ones.
        check(
            FacetKind::OpenTo,
            if ix.anywhere[i] {
                self.open_anywhere || self.open_to_any
            } else {
                ix.open_to[i]
                    .iter()
                    .any(|&l| ix.open_sets[l as usize].meets(&self.open_to))
            },
        );
        // Skills combine OR within the facet, like every facet.
        check(
            FacetKind::Skill,
            self.skills.is_empty() || ix.skills[i].iter().any(|s| self.skills.contains(s)),
        );
        fails
    }
}
