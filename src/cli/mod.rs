//! The command line: `jobdeck [PATH…]` opens the browser; `parse`, `search` and the other
//! subcommands work headless.

pub mod bookmarks;
mod man;
pub mod pull;
pub mod table;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::config::Config;
use crate::corpus::{self, CorpusSource, LoadOptions, LoadReport};
use crate::facets::SortKey;
use crate::paths::Paths;
use crate::posting::Posting;
use crate::search::{Query, SearchIndex};

const EXAMPLES: &str = "\
Examples:
  jobdeck                         browse the built-in sample postings
  jobdeck ~/postings              browse a folder of saved postings
  jobdeck parse ~/postings        print every posting as JSON
  jobdeck search 'rust remote'    find postings (table on a terminal, JSON when piped)
  jobdeck search 'loc:berlin !java text:kubernetes' ~/postings --limit 5
  jobdeck bookmarks add 'rust remote' --list 'Dream jobs' --status applied
  jobdeck bookmarks list          your bookmarks (missing postings marked)
  jobdeck pull greenhouse:postman hn:latest --into ~/postings
                                  fetch boards into the postings folder
  jobdeck search 'is:changed' ~/postings   pulled postings whose fields changed";

#[derive(Debug, Parser)]
#[command(
    name = "jobdeck",
    version,
    about = "A keyboard-driven terminal browser for saved job postings",
    long_about = "jobdeck reads a folder of saved job postings (text, job-board pages, HTML, JSON, CSV, \
                  Markdown, Hacker News threads), parses each into a structured posting and lets you \
                  browse, search, filter, shortlist and compare them from the keyboard.",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders of postings to browse (default: $JOBDECK_POSTINGS, the config's
    /// postings_dir, or the built-in seeds).
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every posting as a JSON array.
    Parse {
        /// Files or folders (walked recursively).
        paths: Vec<PathBuf>,
    },
    /// Print the postings matching a query, best first.
    #[command(after_help = crate::cli::query_help())]
    Search {
        /// The query (see below).
        query: String,
        /// Files or folders (walked recursively).
        paths: Vec<PathBuf>,
        /// Print JSON (the default when the output is not a terminal).
        #[arg(long)]
        json: bool,
        /// Print at most N postings.
        #[arg(long, short = 'n', value_name = "N", default_value_t = 20)]
        limit: usize,
        /// Order: relevance (best match first), title, company, salary (highest yearly pay in
        /// the config's currency first), newest (most recently posted first).
        #[arg(long, value_name = "ORDER", default_value = "relevance",
              value_parser = ["relevance", "title", "company", "salary", "newest"])]
        sort: String,
    },
    /// Fetch postings from the boards of the watch-list (or those named) into the postings
    /// folder, and tell per source what is new, what changed and what closed.
    #[command(after_help = crate::cli::PULL_HELP)]
    Pull {
        /// Sources as SOURCE:BOARD: greenhouse:postman lever:palantir lever-eu:NAME ashby:openai
        /// hn:latest hn:2026-12 smartrecruiters:NAME recruitee:NAME personio:NAME (default: the
        /// config's [[sources]]).
        sources: Vec<String>,
        /// The postings folder to write into (default: $JOBDECK_POSTINGS, then postings_dir).
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
    },
    /// Bookmark postings, list, export and import your shortlists.
    Bookmarks {
        #[command(subcommand)]
        command: bookmarks::BookmarksCommand,
    },
    /// Check the config file (with no option), or show where it is, or print the defaults.
    Config {
        /// Print the default config file (every key, documented).
        #[arg(long, conflicts_with = "path")]
        print_default: bool,
        /// Print the path of the config file jobdeck reads.
        #[arg(long)]
        path: bool,
    },
    /// Print a shell completion script (e.g. `jobdeck completions bash > ~/.local/share/bash-completion/completions/jobdeck`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (e.g. `jobdeck man > ~/.local/share/man/man1/jobdeck.1`).
    Man,
}

