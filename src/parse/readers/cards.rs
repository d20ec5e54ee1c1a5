//! A saved page of job cards — a board's search results, a careers page's list of openings:
//! elements of one kind (the same tag and classes) repeated side by side, each short and each
//! with a title of its own (a heading, or an element whose class names a title). Each card is a
//! posting; the classes of its parts say what they hold (`…title`, `…company` / `…subtitle`,
//! `…location`, `…salary`). A page whose cards are a small part of it (a posting with a "similar
//! jobs" list) is one posting, not its cards; so is a page whose repeated parts are not
//! roles (the rows of one posting's table).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use scraper::{ElementRef, Selector};

use super::super::doc::{Doc, Key, Origin};
use super::super::fields::title::names_a_role;
use super::super::html_text::{TextOptions, element_blocks, element_text};
use super::text;
use crate::posting::Format;

/// The longest text a card may hold: a card is a summary, not a posting.
const MAX_CARD_TEXT: usize = 800;

/// The share of the page's text the cards must hold together.
const MIN_SHARE: f64 = 0.5;

/// The most text beside cards that are a smaller share of their page: a job alert's greeting,
/// its list of industries and its footer, no posting's text.
const MAX_BESIDE: usize = 1200;

static CLASSED: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("[class]").expect("valid selector"));
static LINK: LazyLock<Selector> = LazyLock::new(|| Selector::parse("a").expect("valid selector"));
static HEADING: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("h1, h2, h3, h4, h5").expect("valid selector"));

/// The cards of a page's main element, each as a posting; None when the page is not a list of
/// cards.
pub fn read(main: ElementRef<'_>, opts: TextOptions) -> Option<Vec<Doc>> {
    let page_len = element_text(main, opts).chars().count();
    if page_len == 0 {
        return None;
    }
    // Elements grouped by their tag and classes, in page order.
    let mut groups: HashMap<(String, String), Vec<ElementRef<'_>>> = HashMap::new();
    for el in main.select(&CLASSED) {
        let class = el
            .value()
            .attr("class")
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !class.is_empty() {
            groups
                .entry((el.value().name().to_string(), class))
                .or_default()
                .push(el);
        }
    }
    // The group of the most cards; among groups as large, the one holding the most text (the
    // card itself, not its inner box).
    let Some((cards, texts)) = groups
        .into_values()
        .filter(|g| g.len() >= 2)
        .filter_map(|g| {
            // Cheapest test first, each stopping at the first element that fails: a page's
            // groups are many and some are large.
            let mut texts = Vec::with_capacity(g.len());
            for e in &g {
                let t = element_text(*e, opts);
                if t.trim().is_empty() || t.chars().count() > MAX_CARD_TEXT {
                    return None;
                }
                texts.push(t);
            }
            // Each card's title names a role ("Applied AI Engineer"), not a row's label.
            let titled = g.iter().all(|e| is_titled(*e));
            // No card inside another of the group.
            let ids: HashSet<_> = g.iter().map(|e| e.id()).collect();
            let disjoint = || {
                g.iter()
                    .all(|e| !e.ancestors().any(|x| ids.contains(&x.id())))
            };
            (titled && disjoint()).then_some((g, texts))
        })
        .max_by_key(|(g, texts)| (g.len(), texts.iter().map(String::len).sum::<usize>()))
    else {
        // A saved fragment that is one card (a board's result, copied on its own).
        return (page_len <= MAX_CARD_TEXT && is_titled(main)).then(|| vec![card_doc(main, opts)]);
    };
    let held: usize = texts.iter().map(|t| t.chars().count()).sum();
    // Cards that are a small part of a long page are its "similar jobs"; beside little else (a
    // job alert's greeting and footer) they are the page, when four or more each class their
    // title as one.
    let beside_little = page_len.saturating_sub(held) <= MAX_BESIDE
        && cards.len() >= 4
        && cards.iter().all(|c| title_part(*c).is_some());
    if (held as f64) < MIN_SHARE * page_len as f64 && !beside_little {
        return None;
    }
    Some(cards.iter().map(|c| card_doc(*c, opts)).collect())
}

/// Whether a card's title names a role ("Applied AI Engineer"), not a row's label.
fn is_titled(card: ElementRef<'_>) -> bool {
    card_title(card).is_some_and(|t| names_a_role(&t))
}

