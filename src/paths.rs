//! Where jobdeck keeps its files: one place over `directories`, honouring `XDG_*` (through
//! `directories` on Linux) and `JOBDECK_*_DIR` overrides, so every test can run in a temp dir.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

/// The folders jobdeck reads and writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// `config.toml` lives here.
    pub config_dir: PathBuf,
    /// Shortlists live here.
    pub data_dir: PathBuf,
    /// The parse cache lives here.
    pub cache_dir: PathBuf,
    /// The log file lives here.
    pub state_dir: PathBuf,
}

impl Paths {
    /// Resolves the folders from the environment.
    pub fn from_env() -> Paths {
        let dirs = ProjectDirs::from("", "", "jobdeck");
        let pick = |var: &str, f: &dyn Fn(&ProjectDirs) -> PathBuf, fallback: &str| -> PathBuf {
            if let Some(v) = std::env::var_os(var).filter(|v| !v.is_empty()) {
                return PathBuf::from(v);
            }
            match &dirs {
                Some(d) => f(d),
                // No home directory at all: keep everything next to the working directory.
                None => PathBuf::from(".jobdeck").join(fallback),
            }
        };
        Paths {
            config_dir: pick(
                "JOBDECK_CONFIG_DIR",
                &|d| d.config_dir().to_path_buf(),
                "config",
            ),
            data_dir: pick("JOBDECK_DATA_DIR", &|d| d.data_dir().to_path_buf(), "data"),
            cache_dir: pick(
                "JOBDECK_CACHE_DIR",
                &|d| d.cache_dir().to_path_buf(),
                "cache",
            ),
            state_dir: pick(
                "JOBDECK_STATE_DIR",
                &|d| {
                    d.state_dir()
                        .unwrap_or_else(|| d.data_local_dir())
                        .to_path_buf()
                },
                "state",
            ),
        }
    }

    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }

    pub fn shortlists_file(&self) -> PathBuf {
        self.data_dir.join("shortlists.json")
    }

    pub fn log_file(&self) -> PathBuf {
        self.state_dir.join("jobdeck.log")
    }
}

/// `~/x` with the user's home in front; anything else as it is.
pub fn expand_home(p: &Path) -> PathBuf {
    match p.strip_prefix("~") {
        Ok(rest) => match directories::BaseDirs::new() {
            Some(b) => b.home_dir().join(rest),
            None => p.to_path_buf(),
        },
        Err(_) => p.to_path_buf(),
    }
}
