//! Raw attributes and raw elements: what a builder writes either re-parses to the same value or
//! is refused when the document is built (issue 11: duplicate attributes, raw items with known
//! names, whitespace the reader drops, names and characters XML cannot carry).
#![allow(clippy::unwrap_used)]

use ivr_xml::rest::{
    self, Dial, Endpoint, Operation, QuitConf, RestRequest, RestResponse, RestTarget,
};
use ivr_xml::{
    to_string_with, CmdNone, Command, CreateConf, Get, Hangup, MixItem, ParseOptions, Play,
    PlayMix, RawAttribute, RawElement, Response, Style, Text,
};

/// The message `build()` gives for a document whose main command is `command`.
fn refusal(command: impl Into<Command>) -> String {
    match Response::builder().main(command).build() {
        Ok(doc) => panic!("built, and wrote:\n{doc}"),
        Err(err) => err.to_string(),
    }
}

/// Builds, writes in the docs' style and re-parses leniently: the value read back.
fn reread(command: impl Into<Command>) -> (Response, Response) {
    let doc = Response::builder().main(command).build().unwrap();
    let text = doc.to_string();
    let parsed = Response::parse_with(&text, &ParseOptions::lenient())
        .unwrap_or_else(|err| panic!("{err}\n{text}"));
    (doc, parsed.value)
}

#[test]
fn a_raw_attribute_cannot_repeat_a_known_attribute_that_is_set() {
    // Was written `<Play loop='2' loop='3'>`, which both parsers refuse.
    assert_eq!(
        refusal(Play::new("a.wav").repeat(2).raw_attribute("loop", "3")),
        "invalid raw attribute `loop`: expected a name `<Play>` does not write itself \
         (`loop` is written by `Play::repeat`; a raw attribute cannot repeat or stand for a known attribute) \
         (in `<Play>`, command 1)"
    );
}

#[test]
fn a_raw_attribute_cannot_stand_for_a_known_attribute() {
    // Was written `<Play loop='3'>`, which reads back as `repeat: Some(3)` and no raw attribute.
    assert_eq!(
        refusal(Play::new("a.wav").raw_attribute("loop", "3")),
        "invalid raw attribute `loop`: expected a name `<Play>` does not write itself \
         (`loop` is written by `Play::repeat`; a raw attribute cannot repeat or stand for a known attribute) \
         (in `<Play>`, command 1)"
    );
    assert!(Response::builder()
        .main(CreateConf::new().raw_attribute("maxmember", "10"))
        .build()
        .unwrap_err()
        .to_string()
        .contains("`maxmember` is written by `CreateConf::maxmember`"));
    // `extra` is a public field: a raw attribute pushed there is checked the same way.
    let mut get = Get::new();
    get.extra.push(RawAttribute::new("action", "x").unwrap());
    assert!(refusal(get).contains("`action` is written by `Get::action`"));
}

#[test]
fn a_raw_attribute_is_written_once() {
    assert_eq!(
        refusal(Hangup::new().raw_attribute("callid", "1").raw_attribute("callid", "2")),
        "invalid raw attribute `callid`: expected each attribute once \
         (`<Hangup>` already has a raw attribute `callid`; XML allows an attribute once per element) \
         (in `<Hangup>`, command 1)"
    );
    assert_eq!(
        refusal(
            RawElement::new("Record")
                .attribute("max", "1")
                .attribute("max", "2")
        ),
        "invalid raw attribute `max`: expected each attribute once \
         (`<Record>` already has a raw attribute `max`; XML allows an attribute once per element) \
         (in `<Record>`, command 1)"
    );
    // Many raw attributes: the check is not quadratic, and finds the repeat at the end.
    let mut many = CmdNone::new();
    for i in 0..2_000 {
        many = many.raw_attribute(format!("a{i}"), "v");
    }
    assert!(Response::builder().main(many.clone()).build().is_ok());
    assert!(refusal(many.raw_attribute("a7", "w")).contains("already has a raw attribute `a7`"));
}

#[test]
fn playmix_raw_attributes_cannot_be_its_type_or_repeat() {
    assert_eq!(
        refusal(PlayMix::new().file("a.wav").raw_attribute("type", "4")),
        "invalid raw attribute `type`: expected a name `<PlayMix>` does not write itself \
         (`type` is written by `PlayMix::items`; a raw attribute cannot repeat or stand for a known attribute) \
         (in `<PlayMix>`, command 1)"
    );
    assert!(refusal(
        PlayMix::new()
            .raw_attribute("x", "1")
            .raw_attribute("x", "2")
    )
    .contains("already has a raw attribute `x`"));
}

