//! Format readers: each unwraps one kind of container into [`Doc`]s (facts and blocks) and
//! decides no field. What they share: "Label: value" lines, a label line followed by its value
//! line, and the short lines of a page's header.

pub mod board;
pub mod cards;
pub mod code;
pub mod csv;
pub mod digest;
pub mod email;
pub mod hn;
pub mod html;
pub mod json;
pub mod jsonld;
pub mod markdown;
pub mod record;
pub mod rich_text;
pub mod sql;
pub mod table;
pub mod text;
pub mod xml;

use std::sync::LazyLock;

use regex::Regex;

use super::doc::{Block, BlockKind, Doc, Key, Origin};
use super::vocab::{Label, vocab};

/// The longest value a "Label: value" line may have.
const MAX_LABEL_VALUE: usize = 200;

/// Splits a "Label: value" line whose label names a field ("Location: Berlin", "勤務地：東京",
/// "**Salary:** $100k", "Job Type - Full-time" is not one). Returns the label's meaning and the
/// value.
pub fn label_line(line: &str) -> Option<(Label, &str)> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\s•*\-–>]*(?P<k>[^:：|]{1,40}?)\s*[:：]\s*(?P<v>\S.*)$")
            .expect("valid regex")
    });
    // "【公司名稱】即準數位科技": CJK postings set labels in lenticular brackets.
    static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^【(?P<k>[^】]{1,20})】\s*(?P<v>[^【\s].*)$").expect("valid regex")
    });
    // "| **Location** | Remote, Taipei |": a table row of two cells, a label and its value (not
    // a table's header row naming two columns, "| Title | Company |").
    static PIPED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\|?\s*(?P<k>[^|:：]{1,40}?)\s*\|\s*(?P<v>[^|\s][^|]*?)\s*\|?$")
            .expect("valid regex")
    });
    let c = BRACKETED
        .captures(line.trim())
        .filter(|c| vocab().label(&c["k"]).is_some())
        .or_else(|| LABEL.captures(line.trim()))
        .or_else(|| {
            if !line.contains('|') {
                return None;
            }
            PIPED.captures(line.trim()).filter(|c| {
                vocab().label(bare(&c["k"])).is_some() && vocab().label(bare(&c["v"])).is_none()
            })
        })?;
    let k = bare(c.name("k")?.as_str());
    let v = c.name("v")?.as_str();
    if k.split_whitespace().count() > 5 || v.chars().count() > MAX_LABEL_VALUE {
        return None;
    }
    let label = vocab().label_with_remark(k)?;
    let v = v
        .trim()
        .trim_matches(|ch: char| ch == '*' || ch == '_')
        .trim();
    let v = unquoted(v);
    // `local: false,` (a flag in code, named by a word that is also a place's label in
    // Spanish and Portuguese): only a flag's label takes a truth value.
    let flag = matches!(label, Label::Key(Key::RemoteFlag | Key::HybridFlag));
    let truth = ["true", "false"]
        .iter()
        .any(|w| v.trim_end_matches([',', ';']).eq_ignore_ascii_case(w));
    (!v.is_empty() && !is_empty_literal(v) && (flag || !truth)).then_some((label, v))
}

/// A label or value without its emphasis marks and spaces ("**Location**").
fn bare(s: &str) -> &str {
    s.trim_matches(|ch: char| ch == '*' || ch == '_' || ch.is_whitespace())
}

/// A value as code writes it, without its quotes and the comma after it (`title: 'Acme is
/// hiring',` → "Acme is hiring").
fn unquoted(v: &str) -> &str {
    let bare = v.trim_end_matches([',', ';']).trim_end();
    for q in ['"', '\'', '`'] {
        if let Some(inner) = bare.strip_prefix(q).and_then(|b| b.strip_suffix(q))
            && !inner.contains(q)
        {
            return inner.trim();
        }
    }
    v
}

/// A program's word for no value, as code and data dumps write it (`title: null,`,
/// `"salary": None`; quotes are already off, see [`unquoted`]): the label says nothing.
/// A value without the brackets a database writes an empty cell in: "[NULL]", "<null>",
/// "(none)".
pub fn unbracketed(s: &str) -> &str {
    [('[', ']'), ('<', '>'), ('(', ')')]
        .iter()
        .find_map(|(a, b)| s.strip_prefix(*a).and_then(|x| x.strip_suffix(*b)))
        .unwrap_or(s)
}

