//! CSV (and TSV / semicolon) exports: one posting per row. Columns are matched by name, so
//! JobSpy exports (`site, job_url, title, company, location, date_posted, job_type, interval,
//! min_amount, max_amount, currency, is_remote, job_level, description, skills…`), job-site
//! scrapes (`Job Title, Company Name, Location, Job Description, Rating…`) and similar exports
//! all read the same way. Ragged rows and missing columns are tolerated.

use serde_json::{Map, Value};

use super::super::SkipReason;
use super::super::doc::{Doc, Key, Origin};
use super::super::vocab::{Label, vocab};
use super::record;
use crate::posting::Format;

/// Whether a column name is one a posting table has.
fn known_column(name: &str) -> Option<Label> {
    vocab().label(name)
}

/// The delimiter of a header line, when it reads as a CSV header: at least three fields, each a
/// short column name, among them a title, company or description column.
pub fn header_delimiter(text: &str) -> Option<u8> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    [b',', b'\t', b';', b'|']
        .into_iter()
        .filter_map(|d| {
            let cells: Vec<&str> = first
                .split(d as char)
                .map(|c| c.trim().trim_matches('"').trim())
                .collect();
            if cells.len() < 3 {
                return None;
            }
            let short = cells
                .iter()
                .all(|c| c.chars().count() <= 40 && !c.contains(". "));
            let known = cells
                .iter()
                .filter(|c| {
                    matches!(
                        known_column(c),
                        Some(
                            Label::Key(
                                Key::Title
                                    | Key::Company
                                    | Key::Location
                                    | Key::Url
                                    | Key::Salary
                                    | Key::EmploymentType
                            ) | Label::Description
                        )
                    )
                })
                .count();
            (short && known >= 2).then_some((d, cells.len()))
        })
        .max_by_key(|&(_, n)| n)
        .map(|(d, _)| d)
}

pub fn read(text: &str) -> Result<Vec<Doc>, SkipReason> {
    let delim = header_delimiter(text).unwrap_or_else(|| {
        let first = text.lines().next().unwrap_or("");
        [b',', b'\t', b';']
            .into_iter()
            .max_by_key(|d| first.matches(*d as char).count())
            .unwrap_or(b',')
    });
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .has_headers(true)
        .trim(::csv::Trim::Headers)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => {
            return Err(SkipReason::Malformed {
                format: "csv",
                detail: e.to_string(),
            });
        }
    };
    let has = |want: Label| headers.iter().any(|h| known_column(h) == Some(want));
    // A bare "Name" column beside the employer's is the job's name (hh.ru exports).
    let named = headers.iter().any(|h| h.eq_ignore_ascii_case("name"));
    if !(has(Label::Key(Key::Title))
        || has(Label::Description)
        || (named && has(Label::Key(Key::Company))))
    {
        return Err(SkipReason::NoPosting(format!(
            "CSV without a title or description column (columns: {})",
            headers
                .iter()
                .take(8)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let mut row_no = 1;
    for result in reader.records() {
        row_no += 1;
        let row = match result {
            Ok(r) => r,
            Err(e) => {
                warnings.push(format!("row {row_no}: {e}; skipped"));
                continue;
            }
        };
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if row.len() != headers.len() && warnings.len() < 5 {
            warnings.push(format!(
                "row {row_no}: {} fields, header has {}",
                row.len(),
                headers.len()
            ));
        }
        let mut rec = Map::new();
        for (h, cell) in headers.iter().zip(row.iter()) {
            if !h.is_empty() && !rec.contains_key(h) {
                rec.insert(h.clone(), Value::String(cell.to_string()));
            }
        }
        match record::record_doc(&rec, Origin::Record, Format::Csv) {
            Some(d) => out.push(d),
            None => {
                if warnings.len() < 5 {
                    warnings.push(format!(
                        "row {row_no}: no title, company or description; skipped"
                    ));
                }
            }
        }
    }
    if out.is_empty() {
        return Err(SkipReason::NoPosting(match warnings.first() {
            Some(w) => format!("CSV without a usable row ({w})"),
            None => "CSV without data rows".into(),
        }));
    }
    for d in &mut out {
        d.notes.extend(warnings.iter().cloned());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobspy_rows() {
        let csv = "id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,min_amount,max_amount,currency,is_remote,job_level,job_function,listing_type,emails,description,company_industry,company_url,skills\n\
            li-1,linkedin,https://www.linkedin.com/jobs/view/1,,Senior Data Engineer,Acme,\"Austin, TX, US\",2024-05-01,fulltime,direct_data,yearly,150000.0,190000.0,USD,False,mid-senior level,,,,\"**About us**\n\nWe build *data* tools.\",Software,,\n\
            in-2,indeed,https://www.indeed.com/viewjob?jk=2,,Nurse,Care Inc,\"Remote, US\",2024-05-02,parttime,,hourly,40,55,USD,True,,,,,Help people.,,,\n";
        let ds = read(csv).unwrap();
        assert_eq!(ds.len(), 2);
        assert_eq!(ds[0].format, Format::Csv);
        assert!(
            ds[0]
                .texts(Key::Title)
                .any(|(t, _)| t == "Senior Data Engineer")
        );
        assert!(
            ds[0]
                .texts(Key::Location)
                .any(|(t, _)| t == "Austin, TX, US")
        );
        assert_eq!(ds[0].facts_of(Key::Pay).count(), 1);
        assert_eq!(ds[0].blocks[0].text, "About us");
    }

    #[test]
    fn ragged_and_missing() {
        let ds = read("title,company,location\nEngineer,Acme\nAnalyst,Initech,Berlin,extra\n,,\n")
            .unwrap();
        assert_eq!(ds.len(), 2);
        assert!(!ds[0].has(Key::Location));
        assert!(ds[0].notes.iter().any(|w| w.contains("row 2")));
        assert!(matches!(
            read("name,age,city\nBob,3,Paris\n"),
            Err(SkipReason::NoPosting(_))
        ));
        assert!(matches!(
            read("title,company\n"),
            Err(SkipReason::NoPosting(_))
        ));
    }

    #[test]
    fn a_name_column_beside_the_employers_is_the_jobs_name() {
        let csv = "ID,Name,Employer,Salary From,Salary To,City\n\
            1,Графический дизайнер,Рекруто,60000,,Санкт-Петербург\n";
        let docs = read(csv).expect("read");
        assert_eq!(
            docs[0].texts(Key::Title).map(|t| t.0).collect::<Vec<_>>(),
            ["Графический дизайнер"]
        );
        // Without an employer column a bare name says nothing of a job.
        assert!(read("ID,Name,Age\n1,Alice,30\n").is_err());
    }

    #[test]
    fn header_sniffing() {
        assert_eq!(
            header_delimiter("Job Title,Job Description,Rating,Company Name\n"),
            Some(b',')
        );
        assert_eq!(header_delimiter("title\tcompany\tlocation\n"), Some(b'\t'));
        assert_eq!(
            header_delimiter("We are hiring, remote, full-time, apply now.\n"),
            None
        );
    }
}
