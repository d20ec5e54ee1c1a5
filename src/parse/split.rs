//! Several jobs on one page: a careers page with a card per role, a Markdown file with a
//! heading per role, a Hacker News post whose header names several roles, pasted e-mails each
//! with its "Job Title:" line. Each becomes its own document: the role's own part, plus what
//! the page says for all of them (the company's introduction before the first role, the shared
//! sections after the last one, the facts of the header).

use std::sync::LazyLock;

use regex::Regex;

use super::doc::{Block, BlockKind, Doc, Fact, Key, Origin};
use super::fields::company::page_heading;
use super::fields::title::{
    Depth, gender_tagged, looks_like_title, no_employer, role_heading, unnumbered, unwrap,
};
use super::readers::{label_at, label_facts, label_line};
use super::vocab::Label;

/// Splits every document that holds several jobs.
pub fn several_jobs(docs: Vec<Doc>) -> Vec<Doc> {
    let mut out = Vec::with_capacity(docs.len());
    for d in docs {
        if let Some(parts) = by_header_titles(&d)
            .or_else(|| by_news_items(&d))
            .or_else(|| by_employer_groups(&d))
            .or_else(|| by_placed_entries(&d))
            .or_else(|| by_employer_sections(&d))
            .or_else(|| by_role_headings(&d))
            .or_else(|| by_sectioned_headings(&d))
            .or_else(|| by_title_labels(&d))
            .or_else(|| by_numbered_roles(&d))
            .or_else(|| by_role_items(&d))
            .or_else(|| by_role_list(&d))
            .or_else(|| by_hiring_sentence(&d))
            .or_else(|| by_inline_list(&d))
            .or_else(|| by_section_cycles(&d))
            .or_else(|| by_vacancy_lines(&d))
            .or_else(|| by_contract_lines(&d))
            .or_else(|| with_role_in_passing(&d))
        {
            // A careers page's own heading names the employer of every job it lists, unless a
            // job's part names its own.
            let employer = page_employer(&d);
            out.extend(parts.into_iter().map(|mut part| {
                if let Some((e, place)) = &employer
                    && !part.facts.iter().any(|f| f.key == Key::Company)
                {
                    // The page's own words confirm it: no part needs to write it again
                    // ("Karriere bei der Ahorn-Apotheke" over an accordion of roles).
                    part.text(Key::Company, e, Origin::Wrapper);
                    // "… in Jesteburg": where the employer is, weaker than any place the
                    // job's part gives.
                    if let Some(p) = place
                        && !part.facts.iter().any(|f| f.key == Key::Location)
                    {
                        part.text(Key::Location, p, Origin::Page);
                    }
                }
                part
            }));
        } else {
            out.push(d);
        }
    }
    out
}

/// The employer a page's own title or heading names, saying nothing else
/// ("Werken bij Kaap Noord", "Careers | Acme"), and the place it gives ("… in Jesteburg":
/// [`page_heading`]).
fn page_employer(d: &Doc) -> Option<(String, Option<String>)> {
    let titles = d
        .facts
        .iter()
        .filter(|f| matches!(f.key, Key::Title | Key::Subject))
        .filter_map(|f| f.value.text());
    // Its own heading: a first-level one, or the first when the markup gives no levels.
    let first = d.blocks.iter().find(|b| b.kind == BlockKind::Heading);
    let headings = d
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading && b.level == 1)
        .chain(first.filter(|b| b.level == 0))
        .map(|b| b.text.as_str());
    titles.chain(headings).find_map(page_heading)
}

/// A header naming several roles (`Acme | AI Intern | Embedded Intern | Paris`): one document
/// per role, sharing the rest.
fn by_header_titles(d: &Doc) -> Option<Vec<Doc>> {
    let titles: Vec<&Fact> = d
        .facts
        .iter()
        .filter(|f| f.key == Key::Title && f.origin == Origin::Header)
        .collect();
    let mut distinct: Vec<&str> = Vec::new();
    for f in &titles {
        if let Some(t) = f.value.text()
            && !distinct.iter().any(|x| x.eq_ignore_ascii_case(t))
        {
            distinct.push(t);
        }
    }
    if distinct.len() < 2 || d.format != crate::posting::Format::Hn {
        return None;
    }
    Some(
        distinct
            .iter()
            .map(|t| {
                let mut part = d.clone();
                part.facts
                    .retain(|f| f.key != Key::Title || f.origin != Origin::Header);
                part.facts.insert(0, title_fact(t, Origin::Header));
                part
            })
            .collect(),
    )
}

/// A group's lead: the employer it names, and where its roles are when it says so.
type Lead = (String, Option<String>);

/// A digest of jobs grouped by employer: a heading naming each ("**Audiotool**", "## Enso"), or
/// a line naming it before where its roles are ("Aleo | San Francisco, Remote"), the roles it
/// hires for listed under it ("• Rust / Audio DSP Developer", "• Senior Cloud Rust Engineer
/// (Remote)"); two such groups or more, one after the other. One document per role, its
/// employer's heading its company (as weak as a wrapper's name: a careers page grouping its
/// roles by team names its employer elsewhere).
fn by_employer_groups(d: &Doc) -> Option<Vec<Doc>> {
    let blocks = &d.blocks;
    // A heading alone names no place either ("Berlin Office"); a name before where its roles
    // are may hold one ("TTi Global | Des Moines").
    let employer = |t: &str| names_one(t) && !super::places::mentions_place(t);
    // The group's lead: a heading naming the employer, or a line naming it before where and
    // how its roles are done ("Aleo | San Francisco, Remote"), kept as its roles' place.
    let lead = |b: &Block| -> Option<Lead> {
        let t = b.text.trim();
        match b.kind {
            BlockKind::Heading => employer(t).then(|| (t.to_string(), None)),
            BlockKind::Paragraph if t.contains('|') && t.chars().count() <= 80 => {
                let (name, rest) = t.split_once('|')?;
                let (name, rest) = (name.trim(), rest.trim());
                let where_how = |p: &str| {
                    let p = p.trim();
                    super::places::place_kind(p).is_some()
                        || super::places::is_place(p)
                        || super::fields::work_mode::from_label(p)
                            .is_some_and(|_| p.split_whitespace().count() <= 2)
                };
                (names_one(name)
                    && !super::places::is_place_name(name)
                    && rest.split(['|', ',', '/']).all(where_how))
                .then(|| (name.to_string(), Some(rest.to_string())))
            }
            _ => None,
        }
    };
    // A role of the list: an item, or a short line of its own (a newsletter's "[Rust Core
    // Developer](…)" lines under "Parity | Berlin, London, Remote", read as headings).
    let role_item = |b: &Block| {
        let line = matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading)
            && !b.text.trim().contains('\n')
            && b.text.trim().chars().count() <= 80;
        (b.kind == BlockKind::Item || line) && {
            let e = entry_text(&b.text);
            bare_role(&e) == Some(true) || ends_in_role(&e)
        }
    };
    // (lead, its employer and place, items) per group, from the first group on while groups
    // follow each other.
    let mut groups: Vec<(usize, Lead, Vec<usize>)> = Vec::new();
    // From the first lead with a role under it (a newsletter's "Careers" heading leads none).
    let mut i = (0..blocks.len())
        .find(|&k| lead(&blocks[k]).is_some() && blocks.get(k + 1).is_some_and(&role_item))?;
    while let Some(named) = blocks.get(i).and_then(lead) {
        let items: Vec<usize> = (i + 1..blocks.len())
            .take_while(|&k| role_item(&blocks[k]))
            .collect();
        let Some(&last) = items.last() else { break };
        groups.push((i, named, items));
        i = last + 1;
    }
    let roles: usize = groups.iter().map(|g| g.2.len()).sum();
    if groups.len() < 2 || roles < 3 {
        return None;
    }
    let mut out = Vec::with_capacity(roles);
    for (h, (name, place), items) in &groups {
        for &k in items {
            let mut part = d.clone();
            part.blocks = vec![blocks[*h].clone(), blocks[k].clone()];
            part.facts
                .retain(|f| !matches!(f.key, Key::Title | Key::Company | Key::Location));
            part.facts
                .insert(0, title_fact(&entry_text(&blocks[k].text), Origin::Header));
            part.text(Key::Company, name, Origin::Wrapper);
            if let Some(place) = place {
                part.text(Key::Location, place, Origin::Header);
            }
            out.push(part);
        }
    }
    Some(out)
}

/// A newsletter's list of jobs, each entry where, then the role (a link), then who hires:
/// "Anywhere - [Business Analyst](…), Newspack", "UK - [Data Investigations Advisor](…),
/// Global Witness". Three entries or more of that shape, most of their list, are each a job:
/// titled by the role, the employer's name and the place from the entry.
fn by_placed_entries(d: &Doc) -> Option<Vec<Doc>> {
    let blocks = &d.blocks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        if blocks[i].kind != BlockKind::Item {
            i += 1;
            continue;
        }
        let run: Vec<usize> = (i..blocks.len())
            .take_while(|&k| blocks[k].kind == BlockKind::Item)
            .collect();
        i += run.len();
        let entries: Vec<(usize, PlacedEntry)> = run
            .iter()
            .filter_map(|&k| placed_entry(&entry_text(&blocks[k].text)).map(|e| (k, e)))
            .collect();
        // Most name a role as a title does: a list of news in that shape ("UK - The Guardian
        // launched an app, Guardian Live") names none.
        let titled = entries
            .iter()
            .filter(|(_, e)| looks_like_title(&e.role))
            .count();
        if entries.len() < 3 || entries.len() * 4 < run.len() * 3 || titled * 2 < entries.len() {
            continue;
        }
        for (k, e) in entries {
            let mut part = d.clone();
            part.blocks = vec![blocks[k].clone()];
            part.facts
                .retain(|f| !matches!(f.key, Key::Title | Key::Company | Key::Location));
            part.facts.insert(0, title_fact(&e.role, Origin::Header));
            part.text(Key::Company, &e.employer, Origin::Header);
            match &e.place {
                Some(place) => part.text(Key::Location, place, Origin::Header),
                // "Anywhere": where a job is done anywhere, it is done remotely.
                None => part.text(Key::WorkMode, &e.at, Origin::Header),
            }
            out.push(part);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// An entry of a newsletter's list of jobs, read by [`placed_entry`].
struct PlacedEntry {
    role: String,
    employer: String,
    /// Where, as the entry says it.
    at: String,
    /// The place; none where the entry says the job is done anywhere.
    place: Option<String>,
}

/// "Anywhere - Business Analyst, Newspack" → the role, the employer and the place (none for
/// "Anywhere", "Remote"): where first (places the gazetteer knows, one or several joined by
/// '/'), a dash, the role's name (no sentence), a comma, then a name of a few words.
fn placed_entry(entry: &str) -> Option<PlacedEntry> {
    static SHAPE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?P<at>[^-–—,:]{2,40}?)\s+[-–—]\s+(?P<role>[^,]{2,80}?),\s+(?P<by>[^,;:.!?]{2,60})$",
        )
        .expect("valid regex")
    });
    let c = SHAPE.captures(entry.trim())?;
    let (at, role, by) = (c["at"].trim(), c["role"].trim(), c["by"].trim());
    let v = super::vocab::vocab();
    let anywhere = v.anywhere.whole(at).is_some() || v.work_mode.whole(at).is_some();
    let placed = anywhere || at.split('/').next().is_some_and(|p| whole_place(p.trim()));
    let name = by.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || by.split_whitespace().count() == 1;
    (placed
        && name
        && by.split_whitespace().count() <= 6
        && !v.names_role(by)
        && role.split_whitespace().count() <= 10
        && !has_sentence(role, true))
    .then(|| PlacedEntry {
        role: role.to_string(),
        employer: by.to_string(),
        at: at.to_string(),
        place: (!anywhere).then(|| at.to_string()),
    })
}

/// A piece that is a place as a whole ("Ann Arbor", "MD", "Germany"); "University of Michigan"
/// mentions one and is a name.
fn whole_place(p: &str) -> bool {
    super::places::place_kind(p).is_some()
        || super::places::is_place_name(p)
        || super::vocab::vocab().country(p).is_some()
}

/// Whether a text holds a sentence's break ("… team. We"), with a capital after it when
/// `capital_after` asks; a level's short form ("Sr. Backend Engineer") is none.
fn has_sentence(t: &str, capital_after: bool) -> bool {
    t.match_indices(". ").any(|(at, _)| {
        let word = t[..at].rsplit([' ', '(']).next().unwrap_or("");
        (!capital_after || t[at + 2..].starts_with(char::is_uppercase))
            && !is_level_abbreviation(word)
    })
}

/// A level's short form written with a dot after it ("Sr.", "Jr.", "Mgr.").
fn is_level_abbreviation(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "sr" | "jr" | "snr" | "jnr" | "sen" | "mgr" | "assoc" | "asst"
    )
}

/// Whether a line may be a name: a few words, capitalized, no role, no board, no label.
fn names_one(t: &str) -> bool {
    let v = super::vocab::vocab();
    (1..=6).contains(&t.split_whitespace().count())
        && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !t.ends_with([':', '：', '.', '!', '?'])
        && !v.names_role(t)
        && v.domains.first_in(t).is_none()
        && v.openings.first_in(t).is_none()
        && section_label_text(t).is_none()
}

/// A board of employers, each under a heading of its name with its job's text and an address
/// of its own ("### Par Mais" … "recrutamento@parmais.com.br", "### Ecentry" …
/// "curriculos@ecentry.com"): three headings of one level or more, each a name, and most of
/// their sections with an address or a link at a domain the heading names. One document per
/// section, its heading the company; the title is what the section's text gives, if anything.
fn by_employer_sections(d: &Doc) -> Option<Vec<Doc>> {
    static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:[\w.+-]@|https?://(?:www\.)?)([a-z0-9-]+)\.").expect("valid regex")
    });
    use super::vocab::norm_label;
    let blocks = &d.blocks;
    let mut levels: Vec<u8> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading && b.level > 0)
        .map(|b| b.level)
        .collect();
    levels.sort_unstable();
    levels.dedup();
    // The first heading, when the reader took it for the page's header ("### Par Mais" at the
    // top), heads the text before the others.
    let header = d
        .facts
        .iter()
        .find(|f| f.key == Key::Title && f.origin == Origin::Header)
        .and_then(|f| f.value.text())
        .filter(|t| names_one(t.trim()));
    levels.into_iter().find_map(|level| {
        let heads: Vec<usize> = (0..blocks.len())
            .filter(|&i| blocks[i].kind == BlockKind::Heading && blocks[i].level == level)
            .collect();
        if !heads.iter().all(|&i| names_one(blocks[i].text.trim())) {
            return None;
        }
        // Each section runs to the next heading of its level or above.
        let end_of = |h: usize| {
            (h + 1..blocks.len())
                .find(|&k| blocks[k].kind == BlockKind::Heading && blocks[k].level <= level)
                .unwrap_or(blocks.len())
        };
        // (name, its section's blocks)
        let mut sections: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
        if let Some(name) = header
            && heads.first().is_some_and(|&h| h > 0)
        {
            sections.push((name.trim(), 0..heads[0]));
        }
        sections.extend(
            heads
                .iter()
                .map(|&h| (blocks[h].text.trim(), h + 1..end_of(h))),
        );
        if sections.len() < 3 {
            return None;
        }
        let own = sections
            .iter()
            .filter(|(name, range)| {
                // The name and the domain as their letters and digits ("Par Mais", "parmais").
                let name = norm_label(name);
                name.chars().count() >= 3
                    && blocks[range.clone()].iter().any(|b| {
                        DOMAIN.captures_iter(&b.text).any(|c| {
                            let dom = norm_label(&c[1]);
                            dom.chars().count() >= 3 && (name.contains(&dom) || dom.contains(&name))
                        })
                    })
            })
            .count();
        if own < 3 || 2 * own < sections.len() {
            return None;
        }
        let parts = sections
            .into_iter()
            .map(|(name, range)| {
                let mut part = d.clone();
                part.blocks = blocks[range].to_vec();
                part.facts.retain(|f| {
                    !matches!(
                        f.key,
                        Key::Title | Key::Subject | Key::Company | Key::Location
                    ) && f.origin != Origin::Label
                });
                label_facts(&mut part);
                part.text(Key::Company, name, Origin::Header);
                part
            })
            .collect();
        Some(parts)
    })
}

/// A newsletter's list of news in which an item or two says an employer is hiring ("[Serokell is
/// hiring Nix DevOps Engineers](…)", "PDT Partners is looking for an experienced engineer"), four
/// items or more: one document per such item, with the text under it. The newsletter's own
/// title (a list of its topics) names no job, and the other news is none of the job's text.
fn by_news_items(d: &Doc) -> Option<Vec<Doc>> {
    static HIRING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<c>\p{Lu}[\w&.'’-]*(?:\s+\p{Lu}[\w&.'’-]*){0,3})\s+(?:is|are)\s+(?:now\s+)?(?:hiring|looking\s+for|seeking|recruiting)\b")
            .expect("valid regex")
    });
    if d.format == crate::posting::Format::Hn
        || d.texts(Key::Title)
            .any(|(t, _)| looks_like_title(t) && t.matches(", ").count() < 2)
    {
        return None;
    }
    let items: Vec<usize> = (0..d.blocks.len())
        .filter(|&i| d.blocks[i].kind == BlockKind::Item)
        .collect();
    if items.len() < 4 {
        return None;
    }
    let hiring: Vec<(usize, String, String)> = items
        .iter()
        .filter_map(|&i| {
            // The item opens with the news's headline; the text under it may follow.
            let text = d.blocks[i].text.trim();
            let company = HIRING.captures(text)?["c"].to_string();
            // "We are looking for …" is the posting's own voice, no news of an employer: a
            // word that starts no employer's name (`[company] not_names`) starts no news.
            let first = company.split_whitespace().next().unwrap_or("");
            if super::vocab::vocab().not_names.contains(first) {
                return None;
            }
            let role = super::fields::title::title_from_text(text)?;
            Some((i, company, role))
        })
        .collect();
    if hiring.is_empty() || hiring.len() * 2 > items.len() {
        return None;
    }
    Some(
        hiring
            .into_iter()
            .map(|(i, company, role)| {
                let mut part = d.clone();
                // The item and the text under it, up to the next item or heading.
                let end = (i + 1..d.blocks.len())
                    .find(|&k| matches!(d.blocks[k].kind, BlockKind::Item | BlockKind::Heading))
                    .unwrap_or(d.blocks.len());
                part.blocks = d.blocks[i..end].to_vec();
                part.facts
                    .retain(|f| !matches!(f.key, Key::Title | Key::Company | Key::Link));
                part.facts.insert(0, title_fact(&role, Origin::Header));
                part.text(Key::Company, &company, Origin::Header);
                part
            })
            .collect(),
    )
}

