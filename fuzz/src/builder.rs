//! Structure-aware fuzzing of the builders: the fuzzer's bytes become builder calls.

use arbitrary::{Arbitrary, Unstructured};
use ivr_xml::{
    CmdNone, CreateConf, Get, Hangup, JoinConf, Key, Method, Play, PlayTts, RawElement, Redirect,
    Response, ResponseBuilder,
};

/// Names the fuzzer would rarely hit by chance: the attribute and element names the builders
/// write themselves, field-evidence names, and names that are not XML.
const NAMES: &[&str] = &[
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
    "firstendkey",
    "callid",
    "Play",
    "Get",
    "Redirect",
    "Hangup",
    "Record",
    "x",
    "a:b",
    "_",
    "1x",
    "A#b",
    "",
    " ",
];

/// A name: one of [`NAMES`], or any string.
#[derive(Debug)]
struct Name(String);

impl<'a> Arbitrary<'a> for Name {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Name> {
        Ok(Name(if u.arbitrary()? {
            (*u.choose(NAMES)?).to_owned()
        } else {
            u.arbitrary()?
        }))
    }
}

#[derive(Debug, Arbitrary)]
struct PlayCall {
    file: String,
    repeat: Option<i64>,
    finishkey: Option<u8>,
    isrecord: Option<bool>,
    raw: Vec<(Name, String)>,
}

#[derive(Debug, Arbitrary)]
struct RawCall {
    name: Name,
    attributes: Vec<(Name, String)>,
    text: Option<String>,
    children: Vec<(Name, Option<String>)>,
}

#[derive(Debug, Arbitrary)]
enum Main {
    Get {
        action: Option<String>,
        numdigits: Option<u32>,
        timeout: Option<u32>,
        post: Option<bool>,
        finishkey: Option<u8>,
        prompts: Vec<PlayCall>,
        tts: Option<String>,
        raw: Vec<(Name, String)>,
    },
    Play(PlayCall),
    PlayTts(String, Option<i64>),
    Redirect(String, Option<String>),
    Hangup,
    CmdNone,
    CreateConf {
        maxmember: Option<u32>,
        confduration: Option<i64>,
        confendprompt: Option<String>,
    },
    JoinConf(String, Option<String>),
    Raw(RawCall),
}

#[derive(Debug, Arbitrary)]
enum Sub {
    Play(PlayCall),
    PlayTts(String, Option<i64>),
    Redirect(String, Option<String>),
    Hangup,
    Raw(RawCall),
}

/// A whole document's builder calls.
#[derive(Debug, Arbitrary)]
struct Calls {
    main: Main,
    subs: Vec<Sub>,
}

fn key(code: u8) -> Key {
    let keys = "0123456789*#";
    let c = keys.as_bytes()[usize::from(code) % keys.len()];
    Key::try_from(char::from(c)).unwrap_or(Key::Hash)
}

fn play(call: PlayCall) -> Play {
    let mut play = Play::new(call.file);
    if let Some(count) = call.repeat {
        play = play.repeat(count);
    }
    if let Some(code) = call.finishkey {
        play = play.finishkey(key(code));
    }
    if let Some(isrecord) = call.isrecord {
        play = play.isrecord(isrecord);
    }
    for (name, value) in call.raw {
        play = play.raw_attribute(name.0, value);
    }
    play
}

fn raw(call: RawCall) -> RawElement {
    let mut element = RawElement::new(call.name.0);
    for (name, value) in call.attributes {
        element = element.attribute(name.0, value);
    }
    if let Some(text) = call.text {
        element = element.text(text);
    }
    for (name, text) in call.children {
        let mut child = RawElement::new(name.0);
        if let Some(text) = text {
            child = child.text(text);
        }
        element = element.child(child);
    }
    element
}

fn redirect(url: String, tag: Option<String>) -> Redirect {
    let redirect = Redirect::new(url);
    match tag {
        Some(tag) => redirect.tag(tag),
        None => redirect,
    }
}

