//! Notification I/O: the request the platform sends the application (the segment, the
//! application's own query and the notification's parameters), the answer recorded in the
//! transcript, and an answer that is the call's next document read strictly and run.

use ivr_xml::notify::Params;
use ivr_xml::{ParseOptions, Response};

use super::{FollowUp, UrlForm, Who, World};
use crate::transcript::Event;
use crate::transport::{PlatformRequest, Transport};

/// The request target for `relative` (a segment, maybe with the application's own query) with
/// the notification's parameters, under `base_path`, in `form`. The platform keeps the
/// application's query and appends its own parameters (spec §1.9 \[field\]) unless `keep_query`
/// is off ([`Config::keep_url_query`](super::Config::keep_url_query)).
///
/// * [`UrlForm::Path`], `{base}/{segment}?{query}`
/// * [`UrlForm::PathSlash`], `{base}/{segment}/?{query}`
/// * [`UrlForm::QuerySegment`], `{base}/?{segment}&{query}`
fn request_target(
    form: UrlForm,
    base_path: &str,
    relative: &str,
    params: &Params,
    keep_query: bool,
) -> String {
    let (path, own_query) = relative.split_once('?').unwrap_or((relative, ""));
    let own_query = if keep_query { own_query } else { "" };
    let segment = path.trim_start_matches('/');
    let base = base_path.trim_matches('/');
    let mut target = String::from("/");
    if !base.is_empty() {
        target.push_str(base);
        target.push('/');
    }
    let query = params.to_query_string();
    let mut items: Vec<&str> = [own_query, query.as_str()]
        .into_iter()
        .filter(|q| !q.is_empty())
        .collect();
    match form {
        UrlForm::Path => target.push_str(segment),
        UrlForm::PathSlash => {
            target.push_str(segment);
            if !segment.is_empty() {
                target.push('/');
            }
        }
        UrlForm::QuerySegment => items.insert(0, segment),
    }
    let joined = items.join("&");
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
        let (form, base_path) = match who {
            Who::Call(call) => (
                self.calls[call].url_form,
                self.calls[call].base_path.as_str(),
            ),
            Who::Platform => (self.config.url_form, self.config.base_path.as_str()),
        };
        let target = request_target(
            form,
            base_path,
            relative,
            params,
            self.config.keep_url_query,
        );
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

    /// A notification whose answer is the call's next document: queued on the call, and sent
    /// by [`World::follow`] once the current wake-up is done (every caller is in tail position),
    /// so that a chain of answers is followed by a loop rather than by nested calls.
    pub(super) fn notify_and_run(
        &mut self,
        call: usize,
        relative: &str,
        params: Params,
        method: http::Method,
    ) {
        self.calls[call].next = Some(FollowUp {
            relative: relative.to_owned(),
            params,
            method,
        });
    }

    /// Sends the call's queued notifications one after another and runs each answer, until the
    /// call waits (nothing queued) or ends; past [`Config::max_answers_in_a_row`] the call is
    /// flagged and ended.
    pub(super) async fn follow(&mut self, call: usize) {
        let mut followed = 0_usize;
        while let Some(next) = self.calls[call].next.take() {
            if self.calls[call].ended {
                return;
            }
            if followed >= self.config.max_answers_in_a_row {
                self.flag(
                    Who::Call(call),
                    format!(
                        "the call ran {followed} answers in a row with no wait (redirects or actions answered at once), the simulator's bound (Config::max_answers_in_a_row); not sending {}",
                        next.relative
                    ),
                );
                return self.end_call_quietly(call, "platform");
            }
            followed += 1;
            self.fetch_and_run(call, &next.relative, next.params, next.method)
                .await;
        }
    }

    /// Sends one notification, reads its answer strictly under the configured policy and runs
    /// it. An answer with an error under the policy ends the call; its warnings are recorded and
    /// it runs.
    async fn fetch_and_run(
        &mut self,
        call: usize,
        relative: &str,
        params: Params,
        method: http::Method,
    ) {
        let Some(body) = self.send(Who::Call(call), relative, &params, method).await else {
            return self.end_call_quietly(call, "platform");
        };
        let options = ParseOptions::strict().policy(self.config.policy.clone());
        match Response::parse_with(&body, &options) {
            Ok(parsed) => {
                // The strict parser refuses exactly what the validator calls an error; what it
                // keeps are the findings at level warn.
                for warning in &parsed.warnings {
                    self.record(
                        Who::Call(call),
                        Event::Warned {
                            finding: format!("[{}] {warning}", warning.code()),
                        },
                    );
                }
                let doc = parsed.value;
                self.execute(call, doc).await;
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn each_url_form_under_each_base_path() {
        let params = Params::new().with("appid", "a").with("callid", "c");
        let cases = [
            (
                UrlForm::Path,
                "",
                "startservice",
                "/startservice?appid=a&callid=c",
            ),
            (
                UrlForm::PathSlash,
                "",
                "startservice",
                "/startservice/?appid=a&callid=c",
            ),
            (
                UrlForm::QuerySegment,
                "",
                "startservice",
                "/?startservice&appid=a&callid=c",
            ),
            (
                UrlForm::Path,
                "/ivr",
                "startservice",
                "/ivr/startservice?appid=a&callid=c",
            ),
            (
                UrlForm::PathSlash,
                "ivr/",
                "startservice",
                "/ivr/startservice/?appid=a&callid=c",
            ),
            (
                UrlForm::QuerySegment,
                "/ivr",
                "startservice",
                "/ivr/?startservice&appid=a&callid=c",
            ),
            (
                UrlForm::Path,
                "/ivr",
                "next?x=1",
                "/ivr/next?x=1&appid=a&callid=c",
            ),
            (
                UrlForm::QuerySegment,
                "/ivr",
                "next?x=1",
                "/ivr/?next&x=1&appid=a&callid=c",
            ),
        ];
        for (form, base, relative, expected) in cases {
            assert_eq!(
                request_target(form, base, relative, &params, true),
                expected
            );
        }
        assert_eq!(
            request_target(UrlForm::Path, "", "next?x=1", &params, false),
            "/next?appid=a&callid=c"
        );
    }
}
