//! Per-posting facet keys: interned companies, places and skills, salary floors, ages, and
//! which copy of a duplicated posting is listed.

// Hot internal maps (lookups by id): a fast non-cryptographic hash; the keys are local data.
use rustc_hash::FxHashMap as HashMap;

use crate::intern::Interner;
use crate::posting::{EmploymentType, Posting, Seniority, WorkMode};

/// Per-posting keys for filtering, counting and sorting.
#[derive(Debug, Default)]
pub struct FacetIndex {
    pub(super) mode: Vec<Option<WorkMode>>,
    pub(super) etype: Vec<Option<EmploymentType>>,
    pub(super) level: Vec<Option<Seniority>>,
    /// Yearly salary floor in thousands of the posting's currency.
    pub(super) salary_k: Vec<Option<f64>>,
    /// Yearly salary ceiling, for sorting by salary.
    pub(super) salary_top: Vec<Option<f64>>,
    /// The salary is a board's estimate.
    pub(super) estimate: Vec<bool>,
    pub(super) company: Vec<Option<u32>>,
    pub(super) locations: Lists,
    /// The countries of the posting's places (ids in `country_names`).
    pub(super) countries: Lists,
    /// For a remote role, where it is open to, as named ([`crate::places::Gazetteer::
    /// name_countries`]: "EU", "United Kingdom"), by id in `open_names`. Empty for a worldwide
    /// role: see `anywhere`.
    pub(super) open_to: Lists,
    /// The role is open to people anywhere (`remote_from` is `["*"]`).
    pub(super) anywhere: Vec<bool>,
    pub(super) skills: Lists,
    pub(super) posted_age: Vec<Option<u32>>,
    /// Another posting with the same id came first: listed once, under the first.
    pub(super) duplicate: Vec<bool>,
    /// Every corpus index holding each id, in order (the first not removed is listed).
    pub(super) by_id: HashMap<String, Vec<u32>>,
    /// Postings whose file changed or went away (the corpus only grows; these are skipped).
    pub(super) removed: Vec<bool>,
    /// Pulled postings their board no longer lists (left out unless shown).
    pub(super) closed: Vec<bool>,
    /// Postings listed under another of the same role from another source.
    pub(super) linked: Vec<bool>,
    /// The corpus indices of each file's postings.
    pub(super) by_source: HashMap<String, Vec<u32>>,
    pub(super) companies: Interner,
    pub(super) places: Interner,
    /// The country of each of `places` (an id in `country_names`), when it has one.
    pub(super) place_country: Vec<Option<u32>>,
    /// Country names, as the Location facet lists them.
    pub(super) country_names: Interner,
    pub(super) open_names: Interner,
    /// The countries of each of `open_names`.
    pub(super) open_sets: Vec<CodeSet>,
    /// The countries (ISO-2) named so far: the ids of [`CodeSet`].
    pub(super) open_codes: Interner,
    pub(super) skill_names: Interner,
    /// Position of each posting in title order and company order; rebuilt when stale.
    pub(super) title_rank: Vec<u32>,
    pub(super) company_rank: Vec<u32>,
    /// Position in salary order (highest yearly ceiling first, then title; none last).
    pub(super) salary_rank: Vec<u32>,
    pub(super) ranks_stale: bool,
    pub(super) title_keys: Vec<Box<str>>,
    pub(super) company_keys: Vec<Box<str>>,
}

/// A short list of ids per posting, all in one buffer in posting order: counting 100,000
/// postings reads it front to back instead of fetching one allocation per posting and list.
#[derive(Debug, Default)]
pub(super) struct Lists {
    items: Vec<u32>,
    /// Where each posting's list ends in `items` (it starts where the previous one ends).
    ends: Vec<u32>,
}

impl Lists {
    pub(super) fn push(&mut self, list: impl IntoIterator<Item = u32>) {
        self.items.extend(list);
        self.ends.push(self.items.len() as u32);
    }
}

impl std::ops::Index<usize> for Lists {
    type Output = [u32];

    fn index(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.items[start..self.ends[i] as usize]
    }
}

/// A set of countries, by id in [`FacetIndex::open_codes`] (there are fewer than 256).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct CodeSet([u64; 4]);

impl CodeSet {
    fn insert(&mut self, id: u32) {
        if id < 256 {
            self.0[(id / 64) as usize] |= 1 << (id % 64);
        }
    }

    /// Whether the two sets share a country.
    pub(super) fn meets(&self, other: &CodeSet) -> bool {
        self.0.iter().zip(other.0).any(|(a, b)| a & b != 0)
    }

