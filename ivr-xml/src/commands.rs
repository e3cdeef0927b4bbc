//! The IVR commands (spec §0.3, §2), each defined with the [`Xml`](crate::Xml) derive.
//!
//! Every command keeps unknown attributes in `extra` (filled by the lenient parser, or by you
//! through `raw_attribute`), written after the known ones. Builder methods take plain values; an
//! invalid one is reported when the document is built ([`PendingError`]).

use crate::deferred_error::PendingError;
use crate::raw::RawElement;
use crate::raw_attribute::RawAttribute;
use crate::value::{Key, Loop, MaxMember, Method, NumDigits, RelUrl, Text, Timeout, VoiceMode};
use crate::Xml;

/// Builder methods every command shares.
macro_rules! raw_attribute_method {
    () => {
        /// Adds an attribute the library does not know (written after the known ones).
        ///
        /// A name that is not an XML name, a value with a character XML cannot carry, a name
        /// given twice, or the name of one of the element's known attributes (set that with its
        /// own setter) is reported when the document is built: none would read back as built.
        /// The strict parser refuses unknown attributes; parse such documents with
        /// [`ParseOptions::lenient`](crate::ParseOptions::lenient).
        pub fn raw_attribute(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
            if let Some(attribute) = self.pending.record($crate::RawAttribute::new(name, value)) {
                self.extra.push(attribute);
            }
            self
        }
    };
}

pub(crate) use raw_attribute_method;

/// `<Get>` 获取按键: collects keys while a prompt plays. **Main command only** \[official\].
///
/// When the caller presses keys, the platform requests `action` (default `dtmfreport`) with the
/// digits and the sub-commands do not run; on timeout the sub-commands run.
/// Attributes are written in the docs' order: `action`, `numdigits`, `timeout`, then `method`,
/// `finishkey`. Only [`Play`] and [`PlayTts`] can be nested ([`Prompt`]).
///
/// ```
/// use ivr_xml::{to_string_with, Get, Play, Style};
/// let get = Get::new().action("firstget").numdigits(1).timeout(30).prompt(Play::new("confmenu.wav"));
/// assert_eq!(
///     to_string_with(&get, &Style::compact()).unwrap(),
///     "<Get action='firstget' numdigits='1' timeout='30'><Play>confmenu.wav</Play></Get>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "Get")]
pub struct Get {
    /// Key-report callback, relative URL (platform default `dtmfreport`).
    #[xml(attribute)]
    pub action: Option<RelUrl>,
    /// How many keys to collect (platform default 12).
    #[xml(attribute)]
    pub numdigits: Option<NumDigits>,
    /// Seconds to wait, counted after the prompt has played once (platform default 20).
    #[xml(attribute)]
    pub timeout: Option<Timeout>,
    /// HTTP method of the `action` request (platform default `POST`).
    #[xml(attribute)]
    pub method: Option<Method>,
    /// The key that ends input (platform default `#`).
    #[xml(attribute)]
    pub finishkey: Option<Key>,
    /// Unknown attributes (`firstendkey` is seen in the field), in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    /// The prompt(s) played while waiting. The docs always show exactly one.
    #[xml(children)]
    pub prompts: Vec<Prompt>,
    #[xml(pending)]
    pending: PendingError,
}

impl Get {
    /// A `<Get>` with no attributes and no prompt.
    pub fn new() -> Get {
        Get::default()
    }

    /// Sets `action`, the key-report callback.
    pub fn action(mut self, url: impl Into<String>) -> Get {
        self.action = self.pending.record(RelUrl::new(url));
        self
    }

    /// Sets `numdigits` (>= 1).
    pub fn numdigits(mut self, n: u32) -> Get {
        self.numdigits = self.pending.record(NumDigits::new(n));
        self
    }

    /// Sets `timeout` in seconds (>= 1).
    pub fn timeout(mut self, seconds: u32) -> Get {
        self.timeout = self.pending.record(Timeout::new(seconds));
        self
    }

    /// Sets `method`.
    pub fn method(mut self, method: Method) -> Get {
        self.method = Some(method);
        self
    }

    /// Sets `finishkey`.
    pub fn finishkey(mut self, key: Key) -> Get {
        self.finishkey = Some(key);
        self
    }

    /// Adds a prompt: a [`Play`] or a [`PlayTts`].
    pub fn prompt(mut self, prompt: impl Into<Prompt>) -> Get {
        self.prompts.push(prompt.into());
        self
    }

    raw_attribute_method!();
}

/// What `<Get>` can hold: `"在<Get>中可以嵌套:<Play>、<PlayTTS>"` \[official\].
///
/// ```
/// use ivr_xml::{Get, Play, PlayTts, Prompt};
/// let get = Get::new().prompt(Play::new("menu.wav")).prompt(PlayTts::new("请按键"));
/// assert!(matches!(get.prompts[1], Prompt::PlayTts(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xml)]
pub enum Prompt {
    /// `<Play>`
    Play(Play),
    /// `<PlayTTS>`
    PlayTts(PlayTts),
}

