//! `#[xml(attribute, rename = "...")]`: the XML name differs from the field's, in writing,
//! parsing and every error message.
#![allow(clippy::unwrap_used)]

use ivr_xml::{from_str, to_string_with, Style, Xml};

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(attribute, rename = "type")]
    kind: String,
    #[xml(attribute, rename = "loop")]
    repeat: Option<i64>,
    #[xml(attribute, rename = "max-len")]
    max_len: Option<u32>,
}

#[test]
fn the_xml_name_is_written_and_parsed() {
    let beep = Beep {
        kind: "short".to_owned(),
        repeat: Some(-1),
        max_len: Some(3),
    };
    let text = to_string_with(&beep, &Style::compact()).unwrap();
    assert_eq!(text, "<Beep type='short' loop='-1' max-len='3'/>");
    assert_eq!(to_string_with(&beep, &Style::docs()).unwrap(), text);
    assert_eq!(from_str::<Beep>(&text).unwrap(), beep);
}

#[test]
fn the_field_name_is_not_an_attribute() {
    let err = from_str::<Beep>("<Beep kind='short'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:7: unknown attribute `kind` on `<Beep>`: expected one of `type`, `loop`, `max-len` (at Beep/@kind)"
    );
    assert_eq!(err.path(), "Beep/@kind");
}

#[test]
fn errors_name_the_xml_name() {
    let err = from_str::<Beep>("<Beep loop='2'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:1: `<Beep>` is missing its required attribute `type` (at Beep)"
    );
    let err = from_str::<Beep>("<Beep type='a' loop='x'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:16: invalid integer `x`: expected an integer from -9223372036854775808 to 9223372036854775807 (at Beep/@loop)"
    );
    assert_eq!(err.path(), "Beep/@loop");
}
