//! `#[derive(Notification)]`: an application's enum of expected notifications, chosen by the
//! request's path segment.
//!
//! Attribute parsing ([`parse`]) reads `#[notification(...)]` into the small model below,
//! collecting every error with its span; code generation ([`expand`]) only sees a valid model.

mod expand;
mod parse;

use proc_macro2::TokenStream;
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident, LitStr, Type};

/// An enum deriving `Notification`.
pub(crate) struct Dispatch {
    pub(crate) ident: Ident,
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

/// Collects errors so that all of them are reported together.
#[derive(Default)]
pub(crate) struct Errors(Vec<syn::Error>);

impl Errors {
    pub(crate) fn push(&mut self, span: impl Spanned, message: impl std::fmt::Display) {
        self.0.push(syn::Error::new(span.span(), message));
    }

    pub(crate) fn push_error(&mut self, error: syn::Error) {
        self.0.push(error);
    }

    fn finish(self) -> Result<(), syn::Error> {
        let mut errors = self.0.into_iter();
        match errors.next() {
            None => Ok(()),
            Some(mut first) => {
                errors.for_each(|e| first.combine(e));
                Err(first)
            }
        }
    }
}

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
