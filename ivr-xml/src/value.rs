//! Typed attribute and text values: how each is written and parsed, and the checks made when one is made.

use std::fmt;
use std::num::NonZeroU32;

use crate::error::ValueError;

/// Derives [`XmlValue`](trait@XmlValue) for a closed set of values: a fieldless enum whose
/// variants each have their text. `#[value(name = "...", expected = "...")]` names the value and
/// what a valid one looks like, for errors; `#[value(param)]` also derives
/// [`ParamValue`](crate::notify::ParamValue), so the type is a notification parameter as well
/// (`#[value(param_only)]`: a notification parameter only, like
/// [`Direction`](crate::notify::Direction)).
/// Generated besides: `ALL` (every value, in order), `as_str`, `Display` and `FromStr`.
///
/// ```
/// use ivr_xml::{XmlValue, ValueError};
///
/// #[derive(Debug, Clone, Copy, PartialEq, XmlValue)]
/// #[value(name = "mode", expected = "`in` or `out`", param)]
/// enum Mode {
///     #[value(text = "in")]
///     In,
///     #[value(text = "out")]
///     Out,
/// }
///
/// assert_eq!(Mode::parse_value("out")?, Mode::Out);
/// assert_eq!(Mode::In.to_string(), "in");
/// assert_eq!(Mode::ALL, [Mode::In, Mode::Out]);
/// assert!(Mode::ESCAPE_FREE.get());
/// assert_eq!(
///     "sideways".parse::<Mode>().unwrap_err().to_string(),
///     "invalid mode `sideways`: expected `in` or `out`"
/// );
/// let params = ivr_xml::notify::Params::from_query("mode=in").unwrap();
/// assert_eq!(params.required::<Mode>("mode").unwrap(), Mode::In);
/// # Ok::<(), ValueError>(())
/// ```
pub use ivr_xml_derive::XmlValue;

/// A value that can stand in an attribute or as text content.
///
/// Implemented by the library's value types, the integers and `bool`; implement it for your own
/// types to use them in fields of a [`Xml`](crate::Xml) derive.
///
/// ```
/// use ivr_xml::{ValueError, XmlValue};
///
/// #[derive(Debug, PartialEq)]
/// struct Percent(u8);
///
/// impl XmlValue for Percent {
///     fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
///         f(&self.0.to_string())
///     }
///     fn parse_value(text: &str) -> Result<Self, ValueError> {
///         match text.parse::<u8>() {
///             Ok(n) if n <= 100 => Ok(Percent(n)),
///             _ => Err(ValueError::new("percent", text, "an integer from 0 to 100")),
///         }
///     }
/// }
/// assert_eq!(Percent::parse_value("42"), Ok(Percent(42)));
/// assert!(Percent::parse_value("420").is_err());
/// ```
pub trait XmlValue: Sized {
    /// Calls `f` with the value's text, unescaped (the writer escapes it).
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R;
    /// Parses the value from its unescaped text.
    fn parse_value(text: &str) -> Result<Self, ValueError>;

    /// Whether the writer may copy the value's text without looking for characters to escape.
    ///
    /// Only ivr-xml's own numbers, booleans and closed sets of names can say yes
    /// ([`EscapeFree::NO`] is the only value outside the crate), so no value can be written
    /// unescaped by mistake.
    const ESCAPE_FREE: EscapeFree = EscapeFree::NO;
}

/// Whether an [`XmlValue`]'s text never holds a character the writer escapes (`&`, `<`, `>`,
/// `'`, `"`, tab, line feed, carriage return), so that it is copied as it is.
///
/// ```
/// use ivr_xml::{EscapeFree, Text, Timeout, XmlValue};
/// assert!(Timeout::ESCAPE_FREE.get());
/// assert!(!Text::ESCAPE_FREE.get());
/// assert_eq!(Text::ESCAPE_FREE, EscapeFree::NO);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EscapeFree(bool);

impl EscapeFree {
    /// The text may need escaping: the writer scans it (the default, always correct).
    pub const NO: EscapeFree = EscapeFree(false);

    /// The text never needs escaping: for the crate's own value types only.
    pub(crate) const YES: EscapeFree = EscapeFree(true);

    /// [`EscapeFree::YES`] when every one of `texts` is escape-free (a closed set's names).
    #[doc(hidden)]
    pub const fn of_all(texts: &[&str]) -> EscapeFree {
        EscapeFree(all_escape_free(texts))
    }