fn title_fact(t: &str, origin: Origin) -> Fact {
    Fact {
        key: Key::Title,
        value: super::doc::Value::Text(t.to_string()),
        origin,
    }
}

/// Whether the text under a heading of `level` only leads into the roles that follow ("… for
/// the following positions:" and a role's heading of the same level): the heading introduces
/// the roles and is none of them. A role whose text leads into its own sub-sections ("the
/// projects you could take on:") is still a role.
fn introduces(blocks: &[Block], level: u8) -> bool {
    let text: Vec<&Block> = blocks
        .iter()
        .take_while(|b| b.kind != BlockKind::Heading)
        .collect();
    let next = blocks.get(text.len());
    !text.is_empty()
        && text.iter().all(|b| b.kind == BlockKind::Paragraph)
        && text
            .last()
            .is_some_and(|b| b.text.trim_end().ends_with([':', '：']))
        && next.is_some_and(|h| h.level == level && role_heading(&h.text).is_some())
}

/// Whether the text under a heading is only a list of roles' names ("### Engineering" over "-
/// Backend Developer" / "- Test Engineer"): the heading names a group of roles, none itself.
fn groups_roles(blocks: &[Block]) -> bool {
    let entries: Vec<&str> = blocks
        .iter()
        .take_while(|b| b.kind != BlockKind::Heading)
        .map(list_entry)
        .collect::<Option<_>>()
        .unwrap_or_default();
    let roles = entries
        .iter()
        .filter(|e| bare_role(&entry_text(e)) == Some(true))
        .count();
    entries.len() >= 2 && roles * 2 >= entries.len()
}

/// Headings of one level that each name a role and head their own text: one document per role.
/// Text before the first role is the page's introduction; sections after the last role that
/// are not under it (a heading of the same level or above) are shared.
fn by_role_headings(d: &Doc) -> Option<Vec<Doc>> {
    let heads: Vec<(usize, u8)> = d
        .blocks
        .iter()
        .enumerate()
        .filter(|&(i, b)| {
            b.kind == BlockKind::Heading
                && role_heading(&b.text).is_some()
                && !introduces(&d.blocks[i + 1..], b.level)
                && !groups_roles(&d.blocks[i + 1..])
        })
        .map(|(i, b)| (i, b.level))
        .collect();
    // The level that most role headings share (0: headings found in plain text).
    let mut best: Option<(u8, usize)> = None;
    for &(_, level) in &heads {
        let n = heads.iter().filter(|h| h.1 == level).count();
        if n >= 2 && best.is_none_or(|b| n > b.1 || (n == b.1 && level < b.0)) {
            best = Some((level, n));
        }
    }
    // Roles tagged with the genders they are open to ("Développeur JS (H/F)") are roles
    // whatever levels a careless page gives their headings.
    let tagged: Vec<(usize, u8)> = heads
        .iter()
        .copied()
        .filter(|&(i, _)| gender_tagged(&d.blocks[i].text))
        .collect();
    let (level, mixed) = match best {
        Some((level, _)) => (level, false),
        None if tagged.len() >= 2 => (tagged.iter().map(|h| h.1).max().unwrap_or(0), true),
        None => return None,
    };
    let mut at: Vec<usize> = if mixed {
        tagged.iter().map(|h| h.0).collect()
    } else {
        heads.iter().filter(|h| h.1 == level).map(|h| h.0).collect()
    };
    // A heading of the same level between two roles', or before the first, is a role the
    // vocabulary does not know when it has their form: the word marking a position they all
    // start with ("### Posizione Segreteria Amministrativa" between "### Posizione Account
    // Manager" and "### Posizione IT Support"; "## Offre 1 : Alternance Intelligence
    // Artificielle" before "## Offre 2 : Alternant(e) Cybersécurité"), or the section they
    // open with ("Formazione richiesta"). A section's name or no name at all is none.
    if let (Some(&first), Some(&last)) = (at.first(), at.last()) {
        let first_word = |i: usize| {
            let t = unnumbered(&d.blocks[i].text);
            t.split_whitespace().next().unwrap_or("").to_lowercase()
        };
        let marker = Some(first_word(first)).filter(|w| {
            super::vocab::vocab().role_markers.whole(w).is_some()
                && at.iter().all(|&i| first_word(i) == *w)
        });
        // The first heading under a heading, before the next one of its level.
        let opens_with = |i: usize| {
            d.blocks[i + 1..]
                .iter()
                .take_while(|b| !(b.kind == BlockKind::Heading && b.level == level))
                .find(|b| b.kind == BlockKind::Heading)
                .map(|b| unnumbered(&b.text).to_lowercase())
        };
        let sections: Vec<String> = at.iter().filter_map(|&i| opens_with(i)).collect();
        let alike: Vec<usize> = (0..last)
            .filter(|&j| {
                let b = &d.blocks[j];
                b.kind == BlockKind::Heading
                    && b.level == level
                    && level > 0
                    && !at.contains(&j)
                    && section_label(b).is_none()
                    && names_entry(counted_off(without_marker(unnumbered(&b.text))))
                    && (marker.as_ref().is_some_and(|m| first_word(j) == *m)
                        || opens_with(j).is_some_and(|s| sections.contains(&s)))
            })
            .collect();
        at.extend(alike);
        at.sort_unstable();
    }
    // A page about one job (its title names a role that is none of these headings) lists
    // other jobs ("Similar jobs"), or sub-roles of its own.
    let headings: Vec<String> = at
        .iter()
        .map(|&i| unnumbered(&d.blocks[i].text).to_lowercase())
        .collect();
    let about_one_job = d
        .facts
        .iter()
        .filter(|f| f.key == Key::Title && f.origin != Origin::Label)
        .filter_map(|f| f.value.text())
        .any(|t| {
            let u = unwrap(t, Depth::Full, &no_employer);
            looks_like_title(&u.title)
                && names_work(&u.title)
                // A careers page's own name ("Posizioni aperte") names no job.
                && !super::vocab::vocab().page_titles.is_match(&u.title)
                && !headings
                    .iter()
                    .any(|h| *h == t.to_lowercase() || *h == u.title.to_lowercase())
        });
    if about_one_job {
        return None;
    }
    // Distinct roles (a page repeating one posting is one job, "Analista Pleno em PHP na
    // [ACME]" over "Vaga para atuar como Analista Pleno em PHP" too).
    let mut names: Vec<String> = at
        .iter()
        .map(|&i| {
            unwrap(unnumbered(&d.blocks[i].text), Depth::Full, &no_employer)
                .title
                .to_lowercase()
        })
        .collect();
    names.dedup();
    names.sort();
    names.dedup();
    if names.len() < 2 {
        return None;
    }
    // A heading right above the first role that groups roles ("#### Area Amministrativa"
    // over "### Posizione Account Manager"): a heading of its level ends a role, whatever
    // the levels' order.
    let group = at.first().and_then(|&first| {
        d.blocks[..first]
            .iter()
            .rev()
            .take_while(|b| b.kind == BlockKind::Heading || b.text.trim().is_empty())
            .find(|b| b.kind == BlockKind::Heading)
            .map(|b| b.level)
            .filter(|&l| l > 0 && l != level)
    });
    // Each role heads some text of its own. A heading numbered under the role's ("2.1.1.
    // Duties" under "2.1. Engineer") is its section, whatever its level.
    let ends_role = |role: &Block, b: &Block| {
        b.kind == BlockKind::Heading
            && (level > 0 && b.level > 0 && (b.level <= level || Some(b.level) == group))
            // A section's name set at the role's level ("#### Rust-developer" / "#### Ожидания
            // от кандидата") is the role's own section.
            && !(b.level == level && section_label(b).is_some())
            && !matches!(
                (outline_depth(&role.text), outline_depth(&b.text)),
                (Some(r), Some(s)) if s > r
            )
    };
    // Headings that are only the roles' names, one under the other with no text of their own
    // ("Do you want to join us as a:" / "### Fire Safety Manager" / "### WSHO Coordinator" / …):
    // a list of roles, each sharing the page's text.
    // A heading of the level among them is a role the vocabulary does not know ("Registered
    // Workplace Safety and Health (WSHO)"), unless it names a section.
    if let (Some(&first), Some(&last)) = (at.first(), at.last())
        && at.len() >= 2
        && d.blocks[first..=last]
            .iter()
            .all(|b| b.kind == BlockKind::Heading && b.level == level && section_label(b).is_none())
        && d.blocks
            .get(last + 1)
            .is_none_or(|b| b.kind == BlockKind::Heading && b.level <= level)
    {
        let roles: Vec<(usize, String)> = (first..=last)
            .map(|i| (i, unnumbered(&d.blocks[i].text).to_string()))
            .collect();
        return Some(one_per_role(d, &roles));
    }
    let mut parts: Vec<RolePart> = Vec::new();
    for (k, &i) in at.iter().enumerate() {
        let limit = at.get(k + 1).copied().unwrap_or(d.blocks.len());
        let end = (i + 1..limit)
            .find(|&j| ends_role(&d.blocks[i], &d.blocks[j]))
            .unwrap_or(limit);
        if !d.blocks[i + 1..end]
            .iter()
            .any(|b| b.kind != BlockKind::Heading)
        {
            return None;
        }
        let heading = unnumbered(&d.blocks[i].text);
        let (title, origin) = if heads.iter().any(|h| h.0 == i) {
            (heading.to_string(), Origin::Header)
        } else {
            (
                counted_off(without_marker(heading)).to_string(),
                Origin::Label,
            )
        };
        parts.push(RolePart {
            head: i,
            body: i + 1..end,
            title,
            origin,
        });
    }
    Some(role_parts(d, &parts))
}

/// Headings of one level that each open their text with the same kind of section, the roles
/// of a page that lists several whether or not the vocabulary knows them ("## Μια (1) θέση
/// προγραμματιστή web" / "Απαιτούμενα προσόντα" / …, "## Δύο (2) θέσεις Προγραμματιστή
/// Android" / "Απαιτούμενα προσόντα" / …): one document per heading, as role headings give. A
/// page about one job groups unlike sections under its headings ("## The role" / "What you'll
/// do", "## About you" / "Requirements"); the headings of several jobs open alike, and every
/// heading of their level between the first and the last is one of them.
fn by_sectioned_headings(d: &Doc) -> Option<Vec<Doc>> {
    use super::vocab::SectionWord;
    // The kind of section a heading's text opens with: its first line, a section's name under
    // it (a heading of a lower level, or a line found to be one).
    let opens_with = |i: usize| -> Option<SectionWord> {
        let level = d.blocks[i].level;
        let b = d.blocks[i + 1..]
            .iter()
            .find(|b| !b.text.trim().is_empty())?;
        if b.kind == BlockKind::Item
            || (b.kind == BlockKind::Heading && b.level > 0 && b.level <= level)
        {
            return None;
        }
        section_label(b)
    };
    let mut levels: Vec<u8> = d
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.level)
        .collect();
    // The markup's levels first, from the top; then the headings found by their look in plain
    // text (level 0), where a section's name and a role's stand at one level.
    levels.sort_unstable_by_key(|&l| (l == 0, l));
    levels.dedup();
    // A heading that ends a role's text: one of its level or above; in plain text, a heading
    // that names no section.
    let ranks_with = |b: &Block, level: u8| {
        b.kind == BlockKind::Heading
            && if level == 0 {
                b.level == 0 && section_label(b).is_none()
            } else {
                b.level > 0 && b.level <= level
            }
    };
    for level in levels {
        let at: Vec<usize> = (0..d.blocks.len())
            .filter(|&i| {
                let b = &d.blocks[i];
                // In plain text a role's name may be a short line of its own ("Kelner" over
                // "Wymagania:"). The cheap tests first: most blocks open no section.
                let line = level == 0
                    && b.kind == BlockKind::Paragraph
                    && !b.text.contains([':', '：'])
                    && !b.text.chars().any(|c| c.is_ascii_digit());
                ((b.kind == BlockKind::Heading && b.level == level) || line)
                    && opens_with(i).is_some()
                    && section_label(b).is_none()
                    && (!line || looks_like_title(&b.text))
                    && names_entry(&unwrap(&b.text, Depth::Full, &no_employer).title)
            })
            .collect();
        let (Some(&first), Some(&last)) = (at.first(), at.last()) else {
            continue;
        };
        let kind = opens_with(first);
        let alike = at.len() >= 2
            && at.iter().all(|&i| opens_with(i) == kind)
            && (first..=last).all(|j| at.contains(&j) || !ranks_with(&d.blocks[j], level));
        if !alike {
            continue;
        }
        let mut names: Vec<String> = at
            .iter()
            .map(|&i| unnumbered(&d.blocks[i].text).to_lowercase())
            .collect();
        names.sort();
        names.dedup();
        if names.len() < at.len() {
            return None;
        }
        let mut parts = Vec::new();
        for (k, &i) in at.iter().enumerate() {
            let limit = at.get(k + 1).copied().unwrap_or(d.blocks.len());
            let end = (i + 1..limit)
                .find(|&j| ranks_with(&d.blocks[j], level))
                .unwrap_or(limit);
            let heading = unnumbered(&d.blocks[i].text);
            let origin = if role_heading(heading).is_some() {
                Origin::Header
            } else {
                Origin::Label
            };
            parts.push(RolePart {
                head: i,
                body: i + 1..end,
                title: without_marker(heading).to_string(),
                origin,
            });
        }
        return Some(role_parts(d, &parts));
    }
    None
}

/// A heading without a word in front marking a position ("Posizione Segreteria
/// Amministrativa" → "Segreteria Amministrativa").
fn without_marker(heading: &str) -> &str {
    heading
        .split_once(' ')
        .filter(|(w, rest)| {
            super::vocab::vocab().role_markers.whole(w).is_some() && !rest.trim().is_empty()
        })
        .map_or(heading, |(_, rest)| rest.trim())
}

/// A heading without the count a marker word leaves before it ("1 : Alternance …" of "Offre 1 :
/// Alternance …").
fn counted_off(heading: &str) -> &str {
    let rest = heading.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() == heading.len() {
        return heading;
    }
    let rest = rest.trim_start();
    rest.strip_prefix([':', '：', '-', '–', '.', ')'])
        .map_or(heading, str::trim_start)
}

/// A role's part of a page: the block that opens it, the blocks of its text, its title.
struct RolePart {
    head: usize,
    body: std::ops::Range<usize>,
    title: String,
    /// Where the title was read: a heading's `Header`; `Label` for a heading that names no
    /// role the vocabulary knows but stands where the roles' do (its place says it is one).
    origin: Origin,
}

/// One document per role, `parts` giving each role's heading block and where its text ends:
/// the role's own text, then the sections after the last role, then the page's introduction
/// before the first. Each part's "Label: value" facts are its own blocks' (another role's
/// "Location:" is not this one's); the page's title is none of them.
fn role_parts(d: &Doc, parts: &[RolePart]) -> Vec<Doc> {
    let intro = &d.blocks[..parts.first().map_or(0, |p| p.head)];
    let last_end = parts.last().map_or(d.blocks.len(), |p| p.body.end);
    let tail = &d.blocks[last_end..];
    // Roles grouped under headings above theirs (a board's "## Optiver" over its roles, then
    // "## Sentry" over its own): each role's introduction is its group's (the group's heading
    // and text up to its first role) after the page's, not every group's.
    let group_of = |head: usize| {
        let level = d.blocks[head].level;
        (level > 1)
            .then(|| {
                d.blocks[..head].iter().rposition(|b| {
                    b.kind == BlockKind::Heading
                        && b.level > 0
                        && b.level < level
                        && section_label(b).is_none()
                })
            })
            .flatten()
    };
    let groups: Vec<Option<usize>> = parts.iter().map(|p| group_of(p.head)).collect();
    let mut starts: Vec<usize> = groups.iter().flatten().copied().collect();
    starts.dedup();
    // Roles before the first group's heading are the page's own (its first heading may have
    // been read as its header).
    let grouped = !starts.is_empty() && groups.iter().any(|g| *g != groups[0]);
    let page_end = parts
        .first()
        .map_or(0, |p| p.head)
        .min(starts.first().copied().unwrap_or(usize::MAX));
    let intro_of = |k: usize| -> Vec<Block> {
        if !grouped {
            return intro.to_vec();
        }
        let Some(g) = groups[k] else {
            return intro.to_vec();
        };
        // The group's text runs to its first role.
        let first_role = parts
            .iter()
            .zip(&groups)
            .find(|(_, gk)| **gk == Some(g))
            .map_or(g + 1, |(p, _)| p.head);
        let page = &d.blocks[..page_end];
        d.blocks[g..first_role]
            .iter()
            .chain(page)
            .cloned()
            .collect()
    };
    parts
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let mut part = Doc {
                format: d.format,
                facts: d.facts.clone(),
                blocks: Vec::new(),
                notes: d.notes.clone(),
                company_info: d.company_info.clone(),
                related: Vec::new(),
                compose_title: d.compose_title,
            };
            // The page's own title ("Careers", "Oferty pracy") is not this role's.
            part.facts.retain(|f| {
                f.key != Key::Title && f.key != Key::Subject && f.origin != Origin::Label
            });
            part.facts.insert(0, title_fact(&p.title, p.origin));
            part.blocks.extend(d.blocks[p.body.clone()].iter().cloned());
            part.blocks.extend(tail.iter().cloned());
            part.blocks.extend(intro_of(k));
            label_facts(&mut part);
            part
        })
        .collect()
}

