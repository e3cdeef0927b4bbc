//! Typed attribute and text values: how each is written and parsed, and the checks made when one is made.

use std::borrow::Cow;

use crate::describe::ValueKind;
use crate::error::ValueError;

mod numbers;
mod sets;

pub use numbers::{Loop, MaxMember, NumDigits, Timeout};
pub use sets::{Key, Method, VoiceMode};

/// Derives [`XmlValue`](trait@XmlValue), the one value trait of attributes, text content and
/// notification parameters, for the two shapes of value: a closed set of values, and checked
/// text.
///
/// A **closed set** is a fieldless enum whose variants each have their text.
/// `#[value(name = "...", expected = "...")]` names the value and what a valid one looks like,
/// for errors. Generated besides: `ALL` (every value, in order), `as_str`, `Display` and
/// `FromStr`.
///
/// ```
/// use ivr_xml::{XmlValue, ValueError};
///
/// #[derive(Debug, Clone, Copy, PartialEq, XmlValue)]
/// #[value(name = "mode", expected = "`in` or `out`")]
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
///
/// **Checked text** is a newtype `struct Name(String)` with `#[value(check = path)]`: the
/// function that refuses bad text, called with the name, the expected text and the text (or
/// `#[value(xml_chars)]`: refuses only characters XML 1.0 cannot carry, as [`Text`] does).
/// Generated: `new` (which checks), `as_str`, `into_string`, `Display`, `AsRef<str>`, `FromStr`,
/// `TryFrom<&str>`, `TryFrom<String>` and `PartialEq` with `str` and `&str`; [`Text`],
/// [`RelUrl`] and the notification ids ([`AppId`](crate::notify::AppId), ...) are made so.
///
/// ```
/// use ivr_xml::{ValueError, XmlValue};
///
/// fn no_spaces(name: &'static str, expected: &'static str, text: &str) -> Result<(), ValueError> {
///     match text.contains(' ') {
///         true => Err(ValueError::new(name, text, expected)),
///         false => Ok(()),
///     }
/// }
///
/// #[derive(Debug, Clone, PartialEq, XmlValue)]
/// #[value(name = "agent", expected = "an agent id without spaces", check = no_spaces)]
/// struct AgentId(String);
///
/// let agent = AgentId::new("a7")?;
/// assert_eq!((agent.as_str(), agent.to_string()), ("a7", "a7".to_owned()));
/// assert_eq!(agent, "a7");
/// assert_eq!("a 7".parse::<AgentId>().unwrap_err().to_string(), "invalid agent `a 7`: expected an agent id without spaces");
/// let params = ivr_xml::notify::Params::from_query("agent=a7").unwrap();
/// assert_eq!(params.required::<AgentId>("agent").unwrap(), agent);
/// # Ok::<(), ValueError>(())
/// ```
///
/// With the feature `serde`, `#[value(serde)]` (usually
/// `#[cfg_attr(feature = "serde", value(serde))]`) also derives `Serialize` and `Deserialize`:
/// the value is its text, read back through the same check, and a number or a boolean is read
/// as its text (as `#[derive(XmlValueSerde)]` does for a hand-written impl).
#[cfg_attr(
    feature = "serde",
    doc = r##"
```
use ivr_xml::XmlValue;

#[derive(Debug, Clone, Copy, PartialEq, XmlValue)]
#[value(name = "mode", expected = "`0` or `1`", serde)]
enum Mode {
    #[value(text = "0")]
    Off,
    #[value(text = "1")]
    On,
}

assert_eq!(serde_json::to_string(&Mode::On)?, r#""1""#);
assert_eq!(serde_json::from_str::<Mode>("1")?, Mode::On);
assert_eq!(
    serde_json::from_str::<Mode>(r#""2""#).unwrap_err().to_string(),
    "invalid mode `2`: expected `0` or `1`"
);
# Ok::<(), serde_json::Error>(())
```
"##
)]
pub use ivr_xml_derive::XmlValue;

