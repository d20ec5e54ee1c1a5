//! Pay: a plausible range for the role and place, and the many ways postings write it
//! ("$150k–$200k", "€60.000 - €75.000", "₹25-35 LPA", "CHF 120'000", "$60/hr", "competitive").

use super::data::{Family, Place};
use super::model::{Employment, Period, Salary};
use super::rng::Rng;

/// Currency, pay level against the US, exchange rate, and whether salaries there are
/// usually stated per month.
fn local(place: &Place) -> (&'static str, f64, f64, bool) {
    match place.code {
        "US" => ("USD", 1.0, 1.0, false),
        "CA" => ("CAD", 0.75, 1.36, false),
        "GB" => ("GBP", 0.62, 0.79, false),
        "IE" => ("EUR", 0.65, 0.92, false),
        "DE" | "NL" => ("EUR", 0.58, 0.92, false),
        "FR" | "AT" | "FI" => ("EUR", 0.5, 0.92, false),
        "ES" | "IT" | "EE" => ("EUR", 0.42, 0.92, false),
        "PT" => ("EUR", 0.36, 0.92, false),
        "CH" => ("CHF", 0.95, 0.88, false),
        "SE" => ("SEK", 0.52, 10.5, true),
        "DK" => ("DKK", 0.62, 6.9, true),
        "NO" => ("NOK", 0.58, 10.7, true),
        "PL" => ("PLN", 0.38, 4.0, true),
        "CZ" => ("CZK", 0.36, 23.0, true),
        "IL" => ("ILS", 0.62, 3.7, true),
        "IN" => ("INR", 0.22, 83.0, false),
        "SG" => ("SGD", 0.7, 1.35, false),
        "JP" => ("JPY", 0.5, 150.0, false),
        "AU" => ("AUD", 0.72, 1.52, false),
        "BR" => ("BRL", 0.3, 5.0, true),
        "MX" => ("MXN", 0.3, 17.0, true),
        _ if matches!(place.country, "EU" | "EMEA") => ("EUR", 0.6, 0.92, false),
        _ => ("USD", 0.8, 1.0, false),
    }
}

fn base_usd(family: Family, seniority: &str) -> f64 {
    use Family::*;
    let base = match family {
        Backend | Frontend | FullStack | Mobile | Infra | Security | DataEng => 150_000.0,
        Embedded => 140_000.0,
        Ml => 175_000.0,
        DataSci => 140_000.0,
        Design => 130_000.0,
        Product => 155_000.0,
        Qa => 110_000.0,
        Games => 120_000.0,
        Management => 210_000.0,
        Other => 120_000.0,
    };
    let level = match seniority {
        "Senior" | "Sr." => 1.3,
        "Staff" => 1.6,
        "Principal" => 1.85,
        "Lead" => 1.4,
        "Junior" | "Jr." => 0.72,
        "Associate" => 0.8,
        "Intern" => 0.4,
        _ => 1.0,
    };
    base * level
}

/// Rounds to two significant digits' worth of "nice" steps (153,210 → 155,000; 83 → 85).
fn nice(v: f64) -> u64 {
    let digits = v.max(1.0).log10().floor() as i32;
    let step = (10f64.powi(digits - 1) / 2.0).max(1.0);
    ((v / step).round() * step) as u64
}

