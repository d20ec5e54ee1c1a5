//! Money that compares: every salary as stated, and also as a yearly range in the user's home
//! currency, through a table of reference rates of one stated day (`assets/rates.toml`, which
//! the config's `[money.rates]` can override) and annualising constants the config can change.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

use crate::posting::{Period, Salary};

const BUILTIN: &str = include_str!("../assets/rates.toml");

/// Exchange rates of one day: units of each currency per euro.
#[derive(Debug, Clone, PartialEq)]
pub struct Rates {
    /// The day the rates are of ("2026-09-29").
    pub date: String,
    /// Where they come from, for the help and `--version`.
    pub source: String,
    per_eur: BTreeMap<String, f64>,
}

impl Rates {
    /// The table shipped in `assets/rates.toml`.
    pub fn builtin() -> Arc<Rates> {
        static R: LazyLock<Arc<Rates>> = LazyLock::new(|| {
            Arc::new(Rates::parse(BUILTIN).expect("assets/rates.toml is valid (tested)"))
        });
        R.clone()
    }

    /// Reads a rates table (`date`, `source`, `[per_eur]`).
    pub fn parse(text: &str) -> Result<Rates, String> {
        let t: toml::Table = toml::from_str(text).map_err(|e| e.message().to_string())?;
        let s = |k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let mut per_eur = BTreeMap::new();
        for (code, v) in t
            .get("per_eur")
            .and_then(|v| v.as_table())
            .ok_or("no [per_eur] table")?
        {
            let rate = v
                .as_float()
                .or_else(|| v.as_integer().map(|i| i as f64))
                .filter(|r| r.is_finite() && *r > 0.0)
                .ok_or(format!("{code}: not a positive number"))?;
            per_eur.insert(code.to_ascii_uppercase(), rate);
        }
        Ok(Rates {
            date: s("date"),
            source: s("source"),
            per_eur,
        })
    }

    /// The currencies the table knows.
    pub fn currencies(&self) -> impl Iterator<Item = &str> {
        self.per_eur.keys().map(String::as_str)
    }

    pub fn knows(&self, code: &str) -> bool {
        self.per_eur.contains_key(code)
    }

    /// `amount` of `from` in `to`; None when either currency is unknown.
    pub fn convert(&self, amount: f64, from: &str, to: &str) -> Option<f64> {
        if from == to {
            return Some(amount);
        }
        Some(amount / self.per_eur.get(from)? * self.per_eur.get(to)?)
    }

    /// Sets a currency's rate from what one unit of it is worth in `home` (the way the config
    /// states overrides: `GBP = 1.27` in a USD config means one pound buys 1.27 dollars).
    /// Refused (false) when `home` itself has no rate or the value is not a positive number.
    pub fn set_in_home(&mut self, code: &str, value_in_home: f64, home: &str) -> bool {
        let code = code.to_ascii_uppercase();
        if !(value_in_home.is_finite() && value_in_home > 0.0) || code == home {
            return false;
        }
        let Some(&home_per_eur) = self.per_eur.get(home) else {
            return false;
        };
        self.per_eur.insert(code, home_per_eur / value_in_home);
        true
    }
}

/// How many of each period make a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Annual {
    pub hours: f64,
    pub days: f64,
    pub weeks: f64,
    pub months: f64,
}

impl Default for Annual {
    /// A full-time year: 2080 hours, 260 working days, 52 weeks, 12 months.
    fn default() -> Self {
        Annual {
            hours: 2080.0,
            days: 260.0,
            weeks: 52.0,
            months: 12.0,
        }
    }
}

impl Annual {
    pub fn per_year(&self, p: Period) -> f64 {
        match p {
            Period::Year => 1.0,
            Period::Month => self.months,
            Period::Week => self.weeks,
            Period::Day => self.days,
            Period::Hour => self.hours,
        }
    }
}

/// A salary as a yearly range in the home currency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Yearly {
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Whether a currency conversion went into it (shown with "≈").
    pub converted: bool,
}

impl Yearly {
    /// The lower bound, or the only one.
    pub fn floor(&self) -> Option<f64> {
        self.min.or(self.max)
    }

    /// The upper bound, or the only one.
    pub fn ceiling(&self) -> Option<f64> {
        self.max.or(self.min)
    }
}

/// The money settings: the home currency, the rates and the annualising constants.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    pub home: String,
    pub rates: Arc<Rates>,
    pub annual: Annual,
}

impl Default for Money {
    fn default() -> Self {
        Money {
            home: "USD".into(),
            rates: Rates::builtin(),
            annual: Annual::default(),
        }
    }
}

