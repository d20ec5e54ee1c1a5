//! The search index: postings plus their headline fields interned, so that a fuzzy pattern is
//! scored once per distinct string ("Senior Software Engineer", "Berlin, Germany", "Rust")
//! rather than once per posting, and cheap bitmask checks reject most strings before scoring.

use std::cmp::Ordering;
use std::sync::Arc;

use rayon::prelude::*;

use super::matcher::{Matcher, SkimMatcher, TextFinder, char_mask, word_prefix_in_lower};
use super::query::{Field, Query, Term, enum_matches};
use crate::intern::Interner;
use crate::posting::{EmploymentType, Posting, Seniority, WorkMode};

/// Marks the bytes of a frozen index (and its format's version).
const FROZEN_TAG: &[u8] = b"jdsearch1";

/// Reads little-endian values off a byte slice.
struct ByteReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> ByteReader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

/// Every posting's headline values, (field bit, string id), stored flat: one allocation for
/// all rows instead of one per posting, each value packed in a `u32` (the field's bit
/// position in the top 3 bits, the string id below), which halves the largest part of the
/// index.
#[derive(Default)]
struct Rows {
    data: Vec<u32>,
    /// Where each row starts in `data`; one more entry than rows.
    start: Vec<u32>,
}

/// String ids must fit below the 3 bits that name the field.
const ID_BITS: u32 = 29;

/// A (field bit, string id) value as [`Rows`] stores it; None when it cannot be stored (a
/// field bit that is not a single headline field, or more strings than ids).
fn pack((bit, id): (u8, u32)) -> Option<u32> {
    let slot = bit.trailing_zeros();
    (bit.is_power_of_two() && bit & HEADLINE_BITS != 0 && id >> ID_BITS == 0)
        .then_some(slot << ID_BITS | id)
}

fn unpack(v: u32) -> (u8, u32) {
    (1 << (v >> ID_BITS), v & ((1 << ID_BITS) - 1))
}

impl Rows {
    fn push(&mut self, row: &[(u8, u32)]) {
        if self.start.is_empty() {
            self.start.push(0);
        }
        self.data.extend(row.iter().filter_map(|&v| pack(v)));
        self.start.push(self.data.len() as u32);
    }

    fn get(&self, i: u32) -> impl Iterator<Item = (u8, u32)> + '_ {
        let i = i as usize;
        self.data[self.start[i] as usize..self.start[i + 1] as usize]
            .iter()
            .map(|&v| unpack(v))
    }

    fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Postings matched by a query, with their score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the posting in the index (and in the corpus it was built from).
    pub index: u32,
    pub score: i64,
}

/// A distinct headline string.
struct Entry {
    lower: Box<str>,
    mask: u64,
    /// Which fields use this string (bit per [`field_bit`]).
    fields: u8,
}

fn field_bit(f: Field) -> u8 {
    match f {
        Field::Title => 1,
        Field::Company => 2,
        Field::Team => 4,
        Field::Location => 8,
        Field::Skill => 16,
        _ => 0,
    }
}

const HEADLINE_BITS: u8 = 1 | 2 | 4 | 8 | 16;

/// Above this many strings or rows, work is split across cores.
const PARALLEL_MIN: usize = 4096;

/// How many postings a `text:` search looks up before scanning them (see `filter_text`).
const TEXT_BATCH: usize = 16;

pub struct SearchIndex {
    postings: Vec<Arc<Posting>>,
    /// The distinct headline strings; `entries` holds what searching needs of each, by id.
    strings: Interner,
    entries: Vec<Entry>,
    /// Per posting: (field bit, string id) of each headline value.
    rows: Rows,
    /// Per posting: work mode, employment type and seniority as positions in their `ALL`
    /// lists (255: not stated).
    attrs: Vec<[u8; 3]>,
    /// Per posting: its position in title order (ties of score are broken by title).
    title_rank: std::sync::OnceLock<Vec<u32>>,
    matcher: Box<dyn Matcher>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("rows", &self.rows.len())
            .field("strings", &self.entries.len())
            .finish()
    }
}

