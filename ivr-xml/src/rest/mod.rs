//! The platform's REST interface (spec §4): typed request and response bodies for the IVR
//! outbound call and the conference operations, their paths, the `sig` / `Authorization`
//! signing, and (feature `rest-client`) an async client.
//!
//! | operation | body | endpoint | evidence |
//! |---|---|---|---|
//! | IVR outbound call (IVR外呼) | [`Dial`] | [`Endpoint::Dial`] `ivr/dial` | \[official\] |
//! | create conference | [`rest::CreateConf`](CreateConf) (the IVR [`CreateConf`](crate::CreateConf) + `passwd`) | [`Endpoint::CreateConf`] `ivr/createconf` | \[field\] |
//! | invite to conference | [`InviteJoinConf`] | [`Endpoint::Conf`] `ivr/conf?confid=…` | \[field\] |
//! | dismiss, quit, mute, unmute | [`DismissConf`], [`QuitConf`], [`ConfMute`], [`ConfUnMute`] | [`Endpoint::Conf`] | \[field\] |
//! | play, stop play, record, stop record | [`ConfPlay`], [`ConfStopPlay`], [`ConfRecord`], [`ConfStopRecord`] | [`Endpoint::Conf`] | \[field\] |
//! | volume, pause, resume, alarm clock | [`ConfVolumeAdjust`], [`ConfMemberPause`], [`ConfMemberResume`], [`ConfAlarmClock`] | [`Endpoint::Conf`] | \[field\] |
//! | query conference state | [`QueryConfState`] | [`Endpoint::Conf`] | \[field\] |
//! | anything else | [`Operation::Raw`] | [`Endpoint::Other`] | — |
//!
//! The envelope (`<Request><Appid>…</Appid>operation</Request>`), `statusCode`, `callSid` and
//! the hosts are \[official\]; the signing scheme ([`sig`], [`authorization`]) is \[field\]
//! (three code bases agree). Every type works both ways: a client builds requests and parses
//! responses, a server (a simulator) parses requests, checks signatures and builds responses.
//!
//! ```
//! use ivr_xml::rest::{Credentials, InviteJoinConf, RestRequest, RestResponse, RestTarget, Timestamp, SOFT_VERSION};
//!
//! // Client side: body, signature, path.
//! let credentials = Credentials::new("AC", "tokentoken"); // in real code: Credentials::from_env()?
//! let request = RestRequest::new("app1", InviteJoinConf::new("10000001", "13800000001").action("invited"));
//! let signed = credentials.sign(Timestamp::parse("20240102030405")?);
//! let endpoint = request.endpoint().ok_or("no endpoint")?;
//! let target = endpoint.path_and_query(SOFT_VERSION, &credentials.account_sid, &signed.sig);
//! assert_eq!(target, "/2013-12-26/Accounts/AC/ivr/conf?sig=6DE1C759AD65657DE451E37F9DF9721C&confid=10000001");
//! let body = request.to_xml()?;
//!
//! // Server side: route, verify, parse, answer.
//! let incoming = RestTarget::parse(&target)?;
//! assert_eq!(credentials.verify(&signed.authorization, incoming.sig.as_deref().unwrap_or(""))?, signed.timestamp);
//! assert_eq!(RestRequest::parse(&body)?, request);
//! let answer = RestResponse::success().to_xml()?;
//!
//! // Client side again.
//! assert!(RestResponse::parse_success(&answer)?.is_success());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[cfg(feature = "rest-client")]
mod client;
mod ops;
mod path;
mod request;
mod response;
mod sign;

#[cfg(feature = "rest-client")]
pub use client::{ClientError, Clock, PreparedRequest, RestClient, RestClientBuilder};
pub use ops::CreateConf;
#[allow(deprecated)]
pub use ops::RestCreateConf;
pub use ops::{
    ConfAlarmClock, ConfMemberPause, ConfMemberResume, ConfMute, ConfPlay, ConfRecord,
    ConfStopPlay, ConfStopRecord, ConfUnMute, ConfVolumeAdjust, Dial, DismissConf, InviteJoinConf,
    InviteNumbers, Operation, QueryConfState, QuitConf, Role, Speak,
};
pub use path::{Endpoint, RestTarget, TargetError};
pub use request::{AppIdElement, RestRequest};
pub use response::{ResponseError, RestResponse, StatusCode};
pub use sign::{
    authorization, sig, Authorization, Credentials, CredentialsError, Signature, SignatureError,
    Timestamp, ACCOUNT_SID_VAR, AUTH_TOKEN_VAR,
};

