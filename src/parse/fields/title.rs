//! The job title: a labelled title (a JSON key, a JSON-LD property, "Job Title:"), the header's
//! title line, a page's heading or title, an e-mail's subject, else the role a sentence names
//! ("we're looking for a Senior Rails Engineer to…"). Titles come wrapped: "Vacature: Elixir
//! Developer", "Acme recrute un·e développeur·se à Toulouse", "[100% Remoto] Developer na Acme
//! (R$ 18.000)", "Senior Engineer - Berlin oder Remote", "Engineer | Acme". The wrapper is taken
//! off, and what it says besides the title (the company, the place, the mode, the pay) becomes
//! facts for the other resolvers.

use std::sync::LazyLock;

use regex::Regex;

use super::super::doc::{BlockKind, Fact, Key, Origin, Value};
use super::super::places;
use super::super::vocab::{Declined, Label, fold, vocab};
use super::{Cand, Ctx, TEXT, pick};
use crate::posting::{EmploymentType, Field, FieldSource};

/// What no title is, wherever it stands, a structured field too: a question ("Jste
/// programátor?", "¿Buscas nuevos desafíos como desarrollador?", "Are you our next
/// engineer?") asks; a program's structure or a template's placeholder (`{ "type": "offre", …
/// }`, "{{ job.title }}", "@section('title', …)", "meta_title = '…'", "XX工程师") names no
/// job. "{Data, Frontend, Backend} Engineer" lists roles.
pub fn never_a_title(s: &str) -> bool {
    let s = s.trim();
    // A question; or a piece cut after a conjunction's sign ("Full-Time & Adventure
    // Fellowship" split at its contract word), the rest of a phrase.
    if s.ends_with(['?', '？']) || (s.starts_with('¿') && s.contains('?')) || s.starts_with('&') {
        return true;
    }
    if s.contains('{') && s.contains('}') && (s.contains(['"', ':']) || s.contains("{{")) {
        return true;
    }
    // A data literal's pieces ("\"system\", \"content\": \"You are…", a chat message's fields
    // read off a line of code).
    if s.contains("\": \"") || s.contains("\", \"") {
        return true;
    }
    // An unfilled placeholder is a run of X's alone ("XX工程师", "XXX Developer"), not "XXL".
    static PLACEHOLDER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[^A-Za-z])X{2,}(?:[^A-Za-z]|$)").expect("valid regex"));
    // The rest of a literal in code: a quoted value then the next key ("\"Verkoop\", img:
    // \"assets/v1.jpg\" }"), a call on an address ("#link(\"https://…\")[Developer]"), an
    // assignment left open ("Harnham content_1 =").
    static LITERAL_TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"["']\s*,\s*[A-Za-z_]\w*\s*:\s*\S|\(\s*["']https?://|\s=\s*$|\w:\s*\w+\s*\}\s*$"#,
        )
        .expect("valid regex")
    });
    // A call in code ("browser.get('http://selenium.dev/')").
    static CALL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\w\.\w+\(['\x22]").expect("valid regex"));
    // A source file's opening statement ("package com.acme.jobs;", "import java.util.List;",
    // "using System.Text;", "#include <stdio.h>", "from django.db import models") or a
    // declaration ("export default function Barista() {", "const jobs = [", "def render("): the
    // file around a posting written in code, not its title. A dotted name or the closing ';' tells
    // it from a role ("Import Coordinator").
    static STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:(?:package|import|using)\s+(?:[\w.*]+\.[\w*]+\s*;?|[\w.*]+\s*;)|#include\s*[<\x22]|from\s+[\w.]+\s+import\s|(?:export\s+(?:default\s+)?)?(?:async\s+)?(?:function\*?|def|fn)\s+\w*\s*\(|export\s+(?:default|const|let|var|class|function)\b|(?:const|let|var)\s+\w+\s*=)",
        )
        .expect("valid regex")
    });
    [
        "{{", "}}", "{%", "@section", "@extends", "<?", "?>", "= '", "= \"",
    ]
    .iter()
    .any(|m| s.contains(m))
        || PLACEHOLDER.is_match(s)
        || LITERAL_TAIL.is_match(s)
        || CALL.is_match(s)
        || STATEMENT.is_match(s)
}

/// True when `s` reads like a job title: a short phrase naming a role, or a field of work in a
/// few words ("Backend", "Data Science").
pub fn looks_like_title(s: &str) -> bool {
    let n = s.chars().count();
    if !(2..=120).contains(&n) || never_a_title(s) {
        return false;
    }
    // A sentence about us or you is not a title ("We are looking for people with", "I am an
    // early engineer at Karius").
    if s.starts_with("I am ")
        || s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "we" | "we're"
                        | "our"
                        | "you"
                        | "your"
                        | "you'll"
                        | "i'm"
                        | "nous"
                        | "vous"
                        | "wir"
                        | "ihr"
                        | "wij"
                        | "jij"
                        | "vi"
                        | "ni"
                        | "my"
                        | "somos"
                        | "estamos"
                )
            })
    {
        return false;
    }
    // A line of figures ("가사도우미 출퇴근 8시간 주5일 300만": hours, days, pay) states a job's
    // facts, not its title.
    if s.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .count()
        >= 3
    {
        return false;
    }
    // A piece cut from inside brackets ("must speak English) Monetate helps…"), not a list's
    // number ("1) Full Stack Engineer").
    if let Some(close) = s.find(')')
        && !s[..close].contains('(')
        && !is_list_marker(s[..close].trim())
    {
        return false;
    }
    let v = vocab();
    if v.names_role(s) {
        return true;
    }
    // A phrase of fields of work alone ("Backend", "Data Science", "Frontend Web"): every word
    // is one (or a level, a connector); "Gradient AI" names a company.
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '&' | ',' | '+' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 5
        && v.domains.first_in(s).is_some()
        && words.iter().all(|w| {
            v.domains.whole(w).is_some()
                || v.seniority.whole(w).is_some()
                || matches!(
                    w.to_lowercase().as_str(),
                    "and" | "of" | "&" | "web" | "science" | "analytics"
                )
        })
}

/// Whether a line reads as a title that names a role ("Applied AI Engineer"), not a badge,
/// a row's label or a field of work alone: a card's or a digest's title.
pub fn names_a_role(s: &str) -> bool {
    looks_like_title(s) && vocab().names_role(s)
}

/// A list item's number or letter before ")" or ".": "1", "12", "a".
fn is_list_marker(s: &str) -> bool {
    (!s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit()))
        || (s.chars().count() == 1 && s.chars().all(char::is_alphabetic))
}

/// Whether a text holds a sentence break (". " after a word of four letters or more; "Sr. ",
/// "Inc. " are abbreviations).
pub fn has_sentence_break(s: &str) -> bool {
    s.match_indices(". ").any(|(i, _)| {
        s[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .count()
            >= 4
    })
}

/// A title taken out of its wrapper, with what the wrapper said besides.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Unwrapped {
    pub title: String,
    pub company: Option<String>,
    pub place: Option<String>,
    pub mode: Option<String>,
    pub pay: Option<String>,
    pub kind: Option<String>,
}

/// How far a title may be unwrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Only page furniture and wrapper phrases ("Vacature:", "… recrute …"): a structured
    /// title is as its employer wrote it.
    Wrappers,
    /// Also pieces around separators, brackets and leading mode words (headings, first lines,
    /// page titles, subjects, header fields).
    Full,
}

/// Whether a word after a figure counts the people hired ("vacantes", "posts", "पद"; `[roles]
/// openings` and `headcount`, or their plural).
pub fn counts_hires(w: &str) -> bool {
    let v = vocab();
    [&v.openings, &v.headcount]
        .iter()
        .any(|o| o.whole(w).is_some() || o.whole(&format!("{w}s")).is_some())
}

fn strip_count(t: &str) -> &str {
    static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s*(?:\(\s*)?[x×]\s?\d{1,2}(?:\s*\))?$|\s+\(\d{1,2}\)$")
            .expect("valid regex")
    });
    // "Operario (2 vacantes)", "Nurse (1 vacancy)", "Technical Engineer: 5-10 người", "Ruby 工程师
    // 2 名", "前端开发（2人）": how many are hired (`[roles] openings` and `headcount` say which
    // words count; a counter of a script without spaces is one character after the figure).
    static OPENINGS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\s*(?:[(（]\s*\d{1,3}(?:\s*[-–~]\s*\d{1,3})?\s*(?P<w>[^()（）\d]{1,20}?)\s*[)）]|[:：]\s*\d{1,3}(?:\s*[-–~]\s*\d{1,3})?\s*(?P<w2>[^()\d:]{1,20}?)|\s\d{1,2}\s?(?P<w3>[\p{Han}\p{Hangul}]))$",
        )
        .expect("valid regex")
    });
    // In front: "Μια (1) θέση προγραμματιστή web", "Δύο (2) θέσεις Προγραμματιστή Android", "2
    // θέσεις …": a figure (its word before it) and a word counting hires.
    static LEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\p{L}+\s+)?\(?\d{1,3}\)?\s+(?P<w>\p{L}+)\s+\S").expect("valid regex")
    });
    let t = match LEADING.captures(t) {
        Some(c) if counts_hires(&c["w"]) => {
            let end = c.name("w").map_or(0, |w| w.end());
            t[end..].trim_start()
        }
        _ => t,
    };
    let t = match COUNT.find(t) {
        Some(m) if m.start() > 0 => t[..m.start()].trim_end(),
        _ => t,
    };
    if let Some(c) = OPENINGS.captures(t)
        && let Some(m) = c.get(0)
        && m.start() > 0
        && let Some(w) = c
            .name("w")
            .or_else(|| c.name("w2"))
            .or_else(|| c.name("w3"))
        && counts_hires(w.as_str().trim())
    {
        return t[..m.start()].trim_end();
    }
    t
}

/// A heading without the number or letter that counts it ("1. CTV truyền thông", "B) Designer",
/// "2 Nu Colombia - Engineer", "2.1. Technical Engineer", "1.Full Stack Developer").
pub fn unnumbered(text: &str) -> &str {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*|[A-Za-z]|[IVX]{1,4})[.)]\s+|(?P<bare>\d{1,2}(?:\.\d{1,2})*\s+)|(?P<glued>\d{1,2}[.)]))",
        )
            .expect("valid regex")
    });
    let Some(c) = NUMBER.captures(text) else {
        return text;
    };
    let rest = &text[c.get(0).map_or(0, |m| m.end())..];
    // A bare number, or one glued to its heading, counts only before a capital ("2 Nu
    // Colombia", "1.Full Stack Developer"; not "10 years of…", "3.5 years").
    if (c.name("bare").is_some() || c.name("glued").is_some())
        && !rest.starts_with(char::is_uppercase)
    {
        return text;
    }
    rest
}

/// Whether a heading names a role (once its number and wrapper are off) rather than a section;
/// the role's heading as the page writes it, without its number.
pub fn role_heading(text: &str) -> Option<String> {
    let text = unnumbered(text);
    if super::super::blocks::is_known_heading(text)
        || super::super::readers::label_line(text).is_some()
    {
        return None;
    }
    let u = unwrap(text, Depth::Full, &no_employer);
    (looks_like_title(&u.title) && u.title.chars().count() <= 80 && !has_sentence_break(&u.title))
        .then(|| text.to_string())
}

/// Whether a piece states pay ("R$ 18.000,00", "14~28K 16薪", "300/天", "£80-100k").
fn is_pay(piece: &str) -> bool {
    static K: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\d\s*[kK万千w]\b|\d\s*[kK万千]|\d+\s*[-~～]\s*\d+\s*[kK万]|\d+\s*/\s*(?:天|月|年|day|month|year|hr|hour|h)\b")
            .expect("valid regex")
    });
    super::salary::looks_like_pay(piece)
        || (piece.chars().any(|c| c.is_ascii_digit()) && K.is_match(piece))
}

/// What a piece cut off a title is.
fn classify_piece(u: &mut Unwrapped, piece: &str, is_employer: IsEmployer<'_>) -> bool {
    let p = piece
        .trim()
        .trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace());
    // A link after the piece's words ("Toulouse : <https://…>", or what is left of it) is
    // none of them.
    let p = match p.find("http") {
        Some(at) if at > 0 => &p[..at],
        _ => p,
    };
    let p = p.trim_end_matches([' ', ':', '-', '|', '(', '<']);
    if p.is_empty() {
        return true;
    }
    let v = vocab();
    // "… Drupal - CDI | Toulouse": the contract said beside the role (an intern is a role as
    // much as a contract, and stays).
    if contract_word(p) {
        u.kind.get_or_insert_with(|| p.to_string());
        return true;
    }
    let pf = fold(p);
    if is_employer(&pf) {
        u.company.get_or_insert_with(|| p.to_string());
        return true;
    }
    if is_pay(p) {
        u.pay.get_or_insert_with(|| p.to_string());
        return true;
    }
    let mode = v.work_mode.first_in(p);
    let place = places::mentions_place(p)
        || v.country(p).is_some()
        || places::is_place_name(p)
        // "Salem oder Remote": a place beside the mode.
        || mode.is_some()
            && super::location::from_label(p)
                .iter()
                .any(|x| places::is_place_name(x));
    let words = p.split_whitespace().count();
    if place || (mode.is_some() && words <= 4) {
        if mode.is_some() {
            u.mode.get_or_insert_with(|| p.to_string());
        }
        if place {
            take_place(u, p);
        }
        return true;
    }
    false
}

/// Whether a piece of a title (folded) is a name the posting gives its employer elsewhere.
pub type IsEmployer<'a> = &'a dyn Fn(&str) -> bool;

/// No employer known: a title's pieces are judged by themselves.
pub fn no_employer(_: &str) -> bool {
    false
}

/// A title that is only bracket groups: "【網頁前端工程師】", "[Desenvolvedor Android Pleno]
/// [Hunter]" → the first group that reads as a title.
fn unbracket(t: &mut String) {
    static GROUPS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\s*[\[【［](?:[^\[\]【】［］]{1,120})[\]】］])+\s*$").expect("valid regex")
    });
    static GROUP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[\[【［](?P<in>[^\[\]【】［］]{1,120})[\]】］]").expect("valid regex")
    });
    if !GROUPS.is_match(t) {
        return;
    }
    if let Some(inner) = GROUP
        .captures_iter(t)
        .map(|c| c["in"].trim().to_string())
        .find(|g| looks_like_title(g))
    {
        *t = inner;
    }
}

/// Pictographs decorate a title and set its pieces apart ("🚀 Vaga Desenvolvedor Java 👩🏻💻
/// 📍 Remoto 🚀" → "Vaga Desenvolvedor Java | Remoto"): a run of them between words is a
/// separator, one at an end goes.
fn set_apart_pictographs(t: &mut String) {
    static RUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\s*(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\x{200d}\x{fe0f}\x{20e3}]\s*)+",
        )
        .expect("valid regex")
    });
    // Pictographs are far from ASCII: most titles need no look at all.
    if t.is_ascii() || !RUN.is_match(t) {
        return;
    }
    let set_apart = RUN.replace_all(t, " | ");
    let trimmed = set_apart
        .trim()
        .trim_matches(|c: char| c == '|' || c.is_whitespace())
        .to_string();
    if trimmed.chars().any(char::is_alphanumeric) {
        *t = trimmed;
    }
}

/// A title wholly inside one pair of quotes: "«Wissenschaftliche:r Mitarbeiter:in»",
/// "„Projektleiter“", "\"Data Engineer\"" → what is inside.
fn unquote(t: &mut String) {
    const PAIRS: [(char, &[char]); 6] = [
        ('«', &['»']),
        ('»', &['«']),
        ('“', &['”']),
        ('„', &['“', '”']),
        ('"', &['"']),
        ('「', &['」']),
    ];
    let mut chars = t.chars();
    let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
        return;
    };
    let inner = chars.as_str();
    let quoted = PAIRS.iter().any(|&(open, close)| {
        first == open && close.contains(&last) && !inner.contains(close) && !inner.contains(open)
    });
    if quoted && !inner.trim().is_empty() {
        *t = inner.trim().to_string();
    }
}

/// Takes a title out of its wrapper. A piece `is_employer` knows is the company, not part of
/// the title.
pub fn unwrap(raw: &str, depth: Depth, is_employer: IsEmployer<'_>) -> Unwrapped {
    let mut u = Unwrapped::default();
    let mut t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    strip_heading_marks(&mut t);
    unquote(&mut t);
    if depth == Depth::Full {
        set_apart_pictographs(&mut t);
    }
    // Only bracket groups: the role is one of them. At full depth the place and mode groups in
    // front are taken first ("[São Paulo] [Dev Android] [Hunter]").
    if depth != Depth::Full {
        unbracket(&mut t);
    }
    strip_breadcrumb(&mut t);
    strip_wrappers(&mut u, &mut t);
    strip_prefixes(&mut t);
    strip_suffixes(&mut t);
    strip_described_employer(&mut t);
    strip_codes(&mut t);
    if depth == Depth::Full {
        strip_leading_brackets(&mut u, &mut t, is_employer);
        unbracket(&mut t);
        strip_trailing_facts(&mut u, &mut t);
        for sep in [
            " | ", " – ", " — ", " - ", " · ", "｜", "，", ", ", " : ", " -> ", " → ",
        ] {
            cut_pieces(&mut u, &mut t, sep, is_employer);
        }
        // Scripts written without spaces set a title's fields apart with an underscore too
        // ("網頁前端工程師_擴大徵才中": the role, then "now hiring more").
        if t.chars().any(super::super::vocab::unspaced) {
            cut_pieces(&mut u, &mut t, "_", is_employer);
        }
        cut_slash_fields(&mut u, &mut t, is_employer);
        cut_employer_colon(&mut u, &mut t, is_employer);
        cut_employer_tail(&mut u, &mut t, is_employer);
        strip_leading_words(&mut u, &mut t);
        strip_place_tail(&mut u, &mut t);
        // Words that say the role is sought, last once the place after them is gone ("Senior
        // .NET-konsult sökes till uppdrag i Göteborg").
        strip_suffixes(&mut t);
    } else if let Some(open) = t.rfind(" (")
        && t.ends_with(')')
    {
        let inner = &t[open + 2..t.len() - 1];
        // "Software Engineer II (3+ years of experience)": however structured, the experience
        // asked is no part of the role's name; nor is the address an ATS glues to it
        // ("Principal Research Scientist (Richardson, TX, US, 75080)").
        if asks_experience(inner) {
            t.truncate(open);
        } else if let Some(place) = address_bracket(inner) {
            u.place.get_or_insert(place);
            t.truncate(open);
        }
    }
    // A separator left at an end once what stood beyond it is gone ("Engineer in Test -").
    let t = t
        .trim()
        .trim_end_matches(['-', '–', '—', '|', ',', ':'])
        .trim_end();
    u.title = without_article(strip_count(t).trim()).to_string();
    // What is left is a contract or a mode ("正社員" of "正社員募集", "regular staff wanted"):
    // no role.
    let v = vocab();
    // An intern is a role as much as a contract.
    let kind = v.employment.whole(&u.title);
    // A wrapper's word alone ("vacature", "Job") names the page, not the role.
    if kind.is_some_and(|k| k != EmploymentType::Internship)
        || v.work_mode.whole(&u.title).is_some()
        || v.title_prefixes.whole(&u.title).is_some()
        || only_markup(&u.title)
    {
        u.title.clear();
    }
    u
}

