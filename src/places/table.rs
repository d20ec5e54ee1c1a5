//! The gazetteer's big table prebuilt: the folded name of every place in `assets/places.tsv`
//! sorted for binary search, with what each name may stand for, and the cities' records. The
//! build script (`build.rs`, which includes this file) writes it once at compile time; the
//! library reads it in place ([`Prebuilt`]) instead of folding 140,000 names into a map on
//! every start (that cost a debug `jobdeck` 0.29 s of its 0.6 s start-up).
//!
//! Layout, every number a little-endian u32: a header (names, entries, cities, key bytes);
//! per name its key's offset and length and its entries' offset and count; the entries (a kind
//! in the top two bits, an index below); per city its country, region (`u32::MAX`: none),
//! population and the offset and length of its name in `places.tsv`; then the keys' bytes.

use unicode_normalization::UnicodeNormalization;

/// Folds a name for lookup: compatibility-decomposed, marks dropped, lowercased, punctuation
/// and runs of spaces made one space ("Zürich" → "zurich", "St. Gallen" → "st gallen").
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        fold_ascii(s)
    } else {
        fold_any(s)
    }
}

pub(crate) fn fold_any(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'ß' => {
                out.push_str("ss");
                continue;
            }
            'ł' | 'Ł' => 'l',
            'ø' | 'Ø' => 'o',
            'æ' | 'Æ' => {
                out.push_str("ae");
                continue;
            }
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '’' {
            space = true;
        }
    }
    out
}

/// [`fold`] for ASCII text, where decomposition changes nothing: most names, and most of the
/// text looked up, take this way (it is the bulk of loading the table).
pub(crate) fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(b.to_ascii_lowercase() as char);
        } else if b != b'\'' {
            space = true;
        }
    }
    out
}

/// What a name can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Country(u16),
    Region(u32),
    /// A city; `primary` when the name is the city's own name (not an alternate or alias).
    City {
        id: u32,
        primary: bool,
    },
}

impl Entry {
    fn encode(self) -> u32 {
        match self {
            Entry::Country(c) => u32::from(c),
            Entry::Region(r) => 1 << 30 | r,
            Entry::City { id, primary: true } => 2 << 30 | id,
            Entry::City { id, primary: false } => 3 << 30 | id,
        }
    }

    fn decode(w: u32) -> Entry {
        let id = w & ((1 << 30) - 1);
        match w >> 30 {
            0 => Entry::Country(id as u16),
            1 => Entry::Region(id),
            2 => Entry::City { id, primary: true },
            _ => Entry::City { id, primary: false },
        }
    }
}

/// A city of the table.
#[derive(Debug, Clone, Copy)]
pub struct City {
    pub country: u16,
    /// Index into the regions, when the table names the city's region.
    pub region: Option<u32>,
    pub name: &'static str,
    pub population: u32,
}

const HEADER: usize = 5;

/// The fingerprint of a `places.tsv` text (FNV-1a over its bytes): the prebuilt table records the
/// text it was made from, so that an index built from another version of the text (a build
/// directory shared with an older checkout) is known for what it is.
pub fn fingerprint(table: &str) -> u32 {
    table.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}
const NAME_WORDS: usize = 4;
const CITY_WORDS: usize = 5;

/// Builds the prebuilt table from the text of `places.tsv` (at compile time; at start only when
/// the prebuilt one was made from another text). Countries and
/// regions are numbered in the order of their rows, as [`Gazetteer`](super::Gazetteer) numbers
/// them reading the same rows; every country and region row comes before the first city row.
pub fn build(table: &str) -> Result<Vec<u8>, String> {
    use std::collections::HashMap;
    let mut names: HashMap<String, Vec<Entry>> = HashMap::new();
    let mut add = |name: &str, e: Entry| {
        let k = fold(name);
        if !k.is_empty() {
            let v = names.entry(k).or_default();
            if !v.contains(&e) {
                v.push(e);
            }
        }
    };
    let mut cities: Vec<[u32; CITY_WORDS]> = Vec::new();
    let mut country_ix: HashMap<&str, u16> = HashMap::new();
    let mut region_ix: HashMap<(u16, &str), u32> = HashMap::new();
    let (mut offset, mut regions) = (0usize, 0u32);
    for (n, line) in table.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || format!("places.tsv line {}: {line:?}", n + 1);
        let alts = |i: usize| -> Vec<&str> {
            f.get(i)
                .map(|s| s.split('|').filter(|a| !a.is_empty()).collect())
                .unwrap_or_default()
        };
        match f[0] {
            "C" | "R" if !cities.is_empty() => {
                return Err(format!("{}: a country or region after a city", bad()));
            }
            "C" if f.len() >= 5 => {
                let id = country_ix.len() as u16;
                country_ix.insert(f[1], id);
                add(f[3], Entry::Country(id));
                for a in alts(5) {
                    add(a, Entry::Country(id));
                }
            }
            "R" if f.len() >= 4 => {
                let c = *country_ix.get(f[1]).ok_or_else(bad)?;
                region_ix.insert((c, f[2]), regions);
                add(f[3], Entry::Region(regions));
                for a in alts(4) {
                    add(a, Entry::Region(regions));
                }
                regions += 1;
            }
            "T" if f.len() >= 5 => {
                let c = *country_ix.get(f[1]).ok_or_else(bad)?;
                let id = cities.len() as u32;
                // The name's place in the table: the fourth field of the row.
                let name_at = start + f[..3].iter().map(|s| s.len() + 1).sum::<usize>();
                cities.push([
                    u32::from(c),
                    region_ix.get(&(c, f[2])).copied().unwrap_or(u32::MAX),
                    f[4].parse().map_err(|_| bad())?,
                    name_at as u32,
                    f[3].len() as u32,
                ]);
                add(f[3], Entry::City { id, primary: true });
                for a in alts(5) {
                    add(a, Entry::City { id, primary: false });
                }
            }
            _ => return Err(bad()),
        }
    }
    let mut sorted: Vec<(String, Vec<Entry>)> = names.into_iter().collect();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let (mut index, mut entries, mut keys) = (Vec::new(), Vec::new(), Vec::new());
    for (k, v) in &sorted {
        index.extend([
            keys.len() as u32,
            k.len() as u32,
            entries.len() as u32,
            v.len() as u32,
        ]);
        keys.extend_from_slice(k.as_bytes());
        entries.extend(v.iter().map(|e| e.encode()));
    }
    let words = [sorted.len(), entries.len(), cities.len(), keys.len()]
        .into_iter()
        .map(|n| n as u32)
        .chain([fingerprint(table)])
        .chain(index)
        .chain(entries)
        .chain(cities.into_iter().flatten());
    let mut out: Vec<u8> = words.flat_map(u32::to_le_bytes).collect();
    out.extend_from_slice(&keys);
    Ok(out)
}

