//! The names of jobdeck's enums are a contract: the JSON of `jobdeck parse`, the shortlists file,
//! `config.toml` (sort, columns, hyperlinks, key tables and actions, sources) and the query
//! language all spell values by them. They are derived (strum, serde); these tests pin every
//! variant's name and check that each name parses back to its variant, and that serde and strum
//! agree wherever both name a type.

use jobdeck::app::Action;
use jobdeck::app::keymap::Context;
use jobdeck::config::{Column, Config, Hyperlinks};
use jobdeck::facets::{FacetKind, SortKey};
use jobdeck::posting::{
    EmploymentType, Field, FieldSource, Format, PayProvenance, Period, Seniority, WorkMode,
};
use jobdeck::pull::Kind;
use jobdeck::search::Field as QueryField;
use jobdeck::store::Status;

/// `names` is every variant's name in order; each parses back (also in upper case and with
/// spaces around, for the case-insensitive ones) and serde writes the same name.
macro_rules! pinned {
    ($ty:ty, $names:expr, case_insensitive) => {{
        pinned!($ty, $names);
        for v in <$ty>::ALL {
            let upper = format!("  {}  ", v.as_str().to_uppercase());
            assert_eq!(<$ty>::from_name(&upper), Some(*v), "{upper:?}");
            assert_eq!(v.to_string(), v.as_str());
        }
    }};
    ($ty:ty, $names:expr) => {{
        let names: Vec<&str> = <$ty>::ALL.iter().map(|v| v.as_str()).collect();
        assert_eq!(names, $names, stringify!($ty));
        for v in <$ty>::ALL {
            assert_eq!(<$ty>::from_name(v.as_str()), Some(*v));
            let json = serde_json::to_string(v).unwrap();
            assert_eq!(json, format!("\"{}\"", v.as_str()));
            assert_eq!(serde_json::from_str::<$ty>(&json).unwrap(), *v);
        }
        assert_eq!(<$ty>::from_name("no such name"), None);
    }};
}

#[test]
fn posting_enums_keep_their_names() {
    pinned!(WorkMode, ["remote", "hybrid", "onsite"], case_insensitive);
    pinned!(
        EmploymentType,
        [
            "full-time",
            "part-time",
            "contract",
            "internship",
            "temporary"
        ],
        case_insensitive
    );
    pinned!(
        Seniority,
        [
            "intern",
            "junior",
            "mid",
            "senior",
            "staff",
            "principal",
            "lead",
            "manager",
            "director",
            "executive"
        ],
        case_insensitive
    );
    pinned!(
        Period,
        ["year", "month", "week", "day", "hour"],
        case_insensitive
    );
    pinned!(
        PayProvenance,
        ["stated", "estimate", "text"],
        case_insensitive
    );
    pinned!(
        Status,
        [
            "saved",
            "applied",
            "interviewing",
            "offer",
            "rejected",
            "withdrawn"
        ],
        case_insensitive
    );
}

#[test]
fn format_and_field_source_names_match_their_json() {
    use strum::VariantArray;
    let formats: Vec<&str> = Format::VARIANTS.iter().map(|f| f.as_str()).collect();
    assert_eq!(
        formats,
        [
            "text", "board", "html", "json", "csv", "markdown", "hn", "email"
        ]
    );
    for f in Format::VARIANTS {
        assert_eq!(serde_json::to_string(f).unwrap(), format!("\"{f}\""));
    }
    let sources: Vec<&str> = FieldSource::VARIANTS.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        sources,
        [
            "json-ld",
            "structured",
            "header",
            "tags",
            "text",
            "title",
            "composed"
        ]
    );
    for s in FieldSource::VARIANTS {
        let json = serde_json::to_string(s).unwrap();
        assert_eq!(json, format!("\"{}\"", s.as_str()));
    }
}

#[test]
fn posting_fields_are_named_as_in_the_json_and_in_name_order() {
    let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(
        names,
        [
            "benefits",
            "company",
            "employment_type",
            "experience_years",
            "locations",
            "posted",
            "salary",
            "seniority",
            "skills",
            "team",
            "title",
            "url",
            "work_mode"
        ]
    );
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "the JSON writes field sources in name order");
    for f in Field::ALL {
        assert_eq!(Field::from_name(f.name()), Some(*f));
        assert_eq!(f.to_string(), f.name());
    }
    // The JSON names are exact: no other spelling is a field.
    assert_eq!(Field::from_name("Work_Mode"), None);
    // Every field of a posting's JSON that has a source is one of them.
    let json = serde_json::to_value(jobdeck::posting::Posting::default()).unwrap();
    for f in Field::ALL {
        assert!(json.get(f.name()).is_some(), "{f} is not a posting field");
    }
}

