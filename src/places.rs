//! Places that compare: a location as written ("SF", "San Francisco, CA", "München",
//! "Remote — EU") resolved to city / region / country through a gazetteer generated from
//! GeoNames (`assets/places.tsv`, see `assets/gen/places.py`) plus the hand-written aliases
//! of `assets/places_aliases.toml`.
//!
//! Only what reads as a place is taken: every part of the text must be a known place or a
//! known qualifier (a postcode, "Remote", "HQ"…); "Reading the docs" is not Reading, UK.

mod table;

use std::collections::BTreeMap;
use std::sync::{LazyLock, OnceLock};

// Local data: a fast non-cryptographic hash.
use rustc_hash::FxHashMap as HashMap;

pub use table::fold;
use table::{Entry, Prebuilt};

const TABLE: &str = include_str!("../assets/places.tsv");
/// `TABLE`'s names folded, sorted and indexed at build time (`build.rs`).
const PREBUILT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.bin"));
const ALIASES: &str = include_str!("../assets/places_aliases.toml");
/// Place names that are also common English words (`assets/gen/place_words.py`).
const COMMON_WORDS: &str = include_str!("../assets/places_words.txt");

/// Whether a place's name is, whole, also a common English word ("Nice", "Mobile", "Reading"):
/// `assets/places_words.txt`.
pub fn is_common_word(name: &str) -> bool {
    static WORDS: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
        COMMON_WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    });
    WORDS.contains(fold(name.trim()).as_str())
}

/// A country of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    pub iso3: String,
    pub name: String,
    /// ISO 4217 code of its currency.
    pub currency: String,
}

#[derive(Debug, Clone)]
struct Region {
    country: u16,
    code: String,
    name: String,
}

/// A resolved place. (No field is skipped when empty: the parse cache's postcard records
/// need every field in place.)
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Place {
    /// As written.
    pub name: String,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(default)]
    pub country: Option<String>,
}

impl Place {
    /// The place as the filter pane lists it, one spelling for every way of writing it: the
    /// city with its country's code ("San Francisco, US"), else the region with it, else the
    /// country's name, else the place as written.
    pub fn label(&self) -> String {
        let country = self.country.as_deref();
        match (&self.city, &self.region, country) {
            (Some(c), _, Some(cc)) => format!("{c}, {cc}"),
            (Some(c), _, None) => c.clone(),
            (None, Some(r), Some(cc)) => format!("{r}, {cc}"),
            (None, None, Some(cc)) => Gazetteer::get()
                .country(cc)
                .map_or_else(|| cc.to_string(), |k| k.name.clone()),
            _ => self.name.clone(),
        }
    }
}

/// The table of places.
pub struct Gazetteer {
    countries: Vec<Country>,
    regions: Vec<Region>,
    /// The table's folded names (→ what each may be) and its cities, prebuilt.
    table: Prebuilt,
    /// Folded name → what it may be, for the names of the aliases file (after the table's).
    /// Codes (ISO-2, ISO-3, region codes) live in `codes`: they count only when written in
    /// capitals.
    names: HashMap<String, Vec<Entry>>,
    codes: HashMap<String, Vec<Entry>>,
    groups: BTreeMap<String, Vec<String>>,
    /// The groups as the table names them, in its order (sorted members).
    group_list: Vec<(String, Vec<String>)>,
    /// How many people live in each region's towns (summed once, when namesake regions first
    /// need ranking).
    region_people: OnceLock<Vec<u32>>,
    /// The countries whose region codes postings write, first first (`[codes] written`).
    codes_written: Vec<u16>,
}