impl Default for SearchIndex {
    fn default() -> Self {
        SearchIndex::new(Vec::new())
    }
}

impl SearchIndex {
    pub fn new(postings: Vec<Arc<Posting>>) -> SearchIndex {
        let mut idx = SearchIndex {
            postings: Vec::new(),
            strings: Interner::default(),
            entries: Vec::new(),
            rows: Rows::default(),
            attrs: Vec::new(),
            title_rank: std::sync::OnceLock::new(),
            matcher: Box::new(SkimMatcher::default()),
        };
        idx.extend(postings);
        idx
    }

    /// Adds postings (while a corpus streams in).
    pub fn extend(&mut self, postings: impl IntoIterator<Item = Arc<Posting>>) {
        for p in postings {
            self.push_headline(&p);
            self.postings.push(p);
        }
    }

    /// Gives postings to an index thawed from the cache, which already ranks them: they are
    /// kept (for `text:` terms and output), not indexed again. Postings past the thawed rows
    /// are indexed as usual.
    pub fn attach(&mut self, postings: impl IntoIterator<Item = Arc<Posting>>) {
        for p in postings {
            if self.postings.len() < self.rows.len() {
                self.postings.push(p);
            } else {
                self.push_headline(&p);
                self.postings.push(p);
            }
        }
    }

    /// Adds a posting's headline values only (the posting itself is not kept): for an index
    /// that will be frozen into the parse cache.
    pub fn push_headline(&mut self, p: &Posting) {
        let mut row = Vec::with_capacity(4 + p.locations.len() + p.skills.len());
        let mut add = |field: Field, s: &str, idx: &mut Self| {
            let id = idx.intern(s, field_bit(field));
            row.push((field_bit(field), id));
        };
        if let Some(t) = &p.title {
            add(Field::Title, t, self);
        }
        if let Some(c) = &p.company {
            add(Field::Company, c, self);
        }
        if let Some(t) = &p.team {
            add(Field::Team, t, self);
        }
        for l in &p.locations {
            add(Field::Location, l, self);
        }
        // What the places resolve to: `loc:germany` finds "Berlin", `loc:"san francisco"`
        // finds "SF".
        for pl in &p.places {
            let g = crate::places::Gazetteer::get();
            let country = pl
                .country
                .as_deref()
                .and_then(|c| g.country(c))
                .map(|c| c.name.as_str());
            for extra in [pl.city.as_deref(), pl.region.as_deref(), country]
                .into_iter()
                .flatten()
            {
                if !p.locations.iter().any(|l| l == extra) {
                    add(Field::Location, extra, self);
                }
            }
        }
        for s in &p.skills {
            add(Field::Skill, s, self);
        }
        self.rows.push(&row);
        self.attrs.push(attrs_of(p));
        // Ranked again on the next search that needs it: streaming batches in stays linear.
        self.title_rank = std::sync::OnceLock::new();
    }

    /// The index as bytes, everything a search needs precomputed (lowercased strings, their
    /// character masks, rows, attributes, title ranks), for the parse cache.
    pub fn freeze(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.freeze_into(&mut out)
            .expect("writing to a Vec cannot fail");
        out
    }

    /// [`freeze`](Self::freeze), written straight to `out` (the parse cache streams it to its
    /// file rather than holding the bytes).
    pub fn freeze_into(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let u32s = |out: &mut dyn std::io::Write, v: u32| out.write_all(&v.to_le_bytes());
        out.write_all(FROZEN_TAG)?;
        u32s(out, self.entries.len() as u32)?;
        for (e, text) in self.entries.iter().zip(self.strings.names()) {
            out.write_all(&[e.fields])?;
            out.write_all(&e.mask.to_le_bytes())?;
            u32s(out, text.len() as u32)?;
            u32s(out, e.lower.len() as u32)?;
        }
        for (e, text) in self.entries.iter().zip(self.strings.names()) {
            out.write_all(text.as_bytes())?;
            out.write_all(e.lower.as_bytes())?;
        }
        let n = self.rows.len();
        u32s(out, n as u32)?;
        u32s(out, self.rows.data.len() as u32)?;
        if self.rows.start.is_empty() {
            u32s(out, 0)?;
        }
        for &st in &self.rows.start {
            u32s(out, st)?;
        }
        for &v in &self.rows.data {
            let (b, id) = unpack(v);
            out.write_all(&[b])?;
            u32s(out, id)?;
        }
        for a in &self.attrs {
            out.write_all(a)?;
        }
        for &r in self.ranks() {
            u32s(out, r)?;
        }
        Ok(())
    }

