//! Conferences and transfers: `<CreateConf>`, `<JoinConf>`, `<ConsultationCall>`.

use crate::deferred_error::PendingError;
use crate::raw_attribute::RawAttribute;
use crate::value::{MaxMember, RelUrl, Text, Timeout, VoiceMode};
use crate::Xml;

use super::Play;

/// `<CreateConf/>` 创建会议: creates a conference; on success the platform requests `action`,
/// on failure the sub-commands run \[official\]. Every attribute of the official table, in its order.
///
/// A conference nobody joins within 10 minutes is deleted, and so is one that empties \[official\].
///
/// ```
/// use ivr_xml::{to_string_with, CreateConf, Style};
/// let create = CreateConf::new().action("createconfok").maxmember(10).autojoin(false);
/// assert_eq!(
///     to_string_with(&create, &Style::docs()).unwrap(),
///     "<CreateConf action='createconfok' maxmember='10' autojoin='false'/>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(
    element = "CreateConf",
    main_only,
    // Not `wants_failure_path`: the guide answers `<CreateConf>` alone (step 8a).
    reports_back,
    known(
        attribute = "passwd",
        evidence = "REST create-conference SDK comments, conflicting (spec §2.8)"
    ),
    known(
        attribute = "passwderrorurl",
        value = RelUrl,
        evidence = "REST create-conference SDK comments (spec §2.8)"
    )
)]
pub struct CreateConf {
    /// Callback after successful creation.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Maximum members, 3 to 300 (platform default 3).
    #[xml(attribute, setter(new = u32))]
    pub maxmember: Option<MaxMember>,
    /// Callback for keys pressed in the conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub dtmfreporturl: Option<RelUrl>,
    /// Callback when the conference is deleted.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub delreporturl: Option<RelUrl>,
    /// Join the creating caller automatically (platform default `false`).
    #[xml(attribute, setter)]
    pub autojoin: Option<bool>,
    /// Callback when a member joins.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub joinurl: Option<RelUrl>,
    /// Length in seconds from the first join; `<= 0` unlimited (platform default 0).
    #[xml(attribute, setter)]
    pub confduration: Option<i64>,
    /// Hang up the members when the conference ends by itself (platform default `false`).
    #[xml(attribute, setter)]
    pub autohangup: Option<bool>,
    /// Prompt file played before the automatic end.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confendprompt: Option<Text>,
    /// Record automatically (platform default `false`).
    #[xml(attribute, setter)]
    pub autorecord: Option<bool>,
    /// Callback when a member leaves.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub quiturl: Option<RelUrl>,
    /// Callback with the result of a media operation.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub mediaopturl: Option<RelUrl>,
    /// Prompts and background audio (platform default [`VoiceMode::AllPrompts`]).
    #[xml(attribute, setter)]
    pub voicemod: Option<VoiceMode>,
    /// Delete the conference automatically (platform default `true`).
    #[xml(attribute, setter)]
    pub autodelete: Option<bool>,
    /// Use a short conference id (platform default `false`).
    #[xml(attribute, setter)]
    pub shortconf: Option<bool>,
    /// Unknown attributes (the official table may continue; `passwd` is REST-only field evidence), in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

impl CreateConf {
    /// A `<CreateConf/>` with no attributes.
    ///
    /// ```
    /// use ivr_xml::{to_string_with, CreateConf, Style};
    /// assert_eq!(to_string_with(&CreateConf::new(), &Style::docs())?, "<CreateConf/>");
    /// assert_eq!(CreateConf::new(), CreateConf::default());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new() -> CreateConf {
        CreateConf::default()
    }
}

