//! The operations on a running conference (spec §4.5, field evidence), one `confid` each.

use crate::deferred_error::PendingError;
use crate::raw_attribute::RawAttribute;
use crate::value::{Loop, RelUrl, Text};
use crate::Xml;

use super::Speak;

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
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "DismissConf")]
pub struct DismissConf {
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Callback when the conference is deleted.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub delurl: Option<RelUrl>,
    /// Hang up the members.
    #[xml(attribute, setter)]
    pub autohangup: Option<bool>,
    /// Callback when a member leaves.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub quiturl: Option<RelUrl>,
    /// Callback with the conference's recording.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub recordurl: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

/// `<QuitConf>` 退出会议: removes call `callid` from conference `confid` (spec §4.5, field evidence).
///
/// ```
/// use ivr_xml::rest::{official_style, QuitConf};
/// use ivr_xml::to_string_with;
/// let quit = QuitConf::new("10000001", "c0ffee").action("quitresult");
/// assert_eq!((quit.confid.as_str(), quit.callid.as_str()), ("10000001", "c0ffee"));
/// assert_eq!(
///     to_string_with(&quit, &official_style())?,
///     r#"<QuitConf callid="c0ffee" confid="10000001" action="quitresult"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "QuitConf", new(confid, callid))]
pub struct QuitConf {
    /// The member's call.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub callid: Text,
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

/// `<ConfMute>` 会议静音: mutes call `callid` in conference `confid` (spec §4.5, field evidence).
///
/// ```
/// use ivr_xml::rest::{official_style, ConfMute};
/// use ivr_xml::to_string_with;
/// let mute = ConfMute::new("10000001", "c0ffee");
/// assert_eq!((mute.confid.as_str(), mute.callid.as_str()), ("10000001", "c0ffee"));
/// assert_eq!(
///     to_string_with(&mute, &official_style())?,
///     r#"<ConfMute callid="c0ffee" confid="10000001"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "ConfMute", new(confid, callid))]
pub struct ConfMute {
    /// The member's call.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub callid: Text,
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

/// `<ConfUnMute>` 取消静音: unmutes call `callid` in conference `confid` (spec §4.5, field evidence).
///
/// ```
/// use ivr_xml::rest::{official_style, ConfUnMute};
/// use ivr_xml::to_string_with;
/// let unmute = ConfUnMute::new("10000001", "c0ffee").action("unmuted");
/// assert_eq!((unmute.confid.as_str(), unmute.callid.as_str()), ("10000001", "c0ffee"));
/// assert_eq!(
///     to_string_with(&unmute, &official_style())?,
///     r#"<ConfUnMute callid="c0ffee" confid="10000001" action="unmuted"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "ConfUnMute", new(confid, callid))]
pub struct ConfUnMute {
    /// The member's call.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub callid: Text,
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
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
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "ConfPlay")]
pub struct ConfPlay {
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// The audio file.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub filename: Text,
    /// Play count (`loop`): `-1` forever, `0` never, `n` times.
    #[xml(attribute, rename = "loop")]
    pub repeat: Option<Loop>,
    /// Result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Callback when playback completes.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub playcompleteurl: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

impl ConfPlay {
    /// Sets `loop`: `-1` forever, `0` never, `n` times (refuses < -1).
    ///
    /// ```
    /// use ivr_xml::rest::{official_style, ConfPlay};
    /// use ivr_xml::to_string_with;
    /// let forever = ConfPlay::new("10000001", "hold.wav").repeat(-1);
    /// assert_eq!(
    ///     to_string_with(&forever, &official_style())?,
    ///     r#"<ConfPlay confid="10000001" filename="hold.wav" loop="-1"/>"#
    /// );
    /// // Below -1 is refused when written.
    /// assert!(to_string_with(&ConfPlay::new("10000001", "hold.wav").repeat(-2), &official_style()).is_err());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
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
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "ConfStopPlay")]
pub struct ConfStopPlay {
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
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
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "ConfRecord")]
pub struct ConfRecord {
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Recording time (unit undocumented).
    #[xml(attribute, setter(new = impl Into<String>))]
    pub time: Option<Text>,
    /// Callback when the recording time is over.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub timeoutrecordurl: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
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
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "ConfStopRecord")]
pub struct ConfStopRecord {
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
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
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "ConfVolumeAdjust")]
pub struct ConfVolumeAdjust {
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// How to adjust (values undocumented).
    #[xml(attribute, setter(new = impl Into<String>))]
    pub adjusttype: Option<Text>,
    /// Result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
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
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "ConfMemberPause")]
pub struct ConfMemberPause {
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// The member's call.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub callid: Text,
    /// Result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
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
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "ConfMemberResume")]
pub struct ConfMemberResume {
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// The member's call.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub callid: Text,
    /// Result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Whether the member can speak after resuming.
    #[xml(attribute)]
    pub speak: Option<Speak>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

impl ConfMemberResume {
    /// Sets `speak`.
    ///
    /// ```
    /// use ivr_xml::rest::{official_style, ConfMemberResume, Speak};
    /// use ivr_xml::to_string_with;
    /// let resume = ConfMemberResume::new("10000001", "c0ffee").speak(Speak::ListenOnly);
    /// assert_eq!(resume.speak, Some(Speak::ListenOnly));
    /// assert_eq!(
    ///     to_string_with(&resume, &official_style())?,
    ///     r#"<ConfMemberResume confid="10000001" callid="c0ffee" speak="0"/>"#
    /// );
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
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
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "ConfAlarmClock")]
pub struct ConfAlarmClock {
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// When the clock fires (unit undocumented).
    #[xml(attribute, setter(new = impl Into<String>))]
    pub time: Option<Text>,
    /// Result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// What happens when it fires (`0`, `1`, `2` seen; meanings undocumented).
    #[xml(attribute)]
    pub timeraction: Option<u8>,
    /// Callback when the clock fires (platform default `alarmclock`).
    #[xml(attribute, setter(new = impl Into<String>))]
    pub clockurl: Option<RelUrl>,
    /// Prompt file played when it fires.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub promptfile: Option<Text>,
    /// Hang up the members.
    #[xml(attribute, setter)]
    pub autohangup: Option<bool>,
    /// Callback when a member leaves.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub quiturl: Option<RelUrl>,
    /// Callback with the conference's recording.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub recordurl: Option<RelUrl>,
    /// Callback when the conference is deleted.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub delurl: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

impl ConfAlarmClock {
    /// Sets `timeraction`.
    ///
    /// ```
    /// use ivr_xml::rest::{official_style, ConfAlarmClock};
    /// use ivr_xml::to_string_with;
    /// let clock = ConfAlarmClock::new("10000001").timeraction(2);
    /// assert_eq!(clock.timeraction, Some(2));
    /// assert_eq!(
    ///     to_string_with(&clock, &official_style())?,
    ///     r#"<ConfAlarmClock confid="10000001" timeraction="2"/>"#
    /// );
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
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
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "QueryConfState")]
pub struct QueryConfState {
    /// The conference.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub confid: Text,
    /// Result callback.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}
