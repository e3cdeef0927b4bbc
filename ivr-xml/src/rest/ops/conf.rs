//! The operations on a running conference (spec §4.5, field evidence), one `confid` each.

use crate::deferred_error::PendingError;
use crate::raw_attribute::RawAttribute;
use crate::value::{Loop, RelUrl, Text};
use crate::Xml;

use super::Speak;
use crate::commands::raw_attribute_method;

/// The constructor (the required ids, conference first), `raw_attribute` and the one-line
/// setters of a conference operation.
macro_rules! conf_op_impl {
    (
        $name:ident = $element:literal;
        new($($arg:ident),*);
        setters { $($kind:ident: [$($setter:ident),*]),* $(,)? }
    ) => {
        impl $name {
            #[doc = concat!("A `<", $element, ">` with its required ids: `new(", stringify!($($arg),*), ")`, conference first.")]
            pub fn new($($arg: impl Into<String>),*) -> $name {
                let mut op = $name::default();
                $( op.$arg = op.pending.record(Text::new($arg)).unwrap_or_default(); )*
                op
            }

            raw_attribute_method!();
        }

        setters!($name; $($kind: [$($setter),*]),*);
    };
}

/// `<DismissConf>` 解散会议: ends conference `confid` (spec §4.5, field evidence).
///
/// ```
/// use ivr_xml::rest::{official_style, DismissConf};
/// use ivr_xml::to_string_with;
/// let dismiss = DismissConf::new("10000001").action("dismissed").autohangup(true);
/// assert_eq!(
///     to_string_with(&dismiss, &official_style())?,
///     r#"<DismissConf confid="10000001" action="dismissed" autohangup="true"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "DismissConf")]
pub struct DismissConf {
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Callback when the conference is deleted.
    #[xml(attribute)]
    pub delurl: Option<RelUrl>,
    /// Hang up the members.
    #[xml(attribute)]
    pub autohangup: Option<bool>,
    /// Callback when a member leaves.
    #[xml(attribute)]
    pub quiturl: Option<RelUrl>,
    /// Callback with the conference's recording.
    #[xml(attribute)]
    pub recordurl: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

conf_op_impl! {
    DismissConf = "DismissConf";
    new(confid);
    setters { url: [action, delurl, quiturl, recordurl], flag: [autohangup] }
}

/// `<QuitConf>` 退出会议: removes call `callid` from conference `confid` (spec §4.5, field evidence).
///
/// ```
/// use ivr_xml::rest::{official_style, QuitConf};
/// use ivr_xml::to_string_with;
/// let quit = QuitConf::new("10000001", "c0ffee").action("quitresult");
/// assert_eq!(
///     to_string_with(&quit, &official_style())?,
///     r#"<QuitConf callid="c0ffee" confid="10000001" action="quitresult"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "QuitConf")]
pub struct QuitConf {
    /// The member's call.
    #[xml(attribute)]
    pub callid: Text,
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

conf_op_impl! {
    QuitConf = "QuitConf";
    new(confid, callid);
    setters { url: [action] }
}

/// `<ConfMute>` 会议静音: mutes call `callid` in conference `confid` (spec §4.5, field evidence).
///
/// ```
/// use ivr_xml::rest::{official_style, ConfMute};
/// use ivr_xml::to_string_with;
/// let mute = ConfMute::new("10000001", "c0ffee");
/// assert_eq!(
///     to_string_with(&mute, &official_style())?,
///     r#"<ConfMute callid="c0ffee" confid="10000001"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "ConfMute")]
pub struct ConfMute {
    /// The member's call.
    #[xml(attribute)]
    pub callid: Text,
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

conf_op_impl! {
    ConfMute = "ConfMute";
    new(confid, callid);
    setters { url: [action] }
}

/// `<ConfUnMute>` 取消静音: unmutes call `callid` in conference `confid` (spec §4.5, field evidence).
///
/// ```
/// use ivr_xml::rest::{official_style, ConfUnMute};
/// use ivr_xml::to_string_with;
/// let unmute = ConfUnMute::new("10000001", "c0ffee").action("unmuted");
/// assert_eq!(
///     to_string_with(&unmute, &official_style())?,
///     r#"<ConfUnMute callid="c0ffee" confid="10000001" action="unmuted"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "ConfUnMute")]
pub struct ConfUnMute {
    /// The member's call.
    #[xml(attribute)]
    pub callid: Text,
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

conf_op_impl! {
    ConfUnMute = "ConfUnMute";
    new(confid, callid);
    setters { url: [action] }
}

/// `<ConfPlay>` 会议放音: plays `filename` into conference `confid` (spec §4.5, field evidence).
/// `loop` is taken to mean what it means on `<Play>` \[inferred\], and shares its type.
///
/// ```
/// use ivr_xml::rest::{official_style, ConfPlay};
/// use ivr_xml::to_string_with;
/// let play = ConfPlay::new("10000001", "welcome.wav").repeat(2).playcompleteurl("played");
/// assert_eq!(
///     to_string_with(&play, &official_style())?,
///     r#"<ConfPlay confid="10000001" filename="welcome.wav" loop="2" playcompleteurl="played"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "ConfPlay")]
pub struct ConfPlay {
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// The audio file.
    #[xml(attribute)]
    pub filename: Text,
    /// Play count (`loop`): `-1` forever, `0` never, `n` times.
    #[xml(attribute, rename = "loop")]
    pub repeat: Option<Loop>,
    /// Result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Callback when playback completes.
    #[xml(attribute)]
    pub playcompleteurl: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

conf_op_impl! {
    ConfPlay = "ConfPlay";
    new(confid, filename);
    setters { url: [action, playcompleteurl] }
}

impl ConfPlay {
    /// Sets `loop`: `-1` forever, `0` never, `n` times (refuses < -1).
    pub fn repeat(mut self, count: i64) -> ConfPlay {
        self.repeat = self.pending.record(Loop::new(count));
        self
    }
}

/// `<ConfStopPlay>` 停止会议放音: stops playback in conference `confid` (spec §4.5, field evidence).
///
/// ```
/// use ivr_xml::rest::{official_style, ConfStopPlay};
/// use ivr_xml::to_string_with;
/// let stop = ConfStopPlay::new("10000001");
/// assert_eq!(
///     to_string_with(&stop, &official_style())?,
///     r#"<ConfStopPlay confid="10000001"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "ConfStopPlay")]
pub struct ConfStopPlay {
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

conf_op_impl! {
    ConfStopPlay = "ConfStopPlay";
    new(confid);
    setters { url: [action] }
}

/// `<ConfRecord>` 会议录音: records conference `confid` (spec §4.5, field evidence).
/// `time`'s unit and format are not documented: it is kept as text.
///
/// ```
/// use ivr_xml::rest::{official_style, ConfRecord};
/// use ivr_xml::to_string_with;
/// let record = ConfRecord::new("10000001").time("600").timeoutrecordurl("recorded");
/// assert_eq!(
///     to_string_with(&record, &official_style())?,
///     r#"<ConfRecord confid="10000001" time="600" timeoutrecordurl="recorded"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "ConfRecord")]
pub struct ConfRecord {
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Recording time (unit undocumented).
    #[xml(attribute)]
    pub time: Option<Text>,
    /// Callback when the recording time is over.
    #[xml(attribute)]
    pub timeoutrecordurl: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

conf_op_impl! {
    ConfRecord = "ConfRecord";
    new(confid);
    setters { url: [action, timeoutrecordurl], text: [time] }
}

/// `<ConfStopRecord>` 停止会议录音: stops recording conference `confid` (spec §4.5, field evidence).
///
/// ```
/// use ivr_xml::rest::{official_style, ConfStopRecord};
/// use ivr_xml::to_string_with;
/// let stop = ConfStopRecord::new("10000001").action("stopped");
/// assert_eq!(
///     to_string_with(&stop, &official_style())?,
///     r#"<ConfStopRecord confid="10000001" action="stopped"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "ConfStopRecord")]
pub struct ConfStopRecord {
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

conf_op_impl! {
    ConfStopRecord = "ConfStopRecord";
    new(confid);
    setters { url: [action] }
}

/// `<ConfVolumeAdjust>` 调节会议音量: adjusts conference `confid`'s volume (spec §4.5, field evidence).
/// The values of `adjusttype` are not documented: it is kept as text.
///
/// ```
/// use ivr_xml::rest::{official_style, ConfVolumeAdjust};
/// use ivr_xml::to_string_with;
/// let adjust = ConfVolumeAdjust::new("10000001").adjusttype("1");
/// assert_eq!(
///     to_string_with(&adjust, &official_style())?,
///     r#"<ConfVolumeAdjust confid="10000001" adjusttype="1"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "ConfVolumeAdjust")]
pub struct ConfVolumeAdjust {
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// How to adjust (values undocumented).
    #[xml(attribute)]
    pub adjusttype: Option<Text>,
    /// Result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

conf_op_impl! {
    ConfVolumeAdjust = "ConfVolumeAdjust";
    new(confid);
    setters { url: [action], text: [adjusttype] }
}

/// `<ConfMemberPause>` 暂停会议成员: pauses call `callid` in conference `confid` (spec §4.5, field evidence).
///
/// ```
/// use ivr_xml::rest::{official_style, ConfMemberPause};
/// use ivr_xml::to_string_with;
/// let pause = ConfMemberPause::new("10000001", "c0ffee");
/// assert_eq!(
///     to_string_with(&pause, &official_style())?,
///     r#"<ConfMemberPause confid="10000001" callid="c0ffee"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "ConfMemberPause")]
pub struct ConfMemberPause {
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// The member's call.
    #[xml(attribute)]
    pub callid: Text,
    /// Result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

conf_op_impl! {
    ConfMemberPause = "ConfMemberPause";
    new(confid, callid);
    setters { url: [action] }
}

/// `<ConfMemberResume>` 恢复会议成员: resumes call `callid` in conference `confid` (spec §4.5, field evidence).
///
/// ```
/// use ivr_xml::rest::{official_style, ConfMemberResume, Speak};
/// use ivr_xml::to_string_with;
/// let resume = ConfMemberResume::new("10000001", "c0ffee").speak(Speak::Allowed);
/// assert_eq!(
///     to_string_with(&resume, &official_style())?,
///     r#"<ConfMemberResume confid="10000001" callid="c0ffee" speak="1"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "ConfMemberResume")]
pub struct ConfMemberResume {
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// The member's call.
    #[xml(attribute)]
    pub callid: Text,
    /// Result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Whether the member can speak after resuming.
    #[xml(attribute)]
    pub speak: Option<Speak>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

conf_op_impl! {
    ConfMemberResume = "ConfMemberResume";
    new(confid, callid);
    setters { url: [action] }
}

impl ConfMemberResume {
    /// Sets `speak`.
    pub fn speak(mut self, speak: Speak) -> ConfMemberResume {
        self.speak = Some(speak);
        self
    }
}

/// `<ConfAlarmClock>` 会议闹钟: a timer on conference `confid` (spec §4.5, field evidence).
/// `time`'s unit and the meanings of `timeraction`'s values (`0`, `1`, `2` are seen) are not
/// documented: `time` is kept as text and `timeraction` as a number.
///
/// ```
/// use ivr_xml::rest::{official_style, ConfAlarmClock};
/// use ivr_xml::to_string_with;
/// let clock = ConfAlarmClock::new("10000001").time("300").timeraction(1).promptfile("oneminute.wav");
/// assert_eq!(
///     to_string_with(&clock, &official_style())?,
///     r#"<ConfAlarmClock confid="10000001" time="300" timeraction="1" promptfile="oneminute.wav"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "ConfAlarmClock")]
pub struct ConfAlarmClock {
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// When the clock fires (unit undocumented).
    #[xml(attribute)]
    pub time: Option<Text>,
    /// Result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// What happens when it fires (`0`, `1`, `2` seen; meanings undocumented).
    #[xml(attribute)]
    pub timeraction: Option<u8>,
    /// Callback when the clock fires (platform default `alarmclock`).
    #[xml(attribute)]
    pub clockurl: Option<RelUrl>,
    /// Prompt file played when it fires.
    #[xml(attribute)]
    pub promptfile: Option<Text>,
    /// Hang up the members.
    #[xml(attribute)]
    pub autohangup: Option<bool>,
    /// Callback when a member leaves.
    #[xml(attribute)]
    pub quiturl: Option<RelUrl>,
    /// Callback with the conference's recording.
    #[xml(attribute)]
    pub recordurl: Option<RelUrl>,
    /// Callback when the conference is deleted.
    #[xml(attribute)]
    pub delurl: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

conf_op_impl! {
    ConfAlarmClock = "ConfAlarmClock";
    new(confid);
    setters { url: [action, clockurl, quiturl, recordurl, delurl], text: [time, promptfile], flag: [autohangup] }
}

impl ConfAlarmClock {
    /// Sets `timeraction`.
    pub fn timeraction(mut self, action: u8) -> ConfAlarmClock {
        self.timeraction = Some(action);
        self
    }
}

/// `<QueryConfState>` 查询会议状态: asks for conference `confid`'s state (spec §4.5, field evidence).
/// The response's state fields are undocumented: they are kept raw in
/// [`RestResponse::others`](crate::rest::RestResponse::others).
///
/// ```
/// use ivr_xml::rest::{official_style, QueryConfState};
/// use ivr_xml::to_string_with;
/// let query = QueryConfState::new("10000001");
/// assert_eq!(
///     to_string_with(&query, &official_style())?,
///     r#"<QueryConfState confid="10000001"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "QueryConfState")]
pub struct QueryConfState {
    /// The conference.
    #[xml(attribute)]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

conf_op_impl! {
    QueryConfState = "QueryConfState";
    new(confid);
    setters { url: [action] }
}
