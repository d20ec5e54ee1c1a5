//! Structured records → postings: the plain export shapes of JSON files, CSV rows (read as
//! records of strings) and Markdown front matter. Keys are matched loosely ("Job Title",
//! "job_title" and "jobTitle" are the same key) against the names exports commonly use.

use serde_json::{Map, Value};

use super::fields::{employment, location, salary, seniority, skills, work_mode};
use super::{body, html_text};
use crate::posting::{CompanyInfo, FieldSource, Period, Posting, Salary, WorkMode};

/// "Job Title" → "jobtitle", "company_name" → "companyname", "@type" → "type".
pub fn norm_key(k: &str) -> String {
    k.chars()
        .filter(char::is_ascii_alphanumeric)
        .flat_map(|c| c.to_lowercase())
        .collect()
}

/// Placeholder values that mean "missing" in exports.
fn is_missing(s: &str) -> bool {
    matches!(
        s.trim().to_lowercase().as_str(),
        "" | "-1" | "null" | "none" | "nan" | "n/a" | "na" | "-" | "undefined" | "not specified"
    )
}

/// A scalar as text: strings (trimmed, placeholders dropped), numbers; objects give their
/// `name` (or `value`), arrays their items joined by "; ".
pub fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => {
            let s = s.trim();
            (!is_missing(s)).then(|| s.to_string())
        }
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => [
            "name",
            "display_name",
            "displayName",
            "value",
            "text",
            "label",
            "title",
        ]
        .iter()
        .find_map(|k| get(o, k).and_then(text_of)),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().filter_map(text_of).collect();
            (!items.is_empty()).then(|| items.join("; "))
        }
        _ => None,
    }
}

/// A number from a JSON number or a numeric string ("120000", "120,000.00", "$120k" is not).
pub fn number_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let t: String = s
                .trim()
                .chars()
                .filter(|c| *c != ',' && *c != '_')
                .collect();
            t.parse::<f64>().ok()
        }
        _ => None,
    }
    .filter(|x| x.is_finite() && *x > 0.0)
}

/// A truthy flag ("True", "yes", 1, true).
pub fn flag_of(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_f64().map(|x| x != 0.0),
        Value::String(s) => match s.trim().to_lowercase().as_str() {
            "true" | "yes" | "y" | "1" | "t" => Some(true),
            "false" | "no" | "n" | "0" | "f" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// The value of the first present key among `keys` (compared after [`norm_key`]).
pub fn get<'a>(o: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    if let Some(v) = o.get(key) {
        return Some(v);
    }
    let want = norm_key(key);
    o.iter().find(|(k, _)| norm_key(k) == want).map(|(_, v)| v)
}

/// The first key of `keys` present with a usable value.
fn first<'a>(o: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|k| {
        get(o, k).filter(|v| match v {
            Value::Null => false,
            Value::String(s) => !is_missing(s),
            Value::Array(a) => !a.is_empty(),
            _ => true,
        })
    })
}