fn tts(text: String, repeat: Option<i64>) -> PlayTts {
    let tts = PlayTts::new(text);
    match repeat {
        Some(count) => tts.repeat(count),
        None => tts,
    }
}

fn main_command(builder: ResponseBuilder, main: Main) -> ResponseBuilder {
    match main {
        Main::Get {
            action,
            numdigits,
            timeout,
            post,
            finishkey,
            prompts,
            tts: spoken,
            raw: attributes,
        } => {
            let mut get = Get::new();
            if let Some(url) = action {
                get = get.action(url);
            }
            if let Some(n) = numdigits {
                get = get.numdigits(n);
            }
            if let Some(seconds) = timeout {
                get = get.timeout(seconds);
            }
            if let Some(post) = post {
                get = get.method(if post { Method::Post } else { Method::Get });
            }
            if let Some(code) = finishkey {
                get = get.finishkey(key(code));
            }
            for prompt in prompts {
                get = get.prompt(play(prompt));
            }
            if let Some(text) = spoken {
                get = get.prompt(PlayTts::new(text));
            }
            for (name, value) in attributes {
                get = get.raw_attribute(name.0, value);
            }
            builder.main(get)
        }
        Main::Play(call) => builder.main(play(call)),
        Main::PlayTts(text, repeat) => builder.main(tts(text, repeat)),
        Main::Redirect(url, tag) => builder.main(redirect(url, tag)),
        Main::Hangup => builder.main(Hangup::new()),
        Main::CmdNone => builder.main(CmdNone::new()),
        Main::CreateConf {
            maxmember,
            confduration,
            confendprompt,
        } => {
            let mut create = CreateConf::new();
            if let Some(n) = maxmember {
                create = create.maxmember(n);
            }
            if let Some(seconds) = confduration {
                create = create.confduration(seconds);
            }
            if let Some(file) = confendprompt {
                create = create.confendprompt(file);
            }
            builder.main(create)
        }
        Main::JoinConf(confid, action) => {
            let join = JoinConf::new(confid);
            builder.main(match action {
                Some(url) => join.action(url),
                None => join,
            })
        }
        Main::Raw(call) => builder.main(raw(call)),
    }
}

/// Whether the calls add a raw element or attribute: then only the lenient parser reads the
/// document back.
fn uses_raw(calls: &Calls) -> bool {
    let play_raw = |call: &PlayCall| !call.raw.is_empty();
    let main = match &calls.main {
        Main::Get { prompts, raw, .. } => !raw.is_empty() || prompts.iter().any(play_raw),
        Main::Play(call) => play_raw(call),
        Main::Raw(_) => true,
        _ => false,
    };
    main || calls.subs.iter().any(|sub| match sub {
        Sub::Play(call) => play_raw(call),
        Sub::Raw(_) => true,
        _ => false,
    })
}

/// Arbitrary builder calls: `build()` refuses them with an error, or the document it builds,
/// written in every style, reads back to an equal value (strictly, or leniently when it holds
/// raw elements) and is written to the same bytes again.
pub fn builder_roundtrip(data: &[u8]) {
    let Ok(calls) = Calls::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let has_raw = uses_raw(&calls);
    let mut builder = main_command(Response::builder(), calls.main);
    for sub in calls.subs {
        builder = match sub {
            Sub::Play(call) => builder.then(play(call)),
            Sub::PlayTts(text, repeat) => builder.then(tts(text, repeat)),
            Sub::Redirect(url, tag) => builder.then(redirect(url, tag)),
            Sub::Hangup => builder.then(Hangup::new()),
            Sub::Raw(call) => builder.then(raw(call)),
        };
    }
    match builder.build() {
        Ok(doc) => {
            for style in crate::styles() {
                crate::check_reads_back(&doc, &style, !has_raw);
            }
        }
        Err(err) => {
            let message = err.to_string();
            assert!(
                !message.contains('\n'),
                "a message of more than one line: {message:?}"
            );
        }
    }
}
