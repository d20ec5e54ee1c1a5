//! Markdown → blocks, through a CommonMark parser (pulldown-cmark): headings, paragraphs (their
//! own line breaks kept), list items, table rows as "a | b", links as their text (reference
//! links resolved), images dropped, code kept as written, HTML rendered to text. Asterisks that
//! are not emphasis ("*nix", "2*3=6") stay.

use std::borrow::Cow;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::blocks;
use super::doc::{Block, BlockKind};
use super::html_text;

/// Whether a text reads as Markdown: enough Markdown syntax (ATX headings, bold runs, links,
/// fenced code, punctuation escaped with a backslash as a converter from HTML writes it:
/// "\\- \\$94,906\\.00", "R\\&D").
pub fn looks_markdown(s: &str) -> bool {
    use regex::Regex;
    use std::sync::LazyLock;
    static HEADING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?m)^\s{0,3}#{1,6}\s+\S").expect("valid regex"));
    static BOLD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\*\*[^*\n]{1,80}\*\*|__[^_\n]{1,80}__").expect("valid regex")
    });
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\]\((?:https?://|mailto:|/|#)").expect("valid regex"));
    static ESCAPE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\\[-.&()#*_!+\[\]]").expect("valid regex"));
    let head: &str = match s.char_indices().nth(30_000) {
        Some((i, _)) => &s[..i],
        None => s,
    };
    let headings = HEADING.find_iter(head).take(3).count();
    let bold = BOLD.find_iter(head).take(4).count();
    let links = LINK.find_iter(head).take(3).count();
    let fences = head.matches("\n```").take(2).count();
    let escapes = if head.contains('\\') {
        ESCAPE.find_iter(head).take(2).count()
    } else {
        0
    };
    let score = headings * 2 + bold + links * 2 + fences * 2 + escapes;
    score >= 4 || (headings >= 1 && score >= 3)
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// The rows of a text's tables (head included), each as its cells' words joined by " | ", as
/// [`to_blocks`] gives a row as a paragraph: a row of a table is no line a writer wrote.
pub fn table_rows(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let mut rows = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut in_row = false;
    for ev in Parser::new_ext(md, options()) {
        match ev {
            Event::Start(Tag::TableRow | Tag::TableHead) => {
                in_row = true;
                cells.clear();
            }
            Event::Start(Tag::TableCell) => cells.push(String::new()),
            Event::Text(t) | Event::Code(t) if in_row => {
                if let Some(c) = cells.last_mut() {
                    c.push_str(&t);
                }
            }
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                in_row = false;
                let row = cells
                    .iter()
                    .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
                    .join(" | ");
                rows.push(row);
            }
            _ => {}
        }
    }
    rows
}

/// One rendered Markdown block, with the heading level when it is a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MdBlock {
    pub kind: BlockKind,
    /// 1–6 for headings (a paragraph of bold text alone counts as level 6), else 0.
    pub level: u8,
    pub text: String,
}

#[derive(Default)]
struct Renderer {
    out: Vec<MdBlock>,
    /// Text of the block being read.
    buf: String,
    /// Inside a heading (its level).
    heading: Option<u8>,
    /// List items open (nesting).
    items: usize,
    /// Inside a table cell count of the current row.
    cells: usize,
    in_image: usize,
    /// Whether the current paragraph has text outside `**strong**` runs.
    plain_text: bool,
    /// The same for the current line, and for each line of the paragraph already ended.
    line_plain: bool,
    lines_plain: Vec<bool>,
    strong: usize,
    /// Links open; whether the current line has text outside them, and each ended line's.
    links: usize,
    line_unlinked: bool,
    lines_unlinked: Vec<bool>,
    /// Raw HTML of the current HTML block.
    html: String,
    in_html_block: bool,
    /// Inside an HTML comment written inline over lines (`As a <!--- job title --> _DevOps
    /// engineer_`): its text is no text of the page.
    in_comment: bool,
    /// Per open emphasis: the delimiter to write back when it is glued to a word ("2*3=6").
    literal_em: Vec<Option<char>>,
    /// Whether the heading being read is underlined ("Title" / "-----"), not opened by "#".
    setext: bool,
}

impl Renderer {
    fn text(&mut self, t: &str) {
        if self.in_image > 0 {
            return;
        }
        // A pictograph or a mark before a bold line ("🔧 **Tech Lead Backend**") leaves it bold
        // alone: only words and figures outside bold count.
        if self.strong == 0 && t.chars().any(char::is_alphanumeric) {
            self.plain_text = true;
            self.line_plain = true;
        }
        if self.links == 0 && !t.trim().is_empty() {
            self.line_unlinked = true;
        }
        self.buf.push_str(t);
    }

    /// Ends a line of the paragraph being read.
    fn newline(&mut self) {
        self.buf.push('\n');
        self.lines_plain.push(self.line_plain);
        self.line_plain = false;
        self.lines_unlinked.push(self.line_unlinked);
        self.line_unlinked = false;
    }

    /// Ends the current block of text as `kind`.
    fn flush(&mut self, kind: BlockKind) {
        let text = std::mem::take(&mut self.buf);
        self.plain_text = false;
        let mut lines_unlinked = std::mem::take(&mut self.lines_unlinked);
        lines_unlinked.push(std::mem::replace(&mut self.line_unlinked, false));
        let mut lines_plain = std::mem::take(&mut self.lines_plain);
        lines_plain.push(std::mem::replace(&mut self.line_plain, false));
        let t = text.trim();
        if t.is_empty() {
            return;
        }
        match kind {
            BlockKind::Heading => {
                let line = t.split_whitespace().collect::<Vec<_>>().join(" ");
                self.out.push(MdBlock {
                    kind,
                    level: self.heading.unwrap_or(6),
                    text: line,
                });
            }
            BlockKind::Item => {
                let line = t.split_whitespace().collect::<Vec<_>>().join(" ");
                self.out.push(MdBlock {
                    kind,
                    level: 0,
                    text: line,
                });
            }
            BlockKind::Paragraph => {
                // A paragraph of bold text alone is a heading ("**About us**"), unless it is a
                // "Label: value" line; bold lines broken by `<br>` are a heading each ("**2.1.
                // Technical Engineer: 5-10 people**<br>**2.1.1. Duties**").
                // A numbered heading may say a count after its colon ("2.1. Engineer: 5 people").
                let heading = |l: &str| {
                    let numbered = crate::parse::fields::title::unnumbered(l).len() < l.len();
                    let labelled = l
                        .split_once(':')
                        .is_some_and(|(_, v)| !v.trim().is_empty() && !numbered);
                    l.chars().count() <= 80 && !labelled
                };
                // Bold lines that open a paragraph of text are its headings too ("**2.3. Data
                // Engineer**<br>**2.3.1. Duties**<br>Build pipelines…").
                let lines: Vec<(&str, bool)> = text
                    .split('\n')
                    .zip(lines_plain.iter().chain(std::iter::repeat(&true)))
                    .map(|(l, &plain)| (l.trim(), plain))
                    .filter(|(l, _)| !l.is_empty())
                    .collect();
                let heads = lines
                    .iter()
                    .take_while(|&&(l, plain)| !plain && heading(l))
                    .count();
                if heads > 0 && heads <= 3 {
                    for &(l, _) in &lines[..heads] {
                        self.out.push(MdBlock {
                            kind: BlockKind::Heading,
                            level: 6,
                            text: l.trim_end_matches([':', '：']).trim().to_string(),
                        });
                    }
                    for &(l, _) in &lines[heads..] {
                        self.push_lines(l);
                    }
                    return;
                }
                // A line that is only a link naming a role opens that role's card
                // ("[高级前端开发工程师](https://…/job_detail/…)" over its description).
                let first_linked = text
                    .split('\n')
                    .zip(lines_unlinked.iter().chain(std::iter::repeat(&true)))
                    .find(|(l, _)| !l.trim().is_empty())
                    .is_some_and(|(_, &unlinked)| !unlinked);
                if let Some(&(first, _)) = lines.first()
                    && first_linked
                    && first.chars().count() <= 80
                    && crate::parse::fields::title::role_heading(first).is_some()
                {
                    self.out.push(MdBlock {
                        kind: BlockKind::Heading,
                        level: 6,
                        text: first.to_string(),
                    });
                    for &(l, _) in &lines[1..] {
                        self.push_lines(l);
                    }
                    return;
                }
                self.push_lines(t);
            }
        }
    }

    /// Each non-blank line of `t` as a paragraph.
    fn push_lines(&mut self, t: &str) {
        for line in t.lines() {
            let l = line.trim();
            if !l.is_empty() {
                self.out.push(MdBlock {
                    kind: BlockKind::Paragraph,
                    level: 0,
                    text: l.to_string(),
                });
            }
        }
    }

    fn event(&mut self, ev: Event<'_>, src: &str, range: std::ops::Range<usize>) {
        if self.in_comment {
            if let Event::InlineHtml(h) | Event::Html(h) | Event::Text(h) = &ev
                && h.contains("-->")
            {
                self.in_comment = false;
            }
            return;
        }
        match ev {
            Event::Start(Tag::Emphasis) => self.start_emphasis(src, range),
            Event::End(TagEnd::Emphasis) => {
                if let Some(Some(d)) = self.literal_em.pop() {
                    self.text(&d.to_string());
                }
            }
            Event::Start(tag) => {
                if matches!(tag, Tag::Heading { .. }) {
                    self.setext = src
                        .get(range)
                        .is_some_and(|h| !h.trim_start().starts_with('#'));
                }
                self.start(tag)
            }
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => {
                if self.in_html_block {
                    self.html.push_str(&t);
                } else {
                    self.text(&t);
                }
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::Html(h) => {
                if self.in_html_block {
                    self.html.push_str(&h);
                } else {
                    self.inline_html(&h);
                }
            }
            Event::InlineHtml(h) => self.inline_html(&h),
            // An underlined heading of several lines (a page pasted line by line: "Acme |
            // LinkedIn" / "0 notifications" / "-----"): its last line is the heading, the lines
            // before it a paragraph's.
            Event::SoftBreak if self.heading.is_some() && self.setext => {
                self.flush(BlockKind::Paragraph);
            }
            Event::SoftBreak | Event::HardBreak => {
                if self.heading.is_some() || self.items > 0 || self.cells > 0 {
                    self.buf.push(' ');
                } else {
                    self.newline();
                }
            }
            Event::Rule => self.flush(self.current_kind()),
            Event::TaskListMarker(_) | Event::FootnoteReference(_) => {}
        }
    }

    /// "*nix tools, 2*3=6": emphasis by the rules, but asterisks glued to words are text.
    fn start_emphasis(&mut self, src: &str, range: std::ops::Range<usize>) {
        let delim = src[range.start..].chars().next();
        let glued = src[..range.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            || src[range.end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        let literal = delim.filter(|_| glued);
        if let Some(d) = literal {
            self.text(&d.to_string());
        }
        self.literal_em.push(literal);
    }

    /// The start of a block or of inline markup (emphasis aside).
    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush(self.current_kind());
                self.heading = Some(level as u8);
            }
            Tag::Paragraph if self.items == 0 => self.flush(BlockKind::Paragraph),
            Tag::Item => {
                self.flush(self.current_kind());
                self.items += 1;
            }
            Tag::List(_) if self.items > 0 => self.flush(BlockKind::Item),
            Tag::TableRow | Tag::TableHead => {
                self.flush(BlockKind::Paragraph);
                self.cells = 0;
            }
            Tag::TableCell => {
                if self.cells > 0 {
                    self.buf.push_str(" | ");
                }
                self.cells += 1;
            }
            Tag::Image { .. } => self.in_image += 1,
            Tag::Strong => self.strong += 1,
            Tag::Link { .. } => self.links += 1,
            Tag::CodeBlock(_) => self.flush(self.current_kind()),
            Tag::HtmlBlock => {
                self.flush(self.current_kind());
                self.in_html_block = true;
                self.html.clear();
            }
            _ => {}
        }
    }

    /// The end of a block or of inline markup (emphasis aside).
    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                self.flush(BlockKind::Heading);
                self.heading = None;
            }
            TagEnd::Paragraph => {
                if self.items == 0 {
                    self.flush(BlockKind::Paragraph);
                } else {
                    self.buf.push(' ');
                }
            }
            TagEnd::Item => {
                self.flush(BlockKind::Item);
                self.items = self.items.saturating_sub(1);
            }
            TagEnd::TableRow | TagEnd::TableHead => self.flush(BlockKind::Paragraph),
            TagEnd::Image => self.in_image = self.in_image.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Link => self.links = self.links.saturating_sub(1),
            TagEnd::CodeBlock => self.flush(BlockKind::Paragraph),
            TagEnd::HtmlBlock => {
                self.in_html_block = false;
                let html = std::mem::take(&mut self.html);
                // Its own headings stay headings (a careers page's `<h3>Front-end-utvikler</h3>`
                // in a modal); a line only its look makes a heading stays a paragraph, as
                // Markdown's own lines do.
                for b in html_text::fragment_blocks(&html) {
                    let kind = match b.kind {
                        BlockKind::Heading if b.level == 0 => BlockKind::Paragraph,
                        k => k,
                    };
                    self.out.push(MdBlock {
                        kind,
                        level: if kind == BlockKind::Heading {
                            b.level
                        } else {
                            0
                        },
                        text: b.text,
                    });
                }
            }
            _ => {}
        }
    }

    /// Inline HTML: line breaks end a line, entities and tags of text are rendered.
    fn inline_html(&mut self, h: &str) {
        let l = h.trim().to_ascii_lowercase();
        if l.starts_with("<!--") {
            self.in_comment = !l.contains("-->");
            return;
        }
        // Tags that end a line or a paragraph in HTML do so here ("…funding.<p>Open roles:<p>-
        // Engineer", a Hacker News comment kept in a Markdown page); an item starts its line.
        let breaks = ["<br", "<p>", "<p ", "</p", "<div", "</div", "</li", "<li"]
            .iter()
            .any(|t| l.starts_with(t));
        if breaks && self.heading.is_none() && self.items == 0 && self.cells == 0 {
            self.newline();
            if l.starts_with("<li") {
                self.buf.push_str("- ");
            }
        } else if l.starts_with("<br") {
            if self.heading.is_some() || self.items > 0 {
                self.buf.push(' ');
            } else {
                self.newline();
            }
        } else if !l.starts_with('<') {
            let t = html_text::fragment_to_text(h);
            self.text(&t);
        }
    }

    fn current_kind(&self) -> BlockKind {
        if self.heading.is_some() {
            BlockKind::Heading
        } else if self.items > 0 {
            BlockKind::Item
        } else {
            BlockKind::Paragraph
        }
    }
}

