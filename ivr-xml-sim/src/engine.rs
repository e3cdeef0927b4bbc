//! The platform's side of calls: runs `<Response>` documents with the semantics of spec §0.2 and §2
//! on a virtual clock, sending notifications to the application and reading its answers strictly.

use std::collections::{BTreeMap, VecDeque};
use std::time::Duration;

use ivr_xml::validate::{validate, Severity};
use ivr_xml::{Command, Get, Loop, MixItem, Prompt, Response};

use crate::clock::timestamp;
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
    /// Wall-clock time of virtual time zero, as Unix seconds (naive; the platform's zone is unknown).
    pub start_unix_seconds: i64,
    /// How long one audio file plays.
    pub file_duration: Duration,
    /// How long one spoken character (digits read out, TTS) takes.
    pub character_duration: Duration,
    /// A conference nobody joins is deleted after this long (10 minutes [official]).
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
}

#[derive(Debug)]
struct Call {
    id: String,
    from: String,
    to: String,
    script: VecDeque<Action>,
    started: Duration,
    conference: Option<String>,
    ended: bool,
    /// Bumped whenever the call's next wake-up changes, so stale ones are dropped.
    generation: u64,
}

#[derive(Debug)]
struct Conference {
    id: String,
    members: Vec<usize>,
    max_members: usize,
    ever_joined: bool,
    autodelete: bool,
    joinurl: Option<String>,
    quiturl: Option<String>,
    delreporturl: Option<String>,
    dtmfreporturl: Option<String>,
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
        confid: String,
    },
}

#[derive(Debug)]
struct Pending {
    at: Duration,
    seq: u64,
    call: usize,
    generation: u64,
    wake: Wake,
}

struct World<'t, T> {
    transport: &'t mut T,
    config: &'t Config,
    now: Duration,
    seq: u64,
    pending: Vec<Pending>,
    calls: Vec<Call>,
    conferences: BTreeMap<String, Conference>,
    next_confid: u64,
    transcript: Transcript,
}

impl<T: Transport> Simulator<T> {
    /// A simulator with the default [`Config`].
    pub fn new(transport: T) -> Simulator<T> {
        Simulator::with_config(transport, Config::default())
    }

    /// A simulator with `config`.
    pub fn with_config(transport: T, config: Config) -> Simulator<T> {
        Simulator { transport, config }
    }

    /// Runs every caller's call to its end (they share conferences) and returns the transcript.
    pub async fn run(&mut self, callers: Vec<Caller>) -> Transcript {
        let mut world = World {
            transport: &mut self.transport,
            config: &self.config,
            now: Duration::ZERO,
            seq: 0,
            pending: Vec::new(),
            calls: Vec::new(),
            conferences: BTreeMap::new(),
            next_confid: self.config.first_confid,
            transcript: Transcript::default(),
        };
        for (index, caller) in callers.into_iter().enumerate() {
            let call = Call {
                id: format!(
                    "{:016x}{:016x}",
                    0x1706_0100_0000_0000_u64,
                    index as u64 + 1
                ),
                to: caller
                    .to
                    .unwrap_or_else(|| self.config.access_number.clone()),
                from: caller.from,
                script: caller.actions,
                started: caller.starts_after,
                conference: None,
                ended: false,
                generation: 0,
            };
            world.calls.push(call);
            world.schedule_at(caller.starts_after, index, Wake::Start);
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
                match item {
                    MixItem::File(file) => {
                        heard.push(file.to_string());
                        total += config.file_duration;
                    }
                    MixItem::Digits(digits) => {
                        heard.push(format!("digits:{digits}"));
                        total += spoken(digits.as_str());
                    }
                    MixItem::Raw { code, text } => {
                        heard.push(format!("code{code}:{text}"));
                        total += spoken(text.as_str());
                    }
                }
            }
            (heard, (Some(total), total))
        }
        _ => return None,
    };
    Some(Media { heard, total, once })
}

/// The digits the platform reports: what was typed, up to `numdigits` keys or the finish key
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

fn encode_component(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
}

