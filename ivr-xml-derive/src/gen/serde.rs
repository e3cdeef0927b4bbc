//! `#[xml(serde)]`: `Serialize` + `Deserialize` through the XML mapping itself.
//!
//! The impls only call `::ivr_xml::__private::serde_element`, which writes the element and reads
//! it back (serializing), or builds the element and parses it (deserializing): the field list,
//! the names and every check stay the XML mapping's, so JSON cannot drift from it. A struct (or
//! a struct that flattens one) is its element's body; an enum is its element tagged by name.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Container, Shape};

/// The two impls, or nothing when the type does not ask for them.
pub(super) fn impls(container: &Container) -> TokenStream {
    if !container.serde {
        return TokenStream::new();
    }
    let ident = &container.ident;
    let (serialize, deserialize) = match &container.shape {
        Shape::Alternatives { variants } => match variants.iter().find(|v| v.other) {
            // The catch-all variant takes what no other does: read as its type and wrapped.
            Some(other) => {
                let vident = &other.ident;
                (
                    quote!(serialize_alternative),
                    quote!(deserialize_alternative_or(deserializer, #ident::#vident)),
                )
            }
            None => (
                quote!(serialize_alternative),
                quote!(deserialize_alternative(deserializer)),
            ),
        },
        Shape::Element { .. } | Shape::Flattened { .. } | Shape::Converted { .. } => (
            quote!(serialize_element),
            quote!(deserialize_element(deserializer)),
        ),
    };
    // Type parameters need what the functions need of the whole type.
    let mut ser_generics = container.generics.clone();
    let mut de_generics = container.generics.clone();
    let (_, ty_generics, _) = container.generics.split_for_impl();
    if !container.generics.params.is_empty() {
        ser_generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(#ident #ty_generics: ::ivr_xml::ToXml));
        de_generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(#ident #ty_generics: ::ivr_xml::FromXml));
    }
    let (ser_impl, _, ser_where) = ser_generics.split_for_impl();
    let de_params = de_generics.params.iter();
    let de_where = &de_generics.where_clause;
    quote! {
        #[automatically_derived]
        impl #ser_impl ::ivr_xml::__private::serde::Serialize for #ident #ty_generics #ser_where {
            fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: ::ivr_xml::__private::serde::Serializer,
            {
                ::ivr_xml::__private::serde_element::#serialize(self, serializer)
            }
        }

        #[automatically_derived]
        impl<'de, #(#de_params),*> ::ivr_xml::__private::serde::Deserialize<'de> for #ident #ty_generics #de_where {
            fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: ::ivr_xml::__private::serde::Deserializer<'de>,
            {
                ::ivr_xml::__private::serde_element::#deserialize
            }
        }
    }
}