impl Gazetteer {
    /// The built-in table (read once).
    pub fn get() -> &'static Gazetteer {
        static G: LazyLock<Gazetteer> = LazyLock::new(|| {
            Gazetteer::load().expect("the built-in place tables are valid (tested)")
        });
        &G
    }

    /// The built-in table, read afresh (what [`Gazetteer::get`] keeps; for benchmarks).
    #[doc(hidden)]
    pub fn load() -> Result<Gazetteer, String> {
        let prebuilt = Prebuilt::new(PREBUILT, TABLE);
        if prebuilt.made_from(TABLE) {
            return Gazetteer::parse(TABLE, prebuilt, ALIASES);
        }
        // An index made from another version of the table (a build directory an older
        // checkout wrote to): built afresh from the table itself, once, rather than read wrong.
        let blob: &'static [u8] = table::build(TABLE)?.leak();
        Gazetteer::parse(TABLE, Prebuilt::new(blob, TABLE), ALIASES)
    }

    /// The countries and regions of `table` (its city rows, which come after them, and every
    /// name are in `prebuilt`), and the aliases.
    fn parse(table: &str, prebuilt: Prebuilt, aliases: &str) -> Result<Gazetteer, String> {
        let mut g = Gazetteer {
            countries: Vec::new(),
            regions: Vec::new(),
            table: prebuilt,
            names: HashMap::default(),
            codes: HashMap::default(),
            groups: BTreeMap::new(),
            group_list: Vec::new(),
            region_people: OnceLock::new(),
            codes_written: Vec::new(),
        };
        let mut country_ix: HashMap<String, u16> = HashMap::default();
        let mut region_ix: HashMap<(u16, String), u32> = HashMap::default();
        for (n, line) in table.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let bad = || format!("places.tsv line {}: {line:?}", n + 1);
            match f[0] {
                "C" if f.len() >= 5 => {
                    let id = g.countries.len() as u16;
                    g.countries.push(Country {
                        iso2: f[1].into(),
                        iso3: f[2].into(),
                        name: f[3].into(),
                        currency: f[4].into(),
                    });
                    country_ix.insert(f[1].into(), id);
                    g.add_code(f[1], Entry::Country(id));
                    g.add_code(f[2], Entry::Country(id));
                }
                "R" if f.len() >= 4 => {
                    let c = *country_ix.get(f[1]).ok_or_else(bad)?;
                    let id = g.regions.len() as u32;
                    g.regions.push(Region {
                        country: c,
                        code: f[2].into(),
                        name: f[3].into(),
                    });
                    region_ix.insert((c, f[2].into()), id);
                    if f[2].chars().all(|c| c.is_ascii_uppercase()) {
                        g.add_code(f[2], Entry::Region(id));
                    }
                }
                // The build script checked that the cities come last.
                "T" => break,
                _ => return Err(bad()),
            }
        }
        g.read_aliases(aliases, &country_ix, &region_ix)?;
        Ok(g)
    }

    /// What the folded name `key` may be: the table's entries, then the aliases'.
    fn named(&self, key: &str) -> Vec<Entry> {
        let mut v: Vec<Entry> = self.table.get(key).collect();
        for &e in self.names.get(key).into_iter().flatten() {
            if !v.contains(&e) {
                v.push(e);
            }
        }
        v
    }

    fn city(&self, id: u32) -> table::City {
        self.table.city(id)
    }

    /// The people of the region's towns in the table: what ranks regions sharing a name ("Florida"
    /// alone is the US state before Uruguay's department).
    fn region_people(&self, r: u32) -> u32 {
        let people = self.region_people.get_or_init(|| {
            let mut sum = vec![0u32; self.regions.len()];
            for id in 0..self.table.city_count() {
                let c = self.city(id);
                if let Some(s) = c.region.and_then(|r| sum.get_mut(r as usize)) {
                    *s = s.saturating_add(c.population);
                }
            }
            sum
        });
        people.get(r as usize).copied().unwrap_or(0)
    }

    fn read_aliases(
        &mut self,
        text: &str,
        country_ix: &HashMap<String, u16>,
        region_ix: &HashMap<(u16, String), u32>,
    ) -> Result<(), String> {
        let t: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        let table = |k: &str| {
            t.get(k)
                .and_then(|v| v.as_table())
                .cloned()
                .unwrap_or_default()
        };
        for (alias, path) in table("cities") {
            let path = path.as_str().unwrap_or_default();
            let mut it = path.splitn(3, '/');
            let (c, r, name) = (it.next(), it.next(), it.next());
            let c = c.and_then(|c| country_ix.get(c)).copied();
            let city = c.zip(name).and_then(|(c, name)| {
                let region = r.and_then(|r| region_ix.get(&(c, r.to_string())).copied());
                self.table.get(&fold(name)).find_map(|e| match e {
                    Entry::City { id, primary: true } => {
                        let x = self.city(id);
                        (x.country == c && x.name == name && x.region == region).then_some(id)
                    }
                    _ => None,
                })
            });
            let id = city.ok_or(format!("places_aliases.toml: no city {path}"))?;
            // A short form in capitals ("SF", "NYC") counts only as written.
            if alias.len() <= 4 && alias.chars().all(|c| c.is_ascii_uppercase() || c == '.') {
                self.add_code(&alias, Entry::City { id, primary: true });
            } else {
                self.add_name(&alias, Entry::City { id, primary: true });
            }
        }
        for (alias, path) in table("regions") {
            let path = path.as_str().unwrap_or_default();
            let (c, r) = path.split_once('/').unwrap_or((path, ""));
            let id = country_ix
                .get(c)
                .and_then(|&c| region_ix.get(&(c, r.to_string())))
                .copied()
                .ok_or(format!("places_aliases.toml: no region {path}"))?;
            self.add_name(&alias, Entry::Region(id));
        }
        for (alias, iso2) in table("countries") {
            let iso2 = iso2.as_str().unwrap_or_default();
            let c = *country_ix
                .get(iso2)
                .ok_or(format!("places_aliases.toml: no country {iso2}"))?;
            if alias.chars().all(|c| c.is_ascii_uppercase() || c == '.') {
                self.add_code(&alias, Entry::Country(c));
            } else {
                self.add_name(&alias, Entry::Country(c));
            }
        }
        let written = t
            .get("codes")
            .and_then(|c| c.get("written"))
            .and_then(|w| w.as_array())
            .cloned()
            .unwrap_or_default();
        for iso2 in written {
            let iso2 = iso2.as_str().unwrap_or_default();
            let c = *country_ix
                .get(iso2)
                .ok_or(format!("places_aliases.toml: codes: no country {iso2}"))?;
            self.codes_written.push(c);
        }
        for (name, members) in table("groups") {
            let members: Vec<String> = members
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|m| m.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            if let Some(bad) = members.iter().find(|m| !country_ix.contains_key(*m)) {
                return Err(format!(
                    "places_aliases.toml: group {name}: no country {bad}"
                ));
            }
            let mut sorted = members.clone();
            sorted.sort();
            self.group_list.push((name.to_string(), sorted));
            self.groups.insert(fold(&name), members);
        }
        Ok(())
    }

    fn add_name(&mut self, name: &str, e: Entry) {
        let k = fold(name);
        if !k.is_empty() && !self.table.get(&k).any(|t| t == e) {
            let v = self.names.entry(k).or_default();
            if !v.contains(&e) {
                v.push(e);
            }
        }
    }

    fn add_code(&mut self, code: &str, e: Entry) {
        let v = self.codes.entry(code.replace('.', "")).or_default();
        if !v.contains(&e) {
            v.push(e);
        }
    }

    /// A country by ISO-2 or ISO-3 code (any case) or by name in any language the table knows.
    pub fn country(&self, s: &str) -> Option<&Country> {
        let s = s.trim();
        let upper = s.to_ascii_uppercase().replace('.', "");
        let by_code = self.codes.get(&upper).and_then(|v| {
            v.iter().find_map(|e| match e {
                Entry::Country(c) => Some(*c),
                _ => None,
            })
        });
        let by_name = || {
            self.named(&fold(s)).into_iter().find_map(|e| match e {
                Entry::Country(c) => Some(c),
                _ => None,
            })
        };
        by_code
            .or_else(by_name)
            .map(|c| &self.countries[c as usize])
    }

    /// The countries of a group ("EU", "EMEA", "LATAM"), by ISO-2 code.
    pub fn group(&self, name: &str) -> Option<&[String]> {
        self.groups.get(&fold(name)).map(Vec::as_slice)
    }

    /// Names a set of countries (ISO-2 codes) as people would: the largest group all of whose
    /// countries are in it by the group's name ("EU"), then the rest by country name; each with
    /// its codes. ["DE", "FR", …the EU…, "GB"] → [("EU", [the EU]), ("United Kingdom", ["GB"])].
    pub fn name_countries(&self, codes: &[String]) -> Vec<(String, Vec<String>)> {
        let mut rest: Vec<&String> = codes.iter().collect();
        rest.sort();
        rest.dedup();
        let mut out = Vec::new();
        loop {
            // The largest; of equals ("LATAM", "Latin America"), the first the table lists.
            let best = self
                .group_list
                .iter()
                .rev()
                .filter(|(_, m)| m.len() >= 3 && m.iter().all(|c| rest.contains(&c)))
                .max_by_key(|(_, m)| m.len());
            let Some((name, members)) = best else { break };
            rest.retain(|c| !members.contains(c));
            out.push((name.clone(), members.clone()));
        }
        for c in rest {
            let name = self.country(c).map_or(c.as_str(), |k| k.name.as_str());
            out.push((name.to_string(), vec![c.clone()]));
        }
        out
    }

    /// What one part of a location may be, each with whether it is only a region's code
    /// ("OR", "CA"), which names a region only beside a place inside it.
    fn lookup(&self, part: &str) -> Vec<(Entry, bool)> {
        // A code in capitals ("US", "CA", "NYC") is read as a code only.
        let code = part.replace('.', "");
        if (2..=4).contains(&code.len())
            && code.chars().all(|c| c.is_ascii_uppercase())
            && let Some(v) = self.codes.get(&code)
        {
            return v
                .iter()
                .map(|&e| (e, matches!(e, Entry::Region(_))))
                .collect();
        }
        self.named(&fold(part))
            .into_iter()
            .map(|e| (e, false))
            .collect()
    }

    fn country_of(&self, e: Entry) -> u16 {
        match e {
            Entry::Country(c) => c,
            Entry::Region(r) => self.regions[r as usize].country,
            Entry::City { id, .. } => self.city(id).country,
        }
    }

    /// Resolves a location as written. None unless every part reads as a place or a
    /// qualifier, and at least one is a place.
    pub fn resolve(&self, text: &str) -> Option<Place> {
        let parts = split_parts(text);
        // A group of countries alone is no one place ("APAC" is no town Apac in Uganda).
        if parts.is_empty() || (parts.len() == 1 && self.group(&parts[0]).is_some()) {
            return None;
        }
        let mut options: Vec<Vec<(Entry, bool)>> = Vec::new();
        // Each part's name as looked up, beside its options (a part of qualifiers alone has none).
        let mut looked: Vec<String> = Vec::new();
        for p in &parts {
            let mut name = p.to_string();
            let mut found = self.lookup(p);
            if found.is_empty() {
                // "US only", "Remote Germany", "Greater London": the place without its qualifier.
                let words: Vec<&str> = p.split(' ').collect();
                let start = words.iter().take_while(|w| is_qualifier(w)).count();
                let end = words.len()
                    - words[start..]
                        .iter()
                        .rev()
                        .take_while(|w| is_qualifier(w))
                        .count();
                if start >= end {
                    continue;
                }
                name = words[start..end].join(" ");
                found = self.lookup(&name);
            }
            if found.is_empty() {
                return None;
            }
            options.push(found);
            looked.push(name);
        }
        // A part that names a country is not a town sharing that name in another language
        // ("India" is also an alternate name of Inđija, Serbia); alone, it is the country
        // ("Lebanon" is a country before it is a town in Pennsylvania).
        for opts in &mut options {
            if opts.iter().any(|(e, _)| matches!(e, Entry::Country(_))) {
                opts.retain(|(e, _)| !matches!(e, Entry::City { primary: false, .. }));
                if parts.len() == 1 {
                    opts.retain(|(e, _)| matches!(e, Entry::Country(_)));
                }
            }
        }
        // The most specific part decides, constrained by the others (a city in the country or
        // region they name), preferring a city's own name and then the larger city.
        let holds = |outer: Entry, e: Entry| match (outer, e) {
            (a, b) if a == b => true,
            (Entry::Country(c), x) => self.country_of(x) == c,
            (Entry::Region(r), Entry::City { id, .. }) => self.city(id).region == Some(r),
            (Entry::City { id, .. }, Entry::Region(r)) => self.city(id).region == Some(r),
            (Entry::City { id, .. }, Entry::Country(c)) => self.city(id).country == c,
            (Entry::Region(r), Entry::Country(c)) => self.regions[r as usize].country == c,
            _ => false,
        };
        // A part that names a region as written, when that region fits the other parts (of
        // namesake regions, the one with more people), is no town elsewhere whose name it
        // matches only once accents are folded, nor a small town of that name, nor a town of
        // another country named so in another language ("Bali" is Indonesia's province, not
        // Bāli in West Bengal or Bali in Cameroon; "Oregon, United States" no town in Ohio;
        // "Florida" the US state, not Floridablanca in Colombia; "Kent, WA", "Mérida, Mexico"
        // and "Praha" stay cities).
        let named: Vec<Option<u32>> = options
            .iter()
            .zip(&looked)
            .map(|(opts, part)| {
                let written = part.to_lowercase();
                let aliased = self.names.get(&fold(part));
                opts.iter()
                    .filter_map(|&(e, weak)| match e {
                        Entry::Region(r)
                            if !weak
                                && (self.regions[r as usize].name.to_lowercase() == written
                                    || aliased.is_some_and(|v| v.contains(&Entry::Region(r))))
                                && options.iter().all(|o| {
                                    o.iter().any(|&(x, _)| holds(x, Entry::Region(r)))
                                }) =>
                        {
                            Some(r)
                        }
                        _ => None,
                    })
                    // Namesake regions that all fit: the one with more people ("Florida" alone
                    // is the US state, and no town of Uruguay's department).
                    .max_by_key(|&r| self.region_people(r))
            })
            .collect();
        for ((opts, region), part) in options.iter_mut().zip(&named).zip(&looked) {
            let Some(region) = *region else {
                continue;
            };
            let country = self.regions[region as usize].country;
            let written = part.to_lowercase();
            opts.retain(|&(e, _)| match e {
                Entry::City { id, primary } => {
                    let c = self.city(id);
                    let name = c.name.to_lowercase();
                    let accents_only = name != written && fold(&name) == fold(&written);
                    (c.population >= 100_000 && (primary || c.country == country) && !accents_only)
                        || c.region == Some(region)
                }
                _ => true,
            });
        }
        let fits = |e: Entry| {
            options
                .iter()
                .all(|opts| opts.iter().any(|&(o, _)| holds(o, e)))
        };
        let rank = |e: &(Entry, bool)| -> (bool, u8, u8, u32) {
            let strong = !e.1;
            match e.0 {
                Entry::City { id, primary } => (strong, 2, primary as u8, self.city(id).population),
                // A code alone: the region of a country that writes its codes, first first;
                // a name: the region with more people.
                Entry::Region(r) if !strong => {
                    let c = self.regions[r as usize].country;
                    let at = self.codes_written.iter().position(|&w| w == c);
                    (strong, 1, at.map_or(0, |i| u8::MAX - i as u8), 0)
                }
                Entry::Region(r) => (strong, 1, 0, self.region_people(r)),
                Entry::Country(_) => (strong, 0, 0, 0),
            }
        };
        let (best, _) = options
            .iter()
            .flatten()
            .copied()
            .filter(|&(e, _)| fits(e))
            .max_by_key(rank)?;
        let mut place = Place {
            name: text.trim().to_string(),
            ..Place::default()
        };
        match best {
            Entry::City { id, .. } => {
                let c = self.city(id);
                place.city = Some(c.name.to_string());
                place.region = c.region.map(|r| self.regions[r as usize].name.clone());
                place.country = Some(self.countries[c.country as usize].iso2.clone());
            }
            Entry::Region(r) => {
                let r = &self.regions[r as usize];
                place.region = Some(r.name.clone());
                place.country = Some(self.countries[r.country as usize].iso2.clone());
            }
            Entry::Country(c) => place.country = Some(self.countries[c as usize].iso2.clone()),
        }
        Some(place)
    }

    /// Whether a short piece of text — a header badge, a bracketed tag, a title's tail — names a
    /// place and nothing else: every part is a place and together they name one (no qualifier:
    /// "US Only" is more than a place), it is written as a name (a capital first, or a script
    /// without case: "Salem", "Magdeburg", "广州", "ბათუმი"), and it
    /// is not, whole, a common English word that is also some town's name ("Opportunity",
    /// "Mobile", "Normal").
    pub fn names_place(&self, piece: &str) -> bool {
        let p = piece.trim();
        // "'s-Hertogenbosch": the capital after the elided article.
        let name = p
            .strip_prefix("'s-")
            .or_else(|| p.strip_prefix("’s-"))
            .unwrap_or(p);
        let Some(first) = name.chars().find(|c| c.is_alphabetic()) else {
            return false;
        };
        // Georgian's letters have capitals (Mtavruli) that no one writes a name with.
        let georgian = ('\u{10D0}'..='\u{10FF}').contains(&first);
        let cased = first.is_uppercase() || !first.is_lowercase() || georgian;
        // Codes ("IT", "HR", "CA") are a department as often as a place, and "1 QA" a head
        // count: not by this test.
        let code = p.is_ascii() && p.len() <= 3 || p.chars().any(|c| c.is_ascii_digit());
        cased
            && !code
            && p.chars().count() <= 60
            && p.split_whitespace().count() <= 5
            && !is_common_word(p)
            && self.all_parts_agree(p)
    }

    /// Whether every part of a location is a place ("US Only" and "Remote located in the USA"
    /// are more than places) and they name one place together: the first part, when it can be
    /// a city or a region, is one inside the others ("Boston, MA"; not "OK, San Francisco, US",
    /// where "OK" was "Remote OK").
    fn all_parts_agree(&self, p: &str) -> bool {
        let parts = split_parts(p);
        let Some(first) = parts.first() else {
            return false;
        };
        if parts.iter().any(|part| self.lookup(part).is_empty()) {
            return false;
        }
        let Some(place) = self.resolve(p) else {
            return false;
        };
        let kinds = self.lookup(first);
        let any = |f: fn(&Entry) -> bool| kinds.iter().any(|(e, _)| f(e));
        if any(|e| matches!(e, Entry::City { .. })) {
            place.city.is_some()
        } else if any(|e| matches!(e, Entry::Region(_))) {
            place.region.is_some()
        } else {
            true
        }
    }

    /// The code of a region by its name, for messages and `loc:` matching.
    pub fn region_code(&self, country: &str, name: &str) -> Option<&str> {
        self.regions
            .iter()
            .find(|r| self.countries[r.country as usize].iso2 == country && r.name == name)
            .map(|r| r.code.as_str())
    }
}

