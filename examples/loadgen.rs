//! A bounded loopback load generator for the conference example (`examples/conference`).
//!
//! ```sh
//! cargo run --release --example conference -- --port 8090 &
//! cargo run --release --example loadgen -- --target 127.0.0.1:8090 --server-pid $!
//! ```
//!
//! Three phases, each bounded in time and in requests, then it stops by itself:
//!
//! 1. **realistic**: keep-alive connections sending the guide's notification flows (create a
//!    conference, join one, wrong ids, timeouts), every one of which must answer 200;
//! 2. **hostile**: the same connections mixing valid notifications with hostile ones (bad
//!    percent-encoding, duplicated keys, non-UTF-8, unknown segments and paths, U+FFFE and `;`
//!    in `confid`, bodies conflicting with the query string, JSON and 1 MB bodies, methods the
//!    platform never uses) and, on fresh connections, requests no client library would build (a
//!    1 MB query string, raw non-UTF-8 bytes, not HTTP), every one of which must answer a 4xx;
//! 3. **idle**: many connections that send nothing or half a request, which the server's
//!    header timeout must close, while one client keeps sending valid notifications.
//!
//! It reports requests/s, p50/p99 latency, the status split, transport errors (a request that
//! got no answer: a keep-alive connection closed without `Connection: close` shows here), and the
//! server's RSS before and after each phase (`/proc/PID/status`, with `--server-pid`). Only
//! loopback targets are accepted.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const USAGE: &str = "\
usage: loadgen --target 127.0.0.1:PORT [--server-pid PID] [--connections N] [--seconds S]
               [--max-requests N] [--idle N] [--idle-wait S]
  --target ADDR       the conference example's address (loopback only)
  --server-pid PID    read the server's RSS from /proc/PID/status before and after each phase
  --connections N     keep-alive connections of the realistic and hostile phases (default 32)
  --seconds S         length of the realistic and of the hostile phase (default 4)
  --max-requests N    at most N requests per phase (default 2000000)
  --idle N            idle connections of the idle phase (default 1000)
  --idle-wait S       how long the idle phase waits for the server to close them (default 15;
                      must exceed the server's --header-timeout, 10 s by default)";

type Error = Box<dyn std::error::Error + Send + Sync>;

struct Options {
    target: SocketAddr,
    server_pid: Option<u32>,
    connections: usize,
    seconds: f64,
    max_requests: u64,
    idle: usize,
    idle_wait: f64,
}

fn parse_options() -> Result<Options, String> {
    let mut target = None;
    let mut options = Options {
        target: SocketAddr::from(([127, 0, 0, 1], 8080)),
        server_pid: None,
        connections: 32,
        seconds: 4.0,
        max_requests: 2_000_000,
        idle: 1000,
        idle_wait: 15.0,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Err(USAGE.to_owned());
        }
        let value = args
            .next()
            .ok_or(format!("{arg} needs a value; try --help"))?;
        let bad = || format!("{arg}: `{value}` is not valid; try --help");
        match arg.as_str() {
            "--target" => target = Some(value.parse::<SocketAddr>().map_err(|_| bad())?),
            "--server-pid" => options.server_pid = Some(value.parse().map_err(|_| bad())?),
            "--connections" => options.connections = positive(&value).ok_or_else(bad)?,
            "--max-requests" => options.max_requests = positive(&value).ok_or_else(bad)?,
            "--idle" => options.idle = value.parse().map_err(|_| bad())?,
            "--seconds" => options.seconds = seconds(&value).ok_or_else(bad)?,
            "--idle-wait" => options.idle_wait = seconds(&value).ok_or_else(bad)?,
            _ => return Err(format!("unknown argument `{arg}`; try --help")),
        }
    }
    options.target = target.ok_or("--target is required; try --help")?;
    if !options.target.ip().is_loopback() {
        return Err(format!(
            "--target {}: only loopback addresses (127.0.0.1) are load-tested",
            options.target
        ));
    }
    if options.connections > 1024 || options.idle > 10_000 {
        return Err("at most 1024 connections and 10000 idle connections".to_owned());
    }
    Ok(options)
}

fn positive<T: std::str::FromStr + PartialOrd + Default>(text: &str) -> Option<T> {
    text.parse().ok().filter(|n| *n > T::default())
}

