//! The facets, their values, and the user's selection of values.

use std::collections::BTreeSet;

use crate::posting::{EmploymentType, Seniority, WorkMode};
use crate::store::Status;

/// The facets, in the order the filter pane shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::VariantArray)]
pub enum FacetKind {
    Bookmarked,
    Status,
    Mode,
    Type,
    Level,
    Salary,
    Company,
    Location,
    /// Where a remote role may be done from.
    OpenTo,
    Skill,
}

impl FacetKind {
    pub const ALL: &'static [FacetKind] = <FacetKind as strum::VariantArray>::VARIANTS;

    pub fn title(self) -> &'static str {
        match self {
            FacetKind::Bookmarked => "Bookmarks",
            FacetKind::Status => "Application status",
            FacetKind::Mode => "Work mode",
            FacetKind::Type => "Employment type",
            FacetKind::Level => "Seniority",
            FacetKind::Salary => "Salary floor (yearly)",
            FacetKind::Company => "Company",
            FacetKind::Location => "Location",
            FacetKind::OpenTo => "Remote, open to",
            FacetKind::Skill => "Skills",
        }
    }

    pub(super) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// Yearly salary floors offered by the salary facet, in thousands of the posting's currency.
pub const SALARY_FLOORS: [u32; 5] = [50, 100, 150, 200, 250];

/// Most values listed for the open-ended facets (company, location, skills).
pub const MAX_LISTED: usize = 25;

/// One selectable value of a facet.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetValue {
    BookmarkedOnly,
    /// Application status (None: no status).
    Status(Option<Status>),
    Mode(Option<WorkMode>),
    Type(Option<EmploymentType>),
    Level(Option<Seniority>),
    /// Yearly salary at least this many thousands, in the home currency (`[money]`).
    SalaryAtLeast(u32),
    /// Postings that state no salary. Like the floors, one of the salary group's choices: a
    /// floor alone leaves them out; ticked with it (or alone), they are kept.
    NoSalary,
    /// Postings whose pay is a board's estimate; selected means *left out*.
    EstimatesLeftOut,
    Company(String),
    /// Postings that name no company.
    NoCompany,
    Location(String),
    /// Postings with a place in a country (by its name): the Location facet lists its places
    /// under it.
    Country(String),
    /// Postings that name no place.
    NoLocation,
    /// Remote roles open to people in a country (by its name), worldwide ones included, as
    /// `from:` has it.
    OpenTo(String),
    /// Remote roles open to people anywhere.
    OpenAnywhere,
    Skill(String),
}

impl FacetValue {
    pub fn kind(&self) -> FacetKind {
        match self {
            FacetValue::BookmarkedOnly => FacetKind::Bookmarked,
            FacetValue::Status(_) => FacetKind::Status,
            FacetValue::Mode(_) => FacetKind::Mode,
            FacetValue::Type(_) => FacetKind::Type,
            FacetValue::Level(_) => FacetKind::Level,
            FacetValue::SalaryAtLeast(_) | FacetValue::NoSalary | FacetValue::EstimatesLeftOut => {
                FacetKind::Salary
            }
            FacetValue::Company(_) | FacetValue::NoCompany => FacetKind::Company,
            FacetValue::Location(_) | FacetValue::Country(_) | FacetValue::NoLocation => {
                FacetKind::Location
            }
            FacetValue::OpenTo(_) | FacetValue::OpenAnywhere => FacetKind::OpenTo,
            FacetValue::Skill(_) => FacetKind::Skill,
        }
    }

    /// How the value reads in the filter pane and the status line.
    pub fn label(&self) -> String {
        let or_unstated = |v: Option<&str>| v.unwrap_or("not stated").to_string();
        match self {
            FacetValue::BookmarkedOnly => "bookmarked only".into(),
            FacetValue::Status(s) => s.map_or("no status".to_string(), |s| s.as_str().to_string()),
            FacetValue::Mode(m) => or_unstated(m.map(|m| m.as_str())),
            FacetValue::Type(t) => or_unstated(t.map(|t| t.as_str())),
            FacetValue::Level(l) => or_unstated(l.map(|l| l.as_str())),
            FacetValue::SalaryAtLeast(k) => format!("≥ {k}k"),
            FacetValue::NoSalary => "no salary stated".into(),
            FacetValue::EstimatesLeftOut => "hide estimates".into(),
            FacetValue::NoCompany | FacetValue::NoLocation => "not stated".into(),
            FacetValue::OpenAnywhere => "anywhere".into(),
            FacetValue::Company(s)
            | FacetValue::Location(s)
            | FacetValue::Country(s)
            | FacetValue::OpenTo(s)
            | FacetValue::Skill(s) => s.clone(),
        }
    }
}

/// The user's filter selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    selected: BTreeSet<FacetValue>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.selected.is_empty()
    }

    pub fn is_selected(&self, v: &FacetValue) -> bool {
        self.selected.contains(v)
    }

    pub fn selected(&self) -> impl Iterator<Item = &FacetValue> {
        self.selected.iter()
    }

    /// Selects or deselects a value. Salary floors are exclusive: one at a time.
    pub fn toggle(&mut self, v: FacetValue) {
        if self.selected.remove(&v) {
            return;
        }
        if matches!(v, FacetValue::SalaryAtLeast(_)) {
            self.selected
                .retain(|s| !matches!(s, FacetValue::SalaryAtLeast(_)));
        }
        self.selected.insert(v);
    }

    pub fn clear(&mut self) {
        self.selected.clear();
    }

    /// Short description of the active filters for the status line: "remote, ≥ 150k, Rust".
    pub fn summary(&self) -> String {
        self.selected
            .iter()
            .map(|v| match v {
                FacetValue::NoSalary => "or no salary stated".to_string(),
                FacetValue::EstimatesLeftOut => "estimates hidden".to_string(),
                FacetValue::Company(c) => format!("company {c}"),
                FacetValue::Location(l) | FacetValue::Country(l) => format!("in {l}"),
                FacetValue::NoCompany => "company not stated".into(),
                FacetValue::NoLocation => "location not stated".into(),
                FacetValue::OpenTo(c) => format!("open to {c}"),
                FacetValue::OpenAnywhere => "open to anywhere".into(),
                v => v.label(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}