/// Renders Markdown into blocks, headings with their level.
pub fn render(md: &str) -> Vec<MdBlock> {
    let md = &*tight_templates(md);
    let md = &*textile_headings(md);
    let md = &*tight_bold(md);
    let md = &*unindented_html(md);
    let mut r = Renderer::default();
    for (ev, range) in Parser::new_ext(md, options()).into_offset_iter() {
        r.event(ev, md, range);
    }
    let kind = r.current_kind();
    r.flush(kind);
    r.out
}

/// Textile's headings, as a blog of Textile posts writes them ("h4. TEACHER TRAINING
/// OPPORTUNITIES"): Markdown headings of the same level.
fn textile_headings(md: &str) -> Cow<'_, str> {
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^h(?P<level>[1-6])\.[ \t]+(?P<text>\S)").expect("valid regex")
    });
    if !HEADING.is_match(md) {
        return Cow::Borrowed(md);
    }
    HEADING.replace_all(md, |c: &regex::Captures<'_>| {
        let level: usize = c["level"].parse().unwrap_or(1);
        format!("{} {}", "#".repeat(level), &c["text"])
    })
}

/// A bold line written with spaces inside its asterisks ("** 2.2. Solution Engineer**", " **
/// _Summary of position:_**", "**Les avantages : **"), which CommonMark reads as literal
/// asterisks: the spaces go, so the line is bold as its writer meant. A line may be indented
/// as a paragraph's may (three spaces at most); a space before the closing asterisks counts at
/// the line's end only.
fn tight_bold(md: &str) -> Cow<'_, str> {
    static LOOSE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?m)^(?P<lead>[ ]{0,3})\*\*(?:[ \t]+(?P<a>[^*\n]*[^*\s])[ \t]*\*\*|(?P<b>[^*\s][^*\n]*?)[ \t]+\*\*[ \t]*$)",
        )
        .expect("valid regex")
    });
    if !md.contains("** ") && !md.contains(" **\n") && !md.ends_with(" **") {
        return Cow::Borrowed(md);
    }
    LOOSE.replace_all(md, "$lead**$a$b**")
}

