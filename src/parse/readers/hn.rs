//! Hacker News "Who is hiring" posts and threads.
//!
//! A post starts with a header of fields in any order — `Company | Role | Location | REMOTE |
//! $150k-$200k | url` — separated by pipes (older posts use " - ", " -- " or " — "), with
//! markers such as REMOTE, REMOTE (US), ONSITE, HYBRID, VISA, INTERNS. A thread (saved as text
//! from the page, or as the HN API's JSON) gives one document per top-level comment; the
//! thread's own header and the replies are skipped. What the reader unwraps: each header field
//! by its shape (the company, the role, the places, the markers as badges, the pay, the link),
//! the rest of the comment as blocks. Every post may have a composed title ("Acme — hiring").

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

use super::super::SkipReason;
use super::super::doc::{Doc, Key, Origin};
use super::super::fields::location;
use super::super::html_text;
use super::super::places;
use super::super::vocab::vocab;
use super::label_facts;
use super::record::{get, text_of};
use crate::posting::Format;

/// What one header field is.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Url(String),
    Markers,
    Salary,
    Place,
    Title,
    /// An e-mail address or other contact.
    Contact,
    Other,
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:https?://|www\.)\S+$|^[a-z0-9][\w-]*(?:\.[a-z0-9][\w-]*)*\.(?:com|io|ai|co|org|net|dev|app|me|tech|xyz|us|uk|de|fr|ca|ly|so|sh|gg|to|tv|fm|is|mx|in|jp|eu|nl|se|ch|at|be|es|it|pl|cz|ee|fi|no|dk|au|nz|sg|hk|br|ar|cl|health|finance|vc|works|jobs|careers|systems|cloud|digital|global|games|studio|agency|team|company|inc)(?:/\S*)?$")
        .expect("valid regex")
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:e-?mail:?\s*)?[\w.+-]+(?:@|\s+at\s+|\s*\[at\]\s*)[\w-]+(?:\.|\s+dot\s+)[\w.]+$",
    )
    .expect("valid regex")
});

static URL_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(?\[?\s*https?://\S+?\s*\]?\)?(?:\s|$)").expect("valid regex")
});

/// Words that header markers are made of (work mode, visa, interns, employment type).
static MARKER_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
          full[\s-]?time|part[\s-]?time|fulltime|parttime|full|part|time|permanent|perm|contract(?:s|or|ors|ing)?|freelance(?:rs?)?|temporary|temp|
          intern(?:s|ship|ships)?|co-?ops?|remote(?:ly)?|remote[\s-](?:first|friendly|only|ok|okay)|on[\s-]?site|onsite|in[\s-]office|hybrid|
          visas?|h-?1-?bs?|sponsorship|sponsor(?:ed|s)?|transfers?|relocation|relocate|no|not|ok|okay|friendly|possible|
          considered|welcome|available|only|preferred|options?|allowed|fine|partial(?:ly)?|local(?:ly)?|fully|100%|
          equity|benefits|all|and|or|&|\+|yes|provided|offered|assistance|help|also|some|flexible|open|to|is|are|up|in|office|day|remote/\d+|
          a|an|the|plus|with|paid|unpaid|\d+(?:[/-]\d+)?|\d+x|times|days?|weeks?|wk|months?|years?|per|w/|wfh|locals?|anywhere|worldwide|global|us|u\.s\.|usa|eu|uk|us-only|only
        )$",
    )
    .expect("valid regex")
});

/// "On Site" written as two words.
static ON_SITE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bon\s+site\b").expect("valid regex"));

/// The words among [`MARKER_WORDS`] that make a field a marker field on their own.
static REAL_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:full[\s-]?time|part[\s-]?time|fulltime|parttime|full|part|permanent|perm|contract(?:s|or|ors|ing)?|freelance(?:rs?)?|temporary|temp|
          intern(?:s|ship|ships)?|co-?ops?|remote(?:ly)?|remote[\s-](?:first|friendly|only|ok|okay)|on[\s-]?site|onsite|in[\s-]office|hybrid|
          visas?|h-?1-?bs?|sponsorship|relocation|relocate|wfh|equity|locals?)$",
    )
    .expect("valid regex")
});

/// Whether a header field names a role: a role noun or a field of work in any language, or the
/// words HN posts use for openings ("roles", "devs", "multiple").
struct RoleMatcher;

impl RoleMatcher {
    fn is_match(&self, s: &str) -> bool {
        static EXTRA: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:engineers|developers|roles|positions|openings|jobs|hackers|devs?|SWE|SDE|PM|QA|UX|UI|CTO|VP|cofounder|co-founder|head\s+of|multiple|various|several|many)\b")
                .expect("valid regex")
        });
        let v = super::super::vocab::vocab();
        v.names_role(s)
            || (v.domains.first_in(s).is_some() && s.split_whitespace().count() <= 6)
            || EXTRA.is_match(s)
    }
}

static ROLE: RoleMatcher = RoleMatcher;

static SALARY_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[$€£¥₹]\s?\d|\d\s?[kK]\b|\b(?:salary|comp|compensation|pay|equity)\b|\d{2,3},\d{3}|\b(?:USD|EUR|GBP|CHF|CAD)\b")
        .expect("valid regex")
});

/// Whether the first line of a text is an HN post header: two or more " | "-separated fields,
/// one of which is a place, a marker or a role.
pub fn looks_like_post(text: &str) -> bool {
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    is_header_line(first)
}

/// Whether a line is a post's header: three or more pipe-separated fields, two of which are
/// a place, a marker, a role or pay.
pub fn is_header_line(line: &str) -> bool {
    if line.starts_with('|') || line.chars().count() > 300 || line.matches('|').count() < 2 {
        return false;
    }
    let parts: Vec<&str> = line
        .split('|')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 3 || parts.iter().any(|p| p.chars().count() > 120) {
        return false;
    }
    let kinds: Vec<Part> = parts.iter().map(|p| classify(p)).collect();
    let signals = kinds
        .iter()
        .filter(|k| matches!(k, Part::Place | Part::Markers | Part::Title | Part::Salary))
        .count();
    signals >= 2
}

/// Whether a text is a saved "Who is hiring" thread: the thread title near the top, or several
/// comment header lines ("user 3 hours ago | next [–]").
pub fn looks_like_thread(text: &str) -> bool {
    static TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bAsk HN:\s*Who\s+is\s+hiring\b|\bWho\s+is\s+hiring\?\s*\(")
            .expect("valid regex")
    });
    let head: String = text.lines().take(15).collect::<Vec<_>>().join("\n");
    let metas = text
        .lines()
        .filter(|l| meta_line(l).is_some())
        .take(2)
        .count();
    (TITLE.is_match(&head) && (metas >= 1 || header_lines(text).len() >= 2)) || metas >= 2
}

/// A comment's header line in a saved thread: `user 3 hours ago | parent | next [–]`. Returns
/// whether the comment is top-level (no "parent"/"root"/"context" link).
fn meta_line(line: &str) -> Option<bool> {
    static META: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*[\w-]{2,20}\s+(?:\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|on\s+[A-Z][a-z]{2,8}\s+\d{1,2},\s+\d{4})\b(?P<rest>.*)$")
            .expect("valid regex")
    });
    let c = META.captures(line)?;
    let rest = c.name("rest").map_or("", |m| m.as_str()).to_lowercase();
    // A comment line carries HN's links or the collapse toggle; a sentence does not.
    let is_meta = rest.trim().is_empty()
        || rest.contains('|')
        || rest.contains("[–]")
        || rest.contains("[-]")
        || rest.contains("[+]")
        || rest.contains("next")
        || rest.contains("parent");
    if !is_meta || line.len() > 200 {
        return None;
    }
    Some(!(rest.contains("parent") || rest.contains("root") || rest.contains("context")))
}

/// Lines that open a post in a thread saved without comment headers (a header line after a
/// blank line or a separator).
fn header_lines(text: &str) -> Vec<usize> {
    let lines: Vec<&str> = text.lines().collect();
    (0..lines.len())
        .filter(|&i| {
            (i == 0 || lines[i - 1].trim().is_empty() || is_separator(lines[i - 1]))
                && is_header_line(lines[i].trim())
        })
        .collect()
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3
        && t.chars()
            .all(|c| matches!(c, '-' | '=' | '*' | '_' | '—' | '─'))
}

/// A text document: a whole thread or one post.
pub fn read(text: &str) -> Result<Vec<Doc>, SkipReason> {
    let text = if html_text::has_markup(text) && text.contains("<p>") {
        html_text::fragment_to_text(&text.replace('\n', "<br>"))
    } else {
        text.to_string()
    };
    if looks_like_thread(&text) {
        let posts = thread_posts(&text);
        if posts.is_empty() {
            return Err(SkipReason::NoPosting(
                "Hacker News thread without top-level job posts".into(),
            ));
        }
        return Ok(posts);
    }
    read_post(&text)
        .map(|p| vec![p])
        .ok_or_else(|| SkipReason::NoPosting("empty Hacker News post".into()))
}