pub const PULL_HELP: &str = "\
Each posting is written as the board's API returned it, one file per posting, to
DIR/pulled/<source>/<board>/<id>.json (Personio: .xml), with the board's tracking record
(first seen, last seen, closed, field changes) in DIR/pulled/<source>/<board>/.jobdeck-pull.json.
Exit status: 0 when every source was pulled, 1 when any failed (the others are saved),
2 for usage errors.";

/// Why the browser did not start without a terminal, and what works instead.
const NO_TERMINAL: &str = "jobdeck: the browser needs a terminal, and this output is not one. \
Without a terminal: `jobdeck parse [PATH…]` prints every posting as JSON, \
`jobdeck search QUERY [PATH…]` the ones that match.";

/// The query language and the exit statuses, after `search --help`.
pub fn query_help() -> String {
    format!(
        "{}\nExit status: 0 when postings matched, 1 when none did, 2 on a bad query or path.",
        crate::search::query::language_help()
    )
}

/// Runs the command line; returns the process exit code.
pub fn main() -> ExitCode {
    // While the process is still single-threaded: the local UTC offset for status dates.
    crate::store::init_local_offset();
    let dirs = Paths::from_env();
    let cli = parse_args(&dirs);
    let _log = crate::logging::init(&dirs.log_file());
    let env = Env::of_process();
    // Not locked: other threads (the loader's) may print meanwhile.
    run_reporting(
        cli,
        &dirs,
        &mut io::stdout().lock(),
        &mut io::stderr(),
        &env,
    )
}

/// What a command learns from its process besides the command line and the folders: whether
/// its output and messages go to a terminal, and where `pull` sends its requests. `main` reads
/// them from the process; tests running commands in-process give their own.
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// The standard output is a terminal: `search` prints a table, the browser may start.
    pub terminal: bool,
    /// The standard error is a terminal: `pull` draws its progress lines there.
    pub progress: bool,
    /// `$JOBDECK_PULL_BASE_URL`: the origin (`http://127.0.0.1:PORT`) every request of `pull`
    /// goes to instead of the boards' own hosts.
    pub pull_base: Option<String>,
}

impl Env {
    /// The process's own: its standard output and error, and `$JOBDECK_PULL_BASE_URL`.
    pub fn of_process() -> Env {
        Env {
            terminal: io::stdout().is_terminal(),
            progress: io::stderr().is_terminal(),
            pull_base: std::env::var(crate::pull::http::BASE_URL_VAR).ok(),
        }
    }
}

/// Runs a command as `main` does: what it prints goes to `out`, its messages (and an error
/// that ends it) to `err`; returns the exit code.
pub fn run_reporting(
    cli: Cli,
    dirs: &Paths,
    out: &mut dyn Write,
    err: &mut dyn Write,
    env: &Env,
) -> ExitCode {
    match run(cli, dirs, out, err, env) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`jobdeck parse | head`) is not an error worth reporting.
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(
                err,
                "jobdeck: {}",
                crate::sanitize::clean_field(&format!("{e:#}"))
            );
            ExitCode::from(1)
        }
    }
}

/// The command line with `--version` also telling where jobdeck keeps its files.
pub fn command(dirs: &Paths) -> clap::Command {
    use clap::CommandFactory;
    let long = format!(
        "{}\nconfig: {}\ndata:   {}\ncache:  {}\nlog:    {}\nrates:  {} ({}); pay is compared as yearly amounts in the config's [money] currency",
        env!("CARGO_PKG_VERSION"),
        dirs.config_file().display(),
        dirs.shortlists_file().display(),
        dirs.cache_dir.display(),
        dirs.log_file().display(),
        crate::money::Rates::builtin().date,
        crate::money::Rates::builtin().source,
    );
    Cli::command().long_version(long)
}