/// A card's title: the first text of its part whose class names a title, else of its first
/// heading.
fn card_title(card: ElementRef<'_>) -> Option<String> {
    // Without the number a list of openings gives it ("2. DevOps & API Engineer").
    title_part(card)
        .and_then(first_text)
        .map(|t| super::super::fields::title::unnumbered(&t).to_string())
}

/// The element of a card that holds its title.
/// Among parts named a title, the first whose text names a role ("Promoted Job" is a badge
/// in a box whose class says title).
fn title_part(card: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let parts = || {
        card.descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| part_kind(*e) == Some(Part::Title))
    };
    parts()
        .find(|e| first_text(*e).is_some_and(|t| names_a_role(&t)))
        .or_else(|| parts().find(|e| first_text(*e).is_some()))
        .or_else(|| card.select(&HEADING).find(|h| first_text(*h).is_some()))
        // A card with neither (a careers page's `<p><a>2. DevOps & API Engineer</a></p>`):
        // its first link whose text names a role.
        .or_else(|| {
            card.select(&LINK)
                .find(|a| first_text(*a).is_some_and(|t| names_a_role(&t)))
        })
}

/// The role a page's markup classes as a title, where the page has no heading that names one
/// (`<div class="vacancy_title"><div class="vacancy_name">Фармацевт</div>`, `<div
/// class="header-title">ECONOMIST CONTABIL</div>`): the first text of a part whose class says
/// title, or a job's name, that names a role.
pub fn classed_title(page: ElementRef<'_>) -> Option<String> {
    page.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| part_kind(*e) == Some(Part::Title) || names_a_job(*e))
        .filter_map(first_text)
        .find(|t| names_a_role(t))
        .map(|t| super::super::fields::title::unnumbered(&t).to_string())
}

/// Whether an element's class names a job's name ("vacancy_name", "job-name", "position-name").
fn names_a_job(el: ElementRef<'_>) -> bool {
    let words = hint_words(el);
    words.iter().any(|w| w == "name")
        && words.iter().any(|w| {
            ["job", "vacancy", "position", "offer", "posting", "role"].contains(&w.as_str())
        })
}

/// The words of an element's class and test attributes.
fn hint_words(el: ElementRef<'_>) -> Vec<String> {
    HINTS
        .iter()
        .filter_map(|a| el.value().attr(a))
        .flat_map(super::super::vocab::key_words)
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Title,
    Company,
    Location,
    Salary,
}

/// The attributes whose words say what a part holds.
const HINTS: [&str; 5] = ["class", "data-cy", "data-testid", "data-test", "itemprop"];

/// What a part of a card holds, by the words of its class and test attributes
/// ("base-search-card__title", "job-search-card__location", `data-cy="localisationCard"`), whole
/// words only ("opacity-100" names no city).
fn part_kind(el: ElementRef<'_>) -> Option<Part> {
    let words = hint_words(el);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(&["salary", "compensation", "wage", "pay"]) {
        Some(Part::Salary)
    } else if has(&["location", "localisation", "city", "place", "region"]) {
        Some(Part::Location)
    } else if has(&[
        "company",
        "subtitle",
        "employer",
        "organization",
        "organisation",
    ]) {
        Some(Part::Company)
    } else if has(&["title"]) {
        Some(Part::Title)
    } else {
        None
    }
}

/// The text of a card's first part of `kind`: its first run of text ("DevOps H/F" of a title
/// whose second line is the company).
fn part_of(card: ElementRef<'_>, kind: Part) -> Option<String> {
    card.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| part_kind(*e) == Some(kind))
        .filter_map(|e| first_text(e))
        .next()
}

/// An element's first non-empty run of text, its whitespace squeezed.
fn first_text(el: ElementRef<'_>) -> Option<String> {
    el.text()
        .map(squeeze)
        .find(|t| !t.is_empty())
        .filter(|t| t.chars().count() <= 200)
}

