//! Pulling into a board folder: writing what the board lists and updating the folder's
//! tracking record ([`crate::corpus::track`], which describes its format), field by field.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::{Item, Kind, Listing, ListingBody, Summary, Validators};
use crate::corpus::track::{BoardRecord, LoadError, PostingRecord, TRACK_FILE};
use crate::posting::{FieldChange, Posting};

/// The validators to ask a board's listing with: those of its record, when every open posting
/// the record names still has its file (otherwise a 304 would leave them missing).
pub fn prior_validators(dir: &Path, max_bytes: u64) -> Option<Validators> {
    let rec = BoardRecord::load(dir, max_bytes).ok()??;
    let complete = rec
        .postings
        .values()
        .filter(|r| r.closed.is_none())
        .all(|r| dir.join(&r.file).is_file());
    (complete && rec.validators != Validators::default()).then_some(rec.validators)
}

/// Brings a board folder up to date with what its board listed at `now`: writes new and
/// changed postings (atomically), records what was first seen, what changed field by field,
/// what closed and what came back, then saves the record.
pub fn apply(
    dir: &Path,
    kind: Kind,
    listing: Listing,
    now: OffsetDateTime,
    max_bytes: u64,
) -> Result<Summary, String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create {}: {e}", crate::sanitize::shown_path(dir)))?;
    let mut summary = Summary {
        board: listing.board.clone(),
        dir: dir.to_path_buf(),
        ..Summary::default()
    };
    let mut rec = open_record(dir, kind, &listing.board, max_bytes, &mut summary)?;
    match listing.body {
        ListingBody::NotModified => {
            summary.not_modified = true;
            for r in rec.postings.values_mut().filter(|r| r.closed.is_none()) {
                r.last_seen = now;
            }
        }
        ListingBody::Items { items, validators } => {
            let mut listed = HashSet::new();
            for item in items {
                listed.insert(item.id.clone());
                update_posting(dir, &mut rec, &item, now, max_bytes, &mut summary)?;
            }
            for (id, r) in rec.postings.iter_mut() {
                if !listed.contains(id) && r.closed.is_none() {
                    r.closed = Some(now);
                    summary.closed += 1;
                }
            }
            rec.validators = validators;
        }
    }
    rec.previous_pull = rec.last_pull.replace(now);
    summary.postings = rec.postings.values().filter(|r| r.closed.is_none()).count();
    let json = serde_json::to_vec_pretty(&rec).map_err(|e| e.to_string())?;
    write_file(dir, TRACK_FILE, &json)?;
    Ok(summary)
}

/// Writes a file of the board folder atomically.
fn write_file(dir: &Path, file: &str, bytes: &[u8]) -> Result<(), String> {
    crate::fsio::write_atomic(&dir.join(file), bytes, &mut |_, _| Ok(()))
        .map(drop)
        .map_err(|e| e.to_string())
}

/// The board folder's record: a new one when there is none, or when it did not parse (then
/// set aside, with a notice); a record of a newer jobdeck stops the pull.
fn open_record(
    dir: &Path,
    kind: Kind,
    board: &str,
    max_bytes: u64,
    summary: &mut Summary,
) -> Result<BoardRecord, String> {
    match BoardRecord::load(dir, max_bytes) {
        Ok(Some(r)) => Ok(r),
        Ok(None) => Ok(BoardRecord::new(kind.name(), board)),
        Err(LoadError::Newer(v)) => Err(format!(
            "its tracking record was written by a newer jobdeck (version {v}); not pulled"
        )),
        Err(LoadError::Bad(e)) => {
            let aside = set_aside(&dir.join(TRACK_FILE)).map_err(|err| {
                format!("the tracking record is unreadable ({e}) and cannot be set aside: {err}")
            })?;
            summary.notices.push(format!(
                "the tracking record did not parse ({e}); kept as {} and started anew",
                crate::sanitize::shown_path(&aside)
            ));
            Ok(BoardRecord::new(kind.name(), board))
        }
    }
}

/// One listed posting: its file written when new or different, its record seen now, and
/// what came back or changed.
fn update_posting(
    dir: &Path,
    rec: &mut BoardRecord,
    item: &Item,
    now: OffsetDateTime,
    max_bytes: u64,
    summary: &mut Summary,
) -> Result<(), String> {
    let file = format!("{}.{}", item.id, item.ext);
    let path = dir.join(&file);
    let old = path
        .is_file()
        .then(|| crate::corpus::walk::read_limited(&path, max_bytes).ok())
        .flatten();
    let differs = old.as_deref() != Some(item.bytes.as_slice());
    if differs {
        write_file(dir, &file, &item.bytes)?;
    }
    let Some(r) = rec.postings.get_mut(&item.id) else {
        summary.new += 1;
        rec.postings.insert(
            item.id.clone(),
            PostingRecord {
                file,
                first_seen: now,
                last_seen: now,
                closed: None,
                changes: Vec::new(),
            },
        );
        return Ok(());
    };
    r.last_seen = now;
    r.file = file.clone();
    let mut changed = false;
    if r.closed.take().is_some() {
        summary.reopened += 1;
        r.changes.push(FieldChange {
            field: "status".into(),
            from: Some("closed".into()),
            to: Some("open".into()),
            at: now,
        });
        changed = true;
    }
    if differs && let Some(old) = &old {
        let fields = diff(old, &item.bytes, &file, now);
        changed |= !fields.is_empty();
        r.changes.extend(fields);
    }
    if changed {
        summary.changed += 1;
    }
    Ok(())
}

