//! `FromXml::from_events`: the strict parser's fast path, typed straight from the input's tokens
//! (`ivr_xml::de::fast`). It takes exactly what `parse.rs`'s `from_element` takes in strict mode
//! and builds the same value; anything else (an unknown attribute or child, a missing one, a
//! value that does not parse) returns `Bail`, and the checked tree path reads the document and
//! reports it.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Member;

use crate::ir::{Absent, Container, Field, Role, Variant};

fn local(member: &Member) -> syn::Ident {
    match member {
        Member::Named(ident) => format_ident!("__field_{}", ident),
        Member::Unnamed(index) => format_ident!("__field_{}", index.index),
    }
}

/// The method of an element struct; none (the trait's default, which bails) for a struct that
/// flattens another, whose parser is `flatten.rs`'s.
pub(super) fn element(fields: &[Field]) -> TokenStream {
    if fields.iter().any(|f| matches!(f.role, Role::Flatten)) {
        return quote! {};
    }
    let bail = quote! { ::core::result::Result::Err(::ivr_xml::__private::Bail) };

    let declarations = fields.iter().map(|field| {
        let local = local(&field.member);
        match &field.role {
            Role::Attribute { .. } | Role::Child { .. } => {
                quote! { let mut #local = ::core::option::Option::None; }
            }
            Role::Children { all: true, .. } => quote! {
                let mut #local = ::std::vec::Vec::with_capacity(__reader.children_hint(__start));
            },
            Role::Children { .. } => quote! { let mut #local = ::std::vec::Vec::new(); },
            // Strict parsing keeps no unknown attribute: an unknown one bails out.
            Role::Extra => quote! { let #local = ::std::vec::Vec::new(); },
            Role::Text | Role::Pending | Role::Skip | Role::Flatten => quote! {},
        }
    });

    let attribute_arms = fields.iter().filter_map(|field| match &field.role {
        Role::Attribute { name, value, .. } => {
            let local = local(&field.member);
            let parse = quote_spanned! {value.span()=>
                (&::ivr_xml::__private::FastValue::<#value>::new()).fast_parse(::core::mem::take(__value))?
            };
            Some(quote! { #name => #local = ::core::option::Option::Some(#parse), })
        }
        _ => None,
    });

    let text_field = fields.iter().find(|f| matches!(f.role, Role::Text));
    let nested: Vec<&Field> = fields
        .iter()
        .filter(|f| matches!(f.role, Role::Child { .. } | Role::Children { .. }))
        .collect();
    let all = nested
        .iter()
        .find(|f| matches!(f.role, Role::Children { all: true, .. }));
    let content = if let Some(field) = all {
        let local = local(&field.member);
        let Role::Children { inner, .. } = &field.role else {
            unreachable!("found as children(all)")
        };
        let parse = quote_spanned! {inner.span()=>
            <#inner as ::ivr_xml::FromXml>::from_events(&__child, __reader)?
        };
        quote! {
            while let ::core::option::Option::Some(__child) = __reader.next_child(__start)? {
                #local.push(#parse);
            }
        }
    } else if let Some(field) = text_field {
        let local = local(&field.member);
        let ty = &field.ty;
        let parse = quote_spanned! {ty.span()=>
            (&::ivr_xml::__private::FastValue::<#ty>::new()).fast_parse(__reader.text(__start)?)?
        };
        quote! { let #local = #parse; }
    } else if nested.is_empty() {
        quote! { __reader.no_content(__start)?; }
    } else {
        let arms = nested.iter().map(|field| {
            let local = local(&field.member);
            let inner = match &field.role {
                Role::Child { inner, .. } | Role::Children { inner, .. } => inner,
                _ => &field.ty,
            };
            let parse = quote_spanned! {inner.span()=>
                <#inner as ::ivr_xml::FromXml>::from_events(&__child, __reader)?
            };
            let store = match &field.role {
                Role::Children { .. } => quote! { #local.push(#parse); },
                _ => quote! {
                    if #local.is_some() {
                        return #bail;
                    }
                    #local = ::core::option::Option::Some(#parse);
                },
            };
            quote! {
                if <#inner as ::ivr_xml::FromXml>::matches_element(__child.name()) {
                    #store
                    continue;
                }
            }
        });
        quote! {
            while let ::core::option::Option::Some(__child) = __reader.next_child(__start)? {
                #(#arms)*
                return #bail;
            }
        }
    };

    let initializers = fields.iter().map(|field| {
        let member = &field.member;
        let local = local(&field.member);
        let value = match &field.role {
            Role::Attribute {
                absent: Absent::Optional,
                ..
            }
            | Role::Children { .. }
            | Role::Extra
            | Role::Text
            | Role::Child { optional: true, .. } => quote! { #local },
            Role::Attribute {
                absent: Absent::Default,
                value,
                ..
            } => quote_spanned! {value.span()=>
                ::core::option::Option::<#value>::unwrap_or_default(#local)
            },
            Role::Attribute {
                absent: Absent::Required,
                ..
            }
            | Role::Child {
                optional: false, ..
            } => quote! {
                match #local {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => return #bail,
                }
            },
            Role::Pending | Role::Skip | Role::Flatten => {
                let ty = &field.ty;
                quote_spanned! {ty.span()=> <#ty as ::core::default::Default>::default() }
            }
        };
        quote! { #member: #value, }
    });

    quote! {
        fn from_events<'__a>(
            __start: &::ivr_xml::__private::FastStart<'__a>,
            __reader: &mut ::ivr_xml::__private::FastReader<'__a>,
        ) -> ::core::result::Result<Self, ::ivr_xml::__private::Bail> {
            // A field type that is not a value bails out here: the tree path's code reports it.
            #[allow(unused_imports)]
            use ::ivr_xml::__private::{FastValueFallback as _, FastValueParse as _};
            #(#declarations)*
            for (__name, __value) in __reader.attributes(__start)?.iter_mut() {
                match *__name {
                    #(#attribute_arms)*
                    _ => return #bail,
                }
            }
            #content
            ::core::result::Result::Ok(Self {
                #(#initializers)*
            })
        }
    }
}

/// The method of an enum: the variant whose type takes the element's name parses it; an
/// element no named variant takes (an `#[xml(other)]` one's, or an error) bails out.
pub(super) fn alternatives(container: &Container, named: &[&Variant]) -> TokenStream {
    let ident = &container.ident;
    let arms = named.iter().map(|variant| {
        let (vident, ty) = (&variant.ident, &variant.ty);
        quote! {
            if <#ty as ::ivr_xml::FromXml>::matches_element(__start.name()) {
                return <#ty as ::ivr_xml::FromXml>::from_events(__start, __reader).map(#ident::#vident);
            }
        }
    });
    quote! {
        fn from_events<'__a>(
            __start: &::ivr_xml::__private::FastStart<'__a>,
            __reader: &mut ::ivr_xml::__private::FastReader<'__a>,
        ) -> ::core::result::Result<Self, ::ivr_xml::__private::Bail> {
            #(#arms)*
            ::core::result::Result::Err(::ivr_xml::__private::Bail)
        }
    }
}