fn is_empty_literal(v: &str) -> bool {
    let bare = v.trim_end_matches([',', ';']).trim();
    let bare = unbracketed(bare);
    ["null", "undefined", "none", "nil", "nan"]
        .iter()
        .any(|w| bare.eq_ignore_ascii_case(w))
        || is_type_name(bare)
}

/// Whether a value is a program's name of a type (`title : string`, `remote?: boolean`,
/// `tags: string[]`): a declaration's, no posting's value.
pub fn is_type_name(s: &str) -> bool {
    static TYPE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:string|str|int|integer|i32|i64|u32|u64|usize|bool|boolean|float|f32|f64|double|number|bigint|any|unknown|void)(?:\[\])?(?:\s*\|\s*(?:null|undefined))?\??$",
        )
        .expect("valid regex")
    });
    TYPE.is_match(s.trim())
}

/// Whether a whole line is a known field label and nothing else ("Pay", "Job type",
/// "Employment type", "勤務地"): pages lay such labels out with the value on the next line.
pub fn bare_label(line: &str) -> Option<Label> {
    let t = line.trim().trim_end_matches([':', '：']).trim();
    // `"location": "",`: a label given an empty value (in code, in data) says nothing, and
    // the line after it is no value of it.
    let valued = t
        .split_once([':', '：'])
        .is_some_and(|(_, v)| !bare(v).is_empty());
    if t.is_empty() || valued || t.chars().count() > 40 || t.split_whitespace().count() > 5 {
        return None;
    }
    vocab().label(t)
}

/// What a team's label or key holds: a team, unless the value is wholly a contract or mode
/// word — the label is also a word for other things (Portuguese "time" is a team, a board's
/// `time: "Full Time"` the contract).
pub fn team_or_term(value: &str) -> (Key, &str) {
    let t = value.trim();
    match vocab().term_key(t) {
        Some(k) => (k, t),
        None => (Key::Team, value),
    }
}

/// Adds the fact a label names with `value`, from a text.
pub fn add_label_fact(doc: &mut Doc, label: Label, value: &str, origin: Origin) {
    match label {
        Label::Key(Key::Team) => {
            let (key, value) = team_or_term(value);
            doc.text(key, value, origin);
        }
        Label::Key(k) => doc.text(k, value, origin),
        // A region's label is also a word for other things ("Estado: Expirada" is a status):
        // its value counts when it names a place.
        Label::Region if !super::places::is_place(value) => {}
        Label::City | Label::Region => doc.text(Key::Location, value, origin),
        Label::RemoteRegion => {
            // "Candidates location: Must be currently residing in Canada": the place the
            // sentence ends with.
            let place = match value.rsplit_once(" in ") {
                Some((_, tail)) if !super::places::is_place_name(value) => {
                    let tail = tail.trim().trim_end_matches(['.', '!']);
                    super::places::is_place_name(tail).then_some(tail)
                }
                _ => None,
            };
            doc.text(Key::Location, place.unwrap_or(value), origin);
            doc.push(Key::RemoteFlag, super::doc::Value::Flag(true), origin);
        }
        // Numbers and periods said in a text are read with the pay text.
        Label::SalaryMin | Label::SalaryMax | Label::PayPeriod => {
            doc.text(Key::Salary, value, origin)
        }
        Label::Description => {}
    }
}

