//! Who is hiring: the company, from labelled facts (a JSON key, JSON-LD `hiringOrganization`,
//! "Company:", an e-mail's Organization, a header line), the title's wrapper ("… at Acme",
//! "Acme recrute …"), an ATS link's account name confirmed by the text
//! (`jobs.lever.co/voltus` and "Voltus"), or the employer-shaped phrases of the text ("At Acme,
//! we…", "Acme is hiring"). A value that is a label, a heading, a place list, a list of
//! languages or a comment header is no company.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::super::doc::{Key, Origin};
use super::super::places;
use super::super::vocab::{self, fold, norm_label, roomy_regex, vocab};
use super::{Cand, Ctx, TEXT, pick};
use crate::posting::{Field, FieldSource};

/// A capitalized name of up to four words ("Postman", "Open Technology Fund", "AT&T").
/// Names may start lowercase when a capital follows ("d-Matrix", "eBay", "iRobot").
const NAME: &str = r"(?:[A-Z0-9]|[a-z]{1,2}[-.]?[A-Z])[\w&.'’+-]*(?:[ \t]+(?:[A-Z0-9][\w&.'’+-]*|&|of|and|de|du|la|für|ltd\.?|inc\.?|llc|(?:und|et|y|og|och|van|von|del|di|da|the)[ \t]+[A-Z][\w&.'’+-]*)){0,3}";

/// Words that start sentences or name generic things, never a company (the languages'
/// `[company] not_names`).
fn is_generic(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or(name);
    vocab().not_names.contains(first) || name.len() < 2 || name.chars().all(|c| c.is_ascii_digit())
}

/// The employer's name as the text uses it: names in employer-shaped phrases ("At X, we",
/// "X is a", "Join X", "X is an Equal Opportunity Employer"), weighted by how often they occur.
pub fn company_from_text(text: &str) -> Option<String> {
    company_in(text, false)
}

/// [`company_from_text`]; with `boards_send`, the text is a job board's (an alert e-mail it
/// sent) and a board's name in it is the sender, not the employer ("ZipRecruiter provides pay
/// estimates"). Elsewhere a board may well be the employer ("Workday is hiring").
pub fn company_in(text: &str, boards_send: bool) -> Option<String> {
    // Each pattern with its weight and whether its verb comes after the name ("Acme sucht").
    static PATTERNS: LazyLock<Vec<(Regex, i32, bool)>> = LazyLock::new(|| {
        let r = |p: String, w| (roomy_regex(&p).expect("valid regex"), w, false);
        vec![
            // "At Acme, we…", "At Leadtech we work hard".
            r(format!(r"\bAt\s+(?P<c>{NAME})(?:\s*,)?\s+(?:we|our)\b"), 4),
            r(
                format!(
                    r"(?m)(?:^[ \t]*|[.!?]\s+)(?:The\s+)?(?P<c>{NAME})(?:\s*\([^)\n]{{1,60}}\))?(?:,\s+an?\s+[^,\n]{{1,40}},)?\s+(?:is|are)\s+(?:a|an|the|on\s+a\s+mission|building|transforming|reinventing|revolutionizing|redefining|changing|helping|growing|committed|dedicated)\s"
                ),
                3,
            ),
            // "As a Software Engineer at SentiLink, you will…"
            r(
                format!(r"\bAs\s+(?:an?|the|our)\s+[^,.\n]{{3,60}}?\s+at\s+(?P<c>{NAME})\s*,"),
                4,
            ),
            // "Inovalon’s SAAS services": a weak hint, counted with the name's other mentions.
            r(format!(r"(?P<c>{NAME})(?:’s|'s)\s"), 1),
            // "Acme is hiring…", "Acme (YC S15) in New York City is looking for…" at a line start.
            r(
                format!(
                    r"(?m)(?:^\s*|[.!?]\s+)(?:The\s+)?(?P<c>{NAME})(?:\s*\([^)\n]{{1,80}}\))?(?:,?\s+(?:in|based\s+in)\s+[^\n]{{2,40}}?)?,?\s+(?:is|are)\s+(?:hiring|looking\s+for|seeking|searching\s+for|recruiting)\b"
                ),
                5,
            ),
            r(
                format!(
                    r"(?m)(?:^|[.!?]\s+)(?P<c>{NAME})\s+(?:is|are)\s+(?:an?\s+)?(?:Equal|EEO|proud)"
                ),
                5,
            ),
            // "Facile.it è…", "Genesis RH, est une agence…" (a comma after the subject, as
            // French writes it at times).
            r(
                format!(
                    r"(?m)(?:^[ \t]*|[.!?]\s+)(?P<c>{NAME}),?\s+(?:est|ist|è|es|é|är|jest|is)\s+(?:une?|eine?|una?|uma?|een|ett|en|a|an|the|in|la|le|il|o|die|der|das|ein|leader|leading|spécialisée?|specializzat[ao])\s"
                ),
                2,
            ),
            r(
                format!(
                    r"(?m)(?:^[ \t]*|[.!?]\s+)(?:The\s+)?(?P<c>{NAME})\s+(?:offers|provides|builds|helps|makes|was\s+(?:founded|established|created|started|born)|is\s+headquartered)\b"
                ),
                2,
            ),
        ]
        .into_iter()
        .chain(employer_phrase_patterns())
        .collect()
    });
    let scan = crate::parse::scan::Scan::new(text);
    let mut scores: HashMap<String, i32> = HashMap::new();
    // "LEFT JOIN LATERAL (": a query's join, no invitation to join an employer.
    let sql_join = |m: regex::Match<'_>| {
        let at = m.start() + m.as_str().len()
            - m.as_str()
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let joins = scan.text()[at..]
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("join"));
        let before = scan.text()[..at].trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        joins
            && [
                "left", "right", "inner", "outer", "cross", "full", "natural",
            ]
            .iter()
            .any(|q| word.eq_ignore_ascii_case(q))
    };
    // "Därför söker vi …", "Deshalb sucht man …": a pronoun after the verb is its subject,
    // the word before it no employer.
    let subject_after = |m: regex::Match<'_>, verb_last: bool| {
        if !verb_last {
            return false;
        }
        let next = scan.text()[m.end()..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        next.starts_with(char::is_lowercase)
            && vocab().not_names.iter().any(|n| n.to_lowercase() == next)
    };
    for (re, weight, verb_last) in PATTERNS.iter() {
        for c in re.captures_iter(scan.text()) {
            if c.get(0)
                .is_some_and(|m| sql_join(m) || subject_after(m, *verb_last))
            {
                continue;
            }
            // "King’s College London": the possessive starts a longer name.
            if c.name("c")
                .is_some_and(|m| continues_name(&scan.text()[m.end()..]))
            {
                continue;
            }
            let name = trim_name(c.name("c").map_or("", |m| scan.original(m.range())));
            let board = boards_send && is_platform(name);
            if !name.is_empty() && !is_generic(name) && !board {
                *scores.entry(name.to_string()).or_default() += weight;
            }
        }
    }
    // Names repeated throughout the text are more likely the employer; a mention that goes on
    // as a longer name ("House" of "House of Lords") is that name's.
    for (name, score) in scores.iter_mut() {
        let mentions = text
            .match_indices(name.as_str())
            .filter(|(at, n)| !continues_name(&text[at + n.len()..]))
            .count()
            .min(10) as i32;
        *score += mentions;
    }
    scores
        .into_iter()
        .filter(|(_, s)| *s >= 4)
        // Ties: the shorter name, then the first in byte order — never the map's order, so the
        // same text always gives the same company.
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(b.0.len().cmp(&a.0.len()))
                .then(b.0.cmp(&a.0))
        })
        .map(|(n, _)| n)
}

/// The languages' employer phrases ([`vocab::EmployerPhrases`]) as patterns with their weights:
/// "Bei Acme, …" (4), "Join Acme" / "Välkommen till Variant" (2), a line "About Acme" / "Om
/// Variant" (4), "Acme recrute" at a sentence's start (4).
fn employer_phrase_patterns() -> Vec<(Regex, i32, bool)> {
    let e = &vocab().employer;
    let alt = |words: &[String]| {
        words
            .iter()
            .map(|w| regex::escape(w).replace(' ', r"\s+"))
            .collect::<Vec<_>>()
            .join("|")
    };
    let mut out = Vec::new();
    // Each with whether its verb comes after the name ("Acme sucht"): a subject may follow it.
    let mut add = |words: &[String], pattern: &dyn Fn(&str) -> String, weight, verb_last| {
        if !words.is_empty() {
            out.push((
                roomy_regex(&pattern(&alt(words))).expect("employer phrases compile"),
                weight,
                verb_last,
            ));
        }
    };
    add(
        &e.at,
        &|a| format!(r"\b(?:{a})\s+(?P<c>{NAME})\s*,"),
        4,
        false,
    );
    // The phrase's first letter in either case ("to join Acme").
    add(
        &e.lead_ins,
        &|a| format!(r"(?:^|[^\w])(?i:{a})\s+(?P<c>{NAME})\b"),
        2,
        false,
    );
    add(
        &e.about,
        &|a| format!(r"(?m)^(?:{a})\s+(?P<c>{NAME})\s*$"),
        4,
        false,
    );
    add(
        &e.hires,
        // At a sentence's start, or after a label ("Description du poste: Elite Force ltd. recherche…");
        // "The University of Virginia Press seeks…": the article is no part of the name, as in
        // the English patterns above.
        &|a| format!(r"(?m)(?:^[ \t]*|[.!?:]\s+)(?:The\s+)?(?P<c>{NAME})\s+(?:{a})\b"),
        4,
        true,
    );
    out
}

/// Whether the text after a name's mention goes on with more of a longer name: " of Lords",
/// or a possessive before an organization noun ("King’s College London" is no mention of
/// King); "Amazon's New Product team" is Amazon's.
fn continues_name(after: &str) -> bool {
    let rest = [" of ", " for "].iter().find_map(|p| after.strip_prefix(p));
    let possessive = ["’s ", "'s "]
        .iter()
        .find_map(|p| after.strip_prefix(p))
        .is_some_and(|r| {
            vocab()
                .org_nouns
                .iter()
                .any(|n| !n.contains(' ') && r.starts_with(n.as_str()))
        });
    possessive || rest.is_some_and(|r| r.starts_with(char::is_uppercase))
}

fn trim_name(s: &str) -> &str {
    s.trim()
        .trim_end_matches(['.', '\'', '’'])
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim()
}

