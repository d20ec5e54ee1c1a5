//! Employment type — full-time, part-time, contract, internship or temporary: a labelled type
//! (`employmentType`, `commitment`, "Job type:", "Vertragsart:", "雇用形態"), a header badge, the
//! title ("Summer Intern", "(1099 Contract)"), else what the description states. An internship
//! named in the title is an internship whatever else says "full-time".

use super::super::doc::{Key, Value};
use super::super::vocab::{fold, vocab};
use super::{Cand, Ctx, TEXT, pick};
use crate::posting::{EmploymentType, Field, FieldSource};

/// The kinds a field names, in the order it names them ("Part-time, Contract"); a kind offered
/// as an option beside the job's own ("Full time, part time negotiable", "Interns considered")
/// is not one of them.
pub fn kinds_in(s: &str) -> Vec<EmploymentType> {
    let v = vocab();
    let folded = fold(&s.replace('_', " "));
    let mut out = Vec::new();
    for (_, end, k) in v.employment.find(&folded) {
        if !offered_as_option(&folded[end..]) && !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// Whether the folded text right after a kind offers it as an option beside the job's own
/// ("… negotiable", "… considered": `[employment] offered_as_option`).
fn offered_as_option(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '-', ':', '(', '（']);
    vocab()
        .kind_offered_as_option
        .find(rest)
        .next()
        .is_some_and(|(start, _, _)| start == 0)
}

/// The kind a field names: the one the text supports when it names several, else the first.
fn from_label(s: &str, text_kind: Option<EmploymentType>) -> Option<EmploymentType> {
    if s.chars().count() > 120 {
        return None;
    }
    let mut kinds = kinds_in(s);
    // "CLT / PJ", "Full time/Part time", "B2B or UoP": alternatives offered, the candidate
    // chooses — the posting states no one kind.
    if kinds.len() >= 2 && (names_alternatives(s) || both_hours(&kinds)) {
        return None;
    }
    // Three kinds or more in one field ("Contrato a termo, Contrato sem termo, Prestação de
    // Serviços"): the contracts a company offers, no one job's (`kinds_in` names each once).
    if kinds.len() >= 3 {
        return None;
    }
    // "REMOTE, INTERN or ONSITE": interns welcome among other options, not an internship.
    if kinds.contains(&EmploymentType::Internship)
        && super::work_mode::from_label(s).is_some()
        && s.split([',', '|', '/']).count() + s.matches(" or ").count() >= 2
    {
        kinds.retain(|k| *k != EmploymentType::Internship);
    }
    // Several kinds named: the first, unless the text states a more specific one of them
    // ("Part-time, Contract" and a 1099 contract in the text).
    match (kinds.as_slice(), text_kind) {
        ([], _) => share_of_full_time(s),
        ([one], _) => Some(*one),
        (many, Some(t)) if many.contains(&t) && specific(t) && !specific(many[0]) => Some(t),
        (many, _) => Some(many[0]),
    }
}

/// A field giving the job's share of full time ("omfattning: 100%", "Stillingsprosent: 50 %",
/// `workTime: "75%"`): all of it is full-time, less is part-time. A range ("80–100 %") states
/// neither.
fn share_of_full_time(s: &str) -> Option<EmploymentType> {
    let n = s.trim().strip_suffix('%')?.trim().replace(',', ".");
    let share: f64 = n.parse().ok()?;
    if share == 100.0 {
        Some(EmploymentType::FullTime)
    } else if share > 0.0 && share < 100.0 {
        Some(EmploymentType::PartTime)
    } else {
        None
    }
}

/// Full-time and part-time named together and nothing else ("Vollzeit, Teilzeit", `["FULL_TIME",
/// "PART_TIME"]`): the hours are the candidate's choice, the posting states neither.
fn both_hours(kinds: &[EmploymentType]) -> bool {
    kinds.len() == 2
        && kinds.contains(&EmploymentType::FullTime)
        && kinds.contains(&EmploymentType::PartTime)
}

