//! Greenhouse's Job Board API: `GET /v1/boards/{token}/jobs?content=true` on
//! `boards-api.greenhouse.io` answers `{"jobs": […], "meta": {"total": N}}`, each job with its
//! `id`, `title`, `location.name`, `absolute_url`, `updated_at` and its description as
//! HTML-escaped HTML in `content`. Public and keyless (only applying needs a key); an unknown
//! board is a 404.

use super::{Client, Kind, Listing, Validators, json_board};

pub(super) fn fetch(
    c: &Client,
    board: &str,
    prior: &dyn Fn(&str) -> Option<Validators>,
) -> Result<Listing, String> {
    json_board(
        c,
        Kind::Greenhouse,
        board,
        &format!("/v1/boards/{board}/jobs?content=true"),
        Some("jobs"),
        &format!("Greenhouse has no board {board:?}"),
        prior,
    )
}
