//! An application answering each segment with a fixed document, shared by the semantics and
//! policy tests.

use axum::extract::Path;
use axum::routing::any;
use axum::Router;

/// Answers `/{segment}` with the document `routes` gives that segment, `<CmdNone/>` otherwise.
pub(crate) fn app(routes: &'static [(&'static str, &'static str)]) -> Router {
    Router::new().route(
        "/{segment}",
        any(move |Path(segment): Path<String>| async move {
            let body = routes
                .iter()
                .find(|(s, _)| *s == segment)
                .map_or("<Response><CmdNone/></Response>", |(_, doc)| *doc);
            ([("content-type", "application/xml")], body)
        }),
    )
}
