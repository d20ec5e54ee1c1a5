//! The format detector (and the sniffers it is made of) on any decoded text. The first byte
//! picks the file name, whose extension is a hint.
#![no_main]

use jobdeck::parse::readers::{board, csv, email, hn, html, json, markdown};
use jobdeck::parse::{Document, decode, detect, markdown_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((source, bytes)) = jobdeck_fuzz::split_source(data) else {
        return;
    };
    let Ok(text) = decode::decode(bytes) else {
        return;
    };
    let doc = Document {
        text: &text,
        source,
    };
    let format = detect::detect(&doc);
    assert_eq!(format, detect::detect(&doc), "detection is deterministic");
    let _ = detect::detect_text(&doc);
    let _ = board::looks_like_board(&text);
    let _ = json::looks_like_json(&text);
    let _ = html::looks_like_html(&text, source);
    let _ = markdown_text::looks_markdown(&text);
    let _ = markdown::split_front_matter(&text);
    let _ = hn::looks_like_thread(&text);
    let _ = hn::looks_like_post(&text);
    let _ = csv::header_delimiter(&text);
    let _ = email::looks_like_email(&text);
});
