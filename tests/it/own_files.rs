//! jobdeck's own files are untrusted too: the shortlists, `config.toml`, a theme file and the
//! parse cache replaced by a FIFO or a link to `/dev/zero` must never hang a command or make it
//! read until memory runs out, and writing "through the link" must never replace the device.
//! (Its own test binary: it runs many commands, which would crowd the timed hostile-folder test.)

use crate::common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::PathBuf;
use std::time::Duration;

use common::{mkfifo, run_here_within, run_with_deadline};

/// jobdeck's own files — the shortlists, the config, a theme file, the parse cache — replaced by
/// a FIFO or a link to /dev/zero: every command finishes promptly (a FIFO was waited on for
/// ever, /dev/zero read until memory ran out) and says which file and why.
#[test]
fn jobdecks_own_files_as_a_fifo_or_dev_zero_never_hang_or_flood() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let dir = home.join("postings");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("a.txt"),
        "Rust Engineer\nCompany: Ferrous\nWe write Rust.",
    )
    .unwrap();
    let dir_s = dir.to_str().unwrap();
    let config_dir = home.join("config/jobdeck");
    let data_dir = home.join("data/jobdeck");
    fs::create_dir_all(&config_dir).unwrap();
    fs::create_dir_all(&data_dir).unwrap();
    let theme = home.join("theme.toml");
    let cache =
        jobdeck::corpus::cache::cache_file(&home.join("cache/jobdeck"), std::slice::from_ref(&dir));
    fs::create_dir_all(cache.parent().unwrap()).unwrap();
    let targets: [(&str, PathBuf); 4] = [
        ("shortlists", data_dir.join("shortlists.json")),
        ("config", config_dir.join("config.toml")),
        ("theme", theme.clone()),
        ("cache", cache.clone()),
    ];
    for (what, path) in &targets {
        for special in ["fifo", "zero"] {
            let _ = fs::remove_file(path);
            if what == &"theme" {
                fs::write(
                    config_dir.join("config.toml"),
                    format!("theme = {:?}\n", theme.to_str().unwrap()),
                )
                .unwrap();
            } else if what == &"config" {
                // (the config itself is the target)
            } else {
                let _ = fs::remove_file(config_dir.join("config.toml"));
            }
            match special {
                "fifo" => mkfifo(path),
                _ => symlink("/dev/zero", path).unwrap(),
            }
            for args in [
                vec!["bookmarks", "list", dir_s],
                vec!["search", "rust", dir_s],
                vec!["parse", dir_s],
                vec!["config"],
            ] {
                let deadline = Duration::from_secs(60);
                // A FIFO waited on for ever is caught by the deadline in this process; /dev/zero
                // read without bound must die in a process of its own, under a memory limit.
                let out = if special == "fifo" {
                    run_here_within(home, &args, deadline)
                } else {
                    run_with_deadline(home, &args, deadline, true)
                };
                let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
                let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
                let said = format!("{stdout}{stderr}");
                let ctx = format!("{what} as {special}, `jobdeck {}`", args.join(" "));
                // Writing "through the link" must never replace the device itself.
                use std::os::unix::fs::FileTypeExt;
                assert!(
                    fs::metadata("/dev/zero").is_ok_and(|m| m.file_type().is_char_device()),
                    "{ctx}: /dev/zero was replaced"
                );
                assert!(
                    out.status.code().is_some(),
                    "{ctx}: killed by a signal (memory?)\n{said}"
                );
                match *what {
                    "shortlists" if args[0] == "bookmarks" => {
                        assert!(!out.status.success(), "{ctx}");
                        assert!(said.contains("shortlists.json"), "{ctx}: {said}");
                        assert!(said.contains("not a regular file"), "{ctx}: {said}");
                    }
                    "config" => {
                        assert!(said.contains("config.toml"), "{ctx}: {said}");
                        assert!(said.contains("not a regular file"), "{ctx}: {said}");
                    }
                    // The theme is read by the browser and `jobdeck config` only.
                    "theme" if args[0] == "config" => {
                        assert!(said.contains("theme.toml"), "{ctx}: {said}");
                        assert!(said.contains("not a regular file"), "{ctx}: {said}");
                    }
                    // The cache is an optimisation: without it, the folder is read.
                    "cache" if args[0] == "search" || args[0] == "parse" => {
                        assert!(out.status.success(), "{ctx}: {said}");
                        assert!(stdout.contains("Ferrous"), "{ctx}: {said}");
                    }
                    _ => {}
                }
            }
        }
        let _ = fs::remove_file(path);
    }
}
