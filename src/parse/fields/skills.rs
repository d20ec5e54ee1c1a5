//! Skills: canonical names from skill tags and from requirement text, through the vocabulary in
//! `assets/skills.toml`.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

const VOCABULARY_TOML: &str = include_str!("../../../assets/skills.toml");

/// One way of writing a skill.
#[derive(Debug, Clone)]
struct Alias {
    skill: usize,
    /// Case-sensitive form; such aliases also need a neighbouring skill (see the asset's header).
    exact: Option<String>,
}

/// The skill vocabulary, compiled for matching.
#[derive(Debug)]
pub struct Vocabulary {
    names: Vec<String>,
    aliases: Vec<Alias>,
    matcher: AhoCorasick,
    /// Lowercased alias → skill, for canonicalizing tags.
    by_alias: HashMap<String, usize>,
}

/// The built-in vocabulary.
pub fn vocabulary() -> &'static Vocabulary {
    static VOCAB: LazyLock<Vocabulary> = LazyLock::new(|| {
        Vocabulary::from_toml(VOCABULARY_TOML).expect("assets/skills.toml is valid (tested)")
    });
    &VOCAB
}

impl Vocabulary {
    /// Builds a vocabulary from the TOML shape of `assets/skills.toml`: tables of
    /// `"Canonical" = ["alias", "=CaseSensitive", …]`.
    pub fn from_toml(src: &str) -> Result<Self, String> {
        let value: toml::Table = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut names = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut aliases = Vec::new();
        let mut by_alias = HashMap::new();
        for (_group, table) in value {
            let table = table.as_table().ok_or("each group must be a table")?;
            for (name, list) in table {
                let list = list
                    .as_array()
                    .ok_or_else(|| format!("{name}: aliases must be a list"))?;
                let skill = names.len();
                names.push(name.clone());
                let mut forms: Vec<String> = list
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect();
                // The canonical name matches case-insensitively unless listed as case-sensitive.
                if !forms
                    .iter()
                    .any(|f| f.strip_prefix('=') == Some(name.as_str()))
                {
                    forms.push(name.clone());
                }
                for form in forms {
                    let (text, exact) = match form.strip_prefix('=') {
                        Some(t) => (t.to_string(), Some(t.to_string())),
                        None => (form.clone(), None),
                    };
                    by_alias.entry(text.to_lowercase()).or_insert(skill);
                    patterns.push(text.to_lowercase());
                    aliases.push(Alias { skill, exact });
                }
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // Every description is scanned: the DFA (a few hundred KB more than the default
            // NFA for this vocabulary) scans it faster.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        Ok(Vocabulary {
            names,
            aliases,
            matcher,
            by_alias,
        })
    }

    /// Every canonical skill name.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The canonical name of a skill tag ("postgres" → "PostgreSQL"), if the vocabulary knows it.
    pub fn canonical(&self, tag: &str) -> Option<&str> {
        let key = tag.trim().to_lowercase();
        self.by_alias.get(&key).map(|&i| self.names[i].as_str())
    }

    /// Skills mentioned in running text, in order of first mention, without repeats.
    pub fn find_in_text(&self, text: &str) -> Vec<&str> {
        struct Hit {
            start: usize,
            end: usize,
            skill: usize,
            ambiguous: bool,
        }
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        for m in self.matcher.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            if !at_word_boundary(bytes, start, end) {
                continue;
            }
            let alias = &self.aliases[m.pattern().as_usize()];
            let ambiguous = alias.exact.is_some();
            if let Some(exact) = &alias.exact
                && &text[start..end] != exact.as_str()
            {
                continue;
            }
            hits.push(Hit {
                start,
                end,
                skill: alias.skill,
                ambiguous,
            });
        }
        // An ambiguous word counts only inside a list of skills: next to another hit with only
        // list punctuation between them ("Python, Go and Rust").
        let is_list_gap = |gap: &str| {
            gap.len() <= 12
                && gap
                    .split(|c: char| c.is_whitespace() || ",/&+()|;·•-".contains(c))
                    .all(|w| {
                        w.is_empty()
                            || w.eq_ignore_ascii_case("and")
                            || w.eq_ignore_ascii_case("or")
                    })
        };
        let mut out: Vec<&str> = Vec::new();
        for (i, h) in hits.iter().enumerate() {
            if h.ambiguous {
                let prev = i.checked_sub(1).map(|j| &hits[j]);
                let next = hits.get(i + 1);
                let near = prev.is_some_and(|p| is_list_gap(&text[p.end..h.start]))
                    || next.is_some_and(|n| is_list_gap(&text[h.end..n.start]));
                if !near {
                    continue;
                }
            }
            let name = self.names[h.skill].as_str();
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }
}

