//! What an exploration finds: its states, edges and findings, the paths that reach them, and
//! the whole result, [`Exploration`].

use std::fmt;
use std::time::Duration;

use crate::script::Caller;

/// How serious a finding is; [`Severity::Error`] fails a run of `ivr-xml explore` by default.
///
/// ```
/// use ivr_xml_sim::explore::Severity;
/// assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Info);
/// assert_eq!(Severity::Error.to_string(), "error");
/// assert!("fatal".parse::<Severity>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing (keys that only replay a menu).
    Info,
    /// Probably a defect, or a case whose platform behaviour is undocumented.
    Warning,
    /// A caller is dropped, stuck in silence, or sent a document the platform refuses.
    Error,
}

impl Severity {
    /// The lower-case name (`error`).
    ///
    /// ```
    /// use ivr_xml_sim::explore::Severity;
    /// assert_eq!(Severity::Warning.as_str(), "warning");
    /// assert_eq!("info".parse::<Severity>(), Ok(Severity::Info));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(text: &str) -> Result<Severity, String> {
        match text {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity `{other}`: expected info, warning or error"
            )),
        }
    }
}

/// What the caller does at a point where the call waits.
///
/// ```
/// use ivr_xml_sim::explore::Choice;
/// assert_eq!(Choice::Press("12#".into()).to_string(), "press 12#");
/// assert_eq!(Choice::Silence.to_string(), "timeout");
/// assert_eq!(Choice::HangUp.to_string(), "hang up");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Choice {
    /// Presses these keys at a `<Get>`.
    Press(String),
    /// Presses nothing: the `<Get>` times out.
    Silence,
    /// Hangs up.
    HangUp,
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Choice::Press(keys) => write!(f, "press {keys}"),
            Choice::Silence => f.write_str("timeout"),
            Choice::HangUp => f.write_str("hang up"),
        }
    }
}

/// One caller action of a path, with the delay that makes it land at its `<Get>` in a
/// simulator with the explored [`Config`](crate::engine::Config)'s media lengths (the end of the
/// `<Get>`'s window for a key, just before it for a hang-up).
///
/// ```
/// use std::time::Duration;
/// use ivr_xml_sim::explore::{Choice, Step};
/// let step = Step { choice: Choice::Press("1".into()), after: Duration::from_secs(5) };
/// assert_eq!(step.choice.to_string(), "press 1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Step {
    /// What the caller does.
    pub choice: Choice,
    /// When, from the start of the point that listens.
    pub after: Duration,
}

/// What a state is.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use axum::{routing::post, Router};
/// use ivr_xml_sim::explore::{explore, ExploreOptions, StateKind};
/// use ivr_xml_sim::InProcess;
/// let app = Router::new().fallback(post(|| async { "<Response><Hangup/></Response>" }));
/// let exploration = explore(&mut InProcess(app), &ExploreOptions::default()).await;
/// let kinds: Vec<StateKind> = exploration.states.iter().map(|s| s.kind).collect();
/// assert_eq!(kinds, [StateKind::Start, StateKind::Ended, StateKind::Answer]);
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateKind {
    /// Before the call: `startservice` leaves it.
    Start,
    /// A document the application answered, as the platform would run it.
    Answer,
    /// The call is over.
    Ended,
    /// A request failed: an HTTP error, no answer, or an answer the platform refuses.
    Failed,
}

/// A state of the flow.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use axum::{routing::post, Router};
/// use ivr_xml_sim::explore::{explore, ExploreOptions};
/// use ivr_xml_sim::InProcess;
/// let app = Router::new().fallback(post(|| async { "<Response><Hangup/></Response>" }));
/// let exploration = explore(&mut InProcess(app), &ExploreOptions::default()).await;
/// let answer = &exploration.states[2];
/// assert_eq!(answer.id, 2);
/// assert_eq!(answer.label, "Hangup");
/// assert!(answer.request.starts_with("POST /startservice?appid="), "{}", answer.request);
/// assert_eq!(answer.answer, "<Response><Hangup/></Response>");
/// assert!(answer.path.is_empty());
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// Its index in [`Exploration::states`].
    pub id: usize,
    /// What it is.
    pub kind: StateKind,
    /// A one-line summary: the commands and their URLs, or the failure.
    pub label: String,
    /// The request that first reached it, `METHOD /path?query` (empty for the start and end).
    pub request: String,
    /// The answer's body as first received (empty if none).
    pub answer: String,
    /// A shortest path of caller actions reaching it.
    pub path: Vec<Step>,
}

