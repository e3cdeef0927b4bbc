//! Making a conference and inviting into it: `<CreateConf>` as a REST body and `<InviteJoinConf>`.

use crate::de::{from_str_with, Element, FromXml, ParseContext, ParseOptions};
use crate::deferred_error::PendingError;
use crate::error::{ErrorKind, ParseError, ValueError};
use crate::raw::RawElement;
use crate::raw_attribute::RawAttribute;
use crate::ser::{to_string_with, Sink, Style, ToXml, XmlWriter};
use crate::value::{RelUrl, Text};
use crate::{CreateConf, Xml};

use super::{Role, Speak};
use crate::commands::raw_attribute_method;

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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct RestCreateConf {
    /// The attributes shared with the IVR command (and its `extra`).
    pub conf: CreateConf,
    /// `passwd`: the join password (REST only, field evidence).
    pub passwd: Option<Text>,
    /// `passwderrorurl`: callback after three wrong passwords (REST only, field evidence).
    pub passwderrorurl: Option<RelUrl>,
    pending: PendingError,
}

impl RestCreateConf {
    /// A REST create-conference body with `conf`'s attributes.
    pub fn new(conf: CreateConf) -> RestCreateConf {
        RestCreateConf {
            conf,
            ..RestCreateConf::default()
        }
    }

    /// Sets `passwd`.
    pub fn passwd(mut self, passwd: impl Into<String>) -> RestCreateConf {
        self.passwd = self.pending.record(Text::new(passwd));
        self
    }

    /// Sets `passwderrorurl`.
    pub fn passwderrorurl(mut self, url: impl Into<String>) -> RestCreateConf {
        self.passwderrorurl = self.pending.record(RelUrl::new(url));
        self
    }

    /// The REST-only attributes, as raw attributes in the order written.
    fn rest_attributes(&self) -> Vec<RawAttribute> {
        let passwd = self.passwd.as_ref().map(|p| ("passwd", p.as_str()));
        let url = self
            .passwderrorurl
            .as_ref()
            .map(|u| ("passwderrorurl", u.as_str()));
        passwd
            .into_iter()
            .chain(url)
            .filter_map(|(name, value)| RawAttribute::new(name, value).ok())
            .collect()
    }
}

impl From<CreateConf> for RestCreateConf {
    fn from(conf: CreateConf) -> RestCreateConf {
        RestCreateConf::new(conf)
    }
}

impl ToXml for RestCreateConf {
    fn write_xml<S: Sink + ?Sized>(&self, writer: &mut XmlWriter<'_, S>) -> Result<(), S::Error> {
        if self.passwd.is_none() && self.passwderrorurl.is_none() {
            return self.conf.write_xml(writer);
        }
        let mut conf = self.conf.clone();
        let mut extra = self.rest_attributes();
        extra.append(&mut conf.extra);
        conf.extra = extra;
        conf.write_xml(writer)
    }

    fn check(&self) -> Result<(), ValueError> {
        self.pending.check()?;
        self.conf.check()?;
        // `passwd` and `passwderrorurl` are written among the raw attributes: a raw one of
        // that name would be written twice, or read back into the field.
        RawAttribute::check_extra(
            "CreateConf",
            &[
                ("passwd", "RestCreateConf::passwd"),
                ("passwderrorurl", "RestCreateConf::passwderrorurl"),
            ],
            &self.conf.extra,
        )
    }

    fn element_name(&self) -> &str {
        "CreateConf"
    }
}

impl FromXml for RestCreateConf {
    fn matches_element(name: &str) -> bool {
        name == "CreateConf"
    }

    fn expected_elements(out: &mut Vec<&'static str>) {
        out.push("CreateConf");
    }

    /// Takes `passwd` and `passwderrorurl`, then parses the rest as the IVR [`CreateConf`] in
    /// the same mode; its errors and warnings are reported at the original attribute.
    fn from_element(
        element: &Element<'_>,
        cx: &mut ParseContext<'_>,
    ) -> Result<RestCreateConf, ParseError> {
        let mut create = RestCreateConf::default();
        let mut shared = RawElement::new("CreateConf");
        for attribute in element.attributes() {
            match attribute.name() {
                "passwd" => create.passwd = Some(cx.attribute(attribute)?),
                "passwderrorurl" => create.passwderrorurl = Some(cx.attribute(attribute)?),
                name => shared = shared.attribute(name, attribute.value()),
            }
        }
        cx.no_content(element)?;
        // Re-read the shared attributes with CreateConf's own (derived) parser, so that the two
        // never drift apart; positions are mapped back to this element.
        let relocate = |err: &ParseError| {
            let attribute = err
                .path()
                .rsplit_once("/@")
                .and_then(|(_, name)| element.attributes().iter().find(|a| a.name() == name));
            let kind = match err.kind().clone() {
                ErrorKind::UnknownAttribute {
                    name,
                    element,
                    mut expected,
                } => {
                    expected.extend(["passwd", "passwderrorurl"]);
                    ErrorKind::UnknownAttribute {
                        name,
                        element,
                        expected,
                    }
                }
                kind => kind,
            };
            cx.error(kind, attribute.map_or(element.offset(), |a| a.offset()))
        };
        let text = to_string_with(&shared, &Style::compact())
            .map_err(|err| cx.error(ErrorKind::InvalidValue(err), element.offset()))?;
        let options = if cx.is_lenient() {
            ParseOptions::lenient()
        } else {
            ParseOptions::strict()
        };
        let parsed = from_str_with::<CreateConf>(&text, &options).map_err(|err| relocate(&err))?;
        let warnings: Vec<ParseError> = parsed
            .warnings
            .iter()
            .map(|w| relocate(w.as_error()))
            .collect();
        warnings.into_iter().for_each(|w| cx.warn(w));
        create.conf = parsed.value;
        Ok(create)
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
#[xml(element = "InviteJoinConf")]
pub struct InviteJoinConf {
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// Mobile, landline or VoIP account numbers, joined with `#` (at most 20 \[field\]; not checked).
    #[xml(attribute)]
    pub number: Text,
    /// Invite-result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Member or host (platform default member).
    #[xml(attribute)]
    pub role: Option<Role>,
    /// Whether the member can speak (platform default `1`).
    #[xml(attribute)]
    pub speak: Option<Speak>,
    /// Join-success callback.
    #[xml(attribute)]
    pub joinurl: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

setters!(InviteJoinConf; url: [action, joinurl]);

impl InviteJoinConf {
    /// Invites `number` into conference `confid`.
    pub fn new(confid: impl Into<String>, number: impl Into<String>) -> InviteJoinConf {
        let mut invite = InviteJoinConf::default();
        invite.confid = invite.pending.record(Text::new(confid)).unwrap_or_default();
        invite.number = invite.pending.record(Text::new(number)).unwrap_or_default();
        invite
    }

    /// Adds a number, joined to the others with `#`.
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
    pub fn numbers(&self) -> impl Iterator<Item = &str> {
        self.number.as_str().split('#').filter(|n| !n.is_empty())
    }

    /// Sets `role`.
    pub fn role(mut self, role: Role) -> InviteJoinConf {
        self.role = Some(role);
        self
    }

    /// Sets `speak`.
    pub fn speak(mut self, speak: Speak) -> InviteJoinConf {
        self.speak = Some(speak);
        self
    }

    raw_attribute_method!();
}
