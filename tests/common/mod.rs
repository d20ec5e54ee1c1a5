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
