//! HTML pages saved from a browser. When the page carries schema.org `JobPosting` data
//! (JSON-LD `<script type="application/ld+json">`, or microdata `itemtype=…/JobPosting`), the
//! fields come from it; otherwise the page's main text is extracted with the HTML parser
//! (scripts, styles, navigation, headers, footers and forms dropped) and read as text, with the
//! page's `<h1>` and `<title>` as title hints.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::fields::company::{looks_like_title, split_title_company};
use super::html_text::{TextOptions, element_text};
use super::{Document, SkipReason, detect, jsonld, text};
use crate::posting::{FieldSource, Format, Posting, WorkMode};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

static LD_JSON: LazyLock<Selector> = LazyLock::new(|| sel("script"));
static MAIN: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    ["main", "[role=main]", "article", "body"]
        .iter()
        .map(|s| sel(s))
        .collect()
});
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
    let ext_html = has_ext(source, &["html", "htm", "xhtml"]);
    let starts_tag = head.starts_with('<')
        && head[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '!');
    (starts_tag || ext_html) && head.contains("</")
}

fn has_ext(source: &str, exts: &[&str]) -> bool {
    let lower = source.to_lowercase();
    exts.iter().any(|e| lower.ends_with(&format!(".{e}")))
}

pub fn parse(doc: &Document<'_>) -> Result<Vec<Posting>, SkipReason> {
    if super::html_text::too_deep(doc.text) {
        return Err(SkipReason::Malformed {
            format: "html",
            detail: format!(
                "elements nested deeper than {}",
                super::html_text::MAX_NESTING
            ),
        });
    }
    let page = Html::parse_document(doc.text);
    let hints = PageHints::read(&page);

    // 1. JSON-LD.
    let mut postings = Vec::new();
    for script in page.select(&LD_JSON) {
        let ty = script.value().attr("type").unwrap_or("").to_lowercase();
        if !ty.contains("ld+json") {
            continue;
        }
        let raw: String = script.text().collect();
        let Some(v) = parse_ld_json(&raw) else {
            continue;
        };
        for o in jsonld::find_job_postings(&v) {
            postings.push(jsonld::posting(o));
        }
    }
    // 2. Microdata.
    if postings.is_empty() {
        for item in page.select(&MICRODATA) {
            let ty = item.value().attr("itemtype").unwrap_or("");
            if ty.trim_end_matches('/').ends_with("JobPosting") {
                postings.push(microdata_posting(item));
            }
        }
    }
    // 3. The page's text.
    let main_text = || {
        let root = MAIN
            .iter()
            .find_map(|s| {
                page.select(s)
                    .find(|e| e.text().any(|t| !t.trim().is_empty()))
            })
            .unwrap_or_else(|| page.root_element());
        element_text(
            root,
            TextOptions {
                drop_furniture: true,
            },
        )
    };
    if postings.is_empty() {
        let text = main_text();
        if text.trim().is_empty() {
            return Err(SkipReason::NoPosting("HTML page without text".into()));
        }
        let inner = Document {
            text: &text,
            source: doc.source,
        };
        let mut ps = match detect::detect_text(&inner) {
            Format::Board => super::board::parse(&inner)?,
            Format::Hn => super::hn::parse(&inner)?,
            _ => text::parse(&inner)?,
        };
        for p in &mut ps {
            hints.apply(p);
        }
        postings = ps;
    } else {
        let fallback = postings
            .iter()
            .any(|p| p.sections.is_empty())
            .then(main_text);
        for p in &mut postings {
            if p.sections.is_empty()
                && let Some(t) = &fallback
            {
                let lines = super::fields::sections::tidy_lines(t.lines());
                p.sections = super::fields::sections::split_sections(&lines);
            }
            hints.apply(p);
        }
    }
    for p in &mut postings {
        p.format = Format::Html;
    }
    Ok(postings)
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

/// Title and company hints from the page around the posting.
#[derive(Debug, Default)]
struct PageHints {
    h1: Option<String>,
    title: Option<String>,
    og_title: Option<String>,
    site_name: Option<String>,
}

impl PageHints {
    fn read(page: &Html) -> Self {
        let text_of = |e: ElementRef<'_>| {
            let t: String = e.text().collect::<Vec<_>>().join(" ");
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            (!t.is_empty() && t.chars().count() <= 200).then_some(t)
        };
        let mut h = PageHints {
            h1: page.select(&H1).find_map(text_of),
            title: page.select(&TITLE).find_map(text_of),
            ..Default::default()
        };
        for m in page.select(&META) {
            let key = m
                .value()
                .attr("property")
                .or_else(|| m.value().attr("name"))
                .unwrap_or("")
                .to_lowercase();
            let content = m.value().attr("content").map(|c| c.trim().to_string());
            match key.as_str() {
                "og:title" | "twitter:title" if h.og_title.is_none() => h.og_title = content,
                "og:site_name" if h.site_name.is_none() => h.site_name = content,
                _ => {}
            }
        }
        h
    }

    /// Fills title and company when the posting has none: the `<h1>` (when it reads as a job
    /// title), else the `<title>` / og:title split as "Title at Company" or "Title - Company".
    fn apply(&self, p: &mut Posting) {
        let src = FieldSource::Header;
        let (t_title, t_company) = self
            .og_title
            .as_deref()
            .or(self.title.as_deref())
            .map(split_title_company)
            .unwrap_or((None, None));
        if p.title.is_none() {
            let h1 = self.h1.clone().filter(|h| looks_like_title(h));
            if let Some(t) = h1.or(t_title) {
                p.title = Some(t);
                p.set_source("title", src);
            }
        }
        if p.company.is_none()
            && let Some(c) = t_company
                .map(|c| strip_site_words(&c))
                .filter(|c| !c.is_empty())
        {
            p.company = Some(c);
            p.set_source("company", src);
        }
        // "Senior Engineer (Remote)": a mode in the title.
        if p.work_mode.is_none()
            && let Some(t) = &p.title
            && t.to_lowercase().contains("remote")
        {
            p.work_mode = Some(WorkMode::Remote);
            p.set_source("work_mode", FieldSource::Title);
        }
        let _ = &self.site_name;
    }
}

