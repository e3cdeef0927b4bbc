//! The guide's REST path (§3.1 (1)-(3), §3.3 (1)-(3)) against the platform simulator over
//! loopback HTTP: a conference created by REST, callers invited into it, the callbacks delivered,
//! and an IVR outbound call that runs the conference application's documents.
#![allow(clippy::unwrap_used)]

#[path = "../examples/conference/app.rs"]
#[allow(dead_code, unreachable_pub)]
mod app;

use std::time::Duration;

use axum::routing::any;
use axum::Router;
use ivr_xml::rest::{
    self, Credentials, Dial, InviteJoinConf, QueryConfState, RestClient, RestRequest, Timestamp,
};
use ivr_xml::{CmdNone, CreateConf, Response};
use ivr_xml_sim::{Caller, Config, Http, Platform, Simulator, Transcript};

const APP_ID: &str = "aaf98f8944f35b130144f36f6f3f0001";

fn credentials() -> Credentials {
    // Test credentials for the simulator only: never a real account.
    Credentials::new("ACsimulated000000000000000000001", "simulatedtoken")
}

async fn serve(router: Router) -> (String, tokio::task::JoinHandle<std::io::Result<()>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    (
        format!("http://{address}"),
        tokio::spawn(async move { axum::serve(listener, router).await }),
    )
}

fn client(base: &str, credentials: Credentials) -> RestClient {
    let clock =
        || Timestamp::parse("20260101000000").unwrap_or_else(|_| unreachable!("a valid literal"));
    RestClient::builder(credentials, clock)
        .base_url(base)
        .no_proxy()
        .build()
        .unwrap()
}

/// An application that answers every callback with `<CmdNone/>`.
fn quiet_app() -> Router {
    Router::new().route(
        "/{segment}",
        any(|| async { Response::builder().main(CmdNone::new()).build() }),
    )
}

async fn simulate(platform: &Platform, app: Router) -> Transcript {
    let (app_url, app_server) = serve(app).await;
    let transcript =
        Simulator::with_platform(Http::new(app_url), Config::default(), platform.clone())
            .run(Vec::new())
            .await;
    app_server.abort();
    transcript
}

