//! The platform's side of calls: runs `<Response>` documents with the semantics of spec §0.2 and §2
//! on a virtual clock, sending typed notifications to the application and reading its answers
//! strictly.
//!
//! This module holds the configuration, the simulator and a call's start and end; [`clock`] the
//! scheduler, [`commands`] what each command does, [`conference`] the conference lifecycle and
//! [`notify`] the requests to the application.

mod clock;
mod commands;
mod conference;
mod notify;

use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use ivr_xml::notify::{AppId, CallId, ConfId, Message, Seconds, StopService, Timestamp};
use ivr_xml::policy::Policy;
use ivr_xml::{Command, RawElement, Response};

use self::clock::{Pending, Wake};
use crate::agenda::Agenda;
use crate::platform::{OutboundKind, Platform};
use crate::script::{Action, Caller};
use crate::transcript::{Entry, Event, Transcript};
use crate::transport::Transport;

/// How the simulated platform behaves.
///
/// ```
/// use std::time::Duration;
/// use ivr_xml_sim::{Config, UrlForm};
/// let config = Config { file_duration: Duration::from_secs(5), url_form: UrlForm::PathSlash, ..Config::default() };
/// assert_eq!(config.file_duration, Duration::from_secs(5));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The application id sent as `appid`.
    pub app_id: String,
    /// The IVR access number callers dial (`to` of `startservice`).
    pub access_number: String,
    /// Wall-clock time of virtual time zero, as Unix seconds, written naive (the platform's zone is unknown).
    pub start_unix_seconds: i64,
    /// How long one audio file plays.
    pub file_duration: Duration,
    /// How long one spoken character (digits read out, TTS) takes.
    pub character_duration: Duration,
    /// A conference nobody joins is deleted after this long (10 minutes \[official\]).
    pub empty_conference_ttl: Duration,
    /// The first conference id handed out (8 digits, as the guide's callers type).
    pub first_confid: u64,
    /// Virtual time after which the simulation stops (a safety net for flows that never end).
    pub max_time: Duration,
    /// How many answers one call may run one after another with no wait between them (a
    /// `<Redirect>` whose answer redirects again, an `action` answered at once) before the
    /// simulator stops following them, flags the call and ends it. Such a chain takes no virtual
    /// time, so [`Config::max_time`] never ends it. The platform's own limit is undocumented
    /// (spec §2.5 says nothing of one \[unknown\]), so this is a safety net, like `max_time`.
    /// Default 1000. The chain is followed by a loop, not recursion: any bound is safe for the
    /// stack.
    pub max_answers_in_a_row: usize,
    /// How notification URLs are written (default [`UrlForm::Path`], what the platform sends);
    /// a [`Caller`] may choose its own ([`Caller::url_form`]).
    pub url_form: UrlForm,
    /// The path of the application's notification URL ("IVR通知消息URL", spec §1.1), put before
    /// every request: `/ivr` sends `/ivr/startservice?…`. Default empty: the application is at
    /// the root of the transport's base URL. A [`Caller`] may choose its own
    /// ([`Caller::base_path`]).
    pub base_path: String,
    /// Whether the platform keeps the query string of a relative URL the application gave
    /// (`<Redirect>autojoinconf?confid=1</Redirect>`, an `action` with its own parameters) and
    /// appends its parameters after it. Field applications read their own parameters back, so
    /// the default is `true` (spec §1.9 \[field\], conclusion \[inferred\]); set it to `false` to
    /// check that an application does not depend on it.
    pub keep_url_query: bool,
    /// Whether a `<Redirect tag>` comes back as the redirect request's `tag` parameter. One
    /// field application reads it so (spec §2.5, §3.4 \[field\]); default `true`. Set it to
    /// `false` to see what an application does without it.
    pub report_redirect_tag: bool,
    /// Whether any key cuts a **main-command** `<Play>` short when it has no `finishkey`. The
    /// docs say a key cuts a sub-command `<Play>` short (R6 \[official\] \[guide\]) and that
    /// `finishkey` (default empty) is the key that stops playback (spec §2.2 \[official\]); they
    /// are silent on a main `<Play>` without one. Default `false`: an empty `finishkey` is read
    /// as "no key stops it" \[inferred\].
    pub any_key_interrupts_main_play: bool,
    /// How many conferences the platform holds at once; a `<CreateConf>` beyond it fails and
    /// its sub-commands run (spec §2.8 \[official\]). The platform's limit is undocumented, so
    /// the default is unlimited (`usize::MAX`): a documented flow never fails for a reason the
    /// docs do not give. Set it (to 0, say) to exercise an application's failure path.
    pub conference_capacity: usize,
    /// How answers are read (`ivr_xml::policy`): an answer with an error under it ends the call
    /// (flagged, as the platform would refuse it); a warning is recorded
    /// ([`Event::Warned`]) and the answer runs. The commands it names
    /// ([`Policy::command`], [`Policy::register`]) run as no-ops that leave a note in the
    /// transcript, or through [`Config::on_custom_command`]. Default: the library's levels.
    pub policy: Policy,
    /// What the project's own commands do; see [`Config::on_custom_command`].
    pub custom_commands: CustomCommands,
}

