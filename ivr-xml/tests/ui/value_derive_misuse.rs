use ivr_xml::{ValueError, XmlValue};

fn no_spaces(name: &'static str, expected: &'static str, text: &str) -> Result<(), ValueError> {
    match text.contains(' ') {
        true => Err(ValueError::new(name, text, expected)),
        false => Ok(()),
    }
}

/// Checked text without its check.
#[derive(XmlValue)]
#[value(name = "agent", expected = "an agent id")]
struct NoCheck(String);

/// A check on a closed set, which checks its texts itself.
#[derive(XmlValue)]
#[value(name = "mode", expected = "`in`", check = no_spaces)]
enum CheckedSet {
    #[value(text = "in")]
    In,
}

/// Two fields: not a newtype.
#[derive(XmlValue)]
#[value(name = "pair", expected = "a pair", check = no_spaces)]
struct Pair(String, String);

/// No name or expected text, and an unknown option.
#[derive(XmlValue)]
#[value(check = no_spaces, trim)]
struct Unnamed(String);

/// A check of the wrong signature.
fn wrong(text: &str) -> bool {
    text.is_empty()
}

#[derive(XmlValue)]
#[value(name = "wrong", expected = "anything", check = wrong)]
struct WrongCheck(String);

/// `xml_chars` is a check too: not both.
#[derive(XmlValue)]
#[value(name = "twice", expected = "anything", check = no_spaces, xml_chars)]
struct TwoChecks(String);

fn main() {}
