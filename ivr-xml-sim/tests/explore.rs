//! The explorer on applications with planted defects, one of each kind: each is found with the
//! right code, its URL and a shortest path, and that path, fed to the simulator as a script,
//! shows the defect. Also: an unbounded flow stops at the bound and says so, and an HTTP server
//! that is not hyper (chunked bodies, other charsets, `Connection: close`, HTTP/1.0, redirects,
//! a dropped connection) is read over loopback.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::any;
use axum::Router;
use ivr_xml_sim::explore::{explore, to_text, Exploration, ExploreOptions, Finding, Severity};
use ivr_xml_sim::{
    AppResponse, InProcess, PlatformRequest, Simulator, Transcript, Transport, TransportError,
};

const MENU: &str = "<Response><Get action='menu' numdigits='1' timeout='5'><Play>menu.wav</Play></Get><Play>bye.wav</Play><Hangup/></Response>";

fn redirect(to: &str) -> String {
    format!("<Response><Redirect>{to}</Redirect></Response>")
}

/// The answer to a notification at `segment` with the keys `digits`.
async fn answer(segment: &str, digits: &str) -> axum::response::Response {
    let xml = |body: String| ([("content-type", "application/xml")], body).into_response();
    match (segment, digits) {
        ("startservice", _) => xml(MENU.to_owned()),
        ("stopservice", _) => xml("<Response><CmdNone/></Response>".to_owned()),
        ("menu", "1") => xml(redirect("missing")),
        ("menu", "2") => xml(redirect("crash")),
        ("crash", _) => (StatusCode::INTERNAL_SERVER_ERROR, "boom").into_response(),
        ("menu", "3") => xml("<Response><Play>unclosed.wav</Play>".to_owned()),
        ("menu", "4") => xml(
            "<Response><Play>a.wav</Play><Get action='menu'><Play>b.wav</Play></Get></Response>"
                .to_owned(),
        ),
        ("menu", "5") => xml(
            "<Response><Get action='menu' numdigits='2'><Play>code.wav</Play></Get></Response>"
                .to_owned(),
        ),
        ("menu", "6") => xml(redirect("ping")),
        ("ping", _) => xml(redirect("pong")),
        ("pong", _) => xml(redirect("ping")),
        ("menu", "7") => xml(redirect("slow")),
        ("slow", _) => {
            tokio::time::sleep(Duration::from_secs(5)).await;
            xml(MENU.to_owned())
        }
        ("menu", _) => xml(MENU.to_owned()),
        _ => (StatusCode::NOT_FOUND, "no such page").into_response(),
    }
}

/// One planted defect of each kind behind keys 1 to 7 of the menu.
fn defective() -> Router {
    Router::new().route(
        "/{segment}",
        any(
            |Path(segment): Path<String>, query: axum::extract::RawQuery| async move {
                let query = query.0.unwrap_or_default();
                let digits = query
                    .split('&')
                    .find_map(|kv| kv.strip_prefix("digits="))
                    .unwrap_or("")
                    .to_owned();
                answer(&segment, &digits).await
            },
        ),
    )
}

fn options() -> ExploreOptions {
    ExploreOptions {
        answer_timeout: Duration::from_millis(300),
        ..ExploreOptions::default()
    }
}

fn only<'e>(exploration: &'e Exploration, code: &str) -> &'e Finding {
    let found = exploration.with_code(code);
    assert_eq!(found.len(), 1, "{code}:\n{}", to_text(exploration));
    found[0]
}

/// A transport for replaying a path: bounded like the explorer (a loop ends) and timed.
struct Bounded<T> {
    inner: T,
    sent: usize,
}

impl<T: Transport> Transport for Bounded<T> {
    async fn send(&mut self, request: PlatformRequest) -> Result<AppResponse, TransportError> {
        self.sent += 1;
        if self.sent > 10 {
            return Err(TransportError("bound".to_owned()));
        }
        tokio::time::timeout(Duration::from_millis(300), self.inner.send(request))
            .await
            .unwrap_or_else(|_| Err(TransportError("timed out".to_owned())))
    }
}

async fn replay(finding: &Finding) -> Transcript {
    let transport = Bounded {
        inner: InProcess(defective()),
        sent: 0,
    };
    Simulator::new(transport)
        .run(vec![finding.caller("13800000009")])
        .await
}

