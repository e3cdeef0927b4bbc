//! The platform's side of calls: runs `<Response>` documents with the semantics of spec §0.2 and §2
//! on a virtual clock, sending typed notifications to the application and reading its answers
//! strictly.

use std::collections::VecDeque;
use std::time::Duration;

use ivr_xml::notify::{
    AppId, CallId, ConfCreated, ConfDeleted, ConfDtmfReport, ConfId, ConfMemberJoined,
    ConfMemberQuit, Digits, Direction, DtmfReport, Message, Params, RedirectRequest, Seconds,
    StartService, StopService, Timestamp,
};
use ivr_xml::validate::{validate, Severity};
use ivr_xml::{Command, Get, Loop, MixItem, Prompt, Response};

use crate::agenda::Agenda;
use crate::platform::{Conference, Outbound, OutboundKind, Platform};
use crate::script::{Action, Caller};
use crate::transcript::{Entry, Event, Transcript};
use crate::transport::{PlatformRequest, Transport};

/// How the simulated platform behaves.
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
    ended: bool,
    /// Bumped whenever the call's next wake-up changes, so stale ones are dropped.
    generation: u64,
}

/// How a call came about.
#[derive(Debug, Clone)]
enum OutboundKindOrInbound {
    /// A caller dialled the access number.
    Inbound,
    /// The platform placed it through REST.
    Outbound(OutboundKind),
}

#[derive(Debug)]
enum Wake {
    Start,
    Keys {
        keys: String,
        digits: String,
        get: Box<Get>,
    },
    GetTimeout {
        subs: Vec<Command>,
    },
    Continue {
        subs: Vec<Command>,
    },
    ConferenceKeys {
        keys: String,
    },
    CallerHangUp,
    ConferenceExpiry {
        confid: ConfId,
    },
}

/// A wake-up of a call (or of the platform, for a conference's expiry), kept on the agenda.
#[derive(Debug)]
struct Pending {
    call: usize,
    generation: u64,
    wake: Wake,
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
    pub fn new(transport: T) -> Simulator<T> {
        Simulator::with_config(transport, Config::default())
    }

    /// A simulator with `config`.
    pub fn with_config(transport: T, config: Config) -> Simulator<T> {
        Simulator::with_platform(transport, config, Platform::default())
    }

    /// A simulator on `platform`, shared with a REST server ([`Platform::rest_router`]).
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
    pub fn platform(&self) -> &Platform {
        &self.platform
    }