/// A markup's tags and nothing of a role between them ("</h2>" left of a template's
/// `<h2>{job.title}</h2>`, "<id>1834171</id>").
fn only_markup(t: &str) -> bool {
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"</?[A-Za-z][\w:-]*[^<>]*>").expect("valid regex"));
    TAG.is_match(t) && !TAG.replace_all(t, " ").chars().any(char::is_alphabetic)
}

/// A title without the article a sentence left in front of it ("A Mid-Senior QA Automation
/// engineer" from "we're hiring: a …"); "A/B Tester" keeps its letter.
fn without_article(t: &str) -> &str {
    for article in ["A ", "An "] {
        if let Some(rest) = t.strip_prefix(article)
            && rest.starts_with(char::is_uppercase)
            && rest.split_whitespace().count() >= 2
        {
            return rest;
        }
    }
    // An article in lower case starts a sentence's words, never a role's name: "a Software
    // Engineer (m/f/d)", "eine*n Software-Entwickler*in" (the gender mark goes with it).
    if let Some((word, rest)) = t.split_once(' ')
        && word.starts_with(|c: char| c.is_lowercase())
        && rest.starts_with(char::is_uppercase)
        && vocab()
            .title_articles
            .whole(without_gender_mark(word))
            .is_some()
    {
        return rest;
    }
    t
}

/// A word without the gender mark written after it ("eine*n", "un(e)", "confirmé·e",
/// "Mitarbeiter:in", "un/une").
fn without_gender_mark(word: &str) -> &str {
    word.split(['*', ':', '/', '(', '·', '⋅', '.'])
        .next()
        .unwrap_or(word)
}

/// A Markdown heading's marks left on a line no reader took for a heading ("##[接案] … ##": no
/// space after the opening marks): two or more `#` at the start, or after a space at the end.
fn strip_heading_marks(t: &mut String) {
    let head = t.len() - t.trim_start_matches('#').len();
    let body = if head >= 2 { &t[head..] } else { t.as_str() };
    let tail = body.len() - body.trim_end_matches('#').len();
    let body = if tail >= 2 && body[..body.len() - tail].ends_with(' ') {
        &body[..body.len() - tail]
    } else {
        body
    };
    let body = body.trim().to_string();
    if !body.is_empty() {
        *t = body;
    }
}

/// Wrapper phrases of every language ("Acme recrute un·e {title}"): the title inside, and
/// the company, place, mode and pay they name.
fn strip_wrappers(u: &mut Unwrapped, t: &mut String) {
    let wrappers = &vocab().title_wrappers;
    // The wrappers that may match, found in one pass; each is confirmed by its own pattern.
    let mut may = wrappers.set.matches(t);
    for (i, w) in wrappers.list.iter().enumerate() {
        if !may.matched(i) {
            continue;
        }
        let Some(c) = w.re.captures(t) else { continue };
        // A headline naming its employer and no role ("Acme (YC S19) Is Hiring (acme.com)"):
        // the employer, and no title, unless what follows names a role.
        if c.name("title").is_none()
            && let Some(company) = c.name("company")
        {
            let rest = c.name("rest").map_or("", |m| m.as_str());
            if !vocab().names_role(rest) {
                u.company = Some(company.as_str().trim().to_string());
                // "(Remote)" after it says the mode.
                if vocab().work_mode.first_in(rest).is_some() {
                    u.mode.get_or_insert_with(|| rest.trim().to_string());
                }
                t.clear();
                return;
            }
            continue;
        }
        let Some(title_match) = c.name("title") else {
            continue;
        };
        // "城市招商经理": the wrapper's hiring word starts a word of its own ("招商").
        if splits_word(t, title_match.start()) {
            continue;
        }
        let title = title_match.as_str().trim();
        // A phrase cut off before its end ("We're looking for developers with", a line leading
        // into a list) names no title.
        let unfinished = title.split_whitespace().last().is_some_and(is_stop_word);
        if title.is_empty() || title.len() >= t.len() || unfinished || !looks_like_title(title) {
            continue;
        }
        // "Programista .NET na stałe": what follows the 'na' is the contract, no employer.
        if let Some(m) = c.name("company") {
            let word_before = t[..m.start()].split_whitespace().last().unwrap_or("");
            let kinds = &vocab().employment;
            if kinds.whole(m.as_str()).is_some()
                || kinds
                    .whole(&format!("{word_before} {}", m.as_str()))
                    .is_some()
            {
                continue;
            }
        }
        let group = |n: &str| {
            c.name(n)
                .map(|m| m.as_str().trim().to_string())
                .filter(|s| !s.is_empty())
        };
        // A name of six words at most, its small words not counted ("Procuradoria Geral do
        // Município do Salvador"); a longer word in lower case after its first is a sentence's
        // ("Tesorio raised a Series B and is hiring …"; "commit42 recrute" is a name).
        if let Some(company) = group("company")
            && company
                .split_whitespace()
                .filter(|w| {
                    !w.starts_with(char::is_lowercase) && w.chars().any(char::is_alphanumeric)
                })
                .count()
                <= 6
            && !company.split_whitespace().skip(1).any(|w| {
                w.chars().count() > 4 && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
            })
            && !looks_like_title(&company)
            // "Vi søker en rådgiver": a pronoun is no employer.
            && !company
                .split_whitespace()
                .next()
                .is_some_and(|w| vocab().not_names.contains(w))
        {
            u.company = Some(company);
        }
        // A bracket the wrapper takes for a place may name the mode ("[Remote] Developer").
        if let Some(p) = group("place")
            && !classify_piece(u, &p, &no_employer)
        {
            u.place.get_or_insert(p);
        }
        u.mode = u.mode.take().or_else(|| group("mode"));
        u.pay = u.pay.take().or_else(|| group("pay"));
        *t = title.to_string();
        may = wrappers.set.matches(t);
    }
}

/// "… at a frontier open-source AI lab", "… at an early-stage startup": the employer described,
/// not named, is no part of the role.
fn strip_described_employer(t: &mut String) {
    if let Some(i) = t.find(" at a ").or_else(|| t.find(" at an "))
        && looks_like_title(&t[..i])
    {
        t.truncate(i);
    }
}

/// Whether `at` falls inside a word that starts with a hiring word and is a word of its own
/// (`[roles] prefixed_words`: "招商", investment promotion, starts with "招", hires): no
/// hiring word ends there.
fn splits_word(t: &str, at: usize) -> bool {
    let lo = t[..at].char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    let hi = t[at..]
        .char_indices()
        .nth(3)
        .map_or(t.len(), |(i, _)| at + i);
    let piece = &t[lo..hi];
    let cut = at - lo;
    let f = fold(piece);
    f.len() == piece.len()
        && vocab()
            .prefixed_words
            .find(&f)
            .any(|(s, e, _)| s < cut && cut < e)
}

/// "Vacature:", "Stellenausschreibung", "招聘": words in front that are not the title.
fn strip_prefixes(t: &mut String) {
    loop {
        let f = fold(t);
        let Some((0, e, _)) = vocab().title_prefixes.find(&f).next() else {
            break;
        };
        // "招商经理": the prefix is the start of a word of its own.
        if splits_word(t, e) {
            break;
        }
        let mut rest = t[e..].trim_start_matches([':', '：', '-', '–', '—', '|', ' ']);
        // "Hiring a Lead Data Scientist": the article goes with the prefix.
        if let Some((w, after)) = rest.split_once(' ')
            && vocab().prefix_joins.whole(w).is_some()
        {
            rest = after.trim_start();
        }
        if rest.is_empty() || !looks_like_title(rest) || goes_on_phrase(rest) {
            break;
        }
        *t = rest.to_string();
    }
}

/// Whether what follows a prefix goes on its phrase ("Vaga de Estágio", "Offer of …"): a
/// short word in lower case, a preposition or an article, starts it.
fn goes_on_phrase(rest: &str) -> bool {
    rest.split_whitespace().next().is_some_and(|w| {
        w.chars().count() <= 3 && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
    })
}

/// A page's breadcrumb trail: "Careers > Engineering > Senior Engineer", "职位 > 高级前端开发工程师"
/// → its last step, when that reads as a title.
fn strip_breadcrumb(t: &mut String) {
    for sep in [" > ", " › ", " » ", " ＞ "] {
        if let Some((_, last)) = t.rsplit_once(sep)
            && looks_like_title(last.trim())
        {
            *t = last.trim().to_string();
            return;
        }
    }
}

/// Words after the role that name the posting, not the job: "DevOps engineer job opening",
/// "Backend Developer position" (`[roles] title_suffixes`).
fn strip_suffixes(t: &mut String) {
    loop {
        let f = fold(t);
        if f.len() != t.len() {
            break;
        }
        let Some((start, _, _)) = vocab()
            .title_suffixes
            .find(&f)
            .filter(|&(s, e, _)| e == f.len() && s > 0 && f.as_bytes()[s - 1] == b' ')
            .last()
        else {
            break;
        };
        let rest = t[..start].trim_end_matches([':', '-', '–', '—', '|', ',', ' ']);
        if rest.is_empty() || !looks_like_title(rest) {
            break;
        }
        *t = rest.to_string();
    }
}

/// Whether a piece is a requisition or internal code ("REF1704U", "R-20541", "MJ000078",
/// "2024-7222", "00111"): capitals, digits and joiners, no lower case, digits enough that it is
/// no word; not a year, a range, pay or a fraction ("24/7").
fn is_code(s: &str) -> bool {
    static RANGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?:19|20)\d\d|(?:19|20)\d\d[-/](?:19|20)?\d\d|\d{1,3}[-/]\d{1,3})$")
            .expect("valid regex")
    });
    let n = s.chars().count();
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let letters = s.chars().filter(char::is_ascii_alphabetic).count();
    (3..=20).contains(&n)
        && s.starts_with(|c: char| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || "_#./-".contains(c))
        && (digits >= 3 || (digits >= 2 && n >= 6))
        && (letters > 0 || digits >= 4)
        && !RANGE.is_match(s)
        && !is_pay(s)
}

/// A requisition or internal code is no part of the role: in a bracket at the end ("Network
/// Engineer (REF1704U)", "(ID: 2143)"), after a separator at the end ("GCP Cloud Engineer -
/// R-19409", before a gender tag: "Ingénieur Devops - ARANUM24 (H/F)"), or before one at the
/// start ("2024-7222_Software Engineer", "0222U8-数据分析岗").
static GENDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*[(\[]\s*[mwfhdx*]\s*/\s*[mwfhdx*](?:\s*/\s*[mwfhdx*])?\s*[)\]]\s*$")
        .expect("valid regex")
});

/// Whether a title ends with the genders the role is open to ("(H/F)", "(m/w/d)", "[f/m/x]").
pub fn gender_tagged(t: &str) -> bool {
    GENDER.is_match(t.trim())
}

fn strip_codes(t: &mut String) {
    static TRAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i:\s*[\[(（【]\s*(?:(?P<lab>(?:req(?:uisition)?|ref(?:erence)?|réf(?:érence)?|job\s*id|id|job|no|nr)\b)\s*[#:.]?\s*|#\s*)?(?P<b>[^\s\])）】]{3,20})\s*[\])）】]|\s*[-–—|_/]\s*#?(?P<s>[^\s\-–—|_/][^\s–—|]{2,19}))\s*$")
            .expect("valid regex")
    });
    let tag_at = GENDER.find(t).map_or(t.len(), |m| m.start());
    let (head, tag) = t.split_at(tag_at);
    if let Some(c) = TRAIL.captures(head)
        && let Some(code) = c.name("b").or_else(|| c.name("s"))
        // "(REF: DEV/PHP)": a bracket that says it holds a reference holds one.
        && (is_code(code.as_str())
            || c.name("lab").is_some_and(|l| {
                let l = l.as_str().to_lowercase();
                l.starts_with("ref") || l.starts_with("réf") || l.starts_with("req")
            }))
        && let Some(m) = c.get(0)
        && m.start() > 0
        && looks_like_title(&head[..m.start()])
    {
        *t = format!("{}{tag}", &head[..m.start()]);
    }
    // A list's number glued to a role in a script without spaces ("01現場技術者").
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && t[digits..]
            .chars()
            .next()
            .is_some_and(super::super::vocab::unspaced)
        && looks_like_title(&t[digits..])
    {
        *t = t[digits..].to_string();
    }
    // A code in front, joined to the role by a separator.
    let lead = t
        .char_indices()
        .take_while(|&(i, c)| i < 24 && !c.is_whitespace())
        .filter(|&(_, c)| "_-–—:|".contains(c))
        .map(|(i, _)| i)
        .find(|&i| is_code(&t[..i]));
    // Or set apart by a spaced separator ("0703 - GERENTE DE NEGÓCIOS PJ").
    let spaced = [" - ", " – ", " — ", " | ", ": "]
        .iter()
        .filter_map(|sep| t.find(sep))
        .min()
        .filter(|&i| is_code(&t[..i]));
    if let Some(i) = lead.or(spaced) {
        let rest = t[i..].trim_start_matches(|c: char| "_-–—:| ".contains(c));
        if !rest.is_empty() && looks_like_title(rest) {
            *t = rest.to_string();
        }
    }
}

/// Leading bracketed pieces: "[100% Remoto]", "[广州][出海应用]", "【急募】".
fn strip_leading_brackets(u: &mut Unwrapped, t: &mut String, is_employer: IsEmployer<'_>) {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*[\[【［(（](?P<in>[^\]】］)）]{1,40})[\]】］)）]\s*").expect("valid regex")
    });
    while let Some(c) = LEAD.captures(t) {
        let rest = t[c.get(0).map_or(0, |m| m.end())..].to_string();
        if rest.is_empty() || !looks_like_title(&rest) {
            break;
        }
        classify_piece(u, &c["in"], is_employer);
        *t = rest;
    }
}

/// Pay or a work mode at the end: bracketed ("(R$ 18.000,00)", "(Remote)", "【14~28K 16薪】",
/// "（300/天）"), then pay glued to a dash ("高级前端工程师 -20k～35K").
/// A bracket at the end of a title ("(R$ 18.000,00)", "【14~28K 16薪】"), its inside as `in`.
static TRAILING_BRACKET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*[\[【［(（](?P<in>[^\[【［(（\]】］)）]{1,40})[\]】］)）]\s*$")
        .expect("valid regex")
});

/// The place of an address in a title's bracket: comma-separated parts naming a place, the
/// last a postal code ("Richardson, TX, US, 75080" → "Richardson, TX, US").
fn address_bracket(inner: &str) -> Option<String> {
    static POSTAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:\d{4,6}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)$",
        )
        .expect("valid regex")
    });
    let (place, code) = inner.rsplit_once(',')?;
    (POSTAL.is_match(code.trim())
        && place.contains(',')
        && place.split(',').any(|p| places::is_place(p.trim())))
    .then(|| place.trim().to_string())
}