/// What follows an invitation to an employer that opens a line ("Careers at Acme", "Werken bij
/// Kaap Noord": the languages' `[company] lead_ins`, in either case).
pub fn after_lead_in(line: &str) -> Option<&str> {
    let rest = vocab().employer.lead_ins.iter().find_map(|w| {
        let rest = line.get(w.len()..)?;
        (line.get(..w.len())?.eq_ignore_ascii_case(w) && rest.starts_with(' ')).then_some(rest)
    })?;
    // "Karriere bei der Ahorn-Apotheke": the article the phrase needs is no part of the name.
    Some(after_phrase_article(rest))
}

/// A name after a phrase ("bei der Ahorn-Apotheke", "at the Texas Tribune") without the article
/// the phrase needs, in either case, when a capitalised name follows it; else as it was.
pub(crate) fn after_phrase_article(rest: &str) -> &str {
    match rest.trim_start().split_once(' ') {
        Some((first, name))
            if name.starts_with(char::is_uppercase)
                && vocab()
                    .name_articles
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(first)) =>
        {
            name
        }
        _ => rest,
    }
}

/// The employer a careers page's own heading names, the line saying nothing else: an
/// invitation before the name ("Werken bij Kaap Noord", "Stellenangebote bei Hof und Gut in
/// Jesteburg", the languages' `[company] lead_ins`), or the page's words on the other side of a
/// bar or dash ("Careers | Acme", "Acme – Vacatures", `[company] page_heads`). None for any
/// other line: "Latest Jobs" or "Current Openings" name no employer before the page's words.
pub fn employer_of_page_heading(line: &str) -> Option<String> {
    page_heading(line).map(|(name, _)| name)
}

/// [`employer_of_page_heading`], with the place the heading gives after the name ("… in
/// Jesteburg").
pub fn page_heading(line: &str) -> Option<(String, Option<String>)> {
    let line = line.trim().trim_end_matches(['!', '.', '?', ':']).trim();
    let mut place = None;
    let v = vocab();
    let head = |s: &str| v.page_heads.contains(&s.trim().to_lowercase());
    let name = if let Some(rest) = after_lead_in(line) {
        // "… in Jesteburg": where the employer is, no part of its name — a place the
        // gazetteer knows, or a town's name of a word or two.
        let rest = rest.trim();
        let town = |p: &str| {
            let words: Vec<&str> = p.split_whitespace().collect();
            (1..=2).contains(&words.len())
                && words.iter().all(|w| w.starts_with(char::is_uppercase))
        };
        match rest
            .rsplit_once(" in ")
            .filter(|(_, p)| places::mentions_place(p) || town(p))
        {
            Some((name, p)) => {
                place = Some(p.trim().to_string());
                name
            }
            None => rest,
        }
    } else if let Some((a, b)) = [" | ", " - ", " – ", " — "]
        .iter()
        .find_map(|sep| line.split_once(sep))
    {
        match (head(a), head(b)) {
            (true, false) => b,
            (false, true) => a,
            _ => return None,
        }
    } else {
        return None;
    };
    let name = trim_name(without_article(name.trim()));
    let starts_as_name = name.chars().next().is_some_and(|c| !c.is_lowercase());
    // "Jobs | Python", "Careers - Berlin": a page of a skill's or a place's jobs; "Jobs |
    // Indeed": a board's own page.
    let topic = super::skills::vocabulary().canonical(name).is_some()
        || places::mentions_place(name)
        || is_platform(name);
    // "Why Choose Us": a phrase with a word no name has ("Us", "Our"), not a name.
    let phrase = name
        .split_whitespace()
        .any(|w| vocab().not_names.contains(w));
    // A name as it stands, that needs no tidying: "Work at Home Jobs" names a kind of job.
    (starts_as_name && name.split_whitespace().count() <= 5 && !phrase && !topic)
        .then(|| clean_company(name))
        .flatten()
        .filter(|c| c == name)
        .map(|c| (c, place))
}

/// A wrapper's name without the words that say what it lists ("Varma jobs" → "Varma",
/// "StateJobsNY - Vacancy Postings" → "StateJobsNY", `[company] name_tails`); None when nothing
/// but such words and words no name has is left ("PhD Scholarships Feed": a feed's name).
pub fn before_list_words(name: &str) -> Option<String> {
    let tails = &vocab().name_tails;
    let is_tail = |w: &str| tails.contains(&w.to_lowercase());
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let all = words.len();
    while words.last().is_some_and(|w| is_tail(w)) {
        words.pop();
    }
    if words
        .last()
        .is_some_and(|w| ["-", "–", "|", ":"].contains(w))
    {
        words.pop();
    }
    if words.len() == all {
        return Some(name.to_string());
    }
    let rest = words.join(" ");
    let named = words
        .iter()
        .any(|w| !is_tail(w) && !vocab().not_names.contains(*w));
    named.then_some(rest)
}

/// A name without the article a sentence puts before it ("Die LanguageTooler GmbH"): the
/// article is not part of it.
fn without_article(mut name: &str) -> &str {
    while let Some((first, rest)) = name.split_once(' ')
        && vocab().name_articles.contains(first)
    {
        name = rest.trim_start();
    }
    name
}

/// What a bracket before a legal form may say of the registration, not the name: its year or
/// its country ("Banham Poultry (2018) Limited", "Acme (UK) Ltd").
const REGISTRATION: &str = r"(?:\d{4}|UK|U\.K\.|EU|Europe|International|Holdings)";

/// The patterns of names with a legal form or an organization noun, each with whether it is an
/// organization noun's (those names count from a second mention: a degree "from an accredited
/// University" is not the employer).
fn legal_name_patterns() -> Vec<(Regex, bool)> {
    let v = vocab();
    let alt = |forms: &[String], cjk: bool| {
        forms
            .iter()
            .filter(|f| f.chars().any(super::super::vocab::unspaced) == cjk)
            // A dotted form's last dot is often left off ("S.p.A", "G.m.b.H").
            .map(|f| match f.strip_suffix('.') {
                Some(stem) if stem.contains('.') => format!(r"{}\.?", regex::escape(stem)),
                _ => regex::escape(f),
            })
            .collect::<Vec<_>>()
            .join("|")
    };
    let word = r"[\p{Lu}\d][\p{L}\d&'’.\-]*";
    // A name does not run over a line's end ("Universität Paderborn" / "Warburger Str.").
    let sp = r"[ \t\u{a0}]+";
    // After a legal form, a CJK name is a run of Han, Katakana or Latin letters, which a
    // Hiragana particle ends ("株式会社イルナは月…" → "株式会社イルナ"), or a name in Hiragana
    // alone ("株式会社ぐるなび").
    let cjk_name = r"(?:[\p{Han}\p{Katakana}ー（）()A-Za-z0-9]{1,20}|[\p{Hiragana}ー]{2,12})";
    let mut out = Vec::new();
    let suffix = alt(&v.legal_suffixes, false);
    if !suffix.is_empty() {
        out.push((
            // Small words inside the name only before a capital ("Bank of Nova Scotia Ltd",
            // "Gesellschaft für Baustoffe mbH", "Banco de Crédito S.A.").
            format!(
                r"(?P<n>{word}(?:{sp}(?:(?:of|für|und|&|de|du|des|di|del|da|do|van|von|y|et){sp})?{word}){{0,4}}(?:{sp}\({REGISTRATION}\))?,?{sp}(?:{suffix}))(?:[^\p{{L}}\d]|$)"
            ),
            false,
        ));
    }
    let prefix = alt(&v.legal_prefixes, false);
    // After a legal form, a name in quotes is one piece ("ТОВ «Нова Пошта»", "КП ММР
    // «МИКОЛАЇВПСТРАНС»").
    let unit = format!(r#"(?:[«“„"][^»”“"\n]{{1,60}}[»”“"]|{word})"#);
    if !prefix.is_empty() {
        out.push((
            format!(r"(?:^|[^\p{{L}}])(?P<n>(?:{prefix}){sp}{unit}(?:{sp}{unit}){{0,4}})"),
            false,
        ));
    }
    let nouns = alt(&v.org_nouns, false);
    if !nouns.is_empty() {
        out.push((format!(
            // Small words inside the name only before a capital ("Gemeente Wijk bij Duurstede",
            // "Stadt Frankfurt am Main", "Department of Veterans Affairs").
            r"(?P<n>(?:{nouns}){sp}(?:(?:of|for|für|de|di|del|do|da|van|für){sp})?\p{{Lu}}[\p{{L}}\-]+(?:{sp}(?:(?:of|and|und|bij|op|aan|den|der|van|am|an|im|sur|de|del|di|do|da){sp})?\p{{Lu}}[\p{{L}}\-]+){{0,5}})"
        ), true));
    }
    let cjk_suffix = alt(&v.legal_suffixes, true);
    if !cjk_suffix.is_empty() {
        // The name before a legal form is a run of Han, Katakana or Latin letters: a
        // Hiragana particle ends it ("弊社は三共電気株式会社" → "三共電気株式会社").
        let before = r"[\p{Han}\p{Katakana}ー（）()A-Za-z0-9]";
        out.push((format!(r"(?P<n>{before}{{2,20}}?(?:{cjk_suffix}))"), false));
    }
    let cjk_prefix = alt(&v.legal_prefixes, true);
    if !cjk_prefix.is_empty() {
        out.push((format!(r"(?P<n>(?:{cjk_prefix})\s?{cjk_name})"), false));
    }
    out.iter()
        .map(|(p, org)| (Regex::new(p).expect("legal name patterns compile"), *org))
        .collect()
}

/// Whether a last word of an organization's name is what the page says of it, not the name
/// ("Recruitment", "Vacancies", "Careers").
fn org_name_tail(w: &str) -> bool {
    vocab().name_tails.contains(&w.to_lowercase())
}

/// Organization names the text writes with their legal form or an organization noun
/// ("LanguageTooler GmbH", "PT Logique Digital Indonesia", "株式会社イルナ", "Universität
/// Paderborn", "Department of Veterans Affairs"), the most mentioned first, each with its
/// number of mentions and whether it is a name by an organization noun only.
pub fn legal_names(text: &str) -> Vec<(String, usize, bool)> {
    let mut found = written_organizations(text);
    found.retain(|f| !f.2 || f.1 >= 2);
    found
}

/// The name a short piece (a title's head) writes as an organization's, with its legal form
/// or an organization noun, mentioned once or more ("Boulder County Department of Housing and
/// Human Services" → "Department of Housing and Human Services").
pub fn organization_in(piece: &str) -> Option<String> {
    written_organizations(piece).into_iter().next().map(|f| f.0)
}

/// [`legal_names`], a name by an organization noun counted from its first mention.
fn written_organizations(text: &str) -> Vec<(String, usize, bool)> {
    static RES: LazyLock<Vec<(Regex, bool)>> = LazyLock::new(legal_name_patterns);
    let mut found: Vec<(String, usize, usize, bool)> = Vec::new();
    for (re, org) in RES.iter() {
        for c in re.captures_iter(text).take(50) {
            let Some(m) = c.name("n") else { continue };
            let mut name = m
                .as_str()
                .trim()
                .trim_end_matches([',', '.', ')', '）'])
                .to_string();
            name = without_generic_prefix(without_article(&name)).to_string();
            // "Banham Poultry (2018) Limited": the year of its registration (or its country)
            // in brackets before the legal form is no part of the name shown.
            static REGISTERED: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(&format!(r" \({REGISTRATION}\)")).expect("valid regex")
            });
            if name.contains(" (") {
                name = REGISTERED.replace(&name, "").into_owned();
            }
            // "Department of Posts Recruitment": what the page is about after the name.
            while let Some((head, last)) = name.rsplit_once(' ')
                && org_name_tail(last)
            {
                name = head.to_string();
            }
            // "三共電気株式会社は" / "三共電気株式会社　採用担当者より": a legal form written after
            // the name it ends is no prefix of what follows it.
            let after_name = text[..m.start()].chars().next_back().is_some_and(|c| {
                super::super::vocab::unspaced(c) && !matches!(c, '\u{3040}'..='\u{309f}')
            });
            let bare_form = after_name
                && vocab()
                    .legal_prefixes
                    .iter()
                    .any(|p| name.starts_with(p.as_str()));
            // "Laboratory Technician" (an organization noun, then a role's): a role, not its
            // employer.
            let role = *org && super::title::ends_with_role(&name).is_some();
            // A legal form wrapped onto the next line ("(Gani Software" / "Pty Ltd)"): the
            // capitalised words ending the line above are its name.
            if only_legal_form(&name)
                && let Some(head) = name_ending_line_above(&text[..m.start()])
            {
                name = format!("{head} {name}");
            }
            if bare_form
                || role
                || only_legal_form(&name)
                || name.chars().count() < 3
                || is_generic(&name)
                || !is_company_name(&name)
            {
                continue;
            }
            match found.iter_mut().find(|f| f.0 == name) {
                Some(f) => f.1 += 1,
                None => found.push((name, 1, m.start(), *org)),
            }
        }
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    found.into_iter().map(|f| (f.0, f.1, f.3)).collect()
}

