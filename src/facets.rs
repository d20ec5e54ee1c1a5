//! Facets: filter predicates over the postings and counts of each facet value over the current
//! result set, plus the sort orders. No UI here.
//!
//! [`FacetIndex`] keeps, per posting, the facet keys (companies, locations and skills interned
//! to small ids), so that counting and filtering 100,000 results is array work, not hashing.
//! Values combine OR within a facet and AND across facets. A facet's counts are taken over the
//! results that pass every *other* facet's filter, so the alternatives within a facet stay
//! visible while one of its values is selected.

use std::collections::BTreeSet;

// Hot internal maps (interning, lookups by id): a fast non-cryptographic hash; the keys
// are not attacker-chosen in a way that matters for a local tool.
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use crate::posting::{EmploymentType, Posting, Seniority, WorkMode};
use crate::store::Status;

/// The facets, in the order the filter pane shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetKind {
    Bookmarked,
    Status,
    Mode,
    Type,
    Level,
    Salary,
    Company,
    Location,
    Skill,
}

impl FacetKind {
    pub const ALL: [FacetKind; 9] = [
        FacetKind::Bookmarked,
        FacetKind::Status,
        FacetKind::Mode,
        FacetKind::Type,
        FacetKind::Level,
        FacetKind::Salary,
        FacetKind::Company,
        FacetKind::Location,
        FacetKind::Skill,
    ];

    pub fn title(self) -> &'static str {
        match self {
            FacetKind::Bookmarked => "Bookmarks",
            FacetKind::Status => "Application status",
            FacetKind::Mode => "Work mode",
            FacetKind::Type => "Employment type",
            FacetKind::Level => "Seniority",
            FacetKind::Salary => "Salary floor (yearly)",
            FacetKind::Company => "Company",
            FacetKind::Location => "Location",
            FacetKind::Skill => "Skills",
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// Yearly salary floors offered by the salary facet, in thousands of the posting's currency.
pub const SALARY_FLOORS: [u32; 5] = [50, 100, 150, 200, 250];

/// Most values listed for the open-ended facets (company, location, skills).
pub const MAX_LISTED: usize = 25;

/// One selectable value of a facet.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetValue {
    BookmarkedOnly,
    /// Application status (None: no status).
    Status(Option<Status>),
    Mode(Option<WorkMode>),
    Type(Option<EmploymentType>),
    Level(Option<Seniority>),
    /// Yearly salary at least this many thousands (of the posting's own currency).
    SalaryAtLeast(u32),
    /// Postings that state no salary; selected means *excluded*.
    NoSalaryExcluded,
    Company(String),
    Location(String),
    Skill(String),
}

impl FacetValue {
    pub fn kind(&self) -> FacetKind {
        match self {
            FacetValue::BookmarkedOnly => FacetKind::Bookmarked,
            FacetValue::Status(_) => FacetKind::Status,
            FacetValue::Mode(_) => FacetKind::Mode,
            FacetValue::Type(_) => FacetKind::Type,
            FacetValue::Level(_) => FacetKind::Level,
            FacetValue::SalaryAtLeast(_) | FacetValue::NoSalaryExcluded => FacetKind::Salary,
            FacetValue::Company(_) => FacetKind::Company,
            FacetValue::Location(_) => FacetKind::Location,
            FacetValue::Skill(_) => FacetKind::Skill,
        }
    }

