//! A unit struct: an empty element with no attributes, content or children.
#![allow(clippy::unwrap_used)]

use ivr_xml::{from_str, to_string_with, Style, Xml};

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Pause")]
struct Pause;

#[test]
fn writes_and_parses_an_empty_element() {
    assert_eq!(
        to_string_with(&Pause, &Style::compact()).unwrap(),
        "<Pause/>"
    );
    assert_eq!(to_string_with(&Pause, &Style::docs()).unwrap(), "<Pause/>");
    assert_eq!(from_str::<Pause>("<Pause/>").unwrap(), Pause);
    assert_eq!(from_str::<Pause>("<Pause>\n  </Pause>").unwrap(), Pause);
}

#[test]
fn refuses_attributes_text_and_children() {
    let err = from_str::<Pause>("<Pause a='1'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:8: unknown attribute `a` on `<Pause>`: expected nothing (at Pause/@a)"
    );
    let err = from_str::<Pause>("<Pause> now </Pause>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:9: text is not allowed inside `<Pause>` (at Pause)"
    );
    let err = from_str::<Pause>("<Pause><Pause/></Pause>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:8: `<Pause>` is not allowed inside `<Pause>`, which takes no child elements (at Pause/Pause[1])"
    );
}

#[test]
fn refuses_another_root() {
    let err = from_str::<Pause>("<Wait/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:1: wrong root element `<Wait>`: expected `Pause`"
    );
}