fn strip_trailing_facts(u: &mut Unwrapped, t: &mut String) {
    if let Some(c) = TRAILING_BRACKET.captures(t)
        && c.get(0).is_some_and(|m| m.start() > 0)
    {
        let inner = c["in"].trim().to_string();
        // A bracket saying only the mode leaves too: whatever a label would read as a place in
        // it names the mode ("(Remote/WFH with Travel)"; "(Remote - CANADA)" names Canada). A
        // place stays, as labels keep "Account Executive (India)".
        let modes = &vocab().work_mode;
        // "(100 % Teletrabajo)": how much of the work is so, and the mode.
        static SHARE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\d{1,3}\s*%\s*").expect("valid regex"));
        let bare = SHARE.replace(&inner, "");
        let mode_only = modes.first_in(&bare).is_some()
            && bare.split_whitespace().count() <= 5
            && !places::is_place(&bare)
            && !bare.chars().any(|c| c.is_ascii_digit())
            && super::location::from_label(&bare)
                .iter()
                .all(|p| modes.first_in(p).is_some());
        // "(on-site, SF and Richmond CA)", "(on-site SF or remote)": the mode first, then
        // where: both leave, each a fact of its own.
        let mode_then_places = || -> Option<String> {
            let pieces: Vec<&str> = bare
                .split([',', '/'])
                .flat_map(|p| p.split(" and "))
                .flat_map(|p| p.split(" or "))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let mode = |p: &str| modes.whole(p).is_some();
            // A piece is a mode, a place, or a mode before a place ("on-site SF").
            let place_of = |p: &str| -> Option<Option<String>> {
                if mode(p) {
                    return Some(None);
                }
                if places::is_place(p) {
                    return Some(Some(p.to_string()));
                }
                let (head, tail) = p.split_once(' ')?;
                (mode(head) && places::is_place(tail)).then(|| Some(tail.to_string()))
            };
            let first = pieces.first()?;
            if !(mode(first) || first.split_once(' ').is_some_and(|(h, _)| mode(h))) {
                return None;
            }
            let found: Option<Vec<Option<String>>> = pieces.iter().map(|p| place_of(p)).collect();
            let named: Vec<String> = found?.into_iter().flatten().collect();
            (!named.is_empty()).then(|| named.join(", "))
        };
        let taken = if is_pay(&inner) {
            u.pay.get_or_insert(inner);
            true
        } else if let Some(place) = (!mode_only).then(mode_then_places).flatten() {
            u.mode.get_or_insert_with(|| inner.clone());
            u.place.get_or_insert(place);
            true
        } else if mode_only {
            // "(REMOTE, FT)": the contract beside the mode leaves with it, and still counts.
            if vocab().employment.first_in(&inner).is_some() {
                u.kind.get_or_insert_with(|| inner.clone());
            }
            u.mode.get_or_insert(inner);
            true
        } else if let Some(place) = address_bracket(&inner) {
            // "(Richardson, TX, US, 75080)": an address an ATS glues to the title (SAP
            // SuccessFactors' feeds), its postal code saying so — not a place a title names.
            u.place.get_or_insert(place);
            true
        } else if asks_experience(&inner) || vocab().title_statuses.whole(&inner).is_some() {
            // "(5+ years of experience)", "(PAUSADA)": what is asked, or the posting's state.
            true
        } else if contract_word(&inner) {
            u.kind.get_or_insert(inner);
            true
        } else {
            false
        };
        if taken {
            let end = c.get(0).map_or(t.len(), |m| m.start());
            t.truncate(end);
        }
    }
    // "Senior Developer - Contract", "Desenvolvedor Android CLT": the contract leaves too — a
    // word after a dash, or a contract's acronym. "Senior iOS Contractor" is the role.
    static TRAIL_WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\s+[-–—|]\s*(?P<w>\p{L}[\p{L}-]*)|\s+(?P<acr>[\p{Lu}\d]{2,4}))$")
            .expect("valid regex")
    });
    if let Some(c) = TRAIL_WORD.captures(t)
        && let Some(w) = c.name("w").or_else(|| c.name("acr"))
        && contract_word(w.as_str())
        && let Some(m) = c.get(0)
        && t[..m.start()].ends_with(|c: char| c.is_alphanumeric() || c == ')')
        && looks_like_title(&t[..m.start()])
    {
        u.kind.get_or_insert_with(|| w.as_str().to_string());
        t.truncate(m.start());
    }
    // "Software Engineer - Java - Contract to Hire 6mo", "… - 6-12 mo contract": a contract
    // and how long it lasts, after a dash.
    let dash = [" - ", " – ", " — ", " | "]
        .iter()
        .filter_map(|s| t.rfind(s).map(|at| (at, s.len())))
        .max();
    if let Some((at, len)) = dash
        && t.len() - at - len <= 40
        && looks_like_title(&t[..at])
    {
        let v = vocab();
        let piece = &t[at + len..];
        let kind: Vec<&str> = piece
            .split_whitespace()
            .filter(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                !w.chars().any(|c| c.is_ascii_digit()) && v.periods.whole(w).is_none()
            })
            .collect();
        let kind = kind.join(" ");
        if kind.len() < piece.len() && contract_word(&kind) {
            u.kind.get_or_insert(kind);
            t.truncate(at);
        }
    }
    // "… na stałe", "… Full Time": a contract of two or three words ends the title.
    let words: Vec<&str> = t.split_whitespace().collect();
    for n in [3, 2] {
        if words.len() > n {
            let tail = words[words.len() - n..].join(" ");
            let head = words[..words.len() - n].join(" ");
            if vocab().employment.whole(&tail).is_some() && looks_like_title(&head) {
                u.kind.get_or_insert(tail);
                *t = head;
                break;
            }
        }
    }
    static TRAIL_PAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s+[-–—]\s*(?P<pay>\S*\d\S*)$").expect("valid regex"));
    if let Some(c) = TRAIL_PAY.captures(t)
        && is_pay(&c["pay"])
        && let Some(m) = c.get(0)
        && looks_like_title(&t[..m.start()])
    {
        u.pay.get_or_insert_with(|| c["pay"].to_string());
        t.truncate(m.start());
    }
}

/// Pieces around a separator: the role piece is the title; places, modes, pay, the company
/// (when the posting names it so elsewhere) are cut off.
fn cut_pieces(u: &mut Unwrapped, t: &mut String, sep: &str, is_employer: IsEmployer<'_>) {
    if !t.contains(sep) {
        return;
    }
    let pieces = split_outside_brackets(t, sep);
    let Some(role_at) = pieces.iter().position(|p| looks_like_title(p)) else {
        return;
    };
    let mut kept: Vec<String> = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i == role_at || keeps_piece(u, piece, i.cmp(&role_at), sep, is_employer) {
            kept.push(piece.clone());
        }
    }
    *t = kept.join(sep);
}

/// The pieces of a title between its separators, those inside brackets kept in their piece
/// ("Software Engineers (scala, node.js)" is one piece).
pub(crate) fn split_outside_brackets(t: &str, sep: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut i = 0;
    // A dash between two figures is a range's ("60 - 100%"), no separator.
    let dash = sep.trim().chars().all(|c| matches!(c, '-' | '–' | '—')) && !sep.trim().is_empty();
    let range_at = |i: usize| {
        dash && t[..i].ends_with(|c: char| c.is_ascii_digit())
            && t[i + sep.len()..].starts_with(|c: char| c.is_ascii_digit())
    };
    while i < t.len() {
        let rest = &t[i..];
        if depth <= 0 && rest.starts_with(sep) && !range_at(i) {
            pieces.push(t[start..i].trim().to_string());
            i += sep.len();
            start = i;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '(' | '[' | '（' | '【' => depth += 1,
            ')' | ']' | '）' | '】' => depth -= 1,
            _ => {}
        }
        i += c.len_utf8();
    }
    pieces.push(t[start..].trim().to_string());
    pieces
}

/// Whether a piece beside the role piece (before it or after it, as `side` says) stays in
/// the title; when not, what it says goes into `u`.
fn keeps_piece(
    u: &mut Unwrapped,
    piece: &String,
    side: std::cmp::Ordering,
    sep: &str,
    is_employer: IsEmployer<'_>,
) -> bool {
    let v = vocab();
    let comma = sep == ", " || sep == "，";
    let after = side.is_gt();
    if v.is_furniture(piece) || v.title_statuses.whole(piece).is_some() {
        // "| 1 Location(s)", "· 1 month ago · Over 100 applicants": the board's;
        // "網頁前端工程師_擴大徵才中", "QA Engineer - CLOSED": the posting's state.
        return false;
    }
    if classified(u, piece, is_employer) {
        false
    } else if comma && after && v.employment.first_in(piece).is_some() {
        // "Ng Dev, full-time, contract position": the kinds said after the role.
        let kinds = u
            .kind
            .take()
            .map_or(piece.clone(), |k| format!("{k}, {piece}"));
        u.kind = Some(kinds);
        false
    } else if (comma
        || (matches!(sep, " – " | " — ")
            && piece.split_whitespace().count() >= 3
            && !v.names_role(piece)))
        && after
        && piece.chars().next().is_some_and(char::is_lowercase)
    {
        // "…, starting immediately", "… — strong juniors also welcome": a note after the
        // role, not part of it.
        false
    } else if side.is_lt()
        && !comma
        && !looks_like_title(piece)
        && piece.split_whitespace().count() <= 5
    {
        // "Acme - Senior Engineer": the name before the role.
        u.company.get_or_insert_with(|| piece.clone());
        false
    } else {
        // A comma keeps its tail unless it is a place or the like ("Staff Engineer,
        // Payments").
        true
    }
}

/// The employer before a colon and the role after it ("Login.gov: Fraud Analyst", "Boulder
/// County Department of Housing and Human Services: Statistical Analyst"): the name is one the
/// posting gives its employer, or is written as an organization's ("… Department of …",
/// "… GmbH"). Any other word before a colon ("Urgent: Nurse") is no employer.
fn cut_employer_colon(u: &mut Unwrapped, t: &mut String, is_employer: IsEmployer<'_>) {
    let pieces = split_outside_brackets(t, ": ");
    let [head, role] = pieces.as_slice() else {
        return;
    };
    if !looks_like_title(role) || looks_like_title(head) {
        return;
    }
    if names_employer(head, is_employer) {
        u.company.get_or_insert_with(|| head.clone());
        *t = role.clone();
    }
}

/// Whether a piece of a title names its employer: a name the posting gives it, or one written
/// as an organization's, whole or at its end after the place it serves ("Boulder County
/// Department of …").
fn names_employer(name: &str, is_employer: IsEmployer<'_>) -> bool {
    is_employer(&fold(name))
        || super::company::organization_in(name).is_some_and(|n| name.ends_with(n.as_str()))
}

/// The employer after the word for "at" of any language ("Ausbildung zum*r Spieleentwickler*in
/// bei der InnoGames GmbH", "Développeur chez Qonto SAS", "Engineer at Acme Inc."), the article
/// the phrase needs left out: the name is one the posting gives its employer, or is written as
/// an organization's. Any other phrase ("Nurse at Night") stays.
fn cut_employer_tail(u: &mut Unwrapped, t: &mut String, is_employer: IsEmployer<'_>) {
    // Each word with its spaces, in ASCII lower case, which keeps every byte where it was: an
    // offset in `lower` is one in `t`.
    static NEEDLES: LazyLock<Vec<String>> = LazyLock::new(|| {
        vocab()
            .employer
            .at
            .iter()
            .map(|w| w.as_str())
            .chain(["at", "@"])
            .map(|w| format!(" {} ", w.to_ascii_lowercase()))
            .collect()
    });
    let lower = t.to_ascii_lowercase();
    let Some((at, len)) = NEEDLES
        .iter()
        .filter_map(|w| lower.rfind(w.as_str()).map(|i| (i, w.len())))
        .max_by_key(|(i, _)| *i)
    else {
        return;
    };
    let (role, rest) = (&t[..at], &t[at + len..]);
    let name = super::company::after_phrase_article(rest.trim()).trim();
    if name.is_empty() || !looks_like_title(role) || looks_like_title(name) {
        return;
    }
    if names_employer(name, is_employer) {
        u.company.get_or_insert_with(|| name.to_string());
        *t = role.trim().to_string();
    }
}

/// A field list with slashes: "web前端/Mixin/北京(远程工作) 3年": the role, then places, pay…
fn cut_slash_fields(u: &mut Unwrapped, t: &mut String, is_employer: IsEmployer<'_>) {
    if !t.contains('/') || t.contains(" / ") {
        return;
    }
    let pieces = split_outside_brackets(t, "/");
    let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
    // A link's slashes are no fields' ("Software Engineer: https://boards.example/jobs/1"): a
    // link at the end goes.
    if let Some(at) = t.find("https://").or_else(|| t.find("http://"))
        && !t[at..].contains(char::is_whitespace)
    {
        let head = t[..at].trim_end_matches(|c: char| c.is_whitespace() || ":-–—|(".contains(c));
        if looks_like_title(head) {
            *t = head.to_string();
        }
        return;
    }
    // A word's other ending after its slash ("Koch/in", "Auszubildende/r Koch/in",
    // "specialista/ka") is no field: "in" is no India.
    let ending = |p: &&str| {
        p.starts_with(char::is_lowercase)
            && p.split_whitespace()
                .next()
                .is_some_and(|w| w.chars().count() <= 5)
    };
    if pieces[1..].iter().any(ending) {
        return;
    }
    if pieces.len() >= 3 && looks_like_title(pieces[0]) {
        let mut trial = u.clone();
        let classified = pieces[1..]
            .iter()
            .filter(|p| classify_piece(&mut trial, p, is_employer))
            .count();
        if classified >= 1 {
            *u = trial;
            *t = pieces[0].to_string();
        }
    }
}

/// Whether a bracket states the experience asked, not part of the role's name: "(5+ years of
/// experience)", "(2 anos de experiência no mínimo)" — a figure and an experience label word.
fn asks_experience(inner: &str) -> bool {
    inner.chars().any(|c| c.is_ascii_digit())
        && !is_pay(inner)
        && (super::experience::years(inner).is_some()
            || inner.split_whitespace().any(|w| {
                vocab().label(w.trim_matches(|c: char| !c.is_alphanumeric()))
                    == Some(Label::Key(Key::Experience))
            }))
}

/// Whether a word names a contract that is not the role itself: "CLT", "Contract", "B2B" leave a
/// title, "Intern" and "Stage" are the role.
fn contract_word(w: &str) -> bool {
    vocab()
        .employment
        .whole(w)
        .is_some_and(|k| k != EmploymentType::Internship)
}

/// Words in front of the role: where it is based ("EU/US-based Ng Dev"), then mode or
/// contract words ("Remote Contract Senior Frontend Engineer").
fn strip_leading_words(u: &mut Unwrapped, t: &mut String) {
    let v = vocab();
    if let Some((first, rest)) = t.split_once(' ')
        && let Some(place) = first.strip_suffix("-based")
        && looks_like_title(rest)
    {
        u.place.get_or_insert_with(|| place.to_string());
        *t = rest.to_string();
    }
    while let Some((first, rest)) = t.split_once(' ') {
        // A kind of two words ("Full Time Software Engineer").
        if let Some((second, after)) = rest.split_once(' ')
            && contract_word(&format!("{first} {second}"))
            && looks_like_title(after)
        {
            u.kind.get_or_insert_with(|| format!("{first} {second}"));
            *t = after.to_string();
            continue;
        }
        // "Office of Solutions: …": a word that goes on into a phrase names no mode or kind.
        if !looks_like_title(rest) || goes_on_phrase(rest) {
            break;
        }
        // A hashtag ("#hiring", a job fair's "#ForumOGCNice") tags the post; it names no role.
        if first.len() > 1 && first.starts_with('#') && !first.starts_with("##") {
            *t = rest.to_string();
            continue;
        }
        // A mode word that is none alone ("Distributed Systems Engineer") stays.
        if v.work_mode.whole(first).is_some() && v.mode_not_alone.whole(first).is_none() {
            u.mode.get_or_insert_with(|| first.to_string());
        } else if contract_word(first) {
            u.kind.get_or_insert_with(|| first.to_string());
        } else {
            break;
        }
        *t = rest.to_string();
    }
}

/// A place a title's piece names, beside the one another piece named: a town and the country
/// or region it is in, cut off one after the other ("GPU Engineer : Paris, France"), are one
/// place; else the first named stays.
fn take_place(u: &mut Unwrapped, p: &str) {
    use places::PlaceKind::{City, Country, Region};
    let wider = |x: &str| matches!(places::place_kind(x), Some(Country | Region));
    let town = |x: &str| places::place_kind(x) == Some(City);
    u.place = Some(match u.place.take() {
        None => p.to_string(),
        Some(had) if wider(&had) && town(p) => format!("{p}, {had}"),
        Some(had) if town(&had) && wider(p) => format!("{had}, {p}"),
        Some(had) => had,
    });
}

/// A trailing place after a preposition: "Utvecklare i Stockholm och Göteborg", "Buchhalter:in
/// in Berlin Süd", "Frontend vývojář v Plzni".
fn strip_place_tail(u: &mut Unwrapped, t: &mut String) {
    static PLACE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s+(?P<prep>in|i|à|a|en|em|na|no|w|we|v|ve|в|bei|au|aux|para|pour)\s+(?P<place>\p{Lu}[\p{L}'’\-]+(?:(?:\s+|\s*,\s*)(?:\p{Lu}[\p{L}'’\-]+|och|und|and|et|y|e|a|i))*)$")
            .expect("valid regex")
    });
    if let Some(c) = PLACE_TAIL.captures(t) {
        let place = &c["place"];
        let head = &t[..c.get(0).map_or(0, |m| m.start())];
        let known = places::mentions_place(place);
        // These also lead to what the role works on ("para Android", "pour mobile", "Analista
        // em PHP"): a place there must be one the gazetteer knows.
        let english = matches!(&c["prep"], "in" | "a" | "en" | "em" | "para" | "pour");
        if looks_like_title(head) && (known || (!english && place.split_whitespace().count() <= 3))
        {
            if known {
                take_place(u, place);
            }
            *t = head.to_string();
        }
    }
}

/// A page or subject line split into its title, company and place: "Senior Engineer at Acme
/// (Richmond, VA) | Board", "Acme - Senior Engineer", "Acme hiring Data Engineer in Berlin",
/// "Engineer - Acme - Berlin". A place is one only when the gazetteer knows it.
pub struct PageTitle {
    pub title: Option<String>,
    pub company: Option<String>,
    pub place: Option<String>,
}

/// A page or subject line's title, company and place ([`PageTitle`]); a site name after the
/// last " | " that invites to its employer ("Join the …", "Careers at …") names the company
/// when the line names none.
pub fn split_title_company(t: &str) -> PageTitle {
    let mut page = split_page_title(t.trim());
    // "FedRAMP Director | Join the Technology Transformation Services", "… | Careers at
    // Acme": the site's name invites to its employer.
    if page.company.is_none()
        && let Some((_, site)) = t.rsplit_once(" | ")
    {
        let site = site.trim();
        page.company = super::company::after_lead_in(site)
            .map(|rest| {
                let rest = rest.trim();
                ["the ", "The "]
                    .iter()
                    .find_map(|a| rest.strip_prefix(a))
                    .unwrap_or(rest)
                    .trim_end_matches(['!', '.'])
                    .to_string()
            })
            .filter(|c| c.starts_with(char::is_uppercase) && c.split_whitespace().count() <= 6);
    }
    page
}

fn split_page_title(t: &str) -> PageTitle {
    let known = |p: &str| places::mentions_place(p).then(|| p.trim().to_string());
    let split = |title: &str, company: &str, place: Option<String>| PageTitle {
        title: Some(title.trim().to_string()),
        company: Some(company.trim().to_string()),
        place,
    };
    // A trailing site name after " | " (and " - SEEK", " – Indeed.com").
    let main = t.split(" | ").next().unwrap_or(t).trim();
    // "Acme hiring Senior Engineer in Berlin, Germany" (as a large network titles its pages).
    if let Some((c, rest)) = main.split_once(" hiring ") {
        let (title, place) = rest
            .rsplit_once(" in ")
            .map_or((rest, None), |(t, p)| (t, known(p)));
        if looks_like_title(title) && !c.trim().is_empty() {
            return split(title, c, place);
        }
    }
    if let Some((a, b)) = main.rsplit_once(" at ").or_else(|| main.rsplit_once(" @ "))
        && looks_like_title(a)
    {
        // "… at CarMax (Richmond, VA)": the employer, then where; "… at KAIST (Due: May 17)
        // (KAIST 수리과학과 초빙교수 채용 공고)": the employer, then remarks.
        let b = b.trim();
        let (c, remarks) = b.split_once(" (").map_or((b, ""), |(c, r)| (c.trim(), r));
        if !looks_like_title(c) {
            let bracket = remarks
                .strip_suffix(')')
                .filter(|p| !p.contains(['(', ')']));
            if let Some(place) = bracket.and_then(known) {
                return split(a, c, Some(place));
            }
            // A short bracket stays with the name ("Acme (YC S21)"); remarks go.
            let short =
                bracket.is_some_and(|r| r.split_whitespace().count() <= 3 && !r.contains(':'));
            return split(a, if short { b } else { c }, None);
        }
    }
    for sep in [" - ", " – ", " — "] {
        let parts: Vec<&str> = main.split(sep).map(str::trim).collect();
        // "Senior Engineer - Acme - Berlin, Germany": title, company, place.
        if parts.len() == 3
            && looks_like_title(parts[0])
            && !looks_like_title(parts[1])
            && places::mentions_place(parts[2])
        {
            return split(parts[0], parts[1], known(parts[2]));
        }
        if let Some((a, b)) = main.split_once(sep) {
            let (a, b) = (a.trim(), b.trim());
            if looks_like_title(a) && !looks_like_title(b) && !places::mentions_place(b) {
                return split(a, b, None);
            }
            if looks_like_title(b) && !looks_like_title(a) && !places::mentions_place(a) {
                return split(b, a, None);
            }
        }
    }
    PageTitle {
        title: looks_like_title(main).then(|| main.to_string()),
        company: None,
        place: None,
    }
}

