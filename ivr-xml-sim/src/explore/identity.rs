//! What an answer means to the explorer: its identity (what the platform would do next), a
//! label, the URLs whose answers are the call's next document, the caller's choices at it, and
//! the paths on which the caller is left in silence.

use std::time::Duration;

use ivr_xml::{Command, Get, Prompt, Response};

use super::{Choice, Severity, Step};
use crate::engine::Config;

/// One answered document as the explorer sees it.
#[derive(Debug, Clone)]
pub(super) struct Doc {
    /// The identity: command names, URLs (path and query keys) and the settings that decide
    /// what happens next; no prompts, tags, conference ids or query values.
    pub(super) signature: String,
    /// One line: `Get firstget · Play · Redirect gettimeout`.
    pub(super) label: String,
    /// The URLs (normalised path) whose answers the platform runs next.
    pub(super) next_urls: Vec<String>,
    /// The main command's `<Get>`, if it is one.
    pub(super) get: Option<Get>,
    /// Silent paths: (severity, message, whether the caller's timeout leads there).
    pub(super) silences: Vec<(Severity, String, bool)>,
    /// Whether the main command is `<CmdNone/>` (a deliberate wait).
    pub(super) waits: bool,
}

/// `path?key1&key2`: the path without its leading `/`, and the query's keys without values.
pub(super) fn norm_url(url: &str) -> String {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let path = path.trim_matches('/');
    let keys: Vec<&str> = query
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| kv.split_once('=').map_or(kv, |(k, _)| k))
        .collect();
    if keys.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", keys.join("&"))
    }
}

/// The path of a relative URL, normalised: what a request for it is matched with.
pub(super) fn url_path(url: &str) -> String {
    url.split_once('?')
        .map_or(url, |(path, _)| path)
        .trim_matches('/')
        .to_owned()
}

fn opt_url(url: Option<&ivr_xml::RelUrl>) -> String {
    url.map_or_else(String::new, |u| norm_url(u.as_str()))
}

fn command_signature(command: &Command) -> String {
    match command {
        Command::Get(get) => format!(
            "Get(action={},numdigits={},finishkey={},method={:?})",
            opt_url(get.action.as_ref()),
            get.numdigits.map_or(0, |n| n.get()),
            get.finishkey.map_or('#', |k| k.as_char()),
            get.method
        ),
        Command::Play(play) => format!(
            "Play(finishkey={:?},loop={:?})",
            play.finishkey.map(|k| k.as_char()),
            play.repeat
        ),
        Command::Redirect(redirect) => format!("Redirect({})", norm_url(redirect.url.as_str())),
        Command::CreateConf(create) => format!(
            "CreateConf(action={},autojoin={:?},joinurl={},quiturl={},delreporturl={},dtmfreporturl={})",
            opt_url(create.action.as_ref()),
            create.autojoin,
            opt_url(create.joinurl.as_ref()),
            opt_url(create.quiturl.as_ref()),
            opt_url(create.delreporturl.as_ref()),
            opt_url(create.dtmfreporturl.as_ref()),
        ),
        Command::JoinConf(join) => format!("JoinConf(action={})", opt_url(join.action.as_ref())),
        other => other.name().to_owned(),
    }
}

fn command_label(command: &Command) -> String {
    let with = |name: &str, url: Option<&ivr_xml::RelUrl>| match url {
        Some(url) => format!("{name} {}", url_path(url.as_str())),
        None => name.to_owned(),
    };
    match command {
        Command::Get(get) => {
            let digits = get.numdigits.map_or(12, |n| n.get());
            let name = with("Get", get.action.as_ref());
            let name = if get.action.is_none() {
                format!("{name} dtmfreport")
            } else {
                name
            };
            format!(
                "{name} ({digits} key{})",
                if digits == 1 { "" } else { "s" }
            )
        }
        Command::Redirect(redirect) => format!("Redirect {}", url_path(redirect.url.as_str())),
        Command::CreateConf(create) => with("CreateConf", create.action.as_ref()),
        Command::JoinConf(join) => with("JoinConf", join.action.as_ref()),
        other => other.name().to_owned(),
    }
}

/// Whether a command ends the wait: the flow goes on (`<Redirect>`) or the call ends.
fn moves_on(command: &Command) -> bool {
    matches!(command, Command::Redirect(_) | Command::Hangup(_))
}