/// Derives `Serialize` and `Deserialize` (feature `serde`) for a type with a hand-written
/// [`XmlValue`](trait@XmlValue) impl, as `#[value(serde)]` does for a derived one: the value
/// serializes as its text ([`XmlValue::with_str`]) and deserializes through
/// [`XmlValue::parse_param`], with its error text; a number or a boolean is read as its text and
/// `null` is refused. How the crate's numbers, [`notify::Digits`](crate::notify::Digits) and
/// [`notify::Timestamp`](crate::notify::Timestamp) get theirs. It takes no options.
///
/// ```
/// use ivr_xml::{ValueError, XmlValue, XmlValueSerde};
///
/// #[derive(Debug, PartialEq, XmlValueSerde)]
/// struct Percent(u8);
///
/// impl XmlValue for Percent {
///     const EXPECTED: &'static str = "an integer from 0 to 100";
///     fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
///         f(&self.0.to_string())
///     }
///     fn parse_value(text: &str) -> Result<Percent, ValueError> {
///         match text.parse::<u8>() {
///             Ok(n) if n <= 100 => Ok(Percent(n)),
///             _ => Err(ValueError::new("percent", text, Self::EXPECTED)),
///         }
///     }
/// }
///
/// assert_eq!(serde_json::to_string(&Percent(42))?, r#""42""#);
/// assert_eq!(serde_json::from_str::<Percent>("42")?, Percent(42));
/// assert_eq!(serde_json::from_str::<Percent>(r#""42""#)?, Percent(42));
/// assert_eq!(
///     serde_json::from_str::<Percent>("420").unwrap_err().to_string(),
///     "invalid percent `420`: expected an integer from 0 to 100"
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub use ivr_xml_derive::XmlValueSerde;

/// A value that can stand in an attribute, as text content, or as a notification parameter: the
/// one value trait of the crate.
///
/// Implemented by the library's value types (attribute values, notification ids, digits,
/// times, ...), the integers, `bool` and `String`; implement it (or
/// [derive it](derive@XmlValue)) for your own types to use them in fields of a
/// [`Xml`](crate::Xml) derive or of a [`Message`](crate::notify::Message), or to read them with
/// [`Params::required`](crate::notify::Params::required). [`notify::ParamValue`] is this trait,
/// under the name it had when notifications had a trait of their own.
///
/// [`notify::ParamValue`]: crate::notify::ParamValue
///
/// ```
/// use ivr_xml::{notify::Params, ValueError, XmlValue};
///
/// #[derive(Debug, PartialEq)]
/// struct Percent(u8);
///
/// impl XmlValue for Percent {
///     const EXPECTED: &'static str = "an integer from 0 to 100";
///     fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
///         f(&self.0.to_string())
///     }
///     fn parse_value(text: &str) -> Result<Self, ValueError> {
///         match text.parse::<u8>() {
///             Ok(n) if n <= 100 => Ok(Percent(n)),
///             _ => Err(ValueError::new("percent", text, Self::EXPECTED)),
///         }
///     }
/// }
/// assert_eq!(Percent::parse_value("42"), Ok(Percent(42)));
/// assert!(Percent::parse_value("420").is_err());
/// // The same type is a notification parameter.
/// let params = Params::from_query("volume=42").unwrap();
/// assert_eq!(params.required::<Percent>("volume").unwrap(), Percent(42));
/// assert_eq!(
///     params.required::<Percent>("gain").unwrap_err().to_string(),
///     "missing parameter `gain`: expected an integer from 0 to 100"
/// );
/// ```
pub trait XmlValue: Sized {
    /// Calls `f` with the value's text, unescaped (the writer escapes it; a notification
    /// percent-encodes it).
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R;
    /// Parses the value from its unescaped text.
    fn parse_value(text: &str) -> Result<Self, ValueError>;

