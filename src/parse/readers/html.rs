//! HTML pages saved from a browser. When the page carries schema.org `JobPosting` data
//! (JSON-LD `<script type="application/ld+json">`, or microdata `itemtype=…/JobPosting`), its
//! properties are the facts; the page's main text (scripts, styles, navigation, headers,
//! footers, forms and widgets dropped) is read as a board page, a Hacker News post or a plain
//! text. The page's `<h1>`, `<title>`, `og:title` and `og:site_name` are weak facts about the
//! title and the employer.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::super::SkipReason;
use super::super::doc::{Doc, Key, Origin};
use super::super::fields::title::names_a_role;
use super::super::html_text::{self, TextOptions, element_blocks, element_text};
use super::{board, cards, hn, jsonld, text, xml};
use crate::posting::Format;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel(r#"link[rel="canonical"]"#));
static SCRIPT: LazyLock<Selector> = LazyLock::new(|| sel("script"));
/// Where a page keeps its main part, the likeliest first.
const MAIN_PARTS: [&str; 4] = ["main", "[role=main]", "article", "body"];
static MAIN: LazyLock<Vec<Selector>> =
    LazyLock::new(|| MAIN_PARTS.iter().map(|s| sel(s)).collect());
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static MICRODATA: LazyLock<Selector> = LazyLock::new(|| sel("[itemtype]"));
static ITEMPROP: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop]"));

/// Whether a text is an HTML document (or a fragment of block markup).
pub fn looks_like_html(text: &str, source: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && head.contains("<html"))
        || head.contains("<html")
        || head.contains("<head>")
        || head.contains("<body")
    {
        return true;
    }
    let lower = source.to_lowercase();
    // A Markdown file may open with inline markup (`<a name="jobs"></a>`): it is Markdown
    // unless markup makes a good share of its lines (a README laid out in HTML tables).
    if super::super::detect::is_markdown_file(source) {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(200)
            .collect();
        let tagged = lines.iter().filter(|l| l.starts_with('<')).count();
        if tagged < 3 || tagged * 4 < lines.len() {
            return false;
        }
    }
    // A server page's source (PHP, JSP, ASP, ERB) or a template's (Smarty, Twig, Jinja,
    // Handlebars, Liquid…) is the page's markup with code in it.
    let ext_html = [
        "html",
        "htm",
        "xhtml",
        "php",
        "phtml",
        "jsp",
        "asp",
        "aspx",
        "erb",
        "cshtml",
        "tpl",
        "twig",
        "jinja",
        "jinja2",
        "j2",
        "njk",
        "hbs",
        "handlebars",
        "mustache",
        "liquid",
        "ejs",
        "tmpl",
        "gohtml",
        "ftl",
        "vm",
        "eex",
        "heex",
    ]
    .iter()
    .any(|e| lower.ends_with(&format!(".{e}")));
    let starts_tag = head.starts_with('<')
        && head[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '!');
    // A template's page may open with a long style sheet: its closing tags come later.
    (starts_tag && head.contains("</"))
        || (ext_html && text[..text.floor_char_boundary(HTML_PROBE)].contains("</"))
}

/// How far into a server page or template a closing tag is looked for.
const HTML_PROBE: usize = 64 * 1024;

