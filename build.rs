//! Prebuilds the place gazetteer's name index from `assets/places.tsv` (see
//! `src/places/table.rs`), so that no start of jobdeck folds and hashes its 140,000 names.

#[path = "src/places/table.rs"]
#[allow(dead_code)]
mod table;

fn main() {
    println!("cargo::rerun-if-changed=assets/places.tsv");
    println!("cargo::rerun-if-changed=src/places/table.rs");
    // The language files are embedded with include_dir!, which sees a changed file but not a
    // new one: a new language file reruns this script, and so rebuilds the crate.
    println!("cargo::rerun-if-changed=assets/vocab/lang");
    let text = std::fs::read_to_string("assets/places.tsv").expect("read assets/places.tsv");
    let blob = table::build(&text).unwrap_or_else(|e| panic!("assets/places.tsv: {e}"));
    let out =
        std::path::Path::new(&std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("places.bin");
    std::fs::write(&out, blob).expect("write the prebuilt place table");
}
