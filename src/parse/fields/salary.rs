//! Pay: "$180,000 to $240,000", "$150k–$200k", "120-150k USD", "up to $120k", "€60.000 -
//! €75.000", "entre 30.000 y 45.000 €", "60 000 € brut annuel", "₹25-35 LPA", "月給200,000円～",
//! "연봉 3,000만원 ~ 3,500만원", "6-8 triệu/tháng", "$45, 700 - $74, 400 CAD", "CHF 120'000".
//! "DOE" and "competitive" are not salaries.
//!
//! Every money figure of a text is found — currency symbols and codes, multipliers, range
//! words and periods from the vocabularies of every language — then scored by its context: pay
//! words around it raise it, base pay words raise it over total pay, company figures (revenue,
//! funding, a price) and other payments (bonus, stipend) sink it. A bare "$" (or "kr", "¥") is
//! the currency of the posting's country. The stated currency and period are kept as stated
//! (converting them is the job of a later layer).

use std::sync::LazyLock;

use regex::Regex;

use super::super::doc::{Key, Money, PayKind, Value};
use super::super::vocab::{Country, PayWord, fold, unspaced, vocab};
use super::{Cand, Ctx, TEXT, pick};
use crate::posting::{Field, FieldSource, PayProvenance, Period, Salary};

/// A money figure found in text, with how likely it is to be the role's pay.
#[derive(Debug, Clone, PartialEq)]
pub struct SalaryHit {
    pub salary: Salary,
    pub start: usize,
    pub end: usize,
    pub score: i32,
}

/// The currency written next to a figure.
#[derive(Debug, Clone, PartialEq)]
enum Cur {
    None,
    /// An ISO code.
    Code(String),
    /// A symbol several currencies share ("$", "kr", "¥").
    Shared(String),
}

impl Cur {
    fn is_none(&self) -> bool {
        matches!(self, Cur::None)
    }
}

struct Amount {
    start: usize,
    end: usize,
    value: f64,
    /// The multiplier present ("k", "万", "triệu"…), if any.
    mult: Option<f64>,
    currency: Cur,
    /// "LPA", "lakh": Indian pay, per year.
    lakh: bool,
    /// "million", "billion": a company's figure, not pay.
    company_figure: bool,
    /// The currencies its multiplier word is used with only ("25 triệu": VND), if any.
    local: &'static [String],
}

/// Currency tokens, longest first, as a regex alternation.
fn currency_alternation() -> &'static str {
    static ALT: LazyLock<String> = LazyLock::new(|| {
        let v = vocab();
        let mut tokens: Vec<String> = v
            .currencies
            .keys()
            .chain(v.ambiguous_symbols.keys())
            .filter(|t| {
                // One ASCII letter alone is too common to be a currency.
                !(t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_alphabetic()))
            })
            .cloned()
            .collect();
        tokens.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        tokens.dedup();
        tokens
            .iter()
            .map(|t| regex::escape(t))
            .collect::<Vec<_>>()
            .join("|")
    });
    &ALT
}

fn multiplier_alternation() -> &'static str {
    static ALT: LazyLock<String> = LazyLock::new(|| {
        let mut tokens: Vec<String> = vocab().multipliers.keys().cloned().collect();
        tokens.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        tokens
            .iter()
            .map(|t| regex::escape(t))
            .collect::<Vec<_>>()
            .join("|")
    });
    &ALT
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\d{1,3}(?:(?:,\s?|\.|'|’|\x{a0}|\x{202f}|\x20)\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?",
    )
    .expect("valid regex")
});

static CUR_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:(?P<code>[A-Z]{{3}})\s?)?(?P<cur>{})\s?$",
        currency_alternation()
    ))
    .expect("valid regex")
});

static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\s?(?P<mult>{}))?(?:\s?(?P<cur>{}))?",
        multiplier_alternation(),
        currency_alternation()
    ))
    .expect("valid regex")
});

static CUR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s?(?P<cur>{})", currency_alternation())).expect("valid regex")
});

fn is_letter(c: char) -> bool {
    c.is_alphabetic() && !unspaced(c)
}

/// The currency a token names.
fn currency_of(token: &str) -> Cur {
    let v = vocab();
    let t = token.trim();
    if v.ambiguous_symbols.contains_key(&fold(t)) {
        return Cur::Shared(t.to_string());
    }
    match v.currency(t) {
        Some(c) => Cur::Code(c.to_string()),
        None => Cur::None,
    }
}

/// Parses "180,000", "60.000", "120'000", "60 000", "45, 700", "62.50", "1,5" into a number.
fn parse_number(s: &str) -> Option<f64> {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{a0}' | '\u{202f}' | '\'' | '’' | ' '))
        .collect();
    // Separators: the last one decides. Three digits after it → thousands separator.
    let last_sep = s.rfind([',', '.']);
    let normalized = match last_sep {
        Some(i) if s.len() - i - 1 == 3 => s.replace([',', '.'], ""),
        Some(i) => {
            let (int, frac) = s.split_at(i);
            format!("{}.{}", int.replace([',', '.'], ""), &frac[1..])
        }
        None => s,
    };
    normalized.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

fn find_amounts(text: &str) -> Vec<Amount> {
    // Shared symbols a code names somewhere in the text ("CAD $119,000" makes every "$" CAD).
    let mut symbols: Vec<(String, String)> = Vec::new();
    let mut out: Vec<Amount> = NUMBER
        .find_iter(text)
        .filter_map(|m| amount_at(text, m.start(), m.end(), &mut symbols))
        .collect();
    for a in &mut out {
        if let Cur::Shared(sym) = &a.currency
            && let Some((_, code)) = symbols.iter().find(|(s, _)| s == sym)
        {
            a.currency = Cur::Code(code.clone());
        }
    }
    out
}

/// The amount of the number at `nstart..nend`, with its currency and multiplier, unless it is
/// not money. Records in `symbols` the shared symbols a code next to it names.
fn amount_at(
    text: &str,
    nstart: usize,
    mut nend: usize,
    symbols: &mut Vec<(String, String)>,
) -> Option<Amount> {
    let before_char = text[..nstart].chars().next_back();
    if glued_figure(text, nstart) {
        return None;
    }
    let (currency, start) = currency_before(text, nstart, symbols);
    if before_char.is_some_and(|c| c.is_alphabetic() && c.is_uppercase()) && currency.is_none() {
        return None;
    }
    let mut num = &text[nstart..nend];
    // A number with ", " inside counts only with a currency ("$45, 700").
    if num.contains(", ") && currency.is_none() {
        let cut = num.find(", ").unwrap_or(num.len());
        num = &num[..cut];
        nend = nstart + cut;
    }
    // "1.5%+ equity", "20 % bonus": a share, no money.
    if text[nend..]
        .trim_start_matches(' ')
        .starts_with(['%', '％'])
    {
        return None;
    }
    let mut value = parse_number(num)?;
    let after = after_figure(text, nend, currency, symbols);
    if let Some(m) = after.mult {
        value *= m;
    }
    let local = vocab()
        .local_multipliers
        .get(&after.mult_word)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let company_figure = after.mult.is_some_and(|m| m >= 1e6) && local.is_empty();
    let lakh = matches!(
        after.mult_word.as_str(),
        "lakh" | "lakhs" | "lac" | "lacs" | "l" | "lpa" | "cr" | "crore" | "crores"
    );
    Some(Amount {
        start,
        end: after.end,
        value,
        mult: after.mult,
        currency: after.currency,
        lakh,
        company_figure,
        local,
    })
}

/// A figure glued to letters or digits is not money ("A320", "v2.5", "COVID-19", "24/7").
fn glued_figure(text: &str, nstart: usize) -> bool {
    // A figure in a web address ("http://apply.interfolio.com/86056", "www.x.com/job?id=4500").
    let word = text[..nstart]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    if word.contains("://") || word.starts_with("www.") {
        return true;
    }
    let before_char = text[..nstart].chars().next_back();
    let before2 = text[..nstart].chars().rev().nth(1);
    match before_char {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if is_letter(c) && !c.is_uppercase() => true,
        // "v2.5" is glued; "Rs.15,600" is a currency whose token ends in its dot.
        Some('.') => !dotted_currency_before(text, nstart),
        // "24/7", "1/2" are glued; "本科/15-30k" is a list.
        Some('/') => before2.is_some_and(|c| c.is_ascii_digit()),
        // "COVID-19" is glued, "$100k-120k" is a range.
        Some('-') => {
            before2.is_some_and(is_letter)
                && !text[..nstart - 1]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()))
        }
        _ => false,
    }
}