    /// How the value reads in the filter pane and the status line.
    pub fn label(&self) -> String {
        let or_unstated = |v: Option<&str>| v.unwrap_or("not stated").to_string();
        match self {
            FacetValue::BookmarkedOnly => "bookmarked only".into(),
            FacetValue::Status(s) => s.map_or("no status".to_string(), |s| s.as_str().to_string()),
            FacetValue::Mode(m) => or_unstated(m.map(|m| m.as_str())),
            FacetValue::Type(t) => or_unstated(t.map(|t| t.as_str())),
            FacetValue::Level(l) => or_unstated(l.map(|l| l.as_str())),
            FacetValue::SalaryAtLeast(k) => format!("≥ {k}k"),
            FacetValue::NoSalaryExcluded => "no salary stated".into(),
            FacetValue::Company(s) | FacetValue::Location(s) | FacetValue::Skill(s) => s.clone(),
        }
    }
}

/// The user's filter selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    selected: BTreeSet<FacetValue>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.selected.is_empty()
    }

    pub fn is_selected(&self, v: &FacetValue) -> bool {
        self.selected.contains(v)
    }

    pub fn selected(&self) -> impl Iterator<Item = &FacetValue> {
        self.selected.iter()
    }

    /// Selects or deselects a value. Salary floors are exclusive: one at a time.
    pub fn toggle(&mut self, v: FacetValue) {
        if self.selected.remove(&v) {
            return;
        }
        if matches!(v, FacetValue::SalaryAtLeast(_)) {
            self.selected
                .retain(|s| !matches!(s, FacetValue::SalaryAtLeast(_)));
        }
        self.selected.insert(v);
    }

    pub fn clear(&mut self) {
        self.selected.clear();
    }

    /// Short description of the active filters for the status line: "remote, ≥ 150k, Rust".
    pub fn summary(&self) -> String {
        self.selected
            .iter()
            .map(|v| match v {
                FacetValue::NoSalaryExcluded => "salary stated".to_string(),
                FacetValue::Company(c) => format!("company {c}"),
                FacetValue::Location(l) => format!("in {l}"),
                v => v.label(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Orders of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    /// Search score (while a query is active); corpus order otherwise.
    #[default]
    Relevance,
    Title,
    Company,
    /// Highest yearly salary first; postings without one last.
    Salary,
    /// Most recently posted first; unknown dates last.
    Newest,
    /// Highest score from the user's scoring rules first.
    Score,
}

impl SortKey {
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Relevance => "relevance",
            SortKey::Title => "title",
            SortKey::Company => "company",
            SortKey::Salary => "salary",
            SortKey::Newest => "newest",
            SortKey::Score => "score",
        }
    }

    pub fn from_name(s: &str) -> Option<SortKey> {
        [
            SortKey::Relevance,
            SortKey::Title,
            SortKey::Company,
            SortKey::Salary,
            SortKey::Newest,
            SortKey::Score,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    /// The next sort in the cycle; relevance is offered only while a query is active.
    /// The next sort in the cycle: relevance is offered only while a query is active, score
    /// only when there are scoring rules.
    pub fn next(self, query_active: bool, scoring: bool) -> SortKey {
        let mut k = self;
        loop {
            k = match k {
                SortKey::Relevance => SortKey::Title,
                SortKey::Title => SortKey::Company,
                SortKey::Company => SortKey::Salary,
                SortKey::Salary => SortKey::Newest,
                SortKey::Newest => SortKey::Score,
                SortKey::Score => SortKey::Relevance,
            };
            let offered = match k {
                SortKey::Relevance => query_active,
                SortKey::Score => scoring,
                _ => true,
            };
            if offered {
                return k;
            }
        }
    }
}

/// Interns strings to dense ids.
#[derive(Debug, Default)]
struct Interner {
    ids: HashMap<Arc<str>, u32>,
    names: Vec<Arc<str>>,
}

impl Interner {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        let a: Arc<str> = s.into();
        self.names.push(a.clone());
        self.ids.insert(a, id);
        id
    }

    fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    fn len(&self) -> usize {
        self.names.len()
    }
}

/// Per-posting keys for filtering, counting and sorting.
#[derive(Debug, Default)]
pub struct FacetIndex {
    mode: Vec<Option<WorkMode>>,
    etype: Vec<Option<EmploymentType>>,
    level: Vec<Option<Seniority>>,
    /// Yearly salary floor in thousands of the posting's currency.
    salary_k: Vec<Option<f64>>,
    /// Yearly salary ceiling, for sorting by salary.
    salary_top: Vec<Option<f64>>,
    company: Vec<Option<u32>>,
    locations: Vec<Box<[u32]>>,
    skills: Vec<Box<[u32]>>,
    posted_age: Vec<Option<u32>>,
    /// Another posting with the same id came first: listed once, under the first.
    duplicate: Vec<bool>,
    /// Every corpus index holding each id, in order (the first not removed is listed).
    by_id: HashMap<String, Vec<u32>>,
    /// Postings whose file changed or went away (the corpus only grows; these are skipped).
    removed: Vec<bool>,
    /// Pulled postings their board no longer lists (left out unless shown).
    closed: Vec<bool>,
    /// Postings listed under another of the same role from another source.
    linked: Vec<bool>,
    /// The corpus indices of each file's postings.
    by_source: HashMap<String, Vec<u32>>,
    companies: Interner,
    places: Interner,
    skill_names: Interner,
    /// Position of each posting in title order and company order; rebuilt when stale.
    title_rank: Vec<u32>,
    company_rank: Vec<u32>,
    /// Position in salary order (highest yearly ceiling first, then title; none last).
    salary_rank: Vec<u32>,
    ranks_stale: bool,
    title_keys: Vec<Box<str>>,
    company_keys: Vec<Box<str>>,
}

/// Which postings are bookmarked, by corpus index (maintained by the app from the store).
pub type Marks = [bool];

impl FacetIndex {
    pub fn len(&self) -> usize {
        self.mode.len()
    }

    pub fn is_empty(&self) -> bool {
        self.mode.is_empty()
    }

    /// Adds postings (in corpus order) as they load. `today` dates absolute "posted" values.
    pub fn extend<'a>(
        &mut self,
        postings: impl IntoIterator<Item = &'a Posting>,
        today: time::Date,
    ) {
        for p in postings {
            let i = self.len() as u32;
            self.mode.push(p.work_mode);
            self.etype.push(p.employment_type);
            self.level.push(p.seniority);
            self.salary_k.push(
                p.salary
                    .as_ref()
                    .and_then(|s| s.yearly_floor())
                    .map(|v| v / 1000.0),
            );
            self.salary_top
                .push(p.salary.as_ref().and_then(|s| s.yearly_ceiling()));
            self.company
                .push(p.company.as_deref().map(|c| self.companies.intern(c)));
            let locs: Vec<u32> = p.locations.iter().map(|l| self.places.intern(l)).collect();
            self.locations.push(locs.into_boxed_slice());
            let skills: Vec<u32> = p
                .skills
                .iter()
                .map(|s| self.skill_names.intern(s))
                .collect();
            self.skills.push(skills.into_boxed_slice());
            self.posted_age
                .push(p.posted.as_deref().and_then(|s| posted_age_days(s, today)));
            let same = self.by_id.entry(p.id.clone()).or_default();
            self.duplicate
                .push(same.iter().any(|&j| !self.removed[j as usize]));
            same.push(i);
            self.removed.push(false);
            self.closed
                .push(p.pulled.as_ref().is_some_and(|t| t.closed.is_some()));
            self.linked.push(false);
            self.by_source.entry(p.source.clone()).or_default().push(i);
            self.title_keys.push(
                p.title
                    .as_deref()
                    .unwrap_or("\u{10ffff}")
                    .to_lowercase()
                    .into(),
            );
            self.company_keys.push(
                p.company
                    .as_deref()
                    .unwrap_or("\u{10ffff}")
                    .to_lowercase()
                    .into(),
            );
        }
        self.ranks_stale = true;
    }

    /// How many postings are not listed: later copies of another, removed, or linked.
    pub fn unlisted(&self) -> usize {
        (0..self.len() as u32)
            .filter(|&i| self.is_duplicate(i))
            .count()
    }

    /// Whether the posting is a later copy of another (same id), removed, or listed under a
    /// posting of the same role from another source: not listed.
    pub fn is_duplicate(&self, i: u32) -> bool {
        self.is_duplicate_unlinked(i) || self.linked[i as usize]
    }

    /// [`is_duplicate`](Self::is_duplicate), links aside (to link afresh).
    pub fn is_duplicate_unlinked(&self, i: u32) -> bool {
        self.duplicate[i as usize] || self.removed[i as usize]
    }

    /// The corpus indices of a file's postings (those not removed), in order.
    pub fn source_indices(&self, source: &str) -> Vec<u32> {
        self.by_source.get(source).map_or_else(Vec::new, |v| {
            v.iter()
                .copied()
                .filter(|&i| !self.removed[i as usize])
                .collect()
        })
    }

    /// Whether the posting is pulled and closed.
    pub fn is_closed(&self, i: u32) -> bool {
        self.closed[i as usize]
    }

    /// Marks exactly `secondary` as listed under another posting. Returns whether anything
    /// changed.
    pub fn set_linked(&mut self, secondary: &[u32]) -> bool {
        let mut next = vec![false; self.len()];
        for &i in secondary {
            next[i as usize] = true;
        }
        let changed = next != self.linked;
        self.linked = next;
        changed
    }

    /// The corpus index of the posting listed for this id (the first not removed).
    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.by_id
            .get(id)?
            .iter()
            .copied()
            .find(|&i| !self.removed[i as usize])
    }

    /// Marks every posting of `source` (or, for a folder, of the files under it) removed, and
    /// lets a copy saved elsewhere take their place. Returns how many went.
    pub fn remove_source(&mut self, source: &str) -> usize {
        let folder = format!("{}/", source.trim_end_matches('/'));
        let keys: Vec<String> = self
            .by_source
            .keys()
            .filter(|k| *k == source || k.starts_with(&folder))
            .cloned()
            .collect();
        let mut ids = Vec::new();
        let mut n = 0;
        for k in keys {
            for i in self.by_source.remove(&k).unwrap_or_default() {
                if !self.removed[i as usize] {
                    self.removed[i as usize] = true;
                    n += 1;
                    ids.push(i);
                }
            }
        }
        // Re-decide which copy of each affected id is listed.
        let affected: Vec<String> = self
            .by_id
            .iter()
            .filter(|(_, v)| v.iter().any(|i| ids.contains(i)))
            .map(|(k, _)| k.clone())
            .collect();
        for id in affected {
            let mut seen = false;
            for &i in &self.by_id[&id] {
                let i = i as usize;
                self.duplicate[i] = !self.removed[i] && seen;
                seen |= !self.removed[i];
            }
        }
        n
    }

    fn ensure_ranks(&mut self) {
        if !self.ranks_stale && self.title_rank.len() == self.len() {
            return;
        }
        let rank = |keys: &[Box<str>], tie: &[Box<str>]| -> Vec<u32> {
            let mut order: Vec<u32> = (0..keys.len() as u32).collect();
            order.sort_unstable_by(|&a, &b| {
                keys[a as usize]
                    .cmp(&keys[b as usize])
                    .then_with(|| tie[a as usize].cmp(&tie[b as usize]))
                    .then(a.cmp(&b))
            });
            let mut r = vec![0; order.len()];
            for (pos, i) in order.into_iter().enumerate() {
                r[i as usize] = pos as u32;
            }
            r
        };
        self.title_rank = rank(&self.title_keys, &self.company_keys);
        self.company_rank = rank(&self.company_keys, &self.title_keys);
        let mut order: Vec<u32> = (0..self.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let (sa, sb) = (self.salary_top[a as usize], self.salary_top[b as usize]);
            match (sa, sb) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
            .then(self.title_rank[a as usize].cmp(&self.title_rank[b as usize]))
        });
        self.salary_rank = vec![0; order.len()];
        for (pos, i) in order.into_iter().enumerate() {
            self.salary_rank[i as usize] = pos as u32;
        }
        self.ranks_stale = false;
    }

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
        let mut counts = RawCounts::new(self);
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
            facets: counts.finish(self, filters),
        }
    }

    /// Sorts corpus indices in place (stable for relevance: keeps the hits' order).
    pub fn sort(&mut self, rows: &mut [u32], sort: SortKey, scores: &[i32]) {
        match sort {
            SortKey::Relevance => {}
            SortKey::Title => {
                self.ensure_ranks();
                sort_by_key(rows, |i| self.title_rank[i as usize]);
            }
            SortKey::Company => {
                self.ensure_ranks();
                sort_by_key(rows, |i| self.company_rank[i as usize]);
            }
            SortKey::Salary => {
                self.ensure_ranks();
                sort_by_key(rows, |i| self.salary_rank[i as usize]);
            }
            SortKey::Score => {
                self.ensure_ranks();
                sort_by_key(rows, |i| {
                    (
                        std::cmp::Reverse(scores.get(i as usize).copied().unwrap_or(0)),
                        self.title_rank[i as usize],
                    )
                });
            }
            SortKey::Newest => {
                self.ensure_ranks();
                sort_by_key(rows, |i| {
                    (
                        self.posted_age[i as usize].unwrap_or(u32::MAX),
                        self.title_rank[i as usize],
                    )
                });
            }
        }
    }
}