    /// Runs every caller's call to its end (they share conferences) and returns the transcript.
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

/// Media of one command: what is heard, how long it plays in all (`None`: until interrupted),
/// and how long one pass takes (the `<Get>` timeout counts from the end of the first pass).
struct Media {
    heard: Vec<String>,
    total: Option<Duration>,
    once: Duration,
}

fn repeated(repeat: Option<Loop>, one: Duration) -> (Option<Duration>, Duration) {
    match repeat {
        None => (Some(one), one),
        Some(Loop::Never) => (Some(Duration::ZERO), Duration::ZERO),
        Some(Loop::Forever) => (None, one),
        Some(Loop::Times(n)) => (Some(one * n.get()), one),
    }
}

fn media(config: &Config, command: &Command) -> Option<Media> {
    let spoken = |text: &str| {
        config.character_duration * u32::try_from(text.chars().count()).unwrap_or(u32::MAX)
    };
    let (heard, (total, once)) = match command {
        Command::Play(play) => (
            vec![play.file.to_string()],
            repeated(play.repeat, config.file_duration),
        ),
        Command::PlayTts(tts) => (
            vec![format!("tts:{}", tts.text)],
            repeated(tts.repeat, spoken(tts.text.as_str())),
        ),
        Command::PlayMix(mix) => {
            let mut heard = Vec::new();
            let mut total = Duration::ZERO;
            for item in &mix.items {
                let (what, length) = match item {
                    MixItem::File(file) => (file.to_string(), config.file_duration),
                    MixItem::Digits(digits) => {
                        (format!("digits:{digits}"), spoken(digits.as_str()))
                    }
                    MixItem::Raw { code, text } => {
                        (format!("code{code}:{text}"), spoken(text.as_str()))
                    }
                };
                heard.push(what);
                total += length;
            }
            (heard, (Some(total), total))
        }
        _ => return None,
    };
    Some(Media { heard, total, once })
}

/// The keys the platform reports: what was typed, up to `numdigits` keys or the finish key
/// (which is kept: field code shows reported digits may end with it).
fn reported_digits(get: &Get, keys: &str) -> String {
    let max = get.numdigits.map_or(12, |n| n.get() as usize);
    let finish = get.finishkey.map_or('#', |k| k.as_char());
    let mut digits = String::new();
    for key in keys.chars() {
        digits.push(key);
        if key == finish || digits.chars().filter(|&c| c != finish).count() >= max {
            break;
        }
    }
    digits
}

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

fn method_of(get: &Get) -> http::Method {
    match get.method {
        Some(ivr_xml::Method::Get) => http::Method::GET,
        _ => http::Method::POST,
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

    fn timestamp(&self, at: Duration) -> Option<Timestamp> {
        let seconds = i64::try_from(at.as_secs()).ok()?;
        Timestamp::from_unix_seconds(self.config.start_unix_seconds.saturating_add(seconds), 0).ok()
    }

    fn schedule_at(&mut self, at: Duration, call: usize, wake: Wake) {
        let generation = match &wake {
            Wake::ConferenceExpiry { .. } => 0,
            _ => {
                let call = &mut self.calls[call];
                call.generation += 1;
                call.generation
            }
        };
        self.pending.push(
            at,
            Pending {
                call,
                generation,
                wake,
            },
        );
    }

    fn schedule(&mut self, delay: Duration, call: usize, wake: Wake) {
        self.schedule_at(self.now + delay, call, wake);
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
            ended: false,
            generation: 0,
        });
        self.schedule_at(start, index, Wake::Start);
    }

    /// Takes in what the REST interface did since the last look: its log, the callbacks it owes,
    /// dismissed conferences, new conferences' 10-minute timers, and the calls it placed.
    /// Returns whether there was anything.
    async fn absorb_platform(&mut self) -> bool {
        let (log, callbacks, dismissed, outbound, fresh) = {
            let mut state = self.platform.lock();
            let timers_to_start = std::mem::take(&mut state.timers_to_start);
            let fresh: Vec<ConfId> = timers_to_start
                .into_iter()
                .filter(|id| state.conferences.contains_key(id))
                .collect();
            (
                std::mem::take(&mut state.log),
                std::mem::take(&mut state.callbacks),
                std::mem::take(&mut state.dismissed),
                std::mem::take(&mut state.outbound),
                fresh,
            )
        };
        let any = !(log.is_empty()
            && callbacks.is_empty()
            && dismissed.is_empty()
            && outbound.is_empty()
            && fresh.is_empty());
        for text in log {
            self.record(Who::Platform, Event::Note { text });
        }
        for confid in fresh {
            let ttl = self.config.empty_conference_ttl;
            self.schedule(ttl, 0, Wake::ConferenceExpiry { confid });
        }
        for (url, params) in callbacks {
            self.inform(Who::Platform, &url, params).await;
        }
        for confid in dismissed {
            let members = self
                .platform
                .lock()
                .conferences
                .get(&confid)
                .map(|c| c.members.clone())
                .unwrap_or_default();
            for member in members {
                self.end_call(member, "platform").await;
            }
            self.delete_conference(Who::Platform, &confid, "dismissed through REST")
                .await;
        }
        for Outbound {
            call_id,
            callee,
            kind,
        } in outbound
        {
            let to = callee.from.clone();
            self.add_call(
                callee,
                to,
                OutboundKindOrInbound::Outbound(kind),
                Some(call_id),
            );
        }
        any
    }

    async fn run(&mut self) {
        loop {
            self.absorb_platform().await;
            if !self.step().await && !self.absorb_platform().await {
                break;
            }
        }
    }

