//! A short, realistic IVR menu and its callers, shared by the scaling test (`tests/scaling.rs`)
//! and the scaling benchmark (`benches/scaling.rs`).
//!
//! The application is an axum `Router` built from ivr-xml types, called in process: `startservice`
//! answers a one-key menu; key 1 plays `sales.wav`, key 2 `support.wav`, and a silent caller hears
//! `timeout.wav`; each path then redirects to `goodbye` (tagged with the key or `timeout`), which
//! hangs up; `stopservice` is answered `<CmdNone/>`.

use std::time::Duration;

use axum::routing::any;
use axum::Router;
use ivr_xml::notify::{DtmfReport, Notification, RedirectRequest, StartService, StopService};
use ivr_xml::web::Notified;
use ivr_xml::{BuildError, CmdNone, Get, Hangup, Play, Redirect, Response};
use ivr_xml_sim::Caller;

/// The notifications the menu asks for, by segment.
#[derive(Debug, Notification)]
enum Incoming {
    Start(StartService),
    #[notification(segment = "menu")]
    Menu(DtmfReport),
    #[notification(segment = "goodbye")]
    Goodbye(RedirectRequest),
    Stop(StopService),
}

/// The application: one route for every notification.
pub(crate) fn router() -> Router {
    Router::new().route("/{segment}", any(notification))
}

async fn notification(Notified(incoming): Notified<Incoming>) -> Result<Response, BuildError> {
    match incoming {
        Incoming::Start(_) => Response::builder()
            .main(
                Get::new()
                    .action("menu")
                    .numdigits(1)
                    .timeout(10)
                    .prompt(Play::new("welcome.wav")),
            )
            .then(Play::new("timeout.wav"))
            .then(Redirect::new("goodbye").tag("timeout"))
            .build(),
        Incoming::Menu(report) => {
            let (prompt, tag) = match report.digits.entered() {
                "1" => ("sales.wav", "1"),
                "2" => ("support.wav", "2"),
                _ => ("invalid.wav", "other"),
            };
            Response::builder()
                .main(Play::new(prompt))
                .then(Redirect::new("goodbye").tag(tag))
                .build()
        }
        Incoming::Goodbye(_) => Response::builder().main(Hangup::new()).build(),
        Incoming::Stop(_) => Response::builder().main(CmdNone::new()).build(),
    }
}

/// What caller `index` (0-based) does: callers take turns pressing 1 (after 2 s), pressing 2
/// (after 4 s) and keeping silent, and arrive 10 ms apart, wrapping every 10 s, so that with many
/// callers every call overlaps thousands of others.
pub(crate) fn caller(index: usize) -> Caller {
    let caller = Caller::new(format!("138{index:08}"))
        .starting_after(Duration::from_millis((index as u64 % 1_000) * 10));
    match index % 3 {
        0 => caller.press("1", Duration::from_secs(2)),
        1 => caller.press("2", Duration::from_secs(4)),
        _ => caller.silence(),
    }
}

/// `count` callers, all in the simulation at once.
pub(crate) fn callers(count: usize) -> Vec<Caller> {
    (0..count).map(caller).collect()
}
