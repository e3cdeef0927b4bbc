//! Feature `serde` for the command model: every command, document and REST body built by the
//! builders round trips through JSON; the guide's examples read from their JSON form write the
//! documents of the guide; invalid JSON values are refused with the parser's error text.
#![allow(clippy::unwrap_used)]

#[path = "common/builder_model.rs"]
mod builder_model;

use builder_model::Choices;
use ivr_xml::policy::{Level, Policy};
use ivr_xml::rest::{Dial, Operation, RestRequest, RestResponse};
use ivr_xml::{
    Command, Declaration, FromXml, Get, Hangup, ParseOptions, PlayMix, RawElement, Response, Style,
    ToXml,
};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The guide's examples (`tests/fixtures/docs/`) and their JSON form, written by hand from the
/// documented shape (`ivr_xml::serde_model`).
const GUIDE: &[(&str, &str)] = &[
    (
        "01-conf-guide-step05-firstget-menu.xml",
        r#"[{"Get":{"action":"firstget","numdigits":"1","timeout":"30","$children":[{"Play":{"$text":"confmenu.wav"}}]}},{"Play":{"$text":"timeout.wav"}},{"Redirect":{"tag":"1","$text":"gettimeout"}}]"#,
    ),
    (
        "02-conf-guide-step07-firstget-hangup.xml",
        r#"[{"Get":{"action":"firstget","numdigits":"1","timeout":"30","$children":[{"Play":{"$text":"confmenu.wav"}}]}},{"Play":{"$text":"timeoutbye.wav"}},{"Hangup":{}}]"#,
    ),
    (
        "03-conf-guide-step08a-createconf.xml",
        r#"[{"CreateConf":{"action":"createconfok","maxmember":"10","autojoin":"false"}}]"#,
    ),
    (
        "04-conf-guide-step08b-joinconfget.xml",
        r#"[{"Get":{"action":"joinconfget","numdigits":"8","timeout":"30","$children":[{"Play":{"$text":"confjoin.wav"}}]}},{"Play":{"$text":"timeout.wav"}},{"Redirect":{"tag":"2","$text":"gettimeout"}}]"#,
    ),
    (
        "05-conf-guide-step08c-firstget-other-key.xml",
        r#"[{"Get":{"action":"firstget","numdigits":"1","timeout":"30","$children":[{"Play":{"$text":"confmenu.wav"}}]}},{"Play":{"$text":"timeout.wav"}},{"Redirect":{"tag":"1","$text":"gettimeout"}}]"#,
    ),
    (
        "06-conf-guide-step09-joinconf-digits.xml",
        r#"[{"JoinConf":{"action":"joinconfok","confid":"$digits"}},{"Redirect":{"$text":"joinconffail"}}]"#,
    ),
    (
        "07-conf-guide-step11-playmix-confid.xml",
        r#"[{"PlayMix":{"type":"40","$text":"createconf.wav;$confid"}},{"Redirect":{"$text":"autojoinconf"}}]"#,
    ),
    (
        "08-conf-guide-step13-joinconf-confid.xml",
        r#"[{"JoinConf":{"action":"joinconfok","confid":"$confid"}},{"Redirect":{"$text":"joinconffail"}}]"#,
    ),
    (
        "09-conf-guide-step15-cmdnone-tabs.xml",
        r#"[{"CmdNone":{}}]"#,
    ),
    (
        "10-conf-guide-step16-joinconffail-retry.xml",
        r#"[{"Get":{"action":"joinconfget","numdigits":"8","timeout":"30","$children":[{"Play":{"$text":"confjoinfail.wav"}}]}},{"Play":{"$text":"timeout.wav"}},{"Redirect":{"tag":"2","$text":"gettimeout"}}]"#,
    ),
    (
        "11-conf-guide-step18-cmdnone-spaces.xml",
        r#"[{"CmdNone":{}}]"#,
    ),
];