    /// Handles the next pending wake-up; `false` when there is none (or the time limit is hit).
    async fn step(&mut self) -> bool {
        let Some((at, next)) = self.pending.pop() else {
            return false;
        };
        if at > self.config.max_time {
            self.now = self.config.max_time;
            let limit = self.config.max_time.as_secs();
            self.flag(
                Who::Platform,
                format!("the simulation reached its limit of {limit} s of virtual time"),
            );
            self.pending.clear();
            return false;
        }
        self.now = at;
        if let Wake::ConferenceExpiry { confid } = next.wake {
            self.expire_conference(&confid).await;
            return true;
        }
        let call = &self.calls[next.call];
        if !call.ended && call.generation == next.generation {
            self.wake(next.call, next.wake).await;
        }
        true
    }

    async fn wake(&mut self, call: usize, wake: Wake) {
        match wake {
            Wake::Start => {
                self.calls[call].started = self.now;
                let c = &self.calls[call];
                let event = Event::CallStarted {
                    callid: c.id.to_string(),
                    from: c.from.clone(),
                };
                let start = StartService::new(self.app_id.clone(), c.id.clone());
                let kind = c.kind.clone();
                let (from, to) = (c.from.clone(), c.to.clone());
                self.record(Who::Call(call), event);
                match kind {
                    OutboundKindOrInbound::Inbound => {
                        let start = start.from(from).to(to).direction(Direction::Inbound);
                        self.notify_and_run(
                            call,
                            "startservice",
                            start.to_params(),
                            http::Method::POST,
                        )
                        .await;
                    }
                    // An IVR outbound call: `from` is empty and `userdata` comes back [field] [official].
                    OutboundKindOrInbound::Outbound(OutboundKind::Dial { userdata }) => {
                        let mut start = start.from("").to(to).direction(Direction::Outbound);
                        start.userdata = userdata.map(ivr_xml::notify::UserData::new);
                        self.notify_and_run(
                            call,
                            "startservice",
                            start.to_params(),
                            http::Method::POST,
                        )
                        .await;
                    }
                    // An invited member joins when it answers; no document runs for it.
                    OutboundKindOrInbound::Outbound(OutboundKind::Invite { confid, joinurl }) => {
                        match self.enter_conference(call, &confid).await {
                            Ok(()) => {
                                if let Some(url) = joinurl {
                                    let joined = self.joined(call, &confid);
                                    self.inform(Who::Call(call), &url, joined.to_params()).await;
                                }
                                self.idle(call);
                            }
                            Err(reason) => {
                                let confid = confid.to_string();
                                self.record(Who::Call(call), Event::JoinFailed { confid, reason });
                                self.end_call_quietly(call, "platform");
                            }
                        }
                    }
                }
            }
            Wake::Keys { keys, digits, get } => {
                self.record(Who::Call(call), Event::Pressed { keys });
                let digits = match Digits::new(digits) {
                    Ok(digits) => digits,
                    Err(err) => {
                        self.flag(
                            Who::Call(call),
                            format!(
                                "the caller's script presses keys a phone does not have: {err}"
                            ),
                        );
                        return Box::pin(self.end_call(call, "caller")).await;
                    }
                };
                let report =
                    DtmfReport::new(self.app_id.clone(), self.calls[call].id.clone(), digits);
                let action = get
                    .action
                    .as_ref()
                    .map_or("dtmfreport", |a| a.as_str())
                    .to_owned();
                self.notify_and_run(call, &action, report.to_params(), method_of(&get))
                    .await;
            }
            Wake::GetTimeout { subs } => {
                self.record(Who::Call(call), Event::TimedOut);
                Box::pin(self.run_subs(call, subs)).await;
            }
            Wake::Continue { subs } => Box::pin(self.run_subs(call, subs)).await,
            Wake::ConferenceKeys { keys } => {
                self.record(Who::Call(call), Event::Pressed { keys: keys.clone() });
                let confid = self.calls[call].conference.clone();
                let url = confid.as_ref().and_then(|id| {
                    self.platform
                        .lock()
                        .conferences
                        .get(id)
                        .and_then(|c| c.dtmfreporturl.clone())
                });
                if let (Some(url), Ok(digits)) = (url, Digits::new(keys)) {
                    let mut report = ConfDtmfReport::new()
                        .callid(self.calls[call].id.clone())
                        .digits(digits)
                        .appid(self.app_id.clone());
                    report.confid = confid;
                    self.inform(Who::Call(call), &url, report.to_params()).await;
                }
                self.idle(call);
            }
            Wake::CallerHangUp => Box::pin(self.end_call(call, "caller")).await,
            Wake::ConferenceExpiry { .. } => {}
        }
    }

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
    async fn inform(&mut self, who: Who, relative: &str, params: Params) -> Option<String> {
        self.send(who, relative, &params, http::Method::POST).await
    }

