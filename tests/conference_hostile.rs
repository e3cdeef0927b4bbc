//! The conference example under hostile input, over loopback HTTP as `--port` serves it: every
//! valid notification answers 200 on a keep-alive connection; every hostile request answers its
//! 4xx with a message (never 5xx) and `Connection: close`, and the server then closes the
//! connection; idle, half-sent and slow requests are ended by the server's timeouts.
//!
//! Requests are written as raw bytes, so that requests no HTTP client library would build (raw
//! non-UTF-8 bytes, `BREW`, a 1 MB query string) can be sent. No assertion is on time: the
//! timeouts are short so that the tests are quick, and each wait has a generous guard only so
//! that a broken server fails the test instead of hanging it.
#![allow(clippy::unwrap_used)]

#[path = "../examples/conference/app.rs"]
#[allow(dead_code, unreachable_pub)]
mod app;
#[path = "../examples/conference/server.rs"]
#[allow(dead_code, unreachable_pub)]
mod server;

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Serves the application with `limits` on a free loopback port.
async fn serve(limits: server::Limits) -> (SocketAddr, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    (
        address,
        tokio::spawn(server::serve(listener, app::router(), limits)),
    )
}

/// Limits with timeouts short enough for a test.
fn short_timeouts() -> server::Limits {
    server::Limits {
        header_timeout: Duration::from_millis(300),
        request_timeout: Duration::from_millis(300),
        ..server::Limits::default()
    }
}

/// Guards a wait that the server's own timeouts must end long before.
const HANG_GUARD: Duration = Duration::from_secs(60);

