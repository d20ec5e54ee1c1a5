//! Pulling postings straight from the boards they live on, when the user asks (`jobdeck pull`,
//! or the pull key in the browser): Greenhouse, Lever (global and EU), Ashby, Hacker News'
//! "Who is hiring?" threads, SmartRecruiters, Recruitee and Personio — each through its own
//! public, keyless endpoint (one file per API here).
//!
//! What a board lists is written into the postings folder as the API returned it, one file
//! per posting (`<DIR>/pulled/<source>/<board>/<id>.json`), so the folder stays the single
//! source of truth: the loader, the parse cache and the watcher read pulled files like any
//! other, and a pulled posting parses exactly like a saved one. Beside them, each board folder
//! keeps its tracking record ([`track`]): when each posting was first and last seen, when it
//! closed, and what changed between pulls.
//!
//! Sources run concurrently, one thread per host; the sources of one host run one after the
//! other (see [`http`] for timeouts, retries and conditional requests).

pub mod http;
pub mod track;

mod ashby;
mod greenhouse;
mod hn;
mod lever;
mod personio;
mod recruitee;
mod smartrecruiters;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde_json::value::RawValue;

/// The tracking record (with the validators it keeps) is about postings on disk: it lives in
/// `corpus`.
pub use crate::corpus::track::Validators;
pub use http::Client;

/// The folder of the postings folder that pulled postings go to.
pub const PULLED_DIR: &str = "pulled";

/// A board API jobdeck pulls from.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Kind {
    Greenhouse,
    Lever,
    /// Lever's EU instance (`api.eu.lever.co`).
    LeverEu,
    Ashby,
    /// Hacker News "Ask HN: Who is hiring?" threads, through the Algolia HN API.
    Hn,
    #[strum(serialize = "smartrecruiters")]
    SmartRecruiters,
    Recruitee,
    Personio,
}

/// Sources people ask for that jobdeck does not pull, and why (their terms or their keys).
pub const NOT_PULLED: &[(&str, &str)] = &[
    (
        "workable",
        "Workable's documented API needs an account's API token, and the keyless widget endpoint its career pages use is undocumented, with no terms published for it",
    ),
    (
        "teamtailor",
        "Teamtailor's API needs an API key (docs.teamtailor.com), and the career site's job feed is not a documented API",
    ),
];

impl Kind {
    pub const ALL: &'static [Kind] = <Kind as strum::VariantArray>::VARIANTS;

    /// The name in the config, on the command line and in `pulled/<name>/`.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Parses a source name; an unknown or unsupported one is an error saying which are known.
    pub fn from_name(s: &str) -> Result<Kind, String> {
        let lower = s.trim().to_ascii_lowercase();
        if let Ok(k) = lower.parse() {
            return Ok(k);
        }
        if let Some((_, why)) = NOT_PULLED.iter().find(|(n, _)| *n == lower) {
            return Err(format!("{lower} is not pulled: {why}"));
        }
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        Err(format!(
            "unknown source {:?} (known: {})",
            crate::sanitize::clean_field(s),
            names.join(", ")
        ))
    }

    /// The documented origin of the API for a board (`https://host`).
    pub fn origin(self, board: &str) -> String {
        match self {
            Kind::Greenhouse => "https://boards-api.greenhouse.io".into(),
            Kind::Lever => "https://api.lever.co".into(),
            Kind::LeverEu => "https://api.eu.lever.co".into(),
            Kind::Ashby => "https://api.ashbyhq.com".into(),
            Kind::Hn => "https://hn.algolia.com".into(),
            Kind::SmartRecruiters => "https://api.smartrecruiters.com".into(),
            Kind::Recruitee => format!("https://{board}.recruitee.com"),
            Kind::Personio => format!("https://{board}.jobs.personio.de"),
        }
    }

