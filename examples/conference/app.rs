//! The conference guide's application (`shared/seed`, steps (5) to (18)), built only from
//! ivr-xml types and stateless between requests: the platform holds the call state, `<Redirect>`
//! tags carry the retry state, and the new conference's id travels in the `autojoinconf` URL.

use std::collections::HashMap;

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response as HttpResponse};
use axum::routing::any;
use axum::Router;
use ivr_xml::{CmdNone, CreateConf, Get, Hangup, JoinConf, Play, PlayMix, Redirect, Response};

/// The application: one route, `/{segment}`, for every notification.
pub(crate) fn router() -> Router {
    Router::new().route("/{segment}", any(notification))
}

/// The segments this application answers: the platform's two and the ones its documents name.
pub(crate) const SEGMENTS: [&str; 9] = [
    "startservice",
    "firstget",
    "gettimeout",
    "joinconfget",
    "createconfok",
    "autojoinconf",
    "joinconfok",
    "joinconffail",
    "stopservice",
];

/// Which prompt timed out, carried by `Redirect@tag` as in the guide.
const MENU_TAG: &str = "1";
const JOIN_ID_TAG: &str = "2";

async fn notification(
    Path(segment): Path<String>,
    Query(params): Query<HashMap<String, String>>,
) -> HttpResponse {
    match answer(&segment, &params) {
        Ok(document) => document.into_response(),
        Err(message) => (StatusCode::BAD_REQUEST, message).into_response(),
    }
}

fn param<'a>(params: &'a HashMap<String, String>, name: &str) -> Result<&'a str, String> {
    params
        .get(name)
        .map(String::as_str)
        .ok_or_else(|| format!("missing parameter `{name}`"))
}

/// The document answering a notification.
pub(crate) fn answer(segment: &str, params: &HashMap<String, String>) -> Result<Response, String> {
    let document = match segment {
        // (4)-(5): the call is connected: the menu.
        "startservice" => menu(Retry::Again),
        // (8): a key at the menu. Any single key reports (numdigits 1); the app branches.
        "firstget" => match param(params, "digits")?.trim_end_matches('#') {
            "1" => create_conference(),
            "2" => ask_conference_id("confjoin.wav", Retry::Again),
            _ => menu(Retry::Again),
        },
        // (6)-(7): a prompt timed out; the tag says which. A second timeout says goodbye.
        "gettimeout" => match params.get("tag").map(String::as_str) {
            Some(JOIN_ID_TAG) => ask_conference_id("confjoinfail.wav", Retry::GiveUp),
            _ => menu(Retry::GiveUp),
        },
        // (9): the caller typed a conference id.
        "joinconfget" => {
            let typed = param(params, "digits")?.trim_end_matches('#');
            join(typed)
        }
        // (10)-(11): the conference exists: announce its id, then join it.
        "createconfok" => {
            let confid = param(params, "confid")?;
            Response::builder()
                .main(PlayMix::new().file("createconf.wav").digits(confid))
                .then(Redirect::new(
                    ivr_xml::RelUrl::new("autojoinconf")
                        .and_then(|url| url.with_query([("confid", confid)]))
                        .map_err(|err| err.to_string())?
                        .into_string(),
                ))
                .build()
        }
        // (12)-(13): the announcement ended.
        "autojoinconf" => join(param(params, "confid")?),
        // (14)-(15): joined; nothing more to do.
        "joinconfok" => Response::builder().main(CmdNone::new()).build(),
        // (16): the id was wrong: ask again, as often as it takes.
        "joinconffail" => ask_conference_id("confjoinfail.wav", Retry::Again),
        // (17)-(18): the call ended.
        "stopservice" => Response::builder().main(CmdNone::new()).build(),
        other => {
            return Err(format!(
                "unexpected notification segment `{other}`: expected one of {}",
                SEGMENTS.join(", ")
            ))
        }
    };
    document.map_err(|err| err.to_string())
}

/// What happens when a prompt times out.
#[derive(Clone, Copy)]
enum Retry {
    /// Play `timeout.wav` and redirect to `gettimeout` to ask once more.
    Again,
    /// Play `timeoutbye.wav` and hang up.
    GiveUp,
}

type Built = Result<Response, ivr_xml::BuildError>;

/// Steps (5), (7), (8c): press 1 to create a conference, 2 to join one.
fn menu(retry: Retry) -> Built {
    let get = Get::new()
        .action("firstget")
        .numdigits(1)
        .timeout(30)
        .prompt(Play::new("confmenu.wav"));
    on_timeout(Response::builder().main(get), retry, MENU_TAG).build()
}

/// Steps (8b), (16): enter the 8-digit conference id.
fn ask_conference_id(prompt: &str, retry: Retry) -> Built {
    let get = Get::new()
        .action("joinconfget")
        .numdigits(8)
        .timeout(30)
        .prompt(Play::new(prompt));
    on_timeout(Response::builder().main(get), retry, JOIN_ID_TAG).build()
}

fn on_timeout(
    builder: ivr_xml::ResponseBuilder,
    retry: Retry,
    tag: &str,
) -> ivr_xml::ResponseBuilder {
    match retry {
        Retry::Again => builder
            .then(Play::new("timeout.wav"))
            .then(Redirect::new("gettimeout").tag(tag)),
        Retry::GiveUp => builder
            .then(Play::new("timeoutbye.wav"))
            .then(Hangup::new()),
    }
}

/// Step (8a): create the conference; the platform reports its id to `createconfok`.
fn create_conference() -> Built {
    Response::builder()
        .main(
            CreateConf::new()
                .action("createconfok")
                .maxmember(10)
                .autojoin(false),
        )
        .build()
}

/// Steps (9), (13): join, or go to `joinconffail`.
fn join(confid: &str) -> Built {
    Response::builder()
        .main(JoinConf::new(confid).action("joinconfok"))
        .then(Redirect::new("joinconffail"))
        .build()
}