    pub(super) fn add_all(&mut self, other: &CodeSet) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }
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
            self.push(p, today);
        }
        self.ranks_stale = true;
    }

    /// Adds one posting's facet values, sort keys and bookkeeping.
    fn push(&mut self, p: &Posting, today: time::Date) {
        let i = self.len() as u32;
        self.mode.push(p.work_mode);
        self.etype.push(p.employment_type);
        self.level.push(p.seniority);
        self.push_pay(p);
        self.company
            .push(p.company.as_deref().map(|c| self.companies.intern(c).0));
        self.push_places(p);
        self.push_open_to(p);
        let skills: Vec<u32> = p
            .skills
            .iter()
            .map(|s| self.skill_names.intern(s).0)
            .collect();
        self.skills.push(skills);
        self.posted_age
            .push(p.posted.as_ref().and_then(|d| d.age_days(today)));
        let same = self.by_id.entry(p.id.clone()).or_default();
        self.duplicate
            .push(same.iter().any(|&j| !self.removed[j as usize]));
        same.push(i);
        self.removed.push(false);
        self.closed
            .push(p.pulled.as_ref().is_some_and(|t| t.closed.is_some()));
        self.linked.push(false);
        self.by_source.entry(p.source.clone()).or_default().push(i);
        self.title_keys.push(sort_key(p.title.as_deref()).into());
        self.company_keys
            .push(sort_key(p.company.as_deref()).into());
    }

    /// The pay, yearly in the home currency (sorts and floors compare like with like), and
    /// whether it is an estimate.
    fn push_pay(&mut self, p: &Posting) {
        let yearly = p
            .salary
            .as_ref()
            .and_then(|s| crate::money::Money::current().yearly(s));
        self.salary_k
            .push(yearly.and_then(|y| y.floor()).map(|v| v / 1000.0));
        self.salary_top.push(yearly.and_then(|y| y.ceiling()));
        self.estimate.push(
            p.salary
                .as_ref()
                .is_some_and(|s| s.provenance == crate::posting::PayProvenance::Estimate),
        );
    }

    /// One value per place, however it is spelled: "SF" and "San Francisco, CA" are both
    /// "San Francisco, US"; a place the table does not know stays as written. Each in its
    /// country, which the Location facet lists it under.
    fn push_places(&mut self, p: &Posting) {
        let mut locs: Vec<u32> = Vec::with_capacity(p.locations.len());
        let mut countries: Vec<u32> = Vec::new();
        for l in &p.locations {
            let place = p.places.iter().find(|pl| pl.name == *l);
            let label = place.map_or_else(|| l.clone(), crate::places::Place::label);
            let id = self.places.intern(&label).0;
            self.place_country.resize(self.places.len(), None);
            if let Some(cc) = place.and_then(|pl| pl.country.as_deref()) {
                let g = crate::places::Gazetteer::get();
                let name = g.country(cc).map_or(cc, |k| k.name.as_str());
                let c = self.country_names.intern(name).0;
                self.place_country[id as usize] = Some(c);
                countries.push(c);
            }
            locs.push(id);
        }
        locs.sort_unstable();
        locs.dedup();
        countries.sort_unstable();
        countries.dedup();
        self.locations.push(locs);
        self.countries.push(countries);
    }

    /// Where applicants may live: anywhere, or the named regions (each with its countries).
    fn push_open_to(&mut self, p: &Posting) {
        let anywhere = p.remote_from.iter().any(|c| c == "*");
        let mut open: Vec<u32> = Vec::new();
        if !anywhere && !p.remote_from.is_empty() {
            let g = crate::places::Gazetteer::get();
            for (name, codes) in g.name_countries(&p.remote_from) {
                let (id, new) = self.open_names.intern(&name);
                if new {
                    let mut set = CodeSet::default();
                    for c in &codes {
                        set.insert(self.open_codes.intern(c).0);
                    }
                    self.open_sets.push(set);
                }
                open.push(id);
            }
        }
        self.anywhere.push(anywhere);
        self.open_to.push(open);
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

    /// Whether a Location facet value is a place in a known country (listed under it).
    pub fn place_has_country(&self, label: &str) -> bool {
        self.places
            .get(label)
            .and_then(|id| self.place_country.get(id as usize).copied().flatten())
            .is_some()
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
}

/// A text's sort key: lowercase; a missing one sorts last.
fn sort_key(s: Option<&str>) -> String {
    s.unwrap_or("\u{10ffff}").to_lowercase()
}
