//! Salary phrases: "$180,000 to $240,000", "$150k–$200k", "120-150k USD", "up to $120k",
//! "$120,000+", "€60.000 - €75.000", "60 000 € brut annuel", "£45k", "₹25-35 LPA",
//! "¥8,000,000", "$60/hr", "CHF 120'000". "DOE" and "competitive" are not salaries.
//!
//! Every money figure in the text is found, then scored by its context: pay words around it
//! raise it, company figures (valuation, funding, revenue) and other payments (bonus, stipend)
//! sink it. The best-scoring figure is the posting's salary.

use std::sync::LazyLock;

use regex::Regex;

use crate::posting::{Period, Salary};

/// A money figure found in text, with how likely it is to be the role's pay.
#[derive(Debug, Clone, PartialEq)]
pub struct SalaryHit {
    pub salary: Salary,
    pub start: usize,
    pub end: usize,
    pub score: i32,
}

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<cur1>US\$|USD\s?\$?|CA\$|C\$|CAD\s?\$?|A\$|AU\$|AUD\s?\$?|NZ\$|NZD|S\$|SGD|HK\$|HKD|R\$|BRL
            |MX\$|MXN|\$|€|EUR|£|GBP|¥|JPY|円|₹|INR|Rs\.?|CHF|Fr\.|SEK|NOK|DKK|PLN|zł|ZAR)?
        \s?
        (?P<num>\d{1,3}(?:(?:,|\.|'|’|\x{a0}|\x{202f}|\x20)\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?)
        (?:\s?(?P<mult>[kK](?-u:\b)|[mM](?-u:\b)|mn(?-u:\b)|MM(?-u:\b)|[mM]illion|[tT]housand|[lL]akhs?|[lL]acs?|L(?-u:\b)|LPA|[cC]r(?-u:\b)|[cC]rores?
            |[bB](?-u:\b)|bn(?-u:\b)|[bB]illion))?
        (?:\s?(?P<cur2>USD|EUR|GBP|CHF|CAD|AUD|NZD|SGD|JPY|INR|SEK|NOK|DKK|PLN|BRL|MXN|ZAR|€|£|円|zł|\$))?
        ",
    )
    .expect("valid regex")
});

static RANGE_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:/\s*(?:yr|year|hr|hour|h|mo|month|wk|week|day|annum)(?-u:\b)\.?|per\s+(?:year|hour|month|annum))?\s*(?:-|–|—|~|to|and|bis|à|a|through)\s*$").expect("valid regex")
});

static UP_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:up\s+to|max(?:imum)?(?:\s+of)?|no\s+more\s+than|jusqu'à|bis\s+zu|at\s+most)\s*$",
    )
    .expect("valid regex")
});

static FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:from|starting\s+(?:at|from)|min(?:imum)?(?:\s+of)?|at\s+least|à\s+partir\s+de|ab)\s*$")
        .expect("valid regex")
});

static PERIOD_AFTER: LazyLock<Vec<(Regex, Period)>> = LazyLock::new(|| {
    let p = |re: &str, period| (Regex::new(re).expect("valid regex"), period);
    vec![
        p(
            r"(?i)^\s*(?:\(|,)?\s*(?:(?:gross|net|brutto|brut|netto|base)(?-u:\b)\s*)?(?:/\s*(?:yr|year|annum|an|a|yearly|annually)(?-u:\b)|per\s+(?:year|annum)|a\s+year|each\s+year|annually|annual|annuel|yearly|p\.\s?a\.|pa(?-u:\b)|brut\s+annuel|brut/an|per\s+anno|par\s+an|LPA|total\s*/\s*year|OTE)",
            Period::Year,
        ),
        p(
            r"(?i)^\s*(?:\(|,)?\s*(?:(?:gross|net|brutto|brut|netto|base)(?-u:\b)\s*)?(?:/\s*(?:h|hr|hour|hourly)(?-u:\b)|per\s+hour|an\s+hour|hourly|p/h|ph(?-u:\b)|/\s*heure|de\s+l'heure)",
            Period::Hour,
        ),
        p(
            r"(?i)^\s*(?:\(|,)?\s*(?:(?:gross|net|brutto|brut|netto|base)(?-u:\b)\s*)?(?:/\s*(?:mo|month|monthly|mois|mes|monat)(?-u:\b)|per\s+month|a\s+month|monthly|par\s+mois|mensuel|pro\s+monat|pm(?-u:\b)|p\.m\.)",
            Period::Month,
        ),
        p(
            r"(?i)^\s*(?:\(|,)?\s*(?:(?:gross|net|brutto|brut|netto|base)(?-u:\b)\s*)?(?:/\s*(?:wk|week|weekly)(?-u:\b)|per\s+week|a\s+week|weekly)",
            Period::Week,
        ),
        p(
            r"(?i)^\s*(?:\(|,)?\s*(?:(?:gross|net|brutto|brut|netto|base)(?-u:\b)\s*)?(?:/\s*(?:d|day|daily)(?-u:\b)|per\s+day|a\s+day|daily|day\s+rate|par\s+jour|/\s*jour)",
            Period::Day,
        ),
    ]
});

