//! HTML → text lines, with a real HTML parser (html5ever through `scraper`), never regexes over
//! tags. Block elements end lines, list items become "• " bullets, headings and lone bold
//! paragraphs become heading lines (ending in ':' so the section splitter knows them), scripts,
//! styles and page furniture (navigation, headers, footers, forms) are dropped.
//!
//! The walk over the tree is iterative (`traverse`), so deeply nested markup cannot overflow the
//! stack.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::doc::Block;

/// Elements whose whole content is dropped.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "head",
    "select", "option", "button", "input", "textarea", "math",
];

/// Page furniture: dropped when extracting a page's main text (not in fragments).
const FURNITURE: &[&str] = &["nav", "header", "footer", "aside", "form", "menu", "dialog"];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "thead",
    "tbody",
    "tfoot",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "address",
    "figure",
    "figcaption",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "fieldset",
    "details",
    "summary",
    "center",
    "body",
    "html",
    "caption",
    "legend",
];

/// Whether an element sits inside a heading (`h1`–`h6`).
fn in_heading(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.ancestors().any(|a| {
        a.value()
            .as_element()
            .is_some_and(|x| matches!(x.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
    })
}

/// Page furniture: navigation, forms and asides anywhere; headers and footers of the page
/// (those inside the main content or an article are the posting's own); elements whose role,
/// id or class names a widget (cookie banners, breadcrumbs, share buttons, related jobs).
fn is_furniture(node: ego_tree::NodeRef<'_, Node>, e: &scraper::node::Element) -> bool {
    let name = e.name();
    if matches!(name, "header" | "footer") {
        let in_content = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|x| matches!(x.name(), "main" | "article"))
        });
        return !in_content;
    }
    if FURNITURE.contains(&name) {
        return true;
    }
    if matches!(
        e.attr("role"),
        Some("navigation" | "contentinfo" | "search" | "dialog" | "alertdialog")
    ) {
        return true;
    }
    let marks = format!(
        "{} {}",
        e.attr("id").unwrap_or(""),
        e.attr("class").unwrap_or("")
    )
    .to_lowercase();
    const WIDGETS: &[&str] = &[
        "cookie",
        "consent",
        "breadcrumb",
        "navbar",
        "share",
        "social",
        "newsletter",
        "related-jobs",
        "similar-jobs",
        "recommended",
        "skip-link",
        "sr-only",
    ];
    !marks.trim().is_empty() && WIDGETS.iter().any(|w| marks.contains(w))
}

/// Options for [`to_text`].
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    /// Drop navigation, headers, footers, asides and forms (a whole page's furniture).
    pub drop_furniture: bool,
}

/// How deeply elements may nest before a document is refused: real pages stay far below, and
/// the HTML tree builder slows down quadratically on absurd nesting.
pub const MAX_NESTING: usize = 2_000;

/// Text of an HTML fragment (a description, a comment body).
pub fn fragment_to_text(html: &str) -> String {
    if too_deep(html) {
        return strip_tags(html);
    }
    let doc = Html::parse_fragment(html);
    element_text(doc.root_element(), TextOptions::default())
}

/// Blocks of an HTML fragment: its headings with their levels, items, paragraph lines.
pub fn fragment_blocks(html: &str) -> Vec<Block> {
    if too_deep(html) {
        return super::blocks::from_lines(strip_tags(html).lines());
    }
    let doc = Html::parse_fragment(html);
    element_blocks(doc.root_element(), TextOptions::default())
}

