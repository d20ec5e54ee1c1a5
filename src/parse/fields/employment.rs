//! Employment type: full-time, part-time, contract, internship or temporary.

use std::sync::LazyLock;

use regex::Regex;

use crate::posting::EmploymentType;

/// A field naming the employment type ("Full-time", "FULLTIME", "Contractor", "CDI").
pub fn employment_from_label(s: &str) -> Option<EmploymentType> {
    let norm: String = s
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    let norm = norm.trim();
    use EmploymentType::*;
    Some(match norm {
        "fulltime"
        | "full time"
        | "permanent"
        | "full time permanent"
        | "permanent full time"
        | "cdi"
        | "regular"
        | "festanstellung"
        | "vollzeit"
        | "employee" => FullTime,
        "parttime" | "part time" | "teilzeit" | "werkstudent" | "working student" => PartTime,
        "contract"
        | "contractor"
        | "freelance"
        | "freelancer"
        | "contract to hire"
        | "contracttohire"
        | "c2c"
        | "consultant"
        | "independent contractor"
        | "1099"
        | "gig" => Contract,
        "internship" | "intern" | "stage" | "praktikum" | "apprenticeship" | "alternance" => {
            Internship
        }
        "temporary" | "temp" | "seasonal" | "fixed term" | "fixedterm" | "cdd" | "befristet" => {
            Temporary
        }
        _ => return None,
    })
}

/// The employment type a job title names ("Summer Intern", "Contract Designer", "Part-time
/// Barista", "Freelance Writer").
pub fn employment_from_title(title: &str) -> Option<EmploymentType> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?P<i>intern|internship|interns|werkstudent|stagiaire|co-op)(?-u:\b)|(?-u:\b)(?P<c>contract|contractor|freelance|freelancer)(?-u:\b)|(?-u:\b)(?P<p>part[\s-]time)(?-u:\b)|(?-u:\b)(?P<t>temporary|temp|fixed[\s-]term)(?-u:\b)|(?-u:\b)(?P<f>full[\s-]?time)(?-u:\b)")
            .expect("valid regex")
    });
    let c = RE.captures(title)?;
    Some(if c.name("i").is_some() {
        EmploymentType::Internship
    } else if c.name("c").is_some() {
        EmploymentType::Contract
    } else if c.name("p").is_some() {
        EmploymentType::PartTime
    } else if c.name("t").is_some() {
        EmploymentType::Temporary
    } else {
        EmploymentType::FullTime
    })
}

/// The employment type stated in description text.
pub fn employment_from_text(text: &str) -> Option<EmploymentType> {
    static RULES: LazyLock<Vec<(Regex, EmploymentType)>> = LazyLock::new(|| {
        use EmploymentType::*;
        let r = |re: &str, t| (Regex::new(re).expect("valid regex"), t);
        vec![
            r(
                r"(?i)(?:^|[^\w-])(?:paid\s+)?internship(?-u:\b)|(?-u:\b)intern\s+(?:role|position|program)(?-u:\b)",
                Internship,
            ),
            r(
                r"(?i)(?-u:\b)(?:fixed[\s-]term|temporary|temp)\s+(?:role|position|contract|assignment)(?-u:\b)|(?-u:\b)maternity\s+cover(?-u:\b)",
                Temporary,
            ),
            r(
                r"(?i)(?-u:\b)(?:contract|contractor|freelance|freelancer)\s+(?:role|position|basis|opportunity|engagement|work)(?-u:\b)|(?-u:\b)contract[\s-]to[\s-]hire(?-u:\b)|(?-u:\b)\d+[\s-]months?\s+contract(?-u:\b)|(?-u:\b)as\s+an?\s+(?:independent\s+)?(?:contractor|freelancer)(?-u:\b)",
                Contract,
            ),
            r(
                r"(?i)(?-u:\b)part[\s-]time\s+(?:role|position|job|basis|opportunity|contract)(?-u:\b)|(?-u:\b)(?:[1-2]\d|3[0-4])\s*(?:hours|hrs)\s*(?:per|a|/)\s*week(?-u:\b)",
                PartTime,
            ),
            r(
                r"(?i)(?-u:\b)full[\s-]time(?-u:\b)|(?-u:\b)permanent\s+(?:role|position|contract)(?-u:\b)",
                FullTime,
            ),
        ]
    });
    // The first rule (most specific kind) that matches wins: a full-time internship is an internship.
    RULES
        .iter()
        .find(|(re, _)| re.is_match(text))
        .map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn employment_labels_and_text() {
        use EmploymentType::*;
        assert_eq!(employment_from_label("Full-time"), Some(FullTime));
        assert_eq!(employment_from_label("FULLTIME"), Some(FullTime));
        assert_eq!(employment_from_label("Contractor"), Some(Contract));
        assert_eq!(employment_from_label("Internship"), Some(Internship));
        assert_eq!(employment_from_label("Sometimes"), None);
        assert_eq!(
            employment_from_text("This is a full-time position."),
            Some(FullTime)
        );
        assert_eq!(
            employment_from_text("A 6 month contract with a view to extend"),
            Some(Contract)
        );
        assert_eq!(
            employment_from_text("Our summer internship program"),
            Some(Internship)
        );
        assert_eq!(employment_from_text("full medical coverage"), None);
        assert_eq!(
            employment_from_text("3+ years of post-internship, full-time experience"),
            Some(FullTime)
        );
        assert_eq!(
            employment_from_text("Full-time availability (40 hours/week)"),
            Some(FullTime)
        );
        assert_eq!(
            employment_from_text("about 20 hours per week"),
            Some(PartTime)
        );
    }
}
