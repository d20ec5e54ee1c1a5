//! Who is hiring and for what: the company, the team and the job title, inferred from
//! description text when no labelled field gives them.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// A capitalized name of up to four words ("Postman", "Open Technology Fund", "AT&T").
/// Names may start lowercase when a capital follows ("d-Matrix", "eBay", "iRobot").
const NAME: &str = r"(?:[A-Z0-9]|[a-z]{1,2}[-.]?[A-Z])[\w&.'’+-]*(?:[ \t]+(?:[A-Z0-9][\w&.'’+-]*|&|of|and|de|du|la|für)){0,3}";

/// Words that start sentences or name generic things, never a company.
fn is_generic(name: &str) -> bool {
    const GENERIC: &[&str] = &[
        "We",
        "Our",
        "The",
        "This",
        "That",
        "You",
        "Your",
        "It",
        "Its",
        "They",
        "Job",
        "Company",
        "Team",
        "Role",
        "Position",
        "Here",
        "There",
        "Us",
        "If",
        "All",
        "As",
        "In",
        "At",
        "For",
        "And",
        "Join",
        "About",
        "What",
        "Who",
        "Why",
        "How",
        "Equal",
        "Employment",
        "Applicants",
        "Candidates",
        "Benefits",
        "Please",
        "Note",
        "Remote",
        "Hybrid",
        "Apply",
        "Salary",
        "Compensation",
        "Engineering",
        "Product",
        "Today",
        "Everyone",
        "Additionally",
        "Also",
        "Together",
        "Headhunters",
        "Actual",
        "Qualified",
        "Along",
        "Currently",
        "When",
        "Bachelor",
        "Master",
        "Masters",
        "Doctor",
        "PhD",
        "Associate",
        "World",
        "Client",
        "Customer",
        "Industry",
        "Nation",
        "Country",
        "Earth",
        "America",
        "Tomorrow",
        "Life",
        "People",
        "Everyone",
        "Anyone",
        "Each",
        "Every",
        "Career",
        "Careers",
    ];
    let first = name.split_whitespace().next().unwrap_or(name);
    GENERIC.contains(&first) || name.len() < 2 || name.chars().all(|c| c.is_ascii_digit())
}

