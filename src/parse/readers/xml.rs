//! XML feeds of job records (Personio's `<workzag-jobs><position>…`, and the like): the element
//! tree becomes the JSON value it spells — an element of text is a string, an element of
//! elements an object, repeated names an array — and is read as JSON records are
//! ([`super::json::collect`]), so the same label vocabulary names the fields.

use roxmltree::{Document, Node};
use serde_json::{Map, Value};

use super::super::doc::Doc;
use super::super::vocab::vocab;

/// How deep an element tree is followed (a posting is a few levels deep).
const MAX_DEPTH: usize = 32;

/// Whether a text is an XML document rather than a page: an XML declaration, or a first
/// element that is not one of HTML's (a pulled Personio posting starts with `<position>`).
pub fn looks_like_xml(text: &str) -> bool {
    const HTML: &[&str] = &[
        "html", "head", "body", "div", "p", "section", "article", "main", "span", "h1", "h2", "h3",
        "h4", "h5", "h6", "ul", "ol", "li", "table", "a", "meta", "link", "script", "style",
        "header", "footer", "nav", "br", "img", "form", "title", "b", "i", "strong", "em", "pre",
        "svg", "template",
    ];
    let head: String = document(text).chars().take(512).collect();
    let lower = head.to_lowercase();
    if lower.contains("<html") || lower.contains("<!doctype html") {
        return false;
    }
    if lower.starts_with("<?xml") {
        return true;
    }
    let Some(rest) = lower.strip_prefix('<') else {
        return false;
    };
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
        .collect();
    !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && !HTML.contains(&name.as_str())
}

/// The records of an XML document; none when it is not well-formed XML or holds no record.
pub fn read(text: &str) -> Vec<Doc> {
    let text = document(text);
    // roxmltree refuses DTDs by default: no entity expansion to bomb it with.
    let repaired;
    let doc = match Document::parse(text) {
        Ok(doc) => doc,
        Err(_) => {
            let Some(text) = repair(text) else {
                return Vec::new();
            };
            repaired = text;
            let Ok(doc) = Document::parse(&repaired) else {
                return Vec::new();
            };
            doc
        }
    };
    let root = doc.root_element();
    let mut top = Map::new();
    top.insert(root.tag_name().name().to_string(), value_of(root, 0));
    let mut out = Vec::new();
    super::json::collect(&Value::Object(top), &mut out);
    out
}

/// The document a text holds: without the note a browser writes above an XML document it shows
/// without a style sheet ("This XML file does not appear to have any style information…"), which
/// a feed saved or copied from the browser's view keeps.
fn document(text: &str) -> &str {
    let text = text.trim_start();
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    if vocab().viewer_notes.whole(first.trim()).is_some() {
        rest.trim_start()
    } else {
        text
    }
}

/// An XML document as its writer meant it, where it is not well-formed: an end tag written in
/// another case than its start (`<Visa_Sponsorship_Available>…</Visa_sponsorship_available>`)
/// closes it, and the elements left open inside it; an end tag that closes nothing open is
/// dropped; elements still open at the end are closed; a bare `&` or `<` in text ("R&D", "a <
/// b") and an entity XML does not define (`&nbsp;`) are escaped. Comments, CDATA sections and
/// declarations are kept as they are. One pass over the text.
fn repair(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut open: Vec<&str> = Vec::new();
    let mut rest = text;
    'scan: while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('&') {
            out.push_str(if defined_entity(rest) { "&" } else { "&amp;" });
            rest = &rest[1..];
            continue;
        }
        for (start, end) in [
            ("<!--", "-->"),
            ("<![CDATA[", "]]>"),
            ("<?", "?>"),
            ("<!", ">"),
        ] {
            if rest.starts_with(start) {
                let len = rest[start.len()..]
                    .find(end)
                    .map_or(rest.len(), |j| start.len() + j + end.len());
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue 'scan;
            }
        }
        let closing = rest.starts_with("</");
        let after = &rest[if closing { 2 } else { 1 }..];
        let name_len = after
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')))
            .unwrap_or(after.len());
        let name = &after[..name_len];
        let Some(len) =
            tag_len(rest).filter(|_| name.starts_with(|c: char| c.is_alphabetic() || c == '_'))
        else {
            out.push_str("&lt;");
            rest = &rest[1..];
            continue;
        };
        if closing {
            // Looked for among the innermost open elements only, so a file of stray end tags
            // under deep nesting costs no more than a page's worth of work each.
            let from = open.len().saturating_sub(MAX_DEPTH);
            if let Some(k) = open[from..]
                .iter()
                .rposition(|o| o.eq_ignore_ascii_case(name))
                .map(|k| from + k)
            {
                for o in open.drain(k..).rev() {
                    push_end_tag(&mut out, o);
                }
            }
        } else {
            out.push_str(&rest[..len]);
            if !rest[..len].ends_with("/>") {
                open.push(name);
                // Nesting no feed has: no document to repair.
                if open.len() > MAX_OPEN {
                    return None;
                }
            }
        }
        rest = &rest[len..];
    }
    out.push_str(rest);
    for o in open.into_iter().rev() {
        push_end_tag(&mut out, o);
    }
    Some(out)
}

