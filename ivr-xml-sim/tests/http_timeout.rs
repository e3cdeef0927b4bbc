//! `Http::timeout`: an application that accepts the connection and never answers is reported as
//! unreachable after the timeout, by the simulator and by the explorer alike.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use ivr_xml_sim::explore::{explore, ExploreOptions};
use ivr_xml_sim::{Caller, Http, Simulator};
use tokio::net::TcpListener;

/// A server that accepts every connection, reads nothing and never answers; its address.
async fn silent_server() -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    address
}

/// A safety net so that a regression fails instead of hanging the test run.
const NET: Duration = Duration::from_secs(60);

#[tokio::test]
async fn the_simulator_gives_up_on_a_server_that_never_answers() {
    let address = silent_server().await;
    let http = Http::new(format!("http://{address}")).timeout(Duration::from_millis(200));
    let mut simulator = Simulator::new(http);
    let run = simulator.run(vec![Caller::new("1")]);
    let transcript = tokio::time::timeout(NET, run).await.unwrap();
    let flags = transcript.flags();
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert!(
        flags[0].starts_with(&format!(
            "cannot reach the application: no answer from http://{address}/startservice?"
        )) && flags[0].ends_with("within 200 ms (Http::timeout)"),
        "{}",
        flags[0]
    );
    assert_eq!(transcript.hung_up_by(1), Some("platform"));
}

#[tokio::test]
async fn the_explorer_over_http_reports_the_silent_server_through_the_same_timeout() {
    let address = silent_server().await;
    let mut http = Http::new(format!("http://{address}")).timeout(Duration::from_millis(200));
    // The explorer's own guard is far longer: what fires is the transport's timeout.
    let options = ExploreOptions {
        answer_timeout: Duration::from_secs(3600),
        base_url: format!("http://{address}"),
        ..ExploreOptions::default()
    };
    let exploration = tokio::time::timeout(NET, explore(&mut http, &options))
        .await
        .unwrap();
    let unreachable = exploration.with_code("EXP002");
    assert_eq!(unreachable.len(), 1, "{:#?}", exploration.findings);
    assert!(
        unreachable[0]
            .message
            .contains("within 200 ms (Http::timeout)"),
        "{}",
        unreachable[0].message
    );
    assert_eq!(unreachable[0].url, format!("http://{address}/startservice"));
}
