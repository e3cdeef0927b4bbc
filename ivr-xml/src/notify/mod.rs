//! Notifications: the requests the platform sends the application (spec §3), parsed into typed
//! messages and built back.
//!
//! The platform requests `{notification URL}/{segment}?{parameters}` when a call starts
//! (`startservice`), when a command with a callback URL finishes (the segment is the command's
//! `action` or `*url`, or a `<Redirect>`'s text) and when the call ends (`stopservice`); the
//! application answers with a [`Response`](crate::Response).
//!
//! | message | segment | spec |
//! |---|---|---|
//! | [`StartService`] | `startservice` (fixed) | §3.2 |
//! | [`DtmfReport`] | `Get@action`, default `dtmfreport` | §3.3 |
//! | [`RedirectRequest`] | the `<Redirect>` text | §3.4 |
//! | [`StopService`] | `stopservice` (fixed) | §3.5 |
//! | [`ConsultHangup`], [`ConsultCallTimeOver`], [`ConsultNoAnswer`] | `ConsultationCall@hangupurl`, `@calltimeoverurl`, `@noanswerurl` | §3.6 |
//! | [`ConfCreated`], [`ConfMemberJoined`], [`ConfMemberQuit`], [`ConfDeleted`], [`ConfDtmfReport`], [`ConfMediaOpResult`], [`ConfPasswordFailed`] | `CreateConf@action`, `JoinConf@action` / `@joinurl`, `@quiturl`, `@delreporturl`, `@dtmfreporturl`, `@mediaopturl`, `passwderrorurl` | §3.7 |
//! | [`Cdr`] | `cdr` (the field handler's) | §3.8 |
//!
//! The official notification reference was not available: every parameter is known from field
//! code or inferred, and each field's rustdoc says which. Typed values are
//! [`AppId`], [`CallId`], [`ConfId`], [`Direction`], [`Digits`] (raw, or with a trailing finish
//! key stripped), [`Timestamp`] (`yyyyMMddHHmmss`, naive, raw text kept), [`Seconds`], [`Code`]
//! and [`UserData`]. Parameters a message does not read are kept, in order, in its `extra`.
//!
//! # Encodings
//!
//! The platform puts the parameters in the query string. A form body
//! (`application/x-www-form-urlencoded`) and an XML body (`<Request>` or `<request>` with one
//! element per parameter, as other products of the platform post) are read as well, and each
//! gives the same [`Params`] and so the same message. With both a query string and a body, the
//! **query string wins**: parameters only in the body are added, and a different value in the
//! body is reported as a [`Conflict`] (or refused, see [`NotifyOptions::refuse_conflicts`]).
//! Percent-decoding reads `+` as a space and refuses bad escapes and non-UTF-8 bytes; sizes and
//! parameter counts are limited ([`NotifyOptions`]).
//!
//! # Dispatch
//!
//! The application names every segment but `startservice` and `stopservice`, so it declares
//! which it expects: an enum deriving [`Notification`](derive@Notification), one variant per
//! segment. A handler is then one `match`, and a request for any other segment is an error that
//! lists the expected ones. See [`Request`] for a complete web handler.
//!
//! ```
//! use ivr_xml::notify::{ConfCreated, DtmfReport, Notification, RedirectRequest, Request, StartService, StopService};
//!
//! #[derive(Debug, Notification)]
//! enum Incoming {
//!     Start(StartService),                     // `startservice`, named by the platform
//!     #[notification(segment = "firstget")]
//!     Menu(DtmfReport),
//!     #[notification(segment = "joinconfget")]
//!     ConfId(DtmfReport),
//!     #[notification(segment = "gettimeout")]
//!     Timeout(RedirectRequest),
//!     #[notification(segment = "createconfok")]
//!     Created(ConfCreated),
//!     Stop(StopService),                       // `stopservice`
//! }
//!
//! let incoming: Incoming = Request::new("/ivr/joinconfget")
//!     .query("appid=a1&callid=c1&digits=12345678%23")
//!     .parse()?;
//! match incoming {
//!     Incoming::ConfId(report) => assert_eq!(report.digits.entered(), "12345678"),
//!     other => panic!("unexpected {other:?}"),
//! }
//! # Ok::<(), ivr_xml::notify::NotifyError>(())
//! ```
//!
//! # Building
//!
//! Every message has a builder (`new` with the required parameters, a method per optional one)
//! and writes itself as a query string (also the form body) or an XML body, which read back to
//! the same value: for tests, simulators and replaying captured traffic.
//!
//! ```
//! use ivr_xml::notify::{AppId, CallId, Message, Seconds, StopService, Timestamp};
//!
//! let stop = StopService::new(AppId::new("a1")?, CallId::new("c1")?)
//!     .starttime(Timestamp::parse("20170927163910")?)
//!     .endtime(Timestamp::parse("20170927163911")?)
//!     .callduration(Seconds::new(1))
//!     .extra_param("mediaflow", "12");
//! let query = stop.to_query_string();
//! assert_eq!(query, "appid=a1&callid=c1&starttime=20170927163910&endtime=20170927163911&callduration=1&mediaflow=12");
//! assert_eq!(StopService::from_query(&query)?, stop);
//! assert_eq!(StopService::from_form(query.as_bytes())?, stop);
//! assert_eq!(StopService::from_xml(stop.to_xml()?.as_bytes())?, stop);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Serde
//!
//! With the feature `serde`, every message is `Serialize` and `Deserialize` (a message of your
//! own with `#[message(serde)]`, an enum of notifications with `#[notification(serde)]`, tagged
//! by its segment) as a map from the
//! platform's parameter names to their texts (the known parameters, then `extra`), and reads
//! through [`Message::from_params`]: the same checks and the same error text as
//! [`Message::from_query`]. So a message is an argument of any framework's `Query` or `Form`
//! extractor, and logs or stores as JSON. The value types ([`CallId`], [`Digits`],
//! [`Timestamp`], ...) serialize as their text. Two differences remain, both from the
//! frameworks' percent-decoder (`form_urlencoded`) reading before the message: it keeps a bad
//! escape (`%zz`) as text where the library refuses it, and the size limit of
//! [`NotifyOptions`] is the framework's own (the parameter count limit is applied). A byte that
//! is not UTF-8 is refused by both.
//!
//! actix-web reads a message the same way (`web::Query` is serde_urlencoded too):
//!
//! ```text
//! use actix_web::{post, web, HttpResponse};
//! use ivr_xml::notify::DtmfReport;
//!
//! #[post("/ivr/firstget")]
//! async fn menu(report: web::Query<DtmfReport>) -> HttpResponse {
//!     let pressed = report.digits.entered();
//!     // ... answer with a Response document, as for any notification
//!     HttpResponse::Ok().body(format!("pressed {pressed}"))
//! }
//! ```
#![cfg_attr(
    feature = "serde",
    doc = r##"
