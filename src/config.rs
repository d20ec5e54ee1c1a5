//! `config.toml`: the user's settings, merged key by key over the defaults embedded from
//! `assets/config.toml` (which documents every key). Nothing here fails: a bad value is
//! reported by its key, with what is wrong, and the default is used in its place.

use std::path::{Path, PathBuf};

use crate::facets::SortKey;
use crate::scoring::ScoreRule;

/// The defaults, documented key by key.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// What the list shows besides the title.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString, strum::VariantArray,
)]
#[strum(serialize_all = "lowercase")]
pub enum Column {
    Salary,
    Company,
    Location,
    Mode,
    Type,
    Seniority,
    Posted,
    Status,
}

impl Column {
    pub const ALL: &'static [Column] = <Column as strum::VariantArray>::VARIANTS;

    pub fn name(self) -> &'static str {
        self.into()
    }

    pub fn from_name(s: &str) -> Option<Column> {
        s.parse().ok()
    }
}

/// When urls become OSC 8 hyperlinks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString)]
#[strum(serialize_all = "lowercase")]
pub enum Hyperlinks {
    Auto,
    Always,
    Never,
}

/// The settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub postings_dir: Option<PathBuf>,
    /// A built-in theme's name or a theme file's path.
    pub theme: String,
    pub sort: SortKey,
    /// The list's order while no query ranks it (`sort = "relevance"`); None: file order.
    pub default_order: Option<SortKey>,
    pub columns: Vec<Column>,
    pub hyperlinks: Hyperlinks,
    pub max_file_size_mb: u64,
    pub scoring: Vec<ScoreRule>,
    /// The user's key bindings as written (the keymap merges them over the defaults and reports
    /// each bad one by name).
    pub keys: toml::Table,
    /// The watch-list: the boards `jobdeck pull` (and the pull key) fetch.
    pub sources: Vec<crate::pull::SourceSpec>,
    /// The home currency, exchange rates and annualising constants (`[money]`).
    pub money: crate::money::Money,
}

impl Default for Config {
    fn default() -> Self {
        let table: toml::Table =
            toml::from_str(DEFAULT_CONFIG).expect("assets/config.toml is valid TOML (tested)");
        let (cfg, problems) = Config::from_table(&table, Config::bare());
        debug_assert!(problems.is_empty(), "{problems:?}");
        Config {
            keys: toml::Table::new(),
            ..cfg
        }
    }
}

/// The `[keys.*]` tables of the built-in defaults.
pub fn default_key_tables() -> toml::Table {
    let table: toml::Table =
        toml::from_str(DEFAULT_CONFIG).expect("assets/config.toml is valid TOML (tested)");
    table
        .get("keys")
        .and_then(|k| k.as_table())
        .cloned()
        .unwrap_or_default()
}

impl Config {
    /// Hard-coded fallbacks, used only under the embedded defaults.
    fn bare() -> Config {
        Config {
            postings_dir: None,
            theme: "dark".into(),
            sort: SortKey::Relevance,
            default_order: Some(SortKey::Newest),
            columns: vec![
                Column::Salary,
                Column::Company,
                Column::Location,
                Column::Mode,
                Column::Posted,
                Column::Status,
            ],
            hyperlinks: Hyperlinks::Auto,
            max_file_size_mb: 64,
            scoring: Vec::new(),
            keys: toml::Table::new(),
            sources: Vec::new(),
            money: crate::money::Money::default(),
        }
    }

    /// Loads the user's config file over the defaults. A missing file is no problem; anything
    /// else wrong is returned as messages naming the key.
    pub fn load(path: &Path) -> (Config, Vec<String>) {
        match read_small_text(path) {
            Ok(text) => Config::parse(&text),
            Err(None) => (Config::default(), Vec::new()),
            Err(Some(e)) => (
                Config::default(),
                vec![format!("cannot read {}: {e}", path.display())],
            ),
        }
    }

    /// Parses the user's config text over the defaults.
    pub fn parse(text: &str) -> (Config, Vec<String>) {
        match toml::from_str::<toml::Table>(text) {
            Ok(table) => Config::from_table(&table, Config::default()),
            Err(e) => (
                Config::default(),
                vec![format!(
                    "config.toml is not valid TOML: {}",
                    one_line(&e.to_string())
                )],
            ),
        }
    }