/// Reads the labelled facts of a document's lines: "Label: value" lines, and a label alone on
/// its line followed by a short value line ("Job type" / "Full-time"; a heading that is a label
/// followed by one short paragraph). Every line stays in the text.
pub fn label_facts(doc: &mut Doc) {
    let found: Vec<(Label, String)> = (0..doc.blocks.len())
        .flat_map(|i| {
            let text = &doc.blocks[i].text;
            match piped_labels(text)
                .or_else(|| bulleted_labels(text))
                .or_else(|| sentence_labels(text))
            {
                Some(pairs) => pairs,
                None => label_at(&doc.blocks, i)
                    .map(|(label, v)| match label {
                        Label::Key(Key::Salary) => {
                            (label, with_label_period(&doc.blocks[i].text, v))
                        }
                        Label::Key(Key::WorkMode) => {
                            let name = label_name(&doc.blocks[i].text);
                            let v = crate::parse::fields::work_mode::with_label(bare(name), &v);
                            (label, v)
                        }
                        _ => (label, v),
                    })
                    .into_iter()
                    .collect(),
            }
        })
        .collect();
    for (label, v) in found {
        add_label_fact(doc, label, &v, Origin::Label);
    }
    // A post quoted under a description label ("Description: Hatchet | Founding Engineer |
    // NYC or REMOTE (US and EU) | …", as a digest quotes Hacker News): its header's places,
    // modes, contract and pay, weaker than the labels beside it.
    let quoted: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| {
            let (k, v) = b.text.split_once([':', '：'])?;
            (k.chars().count() <= 40 && vocab().label(bare(k)) == Some(Label::Description))
                .then(|| v.trim().to_string())
        })
        .collect();
    for v in quoted {
        hn::header_terms(doc, &v);
    }
    // A board's badges copied together with no space between them ("RemoteFull-time", as a
    // LinkedIn page pastes its pills): each a badge, when each is a mode or contract word.
    let glued: Vec<String> = doc
        .blocks
        .iter()
        .take(40)
        .flat_map(|b| b.text.split_whitespace())
        .filter_map(glued_badges)
        .flatten()
        .collect();
    for badge in glued {
        doc.text(Key::Badge, badge, Origin::Header);
    }
}

/// "RemoteFull-time" → ["Remote", "Full-time"]: a word split where a small letter meets a
/// capital, when every piece is wholly a mode or contract word — or a level beside one
/// ("Full TimeExperienced", as a scraper glues a card's pills), which is left out.
pub fn glued_badges(word: &str) -> Option<Vec<String>> {
    let t = word.trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in t.char_indices() {
        if c.is_uppercase() && prev.is_some_and(char::is_lowercase) {
            pieces.push(&t[start..i]);
            start = i;
        }
        prev = Some(c);
    }
    pieces.push(&t[start..]);
    let v = vocab();
    // A mode phrase that could be a label's ("Work From Home") is a pill here, glued to others.
    let term = |p: &str| v.term_key(p).is_some() || v.work_mode.whole(p).is_some();
    let terms: Vec<String> = pieces
        .iter()
        .filter(|p| term(p))
        .map(|p| p.trim().to_string())
        .collect();
    (pieces.len() >= 2
        && !terms.is_empty()
        && pieces
            .iter()
            .all(|p| term(p) || v.seniority.whole(p).is_some()))
    .then_some(terms)
}

/// The label's part of a "Label: value" line (the whole line when it is a label alone).
fn label_name(line: &str) -> &str {
    line.split_once([':', '：']).map_or(line, |(k, _)| k)
}

/// A pay value with the period its label names and it does not ("Salario mensual*:" /
/// "$64,000.00 aprox." is a month's pay; "Annual salary: 85,000").
fn with_label_period(line: &str, value: String) -> String {
    use crate::parse::fields::salary::period_of;
    let label = label_name(line);
    match (period_of(label), period_of(&value)) {
        // The period's own name ("month"), as a salary's long form writes it.
        (Some(p), None) => format!("{value} per {p}"),
        _ => value,
    }
}

/// The pairs of a line of several "Label: value" pairs between bars ("Position: Senior
/// Engineer | Salary: $80-$125k | Equity: 1.0%-4.0%"): each pair, not the first label with
/// the rest of the line as its value. None unless the line holds two pairs and starts with one,
/// or holds nothing but pairs after its first piece (a feed's summary: "Driver/Clerk - Monrovia,
/// Liberia | Location: MONROVIA | Department: West & Central Africa Div.", "Accreditation
/// Officer | Location: Incheon, Korea, Republic of").
fn piped_labels(line: &str) -> Option<Vec<(Label, String)>> {
    if !line.contains(['|', '｜']) {
        return None;
    }
    let (pieces, first_is_pair, pairs) = pairs_of(line.split(['|', '｜']).map(str::trim));
    ((pairs.len() >= 2 && first_is_pair) || (!first_is_pair && pairs.len() + 1 == pieces))
        .then_some(pairs)
}

/// The "Label: value" pairs among a line's pieces: how many pieces there are, whether the first
/// is a pair, and the pairs.
fn pairs_of<'a>(pieces: impl Iterator<Item = &'a str>) -> (usize, bool, Vec<(Label, String)>) {
    let mut count = 0;
    let mut first_is_pair = false;
    let mut pairs = Vec::new();
    for p in pieces {
        let pair = label_line(p);
        first_is_pair |= count == 0 && pair.is_some();
        pairs.extend(pair.map(|(l, v)| (l, v.to_string())));
        count += 1;
    }
    (count, first_is_pair, pairs)
}

