//! The conference guide's application (`shared/seed`, steps (5) to (18)), built only from
//! ivr-xml types and stateless between requests: the platform holds the call state, and
//! `<Redirect>` tags carry the retry state and the new conference's id (the tag is a documented
//! attribute, \[official\] \[guide\]; that it comes back as the redirect's `tag` parameter is
//! \[field\], spec §2.5 and §3.4, the same evidence the guide's `gettimeout` retries rest on).
//! The id does not ride in the `autojoinconf` URL's own query string: that the platform keeps it
//! is only \[inferred\] (spec §1.9).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::routing::post;
use axum::Router;
use ivr_xml::notify::{
    ConfCreated, ConfMemberJoined, DtmfReport, Notification, RedirectRequest, StartService,
    StopService,
};
use ivr_xml::web::Received;
use ivr_xml::{
    BuildError, CreateConf, Get, Hangup, JoinConf, Play, PlayMix, Redirect, Response,
    ResponseBuilder,
};

/// The application: every path, for every notification, in each URL form the platform uses
/// (`/startservice?…`, `/startservice/?…`, `/?startservice&…`) under any mount path (`/ivr/…`):
/// the segment is the path's last one, or the query's first bare key ([`ivr_xml::web::routes`],
/// [`ivr_xml::notify::Request`]). The platform requests it with POST, or GET when a
/// `<Get method='GET'>` says so (spec §3.1); any other method is a 405 with a message.
///
/// Every request is logged with `tracing` (method and path, at `info`), every answer's first
/// command (at `info`), and every rejection with its status and reason (at `warn`), whatever
/// refused it: the notification extractor, the 404 and 405 fallbacks or the application.
pub(crate) fn router() -> Router {
    let notifications = post(notification)
        .get(notification)
        // `get` would answer HEAD too; the platform never sends it.
        .head(method_not_allowed)
        .fallback(method_not_allowed);
    ivr_xml::web::routes("/", notifications)
        .fallback(not_found)
        .layer(axum::middleware::from_fn(trace_request))
}

/// The most bytes of a rejection's reason logged.
const LOGGED_REASON_BYTES: usize = 512;

/// Logs the request, and the rejection if the answer is not a success.
async fn trace_request(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let method = request.method().clone();
    let path = excerpt(request.uri().path());
    tracing::info!(%method, %path, "request");
    let response = next.run(request).await;
    let status = response.status();
    if status.is_success() {
        return response;
    }
    // Refusals are short plain text: read at most LOGGED_REASON_BYTES of it for the log, and
    // send the same bytes on.
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, LOGGED_REASON_BYTES.max(64 * 1024))
        .await
        .unwrap_or_default();
    let reason = String::from_utf8_lossy(&bytes[..bytes.len().min(LOGGED_REASON_BYTES)]);
    tracing::warn!(%method, %path, status = status.as_u16(), reason = %excerpt(&reason), "rejected");
    axum::response::Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// A refusal: the status and a plain-text message saying why.
pub(crate) fn refuse(status: StatusCode, message: String) -> axum::response::Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        message,
    )
        .into_response()
}

async fn method_not_allowed(method: axum::http::Method) -> axum::response::Response {
    let mut response = refuse(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "method {} is not allowed: the platform sends notifications with POST, or GET for a `<Get method='GET'>`",
            excerpt(method.as_str())
        ),
    );
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static("GET, POST"));
    response
}

async fn not_found(uri: axum::http::Uri) -> axum::response::Response {
    refuse(
        StatusCode::NOT_FOUND,
        format!(
            "no notification at `{}`: expected a path ending in a segment, e.g. `/startservice`",
            excerpt(uri.path())
        ),
    )
}