/// A page's HTML indented inside its Markdown (a Jekyll page's `<div>` whose `    <h4>1. Editor
/// </h4>` follows a blank line), which CommonMark reads as a block of code: those lines start at
/// the margin, so they are the page's HTML. Fenced code stays as it is.
fn unindented_html(md: &str) -> Cow<'_, str> {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:[ ]{4,}|\t+)</?(?:div|p|h[1-6]|ul|ol|li|table|tr|td|th|section|article|header|footer|br|span|strong|a)\b",
        )
        .expect("valid regex")
    });
    if !md.lines().any(|l| TAG.is_match(l)) {
        return Cow::Borrowed(md);
    }
    // Only inside a container the page opens at the margin (`<div class="post-content">`): a
    // component's markup indented in a script is code.
    static OPEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^<(?P<close>/)?(?:div|section|article|main)\b").expect("valid regex")
    });
    let mut out = String::with_capacity(md.len());
    let mut fenced = false;
    let mut depth = 0usize;
    for line in md.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
        }
        if !fenced && let Some(c) = OPEN.captures(line) {
            if c.name("close").is_some() {
                depth = depth.saturating_sub(1);
            } else if !t.contains("</div>") {
                depth += 1;
            }
        }
        out.push_str(if !fenced && depth > 0 && TAG.is_match(line) {
            t
        } else {
            line
        });
    }
    Cow::Owned(out)
}

