//! Every integration test but the extraction scores (`tests/eval.rs`, run alone with
//! `--release`) in one test binary: one link instead of twenty after a change, one start, and
//! the tests of every feature running side by side on every core. Each feature's tests are a
//! module in a file of their own, named after it; one file's tests run with
//! `cargo test --test it pty::` (a module's path is a filter).
//!
//! Tests here share one process: none changes the process's environment, working folder or
//! other global state (`common::run_here` and friends run commands in-process with folders
//! and settings of their own); anything that needs a process of its own (signals, a terminal,
//! `kill -9`, hash seeds) starts the binary.

mod common;
mod pull_server;

mod app;
mod architecture;
mod bookmarks_cli;
mod cli;
mod config;
mod formats;
mod fuzz_corpus;
mod gen_corpus;
mod hostile;
mod money_places_dates;
mod names;
mod own_files;
mod properties;
mod pty;
mod pull;
mod search_cache;
mod seeds;
mod store;
mod tui;
mod ui_snapshots;
