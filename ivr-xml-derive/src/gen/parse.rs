//! `FromXml`: the strict (and lenient) parser.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{LitStr, Member};

use crate::ir::{Absent, Container, Field, Role, Variant};

pub(super) fn element(container: &Container, name: &LitStr, fields: &[Field]) -> TokenStream {
    let ident = &container.ident;
    let parser = element_parser(name, fields, false);
    let fast = super::stream::element(fields);
    let generics = super::bounded(container, fields, super::Impl::Parse);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::ivr_xml::FromXml for #ident #ty_generics #where_clause {
            fn matches_element(__name: &str) -> bool {
                __name == #name
            }

            fn expected_elements(__out: &mut ::std::vec::Vec<&'static str>) {
                __out.push(#name);
            }

            fn from_element(
                __element: &::ivr_xml::de::Element<'_>,
                __cx: &mut ::ivr_xml::__private::ParseContext<'_>,
            ) -> ::core::result::Result<Self, ::ivr_xml::ParseError> {
                #parser
            }

            #fast
        }
    }
}

pub(super) fn alternatives(container: &Container, variants: &[Variant]) -> TokenStream {
    let ident = &container.ident;
    let named: Vec<&Variant> = variants.iter().filter(|v| !v.other).collect();
    let other = variants.iter().find(|v| v.other);
    let named_types: Vec<_> = named.iter().map(|v| &v.ty).collect();
    let fast = super::stream::alternatives(container, &named);

    let parse_arms = named.iter().map(|variant| {
        let (vident, ty) = (&variant.ident, &variant.ty);
        let parse = match other {
            Some(other) => {
                let (oident, oty) = (&other.ident, &other.ty);
                quote! {
                    return match <#ty as ::ivr_xml::FromXml>::from_element(__element, __cx) {
                        ::core::result::Result::Ok(__value) => ::core::result::Result::Ok(#ident::#vident(__value)),
                        ::core::result::Result::Err(__err) if __cx.is_lenient() => {
                            __cx.warn(__err);
                            <#oty as ::ivr_xml::FromXml>::from_element(__element, __cx).map(#ident::#oident)
                        }
                        ::core::result::Result::Err(__err) => ::core::result::Result::Err(__err),
                    };
                }
            }
            None => quote! {
                return <#ty as ::ivr_xml::FromXml>::from_element(__element, __cx).map(#ident::#vident);
            },
        };
        quote! {
            if <#ty as ::ivr_xml::FromXml>::matches_element(__element.name()) {
                #parse
            }
        }
    });
    let fallback = match other {
        Some(other) => {
            let (oident, oty) = (&other.ident, &other.ty);
            quote! {
                let __err = __cx.unknown_element(__element, ::ivr_xml::de::expected_of::<Self>());
                __cx.lenient_or_fail(__err)?;
                <#oty as ::ivr_xml::FromXml>::from_element(__element, __cx).map(#ident::#oident)
            }
        }
        None => {
            // In lenient mode a variant whose type keeps unknown elements raw takes the rest.
            let keeping = named.iter().map(|variant| {
                let (vident, ty) = (&variant.ident, &variant.ty);
                quote! {
                    if __cx.is_lenient() && <#ty as ::ivr_xml::FromXml>::keeps_unknown_elements() {
                        return <#ty as ::ivr_xml::FromXml>::from_element(__element, __cx).map(#ident::#vident);
                    }
                }
            });
            quote! {
                #(#keeping)*
                ::core::result::Result::Err(__cx.unknown_element(__element, ::ivr_xml::de::expected_of::<Self>()))
            }
        }
    };
    let keeps_unknown = if other.is_some() {
        quote! { true }
    } else {
        quote! { false #(|| <#named_types as ::ivr_xml::FromXml>::keeps_unknown_elements())* }
    };
    quote! {
        #[automatically_derived]
        impl ::ivr_xml::FromXml for #ident {
            fn matches_element(__name: &str) -> bool {
                false #(|| <#named_types as ::ivr_xml::FromXml>::matches_element(__name))*
            }

            fn expected_elements(__out: &mut ::std::vec::Vec<&'static str>) {
                #(<#named_types as ::ivr_xml::FromXml>::expected_elements(__out);)*
            }

            fn keeps_unknown_elements() -> bool {
                #keeps_unknown
            }

            fn from_element(
                __element: &::ivr_xml::de::Element<'_>,
                __cx: &mut ::ivr_xml::__private::ParseContext<'_>,
            ) -> ::core::result::Result<Self, ::ivr_xml::ParseError> {
                #(#parse_arms)*
                #fallback
            }

            #fast
        }

    }
}

