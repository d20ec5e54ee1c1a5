//! Logging: tracing to a file in the state directory (never to the screen, which belongs to the
//! browser). `JOBDECK_LOG` sets the level or filter (`debug`, `jobdeck=trace`…); the default
//! records warnings and jobdeck's own information.

use std::path::Path;

use tracing_subscriber::EnvFilter;

/// Whether `JOBDECK_DEBUG_PANIC` asks for a deliberate panic at `place` ("main", "search",
/// "loader", "parse"): a debugging aid that the tests use to prove the terminal is restored and
/// the message logged whichever thread fails.
pub fn debug_panic(place: &str) -> bool {
    std::env::var("JOBDECK_DEBUG_PANIC").is_ok_and(|v| v == place)
}

/// Holds the log writer open; dropping it flushes.
pub struct LogGuard(#[allow(dead_code)] Option<tracing_appender::non_blocking::WorkerGuard>);

/// Starts logging to `path` (created with mode 0600, its folder 0700). Logging that cannot
/// start is not an error: jobdeck works without it.
pub fn init(path: &Path) -> LogGuard {
    let filter = EnvFilter::try_from_env("JOBDECK_LOG")
        .unwrap_or_else(|_| EnvFilter::new("warn,jobdeck=info"));
    let Some(dir) = path.parent() else {
        return LogGuard(None);
    };
    if crate::store::create_private_dir(dir).is_err() {
        return LogGuard(None);
    }
    let file = {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)
    };
    let Ok(file) = file else {
        return LogGuard(None);
    };
    let (writer, guard) = tracing_appender::non_blocking(file);
    let ok = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .is_ok();
    LogGuard(ok.then_some(guard))
}
