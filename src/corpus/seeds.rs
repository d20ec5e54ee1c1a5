//! The seed postings shipped in `seeds/`, compiled into the binary so that `jobdeck` started
//! anywhere with no folder opens them. Every file of the folder is embedded; none is named here.

use include_dir::{Dir, include_dir};

static SEEDS_DIR: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/seeds");

/// The built-in seed postings as (file name, bytes), sorted by name.
pub fn seeds() -> Vec<(&'static str, &'static [u8])> {
    let mut out: Vec<_> = SEEDS_DIR
        .files()
        .filter_map(|f| Some((f.path().file_name()?.to_str()?, f.contents())))
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    out.sort_by_key(|(name, _)| *name);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_seed_file_is_embedded_byte_for_byte() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut on_disk: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        on_disk.sort();
        let seeds = super::seeds();
        assert_eq!(on_disk.len(), seeds.len());
        for (name, bytes) in seeds {
            assert_eq!(std::fs::read(dir.join(name)).unwrap(), bytes, "{name}");
        }
    }
}
