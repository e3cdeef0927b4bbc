//! Numeric attribute values: the primitive integers, the positive integers (`NumDigits`,
//! `Timeout`), `MaxMember` and `Loop`.

use std::fmt;
use std::num::NonZeroU32;

use super::{EscapeFree, XmlValue};
use crate::describe::ValueKind;
use crate::error::ValueError;

macro_rules! integer_value {
    ($($ty:ty),*) => {$(
        impl XmlValue for $ty {
            const ESCAPE_FREE: EscapeFree = EscapeFree::YES;
            const KIND: ValueKind = ValueKind::Integer;
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
            const KIND: ValueKind = ValueKind::Integer;
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
