//! A model of builder calls, driven by bytes, and the promise every built document keeps:
//! `build()` refuses it, or it is written in every [`Style`] and reads back to an equal value.
//!
//! The bytes choose each call and its arguments ([`Choices`]; past the end every choice is the
//! first), so the same model serves `tests/builder_props.rs` (proptest feeds it random bytes, and
//! a seeded sweep checks that most documents do build) and a cargo-fuzz target, which can include
//! this file as it is and call [`response_case`] and [`rest_case`] on its input:
//!
//! ```text
//! #[path = "../../ivr-xml/tests/common/builder_model.rs"]
//! mod builder_model;
//! fuzz_target!(|data: &[u8]| {
//!     let mut choices = builder_model::Choices::new(data);
//!     if let Err(failure) = builder_model::response_case(&mut choices) { panic!("{failure}") }
//!     if let Err(failure) = builder_model::rest_case(&mut choices) { panic!("{failure}") }
//! });
//! ```
//!
//! It depends on `ivr_xml` alone. Names and values come from tables rich in what breaks a writer
//! (names of known attributes and commands, names that are not XML names, quotes, `&`, `<`,
//! `]]>`, line ends, whitespace-only text, characters XML 1.0 cannot carry) or from raw bytes.
#![allow(dead_code)]

use ivr_xml::rest::{self, ConfPlay, Dial, Operation, QuitConf, RestRequest, RestResponse};
use ivr_xml::{
    CmdNone, Command, ConsultationCall, CreateConf, Declaration, Get, Hangup, JoinConf, Key,
    Method, ParseOptions, Play, PlayMix, PlayTts, Prompt, Quote, RawAttribute, RawElement,
    Redirect, Response, Style, VoiceMode,
};

/// Choices read from bytes, one byte (or three, for a character) per choice; 0 once they run out.
#[derive(Debug, Clone)]
pub(crate) struct Choices<'a> {
    bytes: &'a [u8],
}

/// Characters that break writers, and a few that are only fine in some places.
const CHARS: &[char] = &[
    'a',
    'b',
    'Z',
    '_',
    '-',
    '.',
    ':',
    '1',
    ' ',
    '\t',
    '\n',
    '\r',
    '\'',
    '"',
    '&',
    '<',
    '>',
    ']',
    ';',
    '#',
    '?',
    '%',
    '=',
    '/',
    '中',
    '录',
    '\u{B7}',
    '\u{300}',
    '\u{AA}',
    '\u{B2}',
    '\u{85}',
    '\u{D7FF}',
    '\u{E000}',
    '\u{FFFD}',
    '\u{10000}',
];

/// Characters XML 1.0 cannot carry: chosen less often, so that most documents build.
const BAD_CHARS: &[char] = &['\u{0}', '\u{1}', '\u{1B}', '\u{FFFE}', '\u{FFFF}'];

/// Whole strings worth trying as they are.
const STRINGS: &[&str] = &[
    "", " ", "  ", "\n    ", "\t", "\r\n", "]]>", "&amp;", "a.wav", "$confid", "a\r\nb", "x y",
];

/// XML names, and names of known attributes and commands (which a raw item must not take).
const NAMES: &[&str] = &[
    "x",
    "y",
    "z",
    "w",
    "callid",
    "firstendkey",
    "录音",
    "x:y",
    "_a.b-c",
    "a\u{B7}",
    "Record",
    "EnterCCS",
    "loop",
    "finishkey",
    "isrecord",
    "action",
    "numdigits",
    "timeout",
    "method",
    "tag",
    "confid",
    "maxmember",
    "autojoin",
    "type",
    "passwd",
    "passwderrorurl",
    "number",
    "userdata",
    "Play",
    "Get",
    "PlayMix",
    "Hangup",
    "CreateConf",
    "Dial",
    "Appid",
    "statusCode",
];

/// Names that are not XML names.
const BAD_NAMES: &[&str] = &[
    "A#b", "1a", "a b", "", "-a", "a\u{1}", "\u{AA}", "a>", "a=b",
];

impl<'a> Choices<'a> {
    /// Choices from `bytes`.
    pub(crate) fn new(bytes: &'a [u8]) -> Choices<'a> {
        Choices { bytes }
    }

    fn byte(&mut self) -> u8 {
        match self.bytes.split_first() {
            Some((&first, rest)) => {
                self.bytes = rest;
                first
            }
            None => 0,
        }
    }

    /// A number below `n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        usize::from(self.byte()) % n
    }

