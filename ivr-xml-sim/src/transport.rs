//! How the simulator reaches the application: in-process through a `tower` service, or over HTTP.

use std::fmt;
use std::future::Future;
use std::time::Duration;

#[cfg(feature = "http")]
use bytes::Bytes;
use http_body_util::BodyExt;
#[cfg(feature = "http")]
use http_body_util::Full;

/// A request from the platform to the application.
///
/// ```
/// use ivr_xml_sim::PlatformRequest;
/// let request = PlatformRequest { method: http::Method::POST, path_and_query: "/startservice?appid=a1".to_owned() };
/// assert_eq!(request.path_and_query, "/startservice?appid=a1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformRequest {
    /// `POST` (the field's practice) or `GET` (`<Get method='GET'>`).
    pub method: http::Method,
    /// `/segment?query`, relative to the application's notification URL.
    pub path_and_query: String,
}

/// The application's answer.
///
/// ```
/// use ivr_xml_sim::{AppResponse, InProcess, PlatformRequest, Transport};
/// let app = axum::Router::new().fallback(|| async { "<Response><Hangup/></Response>" });
/// let request = PlatformRequest { method: http::Method::POST, path_and_query: "/startservice".to_owned() };
/// let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// let answer: AppResponse = runtime.block_on(InProcess(app).send(request))?;
/// assert_eq!(answer.status, http::StatusCode::OK);
/// assert_eq!(answer.body, "<Response><Hangup/></Response>");
/// # Ok::<(), ivr_xml_sim::TransportError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppResponse {
    /// HTTP status.
    pub status: http::StatusCode,
    /// `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The body, as text (invalid UTF-8 replaced).
    pub body: String,
}

/// The application could not be reached.
///
/// ```
/// use ivr_xml_sim::TransportError;
/// let err = TransportError("connection refused".to_owned());
/// assert_eq!(err.to_string(), "connection refused");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportError(pub String);

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TransportError {}

/// Sends the platform's requests to the application.
///
/// ```
/// use ivr_xml_sim::{AppResponse, PlatformRequest, Transport, TransportError};
///
/// /// A transport that answers every request with the same document, for a unit test.
/// struct Fixed(&'static str);
///
/// impl Transport for Fixed {
///     async fn send(&mut self, _request: PlatformRequest) -> Result<AppResponse, TransportError> {
///         Ok(AppResponse { status: http::StatusCode::OK, content_type: None, body: self.0.to_owned() })
///     }
/// }
///
/// let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// let transcript = runtime.block_on(
///     ivr_xml_sim::Simulator::new(Fixed("<Response><Play>a.wav</Play><Hangup/></Response>"))
///         .run(vec![ivr_xml_sim::Caller::new("1")]),
/// );
/// assert_eq!(transcript.heard(1), ["a.wav"]);
/// ```
pub trait Transport {
    /// Sends one request and returns the answer.
    fn send(
        &mut self,
        request: PlatformRequest,
    ) -> impl Future<Output = Result<AppResponse, TransportError>>;
}

/// Calls an application in-process: any `tower` service taking `http::Request<String>`, such as
/// an axum `Router`.
///
/// ```
/// use ivr_xml_sim::{Caller, InProcess, Simulator};
/// let app = axum::Router::new().fallback(|| async { "<Response><Play>a.wav</Play><Hangup/></Response>" });
/// let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// let transcript = runtime.block_on(Simulator::new(InProcess(app)).run(vec![Caller::new("1")]));
/// assert_eq!(transcript.heard(1), ["a.wav"]);
/// ```
#[derive(Debug, Clone)]
pub struct InProcess<S>(pub S);

impl<S, B> Transport for InProcess<S>
where
    S: tower_service::Service<http::Request<String>, Response = http::Response<B>>,
    S::Error: fmt::Display,
    B: http_body::Body,
    B::Error: fmt::Display,
{
    async fn send(&mut self, request: PlatformRequest) -> Result<AppResponse, TransportError> {
        let http_request = http::Request::builder()
            .method(request.method)
            .uri(&request.path_and_query)
            .body(String::new())
            .map_err(|err| {
                TransportError(format!(
                    "bad request URI `{}`: {err}",
                    request.path_and_query
                ))
            })?;
        std::future::poll_fn(|cx| self.0.poll_ready(cx))
            .await
            .map_err(|err| TransportError(format!("the application is not ready: {err}")))?;
        let response = self
            .0
            .call(http_request)
            .await
            .map_err(|err| TransportError(format!("the application failed: {err}")))?;
        read_response(response).await
    }
}

