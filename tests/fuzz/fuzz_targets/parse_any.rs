//! The whole path a file takes: decode (encodings, sanitizing) → detect → parse → fields.
//! The first byte picks the file name (its extension is a format hint), the rest is the file.
#![no_main]

use jobdeck::posting::Posting;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((source, bytes)) = jobdeck_fuzz::split_source(data) else {
        return;
    };
    let result = jobdeck::parse::parse_bytes(bytes, source);
    jobdeck_fuzz::check_result(&result, source);
    if let Ok(postings) = result {
        for p in &postings {
            // `jobdeck parse` prints this JSON; the parse cache stores postcard.
            serde_json::to_string(p).expect("a posting serializes to JSON");
            let bin = postcard::to_allocvec(p).expect("a posting serializes to postcard");
            let back: Posting = postcard::from_bytes(&bin).expect("postcard reads back");
            assert_eq!(&back, p, "postcard round trip");
        }
    }
});