/// `relative` (a segment, maybe with its own query) plus `params`, as the platform builds it.
fn request_target(relative: &str, params: &[(&str, String)]) -> String {
    let (path, existing) = match relative.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (relative, None),
    };
    let mut target = format!("/{}", path.trim_start_matches('/'));
    let mut separator = '?';
    if let Some(query) = existing.filter(|q| !q.is_empty()) {
        target.push('?');
        target.push_str(query);
        separator = '&';
    }
    for (key, value) in params {
        target.push(separator);
        encode_component(key, &mut target);
        target.push('=');
        encode_component(value, &mut target);
        separator = '&';
    }
    target
}

impl<T: Transport> World<'_, T> {
    fn record(&mut self, call: usize, event: Event) {
        self.transcript.entries.push(Entry {
            at: self.now,
            call: call + 1,
            event,
        });
    }

    fn record_global(&mut self, event: Event) {
        self.transcript.entries.push(Entry {
            at: self.now,
            call: 0,
            event,
        });
    }

    fn schedule_at(&mut self, at: Duration, call: usize, wake: Wake) {
        self.seq += 1;
        let generation = match &wake {
            Wake::ConferenceExpiry { .. } => 0,
            _ => {
                let call = &mut self.calls[call];
                call.generation += 1;
                call.generation
            }
        };
        self.pending.push(Pending {
            at,
            seq: self.seq,
            call,
            generation,
            wake,
        });
    }

    fn schedule(&mut self, delay: Duration, call: usize, wake: Wake) {
        self.schedule_at(self.now + delay, call, wake);
    }

    async fn run(&mut self) {
        while let Some(index) = self
            .pending
            .iter()
            .enumerate()
            .min_by_key(|(_, p)| (p.at, p.seq))
            .map(|(i, _)| i)
        {
            let next = self.pending.swap_remove(index);
            if next.at > self.config.max_time {
                self.now = self.config.max_time;
                self.record_global(Event::Flagged {
                    problem: format!(
                        "the simulation reached its limit of {} s of virtual time",
                        self.config.max_time.as_secs()
                    ),
                });
                break;
            }
            self.now = next.at;
            if let Wake::ConferenceExpiry { confid } = next.wake {
                self.expire_conference(&confid).await;
                continue;
            }
            let call = &self.calls[next.call];
            if call.ended || call.generation != next.generation {
                continue;
            }
            self.wake(next.call, next.wake).await;
        }
    }

    async fn wake(&mut self, call: usize, wake: Wake) {
        match wake {
            Wake::Start => {
                let (callid, from, to) = {
                    let c = &mut self.calls[call];
                    c.started = self.now;
                    (c.id.clone(), c.from.clone(), c.to.clone())
                };
                self.record(
                    call,
                    Event::CallStarted {
                        callid: callid.clone(),
                        from: from.clone(),
                    },
                );
                let params = vec![
                    ("appid", self.config.app_id.clone()),
                    ("callid", callid),
                    ("from", from),
                    ("to", to),
                    ("direction", "0".to_owned()),
                ];
                if let Some(doc) = self
                    .notify(call, "startservice", &params, http::Method::POST)
                    .await
                {
                    Box::pin(self.execute(call, doc)).await;
                }
            }
            Wake::Keys { keys, digits, get } => {
                self.record(call, Event::Pressed { keys });
                let action = get
                    .action
                    .as_ref()
                    .map_or("dtmfreport", |a| a.as_str())
                    .to_owned();
                let method = match get.method {
                    Some(ivr_xml::Method::Get) => http::Method::GET,
                    _ => http::Method::POST,
                };
                let params = self.call_params(call, vec![("digits", digits)]);
                if let Some(doc) = self.notify(call, &action, &params, method).await {
                    Box::pin(self.execute(call, doc)).await;
                }
            }
            Wake::GetTimeout { subs } => {
                self.record(call, Event::TimedOut);
                Box::pin(self.run_subs(call, subs)).await;
            }
            Wake::Continue { subs } => Box::pin(self.run_subs(call, subs)).await,
            Wake::ConferenceKeys { keys } => {
                self.record(call, Event::Pressed { keys: keys.clone() });
                let report = self.calls[call]
                    .conference
                    .as_ref()
                    .and_then(|id| self.conferences.get(id))
                    .and_then(|conf| conf.dtmfreporturl.clone().map(|url| (url, conf.id.clone())));
                if let Some((url, confid)) = report {
                    let params = self.call_params(call, vec![("confid", confid), ("digits", keys)]);
                    let _ = self.notify(call, &url, &params, http::Method::POST).await;
                }
                self.idle(call);
            }
            Wake::CallerHangUp => Box::pin(self.end_call(call, "caller")).await,
            Wake::ConferenceExpiry { .. } => {}
        }
    }

    fn call_params(
        &self,
        call: usize,
        mut extra: Vec<(&'static str, String)>,
    ) -> Vec<(&'static str, String)> {
        let mut params = vec![
            ("appid", self.config.app_id.clone()),
            ("callid", self.calls[call].id.clone()),
        ];
        params.append(&mut extra);
        params
    }

    /// Sends a notification and reads the answer strictly; `None` ends the call.
    async fn notify(
        &mut self,
        call: usize,
        relative: &str,
        params: &[(&str, String)],
        method: http::Method,
    ) -> Option<Response> {
        let target = request_target(relative, params);
        self.record(
            call,
            Event::Notified {
                method: method.to_string(),
                request: target.clone(),
            },
        );
        let answer = self
            .transport
            .send(PlatformRequest {
                method,
                path_and_query: target,
            })
            .await;
        let answer = match answer {
            Ok(answer) => answer,
            Err(err) => {
                self.record(
                    call,
                    Event::Flagged {
                        problem: format!("cannot reach the application: {err}"),
                    },
                );
                self.end_call_quietly(call, "platform");
                return None;
            }
        };
        let one_line: String = answer
            .body
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("");
        self.record(
            call,
            Event::Answered {
                status: answer.status.as_u16(),
                body: one_line,
            },
        );
        if !answer.status.is_success() {
            self.record(
                call,
                Event::Flagged {
                    problem: format!("the application answered HTTP {}", answer.status),
                },
            );
            self.end_call_quietly(call, "platform");
            return None;
        }
        match answer.body.parse::<Response>() {
            Ok(doc) => {
                for finding in validate(&answer.body)
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                {
                    self.record(
                        call,
                        Event::Flagged {
                            problem: format!("the platform's rules: {finding}"),
                        },
                    );
                }
                Some(doc)
            }
            Err(err) => {
                self.record(
                    call,
                    Event::Flagged {
                        problem: format!("the platform would reject this answer: {err}"),
                    },
                );
                self.end_call_quietly(call, "platform");
                None
            }
        }
    }

    async fn execute(&mut self, call: usize, doc: Response) {
        if self.calls[call].ended {
            return;
        }
        let mut commands = doc.into_commands();
        if commands.is_empty() {
            self.record(
                call,
                Event::Note {
                    text: "empty <Response>: nothing to run".to_owned(),
                },
            );
            self.idle(call);
            return;
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
                self.record(
                    call,
                    Event::Note {
                        text: "<Redirect> as the main command (undocumented)".to_owned(),
                    },
                );
                Box::pin(self.redirect(call, &redirect)).await;
            }
            Command::Hangup(_) => Box::pin(self.end_call(call, "application")).await,
            Command::CmdNone(_) => self.idle(call),
            Command::CreateConf(create) => {
                Box::pin(self.create_conference(call, &create, subs)).await
            }
            Command::JoinConf(join) => Box::pin(self.join_conference(call, &join, subs)).await,
            Command::ConsultationCall(_) | Command::Raw(_) => {
                let name = main.name().to_owned();
                self.record(call, Event::Flagged { problem: format!("the simulator cannot run <{name}>; running the sub-commands as on failure") });
                Box::pin(self.run_subs(call, subs)).await;
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
                    self.record(call, Event::Heard { what });
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
                    self.record(
                        call,
                        Event::Note {
                            text: format!(
                                "{keys} pressed after {} s comes too late",
                                after.as_secs()
                            ),
                        },
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
            self.record(call, Event::Heard { what });
        }
        match (self.calls[call].script.front().cloned(), media.total) {
            (Some(Action::HangUp { after }), Some(d)) if after < d => {
                self.calls[call].script.pop_front();
                self.schedule(after, call, Wake::CallerHangUp);
            }
            (_, Some(d)) => self.schedule(d, call, then),
            (_, None) => {
                self.record(
                    call,
                    Event::Note {
                        text: "plays until the caller hangs up (loop -1)".to_owned(),
                    },
                );
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
                    self.record(
                        call,
                        Event::Flagged {
                            problem: format!(
                                "<{}> as a sub-command is not run by the platform",
                                other.name()
                            ),
                        },
                    );
                }
            }
        }
        self.record(
            call,
            Event::Note {
                text: "no command left to run: the caller hears silence".to_owned(),
            },
        );
        self.idle(call);
    }

    async fn redirect(&mut self, call: usize, redirect: &ivr_xml::Redirect) {
        let tag = redirect
            .tag
            .as_ref()
            .map(|t| vec![("tag", t.to_string())])
            .unwrap_or_default();
        let params = self.call_params(call, tag);
        if let Some(doc) = self
            .notify(call, redirect.url.as_str(), &params, http::Method::POST)
            .await
        {
            Box::pin(self.execute(call, doc)).await;
        }
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
                self.record(
                    call,
                    Event::Note {
                        text: format!("{keys} pressed while nothing listens"),
                    },
                );
                self.idle(call);
            }
            Some(Action::Silence) => self.idle(call),
            None => self.schedule(Duration::ZERO, call, Wake::CallerHangUp),
        }
    }

    async fn create_conference(
        &mut self,
        call: usize,
        create: &ivr_xml::CreateConf,
        subs: Vec<Command>,
    ) {
        let _ = subs;
        let confid = self.next_confid.to_string();
        self.next_confid += 1;
        let url = |u: &Option<ivr_xml::RelUrl>| u.as_ref().map(|u| u.as_str().to_owned());
        self.conferences.insert(
            confid.clone(),
            Conference {
                id: confid.clone(),
                members: Vec::new(),
                max_members: usize::from(create.maxmember.map_or(3, |m| m.get())),
                ever_joined: false,
                autodelete: create.autodelete.unwrap_or(true),
                joinurl: url(&create.joinurl),
                quiturl: url(&create.quiturl),
                delreporturl: url(&create.delreporturl),
                dtmfreporturl: url(&create.dtmfreporturl),
            },
        );
        self.record(
            call,
            Event::ConferenceCreated {
                confid: confid.clone(),
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
                    call,
                    Event::JoinFailed {
                        confid: confid.clone(),
                        reason,
                    },
                );
            }
        }
        match &create.action {
            Some(action) => {
                let params = self.call_params(call, vec![("confid", confid)]);
                if let Some(doc) = self
                    .notify(call, action.as_str(), &params, http::Method::POST)
                    .await
                {
                    Box::pin(self.execute(call, doc)).await;
                }
            }
            None => self.idle(call),
        }
    }

    /// Adds the call to the conference and sends its `joinurl`; `Err` says why it cannot.
    async fn enter_conference(&mut self, call: usize, confid: &str) -> Result<(), String> {
        let Some(conference) = self.conferences.get_mut(confid) else {
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
        let joinurl = conference.joinurl.clone();
        self.calls[call].conference = Some(confid.to_owned());
        self.record(
            call,
            Event::Joined {
                confid: confid.to_owned(),
            },
        );
        if let Some(url) = joinurl {
            let params = self.call_params(
                call,
                vec![
                    ("confid", confid.to_owned()),
                    (
                        "jointime",
                        timestamp(self.config.start_unix_seconds, self.now),
                    ),
                ],
            );
            let _ = self.notify(call, &url, &params, http::Method::POST).await;
        }
        Ok(())
    }

    async fn join_conference(&mut self, call: usize, join: &ivr_xml::JoinConf, subs: Vec<Command>) {
        let confid = join.confid.to_string();
        match self.enter_conference(call, &confid).await {
            Ok(()) => match &join.action {
                Some(action) => {
                    let params = self.call_params(
                        call,
                        vec![
                            ("confid", confid),
                            (
                                "jointime",
                                timestamp(self.config.start_unix_seconds, self.now),
                            ),
                        ],
                    );
                    if let Some(doc) = self
                        .notify(call, action.as_str(), &params, http::Method::POST)
                        .await
                    {
                        Box::pin(self.execute(call, doc)).await;
                    }
                }
                None => self.idle(call),
            },
            Err(reason) => {
                self.record(call, Event::JoinFailed { confid, reason });
                Box::pin(self.run_subs(call, subs)).await;
            }
        }
    }

    async fn leave_conference(&mut self, call: usize) {
        let Some(confid) = self.calls[call].conference.take() else {
            return;
        };
        let Some(conference) = self.conferences.get_mut(&confid) else {
            return;
        };
        conference.members.retain(|&m| m != call);
        let (quiturl, now_empty) = (
            conference.quiturl.clone(),
            conference.members.is_empty() && conference.autodelete,
        );
        self.record(
            call,
            Event::Left {
                confid: confid.clone(),
            },
        );
        if let Some(url) = quiturl {
            let params = self.call_params(call, vec![("confid", confid.clone())]);
            let _ = self.notify(call, &url, &params, http::Method::POST).await;
        }
        if now_empty {
            self.delete_conference(call, &confid, "its last member left")
                .await;
        }
    }

    async fn delete_conference(&mut self, call: usize, confid: &str, reason: &str) {
        let Some(conference) = self.conferences.remove(confid) else {
            return;
        };
        self.record(
            call,
            Event::ConferenceDeleted {
                confid: confid.to_owned(),
                reason: reason.to_owned(),
            },
        );
        if let Some(url) = conference.delreporturl {
            let params = vec![
                ("appid", self.config.app_id.clone()),
                ("confid", confid.to_owned()),
                (
                    "deltime",
                    timestamp(self.config.start_unix_seconds, self.now),
                ),
            ];
            let _ = self.notify(call, &url, &params, http::Method::POST).await;
        }
    }

    async fn expire_conference(&mut self, confid: &str) {
        let Some(conference) = self.conferences.get(confid) else {
            return;
        };
        if conference.ever_joined {
            return;
        }
        self.record_global(Event::ConferenceDeleted {
            confid: confid.to_owned(),
            reason: "nobody joined within 10 minutes".to_owned(),
        });
        if let Some(conference) = self.conferences.remove(confid) {
            if let Some(url) = conference.delreporturl {
                let params = vec![
                    ("appid", self.config.app_id.clone()),
                    ("confid", confid.to_owned()),
                    (
                        "deltime",
                        timestamp(self.config.start_unix_seconds, self.now),
                    ),
                ];
                // Not tied to a live call: notified under no call number.
                let target = request_target(&url, &params);
                self.record_global(Event::Notified {
                    method: "POST".to_owned(),
                    request: target.clone(),
                });
                if let Ok(answer) = self
                    .transport
                    .send(PlatformRequest {
                        method: http::Method::POST,
                        path_and_query: target,
                    })
                    .await
                {
                    self.record_global(Event::Answered {
                        status: answer.status.as_u16(),
                        body: answer.body.lines().map(str::trim).collect(),
                    });
                }
            }
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
        let params = self.call_params(
            call,
            vec![
                (
                    "starttime",
                    timestamp(self.config.start_unix_seconds, started),
                ),
                (
                    "endtime",
                    timestamp(self.config.start_unix_seconds, self.now),
                ),
                ("callduration", (self.now - started).as_secs().to_string()),
            ],
        );
        let target = request_target("stopservice", &params);
        self.record(
            call,
            Event::Notified {
                method: "POST".to_owned(),
                request: target.clone(),
            },
        );
        match self
            .transport
            .send(PlatformRequest {
                method: http::Method::POST,
                path_and_query: target,
            })
            .await
        {
            Ok(answer) => {
                let body: String = answer.body.lines().map(str::trim).collect();
                self.record(
                    call,
                    Event::Answered {
                        status: answer.status.as_u16(),
                        body,
                    },
                );
                let is_cmd_none = answer
                    .body
                    .parse::<Response>()
                    .is_ok_and(|doc| matches!(doc.commands(), [Command::CmdNone(_)]));
                if !is_cmd_none {
                    self.record(
                        call,
                        Event::Note {
                            text: "the answer to stopservice should be <CmdNone/> [guide (18)]"
                                .to_owned(),
                        },
                    );
                }
            }
            Err(err) => self.record(
                call,
                Event::Flagged {
                    problem: format!("cannot reach the application: {err}"),
                },
            ),
        }
    }

    /// Marks the call ended and records who ended it, without notifications.
    fn end_call_quietly(&mut self, call: usize, by: &str) {
        if self.calls[call].ended {
            return;
        }
        self.calls[call].ended = true;
        self.calls[call].generation += 1;
        self.record(call, Event::HungUp { by: by.to_owned() });
    }
}