    /// Whether the text is copied without the escape scan.
    pub const fn get(self) -> bool {
        self.0
    }
}

/// Whether `text` holds none of the characters the writer escapes in any context.
pub(crate) const fn is_escape_free(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if matches!(
            bytes[i],
            b'&' | b'<' | b'>' | b'\'' | b'"' | b'\t' | b'\n' | b'\r'
        ) {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether every one of `texts` is [escape-free](is_escape_free).
pub(crate) const fn all_escape_free(texts: &[&str]) -> bool {
    let mut i = 0;
    while i < texts.len() {
        if !is_escape_free(texts[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `c` is a character XML 1.0 can carry (production `Char`).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Whether `name` matches XML 1.0's `Name` production (§2.3): a letter, `_` or `:` (or a
/// character of the other `NameStartChar` ranges) first, then also digits, `-`, `.`, U+00B7 and
/// combining marks.
pub(crate) fn is_xml_name(name: &str) -> bool {
    fn is_start(c: char) -> bool {
        matches!(c, ':' | 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
            | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
            | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
            | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
            | '\u{10000}'..='\u{EFFFF}')
    }
    // Nearly every name is ASCII: checked byte by byte, without decoding characters.
    if name.is_ascii() {
        let bytes = name.as_bytes();
        return bytes
            .first()
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_' || b == b':')
            && bytes
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'-' | b'.'));
    }
    let mut chars = name.chars();
    chars.next().is_some_and(is_start)
        && chars.all(|c| {
            is_start(c)
                || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
        })
}

/// The first character of `text` XML 1.0 cannot carry. In a `str` only control characters and
/// U+FFFE, U+FFFF (`EF BF BE`, `EF BF BF`) can be such, so a byte scan clears nearly all text.
pub(crate) fn first_non_xml_char(text: &str) -> Option<char> {
    // A fold without early exit, which the compiler vectorizes: only control bytes and `EF`
    // (which starts U+FFFE and U+FFFF) need the closer look.
    let suspect = text.as_bytes().iter().fold(false, |suspect, &b| {
        suspect | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0xEF)
    });
    if !suspect {
        None
    } else {
        text.chars().find(|&c| !is_xml_char(c))
    }
}

/// Checks that every character of `text` can be carried by XML 1.0.
pub(crate) fn check_xml_chars(what: &'static str, text: &str) -> Result<(), ValueError> {
    match first_non_xml_char(text) {
        None => Ok(()),
        Some(c) => Err(ValueError::new(
            what,
            text,
            format!(
                "characters XML 1.0 can carry (U+{:04X} cannot be written in XML)",
                u32::from(c)
            ),
        )),
    }
}

macro_rules! string_newtype {
    ($(#[$meta:meta])* $name:ident, $what:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(String);

        impl $name {
            /// Makes the value, refusing characters XML 1.0 cannot carry.
            pub fn new(text: impl Into<String>) -> Result<Self, ValueError> {
                let text = text.into();
                check_xml_chars($what, &text)?;
                Ok($name(text))
            }

            /// The text, as given.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The text with leading and trailing whitespace removed.
            pub fn trimmed(&self) -> &str {
                self.0.trim()
            }

            /// The text, as given.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<&str> for $name {
            type Error = ValueError;
            fn try_from(text: &str) -> Result<Self, ValueError> {
                $name::new(text)
            }
        }

        impl TryFrom<String> for $name {
            type Error = ValueError;
            fn try_from(text: String) -> Result<Self, ValueError> {
                $name::new(text)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl XmlValue for $name {
            #[inline]
            fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
                f(&self.0)
            }
            fn parse_value(text: &str) -> Result<Self, ValueError> {
                $name::new(text)
            }
        }
    };
}

string_newtype!(
    /// Text that XML 1.0 can carry: file names, text to speak, tags, conference ids.
    ///
    /// Any string is accepted except one holding a character XML 1.0 cannot carry
    /// (most control characters, U+FFFE, U+FFFF). Whitespace is kept as given.
    ///
    /// ```
    /// use ivr_xml::Text;
    /// assert_eq!(Text::new("欢迎.wav").unwrap().as_str(), "欢迎.wav");
    /// assert!(Text::new("bell\u{7}").is_err());
    /// ```
    Text,
    "text"
);

string_newtype!(
    /// A relative URL as the platform takes it in `action`, the `*url` attributes and `<Redirect>`:
    /// an opaque string, never resolved or rewritten.
    ///
    /// The platform appends it to the application's notification URL. Absolute URLs and a leading
    /// `/` are passed through unchanged; the docs do not say what the platform makes of them.
    ///
    /// ```
    /// use ivr_xml::RelUrl;
    /// let url = RelUrl::new("dtmfreport").unwrap().with_query([("menu", "main#2")]).unwrap();
    /// assert_eq!(url.as_str(), "dtmfreport?menu=main%232");
    /// ```
    RelUrl,
    "relative URL"
);

impl RelUrl {
    /// Appends query parameters, percent-encoding each key and value (`?` or `&` as needed).
    ///
    /// The XML escaping of the `&` between parameters is the writer's job, not this one's.
    pub fn with_query<'a>(
        self,
        params: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<RelUrl, ValueError> {
        let mut url = self.0;
        let mut separator = if url.contains('?') { '&' } else { '?' };
        for (key, value) in params {
            url.push(separator);
            percent_encode_into(&mut url, key);
            url.push('=');
            percent_encode_into(&mut url, value);
            separator = '&';
        }
        RelUrl::new(url)
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub(crate) fn percent_encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
}

impl XmlValue for bool {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(if *self { "true" } else { "false" })
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        match text {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(ValueError::new("boolean", text, "`true` or `false`")),
        }
    }
}

impl XmlValue for String {
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(self)
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        check_xml_chars("text", text)?;
        Ok(text.to_owned())
    }
}

macro_rules! integer_value {
    ($($ty:ty),*) => {$(
        impl XmlValue for $ty {
            const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
            #[inline]
            fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
                f(itoa::Buffer::new().format(*self))
            }
            fn parse_value(text: &str) -> Result<Self, ValueError> {
                parse_integer(text).ok_or_else(|| {
                    ValueError::new(
                        "integer",
                        text,
                        format!("an integer from {} to {}", <$ty>::MIN, <$ty>::MAX),
                    )
                })
            }
        }
    )*};
}

integer_value!(u8, u16, u32, u64, i8, i16, i32, i64);

/// Parses a decimal integer written as XML Schema writes one: optional sign, digits, nothing else.
fn parse_integer<T: std::str::FromStr>(text: &str) -> Option<T> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

macro_rules! positive_integer {
    ($(#[$meta:meta])* $name:ident, $what:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(NonZeroU32);

        impl $name {
            /// Makes the value, refusing 0.
            pub fn new(value: u32) -> Result<Self, ValueError> {
                NonZeroU32::new(value)
                    .map($name)
                    .ok_or_else(|| ValueError::new($what, value.to_string(), "an integer >= 1"))
            }

            /// The value.
            pub fn get(self) -> u32 {
                self.0.get()
            }
        }

        impl From<NonZeroU32> for $name {
            fn from(value: NonZeroU32) -> Self {
                $name(value)
            }
        }

        impl TryFrom<u32> for $name {
            type Error = ValueError;
            fn try_from(value: u32) -> Result<Self, ValueError> {
                $name::new(value)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl XmlValue for $name {
            const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
            #[inline]
            fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
                f(itoa::Buffer::new().format(self.0.get()))
            }
            fn parse_value(text: &str) -> Result<Self, ValueError> {
                match parse_integer::<u32>(text) {
                    Some(value) => $name::new(value).map_err(|_| ValueError::new($what, text, "an integer >= 1")),
                    None => Err(ValueError::new($what, text, "an integer >= 1")),
                }
            }
        }
    };
}

positive_integer!(
    /// `numdigits` of `<Get>`: how many keys to collect, at least 1 (platform default 12).
    ///
    /// ```
    /// use ivr_xml::NumDigits;
    /// assert_eq!(NumDigits::new(8).unwrap().get(), 8);
    /// assert!(NumDigits::new(0).is_err());
    /// ```
    NumDigits,
    "numdigits"
);

positive_integer!(
    /// A timeout in seconds, at least 1 (`<Get>`'s platform default is 20).
    ///
    /// ```
    /// use ivr_xml::Timeout;
    /// assert_eq!(Timeout::new(30).unwrap().get(), 30);
    /// assert!(Timeout::new(0).is_err());
    /// ```
    Timeout,
    "timeout"
);

/// `maxmember` of `<CreateConf>`: the conference's maximum number of members, 3 to 300 (platform default 3).
///
/// ```
/// use ivr_xml::MaxMember;
/// assert_eq!(MaxMember::new(10).unwrap().get(), 10);
/// assert!(MaxMember::new(2).is_err());
/// assert!(MaxMember::new(301).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MaxMember(u16);

impl MaxMember {
    /// The smallest value the platform accepts.
    pub const MIN: u16 = 3;
    /// The largest value the platform accepts.
    pub const MAX: u16 = 300;

    /// Makes the value, refusing anything outside 3..=300.
    pub fn new(value: u32) -> Result<MaxMember, ValueError> {
        match u16::try_from(value) {
            Ok(n) if (Self::MIN..=Self::MAX).contains(&n) => Ok(MaxMember(n)),
            _ => Err(ValueError::new(
                "maxmember",
                value.to_string(),
                "an integer from 3 to 300",
            )),
        }
    }

    /// The value.
    pub fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u32> for MaxMember {
    type Error = ValueError;
    fn try_from(value: u32) -> Result<Self, ValueError> {
        MaxMember::new(value)
    }
}

impl fmt::Display for MaxMember {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl XmlValue for MaxMember {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(self.0))
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        parse_integer::<u32>(text)
            .and_then(|n| MaxMember::new(n).ok())
            .ok_or_else(|| ValueError::new("maxmember", text, "an integer from 3 to 300"))
    }
}

/// `loop` of `<Play>` and `<PlayTTS>`: how many times to play (platform default once).
///
/// ```
/// use ivr_xml::Loop;
/// assert_eq!(Loop::new(-1).unwrap(), Loop::Forever);
/// assert_eq!(Loop::new(0).unwrap(), Loop::Never);
/// assert_eq!(Loop::new(3).unwrap(), Loop::times(3).unwrap());
/// assert!(Loop::new(-2).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Loop {
    /// `0`: do not play.
    Never,
    /// `-1`: play until interrupted (inside `<Get>`, until a key or the timeout).
    Forever,
    /// Play this many times.
    Times(NonZeroU32),
}

impl Loop {
    /// Makes the value from the platform's integer: `-1` forever, `0` never, `n` times; refuses < -1.
    pub fn new(value: i64) -> Result<Loop, ValueError> {
        match value {
            -1 => Ok(Loop::Forever),
            0 => Ok(Loop::Never),
            n => u32::try_from(n)
                .ok()
                .and_then(NonZeroU32::new)
                .map(Loop::Times)
                .ok_or_else(|| {
                    ValueError::new(
                        "loop",
                        n.to_string(),
                        "an integer >= -1 (-1 = forever, 0 = never)",
                    )
                }),
        }
    }

    /// Play `n` times; refuses 0 (use [`Loop::Never`]).
    pub fn times(n: u32) -> Result<Loop, ValueError> {
        NonZeroU32::new(n)
            .map(Loop::Times)
            .ok_or_else(|| ValueError::new("loop", "0", "a count >= 1 (use Loop::Never for 0)"))
    }

    /// The platform's integer for this value.
    pub fn get(self) -> i64 {
        match self {
            Loop::Never => 0,
            Loop::Forever => -1,
            Loop::Times(n) => i64::from(n.get()),
        }
    }
}

impl XmlValue for Loop {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(self.get()))
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        parse_integer::<i64>(text)
            .and_then(|n| Loop::new(n).ok())
            .ok_or_else(|| {
                ValueError::new("loop", text, "an integer >= -1 (-1 = forever, 0 = never)")
            })
    }
}

/// Declares a closed set of attribute values as an enum with its text forms.
macro_rules! closed_set {
    ($(#[$meta:meta])* $name:ident, $what:literal, $expected:literal, { $($(#[$vmeta:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),*
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The value's text as the platform writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),*
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::ValueError;
            fn from_str(text: &str) -> Result<Self, $crate::ValueError> {
                match text {
                    $($text => Ok($name::$variant),)*
                    _ => Err($crate::ValueError::new($what, text, $expected)),
                }
            }
        }

        impl $crate::XmlValue for $name {
            const ESCAPE_FREE: $crate::EscapeFree = $crate::EscapeFree::of_all(&[$($text),*]);
            #[inline]
            fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
                f(self.as_str())
            }
            fn parse_value(text: &str) -> Result<Self, $crate::ValueError> {
                text.parse()
            }
        }
    };
}

pub(crate) use closed_set;

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
