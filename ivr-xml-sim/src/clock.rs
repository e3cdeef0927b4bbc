//! The platform's `yyyyMMddHHmmss` times on the virtual clock.

use std::time::Duration;

/// `start + offset` as `yyyyMMddHHmmss` (naive, proleptic Gregorian).
pub(crate) fn timestamp(start_unix_seconds: i64, offset: Duration) -> String {
    let seconds = start_unix_seconds + i64::try_from(offset.as_secs()).unwrap_or(i64::MAX / 2);
    let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}{:02}{:02}{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
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
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_dates() {
        assert_eq!(timestamp(0, Duration::ZERO), "19700101000000");
        assert_eq!(
            timestamp(1_767_225_600, Duration::from_secs(3_723)),
            "20260101010203"
        );
        assert_eq!(timestamp(951_782_400, Duration::ZERO), "20000229000000");
        assert_eq!(timestamp(1_506_530_348, Duration::ZERO), "20170927163908");
    }
}