#[test]
fn config_names_keep_their_spelling() {
    let sorts = ["relevance", "title", "company", "salary", "newest", "score"];
    for s in sorts {
        let k = SortKey::from_name(s).unwrap();
        assert_eq!(k.as_str(), s);
    }
    assert_eq!(SortKey::from_name("Newest"), None, "sort names are exact");
    assert_eq!(SortKey::from_name("file"), None);

    let columns: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(
        columns,
        [
            "salary",
            "company",
            "location",
            "mode",
            "type",
            "seniority",
            "posted",
            "status"
        ]
    );
    for c in Column::ALL {
        assert_eq!(Column::from_name(c.name()), Some(*c));
    }

    for (text, want) in [
        ("auto", Hyperlinks::Auto),
        ("always", Hyperlinks::Always),
        ("never", Hyperlinks::Never),
    ] {
        let (cfg, problems) = Config::parse(&format!("hyperlinks = {text:?}\n"));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(cfg.hyperlinks, want);
    }
    let (_, problems) = Config::parse("hyperlinks = \"Always\"\n");
    assert_eq!(
        problems,
        ["hyperlinks: \"Always\" is not one of auto, always, never"]
    );
}

#[test]
fn key_contexts_and_sources_keep_their_names() {
    let contexts: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(
        contexts,
        [
            "global", "list", "detail", "filters", "search", "help", "compare", "skipped", "lists",
            "prompt", "confirm", "note", "status", "unsaved", "values"
        ]
    );
    for c in Context::ALL {
        assert_eq!(Context::from_name(c.name()), Some(*c));
    }
    assert_eq!(Context::from_name("status_menu"), None);

    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(
        kinds,
        [
            "greenhouse",
            "lever",
            "lever-eu",
            "ashby",
            "hn",
            "smartrecruiters",
            "recruitee",
            "personio"
        ]
    );
    for k in Kind::ALL {
        assert_eq!(Kind::from_name(k.name()), Ok(*k));
        assert_eq!(
            Kind::from_name(&format!(" {} ", k.name().to_uppercase())),
            Ok(*k)
        );
    }
    assert!(Kind::from_name("smart-recruiters").is_err());
}

#[test]
fn query_prefixes_and_their_aliases() {
    let cases: &[(QueryField, &str, &[&str])] = &[
        (QueryField::Title, "title", &["t"]),
        (QueryField::Company, "company", &["co", "c"]),
        (QueryField::Team, "team", &[]),
        (QueryField::Location, "loc", &["location", "locations", "l"]),
        (QueryField::Skill, "skill", &["skills", "s"]),
        (QueryField::Mode, "mode", &["m", "remote"]),
        (QueryField::Type, "type", &["employment"]),
        (QueryField::Level, "level", &["seniority"]),
        (QueryField::Text, "text", &["desc", "description"]),
        (QueryField::Is, "is", &[]),
        (QueryField::Salary, "salary", &["pay"]),
        (QueryField::Age, "age", &[]),
        (QueryField::From, "from", &[]),
    ];
    for (field, prefix, aliases) in cases {
        assert_eq!(field.prefix(), *prefix);
        for name in std::iter::once(prefix).chain(aliases.iter()) {
            assert_eq!(QueryField::from_prefix(name), Some(*field), "{name}");
            let upper = name.to_uppercase();
            assert_eq!(QueryField::from_prefix(&upper), Some(*field), "{upper}");
        }
    }
    assert_eq!(QueryField::from_prefix("titles"), None);
    assert_eq!(QueryField::from_prefix(""), None);
}

#[test]
fn every_action_of_the_default_key_tables_round_trips_its_name() {
    let defaults: toml::Table = jobdeck::config::DEFAULT_CONFIG.parse().unwrap();
    let keys = defaults["keys"].as_table().unwrap();
    let mut seen = 0;
    for (ctx, actions) in keys {
        assert!(Context::from_name(ctx).is_some(), "{ctx}");
        for name in actions.as_table().unwrap().keys() {
            let action = Action::from_name(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(action.name(), name);
            assert!(action.is_bindable());
            seen += 1;
        }
    }
    assert!(seen > 50, "{seen}");
    assert_eq!(Action::ToggleBookmark.name(), "toggle_bookmark");
    // Internal actions have no name and no name reaches them.
    for internal in [
        Action::Insert('x'),
        Action::Paste("p".into()),
        Action::Resize(1, 1),
        Action::ClickAt { column: 0, row: 0 },
        Action::PullFinished,
        Action::SaveTimedOut,
        Action::Signal(15),
    ] {
        assert_eq!(internal.name(), "");
        assert!(!internal.is_bindable());
    }
    for name in [
        "insert",
        "paste",
        "resize",
        "click_at",
        "pull_finished",
        "save_timed_out",
        "",
    ] {
        assert_eq!(Action::from_name(name), None, "{name}");
    }
}

#[test]
fn facet_kinds_in_pane_order() {
    let titles: Vec<&str> = FacetKind::ALL.iter().map(|k| k.title()).collect();
    assert_eq!(
        titles,
        [
            "Bookmarks",
            "Application status",
            "Work mode",
            "Employment type",
            "Seniority",
            "Salary floor (yearly)",
            "Company",
            "Location",
            "Remote, open to",
            "Skills"
        ]
    );
}
