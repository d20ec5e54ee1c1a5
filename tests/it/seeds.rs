//! The foundation issue's expectations on the two seed postings, one test each.

use jobdeck::corpus::{CorpusSource, LoadOptions, load};
use jobdeck::posting::{EmploymentType, Period, Posted, Posting, Seniority, WorkMode};

fn seeds() -> Vec<Posting> {
    let report = load(&CorpusSource::Seeds, &LoadOptions::default());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    report.postings
}

fn seed(prefix: &str) -> Posting {
    seeds()
        .into_iter()
        .find(|p| p.source.starts_with(&format!("seeds/{prefix}")))
        .expect("seed present")
}

/// Seed 000: a description pasted from a careers page, without a title line.
mod careers_page_paste {
    use super::*;

    #[test]
    fn source_and_format() {
        let p = seed("000_");
        assert_eq!(p.source, "seeds/000_94174371cd32a0e1.txt");
        assert_eq!(p.format.as_str(), "text");
    }

    #[test]
    fn company_is_postman() {
        assert_eq!(seed("000_").company.as_deref(), Some("Postman"));
    }

    #[test]
    fn title_contains_backend_engineer() {
        let title = seed("000_").title.expect("a title");
        assert!(title.contains("Backend Engineer"), "{title}");
    }

    #[test]
    fn team_is_api_client() {
        assert_eq!(seed("000_").team.as_deref(), Some("API Client"));
    }

    #[test]
    fn work_mode_is_hybrid() {
        assert_eq!(seed("000_").work_mode, Some(WorkMode::Hybrid));
    }

    #[test]
    fn salary_is_180k_to_240k_usd_a_year() {
        let s = seed("000_").salary.expect("a salary");
        assert_eq!((s.min, s.max), (Some(180_000.0), Some(240_000.0)));
        assert_eq!(s.currency, "USD");
        assert_eq!(s.period, Period::Year);
    }

    #[test]
    fn locations_name_the_offices_the_role_can_sit_in() {
        let locs = seed("000_").locations;
        for office in [
            "San Francisco",
            "Boston",
            "Bangalore",
            "Hyderabad",
            "New York",
        ] {
            assert!(
                locs.iter().any(|l| l.contains(office)),
                "{office} missing from {locs:?}"
            );
        }
    }
}

/// Seed 001: a job-board page scrape with page furniture.
mod job_board_scrape {
    use super::*;

    #[test]
    fn source_and_format() {
        let p = seed("001_");
        assert_eq!(p.source, "seeds/001_a4c3ee89e374db77.txt");
        assert_eq!(p.format.as_str(), "board");
    }

    #[test]
    fn title() {
        assert_eq!(
            seed("001_").title.as_deref(),
            Some("Senior Engineer (Backend), Product Trust [Technical Lead Role]")
        );
    }

    #[test]
    fn company_is_postman() {
        assert_eq!(seed("001_").company.as_deref(), Some("Postman"));
    }

    #[test]
    fn locations() {
        assert_eq!(seed("001_").locations, ["Bengaluru, Karnataka, India"]);
    }

    #[test]
    fn work_mode_is_onsite_despite_hybrid_boilerplate() {
        assert_eq!(seed("001_").work_mode, Some(WorkMode::Onsite));
    }

    #[test]
    fn employment_type_is_full_time() {
        assert_eq!(seed("001_").employment_type, Some(EmploymentType::FullTime));
    }

    #[test]
    fn salary_is_null_the_figure_belongs_to_another_role() {
        assert_eq!(seed("001_").salary, None);
    }

    #[test]
    fn skills_include_sql_node_typescript() {
        let skills = seed("001_").skills;
        for s in ["SQL", "Node.js", "TypeScript"] {
            assert!(skills.iter().any(|k| k == s), "{s} missing from {skills:?}");
        }
    }

    #[test]
    fn seniority_is_senior_or_lead() {
        let s = seed("001_").seniority;
        assert!(
            matches!(s, Some(Seniority::Senior | Seniority::Lead)),
            "{s:?}"
        );
    }

    #[test]
    fn experience_years_is_5() {
        assert_eq!(seed("001_").experience_years, Some(5));
    }

    #[test]
    fn benefits_from_benefits_and_perks() {
        let b = seed("001_").benefits;
        for want in [
            "Team events",
            "Professional development",
            "Generous vacation",
            "Learning",
        ] {
            assert!(b.iter().any(|x| x == want), "{want} missing from {b:?}");
        }
    }

    #[test]
    fn posted_is_1mo_ago() {
        // The seeds have no file time: a relative date stays as the page wrote it.
        let p = seed("001_");
        assert_eq!(p.posted, Some(Posted::Text("1mo ago".into())));
        assert_eq!(p.posted_text, None);
    }

    #[test]
    fn page_furniture_is_not_description() {
        let p = seed("001_");
        let text = p.description_text();
        for furniture in [
            "Similar Jobs",
            "Principal Partner Specialist",
            "News & Buzz",
            "Total Views",
            "Apply Clicks",
            "Interview Experience",
            "Work Life Balance",
            "$28,135",
            "Recommend to a Friend",
        ] {
            assert!(
                !text.contains(furniture),
                "{furniture:?} leaked into sections"
            );
        }
        let headings: Vec<_> = p
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert!(headings.contains(&"What You’ll Do"), "{headings:?}");
        assert!(headings.contains(&"What We’re Looking For"), "{headings:?}");
    }

    #[test]
    fn useful_furniture_is_kept_apart() {
        let p = seed("001_");
        let info = p.company_info.expect("company card");
        assert_eq!(info.stage.as_deref(), Some("Series D"));
        assert_eq!(info.headquarters.as_deref(), Some("San Francisco"));
        assert_eq!(info.valuation.as_deref(), Some("$5.6B"));
        assert_eq!(info.rating, Some(3.8));
        assert_eq!(p.related.len(), 5);
        assert_eq!(p.related[2].title, "Sr Staff Software Engineer (Backend)");
        assert_eq!(p.related[2].company.as_deref(), Some("Databricks"));
    }
}

#[test]
fn ids_are_stable_and_distinct() {
    let a = seeds();
    let b = seeds();
    assert_eq!(a[0].id, b[0].id);
    assert_ne!(a[0].id, a[1].id);
}

#[test]
fn id_survives_renaming_and_moving() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/001_a4c3ee89e374db77.txt"
    ))
    .unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let moved = dir.path().join("sub/renamed.txt");
    std::fs::write(&moved, &bytes).unwrap();
    let report = load(&CorpusSource::Paths(vec![moved]), &LoadOptions::default());
    assert_eq!(report.postings[0].id, seed("001_").id);
    assert!(report.postings[0].source.ends_with("sub/renamed.txt"));
}