/// The employer's name as the text uses it: names in employer-shaped phrases ("At X, we",
/// "X is a", "Join X", "X is an Equal Opportunity Employer"), weighted by how often they occur.
pub fn company_from_text(text: &str) -> Option<String> {
    static PATTERNS: LazyLock<Vec<(Regex, i32)>> = LazyLock::new(|| {
        let r = |p: String, w| (Regex::new(&p).expect("valid regex"), w);
        vec![
            r(format!(r"\bAt\s+(?P<c>{NAME})\s*,\s+(?:we|our)\b"), 4),
            r(
                format!(
                    r"(?m)(?:^[ \t]*|[.!?]\s+)(?:The\s+)?(?P<c>{NAME})(?:\s*\([^)\n]{{1,60}}\))?(?:,\s+an?\s+[^,\n]{{1,40}},)?\s+is\s+(?:a|an|the|on\s+a\s+mission|building|transforming|reinventing|revolutionizing|redefining|changing|helping|growing|committed|dedicated)\s"
                ),
                3,
            ),
            // "As a Software Engineer at SentiLink, you will…"
            r(
                format!(r"\bAs\s+(?:an?|the|our)\s+[^,.\n]{{3,60}}?\s+at\s+(?P<c>{NAME})\s*,"),
                4,
            ),
            // "Inovalon’s SAAS services": a weak hint, counted with the name's other mentions.
            r(format!(r"(?P<c>{NAME})(?:’s|'s)\s"), 1),
            // "Acme is hiring…", "Acme (YC S15) in New York City is looking for…" at a line start.
            r(
                format!(
                    r"(?m)(?:^\s*|[.!?]\s+)(?:The\s+)?(?P<c>{NAME})(?:\s*\([^)\n]{{1,80}}\))?(?:,?\s+(?:in|based\s+in)\s+[^\n]{{2,40}}?)?,?\s+(?:is|are)\s+(?:hiring|looking\s+for|seeking|searching\s+for|recruiting)\b"
                ),
                5,
            ),
            r(
                format!(
                    r"(?m)(?:^|[.!?]\s+)(?P<c>{NAME})\s+(?:is|are)\s+(?:an?\s+)?(?:Equal|EEO|proud)"
                ),
                5,
            ),
            r(format!(r"\b[Jj]oin\s+(?P<c>{NAME})\b"), 2),
            r(format!(r"(?m)^About\s+(?P<c>{NAME})\s*$"), 4),
            r(
                format!(
                    r"\b(?:[Ww]hy|[Ll]ife\s+at|[Ww]orking\s+at|[Ww]ork\s+at)\s+(?P<c>{NAME})\b"
                ),
                2,
            ),
            r(
                format!(
                    r"(?m)(?:^[ \t]*|[.!?]\s+)(?:The\s+)?(?P<c>{NAME})\s+(?:offers|provides|builds|helps|makes|was\s+(?:founded|established|created|started|born)|is\s+headquartered)\b"
                ),
                2,
            ),
        ]
    });
    let mut scores: HashMap<String, i32> = HashMap::new();
    for (re, weight) in PATTERNS.iter() {
        for c in re.captures_iter(text) {
            let name = trim_name(c.name("c").map_or("", |m| m.as_str()));
            if !name.is_empty() && !is_generic(name) {
                *scores.entry(name.to_string()).or_default() += weight;
            }
        }
    }
    // Names repeated throughout the text are more likely the employer.
    for (name, score) in scores.iter_mut() {
        let mentions = text.matches(name.as_str()).count().min(10) as i32;
        *score += mentions;
    }
    scores
        .into_iter()
        .filter(|(_, s)| *s >= 4)
        // Ties: the shorter name, then the first in byte order — never the map's order, so the
        // same text always gives the same company.
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(b.0.len().cmp(&a.0.len()))
                .then(b.0.cmp(&a.0))
        })
        .map(|(n, _)| n)
}

fn trim_name(s: &str) -> &str {
    s.trim()
        .trim_end_matches(['.', '\'', '’'])
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim()
}

/// The team named by the text: "on the API Client team", "About the Product Trust Team".
pub fn team_from_text(text: &str) -> Option<String> {
    static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        let t = r"(?P<t>[A-Z][\w&/+.-]*(?:\s+[A-Z][\w&/+.-]*){0,3})";
        [
            format!(r"\b(?:on|join|joining|in|within|to)\s+(?:the|our)\s+{t}\s+[Tt]eam\b"),
            format!(r"(?m)^About\s+(?:the|our)\s+{t}\s+[Tt]eam\s*$"),
            format!(r"(?m)(?:^|[.!?]\s+)The\s+{t}\s+[Tt]eam\s+(?:at|is|works|builds|owns)\b"),
        ]
        .iter()
        .map(|p| Regex::new(p).expect("valid regex"))
        .collect()
    });
    let mut counts: HashMap<String, usize> = HashMap::new();
    for re in PATTERNS.iter() {
        for c in re.captures_iter(text) {
            let team = c.name("t").map_or("", |m| m.as_str()).trim();
            if !matches!(
                team,
                "We" | "Our"
                    | "The"
                    | "This"
                    | "That"
                    | "Your"
                    | "Whole"
                    | "Entire"
                    | "Same"
                    | "Right"
            ) {
                *counts.entry(team.to_string()).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(t, _)| t)
}

/// Nouns that end job titles.
pub const ROLE_NOUNS: &str = r"(?:Engineer|Developer|Programmer|Architect|Designer|Manager|Director|Scientist|Analyst|Researcher|Consultant|Specialist|Administrator|Lead|Officer|Intern|Technician|Writer|Editor|Strategist|Coordinator|Recruiter|Representative|Marketer|Owner|Tester|Advocate|Evangelist|Accountant|Counsel|Producer|Artist|Animator|Operator|SRE|Head\s+of\s+[A-Z][\w&]*(?:\s+[A-Z][\w&]*)?|VP\s+of\s+[A-Z]\w*|CTO|CEO)s?";

/// True when `s` reads like a job title (ends with, or contains, a role noun).
pub fn looks_like_title(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)\b{ROLE_NOUNS}\b|\b(?:engineering|developer|intern|internship|designer|UX|UI|devops|frontend|backend|full[\s-]?stack|data|software)\b"))
            .expect("valid regex")
    });
    let n = s.chars().count();
    (3..=120).contains(&n) && RE.is_match(s)
}