pub const TITLE_KEYS: &[&str] = &[
    "title",
    "jobtitle",
    "positiontitle",
    "position",
    "positionname",
    "jobname",
    "jobposition",
    "designation",
    "vacancy",
    "fulltitle",
    "role",
    "name",
];
pub const COMPANY_KEYS: &[&str] = &[
    "company",
    "companyname",
    "employer",
    "employername",
    "organization",
    "organisation",
    "org",
    "hiringorganization",
    "hiringorganisation",
    "companyinfo",
    "advertiser",
];
const LOCATION_KEYS: &[&str] = &[
    "location",
    "locations",
    "joblocation",
    "joblocations",
    "candidaterequiredlocation",
    "locationname",
    "office",
    "offices",
    "address",
];
pub const DESCRIPTION_KEYS: &[&str] = &[
    "description",
    "jobdescription",
    "descriptionhtml",
    "descriptiontext",
    "descriptionplain",
    "plaindescription",
    "jobad",
    "body",
    "content",
    "text",
    "fullhtml",
    "html",
    "details",
    "jobdetails",
    "jobsummary",
    "summary",
];
const SALARY_KEYS: &[&str] = &[
    "salary",
    "salaryrange",
    "compensation",
    "pay",
    "payrange",
    "wage",
    "remuneration",
    "salarytext",
    "basesalary",
    "estimatedsalary",
    "salaryinfo",
    "salaryrange",
    "compensationtiersummary",
];
const MIN_KEYS: &[&str] = &[
    "minamount",
    "salarymin",
    "minsalary",
    "salaryfrom",
    "salaryminimum",
    "minimumsalary",
    "salarylow",
    "payfrom",
    "compensationmin",
    "minvalue",
];
const MAX_KEYS: &[&str] = &[
    "maxamount",
    "salarymax",
    "maxsalary",
    "salaryto",
    "salarymaximum",
    "maximumsalary",
    "salaryhigh",
    "payto",
    "compensationmax",
    "maxvalue",
];
const CURRENCY_KEYS: &[&str] = &[
    "currency",
    "salarycurrency",
    "paycurrency",
    "compensationcurrency",
];
const PERIOD_KEYS: &[&str] = &[
    "interval",
    "salaryinterval",
    "salaryperiod",
    "payperiod",
    "period",
    "salarytype",
    "unittext",
];
const EMPLOYMENT_KEYS: &[&str] = &[
    "jobtype",
    "employmenttype",
    "contracttype",
    "worktype",
    "jobtypes",
    "schedule",
    "employment",
    "commitment",
    "contracttime",
    "scheduletype",
    "typeofemployment",
    "type",
];
const MODE_KEYS: &[&str] = &[
    "isremote",
    "remote",
    "remoteok",
    "workmode",
    "workplacetype",
    "workplace",
    "locationtype",
    "joblocationtype",
    "remotework",
    "worksetting",
    "workarrangement",
    "remotetype",
    "telecommuting",
    "telecommute",
    "workfromhome",
    "workplacetypes",
    "remoteallowed",
];
const URL_KEYS: &[&str] = &[
    "joburl",
    "url",
    "applyurl",
    "applicationurl",
    "applylink",
    "link",
    "joblink",
    "redirecturl",
    "absoluteurl",
    "postingurl",
    "joburldirect",
    "hostedurl",
    "href",
];
const POSTED_KEYS: &[&str] = &[
    "dateposted",
    "posted",
    "postedat",
    "postedon",
    "postdate",
    "publicationdate",
    "publishedat",
    "published",
    "datepublished",
    "createdat",
    "date",
];
const SKILL_KEYS: &[&str] = &[
    "skills",
    "requiredskills",
    "techstack",
    "technologies",
    "tags",
    "keywords",
];
const LEVEL_KEYS: &[&str] = &[
    "joblevel",
    "seniority",
    "senioritylevel",
    "experiencelevel",
    "careerlevel",
    "level",
];
const TEAM_KEYS: &[&str] = &["team", "department", "jobfunction"];

/// Whether a record has the keys of a job posting (a title, or a company with a description).
pub fn looks_like_posting(o: &Map<String, Value>) -> bool {
    let has =
        |keys: &[&str]| first(o, keys).is_some_and(|v| !v.is_object() || keys == COMPANY_KEYS);
    let title = first(o, TITLE_KEYS).is_some_and(|v| v.is_string());
    title && (has(COMPANY_KEYS) || has(DESCRIPTION_KEYS) || has(LOCATION_KEYS))
        || (has(COMPANY_KEYS) && has(DESCRIPTION_KEYS))
}

