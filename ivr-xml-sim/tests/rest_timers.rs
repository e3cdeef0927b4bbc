//! Conferences created through REST get the 10-minute rule once each, in id order, alongside the
//! calls' own wake-ups (the engine learns of them from the platform's state, not by scanning it).
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use axum::routing::any;
use axum::Router;
use ivr_xml::rest::{self, Credentials, RestClient, RestRequest, Timestamp};
use ivr_xml::{CmdNone, CreateConf, Response};
use ivr_xml_sim::{Caller, Event, InProcess, Platform, Simulator};

const APP_ID: &str = "aaf98f8944f35b130144f36f6f3f0001";

fn credentials() -> Credentials {
    // Test credentials for the simulator only: never a real account.
    Credentials::new("ACsimulated000000000000000000001", "simulatedtoken")
}

#[tokio::test]
async fn conferences_created_through_rest_that_nobody_joins_expire_once_each_in_id_order() {
    let platform = Platform::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let router = platform.rest_router(credentials());
    let rest_server = tokio::spawn(async move { axum::serve(listener, router).await });
    let clock =
        || Timestamp::parse("20260101000000").unwrap_or_else(|_| unreachable!("a valid literal"));
    let rest = RestClient::builder(credentials(), clock)
        .base_url(format!("http://{address}"))
        .no_proxy()
        .build()
        .unwrap();
    for _ in 0..3 {
        let create = rest::CreateConf::from(CreateConf::new().delreporturl("confdeleted"));
        assert!(rest
            .send(&RestRequest::new(APP_ID, create))
            .await
            .unwrap()
            .is_success());
    }
    let dismiss = ivr_xml::rest::DismissConf::new("10000002");
    assert!(rest
        .send(&RestRequest::new(APP_ID, dismiss))
        .await
        .unwrap()
        .is_success());
    rest_server.abort();

    let app = Router::new().route(
        "/{segment}",
        any(|| async { Response::builder().main(CmdNone::new()).build() }),
    );
    let transcript = Simulator::with_platform(InProcess(app), Default::default(), platform.clone())
        .run(vec![
            Caller::new("13800000001").hang_up_after(Duration::from_secs(700))
        ])
        .await;
    assert_eq!(transcript.flags(), Vec::<&str>::new(), "{transcript}");
    let deleted: Vec<(u64, String)> = transcript
        .entries
        .iter()
        .filter_map(|e| match &e.event {
            Event::ConferenceDeleted { confid, reason } => {
                Some((e.at.as_secs(), format!("{confid}: {reason}")))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        deleted,
        [
            (0, "10000002: dismissed through REST".to_owned()),
            (600, "10000001: nobody joined within 10 minutes".to_owned()),
            (600, "10000003: nobody joined within 10 minutes".to_owned()),
        ],
        "{transcript}"
    );
    assert_eq!(
        transcript.requests(0).len(),
        3,
        "one deletion report per conference: {transcript}"
    );
    assert_eq!(transcript.hung_up_by(1), Some("caller"));
    assert_eq!(platform.members("10000001"), None);
}
