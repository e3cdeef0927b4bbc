//! [`ClientError`]: why a REST call failed, with the HTTP status, the platform's status code and
//! message, and the raw body when there was an answer.

use std::fmt;

use crate::error::ValueError;
use crate::rest::response::{ResponseError, RestResponse, StatusCode};

/// Why a REST call failed. Every variant that got an answer keeps the HTTP status and the raw
/// body; [`status_code`](ClientError::status_code) and [`message`](ClientError::message) give the
/// platform's, when the body had them.
///
/// ```
/// use ivr_xml::rest::{ClientError, ResponseError, RestResponse};
/// let err = ClientError::Response {
///     status: 200,
///     error: RestResponse::parse_success("<Response><statusCode>111141</statusCode></Response>").unwrap_err(),
/// };
/// assert_eq!(err.http_status(), Some(200));
/// assert_eq!(err.status_code().map(|c| c.as_str()), Some("111141"));
/// assert_eq!(err.to_string(), "the platform answered statusCode 111141 (HTTP 200)");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum ClientError {
    /// The builder was given a bad base URL, or `reqwest` could not build its client.
    Config(String),
    /// The request holds a value a builder refused, so it was not sent.
    InvalidRequest(ValueError),
    /// The operation is a raw one whose endpoint the library does not know.
    NoEndpoint {
        /// The operation's element name.
        operation: String,
    },
    /// No answer: connection, timeout ([`is_timeout`](ClientError::is_timeout)), TLS, or a body
    /// cut short.
    Transport(reqwest::Error),
    /// An HTTP status other than 2xx.
    Http {
        /// The HTTP status.
        status: u16,
        /// The body parsed as a REST response, if it is one.
        response: Option<Box<RestResponse>>,
        /// The raw body.
        body: Vec<u8>,
    },
    /// A 2xx answer whose body is a platform error or malformed.
    Response {
        /// The HTTP status.
        status: u16,
        /// What is wrong with the body (it carries the raw body).
        error: ResponseError,
    },
}

impl ClientError {
    /// The HTTP status, if there was an answer.
    ///
    /// ```
    /// use ivr_xml::rest::ClientError;
    /// let err = ClientError::Http { status: 503, response: None, body: b"busy".to_vec() };
    /// assert_eq!(err.http_status(), Some(503));
    /// assert_eq!(ClientError::Config("x".into()).http_status(), None);
    /// ```
    pub fn http_status(&self) -> Option<u16> {
        match self {
            ClientError::Http { status, .. } | ClientError::Response { status, .. } => {
                Some(*status)
            }
            _ => None,
        }
    }

    /// The platform's response, if the body was one.
    ///
    /// ```
    /// use ivr_xml::rest::{ClientError, RestResponse};
    /// let parsed = RestResponse::parse("<Response><statusCode>111141</statusCode></Response>")?.value;
    /// let err = ClientError::Http { status: 404, response: Some(Box::new(parsed)), body: Vec::new() };
    /// assert!(!err.response().unwrap().is_success());
    /// assert!(ClientError::Config("x".into()).response().is_none());
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn response(&self) -> Option<&RestResponse> {
        match self {
            ClientError::Http { response, .. } => response.as_deref(),
            ClientError::Response { error, .. } => error.response(),
            _ => None,
        }
    }

    /// The platform's `statusCode`, if the body had one.
    ///
    /// ```
    /// use ivr_xml::rest::{ClientError, RestResponse};
    /// let error = RestResponse::parse_success("<Response><statusCode>160040</statusCode></Response>").unwrap_err();
    /// let err = ClientError::Response { status: 200, error };
    /// assert_eq!(err.status_code().unwrap().as_str(), "160040");
    /// ```
    pub fn status_code(&self) -> Option<&StatusCode> {
        self.response().map(RestResponse::status_code)
    }

    /// The platform's message ([`RestResponse::message`]), if the body had one.
    ///
    /// ```
    /// use ivr_xml::rest::{ClientError, RestResponse};
    /// let body = "<Response><statusCode>111141</statusCode><statusMsg>no such account</statusMsg></Response>";
    /// let err = ClientError::Response { status: 200, error: RestResponse::parse_success(body).unwrap_err() };
    /// assert_eq!(err.message(), Some("no such account"));
    /// ```
    pub fn message(&self) -> Option<&str> {
        self.response().and_then(RestResponse::message)
    }

    /// The raw body, if there was an answer.
    ///
    /// ```
    /// use ivr_xml::rest::ClientError;
    /// let err = ClientError::Http { status: 502, response: None, body: b"<html>Bad Gateway</html>".to_vec() };
    /// assert_eq!(err.body(), Some(&b"<html>Bad Gateway</html>"[..]));
    /// assert_eq!(ClientError::Config("x".into()).body(), None);
    /// ```
    pub fn body(&self) -> Option<&[u8]> {
        match self {
            ClientError::Http { body, .. } => Some(body),
            ClientError::Response { error, .. } => Some(error.body()),
            _ => None,
        }
    }

    /// Whether the request timed out.
    ///
    /// ```
    /// use ivr_xml::rest::ClientError;
    /// // Only a transport error can be a timeout ([`RestClientBuilder::timeout`] shows one).
    /// assert!(!ClientError::Config("x".into()).is_timeout());
    /// assert!(!ClientError::Http { status: 504, response: None, body: Vec::new() }.is_timeout());
    /// ```
    pub fn is_timeout(&self) -> bool {
        matches!(self, ClientError::Transport(err) if err.is_timeout())
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Config(message) => write!(f, "REST client configuration: {message}"),
            ClientError::InvalidRequest(err) => write!(f, "the request was not sent: {err}"),
            ClientError::NoEndpoint { operation } => write!(
                f,
                "no known endpoint for `<{operation}>`: send it with `RestClient::send_to`"
            ),
            ClientError::Transport(err) => write!(f, "the REST request failed: {err}"),
            ClientError::Http {
                status, response, ..
            } => {
                write!(f, "the platform answered HTTP {status}")?;
                if let Some(response) = response {
                    write!(f, " with statusCode {}", response.status_code())?;
                    if let Some(message) = response.message() {
                        write!(f, ": {message}")?;
                    }
                }
                Ok(())
            }
            ClientError::Response { status, error } => write!(f, "{error} (HTTP {status})"),
        }
    }
}

impl std::error::Error for ClientError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClientError::InvalidRequest(err) => Some(err),
            ClientError::Transport(err) => Some(err),
            ClientError::Response { error, .. } => Some(error),
            _ => None,
        }
    }
}
