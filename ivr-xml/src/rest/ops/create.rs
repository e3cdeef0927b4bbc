//! Making a conference and inviting into it: `<CreateConf>` as a REST body and `<InviteJoinConf>`.

use crate::deferred_error::PendingError;
use crate::raw_attribute::RawAttribute;
use crate::value::{RelUrl, Text};
use crate::{CreateConf, Xml};

use super::{Role, Speak};

/// `<CreateConf>` in a REST body (spec §4.3, field evidence): the IVR command [`CreateConf`]
/// (every attribute shared, with its types) plus the REST-only `passwd` and `passwderrorurl`.
/// Sent to [`Endpoint::CreateConf`](crate::rest::Endpoint::CreateConf); the response carries the new `confid`.
///
/// `passwd` and `passwderrorurl` are written after `CreateConf`'s known attributes and before its
/// `extra`. One SDK says passwords work (prompt, hang up after three failures), another that
/// they "cannot be used for now" \[field\]: whether the platform honours them is unknown.
///
/// ```
/// use ivr_xml::rest::{official_style, RestCreateConf};
/// use ivr_xml::{to_string_with, CreateConf};
/// let create = RestCreateConf::new(CreateConf::new().action("createconfresult.jsp").maxmember(300))
///     .passwd("1234")
///     .passwderrorurl("pwdfail");
/// assert_eq!(
///     to_string_with(&create, &official_style())?,
///     r#"<CreateConf action="createconfresult.jsp" maxmember="300" passwd="1234" passwderrorurl="pwdfail"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
pub struct RestCreateConf {
    /// The attributes shared with the IVR command (and its `extra`).
    #[xml(flatten)]
    pub conf: CreateConf,
    /// `passwd`: the join password (REST only, field evidence).
    #[xml(attribute, setter(new = impl Into<String>))]
    pub passwd: Option<Text>,
    /// `passwderrorurl`: callback after three wrong passwords (REST only, field evidence).
    #[xml(attribute, setter(new = impl Into<String>))]
    pub passwderrorurl: Option<RelUrl>,
    #[xml(pending)]
    pending: PendingError,
}

impl RestCreateConf {
    /// A REST create-conference body with `conf`'s attributes.
    ///
    /// ```
    /// use ivr_xml::rest::{official_style, RestCreateConf};
    /// use ivr_xml::{to_string_with, CreateConf};
    /// let create = RestCreateConf::new(CreateConf::new().maxmember(5));
    /// assert_eq!(create.passwd, None);
    /// assert_eq!(to_string_with(&create, &official_style())?, r#"<CreateConf maxmember="5"/>"#);
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new(conf: CreateConf) -> RestCreateConf {
        RestCreateConf {
            conf,
            ..RestCreateConf::default()
        }
    }
}

impl From<CreateConf> for RestCreateConf {
    fn from(conf: CreateConf) -> RestCreateConf {
        RestCreateConf::new(conf)
    }
}

/// `<InviteJoinConf>` 邀请加入会议: calls `number` (several joined with `#`, at most 20 per
/// request) into conference `confid` (spec §4.4, field evidence). Sent to [`Endpoint::Conf`](crate::rest::Endpoint::Conf).
///
/// ```
/// use ivr_xml::rest::{official_style, InviteJoinConf, Role};
/// use ivr_xml::to_string_with;
/// let invite = InviteJoinConf::new("10000001", "13800000001")
///     .add_number("13800000002")
///     .action("inviteresult")
///     .role(Role::Host);
/// assert_eq!(
///     to_string_with(&invite, &official_style())?,
///     r#"<InviteJoinConf confid="10000001" number="13800000001#13800000002" action="inviteresult" role="1"/>"#
/// );
/// assert_eq!(invite.numbers().collect::<Vec<_>>(), ["13800000001", "13800000002"]);
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "InviteJoinConf")]
pub struct InviteJoinConf {
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// Mobile, landline or VoIP account numbers, joined with `#` (at most 20 \[field\]; not checked).
    #[xml(attribute, setter(new = impl Into<String>))]
    pub number: Text,
    /// Invite-result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Member or host (platform default member).
    #[xml(attribute, setter)]
    pub role: Option<Role>,
    /// Whether the member can speak (platform default `1`).
    #[xml(attribute, setter)]
    pub speak: Option<Speak>,
    /// Join-success callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub joinurl: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

impl InviteJoinConf {
    /// Adds a number, joined to the others with `#`.
    ///
    /// ```
    /// use ivr_xml::rest::InviteJoinConf;
    /// let invite = InviteJoinConf::new("10000001", "13800000001")
    ///     .add_number("13800000002")
    ///     .add_number("13800000003");
    /// assert_eq!(invite.number.as_str(), "13800000001#13800000002#13800000003");
    /// // Starting from no number, the first one is not preceded by `#`.
    /// assert_eq!(InviteJoinConf::default().add_number("13800000001").number.as_str(), "13800000001");
    /// ```
    pub fn add_number(mut self, number: impl Into<String>) -> InviteJoinConf {
        let mut numbers = self.number.as_str().to_owned();
        if !numbers.is_empty() {
            numbers.push('#');
        }
        numbers.push_str(&number.into());
        if let Some(joined) = self.pending.record(Text::new(numbers)) {
            self.number = joined;
        }
        self
    }

    /// The numbers, split at `#` (empty pieces skipped).
    ///
    /// ```
    /// use ivr_xml::rest::InviteJoinConf;
    /// let invite = InviteJoinConf::new("10000001", "13800000001##13800000002#");
    /// assert_eq!(invite.numbers().collect::<Vec<_>>(), ["13800000001", "13800000002"]);
    /// ```
    pub fn numbers(&self) -> impl Iterator<Item = &str> {
        self.number.as_str().split('#').filter(|n| !n.is_empty())
    }
}
