//! Recruitee's Careers Site API: `GET /api/offers/` on `{company}.recruitee.com` answers
//! `{"offers": […]}`, each offer with its `id`, `title`, `location`, `description` and
//! `requirements` (HTML), `employment_type_code`, `remote`/`hybrid`/`on_site` and, when given,
//! `salary`. "API does not require authorization" (career.recruitee.com/docs); an unknown
//! company is a 404.

use super::{Client, Kind, Listing, Validators, json_board};

pub(super) fn fetch(
    c: &Client,
    board: &str,
    prior: &dyn Fn(&str) -> Option<Validators>,
) -> Result<Listing, String> {
    json_board(
        c,
        Kind::Recruitee,
        board,
        "/api/offers/",
        Some("offers"),
        &format!("Recruitee has no careers site {board:?}"),
        prior,
    )
}