/// "Acme Careers" → "Acme": the site's own words after a company name.
fn strip_site_words(s: &str) -> String {
    let mut t = s.trim().to_string();
    for suffix in [
        " Careers",
        " careers",
        " Career Site",
        " Jobs",
        " jobs",
        " Job Board",
        " Hiring",
    ] {
        if let Some(x) = t.strip_suffix(suffix) {
            t = x.trim().to_string();
        }
    }
    t
}

/// A posting from schema.org microdata (`itemprop` attributes under a JobPosting item).
fn microdata_posting(item: ElementRef<'_>) -> Posting {
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
    let mut p = jsonld::posting(&obj);
    for v in p.field_sources.values_mut() {
        *v = FieldSource::Structured;
    }
    p
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
    use crate::posting::{EmploymentType, Period};

    fn run(text: &str) -> Result<Vec<Posting>, SkipReason> {
        parse(&Document {
            text,
            source: "x.html",
        })
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
             "jobLocation": {"@type": "Place", "address": {"addressLocality": "Austin", "addressRegion": "TX", "addressCountry": "US"}},
             "employmentType": "FULL_TIME",
             "baseSalary": {"@type": "MonetaryAmount", "currency": "USD", "value": {"@type": "QuantitativeValue", "value": 60, "unitText": "HOUR"}}}
            </script></head><body><nav>Home Jobs</nav><h1>Platform Engineer</h1></body></html>"#;
        let p = run(page).unwrap().remove(0);
        assert_eq!(p.format, Format::Html);
        assert_eq!(p.title.as_deref(), Some("Platform Engineer"));
        assert_eq!(p.company.as_deref(), Some("Acme"));
        assert_eq!(p.locations, ["Austin, TX"]);
        assert_eq!(p.employment_type, Some(EmploymentType::FullTime));
        let s = p.salary.clone().unwrap();
        assert_eq!((s.min, s.period), (Some(60.0), Period::Hour));
        assert_eq!(p.field_sources["title"], FieldSource::JsonLd);
        assert!(p.description_text().contains("Kubernetes"));
    }

    #[test]
    fn page_without_json_ld() {
        let page = "<html><head><title>Data Analyst at Initech | Jobs</title><style>body{}</style></head><body>\
            <nav><a>Home</a><a>Jobs</a></nav><header>Initech careers</header><main><h1>Data Analyst</h1>\
            <p>Location: Berlin, Germany</p><h2>About the role</h2><p>You will analyse data all day long, with SQL and Python and more.</p></main>\
            <footer>© Initech</footer><script>track()</script></body></html>";
        let p = run(page).unwrap().remove(0);
        assert_eq!(p.title.as_deref(), Some("Data Analyst"));
        assert_eq!(p.company.as_deref(), Some("Initech"));
        assert_eq!(p.locations, ["Berlin, Germany"]);
        let text = p.description_text();
        assert!(!text.contains("track()") && !text.contains("Home") && !text.contains("©"));
    }

    #[test]
    fn malformed_pages() {
        assert!(matches!(
            run("<html><head><script>x</script></head></html>"),
            Err(SkipReason::NoPosting(_))
        ));
        let p = run("<html><body><script type=\"application/ld+json\">{\"@type\": \"JobPosting\", \"title\": </script><h1>QA Engineer</h1><p>Test things.</p></body></html>").unwrap();
        assert_eq!(p[0].title.as_deref(), Some("QA Engineer"));
        let p =
            run("<div><p>Barista wanted. Acme Cafe is hiring a Barista for weekends.</p></div>")
                .unwrap();
        assert_eq!(p[0].format, Format::Html);
    }

    #[test]
    fn microdata() {
        let page = r#"<html><body><div itemscope itemtype="http://schema.org/JobPosting">
            <h1 itemprop="title">Welder</h1>
            <div itemprop="hiringOrganization" itemscope itemtype="http://schema.org/Organization"><span itemprop="name">Forge Co</span></div>
            <span itemprop="jobLocation" itemscope><span itemprop="addressLocality">Leeds</span></span>
            <meta itemprop="employmentType" content="PART_TIME">
            <div itemprop="description"><p>Weld.</p></div></div></body></html>"#;
        let p = run(page).unwrap().remove(0);
        assert_eq!(p.title.as_deref(), Some("Welder"));
        assert_eq!(p.company.as_deref(), Some("Forge Co"));
        assert_eq!(p.locations, ["Leeds"]);
        assert_eq!(p.employment_type, Some(EmploymentType::PartTime));
    }

    #[test]
    fn lenient_json_ld() {
        let v = parse_ld_json(
            "<!--\n{\"@type\": \"JobPosting\", \"title\": \"A, B\",\n \"x\": [1, 2,],}\n-->",
        )
        .unwrap();
        assert_eq!(v["title"], "A, B");
    }

    #[test]
    fn page_titles() {
        assert_eq!(
            split_title_company("Acme hiring Data Engineer in Berlin, Germany | LinkedIn"),
            (Some("Data Engineer".into()), Some("Acme".into()))
        );
        assert_eq!(
            split_title_company("Data Engineer - Acme - Berlin, Germany | Indeed.com"),
            (Some("Data Engineer".into()), Some("Acme".into()))
        );
        assert_eq!(
            split_title_company("Senior Engineer at Acme | LinkedIn"),
            (Some("Senior Engineer".into()), Some("Acme".into()))
        );
        assert_eq!(
            split_title_company("Acme - Staff Designer"),
            (Some("Staff Designer".into()), Some("Acme".into()))
        );
    }
}
