//! Long chains of `<Redirect>`s: the simulator follows them by a loop (no recursion, so no stack
//! overflow however long the chain) and stops at `Config::max_answers_in_a_row`, saying so.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;

use axum::extract::{Path, Query};
use axum::routing::any;
use axum::Router;
use ivr_xml_sim::{Caller, Config, InProcess, Simulator};

/// `startservice` redirects to `hop?n=1`; `hop?n=k` redirects to `hop?n=k+1` until `k` reaches
/// `length` (never, for `None`), then hangs up.
fn chain(length: Option<u64>) -> Router {
    Router::new().route(
        "/{segment}",
        any(
            move |Path(segment): Path<String>, Query(query): Query<HashMap<String, String>>| async move {
                let n: u64 = match segment.as_str() {
                    "startservice" => 0,
                    "hop" => query["n"].parse().unwrap(),
                    _ => return "<Response><CmdNone/></Response>".to_owned(),
                };
                if length.is_some_and(|length| n >= length) {
                    return "<Response><Hangup/></Response>".to_owned();
                }
                format!("<Response><Redirect>hop?n={}</Redirect></Response>", n + 1)
            },
        ),
    )
}

#[tokio::test]
async fn a_chain_of_ten_thousand_redirects_is_followed_to_its_end() {
    let config = Config {
        max_answers_in_a_row: 20_000,
        ..Config::default()
    };
    let transcript = Simulator::with_config(InProcess(chain(Some(10_000))), config)
        .run(vec![Caller::new("1")])
        .await;
    assert_eq!(transcript.flags(), Vec::<&str>::new());
    let requests = transcript.requests(1);
    // startservice, 10,000 hops, stopservice.
    assert_eq!(requests.len(), 10_002);
    assert!(
        requests[10_000].starts_with("POST /hop?n=10000&"),
        "{}",
        requests[10_000]
    );
    assert!(requests[10_001].starts_with("POST /stopservice?"));
    assert_eq!(transcript.hung_up_by(1), Some("application"));
}

#[tokio::test]
async fn an_endless_redirect_chain_stops_at_the_bound_and_says_so() {
    let transcript = Simulator::new(InProcess(chain(None)))
        .run(vec![Caller::new("1")])
        .await;
    assert_eq!(Config::default().max_answers_in_a_row, 1000);
    let flags = transcript.flags();
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert!(
        flags[0].starts_with("the call ran 1000 answers in a row")
            && flags[0].contains("Config::max_answers_in_a_row")
            && flags[0].ends_with("not sending hop?n=1000"),
        "{}",
        flags[0]
    );
    // startservice and 999 hops were answered; the 1000th hop was not sent.
    assert_eq!(transcript.requests(1).len(), 1000);
    assert_eq!(transcript.hung_up_by(1), Some("platform"));
}

#[tokio::test]
async fn a_small_bound_cuts_a_short_chain() {
    let config = Config {
        max_answers_in_a_row: 3,
        ..Config::default()
    };
    let transcript = Simulator::with_config(InProcess(chain(Some(10))), config)
        .run(vec![Caller::new("1")])
        .await;
    assert_eq!(transcript.requests(1).len(), 3);
    assert_eq!(transcript.flags().len(), 1);
}