static PERIOD_BEFORE: LazyLock<Vec<(Regex, Period)>> = LazyLock::new(|| {
    let p = |re: &str, period| (Regex::new(re).expect("valid regex"), period);
    vec![
        p(
            r"(?i)(?-u:\b)(?:annual|yearly|annualized|per\s+annum)(?-u:\b)",
            Period::Year,
        ),
        p(r"(?i)(?-u:\b)hourly(?-u:\b)", Period::Hour),
        p(r"(?i)(?-u:\b)monthly(?-u:\b)", Period::Month),
        p(r"(?i)(?-u:\b)weekly(?-u:\b)", Period::Week),
        p(r"(?i)(?-u:\b)(?:daily|day\s+rate)(?-u:\b)", Period::Day),
    ]
});

static PAY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:salary|salaries|compensation|comp|pay|paid|pays|wage|wages|base|OTE|rate|remuneration|earn|earnings|package|CTC|LPA|range|ranges|band|salaire|rémunération|gehalt|vergütung|sueldo|salario|salário|stipendio|retribución)(?-u:\b)",
    )
    .expect("valid regex")
});

static NOT_PAY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:valuation|valued|raised|raise|funding|funded|revenue|revenues|ARR|invest\w*|investors?|series\s+[a-f]|market\s+cap|capital|donat\w*|grants?|customers|users|spend|spent|assets|loan|fine|fee|fees|price|pricing|cost|costs|worth|sales|GMV|budget\s+of|prize|award)(?-u:\b)",
    )
    .expect("valid regex")
});

static OTHER_PAY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:bonus|sign-?on|signing|relocation|referral|reimburse\w*|allowance|stipend|401\(?k\)?|equity|stock|RSUs?|per\s+diem|lunch|learning\s+budget|home\s+office|data\s+points?|reports?|contributions?|HSA|FSA|insurance|premiums?|deductibles?|gym|wellness|commuter|transit|coworking|meals?|internet|phone|tuition|education|training|conference)(?-u:\b)",
    )
    .expect("valid regex")
});

static LATER_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:conversion|converted|on\s+successful|after\s+the\s+internship|post[\s-]internship|pre[\s-]placement|PPO|upon\s+completion)(?-u:\b)",
    )
    .expect("valid regex")
});

/// Whether `s` says there is no stated figure ("DOE", "competitive", "negotiable").
pub fn is_unstated(s: &str) -> bool {
    static UNSTATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:DOE|depending\s+on\s+experience|competitive|negotiable|n/?a|tbd|market\s+rate|-1|0)\s*\.?$")
            .expect("valid regex")
    });
    UNSTATED.is_match(s)
}

struct Amount {
    start: usize,
    end: usize,
    value: f64,
    /// The multiplier word was present ("k", "lakh"…), or none.
    mult: Option<f64>,
    currency: Option<&'static str>,
    /// Only a bare "$" named the currency (US dollars unless a code says otherwise).
    weak_currency: bool,
    lakh: bool,
    company_figure: bool,
}

