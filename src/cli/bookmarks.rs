//! `jobdeck bookmarks …`: the shortlists from the command line. Every change is saved at once
//! through [`Store`], so it merges with what a running browser (or another command) wrote.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Subcommand, ValueEnum};
use serde::Serialize;

use super::{load_reporting, resolve_source, table, terminal_width};
use crate::config::Config;
use crate::corpus::CorpusSource;
use crate::corpus::LoadOptions;
use crate::paths::Paths;
use crate::posting::{Posting, Salary};
use crate::sanitize::{clean_field, sanitize};
use crate::search::{Query, SearchIndex};
use crate::store::{
    self, Bookmark, Change, DEFAULT_LIST, Shortlists, Snapshot, Status, StatusChange, Store,
};

/// Largest file `bookmarks import` reads.
const MAX_IMPORT_SIZE: u64 = 64 * 1024 * 1024;

#[derive(Debug, Subcommand)]
pub enum BookmarksCommand {
    /// Bookmark the best match of QUERY. Adding an existing bookmark updates its list, note
    /// and status.
    #[command(after_help = crate::search::query::language_help())]
    Add {
        /// The query (see below), or a posting id.
        query: String,
        /// Files or folders (walked recursively).
        paths: Vec<PathBuf>,
        /// The list to put it on, created if needed (default: "Saved", or the list an existing
        /// bookmark is on).
        #[arg(long, value_name = "NAME")]
        list: Option<String>,
        /// A note; may span several lines. An empty one clears the note.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// The application status.
        #[arg(long, value_name = "STATUS", value_parser = StatusParser)]
        status: Option<Status>,
    },
    /// Remove the bookmarked posting that best matches QUERY, from one list or from all. A
    /// bookmark with a note or an application status is kept (off every list).
    #[command(after_help = crate::search::query::language_help())]
    Remove {
        /// The query (see below), or a posting id. Only bookmarked postings are searched.
        query: String,
        /// Files or folders (walked recursively).
        paths: Vec<PathBuf>,
        /// Remove it from this list only.
        #[arg(long, value_name = "NAME")]
        list: Option<String>,
    },
    /// List bookmarks, resolved against the postings in PATH: a table on a terminal, JSON when
    /// piped. Bookmarks whose posting is not there are shown as missing.
    List {
        /// Files or folders (walked recursively).
        paths: Vec<PathBuf>,
        /// Only the bookmarks on this list.
        #[arg(long, value_name = "NAME")]
        list: Option<String>,
        /// Print JSON (the default when the output is not a terminal).
        #[arg(long)]
        json: bool,
    },
    /// Export every bookmark: Markdown (a table per list), CSV (a row per bookmark) or JSON
    /// (importable).
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to FILE instead of the standard output (`-`: the standard output). A regular
        /// file is replaced atomically; a device, pipe or `/dev/stdout` is written to directly.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Merge a JSON export into the shortlists, by posting id. Nothing already saved is lost.
    Import {
        /// A file written by `jobdeck bookmarks export --format json`.
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Csv,
    Json,
}

/// Reads a status (any case) and offers the statuses to `--help`, the man page and shell
/// completion.
#[derive(Debug, Clone, Copy)]
struct StatusParser;

impl clap::builder::TypedValueParser for StatusParser {
    type Value = Status;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Status, clap::Error> {
        let s = value.to_string_lossy();
        Status::from_name(&s).ok_or_else(|| {
            let mut e = clap::Error::new(clap::error::ErrorKind::InvalidValue).with_cmd(cmd);
            if let Some(arg) = arg {
                e.insert(
                    clap::error::ContextKind::InvalidArg,
                    clap::error::ContextValue::String(arg.to_string()),
                );
            }
            e.insert(
                clap::error::ContextKind::InvalidValue,
                clap::error::ContextValue::String(s.into_owned()),
            );
            e.insert(
                clap::error::ContextKind::ValidValue,
                clap::error::ContextValue::Strings(
                    Status::ALL.iter().map(|s| s.as_str().to_string()).collect(),
                ),
            );
            e
        })
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            Status::ALL
                .iter()
                .map(|s| clap::builder::PossibleValue::new(s.as_str())),
        ))
    }
}