/// A transition between two states.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use axum::{routing::post, Router};
/// use ivr_xml_sim::explore::{explore, ExploreOptions};
/// use ivr_xml_sim::InProcess;
/// let app = Router::new().fallback(post(|| async { "<Response><Hangup/></Response>" }));
/// let exploration = explore(&mut InProcess(app), &ExploreOptions::default()).await;
/// let edges: Vec<(usize, usize, &str)> =
///     exploration.edges.iter().map(|e| (e.from, e.to, e.action.as_str())).collect();
/// assert_eq!(edges, [(0, 2, "startservice"), (2, 1, "<Hangup/>")]);
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Edge {
    /// The state it leaves.
    pub from: usize,
    /// The state it reaches.
    pub to: usize,
    /// What caused it: a caller action (`press 1`, `timeout`, `hang up`), or the notification
    /// the platform sent by itself (`redirect gettimeout`, `createconfok`).
    pub action: String,
}

/// Something wrong (or worth knowing) about the flow.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use axum::{routing::post, Router};
/// use ivr_xml_sim::explore::{explore, ExploreOptions, Severity};
/// use ivr_xml_sim::InProcess;
/// // The answer is not a document the platform takes.
/// let app = Router::new().fallback(post(|| async { "<Response><Beep/></Response>" }));
/// let exploration = explore(&mut InProcess(app), &ExploreOptions::default()).await;
/// let finding = &exploration.findings[0];
/// assert_eq!((finding.code.as_str(), finding.severity), ("IVR101", Severity::Error));
/// assert!(finding.message.starts_with("the platform would refuse the answer to POST startservice: 1:11: error[IVR101]: unknown element `<Beep>`"), "{}", finding.message);
/// assert_eq!(finding.path_text(), "(call starts)");
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// `EXP001`-`EXP006`, or the validator's code (`IVR002`, `IVR201`…) for a refused answer.
    pub code: String,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, where, and what the platform expects.
    pub message: String,
    /// The URL of the request where it happens (base URL and path, no query).
    pub url: String,
    /// The state it is about.
    pub state: Option<usize>,
    /// The answer it is about, if any.
    pub answer: String,
    /// A shortest path of caller actions that reproduces it ([`Finding::caller`]).
    pub path: Vec<Step>,
    /// The transcript of the call that found it.
    pub transcript: String,
}

impl Finding {
    /// The path as text: `press 2, press 99999999, timeout`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use ivr_xml_sim::explore::{Choice, Finding, Severity, Step};
    /// let step = |choice| Step { choice, after: Duration::ZERO };
    /// let mut finding = Finding {
    ///     code: "EXP003".into(), severity: Severity::Error, message: String::new(), url: String::new(),
    ///     state: None, answer: String::new(), transcript: String::new(), path: vec![],
    /// };
    /// assert_eq!(finding.path_text(), "(call starts)");
    /// finding.path = vec![step(Choice::Press("2".into())), step(Choice::Silence)];
    /// assert_eq!(finding.path_text(), "press 2, timeout");
    /// ```
    pub fn path_text(&self) -> String {
        path_text(&self.path)
    }