#[tokio::test]
async fn a_conference_created_by_rest_gets_its_invited_callers_and_the_callbacks_arrive() {
    let platform = Platform::default();
    platform.answer_as(
        "13800000001",
        Caller::new("13800000001").hang_up_after(Duration::from_secs(60)),
    );
    platform.answer_as(
        "13800000002",
        Caller::new("13800000002").hang_up_after(Duration::from_secs(90)),
    );
    let (rest_url, rest_server) = serve(platform.rest_router(credentials())).await;
    let rest = client(&rest_url, credentials());

    // (1) Create the conference through REST.
    let create = CreateConf::new()
        .action("createconfresult")
        .maxmember(10)
        .joinurl("memberjoined")
        .quiturl("memberquit")
        .delreporturl("confdeleted");
    let created = rest
        .send(&RestRequest::new(APP_ID, rest::CreateConf::from(create)))
        .await
        .unwrap();
    let confid = created.confid().unwrap().to_owned();
    assert_eq!(confid, "10000001");

    // (2) Invite two callers.
    let invite = InviteJoinConf::new(&confid, "13800000001#13800000002").joinurl("invitejoined");
    assert!(rest
        .send(&RestRequest::new(APP_ID, invite))
        .await
        .unwrap()
        .is_success());

    let transcript = simulate(&platform, quiet_app()).await;
    rest_server.abort();
    assert_eq!(transcript.flags(), Vec::<&str>::new(), "{transcript}");
    let requests: Vec<String> = transcript
        .entries
        .iter()
        .filter_map(|e| match &e.event {
            ivr_xml_sim::Event::Notified { request, .. } => {
                Some(request.split('?').next().unwrap_or("").to_owned())
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        requests,
        [
            "/createconfresult",
            "/memberjoined",
            "/invitejoined",
            "/memberjoined",
            "/invitejoined",
            "/memberquit",
            "/stopservice",
            "/memberquit",
            "/confdeleted",
            "/stopservice",
        ]
    );
    assert_eq!(transcript.joined(1), Some("10000001"));
    assert_eq!(transcript.joined(2), Some("10000001"));
    insta::assert_snapshot!("rest-conference", transcript.to_string());
}

#[tokio::test]
async fn query_and_dismiss_a_conference() {
    let platform = Platform::default();
    let (rest_url, rest_server) = serve(platform.rest_router(credentials())).await;
    let rest = client(&rest_url, credentials());
    let created = rest
        .send(&RestRequest::new(
            APP_ID,
            rest::CreateConf::from(CreateConf::new()),
        ))
        .await
        .unwrap();
    let confid = created.confid().unwrap().to_owned();
    let state = rest
        .send(&RestRequest::new(APP_ID, QueryConfState::new(&confid)))
        .await
        .unwrap();
    assert_eq!(state.confid(), Some(confid.as_str()));
    assert_eq!(state.child_text("memberCount"), Some("0"));
    assert_eq!(platform.members(&confid), Some(0));
    let dismiss = ivr_xml::rest::DismissConf::new(&confid);
    assert!(rest
        .send(&RestRequest::new(APP_ID, dismiss))
        .await
        .unwrap()
        .is_success());
    let transcript = simulate(&platform, quiet_app()).await;
    assert_eq!(platform.members(&confid), None);
    assert!(
        transcript
            .to_string()
            .contains("conference 10000001 deleted: dismissed through REST"),
        "{transcript}"
    );
    let err = rest
        .send(&RestRequest::new(APP_ID, QueryConfState::new(&confid)))
        .await
        .unwrap_err();
    assert_eq!(err.status_code().map(|c| c.as_str()), Some("990004"));
    rest_server.abort();
}

#[tokio::test]
async fn an_ivr_outbound_call_runs_the_conference_application() {
    let platform = Platform::default();
    platform.answer_as(
        "13900000003",
        Caller::new("13900000003")
            .press("1", Duration::from_secs(4))
            .hang_up_after(Duration::from_secs(30)),
    );
    let (rest_url, rest_server) = serve(platform.rest_router(credentials())).await;
    let rest = client(&rest_url, credentials());
    let dialled = rest
        .send(&RestRequest::new(
            APP_ID,
            Dial::new("13900000003").userdata("42"),
        ))
        .await
        .unwrap();
    assert_eq!(dialled.call_sid(), Some("17060100000000000000000000000001"));

    let transcript = simulate(&platform, app::router()).await;
    rest_server.abort();
    assert_eq!(transcript.flags(), Vec::<&str>::new(), "{transcript}");
    assert_eq!(
        transcript.requests(1)[0],
        "POST /startservice?appid=aaf98f8944f35b130144f36f6f3f0001&callid=17060100000000000000000000000001&from=&to=13900000003&direction=1&userdata=42"
    );
    assert_eq!(transcript.joined(1), Some("10000001"));
}

#[tokio::test]
async fn a_request_with_the_wrong_credentials_is_refused() {
    let platform = Platform::default();
    let (rest_url, rest_server) = serve(platform.rest_router(credentials())).await;
    let intruder = client(
        &rest_url,
        Credentials::new("ACsimulated000000000000000000001", "wrongtoken"),
    );
    let err = intruder
        .send(&RestRequest::new(
            APP_ID,
            rest::CreateConf::from(CreateConf::new()),
        ))
        .await
        .unwrap_err();
    rest_server.abort();
    assert_eq!(err.status_code().map(|c| c.as_str()), Some("990002"));
    assert!(
        err.message().unwrap_or("").starts_with("signature refused"),
        "{err}"
    );
    assert!(platform.members("10000001").is_none());
}
