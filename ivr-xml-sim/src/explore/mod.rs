//! Explores an application's call flow: plays every caller behaviour the platform allows at each
//! point where the call waits for the caller, draws the states reached and finds the dead ends.
//!
//! Each explored path is one simulated call ([`Simulator`](crate::Simulator)) from `startservice`
//! on, with a fresh call id, so an application that keeps state per call is explored as the
//! platform would drive it. At each `<Get>` the caller presses each key `numdigits='1'` allows
//! (`0`-`9`, `*`, `#`), or for longer inputs each value of a set (the values the flow itself
//! produced, such as conference ids, [`ExploreOptions::inputs`], a wrong value and an empty
//! input), keeps silent until the timeout, or hangs up; anywhere else the call goes on by itself
//! (playback, redirects, conference callbacks, as the simulator plays them) until the caller hangs
//! up where nothing is left to choose.
//!
//! A **state** is what the platform would do next: the answer's command structure and its action
//! URLs, not the raw bytes (prompt files, `tag` values, conference ids and query values are left
//! out), so a flow that counts retries in a `tag` converges; the first three answers of a state
//! that differ in their bytes are each explored from, so that a branch the counter opens (the
//! third timeout says goodbye) is still reached. The search is breadth first, so each
//! state's and each finding's path is a shortest one, and it is bounded
//! ([`ExploreOptions::max_calls`], [`ExploreOptions::max_steps_per_call`],
//! [`ExploreOptions::max_time`]); [`Exploration::cut`] says when a bound cut it.
//!
//! It runs on a `tokio` runtime with its timer enabled (each answer has a time limit).
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! use axum::{routing::post, Router};
//! use ivr_xml_sim::explore::{explore, ExploreOptions, Severity};
//! use ivr_xml_sim::InProcess;
//!
//! // Every notification gets a menu whose timeout leads nowhere.
//! let menu = "<Response><Get action='menu' numdigits='1'><Play>menu.wav</Play></Get></Response>";
//! let app = Router::new().fallback(post(move || async move { menu }));
//! let exploration = explore(&mut InProcess(app), &ExploreOptions::default()).await;
//! let silent = exploration.findings.iter().find(|f| f.code == "EXP003").unwrap();
//! assert_eq!(silent.severity, Severity::Error);
//! assert_eq!(silent.path_text(), "timeout");
//! # }
//! ```

mod analyze;
mod html;
mod identity;
mod model;
mod render;
mod run;
mod walk;

use std::time::Duration;

use crate::engine::Config;
use crate::transport::Transport;

pub use html::{to_html, to_svg};
pub(crate) use model::{path_text, script};
pub use model::{Choice, Edge, Exploration, Finding, Severity, State, StateKind, Step};
pub use render::{to_dot, to_json, to_mermaid, to_text};

/// What to explore and how far.
///
/// ```
/// use std::time::Duration;
/// use ivr_xml_sim::explore::ExploreOptions;
/// let options = ExploreOptions {
///     max_calls: 50,
///     max_time: Duration::from_secs(10),
///     inputs: vec!["8001".into()],
///     ..ExploreOptions::default()
/// };
/// assert_eq!(options.max_calls, 50);
/// assert_eq!(options.caller, ExploreOptions::default().caller);
/// ```
#[derive(Debug, Clone)]
pub struct ExploreOptions {
    /// The simulated platform (application id, access number, policy, URL form, base path).
    /// Media lengths are ignored while exploring: every prompt plays in no time, so that a key
    /// press meant for a `<Get>` is never taken by the playback before it.
    pub config: Config,
    /// The caller's number.
    pub caller: String,
    /// Extra values typed at a `<Get>` that takes more than one key, besides the values the flow
    /// produced (conference ids), a wrong value and an empty input.
    pub inputs: Vec<String>,
    /// At most this many calls (paths) are explored.
    pub max_calls: usize,
    /// At most this many requests are sent in one call; a call that needs more is cut. (A
    /// redirect loop with no caller input is cut as soon as an answer comes again, and
    /// reported as such.)
    pub max_steps_per_call: usize,
    /// The exploration stops starting calls after this much real time.
    pub max_time: Duration,
    /// How long one answer may take before the application counts as unreachable, whatever the
    /// transport (an in-process application that never answers too). Default
    /// [`DEFAULT_ANSWER_TIMEOUT`](crate::DEFAULT_ANSWER_TIMEOUT), the default of
    /// [`Http::timeout`](crate::Http::timeout) as well: give an `Http` transport the same value
    /// (`ivr-xml explore --answer-timeout` sets both).
    pub answer_timeout: Duration,
    /// Written before each request's path in findings and reports (`http://127.0.0.1:8080`).
    pub base_url: String,
}

