//! `jobdeck man`: one whole manual page, built from what the program knows of itself — the
//! command line (clap), the keys (the default key map), the query language — plus the files,
//! the environment and the exit statuses. Paths are written as the XDG rules make them, never
//! as this machine's.

use roff::{Roff, bold, italic, roman};

use crate::app::keymap::{Context, Keymap};

/// The page, in roff.
pub fn page(cmd: &clap::Command) -> String {
    let mut r = Roff::new();
    r.control(
        "TH",
        [
            "JOBDECK",
            "1",
            "",
            &format!("jobdeck {}", env!("CARGO_PKG_VERSION")),
        ],
    );
    name_and_synopsis(&mut r, cmd);
    description(&mut r, cmd);
    commands(&mut r, cmd);
    keys(&mut r);
    query_language(&mut r);
    r.control("SH", ["FILES"]);
    for (path, what) in FILES {
        r.control("TP", []);
        r.text([italic(*path)]);
        r.text([roman(*what)]);
    }
    tagged(&mut r, "ENVIRONMENT", ENVIRONMENT);
    tagged(&mut r, "EXIT STATUS", EXIT_STATUS);
    r.render()
}

/// A section of tagged paragraphs, each tag in bold.
fn tagged(r: &mut Roff, title: &str, rows: &[(&str, &str)]) {
    r.control("SH", [title]);
    for (tag, what) in rows {
        r.control("TP", []);
        r.text([bold(*tag)]);
        r.text([roman(*what)]);
    }
}

/// jobdeck's files, as the XDG rules place them.
const FILES: &[(&str, &str)] = &[
    (
        "$XDG_CONFIG_HOME/jobdeck/config.toml",
        "the config file (~/.config/jobdeck/config.toml when XDG_CONFIG_HOME is unset)",
    ),
    (
        "$XDG_DATA_HOME/jobdeck/shortlists.json",
        "your bookmarks, lists, notes and statuses (~/.local/share/jobdeck)",
    ),
    (
        "$XDG_CACHE_HOME/jobdeck/",
        "the parse cache: safe to delete (~/.cache/jobdeck)",
    ),
    (
        "$XDG_STATE_HOME/jobdeck/jobdeck.log",
        "the log (~/.local/state/jobdeck); jobdeck --version prints the paths in force",
    ),
    (
        "$XDG_STATE_HOME/jobdeck/history.json",
        "the search bar's query history (the last 100 queries, a JSON list)",
    ),
];

/// The environment variables jobdeck reads.
const ENVIRONMENT: &[(&str, &str)] = &[
    ("JOBDECK_POSTINGS", "the folder to open when none is given"),
    (
        "JOBDECK_CONFIG_DIR, JOBDECK_DATA_DIR, JOBDECK_CACHE_DIR, JOBDECK_STATE_DIR",
        "override the folders above",
    ),
    (
        "XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME, XDG_STATE_HOME",
        "where those folders are by default",
    ),
    (
        "JOBDECK_LOG",
        "the log level (error, warn, info, debug, trace)",
    ),
    ("NO_COLOR", "when set and not empty, no colours"),
];

/// The exit statuses.
const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "success (search: something matched)"),
    (
        "1",
        "search: nothing matched; the browser: a failure it reported",
    ),
    (
        "2",
        "a bad command line, query, path or config, or a command that failed",
    ),
    (
        "128+n",
        "the browser ended by signal n (SIGHUP 129, SIGTERM 143)",
    ),
];

/// NAME, and SYNOPSIS: one line per command.
fn name_and_synopsis(r: &mut Roff, cmd: &clap::Command) {
    r.control("SH", ["NAME"]);
    r.text([roman(format!(
        "jobdeck - {}",
        cmd.get_about().map(|a| a.to_string()).unwrap_or_default()
    ))]);

    r.control("SH", ["SYNOPSIS"]);
    let mut first = true;
    for_each_command(cmd, "jobdeck", &mut |path, c| {
        if !first {
            r.control("br", []);
        }
        first = false;
        r.text([bold(path.to_string()), roman(format!(" {}", usage_args(c)))]);
    });
}

/// DESCRIPTION: the long about, and what the browser opens.
fn description(r: &mut Roff, cmd: &clap::Command) {
    r.control("SH", ["DESCRIPTION"]);
    if let Some(long) = cmd.get_long_about() {
        r.text([roman(long.to_string())]);
    }
    r.control("PP", []);
    r.text([roman(
        "With no command, jobdeck opens the browser on the given files or folders (or \
         $JOBDECK_POSTINGS, the config's postings_dir, or the built-in seed postings). The \
         browser needs a terminal; parse and search work without one.",
    )]);
}

/// COMMANDS: each subcommand with its arguments, then the browser's.
fn commands(r: &mut Roff, cmd: &clap::Command) {
    r.control("SH", ["COMMANDS"]);
    for_each_command(cmd, "jobdeck", &mut |path, c| {
        if path == "jobdeck" {
            return;
        }
        r.control("SS", [path]);
        if let Some(about) = c.get_long_about().or(c.get_about()) {
            r.text([roman(about.to_string())]);
        }
        arguments(r, c);
    });
    r.control("SS", ["jobdeck (the browser)"]);
    arguments(r, cmd);
}