/// The top-level comments of a thread saved as text.
fn thread_posts(text: &str) -> Vec<Doc> {
    let lines: Vec<&str> = text.lines().collect();
    let metas: Vec<(usize, bool)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| meta_line(l).map(|top| (i, top)))
        .collect();
    let mut out = Vec::new();
    if metas.is_empty() {
        // No comment headers: posts start at header lines.
        let starts = header_lines(text);
        for (k, &s) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(lines.len());
            let body: Vec<&str> = lines[s..end]
                .iter()
                .copied()
                .filter(|l| !is_separator(l))
                .collect();
            let post = body.join("\n");
            if offers_work(&post) {
                continue;
            }
            if let Some(p) = read_post(&post) {
                out.push(p);
            }
        }
        return out;
    }
    for (k, &(i, top)) in metas.iter().enumerate() {
        if !top {
            continue;
        }
        let end = metas.get(k + 1).map_or(lines.len(), |m| m.0);
        let mut body: Vec<&str> = lines[i + 1..end].to_vec();
        // Page furniture around a comment: the reply link, the collapse toggles.
        while body
            .last()
            .is_some_and(|l| l.trim().is_empty() || l.trim().eq_ignore_ascii_case("reply"))
        {
            body.pop();
        }
        let joined = body.join("\n");
        let t = joined.trim();
        if t.is_empty() || matches!(t, "[deleted]" | "[dead]" | "[flagged]" | "[removed]") {
            continue;
        }
        if offers_work(t) {
            continue;
        }
        if let Some(p) = read_post(t) {
            out.push(p);
        }
    }
    out
}

/// Whether a post among a board's posts offers its author's work rather than a job: its first
/// line tags it so ("[For Hire][Remote]", "SEEKING WORK | Berlin": `[furniture] offers_work`)
/// and it nowhere says it is hiring (a mistaken "[For Hire]" tag on "Hiring for a Fullstack
/// Dev at Merge" stays a job).
fn offers_work(text: &str) -> bool {
    let v = vocab();
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    first
        .split(['[', ']', '|', '(', ')', '*', '#'])
        .any(|tag| v.offers_work.whole(tag).is_some())
        && v.hiring_words.first_in(text).is_none()
}

/// HN shapes in JSON: a thread (Algolia `items` tree with `children`, Firebase items with
/// `parent`/`kids`), one comment, or an array of comments (`full_html`/`text` bodies).
/// None when the value is not HN-shaped.
pub fn from_json(v: &Value) -> Option<Vec<Doc>> {
    match v {
        Value::Object(o) if is_story(o) => {
            let kids = get(o, "children").or_else(|| get(o, "kids"))?;
            let Value::Array(items) = kids else {
                return Some(Vec::new());
            };
            let comments: Vec<&Map<String, Value>> =
                items.iter().filter_map(|c| c.as_object()).collect();
            Some(comment_docs(&comments))
        }
        Value::Object(o) if is_comment(o) => Some(comment_doc(o).into_iter().collect()),
        Value::Object(o)
            if !o.is_empty()
                && o.values().any(|c| c.as_object().is_some_and(is_comment))
                && o.values()
                    .all(|c| c.as_object().is_some_and(is_comment_or_removed)) =>
        {
            // Comments keyed by their ids ({"44159535": {…}, …}): a scraper's export.
            let objs: Vec<&Map<String, Value>> = o.values().filter_map(|c| c.as_object()).collect();
            Some(
                top_level(&objs)
                    .into_iter()
                    .filter_map(comment_doc)
                    .collect(),
            )
        }
        // A scraper's wrapper of one list or map of comments ({"entries": {…}}, {"data": […]}).
        Value::Object(o) if o.len() == 1 && get(o, "hits").is_none() => o
            .values()
            .next()
            .filter(|v| !is_wrapper(v))
            .and_then(from_json),
        Value::Object(o) => {
            // Comments listed under a key of the wrapper: Algolia's search results {"hits":
            // […]}, a scraper's thread {"title": "Ask HN: Who is hiring?", "comments": […]}.
            // Another site's comments (an issue's) are no HN thread: the list is `hits`, the
            // wrapper names the thread, or its comments carry HN's own keys.
            // A wrapper linking to an HN item is that thread ({"url":
            // "https://news.ycombinator.com/item?id=…", "comments": […]}).
            let thread = get(o, "title")
                .and_then(Value::as_str)
                .is_some_and(|t| t.to_lowercase().contains("who is hiring"))
                || LINK_KEYS
                    .iter()
                    .filter_map(|k| o.get(*k).and_then(Value::as_str))
                    .any(|u| u.contains("news.ycombinator.com/item"));
            o.iter().find_map(|(k, v)| {
                let items = v.as_array()?;
                let objs: Vec<&Map<String, Value>> =
                    items.iter().filter_map(|h| h.as_object()).collect();
                let hn_keys = objs.iter().filter(|h| !is_removed(h)).all(|h| {
                    ["objectID", "story_id", "parent_id", "by"]
                        .iter()
                        .any(|k| h.contains_key(*k))
                });
                let listed = k == "hits" || thread || hn_keys;
                (listed
                    && objs.iter().any(|h| is_comment(h))
                    && objs.len() == items.len()
                    && objs.iter().all(|h| is_comment_or_removed(h)))
                .then(|| comment_docs(&top_level(&objs)))
            })
        }
        Value::Array(a) => {
            let objs: Vec<&Map<String, Value>> = a.iter().filter_map(|h| h.as_object()).collect();
            if objs.is_empty() || objs.len() != a.len() {
                return None;
            }
            let comments = objs.iter().filter(|o| is_comment(o)).count();
            let removed = objs.iter().filter(|o| is_removed(o)).count();
            let stories = objs.iter().filter(|o| is_story(o)).count();
            if comments == 0 || comments + removed + stories != objs.len() {
                return None;
            }
            let comments: Vec<&Map<String, Value>> =
                objs.into_iter().filter(|o| is_comment(o)).collect();
            Some(comment_docs(&top_level(&comments)))
        }
        _ => None,
    }
}
/// The documents of a thread's comments, in their order. A month's thread (hundreds of
/// comments, each one's HTML and header to read) is read on every core.
fn comment_docs(comments: &[&Map<String, Value>]) -> Vec<Doc> {
    use rayon::prelude::*;
    if comments.len() < super::super::PARALLEL_FROM {
        return comments.iter().filter_map(|o| comment_doc(o)).collect();
    }
    comments.par_iter().filter_map(|o| comment_doc(o)).collect()
}

/// The thread itself: an HN story ("Ask HN: Who is hiring?").
fn is_story(o: &Map<String, Value>) -> bool {
    let ty = get(o, "type").and_then(|v| v.as_str()).unwrap_or("");
    let title = get(o, "title").and_then(|v| v.as_str()).unwrap_or("");
    let has_kids = get(o, "children")
        .or_else(|| get(o, "kids"))
        .is_some_and(Value::is_array);
    has_kids && (ty == "story" || title.to_lowercase().contains("who is hiring"))
}

/// The keys a comment's body is under: the API's (`text`, Algolia's `comment_text`) and
/// scrapers' (`full_html`, `content`, `commentBody`, `body`; `line` for a first line alone).
const BODY_KEYS: [&str; 7] = [
    "full_html",
    "text",
    "comment_text",
    "content",
    "commentBody",
    "body",
    "line",
];

/// Whether a value is itself a wrapper of one value (a wrapper is unwrapped once, not without
/// bound).
fn is_wrapper(v: &Value) -> bool {
    v.as_object().is_some_and(|o| o.len() == 1)
}

/// The keys that may link a comment to its thread.
const LINK_KEYS: [&str; 3] = ["url", "story_url", "post_url"];

/// A comment: a body (`text`, `comment_text`, `full_html`, `content`) with an author or an HN
/// link, and no title of its own.
fn is_comment(o: &Map<String, Value>) -> bool {
    let ty = get(o, "type").and_then(|v| v.as_str());
    if ty.is_some_and(|t| t != "comment") {
        return false;
    }
    let has_body = BODY_KEYS.iter().any(|k| o.contains_key(*k));
    let hn_link = LINK_KEYS
        .iter()
        .filter_map(|k| o.get(*k).and_then(|v| v.as_str()))
        .any(|u| u.contains("news.ycombinator.com"));
    // An author's name, as HN writes it (a platform's `user` object is another site's).
    let author = ["by", "user", "author", "commenter"]
        .iter()
        .any(|k| o.get(*k).is_some_and(Value::is_string));
    // The Algolia API writes `"title": null` on every comment: no title of its own.
    let titled = o.get("title").is_some_and(|t| !t.is_null());
    has_body && (author || hn_link || ty == Some("comment")) && !titled
}

/// A comment its author deleted or HN killed (`{"deleted": true, "id": …, "parent": …}`): no
/// body, still one of the thread's comments.
fn is_removed(o: &Map<String, Value>) -> bool {
    ["deleted", "dead"]
        .iter()
        .any(|k| o.get(*k).and_then(Value::as_bool) == Some(true))
        && get(o, "type")
            .and_then(Value::as_str)
            .is_none_or(|t| t == "comment")
}

