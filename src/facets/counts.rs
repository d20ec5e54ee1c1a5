//! Counting facet values over a view: per value, the postings that pass every other facet.

use super::view::ViewContext;
use super::{FacetGroup, FacetIndex, FacetKind, FacetValue, Filters, MAX_LISTED, SALARY_FLOORS};
use crate::intern::Interner;
use crate::posting::{EmploymentType, Seniority, WorkMode};
use crate::store::Status;

/// Lays out a facet's rows from its values' ids (most postings first): the rows, and how many
/// of the values they list.
type Nest<'a> = dyn Fn(&[usize]) -> (Vec<(FacetValue, usize)>, usize) + 'a;

/// Counters for one view computation.
pub(super) struct RawCounts {
    bookmarked: usize,
    status: [usize; 7],
    mode: [usize; 4],
    etype: [usize; 6],
    level: [usize; 11],
    floors: [usize; SALARY_FLOORS.len()],
    no_salary: usize,
    estimates: usize,
    /// "hide estimates" is ticked: an estimate counts toward no floor.
    no_estimates: bool,
    companies: Vec<u32>,
    no_company: usize,
    places: Vec<u32>,
    countries: Vec<u32>,
    no_place: usize,
    /// Per "open to" row: the results it keeps (worldwide ones aside), and those naming it.
    open_to: Vec<u32>,
    open_named: Vec<u32>,
    /// Per "open to" row: the results naming it alone (most do), spread over the rows they
    /// meet once, in `finish`.
    open_single: Vec<u32>,
    anywhere: usize,
    skills: Vec<u32>,
}

fn slot<T: Copy + PartialEq>(v: Option<T>, all: &[T]) -> usize {
    v.and_then(|x| all.iter().position(|a| *a == x))
        .map_or(all.len(), |p| p)
}

impl RawCounts {
    pub(super) fn new(ix: &FacetIndex, filters: &Filters) -> RawCounts {
        RawCounts {
            bookmarked: 0,
            status: [0; 7],
            mode: [0; 4],
            etype: [0; 6],
            level: [0; 11],
            floors: [0; SALARY_FLOORS.len()],
            no_salary: 0,
            estimates: 0,
            no_estimates: filters.is_selected(&FacetValue::EstimatesLeftOut),
            companies: vec![0; ix.companies.len()],
            no_company: 0,
            places: vec![0; ix.places.len()],
            countries: vec![0; ix.country_names.len()],
            no_place: 0,
            open_to: vec![0; ix.open_names.len()],
            open_named: vec![0; ix.open_names.len()],
            open_single: vec![0; ix.open_names.len()],
            anywhere: 0,
            skills: vec![0; ix.skill_names.len()],
        }
    }