/// Blocks of an element: headings (`<h1>`…`<h6>`, a lone bold paragraph as level 6) with
/// their levels, the other lines through the plain-text rules.
pub fn element_blocks(root: ElementRef<'_>, opts: TextOptions) -> Vec<Block> {
    let w = walk(root, opts);
    let headings = w.headings.clone();
    let text = w.finish();
    let mut out = Vec::new();
    let mut pending: Vec<&str> = Vec::new();
    let mut next = headings.iter().peekable();
    for line in text.lines() {
        let bare = line.trim().trim_end_matches(':');
        if let Some((h, level)) = next.peek()
            && bare == h.as_str()
            && !bare.is_empty()
        {
            out.extend(super::blocks::from_lines(pending.drain(..)));
            out.push(Block::heading(*level, super::blocks::clean_heading(bare)));
            next.next();
            continue;
        }
        // A Markdown file read as HTML for its tags keeps Markdown's bold markers: a line bold
        // alone ("**<font>高级测试工程师</font>**<br>") is a heading, as a bold paragraph is.
        if let Some(inner) = line
            .trim()
            .strip_prefix("**")
            .and_then(|l| l.strip_suffix("**"))
            .map(str::trim)
            && !inner.contains('*')
            && (2..=70).contains(&inner.chars().count())
        {
            out.extend(super::blocks::from_lines(pending.drain(..)));
            out.push(Block::heading(6, super::blocks::clean_heading(inner)));
            continue;
        }
        pending.push(line);
    }
    out.extend(super::blocks::from_lines(pending));
    out
}

/// Whether an element is a dialog (`role="dialog"`, a `modal` class): hidden from assistive
/// technology until it opens, as a careers page's role descriptions often are, and still the
/// page's text.
fn is_dialog(e: &scraper::node::Element) -> bool {
    e.attr("role") == Some("dialog") || e.classes().any(|c| c == "modal")
}

/// Whether markup nests deeper than [`MAX_NESTING`] elements, by a linear scan of the tags
/// (void and self-closing elements, and those the parser closes implicitly, don't count).
pub fn too_deep(html: &str) -> bool {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th",
    ];
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + off + 1;
        let Some(end_off) = memchr::memchr(b'>', &bytes[start..]) else {
            break;
        };
        let tag = &html[start..start + end_off];
        i = start + end_off + 1;
        if let Some(rest) = tag.strip_prefix('/') {
            if rest.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || tag.ends_with('/') || VOID.contains(&name.as_str()) {
            continue;
        }
        depth += 1;
        if depth > MAX_NESTING {
            return true;
        }
    }
    false
}

/// Text without tags, for markup too deep to parse (or a line of a component's markup): every
/// `<…>` becomes a space.
pub(crate) fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a text breaks its lines with markup (`<p>`, `<br>`): a fragment of HTML written
/// for a page (a Hacker News comment's), not prose that mentions a tag.
pub fn breaks_lines_with_markup(s: &str) -> bool {
    (s.contains("<p>") || s.contains("<br")) && has_markup(s)
}

/// Whether `s` contains markup worth running through the HTML parser.
pub fn has_markup(s: &str) -> bool {
    let Some(i) = s.find('<') else {
        return s.contains("&lt;") || s.contains("&amp;") || s.contains("&#");
    };
    let rest = &s[i + 1..];
    rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
}

/// Text of an element and everything under it.
pub fn element_text(root: ElementRef<'_>, opts: TextOptions) -> String {
    walk(root, opts).finish()
}