/// Whether a currency token that ends in a dot ("Rs.", "Bs.") stands right before `nstart`.
fn dotted_currency_before(text: &str, nstart: usize) -> bool {
    let left = &text[floor_boundary(text, nstart.saturating_sub(14))..nstart];
    CUR_BEFORE
        .captures(left)
        .and_then(|c| c.name("cur"))
        .is_some_and(|m| m.as_str().ends_with('.') && m.end() == left.len())
}

/// The currency written before the figure at `nstart`, and where the amount then starts.
fn currency_before(text: &str, nstart: usize, symbols: &mut Vec<(String, String)>) -> (Cur, usize) {
    let left_start = floor_boundary(text, nstart.saturating_sub(14));
    let left = &text[left_start..nstart];
    let Some(c) = CUR_BEFORE.captures(left) else {
        return (Cur::None, nstart);
    };
    let Some(cm) = c.name("cur") else {
        return (Cur::None, nstart);
    };
    let tok = cm.as_str();
    let abs = left_start + cm.start();
    let glued_word = tok.chars().next().is_some_and(is_letter)
        && text[..abs].chars().next_back().is_some_and(is_letter);
    if glued_word {
        return (Cur::None, nstart);
    }
    let mut currency = currency_of(tok);
    // "CAD $119,000": a code before a shared symbol names it.
    if let Cur::Shared(sym) = &currency
        && let Some(code) = c.name("code")
        && let Some(iso) = vocab().currency(code.as_str())
    {
        symbols.push((sym.clone(), iso.to_string()));
        currency = Cur::Code(iso.to_string());
    }
    let start = if currency.is_none() { nstart } else { abs };
    (currency, start)
}

/// What follows a figure: its multiplier, the currency (a code after it beats a shared symbol
/// before it), and where the amount ends.
struct After {
    mult: Option<f64>,
    mult_word: String,
    currency: Cur,
    end: usize,
}

/// The multiplier and currency after the figure ending at `nend`; `currency` is the one
/// before it.
fn after_figure(
    text: &str,
    nend: usize,
    mut currency: Cur,
    symbols: &mut Vec<(String, String)>,
) -> After {
    let right_end = ceil_boundary(text, nend + 24);
    let right = &text[nend..right_end];
    let mut end = nend;
    let mut mult: Option<f64> = None;
    let mut mult_word = String::new();
    if let Some(c) = AFTER.captures(right) {
        if let Some(mm) = c.name("mult") {
            let word = mm.as_str();
            let next = right[mm.end()..].chars().next();
            // "25KMXN": a currency's code glued after the multiplier does not glue it.
            let rest = &right[mm.end()..];
            let code_follows = rest.get(..3).is_some_and(|c| {
                c.chars().all(|ch| ch.is_ascii_uppercase()) && vocab().currency(c).is_some()
            }) && !rest[3..].starts_with(is_letter);
            // "8l4" (a drawing's path, "M17 8l4 4"): a letter with a figure right after it
            // is glued too.
            let glued = word.chars().last().is_some_and(is_letter)
                && next.is_some_and(|c| is_letter(c) || c.is_ascii_digit())
                && !code_follows;
            // "30 Ländern": not "30 L"; "art. 18 L.68/1999", "art. 18 L. 68/99": a law's number,
            // not 18 lakh.
            let cites = word.chars().count() == 1
                && right[mm.end()..]
                    .strip_prefix(['.', '/'])
                    .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
            // "Posti disponibili: 4\nL'Azienda…": a letter on the next line, or one elided
            // before a word ("L'Azienda", "l'entreprise"), is an article, not 4 lakh.
            let next_line = right[..mm.start()].contains('\n');
            let elided = word.chars().count() == 1
                && rest
                    .strip_prefix(['\'', '’'])
                    .is_some_and(|r| r.starts_with(is_letter));
            if !glued && !cites && !next_line && !elided {
                mult = vocab().multipliers.get(&fold(word)).copied();
                mult_word = fold(word);
                end = nend + mm.end();
            }
        }
        // A multiplier that was no multiplier ("l" of "10000 lei") leaves the currency to be
        // read from where it stood.
        let cur = if c.name("mult").is_some() && mult.is_none() {
            CUR_AFTER.captures(right).and_then(|c2| c2.name("cur"))
        } else if mult.is_some() || c.name("mult").is_none() {
            c.name("cur")
        } else {
            None
        };
        if let Some(cm) = cur {
            let tok = cm.as_str();
            let next = right[cm.end()..].chars().next();
            let glued = tok.chars().last().is_some_and(is_letter) && next.is_some_and(is_letter);
            let abs_start = nend + cm.start();
            if !glued && (mult.is_some() || abs_start <= end + 1) {
                let after_cur = currency_of(tok);
                if !after_cur.is_none() {
                    // A code after the figure beats a shared symbol before it ("$81,200 CAD").
                    if let (Cur::Shared(sym), Cur::Code(code)) = (&currency, &after_cur) {
                        symbols.push((sym.clone(), code.clone()));
                    }
                    if currency.is_none() || matches!(currency, Cur::Shared(_)) {
                        currency = after_cur;
                    }
                    end = nend + cm.end();
                }
            }
        }
    }
    After {
        mult,
        mult_word,
        currency,
        end,
    }
}

/// `(before, after)` around `start..end`, `before` and `after` bytes wide at most.
fn window(text: &str, start: usize, end: usize, before: usize, after: usize) -> (&str, &str) {
    let b = floor_boundary(text, start.saturating_sub(before));
    let a = ceil_boundary(text, end + after);
    (&text[b..start], &text[end..a])
}

/// Like [`window`], but cut at sentence ends (". ", "! ", "? ", "。", line breaks) so that
/// words of neighbouring sentences don't count as context.
fn sentence_window(
    text: &str,
    start: usize,
    end: usize,
    before: usize,
    after: usize,
) -> (&str, &str) {
    let (b, a) = window(text, start, end, before, after);
    let cut_b = b
        .char_indices()
        .rfind(|(i, c)| {
            *c == '\n'
                || *c == '。'
                || (matches!(c, '.' | '!' | '?') && b[i + 1..].starts_with(' '))
        })
        .map_or(b, |(i, c)| &b[i + c.len_utf8()..]);
    // The point of an abbreviation between a figure and its period ends no sentence
    // ("$64,000.00 aprox. al mes").
    let abbreviation = |head: &str| {
        let word = head.rsplit(char::is_whitespace).next().unwrap_or("");
        let dotted = fold(&format!("{word}."));
        // The term written with its point ("aprox."), not a word ending a sentence ("net.").
        !word.is_empty()
            && vocab()
                .pay_words
                .find(&dotted)
                .next()
                .is_some_and(|(s, e, w)| s == 0 && e == dotted.len() && w == PayWord::Gross)
    };
    let cut_a = a
        .char_indices()
        .find(|(i, c)| {
            *c == '\n'
                || *c == '。'
                || (matches!(c, '!' | '?') && a[i + 1..].starts_with(' '))
                || (*c == '.' && a[i + 1..].starts_with(' ') && !abbreviation(&a[..*i]))
        })
        .map_or(a, |(i, _)| &a[..i]);
    (cut_b, cut_a)
}

/// Whether the gap between two figures makes them one range ("-", "to", "bis", "à", "y",
/// "～", "/yr -").
fn is_range_gap(gap: &str) -> bool {
    let v = vocab();
    let mut rest = gap.trim();
    if rest.chars().count() > 24 {
        return false;
    }
    // "/yr" or "per hour" after the first figure ("$174,000/yr - $235,000/yr").
    if let Some(p) = period_at_start(rest) {
        rest = rest[p.1..].trim_start();
    }
    let f = fold(rest);
    let mut pos = 0;
    let mut words = 0;
    while pos < f.len() {
        let tail = &f[pos..];
        let skip = tail.len() - tail.trim_start().len();
        if skip > 0 {
            pos += skip;
            continue;
        }
        match v.range_words.find(tail).next() {
            Some((0, e, _)) => {
                pos += e;
                words += 1;
            }
            _ => return false,
        }
    }
    (1..=2).contains(&words)
}

