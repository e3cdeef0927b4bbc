//! axum integration (feature `axum`): documents are responses, notifications are extractors.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::IntoResponse;

use crate::notify::{NotifyError, NotifyOptions};
use crate::response::Response;
use crate::ser::{Style, ToXml};

/// The content type ivr-xml answers with. The platform's expectation is undocumented (spec §1.6);
/// one application in the field answers `application/xml`. Override it with [`Answer::content_type`].
///
/// ```
/// use axum::response::IntoResponse;
/// use ivr_xml::{CmdNone, Response};
/// assert_eq!(ivr_xml::web::CONTENT_TYPE, "application/xml; charset=utf-8");
/// let answered = Response::builder().main(CmdNone::new()).build()?.into_response();
/// assert_eq!(answered.headers()["content-type"], ivr_xml::web::CONTENT_TYPE);
/// # Ok::<(), ivr_xml::BuildError>(())
/// ```
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

/// The largest notification body the extractor reads (the notification parser's own limit).
const MAX_BODY: usize = 64 * 1024;

/// Extracts a typed notification from a request: the path, the query string, and a form or XML
/// body (chosen by `Content-Type`), as [`notify::Request`](crate::notify::Request) reads them.
/// Bad input is answered `400 Bad Request` with the parser's message.
///
/// The segment is found in any of the platform's URL forms under any mount path:
/// `/ivr/startservice?appid=…`, `/ivr/startservice/?appid=…` and `/ivr/?startservice&appid=…`
/// (see [`notify::Request`](crate::notify::Request)); route every path to the handler, as
/// [`routes`] does, and the simulator's requests reach it in each form.
///
/// The platform sends its parameters in the query string (spec §3.1). A body giving a parameter
/// another value than the query string is refused too (a
/// [`Conflict`](crate::notify::NotifyErrorKind::Conflict), as with
/// [`NotifyOptions::refuse_conflicts`](crate::notify::NotifyOptions::refuse_conflicts)): an
/// extractor has no way to hand the application a warning, and answering as if the body had not
/// been sent would hide a request the platform never makes. A body of a type that carries no
/// parameters (JSON, HTML, `application/octet-stream`) is not read, and the notification comes
/// from the query string alone ([`IgnoredBody`](crate::notify::IgnoredBody)); extract
/// [`Received`] instead to see that report.
///
/// Other limits or conflict policy: add a layer `axum::Extension(NotifyOptions::default()...)`
/// (the extractor reads [`NotifyOptions`] from the request's extensions; its own default is
/// `NotifyOptions::default().refuse_conflicts(true)`). To log a refused request, take
/// `Result<Notified<N>, NotifyRejection>` (see [`NotifyRejection`]). Outside axum, read the
/// request's parts with [`notify::Request::from_http`](crate::notify::Request::from_http).
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
/// // The simulator calls `/startservice?…` at the notification URL: serve every path there.
/// let app: Router = ivr_xml::web::routes("/", post(ivr).get(ivr));
/// // Or under the `/ivr` path, for a notification URL of `http://host/ivr`.
/// let app: Router = ivr_xml::web::routes("/ivr", post(ivr).get(ivr));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Notified<N>(pub N);

/// A router sending every path at and below `mount` (`/ivr`, `/ivr/`, `/ivr/startservice`,
/// `/ivr/startservice/`, ...) to `handler`, so that each of the platform's URL forms reaches it
/// ([`Notified`] finds the segment). `mount` is the path of the application's notification URL,
/// `/` for the root. (A router nested with axum's `nest("/ivr", ...)` is not reached at
/// `/ivr/`, where the form `/ivr/?startservice&…` arrives: mount it here instead.)
///
/// See [`Notified`] for an example.
///
/// ```
/// // Served on loopback: each URL form under `/ivr` reaches the handler, other paths do not.
/// use std::io::{Read, Write};
/// use axum::routing::get;
/// use ivr_xml::{Hangup, Response};
///
/// async fn ivr() -> Result<Response, ivr_xml::BuildError> {
///     Response::builder().main(Hangup::new()).build()
/// }
/// let app: axum::Router = ivr_xml::web::routes("/ivr", get(ivr));
///
/// let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
/// let statuses = runtime.block_on(async {
///     let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
///     let addr = listener.local_addr()?;
///     tokio::spawn(async move { axum::serve(listener, app).await });
///     // A plain HTTP/1.1 client on a blocking thread.
///     let client = tokio::task::spawn_blocking(move || -> std::io::Result<Vec<String>> {
///         let mut statuses = Vec::new();
///         for path in ["/ivr", "/ivr/", "/ivr/startservice?appid=a", "/ivr/?startservice&appid=a", "/other"] {
///             let mut stream = std::net::TcpStream::connect(addr)?;
///             write!(stream, "GET {path} HTTP/1.1\r\nHost: ivr\r\nConnection: close\r\n\r\n")?;
///             let mut answer = String::new();
///             stream.read_to_string(&mut answer)?;
///             statuses.push(answer.lines().next().unwrap_or_default().to_owned());
///         }
///         Ok(statuses)
///     });
///     client.await.map_err(std::io::Error::other)?
/// })?;
/// assert_eq!(statuses[..4], ["HTTP/1.1 200 OK"; 4]);
/// assert_eq!(statuses[4], "HTTP/1.1 404 Not Found");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn routes<S>(mount: &str, handler: axum::routing::MethodRouter<S>) -> axum::Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let mount = mount.trim_matches('/');
    if mount.is_empty() {
        return axum::Router::new()
            .route("/", handler.clone())
            .route("/{*path}", handler);
    }
    axum::Router::new()
        .route(&format!("/{mount}"), handler.clone())
        .route(&format!("/{mount}/"), handler.clone())
        .route(&format!("/{mount}/{{*path}}"), handler)
}

