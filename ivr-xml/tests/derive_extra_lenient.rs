//! `#[xml(extra)]` with the lenient parser: unknown attributes are kept in order with one warning
//! each and written after the known ones; strict parsing, and a type without `extra`, refuse them.
#![allow(clippy::unwrap_used)]

use ivr_xml::{
    from_str, from_str_with, to_string_with, ParseOptions, Position, RawAttribute, Style, Xml,
};

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Say")]
struct Say {
    #[xml(attribute)]
    voice: Option<String>,
    #[xml(extra)]
    extra: Vec<RawAttribute>,
    #[xml(text)]
    text: String,
}

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(attribute)]
    count: Option<u32>,
}

const TEXT: &str = "<Say speed='2' voice='f' pitch='low'>hi</Say>";

#[test]
fn strict_parsing_refuses_an_unknown_attribute() {
    let err = from_str::<Say>(TEXT).unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:6: unknown attribute `speed` on `<Say>`: expected `voice` (at Say/@speed)"
    );
    let parsed = from_str_with::<Say>("<Say voice='f'>hi</Say>", &ParseOptions::strict()).unwrap();
    assert!(parsed.warnings.is_empty());
}

#[test]
fn lenient_parsing_keeps_them_in_order_with_a_warning_each() {
    let parsed = from_str_with::<Say>(TEXT, &ParseOptions::lenient()).unwrap();
    assert_eq!(
        parsed.value,
        Say {
            voice: Some("f".to_owned()),
            extra: vec![
                RawAttribute::new("speed", "2").unwrap(),
                RawAttribute::new("pitch", "low").unwrap(),
            ],
            text: "hi".to_owned(),
        }
    );
    let warnings: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "1:6: warning: unknown attribute `speed` on `<Say>`: expected `voice` (at Say/@speed)",
            "1:26: warning: unknown attribute `pitch` on `<Say>`: expected `voice` (at Say/@pitch)",
        ]
    );
    assert_eq!(parsed.warnings[1].path(), "Say/@pitch");
    assert_eq!(
        parsed.warnings[1].position(),
        Position {
            line: 1,
            column: 26
        }
    );
}

#[test]
fn extra_attributes_are_written_after_the_known_ones() {
    let parsed = from_str_with::<Say>(TEXT, &ParseOptions::lenient()).unwrap();
    let expected = "<Say voice='f' speed='2' pitch='low'>hi</Say>";
    assert_eq!(
        to_string_with(&parsed.value, &Style::compact()).unwrap(),
        expected
    );
    assert_eq!(
        to_string_with(&parsed.value, &Style::docs()).unwrap(),
        expected
    );
    let again = from_str_with::<Say>(expected, &ParseOptions::lenient()).unwrap();
    assert_eq!(again.value, parsed.value);
}

#[test]
fn extra_attributes_added_by_hand_are_escaped() {
    let say = Say {
        voice: None,
        extra: vec![RawAttribute::new("note", "it's <fine> & \"ok\"").unwrap()],
        text: String::new(),
    };
    assert_eq!(
        to_string_with(&say, &Style::compact()).unwrap(),
        "<Say note='it&apos;s &lt;fine> &amp; \"ok\"'></Say>"
    );
}

#[test]
fn without_an_extra_field_lenient_parsing_refuses_them_too() {
    let err = from_str_with::<Beep>("<Beep tone='x'/>", &ParseOptions::lenient()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:7: unknown attribute `tone` on `<Beep>`: expected `count` (at Beep/@tone)"
    );
}

#[test]
fn lenient_parsing_still_refuses_an_invalid_known_value() {
    let err = from_str_with::<Beep>("<Beep count='x'/>", &ParseOptions::lenient()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:7: invalid integer `x`: expected an integer from 0 to 4294967295 (at Beep/@count)"
    );
}
