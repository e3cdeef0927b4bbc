//! The search: breadth first over paths of caller choices, one simulated call per path; each
//! call's transcript and exchanges are read back into states, edges and findings.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::time::Instant;

use ivr_xml::policy::Policy;
use ivr_xml::validate::{validate_with, Severity as Level, ValidateOptions};
use ivr_xml::{ParseOptions, Response};

use super::identity::{choices, step_at, url_path, Doc};
use super::run::{exploring_config, run_call, Run};
use super::{
    path_text, script, Choice, Edge, Exploration, ExploreOptions, Finding, Progress, Severity,
    State, StateKind, Step,
};
use crate::engine::Config;
use crate::platform::Platform;
use crate::transcript::Event;
use crate::transport::Transport;

const START: usize = 0;
const ENDED: usize = 1;
/// How many answers with one identity but other bytes are explored from.
const MAX_VARIANTS: usize = 3;

pub(super) struct Explorer<'o> {
    options: &'o ExploreOptions,
    config: Config,
    out: Exploration,
    /// State ids by identity.
    ids: HashMap<String, usize>,
    /// The documents of answer states, by state id.
    docs: HashMap<usize, Doc>,
    edges: HashSet<Edge>,
    /// Findings already reported, by (code, state or URL).
    reported: HashSet<(String, String)>,
    /// Paths to explore, in order.
    queue: VecDeque<Vec<Step>>,
    /// Values the flow produced (conference ids), typed at multi-key `<Get>`s.
    values: Vec<String>,
    /// For each variant of each `<Get>` state, the choices already queued.
    queued: HashMap<(usize, usize), HashSet<Choice>>,
    /// The answers seen for each state, at most [`MAX_VARIANTS`].
    variants: HashMap<usize, Vec<String>>,
    step_bound_said: bool,
    /// Conference ids the platform handed out.
    produced: BTreeSet<String>,
}

/// What the call is doing while its transcript is read back.
struct Walk {
    cur: usize,
    label: String,
    consumed: usize,
    /// Whether the call joined a conference (it leaves it only as it hangs up).
    in_conference: bool,
    /// States reached since the last caller action (a repeat is a loop with no input).
    since_choice: Vec<usize>,
    /// The final hang-up, once the caller hung up after the whole path.
    hung_up: Option<Step>,
}

