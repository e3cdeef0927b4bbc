//! The callbacks of a conference (`CreateConf` and `JoinConf` URLs, spec §3.7): created, member
//! joined and quit, deleted, keys, media-operation result, password failed.

use crate::notify::ids::{AppId, CallId, Code, ConfId};
use crate::notify::params::Params;
use crate::notify::time::Timestamp;
use crate::notify::values::{Digits, UserData};
use ivr_xml_derive::Message;

/// A conference was created: the request to `CreateConf@action` (for example `createconfok`)
/// \[official\] \[guide (10)\]. Answer with a command document: the guide answers with a
/// `<PlayMix>` of the id and a `<Redirect>` \[guide (11)\].
///
/// No parameter list is available (spec §3.7). `confid` is required because the guide plays
/// the new conference's id right after this callback \[inferred\]; `appid` and `callid` are
/// read when present \[inferred\].
///
/// ```
/// use ivr_xml::notify::{ConfCreated, ConfId, Message};
/// let created = ConfCreated::from_query("confid=00012345&callid=c1")?;
/// assert_eq!(created.confid, "00012345");
/// assert_eq!(ConfCreated::new(ConfId::new("00012345")?).to_query_string(), "confid=00012345");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "conference-created callback")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct ConfCreated {
    /// `confid`: the new conference \[inferred\].
    pub confid: ConfId,
    /// `appid` \[inferred\].
    pub appid: Option<AppId>,
    /// `callid`: the call that created the conference \[inferred\].
    pub callid: Option<CallId>,
    /// `userdata` \[inferred\].
    pub userdata: Option<UserData>,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}

/// A member joined a conference: the request to `JoinConf@action` (for example `joinconfok`)
/// \[guide (14)\] or to `CreateConf@joinurl` \[official\]. Answer with a command document (the
/// guide answers `<CmdNone/>`); callbacks of REST-created conferences are answered with an
/// empty 200 \[field\].
///
/// ```
/// use ivr_xml::notify::{ConfId, ConfMemberJoined, Message, Timestamp};
/// let joined = ConfMemberJoined::from_query("confid=00012345&jointime=20170927163908&callid=c1")?;
/// assert_eq!(joined.jointime.map(|t| t.hour()), Some(16));
/// let built = ConfMemberJoined::new(ConfId::new("00012345")?).jointime(Timestamp::parse("20170927163908")?);
/// assert_eq!(built.to_query_string(), "confid=00012345&jointime=20170927163908");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "member-joined callback")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct ConfMemberJoined {
    /// `confid`: the conference. *Field evidence only*.
    pub confid: ConfId,
    /// `jointime`: when the member joined. *Field evidence only*.
    pub jointime: Option<Timestamp>,
    /// `callid`: the member's call \[inferred\].
    pub callid: Option<CallId>,
    /// `appid` \[inferred\].
    pub appid: Option<AppId>,
    /// `userdata` \[inferred\].
    pub userdata: Option<UserData>,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}

/// A member left a conference: the request to `CreateConf@quiturl` [official, attribute
/// only]. Its parameters are unknown (spec §3.7), so every field is optional and \[inferred\].
///
/// ```
/// use ivr_xml::notify::{CallId, ConfMemberQuit, Message};
/// let quit = ConfMemberQuit::from_query("confid=00012345&callid=c1")?;
/// assert_eq!(quit.callid.as_ref().map(|c| c.as_str()), Some("c1"));
/// let built = ConfMemberQuit::new().callid(CallId::new("c1")?);
/// assert_eq!(built.to_query_string(), "callid=c1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "member-quit callback")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct ConfMemberQuit {
    /// `confid` \[inferred\].
    pub confid: Option<ConfId>,
    /// `callid`: the member's call \[inferred\].
    pub callid: Option<CallId>,
    /// `appid` \[inferred\].
    pub appid: Option<AppId>,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}

/// A conference was deleted: the request to `CreateConf@delreporturl` \[official, attribute\].
///
/// ```
/// use ivr_xml::notify::{ConfDeleted, ConfId, Message, Timestamp};
/// let deleted = ConfDeleted::from_query("confid=00012345&deltime=20170927170000")?;
/// assert_eq!(deleted.deltime, Some(Timestamp::parse("20170927170000")?));
/// assert_eq!(ConfDeleted::new(ConfId::new("9")?).to_query_string(), "confid=9");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "conference-deleted callback")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct ConfDeleted {
    /// `confid`: the conference. *Field evidence only*.
    pub confid: ConfId,
    /// `deltime`: when it was deleted. *Field evidence only*.
    pub deltime: Option<Timestamp>,
    /// `appid` \[inferred\].
    pub appid: Option<AppId>,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}

/// Keys pressed in a conference: the request to `CreateConf@dtmfreporturl` [official,
/// attribute only]. Parameters unknown; `confid`, `callid` and `digits` are the likely ones
/// (spec §3.7) \[inferred\].
///
/// ```
/// use ivr_xml::notify::{ConfDtmfReport, Digits, Message};
/// let keys = ConfDtmfReport::from_query("confid=00012345&callid=c1&digits=*1")?;
/// assert_eq!(keys.digits.as_ref().map(|d| d.as_str()), Some("*1"));
/// assert_eq!(ConfDtmfReport::new().digits(Digits::new("5")?).to_query_string(), "digits=5");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "conference key report")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct ConfDtmfReport {
    /// `confid` \[inferred\].
    pub confid: Option<ConfId>,
    /// `callid`: the member who pressed the keys \[inferred\].
    pub callid: Option<CallId>,
    /// `digits`: the keys \[inferred\].
    pub digits: Option<Digits>,
    /// `appid` \[inferred\].
    pub appid: Option<AppId>,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}

/// The result of a conference media operation: the request to `CreateConf@mediaopturl`
/// \[official, attribute only\]. Parameters unknown (spec §3.7); every field is \[inferred\].
///
/// ```
/// use ivr_xml::notify::{Code, ConfMediaOpResult, Message};
/// let result = ConfMediaOpResult::from_query("confid=00012345&result=0&op=play")?;
/// assert!(result.result.as_ref().is_some_and(Code::is_zero));
/// assert_eq!(result.extra.get("op"), Some("play"));
/// assert_eq!(ConfMediaOpResult::new().result(Code::new("1")?).to_query_string(), "result=1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "media-operation result")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct ConfMediaOpResult {
    /// `confid` \[inferred\].
    pub confid: Option<ConfId>,
    /// `callid` \[inferred\].
    pub callid: Option<CallId>,
    /// `result`: the outcome; no value table is known \[inferred\].
    pub result: Option<Code>,
    /// `appid` \[inferred\].
    pub appid: Option<AppId>,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}

/// A wrong conference password was entered three times: the request to `passwderrorurl`
/// (an attribute of REST create-conference, *field evidence only*, spec §2.8). Parameters
/// unknown; every field is \[inferred\].
///
/// ```
/// use ivr_xml::notify::{ConfId, ConfPasswordFailed, Message};
/// let failed = ConfPasswordFailed::from_query("confid=00012345&callid=c1")?;
/// assert_eq!(failed.confid, Some(ConfId::new("00012345")?));
/// assert_eq!(ConfPasswordFailed::new().confid(ConfId::new("7")?).to_query_string(), "confid=7");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "password-failed callback")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct ConfPasswordFailed {
    /// `confid` \[inferred\].
    pub confid: Option<ConfId>,
    /// `callid`: the caller who failed \[inferred\].
    pub callid: Option<CallId>,
    /// `appid` \[inferred\].
    pub appid: Option<AppId>,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}
