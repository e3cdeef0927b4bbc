//! Numeric attribute values: the primitive integers, the positive integers (`NumDigits`,
//! `Timeout`), `MaxMember` and `Loop`.

use std::fmt;
use std::num::NonZeroU32;

use super::{EscapeFree, XmlValue};
use crate::describe::ValueKind;
use crate::error::ValueError;

/// The [`XmlValue`] impls of the primitive integers, written with `itoa` and read as XML Schema
/// writes them (an optional sign, then digits), from one body. The macro writes one impl per type,
/// so that `rustdoc` and the compiler's errors list each by name: a blanket impl over a private
/// trait would make rustc name that trait in users' error messages.
macro_rules! integer_values {
    ($($int:ty => $expected:literal,)*) => {$(
        impl XmlValue for $int {
            const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
            const KIND: ValueKind = ValueKind::Integer;
            const EXPECTED: &'static str = $expected;
            #[inline]
            fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
                f(itoa::Buffer::new().format(*self))
            }
            fn parse_value(text: &str) -> Result<Self, ValueError> {
                parse_integer_value(text, Self::EXPECTED)
            }
        }
    )*};
}

// Each range is checked against the type's `MIN` and `MAX` by the tests below.
integer_values! {
    u8 => "an integer from 0 to 255",
    u16 => "an integer from 0 to 65535",
    u32 => "an integer from 0 to 4294967295",
    u64 => "an integer from 0 to 18446744073709551615",
    i8 => "an integer from -128 to 127",
    i16 => "an integer from -32768 to 32767",
    i32 => "an integer from -2147483648 to 2147483647",
    i64 => "an integer from -9223372036854775808 to 9223372036854775807",
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

/// The trait impls of a positive integer newtype (`NonZeroU32` inside), from one body:
/// `From<NonZeroU32>`, `TryFrom<u32>` (its `new`), `Display` and [`XmlValue`], whose errors name
/// the attribute `$what`.
macro_rules! positive_values {
    ($($newtype:ident => $what:literal,)*) => {$(
        impl From<NonZeroU32> for $newtype {
            fn from(value: NonZeroU32) -> Self {
                $newtype(value)
            }
        }

        impl TryFrom<u32> for $newtype {
            type Error = ValueError;
            fn try_from(value: u32) -> Result<Self, ValueError> {
                $newtype::new(value)
            }
        }

        impl fmt::Display for $newtype {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl XmlValue for $newtype {
            const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
            const KIND: ValueKind = ValueKind::Integer;
            const EXPECTED: &'static str = POSITIVE;
            #[inline]
            fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
                f(itoa::Buffer::new().format(self.0.get()))
            }
            fn parse_value(text: &str) -> Result<Self, ValueError> {
                parse_positive($what, text).map($newtype)
            }
        }
    )*};
}

positive_values! {
    NumDigits => "numdigits",
    Timeout => "timeout",
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// What a primitive integer's errors expect, from its `MIN` and `MAX`.
    fn range<T: fmt::Display>(min: T, max: T) -> String {
        format!("an integer from {min} to {max}")
    }

    #[test]
    fn each_integer_expects_its_own_range() {
        assert_eq!(<u8 as XmlValue>::EXPECTED, range(u8::MIN, u8::MAX));
        assert_eq!(<u16 as XmlValue>::EXPECTED, range(u16::MIN, u16::MAX));
        assert_eq!(<u32 as XmlValue>::EXPECTED, range(u32::MIN, u32::MAX));
        assert_eq!(<u64 as XmlValue>::EXPECTED, range(u64::MIN, u64::MAX));
        assert_eq!(<i8 as XmlValue>::EXPECTED, range(i8::MIN, i8::MAX));
        assert_eq!(<i16 as XmlValue>::EXPECTED, range(i16::MIN, i16::MAX));
        assert_eq!(<i32 as XmlValue>::EXPECTED, range(i32::MIN, i32::MAX));
        assert_eq!(<i64 as XmlValue>::EXPECTED, range(i64::MIN, i64::MAX));
    }

    #[test]
    fn integers_round_trip_at_their_limits_and_refuse_one_past() {
        assert_eq!(i8::parse_value("-128"), Ok(i8::MIN));
        assert_eq!(u64::parse_value("+18446744073709551615"), Ok(u64::MAX));
        let err = u8::parse_value("256").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid integer `256`: expected an integer from 0 to 255"
        );
        assert!(i16::parse_value("1e3").is_err());
        assert_eq!(i32::MIN.with_str(str::to_owned), "-2147483648");
    }

    #[test]
    fn positive_newtypes_name_their_attribute() {
        let err = NumDigits::parse_value("0").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid numdigits `0`: expected an integer >= 1"
        );
        let err = Timeout::parse_value("x").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid timeout `x`: expected an integer >= 1"
        );
        assert_eq!(Timeout::parse_value("7").map(Timeout::get), Ok(7));
        assert_eq!(
            NumDigits::new(12).map(|n| n.with_str(str::to_owned)),
            Ok("12".to_owned())
        );
    }
}
