//! Loading postings: which folder (or the built-in seeds), walking it, reading and parsing its
//! files on every core, and telling apart the same posting saved twice.

pub mod cache;
pub mod enrich;
pub mod link;
pub mod seeds;
pub mod track;
pub mod walk;
pub mod watch;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::parse::{self, SkipReason};
use crate::posting::Posting;
use crate::search::{Query, SearchIndex};

/// Largest file read by default (bytes). Larger files are skipped with a reason.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Where the postings come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusSource {
    /// The seed postings compiled into the binary.
    Seeds,
    /// Files and folders (walked recursively).
    Paths(Vec<PathBuf>),
}

impl CorpusSource {
    /// The PATHs given on the command line; with none, `$JOBDECK_POSTINGS`, then the config's
    /// `postings_dir`, then the built-in seeds.
    pub fn resolve(paths: &[PathBuf], postings_dir: Option<&Path>) -> CorpusSource {
        if !paths.is_empty() {
            return CorpusSource::Paths(paths.to_vec());
        }
        if let Some(dir) = std::env::var_os("JOBDECK_POSTINGS").filter(|v| !v.is_empty()) {
            return CorpusSource::Paths(vec![crate::paths::expand_home(Path::new(&dir))]);
        }
        match postings_dir {
            Some(dir) => CorpusSource::Paths(vec![dir.to_path_buf()]),
            None => CorpusSource::Seeds,
        }
    }

    /// For the status line and messages: "built-in seeds" or the paths.
    pub fn describe(&self) -> String {
        match self {
            CorpusSource::Seeds => "built-in seeds".into(),
            CorpusSource::Paths(p) => p
                .iter()
                .map(|p| crate::sanitize::shown_path(p))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// The paths that do not exist (the command line reports them and exits 2).
    pub fn missing_paths(&self) -> Vec<PathBuf> {
        match self {
            CorpusSource::Seeds => Vec::new(),
            CorpusSource::Paths(p) => p
                .iter()
                .filter(|p| std::fs::symlink_metadata(p).is_err())
                .cloned()
                .collect(),
        }
    }
}

/// A file that gave no postings, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub source: String,
    pub reason: SkipReason,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "skipped {}: {}", self.source, self.reason)
    }
}

/// Limits and the parse cache, for loading.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_file_size: u64,
    /// Where the parse cache lives; None reads every file afresh.
    pub cache_dir: Option<PathBuf>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            cache_dir: None,
        }
    }
}

impl LoadOptions {
    /// The defaults, with the parse cache in `cache_dir`.
    pub fn cached(cache_dir: PathBuf) -> LoadOptions {
        LoadOptions {
            cache_dir: Some(cache_dir),
            ..LoadOptions::default()
        }
    }
}

/// What loading found.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub postings: Vec<Posting>,
    pub skipped: Vec<Skipped>,
}

/// Parses one file's bytes, or says why not.
pub fn parse_file(
    path: &Path,
    source: &str,
    opts: &LoadOptions,
) -> Result<Vec<Posting>, SkipReason> {
    let bytes = walk::read_limited(path, opts.max_file_size)?;
    let saved = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .map(time::OffsetDateTime::from);
    // Parsers must not panic (fuzzing looks for that); if one does anyway, that file is
    // skipped with the reason instead of taking the whole load down.
    std::panic::catch_unwind(|| {
        if crate::debug::debug_panic("parse") {
            panic!("JOBDECK_DEBUG_PANIC=parse");
        }
        parse::parse_bytes(&bytes, source).map(|mut ps| {
            for p in &mut ps {
                enrich::enrich(p, saved);
            }
            ps
        })
    })
    .unwrap_or_else(|p| Err(SkipReason::ParserFailed(crate::logging::panic_text(&p))))
}

/// Loads every posting of a source, parsing files in parallel. Postings keep the order of their
/// files (sorted paths) so output is deterministic.
pub fn load(source: &CorpusSource, opts: &LoadOptions) -> LoadReport {
    let mut report = LoadReport::default();
    stream(source, opts, |ev| {
        match ev {
            LoadEvent::Batch { postings, .. } => report.postings.extend(postings),
            LoadEvent::Skipped(s) => report.skipped.extend(s),
            LoadEvent::Files(_)
            | LoadEvent::Folders(_)
            | LoadEvent::Indexed(_)
            | LoadEvent::Done => {}
        }
        true
    });
    mark_duplicates(&mut report.postings);
    link_sources(&mut report.postings);
    report
}