/// At most 64 characters of `text`, escaped, for a message that quotes the request.
fn excerpt(text: &str) -> String {
    let mut chars = text.chars();
    let mut short: String = chars
        .by_ref()
        .take(64)
        .flat_map(char::escape_debug)
        .collect();
    if chars.next().is_some() {
        short.push('…');
    }
    short
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
    /// (12): the id was announced (`Redirect tag='<confid>'` to `autojoinconf`).
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

/// Played when the conference just created cannot be joined automatically (its id did not come
/// back): "the conference could not be joined automatically; please enter its id".
pub(crate) const AUTOJOIN_FAILED_PROMPT: &str = "autojoinfail.wav";

/// Which prompt timed out, carried by `Redirect@tag` as in the guide.
const MENU_TAG: &str = "1";
const JOIN_ID_TAG: &str = "2";

async fn notification(received: Received<Incoming>) -> Result<Response, Refusal> {
    // The platform sends no body (spec §3.1); one that carries no parameters is not read.
    if let Some(ignored) = &received.ignored_body {
        log(&format!("{}: {ignored}", received.notification.segment()));
    }
    let segment = received.notification.segment().to_owned();
    let answered = answer(received.notification)?;
    tracing::info!(
        %segment,
        first = %answered.main().map_or("(none)", |command| command.name()),
        "answer"
    );
    Ok(answered)
}

/// What went wrong, for whoever runs the service: a `warn` event.
pub(crate) fn log(line: &str) {
    tracing::warn!("conference: {line}");
}

/// Why a notification is answered without a document.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// The notification carries a value the guide's flow cannot use: `400 Bad Request`.
    BadRequest(String),
    /// A document the application built from valid input is invalid: a bug of the
    /// application, `500 Internal Server Error` (nothing invalid is ever sent).
    Build(BuildError),
}

impl From<BuildError> for Refusal {
    fn from(err: BuildError) -> Refusal {
        Refusal::Build(err)
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> axum::response::Response {
        match self {
            Refusal::BadRequest(message) => refuse(StatusCode::BAD_REQUEST, message),
            Refusal::Build(err) => err.into_response(),
        }
    }
}

/// A conference id as the guide uses it: callers type it on the keypad (step (9) collects an
/// "8位会议id", an 8-digit id) and `<PlayMix>` reads it out as digits (step (11)), so digits
/// only. Anything else (a `;`, which would split the `<PlayMix>` item, a character XML cannot
/// carry, a missing id) is the request's fault, not the application's.
fn conference_id<'a>(segment: &str, confid: Option<&'a str>) -> Result<&'a str, Refusal> {
    match confid {
        Some(id) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) => Ok(id),
        Some(id) => Err(Refusal::BadRequest(format!(
            "{segment}: invalid parameter `confid` = `{}`: expected a conference id of digits only",
            excerpt(id)
        ))),
        None => Err(Refusal::BadRequest(format!(
            "{segment}: no conference id: expected the `tag` of the `<Redirect>` to `autojoinconf`"
        ))),
    }
}

/// The document answering a notification.
pub(crate) fn answer(incoming: Incoming) -> Result<Response, Refusal> {
    let document = match incoming {
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
        // (11): announce the id, then join it; the id rides in the redirect's tag.
        Incoming::Created(created) => {
            let confid = conference_id("createconfok", Some(created.confid.as_str()))?;
            Response::builder()
                .main(PlayMix::new().file("createconf.wav").digits(confid))
                .then(Redirect::new("autojoinconf").tag(confid))
                .build()
        }
        // (13): the tag brings the id back. Without it (or with one that is not an id) the
        // caller cannot be joined automatically: say so, aloud and in the log, and ask for the
        // id the caller just heard, as a joining caller is asked (step (8b)).
        Incoming::AutoJoin(redirect) => {
            match conference_id("autojoinconf", redirect.tag.as_deref()) {
                Ok(confid) => join(confid),
                Err(Refusal::BadRequest(why)) => {
                    log(&format!(
                        "call {}: {why} (the `<Redirect tag>` of step (11)); asking the caller for it",
                        excerpt(redirect.callid.as_str())
                    ));
                    ask_conference_id(AUTOJOIN_FAILED_PROMPT, Retry::Again)
                }
                Err(other) => return Err(other),
            }
        }
        // (15), (18): nothing more to do.
        Incoming::Joined(_) | Incoming::Stop(_) => Ok(Response::cmd_none()),
        // (16): the id was wrong: ask again, as often as it takes.
        Incoming::JoinFailed(_) => ask_conference_id("confjoinfail.wav", Retry::Again),
    };
    Ok(document?)
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