/// The job title as a sentence names it: "we're looking for a Backend Engineer to…",
/// "As a Backend Engineer on the … team", "hiring a Senior Designer".
pub fn title_from_text(text: &str) -> Option<String> {
    static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        // Describing words before the title ("a passionate and motivated", "a customer-focused,
        // highly technical"): lowercase, a few at most.
        let adj = r"(?:(?:[a-z][\w'’-]*,?\s+(?:and\s+|&\s+)?){0,4}?)";
        let title = format!(
            r"(?P<t>(?:[A-Z][\w+#./&-]*[ \t]+){{0,5}}{ROLE_NOUNS}(?:[ \t]*\([^)\n]{{1,30}}\))?)"
        );
        [
            r"(?m)^(?:Job\s+)?(?:Title|Position|Role)\s*:\s*(?P<t2>[^\n]{3,100})$".to_string(),
            format!(r"(?i:looking\s+for|seeking|seek|hiring|searching\s+for|in\s+search\s+of|recruiting|we\s+need|to\s+hire|opportunity\s+for|opening\s+for)\s+(?:an?\s+|our\s+|the\s+|two\s+|several\s+)?{adj}{title}"),
            format!(r"\b(?i:are\s+you|if\s+you\s+are)\s+(?:an?|the|our)\s+(?:next\s+)?{adj}{title}"),
            format!(r"\bAs\s+(?:an?|the|our)\s+{title}\b"),
            format!(r"(?i:join\s+(?:us|our\s+team|the\s+team))\s+as\s+(?:an?|our)\s+{adj}{title}"),
            format!(r"(?m)(?:^|[.!?]\s+)(?:The|A|An|Our)\s+(?:[A-Z0-9][\w-]*\s+)??{title}\s+(?:is|will|role|position|plays|works|leads|owns|sits|reports|helps|designs|builds)\b"),
        ]
        .iter()
        .map(|p| Regex::new(p).expect("valid regex"))
        .collect()
    });
    static ANOTHER_ROLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^\s*(?:,\s*)?(?:and|or|&)\s+(?:an?\s+)?(?:[A-Z][\w+#./&-]*\s+){{0,4}}{ROLE_NOUNS}\b"
        ))
        .expect("valid regex")
    });
    for re in PATTERNS.iter() {
        if let Some(c) = re.captures(text) {
            let m = c.name("t").or(c.name("t2"));
            let t = m.map_or("", |m| m.as_str()).trim();
            // "an Engineering Manager and a Senior Product Designer": several roles, no one title.
            if let Some(m) = m
                && ANOTHER_ROLE.is_match(&text[m.end()..])
            {
                return None;
            }
            if !t.is_empty() {
                return Some(t.to_string());
            }
        }
    }
    None
}

