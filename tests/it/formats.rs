//! Every format from one folder, the same job in two formats, and robustness: no input makes
//! a parser panic, truncated or foreign files give a one-line reason.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jobdeck::corpus::{CorpusSource, LoadOptions, load};
use jobdeck::parse::{SkipReason, parse_bytes, parse_text};
use jobdeck::posting::{Field, Format, WorkMode};

fn eval_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval")
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_mixed_folder_gives_every_format_in_one_load() {
    let report = load(
        &CorpusSource::Paths(vec![eval_dir()]),
        &LoadOptions::default(),
    );
    let mut by_format: BTreeMap<Format, usize> = BTreeMap::new();
    for p in &report.postings {
        *by_format.entry(p.format).or_default() += 1;
    }
    for f in [
        Format::Text,
        Format::Board,
        Format::Html,
        Format::Json,
        Format::Csv,
        Format::Markdown,
        Format::Hn,
    ] {
        assert!(by_format.contains_key(&f), "{f} missing: {by_format:?}");
    }
    // Several postings of one file share its path: three comments, one naming two roles.
    let thread: Vec<_> = report
        .postings
        .iter()
        .filter(|p| p.source.ends_with("thread-december.txt"))
        .collect();
    assert_eq!(thread.len(), 4);
    // Every fixture reads (the labels file and the README too: they are JSON records and
    // Markdown); nothing is skipped.
    let skipped: Vec<String> = report.skipped.iter().map(|s| s.to_string()).collect();
    assert!(skipped.is_empty(), "{skipped:?}");
    assert!(
        skipped.iter().all(|s| s.contains("labels.json")),
        "{skipped:?}"
    );
}

#[test]
fn the_same_job_as_html_and_as_text_has_one_id() {
    let dir = eval_dir();
    let html = std::fs::read(dir.join("html/five9-senior-infrastructure-engineer.html")).unwrap();
    let from_html = parse_bytes(&html, "a.html").unwrap().remove(0);
    let text = "Senior Infrastructure Engineer - Compute\nFive9 · United States (Remote)\n\n\
                We are actively seeking a Senior Infrastructure Engineer to join our growing Cloud Operations team.";
    let from_text = parse_text(text, "b.txt").unwrap().remove(0);
    assert_eq!(from_text.format, Format::Text);
    assert_eq!(from_text.work_mode, Some(WorkMode::Remote));
    assert_eq!(
        (&from_html.title, &from_html.company, &from_html.locations),
        (&from_text.title, &from_text.company, &from_text.locations)
    );
    assert_eq!(from_html.id, from_text.id);
}

#[test]
fn field_sources_say_where_values_came_from() {
    let dir = eval_dir();
    let html = std::fs::read(dir.join("html/five9-senior-infrastructure-engineer.html")).unwrap();
    let p = parse_bytes(&html, "a.html").unwrap().remove(0);
    assert_eq!(p.field_sources[Field::Title].as_str(), "json-ld");
    assert_eq!(p.field_sources[Field::Salary].as_str(), "json-ld");
    let md =
        std::fs::read(dir.join("markdown/remotewlb/Java__2024-10__software-engineer-131127.md"))
            .unwrap();
    let p = parse_bytes(&md, "b.md").unwrap().remove(0);
    assert_eq!(p.field_sources[Field::Salary].as_str(), "header");
    let csv = std::fs::read(dir.join("csv/jobspy-sample.csv")).unwrap();
    let p = parse_bytes(&csv, "c.csv").unwrap().remove(0);
    assert_eq!(p.field_sources[Field::Company].as_str(), "structured");
}

/// Every fixture cut short at many points, and with bytes flipped, parses or is skipped with a
/// reason; nothing panics.
#[test]
fn truncated_and_damaged_files_never_panic() {
    for path in files_under(&eval_dir()) {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.display().to_string();
        let step = (bytes.len() / 25).max(1);
        let mut cut = 0;
        while cut < bytes.len() {
            let _ = parse_bytes(&bytes[..cut], &name);
            cut += step;
        }
        let mut damaged = bytes.clone();
        for i in (0..damaged.len()).step_by(97) {
            damaged[i] = damaged[i].wrapping_add(0x5b);
        }
        let _ = parse_bytes(&damaged, &name);
    }
}