fn parse_args(dirs: &Paths) -> Cli {
    use clap::FromArgMatches;
    let matches = command(dirs).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Runs a parsed command line with the folders of `dirs`, printing to `out` (the standard
/// output, or a buffer in tests; `env.terminal` says whether it is a terminal); returns the exit
/// code. Messages go to `err` (the standard error, or a buffer in tests).
pub fn run(
    cli: Cli,
    dirs: &Paths,
    out: &mut dyn Write,
    err: &mut dyn Write,
    env: &Env,
) -> anyhow::Result<ExitCode> {
    let terminal = env.terminal;
    let dirs = dirs.clone();
    let (config, config_problems) = Config::load(&dirs.config_file());
    crate::money::Money::install(config.money.clone());
    // The browser shows these on its first screen; they are printed too, before the alternate
    // screen, so that they are still there after quitting. (`jobdeck config` lists them itself.)
    if !matches!(cli.command, Some(Command::Config { .. })) {
        for p in &config_problems {
            tracing::warn!("config: {p}");
            writeln!(
                err,
                "jobdeck: config: {} (the default is used)",
                crate::sanitize::clean_field(p)
            )?;
        }
    }
    match cli.command {
        None => run_browser(&cli.paths, &config, config_problems, &dirs, terminal),
        Some(Command::Parse { paths }) => run_parse(&paths, &config, &dirs, out, err),
        Some(Command::Search {
            query,
            paths,
            json,
            limit,
            sort,
        }) => {
            let json = json || !terminal;
            run_search(&query, &paths, json, limit, &sort, &config, &dirs, out, err)
        }
        Some(Command::Config {
            print_default,
            path,
        }) => run_config(print_default, path, &config, config_problems, &dirs, out),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut command(&dirs), "jobdeck", out);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            out.write_all(man::page(&command(&dirs)).as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Bookmarks { command }) => {
            bookmarks::run(command, &dirs, &config, out, err, terminal)
        }
        Some(Command::Pull { sources, into }) => pull::run(&sources, into, &config, env, out, err),
    }
}

/// `jobdeck [PATH…]`: the browser.
fn run_browser(
    paths: &[PathBuf],
    config: &Config,
    config_problems: Vec<String>,
    dirs: &Paths,
    terminal: bool,
) -> anyhow::Result<ExitCode> {
    if !terminal {
        eprintln!("{NO_TERMINAL}");
        return Ok(ExitCode::from(2));
    }
    let Ok(source) = resolve_source(paths, config, &mut io::stderr())? else {
        return Ok(ExitCode::from(2));
    };
    let (mut settings, mut problems) = settings(config);
    // The pull key writes into the folder being browsed.
    settings.pull_into = match &source {
        CorpusSource::Paths(p) => p.first().filter(|d| d.is_dir()).cloned(),
        CorpusSource::Seeds => None,
    };
    for p in &problems {
        eprintln!(
            "jobdeck: config: {} (the default is used)",
            crate::sanitize::clean_field(p)
        );
    }
    problems.splice(0..0, config_problems);
    // A file that cannot be read right now (a FIFO in its place) does not keep the
    // browser from saving: changes wait and are merged into it once it can be read.
    let (store, store_notices) = match crate::store::Store::open_lenient(&dirs.shortlists_file()) {
        Ok((store, notices)) => {
            for n in &notices {
                eprintln!("jobdeck: {}", crate::sanitize::clean_field(n));
            }
            (Ok(store), notices)
        }
        Err(e) => {
            eprintln!("jobdeck: {}", crate::sanitize::clean_field(&e.to_string()));
            (Err(e.to_string()), Vec::new())
        }
    };
    let run = crate::tui::run(crate::tui::Options {
        source,
        settings,
        config_problems: problems,
        load: load_options(config, dirs),
        store,
        store_notices,
        history_file: Some(dirs.state_dir.join("history.json")),
    });
    // No controlling terminal at all (ENXIO opening /dev/tty): say what to do instead.
    if let Err(e) = &run
        && e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.raw_os_error() == Some(libc::ENXIO))
    {
        eprintln!("{NO_TERMINAL}");
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::from(run?))
}

