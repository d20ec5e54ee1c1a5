//! A deterministic generator of realistic synthetic job postings, for benchmarks and for anyone
//! reproducing them:
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --count 100000 --out target/bench-corpus-100k
//! ```
//!
//! The same `--seed` and `--count` always give byte-identical output: a tiny PRNG of its own, no
//! clock, no OS randomness, no hash-map iteration.

#[path = "gen_corpus/data.rs"]
mod data;
#[path = "gen_corpus/desc.rs"]
mod desc;
#[path = "gen_corpus/model.rs"]
mod model;
#[path = "gen_corpus/render.rs"]
mod render;
#[path = "gen_corpus/rng.rs"]
mod rng;
#[path = "gen_corpus/salary.rs"]
mod salary;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::Parser;

use model::World;
use rng::Rng;

/// What to generate.
#[derive(Debug, Clone, Parser)]
#[command(about = "Writes a deterministic corpus of synthetic job postings")]
pub struct Options {
    /// How many postings (not files) to write.
    #[arg(long, default_value_t = 10_000)]
    pub count: usize,
    /// The folder to write into (created; must be empty unless --force).
    #[arg(long)]
    pub out: PathBuf,
    /// The seed: the same seed and count give byte-identical output.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Replace a previous corpus in --out (removes its text/, hn/, html/ and jsonl/ folders).
    #[arg(long)]
    pub force: bool,
}

/// The formats postings are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A `.txt` file: a title line, "Company:"-style labels, the description.
    Text,
    /// One object per line of a `.jsonl` export holding 100–1000 of them.
    Jsonl,
    /// A saved careers page with schema.org `JobPosting` JSON-LD.
    Html,
    /// A Hacker News "Who is hiring" comment, saved as `.txt`.
    Hn,
}

impl Format {
    pub fn dir(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
            Format::Hn => "hn",
        }
    }
}

/// What a run wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Postings written, duplicates included.
    pub postings: usize,
    pub files: usize,
    pub bytes: u64,
    /// `.txt` postings, including the untitled pastes and the duplicates.
    pub text: usize,
    /// Of `text`: pasted without a title line.
    pub text_untitled: usize,
    /// Of `text`: the same posting as an `.html` file (deliberate duplicates).
    pub duplicates: usize,
    pub jsonl: usize,
    pub html: usize,
    pub hn: usize,
    pub elapsed: Duration,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "postings   {}", self.postings)?;
        writeln!(f, "files      {}", self.files)?;
        writeln!(
            f,
            "bytes      {} ({:.1} MiB)",
            self.bytes,
            self.bytes as f64 / 1048576.0
        )?;
        let pct = |n: usize| 100.0 * n as f64 / self.postings.max(1) as f64;
        writeln!(
            f,
            "text       {} ({:.1}%; {} untitled, {} duplicates of html postings)",
            self.text,
            pct(self.text),
            self.text_untitled,
            self.duplicates
        )?;
        writeln!(f, "jsonl      {} ({:.1}%)", self.jsonl, pct(self.jsonl))?;
        writeln!(f, "html       {} ({:.1}%)", self.html, pct(self.html))?;
        writeln!(f, "hn         {} ({:.1}%)", self.hn, pct(self.hn))?;
        write!(f, "elapsed    {:.2?}", self.elapsed)
    }
}

/// Writes files into `<out>/<format>/<NNN>/`, at most 1000 per folder.
struct Sink {
    out: PathBuf,
    files: [usize; 4],
    summary: Summary,
}

impl Sink {
    fn path(&mut self, format: Format, name: &str) -> io::Result<PathBuf> {
        let n = &mut self.files[format as usize];
        let dir = self
            .out
            .join(format.dir())
            .join(format!("{:03}", *n / 1000));
        if n.is_multiple_of(1000) {
            std::fs::create_dir_all(&dir)?;
        }
        *n += 1;
        Ok(dir.join(name))
    }

    fn write(&mut self, format: Format, name: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.path(format, name)?;
        std::fs::write(path, bytes)?;
        self.summary.files += 1;
        self.summary.bytes += bytes.len() as u64;
        Ok(())
    }
}

fn prepare_out(out: &Path, force: bool) -> io::Result<()> {
    std::fs::create_dir_all(out)?;
    if force {
        for f in [Format::Text, Format::Jsonl, Format::Html, Format::Hn] {
            let dir = out.join(f.dir());
            if dir.exists() {
                std::fs::remove_dir_all(dir)?;
            }
        }
    }
    if std::fs::read_dir(out)?.next().is_some() {
        return Err(io::Error::other(format!(
            "{} is not empty (use --force to replace a previous corpus)",
            out.display()
        )));
    }
    Ok(())
}