/// One card as a posting: its text, and the facts its parts' classes name.
fn card_doc(card: ElementRef<'_>, opts: TextOptions) -> Doc {
    let mut d = text::read_blocks(element_blocks(card, opts), Format::Html);
    if let Some(t) = card_title(card) {
        d.facts.retain(|f| f.key != Key::Title);
        d.text(Key::Title, t, Origin::Header);
    }
    // A title whose next line is the employer's name ("DevOps H/F" / "Amiltone").
    if part_of(card, Part::Company).is_none()
        && let Some(second) =
            title_part(card).and_then(|t| t.text().map(squeeze).filter(|x| !x.is_empty()).nth(1))
    {
        d.text(Key::Company, second, Origin::Header);
    }
    for (kind, key) in [
        (Part::Company, Key::Company),
        (Part::Location, Key::Location),
        (Part::Salary, Key::Salary),
    ] {
        // The part the card's markup names is the field; a line of its text read as one
        // (a job category under the title taken for the employer) is not.
        if let Some(v) = part_of(card, kind) {
            d.facts.retain(|f| f.key != key);
            // Nor is a line the markup names a place or pay the employer ("Kent" under
            // "Warehouse Operative", classed `job-location`).
            if key != Key::Company {
                d.facts
                    .retain(|f| f.key != Key::Company || f.value.text() != Some(v.as_str()));
            }
            d.text(key, v, Origin::Header);
        }
    }
    d
}