/// Whether a label's kinds are alternatives ("CLT / PJ", "B2B or UoP") rather than one kind
/// described twice ("full-time, contract position").
fn names_alternatives(s: &str) -> bool {
    let f = fold(s);
    f.contains('/')
        || f.contains('|')
        || f.split_whitespace()
            .any(|w| matches!(w, "or" | "ou" | "o" | "oder" | "lub" | "eller" | "oppure"))
}

/// The kind the description states, the most specific first (a full-time internship is an
/// internship). Two kinds stated equally strongly ("B2B" and "umowa o pracę" offered side by
/// side) state none.
pub fn from_text(text: &str) -> Option<EmploymentType> {
    let v = vocab();
    // "Candidates must be authorized to work for any U.S. employer on a full-time basis": what
    // a sentence says after words about the candidate's papers is not this job's kind (what it
    // says before them is: "FULL TIME, New York, NO H1-B SPONSORSHIP").
    let kept;
    let text = if v.not_about_the_kind.first_in(text).is_some() {
        kept = sentences(text)
            .map(|s| match v.not_about_the_kind.all_in(s).first() {
                Some(&(start, _, _)) => &s[..start],
                None => s,
            })
            .collect::<Vec<_>>()
            .join("\n");
        kept.as_str()
    } else {
        text
    };
    let both;
    let text = match hours_offered_side_by_side(text) {
        Some(t) => {
            both = t;
            both.as_str()
        }
        None => text,
    };
    let mut best: Option<(i32, EmploymentType)> = None;
    let mut tied = false;
    for i in v.employment_statement_set.matching(text) {
        let st = &v.employment_statements[i];
        if st.found(text).next().is_none() {
            continue;
        }
        match best {
            // "Temps partiel négociable" beside a "CDI": part-time is the option, not the kind.
            Some((w, k))
                if st.weight == w && st.value == EmploymentType::PartTime && k != st.value => {}
            Some((w, EmploymentType::PartTime)) if st.weight == w => {
                best = Some((st.weight, st.value));
            }
            Some((w, k)) if st.weight == w && st.value != k => tied = true,
            Some((w, _)) if st.weight <= w => {}
            _ => {
                best = Some((st.weight, st.value));
                tied = false;
            }
        }
    }
    if tied {
        return None;
    }
    best.map(|b| b.1).or_else(|| term_lines(text))
}