    /// An index from [`freeze`](Self::freeze)'s bytes (without postings: see
    /// [`Query::needs_text`]). None when the bytes are not such an index.
    pub fn thaw(bytes: &[u8]) -> Option<SearchIndex> {
        let mut r = ByteReader { bytes, at: 0 };
        if r.take(FROZEN_TAG.len())? != FROZEN_TAG {
            return None;
        }
        let n_entries = r.u32()? as usize;
        let mut heads = Vec::with_capacity(n_entries.min(bytes.len()));
        for _ in 0..n_entries {
            let fields = r.take(1)?[0];
            let mask = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
            let (tl, ll) = (r.u32()? as usize, r.u32()? as usize);
            heads.push((fields, mask, tl, ll));
        }
        let mut entries = Vec::with_capacity(heads.len());
        let mut names = Vec::with_capacity(heads.len());
        for (fields, mask, tl, ll) in heads {
            let text = std::str::from_utf8(r.take(tl)?).ok()?;
            let lower = std::str::from_utf8(r.take(ll)?).ok()?;
            names.push(text.into());
            entries.push(Entry {
                lower: lower.into(),
                mask,
                fields,
            });
        }
        let n = r.u32()? as usize;
        let n_data = r.u32()? as usize;
        // Sizes must fit in what is left before anything is allocated for them.
        if n.checked_mul(11)?.checked_add(n_data.checked_mul(5)?)? > bytes.len() {
            return None;
        }
        let start: Vec<u32> = (0..n + 1).map(|_| r.u32()).collect::<Option<_>>()?;
        let data: Vec<u32> = (0..n_data)
            .map(|_| pack((r.take(1)?[0], r.u32()?)))
            .collect::<Option<_>>()?;
        let attrs: Vec<[u8; 3]> = (0..n)
            .map(|_| r.take(3)?.try_into().ok())
            .collect::<Option<_>>()?;
        let ranks: Vec<u32> = (0..n).map(|_| r.u32()).collect::<Option<_>>()?;
        // Every reference must point inside: a damaged cache is no index.
        let ok = start.first() == Some(&0)
            && start.windows(2).all(|w| w[0] <= w[1])
            && start.last().is_some_and(|&e| e as usize == data.len())
            && data.iter().all(|&v| (unpack(v).1 as usize) < entries.len())
            && ranks.iter().all(|&x| (x as usize) < n);
        if !ok || r.at != bytes.len() {
            return None;
        }
        let rank = std::sync::OnceLock::new();
        let _ = rank.set(ranks);
        Some(SearchIndex {
            strings: Interner::from_names(names),
            entries,
            rows: Rows { data, start },
            attrs,
            title_rank: rank,
            ..SearchIndex::default()
        })
    }

    fn intern(&mut self, s: &str, bit: u8) -> u32 {
        let (id, new) = self.strings.intern(s);
        if new {
            let lower = s.to_lowercase();
            self.entries.push(Entry {
                mask: char_mask(&lower),
                lower: lower.into(),
                fields: bit,
            });
        } else {
            self.entries[id as usize].fields |= bit;
        }
        id
    }

    /// Each posting's position in title order (computed once per change of the corpus).
    fn ranks(&self) -> &[u32] {
        self.title_rank.get_or_init(|| self.rank_titles())
    }

