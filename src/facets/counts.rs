//! Counting facet values over a view: per value, the postings that pass every other facet.

use super::view::ViewContext;
use super::{FacetGroup, FacetIndex, FacetKind, FacetValue, Filters, MAX_LISTED, SALARY_FLOORS};
use crate::intern::Interner;
use crate::posting::{EmploymentType, Seniority, WorkMode};
use crate::store::Status;

/// Counters for one view computation.
pub(super) struct RawCounts {
    bookmarked: usize,
    status: [usize; 7],
    mode: [usize; 4],
    etype: [usize; 6],
    level: [usize; 11],
    floors: [usize; SALARY_FLOORS.len()],
    no_salary: usize,
    companies: Vec<u32>,
    places: Vec<u32>,
    skills: Vec<u32>,
}

fn slot<T: Copy + PartialEq>(v: Option<T>, all: &[T]) -> usize {
    v.and_then(|x| all.iter().position(|a| *a == x))
        .map_or(all.len(), |p| p)
}

impl RawCounts {
    pub(super) fn new(ix: &FacetIndex) -> RawCounts {
        RawCounts {
            bookmarked: 0,
            status: [0; 7],
            mode: [0; 4],
            etype: [0; 6],
            level: [0; 11],
            floors: [0; SALARY_FLOORS.len()],
            no_salary: 0,
            companies: vec![0; ix.companies.len()],
            places: vec![0; ix.places.len()],
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
            match ix.salary_k[i] {
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
        if on(FacetKind::Company)
            && let Some(c) = ix.company[i]
        {
            self.companies[c as usize] += 1;
        }
        if on(FacetKind::Location) {
            for &l in ix.locations[i].iter() {
                self.places[l as usize] += 1;
            }
        }
        if on(FacetKind::Skill) {
            for &s in ix.skills[i].iter() {
                self.skills[s as usize] += 1;
            }
        }
    }

    pub(super) fn finish(self, ix: &FacetIndex, filters: &Filters) -> Vec<FacetGroup> {
        let enum_group = |kind, counts: &[usize], make: &dyn Fn(usize) -> FacetValue| FacetGroup {
            kind,
            values: counts
                .iter()
                .enumerate()
                .map(|(n, &c)| (make(n), c))
                .filter(|(v, c)| *c > 0 || filters.is_selected(v))
                .collect(),
        };
        let top = |kind, counts: &[u32], names: &Interner, make: &dyn Fn(String) -> FacetValue| {
            let mut order: Vec<usize> = (0..counts.len()).filter(|&n| counts[n] > 0).collect();
            order.sort_unstable_by(|&a, &b| {
                counts[b]
                    .cmp(&counts[a])
                    .then_with(|| names.name(a as u32).cmp(names.name(b as u32)))
            });
            let mut values: Vec<(FacetValue, usize)> = order
                .iter()
                .take(MAX_LISTED)
                .map(|&n| (make(names.name(n as u32).to_string()), counts[n] as usize))
                .collect();
            // Selected values stay listed even when the top no longer holds them.
            for v in filters.selected().filter(|v| v.kind() == kind) {
                if !values.iter().any(|(x, _)| x == v) {
                    let c = match v {
                        FacetValue::Company(s) | FacetValue::Location(s) | FacetValue::Skill(s) => {
                            names.get(s).map_or(0, |id| counts[id as usize] as usize)
                        }
                        _ => 0,
                    };
                    values.push((v.clone(), c));
                }
            }
            FacetGroup { kind, values }
        };
        let pick = |all_len: usize, n: usize| if n < all_len { Some(n) } else { None };
        vec![
            FacetGroup {
                kind: FacetKind::Bookmarked,
                values: vec![(FacetValue::BookmarkedOnly, self.bookmarked)],
            },
            FacetGroup {
                kind: FacetKind::Status,
                // Listed once some posting has a status (or a status is being filtered on).
                values: if self.status[..6].iter().all(|c| *c == 0)
                    && !filters.selected().any(|v| v.kind() == FacetKind::Status)
                {
                    Vec::new()
                } else {
                    self.status
                        .iter()
                        .enumerate()
                        .map(|(n, &c)| (FacetValue::Status(pick(6, n).map(|n| Status::ALL[n])), c))
                        .filter(|(v, c)| *c > 0 || filters.is_selected(v))
                        .collect()
                },
            },
            enum_group(FacetKind::Mode, &self.mode, &|n| {
                FacetValue::Mode(pick(3, n).map(|n| WorkMode::ALL[n]))
            }),
            enum_group(FacetKind::Type, &self.etype, &|n| {
                FacetValue::Type(pick(5, n).map(|n| EmploymentType::ALL[n]))
            }),
            enum_group(FacetKind::Level, &self.level, &|n| {
                FacetValue::Level(pick(10, n).map(|n| Seniority::ALL[n]))
            }),
            FacetGroup {
                kind: FacetKind::Salary,
                values: SALARY_FLOORS
                    .iter()
                    .zip(self.floors)
                    .map(|(f, c)| (FacetValue::SalaryAtLeast(*f), c))
                    .chain(std::iter::once((
                        FacetValue::NoSalaryExcluded,
                        self.no_salary,
                    )))
                    .collect(),
            },
            top(
                FacetKind::Company,
                &self.companies,
                &ix.companies,
                &FacetValue::Company,
            ),
            top(
                FacetKind::Location,
                &self.places,
                &ix.places,
                &FacetValue::Location,
            ),
            top(
                FacetKind::Skill,
                &self.skills,
                &ix.skill_names,
                &FacetValue::Skill,
            ),
        ]
    }
}