fn seconds(text: &str) -> Option<f64> {
    text.parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s > 0.0 && *s <= 120.0)
}

/// One request: method, path and query, and an optional body with its content type.
#[derive(Clone)]
struct Req {
    method: Method,
    target: String,
    body: Option<(&'static str, Bytes)>,
    /// Whether the application must answer it 200 (else a 4xx).
    valid: bool,
}

impl Req {
    /// The method, the segment and the start of the body, to name the request in a report.
    fn label(&self) -> String {
        let path = self.target.split('?').next().unwrap_or_default();
        let body = self.body.as_ref().map_or(String::new(), |(kind, bytes)| {
            format!(" ({kind}, {} bytes)", bytes.len())
        });
        format!("{} {path}{body}", self.method)
    }
}

fn valid(method: Method, target: String) -> Req {
    Req {
        method,
        target,
        body: None,
        valid: true,
    }
}

fn hostile(method: Method, target: String, body: Option<(&'static str, Bytes)>) -> Req {
    Req {
        method,
        target,
        body,
        valid: false,
    }
}

const APPID: &str = "aaf98f8944f35b130144f36f6f3f0001";

/// The guide's flows for call number `call`: each request the platform would send.
fn flow(call: u64) -> Vec<Req> {
    let ids = format!("appid={APPID}&callid={call:032x}");
    let confid = 10_000_000 + call % 90_000_000;
    let post = |t: String| valid(Method::POST, t);
    let start = post(format!(
        "/startservice?{ids}&from=13800000001&to=02566687000&direction=0"
    ));
    let stop = post(format!(
        "/stopservice?{ids}&starttime=20170927163908&endtime=20170927163911&callduration=3"
    ));
    match call % 4 {
        // Key 1: create a conference, hear its id, join it (steps (5), (8a), (10)-(15), (17)).
        0 => vec![
            start,
            post(format!("/firstget?{ids}&digits=1")),
            post(format!("/createconfok?{ids}&confid={confid}")),
            post(format!("/autojoinconf?{ids}&tag={confid}")),
            post(format!(
                "/joinconfok?{ids}&confid={confid}&jointime=20170927163909"
            )),
            stop,
        ],
        // Key 2: a wrong id, then the right one (steps (8b), (9), (16)); GET, as a
        // `<Get method='GET'>` would make it.
        1 => vec![
            start,
            post(format!("/firstget?{ids}&digits=2")),
            valid(Method::GET, format!("/joinconfget?{ids}&digits=99999999")),
            post(format!("/joinconffail?{ids}")),
            valid(Method::GET, format!("/joinconfget?{ids}&digits={confid}")),
            post(format!("/joinconfok?{ids}&confid={confid}")),
            stop,
        ],
        // Two timeouts at the menu (steps (6), (7)).
        2 => vec![
            start,
            post(format!("/gettimeout?{ids}&tag=1")),
            post(format!("/gettimeout?{ids}&tag=1")),
            stop,
        ],
        // Another key, then a timeout at id entry.
        _ => vec![
            start,
            post(format!("/firstget?{ids}&digits=7")),
            post(format!("/firstget?{ids}&digits=2")),
            post(format!("/gettimeout?{ids}&tag=2")),
            stop,
        ],
    }
}

/// Hostile requests a client library can send, on a keep-alive connection.
fn hostile_requests() -> Vec<Req> {
    let ids = format!("appid={APPID}&callid=17060100000000000000000000000001");
    let form = "application/x-www-form-urlencoded";
    let megabyte = Bytes::from(format!("userdata={}", "7".repeat(1 << 20)));
    let post = |t: String| hostile(Method::POST, t, None);
    let mut list = vec![
        post(format!("/joinconfget?{ids}&digits=12%zz")),
        post(format!("/firstget?{ids}&digits=1&digits=2")),
        post(format!("/startservice?{ids}&appid=other")),
        post(format!("/startservice?{ids}&from=%FF%FE&to=1")),
        post(format!("/nosuchstep?{ids}")),
        post(format!("/ivr/deeper/nosuchstep?{ids}")),
        post(format!("/createconfok?{ids}&confid=1%EF%BF%BE")),
        post(format!("/createconfok?{ids}&confid=123%3B4")),
        hostile(
            Method::POST,
            format!("/firstget?{ids}&digits=1"),
            Some((form, Bytes::from_static(b"digits=2"))),
        ),
        hostile(
            Method::POST,
            format!("/firstget?{ids}"),
            Some((
                "application/json",
                Bytes::from_static(b"{\"callid\":\"x\"}"),
            )),
        ),
        hostile(
            Method::POST,
            format!("/stopservice?{ids}"),
            Some((form, Bytes::from_static(b"userdata=\xff\xfe"))),
        ),
        hostile(
            Method::POST,
            format!("/stopservice?{ids}"),
            Some((form, megabyte)),
        ),
    ];
    for method in ["DELETE", "PUT", "PATCH", "OPTIONS", "HEAD", "BREW"] {
        if let Ok(method) = Method::from_bytes(method.as_bytes()) {
            list.push(hostile(method, format!("/startservice?{ids}"), None));
        }
    }
    list
}

/// Hostile requests no client library builds, each sent as raw bytes on a new connection.
fn raw_hostile_requests() -> Vec<Vec<u8>> {
    let head = |target: &[u8]| {
        [
            b"POST ".as_slice(),
            target,
            b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        ]
        .concat()
    };
    let megabyte_query = format!(
        "/stopservice?appid=a&callid=c&userdata={}",
        "7".repeat(1 << 20)
    );
    vec![
        head(megabyte_query.as_bytes()),
        head(b"/start\xff\xfeservice?appid=a&callid=c"),
        b"GARBAGE\r\n\r\n".to_vec(),
    ]
}

/// What a phase measured.
#[derive(Default)]
struct Tally {
    latencies_us: Vec<u32>,
    s2xx: u64,
    s4xx: u64,
    s5xx: u64,
    other: u64,
    /// Requests that got no answer (connection refused, reset or closed mid-request).
    transport_errors: u64,
    /// Valid requests answered other than 200, hostile ones answered other than 4xx.
    unexpected: u64,
    /// Connections opened after the first (the server closed the previous one).
    reconnects: u64,
    /// The unexpected outcomes, by request and outcome.
    unexpected_by_kind: std::collections::BTreeMap<String, u64>,
}

impl Tally {
    fn record(&mut self, req_valid: bool, started: Instant, status: Option<u16>) {
        self.record_kind(req_valid, started, status, String::new);
    }

    /// Records an outcome; `kind` names the request if the outcome is unexpected.
    fn record_kind(
        &mut self,
        req_valid: bool,
        started: Instant,
        status: Option<u16>,
        kind: impl FnOnce() -> String,
    ) {
        let micros = started.elapsed().as_micros();
        self.latencies_us
            .push(u32::try_from(micros).unwrap_or(u32::MAX));
        match status {
            None => self.transport_errors += 1,
            Some(200..=299) => self.s2xx += 1,
            Some(400..=499) => self.s4xx += 1,
            Some(500..=599) => self.s5xx += 1,
            Some(_) => self.other += 1,
        }
        let expected = match status {
            Some(status) if req_valid => status == 200,
            Some(status) => (400..500).contains(&status),
            None => false,
        };
        if !expected {
            self.unexpected += 1;
            let outcome = status.map_or("no answer".to_owned(), |s| s.to_string());
            *self
                .unexpected_by_kind
                .entry(format!("{}: {outcome}", kind()))
                .or_default() += 1;
        }
    }

    fn merge(&mut self, other: Tally) {
        self.latencies_us.extend(other.latencies_us);
        self.s2xx += other.s2xx;
        self.s4xx += other.s4xx;
        self.s5xx += other.s5xx;
        self.other += other.other;
        self.transport_errors += other.transport_errors;
        self.unexpected += other.unexpected;
        self.reconnects += other.reconnects;
        for (kind, n) in other.unexpected_by_kind {
            *self.unexpected_by_kind.entry(kind).or_default() += n;
        }
    }

    fn report(&mut self, name: &str, elapsed: Duration) {
        self.latencies_us.sort_unstable();
        let n = self.latencies_us.len();
        let pct = |p: f64| -> f64 {
            if n == 0 {
                return 0.0;
            }
            let at = ((n as f64 * p).ceil() as usize).clamp(1, n) - 1;
            f64::from(self.latencies_us[at]) / 1000.0
        };
        println!(
            "{name}: {n} requests in {:.2} s = {:.0} requests/s; latency p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
            elapsed.as_secs_f64(),
            n as f64 / elapsed.as_secs_f64(),
            pct(0.50),
            pct(0.99),
            pct(1.0)
        );
        println!(
            "{name}: status 2xx {}, 4xx {}, 5xx {}, other {}; no answer {}; unexpected {}; reconnects {}",
            self.s2xx, self.s4xx, self.s5xx, self.other, self.transport_errors, self.unexpected, self.reconnects
        );
        for (kind, n) in &self.unexpected_by_kind {
            println!("{name}: unexpected: {n} x {kind}");
        }
    }
}

type Sender = http1::SendRequest<Full<Bytes>>;

async fn connect(target: SocketAddr) -> Result<Sender, Error> {
    let stream = TcpStream::connect(target).await?;
    stream.set_nodelay(true)?;
    let (sender, connection) = http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok(sender)
}

/// Sends `req` on `sender`, reading the whole answer; `None` when no answer came.
async fn send(sender: &mut Sender, req: &Req) -> Option<u16> {
    sender.ready().await.ok()?;
    let mut builder = Request::builder()
        .method(req.method.clone())
        .uri(&req.target)
        .header(hyper::header::HOST, "127.0.0.1");
    let body = match &req.body {
        Some((content_type, body)) => {
            builder = builder.header(hyper::header::CONTENT_TYPE, *content_type);
            body.clone()
        }
        None => Bytes::new(),
    };
    let request = builder.body(Full::new(body)).ok()?;
    let response = sender.send_request(request).await.ok()?;
    let status = response.status().as_u16();
    response.into_body().collect().await.ok()?;
    Some(status)
}

/// Sends raw bytes on a new connection and reads the status line of the answer.
async fn send_raw(target: SocketAddr, raw: &[u8]) -> Option<u16> {
    let mut stream = TcpStream::connect(target).await.ok()?;
    // The server may answer and close before it has read everything.
    let _ = stream.write_all(raw).await;
    let mut answer = Vec::new();
    let mut chunk = [0u8; 1024];
    while !answer.windows(2).any(|w| w == b"\r\n") && answer.len() < 4096 {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&chunk[..n]);
    }
    let line = std::str::from_utf8(answer.get(9..12)?).ok()?;
    line.parse().ok()
}

/// Runs `connections` clients until `deadline` or until `budget` requests were sent.
async fn load(
    options: &Options,
    hostile_mix: bool,
    deadline: Instant,
    budget: Arc<AtomicU64>,
) -> Tally {
    let calls = Arc::new(AtomicU64::new(0));
    let hostile = Arc::new(hostile_requests());
    let raw = Arc::new(raw_hostile_requests());
    let mut tasks = Vec::new();
    for client in 0..options.connections {
        let (calls, budget, hostile, raw) = (
            Arc::clone(&calls),
            Arc::clone(&budget),
            Arc::clone(&hostile),
            Arc::clone(&raw),
        );
        let target = options.target;
        tasks.push(tokio::spawn(async move {
            let mut tally = Tally::default();
            let mut sender = None;
            let mut round = client;
            let mut sent = 0usize;
            'calls: while Instant::now() < deadline {
                let call = calls.fetch_add(1, Ordering::Relaxed);
                let mut requests = flow(call);
                if hostile_mix {
                    // Every valid request is followed by a hostile one.
                    requests = requests
                        .into_iter()
                        .flat_map(|valid| {
                            round += 1;
                            [valid, hostile[round % hostile.len()].clone()]
                        })
                        .collect();
                }
                for req in &requests {
                    let taken = budget
                        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1));
                    if taken.is_err() || Instant::now() >= deadline {
                        break 'calls;
                    }
                    sent += 1;
                    if hostile_mix && sent.is_multiple_of(16) {
                        let at = Instant::now();
                        let bytes = &raw[(sent / 16) % raw.len()];
                        let status = send_raw(target, bytes).await;
                        tally.record_kind(false, at, status, || {
                            let shown = &bytes[..bytes.len().min(40)];
                            format!("raw {}", String::from_utf8_lossy(shown))
                        });
                    }
                    let sender = match &mut sender {
                        Some(s) if !Sender::is_closed(s) => s,
                        _ => {
                            if sender.is_some() {
                                tally.reconnects += 1;
                            }
                            match connect(target).await {
                                Ok(s) => sender.insert(s),
                                Err(_) => {
                                    tally.record(req.valid, Instant::now(), None);
                                    continue;
                                }
                            }
                        }
                    };
                    let at = Instant::now();
                    let status = send(sender, req).await;
                    tally.record_kind(req.valid, at, status, || req.label());
                }
            }
            tally
        }));
    }
    let mut total = Tally::default();
    for task in tasks {
        if let Ok(tally) = task.await {
            total.merge(tally);
        }
    }
    total
}

