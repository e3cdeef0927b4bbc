//! Reading one call back: its transcript and exchanges, in order, become states, edges and
//! findings (failures, refused answers, silences, loops, dead ends).

use ivr_xml::policy::Policy;
use ivr_xml::validate::{validate_with, Severity as Level, ValidateOptions};
use ivr_xml::{ParseOptions, Response};

use super::analyze::{Explorer, Walk, ENDED, MAX_VARIANTS, START};
use super::identity::{step_at, url_path, Doc};
use super::run::{Exchange, Run};
use super::{path_text, Choice, Severity, StateKind, Step};
use crate::transcript::Event;

impl Explorer<'_> {
    /// The path as far as the walk got: the choices consumed, then the final hang-up.
    pub(super) fn walked(&self, path: &[Step], walk: &Walk) -> Vec<Step> {
        let mut walked: Vec<Step> = path.iter().take(walk.consumed).cloned().collect();
        walked.extend(walk.hung_up.clone());
        walked
    }

    /// Reads one call back: each notification, each caller action.
    pub(super) fn read(&mut self, path: &[Step], run: &Run) {
        let mut walk = Walk {
            cur: START,
            label: "startservice".to_owned(),
            consumed: 0,
            in_conference: false,
            since_choice: Vec::new(),
            hung_up: None,
        };
        let mut exchanges = run.exchanges.iter();
        for entry in &run.transcript.entries {
            match &entry.event {
                Event::Notified { method, request } => {
                    let Some(exchange) = exchanges.next() else {
                        return;
                    };
                    let is_doc = entry.call == 1 && self.is_document(walk.cur, request);
                    if !self.exchange(path, run, &mut walk, method, request, exchange, is_doc) {
                        return;
                    }
                }
                Event::ConferenceCreated { confid } => {
                    self.produced.insert(confid.clone());
                }
                Event::Pressed { keys } if entry.call == 1 => {
                    walk.label = format!("press {keys}");
                    walk.consumed += 1;
                    walk.since_choice.clear();
                }
                Event::TimedOut if entry.call == 1 => {
                    walk.label = "timeout".to_owned();
                    walk.consumed += 1;
                    walk.since_choice.clear();
                }
                Event::Joined { .. } if entry.call == 1 => walk.in_conference = true,
                Event::HungUp { by } if entry.call == 1 => {
                    let action = match by.as_str() {
                        "caller" => "hang up",
                        "application" => "<Hangup/>",
                        _ => continue,
                    };
                    if by == "caller" {
                        if walk.consumed >= path.len() {
                            let get = self.docs.get(&walk.cur).and_then(|d| d.get.as_ref());
                            walk.hung_up = Some(step_at(&self.options.config, get, Choice::HangUp));
                        } else {
                            walk.consumed += 1;
                        }
                        self.dead_end(path, run, &walk);
                    }
                    self.edge(walk.cur, ENDED, action);
                    walk.cur = ENDED;
                    walk.label = "after the call".to_owned();
                }
                _ => {}
            }
        }
    }

    /// Whether the answer to `request` is the call's next document (not a callback whose
    /// answer the platform ignores, such as `stopservice`).
    fn is_document(&self, cur: usize, request: &str) -> bool {
        let segment = self.segment(request);
        if cur == START {
            return segment == "startservice";
        }
        self.docs.get(&cur).is_some_and(|doc| {
            doc.next_urls
                .iter()
                .any(|u| u == &segment || url_path(u) == segment)
        })
    }

    /// A caller who hangs up where nothing is left to run, outside a conference.
    fn dead_end(&mut self, path: &[Step], run: &Run, walk: &Walk) {
        let Some(doc) = self.docs.get(&walk.cur) else {
            return;
        };
        if doc.get.is_some() || walk.in_conference || !doc.silences.is_empty() || !doc.waits {
            return;
        }
        let state = &self.out.states[walk.cur];
        let (url, answer) = (self.url(&state.request), state.answer.clone());
        let walked = self.walked(path, walk);
        self.find(
            "EXP005",
            Severity::Warning,
            "the call waits (<CmdNone/>) outside any conference: hanging up is the only way out"
                .to_owned(),
            url,
            Some(walk.cur),
            &answer,
            walked,
            run,
            "",
        );
    }

    /// One request: a failure, a refused answer, or the next document. `false` ends the walk.
    #[allow(clippy::too_many_arguments)]
    fn exchange(
        &mut self,
        path: &[Step],
        run: &Run,
        walk: &mut Walk,
        method: &str,
        request: &str,
        exchange: &Exchange,
        is_doc: bool,
    ) -> bool {
        let walked = self.walked(path, walk);
        let asked = Asked {
            method,
            request,
            what: format!("{method} {}", url_path(request)),
            url: self.url(request),
        };
        let what = &asked.what;
        if exchange.cut {
            if walk.since_choice.len() > 1 {
                self.redirect_loop(path, run, walk, &asked.url);
            } else if !self.step_bound_said {
                self.step_bound_said = true;
                self.out.cut.push(format!(
                    "the bound of {} requests per call (--max-steps-per-call) cut the call on path: {}",
                    self.options.max_steps_per_call,
                    path_text(&walked)
                ));
            }
            return false;
        }
        let failure = match &exchange.result {
            Err(err) => Some(("EXP002", format!("the application cannot be reached for {what}: {err}; the platform drops the call"), String::new())),
            Ok(answer) if !answer.status.is_success() => {
                let status = answer.status;
                let why = if status.is_redirection() {
                    "a redirect, which the platform is not known to follow (every documented answer is HTTP 200, spec §1.6)".to_owned()
                } else {
                    "expected HTTP 200 with an XML document (spec §1.6)".to_owned()
                };
                Some(("EXP001", format!("the application answered HTTP {status} to {what}: {why}"), answer.body.clone()))
            }
            Ok(_) => None,
        };
        if let Some((code, message, body)) = failure {
            let label = match &exchange.result {
                Ok(answer) => format!("HTTP {} {what}", answer.status.as_u16()),
                Err(_) => format!("no answer: {what}"),
            };
            let id = self.failed(
                &format!("failed:{label}"),
                label,
                &asked,
                &body,
                &walked,
                walk,
            );
            self.refuse(run, &asked, id, &body, &walked, [(code, message)]);
            if is_doc {
                walk.cur = id;
            }
            return !is_doc;
        }
        let Ok(answer) = &exchange.result else {
            return true;
        };
        if let Some(charset) = foreign_charset(answer.content_type.as_deref()) {
            self.find("EXP007", Severity::Warning, format!("the answer to {what} declares charset {charset}; the platform reads UTF-8 only (spec §1.6 [official])"), asked.url.clone(), None, &answer.body, walked.clone(), run, "");
        }
        if !is_doc {
            return true;
        }
        // The transport replaced bytes that are not UTF-8 with U+FFFD.
        if answer.body.contains('\u{FFFD}') {
            self.find("IVR001", Severity::Error, format!("the answer to {what} is not valid UTF-8 (or carries U+FFFD); the platform reads UTF-8 only (spec §1.6 [official])"), asked.url.clone(), None, &answer.body, walked.clone(), run, &digits_of(request));
        }
        self.document(path, run, walk, &asked, &answer.body)
    }

    /// The failed state an answer leads to (interned under `key`), with the edge to it.
    fn failed(
        &mut self,
        key: &str,
        label: String,
        asked: &Asked<'_>,
        body: &str,
        walked: &[Step],
        walk: &Walk,
    ) -> usize {
        let (id, _) = self.intern(key, StateKind::Failed, label, &asked.key(), body, walked);
        self.edge(walk.cur, id, &walk.label);
        id
    }

    fn document(
        &mut self,
        path: &[Step],
        run: &Run,
        walk: &mut Walk,
        asked: &Asked<'_>,
        body: &str,
    ) -> bool {
        let walked = self.walked(path, walk);
        let (what, url) = (&asked.what, asked.url.as_str());
        let policy: &Policy = &self.config.policy;
        let options = ParseOptions::strict().policy(policy.clone());
        let parsed = match Response::parse_with(body, &options) {
            Ok(parsed) => parsed.value,
            Err(_) => {
                let findings = validate_with(
                    body,
                    &ValidateOptions {
                        policy: policy.clone(),
                        ..ValidateOptions::default()
                    },
                );
                let errors: Vec<_> = findings
                    .iter()
                    .filter(|d| d.severity == Level::Error)
                    .collect();
                let first = errors.first().map_or("IVR002", |d| d.code);
                let label = format!("refused answer ({first}) {what}");
                let id = self.failed(
                    &format!("refused:{first}:{what}"),
                    label,
                    asked,
                    body,
                    &walked,
                    walk,
                );
                let refused = format!("the platform would refuse the answer to {what}");
                let reasons: Vec<(&str, String)> = if errors.is_empty() {
                    vec![("IVR002", refused)]
                } else {
                    errors
                        .iter()
                        .map(|d| (d.code, format!("{refused}: {d}")))
                        .collect()
                };
                self.refuse(run, asked, id, body, &walked, reasons);
                walk.cur = id;
                return false;
            }
        };
        let doc = Doc::new(&parsed);
        let (id, new) = self.intern(
            &doc.signature,
            StateKind::Answer,
            doc.label.clone(),
            &asked.key(),
            body,
            &walked,
        );
        self.edge(walk.cur, id, &walk.label);
        if walk.since_choice.contains(&id) {
            walk.cur = id;
            self.redirect_loop(path, run, walk, url);
            return false;
        }
        walk.since_choice.push(id);
        walk.cur = id;
        walk.label = "(no input)".to_owned();
        if new {
            for (severity, message, on_timeout) in &doc.silences {
                let mut at = walked.clone();
                if *on_timeout {
                    at.push(step_at(
                        &self.options.config,
                        doc.get.as_ref(),
                        Choice::Silence,
                    ));
                }
                self.find(
                    "EXP003",
                    *severity,
                    message.clone(),
                    url.to_owned(),
                    Some(id),
                    body,
                    at,
                    run,
                    "",
                );
            }
            self.docs.insert(id, doc);
        }
        if let Some(variant) = self.variant(id, body) {
            self.queue_choices(id, variant, &walked);
        }
        true
    }

    /// Reports each `(code, message)` as an error of the failed state `id`, found at the request's
    /// URL on the walked path.
    fn refuse<'c>(
        &mut self,
        run: &Run,
        asked: &Asked<'_>,
        id: usize,
        body: &str,
        walked: &[Step],
        reasons: impl IntoIterator<Item = (&'c str, String)>,
    ) {
        let digits = digits_of(asked.request);
        for (code, message) in reasons {
            let url = asked.url.clone();
            self.find(
                code,
                Severity::Error,
                message,
                url,
                Some(id),
                body,
                walked.to_vec(),
                run,
                &digits,
            );
        }
    }

    /// A new variant of state `id`: the same identity, other bytes (a retry counter in a `tag`,
    /// another prompt). The first few variants of a `<Get>` are explored each, so that what a
    /// counter decides (a third timeout says goodbye) is reached; then the state converges.
    pub(super) fn variant(&mut self, id: usize, body: &str) -> Option<usize> {
        let bodies = self.variants.entry(id).or_default();
        if bodies.len() >= MAX_VARIANTS || bodies.iter().any(|b| b == body) {
            return None;
        }
        bodies.push(body.to_owned());
        Some(bodies.len() - 1)
    }

    fn redirect_loop(&mut self, path: &[Step], run: &Run, walk: &Walk, url: &str) {
        let walked = self.walked(path, walk);
        let segment = |s: usize| -> String {
            let request = &self.out.states[s].request;
            url_path(request.split_once(' ').map_or("", |(_, r)| r))
        };
        let from = walk
            .since_choice
            .iter()
            .position(|&s| s == walk.cur)
            .map_or(0, |i| i + 1);
        let mut names: Vec<String> = walk.since_choice[from..]
            .iter()
            .map(|&s| segment(s))
            .collect();
        names.push(url_path(url.rsplit_once('/').map_or(url, |(_, last)| last)));
        if let Some(first) = names.first().cloned() {
            names.push(first);
        }
        let state = &self.out.states[walk.cur];
        let answer = state.answer.clone();
        self.find(
            "EXP004",
            Severity::Error,
            format!(
                "redirect loop with no caller input: {} -> …; the caller never gets a choice and the call never ends",
                names.join(" -> ")
            ),
            url.to_owned(),
            Some(walk.cur),
            &answer,
            walked,
            run, "");
    }
}

/// One request of the call, as findings and states name it.
struct Asked<'a> {
    method: &'a str,
    /// The request target, path and query.
    request: &'a str,
    /// `METHOD /path`, for messages.
    what: String,
    /// The full URL, without the query.
    url: String,
}

impl Asked<'_> {
    /// `METHOD target`: the request a state records.
    fn key(&self) -> String {
        format!("{} {}", self.method, self.request)
    }
}

/// The keys a request reports (its `digits` parameter), empty if none.
fn digits_of(request: &str) -> String {
    request
        .split_once('?')
        .map_or("", |(_, query)| query)
        .split('&')
        .find_map(|kv| kv.strip_prefix("digits="))
        .unwrap_or("")
        .to_owned()
}

/// The charset a content type declares, when it is not UTF-8.
fn foreign_charset(content_type: Option<&str>) -> Option<String> {
    let charset = content_type?
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))?
        .1
        .trim()
        .trim_matches('"')
        .to_owned();
    let plain = charset.to_ascii_lowercase().replace('-', "");
    (plain != "utf8").then_some(charset)
}
