//! Typed attribute and text values: how each is written and parsed, and the checks made when one is made.

use std::fmt;

use crate::error::ValueError;

mod numbers;
mod sets;

pub use numbers::{Loop, MaxMember, NumDigits, Timeout};
pub use sets::{Key, Method, VoiceMode};

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
    ///
    /// ```
    /// use ivr_xml::{EscapeFree, Text, XmlValue};
    /// assert!(!EscapeFree::NO.get());
    /// assert_eq!(<String as XmlValue>::ESCAPE_FREE, EscapeFree::NO);
    /// assert_eq!(Text::ESCAPE_FREE, EscapeFree::NO);
    /// ```
    pub const NO: EscapeFree = EscapeFree(false);

    /// The text never needs escaping: for the crate's own value types only.
    pub(crate) const YES: EscapeFree = EscapeFree(true);

    /// [`EscapeFree::YES`] when every one of `texts` is escape-free (a closed set's names).
    #[doc(hidden)]
    pub const fn of_all(texts: &[&str]) -> EscapeFree {
        EscapeFree(all_escape_free(texts))
    }

    /// Whether the text is copied without the escape scan.
    ///
    /// ```
    /// use ivr_xml::{Loop, Text, XmlValue};
    /// assert!(Loop::ESCAPE_FREE.get());
    /// assert!(!Text::ESCAPE_FREE.get());
    /// ```
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
///
/// ```
/// use ivr_xml::is_xml_char;
/// assert!(is_xml_char('a') && is_xml_char('\n') && is_xml_char('容'));
/// assert!(!is_xml_char('\u{0}'));
/// assert!(!is_xml_char('\u{1B}'));
/// assert!(!is_xml_char('\u{FFFE}'));
/// ```
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
    ///
    /// ```
    /// use ivr_xml::RelUrl;
    /// let url = RelUrl::new("ivr/menu?lang=zh")?.with_query([("next", "a b"), ("key", "#")])?;
    /// assert_eq!(url.as_str(), "ivr/menu?lang=zh&next=a%20b&key=%23");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
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