fn local(member: &Member) -> syn::Ident {
    match member {
        Member::Named(ident) => format_ident!("__field_{}", ident),
        Member::Unnamed(index) => format_ident!("__field_{}", index.index),
    }
}

/// The parser's body. With `flat` (the body of `Flatten::parse_flattened`), an attribute none
/// of the fields takes is offered to the flattening type's `__outer` first, and the expected
/// names of an unknown one are this type's, then `__outer_names`.
pub(super) fn element_parser(name: &LitStr, fields: &[Field], flat: bool) -> TokenStream {
    let attribute_names: Vec<&LitStr> = fields
        .iter()
        .filter_map(|f| match &f.role {
            Role::Attribute { name, .. } => Some(name),
            _ => None,
        })
        .collect();
    let extra_local = fields
        .iter()
        .find(|f| matches!(f.role, Role::Extra))
        .map(|f| local(&f.member));

    // One local per field, filled while reading the element.
    let declarations = fields.iter().map(|field| {
        let local = local(&field.member);
        match &field.role {
            Role::Attribute { .. } | Role::Child { .. } => {
                quote! { let mut #local = ::core::option::Option::None; }
            }
            // Sized once: a long list does not grow (and copy) again and again.
            Role::Children { all: true, .. } => quote! {
                let mut #local = ::std::vec::Vec::with_capacity(__element.child_elements().count());
            },
            Role::Children { .. } | Role::Extra => {
                quote! { let mut #local = ::std::vec::Vec::new(); }
            }
            Role::Text | Role::Pending | Role::Skip | Role::Flatten => quote! {},
        }
    });

    let attribute_arms = fields.iter().filter_map(|field| match &field.role {
        Role::Attribute { name, value, .. } => {
            let local = local(&field.member);
            let parse = quote_spanned! {value.span()=> __cx.attribute::<#value>(__attribute)? };
            Some(quote! { #name => #local = ::core::option::Option::Some(#parse), })
        }
        _ => None,
    });
    let keep_unknown = match &extra_local {
        Some(extra) => quote! { ::core::option::Option::Some(&mut #extra) },
        None => quote! { ::core::option::Option::None },
    };

    let text_field = fields.iter().find(|f| matches!(f.role, Role::Text));
    let nested: Vec<&Field> = fields
        .iter()
        .filter(|f| matches!(f.role, Role::Child { .. } | Role::Children { .. }))
        .collect();
    let all = nested
        .iter()
        .find(|f| matches!(f.role, Role::Children { all: true, .. }));
    let content = if let (Some(field), Role::Children { inner, .. }) =
        (all, all.map(|f| &f.role).unwrap_or(&Role::Skip))
    {
        // Every child element is parsed as `inner`, which reports the ones it does not know.
        let local = local(&field.member);
        let parse = quote_spanned! {inner.span()=> __cx.child::<#inner>(&__child)? };
        quote! {
            for __node in __element.children() {
                match __node {
                    ::ivr_xml::de::Node::Element(__child) => #local.push(#parse),
                    ::ivr_xml::de::Node::Text(__text) => {
                        if !__text.is_blank() {
                            return ::core::result::Result::Err(__cx.unexpected_text(__element, __text));
                        }
                    }
                }
            }
        }
    } else if let Some(field) = text_field {
        let local = local(&field.member);
        let ty = &field.ty;
        let parse = quote_spanned! {ty.span()=> __cx.text::<#ty>(__element)? };
        quote! { let #local = #parse; }
    } else if nested.is_empty() {
        quote! { __cx.no_content(__element)?; }
    } else {
        let expected_types = nested.iter().map(|f| match &f.role {
            Role::Child { inner, .. } | Role::Children { inner, .. } => inner.clone(),
            _ => f.ty.clone(),
        });
        let expected_types: Vec<_> = expected_types.collect();
        let arms = nested.iter().zip(&expected_types).map(|(field, inner)| {
            let local = local(&field.member);
            let store = match &field.role {
                Role::Children { .. } => quote! { #local.push(__cx.child::<#inner>(__child)?); },
                _ => quote! {
                    if #local.is_some() {
                        return ::core::result::Result::Err(__cx.duplicate_child(__child));
                    }
                    #local = ::core::option::Option::Some(__cx.child::<#inner>(__child)?);
                },
            };
            (
                quote! {
                    if <#inner as ::ivr_xml::FromXml>::matches_element(__child.name()) {
                        #store
                        continue;
                    }
                },
                // Second pass, for names no field takes: a type that keeps unknown elements
                // raw (lenient mode) gets them, after every exact match had its chance.
                quote! {
                    if <#inner as ::ivr_xml::FromXml>::accepts_element(__child.name(), __cx) {
                        #store
                        continue;
                    }
                },
            )
        });
        let (arms, keeping_arms): (Vec<_>, Vec<_>) = arms.unzip();
        quote! {
            for __node in __element.children() {
                match __node {
                    ::ivr_xml::de::Node::Text(__text) => {
                        if !__text.is_blank() {
                            return ::core::result::Result::Err(__cx.unexpected_text(__element, __text));
                        }
                    }
                    ::ivr_xml::de::Node::Element(ref __child) => {
                        #(#arms)*
                        #(#keeping_arms)*
                        let mut __expected = ::std::vec::Vec::new();
                        #(<#expected_types as ::ivr_xml::FromXml>::expected_elements(&mut __expected);)*
                        return ::core::result::Result::Err(__cx.unexpected_child(__element, __child, __expected));
                    }
                }
            }
        }
    };

    let initializers = fields.iter().map(|field| {
        let member = &field.member;
        let local = local(&field.member);
        let value = match &field.role {
            Role::Attribute { absent: Absent::Optional, .. } | Role::Children { .. } | Role::Extra | Role::Text => {
                quote! { #local }
            }
            Role::Child { optional: true, .. } => quote! { #local },
            Role::Attribute { absent: Absent::Default, value, .. } => quote_spanned! {value.span()=>
                ::core::option::Option::<#value>::unwrap_or_default(#local)
            },
            Role::Attribute {
                name,
                absent: Absent::Required,
                ..
            } => quote! {
                match #local {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        return ::core::result::Result::Err(__cx.missing_attribute(__element, #name));
                    }
                }
            },
            Role::Child { inner, optional: false } => quote! {
                match #local {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        let mut __expected = ::std::vec::Vec::new();
                        <#inner as ::ivr_xml::FromXml>::expected_elements(&mut __expected);
                        return ::core::result::Result::Err(__cx.missing_child(__element, __expected));
                    }
                }
            },
            Role::Pending | Role::Skip | Role::Flatten => {
                let ty = &field.ty;
                quote_spanned! {ty.span()=> <#ty as ::core::default::Default>::default() }
            }
        };
        quote! { #member: #value, }
    });

    let _ = name;
    let unknown = if flat {
        quote! {
            _ => if !__outer(__attribute, __cx)? {
                let mut __expected: ::std::vec::Vec<&'static str> = ::std::vec![#(#attribute_names),*];
                __expected.extend_from_slice(__outer_names);
                __cx.unknown_attribute(__element, __attribute, &__expected, #keep_unknown)?
            },
        }
    } else {
        quote! {
            _ => __cx.unknown_attribute(__element, __attribute, &[#(#attribute_names),*], #keep_unknown)?,
        }
    };
    quote! {
        #(#declarations)*
        for __attribute in __element.attributes() {
            match __attribute.name() {
                #(#attribute_arms)*
                #unknown
            }
        }
        #content
        ::core::result::Result::Ok(Self {
            #(#initializers)*
        })
    }
}
