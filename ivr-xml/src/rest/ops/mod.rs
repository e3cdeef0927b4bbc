//! The operations of the REST interface (spec §4.2-§4.5), one element type each, defined with the
//! [`Xml`](crate::Xml) derive like the IVR commands.
//!
//! Evidence: `Dial` is \[official\] (the IVR外呼 page); every conference operation is **field
//! evidence** (SDK code and comments; no official REST 会议管理 page was available), and so are
//! their attribute meanings. Which attributes are required is stated nowhere: the types require
//! only the ids an operation cannot do without (`confid`, `callid`, `number`, `filename`) \[inferred\].
//! Every type keeps unknown attributes in `extra` (`raw_attribute` adds one), and
//! [`Operation::Raw`] carries operations the library does not name.

use crate::raw::RawElement;
use crate::rest::path::Endpoint;
use crate::ser::ToXml;
use crate::{Xml, XmlValue};

/// `role` of `<InviteJoinConf>`: member or host (field evidence; platform default member;
/// one host per conference, the last one invited wins).
///
/// ```
/// use ivr_xml::rest::Role;
/// assert_eq!(Role::Host.as_str(), "1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, XmlValue)]
#[value(name = "role", expected = "`0` (member) or `1` (host)")]
#[cfg_attr(feature = "serde", value(serde))]
pub enum Role {
    /// `0`: an ordinary member.
    #[value(text = "0")]
    Member,
    /// `1`: the host.
    #[value(text = "1")]
    Host,
}

/// `speak` of `<InviteJoinConf>` and `<ConfMemberResume>`: whether the member can speak
/// (field evidence; platform default `1`).
///
/// ```
/// use ivr_xml::rest::Speak;
/// assert_eq!(Speak::ListenOnly.as_str(), "0");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, XmlValue)]
#[value(name = "speak", expected = "`0` (listen only) or `1` (can speak)")]
#[cfg_attr(feature = "serde", value(serde))]
pub enum Speak {
    /// `0`: listens only.
    #[value(text = "0")]
    ListenOnly,
    /// `1`: can speak.
    #[value(text = "1")]
    Allowed,
}

mod conf;
mod create;
mod dial;

pub use conf::{
    ConfAlarmClock, ConfMemberPause, ConfMemberResume, ConfMute, ConfPlay, ConfRecord,
    ConfStopPlay, ConfStopRecord, ConfUnMute, ConfVolumeAdjust, DismissConf, QueryConfState,
    QuitConf,
};
#[allow(deprecated)]
pub use create::RestCreateConf;
pub use create::{CreateConf, InviteJoinConf, InviteNumbers};
pub use dial::Dial;

/// The operation of a [`RestRequest`](crate::rest::RestRequest): one element after `<Appid>`.
///
/// [`Operation::Raw`] carries operations the library does not name; the lenient parser keeps
/// unknown ones there too. The derive gives `From` for every variant's type, and `From<ivr_xml::CreateConf>`
/// is added so that the IVR command can be passed as is.
///
/// ```
/// use ivr_xml::rest::{ConfMute, Endpoint, Operation};
/// use ivr_xml::RawElement;
/// let mute: Operation = ConfMute::new("10000001", "c0ffee").into();
/// assert_eq!(mute.name(), "ConfMute");
/// assert_eq!(mute.endpoint(), Some(Endpoint::conf("10000001")));
/// let raw: Operation = RawElement::new("ConfKick").attribute("confid", "10000001").into();
/// assert_eq!(raw.endpoint(), None); // the library does not guess where an unknown operation goes
/// assert_eq!(raw.confid(), Some("10000001"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
pub enum Operation {
    /// `<Dial>`, to [`Endpoint::Dial`].
    Dial(Dial),
    /// `<CreateConf>`, to [`Endpoint::CreateConf`].
    CreateConf(CreateConf),
    /// `<InviteJoinConf>`, to [`Endpoint::Conf`].
    InviteJoinConf(InviteJoinConf),
    /// `<DismissConf>`, to [`Endpoint::Conf`].
    DismissConf(DismissConf),
    /// `<QuitConf>`, to [`Endpoint::Conf`].
    QuitConf(QuitConf),
    /// `<ConfMute>`, to [`Endpoint::Conf`].
    ConfMute(ConfMute),
    /// `<ConfUnMute>`, to [`Endpoint::Conf`].
    ConfUnMute(ConfUnMute),
    /// `<ConfPlay>`, to [`Endpoint::Conf`].
    ConfPlay(ConfPlay),
    /// `<ConfStopPlay>`, to [`Endpoint::Conf`].
    ConfStopPlay(ConfStopPlay),
    /// `<ConfRecord>`, to [`Endpoint::Conf`].
    ConfRecord(ConfRecord),
    /// `<ConfStopRecord>`, to [`Endpoint::Conf`].
    ConfStopRecord(ConfStopRecord),
    /// `<ConfVolumeAdjust>`, to [`Endpoint::Conf`].
    ConfVolumeAdjust(ConfVolumeAdjust),
    /// `<ConfMemberPause>`, to [`Endpoint::Conf`].
    ConfMemberPause(ConfMemberPause),
    /// `<ConfMemberResume>`, to [`Endpoint::Conf`].
    ConfMemberResume(ConfMemberResume),
    /// `<ConfAlarmClock>`, to [`Endpoint::Conf`].
    ConfAlarmClock(ConfAlarmClock),
    /// `<QueryConfState>`, to [`Endpoint::Conf`].
    QueryConfState(QueryConfState),
    /// An operation the library does not name; its endpoint must be given
    /// ([`Endpoint::Other`] or another).
    #[xml(other)]
    Raw(RawElement),
}