/// Reads a plain export record into a posting. Fields it names are sourced `source`; the
/// description is split into sections. None when the record holds nothing of a posting.
pub fn posting_from_record(o: &Map<String, Value>, source: FieldSource) -> Option<Posting> {
    let flat = flattened(o);
    let o = &flat;
    let mut p = Posting::default();
    if let Some(t) = first(o, TITLE_KEYS).and_then(text_of) {
        p.title = Some(t);
        p.set_source("title", source);
    }
    if let Some(c) = first(o, COMPANY_KEYS).and_then(company_of) {
        p.company = Some(c);
        p.set_source("company", source);
    }
    apply_company_info(&mut p, o);
    // Locations: a location field, else city/state/country fields.
    let loc_value = first(o, LOCATION_KEYS);
    let mut locs = loc_value.map(locations_of).unwrap_or_default();
    if locs.is_empty() {
        let parts: Vec<String> = ["city", "state", "region", "country"]
            .iter()
            .filter_map(|k| get(o, k).and_then(text_of))
            .collect();
        if !parts.is_empty() {
            locs = location::from_label(&parts.join(", "));
        }
    }
    if !locs.is_empty() {
        p.locations = locs;
        p.set_source("locations", source);
    }
    // Work mode: an explicit field, else the location field's own words ("Remote (US)").
    if let Some(m) = first(o, MODE_KEYS).and_then(mode_of) {
        p.work_mode = Some(m);
        p.set_source("work_mode", source);
    } else if let Some(m) = loc_value.and_then(text_of).and_then(|l| location_mode(&l)) {
        p.work_mode = Some(m);
        p.set_source("work_mode", source);
    }
    if let Some(t) = first(o, EMPLOYMENT_KEYS).and_then(employment_of) {
        p.employment_type = Some(t);
        p.set_source("employment_type", source);
    }
    if let Some(s) = first(o, LEVEL_KEYS)
        .and_then(text_of)
        .and_then(|l| seniority::from_label(&l))
    {
        p.seniority = Some(s);
        p.set_source("seniority", source);
    }
    if let Some(s) = salary_of_record(o, &p.locations) {
        p.salary = Some(s);
        p.set_source("salary", source);
    }
    if let Some(u) = first(o, URL_KEYS)
        .and_then(text_of)
        .filter(|u| u.starts_with("http"))
    {
        p.url = Some(u);
        p.set_source("url", source);
    }
    if let Some(d) = first(o, POSTED_KEYS).and_then(text_of) {
        p.posted = Some(d);
        p.set_source("posted", source);
    }
    if let Some(t) = first(o, TEAM_KEYS).and_then(text_of) {
        p.team = Some(t);
        p.set_source("team", source);
    }
    if let Some(v) = first(o, SKILL_KEYS) {
        let mut tags = list_of(v);
        // Tags also carry the kind of job and where it is ("full time", "Montreal", "remote").
        tags.retain(|t| {
            if let Some(e) = employment::employment_from_label(t) {
                if p.employment_type.is_none() {
                    p.employment_type = Some(e);
                    p.set_source("employment_type", FieldSource::Tags);
                }
                return false;
            }
            if let Some(m) = work_mode::from_label(t) {
                if p.work_mode.is_none() {
                    p.work_mode = Some(m);
                    p.set_source("work_mode", FieldSource::Tags);
                }
                return false;
            }
            if location::place_kind(t).is_some() {
                if !p.locations.iter().any(|l| l.contains(t.as_str())) {
                    if p.locations.is_empty() {
                        p.set_source("locations", FieldSource::Tags);
                    }
                    if p.field_sources.get("locations") == Some(&FieldSource::Tags) {
                        p.locations.push(t.clone());
                    }
                }
                return false;
            }
            true
        });
        let tags = skills::canonical_tags(tags.iter().map(String::as_str));
        if !tags.is_empty() {
            p.skills = tags;
            p.set_source("skills", source);
        }
    }
    if let Some(v) = first(o, &["benefits", "perks"]) {
        p.benefits = list_of(v);
        if !p.benefits.is_empty() {
            p.set_source("benefits", source);
        }
    }
    if let Some(d) = first(o, DESCRIPTION_KEYS).and_then(text_of) {
        p.sections = body::sections_of(&d);
    }
    if p.title.is_none() && p.company.is_none() && p.sections.is_empty() {
        return None;
    }
    Some(p)
}

/// The record with the fields of nested plain objects lifted up one level when the record
/// lacks them (`"categories": {"commitment": …, "location": …}`, `"detected_extensions": {…}`).
/// Objects that are values in their own right (a company, a location, a salary) stay.
/// A short one-line "text" next to a description is the title (as some ATS exports name it).
fn flattened(o: &Map<String, Value>) -> Map<String, Value> {
    let mut out = o.clone();
    for (k, v) in o {
        let Value::Object(inner) = v else { continue };
        let nk = norm_key(k);
        let is_value = [COMPANY_KEYS, LOCATION_KEYS, SALARY_KEYS]
            .iter()
            .any(|keys| keys.contains(&nk.as_str()));
        if is_value {
            continue;
        }
        for (ik, iv) in inner {
            if !out.keys().any(|x| norm_key(x) == norm_key(ik)) {
                out.insert(ik.clone(), iv.clone());
            }
        }
    }
    let has_other_description = DESCRIPTION_KEYS
        .iter()
        .filter(|k| **k != "text")
        .any(|k| get(&out, k).is_some());
    if first(&out, TITLE_KEYS).is_none()
        && has_other_description
        && let Some(Value::String(t)) = get(&out, "text")
        && t.chars().count() <= 120
        && !t.contains('\n')
    {
        let t = t.clone();
        out.remove("text");
        out.insert("title".into(), Value::String(t));
    }
    out
}

