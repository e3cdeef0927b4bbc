//! The simulator's platform semantics, in-process against small axum applications.
#![allow(clippy::unwrap_used)]

mod fixed_app;
use fixed_app::app;

use std::time::Duration;

use axum::extract::{Path, Query};
use axum::routing::any;
use axum::Router;
use ivr_xml_sim::{Caller, Config, Event, InProcess, Simulator};

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[tokio::test]
async fn in_process_transport_reaches_an_axum_router() {
    let transcript = Simulator::new(InProcess(app(&[])))
        .run(vec![Caller::new("1")])
        .await;
    assert_eq!(
        transcript.requests(1),
        [
            "POST /startservice?appid=aaf98f8944f35b130144f36f6f3f0001&callid=17060100000000000000000000000001&from=1&to=02566687000&direction=0",
            "POST /stopservice?appid=aaf98f8944f35b130144f36f6f3f0001&callid=17060100000000000000000000000001&starttime=20260101000000&endtime=20260101000000&callduration=0",
        ]
    );
    assert_eq!(transcript.hung_up_by(1), Some("caller"));
}

#[tokio::test]
async fn a_timeout_counts_from_the_end_of_the_prompt_and_runs_the_subs_in_order() {
    const ROUTES: &[(&str, &str)] = &[
        ("startservice", "<Response><Get action='k' timeout='5'><Play>p.wav</Play></Get><Play>a.wav</Play><Play>b.wav</Play><Redirect tag='x'>next</Redirect></Response>"),
        ("next", "<Response><Hangup/></Response>"),
    ];
    let transcript = Simulator::new(InProcess(app(ROUTES)))
        .run(vec![Caller::new("1").silence()])
        .await;
    let times: Vec<(u64, String)> = transcript
        .entries
        .iter()
        .filter(|e| {
            matches!(
                e.event,
                Event::Heard { .. } | Event::TimedOut | Event::HungUp { .. }
            )
        })
        .map(|e| (e.at.as_secs(), e.event.to_string()))
        .collect();
    assert_eq!(
        times,
        [
            (0, "hears p.wav".to_owned()),
            (8, "<Get> times out".to_owned()),
            (8, "hears a.wav".to_owned()),
            (11, "hears b.wav".to_owned()),
            (14, "hung up by the application".to_owned()),
        ]
    );
    assert!(
        transcript.requests(1)[1].starts_with("POST /next?")
            && transcript.requests(1)[1].ends_with("&tag=x")
    );
}

#[tokio::test]
async fn keys_go_to_the_action_with_the_finish_key_and_numdigits_applied() {
    const ROUTES: &[(&str, &str)] = &[
        ("startservice", "<Response><Get action='report?menu=2' numdigits='4' method='GET'><Play>p.wav</Play></Get><Hangup/></Response>"),
    ];
    let transcript = Simulator::new(InProcess(app(ROUTES)))
        .run(vec![
            Caller::new("1").press("12#", secs(2)),
            Caller::new("2").press("123456", secs(2)),
        ])
        .await;
    assert!(
        transcript.requests(1)[1].starts_with("GET /report?menu=2&appid="),
        "{:?}",
        transcript.requests(1)
    );
    assert!(transcript.requests(1)[1].ends_with("&digits=12%23"));
    assert!(transcript.requests(2)[1].ends_with("&digits=1234"));
}

#[tokio::test]
async fn a_document_the_platform_would_reject_is_flagged_and_ends_the_call() {
    const ROUTES: &[(&str, &str)] = &[(
        "startservice",
        "<Response><Play loop='x'>a.wav</Play></Response>",
    )];
    let transcript = Simulator::new(InProcess(app(ROUTES)))
        .run(vec![Caller::new("1")])
        .await;
    assert_eq!(
        transcript.flags(),
        ["the platform would reject this answer: 1:17: invalid loop `x`: expected an integer >= -1 (-1 = forever, 0 = never) (at Response/Play[1]/@loop)"]
    );
    assert_eq!(transcript.hung_up_by(1), Some("platform"));
}

#[tokio::test]
async fn a_get_as_a_sub_command_is_refused() {
    const ROUTES: &[(&str, &str)] = &[(
        "startservice",
        "<Response><Play>a.wav</Play><Get><Play>b.wav</Play></Get><Hangup/></Response>",
    )];
    let transcript = Simulator::new(InProcess(app(ROUTES)))
        .run(vec![Caller::new("1")])
        .await;
    // IVR201 is an error, so the strict parser refuses the answer and the simulator does not
    // run it (issue 13: the simulator refuses exactly what validate calls an error).
    assert_eq!(
        transcript.flags(),
        ["the platform would reject this answer: 1:29: `<Get>` can only be the main command, but it is command 2 (at Response/Get[1])"]
    );
    assert_eq!(transcript.hung_up_by(1), Some("platform"));
}