/// The capitalised words that end the line above a position (the line itself empty before
/// it): "Gani Software" of "…perusahaan kami (Gani Software \n". None when the line above ends a
/// sentence or with a word in lower case.
fn name_ending_line_above(before: &str) -> Option<String> {
    let before = before.trim_end_matches([' ', '\t']);
    let above = before.strip_suffix('\n')?.trim_end_matches('\r').trim_end();
    let mut words: Vec<&str> = Vec::new();
    for w in above.rsplit(' ') {
        let bare = w.trim_start_matches(['(', '[', '"', '“']);
        let capital = bare
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !capital || bare.ends_with(['.', ',', ';', ':', '!', '?']) || words.len() == 4 {
            break;
        }
        words.push(bare);
        if bare.len() != w.len() {
            break;
        }
    }
    words.reverse();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Whether a name is only a legal form, its name left on a line above ("(Gani Software" /
/// "Pty Ltd)"): "Pty Ltd", "GmbH & Co. KG".
fn only_legal_form(name: &str) -> bool {
    let v = vocab();
    let mut rest = name.trim();
    loop {
        let before = rest;
        for f in v.legal_suffixes.iter().chain(&v.legal_prefixes) {
            if rest.eq_ignore_ascii_case(f) {
                return true;
            }
            if let Some(r) = rest.strip_suffix(f.as_str()) {
                rest = r.trim_end_matches([' ', ',', '&']).trim_end();
            }
        }
        if rest.is_empty() {
            return true;
        }
        if rest == before {
            return false;
        }
    }
}

/// A name without a word in front that only means "company" ("Công ty VNPT EPAY" → "VNPT
/// EPAY"); a longer legal prefix stays ("Công ty TNHH Phần mềm NSC").
fn without_generic_prefix(name: &str) -> &str {
    let v = vocab();
    let longer = v
        .legal_prefixes
        .iter()
        .any(|p| !v.generic_prefixes.contains(p) && name.starts_with(&format!("{p} ")));
    if longer {
        return name;
    }
    v.generic_prefixes
        .iter()
        .find_map(|p| name.strip_prefix(p.as_str())?.strip_prefix(' '))
        .filter(|rest| rest.starts_with(char::is_uppercase))
        .unwrap_or(name)
}

/// A company value, tidied ("Acme\n4.1" → "Acme", "Foxpass (YC S15)" → "Foxpass", "Acme
/// logo" → "Acme", "Acme Careers" → "Acme"), or None when it is not a company name at all.
/// Whether a value says when, not who: a relative date, alone or after one word ("Activo hace
/// 5 días" under a board's "Employer" label: the employer was active then).
fn says_when(s: &str) -> bool {
    let day = time::Date::from_calendar_date(2026, time::Month::January, 1).expect("valid date");
    let after_word = s.split_once(' ').map_or("", |(_, rest)| rest);
    crate::dates::parse_relative(s, day).is_some()
        || crate::dates::parse_relative(after_word, day).is_some()
}

pub fn clean_company(raw: &str) -> Option<String> {
    static URL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(?\[?\s*https?://\S+").expect("valid regex"));
    static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b\d+\s+points?\s+by\b|\b\d+\s+\w+\s+ago\b|\|\s*(?:parent|next|prev)\b")
            .expect("valid regex")
    });
    let mut lines: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // A rating glued under the name ("Ericsson-Worldwide\n3.9").
    while lines.len() > 1
        && lines
            .last()
            .is_some_and(|l| l.parse::<f32>().is_ok_and(|r| (0.0..=5.0).contains(&r)))
    {
        lines.pop();
    }
    let joined = lines.join(" ");
    if COMMENT.is_match(&joined) || says_when(&joined) {
        return None;
    }
    let s = URL.replace_all(&joined, " ");
    let mut s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // A labelled note after the name ("KS Talent Solutions, EA Licence No: 16S8081", an
    // agency's licence): the name before it.
    if let Some((name, note)) = s.split_once(", ")
        && note.contains(':')
        && !name.contains(':')
        && name.chars().count() >= 2
    {
        s = name.trim().to_string();
    }
    // Notes in brackets after the name ("(YC S15)", "[http://…]", "UNICEF Job Vacancies
    // (Filtered)"), taken off before a board's words for its list — but not a bracket inside a
    // registered name ("EUROPA (Trinidad & Tobago) Ltd").
    if let Some(i) = s.find(['(', '['])
        && i > 0
        && !inside_legal_name(&s[i..])
        && !acronym_of(&s[..i], &s[i..])
    {
        s = s[..i].trim().to_string();
    }
    for suffix in [
        " logo",
        " Logo",
        " Careers",
        " careers",
        " Career Site",
        " Current Job Openings",
        " Current Openings",
        " Job Vacancies",
        " Vacancies",
        " Job Openings",
        " Jobs",
        " jobs",
        " Job Board",
        " Hiring",
        " Karriere",
        // SAP SuccessFactors names its RSS feeds "Acme - Custom Search".
        " - Custom Search",
    ] {
        if let Some(x) = s.strip_suffix(suffix) {
            s = x.trim().to_string();
        }
    }
    // The employer's town after its name: "Wargaming, Minsk" → "Wargaming".
    if let Some((name, tail)) = s.rsplit_once(", ")
        && places::place_kind(tail) == Some(places::PlaceKind::City)
        && tail.chars().count() > 3
        && !name.trim().is_empty()
        && !name.contains(':')
        && !places::mentions_place(name)
    {
        s = name.trim().to_string();
    }
    // A part of the employer after its name: "DIS AG Geschäftsbereich Finance" → "DIS AG"; the
    // board that passed the job on: "Maastricht University via AcademicTransfer".
    let v = vocab();
    if let Some(i) = v
        .company_divisions
        .iter()
        .chain(&v.company_relays)
        .filter_map(|d| s.find(&format!(" {d} ")))
        .min()
    {
        s.truncate(i);
    }
    let s = without_generic_prefix(
        s.trim()
            .trim_end_matches([',', '-', ':', '–', '—', ';', '|', '/'])
            .trim(),
    )
    .to_string();
    is_company_name(&s).then_some(s)
}

/// Whether a bracket is all that follows a name and holds its initials ("World Meteorological
/// Organization (WMO)", "International Criminal Court (ICC)"): the name's own short form, kept
/// with it as the employer writes it.
fn acronym_of(name: &str, bracket: &str) -> bool {
    let Some(inner) = bracket.strip_prefix('(').and_then(|b| b.strip_suffix(')')) else {
        return false;
    };
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    inner.len() >= 2 && inner.chars().all(|c| c.is_ascii_uppercase()) && inner == initials
}

/// Whether a bracket and what follows it ("(Trinidad & Tobago) Ltd") end in a legal form, or
/// the bracket is one ("(주)"): the bracket is part of the registered name.
fn inside_legal_name(rest: &str) -> bool {
    let v = vocab();
    rest.find([')', ']']).is_some_and(|close| {
        // The name goes on right after the bracket, with no space: "研华(中国)公司".
        let glued = rest[close + 1..].starts_with(char::is_alphabetic);
        let after = rest[close + 1..].trim();
        // The bracket is the legal form itself ("행복쇼핑(주)").
        let form = &rest[..=close];
        glued
            || v.legal_suffixes.iter().any(|f| {
                after == f.as_str()
                    || after
                        .strip_suffix(f.as_str())
                        .is_some_and(|head| head.ends_with(' ') || !head.is_ascii())
            })
            || v.legal_prefixes
                .iter()
                .chain(&v.legal_suffixes)
                .any(|f| form == f.as_str())
    })
}

/// Whether a tidied value can be a company's name.
fn is_company_name(s: &str) -> bool {
    let words = s.split_whitespace().count();
    !(s.is_empty()
        || s.chars().count() > 120
        || words > 14
        || !s.chars().any(char::is_alphabetic)
        || s.starts_with(['#', '=', '/', '*', '>', '-'])
        // A program's identifier ("com_name_list"), not a name.
        || (s.contains('_')
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
        || is_label_or_mode(s)
        // A labelled line of a form ("VACANCY REFERENCE NUMBER: IRC 74295"), whatever its label.
        || s.split_once(": ").is_some_and(|(k, v)| {
            k.split_whitespace().count() >= 2 && !v.trim().is_empty()
        })
        // A careers page's own name ("Join our team", "Junta-te à Nossa Equipa").
        || vocab().page_titles.is_match(s)
        || is_placeholder(s)
        || is_place_or_skill_list(s)
        || reads_as_sentence(s))
}

/// A field label ("Location"), a mode or contract word ("REMOTE", "Full-time"), a labelled
/// value ("Location: New York", "Location - Remote") or a line led by a mode word ("REMOTE
/// maybe", "ONSITE, VISA", "Remote or South Florida").
fn is_label_or_mode(s: &str) -> bool {
    let v = vocab();
    if v.label(s).is_some() || v.work_mode.whole(s).is_some() || v.employment.whole(s).is_some() {
        return true;
    }
    // A section's heading ("Обязанности:" under a role, in a card's subtitle).
    if v.sections
        .whole(crate::parse::blocks::bare_heading(s))
        .is_some()
    {
        return true;
    }
    let lead = s
        .split([':', '–', '—'])
        .next()
        .unwrap_or(s)
        .split(" - ")
        .next()
        .unwrap_or(s)
        .trim();
    if lead.len() < s.len() && v.label(lead).is_some() {
        return true;
    }
    // A contract phrase written as one word or a few in lower case ("Part-or-full-time"): a
    // name has capitals of its own, or is a domain ("elev.io": "elev" is Swedish for a trainee).
    let folded = fold(s);
    if s.split([' ', '-', '/']).count() <= 5
        && !s.contains('.')
        && !s.chars().skip(1).any(char::is_uppercase)
        && v.employment
            .find(&folded)
            .any(|(a, b, _)| (b - a) * 5 >= folded.len() * 2)
    {
        return true;
    }
    let first_word = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("");
    first_word.len() < s.len() && v.work_mode.whole(first_word).is_some()
}

/// A word standing where a name would ("Confidential", "Private Client", "N/A"), or a greeting
/// or pronoun opening a line ("Hi", "We're", "Looking"): `[company]` placeholders and
/// placeholder_openers of the languages.
pub fn is_placeholder(s: &str) -> bool {
    let v = vocab();
    let lower = s.trim().to_lowercase();
    if v.company_placeholders
        .contains(lower.trim_end_matches(['.', ':']))
    {
        return true;
    }
    let first = lower.split_whitespace().next().unwrap_or("");
    v.placeholder_openers.contains(first)
}

/// A place or a list of places ("CA or REMOTE", "San Francisco/CA", "London, UK"), or a list of
/// languages or technologies ("GoLang/Java/C++").
fn is_place_or_skill_list(s: &str) -> bool {
    let v = vocab();
    let pieces: Vec<&str> = s
        .split(['/', ',', '&', '|', ';'])
        .flat_map(|p| p.split(" or "))
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let place_or_mode = |p: &str| {
        places::place_kind(p).is_some()
            || v.country(p).is_some()
            || v.work_mode.whole(p).is_some()
            || (p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase()))
    };
    if !pieces.is_empty() && pieces.iter().all(|p| place_or_mode(p)) {
        return true;
    }
    let skills = super::skills::vocabulary();
    pieces.len() >= 2 && pieces.iter().all(|p| skills.canonical(p).is_some())
}

/// A sentence, not a name.
fn reads_as_sentence(s: &str) -> bool {
    // Every word after the first in lower case, three long ones at least ("Effectively track
    // and manage responsibilities", a skill's line under an "Organization:" label): a phrase,
    // no name.
    let rest: Vec<&str> = s.split_whitespace().skip(1).collect();
    let lower = |w: &&str| w.chars().next().is_some_and(char::is_lowercase);
    if rest.iter().all(lower)
        && rest
            .iter()
            .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
            .count()
            >= 3
    {
        return true;
    }
    let l = format!(" {} ", s.to_lowercase());
    [
        " is ",
        " are ",
        " we ",
        " our ",
        " you ",
        " looking ",
        " hiring ",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// ATS links name the employer's account: `jobs.lever.co/voltus`, `boards.greenhouse.io/acme`,
/// `jobs.ashbyhq.com/cleo-2`, `acme.teamtailor.com`, `apply.workable.com/acme`.
fn ats_account(url: &str) -> Option<String> {
    let key = norm_label(&ats_slug(url)?);
    (key.len() >= 2).then_some(key)
}

/// The account's name as an ATS link writes it ("cleo-2" → "cleo"), not a path word of the
/// ATS itself ("embed", "api").
fn ats_slug(url: &str) -> Option<String> {
    static PATH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^https?://(?:jobs\.lever\.co|(?:job-)?boards(?:-api)?\.greenhouse\.io(?:/v1/boards)?|jobs\.ashbyhq\.com|apply\.workable\.com|jobs\.smartrecruiters\.com|careers\.smartrecruiters\.com|jobs\.jobvite\.com|ats\.rippling\.com|jobs\.polymer\.co)/(?P<a>[A-Za-z0-9][\w.-]{1,60})")
            .expect("valid regex")
    });
    static HOST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^https?://(?P<a>[a-z0-9][a-z0-9-]{1,60})\.(?:teamtailor\.com|recruitee\.com|workable\.com|jobs\.personio\.(?:de|com)|bamboohr\.com|breezy\.hr|myworkdayjobs\.com|pinpointhq\.com|homerun\.co|join\.com)")
            .expect("valid regex")
    });
    let a = PATH
        .captures(url)
        .or_else(|| HOST.captures(url))?
        .name("a")?
        .as_str()
        .to_string();
    let a = a.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
    let path_word = [
        "embed", "api", "v1", "jobs", "job", "careers", "apply", "view", "search",
    ]
    .iter()
    .any(|w| a.eq_ignore_ascii_case(w));
    (!a.is_empty() && !path_word).then(|| a.to_string())
}

