//! Closed sets of attribute values (`Key`, `Method`, `VoiceMode`), derived with
//! `#[derive(XmlValue)]` (as are `rest::Role`, `rest::Speak` and `notify::Direction`).

use super::XmlValue;
use crate::error::ValueError;

/// A telephone key: `0`-`9`, `*` or `#` (`finishkey` of `<Get>` and `<Play>`).
///
/// ```
/// use ivr_xml::Key;
/// assert_eq!("#".parse::<Key>().unwrap(), Key::Hash);
/// assert_eq!(Key::try_from('7').unwrap(), Key::D7);
/// assert!("A".parse::<Key>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, XmlValue)]
#[value(name = "key", expected = "one of `0`-`9`, `*`, `#`")]
#[cfg_attr(feature = "serde", value(serde))]
pub enum Key {
    /// `0`
    #[value(text = "0")]
    D0,
    /// `1`
    #[value(text = "1")]
    D1,
    /// `2`
    #[value(text = "2")]
    D2,
    /// `3`
    #[value(text = "3")]
    D3,
    /// `4`
    #[value(text = "4")]
    D4,
    /// `5`
    #[value(text = "5")]
    D5,
    /// `6`
    #[value(text = "6")]
    D6,
    /// `7`
    #[value(text = "7")]
    D7,
    /// `8`
    #[value(text = "8")]
    D8,
    /// `9`
    #[value(text = "9")]
    D9,
    /// `*`
    #[value(text = "*")]
    Star,
    /// `#`
    #[value(text = "#")]
    Hash,
}

impl Key {
    /// The key's character.
    ///
    /// ```
    /// use ivr_xml::Key;
    /// assert_eq!(Key::Star.as_char(), '*');
    /// assert_eq!(Key::D7.as_char(), '7');
    /// assert_eq!(Key::try_from('#')?.as_char(), '#');
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn as_char(self) -> char {
        self.as_str().chars().next().unwrap_or('#')
    }
}

impl TryFrom<char> for Key {
    type Error = ValueError;
    fn try_from(c: char) -> Result<Key, ValueError> {
        c.encode_utf8(&mut [0; 4]).parse()
    }
}

/// `method` of `<Get>`: the HTTP method of the `action` request (platform default `POST`).
///
/// ```
/// use ivr_xml::Method;
/// assert_eq!(Method::Get.as_str(), "GET");
/// assert!("get".parse::<Method>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, XmlValue)]
#[value(name = "method", expected = "`GET` or `POST`")]
#[cfg_attr(feature = "serde", value(serde))]
pub enum Method {
    /// `GET`
    #[value(text = "GET")]
    Get,
    /// `POST`
    #[value(text = "POST")]
    Post,
}

/// `voicemod` of `<CreateConf>`: the conference's prompts and background audio (platform default `1`).
///
/// ```
/// use ivr_xml::VoiceMode;
/// assert_eq!("2".parse::<VoiceMode>().unwrap(), VoiceMode::Silent);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, XmlValue)]
#[value(name = "voicemod", expected = "`0`, `1` or `2`")]
#[cfg_attr(feature = "serde", value(serde))]
pub enum VoiceMode {
    /// `0`: no prompts, background audio.
    #[value(text = "0")]
    BackgroundOnly,
    /// `1`: all prompts.
    #[value(text = "1")]
    AllPrompts,
    /// `2`: no prompts and no background audio.
    #[value(text = "2")]
    Silent,
}