    /// [`XmlValue::parse_value`] of a text the XML parser read, which has already refused
    /// every character XML 1.0 cannot carry (so the text holds none): a type whose check is
    /// that one (`String`, [`Text`], [`RelUrl`]: `#[value(xml_chars)]`) does not repeat it, and
    /// an owned text is kept without a copy. Same result as `parse_value` for such a text; the
    /// default is `parse_value`.
    ///
    /// ```
    /// use ivr_xml::{Text, Timeout, XmlValue};
    /// assert_eq!(Text::parse_xml_text("a.wav".into())?, Text::parse_value("a.wav")?);
    /// assert_eq!(Timeout::parse_xml_text("30".into())?, Timeout::parse_value("30")?);
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    #[doc(hidden)]
    #[inline]
    fn parse_xml_text(text: Cow<'_, str>) -> Result<Self, ValueError> {
        Self::parse_value(&text)
    }

    /// Calls `f` with the value's text in pieces, for the writer of text content: by default
    /// [`XmlValue::with_str`]'s text as one piece. A value joined from parts (the `;`-separated
    /// items of a `<PlayMix>`) gives its parts one by one rather than joining them first. A
    /// `]]>` must not be split across pieces.
    #[doc(hidden)]
    #[inline(always)]
    fn with_pieces<E>(&self, mut f: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
        self.with_str(|text| f(text))
    }

    /// Whether the writer may copy the value's text without looking for characters to escape.
    ///
    /// Only ivr-xml's own numbers, booleans and closed sets of names can say yes
    /// ([`EscapeFree::NO`] is the only value outside the crate), so no value can be written
    /// unescaped by mistake.
    const ESCAPE_FREE: EscapeFree = EscapeFree::NO;

    /// The kind of value, for the type's [description](crate::describe): the validator checks
    /// every [`Url`](ValueKind::Url) attribute as a URL. Any text unless said otherwise.
    const KIND: ValueKind = ValueKind::Text;

    /// What a valid value looks like, for the error about a missing notification parameter.
    const EXPECTED: &'static str = "a valid value";

    /// Whether an empty value of an optional notification parameter means "absent" (the
    /// default: an empty `errorcode=` is no error code). `false` for text, where empty is a
    /// value.
    const EMPTY_IS_ABSENT: bool = true;

    /// Reads the value from a notification parameter's percent-decoded text; the error says
    /// what was expected. The default is [`XmlValue::parse_value`]; `String` differs: a
    /// parameter may hold any text, an XML document only what XML 1.0 can carry.
    fn parse_param(raw: &str) -> Result<Self, ValueError> {
        Self::parse_value(raw)
    }

    /// The value's text as a notification parameter: [`XmlValue::with_str`]'s, owned.
    fn to_param(&self) -> Cow<'_, str> {
        self.with_str(|text| Cow::Owned(text.to_owned()))
    }

    /// [`XmlValue::parse_param`] from text that may already be owned: the one-pass readers
    /// give a value decoded from escapes as a `String`, which a type keeping its text takes
    /// without copying. Same result as `parse_param`; on error the text is handed back for the
    /// error message. The default borrows the text for `parse_param`.
    #[doc(hidden)]
    #[inline]
    fn from_decoded(raw: Cow<'_, str>) -> Result<Self, (Cow<'_, str>, ValueError)> {
        match Self::parse_param(&raw) {
            Ok(value) => Ok(value),
            Err(err) => Err((raw, err)),
        }
    }
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
    let bytes = text.as_bytes();
    // A short text (most values) is cleared eight bytes at a time first: the fold's vector
    // loop costs more to enter and leave than such a text's whole scan.
    if bytes.len() < 64 && !short_text_suspect(bytes) {
        return None;
    }
    // A fold without early exit, which the compiler vectorizes: only control bytes and `EF`
    // (which starts U+FFFE and U+FFFF) need the closer look.
    let suspect = bytes.iter().fold(false, |suspect, &b| {
        suspect | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0xEF)
    });
    if !suspect {
        None
    } else {
        text.chars().find(|&c| !is_xml_char(c))
    }
}