/// The employer an ATS link names: its account's name as the text writes it, a candidate of
/// its own; else, for a record's own link, the account as the link writes it, returned to be
/// added once the other candidates are weighed ("ats.rippling.com/spreeai/jobs/…").
fn ats_candidates(
    ctx: &Ctx<'_>,
    text_and_title: &str,
    cands: &mut Vec<Cand<String>>,
) -> Option<String> {
    let mut account: Option<String> = None;
    // The links the text writes count as the page's own (a post's "apply at
    // jobs.lever.co/aquabyte/…"), when the text also writes the account's name.
    let in_text = super::dates::links(&ctx.full)
        .take(50)
        .chain(ctx.doc.texts(Key::Link).map(|(u, _)| u))
        .map(|u| (u, Origin::Page));
    for (u, origin) in ctx.doc.texts(Key::Url).chain(in_text) {
        let Some(key) = ats_account(u) else { continue };
        // Only a record's own link is the posting's: a post's text links anywhere.
        let own_link = matches!(origin, Origin::Record | Origin::JsonLd);
        match name_in_text(&key, text_and_title) {
            Some(name) if is_company_name(&name) => {
                cands.push(Cand::new(name, 55, FieldSource::Structured));
            }
            _ if own_link => {
                account = account.or_else(|| {
                    ats_slug(u).filter(|s| {
                        s.len() >= 3 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    })
                });
            }
            _ => {}
        }
    }
    account
}

/// The employer's own domains a text writes, as account keys, each with how often it is
/// written: the name before the public suffix of every e-mail address and link
/// ("joinus@devport.nl", "https://www.memodo.de/" → "devport", "memodo"), leaving out free
/// mail and platforms (boards, ATSs, social networks, hosts: `assets/vocab/boards.toml`).
fn own_domains(text: &str) -> Vec<(String, usize)> {
    static HOST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:@|\bhttps?://|\bwww\.)((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})\b")
            .expect("valid regex")
    });
    let d = vocab::domains();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for c in HOST.captures_iter(text) {
        let host = c[1].to_lowercase();
        let host = host.trim_start_matches("www.");
        if d.free_mail.contains(host) {
            continue;
        }
        // "acme.co.uk", "acme.com.br": a second-level suffix under a country's.
        let Some(name) = vocab::site_name(host) else {
            continue;
        };
        let key = norm_label(name);
        if key.len() < 3 || d.platforms.contains(&key) {
            continue;
        }
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, c)) => *c += 1,
            None => counts.push((key, 1)),
        }
    }
    counts
}

/// Whether a name is a job board's or an ATS's ("ZipRecruiter", "LinkedIn"): in an e-mail a
/// board sent, its footer and its pay estimates name the board, not the employer.
pub fn is_platform(name: &str) -> bool {
    // Without its legal form ("ZipRecruiter, Inc.").
    let bare = vocab()
        .legal_suffixes
        .iter()
        .find_map(|f| name.strip_suffix(f.as_str()))
        .unwrap_or(name)
        .trim_end_matches([' ', ',']);
    vocab::domains().job_platforms.contains(&norm_label(bare))
}

/// Whether the text writes `name` in lower case as a word of its own (not inside an address,
/// a link or a longer word).
fn lower_case_word(text: &str, name: &str) -> bool {
    let lower = name.to_lowercase();
    lower != name && word_in(text, &lower)
}

/// Whether `text` writes `word` as a word of its own: not inside a longer word, an address or
/// a link ("saiconinc" in "pwakade@saiconinc.biz" is not).
fn word_in(text: &str, word: &str) -> bool {
    let outside = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && !"./@-_".contains(c));
    // A script written without spaces has no word edges to ask for ("株式会社タスカルの採用情報").
    let unspaced = |c: Option<char>| c.is_some_and(super::super::vocab::unspaced);
    let (first, last) = (word.chars().next(), word.chars().next_back());
    !word.is_empty()
        && text.match_indices(word).any(|(i, m)| {
            (unspaced(first) || outside(text[..i].chars().next_back()))
                && (unspaced(last) || outside(text[i + m.len()..].chars().next()))
        })
}

/// The name the text writes for an account key ("idealistconsulting" → "Idealist Consulting").
fn name_in_text(key: &str, text: &str) -> Option<String> {
    name_written(key, text, false)
}

/// [`name_in_text`]; with `whole`, only a name no capitalized word follows ("Globe" in "Boston
/// Globe Media" is part of a longer name).
fn name_written(key: &str, text: &str, whole: bool) -> Option<String> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        // Runs of capitalized words within a line (a run that went on over lines, or was cut
        // into pieces of a fixed length, would hide names at the pieces' edges).
        Regex::new(r"[\p{Lu}0-9][\w&.'’+-]*(?:[ \t]+[\p{Lu}0-9][\w&.'’+-]*){0,7}")
            .expect("valid regex")
    });
    for m in NAME.find_iter(text) {
        let words: Vec<&str> = m.as_str().split_whitespace().collect();
        // Any run of the words (a name may sit inside a longer capitalized run).
        for i in 0..words.len() {
            for j in i + 1..=words.len() {
                if whole && j < words.len() {
                    continue;
                }
                let cand = words[i..j].join(" ");
                let cand = cand
                    .trim_end_matches(['.', ',', '\'', '’'])
                    .trim_end_matches("'s");
                // The name may be the domain itself ("Helixa.ai").
                let domain = cand.split_once('.').is_some_and(|(name, tld)| {
                    norm_label(name) == key
                        && (2..=6).contains(&tld.len())
                        && tld.chars().all(|c| c.is_ascii_lowercase())
                });
                if norm_label(cand) == key || domain {
                    return Some(cand.to_string());
                }
            }
        }
    }
    None
}