/// A Hacker News post about one role that names another in passing ("We're also hiring an
/// applied AI engineer!"): the post stays its own role's, without that sentence, and the other
/// role is a posting of its own with the employer, the post's date and the sentence — not the
/// header's place, pay or contract, which are the first role's.
fn with_role_in_passing(d: &Doc) -> Option<Vec<Doc>> {
    if d.format != crate::posting::Format::Hn || !names_other_job(d, &[]) {
        return None;
    }
    let (i, role) = d
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind != BlockKind::Heading)
        .find_map(|(i, b)| super::fields::title::also_hiring(&b.text).map(|r| (i, r)))?;
    let own = |t: &str| {
        let u = unwrap(t, Depth::Full, &no_employer);
        u.title.eq_ignore_ascii_case(&role) || t.eq_ignore_ascii_case(&role)
    };
    if d.texts(Key::Title).any(|(t, _)| own(t)) {
        return None;
    }
    let mut other = d.clone();
    other.facts.retain(|f| {
        matches!(
            f.key,
            Key::Company | Key::Posted | Key::Contact | Key::Summary
        )
    });
    other.facts.insert(0, title_fact(&role, Origin::Header));
    other.blocks = vec![d.blocks[i].clone()];
    other.related.clear();
    // The sentence is the other role's: its pay ("a Product Owner (£36000-42000)") is not
    // the post's own.
    let mut own_post = d.clone();
    own_post.blocks.remove(i);
    Some(vec![own_post, other])
}

/// The role and the number of people hired a line gives ("डाक सहायक (Postal assistant) : 69
/// पद", "Junior Engineer – 12 posts", "Operario (2 vacantes)"), `[roles] headcount` naming the
/// count.
fn vacancy_line(text: &str) -> Option<String> {
    static LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\s*(?P<r>[^:：\n]{2,60}?)\s*(?:[:：–—-]\s*|\(\s*)\d{1,5}\s+(?P<w>[\p{L}\p{M}]+)\s*\)?\s*$",
        )
        .expect("valid regex")
    });
    let c = LINE.captures(text)?;
    if !super::fields::title::counts_hires(&c["w"]) {
        return None;
    }
    let role = c["r"].trim();
    (role.starts_with(char::is_alphanumeric) && label_line(role).is_none())
        .then(|| role.to_string())
}

/// A short line naming a role and its pay, nothing else ("【月薪 6-10 萬】網頁前端工程師｜Web
/// Engineer", "Senior Backend Engineer ($150k-$180k + equity)", "Nhân viên IT Software: 15 –
/// 16 triệu"): the role, its first piece (between brackets, bars, colons and dashes) with no
/// figure that names a role the vocabulary knows. The pay is a figure with a currency, or a
/// figure beside a pay word.
fn priced_role_line(text: &str) -> Option<String> {
    let t = text.trim();
    if t.chars().count() > 90 || t.contains('\n') || !t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let v = super::vocab::vocab();
    let pay_word = v
        .pay_words
        .all_in(t)
        .iter()
        .any(|(_, _, w)| *w == super::vocab::PayWord::Pay);
    if !pay_word && !super::fields::salary::looks_like_pay(t) {
        return None;
    }
    let pieces = t
        .split([
            '|', '｜', '【', '】', '(', ')', '（', '）', '[', ']', ':', '：',
        ])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" – "))
        .flat_map(|p| p.split(" — "));
    pieces
        .map(|p| p.trim().trim_start_matches(['-', '*', '•', '·']).trim())
        .find(|p| {
            !p.is_empty()
                && !p.chars().any(|c| c.is_ascii_digit())
                && v.names_role(p)
                && looks_like_title(p)
        })
        .map(str::to_string)
}

/// Lines one under the other that each name a role and how many are hired ("डाक सहायक (Postal
/// assistant) : 69 पद" / "डाकिया (Postman) : 65 पद" / "एमटीएस (MTS) : 77 पद", as a recruitment
/// notice lists its posts), or a role and its pay ("【月薪 6-10 萬】網頁前端工程師" / "【年薪
/// 120-190 萬】資深網頁前端工程師"): one document per role, each with its line and the rest of the
/// text. The count and its word say the lines are posts; one of them at least names a role
/// the vocabulary knows (a priced line always does).
fn by_vacancy_lines(d: &Doc) -> Option<Vec<Doc>> {
    if has_structured_title(d) {
        return None;
    }
    let mut i = 0;
    while i < d.blocks.len() {
        let start = i;
        let mut lines: Vec<(usize, String)> = Vec::new();
        // Whether each line gave its role with its pay (not with a headcount).
        let mut priced: Vec<bool> = Vec::new();
        // A line that may state a role's pay: short, one line, a figure (a cheap look before
        // the pay is read, as most lines are none).
        let may_price = |j: usize| {
            d.blocks.get(j).is_some_and(|b| {
                b.text.len() <= 360
                    && !b.text.contains('\n')
                    && b.text.bytes().any(|c| c.is_ascii_digit())
            })
        };
        while let Some((role, with_pay)) = d.blocks.get(i).and_then(|b| {
            vacancy_line(&b.text).map(|r| (r, false)).or_else(|| {
                // Priced lines come two at least, one under the other.
                (may_price(i) && (may_price(i + 1) || !lines.is_empty()))
                    .then(|| priced_role_line(&b.text).map(|r| (r, true)))
                    .flatten()
            })
        }) {
            lines.push((i, role));
            priced.push(with_pay);
            i += 1;
        }
        i = i.max(start + 1);
        let known = lines
            .iter()
            .filter(|(_, r)| super::vocab::vocab().names_role(r))
            .count();
        let mut names: Vec<String> = lines.iter().map(|(_, r)| r.to_lowercase()).collect();
        names.sort();
        names.dedup();
        if lines.len() >= 2 && names.len() == lines.len() && known >= 1 {
            if names_other_job(d, &lines) {
                return None;
            }
            // A role's line that states its pay is that role's pay, whatever the page says for
            // all of them ("SALARY: $80k-$180k" in the header over "- Lead Engineer ($140-180k
            // plus stock options)").
            let mut parts = one_per_role(d, &lines);
            for ((part, (at, _)), _) in parts
                .iter_mut()
                .zip(&lines)
                .zip(&priced)
                .filter(|(_, with_pay)| **with_pay)
            {
                part.facts
                    .retain(|f| !matches!(f.key, Key::Salary | Key::Pay | Key::SalaryEstimate));
                part.text(Key::Salary, &d.blocks[*at].text, Origin::Header);
            }
            return Some(parts);
        }
    }
    None
}

/// The kind of section a block wholly names, when it is a short line ("주요 업무",
/// "Requirements:"); the employer's, legal and how-to-apply sections are left out, as a page
/// says them once for all its jobs.
fn section_label(b: &Block) -> Option<super::vocab::SectionWord> {
    section_label_text(&b.text)
}

/// [`section_label`] of a line's text.
fn section_label_text(text: &str) -> Option<super::vocab::SectionWord> {
    use super::vocab::SectionWord;
    if text.chars().count() > 40 {
        return None;
    }
    let bare = super::blocks::bare_heading(text).replace('’', "'");
    super::vocab::vocab().sections.whole(&bare).filter(|w| {
        !matches!(
            w,
            SectionWord::Company | SectionWord::Legal | SectionWord::Apply
        )
    })
}

/// Whether a line can name a job or its employer above the job's sections: short, one phrase,
/// no "Label:" lead, no sentence, no place or badge alone.
fn names_entry(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() <= 60
        && t.split_whitespace().count() <= 6
        && !t.ends_with([':', '：', '.', ';', '。', ',', '!', '?'])
        && !super::fields::title::has_sentence_break(t)
        && !super::places::is_place_name(t)
        && !super::vocab::vocab().is_furniture(t)
}

/// Jobs listed one after another, each a line naming it over the same labelled sections (a
/// list of jobs gathered from boards: "1. [Kitten Planet](…)" / "- 주요 업무" / … / "- 자격
/// 요건" / … / "2. [Jaritalk](…)" / "- 주요 업무" …): a job opens at each label of the kind
/// that opened the first one, after a label of another kind, and the line above that label
/// names the job — its role, or else its employer. Each job has a section of another kind
/// too, the lines naming them differ, and a page whose title names one job is that job.
fn by_section_cycles(d: &Doc) -> Option<Vec<Doc>> {
    if has_structured_title(d) {
        return None;
    }
    let kinds: Vec<_> = d.blocks.iter().map(section_label).collect();
    let first = kinds.iter().flatten().next().copied()?;
    let mut opens = Vec::new();
    let mut prev = None;
    for (i, k) in kinds.iter().enumerate() {
        let Some(k) = *k else { continue };
        if k == first && prev != Some(first) {
            opens.push(i);
        }
        prev = Some(k);
    }
    if opens.len() < 2 {
        return None;
    }
    let mut parts: Vec<RolePart> = Vec::new();
    for (n, &i) in opens.iter().enumerate() {
        let head = i.checked_sub(1)?;
        let text = d.blocks[head].text.trim();
        if kinds[head].is_some() || !names_entry(text) {
            return None;
        }
        let end = opens.get(n + 1).map_or(d.blocks.len(), |&j| j - 1);
        if !kinds[i + 1..end].iter().flatten().any(|&k| k != first) {
            return None;
        }
        parts.push(RolePart {
            head,
            body: i..end,
            title: text.to_string(),
            origin: Origin::Header,
        });
    }
    let mut names: Vec<String> = parts.iter().map(|p| p.title.to_lowercase()).collect();
    names.sort();
    names.dedup();
    let roles: Vec<(usize, String)> = parts
        .iter()
        .filter(|p| role_heading(&p.title).is_some())
        .map(|p| (p.head, p.title.clone()))
        .collect();
    if names.len() < parts.len() || names_other_job(d, &roles) {
        return None;
    }
    let mut docs = role_parts(d, &parts);
    // A line that names no role names the employer ("키튼 플래닛"): the job's title is unsaid,
    // and the page's headings above the jobs ("### BE개발") name the list, not this job. A list
    // is of one kind: where two thirds of its lines at least name employers, all do ("리드
    // 넘버" among them is a company whose name holds the word for a lead).
    let employers = parts
        .iter()
        .filter(|p| role_heading(&p.title).is_none())
        .count();
    let all_employers = employers * 3 >= parts.len() * 2;
    let own = |p: &RolePart| p.body.len();
    for (doc, p) in docs.iter_mut().zip(&parts) {
        if all_employers || role_heading(&p.title).is_none() {
            for b in doc.blocks.iter_mut().skip(own(p)) {
                if b.kind == BlockKind::Heading {
                    b.kind = BlockKind::Paragraph;
                    b.level = 0;
                }
            }
            doc.facts
                .retain(|f| !(f.key == Key::Title && f.origin == Origin::Header));
            doc.facts.insert(
                0,
                Fact {
                    key: Key::Company,
                    value: super::doc::Value::Text(p.title.clone()),
                    origin: Origin::Header,
                },
            );
        }
    }
    Some(docs)
}

/// Numbered paragraphs of plain text that each name a role and head some text of their own,
/// numbered 1, 2, 3… in order ("1.      Functional Analyst – Oracle Forms" / "Term: Contract"
/// / "Location: Sacramento, CA" / what the role is; "2.      Java Architect" …), or marked as
/// the n-th position ("Position #1 - Austin, TX - 4-5 openings" over "Software Engineer -
/// Java", "Vaga 2 - Desenvolvedor(a) PHP"): one document per role, as role headings give. A
/// posting with a structured title is one job whatever its text numbers.
fn by_numbered_roles(d: &Doc) -> Option<Vec<Doc>> {
    if has_structured_title(d) {
        return None;
    }
    let mut parts: Vec<RolePart> = Vec::new();
    // The first role's number.
    let mut start = 1;
    for (i, b) in d.blocks.iter().enumerate() {
        if b.kind == BlockKind::Item || b.text.chars().count() > 100 {
            continue;
        }
        let Some((n, rest, marked)) = role_number(&b.text) else {
            continue;
        };
        // Counted from one; a list of headings may start further on (a digest's second page,
        // "### 2. Solution Architect").
        let counted = match parts.first() {
            None => n == 1 || b.kind == BlockKind::Heading,
            Some(_) => n == start + parts.len(),
        };
        if !counted {
            continue;
        }
        // The role after the number, or (after a marker that says where and how many) on the
        // next line.
        let (title, from) = if role_heading(rest).is_some() {
            (rest.to_string(), i + 1)
        } else if let Some(next) = d.blocks.get(i + 1)
            && next.kind != BlockKind::Item
            && next.text.chars().count() <= 100
            && role_heading(&next.text).is_some()
            && marked
            && role_number(&next.text).is_none()
        {
            // The marker's line says where and how many: it is the role's.
            (next.text.trim().to_string(), i)
        } else if marked
            && !rest.is_empty()
            && role_number(rest).is_none()
            && !super::places::mentions_place(rest)
        {
            // A word that marks a position heads a role whatever follows it ("Vaga 1 -
            // aiqfome -> Backend (junior)"); a bare number needs a role after it.
            (rest.to_string(), i + 1)
        } else {
            continue;
        };
        if let Some(last) = parts.last_mut() {
            last.body.end = i;
        } else {
            start = n;
        }
        parts.push(RolePart {
            head: i,
            body: from..d.blocks.len(),
            title,
            origin: Origin::Header,
        });
    }
    // Each role says something of its own: two blocks of text at least.
    let said = |p: &RolePart| {
        d.blocks[p.body.clone()]
            .iter()
            .filter(|b| b.kind != BlockKind::Heading)
            .count()
            >= 2
    };
    (parts.len() >= 2 && parts.iter().all(said)).then(|| role_parts(d, &parts))
}

/// Whether a posting's title comes from a structure (a record's field, JSON-LD, a "Title:"
/// label): such a posting is one job whatever its text lists or numbers.
fn has_structured_title(d: &Doc) -> bool {
    d.facts.iter().any(|f| {
        f.key == Key::Title && matches!(f.origin, Origin::Record | Origin::JsonLd | Origin::Label)
    })
}

/// The number a paragraph counts a role by, and what follows it: "1. Analyst", "2) Designer",
/// or after a word that marks a position ("Position #1 - Austin, TX", "Vaga 2 - Designer"),
/// and whether it was such a word.
fn role_number(text: &str) -> Option<(usize, &str, bool)> {
    static NUMBERED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(\d{1,2})[.)]\s+(\S.*)$").expect("valid regex"));
    static MARKED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?P<w>\p{L}+(?:\s\p{L}+)?)\s*(?:#|№|n[º°o]\.?\s*)?(?P<n>\d{1,2})\s*(?:[-–—:.)|]\s*(?P<rest>.*))?$")
            .expect("valid regex")
    });
    if let Some(c) = NUMBERED.captures(text) {
        let n = c.get(1)?.as_str().parse().ok()?;
        return Some((n, c.get(2)?.as_str().trim(), false));
    }
    let c = MARKED.captures(text)?;
    let word = c.name("w")?.as_str();
    super::vocab::vocab().role_markers.whole(word)?;
    let n = c.name("n")?.as_str().parse().ok()?;
    Some((n, c.name("rest").map_or("", |m| m.as_str().trim()), true))
}

/// How many numbers a heading's outline number has ("2.1.1. Duties": 3), if it has one.
fn outline_depth(text: &str) -> Option<usize> {
    static OUTLINE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s").expect("valid regex"));
    OUTLINE.captures(text).map(|c| c[1].split('.').count())
}

/// Pasted messages each with a "Job Title:" / "Role:" line: one document per title line, each
/// with the labelled lines around it.
fn by_title_labels(d: &Doc) -> Option<Vec<Doc>> {
    let title_at = |i: usize| match label_at(&d.blocks, i) {
        Some((Label::Key(Key::Title), v)) => Some(v),
        _ => None,
    };
    let at: Vec<usize> = (0..d.blocks.len())
        .filter(|&i| title_at(i).is_some())
        .collect();
    if at.len() < 2 {
        return None;
    }
    let mut titles: Vec<String> = at
        .iter()
        .filter_map(|&i| title_at(i).map(|v| v.to_lowercase()))
        .collect();
    titles.sort();
    titles.dedup();
    if titles.len() < 2 {
        return None;
    }
    // A part starts at its title line, or at the labelled lines right before it.
    let mut starts: Vec<usize> = Vec::new();
    for (k, &i) in at.iter().enumerate() {
        let floor = if k == 0 { 0 } else { at[k - 1] + 1 };
        let mut s = i;
        while s > floor && label_line(&d.blocks[s - 1].text).is_some() {
            s -= 1;
        }
        starts.push(s);
    }
    let intro = &d.blocks[..starts[0]];
    Some(
        starts
            .iter()
            .enumerate()
            .map(|(k, &s)| {
                let end = starts.get(k + 1).copied().unwrap_or(d.blocks.len());
                let mut part = Doc {
                    format: d.format,
                    facts: d
                        .facts
                        .iter()
                        .filter(|f| f.origin != Origin::Label)
                        .cloned()
                        .collect(),
                    blocks: d.blocks[s..end].to_vec(),
                    notes: d.notes.clone(),
                    company_info: None,
                    related: Vec::new(),
                    compose_title: d.compose_title,
                };
                part.facts
                    .retain(|f| f.key != Key::Title || f.origin == Origin::Record);
                label_facts(&mut part);
                part.blocks.extend(intro.iter().cloned());
                part
            })
            .collect(),
    )
}