/// A site template's expressions without their spaces ("{{ site.baseurl }}" → "{{site.baseurl}}"):
/// a link to "{{ site.baseurl }}/jobs/dev.html" is a link, not text with brackets.
fn tight_templates(md: &str) -> Cow<'_, str> {
    static EXPR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\{\{[^{}\n]{0,200}\}\}").expect("valid regex"));
    if !md.contains("{{") {
        return Cow::Borrowed(md);
    }
    EXPR.replace_all(md, |c: &regex::Captures<'_>| {
        c[0].chars()
            .filter(|ch| !ch.is_whitespace())
            .collect::<String>()
    })
}

/// Markdown → the document's blocks: headings and items as they are, paragraph lines through
/// the plain-text heading rules (a "Requirements:" line is a heading there too).
pub fn to_blocks(md: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let flush = |lines: &mut Vec<String>, out: &mut Vec<Block>| {
        if !lines.is_empty() {
            out.extend(blocks::from_lines(lines.iter().map(String::as_str)));
            lines.clear();
        }
    };
    for b in render(md) {
        match b.kind {
            BlockKind::Paragraph => lines.push(b.text),
            BlockKind::Heading => {
                flush(&mut lines, &mut out);
                let h = blocks::clean_heading(&b.text);
                if !h.is_empty() {
                    out.push(Block::heading(b.level, h));
                }
            }
            BlockKind::Item => {
                flush(&mut lines, &mut out);
                if !super::vocab::vocab().is_furniture(&b.text) {
                    out.push(Block::new(BlockKind::Item, b.text));
                }
            }
        }
    }
    flush(&mut lines, &mut out);
    out
}