/// The period a text starts with ("/yr", "per hour", "brut annuel", "a month", "/月"), and
/// where it ends. Gross/net words and "(" may come first.
/// Whether the few words after a figure (past its period) name what it is, and that is not
/// pay: "$200/month AI tools budget", "€1,000 a year learning stipend". Stops at a word that
/// adds something ("$150k a year plus bonus", "+ equity", "and", a comma): the figure is still
/// the salary there.
fn names_other_pay_next(after: &str) -> bool {
    // Folding drops the signs that add something: they are words here.
    let f = fold(
        &after
            .trim_start()
            .replace('+', " plus ")
            .replace('&', " and "),
    );
    let rest = period_at_start(&f)
        .and_then(|(_, n)| f.get(n..))
        .unwrap_or(&f);
    let mut words = Vec::new();
    for w in rest.split_whitespace().take(4) {
        if matches!(w, "plus" | "+" | "and" | "with" | "&" | "or")
            || w.starts_with(['(', ',', ';', '.'])
        {
            break;
        }
        let end = w.ends_with([',', ';', '.', ')']);
        words.push(w.trim_end_matches([',', ';', '.', ')']));
        if end {
            break;
        }
    }
    let phrase = words.join(" ");
    vocab()
        .pay_words
        .all_in(&phrase)
        .iter()
        .any(|x| x.2 == PayWord::OtherPay)
}

fn period_at_start(s: &str) -> Option<(Period, usize)> {
    let v = vocab();
    let f = fold(s);
    let mut pos = 0;
    for _ in 0..4 {
        let tail = &f[pos..];
        let trimmed = tail
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '(' | ',' | '+' | '*'));
        pos += tail.len() - trimmed.len();
        let tail = &f[pos..];
        if let Some((0, e, p)) = v.periods.find(tail).next() {
            return Some((p, pos + e));
        }
        // "/ yr": a slash before the word.
        if let Some(rest) = tail.strip_prefix('/')
            && let Some((0, e, p)) = v.periods.find(rest.trim_start()).next()
        {
            return Some((p, pos + 1 + (rest.len() - rest.trim_start().len()) + e));
        }
        match v.pay_words.find(tail).next() {
            // The abbreviation's point goes with the word ("aprox.").
            Some((0, e, PayWord::Gross | PayWord::Base)) => {
                pos += e + usize::from(tail[e..].starts_with('.'));
            }
            _ => return None,
        }
    }
    None
}

/// Whether the words after a figure make it hours of work ("18hrs/week", "40 hours per week",
/// "32 Stunden pro Woche"): an hours word, then a period.
fn working_time(after: &str) -> bool {
    let f = fold(&after[..floor_boundary(after, after.len().min(40))]);
    let f = f.trim_start();
    let Some((0, e, ())) = vocab().working_hours.find(f).next() else {
        return false;
    };
    period_at_start(&f[e..]).is_some_and(|(p, _)| p != Period::Hour)
}

/// The period named right before a figure ("annual salary of", "hourly rate", "月給", "年収").
fn period_before(before: &str) -> Option<Period> {
    let v = vocab();
    let f = fold(before);
    let last = v.periods.find(&f).last()?;
    let gap = &f[last.1..];
    let near = gap.chars().count() <= 30;
    // Only the words that say "per year" on their own, not "a month" of a duration.
    let word = &f[last.0..last.1];
    let adjective = word.ends_with("ly")
        || word.starts_with("annual")
        || word.chars().any(unspaced)
        || matches!(word, "p.a." | "per annum" | "annum");
    (near && adjective).then_some(last.2)
}

/// Currencies of countries where a month's pay may be worth less than a US hour's pay.
fn low_wage(code: &str) -> bool {
    matches!(
        code,
        "VND"
            | "IDR"
            | "INR"
            | "PKR"
            | "LKR"
            | "NPR"
            | "BDT"
            | "PHP"
            | "NGN"
            | "KES"
            | "EGP"
            | "UAH"
            | "RUB"
            | "CNY"
            | "MYR"
            | "THB"
            | "COP"
            | "ARS"
            | "BRL"
            | "MXN"
    )
}

/// Rough US-dollar value of one unit, only to judge whether a figure is a plausible salary and
/// what period an unlabelled one is for.
fn usd_rate(code: &str) -> f64 {
    match code {
        "EUR" | "CHF" => 1.1,
        "GBP" => 1.25,
        "CAD" | "AUD" | "NZD" | "SGD" => 0.7,
        "JPY" => 0.007,
        "KRW" => 0.00075,
        "CNY" => 0.14,
        "TWD" => 0.031,
        "HKD" => 0.13,
        "INR" | "NPR" => 0.012,
        "PKR" | "LKR" => 0.0035,
        "BRL" => 0.2,
        "MXN" => 0.055,
        "ARS" => 0.001,
        "CLP" => 0.0011,
        "COP" => 0.00025,
        "PEN" => 0.27,
        "SEK" | "NOK" | "DKK" => 0.1,
        "ISK" => 0.0072,
        "PLN" => 0.25,
        "CZK" => 0.044,
        "HUF" => 0.0028,
        "RON" => 0.22,
        "BGN" => 0.55,
        "RUB" => 0.011,
        "UAH" => 0.024,
        "TRY" => 0.03,
        "ILS" | "AED" | "SAR" | "QAR" => 0.27,
        "ZAR" => 0.055,
        "VND" => 0.00004,
        "IDR" => 0.000064,
        "MYR" => 0.21,
        "PHP" => 0.018,
        "THB" => 0.028,
        "EGP" => 0.02,
        "NGN" => 0.0007,
        "KES" => 0.0078,
        // Not in the rates table (`assets/rates.toml`).
        "UZS" => 0.00008,
        "KGS" => 0.011,
        "TJS" => 0.09,
        "TND" => 0.35,
        "AMD" => 0.0026,
        "AZN" => 0.59,
        "BYN" => 0.3,
        "MNT" => 0.0003,
        "GHS" => 0.08,
        "DZD" => 0.0074,
        // The rates table's value where it has one (KZT, GEL, MAD…).
        _ => crate::money::Rates::builtin()
            .convert(1.0, code, "USD")
            .unwrap_or(1.0),
    }
}

/// Guesses the period of an unlabelled figure from its size (in rough US dollars). Where pay is
/// low (`low_wage`), a figure worth a few hundred dollars is a month's, not an hour's.
/// A range's lower figure decides, but it is no hour's when its upper figure is too much for an
/// hour ("250 – 1 500$").
fn period_for(lo: f64, hi: f64, low_wage: bool) -> Period {
    let hour_max = if low_wage { 30.0 } else { 300.0 };
    let usd = lo;
    if usd < hour_max && hi >= hour_max {
        Period::Month
    } else if usd < hour_max {
        Period::Hour
    } else if usd < 15_000.0 {
        Period::Month
    } else {
        Period::Year
    }
}

/// A pay period from a unit word ("yearly", "YEAR", "per-hour-wage", "1 YEAR", "monthly").
pub fn period_of(s: &str) -> Option<Period> {
    let t = s.trim().replace(['_', '-'], " ");
    vocab()
        .periods
        .first_in(&t)
        .or_else(|| match t.trim().to_lowercase().as_str() {
            "y" | "a" => Some(Period::Year),
            "m" => Some(Period::Month),
            "w" => Some(Period::Week),
            "d" => Some(Period::Day),
            "h" => Some(Period::Hour),
            _ => None,
        })
}

/// Whether the few words before a figure name its currency's code ("(USD) $2.500 - $3.700").
fn code_just_before(text: &str, start: usize, code: &str) -> bool {
    let mut from = start.saturating_sub(16);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    text[from..start].contains(code)
}

/// Whether the text before a figure ends with a sign saying "at least" (">", ">=", "≥").
fn at_least_sign(before: &str) -> bool {
    let b = before.trim_end();
    let b = b.strip_suffix('=').unwrap_or(b);
    b.ends_with(['>', '≥', '＞']) && !b.ends_with("->") && !b.ends_with("=>")
}

/// Whether a figure groups its thousands with dots ("900.000", "1.373,12").
fn dot_grouped(figure: &str) -> bool {
    static DOTS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d\.\d{3}(?:[^\d]|$)").expect("valid regex"));
    DOTS.is_match(figure)
}

/// The currency of a shared symbol or of nothing, in a country (USD without one).
fn default_currency(symbol: Option<&str>, country: Option<&Country>) -> String {
    let v = vocab();
    if let Some(s) = symbol
        && let Some(c) = v.symbol_currency(s, country)
    {
        return c;
    }
    country.map_or_else(|| "USD".to_string(), |c| c.currency.clone())
}

/// The one currency the figures of a text are written in, when they name one and no other.
fn text_currency(text: &str, country: Option<&Country>) -> Option<String> {
    let mut found: Option<String> = None;
    for a in find_amounts(text) {
        let code = match &a.currency {
            Cur::Code(c) => c.clone(),
            Cur::Shared(s) => default_currency(Some(s), country),
            Cur::None => continue,
        };
        match &found {
            None => found = Some(code),
            Some(f) if *f == code => {}
            Some(_) => return None,
        }
    }
    found
}