    /// Counts posting `i` toward the facets in `kinds` (bits).
    pub(super) fn add(&mut self, ix: &FacetIndex, i: u32, ctx: &ViewContext<'_>, kinds: u16) {
        let i = i as usize;
        let on = |k: FacetKind| kinds & k.bit() != 0;
        if on(FacetKind::Bookmarked) && ctx.bookmarked.get(i).copied().unwrap_or(false) {
            self.bookmarked += 1;
        }
        if on(FacetKind::Status) {
            self.status[slot(ctx.status.get(i).copied().flatten(), Status::ALL)] += 1;
        }
        if on(FacetKind::Mode) {
            self.mode[slot(ix.mode[i], WorkMode::ALL)] += 1;
        }
        if on(FacetKind::Type) {
            self.etype[slot(ix.etype[i], EmploymentType::ALL)] += 1;
        }
        if on(FacetKind::Level) {
            self.level[slot(ix.level[i], Seniority::ALL)] += 1;
        }
        if on(FacetKind::Salary) {
            if ix.estimate[i] {
                self.estimates += 1;
            }
            match ix.salary_k[i] {
                _ if self.no_estimates && ix.estimate[i] => {}
                Some(k) => {
                    for (n, f) in SALARY_FLOORS.iter().enumerate() {
                        if k >= f64::from(*f) {
                            self.floors[n] += 1;
                        }
                    }
                }
                None => self.no_salary += 1,
            }
        }
        if on(FacetKind::Company) {
            match ix.company[i] {
                Some(c) => self.companies[c as usize] += 1,
                None => self.no_company += 1,
            }
        }
        if on(FacetKind::Location) {
            if ix.locations[i].is_empty() {
                self.no_place += 1;
            }
            for &l in ix.locations[i].iter() {
                self.places[l as usize] += 1;
            }
            for &c in ix.countries[i].iter() {
                self.countries[c as usize] += 1;
            }
        }
        if on(FacetKind::OpenTo) {
            if ix.anywhere[i] {
                self.anywhere += 1;
            }
            let named = &ix.open_to[i];
            if let [l] = *named {
                self.open_single[l as usize] += 1;
                self.open_named[l as usize] += 1;
            } else if !named.is_empty() {
                // "Germany" keeps an EU role: counted in each row whose countries it meets.
                for (r, set) in ix.open_sets.iter().enumerate() {
                    if named.iter().any(|&l| ix.open_sets[l as usize].meets(set)) {
                        self.open_to[r] += 1;
                    }
                }
                for &l in named.iter() {
                    self.open_named[l as usize] += 1;
                }
            }
        }
        if on(FacetKind::Skill) {
            for &s in ix.skills[i].iter() {
                self.skills[s as usize] += 1;
            }
        }
    }

    /// The groups as the filter pane lists them. Values with no posting are left out, but
    /// for those selected or in `keep` (shown before: they stay, at 0, so rows do not move).
    pub(super) fn finish(
        mut self,
        ix: &FacetIndex,
        filters: &Filters,
        keep: &[FacetValue],
    ) -> Vec<FacetGroup> {
        self.spread_open_single(ix);
        let open_to = self.open_to_rows();
        let l = Lister {
            raw: &self,
            ix,
            filters,
            keep,
        };
        let pick = |all_len: usize, n: usize| if n < all_len { Some(n) } else { None };
        vec![
            FacetGroup {
                kind: FacetKind::Bookmarked,
                values: vec![(FacetValue::BookmarkedOnly, self.bookmarked)],
                more: 0,
                all: Vec::new(),
            },
            l.status_group(),
            l.enum_group(FacetKind::Mode, &self.mode, &|n| {
                FacetValue::Mode(pick(3, n).map(|n| WorkMode::ALL[n]))
            }),
            l.enum_group(FacetKind::Type, &self.etype, &|n| {
                FacetValue::Type(pick(5, n).map(|n| EmploymentType::ALL[n]))
            }),
            l.enum_group(FacetKind::Level, &self.level, &|n| {
                FacetValue::Level(pick(10, n).map(|n| Seniority::ALL[n]))
            }),
            l.salary_group(),
            l.top(
                FacetKind::Company,
                &self.companies,
                &ix.companies,
                &FacetValue::Company,
                Some((FacetValue::NoCompany, self.no_company)),
                None,
            ),
            l.top(
                FacetKind::Location,
                &self.places,
                &ix.places,
                &FacetValue::Location,
                Some((FacetValue::NoLocation, self.no_place)),
                Some(&|order: &[usize]| l.nest_places(order)),
            ),
            l.top(
                FacetKind::OpenTo,
                &open_to,
                &ix.open_names,
                &FacetValue::OpenTo,
                Some((FacetValue::OpenAnywhere, self.anywhere)),
                None,
            ),
            l.top(
                FacetKind::Skill,
                &self.skills,
                &ix.skill_names,
                &FacetValue::Skill,
                None,
                None,
            ),
        ]
    }

    /// The results naming one "open to" row count toward every row it meets.
    fn spread_open_single(&mut self, ix: &FacetIndex) {
        for (l, &n) in self.open_single.iter().enumerate() {
            if n > 0 {
                for (r, set) in ix.open_sets.iter().enumerate() {
                    if ix.open_sets[l].meets(set) {
                        self.open_to[r] += n;
                    }
                }
            }
        }
    }

