//! Logging: tracing to a file in the state directory (never to the screen, which belongs to the
//! browser). `JOBDECK_LOG` sets the level or filter (`debug`, `jobdeck=trace`…); the default
//! records warnings and jobdeck's own information. A bare level is jobdeck's own: the HTML
//! parser's debug output alone would write gigabytes over a large folder.

use std::path::Path;

use tracing_subscriber::EnvFilter;

/// What a caught panic said (its `&str` or `String` payload), for a message or the log.
pub fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

const DEFAULT_FILTER: &str = "warn,jobdeck=info";

/// The tracing filter for a `JOBDECK_LOG` value: a bare level ("debug") applies to jobdeck and
/// keeps other crates at warnings; anything else is a filter as `tracing` reads it.
fn filter_spec(value: Option<&str>) -> String {
    let value = value.map(str::trim).unwrap_or_default();
    const LEVELS: [&str; 6] = ["trace", "debug", "info", "warn", "error", "off"];
    if value.is_empty() {
        DEFAULT_FILTER.to_string()
    } else if LEVELS.contains(&value.to_ascii_lowercase().as_str()) {
        format!("warn,jobdeck={}", value.to_ascii_lowercase())
    } else {
        value.to_string()
    }
}

/// Holds the log writer open; dropping it flushes.
pub struct LogGuard(#[allow(dead_code)] Option<tracing_appender::non_blocking::WorkerGuard>);

/// Starts logging to `path` (created with mode 0600, its folder 0700). Logging that cannot
/// start is not an error: jobdeck works without it.
pub fn init(path: &Path) -> LogGuard {
    let spec = filter_spec(std::env::var("JOBDECK_LOG").ok().as_deref());
    let filter = EnvFilter::try_new(&spec).unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let Some(dir) = path.parent() else {
        return LogGuard(None);
    };
    if crate::fsio::create_private_dir(dir).is_err() {
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

#[cfg(test)]
mod tests {
    use super::filter_spec;

    #[test]
    fn a_bare_level_is_jobdecks_own() {
        assert_eq!(filter_spec(None), "warn,jobdeck=info");
        assert_eq!(filter_spec(Some("")), "warn,jobdeck=info");
        assert_eq!(filter_spec(Some("debug")), "warn,jobdeck=debug");
        assert_eq!(filter_spec(Some("TRACE")), "warn,jobdeck=trace");
        assert_eq!(
            filter_spec(Some("jobdeck=trace,html5ever=debug")),
            "jobdeck=trace,html5ever=debug"
        );
    }
}