With axum (`Query<StartService>` or `Form<StopService>` as a handler's argument) or directly:

```
use ivr_xml::notify::{DtmfReport, Message};

let query = "appid=a1&callid=c1&digits=12%23&menu=join";
let report: DtmfReport = serde_urlencoded::from_str(query)?;
assert_eq!(report, DtmfReport::from_query(query)?);
assert_eq!(report.extra.get("menu"), Some("join"));

let json = serde_json::to_string(&report)?;
assert_eq!(json, r#"{"appid":"a1","callid":"c1","digits":"12#","menu":"join"}"#);
assert_eq!(serde_json::from_str::<DtmfReport>(&json)?, report);

let err = serde_urlencoded::from_str::<DtmfReport>("appid=a1&callid=c1").unwrap_err();
assert_eq!(err.to_string(), DtmfReport::from_query("appid=a1&callid=c1").unwrap_err().to_string());
# Ok::<(), Box<dyn std::error::Error>>(())
```
"##
)]

mod decoded;
mod dispatch;
mod error;
mod ids;
mod message;
mod messages;
mod options;
mod params;
mod request;
mod source;
mod time;
mod urlencoded;
mod values;
mod xml;

#[doc(hidden)]
pub use dispatch::__private;
pub use dispatch::{match_segment, Notification, RawNotification};
pub use error::{Encoding, NotifyError, NotifyErrorKind};
pub use message::Message;