/// A page or heading title split into (title, company): "Senior Engineer at Acme | Board",
/// "Acme - Senior Engineer", "Acme hiring Data Engineer in Berlin", "Engineer - Acme - Berlin".
pub fn split_title_company(t: &str) -> (Option<String>, Option<String>) {
    let t = t
        .trim()
        .trim_start_matches("Job Application for ")
        .trim_start_matches("Job application for ");
    // Drop a trailing board name after " | ".
    let main = t.split(" | ").next().unwrap_or(t).trim();
    // "Acme hiring Senior Engineer in Berlin, Germany" (as a large network titles its pages).
    if let Some((c, rest)) = main.split_once(" hiring ") {
        let title = rest.rsplit_once(" in ").map_or(rest, |(t, _)| t).trim();
        if looks_like_title(title) && !c.trim().is_empty() {
            return (Some(title.to_string()), Some(c.trim().to_string()));
        }
    }
    if let Some((a, b)) = main.rsplit_once(" at ")
        && looks_like_title(a)
    {
        return (Some(a.trim().to_string()), Some(b.trim().to_string()));
    }
    for sep in [" - ", " – ", " — "] {
        let parts: Vec<&str> = main.split(sep).map(str::trim).collect();
        // "Senior Engineer - Acme - Berlin, Germany": title, company, place.
        if parts.len() == 3
            && looks_like_title(parts[0])
            && !looks_like_title(parts[1])
            && super::location::mentions_place(parts[2])
        {
            return (Some(parts[0].to_string()), Some(parts[1].to_string()));
        }
        if let Some((a, b)) = main.split_once(sep) {
            let (a, b) = (a.trim(), b.trim());
            if looks_like_title(a) && !looks_like_title(b) {
                return (Some(a.to_string()), Some(b.to_string()));
            }
            if looks_like_title(b) && !looks_like_title(a) {
                return (Some(b.to_string()), Some(a.to_string()));
            }
        }
    }
    (looks_like_title(main).then(|| main.to_string()), None)
}

/// Benefits listed in a sentence: "benefits, including full medical coverage, flexible PTO,
/// wellness reimbursement, and a monthly lunch stipend".
pub fn benefits_from_text(text: &str) -> Vec<String> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:benefits|perks)\b[^.:;]{0,40}?\b(?:including|include|such\s+as|like)\s*:?\s+(?P<list>[^.;]{5,300})")
            .expect("valid regex")
    });
    let Some(c) = RE.captures(text) else {
        return Vec::new();
    };
    split_list(c.name("list").map_or("", |m| m.as_str()))
}

/// "a, b, and c" → ["A", "B", "C"] (articles dropped, first letter capitalized).
pub fn split_list(list: &str) -> Vec<String> {
    list.split([',', ';'])
        .flat_map(|p| p.split(" and "))
        .map(|p| {
            let p = p
                .trim()
                .trim_start_matches("and ")
                .trim_start_matches("or ")
                .trim();
            let p = p
                .strip_prefix("a ")
                .or_else(|| p.strip_prefix("an "))
                .unwrap_or(p);
            capitalize(p.trim())
        })
        .filter(|p| (2..=60).contains(&p.chars().count()))
        .collect()
}

pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_from_employer_phrases() {
        let t = "Postman is the world’s leading API platform. At Postman, we embrace a hybrid model. \
                 Postman is an Equal Employment Opportunity Employer. We use Zoom.";
        assert_eq!(company_from_text(t).as_deref(), Some("Postman"));
        assert_eq!(company_from_text("We are hiring. The team is great."), None);
    }

    #[test]
    fn team_from_phrases() {
        assert_eq!(
            team_from_text("As a Backend Engineer on the API Client team, you'll…").as_deref(),
            Some("API Client")
        );
        assert_eq!(
            team_from_text("About the Product Trust Team\nThe Product Trust team at X").as_deref(),
            Some("Product Trust")
        );
        assert_eq!(team_from_text("You will join the team."), None);
    }

    #[test]
    fn title_from_sentences() {
        assert_eq!(
            title_from_text("we're looking for a Backend Engineer to bring depth").as_deref(),
            Some("Backend Engineer")
        );
        assert_eq!(
            title_from_text("As a Senior Data Scientist at Acme, you").as_deref(),
            Some("Senior Data Scientist")
        );
        assert_eq!(
            title_from_text("Title: Staff Engineer, Payments\nmore").as_deref(),
            Some("Staff Engineer, Payments")
        );
        assert_eq!(title_from_text("We like engineers."), None);
    }

    #[test]
    fn benefits_sentence() {
        let t = "Postman offers a comprehensive set of benefits, including full medical coverage, flexible PTO, \
                 wellness reimbursement, and a monthly lunch stipend. Along with that…";
        assert_eq!(
            benefits_from_text(t),
            [
                "Full medical coverage",
                "Flexible PTO",
                "Wellness reimbursement",
                "Monthly lunch stipend"
            ]
        );
    }
}
