//! Bytes → sanitized text: BOM sniffing (UTF-8, UTF-16), UTF-8 validation, legacy encodings
//! detected with chardetng (Windows-1252, Latin-1…), line ends normalized, controls removed.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::SkipReason;
use crate::sanitize::sanitize;

/// How many leading bytes are inspected for signs of a binary file.
const SNIFF_LEN: usize = 8192;

/// Decodes a file's bytes into sanitized text, or says why it is not text.
pub fn decode(bytes: &[u8]) -> Result<String, SkipReason> {
    if bytes.is_empty() {
        return Err(SkipReason::Empty);
    }
    let text = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && (enc == UTF_16LE || enc == UTF_16BE) {
            return Err(SkipReason::Binary("invalid UTF-16".into()));
        }
        text.into_owned()
    } else {
        if looks_binary(bytes) {
            return Err(SkipReason::Binary(
                "binary data (NUL or control bytes)".into(),
            ));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => {
                let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                det.feed(bytes, true);
                let enc = det.guess(None, chardetng::Utf8Detection::Deny);
                let enc = if enc == UTF_8 {
                    encoding_rs::WINDOWS_1252
                } else {
                    enc
                };
                let (text, _, _) = enc.decode(bytes);
                text.into_owned()
            }
        }
    };
    let clean = sanitize(&text);
    if clean.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    Ok(clean)
}

/// A file is binary when its head holds NUL bytes or many C0 controls other than whitespace.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    controls * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("héllo".as_bytes()).unwrap(), "héllo");
        assert_eq!(decode(b"\xef\xbb\xbfh\xc3\xa9llo").unwrap(), "héllo");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xff, 0xfe];
        for u in "Café\r\nJob".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap(), "Café\nJob");
        let mut be = vec![0xfe, 0xff];
        for u in "Café".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap(), "Café");
    }

    #[test]
    fn windows_1252_is_detected() {
        // "Café – salaire 60 000 €" in Windows-1252.
        let bytes = b"Caf\xe9 \x96 salaire annuel 60 000 \x80 pour le d\xe9veloppeur";
        let text = decode(bytes).unwrap();
        assert!(text.starts_with("Café – salaire"), "{text}");
        assert!(text.contains('€'));
    }

    #[test]
    fn empty_and_binary_are_skipped() {
        assert!(matches!(decode(b""), Err(SkipReason::Empty)));
        assert!(matches!(decode(b"  \n\t \r\n"), Err(SkipReason::Empty)));
        assert!(matches!(
            decode(b"\x7fELF\x02\x01\x00\x00"),
            Err(SkipReason::Binary(_))
        ));
        assert!(matches!(
            decode(&[1u8, 2, 3, 4, 5, 6, 7, 8][..]),
            Err(SkipReason::Binary(_))
        ));
    }
}