fn push_end_tag(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// How many elements may be open at once in a document [`repair`] takes on.
const MAX_OPEN: usize = 4 * 1024;

/// How long a tag may be (its name and attributes): past that, a `<` opens no tag.
const MAX_TAG: usize = 4 * 1024;

/// Whether a text starting with `&` starts with a reference XML defines: one of its five named
/// entities or a character's number.
fn defined_entity(s: &str) -> bool {
    // Looked for within a reference's length, not through the rest of the text.
    let Some(end) = s[1..].bytes().take(12).position(|b| b == b';') else {
        return false;
    };
    let name = &s[1..1 + end];
    matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
        || name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
        || name
            .strip_prefix('#')
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
}

/// The length of the tag a text starts with, through its `>` (a `>` inside a quoted attribute
/// value does not end it); none when no `>` ends it or another `<` comes first.
fn tag_len(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1).take(MAX_TAG) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i + 1),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

/// The JSON value an element spells.
fn value_of(node: Node<'_, '_>, depth: usize) -> Value {
    let children: Vec<Node<'_, '_>> = node.children().filter(Node::is_element).collect();
    if children.is_empty() || depth >= MAX_DEPTH {
        let text: String = node
            .descendants()
            .filter(Node::is_text)
            .filter_map(|n| n.text())
            .collect();
        return Value::String(text.trim().to_string());
    }
    let mut map: Map<String, Value> = Map::new();
    for c in children {
        let key = c.tag_name().name().to_string();
        let v = value_of(c, depth + 1);
        match map.get_mut(&key) {
            Some(Value::Array(a)) => a.push(v),
            Some(old) => {
                let first = old.take();
                *old = Value::Array(vec![first, v]);
            }
            None => {
                map.insert(key, v);
            }
        }
    }
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::doc::Key;

    #[test]
    fn a_personio_position_is_a_record() {
        let xml = "<?xml version='1.0'?><workzag-jobs><position><id>1</id>\
            <subcompany>Acme SE</subcompany><office>Munich</office>\
            <name>Staff Software Engineer</name><schedule>full-time</schedule>\
            <jobDescriptions><jobDescription><name>Your mission</name>\
            <value><![CDATA[<p>You design the data platform.</p>]]></value></jobDescription>\
            </jobDescriptions></position></workzag-jobs>";
        assert!(looks_like_xml(xml));
        let docs = read(xml);
        assert_eq!(docs.len(), 1);
        let titles: Vec<&str> = docs[0].texts(Key::Title).map(|t| t.0).collect();
        assert_eq!(titles, ["Staff Software Engineer"]);
    }

    #[test]
    fn an_rss_feed_s_items_are_its_records_not_its_channel() {
        let item = |t: &str, c: &str| {
            format!(
                "<item><title>{t}</title><link>https://x.example/{c}</link>\
                 <job:company><![CDATA[ {c} ]]></job:company>\
                 <description><![CDATA[ ]]></description></item>"
            )
        };
        let xml = format!(
            "<rss xmlns:job=\"https://x.example\" version=\"2.0\"><channel><title>LaraJobs</title>\
             <link>https://x.example</link><description>Your Laravel Jobs source.</description>{}{}\
             </channel></rss>",
            item("Full Stack Developer", "ZenOne"),
            item("Data Engineer", "Definable")
        );
        let docs = read(&xml);
        let titles: Vec<&str> = docs
            .iter()
            .filter_map(|d| d.texts(Key::Title).next())
            .map(|t| t.0)
            .collect();
        assert_eq!(titles, ["Full Stack Developer", "Data Engineer"]);
    }

    #[test]
    fn an_hr_xml_position_opening_is_a_record() {
        let xml = "<?xml version='1.0'?><PositionOpening xmlns=\"http://www.hr-xml.org/3\">\
            <PositionProfile><PositionTitle>Elektrikere</PositionTitle>\
            <PositionLocation><Address><o:CityName xmlns:o=\"urn:x\">SANDEFJORD</o:CityName>\
            <CountryCode>NO</CountryCode></Address></PositionLocation>\
            <PositionScheduleTypeCode>FullTime</PositionScheduleTypeCode>\
            <PositionFormattedDescription><Content><![CDATA[<p>Vi søker montører.</p>]]>\
            </Content></PositionFormattedDescription></PositionProfile></PositionOpening>";
        let docs = read(xml);
        assert_eq!(docs.len(), 1);
        let all = |k: Key| {
            docs[0]
                .texts(k)
                .map(|t| t.0.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(all(Key::Title), ["Elektrikere"]);
        assert_eq!(all(Key::Location), ["SANDEFJORD, NO"]);
        assert_eq!(all(Key::EmploymentType), ["FullTime"]);
    }

    #[test]
    fn a_feed_with_a_mismatched_end_tag_is_read_as_meant() {
        let xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Acme Trust RSS Feed</title>\
            <item><title>Teaching Assistant</title><description><![CDATA[<p>R&D <b>team</b></p>]]></description>\
            <Vacancy><Job_Location>Barnstaple</Job_Location><Pay>£21,575 & more&nbsp;</Pay>\
            <Visa_Sponsorship_Available>true</Visa_sponsorship_available></Vacancy></item>\
            </channel></rss>";
        assert!(Document::parse(xml).is_err());
        let docs = read(xml);
        assert_eq!(docs.len(), 1);
        let titles: Vec<&str> = docs[0].texts(Key::Title).map(|t| t.0).collect();
        assert_eq!(titles, ["Teaching Assistant"]);
        assert_eq!(
            repair("<a><b>x</B><c>1 < 2 & 3</d></a>").as_deref(),
            Some("<a><b>x</b><c>1 &lt; 2 &amp; 3</c></a>")
        );
        assert_eq!(
            repair("<a x='>'><b>").as_deref(),
            Some("<a x='>'><b></b></a>")
        );
        assert_eq!(
            repair("<a>&#38;&#x26;&amp;&nbsp;</a>").as_deref(),
            Some("<a>&#38;&#x26;&amp;&amp;nbsp;</a>")
        );
    }

    #[test]
    fn a_feed_of_one_item_is_that_item_not_its_channel() {
        let xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>\
            <title>Ventnor Academy Trust RSS Feed</title><link>https://x.example/feed</link>\
            <description>Ventnor Academy Trust RSS Feed</description>\
            <item><link>https://x.example/jobs/1</link><title>Teaching Assistant</title>\
            <description>Support pupils in class.</description><content><Vacancy><Salary>£21,575 - £22,369</Salary><Job_Location>Barnstaple</Job_Location>\
            <Working_Patterns>part_time</Working_Patterns></Vacancy></content></item></channel></rss>";
        let ps = crate::parse::parse_text(xml, "feed.xml").unwrap();
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].title.as_deref(), Some("Teaching Assistant"));
        assert_eq!(ps[0].company.as_deref(), Some("Ventnor Academy Trust"));
    }

    #[test]
    fn a_feed_s_title_names_the_employer_only_as_its_jobs() {
        let companies = |channel: &str| -> Vec<Option<String>> {
            let item = |t: &str| {
                format!(
                    "<item><title>{t}</title><link>https://x.example/{t}</link>\
                     <description>Lead the team. Location: Lemont IL USA</description></item>"
                )
            };
            let xml = format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{channel}</title>\
                 <link>https://x.example</link><description>Jobs</description>{}{}</channel></rss>",
                item("HPC Storage Systems Team Lead"),
                item("Workloads Team Lead")
            );
            crate::parse::parse_text(&xml, "feed.rss")
                .unwrap()
                .into_iter()
                .map(|p| p.company)
                .collect()
        };
        assert_eq!(
            companies("Research Computing Teams - Job Board"),
            [None, None]
        );
        let miyamoto = Some("Miyamoto International".to_string());
        assert_eq!(
            companies("Miyamoto International Jobs"),
            [miyamoto.clone(), miyamoto]
        );
        let unicef = Some("UNICEF".to_string());
        assert_eq!(
            companies("UNICEF Job Vacancies (Filtered)"),
            [unicef.clone(), unicef]
        );
    }

    #[test]
    fn a_hostile_broken_document_is_repaired_in_one_pass_or_given_up() {
        // Deeper than any feed: given up, no records.
        let deep = format!("<?xml version='1.0'?>{}", "<a>".repeat(MAX_OPEN + 1));
        assert_eq!(repair(&deep), None);
        assert!(read(&deep).is_empty());
        // Stray end tags under deep nesting, bare ampersands, unclosed quotes: each looked at
        // within bounds; the text comes back escaped.
        let stray = format!(
            "<?xml version='1.0'?><r>{}{}{}{}</r>",
            "<a>".repeat(MAX_OPEN - 2),
            "</b>".repeat(50_000),
            "&".repeat(100_000),
            "<x \"".repeat(10_000)
        );
        let fixed = repair(&stray).unwrap();
        assert!(fixed.contains("&amp;&amp;"));
        assert!(!fixed.contains("</b>"));
        assert!(read(&stray).is_empty());
    }

    #[test]
    fn a_browser_s_view_of_a_feed_is_the_feed() {
        let xml = "This XML file does not appear to have any style information associated with it. \
            The document tree is shown below.\n<source><publisher>Acme Staffing</publisher>\
            <job><title>\n<![CDATA[ Tool Design Engineer ]]>\n</title><city><![CDATA[ Worcester ]]></city></job></source>";
        assert!(looks_like_xml(xml));
        let docs = read(xml);
        assert_eq!(docs.len(), 1);
        let titles: Vec<&str> = docs[0].texts(Key::Title).map(|t| t.0).collect();
        assert_eq!(titles, ["Tool Design Engineer"]);
    }

    #[test]
    fn pages_and_broken_xml_are_not_records() {
        assert!(!looks_like_xml(
            "<?xml version='1.0'?><html><body>x</body></html>"
        ));
        assert!(read("<?xml version='1.0'?><a><b>").is_empty());
        assert!(!looks_like_xml("<div><p>Engineer</p></div>"));
        assert!(looks_like_xml("<position><name>Engineer</name></position>"));
    }
}