#[tokio::test]
async fn an_unreachable_application_is_flagged() {
    let transcript = Simulator::new(ivr_xml_sim::Http::new("http://127.0.0.1:9"))
        .run(vec![Caller::new("1")])
        .await;
    assert!(
        transcript.flags()[0].starts_with("cannot reach the application"),
        "{:?}",
        transcript.flags()
    );
    assert_eq!(transcript.hung_up_by(1), Some("platform"));
}

#[tokio::test]
async fn a_conference_nobody_joins_is_deleted_after_ten_minutes() {
    const ROUTES: &[(&str, &str)] = &[
        (
            "startservice",
            "<Response><CreateConf action='created' delreporturl='deleted'/></Response>",
        ),
        (
            "created",
            "<Response><Play>id.wav</Play><Hangup/></Response>",
        ),
    ];
    let transcript = Simulator::new(InProcess(app(ROUTES)))
        .run(vec![Caller::new("1")])
        .await;
    let deleted = transcript
        .entries
        .iter()
        .find(|e| matches!(e.event, Event::ConferenceDeleted { .. }))
        .unwrap();
    assert_eq!(deleted.at, secs(600));
    assert_eq!(
        deleted.event.to_string(),
        "conference 10000001 deleted: nobody joined within 10 minutes"
    );
    let last = &transcript.entries[transcript.entries.len() - 2];
    assert_eq!(
        last.event.to_string(),
        "-> POST /deleted?confid=10000001&deltime=20260101001000&appid=aaf98f8944f35b130144f36f6f3f0001",
        "{transcript}"
    );
}

#[tokio::test]
async fn a_full_conference_runs_the_failure_path_and_keys_in_a_conference_are_reported() {
    const ROUTES: &[(&str, &str)] = &[
        ("startservice", "<Response><Get action='key'><Play>menu.wav</Play></Get><Hangup/></Response>"),
        ("key", "<Response><JoinConf action='joined' confid='10000001'/><Redirect>full</Redirect></Response>"),
        ("full", "<Response><Play>full.wav</Play><Hangup/></Response>"),
    ];
    // The caller from `creator` creates a three-member conference and joins it; the others try to join.
    let app = Router::new().route(
        "/{segment}",
        any(|Path(segment): Path<String>, Query(params): Query<Vec<(String, String)>>| async move {
            let from = params.iter().find(|(k, _)| k == "from").map(|(_, v)| v.clone());
            let body = match (segment.as_str(), from.as_deref()) {
                ("startservice", Some("creator")) => "<Response><CreateConf action='created' maxmember='3' autojoin='true' dtmfreporturl='confkeys'/></Response>",
                (segment, _) => ROUTES.iter().find(|(s, _)| *s == segment).map_or("<Response><CmdNone/></Response>", |(_, d)| *d),
            };
            body
        }),
    );
    let callers = vec![
        Caller::new("creator")
            .press("5", secs(30))
            .hang_up_after(secs(300)),
        Caller::new("a")
            .starting_after(secs(10))
            .press("1", secs(1))
            .hang_up_after(secs(200)),
        Caller::new("b")
            .starting_after(secs(20))
            .press("1", secs(1))
            .hang_up_after(secs(200)),
        Caller::new("c")
            .starting_after(secs(30))
            .press("1", secs(1)),
    ];
    let transcript = Simulator::new(InProcess(app)).run(callers).await;
    assert_eq!(transcript.joined(1), Some("10000001"));
    assert!(transcript
        .requests(1)
        .iter()
        .any(|r| r == "POST /confkeys?confid=10000001&callid=17060100000000000000000000000001&digits=5&appid=aaf98f8944f35b130144f36f6f3f0001"));
    assert_eq!(transcript.joined(4), None);
    assert!(transcript.entries.iter().any(|e| e.call == 4
        && e.event.to_string()
            == "cannot join conference 10000001: the conference is full (3 members)"));
    assert_eq!(transcript.heard(4), ["menu.wav", "full.wav"]);
}

#[tokio::test]
async fn the_clock_is_virtual_and_configurable() {
    const ROUTES: &[(&str, &str)] = &[(
        "startservice",
        "<Response><Get timeout='3600'><Play>p.wav</Play></Get><Hangup/></Response>",
    )];
    let config = Config {
        file_duration: secs(10),
        ..Config::default()
    };
    let started = std::time::Instant::now();
    let transcript = Simulator::with_config(InProcess(app(ROUTES)), config)
        .run(vec![Caller::new("1").silence()])
        .await;
    assert!(started.elapsed() < secs(5));
    let timed_out = transcript
        .entries
        .iter()
        .find(|e| e.event == Event::TimedOut)
        .unwrap();
    assert_eq!(timed_out.at, secs(3610));
}