/// The role a sentence names: "we're looking for a Backend Engineer to…", "As a Backend
/// Engineer on the … team", "Wir suchen einen Java-Entwickler", "招聘全栈实习生".
pub fn title_from_text(text: &str) -> Option<String> {
    let v = vocab();
    let scan = crate::parse::scan::Scan::new(text);
    let mut best: Option<(usize, String)> = None;
    // The patterns that may match, found in one pass; each is confirmed by its own pattern.
    for i in v.hiring_set.matching(scan.text()) {
        let (re, noun_first) = &v.hiring[i];
        for c in re.captures_iter(scan.text()).take(3) {
            let Some(m) = c.name("t") else { continue };
            // "负责城市招商": the hiring word is the start of a word of its own ("招商",
            // investment promotion).
            if splits_word(scan.text(), m.start()) {
                continue;
            }
            let phrase = scan.original(m.range());
            let Some(t) = role_phrase(phrase, *noun_first) else {
                continue;
            };
            // "an Engineering Manager and a Senior Product Designer": several roles, no one
            // title.
            if second_role(phrase, &t, *noun_first).is_some() {
                return None;
            }
            if best.as_ref().is_none_or(|b| m.start() < b.0) {
                best = Some((m.start(), t));
            }
        }
    }
    best.map(|b| b.1)
}

/// The role a phrase names right after `first` ("an Engineering Manager and a Senior Product
/// Designer", "one product manager and one software engineer").
fn second_role(phrase: &str, first: &str, noun_first: bool) -> Option<String> {
    let after = phrase
        .find(first)
        .map_or("", |i| &phrase[i + first.len()..]);
    let after = after.trim_start().trim_start_matches(',').trim_start();
    let rest = [
        "and ", "or ", "& ", "et ", "und ", "y ", "e ", "och ", "en ",
    ]
    .iter()
    .find_map(|c| after.strip_prefix(c))?;
    let rest = ["a ", "an ", "one ", "un ", "une ", "einen ", "eine "]
        .iter()
        .find_map(|a| rest.strip_prefix(a))
        .unwrap_or(rest);
    role_phrase(rest, noun_first).filter(|r| rest.starts_with(r.as_str()))
}

/// The two roles a sentence names together ("We're hiring one product manager and one
/// software engineer", `[roles] hiring_pairs`): each a short phrase ending with a role noun.
pub fn roles_from_text(text: &str) -> Option<[String; 2]> {
    vocab().hiring_pairs.iter().find_map(|re| {
        let c = re.captures(text)?;
        Some([
            ends_with_role(c.name("a")?.as_str())?,
            ends_with_role(c.name("b")?.as_str())?,
        ])
    })
}

/// A phrase a sentence names as a role: it ends with a role noun and reads as a title.
pub fn ends_with_role(s: &str) -> Option<String> {
    let last = s.split_whitespace().last().unwrap_or("");
    (vocab().roles.whole(last).is_some() && looks_like_title(s)).then(|| s.to_string())
}

/// The role a sentence names in passing beside the post's own ("We're also hiring an applied AI
/// engineer!", `[roles] also_hiring`): a short phrase ending with a role noun.
pub fn also_hiring(text: &str) -> Option<String> {
    vocab()
        .also_hiring
        .iter()
        .find_map(|re| ends_with_role(re.captures(text)?.name("a")?.as_str().trim()))
}

/// Words that end a role phrase after its noun.
fn is_stop_word(w: &str) -> bool {
    matches!(
        w.to_lowercase()
            .trim_matches(|c: char| !c.is_alphanumeric()),
        "à" | "a"
            | "au"
            | "aux"
            | "en"
            | "pour"
            | "dans"
            | "chez"
            | "sur"
            | "avec"
            | "de"
            | "des"
            | "du"
            | "in"
            | "to"
            | "who"
            | "that"
            | "with"
            | "for"
            | "on"
            | "at"
            | "and"
            | "or"
            | "based"
            | "para"
            | "com"
            | "per"
            | "con"
            | "que"
            | "qui"
            | "um"
            | "uma"
            | "zu"
            | "für"
            | "der"
            | "die"
            | "das"
            | "mit"
            | "im"
            | "bei"
            | "och"
            | "i"
            | "på"
            | "hos"
            | "we"
            | "em"
            | "di"
            | "presso"
            | "bij"
            | "op"
            | "till"
            | "som"
            | "met"
            | "voor"
            | "dat"
            | "na"
            | "do"
            | "w"
            | "z"
            | "v"
            | "ve"
            | "pro"
            | "který"
            | "която"
            | "join"
            | "help"
            | "will"
            | "you"
            | "your"
            | "our"
            | "of"
            | "including"
            | "like"
            | "such"
            | "as"
            | "from"
            | "by"
            | "if"
            | "all"
            | "the"
            | "an"
            | "who's"
            | "whose"
            // What the role should be, after it: "un Développeur Full Stack Senior capable de…".
            | "capable"
            | "capables"
            | "able"
            | "motivé"
            | "motivée"
            | "motivés"
            | "passionné"
            | "passionnée"
            | "motivated"
            | "passionate"
            | "eager"
    )
}

/// The title inside a phrase that starts at (or just before) a role: up to the role noun, from
/// the capitalized words before it; in languages where the noun comes first ("développeur web
/// back"), the few words after it.
fn role_phrase(phrase: &str, noun_first_language: bool) -> Option<String> {
    let v = vocab();
    let phrase = phrase.trim();
    let f = fold(phrase);
    let (ns, ne, _) = v.roles.find(&f).find(|(s, _, _)| *s <= 80)?;
    let before = &phrase[..ns];
    let noun = &phrase[ns..ne];
    let after = &phrase[ne..];
    // Capitalized words right before the noun ("passionate Senior Backend Engineer").
    let words: Vec<&str> = before.split_whitespace().collect();
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1];
        if w.contains(['(', ')', '[', ']']) {
            break;
        }
        let capital = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let level = matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .as_str(),
            "senior" | "junior" | "sr" | "jr" | "lead" | "principal" | "staff" | "mid" | "head"
        );
        // German adjectives before a capitalized noun ("wissenschaftliche*r Mitarbeiter*in").
        let gendered = w.contains(['*', ':']) && w.chars().next().is_some_and(char::is_lowercase);
        if capital
            || level
            || gendered
            || w.chars().any(super::super::vocab::unspaced)
            || w.ends_with(['-', '/'])
        {
            start -= 1;
        } else {
            break;
        }
    }
    // Unspaced scripts: the whole text before the noun belongs to it ("全栈实习生").
    let unspaced = noun.chars().any(super::super::vocab::unspaced);
    let head = if unspaced {
        before.trim_start()
    } else if start < words.len() {
        let first = words[start];
        &before[before.rfind(first).unwrap_or(0)..]
    } else {
        ""
    };
    let mut title = format!("{head}{noun}");
    // Gender and variant marks glued to the noun ("Entwickler*in", "développeur⋅se").
    let mut rest = after;
    let glued: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '.' | ';' | ':' | '!' | '?'))
        .collect();
    // Thai vowel and tone marks sit on a letter: they take no room of their own
    // ("วิศวกร" + "ซอฟต์แวร์" is seven letters glued on).
    let thai_mark = |c: char| matches!(c as u32, 0x0e31 | 0x0e34..=0x0e3a | 0x0e47..=0x0e4e);
    let letters = glued.chars().filter(|&c| !thai_mark(c)).count();
    if !glued.is_empty() && letters <= 8 && !glued.starts_with('(') {
        title.push_str(&glued);
        rest = &rest[glued.len()..];
    }
    // A role noun right after the one found names the role with it ("Nix DevOps Engineers",
    // "devops engineers": "DevOps" is a role's name too).
    for _ in 0..2 {
        let Some(w) = rest.split_whitespace().next() else {
            break;
        };
        let clean = w.trim_end_matches([',', '.', ';', ':', '!', '?']);
        if clean.is_empty() || v.roles.whole(clean).is_none() {
            break;
        }
        title.push(' ');
        title.push_str(clean);
        let at = rest.find(w).unwrap_or(0) + w.len();
        rest = &rest[at..];
        if clean.len() != w.len() {
            break;
        }
    }
    let noun_first = noun_first_language && head.trim().is_empty() && !unspaced;
    let mut taken = 0;
    for w in rest.split_whitespace() {
        // "(Backend)", "II": the role's own qualifiers.
        let paren = w.starts_with('(') && title.matches('(').count() == title.matches(')').count();
        let roman = matches!(w, "I" | "II" | "III" | "IV" | "V");
        // A level written after the noun, with its gender mark ("Engineer confirmé(e)",
        // "développeur senior").
        let bare = w.trim_end_matches([',', '.', ';', ':', '!', '?']);
        let level = taken == 0 && v.seniority.whole(without_gender_mark(bare)).is_some();
        let in_paren = title.matches('(').count() > title.matches(')').count();
        if in_paren || paren || roman || level || (noun_first && taken < 5 && !is_stop_word(w)) {
            let clean = w.trim_end_matches([',', '.', ';', ':', '!', '?']);
            title.push(' ');
            title.push_str(clean);
            taken += 1;
            if clean.len() != w.len() {
                break;
            }
            if title.chars().count() > 80 {
                break;
            }
            continue;
        }
        break;
    }
    let title = title
        .trim()
        .trim_end_matches([',', '.', ';', ':'])
        .to_string();
    // A lone generic noun ("developers", "engineers") is not a title; in languages that write
    // qualifiers first, a title starts with a capital or a level ("senior Rails engineer").
    let words = title.split_whitespace().count();
    let first = title.chars().next().unwrap_or(' ');
    let named = unspaced
        || first.is_uppercase()
        || noun_first
        || noun.chars().next().is_some_and(char::is_uppercase)
        || v.seniority
            .whole(title.split_whitespace().next().unwrap_or(""))
            .is_some();
    (looks_like_title(&title) && named && (words >= 2 || first.is_uppercase() || unspaced))
        .then_some(title)
}

/// "Account Executive - Italy" where the posting's location is Italy, "Python Developer,
/// Warsaw", "C++ разработчик, Antilatency" where Antilatency is the employer: a place said
/// elsewhere, a known place after a comma, or the employer's name after the title comes off
/// (a structured title keeps any other piece: "Content Reviewer - United States" is how its
/// board names the job).
fn drop_tail_said_elsewhere(
    u: &mut Unwrapped,
    doc: &super::super::doc::Doc,
    is_employer: IsEmployer<'_>,
) {
    drop_glued(u, doc, is_employer);
    // A separator inside brackets is no tail's ("Software Engineers (scala, node.js)",
    // "Guardia ($600.000 - $650.000) | Prosegur").
    let open_bracket = |head: &str| head.matches('(').count() > head.matches(')').count();
    // The pieces after each separator, the last first ("… Innere Medizin - Rheumatologie |
    // Cottbus": the place, before "Rheumatologie | Cottbus"); the first one taken goes.
    // A comma is tried only when no dash or bar is there, a hyphen without spaces last.
    let last_of = |seps: &[&'static str]| {
        let mut cuts: Vec<(&str, usize)> = seps
            .iter()
            .filter_map(|&sep| u.title.rfind(sep).map(|i| (sep, i)))
            .filter(|&(_, i)| !open_bracket(&u.title[..i]))
            .collect();
        cuts.sort_by_key(|&(_, i)| std::cmp::Reverse(i));
        cuts
    };
    let mut cuts = last_of(&[" - ", " – ", " — ", " | "]);
    if cuts.is_empty() {
        cuts = last_of(&[", "]);
    }
    if cuts.is_empty() {
        cuts = last_of(&["-"]);
    }
    for (sep, i) in cuts {
        let (head, tail) = (
            u.title[..i].trim().to_string(),
            u.title[i + sep.len()..].trim().to_string(),
        );
        let tail_f = fold(&tail);
        // The head read without the pay in a bracket at its end ("Prevencionista ($900.000)").
        let head_read = match TRAILING_BRACKET.captures(&head) {
            Some(c) if is_pay(&c["in"]) => {
                head[..c.get(0).map_or(head.len(), |m| m.start())].trim()
            }
            _ => head.as_str(),
        };
        if tail_f.is_empty() || !looks_like_title(head_read) {
            continue;
        }
        if takes_tail(u, sep, &tail, &tail_f, doc, is_employer) {
            u.title = head;
            // Pay in a bracket before the tail: "Cajero/a ($290.000) | EASY Talca".
            drop_glued(u, doc, is_employer);
            // The piece before may be another ("Supervisor/a | Manpower | Santiago": the place,
            // then the employer).
            drop_tail_said_elsewhere(u, doc, is_employer);
            return;
        }
    }
}

/// What a structured title has glued to it with no separator a tail would need: pay in a
/// bracket at the end ("… (3800 pln)"), a place the posting's location fields say or the
/// employer's name in its last words ("Operarias/os Polifuncionales Pudahuel", "Ejecutivos de
/// Venta en Terreno Osorno-Los Ángeles", "Sprzedawca/Magazynier JYSK Poznań Komorniki": a tail
/// whose first word is one), or a place before a slash ("LOS VILOS/ASISTENTE DE ATENCIÓN").
fn drop_glued(u: &mut Unwrapped, doc: &super::super::doc::Doc, is_employer: IsEmployer<'_>) {
    if let Some(c) = TRAILING_BRACKET.captures(&u.title)
        && is_pay(&c["in"])
        && let Some(m) = c.get(0)
        && m.start() > 0
    {
        u.pay.get_or_insert_with(|| c["in"].to_string());
        u.title.truncate(m.start());
    }
    // The original title's look is kept: a title that reads as one stays one.
    let reads = looks_like_title(&u.title);
    let still = |t: &str| !t.trim().is_empty() && (looks_like_title(t) || !reads);
    if let Some((head, rest)) = u.title.split_once('/') {
        let (head, rest) = (head.trim().to_string(), rest.trim().to_string());
        if head.chars().count() >= 3 && said_elsewhere(doc, &fold(&head)) && still(&rest) {
            u.place.get_or_insert(head);
            u.title = rest;
            return;
        }
    }
    let words: Vec<String> = u.title.split_whitespace().map(str::to_string).collect();
    for k in (1..=3.min(words.len().saturating_sub(1))).rev() {
        let tail = words[words.len() - k..].join(" ");
        let head = words[..words.len() - k].join(" ");
        let first = words[words.len() - k]
            .split(['-', '/'])
            .next()
            .unwrap_or("");
        let first_f = fold(first);
        // A separator before the tail makes it a tail of its own, weighed as one.
        let parted = head.ends_with(['-', '–', '—', '|', ',', ':']);
        // A tail inside a bracket the head opens is part of what the bracket says ("(1 Year
        // Citi Contract-Renewable)"), no tail of the title.
        let bracketed =
            head.matches(['(', '（', '[']).count() > head.matches([')', '）', ']']).count();
        // A tail inside a piece a dash sets apart was weighed whole as that piece ("Assistant
        // Sales Manager - Upper Egypt": not "Egypt" alone). After a bar, a place's word may
        // lead it ("… | Raum Greifswald").
        let in_piece = [" - ", " – ", " — "].iter().any(|s| head.contains(s));
        if first.chars().count() < 3 || parted || bracketed || in_piece || !still(&head) {
            continue;
        }
        if said_elsewhere(doc, &first_f) {
            u.place.get_or_insert(tail);
        } else if is_employer(&first_f) {
            u.company.get_or_insert(tail);
        } else {
            continue;
        }
        // The word that led to it goes too ("IT-rekryterare till Zacco", "Engineer at Acme").
        let head = match head.rsplit_once(' ') {
            Some((h, w)) if is_stop_word(w) && still(h) => h.to_string(),
            _ => head,
        };
        u.title = head;
        // What is left may end with the other ("… JYSK" once "Poznań Komorniki" is off).
        return drop_glued(u, doc, is_employer);
    }
}

/// Whether a structured title's tail (after `sep`; `tail_f` folded) is no part of the role, what
/// it says going into `u`: the employer's name, a known place after a comma, only the mode, a
/// contract or a word hiding the employer ("…-Remote", "… - Independent Contractor",
/// "…-Confidential"), after a pipe a place or a mode too ("… | Richmond, VA (Remote until
/// 2021)"), or a place the posting's location fields say.
fn takes_tail(
    u: &mut Unwrapped,
    sep: &str,
    tail: &str,
    tail_f: &str,
    doc: &super::super::doc::Doc,
    is_employer: IsEmployer<'_>,
) -> bool {
    let v = vocab();
    let slot = if is_employer(tail_f) {
        &mut u.company
    } else if sep == ", " && places::place_kind(tail).is_some() {
        &mut u.place
    } else if v.work_mode.whole(tail).is_some() {
        &mut u.mode
    } else if contract_word(tail) {
        &mut u.kind
    } else if sep == " | "
        && let Some(rest) = after_employer_name(doc, tail)
    {
        // "Prevencionista de Riesgos | SGS Chile Talca" beside the employer "SGS Chile": the
        // employer and its place.
        if places::is_place_name(rest) {
            u.place.get_or_insert_with(|| rest.to_string());
        }
        return true;
    } else if v.company_placeholders.contains(tail_f)
        || (sep == " | " && classified(u, tail, is_employer))
    {
        return true;
    } else if said_elsewhere(doc, tail_f) {
        &mut u.place
    } else if sep != ", "
        && sep != "-"
        && let Some((pay, place)) = pay_first(tail)
    {
        // "Software Engineer – $95-$250K in Turkey, Netherlands", "… – $200K-$270K and equity".
        u.pay.get_or_insert_with(|| pay.to_string());
        if let Some(p) = place.filter(|p| places::mentions_place(p)) {
            u.place.get_or_insert_with(|| p.to_string());
        }
        return true;
    } else {
        return false;
    };
    slot.get_or_insert_with(|| tail.to_string());
    true
}