/// What a streaming load reports, in order: the number of files, then batches of postings and
/// skipped files as they are parsed, then the end.
#[derive(Debug)]
pub enum LoadEvent {
    Files(usize),
    /// The folders the walk went through (to watch them without walking again).
    Folders(Vec<std::path::PathBuf>),
    /// The search index of every posting about to come, when the parse cache is current:
    /// whoever searches need not index them again.
    Indexed(Box<SearchIndex>),
    Batch {
        postings: Vec<Posting>,
        files_done: usize,
    },
    Skipped(Vec<Skipped>),
    Done,
}

/// How many files are parsed (in parallel) between two reports.
const STREAM_CHUNK: usize = 256;

/// Loads a source, reporting postings in batches as they are parsed (files in sorted order,
/// each batch parsed on every core). `keep_going` is asked between batches; returning false
/// stops the load.
pub fn stream(source: &CorpusSource, opts: &LoadOptions, mut emit: impl FnMut(LoadEvent) -> bool) {
    match source {
        CorpusSource::Seeds => stream_seeds(&mut emit),
        CorpusSource::Paths(paths) => stream_paths(paths, opts, &mut emit),
    }
}

/// Turns "go on" (the answer of `emit`) into an early return.
macro_rules! emit_or_stop {
    ($emit:expr, $ev:expr) => {
        if !$emit($ev) {
            return;
        }
    };
}

/// Reports the files skipped (if any), then a batch of postings; false when told to stop.
fn emit_batch(
    emit: &mut impl FnMut(LoadEvent) -> bool,
    skipped: Vec<Skipped>,
    postings: Vec<Posting>,
    files_done: usize,
) -> bool {
    (skipped.is_empty() || emit(LoadEvent::Skipped(skipped)))
        && emit(LoadEvent::Batch {
            postings,
            files_done,
        })
}

/// The seed postings, in one batch.
fn stream_seeds(emit: &mut impl FnMut(LoadEvent) -> bool) {
    let seeds = seeds::seeds();
    emit_or_stop!(emit, LoadEvent::Files(seeds.len()));
    let mut postings = Vec::new();
    let mut skipped = Vec::new();
    for (name, bytes) in &seeds {
        let src = format!("seeds/{name}");
        match parse::parse_bytes(bytes, &src) {
            Ok(ps) => postings.extend(ps.into_iter().map(|mut p| {
                enrich::enrich(&mut p, None);
                p
            })),
            Err(reason) => skipped.push(Skipped {
                source: src,
                reason,
            }),
        }
    }
    if emit_batch(emit, skipped, postings, seeds.len()) {
        emit(LoadEvent::Done);
    }
}

/// The parse cache of a load: read when current, rewritten when stale.
struct LoadCache {
    fingerprint: String,
    reader: Option<cache::Reader>,
    /// Set when the cache is rewritten (dropped at the first write error).
    writer: Option<cache::Writer>,
    stale: bool,
}

impl LoadCache {
    /// Opens the cache of `paths`; it is stale when a file is new, changed or gone, or a
    /// folder changed.
    fn open(paths: &[PathBuf], opts: &LoadOptions, walked: &walk::Walked) -> LoadCache {
        let fingerprint = cache::fingerprint();
        let roots = cache::root_keys(paths);
        let cache_path = opts.cache_dir.as_ref().map(|d| cache::cache_file(d, paths));
        let reader = cache_path
            .as_ref()
            .and_then(|p| cache::Reader::open(p, &fingerprint, &roots));
        let stale = match &reader {
            Some(r) => {
                r.len() != walked.files.len()
                    || r.index.dirs != walked.dirs
                    || walked.files.iter().any(|f| {
                        r.file(&f.key, f.stamp)
                            .is_none_or(|rec| !rec.still_holds(&f.path, opts.max_file_size))
                    })
            }
            None => true,
        };
        let writer = match (&cache_path, stale) {
            (Some(p), true) => cache::Writer::create(p, roots, walked.files.len()).ok(),
            _ => None,
        };
        LoadCache {
            fingerprint,
            reader,
            writer,
            stale,
        }
    }

    /// The search index of a current cache.
    fn index(&self) -> Option<SearchIndex> {
        let r = self.reader.as_ref().filter(|_| !self.stale)?;
        SearchIndex::thaw(&r.index.search).filter(|ix| ix.len() == r.index.headlines.len())
    }