fn currency_code(s: &str) -> Option<&'static str> {
    let s = s.trim().trim_end_matches('$').trim();
    Some(match s {
        "US" | "USD" | "" => "USD",
        "CA" | "C" | "CAD" => "CAD",
        "A" | "AU" | "AUD" => "AUD",
        "NZ" | "NZD" => "NZD",
        "S" | "SGD" => "SGD",
        "HK" | "HKD" => "HKD",
        "R" | "BRL" => "BRL",
        "MX" | "MXN" => "MXN",
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "¥" | "JPY" | "円" => "JPY",
        "₹" | "INR" | "Rs" | "Rs." => "INR",
        "CHF" | "Fr." => "CHF",
        "SEK" => "SEK",
        "NOK" => "NOK",
        "DKK" => "DKK",
        "PLN" | "zł" => "PLN",
        "ZAR" => "ZAR",
        _ => return None,
    })
}

/// Parses "180,000", "60.000", "120'000", "60 000", "62.50", "1,5" into a number.
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

fn find_amounts(text: &str) -> Vec<Amount> {
    let mut out = Vec::new();
    for caps in AMOUNT.captures_iter(text) {
        let whole = caps.get(0).expect("group 0");
        let num = caps.name("num").expect("num group");
        // The span starts at the currency, else at the number (not at a space before it).
        let start = caps.name("cur1").map_or(num.start(), |c| c.start());
        // A figure glued to letters or digits is not money ("A320", "v2.5", "COVID19").
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '/') {
            continue;
        }
        let Some(mut value) = parse_number(num.as_str()) else {
            continue;
        };
        // A bare "$" gives way to a code written after the figure ("$81,200 CAD").
        let c1 = caps.name("cur1").map(|m| m.as_str());
        let c2 = caps.name("cur2").map(|m| m.as_str());
        let weak = c1.is_some_and(|c| c.trim() == "$") && c2.is_none_or(|c| c == "$");
        let cur = match (c1, c2) {
            (Some(a), Some(b)) if a.trim() == "$" && b != "$" => currency_code(b),
            (Some(a), _) => currency_code(a),
            (None, Some(b)) => currency_code(b),
            (None, None) => None,
        };
        // The regex's word boundaries are ASCII (fast on any text): a multiplier glued to a
        // non-ASCII letter is a word ("30 Ländern"), not "30 L".
        let mult_m = caps.name("mult");
        if let Some(m) = mult_m
            && text[m.end()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
        {
            continue;
        }
        let mult_s = mult_m.map(|m| m.as_str());
        let (mult, lakh, company_figure) = match mult_s {
            Some("k" | "K") | Some("thousand" | "Thousand") => (Some(1e3), false, false),
            Some("m" | "M" | "mn" | "MM" | "million" | "Million") => (Some(1e6), false, true),
            Some(m)
                if m.eq_ignore_ascii_case("lpa")
                    || m == "L"
                    || m.to_lowercase().starts_with("la") =>
            {
                (Some(1e5), true, false)
            }
            Some(m) if m.to_lowercase().starts_with("cr") => (Some(1e7), false, false),
            Some(m) if m.to_lowercase().starts_with('b') => (Some(1e9), false, true),
            _ => (None, false, false),
        };
        if let Some(m) = mult {
            value *= m;
        }
        // "LPA" in the multiplier also says the period; remember it via `lakh`.
        out.push(Amount {
            start,
            end: trim_end(text, start, whole.end()),
            value,
            mult,
            currency: cur,
            weak_currency: weak,
            lakh: lakh || mult_s.is_some_and(|m| m.eq_ignore_ascii_case("lpa")),
            company_figure,
        });
    }
    out
}

/// The regex may swallow a trailing space before an absent group; keep spans tight.
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

fn window(text: &str, start: usize, end: usize, before: usize, after: usize) -> (&str, &str) {
    let mut b = start.saturating_sub(before);
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    let mut a = (end + after).min(text.len());
    while !text.is_char_boundary(a) {
        a += 1;
    }
    (&text[b..start], &text[end..a])
}