/// The field changes between two versions of a posting's file, as jobdeck parses them.
pub fn diff(old: &[u8], new: &[u8], name: &str, at: OffsetDateTime) -> Vec<FieldChange> {
    let first = |b: &[u8]| {
        crate::parse::parse_bytes(b, name)
            .ok()
            .and_then(|v| v.into_iter().next())
    };
    let (Some(a), Some(b)) = (first(old), first(new)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut field = |name: &str, from: Option<String>, to: Option<String>| {
        if from != to {
            out.push(FieldChange {
                field: name.into(),
                from,
                to,
                at,
            });
        }
    };
    field("title", a.title.clone(), b.title.clone());
    let salary = |p: &Posting| p.salary.as_ref().map(|s| s.compact());
    field("salary", salary(&a), salary(&b));
    let places = |p: &Posting| (!p.locations.is_empty()).then(|| p.locations.join("; "));
    field("locations", places(&a), places(&b));
    field(
        "work_mode",
        a.work_mode.map(|m| m.to_string()),
        b.work_mode.map(|m| m.to_string()),
    );
    field(
        "employment_type",
        a.employment_type.map(|m| m.to_string()),
        b.employment_type.map(|m| m.to_string()),
    );
    if let Some((from, to)) = text_change(&a.description_text(), &b.description_text()) {
        field("description", Some(from), Some(to));
    }
    out
}

/// Whether two descriptions differ (beyond whitespace), and their first differing lines,
/// shortened, to show what changed.
fn text_change(a: &str, b: &str) -> Option<(String, String)> {
    let lines = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect()
    };
    let (la, lb) = (lines(a), lines(b));
    if la == lb {
        return None;
    }
    let i = la.iter().zip(&lb).take_while(|(x, y)| x == y).count();
    let show = |v: &[String]| -> String {
        let line = v.get(i).map_or("(nothing)", String::as_str);
        let mut s: String = line.chars().take(80).collect();
        if line.chars().count() > 80 {
            s.push('…');
        }
        s
    };
    Some((show(&la), show(&lb)))
}

