//! `#[derive(Notification)]`: an application's enum of expected notifications, chosen by the
//! request's path segment.
//!
//! Attribute parsing ([`parse`]) reads `#[notification(...)]` into the small model below,
//! collecting every error with its span; code generation ([`expand`]) only sees a valid model.

mod expand;
mod parse;

use proc_macro2::TokenStream;
use syn::{DeriveInput, Ident, LitStr, Type};

/// An enum deriving `Notification`.
pub(crate) struct Dispatch {
    pub(crate) ident: Ident,
    /// `#[notification(serde)]`: `Serialize` + `Deserialize`, tagged by the segment.
    pub(crate) serde: bool,
    pub(crate) variants: Vec<Variant>,
}

/// One expected notification.
pub(crate) struct Variant {
    pub(crate) ident: Ident,
    /// The message type it holds (`Message`, or `Notification` for the `other` variant).
    pub(crate) ty: Type,
    pub(crate) choice: Choice,
}

/// How a variant is chosen.
pub(crate) enum Choice {
    /// By these segments, in order; empty means the message type's default segment.
    Segments(Vec<LitStr>),
    /// Every path no other variant takes.
    Other,
}

/// Whether `ty` names `RawNotification` (by its last path segment): a segment variant holding it
/// reads through `Notification` (keeping the path) instead of `Message`.
pub(crate) fn is_raw(ty: &Type) -> bool {
    match ty {
        Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == "RawNotification" && last.arguments.is_none()),
        _ => false,
    }
}

// The same error collector as the Xml derive's: every error reported together.
pub(crate) use crate::ctxt::Errors;

/// Parses the input and generates the impl, or the collected errors.
pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let dispatch = parse::parse(input, &mut errors);
    match (errors.finish(), dispatch) {
        (Ok(()), Some(dispatch)) => expand::expand(&dispatch),
        (Err(err), _) => err.to_compile_error(),
        (Ok(()), None) => syn::Error::new_spanned(
            &input.ident,
            "#[derive(Notification)] could not read this type",
        )
        .to_compile_error(),
    }
}
