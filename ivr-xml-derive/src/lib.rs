//! The derive macro behind [`ivr-xml`](https://docs.rs/ivr-xml): `#[derive(Xml)]` generates an
//! XML writer (`ToXml`) and a strict parser (`FromXml`) for a struct (one element) or an enum
//! (alternative elements).
//!
//! Use it through `ivr_xml::Xml`; the attributes are documented there. The stages follow
//! serde_derive's shape: `attr` reads the attributes into a small closed model (`ir`), `check`
//! applies the rules between fields, and `gen` (`write`, `parse`, `builder`) generates code from
//! the model; `ctxt` collects every error with its span so that all are reported together.
//!
//! ```
//! use ivr_xml::{from_str, to_string_with, Style, Xml};
//!
//! #[derive(Debug, PartialEq, Xml)]
//! #[xml(element = "Beep")]
//! struct Beep {
//!     #[xml(attribute)]
//!     count: u32,
//! }
//! assert_eq!(to_string_with(&Beep { count: 2 }, &Style::docs())?, "<Beep count='2'/>");
//! assert_eq!(from_str::<Beep>("<Beep count='2'/>")?, Beep { count: 2 });
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod attr;
mod check;
mod ctxt;
mod gen;
mod ir;
mod message;
mod notify;
mod serde_impls;
mod value;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `ivr_xml::ToXml` and `ivr_xml::FromXml`. See `ivr_xml::Xml` for the attributes.
///
/// ```
/// use ivr_xml::{from_str, to_string_with, EmptyElements, Style, Xml};
///
/// #[derive(Debug, PartialEq, Xml)]
/// #[xml(element = "Dial", empty = "end_tag")]
/// struct Dial {
///     #[xml(attribute)]
///     number: String,
///     #[xml(attribute)]
///     record: Option<bool>,
/// }
/// let dial = Dial { number: "13812345678".into(), record: None };
/// assert_eq!(to_string_with(&dial, &Style::docs())?, "<Dial number='13812345678'></Dial>");
/// let short = Style::docs().empty_elements(EmptyElements::SelfClosing);
/// assert_eq!(to_string_with(&dial, &short)?, "<Dial number='13812345678'/>");
/// assert_eq!(from_str::<Dial>("<Dial number='13812345678'/>")?, dial);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[proc_macro_derive(Xml, attributes(xml))]
pub fn derive_xml(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let mut errors = attr::Errors::default();
    let container = attr::parse(&input, &mut errors);
    match (errors.finish(), container) {
        (Ok(()), Some(container)) => gen::expand(&container).into(),
        (Err(err), _) => err.to_compile_error().into(),
        (Ok(()), None) => {
            syn::Error::new_spanned(&input.ident, "#[derive(Xml)] could not read this type")
                .to_compile_error()
                .into()
        }
    }
}

/// Derives `ivr_xml::notify::Notification` for an enum of expected notifications. See
/// `ivr_xml::notify::Notification` for the attributes.
///
/// ```
/// use ivr_xml::notify::{Notification, Request, StartService, StopService};
///
/// #[derive(Debug, Notification)]
/// enum Call {
///     Start(StartService),
///     Stop(StopService),
/// }
/// let call: Call = Request::new("/ivr/stopservice?appid=a1&callid=c1").parse()?;
/// assert!(matches!(call, Call::Stop(ref stop) if stop.callid == "c1"));
/// assert_eq!(call.segment(), "stopservice");
/// # Ok::<(), ivr_xml::notify::NotifyError>(())
/// ```
#[proc_macro_derive(Notification, attributes(notification))]
pub fn derive_notification(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    notify::derive(&input).into()
}

/// Derives `ivr_xml::notify::Message` and the builder of a notification message. See
/// `ivr_xml::notify::Message` for the attributes.
///
/// ```
/// use ivr_xml::notify::{CallId, Message, Params};
///
/// #[derive(Debug, PartialEq, Message)]
/// #[message(kind = "hold callback", segment = "hold")]
/// struct Hold {
///     callid: CallId,
///     #[message(rename = "type")]
///     kind: Option<String>,
///     #[message(extra)]
///     extra: Params,
/// }
/// let hold = Hold::from_query("callid=c1&type=2&x=y")?;
/// assert_eq!((hold.callid.as_str(), hold.kind.as_deref()), ("c1", Some("2")));
/// assert_eq!(hold.extra.get("x"), Some("y"));
/// assert_eq!(Hold::new(CallId::new("c2")?).kind("1").to_query_string(), "callid=c2&type=1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[proc_macro_derive(Message, attributes(message))]
pub fn derive_message(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    message::derive(&input).into()
}

/// Derives `ivr_xml::XmlValue` (also `ivr_xml::notify::ParamValue`) for a closed set of values
/// or a newtype of checked text. See `ivr_xml::XmlValue` for the attributes.
///
/// ```
/// use ivr_xml::{ValueError, XmlValue};
///
/// #[derive(Debug, Clone, Copy, PartialEq, XmlValue)]
/// #[value(name = "mode", expected = "`in` or `out`")]
/// enum Mode {
///     #[value(text = "in")]
///     In,
///     #[value(text = "out")]
///     Out,
/// }
/// assert_eq!(Mode::parse_value("out")?, Mode::Out);
/// assert_eq!(Mode::In.as_str(), "in");
/// assert!(Mode::parse_value("up").is_err());
/// # Ok::<(), ValueError>(())
/// ```
#[proc_macro_derive(XmlValue, attributes(value))]
pub fn derive_xml_value(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    value::derive(&input).into()
}

/// Derives `serde::Serialize` and `serde::Deserialize` (ivr-xml's feature `serde`) for a type
/// with a hand-written `ivr_xml::XmlValue` impl: as its text. See `ivr_xml::XmlValueSerde`.
#[proc_macro_derive(XmlValueSerde, attributes(value))]
pub fn derive_xml_value_serde(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    value::derive_serde(&input).into()
}
