//! `#[xml(attribute, default)]`: a missing attribute is `T::default()`, and the value is always written.
#![allow(clippy::unwrap_used)]

use ivr_xml::{from_str, to_string_with, Style, ValueError, Xml, XmlValue};

/// A value whose default is not zero, to tell `T::default()` from an accident.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Level(u8);

impl Default for Level {
    fn default() -> Level {
        Level(5)
    }
}

impl XmlValue for Level {
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(&self.0.to_string())
    }
    fn parse_value(text: &str) -> Result<Self, ValueError> {
        text.parse()
            .map(Level)
            .map_err(|_| ValueError::new("level", text, "an integer from 0 to 255"))
    }
}

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Conf")]
struct Conf {
    #[xml(attribute, default)]
    maxmember: u32,
    #[xml(attribute, default)]
    autojoin: bool,
    #[xml(attribute, default)]
    name: String,
    #[xml(attribute, default)]
    level: Level,
}

#[test]
fn missing_means_default() {
    assert_eq!(
        from_str::<Conf>("<Conf/>").unwrap(),
        Conf {
            maxmember: 0,
            autojoin: false,
            name: String::new(),
            level: Level(5),
        }
    );
    assert_eq!(
        from_str::<Conf>("<Conf autojoin='true'/>").unwrap(),
        Conf {
            maxmember: 0,
            autojoin: true,
            name: String::new(),
            level: Level(5),
        }
    );
}

#[test]
fn the_value_is_always_written_even_when_it_is_the_default() {
    let conf = from_str::<Conf>("<Conf/>").unwrap();
    let expected = "<Conf maxmember='0' autojoin='false' name='' level='5'/>";
    assert_eq!(to_string_with(&conf, &Style::compact()).unwrap(), expected);
    assert_eq!(to_string_with(&conf, &Style::docs()).unwrap(), expected);
    assert_eq!(from_str::<Conf>(expected).unwrap(), conf);
}

#[test]
fn given_values_are_kept() {
    let text = "<Conf maxmember='10' autojoin='true' name='sales' level='0'/>";
    let conf = from_str::<Conf>(text).unwrap();
    assert_eq!(
        conf,
        Conf {
            maxmember: 10,
            autojoin: true,
            name: "sales".to_owned(),
            level: Level(0),
        }
    );
    assert_eq!(to_string_with(&conf, &Style::compact()).unwrap(), text);
}

#[test]
fn an_invalid_value_is_still_an_error() {
    let err = from_str::<Conf>("<Conf maxmember='many'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:7: invalid integer `many`: expected an integer from 0 to 4294967295 (at Conf/@maxmember)"
    );
    let err = from_str::<Conf>("<Conf level=''/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:7: invalid level ``: expected an integer from 0 to 255 (at Conf/@level)"
    );
}