    fn fetch(
        self,
        c: &Client,
        board: &str,
        prior: &dyn Fn(&str) -> Option<Validators>,
    ) -> Result<Listing, String> {
        match self {
            Kind::Greenhouse => greenhouse::fetch(c, board, prior),
            Kind::Lever | Kind::LeverEu => lever::fetch(c, self, board, prior),
            Kind::Ashby => ashby::fetch(c, board, prior),
            Kind::Hn => hn::fetch(c, board, prior),
            Kind::SmartRecruiters => smartrecruiters::fetch(c, board, prior),
            Kind::Recruitee => recruitee::fetch(c, board, prior),
            Kind::Personio => personio::fetch(c, board, prior),
        }
    }
}

/// One entry of the watch-list: a board of a source.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceSpec {
    pub kind: Kind,
    /// The board's name as the API knows it (for `hn`: `latest` or `YYYY-MM`).
    pub board: String,
}

impl SourceSpec {
    /// A spec, with the board name checked: it becomes part of a url and of a folder name.
    pub fn new(kind: Kind, board: &str) -> Result<SourceSpec, String> {
        let board = board.trim();
        let ok = if kind == Kind::Hn {
            board == "latest" || hn::month_of(board).is_some()
        } else {
            !board.is_empty()
                && board.len() <= 100
                && !board.starts_with('.')
                && board
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        };
        if !ok {
            let what = if kind == Kind::Hn {
                "\"latest\" or a month as YYYY-MM".to_string()
            } else {
                "a board name of letters, digits, '-', '_' and '.'".to_string()
            };
            return Err(format!(
                "{}: {:?} is not {what}",
                kind.name(),
                crate::sanitize::clean_field(board)
            ));
        }
        Ok(SourceSpec {
            kind,
            board: board.to_string(),
        })
    }

    /// Parses `source:board` (`greenhouse:postman`, `hn:2026-12`).
    pub fn parse(s: &str) -> Result<SourceSpec, String> {
        let Some((kind, board)) = s.split_once(':') else {
            return Err(format!(
                "{:?}: expected SOURCE:BOARD, e.g. greenhouse:postman or hn:latest",
                crate::sanitize::clean_field(s)
            ));
        };
        SourceSpec::new(Kind::from_name(kind)?, board)
    }

    /// The host its requests go to (one request at a time per host).
    fn host(&self) -> String {
        self.kind.origin(&self.board)
    }

    /// "postman (greenhouse)", for progress and summaries.
    pub fn label(&self) -> String {
        format!("{} ({})", self.board, self.kind.name())
    }
}

impl fmt::Display for SourceSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind.name(), self.board)
    }
}

/// What a board listed.
#[derive(Debug)]
pub struct Listing {
    /// The folder name under `pulled/<source>/`: the board, or the HN thread's month.
    pub board: String,
    pub body: ListingBody,
}

#[derive(Debug)]
pub enum ListingBody {
    Items {
        items: Vec<Item>,
        validators: Validators,
    },
    /// The board has not changed since the previous pull (HTTP 304).
    NotModified,
}

/// One posting as the API returned it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// A file-name-safe form of the board's id for it.
    pub id: String,
    pub bytes: Vec<u8>,
    /// "json" or "xml".
    pub ext: &'static str,
}

impl Listing {
    fn from_fetched(
        board: &str,
        fetched: http::Fetched,
        items: impl FnOnce(&[u8]) -> Result<Vec<Item>, String>,
    ) -> Result<Listing, String> {
        let body = match fetched {
            http::Fetched::NotModified => ListingBody::NotModified,
            http::Fetched::Body { bytes, validators } => ListingBody::Items {
                items: dedup(items(&bytes)?),
                validators,
            },
        };
        Ok(Listing {
            board: board.to_string(),
            body,
        })
    }
}

/// Keeps the first of items sharing an id (a feed may repeat a posting).
fn dedup(items: Vec<Item>) -> Vec<Item> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|i| seen.insert(i.id.clone()))
        .collect()
}

/// A posting id from an API made safe as a file name: kept when it is short and plain
/// (letters, digits, '-', '_'), else replaced by a hash of it.
pub fn safe_id(raw: &str) -> String {
    let plain = !raw.is_empty()
        && raw.len() <= 100
        && raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if plain {
        raw.to_string()
    } else {
        use sha2::{Digest, Sha256};
        format!("h{}", hex::encode(&Sha256::digest(raw.as_bytes())[..12]))
    }
}