pub fn read(page_text: &str) -> Result<Vec<Doc>, SkipReason> {
    if html_text::too_deep(page_text) {
        return Err(SkipReason::Malformed {
            format: "html",
            detail: format!("elements nested deeper than {}", html_text::MAX_NESTING),
        });
    }
    // An XML feed of records (Personio) is read as records, not as a page's text.
    if xml::looks_like_xml(page_text) {
        let records = xml::read(page_text);
        if !records.is_empty() {
            return Ok(records);
        }
    }
    let page = Html::parse_document(page_text);

    // 1. JSON-LD (read once: its site name is a hint about the page too).
    let ld = ld_values(&page);
    let mut docs = Vec::new();
    for v in &ld {
        for o in jsonld::find_job_postings(v) {
            docs.push(jsonld::doc(&o, Format::Html));
        }
    }
    // 2. Microdata.
    if docs.is_empty() {
        for item in page.select(&MICRODATA) {
            let ty = item.value().attr("itemtype").unwrap_or("");
            if ty.trim_end_matches('/').ends_with("JobPosting") {
                docs.push(microdata_doc(item));
            }
        }
    }
    // 3. A table of jobs, a row each (a job board's README, a saved listing): each row is all
    // its posting says, without the page's text or its hints about one employer.
    if docs.is_empty()
        && let Some(rows) = super::table::html_jobs(&page, Format::Html)
    {
        return Ok(rows);
    }
    // 3b. A Hacker News thread page: a posting per top-level comment, the replies left out.
    if docs.is_empty()
        && let Some(posts) = hn_thread_page(&page)
    {
        docs = posts;
    }
    // 3c. A list of jobs a script component is given (Vue's `<job-list v-bind='{"content":
    // {"vacancies": […]}}'>`, React's `data-props`), two or more, each titled: those jobs, as
    // the data of a page without text is read; the page's own text is the frame around them.
    if docs.is_empty()
        && let Some(records) = bound_data(&page)
    {
        return Ok(with_page_hints(records, &page, &ld));
    }
    // The page's main element. An article among others (a list of them, a search form in
    // one) is no page's main part: their page is.
    let main = MAIN
        .iter()
        .zip(MAIN_PARTS)
        .filter(|(s, part)| *part != "article" || page.select(s).nth(1).is_none())
        .find_map(|(s, _)| {
            page.select(s)
                .find(|e| e.text().any(|t| !t.trim().is_empty()))
        })
        .unwrap_or_else(|| page.root_element());
    let opts = TextOptions {
        drop_furniture: true,
    };
    // 4. A list of job cards (search results), each a posting.
    if docs.is_empty()
        && let Some(cards) = cards::read(main, opts)
    {
        docs = cards;
    }
    // 5. The page's text as one posting (or a board's, a Hacker News post's).
    if docs.is_empty() {
        let text = element_text(main, opts);
        if text.trim().is_empty() {
            // A page a script renders from the data it carries (Inertia.js's `<div id="app"
            // data-page="{…}">`): the records in that data.
            if let Some(records) = page_data(&page) {
                return Ok(records);
            }
            // A social network's page of a post, saved before its script ran: the post is
            // the page's summary of itself (`og:description`), its lines kept.
            if let Some(post) = shared_post(&page) {
                return Ok(text::read(&post));
            }
            return Err(SkipReason::NoPosting("HTML page without text".into()));
        }
        docs = if board::looks_like_board(&text) {
            board::read(&text)
        } else if hn::looks_like_thread(&text) || hn::looks_like_post(&text) {
            hn::read(&text)?
        } else {
            vec![text::read_blocks(element_blocks(main, opts), Format::Html)]
        };
    } else if docs.iter().any(|d| d.blocks.is_empty()) {
        let blocks = element_blocks(main, opts);
        for d in docs.iter_mut().filter(|d| d.blocks.is_empty()) {
            d.blocks = blocks.clone();
            super::label_facts(d);
        }
    }
    Ok(with_page_hints(docs, &page, &ld))
}

/// The postings read from a page, each with what the page says of them all (its site's name,
/// its title), weaker than what a posting says itself.
fn with_page_hints(mut docs: Vec<Doc>, page: &Html, ld: &[Value]) -> Vec<Doc> {
    let hints = page_facts(page, ld);
    for d in &mut docs {
        d.format = Format::Html;
        for (k, v, origin) in &hints {
            d.text(*k, v, *origin);
        }
    }
    docs
}

/// The jobs of the data a page's script components are given in its markup: a Vue
/// component's `v-bind` object or a bound prop (`:jobs="[…]"`), React's `data-props` /
/// `data-react-props`. None unless some such data holds two postings or more, each titled and
/// most of them naming a role (a menu's `:links='[{"title": "Home", "url": "/"}, …]'` is no
/// list of jobs).
fn bound_data(page: &Html) -> Option<Vec<Doc>> {
    const NAMED: [&str; 4] = ["v-bind", "data-props", "data-react-props", "data-vue-props"];
    let mut best: Option<Vec<Doc>> = None;
    for e in page
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        for (name, value) in e.value().attrs() {
            if !(NAMED.contains(&name) || name.starts_with(':') || name.starts_with("v-bind:")) {
                continue;
            }
            let v = value.trim_start();
            if !(v.starts_with('{') || v.starts_with('[')) {
                continue;
            }
            let Ok(json) = serde_json::from_str::<Value>(value) else {
                continue;
            };
            let Ok(docs) = super::json::read_values(vec![json], Vec::new()) else {
                continue;
            };
            let titled = docs.iter().filter(|d| d.has(Key::Title)).count();
            let roles = docs
                .iter()
                .filter(|d| d.texts(Key::Title).any(|(t, _)| names_a_role(t)))
                .count();
            if titled >= 2
                && titled == docs.len()
                && roles >= 2
                && roles * 2 >= docs.len()
                && best.as_ref().is_none_or(|b| b.len() < docs.len())
            {
                best = Some(docs);
            }
        }
    }
    best
}

