//! Code generation from the IR: straight-line writers and parsers against `::ivr_xml`'s runtime.
//!
//! `write` generates `ToXml` (the writer and `check`), `parse` generates `FromXml`, and
//! `builder` the builders; this module puts the pieces of one type together.

mod builder;
mod convert;
mod describe;
mod flatten;
mod parse;
mod serde;
mod stream;
mod write;

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::{Generics, Ident, LitStr, Type, WherePredicate};

use crate::ir::{Absent, Container, Field, Role, Shape, Variant};

pub(crate) fn expand(container: &Container) -> TokenStream {
    let serde = serde::impls(container);
    let mapping = match &container.shape {
        Shape::Element {
            name,
            fields,
            empty,
        } => expand_element(container, name, fields, *empty),
        Shape::Converted { from, into } => convert::converted(container, from, into),
        Shape::Alternatives { variants } => expand_alternatives(container, variants),
        Shape::Flattened { fields } => {
            let impls = flatten::flattening(container, fields);
            let setters = builder::setters(container, fields);
            let describe = describe::flattened(container, fields);
            quote! {
                #impls
                #setters
                #describe
            }
        }
    };
    quote! {
        #mapping
        #serde
    }
}

// Code that needs a bound on a field's type (`XmlValue`, `ToXml`, `FromXml`, `Default`) is
// spanned at that type, so that a missing impl is reported at the field, not at the derive.

fn expand_element(
    container: &Container,
    name: &LitStr,
    fields: &[Field],
    empty: crate::ir::EmptyForm,
) -> TokenStream {
    let to_xml = write::element(container, name, fields, empty);
    let from_xml = parse::element(container, name, fields);
    let flatten = flatten::flatten_impl(container, name, fields);
    let setters = builder::setters(container, fields);
    let describe = describe::element(container, name, fields);
    quote! {
        #to_xml
        #from_xml
        #flatten
        #setters
        #describe
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
    let describe = describe::alternatives(container, variants);
    quote! {
        #to_xml
        #from_xml
        #(#from_impls)*
        #describe
    }
}

/// Which impl a set of bounds is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Impl {
    /// `ToXml`: the writer and `check`.
    Write,
    /// `FromXml`: the parser.
    Parse,
    /// `Describe`: the description.
    Describe,
}

/// The type's generics with, for each field whose type names a type parameter, the bound its
/// role needs in `which` impl (`XmlValue` for values, `ToXml` or `FromXml` for elements,
/// `Default` for what parsing fills in): `Response<C>` gets `where C: ToXml`.
pub(super) fn bounded(container: &Container, fields: &[Field], which: Impl) -> Generics {
    let mut generics = container.generics.clone();
    let params: Vec<Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    if params.is_empty() {
        return generics;
    }
    let nested = fields
        .iter()
        .filter(|f| matches!(f.role, Role::Child { .. } | Role::Children { .. }))
        .count();
    let mut predicates: Vec<WherePredicate> = Vec::new();
    let mut bound = |ty: &Type, bound: TokenStream| {
        if mentions(ty.to_token_stream(), &params) {
            predicates.push(syn::parse_quote!(#ty: #bound));
        }
    };
    for field in fields {
        match (&field.role, which) {
            (Role::Attribute { value, absent, .. }, _) => {
                bound(value, quote!(::ivr_xml::XmlValue));
                if *absent == Absent::Default && which == Impl::Parse {
                    bound(value, quote!(::core::default::Default));
                }
            }
            (Role::Text, _) => bound(&field.ty, quote!(::ivr_xml::XmlValue)),
            (Role::Child { inner, .. } | Role::Children { inner, .. }, Impl::Write) => {
                bound(inner, quote!(::ivr_xml::ToXml));
                // `check` asks the parser where each child would read back.
                if nested > 1 {
                    bound(inner, quote!(::ivr_xml::FromXml));
                }
            }
            (Role::Child { inner, .. } | Role::Children { inner, .. }, Impl::Parse) => {
                bound(inner, quote!(::ivr_xml::FromXml));
            }
            (Role::Child { inner, .. } | Role::Children { inner, .. }, Impl::Describe) => {
                bound(inner, quote!(::ivr_xml::describe::Describe));
            }
            (Role::Pending | Role::Skip, Impl::Parse) => {
                bound(&field.ty, quote!(::core::default::Default));
            }
            (Role::Extra | Role::Pending | Role::Skip | Role::Flatten, _) => {}
        }
    }
    generics.make_where_clause().predicates.extend(predicates);
    generics
}

/// Whether `tokens` name one of `params`.
fn mentions(tokens: TokenStream, params: &[Ident]) -> bool {
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => params.contains(&ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}
