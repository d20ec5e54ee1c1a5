//! The HTTP side of pulling: one `ureq` agent, polite by construction. Requests to one host go
//! one at a time (the caller runs each host's sources in order on one thread); each has a
//! timeout; a 429 or a 5xx is retried after a backoff, or after the server's `Retry-After`
//! when it says one; a listing is asked for with the `ETag` / `Last-Modified` of the previous
//! pull, so an unchanged board costs the server a `304`.
//!
//! `JOBDECK_PULL_BASE_URL` (`http://127.0.0.1:PORT`) replaces the scheme, host and port of
//! every request — paths and queries stay as documented — so that the tests talk to a server
//! they start themselves, and nothing else. No proxy is used then.

use std::time::Duration;

use crate::corpus::track::Validators;

/// The environment variable that redirects every request (tests).
pub const BASE_URL_VAR: &str = "JOBDECK_PULL_BASE_URL";

/// How long one request may take, from connecting to the last byte of the body.
pub const TIMEOUT: Duration = Duration::from_secs(30);
/// How many times a request is retried after a 429, a 5xx or a failed connection.
pub const RETRIES: u32 = 2;
/// The first backoff; it doubles with each retry.
pub const BACKOFF: Duration = Duration::from_millis(500);
/// The longest `Retry-After` waited for; a server asking for more fails the source.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(120);

/// What a listing request was answered with.
#[derive(Debug)]
pub enum Fetched {
    Body {
        bytes: Vec<u8>,
        validators: Validators,
    },
    /// `304 Not Modified`: the board is as the previous pull saw it.
    NotModified,
}

/// Why a request failed, said so that a person can act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpError {
    /// The server answered with this status (after any retries).
    Status(u16),
    /// The server asked to wait longer than [`MAX_RETRY_AFTER`].
    RateLimited(u64),
    /// The body was larger than the limit.
    TooLarge(u64),
    /// No answer: connection refused, DNS, TLS, timeout.
    Transport(String),
}

impl std::fmt::Display for HttpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HttpError::Status(404) => write!(f, "not found (HTTP 404)"),
            HttpError::Status(429) => write!(f, "rate limited (HTTP 429)"),
            HttpError::Status(s) if *s >= 500 => write!(f, "server error (HTTP {s})"),
            HttpError::Status(s) => write!(f, "HTTP {s}"),
            HttpError::RateLimited(secs) => {
                write!(
                    f,
                    "rate limited: the server asks to wait {secs} s; try later"
                )
            }
            HttpError::TooLarge(limit) => write!(f, "the answer is larger than {limit} bytes"),
            HttpError::Transport(e) => write!(f, "{e}"),
        }
    }
}

/// The client: an agent, where requests go, and the politeness settings.
pub struct Client {
    agent: ureq::Agent,
    /// `scheme://host:port` replacing every request's own (tests).
    base: Option<String>,
    max_body: u64,
    backoff: Duration,
}

impl Client {
    /// A client for the real hosts, or for `$JOBDECK_PULL_BASE_URL` when set (an error when it
    /// is set but not an `http(s)://host[:port]` origin: never fall back to the real hosts).
    pub fn from_env(max_body: u64) -> Result<Client, String> {
        Client::redirected_to(std::env::var(BASE_URL_VAR).ok().as_deref(), max_body)
    }

    /// A client for the real hosts, or for `base` (as `$JOBDECK_PULL_BASE_URL` gives it) when
    /// it is given and not empty: an error when it is not an `http(s)://host[:port]` origin.
    pub fn redirected_to(base: Option<&str>, max_body: u64) -> Result<Client, String> {
        let base = match base {
            Some(v) if !v.is_empty() => Some(origin_of(v).ok_or_else(|| {
                format!("{BASE_URL_VAR}={v:?} is not an http(s)://host[:port] address")
            })?),
            _ => None,
        };
        Ok(Client::new(base, max_body, BACKOFF))
    }

    pub fn new(base: Option<String>, max_body: u64, backoff: Duration) -> Client {
        let mut config = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .timeout_connect(Some(Duration::from_secs(10)))
            .http_status_as_error(false)
            .max_redirects(5)
            .user_agent(concat!(
                "jobdeck/",
                env!("CARGO_PKG_VERSION"),
                " (personal job-postings browser)"
            ));
        if base.is_some() {
            // A local test server: straight to it, whatever proxy the environment names.
            config = config.proxy(None);
        }
        Client {
            agent: config.build().into(),
            base,
            max_body,
            backoff,
        }
    }

