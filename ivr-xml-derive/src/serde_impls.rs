//! The `serde` option of `#[derive(XmlValue)]`, `#[derive(Message)]` and
//! `#[derive(Notification)]` (and `#[derive(XmlValueSerde)]`): `Serialize` + `Deserialize` that
//! each call one function of `ivr_xml::__private::serde_support`, where the format's rules are
//! written once. The generated code names the crate's `serde`, so a deriving crate needs no
//! `serde` of its own.

use proc_macro2::TokenStream;
use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::Ident;

use crate::ctxt::{unknown_option, Errors};

/// Reads the option `serde` (its name already matched): `true`, or an error (and `false`) when
/// a value follows it.
pub(crate) fn read_flag(meta: &ParseNestedMeta<'_>, errors: &mut Errors) -> syn::Result<bool> {
    if meta.input.is_empty() || meta.input.peek(syn::Token![,]) {
        Ok(true)
    } else {
        unknown_option(meta, errors, "`serde` takes no value: write `serde`")?;
        Ok(false)
    }
}

/// The two impls for `ident`, forwarding to `serde_support::#serialize(self, serializer)` and
/// `serde_support::#deserialize(deserializer)`.
pub(crate) fn forward(
    ident: &Ident,
    serialize: TokenStream,
    deserialize: TokenStream,
) -> TokenStream {
    quote! {
        #[automatically_derived]
        impl ::ivr_xml::__private::serde::Serialize for #ident {
            fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: ::ivr_xml::__private::serde::Serializer,
            {
                ::ivr_xml::__private::serde_support::#serialize(self, serializer)
            }
        }

        #[automatically_derived]
        impl<'de> ::ivr_xml::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<#ident, __D::Error>
            where
                __D: ::ivr_xml::__private::serde::Deserializer<'de>,
            {
                ::ivr_xml::__private::serde_support::#deserialize(deserializer)
            }
        }
    }
}
