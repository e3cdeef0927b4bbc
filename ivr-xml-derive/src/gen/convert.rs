//! `#[xml(from = W)]` / `#[xml(try_from = W)]` and `#[xml(into = W)]`: a struct that is another
//! derived type's element. The parser reads `W` and converts it (`From`, or `TryFrom` with its
//! error reported at the element); the writer converts `&Self` into the `into` type, which may
//! borrow from `self`, and writes that; the description is the `from` type's.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Type;

use crate::ir::{Container, FromForm};

pub(super) fn converted(container: &Container, from: &FromForm, into: &Type) -> TokenStream {
    let ident = &container.ident;
    let user_check = super::write::user_check(container);
    let (wire, convert, convert_fast) = match from {
        FromForm::From(wire) => (
            wire,
            quote_spanned! {wire.span()=>
                ::core::result::Result::Ok(<Self as ::core::convert::From<#wire>>::from(__wire))
            },
            quote_spanned! {wire.span()=>
                ::core::result::Result::Ok(<Self as ::core::convert::From<#wire>>::from(__wire))
            },
        ),
        FromForm::TryFrom(wire) => (
            wire,
            quote_spanned! {wire.span()=>
                <Self as ::core::convert::TryFrom<#wire>>::try_from(__wire).map_err(|__err| {
                    let __err: ::ivr_xml::ValueError = ::core::convert::Into::into(__err);
                    __cx.error(::ivr_xml::ErrorKind::InvalidValue(__err), __element.offset())
                })
            },
            quote_spanned! {wire.span()=>
                <Self as ::core::convert::TryFrom<#wire>>::try_from(__wire)
                    .map_err(|_| ::ivr_xml::__private::Bail)
            },
        ),
    };
    let from_xml = quote_spanned! {wire.span()=> <#wire as ::ivr_xml::FromXml>};
    let to_wire = quote_spanned! {into.span()=>
        let __wire: #into = ::core::convert::From::from(self);
    };
    let name_error = format!(
        "`{}`'s element name is its `from` type's, which must be one element",
        ident
    );
    let to_xml = super::write::to_xml_impl(
        ident,
        &syn::Generics::default(),
        &quote! {
            #to_wire
            ::ivr_xml::ToXml::write_xml(&__wire, __writer)
        },
        &quote! {
            #to_wire
            ::ivr_xml::ToXml::check(&__wire)?;
            #user_check
            ::core::result::Result::Ok(())
        },
        &quote! {
            const __NAME: &str = match <#ident as ::ivr_xml::describe::Describe>::ELEMENTS {
                [__one] => __one.name,
                _ => ::core::panic!(#name_error),
            };
            __NAME
        },
    );
    quote! {
        #to_xml

        #[automatically_derived]
        impl ::ivr_xml::FromXml for #ident {
            fn matches_element(__name: &str) -> bool {
                #from_xml::matches_element(__name)
            }

            fn expected_elements(__out: &mut ::std::vec::Vec<&'static str>) {
                #from_xml::expected_elements(__out)
            }

            fn keeps_unknown_elements() -> bool {
                #from_xml::keeps_unknown_elements()
            }

            fn from_element(
                __element: &::ivr_xml::de::Element<'_>,
                __cx: &mut ::ivr_xml::__private::ParseContext<'_>,
            ) -> ::core::result::Result<Self, ::ivr_xml::ParseError> {
                let __wire = #from_xml::from_element(__element, __cx)?;
                #convert
            }

            fn from_events<'__a>(
                __start: &::ivr_xml::__private::FastStart<'__a>,
                __reader: &mut ::ivr_xml::__private::FastReader<'__a>,
            ) -> ::core::result::Result<Self, ::ivr_xml::__private::Bail> {
                let __wire = #from_xml::from_events(__start, __reader)?;
                #convert_fast
            }
        }

        #[automatically_derived]
        impl ::ivr_xml::describe::Describe for #ident {
            const ELEMENTS: &'static [&'static ::ivr_xml::describe::ElementDescription] =
                <#wire as ::ivr_xml::describe::Describe>::ELEMENTS;
        }
    }
}