/// `jobdeck parse`: every posting as JSON.
fn run_parse(
    paths: &[PathBuf],
    config: &Config,
    dirs: &Paths,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let Ok(source) = resolve_source(paths, config, err)? else {
        return Ok(ExitCode::from(2));
    };
    let report = load_reporting(&source, &load_options(config, dirs), err);
    let mut out = io::BufWriter::new(out);
    write_pretty_array(&mut out, &report.postings)?;
    writeln!(out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `items` as `serde_json::to_writer_pretty` does, byte for byte, with the items
/// serialized on every core a chunk at a time (a corpus's output is tens of megabytes).
fn write_pretty_array<T: Serialize + Sync>(
    out: &mut impl Write,
    items: &[T],
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    const CHUNK: usize = 1024;
    if items.is_empty() {
        out.write_all(b"[]")?;
        return Ok(());
    }
    out.write_all(b"[")?;
    for (c, chunk) in items.chunks(CHUNK).enumerate() {
        let texts = chunk
            .par_iter()
            .map(serde_json::to_vec_pretty)
            .collect::<Result<Vec<_>, _>>()?;
        for (i, text) in texts.iter().enumerate() {
            out.write_all(if c == 0 && i == 0 { b"\n  " } else { b",\n  " })?;
            // One level deeper: JSON strings escape their line breaks, so every byte '\n' is
            // the printer's.
            for (j, line) in text.split(|&b| b == b'\n').enumerate() {
                if j > 0 {
                    out.write_all(b"\n  ")?;
                }
                out.write_all(line)?;
            }
        }
    }
    out.write_all(b"\n]")?;
    Ok(())
}

/// Orders search results by `key` (stable: equal ones keep their relevance order); postings
/// without the value go last.
fn sort_found(found: &mut [(Posting, i64)], key: SortKey) {
    use std::cmp::Ordering;
    let text = |v: Option<&str>| v.map(|s| s.to_lowercase());
    let last_none = |a: Option<String>, b: Option<String>| match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    let pay = |p: &Posting| {
        p.salary
            .as_ref()
            .and_then(|s| crate::money::Money::current().yearly(s))
            .and_then(|y| y.ceiling())
    };
    let date = |p: &Posting| p.posted.as_ref().and_then(crate::posting::Posted::date);
    found.sort_by(|(a, _), (b, _)| match key {
        SortKey::Title => last_none(text(a.title.as_deref()), text(b.title.as_deref())),
        SortKey::Company => last_none(text(a.company.as_deref()), text(b.company.as_deref())),
        SortKey::Salary => match (pay(a), pay(b)) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortKey::Newest => match (date(a), date(b)) {
            (Some(x), Some(y)) => y.cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortKey::Relevance | SortKey::Score => Ordering::Equal,
    });
}

/// `jobdeck search`: the postings matching a query, best first (as JSON with `json`, else a
/// table).
#[allow(clippy::too_many_arguments)]
fn run_search(
    query_text: &str,
    paths: &[PathBuf],
    json: bool,
    limit: usize,
    sort: &str,
    config: &Config,
    dirs: &Paths,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let Ok(source) = resolve_source(paths, config, err)? else {
        return Ok(ExitCode::from(2));
    };
    if let Some(problem) = Query::problem(query_text) {
        writeln!(err, "jobdeck: bad query: {problem}")?;
        return Ok(ExitCode::from(2));
    }
    let query = Query::parse(query_text);
    let key = SortKey::from_name(sort).unwrap_or_default();
    let found = if key == SortKey::Relevance {
        search_postings_to(&source, &load_options(config, dirs), &query, limit, err)
    } else {
        let opts = load_options(config, dirs);
        let mut all = search_postings_to(&source, &opts, &query, usize::MAX, err);
        sort_found(&mut all, key);
        all.truncate(limit);
        all
    };
    let mut out = io::BufWriter::new(out);
    if json {
        #[derive(Serialize)]
        struct Scored<'a> {
            #[serde(flatten)]
            posting: &'a Posting,
            score: i64,
        }
        let rows: Vec<Scored> = found
            .iter()
            .map(|(p, score)| Scored {
                posting: p,
                score: *score,
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    } else if found.is_empty() {
        writeln!(
            out,
            "no posting matches {:?}",
            crate::sanitize::clean_field(query_text)
        )?;
    } else {
        let rows = found
            .iter()
            .map(|(p, score)| summary_row(p, Some(*score)))
            .collect();
        let table = table::Table {
            headers: vec!["SCORE", "TITLE", "COMPANY", "LOCATION", "MODE", "SALARY"],
            rows,
            flex: 1,
        };
        write!(out, "{}", table.render(terminal_width()))?;
    }
    out.flush()?;
    // Like grep: 1 when nothing matched.
    Ok(if found.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `jobdeck config`: check the config file, or show where it is, or print the defaults.
fn run_config(
    print_default: bool,
    path: bool,
    config: &Config,
    config_problems: Vec<String>,
    dirs: &Paths,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    if print_default {
        write!(out, "{}", crate::config::DEFAULT_CONFIG)?;
        return Ok(ExitCode::SUCCESS);
    }
    if path {
        writeln!(out, "{}", dirs.config_file().display())?;
        return Ok(ExitCode::SUCCESS);
    }
    let (_, mut problems) = settings(config);
    problems.splice(0..0, config_problems);
    let file = dirs.config_file();
    if problems.is_empty() {
        let state = if file.exists() {
            "is valid"
        } else {
            "does not exist: the defaults are used"
        };
        writeln!(out, "{} {state}", file.display())?;
        Ok(ExitCode::SUCCESS)
    } else {
        for p in &problems {
            writeln!(
                out,
                "{}: {}",
                file.display(),
                crate::sanitize::clean_field(p)
            )?;
        }
        Ok(ExitCode::from(1))
    }
}

/// The browser's settings from the config: keymap, theme (NO_COLOR respected), rules, columns,
/// sort, hyperlinks; and the problems found building them.
pub fn settings(config: &Config) -> (crate::app::Settings, Vec<String>) {
    use crate::config::Hyperlinks;
    use crate::theme::{Theme, no_color_requested};
    let defaults = crate::config::default_key_tables();
    let (keymap, mut problems) = crate::app::keymap::Keymap::build(&defaults, &config.keys);
    let theme = Theme::load(&config.theme).unwrap_or_else(|e| {
        problems.push(e);
        Theme::default()
    });
    let theme = if no_color_requested() {
        theme.without_colors()
    } else {
        theme
    };
    let hyperlinks = match config.hyperlinks {
        Hyperlinks::Always => true,
        Hyperlinks::Never => false,
        Hyperlinks::Auto => crate::ui::links::terminal_supports_hyperlinks(),
    };
    let settings = crate::app::Settings {
        keymap: std::sync::Arc::new(keymap),
        theme,
        rules: std::sync::Arc::new(config.scoring.clone()),
        columns: config.columns.clone(),
        sort: config.sort,
        default_order: config.default_order,
        hyperlinks,
        sources: config.sources.clone(),
        pull_into: pull::destination(config),
    };
    (settings, problems)
}

/// Loading options from the config: the size limit and the parse cache.
fn load_options(config: &Config, dirs: &Paths) -> LoadOptions {
    LoadOptions {
        max_file_size: config.max_file_size(),
        cache_dir: Some(dirs.cache_dir.clone()),
    }
}

/// The best `limit` postings for a query, each listed once (a posting saved twice is one).
///
/// When the parse cache is current — no folder changed since it was written — and the query
/// needs no description (`text:`), it is ranked from the cache's headline records and only the
/// postings printed are read: a search never decodes the whole corpus. A file rewritten in
/// place, in a folder where nothing was added, removed or renamed, leaves its folder's time
/// alone: that change is seen by the next `jobdeck` or `jobdeck parse`, which check every
/// file's own stamp. Otherwise the corpus is loaded (and the cache brought up to date).
pub fn search_postings(
    source: &CorpusSource,
    opts: &LoadOptions,
    query: &Query,
    limit: usize,
) -> Vec<(Posting, i64)> {
    search_postings_to(source, opts, query, limit, &mut io::stderr())
}

/// [`search_postings`], reporting skipped files to `err`.
fn search_postings_to(
    source: &CorpusSource,
    opts: &LoadOptions,
    query: &Query,
    limit: usize,
    err: &mut dyn Write,
) -> Vec<(Posting, i64)> {
    if let CorpusSource::Paths(roots) = source {
        let t = std::time::Instant::now();
        if let Some(found) = corpus::search_cached(roots, opts, query, limit) {
            tracing::debug!(
                "search: {} postings from the cache in {:?}",
                found.len(),
                t.elapsed()
            );
            return found;
        }
    }
    let report = load_reporting(source, opts, err);
    let postings: Vec<_> = report
        .postings
        .into_iter()
        .filter(|p| p.duplicate_of.is_none() && p.linked_to.is_none())
        .map(std::sync::Arc::new)
        .collect();
    let index = SearchIndex::new(postings);
    index
        .search(query)
        .iter()
        .take(limit)
        .map(|h| (index.posting(h.index).as_ref().clone(), h.score))
        .collect()
}

/// The corpus to read, or Err(()) after reporting the paths that do not exist (exit 2).
fn resolve_source(
    paths: &[PathBuf],
    config: &Config,
    err: &mut dyn Write,
) -> anyhow::Result<Result<CorpusSource, ()>> {
    let source = CorpusSource::resolve(paths, config.postings_dir.as_deref());
    let missing = source.missing_paths();
    if missing.is_empty() {
        return Ok(Ok(source));
    }
    for m in missing {
        writeln!(
            err,
            "jobdeck: {}: no such file or folder",
            crate::sanitize::clean_field(&m.display().to_string())
        )?;
    }
    Ok(Err(()))
}

/// Loads a corpus, reporting each skipped file to `err`.
pub fn load_reporting(
    source: &CorpusSource,
    opts: &LoadOptions,
    err: &mut dyn Write,
) -> LoadReport {
    let report = corpus::load(source, opts);
    for s in &report.skipped {
        let _ = writeln!(err, "{}", crate::sanitize::clean_field(&s.to_string()));
    }
    report
}

/// One row of a posting table: score, title, company, location, mode, salary.
pub fn summary_row(p: &Posting, score: Option<i64>) -> Vec<String> {
    let mut row = Vec::new();
    if let Some(s) = score {
        row.push(s.to_string());
    }
    row.push(p.title.clone().unwrap_or_else(|| "(untitled)".into()));
    row.push(p.company.clone().unwrap_or_default());
    let loc = match p.locations.len() {
        0 => String::new(),
        1 => p.locations[0].clone(),
        n => format!("{} +{}", p.locations[0], n - 1),
    };
    row.push(loc);
    row.push(p.work_mode.map(|m| m.to_string()).unwrap_or_default());
    row.push(
        p.salary
            .as_ref()
            .map(|s| crate::money::Money::current().row_figure(s))
            .unwrap_or_default(),
    );
    row
}

fn terminal_width() -> usize {
    crossterm::terminal::size()
        .map(|(w, _)| w as usize)
        .unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    /// `jobdeck parse` prints what `serde_json::to_writer_pretty` prints, whatever the items
    /// hold (nested objects and arrays, empty ones, line breaks in strings) and however many
    /// chunks they take.
    #[test]
    fn parallel_pretty_array_is_serde_jsons() {
        let item = |i: usize| {
            serde_json::json!({
                "n": i, "text": "a\nb \"c\"\t", "empty": {}, "none": [], "null": null,
                "list": [1, {"deep": ["x", []]}], "map": {"k": [true, false]}
            })
        };
        for n in [0, 1, 2, 1023, 1024, 2500] {
            let items: Vec<serde_json::Value> = (0..n).map(item).collect();
            let mut ours = Vec::new();
            write_pretty_array(&mut ours, &items).unwrap();
            let theirs = serde_json::to_vec_pretty(&items).unwrap();
            assert!(ours == theirs, "{n} items differ");
        }
    }
}