/// Whether a short text states pay: a figure with a currency ("$120k", "€60.000", "2K€/month",
/// "300 元/天") or with a multiplier word only one country's money is counted in ("10~14tr",
/// "25 triệu").
pub fn looks_like_pay(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        && find_amounts(s)
            .iter()
            .any(|a| (!a.currency.is_none() || !a.local.is_empty()) && !a.company_figure)
}

/// All salary-like figures in `text`, each scored by its context; `country` decides shared
/// symbols and figures without a currency (only when `bare` allows them).
fn hits(text: &str, country: Option<&Country>, bare: bool) -> Vec<SalaryHit> {
    let amounts = find_amounts(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < amounts.len() {
        let a = &amounts[i];
        // A range: two amounts with only a range word between them.
        let b = amounts
            .get(i + 1)
            .filter(|b| b.start >= a.end && is_range_gap(&text[a.end..b.start]));
        i += if b.is_some() { 2 } else { 1 };
        if let Some(hit) = hit(text, a, b, country, bare) {
            out.push(hit);
        }
    }
    out
}

/// The hit of a figure `a` (and the range's upper figure `b`), when it can be pay.
fn hit(
    text: &str,
    a: &Amount,
    b: Option<&Amount>,
    country: Option<&Country>,
    bare: bool,
) -> Option<SalaryHit> {
    let (start, end) = (a.start, b.map_or(a.end, |b| b.end));
    let lakh = a.lakh || b.is_some_and(|b| b.lakh);
    if a.company_figure || b.is_some_and(|b| b.company_figure) {
        return None;
    }
    if matches!(range_currency(a, b), Cur::None) && working_time(&text[end..]) {
        return None;
    }
    let code = match range_currency(a, b) {
        Cur::Code(c) => c,
        Cur::Shared(s) => {
            // "$900.000", "$30.000 diarios": thousands grouped by dots are no dollar of the
            // countries that group by commas but a peso (CLP, ARS, COP); without a country
            // that writes them so, no currency is sure.
            let code = default_currency(Some(&s), country);
            if dot_grouped(&text[start..end])
                && ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"].contains(&code.as_str())
                && !code_just_before(text, start, &code)
            {
                return None;
            }
            code
        }
        Cur::None if lakh => "INR".to_string(),
        Cur::None if bare => default_currency(None, country),
        // "lên tới 25 triệu", "月薪 6-10 萬": a figure counted in the country's own words is in
        // its money.
        Cur::None if counted_in_local_words(a, b, country) => default_currency(None, country),
        Cur::None => return None,
    };
    let (lo, hi) = range_values(a, b);
    let around = Around::new(text, start, end);
    let (min, max) = around.bounds(lo, hi);
    let explicit_period = if lakh {
        Some(Period::Year)
    } else {
        around.period()
    };
    let usd = lo * usd_rate(&code);
    let period = explicit_period
        .unwrap_or_else(|| period_for(usd, hi.unwrap_or(lo) * usd_rate(&code), low_wage(&code)));
    let yearly_usd = usd * period.per_year();
    // Where a month's pay may be worth a few hundred dollars, a stated period lets a low figure
    // stand ("₹12,000 – ₹25,000 per month", a collaborator's "2 triệu/ tháng"), as pay given as
    // numbers does.
    // So does a pay field holding the figure alone ("base_salary": "2600000" in Jakarta).
    let alone = text[..start].trim().is_empty() && text[end..].trim().is_empty();
    let floor = if (around.period().is_some() || alone) && low_wage(&code) {
        500.0
    } else {
        2_000.0
    };
    if !(floor..=3_000_000.0).contains(&yearly_usd) {
        return None;
    }
    let score = around.score(hi.is_some(), explicit_period.is_some());
    Salary::new(min, max, &code, period).map(|salary| SalaryHit {
        salary,
        start,
        end,
        score,
    })
}

/// Whether a figure (or range) is counted in a word only the country's money is counted in
/// ("lên tới 25 triệu" in Vietnam, "月薪 6-10 萬" in Taiwan).
fn counted_in_local_words(a: &Amount, b: Option<&Amount>, country: Option<&Country>) -> bool {
    country.is_some_and(|c| {
        [Some(a), b]
            .into_iter()
            .flatten()
            .any(|x| x.local.contains(&c.currency))
    })
}

/// "entre 30.000 y 45.000 €": the range's currency, wherever it is written.
fn range_currency(a: &Amount, b: Option<&Amount>) -> Cur {
    match (&a.currency, b.map(|b| &b.currency)) {
        (Cur::Code(c), _) => Cur::Code(c.clone()),
        (_, Some(Cur::Code(c))) => Cur::Code(c.clone()),
        (Cur::Shared(s), _) => Cur::Shared(s.clone()),
        (_, Some(Cur::Shared(s))) => Cur::Shared(s.clone()),
        _ => Cur::None,
    }
}

/// The figures of a range (or of a figure alone), the first scaled as the second is.
fn range_values(a: &Amount, b: Option<&Amount>) -> (f64, Option<f64>) {
    let mut lo = a.value;
    let mut hi = b.map(|b| b.value);
    // "$150-200k", "25-35 LPA", "3,000만원 ~ 3,500만원": the first bound takes the second's
    // multiplier.
    if let Some(b) = b
        && a.mult.is_none()
        && let Some(m) = b.mult
        && lo * m <= b.value
    {
        lo *= m;
    }
    // "$100-150,000": the first bound is in thousands too.
    if let Some(h) = hi
        && a.mult.is_none()
        && lo < 1000.0
        && h >= 1000.0
        && lo * 1000.0 <= h
    {
        lo *= 1000.0;
    }
    if let Some(h) = hi
        && h < lo
    {
        // "$180k - 20k" is not a range; keep the first figure alone.
        hi = None;
    }
    (lo, hi)
}

/// The text around a figure at `start..end`, as its bounds, period and score read it.
struct Around<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// The sentence around it (120 bytes before, 40 after at most).
    before: &'a str,
    after: &'a str,
    /// Pay words in the 14 bytes right after it.
    right_words: Vec<PayWord>,
}

