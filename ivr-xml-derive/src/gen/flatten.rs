//! `#[xml(flatten)]`: the `Flatten` impl of an attributes-only element type, and the `ToXml` and
//! `FromXml` of a struct that flattens one.
//!
//! The flattened type drives both directions: its writer calls back for the flattening struct's
//! attributes after its own (before its raw attributes), and its parser offers the flattening
//! struct every attribute it does not know, so errors are located as the type's own.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::LitStr;

use super::write::attribute_writes;
use crate::ir::{Absent, Container, Field, Role};

/// The `__private::Flatten` impl of an element type whose fields are attributes (no content), so
/// that another struct can `#[xml(flatten)]` it; none for other types (a flatten of one is
/// refused by the trait bound).
pub(super) fn flatten_impl(container: &Container, name: &LitStr, fields: &[Field]) -> TokenStream {
    let has_content = fields.iter().any(|f| {
        matches!(
            f.role,
            Role::Text | Role::Child { .. } | Role::Children { .. }
        )
    });
    if has_content || !container.generics.params.is_empty() {
        return quote! {};
    }
    let ident = &container.ident;
    let attributes = attribute_writes(fields);
    let extra = fields.iter().find(|f| matches!(f.role, Role::Extra));
    let (write_extra, extra_slice) = match extra {
        Some(field) => {
            let member = &field.member;
            (
                quote! { __writer.raw_attributes(&self.#member)?; },
                quote! { &self.#member },
            )
        }
        None => (quote! {}, quote! { &[] }),
    };
    let parser = super::parse::element_parser(name, fields, true);
    quote! {
        #[automatically_derived]
        impl ::ivr_xml::__private::Flatten for #ident {
            const DESCRIPTION: &'static ::ivr_xml::describe::ElementDescription = &#ident::DESCRIPTION;

            fn write_flattened<__S, __F>(
                &self,
                __writer: &mut ::ivr_xml::__private::XmlWriter<'_, __S>,
                __outer: __F,
            ) -> ::core::result::Result<(), __S::Error>
            where
                __S: ::ivr_xml::Sink + ?Sized,
                __F: ::core::ops::FnOnce(&mut ::ivr_xml::__private::XmlWriter<'_, __S>) -> ::core::result::Result<(), __S::Error>,
            {
                __writer.open_tag(#name)?;
                #attributes
                __outer(__writer)?;
                #write_extra
                __writer.close_empty()
            }

            fn parse_flattened<__F>(
                __element: &::ivr_xml::de::Element<'_>,
                __cx: &mut ::ivr_xml::__private::ParseContext<'_>,
                __outer_names: &[&'static str],
                mut __outer: __F,
            ) -> ::core::result::Result<Self, ::ivr_xml::ParseError>
            where
                __F: ::core::ops::FnMut(
                    &::ivr_xml::de::Attribute<'_>,
                    &mut ::ivr_xml::__private::ParseContext<'_>,
                ) -> ::core::result::Result<bool, ::ivr_xml::ParseError>,
            {
                #parser
            }

            fn flattened_extra(&self) -> &[::ivr_xml::RawAttribute] {
                #extra_slice
            }
        }
    }
}

/// `ToXml` and `FromXml` of a struct with an `#[xml(flatten)]` field (checked by `check`: one
/// such field, the others attributes, pending or skipped, no type parameters).
pub(super) fn flattening(container: &Container, fields: &[Field]) -> TokenStream {
    let ident = &container.ident;
    let Some(flat) = fields.iter().find(|f| matches!(f.role, Role::Flatten)) else {
        return quote! {};
    };
    let (flat_member, flat_ty) = (&flat.member, &flat.ty);
    let flatten_trait =
        quote_spanned! {flat_ty.span()=> <#flat_ty as ::ivr_xml::__private::Flatten> };
    let attributes = attribute_writes(fields);
    let user_check = super::write::user_check(container);
    let own: Vec<(&Field, &LitStr, &syn::Type)> = fields
        .iter()
        .filter_map(|f| match &f.role {
            Role::Attribute { name, value, .. } => Some((f, name, value)),
            _ => None,
        })
        .collect();
    let names: Vec<&LitStr> = own.iter().map(|(_, name, _)| *name).collect();
    let known = own.iter().map(|(field, name, _)| {
        let path = LitStr::new(
            &format!(
                "{}::{}",
                syn::ext::IdentExt::unraw(ident),
                crate::check::member_name(&field.member)
            ),
            name.span(),
        );
        quote! { (#name, #path) }
    });
    let locals: Vec<syn::Ident> = own
        .iter()
        .map(|(field, _, _)| {
            quote::format_ident!("__field_{}", crate::check::member_name(&field.member))
        })
        .collect();
    let arms = own.iter().zip(&locals).map(|((_, name, value), local)| {
        let parse = quote_spanned! {value.span()=> __cx.attribute::<#value>(__attribute)? };
        quote! {
            #name => {
                #local = ::core::option::Option::Some(#parse);
                ::core::result::Result::Ok(true)
            }
        }
    });
    let pending_checks = fields.iter().filter_map(|field| {
        let member = &field.member;
        matches!(field.role, Role::Pending).then(|| {
            quote_spanned! {field.ty.span()=>
                ::ivr_xml::PendingError::check(&self.#member)?;
            }
        })
    });
    let initializers = fields.iter().map(|field| {
        let member = &field.member;
        let value = match &field.role {
            Role::Flatten => quote! { __flattened },
            Role::Attribute { name, absent, value } => {
                let local =
                    quote::format_ident!("__field_{}", crate::check::member_name(&field.member));
                match absent {
                    Absent::Optional => quote! { #local },
                    Absent::Default => quote_spanned! {value.span()=>
                        ::core::option::Option::<#value>::unwrap_or_default(#local)
                    },
                    Absent::Required => quote! {
                        match #local {
                            ::core::option::Option::Some(__value) => __value,
                            ::core::option::Option::None => {
                                return ::core::result::Result::Err(__cx.missing_attribute(__element, #name));
                            }
                        }
                    },
                }
            }
            _ => {
                let ty = &field.ty;
                quote_spanned! {ty.span()=> <#ty as ::core::default::Default>::default() }
            }
        };
        quote! { #member: #value, }
    });
    let to_xml = super::write::to_xml_impl(
        ident,
        &syn::Generics::default(),
        &quote! {
            #flatten_trait::write_flattened(&self.#flat_member, __writer, |__writer| {
                #attributes
                ::core::result::Result::Ok(())
            })
        },
        &quote! {
            #(#pending_checks)*
            ::ivr_xml::ToXml::check(&self.#flat_member)?;
            // This struct's attributes are written among the flattened type's raw ones: a raw
            // one of such a name would be written twice, or read back into the field.
            ::ivr_xml::RawAttribute::check_extra(
                ::ivr_xml::ToXml::element_name(&self.#flat_member),
                &[#(#known),*],
                #flatten_trait::flattened_extra(&self.#flat_member),
            )?;
            #user_check
            ::core::result::Result::Ok(())
        },
        &quote! { ::ivr_xml::ToXml::element_name(&self.#flat_member) },
    );
    quote! {
        #to_xml

        #[automatically_derived]
        impl ::ivr_xml::FromXml for #ident {
            fn matches_element(__name: &str) -> bool {
                <#flat_ty as ::ivr_xml::FromXml>::matches_element(__name)
            }

            fn expected_elements(__out: &mut ::std::vec::Vec<&'static str>) {
                <#flat_ty as ::ivr_xml::FromXml>::expected_elements(__out)
            }

            fn from_element(
                __element: &::ivr_xml::de::Element<'_>,
                __cx: &mut ::ivr_xml::__private::ParseContext<'_>,
            ) -> ::core::result::Result<Self, ::ivr_xml::ParseError> {
                #(let mut #locals = ::core::option::Option::None;)*
                let __flattened = #flatten_trait::parse_flattened(
                    __element,
                    __cx,
                    &[#(#names),*],
                    |__attribute, __cx| match __attribute.name() {
                        #(#arms)*
                        _ => ::core::result::Result::Ok(false),
                    },
                )?;
                ::core::result::Result::Ok(Self {
                    #(#initializers)*
                })
            }
        }
    }
}