#[test]
fn playmix_items_made_by_hand_are_checked_like_the_builders() {
    // `MixItem`'s variants are public: an item the builders would refuse is refused at build time.
    let mut mix = PlayMix::new();
    mix.items.push(MixItem::Raw {
        code: 'x',
        text: Text::new("a").unwrap(),
    });
    assert_eq!(
        refusal(mix),
        "invalid PlayMix type code `x`: expected one ASCII digit per item (in `<PlayMix>`, command 1)"
    );
    let mut mix = PlayMix::new();
    mix.items.push(MixItem::File(Text::new("a;b").unwrap()));
    assert!(refusal(mix).starts_with("invalid PlayMix item `a;b`"));
    let mut mix = PlayMix::new();
    mix.items.push(MixItem::Raw {
        code: '4',
        text: Text::new("a").unwrap(),
    });
    // `4` is a file: as a raw item it would read back as `MixItem::File`.
    assert!(refusal(mix).starts_with("invalid PlayMix raw code `4`"));
}

#[test]
fn a_raw_element_cannot_stand_for_a_known_command() {
    // Was written `<Play>a.wav</Play>`, which reads back as the typed `Play`.
    assert_eq!(
        refusal(RawElement::new("Play").text("a.wav")),
        "invalid element `Play`: expected an element that reads back as `Command::Raw`, \
         but `<Play>` reads back as `Command::Play` (build that type rather than a raw element named like it) \
         (in `<Play>`, command 1)"
    );
    assert!(refusal(RawElement::new("CreateConf")).contains("reads back as `Command::CreateConf`"));
    // One whose content `Play` refuses reads back raw, as the lenient parser keeps it: written.
    let (doc, parsed) = reread(RawElement::new("Play").attribute("loop", "x").text("a.wav"));
    assert_eq!(parsed, doc);
    assert!(matches!(&doc.commands()[0], Command::Raw(raw) if raw.name() == "Play"));
    // Inside a raw element any name is fine: its children are raw elements too.
    let (doc, parsed) = reread(RawElement::new("Record").child(RawElement::new("Play").text("a")));
    assert_eq!(parsed, doc);
}

#[test]
fn a_rest_raw_operation_or_child_cannot_stand_for_a_known_one() {
    let request = RestRequest::new("app", RawElement::new("Dial").attribute("number", "1"));
    assert_eq!(
        request.to_xml().unwrap_err().to_string(),
        "invalid element `Dial`: expected an element that reads back as `Operation::Raw`, \
         but `<Dial>` reads back as `Operation::Dial` (build that type rather than a raw element named like it)"
    );
    // `<Appid>` as the operation would read back as a second `<Appid>`.
    let request = RestRequest::new("app", RawElement::new("Appid").text("x"));
    assert_eq!(
        request.to_xml().unwrap_err().to_string(),
        "invalid element `Appid`: expected an element that reads back as `RestRequest::operation`, \
         but `<Appid>` reads back as `RestRequest::appid`"
    );
    let response = RestResponse::success().with_child(RawElement::new("statusCode").text("1"));
    assert!(response
        .to_xml()
        .unwrap_err()
        .to_string()
        .contains("but `<statusCode>` reads back as `RestResponse::status_code`"));
}

#[test]
fn rest_createconf_raw_attributes_cannot_stand_for_passwd() {
    // Was written `passwd='1'`, which reads back as the `passwd` field.
    let create = rest::CreateConf::new(CreateConf::new().raw_attribute("passwd", "1"));
    assert_eq!(
        RestRequest::new("a", create).to_xml().unwrap_err().to_string(),
        "invalid raw attribute `passwd`: expected a name `<CreateConf>` does not write itself \
         (`passwd` is written by `CreateConf::passwd`; a raw attribute cannot repeat or stand for a known attribute)"
    );
    let op: Operation = QuitConf::new("1", "2").raw_attribute("confid", "3").into();
    assert!(RestRequest::new("a", op)
        .to_xml()
        .unwrap_err()
        .to_string()
        .contains("`confid` is written by `QuitConf::confid`"));
    let op: Operation = Dial::new("1")
        .raw_attribute("x", "1")
        .raw_attribute("x", "1")
        .into();
    assert!(RestRequest::new("a", op).to_xml().is_err());
}