/// Renames an unparsable record to `<name>.corrupt-<time>` beside it.
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = crate::store::now().unix_timestamp();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let target = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    std::fs::rename(path, &target)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pull::Item;
    use time::macros::datetime;

    fn listing(items: &[(&str, &str)]) -> Listing {
        Listing {
            board: "acme".into(),
            body: ListingBody::Items {
                items: items
                    .iter()
                    .map(|(id, text)| Item {
                        id: id.to_string(),
                        bytes: text.as_bytes().to_vec(),
                        ext: "json",
                    })
                    .collect(),
                validators: Validators::default(),
            },
        }
    }

    fn job(title: &str, salary: &str) -> String {
        serde_json::json!({
            "title": title, "company": "Acme", "location": "Berlin, Germany",
            "description": format!("We build anvils in Rust. Salary: {salary} per year. Apply today, we answer in a week.")
        })
        .to_string()
    }

    #[test]
    fn new_changed_closed_and_reopened_across_pulls() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("acme");
        let (a, b) = (
            job("Rust Engineer", "$150,000 - $180,000"),
            job("Designer", "$90,000 - $100,000"),
        );
        let s = apply(
            &d,
            Kind::Greenhouse,
            listing(&[("1", &a), ("2", &b)]),
            datetime!(2026-12-01 09:00 UTC),
            1 << 20,
        )
        .unwrap();
        assert_eq!((s.postings, s.new, s.changed, s.closed), (2, 2, 0, 0));
        // The salary of 1 changes, 2 goes, 3 comes.
        let a2 = job("Rust Engineer", "$160,000 - $190,000");
        let c = job("Manager", "$200,000 - $220,000");
        let s = apply(
            &d,
            Kind::Greenhouse,
            listing(&[("1", &a2), ("3", &c)]),
            datetime!(2026-12-02 09:00 UTC),
            1 << 20,
        )
        .unwrap();
        assert_eq!((s.postings, s.new, s.changed, s.closed), (2, 1, 1, 1));
        let rec = BoardRecord::load(&d, 1 << 20).unwrap().unwrap();
        let one = rec.pulled("1").unwrap();
        assert!(one.changed && !one.new);
        let salary: Vec<_> = one.changes.iter().filter(|c| c.field == "salary").collect();
        assert_eq!(salary.len(), 1, "{:?}", one.changes);
        assert_eq!(
            salary[0].describe(),
            "salary $150k–180k/yr → $160k–190k/yr on 2026-12-02"
        );
        assert_eq!(
            rec.pulled("2").unwrap().closed,
            Some(datetime!(2026-12-02 09:00 UTC))
        );
        assert!(rec.pulled("3").unwrap().new);
        assert!(d.join("2.json").is_file(), "a closed posting's file stays");
        // 2 comes back: reopened, a change of status.
        let s = apply(
            &d,
            Kind::Greenhouse,
            listing(&[("1", &a2), ("2", &b), ("3", &c)]),
            datetime!(2026-12-03 09:00 UTC),
            1 << 20,
        )
        .unwrap();
        assert_eq!(
            (s.postings, s.new, s.changed, s.closed, s.reopened),
            (3, 0, 1, 0, 1)
        );
        let two = BoardRecord::load(&d, 1 << 20)
            .unwrap()
            .unwrap()
            .pulled("2")
            .unwrap();
        assert_eq!(two.closed, None);
        assert_eq!(two.changes.last().unwrap().field, "status");
    }

    #[test]
    fn a_broken_record_is_set_aside_and_a_newer_one_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("acme");
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join(TRACK_FILE), "{not json").unwrap();
        let s = apply(
            &d,
            Kind::Lever,
            listing(&[("1", &job("A", "$1"))]),
            datetime!(2026-12-01 09:00 UTC),
            1 << 20,
        )
        .unwrap();
        assert_eq!(s.notices.len(), 1, "{s:?}");
        assert!(std::fs::read_dir(&d).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".corrupt-")
        }));
        std::fs::write(d.join(TRACK_FILE), r#"{"version": 99}"#).unwrap();
        let e = apply(
            &d,
            Kind::Lever,
            listing(&[]),
            datetime!(2026-12-02 09:00 UTC),
            1 << 20,
        )
        .unwrap_err();
        assert!(e.contains("newer"), "{e}");
        assert_eq!(
            std::fs::read_to_string(d.join(TRACK_FILE)).unwrap(),
            r#"{"version": 99}"#
        );
    }

    /// A record written when the times were kept as text loads (they were RFC 3339 text then
    /// too); a time that is not RFC 3339 makes the record unreadable, with a reason, as any
    /// other bad field does — and the next pull sets it aside.
    #[test]
    fn an_older_record_loads_and_a_bad_time_is_a_reason_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("acme");
        std::fs::create_dir_all(&d).unwrap();
        let record = |first_seen: &str| {
            format!(
                r#"{{"version": 1, "source": "greenhouse", "board": "acme",
                "last_pull": "2026-12-02T09:00:00.125+01:00", "previous_pull": "2026-12-01T09:00:00Z",
                "postings": {{"7": {{"file": "7.json", "first_seen": "{first_seen}",
                  "last_seen": "2026-12-02T09:00:00.125+01:00", "closed": null,
                  "changes": [{{"field": "salary", "from": "a", "to": "b", "at": "2026-12-02T09:00:00.125+01:00"}}]}}}}}}"#
            )
        };
        std::fs::write(d.join(TRACK_FILE), record("2026-12-01T09:00:00Z")).unwrap();
        let rec = BoardRecord::load(&d, 1 << 20).unwrap().unwrap();
        assert_eq!(rec.last_pull, Some(datetime!(2026-12-02 08:00:00.125 UTC)));
        assert_eq!(rec.previous_pull, Some(datetime!(2026-12-01 09:00 UTC)));
        let p = rec.pulled("7").unwrap();
        assert_eq!(p.first_seen, datetime!(2026-12-01 09:00 UTC));
        assert_eq!(p.last_seen, datetime!(2026-12-02 09:00:00.125 +01:00));
        assert_eq!(p.changes[0].at, p.last_seen);
        assert!(p.changed && !p.new, "{p:?}");
        // Written back, the times read the same.
        let again: BoardRecord =
            serde_json::from_slice(&serde_json::to_vec(&rec).unwrap()).unwrap();
        assert_eq!(again, rec);

        for bad in ["t1", "2026-12-01", "2026-13-01T09:00:00Z", ""] {
            std::fs::write(d.join(TRACK_FILE), record(bad)).unwrap();
            match BoardRecord::load(&d, 1 << 20) {
                Err(LoadError::Bad(e)) => {
                    assert!(!e.contains('\n'), "one line: {e}");
                    assert!(e.contains("not a tracking record"), "{e}");
                }
                other => panic!("{bad:?}: {other:?}"),
            }
        }
        let s = apply(
            &d,
            Kind::Greenhouse,
            listing(&[("7", &job("A", "$1"))]),
            datetime!(2026-12-03 09:00 UTC),
            1 << 20,
        )
        .unwrap();
        assert_eq!(s.notices.len(), 1, "set aside and started anew: {s:?}");
        assert_eq!(s.new, 1);
    }

    #[test]
    fn descriptions_show_their_first_differing_line() {
        assert_eq!(text_change("a\nb  c", "a\nb c"), None);
        assert_eq!(
            text_change("a\nold line\nz", "a\nnew line\nz"),
            Some(("old line".into(), "new line".into()))
        );
    }
}
