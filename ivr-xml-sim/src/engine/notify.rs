//! Notification I/O: the request the platform sends the application (the segment, the
//! application's own query and the notification's parameters), the answer recorded in the
//! transcript, and an answer that is the call's next document read strictly and run.

use ivr_xml::notify::Params;
use ivr_xml::validate::{validate, Severity};
use ivr_xml::Response;

use super::{Who, World};
use crate::transcript::Event;
use crate::transport::{PlatformRequest, Transport};

/// `relative` (a segment, maybe with the application's own query) plus the notification's
/// parameters: the platform keeps the application's query and appends its own (spec §1.9).
fn request_target(relative: &str, params: &Params) -> String {
    let (path, own_query) = relative.split_once('?').unwrap_or((relative, ""));
    let mut target = format!("/{}", path.trim_start_matches('/'));
    let query = params.to_query_string();
    let joined = [own_query, query.as_str()]
        .into_iter()
        .filter(|q| !q.is_empty())
        .collect::<Vec<_>>()
        .join("&");
    if !joined.is_empty() {
        target.push('?');
        target.push_str(&joined);
    }
    target
}

impl<T: Transport> World<'_, T> {
    /// Sends a notification and returns the answer's body, or flags why there is none.
    async fn send(
        &mut self,
        who: Who,
        relative: &str,
        params: &Params,
        method: http::Method,
    ) -> Option<String> {
        let target = request_target(relative, params);
        self.record(
            who,
            Event::Notified {
                method: method.to_string(),
                request: target.clone(),
            },
        );
        let request = PlatformRequest {
            method,
            path_and_query: target,
        };
        match self.transport.send(request).await {
            Ok(answer) => {
                let body: String = answer.body.lines().map(str::trim).collect();
                self.record(
                    who,
                    Event::Answered {
                        status: answer.status.as_u16(),
                        body,
                    },
                );
                if answer.status.is_success() {
                    Some(answer.body)
                } else {
                    self.flag(
                        who,
                        format!("the application answered HTTP {}", answer.status),
                    );
                    None
                }
            }
            Err(err) => {
                self.flag(who, format!("cannot reach the application: {err}"));
                None
            }
        }
    }

    /// A callback whose answer the platform does not run (conference events, `stopservice`).
    pub(super) async fn inform(
        &mut self,
        who: Who,
        relative: &str,
        params: Params,
    ) -> Option<String> {
        self.send(who, relative, &params, http::Method::POST).await
    }

    /// A notification whose answer is the call's next document: reads it strictly and runs it.
    /// An answer the platform would reject ends the call.
    pub(super) async fn notify_and_run(
        &mut self,
        call: usize,
        relative: &str,
        params: Params,
        method: http::Method,
    ) {
        let Some(body) = self.send(Who::Call(call), relative, &params, method).await else {
            return self.end_call_quietly(call, "platform");
        };
        match body.parse::<Response>() {
            Ok(doc) => {
                for finding in validate(&body)
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                {
                    self.flag(Who::Call(call), format!("the platform's rules: {finding}"));
                }
                Box::pin(self.execute(call, doc)).await;
            }
            Err(err) => {
                self.flag(
                    Who::Call(call),
                    format!("the platform would reject this answer: {err}"),
                );
                self.end_call_quietly(call, "platform");
            }
        }
    }
}