fn walk(root: ElementRef<'_>, opts: TextOptions) -> Writer {
    let mut w = Writer::default();
    // The node id of a subtree being skipped, until its close.
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut pre_depth = 0usize;
    let mut list_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => {
                        if pre_depth > 0 {
                            w.raw(t);
                        } else {
                            w.text(t);
                        }
                    }
                    Node::Element(e) => {
                        let name = e.name();
                        // A button inside a heading carries the heading's words (an
                        // accordion's "<h4><button>Apotheker/in</button></h4>").
                        let heading_button = name == "button" && in_heading(node);
                        if (SKIPPED.contains(&name) && !heading_button)
                            || (opts.drop_furniture && is_furniture(node, e))
                            || e.attr("hidden").is_some()
                            || (e.attr("aria-hidden") == Some("true") && !is_dialog(e))
                        {
                            skipping = Some(node.id());
                            continue;
                        }
                        match name {
                            "br" => w.newline(),
                            "li" => {
                                w.block();
                                w.bullet(list_depth);
                            }
                            "ul" | "ol" => {
                                list_depth += 1;
                                w.block();
                            }
                            "pre" => {
                                pre_depth += 1;
                                w.block();
                            }
                            "td" | "th" => w.cell(),
                            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                                w.paragraph();
                                w.heading_start(name.as_bytes()[1] - b'0');
                            }
                            "p" => {
                                w.paragraph();
                                if let Some(el) = ElementRef::wrap(node)
                                    && is_bold_paragraph(el)
                                {
                                    w.heading_start(6);
                                }
                            }
                            n if BLOCKS.contains(&n) => w.block(),
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    match e.name() {
                        "ul" | "ol" => {
                            list_depth = list_depth.saturating_sub(1);
                            w.block();
                        }
                        "pre" => {
                            pre_depth = pre_depth.saturating_sub(1);
                            w.block();
                        }
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            w.heading_end();
                            w.paragraph();
                        }
                        "p" => {
                            w.heading_end();
                            w.paragraph();
                        }
                        n if BLOCKS.contains(&n) => w.block(),
                        _ => {}
                    }
                }
            }
        }
    }
    w
}

/// A paragraph whose only content is bold text ("<p><strong>Requirements</strong></p>") is a
/// heading when it is short.
fn is_bold_paragraph(p: ElementRef<'_>) -> bool {
    let mut bold = String::new();
    let mut other = false;
    for child in p.children() {
        match child.value() {
            Node::Text(t) => {
                if !t.trim().is_empty() {
                    other = true;
                }
            }
            Node::Element(e) if matches!(e.name(), "strong" | "b") => {
                if let Some(el) = ElementRef::wrap(child) {
                    bold.extend(el.text());
                }
            }
            Node::Element(e) if e.name() == "br" => {}
            _ => other = true,
        }
    }
    let b = bold.trim();
    let n = b.chars().count();
    // "<b>Location: Berlin</b>" is a labelled value, not a heading.
    let labelled = b
        .split_once([':', '：'])
        .is_some_and(|(_, v)| !v.trim().is_empty());
    !other && !labelled && (2..=70).contains(&n)
}

/// Accumulates text, collapsing whitespace and placing line breaks.
#[derive(Default)]
struct Writer {
    out: String,
    /// Whitespace seen since the last word (becomes one space).
    space: bool,
    /// Index in `out` where the current heading began, and its level.
    heading_at: Option<(usize, u8)>,
    /// The headings written, in order, with their levels.
    headings: Vec<(String, u8)>,
}

