//! CSV (and TSV / semicolon) exports: one posting per row. Columns are matched by name, so
//! JobSpy exports (`site, job_url, title, company, location, date_posted, job_type, interval,
//! min_amount, max_amount, currency, is_remote, job_level, description, skills…`), job-site
//! scrapes (`Job Title, Company Name, Location, Job Description, Rating…`) and similar exports
//! all read the same way. Ragged rows and missing columns are tolerated.

use serde_json::{Map, Value};

use super::super::SkipReason;
use super::super::doc::{Doc, Key, Origin};
use super::super::vocab::Label;
use super::record;
use crate::posting::Format;

/// Whether a column name is one a posting table has (as a record's key is read: misspelt by a
/// letter, "job tittles", or with an export's suffix; or with a remark in brackets, "Salary
/// (USD)", "Remuneração Inicial (Classe A)").
fn known_column(name: &str) -> Option<Label> {
    record::label_of(name)
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

/// The character a table quotes its fields with: the double quote, or the single quote when
/// the fields are quoted with it and none with the other (`354287,'Faculty, Foreign
/// Languages',…`, as a script that writes Python's `repr` of each cell does). An apostrophe
/// within a field ("Alabama's") opens no field, as it stands after no delimiter.
fn quote_char(text: &str, delim: u8) -> u8 {
    let d = delim as char;
    // How many fields open (after a delimiter or at a line's start) and close (before one or
    // at a line's end) with a quote.
    let count = |q: char| {
        let (open, close) = (format!("{d}{q}"), format!("{q}{d}"));
        text.lines().take(2_000).fold((0, 0), |(o, c), l| {
            (
                o + l.matches(&open[..]).count() + usize::from(l.starts_with(q)),
                c + l.matches(&close[..]).count() + usize::from(l.ends_with(q)),
            )
        })
    };
    let (single_open, single_close) = count('\'');
    if count('"').0 == 0 && single_open >= 2 && single_close >= 2 {
        b'\''
    } else {
        b'"'
    }
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
        .quote(quote_char(text, delim))
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
        if let Some(docs) = headerless(text) {
            return Ok(docs);
        }
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

/// A table without a header that names its columns (a scrape written row by row, a header
/// mangled into one letter per field): the rows of the most common width (three fields or
/// more), each column taken for what most of its cells are — the roles' names (the title),
/// pay, links, places, and the first other column of short text beside the title (the
/// employer). None unless a column names roles in most rows and two rows or more are read.
fn headerless(text: &str) -> Option<Vec<Doc>> {
    let rows_of = |delim: u8| -> Vec<Vec<String>> {
        ::csv::ReaderBuilder::new()
            .delimiter(delim)
            .quote(quote_char(text, delim))
            .flexible(true)
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .take(5_000)
            .filter_map(Result::ok)
            .map(|r| r.iter().map(|c| c.trim().to_string()).collect::<Vec<_>>())
            // A row of single letters is a header spelt out, no record.
            .filter(|r: &Vec<String>| r.iter().any(|c| c.chars().count() > 1))
            .collect()
    };
    // The delimiter and width that most rows share.
    let (rows, width) = [b',', b';', b'\t', b'|']
        .into_iter()
        .filter_map(|d| {
            let rows = rows_of(d);
            let mut widths: std::collections::HashMap<usize, usize> = Default::default();
            for r in &rows {
                *widths.entry(r.len()).or_default() += 1;
            }
            let (&width, &n) = widths
                .iter()
                .filter(|(w, _)| **w >= 3)
                .max_by_key(|(_, n)| **n)?;
            (n >= 2 && n * 5 >= rows.len() * 3).then(|| {
                let rows: Vec<Vec<String>> =
                    rows.into_iter().filter(|r| r.len() == width).collect();
                (rows, width)
            })
        })
        .max_by_key(|(rows, _)| rows.len())?;
    // A first row naming some columns ("Job Offer Title";"Company";"Country";"City") is the
    // header of columns the vocabulary does not all know, no record.
    let mut rows = rows;
    let header = rows
        .first()
        .is_some_and(|r| r.iter().filter(|c| known_column(c).is_some()).count() >= 2)
        .then(|| rows.remove(0));
    let share = |col: usize, test: &dyn Fn(&str) -> bool| -> f64 {
        let cells: Vec<&str> = rows
            .iter()
            .map(|r| r[col].as_str())
            .filter(|c| !c.is_empty())
            .collect();
        if cells.len() * 2 < rows.len() {
            return 0.0;
        }
        cells.iter().filter(|c| test(c)).count() as f64 / cells.len() as f64
    };
    let role = |c: &str| crate::parse::fields::title::names_a_role(c);
    let title = (0..width)
        .map(|j| (j, share(j, &role)))
        .filter(|&(_, s)| s >= 0.5)
        .max_by(|a, b| a.1.total_cmp(&b.1))?
        .0;
    let mut cols: Vec<(usize, String)> = vec![(title, "title".into())];
    type Test = fn(&str) -> bool;
    let kinds: [(&str, Test, f64); 3] = [
        (
            "url",
            |c| c.starts_with("http://") || c.starts_with("https://"),
            0.8,
        ),
        ("salary", crate::parse::fields::salary::looks_like_pay, 0.5),
        ("location", place_in_any_case, 0.6),
    ];
    // The columns the header names are what it names them.
    for (j, name) in header.iter().flatten().enumerate() {
        if j != title && known_column(name).is_some() {
            cols.push((j, name.clone()));
        }
    }
    for (name, test, min) in kinds {
        if let Some((j, _)) = (0..width)
            .filter(|j| !cols.iter().any(|(k, _)| k == j))
            .map(|j| (j, share(j, &test)))
            .filter(|&(_, s)| s >= min)
            .max_by(|a, b| a.1.total_cmp(&b.1))
        {
            cols.push((j, name.into()));
        }
    }
    // The employer: the nearest other column of short words, not figures.
    let short_text = |c: &str| {
        c.chars().count() <= 80
            && c.chars().any(char::is_alphabetic)
            && !c.chars().any(|ch| ch.is_ascii_digit())
    };
    if let Some(j) = [title + 1, title.wrapping_sub(1)]
        .into_iter()
        .filter(|&j| j < width && !cols.iter().any(|(k, _)| *k == j))
        .find(|&j| share(j, &short_text) >= 0.8 && share(j, &role) < 0.5)
        && !cols
            .iter()
            .any(|(_, name)| known_column(name) == Some(Label::Key(Key::Company)))
    {
        cols.push((j, "company".into()));
    }
    let docs: Vec<Doc> = rows
        .iter()
        .filter_map(|r| {
            let rec: Map<String, Value> = cols
                .iter()
                .filter(|(j, _)| !r[*j].is_empty())
                .map(|(j, name)| (name.clone(), Value::String(r[*j].clone())))
                .collect();
            (!r[title].is_empty()).then(|| record::record_doc(&rec, Origin::Record, Format::Csv))?
        })
        .collect();
    (docs.len() >= 2).then_some(docs)
}

/// Whether a cell names a place, as written or with each word's first letter a capital (a
/// scrape lower-cases its cells: "hong kong sar", "united states of america").
fn place_in_any_case(c: &str) -> bool {
    use crate::parse::fields::company::capitalize;
    crate::parse::places::is_place(c)
        || (c.chars().all(|ch| !ch.is_uppercase())
            && crate::parse::places::is_place(
                &c.split(' ').map(capitalize).collect::<Vec<_>>().join(" "),
            ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_named_with_a_remark_in_brackets_is_its_field() {
        let text = "Title,Company,Salary (gross)\n\
            Nurse,Acme Care,\"EUR 3,100\"\nCook,Acme Care,\"EUR 2,400\"\n";
        let ps: Vec<_> = read(text)
            .unwrap()
            .iter()
            .map(crate::parse::fields::resolve)
            .collect();
        assert_eq!(ps[1].salary.as_ref().and_then(|s| s.min), Some(2400.0));
    }

    #[test]
    fn fields_quoted_with_single_quotes_are_read_whole() {
        let text = "Job ID,Job Title,Employer,Location\n\
            1,'Faculty, Foreign Languages',Hagerstown Community College,'Maryland, United States'\n\
            2,Professor,'Alabama''s college',Montevallo\n";
        assert_eq!(quote_char(text, b','), b'\'');
        let docs = read(text).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[0].texts(Key::Title).next().map(|t| t.0),
            Some("Faculty, Foreign Languages")
        );
        // An apostrophe inside a field opens none; double quotes stay the quote.
        assert_eq!(quote_char("a,b,c\nO'Neil,it's,x\n", b','), b'"');
        assert_eq!(quote_char("a,b\n\"x, y\",'z'\n'q',w\n", b','), b'"');
    }

    #[test]
    fn a_header_misspelt_by_its_scraper_names_its_columns() {
        // A scraper's own spelling ("job skilles"); the pills it
        // glued into the skills cell ("Full TimeWork From HomeExperienced") are each read.
        let csv = "job title,company names,location,Date Posted,job skilles,Links\n\
            Python Developer,GetTechForce.com -,\"Cairo, Egypt \",6 days ago,Full TimeWork From HomeExperienced \u{b7} 3+ Yrs of Exp \u{b7} Django,https://wuzzuf.net/jobs/p/1\n";
        let ps = crate::parse::parse_text(csv, "wuzzuf.csv").unwrap();
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].title.as_deref(), Some("Python Developer"));
        assert_eq!(ps[0].locations, ["Cairo, Egypt"]);
        assert_eq!(
            ps[0].employment_type,
            Some(crate::posting::EmploymentType::FullTime)
        );
        assert_eq!(ps[0].work_mode, Some(crate::posting::WorkMode::Remote));
        assert!(ps[0].skills.iter().any(|s| s == "Django"));
    }

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
    fn a_table_without_a_header_that_names_its_columns() {
        // A header mangled into one letter per field, then rows of title, employer, pay, link.
        let csv = "Н,а,з,в,а,н,и,е\nК,о,м,п\n\
            Аналитик / бизнес-аналитик,Сталепромышленная компания,до 125 000 ₽ на руки,\n\
            Системный аналитик,Goodt,100 000 – 180 000 ₽ на руки,\n\
            Бизнес-аналитик,ООО САПФИР - Интеграция,от 60 000 ₽ на руки,\n";
        let ds = read(csv).unwrap();
        assert_eq!(ds.len(), 3);
        let texts = |k| {
            ds.iter()
                .map(|d| d.texts(k).next().map(|t| t.0.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(Key::Title)[1].as_deref(), Some("Системный аналитик"));
        assert_eq!(
            texts(Key::Company)[2].as_deref(),
            Some("ООО САПФИР - Интеграция")
        );
        assert!(ds[0].has(Key::Salary));
        // A header naming only some of its columns is no record.
        let csv = "\"Vacancy heading\";\"Profile\";\"Company\";\"Country\"\n\
            \"Data Scientist\";\"R1\";\"CSIC\";\"Spain\"\n\
            \"Software Engineer\";\"R2\";\"EMBL\";\"Germany\"\n";
        let ds = read(csv).unwrap();
        assert_eq!(ds.len(), 2);
        assert!(ds[0].texts(Key::Title).any(|(t, _)| t == "Data Scientist"));
        // The columns it names are read as named.
        assert!(ds[1].texts(Key::Company).any(|(t, _)| t == "EMBL"));
        // A scrape's lower-cased places are its places.
        let csv = "secretary,2023-03-23,hong kong,https://example.com/job/1\n\
            credit controller assistant,2023-03-15,hong kong sar,https://example.com/job/2\n\
            global quality compliance auditor,2023-03-27,china,https://example.com/job/3\n";
        let ps = crate::parse::parse_text(csv, "jobs.csv").unwrap();
        assert_eq!(ps.len(), 3);
        assert_eq!(ps[2].locations, ["china"]);
        // A table whose columns name no roles is none.
        assert!(matches!(
            read("a,b,c\nBob,3,Paris\nAlice,4,Rome\n"),
            Err(SkipReason::NoPosting(_))
        ));
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