/// A company name from a string or an organization object; a rating glued under the name
/// ("Ericsson-Worldwide\n3.9", as job-site scrapes give it) is dropped.
pub fn company_of(v: &Value) -> Option<String> {
    let s = text_of(v)?;
    let mut lines: Vec<&str> = s.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    while lines.len() > 1
        && lines
            .last()
            .is_some_and(|l| l.parse::<f32>().is_ok_and(|r| (0.0..=5.0).contains(&r)))
    {
        lines.pop();
    }
    let name = lines.join(" ");
    (!name.is_empty()).then_some(name)
}

fn apply_company_info(p: &mut Posting, o: &Map<String, Value>) {
    let mut info = CompanyInfo::default();
    // A rating glued to the company name, or a rating column.
    if let Some(Value::String(s)) = first(o, COMPANY_KEYS)
        && let Some(last) = s.lines().map(str::trim).rfind(|l| !l.is_empty())
        && s.lines().filter(|l| !l.trim().is_empty()).count() > 1
    {
        info.rating = last.parse().ok().filter(|r: &f32| (0.0..=5.0).contains(r));
    }
    if info.rating.is_none() {
        info.rating = first(o, &["rating", "companyrating"])
            .and_then(number_of)
            .map(|r| r as f32)
            .filter(|r| (0.0..=5.0).contains(r));
    }
    info.headquarters = first(o, &["headquarters", "companyheadquarters", "hq"]).and_then(text_of);
    info.size = first(
        o,
        &["size", "companysize", "companynumemployees", "employees"],
    )
    .and_then(text_of);
    info.about =
        first(o, &["companydescription", "aboutcompany", "companyabout"]).and_then(text_of);
    if !info.is_empty() {
        info.name = p.company.clone();
        p.company_info = Some(Box::new(info));
    }
}

/// Places from a location value: a string (split like a labelled field), an array of strings
/// or place objects, a schema.org Place / PostalAddress.
pub fn locations_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => location::from_label(s),
        Value::Array(a) => {
            let mut out = Vec::new();
            for item in a {
                for l in locations_of(item) {
                    if !out.contains(&l) {
                        out.push(l);
                    }
                }
            }
            out
        }
        Value::Object(o) => place_of(o).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// A schema.org Place or PostalAddress as "City, Region, Country".