/// The text without the kinds it offers side by side with both hours among them ("Full-time,
/// Part-time & Per diem shift opportunities", "`Full-Time` `Paruh Waktu`"): the candidate's
/// choice, no kind of the job. Terms are side by side when only punctuation or a joining word
/// (`[employment] joins`) stands between them on one line. None when the text has no such run.
fn hours_offered_side_by_side(text: &str) -> Option<String> {
    let v = vocab();
    let folded = fold(text);
    // A kind offered as an option beside the job's own ("Full-time, part-time negotiable")
    // leaves the job's own kind stated.
    let terms: Vec<(usize, usize, EmploymentType)> = v
        .employment
        .find(&folded)
        .filter(|&(_, end, _)| !offered_as_option(&folded[end..]))
        .collect();
    let joined = |gap: &str| {
        let gap = gap.trim_matches(|c: char| !c.is_alphanumeric());
        gap.is_empty()
            || v.kind_joins
                .find(gap)
                .next()
                .is_some_and(|(s, e, _)| s == 0 && e == gap.len())
    };
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < terms.len() {
        let mut j = i;
        while j + 1 < terms.len()
            && terms[j].1 <= terms[j + 1].0
            && !folded[terms[j].1..terms[j + 1].0].contains('\n')
            && joined(&folded[terms[j].1..terms[j + 1].0])
        {
            j += 1;
        }
        let kinds: Vec<EmploymentType> = terms[i..=j].iter().map(|t| t.2).collect();
        if kinds.contains(&EmploymentType::FullTime) && kinds.contains(&EmploymentType::PartTime) {
            blank.push((terms[i].0, terms[j].1));
        }
        i = j + 1;
    }
    if blank.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, e) in blank {
        out.push_str(&text[at..s]);
        out.push_str(&" ".repeat(text[s..e].chars().count()));
        at = e;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// The kind that lines made only of a language's employment terms name ("Полная занятость,
/// полный день", "* Heltid", "正社員"): a badge written into the text. None when such lines
/// name different kinds, or offer several ("Full-time | Part-time").
fn term_lines(text: &str) -> Option<EmploymentType> {
    let mut found: Option<EmploymentType> = None;
    let lines: Vec<&str> = text
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['•', '*', '-', '+', '·', '#', '>', ' '])
        })
        .filter(|l| !l.is_empty())
        .collect();
    for (i, &line) in lines.iter().enumerate() {
        if line.chars().count() > 80 {
            continue;
        }
        // After a plain entry of a list (a role: "Community Leader", "+INTERN"; a tool:
        // "Internetworking and BGP", "Temporal"), an entry of that list. A badge follows a
        // label, a figure or a sentence.
        let entry_before = i.checked_sub(1).map(|j| lines[j]).is_some_and(|l| {
            l.split_whitespace().count() <= 6
                && !l.contains([':', '：'])
                && !l.chars().any(|c| c.is_ascii_digit())
                && !l.ends_with(['.', '!', '?'])
                && kinds_in(l).is_empty()
        });
        if entry_before {
            continue;
        }
        // The line, or a bracket of it that holds only terms ("Stawka od 33,00 zł brutto za
        // godzinę (umowa zlecenie)"). A bracket naming a trainee ("Especialista … (estagiário)")
        // is the rank of the role beside it, which its title says, not the contract.
        let brackets = line
            .split('(')
            .skip(1)
            .filter_map(|rest| rest.split_once(')').map(|(inside, _)| inside));
        let pieces = std::iter::once((line, false)).chain(brackets.map(|b| (b, true)));
        for (piece, in_bracket) in pieces {
            if !only_terms(piece) {
                continue;
            }
            let kind = from_label(piece, None)?;
            if in_bracket && kind == EmploymentType::Internship {
                continue;
            }
            match found {
                Some(k) if k != kind => return None,
                _ => found = Some(kind),
            }
            break;
        }
    }
    found
}

/// Whether a text holds employment terms and nothing else but punctuation between them.
fn only_terms(s: &str) -> bool {
    let folded = fold(s);
    let terms: Vec<(usize, usize, EmploymentType)> = vocab().employment.find(&folded).collect();
    if terms.is_empty() {
        return false;
    }
    let ends = std::iter::once(0).chain(terms.iter().map(|t| t.1));
    let starts = terms
        .iter()
        .map(|t| t.0)
        .chain(std::iter::once(folded.len()));
    !ends
        .zip(starts)
        .any(|(a, b)| folded[a..b].chars().any(char::is_alphanumeric))
}

/// The sentences of a text, each with its end: a line's end, or a full stop before a capital
/// ("… any U.S. employer on a full-time basis. No sponsorship" is two).
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let b = rest.as_bytes();
        let end = (0..b.len())
            .find(|&i| {
                b[i] == b'\n'
                    || (b[i] == b'.'
                        && b.get(i + 1).is_some_and(u8::is_ascii_whitespace)
                        && rest[i + 1..]
                            .trim_start()
                            .starts_with(|c: char| c.is_uppercase()))
            })
            .map_or(b.len(), |i| i + 1);
        let (s, r) = rest.split_at(end);
        rest = r;
        Some(s)
    })
}

/// A specific kind (a contract, an internship, a temporary post) says more than "full-time",
/// which may only describe the hours.
fn specific(k: EmploymentType) -> bool {
    matches!(
        k,
        EmploymentType::Contract | EmploymentType::Internship | EmploymentType::Temporary
    )
}

