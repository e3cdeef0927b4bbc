//! The instant-xml baseline: the same commands as instant-xml structs with owned strings
//! (`#[xml(attribute)]`, `#[xml(direct)]` text, `#[xml(forward)]` enums). instant-xml writes
//! double quotes, `<Hangup />`, no declaration (pushed by hand) and has no indentation, so it is
//! benchmarked compact only.

use instant_xml::{FromXml, ToXml};

#[derive(Debug, PartialEq, ToXml, FromXml)]
#[xml(rename = "Response")]
pub(crate) struct Doc {
    commands: Vec<Command>,
}

#[derive(Debug, PartialEq, ToXml, FromXml)]
#[xml(forward)]
enum Command {
    Get(Get),
    Play(Play),
    PlayTts(PlayTts),
    PlayMix(PlayMix),
    Redirect(Redirect),
    Hangup(Hangup),
    CmdNone(CmdNone),
    CreateConf(CreateConf),
    JoinConf(JoinConf),
}

#[derive(Debug, PartialEq, ToXml, FromXml)]
#[xml(forward)]
enum Prompt {
    Play(Play),
    PlayTts(PlayTts),
}

#[derive(Debug, PartialEq, ToXml, FromXml)]
struct Get {
    #[xml(attribute)]
    action: Option<String>,
    #[xml(attribute)]
    numdigits: Option<u32>,
    #[xml(attribute)]
    timeout: Option<u32>,
    #[xml(attribute)]
    finishkey: Option<String>,
    prompts: Vec<Prompt>,
}

#[derive(Debug, PartialEq, ToXml, FromXml)]
struct Play {
    #[xml(attribute, rename = "loop")]
    repeat: Option<i64>,
    #[xml(attribute)]
    finishkey: Option<String>,
    #[xml(attribute)]
    isrecord: Option<bool>,
    #[xml(direct)]
    file: String,
}

#[derive(Debug, PartialEq, ToXml, FromXml)]
#[xml(rename = "PlayTTS")]
struct PlayTts {
    #[xml(attribute, rename = "loop")]
    repeat: Option<i64>,
    #[xml(direct)]
    text: String,
}

#[derive(Debug, PartialEq, ToXml, FromXml)]
struct PlayMix {
    #[xml(attribute, rename = "type")]
    codes: String,
    #[xml(direct)]
    text: String,
}

#[derive(Debug, PartialEq, ToXml, FromXml)]
struct Redirect {
    #[xml(attribute)]
    tag: Option<String>,
    #[xml(direct)]
    url: String,
}

#[derive(Debug, PartialEq, ToXml, FromXml)]
struct Hangup;

#[derive(Debug, PartialEq, ToXml, FromXml)]
struct CmdNone;

#[derive(Debug, PartialEq, ToXml, FromXml)]
struct CreateConf {
    #[xml(attribute)]
    action: Option<String>,
    #[xml(attribute)]
    maxmember: Option<u32>,
    #[xml(attribute)]
    autojoin: Option<bool>,
}

#[derive(Debug, PartialEq, ToXml, FromXml)]
struct JoinConf {
    #[xml(attribute)]
    action: Option<String>,
    #[xml(attribute)]
    confid: String,
}

const DECLARATION: &str = "<?xml version='1.0' encoding='UTF-8'?>";

/// Appends `doc` to `out`, compact.
pub(crate) fn write(doc: &Doc, out: &mut String) -> Result<(), instant_xml::Error> {
    out.push_str(DECLARATION);
    instant_xml::to_writer(doc, out)
}

/// Parses a `<Response>` document.
pub(crate) fn parse(input: &str) -> Result<Doc, instant_xml::Error> {
    instant_xml::from_str(input)
}
