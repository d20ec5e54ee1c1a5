//! Ashby's public Job Postings API: `GET /posting-api/job-board/{name}?includeCompensation=true`
//! on `api.ashbyhq.com` answers `{"apiVersion": "1", "jobs": […]}`, each job with its `id`,
//! `title`, `location`, `secondaryLocations`, `workplaceType`, `employmentType`,
//! `descriptionHtml`/`descriptionPlain`, `jobUrl` and, asked for, `compensation` (tiers and a
//! summary such as "$81K – $87K"). Public and keyless ("get data for all currently published
//! jobs"); an unknown board is a 404.

use super::{Client, Kind, Listing, Validators, json_board};

pub(super) fn fetch(
    c: &Client,
    board: &str,
    prior: &dyn Fn(&str) -> Option<Validators>,
) -> Result<Listing, String> {
    json_board(
        c,
        Kind::Ashby,
        board,
        &format!("/posting-api/job-board/{board}?includeCompensation=true"),
        Some("jobs"),
        &format!("Ashby has no job board {board:?}"),
        prior,
    )
}