    /// Applies each key of `table` over `base`; a bad value keeps `base`'s and is reported.
    fn from_table(table: &toml::Table, base: Config) -> (Config, Vec<String>) {
        let mut cfg = base;
        let mut problems = Vec::new();
        for (key, value) in table {
            let result: Result<(), String> = match key.as_str() {
                "postings_dir" => {
                    as_str(value).map(|s| cfg.postings_dir = Some(expand_home(Path::new(s))))
                }
                "theme" => as_str(value).map(|s| cfg.theme = s.to_string()),
                "sort" => as_str(value).and_then(|s| {
                    SortKey::from_name(s).map(|k| cfg.sort = k).ok_or_else(|| {
                        format!(
                            "{s:?} is not a sort (relevance, title, company, salary, newest, score)"
                        )
                    })
                }),
                "default_order" => as_str(value).and_then(|s| match s {
                    "file" => {
                        cfg.default_order = None;
                        Ok(())
                    }
                    s => SortKey::from_name(s)
                        .filter(|k| *k != SortKey::Relevance)
                        .map(|k| cfg.default_order = Some(k))
                        .ok_or_else(|| {
                            format!(
                                "{s:?} is not an order (newest, title, company, salary, score, file)"
                            )
                        }),
                }),
                "columns" => value
                    .as_array()
                    .ok_or_else(|| "expected a list of column names".to_string())
                    .and_then(|a| {
                        a.iter()
                            .map(|v| {
                                let s = v.as_str().ok_or("column names are strings")?;
                                Column::from_name(s).ok_or_else(|| {
                                    let names: Vec<_> =
                                        Column::ALL.iter().map(|c| c.name()).collect();
                                    format!("unknown column {s:?} (known: {})", names.join(", "))
                                })
                            })
                            .collect::<Result<Vec<_>, String>>()
                    })
                    .map(|c| cfg.columns = c),
                "hyperlinks" => as_str(value).and_then(|s| {
                    cfg.hyperlinks = s
                        .parse()
                        .map_err(|_| format!("{s:?} is not one of auto, always, never"))?;
                    Ok(())
                }),
                "max_file_size_mb" => match value.as_integer() {
                    Some(n) if (1..=65536).contains(&n) => {
                        cfg.max_file_size_mb = n as u64;
                        Ok(())
                    }
                    _ => Err("expected a whole number of MiB between 1 and 65536".into()),
                },
                "scoring" => parse_rules(value).map(|r| cfg.scoring = r),
                "sources" => {
                    let (sources, bad) = parse_sources(value);
                    cfg.sources = sources;
                    // Each bad entry is its own problem; the good ones are kept.
                    problems.extend(bad.into_iter().map(|b| format!("sources: {b}")));
                    Ok(())
                }
                "money" => match value.as_table() {
                    Some(t) => {
                        cfg.money = crate::money::Money::from_config(t, &mut problems);
                        Ok(())
                    }
                    None => Err("expected a table [money]".into()),
                },
                "keys" => match value.as_table() {
                    Some(t) => {
                        cfg.keys = t.clone();
                        Ok(())
                    }
                    None => Err("expected tables [keys.<context>]".into()),
                },
                other => Err(format!(
                    "unknown key {other:?} (known: postings_dir, theme, sort, default_order, columns, hyperlinks, max_file_size_mb, scoring, sources, money, keys)"
                )),
            };
            if let Err(e) = result {
                problems.push(format!("{key}: {e}"));
            }
        }
        (cfg, problems)
    }

    /// Size limit for one file, in bytes.
    pub fn max_file_size(&self) -> u64 {
        self.max_file_size_mb * 1024 * 1024
    }
}

/// Largest config or theme file read.
pub const MAX_CONFIG_SIZE: u64 = 1024 * 1024;

/// Reads a config or theme file: a regular file of at most [`MAX_CONFIG_SIZE`], UTF-8, read
/// without ever blocking (a FIFO in its place is refused, not waited on). `Err(None)`: there is
/// no such file; `Err(Some(why))` otherwise.
pub fn read_small_text(path: &Path) -> Result<String, Option<String>> {
    use crate::fsio::{Accept, ReadError};
    match crate::fsio::read_limited(path, MAX_CONFIG_SIZE, Accept::Regular) {
        Ok(bytes) => {
            let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
            String::from_utf8(bytes.to_vec()).map_err(|_| Some("not UTF-8 text".to_string()))
        }
        Err(ReadError::NotFound) => Err(None),
        Err(e) => Err(Some(e.to_string())),
    }
}

fn as_str(v: &toml::Value) -> Result<&str, String> {
    v.as_str().ok_or_else(|| "expected a string".to_string())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `[[sources]]` watch-list: each entry a table with one `source = "board"` pair
/// (`greenhouse = "postman"`). Returns the entries that read, and a message per one that
/// does not.
fn parse_sources(value: &toml::Value) -> (Vec<crate::pull::SourceSpec>, Vec<String>) {
    let Some(list) = value.as_array() else {
        return (
            Vec::new(),
            vec!["expected [[sources]] tables such as greenhouse = \"postman\"".into()],
        );
    };
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let n = i + 1;
        let entry = v.as_table().and_then(|t| {
            let mut it = t.iter();
            match (it.next(), it.next()) {
                (Some((k, v)), None) => Some((k, v)),
                _ => None,
            }
        });
        let Some((kind, board)) = entry else {
            bad.push(format!(
                "entry {n}: expected one source = \"board\" pair, e.g. lever = \"palantir\""
            ));
            continue;
        };
        let spec = board
            .as_str()
            .ok_or_else(|| format!("{kind}: the board is a string"))
            .and_then(|b| {
                crate::pull::Kind::from_name(kind).and_then(|k| crate::pull::SourceSpec::new(k, b))
            });
        match spec {
            Ok(s) if !out.contains(&s) => out.push(s),
            Ok(_) => {}
            Err(e) => bad.push(format!("entry {n}: {e}")),
        }
    }
    (out, bad)
}

