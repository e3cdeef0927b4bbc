//! The derive macro behind [`ivr-xml`](https://docs.rs/ivr-xml): `#[derive(Xml)]` generates an
//! XML writer (`ToXml`) and a strict parser (`FromXml`) for a struct (one element) or an enum
//! (alternative elements).
//!
//! Use it through `ivr_xml::Xml`; the attributes are documented there. The stages follow
//! serde_derive's shape: `attr` reads the attributes into a small closed model (`ir`), `check`
//! applies the rules between fields, and `gen` (`write`, `parse`, `builder`) generates code from
//! the model; `ctxt` collects every error with its span so that all are reported together.

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
#[proc_macro_derive(Notification, attributes(notification))]
pub fn derive_notification(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    notify::derive(&input).into()
}

/// Derives `ivr_xml::notify::Message` and the builder of a notification message. See
/// `ivr_xml::notify::Message` for the attributes.
#[proc_macro_derive(Message, attributes(message))]
pub fn derive_message(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    message::derive(&input).into()
}

/// Derives `ivr_xml::XmlValue` (also `ivr_xml::notify::ParamValue`) for a closed set of values
/// or a newtype of checked text. See `ivr_xml::XmlValue` for the attributes.
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
