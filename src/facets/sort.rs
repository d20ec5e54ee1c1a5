//! The orders of the list, and the per-posting ranks that make sorting 100,000 rows integer work.

use super::FacetIndex;

/// Orders of the list.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, strum::IntoStaticStr, strum::EnumString,
)]
#[strum(serialize_all = "lowercase")]
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
        self.into()
    }

    pub fn from_name(s: &str) -> Option<SortKey> {
        s.parse().ok()
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

impl FacetIndex {
    pub(super) fn ensure_ranks(&mut self) {
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