/// The pairs of a line of bulleted ones run together ("・職種：スタイリスト ・雇用形態：正社員
/// ・勤務地：東京都港区", a page's lines joined by its markup): each pair, its value ending at the
/// next bullet. A bullet counts at the line's start or after a space, not inside a word
/// ("待遇・福利厚生"). None unless two pieces or more are pairs and the first is one.
fn bulleted_labels(line: &str) -> Option<Vec<(Label, String)>> {
    static BULLET: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|\s)[・•]\s*").expect("valid regex"));
    if !line.contains(['・', '•']) || line.chars().count() > 2_000 {
        return None;
    }
    let (_, first_is_pair, pairs) =
        pairs_of(BULLET.split(line).map(str::trim).filter(|p| !p.is_empty()));
    (first_is_pair && pairs.len() >= 2).then_some(pairs)
}

/// The pairs of a paragraph whose sentences go on as "Label: value" ones ("WFP has a vacancy
/// for the position of Internal Auditor P4. Location: Rome, Italy. Level: P-4.", a feed's
/// summary): each labelled sentence, its closing stop left off. A stop inside a value ("St.
/// Louis") ends nothing: only one before a label does. None unless a sentence after the first is
/// labelled.
fn sentence_labels(line: &str) -> Option<Vec<(Label, String)>> {
    static STOP_BEFORE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[.!?]\s+(?P<k>\p{Lu}[^.:：|\n]{0,40}?)\s*[:：]\s").expect("valid regex")
    });
    if line.chars().count() > 2_000 || !line.contains(':') {
        return None;
    }
    let starts: Vec<usize> = STOP_BEFORE_LABEL
        .captures_iter(line)
        .filter_map(|c| c.name("k"))
        .filter(|k| vocab().label(bare(k.as_str())).is_some())
        .map(|k| k.start())
        .collect();
    if starts.is_empty() {
        return None;
    }
    let mut pairs = Vec::new();
    let bounds: Vec<usize> = std::iter::once(0).chain(starts.iter().copied()).collect();
    for (n, &from) in bounds.iter().enumerate() {
        let to = bounds.get(n + 1).copied().unwrap_or(line.len());
        let piece = line[from..to].trim_end();
        // The stop that ends the sentence before the next label, or the paragraph.
        let piece = piece
            .strip_suffix(['.', '!', '?'])
            .unwrap_or(piece)
            .trim_end();
        if let Some((label, v)) = label_line(piece) {
            pairs.push((label, v.to_string()));
        }
    }
    (!pairs.is_empty()).then_some(pairs)
}

/// The label and value block `i` of `blocks` starts: a "Label: value" line, or a label alone on
/// its line with the value on the next ("[募集職種]" / "翻訳").
pub fn label_at(blocks: &[Block], i: usize) -> Option<(Label, String)> {
    let b = blocks.get(i)?;
    if let Some((label, v)) = label_line(&b.text) {
        return Some((label, v.to_string()));
    }
    if let Some(priced) = priced_pay_line(&b.text) {
        return Some((Label::Key(Key::Salary), priced));
    }
    let label = bare_label(&b.text)?;
    let next = blocks.get(i + 1)?;
    // The last item of a list ("Naam en telefoonnummer" / "Woonplaats") says what to send, and
    // the sentence after it is no value ("Vermeld in je bericht: …").
    let last_item = b.kind == BlockKind::Item && next.kind != BlockKind::Item;
    // A name ("Company" / "Acme") is no sentence: one that ends as a sentence does, or runs on
    // to a next line in lower case, describes the employer ("Company" / "Software Consulting
    // founded with the mission to inspire the connection of" / "technology with people, …").
    let names = matches!(label, Label::Key(Key::Company | Key::Title | Key::Team));
    let sentence = next.text.trim_end().ends_with(['.', '!', '?', '。'])
        || blocks
            .get(i + 2)
            .is_some_and(|n| n.kind == next.kind && n.text.starts_with(char::is_lowercase));
    // A name's label over a list ("Role:" / "1. Build async Python services" / "2. Integrate
    // third-party APIs") heads a section of the list's points, not one value.
    let entry = |b: &Block| {
        b.kind == BlockKind::Item
            || b.text
                .trim_start()
                .split_once(['.', ')'])
                .is_some_and(|(n, _)| {
                    !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit())
                })
    };
    let heads_list = entry(next) && blocks.get(i + 2).is_some_and(entry);
    (next.kind != BlockKind::Heading
        && !last_item
        && !(names && (sentence || heads_list))
        && next.text.chars().count() <= 80
        && bare_label(&next.text).is_none()
        && label_line(&next.text).is_none())
    .then(|| (label, next.text.clone()))
}

