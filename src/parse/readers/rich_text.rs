//! Rich text stored as JSON by a CMS or an editor: Strapi and Slate blocks (`type`, `children`,
//! `text`), ProseMirror / TipTap documents (`type: doc`, `content`), Contentful (`nodeType`,
//! `content`, `value`), Sanity's Portable Text (`_type: block`, `children` of spans) and
//! Editor.js (`blocks` of `{type, data: {text | items}}`). A record's description kept so is
//! rendered to simple HTML (headings, paragraphs, list items) for the HTML reader of texts, not
//! shown as the JSON it is.

use serde_json::{Map, Value};

/// How deep a rich-text tree is followed.
const MAX_DEPTH: usize = 24;

/// The HTML of a JSON text that is rich text, if it is.
pub fn html_of_json_text(s: &str) -> Option<String> {
    let t = s.trim_start();
    if !(t.starts_with('[') || t.starts_with('{')) {
        return None;
    }
    html_of(&serde_json::from_str::<Value>(t).ok()?)
}

/// The HTML of a rich-text value, if it is one: a document, or a list of its blocks, with some
/// text in it.
pub fn html_of(v: &Value) -> Option<String> {
    let blocks: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        Value::Object(o) => match o.get("blocks") {
            // Editor.js.
            Some(Value::Array(a)) => a.iter().collect(),
            _ => vec![v],
        },
        _ => return None,
    };
    if blocks.is_empty() || !blocks.iter().all(|b| is_node(b)) {
        return None;
    }
    let mut out = String::new();
    for b in blocks {
        render(b, 0, &mut out);
    }
    let has_text = !crate::parse::html_text::fragment_to_text(&out)
        .trim()
        .is_empty();
    has_text.then_some(out)
}

/// Whether a value is a node of a rich-text tree: an object with a type and children, text or
/// an editor's data.
fn is_node(v: &Value) -> bool {
    let Value::Object(o) = v else { return false };
    node_type(o).is_some()
        && (children(o).is_some()
            || o.get("text").is_some_and(Value::is_string)
            || o.get("value").is_some_and(Value::is_string)
            || o.get("data").is_some_and(Value::is_object))
}

fn node_type(o: &Map<String, Value>) -> Option<&str> {
    ["type", "nodeType", "_type"]
        .iter()
        .find_map(|k| o.get(*k).and_then(Value::as_str))
}

fn children(o: &Map<String, Value>) -> Option<&Vec<Value>> {
    ["children", "content"]
        .iter()
        .find_map(|k| o.get(*k).and_then(Value::as_array))
}

/// Writes a node as HTML.
fn render(v: &Value, depth: usize, out: &mut String) {
    let Value::Object(o) = v else {
        if let Value::String(s) = v {
            out.push_str(&escape(s));
        }
        return;
    };
    if depth > MAX_DEPTH {
        return;
    }
    let ty = node_type(o).unwrap_or("").to_ascii_lowercase();
    let tag = tag_of(&ty, o);
    if let Some(t) = tag {
        out.push_str(&format!("<{t}>"));
    }
    if let Some(kids) = children(o) {
        for k in kids {
            render(k, depth + 1, out);
        }
    } else if let Some(s) = o
        .get("text")
        .or_else(|| o.get("value"))
        .and_then(Value::as_str)
    {
        out.push_str(&escape(s));
    } else if let Some(Value::Object(data)) = o.get("data") {
        // Editor.js: a block's text, or a list's items.
        if let Some(s) = data.get("text").and_then(Value::as_str) {
            // Editor.js keeps inline HTML in its text.
            out.push_str(s);
        } else if let Some(Value::Array(items)) = data.get("items") {
            out.push_str("<ul>");
            for i in items {
                out.push_str("<li>");
                match i {
                    Value::String(s) => out.push_str(s),
                    Value::Object(io) => {
                        if let Some(s) = io.get("content").and_then(Value::as_str) {
                            out.push_str(s);
                        }
                    }
                    _ => {}
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
    }
    if let Some(t) = tag {
        out.push_str(&format!("</{t}>"));
    }
}

/// The HTML element a node's type stands for.
fn tag_of(ty: &str, o: &Map<String, Value>) -> Option<&'static str> {
    let ty = ty.replace(['-', '_'], "");
    if ty.starts_with("heading")
        || ty == "header"
        || matches!(ty.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
    {
        return Some("h3");
    }
    if ty == "listitem" || ty == "li" {
        return Some("li");
    }
    if ty.contains("list") || ty == "ul" || ty == "ol" {
        // Editor.js writes a list's items itself.
        return (!o.contains_key("data")).then_some("ul");
    }
    if matches!(
        ty.as_str(),
        "paragraph" | "p" | "block" | "quote" | "blockquote"
    ) {
        return Some("p");
    }
    if matches!(ty.as_str(), "hardbreak" | "br" | "linebreak") {
        return Some("br");
    }
    None
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strapi_prosemirror_contentful_portable_text_and_editorjs() {
        let strapi = r#"[{"type": "paragraph", "children": [{"text": "КП «МИКОЛАЇВПСТРАНС»", "type": "text"}]},
            {"type": "list", "format": "unordered", "children": [{"type": "list-item", "children": [{"text": "секретаря;", "type": "text"}]}]}]"#;
        assert_eq!(
            html_of_json_text(strapi).as_deref(),
            Some("<p>КП «МИКОЛАЇВПСТРАНС»</p><ul><li>секретаря;</li></ul>")
        );
        let tiptap = r#"{"type": "doc", "content": [{"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Your role"}]},
            {"type": "paragraph", "content": [{"type": "text", "text": "Build <things> & more"}]}]}"#;
        assert_eq!(
            html_of_json_text(tiptap).as_deref(),
            Some("<h3>Your role</h3><p>Build &lt;things&gt; &amp; more</p>")
        );
        let contentful = serde_json::json!({"nodeType": "document", "content": [
            {"nodeType": "paragraph", "content": [{"nodeType": "text", "value": "We hire."}]}]});
        assert_eq!(html_of(&contentful).as_deref(), Some("<p>We hire.</p>"));
        let portable = serde_json::json!([{"_type": "block", "children": [{"_type": "span", "text": "Hello"}]}]);
        assert_eq!(html_of(&portable).as_deref(), Some("<p>Hello</p>"));
        let editor = serde_json::json!({"blocks": [
            {"type": "header", "data": {"text": "Skills", "level": 2}},
            {"type": "list", "data": {"style": "unordered", "items": ["Rust", "Go"]}}]});
        assert_eq!(
            html_of(&editor).as_deref(),
            Some("<h3>Skills</h3><ul><li>Rust</li><li>Go</li></ul>")
        );
        // Other JSON is not rich text.
        assert_eq!(
            html_of_json_text(r#"[{"name": "Acme"}, {"name": "Beta"}]"#),
            None
        );
        assert_eq!(
            html_of_json_text(r#"{"type": "paragraph", "children": []}"#),
            None
        );
        assert_eq!(html_of_json_text("[1, 2]"), None);
        assert_eq!(html_of_json_text("Plain text"), None);
    }
}
