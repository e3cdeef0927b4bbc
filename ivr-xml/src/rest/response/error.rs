//! [`ResponseError`]: a response that is not a success, with its raw body.

use std::borrow::Cow;
use std::fmt;

use crate::error::ParseError;
use crate::rest::response::{RestResponse, StatusCode};

/// A response that is not a success: the platform's error, or a body that is not a valid
/// `<Response>`. Either way the raw body is kept.
///
/// ```
/// use ivr_xml::rest::{ResponseError, RestResponse};
/// let err = RestResponse::parse_success("{\"statusCode\":\"000000\"}").unwrap_err();
/// assert!(matches!(err, ResponseError::Malformed { .. }));
/// assert_eq!(err.body_text(), "{\"statusCode\":\"000000\"}");
/// assert_eq!(err.to_string(), "malformed REST response: 1:1: text outside the root element: expected nothing but whitespace");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseError {
    /// A well-formed response whose `statusCode` is not `000000`.
    Platform {
        /// The parsed response.
        response: Box<RestResponse>,
        /// The raw body.
        body: Vec<u8>,
    },
    /// A body that is not a valid REST `<Response>` (not XML, not UTF-8, no or a bad `statusCode`).
    Malformed {
        /// Why.
        error: Box<ParseError>,
        /// The raw body.
        body: Vec<u8>,
    },
}

impl ResponseError {
    /// The raw body.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let body = "<Response><statusCode>111141</statusCode></Response>";
    /// let err = RestResponse::parse_success(body).unwrap_err();
    /// assert_eq!(err.body(), body.as_bytes());
    /// ```
    pub fn body(&self) -> &[u8] {
        match self {
            ResponseError::Platform { body, .. } | ResponseError::Malformed { body, .. } => body,
        }
    }

    /// The raw body as text (invalid UTF-8 replaced).
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let err = RestResponse::parse_success_bytes(b"<oops \xff").unwrap_err();
    /// assert_eq!(err.body_text(), "<oops \u{fffd}");
    /// ```
    pub fn body_text(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(self.body())
    }

    /// The parsed response of a platform error.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let err = RestResponse::parse_success("<Response><statusCode>111141</statusCode></Response>").unwrap_err();
    /// assert!(!err.response().unwrap().is_success());
    /// let malformed = RestResponse::parse_success("not xml").unwrap_err();
    /// assert!(malformed.response().is_none());
    /// ```
    pub fn response(&self) -> Option<&RestResponse> {
        match self {
            ResponseError::Platform { response, .. } => Some(response),
            ResponseError::Malformed { .. } => None,
        }
    }

    /// The platform's status code, if the body had one.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let err = RestResponse::parse_success("<Response><statusCode>160040</statusCode></Response>").unwrap_err();
    /// assert_eq!(err.status_code().unwrap().as_str(), "160040");
    /// assert!(RestResponse::parse_success("<Response/>").unwrap_err().status_code().is_none());
    /// ```
    pub fn status_code(&self) -> Option<&StatusCode> {
        self.response().map(RestResponse::status_code)
    }

    /// The platform's message ([`RestResponse::message`]), if any.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let body = "<Response><statusCode>111141</statusCode><statusMsg>no such account</statusMsg></Response>";
    /// let err = RestResponse::parse_success(body).unwrap_err();
    /// assert_eq!(err.message(), Some("no such account"));
    /// ```
    pub fn message(&self) -> Option<&str> {
        self.response().and_then(RestResponse::message)
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseError::Platform { response, .. } => {
                write!(
                    f,
                    "the platform answered statusCode {}",
                    response.status_code()
                )?;
                match response.message() {
                    Some(message) => write!(f, ": {message}"),
                    None => Ok(()),
                }
            }
            ResponseError::Malformed { error, .. } => {
                write!(f, "malformed REST response: {error}")
            }
        }
    }
}

impl std::error::Error for ResponseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ResponseError::Malformed { error, .. } => Some(&**error),
            ResponseError::Platform { .. } => None,
        }
    }
}