/// What follows a title's tail's first word when that word is the first word of an employer
/// the posting names elsewhere (and no short word: "SGS Chile Talca" beside "SGS Chile"): the
/// tail names the employer, and maybe its place after its name.
fn after_employer_name<'t>(doc: &super::super::doc::Doc, tail: &'t str) -> Option<&'t str> {
    let first = tail.split_whitespace().next()?;
    let first_f = fold(first);
    if first_f.chars().count() < 3 || looks_like_title(tail) {
        return None;
    }
    let named = doc.texts(Key::Company).find_map(|(c, _)| {
        let c_f = fold(c);
        (c_f.split_whitespace().next() == Some(first_f.as_str())).then_some(c_f)
    })?;
    // The employer's words it repeats come off; what stays may be a place.
    let mut rest = tail;
    for w in named.split_whitespace() {
        match rest.split_once(char::is_whitespace) {
            Some((head, r)) if fold(head) == w => rest = r.trim_start(),
            None if fold(rest) == w => rest = "",
            _ => break,
        }
    }
    Some(rest.trim())
}

/// A tail that starts with the pay ("$95-$250K in Turkey, Netherlands", "$200K-$270K and
/// 0.5-1.0% equity"): the pay, and the places after " in ".
fn pay_first(tail: &str) -> Option<(&str, Option<&str>)> {
    let (head, place) = match tail.split_once(" in ") {
        Some((h, p)) => (h, Some(p.trim())),
        None => (tail, None),
    };
    let pay = head.split(" and ").next().unwrap_or(head).trim();
    let starts = pay.chars().next().is_some_and(|c| {
        let symbol = c.to_string();
        c.is_ascii_digit()
            || vocab().currency(&symbol).is_some()
            || vocab().symbol_currency(&symbol, None).is_some()
    });
    (starts && is_pay(pay)).then_some((pay, place))
}

/// Whether a posting's location fields name a place (folded) as one of their parts.
fn said_elsewhere(doc: &super::super::doc::Doc, place_f: &str) -> bool {
    // "GUARULHOS - SP", "JALES /SP": a city and its state, set apart by a dash or a slash.
    let parts = |l: &str| -> Vec<String> {
        l.split([',', ';', '/'])
            .flat_map(|p| p.split(" - "))
            .map(|p| fold(p).trim().to_string())
            .collect()
    };
    // A tail that names the city before its state ("JALES /SP") is said by a location that
    // starts with that city.
    let tail_first = parts(place_f).into_iter().next().unwrap_or_default();
    doc.texts(Key::Location)
        .chain(doc.texts(Key::Country))
        .any(|(l, _)| {
            let parts = parts(l);
            fold(l) == place_f
                || parts.iter().any(|p| *p == place_f)
                || (tail_first.chars().count() > 3 && parts.first() == Some(&tail_first))
        })
}

/// Whether a piece cut off a title says a fact ([`classify_piece`]); when it does, the fact goes
/// into `u`, else `u` stays as it was.
fn classified(u: &mut Unwrapped, piece: &str, is_employer: IsEmployer<'_>) -> bool {
    let mut trial = u.clone();
    let says = classify_piece(&mut trial, piece, is_employer);
    if says {
        *u = trial;
    }
    says
}

/// Whether a phrase numbers two items or more ("1) Analyst, 2) Architect").
fn enumerates(t: &str) -> bool {
    static ITEM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[\s,;:(-])\d{1,2}[).]\s+\S").expect("valid regex"));
    ITEM.find_iter(t).count() >= 2
}

/// A title candidate: the title out of its wrapper, and where it was read.
type TitleCand = Cand<(Unwrapped, Origin)>;

/// Resolves the title, and records what its wrapper said as derived facts.
pub fn resolve(ctx: &mut Ctx<'_>) -> Option<(String, FieldSource)> {
    // Names the posting gives its employer: a piece of the title equal to one is the company.
    // The one its sentences name is looked for only when a title has a piece to compare (the
    // search reads the whole text).
    // Each also as the company field shows it, without a note in brackets ("The Progress
    // Factory (Centre de formation)", "Devoteam France (ESN)").
    let named: Vec<String> = ctx
        .doc
        .texts(Key::Company)
        .flat_map(|(c, _)| {
            std::iter::once(fold(c)).chain(super::company::clean_company(c).map(|n| fold(&n)))
        })
        .collect();
    let shared: &Ctx<'_> = ctx;
    let is_employer = |piece: &str| {
        named.iter().any(|c| c == piece)
            // The sentences' employer is a piece of the text: a piece the text does not hold
            // cannot be it.
            || (shared.full_folded().contains(piece)
                && shared.company_in_text().is_some_and(|c| fold(c) == piece))
    };
    let mut roleless = Vec::new();
    let mut cands = title_cands(ctx, &is_employer, &mut roleless);
    cands.extend(subject_cands(ctx, &is_employer));
    if cands.is_empty()
        && ctx.doc.format != crate::posting::Format::Hn
        && let Some((u, marked)) = heading_title(ctx, &is_employer)
    {
        // A heading the page marks up is nearly a header; a short line at the top of a plain
        // text is less sure than a sentence that names the role.
        let strength = if marked {
            Origin::Header.strength() - 20
        } else {
            TEXT + 5
        };
        cands.push(Cand::new(
            (u, Origin::Header),
            strength,
            FieldSource::Header,
        ));
    }
    if cands.is_empty()
        && ctx.doc.format == crate::posting::Format::Hn
        && let Some(u) = role_line(ctx, &is_employer)
    {
        // Below a sentence that names the role (TEXT + 10).
        cands.push(Cand::new((u, Origin::Page), TEXT + 5, FieldSource::Text));
    }
    if let Some((t, strength)) = sentence_title(ctx, &cands) {
        let u = Unwrapped {
            title: t,
            ..Unwrapped::default()
        };
        cands.push(Cand::new((u, Origin::Page), strength, FieldSource::Text));
    }
    // A headline naming its employer and no role still names the employer.
    for (u, origin) in &roleless {
        record_wrapper(ctx, u, *origin);
    }
    // Compare titles, not wrappers.
    let titles: Vec<Cand<String>> = cands
        .iter()
        .map(|c| Cand::new(c.value.0.title.clone(), c.strength, c.source))
        .collect();
    let (title, source) = pick(Field::Title, titles, TEXT, &mut ctx.notes)?;
    if let Some(c) = cands.iter().find(|c| c.value.0.title == title) {
        record_wrapper(ctx, &c.value.0, c.value.1);
    }
    Some((undeclined(&title), source))
}