    /// A scripted caller that walks the path in a [`Simulator`](crate::Simulator), which then
    /// shows the finding in its transcript (an HTTP error, a refused answer, the silence).
    ///
    /// ```
    /// use std::time::Duration;
    /// use ivr_xml_sim::explore::{Choice, Finding, Severity, Step};
    /// let finding = Finding {
    ///     code: "EXP001".into(), severity: Severity::Error, message: String::new(), url: String::new(),
    ///     state: None, answer: String::new(), transcript: String::new(),
    ///     path: vec![Step { choice: Choice::Press("3".into()), after: Duration::from_secs(23) }],
    /// };
    /// assert_eq!(finding.caller("13800000001").actions().len(), 1);
    /// ```
    pub fn caller(&self, from: &str) -> Caller {
        script(from, &self.path)
    }
}

/// The path as text, `press 1, timeout`; `(start)` when empty.
pub(crate) fn path_text(path: &[Step]) -> String {
    if path.is_empty() {
        return "(call starts)".to_owned();
    }
    path.iter()
        .map(|s| s.choice.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A caller from `from` walking `path`.
pub(crate) fn script(from: &str, path: &[Step]) -> Caller {
    path.iter()
        .fold(Caller::new(from), |caller, step| match &step.choice {
            Choice::Press(keys) => caller.press(keys.clone(), step.after),
            Choice::Silence => caller.silence(),
            Choice::HangUp => caller.hang_up_after(step.after),
        })
}

/// The result of an exploration.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use axum::{routing::post, Router};
/// use ivr_xml_sim::explore::{explore, ExploreOptions};
/// use ivr_xml_sim::InProcess;
/// let app = Router::new().fallback(post(|| async { "<Response><Hangup/></Response>" }));
/// let exploration = explore(&mut InProcess(app), &ExploreOptions::default()).await;
/// assert_eq!((exploration.calls, exploration.states.len()), (1, 3));
/// assert!(exploration.findings.is_empty());
/// assert!(exploration.cut.is_empty());
/// # }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exploration {
    /// The states; `states[0]` is the start, `states[1]` the end of the call.
    pub states: Vec<State>,
    /// The transitions, each once.
    pub edges: Vec<Edge>,
    /// The findings, most serious first, each once with its shortest path.
    pub findings: Vec<Finding>,
    /// How many calls were made.
    pub calls: usize,
    /// The bounds that cut the search, each said once; empty when it ran to its end.
    pub cut: Vec<String>,
    /// The real time it took.
    pub elapsed: Duration,
}

impl Exploration {
    /// The most serious finding's severity, if any.
    ///
    /// ```
    /// use ivr_xml_sim::explore::Exploration;
    /// assert_eq!(Exploration::default().worst(), None);
    /// ```
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// The findings with this code.
    ///
    /// ```
    /// use ivr_xml_sim::explore::{Exploration, Finding, Severity};
    /// let finding = |code: &str| Finding {
    ///     code: code.into(), severity: Severity::Error, message: String::new(), url: String::new(),
    ///     state: None, answer: String::new(), transcript: String::new(), path: vec![],
    /// };
    /// let exploration = Exploration {
    ///     findings: vec![finding("EXP003"), finding("IVR201"), finding("EXP003")],
    ///     ..Exploration::default()
    /// };
    /// assert_eq!(exploration.with_code("EXP003").len(), 2);
    /// assert!(exploration.with_code("EXP001").is_empty());
    /// ```
    pub fn with_code(&self, code: &str) -> Vec<&Finding> {
        self.findings.iter().filter(|f| f.code == code).collect()
    }

    /// How many findings have this severity: the counts every summary ends with.
    ///
    /// ```
    /// use ivr_xml_sim::explore::{Exploration, Finding, Severity};
    /// let finding = |severity| Finding {
    ///     code: "EXP003".into(), severity, message: String::new(), url: String::new(),
    ///     state: None, answer: String::new(), transcript: String::new(), path: vec![],
    /// };
    /// let exploration = Exploration {
    ///     findings: vec![finding(Severity::Error), finding(Severity::Warning), finding(Severity::Error)],
    ///     ..Exploration::default()
    /// };
    /// assert_eq!(exploration.count(Severity::Error), 2);
    /// assert_eq!(exploration.count(Severity::Info), 0);
    /// ```
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}
