//! The id values of notifications: [`AppId`] (the application), [`CallId`] (a call leg),
//! [`ConfId`] (a conference) and [`Code`] (a result, error or reason code). Each is any non-empty
//! text without whitespace, control characters or characters XML 1.0 cannot carry (see
//! `check_id`): checked text made by `#[derive(XmlValue)]`, as [`Text`](crate::Text) is.

use crate::error::ValueError;
use crate::XmlValue;

/// An id is any non-empty text without whitespace, control characters or characters XML 1.0
/// cannot carry (U+FFFE, U+FFFF): ids are written back into documents (`JoinConf@confid`) and
/// REST bodies, so one that no document can hold is refused when read. The platform's ids seen
/// in the field are 32 letters and digits; that form is not required \[inferred\].
fn check_id(what: &'static str, expected: &'static str, text: &str) -> Result<(), ValueError> {
    // ASCII other than space, controls and DEL is always fine; look closer only at the rest.
    // (A fold without early exit: it compiles to a few vector instructions.)
    let suspect = text
        .bytes()
        .fold(false, |suspect, b| suspect | (b <= b' ') | (b >= 0x7f));
    let refused = |c: char| c.is_whitespace() || c.is_control() || !crate::value::is_xml_char(c);
    if text.is_empty() || (suspect && text.chars().any(refused)) {
        Err(ValueError::new(what, text, expected))
    } else {
        Ok(())
    }
}

/// `appid`: the id of the IVR application a notification is for (spec §3.1), the one the
/// platform gave it; REST requests carry the same id as the `<Appid>` element
/// ([`rest::AppIdElement`](crate::rest::AppIdElement)). Field evidence shows 32 hexadecimal
/// characters, like `ff8080813f84717a013f847540ef0000`; any non-empty text without spaces is
/// accepted.
///
/// ```
/// use ivr_xml::notify::AppId;
/// let id: AppId = "ff8080813f84717a013f847540ef0000".parse()?;
/// assert_eq!(id, "ff8080813f84717a013f847540ef0000");
/// assert_eq!(AppId::new("a1")?.as_str(), "a1");
/// assert_eq!(AppId::new("a1")?.into_string(), "a1");
/// assert!(AppId::new("").is_err());
/// assert!(AppId::new("a b").is_err());
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, XmlValue)]
#[value(
    name = "appid",
    expected = "an application id (not empty, no spaces or control characters)",
    check = check_id
)]
#[cfg_attr(feature = "serde", value(serde))]
pub struct AppId(String);

/// `callid` (and `relatedcallid`, `relatecallid`): the id of one call leg, unique per leg (spec
/// §3.1); every notification of a call carries it. Field evidence shows 32 letters and digits,
/// like `17092716390803280001000400011fab`; any non-empty text without spaces is accepted.
///
/// ```
/// use ivr_xml::notify::CallId;
/// let id = CallId::new("17092716390803280001000400011fab")?;
/// assert_eq!(id.to_string(), "17092716390803280001000400011fab");
/// assert_eq!(id.as_str(), "17092716390803280001000400011fab");
/// assert_eq!(CallId::try_from("c1")?.into_string(), "c1");
/// assert!(CallId::new("c\u{1}").is_err());
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, XmlValue)]
#[value(
    name = "callid",
    expected = "a call id (not empty, no spaces or control characters)",
    check = check_id
)]
#[cfg_attr(feature = "serde", value(serde))]
pub struct CallId(String);

/// `confid`: the id of a conference, which the conference callbacks carry and `JoinConf@confid`
/// names. Text, not a number: the guide asks for 8 digits, `shortconf` suggests other lengths,
/// and leading zeros must survive (spec §2.9) \[inferred\].
///
/// ```
/// use ivr_xml::notify::ConfId;
/// assert_eq!(ConfId::new("00012345")?.as_str(), "00012345");
/// assert_eq!(ConfId::new("00012345")?.into_string(), "00012345");
/// assert!(ConfId::new(" 1").is_err());
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, XmlValue)]
#[value(
    name = "confid",
    expected = "a conference id (not empty, no spaces or control characters)",
    check = check_id
)]
#[cfg_attr(feature = "serde", value(serde))]
pub struct ConfId(String);

/// A result, error or reason code: `result` of a `<Get>` report, `errorcode` of `stopservice`,
/// `reason` of a consultation hang-up, `callresult` and `sipcause` of a `cdr`. No value table is
/// available (spec §6), so the code is kept as text; [`Code::as_i64`] reads the numeric ones.
///
/// ```
/// use ivr_xml::notify::Code;
/// let code = Code::new("0")?;
/// assert!(code.is_zero());
/// assert_eq!(code.as_str(), "0");
/// assert_eq!(Code::new("000000")?.as_i64(), Some(0));
/// assert_eq!(Code::new("E12")?.as_i64(), None);
/// assert_eq!(Code::new("E12")?.into_string(), "E12");
/// assert!(Code::new("").is_err());
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, XmlValue)]
#[value(
    name = "code",
    expected = "a code (not empty, no spaces or control characters)",
    check = check_id
)]
#[cfg_attr(feature = "serde", value(serde))]
pub struct Code(String);

impl Code {
    /// The code as an integer, when it is one (an optional sign, then digits).
    ///
    /// ```
    /// use ivr_xml::notify::Code;
    /// assert_eq!(Code::new("-1").unwrap().as_i64(), Some(-1));
    /// ```
    pub fn as_i64(&self) -> Option<i64> {
        let digits = self.0.strip_prefix(['-', '+']).unwrap_or(&self.0);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.0.parse().ok()
    }

    /// Whether the code is numerically zero (`0`, `000000`): success, where a code means one.
    ///
    /// ```
    /// use ivr_xml::notify::Code;
    /// assert!(!Code::new("1").unwrap().is_zero());
    /// ```
    pub fn is_zero(&self) -> bool {
        self.as_i64() == Some(0)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn ids_refuse_exactly_whitespace_control_and_non_xml_characters() {
        // The byte pre-check must never let through what the character check refuses.
        let unicode = [
            '\u{85}',
            '\u{9f}',
            '\u{a0}',
            '\u{a1}',
            '\u{1680}',
            '\u{2000}',
            '\u{200b}',
            '\u{2028}',
            '\u{202f}',
            '\u{3000}',
            '\u{feff}',
            '中',
            'é',
            '\u{10ffff}',
            '\u{fffd}',
            '\u{fffe}',
            '\u{ffff}',
        ];
        for c in (0..=0x7fu8).map(char::from).chain(unicode) {
            let refused =
                c.is_whitespace() || c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}');
            for text in [
                c.to_string(),
                format!("ab{c}"),
                format!("{c}0123456789abcdef"),
            ] {
                assert_eq!(AppId::new(text.as_str()).is_err(), refused, "{text:?}");
                let decoded = AppId::from_decoded(Cow::Borrowed(&text));
                assert_eq!(decoded.is_err(), refused, "{text:?}");
            }
        }
        assert!(AppId::new("").is_err());
    }
}
