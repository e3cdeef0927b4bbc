//! Documents as responses: a [`Response`] answers compact with [`CONTENT_TYPE`], an [`Answer`]
//! in the style and content type it is given, a [`BuildError`](crate::BuildError) `500`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::IntoResponse;

use crate::response::Response;
use crate::ser::{Style, ToXml};
use crate::web::CONTENT_TYPE;

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
    ///
    /// ```
    /// use axum::response::IntoResponse;
    /// use ivr_xml::{web::Answer, Hangup, Response, Style};
    /// let doc = Response::builder().main(Hangup::new()).build()?;
    /// let response = Answer::new(doc.clone()).into_response();
    /// assert_eq!(response.status(), 200);
    /// assert_eq!(response.headers()["content-type"], ivr_xml::web::CONTENT_TYPE);
    /// let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    /// let body = runtime.block_on(axum::body::to_bytes(response.into_body(), 64 * 1024))?;
    /// assert_eq!(body, doc.to_string_with(&Style::compact()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(document: Response<C>) -> Answer<C> {
        Answer {
            document,
            style: Style::compact(),
            content_type: CONTENT_TYPE,
        }
    }

    /// Answers in `style`.
    ///
    /// ```
    /// use axum::response::IntoResponse;
    /// use ivr_xml::{web::Answer, Hangup, Response, Style};
    /// let doc = Response::builder().main(Hangup::new()).build()?;
    /// let response = Answer::new(doc.clone()).style(Style::docs()).into_response();
    /// let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    /// let body = runtime.block_on(axum::body::to_bytes(response.into_body(), 64 * 1024))?;
    /// assert_eq!(body, doc.to_string_with(&Style::docs()));
    /// assert!(body.contains(&b'\n')); // indented, unlike the compact default
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn style(mut self, style: Style) -> Answer<C> {
        self.style = style;
        self
    }

    /// Answers with this `Content-Type`.
    ///
    /// ```
    /// use axum::response::IntoResponse;
    /// use ivr_xml::{web::Answer, CmdNone, Response};
    /// let doc = Response::builder().main(CmdNone::new()).build()?;
    /// let response = Answer::new(doc).content_type("application/xml").into_response();
    /// assert_eq!(response.headers()["content-type"], "application/xml");
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
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

/// A document that could not be built is the application's fault: `500 Internal Server Error`
/// with the message as text (the platform then ends the call; nothing invalid is ever sent).
impl IntoResponse for crate::BuildError {
    fn into_response(self) -> axum::response::Response {
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            )],
            self.to_string(),
        )
            .into_response()
    }
}