impl Config {
    /// Runs `run` when an answer holds the project's own command `name` (as the main command or
    /// a sub-command), and names it in [`Config::policy`] so that answers holding it are read.
    /// `run` gets the element as read and returns the note recorded in the transcript; the call
    /// then goes on with the next command, as after a `<Play>`.
    ///
    /// ```
    /// use ivr_xml_sim::Config;
    /// let config = Config::default().on_custom_command("Record", |record| {
    ///     format!("recorded up to {} s", record.get_attribute("max").unwrap_or("?"))
    /// });
    /// assert!(config.policy.knows_element("Record"));
    /// ```
    pub fn on_custom_command(
        mut self,
        name: impl Into<String>,
        run: impl Fn(&RawElement) -> String + Send + Sync + 'static,
    ) -> Config {
        let name = name.into();
        self.policy = self.policy.command(name.clone());
        self.custom_commands.0.insert(name, Arc::new(run));
        self
    }
}

/// A custom command's callback: the element in, the transcript's note out.
type CustomRun = Arc<dyn Fn(&RawElement) -> String + Send + Sync>;

/// The callbacks of the project's own commands, by element name ([`Config::on_custom_command`]).
/// Two are equal when they hold the same callbacks (the same `Arc`s).
///
/// ```
/// use ivr_xml_sim::Config;
/// let config = Config::default().on_custom_command("Record", |_| "recorded".to_owned());
/// assert_eq!(format!("{:?}", config.custom_commands), r#"{"Record"}"#);
/// assert_eq!(config.clone(), config);
/// ```
#[derive(Clone, Default)]
pub struct CustomCommands(BTreeMap<String, CustomRun>);

impl CustomCommands {
    fn get(&self, name: &str) -> Option<&CustomRun> {
        self.0.get(name)
    }
}

impl fmt::Debug for CustomCommands {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

impl PartialEq for CustomCommands {
    fn eq(&self, other: &CustomCommands) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|((a, f), (b, g))| a == b && Arc::ptr_eq(f, g))
    }
}

impl Eq for CustomCommands {}

/// How the platform writes a notification's URL, after the application's notification URL
/// ([`Config::base_path`]). The library's `ivr_xml::notify::Request` and `ivr_xml::web::Notified`
/// read all three.
///
/// ```
/// use ivr_xml_sim::{Config, UrlForm};
/// let config = Config { url_form: UrlForm::QuerySegment, ..Config::default() };
/// assert_ne!(config.url_form, UrlForm::default());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UrlForm {
    /// `/<segment>?<params>`: the URL the platform sends (spec §0.1, §3.1).
    #[default]
    Path,
    /// `/<segment>/?<params>`: the form the official article writes,
    /// "http://<应用地址段>/<功能地址段>/?<参数>" (spec §1.9 \[official\]).
    PathSlash,
    /// `/?<segment>&<params>`: a notification URL configured with a trailing `/?`, to which the
    /// segment and the parameters are appended (spec §1.9 \[field\]).
    QuerySegment,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            app_id: "aaf98f8944f35b130144f36f6f3f0001".to_owned(),
            access_number: "02566687000".to_owned(),
            start_unix_seconds: 1_767_225_600, // 2026-01-01 00:00:00
            file_duration: Duration::from_secs(3),
            character_duration: Duration::from_millis(500),
            empty_conference_ttl: Duration::from_secs(600),
            first_confid: 10_000_001,
            max_time: Duration::from_secs(4 * 3600),
            max_answers_in_a_row: 1000,
            url_form: UrlForm::Path,
            base_path: String::new(),
            keep_url_query: true,
            report_redirect_tag: true,
            any_key_interrupts_main_play: false,
            conference_capacity: usize::MAX,
            policy: Policy::new(),
            custom_commands: CustomCommands::default(),
        }
    }
}

/// Plays the platform's side of calls against one application.
///
/// ```no_run
/// # async fn demo(app: axum::Router) {
/// use std::time::Duration;
/// use ivr_xml_sim::{Caller, InProcess, Simulator};
/// let mut simulator = Simulator::new(InProcess(app));
/// let transcript = simulator.run(vec![Caller::new("13800000001").press("1", Duration::from_secs(2))]).await;
/// println!("{transcript}");
/// # }
/// ```
#[derive(Debug)]
pub struct Simulator<T> {
    transport: T,
    config: Config,
    platform: Platform,
}

