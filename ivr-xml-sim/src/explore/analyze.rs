//! The search: breadth first over paths of caller choices, one simulated call per path (each
//! call is read back by `walk`); the states, edges and findings, and the choices still to try.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::time::Instant;

use super::identity::{choices, step_at, Doc};
use super::run::{exploring_config, run_call, Run};
use super::{
    script, Choice, Edge, Exploration, ExploreOptions, Finding, Progress, Severity, State,
    StateKind, Step,
};
use crate::engine::Config;
use crate::platform::Platform;
use crate::transport::Transport;

pub(super) const START: usize = 0;
pub(super) const ENDED: usize = 1;
/// How many answers with one identity but other bytes are explored from.
pub(super) const MAX_VARIANTS: usize = 3;

pub(super) struct Explorer<'o> {
    pub(super) options: &'o ExploreOptions,
    pub(super) config: Config,
    pub(super) out: Exploration,
    /// State ids by identity.
    pub(super) ids: HashMap<String, usize>,
    /// The documents of answer states, by state id.
    pub(super) docs: HashMap<usize, Doc>,
    pub(super) edges: HashSet<Edge>,
    /// Findings already reported, by (code, state or URL).
    pub(super) reported: HashSet<(String, String)>,
    /// Paths to explore, in order.
    pub(super) queue: VecDeque<Vec<Step>>,
    /// Values the flow produced (conference ids), typed at multi-key `<Get>`s.
    pub(super) values: Vec<String>,
    /// For each variant of each `<Get>` state, the choices already queued.
    pub(super) queued: HashMap<(usize, usize), HashSet<Choice>>,
    /// The answers seen for each state, at most [`MAX_VARIANTS`].
    pub(super) variants: HashMap<usize, Vec<String>>,
    pub(super) step_bound_said: bool,
    /// Conference ids the platform handed out.
    pub(super) produced: BTreeSet<String>,
}

/// What the call is doing while its transcript is read back.
pub(super) struct Walk {
    pub(super) cur: usize,
    pub(super) label: String,
    pub(super) consumed: usize,
    /// Whether the call joined a conference (it leaves it only as it hangs up).
    pub(super) in_conference: bool,
    /// States reached since the last caller action (a repeat is a loop with no input).
    pub(super) since_choice: Vec<usize>,
    /// The final hang-up, once the caller hung up after the whole path.
    pub(super) hung_up: Option<Step>,
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

    pub(super) fn intern(
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

    pub(super) fn edge(&mut self, from: usize, to: usize, action: &str) {
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
    pub(super) fn find(
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
    pub(super) fn url(&self, request: &str) -> String {
        let request = request.rsplit(' ').next().unwrap_or(request);
        let path = request.split_once('?').map_or(request, |(p, _)| p);
        format!("{}{path}", self.options.base_url.trim_end_matches('/'))
    }

    /// The segment a request target names, under the configured base path and URL form.
    pub(super) fn segment(&self, target: &str) -> String {
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

    /// Queues the caller's choices at variant `variant` of a `<Get>` state reached by `walked`.
    pub(super) fn queue_choices(&mut self, id: usize, variant: usize, walked: &[Step]) {
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
