//! `<Response>` of the REST interface: `statusCode` (`000000` is success), `callSid`, `confid`,
//! and whatever else the platform sends, kept raw (spec §4.1, §4.2, §4.3).

use std::borrow::Cow;
use std::fmt;

use crate::de::{ParseOptions, Parsed};
use crate::deferred_error::PendingError;
use crate::error::{ParseError, ValueError};
use crate::judge::{from_slice_with, from_str_with};
use crate::raw::{RawElement, RawNode};
use crate::raw_attribute::RawAttribute;
use crate::rest::official_style;
use crate::rest::request::document;
use crate::ser::Style;
use crate::value::{Text, XmlValue};
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
pub struct StatusCode(String);

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
struct StatusCodeElement {
    #[xml(extra)]
    extra: Vec<RawAttribute>,
    #[xml(text)]
    value: StatusCode,
}

/// `<callSid>`, text only.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xml)]
#[xml(element = "callSid")]
struct CallSidElement {
    #[xml(extra)]
    extra: Vec<RawAttribute>,
    #[xml(text)]
    value: Text,
}

/// `<confid>`, text only.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xml)]
#[xml(element = "confid")]
struct ConfidElement {
    #[xml(extra)]
    extra: Vec<RawAttribute>,
    #[xml(text)]
    value: Text,
}

/// The element [`RestResponse::message`] reads. No available source names it; `statusMsg` is
/// what the platform's SDKs read \[inferred\].
const MESSAGE: &str = "statusMsg";

/// A REST response body: `<Response>` with `statusCode`, and `callSid` (outbound call,
/// \[official\]) or `confid` (create conference, \[field\]) on success.
///
/// Parsing is strict about `statusCode` (present once, digits) and keeps everything else: unknown
/// children in [`others`](RestResponse::others), unknown attributes in
/// [`attributes`](RestResponse::attributes). The same type builds responses, for a server or a
/// simulator.
///
/// ```
/// use ivr_xml::rest::RestResponse;
/// let body = "<Response><statusCode>000000</statusCode><callSid>ff8080813c37da53013c804f80720071</callSid></Response>";
/// let response = RestResponse::parse_success(body)?;
/// assert_eq!(response.call_sid(), Some("ff8080813c37da53013c804f80720071"));
///
/// let failed = RestResponse::parse_success("<Response><statusCode>111141</statusCode><statusMsg>no such account</statusMsg></Response>")
///     .unwrap_err();
/// assert_eq!(failed.status_code().map(|c| c.as_str()), Some("111141"));
/// assert_eq!(failed.message(), Some("no such account"));
/// assert!(failed.body_text().contains("111141"));
///
/// // Building one, as a server answers.
/// let created = RestResponse::success().with_confid("10000001");
/// assert_eq!(created.to_xml()?, r#"<?xml version="1.0" encoding="UTF-8"?>
/// <Response>
///   <statusCode>000000</statusCode>
///   <confid>10000001</confid>
/// </Response>"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "Response")]
pub struct RestResponse {
    #[xml(extra)]
    extra: Vec<RawAttribute>,
    #[xml(child)]
    status_code: StatusCodeElement,
    #[xml(child)]
    call_sid: Option<CallSidElement>,
    #[xml(child)]
    confid: Option<ConfidElement>,
    #[xml(children)]
    others: Vec<RawElement>,
    #[xml(pending)]
    pending: PendingError,
}