/// Lines that each name a role after its kind of contract, as a label would ("全职：小学语文老师"
/// / "兼职：城市招商经理（合伙人）", "Full-time: Barista" / "Part-time: Cook"): one job each, of
/// that kind ("全职或兼职：朗诵", either kind, says none). Two such lines or more in a row.
fn by_contract_lines(d: &Doc) -> Option<Vec<Doc>> {
    let v = super::vocab::vocab();
    // The kind a label names, when the label is wholly contract words: Some(None) for a
    // choice of kinds.
    fn kind_of(label: &str) -> Option<Option<&str>> {
        let v = super::vocab::vocab();
        let label = label.trim().trim_matches(['*', '_']).trim();
        if v.employment.whole(label).is_some() {
            return Some(Some(label));
        }
        let pieces: Vec<&str> = label
            .split(['或', '/', '、'])
            .flat_map(|p| p.split(" or "))
            .map(str::trim)
            .collect();
        (pieces.len() >= 2 && pieces.iter().all(|p| v.employment.whole(p).is_some()))
            .then_some(None)
    }
    let line_role = |b: &Block| -> Option<(String, Option<String>)> {
        if b.kind == BlockKind::Heading {
            return None;
        }
        let t = b.text.trim();
        let (label, role) = t.split_once(['：', ':'])?;
        let role = role.trim().trim_matches(['*', '_']).trim();
        let kind = kind_of(label)?;
        // "CDI : 45-60K€" / "Freelance : 320-450€/j": pay for each kind, no roles.
        (!role.is_empty()
            && role.chars().count() <= 60
            && !role.contains(|c: char| c.is_ascii_digit() || ".。:：;$€£¥".contains(c))
            && !v.says(role))
        .then(|| (role.to_string(), kind.map(str::to_string)))
    };
    let mut i = 0;
    while i < d.blocks.len() {
        let run: Vec<(usize, (String, Option<String>))> = d.blocks[i..]
            .iter()
            .map_while(line_role)
            .enumerate()
            .map(|(k, r)| (i + k, r))
            .collect();
        if run.len() < 2 {
            i += run.len().max(1);
            continue;
        }
        let roles: Vec<(usize, String)> = run.iter().map(|(k, (r, _))| (*k, r.clone())).collect();
        let mut parts = one_per_role(d, &roles);
        for (part, (_, (_, kind))) in parts.iter_mut().zip(&run) {
            part.facts.retain(|f| f.key != Key::EmploymentType);
            if let Some(kind) = kind {
                part.text(Key::EmploymentType, kind, Origin::Header);
            }
        }
        return Some(parts);
    }
    None
}

/// The role a numbered item opens with, before the colon or dash that starts what it says of
/// it ("1. Senior Go Engineer: You will build…", "2) Data Engineer – you'll own…").
fn item_role(b: &Block) -> Option<String> {
    if b.kind == BlockKind::Heading {
        return None;
    }
    let t = b.text.trim();
    // Numbered items only: a bulleted list is far more often a list of duties.
    let digits = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let numbered = digits.len() < t.len();
    let t = digits.strip_prefix(['.', ')'])?.trim_start();
    let (head, rest) = [": ", " – ", " — ", " - "]
        .iter()
        .filter_map(|sep| t.split_once(sep))
        .min_by_key(|(head, _)| head.len())?;
    let head = head.trim().trim_matches('*').trim();
    let said = rest.split_whitespace().count() >= 4;
    // A title ends with its role noun ("Senior Go Engineer", "Bioinformatics Developer
    // (Antibody Discovery)"); a duty does not ("Lead research", "Architect systems").
    let noun = head
        .split(" (")
        .next()
        .unwrap_or(head)
        .split_whitespace()
        .last()
        .unwrap_or("");
    let v = super::vocab::vocab();
    (said
        && numbered
        && head.chars().count() <= 80
        && label_line(t).is_none()
        && v.roles.whole(noun).is_some()
        && looks_like_title(head))
    .then(|| head.to_string())
}

/// An entry of a list: a bulleted item, or a numbered line ("1. Data Engineer", "2) Designer").
fn list_entry(b: &Block) -> Option<&str> {
    static NUMBERED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*\d{1,2}[.)]\s+(\S.*)$").expect("valid regex"));
    match b.kind {
        BlockKind::Item => Some(b.text.trim()),
        BlockKind::Paragraph => NUMBERED
            .captures(&b.text)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().trim()),
        BlockKind::Heading => None,
    }
}

/// A list entry without its links and the marks that led to them ("Data Engineer - https://…",
/// "DevOps Engineers: https://…", "Designer => https://…").
pub(crate) fn entry_text(entry: &str) -> String {
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:https?://|www\.)\S*").expect("valid regex"));
    LINK.replace_all(entry, " ")
        .trim()
        .trim_end_matches(|c: char| c.is_whitespace() || "-–—:=>|,;.!([".contains(c))
        .trim()
        .to_string()
}

/// An entry that is only a role's name ("Senior Backend Engineer (Go)", "Product Designer,
/// Berlin"), not a sentence or a duty; whether it holds a role noun.
pub(crate) fn bare_role(entry: &str) -> Option<bool> {
    let t = entry;
    // A sentence break ends a name; a level's short form ("Sr. Front-End Engineers") does not.
    let sentence = has_sentence(t, false);
    if t.is_empty() || t.chars().count() > 80 || sentence || t.ends_with([':', '：']) {
        return None;
    }
    if label_line(t).is_some() {
        return None;
    }
    let u = unwrap(t, Depth::Full, &no_employer);
    looks_like_title(&u.title).then(|| super::vocab::vocab().roles.first_in(&u.title).is_some())
}

/// The role an entry opens with before it says what the role is: the words before the first
/// sentence end, colon or dash, when they are only a role's name ("Business Operations Lead
/// ($150K-$225K): https://…", "Backend Engineer. You will own…", "Senior Engineer - build the
/// heart of an exchange"). After an entry that is a role's name as a whole, what follows a
/// colon or dash describes it only when it is a phrase in lower case ("Platform Engineer -
/// DevOps, Linux", "Software Engineer: Front-end" are names). None when the entry opens with
/// no role.
pub(crate) fn role_head(entry: &str) -> Option<String> {
    role_head_of(entry, bare_role(entry).is_some())
}

/// [`role_head`] of an entry whose being a role's name as a whole (`named`) is known.
fn role_head_of(entry: &str, named: bool) -> Option<String> {
    let at = [". ", ": ", " – ", " — ", " - "]
        .iter()
        .filter_map(|sep| entry.find(sep).map(|i| (i, sep.len())))
        .min()?;
    let (head, tail) = (entry[..at.0].trim(), entry[at.0 + at.1..].trim());
    let describes =
        !named || (tail.starts_with(char::is_lowercase) && tail.split_whitespace().count() >= 3);
    (describes && head.split_whitespace().count() <= 12 && bare_role(head) == Some(true))
        .then(|| head.to_string())
}

/// Whether a block leads into a list of the roles a post offers: a heading, or a line ending
/// with a colon, that says so ("We're hiring for:", "Open positions", "Wir suchen:").
fn leads_into_roles(b: &Block) -> bool {
    let t = b.text.trim();
    // "Wir suchen ab sofort und unbefristet" over "-Pflasterer" / "-Bauhelfer": a short line
    // that says so leads into the list under it without a colon.
    let short_line = b.kind == BlockKind::Paragraph
        && t.split_whitespace().count() <= 8
        && !t.ends_with(['.', '!', '?', ',', ';']);
    (b.kind == BlockKind::Heading || t.ends_with([':', '：']) || short_line)
        && t.chars().count() <= 200
        && super::vocab::vocab().openings.first_in(t).is_some()
}

/// Whether a block is a short line of where and how a job is worked, and nothing else:
/// "Bologna (ONSITE)", "Remote (EU)".
fn says_where_or_how(b: &Block) -> bool {
    let t = b.text.trim().trim_matches(|c: char| c == '*' || c == '_');
    let v = super::vocab::vocab();
    b.kind != BlockKind::Item
        && t.split_whitespace().count() <= 6
        && !t.ends_with([':', '.', '!', '?'])
        && (v.work_mode.first_in(t).is_some() || super::places::mentions_place(t))
        && !v.names_role(t)
}

/// The first list that names the roles a post offers, as (block index, role) per entry: two or
/// more entries that are each only a role's name, after a line leading into them or (in a
/// Hacker News post) right under the header, where every entry must hold a role noun.
fn role_list(d: &Doc) -> Option<Vec<(usize, String)>> {
    let blocks = &d.blocks;
    // A Hacker News post's roles on lines of their own right under its header ("Kinsa - New
    // York, NY" / "Back-end Engineer" / "Mobile Engineer (Android)").
    if d.format == crate::posting::Format::Hn {
        // The role of such a line: without its link, before what it says of it ("DevOps
        // Evangelist: $130-180K").
        let role_of = |b: &Block| {
            let t = entry_text(&b.text);
            // What a line says after a colon goes ("DevOps Evangelist: $130-180K"), unless it
            // names which of the role it is ("Software Engineer: Web & Mobile (NYC)").
            let qualifier = |q: &str| {
                q.starts_with(char::is_uppercase)
                    && q.split_whitespace().count() <= 6
                    && !q.chars().any(|c| c.is_ascii_digit() || "$€£¥".contains(c))
            };
            let t = match t.split_once(": ") {
                Some((_, q)) if qualifier(q.trim()) => t.trim().to_string(),
                Some((r, _)) => r.trim().to_string(),
                None => t.trim().to_string(),
            };
            // A short line may have been taken for a heading by its look (level 0).
            let line =
                b.kind == BlockKind::Paragraph || (b.kind == BlockKind::Heading && b.level == 0);
            (line
                && t.chars().count() <= 60
                && t.starts_with(char::is_alphanumeric)
                && t.matches('(').count() == t.matches(')').count()
                && bare_role(&t) == Some(true))
            .then_some(t)
        };
        // The role lines from a block on, when there are two or more.
        let run_at = |from: usize| -> Option<Vec<(usize, String)>> {
            let lines: Vec<(usize, String)> = blocks[from..]
                .iter()
                .map_while(role_of)
                .enumerate()
                .map(|(k, t)| (from + k, t))
                .collect();
            (lines.len() >= 2).then_some(lines)
        };
        // Or on lines of their own under a line that leads into them ("We're actively hiring
        // for the following positions:" / "DevOps Engineer" / "Server Developer (Java)").
        let led = || {
            blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| b.kind != BlockKind::Item && leads_into_roles(b))
                .find_map(|(i, _)| run_at(i + 1))
        };
        if let Some(lines) = run_at(0).or_else(led) {
            return Some(lines);
        }
    }
    let hn = d.format == crate::posting::Format::Hn;
    let mut i = 0;
    while i < blocks.len() {
        if list_entry(&blocks[i]).is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let group = grouped_under_lead(blocks, start);
        let mut run = Vec::new();
        while i < blocks.len() {
            if list_entry(&blocks[i]).is_some() {
                run.push(i);
            } else if !((is_link_line(&blocks[i])
                || group
                    .is_some_and(|g| blocks[i].kind == BlockKind::Heading && blocks[i].level == g))
                && blocks.get(i + 1).is_some_and(|b| list_entry(b).is_some()))
            {
                // A line that is only the link of the entry above it ("Data Engineer" /
                // "https://jobs.lever.co/…") does not end the list, nor does the heading of
                // the next group of roles under one lead.
                break;
            }
            i += 1;
        }
        // A heading that says so leads into the list under it also across a paragraph that
        // introduces it ("## Posizioni aperte" / "Inviaci il tuo curriculum…" / "✔ Stagista: …").
        // So does a line that leads into it across a line of where and how the roles are
        // worked ("In Mavigex stiamo cercando:" / "**Bologna (ONSITE)**" / the roles).
        let led = start > 0
            && (group.is_some()
                || leads_into_roles(&blocks[start - 1])
                || (start > 1
                    && blocks[start - 2].kind == BlockKind::Heading
                    && blocks[start - 1].kind == BlockKind::Paragraph
                    && leads_into_roles(&blocks[start - 2]))
                || (start > 1
                    && says_where_or_how(&blocks[start - 1])
                    && leads_into_roles(&blocks[start - 2])));
        let under_header = start == 0 && hn;
        // Each entry as a role: a role's name as a whole, or (under a lead into the roles or
        // in a Hacker News post) the role it opens with before it says what the role is
        // ("Software Engineer, Infrastructure ($150K-$250K). Go, Kubernetes…", "Full-stack
        // Engineer - generalist opportunities across the stack"), or its name before a remark
        // in brackets ("Client Success Manager (our first)"); with whether it holds a role noun.
        // Under a lead into the roles, a name of a word or three is an entry too, though the
        // vocabulary knows no role in it ("Mauerer" misspelt among "Pflasterer", "Bauhelfer").
        let short_name = |e: &str| {
            led && e.split_whitespace().count() <= 3
                && !e.contains(['.', ',', ':', ';', '!', '?'])
                && e.starts_with(char::is_alphabetic)
        };
        // Without a lead, the entries are a list of duties or wants as often ("Take over as
        // tech lead on existing analytics", "A smart and driven developer that is motivated…"):
        // there an entry is a role only when it is a role's name, ending with its role noun
        // before what it says of it.
        let unled = !led && !under_header;
        let texts: Vec<(usize, String)> = run
            .iter()
            .filter_map(|&k| list_entry(&blocks[k]).map(|e| (k, entry_text(e))))
            .collect();
        // Without a lead (most lists of a post: its duties, its wants), all entries but one must
        // name a role; asked first, as it is cheap.
        if unled && texts.iter().filter(|(_, e)| !ends_in_role(e)).count() > 1 {
            continue;
        }
        let entries: Vec<ListEntry> = texts
            .into_iter()
            .map(|(k, e)| {
                let bare = bare_role(&e);
                let head = (led || hn)
                    .then(|| role_head_of(&e, bare.is_some()))
                    .flatten();
                let headed = head.is_some();
                let role = match (head, bare) {
                    (Some(head), _) => Some((head, true)),
                    (None, Some(noun)) => Some((e.clone(), noun)),
                    (None, None) => before_remark(&e)
                        .map(|r| (r, true))
                        .or_else(|| short_name(&e).then(|| (e.clone(), false))),
                };
                let role = role.filter(|_| !unled || ends_in_role(&e));
                ListEntry {
                    block: k,
                    text: e,
                    role,
                    headed,
                }
            })
            .collect();
        let nouns = entries
            .iter()
            .filter(|e| e.role.as_ref().is_some_and(|r| r.1))
            .count();
        let named = entries.iter().filter(|e| e.role.is_some()).count();
        // Under a lead into the roles, most entries name a role (one may say more: "Several
        // research and student positions also available"); in a Hacker News post, a list under
        // its header or anywhere in it whose entries all name a role but one at most (a
        // post's list of its roles needs no lead: "Positions Available" may be its heading, a
        // paragraph may stand between).
        let enough = if led {
            nouns * 2 >= entries.len()
        } else if hn {
            let others = entries.len() - nouns;
            nouns >= 2 && (others == 0 || (!under_header && others == 1 && nouns >= 3))
        } else {
            false
        };
        if named >= 2 && enough {
            // Among entries that each open with a role and go on to say what it is, one of
            // that shape is a role too, though the vocabulary knows no role in it ("Data
            // Preparation Expert - you will help our customers…").
            let heads = entries.iter().filter(|e| e.headed).count();
            return Some(
                entries
                    .into_iter()
                    .filter_map(|e| {
                        let head = || (heads >= 2).then(|| head_of(&e.text)).flatten();
                        e.role.map(|r| r.0).or_else(head).map(|r| (e.block, r))
                    })
                    .collect(),
            );
        }
    }
    None
}

/// The level of the headings that group a lead's roles, when the list at `start` is the first
/// under one: a heading that leads into the roles, then a heading of a lower rank over the
/// list ("## 招聘岗位" / "### 市场类" / "- 品牌推广" / "- 渠道管理" / "### 运营类" / …, a careers page
/// grouping its roles by team).
fn grouped_under_lead(blocks: &[Block], start: usize) -> Option<u8> {
    let group = blocks.get(start.checked_sub(1)?)?;
    let lead = blocks.get(start.checked_sub(2)?)?;
    (group.kind == BlockKind::Heading
        && lead.kind == BlockKind::Heading
        && lead.level > 0
        && group.level > lead.level
        && section_label(group).is_none()
        && leads_into_roles(lead))
    .then_some(group.level)
}

/// The name an entry opens with before a dash or colon and a phrase in lower case that says
/// what it is ("Data Preparation Export (Data Science) - you will help our customers…"): a few
/// words starting with a capital, no sentence.
fn head_of(entry: &str) -> Option<String> {
    let (head, tail) = [" - ", " – ", " — ", ": "]
        .iter()
        .filter_map(|sep| entry.split_once(sep))
        .min_by_key(|(head, _)| head.len())?;
    let head = head.trim();
    (head.starts_with(char::is_uppercase)
        && head.split_whitespace().count() <= 6
        && head.chars().count() <= 60
        && !head.contains(['.', '!', '?', ';'])
        && tail.trim_start().starts_with(char::is_lowercase)
        && tail.split_whitespace().count() >= 3)
        .then(|| head.to_string())
}

/// Whether an entry names a role by its last word before what it says of the role ("Senior
/// Data Scientist", "DevOps Engineer (DC or Boston)", "Full-stack Engineer - generalist
/// opportunities", "2x Product Designers"), not a duty or a want that mentions one.
fn ends_in_role(entry: &str) -> bool {
    let main = [
        " (", "(", ", ", " - ", " – ", " — ", ": ", " | ", " with ", " for ", " who ", " to ", " $",
    ]
    .iter()
    .filter_map(|sep| entry.find(sep))
    .min()
    .map_or(entry, |at| &entry[..at]);
    let words: Vec<&str> = main.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    // A want opens with an article or a pronoun ("A smart and driven developer that…").
    let opens_sentence = matches!(
        first.to_lowercase().as_str(),
        "a" | "an" | "the" | "i" | "we" | "you"
    );
    let roles = &super::vocab::vocab().roles;
    // The last of roles joined by a slash counts ("Sales Manager/Director").
    let is_role = |w: &str| {
        let w = w.rsplit('/').next().unwrap_or(w);
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        roles.whole(w).is_some()
    };
    // "Head of Growth", "VP of Engineering": the role is the words up to "of".
    let up_to_of = words
        .iter()
        .position(|w| w.eq_ignore_ascii_case("of"))
        .filter(|&at| at > 0)
        .map(|at| (words[at - 1], words[..=at].join(" ")));
    let of_role = up_to_of.is_some_and(|(w, head)| is_role(w) || roles.whole(&head).is_some());
    !opens_sentence && words.len() <= 8 && (is_role(last) || of_role)
}

/// An entry of a list that may name the roles a post offers.
struct ListEntry {
    /// The block it is.
    block: usize,
    /// Its text without its links.
    text: String,
    /// The role it names, and whether with a role noun.
    role: Option<(String, bool)>,
    /// Whether it opens with a role before saying what the role is.
    headed: bool,
}

/// A line that is only a link.
fn is_link_line(b: &Block) -> bool {
    let t = b.text.trim();
    b.kind != BlockKind::Heading
        && !t.contains(' ')
        && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
}

