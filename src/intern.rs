//! Interning: each distinct string stored once and named by a dense `u32` id, so that the
//! per-posting tables of the search index and the facets hold small integers, not strings.

use std::sync::Arc;

// A fast non-cryptographic hash: the keys are local data, and this map is on the load path.
use rustc_hash::FxHashMap as HashMap;

/// Distinct strings and their ids (ids are positions in [`names`](Interner::names)).
#[derive(Debug, Default)]
pub struct Interner {
    names: Vec<Arc<str>>,
    /// Id of each name. May trail `names` (an interner made [`from_names`](Self::from_names)
    /// indexes them on the first [`intern`](Self::intern), not up front).
    ids: HashMap<Arc<str>, u32>,
}

impl Interner {
    /// An interner holding `names` as ids 0, 1, …; they are indexed only once another string is
    /// interned (a thawed search index is mostly read, never grown).
    pub fn from_names(names: Vec<Arc<str>>) -> Interner {
        Interner {
            names,
            ids: HashMap::default(),
        }
    }

    /// The id of `s`, adding it if new; the flag says whether it was.
    pub fn intern(&mut self, s: &str) -> (u32, bool) {
        self.index_all();
        if let Some(&id) = self.ids.get(s) {
            return (id, false);
        }
        let id = self.names.len() as u32;
        let name: Arc<str> = s.into();
        self.names.push(name.clone());
        self.ids.insert(name, id);
        (id, true)
    }

    /// The id of `s`, if it was interned.
    pub fn get(&self, s: &str) -> Option<u32> {
        if self.ids.len() == self.names.len() {
            self.ids.get(s).copied()
        } else {
            self.names.iter().position(|n| &**n == s).map(|i| i as u32)
        }
    }

    /// The string of an id.
    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    pub fn names(&self) -> &[Arc<str>] {
        &self.names
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    fn index_all(&mut self) {
        if self.ids.len() < self.names.len() {
            self.ids.reserve(self.names.len() - self.ids.len());
            for (i, n) in self.names.iter().enumerate() {
                self.ids.entry(n.clone()).or_insert(i as u32);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dense_and_stable() {
        let mut i = Interner::default();
        assert_eq!(i.intern("rust"), (0, true));
        assert_eq!(i.intern("go"), (1, true));
        assert_eq!(i.intern("rust"), (0, false));
        assert_eq!(i.get("go"), Some(1));
        assert_eq!(i.get("zig"), None);
        assert_eq!(i.name(1), "go");
        assert_eq!(i.len(), 2);
    }

    #[test]
    fn names_given_up_front_are_found_and_not_added_again() {
        let mut i = Interner::from_names(vec!["a".into(), "b".into()]);
        assert_eq!(i.get("b"), Some(1));
        assert_eq!(i.intern("b"), (1, false));
        assert_eq!(i.intern("c"), (2, true));
        assert_eq!(i.get("a"), Some(0));
    }
}
