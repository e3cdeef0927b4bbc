// The strong-xml and hard-xml baselines share this model: hard-xml is a fork of strong-xml with
// the same attributes (`tag`, `attr`, `child`, `text`), so main.rs includes this file twice, once
// with each crate's `XmlRead`/`XmlWrite` in scope. Strings borrow from the input (`Cow`) as
// the hand-written parser's do. Both crates tokenize with xmlparser, not quick-xml; they write
// double quotes, no declaration (pushed by hand) and no indentation, so writing is compact only.

use std::borrow::Cow;

#[derive(Debug, PartialEq, XmlRead, XmlWrite)]
#[xml(tag = "Response")]
pub(crate) struct Doc<'a> {
    #[xml(
        child = "Get",
        child = "Play",
        child = "PlayTTS",
        child = "PlayMix",
        child = "Redirect",
        child = "Hangup",
        child = "CmdNone",
        child = "CreateConf",
        child = "JoinConf"
    )]
    commands: Vec<Command<'a>>,
}

#[derive(Debug, PartialEq, XmlRead, XmlWrite)]
enum Command<'a> {
    #[xml(tag = "Get")]
    Get(Get<'a>),
    #[xml(tag = "Play")]
    Play(Play<'a>),
    #[xml(tag = "PlayTTS")]
    PlayTts(PlayTts<'a>),
    #[xml(tag = "PlayMix")]
    PlayMix(PlayMix<'a>),
    #[xml(tag = "Redirect")]
    Redirect(Redirect<'a>),
    #[xml(tag = "Hangup")]
    Hangup(Hangup),
    #[xml(tag = "CmdNone")]
    CmdNone(CmdNone),
    #[xml(tag = "CreateConf")]
    CreateConf(CreateConf<'a>),
    #[xml(tag = "JoinConf")]
    JoinConf(JoinConf<'a>),
}

#[derive(Debug, PartialEq, XmlRead, XmlWrite)]
enum Prompt<'a> {
    #[xml(tag = "Play")]
    Play(Play<'a>),
    #[xml(tag = "PlayTTS")]
    PlayTts(PlayTts<'a>),
}

#[derive(Debug, PartialEq, XmlRead, XmlWrite)]
#[xml(tag = "Get")]
struct Get<'a> {
    #[xml(attr = "action")]
    action: Option<Cow<'a, str>>,
    #[xml(attr = "numdigits")]
    numdigits: Option<u32>,
    #[xml(attr = "timeout")]
    timeout: Option<u32>,
    #[xml(attr = "finishkey")]
    finishkey: Option<Cow<'a, str>>,
    #[xml(child = "Play", child = "PlayTTS")]
    prompts: Vec<Prompt<'a>>,
}

#[derive(Debug, PartialEq, XmlRead, XmlWrite)]
#[xml(tag = "Play")]
struct Play<'a> {
    #[xml(attr = "loop")]
    repeat: Option<i64>,
    #[xml(attr = "finishkey")]
    finishkey: Option<Cow<'a, str>>,
    #[xml(attr = "isrecord")]
    isrecord: Option<bool>,
    #[xml(text)]
    file: Cow<'a, str>,
}

#[derive(Debug, PartialEq, XmlRead, XmlWrite)]
#[xml(tag = "PlayTTS")]
struct PlayTts<'a> {
    #[xml(attr = "loop")]
    repeat: Option<i64>,
    #[xml(text)]
    text: Cow<'a, str>,
}

#[derive(Debug, PartialEq, XmlRead, XmlWrite)]
#[xml(tag = "PlayMix")]
struct PlayMix<'a> {
    #[xml(attr = "type")]
    codes: Cow<'a, str>,
    #[xml(text)]
    text: Cow<'a, str>,
}

#[derive(Debug, PartialEq, XmlRead, XmlWrite)]
#[xml(tag = "Redirect")]
struct Redirect<'a> {
    #[xml(attr = "tag")]
    tag: Option<Cow<'a, str>>,
    #[xml(text)]
    url: Cow<'a, str>,
}

#[derive(Debug, PartialEq, XmlRead, XmlWrite)]
#[xml(tag = "Hangup")]
struct Hangup {}

#[derive(Debug, PartialEq, XmlRead, XmlWrite)]
#[xml(tag = "CmdNone")]
struct CmdNone {}

#[derive(Debug, PartialEq, XmlRead, XmlWrite)]
#[xml(tag = "CreateConf")]
struct CreateConf<'a> {
    #[xml(attr = "action")]
    action: Option<Cow<'a, str>>,
    #[xml(attr = "maxmember")]
    maxmember: Option<u32>,
    #[xml(attr = "autojoin")]
    autojoin: Option<bool>,
}

#[derive(Debug, PartialEq, XmlRead, XmlWrite)]
#[xml(tag = "JoinConf")]
struct JoinConf<'a> {
    #[xml(attr = "action")]
    action: Option<Cow<'a, str>>,
    #[xml(attr = "confid")]
    confid: Cow<'a, str>,
}

const DECLARATION: &[u8] = b"<?xml version='1.0' encoding='UTF-8'?>";

/// Appends `doc` to `out`, compact.
pub(crate) fn write(doc: &Doc<'_>, out: &mut Vec<u8>) -> Result<(), XmlError> {
    out.extend_from_slice(DECLARATION);
    doc.to_writer(&mut XmlWriter::new(out))
}

/// Parses a `<Response>` document, borrowing unescaped strings from `input`.
pub(crate) fn parse(input: &str) -> Result<Doc<'_>, XmlError> {
    Doc::from_str(input)
}
