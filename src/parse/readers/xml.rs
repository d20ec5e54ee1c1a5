//! XML feeds of job records (Personio's `<workzag-jobs><position>…`, and the like): the element
//! tree becomes the JSON value it spells — an element of text is a string, an element of
//! elements an object, repeated names an array — and is read as JSON records are
//! ([`super::json::collect`]), so the same label vocabulary names the fields.

use roxmltree::{Document, Node};
use serde_json::{Map, Value};

use super::super::doc::Doc;

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
    let head: String = text.trim_start().chars().take(512).collect();
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
    // roxmltree refuses DTDs by default: no entity expansion to bomb it with.
    let Ok(doc) = Document::parse(text) else {
        return Vec::new();
    };
    let root = doc.root_element();
    let mut top = Map::new();
    top.insert(root.tag_name().name().to_string(), value_of(root, 0));
    let mut out = Vec::new();
    super::json::collect(&Value::Object(top), &mut out);
    out
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
    fn pages_and_broken_xml_are_not_records() {
        assert!(!looks_like_xml(
            "<?xml version='1.0'?><html><body>x</body></html>"
        ));
        assert!(read("<?xml version='1.0'?><a><b>").is_empty());
        assert!(!looks_like_xml("<div><p>Engineer</p></div>"));
        assert!(looks_like_xml("<position><name>Engineer</name></position>"));
    }
}