/// The server's resident set size, from `/proc/PID/status`.
fn rss(pid: Option<u32>) -> String {
    let Some(pid) = pid else {
        return "n/a (no --server-pid)".to_owned();
    };
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(|l| l.trim_start_matches("VmRSS:").trim().to_owned())
        })
        .unwrap_or_else(|| format!("n/a (cannot read /proc/{pid}/status)"))
}

async fn run_load(options: &Options, name: &str, hostile_mix: bool) {
    println!("{name}: server RSS before {}", rss(options.server_pid));
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(options.seconds);
    let budget = Arc::new(AtomicU64::new(options.max_requests));
    let mut tally = load(options, hostile_mix, deadline, budget).await;
    tally.report(name, started.elapsed());
    println!("{name}: server RSS after {}", rss(options.server_pid));
}

/// Opens `options.idle` connections that send nothing or half a request, and waits for the
/// server to close them, sending valid notifications on one other connection meanwhile.
async fn idle(options: &Options) {
    let name = "idle";
    println!("{name}: server RSS before {}", rss(options.server_pid));
    let started = Instant::now();
    let wait = Duration::from_secs_f64(options.idle_wait);
    let mut streams = Vec::new();
    let mut refused = 0;
    for i in 0..options.idle {
        match TcpStream::connect(options.target).await {
            Ok(mut stream) => {
                if i % 2 == 1 {
                    let _ = stream
                        .write_all(
                            b"POST /startservice?appid=a&callid=c HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                        )
                        .await;
                }
                streams.push(stream);
            }
            Err(_) => refused += 1,
        }
    }
    let opened = streams.len();
    println!(
        "{name}: {opened} connections open in {:.2} s ({refused} refused), half of them with half a request; server RSS {}",
        started.elapsed().as_secs_f64(),
        rss(options.server_pid)
    );
    let watchers: Vec<_> = streams
        .into_iter()
        .map(|mut stream| {
            tokio::spawn(async move {
                let mut byte = [0u8; 1];
                let opened = Instant::now();
                // Closed by the server: EOF or an error; anything else is a failure.
                match tokio::time::timeout(wait, stream.read(&mut byte)).await {
                    Ok(Ok(0) | Err(_)) => Some(opened.elapsed()),
                    _ => None,
                }
            })
        })
        .collect();
    // Valid traffic meanwhile, on one keep-alive connection.
    let mut tally = Tally::default();
    let meanwhile = Instant::now();
    if let Ok(mut sender) = connect(options.target).await {
        let mut call = 0;
        while meanwhile.elapsed() < wait && (tally.latencies_us.len() as u64) < options.max_requests
        {
            for req in flow(call) {
                let at = Instant::now();
                let status = send(&mut sender, &req).await;
                tally.record(true, at, status);
            }
            call += 1;
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
    let mut closed = Vec::new();
    for watcher in watchers {
        if let Ok(Some(after)) = watcher.await {
            closed.push(after);
        }
    }
    closed.sort_unstable();
    let ms = |d: Option<&Duration>| d.map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    println!(
        "{name}: {} of {opened} closed by the server within {:.0} s (first after {:.0} ms, last after {:.0} ms)",
        closed.len(),
        wait.as_secs_f64(),
        ms(closed.first()),
        ms(closed.last())
    );
    tally.report("idle (valid traffic meanwhile)", meanwhile.elapsed());
    println!("{name}: server RSS after {}", rss(options.server_pid));
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let options = match parse_options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return std::process::ExitCode::from(2);
        }
    };
    println!(
        "target {}, {} connections, {} s per load phase, at most {} requests per phase, {} idle connections",
        options.target, options.connections, options.seconds, options.max_requests, options.idle
    );
    run_load(&options, "realistic", false).await;
    run_load(&options, "hostile", true).await;
    idle(&options).await;
    std::process::ExitCode::SUCCESS
}