fn parse_rules(value: &toml::Value) -> Result<Vec<ScoreRule>, String> {
    let list = value.as_array().ok_or("expected [[scoring]] tables")?;
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            let n = i + 1;
            let t = v.as_table().ok_or(format!(
                "rule {n}: expected a table with when, points, reason"
            ))?;
            let when = t
                .get("when")
                .and_then(|w| w.as_str())
                .ok_or(format!("rule {n}: `when` (a query) is missing"))?;
            let points = t
                .get("points")
                .and_then(|p| p.as_integer())
                .filter(|p| (-100_000..=100_000).contains(p))
                .ok_or(format!(
                    "rule {n}: `points` must be a whole number between -100000 and 100000"
                ))?;
            let reason = t.get("reason").and_then(|r| r.as_str()).unwrap_or(when);
            let query = crate::scoring::rule_query(when);
            if query.is_empty() {
                return Err(format!("rule {n}: `when` = {when:?} matches nothing"));
            }
            Ok(ScoreRule {
                when: when.to_string(),
                query,
                points: points as i32,
                reason: crate::sanitize::clean_field(reason),
            })
        })
        .collect()
}

/// "~/postings" → "$HOME/postings".
pub use crate::paths::expand_home;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_without_problems() {
        let table: toml::Table = toml::from_str(DEFAULT_CONFIG).unwrap();
        let (cfg, problems) = Config::from_table(&table, Config::bare());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(cfg.theme, "dark");
        assert_eq!(cfg.sort, SortKey::Relevance);
        assert!(!default_key_tables().is_empty());
        assert_eq!(Config::default().columns[0], Column::Salary);
    }

    #[test]
    fn user_values_override_and_bad_ones_are_named() {
        let (cfg, problems) = Config::parse(
            r#"
            theme = "light"
            sort = "sideways"
            columns = ["company", "posted"]
            max_file_size_mb = 0
            postings_dri = "x"
            [[scoring]]
            when = "skill:rust"
            points = 20
            reason = "I write Rust"
            "#,
        );
        assert_eq!(cfg.theme, "light");
        assert_eq!(cfg.sort, SortKey::Relevance, "bad value keeps the default");
        assert_eq!(cfg.columns, [Column::Company, Column::Posted]);
        assert_eq!(cfg.max_file_size_mb, 64);
        assert_eq!(cfg.scoring.len(), 1);
        assert_eq!(cfg.scoring[0].points, 20);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("sort:") && p.contains("sideways"))
        );
        assert!(problems.iter().any(|p| p.starts_with("max_file_size_mb:")));
        assert!(problems.iter().any(|p| p.contains("postings_dri")));
    }

    #[test]
    fn broken_toml_is_one_message_and_defaults() {
        let (cfg, problems) = Config::parse("theme = \"light\nsort = ");
        assert_eq!(cfg, Config::default());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("not valid TOML"));
    }

    #[test]
    fn the_watch_list_reads_and_names_bad_entries() {
        let (cfg, problems) = Config::parse(
            r#"
            [[sources]]
            greenhouse = "postman"
            [[sources]]
            lever = "palantir"
            [[sources]]
            hn = "latest"
            [[sources]]
            workable = "acme"
            [[sources]]
            ashby = "../x"
            [[sources]]
            ashby = "openai"
            lever = "two"
            "#,
        );
        let names: Vec<String> = cfg.sources.iter().map(|s| s.to_string()).collect();
        assert_eq!(names, ["greenhouse:postman", "lever:palantir", "hn:latest"]);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("entry 4") && problems[0].contains("not pulled"));
        assert!(problems[1].contains("entry 5"));
        assert!(problems[2].contains("entry 6") && problems[2].contains("one source"));
    }

    #[test]
    fn bad_rules_are_named() {
        let (_, problems) = Config::parse("[[scoring]]\nwhen = \"skill:rust\"\n");
        assert!(
            problems[0].contains("rule 1") && problems[0].contains("points"),
            "{problems:?}"
        );
        let (_, problems) = Config::parse("[[scoring]]\nwhen = \"  \"\npoints = 1\n");
        assert!(problems[0].contains("matches nothing"), "{problems:?}");
    }
}
