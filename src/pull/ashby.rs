//! Ashby's public Job Postings API: `GET /posting-api/job-board/{name}?includeCompensation=true`
//! on `api.ashbyhq.com` answers `{"apiVersion": "1", "jobs": […]}`, each job with its `id`,
//! `title`, `location`, `secondaryLocations`, `workplaceType`, `employmentType`,
//! `descriptionHtml`/`descriptionPlain`, `jobUrl` and, asked for, `compensation` (tiers and a
//! summary such as "$81K – $87K"). Public and keyless ("get data for all currently published
//! jobs"); an unknown board is a 404.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{Client, Kind, Listing, Validators, json_items, listing_error};

pub(super) fn fetch(
    c: &Client,
    board: &str,
    prior: &dyn Fn(&str) -> Option<Validators>,
) -> Result<Listing, String> {
    let url = c.url(
        &Kind::Ashby.origin(board),
        &format!("/posting-api/job-board/{board}?includeCompensation=true"),
    );
    let fetched = c
        .get(&url, prior(board).as_ref())
        .map_err(|e| listing_error(e, &format!("Ashby has no job board {board:?}")))?;
    Listing::from_fetched(board, fetched, |bytes| {
        #[derive(Deserialize)]
        struct Jobs<'a> {
            #[serde(borrow)]
            jobs: Vec<&'a RawValue>,
        }
        let list: Jobs =
            serde_json::from_slice(bytes).map_err(|e| format!("not an Ashby job board: {e}"))?;
        Ok(json_items(&list.jobs, "id"))
    })
}