/// The prebuilt table, read in place.
#[allow(dead_code)] // the build script only writes it
pub struct Prebuilt {
    blob: &'static [u8],
    /// The text of `places.tsv`, which the cities' names point into.
    table: &'static str,
    names: usize,
    entries: usize,
    cities: usize,
}

#[allow(dead_code)] // the build script only writes it
impl Prebuilt {
    /// The table `blob` that [`build`] made from `table`. A blob too short for what its header
    /// says reads as an empty table (it is made at build time, so it never is).
    pub fn new(blob: &'static [u8], table: &'static str) -> Prebuilt {
        let word = |i: usize| read_u32(blob, i).unwrap_or(0) as usize;
        let (names, entries, cities, keys) = (word(0), word(1), word(2), word(3));
        let bytes = (names.saturating_mul(NAME_WORDS))
            .saturating_add(entries)
            .saturating_add(cities.saturating_mul(CITY_WORDS))
            .saturating_add(HEADER)
            .saturating_mul(4)
            .saturating_add(keys);
        let whole = blob.len() == bytes;
        Prebuilt {
            blob,
            table,
            names: if whole { names } else { 0 },
            entries: if whole { entries } else { 0 },
            cities: if whole { cities } else { 0 },
        }
    }

    fn word(&self, i: usize) -> u32 {
        read_u32(self.blob, i).unwrap_or(0)
    }

    fn key(&self, i: usize) -> &'static [u8] {
        let at = HEADER + i * NAME_WORDS;
        let keys = (HEADER + self.names * NAME_WORDS + self.entries + self.cities * CITY_WORDS) * 4;
        let (off, len) = (self.word(at) as usize, self.word(at + 1) as usize);
        self.blob
            .get(keys + off..keys + off + len)
            .unwrap_or_default()
    }

    /// What the folded name `key` may stand for, in the order the table lists them.
    pub fn get(&self, key: &str) -> impl Iterator<Item = Entry> + '_ {
        // The first name not below `key`, by halving.
        let (mut lo, mut hi) = (0, self.names);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.key(mid) < key.as_bytes() {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let found = (lo < self.names && self.key(lo) == key.as_bytes()).then_some(lo);
        let (off, len) = found.map_or((0, 0), |i| {
            let at = HEADER + i * NAME_WORDS;
            (self.word(at + 2) as usize, self.word(at + 3) as usize)
        });
        let base = HEADER + self.names * NAME_WORDS;
        (base + off..base + off + len).map(|i| Entry::decode(self.word(i)))
    }

    pub fn city_count(&self) -> u32 {
        self.cities as u32
    }

    /// Whether the table was made from this text of `places.tsv` (an empty or garbled blob was
    /// made from none).
    pub fn made_from(&self, table: &str) -> bool {
        self.names > 0 && self.word(4) == fingerprint(table)
    }

    /// The city `id` (an empty one past the end: ids come from the table itself).
    pub fn city(&self, id: u32) -> City {
        let at = HEADER + self.names * NAME_WORDS + self.entries + id as usize * CITY_WORDS;
        let region = self.word(at + 1);
        let (off, len) = (self.word(at + 3) as usize, self.word(at + 4) as usize);
        City {
            country: self.word(at) as u16,
            region: (region != u32::MAX).then_some(region),
            name: self.table.get(off..off + len).unwrap_or_default(),
            population: self.word(at + 2),
        }
    }
}

fn read_u32(blob: &[u8], i: usize) -> Option<u32> {
    let b = blob.get(i * 4..i * 4 + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}