#[test]
fn malformed_inputs_have_one_line_reasons() {
    let cases: &[(&str, &[u8])] = &[
        ("a.json", b"{\"title\": \"Engineer\", \"company\": "),
        ("b.json", b"{\"@context\": \"https://schema.org\", \"@type\": \"Organization\"}"),
        ("c.csv", b"name,age,city\nBob,3,Paris\n"),
        ("d.csv", b"title,company,location\n"),
        ("e.html", b"<html><head><style>x{}</style></head></html>"),
        ("f.md", b"---\n---\n"),
        ("g.json", b"[{\"by\": \"x\", \"id\": 1, \"kids\": [2], \"title\": \"Ask HN: Who is hiring?\", \"type\": \"story\"}]"),
    ];
    for (name, bytes) in cases {
        let err = parse_bytes(bytes, name).expect_err(name);
        let msg = err.to_string();
        assert!(!msg.is_empty() && !msg.contains('\n'), "{name}: {msg:?}");
        assert!(
            matches!(err, SkipReason::Malformed { .. } | SkipReason::NoPosting(_)),
            "{name}: {err:?}"
        );
    }
}

#[test]
fn encodings() {
    // UTF-8 with BOM, UTF-16 BE with BOM, Windows-1252, Latin-1, CRLF.
    let text = "Développeur Backend\nCompany: Café Logiciel\nLocation: Paris, France\nSalaire : 60 000 € brut annuel\r\n\r\nNous recrutons.";
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let mut be = vec![0xfe, 0xff];
    for u in text.encode_utf16() {
        be.extend_from_slice(&u.to_be_bytes());
    }
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    for bytes in [bom, be, cp1252.into_owned()] {
        let p = parse_bytes(&bytes, "x.txt").unwrap().remove(0);
        assert_eq!(p.title.as_deref(), Some("Développeur Backend"));
        assert_eq!(p.company.as_deref(), Some("Café Logiciel"));
        let s = p.salary.expect("salary");
        assert_eq!((s.min, s.currency.as_str()), (Some(60_000.0), "EUR"));
    }
    // Latin-1 (no euro sign there).
    let latin1: Vec<u8> = "Ingénieur à Genève, salaire CHF 120'000"
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    let p = parse_bytes(&latin1, "y.txt").unwrap().remove(0);
    assert!(p.description_text().contains("Ingénieur à Genève"));
}

/// A Personio XML feed and a pulled Personio posting (`<position>…</position>`, no XML
/// declaration) are records: the title, the employer and the offices come from their elements.
#[test]
fn personio_xml_positions_are_records() {
    let feed = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pull/personio.xml"),
    )
    .unwrap();
    let text = String::from_utf8_lossy(&feed).to_string();
    let start = text.find("<position>").unwrap();
    let end = text.find("</position>").unwrap() + "</position>".len();
    for (bytes, source) in [
        (feed.clone(), "personio.xml"),
        (
            text.as_bytes()[start..end].to_vec(),
            "pulled/personio/acme/1834171.xml",
        ),
    ] {
        let postings = parse_bytes(&bytes, source).unwrap();
        assert_eq!(postings.len(), 1, "{source}");
        let p = &postings[0];
        assert_eq!(
            p.title.as_deref(),
            Some("Staff Software Engineer, Data Platform"),
            "{source}"
        );
        assert_eq!(p.company.as_deref(), Some("Acme SE & Co. KG"), "{source}");
        assert!(
            p.locations.iter().any(|l| l == "Munich"),
            "{source}: {:?}",
            p.locations
        );
    }
}

/// One Lever posting object (what a pulled Lever posting file holds, not the board's array)
/// is a posting with its title.
#[test]
fn a_single_lever_posting_object_is_a_posting() {
    let raw = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pull/lever-palantir.json"),
    )
    .unwrap();
    let all: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let one = serde_json::to_string(&all[0]).unwrap();
    let postings = parse_text(&one, "pulled/lever/palantir/one.json").unwrap();
    assert_eq!(postings.len(), 1);
    assert_eq!(postings[0].title.as_deref(), all[0]["text"].as_str());
}

#[test]
fn an_hn_header_of_labels_and_modes_names_no_company_and_a_link_is_no_title() {
    // The header holds a labelled place and mode words, no employer; the post's first line is a
    // bare link. Neither may become the company or the title.
    let json = br#"{"hits":[{"author":"someone","objectID":"15601729","story_id":15601729,
        "comment_text":"Location: New York | ONSITE, VISA<p>https://boards.greenhouse.io/periscopedata/jobs/848743<p>Hiring an engineer to help us with tools and infrastructure."}]}"#;
    let postings = parse_bytes(json, "hn.json").expect("an HN comment parses");
    assert_eq!(postings.len(), 1);
    let p = &postings[0];
    assert_eq!(p.company, None);
    assert_eq!(
        p.title.as_deref(),
        Some("Hiring an engineer to help us with tools and infrastructure.")
    );
}

