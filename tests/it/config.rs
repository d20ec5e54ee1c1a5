//! The config file: keys and themes take effect, bad values are named, the shell niceties.

use assert_cmd::Command;
use jobdeck::app::{App, Settings};
use jobdeck::config::Config;
use jobdeck::corpus::{CorpusSource, LoadOptions, load};
use jobdeck::facets::SortKey;
use jobdeck::tui::headless::Headless;

fn seeds_with(config_text: &str) -> (Headless, Vec<String>) {
    let (cfg, mut problems) = Config::parse(config_text);
    let (settings, more) = jobdeck::cli::settings(&cfg);
    problems.extend(more);
    let mut h = Headless::new(
        load(&CorpusSource::Seeds, &LoadOptions::default()).postings,
        (120, 35),
    );
    // Same postings, the configured app.
    let postings = std::mem::take(&mut h.app.model.postings);
    h.app = App::new("seeds", settings, h.app.model.today);
    h.send(jobdeck::app::Action::Resize(120, 35));
    h.send(jobdeck::app::Action::Loaded(postings));
    (h, problems)
}

#[test]
fn rebound_keys_take_effect_and_bad_ones_are_named() {
    let (mut h, problems) = seeds_with(
        r#"
        [keys.list]
        down = ["n"]
        bottom = "hyper-z"
        [keys.global]
        quit = ["Q"]
        "#,
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("keys.list.bottom") && problems[0].contains("hyper-z"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("keys.list.down") && problems[1].contains("edit_note"),
        "n no longer writes a note in the list, and that is said: {problems:?}"
    );
    h.press("n");
    assert_eq!(h.app.view.selected, 1, "n moves down now");
    h.press("g");
    h.press("G");
    assert_eq!(
        h.app.view.selected, 1,
        "the bad binding kept its default (G)"
    );
    h.press("q");
    assert!(!h.app.model.should_quit, "q no longer quits");
    h.press("Q");
    assert!(h.app.model.should_quit);
}

#[test]
fn help_lists_the_bindings_in_effect() {
    let (mut h, _) = seeds_with("[keys.global]\nhelp = [\"?\", \"f1\"]\n");
    h.press("f1");
    let text: String = jobdeck::ui::help::lines(&h.app, 100)
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
                + "\n"
        })
        .collect();
    assert!(text.contains("?, f1"), "{text}");
}

#[test]
fn theme_and_sort_and_columns_from_the_config() {
    let (h, problems) =
        seeds_with("theme = \"light\"\nsort = \"title\"\ncolumns = [\"company\", \"posted\"]\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(h.app.settings.theme.name, "light");
    assert_eq!(h.app.model.sort, SortKey::Title);
    assert_eq!(h.titles()[0], "Backend Engineer");
    assert_eq!(h.app.settings.columns.len(), 2);
    let (h, problems) = seeds_with("theme = \"neon\"\n");
    assert_eq!(h.app.settings.theme.name, "dark");
    assert!(problems[0].contains("neon"), "{problems:?}");
}

#[test]
fn a_theme_file_by_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    std::fs::write(
        &path,
        "name = \"mine\"\n[styles]\naccent = { fg = \"#ff8800\" }\n",
    )
    .unwrap();
    let (h, problems) = seeds_with(&format!("theme = {:?}\n", path.to_str().unwrap()));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(h.app.settings.theme.name, "mine");
}

#[test]
fn scoring_rules_sort_and_explain() {
    let (mut h, problems) = seeds_with(
        r#"
        sort = "score"
        [[scoring]]
        when = "skill:mixpanel"
        points = 20
        reason = "I know Mixpanel"
        [[scoring]]
        when = "mode:hybrid"
        points = -5
        reason = "hybrid"
        "#,
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        h.titles()[0].contains("Product Trust"),
        "highest score first"
    );
    let p = h.app.selected_posting().unwrap().clone();
    let text: String = jobdeck::ui::detail::lines(&h.app, &p, 100)
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
                + "\n"
        })
        .collect();
    assert!(text.contains("+20  +20 I know Mixpanel"), "{text}");
    h.press("s");
    assert_eq!(
        h.app.model.sort,
        SortKey::Title,
        "score → (no query: no relevance) → title"
    );
}

