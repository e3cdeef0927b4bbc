//! Making a conference and inviting into it: `<CreateConf>` as a REST body and `<InviteJoinConf>`.

use std::fmt;

use crate::deferred_error::PendingError;
use crate::error::ValueError;
use crate::raw_attribute::RawAttribute;
use crate::value::{RelUrl, Text, XmlValue};
use crate::Xml;

use super::{Role, Speak};

/// `<CreateConf>` in a REST body (spec §4.3, field evidence): the IVR command
/// [`CreateConf`](crate::CreateConf) (every attribute shared, with its types) plus the REST-only `passwd` and `passwderrorurl`.
/// Sent to [`Endpoint::CreateConf`](crate::rest::Endpoint::CreateConf); the response carries the new `confid`.
///
/// `passwd` and `passwderrorurl` are written after the IVR `CreateConf`'s known attributes and
/// before its `extra`. One SDK says passwords work (prompt, hang up after three failures), another that
/// they "cannot be used for now" \[field\]: whether the platform honours them is unknown.
///
/// Named after its element, as every REST operation is (issue 12: `Dial`, `ConfMute`, ...); it
/// was `RestCreateConf`, a deprecated alias now. Beside the IVR command, name it `rest::CreateConf`:
/// a [`RestRequest`](crate::rest::RestRequest) also takes the IVR command as it is.
///
/// ```
/// use ivr_xml::rest::{self, official_style};
/// use ivr_xml::{to_string_with, CreateConf};
/// let create = rest::CreateConf::new(CreateConf::new().action("createconfresult.jsp").maxmember(300))
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
pub struct CreateConf {
    /// The attributes shared with the IVR command (and its `extra`).
    #[xml(flatten)]
    pub conf: crate::CreateConf,
    /// `passwd`: the join password (REST only, field evidence).
    #[xml(attribute, setter(new = impl Into<String>))]
    pub passwd: Option<Text>,
    /// `passwderrorurl`: callback after three wrong passwords (REST only, field evidence).
    #[xml(attribute, setter(new = impl Into<String>))]
    pub passwderrorurl: Option<RelUrl>,
    #[xml(pending)]
    pending: PendingError,
}

impl CreateConf {
    /// A REST create-conference body with `conf`'s attributes.
    ///
    /// ```
    /// use ivr_xml::rest::{self, official_style};
    /// use ivr_xml::{to_string_with, CreateConf};
    /// let create = rest::CreateConf::new(CreateConf::new().maxmember(5));
    /// assert_eq!(create.passwd, None);
    /// assert_eq!(to_string_with(&create, &official_style())?, r#"<CreateConf maxmember="5"/>"#);
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new(conf: crate::CreateConf) -> CreateConf {
        CreateConf {
            conf,
            ..CreateConf::default()
        }
    }
}

impl From<crate::CreateConf> for CreateConf {
    fn from(conf: crate::CreateConf) -> CreateConf {
        CreateConf::new(conf)
    }
}

/// The old name of [`rest::CreateConf`](CreateConf), before every REST operation was named after
/// its element.
///
/// ```
/// #![allow(deprecated)]
/// use ivr_xml::rest::{self, RestCreateConf};
/// let old: RestCreateConf = RestCreateConf::new(ivr_xml::CreateConf::new());
/// assert_eq!(old, rest::CreateConf::new(ivr_xml::CreateConf::new()));
/// ```
#[deprecated(note = "named after its element now: `ivr_xml::rest::CreateConf`")]
pub type RestCreateConf = CreateConf;

/// `number` of `<InviteJoinConf>`: the numbers to invite (mobile, landline or VoIP account),
/// joined with `#`, **at most [`InviteNumbers::MAX`] (20) per request** (spec §4.4 \[field\]: two
/// applications' SDK comments, "多个号码用#分隔，最多20个").
///
/// Empty pieces (`a##b`, a trailing `#`) are not numbers and are not counted; the text is kept
/// as given. More than 20 numbers are refused: by [`InviteJoinConf::new`] and
/// [`InviteJoinConf::add_number`] when the request is written (the builders' deferred error), and
/// by the parser of a REST body (strict: an error; lenient: the same finding as a warning), all
/// with this type's one [`ValueError`].
///
/// ```
/// use ivr_xml::rest::InviteNumbers;
/// let two = InviteNumbers::new("13800000001#13800000002")?;
/// assert_eq!(two.len(), 2);
/// assert_eq!(two.iter().collect::<Vec<_>>(), ["13800000001", "13800000002"]);
/// let twenty = vec!["13800000001"; 20].join("#");
/// assert_eq!(InviteNumbers::new(twenty.as_str())?.len(), 20);
/// let err = InviteNumbers::new(format!("{twenty}#13800000021")).unwrap_err();
/// assert_eq!(err.expected(), "at most 20 numbers joined with `#` (21 given)");
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct InviteNumbers(Text);

