//! Typed parameter values: direction, digits, durations and user data, values like any other
//! ([`XmlValue`], which notifications also know as `ParamValue`). Ids are in [`super::ids`],
//! times in [`super::time`].

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use crate::error::ValueError;
use crate::value::{EscapeFree, Key, XmlValue};

/// `direction` of `startservice`: `0` inbound, `1` outbound. *Field evidence only* (2 apps parse
/// it as an integer with these meanings); any other value is refused.
///
/// ```
/// use ivr_xml::notify::Direction;
/// assert_eq!("1".parse::<Direction>()?, Direction::Outbound);
/// assert_eq!(Direction::Inbound.as_str(), "0");
/// assert!("2".parse::<Direction>().is_err());
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, XmlValue)]
#[value(name = "direction", expected = "`0` (inbound) or `1` (outbound)")]
#[cfg_attr(feature = "serde", value(serde))]
pub enum Direction {
    /// `0`: a caller dialled the application's IVR access number.
    #[value(text = "0")]
    Inbound,
    /// `1`: an IVR outbound call started with the REST `ivr/dial` interface.
    #[value(text = "1")]
    Outbound,
}

/// `digits`: the keys the caller pressed, as reported, possibly empty.
///
/// The report may include the finish key (spec §2.1: one application strips a trailing `#`,
/// another reads the first characters of input that ends in `#`) \[field\]. [`Digits::as_str`] is
/// the raw value; [`Digits::entered`] drops a trailing `#` (the platform's default finish key)
/// and [`Digits::without_finish_key`] any other.
///
/// ```
/// use ivr_xml::{notify::Digits, Key};
/// let digits = Digits::new("12345678#")?;
/// assert_eq!(digits.as_str(), "12345678#");
/// assert_eq!(digits.entered(), "12345678");
/// assert_eq!(Digits::new("1*")?.without_finish_key(Key::Star), "1");
/// assert_eq!(Digits::new("2")?.entered(), "2");
/// assert!(Digits::new("12a").is_err());
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(crate::XmlValueSerde))]
pub struct Digits(String);

impl Digits {
    const EXPECTED: &'static str = "keys `0`-`9`, `*` and `#` only";

    /// Makes the value, refusing anything but `0`-`9`, `*` and `#`.
    ///
    /// ```
    /// assert!(ivr_xml::notify::Digits::new("0#").is_ok());
    /// assert!(ivr_xml::notify::Digits::new("1 2").is_err());
    /// ```
    pub fn new(text: impl Into<String>) -> Result<Digits, ValueError> {
        let text = text.into();
        if Digits::valid(&text) {
            Ok(Digits(text))
        } else {
            Err(ValueError::new("digits", text, Digits::EXPECTED))
        }
    }

    fn valid(text: &str) -> bool {
        text.bytes()
            .all(|b| b.is_ascii_digit() || b == b'*' || b == b'#')
    }

    /// The keys as reported, finish key included.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Digits::new("9#").unwrap().as_str(), "9#");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether no key was reported.
    ///
    /// ```
    /// assert!(ivr_xml::notify::Digits::new("").unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keys, one by one.
    ///
    /// ```
    /// use ivr_xml::{notify::Digits, Key};
    /// assert_eq!(Digits::new("1#").unwrap().keys().collect::<Vec<_>>(), [Key::D1, Key::Hash]);
    /// ```
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        self.0.chars().filter_map(|c| Key::try_from(c).ok())
    }

    /// The keys without one trailing `finishkey` (the `<Get>`'s `finishkey`, when it set one).
    ///
    /// ```
    /// use ivr_xml::{notify::Digits, Key};
    /// assert_eq!(Digits::new("42*").unwrap().without_finish_key(Key::Star), "42");
    /// assert_eq!(Digits::new("42#").unwrap().without_finish_key(Key::Star), "42#");
    /// ```
    pub fn without_finish_key(&self, finishkey: Key) -> &str {
        self.0.strip_suffix(finishkey.as_char()).unwrap_or(&self.0)
    }

    /// The keys without one trailing `#`, the platform's default finish key.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Digits::new("0571#").unwrap().entered(), "0571");
    /// ```
    pub fn entered(&self) -> &str {
        self.without_finish_key(Key::Hash)
    }
}