impl<'o> Explorer<'o> {
    pub(super) fn new(options: &'o ExploreOptions) -> Explorer<'o> {
        let mut explorer = Explorer {
            options,
            config: exploring_config(&options.config),
            out: Exploration::default(),
            ids: HashMap::new(),
            docs: HashMap::new(),
            edges: HashSet::new(),
            reported: HashSet::new(),
            queue: VecDeque::new(),
            values: options.inputs.clone(),
            queued: HashMap::new(),
            step_bound_said: false,
            produced: BTreeSet::new(),
            variants: HashMap::new(),
        };
        explorer.intern(
            "(start)",
            StateKind::Start,
            "call starts".to_owned(),
            "",
            "",
            &[],
        );
        explorer.intern(
            "(ended)",
            StateKind::Ended,
            "call ended".to_owned(),
            "",
            "",
            &[],
        );
        explorer
    }

    pub(super) async fn run<T: Transport>(
        mut self,
        transport: &mut T,
        mut progress: impl FnMut(&Progress),
    ) -> Exploration {
        let started = Instant::now();
        let platform = Platform::default();
        self.queue.push_back(Vec::new());
        while let Some(path) = self.queue.pop_front() {
            if self.out.calls >= self.options.max_calls {
                self.queue.push_front(path);
                let left = self.queue.len();
                self.out.cut.push(format!(
                    "the bound of {} calls (--max-calls) cut the search: {left} paths were left unexplored",
                    self.options.max_calls
                ));
                break;
            }
            if started.elapsed() >= self.options.max_time {
                self.queue.push_front(path);
                let left = self.queue.len();
                self.out.cut.push(format!(
                    "the bound of {} s (--max-seconds) cut the search: {left} paths were left unexplored",
                    self.options.max_time.as_secs()
                ));
                break;
            }
            // Media plays in no time while exploring: each action lands at once.
            let at_once: Vec<Step> = path
                .iter()
                .map(|s| Step {
                    choice: s.choice.clone(),
                    after: std::time::Duration::ZERO,
                })
                .collect();
            let caller =
                script(&self.options.caller, &at_once).hang_up_after(std::time::Duration::ZERO);
            let run = run_call(
                transport,
                &self.config,
                &platform,
                caller,
                self.options.max_steps_per_call,
                self.options.answer_timeout,
            )
            .await;
            self.out.calls += 1;
            self.read(&path, &run);
            self.requeue_values();
            progress(&Progress {
                calls: self.out.calls,
                queued: self.queue.len(),
                states: self.out.states.len(),
                edges: self.out.edges.len(),
                findings: self.out.findings.len(),
            });
        }
        self.replays();
        self.out.findings.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then(a.path.len().cmp(&b.path.len()))
        });
        self.out.elapsed = started.elapsed();
        self.out
    }

    fn intern(
        &mut self,
        key: &str,
        kind: StateKind,
        label: String,
        request: &str,
        answer: &str,
        path: &[Step],
    ) -> (usize, bool) {
        if let Some(&id) = self.ids.get(key) {
            return (id, false);
        }
        let id = self.out.states.len();
        self.ids.insert(key.to_owned(), id);
        self.out.states.push(State {
            id,
            kind,
            label,
            request: request.to_owned(),
            answer: answer.to_owned(),
            path: path.to_vec(),
        });
        (id, true)
    }

    fn edge(&mut self, from: usize, to: usize, action: &str) {
        let edge = Edge {
            from,
            to,
            action: action.to_owned(),
        };
        if self.edges.insert(edge.clone()) {
            self.out.edges.push(edge);
        }
    }

    /// Reports a finding once per code, state (or URL) and `distinct` (the keys whose report
    /// failed: two keys that fail alike at one URL are two defects).
    #[allow(clippy::too_many_arguments)]
    fn find(
        &mut self,
        code: &str,
        severity: Severity,
        message: String,
        url: String,
        state: Option<usize>,
        answer: &str,
        path: Vec<Step>,
        run: &Run,
        distinct: &str,
    ) {
        let at = state.map_or_else(|| url.clone(), |s| s.to_string());
        if !self
            .reported
            .insert((code.to_owned(), format!("{at} {distinct}")))
        {
            return;
        }
        self.out.findings.push(Finding {
            code: code.to_owned(),
            severity,
            message,
            url,
            state,
            answer: answer.to_owned(),
            path,
            transcript: run.transcript.to_string(),
        });
    }

    /// The URL of a request target (`/path?query`, maybe after `METHOD `): base URL and path.
    fn url(&self, request: &str) -> String {
        let request = request.rsplit(' ').next().unwrap_or(request);
        let path = request.split_once('?').map_or(request, |(p, _)| p);
        format!("{}{path}", self.options.base_url.trim_end_matches('/'))
    }

    /// The segment a request target names, under the configured base path and URL form.
    fn segment(&self, target: &str) -> String {
        let base = self.config.base_path.trim_matches('/');
        let rest = target.trim_start_matches('/');
        let rest = if base.is_empty() {
            rest
        } else {
            rest.strip_prefix(base).unwrap_or(rest)
        };
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let path = path.trim_matches('/');
        if path.is_empty() {
            query.split('&').next().unwrap_or("").to_owned()
        } else {
            path.to_owned()
        }
    }

    /// The path as far as the walk got: the choices consumed, then the final hang-up.
    fn walked(&self, path: &[Step], walk: &Walk) -> Vec<Step> {
        let mut walked: Vec<Step> = path.iter().take(walk.consumed).cloned().collect();
        walked.extend(walk.hung_up.clone());
        walked
    }

    /// Reads one call back: each notification, each caller action.
    fn read(&mut self, path: &[Step], run: &Run) {
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
        exchange: &super::run::Exchange,
        is_doc: bool,
    ) -> bool {
        let walked = self.walked(path, walk);
        let url = self.url(request);
        let what = format!("{method} {}", url_path(request));
        if exchange.cut {
            if walk.since_choice.len() > 1 {
                self.redirect_loop(path, run, walk, &url);
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
            let key = format!("failed:{label}");
            let (id, _) = self.intern(
                &key,
                StateKind::Failed,
                label,
                &format!("{method} {request}"),
                &body,
                &walked,
            );
            self.edge(walk.cur, id, &walk.label);
            self.find(
                code,
                Severity::Error,
                message,
                url,
                Some(id),
                &body,
                walked,
                run,
                &digits_of(request),
            );
            if is_doc {
                walk.cur = id;
            }
            return !is_doc;
        }
        let Ok(answer) = &exchange.result else {
            return true;
        };
        if let Some(charset) = foreign_charset(answer.content_type.as_deref()) {
            self.find("EXP007", Severity::Warning, format!("the answer to {what} declares charset {charset}; the platform reads UTF-8 only (spec §1.6 [official])"), url.clone(), None, &answer.body, walked.clone(), run, "");
        }
        if !is_doc {
            return true;
        }
        self.document(path, run, walk, method, request, &answer.body, &what, &url)
    }

    #[allow(clippy::too_many_arguments)]
    fn document(
        &mut self,
        path: &[Step],
        run: &Run,
        walk: &mut Walk,
        method: &str,
        request: &str,
        body: &str,
        what: &str,
        url: &str,
    ) -> bool {
        let walked = self.walked(path, walk);
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
                let (id, _) = self.intern(
                    &format!("refused:{first}:{what}"),
                    StateKind::Failed,
                    label,
                    &format!("{method} {request}"),
                    body,
                    &walked,
                );
                self.edge(walk.cur, id, &walk.label);
                let mut errors = errors.into_iter().peekable();
                if errors.peek().is_none() {
                    self.find(
                        "IVR002",
                        Severity::Error,
                        format!("the platform would refuse the answer to {what}"),
                        url.to_owned(),
                        Some(id),
                        body,
                        walked.clone(),
                        run,
                        &digits_of(request),
                    );
                }
                for diagnostic in errors {
                    self.find(
                        diagnostic.code,
                        Severity::Error,
                        format!("the platform would refuse the answer to {what}: {diagnostic}"),
                        url.to_owned(),
                        Some(id),
                        body,
                        walked.clone(),
                        run,
                        &digits_of(request),
                    );
                }
                walk.cur = id;
                return false;
            }
        };
        let doc = Doc::new(&parsed);
        let (id, new) = self.intern(
            &doc.signature,
            StateKind::Answer,
            doc.label.clone(),
            &format!("{method} {request}"),
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

    /// A new variant of state `id`: the same identity, other bytes (a retry counter in a `tag`,
    /// another prompt). The first few variants of a `<Get>` are explored each, so that what a
    /// counter decides (a third timeout says goodbye) is reached; then the state converges.
    fn variant(&mut self, id: usize, body: &str) -> Option<usize> {
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

    /// Queues the caller's choices at variant `variant` of a `<Get>` state reached by `walked`.
    fn queue_choices(&mut self, id: usize, variant: usize, walked: &[Step]) {
        let Some(get) = self.docs.get(&id).and_then(|d| d.get.clone()) else {
            return;
        };
        let done = self.queued.entry((id, variant)).or_default();
        for choice in choices(&get, &self.values) {
            if done.insert(choice.clone()) {
                let mut next = walked.to_vec();
                next.push(step_at(&self.options.config, Some(&get), choice));
                self.queue.push_back(next);
            }
        }
    }

    /// Values the flow produced since: typed at every multi-key `<Get>` already found.
    fn requeue_values(&mut self) {
        let fresh: Vec<String> = self
            .produced
            .iter()
            .filter(|v| !self.values.contains(v))
            .cloned()
            .collect();
        if fresh.is_empty() {
            return;
        }
        self.values.extend(fresh);
        let mut gets: Vec<(usize, Vec<Step>)> = self
            .docs
            .iter()
            .filter(|(_, d)| {
                d.get
                    .as_ref()
                    .is_some_and(|g| g.numdigits.map_or(12, |n| n.get()) > 1)
            })
            .map(|(&id, _)| (id, self.out.states[id].path.clone()))
            .collect();
        gets.sort_by_key(|(id, _)| *id);
        for (id, path) in gets {
            self.queue_choices(id, 0, &path);
        }
    }

    /// Keys that lead back to the same menu at a one-key `<Get>` (informational).
    fn replays(&mut self) {
        let mut found = Vec::new();
        for (&id, doc) in &self.docs {
            let Some(get) = &doc.get else { continue };
            if get.numdigits.map_or(12, |n| n.get()) != 1 {
                continue;
            }
            let main = doc.signature.split(';').next().unwrap_or("");
            let keys: Vec<&str> = self
                .out
                .edges
                .iter()
                .filter(|e| e.from == id)
                .filter(|e| {
                    self.docs
                        .get(&e.to)
                        .is_some_and(|t| t.signature.split(';').next() == Some(main))
                })
                .filter_map(|e| e.action.strip_prefix("press "))
                .collect();
            if !keys.is_empty() {
                found.push((id, keys.join(" ")));
            }
        }
        found.sort();
        for (id, keys) in found {
            let state = &self.out.states[id];
            let finding = Finding {
                code: "EXP006".to_owned(),
                severity: Severity::Info,
                message: format!("keys {keys} are handled no differently from replaying this menu"),
                url: self.url(&state.request),
                state: Some(id),
                answer: state.answer.clone(),
                path: state.path.clone(),
                transcript: String::new(),
            };
            self.out.findings.push(finding);
        }
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
