//! Reading and writing a REST response body: [`RestResponse::to_xml`], [`RestResponse::parse`]
//! and what a client wants, [`RestResponse::parse_success`].

use crate::de::{ParseOptions, Parsed};
use crate::error::{ParseError, ValueError};
use crate::judge::{from_slice_with, from_str_with};
use crate::rest::official_style;
use crate::rest::request::document;
use crate::rest::response::{ResponseError, RestResponse};
use crate::ser::Style;

impl RestResponse {
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
