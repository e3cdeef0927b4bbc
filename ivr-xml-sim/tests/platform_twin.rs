//! The simulator behaves as the platform's documentation says (issue 14): each test runs one
//! behaviour end to end, asserts the transcript line that proves it, and snapshots the
//! transcript.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use axum::routing::any;
use axum::Router;
use ivr_xml::notify::RawNotification;
use ivr_xml::rest::{self, Credentials, InviteJoinConf, RestClient, RestRequest, Timestamp};
use ivr_xml::web::Notified;
use ivr_xml::CreateConf;
use ivr_xml_sim::{Caller, Config, Http, InProcess, Platform, Simulator, Transcript, UrlForm};

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// An application answering each segment (the last path segment of the notification, in any
/// URL form and under any path: `ivr_xml::web` finds it) with a fixed document.
fn app(routes: &'static [(&'static str, &'static str)]) -> Router {
    app_at("/", routes)
}

fn handler(routes: &'static [(&'static str, &'static str)]) -> axum::routing::MethodRouter {
    any(move |Notified(raw): Notified<RawNotification>| async move {
        let path = raw.path.trim_end_matches('/');
        let segment = path.rsplit('/').next().unwrap_or_default().to_owned();
        let body = routes
            .iter()
            .find(|(s, _)| *s == segment)
            .map_or("<Response><CmdNone/></Response>", |(_, doc)| *doc);
        ([("content-type", "application/xml")], body)
    })
}

/// [`app`], mounted at `mount`.
fn app_at(mount: &'static str, routes: &'static [(&'static str, &'static str)]) -> Router {
    ivr_xml::web::routes(mount, handler(routes))
}

async fn run(
    routes: &'static [(&'static str, &'static str)],
    config: Config,
    callers: Vec<Caller>,
) -> Transcript {
    Simulator::with_config(InProcess(app(routes)), config)
        .run(callers)
        .await
}

/// The transcript's lines without their times, for finding the line that proves a behaviour.
fn lines(transcript: &Transcript) -> Vec<String> {
    transcript
        .to_string()
        .lines()
        .map(|line| {
            line.split_once("] ")
                .map_or(line, |(_, rest)| rest)
                .to_owned()
        })
        .collect()
}

fn has_line(transcript: &Transcript, at: &str, line: &str) -> bool {
    transcript
        .to_string()
        .lines()
        .any(|l| l.starts_with(&format!("[{at}]")) && l.ends_with(line))
}

/// Item 1: a key pressed during a sub-command `<Play>` cuts it short and the sub-commands go on
/// at once (R6 [official] [guide]); it is not held for the next `<Get>`.
#[tokio::test]
async fn a_key_cuts_a_sub_command_play_short_and_the_redirect_runs_at_once() {
    const ROUTES: &[(&str, &str)] = &[
        ("startservice", "<Response><Get action='menu' timeout='5'><Play>menu.wav</Play></Get><Play>timeout.wav</Play><Redirect tag='1'>gettimeout</Redirect></Response>"),
        ("gettimeout", "<Response><Get action='menu' timeout='5'><Play>menu.wav</Play></Get><Hangup/></Response>"),
    ];
    // Menu 0-3 s, timeout 3-8 s; timeout.wav 8-11 s, 5 pressed 1 s into it; then silence.
    let callers = vec![Caller::new("13800000001")
        .silence()
        .press("5", secs(1))
        .silence()];
    let transcript = run(ROUTES, Config::default(), callers).await;
    assert!(
        has_line(&transcript, "00:09.000", "#1 presses 5"),
        "{transcript}"
    );
    assert!(
        has_line(&transcript, "00:09.000", "#1 -> POST /gettimeout?appid=aaf98f8944f35b130144f36f6f3f0001&callid=17060100000000000000000000000001&tag=1"),
        "{transcript}"
    );
    // The key is reported nowhere: no `menu` action, and the second Get times out.
    assert!(
        !transcript.requests(1).iter().any(|r| r.contains("/menu?")),
        "{transcript}"
    );
    insta::assert_snapshot!("sub-play-cut-short", transcript.to_string());
}