/// Where a `bookmarks` subcommand reads and writes: the shortlists file, the config, the parse
/// cache, and the output (the standard output, or a buffer in tests) and whether it is a
/// terminal.
struct Ctx<'a> {
    file: PathBuf,
    config: &'a Config,
    cache_dir: PathBuf,
    out: &'a mut dyn Write,
    /// Where messages go (the standard error).
    err: &'a mut dyn Write,
    terminal: bool,
}

/// Runs a `bookmarks` subcommand, printing to `out` (`terminal`: whether it is a terminal);
/// returns the exit code. Messages go to `err` (the standard error).
pub fn run(
    cmd: BookmarksCommand,
    paths: &Paths,
    config: &Config,
    out: &mut dyn Write,
    err: &mut dyn Write,
    terminal: bool,
) -> anyhow::Result<ExitCode> {
    // While the process is single-threaded, so that status dates use the local date.
    store::init_local_offset();
    let mut cx = Ctx {
        file: paths.shortlists_file(),
        config,
        cache_dir: paths.cache_dir.clone(),
        out,
        err,
        terminal,
    };
    let code = match cmd {
        BookmarksCommand::Add {
            query,
            paths,
            list,
            note,
            status,
        } => add(&mut cx, &query, &paths, list, note, status),
        BookmarksCommand::Remove { query, paths, list } => remove(&mut cx, &query, &paths, list),
        BookmarksCommand::List { paths, list, json } => list_bookmarks(&mut cx, &paths, list, json),
        BookmarksCommand::Export { format, output } => export(&mut cx, format, output.as_deref()),
        BookmarksCommand::Import { file: input } => import(&mut cx, &input),
    }?;
    cx.out.flush()?;
    Ok(code)
}

/// Opens the store, telling the user on stderr about a file set aside.
fn open_store(file: &Path, err: &mut dyn Write) -> anyhow::Result<Store> {
    let (store, notices) = Store::open(file)?;
    report_notices(&notices, err);
    Ok(store)
}

fn report_notices(notices: &[String], err: &mut dyn Write) {
    for n in notices {
        let _ = writeln!(err, "jobdeck: {}", clean_field(n));
    }
}

/// Bookmarks whose posting was read anew under another id follow it (see
/// [`store::Shortlists::relinks`]), saved at once and told on standard error.
fn follow_reread(
    store: &mut Store,
    corpus: &[Arc<Posting>],
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let refs: Vec<&Posting> = corpus.iter().map(|p| p.as_ref()).collect();
    let changes = store.state().relinks(&refs);
    let n = changes.len();
    if n == 0 {
        return Ok(());
    }
    for c in changes {
        store.stage(c)?;
    }
    let r = store.flush();
    report_notices(&store.take_notices(), err);
    r.context("nothing was saved")?;
    writeln!(err, "jobdeck: {}", store::followed_message(n))?;
    Ok(())
}

/// Applies a change, reporting notices; a failed save is an error (this process ends, so the
/// change is not kept anywhere).
fn apply(store: &mut Store, change: Change, err: &mut dyn Write) -> anyhow::Result<()> {
    let r = store.apply(change);
    report_notices(&store.take_notices(), err);
    r.context("nothing was saved")
}

/// The corpus of the command line, or the exit code for a usage error.
fn source_and_query(
    paths: &[PathBuf],
    config: &Config,
    query: Option<&str>,
    err: &mut dyn Write,
) -> anyhow::Result<Result<CorpusSource, ExitCode>> {
    if query.is_some_and(|q| q.trim().is_empty()) {
        writeln!(
            err,
            "jobdeck: the query is empty; say which posting you mean"
        )?;
        return Ok(Err(ExitCode::from(2)));
    }
    Ok(resolve_source(paths, config, err)?.map_err(|()| ExitCode::from(2)))
}

/// The posting whose id is `query`, else the best search hit.
fn best_match(postings: &[Arc<Posting>], query: &str) -> Option<Arc<Posting>> {
    let q = query.trim();
    if let Some(p) = postings.iter().find(|p| p.id == q) {
        return Some(p.clone());
    }
    let index = SearchIndex::new(postings.to_vec());
    index
        .search(&Query::parse(q))
        .first()
        .map(|h| index.posting(h.index).clone())
}

fn load_postings(
    source: &CorpusSource,
    cache_dir: &Path,
    err: &mut dyn Write,
) -> Vec<Arc<Posting>> {
    load_reporting(source, &LoadOptions::cached(cache_dir.to_path_buf()), err)
        .postings
        .into_iter()
        .map(Arc::new)
        .collect()
}

