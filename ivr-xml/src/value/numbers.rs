//! Numeric attribute values: the primitive integers, the positive integers (`NumDigits`,
//! `Timeout`), `MaxMember` and `Loop`.

use std::fmt;
use std::num::NonZeroU32;

use super::{EscapeFree, XmlValue};
use crate::describe::ValueKind;
use crate::error::ValueError;

// The primitive integers, written with `itoa` and read as XML Schema writes them (an optional
// sign, then digits): one impl each, which `rustdoc` and the compiler's errors list by name.

impl XmlValue for u8 {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    const KIND: ValueKind = ValueKind::Integer;
    const EXPECTED: &'static str = "an integer from 0 to 255";
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(*self))
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        parse_integer_value(text, Self::EXPECTED)
    }
}

impl XmlValue for u16 {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    const KIND: ValueKind = ValueKind::Integer;
    const EXPECTED: &'static str = "an integer from 0 to 65535";
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(*self))
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        parse_integer_value(text, Self::EXPECTED)
    }
}

impl XmlValue for u32 {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    const KIND: ValueKind = ValueKind::Integer;
    const EXPECTED: &'static str = "an integer from 0 to 4294967295";
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(*self))
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        parse_integer_value(text, Self::EXPECTED)
    }
}

impl XmlValue for u64 {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    const KIND: ValueKind = ValueKind::Integer;
    const EXPECTED: &'static str = "an integer from 0 to 18446744073709551615";
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(*self))
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        parse_integer_value(text, Self::EXPECTED)
    }
}

impl XmlValue for i8 {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    const KIND: ValueKind = ValueKind::Integer;
    const EXPECTED: &'static str = "an integer from -128 to 127";
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(*self))
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        parse_integer_value(text, Self::EXPECTED)
    }
}

impl XmlValue for i16 {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    const KIND: ValueKind = ValueKind::Integer;
    const EXPECTED: &'static str = "an integer from -32768 to 32767";
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(*self))
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        parse_integer_value(text, Self::EXPECTED)
    }
}

impl XmlValue for i32 {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    const KIND: ValueKind = ValueKind::Integer;
    const EXPECTED: &'static str = "an integer from -2147483648 to 2147483647";
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(*self))
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        parse_integer_value(text, Self::EXPECTED)
    }
}

impl XmlValue for i64 {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    const KIND: ValueKind = ValueKind::Integer;
    const EXPECTED: &'static str = "an integer from -9223372036854775808 to 9223372036854775807";
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(*self))
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        parse_integer_value(text, Self::EXPECTED)
    }
}

/// An integer's text as the integer, or the error saying `expected`.
fn parse_integer_value<T: std::str::FromStr>(text: &str, expected: &str) -> Result<T, ValueError> {
    parse_integer(text).ok_or_else(|| ValueError::new("integer", text, expected))
}

/// Parses a decimal integer written as XML Schema writes one: optional sign, digits, nothing else.
fn parse_integer<T: std::str::FromStr>(text: &str) -> Option<T> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// What a positive integer's errors expect.
const POSITIVE: &str = "an integer >= 1";

/// `value` as a positive integer, or the error naming `what`.
fn positive(what: &'static str, value: u32) -> Result<NonZeroU32, ValueError> {
    NonZeroU32::new(value).ok_or_else(|| ValueError::new(what, value.to_string(), POSITIVE))
}

/// `text` as a positive integer, or the error naming `what`.
fn parse_positive(what: &'static str, text: &str) -> Result<NonZeroU32, ValueError> {
    parse_integer::<u32>(text)
        .and_then(NonZeroU32::new)
        .ok_or_else(|| ValueError::new(what, text, POSITIVE))
}

/// `numdigits` of `<Get>`: how many keys to collect, at least 1 (platform default 12).
///
/// ```
/// use ivr_xml::NumDigits;
/// assert_eq!(NumDigits::new(8).unwrap().get(), 8);
/// assert!(NumDigits::new(0).is_err());
/// assert_eq!(NumDigits::try_from(4)?, NumDigits::from(std::num::NonZeroU32::MIN.saturating_add(3)));
/// assert_eq!(NumDigits::new(12)?.to_string(), "12");
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(crate::XmlValueSerde))]
pub struct NumDigits(NonZeroU32);

impl NumDigits {
    /// Makes the value, refusing 0.
    ///
    /// ```
    /// assert_eq!(ivr_xml::NumDigits::new(0).unwrap_err().to_string(), "invalid numdigits `0`: expected an integer >= 1");
    /// ```
    pub fn new(value: u32) -> Result<NumDigits, ValueError> {
        positive("numdigits", value).map(NumDigits)
    }

    /// The value.
    ///
    /// ```
    /// assert_eq!(ivr_xml::NumDigits::new(1).unwrap().get(), 1);
    /// ```
    pub fn get(self) -> u32 {
        self.0.get()
    }
}

/// A timeout in seconds, at least 1 (`<Get>`'s platform default is 20).
///
/// ```
/// use ivr_xml::Timeout;
/// assert_eq!(Timeout::new(30).unwrap().get(), 30);
/// assert!(Timeout::new(0).is_err());
/// assert_eq!(Timeout::try_from(5)?.to_string(), "5");
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(crate::XmlValueSerde))]
pub struct Timeout(NonZeroU32);

