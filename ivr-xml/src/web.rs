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

/// The largest notification body the extractor reads (the notification parser's own limit).
const MAX_BODY: usize = 64 * 1024;

/// Extracts a typed notification from a request: the path, the query string, and a form or XML
/// body (chosen by `Content-Type`), as [`notify::Request`](crate::notify::Request) reads them.
/// Bad input is answered `400 Bad Request` with the parser's message.
///
/// The platform sends its parameters in the query string (spec §3.1). A body giving a parameter
/// another value than the query string is refused too (a
/// [`Conflict`](crate::notify::NotifyErrorKind::Conflict), as with
/// [`NotifyOptions::refuse_conflicts`](crate::notify::NotifyOptions::refuse_conflicts)): an
/// extractor has no way to hand the application a warning, and answering as if the body had not
/// been sent would hide a request the platform never makes.
///
/// ```
/// use axum::{routing::post, Router};
/// use ivr_xml::notify::{DtmfReport, Notification, StartService, StopService};
/// use ivr_xml::web::Notified;
/// use ivr_xml::{CmdNone, Get, Hangup, Play, Response};
///
/// #[derive(Debug, Notification)]
/// enum Incoming {
///     Start(StartService),
///     #[notification(segment = "menu")]
///     Menu(DtmfReport),
///     Stop(StopService),
/// }
///
/// async fn ivr(Notified(incoming): Notified<Incoming>) -> Result<Response, ivr_xml::BuildError> {
///     match incoming {
///         Incoming::Start(_) => Response::builder()
///             .main(Get::new().action("menu").numdigits(1).prompt(Play::new("menu.wav")))
///             .then(Hangup::new())
///             .build(),
///         Incoming::Menu(_) | Incoming::Stop(_) => Response::builder().main(CmdNone::new()).build(),
///     }
/// }
///
/// let app: Router = Router::new().route("/ivr/{segment}", post(ivr));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Notified<N>(pub N);

/// Why [`Notified`] refused a request: answered `400 Bad Request` with the message as text.
#[derive(Debug)]
pub struct NotifyRejection {
    message: String,
}

impl NotifyRejection {
    /// The message sent back.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl std::fmt::Display for NotifyRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl IntoResponse for NotifyRejection {
    fn into_response(self) -> axum::response::Response {
        (
            StatusCode::BAD_REQUEST,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            )],
            self.message,
        )
            .into_response()
    }
}

impl<S, N> axum::extract::FromRequest<S> for Notified<N>
where
    S: Send + Sync,
    N: crate::notify::Notification,
{
    type Rejection = NotifyRejection;

    async fn from_request(
        request: axum::extract::Request,
        _state: &S,
    ) -> Result<Self, NotifyRejection> {
        let (parts, body) = request.into_parts();
        let bytes = axum::body::to_bytes(body, MAX_BODY)
            .await
            .map_err(|err| NotifyRejection {
                message: format!(
                    "cannot read the notification's body (at most {MAX_BODY} bytes): {err}"
                ),
            })?;
        let content_type = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok());
        let mut request = crate::notify::Request::new(parts.uri.path())
            .query(parts.uri.query())
            .options(crate::notify::NotifyOptions::default().refuse_conflicts(true));
        if !bytes.is_empty() {
            request = request.body(content_type, &bytes);
        }
        request
            .parse::<N>()
            .map(Notified)
            .map_err(|err| NotifyRejection {
                message: err.to_string(),
            })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use axum::extract::FromRequest;

    use super::*;
    use crate::notify::{Notification, StopService};

    #[derive(Debug, Notification)]
    enum Call {
        Stop(StopService),
    }

    async fn extract(content_type: &str, body: &'static str) -> Result<Call, NotifyRejection> {
        let request = axum::http::Request::post("/ivr/stopservice?appid=a1&callid=c1")
            .header(header::CONTENT_TYPE, content_type)
            .body(axum::body::Body::from(body))
            .unwrap();
        Notified::<Call>::from_request(request, &())
            .await
            .map(|n| n.0)
    }

    #[tokio::test]
    async fn a_body_contradicting_the_query_string_is_refused() {
        let form = "application/x-www-form-urlencoded";
        let err = extract(form, "callid=c2").await.unwrap_err();
        assert_eq!(
            err.message(),
            "parameter `callid` is `c1` in the query string but `c2` in the body: expected the same value in both"
        );
        assert_eq!(err.into_response().status(), StatusCode::BAD_REQUEST);
        let xml = "<Request><appid>a2</appid></Request>";
        let err = extract("text/xml", xml).await.unwrap_err();
        assert!(
            err.message().starts_with("parameter `appid` is `a1`"),
            "{err}"
        );
        // A body that agrees with the query string, or only adds to it, is read.
        let Call::Stop(stop) = extract(form, "callid=c1&errorcode=7").await.unwrap();
        assert_eq!(stop.callid, "c1");
        assert_eq!(stop.errorcode.unwrap().as_str(), "7");
    }
}