/// `<JoinConf/>` 加入会议: joins the caller to a conference; on success the platform requests
/// `action`, on failure the sub-commands run \[guide\]. Known only from the guide's examples.
///
/// ```
/// use ivr_xml::{to_string_with, JoinConf, Style};
/// let join = JoinConf::new("12345678").action("joinconfok");
/// assert_eq!(
///     to_string_with(&join, &Style::docs()).unwrap(),
///     "<JoinConf action='joinconfok' confid='12345678'/>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "JoinConf", main_only, reports_back, wants_failure_path)]
pub struct JoinConf {
    /// Callback after a successful join.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// The conference to join (a string: leading zeros and short or long forms are possible).
    #[xml(attribute)]
    pub confid: Text,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

impl JoinConf {
    /// Joins conference `confid`.
    ///
    /// ```
    /// use ivr_xml::{to_string_with, JoinConf, Style};
    /// let join = JoinConf::new("10000001");
    /// assert_eq!(join.confid.as_str(), "10000001");
    /// assert_eq!(to_string_with(&join, &Style::docs())?, "<JoinConf confid='10000001'/>");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new(confid: impl Into<String>) -> JoinConf {
        let mut join = JoinConf::default();
        join.confid = join.pending.record(Text::new(confid)).unwrap_or_default();
        join
    }
}

/// `<ConsultationCall>` 咨询呼叫: calls a third party while the caller hears the nested `<Play>`.
///
/// **Field evidence only** (three applications): not in any available official page; the
/// element name, attributes and meanings come from application code and may be incomplete.
///
/// ```
/// use ivr_xml::{to_string_with, ConsultationCall, Play, Style};
/// let call = ConsultationCall::new()
///     .number("13800000000")
///     .record(true)
///     .timeout(30)
///     .hold_music(Play::new("wait.wav").repeat(-1));
/// assert_eq!(
///     to_string_with(&call, &Style::compact()).unwrap(),
///     "<ConsultationCall number='13800000000' record='true' timeout='30'><Play loop='-1'>wait.wav</Play></ConsultationCall>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(
    element = "ConsultationCall",
    reports_back,
    wants_failure_path,
    evidence = "three applications' code, no official page (spec §2.10)"
)]
pub struct ConsultationCall {
    /// Number to call: mobile, landline or platform VoIP account.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub number: Option<Text>,
    /// Record the call.
    #[xml(attribute, setter)]
    pub record: Option<bool>,
    /// Seconds to wait for an answer; on timeout the sub-commands run.
    #[xml(attribute, setter(new = u32))]
    pub timeout: Option<Timeout>,
    /// Maximum talk time in seconds; then `calltimeoverurl` is requested.
    #[xml(attribute, setter)]
    pub calltime: Option<u32>,
    /// Callback when `calltime` expires.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub calltimeoverurl: Option<RelUrl>,
    /// Callback when the consulted party hangs up.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub hangupurl: Option<RelUrl>,
    /// Caller id shown to the consulted party.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub disnumber: Option<Text>,
    /// Meaning unknown (probably ringback passthrough).
    #[xml(attribute, setter)]
    pub ringback: Option<bool>,
    /// Callback when the consulted party does not answer.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub noanswerurl: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    /// What the caller hears meanwhile.
    #[xml(child)]
    pub hold_music: Option<Play>,
    #[xml(pending)]
    pending: PendingError,
}

impl ConsultationCall {
    /// A `<ConsultationCall>` with no attributes.
    ///
    /// ```
    /// use ivr_xml::{to_string_with, ConsultationCall, Style};
    /// let call = ConsultationCall::new();
    /// assert_eq!(call.number, None);
    /// assert_eq!(to_string_with(&call, &Style::docs())?, "<ConsultationCall/>");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new() -> ConsultationCall {
        ConsultationCall::default()
    }

    /// Sets the nested `<Play>`.
    ///
    /// ```
    /// use ivr_xml::{to_string_with, ConsultationCall, Play, Style};
    /// let call = ConsultationCall::new().hold_music(Play::new("wait.wav"));
    /// assert_eq!(call.hold_music, Some(Play::new("wait.wav")));
    /// assert_eq!(
    ///     to_string_with(&call, &Style::compact())?,
    ///     "<ConsultationCall><Play>wait.wav</Play></ConsultationCall>"
    /// );
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn hold_music(mut self, play: Play) -> ConsultationCall {
        self.hold_music = Some(play);
        self
    }
}