    fn flag(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    /// A small integer, negative ones included.
    fn int(&mut self) -> i64 {
        i64::from(self.byte() as i8) / 8
    }

    fn char(&mut self) -> char {
        match self.byte() {
            0..=229 => CHARS[self.below(CHARS.len())],
            230..=239 => BAD_CHARS[self.below(BAD_CHARS.len())],
            _ => {
                let code = u32::from_be_bytes([0, self.byte() % 0x11, self.byte(), self.byte()]);
                char::from_u32(code).unwrap_or('\u{FFFD}')
            }
        }
    }

    /// A value or a text.
    fn string(&mut self) -> String {
        if self.below(4) == 0 {
            return STRINGS[self.below(STRINGS.len())].to_owned();
        }
        let len = self.below(7);
        (0..len).map(|_| self.char()).collect()
    }

    /// A plain string (letters and digits), where the value itself is not what is tested.
    fn plain(&mut self) -> String {
        let len = 1 + self.below(4);
        (0..len)
            .map(|_| char::from(b"abc019"[self.below(6)]))
            .collect()
    }

    /// A name of an attribute or element.
    fn name(&mut self) -> String {
        match self.byte() {
            0..=219 => NAMES[self.below(NAMES.len())].to_owned(),
            220..=239 => BAD_NAMES[self.below(BAD_NAMES.len())].to_owned(),
            _ => self.string(),
        }
    }

    fn key(&mut self) -> Key {
        Key::ALL[self.below(Key::ALL.len())]
    }
}

/// Adds up to four `raw_attribute` calls to any builder that has one.
macro_rules! raw_attributes {
    ($choices:expr, $builder:expr) => {{
        let mut builder = $builder;
        for _ in 0..$choices.below(4) {
            let (name, value) = ($choices.name(), $choices.string());
            builder = builder.raw_attribute(name, value);
        }
        builder
    }};
}

fn play(c: &mut Choices<'_>) -> Play {
    let mut play = Play::new(c.string());
    for _ in 0..c.below(4) {
        play = match c.below(3) {
            0 => play.repeat(c.int()),
            1 => play.finishkey(c.key()),
            _ => play.isrecord(c.flag()),
        };
    }
    raw_attributes!(c, play)
}

fn play_tts(c: &mut Choices<'_>) -> PlayTts {
    let tts = PlayTts::new(c.string());
    let tts = if c.flag() { tts.repeat(c.int()) } else { tts };
    raw_attributes!(c, tts)
}

fn get(c: &mut Choices<'_>) -> Get {
    let mut get = Get::new();
    for _ in 0..c.below(6) {
        get = match c.below(6) {
            0 => get.action(c.string()),
            1 => get.numdigits(u32::from(c.byte() % 4)),
            2 => get.timeout(u32::from(c.byte() % 4)),
            3 => get.method(Method::ALL[c.below(Method::ALL.len())]),
            4 => get.finishkey(c.key()),
            _ if c.flag() => get.prompt(play(c)),
            _ => get.prompt(play_tts(c)),
        };
    }
    raw_attributes!(c, get)
}

fn create_conf(c: &mut Choices<'_>) -> CreateConf {
    let mut conf = CreateConf::new();
    for _ in 0..c.below(5) {
        conf = match c.below(5) {
            0 => conf.action(c.string()),
            1 => conf.maxmember(u32::from(c.byte())),
            2 => conf.autojoin(c.flag()),
            3 => conf.confendprompt(c.string()),
            _ => conf.voicemod(VoiceMode::ALL[c.below(VoiceMode::ALL.len())]),
        };
    }
    raw_attributes!(c, conf)
}

fn play_mix(c: &mut Choices<'_>) -> PlayMix {
    let mut mix = PlayMix::new();
    for _ in 0..c.below(4) {
        mix = match c.below(3) {
            0 => mix.file(c.string()),
            1 => mix.digits(c.plain()),
            _ => {
                let code = char::from(b'0' + c.byte() % 10);
                mix.raw_item(code, c.string())
            }
        };
    }
    raw_attributes!(c, mix)
}

/// A raw element: attributes, texts and children (three levels at most) in any order.
pub(crate) fn raw_element(c: &mut Choices<'_>, depth: usize) -> RawElement {
    let mut element = RawElement::new(c.name());
    for _ in 0..c.below(6) {
        element = match c.below(3) {
            0 => element.attribute(c.name(), c.string()),
            1 => element.text(c.string()),
            _ if depth < 3 => element.child(raw_element(c, depth + 1)),
            _ => element,
        };
    }
    element
}

/// Any command, built by a few builder calls.
pub(crate) fn command(c: &mut Choices<'_>) -> Command {
    match c.below(12) {
        0 => get(c).into(),
        1 => play(c).into(),
        2 => play_tts(c).into(),
        3 => play_mix(c).into(),
        4 => {
            let redirect = Redirect::new(c.string());
            let redirect = if c.flag() {
                redirect.tag(c.string())
            } else {
                redirect
            };
            raw_attributes!(c, redirect).into()
        }
        5 => raw_attributes!(c, Hangup::new()).into(),
        6 => raw_attributes!(c, CmdNone::new()).into(),
        7 => create_conf(c).into(),
        8 => {
            let join = JoinConf::new(c.string());
            let join = if c.flag() {
                join.action(c.plain())
            } else {
                join
            };
            raw_attributes!(c, join).into()
        }
        9 => {
            let call = ConsultationCall::new().number(c.plain()).timeout(1);
            let call = if c.flag() {
                call.hold_music(play(c))
            } else {
                call
            };
            raw_attributes!(c, call).into()
        }
        _ => raw_element(c, 0).into(),
    }
}

/// Every style: both quotes, every declaration, compact and five indents.
pub(crate) fn styles() -> Vec<Style> {
    let mut styles = Vec::new();
    for quote in [Quote::Single, Quote::Double] {
        for declaration in [
            Declaration::SingleQuoted,
            Declaration::DoubleQuoted,
            Declaration::DoubleQuotedSpaceBeforeClose,
            Declaration::None,
        ] {
            let style = Style::docs().quote(quote).declaration(declaration);
            styles.push(style.clone().no_indent());
            for indent in ["    ", "\t", "", "  ", " \t"] {
                styles.push(style.clone().indent(indent));
            }
        }
    }
    styles
}

/// Whether a command holds raw items (raw attributes or raw elements): the strict parser refuses
/// those (unknown names), or refuses the typed command a raw element is named like.
fn has_raw_items(command: &Command) -> bool {
    let prompt = |prompt: &Prompt| match prompt {
        Prompt::Play(play) => !play.extra.is_empty(),
        Prompt::PlayTts(tts) => !tts.extra.is_empty(),
    };
    match command {
        Command::Raw(_) => true,
        Command::Get(get) => !get.extra.is_empty() || get.prompts.iter().any(prompt),
        Command::Play(play) => !play.extra.is_empty(),
        Command::PlayMix(mix) => !mix.extra.is_empty(),
        Command::PlayTts(tts) => !tts.extra.is_empty(),
        Command::Redirect(redirect) => !redirect.extra.is_empty(),
        Command::Hangup(hangup) => !hangup.extra.is_empty(),
        Command::CmdNone(none) => !none.extra.is_empty(),
        Command::CreateConf(conf) => !conf.extra.is_empty(),
        Command::JoinConf(join) => !join.extra.is_empty(),
        Command::ConsultationCall(call) => {
            !call.extra.is_empty()
                || call
                    .hold_music
                    .as_ref()
                    .is_some_and(|p| !p.extra.is_empty())
        }
    }
}

/// [`has_raw_items`] for a REST request.
fn request_has_raw_items(request: &RestRequest) -> bool {
    let extra = match &request.operation {
        Operation::Raw(_) => return true,
        Operation::Dial(op) => &op.extra,
        Operation::QuitConf(op) => &op.extra,
        Operation::ConfPlay(op) => &op.extra,
        Operation::CreateConf(op) => &op.conf.extra,
        _ => return true,
    };
    !request.extra.is_empty() || !request.appid.extra.is_empty() || !extra.is_empty()
}

/// A refusal must say what it refuses without writing control characters into a terminal.
fn check_message(message: &str) -> Result<(), String> {
    if message.chars().any(char::is_control) {
        return Err(format!(
            "a refusal carries a control character: {message:?}"
        ));
    }
    Ok(())
}

/// What became of one modelled document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// `build()` (or `to_xml()`) refused it.
    Refused,
    /// Built, and read back equal in every style by both parsers.
    Typed,
    /// Built with raw items, and read back equal in every style by the lenient parser (the
    /// strict one refuses raw items).
    Raw,
}