/// KEYS: the default bindings, per context.
fn keys(r: &mut Roff) {
    r.control("SH", ["KEYS"]);
    r.text([roman(
        "The default bindings; the [keys.<context>] tables of the config file change them \
         (see jobdeck config --print-default). The help overlay (?) shows the bindings in force.",
    )]);
    let keymap = Keymap::defaults();
    for &ctx in Context::ALL {
        let bindings: Vec<_> = keymap
            .bindings()
            .iter()
            .filter(|b| b.context == ctx && !b.keys.is_empty())
            .collect();
        if bindings.is_empty() {
            continue;
        }
        r.control("SS", [ctx.title()]);
        for b in bindings {
            let keys: Vec<String> = b.keys.iter().map(|k| k.to_string()).collect();
            r.control("TP", []);
            r.text([bold(keys.join(", "))]);
            r.text([roman(b.action.describe())]);
        }
    }
}

/// QUERY LANGUAGE: each form with what it matches.
fn query_language(r: &mut Roff) {
    r.control("SH", ["QUERY LANGUAGE"]);
    for (q, what) in crate::search::query::LANGUAGE {
        r.control("TP", []);
        r.text([bold(*q)]);
        r.text([roman(*what)]);
    }
}

/// Calls `f` on the command and every visible subcommand below it, depth first, with its
/// path ("jobdeck bookmarks add").
fn for_each_command(cmd: &clap::Command, path: &str, f: &mut dyn FnMut(&str, &clap::Command)) {
    f(path, cmd);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        for_each_command(sub, &format!("{path} {}", sub.get_name()), f);
    }
}

/// "[OPTIONS] QUERY [PATHS]..." for a synopsis line.
fn usage_args(c: &clap::Command) -> String {
    let mut parts = Vec::new();
    if c.get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        parts.push("[OPTIONS]".to_string());
    }
    for a in c.get_positionals() {
        let name = a
            .get_value_names()
            .and_then(|v| v.first())
            .map_or_else(|| a.get_id().to_string().to_uppercase(), |n| n.to_string());
        let many = matches!(a.get_num_args(), Some(r) if r.max_values() > 1);
        let dots = if many { "..." } else { "" };
        parts.push(if a.is_required_set() {
            format!("{name}{dots}")
        } else {
            format!("[{name}]{dots}")
        });
    }
    if c.is_subcommand_required_set() {
        parts.push("COMMAND".into());
    }
    parts.join(" ")
}

/// The arguments and options of a command, as a tagged list.
fn arguments(r: &mut Roff, c: &clap::Command) {
    for a in c.get_arguments().filter(|a| !a.is_hide_set()) {
        let id = a.get_id().as_str();
        if id == "help" || id == "version" {
            continue;
        }
        let value = a
            .get_value_names()
            .and_then(|v| v.first())
            .map_or_else(|| id.to_uppercase(), |n| n.to_string());
        let mut flag = Vec::new();
        if let Some(s) = a.get_short() {
            flag.push(format!("-{s}"));
        }
        if let Some(l) = a.get_long() {
            flag.push(format!("--{l}"));
        }
        let takes_value = a.get_action().takes_values();
        let head = if a.is_positional() {
            value
        } else if takes_value {
            format!("{} {value}", flag.join(", "))
        } else {
            flag.join(", ")
        };
        let mut help = a
            .get_long_help()
            .or(a.get_help())
            .map(|h| h.to_string())
            .unwrap_or_default();
        let possible: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if takes_value && !possible.is_empty() {
            if !help.is_empty() {
                help.push_str(": ");
            }
            help.push_str(&format!("one of {}.", possible.join(", ")));
        }
        r.control("TP", []);
        r.text([bold(head)]);
        r.text([roman(help)]);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_page_has_every_section_and_no_machine_paths() {
        let dirs = crate::paths::Paths {
            config_dir: "/home/someone/.config/jobdeck".into(),
            data_dir: "/home/someone/.local/share/jobdeck".into(),
            cache_dir: "/home/someone/.cache/jobdeck".into(),
            state_dir: "/home/someone/.local/state/jobdeck".into(),
        };
        let page = super::page(&super::super::command(&dirs));
        for section in [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "COMMANDS",
            "KEYS",
            "QUERY LANGUAGE",
            "FILES",
            "ENVIRONMENT",
            "EXIT STATUS",
        ] {
            assert!(
                page.contains(&format!(".SH \"{section}\""))
                    || page.contains(&format!(".SH {section}")),
                "{section}"
            );
        }
        for sub in [
            "jobdeck parse",
            "jobdeck search",
            "jobdeck bookmarks add",
            "jobdeck config",
        ] {
            assert!(page.contains(sub), "{sub}");
        }
        assert!(!page.contains("someone"), "no machine paths");
        assert!(
            !page.contains("jobdeck\\-parse(1)"),
            "no pages that do not exist"
        );
        // The keys come from the key map.
        assert!(page.contains("show or hide this help"));
    }
}