/// Resolves the company.
/// Whether the text has a line labelling `name` as the client (`[company] client_labels`:
/// "Client: Infogain", "Uppdragsgivare: Zacco AB").
fn client_line(text: &str, name: &str) -> bool {
    let labels = &vocab().client_labels;
    text.lines().any(|l| {
        l.split_once([':', '：']).is_some_and(|(k, v)| {
            v.trim() == name.trim()
                && labels.contains(
                    k.trim()
                        .trim_matches(['*', '-', '•', ' '])
                        .to_lowercase()
                        .as_str(),
                )
        })
    })
}

pub fn resolve(ctx: &mut Ctx<'_>, title: Option<&str>) -> Option<(String, FieldSource)> {
    let mut cands: Vec<Cand<String>> = Vec::new();
    for f in ctx.doc.facts_of(Key::Company) {
        if let Some(c) = f.value.text().and_then(clean_company) {
            let c = if f.origin == Origin::Record {
                without_site(&c, ctx)
            } else {
                c
            };
            // A record that gives its title again as the employer ("Empresa": "ASESOR EN
            // SEGUROS Y FINANZAS" beside that "titulo", a scraper's slip) names none.
            // Nor does one repeating the title as the record wrote it ("… at Ura Design").
            if f.origin == Origin::Record
                && (title.is_some_and(|t| fold(t.trim()) == fold(c.trim()))
                    || ctx
                        .doc
                        .texts(Key::Title)
                        .any(|(t, _)| fold(t.trim()) == fold(c.trim())))
            {
                continue;
            }
            // A long name is a structured field's (an organization's full name), not a header's.
            let structured = matches!(f.origin, Origin::Record | Origin::JsonLd | Origin::Label);
            if structured || c.split_whitespace().count() <= 8 {
                // The employer behind a recruiter, named by a label line of the text, is
                // surer than the advertiser a record names ("Uppdragsgivare: Zacco AB" in an
                // ad whose workplace is the agency).
                let client = f.origin == Origin::Label
                    && f.value.text().is_some_and(|t| client_line(&ctx.full, t));
                let mut cand = Cand::of(c, f.origin, 0);
                // A client-side stack ("Client : Angular / Struts2") is no client.
                if client && is_company_name(&cand.value) && !cand.value.contains(" / ") {
                    cand.strength += 20;
                }
                cands.push(cand);
            }
        }
    }
    for f in ctx.derived.iter().filter(|f| f.key == Key::Company) {
        if let Some(c) = f.value.text().and_then(clean_company) {
            cands.push(Cand::of(c, f.origin, 15));
        }
    }
    // The account of an ATS link, as the text writes it. The titles the posting states count
    // as its text: a heading read as a title may be the employer's name ("## Helixa.ai").
    // The addresses to write to count too: a front matter's `email: joinus@devport.nl`.
    let stated: Vec<&str> = ctx
        .doc
        .texts(Key::Title)
        .chain(ctx.doc.texts(Key::Contact))
        .map(|(t, _)| t)
        .collect();
    let text_and_title = format!(
        "{}\n{}\n{}",
        title.unwrap_or(""),
        stated.join("\n"),
        ctx.full
    );
    let account = ats_candidates(ctx, &text_and_title, &mut cands);
    if cands.iter().all(|c| c.strength < 60) {
        // A name written with its legal form is surer than a name in an employer phrase.
        // A name with only an organization noun ("Department of Labor" in the equal-opportunity
        // text) is weaker: beside an employer phrase it wins from a third mention on.
        let boards_send = ctx.doc.format == crate::posting::Format::Email;
        if let Some((c, mentions, org)) = legal_names(&ctx.full)
            .into_iter()
            .find(|(c, _, _)| !(boards_send && is_platform(c)))
        {
            let strength = TEXT + 4 * (!org as i32) + 4 * (mentions.min(3) as i32 - 1);
            cands.push(Cand::new(c, strength, FieldSource::Text));
        } else if let Some((c, _, _)) = ctx
            .doc
            .texts(Key::Summary)
            .flat_map(|(s, _)| legal_names(s))
            .find(|(c, _, org)| !org && !is_platform(c))
        {
            // The page's summary of itself names the employer with its legal form, where the
            // text names none ("株式会社イルナは月（LUNA）のように…").
            cands.push(Cand::new(c, TEXT + 4, FieldSource::Header));
        }
        if let Some(c) = ctx.company_in_text()
            && is_company_name(c)
        {
            cands.push(Cand::new(c.to_string(), TEXT + 5, FieldSource::Text));
        }
        // A name the text writes that is also the domain of its addresses and links.
        // The links its markup hides count when they are the employer's own: an address to
        // write to, or a link to its jobs ("[Mavigex](…)" and "mavigex.com/lavora-con-noi/…"),
        // not a link to a product, a tool or a partner. Their number adds nothing.
        let links: Vec<&str> = ctx
            .doc
            .texts(Key::Link)
            .map(|(u, _)| u)
            .filter(|u| !u.contains("://") || vocab::domains().leads_to_jobs(u))
            .collect();
        let mut domains = own_domains(&text_and_title);
        for (key, _) in own_domains(&links.join("\n")) {
            if !domains.iter().any(|(k, _)| *k == key) {
                domains.push((key, 0));
            }
        }
        if let Some((name, seen)) = domains
            .into_iter()
            .filter_map(|(key, seen)| {
                let name = name_written(&key, &text_and_title, true)?;
                Some((clean_company(&name)?, seen))
            })
            // A tool's site ("jersey.java.net" and "Java") is no employer's, nor is a word the
            // text also writes in lower case ("house.gov" and "the House").
            .filter(|(name, _)| {
                is_company_name(name)
                    && super::skills::vocabulary().canonical(name).is_none()
                    && !lower_case_word(&text_and_title, name)
            })
            .max_by_key(|(_, seen)| *seen)
        {
            let mentions = text_and_title.matches(name.as_str()).count() + seen;
            let strength = TEXT + 1 + mentions.min(4) as i32;
            cands.push(Cand::new(name, strength, FieldSource::Text));
        }
    }
    // Weak facts (a site's name, a mail domain) count when the text confirms them, or the
    // page's own address is the site of that name ("Volio" saved from volio.vn).
    let full_fold = ctx.full_folded();
    let own_sites: Vec<String> = ctx
        .doc
        .texts(Key::Url)
        .filter_map(|(u, _)| own_domains(u).into_iter().next().map(|(k, _)| k))
        .collect();
    for c in &mut cands {
        if c.strength <= 50 && c.source != FieldSource::Text {
            let key = norm_label(&c.value);
            if let Some(written) = name_in_text(&key, &text_and_title) {
                c.value = written;
                c.strength += 10;
            } else if own_sites.contains(&key) && c.value != key {
                // (A name as written, not a domain's key: "saiconinc" is no name.)
                c.strength += 10;
            } else if !word_in(full_fold, &fold(&c.value))
                // A name with its legal form is a company's, written or not ("株式会社タスカル"
                // as a page's site name, its text naming it only in a dropped footer).
                && (is_platform(&c.value)
                    || !legal_names(&c.value)
                        .iter()
                        .any(|(n, _, org)| !org && *n == c.value))
            {
                // Only inside an address or a link ("pwakade@saiconinc.biz"): not confirmed.
                c.strength = 0;
            }
        }
    }
    if let Some(a) = account {
        cands.push(Cand::new(a, TEXT, FieldSource::Structured));
    }
    pick(Field::Company, cands, TEXT, &mut ctx.notes)
}

/// A record's employer without the site and town it wrote after the name ("East Sussex
/// Healthcare NHS Trust, Eastbourne DGH, Eastbourne", "The London Clinic, London"): the pieces
/// after the first comma, when the record gives them as its place too (its place "Eastbourne
/// DGH, Eastbourne", or one that opens with them). A state or region is part of a name it tells
/// apart ("City of Santa Rosa, CA"); a town the record gives as no place of its own may be too
/// ("MGNREGA, Hazaribag", a district's office).
fn without_site(c: &str, ctx: &Ctx<'_>) -> String {
    let Some((name, rest)) = c.split_once(", ") else {
        return c.to_string();
    };
    let last = rest.rsplit(", ").next().unwrap_or(rest).trim();
    let region =
        places::place_kind(last) == Some(places::PlaceKind::Region) || last.chars().count() <= 3;
    let its_place = ctx
        .doc
        .texts(Key::Location)
        .any(|(l, _)| l.trim().starts_with(rest.trim()) || l.split(',').any(|p| p.trim() == last));
    if its_place && !region && is_company_name(name) && !only_legal_form(rest) {
        name.to_string()
    } else {
        c.to_string()
    }
}

/// The team: a labelled team or department, else the team a sentence names.
pub fn team(ctx: &Ctx<'_>) -> Option<(String, FieldSource)> {
    if let Some((t, o)) = ctx.doc.texts(Key::Team).next() {
        return Some((t.to_string(), o.source()));
    }
    team_from_text(&ctx.full).map(|t| (t, FieldSource::Text))
}

/// The team named by the text: "on the API Client team", "About the Product Trust Team".
pub fn team_from_text(text: &str) -> Option<String> {
    static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        let t = r"(?P<t>[A-Z][\w&/+.-]*(?:\s+[A-Z][\w&/+.-]*){0,3})";
        [
            format!(r"\b(?:on|join|joining|in|within|to)\s+(?:the|our)\s+{t}\s+[Tt]eam\b"),
            format!(r"(?m)^About\s+(?:the|our)\s+{t}\s+[Tt]eam\s*$"),
            format!(r"(?m)(?:^|[.!?]\s+)The\s+{t}\s+[Tt]eam\s+(?:at|is|works|builds|owns)\b"),
        ]
        .iter()
        .map(|p| Regex::new(p).expect("valid regex"))
        .collect()
    });
    let mut counts: HashMap<String, usize> = HashMap::new();
    for re in PATTERNS.iter() {
        for c in re.captures_iter(text) {
            let team = c.name("t").map_or("", |m| m.as_str()).trim();
            if !matches!(
                team,
                "We" | "Our"
                    | "The"
                    | "This"
                    | "That"
                    | "Your"
                    | "Whole"
                    | "Entire"
                    | "Same"
                    | "Right"
            ) {
                *counts.entry(team.to_string()).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(t, _)| t)
}

/// Benefits listed in a sentence: "benefits, including full medical coverage, flexible PTO,
/// wellness reimbursement, and a monthly lunch stipend".
pub fn benefits_from_text(text: &str) -> Vec<String> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:benefits|perks)\b[^.:;]{0,40}?\b(?:including|include|such\s+as|like)\s*:?\s+(?P<list>[^.;]{5,300})")
            .expect("valid regex")
    });
    let Some(c) = RE.captures(text) else {
        return Vec::new();
    };
    split_list(c.name("list").map_or("", |m| m.as_str()))
}

