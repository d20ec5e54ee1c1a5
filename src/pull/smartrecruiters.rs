//! SmartRecruiters' Posting API: `GET /v1/companies/{company}/postings?limit=100&offset=N` on
//! `api.smartrecruiters.com` lists the active postings (`{"offset", "limit", "totalFound",
//! "content": […]}`) without their text; `GET /v1/companies/{company}/postings/{id}` gives
//! one in full (`jobAd.sections`: company description, job description, qualifications,
//! additional information). "Posting API does not require authentication as it exposes data
//! that are already publicly available." Each posting's file is its full object. A company
//! the API does not know answers an empty list, so an empty answer is a failure and nothing
//! is marked closed.

use serde::Deserialize;

use super::http::Fetched;
use super::{Client, Item, Kind, Listing, ListingBody, Validators, listing_error, safe_id};

/// Most pages of 100 read (10,000 postings).
const MAX_PAGES: usize = 100;

pub(super) fn fetch(
    c: &Client,
    board: &str,
    prior: &dyn Fn(&str) -> Option<Validators>,
) -> Result<Listing, String> {
    let origin = Kind::SmartRecruiters.origin(board);
    #[derive(Deserialize)]
    struct Page {
        #[serde(rename = "totalFound", default)]
        total: usize,
        #[serde(default)]
        content: Vec<Entry>,
    }
    #[derive(Deserialize)]
    struct Entry {
        id: serde_json::Value,
    }
    let mut ids = Vec::new();
    let mut validators = Validators::default();
    for page in 0..MAX_PAGES {
        let url = c.url(
            &origin,
            &format!(
                "/v1/companies/{board}/postings?limit=100&offset={}",
                page * 100
            ),
        );
        // Only the first page is asked conditionally: it changes when any posting does.
        let cond = if page == 0 { prior(board) } else { None };
        let bytes = match c
            .get(&url, cond.as_ref())
            .map_err(|e| listing_error(e, &format!("SmartRecruiters has no company {board:?}")))?
        {
            Fetched::NotModified => {
                return Ok(Listing {
                    board: board.to_string(),
                    body: ListingBody::NotModified,
                });
            }
            Fetched::Body {
                bytes,
                validators: v,
            } => {
                if page == 0 {
                    validators = v;
                }
                bytes
            }
        };
        let p: Page = serde_json::from_slice(&bytes)
            .map_err(|e| format!("not a SmartRecruiters postings list: {e}"))?;
        let got = p.content.len();
        ids.extend(p.content.iter().filter_map(|e| super::id_text(&e.id)));
        if got == 0 || ids.len() >= p.total {
            break;
        }
    }
    if ids.is_empty() {
        return Err(format!(
            "unknown company or no open postings: SmartRecruiters answers a company it does not know with an empty list; is {board:?} the name in careers.smartrecruiters.com/<name>? Nothing was marked closed"
        ));
    }
    let mut items = Vec::with_capacity(ids.len());
    for id in ids {
        let safe = safe_id(&id);
        if safe != id {
            continue; // an id that cannot be a path segment is no id of this API
        }
        let url = c.url(&origin, &format!("/v1/companies/{board}/postings/{id}"));
        match c
            .get(&url, None)
            .map_err(|e| format!("posting {id}: {e}"))?
        {
            Fetched::Body { bytes, .. } => items.push(Item {
                id: safe,
                bytes,
                ext: "json",
            }),
            Fetched::NotModified => return Err(format!("posting {id}: unexpected 304")),
        }
    }
    Ok(Listing {
        board: board.to_string(),
        body: ListingBody::Items {
            items: super::dedup(items),
            validators,
        },
    })
}