/// The records of the data a script renders the page from: an element's `data-page` (Inertia.js,
/// as Laravel and Rails apps ship a page's props) holding a JSON object. None when there is no
/// such data or it holds no record.
fn page_data(page: &Html) -> Option<Vec<Doc>> {
    static DATA: LazyLock<Selector> = LazyLock::new(|| sel("[data-page]"));
    let values: Vec<serde_json::Value> = page
        .select(&DATA)
        .filter_map(|e| e.value().attr("data-page"))
        .filter(|v| v.trim_start().starts_with('{'))
        .filter_map(|v| serde_json::from_str(v).ok())
        .collect();
    if values.is_empty() {
        return None;
    }
    let mut docs = super::json::read_values(values, Vec::new()).ok()?;
    // Read from a page, as its JSON-LD is: the page's format.
    for d in &mut docs {
        d.format = Format::Html;
    }
    (!docs.is_empty()).then_some(docs)
}

/// The posts of a saved Hacker News thread page: each comment row (`tr.athing` with a `td.ind`;
/// the story's own row has none) whose indent (`td.ind[indent]`, or its spacer image's width,
/// as pages before 2017 give it) is 0, its `.commtext` (`span.comment` then) read as a post,
/// linked to its item. None when the page has no comment rows.
fn hn_thread_page(page: &Html) -> Option<Vec<Doc>> {
    static ROW: LazyLock<Selector> = LazyLock::new(|| sel("tr.athing"));
    static IND: LazyLock<Selector> = LazyLock::new(|| sel("td.ind"));
    static SPACER: LazyLock<Selector> = LazyLock::new(|| sel("td.ind img"));
    static TEXT: LazyLock<Selector> = LazyLock::new(|| sel(".commtext, span.comment"));
    let mut rows = page
        .select(&ROW)
        .filter(|r| r.select(&IND).next().is_some())
        .peekable();
    rows.peek()?;
    let mut docs = Vec::new();
    for row in rows {
        let indent = row
            .select(&IND)
            .next()
            .and_then(|td| td.value().attr("indent"))
            .or_else(|| {
                row.select(&SPACER)
                    .next()
                    .and_then(|img| img.value().attr("width"))
            })
            .and_then(|v| v.trim().parse::<u32>().ok())
            .unwrap_or(0);
        if indent != 0 {
            continue;
        }
        let Some(body) = row.select(&TEXT).next() else {
            continue;
        };
        let text = html_text::fragment_to_text(&body.inner_html());
        if let Some(mut d) = hn::read_post(&text) {
            if let Some(id) = row
                .value()
                .attr("id")
                .filter(|id| id.chars().all(|c| c.is_ascii_digit()))
            {
                d.text(
                    Key::Url,
                    format!("https://news.ycombinator.com/item?id={id}"),
                    Origin::Header,
                );
            }
            docs.push(d);
        }
    }
    Some(docs).filter(|d| !d.is_empty())
}

/// JSON-LD text, leniently: HTML comment and CDATA wrappers removed, raw control characters
/// (invalid inside JSON strings, common in pages) turned into spaces.
fn parse_ld_json(raw: &str) -> Option<Value> {
    let t = raw.trim();
    let t = t.trim_start_matches("<!--").trim_end_matches("-->").trim();
    let t = t
        .trim_start_matches("//<![CDATA[")
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("//]]>")
        .trim_end_matches("]]>")
        .trim();
    serde_json::from_str(t).ok().or_else(|| {
        let cleaned: String = t
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned)
            .ok()
            .or_else(|| serde_json::from_str(&without_trailing_commas(&cleaned)).ok())
    })
}

