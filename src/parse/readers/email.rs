//! Saved e-mails (RFC 822 / MIME, `.eml`): recruiters' messages and job-alert mails, through the
//! `mail-parser` crate (MIME multipart, quoted-printable, base64, encoded words). What it
//! unwraps: the Subject (which often holds the title, the place and more), the Organization
//! header, the sender's name and domain (weak facts about the employer), and the text body —
//! the HTML body rendered when there is no plain one — as blocks, quoted replies dropped.

use std::sync::LazyLock;

use mail_parser::MessageParser;
use regex::Regex;

use super::super::SkipReason;
use super::super::doc::{Doc, Key, Origin};
use super::super::html_text;
use super::label_facts;
use crate::posting::Format;

/// Header names that open a saved e-mail.
const HEADERS: &[&str] = &[
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "mime-version",
    "received",
    "return-path",
    "delivered-to",
    "reply-to",
    "content-type",
    "x-mailer",
    "organization",
    "sender",
    "thread-topic",
];

/// Whether a text is a saved e-mail: it opens with a block of mail headers (at least two known
/// ones, among them From or Subject), or an mbox "From " line.
pub fn looks_like_email(text: &str) -> bool {
    static HEADER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<name>[A-Za-z][A-Za-z0-9-]{1,40}):\s*\S").expect("valid regex")
    });
    let mut known = 0;
    let mut from_or_subject = false;
    for (i, line) in text.lines().take(60).enumerate() {
        if line.trim().is_empty() {
            break;
        }
        if i == 0 && line.starts_with("From ") && line.contains('@') {
            known += 1;
            continue;
        }
        if line.starts_with([' ', '\t']) {
            continue; // a folded header line
        }
        let Some(c) = HEADER.captures(line) else {
            return false;
        };
        let name = c["name"].to_ascii_lowercase();
        if HEADERS.contains(&name.as_str()) {
            known += 1;
            from_or_subject |= name == "from" || name == "subject";
        }
    }
    known >= 2 && from_or_subject
}

pub fn read(text: &str) -> Result<Vec<Doc>, SkipReason> {
    let Some(msg) = MessageParser::default().parse(text.as_bytes()) else {
        return Err(SkipReason::Malformed {
            format: "e-mail",
            detail: "no mail headers".into(),
        });
    };
    let mut d = Doc::new(Format::Email);
    if let Some(s) = msg.subject() {
        let s = strip_reply_prefix(s);
        d.text(Key::Subject, s, Origin::Email);
    }
    if let Some(org) = msg.header_raw("Organization") {
        d.text(Key::Company, org.trim(), Origin::Email);
    }
    if let Some(domain) = msg.from().and_then(|a| a.first()).and_then(|addr| {
        addr.address()
            .and_then(|a| a.rsplit_once('@'))
            .map(|(_, d)| d.to_lowercase())
            .filter(|d| !crate::parse::vocab::domains().free_mail.contains(d))
    }) {
        // "careers@acme-robotics.com" → "acme-robotics": a weak hint, confirmed by the text.
        // A board's or an ATS's address ("phil@ziprecruiter.com") names the sender, not the
        // employer.
        let labels: Vec<&str> = domain.split('.').collect();
        if labels.len() >= 2 {
            let name = labels[labels.len() - 2];
            if !crate::parse::vocab::domains().job_platforms.contains(name) {
                d.text(Key::Company, name, Origin::Page);
            }
        }
    }
    let body = msg
        .body_text(0)
        .map(|t| t.into_owned())
        .or_else(|| msg.body_html(0).map(|h| html_text::fragment_to_text(&h)))
        .unwrap_or_default();
    // A job alert: each card between its rules is a posting.
    if let Some(cards) = super::digest::read(&body, Format::Email) {
        return Ok(cards);
    }
    let lines: Vec<&str> = body
        .lines()
        .filter(|l| !l.trim_start().starts_with('>'))
        .collect();
    let lines = super::super::blocks::unwrap_hard_breaks(&lines);
    d.add_lines(lines.iter().map(String::as_str));
    label_facts(&mut d);
    if d.blocks.is_empty() && !d.has(Key::Subject) {
        return Err(SkipReason::NoPosting("e-mail without text".into()));
    }
    Ok(vec![d])
}

/// "Re: Fwd: Senior Engineer – Berlin" → "Senior Engineer – Berlin".
fn strip_reply_prefix(s: &str) -> &str {
    let mut t = s.trim();
    loop {
        let lower = t.to_ascii_lowercase();
        let Some(p) = ["re:", "fwd:", "fw:", "aw:", "wg:", "tr:", "rv:"]
            .iter()
            .find(|p| lower.starts_with(**p))
        else {
            return t;
        };
        t = t[p.len()..].trim_start();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAIL: &str = "From: Jane Recruiter <jane@acme-robotics.com>\r\nTo: you@example.com\r\nSubject: Re: Senior Rust Engineer - Berlin (Hybrid)\r\nOrganization: Acme Robotics GmbH\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nHi,\r\n\r\nWe are hiring a Senior Rust Engineer for our Berlin office.\r\nLocation: Berlin, Germany\r\nSalary: =E2=82=AC80k - =E2=82=AC95k\r\n> old quoted text\r\n";

    #[test]
    fn a_board_s_address_names_no_employer() {
        let mail = MAIL
            .replace("jane@acme-robotics.com", "phil@ziprecruiter.com")
            .replace("Organization: Acme Robotics GmbH\r\n", "");
        let d = read(&mail).unwrap().remove(0);
        assert_eq!(d.texts(Key::Company).count(), 0);
        // A job alert: the employer is in the subject, the board in the footer.
        let alert = mail
            .replace(
                "Re: Senior Rust Engineer - Berlin (Hybrid)",
                "Volt is looking for candidates like you!",
            )
            .replace(
                "> old quoted text\r\n",
                "ZipRecruiter provides pay estimates.\r\nZipRecruiter, Inc. All Rights Reserved. Apple Inc.\r\n",
            );
        let p = crate::parse::parse_text(&alert, "alert.eml").unwrap();
        assert_eq!(p[0].company.as_deref(), Some("Volt"));
    }

    #[test]
    fn headers_and_body() {
        assert!(looks_like_email(MAIL));
        assert!(!looks_like_email("Senior Engineer\nLocation: Berlin\n"));
        let d = read(MAIL).unwrap().remove(0);
        let all = |k: Key| d.texts(k).map(|(t, _)| t.to_string()).collect::<Vec<_>>();
        assert_eq!(
            all(Key::Subject),
            ["Senior Rust Engineer - Berlin (Hybrid)"]
        );
        assert_eq!(all(Key::Company), ["Acme Robotics GmbH", "acme-robotics"]);
        assert_eq!(all(Key::Location), ["Berlin, Germany"]);
        assert_eq!(all(Key::Salary), ["€80k - €95k"]);
        assert!(!d.blocks.iter().any(|b| b.text.contains("old quoted")));
    }
}