    /// Whether requests go to `$JOBDECK_PULL_BASE_URL` rather than the real hosts.
    pub fn redirected(&self) -> bool {
        self.base.is_some()
    }

    /// The url of `path_and_query` on `origin` (`https://host`), or on the base url.
    pub fn url(&self, origin: &str, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.base.as_deref().unwrap_or(origin))
    }

    /// GETs `url`, conditionally when `prior` has validators, retrying politely.
    pub fn get(&self, url: &str, prior: Option<&Validators>) -> Result<Fetched, HttpError> {
        let mut attempt = 0;
        loop {
            let wait = match self.attempt(url, prior) {
                Ok(f) => return Ok(f),
                Err(Retry::Never(e)) => return Err(e),
                Err(Retry::After(e, server_wait)) => {
                    if attempt >= RETRIES {
                        return Err(e);
                    }
                    match server_wait {
                        Some(w) if w > MAX_RETRY_AFTER => {
                            return Err(HttpError::RateLimited(w.as_secs()));
                        }
                        Some(w) => w,
                        None => self.backoff * 2u32.pow(attempt),
                    }
                }
            };
            tracing::debug!("pull: {url}: retrying in {wait:?}");
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    fn attempt(&self, url: &str, prior: Option<&Validators>) -> Result<Fetched, Retry> {
        let mut req = self.agent.get(url).header(
            "Accept",
            "application/json, application/xml;q=0.9, */*;q=0.5",
        );
        if let Some(v) = prior {
            if let Some(e) = &v.etag {
                req = req.header("If-None-Match", e);
            }
            if let Some(m) = &v.last_modified {
                req = req.header("If-Modified-Since", m);
            }
        }
        let mut resp = match req.call() {
            Ok(r) => r,
            Err(ureq::Error::Timeout(t)) => {
                return Err(Retry::After(
                    HttpError::Transport(format!("no answer in time ({t})")),
                    None,
                ));
            }
            Err(e) => {
                return Err(Retry::After(
                    HttpError::Transport(crate::sanitize::one_line(&e.to_string(), 200)),
                    None,
                ));
            }
        };
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        match status {
            304 => Ok(Fetched::NotModified),
            200..=299 => {
                let validators = Validators {
                    etag: header("etag"),
                    last_modified: header("last-modified"),
                };
                let bytes = resp
                    .body_mut()
                    .with_config()
                    .limit(self.max_body)
                    .read_to_vec()
                    .map_err(|e| match e {
                        ureq::Error::BodyExceedsLimit(_) => {
                            Retry::Never(HttpError::TooLarge(self.max_body))
                        }
                        e => Retry::After(
                            HttpError::Transport(crate::sanitize::one_line(&e.to_string(), 200)),
                            None,
                        ),
                    })?;
                Ok(Fetched::Body { bytes, validators })
            }
            429 | 500..=599 => {
                let wait = header("retry-after").and_then(|v| retry_after(&v));
                Err(Retry::After(HttpError::Status(status), wait))
            }
            _ => Err(Retry::Never(HttpError::Status(status))),
        }
    }
}

/// Whether (and when) a failed attempt is worth another.
enum Retry {
    Never(HttpError),
    /// Retry, after the server's wait when it gave one.
    After(HttpError, Option<Duration>),
}

/// `Retry-After`: delay-seconds or an HTTP-date.
pub fn retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(v).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// `http(s)://host[:port]` of a url (any path dropped), or None.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme, "http" | "https") {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    if host.is_empty() || host.contains(['@', ' ']) {
        return None;
    }
    Some(format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO),
            "a date in the past: at once"
        );
        assert_eq!(retry_after("soon"), None);
    }

    #[test]
    fn base_url_keeps_only_the_origin() {
        assert_eq!(
            origin_of("http://127.0.0.1:8080/ignored?x"),
            Some("http://127.0.0.1:8080".into())
        );
        assert_eq!(origin_of("ftp://x"), None);
        assert_eq!(origin_of("127.0.0.1:80"), None);
        let c = Client::new(Some("http://127.0.0.1:9".into()), 10, BACKOFF);
        assert_eq!(
            c.url("https://api.lever.co", "/v0/postings/x?mode=json"),
            "http://127.0.0.1:9/v0/postings/x?mode=json"
        );
    }
}
