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
#[path = "gen_corpus/model.rs"]
mod model;
#[path = "gen_corpus/render.rs"]
mod render;
#[path = "gen_corpus/rng.rs"]
mod rng;

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

/// Generates the corpus that `opts` describes.
pub fn generate(opts: &Options) -> io::Result<Summary> {
    let start = Instant::now();
    prepare_out(&opts.out, opts.force)?;
    let mut world = World::new(opts.seed);
    let mut rng = Rng::new(opts.seed);
    let mut sink = Sink {
        out: opts.out.clone(),
        files: [0; 4],
        summary: Summary::default(),
    };
    let mut buf = String::with_capacity(16 * 1024);
    for i in 0..opts.count {
        let job = world.job(&mut rng, false);
        buf.clear();
        render::text(&world, &job, &mut buf);
        let name = format!(
            "{}-{}-{i:06}.txt",
            world.companies[job.company].slug,
            model::slug(&job.title)
        );
        sink.write(Format::Text, &name, buf.as_bytes())?;
        sink.summary.text += 1;
        sink.summary.postings += 1;
    }
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