/// [`Notified`], with the report of a body that was not read.
///
/// ```
/// use axum::routing::post;
/// use ivr_xml::notify::{Notification, StopService};
/// use ivr_xml::web::Received;
/// use ivr_xml::{CmdNone, Response};
///
/// #[derive(Debug, Notification)]
/// enum Incoming {
///     Stop(StopService),
/// }
///
/// async fn ivr(received: Received<Incoming>) -> Result<Response, ivr_xml::BuildError> {
///     if let Some(ignored) = &received.ignored_body {
///         eprintln!("{ignored}");
///     }
///     Response::builder().main(CmdNone::new()).build()
/// }
/// let app: axum::Router = ivr_xml::web::routes("/", post(ivr));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Received<N> {
    /// The notification.
    pub notification: N,
    /// The body, when it was not read (its content type carries no parameters).
    pub ignored_body: Option<crate::notify::IgnoredBody>,
}

/// Why [`Notified`] (or [`Received`]) refused a request: answered `400 Bad Request` with the
/// message as text.
///
/// To log a rejection, or answer it otherwise, take `Result<Notified<N>, NotifyRejection>`:
///
/// ```
/// use axum::{response::IntoResponse, routing::post};
/// use ivr_xml::notify::{Notification, StopService};
/// use ivr_xml::web::{Notified, NotifyRejection};
/// use ivr_xml::{CmdNone, Response};
///
/// #[derive(Debug, Notification)]
/// enum Incoming {
///     Stop(StopService),
/// }
///
/// async fn ivr(incoming: Result<Notified<Incoming>, NotifyRejection>) -> axum::response::Response {
///     match incoming {
///         Ok(Notified(Incoming::Stop(_))) => {
///             Response::builder().main(CmdNone::new()).build().into_response()
///         }
///         Err(rejection) => {
///             // The path, the library's error (kind, parameter) when it is one, and the text.
///             let param = rejection.error().and_then(|err| err.param()).unwrap_or("-");
///             eprintln!("refused {}: {} (parameter {param})", rejection.path(), rejection);
///             rejection.into_response()
///         }
///     }
/// }
/// let app: axum::Router = ivr_xml::web::routes("/", post(ivr));
/// ```
#[derive(Debug)]
pub struct NotifyRejection {
    message: String,
    path: String,
    error: Option<NotifyError>,
}

impl NotifyRejection {
    /// The message sent back.
    ///
    /// ```
    /// # use ivr_xml::web::NotifyRejection;
    /// fn log(rejection: &NotifyRejection) -> String {
    ///     format!("400: {}", rejection.message())
    /// }
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The request's path (without the query string).
    ///
    /// ```
    /// # use ivr_xml::web::NotifyRejection;
    /// fn log(rejection: &NotifyRejection) -> String {
    ///     format!("{} refused", rejection.path())
    /// }
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The library's error, when the notification was read and refused (not when the body could
    /// not be received).
    ///
    /// ```
    /// # use ivr_xml::web::NotifyRejection;
    /// use ivr_xml::notify::NotifyErrorKind;
    /// fn is_missing_param(rejection: &NotifyRejection) -> bool {
    ///     matches!(rejection.error().map(|err| err.kind()), Some(NotifyErrorKind::MissingParam { .. }))
    /// }
    /// ```
    pub fn error(&self) -> Option<&NotifyError> {
        self.error.as_ref()
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
        state: &S,
    ) -> Result<Self, NotifyRejection> {
        Received::<N>::from_request(request, state)
            .await
            .map(|received| Notified(received.notification))
    }
}

