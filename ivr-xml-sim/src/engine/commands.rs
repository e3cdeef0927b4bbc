//! Command semantics (spec §0.2 and §2): the main command of a `<Response>`, then its sub-commands
//! on timeout or failure; how long media plays, which keys a `<Get>` reports, and what a call does
//! when nothing is left to run.

use std::collections::VecDeque;
use std::time::Duration;

use ivr_xml::notify::{Message, RedirectRequest};
use ivr_xml::{Command, Get, Loop, MixItem, Prompt, Response};

use super::clock::Wake;
use super::{Config, Who, World};
use crate::script::Action;
use crate::transcript::Event;
use crate::transport::Transport;

/// Media of one command: what is heard, how long it plays in all (`None`: until interrupted),
/// and how long one pass takes (the `<Get>` timeout counts from the end of the first pass).
struct Media {
    heard: Vec<String>,
    total: Option<Duration>,
    once: Duration,
    /// Which keys cut it short.
    cut_by: CutBy,
}

/// Which keys cut a playback short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CutBy {
    /// None: a key press is left for the next point that listens.
    Nothing,
    /// Any key.
    AnyKey,
    /// This key (`<Play finishkey>`).
    Key(char),
}

impl CutBy {
    fn cuts(self, keys: &str) -> bool {
        match self {
            CutBy::Nothing => false,
            CutBy::AnyKey => !keys.is_empty(),
            CutBy::Key(key) => keys.contains(key),
        }
    }
}

/// Where a command plays: as the main command, or as a sub-command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Main,
    Sub,
}

/// Which keys cut `command` short, playing in `role`:
///
/// * a sub-command `<Play>`: any key (R6: "语音播放完或按键打断后", when the prompt finishes or
///   a key interrupts it \[official\] \[guide\]);
/// * a main-command `<Play finishkey='k'>`: `k`, the key that stops playback (spec §2.2
///   \[official\]);
/// * a main-command `<Play>` without `finishkey`: any key if
///   [`Config::any_key_interrupts_main_play`], else none (the docs are silent);
/// * `<PlayMix>`, `<PlayTTS>`: none (no source says a key cuts them short).
fn cut_by(config: &Config, command: &Command, role: Role) -> CutBy {
    match (command, role) {
        (Command::Play(_), Role::Sub) => CutBy::AnyKey,
        (Command::Play(play), Role::Main) => match play.finishkey {
            Some(key) => CutBy::Key(key.as_char()),
            None if config.any_key_interrupts_main_play => CutBy::AnyKey,
            None => CutBy::Nothing,
        },
        _ => CutBy::Nothing,
    }
}

fn repeated(repeat: Option<Loop>, one: Duration) -> (Option<Duration>, Duration) {
    match repeat {
        None => (Some(one), one),
        Some(Loop::Never) => (Some(Duration::ZERO), Duration::ZERO),
        Some(Loop::Forever) => (None, one),
        Some(Loop::Times(n)) => (Some(one * n.get()), one),
    }
}

fn media(config: &Config, command: &Command, role: Role) -> Option<Media> {
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
    Some(Media {
        heard,
        total,
        once,
        cut_by: cut_by(config, command, role),
    })
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

pub(super) fn method_of(get: &Get) -> http::Method {
    match get.method {
        Some(ivr_xml::Method::Get) => http::Method::GET,
        _ => http::Method::POST,
    }
}

impl<T: Transport> World<'_, T> {
    pub(super) async fn execute(&mut self, call: usize, doc: Response) {
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
                if let Some(media) = media(self.config, &main, Role::Main) {
                    self.play(call, media, Wake::Continue { subs });
                }
            }
            Command::Redirect(redirect) => {
                self.note(
                    call,
                    "<Redirect> as the main command (undocumented)".to_owned(),
                );
                self.redirect(call, &redirect);
            }
            Command::Hangup(_) => self.end_call(call, "application").await,
            Command::CmdNone(_) => self.idle(call),
            Command::Raw(raw) if self.is_custom(&main) => {
                self.run_custom(call, &raw);
                self.run_subs(call, subs).await;
            }
            Command::CreateConf(create) => self.create_conference(call, &create, subs).await,
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
            if let Some(media) = media(self.config, &command, Role::Main) {
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

    /// Plays media, then wakes with `then`, unless the caller hangs up first or presses a key
    /// that cuts it short (see [`cut_by`]): then the key is pressed, and `then` follows at once
    /// (the sub-commands go on: "放音完成后跳转将执行后续副命令中的呼转命令", when playback ends
    /// the transfer command among the following sub-commands runs, spec §2.2 \[official\]).
    /// Whether the key is reported anywhere is unknown (spec §1.7): it is not.
    fn play(&mut self, call: usize, media: Media, then: Wake) {
        let what = media.heard.join(", ");
        for what in media.heard {
            self.record(Who::Call(call), Event::Heard { what });
        }
        let ends_before = |after: Duration| media.total.is_none_or(|d| after < d);
        match (self.calls[call].script.front().cloned(), media.total) {
            (Some(Action::HangUp { after }), Some(d)) if after < d => {
                self.calls[call].script.pop_front();
                self.schedule(after, call, Wake::CallerHangUp);
            }
            (Some(Action::Press { keys, after }), _)
                if media.cut_by.cuts(&keys) && ends_before(after) =>
            {
                self.calls[call].script.pop_front();
                let why = match media.cut_by {
                    CutBy::Key(key) => format!(
                        "{key} is the finishkey: it stops {what}, and the sub-commands go on [official §2.2]"
                    ),
                    _ => format!(
                        "a key cuts {what} short, and the sub-commands go on [R6, official, guide]; the key is reported nowhere [unknown, §1.7]"
                    ),
                };
                self.schedule(
                    after,
                    call,
                    Wake::PlayCut {
                        keys,
                        why,
                        then: Box::new(then),
                    },
                );
            }
            (_, Some(d)) => self.schedule(d, call, then),
            (_, None) => {
                self.note(call, "plays until the caller hangs up (loop -1)".to_owned());
                self.idle(call);
            }
        }
    }

    pub(super) async fn run_subs(&mut self, call: usize, subs: Vec<Command>) {
        let mut subs = VecDeque::from(subs);
        while let Some(command) = subs.pop_front() {
            match command {
                Command::Play(_) | Command::PlayMix(_) | Command::PlayTts(_) => {
                    if let Some(media) = media(self.config, &command, Role::Sub) {
                        self.play(call, media, Wake::Continue { subs: subs.into() });
                    }
                    return;
                }
                Command::Redirect(redirect) => return self.redirect(call, &redirect),
                Command::Hangup(_) => return self.end_call(call, "application").await,
                Command::CmdNone(_) => return self.idle(call),
                Command::Raw(ref raw) if self.is_custom(&command) => self.run_custom(call, raw),
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

    fn redirect(&mut self, call: usize, redirect: &ivr_xml::Redirect) {
        let mut request = RedirectRequest::new(self.app_id.clone(), self.calls[call].id.clone());
        if self.config.report_redirect_tag {
            request.tag = redirect.tag.as_ref().map(ToString::to_string);
        }
        self.notify_and_run(
            call,
            redirect.url.as_str(),
            request.to_params(),
            http::Method::POST,
        );
    }

    /// The call waits for the caller: in a conference, or with nothing left to run.
    pub(super) fn idle(&mut self, call: usize) {
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
}