    /// Ranks by title: the distinct titles are sorted (far fewer than postings), then postings
    /// by (their title's place, their own index) — plain integers.
    fn rank_titles(&self) -> Vec<u32> {
        let title_bit = field_bit(Field::Title);
        let mut titles: Vec<u32> = (0..self.entries.len() as u32)
            .filter(|&id| self.entries[id as usize].fields & title_bit != 0)
            .collect();
        titles.par_sort_unstable_by(|&a, &b| {
            self.entries[a as usize]
                .lower
                .cmp(&self.entries[b as usize].lower)
        });
        let mut place = vec![u32::MAX; self.entries.len()];
        for (n, id) in titles.into_iter().enumerate() {
            place[id as usize] = n as u32;
        }
        let key = |i: u32| -> u64 {
            let t = self
                .rows
                .get(i)
                .find(|(b, _)| *b == title_bit)
                .map_or(u32::MAX, |(_, id)| place[id as usize]);
            (u64::from(t) << 32) | u64::from(i)
        };
        let mut order: Vec<u64> = (0..self.rows.len() as u32).map(key).collect();
        order.par_sort_unstable();
        let order = order.into_iter().map(|k| k as u32);
        let mut ranks = vec![0; order.len()];
        for (rank, i) in order.into_iter().enumerate() {
            ranks[i as usize] = rank as u32;
        }
        ranks
    }

