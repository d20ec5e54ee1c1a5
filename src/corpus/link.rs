//! Linking postings of the same role found on two sources — a company's board pulled with
//! `jobdeck pull`, and the same job in an HN comment or a saved page — so that the list shows
//! it once ("seen on 2 sources"). Two kinds of evidence, strongest first:
//!
//! 1. **The board's own id**: the other posting links to the pulled one — its url or its text
//!    holds `<board>/jobs/<id>` (Greenhouse), `gh_jid=<id>`, `<board>/<id>` (Lever, Ashby,
//!    SmartRecruiters) or `item?id=<id>` (HN).
//! 2. **Company, title and place**, all equal once normalized (a place shared, or none
//!    stated on one side), *confirmed* by the descriptions: most of the shorter one's words
//!    occur in the longer one.
//!
//! Anything less is not linked: two postings that merely share a title stay two. Pure: no
//! I/O, the caller decides what a link does.

use std::collections::{HashMap, HashSet};

use aho_corasick::AhoCorasick;

use crate::posting::{Format, Posting};

/// How two postings were found to be the same role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    SourceId,
    SameRole,
}

/// `secondary` is the same role as `primary` (a pulled posting when one of them is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub primary: usize,
    pub secondary: usize,
    pub evidence: Evidence,
}

/// Share of the shorter description's words that must occur in the longer one.
const SIMILAR: f64 = 0.6;
/// Fewer distinct words than this is too little text to confirm anything.
const MIN_WORDS: usize = 12;
/// How much of a description is compared or scanned for ids.
const TEXT_PREFIX: usize = 20_000;

/// Links among `postings` (each listed once already: no two share an `id`). Nothing is
/// linked unless at least one posting was pulled; each posting is the secondary of at most
/// one link, and never the primary of one while being a secondary.
pub fn find(postings: &[&Posting]) -> Vec<Link> {
    let pulled: Vec<usize> = (0..postings.len())
        .filter(|&i| postings[i].pulled.is_some())
        .collect();
    if pulled.is_empty() {
        return Vec::new();
    }
    let mut links = Vec::new();
    let mut taken: HashSet<usize> = HashSet::new();
    let mut add = |primary: usize, secondary: usize, evidence, links: &mut Vec<Link>| {
        if primary != secondary
            && !taken.contains(&secondary)
            && !taken.contains(&primary)
            && !same_board(postings[primary], postings[secondary])
        {
            taken.insert(secondary);
            links.push(Link {
                primary,
                secondary,
                evidence,
            });
        }
    };

    // 1. The board's id, in the other posting's url or text.
    let mut needles = Vec::new();
    let mut owner = Vec::new();
    for &i in &pulled {
        for n in id_needles(postings[i]) {
            needles.push(n);
            owner.push(i);
        }
    }
    let companies: HashSet<String> = pulled
        .iter()
        .filter_map(|&i| postings[i].company.as_deref().map(norm))
        .collect();
    if let Ok(ac) = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&needles)
    {
        for (j, q) in postings.iter().enumerate() {
            let mut hay = q.url.clone().unwrap_or_default();
            // Descriptions are scanned where a link is likely: HN comments, and postings of a
            // company that was pulled.
            if q.format == Format::Hn
                || q.company
                    .as_deref()
                    .is_some_and(|c| companies.contains(&norm(c)))
            {
                hay.push('\n');
                hay.extend(q.description_text().chars().take(TEXT_PREFIX));
            }
            let found = ac
                .find_iter(&hay)
                .filter(|m| ends_token(&hay, m.end()))
                .map(|m| owner[m.pattern().as_usize()])
                .find(|&i| i != j);
            // The posting whose board id is referred to is the one listed.
            if let Some(i) = found {
                add(i, j, Evidence::SourceId, &mut links);
            }
        }
    }

    // 2. Company + title + place, confirmed by the descriptions.
    let mut by_role: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, p) in postings.iter().enumerate() {
        if let (Some(c), Some(t)) = (&p.company, &p.title) {
            let key = (norm(c), norm(t));
            if !key.0.is_empty() && !key.1.is_empty() {
                by_role.entry(key).or_default().push(i);
            }
        }
    }
    for &i in &pulled {
        let p = postings[i];
        let (Some(c), Some(t)) = (&p.company, &p.title) else {
            continue;
        };
        let Some(same) = by_role.get(&(norm(c), norm(t))) else {
            continue;
        };
        for &j in same {
            if j == i || !places_agree(p, postings[j]) || !similar(p, postings[j]) {
                continue;
            }
            let (a, b) = order(postings, i, j);
            add(a, b, Evidence::SameRole, &mut links);
        }
    }
    links
}

/// Which of two linked postings is listed: the pulled one (the board is the system of
/// record), else the first.
fn order(postings: &[&Posting], i: usize, j: usize) -> (usize, usize) {
    match (postings[i].pulled.is_some(), postings[j].pulled.is_some()) {
        (true, false) => (i, j),
        (false, true) => (j, i),
        _ => (i.min(j), i.max(j)),
    }
}