impl RestResponse {
    /// A response with `status_code` and nothing else.
    ///
    /// ```
    /// use ivr_xml::rest::{RestResponse, StatusCode};
    /// let response = RestResponse::new(StatusCode::new("111141")?);
    /// assert!(!response.is_success());
    /// assert_eq!(response.call_sid(), None);
    /// assert!(response.others().is_empty());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new(status_code: StatusCode) -> RestResponse {
        RestResponse {
            extra: Vec::new(),
            status_code: StatusCodeElement {
                extra: Vec::new(),
                value: status_code,
            },
            call_sid: None,
            confid: None,
            others: Vec::new(),
            pending: PendingError::default(),
        }
    }

    /// `statusCode` `000000`.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let response = RestResponse::success();
    /// assert!(response.is_success());
    /// assert_eq!(response.message(), None);
    /// ```
    pub fn success() -> RestResponse {
        RestResponse::new(StatusCode::success())
    }

    /// A failure with `code` and a `statusMsg` `message`. An invalid code is reported when the
    /// response is written.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let failure = RestResponse::failure("111141", "no such account");
    /// assert_eq!(failure.message(), Some("no such account"));
    /// assert!(RestResponse::failure("bad", "x").to_xml().is_err());
    /// ```
    pub fn failure(code: impl Into<String>, message: impl Into<String>) -> RestResponse {
        let mut pending = PendingError::default();
        let code = pending.record(StatusCode::new(code));
        let mut response = RestResponse::new(code.unwrap_or_else(|| StatusCode("0".to_owned())));
        response.pending = pending;
        response.with_message(message)
    }

    /// Sets `callSid`.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let response = RestResponse::success().with_call_sid("ff8080813c37da53013c804f80720071");
    /// assert_eq!(response.call_sid(), Some("ff8080813c37da53013c804f80720071"));
    /// assert!(response.to_xml()?.contains("<callSid>ff8080813c37da53013c804f80720071</callSid>"));
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn with_call_sid(mut self, call_sid: impl Into<String>) -> RestResponse {
        self.call_sid = self
            .pending
            .record(Text::new(call_sid))
            .map(|value| CallSidElement {
                extra: Vec::new(),
                value,
            });
        self
    }

    /// Sets `confid`.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let response = RestResponse::success().with_confid("10000001");
    /// assert_eq!(response.confid(), Some("10000001"));
    /// assert!(response.to_xml()?.contains("<confid>10000001</confid>"));
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn with_confid(mut self, confid: impl Into<String>) -> RestResponse {
        self.confid = self
            .pending
            .record(Text::new(confid))
            .map(|value| ConfidElement {
                extra: Vec::new(),
                value,
            });
        self
    }

    /// Adds a `<statusMsg>` child (the message element's name is \[inferred\]).
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let response = RestResponse::success().with_message("queued");
    /// assert_eq!(response.message(), Some("queued"));
    /// assert!(response.to_xml()?.contains("<statusMsg>queued</statusMsg>"));
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn with_message(self, message: impl Into<String>) -> RestResponse {
        self.with_child(RawElement::new(MESSAGE).text(message))
    }

    /// Adds any other child, written after the known ones.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// use ivr_xml::RawElement;
    /// let state = RestResponse::success().with_child(RawElement::new("members").text("3"));
    /// assert_eq!(state.child_text("members"), Some("3"));
    /// ```
    pub fn with_child(mut self, child: RawElement) -> RestResponse {
        self.others.push(child);
        self
    }

    /// The status code.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let response = RestResponse::parse_success("<Response><statusCode> 000000 </statusCode></Response>")?;
    /// assert_eq!(response.status_code().as_str(), "000000");
    /// # Ok::<(), ivr_xml::rest::ResponseError>(())
    /// ```
    pub fn status_code(&self) -> &StatusCode {
        &self.status_code.value
    }

    /// Whether the status code is `000000`.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// assert!(RestResponse::success().is_success());
    /// assert!(!RestResponse::failure("111141", "no such account").is_success());
    /// ```
    pub fn is_success(&self) -> bool {
        self.status_code().is_success()
    }

    /// `callSid`, trimmed: the outbound call's 32-character id \[official\].
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let body = "<Response><statusCode>000000</statusCode><callSid>\n  abc123\n</callSid></Response>";
    /// assert_eq!(RestResponse::parse_success(body)?.call_sid(), Some("abc123"));
    /// assert_eq!(RestResponse::success().call_sid(), None);
    /// # Ok::<(), ivr_xml::rest::ResponseError>(())
    /// ```
    pub fn call_sid(&self) -> Option<&str> {
        self.call_sid.as_ref().map(|e| e.value.trimmed())
    }

    /// `confid`, trimmed: the new conference's id \[field\].
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let body = "<Response><statusCode>000000</statusCode><confid> 10000001 </confid></Response>";
    /// assert_eq!(RestResponse::parse_success(body)?.confid(), Some("10000001"));
    /// assert_eq!(RestResponse::success().confid(), None);
    /// # Ok::<(), ivr_xml::rest::ResponseError>(())
    /// ```
    pub fn confid(&self) -> Option<&str> {
        self.confid.as_ref().map(|e| e.value.trimmed())
    }

    /// The text of the first `<statusMsg>` child, trimmed. No available source names the
    /// message element; `statusMsg` is \[inferred\] (the name the platform's SDKs read). Other
    /// children stay readable through [`child_text`](RestResponse::child_text).
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let body = "<Response><statusCode>160040</statusCode><statusMsg> busy </statusMsg></Response>";
    /// let parsed = RestResponse::parse(body)?;
    /// assert_eq!(parsed.value.message(), Some("busy"));
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn message(&self) -> Option<&str> {
        self.child_text(MESSAGE)
    }

    /// The trimmed text of the first child named `name` among the ones kept raw, if it holds
    /// only text.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let body = "<Response><statusCode>000000</statusCode><members> 3 </members><nested><a/></nested></Response>";
    /// let response = RestResponse::parse_success(body)?;
    /// assert_eq!(response.child_text("members"), Some("3"));
    /// assert_eq!(response.child_text("nested"), None); // not text only
    /// assert_eq!(response.child_text("statusCode"), None); // not kept raw
    /// # Ok::<(), ivr_xml::rest::ResponseError>(())
    /// ```
    pub fn child_text(&self, name: &str) -> Option<&str> {
        let child = self.others.iter().find(|c| c.name() == name)?;
        match child.children() {
            [] => Some(""),
            [RawNode::Text(text)] => Some(text.trim()),
            _ => None,
        }
    }

    /// The children other than `statusCode`, `callSid` and `confid`, in order.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let body = "<Response><statusCode>000000</statusCode><callSid>abc</callSid><dateCreated>2026-01-01</dateCreated></Response>";
    /// let response = RestResponse::parse_success(body)?;
    /// assert_eq!(response.others().len(), 1);
    /// assert_eq!(response.others()[0].name(), "dateCreated");
    /// # Ok::<(), ivr_xml::rest::ResponseError>(())
    /// ```
    pub fn others(&self) -> &[RawElement] {
        &self.others
    }

    /// The attributes of `<Response>` (none documented), in order.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let parsed = RestResponse::parse("<Response version='2'><statusCode>000000</statusCode></Response>")?;
    /// assert_eq!(parsed.value.attributes().len(), 1);
    /// assert_eq!(parsed.value.attributes()[0].name(), "version");
    /// assert_eq!(parsed.value.attributes()[0].value(), "2");
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn attributes(&self) -> &[RawAttribute] {
        &self.extra
    }

    /// The response as a server sends it, in [`official_style`] (the platform's own response
    /// layout is undocumented), or the first invalid value a builder was given.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// assert_eq!(
    ///     RestResponse::success().with_call_sid("abc").to_xml()?,
    ///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <statusCode>000000</statusCode>\n  <callSid>abc</callSid>\n</Response>"
    /// );
    /// assert!(RestResponse::failure("bad", "x").to_xml().is_err());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn to_xml(&self) -> Result<String, ValueError> {
        self.to_string_with(&official_style())
    }

    /// The response in `style`, with `style`'s declaration.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// use ivr_xml::Style;
    /// assert_eq!(
    ///     RestResponse::success().with_call_sid("abc").to_string_with(&Style::compact())?,
    ///     "<?xml version='1.0' encoding='UTF-8'?><Response><statusCode>000000</statusCode><callSid>abc</callSid></Response>"
    /// );
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn to_string_with(&self, style: &Style) -> Result<String, ValueError> {
        document(self, style)
    }

    /// Parses a response body whatever its status code. Lenient about what the library does not
    /// know (unknown attributes are kept, with warnings); strict about `statusCode`, `callSid`
    /// and `confid` (each at most once, `statusCode` required and digits).
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let parsed = RestResponse::parse("<Response v='2'><statusCode>160040</statusCode></Response>")?;
    /// assert!(!parsed.value.is_success());
    /// assert_eq!(parsed.value.attributes()[0].name(), "v");
    /// assert_eq!(parsed.warnings.len(), 1);
    /// assert!(RestResponse::parse("<Response><callSid>x</callSid></Response>").is_err());
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn parse(body: &str) -> Result<Parsed<RestResponse>, ParseError> {
        from_str_with(body, &ParseOptions::lenient())
    }

    /// What a client wants: the response if its status code is `000000`, otherwise a
    /// [`ResponseError`] carrying the raw body.
    ///
    /// ```
    /// use ivr_xml::rest::RestResponse;
    /// let ok = RestResponse::parse_success("<Response><statusCode>000000</statusCode><confid>7</confid></Response>")?;
    /// assert_eq!(ok.confid(), Some("7"));
    /// let err = RestResponse::parse_success("<Response><statusCode>111141</statusCode></Response>").unwrap_err();
    /// assert_eq!(err.status_code().map(|c| c.as_str()), Some("111141"));
    /// # Ok::<(), ivr_xml::rest::ResponseError>(())
    /// ```
    pub fn parse_success(body: &str) -> Result<RestResponse, ResponseError> {
        RestResponse::parse_success_bytes(body.as_bytes())
    }

    /// [`RestResponse::parse_success`] of raw bytes (UTF-8 only; anything else is malformed).
    ///
    /// ```
    /// use ivr_xml::rest::{ResponseError, RestResponse};
    /// let err = RestResponse::parse_success_bytes(b"\xff").unwrap_err();
    /// assert!(matches!(err, ResponseError::Malformed { .. }));
    /// assert_eq!(err.body(), b"\xff");
    /// ```
    pub fn parse_success_bytes(body: &[u8]) -> Result<RestResponse, ResponseError> {
        match from_slice_with::<RestResponse>(body, &ParseOptions::lenient()) {
            Ok(parsed) if parsed.value.is_success() => Ok(parsed.value),
            Ok(parsed) => Err(ResponseError::Platform {
                response: Box::new(parsed.value),
                body: body.to_vec(),
            }),
            Err(error) => Err(ResponseError::Malformed {
                error: Box::new(error),
                body: body.to_vec(),
            }),
        }
    }
}

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