/// A pay label that names its currency ("Remuneração R$: 4.003,00", "Salary (USD): 95,000",
/// "Gehalt [€]: 4.000"): the value with the currency put before it ("R$ 4.003,00").
fn priced_pay_line(line: &str) -> Option<String> {
    let (k, v) = line.trim().split_once([':', '：'])?;
    let k = bare(k.trim_start_matches(['•', '*', '-', '–', '>', ' ']));
    let v = v.trim();
    if v.is_empty() || v.chars().count() > MAX_LABEL_VALUE || !v.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let (name, marker) = match k.strip_suffix([')', ']']) {
        Some(open) => open.rsplit_once(['(', '['])?,
        None => k.rsplit_once(' ')?,
    };
    let (name, marker) = (bare(name), marker.trim());
    let words = vocab();
    let currency = words.currency(marker).is_some() || words.ambiguous_symbols.contains_key(marker);
    (currency && words.label(name) == Some(Label::Key(Key::Salary)))
        .then(|| format!("{marker} {v}"))
}

/// Splits a header line into its pieces ("Berlin, Germany · Hybrid · Full-time", "Acme — Remote").
pub fn header_pieces(line: &str) -> Vec<String> {
    line.split(['|', '⎮', '│', '｜', '¦', '·', '•', '—', '–'])
        .flat_map(|s| s.split(" - "))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Lines of plain text as blocks, with their labelled facts read.
pub fn text_doc(doc: &mut Doc, lines: &[&str]) {
    doc.blocks
        .extend(super::blocks::from_lines(lines.iter().copied()));
}

/// The most links of a page's markup kept as facts.
const MAX_LINKS: usize = 100;

/// The targets of the links a Markdown or HTML page's markup hides from its text (`[Acme](https://
/// acme.io)`, `<a href="https://acme.io/jobs">`, `mailto:` addresses), each once, as
/// [`Key::Link`] facts of the page's document.
pub fn link_facts(doc: &mut Doc, markup: &str) {
    static LINK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"(?i)(?:\]\(\s*<?|\bhref\s*=\s*["']?|<)(?:mailto:)?((?:https?://)?[^\s"'<>()\[\]]{3,300})"#,
        )
        .expect("valid regex")
    });
    let mut seen: Vec<&str> = Vec::new();
    for c in LINK.captures_iter(markup) {
        let Some(m) = c.get(1) else { continue };
        let target = m.as_str().trim_end_matches(['.', ',', ';']);
        let address = target.contains('@') && !target.contains('/');
        if !(address || target.starts_with("http://") || target.starts_with("https://"))
            || seen.contains(&target)
        {
            continue;
        }
        seen.push(target);
        doc.text(Key::Link, target, Origin::Page);
        if seen.len() >= MAX_LINKS {
            break;
        }
    }
}