/// Two postings of one pulled board are two postings, whatever they share.
fn same_board(a: &Posting, b: &Posting) -> bool {
    match (&a.pulled, &b.pulled) {
        (Some(x), Some(y)) => x.source == y.source && x.board == y.board,
        _ => false,
    }
}

/// What another posting would hold if it pointed at this pulled one.
fn id_needles(p: &Posting) -> Vec<String> {
    let Some(t) = &p.pulled else {
        return Vec::new();
    };
    let (board, id) = (t.board.as_str(), t.id.as_str());
    // Short ids (a few digits) would turn up by chance.
    if id.len() < 5 {
        return Vec::new();
    }
    match t.source.as_str() {
        "greenhouse" => vec![format!("{board}/jobs/{id}"), format!("gh_jid={id}")],
        "hn" => vec![format!("item?id={id}")],
        "recruitee" | "personio" => Vec::new(),
        _ => vec![format!("{board}/{id}")],
    }
}

/// Whether a match ends at a token boundary (`/jobs/40120` must not match `/jobs/401200`).
fn ends_token(hay: &str, end: usize) -> bool {
    hay[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_')
}

/// Lowercased words of letters and digits, single-spaced.
fn norm(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A place in common, or no place stated on one side.
fn places_agree(a: &Posting, b: &Posting) -> bool {
    if a.locations.is_empty() || b.locations.is_empty() {
        return true;
    }
    let first = |l: &String| norm(l.split(',').next().unwrap_or(l));
    let pa: HashSet<String> = a.locations.iter().map(first).collect();
    b.locations.iter().any(|l| pa.contains(&first(l)))
}

/// Whether most of the shorter description's words occur in the longer one.
fn similar(a: &Posting, b: &Posting) -> bool {
    let words = |p: &Posting| -> HashSet<String> {
        p.description_text()
            .chars()
            .take(TEXT_PREFIX)
            .collect::<String>()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (small, large) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if small.len() < MIN_WORDS {
        return false;
    }
    let shared = small.iter().filter(|w| large.contains(*w)).count();
    shared as f64 / small.len() as f64 >= SIMILAR
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::{Pulled, Section};

    fn posting(company: &str, title: &str, loc: &str, body: &str) -> Posting {
        Posting {
            company: Some(company.into()),
            title: Some(title.into()),
            locations: vec![loc.into()],
            sections: vec![Section {
                heading: None,
                body: body.into(),
            }],
            ..Default::default()
        }
    }

    fn pulled(mut p: Posting, source: &str, board: &str, id: &str) -> Posting {
        p.pulled = Some(Box::new(Pulled {
            source: source.into(),
            board: board.into(),
            id: id.into(),
            first_seen: time::OffsetDateTime::UNIX_EPOCH,
            last_seen: time::OffsetDateTime::UNIX_EPOCH,
            closed: None,
            changes: Vec::new(),
            new: false,
            changed: false,
        }));
        p
    }

    const BODY: &str = "We are building the observability platform for every API team. You will design \
        services in Rust and Go, own their reliability, mentor engineers and work with product managers \
        on the roadmap for distributed tracing and metrics.";

    #[test]
    fn linked_by_the_boards_id() {
        let gh = pulled(
            posting("Postman", "Backend Engineer", "San Francisco", BODY),
            "greenhouse",
            "postman",
            "4012001",
        );
        let hn = posting(
            "Postman",
            "Engineers",
            "SF",
            "Apply at https://job-boards.greenhouse.io/postman/jobs/4012001 today.",
        );
        let other = posting(
            "Postman",
            "Engineers",
            "SF",
            "https://job-boards.greenhouse.io/postman/jobs/40120019",
        );
        let links = find(&[&hn, &gh, &other]);
        assert_eq!(
            links,
            vec![Link {
                primary: 1,
                secondary: 0,
                evidence: Evidence::SourceId
            }]
        );
    }

    #[test]
    fn same_role_needs_the_descriptions_to_agree() {
        let gh = pulled(
            posting("Postman", "Backend Engineer", "San Francisco, CA", BODY),
            "greenhouse",
            "postman",
            "4012001",
        );
        let saved = posting(
            "POSTMAN",
            "Backend  Engineer",
            "San Francisco",
            &format!("About the job. {BODY}"),
        );
        let unsure = posting(
            "Postman",
            "Backend Engineer",
            "San Francisco",
            "A completely different text about selling insurance to hospitals across the country every single quarter with quotas.",
        );
        let elsewhere = posting("Postman", "Backend Engineer", "Bangalore", BODY);
        let links = find(&[&gh, &unsure, &elsewhere, &saved]);
        assert_eq!(links.len(), 1, "{links:?}");
        assert_eq!((links[0].primary, links[0].secondary), (0, 3));
        assert_eq!(links[0].evidence, Evidence::SameRole);
    }

    #[test]
    fn nothing_without_a_pulled_posting_nor_within_one_board() {
        let a = posting("Postman", "Backend Engineer", "SF", BODY);
        let b = a.clone();
        assert!(find(&[&a, &b]).is_empty());
        let a = pulled(a, "greenhouse", "postman", "1111111");
        let b = pulled(b, "greenhouse", "postman", "2222222");
        assert!(find(&[&a, &b]).is_empty());
    }
}