impl Timeout {
    /// Makes the value, refusing 0.
    ///
    /// ```
    /// assert_eq!(ivr_xml::Timeout::new(0).unwrap_err().to_string(), "invalid timeout `0`: expected an integer >= 1");
    /// ```
    pub fn new(value: u32) -> Result<Timeout, ValueError> {
        positive("timeout", value).map(Timeout)
    }

    /// The value.
    ///
    /// ```
    /// assert_eq!(ivr_xml::Timeout::new(20).unwrap().get(), 20);
    /// ```
    pub fn get(self) -> u32 {
        self.0.get()
    }
}

impl From<NonZeroU32> for NumDigits {
    fn from(value: NonZeroU32) -> Self {
        NumDigits(value)
    }
}

impl From<NonZeroU32> for Timeout {
    fn from(value: NonZeroU32) -> Self {
        Timeout(value)
    }
}

impl TryFrom<u32> for NumDigits {
    type Error = ValueError;
    fn try_from(value: u32) -> Result<Self, ValueError> {
        NumDigits::new(value)
    }
}

impl TryFrom<u32> for Timeout {
    type Error = ValueError;
    fn try_from(value: u32) -> Result<Self, ValueError> {
        Timeout::new(value)
    }
}

impl fmt::Display for NumDigits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for Timeout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl XmlValue for NumDigits {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    const KIND: ValueKind = ValueKind::Integer;
    const EXPECTED: &'static str = POSITIVE;
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(self.0.get()))
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        parse_positive("numdigits", text).map(NumDigits)
    }
}

impl XmlValue for Timeout {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
    const KIND: ValueKind = ValueKind::Integer;
    const EXPECTED: &'static str = POSITIVE;
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(self.0.get()))
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        parse_positive("timeout", text).map(Timeout)
    }
}

/// `maxmember` of `<CreateConf>`: the conference's maximum number of members, 3 to 300 (platform default 3).
///
/// ```
/// use ivr_xml::MaxMember;
/// assert_eq!(MaxMember::new(10).unwrap().get(), 10);
/// assert!(MaxMember::new(2).is_err());
/// assert!(MaxMember::new(301).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(crate::XmlValueSerde))]
pub struct MaxMember(u16);

impl MaxMember {
    /// The smallest value the platform accepts.
    ///
    /// ```
    /// use ivr_xml::MaxMember;
    /// assert_eq!(MaxMember::new(MaxMember::MIN.into())?.get(), 3);
    /// assert!(MaxMember::new(u32::from(MaxMember::MIN) - 1).is_err());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub const MIN: u16 = 3;
    /// The largest value the platform accepts.
    ///
    /// ```
    /// use ivr_xml::MaxMember;
    /// assert_eq!(MaxMember::new(MaxMember::MAX.into())?.get(), 300);
    /// assert!(MaxMember::new(u32::from(MaxMember::MAX) + 1).is_err());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub const MAX: u16 = 300;

    /// Makes the value, refusing anything outside 3..=300.
    ///
    /// ```
    /// use ivr_xml::MaxMember;
    /// assert_eq!(MaxMember::new(50)?.to_string(), "50");
    /// let err = MaxMember::new(1000).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid maxmember `1000`: expected an integer from 3 to 300");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
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
    ///
    /// ```
    /// use ivr_xml::MaxMember;
    /// let max: u16 = MaxMember::new(120)?.get();
    /// assert_eq!(max, 120);
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
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
    const KIND: ValueKind = ValueKind::Integer;
    const EXPECTED: &'static str = "an integer from 3 to 300";
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
#[cfg_attr(feature = "serde", derive(crate::XmlValueSerde))]
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
    ///
    /// ```
    /// use ivr_xml::Loop;
    /// assert_eq!(Loop::new(-1)?, Loop::Forever);
    /// assert_eq!(Loop::new(2)?.get(), 2);
    /// let err = Loop::new(-5).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid loop `-5`: expected an integer >= -1 (-1 = forever, 0 = never)");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
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
    ///
    /// ```
    /// use ivr_xml::Loop;
    /// assert_eq!(Loop::times(4)?.get(), 4);
    /// assert!(Loop::times(0).is_err());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn times(n: u32) -> Result<Loop, ValueError> {
        NonZeroU32::new(n)
            .map(Loop::Times)
            .ok_or_else(|| ValueError::new("loop", "0", "a count >= 1 (use Loop::Never for 0)"))
    }

    /// The platform's integer for this value.
    ///
    /// ```
    /// use ivr_xml::Loop;
    /// assert_eq!(Loop::Forever.get(), -1);
    /// assert_eq!(Loop::Never.get(), 0);
    /// assert_eq!(Loop::times(3)?.get(), 3);
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
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
    const KIND: ValueKind = ValueKind::Integer;
    const EXPECTED: &'static str = "an integer >= -1 (-1 = forever, 0 = never)";
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
