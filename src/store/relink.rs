//! Bookmarks whose posting was re-read under a new id. A posting's id is a hash of its company,
//! title and places (see [`crate::posting::posting_id`]), so when a newer jobdeck reads its file
//! better ("(untitled)" gains its title, a company is found) the id changes and the bookmark's
//! posting would show as missing. Such a bookmark follows its posting when the file it was
//! read from still gives an unbookmarked posting that is plainly the same one: the file's only
//! unclaimed posting with a title like the snapshot's (equal, one holding the other, or most
//! words shared) or the same company, or — in a file of several — the one whose title is
//! alone in being like it.

use std::collections::{HashMap, HashSet};

use super::{Change, Shortlists, Snapshot};
use crate::posting::Posting;

/// Lowercase words of letters and digits.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How like the snapshot's title a posting's title is: 2 equal (as words), 1 one holding the
/// other or most words shared, 0 not alike.
fn title_likeness(was: Option<&str>, now: Option<&str>) -> u8 {
    let (Some(was), Some(now)) = (was, now) else {
        return 0;
    };
    let (a, b) = (words(was), words(now));
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    if a == b {
        return 2;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let holds = long.windows(short.len()).any(|w| w == short.as_slice());
    let shared = short.iter().filter(|w| long.contains(w)).count();
    u8::from(holds || shared * 3 >= long.len() * 2)
}

fn same_company(was: &Snapshot, p: &Posting) -> bool {
    match (&was.company, &p.company) {
        (Some(a), Some(b)) => words(a) == words(b),
        _ => false,
    }
}

/// What to tell when `n` bookmarks followed their postings.
pub fn followed_message(n: usize) -> String {
    if n == 1 {
        "1 bookmark follows its posting, read anew under a new id".to_string()
    } else {
        format!("{n} bookmarks follow their postings, read anew under new ids")
    }
}

impl Shortlists {
    /// The bookmarks whose posting is not among `postings` but was re-read under another id,
    /// each as a [`Change::Relink`] to it. Nothing is paired on a guess: a bookmark with two
    /// alike postings in its file, or none, stays as it is.
    pub fn relinks(&self, postings: &[&Posting]) -> Vec<Change> {
        let present: HashSet<&str> = postings.iter().map(|p| p.id.as_str()).collect();
        let mut by_source: HashMap<&str, Vec<&Posting>> = HashMap::new();
        for p in postings {
            // A posting already bookmarked is its own bookmark's.
            if self.get(&p.id).is_none() {
                by_source.entry(p.source.as_str()).or_default().push(p);
            }
        }
        let mut taken: HashSet<&str> = HashSet::new();
        let mut out = Vec::new();
        for b in self.sorted() {
            if present.contains(b.id.as_str()) || b.snapshot.source.is_empty() {
                continue;
            }
            let Some(cands) = by_source.get(b.snapshot.source.as_str()) else {
                continue;
            };
            let free: Vec<&Posting> = cands
                .iter()
                .copied()
                .filter(|p| !taken.contains(p.id.as_str()))
                .collect();
            let score = |p: &Posting| {
                let t = title_likeness(b.snapshot.title.as_deref(), p.title.as_deref());
                // An untitled snapshot with its company: the company alone.
                let c = same_company(&b.snapshot, p);
                match (t, c) {
                    (2, _) | (1, true) => 3,
                    (1, false) => 2,
                    (0, true) if b.snapshot.title.is_none() => 2,
                    (0, true) => 1,
                    _ => 0,
                }
            };
            let mut best: Vec<(&Posting, u8)> = free
                .iter()
                .map(|p| (*p, score(p)))
                .filter(|(_, s)| *s > 0)
                .collect();
            best.sort_by_key(|(_, s)| std::cmp::Reverse(*s));
            let chosen = match best.as_slice() {
                [one] => Some(*one),
                [first, second, ..] if first.1 > second.1 => Some(*first),
                _ => None,
            };
            // A weak likeness (the company only) counts only when it is the file's one
            // unclaimed posting.
            let Some((p, _)) = chosen.filter(|(_, s)| *s >= 2 || free.len() == 1) else {
                continue;
            };
            taken.insert(p.id.as_str());
            out.push(Change::Relink {
                from: b.id.clone(),
                to: p.id.clone(),
                snapshot: Snapshot::of(p),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DEFAULT_LIST;

    fn posting(source: &str, title: Option<&str>, company: Option<&str>) -> Posting {
        let mut p = Posting {
            source: source.into(),
            title: title.map(Into::into),
            company: company.map(Into::into),
            ..Posting::default()
        };
        p.id = crate::posting::posting_id(&p);
        p
    }

    fn saved(s: &mut Shortlists, p: &Posting) {
        let change = Change::Add {
            snapshot: Snapshot::of(p),
            id: p.id.clone(),
            list: DEFAULT_LIST.into(),
        };
        s.apply(&change, super::super::now()).unwrap();
    }

    #[test]
    fn a_posting_read_better_keeps_its_bookmark() {
        let mut s = Shortlists::default();
        let old = posting("jobs/devport.md", Some("Frontend developer"), None);
        saved(&mut s, &old);
        s.apply(
            &Change::SetNote {
                snapshot: Snapshot::of(&old),
                id: old.id.clone(),
                note: Some("call Jan".into()),
            },
            super::super::now(),
        )
        .unwrap();
        let new = posting(
            "jobs/devport.md",
            Some("Frontend developer"),
            Some("DevPort"),
        );
        let other = posting("jobs/other.md", Some("Frontend developer"), Some("Acme"));
        let changes = s.relinks(&[&new, &other]);
        assert_eq!(changes.len(), 1);
        for c in &changes {
            s.apply(c, super::super::now()).unwrap();
        }
        assert!(s.get(&old.id).is_none());
        let b = s.get(&new.id).unwrap();
        assert_eq!(b.note.as_deref(), Some("call Jan"));
        assert_eq!(b.lists, [DEFAULT_LIST]);
        assert_eq!(b.snapshot.company.as_deref(), Some("DevPort"));
        // Done once: nothing more to re-link, and re-applying changes nothing.
        assert!(s.relinks(&[&new, &other]).is_empty());
        let before = s.clone();
        s.apply(&changes[0], super::super::now()).unwrap();
        assert_eq!(
            s.get(&new.id).unwrap().lists,
            before.get(&new.id).unwrap().lists
        );
    }

    #[test]
    fn a_title_cut_from_its_wrapper_is_the_same_posting() {
        let mut s = Shortlists::default();
        let old = posting(
            "a.txt",
            Some("Buchhalter:in in Berlin Süd 40.000 - 50.000, hybrid"),
            None,
        );
        saved(&mut s, &old);
        let new = posting("a.txt", Some("Buchhalter:in"), None);
        assert_eq!(s.relinks(&[&new]).len(), 1);
    }

    #[test]
    fn no_guess_between_alike_postings_or_another_job() {
        let mut s = Shortlists::default();
        let old = posting("many.md", Some("Backend Engineer"), None);
        saved(&mut s, &old);
        // Two postings of the file alike: unsure.
        let a = posting("many.md", Some("Backend Engineer"), Some("Acme"));
        let b = posting("many.md", Some("Backend Engineer"), Some("Initech"));
        assert!(s.relinks(&[&a, &b]).is_empty());
        // The file now holds another job: not this bookmark's.
        let c = posting("many.md", Some("Office Manager"), Some("Acme"));
        assert!(s.relinks(&[&c]).is_empty());
        // Another file's posting is never taken.
        let d = posting("other.md", Some("Backend Engineer"), Some("Acme"));
        assert!(s.relinks(&[&d]).is_empty());
        // A posting with a bookmark of its own is not taken either.
        saved(&mut s, &a);
        assert!(s.relinks(&[&a, &c]).is_empty());
    }
}