    fn state(&self) -> &'static str {
        match (&self.reader, self.stale) {
            (Some(_), true) => "stale",
            (Some(_), false) => "current",
            (None, _) => "absent",
        }
    }
}

/// The files under `paths`: walked, announced, then read (from the cache when it holds them)
/// and parsed chunk by chunk.
fn stream_paths(paths: &[PathBuf], opts: &LoadOptions, emit: &mut impl FnMut(LoadEvent) -> bool) {
    let started = std::time::Instant::now();
    let mut walked = walk::walk(paths);
    tracing::debug!(
        "load: walked {} files in {:?}",
        walked.files.len(),
        started.elapsed()
    );
    // Every file found counts, those the walk refused (special files, loops, no permission)
    // too: they are done at once, and listed among the skipped.
    let refused = walked.skipped.len();
    emit_or_stop!(emit, LoadEvent::Files(walked.files.len() + refused));
    let folders = walked
        .dirs
        .iter()
        .map(|(d, _)| std::path::PathBuf::from(d))
        .collect();
    emit_or_stop!(emit, LoadEvent::Folders(folders));
    let skipped = std::mem::take(&mut walked.skipped);
    if !skipped.is_empty() {
        emit_or_stop!(emit, LoadEvent::Skipped(skipped));
    }
    let mut cache = LoadCache::open(paths, opts, &walked);
    if cache.reader.is_none() || cache.stale {
        // Files will be parsed: the parsers' tables are built meanwhile.
        crate::parse::warm_up();
    }
    let walk::Walked { files, dirs, .. } = walked;
    if let Some(ix) = cache.index() {
        emit_or_stop!(emit, LoadEvent::Indexed(Box::new(ix)));
    }
    tracing::debug!("load: cache {} at {:?}", cache.state(), started.elapsed());
    let mut done = refused;
    // Pulled files get their board's tracking record (never cached: a pull changes the
    // record, not the files of postings that closed).
    let mut tracker = track::Tracker::new(opts.max_file_size);
    // Files are let go of chunk by chunk: at 100,000 files their paths are tens of megabytes,
    // better spent on postings.
    let chunks: Vec<Vec<walk::FileEntry>> = {
        let mut files = files.into_iter();
        std::iter::from_fn(|| {
            let chunk: Vec<_> = files.by_ref().take(STREAM_CHUNK).collect();
            (!chunk.is_empty()).then_some(chunk)
        })
        .collect()
    };
    for chunk in chunks {
        let (postings, mut skipped) = read_chunk(&chunk, opts, &mut cache, &mut tracker);
        skipped.extend(tracker.take_problems());
        done += chunk.len();
        if !emit_batch(emit, skipped, postings, done) {
            return;
        }
    }
    tracing::debug!("load: {done} files read at {:?}", started.elapsed());
    if let Some(w) = cache.writer.as_mut() {
        for (d, t) in &dirs {
            w.add_dir(d, *t);
        }
    }
    emit(LoadEvent::Done);
    if let Some(w) = cache.writer {
        // A cache that cannot be written only costs the next start some time.
        let _ = w.finish(&cache.fingerprint);
    }
}

/// Reads and parses a chunk of files on every core (from the cache when it holds them),
/// records them in the cache being rewritten, and gives their postings (with their tracking
/// records) and the files skipped.
fn read_chunk(
    chunk: &[walk::FileEntry],
    opts: &LoadOptions,
    cache: &mut LoadCache,
    tracker: &mut track::Tracker,
) -> (Vec<Posting>, Vec<Skipped>) {
    let keep_bytes = cache.writer.is_some();
    let reader = cache.reader.as_ref();
    // Each file's result, and whether it was parsed just now (not read from the cache).
    let results: Vec<(FileResult, bool)> = chunk
        .par_iter()
        .map(|f| {
            if let Some(r) = reader
                && let Some(hit) = from_cache(r, f, opts.max_file_size, keep_bytes)
            {
                return (hit, false);
            }
            let parsed = parse_file(&f.path, &f.source, opts)
                .map(|ps| ps.into_iter().map(|p| (p, None)).collect());
            (parsed, true)
        })
        .collect();
    let mut postings = Vec::new();
    let mut skipped = Vec::new();
    for (f, (parsed, fresh)) in chunk.iter().zip(results) {
        let parsed = match parsed {
            Ok(ps) if fresh => Ok(ps.into_iter().map(settle).collect()),
            other => other,
        };
        if let Some(w) = cache.writer.as_mut() {
            let rec = parsed.as_ref().map(Vec::as_slice);
            if w.add(&f.key, f.stamp, rec).is_err() {
                cache.writer = None;
            }
        }
        match parsed {
            Ok(ps) => {
                // The cache may hold the path as another working directory saw it.
                let mut ps: Vec<Posting> = ps
                    .into_iter()
                    .map(|(mut p, _)| {
                        p.source.clone_from(&f.source);
                        p
                    })
                    .collect();
                tracker.attach(&f.path, &f.source, &mut ps);
                postings.extend(ps);
            }
            Err(reason) => skipped.push(Skipped {
                source: f.source.clone(),
                reason,
            }),
        }
    }
    (postings, skipped)
}

