//! Recruitee's Careers Site API: `GET /api/offers/` on `{company}.recruitee.com` answers
//! `{"offers": […]}`, each offer with its `id`, `title`, `location`, `description` and
//! `requirements` (HTML), `employment_type_code`, `remote`/`hybrid`/`on_site` and, when given,
//! `salary`. "API does not require authorization" (career.recruitee.com/docs); an unknown
//! company is a 404.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{Client, Kind, Listing, Validators, json_items, listing_error};

pub(super) fn fetch(
    c: &Client,
    board: &str,
    prior: &dyn Fn(&str) -> Option<Validators>,
) -> Result<Listing, String> {
    let url = c.url(&Kind::Recruitee.origin(board), "/api/offers/");
    let fetched = c
        .get(&url, prior(board).as_ref())
        .map_err(|e| listing_error(e, &format!("Recruitee has no careers site {board:?}")))?;
    Listing::from_fetched(board, fetched, |bytes| {
        #[derive(Deserialize)]
        struct Offers<'a> {
            #[serde(borrow)]
            offers: Vec<&'a RawValue>,
        }
        let list: Offers = serde_json::from_slice(bytes)
            .map_err(|e| format!("not a Recruitee offers list: {e}"))?;
        Ok(json_items(&list.offers, "id"))
    })
}