impl InviteNumbers {
    /// The most numbers one `<InviteJoinConf>` may carry (spec §4.4 \[field\]).
    ///
    /// ```
    /// assert_eq!(ivr_xml::rest::InviteNumbers::MAX, 20);
    /// ```
    pub const MAX: usize = 20;

    /// Makes the value: text XML can carry, with at most [`InviteNumbers::MAX`] numbers.
    ///
    /// ```
    /// use ivr_xml::rest::InviteNumbers;
    /// assert_eq!(InviteNumbers::new("13800000001#")?.as_str(), "13800000001#");
    /// assert!(InviteNumbers::new("1\u{0}").is_err());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new(text: impl Into<String>) -> Result<InviteNumbers, ValueError> {
        let text = text.into();
        let count = numbers_in(&text).count();
        if count > InviteNumbers::MAX {
            return Err(ValueError::new(
                "number",
                text,
                format!(
                    "at most {} numbers joined with `#` ({count} given)",
                    InviteNumbers::MAX
                ),
            ));
        }
        Ok(InviteNumbers(Text::new(text)?))
    }

    /// The text, as given.
    ///
    /// ```
    /// let numbers = ivr_xml::rest::InviteNumbers::new("1#2")?;
    /// assert_eq!(numbers.as_str(), "1#2");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The numbers, split at `#` (empty pieces skipped).
    ///
    /// ```
    /// let numbers = ivr_xml::rest::InviteNumbers::new("1##2#")?;
    /// assert_eq!(numbers.iter().collect::<Vec<_>>(), ["1", "2"]);
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        numbers_in(self.0.as_str())
    }

    /// How many numbers there are (empty pieces not counted).
    ///
    /// ```
    /// assert_eq!(ivr_xml::rest::InviteNumbers::new("1##2#")?.len(), 2);
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether there is no number at all.
    ///
    /// ```
    /// assert!(ivr_xml::rest::InviteNumbers::default().is_empty());
    /// assert!(ivr_xml::rest::InviteNumbers::new("#")?.is_empty());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

fn numbers_in(text: &str) -> impl Iterator<Item = &str> {
    text.split('#').filter(|n| !n.is_empty())
}

impl fmt::Display for InviteNumbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for InviteNumbers {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for InviteNumbers {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for InviteNumbers {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl XmlValue for InviteNumbers {
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(self.as_str())
    }

    fn parse_value(text: &str) -> Result<InviteNumbers, ValueError> {
        InviteNumbers::new(text)
    }
}

/// `<InviteJoinConf>` 邀请加入会议: calls `number` (several joined with `#`, at most 20 per
/// request: [`InviteNumbers`]) into conference `confid` (spec §4.4, field evidence). Sent to [`Endpoint::Conf`](crate::rest::Endpoint::Conf).
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
    /// Mobile, landline or VoIP account numbers, joined with `#` (at most 20 \[field\], checked:
    /// see [`InviteNumbers`]).
    #[xml(attribute, setter(new = impl Into<String>))]
    pub number: InviteNumbers,
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
    /// Adds a number, joined to the others with `#`. A 21st number is refused when the request
    /// is written (at most 20 per request, spec §4.4 \[field\]): invite more in another request.
    ///
    /// ```
    /// use ivr_xml::rest::{InviteJoinConf, RestRequest};
    /// let invite = InviteJoinConf::new("10000001", "13800000001")
    ///     .add_number("13800000002")
    ///     .add_number("13800000003");
    /// assert_eq!(invite.number.as_str(), "13800000001#13800000002#13800000003");
    /// // Starting from no number, the first one is not preceded by `#`.
    /// assert_eq!(InviteJoinConf::default().add_number("13800000001").number.as_str(), "13800000001");
    /// // Twenty are written; the twenty-first is refused.
    /// let twenty = (2..=20).fold(InviteJoinConf::new("10000001", "13800000001"), |invite, i| {
    ///     invite.add_number(format!("138{i:08}"))
    /// });
    /// assert_eq!(twenty.numbers().count(), 20);
    /// assert!(RestRequest::new("app1", twenty.clone()).to_xml().is_ok());
    /// let err = RestRequest::new("app1", twenty.add_number("13800000021")).to_xml().unwrap_err();
    /// assert_eq!(err.expected(), "at most 20 numbers joined with `#` (21 given)");
    /// ```
    pub fn add_number(mut self, number: impl Into<String>) -> InviteJoinConf {
        let mut numbers = self.number.as_str().to_owned();
        if !numbers.is_empty() {
            numbers.push('#');
        }
        numbers.push_str(&number.into());
        if let Some(joined) = self.pending.record(InviteNumbers::new(numbers)) {
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
        self.number.iter()
    }
}