pub use decoded::{Conflict, Decoded, IgnoredBody};
pub use ids::{AppId, CallId, Code, ConfId};
/// Derives [`Message`](trait@Message) for a struct of notification parameters, with its builder:
/// how the crate's own messages are written, and how to add one it does not ship.
///
/// Each named field is a parameter named like the field (`#[message(rename = "type")]` for
/// another name): a `T: XmlValue` (a [`ParamValue`]) is required, an `Option<T>` optional. One field
/// `#[message(extra)]` of type [`Params`] receives the parameters the message does not read. On
/// the struct, `#[message(kind = "...")]` names the message in errors and
/// `#[message(segment = "...")]` gives its default segment. Generated: `new` (the required
/// parameters, in order), a method per optional parameter, `extra_param`, `Default` when nothing
/// is required, and [`Message`](trait@Message), whose readers of every encoding go through one
/// pass over the pairs.
///
/// ```
/// use ivr_xml::notify::{CallId, Message, Params, Seconds};
///
/// /// A callback the crate does not ship: an application's own "recording finished" URL.
/// #[derive(Debug, PartialEq, Message)]
/// #[message(kind = "recording callback", segment = "recorded")]
/// struct Recorded {
///     callid: CallId,
///     duration: Option<Seconds>,
///     #[message(rename = "type")]
///     kind: Option<String>,
///     #[message(extra)]
///     extra: Params,
/// }
///
/// let recorded = Recorded::from_query("callid=c1&duration=1&type=2&recordurl=r.wav")?;
/// assert_eq!(recorded.duration, Some(Seconds::new(1)));
/// assert_eq!(recorded.extra.get("recordurl"), Some("r.wav"));
/// assert_eq!(Recorded::PARAMS, ["callid", "duration", "type"]);
/// let built = Recorded::new(CallId::new("c1")?).kind("2").extra_param("recordurl", "r.wav");
/// assert_eq!(built.to_query_string(), "callid=c1&type=2&recordurl=r.wav");
/// assert_eq!(
///     Recorded::from_query("duration=1").unwrap_err().to_string(),
///     "recording callback: missing parameter `callid`: expected a call id (not empty, no spaces or control characters)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Mistakes are compile errors at the attribute, all reported together:
///
/// ```compile_fail
/// use ivr_xml::notify::{CallId, Message};
///
/// #[derive(Message)]                 // no `kind`, no `extra` field
/// struct Recorded {
///     #[message(rename = "")]       // an empty parameter name
///     callid: CallId,
/// }
/// ```
///
/// With the feature `serde`, `#[message(serde)]` (usually
/// `#[cfg_attr(feature = "serde", message(serde))]`, as on the crate's messages) also derives
/// `Serialize` and `Deserialize`: the map of the parameters, read through
/// [`Message::from_params`] (see [Serde](self#serde)).
#[cfg_attr(
    feature = "serde",
    doc = r##"
