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
#[xml(element = "CreateConf")]
pub struct CreateConf {
    /// Callback after successful creation.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Maximum members, 3 to 300 (platform default 3).
    #[xml(attribute)]
    pub maxmember: Option<MaxMember>,
    /// Callback for keys pressed in the conference.
    #[xml(attribute)]
    pub dtmfreporturl: Option<RelUrl>,
    /// Callback when the conference is deleted.
    #[xml(attribute)]
    pub delreporturl: Option<RelUrl>,
    /// Join the creating caller automatically (platform default `false`).
    #[xml(attribute)]
    pub autojoin: Option<bool>,
    /// Callback when a member joins.
    #[xml(attribute)]
    pub joinurl: Option<RelUrl>,
    /// Length in seconds from the first join; `<= 0` unlimited (platform default 0).
    #[xml(attribute)]
    pub confduration: Option<i64>,
    /// Hang up the members when the conference ends by itself (platform default `false`).
    #[xml(attribute)]
    pub autohangup: Option<bool>,
    /// Prompt file played before the automatic end.
    #[xml(attribute)]
    pub confendprompt: Option<Text>,
    /// Record automatically (platform default `false`).
    #[xml(attribute)]
    pub autorecord: Option<bool>,
    /// Callback when a member leaves.
    #[xml(attribute)]
    pub quiturl: Option<RelUrl>,
    /// Callback with the result of a media operation.
    #[xml(attribute)]
    pub mediaopturl: Option<RelUrl>,
    /// Prompts and background audio (platform default [`VoiceMode::AllPrompts`]).
    #[xml(attribute)]
    pub voicemod: Option<VoiceMode>,
    /// Delete the conference automatically (platform default `true`).
    #[xml(attribute)]
    pub autodelete: Option<bool>,
    /// Use a short conference id (platform default `false`).
    #[xml(attribute)]
    pub shortconf: Option<bool>,
    /// Unknown attributes (the official table may continue; `passwd` is REST-only field evidence), in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

/// Setters for `CreateConf`'s URL and boolean attributes, one line each.
macro_rules! setters {
    ($ty:ident; urls: $($url:ident),*; bools: $($flag:ident),*) => {
        impl $ty {
            $(
                #[doc = concat!("Sets `", stringify!($url), "`.")]
                pub fn $url(mut self, url: impl Into<String>) -> $ty {
                    self.$url = self.pending.record(RelUrl::new(url));
                    self
                }
            )*
            $(
                #[doc = concat!("Sets `", stringify!($flag), "`.")]
                pub fn $flag(mut self, value: bool) -> $ty {
                    self.$flag = Some(value);
                    self
                }
            )*
        }
    };
}

setters!(CreateConf;
    urls: action, dtmfreporturl, delreporturl, joinurl, quiturl, mediaopturl;
    bools: autojoin, autohangup, autorecord, autodelete, shortconf);

impl CreateConf {
    /// A `<CreateConf/>` with no attributes.
    pub fn new() -> CreateConf {
        CreateConf::default()
    }

    /// Sets `maxmember` (3 to 300).
    pub fn maxmember(mut self, n: u32) -> CreateConf {
        self.maxmember = self.pending.record(MaxMember::new(n));
        self
    }

    /// Sets `confduration` in seconds (`<= 0` unlimited).
    pub fn confduration(mut self, seconds: i64) -> CreateConf {
        self.confduration = Some(seconds);
        self
    }

    /// Sets `confendprompt`, a file name.
    pub fn confendprompt(mut self, file: impl Into<String>) -> CreateConf {
        self.confendprompt = self.pending.record(Text::new(file));
        self
    }

    /// Sets `voicemod`.
    pub fn voicemod(mut self, mode: VoiceMode) -> CreateConf {
        self.voicemod = Some(mode);
        self
    }

    raw_attribute_method!();
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
#[xml(element = "JoinConf")]
pub struct JoinConf {
    /// Callback after a successful join.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// The conference to join (a string: leading zeros and short or long forms are possible).
    #[xml(attribute)]
    pub confid: Text,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

impl JoinConf {
    /// Joins conference `confid`.
    pub fn new(confid: impl Into<String>) -> JoinConf {
        let mut join = JoinConf::default();
        join.confid = join.pending.record(Text::new(confid)).unwrap_or_default();
        join
    }

    /// Sets `action`.
    pub fn action(mut self, url: impl Into<String>) -> JoinConf {
        self.action = self.pending.record(RelUrl::new(url));
        self
    }

    raw_attribute_method!();
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
#[xml(element = "ConsultationCall")]
pub struct ConsultationCall {
    /// Number to call: mobile, landline or platform VoIP account.
    #[xml(attribute)]
    pub number: Option<Text>,
    /// Record the call.
    #[xml(attribute)]
    pub record: Option<bool>,
    /// Seconds to wait for an answer; on timeout the sub-commands run.
    #[xml(attribute)]
    pub timeout: Option<Timeout>,
    /// Maximum talk time in seconds; then `calltimeoverurl` is requested.
    #[xml(attribute)]
    pub calltime: Option<u32>,
    /// Callback when `calltime` expires.
    #[xml(attribute)]
    pub calltimeoverurl: Option<RelUrl>,
    /// Callback when the consulted party hangs up.
    #[xml(attribute)]
    pub hangupurl: Option<RelUrl>,
    /// Caller id shown to the consulted party.
    #[xml(attribute)]
    pub disnumber: Option<Text>,
    /// Meaning unknown (probably ringback passthrough).
    #[xml(attribute)]
    pub ringback: Option<bool>,
    /// Callback when the consulted party does not answer.
    #[xml(attribute)]
    pub noanswerurl: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    /// What the caller hears meanwhile.
    #[xml(child)]
    pub hold_music: Option<Play>,
    #[xml(pending)]
    pending: PendingError,
}

setters!(ConsultationCall;
    urls: calltimeoverurl, hangupurl, noanswerurl;
    bools: record, ringback);

impl ConsultationCall {
    /// A `<ConsultationCall>` with no attributes.
    pub fn new() -> ConsultationCall {
        ConsultationCall::default()
    }

    /// Sets `number`.
    pub fn number(mut self, number: impl Into<String>) -> ConsultationCall {
        self.number = self.pending.record(Text::new(number));
        self
    }

    /// Sets `disnumber`.
    pub fn disnumber(mut self, number: impl Into<String>) -> ConsultationCall {
        self.disnumber = self.pending.record(Text::new(number));
        self
    }

    /// Sets `timeout` in seconds (>= 1).
    pub fn timeout(mut self, seconds: u32) -> ConsultationCall {
        self.timeout = self.pending.record(Timeout::new(seconds));
        self
    }

    /// Sets `calltime` in seconds.
    pub fn calltime(mut self, seconds: u32) -> ConsultationCall {
        self.calltime = Some(seconds);
        self
    }

    /// Sets the nested `<Play>`.
    pub fn hold_music(mut self, play: Play) -> ConsultationCall {
        self.hold_music = Some(play);
        self
    }

    raw_attribute_method!();
}