impl<'a> Around<'a> {
    fn new(text: &'a str, start: usize, end: usize) -> Around<'a> {
        let (before, after) = sentence_window(text, start, end, 120, 40);
        let right_after = window(text, start, end, 0, 14).1;
        // Up to a sign or word that adds something: "$200k + 2% equity" is pay, then equity.
        let right_after = [
            right_after.find(" + "),
            // "$100k+ equity": the sign glued to the figure adds what follows.
            right_after.find("+ "),
            right_after.find(" & "),
            right_after.find(" plus "),
            // Not "and up": a bound of the figure (`[pay] or_more`).
            right_after.find(" and ").filter(|&i| {
                !vocab()
                    .pay_words
                    .find(&fold(&right_after[i + 1..]))
                    .next()
                    .is_some_and(|(s, _, w)| s == 0 && w == PayWord::OrMore)
            }),
        ]
        .into_iter()
        .flatten()
        .min()
        .map_or(right_after, |i| &right_after[..i]);
        let right_words = vocab()
            .pay_words
            .all_in(right_after)
            .into_iter()
            .map(|x| x.2)
            .collect();
        Around {
            text,
            start,
            end,
            before,
            after,
            right_words,
        }
    }

    /// (min, max) of a figure `lo` (and a range's `hi`): "up to" and "or less" make it a
    /// maximum, "or more", "+" and "from" a minimum.
    fn bounds(&self, lo: f64, hi: Option<f64>) -> (Option<f64>, Option<f64>) {
        let v = vocab();
        let after = self.after;
        let just_before = window(self.text, self.start, self.end, 25, 0).0;
        let before_words: Vec<(usize, usize, PayWord)> = v.pay_words.all_in(just_before);
        let bound_before = |w: PayWord| {
            before_words
                .last()
                .is_some_and(|(_, e, x)| *x == w && just_before[*e..].trim().is_empty())
        };
        // The bound word written right after the figure ("or more", "or less", "max").
        let bound_after = || {
            self.right_words.first().copied().filter(|_| {
                v.pay_words
                    .find(&fold(after.trim_start()))
                    .next()
                    .is_some_and(|x| x.0 == 0)
            })
        };
        match hi {
            Some(h) => (Some(lo), Some(h)),
            None if bound_before(PayWord::UpTo) => (None, Some(lo)),
            // "$100k+", "$150k and up", "> $90K", ">= $200k", "≥ 50 000 €" (not an arrow "->").
            // A "+" before other pay adds it ("13,000 ₪+ עמלות", "$100k+ equity"): the figure
            // is the salary as it stands.
            None if (after.starts_with('+') && !names_other_pay_next(&after[1..]))
                || bound_after() == Some(PayWord::OrMore)
                || at_least_sign(just_before) =>
            {
                (Some(lo), None)
            }
            // "€50k or less", "60k max".
            None if after.trim_start().starts_with(char::is_alphabetic)
                && !bound_before(PayWord::From)
                && matches!(bound_after(), Some(PayWord::OrLess | PayWord::UpTo)) =>
            {
                (None, Some(lo))
            }
            None if bound_before(PayWord::From) => (Some(lo), None),
            // A figure the sentence calls the least the job pays (Austria's collective
            // agreement minimum, stated with "willing to overpay").
            None if v
                .pay_words
                .all_in(sentence_window(self.text, self.start, self.end, 120, 0).0)
                .iter()
                .any(|x| x.2 == PayWord::Floor) =>
            {
                (Some(lo), None)
            }
            None => (Some(lo), Some(lo)),
        }
    }

    /// The period written right after the figure, or just before it.
    fn period(&self) -> Option<Period> {
        period_at_start(self.after.trim_start_matches(['+', '～', '〜', '~']))
            .map(|p| p.0)
            .or_else(|| period_before(window(self.text, self.start, self.end, 40, 0).0))
    }

    /// How likely the figure is the role's pay: pay words before it, a range, a period;
    /// less when the words near it name another figure or payment, or a later role's pay.
    fn score(&self, range: bool, explicit_period: bool) -> i32 {
        let v = vocab();
        let words =
            |s: &str| -> Vec<PayWord> { v.pay_words.all_in(s).into_iter().map(|x| x.2).collect() };
        let (near_before, near_after) = sentence_window(self.text, self.start, self.end, 40, 25);
        let mut score = 0;
        // A floor's name ("minimum wage") says pay as a pay word does.
        if words(self.before)
            .iter()
            .any(|w| matches!(w, PayWord::Pay | PayWord::Floor))
        {
            score += 3;
        }
        if range {
            score += 2;
        }
        if explicit_period {
            score += 2;
        }
        // A pay scale's grade named right before the figure ("EG 11–12", "Grade 7"), or its
        // scale right after it ("13 LBesO"): no money.
        let just_before = window(self.text, self.start, self.end, 25, 0).0;
        if v.pay_words
            .all_in(just_before)
            .last()
            .is_some_and(|(_, e, w)| *w == PayWord::Grade && just_before[*e..].trim().is_empty())
            || v.pay_words
                .all_in(self.after)
                .first()
                .is_some_and(|(s, _, w)| *w == PayWord::Grade && self.after[..*s].trim().is_empty())
        {
            score -= 8;
        }
        let near_before_words = words(near_before);
        if near_before_words.contains(&PayWord::NotPay)
            || words(near_after).contains(&PayWord::NotPay)
        {
            score -= 6;
        }
        // Other payments are named right before the figure, or by the word right after it
        // ("$5,000 sign-on bonus"); "$100k+ and real equity" is still the salary.
        if near_before_words.contains(&PayWord::OtherPay)
            || self.right_words.contains(&PayWord::OtherPay)
            || names_other_pay_next(self.after)
        {
            score -= 4;
        }
        // Base pay over total pay ("Total compensation $119k–$246k, including a base salary of
        // $100k–$160k").
        let near60 = window(self.text, self.start, self.end, 60, 0).0;
        match words(near60)
            .iter()
            .rev()
            .find(|w| matches!(w, PayWord::Base | PayWord::Total))
        {
            Some(PayWord::Base) => score += 2,
            Some(PayWord::Total) => score -= 2,
            _ => {}
        }
        // Pay of a later role ("on successful conversion to a permanent employee, a salary of…").
        if v.later_pay.first_in(self.before).is_some() {
            score -= 6;
        }
        score
    }
}

/// All salary-like figures in `text` (without a country), each scored by its context.
pub fn find_salaries(text: &str) -> Vec<SalaryHit> {
    hits(text, None, false)
}

/// The best-scoring figure of a text that has something saying it is pay (a pay word, a
/// range, a period), with its score.
fn best_in_text(text: &str, country: Option<&Country>) -> Option<SalaryHit> {
    hits(text, country, false)
        .into_iter()
        .filter(|h| h.score >= 2)
        .fold(None::<SalaryHit>, |best, h| match best {
            Some(b) if b.score >= h.score => Some(b),
            _ => Some(h),
        })
}

/// The role's salary stated in running text, or None.
pub fn salary_in_text(text: &str) -> Option<Salary> {
    best_in_text(text, None).map(|h| h.salary)
}

/// Whether `s` says there is no stated figure ("DOE", "competitive", "negotiable").
pub fn is_unstated(s: &str) -> bool {
    static UNSTATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:DOE|DOQ|depending\s+on\s+experience|competitive|negotiable|n/?a|tbd|market\s+rate|-1|0)\s*\.?$")
            .expect("valid regex")
    });
    UNSTATED.is_match(s)
}

/// A salary from a field known to be about pay (a header line, a "salary" column): the first
/// figure that is not clearly something else; figures without a currency take the country's.
fn from_field(s: &str, country: Option<&Country>) -> Option<Salary> {
    if is_unstated(s) {
        return None;
    }
    let s = unglued_letter_symbol(s, country);
    hits(&s, country, true)
        .into_iter()
        .find(|h| h.score > -4)
        .map(|h| h.salary)
}

/// A pay field's figure glued to its country's one-letter currency symbol ("R849 702 per annum"
/// in South Africa), the symbol set apart as "R 849 702" is read. A letter alone is too common
/// a word to be a currency anywhere else.
fn unglued_letter_symbol<'a>(s: &'a str, country: Option<&Country>) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    let Some(c) = country else {
        return Cow::Borrowed(s);
    };
    // Most fields glue no letter to a figure: the vocabulary is looked at only when one does.
    if !s
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_alphabetic() && w[1].is_ascii_digit())
    {
        return Cow::Borrowed(s);
    }
    let letters: Vec<char> = vocab()
        .currencies
        .iter()
        .filter(|(t, code)| **code == c.currency && t.len() == 1)
        .filter_map(|(t, _)| t.chars().next().filter(char::is_ascii_alphabetic))
        .collect();
    let glued = |i: usize, ch: char| {
        letters.contains(&ch.to_ascii_lowercase())
            && !s[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && s[i + ch.len_utf8()..].starts_with(|n: char| n.is_ascii_digit())
    };
    if letters.is_empty() || !s.char_indices().any(|(i, ch)| glued(i, ch)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 2);
    for (i, ch) in s.char_indices() {
        out.push(ch);
        if glued(i, ch) {
            out.push(' ');
        }
    }
    Cow::Owned(out)
}

/// A salary from a field known to be about pay, without a country.
pub fn salary_from_field(s: &str) -> Option<Salary> {
    if is_unstated(s) {
        return None;
    }
    hits(s, None, false)
        .into_iter()
        .find(|h| h.score > -4)
        .map(|h| h.salary)
}

/// A figure given without a currency ("420000.0", "120000 - 150000") in a field known to be
/// pay, read in `currency`. Zero and empty give None.
pub fn bare_salary(s: &str, currency: &str) -> Option<Salary> {
    let t = s.trim();
    if is_unstated(t) || !t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if t.chars()
        .any(|c| c.is_alphabetic() && !"kKmMtoTO".contains(c))
    {
        return None;
    }
    salary_from_field(&format!("{currency} {t}"))
}

/// A salary from pay given as numbers.
/// The currency a symbol several share stands for in a record's field ("$"): the country's,
/// when it uses that symbol; else one the text names that does; else, with a country that uses
/// another, the symbol's first ("$" in Britain is a US dollar). With no country and no currency
/// named, none: a record's "$18.00" in "Port Elgin" is no more a US dollar than a Canadian one.
fn shared_symbol_currency(
    symbol: &str,
    country: Option<&Country>,
    currencies: &[String],
) -> Option<String> {
    let options = vocab().ambiguous_symbols.get(&fold(symbol.trim()))?;
    country
        .map(|c| &c.currency)
        .filter(|c| options.contains(c))
        .or_else(|| currencies.iter().find(|c| options.contains(c)))
        .or_else(|| country.and(options.first()))
        .cloned()
}