#[test]
fn a_script_holding_several_postings_in_strings_gives_each() {
    let py = r#"import parser

example1 = """
Produktmanager (m/w/d) Dachflächenfenster
Soltau, Germany

Die Acme Handel GmbH sucht ab sofort in Vollzeit Verstärkung für das Team Einkauf in Soltau.
* Analyse und Weiterentwicklung der Sortimente
* Abstimmung mit Lieferanten und der Logistik
* Erstellung von Vorgaben für Customer Service und Beschaffung
* Monitoring warenwirtschaftlicher Kennziffern
Arbeitsverhältnis: unbefristet
"""

example2 = """
Senior Rust Engineer
Berlin, Germany

Beta Systems builds trading software in Rust for banks across Europe and is hiring.
* Design and build low-latency services
* Review code and mentor two engineers
* Run the services you build, with a fair on-call rotation
* Improve our build and release tooling
Employment type: Full-time
"""

for e in (example1, example2):
    print(parser.parse(e))
"#;
    let postings = parse_text(py, "examples.py").expect("two postings");
    let titles: Vec<_> = postings.iter().map(|p| p.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("Produktmanager (m/w/d) Dachflächenfenster"),
            Some("Senior Rust Engineer")
        ]
    );
}

#[test]
fn pay_bounds_named_in_any_language_and_figures_with_no_currency_anywhere() {
    // "Sueldo Mínimo" / "Sueldo Máximo" are the bounds; a pesos figure in a Mexican posting is
    // in pesos.
    let json = r#"[{"Puesto": "Asistente Administrativo", "Empresa": "Acme S.A. de C.V.",
        "Ubicación": "Ciudad de México, México", "Sueldo Mínimo": "6000", "Sueldo Máximo": "7000"}]"#;
    let p = parse_text(json, "bolsa.json").unwrap().remove(0);
    let s = p.salary.expect("the bounds are the pay");
    assert_eq!(
        (s.min, s.max, s.currency.as_str()),
        (Some(6000.0), Some(7000.0), "MXN")
    );
    // No currency, no country: "7000" is not seven thousand dollars.
    let json = r#"[{"Puesto": "Asistente Administrativo", "Empresa": "Acme", "Descripción": "Apoyo administrativo.",
        "Sueldo Mínimo": "7000", "Sueldo Máximo": "7000"}]"#;
    let p = parse_text(json, "bolsa.json").unwrap().remove(0);
    assert_eq!(p.salary, None);
    let json = r#"[{"title": "Data Engineer", "company": "Acme", "pay": "RAL 25k - 28k"}]"#;
    let p = parse_text(json, "jobs.json").unwrap().remove(0);
    assert_eq!(p.salary, None);
    // A currency symbol says it.
    let json = r#"[{"title": "Data Engineer", "company": "Acme", "pay": "€25k - €28k"}]"#;
    let p = parse_text(json, "jobs.json").unwrap().remove(0);
    assert_eq!(p.salary.map(|s| s.currency), Some("EUR".to_string()));
}

#[test]
fn roles_named_after_a_verb_are_titled_as_the_role_is_named() {
    // Ukrainian and Russian decline a role after "invites" / "we seek": the title names the
    // role itself ("секретаря" → "секретар", "фахівця" → "фахівець").
    let text = "КП «Міськтранс»\n\nЗАПРОШУЄ НА ПОСТІЙНУ РОБОТУ:\n\n- фахівця з публічних закупівель;\n\
                - секретаря;\n- мийника-прибиральника рухомого складу.\n\nПРОПОНУЄМО:\n\n\
                - офіційне працевлаштування.\n";
    let postings = parse_text(text, "vakansii.txt").unwrap();
    let titles: Vec<Option<&str>> = postings.iter().map(|p| p.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("фахівець з публічних закупівель"),
            Some("секретар"),
            Some("мийник-прибиральник рухомого складу")
        ]
    );
    assert!(
        postings
            .iter()
            .all(|p| p.employment_type == Some(jobdeck::posting::EmploymentType::FullTime)),
        "'на постійну роботу' is a permanent, full-time job"
    );
    let text = "Платёжный сервис.\n\nИщем Backend-разработчика на Go, который будет писать ядро.\n";
    let p = parse_text(text, "vacancy.txt").unwrap().remove(0);
    assert_eq!(p.title.as_deref(), Some("Backend-разработчик"));
}

#[test]
fn a_short_line_at_the_top_of_a_plain_text_that_names_a_role_is_its_title() {
    let text = "Logo van Gemeente Wijk bij Duurstede\n\nSalarisadministrateur/ HR medewerker\n\n\
                Karel de Grotestraat 30, 3962 CL Wijk bij Duurstede, Nederland\n\nSluit over 16 dagen\n";
    let p = parse_text(text, "opdracht.txt").unwrap().remove(0);
    assert_eq!(
        p.title.as_deref(),
        Some("Salarisadministrateur/ HR medewerker")
    );
    // A line that names no role, or says something of it, is none.
    let text =
        "Logo van Gemeente Wijk bij Duurstede\n\nWij zoeken een collega.\n\nSluit over 16 dagen\n";
    let p = parse_text(text, "opdracht.txt").unwrap().remove(0);
    assert_eq!(p.title, None);
}