/// What follows when `subs` run: `Some(what)` when the caller is left in silence.
fn silent_after(subs: &[Command]) -> Option<String> {
    if subs.iter().any(moves_on) || matches!(subs.first(), Some(Command::CmdNone(_))) {
        return None;
    }
    Some(if subs.is_empty() {
        "there is no sub-command".to_owned()
    } else {
        let names: Vec<&str> = subs.iter().map(Command::name).collect();
        format!(
            "the sub-commands ({}) neither redirect nor hang up",
            names.join(", ")
        )
    })
}

impl Doc {
    pub(super) fn new(doc: &Response) -> Doc {
        let commands = doc.commands();
        let signature = commands
            .iter()
            .map(command_signature)
            .collect::<Vec<_>>()
            .join(";");
        let label = if commands.is_empty() {
            "(empty Response)".to_owned()
        } else {
            commands
                .iter()
                .map(command_label)
                .collect::<Vec<_>>()
                .join(" · ")
        };
        let mut next_urls = Vec::new();
        for command in commands {
            match command {
                Command::Get(get) => next_urls.push(
                    get.action
                        .as_ref()
                        .map(|a| url_path(a.as_str()))
                        .filter(|a| !a.is_empty())
                        .unwrap_or_else(|| "dtmfreport".to_owned()),
                ),
                Command::Redirect(redirect) => next_urls.push(url_path(redirect.url.as_str())),
                Command::CreateConf(create) => {
                    next_urls.extend(create.action.as_ref().map(|a| url_path(a.as_str())))
                }
                Command::JoinConf(join) => {
                    next_urls.extend(join.action.as_ref().map(|a| url_path(a.as_str())))
                }
                _ => {}
            }
        }
        let (main, subs) = match commands.split_first() {
            Some((main, subs)) => (Some(main), subs),
            None => (None, &[][..]),
        };
        let mut silences = Vec::new();
        match main {
            None => silences.push((
                Severity::Error,
                "the answer is an empty <Response>: nothing runs and the caller hears silence"
                    .to_owned(),
                false,
            )),
            Some(Command::Get(_)) => {
                if let Some(why) = silent_after(subs) {
                    silences.push((
                        Severity::Error,
                        format!("when the <Get> times out, {why}: the caller hears silence (the platform runs the sub-commands on a timeout, spec §2.1 [official]; it is not documented to hang up)"),
                        true,
                    ));
                }
            }
            Some(Command::JoinConf(_)) => {
                if let Some(why) = silent_after(subs) {
                    silences.push((
                        Severity::Error,
                        format!("when joining fails (a wrong or ended conference), {why}: the caller hears silence (the sub-commands run on failure, spec §2.8 [official])"),
                        false,
                    ));
                }
            }
            Some(Command::CreateConf(_)) => {
                if let Some(why) = silent_after(subs) {
                    silences.push((
                        Severity::Warning,
                        format!("if the platform cannot create the conference, {why}: the caller hears silence (the sub-commands run on failure, spec §2.8 [official]; when creation fails is undocumented, so a warning)"),
                        false,
                    ));
                }
            }
            Some(Command::Play(_) | Command::PlayMix(_) | Command::PlayTts(_)) => {
                if let Some(why) = silent_after(subs) {
                    silences.push((
                        Severity::Error,
                        format!("after the main command plays, {why}: the caller hears silence until hanging up (nothing ends the call, spec §1.7 [official])"),
                        false,
                    ));
                }
            }
            Some(_) => {}
        }
        Doc {
            signature,
            label,
            next_urls,
            get: match main {
                Some(Command::Get(get)) => Some(get.clone()),
                _ => None,
            },
            silences,
            waits: matches!(main, Some(Command::CmdNone(_))),
        }
    }
}

/// How long a `<Get>`'s prompts play once and its window (prompts once, then the timeout), in
/// a simulator with `config`'s media lengths.
fn window(config: &Config, get: &Get) -> Duration {
    let mut prompt = Duration::ZERO;
    for p in &get.prompts {
        prompt += match p {
            Prompt::Play(_) => config.file_duration,
            Prompt::PlayTts(tts) => {
                config.character_duration
                    * u32::try_from(tts.text.as_str().chars().count()).unwrap_or(u32::MAX)
            }
        };
    }
    prompt + Duration::from_secs(u64::from(get.timeout.map_or(20, |t| t.get())))
}

/// A step at `get` for a simulator with `config`: a key lands at the end of the window, a
/// hang-up just before it, so that no playback before the `<Get>` takes them.
pub(super) fn step_at(config: &Config, get: Option<&Get>, choice: Choice) -> Step {
    let window = get.map_or(Duration::ZERO, |get| window(config, get));
    let after = match choice {
        Choice::Press(_) => window,
        Choice::Silence => Duration::ZERO,
        Choice::HangUp => window.saturating_sub(Duration::from_millis(1)),
    };
    Step { choice, after }
}