#[test]
fn whitespace_only_text_beside_a_child_element_is_refused() {
    // The reader drops whitespace-only text between elements (it is layout): it cannot be kept.
    let expected = "invalid raw element text ` `: expected text that is not only whitespace \
                    in an element with child elements (the reader drops such text as layout) \
                    (in `<Record>`, command 1)";
    assert_eq!(
        refusal(
            RawElement::new("Record")
                .text(" ")
                .child(RawElement::new("a"))
        ),
        expected
    );
    assert_eq!(
        refusal(
            RawElement::new("Record")
                .child(RawElement::new("a"))
                .text(" ")
        ),
        expected
    );
    assert!(refusal(
        RawElement::new("Outer").child(
            RawElement::new("Record")
                .child(RawElement::new("a"))
                .text("\n")
        )
    )
    .contains("invalid raw element text `\\n`"));
    // Text that is not only whitespace, and whitespace in an element without child elements, are kept.
    for element in [
        RawElement::new("Record")
            .text(" x ")
            .child(RawElement::new("a"))
            .text(" y "),
        RawElement::new("Record")
            .child(RawElement::new("a"))
            .text(" ")
            .text("y"),
        RawElement::new("Record").text("  "),
        RawElement::new("Record").child(RawElement::new("a").text("\t")),
    ] {
        let (doc, parsed) = reread(element);
        assert_eq!(parsed, doc);
    }
}

#[test]
fn names_must_be_xml_names() {
    for name in [
        "A#b",
        "a b",
        "",
        "1a",
        "-a",
        ".a",
        "a\u{1}",
        "\u{0}",
        "\u{AA}",
        "a\u{B2}",
        "a\u{FFFE}",
    ] {
        assert!(RawAttribute::new(name, "x").is_err(), "{name:?}");
        let refused = refusal(RawElement::new(name));
        assert!(
            refused.starts_with("invalid XML name"),
            "{name:?}: {refused}"
        );
        assert!(Response::builder()
            .main(Hangup::new().raw_attribute(name, "x"))
            .build()
            .is_err());
    }
    // XML 1.0 names beyond ASCII are fine: they are written and read back.
    for name in ["录音", "a\u{B7}b", "_x", "a.b-c", "\u{C0}\u{300}", "x:y"] {
        let (doc, parsed) = reread(RawElement::new(name).attribute(name, "v"));
        assert_eq!(parsed, doc, "{name:?}");
    }
}

#[test]
fn characters_xml_cannot_carry_are_refused() {
    for bad in ["\u{0}", "a\u{FFFE}", "\u{FFFF}", "\u{1B}[0m"] {
        assert!(RawAttribute::new("x", bad).is_err(), "{bad:?}");
        assert!(Response::builder()
            .main(RawElement::new("R").text(bad))
            .build()
            .is_err());
        assert!(Response::builder()
            .main(RawElement::new("R").attribute("x", bad))
            .build()
            .is_err());
        assert!(Response::builder()
            .main(Play::new("a").raw_attribute("x", bad))
            .build()
            .is_err());
    }
}

#[test]
fn fragments_are_checked_too() {
    let play = Play::new("a.wav").repeat(1).raw_attribute("loop", "2");
    assert!(to_string_with(&play, &Style::compact()).is_err());
}

/// `Endpoint::Other` paths with characters a URL path cannot carry as they are.
#[test]
fn other_endpoint_paths_round_trip_through_the_target_parser() {
    for path in [
        "a%3Fb",
        "ivr/a?b",
        "ivr/a#b",
        "ivr/a b",
        "ivr/录音",
        "ivr/a%b",
        "ivr/a+b&c=d",
        "ivr//x/",
        "a/b;c",
    ] {
        let endpoint = Endpoint::Other {
            path: path.to_owned(),
            query: vec![("k y".to_owned(), "v&?#%".to_owned())],
        };
        let target = endpoint.path_and_query("2013-12-26", "AC", "S1G");
        assert_eq!(target.matches('?').count(), 1, "{target}");
        assert!(!target.contains(['#', ' ']), "{target}");
        let parsed = RestTarget::parse(&target).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(parsed.endpoint, endpoint, "{target}");
        assert_eq!(parsed.sig.as_deref(), Some("S1G"), "{target}");
        assert_eq!(parsed.soft_version, "2013-12-26");
        assert_eq!(parsed.account_sid, "AC");
        assert!(parsed.extra_query.is_empty());
    }
}

#[test]
fn the_lenient_parser_keeps_no_raw_name_xml_cannot_carry() {
    // Was kept, and written back as it was read: not XML.
    for (text, at) in [
        ("<Response><Record a&b='1'/></Response>", 18),
        ("<Response><Rec&ord/></Response>", 10),
    ] {
        // The tree reader refuses it, before any raw element is made.
        let err = Response::parse_with(text, &ParseOptions::lenient()).unwrap_err();
        assert!(
            matches!(err.kind(), ivr_xml::ErrorKind::Syntax(message) if message.contains("is not an XML")),
            "{err}"
        );
        assert_eq!(err.offset(), at, "{err}");
    }
}