/// Builds a document of one to four commands: refused, or read back equal in every style
/// (strictly too, unless it holds raw items); `Err` with the document otherwise.
pub(crate) fn response_case(c: &mut Choices<'_>) -> Result<Outcome, String> {
    let main = command(c);
    // Main-only commands are refused as sub-commands (IVR201, `try_from_commands`): the model
    // draws its sub-commands from the others, so that most documents still build.
    let subs: Vec<Command> = (0..c.below(4))
        .map(|_| command(c))
        .filter(|sub| !ivr_xml::policy::MAIN_ONLY.contains(&sub.name()))
        .collect();
    let mut commands = vec![main.clone()];
    commands.extend(subs);
    // `build()` for the main command alone, `try_from_commands` (the same check) for them all.
    if let Err(err) = Response::builder().main(main).build() {
        check_message(&err.to_string())?;
        return Ok(Outcome::Refused);
    }
    let doc = match Response::try_from_commands(commands) {
        Ok(doc) => doc,
        Err(err) => {
            check_message(&err.to_string())?;
            return Ok(Outcome::Refused);
        }
    };
    let mut outcome = Outcome::Typed;
    let raw = doc.commands().iter().any(has_raw_items);
    for style in styles() {
        let text = doc.to_string_with(&style);
        let lenient = Response::parse_with(&text, &ParseOptions::lenient())
            .map_err(|err| format!("lenient parse failed: {err}\n{text}\n{doc:?}"))?;
        if lenient.value != doc {
            return Err(format!(
                "read back differently (lenient):\n{text}\n{doc:#?}\n{:#?}",
                lenient.value
            ));
        }
        match text.parse::<Response>() {
            Ok(strict) if strict != doc => {
                return Err(format!(
                    "read back differently (strict):\n{text}\n{doc:#?}\n{strict:#?}"
                ))
            }
            Err(err) if !raw => return Err(format!("strict parse failed: {err}\n{text}")),
            Err(_) => outcome = Outcome::Raw,
            Ok(_) => {}
        }
    }
    Ok(outcome)
}