/// A comment, or one deleted or killed.
fn is_comment_or_removed(o: &Map<String, Value>) -> bool {
    is_comment(o) || is_removed(o)
}

/// Comments that answer the thread rather than another comment: with a story in view, those
/// whose parent is the story; otherwise those whose parent is none of the comments.
fn top_level<'a>(comments: &[&'a Map<String, Value>]) -> Vec<&'a Map<String, Value>> {
    let id = |o: &Map<String, Value>, k: &str| {
        o.get(k)
            .and_then(|v| v.as_u64().or_else(|| v.as_str()?.parse().ok()))
    };
    let ids: std::collections::HashSet<u64> = comments
        .iter()
        .filter_map(|c| id(c, "id").or_else(|| id(c, "objectID")))
        .collect();
    comments
        .iter()
        .copied()
        .filter(|c| {
            let parent = id(c, "parent").or_else(|| id(c, "parent_id"));
            let story = id(c, "story_id");
            match (parent, story) {
                (Some(p), Some(s)) => p == s,
                (Some(p), None) => !ids.contains(&p),
                _ => true,
            }
        })
        .collect()
}

/// One comment object → a document (None for deleted or dead comments).
fn comment_doc(o: &Map<String, Value>) -> Option<Doc> {
    if ["deleted", "dead"]
        .iter()
        .any(|k| o.get(*k).and_then(Value::as_bool) == Some(true))
    {
        return None;
    }
    let body = BODY_KEYS.iter().find_map(|k| o.get(*k).and_then(text_of))?;
    let text = if html_text::has_markup(&body) {
        // The author's own line breaks separate the header from the text.
        html_text::fragment_to_text(&body.replace('\n', "<br>"))
    } else {
        body
    };
    if offers_work(&text) {
        return None;
    }
    let mut d = read_post(&text)?;
    let id = o.get("id").or_else(|| o.get("objectID")).and_then(text_of);
    // The comment's own link; a scraper's `post_url` is the thread's, so the id makes it.
    let link = o
        .get("url")
        .and_then(|v| v.as_str())
        .filter(|u| u.contains("news.ycombinator.com"))
        .map(str::to_string)
        .or_else(|| id.map(|i| format!("https://news.ycombinator.com/item?id={i}")));
    if let Some(u) = link {
        d.text(Key::Url, u, Origin::Record);
    }
    Some(d)
}

/// One post's text → a document: the header's fields as facts, the rest as blocks.
pub fn read_post(text: &str) -> Option<Doc> {
    let lines: Vec<&str> = text.lines().collect();
    let first_idx = lines.iter().position(|l| !l.trim().is_empty())?;
    let first = lines[first_idx].trim();
    let mut d = Doc::new(Format::Hn);
    d.compose_title = true;
    let mut body_lines: Vec<String> = Vec::new();
    let mut body_from = first_idx;
    if read_header(&mut d, first) {
        body_from = first_idx + 1;
        // A second header line ("Acme https://acme.example" / "NYC | Engineer | ONSITE").
        if let Some(k) = (first_idx + 1..lines.len()).find(|&k| !lines[k].trim().is_empty())
            && k <= first_idx + 2
            && lines[k].contains('|')
            && is_short_field_line(lines[k])
            && read_header(&mut d, lines[k].trim())
        {
            body_from = k + 1;
        }
    } else if let Some((head, rest)) = header_glued_to_text(first)
        && read_header(&mut d, head)
    {
        // "SmarterDx | 180 - 230K | Remote first | Full time We are an early stage…": a
        // comment whose line breaks were lost.
        body_lines.push(rest.to_string());
        body_from = first_idx + 1;
    } else if let Some((head, rest)) = header_then_sentences(first)
        && read_header(&mut d, head)
    {
        // "Acme - London, UK - Onsite - Full-time. Acme is building…"
        body_lines.push(rest.to_string());
        body_from = first_idx + 1;
    } else {
        // A header stacked over short lines ("Acme https://acme.example" / "NYC | Engineer").
        // Blank lines may separate them (HN paragraphs).
        let mut stacked: Vec<&str> = Vec::new();
        let mut end = first_idx;
        for (k, l) in lines.iter().enumerate().skip(first_idx) {
            let l = l.trim();
            if l.is_empty() {
                continue;
            }
            if !is_short_field_line(l) || stacked.len() == 3 {
                break;
            }
            stacked.push(l);
            end = k + 1;
        }
        if stacked.len() >= 2 && read_header(&mut d, &stacked.join(" | ")) {
            body_from = end;
        }
    }
    body_lines.extend(lines[body_from..].iter().map(|l| l.to_string()));
    // Markers on their own line right under the header ("REMOTE", "Onsite only").
    for l in body_lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .take(3)
    {
        if l.chars().count() <= 40 && MARKER_WORDS_LINE.is_match(l) {
            d.text(Key::Badge, l, Origin::Header);
            break;
        }
    }
    d.add_lines(body_lines.iter().map(String::as_str));
    label_facts(&mut d);
    Some(d)
}

/// The places, modes, contract and pay of a post's header that opens `text` (its first line,
/// or the head of a line whose breaks were lost), as header facts of `d`; its title and
/// employer are left to what names them.
pub fn header_terms(d: &mut Doc, text: &str) {
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return;
    };
    let head = if is_header_line(first) {
        first
    } else {
        match header_glued_to_text(first).or_else(|| header_then_sentences(first)) {
            Some((head, _)) if is_header_line(head) => head,
            _ => return,
        }
    };
    let mut post = Doc::new(Format::Hn);
    if read_header(&mut post, head) {
        // Read as the label's: a part of a page split into jobs reads its own labels again.
        for f in &mut post.facts {
            f.origin = Origin::Label;
        }
        d.facts.extend(post.facts.into_iter().filter(|f| {
            matches!(
                f.key,
                Key::Location
                    | Key::WorkMode
                    | Key::RemoteFlag
                    | Key::EmploymentType
                    | Key::Badge
                    | Key::Salary
                    | Key::Pay
            )
        }));
    }
}

/// A short line that can be one header field (a name, a place list, a role), not a sentence.
fn is_short_field_line(l: &str) -> bool {
    let t = l.trim();
    t.chars().count() <= 120
        && !t.ends_with(['.', '!', '?', ':'])
        && t.split_whitespace().count() <= 16
        && !t.starts_with(['-', '*', '•'])
}

/// A first line holding the header and then the first sentences: the head up to the first
/// sentence end, when it has at least two field separators.
fn header_then_sentences(line: &str) -> Option<(&str, &str)> {
    let mut search = 0;
    while let Some(i) = line[search..].find(". ") {
        let at = search + i;
        let head = &line[..at];
        let rest = line[at + 2..].trim_start();
        if head.chars().count() > 250 {
            return None;
        }
        let seps = [" | ", " - ", " -- ", " — ", " – ", " // ", " · "]
            .iter()
            .map(|s| head.matches(s).count())
            .max()
            .unwrap_or(0);
        if seps >= 2 && rest.starts_with(|c: char| c.is_uppercase()) {
            return Some((head, rest));
        }
        search = at + 2;
    }
    None
}

/// A header whose last field runs into the text with no line break between them (a comment
/// flattened by a scraper): "Figma | … | US remote | Full TimeSelected job postings here…",
/// "SmarterDx | … | Full time We are an early stage…". The last field ends where a word glued
/// to it starts with a capital, or after the longest run of its first words that is a contract
/// or mode term or a place; the text must go on with a capital. At least two separators first.
fn header_glued_to_text(line: &str) -> Option<(&str, &str)> {
    let window = &line[..line.floor_char_boundary(250)];
    let seps: Vec<usize> = window.match_indices(" | ").map(|(i, _)| i).collect();
    if seps.len() < 2 || line.chars().count() <= 250 {
        return None;
    }
    let start = seps[seps.len() - 1] + 3;
    let last = &line[start..];
    let v = vocab();
    let term = |t: &str| v.employment.whole(t).is_some() || v.work_mode.whole(t).is_some();
    // A term, a place, or terms side by side ("Full-Time ONSITE").
    let is_field = |t: &str| {
        let t = t.trim();
        !t.is_empty() && (term(t) || places::is_place(t) || t.split_whitespace().all(term))
    };
    // A capital glued to the word before it ("TimeSelected").
    let glued = last
        .char_indices()
        .take(40)
        .zip(last.chars().skip(1))
        .find(|((_, a), b)| a.is_lowercase() && b.is_uppercase())
        .map(|((i, a), _)| i + a.len_utf8())
        .filter(|&k| is_field(&last[..k]));
    // The longest run of first words that is a field ("Full time" before "We are").
    let spaced = || {
        let ends: Vec<usize> = last.match_indices(' ').map(|(i, _)| i).take(4).collect();
        ends.into_iter().rev().find(|&k| is_field(&last[..k]))
    };
    let k = glued.or_else(spaced)?;
    let rest = last[k..].trim_start();
    rest.starts_with(char::is_uppercase)
        .then(|| (line[..start + k].trim_end(), rest))
}