/// Resolves the employment type.
pub fn resolve(ctx: &mut Ctx<'_>, title: Option<&str>) -> Option<(EmploymentType, FieldSource)> {
    let text_kind = from_text(&ctx.job).or_else(|| {
        (ctx.job.len() != ctx.full.len())
            .then(|| from_text(&ctx.full))
            .flatten()
    });
    let mut cands: Vec<Cand<EmploymentType>> = Vec::new();
    let mut alternatives = false;
    // A list of kinds given as one key's values, each its own fact (JSON-LD `["FULL_TIME",
    // "PART_TIME"]`), is read as one label: a run of facts of the kind from one origin.
    let run_of = |f: &super::super::doc::Fact| {
        (f.key == Key::EmploymentType && matches!(f.value, Value::Text(_))).then_some(f.origin)
    };
    let mut skip = vec![false; ctx.doc.facts.len()];
    let mut i = 0;
    while i < ctx.doc.facts.len() {
        let Some(origin) = run_of(&ctx.doc.facts[i]) else {
            i += 1;
            continue;
        };
        let end = (i..ctx.doc.facts.len())
            .find(|&j| run_of(&ctx.doc.facts[j]) != Some(origin))
            .unwrap_or(ctx.doc.facts.len());
        let mut kinds = Vec::new();
        // A permanent contract ("Contract_Type": "permanent" beside "Working_Patterns":
        // "part_time") says nothing of the hours: it offers no alternative to them.
        let hours = |t: &&str| vocab().kind_permanent.whole(t).is_none();
        for f in &ctx.doc.facts[i..end] {
            for k in f
                .value
                .text()
                .filter(hours)
                .map(kinds_in)
                .unwrap_or_default()
            {
                if !kinds.contains(&k) {
                    kinds.push(k);
                }
            }
        }
        if end - i >= 2 && both_hours(&kinds) {
            skip[i..end].fill(true);
            alternatives = true;
        }
        i = end;
    }
    for (f, _) in ctx.doc.facts.iter().zip(&skip).filter(|(_, s)| !**s) {
        let Value::Text(t) = &f.value else { continue };
        let less = match f.key {
            // "CDI" beside "Temps partiel": the permanent contract says nothing of the hours.
            Key::EmploymentType if vocab().kind_permanent.whole(t).is_some() => 10,
            Key::EmploymentType => 0,
            Key::Badge => 0,
            Key::Skill if vocab().employment.whole(t).is_some() => 10,
            // A label both fields use ("tipo de trabajo": "Full-time" or "Remoto"): its value
            // says which it is.
            Key::WorkMode
                if vocab().employment.whole(t).is_some()
                    && vocab().work_mode.first_in(t).is_none() =>
            {
                5
            }
            _ => continue,
        };
        if f.key == Key::EmploymentType && kinds_in(t).len() >= 2 && names_alternatives(t) {
            // "Full time/Part time" labelled: the posting offers both, and a sentence naming
            // one of them does not decide.
            alternatives = true;
        }
        if let Some(k) = from_label(t, text_kind) {
            cands.push(Cand::of(k, f.origin, less));
        }
    }
    for f in ctx.derived.iter().filter(|f| f.key == Key::EmploymentType) {
        if let Some(k) = f.value.text().and_then(|t| from_label(t, text_kind)) {
            cands.push(Cand::of(k, f.origin, 15));
        }
    }
    if let Some(title) = title {
        let kinds = kinds_in(title);
        if kinds.contains(&EmploymentType::Internship) {
            // An internship is one whatever the hours: stronger than a "Full-time" badge.
            cands.push(Cand::new(
                EmploymentType::Internship,
                110,
                FieldSource::Title,
            ));
        } else if let Some(k) = kinds.first() {
            cands.push(Cand::new(*k, 65, FieldSource::Title));
        }
    }
    if let Some(k) = text_kind.filter(|_| !alternatives) {
        cands.push(Cand::new(k, TEXT, FieldSource::Text));
    }
    pick(Field::EmploymentType, cands, TEXT, &mut ctx.notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EmploymentType::*;

    #[test]
    fn traditional_chinese_names_the_kind_too() {
        assert_eq!(
            from_text("【實習工讀】我們正在尋找實習生，一起打造產品。"),
            Some(Internship)
        );
        assert_eq!(from_text("工作性質：\n全職\n"), Some(FullTime));
    }

    #[test]
    fn a_line_of_terms_alone_is_a_badge() {
        assert_eq!(
            from_text(
                "Требуемый опыт работы: 1–3 года\n\nПолная занятость, полный день\n\nО компании."
            ),
            Some(FullTime)
        );
        assert_eq!(
            from_text("Montpellier - 34\nFreelance\nVoir l’offre"),
            Some(Contract)
        );
        // A bracket of terms alone in a line is a badge too; a trainee's is the role's rank.
        assert_eq!(
            from_text("- **Stawka od 33,00 zł brutto** za godzinę (umowa zlecenie)"),
            Some(Contract)
        );
        assert_eq!(
            from_text("Especialista de Informática de Grau 1 Nível 2 (estagiário)"),
            None
        );
        // Several offered, or different lines naming different kinds: none.
        assert_eq!(
            from_text("Москва\nПолная занятость | Частичная занятость\n"),
            None
        );
        assert_eq!(from_text("Москва: 1\nПолная занятость\nСтажировка\n"), None);
        // An entry of a list of roles or tools is no badge.
        assert_eq!(
            from_text(
                "Our roles:\nSenior front-end engineer\nCommunity Leader\n+INTERN\nWrite to us."
            ),
            None
        );
        assert_eq!(
            from_text("Stack:\n• Internetworking and BGP\n• Temporal\n"),
            None
        );
    }

    #[test]
    fn a_fixed_term_or_a_freelance_brief_said_in_a_sentence() {
        // A contract for the work to be done is temporary, whatever the hours.
        assert_eq!(
            from_text("$ 1.750.905 (Mensual) Contrato de Obra o labor Tiempo Completo"),
            Some(Temporary)
        );
        assert_eq!(
            from_text("Buscamos operarios para incorporarse de forma eventual."),
            Some(Temporary)
        );
        assert_eq!(
            from_text("Necesito un freelancer para cargar 40 páginas."),
            Some(Contract)
        );
        assert_eq!(
            from_text("Sou profissional liberal e procuro free-lance. Pago por demanda."),
            Some(Contract)
        );
        assert_eq!(
            from_text("Vi har fått en förfrågan på ett konsultuppdrag för en senior .NET-konsult."),
            Some(Contract)
        );
        // An event is no contract.
        assert_eq!(from_text("Habrá un evento eventual en la oficina."), None);
    }

    #[test]
    fn a_sentence_about_the_candidate_s_papers_says_no_kind() {
        assert_eq!(
            from_text(
                "Candidates must be legally authorized to work for any U.S. employer on a full-time basis."
            ),
            None
        );
        assert_eq!(
            from_text(
                "This is a full-time role.\nYou must be authorized to work in the US; no sponsorship."
            ),
            Some(EmploymentType::FullTime)
        );
        assert_eq!(
            from_text("Engineer (FULL TIME, New York, NY, NO H1-B SPONSORSHIP)"),
            Some(EmploymentType::FullTime)
        );
    }

    /// The kind of each posting a file of `name` gives.
    fn kinds_of(text: &str, name: &str) -> Vec<Option<EmploymentType>> {
        crate::parse::parse_text(text, name)
            .unwrap()
            .into_iter()
            .map(|p| p.employment_type)
            .collect()
    }

    #[test]
    fn a_label_both_fields_use_is_the_kind_when_its_value_is_one() {
        let kind = |csv: &str| kinds_of(csv, "a.csv")[0];
        let csv = "titulo,empresa,descripcion,tipo_trabajo\nDesarrollador Python,Acme,\"Construimos pagos digitales para América Latina y buscamos personas curiosas.\",Full-time\n";
        assert_eq!(kind(csv), Some(FullTime));
        let remote = csv.replace(",Full-time", ",Remoto");
        assert_eq!(kind(&remote), None);
    }

    #[test]
    fn full_time_and_part_time_offered_side_by_side_state_neither() {
        let kind = |types: &str| {
            let html = format!(
                r#"<html><head><script type="application/ld+json">{{"@type": "JobPosting",
                "title": "Facharzt Psychiatrie (m/w/d)", "employmentType": {types},
                "hiringOrganization": {{"name": "Praxis Beispiel"}},
                "description": "Wir suchen eine Fachärztin oder einen Facharzt in Vollzeit oder Teilzeit."}}
                </script></head><body></body></html>"#
            );
            kinds_of(&html, "a.html")[0]
        };
        assert_eq!(kind(r#"["FULL_TIME", "PART_TIME"]"#), None);
        assert_eq!(kind(r#""FULL_TIME""#), Some(FullTime));
        assert_eq!(kind(r#"["PART_TIME"]"#), Some(PartTime));
    }

    #[test]
    fn a_permanent_contract_beside_its_hours_leaves_the_hours_to_say() {
        let kinds = |json: &str| kinds_of(json, "a.json");
        let json = r#"[{"title": "Teaching Assistant", "Contract_Type": "permanent", "Working_Patterns": "part_time", "location": "Leeds"},
            {"title": "Staff Nurse", "Job Type": "Secondment (7 months)", "Working Pattern": "Full time", "location": "Leeds"}]"#;
        assert_eq!(kinds(json), [Some(PartTime), Some(Temporary)]);
    }

    #[test]
    fn a_role_named_integral_states_no_hours() {
        // "Integral" names the cashier's remit here; "tempo integral" states the hours.
        let kind = |text: &str| kinds_of(text, "a.txt")[0];
        let text = "Cajero Asistente Integral\n\nRequiere contratar un cajero asistente integral para su tienda de Temuco.\nAtender clientes y operar la caja.\n";
        assert_eq!(kind(text), None);
        let text = "Vendedor\n\nVaga de vendedor na loja de Curitiba.\nJornada: tempo integral\nAtender clientes e operar o caixa.\n";
        assert_eq!(kind(text), Some(FullTime));
    }

    #[test]
    fn a_share_of_full_time() {
        assert_eq!(from_label("100%", None), Some(FullTime));
        assert_eq!(from_label("75 %", None), Some(PartTime));
        assert_eq!(from_label("26,82%", None), Some(PartTime));
        assert_eq!(from_label("80–100 %", None), None);
        assert_eq!(from_label("0%", None), None);
        // Three kinds in one field are the contracts a company offers; European Portuguese
        // "sem termo" is open-ended.
        assert_eq!(
            from_label(
                "Contrato a termo, Contrato sem termo, Prestação de Serviços",
                None
            ),
            None
        );
        assert_eq!(from_label("Full-time, Part-time, Freelance", None), None);
        assert_eq!(from_label("Contrato sem termo", None), Some(FullTime));
        assert_eq!(from_label("Part-time, Contract", None), Some(PartTime));
    }

    #[test]
    fn labels_in_many_languages() {
        let l = |s: &str| from_label(s, None);
        assert_eq!(l("Full-time"), Some(FullTime));
        assert_eq!(l("FULL_TIME"), Some(FullTime));
        assert_eq!(l("fulltime"), Some(FullTime));
        assert_eq!(l("Contractor"), Some(Contract));
        assert_eq!(l("Internship"), Some(Internship));
        assert_eq!(l("CDI"), Some(FullTime));
        assert_eq!(l("CDD"), Some(Temporary));
        assert_eq!(l("umowa o pracę"), Some(FullTime));
        assert_eq!(l("B2B"), Some(Contract));
        assert_eq!(l("PJ"), Some(Contract));
        assert_eq!(l("正社員"), Some(FullTime));
        assert_eq!(l("アルバイト"), Some(PartTime));
        assert_eq!(l("정규직"), Some(FullTime));
        assert_eq!(l("Praktikum"), Some(Internship));
        assert_eq!(l("Regular"), Some(FullTime));
        assert_eq!(l("Sometimes"), None);
        assert_eq!(
            from_label("Part-time, Contract", Some(Contract)),
            Some(Contract)
        );
        assert_eq!(from_label("Full Time, Part Time", None), None);
        assert_eq!(l("Vollzeit, Teilzeit"), None);
        // A kind offered beside the job's own is not the job's.
        assert_eq!(l("Full time, part time negotiable"), Some(FullTime));
        assert_eq!(l("Vollzeit, Teilzeit möglich"), Some(FullTime));
        assert_eq!(l("Interns considered"), None);
        assert_eq!(
            l("業務委託 / フリーランス契約 / 正社員（検討中）"),
            Some(Contract)
        );
        assert_eq!(from_label("Contrato a plazo Fijo", None), Some(Temporary));
        assert_eq!(l("CTFP por tempo indeterminado"), Some(FullTime));
        assert_eq!(l("Contrato a termo certo"), Some(Temporary));
        assert_eq!(l("CLT / PJ"), None);
        assert_eq!(l("vacancy_type_effective"), Some(FullTime));
        assert_eq!(l("vacancy_legal_entity"), Some(Contract));
        assert_eq!(l("Full time/Part time"), None);
        assert_eq!(l("B2B or UoP"), None);
        assert_eq!(l("Full-time/Permanent"), Some(FullTime));
    }

    #[test]
    fn kinds_offered_side_by_side_state_none() {
        assert_eq!(
            from_text("15000 PLN + vat (B2B)\n12000 PLN brutto (umowa o pracę)"),
            None
        );
        assert_eq!(
            from_text("We offer full-time, long-term, 100% remote and contractor positions"),
            Some(Contract)
        );
    }

    #[test]
    fn both_hours_offered_side_by_side_in_a_sentence_state_neither() {
        assert_eq!(
            from_text("Full-time, Part-time & Per diem shift opportunities available!"),
            None
        );
        assert_eq!(from_text("`Full-Time` `Paruh Waktu` `Jarak Jauh`"), None);
        assert_eq!(
            from_text("Full-time and part-time positions.\nThis is a full-time position."),
            Some(FullTime)
        );
        assert_eq!(
            from_text("Full-time position, part-time negotiable."),
            Some(FullTime)
        );
    }

    #[test]
    fn text_statements() {
        assert_eq!(from_text("This is a full-time position."), Some(FullTime));
        assert_eq!(
            from_text("A 6 month contract with a view to extend"),
            Some(Contract)
        );
        assert_eq!(from_text("Our summer internship program"), Some(Internship));
        assert_eq!(from_text("full medical coverage"), None);
        assert_eq!(from_text("Die Stelle ist befristet."), Some(Temporary));
        assert_eq!(from_text("about 20 hours per week"), Some(PartTime));
        // What the candidate did before is not this job's kind.
        assert_eq!(
            from_text("Experience with UVM (academic or internship exposure preferred)."),
            None
        );
        assert_eq!(
            from_text("Prior internship experience or 1 to 3 years of full-time experience."),
            None
        );
    }

    #[test]
    fn a_floor_or_a_definition_of_the_hours_is_no_part_time_job() {
        assert_eq!(
            from_text("Working hours must overlap with PST for at least 30 hours/week."),
            None
        );
        assert_eq!(
            from_text("All full-time (30 hours/week) employees are eligible for our bonus."),
            Some(FullTime)
        );
        assert_eq!(from_text("A minimum of 25 hrs per week."), None);
        // A ceiling of the hours is still a part-time job's.
        assert_eq!(from_text("Maximum 25 hours per week."), Some(PartTime));
        assert_eq!(from_text("We need you 20 hours a week."), Some(PartTime));
        // Both offered, neither stated.
        assert_eq!(
            from_text("Worldwide, REMOTE, full time or part time -- 100% flexibility."),
            None
        );
        assert_eq!(from_text("Part-time or full-time, as you like."), None);
    }
}