/// Whitespace runs as one space.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    fn cards(html: &str) -> Option<Vec<super::Doc>> {
        let page = Html::parse_document(html);
        super::read(
            page.root_element(),
            super::TextOptions {
                drop_furniture: true,
            },
        )
    }

    fn card(title: &str, company: &str, place: &str) -> String {
        format!(
            r#"<li><div class="base-card job-card"><h3 class="card__title">{title}</h3>
            <h4 class="card__subtitle"><a>{company}</a></h4>
            <span class="card__location">{place}</span><time>2 days ago</time></div></li>"#
        )
    }

    #[test]
    fn a_card_s_classed_company_is_its_employer_not_a_line_of_its_text() {
        let row = |title: &str, place: &str, company: &str| {
            format!(
                r#"<div class="matchElement"><div class="matchValue title"><a>{title}</a></div><div class="matchValue jobcategory">Ingenieure und technische Berufe</div><div class="matchValue city"><span>{place}</span></div><div class="matchValue sg_company_id">{company}</div></div>"#
            )
        };
        let html = format!(
            "<html><body>{}{}</body></html>",
            row(
                "Servicemonteur (w/m/d) 80–100%",
                "Neuhausen am Rheinfall",
                "ETAVIS AG"
            ),
            row(
                "Elektroinstallateur Service (w/m/d)",
                "Wohlen bei Bern",
                "Gfeller Elektro"
            )
        );
        let docs = cards(&html).expect("two cards");
        let companies: Vec<Vec<&str>> = docs
            .iter()
            .map(|d| d.texts(super::Key::Company).map(|(c, _)| c).collect())
            .collect();
        assert_eq!(companies, [vec!["ETAVIS AG"], vec!["Gfeller Elektro"]]);
    }

    #[test]
    fn a_card_without_heading_is_titled_by_its_role_link() {
        let card = |n: u32, title: &str, text: &str| {
            format!(
                r#"<div class="col-md-4"><p class="list_center"><a href="https://x.example/{n}">{n}. {title}</a></p><p class="list_detail">{text}</p><a href="https://x.example/{n}">Read more</a></div>"#
            )
        };
        let html = format!(
            "<html><body><p>Open positions:</p>{}{}</body></html>",
            card(
                1,
                "DevOps & API Engineer",
                "Responsible for deploying and improving our systems."
            ),
            card(
                2,
                "PR & Content Manager",
                "We're looking for someone to grow product awareness."
            )
        );
        let docs = cards(&html).expect("two cards");
        let titles: Vec<&str> = docs
            .iter()
            .map(|d| d.texts(super::Key::Title).next().unwrap().0)
            .collect();
        assert_eq!(titles, ["DevOps & API Engineer", "PR & Content Manager"]);
    }

    #[test]
    fn a_job_alert_s_cards_beside_its_greeting_and_footer_are_its_postings() {
        // Four cards in rows of two, a smaller share of the mail than its greeting, its list
        // of industries and its footer; each classes its parts.
        let card = |t: &str, place: &str, pay: &str| {
            format!(
                "<div class=\"job col\"><a href=\"https://jobs.example/q\"><div class=\"job-title\">{t}</div>\
                 <div class=\"job-location\">{place}</div><div class=\"job-salary\">{pay}</div></a></div>"
            )
        };
        let html = format!(
            "<html><body><p>Dear jobseeker, let this year make your dreams true and let us show the best jobs in the market for you! Check the most viewed jobs and the most popular industries.</p>\
             <div class=\"row\">{}{}</div><div class=\"row\">{}{}</div>\
             <p>Our most popular industries hold the best opportunities for you!</p><ul><li>Administration</li><li>Accountancy</li><li>Media &amp; Design</li><li>Education</li><li>Cleaning</li><li>Landscaping</li><li>Management</li><li>Retail</li><li>Hospitality</li><li>Manufacturing</li><li>Marketing</li><li>Insurance</li><li>Warehouse</li></ul>\
             <p>This email was sent to you from JIK Software Ltd. Whilst reasonable precaution has been taken to minimise risks, we cannot accept liability for any damage which you sustain as a result of software viruses. You should therefore carry out your own virus checks before opening any attachment. Click here to manage your email preferences.</p></body></html>",
            card(
                "Warehouse Operative",
                "Kent",
                "£8.91 - £15 based on location"
            ),
            card("Forklift Driver", "Kent", "£10.50 - £11.66"),
            card("Finance Administrator", "Maidstone, Kent", "Up to £10ph"),
            card(
                "Business Development Executive",
                "Ramsgate, Kent",
                "£20000 - £30000"
            ),
        );
        let docs = cards(&html).expect("four cards");
        assert_eq!(docs.len(), 4);
        // The line the markup names a place is no employer; pay "based on location" says no mode.
        assert_eq!(docs[0].texts(super::Key::Company).count(), 0);
        assert_eq!(
            docs[0].texts(super::Key::Location).next().unwrap().0,
            "Kent"
        );
        let ps = crate::parse::parse_text(&html, "alert.html").unwrap();
        assert_eq!(ps[0].work_mode, None);
        assert_eq!(ps[0].company, None);
    }

    #[test]
    fn a_list_of_cards_is_a_posting_each() {
        let html = format!(
            "<html><body><ul>{}{}</ul></body></html>",
            card("AI Engineer", "Dalpha", "Seoul, South Korea"),
            card("Applied ML Engineer", "Harper", "Seoul, South Korea")
        );
        let docs = cards(&html).expect("two cards");
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[1].texts(super::Key::Title).next().unwrap().0,
            "Applied ML Engineer"
        );
        assert_eq!(
            docs[1].texts(super::Key::Company).next().unwrap().0,
            "Harper"
        );
        assert_eq!(
            docs[0].texts(super::Key::Location).next().unwrap().0,
            "Seoul, South Korea"
        );
    }

    #[test]
    fn a_saved_fragment_of_one_card_is_a_card() {
        // A badge in a box whose class says title comes before the role's own title.
        let html = r#"<div class="job-result"><div class="job-result-logo-title">
            <span class="badge">Promoted Job</span>
            <div class="job-result-title"><h2><a>Insurance Sales Representatives / Advisors</a></h2>
            <h3><a itemprop="hiringOrganization">Guardian Group</a></h3></div></div>
            <ul><li class="location"><a>Port-of-Spain</a></li><li>Updated 28/10/2022</li></ul></div>"#;
        let docs = cards(html).expect("one card");
        assert_eq!(docs.len(), 1);
        let first = |k| docs[0].texts(k).next().map(|t| t.0.to_string());
        assert_eq!(
            first(super::Key::Title).as_deref(),
            Some("Insurance Sales Representatives / Advisors")
        );
        assert_eq!(
            first(super::Key::Company).as_deref(),
            Some("Guardian Group")
        );
        assert_eq!(
            first(super::Key::Location).as_deref(),
            Some("Port-of-Spain")
        );
    }

    #[test]
    fn a_short_page_without_a_role_is_no_card() {
        assert!(cards(r#"<div class="title">Promoted Job</div><p>Read more</p>"#).is_none());
    }

    #[test]
    fn a_posting_with_a_list_of_similar_jobs_is_one_posting() {
        let description = "<p>We build robots. You will design perception systems, own the \
            training pipeline, and ship models to hundreds of machines every week.</p>"
            .repeat(6);
        let html = format!(
            "<html><body><h1>Perception Engineer</h1>{description}<ul>{}{}</ul></body></html>",
            card("AI Engineer", "Dalpha", "Seoul"),
            card("ML Engineer", "Harper", "Seoul")
        );
        assert!(cards(&html).is_none());
    }
}