/// The first posting of each id.
fn by_id(postings: &[Arc<Posting>]) -> HashMap<&str, &Arc<Posting>> {
    let mut m = HashMap::new();
    for p in postings {
        m.entry(p.id.as_str()).or_insert(p);
    }
    m
}

fn no_such_list(s: &Shortlists, list: Option<&str>, err: &mut dyn Write) -> bool {
    match list {
        Some(l) if !s.has_list(l) => {
            let _ = writeln!(err, "jobdeck: there is no list named {:?}", clean_field(l));
            true
        }
        _ => false,
    }
}

fn add(
    cx: &mut Ctx,
    query: &str,
    paths: &[PathBuf],
    list: Option<String>,
    note: Option<String>,
    status: Option<Status>,
) -> anyhow::Result<ExitCode> {
    let source = match source_and_query(paths, cx.config, Some(query), cx.err)? {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let mut store = open_store(&cx.file, cx.err)?;
    let postings = load_postings(&source, &cx.cache_dir, cx.err);
    follow_reread(&mut store, &postings, cx.err)?;
    let Some(p) = best_match(&postings, query) else {
        writeln!(
            cx.err,
            "jobdeck: no posting matches {:?}",
            clean_field(query)
        )?;
        return Ok(ExitCode::from(1));
    };
    let id = p.id.clone();
    let snapshot = Snapshot::of(&p);
    let existing = store.state().get(&id).filter(|b| b.is_saved());
    let updating = existing.is_some();
    let list = list
        .or_else(|| existing.and_then(|b| b.lists.first().cloned()))
        .unwrap_or_else(|| DEFAULT_LIST.to_string());
    apply(
        &mut store,
        Change::Add {
            snapshot: snapshot.clone(),
            id: id.clone(),
            list: list.clone(),
        },
        cx.err,
    )?;
    if let Some(note) = note {
        apply(
            &mut store,
            Change::SetNote {
                snapshot: snapshot.clone(),
                id: id.clone(),
                note: Some(note),
            },
            cx.err,
        )?;
    }
    if let Some(status) = status {
        apply(
            &mut store,
            Change::SetStatus {
                snapshot,
                id: id.clone(),
                status,
            },
            cx.err,
        )?;
    }
    let b = store.state().get(&id);
    let status = b
        .and_then(|b| b.status)
        .map(|s| format!(", {s}"))
        .unwrap_or_default();
    writeln!(
        cx.out,
        "{} {} ({}) on {:?}{status}",
        if updating { "updated" } else { "saved" },
        clean_field(&p.headline()),
        crate::sanitize::shown_text(&id),
        clean_field(&list)
    )?;
    Ok(ExitCode::SUCCESS)
}

fn remove(
    cx: &mut Ctx,
    query: &str,
    paths: &[PathBuf],
    list: Option<String>,
) -> anyhow::Result<ExitCode> {
    let source = match source_and_query(paths, cx.config, Some(query), cx.err)? {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let mut store = open_store(&cx.file, cx.err)?;
    if no_such_list(store.state(), list.as_deref(), cx.err) {
        return Ok(ExitCode::from(1));
    }
    let corpus = load_postings(&source, &cx.cache_dir, cx.err);
    let found = by_id(&corpus);
    // Search the bookmarked postings only, as they are now or as their snapshot remembers them.
    let candidates: Vec<Arc<Posting>> = store
        .state()
        .sorted()
        .into_iter()
        .filter(|b| match &list {
            Some(l) => b.lists.contains(l),
            None => b.is_saved(),
        })
        .map(|b| match found.get(b.id.as_str()) {
            Some(p) => Arc::clone(p),
            None => Arc::new(b.snapshot.to_posting(&b.id)),
        })
        .collect();
    let Some(p) = best_match(&candidates, query) else {
        let on = list
            .as_deref()
            .map(|l| format!(" on {:?}", clean_field(l)))
            .unwrap_or_default();
        writeln!(
            cx.err,
            "jobdeck: no bookmarked posting{on} matches {:?}",
            clean_field(query)
        )?;
        return Ok(ExitCode::from(1));
    };
    apply(
        &mut store,
        Change::Remove {
            id: p.id.clone(),
            list: list.clone(),
        },
        cx.err,
    )?;
    let from = match &list {
        Some(l) => format!("{:?}", clean_field(l)),
        None => "every list".into(),
    };
    let kept = match store.state().get(&p.id) {
        Some(b) if !b.is_saved() => "; kept for its note, status or hidden mark",
        _ => "",
    };
    writeln!(
        cx.out,
        "removed {} ({}) from {from}{kept}",
        clean_field(&p.headline()),
        crate::sanitize::shown_text(&p.id)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// One bookmark as `bookmarks list --json` prints it.
#[derive(Debug, Serialize)]
struct ListRow {
    id: String,
    title: Option<String>,
    company: Option<String>,
    locations: Vec<String>,
    salary: Option<Salary>,
    source: String,
    url: Option<String>,
    lists: Vec<String>,
    note: Option<String>,
    status: Option<Status>,
    status_history: Vec<StatusChange>,
    hidden: bool,
    /// The posting is not in the corpus: the fields above come from the bookmark's snapshot.
    missing: bool,
    added: String,
    updated: String,
}

impl ListRow {
    fn new(b: &Bookmark, posting: Option<&Posting>) -> ListRow {
        let snap = match posting {
            Some(p) => Snapshot::of(p),
            None => b.snapshot.clone(),
        };
        ListRow {
            id: b.id.clone(),
            title: snap.title,
            company: snap.company,
            locations: snap.locations,
            salary: snap.salary,
            source: snap.source,
            url: snap.url,
            lists: b.lists.clone(),
            note: b.note.clone(),
            status: b.status,
            status_history: b.status_history.clone(),
            hidden: b.hidden,
            missing: posting.is_none(),
            added: b.added.map(store::stamp::text).unwrap_or_default(),
            updated: b.updated.map(store::stamp::text).unwrap_or_default(),
        }
    }

    /// STATUS, TITLE, COMPANY, SALARY, LISTS, NOTE: sanitized, the note cut to its first line.
    fn table_row(&self) -> Vec<String> {
        // In front, so that a cut title still shows it.
        let missing = if self.missing { "(missing) " } else { "" };
        let title = format!(
            "{missing}{}",
            clean_field(self.title.as_deref().unwrap_or("(untitled)"))
        );
        let mut lists = self.lists.join(", ");
        if self.hidden {
            if !lists.is_empty() {
                lists.push_str(", ");
            }
            lists.push_str("(hidden)");
        }
        let note = self.note.as_deref().unwrap_or("");
        let mut first = clean_field(note.lines().next().unwrap_or(""));
        if note.lines().nth(1).is_some() {
            first.push_str(" …");
        }
        vec![
            self.status.map(|s| s.to_string()).unwrap_or_default(),
            title,
            clean_field(self.company.as_deref().unwrap_or("")),
            self.salary
                .as_ref()
                .map(|s| s.compact())
                .unwrap_or_default(),
            table::truncate(&clean_field(&lists), 24),
            table::truncate(&first, 30),
        ]
    }
}

fn list_bookmarks(
    cx: &mut Ctx,
    paths: &[PathBuf],
    list: Option<String>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let source = match source_and_query(paths, cx.config, None, cx.err)? {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let mut store = open_store(&cx.file, cx.err)?;
    if no_such_list(store.state(), list.as_deref(), cx.err) {
        return Ok(ExitCode::from(1));
    }
    let corpus = load_postings(&source, &cx.cache_dir, cx.err);
    follow_reread(&mut store, &corpus, cx.err)?;
    let found = by_id(&corpus);
    let rows: Vec<ListRow> = store
        .state()
        .sorted()
        .into_iter()
        .filter(|b| list.as_ref().is_none_or(|l| b.lists.contains(l)))
        .map(|b| ListRow::new(b, found.get(b.id.as_str()).map(|p| p.as_ref())))
        .collect();
    let (terminal, out) = (cx.terminal, &mut cx.out);
    if json || !terminal {
        let text = serde_json::to_string_pretty(&rows)?;
        writeln!(out, "{}", for_stdout(&text, terminal))?;
    } else if rows.is_empty() {
        match &list {
            Some(l) => writeln!(out, "no bookmarks on {:?}", clean_field(l))?,
            None => writeln!(
                out,
                "no bookmarks yet; add one with `jobdeck bookmarks add QUERY`"
            )?,
        }
    } else {
        let table = table::Table {
            headers: vec!["STATUS", "TITLE", "COMPANY", "SALARY", "LISTS", "NOTE"],
            rows: rows.iter().map(ListRow::table_row).collect(),
            flex: 1,
        };
        write!(out, "{}", table.render(terminal_width()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// JSON for standard output: on a terminal, without the control characters that JSON leaves
/// unescaped (C1 controls, bidi overrides) in fields the store passes through untouched.
fn for_stdout(text: &str, terminal: bool) -> std::borrow::Cow<'_, str> {
    if terminal {
        sanitize(text).into()
    } else {
        text.into()
    }
}

fn export(cx: &mut Ctx, format: ExportFormat, output: Option<&Path>) -> anyhow::Result<ExitCode> {
    let store = open_store(&cx.file, cx.err)?;
    let s = store.state();
    let bytes = match format {
        ExportFormat::Markdown => store::export::markdown(s).into_bytes(),
        ExportFormat::Csv => store::export::csv(s)?,
        ExportFormat::Json => store::export::json(s).into_bytes(),
    };
    // `-o -` is the standard output, as the option's absence is.
    let output = output.filter(|p| *p != Path::new("-"));
    match output {
        Some(path) => {
            let shown = clean_field(&path.display().to_string());
            let write = || -> io::Result<()> {
                let mut out = crate::fsio::Output::open(path)?;
                let text = String::from_utf8_lossy(&bytes);
                let terminal = out.is_terminal();
                out.write_all(for_stdout(&text, terminal).as_bytes())?;
                out.finish()
            };
            write().with_context(|| format!("cannot write {shown}"))?;
            let n = s.bookmarks.len();
            writeln!(
                cx.err,
                "jobdeck: exported {n} bookmark{} to {}",
                if n == 1 { "" } else { "s" },
                clean_field(&path.display().to_string())
            )?;
        }
        None => {
            let text = String::from_utf8_lossy(&bytes);
            cx.out
                .write_all(for_stdout(&text, cx.terminal).as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn import(cx: &mut Ctx, input: &Path) -> anyhow::Result<ExitCode> {
    use crate::fsio::{Accept, ReadError};
    let shown = clean_field(&input.display().to_string());
    // A regular file, or a pipe (`<(…)`) read until its writer is done; never a device, and
    // never more than the limit (a pipe has no size to check first).
    let bytes = match crate::fsio::read_limited(input, MAX_IMPORT_SIZE, Accept::RegularOrPipe) {
        Ok(b) => b,
        Err(ReadError::NotFound) => {
            writeln!(cx.err, "jobdeck: {shown}: no such file")?;
            return Ok(ExitCode::from(2));
        }
        Err(e @ (ReadError::TooLarge { .. } | ReadError::NotRegular(_))) => {
            let what = if matches!(e, ReadError::TooLarge { .. }) {
                "too large for a shortlists export: "
            } else {
                ""
            };
            writeln!(cx.err, "jobdeck: {shown}: {what}{e}")?;
            return Ok(ExitCode::from(1));
        }
        Err(ReadError::Io(e)) => return Err(e).with_context(|| format!("cannot read {shown}")),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        writeln!(cx.err, "jobdeck: {shown}: not UTF-8 text")?;
        return Ok(ExitCode::from(1));
    };
    let (mut theirs, tidied) = match Shortlists::from_json_reporting(&text) {
        Ok(s) => s,
        Err(e) => {
            writeln!(cx.err, "jobdeck: {shown}: {}", clean_field(&e.to_string()))?;
            return Ok(ExitCode::from(1));
        }
    };
    // Only posting ids (hex) come in as they are: anything else — escape sequences included —
    // is kept under an id derived from it, and said so.
    report_notices(&tidied, cx.err);
    report_notices(&theirs.rewrite_foreign_ids(), cx.err);
    let mut store = open_store(&cx.file, cx.err)?;
    let before: HashSet<String> = store.state().bookmarks.keys().cloned().collect();
    let total = theirs.bookmarks.len();
    let new = theirs
        .bookmarks
        .keys()
        .filter(|id| !before.contains(*id))
        .count();
    apply(&mut store, Change::Import(theirs), cx.err)?;
    writeln!(
        cx.out,
        "imported {total} bookmark{} from {shown}: {new} new, {} merged",
        if total == 1 { "" } else { "s" },
        total - new
    )?;
    Ok(ExitCode::SUCCESS)
}