pub fn place_of(o: &Map<String, Value>) -> Option<String> {
    if let Some(addr) = get(o, "address") {
        match addr {
            Value::Object(a) => {
                if let Some(p) = place_of(a) {
                    return Some(p);
                }
            }
            other => {
                if let Some(s) = text_of(other) {
                    return Some(s);
                }
            }
        }
    }
    let pick = |keys: &[&str]| keys.iter().find_map(|k| get(o, k).and_then(text_of));
    let locality = pick(&["addressLocality", "city"]);
    let region = pick(&["addressRegion", "region", "state"]);
    let country = pick(&["addressCountry", "country"]);
    // "Boston, MA" as pages show it: the country only when no region says where the city is.
    let mut parts: Vec<String> = Vec::new();
    for part in [locality.clone(), region.clone()].into_iter().flatten() {
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    if let Some(c) = country
        && (locality.is_none() || region.is_none())
        && !parts.contains(&c)
    {
        parts.push(c);
    }
    if !parts.is_empty() {
        return Some(parts.join(", "));
    }
    get(o, "name")
        .or_else(|| get(o, "display_name"))
        .or_else(|| get(o, "label"))
        .and_then(text_of)
}

/// The work mode a location value implies ("Remote", "Remote (US)", "Hybrid - Berlin").
fn location_mode(s: &str) -> Option<WorkMode> {
    if let Some(m) = work_mode::from_label(s) {
        return Some(m);
    }
    let l = s.to_lowercase();
    if l.contains("remote") {
        Some(WorkMode::Remote)
    } else if l.contains("hybrid") {
        Some(WorkMode::Hybrid)
    } else {
        None
    }
}

/// A work mode from a flag ("is_remote": true) or a label ("Remote", "on-site", "TELECOMMUTE").
fn mode_of(v: &Value) -> Option<WorkMode> {
    if let Some(b) = flag_of(v) {
        return b.then_some(WorkMode::Remote);
    }
    let s = text_of(v)?;
    if s.eq_ignore_ascii_case("telecommute") {
        return Some(WorkMode::Remote);
    }
    work_mode::from_label(&s.replace('_', " "))
}

/// The employment type of a value: a label ("Full-time", "FULL_TIME", "fulltime"), or the first
/// known one of a list ("fulltime, parttime", ["FULL_TIME", "CONTRACTOR"]).
pub fn employment_of(v: &Value) -> Option<crate::posting::EmploymentType> {
    let items: Vec<String> = match v {
        Value::Array(a) => a.iter().filter_map(text_of).collect(),
        other => text_of(other)
            .map(|s| s.split([',', ';', '/', '|']).map(str::to_string).collect())
            .unwrap_or_default(),
    };
    items.iter().find_map(|s| {
        let s = s.replace('_', " ");
        employment::employment_from_label(&s).or_else(|| match s.trim().to_lowercase().as_str() {
            "intern" | "internships" => Some(crate::posting::EmploymentType::Internship),
            "per diem" => Some(crate::posting::EmploymentType::Temporary),
            _ => None,
        })
    })
}

/// A list of short items from an array or a comma-separated string.
pub fn list_of(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(text_of).collect(),
        other => text_of(other)
            .map(|s| {
                s.split([',', ';', '\n', '|'])
                    .map(|t| t.trim().trim_start_matches(['-', '*', '•']).trim())
                    .filter(|t| !t.is_empty() && t.chars().count() <= 60)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// A pay period from a unit word ("yearly", "YEAR", "per hour", "monthly").
pub fn period_of(s: &str) -> Option<Period> {
    let l = s.trim().to_lowercase().replace(['_', '-'], " ");
    let l = l.trim_start_matches("per ").trim();
    Some(match l {
        "year" | "yearly" | "annual" | "annually" | "yr" | "y" | "a" | "p.a." | "pa"
        | "per annum" | "annum" => Period::Year,
        "month" | "monthly" | "mo" | "m" | "mth" => Period::Month,
        "week" | "weekly" | "wk" | "w" => Period::Week,
        "day" | "daily" | "d" => Period::Day,
        "hour" | "hourly" | "hr" | "h" => Period::Hour,
        _ => return None,
    })
}

/// The currency to assume for a bare figure: from the posting's places, else US dollars.
pub fn default_currency(locations: &[String]) -> &'static str {
    let joined = locations.join(" ");
    let has = |words: &[&str]| words.iter().any(|w| joined.contains(w));
    if has(&[
        "India",
        "Bengaluru",
        "Bangalore",
        "Mumbai",
        "Hyderabad",
        "Pune",
        "Delhi",
    ]) {
        "INR"
    } else if has(&["United Kingdom", "UK", "London", "England", "Scotland"]) {
        "GBP"
    } else if has(&["Canada", "Toronto", "Vancouver", "Montreal", "Montréal"]) {
        "CAD"
    } else if has(&["Poland", "Warsaw", "Kraków", "Krakow", "Wrocław"]) {
        "PLN"
    } else if has(&[
        "Germany",
        "France",
        "Spain",
        "Netherlands",
        "Italy",
        "Ireland",
        "Portugal",
        "Berlin",
        "Paris",
        "Amsterdam",
        "Munich",
        "Madrid",
        "Lisbon",
        "Belgium",
        "Austria",
        "Finland",
    ]) {
        "EUR"
    } else if has(&["Australia", "Sydney", "Melbourne"]) {
        "AUD"
    } else {
        "USD"
    }
}

/// A salary from a record: min/max/currency/interval columns (JobSpy), a salary object
/// (schema.org MonetaryAmount), or a salary text field.
pub fn salary_of_record(o: &Map<String, Value>, locations: &[String]) -> Option<Salary> {
    let min = first(o, MIN_KEYS).and_then(number_of);
    let max = first(o, MAX_KEYS).and_then(number_of);
    let currency = first(o, CURRENCY_KEYS).and_then(text_of);
    let period = first(o, PERIOD_KEYS)
        .and_then(text_of)
        .and_then(|s| period_of(&s));
    if min.is_some() || max.is_some() {
        let cur = currency
            .as_deref()
            .map(|c| c.trim().to_uppercase())
            .unwrap_or_else(|| default_currency(locations).to_string());
        let period = period.unwrap_or_else(|| guess_period(min.or(max).unwrap_or(0.0)));
        return Salary::new(min, max, &cur, period);
    }
    let v = first(o, SALARY_KEYS)?;
    match v {
        Value::Object(m) => salary_of_amount(m, currency.as_deref(), locations).or_else(|| {
            // An object of texts ("compensationTierSummary": "$120K – $150K").
            m.values()
                .filter_map(|x| x.as_str())
                .find_map(salary::salary_from_field)
        }),
        Value::Array(a) => a.iter().find_map(|item| match item {
            Value::Object(m) => salary_of_amount(m, currency.as_deref(), locations),
            other => salary_of_value(other, currency.as_deref(), period, locations),
        }),
        other => salary_of_value(other, currency.as_deref(), period, locations),
    }
}

fn salary_of_value(
    v: &Value,
    currency: Option<&str>,
    period: Option<Period>,
    locations: &[String],
) -> Option<Salary> {
    if let Some(n) = number_of(v) {
        let cur = currency.map_or_else(
            || default_currency(locations).to_string(),
            str::to_uppercase,
        );
        return Salary::new(
            Some(n),
            Some(n),
            &cur,
            period.unwrap_or_else(|| guess_period(n)),
        );
    }
    let s = text_of(v)?;
    let mut sal = salary::salary_from_field(&s)
        .or_else(|| salary::bare_salary(&s, currency.unwrap_or(default_currency(locations))))?;
    if let Some(p) = period
        && !salary::states_period(&s)
    {
        sal.period = p;
    }
    Some(sal)
}

/// schema.org MonetaryAmount: `{currency, value: QuantitativeValue{minValue, maxValue, value,
/// unitText} | number}`; also MonetaryAmountDistribution (`estimatedSalary`) with percentiles.
pub fn salary_of_amount(
    m: &Map<String, Value>,
    outer_currency: Option<&str>,
    locations: &[String],
) -> Option<Salary> {
    let currency = get(m, "currency")
        .and_then(text_of)
        .or_else(|| outer_currency.map(str::to_string))
        .map(|c| c.trim().to_uppercase())
        .unwrap_or_else(|| default_currency(locations).to_string());
    let mut unit = get(m, "unitText").and_then(text_of);
    let (mut min, mut max) = (
        get(m, "minValue").and_then(number_of),
        get(m, "maxValue").and_then(number_of),
    );
    match get(m, "value") {
        Some(Value::Object(q)) => {
            min = min.or_else(|| get(q, "minValue").and_then(number_of));
            max = max.or_else(|| get(q, "maxValue").and_then(number_of));
            if min.is_none() && max.is_none() {
                let v = get(q, "value").and_then(number_of);
                (min, max) = (v, v);
            }
            unit = unit.or_else(|| get(q, "unitText").and_then(text_of));
        }
        Some(Value::String(s)) if number_of(&Value::String(s.clone())).is_none() => {
            // A text value ("$100k-$120k").
            if let Some(mut sal) = salary::salary_from_field(s) {
                if let Some(p) = unit.as_deref().and_then(period_of) {
                    sal.period = p;
                }
                return Some(sal);
            }
        }
        Some(v) if min.is_none() && max.is_none() => {
            let n = number_of(v);
            (min, max) = (n, n);
        }
        _ => {}
    }
    if min.is_none() && max.is_none() {
        // MonetaryAmountDistribution: percentiles.
        min = get(m, "percentile10")
            .or_else(|| get(m, "percentile25"))
            .and_then(number_of);
        max = get(m, "percentile90")
            .or_else(|| get(m, "percentile75"))
            .and_then(number_of);
    }
    let period = unit
        .as_deref()
        .and_then(period_of)
        .unwrap_or_else(|| guess_period(min.or(max).unwrap_or(0.0)));
    Salary::new(min, max, &currency, period)
}

/// The period of a figure given without one: hourly rates are small, monthly pay mid-sized.
fn guess_period(v: f64) -> Period {
    if v < 300.0 {
        Period::Hour
    } else if v < 20_000.0 {
        Period::Month
    } else {
        Period::Year
    }
}

/// Text of a description that may be HTML.
pub fn plain_description(s: &str) -> String {
    if html_text::has_markup(s) {
        html_text::fragment_to_text(s)
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::EmploymentType;
    use serde_json::json;

    fn rec(v: Value) -> Posting {
        posting_from_record(v.as_object().unwrap(), FieldSource::Structured).unwrap()
    }

    #[test]
    fn plain_export_shape() {
        let p = rec(json!({
            "Job Title": "Data Engineer",
            "company_name": "Acme\n4.1",
            "location": "Remote (US)",
            "job_type": "fulltime",
            "min_amount": "120000", "max_amount": 150000.0, "currency": "USD", "interval": "yearly",
            "description": "<p>Build <b>pipelines</b>.</p>",
            "skills": "python, postgres",
            "rating": -1,
        }));
        assert_eq!(p.title.as_deref(), Some("Data Engineer"));
        assert_eq!(p.company.as_deref(), Some("Acme"));
        assert_eq!(p.company_info.as_ref().unwrap().rating, Some(4.1));
        assert_eq!(p.locations, ["US"]);
        assert_eq!(p.work_mode, Some(WorkMode::Remote));
        assert_eq!(p.employment_type, Some(EmploymentType::FullTime));
        let s = p.salary.unwrap();
        assert_eq!(
            (s.min, s.max, s.period),
            (Some(120e3), Some(150e3), Period::Year)
        );
        assert_eq!(p.skills, ["Python", "PostgreSQL"]);
        assert_eq!(p.sections[0].body, "Build pipelines.");
    }

    #[test]
    fn ats_export_shapes() {
        // Lever-like: the title is "text", details nested under "categories".
        let p = rec(
            json!({"text": "Platform Engineer", "descriptionPlain": "Run it.",
            "categories": {"commitment": "Full-time", "location": "Toronto", "team": "Infra"},
            "workplaceType": "remote", "hostedUrl": "https://jobs.example/1"}),
        );
        assert_eq!(p.title.as_deref(), Some("Platform Engineer"));
        assert_eq!(p.locations, ["Toronto"]);
        assert_eq!(p.employment_type, Some(EmploymentType::FullTime));
        assert_eq!(p.work_mode, Some(WorkMode::Remote));
        assert_eq!(p.team.as_deref(), Some("Infra"));
        // Adzuna/SmartRecruiters-like nested names, Ashby-like compensation summary.
        let p = rec(
            json!({"name": "Nurse", "company": {"display_name": "Care Co"},
            "location": {"display_name": "Leeds, UK"}, "contract_time": "part_time",
            "compensation": {"compensationTierSummary": "£30K – £35K"}, "telecommuting": false}),
        );
        assert_eq!(p.title.as_deref(), Some("Nurse"));
        assert_eq!(p.company.as_deref(), Some("Care Co"));
        assert_eq!(p.locations, ["Leeds, UK"]);
        assert_eq!(p.employment_type, Some(EmploymentType::PartTime));
        assert_eq!(p.salary.unwrap().currency, "GBP");
        assert_eq!(p.work_mode, None);
    }

    #[test]
    fn missing_placeholders_are_missing() {
        let p = rec(json!({"title": "X Engineer", "company": "-1", "location": "null"}));
        assert_eq!(p.company, None);
        assert!(p.locations.is_empty());
        assert!(
            posting_from_record(
                json!({"a": 1}).as_object().unwrap(),
                FieldSource::Structured
            )
            .is_none()
        );
    }

    #[test]
    fn monetary_amounts() {
        let m = json!({"@type": "MonetaryAmount", "currency": "EUR",
            "value": {"@type": "QuantitativeValue", "minValue": 60000, "maxValue": "75000", "unitText": "YEAR"}});
        let s = salary_of_amount(m.as_object().unwrap(), None, &[]).unwrap();
        assert_eq!(
            (s.min, s.max, s.currency.as_str(), s.period),
            (Some(60e3), Some(75e3), "EUR", Period::Year)
        );
        let m = json!({"currency": "USD", "value": 45, "unitText": "HOUR"});
        let s = salary_of_amount(m.as_object().unwrap(), None, &[]).unwrap();
        assert_eq!((s.min, s.period), (Some(45.0), Period::Hour));
    }
}