async fn read_response<B>(response: http::Response<B>) -> Result<AppResponse, TransportError>
where
    B: http_body::Body,
    B::Error: fmt::Display,
{
    let (parts, body) = response.into_parts();
    let bytes = body
        .collect()
        .await
        .map_err(|err| TransportError(format!("cannot read the answer's body: {err}")))?
        .to_bytes();
    Ok(AppResponse {
        status: parts.status,
        content_type: parts
            .headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body: String::from_utf8_lossy(&bytes).into_owned(),
    })
}

/// How long an application may take to answer a notification (connecting, the headers and the
/// whole body) before it counts as unreachable: 5 seconds. The platform's own limit is
/// undocumented \[unknown\]; this is the default of [`Http::timeout`] and of the explorer's
/// `ExploreOptions::answer_timeout`, so the simulator and the explorer give up alike.
///
/// ```
/// assert_eq!(ivr_xml_sim::DEFAULT_ANSWER_TIMEOUT.as_secs(), 5);
/// ```
pub const DEFAULT_ANSWER_TIMEOUT: Duration = Duration::from_secs(5);

/// Calls an application over HTTP at a base URL (the "IVR notification URL" of the console),
/// such as `http://127.0.0.1:8080/ivr` (feature `http`, on by default). A request that gets no
/// whole answer within its [`Http::timeout`] (default [`DEFAULT_ANSWER_TIMEOUT`]) fails with a [`TransportError`] that
/// says so, and the simulator flags it as an unreachable application.
///
/// ```
/// use std::time::Duration;
/// use ivr_xml_sim::Http;
/// let http = Http::new("http://127.0.0.1:8080/ivr").timeout(Duration::from_millis(500));
/// assert_eq!(http.answer_timeout(), Duration::from_millis(500));
/// ```
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
#[derive(Debug, Clone)]
pub struct Http {
    base: String,
    timeout: Duration,
    client: hyper_util::client::legacy::Client<
        hyper_util::client::legacy::connect::HttpConnector,
        Full<Bytes>,
    >,
}

#[cfg(feature = "http")]
impl Http {
    /// A transport to `base` (`http://` only; a trailing `/` is ignored), with the default
    /// [`DEFAULT_ANSWER_TIMEOUT`].
    ///
    /// ```
    /// let http = ivr_xml_sim::Http::new("http://127.0.0.1:8080/");
    /// assert_eq!(http.answer_timeout(), ivr_xml_sim::DEFAULT_ANSWER_TIMEOUT);
    /// ```
    pub fn new(base: impl Into<String>) -> Http {
        let base = base.into().trim_end_matches('/').to_owned();
        let client =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                .build_http::<Full<Bytes>>();
        Http {
            base,
            timeout: DEFAULT_ANSWER_TIMEOUT,
            client,
        }
    }

    /// Sets how long one request may take, from connecting to the end of the answer's body.
    /// Needs a `tokio` runtime with its timer enabled (`#[tokio::test]` and `#[tokio::main]`
    /// have one).
    ///
    /// ```
    /// use std::time::Duration;
    /// let http = ivr_xml_sim::Http::new("http://127.0.0.1:8080").timeout(Duration::from_secs(2));
    /// assert_eq!(http.answer_timeout(), Duration::from_secs(2));
    /// ```
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Http {
        self.timeout = timeout;
        self
    }

    /// How long one request may take ([`Http::timeout`]).
    ///
    /// ```
    /// let http = ivr_xml_sim::Http::new("http://127.0.0.1:8080");
    /// assert_eq!(http.answer_timeout().as_secs(), 5);
    /// ```
    pub fn answer_timeout(&self) -> Duration {
        self.timeout
    }
}

#[cfg(feature = "http")]
impl Transport for Http {
    async fn send(&mut self, request: PlatformRequest) -> Result<AppResponse, TransportError> {
        let uri = format!("{}{}", self.base, request.path_and_query);
        let http_request = http::Request::builder()
            .method(request.method)
            .uri(&uri)
            .body(Full::new(Bytes::new()))
            .map_err(|err| TransportError(format!("bad URL `{uri}`: {err}")))?;
        let exchange = async {
            let response = self
                .client
                .request(http_request)
                .await
                .map_err(|err| TransportError(format!("cannot reach {uri}: {err}")))?;
            read_response(response).await
        };
        tokio::time::timeout(self.timeout, exchange)
            .await
            .unwrap_or_else(|_| {
                Err(TransportError(format!(
                    "no answer from {uri} within {} ms (Http::timeout)",
                    self.timeout.as_millis()
                )))
            })
    }
}