/// A title with its role nouns as a title names them: "ищем Backend-разработчика на Go" gives
/// the role declined after its verb, and the job is a "Backend-разработчик на Go"
/// (`[roles] cases`); an adjective right before such a noun goes back with it ("старшего
/// разработчика" → "старший разработчик", `[roles] adjective_cases`), and in a language that
/// puts them after it one right after ("pracownika administracyjno-biurowego" → "pracownik
/// administracyjno-biurowy"). Each part of a hyphenated word is looked at ("мийника-прибиральника"),
/// and a capital stays.
pub fn undeclined(title: &str) -> String {
    let map = &vocab().role_nominative;
    if map.is_empty() {
        return title.to_string();
    }
    // Each word as its letters and what ends it ("бухгалтера;").
    let mut words: Vec<(String, &str)> = title
        .split(' ')
        .map(|w| {
            let end = w
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_alphabetic())
                .map_or(0, |(i, c)| i + c.len_utf8());
            (w[..end].to_string(), &w[end..])
        })
        .collect();
    // A role noun as a title names it before the first declined one heads the title, and
    // what follows it is its complement ("Ассистент руководителя направления": the assistant
    // of a head): nothing goes back.
    let nominatives = &vocab().declinable_roles;
    let is_declined = |core: &str| core.split('-').any(|p| map.contains_key(&p.to_lowercase()));
    if let Some(first) = words.iter().position(|(core, _)| is_declined(core))
        && words[..first].iter().any(|(core, _)| {
            core.split('-')
                .any(|p| nominatives.contains(&p.to_lowercase()))
        })
    {
        return title.to_string();
    }
    let mut declined: Vec<Option<&Declined>> = vec![None; words.len()];
    for (i, (core, _)) in words.iter_mut().enumerate() {
        let mut parts: Vec<String> = Vec::new();
        for p in core.split('-') {
            match map.get(&p.to_lowercase()) {
                Some(d) => {
                    parts.push(in_case_of(p, &d.noun));
                    declined[i] = Some(d);
                }
                None => parts.push(p.to_string()),
            }
        }
        *core = parts.join("-");
    }
    for i in 0..words.len() {
        if declined[i].is_some() {
            continue;
        }
        let after = i
            .checked_sub(1)
            .and_then(|j| declined[j])
            .filter(|d| d.adjectives_after);
        let Some(d) = declined.get(i + 1).copied().flatten().or(after) else {
            continue;
        };
        let core = &words[i].0;
        let lower = core.to_lowercase();
        // The longest declined ending that fits ("iego" before "ego").
        if let Some((nom, dec)) = d
            .adjectives
            .iter()
            .filter(|(_, dec)| lower.ends_with(dec.as_str()) && lower.len() > dec.len() + 2)
            .max_by_key(|(_, dec)| dec.len())
        {
            let stem = &lower[..lower.len() - dec.len()];
            words[i].0 = in_case_of(core, &format!("{stem}{nom}"));
        }
    }
    words
        .iter()
        .map(|(core, tail)| format!("{core}{tail}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `word` (lower case) in the case of `like`, letter by letter; letters beyond `like`'s end
/// take the case of its last one.
fn in_case_of(like: &str, word: &str) -> String {
    let last_upper = like.chars().last().is_some_and(char::is_uppercase);
    let mut cases = like.chars().map(char::is_uppercase);
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if cases.next().unwrap_or(last_upper) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The titles the posting states, each out of its wrapper (structured ones only out of
/// wrapper phrases), kept when they read as a title.
/// The title fields' candidates; a field that was a headline naming its employer and no role
/// ("Acme (YC S19) Is Hiring") goes to `roleless`.
fn title_cands(
    ctx: &Ctx<'_>,
    is_employer: IsEmployer<'_>,
    roleless: &mut Vec<(Unwrapped, Origin)>,
) -> Vec<TitleCand> {
    let mut cands = Vec::new();
    // A front matter's title is a page's title ("Stellenausschreibung …", "… - Praha"); an
    // API's is the employer's.
    let page_record = ctx.doc.format == crate::posting::Format::Markdown;
    for (t, origin) in ctx.doc.texts(Key::Title) {
        let structured = matches!(origin, Origin::JsonLd | Origin::Record | Origin::Label);
        let depth = if structured && !(page_record && origin == Origin::Record) {
            Depth::Wrappers
        } else {
            Depth::Full
        };
        let mut u = unwrap(t, depth, is_employer);
        // A page's title names its employer after "at" as a subject line does ("Process
        // Engineer II at Geltor").
        if page_record
            && origin == Origin::Record
            && u.company.is_none()
            && (t.contains(" at ") || t.contains(" @ "))
            && let PageTitle {
                title: Some(role),
                company: Some(company),
                ..
            } = split_page_title(t.trim())
        {
            let mut v = unwrap(&role, depth, is_employer);
            // "… at the Texas Tribune": the article is the sentence's.
            let company = company.strip_prefix("the ").unwrap_or(&company).to_string();
            if looks_like_title(&v.title) && company.split_whitespace().count() <= 5 {
                v.company = Some(company);
                u = v;
            }
        }
        if u.title.is_empty() && u.company.is_some() {
            roleless.push((u, origin));
            continue;
        }
        if depth == Depth::Wrappers {
            drop_tail_said_elsewhere(&mut u, ctx.doc, is_employer);
            // Words that say the role is sought, last once the place after them is gone
            // ("… sökes till uppdrag i Göteborg").
            strip_suffixes(&mut u.title);
        }
        // "Reqs.- 1) Functional Analyst, 2) JAVA Architect and 3) JAVA Developer": a list of
        // roles, no one title; "HN Hiring (Ask HN: Who is hiring? …)": the page's.
        if enumerates(&u.title) || vocab().page_titles.is_match(&u.title) {
            continue;
        }
        let ok = if depth == Depth::Wrappers || origin == Origin::Record {
            !u.title.is_empty()
                && !never_a_title(&u.title)
                && u.title.chars().count() <= 160
                && u.title.chars().any(char::is_alphabetic)
        } else {
            looks_like_title(&u.title) && !has_sentence_break(&u.title)
        };
        if ok {
            cands.push(Cand::of((u, origin), origin, 0));
        }
    }
    cands
}

/// The first heading of the page's opening that names a role, when the page's own title names
/// none ("# Careers at Acme" and then "## Solution Engineer"): the headings before the first
/// section ("Requirements") and among the first blocks.
fn heading_title(ctx: &Ctx<'_>, is_employer: IsEmployer<'_>) -> Option<(Unwrapped, bool)> {
    // Headings the page marks up; a plain text's short lines only at its top (further down
    // they may be anything: a signature's "Peter | Technical Recruiter").
    let plain = ctx.doc.format == crate::posting::Format::Text;
    // A social network's post pasted whole opens with its author's headline, which is the
    // author's job, not the post's.
    if plain && super::super::readers::text::social_post(&ctx.doc.blocks) {
        return None;
    }
    for (i, b) in ctx.doc.blocks.iter().enumerate().take(12) {
        // A plain text's short line at its top that names a role is its title, whatever its
        // case ("Salarisadministrateur/ HR medewerker" under the employer's logo line).
        let top_line = plain
            && i < 4
            && b.kind == BlockKind::Paragraph
            && b.text.split_whitespace().count() <= 8
            && !b
                .text
                .trim_end()
                .ends_with(['.', '!', '?', ':', ',', ';', '。'])
            && super::super::readers::label_line(&b.text).is_none()
            && names_a_role(&b.text);
        if !top_line && (b.kind != BlockKind::Heading || (b.level == 0 && i >= 4)) {
            continue;
        }
        if super::super::blocks::is_known_heading(unnumbered(&b.text)) {
            return None;
        }
        if let Some(h) = role_heading(&b.text) {
            let u = unwrap(&h, Depth::Full, is_employer);
            if looks_like_title(&u.title) && !has_sentence_break(&u.title) && !enumerates(&u.title)
            {
                return Some((u, b.level > 0));
            }
        }
    }
    None
}

/// The role a Hacker News post whose header names none gives a line of its own near the top:
/// the line is the role's name ("Electrical / Power Systems Engineer"), or opens with it before
/// what it says of it ("Web Engineer — We're looking for someone who loves…"). A short phrase
/// that names a role and is no sentence (one that says "we're looking for a …" is the
/// sentence's to name).
fn role_line(ctx: &Ctx<'_>, is_employer: IsEmployer<'_>) -> Option<Unwrapped> {
    use super::super::split::{bare_role, entry_text, role_head};
    // "FutureAdvisor is an automated investment manager": a sentence about the company.
    let says = |t: &str| vocab().says(t);
    let phrase = |t: &str| -> Option<Unwrapped> {
        let u = unwrap(t, Depth::Full, is_employer);
        let words = u.title.split_whitespace().count();
        // "H1B, Intern", "Full Time, INTERNS, VISA": terms, not a role named first.
        let first = u.title.split(", ").next().unwrap_or("");
        (t.chars().count() <= 80
            && u.title.chars().count() <= 60
            && (1..=6).contains(&words)
            && !says(t)
            && u.title.matches('(').count() == u.title.matches(')').count()
            && super::super::readers::label_line(t).is_none()
            && names_a_role(first)
            && u.title
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && names_a_role(&u.title)
            && !has_sentence_break(t)
            && !enumerates(&u.title)
            && title_from_text(t).is_none())
        .then_some(u)
    };
    ctx.doc
        .blocks
        .iter()
        .take(3)
        .filter(|b| b.kind != BlockKind::Item)
        .find_map(|b| {
            let t = entry_text(&b.text);
            // "Who: K2 and Associates": a label's line, not a role's.
            if bare_role(&t) == Some(true)
                && !t.contains([':', '：'])
                && let Some(u) = phrase(&t)
            {
                return Some(u);
            }
            // The role's name before a dash or a colon and what it says of the role.
            role_head(&t)
                .or_else(|| {
                    [" - ", " – ", " — ", ": "]
                        .iter()
                        .filter_map(|sep| t.split_once(sep))
                        .min_by_key(|(head, _)| head.len())
                        .map(|(head, _)| head.trim().to_string())
                })
                .and_then(|h| phrase(&h))
        })
}

/// The titles of subject lines ("Senior Engineer at Acme"), with the company they name.
fn subject_cands(ctx: &Ctx<'_>, is_employer: IsEmployer<'_>) -> Vec<TitleCand> {
    let mut cands = Vec::new();
    for (s, origin) in ctx.doc.texts(Key::Subject) {
        let page = split_title_company(s);
        if let Some(t) = page.title {
            let mut u = unwrap(&t, Depth::Full, is_employer);
            if u.company.is_none() {
                u.company = page.company;
            }
            if u.place.is_none() {
                u.place = page.place;
            }
            if looks_like_title(&u.title) && !enumerates(&u.title) {
                cands.push(Cand::of((u, origin), origin, 5));
            }
        }
    }
    cands
}

/// The role a sentence of the first paragraphs names, with its strength: at most TEXT + 10, so
/// beside a candidate stronger than that by more than `pick` notes (25) it can change nothing,
/// and the whole text is not searched.
fn sentence_title(ctx: &Ctx<'_>, cands: &[TitleCand]) -> Option<(String, i32)> {
    let strongest = cands.iter().map(|c| c.strength).max().unwrap_or(0);
    if strongest > TEXT + 10 + 25 {
        return None;
    }
    let head: String = ctx
        .doc
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .take(6)
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    title_from_text(&head)
        .map(|t| (t, TEXT + 10))
        .or_else(|| title_from_text(&ctx.full).map(|t| (t, TEXT)))
}

/// Records what the chosen title's wrapper said (company, place, mode, pay, kind) as derived
/// facts.
fn record_wrapper(ctx: &mut Ctx<'_>, u: &Unwrapped, origin: Origin) {
    for (key, v) in [
        (Key::Company, &u.company),
        (Key::Location, &u.place),
        (Key::WorkMode, &u.mode),
        (Key::Salary, &u.pay),
        (Key::EmploymentType, &u.kind),
    ] {
        if let Some(v) = v {
            ctx.derived.push(Fact {
                key,
                value: Value::Text(v.clone()),
                origin,
            });
        }
    }
}

/// A title for a post that names no role (Hacker News): "Acme — hiring".
pub fn composed(ctx: &Ctx<'_>, company: Option<&str>) -> Option<String> {
    if let Some(c) = company {
        return Some(format!("{c} — hiring"));
    }
    // No company either: the post's first line of words (not a bare link), shortened.
    let first = ctx
        .doc
        .blocks
        .iter()
        .flat_map(|b| b.text.lines())
        .map(str::trim)
        .find(|t| {
            let words = t.split_whitespace().filter(|w| !w.contains("://"));
            words.flat_map(str::chars).any(char::is_alphabetic)
        })?;
    let short: String = first.chars().take(80).collect();
    (!short.is_empty()).then(|| {
        if first.chars().count() > 80 {
            format!("{}…", short.trim_end())
        } else {
            short
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn un(s: &str) -> Unwrapped {
        unwrap(s, Depth::Full, &no_employer)
    }

    #[test]
    fn a_french_internship_in_a_field_is_a_role() {
        assert!(names_a_role("Stage en Développement d'Applications"));
        assert!(names_a_role("Stage d'été en comptabilité"));
        // "Stage" alone is a contract, and an English "stage" no role.
        assert!(!names_a_role("Early stage startup"));
    }

    #[test]
    fn a_contract_beside_the_role_is_cut_off_wherever_the_place_stands() {
        for t in [
            "Développeur Drupal - CDI | Toulouse : <https://example.com/dev-drupal>",
            // What a page's text leaves of an autolink.
            "Développeur Drupal - CDI | Toulouse : <",
        ] {
            let u = un(t);
            assert_eq!(
                (u.title.as_str(), u.kind.as_deref(), u.place.as_deref()),
                ("Développeur Drupal", Some("CDI"), Some("Toulouse"))
            );
        }
        // An internship is a role as much as a contract: it stays.
        assert_eq!(
            un("Développeur Full Stack - Stage | Paris").title,
            "Développeur Full Stack - Stage"
        );
    }

    #[test]
    fn a_mode_word_that_is_none_alone_stays_at_a_titles_start() {
        let u = unwrap("Distributed Systems Engineer", Depth::Full, &no_employer);
        assert_eq!(
            (u.title.as_str(), u.mode),
            ("Distributed Systems Engineer", None)
        );
        let u = unwrap("Remote Systems Engineer", Depth::Full, &no_employer);
        assert_eq!(u.title, "Systems Engineer");
    }

    #[test]
    fn an_employer_before_a_colon_is_the_company() {
        let u = unwrap(
            "Boulder County Department of Housing and Human Services: Statistical Analyst",
            Depth::Full,
            &no_employer,
        );
        assert_eq!(u.title, "Statistical Analyst");
        assert_eq!(
            u.company.as_deref(),
            Some("Boulder County Department of Housing and Human Services")
        );
        let login = |p: &str| p == "login.gov";
        let u = unwrap("Login.gov: Fraud Analyst", Depth::Full, &login);
        assert_eq!(
            (u.title.as_str(), u.company.as_deref()),
            ("Fraud Analyst", Some("Login.gov"))
        );
        // A word before a colon that names no employer stays.
        let u = unwrap("Urgent: Night Nurse", Depth::Full, &no_employer);
        assert_eq!(u.company, None);
        // The employer after the word for "at", the article left out.
        let u = unwrap(
            "Ausbildung zum*r Spieleentwickler*in bei der InnoGames GmbH",
            Depth::Full,
            &no_employer,
        );
        assert_eq!(
            (u.title.as_str(), u.company.as_deref()),
            (
                "Ausbildung zum*r Spieleentwickler*in",
                Some("InnoGames GmbH")
            )
        );
        let u = unwrap("Night Nurse at Home", Depth::Full, &no_employer);
        assert_eq!(u.title, "Night Nurse at Home");
        // Letters whose lower case is longer ("İ") leave every offset where it was.
        let u = unwrap(
            "İŞ GÜVENLİĞİ UZMANI at İnci Holding",
            Depth::Full,
            &no_employer,
        );
        assert_eq!(u.title, "İŞ GÜVENLİĞİ UZMANI at İnci Holding");
    }

    #[test]
    fn an_llm_chat_message_s_role_is_no_title() {
        let text = "completion = client.create(\n  messages=[\n    {\n      \"role\": \"user\",\n      \"content\": \"Extract\"\n    }\n  ]\n)\nJob type\nFull-time\nWe are seeking an efficient Data Entry Operator to join our team.\n";
        let ps = crate::parse::parse_as(text, "prompt.py", crate::posting::Format::Text).unwrap();
        assert_eq!(ps[0].title.as_deref(), Some("Data Entry Operator"));
    }

    #[test]
    fn a_wrapper_s_word_alone_names_no_role() {
        for s in ["vacature", "Job", "Vacancy:"] {
            assert_eq!(un(s).title, "", "{s}");
        }
        assert_eq!(
            un("Job Description for Associate Lead, Software Development Engineer in Test (SDET)")
                .title,
            "Associate Lead, Software Development Engineer in Test (SDET)"
        );
        assert_eq!(un("Vacature: Elixir Developer").title, "Elixir Developer");
    }

    #[test]
    fn a_dutch_heading_as_the_role_at_its_employer() {
        let u = unwrap(
            "Als Dakkapel Monteur bij Ruiter:",
            Depth::Full,
            &no_employer,
        );
        assert_eq!(
            (u.title.as_str(), u.company.as_deref()),
            ("Dakkapel Monteur", Some("Ruiter"))
        );
    }

    #[test]
    fn a_headline_naming_its_employer_and_no_role() {
        for (raw, company) in [
            (
                "TaxProper (YC S19) Is Hiring (taxproper.notion.site)",
                "TaxProper",
            ),
            (
                "Svix, the Enterprise Ready Webhook Service (YC W21) Is Hiring (Remote)",
                "Svix",
            ),
            (
                "Devcycle (YC W14) – feature flags and remote config – is hiring (devcycle.com)",
                "Devcycle",
            ),
            (
                "Flexport is hiring smart people who want to work hard (flexport.com)",
                "Flexport",
            ),
            (
                "SigNoz (YC W21, open source Datadog) Is Hiring across roles",
                "SigNoz",
            ),
        ] {
            let u = unwrap(raw, Depth::Wrappers, &no_employer);
            assert_eq!(u.title, "", "{raw}");
            assert_eq!(u.company.as_deref(), Some(company), "{raw}");
        }
        let u = unwrap(
            "Svix (YC W21) Is Hiring (Remote)",
            Depth::Wrappers,
            &no_employer,
        );
        assert!(u.mode.is_some());
        let u = unwrap(
            "Ivy (YC W23) is hiring software engineers",
            Depth::Wrappers,
            &no_employer,
        );
        assert_eq!(
            (u.title.as_str(), u.company.as_deref()),
            ("software engineers", Some("Ivy"))
        );
        // A sentence before "is hiring" is no employer's name.
        let u = unwrap(
            "Tesorio raised a Series B and is hiring a Sr Front end Engineer",
            Depth::Wrappers,
            &no_employer,
        );
        assert_eq!(u.company, None);
    }

    #[test]
    fn no_question_code_or_placeholder_is_a_title_even_in_a_field() {
        for s in [
            "¿Buscas nuevos desafíos como desarrollador de software?",
            "Are you our next engineer?",
            "{ \"type\": \"offre\", \"sections\": { ... } }",
            "XX工程师",
            "XXX Developer",
            "\"system\", \"content\": \"You are a helpful assistant",
            "browser.get('http://selenium.dev/')",
            "package com.generation.opticvbeckend.controllers;",
            "import java.util.List;",
            "using System.Text;",
            "#include <stdio.h>",
            "from django.db import models",
            "export default function Barista() {",
            "export const jobs = [",
            "const offers = [",
            "async function load(url) {",
            "def render(job):",
            "\"Verkoop\", img: \"assets/vacature-img1.jpg\" }",
            "\"Ausbildung\", ancher: \"#AUS\", active: false, ref: ausRef }",
            "= #link(\"https://www.capgemini.com/fr-fr/jobs/204073/\")[Développeur Full Stack]",
            "MLOps Engineer Harnham content_1 =",
            "& Adventure Fellowship",
        ] {
            assert!(never_a_title(s), "{s}");
        }
        for s in [
            "Node.js Developer (React)",
            "XXL Sales Assistant",
            "{Data, Frontend} Engineer",
            "Senior Engineer",
            "Import Coordinator",
            "Import/Export Specialist",
            "Package Handler",
            "Export Manager",
            "Function Lead, Finance",
            "Constable",
            "Engineer, Platform: Berlin",
            "Developer (C#, Go): Remote",
            "Manager, Sales",
        ] {
            assert!(!never_a_title(s), "{s}");
        }
    }

    #[test]
    fn declined_role_nouns_are_named_as_a_title_names_them() {
        assert_eq!(
            undeclined("Backend-разработчика на Go"),
            "Backend-разработчик на Go"
        );
        assert_eq!(
            undeclined("фахівця з публічних закупівель;"),
            "фахівець з публічних закупівель;"
        );
        assert_eq!(undeclined("СЕКРЕТАРЯ"), "СЕКРЕТАР");
        assert_eq!(undeclined("Programistę Java"), "Programista Java");
        assert_eq!(undeclined("Specjalisty ds. kadr"), "Specjalista ds. kadr");
        // An adjective agrees with its noun: before it, and after it where the language puts it
        // there; an adjective of a noun of its own stays ("технического отдела").
        assert_eq!(undeclined("Старшего разработчика"), "Старший разработчик");
        assert_eq!(
            undeclined("pracownika administracyjno-biurowego"),
            "pracownik administracyjno-biurowy"
        );
        assert_eq!(
            undeclined("специалиста технического отдела"),
            "специалист технического отдела"
        );
        // A form that is a word of its own ("informatyka": computing) or another language's
        // noun ("analista") stays; so do nominatives and English.
        assert_eq!(undeclined("Informatyka"), "Informatyka");
        assert_eq!(undeclined("Analista de dados"), "Analista de dados");
        assert_eq!(undeclined("Аналитика данных"), "Аналитика данных");
        assert_eq!(undeclined("бухгалтер"), "бухгалтер");
        assert_eq!(undeclined("Senior Engineer"), "Senior Engineer");
        // A role noun as a title names it heads the title: a declined one after it is its
        // complement ("the assistant of a head").
        assert_eq!(
            undeclined("Ассистент руководителя направления"),
            "Ассистент руководителя направления"
        );
    }

    #[test]
    fn pictographs_decorate_and_set_pieces_apart() {
        let u = un("🚀 Vaga Desenvolvedor Java 👩🏻‍💻 📍 Remoto 🚀");
        assert_eq!(u.title, "Desenvolvedor Java");
        assert_eq!(u.mode.as_deref(), Some("Remoto"));
        assert_eq!(
            un("★ Lead Software Engineer").title,
            "Lead Software Engineer"
        );
        // A mode word that goes on into a phrase is part of it.
        assert!(
            un("Office of Solutions: FedRAMP Director")
                .title
                .starts_with("Office")
        );
        assert_eq!(un("Remote Senior Engineer").title, "Senior Engineer");
        assert_eq!(
            un("📱Senior Frontend Engineer (f/m/d)").title,
            "Senior Frontend Engineer (f/m/d)"
        );
        // Digits and signs are no pictographs.
        assert_eq!(un("C# Engineer #2").title, "C# Engineer #2");
    }

    #[test]
    fn a_comma_inside_brackets_keeps_its_tail() {
        let d = super::super::super::doc::Doc::new(crate::posting::Format::Text);
        let mut u = un("Software Engineers (scala, node.js)");
        drop_tail_said_elsewhere(&mut u, &d, &no_employer);
        assert_eq!(u.title, "Software Engineers (scala, node.js)");
    }

    #[test]
    fn a_dash_between_two_figures_is_a_range_not_a_separator() {
        assert_eq!(
            split_outside_brackets("Werbetechniker/In, 60 - 100%", " - "),
            ["Werbetechniker/In, 60 - 100%"]
        );
        assert_eq!(
            split_outside_brackets("Lead Engineer - 0.5 - 5.0%", " - "),
            ["Lead Engineer", "0.5 - 5.0%"]
        );
    }

    #[test]
    fn a_heading_loses_the_number_that_counts_it() {
        assert_eq!(
            unnumbered("2. DevOps & API Engineer"),
            "DevOps & API Engineer"
        );
        assert_eq!(
            unnumbered("1.Full Stack Developer (Web & Android)"),
            "Full Stack Developer (Web & Android)"
        );
        assert_eq!(
            unnumbered("2 Nu Colombia - Engineer"),
            "Nu Colombia - Engineer"
        );
        assert_eq!(
            unnumbered("3.5 years of experience"),
            "3.5 years of experience"
        );
        assert_eq!(unnumbered("10 years of Rust"), "10 years of Rust");
    }

    #[test]
    fn an_address_glued_to_a_structured_title_is_its_place() {
        let u = unwrap(
            "Principal Research Scientist (Richardson, TX, US, 75080)",
            Depth::Wrappers,
            &no_employer,
        );
        assert_eq!(u.title, "Principal Research Scientist");
        assert_eq!(u.place.as_deref(), Some("Richardson, TX, US"));
        // A place alone in the bracket is the title's, as its employer wrote it.
        let u = unwrap("Account Executive (India)", Depth::Wrappers, &no_employer);
        assert_eq!(u.title, "Account Executive (India)");
        // A figure that is no postal code.
        let u = unwrap("Engineer (Berlin, DE, 12)", Depth::Wrappers, &no_employer);
        assert_eq!(u.title, "Engineer (Berlin, DE, 12)");
    }

    #[test]
    fn places_pay_and_the_employer_glued_to_a_structured_title_come_off() {
        let mut d = super::super::super::doc::Doc::new(crate::posting::Format::Json);
        d.text(Key::Location, "Osorno, Chile", Origin::Record);
        d.text(Key::Location, "Los Vilos", Origin::Record);
        d.text(Key::Location, "Poznań", Origin::Record);
        let employer = |p: &str| p == "jysk" || p == "zacco";
        for (raw, want) in [
            (
                "Ejecutivos de Venta en Terreno Osorno-Los Ángeles",
                "Ejecutivos de Venta en Terreno",
            ),
            (
                "LOS VILOS/ASISTENTE DE ATENCIÓN AL CLIENTE",
                "ASISTENTE DE ATENCIÓN AL CLIENTE",
            ),
            (
                "Sprzedawca/Magazynier JYSK Poznań Komorniki (3800 pln)",
                "Sprzedawca/Magazynier",
            ),
            (
                "Nätverkande IT-rekryterare till Zacco",
                "Nätverkande IT-rekryterare",
            ),
            // A place that is none of the posting's stays; so does a separated tail.
            ("Software Engineer Berlin", "Software Engineer Berlin"),
            (
                "Senior Manager - Zacco Fleet",
                "Senior Manager - Zacco Fleet",
            ),
            // Inside a bracket the head opens, the employer's name is what the bracket says.
            (
                "Account Officer (1 Year Zacco Contract-Renewable)",
                "Account Officer (1 Year Zacco Contract-Renewable)",
            ),
        ] {
            let mut u = unwrap(raw, Depth::Wrappers, &employer);
            drop_glued(&mut u, &d, &employer);
            assert_eq!(u.title, want, "{raw}");
        }
        let mut u = unwrap("Sprzedawca (3800 pln)", Depth::Wrappers, &no_employer);
        drop_glued(&mut u, &d, &no_employer);
        assert_eq!(u.pay.as_deref(), Some("3800 pln"));
        // Tails one after another: the place, then the employer, then the pay before it.
        let mut u = unwrap(
            "Reponedor/a ($490.803 líquidos) | JYSK | Los Vilos",
            Depth::Wrappers,
            &employer,
        );
        drop_tail_said_elsewhere(&mut u, &d, &employer);
        assert_eq!(u.title, "Reponedor/a");
        assert_eq!(u.company.as_deref(), Some("JYSK"));
        assert_eq!(u.place.as_deref(), Some("Los Vilos"));
        assert_eq!(u.pay.as_deref(), Some("$490.803 líquidos"));
    }

    #[test]
    fn a_question_is_no_title() {
        assert!(!looks_like_title("Jste programátor?"));
        assert!(!looks_like_title(
            "{ \"type\": \"offre\", \"sections\": { ... } }"
        ));
        assert!(!looks_like_title("{{ job.title }}"));
        assert!(looks_like_title("{Data, Frontend, Backend} Engineer"));
        assert!(!looks_like_title("Are you our next Backend Engineer?"));
        assert!(looks_like_title("Programátor PHP, MySQL"));
        assert!(names_a_role("Ervaren interieurreiniger (auto’s)"));
    }

    #[test]
    fn a_hashtag_before_the_role_comes_off() {
        assert_eq!(
            un("#ForumOGCNice Lead DATA Engineer").title,
            "Lead DATA Engineer"
        );
        assert_eq!(
            un("#hiring #remote Senior Engineer").title,
            "Senior Engineer"
        );
        assert_eq!(un("C# Developer").title, "C# Developer");
    }

    #[test]
    fn a_kind_before_the_role_comes_off() {
        let u = un("Full Time Software Engineer (Java)");
        assert_eq!(u.title, "Software Engineer (Java)");
        assert_eq!(u.kind.as_deref(), Some("Full Time"));
    }

    #[test]
    fn a_piece_cut_from_inside_brackets_is_no_title() {
        assert!(looks_like_title("Software Engineers (Backend)"));
        assert!(!looks_like_title(
            "must speak English) Monetate helps digital marketers"
        ));
        assert!(!looks_like_title("CTOs, HR lead)"));
        assert!(looks_like_title("1) Full Stack Engineer"));
    }

    #[test]
    fn a_bracketed_mode_is_the_mode_not_a_place() {
        // The bracket wrapper (written for "[广州] 前端工程师") also takes "[Remote]": a mode word
        // inside it is the mode.
        for raw in ["[Remote] Back-end Developer", "[Remoto] Back-end Developer"] {
            let u = unwrap(raw, Depth::Full, &no_employer);
            assert_eq!(u.title, "Back-end Developer", "{raw}");
            assert!(u.mode.is_some(), "{raw}: {u:?}");
            assert_eq!(u.place, None, "{raw}");
        }
        let u = unwrap("[广州] 前端工程师", Depth::Full, &no_employer);
        assert_eq!(u.place.as_deref(), Some("广州"));
    }

    #[test]
    fn wrappers_come_off() {
        assert_eq!(un("Vacature: Elixir Developer").title, "Elixir Developer");
        assert_eq!(un("Posizione Account Manager").title, "Account Manager");
        assert_eq!(un("Operario (2 vacantes)").title, "Operario");
        assert_eq!(un("前端开发（2人）").title, "前端开发");
        // A posting's state after the title, and a known place after "para".
        assert_eq!(
            un("Ingeniero QA para México (PAUSADA)").title,
            "Ingeniero QA"
        );
        assert_eq!(un("Backend Engineer (Closed)").title, "Backend Engineer");
        assert_eq!(
            un("Desarrollador para Android").title,
            "Desarrollador para Android"
        );
        assert_eq!(un("Cajera-Empaque (1 vacantes)").title, "Cajera-Empaque");
        assert_eq!(un("Nurse (1 vacancy)").title, "Nurse");
        // A count in front: its figure, the figure's word, a word counting hires.
        assert_eq!(
            un("Two (2) positions Android Developer").title,
            "Android Developer"
        );
        assert_eq!(un("3 vacancies Night Nurse").title, "Night Nurse");
        assert_eq!(
            un("2 Nu Colombia Engineers").title,
            "2 Nu Colombia Engineers"
        );
        assert_eq!(un("Engineer (2 years)").title, "Engineer (2 years)");
        assert_eq!(un("저희 회사 개발자 모집합니다").title, "개발자");
        // A contract of a few words after the title, not an employer after 'na'.
        let u = un("Programista .NET na stałe");
        assert_eq!((u.title.as_str(), u.company), ("Programista .NET", None));
        assert_eq!(un("Rails Engineer - Full Time").title, "Rails Engineer");
        // An arrow from the employer to the role.
        let u = un("aiqfome -> Backend (junior)");
        assert_eq!(
            (u.title.as_str(), u.company.as_deref()),
            ("Backend (junior)", Some("aiqfome"))
        );
        let u = un("Trackdéchets recrute un.e ingénieur.e données senior");
        assert_eq!(u.title, "ingénieur.e données senior");
        assert_eq!(u.company.as_deref(), Some("Trackdéchets"));
        let u = un("commit42 recrute un⋅e développeur⋅se web back ou Full Stack à Toulouse");
        assert_eq!(u.title, "développeur⋅se web back ou Full Stack");
        assert_eq!(u.company.as_deref(), Some("commit42"));
        assert_eq!(u.place.as_deref(), Some("Toulouse"));
        // A town and its country cut off apart are one place; two towns are not.
        let u = un("GPU Engineer : Paris, France");
        assert_eq!(
            (u.title.as_str(), u.place.as_deref()),
            ("GPU Engineer", Some("Paris, France"))
        );
        assert_eq!(
            un("Engineer | Berlin | London").place.as_deref(),
            Some("Berlin")
        );
        // Words that say the role is sought come off once the place after them has.
        assert_eq!(
            un("Konsultuppdrag: Senior .NET-konsult sökes till uppdrag i Göteborg").title,
            "Senior .NET-konsult"
        );
        assert_eq!(
            un("Senior Engineer in Helsinki, Finland").place.as_deref(),
            Some("Helsinki, Finland")
        );
        let u = un(
            "[100% Remoto] Full Stack Developer PHP na Round Pegs (R$ 18.000,00) - Vaga de emprego",
        );
        assert_eq!(u.title, "Full Stack Developer PHP");
        assert_eq!(u.company.as_deref(), Some("Round Pegs"));
        assert_eq!(u.mode.as_deref(), Some("100% Remoto"));
        assert_eq!(u.pay.as_deref(), Some("R$ 18.000,00"));
        // The role sought, the purpose after "to" left off; a line that leads into a list
        // names no role.
        let u = un("Justin.tv is looking for a Lead Flash Engineer");
        assert_eq!(u.title, "Lead Flash Engineer");
        assert_eq!(u.company.as_deref(), Some("Justin.tv"));
        let u = un("HP Labs seeking a Java contract web programmer to Do Amazing");
        assert_eq!(u.title, "Java contract web programmer");
        assert_eq!(u.company.as_deref(), Some("HP Labs"));
        assert_eq!(
            un("Looking for an architect to help Thunderbird").title,
            "architect"
        );
        assert_eq!(un("Seeking PHP Experts").title, "PHP Experts");
        // A title in quotes.
        assert_eq!(un("«Data Engineer»").title, "Data Engineer");
        assert_eq!(un("„Projektleiter“").title, "Projektleiter");
        assert_eq!(un("\"Backend Developer\"").title, "Backend Developer");
        assert_eq!(
            un("\"Hello\" World Engineer").title,
            "\"Hello\" World Engineer"
        );
        assert_eq!(
            un("We're looking for developers with").title,
            "We're looking for developers with"
        );
        assert_eq!(
            un("Director of Hiring Operations").title,
            "Director of Hiring Operations"
        );
        let u = un("Buchhalter:in in Berlin Süd 40.000 - 50.000, hybrid");
        assert!(u.title.starts_with("Buchhalter:in"), "{u:?}");
        let u = unwrap("GTM Engineer | TestGorilla", Depth::Full, &|piece: &str| {
            piece == fold("TestGorilla")
        });
        assert_eq!(u.title, "GTM Engineer");
        assert_eq!(u.company.as_deref(), Some("TestGorilla"));
        let u = un("Senior Softwareentwickler - Salem oder Remote");
        assert_eq!(u.title, "Senior Softwareentwickler");
        assert_eq!(u.place.as_deref(), Some("Salem oder Remote"));
        let u = un("Subject: Job Opportunity: Solution Architect (Remote/WFH with Travel)");
        assert_eq!(u.title, "Solution Architect");
        assert_eq!(u.mode.as_deref(), Some("Remote/WFH with Travel"));
        // A place in brackets stays: labels keep it as the page writes it.
        assert_eq!(
            un("Account Executive (India)").title,
            "Account Executive (India)"
        );
        assert_eq!(
            un("Data Engineer - Industrie & Services - Annecy").title,
            "Data Engineer - Industrie & Services"
        );
        assert_eq!(un("Scala Engineer x5").title, "Scala Engineer");
        let u = un("Remote Contract Senior Frontend Engineer");
        assert_eq!(u.title, "Senior Frontend Engineer");
        assert_eq!(u.mode.as_deref(), Some("Remote"));
        assert_eq!(u.kind.as_deref(), Some("Contract"));
        assert_eq!(un("【網頁前端工程師】").title, "網頁前端工程師");
        let u = un("[São Paulo] [Desenvolvedor Android Pleno (2 anos de experiência)] [Hunter]");
        assert_eq!(u.title, "Desenvolvedor Android Pleno");
        assert_eq!(u.place.as_deref(), Some("São Paulo"));
        let u = un("Desenvolvedor Android CLT");
        assert_eq!(u.title, "Desenvolvedor Android");
        assert_eq!(u.kind.as_deref(), Some("CLT"));
        assert_eq!(un("Senior Developer (Contract)").title, "Senior Developer");
        // An internship word is the role, in front or behind.
        assert_eq!(un("Stage Data Scientist").title, "Stage Data Scientist");
        assert_eq!(
            un("Software Engineer Intern").title,
            "Software Engineer Intern"
        );
        let u = un("[广州][出海应用]招聘全栈实习生（300/天）");
        assert_eq!(u.title, "全栈实习生");
        assert_eq!(u.pay.as_deref(), Some("300/天"));
        assert_eq!(
            un("Utvecklare i Stockholm och Göteborg").title,
            "Utvecklare"
        );
        assert_eq!(
            un("Software Engineer in Test").title,
            "Software Engineer in Test"
        );
    }

    #[test]
    fn breadcrumbs_and_words_naming_the_posting_come_off() {
        assert_eq!(un("职位 > 高级前端开发工程师").title, "高级前端开发工程师");
        assert_eq!(
            un("Careers › Engineering › Senior Engineer").title,
            "Senior Engineer"
        );
        assert_eq!(
            un("DevOps & Kubernetes engineer job opening").title,
            "DevOps & Kubernetes engineer"
        );
        assert_eq!(un("Backend Developer position").title, "Backend Developer");
        // A Turkish capital İ keeps its dot in lower case.
        assert_eq!(un("Web Geliştiricisi İş İlanı").title, "Web Geliştiricisi");
        // A suffix word leaves no word of its phrase behind ("Open"); the phrase alone names
        // the posting, no role.
        assert_eq!(un("Open position").title, "");
        assert_eq!(un("Nurse position").title, "Nurse");
    }

    #[test]
    fn structured_title_tails_saying_mode_contract_or_no_employer_come_off() {
        let title = |t: &str| {
            let json = format!(
                r#"[{{"title": "{t}", "company": "Acme", "location": "Richmond, VA",
                "description": "Build and run our data services with a small, friendly team."}}]"#
            );
            let p = crate::parse::parse_text(&json, "a.json").unwrap().remove(0);
            (p.title.unwrap_or_default(), p.work_mode, p.employment_type)
        };
        let (t, mode, _) = title("Full Stack Developer (PHP and/or Python)-Remote");
        assert_eq!(t, "Full Stack Developer (PHP and/or Python)");
        assert_eq!(mode, Some(crate::posting::WorkMode::Remote));
        let (t, _, kind) = title("SAS to Python and R Developer - Independent Contractor");
        assert_eq!(t, "SAS to Python and R Developer");
        assert_eq!(kind, Some(EmploymentType::Contract));
        // A prefix's article goes with it; a word that goes on its phrase keeps it.
        assert_eq!(
            title("Hiring a Lead Data Scientist").0,
            "Lead Data Scientist"
        );
        assert_eq!(
            title("Hiring for DevSecOps Engineer").0,
            "DevSecOps Engineer"
        );
        assert_eq!(title("Vaga de Estágio em TI").0, "Vaga de Estágio em TI");
        assert_eq!(title("Ledige stillinger: Psykolog").0, "Psykolog");
        // A bracketed employer keeps its dash and its small words.
        let u = unwrap(
            "estágio em TI na [PGMS – Procuradoria Geral do Município do Salvador]",
            Depth::Full,
            &no_employer,
        );
        assert_eq!(
            (u.title.as_str(), u.company.as_deref()),
            (
                "estágio em TI",
                Some("PGMS – Procuradoria Geral do Município do Salvador")
            )
        );
        // A line of hours, days and pay is no title.
        assert!(!looks_like_title("가사도우미 출퇴근 8시간 주5일 300만"));
        assert!(looks_like_title("가사도우미"));
        assert!(looks_like_title("Produktmanager (m/w/d)"));
        assert!(!looks_like_title("State College"));
        // A contract and how long it lasts, after a heading's title.
        for (heading, role, kind) in [
            (
                "Software Engineer - Java - Contract to Hire 6mo",
                "Software Engineer - Java",
                "Contract to Hire",
            ),
            (
                "Application Developer - Java - 6-12 mo contract",
                "Application Developer - Java",
                "contract",
            ),
        ] {
            let u = unwrap(heading, Depth::Full, &no_employer);
            assert_eq!((u.title.as_str(), u.kind.as_deref()), (role, Some(kind)));
        }
        // A bracket saying how much of the work is remote is the mode.
        let u = unwrap(
            "Software Engineer II (3+ years of experience)",
            Depth::Wrappers,
            &no_employer,
        );
        assert_eq!(u.title, "Software Engineer II");
        let u = unwrap("SysAdmin (100 % Teletrabajo)", Depth::Full, &no_employer);
        assert_eq!(
            (u.title.as_str(), u.mode.as_deref()),
            ("SysAdmin", Some("100 % Teletrabajo"))
        );
        assert_eq!(
            unwrap("Engineer (2 days remote)", Depth::Full, &no_employer).title,
            "Engineer (2 days remote)"
        );
        // "We need a …" is no employer before a dash.
        assert_eq!(
            unwrap("НАМ НУЖЕН BACKEND - РАЗРАБОТЧИК", Depth::Full, &no_employer).company,
            None
        );
        // What the role works on after 'em' stays; a known town after it goes.
        assert_eq!(title("Desenvolvedor em Java").0, "Desenvolvedor em Java");
        assert_eq!(
            title("Analista Pleno em PHP na [TRANSALVADOR]").0,
            "Analista Pleno em PHP"
        );
        assert_eq!(
            title("Vaga para atuar como Analista Pleno em PHP").0,
            "Analista Pleno em PHP"
        );
        assert_eq!(
            title("Senior Software Engineer-Confidential").0,
            "Senior Software Engineer"
        );
        assert_eq!(
            title("Python Developer | Richmond, VA (Remote until 2021)").0,
            "Python Developer"
        );
        // Hyphens inside the role's words stay.
        assert_eq!(
            title("Senior Front-End Developer").0,
            "Senior Front-End Developer"
        );
        assert_eq!(
            title("Content Reviewer - United States").0,
            "Content Reviewer - United States"
        );
    }

    #[test]
    fn a_turkish_post_s_quoted_role_and_contract() {
        let text = "Müşterimize yazılım geliştiren İstanbul ekibimize katılarak sorumluluk alacak, \
                    tam zamanlı “Full Stack - Yazılım Geliştirme Uzmanı” arayışımız bulunmaktadır.\n\n\
                    Adayın; C# ve Angular deneyimi olması beklenmektedir.";
        let p = crate::parse::parse_text(text, "ilan.md").unwrap().remove(0);
        assert_eq!(
            p.title.as_deref(),
            Some("Full Stack - Yazılım Geliştirme Uzmanı")
        );
        assert_eq!(p.employment_type, Some(EmploymentType::FullTime));
    }

    #[test]
    fn an_employer_named_with_a_note_in_brackets_is_cut_from_a_heading_s_tail() {
        let text = "## Alternant(e) Cybersécurité - The Progress Factory\n\n\
                    - **Entreprise** : The Progress Factory (Centre de formation)\n\
                    - **Localisation** : Lyon\n\nMissions : sécuriser le SI.\n";
        let p = crate::parse::parse_text(text, "offre.md")
            .unwrap()
            .remove(0);
        assert_eq!(p.title.as_deref(), Some("Alternant(e) Cybersécurité"));
        assert_eq!(p.company.as_deref(), Some("The Progress Factory"));
    }

    #[test]
    fn a_front_matter_title_names_its_employer_after_at() {
        let text = "---\ntitle: Process Engineer II at Geltor\nposition: Process Engineer\n---\n\
                    We are seeking an experienced Process Engineer.\n";
        let p = crate::parse::parse_text(text, "geltor.md")
            .unwrap()
            .remove(0);
        assert_eq!(p.title.as_deref(), Some("Process Engineer II"));
        assert_eq!(p.company.as_deref(), Some("Geltor"));
        // An organization field repeating that title names no employer of its own.
        let text = "---\norganization: Style Guide Developer at Ura Design\n\
                    title: Style Guide Developer at Ura Design\n---\n\
                    At Ura we work on style guides.\n";
        let p = crate::parse::parse_text(text, "ura.md").unwrap().remove(0);
        assert_eq!(p.title.as_deref(), Some("Style Guide Developer"));
        assert_eq!(p.company.as_deref(), Some("Ura Design"));
    }

    #[test]
    fn a_catalan_page_of_calls_is_read_as_its_calls() {
        let text = "---\ntitle: Ocupació Pública\n---\n\n\
            ### Borsa de treball conserges amb discapacitat.\n\n\
            El termini per a presentar instàncies romandrà obert fins el 5 de setembre.\n\n\
            ### Borsa de treball socorristes piscina municipal.\n\n\
            El termini per a presentar instàncies romandrà obert fins el 6 de juny.\n\n\
            ### Borsa de treball monitors temps lliure àrea esports.\n\n\
            El termini per a presentar instàncies romandrà obert fins el 6 de juny.\n";
        let titles: Vec<_> = crate::parse::parse_text(text, "ocupacio.md")
            .unwrap()
            .into_iter()
            .filter_map(|p| p.title)
            .collect();
        assert_eq!(titles.len(), 3, "{titles:?}");
        assert!(titles[1].starts_with("Borsa de treball socorristes"));
    }

    #[test]
    fn a_numbered_list_of_roles_is_no_title() {
        assert!(enumerates(
            "Direct Client Reqs.- 1) Functional Analyst, 2) JAVA Architect and 3) JAVA Developer"
        ));
        assert!(!enumerates("Senior Engineer (L5) - Platform 2.0"));
        assert!(!enumerates("Web 3.0 Developer"));
        let md = "---\ntitle: \"HN Hiring (Ask HN: Who is hiring? (October 2026))\"\n---\n\n\
                  Thunder Compute | San Francisco | Full-time\n\nWe build GPU software and hire engineers.";
        let p = crate::parse::parse_text(md, "hn.md").unwrap().remove(0);
        assert!(
            !p.title.as_deref().unwrap_or("").contains("Who is hiring"),
            "{:?}",
            p.title
        );
    }

    #[test]
    fn a_remark_after_a_dash_is_not_the_title() {
        let u = un("Lead Software Engineer (Security) — strong Juniors also welcome");
        assert_eq!(u.title, "Lead Software Engineer (Security)");
        // A lower-case piece that names a role stays: it is the title's.
        let u = un("Senior Engineer – frontend developer");
        assert_eq!(u.title, "Senior Engineer – frontend developer");
    }

    #[test]
    fn structured_titles_keep_their_pieces() {
        let u = unwrap(
            "Account Executive - Italy (Madrid based)",
            Depth::Wrappers,
            &no_employer,
        );
        assert_eq!(u.title, "Account Executive - Italy (Madrid based)");
    }

    #[test]
    fn furniture_and_glued_pay_come_off() {
        assert_eq!(
            un("Yelp | Software Engineer | 1 Location(s)").title,
            "Software Engineer"
        );
        let u = un("小米集团 - 北京 - 高级前端工程师 -20k～35K");
        assert_eq!(u.title, "高级前端工程师");
        assert_eq!(u.pay.as_deref(), Some("20k～35K"));
    }

    #[test]
    fn a_city_and_its_state_said_elsewhere_and_a_code_in_front() {
        let mut d = super::super::super::doc::Doc::default();
        d.text(Key::Location, "GUARULHOS - SP", Origin::Record);
        let mut u = unwrap(
            "TECNICO(A) EM ELETRICA I - GUARULHOS",
            Depth::Wrappers,
            &no_employer,
        );
        drop_tail_said_elsewhere(&mut u, &d, &no_employer);
        assert_eq!(u.title, "TECNICO(A) EM ELETRICA I");
        // A place the posting does not name stays.
        let mut u = unwrap("Analista - CAMPINAS", Depth::Wrappers, &no_employer);
        drop_tail_said_elsewhere(&mut u, &d, &no_employer);
        assert_eq!(u.title, "Analista - CAMPINAS");
        // The last piece goes though a dash stands before it ("Innere Medizin - Rheumatologie").
        let mut d = super::super::super::doc::Doc::default();
        d.text(Key::Location, "Cottbus", Origin::Record);
        let mut u = unwrap(
            "Oberarzt (m/w/d) für Innere Medizin - Rheumatologie | Cottbus",
            Depth::Wrappers,
            &no_employer,
        );
        drop_tail_said_elsewhere(&mut u, &d, &no_employer);
        assert_eq!(
            u.title,
            "Oberarzt (m/w/d) für Innere Medizin - Rheumatologie"
        );
        // A piece a dash sets apart is weighed whole: its last word alone is no tail.
        let mut d = super::super::super::doc::Doc::default();
        d.text(Key::Location, "Sohag, Egypt", Origin::Record);
        let mut u = unwrap(
            "Assistant Sales Manager - Upper Egypt",
            Depth::Wrappers,
            &no_employer,
        );
        drop_tail_said_elsewhere(&mut u, &d, &no_employer);
        assert_eq!(u.title, "Assistant Sales Manager - Upper Egypt");
        // A code set apart by a spaced dash.
        assert_eq!(
            un("0703 - GERENTE DE NEGÓCIOS").title,
            "GERENTE DE NEGÓCIOS"
        );
    }

    #[test]
    fn a_careers_pages_own_name_is_no_title() {
        let names = &vocab().page_titles;
        for t in [
            "Lavora con noi",
            "加入我们",
            "Open Position!",
            "採用情報",
            "Join our team",
            "Karriere",
            "Trabalhe Conosco",
            "Hacker News Who is Hiring",
        ] {
            assert!(names.is_match(t), "{t}");
        }
        for t in [
            "Open Source Engineer",
            "Careers Advisor",
            "Karriereberater (m/w/d)",
        ] {
            assert!(!names.is_match(t), "{t}");
        }
    }

    #[test]
    fn a_words_other_ending_and_a_link_are_no_slash_fields() {
        let u = un("Auszubildende/r Koch/in");
        assert_eq!(u.title, "Auszubildende/r Koch/in");
        assert_eq!(u.place, None);
        assert_eq!(
            un("Software Engineer: https://boards.greenhouse.io/acme/jobs/11316").title,
            "Software Engineer"
        );
    }

    #[test]
    fn a_pronoun_before_a_hiring_verb_is_no_employer() {
        let u = un("Vi søker en rådgiver/seniorrådgiver");
        assert_eq!(u.title, "rådgiver/seniorrådgiver");
        assert_eq!(u.company, None);
        assert_eq!(
            un("Acme søker en utvikler").company.as_deref(),
            Some("Acme")
        );
    }

    #[test]
    fn a_structured_title_loses_the_place_the_posting_states() {
        let mut d = super::super::super::doc::Doc::default();
        d.text(Key::Location, "Italy", Origin::Record);
        let mut u = unwrap("Account Executive - Italy", Depth::Wrappers, &no_employer);
        drop_tail_said_elsewhere(&mut u, &d, &no_employer);
        assert_eq!(u.title, "Account Executive");
        let mut u = unwrap(
            "Account Executive - Payments",
            Depth::Wrappers,
            &no_employer,
        );
        drop_tail_said_elsewhere(&mut u, &d, &no_employer);
        assert_eq!(u.title, "Account Executive - Payments");
        // A known place after a comma comes off whatever the posting says elsewhere; after a
        // dash it stays, as its board wrote it.
        let d = super::super::super::doc::Doc::default();
        let mut u = unwrap("Python Developer, Warsaw", Depth::Wrappers, &no_employer);
        drop_tail_said_elsewhere(&mut u, &d, &no_employer);
        assert_eq!(
            (u.title.as_str(), u.place.as_deref()),
            ("Python Developer", Some("Warsaw"))
        );
        let mut u = unwrap(
            "Content Reviewer - United States",
            Depth::Wrappers,
            &no_employer,
        );
        drop_tail_said_elsewhere(&mut u, &d, &no_employer);
        assert_eq!(u.title, "Content Reviewer - United States");
        // The employer's name after a comma.
        let mut u = unwrap("C++ Developer, Antilatency", Depth::Wrappers, &no_employer);
        drop_tail_said_elsewhere(&mut u, &d, &|p: &str| p == "antilatency");
        assert_eq!(
            (u.title.as_str(), u.company.as_deref()),
            ("C++ Developer", Some("Antilatency"))
        );
    }

    #[test]
    fn pieces_around_a_spaced_colon() {
        let u = un("London : Full-time Onsite : Software Developer");
        assert_eq!(u.title, "Software Developer");
        assert_eq!(u.place.as_deref(), Some("London"));
    }

    #[test]
    fn an_employer_looking_for_a_role_in_french() {
        let u = unwrap("Kanopée recherche un stagiaire", Depth::Full, &no_employer);
        assert_eq!(u.title, "stagiaire");
        assert_eq!(u.company.as_deref(), Some("Kanopée"));
        // "recherche" as a noun, with no article after it, wraps nothing.
        let u = unwrap("Chargé de recherche clinique", Depth::Full, &no_employer);
        assert_eq!(u.title, "Chargé de recherche clinique");
        assert_eq!(u.company, None);
    }

    #[test]
    fn a_gender_inclusive_article_and_a_level_after_the_noun() {
        assert_eq!(
            title_from_text(
                "Nous recherchons un(e) AI/ML Engineer confirmé(e) pour rejoindre notre équipe Data & IA."
            )
            .as_deref(),
            Some("AI/ML Engineer confirmé(e)")
        );
        assert_eq!(
            title_from_text("Cerchiamo un(a) Data Engineer per il nostro team di Milano.")
                .as_deref(),
            Some("Data Engineer")
        );
    }

    #[test]
    fn a_careers_page_s_own_name_is_no_title() {
        let v = vocab();
        for t in [
            "Openings @facultycsmta",
            "דרושים @facultycsmta",
            "Careers",
            "Open positions",
            "Jobs @acme.io",
            // A scraper's placeholder for a title it did not find.
            "Unknown",
            "N/A",
            // "We're hiring" in any language, and a list's name.
            "On recrute !",
            "Wir stellen ein!",
            "Estamos contratando",
            "INTERNSHIPS",
        ] {
            assert!(v.page_titles.is_match(t), "{t}");
        }
        for t in [
            "Openings Manager",
            "Careers Advisor @ Acme",
            "Unknown Worlds Engineer",
            "Internships Coordinator",
        ] {
            assert!(!v.page_titles.is_match(t), "{t}");
        }
    }

    #[test]
    fn page_titles() {
        let split = |t: &str| {
            let p = split_title_company(t);
            (p.title, p.company, p.place)
        };
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            split("Acme hiring Data Engineer in Berlin, Germany | LinkedIn"),
            (some("Data Engineer"), some("Acme"), some("Berlin, Germany"))
        );
        assert_eq!(
            split("Data Engineer - Acme - Berlin, Germany | Indeed.com"),
            (some("Data Engineer"), some("Acme"), some("Berlin, Germany"))
        );
        assert_eq!(
            split("Senior Engineer at Acme | LinkedIn"),
            (some("Senior Engineer"), some("Acme"), None)
        );
        assert_eq!(
            split("Senior Software Developer - Online Systems at CarMax (Richmond, VA)"),
            (
                some("Senior Software Developer - Online Systems"),
                some("CarMax"),
                some("Richmond, VA")
            )
        );
        // The site's name inviting to its employer names the company.
        assert_eq!(
            split("Office of Solutions: FedRAMP Director | Join the Technology Transformation Services").1,
            some("Technology Transformation Services")
        );
        assert_eq!(split("Data Engineer | Careers at Acme").1, some("Acme"));
        assert_eq!(split("Data Engineer | Indeed.com").1, None);
        // A bracket that is no place stays with the company.
        assert_eq!(
            split("Engineer at Acme (YC S21)"),
            (some("Engineer"), some("Acme (YC S21)"), None)
        );
        // Remarks after the employer's name go.
        assert_eq!(
            split(
                "Assistant Professorship at KAIST (Due: May 17) (KAIST 수리과학과 초빙교수 채용 공고)"
            ),
            (some("Assistant Professorship"), some("KAIST"), None)
        );
        assert_eq!(
            split("Acme - Staff Designer"),
            (some("Staff Designer"), some("Acme"), None)
        );
    }

    #[test]
    fn a_structured_title_pay_tail_is_the_pay() {
        let csv = "Company,Title,URL\n\
                   Ubicloud,\"Software Engineer – $95-$250K in Turkey, Netherlands\",https://example.com/a\n\
                   LiteLLM,Founding Reliability Engineer – $200K-$270K and 0.5-1.0% equity,https://example.com/b\n";
        let ps = crate::parse::parse_text(csv, "jobs.csv").unwrap();
        assert_eq!(ps[0].title.as_deref(), Some("Software Engineer"));
        assert!(
            ps[0].locations.iter().any(|l| l.contains("Turkey")),
            "{:?}",
            ps[0].locations
        );
        let pay = ps[0].salary.as_ref().expect("the tail's pay");
        assert_eq!((pay.min, pay.max), (Some(95_000.0), Some(250_000.0)));
        assert_eq!(
            ps[1].title.as_deref(),
            Some("Founding Reliability Engineer")
        );
    }

    #[test]
    fn an_employer_described_not_named_is_cut() {
        let u = unwrap(
            "Applied AI / ML Engineer ($150K–$300K + Equity) at a frontier open-source AI lab",
            Depth::Full,
            &no_employer,
        );
        assert_eq!(u.title, "Applied AI / ML Engineer");
        assert!(u.pay.is_some());
    }

    #[test]
    fn a_reference_in_brackets_and_a_list_number_come_off() {
        let u = unwrap(
            "Programadores PHP (REF: DEV/PHP)",
            Depth::Full,
            &no_employer,
        );
        assert_eq!(u.title, "Programadores PHP");
        let u = unwrap("01現場技術者", Depth::Full, &no_employer);
        assert_eq!(u.title, "現場技術者");
        // A bracket that names no reference stays.
        let u = unwrap(
            "Senior Backend Engineer (Referrals)",
            Depth::Full,
            &no_employer,
        );
        assert_eq!(u.title, "Senior Backend Engineer (Referrals)");
        let u = unwrap("Engineer (Backend/Infra)", Depth::Full, &no_employer);
        assert_eq!(u.title, "Engineer (Backend/Infra)");
    }

    #[test]
    fn a_contract_alone_is_no_title() {
        assert_eq!(unwrap("正社員募集", Depth::Full, &no_employer).title, "");
        assert_eq!(unwrap("Full-time", Depth::Full, &no_employer).title, "");
        assert_eq!(unwrap("INTERN", Depth::Full, &no_employer).title, "INTERN");
        assert_eq!(unwrap("</h2>", Depth::Full, &no_employer).title, "");
        assert_eq!(
            unwrap("<id>1834171</id>", Depth::Full, &no_employer).title,
            ""
        );
        assert!(
            unwrap("<b>Engineer</b>", Depth::Full, &no_employer)
                .title
                .contains("Engineer")
        );
    }

    #[test]
    fn an_article_before_the_role_comes_off() {
        let u = unwrap(
            "A Mid-Senior QA Automation engineer / SDET",
            Depth::Full,
            &no_employer,
        );
        assert_eq!(u.title, "Mid-Senior QA Automation engineer / SDET");
        let u = unwrap("A/B Testing Engineer", Depth::Full, &no_employer);
        assert_eq!(u.title, "A/B Testing Engineer");
        // In lower case, an article of any language is a sentence's, with its gender mark.
        let u = unwrap("a Software Engineer", Depth::Full, &no_employer);
        assert_eq!(u.title, "Software Engineer");
        let u = unwrap("eine*n Software-Entwickler*in", Depth::Full, &no_employer);
        assert_eq!(u.title, "Software-Entwickler*in");
        // A word that is no article stays; so does an article before a word in lower case.
        let u = unwrap(
            "agile Java contract web programmer",
            Depth::Full,
            &no_employer,
        );
        assert_eq!(u.title, "agile Java contract web programmer");
        let u = unwrap("un developer full stack", Depth::Full, &no_employer);
        assert_eq!(u.title, "un developer full stack");
    }

    #[test]
    fn a_chinese_headline_names_the_company_that_hires() {
        let u = unwrap("2018.08.24 百度贴吧招前端开发", Depth::Full, &no_employer);
        assert_eq!(u.title, "前端开发");
        assert_eq!(u.company.as_deref(), Some("百度贴吧"));
        // "We hire…" names no company.
        let u = unwrap("我们招前端开发", Depth::Full, &no_employer);
        assert_eq!(u.company, None);
        // Traditional script's "誠徵", a tag in brackets before, heading marks around it.
        let u = unwrap(
            "##[接案 / 工作] 自由軟體鑄造場誠徵軟體工程師／程式設計師 ##",
            Depth::Full,
            &no_employer,
        );
        assert_eq!(u.title, "軟體工程師／程式設計師");
        assert_eq!(u.company.as_deref(), Some("自由軟體鑄造場"));
        // A role with a word in Latin script.
        let u = unwrap("薄荷科技诚聘 Ruby 工程师", Depth::Full, &no_employer);
        assert_eq!(u.title, "Ruby 工程师");
        assert_eq!(u.company.as_deref(), Some("薄荷科技"));
    }

    #[test]
    fn title_from_sentences() {
        // Thai marks take no room in what is glued on after a role noun.
        assert_eq!(
            role_phrase("วิศวกรเครือข่าย", true).as_deref(),
            Some("วิศวกรเครือข่าย")
        );
        assert_eq!(
            title_from_text("we're looking for a Backend Engineer to bring depth").as_deref(),
            Some("Backend Engineer")
        );
        assert_eq!(
            title_from_text("As a Senior Data Scientist at Acme, you").as_deref(),
            Some("Senior Data Scientist")
        );
        assert_eq!(
            title_from_text("We're looking for a dynamic Software Engineer II to join").as_deref(),
            Some("Software Engineer II")
        );
        assert_eq!(
            title_from_text("We're hiring a senior Rails engineer to build our API.").as_deref(),
            Some("senior Rails engineer")
        );
        assert_eq!(
            title_from_text(
                "nous recherchons un Développeur Full Stack Senior capable de structurer une architecture."
            )
            .as_deref(),
            Some("Développeur Full Stack Senior")
        );
        // The role the reader will hold, and the one a store "needs to hire".
        assert_eq!(
            title_from_text("Como Analytics Engineer SR, você será a referência técnica.")
                .as_deref(),
            Some("Analytics Engineer SR")
        );
        assert_eq!(
            title_from_text("Requiere contratar un cajero asistente para su tienda de Temuco.")
                .as_deref(),
            Some("cajero asistente")
        );
        assert_eq!(
            title_from_text("Como funciona o processo? Você conversa."),
            None
        );
        assert_eq!(title_from_text("We like engineers."), None);
        // A role noun after a role noun names the role with it ("DevOps" is a role too).
        assert_eq!(
            title_from_text("Serokell is hiring Nix DevOps Engineers").as_deref(),
            Some("Nix DevOps Engineers")
        );
        // The role as the subject of what the job does.
        assert_eq!(
            title_from_text(
                "Reporting to the Senior Research Manager, the Research Data Analyst will support research data needs."
            )
            .as_deref(),
            Some("Research Data Analyst")
        );
        assert_eq!(
            title_from_text("In this role, the team will support you from day one."),
            None
        );
    }

    #[test]
    fn requisition_codes_are_no_part_of_a_title() {
        for (raw, want) in [
            ("Network Engineer (REF1704U)", "Network Engineer"),
            (
                "Senior .Net Developer - Healthcare (ID:2211)",
                "Senior .Net Developer - Healthcare",
            ),
            ("GCP Cloud Engineer - R-19409", "GCP Cloud Engineer"),
            (
                "Ingénieur Devops - ARANUM24 (H/F)",
                "Ingénieur Devops (H/F)",
            ),
            (
                "2024-7222_Software Engineer - Level III",
                "Software Engineer - Level III",
            ),
            ("0222U8-数据分析师", "数据分析师"),
            ("数据分析师 (MJ000078)", "数据分析师"),
            // Not codes: a year, a range, a shift, a product, a name.
            ("Summer Intern (2026)", "Summer Intern (2026)"),
            ("Support Engineer (24/7)", "Support Engineer (24/7)"),
            ("RPG Developer - iSeries", "RPG Developer - iSeries"),
            ("Life360 - Senior Engineer", "Life360 - Senior Engineer"),
            // How many are hired.
            ("Operario (2 vacantes)", "Operario"),
            ("Technical Engineer: 5-10 người", "Technical Engineer"),
            ("Ruby 工程师 2 名", "Ruby 工程师"),
            ("Engineer: Platform", "Engineer: Platform"),
        ] {
            assert_eq!(
                unwrap(raw, Depth::Wrappers, &no_employer).title,
                want,
                "{raw}"
            );
        }
    }

    #[test]
    fn a_bracket_that_says_the_mode_then_where() {
        for (raw, title, place) in [
            (
                "Senior Engineer: Wayback Machine (on-site, SF)",
                "Senior Engineer: Wayback Machine",
                "SF",
            ),
            (
                "Web Archiving Software Engineer (on-site SF or remote)",
                "Web Archiving Software Engineer",
                "SF",
            ),
            (
                "Manager: Operations (on-site, SF and Richmond CA)",
                "Manager: Operations",
                "SF, Richmond CA",
            ),
        ] {
            let u = unwrap(raw, Depth::Full, &no_employer);
            assert_eq!(u.title, title);
            assert_eq!(u.place.as_deref(), Some(place));
            assert!(u.mode.is_some());
        }
        // A place alone stays, as labels keep "Account Executive (India)"; a remark stays.
        assert_eq!(
            unwrap("Account Executive (India)", Depth::Full, &no_employer).title,
            "Account Executive (India)"
        );
        assert_eq!(
            unwrap("Designer (on-site, our first)", Depth::Full, &no_employer).title,
            "Designer (on-site, our first)"
        );
    }
}