/// The parts of a location: "San Francisco, CA 94105 (Hybrid)" → ["San Francisco", "CA 94105",
/// "Hybrid"]; a trailing postcode is dropped from its part.
fn split_parts(text: &str) -> Vec<String> {
    text.split([',', '/', '|', '(', ')', '·', '•', ';', '–', '—'])
        .flat_map(|p| p.split(" - "))
        .map(|p| {
            let words: Vec<&str> = p
                .split_whitespace()
                .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
                .collect();
            words.join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Words that may stand beside a place without being one.
fn is_qualifier(part: &str) -> bool {
    const WORDS: &[&str] = &[
        "remote",
        "hybrid",
        "onsite",
        "on site",
        "in office",
        "office",
        "hq",
        "headquarters",
        "area",
        "metro",
        "based",
        "in",
        "from",
        "within",
        "preferred",
        "metropolitan area",
        "greater",
        "only",
        "or",
        "and",
        "anywhere",
        "relocation",
        "visa",
        "full time",
        "part time",
        "flexible",
    ];
    let f = fold(part);
    WORDS.contains(&f.as_str())
}

#[cfg(test)]
mod tests {
    use super::table::{Entry, Prebuilt};

    #[test]
    fn every_row_of_the_table_is_found_by_its_own_name() {
        let g = super::Gazetteer::get();
        let (mut countries, mut regions, mut cities) = (0u16, 0u32, 0u32);
        for line in super::TABLE.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let (want, name) = match f[0] {
                "C" => (Entry::Country(countries), f[3]),
                "R" => (Entry::Region(regions), f[3]),
                _ => (
                    Entry::City {
                        id: cities,
                        primary: true,
                    },
                    f[3],
                ),
            };
            let key = super::fold(name);
            assert!(g.named(&key).contains(&want), "{line}");
            match want {
                Entry::Country(_) => countries += 1,
                Entry::Region(_) => regions += 1,
                Entry::City { id, .. } => {
                    let c = g.city(id);
                    assert_eq!((c.name, c.population.to_string()), (f[3], f[4].to_string()));
                    cities += 1;
                }
            }
        }
        assert_eq!(cities, g.table.city_count());
        assert_eq!(usize::from(countries), g.countries.len());
    }

    #[test]
    fn a_short_or_garbled_prebuilt_table_reads_as_empty() {
        let huge: Vec<u8> = [u32::MAX, 7, u32::MAX, 3]
            .into_iter()
            .flat_map(u32::to_le_bytes)
            .collect();
        let huge: &'static [u8] = huge.leak();
        for blob in [&[][..], &[1, 2, 3][..], huge] {
            let t = Prebuilt::new(blob, "");
            assert_eq!(t.get("berlin").count(), 0);
            assert_eq!(t.city_count(), 0);
            assert!(!t.made_from(""));
        }
    }

    #[test]
    fn an_index_made_from_another_table_is_known_for_one() {
        let fresh: &'static [u8] = super::table::build(TABLE).unwrap().leak();
        assert!(Prebuilt::new(fresh, TABLE).made_from(TABLE));
        // The index of an older table beside today's text: not taken for its index.
        let older = TABLE.replacen("San Francisco", "San Fransisco", 1);
        let blob: &'static [u8] = super::table::build(&older).unwrap().leak();
        assert!(!Prebuilt::new(blob, TABLE).made_from(TABLE));
    }

    #[test]
    fn ascii_names_fold_the_same_either_way() {
        let printable: String = (b' '..=b'~').map(char::from).collect();
        for s in [
            printable.as_str(),
            "St. Gallen",
            "  New   York, NY ",
            "O'Fallon",
            "--Berlin--(Mitte)",
            "",
        ] {
            assert_eq!(
                super::table::fold_ascii(s),
                super::table::fold_any(s),
                "{s:?}"
            );
        }
    }

    use super::*;

    fn r(s: &str) -> Option<(Option<String>, Option<String>, Option<String>)> {
        Gazetteer::get()
            .resolve(s)
            .map(|p| (p.city, p.region, p.country))
    }

    #[test]
    fn a_region_named_as_written_is_no_town_of_that_name_elsewhere() {
        let r = |s: &str| r(s).unwrap();
        assert_eq!(r("Bali"), (None, Some("Bali".into()), Some("ID".into())));
        // A large city of the name is still the city; a city named with its region stays.
        assert_eq!(r("Kent").0.as_deref(), Some("Kent"));
        assert_eq!(r("Springfield, IL").1.as_deref(), Some("Illinois"));
        assert_eq!(r("Jakarta Selatan").0.as_deref(), Some("Jakarta"));
    }

    #[test]
    fn a_piece_that_names_a_place_and_nothing_else() {
        let g = Gazetteer::get();
        for yes in [
            "Salem",
            "Magdeburg",
            "Amersfoort",
            "广州",
            "ბათუმი",
            "'s-Hertogenbosch",
            "Salem, Oregon",
            "Boston, MA",
        ] {
            assert!(g.names_place(yes), "{yes}");
        }
        for no in [
            "US Only",
            "VISA OK",
            "OK, San Francisco, US",
            "Heidi Melbourne, Victoria, Australia",
            "Opportunity",
            "Mobile",
            "Normal",
            "IT",
            "HR",
            "salem",
            "Operations",
            "Remote",
            "Senior Engineer",
            "",
        ] {
            assert!(!g.names_place(no), "{no}");
        }
    }

    fn city(s: &str) -> Option<String> {
        r(s).and_then(|x| x.0)
    }

    fn country(s: &str) -> Option<String> {
        r(s).and_then(|x| x.2)
    }

    #[test]
    fn aliases_and_spellings_meet_in_one_place() {
        for s in [
            "SF",
            "San Francisco",
            "San Francisco, CA",
            "San Francisco, California",
            "Bay Area",
        ] {
            assert_eq!(city(s).as_deref(), Some("San Francisco"), "{s}");
            assert_eq!(country(s).as_deref(), Some("US"), "{s}");
        }
        for s in ["NYC", "New York, NY", "New York City"] {
            assert_eq!(city(s).as_deref(), Some("New York City"), "{s}");
        }
        for s in ["München", "Munich", "Munich, Germany", "Muenchen"] {
            assert_eq!(city(s).as_deref(), Some("Munich"), "{s}");
        }
        for s in ["Bengaluru", "Bangalore", "Bangalore, India"] {
            assert_eq!(city(s).as_deref(), Some("Bengaluru"), "{s}");
        }
        for s in ["Gurgaon", "Gurugram"] {
            assert_eq!(city(s).as_deref(), Some("Gurugram"), "{s}");
        }
        assert_eq!(city("東京").as_deref(), Some("Tokyo"));
        assert_eq!(city("Zurich").as_deref(), Some("Zürich"));
    }

    #[test]
    fn countries_by_code_and_name_in_many_languages() {
        let g = Gazetteer::get();
        for s in [
            "DE",
            "DEU",
            "Germany",
            "Deutschland",
            "Allemagne",
            "Niemcy",
            "ドイツ",
            "독일",
        ] {
            assert_eq!(g.country(s).map(|c| c.iso2.as_str()), Some("DE"), "{s}");
        }
        for s in ["USA", "U.S.", "United States", "US"] {
            assert_eq!(country(s).as_deref(), Some("US"), "{s}");
        }
        assert_eq!(g.country("NOR").map(|c| c.name.as_str()), Some("Norway"));
        assert_eq!(g.country("CHL").map(|c| c.name.as_str()), Some("Chile"));
        assert_eq!(g.country("CA").map(|c| c.currency.as_str()), Some("CAD"));
        assert_eq!(country("UK").as_deref(), Some("GB"));
    }

    #[test]
    fn places_written_in_cyrillic_greek_and_vietnamese() {
        for (s, c) in [
            ("Москва", "Moscow"),
            ("Воронеж", "Voronezh"),
            ("Київ", "Kyiv"),
            ("Киев", "Kyiv"),
            ("Θεσσαλονίκη", "Thessaloníki"),
            ("Берлин", "Berlin"),
        ] {
            assert_eq!(city(s).as_deref(), Some(c), "{s}");
        }
        let g = Gazetteer::get();
        for (s, c) in [("Россия", "RU"), ("Україна", "UA"), ("Nhật Bản", "JP")] {
            assert_eq!(g.country(s).map(|c| c.iso2.as_str()), Some(c), "{s}");
        }
        // A language's short name for a country that is a word of its own, or another place's
        // name, is none: Vietnamese "Pháp" (France; also "law"), "Columbia" (a city's).
        for s in ["Pháp", "Đức", "Columbia", "Man"] {
            assert_eq!(g.country(s), None, "{s}");
        }
    }

    #[test]
    fn a_country_is_not_a_town_that_shares_its_name() {
        // "India" is also an alternate name of Inđija (Serbia); "Lebanon" a town in Pennsylvania.
        for (s, c) in [("India", "IN"), ("Lebanon", "LB"), ("Remote, India", "IN")] {
            assert_eq!(city(s), None, "{s}");
            assert_eq!(country(s).as_deref(), Some(c), "{s}");
        }
        assert_eq!(city("Bangalore, India").as_deref(), Some("Bengaluru"));
        assert_eq!(city("Lebanon, PA").as_deref(), Some("Lebanon"));
    }

    #[test]
    fn qualifiers_and_postcodes_are_not_places_but_do_not_spoil_them() {
        assert_eq!(
            city("San Francisco, CA 94105").as_deref(),
            Some("San Francisco")
        );
        assert_eq!(city("Berlin (Hybrid)").as_deref(), Some("Berlin"));
        assert_eq!(country("Remote (US only)").as_deref(), Some("US"));
        assert_eq!(r("Remote"), None);
    }

    #[test]
    fn a_part_that_is_not_a_place_makes_no_place() {
        assert_eq!(r("Reading the docs"), None);
        assert_eq!(r("Competitive salary"), None);
        assert_eq!(r("Python, Go"), None);
        // Reading alone is a town (the largest one: Reading, England).
        assert_eq!(country("Reading").as_deref(), Some("GB"));
        assert_eq!(
            r("Reading, PA").map(|x| x.1),
            Some(Some("Pennsylvania".into()))
        );
    }

    #[test]
    fn the_other_parts_choose_between_namesakes() {
        assert_eq!(r("Portland, OR").unwrap().1.as_deref(), Some("Oregon"));
        assert_eq!(r("Portland, Maine").unwrap().1.as_deref(), Some("Maine"));
        assert_eq!(country("London, Ontario").as_deref(), Some("CA"));
        assert_eq!(country("London").as_deref(), Some("GB"));
        assert_eq!(country("Toronto, ON").as_deref(), Some("CA"));
    }

    #[test]
    fn regions_sharing_a_name_rank_by_their_people_unless_another_part_chooses() {
        // Florida is a US state and a department of Uruguay; Córdoba a province of Argentina
        // and a department of Colombia.
        assert_eq!(country("Florida").as_deref(), Some("US"));
        assert_eq!(country("Florida, Uruguay").as_deref(), Some("UY"));
        assert_eq!(country("Córdoba, Colombia").as_deref(), Some("CO"));
        // A region by the name the aliases give it, not a small town named so elsewhere.
        assert_eq!(country("adjara").as_deref(), Some("GE"));
        assert_eq!(city("ბათუმი").as_deref(), Some("Batumi"));
        // A code alone is the region of a country whose codes postings write.
        let region = |s: &str| r(s).and_then(|x| x.1);
        assert_eq!(region("OR").as_deref(), Some("Oregon"));
        assert_eq!(region("ON").as_deref(), Some("Ontario"));
        assert_eq!(region("BC").as_deref(), Some("British Columbia"));
        assert_eq!(region("WA").as_deref(), Some("Washington"));
        assert_eq!(region("NSW").as_deref(), Some("New South Wales"));
        assert_eq!(region("Perth, WA").as_deref(), Some("Western Australia"));
    }

    #[test]
    fn groups_of_countries() {
        let g = Gazetteer::get();
        assert!(g.group("EU").unwrap().contains(&"DE".to_string()));
        assert!(!g.group("EU").unwrap().contains(&"GB".to_string()));
        assert!(g.group("emea").unwrap().contains(&"GB".to_string()));
        assert_eq!(g.group("Narnia"), None);
        // A group alone resolves to no town that shares its name.
        assert!(g.resolve("APAC").is_none());
        assert!(g.resolve("Apac, Uganda").is_some());
        let eu = g.group("EU").unwrap().to_vec();
        let names = |codes: &[String]| -> Vec<String> {
            g.name_countries(codes)
                .into_iter()
                .map(|(n, _)| n)
                .collect()
        };
        assert_eq!(names(&eu), ["EU"]);
        let mut eu_uk = eu.clone();
        eu_uk.push("GB".into());
        assert_eq!(names(&eu_uk), ["EU", "United Kingdom"]);
        assert_eq!(
            names(&["US".into(), "CA".into()]),
            ["Canada", "United States"]
        );
    }
}
