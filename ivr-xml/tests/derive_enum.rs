//! An enum of newtype variants: a choice of elements. Writing delegates to the variant, parsing
//! picks the variant by element name, the derive adds `From<Variant>`, and the errors list every
//! accepted name (nested enums flattened).
#![allow(clippy::unwrap_used)]

use ivr_xml::{from_str, to_string_with, ErrorKind, Hangup, Play, Style, ToXml, Xml};

#[derive(Debug, Clone, PartialEq, Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(attribute)]
    count: u32,
}

#[derive(Debug, Clone, PartialEq, Xml)]
#[xml(element = "Pause")]
struct Pause;

#[derive(Debug, Clone, PartialEq, Xml)]
enum Step {
    Play(Play),
    Beep(Beep),
    Pause(Pause),
}

#[derive(Debug, Clone, PartialEq, Xml)]
enum AnyStep {
    Step(Step),
    Hangup(Hangup),
}

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Script")]
struct Script {
    #[xml(children)]
    steps: Vec<Step>,
}

#[test]
fn from_impls_for_every_variant() {
    assert_eq!(Step::from(Beep { count: 2 }), Step::Beep(Beep { count: 2 }));
    let play: Step = Play::new("a.wav").into();
    assert_eq!(play, Step::Play(Play::new("a.wav")));
    let nested: AnyStep = Step::Pause(Pause).into();
    assert_eq!(nested, AnyStep::Step(Step::Pause(Pause)));
}

#[test]
fn writes_the_variant_and_parses_by_element_name() {
    let script = Script {
        steps: vec![
            Play::new("a.wav").into(),
            Beep { count: 2 }.into(),
            Pause.into(),
        ],
    };
    let compact = to_string_with(&script, &Style::compact()).unwrap();
    assert_eq!(
        compact,
        "<Script><Play>a.wav</Play><Beep count='2'/><Pause/></Script>"
    );
    assert_eq!(
        to_string_with(&script, &Style::docs()).unwrap(),
        "<Script>\n    <Play>a.wav</Play>\n    <Beep count='2'/>\n    <Pause/>\n</Script>"
    );
    assert_eq!(from_str::<Script>(&compact).unwrap(), script);
    assert_eq!(
        from_str::<Step>("<Beep count='7'/>").unwrap(),
        Step::Beep(Beep { count: 7 })
    );
    assert_eq!(
        from_str::<AnyStep>("<Hangup/>").unwrap(),
        AnyStep::Hangup(Hangup::new())
    );
    assert_eq!(
        from_str::<AnyStep>("<Pause/>").unwrap(),
        AnyStep::Step(Step::Pause(Pause))
    );
}

#[test]
fn element_name_is_the_variants() {
    assert_eq!(Step::from(Beep { count: 1 }).element_name(), "Beep");
    assert_eq!(AnyStep::from(Hangup::new()).element_name(), "Hangup");
}

#[test]
fn an_unknown_root_lists_every_alternative() {
    let err = from_str::<Step>("<Hangup/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:1: wrong root element `<Hangup>`: expected one of `Play`, `Beep`, `Pause`"
    );
    assert_eq!(err.path(), "");
    let err = from_str::<AnyStep>("<Record/>").unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::WrongRoot {
            found: "Record".to_owned(),
            expected: vec!["Play", "Beep", "Pause", "Hangup"]
        }
    );
}

#[test]
fn an_unknown_child_lists_every_alternative() {
    let err = from_str::<Script>("<Script><Pause/><Hangup/></Script>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:17: `<Hangup>` is not allowed inside `<Script>`: expected one of `Play`, `Beep`, `Pause` (at Script/Hangup[1])"
    );
}

#[test]
fn an_error_inside_the_chosen_variant_is_reported_as_is() {
    let err = from_str::<Script>("<Script><Beep count='-1'/></Script>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:15: invalid integer `-1`: expected an integer from 0 to 4294967295 (at Script/Beep[1]/@count)"
    );
    let err = from_str::<Step>("<Pause>now</Pause>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:8: text is not allowed inside `<Pause>` (at Pause)"
    );
}

#[test]
fn check_delegates_to_the_variant() {
    let bad = Step::from(Play::new("a.wav").repeat(-3));
    assert_eq!(
        to_string_with(&bad, &Style::compact())
            .unwrap_err()
            .to_string(),
        "invalid loop `-3`: expected an integer >= -1 (-1 = forever, 0 = never)"
    );
}
