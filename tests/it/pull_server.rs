//! A local HTTP server on 127.0.0.1 that plays the boards' APIs for the pull tests: each
//! `path?query` answers the replies queued for it, in order (the last one again and again),
//! honouring `If-None-Match` for replies that carry an `ETag`. It records every request, so a
//! test can check exactly what was asked. Started by the test, stopped when dropped.

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// One answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Held back until the gate opens (to watch a pull in progress).
    pub gate: Option<Gate>,
}

/// A gate replies wait at until a test opens it.
#[derive(Debug, Clone, Default)]
pub struct Gate(Arc<(Mutex<bool>, std::sync::Condvar)>);

impl Gate {
    pub fn open(&self) {
        *self.0.0.lock().unwrap() = true;
        self.0.1.notify_all();
    }

    fn wait(&self) {
        let mut open = self.0.0.lock().unwrap();
        while !*open {
            open = self.0.1.wait(open).unwrap();
        }
    }
}

impl Reply {
    pub fn ok(body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.into(),
            gate: None,
        }
    }

    /// A fixture file of `tests/fixtures/pull/`.
    pub fn fixture(name: &str) -> Reply {
        Reply::ok(fixture(name))
    }

    pub fn status(status: u16, body: &str) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.as_bytes().to_vec(),
            gate: None,
        }
    }

    /// This reply waits for `gate` to open.
    pub fn gated(mut self, gate: &Gate) -> Reply {
        self.gate = Some(gate.clone());
        self
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// The bytes of a fixture file.
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/pull")
            .join(name),
    )
    .unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// A request the server received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub url: String,
    pub headers: Vec<(String, String)>,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

type Routes = Arc<Mutex<HashMap<String, VecDeque<Reply>>>>;

pub struct Server {
    /// `http://127.0.0.1:PORT`, for `JOBDECK_PULL_BASE_URL`.
    pub base: String,
    routes: Routes,
    seen: Arc<Mutex<Vec<Seen>>>,
    server: Arc<tiny_http::Server>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    pub fn start() -> Server {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let routes: Routes = Arc::default();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let thread = {
            let (server, routes, seen) = (server.clone(), routes.clone(), seen.clone());
            std::thread::spawn(move || {
                for req in server.incoming_requests() {
                    let (routes, seen) = (routes.clone(), seen.clone());
                    // Each request on its own thread: a gated reply holds only itself back.
                    std::thread::spawn(move || answer(req, &routes, &seen));
                }
            })
        };
        Server {
            base: format!("http://127.0.0.1:{port}"),
            routes,
            seen,
            server,
            thread: Some(thread),
        }
    }

    /// What `path_and_query` answers from now on: `replies` in turn, the last one for good.
    pub fn route(&self, path_and_query: &str, replies: Vec<Reply>) {
        self.routes
            .lock()
            .unwrap()
            .insert(path_and_query.to_string(), replies.into());
    }

    /// Every request received so far, in order.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    pub fn forget(&self) {
        self.seen.lock().unwrap().clear();
    }
}

/// Answers one request from the routes, recording it.
fn answer(req: tiny_http::Request, routes: &Routes, seen: &Mutex<Vec<Seen>>) {
    let headers: Vec<(String, String)> = req
        .headers()
        .iter()
        .map(|h| (h.field.to_string(), h.value.to_string()))
        .collect();
    let url = req.url().to_string();
    seen.lock().unwrap().push(Seen {
        url: url.clone(),
        headers: headers.clone(),
    });
    let reply = {
        let mut routes = routes.lock().unwrap();
        match routes.get_mut(&url) {
            Some(q) if q.len() > 1 => q.pop_front(),
            Some(q) => q.front().cloned(),
            None => None,
        }
    }
    .unwrap_or_else(|| Reply::status(404, r#"{"status":404,"error":"Not found"}"#));
    let etag = reply
        .headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("etag"))
        .map(|(_, v)| v.clone());
    let asked = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("if-none-match"))
        .map(|(_, v)| v.clone());
    if let Some(g) = &reply.gate {
        g.wait();
    }
    let reply = match (etag, asked) {
        (Some(e), Some(a)) if e == a => Reply {
            status: 304,
            headers: vec![("ETag".into(), e)],
            body: Vec::new(),
            gate: None,
        },
        _ => reply,
    };
    let mut resp = tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
    for (k, v) in &reply.headers {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            resp.add_header(h);
        }
    }
    let _ = req.respond(resp);
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The documented paths the pull tests serve.
pub const GREENHOUSE_POSTMAN: &str = "/v1/boards/postman/jobs?content=true";
pub const LEVER_PALANTIR: &str = "/v0/postings/palantir?mode=json";
pub const LEVER_NOSUCH: &str = "/v0/postings/nosuch?mode=json";
pub const ASHBY_OPENAI: &str = "/posting-api/job-board/openai?includeCompensation=true";
pub const ASHBY_BROKEN: &str = "/posting-api/job-board/broken?includeCompensation=true";
pub const HN_SEARCH: &str = "/api/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=50";
pub const HN_ITEM: &str = "/api/v1/items/42010000";

/// A server playing Greenhouse (postman, first version), Lever (palantir; nosuch, unknown),
/// Ashby (openai; broken, failing) and the HN API (December 2026's thread).
pub fn boards() -> Server {
    let s = Server::start();
    s.route(
        GREENHOUSE_POSTMAN,
        vec![Reply::fixture("greenhouse-postman-1.json")],
    );
    s.route(LEVER_PALANTIR, vec![Reply::fixture("lever-palantir.json")]);
    s.route(LEVER_NOSUCH, vec![Reply::ok("[]")]);
    s.route(ASHBY_OPENAI, vec![Reply::fixture("ashby-openai.json")]);
    s.route(
        ASHBY_BROKEN,
        vec![Reply::status(500, r#"{"error":"internal"}"#)],
    );
    s.route(HN_SEARCH, vec![Reply::fixture("hn-search.json")]);
    s.route(HN_ITEM, vec![Reply::fixture("hn-item.json")]);
    s
}

/// The watch-list of [`boards`] as command-line sources.
pub const SOURCES: [&str; 6] = [
    "greenhouse:postman",
    "lever:palantir",
    "ashby:openai",
    "hn:latest",
    "lever:nosuch",
    "ashby:broken",
];
