//! axum integration (feature `axum`): documents are responses, notifications are extractors.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::IntoResponse;

use crate::response::Response;
use crate::ser::{Style, ToXml};

/// The content type ivr-xml answers with. The platform's expectation is undocumented (spec §1.6);
/// one application in the field answers `application/xml`. Override it with [`Answer::content_type`].
pub const CONTENT_TYPE: &str = "application/xml; charset=utf-8";

/// A document answered in the compact style with [`CONTENT_TYPE`].
///
/// ```
/// use axum::response::IntoResponse;
/// use ivr_xml::{CmdNone, Response};
/// let response = Response::builder().main(CmdNone::new()).build().unwrap().into_response();
/// assert_eq!(response.headers()["content-type"], "application/xml; charset=utf-8");
/// ```
impl<C: ToXml> IntoResponse for Response<C> {
    fn into_response(self) -> axum::response::Response {
        Answer::new(self).into_response()
    }
}

/// A document with the style and content type to answer it in.
///
/// ```
/// use axum::response::IntoResponse;
/// use ivr_xml::{web::Answer, CmdNone, Response, Style};
/// let doc = Response::builder().main(CmdNone::new()).build().unwrap();
/// let response = Answer::new(doc).style(Style::docs()).content_type("text/xml").into_response();
/// assert_eq!(response.headers()["content-type"], "text/xml");
/// ```
#[derive(Debug, Clone)]
pub struct Answer<C> {
    document: Response<C>,
    style: Style,
    content_type: &'static str,
}

impl<C: ToXml> Answer<C> {
    /// The document, compact, with [`CONTENT_TYPE`].
    pub fn new(document: Response<C>) -> Answer<C> {
        Answer {
            document,
            style: Style::compact(),
            content_type: CONTENT_TYPE,
        }
    }

    /// Answers in `style`.
    pub fn style(mut self, style: Style) -> Answer<C> {
        self.style = style;
        self
    }

    /// Answers with this `Content-Type`.
    pub fn content_type(mut self, content_type: &'static str) -> Answer<C> {
        self.content_type = content_type;
        self
    }
}

impl<C: ToXml> IntoResponse for Answer<C> {
    fn into_response(self) -> axum::response::Response {
        let body = self.document.to_string_with(&self.style);
        (
            StatusCode::OK,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static(self.content_type),
            )],
            body,
        )
            .into_response()
    }
}
