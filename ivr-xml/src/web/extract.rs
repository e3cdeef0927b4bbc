//! The notification extractors: [`Notified`] and [`Received`] read a request's path, query
//! string and body through [`notify::Request`](crate::notify::Request), in one pass.

use crate::notify::NotifyOptions;
use crate::web::NotifyRejection;

/// The largest notification body the extractor reads (the notification parser's own limit).
const MAX_BODY: usize = 64 * 1024;

/// Extracts a typed notification from a request: the path, the query string, and a form or XML
/// body (chosen by `Content-Type`), as [`notify::Request`](crate::notify::Request) reads them.
/// Bad input is answered `400 Bad Request` with the parser's message.
///
/// The segment is found in any of the platform's URL forms under any mount path:
/// `/ivr/startservice?appid=…`, `/ivr/startservice/?appid=…` and `/ivr/?startservice&appid=…`
/// (see [`notify::Request`](crate::notify::Request)); route every path to the handler, as
/// [`routes`](crate::web::routes) does, and the simulator's requests reach it in each form.
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
    use axum::http::{header, StatusCode};
    use axum::response::IntoResponse;

    use crate::notify::{Notification, NotifyError, NotifyErrorKind, StopService};

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
