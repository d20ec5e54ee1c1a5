//! Work mode: remote, hybrid or on-site, from a labelled field ("On-site", "Remote (US)",
//! "Hybrid — 3 days in office") or from what the description says about this job.

use std::sync::LazyLock;

use regex::Regex;

use crate::posting::WorkMode;

/// A field whose whole value names the mode ("On-site", "Remote (US)", "REMOTE | ONSITE").
/// Several modes named together ("Remote or On-site") give the most flexible that is not remote
/// only when hybrid is named, else remote.
pub fn from_label(s: &str) -> Option<WorkMode> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)^\s*[(\[]?\s*(?:
              (?P<remote>(?:fully\s+|100%\s+|full\s+|partially\s+)?remote(?:[\s-]*(?:first|friendly|only|ok|allowed|possible|optional))?|work\s+from\s+(?:home|anywhere)|wfh|telecommute|télétravail|teletrabajo|anywhere)
             |(?P<hybrid>hybrid|flexible|hybride)
             |(?P<onsite>on[\s-]?site|onsite|in[\s-]office|office[\s-]based|on[\s-]premises?|in[\s-]person|présentiel|vor\s+ort)
            )\b",
        )
        .expect("valid regex")
    });
    let s = s.trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    let mut found = Vec::new();
    for part in s
        .split(['|', '/', ',', '·', '•', '+'])
        .flat_map(|p| p.split(" or "))
    {
        if let Some(c) = LABEL.captures(part) {
            let mode = if c.name("remote").is_some() {
                WorkMode::Remote
            } else if c.name("hybrid").is_some() {
                WorkMode::Hybrid
            } else {
                WorkMode::Onsite
            };
            if !found.contains(&mode) {
                found.push(mode);
            }
        }
    }
    match found.as_slice() {
        [] => None,
        [one] => Some(*one),
        many if many.contains(&WorkMode::Hybrid) => Some(WorkMode::Hybrid),
        // "REMOTE | ONSITE": the job can be done remotely.
        _ => Some(WorkMode::Remote),
    }
}

/// The mode a job title names: "Senior Engineer (Remote)", "Data Analyst - Hybrid",
/// "Remote Backend Developer", "… onsite or remote (in Germany)".
pub fn from_title(title: &str) -> Option<WorkMode> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?P<r>remote|work\s+from\s+home|wfh)\b|\b(?P<h>hybrid)\b|\b(?P<o>on[\s-]?site|in[\s-]office)\b")
            .expect("valid regex")
    });
    let mut found = Vec::new();
    for c in RE.captures_iter(title) {
        let m = if c.name("r").is_some() {
            WorkMode::Remote
        } else if c.name("h").is_some() {
            WorkMode::Hybrid
        } else {
            WorkMode::Onsite
        };
        if !found.contains(&m) {
            found.push(m);
        }
    }
    match found.as_slice() {
        [] => None,
        [one] => Some(*one),
        many if many.contains(&WorkMode::Remote) => Some(WorkMode::Remote),
        _ => Some(WorkMode::Hybrid),
    }
}

