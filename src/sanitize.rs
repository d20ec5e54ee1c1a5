//! Making untrusted text safe to show in a terminal.
//!
//! Postings come from the web. Before any other code sees their text, [`sanitize`] removes what
//! could move the cursor, change the terminal or mislead the reader: C0/C1 control characters
//! (newline and tab are kept), ANSI escape sequences (CSI, OSC — titles, hyperlinks, clipboard
//! writes —, DCS, SOS, PM, APC), and bidirectional override/isolate characters (Trojan Source).
//! Headline fields additionally lose zero-width characters ([`clean_field`]).

/// Removes control characters, escape sequences and bidi controls; normalizes line ends to `\n`.
pub fn sanitize(input: &str) -> String {
    // Fast path: most text has nothing to remove.
    if !has_attention(input) {
        return input.to_string();
    }
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {
                // CRLF and lone CR both end a line.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{1b}' => skip_escape(&mut chars),
            // 8-bit forms of CSI, OSC, DCS, SOS, PM, APC: skip their payload as well.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_removed(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Sanitizes a single-line field (title, company, location…): everything [`sanitize`] does, plus
/// zero-width characters removed, whitespace runs (including newlines) collapsed, ends trimmed.
pub fn clean_field(input: &str) -> String {
    let s = sanitize(input);
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        // A zero-width (non-)joiner between two letters of a script that joins them (Persian
        // "برنامه‌نویس", Devanagari) or inside an emoji sequence is part of the word's spelling.
        if matches!(c, '\u{200c}' | '\u{200d}')
            && out.chars().next_back().is_some_and(joins)
            && chars.peek().copied().is_some_and(joins)
        {
            out.push(c);
            continue;
        }
        if is_zero_width(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Sanitizes `s` in place, allocating only when something must go.
pub fn sanitize_in_place(s: &mut String) {
    if has_attention(s) {
        *s = sanitize(s);
    }
}

/// [`clean_field`] in place, allocating only when the field changes.
pub fn clean_field_in_place(s: &mut String) {
    let tidy = !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s
            .chars()
            .any(|c| (c.is_whitespace() && c != ' ') || needs_attention(c) || is_zero_width(c));
    if !tidy {
        *s = clean_field(s);
    }
}

/// Makes every text of a posting safe, wherever the format parser got it: JSON string escapes
/// (`\u001b`) and HTML character references (`&#x1b;`, `&#x202e;`) are decoded after the file's
/// text was sanitized, so what they produce is sanitized here, before anything reads the
/// posting. Headline texts (title, company, team, locations, skills, headings, the company card,
/// related jobs, the currency) become single clean lines; descriptions keep their lines.
pub fn sanitize_posting(p: &mut crate::posting::Posting) {
    let field = |v: &mut Option<String>| {
        if let Some(s) = v {
            clean_field_in_place(s);
            if s.is_empty() {
                *v = None;
            }
        }
    };
    field(&mut p.title);
    field(&mut p.company);
    field(&mut p.team);
    if let Some(crate::posting::Posted::Text(t)) = &p.posted {
        p.posted = crate::posting::Posted::text(t, clean_field);
    }
    field(&mut p.url);
    for list in [&mut p.locations, &mut p.skills, &mut p.benefits] {
        list.iter_mut().for_each(clean_field_in_place);
        list.retain(|s| !s.is_empty());
    }
    if let Some(s) = &mut p.salary {
        clean_field_in_place(&mut s.currency);
    }
    for s in &mut p.sections {
        field(&mut s.heading);
        sanitize_in_place(&mut s.body);
    }
    if let Some(c) = &mut p.company_info {
        field(&mut c.name);
        field(&mut c.stage);
        field(&mut c.size);
        field(&mut c.headquarters);
        field(&mut c.valuation);
        if let Some(a) = &mut c.about {
            sanitize_in_place(a);
        }
    }
    for r in &mut p.related {
        clean_field_in_place(&mut r.title);
        field(&mut r.company);
        field(&mut r.location);
    }
    p.warnings.iter_mut().for_each(clean_field_in_place);
}

/// A message for one line of a report (a skip reason, an error): [`clean_field`], cut to
/// `max` characters with an ellipsis.
pub fn one_line(s: &str, max: usize) -> String {
    let mut c = clean_field(s);
    if let Some((i, _)) = c.char_indices().nth(max) {
        c.truncate(i);
        c.push('…');
    }
    c
}

/// A path as shown to the user (a posting's `source`, a skipped file): anything [`sanitize`]
/// would remove, and zero-width characters, are made visible as `\u{…}` escapes instead, so that
/// a file named to attack the terminal is shown harmlessly yet stays distinguishable from its
/// innocent-looking twin. Bytes that are not UTF-8 are shown as U+FFFD.
pub fn shown_path(path: &std::path::Path) -> String {
    shown_text(&path.to_string_lossy())
}

/// Text from an untrusted source shown as it is, but with what [`shown_path`] makes visible
/// made visible (an id, a name that must stay recognisable).
pub fn shown_text(s: &str) -> String {
    if !s
        .chars()
        .any(|c| needs_attention(c) || is_zero_width(c) || c == '\n' || c == '\t')
    {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_attention(c) || is_zero_width(c) || c == '\n' || c == '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// True when [`sanitize`] would change `s` (lets callers skip the copy).
pub fn needs_sanitizing(s: &str) -> bool {
    has_attention(s)
}

/// Whether `s` holds a character [`needs_attention`] names: `s.chars().any(needs_attention)`,
/// read a byte at a time. Every such character's UTF-8 form starts with a byte below 0x20, 0x7F,
/// 0xC2, 0xD8, 0xE2 or 0xEF; other bytes are passed over with one table lookup, and only those
/// lead bytes are looked at closely (0xE2 starts common punctuation, ’ and –, too). Text read
/// from the parse cache goes through this, so it has to be fast.
fn has_attention(s: &str) -> bool {
    const fn lead_table() -> [bool; 256] {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            t[b] = b != b'\n' as usize && b != b'\t' as usize;
            b += 1;
        }
        t[0x7f] = true;
        t[0xc2] = true;
        t[0xd8] = true;
        t[0xe2] = true;
        t[0xef] = true;
        t
    }
    static LEAD: [bool; 256] = lead_table();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if LEAD[b[i] as usize] {
            let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
            let hit = match b[i] {
                0xc2 => (0x80..=0x9f).contains(&next(1)),
                0xd8 => next(1) == 0x9c,
                0xe2 => match next(1) {
                    0x80 => matches!(next(2), 0x8e | 0x8f | 0xa8..=0xae),
                    0x81 => (0xa6..=0xa9).contains(&next(2)),
                    _ => false,
                },
                0xef => next(1) == 0xbb && next(2) == 0xbf,
                _ => true,
            };
            if hit {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// True when a character would be dropped or transformed by [`sanitize`].
fn needs_attention(c: char) -> bool {
    c == '\r' || c == '\u{1b}' || c == '\u{2028}' || c == '\u{2029}' || is_removed(c)
}

/// Characters that are removed outright.
fn is_removed(c: char) -> bool {
    let u = c as u32;
    (u < 0x20 && c != '\n' && c != '\t')
        || (0x7f..=0x9f).contains(&u)
        || is_bidi_control(c)
        || c == '\u{feff}'
}

/// Bidirectional embedding, override and isolate controls, and the invisible direction marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// Takes out the characters that only say where a line may or may not break (a soft hyphen, a
/// word joiner), so that "$80\u{ad}-$125k" reads as a range and "Full\u{ad}time" as a word.
pub fn drop_break_hints(s: &mut String) {
    if s.contains(['\u{ad}', '\u{2060}']) {
        s.retain(|c| !matches!(c, '\u{ad}' | '\u{2060}'));
    }
}

/// A character a zero-width joiner or non-joiner may stand beside as part of a word's spelling:
/// a letter or mark of a script other than Latin's ASCII, or a symbol of an emoji sequence.
fn joins(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace() && !is_zero_width(c) && !needs_attention(c)
}

/// Zero-width characters that hide text in headline fields.
pub fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

/// Skips what follows an ESC: a CSI, a string command (OSC/DCS/SOS/PM/APC) or a two-byte escape.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        Some(c) if ('\u{20}'..='\u{7e}').contains(c) => {
            // nF escapes carry intermediate bytes (0x20–0x2F) before the final byte.
            while let Some(&c) = chars.peek() {
                chars.next();
                if !('\u{20}'..='\u{2f}').contains(&c) {
                    break;
                }
            }
        }
        _ => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte (0x40–0x7E).
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        if ('\u{20}'..='\u{3f}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// Skips a string command up to its terminator: BEL, ST (ESC \) or 8-bit ST (U+009C).
/// An unterminated string is dropped up to the end of its line, so text after it survives.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' => return,
            _ => {
                chars.next();
            }
        }
    }
}

/// True when the text holds nothing a terminal would act on (used by tests and assertions).
pub fn is_clean(s: &str) -> bool {
    !s.chars()
        .any(|c| c != '\n' && c != '\t' && (needs_attention(c) || is_removed(c)))
}

#[cfg(test)]
mod fast_path {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The byte-level check says exactly what the character-level one says.
        #[test]
        fn the_byte_scan_agrees_with_the_char_scan(s in "(\\PC|[\u{0}-\u{1f}\u{7f}-\u{9f}\u{61c}\u{200b}-\u{202f}\u{2060}-\u{206f}\u{feff}\u{2019}\u{2013}])*") {
            prop_assert_eq!(has_attention(&s), s.chars().any(needs_attention));
        }
    }

    #[test]
    fn every_character_that_needs_attention_is_found() {
        for u in 0..=0x10ffffu32 {
            let Some(c) = char::from_u32(u) else { continue };
            let s = format!("ab{c}cd");
            assert_eq!(has_attention(&s), needs_attention(c), "U+{u:04X}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_ordinary_text() {
        let s = "採用 Senior Engineer — café 🚀\n\tbullet";
        assert_eq!(sanitize(s), s);
    }

    #[test]
    fn removes_escape_sequences() {
        assert_eq!(sanitize("a\x1b[31mred\x1b[0m b"), "ared b");
        assert_eq!(sanitize("x\x1b]0;pwned title\x07y"), "xy");
        assert_eq!(
            sanitize("x\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\y"),
            "xlinky"
        );
        assert_eq!(sanitize("x\x1b]52;c;ZXZpbA==\x07y"), "xy");
        assert_eq!(sanitize("x\x1bPq#0;2;0;0;0\x1b\\y"), "xy");
        assert_eq!(sanitize("x\u{9b}2Jy"), "xy");
        assert_eq!(sanitize("x\x1b(By"), "xy");
        assert_eq!(sanitize("trailing\x1b"), "trailing");
    }

    #[test]
    fn removes_controls_and_bidi() {
        assert_eq!(sanitize("a\x00b\x07c\x08d\x7fe\u{85}f"), "abcdef");
        assert_eq!(sanitize("admin\u{202e}\u{2066}txt\u{2069}"), "admintxt");
        assert_eq!(sanitize("l1\r\nl2\rl3"), "l1\nl2\nl3");
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        assert_eq!(sanitize("a\x1b]2;title\nnext"), "a\nnext");
    }

    #[test]
    fn clean_field_collapses_and_drops_zero_width() {
        assert_eq!(
            clean_field("  Senior\u{200b} Engineer \n (Backend) "),
            "Senior Engineer (Backend)"
        );
        assert!(is_clean(&clean_field("x\x1b[2Jy\u{202e}")));
        // A non-joiner between a script's letters is spelling (Persian); between Latin
        // letters, or at an edge, it hides nothing worth keeping.
        assert_eq!(clean_field("برنامه\u{200c}نویس"), "برنامه\u{200c}نویس");
        assert_eq!(clean_field("Goo\u{200c}gle\u{200d}"), "Google");
        assert_eq!(clean_field("\u{200d}نویس \u{200c}x"), "نویس x");
    }

    #[test]
    fn a_posting_is_sanitized_whatever_its_parser_decoded() {
        use crate::posting::{CompanyInfo, Period, Posting, RelatedJob, Salary, Section};
        let mut p = Posting {
            title: Some("Evil\u{200b} Engineer\x1b]2;pwned\x07\u{202e}".into()),
            locations: vec!["Ber\u{200b}lin".into(), "\x1b[2J".into()],
            salary: Salary::new(Some(1.0), None, "\x1b]2;x\x07EUR", Period::Year),
            sections: vec![Section {
                heading: Some("About\u{9b}31m us".into()),
                body: "line\x1b[31m one\nline two\u{2066}".into(),
            }],
            company_info: Some(Box::new(CompanyInfo {
                about: Some("we\x1b]52;c;ZXZpbA==\x07 build".into()),
                ..Default::default()
            })),
            related: vec![RelatedJob {
                title: "Other\x1b[1m job".into(),
                company: None,
                location: Some("\u{202e}".into()),
            }],
            warnings: vec!["bad\x07 thing".into()],
            ..Default::default()
        };
        sanitize_posting(&mut p);
        assert_eq!(p.title.as_deref(), Some("Evil Engineer"));
        assert_eq!(p.locations, ["Berlin"]);
        assert_eq!(p.salary.unwrap().currency, "EUR");
        assert_eq!(p.sections[0].heading.as_deref(), Some("About us"));
        assert_eq!(p.sections[0].body, "line one\nline two");
        assert_eq!(p.company_info.unwrap().about.as_deref(), Some("we build"));
        assert_eq!(p.related[0].title, "Other job");
        assert_eq!(p.related[0].location, None);
        assert_eq!(p.warnings, ["bad thing"]);
    }

    #[test]
    fn paths_show_their_controls() {
        use std::path::Path;
        assert_eq!(shown_path(Path::new("a/b c.txt")), "a/b c.txt");
        assert_eq!(
            shown_path(Path::new("a/\x1b]2;x\x07\u{202e}\n.txt")),
            "a/\\u{1b}]2;x\\u{7}\\u{202e}\\u{a}.txt"
        );
    }

    #[test]
    fn one_line_messages_are_cut() {
        assert_eq!(one_line("a\nb\x1b[2J c", 10), "a b c");
        assert_eq!(one_line("é".repeat(20).as_str(), 3), "ééé…");
    }
}