    /// How many postings the index ranks (also when built from the cache, without postings).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn posting(&self, index: u32) -> &Arc<Posting> {
        &self.postings[index as usize]
    }

    pub fn postings(&self) -> &[Arc<Posting>] {
        &self.postings
    }

    /// The position of a posting in title order.
    pub fn title_rank(&self, index: u32) -> u32 {
        self.ranks()[index as usize]
    }

    pub fn matcher(&self) -> &dyn Matcher {
        self.matcher.as_ref()
    }

    /// Every posting matching `query`, best first (score, then title).
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        self.search_within(query, None)
    }

    /// Like [`search`](Self::search), but only among `candidates` (the hits of a query that
    /// this one narrows, see [`Query::narrows`]).
    pub fn search_within(&self, query: &Query, candidates: Option<&[Hit]>) -> Vec<Hit> {
        self.search_until(query, candidates, &|| false)
            .unwrap_or_default()
    }

    /// Like [`search_within`](Self::search_within), but gives up (None) as soon as `cancelled`
    /// says so: a search that a newer query has made pointless stops instead of finishing.
    pub fn search_until(
        &self,
        query: &Query,
        candidates: Option<&[Hit]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        let mut scored: Vec<(&Term, Prepared)> = Vec::new();
        let mut texts: Vec<(TextFinder, bool)> = Vec::new();
        for t in &query.terms {
            match self.string_scores(t, cancelled) {
                Some(scores) => scored.push((t, Prepared::Scores(scores))),
                None if t.field == Some(Field::Text) => {
                    texts.push((TextFinder::new(&t.lower), t.negated))
                }
                None => scored.push((t, Prepared::Nothing)),
            }
        }
        if cancelled() {
            return None;
        }
        // The non-negated `salary:` terms are one choice: `salary:>=100k salary:none` keeps
        // the well paid and the unstated.
        let pays: Vec<super::query::PaySpec> = query
            .terms
            .iter()
            .filter(|t| super::query::is_pay_choice(t))
            .filter_map(|t| super::query::pay_spec(&t.lower))
            .collect();
        scored.retain(|(t, _)| !super::query::is_pay_choice(t));
        let eval = |i: u32| -> Option<Hit> {
            if cancelled() {
                return None; // skip the rest cheaply: the result is thrown away
            }
            if !pays.is_empty() {
                let p = self.postings.get(i as usize)?;
                if !pays
                    .iter()
                    .any(|&spec| super::query::posting_pay_matches(p, spec))
                {
                    return None;
                }
            }
            let mut total = 0i64;
            for (term, scores) in &scored {
                let s = self.term_score(i, term, scores);
                match (s, term.negated) {
                    (Some(_), true) | (None, false) => return None,
                    (Some(v), false) => total += v,
                    (None, true) => {}
                }
            }
            Some(Hit {
                index: i,
                score: total,
            })
        };
        let mut hits: Vec<Hit> = match candidates {
            Some(c) if c.len() < PARALLEL_MIN => c.iter().filter_map(|h| eval(h.index)).collect(),
            Some(c) => c.par_iter().filter_map(|h| eval(h.index)).collect(),
            None if self.len() < PARALLEL_MIN => (0..self.len() as u32).filter_map(eval).collect(),
            None => (0..self.len() as u32)
                .into_par_iter()
                .filter_map(eval)
                .collect(),
        };
        // Description scans last, over what the headline terms left: the costliest test runs
        // on the fewest postings.
        for (finder, negated) in &texts {
            if cancelled() {
                return None;
            }
            hits = self.filter_text(hits, finder, *negated, cancelled);
        }
        if cancelled() {
            return None;
        }
        self.sort_hits(&mut hits);
        Some(hits)
    }

    /// Orders hits by score (highest first), then title.
    pub fn sort_hits(&self, hits: &mut [Hit]) {
        let ranks = self.ranks();
        let cmp = |a: &Hit, b: &Hit| -> Ordering {
            b.score
                .cmp(&a.score)
                .then_with(|| ranks[a.index as usize].cmp(&ranks[b.index as usize]))
        };
        if hits.len() >= PARALLEL_MIN {
            hits.par_sort_unstable_by(cmp);
        } else {
            hits.sort_unstable_by(cmp);
        }
    }

    /// Keeps the hits whose description (section headings and bodies) contains the finder's
    /// needle, or, `negated`, lacks it. Postings are taken [`TEXT_BATCH`] at a time: first
    /// every section string of the batch is looked up, then the strings are scanned. Looking
    /// them up together lets the CPU fetch the postings' scattered records from memory at
    /// once, instead of waiting for each one between two long scans. An index without
    /// postings (the headline records a cache gives before the postings are decoded) has no
    /// descriptions: nothing contains the needle there.
    fn filter_text(
        &self,
        hits: Vec<Hit>,
        finder: &TextFinder,
        negated: bool,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Vec<Hit> {
        let keep = |batch: &[Hit]| -> Vec<Hit> {
            if cancelled() {
                return Vec::new();
            }
            let mut strings: Vec<(usize, &str)> = Vec::with_capacity(batch.len() * 8);
            for (k, hit) in batch.iter().enumerate() {
                if let Some(p) = self.postings.get(hit.index as usize) {
                    for s in &p.sections {
                        strings.push((k, &s.body));
                        if let Some(h) = &s.heading {
                            strings.push((k, h));
                        }
                    }
                }
            }
            let mut found = [false; TEXT_BATCH];
            for (k, text) in strings {
                if !found[k] && finder.is_match(text) {
                    found[k] = true;
                }
            }
            batch
                .iter()
                .zip(found)
                .filter(|(_, found)| *found != negated)
                .map(|(hit, _)| *hit)
                .collect()
        };
        if hits.len() < PARALLEL_MIN {
            hits.chunks(TEXT_BATCH).flat_map(keep).collect()
        } else {
            hits.par_chunks(TEXT_BATCH).flat_map_iter(keep).collect()
        }
    }

    /// For a fuzzy or exact headline term: the score of every distinct string (i32::MIN when it
    /// does not match). None for terms that are not matched against headline strings.
    fn string_scores(
        &self,
        term: &Term,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<i32>> {
        let bits = match term.field {
            None => HEADLINE_BITS,
            Some(f) if f.is_headline() => field_bit(f),
            Some(_) => return None,
        };
        // `loc:de` also finds the places of the country coded DE (their rows hold its name).
        let country_code_of = (term.field == Some(Field::Location)
            && (2..=3).contains(&term.lower.len())
            && term.lower.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| crate::places::Gazetteer::get().country(&term.lower))
        .flatten()
        .map(|c| c.name.to_lowercase());
        let need = if country_code_of.is_some() {
            0
        } else {
            char_mask(&term.lower)
        };
        let score = |(e, text): (&Entry, &Arc<str>)| -> i32 {
            if e.fields & bits == 0 || e.mask & need != need || cancelled() {
                return i32::MIN;
            }
            if term.exact && !e.lower.contains(term.lower.as_str()) {
                return i32::MIN;
            }
            // A scoped term matches words of its field (see `word_prefix_indices`); the fuzzy
            // score still ranks what matched.
            let scoped = term.field.is_some() && !term.exact;
            if scoped
                && word_prefix_in_lower(&e.lower, &term.lower).is_none()
                && country_code_of
                    .as_deref()
                    .is_none_or(|name| word_prefix_in_lower(&e.lower, name).is_none())
            {
                return i32::MIN;
            }
            match self.matcher.score(text, &term.lower) {
                Some(s) => s.clamp(i32::MIN as i64 + 1, i32::MAX as i64) as i32,
                // An exact substring or a scoped word always matches, even where the fuzzy
                // scorer gives up.
                None if term.exact || scoped => 1,
                None => i32::MIN,
            }
        };
        Some(if self.entries.len() >= PARALLEL_MIN {
            self.entries
                .par_iter()
                .zip(self.strings.names())
                .map(score)
                .collect()
        } else {
            self.entries
                .iter()
                .zip(self.strings.names())
                .map(score)
                .collect()
        })
    }

    /// The score of one posting for one term; None when it does not match.
    fn term_score(&self, i: u32, term: &Term, prepared: &Prepared) -> Option<i64> {
        match prepared {
            Prepared::Scores(scores) => {
                let bits = term.field.map_or(HEADLINE_BITS, field_bit);
                self.rows
                    .get(i)
                    .filter(|(b, _)| b & bits != 0)
                    .map(|(_, id)| scores[id as usize])
                    .filter(|&s| s != i32::MIN)
                    .max()
                    .map(i64::from)
            }
            Prepared::Nothing => {
                let [mode, etype, level] = self.attrs[i as usize];
                let matched = match term.field {
                    Some(Field::Mode) => WorkMode::ALL
                        .get(mode as usize)
                        .is_some_and(|m| enum_matches(m.as_str(), &term.lower)),
                    Some(Field::Type) => EmploymentType::ALL
                        .get(etype as usize)
                        .is_some_and(|m| enum_matches(m.as_str(), &term.lower)),
                    Some(Field::Level) => Seniority::ALL
                        .get(level as usize)
                        .is_some_and(|m| enum_matches(m.as_str(), &term.lower)),
                    // Tracking records are on the postings (an index thawed from the cache
                    // without them matches nothing here).
                    Some(Field::Is) => self
                        .postings
                        .get(i as usize)
                        .is_some_and(|p| super::query::posting_is(p, &term.lower)),
                    Some(Field::Salary) => {
                        super::query::pay_spec(&term.lower).is_some_and(|spec| {
                            self.postings
                                .get(i as usize)
                                .is_some_and(|p| super::query::posting_pay_matches(p, spec))
                        })
                    }
                    Some(Field::Age) => super::query::age_spec(&term.lower).is_some_and(|spec| {
                        self.postings
                            .get(i as usize)
                            .is_some_and(|p| super::query::posting_age_matches(p, spec))
                    }),
                    Some(Field::From) => {
                        super::query::from_countries(&term.lower).is_some_and(|cs| {
                            self.postings
                                .get(i as usize)
                                .is_some_and(|p| super::query::posting_open_from(p, &cs))
                        })
                    }
                    _ => false,
                };
                matched.then_some(0)
            }
        }
    }
}

/// A query term made ready to test postings against.
enum Prepared {
    /// A headline term: the score of every distinct headline string.
    Scores(Vec<i32>),
    /// A term on a posting's attributes (mode, type, level).
    Nothing,
}

/// Positions in an enum's `ALL` list, as the cache and `attrs` store them.
fn attrs_of(p: &Posting) -> [u8; 3] {
    fn slot<T: PartialEq + Copy>(v: Option<T>, all: &[T]) -> u8 {
        v.and_then(|x| all.iter().position(|a| *a == x))
            .map_or(255, |p| p as u8)
    }
    [
        slot(p.work_mode, WorkMode::ALL),
        slot(p.employment_type, EmploymentType::ALL),
        slot(p.seniority, Seniority::ALL),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::WorkMode;

    fn posting(
        title: &str,
        company: &str,
        loc: &str,
        skills: &[&str],
        mode: Option<WorkMode>,
        body: &str,
    ) -> Arc<Posting> {
        Arc::new(Posting {
            title: Some(title.into()),
            company: Some(company.into()),
            locations: vec![loc.into()],
            skills: skills.iter().map(|s| s.to_string()).collect(),
            work_mode: mode,
            sections: vec![crate::posting::Section {
                heading: None,
                body: body.into(),
            }],
            ..Default::default()
        })
    }

    fn index() -> SearchIndex {
        SearchIndex::new(vec![
            posting(
                "Senior Backend Engineer",
                "Acme",
                "Berlin, Germany",
                &["Rust", "SQL"],
                Some(WorkMode::Remote),
                "We run Kubernetes.",
            ),
            posting(
                "Product Designer",
                "Initech",
                "Austin, TX",
                &["Figma"],
                Some(WorkMode::Onsite),
                "Design things.",
            ),
            posting(
                "Staff Engineer, Trust",
                "Acme",
                "Remote",
                &["Go", "Java"],
                Some(WorkMode::Hybrid),
                "Security work.",
            ),
        ])
    }

    #[test]
    fn a_search_gives_up_when_a_newer_query_arrives() {
        let ix = index();
        let q = Query::parse("engineer");
        let full = ix.search(&q);
        assert!(!full.is_empty());
        assert_eq!(ix.search_until(&q, None, &|| false), Some(full));
        assert_eq!(ix.search_until(&q, None, &|| true), None);
        // Cancelled part-way through: still no (partial) answer.
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let midway = || calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed) > 2;
        assert_eq!(ix.search_until(&q, None, &midway), None);
    }

    fn titles(idx: &SearchIndex, q: &str) -> Vec<String> {
        idx.search(&Query::parse(q))
            .iter()
            .map(|h| idx.posting(h.index).title.clone().unwrap())
            .collect()
    }

    #[test]
    fn fuzzy_terms_and_ranking() {
        let idx = index();
        assert_eq!(titles(&idx, "trust"), ["Staff Engineer, Trust"]);
        assert_eq!(titles(&idx, "engineer")[..2].len(), 2);
        assert_eq!(titles(&idx, "acme sql"), ["Senior Backend Engineer"]);
        assert_eq!(titles(&idx, "figma"), ["Product Designer"]);
        assert!(titles(&idx, "zzzz").is_empty());
    }

    #[test]
    fn empty_query_lists_everything_by_title() {
        let idx = index();
        assert_eq!(
            titles(&idx, ""),
            [
                "Product Designer",
                "Senior Backend Engineer",
                "Staff Engineer, Trust"
            ]
        );
    }

    #[test]
    fn scoped_exact_negated_and_text_terms() {
        let idx = index();
        assert_eq!(titles(&idx, "company:initech"), ["Product Designer"]);
        assert_eq!(titles(&idx, "loc:berlin"), ["Senior Backend Engineer"]);
        assert_eq!(titles(&idx, "skill:go"), ["Staff Engineer, Trust"]);
        assert_eq!(titles(&idx, "engineer !java"), ["Senior Backend Engineer"]);
        assert_eq!(titles(&idx, "'backend"), ["Senior Backend Engineer"]);
        assert!(titles(&idx, "'bkend").is_empty());
        assert_eq!(titles(&idx, "text:kubernetes"), ["Senior Backend Engineer"]);
        assert_eq!(titles(&idx, "mode:on-site"), ["Product Designer"]);
        assert_eq!(titles(&idx, "mode:rem"), ["Senior Backend Engineer"]);
    }

    /// A scoped term matches its field's words, not a subsequence of them: the counts it gives
    /// are the postings that have it.
    #[test]
    fn scoped_terms_match_words_of_their_field() {
        let idx = index();
        // "Staff Engineer, Trust" holds r-u-s-t in order, but no word starting with "rust".
        assert_eq!(titles(&idx, "title:rust"), Vec::<String>::new());
        assert_eq!(titles(&idx, "rust").len(), 2, "plain terms stay fuzzy");
        assert_eq!(titles(&idx, "skill:rust"), ["Senior Backend Engineer"]);
        assert_eq!(titles(&idx, "title:trust"), ["Staff Engineer, Trust"]);
        assert_eq!(titles(&idx, "title:eng").len(), 2);
        assert!(titles(&idx, "company:cme").is_empty());
        assert_eq!(titles(&idx, "loc:ger"), ["Senior Backend Engineer"]);
        assert_eq!(titles(&idx, "!skill:rust").len(), 2);
    }

    /// Many postings (more than one batch, and enough for both cores) with the needle in
    /// various places and cases: `text:` finds exactly those, alone, negated and after a
    /// headline term, and a narrowed search agrees.
    #[test]
    fn text_search_over_many_postings_matches_a_plain_scan() {
        let count = PARALLEL_MIN + 37;
        let postings: Vec<Arc<Posting>> = (0..count)
            .map(|i| {
                let (heading, body) = match i % 7 {
                    0 => (Some("Our KUBERNETES stack"), "Nothing here."),
                    1 => (None, "A long body that mentions kubernetes near the end."),
                    2 => (Some("About"), "kubernete (almost), KUBERNETE, kubernetex"),
                    3 => (None, ""),
                    _ => (Some("Stack"), "We run Kubernetes on bare metal, mostly."),
                };
                let title = if i % 2 == 0 {
                    "Rust Engineer"
                } else {
                    "Designer"
                };
                let mut p = (*posting(title, "Acme", "Berlin", &[], None, "intro")).clone();
                p.sections.push(crate::posting::Section {
                    heading: heading.map(String::from),
                    body: body.repeat(1 + i % 5),
                });
                Arc::new(p)
            })
            .collect();
        let contains = |p: &Posting| {
            p.sections.iter().any(|s| {
                s.body.to_lowercase().contains("kubernetes")
                    || s.heading
                        .as_ref()
                        .is_some_and(|h| h.to_lowercase().contains("kubernetes"))
            })
        };
        let expect = |pred: &dyn Fn(&Posting) -> bool| -> Vec<u32> {
            (0..count as u32)
                .filter(|&i| pred(&postings[i as usize]))
                .collect()
        };
        let idx = SearchIndex::new(postings.clone());
        let found = |q: &str| -> Vec<u32> {
            let mut v: Vec<u32> = idx
                .search(&Query::parse(q))
                .iter()
                .map(|h| h.index)
                .collect();
            v.sort_unstable();
            v
        };
        assert_eq!(found("text:kubernetes"), expect(&|p| contains(p)));
        assert_eq!(found("!text:kubernetes"), expect(&|p| !contains(p)));
        let rust = |p: &Posting| p.title.as_deref() == Some("Rust Engineer");
        assert_eq!(
            found("'rust text:kubernetes"),
            expect(&|p| rust(p) && contains(p))
        );
        let prev = idx.search(&Query::parse("text:kube"));
        let q = Query::parse("text:kubernetes");
        let mut narrowed: Vec<u32> = idx
            .search_within(&q, Some(&prev))
            .iter()
            .map(|h| h.index)
            .collect();
        narrowed.sort_unstable();
        assert_eq!(narrowed, expect(&|p| contains(p)));
    }

    #[test]
    fn row_values_pack_into_one_word_and_back() {
        for bit in [1u8, 2, 4, 8, 16] {
            for id in [0, 1, 12_345, (1 << ID_BITS) - 1] {
                assert_eq!(pack((bit, id)).map(unpack), Some((bit, id)));
            }
        }
        assert_eq!(pack((1, 1 << ID_BITS)), None, "too many strings");
        assert_eq!(pack((3, 0)), None, "two fields");
        assert_eq!(pack((32, 0)), None, "not a headline field");
        assert_eq!(pack((0, 0)), None);
    }

    #[test]
    fn narrowing_gives_the_same_hits() {
        let idx = index();
        let prev = idx.search(&Query::parse("en"));
        let q = Query::parse("eng");
        assert!(q.narrows(&Query::parse("en")));
        assert_eq!(idx.search_within(&q, Some(&prev)), idx.search(&q));
    }
}
