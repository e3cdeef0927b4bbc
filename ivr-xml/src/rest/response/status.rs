//! [`StatusCode`]: the REST status code value, and its `<statusCode>` element.

use std::fmt;

use crate::error::ValueError;
use crate::raw_attribute::RawAttribute;
use crate::value::XmlValue;
use crate::Xml;

/// A REST status code: `000000` is success, anything else a REST error code \[official\].
///
/// The parser is strict about it: after trimming surrounding whitespace it must be one or more
/// ASCII digits. The documented code has six; that every code is digits is \[inferred\].
///
/// ```
/// use ivr_xml::rest::StatusCode;
/// assert!(StatusCode::success().is_success());
/// let code = StatusCode::new("111141")?;
/// assert!(!code.is_success());
/// assert!(StatusCode::new("OK").is_err());
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(crate::XmlValueSerde))]
pub struct StatusCode(pub(super) String);

impl StatusCode {
    /// The success code, `000000`.
    ///
    /// ```
    /// use ivr_xml::rest::StatusCode;
    /// assert_eq!(StatusCode::SUCCESS, "000000");
    /// assert_eq!(StatusCode::success().as_str(), StatusCode::SUCCESS);
    /// ```
    pub const SUCCESS: &'static str = "000000";

    /// A code: one or more ASCII digits.
    ///
    /// ```
    /// use ivr_xml::rest::StatusCode;
    /// assert_eq!(StatusCode::new("160040")?.as_str(), "160040");
    /// let err = StatusCode::new("16004x").unwrap_err();
    /// assert!(err.to_string().contains("statusCode"));
    /// assert!(StatusCode::new("").is_err());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new(code: impl Into<String>) -> Result<StatusCode, ValueError> {
        let code = code.into();
        if !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()) {
            Ok(StatusCode(code))
        } else {
            Err(ValueError::new(
                "statusCode",
                code,
                "ASCII digits, like `000000`",
            ))
        }
    }

    /// `000000`.
    ///
    /// ```
    /// use ivr_xml::rest::StatusCode;
    /// assert_eq!(StatusCode::success().to_string(), "000000");
    /// ```
    pub fn success() -> StatusCode {
        StatusCode(StatusCode::SUCCESS.to_owned())
    }

    /// Whether this is `000000`.
    ///
    /// ```
    /// use ivr_xml::rest::StatusCode;
    /// assert!(StatusCode::new("000000")?.is_success());
    /// assert!(!StatusCode::new("0")?.is_success());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn is_success(&self) -> bool {
        self.0 == StatusCode::SUCCESS
    }

    /// The code.
    ///
    /// ```
    /// use ivr_xml::rest::StatusCode;
    /// assert_eq!(StatusCode::new("111141")?.as_str(), "111141");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl XmlValue for StatusCode {
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(&self.0)
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        StatusCode::new(text.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r')))
    }
}

/// `<statusCode>`: a text-only child element of `<Response>` (its attributes kept).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xml)]
#[xml(element = "statusCode")]
pub(super) struct StatusCodeElement {
    #[xml(extra)]
    pub(super) extra: Vec<RawAttribute>,
    #[xml(text)]
    pub(super) value: StatusCode,
}