/// Moves a posting just parsed off the parser threads' memory: parsing on every core leaves
/// each thread's allocator arena full of freed scratch (documents, trees, buffers) around the
/// postings it made, and what those postings pin stays resident for as long as they live. A
/// copy made here is allocated compactly, at exact sizes, and the parser threads' arenas go on
/// reusing their scratch. (Postings read from the cache are compact already.) On a first load
/// of 100,000 postings this takes about 25 MB off the peak for well under a second of copying.
fn settle((p, blob): (Posting, Option<Vec<u8>>)) -> (Posting, Option<Vec<u8>>) {
    (p.clone(), blob)
}

/// What a file gave: its postings (each with its cache blob when read from the cache), or
/// why it gave none.
type FileResult = Result<Vec<(Posting, Option<Vec<u8>>)>, SkipReason>;

/// A file's parse result from the cache, when the cache has it at this stamp, the record
/// still holds under the size limit, and its blobs decode (anything off means: read the file
/// again).
fn from_cache(
    r: &cache::Reader,
    f: &walk::FileEntry,
    limit: u64,
    keep_bytes: bool,
) -> Option<FileResult> {
    let rec = r
        .file(&f.key, f.stamp)
        .filter(|rec| rec.still_holds(&f.path, limit))?;
    if f.stamp.size > limit {
        // Told afresh: the limit may have changed since the reason was recorded.
        return Some(Err(SkipReason::TooLarge {
            size: f.stamp.size,
            limit,
        }));
    }
    if let Some(reason) = &rec.skip {
        return Some(Err(if rec.recheck {
            SkipReason::Unreadable(reason.clone())
        } else {
            SkipReason::Cached(reason.clone())
        }));
    }
    (rec.first..rec.first + rec.count)
        .map(|i| {
            let blob = r.blob(i)?;
            let p = cache::decode(&blob)?;
            Some((p, keep_bytes.then_some(blob)))
        })
        .collect::<Option<Vec<_>>>()
        .map(Ok)
}

/// Whether the parse cache for `roots` is current by its folders' times (see
/// [`cache::Reader::folders_unchanged`]).
pub fn cache_is_fresh(roots: &[PathBuf], opts: &LoadOptions) -> bool {
    let Some(dir) = opts.cache_dir.as_ref() else {
        return false;
    };
    cache::RawIndex::read(&cache::cache_file(dir, roots)).is_some_and(|raw| {
        raw.borrowed(&cache::fingerprint(), &cache::root_keys(roots))
            .is_some_and(|i| i.folders_unchanged())
    })
}

/// The best `limit` postings for a query, ranked from the parse cache's headline records and
/// only those read in full, when the cache is current (no folder changed since it was
/// written). None when it is not, or the query needs the descriptions (`text:`). Each posting
/// is listed once (a posting saved twice is one).
pub fn search_cached(
    roots: &[PathBuf],
    opts: &LoadOptions,
    query: &Query,
    limit: usize,
) -> Option<Vec<(Posting, i64)>> {
    if query.needs_postings() {
        return None;
    }
    let t = std::time::Instant::now();
    let raw = cache::RawIndex::read(&cache::cache_file(opts.cache_dir.as_ref()?, roots))?;
    let t_read = t.elapsed();
    let index = raw.borrowed(&cache::fingerprint(), &cache::root_keys(roots))?;
    let t_decode = t.elapsed();
    if !index.folders_unchanged() {
        return None;
    }
    // Pulled boards: their tracking records (closed, links across sources) are not in the
    // cache, so the postings are loaded.
    if index
        .dirs
        .iter()
        .any(|(d, _)| Path::new(d).join(track::TRACK_FILE).exists())
    {
        return None;
    }
    let t_fresh = t.elapsed();
    let search = SearchIndex::thaw(index.search)?;
    if search.len() != index.headlines.len() {
        return None;
    }
    let t_index = t.elapsed();
    let hits = search.search(query);
    let t_search = t.elapsed();
    tracing::debug!(
        "cached search: read {t_read:?}, decode {:?}, folders {:?}, index {:?}, search {:?}",
        t_decode - t_read,
        t_fresh - t_decode,
        t_index - t_fresh,
        t_search - t_index
    );
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for h in hits {
        let head = &index.headlines[h.index as usize];
        if !seen.insert(head.id) {
            continue;
        }
        let Some(mut p) = raw.posting(head) else {
            continue;
        };
        // The cache keeps absolute paths: show the file as `roots` name it.
        if let Some(f) = index.file_of(h.index)
            && let Some(src) = shown_source(Path::new(f.path), roots)
        {
            p.source = src;
        }
        out.push((p, h.score));
        if out.len() == limit {
            break;
        }
    }
    Some(out)
}