#[tokio::test]
async fn every_planted_defect_is_found_with_a_shortest_path_that_replays() {
    let exploration = explore(&mut InProcess(defective()), &options()).await;
    let text = to_text(&exploration);
    assert!(exploration.cut.is_empty(), "{text}");

    let http: Vec<&Finding> = exploration.with_code("EXP001");
    let urls: Vec<&str> = http.iter().map(|f| f.url.as_str()).collect();
    assert_eq!(urls, ["/missing", "/crash"], "{text}");
    assert!(http[0].message.contains("HTTP 404"), "{text}");
    assert!(http[1].message.contains("HTTP 500"), "{text}");
    assert_eq!(http[0].path_text(), "press 1");
    assert_eq!(http[1].path_text(), "press 2");

    let malformed = only(&exploration, "IVR001");
    assert_eq!(
        (malformed.url.as_str(), malformed.path_text().as_str()),
        ("/menu", "press 3")
    );
    let rejected = only(&exploration, "IVR201");
    assert_eq!(
        (rejected.url.as_str(), rejected.path_text().as_str()),
        ("/menu", "press 4")
    );
    let silent = only(&exploration, "EXP003");
    assert_eq!(
        (silent.url.as_str(), silent.path_text().as_str()),
        ("/menu", "press 5, timeout")
    );
    let looping = only(&exploration, "EXP004");
    assert_eq!(looping.path_text(), "press 6");
    assert!(looping.message.contains("ping -> pong"), "{text}");
    let unreachable = only(&exploration, "EXP002");
    assert_eq!(
        (unreachable.url.as_str(), unreachable.path_text().as_str()),
        ("/slow", "press 7")
    );
    for finding in [
        http[0],
        http[1],
        malformed,
        rejected,
        silent,
        looping,
        unreachable,
    ] {
        assert_eq!(finding.severity, Severity::Error, "{text}");
    }

    // Each path, fed to the simulator as a script, shows its defect.
    let flagged = |t: &Transcript, what: &str| t.flags().iter().any(|f| f.contains(what));
    assert!(flagged(&replay(http[0]).await, "HTTP 404"));
    assert!(flagged(&replay(http[1]).await, "HTTP 500"));
    assert!(flagged(
        &replay(malformed).await,
        "before `<Response>` is closed"
    ));
    assert!(flagged(
        &replay(rejected).await,
        "can only be the main command"
    ));
    assert!(flagged(&replay(unreachable).await, "timed out"));
    let silence = replay(silent).await.to_string();
    assert!(
        silence.contains("no command left to run: the caller hears silence"),
        "{silence}"
    );
    let loop_transcript = replay(looping).await;
    assert_eq!(
        loop_transcript
            .requests(1)
            .iter()
            .filter(|r| r.contains("/ping?"))
            .count(),
        5,
        "{loop_transcript}"
    );
}

/// Every answer is a menu one level deeper: the states never converge.
fn unbounded() -> Router {
    Router::new().route(
        "/{segment}",
        any(|Path(segment): Path<String>| async move {
            let level = segment.strip_prefix("level").and_then(|n| n.parse::<u64>().ok()).unwrap_or(0);
            let next = level + 1;
            format!("<Response><Get action='level{next}' numdigits='1'><Play>l.wav</Play></Get><Hangup/></Response>")
        }),
    )
}

#[tokio::test]
async fn an_unbounded_flow_stops_at_the_bound_and_says_so() {
    let options = ExploreOptions {
        max_calls: 30,
        ..ExploreOptions::default()
    };
    let exploration = explore(&mut InProcess(unbounded()), &options).await;
    assert_eq!(exploration.calls, 30);
    assert_eq!(exploration.cut.len(), 1, "{}", to_text(&exploration));
    assert!(
        exploration.cut[0].contains("--max-calls"),
        "{:?}",
        exploration.cut
    );
    assert!(to_text(&exploration).contains("bound: the bound of 30 calls"));

    let options = ExploreOptions {
        max_time: Duration::ZERO,
        ..ExploreOptions::default()
    };
    let exploration = explore(&mut InProcess(unbounded()), &options).await;
    assert_eq!(exploration.calls, 0);
    assert!(
        exploration.cut[0].contains("--max-seconds"),
        "{:?}",
        exploration.cut
    );
}

/// A menu that counts its timeouts in the redirect's tag: the third goes to a page that is not
/// served. The retries converge to one state, yet the counter's branch is reached.
fn counting() -> Router {
    Router::new().route(
        "/{segment}",
        any(
            |Path(segment): Path<String>, query: axum::extract::RawQuery| async move {
                let query = query.0.unwrap_or_default();
                let tag: u32 = query
                    .split('&')
                    .find_map(|kv| kv.strip_prefix("tag="))
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0);
                let menu = |next: u32| format!("<Response><Get action='menu' numdigits='1'><Play>m.wav</Play></Get><Redirect tag='{next}'>retry</Redirect></Response>");
                match segment.as_str() {
                    "startservice" | "menu" => menu(1).into_response(),
                    "retry" if tag < 3 => menu(tag + 1).into_response(),
                    "retry" => "<Response><Redirect>goodbye</Redirect></Response>".into_response(),
                    "stopservice" => "<Response><CmdNone/></Response>".into_response(),
                    _ => (StatusCode::NOT_FOUND, "no such page").into_response(),
                }
            },
        ),
    )
}

#[tokio::test]
async fn a_branch_behind_a_retry_counter_is_reached_and_the_retries_converge() {
    let exploration = explore(&mut InProcess(counting()), &ExploreOptions::default()).await;
    let text = to_text(&exploration);
    let missing = only(&exploration, "EXP001");
    assert_eq!(missing.url, "/goodbye", "{text}");
    assert_eq!(missing.path_text(), "timeout, timeout, timeout", "{text}");
    // Start, end, the menu (every retry), the redirect to goodbye and the 404.
    assert_eq!(exploration.states.len(), 5, "{text}");
    assert!(exploration.cut.is_empty(), "{text}");
}

#[test]
fn a_graph_too_large_to_lay_out_says_so() {
    use ivr_xml_sim::explore::{to_html, to_svg, State, StateKind};
    let states = (0..61)
        .map(|id| State {
            id,
            kind: StateKind::Answer,
            label: format!("Get s{id}"),
            request: format!("POST /s{id}"),
            answer: String::new(),
            path: Vec::new(),
        })
        .collect();
    let exploration = Exploration {
        states,
        ..Exploration::default()
    };
    assert!(to_svg(&exploration).contains("61 states are too many to lay out"));
    assert!(to_html(&exploration, "big").contains("id=\"state-60\""));
}
