//! `<Dial>`: the outbound call (spec §4.2, official).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use crate::deferred_error::PendingError;
use crate::raw_attribute::RawAttribute;
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
/// (XML 1.0 §3.1) and is read too; [`EmptyElements::SelfClosing`](crate::EmptyElements::SelfClosing)
/// writes it (the derive's `#[xml(empty = "end_tag")]`).
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
/// // Unknown attributes follow the known ones; a known one given raw is refused.
/// let dial = Dial::new("1").raw_attribute("maxcallduration", "60");
/// assert_eq!(to_string_with(&dial, &official_style())?, r#"<Dial number="1" maxcallduration="60"></Dial>"#);
/// assert!(to_string_with(&Dial::new("1").raw_attribute("record", "true"), &official_style()).is_err());
/// // A character XML cannot carry is refused when the request is written.
/// assert!(to_string_with(&Dial::new("1\u{1}"), &official_style()).is_err());
/// assert_eq!(Dial::new("1").disnumber("02566687000").disnumber.unwrap().as_str(), "02566687000");
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "Dial", empty = "end_tag")]
pub struct Dial {
    /// The number to call.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub number: Text,
    /// Returned in the `startservice` notification. The official page says it must be Base64
    /// ([`Dial::userdata_base64`]); SDK comments say digits only \[field\]. Kept opaque.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub userdata: Option<Text>,
    /// Record the call (platform default `false`).
    #[xml(attribute, setter)]
    pub record: Option<bool>,
    /// Caller id shown to the callee, under the platform's caller-id rules; must be enabled by
    /// the platform.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub disnumber: Option<Text>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

impl Dial {
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
