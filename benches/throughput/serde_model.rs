//! The serde + quick-xml baseline: the same commands as serde structs with owned strings, the way
//! quick-xml's serde support is documented (`@name` attributes, `$text`, `$value` for a sequence
//! of enum elements). quick-xml writes double quotes and no declaration: the declaration is
//! pushed by hand, and the docs' layout is quick-xml's 4-space indentation.

use serde::{Deserialize, Serialize};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Response")]
pub(crate) struct Doc {
    #[serde(rename = "$value", default)]
    commands: Vec<Command>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
enum Command {
    Get(Get),
    Play(Play),
    #[serde(rename = "PlayTTS")]
    PlayTts(PlayTts),
    PlayMix(PlayMix),
    Redirect(Redirect),
    Hangup,
    CmdNone,
    CreateConf(CreateConf),
    JoinConf(JoinConf),
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
enum Prompt {
    Play(Play),
    #[serde(rename = "PlayTTS")]
    PlayTts(PlayTts),
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Get {
    #[serde(rename = "@action", default, skip_serializing_if = "Option::is_none")]
    action: Option<String>,
    #[serde(
        rename = "@numdigits",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    numdigits: Option<u32>,
    #[serde(rename = "@timeout", default, skip_serializing_if = "Option::is_none")]
    timeout: Option<u32>,
    #[serde(
        rename = "@finishkey",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    finishkey: Option<String>,
    #[serde(rename = "$value", default, skip_serializing_if = "Vec::is_empty")]
    prompts: Vec<Prompt>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Play {
    #[serde(rename = "@loop", default, skip_serializing_if = "Option::is_none")]
    repeat: Option<i64>,
    #[serde(
        rename = "@finishkey",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    finishkey: Option<String>,
    #[serde(rename = "@isrecord", default, skip_serializing_if = "Option::is_none")]
    isrecord: Option<bool>,
    #[serde(rename = "$text")]
    file: String,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlayTts {
    #[serde(rename = "@loop", default, skip_serializing_if = "Option::is_none")]
    repeat: Option<i64>,
    #[serde(rename = "$text")]
    text: String,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlayMix {
    #[serde(rename = "@type")]
    codes: String,
    #[serde(rename = "$text")]
    text: String,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Redirect {
    #[serde(rename = "@tag", default, skip_serializing_if = "Option::is_none")]
    tag: Option<String>,
    #[serde(rename = "$text")]
    url: String,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateConf {
    #[serde(rename = "@action", default, skip_serializing_if = "Option::is_none")]
    action: Option<String>,
    #[serde(
        rename = "@maxmember",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    maxmember: Option<u32>,
    #[serde(rename = "@autojoin", default, skip_serializing_if = "Option::is_none")]
    autojoin: Option<bool>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinConf {
    #[serde(rename = "@action", default, skip_serializing_if = "Option::is_none")]
    action: Option<String>,
    #[serde(rename = "@confid")]
    confid: String,
}

const DECLARATION: &str = "<?xml version='1.0' encoding='UTF-8'?>";

/// Appends `doc` to `out`: 4-space indentation when `pretty`, else compact.
pub(crate) fn write(doc: &Doc, out: &mut String, pretty: bool) -> Result<(), quick_xml::SeError> {
    out.push_str(DECLARATION);
    if pretty {
        out.push('\n');
    }
    let mut serializer = quick_xml::se::Serializer::new(out);
    if pretty {
        serializer.indent(' ', 4);
    }
    doc.serialize(serializer).map(|_| ())
}

/// Parses a `<Response>` document.
pub(crate) fn parse(input: &str) -> Result<Doc, quick_xml::DeError> {
    quick_xml::de::from_str(input)
}