/// The keys typed for `value` at `get`: the value, then the finish key when it is shorter than
/// `numdigits`, so that the platform reports it.
pub(super) fn keys_for(get: &Get, value: &str) -> String {
    let max = get.numdigits.map_or(12, |n| n.get() as usize);
    let finish = get.finishkey.map_or('#', |k| k.as_char());
    let mut keys: String = value.chars().take(max).collect();
    if keys.chars().count() < max && !keys.ends_with(finish) {
        keys.push(finish);
    }
    keys
}

/// The caller's choices at `get`, besides hanging up: every key for one digit; otherwise the
/// `values`, a wrong value and an empty input (and each key then the finish key, when
/// `numdigits` is not given).
pub(super) fn choices(get: &Get, values: &[String]) -> Vec<Choice> {
    let max = get.numdigits.map_or(12, |n| n.get() as usize);
    let mut choices = Vec::new();
    if max == 1 {
        for key in "0123456789*#".chars() {
            choices.push(Choice::Press(key.to_string()));
        }
    } else {
        let mut typed: Vec<String> = values.iter().map(|v| keys_for(get, v)).collect();
        // Without `numdigits` (up to 12 keys), a menu may still branch on one key and `#`.
        if get.numdigits.is_none() {
            typed.extend(
                "0123456789*"
                    .chars()
                    .map(|key| keys_for(get, &key.to_string())),
            );
        }
        typed.push(keys_for(get, &"9".repeat(max.min(16))));
        typed.push(keys_for(get, ""));
        let mut seen = std::collections::BTreeSet::new();
        for keys in typed {
            if seen.insert(keys.clone()) {
                choices.push(Choice::Press(keys));
            }
        }
    }
    choices.push(Choice::Silence);
    choices
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        Doc::new(&text.parse::<Response>().unwrap())
    }

    #[test]
    fn identity_ignores_prompts_tags_and_query_values() {
        let a = doc("<Response><Get action='menu?try=1' numdigits='1'><Play>a.wav</Play></Get><Play>t.wav</Play><Redirect tag='1'>again?n=1</Redirect></Response>");
        let b = doc("<Response><Get action='/menu?try=2' numdigits='1'><Play>b.wav</Play></Get><Play>u.wav</Play><Redirect tag='2'>again?n=2</Redirect></Response>");
        assert_eq!(a.signature, b.signature);
        let c = doc("<Response><Get action='menu' numdigits='1'><Play>a.wav</Play></Get><Hangup/></Response>");
        assert_ne!(a.signature, c.signature);
        assert_eq!(a.next_urls, ["menu", "again"]);
        assert_eq!(a.label, "Get menu (1 key) · Play · Redirect again");
    }

    #[test]
    fn silent_timeouts_are_found() {
        assert_eq!(
            doc("<Response><Get action='m'><Play>a.wav</Play></Get></Response>")
                .silences
                .len(),
            1
        );
        assert_eq!(
            doc("<Response><Get action='m'/><Play>b.wav</Play></Response>")
                .silences
                .len(),
            1
        );
        assert!(
            doc("<Response><Get action='m'/><Play>b.wav</Play><Hangup/></Response>")
                .silences
                .is_empty()
        );
        assert!(doc("<Response><CmdNone/></Response>").silences.is_empty());
        assert!(doc("<Response><Play>a.wav</Play></Response>").silences[0]
            .1
            .contains("after the main command plays"));
    }

    #[test]
    fn choices_for_one_key_and_for_an_id() {
        let menu = "<Response><Get action='m' numdigits='1'/><Hangup/></Response>"
            .parse::<Response>()
            .unwrap();
        let Some(Command::Get(get)) = menu.commands().first() else {
            panic!()
        };
        assert_eq!(choices(get, &[]).len(), 13);
        let id = "<Response><Get action='m' numdigits='8'/><Hangup/></Response>"
            .parse::<Response>()
            .unwrap();
        let Some(Command::Get(get)) = id.commands().first() else {
            panic!()
        };
        let found = choices(get, &["10000001".to_owned(), "42".to_owned()]);
        let texts: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert_eq!(
            texts,
            [
                "press 10000001",
                "press 42#",
                "press 99999999",
                "press #",
                "timeout"
            ]
        );
    }
}