/// Draws the pay of a posting: the range (when it states one) and its phrase.
pub fn draw(
    rng: &mut Rng,
    place: &Place,
    family: Family,
    seniority: &str,
    employment: Employment,
) -> (Option<Salary>, Option<String>) {
    let states = if place.code == "US" { 0.72 } else { 0.5 };
    let roll = rng.unit();
    if roll >= states {
        if roll < states + 0.12 {
            let phrase = rng.pick(&[
                "Competitive",
                "competitive",
                "Competitive salary + equity",
                "DOE",
                "Competitive base + stock options",
                "Market rate",
                "Attractive package",
            ]);
            return (None, Some(phrase.to_string()));
        }
        return (None, None);
    }
    let (currency, level, fx, monthly) = local(place);
    let annual = base_usd(family, seniority) * level * fx * (0.88 + 0.2 * rng.unit());
    let hourly_market = matches!(currency, "USD" | "CAD" | "AUD");
    let period = match employment {
        Employment::Contract if hourly_market => Period::Hour,
        Employment::Contract if matches!(currency, "EUR" | "GBP" | "CHF") => Period::Day,
        Employment::PartTime | Employment::Internship if hourly_market => Period::Hour,
        Employment::Internship => Period::Month,
        _ if monthly || (currency == "SGD" && rng.chance(0.5)) => Period::Month,
        _ => Period::Year,
    };
    let value = match period {
        Period::Year => annual,
        Period::Month => annual / 12.0,
        Period::Day => annual / 220.0 * 1.3,
        Period::Hour => annual / 1900.0 * 1.25,
    };
    let min = nice(value * 0.9);
    let max = nice(value * (1.12 + 0.3 * rng.unit())).max(min + nice(value * 0.1));
    let salary = Salary {
        currency,
        min,
        max,
        period,
    };
    let phrase = phrase(rng, &salary);
    (Some(salary), Some(phrase))
}

/// 150000 → "150,000" (with `sep` between thousands).
fn group(v: u64, sep: &str) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// 150000 → "150k", 152500 → "152.5k".
fn k(v: u64) -> String {
    if v.is_multiple_of(1000) {
        format!("{}k", v / 1000)
    } else {
        format!("{}.{}k", v / 1000, v % 1000 / 100)
    }
}

/// Indian grouping: 2500000 → "25,00,000".
fn indian(v: u64) -> String {
    let s = v.to_string();
    if s.len() <= 3 {
        return s;
    }
    let (head, last3) = s.split_at(s.len() - 3);
    let mut out = String::new();
    for (i, c) in head.chars().enumerate() {
        if i > 0 && (head.len() - i).is_multiple_of(2) {
            out.push(',');
        }
        out.push(c);
    }
    out.push(',');
    out.push_str(last3);
    out
}

/// Lakhs: 2500000 → "25", 2750000 → "27.5".
fn lakh(v: u64) -> String {
    if v.is_multiple_of(100_000) {
        (v / 100_000).to_string()
    } else {
        format!("{}.{}", v / 100_000, v % 100_000 / 10_000)
    }
}

fn symbol(currency: &str) -> &'static str {
    match currency {
        "USD" => "$",
        "CAD" => "CA$",
        "AUD" => "A$",
        "SGD" => "S$",
        "EUR" => "€",
        "GBP" => "£",
        "INR" => "₹",
        "JPY" => "¥",
        "BRL" => "R$",
        _ => "",
    }
}

