//! jobdeck: a keyboard-driven terminal browser for saved job postings.
//!
//! The data flows one way: files → [`corpus`] (walk, read) → [`parse`] (decode, sanitize,
//! detect format, extract fields) → [`posting::Posting`]s → [`search`] → the UI. The library
//! target exposes all of it so tests, benches and fuzzers use the internals.

#![forbid(unsafe_code)]

pub mod app;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod dates;
pub mod debug;
pub mod facets;
pub mod fsio;
pub mod intern;
pub mod layout;
pub mod logging;
pub mod money;
pub mod parse;
pub mod paths;
pub mod places;
pub mod posting;
pub mod pull;
pub mod sanitize;
pub mod scoring;
pub mod search;
pub mod store;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
