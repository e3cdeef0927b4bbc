//! `#[xml(attribute)]`: required and optional attributes, typed values, field order, escaping,
//! a value type of your own, and the parser's errors for each.
#![allow(clippy::unwrap_used)]

use ivr_xml::{
    from_str, to_string_with, ErrorKind, Key, Position, Quote, Style, Timeout, ValueError, Xml,
    XmlValue,
};

#[derive(Debug, Clone, PartialEq, Xml)]
#[xml(element = "Dial")]
struct Dial {
    #[xml(attribute)]
    number: String,
    #[xml(attribute)]
    timeout: Option<Timeout>,
    #[xml(attribute)]
    record: Option<bool>,
    #[xml(attribute)]
    finishkey: Option<Key>,
}

fn dial() -> Dial {
    Dial {
        number: "10086".to_owned(),
        timeout: Some(Timeout::new(30).unwrap()),
        record: Some(false),
        finishkey: Some(Key::Hash),
    }
}

#[test]
fn attributes_are_written_in_field_order() {
    let expected = "<Dial number='10086' timeout='30' record='false' finishkey='#'/>";
    assert_eq!(
        to_string_with(&dial(), &Style::compact()).unwrap(),
        expected
    );
    assert_eq!(to_string_with(&dial(), &Style::docs()).unwrap(), expected);
}

#[test]
fn none_is_not_written_and_missing_is_none() {
    let bare = Dial {
        number: "1".to_owned(),
        timeout: None,
        record: None,
        finishkey: None,
    };
    let text = to_string_with(&bare, &Style::compact()).unwrap();
    assert_eq!(text, "<Dial number='1'/>");
    assert_eq!(from_str::<Dial>(&text).unwrap(), bare);
}

#[test]
fn round_trips_in_any_attribute_order() {
    let text = to_string_with(&dial(), &Style::docs()).unwrap();
    assert_eq!(from_str::<Dial>(&text).unwrap(), dial());
    let shuffled = "<Dial finishkey='#' record='false' timeout='30' number='10086'/>";
    assert_eq!(from_str::<Dial>(shuffled).unwrap(), dial());
}

#[test]
fn a_missing_required_attribute_is_an_error_at_the_element() {
    let err = from_str::<Dial>("<Dial timeout='5'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:1: `<Dial>` is missing its required attribute `number` (at Dial)"
    );
    assert_eq!(err.path(), "Dial");
    assert_eq!(err.position(), Position { line: 1, column: 1 });
    assert_eq!(
        err.kind(),
        &ErrorKind::MissingAttribute {
            name: "number",
            element: "Dial".to_owned()
        }
    );
}

#[test]
fn an_invalid_value_is_an_error_at_the_attribute() {
    let err = from_str::<Dial>("<Dial number='1'\n      timeout='0'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "2:7: invalid timeout `0`: expected an integer >= 1 (at Dial/@timeout)"
    );
    assert_eq!(err.path(), "Dial/@timeout");
    assert_eq!(err.position(), Position { line: 2, column: 7 });
    assert_eq!(err.offset(), 23);

    let err = from_str::<Dial>("<Dial number='1' record='yes'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:18: invalid boolean `yes`: expected `true` or `false` (at Dial/@record)"
    );
    let err = from_str::<Dial>("<Dial number='1' finishkey='A'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:18: invalid key `A`: expected one of `0`-`9`, `*`, `#` (at Dial/@finishkey)"
    );
}

#[test]
fn an_unknown_attribute_is_an_error_listing_the_known_ones() {
    let err = from_str::<Dial>("<Dial number='1' voice='f'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:18: unknown attribute `voice` on `<Dial>`: expected one of `number`, `timeout`, `record`, `finishkey` (at Dial/@voice)"
    );
    assert_eq!(err.path(), "Dial/@voice");
}

#[test]
fn an_attribute_given_twice_is_an_error() {
    let err = from_str::<Dial>("<Dial number='1' number='2'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:18: duplicate attribute `number` (at Dial/@number)"
    );
}

#[test]
fn values_are_escaped_for_the_quote_in_use_and_unescaped_when_parsed() {
    let tricky = Dial {
        number: "a'b\"<&>\tc".to_owned(),
        timeout: None,
        record: None,
        finishkey: None,
    };
    let single = to_string_with(&tricky, &Style::compact()).unwrap();
    assert_eq!(single, "<Dial number='a&apos;b\"&lt;&amp;>&#9;c'/>");
    let double = to_string_with(&tricky, &Style::compact().quote(Quote::Double)).unwrap();
    assert_eq!(double, "<Dial number=\"a'b&quot;&lt;&amp;>&#9;c\"/>");
    assert_eq!(from_str::<Dial>(&single).unwrap(), tricky);
    assert_eq!(from_str::<Dial>(&double).unwrap(), tricky);
}

/// A value type of the application's own.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Percent(u8);

impl XmlValue for Percent {
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(&format!("{}%", self.0))
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        match text.strip_suffix('%').map(str::parse::<u8>) {
            Some(Ok(n)) if n <= 100 => Ok(Percent(n)),
            _ => Err(ValueError::new(
                "volume",
                text,
                "a percentage from 0% to 100%",
            )),
        }
    }
}

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Volume")]
struct Volume {
    #[xml(attribute)]
    level: Percent,
    #[xml(attribute)]
    floor: Option<Percent>,
}

#[test]
fn a_value_type_of_your_own() {
    let volume = Volume {
        level: Percent(80),
        floor: Some(Percent(5)),
    };
    let text = to_string_with(&volume, &Style::compact()).unwrap();
    assert_eq!(text, "<Volume level='80%' floor='5%'/>");
    assert_eq!(from_str::<Volume>(&text).unwrap(), volume);

    let err = from_str::<Volume>("<Volume level='120%'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:9: invalid volume `120%`: expected a percentage from 0% to 100% (at Volume/@level)"
    );
    match err.kind() {
        ErrorKind::InvalidValue(value) => {
            assert_eq!((value.what(), value.value()), ("volume", "120%"));
        }
        other => panic!("expected an invalid value, got {other:?}"),
    }
}