/// JSON with the trailing commas some pages leave (`[1, 2,]`, `{"a": 1,}`) removed; commas
/// inside strings are kept.
fn without_trailing_commas(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_str = false;
    let mut escaped = false;
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if in_str {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        if c == '"' {
            in_str = true;
        } else if c == ','
            && chars[i + 1..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_some_and(|n| matches!(n, '}' | ']'))
        {
            continue;
        }
        out.push(c);
    }
    out
}

/// Title and employer hints of the page around the posting: the `<h1>`, the `og:title` or
/// `<title>` (split later: "Senior Engineer at Acme | Board"), the site's name, the page's
/// summary of itself (its meta description). Each as the page's (weak), but a site's name its
/// logo bears too as the employer around the postings (a wrapper's name).
fn page_facts(page: &Html, ld: &[Value]) -> Vec<(Key, String, Origin)> {
    let text_of = |e: ElementRef<'_>| {
        let t: String = e.text().collect::<Vec<_>>().join(" ");
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        (!t.is_empty() && t.chars().count() <= 200).then_some(t)
    };
    let mut out = Vec::new();
    let h1 = page.select(&H1).find_map(text_of);
    // Without a heading that names a role, the part the markup classes as the title.
    if !h1.as_deref().is_some_and(names_a_role)
        && let Some(t) = cards::classed_title(page.root_element())
    {
        out.push((Key::Title, t));
    }
    if let Some(h1) = h1 {
        out.push((Key::Title, h1));
    }
    let mut og_title = None;
    let mut summary = None;
    let mut site = None;
    let mut url = None;
    for m in page.select(&META) {
        let key = m
            .value()
            .attr("property")
            .or_else(|| m.value().attr("name"))
            .unwrap_or("")
            .to_lowercase();
        let content = m
            .value()
            .attr("content")
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty() && c.chars().count() <= 200);
        match key.as_str() {
            "og:title" | "twitter:title" if og_title.is_none() => og_title = content,
            "og:site_name" if site.is_none() => site = content,
            "description" | "og:description" if summary.is_none() => summary = content,
            "og:url" if url.is_none() => url = content,
            _ => {}
        }
    }
    let ld_site = ld.iter().find_map(ld_site);
    // The page's own address: where it was saved from (a site's name is checked against it),
    // else its site's (a saved copy's links are made relative).
    let absolute = |u: &String| u.starts_with("http") && u.len() <= 300;
    if let Some(u) = url
        .filter(absolute)
        .or_else(|| {
            page.select(&CANONICAL)
                .find_map(|l| l.value().attr("href").map(|h| h.trim().to_string()))
                .filter(absolute)
        })
        .or_else(|| ld_site.as_ref().and_then(|s| s.1.clone()).filter(absolute))
    {
        out.push((Key::Url, u));
    }
    if let Some(t) = og_title.or_else(|| page.select(&TITLE).find_map(text_of)) {
        out.push((Key::Subject, t));
    }
    if let Some(s) = site.or_else(|| ld_site.map(|s| s.0)) {
        out.push((Key::Company, s));
    }
    if let Some(s) = summary {
        out.push((Key::Summary, s));
    }
    out.into_iter()
        .map(|(k, v)| {
            let origin = if k == Key::Company && logo_names(page, &v) {
                Origin::Wrapper
            } else {
                Origin::Page
            };
            (k, v, origin)
        })
        .collect()
}

/// Whether the page's logo bears a name: an image whose alternative text is the name, the image
/// or what holds it classed as a logo (`<figure class="company-logo"><img alt="Acme">`).
fn logo_names(page: &Html, name: &str) -> bool {
    static IMG: LazyLock<Selector> = LazyLock::new(|| sel("img[alt]"));
    let logo = |e: ElementRef<'_>| {
        e.value()
            .attr("class")
            .is_some_and(|c| c.to_ascii_lowercase().contains("logo"))
    };
    page.select(&IMG).any(|img| {
        img.value()
            .attr("alt")
            .is_some_and(|a| a.trim().eq_ignore_ascii_case(name.trim()))
            && (logo(img)
                || img
                    .ancestors()
                    .take(2)
                    .filter_map(ElementRef::wrap)
                    .any(logo))
    })
}

