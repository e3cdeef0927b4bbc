//! `Describe`: the constant description of a type's elements (`ivr_xml::describe`), which the
//! validator and the policy read instead of lists of names of their own.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{LitStr, Type};

use super::{bounded, Impl};
use crate::ir::{Absent, Container, Field, Known, Role, Variant};

/// `Option<&'static str>` of an optional string literal.
fn optional(lit: Option<&LitStr>) -> TokenStream {
    match lit {
        Some(lit) => quote!(::core::option::Option::Some(#lit)),
        None => quote!(::core::option::Option::None),
    }
}

/// The kind of a value type (spanned at it: a type that is no `XmlValue` is reported there).
fn kind(value: &Type) -> TokenStream {
    quote_spanned!(value.span()=> <#value as ::ivr_xml::XmlValue>::KIND)
}

/// The attribute descriptions of `fields`, then the `known` ones, kept raw.
fn attributes(fields: &[Field], known: &[Known]) -> Vec<TokenStream> {
    let typed = fields.iter().filter_map(|field| {
        let Role::Attribute {
            name,
            absent,
            value,
        } = &field.role
        else {
            return None;
        };
        let kind = kind(value);
        let required = *absent == Absent::Required;
        let evidence = optional(field.evidence.as_ref());
        Some(quote! {
            ::ivr_xml::describe::AttributeDescription {
                name: #name,
                kind: #kind,
                required: #required,
                typed: true,
                evidence: #evidence,
            }
        })
    });
    let raw = known.iter().map(|known| {
        let name = &known.name;
        let evidence = &known.evidence;
        let kind = match &known.value {
            Some(value) => kind(value),
            None => quote!(::ivr_xml::describe::ValueKind::Text),
        };
        quote! {
            ::ivr_xml::describe::AttributeDescription {
                name: #name,
                kind: #kind,
                required: false,
                typed: false,
                evidence: ::core::option::Option::Some(#evidence),
            }
        }
    });
    typed.chain(raw).collect()
}

/// The inherent `DESCRIPTION` and the `Describe` impl of an element struct.
pub(super) fn element(container: &Container, name: &LitStr, fields: &[Field]) -> TokenStream {
    let ident = &container.ident;
    let generics = bounded(container, fields, Impl::Describe);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let describe = &container.describe;
    let evidence = optional(describe.evidence.as_ref());
    let (main_only, reports_back) = (describe.main_only, describe.reports_back);
    let (wants_failure_path, ends_flow) = (describe.wants_failure_path, describe.ends_flow);
    let attributes = attributes(fields, &describe.known);
    let text = fields
        .iter()
        .find(|f| matches!(f.role, Role::Text))
        .map_or(quote!(::core::option::Option::None), |field| {
            let kind = kind(&field.ty);
            quote!(::core::option::Option::Some(::ivr_xml::describe::TextDescription { kind: #kind }))
        });
    let children = fields.iter().filter_map(|field| {
        let (inner, required, repeated) = match &field.role {
            Role::Child { inner, optional } => (inner, !optional, false),
            Role::Children { inner, .. } => (inner, false, true),
            _ => return None,
        };
        let elements =
            quote_spanned!(inner.span()=> <#inner as ::ivr_xml::describe::Describe>::ELEMENTS);
        Some(quote! {
            ::ivr_xml::describe::ChildDescription {
                elements: #elements,
                required: #required,
                repeated: #repeated,
            }
        })
    });
    let keeps = fields.iter().any(|f| matches!(f.role, Role::Extra));
    let doc = format!(
        "`<{}>` as the parser reads it and the writer writes it: see [`ivr_xml::describe`](::ivr_xml::describe).",
        name.value()
    );
    quote! {
        #[automatically_derived]
        impl #impl_generics #ident #ty_generics #where_clause {
            #[doc = #doc]
            pub const DESCRIPTION: ::ivr_xml::describe::ElementDescription =
                ::ivr_xml::describe::ElementDescription {
                    name: #name,
                    evidence: #evidence,
                    main_only: #main_only,
                    reports_back: #reports_back,
                    wants_failure_path: #wants_failure_path,
                    ends_flow: #ends_flow,
                    attributes: &[#(#attributes),*],
                    text: #text,
                    children: &[#(#children),*],
                    keeps_unknown_attributes: #keeps,
                };
        }

        #[automatically_derived]
        impl #impl_generics ::ivr_xml::describe::Describe for #ident #ty_generics #where_clause {
            const ELEMENTS: &'static [&'static ::ivr_xml::describe::ElementDescription] =
                &[&Self::DESCRIPTION];
        }
    }
}

/// A struct that flattens another element type: that element, with this struct's attributes
/// after its own (flattening structs have no type parameters).
pub(super) fn flattened(container: &Container, fields: &[Field]) -> TokenStream {
    let ident = &container.ident;
    let Some(base) = fields.iter().find(|f| matches!(f.role, Role::Flatten)) else {
        return TokenStream::new();
    };
    let base = &base.ty;
    // Through `Flatten`, whose bound the flattening code already needs: a type that cannot be
    // flattened is reported once.
    let base = quote_spanned!(base.span()=> <#base as ::ivr_xml::__private::Flatten>::DESCRIPTION);
    let own = attributes(fields, &[]);
    quote! {
        #[automatically_derived]
        impl #ident {
            /// The flattened element with this type's attributes added: see
            /// [`ivr_xml::describe`](::ivr_xml::describe).
            pub const DESCRIPTION: ::ivr_xml::describe::ElementDescription = {
                const BASE: &::ivr_xml::describe::ElementDescription = #base;
                const PARTS: &[&[::ivr_xml::describe::AttributeDescription]] =
                    &[BASE.attributes, &[#(#own),*]];
                const ATTRIBUTES: [::ivr_xml::describe::AttributeDescription;
                    ::ivr_xml::describe::total_len(PARTS)] =
                    ::ivr_xml::describe::concat_attributes(PARTS);
                ::ivr_xml::describe::ElementDescription {
                    attributes: &ATTRIBUTES,
                    ..*BASE
                }
            };
        }

        #[automatically_derived]
        impl ::ivr_xml::describe::Describe for #ident {
            const ELEMENTS: &'static [&'static ::ivr_xml::describe::ElementDescription] =
                &[&#ident::DESCRIPTION];
        }
    }
}

/// An enum of alternatives: its variants' elements in order (not the catch-all's), then the
/// `known` elements its catch-all keeps raw (enums have no type parameters).
pub(super) fn alternatives(container: &Container, variants: &[Variant]) -> TokenStream {
    let ident = &container.ident;
    let parts = variants.iter().filter(|v| !v.other).map(|variant| {
        let ty = &variant.ty;
        quote_spanned!(ty.span()=> <#ty as ::ivr_xml::describe::Describe>::ELEMENTS)
    });
    let known = container.describe.known.iter().map(|known| {
        let (name, evidence) = (&known.name, &known.evidence);
        quote! {
            &::ivr_xml::describe::ElementDescription {
                name: #name,
                evidence: ::core::option::Option::Some(#evidence),
                main_only: false,
                reports_back: false,
                wants_failure_path: false,
                ends_flow: false,
                attributes: &[],
                text: ::core::option::Option::None,
                children: &[],
                keeps_unknown_attributes: true,
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl ::ivr_xml::describe::Describe for #ident {
            const ELEMENTS: &'static [&'static ::ivr_xml::describe::ElementDescription] = {
                const PARTS: &[&[&::ivr_xml::describe::ElementDescription]] =
                    &[#(#parts,)* &[#(#known),*]];
                const ALL: [&::ivr_xml::describe::ElementDescription;
                    ::ivr_xml::describe::total_len(PARTS)] =
                    ::ivr_xml::describe::concat_elements(PARTS);
                &ALL
            };
        }
    }
}
