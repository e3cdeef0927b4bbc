//! `#[xml(new(...))]`: the generated `new` takes the required attributes in the listed order,
//! checking each (an invalid one is reported when the document is built).
#![allow(clippy::unwrap_used)]

use ivr_xml::rest::{ConfMute, ConfUnMute, QuitConf};
use ivr_xml::{to_string_with, PendingError, Style, Text, ToXml, Xml};

#[derive(Debug, Default, Xml)]
#[xml(element = "Move", new(to, from))]
struct Move {
    #[xml(attribute, setter(new = impl Into<String>))]
    from: Text,
    #[xml(attribute, setter(new = impl Into<String>))]
    to: Text,
    #[xml(pending)]
    pending: PendingError,
}

#[test]
fn the_arguments_come_in_the_listed_order_and_the_attributes_in_field_order() {
    let moved = Move::new("b", "a");
    assert_eq!((moved.to.as_str(), moved.from.as_str()), ("b", "a"));
    assert_eq!(
        to_string_with(&moved, &Style::compact()).unwrap(),
        "<Move from='a' to='b'/>"
    );
}

#[test]
fn an_invalid_argument_is_reported_when_written() {
    let moved = Move::new("b", "bell\u{7}");
    assert!(moved.check().is_err());
    assert!(to_string_with(&moved, &Style::compact()).is_err());
}

#[test]
fn the_conference_member_operations_take_the_conference_first() {
    let quit = QuitConf::new("10000001", "c0ffee");
    let mute = ConfMute::new("10000001", "c0ffee");
    let unmute = ConfUnMute::new("10000001", "c0ffee");
    assert_eq!(
        (quit.confid.as_str(), quit.callid.as_str()),
        ("10000001", "c0ffee")
    );
    assert_eq!(
        (mute.confid.as_str(), mute.callid.as_str()),
        ("10000001", "c0ffee")
    );
    assert_eq!(
        (unmute.confid.as_str(), unmute.callid.as_str()),
        ("10000001", "c0ffee")
    );
    assert!(QuitConf::new("1\u{0}", "c").check().is_err());
}