#[test]
fn a_hacker_news_post_names_its_role_on_a_line_of_its_own() {
    let hn = |text: &str| {
        let json = serde_json::json!({"hits": [{"author": "someone", "objectID": "1",
            "story_id": 1, "comment_text": text}]});
        parse_bytes(json.to_string().as_bytes(), "hn.json")
            .expect("an HN comment parses")
            .remove(0)
    };
    // The header names no role; the next line does, before what it says of the job.
    let p = hn(
        "SF Sauna -- SF Bay Area<p>Electrical &#x2F; Power Systems Engineer - Build a \
                battery-integrated sauna heater<p>Paid contract role, $80 - 150&#x2F;hr.",
    );
    assert_eq!(
        p.title.as_deref(),
        Some("Electrical / Power Systems Engineer")
    );
    let p = hn(
        "SeatGeek | New York, NY<p>Web Engineer — We're looking for someone who loves \
                building for the web.<p>Apply at seatgeek.com/jobs",
    );
    assert_eq!(p.title.as_deref(), Some("Web Engineer"));
    // A line about the company, a label's line or a list of terms names no role.
    let p = hn(
        "FutureAdvisor | San Francisco<p>FutureAdvisor is an automated investment manager\
                <p>We build software for investors.",
    );
    assert_eq!(p.title.as_deref(), Some("FutureAdvisor — hiring"));
    let p =
        hn("BloomReach | Mountain View<p>H1B, Intern, Full-time all welcome<p>We build search.");
    assert_eq!(p.title.as_deref(), Some("BloomReach — hiring"));
}

#[test]
fn a_social_post_s_author_headline_is_not_its_title() {
    // A post pasted whole from a social network: the author's name, the author's own headline,
    // how long ago it was posted. The headline is the author's job.
    let text = "Feed post\nMaria Silva\nSenior Talent Acquisition Partner | Tech Recruiter\n1w\n\n\
                Opportunity for a backend developer with Go, remote from Brazil.\n";
    let p = parse_text(text, "post.txt").unwrap().remove(0);
    assert_ne!(
        p.title.as_deref(),
        Some("Senior Talent Acquisition Partner | Tech Recruiter")
    );
    let text = "Jane Doe\nTechnical Recruiter at Acme Corp\n2d • Edited\n\nWe are growing our data \
                platform team in Berlin and need people who love pipelines.\n";
    let p = parse_text(text, "post.txt").unwrap().remove(0);
    assert_eq!(p.title, None);
    // A page that is no post keeps its title line.
    let text = "Technical Recruiter at Acme Corp\n\nWe are growing our people team in Berlin.\n";
    let p = parse_text(text, "job.txt").unwrap().remove(0);
    assert!(
        p.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Technical Recruiter"))
    );
}

#[test]
fn a_markdown_page_embedding_json_ld_gives_a_posting_per_job_posting() {
    let ld = |title: &str, pay: u32| {
        format!(
            "<script type=\"application/ld+json\">\n{{\"@context\": \"http://schema.org\", \"@type\": \"JobPosting\", \
             \"title\": \"{title}\", \"employmentType\": \"FULL_TIME\", \
             \"hiringOrganization\": {{\"@type\": \"Organization\", \"name\": \"Sistema Estatal\"}}, \
             \"jobLocation\": {{\"@type\": \"Place\", \"address\": {{\"addressLocality\": \"Saltillo\", \"addressCountry\": \"MX\"}}}}, \
             \"baseSalary\": {{\"@type\": \"MonetaryAmount\", \"currency\": \"MXP\", \
             \"value\": {{\"@type\": \"QuantitativeValue\", \"value\": {pay}, \"unitText\": \"MONTH\"}}}}}}\n</script>\n"
        )
    };
    let page = format!(
        "Title: Vacantes\nDate: 2018-03-15\n\n### Subdirección de informática\n\nRequisitos: Python.\n\n{}\n### Auxiliar de informática\n\nSoporte técnico.\n\n{}",
        ld("Subdirección de informática", 15000),
        ld("Auxiliar de informática", 10000)
    );
    let ps = parse_text(&page, "vacantes.md").unwrap();
    let titles: Vec<_> = ps.iter().map(|p| p.title.as_deref().unwrap()).collect();
    assert_eq!(
        titles,
        ["Subdirección de informática", "Auxiliar de informática"]
    );
    assert_eq!(ps[0].company.as_deref(), Some("Sistema Estatal"));
    // "MXP", the old peso's code, is written for today's.
    let pay = ps[1].salary.as_ref().unwrap();
    assert_eq!((pay.min, pay.currency.as_str()), (Some(10000.0), "MXN"));
}