/// "a, b, and c" → ["A", "B", "C"] (articles dropped, first letter capitalized).
pub fn split_list(list: &str) -> Vec<String> {
    list.split([',', ';'])
        .flat_map(|p| p.split(" and "))
        .map(|p| {
            let p = p
                .trim()
                .trim_start_matches("and ")
                .trim_start_matches("or ")
                .trim();
            let p = p
                .strip_prefix("a ")
                .or_else(|| p.strip_prefix("an "))
                .unwrap_or(p);
            capitalize(p.trim())
        })
        .filter(|p| (2..=60).contains(&p.chars().count()))
        .collect()
}

pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_before_a_verb_whose_subject_follows_is_no_employer() {
        let text = "Arbetsförmedlingen genomgår ett förnyelsearbete. Därför söker vi nu en systemutvecklare.";
        assert_ne!(company_from_text(text).as_deref(), Some("Därför"));
        assert_eq!(
            company_from_text("Acme söker en systemutvecklare. Acme har 40 anställda.").as_deref(),
            Some("Acme")
        );
    }

    #[test]
    fn a_record_giving_its_title_as_its_employer_names_none() {
        let json = r#"[{"titulo": "ASESOR EN SEGUROS", "Empresa": "ASESOR EN SEGUROS", "descripcion": "Vende seguros de vida a familias."},
            {"titulo": "Guardia de Seguridad", "Empresa": "Grupo Vigía", "descripcion": "Vigila la planta de noche."}]"#;
        let ps = crate::parse::parse_text(json, "jobs.json").unwrap();
        assert_eq!(ps[0].company, None);
        assert_eq!(ps[1].company.as_deref(), Some("Grupo Vigía"));
    }

    #[test]
    fn words_standing_where_a_name_would_are_no_company() {
        for w in ["Startup", "STARTUP", "ไม่ระบุบริษัท", "Confidential", "N/D"]
        {
            assert_eq!(clean_company(w), None, "{w}");
        }
        assert_eq!(
            clean_company("Startup Labs").as_deref(),
            Some("Startup Labs")
        );
    }

    #[test]
    fn a_name_keeps_its_own_initials_in_brackets_and_loses_other_notes() {
        assert_eq!(
            clean_company("World Meteorological Organization (WMO)").as_deref(),
            Some("World Meteorological Organization (WMO)")
        );
        assert_eq!(
            clean_company("Acme Corp (YC S15)").as_deref(),
            Some("Acme Corp")
        );
        assert_eq!(
            clean_company("Acme Corp (AC) hiring now").as_deref(),
            Some("Acme Corp")
        );
        // A bracket the name goes on after is part of it.
        for name in [
            "研华(中国)公司",
            "某某(中国)科技有限公司",
            "EUROPA (Trinidad & Tobago) Holdings Ltd",
        ] {
            assert_eq!(clean_company(name).as_deref(), Some(name));
        }
    }

    #[test]
    fn a_wrapper_s_name_loses_the_words_that_say_what_it_lists() {
        assert_eq!(before_list_words("Varma jobs").as_deref(), Some("Varma"));
        assert_eq!(
            before_list_words("WFP Job Vacancies").as_deref(),
            Some("WFP")
        );
        assert_eq!(
            before_list_words("StateJobsNY - Vacancy Postings").as_deref(),
            Some("StateJobsNY")
        );
        assert_eq!(before_list_words("PhD Scholarships Feed"), None);
        assert_eq!(before_list_words("Acme").as_deref(), Some("Acme"));
    }

    #[test]
    fn a_careers_page_s_own_heading_names_its_employer() {
        let e = |l: &str| employer_of_page_heading(l);
        assert_eq!(e("Werken bij Kaap Noord").as_deref(), Some("Kaap Noord"));
        // The article the phrase needs goes.
        assert_eq!(
            e("Karriere bei der Ahorn-Apotheke").as_deref(),
            Some("Ahorn-Apotheke")
        );
        assert_eq!(
            page_heading("Stellenangebote bei Hof und Gut in Jesteburg"),
            Some(("Hof und Gut".to_string(), Some("Jesteburg".to_string())))
        );
        assert_eq!(e("Careers | Acme").as_deref(), Some("Acme"));
        assert_eq!(e("Acme - Vacatures").as_deref(), Some("Acme"));
        // Anything else on the line, or no name: no employer.
        for line in [
            "Join our team",
            "Join Us!",
            "Werken bij ons is fijn want Kaap Noord betaalt goed en de sfeer is top",
            "Senior Engineer | Acme",
            "Jobs",
            "Open positions",
            "We are hiring at Acme",
            "Current Openings",
            "Latest Jobs",
            "Jobs | Python",
            "Careers - Berlin",
            "Why Work With Us?",
            "Why Choose Us",
            "Join Our Growing Team",
            "Welcome to Our Team",
            "Join a Team of Experts",
            "Join The Team",
            "Why Join Us?",
            "Careers | Open Positions",
            "Work at Home Jobs",
            "Join Us In Building The Future",
            "Jobs | Remote",
        ] {
            assert_eq!(e(line), None, "{line}");
        }
    }

    #[test]
    fn a_feed_s_name_is_no_part_of_its_employer() {
        assert_eq!(
            clean_company("Qorvo - Custom Search ").as_deref(),
            Some("Qorvo")
        );
    }

    #[test]
    fn the_client_a_label_names_is_the_employer_behind_the_recruiter() {
        // The record names the agency's workplace; the text the client it recruits for.
        let json = r#"{"annonsrubrik": "IT-rekryterare", "arbetsplatsnamn": "Proffice Sverige AB",
            "annonstext": "Vi söker en rekryterare.\n\nUppdragsgivare: Zacco Innovation AB\n\nOrt: Malmö"}"#;
        let p = &crate::parse::parse_text(json, "ad.json").expect("a posting")[0];
        assert_eq!(p.company.as_deref(), Some("Zacco Innovation AB"));
        // A client-side stack is no client.
        let json = r#"{"title": "Java Developer", "company": "Septeo",
            "description": "Stack\n\nClient : Angular / Struts2\n\nServer : Java"}"#;
        let p = &crate::parse::parse_text(json, "ad.json").expect("a posting")[0];
        assert_eq!(p.company.as_deref(), Some("Septeo"));
    }

    #[test]
    fn a_record_s_employer_loses_the_site_and_town_written_after_it() {
        let company = |employer: &str, location: &str| {
            let json = format!(
                r#"{{"Title": "Sister / Charge Nurse", "Employer": "{employer}",
                    "Location": "{location}", "Description": "Join our ward team."}}"#
            );
            crate::parse::parse_text(&json, "nhs.json").expect("a posting")[0]
                .company
                .clone()
        };
        assert_eq!(
            company(
                "East Sussex Healthcare NHS Trust, Eastbourne DGH, Eastbourne",
                "Eastbourne DGH, Eastbourne"
            )
            .as_deref(),
            Some("East Sussex Healthcare NHS Trust")
        );
        assert_eq!(
            company(
                "Royal Free London NHS Foundation Trust, Royal Free Hampstead",
                "Royal Free Hampstead, Hampstead"
            )
            .as_deref(),
            Some("Royal Free London NHS Foundation Trust")
        );
        // A state tells a name apart; a legal form is part of it.
        assert_eq!(
            company("City of Santa Rosa, CA", "Santa Rosa, CA").as_deref(),
            Some("City of Santa Rosa, CA")
        );
        assert_eq!(
            company("Acme Holdings, Inc.", "Leeds").as_deref(),
            Some("Acme Holdings, Inc.")
        );
    }

    #[test]
    fn pronouns_of_other_languages_are_no_employer() {
        let t = "Vi söker dig som älskar programmering!\nVi är ett konsultföretag i Stockholm.\nVi söker dig som vill utvecklas.";
        assert_eq!(company_from_text(t), None);
    }

    #[test]
    fn company_from_employer_phrases() {
        let t = "Postman is the world’s leading API platform. At Postman, we embrace a hybrid model. \
                 Postman is an Equal Employment Opportunity Employer. We use Zoom.";
        assert_eq!(company_from_text(t).as_deref(), Some("Postman"));
        assert_eq!(company_from_text("We are hiring. The team is great."), None);
        // A company spoken of in the plural, as British English does.
        let t = "Bettaveg are a family owned fresh produce supplier to the North West. \
                 Send your CV to Bettaveg today.";
        assert_eq!(company_from_text(t).as_deref(), Some("Bettaveg"));
        // A comma after the subject, as French writes it at times.
        let t = "Genesis RH, est une agence d'emploi spécialisée. \
                 Genesis RH, est une équipe à l'écoute.";
        assert_eq!(company_from_text(t).as_deref(), Some("Genesis RH"));
    }

    #[test]
    fn an_agency_in_the_equal_opportunity_text_is_no_employer() {
        let text = "Senior Engineer\n\nAbout Acme\n\nAt Acme, we build anvils. Acme’s customers love them.\n\n\
                    Please see the United States Department of Labor's Know Your Rights poster. \
                    We comply with the United States Department of Labor's Pay Transparency provision.\n";
        let p = crate::parse::parse_text(text, "acme.txt").unwrap();
        assert_eq!(p[0].company.as_deref(), Some("Acme"));
    }

    #[test]
    fn a_board_in_the_footer_of_its_mail_is_no_employer() {
        // (The whole mail is in the e-mail reader's tests.)
        let footer = "ZipRecruiter provides estimates. ZipRecruiter provides pay estimates.";
        assert_eq!(company_in(footer, true), None);
        // Outside a board's mail a board may be the employer.
        assert_eq!(
            company_in("Workday is hiring engineers of all kinds.", false).as_deref(),
            Some("Workday")
        );
    }

    #[test]
    fn a_query_s_join_is_no_invitation() {
        let sql = "\"LEFT JOIN LATERAL (SELECT 1) a ON true\" +\n\
            \"LEFT JOIN LATERAL (SELECT 2) b ON true\" +\n\
            \"LEFT JOIN LATERAL (SELECT 3) c ON true\"";
        assert_eq!(company_in(sql, false), None);
        assert_eq!(
            company_in("Join Acme today. Acme is hiring engineers.", false).as_deref(),
            Some("Acme")
        );
    }

    #[test]
    fn a_word_of_a_script_without_spaces_has_no_edges() {
        assert!(word_in("株式会社タスカルの採用情報", "株式会社タスカル"));
        assert!(word_in("Join Acme today", "Acme"));
        assert!(!word_in("Join Acmes today", "Acme"));
    }

    #[test]
    fn a_japanese_legal_form_after_the_name() {
        assert_eq!(
            first_legal_name("<p>三共電気株式会社は、電気設備機器の商社です。</p>").as_deref(),
            Some("三共電気株式会社")
        );
        assert_eq!(
            first_legal_name("採用情報 | 株式会社タスカル").as_deref(),
            Some("株式会社タスカル")
        );
        // A particle ends the name before the form.
        assert_eq!(
            first_legal_name("弊社は三共電気株式会社の子会社です。").as_deref(),
            Some("三共電気株式会社")
        );
        // A particle ends the name after the form; a name in Hiragana alone is one.
        assert_eq!(
            first_legal_name("株式会社イルナは月（LUNA）のように照らす").as_deref(),
            Some("株式会社イルナ")
        );
        assert_eq!(
            first_legal_name("株式会社トーフラボでは一緒に働く仲間を募集").as_deref(),
            Some("株式会社トーフラボ")
        );
        assert_eq!(
            first_legal_name("株式会社ぐるなび 採用").as_deref(),
            Some("株式会社ぐるなび")
        );
    }

    #[test]
    fn a_name_written_as_its_domain() {
        assert_eq!(
            name_written("helixa", "## Helixa.ai\nscrivere a: o@helixa.ai", true).as_deref(),
            Some("Helixa.ai")
        );
        assert_eq!(name_written("helixa", "Helixa.aiexample", true), None);
    }

    #[test]
    fn employer_phrases_of_other_languages_are_data() {
        // sv: a welcome and an "about" heading, from the languages' [company] phrases.
        let t = "Välkommen till Variant. Vi är ett konsultföretag.\n\nOm Variant\n\nVi tror på öppenhet.";
        assert_eq!(company_from_text(t).as_deref(), Some("Variant"));
        let t = "Willkommen bei Kinetic. Wir bauen Software.\n\nÜber Kinetic\n\nWir sind zwanzig.";
        assert_eq!(company_from_text(t).as_deref(), Some("Kinetic"));
        // A place after "at" with no comma is no employer; one mention of a welcome is too weak.
        assert_eq!(company_from_text("Bei Fragen hilft dir Anna."), None);
        assert_eq!(company_from_text("Welcome to Berlin."), None);
    }

    #[test]
    fn labelled_values_and_mode_led_lines_are_no_company() {
        for s in [
            "Location: New York",
            "Location - Remote",
            "REMOTE maybe",
            "ONSITE, VISA",
            "Remote or South Florida",
            "Onsite in San Francisco, CA",
            "Обязанности:",
            "Requirements",
            "أولاً",
        ] {
            assert_eq!(clean_company(s), None, "{s}");
        }
        for s in ["Location Labs", "Acme: the store", "Periscope Data"] {
            assert_eq!(clean_company(s).as_deref(), Some(s), "{s}");
        }
    }

    #[test]
    fn a_pronoun_before_a_hiring_verb_is_no_name() {
        for t in [
            "On recrute !\n\nVoici la liste des postes ouverts.",
            "Se busca desarrollador backend.",
            "Man sucht Entwickler.",
        ] {
            assert_eq!(company_from_text(t), None, "{t}");
        }
        assert_eq!(
            company_from_text("Octo recrute !\n\nChez Octo, on code.").as_deref(),
            Some("Octo")
        );
        assert_eq!(
            company_from_text("Sparrow seeks a high-energy Account Executive.").as_deref(),
            Some("Sparrow")
        );
        // The article before a name that hires is no part of it.
        assert_eq!(
            company_from_text(
                "The University of Virginia Press seeks to hire an Editorial Specialist."
            )
            .as_deref(),
            Some("University of Virginia Press")
        );
        for t in [
            "We are seeking a designer.",
            "The ideal candidate is looking for growth.",
        ] {
            assert_eq!(company_from_text(t), None, "{t}");
        }
    }

    #[test]
    fn when_an_employer_was_active_is_no_name() {
        for s in ["Activo hace 5 días", "Active 3 days ago", "vor 2 Tagen"] {
            assert_eq!(clean_company(s), None, "{s}");
        }
        for s in [
            "SISTEMAS DE SEGURIDAD PRIVADA ARGOS S.A. DE C.V.",
            "Days Inn",
            "Hace Studio",
        ] {
            assert_eq!(clean_company(s).as_deref(), Some(s), "{s}");
        }
    }

    #[test]
    fn values_that_are_no_company() {
        for bad in [
            "Location",
            "##",
            "/======",
            "CA or REMOTE",
            "GoLang/Java/C++",
            "1 point by bob 3 hours ago",
            "Remote",
            "San Francisco/CA",
            "Private Client",
            "Confidential Company",
            "Unser Kunde",
            // "Let" of "Let's Join Our Troop!" ("Let's Encrypt" stays a name).
            "Let",
            "Private Advertiser",
            "Empresa confidencial",
            // A careers page's own name.
            "Join our team",
            "Junta-te à Nossa Equipa",
            "Rejoignez Notre Équipe",
        ] {
            assert_eq!(clean_company(bad), None, "{bad}");
        }
        assert_eq!(clean_company("Acme\n4.1").as_deref(), Some("Acme"));
        // A board's name for its list of jobs, before or after a note in brackets.
        assert_eq!(
            clean_company("UNICEF Job Vacancies (Filtered)").as_deref(),
            Some("UNICEF")
        );
        assert_eq!(
            clean_company("Earnest Current Job Openings").as_deref(),
            Some("Earnest")
        );
        // A contract phrase is no name; a name with a contract word in it is.
        assert_eq!(clean_company("Part-or-full-time"), None);
        assert_eq!(clean_company("com_name_list"), None);
        assert_eq!(clean_company("elev.io").as_deref(), Some("elev.io"));
        assert_eq!(
            clean_company("Let's Encrypt").as_deref(),
            Some("Let's Encrypt")
        );
        assert_eq!(
            clean_company("Fulltime Solutions").as_deref(),
            Some("Fulltime Solutions")
        );
        assert_eq!(
            clean_company("DIS AG Geschäftsbereich Office & Management").as_deref(),
            Some("DIS AG")
        );
        assert_eq!(
            clean_company("Maastricht University via AcademicTransfer").as_deref(),
            Some("Maastricht University")
        );
        assert_eq!(
            clean_company("Wargaming, Minsk").as_deref(),
            Some("Wargaming")
        );
        assert_eq!(clean_company("Acme, Inc.").as_deref(), Some("Acme, Inc."));
        // A region's code or a place in the name is the name's own.
        assert_eq!(
            clean_company("City of Santa Rosa, CA").as_deref(),
            Some("City of Santa Rosa, CA")
        );
        assert_eq!(
            clean_company("Công ty VNPT EPAY").as_deref(),
            Some("VNPT EPAY")
        );
        assert_eq!(
            clean_company("Công ty TNHH Phần mềm NSC").as_deref(),
            Some("Công ty TNHH Phần mềm NSC")
        );
        assert_eq!(
            clean_company("Foxpass (YC S15)").as_deref(),
            Some("Foxpass")
        );
        // A bracket inside a registered name stays.
        assert_eq!(
            clean_company("EUROPA (Trinidad & Tobago) Ltd").as_deref(),
            Some("EUROPA (Trinidad & Tobago) Ltd")
        );
        assert_eq!(
            clean_company("행복쇼핑(주)").as_deref(),
            Some("행복쇼핑(주)")
        );
        assert_eq!(clean_company("Omen logo").as_deref(), Some("Omen"));
        assert_eq!(clean_company("Amplitude ").as_deref(), Some("Amplitude"));
    }

    #[test]
    fn the_employer_s_own_domain_names_it() {
        let name = own_domains;
        assert_eq!(
            name("Mail joinus@devport.nl or see https://www.devport.nl/jobs"),
            [("devport".to_string(), 2)]
        );
        // Free mail, boards and hosts say nothing of the employer; a country's second level is
        // skipped.
        assert_eq!(
            name("me@gmail.com https://github.com/x https://jobs.lever.co/y https://acme.co.uk/"),
            [("acme".to_string(), 1)]
        );
        assert!(lower_case_word(
            "Join the House. The house is big.",
            "House"
        ));
        assert!(!lower_case_word(
            "Visit https://www.house.gov, the House",
            "House"
        ));
    }

    #[test]
    fn a_page_s_hidden_link_to_its_jobs_names_the_employer() {
        let company = |md: &str| {
            crate::parse::parse_text(md, "post.md").expect("a posting")[0]
                .company
                .clone()
        };
        // The link's target is hidden by the markup; its path leads to the employer's jobs.
        let md = "# Ottobre\n\nIn [Mavigex](https://www.mavigex.com) stiamo cercando un \
                  [Full Stack Developer](https://www.mavigex.com/lavora-con-noi/full-stack/) a Bologna, \
                  per lavorare ai nostri prodotti web e mobile.\n";
        assert_eq!(company(md).as_deref(), Some("Mavigex"));
        // A link to a product or a partner names no employer.
        let md = "# Backend developer\n\nWe build [Checkpad](https://checkpad.de), a product for \
                  hospitals, and we are looking for a backend developer in Freiburg.\n";
        assert_eq!(company(md), None);
        let d = crate::parse::vocab::domains();
        assert!(d.leads_to_jobs("https://optiver.com/working-at-optiver/career-opportunities/1/"));
        assert!(!d.leads_to_jobs("https://careers.example.com/"));
        assert!(!d.leads_to_jobs("https://acme.com/products/checkpad-for-hospitals"));
    }

    #[test]
    fn a_mention_that_goes_on_as_a_longer_name_is_that_name_s() {
        let text = "We are looking for a Head of Policy Research at the House of Lords. The House of \
                    Lords is the second chamber. The work we do is vital to House of Lords, and the \
                    House’s values are respect and inclusivity. The House of Lords Administration is \
                    committed to diversity.";
        assert_ne!(company_in(text, false).as_deref(), Some("House"));
        assert!(continues_name(" of Lords is"));
        assert!(!continues_name("’s New Product team"));
        assert!(continues_name("’s College London researchers"));
    }

    #[test]
    fn a_labelled_note_after_the_name_is_no_part_of_it() {
        assert_eq!(
            clean_company("KS Talent Solutions, EA Licence No: 16S8081").as_deref(),
            Some("KS Talent Solutions")
        );
        assert_eq!(
            clean_company("Talent Trader Group Pte Ltd, EA Licence No: 13C6305").as_deref(),
            Some("Talent Trader Group Pte Ltd")
        );
    }

    #[test]
    fn an_article_inside_a_name_is_part_of_it() {
        let text = "Staff Scientist\n\nHeal the Bay is a nonprofit environmental organization. \
                    You will represent Heal the Bay’s positions at public meetings. Passion for \
                    Heal the Bay’s mission. Work with other Heal the Bay staff. Heal\nthe Bay is \
                    an equal opportunity employer.";
        assert_eq!(company_in(text, false).as_deref(), Some("Heal the Bay"));
    }

    #[test]
    fn a_phrase_in_lower_case_is_no_name() {
        assert!(!is_company_name(
            "Effectively track and manage responsibilities"
        ));
        assert!(!is_company_name(
            "Full-time no remote work relocation supported"
        ));
        assert!(is_company_name("factis research"));
        // A form's labelled line, whatever its label.
        assert!(!is_company_name("VACANCY REFERENCE NUMBER: IRC 74295"));
        assert!(!is_company_name("CA Bay Area: On-site only"));
        assert!(is_company_name(
            "Open Source project for more transparency in the political process"
        ));
        assert!(is_company_name("Amt für Statistik Berlin-Brandenburg"));
    }

    #[test]
    fn a_legal_form_wrapped_onto_the_next_line() {
        let text = "Kami mencari developer untuk perusahaan kami (Gani Software \nPty Ltd) mengembangkan aplikasi.";
        assert_eq!(legal_names(text)[0].0, "Gani Software Pty Ltd");
        // The line above ends a sentence: the form alone is no name.
        let text = "We build software for clinics.\nPty Ltd companies may apply.";
        assert!(
            legal_names(text)
                .iter()
                .all(|(n, _, _)| !only_legal_form(n))
        );
        assert!(only_legal_form("Pty Ltd"));
        assert!(!only_legal_form("Acme Pty Ltd"));
    }

    #[test]
    fn a_legal_name_does_not_run_over_a_line_s_end() {
        let text = "Die Universität Paderborn ist eine Universität.\n\nUniversität Paderborn\nWarburger Straße 100\nFall Semester\nConsensus Systems LLC";
        let names = legal_names(text);
        assert_eq!(names[0], ("Universität Paderborn".to_string(), 2, true));
        assert!(
            names
                .iter()
                .any(|(n, _, org)| n == "Consensus Systems LLC" && !org)
        );
    }

    /// The most mentioned name a text writes with a legal form or an organization noun.
    fn first_legal_name(text: &str) -> Option<String> {
        legal_names(text).first().map(|n| n.0.clone())
    }

    #[test]
    fn small_words_inside_a_name_before_its_legal_form() {
        assert_eq!(
            first_legal_name("Please apply to the Bank of Nova Scotia Ltd by June."),
            Some("Bank of Nova Scotia Ltd".to_string())
        );
        assert_eq!(
            first_legal_name("Die Handelsgesellschaft für Baustoffe mbH sucht Verstärkung."),
            Some("Handelsgesellschaft für Baustoffe mbH".to_string())
        );
        assert_eq!(
            first_legal_name("Send it to Dill & Pearman LLC today."),
            Some("Dill & Pearman LLC".to_string())
        );
        // A small word is no name's start, nor its end.
        assert_eq!(
            first_legal_name("We work of Acme Ltd and for it."),
            Some("Acme Ltd".to_string())
        );
    }

    #[test]
    fn a_quoted_name_after_a_legal_form_is_one_piece() {
        assert_eq!(
            first_legal_name("Підприємство КП ММР «МИКОЛАЇВПСТРАНС» оголошує конкурс."),
            Some("КП ММР «МИКОЛАЇВПСТРАНС»".to_string())
        );
        assert_eq!(
            first_legal_name("Вакансія в ООО «Рога и копыта», Москва."),
            Some("ООО «Рога и копыта»".to_string())
        );
    }

    #[test]
    fn an_organization_noun_before_a_role_names_a_role() {
        let t = "2. Laboratory Technician 12th pass.\nDiploma as Medical Laboratory Technician.";
        assert_eq!(first_legal_name(t), None);
        let t = "Laboratory Animal Services is hiring.\nJoin Laboratory Animal Services.";
        assert!(first_legal_name(t).is_some());
    }

    #[test]
    fn small_words_inside_an_organization_s_name_before_a_capital() {
        assert_eq!(
            first_legal_name(
                "De Gemeente Wijk bij Duurstede zoekt iemand.\nWerken bij Gemeente Wijk bij Duurstede."
            ),
            Some("Gemeente Wijk bij Duurstede".to_string())
        );
        // A small word the name does not go on after stays out.
        assert_eq!(
            first_legal_name(
                "Die Universität Paderborn am besten.\nDie Universität Paderborn an sich."
            ),
            Some("Universität Paderborn".to_string())
        );
    }

    #[test]
    fn what_a_page_says_of_an_organization_is_no_part_of_its_name() {
        assert_eq!(
            first_legal_name(
                "Department of Posts Recruitment 2024\nApply to the Department of Posts Recruitment cell."
            )
            .as_deref(),
            Some("Department of Posts")
        );
    }

    #[test]
    fn the_page_summary_names_the_employer_with_its_legal_form() {
        let company = |summary: &str, body: &str| {
            let html = format!(
                r#"<html><head><title>Jobs</title><meta name="description" content="{summary}"></head>
                <body><h1>Backend Developer (m/w/d)</h1><p>{body}</p>
                <p>Du entwickelst unsere Dienste in Rust und Go weiter.</p></body></html>"#
            );
            crate::parse::parse_text(&html, "a.html")
                .unwrap()
                .remove(0)
                .company
        };
        assert_eq!(
            company(
                "Die Nordlicht Software GmbH entwickelt Apps für Bäckereien.",
                "Wir suchen Verstärkung."
            ),
            Some("Nordlicht Software GmbH".into())
        );
        // A summary without a legal form names no one; the text's own name comes first.
        assert_eq!(
            company(
                "Wir entwickeln Apps für Bäckereien.",
                "Wir suchen Verstärkung."
            ),
            None
        );
        assert_eq!(
            company(
                "Die Nordlicht Software GmbH entwickelt Apps.",
                "Bei der Brotzeit Digital GmbH arbeitest du mit uns."
            ),
            Some("Brotzeit Digital GmbH".into())
        );
    }

    #[test]
    fn a_legal_form_after_a_name_is_no_prefix_of_what_follows() {
        let names = legal_names(
            "三共電気株式会社は、電気工事店様をメインに。\n三共電気株式会社　採用担当者より",
        );
        assert!(
            !names.iter().any(|n| n.0.starts_with("株式会社")),
            "{names:?}"
        );
        // A legal form in front of the name, after no name, still leads it.
        assert!(
            legal_names("募集：株式会社イルナ\n")
                .iter()
                .any(|n| n.0.starts_with("株式会社イルナ"))
        );
    }

    #[test]
    fn a_records_ats_link_names_the_account_when_nothing_else_does() {
        let json = r#"[{"name": "Frontend Engineer", "url": "https://ats.rippling.com/spreeai/jobs/38303282",
            "workLocation": {"label": "Hybrid (San Francisco, California, US)"}}]"#;
        let p = crate::parse::parse_text(json, "jobs.json")
            .unwrap()
            .remove(0);
        assert_eq!(p.company.as_deref(), Some("spreeai"));
        // A post's text that links an ATS names no employer by the link alone.
        let hn =
            "Acme Engineer role | ONSITE\n\nApply at https://jobs.lever.co/nlcollect-bv/123 today.";
        let p = crate::parse::parse_text(hn, "post.txt").unwrap().remove(0);
        assert_ne!(p.company.as_deref(), Some("nlcollect-bv"));
    }

    #[test]
    fn a_registration_year_in_brackets_before_the_legal_form() {
        assert_eq!(
            first_legal_name("By submitting your details you consent to Banham Poultry (2018) Limited retaining them.")
                .as_deref(),
            Some("Banham Poultry Limited")
        );
        // A legal form written in capitals.
        assert_eq!(
            first_legal_name(
                "Banham Poultry LTD recruiting for Kitchen assistant to work on night shift."
            )
            .as_deref(),
            Some("Banham Poultry LTD")
        );
    }

    #[test]
    fn a_dotted_legal_form_without_its_last_dot() {
        let names: Vec<String> = legal_names("'''Buongiorno S.p.A''' - 19/03/2008\nContact: x")
            .into_iter()
            .map(|n| n.0)
            .collect();
        assert_eq!(names, ["Buongiorno S.p.A"]);
    }

    #[test]
    fn ats_accounts() {
        assert_eq!(
            ats_account("https://jobs.lever.co/voltus/db4f").as_deref(),
            Some("voltus")
        );
        assert_eq!(
            ats_account("https://jobs.ashbyhq.com/cleo-2/2b5c").as_deref(),
            Some("cleo")
        );
        assert_eq!(
            ats_account("https://acme.teamtailor.com/jobs/1").as_deref(),
            Some("acme")
        );
        assert_eq!(
            ats_slug("https://ats.rippling.com/spreeai/jobs/b7f6").as_deref(),
            Some("spreeai")
        );
        assert_eq!(
            ats_slug("https://boards.greenhouse.io/embed/job_app?for=acme"),
            None
        );
        assert_eq!(
            name_in_text(
                "idealistconsulting",
                "Join Idealist Consulting as a consultant."
            )
            .as_deref(),
            Some("Idealist Consulting")
        );
    }

    #[test]
    fn a_mail_domain_only_in_addresses_is_no_company() {
        assert!(!word_in(
            "pwakade@saiconinc.biz www.saiconinc.com",
            "saiconinc"
        ));
        assert!(word_in("join saiconinc today", "saiconinc"));
        let mail = "From: Prashant Wakade <pwakade@saiconinc.biz>\nSubject: OSIsoft PI-System consultant, New Orleans, LA\n\n\
                    Saicon Consultants, Inc. is a highly recognized provider of IT consulting services.\n\
                    We need an OSIsoft PI-System consultant for a 6 month contract.\n\n\
                    URL: www.saiconinc.com\nEmail: pwakade@saiconinc.biz\n";
        let p = crate::parse::parse_text(mail, "a.eml").unwrap().remove(0);
        assert_ne!(p.company.as_deref(), Some("saiconinc"));
    }

    #[test]
    fn team_from_phrases() {
        assert_eq!(
            team_from_text("As a Backend Engineer on the API Client team, you'll…").as_deref(),
            Some("API Client")
        );
        assert_eq!(team_from_text("You will join the team."), None);
    }
}
