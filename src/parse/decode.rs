//! Bytes → sanitized text: BOM sniffing (UTF-8, UTF-16), UTF-8 validation, legacy encodings
//! detected with chardetng (Windows-1252, Latin-1…), line ends normalized, controls removed.

use std::borrow::Cow;

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
            Ok(s) => repair_mojibake(s).into_owned(),
            // UTF-8 with a few bad bytes (a paste, a join of two files): each bad byte costs one
            // character, not the file.
            Err(_) if has_utf8_multibyte(bytes) => mixed(bytes),
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
    let mut clean = sanitize(&text);
    crate::sanitize::drop_break_hints(&mut clean);
    if clean.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    Ok(clean)
}

/// Whether the bytes hold well-formed multi-byte UTF-8 characters: the file was written as
/// UTF-8, and its invalid bytes are damage, not a legacy encoding.
fn has_utf8_multibyte(bytes: &[u8]) -> bool {
    bytes
        .utf8_chunks()
        .any(|c| c.valid().bytes().any(|b| b >= 0x80))
}

/// UTF-8 with invalid bytes: the valid runs as they are, each invalid byte read as
/// Windows-1252 (a stray "\xe9" is "é").
fn mixed(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(&repair_mojibake(chunk.valid()));
        let (bad, _, _) = encoding_rs::WINDOWS_1252.decode(chunk.invalid());
        out.push_str(&bad);
    }
    out
}

/// The byte a character stands for in Windows-1252 (or, for U+0080–U+00FF, in Latin-1).
fn cp1252_byte(c: char) -> Option<u8> {
    if (0x80..=0xFF).contains(&(c as u32)) {
        return Some(c as u8);
    }
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
    (!unmappable && bytes.len() == 1).then(|| bytes[0])
}

/// UTF-8 that was read once as Windows-1252 and written again ("â€“" for "–", "Ã©" for
/// "é", "Ð¿" for "п"), put right: a lead character and the continuation characters its
/// UTF-8 byte needs, which together decode as one character. Text without such runs is left as
/// it is, borrowed.
pub(crate) fn repair_mojibake(s: &str) -> Cow<'_, str> {
    if !s.contains(['Â', 'Ã', 'Ä', 'Å', 'Î', 'Ï', 'Ð', 'Ñ', 'â', 'ï']) {
        return Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // The leads of Latin, Greek and Cyrillic letters and of punctuation ("â€“"): other
        // leads before two such characters are more likely real text ("café…»").
        let len = match c as u32 {
            0xC2..=0xC5 | 0xCE..=0xD1 => 2,
            0xE2 | 0xEF => 3,
            _ => 0,
        };
        if len > 0 && i + len <= chars.len() {
            let mut buf = [c as u8, 0, 0, 0];
            let ok = (1..len).all(|k| {
                cp1252_byte(chars[i + k])
                    .filter(|b| (0x80..=0xBF).contains(b))
                    .map(|b| buf[k] = b)
                    .is_some()
            });
            if ok && let Ok(fixed) = std::str::from_utf8(&buf[..len]) {
                out.push_str(fixed);
                i += len;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    Cow::Owned(out)
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
    fn one_bad_byte_costs_one_character_not_the_file() {
        // UTF-8 with a stray Windows-1252 byte.
        let bytes = b"D\xc3\xa9veloppeur \xe2\x80\x93 Z\xc3\xbcrich, 90\x80 bonus";
        assert_eq!(decode(bytes).unwrap(), "Développeur – Zürich, 90€ bonus");
    }

    #[test]
    fn utf8_read_as_windows_1252_is_put_right() {
        assert_eq!(
            decode("Software Engineer â€“ $95-$250K, CafÃ©".as_bytes()).unwrap(),
            "Software Engineer – $95-$250K, Café"
        );
        // Real Latin-1 text with such letters stays as it is.
        assert_eq!(
            decode("São Paulo, Âmbito".as_bytes()).unwrap(),
            "São Paulo, Âmbito"
        );
        assert_eq!(decode("ÂÃ".as_bytes()).unwrap(), "ÂÃ");
        assert_eq!(
            decode("Un café…» dit-il".as_bytes()).unwrap(),
            "Un café…» dit-il"
        );
        assert_eq!(decode("Ð¿Ñ€Ð¸Ð²ÐµÑ‚".as_bytes()).unwrap(), "привет");
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
