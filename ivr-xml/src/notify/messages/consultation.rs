//! The callbacks of a `<ConsultationCall>` (spec §3.6): the consulted party hung up, the call
//! time ran out, no answer.

use crate::notify::ids::{AppId, CallId, Code};
use crate::notify::params::Params;
use crate::notify::values::Seconds;
use ivr_xml_derive::Message;

/// The consulted party of a `<ConsultationCall>` hung up: the request to its `hangupurl`.
/// *Field evidence only* (2 apps). The first caller is still connected: one application
/// answers with a satisfaction-survey `<Get>`.
///
/// ```
/// use ivr_xml::notify::{AppId, CallId, ConsultHangup, Message, Seconds};
/// let hangup = ConsultHangup::from_query("appid=a1&callid=c1&reason=0&callduration=42")?;
/// assert!(hangup.reason.as_ref().is_some_and(|r| r.is_zero()));
/// assert_eq!(hangup.callduration, Some(Seconds::new(42)));
/// let built = ConsultHangup::new(AppId::new("a1")?, CallId::new("c1")?).callduration(Seconds::new(42));
/// assert_eq!(built.to_query_string(), "appid=a1&callid=c1&callduration=42");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "ConsultationCall hangupurl callback")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct ConsultHangup {
    /// `appid`. *Field evidence only* (2 apps).
    pub appid: AppId,
    /// `callid`. *Field evidence only* (2 apps).
    pub callid: CallId,
    /// `reason`: `0` = the consulted side hung up; other values unknown.
    /// *Field evidence only* (2 apps).
    pub reason: Option<Code>,
    /// `callduration`: talk time of the consultation call. *Field evidence only* (2 apps).
    pub callduration: Option<Seconds>,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}

/// The `calltime` of a `<ConsultationCall>` ran out: the request to its `calltimeoverurl`.
/// *Field evidence only*.
///
/// ```
/// use ivr_xml::notify::{AppId, CallId, ConsultCallTimeOver, Message};
/// let over = ConsultCallTimeOver::from_query("appid=a1&callid=c1")?;
/// assert_eq!(over, ConsultCallTimeOver::new(AppId::new("a1")?, CallId::new("c1")?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "ConsultationCall calltimeoverurl callback")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct ConsultCallTimeOver {
    /// `appid`. *Field evidence only*.
    pub appid: AppId,
    /// `callid`. *Field evidence only*.
    pub callid: CallId,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}

/// The consulted party of a `<ConsultationCall>` did not answer: the request to its
/// `noanswerurl`. *Field evidence only*; only `callid` is known to be sent.
///
/// ```
/// use ivr_xml::notify::{CallId, ConsultNoAnswer, Message};
/// let missed = ConsultNoAnswer::from_query("callid=c1")?;
/// assert_eq!(missed.callid, "c1");
/// assert_eq!(ConsultNoAnswer::new(CallId::new("c1")?).to_query_string(), "callid=c1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "ConsultationCall noanswerurl callback")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct ConsultNoAnswer {
    /// `callid`. *Field evidence only*.
    pub callid: CallId,
    /// `appid` \[inferred\].
    pub appid: Option<AppId>,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}