/// One answer, as read off the wire.
#[derive(Debug)]
struct Answer {
    status: u16,
    /// Header lines, names lower-cased.
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads one answer (headers and a `Content-Length` body) from `stream`, or `None` if the
/// server closed the connection first.
async fn read_answer(stream: &mut TcpStream) -> Option<Answer> {
    read_answer_to(stream, false).await
}

/// [`read_answer`], for a `HEAD` request when `head` (no body follows the headers).
async fn read_answer_to(stream: &mut TcpStream, head: bool) -> Option<Answer> {
    let mut buffer = Vec::new();
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let mut chunk = [0u8; 4096];
        let n = tokio::time::timeout(HANG_GUARD, stream.read(&mut chunk))
            .await
            .unwrap()
            .unwrap_or(0);
        if n == 0 {
            assert!(buffer.is_empty(), "truncated answer: {buffer:?}");
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let text = String::from_utf8(buffer[..head_end].to_vec()).unwrap();
    let mut lines = text.split("\r\n");
    let status = lines.next().unwrap()[9..12].parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let length: usize = match headers.iter().find(|(n, _)| n == "content-length") {
        Some((_, v)) if !head => v.parse().unwrap(),
        _ => 0,
    };
    let mut body = buffer[head_end..].to_vec();
    while body.len() < length {
        let mut chunk = [0u8; 4096];
        let n = tokio::time::timeout(HANG_GUARD, stream.read(&mut chunk))
            .await
            .unwrap()
            .unwrap();
        assert_ne!(n, 0, "body cut short");
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Answer {
        status,
        headers,
        body: String::from_utf8(body).unwrap(),
    })
}

/// Whether the server closes `stream` (EOF or reset) before the guard runs out.
async fn closed_by_server(stream: &mut TcpStream) -> bool {
    let mut byte = [0u8; 1];
    matches!(
        tokio::time::timeout(HANG_GUARD, stream.read(&mut byte)).await,
        Ok(Ok(0) | Err(_))
    )
}

/// A keep-alive request for `target` with `method`, optional body and extra header lines.
fn request(method: &str, target: &[u8], headers: &str, body: &[u8]) -> Vec<u8> {
    let mut raw = Vec::new();
    raw.extend_from_slice(method.as_bytes());
    raw.push(b' ');
    raw.extend_from_slice(target);
    raw.extend_from_slice(b" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    raw.extend_from_slice(headers.as_bytes());
    if !body.is_empty() && !headers.contains("Content-Length") {
        raw.extend_from_slice(format!("Content-Length: {}\r\n", body.len()).as_bytes());
    }
    raw.extend_from_slice(b"\r\n");
    raw.extend_from_slice(body);
    raw
}

const IDS: &str = "appid=aaf98f8944f35b130144f36f6f3f0001&callid=17060100000000000000000000000001";

/// Every notification of the guide's flows, as the platform sends them.
fn valid_targets() -> Vec<String> {
    [
        "startservice?{IDS}&from=13800000001&to=02566687000&direction=0",
        "firstget?{IDS}&digits=1",
        "firstget?{IDS}&digits=2",
        "firstget?{IDS}&digits=9",
        "gettimeout?{IDS}&tag=1",
        "gettimeout?{IDS}&tag=2",
        "joinconfget?{IDS}&digits=10000001",
        "createconfok?{IDS}&confid=10000001",
        "autojoinconf?{IDS}&tag=10000001",
        // Without the id (the platform reported no tag): the spoken error path, not a refusal.
        "autojoinconf?{IDS}",
        // The other URL forms, under any mount path (issue 14, item 6).
        "startservice/?{IDS}&from=13800000001&to=02566687000&direction=0",
        "?startservice&{IDS}&from=13800000001&to=02566687000&direction=0",
        "ivr/deeper/startservice?{IDS}&from=13800000001&to=02566687000&direction=0",
        "ivr/?firstget&{IDS}&digits=1",
        "joinconfok?{IDS}&confid=10000001&jointime=20170927163908",
        "joinconffail?{IDS}",
        "stopservice?{IDS}&starttime=20170927163908&endtime=20170927163911&callduration=3",
    ]
    .iter()
    .map(|t| format!("/{}", t.replace("{IDS}", IDS)))
    .collect()
}

#[tokio::test]
async fn every_valid_notification_answers_200_on_one_keep_alive_connection() {
    let (address, server) = serve(server::Limits::default()).await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    for target in valid_targets() {
        for method in ["POST", "GET"] {
            let raw = request(method, target.as_bytes(), "", b"");
            stream.write_all(&raw).await.unwrap();
            let answer = read_answer(&mut stream).await.unwrap();
            assert_eq!(answer.status, 200, "{method} {target}: {}", answer.body);
            assert!(answer.body.starts_with("<?xml"), "{}", answer.body);
            assert_eq!(answer.header("connection"), None, "{method} {target}");
        }
    }
    // A form body that repeats the query string, or only adds to it, is fine too.
    let target = format!("/stopservice?{IDS}");
    let headers = "Content-Type: application/x-www-form-urlencoded\r\n";
    let body = format!("{IDS}&errorcode=0");
    let raw = request("POST", target.as_bytes(), headers, body.as_bytes());
    stream.write_all(&raw).await.unwrap();
    assert_eq!(read_answer(&mut stream).await.unwrap().status, 200);
    server.abort();
}

/// A hostile request, the status it must get, and a part of the message it must carry.
struct Hostile {
    what: &'static str,
    raw: Vec<u8>,
    status: u16,
    message: &'static str,
}

fn hostile_requests() -> Vec<Hostile> {
    let post = |target: &str| request("POST", target.as_bytes(), "", b"");
    let form = "Content-Type: application/x-www-form-urlencoded\r\n";
    let megabyte = "7".repeat(1 << 20);
    let mut list = vec![
        Hostile {
            what: "bad percent-encoding",
            raw: post(&format!("/joinconfget?{IDS}&digits=12%zz")),
            status: 400,
            message: "%zz",
        },
        Hostile {
            what: "a duplicated key",
            raw: post(&format!("/firstget?{IDS}&digits=1&digits=2")),
            status: 400,
            message: "parameter `digits` is given twice",
        },
        Hostile {
            what: "a duplicated tag",
            raw: post(&format!("/gettimeout?{IDS}&tag=1&tag=2")),
            status: 400,
            message: "parameter `tag` is given twice",
        },
        Hostile {
            what: "percent-encoded non-UTF-8",
            raw: post(&format!("/startservice?{IDS}&from=%FF%FE&to=1&direction=0")),
            status: 400,
            message: "not UTF-8",
        },
        Hostile {
            what: "an unknown segment",
            raw: post(&format!("/nosuchstep?{IDS}")),
            status: 400,
            message: "unexpected notification path `/nosuchstep`",
        },
        Hostile {
            // Any mount path is served: an unknown segment under one is a 400 (issue 14, item 6).
            what: "an unknown segment under a path",
            raw: post(&format!("/ivr/deeper/nosuchstep?{IDS}")),
            status: 400,
            message: "unexpected notification path `/ivr/deeper/nosuchstep`",
        },
        Hostile {
            what: "a missing parameter",
            raw: post(&format!("/firstget?{IDS}")),
            status: 400,
            message: "missing parameter `digits`",
        },
        Hostile {
            what: "U+FFFE in a created conference's confid",
            raw: post(&format!("/createconfok?{IDS}&confid=1%EF%BF%BE")),
            status: 400,
            message: "invalid parameter `confid`",
        },
        Hostile {
            what: "';' in a created conference's confid",
            raw: post(&format!("/createconfok?{IDS}&confid=123%3B4")),
            status: 400,
            message:
                "invalid parameter `confid` = `123;4`: expected a conference id of digits only",
        },
        Hostile {
            what: "a body conflicting with the query string",
            raw: request(
                "POST",
                format!("/firstget?{IDS}&digits=1").as_bytes(),
                form,
                b"digits=2",
            ),
            status: 400,
            message: "parameter `digits` is `1` in the query string but `2` in the body",
        },
        Hostile {
            what: "an XML body conflicting with the query string",
            raw: request(
                "POST",
                format!("/stopservice?{IDS}").as_bytes(),
                "Content-Type: text/xml\r\n",
                b"<Request><callid>other</callid></Request>",
            ),
            status: 400,
            message: "parameter `callid` is",
        },
        Hostile {
            // With the query string complete, a JSON body is ignored (a valid request); without
            // it, the body's type is why the notification cannot be read.
            what: "a JSON body and a query string without the key",
            raw: request(
                "POST",
                format!("/firstget?{IDS}").as_bytes(),
                "Content-Type: application/json\r\n",
                b"{\"digits\":\"1\"}",
            ),
            status: 400,
            message: "unsupported content type `application/json`",
        },
        Hostile {
            what: "a non-UTF-8 form body",
            raw: request(
                "POST",
                format!("/stopservice?{IDS}").as_bytes(),
                form,
                b"userdata=\xff\xfe",
            ),
            status: 400,
            message: "UTF-8",
        },
        Hostile {
            what: "a 1 MB value in an announced body",
            // Only the headers and the start of the body: the answer comes before the rest.
            raw: request(
                "POST",
                format!("/stopservice?{IDS}").as_bytes(),
                &format!("{form}Content-Length: {}\r\n", megabyte.len() + 9),
                b"userdata=7777",
            ),
            status: 413,
            message: "expected at most 65536",
        },
        Hostile {
            what: "a 1 MB value in a chunked body",
            raw: {
                let mut raw = request(
                    "POST",
                    format!("/stopservice?{IDS}").as_bytes(),
                    &format!("{form}Transfer-Encoding: chunked\r\n"),
                    b"",
                );
                raw.extend_from_slice(
                    format!(
                        "{:x}\r\nuserdata={megabyte}\r\n0\r\n\r\n",
                        megabyte.len() + 9
                    )
                    .as_bytes(),
                );
                raw
            },
            status: 400,
            message: "at most 65536 bytes",
        },
    ];
    for method in ["DELETE", "PUT", "PATCH", "OPTIONS", "HEAD", "BREW"] {
        list.push(Hostile {
            what: "a method the platform never uses",
            raw: request(method, format!("/startservice?{IDS}").as_bytes(), "", b""),
            status: 405,
            // HEAD's answer has no body; the status says it.
            message: if method == "HEAD" {
                ""
            } else {
                "is not allowed"
            },
        });
    }
    list
}

#[tokio::test]
async fn every_hostile_request_gets_its_4xx_a_message_and_connection_close() {
    let (address, server) = serve(server::Limits::default()).await;
    for hostile in hostile_requests() {
        let mut stream = TcpStream::connect(address).await.unwrap();
        // A valid request first: the refusal must come on a connection kept alive so far.
        let valid = request("POST", valid_targets()[0].as_bytes(), "", b"");
        stream.write_all(&valid).await.unwrap();
        assert_eq!(read_answer(&mut stream).await.unwrap().status, 200);
        // The server may answer and close before reading all of a large request.
        let _ = stream.write_all(&hostile.raw).await;
        let head = hostile.raw.starts_with(b"HEAD");
        let answer = read_answer_to(&mut stream, head).await.unwrap();
        assert_eq!(
            answer.status, hostile.status,
            "{}: {}",
            hostile.what, answer.body
        );
        assert!(
            answer.body.contains(hostile.message),
            "{}: {}",
            hostile.what,
            answer.body
        );
        if head {
            assert_eq!(answer.header("allow"), Some("GET, POST"));
        } else {
            assert!(!answer.body.is_empty(), "{}: no message", hostile.what);
            assert_eq!(
                answer.header("content-type"),
                Some("text/plain; charset=utf-8")
            );
        }
        assert_eq!(
            answer.header("connection"),
            Some("close"),
            "{}",
            hostile.what
        );
        assert!(closed_by_server(&mut stream).await, "{}", hostile.what);
    }
    server.abort();
}

#[tokio::test]
async fn requests_hyper_refuses_before_the_application_get_a_4xx_and_connection_close() {
    // These never reach the application: hyper answers them itself, with an empty body (the
    // status line's reason phrase is the only message).
    let (address, server) = serve(server::Limits::default()).await;
    let megabyte_query = format!("/stopservice?{IDS}&userdata={}", "7".repeat(1 << 20));
    let cases: [(&str, Vec<u8>, u16); 4] = [
        (
            "a 1 MB value in the query string",
            request("POST", megabyte_query.as_bytes(), "", b""),
            431,
        ),
        (
            "a header over the 16 KiB limit",
            request(
                "POST",
                valid_targets()[0].as_bytes(),
                &format!("X-Padding: {}\r\n", "p".repeat(20_000)),
                b"",
            ),
            431,
        ),
        (
            "raw non-UTF-8 bytes in the path",
            request("POST", b"/start\xff\xfeservice?appid=a&callid=c", "", b""),
            400,
        ),
        ("not HTTP", b"GARBAGE\r\n\r\n".to_vec(), 400),
    ];
    for (what, raw, status) in cases {
        let mut stream = TcpStream::connect(address).await.unwrap();
        let _ = stream.write_all(&raw).await;
        let answer = read_answer(&mut stream).await.unwrap();
        assert_eq!(answer.status, status, "{what}");
        assert_eq!(answer.header("connection"), Some("close"), "{what}");
        assert!(closed_by_server(&mut stream).await, "{what}");
    }
    // The server is still serving.
    let mut stream = TcpStream::connect(address).await.unwrap();
    let raw = request("POST", valid_targets()[0].as_bytes(), "", b"");
    stream.write_all(&raw).await.unwrap();
    assert_eq!(read_answer(&mut stream).await.unwrap().status, 200);
    server.abort();
}

#[tokio::test]
async fn idle_and_half_sent_connections_are_closed_by_the_header_timeout() {
    let (address, server) = serve(short_timeouts()).await;
    // Connected, nothing sent.
    let mut silent = TcpStream::connect(address).await.unwrap();
    // Half a request line and one header, then nothing.
    let mut half = TcpStream::connect(address).await.unwrap();
    half.write_all(b"POST /startservice?appid=a HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    // One request answered, then idle on a keep-alive connection.
    let mut idle = TcpStream::connect(address).await.unwrap();
    let raw = request("POST", valid_targets()[0].as_bytes(), "", b"");
    idle.write_all(&raw).await.unwrap();
    let answer = read_answer(&mut idle).await.unwrap();
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("connection"), None);
    for (what, stream) in [
        ("silent", &mut silent),
        ("half", &mut half),
        ("idle", &mut idle),
    ] {
        assert!(closed_by_server(stream).await, "{what}");
    }
    server.abort();
}

#[tokio::test]
async fn a_body_that_never_completes_is_a_408_with_a_message() {
    let (address, server) = serve(short_timeouts()).await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    let target = format!("/stopservice?{IDS}");
    let raw = request(
        "POST",
        target.as_bytes(),
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n",
        b"",
    );
    stream.write_all(&raw).await.unwrap();
    stream.write_all(b"errorcode=").await.unwrap();
    let answer = read_answer(&mut stream).await.unwrap();
    assert_eq!(answer.status, 408);
    assert!(answer.body.contains("not complete"), "{}", answer.body);
    assert_eq!(answer.header("connection"), Some("close"));
    assert!(closed_by_server(&mut stream).await);
    server.abort();
}