#[derive(Debug)]
struct Call {
    id: CallId,
    kind: OutboundKindOrInbound,
    from: String,
    to: String,
    script: VecDeque<Action>,
    started: Duration,
    conference: Option<ConfId>,
    /// How this call's notification URLs are written, and under which path.
    url_form: UrlForm,
    base_path: String,
    ended: bool,
    /// The notification whose answer the call runs next, set by a `<Redirect>` or an `action`
    /// and sent by the scheduler's loop ([`World::follow`]), so that a chain of answers never
    /// nests calls.
    next: Option<FollowUp>,
    /// Bumped whenever the call's next wake-up changes, so stale ones are dropped.
    generation: u64,
}

/// A notification whose answer is the call's next document.
#[derive(Debug)]
struct FollowUp {
    relative: String,
    params: ivr_xml::notify::Params,
    method: http::Method,
}

/// How a call came about.
#[derive(Debug, Clone)]
enum OutboundKindOrInbound {
    /// A caller dialled the access number.
    Inbound,
    /// The platform placed it through REST.
    Outbound(OutboundKind),
}

/// Who a transcript line or a notification is about: a call, or the platform itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Call(usize),
    Platform,
}

struct World<'t, T> {
    transport: &'t mut T,
    config: &'t Config,
    app_id: AppId,
    now: Duration,
    /// Wake-ups to come, earliest first (ties in scheduling order), without scanning them.
    pending: Agenda<Pending>,
    calls: Vec<Call>,
    platform: Platform,
    transcript: Transcript,
}

impl<T: Transport> Simulator<T> {
    /// A simulator with the default [`Config`].
    ///
    /// ```
    /// use ivr_xml_sim::{InProcess, Simulator};
    /// let app = axum::Router::new().fallback(|| async { "<Response><Hangup/></Response>" });
    /// let simulator = Simulator::new(InProcess(app));
    /// # let _ = simulator;
    /// ```
    pub fn new(transport: T) -> Simulator<T> {
        Simulator::with_config(transport, Config::default())
    }

    /// A simulator with `config`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use ivr_xml_sim::{Config, InProcess, Simulator};
    /// let app = axum::Router::new().fallback(|| async { "<Response><Hangup/></Response>" });
    /// let config = Config { file_duration: Duration::from_secs(1), ..Config::default() };
    /// let simulator = Simulator::with_config(InProcess(app), config);
    /// # let _ = simulator;
    /// ```
    pub fn with_config(transport: T, config: Config) -> Simulator<T> {
        Simulator::with_platform(transport, config, Platform::default())
    }

    /// A simulator on `platform`, shared with a REST server ([`Platform::rest_router`]).
    ///
    /// ```
    /// use ivr_xml_sim::{Config, InProcess, Platform, Simulator};
    /// let app = axum::Router::new().fallback(|| async { "<Response><Hangup/></Response>" });
    /// let platform = Platform::default();
    /// let simulator = Simulator::with_platform(InProcess(app), Config::default(), platform.clone());
    /// assert_eq!(simulator.platform().members("10000001"), None);
    /// ```
    pub fn with_platform(transport: T, config: Config, platform: Platform) -> Simulator<T> {
        {
            let mut state = platform.lock();
            state.next_confid = state.next_confid.max(config.first_confid);
        }
        Simulator {
            transport,
            config,
            platform,
        }
    }

    /// The platform's state, to share with a REST server or to inspect.
    ///
    /// ```
    /// use ivr_xml_sim::{InProcess, Simulator};
    /// let app = axum::Router::new().fallback(|| async { "<Response><Hangup/></Response>" });
    /// let simulator = Simulator::new(InProcess(app));
    /// assert_eq!(simulator.platform().members("10000001"), None); // no conference yet
    /// ```
    pub fn platform(&self) -> &Platform {
        &self.platform
    }