/// An entry's role before a remark in brackets at its end ("Client Success Manager (our
/// first)"), when the entry as a whole does not read as a role's name.
fn before_remark(entry: &str) -> Option<String> {
    let head = entry.strip_suffix(')')?.rsplit_once(" (")?.0.trim();
    (bare_role(head) == Some(true)).then(|| head.to_string())
}

/// Whether a page's title names work (a role noun or a field of work): a slogan ("Werde Teil
/// unseres Teams!") or the list's own name ("Oferty Pracy") names no one job.
fn names_work(title: &str) -> bool {
    let v = super::vocab::vocab();
    v.roles.first_in(title).is_some() || v.domains.first_in(title).is_some()
}

/// Whether the document already names its one job: a title that looks like one and is none of
/// `roles` (a page about one job may list others: "Similar jobs", "We're also hiring").
fn names_other_job(d: &Doc, roles: &[(usize, String)]) -> bool {
    // A Hacker News header's role field that lists several ("C++ Systems, Infrastructure,
    // BizOps") sums up the roles below it.
    // So does one that names a kind of role in the plural ("Hiring Software Engineers" over
    // "Back-End Engineers", "QA Automation Engineers").
    let plural = |t: &str| {
        let u = unwrap(t, Depth::Full, &no_employer);
        u.title.split_whitespace().last().is_some_and(|w| {
            w.len() > 3
                && w.ends_with('s')
                && super::vocab::vocab()
                    .roles
                    .whole(&w[..w.len() - 1])
                    .is_some()
        })
    };
    let sums_up = |f: &&Fact| {
        d.format == crate::posting::Format::Hn
            && f.origin == Origin::Header
            && f.value.text().is_some_and(|t| {
                t.contains([',', ';', '&'])
                    || t.contains(" and ")
                    || (roles.len() >= 2 && plural(t))
            })
    };
    d.facts
        .iter()
        .filter(|f| f.key == Key::Title)
        .filter(|f| !sums_up(f))
        .filter_map(|f| f.value.text())
        .any(|t| {
            let u = unwrap(t, Depth::Full, &no_employer);
            looks_like_title(&u.title)
                && names_work(&u.title)
                && !roles
                    .iter()
                    .any(|(_, r)| r.eq_ignore_ascii_case(t) || r.eq_ignore_ascii_case(&u.title))
        })
}

/// A list of the roles a post offers ("We're hiring for: • Backend Engineer • Designer", or a
/// list right under a Hacker News header): one document per role, each with the rest of the
/// text; the other roles' entries are left out.
fn by_role_list(d: &Doc) -> Option<Vec<Doc>> {
    let roles = role_list(d)?;
    let parts = role_list_parts(d, &roles)?;
    // An entry a page's list names as a role though it does not read as a title to the
    // vocabulary ("品牌推广", "Mauerer" under "Wir suchen:") is its document's title by its place
    // in the list. A Hacker News post's list ends as often with "and more", "Other roles".
    if d.format == crate::posting::Format::Hn {
        return Some(parts);
    }
    Some(
        parts
            .into_iter()
            .zip(&roles)
            .map(|(mut part, (k, role))| {
                if !looks_like_title(role) {
                    part.facts[0].origin = Origin::Label;
                }
                // The place a page groups its roles under ("## Zurich" over "- Software
                // Engineer", "- Manual Tester") is where each of them is.
                if let Some(place) = group_place(&d.blocks[..*k]) {
                    part.text(Key::Location, &place, Origin::Header);
                }
                part
            })
            .collect(),
    )
}

/// The place heading the group of list entries that ends `blocks`: the line right above the
/// entries when it is a heading or a short line naming only a known place ("Zurich", "Berlin,
/// Germany").
fn group_place(blocks: &[Block]) -> Option<String> {
    let above = blocks.iter().rev().find(|b| list_entry(b).is_none())?;
    let t = above
        .text
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == ':');
    (matches!(above.kind, BlockKind::Heading | BlockKind::Paragraph)
        && t.split_whitespace().count() <= 4
        && super::places::place_kind(t).is_some())
    .then(|| t.to_string())
}

/// [`by_role_list`]'s documents, one per role of `roles`.
fn role_list_parts(d: &Doc, roles: &[(usize, String)]) -> Option<Vec<Doc>> {
    let mut names: Vec<String> = roles.iter().map(|(_, r)| r.to_lowercase()).collect();
    names.sort();
    names.dedup();
    if names.len() < 2 || names_other_job(d, roles) {
        return None;
    }
    // The headings that group the roles under one lead ("### 市场类", "### 运营类") name none of
    // them: no role's document keeps them.
    let (first, last) = (roles[0].0, roles[roles.len() - 1].0);
    let grouping = |j: usize| (first..last).contains(&j) && d.blocks[j].kind == BlockKind::Heading;
    if (first..last).any(grouping) {
        let mut cleaned = d.clone();
        cleaned.blocks = d
            .blocks
            .iter()
            .enumerate()
            .filter(|&(j, _)| !grouping(j))
            .map(|(_, b)| b.clone())
            .collect();
        let roles: Vec<(usize, String)> = roles
            .iter()
            .map(|(k, r)| (k - (first..*k).filter(|&j| grouping(j)).count(), r.clone()))
            .collect();
        return Some(one_per_role(&cleaned, &roles));
    }
    Some(one_per_role(d, roles))
}

/// Items that each open with a role and say what it is (a post "hiring for two roles: 1. …
/// 2. …"): one document per role, each with the text around the items (the introduction and
/// the offer are shared); the other roles' items are left out. A posting with a structured
/// title is one job whatever its text lists.
fn by_role_items(d: &Doc) -> Option<Vec<Doc>> {
    if has_structured_title(d) {
        return None;
    }
    let at: Vec<(usize, String)> = d
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| item_role(b).map(|r| (i, r)))
        .collect();
    let mut names: Vec<String> = at.iter().map(|(_, r)| r.to_lowercase()).collect();
    names.sort();
    names.dedup();
    if names.len() < 2 || names.len() != at.len() {
        return None;
    }
    Some(one_per_role(d, &at))
}

/// A post that names no role in its header but two in its first sentences ("We're hiring one
/// product manager and one software engineer."): one document per role, sharing the text.
fn by_hiring_sentence(d: &Doc) -> Option<Vec<Doc>> {
    let (i, roles) = sentence_roles(d, 3, super::fields::title::roles_from_text)?;
    if roles[0].eq_ignore_ascii_case(&roles[1]) {
        return None;
    }
    one_per_role_named(d, i, roles.into_iter())
}

/// A post that names no role in its header but lists them in a sentence after a lead into them
/// ("We are looking for: Staff and Senior SWEs, Full Stack and Backend focused - ML Engineers -
/// An Engineering Manager for our MLE team - More!"): one document per role, sharing the text.
fn by_inline_list(d: &Doc) -> Option<Vec<Doc>> {
    let (i, roles) = sentence_roles(d, 4, inline_roles)?;
    one_per_role_named(d, i, roles.into_iter())
}

/// The first of the first `n` paragraphs of a Hacker News post that names roles by `roles_in`:
/// its index and the roles.
fn sentence_roles<T>(
    d: &Doc,
    n: usize,
    roles_in: impl Fn(&str) -> Option<T>,
) -> Option<(usize, T)> {
    if d.format != crate::posting::Format::Hn {
        return None;
    }
    d.blocks
        .iter()
        .take(n)
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Paragraph)
        .find_map(|(i, b)| roles_in(&b.text).map(|r| (i, r)))
}

/// One document per role a sentence (block `i`) names, unless the post names another job (a
/// header's "Multiple roles" names none; a header naming one role is that role's post).
fn one_per_role_named(d: &Doc, i: usize, roles: impl Iterator<Item = String>) -> Option<Vec<Doc>> {
    let at: Vec<(usize, String)> = roles.map(|r| (i, r)).collect();
    (!names_other_job(d, &at)).then(|| one_per_role(d, &at))
}

/// The roles a sentence lists after a lead into them ending with a colon: items set apart by
/// dashes, bullets or semicolons (or else commas), each a role's name, maybe with an article in
/// front and a note after it ("An Engineering Manager for our MLE team"). Two or more distinct
/// roles, and most items roles.
fn inline_roles(text: &str) -> Option<Vec<String>> {
    let (lead, list) = text.split_once(": ")?;
    let lead = lead.rsplit(['.', '!', '?']).next().unwrap_or(lead);
    if lead.chars().count() > 80 || super::vocab::vocab().openings.first_in(lead).is_none() {
        return None;
    }
    let list = list.split(['.', '!', '?']).next().unwrap_or(list);
    let items: Vec<&str> = [" - ", " – ", " • ", "; "]
        .iter()
        .map(|sep| list.split(sep).collect::<Vec<_>>())
        .find(|items| items.len() >= 2)
        .unwrap_or_else(|| list.split(", ").collect());
    let mut roles: Vec<String> = Vec::new();
    for item in &items {
        if let Some(r) = item_role_name(item)
            && !roles.iter().any(|x| x.eq_ignore_ascii_case(&r))
        {
            roles.push(r);
        }
    }
    (roles.len() >= 2 && roles.len() * 2 > items.len()).then_some(roles)
}

/// An item of an inline list as a role's name: without its article or count in front and
/// without what it says after a comma or a linking word ("An Engineering Manager for our MLE
/// team" → "Engineering Manager").
fn item_role_name(item: &str) -> Option<String> {
    let t = item
        .trim()
        .trim_start_matches(['-', '–', '•', '*', ' '])
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
    let t = ["and ", "or ", "as well as "]
        .iter()
        .find_map(|c| t.strip_prefix(c))
        .unwrap_or(t);
    let t = [
        "a ", "an ", "A ", "An ", "one ", "One ", "two ", "Two ", "several ", "Several ",
    ]
    .iter()
    .find_map(|a| t.strip_prefix(a))
    .unwrap_or(t);
    let t = t.split(", ").next().unwrap_or(t);
    // Not " in ": "Engineer in Test" is a role, and a place after it is the title's to drop.
    let t = [" for ", " to ", " who ", " with ", " on "]
        .iter()
        .filter_map(|w| t.find(w))
        .min()
        .map_or(t, |at| &t[..at])
        .trim();
    (t.split_whitespace().count() <= 6 && bare_role(t) == Some(true)).then(|| t.to_string())
}

/// One document per role, each titled with its role and holding the whole text but the other
/// roles' blocks (`roles`: the block naming each role, and the role).
fn one_per_role(d: &Doc, roles: &[(usize, String)]) -> Vec<Doc> {
    roles
        .iter()
        .map(|(i, role)| {
            let mut part = d.clone();
            part.blocks = d
                .blocks
                .iter()
                .enumerate()
                .filter(|(j, _)| j == i || !roles.iter().any(|(k, _)| k == j))
                .map(|(_, b)| b.clone())
                .collect();
            part.facts.retain(|f| f.key != Key::Title);
            part.facts.insert(0, title_fact(role, Origin::Header));
            // A digest's entry names who hires and where after the role ("Research Software
            // Engineer: University of Michigan, Ann Arbor, MI").
            if let Some(entry) = list_entry(&d.blocks[*i]).map(entry_text)
                && let Some(tail) = entry.strip_prefix(role.as_str())
                && let Some((company, place)) = employer_and_place(tail)
            {
                part.facts.retain(|f| f.key != Key::Company);
                part.text(Key::Company, company, Origin::Header);
                part.text(Key::Location, place, Origin::Header);
            }
            part
        })
        .collect()
}