fn jobdeck(home: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("jobdeck").unwrap();
    cmd.env_clear()
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_STATE_HOME", home.path().join("state"));
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn config_subcommand_prints_path_defaults_and_problems() {
    let home = tempfile::tempdir().unwrap();
    assert_eq!(
        stdout(jobdeck(&home).args(["config", "--print-default"])),
        jobdeck::config::DEFAULT_CONFIG
    );
    let path = stdout(jobdeck(&home).args(["config", "--path"]));
    assert_eq!(
        path.trim(),
        home.path()
            .join("config/jobdeck/config.toml")
            .to_str()
            .unwrap()
    );
    assert!(stdout(jobdeck(&home).arg("config")).contains("defaults are used"));
    let out = config_problems(
        &home,
        "sort = \"random\"\n[keys.list]\ndown = [\"ctrl-\"]\n",
    );
    assert!(out.contains("sort:") && out.contains("random"), "{out}");
    assert!(out.contains("keys.list.down"), "{out}");
}

/// What `jobdeck config` prints for a config file holding `toml`, which must have problems
/// (exit 1).
fn config_problems(home: &tempfile::TempDir, toml: &str) -> String {
    std::fs::create_dir_all(home.path().join("config/jobdeck")).unwrap();
    std::fs::write(home.path().join("config/jobdeck/config.toml"), toml).unwrap();
    let out = jobdeck(home)
        .arg("config")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn config_subcommand_names_a_key_bound_twice_in_one_context() {
    let home = tempfile::tempdir().unwrap();
    let out = config_problems(&home, "[keys.list]\ndown = [\"j\", \"down\", \"n\"]\n");
    for part in ["keys.list.down", " n ", "edit_note", "list context"] {
        assert!(out.contains(part), "{part:?} in {out}");
    }
}

#[test]
fn version_shows_where_files_live() {
    let home = tempfile::tempdir().unwrap();
    let out = stdout(jobdeck(&home).arg("--version"));
    for part in [
        "config/jobdeck/config.toml",
        "data/jobdeck/shortlists.json",
        "cache/jobdeck",
        "state/jobdeck/jobdeck.log",
    ] {
        assert!(out.contains(part), "{part} missing from:\n{out}");
    }
}

#[test]
fn completions_and_man_page() {
    let home = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(jobdeck(&home).args(["completions", shell]));
        assert!(
            script.contains("bookmarks") && script.contains("search"),
            "{shell}"
        );
    }
    let bash = stdout(jobdeck(&home).args(["completions", "bash"]));
    assert!(
        bash.contains("saved applied interviewing offer rejected withdrawn"),
        "--status completes to the statuses"
    );
    let man = stdout(jobdeck(&home).arg("man"));
    assert!(
        man.contains(".TH JOBDECK 1") && man.contains("COMMANDS") && man.contains("EXIT STATUS"),
        "{man}"
    );
    assert!(
        !man.contains(home.path().to_str().unwrap()),
        "the page names no path of this machine"
    );
    jobdeck(&home)
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn logs_go_to_a_private_file() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config/jobdeck")).unwrap();
    std::fs::write(
        home.path().join("config/jobdeck/config.toml"),
        "sort = \"random\"\n",
    )
    .unwrap();
    jobdeck(&home)
        .arg("parse")
        .env("JOBDECK_LOG", "debug")
        .assert()
        .success();
    let log = home.path().join("state/jobdeck/jobdeck.log");
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("config: sort"), "{text}");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&log).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn no_color_turns_colours_off() {
    let (cfg, _) = Config::parse("");
    // SAFETY-free: the test sets the variable for this process only, before anything reads it.
    let with = {
        let (s, _) = jobdeck::cli::settings(&cfg);
        s.theme
    };
    assert!(with.selection.bg.is_some());
    let plain = with.clone().without_colors();
    assert!(plain.selection.bg.is_none() && plain.selection.fg.is_none());
    let _ = Settings::default();
}

#[test]
fn overlay_hints_show_the_keys_in_effect() {
    let (mut h, problems) = seeds_with("[keys.note]\nsave_note = [\"ctrl-o\"]\n");
    assert!(problems.is_empty(), "{problems:?}");
    h.press("n");
    let screen = h.screen();
    assert!(screen.contains("ctrl-o save"), "{screen}");
    assert!(!screen.contains("ctrl-s"), "{screen}");
}

#[test]
fn the_search_bar_hint_and_the_empty_list_name_the_keys_in_effect() {
    let (mut h, problems) =
        seeds_with("[keys.global]\nhelp = [\"f1\"]\nfocus_search = [\"ctrl-k\"]\n");
    assert!(problems.is_empty(), "{problems:?}");
    h.send(jobdeck::app::Action::Resize(80, 24));
    let screen = h.screen();
    assert!(screen.contains("ctrl-k to search, f1 for help"), "{screen}");
    h.press("ctrl-k");
    h.type_str("zzqx");
    h.press("enter");
    let screen = h.screen();
    assert!(
        screen.contains("ctrl-k then esc clears the search"),
        "{screen}"
    );
}