static MARKER_WORDS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:remote|on[\s-]?site|onsite|hybrid|no\s+remote)\b[^.]{0,30}$")
        .expect("valid regex")
});

/// Splits a header line into fields.
fn split_header(line: &str) -> Vec<String> {
    // A link between two fields separates them ("Acme https://acme.example San Francisco | …").
    let mut out = Vec::new();
    for part in split_fields(line) {
        match URL_WORD.find(&part) {
            Some(m) if m.start() > 0 || m.end() < part.len() => {
                for piece in [&part[..m.start()], m.as_str(), &part[m.end()..]] {
                    let piece = piece.trim();
                    if !piece.is_empty() {
                        out.push(piece.to_string());
                    }
                }
            }
            _ => out.push(part),
        }
    }
    out
}

static URL_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bhttps?://\S+").expect("valid regex"));

fn split_fields(line: &str) -> Vec<String> {
    // Bars that stand for a pipe ("FromAtoB GmbH ⎮ Full Time ⎮ Aachen, Germany").
    let line = line.replace(['⎮', '│', '｜', '¦'], "|");
    let line = line.trim().trim_end_matches(['|', ' ']);
    if line.contains('|') {
        let mut out: Vec<String> = Vec::new();
        for field in line.split('|') {
            // A dash inside a field separates two fields ("Acme — Senior Engineer"), unless
            // what follows it is a remark in lower case ("… Engineer — strong juniors also
            // welcome"), which stays with the field.
            let mut pieces: Vec<String> = Vec::new();
            for piece in field.split(" — ").flat_map(|s| s.split(" -- ")) {
                let piece = piece.trim();
                match pieces.last_mut() {
                    Some(prev) if piece.starts_with(char::is_lowercase) => {
                        prev.push_str(" — ");
                        prev.push_str(piece);
                    }
                    _ => pieces.push(piece.to_string()),
                }
            }
            out.extend(pieces.into_iter().filter(|s| !s.is_empty()));
        }
        return out;
    }
    for sep in [
        " // ", " -- ", " — ", " – ", " · ", " • ", " - ", " ~ ", " :: ",
    ] {
        if line.contains(sep) {
            return line
                .split(sep)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
        }
    }
    if line.matches(" / ").count() >= 2 {
        return line
            .split(" / ")
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
    }
    if line.matches("; ").count() >= 1 {
        return line
            .split(';')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
    }
    vec![line.to_string()]
}

/// Whether a place field names a city ("London, UK", "Austin, TX"), not only a country.
fn names_city(s: &str) -> bool {
    places::places_in(s)
        .iter()
        .any(|&(_, _, k)| k == places::PlaceKind::City)
        || s.split(", ")
            .nth(1)
            .is_some_and(|st| st.len() == 2 && st.chars().all(|c| c.is_ascii_uppercase()))
}

/// Whether a header field reads as a sentence rather than a value.
fn is_sentence(f: &str) -> bool {
    let l = format!(" {} ", f.to_lowercase());
    let words = f.split_whitespace().count();
    (words > 12 && !ROLE.is_match(f))
        || words > 24
        || (words >= 4
            && [
                " is ", " are ", " we ", " we're ", " our ", " you ", " works ", " has ",
            ]
            .iter()
            .any(|w| l.contains(w)))
}

/// Comma-separated header fields of a short line: pieces of one place are kept together
/// ("Oakland, CA"); the line counts when it names a place and at most one unknown field.
fn comma_fields(line: &str) -> Option<Vec<String>> {
    let t = line.trim().trim_end_matches([':', ' ', '.']);
    if t.chars().count() > 100 || t.ends_with(['!', '?']) || t.contains(". ") {
        return None;
    }
    let mut fields: Vec<String> = Vec::new();
    for piece in t.split(", ").map(str::trim).filter(|s| !s.is_empty()) {
        let is_place_tail = places::place_kind(piece).is_some_and(|k| k != places::PlaceKind::City)
            || (piece.len() == 2 && piece.chars().all(|c| c.is_ascii_uppercase()));
        match fields.last_mut() {
            Some(prev) if is_place_tail && (is_place(prev) || piece.len() == 2) => {
                prev.push_str(", ");
                prev.push_str(piece);
            }
            _ => fields.push(piece.to_string()),
        }
    }
    if fields.iter().any(|f| f.split_whitespace().count() > 6) {
        return None;
    }
    let kinds: Vec<Part> = fields.iter().map(|f| classify(f)).collect();
    let places = kinds.iter().filter(|k| **k == Part::Place).count();
    let unknown = kinds.iter().filter(|k| **k == Part::Other).count();
    let single_place = fields.len() == 1 && places == 1;
    (places >= 1 && unknown <= 1 && (fields.len() >= 2 || single_place)).then_some(fields)
}

/// Reads a header line; true when the line was a header (and is not description).
fn read_header(d: &mut Doc, line: &str) -> bool {
    // A header set in italics or bold ("*Fastly | Engineers | US | Full-time*").
    let line = ["**", "*", "__", "_"]
        .iter()
        .find_map(|m| {
            line.trim()
                .strip_prefix(m)
                .and_then(|l| l.strip_suffix(m))
                .filter(|l| !l.starts_with(['*', '_']) && !l.ends_with(['*', '_']))
        })
        .unwrap_or(line);
    let Some(parts) = header_parts(line) else {
        return false;
    };
    let mut fields = classify_parts(parts);
    // A field mixing a company with a role ("Periscope -- Support Specialist").
    split_paren_roles(&mut fields);
    split_at_company(&mut fields);
    split_dash_name(&mut fields);
    record_header(d, &fields);
    true
}

/// A header line's fields, or None when the line is not a header.
fn header_parts(line: &str) -> Option<Vec<String>> {
    if line.chars().count() > 250 {
        return None;
    }
    let mut parts = split_header(line);
    // "Company: Location - Full time" (older posts): the name before a colon is a field.
    if parts.len() <= 2
        && let Some((a, b)) = parts[0].clone().split_once(": ")
        && a.split_whitespace().count() <= 4
        && !a.contains("http")
    {
        parts.remove(0);
        parts.insert(0, b.to_string());
        parts.insert(0, a.to_string());
    }
    if parts.len() < 2 {
        // A single field: a sentence is the description; a short line may still hold
        // comma-separated fields ("Acme, San Francisco", "Tools developer, npm, Oakland, CA").
        parts = comma_fields(&parts[0])?;
    }
    // Sentences are description, not fields ("Acme is hiring in Berlin; Dublin; and Helsinki.",
    // "SeatGeek — New York — Full Time — We're a search engine for tickets."). Without pipes, a
    // header must come before the first sentence.
    if let Some(k) = parts.iter().position(|f| is_sentence(f)) {
        if line.contains('|') {
            // "Full-time, ONSITE preferred, but REMOTE is an option": markers in a sentence stay.
            parts.retain(|f| !is_sentence(f) || starts_with_marker(f));
        } else if k >= 2 {
            parts.truncate(k);
        } else {
            return None;
        }
        if parts.is_empty() {
            return None;
        }
    }
    Some(parts)
}

/// Each field with what it holds, judged among the others: which field is the company's
/// name when none reads as one.
fn classify_parts(mut parts: Vec<String>) -> Vec<(String, Part)> {
    let mut kinds: Vec<Part> = parts.iter().map(|s| classify(s)).collect();
    // The first field, when it is a domain name, is the company's name ("Stamps.com").
    if matches!(kinds[0], Part::Url(_))
        && !parts[0].contains("://")
        && !parts[0].starts_with("www.")
    {
        kinds[0] = Part::Other;
    }
    // Two role-like fields and no name: the first is the company ("Lead Genius | Software
    // Engineer | Berlin").
    // A longer first field is one too when no role noun names it, only a field of work
    // ("Spanish National Cancer Research Centre").
    if kinds[0] == Part::Title
        && !kinds.contains(&Part::Other)
        && kinds[1..].contains(&Part::Title)
        && (parts[0].split_whitespace().count() <= 4
            || !super::super::vocab::vocab().names_role(&parts[0]))
    {
        kinds[0] = Part::Other;
    }
    // "Devops Engineer - RetailMeNot, London, UK": a name before the place in a place field.
    // The first field may name the company before its country ("Paul Scherrer Institut
    // (PSI), Switzerland") whatever the other fields hold.
    let ends_in_country = |field: &str| {
        field
            .rsplit(", ")
            .next()
            .is_some_and(|c| places::place_kind(c) == Some(places::PlaceKind::Country))
    };
    if let Some(i) = kinds.iter().position(|k| *k == Part::Place)
        && (!kinds.contains(&Part::Other) || (i == 0 && ends_in_country(&parts[0])))
        && let Some(f) = comma_fields(&parts[i])
        && f.len() == 2
        && classify(&f[0]) == Part::Other
        && classify(&f[1]) == Part::Place
        && (names_city(&f[1]) || (i == 0 && ends_in_country(&f[1])))
    {
        parts.splice(i..=i, f);
        kinds.splice(i..=i, [Part::Other, Part::Place]);
    }
    // The first field names a place, another field too, and no field is left for the company:
    // the first is the company ("Indianapolis Colts | Developer | Indianapolis, IN").
    if kinds[0] == Part::Place && !kinds.contains(&Part::Other) && kinds[1..].contains(&Part::Place)
    {
        kinds[0] = Part::Other;
    }
    parts.into_iter().zip(kinds).collect()
}