/// Who hires and where, as a digest's entry names them after the role: "…: Carnegie Mellon
/// University, Pittsburgh, PA _Posted: Nov 01, 2022_" → ("Carnegie Mellon University",
/// "Pittsburgh, PA"); "… — Survey Research Center, University of Michigan, Ann Arbor, MI" →
/// the organization right before the place. None unless the text after the role is the
/// employer's name, then a place or a work mode.
fn employer_and_place(tail: &str) -> Option<(String, String)> {
    static LEAD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:[:–—-]|\bat\b|@)\s*").expect("valid regex"));
    // What follows a label ("Posted: …") or an emphasis mark is no part of it.
    static AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s+(?:_|\*|\p{Lu}\w+:\s)").expect("valid regex"));
    let lead = LEAD.find(tail)?;
    let rest = &tail[lead.end()..];
    let rest = AFTER.find(rest).map_or(rest, |m| &rest[..m.start()]).trim();
    let pieces: Vec<&str> = rest.split(", ").map(str::trim).collect();
    let v = super::vocab::vocab();
    let placed = |p: &str| {
        let bare = p.split(" (").next().unwrap_or(p);
        whole_place(bare) || v.work_mode.first_in(p).is_some() || v.anywhere.first_in(p).is_some()
    };
    if rest.chars().count() > 120 || pieces.len() > 8 {
        return None;
    }
    let mut at = pieces.iter().position(|p| placed(p))?;
    // Every piece after the name is where: a sentence's list ("fulfillment centers, Chef,
    // Puppet") is none.
    let code = |p: &str| p.len() <= 3 && p.chars().all(|c| c.is_ascii_uppercase());
    let unknown_town = |p: &str| {
        p.split_whitespace().count() <= 3
            && p.split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
    };
    if !pieces[at..]
        .iter()
        .all(|p| placed(p) || code(p) || unknown_town(p))
    {
        return None;
    }
    // A state's code after a town the gazetteer does not know ("University of Minnesota, Twin
    // Cities, MN"): the town is the place's too.
    if at >= 2 && code(pieces[at]) {
        at -= 1;
    }
    let name = pieces.get(at.checked_sub(1)?)?;
    let words = name.split_whitespace().count();
    // A name's words start with a capital but its small ones ("University of Michigan").
    let lower = name
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_lowercase) && w.chars().count() > 3)
        .count();
    let is_name = lower == 0
        && name.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && (1..=8).contains(&words)
        && !v.names_role(name)
        && !whole_place(name);
    if !is_name {
        return None;
    }
    Some((name.to_string(), pieces[at..].join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::readers::markdown;

    fn titles(ds: &[Doc]) -> Vec<String> {
        ds.iter()
            .map(|d| {
                d.texts(Key::Title)
                    .next()
                    .map(|t| t.0.to_string())
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn lines_naming_a_role_after_its_kind_of_contract_are_jobs() {
        let text = "招聘岗位：\n\n全职：小学语文老师\n全职：区域经理（市场人员）\n\
            兼职：城市招商经理（合伙人）\n\n联系方式：0755-86538477\n";
        let ps = crate::parse::parse_text(text, "jobs.txt").unwrap();
        let got: Vec<_> = ps
            .iter()
            .map(|p| (p.title.as_deref(), p.employment_type.map(|e| e.to_string())))
            .collect();
        assert_eq!(
            got,
            [
                (Some("小学语文老师"), Some("full-time".into())),
                (Some("区域经理（市场人员）"), Some("full-time".into())),
                (Some("城市招商经理（合伙人）"), Some("part-time".into())),
            ]
        );
        // Pay for each kind of contract names no roles.
        let text = "Développeur Fullstack (H/F)\n\nCDI : 45-60K€\nFreelance : 320-450€/j\n";
        assert_eq!(crate::parse::parse_text(text, "job.txt").unwrap().len(), 1);
    }

    #[test]
    fn a_newsletter_s_entries_of_where_role_and_employer_are_jobs() {
        let md = "Hello, readers! The Post is [looking for reporters](https://x.example/a).\n\n\
            **Job postings:**\n\n\
            *   Anywhere - [Sr. Backend Engineer](https://x.example/1), Newspack\n\
            *   UK - [Video Archive Researcher](https://x.example/2), Global Witness\n\
            *   Asia/Africa - [Enterprise Reporter](https://x.example/3), The Fuller Project\n\
            *   US - [SEO Editor](https://x.example/4), WSJ\n\n**Upcoming events:**\n";
        let ps = crate::parse::parse_text(md, "news.md").unwrap();
        let got: Vec<_> = ps
            .iter()
            .map(|p| {
                (
                    p.title.as_deref(),
                    p.company.as_deref(),
                    p.locations.first().map(String::as_str),
                    p.work_mode.map(|m| m.to_string()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("Sr. Backend Engineer"),
                    Some("Newspack"),
                    None,
                    Some("remote".into())
                ),
                (
                    Some("Video Archive Researcher"),
                    Some("Global Witness"),
                    Some("UK"),
                    None
                ),
                (
                    Some("Enterprise Reporter"),
                    Some("The Fuller Project"),
                    Some("Asia/Africa"),
                    None
                ),
                (Some("SEO Editor"), Some("WSJ"), Some("US"), None),
            ]
        );
        // A list of news, each a place, a dash and a sentence, is none.
        let news = "*   UK - The Guardian launched a new app, Guardian Live\n\
            *   US - A court ruled on data scraping, Reuters\n\
            *   Europe - New funding for local news, EJC\n";
        assert!(by_placed_entries(&markdown::read(news).unwrap()[0]).is_none());
    }

    #[test]
    fn a_careers_page_s_title_names_the_employer_of_every_role_it_lists() {
        let html = "<html><head><title>Stellenangebote bei Hof und Gut in Jesteburg</title></head><body><h2>Wir suchen Verstärkung!</h2><p>Unser Restaurant Hof und Gut ist ab 17 Uhr geöffnet.</p><h3>Auszubildende/r Koch/in</h3><p>Wir suchen zum nächstmöglichen Zeitpunkt einen Kochauszubildenden. Bewerbungen an info@example.de</p><h3>Servicekraft</h3><p>Servicekräfte in Voll- oder Teilzeit gesucht. Bewerbungen an info@example.de</p></body></html>";
        let ps = crate::parse::parse_text(html, "stellen.html").unwrap();
        let got: Vec<_> = ps
            .iter()
            .map(|p| (p.title.as_deref(), p.company.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("Auszubildende/r Koch/in"), Some("Hof und Gut")),
                (Some("Servicekraft"), Some("Hof und Gut"))
            ]
        );
        assert!(ps.iter().all(|p| p.locations == ["Jesteburg"]), "{ps:?}");
        // Named only in the page's title, the article the phrase needs left out; an accordion's
        // roles are buttons inside headings.
        let html = "<html><head><title>Karriere bei der Ahorn-Apotheke</title></head><body>\
            <h2>Wir suchen Verstärkung für unser Team</h2>\
            <h4><button>Apotheker/in</button></h4><div><ul><li>abgeschlossenes Studium der Pharmazie</li>\
            <li>Approbation als Apotheker/in</li></ul></div>\
            <h4><button>Fahrer/in</button></h4><div><p>Als Fahrer lieferst du Arzneimittel an Heime aus.</p></div>\
            <h4><button>Raumpfleger/in</button></h4><div><p>Als Raumpfleger hältst du die Räume sauber.</p></div>\
            </body></html>";
        let ps = crate::parse::parse_text(html, "karriere.html").unwrap();
        assert!(ps.len() >= 2, "{ps:?}");
        assert!(
            ps.iter()
                .all(|p| p.company.as_deref() == Some("Ahorn-Apotheke")),
            "{ps:?}"
        );
    }

    #[test]
    fn roles_tagged_with_genders_are_roles_at_any_level() {
        let text = "# On recrute !\n\nVoici la liste des postes ouverts.\n\n# Pourquoi nous rejoindre ?\n\nUn groupe média.\n\n## Développeur ou leadDev backend (H/F)\n\nLes compétences recherchées sont les suivantes :\n\n* maîtrise de GIT\n\n# Développeur JS  (H/F)\n\nLes compétences recherchées :\n\n* React\n";
        let ds = several_jobs(markdown::read(text).unwrap());
        assert_eq!(
            titles(&ds),
            [
                "Développeur ou leadDev backend (H/F)",
                "Développeur JS (H/F)"
            ]
        );
        // One tagged role among other headings is one job.
        let one = "# Développeur JS (H/F)\n\n## Missions\n\nCoder.\n";
        assert_eq!(several_jobs(markdown::read(one).unwrap()).len(), 1);
    }

    fn post(lines: &[&str]) -> Doc {
        let mut d = Doc::new(crate::posting::Format::Hn);
        d.blocks = lines
            .iter()
            .map(|l| Block::new(BlockKind::Paragraph, *l))
            .collect();
        d
    }

    #[test]
    fn a_digest_of_roles_grouped_by_employer() {
        let mut d = Doc::new(crate::posting::Format::Markdown);
        d.blocks = vec![
            Block::new(BlockKind::Heading, "Audiotool"),
            Block::new(BlockKind::Item, "Rust / Audio DSP Developer"),
            Block::new(BlockKind::Heading, "Enso"),
            Block::new(BlockKind::Item, "Senior Rust IDE Developer (Remote)"),
            Block::new(BlockKind::Item, "Senior Cloud Rust Engineer (Remote)"),
            Block::new(
                BlockKind::Paragraph,
                "Tweet us to get your job offers listed here!",
            ),
        ];
        let parts = by_employer_groups(&d).expect("one part per role");
        assert_eq!(
            titles(&parts),
            [
                "Rust / Audio DSP Developer",
                "Senior Rust IDE Developer (Remote)",
                "Senior Cloud Rust Engineer (Remote)"
            ]
        );
        let company = |d: &Doc| d.texts(Key::Company).next().map(|t| t.0.to_string());
        assert_eq!(company(&parts[2]).as_deref(), Some("Enso"));
        // A careers page's teams, each a field of work, are no employers.
        d.blocks[0] = Block::new(BlockKind::Heading, "Engineering");
        d.blocks[2] = Block::new(BlockKind::Heading, "Design");
        assert!(by_employer_groups(&d).is_none());
    }

    #[test]
    fn a_newsletters_item_saying_an_employer_is_hiring_is_a_job() {
        let mut d = Doc::new(crate::posting::Format::Markdown);
        d.text(
            Key::Title,
            "#12 - Mobile NixOS, import-from-derivation, runtime type-checker, a job",
            Origin::Record,
        );
        d.blocks = vec![
            Block::new(BlockKind::Heading, "News"),
            Block::new(BlockKind::Item, "One-page Nix expression language overview"),
            Block::new(BlockKind::Item, "Serokell is hiring Nix DevOps Engineers"),
            Block::new(
                BlockKind::Paragraph,
                "Serokell is looking for remote full-time Nix SREs.",
            ),
            Block::new(BlockKind::Item, "Yants - Yet Another Nix Type System"),
            Block::new(
                BlockKind::Item,
                "Encrypted ZFS mirror with mirrored boot on NixOS",
            ),
        ];
        let parts = by_news_items(&d).expect("the job's item");
        assert_eq!(titles(&parts), ["Nix DevOps Engineers"]);
        assert_eq!(
            parts[0].texts(Key::Company).next().map(|t| t.0),
            Some("Serokell")
        );
        assert_eq!(parts[0].blocks.len(), 2);
        // A posting's own voice ("We are looking for …") in its list is no news.
        d.blocks[2] = Block::new(BlockKind::Item, "We are looking for Nix DevOps Engineers");
        assert!(by_news_items(&d).is_none());
    }

    #[test]
    fn a_digest_line_names_the_employer_before_where_its_roles_are() {
        let mut d = Doc::new(crate::posting::Format::Markdown);
        d.blocks = vec![
            Block::new(
                BlockKind::Paragraph,
                "This page shows current available jobs.",
            ),
            Block::new(BlockKind::Paragraph, "Aleo | San Francisco, Remote"),
            Block::new(BlockKind::Item, "Senior Protocol Engineer"),
            Block::new(BlockKind::Item, "Interface Designer"),
            Block::new(BlockKind::Paragraph, "Anoma | Berlin"),
            Block::new(BlockKind::Item, "Senior Rust Engineer"),
        ];
        let parts = by_employer_groups(&d).expect("one part per role");
        assert_eq!(
            titles(&parts),
            [
                "Senior Protocol Engineer",
                "Interface Designer",
                "Senior Rust Engineer"
            ]
        );
        let first = |d: &Doc, k: Key| d.texts(k).next().map(|t| t.0.to_string());
        assert_eq!(first(&parts[1], Key::Company).as_deref(), Some("Aleo"));
        assert_eq!(
            first(&parts[1], Key::Location).as_deref(),
            Some("San Francisco, Remote")
        );
        assert_eq!(first(&parts[2], Key::Location).as_deref(), Some("Berlin"));
        // A line whose other fields are no places is no employer's lead.
        d.blocks[1] = Block::new(BlockKind::Paragraph, "Aleo | We build privacy tools");
        d.blocks[4] = Block::new(BlockKind::Paragraph, "Anoma | Rust, Go");
        assert!(by_employer_groups(&d).is_none());
    }

    #[test]
    fn a_newsletter_s_roles_on_lines_of_their_own_under_their_employers() {
        let mut d = Doc::new(crate::posting::Format::Markdown);
        d.blocks = vec![
            Block::new(BlockKind::Heading, "Careers"),
            Block::new(BlockKind::Paragraph, "TTi Global | Des Moines"),
            Block::new(
                BlockKind::Heading,
                "Senior Software Developer (OpenGL / WebGL)",
            ),
            Block::new(BlockKind::Paragraph, "Consensys | Europe, US, Remote"),
            Block::new(BlockKind::Heading, "Systems Engineer (Rust)"),
            Block::new(BlockKind::Paragraph, "Parity | Berlin, London, Remote"),
            Block::new(BlockKind::Heading, "Rust Core Developer"),
            Block::new(BlockKind::Heading, "Runtime Engineer"),
        ];
        let parts = by_employer_groups(&d).expect("one part per role");
        assert_eq!(
            titles(&parts),
            [
                "Senior Software Developer (OpenGL / WebGL)",
                "Systems Engineer (Rust)",
                "Rust Core Developer",
                "Runtime Engineer"
            ]
        );
        let first = |d: &Doc, k: Key| d.texts(k).next().map(|t| t.0.to_string());
        assert_eq!(
            first(&parts[0], Key::Company).as_deref(),
            Some("TTi Global")
        );
        assert_eq!(first(&parts[3], Key::Company).as_deref(), Some("Parity"));
    }

    #[test]
    fn a_digest_entry_names_the_employer_and_the_place_after_the_role() {
        let e = |t: &str| employer_and_place(t);
        assert_eq!(
            e(": Carnegie Mellon University, Pittsburgh, PA _Posted: Nov 01, 2022_"),
            Some((
                "Carnegie Mellon University".to_string(),
                "Pittsburgh, PA".to_string()
            ))
        );
        assert_eq!(
            e(": Survey Research Center, University of Michigan, Ann Arbor, MI").map(|x| x.0),
            Some("University of Michigan".to_string())
        );
        assert_eq!(
            e(": University of Minnesota, Twin Cities, MN").map(|x| x.0),
            Some("University of Minnesota".to_string())
        );
        // A description after the role names no employer.
        assert_eq!(e(" - you will build our data platform in Berlin"), None);
        assert_eq!(e(": Python, Django, Postgres"), None);
    }

    #[test]
    fn roles_listed_in_a_sentence_after_a_lead() {
        let d = post(&[
            "We build clinical AI for hospitals.",
            "We are looking for: Staff and Senior SWEs, Full Stack and Backend focused - ML \
             Engineers - An Engineering Manager for our MLE team - A Senior Security Engineer - More!",
            "For more and to apply, see our careers page.",
        ]);
        let parts = by_inline_list(&d).expect("one part per role");
        assert_eq!(
            titles(&parts),
            [
                "Staff and Senior SWEs",
                "ML Engineers",
                "Engineering Manager",
                "Senior Security Engineer"
            ]
        );
        let led = by_inline_list(&post(&[
            "Roles: - Lead iOS Engineer - Engineer in Test - Scrum Masters~",
        ]));
        assert_eq!(
            titles(&led.expect("one part per role")),
            ["Lead iOS Engineer", "Engineer in Test", "Scrum Masters"]
        );
        // A sentence with a colon that lists duties or stacks is no list of roles.
        let duties = post(&["We are looking for: strong Rust, some Go, and a love of testing."]);
        assert!(by_inline_list(&duties).is_none());
        let one = post(&["Looking for: Senior Backend Engineer with Go experience."]);
        assert!(by_inline_list(&one).is_none());
    }

    /// The labelled facts of a part, as (key, text).
    fn label_texts(d: &Doc, key: Key) -> Vec<String> {
        d.facts
            .iter()
            .filter(|f| f.key == key && f.origin == Origin::Label)
            .filter_map(|f| f.value.text().map(str::to_string))
            .collect()
    }

    #[test]
    fn numbered_paragraphs_each_heading_a_role_with_its_own_labels() {
        let text = "Hi Partner,\n\nWe have 3 Direct Client Requirements. Please find them below.\n\n\
            1.      Functional Analyst - Oracle Forms and Reports Server\n\nTerm: Contract (1 Year)\n\
            Location: Sacramento, CA\n\nOur client needs an analyst with a Java background.\n\
            You will review an existing system.\n\n2.      Java Architect\n\nJob Type: Full-time\n\
            Location: Austin, TX\n\nYou will lead the redesign of a mortgage application.\n\
            Expert knowledge of Oracle 11g.\n\nThanks,\nRicky\n";
        let ds = several_jobs(crate::parse::readers::text::read(text));
        assert_eq!(
            titles(&ds),
            [
                "Functional Analyst - Oracle Forms and Reports Server",
                "Java Architect"
            ]
        );
        // Each role's "Location:" is its own; the other role's is not.
        assert_eq!(label_texts(&ds[0], Key::Location), ["Sacramento, CA"]);
        assert_eq!(label_texts(&ds[1], Key::Location), ["Austin, TX"]);
        // A numbered list of duties is no list of roles.
        let duties = "Senior Engineer\n\nWhat you will do:\n1. Design services\n2. Review code\n\
            3. Mentor engineers\n\nBenefits: plenty.\n";
        assert_eq!(
            several_jobs(crate::parse::readers::text::read(duties)).len(),
            1
        );
    }

    #[test]
    fn positions_marked_by_number_with_the_role_on_the_next_line() {
        let text = "My clients are looking for Java consultants.\n\n\
            Position #1  - Austin, TX - 4-5 openings\n\nSoftware Engineer - Java - Contract to Hire 6mo\n\n\
            You will design infrastructure.\nYou will tune databases.\n\n\
            Position #2 - Dallas, TX  2-3 openings\n\nApplication Developer - Java - 6-12 mo contract\n\n\
            Experience in Spring.\nExperience in JMS.\n";
        let ds = several_jobs(crate::parse::readers::text::read(text));
        assert_eq!(
            titles(&ds),
            [
                "Software Engineer - Java - Contract to Hire 6mo",
                "Application Developer - Java - 6-12 mo contract"
            ]
        );
        // The marker's line (where, how many) stays with its role.
        assert!(ds[1].blocks.iter().any(|b| b.text.contains("Dallas")));
        assert!(!ds[0].blocks.iter().any(|b| b.text.contains("Dallas")));
        // "Vaga 2 - …" marks the second of several in Portuguese: numbering must start at one.
        let from_two = "Intro text here.\n\nVaga 2 - Desenvolvedor PHP\n\nRequisitos: PHP.\nSalário: a combinar.\n\n\
            Vaga 3 - Desenvolvedor Ruby\n\nRequisitos: Ruby.\nSalário: a combinar.\n";
        assert_eq!(
            several_jobs(crate::parse::readers::text::read(from_two)).len(),
            1
        );
    }

    #[test]
    fn a_heading_of_the_roles_form_between_them_is_a_role() {
        // Headings grouping the roles ("#### Area …") end the role above them, whatever their
        // level; a heading between two roles with their marker word is a role too, and one
        // without it ("### Sede di lavoro" after them) is none.
        let text = "#### Area Amministrativa\n\n### Posizione Account Manager\n\nClienti.\n\n\
            ###### Formazione richiesta\n\nLaurea.\n\n### Posizione Segreteria Amministrativa\n\n\
            Agenda.\n\n###### Formazione richiesta\n\nDiploma.\n\n#### Area Tecnica\n\n\
            ### Posizione IT Support\n\nHelpdesk.\n\n###### Formazione richiesta\n\nDiploma.\n\n\
            ### Sede di lavoro\n\nRoma.\n";
        let ds = several_jobs(markdown::read(text).unwrap());
        assert_eq!(
            titles(&ds),
            [
                "Posizione Account Manager",
                "Segreteria Amministrativa",
                "Posizione IT Support"
            ]
        );
        assert!(!ds[1].blocks.iter().any(|b| b.text.contains("Area Tecnica")));
        assert!(ds[1].blocks.iter().any(|b| b.text.contains("Roma")));
        // One before the first, counted after its marker ("Offre 1 : …"), is a role too.
        let counted = "# Offres d'Alternance Trouvées - Septembre 2025\n\
            \n\
            ## Offre 1 : Alternance Intelligence Artificielle - Devoteam France\n\
            \n\
            ### Informations Générales\n\
            - **Entreprise** : Devoteam France (ESN)\n\
            - **Poste** : Alternance - Intelligence Artificielle H/F\n\
            - **Localisation** : Levallois-Perret (92)\n\
            \n\
            ## Analyse du Marché\n\
            \n\
            Beaucoup d'offres.\n\
            \n\
            ## Offre 2 : Alternant(e) Cybersécurité - The Progress Factory\n\
            \n\
            ### Informations Générales\n\
            - **Entreprise** : The Progress Factory (Centre de formation)\n\
            - **Poste** : Alternant(e) cybersécurité\n\
            - **Localisation** : Lyon et périphérie\n\
            - **Type de contrat** : Alternance (Statut Cadre)\n\
            \n\
            ## Offre 3 : Analyste en Renseignement Cyber - Citalid\n\
            \n\
            ### Informations Générales\n\
            - **Entreprise** : Citalid (Solution SaaS)\n\
            - **Poste** : [ALTERNANCE] Analyste en renseignement d'intérêt cyber stratégique\n\
            - **Localisation** : Paris\n\
            - **Type de contrat** : Alternance\n\
            ";
        let ds = several_jobs(markdown::read(counted).unwrap());
        assert_eq!(ds.len(), 3);
        assert!(titles(&ds)[0].starts_with("Alternance Intelligence Artificielle"));
        // Without the roles' form, a heading between them is a section of the one above.
        let plain = "## Backend Engineer\n\nRust.\n\n## Perks we like\n\nGym.\n\n\
            ## Product Designer\n\nFigma.\n";
        assert_eq!(
            titles(&several_jobs(markdown::read(plain).unwrap())),
            ["Backend Engineer", "Product Designer"]
        );
    }

    #[test]
    fn a_word_marking_a_position_heads_it_whatever_follows() {
        let text = "Para cada vaga preencha no formulário:\n- Os requisitos da vaga;\n\n\
            ==============================\nVaga 1 - aiqfome -> Backend (junior)\n\n\
            - requisitos: PHP ou Nodejs, SQL e Git.\n- Salário: R$ 3.760 - R$ 4.071/mês\n\n\
            ==============================\nVaga 2 - Desenvolvedor(a) Back-End PHP Júnior\n\n\
            - requisitos: PHP e Docker.\n- Salário: R$ 5.118 - R$ 5.481/mês\n";
        let ds = several_jobs(markdown::read(text).unwrap());
        assert_eq!(
            titles(&ds),
            [
                "aiqfome -> Backend (junior)",
                "Desenvolvedor(a) Back-End PHP Júnior"
            ]
        );
        assert!(!ds[0].blocks.iter().any(|b| b.text.contains("5.118")));
    }

    #[test]
    fn a_role_named_in_passing_is_a_posting_of_its_own() {
        let mut d = post(&[
            "You'll own the agent experience end to end, in React and Python.",
            "If you're interested please apply here: https://example.com/jobs/spe",
            "We're also hiring an applied AI engineer! https://example.com/jobs/ai",
        ]);
        d.text(Key::Title, "Senior Product Engineer", Origin::Header);
        d.text(
            Key::Company,
            "The General Intelligence Company",
            Origin::Header,
        );
        d.text(Key::Location, "NYC", Origin::Header);
        d.text(Key::Salary, "$260K - $300K", Origin::Header);
        let ds = several_jobs(vec![d.clone()]);
        assert_eq!(
            titles(&ds),
            ["Senior Product Engineer", "applied AI engineer"]
        );
        // The header's place and pay are the first role's; the employer is both's.
        let keys: Vec<Key> = ds[1].facts.iter().map(|f| f.key).collect();
        assert_eq!(keys, [Key::Title, Key::Company]);
        assert_eq!(ds[1].blocks.len(), 1);
        assert_eq!(ds[0].blocks, d.blocks[..2]);
        // The post's own role named again is no other; a post naming no role of its own is
        // no post about one role.
        let mut same = post(&["We're also hiring a senior product engineer for Berlin."]);
        same.text(Key::Title, "Senior Product Engineer", Origin::Header);
        assert_eq!(several_jobs(vec![same]).len(), 1);
        let none = post(&["We're also hiring a designer."]);
        assert_eq!(several_jobs(vec![none]).len(), 1);
        // Roles in general are none ("We're also hiring for various business roles").
        let mut general = post(&["We're also hiring for various business roles."]);
        general.text(Key::Title, "Senior Product Engineer", Origin::Header);
        assert_eq!(several_jobs(vec![general]).len(), 1);
    }

    #[test]
    fn lines_each_naming_a_post_and_how_many_are_hired() {
        let text = "Department of Posts recruitment: vacancies\n\n\
            डाक सहायक (Postal assistant) : 69 पद\nडाकिया (Postman) : 65 पद\nएमटीएस (MTS) : 77 पद\n\n\
            Age limit: 18 to 27 years.\n";
        let ds = several_jobs(crate::parse::readers::text::read(text));
        assert_eq!(
            titles(&ds),
            [
                "डाक सहायक (Postal assistant)",
                "डाकिया (Postman)",
                "एमटीएस (MTS)"
            ]
        );
        // Each keeps the rest of the notice, not the other posts' lines.
        assert!(ds[1].blocks.iter().any(|b| b.text.contains("Age limit")));
        assert!(!ds[1].blocks.iter().any(|b| b.text.contains("69")));
        // A word of the count with a vowel sign ("पदों") is a word.
        let hi = "भर्ती\n\nडाक सहायक (Postal assistant) : 69 पदों\nडाकिया : 65 पदों\n";
        assert_eq!(several_jobs(crate::parse::readers::text::read(hi)).len(), 2);
        let en = "We are recruiting.\n\nJunior Engineer – 12 posts\nStaff Nurse – 25 posts\n";
        assert_eq!(
            titles(&several_jobs(crate::parse::readers::text::read(en))),
            ["Junior Engineer", "Staff Nurse"]
        );
        // Counts of other things name no posts; one post is one job.
        let other = "Our office.\n\nMeeting rooms – 12 seats\nParking – 40 spaces\n";
        assert_eq!(
            several_jobs(crate::parse::readers::text::read(other)).len(),
            1
        );
        let one = "We are recruiting.\n\nStaff Nurse – 25 posts\nApply by May.\n";
        assert_eq!(
            several_jobs(crate::parse::readers::text::read(one)).len(),
            1
        );
    }

    #[test]
    fn lines_each_naming_a_role_and_its_pay() {
        let salaries =
            |d: &Doc| -> Vec<String> { d.texts(Key::Salary).map(|(t, _)| t.to_string()).collect() };
        let text = "【公司名稱】即準數位科技股份有限公司\n\n【月薪 6-10 萬】網頁前端工程師｜Web Engineer\n\
            【年薪 120-190 萬】資深網頁前端工程師｜Senior Web Engineer\n\n工作地點：台北市\n";
        let ds = several_jobs(crate::parse::readers::text::read(text));
        assert_eq!(titles(&ds), ["網頁前端工程師", "資深網頁前端工程師"]);
        // Each role's line is its pay, over the page's pay for all of them.
        let mut hn = Doc::new(crate::posting::Format::Hn);
        hn.text(Key::Salary, "$80k-$180k", Origin::Header);
        for l in [
            "We build tools for doctors.",
            "- Lead Engineer ($140-180k plus stock options)",
            "- Product Manager ($90-120k plus stock options)",
            "Apply online.",
        ] {
            hn.blocks.push(Block {
                kind: BlockKind::Paragraph,
                level: 0,
                text: l.into(),
            });
        }
        let ds = several_jobs(vec![hn]);
        assert_eq!(titles(&ds), ["Lead Engineer", "Product Manager"]);
        assert_eq!(
            salaries(&ds[1]),
            ["- Product Manager ($90-120k plus stock options)"]
        );
        // Figures of other things, or one priced role, are no list of jobs.
        for other in [
            "Our perks.\n\nGym ($50 a month)\nLunch ($10 a day)\n",
            "We are hiring.\n\nSenior Engineer ($150k-$180k)\nApply by May.\n",
        ] {
            assert_eq!(
                several_jobs(crate::parse::readers::text::read(other)).len(),
                1
            );
        }
    }

    #[test]
    fn jobs_each_named_over_the_same_sections() {
        let company = |d: &Doc| {
            d.facts
                .iter()
                .find(|f| f.key == Key::Company)
                .and_then(|f| f.value.text())
                .map(str::to_string)
        };
        // Each job a line with its employer's name over its sections; the sections a page
        // gives its jobs differ a little from one to the next.
        let md = "# Jobs this week\n\n### Backend\n\n1. [Acme Robotics](https://example.com/1)\n\n\
            - Responsibilities\n  - Build the order service\n- Requirements\n  - Three years of Java\n\n\
            2. [Globex](https://example.com/2)\n\n- Responsibilities\n  - Run the public APIs\n\
            - Requirements\n  - Spring Boot\n- Nice to have\n  - Kafka\n\n\
            3. [Initech](https://example.com/3)\n\n- Responsibilities\n  - Keep billing running\n\
            - Benefits\n  - Lunch every day\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(ds.len(), 3);
        let names: Vec<Option<String>> = ds.iter().map(company).collect();
        assert_eq!(
            names,
            [
                Some("Acme Robotics".to_string()),
                Some("Globex".to_string()),
                Some("Initech".to_string())
            ]
        );
        // No title is said, and the page's headings name the list, not a job.
        assert!(ds.iter().all(|d| d.texts(Key::Title).next().is_none()));
        assert!(
            ds.iter()
                .all(|d| !d.blocks.iter().any(|b| b.kind == BlockKind::Heading))
        );
        // Each job has its own sections only.
        assert!(
            ds[0]
                .blocks
                .iter()
                .any(|b| b.text.contains("order service"))
        );
        assert!(!ds[0].blocks.iter().any(|b| b.text.contains("public APIs")));
        // A list is of one kind: among employers, a name holding a role word is an employer's.
        let md = "# Jobs\n\n1. [Acme Robotics](https://example.com/1)\n\n- Responsibilities\n  - APIs\n\
            - Requirements\n  - Java\n\n2. [Globex](https://example.com/2)\n\n- Responsibilities\n\
              - Billing\n- Requirements\n  - Go\n\n3. [Lead Number](https://example.com/3)\n\n\
            - Responsibilities\n  - Search\n- Requirements\n  - Rust\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(company(&ds[2]).as_deref(), Some("Lead Number"));
        assert!(ds[2].texts(Key::Title).next().is_none());
        // Lines naming roles are the jobs' titles.
        let roles = "Strap - software for wearables\n\nMOBILE DEVELOPER\n\nDESCRIPTION\n\n\
            Ship the SDKs for phones and watches.\n\nCOMPENSATION\n\n$50K - $70K Salary\n\n\
            DATA SCIENTIST\n\nDESCRIPTION\n\nModel the sensor data we collect.\n\nCOMPENSATION\n\n\
            $70K - $90K Salary\n";
        let ds = several_jobs(crate::parse::readers::text::read(roles));
        assert_eq!(titles(&ds), ["MOBILE DEVELOPER", "DATA SCIENTIST"]);
        // One job with its sections is one job, even when a kind comes back.
        let one = "# Backend Engineer\n\n## Responsibilities\n\n- Build APIs\n\n## Requirements\n\n\
            - Go\n\n## Benefits\n\n- Lunch\n";
        assert_eq!(several_jobs(markdown::read(one).unwrap()).len(), 1);
        // A page that names its one job keeps it, whatever its sections repeat.
        let mut d = markdown::read(md).unwrap();
        d[0].text(Key::Title, "Senior Java Engineer", Origin::Page);
        assert_eq!(several_jobs(d).len(), 1);
    }

    #[test]
    fn a_short_line_that_says_so_leads_into_a_list_of_trades() {
        let md = "Wir suchen ab sofort und unbefristet\n\n-Pflasterer\n\n-Bauhelfer\n\n-Mauerer\n\n\
            -LKW Fahrer\n\nVoraussetzungen:\n\n-entsprechende Ausbildung oder Berufserfahrung\n";
        let mut d = markdown::read(md).unwrap();
        // A slogan for the page's title names no job of its own.
        d[0].text(Key::Title, "Werde Teil unseres Teams!", Origin::Record);
        let ds = several_jobs(d);
        assert_eq!(
            titles(&ds),
            ["Pflasterer", "Bauhelfer", "Mauerer", "LKW Fahrer"]
        );
        // A page naming its own role keeps it: the list is of other jobs.
        let mut one = markdown::read(md).unwrap();
        one[0].text(Key::Title, "Bauleiter (m/w/d)", Origin::Record);
        assert_eq!(several_jobs(one).len(), 1);
    }

    #[test]
    fn a_lead_over_roles_grouped_by_team_splits_into_every_group_s_roles() {
        let md = "# Careers at Finto\n\nWe are a fintech team.\n\n## Open positions\n\n\
            ### Marketing\n\n- Brand Promotion\n- Channel management\n\n\
            ### Engineering\n\n- Backend Developer\n- Test Engineer\n\n\
            ## Benefits\n\n- Remote work\n";
        let ps =
            crate::parse::parse_as(md, "careers.md", crate::posting::Format::Markdown).unwrap();
        let got: Vec<&str> = ps.iter().filter_map(|p| p.title.as_deref()).collect();
        // The group's headings are no role's title; an entry the vocabulary does not know is
        // a role by its place under the lead.
        assert_eq!(
            got,
            [
                "Brand Promotion",
                "Channel management",
                "Backend Developer",
                "Test Engineer"
            ]
        );
        // Without a lead into the roles, the groups are a page's sections.
        let plain = md.replace("## Open positions", "## What we do");
        let ps =
            crate::parse::parse_as(&plain, "careers.md", crate::posting::Format::Markdown).unwrap();
        assert_eq!(ps.len(), 1);
    }

    #[test]
    fn the_place_a_list_of_roles_is_grouped_under_is_theirs() {
        let md = "# We are hiring\n\nWe are looking to fill the following openings:\n\n\
            ## Zurich\n\n- Software Engineer for Test Robots\n- Manual Tester / Test Analyst\n";
        let ps = crate::parse::parse_as(md, "jobs.md", crate::posting::Format::Markdown).unwrap();
        let got: Vec<(Option<&str>, Vec<String>)> = ps
            .iter()
            .map(|p| (p.title.as_deref(), p.locations.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("Software Engineer for Test Robots"),
                    vec!["Zurich".to_string()]
                ),
                (
                    Some("Manual Tester / Test Analyst"),
                    vec!["Zurich".to_string()]
                )
            ]
        );
    }

    #[test]
    fn markdown_lines_that_are_only_a_link_naming_a_role_head_its_card() {
        let md = "[高级前端开发工程师](https://www.zhipin.com/job_detail/1.html)\n职位描述：\n\
            1. 与产品设计师协作；\n2. 参与前端代码维护。\n\n\
            [资深前端开发工程师](https://www.zhipin.com/job_detail/2.html)\n■ 1、精通各种前端技术。\n\
            ■ 2、熟悉模块化。\n\n[前端开发专家](https://www.zhipin.com/job_detail/3.html)\n\
            1、八年以上前端开发经验；\n2、前端基础扎实。\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(
            titles(&ds),
            ["高级前端开发工程师", "资深前端开发工程师", "前端开发专家"]
        );
        // A link to the apply page is no role.
        let apply = "# Backend Engineer\n\nBuild things.\n\n[Apply here](https://acme.com/apply)\n\nMore text.\n";
        assert_eq!(several_jobs(markdown::read(apply).unwrap()).len(), 1);
    }

    #[test]
    fn a_section_s_name_at_the_role_s_level_is_the_role_s_own() {
        let text = "### Acme\n\n#### Rust Developer\n\n##### Требования:\n\n- Rust\n- Tokio\n\n\
                    ### Beta\n\n#### Go Developer\n\n#### Ожидания от кандидата\n\n- Go\n- gRPC\n";
        let ds = several_jobs(markdown::read(text).unwrap());
        assert_eq!(titles(&ds), ["Rust Developer", "Go Developer"]);
    }

    #[test]
    fn headings_that_open_alike_are_roles_the_vocabulary_need_not_know() {
        // Each heading opens with the same kind of section: several jobs, one per heading (the
        // title's resolver takes the count off).
        let text = "## Μια (1) θέση προγραμματιστή web\n\n**Απαιτούμενα προσόντα:**\n\n* Γνώσεις Java\n* HTML\n\n\
                    ## Δύο (2) θέσεις Προγραμματιστή Windows Phone 7\n\n**Απαιτούμενα προσόντα:**\n\n* Silverlight\n* XNA\n";
        let ds = several_jobs(markdown::read(text).unwrap());
        assert_eq!(
            titles(&ds),
            [
                "Μια (1) θέση προγραμματιστή web",
                "Δύο (2) θέσεις Προγραμματιστή Windows Phone 7"
            ]
        );
        // One job's page groups unlike sections under its headings: one job.
        let one = "# Platform Engineer\n\n## The team\n\n### What you'll do\n\n- Run the fleet\n\n\
                   ## You\n\n### Requirements\n\n- Linux\n";
        assert_eq!(several_jobs(markdown::read(one).unwrap()).len(), 1);
        // Every heading of their level between the first and the last must open alike.
        let mixed = "## Alpha\n\n### Requirements\n\n- Linux\n\n## Our office\n\nNice.\n\n\
                     ## Beta\n\n### Requirements\n\n- Go\n";
        assert_eq!(several_jobs(markdown::read(mixed).unwrap()).len(), 1);
        // In plain text, a role's short line over the same kind of section.
        let text = "Locus Energy is hiring.\n\nSenior Front End Engineer\n\nResponsibilities:\n• Build interfaces\n• Visualise data\n\nSenior Backend Engineer\n\nResponsibilities:\n• Build pipelines\n• Process energy data\n";
        let ds = several_jobs(crate::parse::readers::text::read(text));
        assert_eq!(
            titles(&ds),
            ["Senior Front End Engineer", "Senior Backend Engineer"]
        );
    }

    #[test]
    fn a_page_titled_as_a_list_of_offers_splits_by_its_role_headings() {
        let md = "---\ntitle: \"Oferty Pracy\"\n---\n\n## Aktualne oferty pracy\n\n<div class=\"card\">\n\
            <h3>Stażysta Python - Frappe/ERPnext</h3>\n<p>Poszukujemy ambitnego stażysty.</p>\n</div>\n\n\
            <div class=\"card\">\n<h3>Ml. Programista Python (Frappe Developer)</h3>\n<p>Szukamy programisty.</p>\n</div>\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(
            titles(&ds),
            [
                "Stażysta Python - Frappe/ERPnext",
                "Ml. Programista Python (Frappe Developer)"
            ]
        );
        // A heading that is a sentence is no role ("We build tools. Join us").
        assert_eq!(role_heading("Senior Engineer wanted. Join us now"), None);
    }

    #[test]
    fn numbered_roles_each_with_what_they_do() {
        let d = post(&[
            "We are hiring for two core roles:",
            "1. Senior Go Engineer: You will build distributed systems for genomic data.",
            "2. Bioinformatics Developer (Antibody Discovery): You will work on the scientific core.",
            "Comp: Top-tier EU salaries (~€90k - €120k).",
        ]);
        let ds = several_jobs(vec![d]);
        assert_eq!(
            titles(&ds),
            [
                "Senior Go Engineer",
                "Bioinformatics Developer (Antibody Discovery)"
            ]
        );
        // Each keeps the shared text and leaves the other role's item out.
        assert!(ds[0].blocks.iter().any(|b| b.text.starts_with("Comp:")));
        assert!(
            !ds[0]
                .blocks
                .iter()
                .any(|b| b.text.contains("scientific core"))
        );
        // Numbered duties are no roles.
        let d = post(&[
            "What you will do:",
            "1. Lead research: you will run studies with our users every week.",
            "2. Architect systems: you will design the services we run for years.",
        ]);
        assert_eq!(several_jobs(vec![d]).len(), 1);
    }

    #[test]
    fn numbered_role_headings_after_a_heading_that_introduces_them() {
        let md = "## We are hiring\n\nOur shop is growing, so we need people for these roles:\n\n\
                  ## 1. Backend Developer\n\n- Build our APIs in Go.\n- Run them.\n\n\
                  ## 2. Product Designer\n\n- Design our app.\n- Test it with users.\n\n\
                  ## 3. What we offer\n\n- A good salary.\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(titles(&ds), ["Backend Developer", "Product Designer"]);
        assert!(ds[1].blocks.iter().any(|b| b.text.contains("good salary")));
        // A role whose text leads into its own parts is still a role.
        let md = "## Backend Engineer\n\nSome projects you could take on:\n\n\
                  ### Live Debugger\n\nBuild a debugger.\n\n\
                  ## Mobile Engineer\n\nBuild our SDKs.\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(titles(&ds), ["Backend Engineer", "Mobile Engineer"]);
    }

    #[test]
    fn a_board_of_employers_each_under_its_name_with_its_own_address() {
        let md = "### Par Mais\nAdicionado em 17-11-2015\n\nFull-Stack Web Developer - Florianópolis/SC\n\n\
                  Interessados mandar currículo para: **recrutamento@parmais.com.br**\n\n\
                  ### Ecentry\nAdicionado em 27-10-2015\n\n* Perfil do desenvolvedor\n\n\
                  Desenvolver APIs com Python e Django.\n\nEnviar para: **curriculos@ecentry.com**\n\n\
                  ### Catarina Touch\n\nAplicativos nativos para celulares.\n\n\
                  Interessados enviar CV para: info@catarinatouch.com\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        let companies: Vec<&str> = ds
            .iter()
            .map(|d| d.texts(Key::Company).next().map_or("", |t| t.0))
            .collect();
        assert_eq!(companies, ["Par Mais", "Ecentry", "Catarina Touch"]);
        assert!(ds[1].blocks.iter().any(|b| b.text.contains("Django")));
        assert!(!ds[1].blocks.iter().any(|b| b.text.contains("parmais")));
        // A posting's own sections are no employers, whatever addresses it gives.
        let md = "# Backend Engineer\n\nBuild our APIs.\n\n### Acme\n\nWe make anvils: acme.com\n\n\
                  ### Benefits\n\nA good salary.\n\n### Apply\n\nWrite to jobs@acme.com\n";
        assert_eq!(several_jobs(markdown::read(md).unwrap()).len(), 1);
    }

    #[test]
    fn numbered_role_headings_from_further_on() {
        // A digest's second page counts on from where the first stopped.
        let md = "### 2. Solution Architect\n\n**Company**: Fellowmind\n**Location**: Helsinki\n\n\
                  Design our customers' data platforms.\n\n\
                  ### 3. Senior Platform Architect\n\n**Company**: ServiceNow\n**Location**: Espoo\n\n\
                  Run the platform our teams build on.\n\n\
                  ### 5. Business Analyst\n\n**Company**: Kesko\n**Location**: Helsinki\n\n\
                  Study how our shops sell.\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(
            titles(&ds),
            ["Solution Architect", "Senior Platform Architect"]
        );
    }

    #[test]
    fn title_labels_with_the_value_on_the_next_line() {
        let text = "[募集職種]\n翻訳\n[形態]\nアルバイト\n[給与・条件]\n時給1,000円～\n\n\
                    [募集職種]\n企画/マーケティング\n[形態]\nアルバイト\n[給与・条件]\n時給1,100円～\n";
        let ds = several_jobs(crate::parse::readers::text::read(text));
        let t: Vec<String> = ds
            .iter()
            .map(|d| {
                d.texts(Key::Title)
                    .next()
                    .map(|t| t.0.to_string())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(t, ["翻訳", "企画/マーケティング"]);
        assert!(ds[1].blocks.iter().any(|b| b.text.contains("1,100")));
        assert!(!ds[1].blocks.iter().any(|b| b.text.contains("1,000")));
    }

    #[test]
    fn a_heading_per_role() {
        let md = "---\ntitle: Careers\n---\nAcme makes anvils for everyone, everywhere, since 1949, with love.\n\n\
                  ### Web Developer\n\nYou will build the web shop and its many pages, all day long.\n\n\
                  ### Android Developer\n\nYou will build the app that sells our anvils to the world.\n\n\
                  ### What we offer\n\nGood coffee and fair pay for everyone who joins us.\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(titles(&ds), ["Web Developer", "Android Developer"]);
        assert!(ds[1].blocks.iter().any(|b| b.text.contains("Good coffee")));
        assert!(
            ds[1]
                .blocks
                .iter()
                .any(|b| b.text.contains("anvils for everyone"))
        );
        assert!(!ds[1].blocks.iter().any(|b| b.text.contains("web shop")));
    }

    #[test]
    fn the_same_posting_twice_is_one() {
        let md = "## Web Designer\n\nDesign our pages, every one of them, with care.\n\n## Web Designer\n\nDesign our pages, every one of them, with care.\n";
        assert_eq!(several_jobs(markdown::read(md).unwrap()).len(), 1);
    }

    #[test]
    fn several_title_lines() {
        let text = "Emails\nJob Title: Full stack Developer\nLocation: Burlingame, CA\nRequirements: React\n\
                    Role: DevOps Engineer\nLocation: Remote\nWe need Kubernetes people.";
        let ds = several_jobs(crate::parse::readers::text::read(text));
        assert_eq!(titles(&ds), ["Full stack Developer", "DevOps Engineer"]);
        assert!(ds[1].texts(Key::Location).all(|(l, _)| l == "Remote"));
    }

    #[test]
    fn a_list_of_roles_under_a_hacker_news_header() {
        let post = "Galaxy (getgalaxy.io) | NYC, NY | Full time\n\
            -- Founding Frontend Engineer\n\
            -- Founding Backend Engineer\n\
            We are building the unified data platform, starting with a SQL editor.";
        let d = crate::parse::readers::hn::read_post(post).expect("a post");
        let ds = several_jobs(vec![d]);
        assert_eq!(
            titles(&ds),
            ["Founding Frontend Engineer", "Founding Backend Engineer"]
        );
        // Each keeps the shared text and leaves the other role out.
        assert!(ds[0].blocks.iter().any(|b| b.text.contains("SQL editor")));
        assert!(!ds[0].blocks.iter().any(|b| b.text.contains("Backend")));
    }

    #[test]
    fn a_list_of_roles_after_a_line_that_leads_into_them() {
        let md = "Osper is building a bank for children.\n\nCurrently hiring:\n\n\
            - Frontend (Phonegap, Backbone) developer\n\
            - Data Engineer - https://jobs.example/apply/42\n\n\
            Get in touch at jobs@example.com";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(
            titles(&ds),
            ["Frontend (Phonegap, Backbone) developer", "Data Engineer"]
        );
        // In German too ("Wir suchen:").
        let md = "Wir suchen:\n\n- Softwareentwickler (m/w/d)\n- Product Designer\n";
        assert_eq!(several_jobs(markdown::read(md).unwrap()).len(), 2);
    }

    #[test]
    fn a_line_leads_into_roles_across_a_line_of_where_and_how() {
        let md = "# Mavigex\n\nIn [Mavigex](https://www.mavigex.com) stiamo cercando:\n\n\
            **Bologna (ONSITE)**\n\n\
            * [Frontend Web & Mobile Developer](https://example.com/1)\n\
            * [Android / iOS Developer](https://example.com/2)\n\
            * [Full Stack Developer](https://example.com/3)\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(
            titles(&ds),
            [
                "Frontend Web & Mobile Developer",
                "Android / iOS Developer",
                "Full Stack Developer"
            ]
        );
        // A line of what the job asks is no such line: the list under it is not led.
        let md = "Stiamo cercando:\n\nEsperienza con Python richiesta da anni.\n\n\
            * lavoro in team\n* problem solving\n";
        assert!(several_jobs(markdown::read(md).unwrap()).len() <= 1);
    }

    #[test]
    fn headings_that_are_only_roles_names_are_a_list_of_roles() {
        let md = "# Career\n\n### Do you want to join us as a:\n\n\
            ### SCDF Registered Fire Safety Manager\n\n\
            ### Registered Workplace Safety and Health (WSHO)\n\n\
            ### Environmental Control Officer (ECO)\n\n\
            ### Please send your CV to hr@example.com\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(ds.len(), 3, "the heading among the roles is one too");
        assert_eq!(titles(&ds)[2], "Environmental Control Officer (ECO)");
        // Role headings over text of their own are read as sections, each its role's.
        let md = "### Fire Safety Manager\n\nKeep the site safe.\n\n### Control Officer\n\nWatch the plant.\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(ds.len(), 2);
    }

    #[test]
    fn roles_grouped_under_their_employers_headings_take_their_groups_introduction() {
        let md = "---\ntitle: Jobs Board\n---\n## Optiver\n\nOptiver is a market maker.\n\n\
            #### Software Engineer\n\nWrite Python at Optiver.\n\n\
            #### Production Engineer\n\nRun trading systems.\n\n\
            ## Sentry\n\nSentry builds error monitoring.\n\n\
            #### Senior Backend Engineer\n\nScale the ingestion pipeline.\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(ds.len(), 3);
        let text = |d: &Doc| {
            d.blocks
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert!(
            text(&ds[1]).contains("market maker") && !text(&ds[1]).contains("error monitoring")
        );
        assert!(
            text(&ds[2]).contains("error monitoring") && !text(&ds[2]).contains("market maker")
        );
    }

    #[test]
    fn a_heading_that_leads_into_roles_across_an_introduction() {
        let md = "# Lavora con noi\n\n## Posizioni aperte\n\n\
            Inviaci il tuo curriculum vitae, la passione per il giardinaggio è indispensabile.\n\n\
            &#10004; **Manutentore del verde**: richieste affidabilità e puntualità\n\n\
            &#10004; **Stagista**: preferibilmente diplomando in agraria\n\n\
            &#10004; **Aiutante giardiniere**: studenti in cerca di lavoro durante le vacanze\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(
            titles(&ds),
            ["Manutentore del verde", "Stagista", "Aiutante giardiniere"]
        );
        // A heading that says nothing of openings leads into nothing.
        let md = "# Lavora con noi\n\n## Il nostro team\n\nSiamo in tanti.\n\n- Manutentore del verde\n- Stagista\n";
        assert_eq!(several_jobs(markdown::read(md).unwrap()).len(), 1);
    }

    #[test]
    fn a_list_of_roles_that_say_what_each_is() {
        // Each entry names its role, then describes it; the header's role field sums them up.
        let post = "Acme | Systems, Infrastructure, BizOps | San Francisco (Onsite) | Full-time\n\
            We build GPUs.\n\
            Open roles:\n\
            - Software Engineer, C++ Systems ($215K-$325K + equity). Low-level work on the layer.\n\
            - Senior Engineer - build the beating heart of an exchange\n\
            - Platform Engineer - DevOps, Linux\n\
            - Business Operations Lead ($150K-$225K): https://jobs.example/1";
        let d = crate::parse::readers::hn::read_post(post).expect("a post");
        let ds = several_jobs(vec![d]);
        assert_eq!(
            titles(&ds),
            [
                "Software Engineer, C++ Systems ($215K-$325K + equity)",
                "Senior Engineer",
                "Platform Engineer - DevOps, Linux",
                "Business Operations Lead ($150K-$225K)"
            ]
        );
    }

    #[test]
    fn a_hacker_news_posts_roles_on_lines_of_their_own_under_a_lead() {
        let post = "CaseWare | Toronto, Canada | Full-time | Multiple Positions | Onsite\n\
            We are looking for experienced developers to build our cloud services.\n\
            We're actively hiring for the following positions:\n\
            DevOps Engineer\n\
            Server Developer (Java)\n\
            Software Engineer: Web & Mobile (NYC)\n\
            Distributed Systems Engineer: $130-180K\n\
            Our stack: Docker, Kubernetes, AWS, Java, Scala.";
        let d = crate::parse::readers::hn::read_post(post).expect("a post");
        let ds = several_jobs(vec![d]);
        assert_eq!(
            titles(&ds),
            [
                "DevOps Engineer",
                "Server Developer (Java)",
                "Software Engineer: Web & Mobile (NYC)",
                "Distributed Systems Engineer"
            ]
        );
        // Without the lead, lines in the body are not a list of roles.
        let post = "CaseWare | Toronto, Canada | Onsite\n\
            We build cloud services for accountants in many countries.\n\
            DevOps Engineer\n\
            Server Developer (Java)\n\
            Apply at https://example.com/careers";
        let d = crate::parse::readers::hn::read_post(post).expect("a post");
        assert_eq!(several_jobs(vec![d]).len(), 1);
    }

    #[test]
    fn a_hacker_news_posts_list_of_roles_anywhere_in_it() {
        // No line leads into it: each entry is a role's name all the same.
        let post = "NGP VAN | Washington, DC and Boston, MA\n\
            Have you heard about this guy?\n\
            - DevOps Engineer (DC or Boston)\n\
            - Data Developer (Boston)\n\
            - UX Designer (Boston)\n\
            NGP VAN is the leading political technology firm.";
        let d = crate::parse::readers::hn::read_post(post).expect("a post");
        let ds = several_jobs(vec![d]);
        assert_eq!(
            titles(&ds),
            [
                "DevOps Engineer (DC or Boston)",
                "Data Developer (Boston)",
                "UX Designer (Boston)"
            ]
        );
        assert!(ds[2].blocks.iter().any(|b| b.text.contains("political")));
        // Entries that open with their role and say what it is; the apply link of each on a
        // line of its own.
        let post = "Vurb | San Francisco, CA\n\
            Why us? A small team and a hard problem.\n\
            - Full-stack Engineer - generalist opportunities across the stack\n\
            https://jobs.example/1\n\
            - Marketing and Growth Lead - experience marketing consumer products\n\
            https://jobs.example/2\n\
            - Product Designer";
        let d = crate::parse::readers::hn::read_post(post).expect("a post");
        assert_eq!(
            titles(&several_jobs(vec![d])),
            [
                "Full-stack Engineer",
                "Marketing and Growth Lead",
                "Product Designer"
            ]
        );
        // A header that names a kind of role in the plural sums up the roles listed.
        let post = "Acme | Hiring Software Engineers | Santa Monica, CA\n\
            We are continuing to expand our technology team.\n\
            - Back-End Engineers (Jr., Mid, and Sr.)\n\
            - Sr. Front-End Engineers\n\
            - QA Automation Engineers";
        let d = crate::parse::readers::hn::read_post(post).expect("a post");
        assert_eq!(several_jobs(vec![d]).len(), 3);
    }

    #[test]
    fn a_list_of_roles_with_an_entry_that_says_more() {
        // Under a lead, an entry that is no role's name stays in every job's text; a remark in
        // brackets leaves the role's name; a level's short form is no sentence break.
        let post = "CU LASP | Boulder, CO | ONSITE\n\
            We're currently filling a number of engineering positions:\n\
            - Flight Software Engineer\n\
            - Sr. Systems Engineer\n\
            - Client Success Manager (our first)\n\
            - Several research and student positions also available";
        let d = crate::parse::readers::hn::read_post(post).expect("a post");
        let ds = several_jobs(vec![d]);
        assert_eq!(
            titles(&ds),
            [
                "Flight Software Engineer",
                "Sr. Systems Engineer",
                "Client Success Manager"
            ]
        );
        assert!(ds[0].blocks.iter().any(|b| b.text.contains("student")));
        // Among entries that each open with a role and say what it is, one of that shape whose
        // role the vocabulary does not know.
        let post = "OneDot | Zurich | ONSITE\n\
            We are looking for:\n\
            - Senior Machine Learning Engineer - you will work on our core backend.\n\
            - Senior Backend Scala engineer - you will build our well-tested backend.\n\
            - Data Wrangling Wizard - you will help our customers adjust their data.";
        let d = crate::parse::readers::hn::read_post(post).expect("a post");
        assert_eq!(several_jobs(vec![d]).len(), 3);
    }

    #[test]
    fn a_hacker_news_posts_list_of_duties_or_wants_is_no_list_of_roles() {
        for list in [
            "- Take over as tech lead on existing analytics application\n\
             - Architect and build new web applications and internal tools\n\
             - Work with and help lead a team of remote developers",
            "- A smart and driven developer that is motivated to build\n\
             - Ability to contribute day one and become an owner of the backend\n\
             - Experience as a software engineer",
        ] {
            let post = format!("Acme | Senior Engineer | NYC\nAbout the role.\n{list}");
            let d = crate::parse::readers::hn::read_post(&post).expect("a post");
            assert_eq!(several_jobs(vec![d]).len(), 1, "{list}");
            let post = format!("Acme | NYC | Full-time\nWe build things.\n{list}");
            let d = crate::parse::readers::hn::read_post(&post).expect("a post");
            assert_eq!(several_jobs(vec![d]).len(), 1, "{list}");
        }
    }

    #[test]
    fn two_roles_named_in_a_sentence() {
        let post = "MTA (trains and buses) | Full-time | NYC | 3x/week in office (onsite)\n\
            We're hiring one product manager and one software engineer.\n\
            Our team works on all the screens in the subway.";
        let d = crate::parse::readers::hn::read_post(post).expect("a post");
        let ds = several_jobs(vec![d]);
        assert_eq!(titles(&ds), ["product manager", "software engineer"]);
        assert!(ds[1].blocks.iter().any(|b| b.text.contains("subway")));
        // A header that names the role: the sentence says more of it, no second job.
        let post = "Acme | Senior Engineer | NYC\n\
            We're looking for an engineer and a designer to join.";
        let d = crate::parse::readers::hn::read_post(post).expect("a post");
        assert_eq!(several_jobs(vec![d]).len(), 1);
        // Not roles: "a mission and a team".
        let post = "Acme | NYC | Full-time\nWe're looking for a challenge and a team.";
        let d = crate::parse::readers::hn::read_post(post).expect("a post");
        assert_eq!(several_jobs(vec![d]).len(), 1);
    }

    #[test]
    fn lists_of_roles_that_are_not_the_posts_own() {
        // Nothing leads into them as openings: the people you will work with.
        let md = "You will work closely with:\n\n- Product Designer\n- Data Scientist\n";
        assert_eq!(several_jobs(markdown::read(md).unwrap()).len(), 1);
        // Duties, not roles.
        let md = "We are hiring:\n\n- Work with the product team on new features every day\n\
            - Own our deployment pipeline and its monitoring end to end\n";
        assert_eq!(several_jobs(markdown::read(md).unwrap()).len(), 1);
        // A page about one job that lists others.
        let md = "# Senior Rust Engineer\n\nBuild our engine.\n\nOther open positions:\n\n\
            - Product Designer\n- Data Scientist\n";
        let ds = several_jobs(markdown::read(md).unwrap());
        assert_eq!(titles(&ds), ["Senior Rust Engineer"]);
        // Outside a Hacker News post, a list right at the top needs a line leading into it.
        let ds = several_jobs(crate::parse::readers::text::read(
            "- Product Designer\n- Data Scientist\nWe are a small team.",
        ));
        assert_eq!(ds.len(), 1);
    }

    #[test]
    fn a_numbered_heading_without_its_dot() {
        assert_eq!(
            unnumbered("2 Nu Colombia - Engineer"),
            "Nu Colombia - Engineer"
        );
        assert_eq!(unnumbered("10 years of Acme"), "10 years of Acme");
        assert_eq!(unnumbered("1. Designer"), "Designer");
        assert_eq!(unnumbered("2.1. Data Engineer"), "Data Engineer");
        assert_eq!(unnumbered("2.1 Data Engineer"), "Data Engineer");
        assert_eq!(unnumbered("1.5 years of Rust"), "1.5 years of Rust");
        assert_eq!(outline_depth("2.1.1. Duties"), Some(3));
        assert_eq!(outline_depth("Duties"), None);
    }
}
