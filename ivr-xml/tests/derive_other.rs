//! `#[xml(other)]`: the variant that keeps elements no other variant takes. Strict parsing refuses
//! them; lenient parsing keeps them raw with a warning, including a known element that fails to
//! parse, and writes them back unchanged.
#![allow(clippy::unwrap_used)]

use ivr_xml::{
    from_str, from_str_with, to_string_with, ErrorKind, ParseOptions, Play, RawElement, Response,
    Style, Xml,
};

#[derive(Debug, Clone, PartialEq, Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(attribute)]
    count: u32,
}

#[derive(Debug, Clone, PartialEq, Xml)]
enum Step {
    Play(Play),
    Beep(Beep),
    #[xml(other)]
    Raw(RawElement),
}

#[test]
fn strict_parsing_refuses_an_unknown_element() {
    let text = "<Response><Beep count='1'/><Record max='5'/></Response>";
    let err = text.parse::<Response<Step>>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:28: unknown element `<Record>`: expected one of `Play`, `Beep` (at Response/Record[1])"
    );
    assert_eq!(err.path(), "Response/Record[1]");
}

#[test]
fn lenient_parsing_keeps_an_unknown_element_raw_with_a_warning() {
    let text = "<Response><Beep count='1'/><Record max='5'>beep.wav</Record></Response>";
    let parsed = from_str_with::<Response<Step>>(text, &ParseOptions::lenient()).unwrap();
    assert_eq!(
        parsed.value.commands(),
        [
            Step::Beep(Beep { count: 1 }),
            Step::Raw(
                RawElement::new("Record")
                    .attribute("max", "5")
                    .text("beep.wav")
            ),
        ]
    );
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(
        parsed.warnings[0].to_string(),
        "1:28: warning: unknown element `<Record>`: expected one of `Play`, `Beep` (at Response/Record[1])"
    );
    let style = Style::compact().declaration(ivr_xml::Declaration::None);
    assert_eq!(parsed.value.to_string_with(&style), text);
}

#[test]
fn lenient_parsing_keeps_a_known_element_that_fails_raw() {
    let text = "<Response><Play loop='x'>a.wav</Play></Response>";
    let err = text.parse::<Response<Step>>().unwrap_err();
    assert_eq!(err.path(), "Response/Play[1]/@loop");

    let parsed = from_str_with::<Response<Step>>(text, &ParseOptions::lenient()).unwrap();
    assert_eq!(
        parsed.value.commands(),
        [Step::Raw(
            RawElement::new("Play").attribute("loop", "x").text("a.wav")
        )]
    );
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(parsed.warnings[0].path(), "Response/Play[1]/@loop");
    assert!(matches!(
        parsed.warnings[0].kind(),
        ErrorKind::InvalidValue(value) if value.value() == "x"
    ));
    assert_eq!(
        format!("{:#}", parsed.value),
        "<?xml version='1.0' encoding='UTF-8'?><Response><Play loop='x'>a.wav</Play></Response>"
    );
}

#[test]
fn the_other_variant_is_not_an_expected_name() {
    let err = from_str::<Step>("<Hangup/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:1: wrong root element `<Hangup>`: expected one of `Play`, `Beep`"
    );
}

#[test]
fn a_raw_element_built_by_hand_is_written_like_any_other() {
    let steps = vec![
        Step::from(Play::new("a.wav")),
        Step::from(RawElement::new("Record").attribute("max", "5")),
    ];
    let doc = Response::try_from_commands(steps).unwrap();
    assert_eq!(
        doc.to_string(),
        "<?xml version='1.0' encoding='UTF-8'?>\n<Response>\n    <Play>a.wav</Play>\n    <Record max='5'/>\n</Response>"
    );
    let bad = Step::from(RawElement::new("1st"));
    assert_eq!(
        to_string_with(&bad, &Style::compact())
            .unwrap_err()
            .to_string(),
        "invalid XML name `1st`: expected a letter or `_` followed by letters, digits, `_`, `-`, `.`"
    );
}

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Script")]
struct Script {
    #[xml(children)]
    steps: Vec<Step>,
}

/// A derived struct routes a name no field matches to a field whose type keeps unknown elements
/// (an enum with an `other` variant), in lenient mode only.
#[test]
fn lenient_parsing_keeps_an_unknown_child_of_a_derived_struct_raw() {
    let text = "<Script><Beep count='1'/><Record max='5'/></Script>";
    let parsed = from_str_with::<Script>(text, &ParseOptions::lenient()).unwrap();
    assert_eq!(
        parsed.value.steps,
        vec![
            Step::Beep(Beep { count: 1 }),
            Step::Raw(RawElement::new("Record").attribute("max", "5")),
        ]
    );
}
