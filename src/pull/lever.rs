//! Lever's Postings API: `GET /v0/postings/{site}?mode=json` on `api.lever.co` (or
//! `api.eu.lever.co` for the EU instance) answers a JSON array of postings, each with its `id`,
//! `text` (the title), `categories` (location, commitment, team), `workplaceType`,
//! `salaryRange`, `hostedUrl` and the description in HTML and plain text. Public and keyless
//! ("published postings are publicly viewable"). Lever answers a site that does not exist with
//! `200 []` — the same as a company with no openings — so an empty answer is reported as a
//! failure and nothing is marked closed.

use super::{Client, Kind, Listing, ListingBody, Validators, json_board};

pub(super) fn fetch(
    c: &Client,
    kind: Kind,
    board: &str,
    prior: &dyn Fn(&str) -> Option<Validators>,
) -> Result<Listing, String> {
    let listing = json_board(
        c,
        kind,
        board,
        &format!("/v0/postings/{board}?mode=json"),
        None,
        &format!("Lever has no site {board:?}"),
        prior,
    )?;
    if matches!(&listing.body, ListingBody::Items { items, .. } if items.is_empty()) {
        return Err(format!(
            "unknown board or no open postings: Lever answers a site it does not know with an empty list (HTTP 200 []); is {board:?} the name in jobs.lever.co/<name>{}? Nothing was marked closed",
            if kind == Kind::LeverEu { " (EU)" } else { "" }
        ));
    }
    Ok(listing)
}