/// The post a page shares in its summary of itself, when the summary is a post of several
/// lines (a Threads, LinkedIn or Mastodon page's `og:description`), not a line about the page.
fn shared_post(page: &Html) -> Option<String> {
    page.select(&META)
        .filter(|m| {
            let v = m.value();
            let key = v.attr("property").or_else(|| v.attr("name")).unwrap_or("");
            matches!(
                key.to_lowercase().as_str(),
                "og:description" | "description" | "twitter:description"
            )
        })
        .filter_map(|m| m.value().attr("content"))
        .map(str::trim)
        .filter(|c| c.lines().filter(|l| !l.trim().is_empty()).count() >= 3)
        .max_by_key(|c| c.len())
        .map(|c| c.chars().take(super::super::fields::MAX_TEXT).collect())
}

/// Every JSON-LD block of a page that parses.
fn ld_values(page: &Html) -> Vec<Value> {
    page.select(&SCRIPT)
        .filter(|s| {
            s.value()
                .attr("type")
                .is_some_and(|t| t.to_lowercase().contains("ld+json"))
        })
        .filter_map(|s| parse_ld_json(&s.text().collect::<String>()))
        .collect()
}

/// The name and address a JSON-LD block gives its web site (`{"@type": "WebSite", "name":
/// "Volio", "url": "https://volio.vn/"}`, often in a `@graph`): the same hint as `og:site_name`.
fn ld_site(v: &Value) -> Option<(String, Option<String>)> {
    match v {
        Value::Array(items) => items.iter().find_map(ld_site),
        Value::Object(o) => {
            let is_site = o.get("@type").and_then(Value::as_str) == Some("WebSite");
            if is_site
                && let Some(n) = o.get("name").and_then(Value::as_str)
                && (1..=60).contains(&n.trim().chars().count())
            {
                let url = o.get("url").and_then(Value::as_str).map(str::to_string);
                return Some((n.trim().to_string(), url));
            }
            o.get("@graph").and_then(ld_site)
        }
        _ => None,
    }
}

/// A document from schema.org microdata (`itemprop` attributes under a JobPosting item).
fn microdata_doc(item: ElementRef<'_>) -> Doc {
    let mut obj = serde_json::Map::new();
    let mut places: Vec<String> = Vec::new();
    for el in item.select(&ITEMPROP) {
        let prop = el.value().attr("itemprop").unwrap_or("");
        let value = el
            .value()
            .attr("content")
            .or_else(|| el.value().attr("datetime"))
            .or_else(|| el.value().attr("href").filter(|_| prop == "url"))
            .map(str::to_string)
            .unwrap_or_else(|| {
                if prop == "description" {
                    el.inner_html()
                } else {
                    el.text()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                }
            });
        match prop {
            "title" | "employmentType" | "datePosted" | "description" | "url" | "skills"
            | "qualifications" | "responsibilities" | "jobLocationType" | "validThrough" => {
                obj.entry(prop.to_string()).or_insert(Value::String(value));
            }
            "hiringOrganization" => {
                obj.entry(prop.to_string()).or_insert(Value::String(value));
            }
            "name" => {
                // The organization's name inside hiringOrganization.
                if let Some(Value::String(s)) = obj.get_mut("hiringOrganization")
                    && is_inside(el, "hiringOrganization")
                {
                    *s = value;
                }
            }
            "addressLocality" | "addressRegion" | "addressCountry"
                if !places.contains(&value) && !value.is_empty() =>
            {
                places.push(value);
            }
            "baseSalary" | "value" | "minValue" | "maxValue" | "currency" | "unitText" => {
                obj.entry(format!("salary_{prop}"))
                    .or_insert(Value::String(value));
            }
            _ => {}
        }
    }
    if !places.is_empty() {
        obj.insert("jobLocation".into(), Value::String(places.join(", ")));
    }
    let amount = |k: &str| obj.get(&format!("salary_{k}")).cloned();
    if amount("minValue").is_some() || amount("value").is_some() || amount("maxValue").is_some() {
        let mut q = serde_json::Map::new();
        for k in ["minValue", "maxValue", "value", "unitText"] {
            if let Some(v) = amount(k) {
                q.insert(k.into(), v);
            }
        }
        let mut m = serde_json::Map::new();
        if let Some(c) = amount("currency") {
            m.insert("currency".into(), c);
        }
        m.insert("value".into(), Value::Object(q));
        obj.insert("baseSalary".into(), Value::Object(m));
    } else if let Some(s) = amount("baseSalary") {
        obj.insert("baseSalary".into(), s);
    }
    let mut d = jsonld::doc(&obj, Format::Html);
    for f in &mut d.facts {
        if f.origin == Origin::JsonLd {
            f.origin = Origin::Record;
        }
    }
    d
}

