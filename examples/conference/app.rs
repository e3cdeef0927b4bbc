//! The conference guide's application (`shared/seed`, steps (5) to (18)), built only from
//! ivr-xml types and stateless between requests: the platform holds the call state, `<Redirect>`
//! tags carry the retry state, and the new conference's id travels in the `autojoinconf` URL.

use axum::routing::any;
use axum::Router;
use ivr_xml::notify::{
    ConfCreated, ConfMemberJoined, DtmfReport, Notification, RedirectRequest, StartService,
    StopService,
};
use ivr_xml::web::Notified;
use ivr_xml::{
    BuildError, CmdNone, CreateConf, Get, Hangup, JoinConf, Play, PlayMix, Redirect, RelUrl,
    Response, ResponseBuilder,
};

/// The application: one route, `/{segment}`, for every notification.
pub(crate) fn router() -> Router {
    Router::new().route("/{segment}", any(notification))
}

/// Every notification the guide's documents ask for, by the segment they name.
#[derive(Debug, Notification)]
pub(crate) enum Incoming {
    /// (4): the call is connected.
    Start(StartService),
    /// (8): a key at the menu (`Get action='firstget'`).
    #[notification(segment = "firstget")]
    MenuKey(DtmfReport),
    /// (6)-(7): a prompt timed out (`Redirect tag=…` to `gettimeout`).
    #[notification(segment = "gettimeout")]
    Timeout(RedirectRequest),
    /// (9): the caller typed a conference id (`Get action='joinconfget'`).
    #[notification(segment = "joinconfget")]
    ConferenceId(DtmfReport),
    /// (10): the conference exists (`CreateConf action='createconfok'`).
    #[notification(segment = "createconfok")]
    Created(ConfCreated),
    /// (12): the id was announced (`Redirect` to `autojoinconf?confid=…`).
    #[notification(segment = "autojoinconf")]
    AutoJoin(RedirectRequest),
    /// (14): joined (`JoinConf action='joinconfok'`).
    #[notification(segment = "joinconfok")]
    Joined(ConfMemberJoined),
    /// (16): joining failed (`Redirect` to `joinconffail`).
    #[notification(segment = "joinconffail")]
    JoinFailed(RedirectRequest),
    /// (17): the call ended.
    Stop(StopService),
}

/// Which prompt timed out, carried by `Redirect@tag` as in the guide.
const MENU_TAG: &str = "1";
const JOIN_ID_TAG: &str = "2";

async fn notification(Notified(incoming): Notified<Incoming>) -> Result<Response, BuildError> {
    answer(incoming)
}

/// The document answering a notification.
pub(crate) fn answer(incoming: Incoming) -> Result<Response, BuildError> {
    match incoming {
        Incoming::Start(_) => menu(Retry::Again),
        // Any single key reports (numdigits 1); the application branches.
        Incoming::MenuKey(report) => match report.digits.entered() {
            "1" => create_conference(),
            "2" => ask_conference_id("confjoin.wav", Retry::Again),
            _ => menu(Retry::Again),
        },
        // A second timeout says goodbye; the tag says which prompt it was.
        Incoming::Timeout(redirect) => match redirect.tag.as_deref() {
            Some(JOIN_ID_TAG) => ask_conference_id("confjoinfail.wav", Retry::GiveUp),
            _ => menu(Retry::GiveUp),
        },
        Incoming::ConferenceId(report) => join(report.digits.entered()),
        // (11): announce the id, then join it; the id rides in the redirect's URL.
        Incoming::Created(created) => {
            let confid = created.confid.as_str();
            let autojoin = RelUrl::new("autojoinconf")
                .and_then(|url| url.with_query([("confid", confid)]))
                .map(RelUrl::into_string)
                .unwrap_or_default();
            Response::builder()
                .main(PlayMix::new().file("createconf.wav").digits(confid))
                .then(Redirect::new(autojoin))
                .build()
        }
        // (13): the confid is the application's own parameter, kept by the platform.
        Incoming::AutoJoin(redirect) => join(redirect.extra.get("confid").unwrap_or_default()),
        // (15), (18): nothing more to do.
        Incoming::Joined(_) | Incoming::Stop(_) => Response::builder().main(CmdNone::new()).build(),
        // (16): the id was wrong: ask again, as often as it takes.
        Incoming::JoinFailed(_) => ask_conference_id("confjoinfail.wav", Retry::Again),
    }
}

/// What happens when a prompt times out.
#[derive(Clone, Copy)]
enum Retry {
    /// Play `timeout.wav` and redirect to `gettimeout` to ask once more.
    Again,
    /// Play `timeoutbye.wav` and hang up.
    GiveUp,
}

/// Steps (5), (7), (8c): press 1 to create a conference, 2 to join one.
fn menu(retry: Retry) -> Result<Response, BuildError> {
    let get = Get::new()
        .action("firstget")
        .numdigits(1)
        .timeout(30)
        .prompt(Play::new("confmenu.wav"));
    on_timeout(Response::builder().main(get), retry, MENU_TAG).build()
}

/// Steps (8b), (16): enter the 8-digit conference id.
fn ask_conference_id(prompt: &str, retry: Retry) -> Result<Response, BuildError> {
    let get = Get::new()
        .action("joinconfget")
        .numdigits(8)
        .timeout(30)
        .prompt(Play::new(prompt));
    on_timeout(Response::builder().main(get), retry, JOIN_ID_TAG).build()
}

fn on_timeout(builder: ResponseBuilder, retry: Retry, tag: &str) -> ResponseBuilder {
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
fn create_conference() -> Result<Response, BuildError> {
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
fn join(confid: &str) -> Result<Response, BuildError> {
    Response::builder()
        .main(JoinConf::new(confid).action("joinconfok"))
        .then(Redirect::new("joinconffail"))
        .build()
}