/// `<Play>` 放音: plays an audio file (wav or mp3). Main or sub-command \[official\]; holds nothing.
///
/// ```
/// use ivr_xml::{to_string_with, Key, Play, Style};
/// let play = Play::new("menu.wav").repeat(-1).finishkey(Key::Hash);
/// assert_eq!(to_string_with(&play, &Style::docs()).unwrap(), "<Play loop='-1' finishkey='#'>menu.wav</Play>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "Play")]
pub struct Play {
    /// Play count: `0` never, `-1` forever (platform default once).
    #[xml(attribute, rename = "loop")]
    pub repeat: Option<Loop>,
    /// The key that stops playback (platform default none).
    #[xml(attribute)]
    pub finishkey: Option<Key>,
    /// Whether the file is a platform recording (platform default `false`).
    #[xml(attribute)]
    pub isrecord: Option<bool>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    /// The audio file name, as written (whitespace kept; see [`Text::trimmed`]).
    #[xml(text)]
    pub file: Text,
    #[xml(pending)]
    pending: PendingError,
}

impl Play {
    /// Plays `file`.
    pub fn new(file: impl Into<String>) -> Play {
        let mut play = Play::default();
        play.file = play.pending.record(Text::new(file)).unwrap_or_default();
        play
    }

    /// Sets `loop`: `-1` forever, `0` never, `n` times (refuses < -1). Named `repeat` because
    /// `loop` is a Rust keyword.
    #[doc(alias = "loop")]
    pub fn repeat(mut self, count: i64) -> Play {
        self.repeat = self.pending.record(Loop::new(count));
        self
    }

    /// Sets `finishkey`.
    pub fn finishkey(mut self, key: Key) -> Play {
        self.finishkey = Some(key);
        self
    }

    /// Sets `isrecord`.
    pub fn isrecord(mut self, isrecord: bool) -> Play {
        self.isrecord = Some(isrecord);
        self
    }

    raw_attribute_method!();
}

/// `<PlayTTS>` 播放TTS: speaks text. Inside `<Get>` \[official\]; as a command and its `loop`
/// attribute: **field evidence only** (two applications), not in the official docs.
///
/// TTS must be enabled in the console (which needs enterprise verification).
///
/// ```
/// use ivr_xml::{to_string_with, PlayTts, Style};
/// let tts = PlayTts::new("欢迎致电").repeat(3);
/// assert_eq!(to_string_with(&tts, &Style::docs()).unwrap(), "<PlayTTS loop='3'>欢迎致电</PlayTTS>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "PlayTTS")]
pub struct PlayTts {
    /// Play count, as in [`Play`] (field evidence).
    #[xml(attribute, rename = "loop")]
    pub repeat: Option<Loop>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    /// The text to speak.
    #[xml(text)]
    pub text: Text,
    #[xml(pending)]
    pending: PendingError,
}

impl PlayTts {
    /// Speaks `text`.
    pub fn new(text: impl Into<String>) -> PlayTts {
        let mut tts = PlayTts::default();
        tts.text = tts.pending.record(Text::new(text)).unwrap_or_default();
        tts
    }

    /// Sets `loop`: `-1` forever, `0` never, `n` times (refuses < -1). Named `repeat` because
    /// `loop` is a Rust keyword.
    #[doc(alias = "loop")]
    pub fn repeat(mut self, count: i64) -> PlayTts {
        self.repeat = self.pending.record(Loop::new(count));
        self
    }

    raw_attribute_method!();
}

/// `<Redirect>` 业务跳转: the platform requests the URL and runs the document it gets back.
/// The sub-command that ends a failed or timed-out main command \[official\] \[guide\].
///
/// `tag` is echoed back as a parameter of that request (field evidence), so one URL can serve
/// several places, as `gettimeout` does in the guide.
///
/// ```
/// use ivr_xml::{to_string_with, Redirect, Style};
/// let redirect = Redirect::new("gettimeout").tag("1");
/// assert_eq!(to_string_with(&redirect, &Style::docs()).unwrap(), "<Redirect tag='1'>gettimeout</Redirect>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "Redirect")]
pub struct Redirect {
    /// A label of the application's choosing.
    #[xml(attribute)]
    pub tag: Option<Text>,
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    /// The relative URL to request.
    #[xml(text)]
    pub url: RelUrl,
    #[xml(pending)]
    pending: PendingError,
}

impl Redirect {
    /// Redirects to `url`.
    pub fn new(url: impl Into<String>) -> Redirect {
        let mut redirect = Redirect::default();
        redirect.url = redirect
            .pending
            .record(RelUrl::new(url))
            .unwrap_or_default();
        redirect
    }

