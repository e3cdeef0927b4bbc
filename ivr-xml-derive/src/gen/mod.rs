//! Code generation from the IR: straight-line writers and parsers against `::ivr_xml`'s runtime.
//!
//! `write` generates `ToXml` (the writer and `check`), `parse` generates `FromXml`, and
//! `builder` the builders; this module puts the pieces of one type together.

mod builder;
mod parse;
mod write;

use proc_macro2::TokenStream;
use quote::quote;
use syn::LitStr;

use crate::ir::{Container, Field, Shape, Variant};

pub(crate) fn expand(container: &Container) -> TokenStream {
    match &container.shape {
        Shape::Element { name, fields } => expand_element(container, name, fields),
        Shape::Alternatives { variants } => expand_alternatives(container, variants),
    }
}

// Code that needs a bound on a field's type (`XmlValue`, `ToXml`, `FromXml`, `Default`) is
// spanned at that type, so that a missing impl is reported at the field, not at the derive.

fn expand_element(container: &Container, name: &LitStr, fields: &[Field]) -> TokenStream {
    let to_xml = write::element(container, name, fields);
    let from_xml = parse::element(container, name, fields);
    quote! {
        #to_xml
        #from_xml
    }
}

fn expand_alternatives(container: &Container, variants: &[Variant]) -> TokenStream {
    let ident = &container.ident;
    let to_xml = write::alternatives(container, variants);
    let from_xml = parse::alternatives(container, variants);
    let from_impls = variants.iter().map(|variant| {
        let (vident, ty) = (&variant.ident, &variant.ty);
        quote! {
            #[automatically_derived]
            impl ::core::convert::From<#ty> for #ident {
                fn from(value: #ty) -> Self {
                    #ident::#vident(value)
                }
            }
        }
    });
    quote! {
        #to_xml
        #from_xml
        #(#from_impls)*
    }
}