impl From<crate::CreateConf> for Operation {
    fn from(conf: crate::CreateConf) -> Operation {
        Operation::CreateConf(CreateConf::new(conf))
    }
}

impl Operation {
    /// The operation's element name.
    ///
    /// ```
    /// use ivr_xml::rest::{Dial, Operation, QueryConfState};
    /// use ivr_xml::RawElement;
    /// assert_eq!(Operation::from(Dial::new("13812345678")).name(), "Dial");
    /// assert_eq!(Operation::from(QueryConfState::new("1")).name(), "QueryConfState");
    /// assert_eq!(Operation::from(RawElement::new("ConfKick")).name(), "ConfKick");
    /// ```
    pub fn name(&self) -> &str {
        self.element_name()
    }

    /// The conference the operation is about: its `confid` attribute (also read from a raw
    /// operation); `None` for `<Dial>` and `<CreateConf>`.
    ///
    /// ```
    /// use ivr_xml::rest::{ConfMute, Dial, Operation};
    /// use ivr_xml::RawElement;
    /// assert_eq!(Operation::from(ConfMute::new("10000001", "c0ffee")).confid(), Some("10000001"));
    /// assert_eq!(Operation::from(RawElement::new("ConfKick").attribute("confid", "7")).confid(), Some("7"));
    /// assert_eq!(Operation::from(Dial::new("13812345678")).confid(), None);
    /// ```
    pub fn confid(&self) -> Option<&str> {
        let confid = match self {
            Operation::Dial(_) | Operation::CreateConf(_) => return None,
            Operation::Raw(raw) => return raw.get_attribute("confid"),
            Operation::InviteJoinConf(op) => &op.confid,
            Operation::DismissConf(op) => &op.confid,
            Operation::QuitConf(op) => &op.confid,
            Operation::ConfMute(op) => &op.confid,
            Operation::ConfUnMute(op) => &op.confid,
            Operation::ConfPlay(op) => &op.confid,
            Operation::ConfStopPlay(op) => &op.confid,
            Operation::ConfRecord(op) => &op.confid,
            Operation::ConfStopRecord(op) => &op.confid,
            Operation::ConfVolumeAdjust(op) => &op.confid,
            Operation::ConfMemberPause(op) => &op.confid,
            Operation::ConfMemberResume(op) => &op.confid,
            Operation::ConfAlarmClock(op) => &op.confid,
            Operation::QueryConfState(op) => &op.confid,
        };
        Some(confid.as_str())
    }

    /// Where the operation is sent; `None` for [`Operation::Raw`], whose endpoint the library
    /// does not know.
    ///
    /// ```
    /// use ivr_xml::rest::{Dial, DismissConf, Endpoint, Operation};
    /// use ivr_xml::{CreateConf, RawElement};
    /// assert_eq!(Operation::from(Dial::new("13812345678")).endpoint(), Some(Endpoint::Dial));
    /// assert_eq!(Operation::from(CreateConf::new()).endpoint(), Some(Endpoint::CreateConf));
    /// assert_eq!(Operation::from(DismissConf::new("10000001")).endpoint(), Some(Endpoint::conf("10000001")));
    /// assert_eq!(Operation::from(RawElement::new("ConfKick")).endpoint(), None);
    /// ```
    pub fn endpoint(&self) -> Option<Endpoint> {
        match self {
            Operation::Dial(_) => Some(Endpoint::Dial),
            Operation::CreateConf(_) => Some(Endpoint::CreateConf),
            Operation::Raw(_) => None,
            conf => conf.confid().map(Endpoint::conf),
        }
    }
}