/// Like [`window`], but cut at sentence ends (". ", "! ", "? ", line breaks) so that words of
/// neighbouring sentences don't count as context.
fn sentence_window(
    text: &str,
    start: usize,
    end: usize,
    before: usize,
    after: usize,
) -> (&str, &str) {
    let (b, a) = window(text, start, end, before, after);
    let is_end = |w: &[u8]| matches!(w, [b'.' | b'!' | b'?', b' ' | b'\n'] | [b'\n', _]);
    let cut_b = b
        .as_bytes()
        .windows(2)
        .rposition(is_end)
        .map_or(b, |i| &b[i + 1..]);
    let cut_a = a
        .as_bytes()
        .windows(2)
        .position(is_end)
        .map_or(a, |i| &a[..i]);
    (cut_b, cut_a)
}

/// Rough USD value of one unit, only to judge whether a figure is a plausible salary.
fn usd_rate(code: &str) -> f64 {
    match code {
        "EUR" | "CHF" | "GBP" => 1.1,
        "CAD" | "AUD" | "NZD" | "SGD" => 0.7,
        "JPY" => 0.007,
        "INR" => 0.012,
        "HKD" => 0.13,
        "BRL" => 0.2,
        "MXN" => 0.055,
        "SEK" | "NOK" | "DKK" => 0.1,
        "PLN" => 0.25,
        "ZAR" => 0.055,
        _ => 1.0,
    }
}

/// Guesses the period of an unlabelled figure from its size.
fn period_from_magnitude(usd: f64) -> Period {
    if usd < 300.0 {
        Period::Hour
    } else if usd < 15_000.0 {
        Period::Month
    } else {
        Period::Year
    }
}

/// All salary-like figures in `text`, each scored by its context.
pub fn find_salaries(text: &str) -> Vec<SalaryHit> {
    let amounts = find_amounts(text);
    let mut hits = Vec::new();
    let mut i = 0;
    while i < amounts.len() {
        let a = &amounts[i];
        // A range: two amounts with only a range word between them.
        let b = amounts
            .get(i + 1)
            .filter(|b| RANGE_GAP.is_match(&text[a.end..b.start]));
        let (start, end) = (a.start, b.map_or(a.end, |b| b.end));
        let currency = match b {
            Some(b) if a.weak_currency && b.currency.is_some() && !b.weak_currency => b.currency,
            _ => a.currency.or(b.and_then(|b| b.currency)),
        };
        let lakh = a.lakh || b.is_some_and(|b| b.lakh);
        let company_figure = a.company_figure || b.is_some_and(|b| b.company_figure);
        let mut lo = a.value;
        let mut hi = b.map(|b| b.value);
        // "$150-200k", "25-35 LPA": the first bound takes the second's multiplier.
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
        i += if b.is_some() { 2 } else { 1 };
        let Some(currency) = currency.or(if lakh { Some("INR") } else { None }) else {
            continue;
        };
        if company_figure {
            continue;
        }
        if let Some(h) = hi
            && h < lo
        {
            // "$180k - 20k" is not a range; keep the first figure alone.
            hi = None;
        }
        // Context: pay words anywhere earlier in the sentence; other figures' words close by.
        let (before, after) = sentence_window(text, start, end, 120, 40);
        let (near_before, near_after) = sentence_window(text, start, end, 40, 25);
        // Bounds from the words around a single figure.
        let (min, max) = match hi {
            Some(h) => (Some(lo), Some(h)),
            None if UP_TO.is_match(window(text, start, end, 25, 0).0) => (None, Some(lo)),
            None if after.starts_with('+')
                || after.trim_start().to_lowercase().starts_with("or more") =>
            {
                (Some(lo), None)
            }
            None if FROM.is_match(window(text, start, end, 25, 0).0) => (Some(lo), None),
            None => (Some(lo), Some(lo)),
        };
        let explicit_period = if lakh {
            Some(Period::Year)
        } else {
            PERIOD_AFTER
                .iter()
                .find(|(re, _)| re.is_match(after.trim_start_matches('+')))
                .map(|(_, p)| *p)
                .or_else(|| {
                    let (nb, _) = window(text, start, end, 40, 0);
                    PERIOD_BEFORE
                        .iter()
                        .find(|(re, _)| re.is_match(nb))
                        .map(|(_, p)| *p)
                })
        };
        let usd = lo * usd_rate(currency);
        let period = explicit_period.unwrap_or_else(|| period_from_magnitude(usd));
        let yearly_usd = usd * period.per_year();
        if !(2_000.0..=3_000_000.0).contains(&yearly_usd) {
            continue;
        }
        let mut score = 0;
        if PAY_WORDS.is_match(before) {
            score += 3;
        }
        if hi.is_some() {
            score += 2;
        }
        if explicit_period.is_some() {
            score += 2;
        }
        if NOT_PAY_WORDS.is_match(near_before) || NOT_PAY_WORDS.is_match(near_after) {
            score -= 6;
        }
        // Other payments are named right before the figure, or by the word right after it
        // ("$5,000 sign-on bonus"); "$100k+ and real equity" is still the salary.
        let (_, right_after) = sentence_window(text, start, end, 0, 14);
        // Pay of a later role ("on successful conversion to a permanent employee, a salary of…").
        if LATER_ROLE.is_match(before) {
            score -= 6;
        }
        if OTHER_PAY_WORDS.is_match(near_before) || OTHER_PAY_WORDS.is_match(right_after) {
            score -= 4;
        }
        if let Some(salary) = Salary::new(min, max, currency, period) {
            hits.push(SalaryHit {
                salary,
                start,
                end,
                score,
            });
        }
    }
    hits
}