/// Which format each distinct posting is written in: 40% text (a few of them copies of HTML
/// postings, see [`generate`]), 30% JSONL, 20% HTML, 10% Hacker News, shuffled.
fn plan(count: usize, rng: &mut Rng) -> (Vec<Format>, usize) {
    let html = count * 20 / 100;
    let jsonl = count * 30 / 100;
    let hn = count * 10 / 100;
    let text = count - html - jsonl - hn;
    let duplicates = (count / 200).min(text).min(html);
    let mut formats = Vec::with_capacity(count);
    formats.extend(std::iter::repeat_n(Format::Text, text - duplicates));
    formats.extend(std::iter::repeat_n(Format::Jsonl, jsonl));
    formats.extend(std::iter::repeat_n(Format::Html, html));
    formats.extend(std::iter::repeat_n(Format::Hn, hn));
    rng.shuffle(&mut formats);
    (formats, duplicates)
}

/// A file name: "<company>-<title>-<n>.<ext>".
fn file_name(world: &World, job: &model::Job, n: usize, ext: &str) -> String {
    let mut title = model::slug(&job.title);
    title.truncate(60);
    format!(
        "{}-{}-{n:06}.{ext}",
        world.companies[job.company].slug,
        title.trim_end_matches('-')
    )
}

/// Generates the corpus that `opts` describes.
///
/// `count` postings in all. About 0.5% of them (count / 200) are deliberate duplicates: an HTML
/// posting saved a second time as a titled `.txt` file (same company, title and locations), so
/// de-duplication has something to find. Every other posting has its own (company, title,
/// locations).
pub fn generate(opts: &Options) -> io::Result<Summary> {
    prepare_out(&opts.out, opts.force)?;
    let start = Instant::now();
    let mut world = World::new(opts.seed);
    let mut rng = Rng::new(opts.seed);
    let (formats, duplicates) = plan(opts.count, &mut rng);
    let html_total = formats.iter().filter(|f| **f == Format::Html).count();
    let dup_every = html_total
        .checked_div(duplicates)
        .unwrap_or(usize::MAX)
        .max(1);
    let mut sink = Sink {
        out: opts.out.clone(),
        files: [0; 4],
        summary: Summary::default(),
    };
    let mut buf = String::with_capacity(32 * 1024);
    let mut jsonl = String::new();
    let mut jsonl_rows = 0;
    let mut jsonl_target = 100 + rng.below(901);
    let mut jsonl_files = 0;
    let mut html_seen = 0;
    for (i, &format) in formats.iter().enumerate() {
        let untitled = format == Format::Text && rng.chance(0.15);
        let mut job = world.job(&mut rng, untitled);
        if format != Format::Hn {
            job.sections = desc::describe(&world, &job, &mut rng, untitled);
        }
        buf.clear();
        match format {
            Format::Text => {
                render::text(&world, &job, &mut rng, untitled, &mut buf);
                let name = if untitled {
                    format!("posting-{i:06}.txt")
                } else {
                    file_name(&world, &job, i, "txt")
                };
                sink.write(Format::Text, &name, buf.as_bytes())?;
                sink.summary.text += 1;
                sink.summary.text_untitled += usize::from(untitled);
            }
            Format::Jsonl => {
                render::jsonl_line(&world, &job, &mut rng, &mut jsonl);
                jsonl_rows += 1;
                sink.summary.jsonl += 1;
                if jsonl_rows == jsonl_target {
                    let name = format!("export-{jsonl_files:04}.jsonl");
                    sink.write(Format::Jsonl, &name, jsonl.as_bytes())?;
                    jsonl.clear();
                    jsonl_rows = 0;
                    jsonl_files += 1;
                    jsonl_target = 100 + rng.below(901);
                }
            }
            Format::Html => {
                render::html(&world, &job, &mut rng, &mut buf);
                sink.write(
                    Format::Html,
                    &file_name(&world, &job, i, "html"),
                    buf.as_bytes(),
                )?;
                sink.summary.html += 1;
                if html_seen % dup_every == dup_every / 2 && sink.summary.duplicates < duplicates {
                    // The same posting, saved again from the page as text.
                    buf.clear();
                    render::text(&world, &job, &mut rng, false, &mut buf);
                    let name = file_name(&world, &job, i, "txt");
                    sink.write(Format::Text, &name, buf.as_bytes())?;
                    sink.summary.text += 1;
                    sink.summary.duplicates += 1;
                }
                html_seen += 1;
            }
            Format::Hn => {
                render::hn(&world, &job, &mut rng, &mut buf);
                sink.write(
                    Format::Hn,
                    &format!("hn-{}-{i:06}.txt", world.companies[job.company].slug),
                    buf.as_bytes(),
                )?;
                sink.summary.hn += 1;
            }
        }
    }
    if jsonl_rows > 0 {
        let name = format!("export-{jsonl_files:04}.jsonl");
        sink.write(Format::Jsonl, &name, jsonl.as_bytes())?;
    }
    sink.summary.postings =
        sink.summary.text + sink.summary.jsonl + sink.summary.html + sink.summary.hn;
    sink.summary.elapsed = start.elapsed();
    Ok(sink.summary)
}

fn main() {
    let opts = Options::parse();
    match generate(&opts) {
        Ok(summary) => println!("{summary}"),
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            std::process::exit(1);
        }
    }
}