/// One of the shapes postings write a range in.
pub fn phrase(rng: &mut Rng, s: &Salary) -> String {
    let (lo, hi, c) = (s.min, s.max, s.currency);
    let sym = symbol(c);
    match s.period {
        Period::Hour => {
            let sym = if sym.is_empty() { "$" } else { sym };
            match rng.below(5) {
                0 => format!("{sym}{lo}/hr"),
                1 => format!("{sym}{lo}–{sym}{hi} per hour"),
                2 => format!("{sym}{lo}-{hi}/hour"),
                3 => format!("{c} {lo}/h"),
                _ => format!("{sym}{lo} - {sym}{hi} hourly"),
            }
        }
        Period::Day => match (rng.below(4), sym) {
            (0, "") | (1, "") => format!("{c} {lo}-{hi}/day"),
            (0, _) => format!("{sym}{lo}/day"),
            (1, _) => format!("{sym}{lo}–{hi} per day"),
            (2, _) => format!("Day rate: {sym}{lo}-{sym}{hi}"),
            _ => format!("{c} {lo} - {hi} per day"),
        },
        Period::Month => match (c, rng.below(4)) {
            ("PLN", 0) => format!("{} – {} PLN net (B2B)", group(lo, " "), group(hi, " ")),
            ("PLN", 1) => format!("{} - {} zł brutto", group(lo, " "), group(hi, " ")),
            ("BRL", 0) => format!("R$ {} - R$ {} /month", group(lo, "."), group(hi, ".")),
            (_, 0 | 1) => format!("{} – {} {c}/month", group(lo, " "), group(hi, " ")),
            (_, 2) if sym.is_empty() => format!("{c} {}-{} per month", k(lo), k(hi)),
            (_, 2) => format!(
                "{sym}{} – {sym}{} per month",
                group(lo, ","),
                group(hi, ",")
            ),
            _ => format!("{c} {}–{} monthly", group(lo, ","), group(hi, ",")),
        },
        Period::Year => match c {
            "EUR" => match rng.below(6) {
                0 | 1 => format!("€{} - €{}", group(lo, "."), group(hi, ".")),
                2 => format!("€{}–€{}", k(lo), k(hi)),
                3 => format!("EUR {} - {}", group(lo, ","), group(hi, ",")),
                4 => format!("{}-{}k EUR", lo / 1000, hi / 1000),
                _ => format!("€{} – €{} gross per year", group(lo, ","), group(hi, ",")),
            },
            "GBP" => match rng.below(5) {
                0 => format!("£{}", k(lo)),
                1 => format!("£{} - £{}", group(lo, ","), group(hi, ",")),
                2 => format!("£{}-£{} + bonus", k(lo), k(hi)),
                3 => format!("up to £{}", group(hi, ",")),
                _ => format!("£{} – £{} DOE", k(lo), k(hi)),
            },
            "INR" => match rng.below(5) {
                0 | 1 => format!("₹{}-{} LPA", lakh(lo), lakh(hi)),
                2 => format!("INR {} - {}", indian(lo), indian(hi)),
                3 => format!("₹{} LPA", lakh(lo)),
                _ => format!("Rs. {} - {} lakhs per annum", lakh(lo), lakh(hi)),
            },
            "CHF" => match rng.below(3) {
                0 => format!("CHF {}", group(lo, "'")),
                1 => format!("CHF {} – {}", group(lo, "'"), group(hi, "'")),
                _ => format!("CHF {}-{}", k(lo), k(hi)),
            },
            "JPY" => match rng.below(3) {
                0 => format!("¥{} - ¥{}", group(lo, ","), group(hi, ",")),
                1 => format!("{}M–{}M JPY", lo / 1_000_000, hi.div_ceil(1_000_000)),
                _ => format!("JPY {} to {}", group(lo, ","), group(hi, ",")),
            },
            _ => {
                let sym = if sym.is_empty() { "$" } else { sym };
                let code = if c == "USD" { "" } else { c };
                let s = match rng.below(10) {
                    0 | 1 => format!("{sym}{}–{sym}{}", k(lo), k(hi)),
                    2 => format!("{sym}{} - {sym}{}", group(lo, ","), group(hi, ",")),
                    3 => format!("{sym}{} to {sym}{}", group(lo, ","), group(hi, ",")),
                    4 => format!("{c} {}–{}", group(lo, ","), group(hi, ",")),
                    5 => format!(
                        "{sym}{}-{sym}{} per year",
                        k(lo).to_uppercase(),
                        k(hi).to_uppercase()
                    ),
                    6 => format!("{sym}{} - {sym}{} + equity", k(lo), k(hi)),
                    7 => format!("up to {sym}{}", k(hi)),
                    8 => format!("{sym}{}/yr - {sym}{}/yr", group(lo, ","), group(hi, ",")),
                    _ => format!("{sym}{}+", k(lo)),
                };
                if !code.is_empty() && sym == "$" && !s.starts_with(code) {
                    format!("{s} {code}")
                } else {
                    s
                }
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_shapes() {
        assert_eq!(group(150000, ","), "150,000");
        assert_eq!(group(120000, "'"), "120'000");
        assert_eq!(indian(2500000), "25,00,000");
        assert_eq!(lakh(2750000), "27.5");
        assert_eq!(k(152500), "152.5k");
        assert_eq!(nice(153210.0), 155000);
    }
}