/// An id as an API writes it: a string or a number.
fn id_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The items of a JSON list of posting objects, each kept byte for byte, named by `key`.
/// Objects without the key are skipped.
fn json_items(list: &[&RawValue], key: &str) -> Vec<Item> {
    list.iter()
        .filter_map(|raw| {
            let v: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(raw.get()).ok()?;
            let id = id_text(v.get(key)?)?;
            Some(Item {
                id: safe_id(&id),
                bytes: raw.get().as_bytes().to_vec(),
                ext: "json",
            })
        })
        .collect()
}

/// The listing of a board whose API answers one JSON document: the postings are the array
/// under `wrapper` (or the answer itself, an array), each named by its `id`. `unknown` says
/// what a 404 means ("Greenhouse has no board \"x\"").
fn json_board(
    c: &Client,
    kind: Kind,
    board: &str,
    path: &str,
    wrapper: Option<&str>,
    unknown: &str,
    prior: &dyn Fn(&str) -> Option<Validators>,
) -> Result<Listing, String> {
    let url = c.url(&kind.origin(board), path);
    let fetched = c
        .get(&url, prior(board).as_ref())
        .map_err(|e| listing_error(e, unknown))?;
    Listing::from_fetched(board, fetched, |bytes| {
        let not_one = |e: serde_json::Error| format!("not a {} job list: {e}", kind.name());
        let list: Vec<&RawValue> = match wrapper {
            None => serde_json::from_slice(bytes).map_err(not_one)?,
            Some(key) => {
                let doc: std::collections::HashMap<String, &RawValue> =
                    serde_json::from_slice(bytes).map_err(not_one)?;
                let raw = doc
                    .get(key)
                    .ok_or_else(|| format!("not a {} job list: no {key:?}", kind.name()))?;
                serde_json::from_str(raw.get()).map_err(not_one)?
            }
        };
        Ok(json_items(&list, "id"))
    })
}

/// Maps an HTTP failure of a board's listing to a reason, naming an unknown board.
fn listing_error(e: http::HttpError, what: &str) -> String {
    match e {
        http::HttpError::Status(404) => format!("unknown board: {what} (HTTP 404)"),
        e => e.to_string(),
    }
}

/// Where a pull writes and how much it reads.
#[derive(Debug, Clone)]
pub struct Options {
    /// The postings folder: files go to `<into>/pulled/<source>/<board>/`.
    pub into: PathBuf,
    /// Largest answer read (and largest tracking record read), in bytes.
    pub max_bytes: u64,
}

/// What one source's pull did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// The board folder (the resolved month for `hn:latest`).
    pub board: String,
    pub dir: PathBuf,
    /// Open postings after the pull.
    pub postings: usize,
    pub new: usize,
    pub changed: usize,
    pub closed: usize,
    pub reopened: usize,
    /// The board answered 304 Not Modified.
    pub not_modified: bool,
    /// Something the user should know (a tracking record set aside).
    pub notices: Vec<String>,
}

impl Summary {
    /// "31 postings, 3 new, 1 changed, 2 closed".
    pub fn counts(&self) -> String {
        let mut s = format!(
            "{} posting{}, {} new, {} changed, {} closed",
            self.postings,
            if self.postings == 1 { "" } else { "s" },
            self.new,
            self.changed,
            self.closed
        );
        if self.reopened > 0 {
            s.push_str(&format!(", {} reopened", self.reopened));
        }
        if self.not_modified {
            s.push_str(" (not modified since the last pull)");
        }
        s
    }
}

/// How one source's pull is going.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    Fetching,
    Saving { items: usize },
    Done(Result<Summary, String>),
}