static CURRENT: std::sync::OnceLock<Money> = std::sync::OnceLock::new();

impl Money {
    /// Makes `m` the settings every comparison of pay uses from now on (the config's, set once
    /// at start; a second call is ignored).
    pub fn install(m: Money) {
        let _ = CURRENT.set(m);
    }

    /// The settings installed at start, or the defaults (USD, the built-in rates).
    pub fn current() -> &'static Money {
        CURRENT.get_or_init(Money::default)
    }

    /// Reads the config's `[money]` table: `currency`, `[money.rates]` (what one unit of a
    /// currency is worth in the home one) and `[money.annual]` (hours, days, weeks, months
    /// in a year). Problems are named by key; what is good is kept.
    pub fn from_config(t: &toml::Table, problems: &mut Vec<String>) -> Money {
        let mut m = Money::default();
        if let Some(v) = t.get("currency") {
            match v.as_str().map(|s| s.trim().to_ascii_uppercase()) {
                Some(c) if m.rates.knows(&c) => m.home = c,
                Some(c) => problems.push(format!(
                    "money.currency: no rate for {c:?} (known: {})",
                    m.rates.currencies().collect::<Vec<_>>().join(" ")
                )),
                None => problems.push("money.currency: expected a currency code".into()),
            }
        }
        if let Some(r) = t.get("rates") {
            let mut rates = (*m.rates).clone();
            match r.as_table() {
                Some(r) => {
                    for (code, v) in r {
                        let value = v.as_float().or_else(|| v.as_integer().map(|i| i as f64));
                        if !value.is_some_and(|x| rates.set_in_home(code, x, &m.home)) {
                            problems.push(format!(
                                "money.rates.{code}: expected what one {code} is worth in {}, a positive number",
                                m.home
                            ));
                        }
                    }
                }
                None => problems.push("money.rates: expected a table of CODE = value".into()),
            }
            m.rates = Arc::new(rates);
        }
        if let Some(a) = t.get("annual") {
            match a.as_table() {
                Some(a) => {
                    for (k, v) in a {
                        let value = v.as_float().or_else(|| v.as_integer().map(|i| i as f64));
                        let slot = match k.as_str() {
                            "hours" => &mut m.annual.hours,
                            "days" => &mut m.annual.days,
                            "weeks" => &mut m.annual.weeks,
                            "months" => &mut m.annual.months,
                            _ => {
                                problems.push(format!(
                                    "money.annual.{k}: unknown (known: hours, days, weeks, months)"
                                ));
                                continue;
                            }
                        };
                        match value {
                            Some(x) if x.is_finite() && x > 0.0 && x <= 10_000.0 => *slot = x,
                            _ => problems.push(format!(
                                "money.annual.{k}: expected a positive number of {k} in a year"
                            )),
                        }
                    }
                }
                None => problems.push("money.annual: expected a table".into()),
            }
        }
        m
    }

    /// A salary as a yearly range in the home currency; None when its currency has no rate.
    pub fn yearly(&self, s: &Salary) -> Option<Yearly> {
        let k = self.annual.per_year(s.period);
        let conv = |v: Option<f64>| -> Option<Option<f64>> {
            match v {
                None => Some(None),
                Some(v) => self.rates.convert(v * k, &s.currency, &self.home).map(Some),
            }
        };
        let (min, max) = (conv(s.min)?, conv(s.max)?);
        Some(Yearly {
            min,
            max,
            converted: s.currency != self.home,
        })
    }

    /// A salary as a list row or table shows it: the yearly range in the home currency
    /// ("$124.8k", "≈ $65k–81k"), or as stated when its currency has no rate.
    pub fn row_figure(&self, s: &Salary) -> String {
        let figure = match self.yearly(s) {
            Some(y) if y.floor().is_some() => self.compact(&y),
            _ => s.compact(),
        };
        // A board's estimate says so wherever the figure stands alone (list, `search` table).
        if s.provenance == crate::posting::PayProvenance::Estimate {
            format!("{figure} est.")
        } else {
            figure
        }
    }

    /// A yearly home-currency range for a list row or the compare view: "$65k–81k", with "≈ "
    /// in front when converted.
    pub fn compact(&self, y: &Yearly) -> String {
        let sym = crate::posting::currency_symbol(&self.home);
        let n = crate::posting::compact_amount;
        let body = match (y.min, y.max) {
            (Some(a), Some(b)) if (a - b).abs() < 0.5 => format!("{sym}{}", n(a)),
            (Some(a), Some(b)) => format!("{sym}{}–{}", n(a), n(b)),
            (Some(a), None) => format!("{sym}{}+", n(a)),
            (None, Some(b)) => format!("≤{sym}{}", n(b)),
            (None, None) => String::new(),
        };
        if y.converted {
            format!("≈ {body}")
        } else {
            body
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn salary(min: f64, max: f64, cur: &str, p: Period) -> Salary {
        Salary::new(Some(min), Some(max), cur, p).unwrap()
    }

    #[test]
    fn a_boards_estimate_says_so_where_the_figure_stands_alone() {
        let m = Money::default();
        let mut s = crate::posting::Salary {
            min: Some(100_000.0),
            max: Some(120_000.0),
            currency: "USD".into(),
            period: crate::posting::Period::Year,
            provenance: crate::posting::PayProvenance::Stated,
        };
        let stated = m.row_figure(&s);
        assert!(!stated.contains("est."), "{stated}");
        s.provenance = crate::posting::PayProvenance::Estimate;
        assert_eq!(m.row_figure(&s), format!("{stated} est."));
    }

    #[test]
    fn the_builtin_table_is_dated_and_covers_the_common_currencies() {
        let r = Rates::builtin();
        assert_eq!(r.date.len(), 10, "{}", r.date);
        for c in "USD EUR GBP CAD AUD NZD CHF SEK NOK DKK PLN CZK HUF RON JPY KRW CNY HKD SGD \
                  INR IDR VND THB PHP MYR BRL MXN ARS CLP COP ZAR TRY ILS AED"
            .split_whitespace()
        {
            assert!(r.knows(c), "{c}");
        }
        assert!(r.currencies().count() >= 30);
    }

    #[test]
    fn conversion_goes_through_the_euro() {
        let r = Rates::parse("date='d'\n[per_eur]\nEUR=1\nUSD=1.25\nGBP=0.8").unwrap();
        assert_eq!(r.convert(100.0, "EUR", "USD"), Some(125.0));
        assert_eq!(r.convert(80.0, "GBP", "USD"), Some(125.0));
        assert_eq!(r.convert(5.0, "USD", "USD"), Some(5.0));
        assert_eq!(r.convert(5.0, "XXX", "USD"), None);
        assert!(Rates::parse("[per_eur]\nUSD=-1").is_err());
        assert!(Rates::parse("[per_eur]\nUSD='x'").is_err());
    }

    #[test]
    fn overrides_are_what_one_unit_is_worth_at_home() {
        let mut r = Rates::parse("[per_eur]\nEUR=1\nUSD=1.25").unwrap();
        assert!(r.set_in_home("gbp", 1.5, "USD"));
        assert!((r.convert(1.0, "GBP", "USD").unwrap() - 1.5).abs() < 1e-9);
        assert!(!r.set_in_home("GBP", 0.0, "USD"));
        assert!(!r.set_in_home("GBP", 1.0, "XXX"));
    }

    #[test]
    fn yearly_in_home_currency() {
        let m = Money {
            home: "USD".into(),
            rates: Arc::new(Rates::parse("[per_eur]\nEUR=1\nUSD=1.1\nJPY=170").unwrap()),
            annual: Annual::default(),
        };
        // An hourly dollar rate: annualised, not converted.
        let y = m.yearly(&salary(60.0, 60.0, "USD", Period::Hour)).unwrap();
        assert_eq!((y.min, y.converted), (Some(124_800.0), false));
        // Euros a year: converted.
        let y = m
            .yearly(&salary(60_000.0, 75_000.0, "EUR", Period::Year))
            .unwrap();
        assert!((y.min.unwrap() - 66_000.0).abs() < 1e-6 && y.converted);
        assert_eq!(m.compact(&y), "≈ $66k–82.5k");
        // ¥8M a year is about $52k, not eight million.
        let y = m.yearly(&salary(8e6, 8e6, "JPY", Period::Year)).unwrap();
        assert!(y.floor().unwrap() < 60_000.0);
        // A currency without a rate gives nothing rather than a wrong figure.
        assert_eq!(m.yearly(&salary(1.0, 2.0, "XXX", Period::Year)), None);
        // The constants come from the settings.
        let four_day = Money {
            annual: Annual {
                days: 208.0,
                ..Annual::default()
            },
            ..m.clone()
        };
        let y = four_day
            .yearly(&salary(500.0, 500.0, "USD", Period::Day))
            .unwrap();
        assert_eq!(y.min, Some(104_000.0));
    }
}