    /// A notification whose answer is the call's next document: reads it strictly and runs it.
    /// An answer the platform would reject ends the call.
    async fn notify_and_run(
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

    async fn execute(&mut self, call: usize, doc: Response) {
        if self.calls[call].ended {
            return;
        }
        let mut commands = doc.into_commands();
        if commands.is_empty() {
            self.note(call, "empty <Response>: nothing to run".to_owned());
            return self.idle(call);
        }
        let main = commands.remove(0);
        let subs = commands;
        match main {
            Command::Get(get) => self.collect_keys(call, get, subs),
            Command::Play(_) | Command::PlayMix(_) | Command::PlayTts(_) => {
                if let Some(media) = media(self.config, &main) {
                    self.play(call, media, Wake::Continue { subs });
                }
            }
            Command::Redirect(redirect) => {
                self.note(
                    call,
                    "<Redirect> as the main command (undocumented)".to_owned(),
                );
                self.redirect(call, &redirect).await;
            }
            Command::Hangup(_) => self.end_call(call, "application").await,
            Command::CmdNone(_) => self.idle(call),
            Command::CreateConf(create) => self.create_conference(call, &create).await,
            Command::JoinConf(join) => self.join_conference(call, &join, subs).await,
            Command::ConsultationCall(_) | Command::Raw(_) => {
                let name = main.name().to_owned();
                self.flag(
                    Who::Call(call),
                    format!(
                        "the simulator cannot run <{name}>; running the sub-commands as on failure"
                    ),
                );
                self.run_subs(call, subs).await;
            }
        }
    }

    fn collect_keys(&mut self, call: usize, get: Get, subs: Vec<Command>) {
        let mut prompt = Duration::ZERO;
        for p in &get.prompts {
            let command = match p {
                Prompt::Play(play) => Command::Play(play.clone()),
                Prompt::PlayTts(tts) => Command::PlayTts(tts.clone()),
            };
            if let Some(media) = media(self.config, &command) {
                for what in media.heard {
                    self.record(Who::Call(call), Event::Heard { what });
                }
                prompt += media.once;
            }
        }
        let timeout = Duration::from_secs(u64::from(get.timeout.map_or(20, |t| t.get())));
        let window = prompt + timeout;
        match self.calls[call].script.front().cloned() {
            Some(Action::Press { keys, after }) => {
                self.calls[call].script.pop_front();
                if after <= window {
                    let digits = reported_digits(&get, &keys);
                    self.schedule(
                        after,
                        call,
                        Wake::Keys {
                            keys,
                            digits,
                            get: Box::new(get),
                        },
                    );
                } else {
                    self.note(
                        call,
                        format!("{keys} pressed after {} s comes too late", after.as_secs()),
                    );
                    self.schedule(window, call, Wake::GetTimeout { subs });
                }
            }
            Some(Action::Silence) => {
                self.calls[call].script.pop_front();
                self.schedule(window, call, Wake::GetTimeout { subs });
            }
            Some(Action::HangUp { after }) if after < window => {
                self.calls[call].script.pop_front();
                self.schedule(after, call, Wake::CallerHangUp);
            }
            Some(Action::HangUp { .. }) | None => {
                self.schedule(window, call, Wake::GetTimeout { subs })
            }
        }
    }

    /// Plays media, then wakes with `then`, unless the caller hangs up first.
    fn play(&mut self, call: usize, media: Media, then: Wake) {
        for what in media.heard {
            self.record(Who::Call(call), Event::Heard { what });
        }
        match (self.calls[call].script.front().cloned(), media.total) {
            (Some(Action::HangUp { after }), Some(d)) if after < d => {
                self.calls[call].script.pop_front();
                self.schedule(after, call, Wake::CallerHangUp);
            }
            (_, Some(d)) => self.schedule(d, call, then),
            (_, None) => {
                self.note(call, "plays until the caller hangs up (loop -1)".to_owned());
                self.idle(call);
            }
        }
    }

    async fn run_subs(&mut self, call: usize, subs: Vec<Command>) {
        let mut subs = VecDeque::from(subs);
        while let Some(command) = subs.pop_front() {
            match command {
                Command::Play(_) | Command::PlayMix(_) | Command::PlayTts(_) => {
                    if let Some(media) = media(self.config, &command) {
                        self.play(call, media, Wake::Continue { subs: subs.into() });
                    }
                    return;
                }
                Command::Redirect(redirect) => return self.redirect(call, &redirect).await,
                Command::Hangup(_) => return self.end_call(call, "application").await,
                Command::CmdNone(_) => return self.idle(call),
                other => {
                    let name = other.name().to_owned();
                    self.flag(
                        Who::Call(call),
                        format!("<{name}> as a sub-command is not run by the platform"),
                    );
                }
            }
        }
        self.note(
            call,
            "no command left to run: the caller hears silence".to_owned(),
        );
        self.idle(call);
    }

    async fn redirect(&mut self, call: usize, redirect: &ivr_xml::Redirect) {
        let mut request = RedirectRequest::new(self.app_id.clone(), self.calls[call].id.clone());
        request.tag = redirect.tag.as_ref().map(ToString::to_string);
        Box::pin(self.notify_and_run(
            call,
            redirect.url.as_str(),
            request.to_params(),
            http::Method::POST,
        ))
        .await;
    }

    /// The call waits for the caller: in a conference, or with nothing left to run.
    fn idle(&mut self, call: usize) {
        let in_conference = self.calls[call].conference.is_some();
        match self.calls[call].script.pop_front() {
            Some(Action::HangUp { after }) => self.schedule(after, call, Wake::CallerHangUp),
            Some(Action::Press { keys, after }) if in_conference => {
                self.schedule(after, call, Wake::ConferenceKeys { keys })
            }
            Some(Action::Press { keys, .. }) => {
                self.note(call, format!("{keys} pressed while nothing listens"));
                self.idle(call);
            }
            Some(Action::Silence) => self.idle(call),
            None => self.schedule(Duration::ZERO, call, Wake::CallerHangUp),
        }
    }

    async fn create_conference(&mut self, call: usize, create: &ivr_xml::CreateConf) {
        let confid = {
            let mut state = self.platform.lock();
            let confid = state.new_confid();
            if let Some(confid) = &confid {
                state
                    .conferences
                    .insert(confid.clone(), Conference::new(create));
            }
            confid
        };
        let Some(confid) = confid else {
            return self.idle(call);
        };
        self.record(
            Who::Call(call),
            Event::ConferenceCreated {
                confid: confid.to_string(),
            },
        );
        let ttl = self.config.empty_conference_ttl;
        self.schedule(
            ttl,
            call,
            Wake::ConferenceExpiry {
                confid: confid.clone(),
            },
        );
        if create.autojoin == Some(true) {
            if let Err(reason) = self.enter_conference(call, &confid).await {
                self.record(
                    Who::Call(call),
                    Event::JoinFailed {
                        confid: confid.to_string(),
                        reason,
                    },
                );
            }
        }
        match &create.action {
            Some(action) => {
                // The conference's id is reported as `confid` [inferred: the guide plays it next].
                let created = ConfCreated::new(confid)
                    .appid(self.app_id.clone())
                    .callid(self.calls[call].id.clone());
                self.notify_and_run(
                    call,
                    action.as_str(),
                    created.to_params(),
                    http::Method::POST,
                )
                .await;
            }
            None => self.idle(call),
        }
    }

    fn joined(&self, call: usize, confid: &ConfId) -> ConfMemberJoined {
        let mut joined = ConfMemberJoined::new(confid.clone())
            .callid(self.calls[call].id.clone())
            .appid(self.app_id.clone());
        joined.jointime = self.timestamp(self.now);
        joined
    }

    /// Adds the call to the conference and sends its `joinurl`; `Err` says why it cannot.
    async fn enter_conference(&mut self, call: usize, confid: &ConfId) -> Result<(), String> {
        let joinurl = {
            let mut state = self.platform.lock();
            let Some(conference) = state.conferences.get_mut(confid) else {
                return Err("no such conference".to_owned());
            };
            if conference.members.len() >= conference.max_members {
                return Err(format!(
                    "the conference is full ({} members)",
                    conference.max_members
                ));
            }
            conference.members.push(call);
            conference.ever_joined = true;
            conference.joinurl.clone()
        };
        self.calls[call].conference = Some(confid.clone());
        self.record(
            Who::Call(call),
            Event::Joined {
                confid: confid.to_string(),
            },
        );
        if let Some(url) = joinurl {
            let joined = self.joined(call, confid);
            self.inform(Who::Call(call), &url, joined.to_params()).await;
        }
        Ok(())
    }

    async fn join_conference(&mut self, call: usize, join: &ivr_xml::JoinConf, subs: Vec<Command>) {
        let entered = match ConfId::new(join.confid.as_str()) {
            Ok(confid) => self.enter_conference(call, &confid).await.map(|()| confid),
            Err(err) => Err(format!("not a conference id: {err}")),
        };
        match (entered, &join.action) {
            (Ok(confid), Some(action)) => {
                let joined = self.joined(call, &confid);
                self.notify_and_run(
                    call,
                    action.as_str(),
                    joined.to_params(),
                    http::Method::POST,
                )
                .await;
            }
            (Ok(_), None) => self.idle(call),
            (Err(reason), _) => {
                let confid = join.confid.to_string();
                self.record(Who::Call(call), Event::JoinFailed { confid, reason });
                self.run_subs(call, subs).await;
            }
        }
    }

    async fn leave_conference(&mut self, call: usize) {
        let Some(confid) = self.calls[call].conference.take() else {
            return;
        };
        let left = {
            let mut state = self.platform.lock();
            state.conferences.get_mut(&confid).map(|conference| {
                conference.members.retain(|&m| m != call);
                (
                    conference.quiturl.clone(),
                    conference.members.is_empty() && conference.autodelete,
                )
            })
        };
        let Some((quiturl, now_empty)) = left else {
            return;
        };
        self.record(
            Who::Call(call),
            Event::Left {
                confid: confid.to_string(),
            },
        );
        if let Some(url) = quiturl {
            let quit = ConfMemberQuit::new()
                .confid(confid.clone())
                .callid(self.calls[call].id.clone())
                .appid(self.app_id.clone());
            self.inform(Who::Call(call), &url, quit.to_params()).await;
        }
        if now_empty {
            self.delete_conference(Who::Call(call), &confid, "its last member left")
                .await;
        }
    }

    async fn delete_conference(&mut self, who: Who, confid: &ConfId, reason: &str) {
        let Some(conference) = self.platform.lock().conferences.remove(confid) else {
            return;
        };
        let event = Event::ConferenceDeleted {
            confid: confid.to_string(),
            reason: reason.to_owned(),
        };
        self.record(who, event);
        if let Some(url) = conference.delreporturl {
            let mut deleted = ConfDeleted::new(confid.clone()).appid(self.app_id.clone());
            deleted.deltime = self.timestamp(self.now);
            self.inform(who, &url, deleted.to_params()).await;
        }
    }

    /// The 10-minute rule: a conference nobody joined is deleted \[official\].
    async fn expire_conference(&mut self, confid: &ConfId) {
        let never_joined = self
            .platform
            .lock()
            .conferences
            .get(confid)
            .is_some_and(|c| !c.ever_joined);
        if never_joined {
            self.delete_conference(Who::Platform, confid, "nobody joined within 10 minutes")
                .await;
        }
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