/// Pulls every source (each once), sources of different hosts at the same time; `report`
/// hears each source's progress by its index in `specs`. Returns each source's result, in
/// the order of `specs`.
pub fn run(
    specs: &[SourceSpec],
    opts: &Options,
    client: &Client,
    report: &(dyn Fn(usize, Progress) + Sync),
) -> Vec<Result<Summary, String>> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, s) in specs.iter().enumerate() {
        groups.entry(s.host()).or_default().push(i);
    }
    let results: Mutex<Vec<Option<Result<Summary, String>>>> = Mutex::new(vec![None; specs.len()]);
    std::thread::scope(|scope| {
        for idxs in groups.values() {
            let results = &results;
            scope.spawn(move || {
                for &i in idxs {
                    let spec = &specs[i];
                    // The same board twice in the list: pulled once.
                    if specs[..i].contains(spec) {
                        let first = specs.iter().position(|s| s == spec).unwrap_or(i);
                        let r = Err(format!("listed twice; pulled as {}", specs[first]));
                        report(i, Progress::Done(r.clone()));
                        results.lock().expect("no panics under the lock")[i] = Some(r);
                        continue;
                    }
                    report(i, Progress::Fetching);
                    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        pull_one(client, spec, opts, &|p| report(i, p))
                    }))
                    .unwrap_or_else(|p| Err(format!("failed: {}", crate::logging::panic_text(&p))));
                    report(i, Progress::Done(r.clone()));
                    results.lock().expect("no panics under the lock")[i] = Some(r);
                }
            });
        }
    });
    results
        .into_inner()
        .expect("no panics under the lock")
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("not pulled".into())))
        .collect()
}

/// Pulls one source and brings its board folder and tracking record up to date.
fn pull_one(
    client: &Client,
    spec: &SourceSpec,
    opts: &Options,
    report: &dyn Fn(Progress),
) -> Result<Summary, String> {
    let source_dir = opts.into.join(PULLED_DIR).join(spec.kind.name());
    let prior = |board: &str| track::prior_validators(&source_dir.join(board), opts.max_bytes);
    let listing = spec.kind.fetch(client, &spec.board, &prior)?;
    if let ListingBody::Items { items, .. } = &listing.body {
        report(Progress::Saving { items: items.len() });
    }
    let dir = source_dir.join(&listing.board);
    track::apply(
        &dir,
        spec.kind,
        listing,
        crate::store::stamp::to_millis(crate::store::now()),
        opts.max_bytes,
    )
}

/// The board folder of a pulled file's path, when it is one: `…/pulled/<source>/<board>/`.
pub fn is_board_dir(dir: &Path) -> bool {
    dir.join(crate::corpus::track::TRACK_FILE).is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse_and_refuse_bad_boards() {
        let s = SourceSpec::parse("greenhouse:postman").unwrap();
        assert_eq!((s.kind, s.board.as_str()), (Kind::Greenhouse, "postman"));
        assert_eq!(s.to_string(), "greenhouse:postman");
        assert_eq!(SourceSpec::parse("hn:2026-12").unwrap().board, "2026-12");
        assert!(SourceSpec::parse("hn:latest").is_ok());
        assert!(SourceSpec::parse("hn:2026-13").is_err());
        assert!(SourceSpec::parse("lever-eu:acme").is_ok());
        for bad in [
            "greenhouse:../../etc",
            "greenhouse:",
            "greenhouse:a/b",
            "greenhouse:.hidden",
            "postman",
            "greenhouse:a b",
        ] {
            assert!(SourceSpec::parse(bad).is_err(), "{bad}");
        }
        let e = SourceSpec::parse("workable:acme").unwrap_err();
        assert!(e.contains("not pulled"), "{e}");
        let e = SourceSpec::parse("monster:acme").unwrap_err();
        assert!(
            e.contains("unknown source") && e.contains("greenhouse"),
            "{e}"
        );
    }

    #[test]
    fn ids_become_safe_file_names() {
        assert_eq!(safe_id("4012001"), "4012001");
        assert_eq!(safe_id("a24ec4e5-5caa-473d"), "a24ec4e5-5caa-473d");
        for bad in ["../x", "a/b", "", ".", "x\u{1b}y", &"9".repeat(300)] {
            let s = safe_id(bad);
            assert!(s.starts_with('h') && s.len() == 25, "{bad:?} → {s}");
        }
    }
}