/// `path` (absolute) as the root holding it names it.
fn shown_source(path: &Path, roots: &[PathBuf]) -> Option<String> {
    roots.iter().find_map(|r| {
        let rest = path.strip_prefix(std::path::absolute(r).ok()?).ok()?;
        Some(crate::sanitize::shown_path(
            &if rest.as_os_str().is_empty() {
                r.clone()
            } else {
                r.join(rest)
            },
        ))
    })
}

/// Postings of the same role from two sources (a pulled board and a saved page or an HN
/// comment, see [`link`]): the second is listed under the first (`linked_to`),
/// and each names the other's source in `seen_on`. Postings saved twice (same id) are left to
/// [`mark_duplicates`].
pub fn link_sources(postings: &mut [Posting]) {
    // The same posting saved twice was seen on two sources too.
    let by_source: std::collections::HashMap<String, usize> = postings
        .iter()
        .enumerate()
        .map(|(i, p)| (p.source.clone(), i))
        .collect();
    for i in 0..postings.len() {
        if let Some(first) = postings[i]
            .duplicate_of
            .as_ref()
            .and_then(|d| by_source.get(d))
            .copied()
        {
            let (a, b) = (postings[first].source.clone(), postings[i].source.clone());
            postings[first].seen_on.push(b);
            postings[i].seen_on.push(a);
        }
    }
    let listed: Vec<usize> = (0..postings.len())
        .filter(|&i| postings[i].duplicate_of.is_none())
        .collect();
    let refs: Vec<&Posting> = listed.iter().map(|&i| &postings[i]).collect();
    let links = link::find(&refs);
    for l in links {
        let (p, s) = (listed[l.primary], listed[l.secondary]);
        let (ps, ss) = (postings[p].source.clone(), postings[s].source.clone());
        postings[p].seen_on.push(ss);
        postings[s].seen_on.push(ps.clone());
        postings[s].linked_to = Some(ps);
    }
}

/// The same posting saved twice (same id) keeps both records; later ones point at the first.
pub fn mark_duplicates(postings: &mut [Posting]) {
    let mut first: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for p in postings.iter_mut() {
        match first.get(&p.id) {
            Some(src) if *src != p.source => p.duplicate_of = Some(src.clone()),
            Some(_) => {}
            None => {
                first.insert(p.id.clone(), p.source.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "N postings from F files · S skipped": F counts every file found, those the walk
    /// refused too, so that the numbers add up for a reader.
    #[test]
    fn every_file_found_is_counted_and_done() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "Rust Engineer at Acme\nRemote. We build tools in Rust all day long.",
        )
        .unwrap();
        std::fs::write(dir.path().join("empty.txt"), "").unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(dir.path().join("fifo"))
            .status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        let (mut total, mut done, mut skipped, mut postings) = (0, 0, 0, 0);
        let opts = LoadOptions {
            cache_dir: None,
            ..LoadOptions::default()
        };
        stream(
            &CorpusSource::Paths(vec![dir.path().to_path_buf()]),
            &opts,
            |ev| {
                match ev {
                    LoadEvent::Files(n) => total = n,
                    LoadEvent::Batch {
                        postings: p,
                        files_done,
                    } => {
                        postings += p.len();
                        done = files_done;
                    }
                    LoadEvent::Skipped(s) => skipped += s.len(),
                    _ => {}
                }
                true
            },
        );
        assert_eq!((postings, total, done, skipped), (1, 3, 3, 2));
    }
}