fn fixture(file: &str) -> String {
    let path = format!("{}/tests/fixtures/docs/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// The lines of a document, stripped of leading and trailing spaces and tabs (as
/// `docs_examples.rs` compares the guide's examples, whose indentation varies).
fn stripped_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .split('\n')
        .map(|l| l.trim_matches([' ', '\t']).to_owned())
        .collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

#[test]
fn the_guide_s_examples_from_json_write_the_guide_s_documents() {
    assert_eq!(GUIDE.len(), 11);
    for (file, json) in GUIDE {
        let text = fixture(file);
        let doc: Response =
            serde_json::from_str(json).unwrap_or_else(|err| panic!("{file}: {err}"));
        let style = if text.starts_with("<?xml") {
            Style::docs()
        } else {
            Style::docs().declaration(Declaration::None)
        };
        assert_eq!(
            stripped_lines(&doc.to_string_with(&style)),
            stripped_lines(&text),
            "{file}"
        );
        // And the parsed document serializes to exactly that JSON.
        let parsed = Response::parse(&text).unwrap();
        assert_eq!(parsed, doc, "{file}");
        assert_eq!(serde_json::to_string(&parsed).unwrap(), *json, "{file}");
    }
}

/// `value` to JSON and back is `value`; the JSON is also that of its XML element.
fn round_trips<T>(value: &T) -> Result<(), String>
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(value).map_err(|err| format!("{err}: {value:?}"))?;
    let back: T =
        serde_json::from_str(&json).map_err(|err| format!("{err}\n{json}\n{value:#?}"))?;
    if &back != value {
        return Err(format!(
            "read back differently:\n{json}\n{value:#?}\n{back:#?}"
        ));
    }
    Ok(())
}

/// A serialization fails exactly when writing the XML fails, with the same message inside.
fn refused_like_the_writer<T: Serialize + ToXml + std::fmt::Debug>(
    value: &T,
) -> Result<bool, String> {
    match (
        ivr_xml::to_string_with(value, &Style::compact()),
        serde_json::to_string(value),
    ) {
        (Ok(_), Ok(_)) => Ok(false),
        (Err(xml), Err(json)) if json.to_string().contains(&xml.to_string()) => Ok(true),
        (xml, json) => Err(format!("writer {xml:?}, serde {json:?}: {value:?}")),
    }
}

/// The policy JSON is read with: unknown names allowed, as the builder allows them.
fn policy() -> Policy {
    Policy::new()
        .allow("IVR101")
        .unwrap()
        .allow("IVR102")
        .unwrap()
}

/// Whether the parser reads `xml` back as a `T` under [`policy`], read leniently and refused at
/// the first finding the policy denies (what the strict parser does for a `<Response>`).
fn parser_reads<T: FromXml>(xml: &str) -> Result<(), String> {
    let parsed = ivr_xml::from_str_with::<T>(xml, &ParseOptions::lenient().policy(policy()))
        .map_err(|err| err.kind().to_string())?;
    match parsed
        .warnings
        .iter()
        .find(|w| policy().level(w.code()) == Level::Deny)
    {
        Some(denied) => Err(denied.kind().to_string()),
        None => Ok(()),
    }
}

/// `value` reads back from its JSON exactly when the parser reads its XML back; then equal.
fn reads_back_like_the_parser<T>(value: &T) -> Result<(), String>
where
    T: Serialize + DeserializeOwned + ToXml + FromXml + PartialEq + std::fmt::Debug,
{
    let xml = ivr_xml::to_string_with(value, &Style::compact()).map_err(|e| e.to_string())?;
    match parser_reads::<T>(&xml) {
        Ok(()) => round_trips(value),
        Err(kind) => {
            match serde_json::to_string(value).map(|json| serde_json::from_str::<T>(&json)) {
                Ok(Err(err)) if err.to_string().contains(&kind) => Ok(()),
                other => Err(format!(
                    "the parser refuses ({kind}), serde gives {other:?}"
                )),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn every_built_command_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..160)) {
        let command = builder_model::command(&mut Choices::new(&bytes));
        if !refused_like_the_writer(&command).map_err(TestCaseError::fail)? {
            // A command the typed parser refuses, kept raw by the lenient one, stands only
            // where a raw element can: read as a document.
            let doc = Response::try_from_commands(vec![command]).map_err(|e| TestCaseError::fail(e.to_string()))?;
            reads_back_like_the_parser(&doc).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn every_built_document_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..160)) {
        let count = 1 + bytes.first().map_or(0, |b| usize::from(b % 4));
        let mut choices = Choices::new(bytes.get(1..).unwrap_or_default());
        let main = builder_model::command(&mut choices);
        // Main-only commands as sub-commands are refused (IVR201): drawn from the others.
        let subs = (1..count)
            .map(|_| builder_model::command(&mut choices))
            .filter(|sub| !ivr_xml::policy::MAIN_ONLY.contains(&sub.name()));
        let commands: Vec<Command> = std::iter::once(main).chain(subs).collect();
        if let Ok(doc) = Response::try_from_commands(commands) {
            reads_back_like_the_parser(&doc).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn every_built_rest_body_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..120)) {
        let mut choices = Choices::new(&bytes);
        let operation = builder_model::operation(&mut choices);
        let request = RestRequest::new("app", operation.clone());
        if !refused_like_the_writer(&request).map_err(TestCaseError::fail)? {
            reads_back_like_the_parser(&request).map_err(TestCaseError::fail)?;
        }
        let response = RestResponse::success().with_child(builder_model::raw_element(&mut choices, 0));
        if !refused_like_the_writer(&response).map_err(TestCaseError::fail)? {
            reads_back_like_the_parser(&response).map_err(TestCaseError::fail)?;
        }
    }
}

/// The properties are not vacuous: most modelled documents and commands read back from JSON,
/// raw commands included.
#[test]
fn most_modelled_commands_read_back() {
    let (mut read, mut raw) = (0, 0);
    for seed in 0..300u32 {
        let bytes: Vec<u8> = (0..64u32)
            .map(|i| (seed.wrapping_mul(2_654_435_761).rotate_left(i) >> 7) as u8)
            .collect();
        let command = builder_model::command(&mut Choices::new(&bytes));
        let Ok(json) = serde_json::to_string(&command) else {
            continue;
        };
        if serde_json::from_str::<Command>(&json).is_ok_and(|back| back == command) {
            read += 1;
            raw += usize::from(matches!(command, Command::Raw(_)));
        }
    }
    assert!(read > 150 && raw > 5, "{read} read back, {raw} raw");
}

#[test]
fn a_struct_is_its_element_and_an_enum_is_tagged() {
    let get = Get::new().action("menu").numdigits(1);
    assert_eq!(
        serde_json::to_string(&get).unwrap(),
        r#"{"action":"menu","numdigits":"1"}"#
    );
    let command = Command::from(get.clone());
    assert_eq!(
        serde_json::to_string(&command).unwrap(),
        r#"{"Get":{"action":"menu","numdigits":"1"}}"#
    );
    assert_eq!(
        serde_json::from_str::<Get>(r#"{"action":"menu","numdigits":1}"#).unwrap(),
        get
    );
    let raw = RawElement::new("Record")
        .attribute("maxtime", "60")
        .text("beep.wav");
    assert_eq!(
        serde_json::to_string(&raw).unwrap(),
        r#"{"Record":{"maxtime":"60","$text":"beep.wav"}}"#
    );
    assert_eq!(
        serde_json::from_str::<Command>(r#"{"Record":{"maxtime":"60","$text":"beep.wav"}}"#)
            .unwrap(),
        Command::Raw(raw)
    );
    let dial: Operation = Dial::new("13800000000").into();
    assert_eq!(
        serde_json::to_string(&dial).unwrap(),
        r#"{"Dial":{"number":"13800000000"}}"#
    );
    assert_eq!(
        serde_json::to_string(&PlayMix::new().file("a.wav").digits("12")).unwrap(),
        r#"{"type":"40","$text":"a.wav;12"}"#
    );
}

/// Each invalid JSON value and the words of the library's own message about it.
#[test]
fn invalid_values_are_refused_with_the_parser_s_message() {
    let cases: &[(&str, &str)] = &[
        (
            r#"[{"Play":{"loop":-2,"$text":"a.wav"}}]"#,
            "(at Response/Play[1]/@loop)",
        ),
        (
            r#"[{"Get":{"timeout":"soon"}}]"#,
            "(at Response/Get[1]/@timeout)",
        ),
        (
            r#"[{"Play":{"$text":"a.wav"}},{"Get":{}}]"#,
            "can only be the main command, but it is command 2",
        ),
        (
            r#"[{"Get":{"$children":[{"Hangup":{}}]}}]"#,
            "(at Response/Get[1]/Hangup[1])",
        ),
        (
            r#"[{"CreateConf":{"maxmember":"many"}}]"#,
            "(at Response/CreateConf[1]/@maxmember)",
        ),
        (
            r#"[{"Play":{"$text":"a","$children":[]}}]"#,
            "has both `$text` and `$children`",
        ),
        (r#"[{"Play":{"$txt":"a"}}]"#, "unknown key `$txt`"),
        (
            r#"[{"Play":{},"Hangup":{}}]"#,
            "an element is a map with one key",
        ),
        (r#"[{}]"#, "an empty map is no element"),
        (r#"[{"a b":{}}]"#, "a b"),
        (r#"[{"Play":{"x y":"1","$text":"a"}}]"#, "x y"),
        (r#"[{"Play":{"$text":"a\u0001"}}]"#, "U+0001"),
        (r#"{"Play":{}}"#, "a list of elements"),
    ];
    for (json, words) in cases {
        let err = serde_json::from_str::<Response>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(words), "{json}: {err}");
    }
    // The parser's message itself, without the line and column of a document no one wrote.
    let xml_err = Response::parse("<Response><Play loop='-2'>a.wav</Play></Response>").unwrap_err();
    let json_err = serde_json::from_str::<Response>(r#"[{"Play":{"loop":"-2","$text":"a.wav"}}]"#)
        .unwrap_err()
        .to_string();
    assert!(
        json_err.starts_with(&format!("{} (at {})", xml_err.kind(), xml_err.path())),
        "{json_err}"
    );
}

#[test]
fn a_value_the_builder_refuses_does_not_serialize() {
    let err =
        serde_json::to_string(&Command::from(ivr_xml::Play::new("a.wav").repeat(-2))).unwrap_err();
    assert!(err.to_string().contains("loop"), "{err}");
}

#[test]
fn unknown_attributes_and_commands_are_kept_as_the_builder_keeps_them() {
    let doc: Response = serde_json::from_str(
        r#"[{"Play":{"volume":"3","$text":"a.wav"}},{"Record":{"max":"5"}},{"Hangup":{}}]"#,
    )
    .unwrap();
    match &doc.commands()[0] {
        Command::Play(play) => assert_eq!(play.extra[0].name(), "volume"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(&doc.commands()[1], Command::Raw(raw) if raw.name() == "Record"));
    assert_eq!(doc.commands()[2], Command::Hangup(Hangup::new()));
}

#[test]
fn nesting_is_bounded() {
    let deep = format!(
        r#"[{{"Record":{{"$children":[{}{}]}}}}]"#,
        r#"{"a":{"$children":["#.repeat(100),
        "]}}".repeat(100)
    );
    let err = serde_json::from_str::<Response>(&deep)
        .unwrap_err()
        .to_string();
    assert!(err.contains("nesting depth limit"), "{err}");
}