/// Sorts corpus indices by a key (ranks are unique, so an unstable sort is deterministic);
/// large result sets on both cores.
fn sort_by_key<K: Ord + Send>(rows: &mut [u32], key: impl Fn(u32) -> K + Sync) {
    use rayon::slice::ParallelSliceMut;
    if rows.len() >= 20_000 {
        rows.par_sort_unstable_by_key(|&i| key(i));
    } else {
        rows.sort_unstable_by_key(|&i| key(i));
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
}

/// Filters turned into id sets for fast checks.
struct Compiled {
    active: u16,
    statuses: Vec<Option<Status>>,
    modes: Vec<Option<WorkMode>>,
    types: Vec<Option<EmploymentType>>,
    levels: Vec<Option<Seniority>>,
    floor: Option<f64>,
    exclude_no_salary: bool,
    companies: Vec<u32>,
    places: Vec<u32>,
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
            exclude_no_salary: false,
            companies: Vec::new(),
            places: Vec::new(),
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
                FacetValue::NoSalaryExcluded => c.exclude_no_salary = true,
                // A value no posting has (yet) matches nothing: u32::MAX is never an id.
                FacetValue::Company(s) => c.companies.push(ix.companies.get(s).unwrap_or(u32::MAX)),
                FacetValue::Location(s) => c.places.push(ix.places.get(s).unwrap_or(u32::MAX)),
                FacetValue::Skill(s) => c.skills.push(ix.skill_names.get(s).unwrap_or(u32::MAX)),
            }
        }
        c
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
        let salary_ok = match ix.salary_k[i] {
            Some(k) => self.floor.is_none_or(|f| k >= f),
            None => !self.exclude_no_salary,
        };
        check(FacetKind::Salary, salary_ok);
        check(
            FacetKind::Company,
            self.companies.is_empty() || ix.company[i].is_some_and(|c| self.companies.contains(&c)),
        );
        check(
            FacetKind::Location,
            self.places.is_empty() || ix.locations[i].iter().any(|l| self.places.contains(l)),
        );
        // Skills combine OR within the facet, like every facet.
        check(
            FacetKind::Skill,
            self.skills.is_empty() || ix.skills[i].iter().any(|s| self.skills.contains(s)),
        );
        fails
    }
}

