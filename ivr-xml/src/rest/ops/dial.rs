//! `<Dial>`: the outbound call (spec §4.2, official).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use crate::de::{Element, FromXml, ParseContext};
use crate::deferred_error::PendingError;
use crate::error::{ParseError, ValueError};
use crate::raw_attribute::RawAttribute;
use crate::ser::{EmptyElements, Sink, ToXml, XmlWriter};
use crate::value::Text;
use crate::Xml;

/// `<Dial>` IVR外呼: calls `number`; once connected, the call runs the application's IVR
/// documents, starting with `startservice` (spec §4.2) \[official\]. Sent to [`Endpoint::Dial`](crate::rest::Endpoint::Dial).
///
/// `disnumber`'s placement on `<Dial>` is \[inferred\]; the attributes are \[official\].
///
/// Written `<Dial ...></Dial>`, with an explicit end tag, as the official request body writes it
/// \[official\] (and the SDKs \[field\]): the crate's promise is the docs' bytes, and the
/// platform's own example is the best evidence of what it accepts. `<Dial .../>` is the same XML
/// (XML 1.0 §3.1) and is read too; [`EmptyElements::SelfClosing`] writes it.
///
/// ```
/// use ivr_xml::rest::{official_style, Dial};
/// use ivr_xml::{to_string_with, EmptyElements};
/// let dial = Dial::new("13812345678").userdata("1").record(true);
/// assert_eq!(
///     to_string_with(&dial, &official_style())?,
///     r#"<Dial number="13812345678" userdata="1" record="true"></Dial>"#
/// );
/// let short = official_style().empty_elements(EmptyElements::SelfClosing);
/// assert_eq!(
///     to_string_with(&dial, &short)?,
///     r#"<Dial number="13812345678" userdata="1" record="true"/>"#
/// );
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Dial {
    /// The number to call.
    pub number: Text,
    /// Returned in the `startservice` notification. The official page says it must be Base64
    /// ([`Dial::userdata_base64`]); SDK comments say digits only \[field\]. Kept opaque.
    pub userdata: Option<Text>,
    /// Record the call (platform default `false`).
    pub record: Option<bool>,
    /// Caller id shown to the callee, under the platform's caller-id rules; must be enabled by
    /// the platform.
    pub disnumber: Option<Text>,
    /// Unknown attributes, in order.
    pub extra: Vec<RawAttribute>,
    pending: PendingError,
}

/// The element as read: the derive's parser (names, values, `extra`, errors with their places);
/// [`Dial`] writes itself, for its end tag.
#[derive(Xml)]
#[xml(element = "Dial")]
struct DialWire {
    #[xml(attribute)]
    number: Text,
    #[xml(attribute)]
    userdata: Option<Text>,
    #[xml(attribute)]
    record: Option<bool>,
    #[xml(attribute)]
    disnumber: Option<Text>,
    #[xml(extra)]
    extra: Vec<RawAttribute>,
}

impl Dial {
    /// A `<Dial>` with its required attribute: `new(number)`.
    ///
    /// ```
    /// use ivr_xml::rest::Dial;
    /// assert_eq!(Dial::new("13812345678").number.as_str(), "13812345678");
    /// // A character XML cannot carry is refused when the request is written.
    /// assert!(ivr_xml::to_string_with(&Dial::new("1\u{1}"), &ivr_xml::Style::docs()).is_err());
    /// ```
    pub fn new(number: impl Into<String>) -> Dial {
        let mut dial = Dial::default();
        dial.number = dial.pending.record(Text::new(number)).unwrap_or_default();
        dial
    }

    /// Sets `userdata`: returned in the `startservice` notification. The official page says it
    /// must be Base64 ([`Dial::userdata_base64`]); SDK comments say digits only \[field\]. Kept opaque.
    ///
    /// ```
    /// use ivr_xml::rest::Dial;
    /// assert_eq!(Dial::new("1").userdata("42").userdata.unwrap().as_str(), "42");
    /// ```
    pub fn userdata(mut self, userdata: impl Into<String>) -> Dial {
        self.userdata = self.pending.record(Text::new(userdata));
        self
    }

    /// Sets `record`: record the call (platform default `false`).
    ///
    /// ```
    /// use ivr_xml::rest::Dial;
    /// assert_eq!(Dial::new("1").record(true).record, Some(true));
    /// ```
    pub fn record(mut self, record: bool) -> Dial {
        self.record = Some(record);
        self
    }