/// Item 2: `<Play finishkey='#'>` ends on `#` and the sub-commands go on (spec §2.2 [official]).
#[tokio::test]
async fn the_finishkey_ends_a_play_and_the_redirect_runs() {
    const ROUTES: &[(&str, &str)] = &[
        ("startservice", "<Response><Play loop='-1' finishkey='#'>hold.wav</Play><Redirect>next</Redirect></Response>"),
        ("next", "<Response><Hangup/></Response>"),
    ];
    // `5` is not the finishkey: it does not stop the main `<Play>`; `#` does.
    let callers = vec![Caller::new("13800000001").press("#", secs(7))];
    let transcript = run(ROUTES, Config::default(), callers).await;
    assert!(
        has_line(&transcript, "00:07.000", "#1 presses #"),
        "{transcript}"
    );
    assert!(
        has_line(&transcript, "00:07.000", "#1 -> POST /next?appid=aaf98f8944f35b130144f36f6f3f0001&callid=17060100000000000000000000000001"),
        "{transcript}"
    );
    assert_eq!(transcript.hung_up_by(1), Some("application"));
    insta::assert_snapshot!("play-finishkey", transcript.to_string());

    // Another key does not stop a main `<Play>` whose finishkey is `#`: it plays on, and the
    // key is left for the next point that listens (none: nothing listens).
    let callers = vec![Caller::new("13800000001").press("5", secs(7))];
    let transcript = run(ROUTES, Config::default(), callers).await;
    assert!(
        lines(&transcript).contains(&"#1 note: 5 pressed while nothing listens".to_owned()),
        "{transcript}"
    );
    assert!(!transcript.requests(1).iter().any(|r| r.contains("/next?")));
}

/// A main-command `<Play>` without `finishkey` is not cut short by default; with
/// `Config::any_key_interrupts_main_play` it is.
#[tokio::test]
async fn any_key_cuts_a_main_play_short_only_when_configured() {
    const ROUTES: &[(&str, &str)] = &[
        (
            "startservice",
            "<Response><Play loop='3'>notice.wav</Play><Redirect>next</Redirect></Response>",
        ),
        ("next", "<Response><Hangup/></Response>"),
    ];
    let caller = || vec![Caller::new("13800000001").press("1", secs(2))];
    let transcript = run(ROUTES, Config::default(), caller()).await;
    assert!(has_line(&transcript, "00:09.000", "#1 -> POST /next?appid=aaf98f8944f35b130144f36f6f3f0001&callid=17060100000000000000000000000001"), "{transcript}");
    let config = Config {
        any_key_interrupts_main_play: true,
        ..Config::default()
    };
    let transcript = run(ROUTES, config, caller()).await;
    assert!(has_line(&transcript, "00:02.000", "#1 -> POST /next?appid=aaf98f8944f35b130144f36f6f3f0001&callid=17060100000000000000000000000001"), "{transcript}");
}

/// Item 3: `<Get action=''>` reports to `dtmfreport` (spec §2.1 [official]).
#[tokio::test]
async fn an_empty_get_action_reports_to_dtmfreport() {
    const ROUTES: &[(&str, &str)] = &[
        ("startservice", "<Response><Get action='' numdigits='1'><Play>menu.wav</Play></Get><Hangup/></Response>"),
        ("dtmfreport", "<Response><Hangup/></Response>"),
    ];
    let callers = vec![Caller::new("13800000001").press("3", secs(1))];
    let transcript = run(ROUTES, Config::default(), callers).await;
    assert!(
        has_line(&transcript, "00:01.000", "#1 -> POST /dtmfreport?appid=aaf98f8944f35b130144f36f6f3f0001&callid=17060100000000000000000000000001&digits=3"),
        "{transcript}"
    );
    insta::assert_snapshot!("get-empty-action", transcript.to_string());
}

/// Item 4: a `<CreateConf>` that fails runs its sub-commands (spec §2.8 [official]).
#[tokio::test]
async fn a_failed_create_conf_runs_its_sub_commands() {
    const ROUTES: &[(&str, &str)] = &[
        ("startservice", "<Response><CreateConf action='created'/><Play>sorry.wav</Play><Redirect>createfailed</Redirect></Response>"),
        ("createfailed", "<Response><Hangup/></Response>"),
    ];
    let config = Config {
        conference_capacity: 0,
        ..Config::default()
    };
    let transcript = run(ROUTES, config, vec![Caller::new("13800000001")]).await;
    assert!(
        lines(&transcript).contains(&"#1 note: cannot create a conference: the platform holds 0 conferences, its capacity (Config::conference_capacity); the sub-commands run [official §2.8]".to_owned()),
        "{transcript}"
    );
    assert_eq!(transcript.heard(1), ["sorry.wav"]);
    assert!(has_line(&transcript, "00:03.000", "#1 -> POST /createfailed?appid=aaf98f8944f35b130144f36f6f3f0001&callid=17060100000000000000000000000001"), "{transcript}");
    insta::assert_snapshot!("create-conf-failed", transcript.to_string());

    // Created, the sub-commands do not run (R3).
    let transcript = run(ROUTES, Config::default(), vec![Caller::new("13800000001")]).await;
    assert!(transcript.heard(1).is_empty(), "{transcript}");
    assert!(transcript.requests(1)[1].starts_with("POST /created?confid=10000001"));
}

fn credentials() -> Credentials {
    // Test credentials for the simulator only: never a real account.
    Credentials::new("ACsimulated000000000000000000001", "simulatedtoken")
}