pub(crate) fn operation(c: &mut Choices<'_>) -> Operation {
    match c.below(5) {
        0 => {
            let dial = Dial::new(c.plain());
            let dial = if c.flag() {
                dial.userdata(c.string())
            } else {
                dial
            };
            raw_attributes!(c, dial).into()
        }
        1 => raw_attributes!(c, QuitConf::new(c.plain(), c.plain())).into(),
        2 => raw_attributes!(c, ConfPlay::new(c.plain(), c.string())).into(),
        3 => {
            let mut create = rest::CreateConf::new(create_conf(c));
            if c.flag() {
                create = create.passwd(c.string());
            }
            if c.flag() {
                create = create.passwderrorurl(c.string());
            }
            create.into()
        }
        _ => raw_element(c, 0).into(),
    }
}

/// A REST request and a REST response, as [`response_case`] for documents: the outcome is the
/// request's.
pub(crate) fn rest_case(c: &mut Choices<'_>) -> Result<Outcome, String> {
    let mut request = RestRequest::new(c.plain(), operation(c));
    if c.flag() {
        if let Ok(attribute) = RawAttribute::new(c.name(), c.string()) {
            request.extra.push(attribute);
        }
    }
    let mut response = RestResponse::success();
    for _ in 0..c.below(3) {
        response = response.with_child(raw_element(c, 0));
    }
    let mut outcome = Outcome::Refused;
    let raw = request_has_raw_items(&request);
    for style in styles() {
        match request.to_string_with(&style) {
            Err(err) => check_message(&err.to_string())?,
            Ok(text) => {
                if outcome == Outcome::Refused {
                    outcome = Outcome::Typed;
                }
                let lenient = RestRequest::parse_with(&text, &ParseOptions::lenient())
                    .map_err(|err| format!("lenient parse failed: {err}\n{text}"))?;
                if lenient.value != request {
                    return Err(format!(
                        "request read back differently:\n{text}\n{request:#?}\n{:#?}",
                        lenient.value
                    ));
                }
                match RestRequest::parse(&text) {
                    Ok(strict) if strict != request => {
                        return Err(format!("request read back differently (strict):\n{text}"))
                    }
                    Err(err) if !raw => return Err(format!("strict parse failed: {err}\n{text}")),
                    Err(_) => outcome = Outcome::Raw,
                    Ok(_) => {}
                }
            }
        }
        match response.to_string_with(&style) {
            Err(err) => check_message(&err.to_string())?,
            Ok(text) => {
                let parsed = RestResponse::parse(&text)
                    .map_err(|err| format!("response parse failed: {err}\n{text}"))?;
                if parsed.value != response {
                    return Err(format!(
                        "response read back differently:\n{text}\n{response:#?}\n{:#?}",
                        parsed.value
                    ));
                }
            }
        }
    }
    Ok(outcome)
}
