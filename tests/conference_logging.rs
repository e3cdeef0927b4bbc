//! The conference example's `tracing` events: each request, the answer's first command and each
//! rejection. A test binary of its own: tracing caches each event site's interest process-wide,
//! so tests on other threads hitting the same sites while this one installs its scoped subscriber
//! could make it miss events (it failed that way beside the end-to-end tests).
#![allow(clippy::unwrap_used)]

#[path = "../examples/conference/app.rs"]
#[allow(dead_code, unreachable_pub)]
mod app;

/// What the application logs with `tracing`, captured into a buffer.
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Each request, the answer's first command and each rejection are logged (the example's
/// `tracing` events), in-process on this thread so that the subscriber sees them all.
#[tokio::test(flavor = "current_thread")]
async fn requests_answers_and_rejections_are_logged() {
    use ivr_xml_sim::{InProcess, PlatformRequest, Transport};

    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let mut app = InProcess(app::router());
    let start = app
        .send(PlatformRequest {
            method: axum::http::Method::POST,
            path_and_query: "/startservice?appid=a1&callid=c1&from=1&to=2&direction=0".to_owned(),
        })
        .await
        .unwrap();
    assert_eq!(start.status, 200, "{}", start.body);
    let refused = app
        .send(PlatformRequest {
            method: axum::http::Method::PUT,
            path_and_query: "/startservice?appid=a1&callid=c1".to_owned(),
        })
        .await
        .unwrap();
    assert_eq!(refused.status, 405);
    // The rejection's reason reaches the caller whole after being logged.
    assert!(
        refused.body.starts_with("method PUT is not allowed"),
        "{}",
        refused.body
    );

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert!(
        lines.iter().any(|l| l.contains("INFO")
            && l.contains("request")
            && l.contains("method=POST")
            && l.contains("path=/startservice")),
        "{log}"
    );
    assert!(
        lines.iter().any(|l| l.contains("answer")
            && l.contains("segment=startservice")
            && l.contains("first=Get")),
        "{log}"
    );
    assert!(
        lines.iter().any(|l| l.contains("WARN")
            && l.contains("rejected")
            && l.contains("status=405")
            && l.contains("method PUT is not allowed")),
        "{log}"
    );
}