/// Item 5: the REST invitation's `action` is sent with what is known of its parameters, and the
/// transcript says which are unknown (spec §4.4).
#[tokio::test]
async fn the_invite_action_callback_is_sent_with_the_known_parameters() {
    let platform = Platform::default();
    platform.answer_as(
        "13800000009",
        Caller::new("13800000009").hang_up_after(secs(10)),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let rest_url = format!("http://{}", listener.local_addr().unwrap());
    let rest_router = platform.rest_router(credentials());
    let rest_server = tokio::spawn(async move { axum::serve(listener, rest_router).await });
    let clock = || Timestamp::parse("20260101000000").unwrap_or_else(|_| unreachable!("valid"));
    let rest = RestClient::builder(credentials(), clock)
        .base_url(&rest_url)
        .no_proxy()
        .build()
        .unwrap();
    const APP_ID: &str = "aaf98f8944f35b130144f36f6f3f0001";
    let created = rest
        .send(&RestRequest::new(
            APP_ID,
            rest::CreateConf::from(CreateConf::new()),
        ))
        .await
        .unwrap();
    let confid = created.confid().unwrap().to_owned();
    let invite = InviteJoinConf::new(&confid, "13800000009").action("inviteresult");
    assert!(rest
        .send(&RestRequest::new(APP_ID, invite))
        .await
        .unwrap()
        .is_success());
    rest_server.abort();
    let transcript = Simulator::with_platform(InProcess(app(&[])), Config::default(), platform)
        .run(Vec::new())
        .await;
    assert!(
        has_line(&transcript, "00:00.000", "#1 -> POST /inviteresult?appid=aaf98f8944f35b130144f36f6f3f0001&callid=17060100000000000000000000000001&confid=10000001&number=13800000009"),
        "{transcript}"
    );
    assert!(
        lines(&transcript).contains(&"#1 note: the invite's action callback: its parameters are undocumented [§4.4]; sending appid, callid, confid and number [inferred], no result code [unknown]".to_owned()),
        "{transcript}"
    );
    insta::assert_snapshot!("invite-action", transcript.to_string());
}

/// Item 6: each URL form under each base path, per simulator and per call; the library finds the
/// same segment in each.
#[tokio::test]
async fn notifications_go_out_in_each_url_form_under_a_base_path() {
    const ROUTES: &[(&str, &str)] = &[
        ("startservice", "<Response><Get action='menu?from=start' numdigits='1'><Play>menu.wav</Play></Get><Hangup/></Response>"),
        ("menu", "<Response><Play>bye.wav</Play><Redirect tag='7'>bye</Redirect></Response>"),
        ("bye", "<Response><Hangup/></Response>"),
    ];
    let config = Config {
        url_form: UrlForm::QuerySegment,
        base_path: "/ivr".to_owned(),
        ..Config::default()
    };
    let callers = vec![
        Caller::new("1").press("1", secs(1)),
        Caller::new("2")
            .press("1", secs(1))
            .url_form(UrlForm::PathSlash),
        Caller::new("3")
            .press("1", secs(1))
            .url_form(UrlForm::Path)
            .base_path(""),
    ];
    let transcript = run(ROUTES, config, callers).await;
    assert_eq!(transcript.flags(), Vec::<&str>::new(), "{transcript}");
    let ids = |n: u64| {
        format!("appid=aaf98f8944f35b130144f36f6f3f0001&callid=1706010000000000000000000000000{n}")
    };
    assert_eq!(
        transcript.requests(1)[1],
        format!("POST /ivr/?menu&from=start&{}&digits=1", ids(1))
    );
    assert_eq!(
        transcript.requests(2)[1],
        format!("POST /ivr/menu/?from=start&{}&digits=1", ids(2))
    );
    assert_eq!(
        transcript.requests(3)[1],
        format!("POST /menu?from=start&{}&digits=1", ids(3))
    );
    for call in 1..=3 {
        assert_eq!(
            transcript.heard(call),
            ["menu.wav", "bye.wav"],
            "{transcript}"
        );
        assert_eq!(transcript.hung_up_by(call), Some("application"));
    }
    insta::assert_snapshot!("url-forms", transcript.to_string());
}

/// Item 6, over HTTP: the transport's base URL may carry the path too.
#[tokio::test]
async fn over_http_the_query_segment_form_reaches_a_nested_application() {
    const ROUTES: &[(&str, &str)] = &[("startservice", "<Response><Hangup/></Response>")];
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let router = app_at("/ivr", ROUTES);
    let server = tokio::spawn(async move { axum::serve(listener, router).await });
    let config = Config {
        url_form: UrlForm::QuerySegment,
        ..Config::default()
    };
    let transcript = Simulator::with_config(Http::new(format!("http://{address}/ivr")), config)
        .run(vec![Caller::new("1")])
        .await;
    server.abort();
    assert_eq!(transcript.flags(), Vec::<&str>::new(), "{transcript}");
    assert!(transcript.requests(1)[0].starts_with("POST /?startservice&appid="));
    assert_eq!(transcript.hung_up_by(1), Some("application"));
}
