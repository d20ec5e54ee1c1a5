//! `config.toml`: the user's settings, merged over the defaults embedded from
//! `assets/config.toml` (which documents every key).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::app::keymap::KeyTables;

/// The defaults, documented key by key.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// The settings, defaults merged with the user's file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The folder opened when jobdeck is started without a PATH.
    pub postings_dir: Option<PathBuf>,
    /// The user's key bindings as written (validated when the keymap is built, so that a bad
    /// binding is reported by name instead of failing the whole file).
    pub keys: KeyTables,
}

/// Why the config file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// The `[keys.*]` tables of the built-in defaults.
pub fn default_key_tables() -> KeyTables {
    #[derive(Deserialize)]
    struct Keys {
        keys: KeyTables,
    }
    let parsed: Keys =
        toml::from_str(DEFAULT_CONFIG).expect("assets/config.toml is valid (tested)");
    parsed.keys
}

impl Config {
    /// Loads the user's config file; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        Config::parse(&text).map_err(|message| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        })
    }

    /// Parses the user's config text. Key bindings are kept as written: the keymap merges them
    /// over the defaults and reports each bad one.
    pub fn parse(text: &str) -> Result<Config, String> {
        let mut cfg: Config = toml::from_str(text).map_err(|e| e.to_string().trim().to_string())?;
        cfg.postings_dir = cfg.postings_dir.map(|p| expand_home(&p));
        Ok(cfg)
    }
}

/// "~/postings" → "$HOME/postings".
pub fn expand_home(p: &Path) -> PathBuf {
    match p.strip_prefix("~") {
        Ok(rest) => match directories::BaseDirs::new() {
            Some(b) => b.home_dir().join(rest),
            None => p.to_path_buf(),
        },
        Err(_) => p.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse() {
        let cfg = Config::parse(DEFAULT_CONFIG).unwrap();
        assert_eq!(cfg.postings_dir, None);
        assert!(cfg.keys.contains_key("global"));
        assert!(!default_key_tables().is_empty());
    }

    #[test]
    fn unknown_keys_are_named() {
        let err = Config::parse("postings_dri = \"x\"").unwrap_err();
        assert!(err.contains("postings_dri"), "{err}");
    }
}
