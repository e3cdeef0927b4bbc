//! [`Timestamp`]: a naive `yyyyMMddHHmmss` date-time, the form of every time the platform sends.
//!
//! A few dozen lines instead of a date-time crate: the platform's format is fixed-width digits
//! with no zone (spec §3.1: "time zone not stated"), so a zone-aware type would only invent one.

use std::fmt;

use crate::error::ValueError;
use crate::value::{EscapeFree, XmlValue};

/// A time as the platform writes it, `yyyyMMddHHmmss` (like `20170927163908`): naive, with no
/// time zone, because none is stated (spec §3.1).
///
/// The raw text is kept ([`Timestamp::as_str`]) and always round-trips; the calendar is checked
/// (month 1-12, the month's days with leap years, hour 0-23, minute and second 0-59). Values
/// compare in time order.
///
/// ```
/// use ivr_xml::notify::Timestamp;
/// let start: Timestamp = "20170927163908".parse()?;
/// let end = Timestamp::parse("20170927163911")?;
/// assert_eq!((start.year(), start.month(), start.day()), (2017, 9, 27));
/// assert_eq!((start.hour(), start.minute(), start.second()), (16, 39, 8));
/// assert_eq!(end.seconds_since(start), 3);
/// assert!(start < end);
/// assert_eq!(start.as_str(), "20170927163908");
/// // China Standard Time (UTC+8), if that is what the platform means:
/// assert_eq!(start.to_unix_seconds(8 * 3600), 1_506_501_548);
/// assert!(Timestamp::parse("20170229000000").is_err());
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(crate::XmlValueSerde))]
pub struct Timestamp {
    /// The 14 ASCII digits; fixed width, so their order is time order.
    raw: [u8; 14],
}

const EXPECTED: &str = "a time written yyyyMMddHHmmss, like `20170927163908`";

impl Timestamp {
    /// Reads `yyyyMMddHHmmss`: exactly 14 digits making a valid calendar date and time.
    ///
    /// ```
    /// use ivr_xml::notify::Timestamp;
    /// assert!(Timestamp::parse("20200229235959").is_ok());
    /// assert_eq!(
    ///     Timestamp::parse("2017-09-27").unwrap_err().to_string(),
    ///     "invalid time `2017-09-27`: expected a time written yyyyMMddHHmmss, like `20170927163908`"
    /// );
    /// assert!(Timestamp::parse("20171301000000").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Timestamp, ValueError> {
        let bytes = text.as_bytes();
        let raw: [u8; 14] = bytes
            .try_into()
            .ok()
            .filter(|raw: &[u8; 14]| raw.iter().all(u8::is_ascii_digit))
            .ok_or_else(|| ValueError::new("time", text, EXPECTED))?;
        let stamp = Timestamp { raw };
        let (year, month, day) = (stamp.year(), stamp.month(), stamp.day());
        let problem = if !(1..=12).contains(&month) {
            format!("there is no month {month}")
        } else if !(1..=days_in_month(year, month)).contains(&day) {
            format!(
                "month {month} of {year} has days 1 to {}",
                days_in_month(year, month)
            )
        } else if stamp.hour() > 23 {
            format!("there is no hour {}", stamp.hour())
        } else if stamp.minute() > 59 || stamp.second() > 59 {
            "minutes and seconds run from 00 to 59".to_owned()
        } else {
            return Ok(stamp);
        };
        Err(ValueError::new(
            "time",
            text,
            format!("a real date and time written yyyyMMddHHmmss ({problem})"),
        ))
    }

    /// Makes a time from its parts (year 0-9999), checking the calendar.
    ///
    /// ```
    /// use ivr_xml::notify::Timestamp;
    /// assert_eq!(Timestamp::new(2017, 9, 27, 16, 39, 8)?.as_str(), "20170927163908");
    /// assert!(Timestamp::new(2017, 9, 31, 0, 0, 0).is_err());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new(
        year: u16,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
    ) -> Result<Timestamp, ValueError> {
        let text = format!("{year:04}{month:02}{day:02}{hour:02}{minute:02}{second:02}");
        Timestamp::parse(&text)
    }

    fn number(&self, range: std::ops::Range<usize>) -> u16 {
        self.raw[range]
            .iter()
            .fold(0, |n, &d| n * 10 + u16::from(d - b'0'))
    }

    /// The year, 0-9999.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Timestamp::parse("20170927163908").unwrap().year(), 2017);
    /// ```
    pub fn year(&self) -> u16 {
        self.number(0..4)
    }

    /// The month, 1-12.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Timestamp::parse("20170927163908").unwrap().month(), 9);
    /// ```
    pub fn month(&self) -> u8 {
        self.number(4..6) as u8
    }

    /// The day of the month, from 1.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Timestamp::parse("20170927163908").unwrap().day(), 27);
    /// ```
    pub fn day(&self) -> u8 {
        self.number(6..8) as u8
    }

    /// The hour, 0-23.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Timestamp::parse("20170927163908").unwrap().hour(), 16);
    /// ```
    pub fn hour(&self) -> u8 {
        self.number(8..10) as u8
    }

    /// The minute, 0-59.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Timestamp::parse("20170927163908").unwrap().minute(), 39);
    /// ```
    pub fn minute(&self) -> u8 {
        self.number(10..12) as u8
    }

    /// The second, 0-59.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Timestamp::parse("20170927163908").unwrap().second(), 8);
    /// ```
    pub fn second(&self) -> u8 {
        self.number(12..14) as u8
    }

    /// The raw text, `yyyyMMddHHmmss`.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Timestamp::parse("20170927163908").unwrap().as_str(), "20170927163908");
    /// ```
    pub fn as_str(&self) -> &str {
        // Always ASCII digits.
        std::str::from_utf8(&self.raw).unwrap_or_default()
    }

    /// Seconds from 0000-03-01 00:00:00 (proleptic Gregorian), zone-free.
    fn naive_seconds(&self) -> i64 {
        let (year, month) = (i64::from(self.year()), i64::from(self.month()));
        // Days from civil (Howard Hinnant), with years starting in March.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day()) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe;
        days * 86_400
            + i64::from(self.hour()) * 3600
            + i64::from(self.minute()) * 60
            + i64::from(self.second())
    }

    /// Seconds from `earlier` to `self` (negative if `earlier` is later), on the naive calendar:
    /// both times are taken to be in the same zone.
    ///
    /// ```
    /// use ivr_xml::notify::Timestamp;
    /// let a = Timestamp::parse("20191231235959").unwrap();
    /// let b = Timestamp::parse("20200101000001").unwrap();
    /// assert_eq!(b.seconds_since(a), 2);
    /// assert_eq!(a.seconds_since(b), -2);
    /// ```
    pub fn seconds_since(&self, earlier: Timestamp) -> i64 {
        self.naive_seconds() - earlier.naive_seconds()
    }

    /// The Unix time of this moment, reading it as local time at `utc_offset_seconds` east of UTC
    /// (for China Standard Time, `8 * 3600`). The platform does not state its zone.
    ///
    /// ```
    /// use ivr_xml::notify::Timestamp;
    /// assert_eq!(Timestamp::parse("19700101000000").unwrap().to_unix_seconds(0), 0);
    /// assert_eq!(Timestamp::parse("19700101080000").unwrap().to_unix_seconds(8 * 3600), 0);
    /// ```
    pub fn to_unix_seconds(&self, utc_offset_seconds: i32) -> i64 {
        const EPOCH: Timestamp = Timestamp {
            raw: *b"19700101000000",
        };
        self.seconds_since(EPOCH) - i64::from(utc_offset_seconds)
    }
}

