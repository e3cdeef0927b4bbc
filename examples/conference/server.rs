//! Serving the application as a production service would: HTTP/1 (what the platform speaks),
//! limits on header size, body size, time and connections, and `Connection: close` on every
//! refusal so that a keep-alive client knows to open a new connection.
//!
//! hyper's own connection builder is used rather than `axum::serve`, which sets no timeouts: a
//! client that opens a connection and sends nothing (or half a request), or leaves a keep-alive
//! connection idle, would hold it forever.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::Router;

use crate::app::refuse;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// What one client may take from the server.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Time to receive a request's headers once the server waits for them: on a new connection,
    /// and between requests on a keep-alive connection (so also the idle timeout). The
    /// connection is closed when it runs out.
    pub(crate) header_timeout: Duration,
    /// Time from complete headers to the answer (reading the body included): `408` after it.
    pub(crate) request_timeout: Duration,
    /// Largest request line and headers together: `431` above it (hyper's own answer).
    pub(crate) max_header_bytes: usize,
    /// Largest body a `Content-Length` may announce: `413` above it. The notification extractor
    /// reads at most this much of any body either way (the platform sends none).
    pub(crate) max_body_bytes: u64,
    /// Connections served at once; further ones wait in the listen queue.
    pub(crate) max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(10),
            // A notification URL with every parameter seen in the field is under 1 KiB.
            max_header_bytes: 16 * 1024,
            // The extractor's own limit (`ivr_xml::web`).
            max_body_bytes: 64 * 1024,
            max_connections: 4096,
        }
    }
}

/// Serves `router` on `listener` within `limits`, until the task is aborted.
pub(crate) async fn serve(listener: TcpListener, router: Router, limits: Limits) {
    let router = router.layer(axum::middleware::from_fn_with_state(limits, guard));
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        // The semaphore is never closed, so this cannot fail; stop serving if it ever did.
        let Ok(slot) = Arc::clone(&slots).acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(err) => {
                // Out of file descriptors, or a connection reset before it was accepted: keep
                // serving the others, pausing so as not to spin.
                eprintln!("accept: {err}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(router.clone());
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .max_header_size(limits.max_header_bytes)
            .serve_connection(TokioIo::new(stream), service)
            .without_shutdown();
        tokio::spawn(async move {
            // A client that goes away or breaks the protocol only ends its own connection.
            if let Ok(parts) = connection.await {
                linger(parts.io.into_inner()).await;
            }
            drop(slot);
        });
    }
}

/// Closes a connection gently: says so (FIN), then reads and drops what the client still sends,
/// for at most a second and 1 MiB. Closing with unread data in the socket makes the kernel send
/// a reset, which can destroy the answer before the client reads it: a client still sending a
/// 1 MB body would see its connection reset instead of the `413` already sent to it.
async fn linger(mut stream: tokio::net::TcpStream) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    if stream.shutdown().await.is_err() {
        return;
    }
    let drain = async {
        let mut buffer = [0u8; 8192];
        let mut left = 1usize << 20;
        while left > 0 {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => left = left.saturating_sub(n),
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(1), drain).await;
}

/// Applies the body size and time limits to each request, and closes the connection after any
/// refusal.
async fn guard(
    State(limits): State<Limits>,
    request: Request,
    next: Next,
) -> axum::response::Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    let mut response = match announced {
        Some(length) if length > limits.max_body_bytes => refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the body is {length} bytes: expected at most {} (the platform sends its parameters in the query string)",
                limits.max_body_bytes
            ),
        ),
        _ => match tokio::time::timeout(limits.request_timeout, next.run(request)).await {
            Ok(response) => response,
            Err(_) => refuse(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the request was not complete and answered within {} ms",
                    limits.request_timeout.as_millis()
                ),
            ),
        },
    };
    // A refused request may leave its body unread, and then hyper cannot reuse the connection:
    // say so, or a keep-alive client would send its next request into a closing socket.
    if response.status().is_client_error() || response.status().is_server_error() {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}
