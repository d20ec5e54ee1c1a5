//! Employment type — full-time, part-time, contract, internship or temporary: a labelled type
//! (`employmentType`, `commitment`, "Job type:", "Vertragsart:", "雇用形態"), a header badge, the
//! title ("Summer Intern", "(1099 Contract)"), else what the description states. An internship
//! named in the title is an internship whatever else says "full-time".

use super::super::doc::{Key, Value};
use super::super::vocab::{fold, vocab};
use super::{Cand, Ctx, TEXT, pick};
use crate::posting::{EmploymentType, Field, FieldSource};

/// The kinds a field names, in the order it names them ("Part-time, Contract").
pub fn kinds_in(s: &str) -> Vec<EmploymentType> {
    let s = s.replace('_', " ");
    let mut out = Vec::new();
    for (_, _, k) in vocab().employment.find(&fold(&s)) {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// The kind a field names: the one the text supports when it names several, else the first.
fn from_label(s: &str, text_kind: Option<EmploymentType>) -> Option<EmploymentType> {
    if s.chars().count() > 120 {
        return None;
    }
    let mut kinds = kinds_in(s);
    // "REMOTE, INTERN or ONSITE": interns welcome among other options, not an internship.
    if kinds.contains(&EmploymentType::Internship)
        && super::work_mode::from_label(s).is_some()
        && s.split([',', '|', '/']).count() + s.matches(" or ").count() >= 2
    {
        kinds.retain(|k| *k != EmploymentType::Internship);
    }
    // Several kinds named: the first, unless the text states a more specific one of them
    // ("Part-time, Contract" and a 1099 contract in the text).
    let specific = |k: EmploymentType| {
        matches!(
            k,
            EmploymentType::Contract | EmploymentType::Internship | EmploymentType::Temporary
        )
    };
    match (kinds.as_slice(), text_kind) {
        ([], _) => None,
        ([one], _) => Some(*one),
        (many, Some(t)) if many.contains(&t) && specific(t) && !specific(many[0]) => Some(t),
        (many, _) => Some(many[0]),
    }
}

/// The kind the description states, the most specific first (a full-time internship is an
/// internship).
pub fn from_text(text: &str) -> Option<EmploymentType> {
    let v = vocab();
    let mut best: Option<(i32, usize, EmploymentType)> = None;
    for i in v.employment_statement_set.matches(text).iter() {
        let st = &v.employment_statements[i];
        if !st.re.is_match(text) {
            continue;
        }
        if best.is_none_or(|b| st.weight > b.0) {
            best = Some((st.weight, i, st.value));
        }
    }
    best.map(|b| b.2)
}

/// Resolves the employment type.
pub fn resolve(ctx: &mut Ctx<'_>, title: Option<&str>) -> Option<(EmploymentType, FieldSource)> {
    let text_kind = from_text(&ctx.job).or_else(|| {
        (ctx.job.len() != ctx.full.len())
            .then(|| from_text(&ctx.full))
            .flatten()
    });
    let mut cands: Vec<Cand<EmploymentType>> = Vec::new();
    for f in &ctx.doc.facts {
        let Value::Text(t) = &f.value else { continue };
        let less = match f.key {
            Key::EmploymentType => 0,
            Key::Badge => 0,
            Key::Skill if vocab().employment.whole(t).is_some() => 10,
            _ => continue,
        };
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
    if let Some(k) = text_kind {
        cands.push(Cand::new(k, TEXT, FieldSource::Text));
    }
    pick(Field::EmploymentType, cands, TEXT, &mut ctx.notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EmploymentType::*;

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
        assert_eq!(from_label("Full Time, Part Time", None), Some(FullTime));
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
    }
}
