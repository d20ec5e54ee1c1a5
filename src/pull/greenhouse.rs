//! Greenhouse's Job Board API: `GET /v1/boards/{token}/jobs?content=true` on
//! `boards-api.greenhouse.io` answers `{"jobs": […], "meta": {"total": N}}`, each job with its
//! `id`, `title`, `location.name`, `absolute_url`, `updated_at` and its description as
//! HTML-escaped HTML in `content`. Public and keyless (only applying needs a key); an unknown
//! board is a 404.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{Client, Kind, Listing, Validators, json_items, listing_error};

pub(super) fn fetch(
    c: &Client,
    board: &str,
    prior: &dyn Fn(&str) -> Option<Validators>,
) -> Result<Listing, String> {
    let url = c.url(
        &Kind::Greenhouse.origin(board),
        &format!("/v1/boards/{board}/jobs?content=true"),
    );
    let fetched = c
        .get(&url, prior(board).as_ref())
        .map_err(|e| listing_error(e, &format!("Greenhouse has no board {board:?}")))?;
    Listing::from_fetched(board, fetched, |bytes| {
        #[derive(Deserialize)]
        struct Jobs<'a> {
            #[serde(borrow)]
            jobs: Vec<&'a RawValue>,
        }
        let list: Jobs =
            serde_json::from_slice(bytes).map_err(|e| format!("not a Greenhouse job list: {e}"))?;
        Ok(json_items(&list.jobs, "id"))
    })
}