/// Whether some field reads as a name (the company's).
fn has_name(fields: &[(String, Part)]) -> bool {
    fields.iter().any(|(_, k)| *k == Part::Other)
}

/// "Spiral Media (Magento Developers) | Lincoln": the roles in parentheses after the name.
fn split_paren_roles(fields: &mut Vec<(String, Part)>) {
    if fields[0].1 == Part::Title
        && !has_name(fields)
        && !ROLE.is_match(&strip_parens(&fields[0].0))
        && !strip_parens(&fields[0].0).is_empty()
    {
        let roles = parenthesized(&fields[0].0).join(", ");
        fields[0].1 = Part::Other;
        fields.insert(1, (roles, Part::Title));
    }
}

/// "Senior Developer @ Universe", "Python developer at Blue Brain Project".
fn split_at_company(fields: &mut Vec<(String, Part)>) {
    if !has_name(fields)
        && let Some(i) = fields.iter().position(|(_, k)| *k == Part::Title)
    {
        let f = fields[i].0.clone();
        if let Some((a, b)) = f
            .split_once(" @ ")
            .or_else(|| f.split_once(" @"))
            .or_else(|| f.rsplit_once(" at "))
            && classify(a) == Part::Title
            && classify(b) == Part::Other
        {
            fields[i] = (a.trim().to_string(), Part::Title);
            fields.insert(i + 1, (b.trim().to_string(), Part::Other));
        }
    }
}

/// "Periscope -- Support Specialist", "BOOKING.COM - Amsterdam": a name before a dash in a
/// role or place field.
fn split_dash_name(fields: &mut Vec<(String, Part)>) {
    if has_name(fields) {
        return;
    }
    let is_name = |a: &str| match classify(a) {
        Part::Other => true,
        // "BOOKING.COM - Amsterdam": a domain-like name.
        Part::Url(_) => !a.contains("://") && !a.starts_with("www."),
        _ => false,
    };
    for i in 0..fields.len() {
        if fields[i].1 != Part::Title && fields[i].1 != Part::Place {
            continue;
        }
        let f = fields[i].0.clone();
        if let Some((a, b)) = [" -- ", " — ", " – ", " - "]
            .iter()
            .find_map(|s| f.split_once(s))
            && is_name(a)
            && classify(b) == fields[i].1
        {
            let kind = fields[i].1.clone();
            fields[i] = (b.trim().to_string(), kind);
            fields.insert(i, (a.trim().to_string(), Part::Other));
            break;
        }
    }
}

/// Writes a header's fields as the posting's facts.
fn record_header(d: &mut Doc, fields: &[(String, Part)]) {
    let h = Origin::Header;
    let mut company = d.has(Key::Company);
    for (text, kind) in fields {
        match kind {
            Part::Url(u) => d.text(Key::Url, u, h),
            Part::Markers => d.text(Key::Badge, text, h),
            Part::Salary => {
                d.text(Key::Salary, text, h);
                if starts_with_marker(text) || is_markers(&strip_pay(text)) {
                    d.text(Key::Badge, text, h);
                }
            }
            Part::Place => {
                for pl in places_of(text) {
                    d.text(Key::Location, pl, h);
                }
                if has_marker(text) {
                    d.text(Key::Badge, text, h);
                }
            }
            // "Senior SWE Backend | … | Typescript/Node/Postgres roles": after a role, a field
            // whose only role word is a word for openings says what the roles use, not another.
            Part::Title if d.has(Key::Title) && only_openings(text) => {}
            Part::Title => {
                for t in split_roles(&strip_urls(text)) {
                    d.text(Key::Title, t, h);
                }
            }
            Part::Contact => {}
            Part::Other if company && starts_with_marker(text) => {
                // "Full-time, ONSITE preferred, but REMOTE is an option for seniors".
                d.text(Key::Badge, text, h);
            }
            Part::Other if company && let Some(pl) = place_then_mode(text) => {
                // "UK hybrid up to 4 days remote/1 day in office", "Iowa City or remote": the
                // place it starts with, and its mode words.
                d.text(Key::Location, pl, h);
                d.text(Key::Badge, text, h);
            }
            Part::Other => {
                for inner in parenthesized(text) {
                    if is_place(&inner) {
                        for pl in places_of(&inner) {
                            d.text(Key::Location, pl, h);
                        }
                    }
                }
                if !company {
                    let c = company_name(text);
                    if !c.is_empty() {
                        d.text(Key::Company, c, h);
                        company = true;
                    }
                }
            }
        }
    }
}

/// Whether a field's only words for a role are words for openings ("Typescript/Node/Postgres
/// roles"): no role noun and no field of work besides them.
fn only_openings(s: &str) -> bool {
    static OPENINGS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:roles|positions|openings|jobs)\b").expect("valid regex")
    });
    let rest = OPENINGS.replace_all(s, " ");
    let v = super::super::vocab::vocab();
    rest.len() < s.len() && !v.names_role(&rest) && v.domains.first_in(&rest).is_none()
}

/// A title field naming several roles, each with its own pay ("Senior Frontend Engineer
/// (£80-100k) Mid-Level Fullstack Engineer (£65-75k)"): one title per role. Other fields are
/// one title ("Software Engineer, UI/UX Designer").
fn split_roles(s: &str) -> Vec<String> {
    static ROLE_PAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[^()]+?\([^()]*\d[^()]*\)").expect("valid regex"));
    let parts: Vec<&str> = ROLE_PAY.find_iter(s).map(|m| m.as_str().trim()).collect();
    let covered: usize = ROLE_PAY.find_iter(s).map(|m| m.as_str().len()).sum();
    if parts.len() >= 2
        && s.len() - covered <= 3
        && parts
            .iter()
            .all(|p| ROLE.is_match(p) && SALARY_PART.is_match(p))
    {
        return parts
            .iter()
            .map(|p| p.trim_matches([',', ';', ' ']).to_string())
            .collect();
    }
    // "Staff Engineer, Engineering Manager", "Lead developer & Marketing Manager": roles
    // joined, each ending in its own role noun ("Research & Development Engineer" and "Senior
    // Engineer, Developer Tools" are one role each). Commas first: "Android Developers, Go &
    // JavaScript Developers" is two roles.
    let commas = joined_roles(s, &[", "]);
    if commas.len() >= 2 {
        return commas
            .iter()
            .flat_map(|p| joined_roles(p, &[" & ", " and "]))
            .collect();
    }
    joined_roles(s, &[" & ", " and "])
}

/// `s` split at the first of `joiners` that leaves parts each ending in a role noun ("…
/// Engineer", "… developers (full-stack)"); else `s` whole.
fn joined_roles(s: &str, joiners: &[&str]) -> Vec<String> {
    let v = super::super::vocab::vocab();
    let ends_in_role = |p: &str| {
        // Without its brackets: "Go & JavaScript (ES8) Developers".
        let mut depth = 0usize;
        let head: String = p
            .chars()
            .filter(|&c| {
                match c {
                    '(' | '[' => depth += 1,
                    ')' | ']' => depth = depth.saturating_sub(1),
                    _ => return depth == 0,
                }
                false
            })
            .collect();
        let words = head.split_whitespace().count();
        (1..=5).contains(&words)
            && head
                .split_whitespace()
                .last()
                // Not a field of work that also names people ("DevOps and Python Engineers"
                // is DevOps Engineers and Python Engineers: one post).
                .is_some_and(|w| {
                    w.split('/')
                        .any(|x| v.names_role(x) && v.domains.whole(x).is_none())
                })
    };
    for joiner in joiners {
        // "A, B, or C": the last part without its conjunction.
        let pieces = super::super::fields::title::split_outside_brackets(s, joiner);
        let parts: Vec<&str> = pieces
            .iter()
            .map(|p| {
                let p = p.trim();
                let p = ["or ", "and ", "& "]
                    .iter()
                    .find_map(|c| p.strip_prefix(c))
                    .unwrap_or(p)
                    .trim();
                // "Senior Developers and a QA Lead".
                ["a ", "an "]
                    .iter()
                    .find_map(|c| p.strip_prefix(c))
                    .unwrap_or(p)
            })
            .collect();
        if parts.len() >= 2 && parts.iter().all(|p| ends_in_role(p)) {
            return parts.iter().map(|p| p.to_string()).collect();
        }
    }
    vec![s.to_string()]
}

