//! The e-mail reader (RFC 822 / MIME) on any bytes (decoded and sanitized as a file would be),
//! whatever the format detector would say of them.
#![no_main]

use jobdeck::posting::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    jobdeck_fuzz::fuzz_parser(data, Format::Email, "fuzz.eml");
});