    /// Per "open to" row, the results it keeps: a country's row keeps the worldwide roles
    /// too, counted in.
    fn open_to_rows(&self) -> Vec<u32> {
        self.open_to
            .iter()
            .zip(&self.open_named)
            .map(|(&c, &n)| if n > 0 { c + self.anywhere as u32 } else { 0 })
            .collect()
    }
}

/// Lays the counts out as the filter pane's groups.
struct Lister<'a> {
    raw: &'a RawCounts,
    ix: &'a FacetIndex,
    filters: &'a Filters,
    /// Values shown before: they stay listed, at 0, so rows do not move.
    keep: &'a [FacetValue],
}

impl Lister<'_> {
    /// Whether a value is listed: it has postings, or is selected or kept.
    fn listed(&self, v: &FacetValue, c: usize) -> bool {
        c > 0 || self.filters.is_selected(v) || self.keep.contains(v)
    }

    /// The group of a facet over a closed set of values (an enum's, then "not stated").
    fn enum_group(
        &self,
        kind: FacetKind,
        counts: &[usize],
        make: &dyn Fn(usize) -> FacetValue,
    ) -> FacetGroup {
        FacetGroup {
            kind,
            values: counts
                .iter()
                .enumerate()
                .map(|(n, &c)| (make(n), c))
                .filter(|(v, c)| self.listed(v, *c))
                .collect(),
            more: 0,
            all: Vec::new(),
        }
    }

    /// The Status group: listed once some posting has a status (or a status is filtered on).
    fn status_group(&self) -> FacetGroup {
        let status = &self.raw.status;
        let shown = status[..6].iter().any(|c| *c != 0)
            || self
                .filters
                .selected()
                .any(|v| v.kind() == FacetKind::Status);
        let mut group = self.enum_group(FacetKind::Status, status, &|n| {
            FacetValue::Status(Status::ALL.get(n).copied())
        });
        if !shown {
            group.values.clear();
        }
        group
    }

    /// The Salary group: the floors, no salary, and "hide estimates" once some result's pay
    /// is an estimate (or while ticked).
    fn salary_group(&self) -> FacetGroup {
        let raw = self.raw;
        FacetGroup {
            kind: FacetKind::Salary,
            values: SALARY_FLOORS
                .iter()
                .zip(raw.floors)
                .map(|(f, c)| (FacetValue::SalaryAtLeast(*f), c))
                .chain([(FacetValue::NoSalary, raw.no_salary)])
                .chain(
                    Some((FacetValue::EstimatesLeftOut, raw.estimates))
                        .filter(|(v, c)| *c > 0 || self.listed(v, *c)),
                )
                .collect(),
            more: 0,
            all: Vec::new(),
        }
    }

    /// The Location facet's rows: each country, most postings first, with its places under
    /// it (at most CITIES), and the places of no known country among them by count; at most
    /// MAX_LISTED rows. Also says how many places it listed (a country's own row stands for
    /// the place that is the whole country).
    fn nest_places(&self, order: &[usize]) -> (Vec<(FacetValue, usize)>, usize) {
        const CITIES: usize = 3;
        let (ix, raw) = (self.ix, self.raw);
        let mut inside: Vec<Vec<usize>> = vec![Vec::new(); raw.countries.len()];
        let mut tops: Vec<(u32, Result<u32, usize>)> = Vec::new();
        for &p in order {
            match ix.place_country.get(p).copied().flatten() {
                Some(c) => inside[c as usize].push(p),
                None => tops.push((raw.places[p], Err(p))),
            }
        }
        for (c, &n) in raw.countries.iter().enumerate() {
            if n > 0 {
                tops.push((n, Ok(c as u32)));
            }
        }
        let name_of = |t: &Result<u32, usize>| match *t {
            Ok(c) => ix.country_names.name(c),
            Err(p) => ix.places.name(p as u32),
        };
        tops.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| name_of(&a.1).cmp(name_of(&b.1))));
        let mut values = Vec::new();
        let mut shown = 0;
        for (n, t) in tops {
            if values.len() >= MAX_LISTED {
                break;
            }
            let name = name_of(&t).to_string();
            match t {
                Err(_) => {
                    values.push((FacetValue::Location(name), n as usize));
                    shown += 1;
                }
                Ok(c) => {
                    let places = &inside[c as usize];
                    let (whole, cities): (Vec<usize>, Vec<usize>) = places
                        .iter()
                        .partition(|&&p| ix.places.name(p as u32) == name);
                    shown += whole.len();
                    values.push((FacetValue::Country(name), n as usize));
                    for &p in cities.iter().take(CITIES) {
                        let label = ix.places.name(p as u32).to_string();
                        values.push((FacetValue::Location(label), raw.places[p] as usize));
                        shown += 1;
                    }
                }
            }
        }
        (values, shown)
    }

    /// The group of an open-ended facet (company, location, open to, skills): its values
    /// with postings, most first, at most MAX_LISTED (or as `nest` lays them out), then the
    /// selected and kept values the top leaves out, then `unstated` ("no company"…).
    fn top(
        &self,
        kind: FacetKind,
        counts: &[u32],
        names: &Interner,
        make: &dyn Fn(String) -> FacetValue,
        unstated: Option<(FacetValue, usize)>,
        nest: Option<&Nest>,
    ) -> FacetGroup {
        let mut order: Vec<usize> = (0..counts.len()).filter(|&n| counts[n] > 0).collect();
        order.sort_unstable_by(|&a, &b| {
            counts[b]
                .cmp(&counts[a])
                .then_with(|| names.name(a as u32).cmp(names.name(b as u32)))
        });
        let (mut values, shown) = match nest {
            Some(nest) => nest(&order),
            None => (
                order
                    .iter()
                    .take(MAX_LISTED)
                    .map(|&n| (make(names.name(n as u32).to_string()), counts[n] as usize))
                    .collect(),
                order.len().min(MAX_LISTED),
            ),
        };
        let more = order.len().saturating_sub(shown);
        let more_listed = self.list_selected(kind, &mut values, unstated.as_ref(), counts, names);
        if let Some((u, c)) = unstated
            && self.listed(&u, c)
        {
            values.push((u, c));
        }
        FacetGroup {
            kind,
            values,
            more: more.saturating_sub(more_listed),
            all: if more > 0 {
                order
                    .iter()
                    .map(|&n| (n as u32, counts[n] as usize))
                    .collect()
            } else {
                Vec::new()
            },
        }
    }

    /// Adds the selected and kept values of `kind` that `values` does not list (they stay
    /// listed even when the top no longer holds them); says how many of them have postings
    /// (places, not the countries they are in), which "… N more" no longer counts.
    fn list_selected(
        &self,
        kind: FacetKind,
        values: &mut Vec<(FacetValue, usize)>,
        unstated: Option<&(FacetValue, usize)>,
        counts: &[u32],
        names: &Interner,
    ) -> usize {
        let count_of = |v: &FacetValue| match v {
            FacetValue::Company(s)
            | FacetValue::Location(s)
            | FacetValue::OpenTo(s)
            | FacetValue::Skill(s) => names.get(s).map_or(0, |id| counts[id as usize] as usize),
            FacetValue::Country(s) => self
                .ix
                .country_names
                .get(s)
                .map_or(0, |id| self.raw.countries[id as usize] as usize),
            _ => 0,
        };
        let mut more_listed = 0;
        for v in self
            .filters
            .selected()
            .chain(self.keep.iter())
            .filter(|v| v.kind() == kind)
        {
            if unstated.is_some_and(|(u, _)| u == v) {
                continue;
            }
            if !values.iter().any(|(x, _)| x == v) {
                let c = count_of(v);
                if c > 0 && !matches!(v, FacetValue::Country(_)) {
                    more_listed += 1;
                }
                values.push((v.clone(), c));
            }
        }
        more_listed
    }
}
