//! `jobdeck pull [SOURCE…] [--into DIR]`: fetches the watch-list (or the sources named) into
//! the postings folder, with a progress line per source on a terminal and a summary per source
//! at the end. Exit status 1 when any source failed (the others are still saved), 2 for usage
//! errors.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;

use crate::config::Config;
use crate::pull::{self, Progress, SourceSpec};
use crate::sanitize::clean_field;

/// Runs `pull`, printing the summary to `out` (the standard output, or a buffer in tests) and
/// messages to `err`; the progress lines are drawn on the standard error when `env.progress`
/// says it is a terminal. Requests go to `env.pull_base` when it is set.
pub fn run(
    sources: &[String],
    into: Option<PathBuf>,
    config: &Config,
    env: &super::Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let specs = if sources.is_empty() {
        config.sources.clone()
    } else {
        let mut specs = Vec::new();
        for s in sources {
            match SourceSpec::parse(s) {
                Ok(spec) => specs.push(spec),
                Err(e) => {
                    writeln!(err, "jobdeck: {}", clean_field(&e))?;
                    return Ok(ExitCode::from(2));
                }
            }
        }
        specs
    };
    if specs.is_empty() {
        writeln!(
            err,
            "jobdeck: nothing to pull: name sources (greenhouse:postman lever:palantir hn:latest) or add [[sources]] to the config file (jobdeck config --print-default shows how)"
        )?;
        return Ok(ExitCode::from(2));
    }
    let Some(into) = into.or_else(|| destination(config)) else {
        writeln!(
            err,
            "jobdeck: where to? give --into DIR, or set $JOBDECK_POSTINGS or postings_dir in the config file"
        )?;
        return Ok(ExitCode::from(2));
    };
    let client = match pull::Client::redirected_to(env.pull_base.as_deref(), config.max_file_size())
    {
        Ok(c) => c,
        Err(e) => {
            writeln!(err, "jobdeck: {}", clean_field(&e))?;
            return Ok(ExitCode::from(2));
        }
    };
    let opts = pull::Options {
        into,
        max_bytes: config.max_file_size(),
    };
    let board = Mutex::new(Board::new(&specs, env.progress));
    let results = pull::run(&specs, &opts, &client, &|i, p| {
        if let Ok(mut b) = board.lock() {
            b.update(i, p);
        }
    });
    if let Ok(mut b) = board.lock() {
        b.clear();
    }
    let mut failed = 0;
    for (spec, r) in specs.iter().zip(&results) {
        match r {
            Ok(s) => {
                for n in &s.notices {
                    writeln!(
                        err,
                        "jobdeck: {}: {}",
                        clean_field(&spec.label()),
                        clean_field(n)
                    )?;
                }
                writeln!(out, "{}: {}", clean_field(&label(spec, s)), s.counts())?;
            }
            Err(e) => {
                failed += 1;
                writeln!(
                    err,
                    "{}: failed: {}",
                    clean_field(&spec.label()),
                    clean_field(e)
                )?;
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Where pulled postings go without `--into`: the folder jobdeck opens by default.
pub fn destination(config: &Config) -> Option<PathBuf> {
    match crate::corpus::CorpusSource::resolve(&[], config.postings_dir.as_deref()) {
        crate::corpus::CorpusSource::Paths(p) => p.into_iter().next(),
        crate::corpus::CorpusSource::Seeds => None,
    }
}

/// "2026-12 (hn)" for `hn:latest` once the month is known, else the spec's label.
fn label(spec: &SourceSpec, s: &pull::Summary) -> String {
    if s.board.is_empty() || s.board == spec.board {
        spec.label()
    } else {
        format!("{} ({})", s.board, spec.kind.name())
    }
}

/// The progress lines: one per source, redrawn in place on a terminal; on anything else,
/// nothing until the summary.
struct Board {
    lines: Vec<String>,
    labels: Vec<String>,
    live: bool,
    drawn: usize,
}

impl Board {
    fn new(specs: &[SourceSpec], live: bool) -> Board {
        let labels: Vec<String> = specs.iter().map(|s| clean_field(&s.label())).collect();
        let mut b = Board {
            lines: labels.iter().map(|l| format!("{l}: waiting")).collect(),
            labels,
            live,
            drawn: 0,
        };
        b.draw();
        b
    }

    fn update(&mut self, i: usize, p: Progress) {
        let l = &self.labels[i];
        self.lines[i] = match p {
            Progress::Fetching => format!("{l}: fetching…"),
            Progress::Saving { items } => format!("{l}: saving {items} postings…"),
            Progress::Done(Ok(s)) => format!("{l}: {}", s.counts()),
            Progress::Done(Err(e)) => format!("{l}: failed: {}", clean_field(&e)),
        };
        self.draw();
    }

    fn draw(&mut self) {
        if !self.live {
            return;
        }
        use crossterm::{cursor, queue, terminal};
        let width = terminal::size().map_or(100, |(w, _)| w as usize).max(20);
        let mut err = io::stderr().lock();
        if self.drawn > 0 {
            let _ = queue!(err, cursor::MoveToPreviousLine(self.drawn as u16));
        }
        for line in &self.lines {
            let _ = queue!(err, terminal::Clear(terminal::ClearType::CurrentLine));
            let _ = writeln!(err, "{}", crate::sanitize::one_line(line, width - 1));
        }
        self.drawn = self.lines.len();
        let _ = err.flush();
    }

    /// Takes the progress lines off the screen (the summary replaces them).
    fn clear(&mut self) {
        if !self.live || self.drawn == 0 {
            return;
        }
        use crossterm::{cursor, queue, terminal};
        let mut err = io::stderr().lock();
        let _ = queue!(
            err,
            cursor::MoveToPreviousLine(self.drawn as u16),
            terminal::Clear(terminal::ClearType::FromCursorDown)
        );
        let _ = err.flush();
        self.drawn = 0;
    }
}