    /// Sets `tag`.
    pub fn tag(mut self, tag: impl Into<String>) -> Redirect {
        self.tag = self.pending.record(Text::new(tag));
        self
    }

    raw_attribute_method!();
}

/// `<Hangup/>` 应用侧挂机: ends the call; the platform then sends `stopservice` \[guide\].
///
/// ```
/// use ivr_xml::{to_string_with, Hangup, Style};
/// assert_eq!(to_string_with(&Hangup::new(), &Style::docs()).unwrap(), "<Hangup/>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "Hangup")]
pub struct Hangup {
    /// Unknown attributes (`callid` is seen once in the field), in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

impl Hangup {
    /// `<Hangup/>`.
    pub fn new() -> Hangup {
        Hangup::default()
    }

    raw_attribute_method!();
}

/// `<CmdNone/>` 空指令: nothing more to do. Used alone \[guide\].
///
/// ```
/// use ivr_xml::{to_string_with, CmdNone, Style};
/// assert_eq!(to_string_with(&CmdNone::new(), &Style::docs()).unwrap(), "<CmdNone/>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(element = "CmdNone")]
pub struct CmdNone {
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

impl CmdNone {
    /// `<CmdNone/>`.
    pub fn new() -> CmdNone {
        CmdNone::default()
    }

    raw_attribute_method!();
}

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

/// Any command of a `<Response>`: the typed ones, and [`Command::Raw`] for the rest.
///
/// The two commands with many attributes are boxed, so that a `Command` is about the size of a
/// `<Get>` (104 bytes rather than 240): a long list of commands is smaller and faster to parse.
///
/// ```
/// use ivr_xml::{Command, Hangup, RawElement};
/// let typed: Command = Hangup::new().into();
/// assert_eq!(typed.name(), "Hangup");
/// let raw: Command = RawElement::new("EnterCCS").attribute("queuetype", "0").into();
/// assert_eq!(raw.name(), "EnterCCS");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xml)]
pub enum Command {
    /// `<Get>`
    Get(Get),
    /// `<Play>`
    Play(Play),
    /// `<PlayMix>`
    PlayMix(crate::PlayMix),
    /// `<PlayTTS>`
    PlayTts(PlayTts),
    /// `<Redirect>`
    Redirect(Redirect),
    /// `<Hangup/>`
    Hangup(Hangup),
    /// `<CmdNone/>`
    CmdNone(CmdNone),
    /// `<CreateConf/>`
    CreateConf(Box<CreateConf>),
    /// `<JoinConf/>`
    JoinConf(JoinConf),
    /// `<ConsultationCall>` (field evidence)
    ConsultationCall(Box<ConsultationCall>),
    /// A command the library does not name, kept as written (lenient parser, or built by hand).
    #[xml(other)]
    Raw(RawElement),
}

impl From<CreateConf> for Command {
    fn from(command: CreateConf) -> Command {
        Command::CreateConf(Box::new(command))
    }
}

impl From<ConsultationCall> for Command {
    fn from(command: ConsultationCall) -> Command {
        Command::ConsultationCall(Box::new(command))
    }
}

impl Command {
    /// The command's element name.
    pub fn name(&self) -> &str {
        crate::ToXml::element_name(self)
    }
}

impl std::str::FromStr for Command {
    type Err = crate::ParseError;

    /// Parses one command on its own, strictly.
    fn from_str(text: &str) -> Result<Command, crate::ParseError> {
        crate::from_str(text)
    }
}

/// Marks commands that may follow the main command.
///
/// The main-only commands ([`policy::MAIN_ONLY`](crate::policy::MAIN_ONLY): `<Get>`
/// \[official\], `<CreateConf>` \[official\], `<JoinConf>` \[guide\]) have no impl, so that
/// [`ResponseBuilder::then`](crate::ResponseBuilder::then) does not take them; the strict parser
/// and the validator refuse them there with rule IVR201.
#[diagnostic::on_unimplemented(
    message = "`<{Self}>` can only be the main command",
    label = "`<{Self}>` can only be the main command, not a sub-command",
    note = "the platform runs `<Get>`, `<CreateConf>` and `<JoinConf>` only as the main command (spec §0.2 R8, rule IVR201): pass it to `.main(...)`, or answer it in a new document through a `<Redirect>`"
)]
pub trait SubCommand {}

impl SubCommand for Play {}
impl SubCommand for crate::PlayMix {}
impl SubCommand for PlayTts {}
impl SubCommand for Redirect {}
impl SubCommand for Hangup {}
impl SubCommand for CmdNone {}
impl SubCommand for ConsultationCall {}
impl SubCommand for RawElement {}