```
use ivr_xml::notify::{CallId, Message, Params};

#[derive(Debug, PartialEq, Message)]
#[message(kind = "recording callback", serde)]
struct Recorded {
    callid: CallId,
    #[message(extra)]
    extra: Params,
}

let recorded: Recorded = serde_urlencoded::from_str("callid=c1&recordurl=r.wav")?;
assert_eq!(recorded, Recorded::from_query("callid=c1&recordurl=r.wav")?);
assert_eq!(serde_json::to_string(&recorded)?, r#"{"callid":"c1","recordurl":"r.wav"}"#);
let err = serde_json::from_str::<Recorded>(r#"{"callid":"c 1"}"#).unwrap_err();
assert!(err.to_string().starts_with("recording callback: invalid parameter `callid`"), "{err}");
# Ok::<(), Box<dyn std::error::Error>>(())
```
"##
)]
pub use ivr_xml_derive::Message;
pub use messages::{
    Cdr, ConfCreated, ConfDeleted, ConfDtmfReport, ConfMediaOpResult, ConfMemberJoined,
    ConfMemberQuit, ConfPasswordFailed, ConsultCallTimeOver, ConsultHangup, ConsultNoAnswer,
    DtmfReport, RedirectRequest, StartService, StopService,
};
#[cfg(feature = "serde")]
pub(crate) use options::limit_error;
pub use options::NotifyOptions;
pub use params::Params;
pub use request::Request;
pub use time::Timestamp;
pub use values::{Digits, Direction, Seconds, UserData};

/// A value that can be read from, and written as, one notification parameter: another name of
/// the crate's one value trait, [`XmlValue`], which every `XmlValue` has (notifications had a
/// trait of their own before). Implement (or [derive](derive@crate::XmlValue)) `XmlValue` for
/// your own types to read them with [`Params::required`] and [`Params::optional`] and to use
/// them in a [`Message`](derive@Message); `T: ParamValue` bounds keep working.
///
/// ```
/// use ivr_xml::notify::{ParamValue, Params};
/// use ivr_xml::{ValueError, XmlValue};
///
/// /// `callstate` of the cdr callback: a SIP-like status.
/// #[derive(Debug, PartialEq)]
/// struct CallState(u16);
///
/// impl XmlValue for CallState {
///     const EXPECTED: &'static str = "a status from 100 to 699";
///     fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
///         f(&self.0.to_string())
///     }
///     fn parse_value(raw: &str) -> Result<CallState, ValueError> {
///         match raw.parse::<u16>() {
///             Ok(n) if (100..700).contains(&n) => Ok(CallState(n)),
///             _ => Err(ValueError::new("callstate", raw, Self::EXPECTED)),
///         }
///     }
/// }
///
/// fn read<T: ParamValue>(params: &Params, name: &str) -> Result<T, ivr_xml::notify::NotifyError> {
///     params.required(name)
/// }
/// let params = Params::from_query("callstate=200")?;
/// assert_eq!(read::<CallState>(&params, "callstate")?, CallState(200));
/// let err = read::<CallState>(&Params::from_query("callstate=20")?, "callstate").unwrap_err();
/// assert_eq!(err.to_string(), "invalid parameter `callstate` = `20`: expected a status from 100 to 699");
/// # Ok::<(), ivr_xml::notify::NotifyError>(())
/// ```
///
/// [`XmlValue`]: crate::XmlValue
pub trait ParamValue: crate::XmlValue {}

impl<T: crate::XmlValue> ParamValue for T {}