impl Writer {
    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with('\n')
    }

    fn text(&mut self, t: &str) {
        for (i, word) in t.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.space && !self.at_line_start() && !self.out.ends_with(' ') {
                self.out.push(' ');
            }
            self.space = false;
            self.out.push_str(word);
        }
        if t.ends_with(char::is_whitespace) {
            self.space = true;
        }
    }

    fn raw(&mut self, t: &str) {
        self.out.push_str(t);
        self.space = false;
    }

    fn trim_trailing_spaces(&mut self) {
        while self.out.ends_with(' ') || self.out.ends_with('\t') {
            self.out.pop();
        }
    }

    fn newline(&mut self) {
        self.trim_trailing_spaces();
        self.out.push('\n');
        self.space = false;
    }

    fn block(&mut self) {
        self.trim_trailing_spaces();
        if !self.at_line_start() {
            self.out.push('\n');
        }
        self.space = false;
    }

    fn paragraph(&mut self) {
        self.block();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn bullet(&mut self, depth: usize) {
        if depth > 1 {
            self.out.push_str("  ");
        }
        self.out.push_str("• ");
    }

    fn cell(&mut self) {
        if !self.at_line_start() {
            self.trim_trailing_spaces();
            self.out.push_str(" | ");
        }
        self.space = false;
    }

    fn heading_start(&mut self, level: u8) {
        self.heading_at = Some((self.out.len(), level));
    }

    /// Ends a heading line with ':' (unless it already ends in punctuation) so that it reads as a
    /// heading to the section splitter.
    fn heading_end(&mut self) {
        let Some((at, level)) = self.heading_at.take() else {
            return;
        };
        self.trim_trailing_spaces();
        let text = self.out[at.min(self.out.len())..].trim();
        let n = text.chars().count();
        if n == 0 || n > 70 || text.contains('\n') {
            return;
        }
        self.headings
            .push((text.trim_end_matches(':').to_string(), level));
        if !text.ends_with([':', '?', '!', '.', ')', ']']) {
            self.out.push(':');
        }
    }

    fn finish(self) -> String {
        let mut lines: Vec<&str> = Vec::new();
        let mut blank = 0;
        for line in self.out.lines() {
            let l = line.trim_end();
            if l.trim().is_empty() {
                blank += 1;
                if blank == 1 && !lines.is_empty() {
                    lines.push("");
                }
                continue;
            }
            blank = 0;
            lines.push(l.trim_start_matches([' ']).trim_end());
        }
        while lines.last() == Some(&"") {
            lines.pop();
        }
        lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::doc::BlockKind;

    #[test]
    fn blocks_bullets_and_headings() {
        let t = fragment_to_text(
            "<h2>About the role</h2><p>We build <b>things</b>.\n   Really.</p><ul><li>Rust</li><li>SQL</li></ul>\
             <p><strong>Requirements</strong></p><p>5 years</p><script>var x = 1;</script>",
        );
        assert_eq!(
            t,
            "About the role:\n\nWe build things. Really.\n\n• Rust\n• SQL\n\nRequirements:\n\n5 years"
        );
    }

    #[test]
    fn a_button_in_a_heading_keeps_its_words() {
        // An accordion's header is a button inside a heading; a button alone is the page's.
        let t = fragment_to_text(
            "<h4 class=\"accordion-header\"><button type=\"button\">Apotheker/in</button></h4>\
             <div><p>Approbation als Apotheker/in</p><button>Jetzt bewerben</button></div>",
        );
        assert_eq!(t, "Apotheker/in:\n\nApprobation als Apotheker/in");
    }

    #[test]
    fn markdown_s_bold_markers_around_a_line_make_it_a_heading() {
        let b = fragment_blocks(
            "**<font size=\"4\">高级测试工程师</font>**<br>\n<div><font> 工作职责：</font><br>\n<font> 1、参与项目</font><br></div>\n<p>**a** and **b** stay</p>",
        );
        assert_eq!(b[0].kind, BlockKind::Heading);
        assert_eq!(b[0].text, "高级测试工程师");
        assert!(
            b.iter()
                .any(|b| b.kind == BlockKind::Paragraph && b.text.contains("**a**"))
        );
    }

    #[test]
    fn hn_comment_body() {
        let t = fragment_to_text(
            "Acme | Engineer | NYC<p>We&#x27;re hiring: <a href=\"https:&#x2F;&#x2F;acme.com\">https:&#x2F;&#x2F;acme.com</a>",
        );
        assert_eq!(t, "Acme | Engineer | NYC\n\nWe're hiring: https://acme.com");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(1_500) + "deep" + &"</div>".repeat(1_500);
        assert_eq!(fragment_to_text(&html), "deep");
        // Absurd nesting is not handed to the tree builder (quadratic there).
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        assert!(too_deep(&html));
        assert_eq!(fragment_to_text(&html), "deep");
        assert!(!too_deep(&"<p>x</p><br><img src=a>".repeat(10_000)));
    }

    #[test]
    fn markup_detection() {
        assert!(has_markup("a <p>b"));
        assert!(has_markup("AT&amp;T"));
        assert!(!has_markup("a < b and c > d"));
    }
}
