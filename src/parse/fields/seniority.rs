//! Seniority: the level of a role, from its title first.

use std::sync::LazyLock;

use regex::Regex;

use crate::posting::Seniority;

/// Seniority from a job title: the role noun first (a "Senior Engineering Manager" manages),
/// then the first level word.
pub fn from_title(title: &str) -> Option<Seniority> {
    static ROLE: LazyLock<Vec<(Regex, Seniority)>> = LazyLock::new(|| {
        use Seniority::*;
        let r = |re: &str, s| (Regex::new(re).expect("valid regex"), s);
        vec![
            r(
                r"(?i)\b(?:chief\s+\w+\s+officer|cto|ceo|cfo|coo|cpo|ciso|co-?founder|founding\s+cto|president)\b",
                Executive,
            ),
            r(
                r"(?i)\b(?:director|vp|svp|evp|vice\s+president|head\s+of)\b",
                Director,
            ),
            r(r"(?i)\b(?:manager|mgr)\b", Manager),
            r(
                r"(?i)\b(?:intern|internship|trainee|apprentice|werkstudent|stagiaire)\b",
                Intern,
            ),
        ]
    });
    static LEVEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?P<junior>junior|jr\.?|entry[\s-]level|graduate|new\s+grad|associate)\b|\b(?P<mid>mid[\s-]?level|mid|intermediate|confirmed|confirmé)\b|\b(?P<senior>senior|sr\.?|experienced)\b|\b(?P<staff>staff)\b|\b(?P<principal>principal|distinguished)\b|\b(?P<lead>lead|tech\s+lead|team\s+lead|leader)\b|\b(?P<roman>I{1,3}|IV|V)\b\s*$",
        )
        .expect("valid regex")
    });
    for (re, s) in ROLE.iter() {
        if re.is_match(title) {
            return Some(*s);
        }
    }
    let c = LEVEL.captures(title)?;
    use Seniority::*;
    Some(if c.name("junior").is_some() {
        Junior
    } else if c.name("mid").is_some() {
        Mid
    } else if c.name("senior").is_some() {
        Senior
    } else if c.name("staff").is_some() {
        Staff
    } else if c.name("principal").is_some() {
        Principal
    } else if c.name("lead").is_some() {
        Lead
    } else {
        match c.name("roman").map(|m| m.as_str()) {
            Some("I") => Junior,
            Some("II") => Mid,
            Some("III" | "IV" | "V") => Senior,
            _ => return None,
        }
    })
}

/// A field naming the level ("Senior", "Mid-Senior level", "Entry level", "Internship").
pub fn from_label(s: &str) -> Option<Seniority> {
    let l = s.trim().to_lowercase();
    use Seniority::*;
    Some(match l.as_str() {
        "intern" | "internship" => Intern,
        "entry level" | "entry-level" | "junior" | "associate" | "entry" => Junior,
        "mid" | "mid level" | "mid-level" | "intermediate" | "mid-senior level"
        | "mid senior level" => Mid,
        "senior" | "senior level" | "experienced" => Senior,
        "staff" => Staff,
        "principal" => Principal,
        "lead" => Lead,
        "manager" | "management" => Manager,
        "director" => Director,
        "executive" | "c-level" => Executive,
        _ => return from_title(s),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_titles() {
        use Seniority::*;
        assert_eq!(
            from_title("Senior Engineer (Backend), Product Trust [Technical Lead Role]"),
            Some(Senior)
        );
        assert_eq!(from_title("Senior Engineering Manager"), Some(Manager));
        assert_eq!(from_title("Staff Software Engineer - Billing"), Some(Staff));
        assert_eq!(from_title("Sr. Data Scientist"), Some(Senior));
        assert_eq!(from_title("Software Engineer II"), Some(Mid));
        assert_eq!(from_title("VP of Engineering"), Some(Director));
        assert_eq!(from_title("Chief Technology Officer"), Some(Executive));
        assert_eq!(from_title("Summer Intern, ML"), Some(Intern));
        assert_eq!(from_title("Backend Engineer"), None);
    }
}