fn from_money(m: &Money, country: Option<&Country>, currencies: &[String]) -> Option<Salary> {
    let v = vocab();
    let code = m
        .currency
        .as_deref()
        .and_then(|c| {
            v.currency(c)
                .map(str::to_string)
                .or_else(|| shared_symbol_currency(c, country, currencies))
                .or_else(|| {
                    let t = c.trim().to_uppercase();
                    (t.len() == 3 && t.chars().all(|c| c.is_ascii_uppercase())).then_some(t)
                })
        })
        .or_else(|| currencies.first().cloned())
        // Bare figures with no currency anywhere and no country to take one from are no pay
        // that can be shown: "7000" is not seven thousand dollars.
        .or_else(|| country.map(|c| c.currency.clone()))?;
    let lo = m.min.or(m.max)?;
    let period = m.period.as_deref().and_then(period_of).unwrap_or_else(|| {
        let hi = m.max.unwrap_or(lo);
        period_for(lo * usd_rate(&code), hi * usd_rate(&code), low_wage(&code))
    });
    let yearly_usd = lo * usd_rate(&code) * period.per_year();
    if !(500.0..=5_000_000.0).contains(&yearly_usd) {
        return None;
    }
    let mut s = Salary::new(m.min, m.max, &code, period)?;
    if m.kind == PayKind::Estimated {
        s.provenance = PayProvenance::Estimate;
    }
    Some(s)
}