/// True when `start..end` is not glued to letters or digits on either side.
fn at_word_boundary(bytes: &[u8], start: usize, end: usize) -> bool {
    let before_ok = start == 0 || {
        let b = bytes[start - 1];
        !(b.is_ascii_alphanumeric() || b >= 0x80 && is_letter_before(bytes, start))
    };
    let after_ok = end >= bytes.len() || {
        let b = bytes[end];
        !(b.is_ascii_alphanumeric()
            || b == b'+'
            || b == b'#'
            || b >= 0x80 && is_letter_at(bytes, end))
    };
    before_ok && after_ok
}

fn is_letter_before(bytes: &[u8], pos: usize) -> bool {
    // `pos` is a char boundary (matches start on ASCII), so the last char decodes cleanly.
    String::from_utf8_lossy(&bytes[pos.saturating_sub(4)..pos])
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

fn is_letter_at(bytes: &[u8], pos: usize) -> bool {
    let end = (pos + 4).min(bytes.len());
    // A char boundary is guaranteed at `pos` (matches end on ASCII or full chars).
    String::from_utf8_lossy(&bytes[pos..end])
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
}

/// Canonicalizes a list of skill tags: known tags get their canonical name, unknown ones are
/// kept as written (tags are the page's own labels). Duplicates are dropped.
pub fn canonical_tags<'a>(tags: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let vocab = vocabulary();
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = crate::sanitize::clean_field(tag);
        if tag.is_empty() || tag.chars().count() > 40 {
            continue;
        }
        let name = vocab.canonical(&tag).map(str::to_string).unwrap_or(tag);
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
            out.push(name);
        }
    }
    out
}

/// Resolves the skills: the posting's own tags (those that are not a work mode, a contract or a
/// place), then the skills its job text names. The employer's own name is not a skill (a
/// posting by Postman mentions Postman).
pub fn resolve(
    ctx: &super::Ctx<'_>,
    company: Option<&str>,
) -> Option<(Vec<String>, crate::posting::FieldSource)> {
    use super::super::doc::Key;
    let v = super::super::vocab::vocab();
    let mut source = None;
    let tags: Vec<&str> = ctx
        .doc
        .texts(Key::Skill)
        .filter(|(t, _)| {
            v.work_mode.whole(t).is_none()
                && v.employment.whole(t).is_none()
                && super::super::places::place_kind(t).is_none()
        })
        .map(|(t, o)| {
            source.get_or_insert(o.source());
            t
        })
        .collect();
    let mut out = canonical_tags(tags);
    let company_lower = company.map(str::to_lowercase);
    let before = out.len();
    for s in vocabulary().find_in_text(&ctx.job) {
        if company_lower.as_deref() == Some(&s.to_lowercase()) {
            continue;
        }
        if !out.iter().any(|k| k.eq_ignore_ascii_case(s)) {
            out.push(s.to_string());
        }
    }
    if out.len() > before && before == 0 {
        source = Some(crate::posting::FieldSource::Text);
    }
    (!out.is_empty()).then(|| (out, source.unwrap_or(crate::posting::FieldSource::Text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_loads_and_canonicalizes() {
        let v = vocabulary();
        assert!(v.names().len() > 150);
        assert_eq!(v.canonical("postgres"), Some("PostgreSQL"));
        assert_eq!(v.canonical("JS"), Some("JavaScript"));
        assert_eq!(v.canonical("nodejs"), Some("Node.js"));
        assert_eq!(v.canonical("Go"), Some("Go"));
        assert_eq!(v.canonical("frobnicator"), None);
    }

    #[test]
    fn finds_skills_in_requirement_text() {
        let v = vocabulary();
        let found = v.find_in_text(
            "Expertise with Node.js,TypeScript/JavaScript, and web frameworks (e.g., React). \
             Strong understanding of databases (SQL/NoSQL) and Postgres.",
        );
        assert_eq!(
            found,
            [
                "Node.js",
                "TypeScript",
                "JavaScript",
                "React",
                "SQL",
                "NoSQL",
                "PostgreSQL"
            ]
        );
    }

    #[test]
    fn ambiguous_words_need_a_list() {
        let v = vocabulary();
        assert_eq!(
            v.find_in_text("You will go above and beyond. Go for it!"),
            Vec::<&str>::new()
        );
        assert_eq!(
            v.find_in_text("We use Python, Go and Rust."),
            ["Python", "Go", "Rust"]
        );
        assert_eq!(
            v.find_in_text("Experience in C or C++ is a plus"),
            ["C", "C++"]
        );
        assert_eq!(v.find_in_text("grade C students"), Vec::<&str>::new());
    }

    #[test]
    fn respects_word_boundaries() {
        let v = vocabulary();
        assert_eq!(
            v.find_in_text("reactive programming, javascripts"),
            Vec::<&str>::new()
        );
        assert_eq!(
            v.find_in_text("C# and .NET Core on Azure"),
            ["C#", ".NET", "Azure"]
        );
    }

    #[test]
    fn tags_keep_unknown_labels() {
        assert_eq!(
            canonical_tags(["Mixpanel", "sql", "Figma", "Teamwork", "SQL"]),
            ["Mixpanel", "SQL", "Figma", "Teamwork"]
        );
    }
}