struct Rule {
    re: Regex,
    mode: WorkMode,
    weight: i32,
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let r = |re: &str, mode, weight| Rule {
        re: Regex::new(re).expect("valid regex"),
        mode,
        weight,
    };
    use WorkMode::*;
    vec![
        // Explicit statements about the role.
        r(
            r"(?i)\b(?:this|the)\s+(?:role|position|job|opportunity)\s+(?:is|will\s+be)\s+(?:a\s+)?(?:fully\s+|100%\s+|entirely\s+)?remote\b",
            Remote,
            6,
        ),
        r(
            r"(?i)\b(?:fully|100%|completely|entirely|full[\s-]time)\s+remote\b",
            Remote,
            5,
        ),
        r(
            r"(?i)\bremote\s+(?:role|position|job|opportunity|work|working|employee|team\s+member|contract)\b",
            Remote,
            4,
        ),
        r(
            r"(?i)\b(?:work|working)\s+(?:from\s+(?:home|anywhere)|remotely)\b",
            Remote,
            3,
        ),
        r(r"(?i)\bremote[\s-](?:first|friendly)\b", Remote, 2),
        r(
            r"(?i)\b(?:location|locations|based)\s*:?\s*remote\b",
            Remote,
            6,
        ),
        r(r"(?i)^\s*remote\b", Remote, 2),
        r(
            r"(?i)\b(?:this|the)\s+(?:role|position|job)\s+is\s+(?:a\s+)?hybrid\b",
            Hybrid,
            6,
        ),
        r(
            r"(?i)\bhybrid\s+(?:role|position|job|work|working|model|schedule|arrangement|setup|set-up|environment|office)\b",
            Hybrid,
            4,
        ),
        r(
            r"(?i)\b(?:\d|one|two|three|four)[\s-]*days?\s+(?:a|per|each|every)\s+week\s+(?:in|at|from)\s+(?:the|our)?\s*office\b",
            Hybrid,
            5,
        ),
        r(
            r"(?i)\b(?:come|coming|be)\s+(?:in)?to\s+(?:the|our)\s+office\s+(?:\d|one|two|three|four)[\s-]*days?\b",
            Hybrid,
            5,
        ),
        r(
            r"(?i)\b(?:in[\s-]office|on[\s-]?site)\s+(?:\d|one|two|three|four)[\s-]*days?\s+(?:a|per)\s+week\b",
            Hybrid,
            5,
        ),
        r(
            r"(?i)\b(?:this|the)\s+(?:role|position|job)\s+is\s+(?:an?\s+)?(?:fully\s+)?(?:on[\s-]?site|in[\s-]office|in[\s-]person)\b",
            Onsite,
            6,
        ),
        r(
            r"(?i)\b(?:on[\s-]?site|in[\s-]office|in[\s-]person)\)?\s+(?:role|position|job|work|internship|opportunity)\b",
            Onsite,
            4,
        ),
        r(
            r"(?i)\b(?:every\s+day|daily|full[\s-]time)\s+(?:in|at|from)\s+(?:our|the)\s+office\b|\b(?:in|at)\s+(?:our|the)\s+office\s+(?:every\s+day|daily)\b",
            Onsite,
            5,
        ),
        r(
            r"(?i)\b(?:five|5)\s+days\s+(?:a|per)\s+week\s+(?:in|at)\s+(?:the|our)\s+office\b",
            Onsite,
            5,
        ),
        r(
            r"(?i)\b(?:not|no)\s+(?:a\s+)?remote\b|\bremote\s+(?:work\s+)?(?:is\s+)?not\s+(?:possible|available|an\s+option)\b",
            Onsite,
            6,
        ),
    ]
});

/// The mode the description text states for the job, if it says so clearly enough.
pub fn from_text(text: &str) -> Option<WorkMode> {
    let mut score = [0i32; 3];
    for rule in RULES.iter() {
        let n = rule.re.find_iter(text).count().min(2) as i32;
        score[rule.mode as usize] += n * rule.weight;
    }
    let (best, &top) = score
        .iter()
        .enumerate()
        .max_by_key(|&(i, s)| (*s, std::cmp::Reverse(i)))?;
    if top < 3 {
        return None;
    }
    Some(WorkMode::ALL[best])
}

#[cfg(test)]
mod tests {
    use super::*;
    use WorkMode::*;

    #[test]
    fn labels() {
        assert_eq!(from_label("On-site"), Some(Onsite));
        assert_eq!(from_label("Onsite"), Some(Onsite));
        assert_eq!(from_label("Remote (US)"), Some(Remote));
        assert_eq!(from_label("REMOTE"), Some(Remote));
        assert_eq!(from_label("remote-first"), Some(Remote));
        assert_eq!(from_label("Hybrid — 3 days in office"), Some(Hybrid));
        assert_eq!(from_label("REMOTE | ONSITE"), Some(Remote));
        assert_eq!(from_label("Full-time"), None);
        assert_eq!(from_label("Remoteness is a state of mind"), None);
    }

    #[test]
    fn text_statements() {
        assert_eq!(
            from_text(
                "At Postman, we embrace a hybrid work model. Employees are expected to come into the office 3-days a week."
            ),
            Some(Hybrid)
        );
        assert_eq!(
            from_text("This is a fully remote position open to candidates in the EU."),
            Some(Remote)
        );
        assert_eq!(
            from_text("This role is on-site in our Austin office."),
            Some(Onsite)
        );
        assert_eq!(
            from_text("We build tools for remote teams and distributed companies."),
            None
        );
        assert_eq!(from_text("Nothing about where the work happens."), None);
    }
}