/// Resolves the salary: pay given as numbers (base before total, the board's estimate last),
/// a labelled pay text, the title's wrapper, else the best figure of the description. The
/// salary keeps whose figure it is ([`PayProvenance`]): a board's estimate (an estimate's
/// container or label, or words such as "Glassdoor est." beside the figure), a figure of the
/// running text, else the employer's.
pub fn resolve(
    ctx: &mut Ctx<'_>,
    country: Option<&'static Country>,
) -> Option<(Salary, FieldSource)> {
    let v = vocab();
    let currencies: Vec<String> = ctx
        .doc
        .texts(Key::Currency)
        .filter_map(|(c, _)| {
            v.currency(c).map(str::to_string).or_else(|| {
                let t = c.trim().to_uppercase();
                (t.len() == 3 && t.chars().all(|c| c.is_ascii_alphabetic())).then_some(t)
            })
        })
        .collect();
    // Without a currency field, the one currency the posting's text writes its figures in
    // ("à partir de 2 440,00€ par mois") is that of a bare figure in a pay field.
    // (Read only when a pay field is there to use it: the scan costs a pass over the text.)
    let structured_pay =
        ctx.doc.facts_of(Key::Pay).next().is_some() || ctx.doc.texts(Key::Salary).next().is_some();
    let currencies = if currencies.is_empty() && structured_pay {
        text_currency(&ctx.full, country).into_iter().collect()
    } else {
        currencies
    };
    let mut cands: Vec<Cand<Salary>> = Vec::new();
    for f in ctx.doc.facts_of(Key::Pay) {
        if let Value::Money(m) = &f.value
            && let Some(s) = from_money(m, country, &currencies)
        {
            let less = match m.kind {
                PayKind::Base => 0,
                PayKind::Total => 30,
                PayKind::Estimated => 50,
            };
            cands.push(Cand::of(s, f.origin, less));
        }
    }
    let field = |t: &str| {
        let mut s = from_field(t, country)?;
        if !v.pay_estimate.all_in(t).is_empty() {
            s.provenance = PayProvenance::Estimate;
        }
        // A currency named by its own field ("salary_currency": "CAD").
        if let Some(c) = currencies.first()
            && !t.chars().any(|ch| "$€£¥₹".contains(ch))
            && vocab().currency(&s.currency).is_some()
            && s.currency == default_currency(None, country)
        {
            s.currency = c.clone();
        } else if currencies.is_empty() && country.is_none() && !looks_like_pay(t) {
            // Bare figures ("RAL 25k - 28k", "2000") with no currency anywhere and no country
            // to take one from: no pay that can be shown.
            return None;
        }
        Some(s)
    };
    for (t, origin) in ctx.doc.texts(Key::Salary) {
        if let Some(s) = field(t) {
            cands.push(Cand::of(s, origin, 5));
        }
    }
    // A board's estimate loses to the employer's figure, and wins over one read from the
    // running text (often the same figure, read from the estimate's own line).
    for (t, origin) in ctx.doc.texts(Key::SalaryEstimate) {
        if let Some(mut s) = field(t) {
            s.provenance = PayProvenance::Estimate;
            cands.push(Cand::of(s, origin, 30));
        }
    }
    for f in ctx.derived.iter().filter(|f| f.key == Key::Salary) {
        if let Some(s) = f.value.text().and_then(field) {
            cands.push(Cand::of(s, f.origin, 15));
        }
    }
    for (t, origin) in ctx.doc.texts(Key::Badge) {
        if looks_like_pay(t)
            && let Some(s) = field(t)
        {
            cands.push(Cand::of(s, origin, 10));
        }
    }
    // A record keeping one figure of a range its text states ("Salary": 7.75 over "Salary:
    // £7.75-£10.50 per hour"): the text's range, the figure one of its bounds.
    if let Some(c) = cands
        .iter_mut()
        .find(|c| c.strength >= 70 && c.value.min.is_some() && c.value.min == c.value.max)
        && let Some(h) = best_in_text(&ctx.full, country)
        && h.salary.currency == c.value.currency
        && h.salary.min.is_some()
        && h.salary.max.is_some()
        && h.salary.min != h.salary.max
        && (h.salary.min == c.value.min || h.salary.max == c.value.min)
    {
        c.value.min = h.salary.min;
        c.value.max = h.salary.max;
        c.value.period = h.salary.period;
    }
    if cands.iter().all(|c| c.strength < 70)
        && let Some(mut h) = best_in_text(&ctx.full, country)
    {
        h.salary.provenance = PayProvenance::Text;
        cands.push(Cand::new(
            h.salary,
            TEXT + h.score.min(10),
            FieldSource::Text,
        ));
    }
    pick(Field::Salary, cands, TEXT, &mut ctx.notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_currency_ending_in_a_dot_may_touch_its_figure() {
        let s = salary_in_text("Pay Scale: Rs.15,600 to 39,100 with G.P. Rs.5,400/- P.M.").unwrap();
        assert_eq!((s.min, s.max), (Some(15600.0), Some(39100.0)));
        assert_eq!(s.period, Period::Month);
        // A version number is still no pay.
        assert!(salary_in_text("Requires Python v2.5 or later").is_none());
        // A figure in a drawing's path is no pay ("8l" is no lakh).
        assert!(salary_in_text("<path d=\"M17 8l4 4m0 0l-4 4m4-4H3\" />").is_none());
        // A figure in a web address is no pay.
        assert!(salary_in_text("Apply at http://apply.interfolio.com/86056.").is_none());
        assert!(salary_in_text("See www.jobs.example.com/job/45000 for more").is_none());
    }

    #[test]
    fn a_plus_glued_to_a_figure_adds_other_pay_or_says_or_more() {
        let bounds = |t: &str| salary_in_text(t).map(|s| (s.min, s.max));
        assert_eq!(
            bounds("Salary: $100k+ equity"),
            Some((Some(100000.0), Some(100000.0)))
        );
        assert_eq!(
            bounds("שכר: 13,000 ₪+ עמלות"),
            Some((Some(13000.0), Some(13000.0)))
        );
        assert_eq!(bounds("Salary: €50k+ a year"), Some((Some(50000.0), None)));
        assert_eq!(bounds("Salary: $100k+"), Some((Some(100000.0), None)));
        // A share is no money, whatever follows it.
        assert_eq!(bounds("Equity: 10-20%"), None);
        let post = "Cooklist | React Native / Django | Dallas, TX | Remote | Equity 1-8% Salary \
                    $60-90k\n\nCooklist shows you recipes you can cook.\n";
        let s = crate::parse::parse_text(post, "post.txt").unwrap()[0]
            .salary
            .clone()
            .unwrap();
        assert_eq!((s.min, s.max), (Some(60000.0), Some(90000.0)));
    }

    #[test]
    fn a_pay_field_s_low_figure_in_a_low_wage_currency_stands() {
        let csv =
            "job_title,job_location,base_salary,company\nStaff Nurse,Padang,2600000,Morula IVF\n";
        let s = crate::parse::parse_text(csv, "jobs.csv").unwrap()[0]
            .salary
            .clone()
            .unwrap();
        assert_eq!(
            (s.min, s.currency.as_str(), s.period),
            (Some(2600000.0), "IDR", Period::Month)
        );
        // In running text, a figure that low with no period is still no pay.
        assert!(
            salary_in_text("We have 2600000 users in Indonesia, IDR 2600000 raised.").is_none()
        );
    }

    #[test]
    fn a_figure_the_sentence_calls_the_least_the_job_pays_is_a_minimum() {
        for t in [
            "According to the Austrian collective agreement, the minimum salary is 29.000 €/year. We are happy to offer more.",
            "Aus gesetzlichen Gründen weisen wir darauf hin, dass das kollektivvertragliche Mindestgehalt für diese Stelle aktuell €1.749,32 Brutto/Monat beträgt.",
        ] {
            let s = salary_in_text(t).expect(t);
            assert!(s.min.is_some() && s.max.is_none(), "{t}: {s:?}");
        }
        // A figure named as the pay itself stays both bounds.
        let s = salary_in_text("Salary: €45,000 a year.").unwrap();
        assert_eq!((s.min, s.max), (Some(45000.0), Some(45000.0)));
    }

    #[test]
    fn a_hedge_between_a_figure_and_its_period_is_passed_over() {
        for t in [
            "$75,000.00 aprox. per month",
            "€3.000 ca. im Monat",
            "€4,000 approx. per month",
        ] {
            let s = salary_from_field(t).expect(t);
            assert_eq!(s.period, Period::Month, "{t}");
        }
        // A word that ends a sentence is no hedge: the next sentence's period is not the pay's.
        let s = salary_in_text("Salary: €55,000 net. Monthly travel allowance.").unwrap();
        assert_eq!(s.period, Period::Year);
    }

    #[test]
    fn a_pay_scale_s_grade_is_no_money() {
        for t in [
            "Vergütung: EG 11–12 TVöD",
            "Besoldung nach A 13 LBesO BW",
            "The post is at Grade 7 on the university's scale.",
        ] {
            assert!(salary_in_text(t).is_none(), "{t}");
        }
        // A figure whose grade is named after the period is still the pay.
        let s = salary_in_text("Salary: Starting at $69,642 per year (GS 9)").unwrap();
        assert_eq!(s.min, Some(69642.0));
    }

    #[test]
    fn a_figure_with_one_country_s_multiplier_word_looks_like_pay() {
        for s in ["10~14tr", "10-15tr/thang", "25 triệu", "$120k", "2K€/month"] {
            assert!(looks_like_pay(s), "{s}");
        }
        for s in ["10-14", "3 years", "24/7", "5 million users"] {
            assert!(!looks_like_pay(s), "{s}");
        }
    }

    fn one(s: &str) -> (Option<f64>, Option<f64>, String, Period) {
        let sal = salary_from_field(s).unwrap_or_else(|| panic!("no salary in {s:?}"));
        (sal.min, sal.max, sal.currency, sal.period)
    }

    fn country(iso: &str) -> Option<&'static Country> {
        vocab().country(iso)
    }

    #[test]
    fn a_record_s_dollar_is_the_dollar_of_its_country_or_of_none() {
        let money = |min: f64| Money {
            min: Some(min),
            max: Some(min + 2.0),
            currency: Some("$".into()),
            period: Some("hour".into()),
            kind: PayKind::Base,
        };
        let s = from_money(&money(18.0), country("CA"), &[]).expect("pay");
        assert_eq!(s.currency, "CAD");
        // A currency the text names that writes "$".
        let s = from_money(&money(18.0), None, &["MXN".into()]).expect("pay");
        assert_eq!(s.currency, "MXN");
        // A country that writes another sign: "$" is a US dollar there.
        let s = from_money(&money(18.0), country("GB"), &[]).expect("pay");
        assert_eq!(s.currency, "USD");
        // No country and no currency named: no pay shown in a guessed currency.
        assert_eq!(from_money(&money(18.0), None, &[]), None);
    }

    #[test]
    fn a_range_too_high_for_an_hour_is_a_months() {
        assert_eq!(
            one("250 – 1 500$на руки"),
            (Some(250.0), Some(1500.0), "USD".into(), Period::Month)
        );
        assert_eq!(
            one("$25 - $35"),
            (Some(25.0), Some(35.0), "USD".into(), Period::Hour)
        );
    }

    #[test]
    fn hours_of_work_in_a_pay_field_are_no_pay() {
        let pay = |field: &str| {
            let md = format!(
                "---\ntitle: Frontend Developer\ncompany: Acme\nlocation: Berlin\ncompensation: {field}\n---\nBuild our app.\n"
            );
            crate::parse::parse_text(&md, "a.md")
                .unwrap()
                .remove(0)
                .salary
                .map(|s| (s.min, s.max, s.period))
        };
        assert_eq!(pay("part-time / 18hrs/week"), None);
        assert_eq!(pay("40 Stunden pro Woche"), None);
        assert_eq!(
            pay("€18 per hour"),
            Some((Some(18.0), Some(18.0), Period::Hour))
        );
        assert_eq!(
            pay("18 € / Stunde, 20 Stunden pro Woche"),
            Some((Some(18.0), Some(18.0), Period::Hour))
        );
    }

    #[test]
    fn the_many_shapes() {
        use Period::*;
        let y = |a, b, c: &str| (a, b, c.to_string(), Year);
        assert_eq!(
            one("$180,000 to $240,000"),
            y(Some(180e3), Some(240e3), "USD")
        );
        assert_eq!(one("$150k–$200k"), y(Some(150e3), Some(200e3), "USD"));
        assert_eq!(one("$150-200k"), y(Some(150e3), Some(200e3), "USD"));
        // A code glued after the multiplier.
        assert_eq!(
            one("Horquilla de salida entre 25KMXN y 30KMXN"),
            (Some(25e3), Some(30e3), "MXN".into(), Period::Month)
        );
        assert_eq!(one("$100-150,000"), y(Some(100e3), Some(150e3), "USD"));
        assert_eq!(one("120-150k USD"), y(Some(120e3), Some(150e3), "USD"));
        assert_eq!(one("up to $120k"), y(None, Some(120e3), "USD"));
        assert_eq!(one("$120k or less"), y(None, Some(120e3), "USD"));
        assert_eq!(one("$120k max"), y(None, Some(120e3), "USD"));
        // "up to" after a "from" figure is no maximum of that figure.
        assert_ne!(one("From 7000 up to 22.000 PLN/month").1, Some(7e3));
        assert_eq!(
            one("$120k, up to 20% bonus"),
            y(Some(120e3), Some(120e3), "USD")
        );
        // A figure named as another payment a few words on is not the salary; one followed by
        // "plus bonus" still is.
        assert_eq!(salary_in_text("Perks: $200/month AI tools budget"), None);
        // Equity added after the figure: the figure is still the salary.
        assert_eq!(one("$200k + 2% equity"), y(Some(200e3), Some(200e3), "USD"));
        assert_eq!(one("$150k-$200k + equity").1, Some(200e3));
        assert_eq!(one("$100k + Significant Equity").1, Some(100e3));
        // At least: a sign before, "and up" after.
        assert_eq!(one(">= $200k + 2% equity"), y(Some(200e3), None, "USD"));
        assert_eq!(one("> $90K + equity"), y(Some(90e3), None, "USD"));
        assert_eq!(
            one("$150k and up, plus equity"),
            y(Some(150e3), None, "USD")
        );
        assert!(salary_in_text("Salary: $150,000 a year plus bonus").is_some());
        assert_eq!(one("$120,000+"), y(Some(120e3), None, "USD"));
        assert_eq!(one("€60.000 - €75.000"), y(Some(60e3), Some(75e3), "EUR"));
        // A dollar sign with thousands grouped by dots is a peso no country names here: no
        // currency is sure, unless a code says it.
        assert_eq!(salary_from_field("$900.000"), None);
        assert_eq!(salary_in_text("Sueldo: $600.000 - $650.000 líquidos"), None);
        assert_eq!(
            one("(USD) $2.500 - $3.700 per month"),
            (Some(2500.0), Some(3700.0), "USD".into(), Month)
        );
        assert_eq!(
            one("60 000 € brut annuel"),
            y(Some(60e3), Some(60e3), "EUR")
        );
        assert_eq!(one("£45k"), y(Some(45e3), Some(45e3), "GBP"));
        assert_eq!(one("₹25-35 LPA"), y(Some(25e5), Some(35e5), "INR"));
        // A law's number is no pay ("art. 18 L.68/1999").
        assert_eq!(
            salary_in_text("ai sensi dell'art. 18 L.68/1999 (art. 18 L. 68/99)"),
            None
        );
        assert_eq!(one("CHF 120'000"), y(Some(120e3), Some(120e3), "CHF"));
        assert_eq!(one("$60/hr"), (Some(60.0), Some(60.0), "USD".into(), Hour));
        assert_eq!(
            one("$174,000/yr - $235,000/yr"),
            y(Some(174e3), Some(235e3), "USD")
        );
        assert_eq!(
            one("$40.00/HR - $50.00/HR"),
            (Some(40.0), Some(50.0), "USD".into(), Hour)
        );
        assert_eq!(
            one("$81,200 - $121,800 CAD"),
            y(Some(81.2e3), Some(121.8e3), "CAD")
        );
        assert_eq!(
            one("21 250 - 25 000 PLN gross/monthly"),
            (Some(21_250.0), Some(25e3), "PLN".into(), Month)
        );
        assert_eq!(
            one("20 to 45 lakhs INR per annum (Gross)"),
            y(Some(20e5), Some(45e5), "INR")
        );
        assert_eq!(
            one("$8,000 per month"),
            (Some(8e3), Some(8e3), "USD".into(), Month)
        );
        // A fresher's pay in India, its period stated.
        assert_eq!(
            one("Pay: ₹12,000.00 – ₹25,000.00 per month"),
            (Some(12e3), Some(25e3), "INR".into(), Month)
        );
        // Czech thousands ("tis.").
        let s = salary_in_text("60–200 tis. Kč měsíčně").expect("a Czech range");
        assert_eq!(
            (s.min, s.max, s.currency.as_str()),
            (Some(60e3), Some(200e3), "CZK")
        );
        // Without a period, so low a figure is no pay.
        assert!(salary_in_text("₹12,000").is_none());
    }

    #[test]
    fn the_shapes_of_issue_14() {
        use Period::*;
        assert_eq!(
            one("$45, 700 - $74, 400 CAD"),
            (Some(45_700.0), Some(74_400.0), "CAD".into(), Year)
        );
        assert_eq!(
            one("$140,000 - $170,000 USD per year"),
            (Some(140e3), Some(170e3), "USD".into(), Year)
        );
        assert_eq!(
            one("entre 30.000 y 45.000 €"),
            (Some(30e3), Some(45e3), "EUR".into(), Year)
        );
        // Catalan joins a range's figures with "i".
        assert_eq!(
            one("El salari de entre 18.000 i 24.000 euros bruts anual"),
            (Some(18e3), Some(24e3), "EUR".into(), Year)
        );
        let t = "Total Target Compensation CAD $119,000–$246,000, including a base salary of $100,000–$160,000.";
        let s = salary_in_text(t).unwrap();
        assert_eq!(
            (s.min, s.max, s.currency.as_str()),
            (Some(100e3), Some(160e3), "CAD")
        );
        // A bare "$" is the country's dollar.
        let s = from_field("$90,000 - $110,000", country("CA")).unwrap();
        assert_eq!(s.currency, "CAD");
        // The country's one-letter symbol glued to the figure in a pay field.
        let s = from_field("R849 702 per annum", country("ZA")).unwrap();
        assert_eq!((s.min, s.currency.as_str()), (Some(849_702.0), "ZAR"));
        assert!(from_field("R849 702 per annum", country("DE")).is_none());
        assert_eq!(
            one("月給200,000円～300,000円"),
            (Some(200e3), Some(300e3), "JPY".into(), Month)
        );
        assert_eq!(
            one("時給1,000円～"),
            (Some(1000.0), None, "JPY".into(), Hour)
        );
        assert_eq!(
            one("연봉 3,000만원 ~ 3,500만원"),
            (Some(30e6), Some(35e6), "KRW".into(), Year)
        );
        let s = from_field("6-8 triệu/tháng", country("VN")).unwrap();
        assert_eq!(
            (s.min, s.max, s.currency.as_str(), s.period),
            (Some(6e6), Some(8e6), "VND", Month)
        );
        // In running text a figure counted in a word only the country's money uses is in that
        // money; the same figure elsewhere, or a bare one, is not.
        let in_text = |t: &str, c: &str| {
            best_in_text(t, country(c)).map(|h| (h.salary.min, h.salary.max, h.salary.currency))
        };
        assert_eq!(
            in_text("【月薪 6-10 萬】網頁前端工程師", "TW"),
            Some((Some(60e3), Some(100e3), "TWD".into()))
        );
        assert_eq!(
            in_text("Thu nhập: 20-40 tr/tháng, thưởng theo dự án", "VN"),
            Some((Some(20e6), Some(40e6), "VND".into()))
        );
        assert_eq!(in_text("【月薪 6-10 萬】網頁前端工程師", "DE"), None);
        assert_eq!(in_text("Mức lương 6-10 triệu", ""), None);
        assert_eq!(in_text("Salary: 6000 - 8000 per month", "VN"), None);
        assert_eq!(
            one("R$ 3.500 a R$ 4.000"),
            (Some(3500.0), Some(4000.0), "BRL".into(), Month)
        );
        assert_eq!(
            one("2K€/month"),
            (Some(2000.0), Some(2000.0), "EUR".into(), Month)
        );
        assert_eq!(
            one("£350-£400 per day"),
            (Some(350.0), Some(400.0), "GBP".into(), Day)
        );
        assert_eq!(
            one("€45.000 - €90.000"),
            (Some(45e3), Some(90e3), "EUR".into(), Year)
        );
    }

    #[test]
    fn no_figure_is_no_salary() {
        for s in [
            "DOE",
            "competitive",
            "Competitive salary and equity",
            "negotiable",
            "",
        ] {
            assert_eq!(salary_from_field(s), None, "{s}");
        }
    }

    #[test]
    fn company_figures_are_not_salaries() {
        assert_eq!(
            salary_in_text("We raised $100M in Series C funding at a $5.6B valuation."),
            None
        );
        assert_eq!(
            salary_in_text(
                "Used by 40 million developers, with $20,000 in annual revenue per seat."
            ),
            None
        );
        assert_eq!(
            salary_in_text("A $5,000 sign-on bonus and a $100 monthly lunch stipend."),
            None
        );
        assert_eq!(
            salary_in_text("Fastino has raised almost $25M through our seed round."),
            None
        );
    }

    #[test]
    fn russian_thousands_and_the_old_ruble_code() {
        for text in ["З/П: от 70 т.р.", "Зарплата от 70 тысяч рублей в месяц"]
        {
            let s = salary_in_text(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (s.min, s.currency.as_str(), s.period),
                (Some(70e3), "RUB", Period::Month),
                "{text}"
            );
        }
        assert_eq!(vocab().currency("RUR"), Some("RUB"));
    }

    #[test]
    fn picks_the_role_pay_among_figures() {
        let text = "We raised $50M last year. The reasonably estimated base salary for this role ranges \
                    from $180,000 to $240,000, plus a competitive equity package.";
        let s = salary_in_text(text).unwrap();
        assert_eq!(
            (s.min, s.max, s.currency.as_str(), s.period),
            (Some(180e3), Some(240e3), "USD", Period::Year)
        );
    }

    #[test]
    fn pay_of_a_later_role_is_not_the_salary() {
        assert_eq!(
            salary_in_text(
                "On successful conversion to a permanent employee, the candidate can expect a salary of Rs. 2 to 3 Lac/annum."
            ),
            None
        );
    }

    #[test]
    fn words_after_figures_are_not_multipliers() {
        // An article on the next line or elided before a word is no lakh.
        assert!(
            crate::parse::parse_text(
                "# Fisioterapista\n\n- Luogo: Napoli\n- Posti disponibili: 4\nL'Azienda Ospedaliera cerca quattro fisioterapisti.\n",
                "concorsi.md"
            )
            .unwrap()[0]
                .salary
                .is_none()
        );
        assert!(
            crate::parse::parse_text(
                "# Développeur\n\nNous recrutons 3 l'an prochain à Lyon pour notre équipe.\n",
                "a.md"
            )
            .unwrap()[0]
                .salary
                .is_none()
        );
        assert_eq!(
            salary_in_text("Mehr als 50.000 Mitarbeiter in 30 Ländern."),
            None
        );
        assert_eq!(salary_in_text("Gehalt: 5 Millionen Kunden"), None);
        // "l" (lakh) of "lei" is no multiplier, and the word is still the currency.
        let s = salary_in_text("Salariu: 8000 - 10000 lei net lunar.").expect("a lei range");
        assert_eq!(
            (s.min, s.max, s.currency.as_str()),
            (Some(8000.0), Some(10000.0), "RON")
        );
    }

    #[test]
    fn a_currency_of_central_asia_is_read_at_its_own_scale() {
        let json = r#"[{"title": "Python разработчик", "city": "Ташкент",
            "salary": {"from": 10000000, "to": 13000000, "currency": "UZS"},
            "description": "Разработка микросервисов на Python в команде из пяти человек."}]"#;
        let p = crate::parse::parse_text(json, "hh.json").unwrap().remove(0);
        let s = p.salary.expect("a som range is a plausible monthly pay");
        assert_eq!(s.currency, "UZS");
        assert_eq!((s.min, s.max), (Some(10_000_000.0), Some(13_000_000.0)));
    }

    #[test]
    fn bare_numbers_are_ignored() {
        assert_eq!(
            salary_in_text("Founded in 2012, 500 employees, 98% of the Fortune 500."),
            None
        );
        assert_eq!(salary_in_text("Offer 401(k) matching up to 4%"), None);
    }
}
