//! axum integration (feature `axum`): documents are responses, notifications are extractors.
//!
//! One job a file: `answer.rs` (documents as responses, [`Answer`](crate::web::Answer)),
//! `extract.rs` (the notification extractors [`Notified`](crate::web::Notified) and
//! [`Received`](crate::web::Received)), `rejection.rs`
//! ([`NotifyRejection`](crate::web::NotifyRejection)), and here the content type and the router
//! of every URL form, [`routes`](crate::web::routes).

mod answer;
mod extract;
mod rejection;

pub use answer::Answer;
pub use extract::{Notified, Received};
pub use rejection::NotifyRejection;

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
