//! [`NotifyRejection`]: why an extractor refused a request, answered `400 Bad Request`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::IntoResponse;

use crate::notify::NotifyError;

/// Why [`Notified`](crate::web::Notified) (or [`Received`](crate::web::Received)) refused a
/// request: answered `400 Bad Request` with the message as text.
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
    pub(super) message: String,
    pub(super) path: String,
    pub(super) error: Option<NotifyError>,
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