/// The old name of [`AppIdElement`], the `<Appid>` element (not the notification parameter
/// [`notify::AppId`](crate::notify::AppId)).
///
/// ```
/// #![allow(deprecated)]
/// use ivr_xml::rest::{AppId, AppIdElement};
/// let old: AppId = AppIdElement::new("12345678");
/// assert_eq!(old, AppIdElement::new("12345678"));
/// ```
#[deprecated(note = "renamed `AppIdElement`: `notify::AppId` is the id itself")]
pub type AppId = AppIdElement;

use crate::ser::{Declaration, Quote, Style};

/// The production host \[official\]. `https://` needs the `rest-client-rustls` feature.
///
/// ```
/// assert_eq!(ivr_xml::rest::PRODUCTION_BASE_URL, "https://app.cloopen.com:8883");
/// ```
pub const PRODUCTION_BASE_URL: &str = "https://app.cloopen.com:8883";

/// The sandbox host \[official\]. `https://` needs the `rest-client-rustls` feature.
///
/// ```
/// assert_eq!(ivr_xml::rest::SANDBOX_BASE_URL, "https://sandboxapp.cloopen.com:8883");
/// ```
pub const SANDBOX_BASE_URL: &str = "https://sandboxapp.cloopen.com:8883";

/// The `{SoftVersion}` of the official example, `2013-12-26` \[official\].
///
/// ```
/// use ivr_xml::rest::{Endpoint, SOFT_VERSION};
/// assert_eq!(Endpoint::Dial.path(SOFT_VERSION, "AC"), "/2013-12-26/Accounts/AC/ivr/dial");
/// ```
pub const SOFT_VERSION: &str = "2013-12-26";

/// The `Accept` header the client sends. The official page writes `application/xml;` with a
/// trailing `;`, which means the same.
///
/// ```
/// assert_eq!(ivr_xml::rest::ACCEPT, "application/xml");
/// ```
pub const ACCEPT: &str = "application/xml";

/// The `Content-Type` header the client sends with a request. The official page writes
/// `application/xml;charset=utf-8;` with a trailing `;`, which means the same. (An application's
/// answer to the platform goes out with `web::CONTENT_TYPE`, feature `axum`.)
///
/// ```
/// assert_eq!(ivr_xml::rest::REQUEST_CONTENT_TYPE, "application/xml;charset=utf-8");
/// ```
pub const REQUEST_CONTENT_TYPE: &str = "application/xml;charset=utf-8";

/// The old name of [`REQUEST_CONTENT_TYPE`].
///
/// ```
/// #![allow(deprecated)]
/// assert_eq!(ivr_xml::rest::CONTENT_TYPE, ivr_xml::rest::REQUEST_CONTENT_TYPE);
/// ```
#[deprecated(note = "renamed `REQUEST_CONTENT_TYPE`: `web::CONTENT_TYPE` is the answer's")]
pub const CONTENT_TYPE: &str = REQUEST_CONTENT_TYPE;

/// The layout of the official `ivr/dial` example: double quotes,
/// `<?xml version="1.0" encoding="UTF-8"?>`, two spaces per level. Request bodies are written in
/// it by default: the platform's own example is the best evidence of what it accepts.
///
/// ```
/// use ivr_xml::rest::official_style;
/// use ivr_xml::{Declaration, Quote, Style};
/// assert_eq!(
///     official_style(),
///     Style::docs().quote(Quote::Double).declaration(Declaration::DoubleQuoted).indent("  ")
/// );
/// ```
pub fn official_style() -> Style {
    Style::docs()
        .quote(Quote::Double)
        .declaration(Declaration::DoubleQuoted)
        .indent("  ")
}