/// `s` without pay figures, to see whether what is left are markers.
fn strip_pay(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a field holds a marker word (a place field "London ONSITE").
/// The place a field starts with, when the first word after its places (and "or", "and") is a
/// work mode: "UK hybrid up to 4 days remote/1 day in office", "SF or REMOTE in US", "Los
/// Gatos Onsite" — not "Boston Dynamics style robots, remote friendly" nor "EU Visa required".
fn place_then_mode(s: &str) -> Option<&str> {
    static MODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:remote(?:ly)?|remote-(?:first|friendly|only|ok)|on-?site|in-office|hybrid|wfh)$")
            .expect("valid regex")
    });
    let s = s.trim();
    let spans = places::places_in(s);
    let (a, mut b) = spans
        .iter()
        .filter(|p| p.0 == 0)
        .map(|p| (p.0, p.1))
        .max_by_key(|p| p.1)?;
    // With the capitalized words that go on its name ("Iowa" City, "Palo Alto" Hills).
    while let Some(w) = s[b..].strip_prefix(' ').and_then(|r| r.split(' ').next())
        && w.starts_with(|c: char| c.is_uppercase())
        && w.chars().all(char::is_alphabetic)
        && !MODE.is_match(w)
    {
        b += 1 + w.len();
    }
    let mut rest = String::new();
    let mut at = b;
    for &(x, y, _) in &spans {
        if x >= at {
            rest.push_str(&s[at..x]);
            rest.push(' ');
            at = y;
        }
    }
    rest.push_str(&s[at..]);
    let first = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '(' | ')' | ';' | '&' | '+'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .find(|w| !w.is_empty() && !matches!(w.to_lowercase().as_str(), "or" | "and"))?;
    MODE.is_match(first).then(|| &s[a..b])
}

fn has_marker(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '(' | ')' | ';'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .any(|w| REAL_MARKER.is_match(w))
}

/// Classifies one header field.
fn classify(s: &str) -> Part {
    let t = s
        .trim()
        .trim_matches(|c: char| c == ',' || c == '.' || c == ';' || c == ':' || c.is_whitespace());
    if t.is_empty() {
        return Part::Other;
    }
    // "(Full time, permanent)": a field wrapped in parentheses.
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')'))
        && !inner.contains(['(', ')'])
    {
        return classify(inner);
    }
    // A link in brackets ("[http://juliacomputing.com]"), or with a bracket left by a split.
    let link = t.trim_matches(['[', ']', '(', ')', '<', '>']);
    if URL.is_match(link) {
        return Part::Url(if link.starts_with("http") {
            link.to_string()
        } else {
            format!("https://{link}")
        });
    }
    if EMAIL.is_match(t) {
        return Part::Contact;
    }
    let bare = strip_urls(t);
    if bare.is_empty() {
        return Part::Url(link.to_string());
    }
    if is_markers(&bare) {
        return Part::Markers;
    }
    // Roles each with their pay in brackets ("Engineer (£80-100k) Designer (£65k)") are roles.
    let outside = strip_parens(&bare);
    if ROLE.is_match(&outside) && !outside.chars().any(|c| c.is_ascii_digit()) && outside.len() >= 8
    {
        return Part::Title;
    }
    // "Competitive Salary & Benefits": a field about the pay, without a figure, is no name.
    static PAY_NOUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:salary|salaries|compensation|wages?|remuneration)\b")
            .expect("valid regex")
    });
    if SALARY_PART.is_match(&bare) && bare.chars().any(|c| c.is_ascii_digit())
        || PAY_NOUN.is_match(&bare)
    {
        return Part::Salary;
    }
    if is_place(&bare) {
        return Part::Place;
    }
    if ROLE.is_match(&bare) {
        return Part::Title;
    }
    Part::Other
}

/// Whether a field's first word is a marker ("Full-time, onsite preferred, but…").
fn starts_with_marker(s: &str) -> bool {
    let first = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/')
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    REAL_MARKER.is_match(first)
}

/// Whether a field is made only of marker words ("REMOTE", "Full-time, ONSITE", "VISA").
fn is_markers(s: &str) -> bool {
    static IN_OFFICE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bin\s+(?:the\s+)?office\b").expect("valid regex"));
    let without_parens = ON_SITE.replace_all(&strip_parens(s), "onsite").into_owned();
    let words: Vec<&str> = without_parens
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | ';' | ':' | '(' | ')' | '!'))
        .map(|w| w.trim_matches(|c: char| c == '.' || c == '-' || c == '*'))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 10
        && words.iter().all(|w| MARKER_WORDS.is_match(w))
        && (words.iter().any(|w| REAL_MARKER.is_match(w)) || IN_OFFICE.is_match(&without_parens))
}

/// Whether a field names a place ("Austin, TX", "NYC", "London or Remote").
fn is_place(s: &str) -> bool {
    static CITY_STATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3},\s*[A-Z]{2}\b").expect("valid regex")
    });
    static CODE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})?,\s*(?:[A-Z]{2,3}|U\.S\.A?\.?|U\.K\.)$")
            .expect("valid regex")
    });
    let s = strip_urls(s);
    let t = strip_parens(&s);
    if ROLE.is_match(&t) && !places::mentions_place(&t) {
        return false;
    }
    let named = |t: &str| {
        let found = |t: &str| {
            CITY_STATE.is_match(t.trim())
                || CODE_TAIL.is_match(t.trim())
                || places::places_in(t)
                    .iter()
                    .any(|&(a, b, _)| b - a > 2 || t.trim().len() <= 3)
        };
        // "BOSTON": capitals only, as some headers shout.
        found(t)
            || (t.chars().any(|c| c.is_alphabetic())
                && !t.chars().any(|c| c.is_lowercase())
                && t.len() > 3
                && found(&title_case(t)))
    };
    // "Oxford Ionics", "Boston Dynamics": a name that starts with a city is a name. Each item
    // of a place list ("Chicago and Schaumburg, IL") is a place, or an unknown name beside one.
    let only_places = |t: &str| {
        let items: Vec<&str> = t
            .split([',', '/', '&', ';'])
            .flat_map(|i| i.split(" and "))
            .flat_map(|i| i.split(" or "))
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .collect();
        items.iter().all(|item| {
            let found = places::places_in(item);
            if found.is_empty() {
                return true;
            }
            let mut rest = item.to_string();
            for (a, b, _) in found.into_iter().rev() {
                rest.replace_range(a..b, " ");
            }
            rest.split(|c: char| c.is_whitespace() || matches!(c, '-' | '(' | ')' | '.'))
                .filter(|w| !w.is_empty())
                .all(|w| {
                    !w.chars().next().is_some_and(char::is_uppercase)
                        || MARKER_WORDS.is_match(w)
                        || (w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase()))
                })
        })
    };
    // "Harsum/Hanover (Germany)": the place may be in the parentheses.
    (named(&t)
        && (only_places(&t) || CITY_STATE.is_match(t.trim()) || CODE_TAIL.is_match(t.trim())))
        || (t.split_whitespace().count() <= 4 && parenthesized(&s).iter().any(|i| named(i)))
}

/// "NEW YORK, NY" → "New York, Ny" (enough to look names up).
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// The places of a location field: split at " or ", " and ", "&", ";" and " / ", mode words
/// dropped ("New York City or REMOTE" → "New York City").
fn places_of(s: &str) -> Vec<String> {
    static CONNECTOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:(?:or|and|in|at|based|near|the|office|offices|hq|only|ok|considered|preferred|possible|welcome|relocation|to|from|locations?|where|onsite|remote)\b[\s,:-]*)+")
            .expect("valid regex")
    });
    static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[(\[]\s*(?:or|and|e\.g\.|incl\.?|including|near|but)\b")
            .expect("valid regex")
    });
    // "Palo Alto (California)" is one place; "(or onsite in Redwood City)" another.
    let s = strip_urls(s);
    let s = ASIDE.replace_all(&s, " ; ");
    let s = s.replace(['(', '['], ", ").replace([')', ']'], " ");
    let mut out = Vec::new();
    for chunk in s
        .split(" or ")
        .flat_map(|c| c.split(" OR "))
        .flat_map(|c| c.split(" and "))
        .flat_map(|c| c.split(" & "))
        .flat_map(|c| c.split(';'))
        .flat_map(|c| c.split('/'))
    {
        // Marker words glued to the place ("London ONSITE", "US/Canada REMOTE").
        let words: Vec<&str> = chunk
            .split_whitespace()
            .filter(|w| {
                let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
                !(REAL_MARKER.is_match(bare) || bare.eq_ignore_ascii_case("only"))
            })
            .collect();
        let c = words.join(" ");
        let c = CONNECTOR.replace(c.trim().trim_matches([',', '-', ':', '.', ' ']), "");
        let c = c.trim().trim_matches([',', '-', ':', '.', ' ']);
        if c.is_empty() || !c.chars().any(char::is_alphabetic) {
            continue;
        }
        for l in location::from_label(c) {
            // Words that are not names ("will help with", "technically Cambridge") are not
            // part of a place.
            let pieces: Vec<&str> = l
                .split(", ")
                .map(str::trim)
                .filter(|x| {
                    x.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                        && !x.contains(['!', '?'])
                })
                .collect();
            let l = pieces.join(", ");
            let looks_named = l
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || w.len() <= 3);
            if !l.is_empty() && (looks_named || is_place(&l)) && !out.contains(&l) {
                out.push(l);
            }
        }
    }
    out
}

