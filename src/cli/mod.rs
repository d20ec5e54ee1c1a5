//! The command line: `jobdeck [PATH…]` opens the browser; `parse`, `search` and the other
//! subcommands work headless.

pub mod bookmarks;
pub mod table;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::config::Config;
use crate::corpus::{self, CorpusSource, LoadOptions, LoadReport};
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
  jobdeck bookmarks list          your bookmarks (missing postings marked)";

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
    #[command(after_help = crate::cli::QUERY_HELP)]
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
    },
    /// Bookmark postings, list, export and import your shortlists.
    Bookmarks {
        #[command(subcommand)]
        command: bookmarks::BookmarksCommand,
    },
}

pub const QUERY_HELP: &str = "\
Query language:
  rust backend      every term must match (fuzzy, against title, company, team, locations, skills)
  'node.js          exact substring (case-insensitive); \"two words\" too
  !java             exclude postings that match
  title: company: team: loc: skill:   scope a term to one field
  mode:remote type:contract level:senior   work mode, employment type, seniority
  text:kubernetes   substring of the description";

/// Runs the command line; returns the process exit code.
pub fn main() -> ExitCode {
    // While the process is still single-threaded: the local UTC offset for status dates.
    crate::store::init_local_offset();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`jobdeck parse | head`) is not an error worth reporting.
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!(
                "jobdeck: {}",
                crate::sanitize::clean_field(&format!("{e:#}"))
            );
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let dirs = Paths::from_env();
    let config = match Config::load(&dirs.config_file()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("jobdeck: {e} (using defaults)");
            Config::default()
        }
    };
    match cli.command {
        None => {
            let Ok(source) = resolve_source(&cli.paths, &config)? else {
                return Ok(ExitCode::from(2));
            };
            let defaults = crate::config::default_key_tables();
            let (keymap, problems) = crate::app::keymap::Keymap::build(&defaults, &config.keys);
            // Printed before the alternate screen, so they are still there after quitting.
            for p in &problems {
                eprintln!("jobdeck: config: {p} (the default binding is used)");
            }
            let store = match crate::store::Store::open(&dirs.shortlists_file()) {
                Ok((store, notices)) => {
                    for n in notices {
                        eprintln!("jobdeck: {}", crate::sanitize::clean_field(&n));
                    }
                    Ok(store)
                }
                Err(e) => {
                    eprintln!("jobdeck: {e}");
                    Err(e.to_string())
                }
            };
            crate::tui::run(crate::tui::Options {
                source,
                keymap,
                config_problems: problems,
                load: LoadOptions::cached(dirs.cache_dir.clone()),
                store,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Parse { paths }) => {
            let Ok(source) = resolve_source(&paths, &config)? else {
                return Ok(ExitCode::from(2));
            };
            let report = load_reporting(&source, &dirs);
            let mut out = io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &report.postings)?;
            writeln!(out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Search {
            query,
            paths,
            json,
            limit,
        }) => {
            let Ok(source) = resolve_source(&paths, &config)? else {
                return Ok(ExitCode::from(2));
            };
            let report = load_reporting(&source, &dirs);
            let postings: Vec<_> = report
                .postings
                .into_iter()
                .map(std::sync::Arc::new)
                .collect();
            let index = SearchIndex::new(postings);
            let hits = index.search(&Query::parse(&query));
            let hits = &hits[..hits.len().min(limit)];
            let mut out = io::stdout().lock();
            if json || !io::stdout().is_terminal() {
                #[derive(Serialize)]
                struct Scored<'a> {
                    #[serde(flatten)]
                    posting: &'a Posting,
                    score: i64,
                }
                let rows: Vec<Scored> = hits
                    .iter()
                    .map(|h| Scored {
                        posting: index.posting(h.index),
                        score: h.score,
                    })
                    .collect();
                serde_json::to_writer_pretty(&mut out, &rows)?;
                writeln!(out)?;
            } else if hits.is_empty() {
                writeln!(out, "no posting matches {query:?}")?;
            } else {
                let rows = hits
                    .iter()
                    .map(|h| summary_row(index.posting(h.index), Some(h.score)))
                    .collect();
                let table = table::Table {
                    headers: vec!["SCORE", "TITLE", "COMPANY", "LOCATION", "MODE", "SALARY"],
                    rows,
                    flex: 1,
                };
                write!(out, "{}", table.render(terminal_width()))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Bookmarks { command }) => bookmarks::run(command, &dirs, &config),
    }
}

/// The corpus to read, or Err(()) after reporting the paths that do not exist (exit 2).
fn resolve_source(paths: &[PathBuf], config: &Config) -> anyhow::Result<Result<CorpusSource, ()>> {
    let source = CorpusSource::resolve(paths, config);
    let missing = source.missing_paths();
    if missing.is_empty() {
        return Ok(Ok(source));
    }
    for m in missing {
        eprintln!(
            "jobdeck: {}: no such file or folder",
            crate::sanitize::clean_field(&m.display().to_string())
        );
    }
    Ok(Err(()))
}

/// Loads a corpus, reporting each skipped file on stderr.
pub fn load_reporting(source: &CorpusSource, paths: &Paths) -> LoadReport {
    let report = corpus::load(source, &LoadOptions::cached(paths.cache_dir.clone()));
    let mut err = io::stderr().lock();
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
    row.push(p.salary.as_ref().map(|s| s.compact()).unwrap_or_default());
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
}