impl<S, N> axum::extract::FromRequest<S> for Received<N>
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
        let path = parts.uri.path().to_owned();
        let bytes = axum::body::to_bytes(body, MAX_BODY)
            .await
            .map_err(|err| NotifyRejection {
                message: format!(
                    "cannot read the notification's body (at most {MAX_BODY} bytes): {err}"
                ),
                path: path.clone(),
                error: None,
            })?;
        let options = parts
            .extensions
            .get::<NotifyOptions>()
            .copied()
            .unwrap_or_else(|| NotifyOptions::default().refuse_conflicts(true));
        let request = crate::notify::Request::from_http(&parts, &bytes).options(options);
        let rejection = |err: crate::notify::NotifyError| NotifyRejection {
            message: err.to_string(),
            path: path.clone(),
            error: Some(err),
        };
        let (notification, ignored_body) = request.parse_received::<N>().map_err(rejection)?;
        Ok(Received {
            notification,
            ignored_body,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use axum::extract::FromRequest;

    use super::*;
    use crate::notify::{Notification, NotifyErrorKind, StopService};

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
    async fn options_come_from_a_layer_and_the_rejection_tells_what_and_where() {
        let request = || {
            axum::http::Request::post("/ivr/stopservice?appid=a1&callid=c1")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(axum::body::Body::from("callid=c2"))
                .unwrap()
        };
        // By default a contradicting body is refused, with the error and the path kept.
        let rejection = Notified::<Call>::from_request(request(), &())
            .await
            .unwrap_err();
        assert_eq!(rejection.path(), "/ivr/stopservice");
        let err = rejection.error().unwrap();
        assert!(
            matches!(err.kind(), NotifyErrorKind::Conflict { .. }),
            "{err}"
        );
        assert_eq!(rejection.message(), err.to_string());

        // Options set by a layer (here inserted as `axum::Extension` would) are used instead.
        let mut lenient = request();
        lenient
            .extensions_mut()
            .insert(NotifyOptions::default().refuse_conflicts(false));
        let Call::Stop(stop) = Notified::<Call>::from_request(lenient, &())
            .await
            .unwrap()
            .0;
        assert_eq!(stop.callid, "c1");

        let mut strict = request();
        strict
            .extensions_mut()
            .insert(NotifyOptions::default().max_params(1));
        let rejection = Notified::<Call>::from_request(strict, &())
            .await
            .unwrap_err();
        assert_eq!(
            rejection.message(),
            "query string: input exceeds the parameter count limit of 1"
        );
        assert!(matches!(
            rejection.error().map(NotifyError::kind),
            Some(NotifyErrorKind::LimitExceeded { max: 1, .. })
        ));
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

    async fn receive(
        target: &str,
        content_type: &str,
        body: &'static str,
    ) -> Result<Received<Call>, NotifyRejection> {
        let request = axum::http::Request::post(target)
            .header(header::CONTENT_TYPE, content_type)
            .body(axum::body::Body::from(body))
            .unwrap();
        Received::<Call>::from_request(request, &()).await
    }

    /// Item 7 of issue 14: a complete query string and a body of a type that carries no
    /// parameters: read from the query, the body ignored and reported (spec §3.1).
    async fn a_body_of_type_is_ignored_and_reported(content_type: &str, body: &'static str) {
        let target = "/ivr/stopservice?appid=a1&callid=c1";
        let received = receive(target, content_type, body).await.unwrap();
        let Call::Stop(stop) = &received.notification;
        assert_eq!(stop.callid, "c1");
        let ignored = received.ignored_body.unwrap();
        assert_eq!(ignored.content_type(), content_type);
        assert_eq!(ignored.len(), body.len());
        // `Notified` reads it the same way.
        let Call::Stop(stop) = extract(content_type, body).await.unwrap();
        assert_eq!(stop.callid, "c1");
        // Without the parameters in the query string the body's type is the refusal.
        let err = receive("/ivr/stopservice?appid=a1", content_type, body)
            .await
            .unwrap_err();
        assert_eq!(
            err.message(),
            format!("stopservice notification: unsupported content type `{content_type}`: expected `application/x-www-form-urlencoded`, an XML type, `text/plain` or none")
        );
    }

    #[tokio::test]
    async fn a_json_body_is_ignored_and_reported() {
        a_body_of_type_is_ignored_and_reported("application/json", r#"{"callid":"c2"}"#).await;
    }

    #[tokio::test]
    async fn an_html_body_is_ignored_and_reported() {
        a_body_of_type_is_ignored_and_reported("text/html", "<html><body>callid=c2</body></html>")
            .await;
    }

    #[tokio::test]
    async fn an_octet_stream_body_is_ignored_and_reported() {
        a_body_of_type_is_ignored_and_reported("application/octet-stream", "callid=c2").await;
    }

    #[tokio::test]
    async fn a_body_of_a_read_type_is_not_reported_as_ignored() {
        let target = "/ivr/stopservice?appid=a1&callid=c1";
        let form = "application/x-www-form-urlencoded";
        let received = receive(target, form, "errorcode=7").await.unwrap();
        assert_eq!(received.ignored_body, None);
    }

    #[tokio::test]
    async fn every_url_form_under_any_mount_reaches_the_extractor() {
        for target in [
            "/stopservice?appid=a1&callid=c1",
            "/stopservice/?appid=a1&callid=c1",
            "/?stopservice&appid=a1&callid=c1",
            "/ivr/stopservice?appid=a1&callid=c1",
            "/ivr/stopservice/?appid=a1&callid=c1",
            "/ivr/?stopservice&appid=a1&callid=c1",
        ] {
            let received = receive(target, "text/plain", "").await.unwrap();
            let Call::Stop(stop) = received.notification;
            assert_eq!(
                (stop.appid.as_str(), stop.callid.as_str()),
                ("a1", "c1"),
                "{target}"
            );
        }
    }
}
