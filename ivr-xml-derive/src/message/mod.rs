//! `#[derive(Message)]`: a notification message (one struct, a field per parameter), with its
//! builder and its readers and writer.
//!
//! Attribute parsing ([`parse`]) reads `#[message(...)]` into the small model below, collecting
//! every error with its span; code generation ([`expand`]) only sees a valid model.

mod expand;
mod parse;

use proc_macro2::TokenStream;
use syn::{DeriveInput, Ident, LitStr, Type};

use crate::notify::Errors;

/// A struct deriving `Message`.
pub(crate) struct MessageDef {
    pub(crate) ident: Ident,
    /// What the message is called in errors (`Message::KIND`).
    pub(crate) kind: LitStr,
    /// `Message::DEFAULT_SEGMENT`.
    pub(crate) segment: Option<LitStr>,
    /// `#[message(serde)]`: `Serialize` + `Deserialize` as the map of the parameters.
    pub(crate) serde: bool,
    /// The parameters, in declaration order.
    pub(crate) params: Vec<Param>,
    /// The `Params` field receiving every other parameter.
    pub(crate) extra: Ident,
}

/// One parameter the message reads.
pub(crate) struct Param {
    pub(crate) ident: Ident,
    /// The value type: the field's type, or `T` of an `Option<T>` field.
    pub(crate) ty: Type,
    /// The platform's parameter name.
    pub(crate) name: String,
    /// Whether the field is a value (required) rather than an `Option` (optional).
    pub(crate) required: bool,
}

/// Parses the input and generates the impls, or the collected errors.
pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let message = parse::parse(input, &mut errors);
    match (errors.finish(), message) {
        (Ok(()), Some(message)) => expand::expand(&message),
        (Err(err), _) => err.to_compile_error(),
        (Ok(()), None) => {
            syn::Error::new_spanned(&input.ident, "#[derive(Message)] could not read this type")
                .to_compile_error()
        }
    }
}