/// One line of inline Markdown as text ("**Senior** [Engineer](https://x)" → "Senior Engineer").
pub fn inline(s: &str) -> String {
    if !s.contains(['[', '*', '_', '`', '\\', '<', '&', '!']) {
        return s.trim().to_string();
    }
    let text: Vec<String> = render(s).into_iter().map(|b| b.text).collect();
    let joined = text.join(" ");
    if joined.trim().is_empty() {
        s.trim().to_string()
    } else {
        joined.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(md: &str) -> Vec<(BlockKind, String)> {
        to_blocks(md)
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn textile_headings_are_headings() {
        let blocks =
            render("Intro.\n\nh4. TEACHER TRAINING OPPORTUNITIES\n\nAre you a graduate?\n");
        assert!(
            blocks
                .iter()
                .any(|b| b.text == "TEACHER TRAINING OPPORTUNITIES" && b.level == 4)
        );
        // "h4." inside a line is no heading.
        assert_eq!(textile_headings("See h4. above"), "See h4. above");
    }

    #[test]
    fn a_bold_line_after_a_pictograph_is_a_heading() {
        let t = texts(
            "A **V3 Tecnologia** está com vagas abertas.\n\n🔧 **Desenvolvedor Pleno Android**\n[Descrição Completa](https://x.example/a)\n\n👨‍💻 **Tech Lead Backend**\n[Descrição Completa](https://x.example/b)\n",
        );
        let heads: Vec<&str> = t
            .iter()
            .filter(|(k, _)| *k == BlockKind::Heading)
            .map(|(_, x)| x.as_str())
            .collect();
        assert_eq!(heads.len(), 2, "{t:?}");
        assert!(
            heads[0].ends_with("Desenvolvedor Pleno Android"),
            "{heads:?}"
        );
        // Words outside the bold keep a line a paragraph.
        assert!(t[0].0 == BlockKind::Paragraph);
    }

    #[test]
    fn an_inline_comment_over_lines_is_no_text() {
        let md = "As a <!---\njob title\n-->\n_DevOps engineer_\nat B-Open you will <!---\n\
            job short description\n-->\ndeploy systems.\n";
        let all: String = texts(md).into_iter().map(|(_, t)| t + " ").collect();
        assert!(!all.contains("job title"), "{all}");
        assert!(!all.contains("short description"), "{all}");
        assert!(
            all.contains("DevOps engineer") && all.contains("deploy systems."),
            "{all}"
        );
    }

    #[test]
    fn an_html_block_keeps_its_headings_even_in_a_closed_modal() {
        let md = "## Ledige stillinger\n\n<div class=\"modal fade oslo-3\" role=\"dialog\" aria-hidden=\"true\">\n\
            <h3 class=\"\">Front-end-utvikler</h3>\nLyst til å skape noe vakkert?\n</br>\n\
            <span aria-hidden=\"true\">×</span>\n</div>\n";
        let t = texts(md);
        assert!(
            t.contains(&(BlockKind::Heading, "Front-end-utvikler".to_string())),
            "{t:?}"
        );
        assert!(t.contains(&(
            BlockKind::Paragraph,
            "Lyst til å skape noe vakkert?".to_string()
        )));
        // What is hidden and is no dialog (a close button's glyph) stays out.
        assert!(!t.iter().any(|(_, s)| s.contains('×')));
    }

    #[test]
    fn links_to_a_template_s_pages() {
        let t = texts(
            "### [Full Stack Developer]({{ site.baseurl }}/{{ page.lang }}/recruit/fs.html)\n\nText.\n",
        );
        assert_eq!(
            t[0],
            (BlockKind::Heading, "Full Stack Developer".to_string())
        );
    }

    #[test]
    fn an_underlined_heading_of_several_lines_is_its_last_line() {
        let t = texts(
            "Data Engineer | Acme | LinkedIn\n0 notifications\n---------------\nWe build sensors.\n\n## Requirements\n",
        );
        assert_eq!(
            t[..3],
            [
                (
                    BlockKind::Paragraph,
                    "Data Engineer | Acme | LinkedIn".to_string()
                ),
                (BlockKind::Heading, "0 notifications".to_string()),
                (BlockKind::Paragraph, "We build sensors.".to_string()),
            ]
        );
        // One line over its rule stays one heading; an opened heading is untouched.
        let t = texts("About the job\n-------------\n\n# Senior Engineer\n");
        assert_eq!(t[0], (BlockKind::Heading, "About the job".to_string()));
        assert_eq!(t[1], (BlockKind::Heading, "Senior Engineer".to_string()));
    }

    #[test]
    fn asterisks_that_are_not_emphasis_stay() {
        let t = texts("We use C++ and *nix tools, 2*3=6 and **bold** text.");
        assert_eq!(t[0].1, "We use C++ and *nix tools, 2*3=6 and bold text.");
    }

    #[test]
    fn bold_lines_with_spaces_inside_their_asterisks_are_bold() {
        for (md, want) in [
            (
                " ** _Summary of position and objectives:_**\n\nWe build.\n",
                "Summary of position and objectives",
            ),
            (
                "**Les avantages à nous rejoindre : **\n\nTout.\n",
                "Les avantages à nous rejoindre",
            ),
            (
                "** Minimum Requirements:**\n\n- SQL\n",
                "Minimum Requirements",
            ),
        ] {
            // A bold line alone is a heading, its colon off.
            let text: Vec<String> = to_blocks(md).into_iter().map(|b| b.text).collect();
            let bare = |t: &String| t.trim_end_matches([':', ' ']).to_string();
            assert!(text.iter().any(|t| bare(t) == want), "{md:?} → {text:?}");
            assert!(!text.iter().any(|t| t.contains("**")), "{md:?} → {text:?}");
        }
    }

    #[test]
    fn reference_links_resolve() {
        let t = texts("Apply on [our site][apply].\n\n[apply]: https://acme.example/jobs");
        assert_eq!(
            t,
            [(BlockKind::Paragraph, "Apply on our site.".to_string())]
        );
    }

    #[test]
    fn a_pages_html_indented_inside_its_container() {
        let md = "<div class=\"post-content\">\n    <p>We are a small team.</p>\n\n    <h3>Open roles</h3>\n\n    <h4>1. Editor (remote)</h4>\n</div>\n";
        let blocks = render(md);
        assert!(
            blocks
                .iter()
                .any(|b| b.kind == BlockKind::Heading && b.text == "1. Editor (remote)"),
            "{blocks:?}"
        );
        // Outside a container the page opens, indented markup is a block of code.
        let md = "Example:\n\n    <h3>Not a heading</h3>\n";
        assert!(!render(md).iter().any(|b| b.kind == BlockKind::Heading));
    }

    #[test]
    fn headings_items_tables_and_html() {
        let t = texts(
            "## Requirements\n\n* **Rust** and [Tokio](https://tokio.rs)\n1. `SQL`\n\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAT&amp;T <br> x\\_y\n\n**About us**\n\nWe build.",
        );
        assert_eq!(
            t,
            [
                (BlockKind::Heading, "Requirements".to_string()),
                (BlockKind::Item, "Rust and Tokio".to_string()),
                (BlockKind::Item, "SQL".to_string()),
                (BlockKind::Paragraph, "a | b".to_string()),
                (BlockKind::Paragraph, "1 | 2".to_string()),
                (BlockKind::Paragraph, "AT&T".to_string()),
                (BlockKind::Paragraph, "x_y".to_string()),
                (BlockKind::Heading, "About us".to_string()),
                (BlockKind::Paragraph, "We build.".to_string()),
            ]
        );
        assert!(looks_markdown("# Title\n\n**Bold** text"));
        assert!(!looks_markdown(
            "Senior Engineer\nWe are hiring - apply now."
        ));
        assert_eq!(
            inline("**Senior** [Engineer](https://x)"),
            "Senior Engineer"
        );
    }

    #[test]
    fn bold_label_lines_are_not_headings() {
        let t = texts("**Client: Infogain**\n\n**Role : DevOps Engineer**");
        assert_eq!(t[0], (BlockKind::Paragraph, "Client: Infogain".to_string()));
    }
}
