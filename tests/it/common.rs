//! What several integration tests share.

use std::path::Path;

use portable_pty::CommandBuilder;

/// The release-under-test `jobdeck` with `args`, for a pseudo-terminal: a clean environment,
/// `TERM=xterm-256color`, and every XDG folder (and the working directory) inside `home`.
pub fn pty_command(home: &Path, args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_jobdeck"));
    cmd.args(args);
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home);
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env("XDG_DATA_HOME", home.join("data"));
    cmd.env("XDG_CACHE_HOME", home.join("cache"));
    cmd.env("XDG_STATE_HOME", home.join("state"));
    cmd.cwd(home);
    cmd
}

/// `program` run isolated from the user's config and data: a clean environment (only `PATH`),
/// every XDG folder and the working directory inside `home`.
pub fn isolated(program: impl AsRef<std::ffi::OsStr>, home: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(program);
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_STATE_HOME", home.join("state"))
        .current_dir(home);
    cmd
}

/// `jobdeck ARGS…` isolated from the user's config and data (every XDG folder in `home`), its
/// output collected, killed and failed if it does not end within `deadline` (a hang). With
/// `limited`, under a 3 GB address-space limit (`prlimit --as`, when there is one), as the
/// issue's scripts run it: something that reads without bound dies instead of taking the
/// machine down.
pub fn run_with_deadline(
    home: &Path,
    args: &[&str],
    deadline: std::time::Duration,
    limited: bool,
) -> std::process::Output {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let bin = env!("CARGO_BIN_EXE_jobdeck");
    let has_prlimit = limited
        && Command::new("prlimit")
            .arg("--version")
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    let mut cmd = if has_prlimit {
        let mut c = isolated("prlimit", home);
        c.args(["--as=3000000000", "--"]).arg(bin);
        c
    } else {
        isolated(bin, home)
    };
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn jobdeck");
    // Drain both pipes on their own threads, so a full pipe never stalls the child.
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for jobdeck") {
            break status;
        }
        if started.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("jobdeck {args:?} did not finish within {deadline:?}: a hang");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    std::process::Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// Makes a FIFO at `path`.
pub fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
}

/// The shortlists on disk (empty when there is no file).
pub fn on_disk(file: &Path) -> jobdeck::store::Shortlists {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    if text.is_empty() {
        return jobdeck::store::Shortlists::default();
    }
    jobdeck::store::Shortlists::from_json(&text).unwrap_or_else(|e| panic!("{e}:\n{text}"))
}

/// The titles of the saved bookmarks in the shortlists file `file`, sorted.
pub fn saved_titles(file: &Path) -> Vec<String> {
    let mut v: Vec<String> = on_disk(file)
        .bookmarks
        .values()
        .filter(|b| b.is_saved())
        .map(|b| b.snapshot.title.clone().unwrap_or_default())
        .collect();
    v.sort();
    v
}

/// `jobdeck ARGS…` run in this process, as `main` runs it, with every folder where the binary
/// run by `run_with_deadline` in `home` has it (`home/config/jobdeck`, …) and the output not a
/// terminal (as when piped): its exit code and what it printed. For what a command
/// answers, not the process: no regex built again for every command. (What it says on the
/// standard error is not collected: [`run_here_within`] collects it.)
pub fn run_here(home: &Path, args: &[&str]) -> (std::process::ExitCode, Vec<u8>) {
    let (dirs, cli) = in_process(home, args);
    let mut out = Vec::new();
    let env = jobdeck::cli::Env::default();
    let code = jobdeck::cli::run(cli, &dirs, &mut out, &mut std::io::sink(), &env)
        .expect("the command runs");
    (code, out)
}

/// The folders under `home` and the parsed command line of an in-process `jobdeck ARGS…`.
fn in_process(home: &Path, args: &[&str]) -> (jobdeck::paths::Paths, jobdeck::cli::Cli) {
    use clap::Parser;
    // Read by the command from this process, as from its own: it must not point at a real folder.
    assert!(
        std::env::var_os("JOBDECK_POSTINGS").is_none(),
        "unset JOBDECK_POSTINGS to run the tests: it would choose the default corpus"
    );
    let dirs = jobdeck::paths::Paths {
        config_dir: home.join("config/jobdeck"),
        data_dir: home.join("data/jobdeck"),
        cache_dir: home.join("cache/jobdeck"),
        state_dir: home.join("state/jobdeck"),
    };
    let cli =
        jobdeck::cli::Cli::try_parse_from(std::iter::once("jobdeck").chain(args.iter().copied()))
            .expect("a valid command line");
    (dirs, cli)
}

/// `jobdeck ARGS…` run in this process as `main` runs it (see [`run_here`]), its messages and
/// an error that ends it collected as the standard error, on a thread of its own: a command
/// that does not end within `deadline` fails the test (a hang). Its exit status, output and
/// messages, as [`run_with_deadline`] gives them for the binary.
pub fn run_here_within(
    home: &Path,
    args: &[&str],
    deadline: std::time::Duration,
) -> std::process::Output {
    run_here_in(home, args, deadline, jobdeck::cli::Env::default())
}

/// [`run_here_within`] as a process in `env` would run it: `env.pull_base` stands for
/// `$JOBDECK_PULL_BASE_URL` (the output and the messages are never a terminal).
pub fn run_here_in(
    home: &Path,
    args: &[&str],
    deadline: std::time::Duration,
    env: jobdeck::cli::Env,
) -> std::process::Output {
    use std::os::unix::process::ExitStatusExt;
    let (dirs, cli) = in_process(home, args);
    let (tx, rx) = flume::bounded(1);
    std::thread::spawn(move || {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = jobdeck::cli::run_reporting(cli, &dirs, &mut out, &mut err, &env);
        let _ = tx.send((code, out, err));
    });
    let Ok((code, stdout, stderr)) = rx.recv_timeout(deadline) else {
        panic!("jobdeck {args:?} did not finish within {deadline:?}: a hang");
    };
    // ExitCode does not tell its number: it is found by comparing.
    let number = (0..=255u8)
        .find(|n| std::process::ExitCode::from(*n) == code)
        .expect("an exit code");
    std::process::Output {
        status: std::process::ExitStatus::from_raw(i32::from(number) << 8),
        stdout,
        stderr,
    }
}

/// The exit code `code` as `run_here` returns it.
pub fn exit(code: u8) -> std::process::ExitCode {
    std::process::ExitCode::from(code)
}
