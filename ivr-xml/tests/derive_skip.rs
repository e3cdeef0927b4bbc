//! `#[xml(skip)]`: a field that is neither written nor parsed, and is `Default` when parsed.
#![allow(clippy::unwrap_used)]

use ivr_xml::{from_str, to_string_with, Style, Xml};

/// A default that is not "empty", to tell `Default::default()` from an accident.
#[derive(Debug, PartialEq)]
struct Origin(&'static str);

impl Default for Origin {
    fn default() -> Origin {
        Origin("parsed")
    }
}

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(attribute)]
    count: u32,
    #[xml(skip)]
    note: String,
    #[xml(skip)]
    origin: Origin,
}

#[test]
fn a_skipped_field_is_not_written() {
    let beep = Beep {
        count: 2,
        note: "for the log".to_owned(),
        origin: Origin("built"),
    };
    assert_eq!(
        to_string_with(&beep, &Style::compact()).unwrap(),
        "<Beep count='2'/>"
    );
    assert_eq!(
        to_string_with(&beep, &Style::docs()).unwrap(),
        "<Beep count='2'/>"
    );
}

#[test]
fn a_skipped_field_is_default_when_parsed() {
    assert_eq!(
        from_str::<Beep>("<Beep count='2'/>").unwrap(),
        Beep {
            count: 2,
            note: String::new(),
            origin: Origin("parsed"),
        }
    );
}

#[test]
fn a_skipped_field_is_not_an_attribute() {
    let err = from_str::<Beep>("<Beep count='2' note='x'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:17: unknown attribute `note` on `<Beep>`: expected `count` (at Beep/@note)"
    );
}
