//! Work mode — remote, hybrid or on-site — decided in one place, with one vocabulary: a
//! labelled mode (a JSON key such as `workplaceType`, JSON-LD `jobLocationType`, "Work mode:"),
//! a header badge ("Hybrid", "REMOTE (US)"), the mode words of a location field ("United Kingdom
//! (Hybrid)"), a remote flag (`isRemote`, `telecommuting`), the title ("… (Remote)"), else what
//! the description says about this job ("This role is fully remote", "3 days a week in the
//! office", "Télétravail partiel", "不支持远程").

use std::sync::LazyLock;

use regex::Regex;

use super::super::doc::{Key, Value};
use super::super::vocab::{fold, vocab};
use super::{Cand, Ctx, TEXT, pick};
use crate::posting::{Field, FieldSource, WorkMode};

/// The mode a field names, all its mode words together: "On-site", "Remote (US)", "REMOTE |
/// ONSITE" (remote: the job can be done remotely), "Onsite or hybrid" (hybrid), "No remote"
/// (on-site), "3x/week in office" (hybrid).
pub fn from_label(s: &str) -> Option<WorkMode> {
    let s = s.trim();
    if s.is_empty() || s.chars().count() > 160 {
        return None;
    }
    let v = vocab();
    let f = fold(s);
    let negated: Vec<(usize, usize)> = v.not_remote.find(&f).map(|(a, b, _)| (a, b)).collect();
    let mut found: Vec<WorkMode> = Vec::new();
    if !negated.is_empty() {
        found.push(WorkMode::Onsite);
    }
    for (a, b, m) in v.work_mode.find(&f) {
        if negated.iter().any(|&(x, y)| a < y && b > x) {
            continue;
        }
        if !found.contains(&m) {
            found.push(m);
        }
    }
    // "3x/week in office (onsite)", "2 days a week on-site": days in the office say hybrid.
    if s.chars().any(|c| c.is_ascii_digit())
        && !found.contains(&WorkMode::Hybrid)
        && from_text(s).is_some_and(|(m, _)| m == WorkMode::Hybrid)
    {
        found.push(WorkMode::Hybrid);
    }
    combine(&found)
}

/// A mode field's value read with its label when the label is itself a mode word and the value
/// says how much of it ("Télétravail: Partiel" is "télétravail partiel", hybrid; "Télétravail:
/// Non autorisé", on-site): the label and value together, when a term of the vocabulary runs
/// from the label into the value; else the value.
pub fn with_label(label: &str, value: &str) -> String {
    let v = vocab();
    let label = label.trim();
    if from_label(value).is_some() || v.work_mode.whole(label).is_none() {
        return value.to_string();
    }
    let joined = format!("{label} {}", value.trim());
    let f = fold(&joined);
    let into_value = fold(label).len();
    let spans = v
        .work_mode
        .find(&f)
        .map(|(_, end, _)| end)
        .chain(v.not_remote.find(&f).map(|(_, end, _)| end))
        .any(|end| end > into_value);
    if spans { joined } else { value.to_string() }
}

/// Several modes named together: with hybrid among them, hybrid; with remote, remote (the job
/// can be done remotely); else on-site.
pub fn combine(modes: &[WorkMode]) -> Option<WorkMode> {
    if modes.is_empty() {
        None
    } else if modes.len() == 1 {
        Some(modes[0])
    } else if modes.contains(&WorkMode::Hybrid) {
        Some(WorkMode::Hybrid)
    } else if modes.contains(&WorkMode::Remote) {
        Some(WorkMode::Remote)
    } else {
        Some(WorkMode::Onsite)
    }
}

