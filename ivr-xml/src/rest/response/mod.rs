//! `<Response>` of the REST interface: `statusCode` (`000000` is success), `callSid`, `confid`,
//! and whatever else the platform sends, kept raw (spec §4.1, §4.2, §4.3).
//!
//! One job a file: this one holds the model (its builders and accessors), `status.rs` the
//! [`StatusCode`] value, `parse.rs` reading and writing the body, `error.rs` [`ResponseError`].

use crate::deferred_error::PendingError;
use crate::raw::{RawElement, RawNode};
use crate::raw_attribute::RawAttribute;
use crate::value::Text;
use crate::Xml;

mod error;
mod parse;
mod status;

pub use error::ResponseError;
pub use status::StatusCode;
use status::StatusCodeElement;

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
}