    /// Runs every caller's call to its end (they share conferences) and returns the transcript.
    ///
    /// ```
    /// use std::time::Duration;
    /// use ivr_xml_sim::{Caller, InProcess, Simulator};
    /// let app = axum::Router::new().fallback(|| async { "<Response><Play>hello.wav</Play><Hangup/></Response>" });
    /// let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    /// let transcript = runtime.block_on(
    ///     Simulator::new(InProcess(app)).run(vec![Caller::new("13800000001").hang_up_after(Duration::from_secs(60))]),
    /// );
    /// assert_eq!(transcript.heard(1), ["hello.wav"]);
    /// ```
    pub async fn run(&mut self, callers: Vec<Caller>) -> Transcript {
        let mut transcript = Transcript::default();
        let app_id = match AppId::new(self.config.app_id.clone()) {
            Ok(app_id) => app_id,
            Err(err) => {
                transcript.entries.push(Entry {
                    at: Duration::ZERO,
                    call: 0,
                    event: Event::Flagged {
                        problem: format!("the configured application id is unusable: {err}"),
                    },
                });
                return transcript;
            }
        };
        let mut world = World {
            transport: &mut self.transport,
            config: &self.config,
            app_id,
            now: Duration::ZERO,
            pending: Agenda::default(),
            calls: Vec::new(),
            platform: self.platform.clone(),
            transcript,
        };
        for caller in callers {
            let to = caller
                .to
                .clone()
                .unwrap_or_else(|| self.config.access_number.clone());
            world.add_call(caller, to, OutboundKindOrInbound::Inbound, None);
        }
        world.run().await;
        world.transcript
    }
}

impl<T: Transport> World<'_, T> {
    fn record(&mut self, who: Who, event: Event) {
        let call = match who {
            Who::Call(index) => index + 1,
            Who::Platform => 0,
        };
        self.transcript.entries.push(Entry {
            at: self.now,
            call,
            event,
        });
    }

    fn flag(&mut self, who: Who, problem: String) {
        self.record(who, Event::Flagged { problem });
    }

    fn note(&mut self, call: usize, text: String) {
        self.record(Who::Call(call), Event::Note { text });
    }

    /// Whether `command` is one of the project's own, named in the policy.
    fn is_custom(&self, command: &Command) -> bool {
        matches!(command, Command::Raw(raw) if self.config.policy.knows_element(raw.name()))
    }

    /// Runs the project's own command: its callback, or nothing; either leaves a note.
    fn run_custom(&mut self, call: usize, raw: &RawElement) {
        let name = raw.name();
        let text = match self.config.custom_commands.get(name) {
            Some(run) => format!("<{name}>: {}", run(raw)),
            None => format!("<{name}>, the project's own command, run as a no-op"),
        };
        self.note(call, text);
    }

    fn timestamp(&self, at: Duration) -> Option<Timestamp> {
        let seconds = i64::try_from(at.as_secs()).ok()?;
        Timestamp::from_unix_seconds(self.config.start_unix_seconds.saturating_add(seconds), 0).ok()
    }

    /// Adds a call that starts after the caller's delay from now.
    fn add_call(
        &mut self,
        caller: Caller,
        to: String,
        kind: OutboundKindOrInbound,
        id: Option<String>,
    ) {
        let index = self.calls.len();
        let id = id.unwrap_or_else(|| self.platform.lock().new_call_id());
        let Ok(id) = CallId::new(id) else { return };
        let start = self.now + caller.starts_after;
        self.calls.push(Call {
            id,
            kind,
            to,
            from: caller.from,
            script: caller.actions,
            started: start,
            conference: None,
            url_form: caller.url_form.unwrap_or(self.config.url_form),
            base_path: caller
                .base_path
                .unwrap_or_else(|| self.config.base_path.clone()),
            ended: false,
            next: None,
            generation: 0,
        });
        self.schedule_at(start, index, Wake::Start);
    }

    /// Ends the call: leaves its conference, then sends `stopservice` with the call record.
    async fn end_call(&mut self, call: usize, by: &str) {
        if self.calls[call].ended {
            return;
        }
        self.leave_conference(call).await;
        self.end_call_quietly(call, by);
        let started = self.calls[call].started;
        let mut stop = StopService::new(self.app_id.clone(), self.calls[call].id.clone())
            .callduration(Seconds::new((self.now - started).as_secs()));
        stop.starttime = self.timestamp(started);
        stop.endtime = self.timestamp(self.now);
        let answer = self
            .inform(Who::Call(call), "stopservice", stop.to_params())
            .await;
        let is_cmd_none = answer
            .and_then(|body| body.parse::<Response>().ok())
            .is_some_and(|doc| matches!(doc.commands(), [Command::CmdNone(_)]));
        if !is_cmd_none {
            self.note(
                call,
                "the answer to stopservice should be <CmdNone/> [guide (18)]".to_owned(),
            );
        }
    }

    /// Marks the call ended and records who ended it, without notifications.
    fn end_call_quietly(&mut self, call: usize, by: &str) {
        if self.calls[call].ended {
            return;
        }
        self.calls[call].ended = true;
        self.calls[call].generation += 1;
        self.record(Who::Call(call), Event::HungUp { by: by.to_owned() });
    }
}