/// The mode a job title names: "Senior Engineer (Remote)", "Data Analyst - Hybrid", "Remote
/// Backend Developer", "… onsite or remote (in Germany)". Inside a title's own words, only the
/// plain English words count ("Mobile Hibrido Developer" builds hybrid apps).
pub fn from_title(title: &str) -> Option<WorkMode> {
    static WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?P<r>remote|work\s+from\s+home|wfh)\b|\b(?P<h>hybrid)\b|\b(?P<o>on[\s-]?site|in[\s-]office)\b")
            .expect("valid regex")
    });
    let mut found = Vec::new();
    for c in WORD.captures_iter(title) {
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
    // Pieces in brackets or after separators, in any language ("(Télétravail)", "- zdalnie").
    for piece in title
        .split(['(', ')', '[', ']', '|', '–', '—', '/'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty() && p.split_whitespace().count() <= 4)
    {
        if let Some(m) = from_label(piece)
            && vocab().work_mode.whole(piece).is_some()
            && !found.contains(&m)
        {
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

/// The mode the description states for the job, and how strongly (the weights of the
/// statements that say so).
pub fn from_text(text: &str) -> Option<(WorkMode, i32)> {
    let v = vocab();
    let mut score = [0i32; 3];
    // One pass finds which statements occur; only those are counted.
    for i in v.mode_statement_set.matching(text) {
        let st = &v.mode_statements[i];
        let n = st.found(text).take(2).count() as i32;
        score[st.value as usize] += n * st.weight;
    }
    let (best, &top) = score
        .iter()
        .enumerate()
        .max_by_key(|&(i, s)| (*s, std::cmp::Reverse(i)))?;
    (top >= 3).then(|| (WorkMode::ALL[best], top))
}

/// The mode the text's badge lines say: a short line of mode words only ("🏢 Presencial", "-
/// Remote", "Zdalnie/Hybrydowo", "Remote (EU)"; contract badges beside them: "Full-Time ·
/// Remote"), when the lines that do all say the same mode
/// (a menu of modes says none). Not the words that say nothing alone ("Office", "Flexible":
/// `[work_mode] not_alone`).
pub fn from_lines(text: &str) -> Option<WorkMode> {
    let v = vocab();
    let mut said = None;
    for line in text.lines() {
        let l = line.trim_matches(|c: char| !c.is_alphanumeric());
        // A "Label: value" line is a fact, read as one ("Remote option: no").
        if l.is_empty() || l.chars().count() > 40 || l.contains([':', '：']) {
            continue;
        }
        let f = fold(l);
        let spans: Vec<(usize, usize)> = v
            .work_mode
            .find(&f)
            .filter(|&(a, b, _)| v.mode_not_alone.whole(&f[a..b]).is_none())
            .map(|(a, b, _)| (a, b))
            .collect();
        if spans.is_empty() {
            continue;
        }
        // What the mode words leave: joiners and a region at most ("or", "US", "EU", "NYC").
        // Badges of the kind of contract may stand beside them ("`Full-Time` `Paruh Waktu`
        // `Jarak Jauh`", "CDI · Télétravail").
        let mut spans = spans;
        spans.extend(v.employment.find(&f).map(|(a, b, _)| (a, b)));
        spans.sort_unstable();
        let mut rest = String::with_capacity(f.len());
        let mut at = 0;
        for (a, b) in spans {
            if a >= at {
                rest.push_str(&f[at..a]);
                rest.push(' ');
                at = b;
            }
        }
        rest.push_str(&f[at..]);
        let words: Vec<&str> = rest
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() > 2 || words.iter().any(|w| w.chars().count() > 3) {
            continue;
        }
        let Some(m) = from_label(l) else { continue };
        match said {
            None => said = Some(m),
            Some(s) if s == m => {}
            Some(_) => return None,
        }
    }
    said
}

/// Resolves the work mode.
pub fn resolve(ctx: &mut Ctx<'_>, title: Option<&str>) -> Option<(WorkMode, FieldSource)> {
    let v = vocab();
    let mut cands: Vec<Cand<WorkMode>> = Vec::new();
    for f in &ctx.doc.facts {
        match (&f.key, &f.value) {
            (Key::WorkMode, Value::Text(t)) => {
                if let Some(m) = from_label(&t.replace(['_', '-'], " ")).or_else(|| from_label(t)) {
                    cands.push(Cand::of(m, f.origin, 0));
                }
            }
            (Key::Badge, Value::Text(t)) => {
                if let Some(m) = from_label(t) {
                    cands.push(Cand::of(m, f.origin, 0));
                }
            }
            // "United Kingdom (Hybrid)", "Remote - US": a place field that says the mode.
            (Key::Location, Value::Text(t)) => {
                if let Some(m) = from_label(t) {
                    cands.push(Cand::of(m, f.origin, 10));
                }
            }
            // "Onsite - Contract", "Remote, Full-time": a short contract field that says the
            // mode. Not hybrid: there "flexible" speaks of hours ("Flexible hours, part-time").
            (Key::EmploymentType, Value::Text(t)) if t.chars().count() <= 60 => {
                if let Some(m) = from_label(t).filter(|m| *m != WorkMode::Hybrid) {
                    cands.push(Cand::of(m, f.origin, 10));
                }
            }
            (Key::Skill, Value::Text(t)) if v.work_mode.whole(t).is_some() => {
                if let Some(m) = from_label(t) {
                    cands.push(Cand::of(m, f.origin, 10));
                }
            }
            (Key::HybridFlag, Value::Flag(true)) => {
                cands.push(Cand::of(WorkMode::Hybrid, f.origin, 20));
            }
            _ => {}
        }
    }
    for f in ctx.derived.iter().filter(|f| f.key == Key::WorkMode) {
        if let Some(m) = f.value.text().and_then(from_label) {
            cands.push(Cand::of(m, f.origin, 15));
        }
    }
    if let Some(m) = title.and_then(from_title) {
        cands.push(Cand::new(m, 70, FieldSource::Title));
    }
    // The job's own sections first, then the whole description. A stated mode is at most
    // TEXT + 15 strong: beside a candidate stronger than that by more than `pick` notes (25) it
    // could change nothing, and the text is not searched.
    let strongest = cands.iter().map(|c| c.strength).max().unwrap_or(0);
    let stated = (strongest <= TEXT + 15 + 25)
        .then(|| {
            from_text(&ctx.job).or_else(|| {
                // A badge line of the job's own text ("🏢 Presencial").
                if let Some(m) = from_lines(&ctx.job) {
                    return Some((m, 4));
                }
                (ctx.job.len() != ctx.full.len())
                    .then(|| from_text(&ctx.full))
                    .flatten()
            })
        })
        .flatten()
        // The office the job is based in, where the whole text also says how many days a week
        // it asks there ("based in our San Francisco office", "work from our office at least 3x
        // per week"): hybrid.
        .map(|(m, w)| match m {
            WorkMode::Onsite if ctx.job.len() != ctx.full.len() => from_text(&ctx.full)
                .filter(|&(f, _)| f == WorkMode::Hybrid)
                .unwrap_or((m, w)),
            _ => (m, w),
        });
    if let Some((m, weight)) = stated {
        cands.push(Cand::new(m, TEXT + weight.min(15), FieldSource::Text));
    }
    // A remote flag is weaker than a stated mode (scrapers set it from keywords; Ashby sets it
    // on hybrid jobs too).
    if let Some(f) = ctx
        .doc
        .facts_of(Key::RemoteFlag)
        .find(|f| f.value == Value::Flag(true))
    {
        cands.push(Cand::of(WorkMode::Remote, f.origin, 45));
    }
    // A posting on a board of remote jobs only ("https://jobicy.com/jobs/…"): remote, weaker
    // than anything the posting says.
    let remote_board = ctx
        .doc
        .texts(Key::Url)
        .find(|(u, _)| on_remote_only_board(u));
    if let Some((_, origin)) = remote_board {
        cands.push(Cand::of(WorkMode::Remote, origin, 50));
    }
    pick(Field::WorkMode, cands, TEXT, &mut ctx.notes)
}

/// Whether an address is on a board that lists remote jobs only (`[domains] remote_only`):
/// its host's second-level name ("remoteok" of "remoteok.com", "jobicy" of "jobicy.com").
fn on_remote_only_board(url: &str) -> bool {
    let host = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    crate::parse::vocab::site_name(&host)
        .is_some_and(|name| crate::parse::vocab::domains().remote_only.contains(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use WorkMode::*;

    #[test]
    fn the_office_a_job_is_based_in_and_the_days_a_week_there() {
        let mode = |t: &str| from_text(t).map(|(m, _)| m);
        assert_eq!(
            mode("We are seeking an Electrical Engineer to be based out of our Pleasanton office."),
            Some(Onsite)
        );
        assert_eq!(
            mode("Must be willing to work from our San Francisco office at least 3x per week."),
            Some(Hybrid)
        );
        assert_eq!(
            mode(
                "This internship is based in our San Francisco office. Must be willing to work from our San Francisco office at least 3x per week."
            ),
            Some(Hybrid)
        );
        assert_eq!(mode("Our office is based in Berlin."), None);
    }

    #[test]
    fn a_value_saying_how_much_of_the_mode_its_label_names() {
        let read = |l: &str, v: &str| from_label(&with_label(l, v));
        assert_eq!(read("Télétravail", "Partiel"), Some(Hybrid));
        assert_eq!(read("Télétravail", "Fréquent"), Some(Hybrid));
        assert_eq!(read("Télétravail", "Non autorisé"), Some(Onsite));
        assert_eq!(read("Télétravail", "Non"), Some(Onsite));
        // A value that says the mode itself, or says nothing a term spans: the value.
        assert_eq!(read("Télétravail", "Présentiel"), Some(Onsite));
        assert_eq!(with_label("Télétravail", "Lyon"), "Lyon");
        // A label that is no mode word: the value.
        assert_eq!(with_label("Mode de travail", "Partiel"), "Partiel");
    }

    #[test]
    fn labels() {
        assert_eq!(from_label("On-site"), Some(Onsite));
        assert_eq!(from_label("Remote (US)"), Some(Remote));
        assert_eq!(from_label("REMOTE"), Some(Remote));
        assert_eq!(from_label("remote-first"), Some(Remote));
        assert_eq!(from_label("Hybrid — 3 days in office"), Some(Hybrid));
        assert_eq!(from_label("REMOTE | ONSITE"), Some(Remote));
        assert_eq!(
            from_label("ONSITE Berlin/Munich - hybrid 3 days per week"),
            Some(Hybrid)
        );
        assert_eq!(from_label("No remote"), Some(Onsite));
        assert_eq!(from_label("TELECOMMUTE"), Some(Remote));
        assert_eq!(from_label("Télétravail partiel"), Some(Hybrid));
        assert_eq!(from_label("100% zdalnie"), Some(Remote));
        assert_eq!(from_label("リモート"), Some(Remote));
        assert_eq!(from_label("Full-time"), None);
        assert_eq!(from_label("Remoteness is a state of mind"), None);
        // Days in the office say hybrid, whatever else the field says.
        assert_eq!(from_label("3x/week in office (onsite)"), Some(Hybrid));
        assert_eq!(from_label("2 days onsite & 3 days remote"), Some(Hybrid));
        assert_eq!(from_label("Remote / Home Office"), Some(Remote));
        // Arabic: "from the office", "remote".
        assert_eq!(from_label("من المكتب"), Some(Onsite));
        assert_eq!(from_label("عن بُعد"), Some(Remote));
    }

    #[test]
    fn remote_only_boards() {
        assert!(on_remote_only_board(
            "https://jobicy.com/jobs/149063-machine-learning-engineer-4"
        ));
        assert!(on_remote_only_board("https://remoteok.com/remote-jobs/123"));
        assert!(!on_remote_only_board(
            "https://www.getonbrd.com/jobs/analista"
        ));
        assert!(!on_remote_only_board("https://jobicy.example.org/x"));
    }

    #[test]
    fn titles() {
        assert_eq!(from_title("Senior Engineer (Remote)"), Some(Remote));
        assert_eq!(from_title("Mobile Hibrido Developer"), None);
        assert_eq!(from_title("Développeur (Télétravail)"), Some(Remote));
    }

    #[test]
    fn working_from_home_now_and_then_is_hybrid() {
        // In any language a board tags it in, or writes it after the place.
        let json = r#"[
            {"title": "Business kontroler", "tags": ["Možnost občasné práce z domova"], "company": "Acme s.r.o."},
            {"title": "Účetní", "tags": ["Práce z domova"], "company": "Beta a.s."},
            {"title": "Analyst", "company": "Gamma", "location": "Bratislava, Slovakia (Job with occasional home office)"},
            {"title": "Analytik", "company": "Delta", "location": "Bratislava (Pozícia umožňuje občasnú prácu z domu)"}
        ]"#;
        let modes: Vec<_> = crate::parse::parse_text(json, "a.json")
            .unwrap()
            .iter()
            .map(|p| p.work_mode)
            .collect();
        assert_eq!(
            modes,
            [Some(Hybrid), Some(Remote), Some(Hybrid), Some(Hybrid)]
        );
    }

    #[test]
    fn a_short_contract_field_can_say_the_mode_but_not_hybrid() {
        let mode = |job_type: &str| {
            let json = format!(
                r#"[{{"title": "Video Editor", "company": "Acme", "job_type": "{job_type}",
                "description": "Edit videos for our channels, every week, in our studio team."}}]"#
            );
            crate::parse::parse_text(&json, "a.json").unwrap()[0].work_mode
        };
        assert_eq!(mode("Onsite - Contract"), Some(Onsite));
        assert_eq!(mode("Remote, Full-time"), Some(Remote));
        assert_eq!(mode("Flexible hours, part-time"), None);
        assert_eq!(mode("Contract"), None);
    }

    #[test]
    fn text_statements() {
        let m = |t: &str| from_text(t).map(|x| x.0);
        assert_eq!(m("All positions are full time and remote."), Some(Remote));
        assert_eq!(m("Our roles are remote."), Some(Remote));
        assert_eq!(
            m("Office: London preferred (Remote 3-4 days per week)"),
            Some(Hybrid)
        );
        assert_eq!(
            m(
                "We mainly work remotely but you will need to go to the office usually a few times a month."
            ),
            Some(Hybrid)
        );
        // Languages' own ways to say it; a day or two at home is hybrid.
        assert_eq!(m("Arbejder på deltid, hjemmefra."), Some(Remote));
        assert_eq!(
            m(
                "Men passer det dig bedst at du arbejder hjemmefra en dag eller to, finder vi ud af det."
            ),
            Some(Hybrid)
        );
        assert_eq!(m("Możliwość pracy zdalnej"), Some(Remote));
        assert_eq!(m("Możliwość pracy zdalnej lub hybrydowej"), Some(Hybrid));
        assert_eq!(m("Kami bekerja dari rumah."), Some(Remote));
        assert_eq!(m("Regime híbrido em Lisboa (Obrigatório);"), Some(Hybrid));
        assert_eq!(m("Régimen híbrido: dos días en Madrid."), Some(Hybrid));
        assert_eq!(m("Trabajo en modalidad remota."), Some(Remote));
        assert_eq!(m("Tamamen uzaktan çalışma imkanı."), Some(Remote));
        // Part of the time remote is hybrid, in a field too.
        assert_eq!(
            m("- 40% de teletrabajo (2 días a la semana de home-office)"),
            Some(Hybrid)
        );
        assert_eq!(from_label("México DF (40% teletrabajo)"), Some(Hybrid));
        assert_eq!(m("Poste 100% télétravail."), Some(Remote));
        assert_eq!(
            m("Quarterly work from anywhere weeks.\nTeams are in the office 4 days per week."),
            Some(Hybrid)
        );
        assert_eq!(
            m(
                "At Postman, we embrace a hybrid work model. Employees are expected to come into the office 3-days a week."
            ),
            Some(Hybrid)
        );
        assert_eq!(
            m("This is a fully remote position open to candidates in the EU."),
            Some(Remote)
        );
        assert_eq!(
            m("This role is on-site in our Austin office."),
            Some(Onsite)
        );
        assert_eq!(
            m("We are in Portland, Maine. We aren't looking for remote workers at this time."),
            Some(Onsite)
        );
        assert_eq!(m("We do not offer remote work."), Some(Onsite));
        assert_eq!(
            m("PagoPA offre la possibilità ai propri dipendenti di lavorare in modalità agile."),
            Some(Hybrid)
        );
        assert_ne!(
            m("We are looking for remote workers across the EU."),
            Some(Onsite)
        );
        assert_eq!(
            m("We build tools for remote teams and distributed companies."),
            None
        );
        assert_eq!(m("Télétravail possible 2 jours par semaine."), Some(Hybrid));
        assert_eq!(m("需要人在义乌，不接受远程"), Some(Onsite));
        assert_eq!(m("Nothing about where the work happens."), None);
        assert_eq!(
            m("Position requires employee to be onsite (Silver Spring, Maryland)"),
            Some(Onsite)
        );
        assert_eq!(m("All internship positions are onsite."), Some(Onsite));
        assert_eq!(
            m("Ability to work 5 days in-person in our NYC office"),
            Some(Onsite)
        );
        assert_eq!(
            m("This position will be hybrid 2-3 days per week."),
            Some(Hybrid)
        );
        assert_eq!(
            m("Working in office at least 2 days per week."),
            Some(Hybrid)
        );
        assert_eq!(m("Le télétravail est possible."), Some(Hybrid));
        assert_eq!(m("bis zu 4 Tage pro Woche Homeoffice"), Some(Hybrid));
        assert_eq!(
            m("Most of our team is remote and working in the US."),
            Some(Remote)
        );
        assert_eq!(m("Flexibilidad horaria y teletrabajo real."), Some(Remote));
        assert_eq!(m("Có thể làm việc remote."), Some(Remote));
        // The job's own words for working from elsewhere.
        for t in [
            "This is a work-from-home (WFH) position in the Philippines.",
            "This is a 12-week remote-first position starting June 1.",
            "We offer remote, three-month internships with a stipend.",
            "All staff work from home and choose the hours that suit them.",
            "Interns work remotely with experienced mentors.",
            "You'll work remotely with our distributed team.",
            "Serokell is looking for remote full-time Nix SREs.",
            "Télétravail illimité et horaires flexibles",
        ] {
            assert_eq!(m(t), Some(Remote), "{t}");
        }
        // A team that is hybrid may still hire this role remotely.
        assert_eq!(
            m("We're a hybrid team, open to this role being remote."),
            None
        );
    }

    #[test]
    fn badge_lines() {
        assert_eq!(
            from_lines("Backend developer\n- 🏢 Presencial\n- 💰 16k"),
            Some(Onsite)
        );
        assert_eq!(from_lines("Zdalnie/Hybrydowo"), Some(Hybrid));
        assert_eq!(from_lines("NYC or Remote"), Some(Remote));
        // Contract badges beside the mode's.
        assert_eq!(
            from_lines("`Full-Time` `Paruh Waktu` `Jarak Jauh`"),
            Some(Remote)
        );
        assert_eq!(from_lines("CDI · Télétravail"), Some(Remote));
        assert_eq!(
            from_lines("Full-time, remote or onsite in big data teams"),
            None
        );
        // A menu of modes says none; a label's line is a fact; words that say nothing alone.
        assert_eq!(from_lines("Remote\nHybrid\nOn-site"), None);
        assert_eq!(from_lines("遠端選項: 否"), None);
        assert_eq!(from_lines("Office\nFlexible\n- Homeoffice"), None);
        assert_eq!(from_lines("- distributed web arch\n- big data"), None);
        assert_eq!(
            from_lines("Remote work is how we have always worked."),
            None
        );
    }
}
