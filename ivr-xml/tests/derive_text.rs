//! `#[xml(text)]`: text content, written escaped on one line and parsed exactly (whitespace,
//! references and CDATA), typed text, and the errors of an element that holds only text.
#![allow(clippy::unwrap_used)]

use ivr_xml::{from_str, to_string_with, Position, Style, Xml};

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Say")]
struct Say {
    #[xml(attribute)]
    voice: Option<String>,
    #[xml(text)]
    text: String,
}

fn say(text: &str) -> Say {
    Say {
        voice: None,
        text: text.to_owned(),
    }
}

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Wait")]
struct Wait {
    #[xml(text)]
    seconds: u32,
}

#[test]
fn text_is_written_inside_the_element() {
    let hello = Say {
        voice: Some("f".to_owned()),
        text: "hello".to_owned(),
    };
    let expected = "<Say voice='f'>hello</Say>";
    assert_eq!(to_string_with(&hello, &Style::compact()).unwrap(), expected);
    assert_eq!(to_string_with(&hello, &Style::docs()).unwrap(), expected);
    assert_eq!(from_str::<Say>(expected).unwrap(), hello);
}

#[test]
fn empty_text_is_an_empty_pair_of_tags_and_parses_from_either_form() {
    assert_eq!(
        to_string_with(&say(""), &Style::compact()).unwrap(),
        "<Say></Say>"
    );
    assert_eq!(from_str::<Say>("<Say></Say>").unwrap(), say(""));
    assert_eq!(from_str::<Say>("<Say/>").unwrap(), say(""));
}

#[test]
fn markup_characters_are_escaped_and_round_trip() {
    let tricky = say("a<b & c]]>d\re");
    let text = to_string_with(&tricky, &Style::compact()).unwrap();
    assert_eq!(text, "<Say>a&lt;b &amp; c]]&gt;d&#13;e</Say>");
    assert_eq!(from_str::<Say>(&text).unwrap(), tricky);
}

#[test]
fn whitespace_references_and_cdata_are_read_exactly() {
    assert_eq!(
        from_str::<Say>("<Say>  hi\n </Say>").unwrap(),
        say("  hi\n ")
    );
    assert_eq!(
        from_str::<Say>("<Say>a&amp;b&#x4E2D;&#25991;</Say>").unwrap(),
        say("a&b中文")
    );
    assert_eq!(
        from_str::<Say>("<Say>x<![CDATA[<b>&]]>y</Say>").unwrap(),
        say("x<b>&y")
    );
}

#[test]
fn typed_text_is_parsed_and_its_errors_point_at_the_text() {
    assert_eq!(
        from_str::<Wait>("<Wait>12</Wait>").unwrap(),
        Wait { seconds: 12 }
    );
    assert_eq!(
        to_string_with(&Wait { seconds: 7 }, &Style::compact()).unwrap(),
        "<Wait>7</Wait>"
    );
    let err = from_str::<Wait>("<Wait>soon</Wait>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:7: invalid integer `soon`: expected an integer from 0 to 4294967295 (at Wait)"
    );
    assert_eq!(err.path(), "Wait");
    assert_eq!(err.position(), Position { line: 1, column: 7 });
    let err = from_str::<Wait>("<Wait/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:1: invalid integer ``: expected an integer from 0 to 4294967295 (at Wait)"
    );
}

#[test]
fn a_child_element_is_an_error() {
    let err = from_str::<Say>("<Say>hi <b>there</b></Say>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:9: `<b>` is not allowed inside `<Say>`, which takes no child elements (at Say/b[1])"
    );
    assert_eq!(err.path(), "Say/b[1]");
}