/// A company field, tidied: URLs and bracketed notes dropped ("Foxpass (YC S15)" → "Foxpass",
/// "Meetup [http://www.meetup.com]" → "Meetup").
fn company_name(s: &str) -> String {
    let s = strip_urls(s);
    let s = strip_parens(&s);
    let s = s.trim().trim_end_matches([',', '-', ':', '–', '—']).trim();
    // "ECMC Innovation Lab / collegeabacus.org": a domain next to the name goes.
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| !(URL.is_match(w) && w.contains('.')) && *w != "/")
        .collect();
    let name = if words.is_empty() {
        s.to_string()
    } else {
        words.join(" ")
    };
    // "Galaxy - The Cursor for SQL", "Al Jazeera Digital - Platforms Team": the name before
    // its tagline or team.
    let name = match [" - ", " – ", " — "]
        .iter()
        .find_map(|sep| name.split_once(sep))
    {
        Some((head, _)) if (1..=4).contains(&head.split_whitespace().count()) => {
            head.trim().to_string()
        }
        _ => name,
    };
    if name.split_whitespace().count() > 8 {
        return String::new();
    }
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    if matches!(
        first.as_str(),
        "hi" | "hello" | "hey" | "we" | "we're" | "our" | "i" | "i'm"
    ) {
        return String::new();
    }
    name
}