/// The role's salary stated in running text: the best-scoring figure that has something saying
/// it is pay (a pay word, a range, or a period), or None.
pub fn salary_in_text(text: &str) -> Option<Salary> {
    find_salaries(text)
        .into_iter()
        .filter(|h| h.score >= 2)
        .fold(None::<SalaryHit>, |best, h| match best {
            Some(b) if b.score >= h.score => Some(b),
            _ => Some(h),
        })
        .map(|h| h.salary)
}

/// A salary from a field that is known to be about pay (a header line, a "salary" column):
/// the first figure, whatever its context. "DOE"/"competitive" give None.
pub fn salary_from_field(s: &str) -> Option<Salary> {
    if is_unstated(s) {
        return None;
    }
    find_salaries(s)
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
    // Only digits, separators, range words and multipliers: anything else is not a bare figure.
    if t.chars()
        .any(|c| c.is_alphabetic() && !"kKmMtoTO".contains(c))
    {
        return None;
    }
    salary_from_field(&format!("{currency} {t}"))
}

/// Whether a pay text names its period ("per hour", "/yr", "monthly", "LPA").
pub fn states_period(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:year|yr|yearly|annum|annual|annually|month|mo|monthly|hour|hr|hourly|week|wk|weekly|day|daily|LPA|p\.a)(?-u:\b)|/\s*(?:h|y|m)(?-u:\b)")
            .expect("valid regex")
    });
    RE.is_match(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> (Option<f64>, Option<f64>, String, Period) {
        let sal = salary_from_field(s).unwrap_or_else(|| panic!("no salary in {s:?}"));
        (sal.min, sal.max, sal.currency, sal.period)
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
        assert_eq!(one("$100-150,000"), y(Some(100e3), Some(150e3), "USD"));
        assert_eq!(one("120-150k USD"), y(Some(120e3), Some(150e3), "USD"));
        assert_eq!(one("up to $120k"), y(None, Some(120e3), "USD"));
        assert_eq!(one("$120,000+"), y(Some(120e3), None, "USD"));
        assert_eq!(one("€60.000 - €75.000"), y(Some(60e3), Some(75e3), "EUR"));
        assert_eq!(
            one("60 000 € brut annuel"),
            y(Some(60e3), Some(60e3), "EUR")
        );
        assert_eq!(one("£45k"), y(Some(45e3), Some(45e3), "GBP"));
        assert_eq!(one("₹25-35 LPA"), y(Some(25e5), Some(35e5), "INR"));
        assert_eq!(one("¥8,000,000"), y(Some(8e6), Some(8e6), "JPY"));
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
        assert_eq!(
            salary_in_text("Mehr als 50.000 Mitarbeiter in 30 Ländern."),
            None
        );
        assert_eq!(salary_in_text("Gehalt: 5 Millionen Kunden"), None);
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