/// Whether a block is a short line that could be a header value (not a sentence).
pub fn is_short_line(b: &Block) -> bool {
    let t = b.text.trim();
    t.chars().count() <= 100 && !t.ends_with(['.', '!', '?', '。']) && !t.contains(". ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_glued_by_a_paste_are_each_a_badge() {
        assert_eq!(
            glued_badges("RemoteFull-time"),
            Some(vec!["Remote".to_string(), "Full-time".to_string()])
        );
        assert_eq!(
            glued_badges("HybridContract"),
            Some(vec!["Hybrid".to_string(), "Contract".to_string()])
        );
        // A level glued beside them is left out; a phrase of several words is one piece.
        assert_eq!(
            glued_badges("Full TimeWork From HomeExperienced"),
            Some(vec!["Full Time".to_string(), "Work From Home".to_string()])
        );
        assert_eq!(glued_badges("SeniorExperienced"), None);
        // A name in camel case, or one word: no badges.
        assert_eq!(glued_badges("JavaScript"), None);
        assert_eq!(glued_badges("Remote"), None);
        assert_eq!(glued_badges("RemoteFirstCompany"), None);
    }

    #[test]
    fn only_a_flag_s_label_takes_a_truth_value() {
        assert!(label_line("      local: false,").is_none());
        assert!(label_line("title: true").is_none());
        assert_eq!(
            label_line("local: Skellefteå").map(|l| l.1),
            Some("Skellefteå")
        );
        assert_eq!(label_line("remote: true").map(|l| l.1), Some("true"));
    }

    #[test]
    fn a_page_s_links_are_kept_from_its_markup() {
        let mut d = Doc::new(crate::posting::Format::Html);
        link_facts(
            &mut d,
            r#"<p><a href="https://acme-robotics.com/careers">Careers</a> <a class="x" href='mailto:jobs@acme-robotics.com'>Mail</a>
            [Docs](https://docs.acme-robotics.com) <https://acme-robotics.com/careers></p>"#,
        );
        let links: Vec<&str> = d.texts(Key::Link).map(|(u, _)| u).collect();
        assert_eq!(
            links,
            [
                "https://acme-robotics.com/careers",
                "jobs@acme-robotics.com",
                "https://docs.acme-robotics.com"
            ]
        );
    }

    #[test]
    fn a_pay_label_s_period_goes_with_its_value() {
        let mut d = Doc::new(crate::posting::Format::Text);
        d.blocks = super::super::blocks::from_lines([
            "Salario mensual*:",
            "$64,000.00 aprox.",
            "Salario anual: 85.000 €",
            "Salary: 4,000 per month",
        ]);
        label_facts(&mut d);
        let pay: Vec<&str> = d.texts(Key::Salary).map(|(v, _)| v).collect();
        assert_eq!(
            pay,
            [
                "$64,000.00 aprox. per month",
                "85.000 € per year",
                "4,000 per month"
            ]
        );
    }

    #[test]
    fn several_pairs_between_bars_are_each_a_pair() {
        let mut d = Doc::new(crate::posting::Format::Text);
        d.blocks = super::super::blocks::from_lines([
            "We are looking for a Senior Engineer.",
            "Position: Senior Engineer | Salary: $80-$125k | Equity: 1.0%-4.0% | https://example.com/jobs/1",
        ]);
        label_facts(&mut d);
        let texts = |k: Key| d.texts(k).map(|(t, _)| t.to_string()).collect::<Vec<_>>();
        assert_eq!(texts(Key::Title), ["Senior Engineer"]);
        assert_eq!(texts(Key::Salary), ["$80-$125k"]);
        // One pair with bars in its value stays one value.
        assert_eq!(
            piped_labels("Location: Berlin | Munich"),
            None,
            "a place list between bars"
        );
        // A feed's summary: its title, then nothing but pairs.
        let pairs = piped_labels(
            "Driver/Clerk - Monrovia, Liberia | Location: MONROVIA | Department: West & Central Africa Div.",
        )
        .expect("two pairs after the title");
        assert_eq!(
            pairs[0],
            (Label::Key(Key::Location), "MONROVIA".to_string())
        );
        assert_eq!(
            piped_labels("Accreditation Officer | Location: Incheon, Korea, Republic of"),
            Some(vec![(
                Label::Key(Key::Location),
                "Incheon, Korea, Republic of".to_string()
            )])
        );
        // A header of pieces that are no pairs is no list of pairs.
        assert_eq!(
            piped_labels("Acme | Backend Engineer | Location: Berlin | Salary: €70k"),
            None
        );
    }

    #[test]
    fn a_pay_label_naming_its_currency() {
        assert_eq!(
            priced_pay_line("Remuneração R$: 4.003,00 + benefícios").as_deref(),
            Some("R$ 4.003,00 + benefícios")
        );
        assert_eq!(
            priced_pay_line("**Salary (USD)**: 95,000 - 120,000").as_deref(),
            Some("USD 95,000 - 120,000")
        );
        assert_eq!(
            priced_pay_line("Gehalt [€]: 4.000").as_deref(),
            Some("€ 4.000")
        );
        // Not a pay label, or no figure, or no currency.
        assert_eq!(priced_pay_line("Team (EUR): 4 people"), None);
        assert_eq!(priced_pay_line("Salary (USD): competitive"), None);
        assert_eq!(priced_pay_line("Salary (yearly): 90,000"), None);
    }

    #[test]
    fn a_name_label_over_a_sentence_names_nothing() {
        let blocks = |lines: &[&str]| super::super::blocks::from_lines(lines.iter().copied());
        let b = blocks(&["Company", "Acme Robotics", "", "We build robots."]);
        assert_eq!(
            label_at(&b, 0).map(|(_, v)| v).as_deref(),
            Some("Acme Robotics")
        );
        for lines in [
            &[
                "Empresa",
                "Atuar num grande banco por uma consultoria internacional.",
            ][..],
            &[
                "Company",
                "Software Consulting founded with the mission to inspire the connection of",
                "technology with people, fostering the best of our professionals.",
            ][..],
            // Over a list, the label heads its points.
            &[
                "Role:",
                "1. Build async Python services",
                "2. Integrate third-party APIs",
            ][..],
        ] {
            assert_eq!(label_at(&blocks(lines), 0), None, "{lines:?}");
        }
    }

    #[test]
    fn a_region_label_counts_when_its_value_is_a_place() {
        let region = vocab().label("estado").expect("a region label");
        let mut d = Doc::new(crate::posting::Format::Text);
        add_label_fact(&mut d, region, "Expirada", Origin::Label);
        assert_eq!(d.texts(Key::Location).count(), 0);
        add_label_fact(&mut d, region, "Minas Gerais", Origin::Label);
        assert_eq!(
            d.texts(Key::Location).map(|(t, _)| t).collect::<Vec<_>>(),
            ["Minas Gerais"]
        );
    }

    #[test]
    fn a_program_literal_for_no_value_is_no_value() {
        assert_eq!(label_line("title: null,"), None);
        // A declaration's type names no value.
        assert_eq!(label_line("  ; title : string"), None);
        assert_eq!(label_line("remote?: boolean;"), None);
        assert!(label_line("Title: String Theory Researcher").is_some());
        assert_eq!(label_line("\"salary\": None"), None);
        assert!(label_line("Title: Null Pointer Analyst").is_some());
        // A database's empty cell.
        assert_eq!(label_line("Company: [NULL]"), None);
        assert_eq!(super::record::text_of(&serde_json::json!("<null>")), None);
        assert_eq!(
            label_line("title: 'Acme (YC S20) Is Hiring an API Designer',").map(|l| l.1),
            Some("Acme (YC S20) Is Hiring an API Designer")
        );
        assert_eq!(
            label_line("Title: \"Senior\" Engineer").map(|l| l.1),
            Some("\"Senior\" Engineer")
        );
    }

    #[test]
    fn labelled_sentences_of_a_paragraph_are_each_a_pair() {
        let pairs = sentence_labels(
            "WFP has a vacancy for the position of Internal Auditor P4. Location: Rome, Italy. Level: P-4.",
        )
        .expect("labelled sentences");
        assert_eq!(
            pairs.first(),
            Some(&(Label::Key(Key::Location), "Rome, Italy".to_string()))
        );
        // A stop inside a value ends nothing.
        let pairs = sentence_labels("We are hiring. Location: St. Louis, MO. Salary: $50k a year.")
            .expect("labelled sentences");
        assert_eq!(pairs[0].1, "St. Louis, MO");
        assert_eq!(
            pairs[1],
            (Label::Key(Key::Salary), "$50k a year".to_string())
        );
        // A colon that follows no label, or none after a stop, makes no pair.
        assert_eq!(
            sentence_labels("Note: we reply fast. Thanks: the team."),
            None
        );
        assert_eq!(sentence_labels("Location: Berlin"), None);
    }

    #[test]
    fn bulleted_pairs_run_together_are_each_a_pair() {
        let pairs = bulleted_labels(
            "・職種：スタイリスト ・雇用形態：正社員 ・勤務地：東京都港区新橋5-8-3",
        )
        .expect("bulleted pairs");
        assert_eq!(
            pairs,
            [
                (Label::Key(Key::Title), "スタイリスト".to_string()),
                (Label::Key(Key::EmploymentType), "正社員".to_string()),
                (Label::Key(Key::Location), "東京都港区新橋5-8-3".to_string()),
            ]
        );
        let pairs = bulleted_labels("• Location: Berlin • Salary: €70k").expect("bulleted pairs");
        assert_eq!(pairs.len(), 2);
        // A dot inside a word is no bullet; one pair alone is a label line's.
        assert_eq!(bulleted_labels("待遇・福利厚生：社会保険完備"), None);
        assert_eq!(bulleted_labels("• Location: Berlin"), None);
    }

    #[test]
    fn label_lines_in_many_languages() {
        let k = |l: &str| label_line(l).map(|(k, v)| (k, v.to_string()));
        assert_eq!(
            k("Location: Berlin, Germany"),
            Some((Label::Key(Key::Location), "Berlin, Germany".into()))
        );
        assert_eq!(
            k("**Salary:** $100k"),
            Some((Label::Key(Key::Salary), "$100k".into()))
        );
        assert_eq!(
            k("勤務地：東京都新宿区"),
            Some((Label::Key(Key::Location), "東京都新宿区".into()))
        );
        assert_eq!(
            k("- Lieu : Paris"),
            Some((Label::Key(Key::Location), "Paris".into()))
        );
        // A table row of a label and its value; not a header row naming two columns.
        assert_eq!(
            k("| **Location** | Remote, Taipei |"),
            Some((Label::Key(Key::Location), "Remote, Taipei".into()))
        );
        assert_eq!(
            k("Employment Type | Full Time"),
            Some((Label::Key(Key::EmploymentType), "Full Time".into()))
        );
        assert_eq!(k("| Title | Company |"), None);
        assert_eq!(k("| Title | Company | Location |"), None);
        assert_eq!(k("Note: we are great"), None);
        assert_eq!(k("We are hiring: engineers of all kinds"), None);
        assert_eq!(
            bare_label("Job type"),
            Some(Label::Key(Key::EmploymentType))
        );
        assert_eq!(bare_label("Pay"), Some(Label::Key(Key::Salary)));
        assert_eq!(bare_label("Location:"), Some(Label::Key(Key::Location)));
        assert_eq!(
            bare_label("** _Location:_**"),
            Some(Label::Key(Key::Location))
        );
        // A key given an empty value in data is no label over the next line.
        assert_eq!(bare_label("\"location\": \"\","), None);
        let blocks = [
            Block::new(BlockKind::Paragraph, "\"location\": \"\","),
            Block::new(BlockKind::Paragraph, "\"job_code\": \"driver_01\","),
        ];
        assert_eq!(label_at(&blocks, 0), None);
    }

    #[test]
    fn label_value_pairs() {
        let mut d = Doc::default();
        d.add_lines([
            "Job details",
            "Pay",
            "$40 - $50 an hour",
            "Job type",
            "Part-time",
            "Full job description",
        ]);
        label_facts(&mut d);
        let facts: Vec<_> = d
            .facts
            .iter()
            .map(|f| (f.key, f.value.text().unwrap_or("")))
            .collect();
        assert!(
            facts.contains(&(Key::Salary, "$40 - $50 an hour")),
            "{facts:?}"
        );
        assert!(
            facts.contains(&(Key::EmploymentType, "Part-time")),
            "{facts:?}"
        );
    }

    #[test]
    fn where_candidates_must_live_is_a_remote_job_s_region() {
        let located = |line: &str| {
            let mut d = Doc::default();
            d.add_lines(["Position: Senior Engineer", line, "About the company"]);
            label_facts(&mut d);
            let places: Vec<String> = d.texts(Key::Location).map(|(t, _)| t.to_string()).collect();
            let remote = d.facts.iter().any(|f| f.key == Key::RemoteFlag);
            (places, remote)
        };
        assert_eq!(
            located("Candidates location: Latin America (LATAM)"),
            (vec!["Latin America (LATAM)".to_string()], true)
        );
        assert_eq!(
            located("Candidates location: Must be currently residing in Canada"),
            (vec!["Canada".to_string()], true)
        );
    }

    #[test]
    fn a_list_of_what_to_send_has_no_values() {
        // "Send us: name, experience, where you live" and then an instruction.
        let mut d = Doc {
            blocks: vec![
                Block::new(
                    BlockKind::Paragraph,
                    "Stuur ons kort de volgende informatie:",
                ),
                Block::new(BlockKind::Item, "Naam en telefoonnummer"),
                Block::new(BlockKind::Item, "Plaats"),
                Block::new(
                    BlockKind::Paragraph,
                    "Vermeld in je bericht: “Vacature Interieurreiniger”.",
                ),
            ],
            ..Doc::default()
        };
        label_facts(&mut d);
        assert!(!d.has(Key::Location), "{:?}", d.facts);
    }
}