impl Default for ExploreOptions {
    fn default() -> ExploreOptions {
        ExploreOptions {
            config: Config::default(),
            caller: "13800000001".to_owned(),
            inputs: Vec::new(),
            max_calls: 500,
            max_steps_per_call: 50,
            max_time: Duration::from_secs(60),
            answer_timeout: crate::DEFAULT_ANSWER_TIMEOUT,
            base_url: String::new(),
        }
    }
}

/// Where an exploration stands, for a progress line.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use axum::{routing::post, Router};
/// use ivr_xml_sim::explore::{explore_with_progress, ExploreOptions, Progress};
/// use ivr_xml_sim::InProcess;
/// let app = Router::new().fallback(post(|| async { "<Response><Hangup/></Response>" }));
/// let mut last: Option<Progress> = None;
/// explore_with_progress(&mut InProcess(app), &ExploreOptions::default(), |p| last = Some(*p)).await;
/// let last = last.unwrap();
/// assert_eq!((last.calls, last.queued, last.states, last.findings), (1, 0, 3, 0));
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Calls made.
    pub calls: usize,
    /// Paths still to explore.
    pub queued: usize,
    /// States found.
    pub states: usize,
    /// Edges found.
    pub edges: usize,
    /// Findings so far.
    pub findings: usize,
}

/// Explores the application behind `transport` (see the [module docs](self)).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use axum::{routing::post, Router};
/// use ivr_xml_sim::explore::{explore, ExploreOptions, Severity};
/// use ivr_xml_sim::InProcess;
/// // Key 1 ends the call; any other key, or silence, replays the menu.
/// let menu = "<Response><Get action='menu' numdigits='1'><Play>menu.wav</Play></Get><Redirect>start</Redirect></Response>";
/// let app = Router::new().fallback(post(move || async move { menu }));
/// let exploration = explore(&mut InProcess(app), &ExploreOptions::default()).await;
/// assert!(exploration.calls > 1);
/// assert_eq!(exploration.worst(), Some(Severity::Info));
/// # }
/// ```
pub async fn explore<T: Transport>(transport: &mut T, options: &ExploreOptions) -> Exploration {
    explore_with_progress(transport, options, |_| {}).await
}

/// [`explore`], calling `progress` after each call.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use axum::{routing::post, Router};
/// use ivr_xml_sim::explore::{explore_with_progress, ExploreOptions};
/// use ivr_xml_sim::InProcess;
/// let app = Router::new().fallback(post(|| async { "<Response><Hangup/></Response>" }));
/// let mut calls = 0;
/// let exploration =
///     explore_with_progress(&mut InProcess(app), &ExploreOptions::default(), |p| calls = p.calls).await;
/// assert_eq!((calls, exploration.findings.len()), (1, 0));
/// # }
/// ```
pub async fn explore_with_progress<T: Transport>(
    transport: &mut T,
    options: &ExploreOptions,
    progress: impl FnMut(&Progress),
) -> Exploration {
    analyze::Explorer::new(options)
        .run(transport, progress)
        .await
}