impl fmt::Display for Digits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Digits {
    type Err = ValueError;
    fn from_str(text: &str) -> Result<Digits, ValueError> {
        Digits::new(text)
    }
}

impl XmlValue for Digits {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES; // `0`-`9`, `*` and `#` only
    const EXPECTED: &'static str = Digits::EXPECTED;
    const EMPTY_IS_ABSENT: bool = false;
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(&self.0)
    }
    fn parse_value(text: &str) -> Result<Digits, ValueError> {
        Digits::new(text)
    }
    fn to_param(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.0)
    }

    #[inline]
    fn from_decoded(raw: Cow<'_, str>) -> Result<Digits, (Cow<'_, str>, ValueError)> {
        if Digits::valid(&raw) {
            Ok(Digits(raw.into_owned()))
        } else {
            let err = ValueError::new("digits", &*raw, Digits::EXPECTED);
            Err((raw, err))
        }
    }
}

/// A duration in whole seconds (`callduration`, `seccallduration`). The unit is \[inferred\]: the
/// field code that reads these names calls them talk time.
///
/// ```
/// use ivr_xml::notify::Seconds;
/// let talk: Seconds = "125".parse()?;
/// assert_eq!(talk.get(), 125);
/// assert_eq!(talk.to_duration(), std::time::Duration::from_secs(125));
/// assert!("1.5".parse::<Seconds>().is_err());
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(crate::XmlValueSerde))]
pub struct Seconds(u64);

impl Seconds {
    const EXPECTED: &'static str = "a whole number of seconds";

    /// The duration of `seconds` seconds.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Seconds::new(3).get(), 3);
    /// ```
    pub const fn new(seconds: u64) -> Seconds {
        Seconds(seconds)
    }

    /// The number of seconds.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Seconds::new(60).get(), 60);
    /// ```
    pub const fn get(self) -> u64 {
        self.0
    }

    /// As a [`Duration`].
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Seconds::new(2).to_duration().as_millis(), 2000);
    /// ```
    pub const fn to_duration(self) -> Duration {
        Duration::from_secs(self.0)
    }
}

impl From<u64> for Seconds {
    fn from(seconds: u64) -> Seconds {
        Seconds(seconds)
    }
}

impl fmt::Display for Seconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for Seconds {
    type Err = ValueError;
    fn from_str(text: &str) -> Result<Seconds, ValueError> {
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ValueError::new("seconds", text, Seconds::EXPECTED));
        }
        text.parse().map(Seconds).map_err(|_| {
            ValueError::new(
                "seconds",
                text,
                format!("a whole number of seconds up to {}", u64::MAX),
            )
        })
    }
}

impl XmlValue for Seconds {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    const EXPECTED: &'static str = Seconds::EXPECTED;
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(self.0))
    }
    fn parse_value(text: &str) -> Result<Seconds, ValueError> {
        text.parse()
    }
}

/// `userdata`: the application's own data, given to REST `ivr/dial` and returned in notifications.
///
/// Opaque text, possibly empty. The docs disagree on its form: Base64 \[official\] or digits only
/// \[field\] (spec §5 #4); [`UserData::decode_base64`] helps with the first.
///
/// ```
/// use ivr_xml::notify::UserData;
/// let data = UserData::encode_base64(b"order=42");
/// assert_eq!(data.as_str(), "b3JkZXI9NDI=");
/// assert_eq!(data.decode_base64().as_deref(), Some(&b"order=42"[..]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(crate::XmlValueSerde))]
pub struct UserData(String);

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

