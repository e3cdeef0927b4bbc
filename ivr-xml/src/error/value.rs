//! `ValueError`: a value a builder or a parser cannot use.

use std::fmt;

/// A value that cannot be used: out of range, of the wrong form, or holding characters XML 1.0 cannot carry.
///
/// Returned when a typed value is made ([`NumDigits::new`](crate::NumDigits::new), [`Text::new`](crate::Text::new), ...)
/// and, for values given to builders, when the document is built.
///
/// ```
/// use ivr_xml::MaxMember;
/// let err = MaxMember::new(301).unwrap_err();
/// assert_eq!(err.to_string(), "invalid maxmember `301`: expected an integer from 3 to 300");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ValueError {
    what: &'static str,
    value: String,
    expected: String,
}

impl ValueError {
    /// Creates an error for `value` of the named kind, saying what was expected.
    ///
    /// ```
    /// use ivr_xml::ValueError;
    /// let err = ValueError::new("queuetype", "many", "an integer from 0 to 9");
    /// assert_eq!(err.to_string(), "invalid queuetype `many`: expected an integer from 0 to 9");
    /// ```
    pub fn new(
        what: &'static str,
        value: impl Into<String>,
        expected: impl Into<String>,
    ) -> ValueError {
        ValueError {
            what,
            value: value.into(),
            expected: expected.into(),
        }
    }

    /// What kind of value was refused (`numdigits`, `text`, ...).
    ///
    /// ```
    /// let err = ivr_xml::NumDigits::new(0).unwrap_err();
    /// assert_eq!(err.what(), "numdigits");
    /// ```
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The refused value, as given.
    ///
    /// ```
    /// let err = ivr_xml::NumDigits::new(0).unwrap_err();
    /// assert_eq!(err.value(), "0");
    /// ```
    pub fn value(&self) -> &str {
        &self.value
    }

    /// What would have been accepted.
    ///
    /// ```
    /// let err = ivr_xml::NumDigits::new(0).unwrap_err();
    /// assert_eq!(err.expected(), "an integer >= 1");
    /// ```
    pub fn expected(&self) -> &str {
        &self.expected
    }
}

/// Writes `text` with control characters escaped, so that a message is one line whatever the
/// input holds, cut after `max_chars` characters with `...`.
pub(crate) fn write_one_line(
    out: &mut impl fmt::Write,
    text: &str,
    max_chars: usize,
) -> fmt::Result {
    for c in text.chars().take(max_chars) {
        if c.is_control() {
            for escaped in c.escape_default() {
                out.write_char(escaped)?;
            }
        } else {
            out.write_char(c)?;
        }
    }
    if text.chars().nth(max_chars).is_some() {
        out.write_str("...")?;
    }
    Ok(())
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} `", self.what)?;
        // Control characters are shown escaped so that a message never carries them raw.
        write_one_line(f, &self.value, usize::MAX)?;
        write!(f, "`: expected {}", self.expected)
    }
}

impl std::error::Error for ValueError {}