/// Whether `el` sits inside an element with `itemprop=prop`.
fn is_inside(el: ElementRef<'_>, prop: &str) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().attr("itemprop") == Some(prop))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jobs_a_component_is_given_are_the_page_s_postings() {
        let html = r#"<html><head><meta property="og:site_name" content="Lieferando Scoober"></head>
            <body><figure class="company-logo"><img alt="Lieferando Scoober" src="l.png"></figure>
            <h1>#LEAD</h1><p>Du möchtest Dich auf andere Standorte bewerben? Klicke hier!</p>
            <job-list v-bind='{"content": {"vacancies": [
              {"id": 1, "title": "Senior Project Manager (m/f/d)", "location_id": 10029, "job_type_id": 0},
              {"id": 2, "title": "Schichtleiter Flottenassistenz Werkstudent (m/w/d)", "location_id": 10032, "job_type_id": 1}],
              "locations": [{"id": 10029, "name": "Berlin"}, {"id": 10032, "name": "Hannover", "address": "Friesenstraße 54"}],
              "job_types": [{"id": 0, "name": "Vollzeit"}, {"id": 1, "name": "Teilzeit"}]},
              "i18n": {"title": "Unsere Stellen", "locations": "Standort", "jobTypes": "Stellenart"}}'></job-list>
            </body></html>"#;
        let ps = crate::parse::parse_text(html, "careers.html").unwrap();
        let got: Vec<_> = ps
            .iter()
            .map(|p| {
                (
                    p.title.as_deref().unwrap_or(""),
                    p.company.as_deref().unwrap_or(""),
                    p.locations.join("; "),
                    p.employment_type.map(|e| e.as_str()).unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Senior Project Manager (m/f/d)",
                    "Lieferando Scoober",
                    "Berlin".to_string(),
                    "full-time"
                ),
                (
                    "Schichtleiter Flottenassistenz Werkstudent (m/w/d)",
                    "Lieferando Scoober",
                    "Hannover".to_string(),
                    "part-time"
                ),
            ]
        );
        // One job in a component's data is no list of jobs: the page is read as before.
        let one = html.replace(
            r#"{"id": 2, "title": "Schichtleiter Flottenassistenz Werkstudent (m/w/d)", "location_id": 10032, "job_type_id": 1}"#,
            r#"{"id": 2, "location_id": 10032}"#,
        );
        assert_eq!(read(&one).unwrap().len(), 1);
        // A menu's items are no jobs.
        let menu = r#"<html><body><h1>Backend Engineer</h1><p>Join us to build the platform.</p>
            <nav-menu :links='[{"title": "Home", "url": "/"}, {"title": "About us", "url": "/about"},
              {"title": "Blog", "url": "/blog"}]'></nav-menu></body></html>"#;
        let ps = crate::parse::parse_text(menu, "page.html").unwrap();
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].title.as_deref(), Some("Backend Engineer"));
    }

    #[test]
    fn a_shared_post_s_page_without_text_is_its_summary() {
        let html = "<html><head><meta property=\"og:title\" content=\"Rendy on Threads\" />\
            <meta property=\"og:description\" content=\"We're Hiring!\n\nOpen Positions:\n\
            \u{2022} Angular Developer\n\u{2022} Project Manager\n\nSend your CV.\" />\
            <title>Threads</title></head><body></body></html>";
        let docs = crate::parse::split::several_jobs(read(html).unwrap());
        let titles: Vec<_> = docs
            .iter()
            .filter_map(|d| d.texts(Key::Title).next().map(|t| t.0.to_string()))
            .collect();
        assert_eq!(titles, ["Angular Developer", "Project Manager"]);
        // A page whose summary is one line about itself has no posting.
        let html = "<html><head><meta name=\"description\" content=\"The best jobs in town.\" /></head><body></body></html>";
        assert!(read(html).is_err());
    }

    fn run(text: &str) -> Result<Vec<Doc>, SkipReason> {
        read(text)
    }

    fn all(d: &Doc, k: Key) -> Vec<String> {
        d.texts(k).map(|(t, _)| t.to_string()).collect()
    }

    #[test]
    fn json_ld_page() {
        let page = r#"<!DOCTYPE html><html><head><title>Careers</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList"}</script>
            <script type="application/ld+json">
            {"@context": "https://schema.org/", "@type": "JobPosting", "title": "Platform Engineer",
             "description": "<p>Run the platform.
             </p><h3>Requirements</h3><ul><li>Kubernetes</li></ul>",
             "hiringOrganization": {"@type": "Organization", "name": "Acme"},
             "employmentType": "FULL_TIME"}
            </script></head><body><nav>Home Jobs</nav><h1>Platform Engineer</h1></body></html>"#;
        let d = run(page).unwrap().remove(0);
        assert_eq!(d.format, Format::Html);
        assert_eq!(
            all(&d, Key::Title),
            ["Platform Engineer", "Platform Engineer"]
        );
        assert!(
            d.texts(Key::Title)
                .next()
                .is_some_and(|(_, o)| o == Origin::JsonLd)
        );
        assert_eq!(all(&d, Key::Company), ["Acme"]);
        assert!(d.blocks.iter().any(|b| b.text == "Kubernetes"));
    }

    #[test]
    fn a_template_is_a_page_though_a_long_style_sheet_opens_it() {
        let style = ".job { color: #0052cd; }\n".repeat(200);
        let page = format!(
            "{{literal}}<style>\n{style}</style>{{/literal}}\n<div><h2>Front-End Developer</h2><p>Build pages.</p></div>"
        );
        assert!(looks_like_html(&page, "jobs.tpl"));
        assert!(looks_like_html(&page, "careers.twig"));
        // The extension alone makes no page: markup must close somewhere.
        assert!(!looks_like_html(
            "{literal}.job { color: red; }",
            "jobs.tpl"
        ));
        assert!(!looks_like_html(&page, "notes.txt"));
    }

    #[test]
    fn markdown_opening_with_inline_markup_is_no_page() {
        let md = "<a name=\"jobs\"></a>\n# **Recent Job Postings**\n\n1. [Engineer](https://x.example/1): Acme, Boston, MA\n";
        assert!(!looks_like_html(md, "newsletter.md"));
        assert!(looks_like_html(md, "newsletter.html"));
        let laid_out = "<div align=\"center\">\n\n# Jobs\n\n<table>\n<tr>\n<td>Engineer</td>\n</tr>\n</table>\n</div>\n";
        assert!(looks_like_html(laid_out, "README.md"));
    }

    #[test]
    fn an_article_among_others_is_no_page_s_main_part() {
        // A search form in the first article, the job in the next: the page is read.
        let html = "<html><body><article class=\"search\"><form><select><option>Alle opslag</option></select></form></article>\
            <article class=\"job\"><h3>Grafisk designer</h3><p>Vi søger en dygtig multimediedesigner til 3 måneders praktik i Århus. Du arbejder med brands, film og tekster.</p></article></body></html>";
        let ds = run(html).unwrap();
        assert!(
            ds.iter()
                .any(|d| all(d, Key::Title).iter().any(|t| t == "Grafisk designer")),
            "{ds:?}"
        );
    }

    #[test]
    fn a_page_rendered_from_its_data_gives_the_records_in_it() {
        // Inertia.js: the page's props as JSON in an attribute, no text in the markup.
        let html = "<html><body><div id=\"app\" data-page=\"{&quot;component&quot;: &quot;Jobs&quot;, \
            &quot;props&quot;: {&quot;jobPostings&quot;: [{&quot;title&quot;: &quot;Full Stack Engineer&quot;, \
            &quot;location&quot;: &quot;New York, NY, US&quot;, &quot;companyName&quot;: &quot;Acme&quot;}, \
            {&quot;title&quot;: &quot;Sales Lead&quot;, &quot;location&quot;: &quot;Boston, MA, US&quot;, \
            &quot;companyName&quot;: &quot;Acme&quot;}]}}\"></div></body></html>";
        let ds = run(html).unwrap();
        let titles: Vec<Vec<String>> = ds.iter().map(|d| all(d, Key::Title)).collect();
        assert_eq!(titles, [["Full Stack Engineer"], ["Sales Lead"]]);
        assert_eq!(all(&ds[1], Key::Location), ["Boston, MA, US"]);
        // No data and no text: nothing.
        assert!(run("<html><body><div id=\"app\" data-page=\"[]\"></div></body></html>").is_err());
    }

    #[test]
    fn a_page_without_a_role_heading_is_titled_by_the_part_its_markup_classes_as_one() {
        // The heading names the company's page; the vacancy's name is a classed part, as is a
        // section's own title, which names no role.
        let html = "<html><body><div class=\"page_title\"><h1>О компании</h1></div>\
            <div class=\"vacancy\"><div class=\"vacancy_title\"><div class=\"vacancy_name\">Фармацевт </div></div>\
            <ul><li><span class=\"vacancy_text_title\">Должностные обязанности:</span></li>\
            <li>Консультирование покупателей, работа с кассой, приём товара.</li></ul></div></body></html>";
        let ps = crate::parse::parse_text(html, "vacancy.php").unwrap();
        assert_eq!(ps[0].title.as_deref(), Some("Фармацевт"));
        // A heading that names a role stays the title.
        let html = "<html><body><h1>Senior Accountant</h1><div class=\"sidebar-title\">Junior Designer</div>\
            <p>We are looking for an accountant to run our month-end close.</p>{}</body></html>";
        let html = html.replace(
            "{}",
            &"<p>You will reconcile ledgers, prepare reports and work with our auditors.</p>"
                .repeat(12),
        );
        let ps = crate::parse::parse_text(&html, "job.html").unwrap();
        assert_eq!(ps[0].title.as_deref(), Some("Senior Accountant"));
    }

    #[test]
    fn page_without_json_ld() {
        let page = "<html><head><title>Data Analyst at Initech | Jobs</title><style>body{}</style></head><body>\
            <nav><a>Home</a><a>Jobs</a></nav><header>Initech careers</header><main><h1>Data Analyst</h1>\
            <p>Location: Berlin, Germany</p><h2>About the role</h2><p>You will analyse data all day long, with SQL and Python and more.</p></main>\
            <footer>© Initech</footer><script>track()</script></body></html>";
        let d = run(page).unwrap().remove(0);
        assert!(all(&d, Key::Title).contains(&"Data Analyst".to_string()));
        assert_eq!(all(&d, Key::Subject), ["Data Analyst at Initech | Jobs"]);
        assert_eq!(all(&d, Key::Location), ["Berlin, Germany"]);
        let text: String = d.blocks.iter().map(|b| b.text.clone()).collect();
        assert!(!text.contains("track()") && !text.contains("Home") && !text.contains("©"));
    }

    #[test]
    fn malformed_pages() {
        assert!(matches!(
            run("<html><head><script>x</script></head></html>"),
            Err(SkipReason::NoPosting(_))
        ));
        let d = run("<html><body><script type=\"application/ld+json\">{\"@type\": \"JobPosting\", \"title\": </script><h1>QA Engineer</h1><p>Test things.</p></body></html>").unwrap();
        assert!(all(&d[0], Key::Title).contains(&"QA Engineer".to_string()));
    }

    #[test]
    fn microdata() {
        let page = r#"<html><body><div itemscope itemtype="http://schema.org/JobPosting">
            <h1 itemprop="title">Welder</h1>
            <div itemprop="hiringOrganization" itemscope itemtype="http://schema.org/Organization"><span itemprop="name">Forge Co</span></div>
            <span itemprop="jobLocation" itemscope><span itemprop="addressLocality">Leeds</span></span>
            <meta itemprop="employmentType" content="PART_TIME">
            <div itemprop="description"><p>Weld.</p></div></div></body></html>"#;
        let d = run(page).unwrap().remove(0);
        assert_eq!(all(&d, Key::Title)[0], "Welder");
        assert_eq!(all(&d, Key::Company), ["Forge Co"]);
        assert_eq!(all(&d, Key::Location), ["Leeds"]);
        assert_eq!(all(&d, Key::EmploymentType), ["PART_TIME"]);
    }

    #[test]
    fn lenient_json_ld() {
        let v = parse_ld_json(
            "<!--\n{\"@type\": \"JobPosting\", \"title\": \"A, B\",\n \"x\": [1, 2,],}\n-->",
        )
        .unwrap();
        assert_eq!(v["title"], "A, B");
    }
}