impl UserData {
    /// The data, as text.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::UserData::new("1").as_str(), "1");
    /// ```
    pub fn new(text: impl Into<String>) -> UserData {
        UserData(text.into())
    }

    /// Base64-encodes `bytes` (standard alphabet, padded), as the REST `ivr/dial` docs ask.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::UserData::encode_base64(b"hi").as_str(), "aGk=");
    /// ```
    pub fn encode_base64(bytes: &[u8]) -> UserData {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                chunk.get(1).copied().unwrap_or(0),
                chunk.get(2).copied().unwrap_or(0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
                if i <= chunk.len() {
                    out.push(char::from(BASE64[((n >> shift) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        UserData(out)
    }

    /// The data, as received.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::UserData::new("a b").as_str(), "a b");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The data, by value.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::UserData::new("x").into_string(), "x");
    /// ```
    pub fn into_string(self) -> String {
        self.0
    }

    /// Decodes the data as Base64 (standard alphabet, padding optional), or `None` if it is not.
    ///
    /// A space is read as `+`: a Base64 value sent in a query string without percent-encoding
    /// has its `+` turned into spaces by the decoding every web framework does.
    ///
    /// ```
    /// use ivr_xml::notify::UserData;
    /// assert_eq!(UserData::new("+/8=").decode_base64(), Some(vec![0xfb, 0xff]));
    /// assert_eq!(UserData::new(" /8").decode_base64(), Some(vec![0xfb, 0xff]));
    /// assert_eq!(UserData::new("not base64!").decode_base64(), None);
    /// ```
    pub fn decode_base64(&self) -> Option<Vec<u8>> {
        let text = self.0.trim_end_matches('=').as_bytes();
        if text.len() % 4 == 1 || self.0.len() - text.len() > 2 {
            return None;
        }
        let mut out = Vec::with_capacity(text.len() * 3 / 4);
        for chunk in text.chunks(4) {
            let mut n = 0u32;
            for (i, &c) in chunk.iter().enumerate() {
                let c = if c == b' ' { b'+' } else { c };
                let value = BASE64.iter().position(|&b| b == c)?;
                n |= (value as u32) << (18 - 6 * i);
            }
            let bytes = n.to_be_bytes();
            out.extend_from_slice(&bytes[1..chunk.len()]);
        }
        Some(out)
    }
}

impl From<String> for UserData {
    fn from(text: String) -> UserData {
        UserData(text)
    }
}

impl From<&str> for UserData {
    fn from(text: &str) -> UserData {
        UserData(text.to_owned())
    }
}

impl fmt::Display for UserData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Any text, as a notification parameter and (where XML 1.0 can carry it) in a document.
impl XmlValue for UserData {
    const EXPECTED: &'static str = "text";
    const EMPTY_IS_ABSENT: bool = false;
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(&self.0)
    }
    fn parse_value(text: &str) -> Result<UserData, ValueError> {
        crate::value::check_xml_chars("userdata", text)?;
        Ok(UserData(text.to_owned()))
    }
    fn parse_param(raw: &str) -> Result<UserData, ValueError> {
        Ok(UserData(raw.to_owned()))
    }
    fn to_param(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.0)
    }

    #[inline]
    fn from_decoded(raw: Cow<'_, str>) -> Result<UserData, (Cow<'_, str>, ValueError)> {
        Ok(UserData(raw.into_owned()))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        for len in 0..20u8 {
            let bytes: Vec<u8> = (0..len)
                .map(|i| i.wrapping_mul(37).wrapping_add(200))
                .collect();
            let encoded = UserData::encode_base64(&bytes);
            assert_eq!(encoded.decode_base64(), Some(bytes.clone()), "{encoded}");
            let unpadded = UserData::new(encoded.as_str().trim_end_matches('='));
            assert_eq!(unpadded.decode_base64(), Some(bytes));
        }
        assert_eq!(UserData::new("a===").decode_base64(), None);
        assert_eq!(UserData::new("a").decode_base64(), None);
    }
}