/// Derives [`Notification`](trait@Notification) for an enum: which variant a request is for,
/// by the segment at the end of its path.
///
/// Each variant holds one [`Message`] type (or a `Box` of one, for a large message among small
/// ones). `#[notification(segment = "...")]` names the segment
/// (the application's own `action` / `*url` value); repeat it for several. A variant without
/// it takes its type's [`Message::DEFAULT_SEGMENT`] (`startservice`, `dtmfreport`,
/// `stopservice`), and a type without one is a compile error. One variant may be
/// `#[notification(other)]`: it takes every other path, and holds a [`Notification`] (usually
/// [`RawNotification`]); without it an unexpected path is an
/// [`UnexpectedSegment`](NotifyErrorKind::UnexpectedSegment) error listing the expected
/// segments.
///
/// A segment matches a path equal to it or ending in `/` and it (a query string and trailing
/// slashes ignored); the longest match wins, so `menu/first` and `first` can coexist. Segments
/// are written without a leading or trailing `/`, and two variants cannot take the same one.
///
/// ```
/// use ivr_xml::notify::{
///     ConfMemberJoined, DtmfReport, Notification, RawNotification, Request, StartService,
/// };
///
/// #[derive(Debug, PartialEq, Notification)]
/// enum Incoming {
///     Start(StartService),
///     #[notification(segment = "firstget", segment = "menu/first")]
///     Menu(DtmfReport),
///     #[notification(segment = "joinconfok")]
///     Joined(ConfMemberJoined),
///     #[notification(other)]
///     Other(RawNotification),
/// }
///
/// assert_eq!(Incoming::SEGMENTS, ["startservice", "firstget", "menu/first", "joinconfok"]);
///
/// let joined: Incoming = Request::new("/ivr/joinconfok?confid=00012345&jointime=20170927163908").parse()?;
/// assert!(matches!(&joined, Incoming::Joined(j) if j.confid == "00012345"));
/// assert_eq!(joined.segment(), "joinconfok");
///
/// let menu: Incoming = Request::new("/ivr/menu/first?appid=a&callid=c&digits=2").parse()?;
/// assert_eq!(menu.segment(), "firstget");
/// assert_eq!(menu.to_query_string(), "appid=a&callid=c&digits=2");
///
/// let other: Incoming = Request::new("/ivr/agentstate?agentid=7").parse()?;
/// assert!(matches!(&other, Incoming::Other(raw) if raw.path == "/ivr/agentstate" && raw.params.get("agentid") == Some("7")));
/// # Ok::<(), ivr_xml::notify::NotifyError>(())
/// ```
///
/// Mistakes are compile errors at the attribute, all reported together:
///
/// ```compile_fail
/// use ivr_xml::notify::{DtmfReport, Notification, RedirectRequest};
///
/// #[derive(Notification)]
/// enum Incoming {
///     #[notification(segment = "first get")]      // not a URL path segment
///     Menu(DtmfReport),
///     Timeout(RedirectRequest),                    // no default segment: name one
/// }
/// ```
///
/// With the feature `serde`, `#[notification(serde)]` on the enum also derives `Serialize` and
/// `Deserialize`: a notification is tagged by its segment, a one-entry map from
/// [`Notification::segment`](trait@Notification) to its parameters, and reads back through
/// [`Notification::from_parts`] (so the variant its segment chooses, with its message's checks):
/// for logging and replaying the notifications a call made.
#[cfg_attr(
    feature = "serde",
    doc = r##"
```
use ivr_xml::notify::{DtmfReport, Notification, RawNotification, Request, StartService};

#[derive(Debug, PartialEq, Notification)]
#[notification(serde)]
enum Incoming {
    Start(StartService),
    #[notification(segment = "firstget")]
    Menu(DtmfReport),
    #[notification(other)]
    Other(RawNotification),
}

let menu: Incoming = Request::new("/ivr/firstget?appid=a&callid=c&digits=2").parse()?;
let json = serde_json::to_string(&menu)?;
assert_eq!(json, r#"{"firstget":{"appid":"a","callid":"c","digits":"2"}}"#);
assert_eq!(serde_json::from_str::<Incoming>(&json)?, menu);

let other: Incoming = Request::new("/ivr/agentstate?agentid=7").parse()?;
let json = serde_json::to_string(&other)?;
assert_eq!(json, r#"{"/ivr/agentstate":{"agentid":"7"}}"#);
assert_eq!(serde_json::from_str::<Incoming>(&json)?, other);

let err = serde_json::from_str::<Incoming>(r#"{"firstget":{"appid":"a"}}"#).unwrap_err();
assert!(err.to_string().starts_with("Get report: missing parameter `callid`"), "{err}");
# Ok::<(), Box<dyn std::error::Error>>(())
```
"##
)]
pub use ivr_xml_derive::Notification;