fn strip_urls(s: &str) -> String {
    let t = URL_IN.replace_all(s, " ");
    let t = t.replace("[]", "").replace("()", "");
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` without parenthesized or bracketed parts.
fn strip_parens(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The parenthesized parts of `s` ("REMOTE (US)" → ["US"]).
fn parenthesized(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => {
                depth += 1;
                cur.clear();
            }
            ')' if depth > 0 => {
                depth -= 1;
                out.push(cur.trim().to_string());
            }
            _ if depth > 0 => cur.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_that_stands_for_a_pipe_splits_a_header() {
        assert_eq!(
            split_fields("FromAtoB GmbH ⎮ Full Time  ⎮ Aachen, Germany"),
            ["FromAtoB GmbH", "Full Time", "Aachen, Germany"]
        );
    }

    fn post(text: &str) -> Doc {
        read_post(text).unwrap()
    }

    fn all(d: &Doc, k: Key) -> Vec<String> {
        d.texts(k).map(|(t, _)| t.to_string()).collect()
    }

    #[test]
    fn a_post_offering_its_author_s_work_is_no_job() {
        let board: Value = serde_json::from_str(
            r#"[{"author": "a", "content": "[For Hire][Fullstack]\nOutsource your work to me, I'm a Nextjs dev."},
                {"author": "b", "content": "**[FORHIRE] [REMOTE] [FULLTIME]**\nReact developer, 3 years."},
                {"author": "c", "content": "[For Hire][Fullstack]\n\nHiring for a Fullstack Python and React Dev at Merge."},
                {"author": "d", "content": "[HIRING][REMOTE]\nRust developer at Satellite IM."}]"#,
        )
        .unwrap();
        let docs = from_json(&board).expect("comments");
        assert_eq!(docs.len(), 2);
        assert!(offers_work(
            "SEEKING WORK | Berlin | Rust, Go\nI build backends."
        ));
        assert!(!offers_work(
            "Acme | Engineer | Remote\nWe sell hire purchase plans."
        ));
    }

    #[test]
    fn a_scrapers_comments_keyed_by_id_or_one_alone() {
        let one = r#"{"id": "46111537", "post_url": "https://news.ycombinator.com/item?id=46108941",
            "commenter": "someone", "date": "2025-12-01T19:03:41Z",
            "content": "Acme | Growth Engineer | Remote - UK&#x2F;EU | €60-100k<p>We build anvils."}"#;
        let v: Value = serde_json::from_str(one).unwrap();
        let docs = from_json(&v).expect("a comment");
        assert_eq!(docs.len(), 1);
        assert_eq!(all(&docs[0], Key::Company), ["Acme"]);
        assert_eq!(all(&docs[0], Key::Title), ["Growth Engineer"]);
        assert_eq!(
            all(&docs[0], Key::Url),
            ["https://news.ycombinator.com/item?id=46111537"]
        );
        let keyed: Value =
            serde_json::from_str(&format!(r#"{{"46111537": {one}, "46111538": {one}}}"#)).unwrap();
        assert_eq!(from_json(&keyed).map(|d| d.len()), Some(2));
        // A record with a body but nothing of a comment is no comment.
        let other: Value = serde_json::from_str(r#"{"a": {"content": "x"}}"#).unwrap();
        assert!(from_json(&other).is_none());
        // A thread a scraper keeps under a key of its own, linked to its HN item.
        let thread: Value = serde_json::from_str(
            r#"{"783e9f14": {"url": "https://news.ycombinator.com/item?id=44159528",
                "comments": [{"id": "1", "text": "Acme | Engineer | Remote", "author": "a"},
                             {"id": "2", "text": "Bolt | Designer | NYC", "author": "b"}]}}"#,
        )
        .unwrap();
        assert_eq!(from_json(&thread).map(|d| d.len()), Some(2));
    }

    #[test]
    fn header_fields_in_any_order() {
        let d = post(
            "Acme Corp | Senior Backend Engineer | San Francisco, CA | REMOTE (US) | $150k-$200k | https://acme.example/jobs\n\nWe build anvils.",
        );
        assert_eq!(all(&d, Key::Company), ["Acme Corp"]);
        assert_eq!(all(&d, Key::Title), ["Senior Backend Engineer"]);
        assert_eq!(all(&d, Key::Location), ["San Francisco, CA"]);
        assert_eq!(all(&d, Key::Badge), ["REMOTE (US)"]);
        assert_eq!(all(&d, Key::Salary), ["$150k-$200k"]);
        assert_eq!(all(&d, Key::Url), ["https://acme.example/jobs"]);
        assert_eq!(d.blocks[0].text, "We build anvils.");
        assert!(d.compose_title);
        // A link in brackets is the link, without them.
        let d = post(
            "Julia Computing Inc [http://juliacomputing.com] | Cambridge, MA\n\nWe work on LLVM.",
        );
        assert_eq!(all(&d, Key::Url), ["http://juliacomputing.com"]);

        let d = post("Software Engineer (Back End) | CareMessage (YC W14) | REMOTE | FullTime");
        assert_eq!(all(&d, Key::Company), ["CareMessage"]);
        assert_eq!(all(&d, Key::Title), ["Software Engineer (Back End)"]);
    }

    #[test]
    fn a_field_mixing_a_place_with_mode_words() {
        let d = post(
            "Oxford Ionics | Senior Software Engineer | UK hybrid up to 4 days remote/1 day in office | Full time",
        );
        assert_eq!(all(&d, Key::Company), ["Oxford Ionics"]);
        assert_eq!(all(&d, Key::Location), ["UK"]);
        assert_eq!(
            all(&d, Key::Badge),
            ["UK hybrid up to 4 days remote/1 day in office", "Full time"]
        );
        let d = post("Acme | Engineer | Iowa City or remote | Full-time");
        assert_eq!(all(&d, Key::Location), ["Iowa City"], "{:?}", d.facts);
        // A place before other words is no place of the job; nor is a field with no place first.
        for field in [
            "Boston Dynamics style robots, remote friendly",
            "EU Visa required",
            "Rails SaaS for Contract Packagers",
        ] {
            let d = post(&format!("Acme | Engineer | {field}"));
            assert_eq!(all(&d, Key::Location), Vec::<String>::new(), "{field}");
            assert_eq!(all(&d, Key::Badge), Vec::<String>::new(), "{field}");
        }
    }

    #[test]
    fn a_remark_after_a_dash_stays_with_its_field() {
        let d = post(
            "Puls Security | Lead Software Engineer (Security) — strong Juniors also welcome | Full-time | REMOTE (within Germany)",
        );
        assert_eq!(all(&d, Key::Company), ["Puls Security"]);
        assert_eq!(
            all(&d, Key::Title),
            ["Lead Software Engineer (Security) — strong Juniors also welcome"]
        );
        // A dash between two fields still splits them.
        let d = post("Acme — Senior Engineer | Berlin | ONSITE");
        assert_eq!(all(&d, Key::Company), ["Acme"]);
        assert_eq!(all(&d, Key::Title), ["Senior Engineer"]);
    }

    #[test]
    fn roles_joined_in_a_header_are_each_a_role() {
        let d = post("Make Waves | Lead developer & Marketing Manager | FULLTIME | Amsterdam, NL");
        assert_eq!(all(&d, Key::Title), ["Lead developer", "Marketing Manager"]);
        let d = post("Acme | Junior/Medior DevOps and Python Engineers | The Hague");
        assert_eq!(
            all(&d, Key::Title),
            ["Junior/Medior DevOps and Python Engineers"]
        );
        let d = post("Acme | Senior Developers and a QA Lead | Berlin");
        assert_eq!(all(&d, Key::Title), ["Senior Developers", "QA Lead"]);
        let d =
            post("Acme | Backend Developer, Android Developer, or Front End Developer | Berlin");
        assert_eq!(
            all(&d, Key::Title),
            [
                "Backend Developer",
                "Android Developer",
                "Front End Developer"
            ]
        );
        let d = post("Acme | Research & Development Engineer | Berlin");
        assert_eq!(all(&d, Key::Title), ["Research & Development Engineer"]);
        let d = post("Acme | Senior Engineer, Infrastructure | Berlin");
        assert_eq!(all(&d, Key::Title), ["Senior Engineer, Infrastructure"]);
        let d = post("Acme | Senior Software & Systems Engineers, Developer Tools | Berlin");
        assert_eq!(
            all(&d, Key::Title),
            ["Senior Software & Systems Engineers, Developer Tools"]
        );
        let d = post("Acme | Android Developers, Go & JavaScript (ES8) Developers | Berlin");
        assert_eq!(
            all(&d, Key::Title),
            ["Android Developers", "Go & JavaScript (ES8) Developers"]
        );
    }

    #[test]
    fn several_roles_each_with_pay() {
        let d = post(
            "Spill (https://www.spill.chat/) | Senior Frontend Engineer (£80-100k) Mid-Level Fullstack Engineer (£65-75k) Mid-Level Devops/SRE (£65-75k) | London, UK (HQ) | ONSITE | Full-time",
        );
        assert_eq!(
            all(&d, Key::Title),
            [
                "Senior Frontend Engineer (£80-100k)",
                "Mid-Level Fullstack Engineer (£65-75k)",
                "Mid-Level Devops/SRE (£65-75k)"
            ]
        );
        assert_eq!(all(&d, Key::Company), ["Spill"]);
    }

    #[test]
    fn company_names_that_look_like_roles_or_places() {
        let d = post("Lead Genius | Software Engineer | Berkeley, CA | ONSITE");
        assert_eq!(all(&d, Key::Company), ["Lead Genius"]);
        assert_eq!(all(&d, Key::Title), ["Software Engineer"]);
        let d = post("Indianapolis Colts | Software Developer | Indianapolis, IN | Onsite");
        assert_eq!(all(&d, Key::Company), ["Indianapolis Colts"]);
        let d = post("Senior Full Stack Developer @ Universe | Toronto | ONSITE");
        assert_eq!(all(&d, Key::Company), ["Universe"]);
        // A tagline or team after a dash is not the name.
        let d = post("Galaxy (getgalaxy.io) - The Cursor for SQL | NYC, NY | Full time");
        assert_eq!(all(&d, Key::Company), ["Galaxy"]);
        // After a role, a stack's "roles" is no second role.
        let d = post(
            "Normal | Senior SWE Backend | Full-time | Remote | Typescript/Node/Postgres roles",
        );
        assert_eq!(all(&d, Key::Title), ["Senior SWE Backend"]);
        let d = post("Al Jazeera Digital - Platforms Team | Doha | ONSITE");
        assert_eq!(all(&d, Key::Company), ["Al Jazeera Digital"]);
        // A field about the pay without a figure names no one.
        let d = post(
            "Paris, France | ONSITE | Competitive Salary & Benefits | Full-time | www.quasardb.net",
        );
        assert!(all(&d, Key::Company).is_empty());
        // A long name that only a field of work makes look like a role; a name with its country
        // in the first field; a header in italics.
        let d = post(
            "Spanish National Cancer Research Centre (CNIO) | Madrid, Spain | HYBRID | Senior Scientific Computing Engineer | Full-time",
        );
        assert_eq!(
            all(&d, Key::Title),
            ["Senior Scientific Computing Engineer"]
        );
        let d = post(
            "Paul Scherrer Institut (PSI), Switzerland | Software Engineer | ONSITE (CH) | 2y project",
        );
        assert_eq!(all(&d, Key::Company), ["Paul Scherrer Institut"]);
        let d = post("Kailua, Hawaii - Real Geeks - Full-stack Rails dev");
        assert_eq!(all(&d, Key::Company), ["Real Geeks"]);
        let d = post("*Fastly | Software Engineers (Senior, Staff, Principal) | US | Full-time*");
        assert_eq!(all(&d, Key::Company), ["Fastly"]);
        assert_eq!(
            all(&d, Key::Title),
            ["Software Engineers (Senior, Staff, Principal)"]
        );
    }

    #[test]
    fn a_thread_s_deleted_comments_are_among_its_comments() {
        let v: Value = serde_json::from_str(r#"{"hilo": {"by": "whoishiring", "id": 1, "kids": [2, 3], "title": "Ask HN: Who is hiring?", "type": "story"},
            "comentarios": [{"by": "a", "id": 2, "parent": 1, "text": "Acme | Engineer | NYC", "type": "comment"},
            {"deleted": true, "id": 3, "parent": 1, "type": "comment"}]}"#).unwrap();
        let docs = from_json(&v).expect("a thread");
        assert_eq!(docs.len(), 1);
        assert_eq!(all(&docs[0], Key::Company), ["Acme"]);
    }

    #[test]
    fn malformed_posts_and_threads() {
        assert!(read_post("").is_none());
        assert!(read_post("\n\n  \n").is_none());
        let t =
            "Ask HN: Who is hiring? (May 2020)\nbob 2 hours ago | parent | next [–]\nreply only\n";
        assert!(matches!(read(t), Err(SkipReason::NoPosting(_))));
        assert!(from_json(&serde_json::json!({"type": "story", "title": "Ask HN: Who is hiring?", "kids": [1, 2]})).unwrap().is_empty());
        let _ = read_post(&"| ".repeat(10_000));
        let _ = read_post(&"(".repeat(10_000));
    }

    #[test]
    fn a_header_glued_to_the_text_of_a_flattened_comment() {
        let body = "We are an early stage health tech company using AI to improve hospital revenue cycle, making healthcare costs lower and allowing doctors to focus on patient care. The team is small but high functioning.";
        let post = format!(
            "SmarterDx | Data scientists | Remote first (but U.S. only) | Full time {body}"
        );
        let d = read_post(&post).unwrap();
        assert!(d.texts(Key::Badge).any(|t| t.0 == "Full time"));
        let post = format!(
            "Figma | https://www.figma.com/ | San Francisco, New York City | Full TimeSelected job postings here. {body}"
        );
        let d = read_post(&post).unwrap();
        assert!(d.texts(Key::Badge).any(|t| t.0 == "Full Time"));
        let post = format!(
            "Clover Health | San Francisco, CA | Software Engineers | Full-Time ONSITE Clover is reinventing health insurance. {body}"
        );
        let d = read_post(&post).unwrap();
        assert!(d.texts(Key::Badge).any(|t| t.0 == "Full-Time ONSITE"));
    }

    #[test]
    fn a_threads_comments_under_a_key_of_its_own() {
        let v: Value = serde_json::from_str(r#"{"thread_id": "1", "title": "Ask HN: Who is hiring? (July 2026)",
            "comments": [{"objectID": "2", "author": "a", "comment_text": "Acme | Engineer | NYC<p>We build anvils."},
                         {"objectID": "3", "author": "b", "comment_text": "Initech | Designer | Remote<p>We build printers."}]}"#).unwrap();
        let docs = from_json(&v).unwrap();
        assert_eq!(docs.len(), 2);
        // An issue's comments are no thread of HN's.
        let v: Value = serde_json::from_str(
            r#"{"title": "Senior Engineer at Acme", "body": "We are hiring.",
            "comments": [{"author": "a", "body": "Is this remote?"}]}"#,
        )
        .unwrap();
        assert!(from_json(&v).is_none());
    }

    #[test]
    fn threads_as_text_and_json() {
        let t = "Ask HN: Who is hiring? (March 2018)\n500 points by whoishiring 5 months ago | hide | 900 comments\nPlease state the location.\n\nalice 5 months ago | next [–]\nAcme | Engineer | Berlin, Germany | ONSITE\nWe make anvils.\nreply\n\nbob 5 months ago | parent | next [–]\nIs this still open?\nreply\n\ncarol 5 months ago | prev | next [–]\nInitech | Data Scientist | REMOTE\nreply\n";
        assert!(looks_like_thread(t));
        let posts = read(t).unwrap();
        let names: Vec<_> = posts.iter().map(|p| all(p, Key::Company)).collect();
        assert_eq!(names, [["Acme"], ["Initech"]]);
        let v: Value = serde_json::from_str(r#"[{"by": "whoishiring", "id": 1, "kids": [2], "title": "Ask HN: Who is hiring?", "type": "story"},
            {"by": "a", "id": 2, "parent": 1, "text": "Acme | Engineer | NYC", "type": "comment"},
            {"by": "b", "id": 5, "parent": 2, "text": "cool", "type": "comment"}]"#).unwrap();
        assert_eq!(from_json(&v).unwrap().len(), 1);
        assert!(from_json(&serde_json::json!([{"title": "x"}])).is_none());
    }
}
