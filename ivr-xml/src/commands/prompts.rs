//! Collecting keys and playing prompts: `<Get>` and what it nests, `<Play>` and `<PlayTTS>`.

use crate::deferred_error::PendingError;
use crate::raw_attribute::RawAttribute;
use crate::value::{Key, Loop, Method, NumDigits, RelUrl, Text, Timeout};
use crate::Xml;

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
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(
    element = "Get",
    main_only,
    reports_back,
    wants_failure_path,
    known(
        attribute = "firstendkey",
        evidence = "one application, meaning unverified (spec §2.1)"
    )
)]
pub struct Get {
    /// Key-report callback, relative URL (platform default `dtmfreport`).
    #[xml(attribute, setter(new = impl Into<String>))]
    pub action: Option<RelUrl>,
    /// How many keys to collect (platform default 12).
    #[xml(attribute, setter(new = u32))]
    pub numdigits: Option<NumDigits>,
    /// Seconds to wait, counted after the prompt has played once (platform default 20).
    #[xml(attribute, setter(new = u32))]
    pub timeout: Option<Timeout>,
    /// HTTP method of the `action` request (platform default `POST`).
    #[xml(attribute, setter)]
    pub method: Option<Method>,
    /// The key that ends input (platform default `#`).
    #[xml(attribute, setter)]
    pub finishkey: Option<Key>,
    /// Unknown attributes (`firstendkey` is seen in the field), in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    /// The prompt(s) played while waiting. The docs always show exactly one.
    #[xml(children)]
    pub prompts: Vec<Prompt>,
    #[xml(pending)]
    pending: PendingError,
}

impl Get {
    /// A `<Get>` with no attributes and no prompt.
    ///
    /// ```
    /// use ivr_xml::{to_string_with, Get, Style};
    /// let get = Get::new();
    /// assert!(get.prompts.is_empty());
    /// assert_eq!(to_string_with(&get, &Style::docs())?, "<Get/>");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new() -> Get {
        Get::default()
    }

    /// Adds a prompt: a [`Play`] or a [`PlayTts`].
    ///
    /// ```
    /// use ivr_xml::{to_string_with, Get, Play, PlayTts, Style};
    /// let get = Get::new().prompt(Play::new("menu.wav")).prompt(PlayTts::new("请按键"));
    /// assert_eq!(get.prompts.len(), 2);
    /// assert_eq!(
    ///     to_string_with(&get, &Style::compact())?,
    ///     "<Get><Play>menu.wav</Play><PlayTTS>请按键</PlayTTS></Get>"
    /// );
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn prompt(mut self, prompt: impl Into<Prompt>) -> Get {
        self.prompts.push(prompt.into());
        self
    }
}

/// What `<Get>` can hold: `"在<Get>中可以嵌套:<Play>、<PlayTTS>"` \[official\].
///
/// ```
/// use ivr_xml::{Get, Play, PlayTts, Prompt};
/// let get = Get::new().prompt(Play::new("menu.wav")).prompt(PlayTts::new("请按键"));
/// assert!(matches!(get.prompts[1], Prompt::PlayTts(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
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
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "Play")]
pub struct Play {
    /// Play count: `0` never, `-1` forever (platform default once).
    #[xml(attribute, rename = "loop")]
    pub repeat: Option<Loop>,
    /// The key that stops playback (platform default none).
    #[xml(attribute, setter)]
    pub finishkey: Option<Key>,
    /// Whether the file is a platform recording (platform default `false`).
    #[xml(attribute, setter)]
    pub isrecord: Option<bool>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    /// The audio file name, as written (whitespace kept; see [`Text::trimmed`]).
    #[xml(text)]
    pub file: Text,
    #[xml(pending)]
    pending: PendingError,
}

impl Play {
    /// Plays `file`.
    ///
    /// ```
    /// use ivr_xml::{to_string_with, Play, Style};
    /// let play = Play::new("welcome.wav");
    /// assert_eq!(play.file.as_str(), "welcome.wav");
    /// assert_eq!(to_string_with(&play, &Style::docs())?, "<Play>welcome.wav</Play>");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new(file: impl Into<String>) -> Play {
        let mut play = Play::default();
        play.file = play.pending.record(Text::new(file)).unwrap_or_default();
        play
    }

    /// Sets `loop`: `-1` forever, `0` never, `n` times (refuses < -1). Named `repeat` because
    /// `loop` is a Rust keyword.
    ///
    /// ```
    /// use ivr_xml::{to_string_with, Play, Style};
    /// assert_eq!(to_string_with(&Play::new("a.wav").repeat(3), &Style::docs())?, "<Play loop='3'>a.wav</Play>");
    /// // Below -1 is refused when written.
    /// assert!(to_string_with(&Play::new("a.wav").repeat(-2), &Style::docs()).is_err());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    #[doc(alias = "loop")]
    pub fn repeat(mut self, count: i64) -> Play {
        self.repeat = self.pending.record(Loop::new(count));
        self
    }
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
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "PlayTTS")]
pub struct PlayTts {
    /// Play count, as in [`Play`] (field evidence).
    #[xml(attribute, rename = "loop", evidence = "two applications (spec §2.4)")]
    pub repeat: Option<Loop>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    /// The text to speak.
    #[xml(text)]
    pub text: Text,
    #[xml(pending)]
    pending: PendingError,
}

impl PlayTts {
    /// Speaks `text`.
    ///
    /// ```
    /// use ivr_xml::{to_string_with, PlayTts, Style};
    /// let tts = PlayTts::new("欢迎致电");
    /// assert_eq!(tts.text.as_str(), "欢迎致电");
    /// assert_eq!(to_string_with(&tts, &Style::docs())?, "<PlayTTS>欢迎致电</PlayTTS>");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new(text: impl Into<String>) -> PlayTts {
        let mut tts = PlayTts::default();
        tts.text = tts.pending.record(Text::new(text)).unwrap_or_default();
        tts
    }

    /// Sets `loop`: `-1` forever, `0` never, `n` times (refuses < -1). Named `repeat` because
    /// `loop` is a Rust keyword.
    ///
    /// ```
    /// use ivr_xml::{to_string_with, PlayTts, Style};
    /// assert_eq!(to_string_with(&PlayTts::new("您好").repeat(2), &Style::docs())?, "<PlayTTS loop='2'>您好</PlayTTS>");
    /// assert!(to_string_with(&PlayTts::new("您好").repeat(-5), &Style::docs()).is_err());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    #[doc(alias = "loop")]
    pub fn repeat(mut self, count: i64) -> PlayTts {
        self.repeat = self.pending.record(Loop::new(count));
        self
    }
}