/// Whether `bytes` hold a byte below `0x20` (tab, LF and CR included: the caller's exact scan
/// clears them) or an `EF`, eight at a time.
fn short_text_suspect(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Some byte of `x` is below `n` (n <= 0x80), or is zero: the usual SWAR tests.
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH != 0;
    let mut chunks = bytes.chunks_exact(8);
    let mut suspect = false;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        suspect |= below(x, 0x20) | below(x ^ (ONES * 0xEF), 1);
    }
    suspect
        | chunks
            .remainder()
            .iter()
            .fold(false, |suspect, &b| suspect | (b < 0x20) | (b == 0xEF))
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

/// The check of `#[value(xml_chars)]` ([`Text`], [`RelUrl`]): characters XML 1.0 can carry,
/// which the parser proves of every text it reads ([`XmlValue::parse_xml_text`] skips it).
///
/// ```
/// use ivr_xml::__private::check_xml_text;
/// assert!(check_xml_text("text", "text", "欢迎.wav").is_ok());
/// assert!(check_xml_text("text", "text", "bell\u{7}").is_err());
/// ```
pub fn check_xml_text(
    what: &'static str,
    _expected: &'static str,
    text: &str,
) -> Result<(), ValueError> {
    check_xml_chars(what, text)
}

/// Text that XML 1.0 can carry: file names, text to speak, tags, conference ids.
///
/// Any string is accepted except one holding a character XML 1.0 cannot carry
/// (most control characters, U+FFFE, U+FFFF). Whitespace is kept as given.
///
/// ```
/// use ivr_xml::Text;
/// let text = Text::new("欢迎.wav")?;
/// assert_eq!(text.as_str(), "欢迎.wav");
/// assert_eq!(text, "欢迎.wav");
/// assert_eq!(Text::try_from(" a ")?.trimmed(), "a");
/// assert_eq!(text.into_string(), "欢迎.wav");
/// assert!(Text::new("bell\u{7}").is_err());
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, XmlValue)]
#[value(name = "text", expected = "text XML 1.0 can carry", xml_chars)]
#[cfg_attr(feature = "serde", value(serde))]
pub struct Text(String);

impl Text {
    /// The text with leading and trailing whitespace removed.
    ///
    /// ```
    /// assert_eq!(ivr_xml::Text::new(" 1 ")?.trimmed(), "1");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn trimmed(&self) -> &str {
        self.0.trim()
    }
}

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
/// assert_eq!(RelUrl::new(" next ")?.trimmed(), "next");
/// assert!(RelUrl::new("a\u{0}").is_err());
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, XmlValue)]
#[value(
    name = "relative URL",
    expected = "a relative URL XML 1.0 can carry",
    xml_chars,
    url
)]
#[cfg_attr(feature = "serde", value(serde))]
pub struct RelUrl(String);

impl RelUrl {
    /// The text with leading and trailing whitespace removed.
    ///
    /// ```
    /// assert_eq!(ivr_xml::RelUrl::new(" a ")?.trimmed(), "a");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn trimmed(&self) -> &str {
        self.0.trim()
    }

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
    const KIND: ValueKind = ValueKind::Boolean;
    const EXPECTED: &'static str = "`true` or `false`";
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

/// Any text as a notification parameter (empty is a value), text XML 1.0 can carry in a
/// document.
impl XmlValue for String {
    const EXPECTED: &'static str = "text";
    const EMPTY_IS_ABSENT: bool = false;
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(self)
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        check_xml_chars("text", text)?;
        Ok(text.to_owned())
    }
    /// The parser has refused what `parse_value` checks.
    #[inline]
    fn parse_xml_text(text: Cow<'_, str>) -> Result<String, ValueError> {
        Ok(text.into_owned())
    }
    fn parse_param(raw: &str) -> Result<String, ValueError> {
        Ok(raw.to_owned())
    }
    fn to_param(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
    #[inline]
    fn from_decoded(raw: Cow<'_, str>) -> Result<String, (Cow<'_, str>, ValueError)> {
        Ok(raw.into_owned())
    }
}