impl Timestamp {
    /// The local time at `utc_offset_seconds` east of UTC of a Unix time: the inverse of
    /// [`to_unix_seconds`](Timestamp::to_unix_seconds). Refuses times outside years 0-9999.
    ///
    /// ```
    /// use ivr_xml::notify::Timestamp;
    /// assert_eq!(Timestamp::from_unix_seconds(1_506_530_348, 0)?.as_str(), "20170927163908");
    /// assert_eq!(Timestamp::from_unix_seconds(0, 8 * 3600)?.as_str(), "19700101080000");
    /// assert_eq!(Timestamp::from_unix_seconds(951_782_400, 0)?.as_str(), "20000229000000");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn from_unix_seconds(
        unix_seconds: i64,
        utc_offset_seconds: i32,
    ) -> Result<Timestamp, ValueError> {
        let local = unix_seconds.saturating_add(i64::from(utc_offset_seconds));
        let (days, rest) = (local.div_euclid(86_400), local.rem_euclid(86_400));
        let (year, month, day) = civil_from_days(days);
        let out_of_range = || {
            ValueError::new(
                "timestamp",
                unix_seconds.to_string(),
                "a Unix time within years 0-9999",
            )
        };
        let year = u16::try_from(year)
            .ok()
            .filter(|y| *y <= 9999)
            .ok_or_else(out_of_range)?;
        // Each part is in range by construction; the conversions cannot fail.
        let part = |n: i64| u8::try_from(n).map_err(|_| out_of_range());
        Timestamp::new(
            year,
            part(month)?,
            part(day)?,
            part(rest / 3600)?,
            part(rest % 3600 / 60)?,
            part(rest % 60)?,
        )
    }
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's `civil_from_days`.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({})", self.as_str())
    }
}

impl fmt::Display for Timestamp {
    /// The raw text, `yyyyMMddHHmmss`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Timestamp {
    type Err = ValueError;
    fn from_str(text: &str) -> Result<Timestamp, ValueError> {
        Timestamp::parse(text)
    }
}

impl XmlValue for Timestamp {
    const ESCAPE_FREE: EscapeFree = EscapeFree::YES; // digits only
    const EXPECTED: &'static str = EXPECTED;
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(self.as_str())
    }
    fn parse_value(text: &str) -> Result<Timestamp, ValueError> {
        Timestamp::parse(text)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn calendar() {
        assert!(Timestamp::parse("20000229000000").is_ok());
        assert!(Timestamp::parse("19000229000000").is_err());
        assert!(Timestamp::parse("20170931000000").is_err());
        assert!(Timestamp::parse("20170900000000").is_err());
        assert!(Timestamp::parse("20170901240000").is_err());
        assert!(Timestamp::parse("20170901006000").is_err());
        assert!(Timestamp::parse("20170901000060").is_err());
        assert!(Timestamp::parse("2017090100000").is_err());
        assert!(Timestamp::parse("201709010000000").is_err());
        assert!(Timestamp::parse("2017090100000٠").is_err());
        assert!(Timestamp::parse("00000101000000").is_ok());
    }

    #[test]
    fn unix_time_matches_known_values() {
        let t = Timestamp::parse("20170927163908").unwrap();
        assert_eq!(t.to_unix_seconds(0), 1_506_530_348);
        let t = Timestamp::parse("20000301000000").unwrap();
        assert_eq!(t.to_unix_seconds(0), 951_868_800);
    }
}