/// Counters for one view computation.
struct RawCounts {
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
    fn new(ix: &FacetIndex) -> RawCounts {
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
    fn add(&mut self, ix: &FacetIndex, i: u32, ctx: &ViewContext<'_>, kinds: u16) {
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

    fn finish(self, ix: &FacetIndex, filters: &Filters) -> Vec<FacetGroup> {
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
                    .then_with(|| names.names[a].cmp(&names.names[b]))
            });
            let mut values: Vec<(FacetValue, usize)> = order
                .iter()
                .take(MAX_LISTED)
                .map(|&n| (make(names.names[n].to_string()), counts[n] as usize))
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

/// Days since a posting was published, from "1mo ago", "3d ago", "2 weeks ago", "today" or an
/// ISO date (relative to `today`).
pub fn posted_age_days(posted: &str, today: time::Date) -> Option<u32> {
    let s = posted.trim().to_lowercase();
    if s == "today" || s.starts_with("just") {
        return Some(0);
    }
    if s == "yesterday" {
        return Some(1);
    }
    if s.len() >= 10
        && let Ok(d) = time::Date::parse(
            &s[..10],
            time::macros::format_description!("[year]-[month]-[day]"),
        )
    {
        return u32::try_from((today - d).whole_days()).ok();
    }
    let rest = s.strip_suffix(" ago")?.trim();
    let rest = rest
        .trim_start_matches("about ")
        .trim_start_matches("over ");
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let n: u32 = if digits.is_empty() {
        if rest.starts_with("a ") || rest.starts_with("an ") {
            1
        } else {
            return None;
        }
    } else {
        digits.parse().ok()?
    };
    let unit = rest[digits.len()..]
        .trim_start_matches(['+', ' '])
        .trim_start_matches("an ")
        .trim_start_matches("a ");
    let days = match unit.chars().next()? {
        'h' => 0,
        'd' => 1,
        'w' => 7,
        'y' => 365,
        'm' if unit.starts_with("mo") => 30,
        'm' => 0,
        _ => return None,
    };
    Some(n.saturating_mul(days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::{Period, Salary};

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
        }
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
    fn salary_floor_keeps_unstated_unless_excluded() {
        let mut ix = index();
        let c = ctx(&[false; 4], &[false; 4]);
        let mut f = Filters::default();
        f.toggle(FacetValue::SalaryAtLeast(150));
        assert_eq!(
            ix.view(&[0, 1, 2], &f, SortKey::Relevance, &c).rows,
            vec![0, 1]
        );
        f.toggle(FacetValue::NoSalaryExcluded);
        assert_eq!(
            ix.view(&[0, 1, 2], &f, SortKey::Relevance, &c).rows,
            vec![0]
        );
        f.toggle(FacetValue::SalaryAtLeast(50));
        assert!(
            !f.is_selected(&FacetValue::SalaryAtLeast(150)),
            "floors are exclusive"
        );
        assert_eq!(
            ix.view(&[0, 1, 2], &f, SortKey::Relevance, &c).rows,
            vec![0, 2]
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
}