    /// Sets `disnumber`: the caller id shown to the callee, under the platform's caller-id
    /// rules; must be enabled by the platform.
    ///
    /// ```
    /// use ivr_xml::rest::Dial;
    /// assert_eq!(Dial::new("1").disnumber("02566687000").disnumber.unwrap().as_str(), "02566687000");
    /// ```
    pub fn disnumber(mut self, disnumber: impl Into<String>) -> Dial {
        self.disnumber = self.pending.record(Text::new(disnumber));
        self
    }

    /// Adds an attribute the library does not know (written after the known ones).
    ///
    /// A name that is not an XML name, a value with a character XML cannot carry, a name given
    /// twice, or the name of one of the element's known attributes (set that with its own
    /// setter) is reported when the request is written: none would read back as built. The
    /// strict parser refuses unknown attributes; parse such bodies with
    /// [`ParseOptions::lenient`](crate::ParseOptions::lenient).
    ///
    /// ```
    /// use ivr_xml::rest::{official_style, Dial};
    /// use ivr_xml::to_string_with;
    /// let dial = Dial::new("1").raw_attribute("maxcallduration", "60");
    /// assert_eq!(to_string_with(&dial, &official_style())?, r#"<Dial number="1" maxcallduration="60"></Dial>"#);
    /// assert!(to_string_with(&Dial::new("1").raw_attribute("record", "true"), &official_style()).is_err());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn raw_attribute(mut self, name: impl Into<String>, value: impl Into<String>) -> Dial {
        if let Some(attribute) = self.pending.record(RawAttribute::new(name, value)) {
            self.extra.push(attribute);
        }
        self
    }

    /// Sets `userdata` to the Base64 (standard, padded) of `data`, as the official page asks.
    ///
    /// ```
    /// use ivr_xml::rest::Dial;
    /// let dial = Dial::new("13812345678").userdata_base64("order=42");
    /// assert_eq!(dial.userdata.unwrap().as_str(), "b3JkZXI9NDI=");
    /// ```
    pub fn userdata_base64(self, data: impl AsRef<[u8]>) -> Dial {
        self.userdata(BASE64.encode(data))
    }
}

impl ToXml for Dial {
    fn write_xml<S: Sink + ?Sized>(&self, writer: &mut XmlWriter<'_, S>) -> Result<(), S::Error> {
        writer.open_tag("Dial")?;
        writer.attribute("number", &self.number)?;
        if let Some(userdata) = &self.userdata {
            writer.attribute("userdata", userdata)?;
        }
        if let Some(record) = &self.record {
            writer.attribute("record", record)?;
        }
        if let Some(disnumber) = &self.disnumber {
            writer.attribute("disnumber", disnumber)?;
        }
        writer.raw_attributes(&self.extra)?;
        match writer.empty_elements() {
            EmptyElements::AsDocs => writer.markup("></Dial>"),
            EmptyElements::SelfClosing => writer.close_empty(),
        }
    }

    fn check(&self) -> Result<(), ValueError> {
        self.pending.check()?;
        RawAttribute::check_extra(
            "Dial",
            &[
                ("number", "Dial::number"),
                ("userdata", "Dial::userdata"),
                ("record", "Dial::record"),
                ("disnumber", "Dial::disnumber"),
            ],
            &self.extra,
        )
    }

    fn element_name(&self) -> &str {
        "Dial"
    }
}

impl FromXml for Dial {
    fn matches_element(name: &str) -> bool {
        name == "Dial"
    }

    fn expected_elements(out: &mut Vec<&'static str>) {
        out.push("Dial");
    }

    fn from_element(element: &Element<'_>, cx: &mut ParseContext<'_>) -> Result<Dial, ParseError> {
        let wire = DialWire::from_element(element, cx)?;
        Ok(Dial {
            number: wire.number,
            userdata: wire.userdata,
            record: wire.record,
            disnumber: wire.disnumber,
            extra: wire.extra,
            pending: PendingError::default(),
        })
    }
}

/// `<Dial>` is its element, as a derived REST operation is (its writer is hand-written, for
/// its end tag; see [`serde_model`](crate::serde_model)).
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for Dial {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::serde_model::serialize_element(self, serializer)
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> serde::Deserialize<'de> for Dial {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Dial, D::Error> {
        crate::serde_model::deserialize_element(deserializer)
    }
}

/// Described as its wire element, which the parser reads.
impl crate::describe::Describe for Dial {
    const ELEMENTS: &'static [&'static crate::describe::ElementDescription] =
        <DialWire as crate::describe::Describe>::ELEMENTS;
}
