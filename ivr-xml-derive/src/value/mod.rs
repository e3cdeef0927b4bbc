//! `#[derive(XmlValue)]` on a closed set of values (a fieldless enum, each variant with its
//! text): one definition gives the XML attribute value (`XmlValue`) and, with `param`, the
//! notification parameter value (`ParamValue`), plus `ALL`, `as_str`, `Display` and `FromStr`.
//! `param_only` gives the parameter value without the attribute value.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields, Ident, LitStr};

use crate::ctxt::unknown_option;
use crate::notify::Errors;

struct Variant {
    ident: Ident,
    text: LitStr,
}

/// Parses the input and generates the impls, or the collected errors.
pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let parsed = parse(input, &mut errors);
    match (errors.finish(), parsed) {
        (Ok(()), Some((name, expected, traits, variants))) => {
            expand(&input.ident, &name, &expected, traits, &variants)
        }
        (Err(err), _) => err.to_compile_error(),
        (Ok(()), None) => {
            syn::Error::new_spanned(&input.ident, "#[derive(XmlValue)] could not read this type")
                .to_compile_error()
        }
    }
}

/// Which value traits to implement.
#[derive(Clone, Copy, PartialEq)]
enum Traits {
    Xml,
    XmlAndParam,
    Param,
}

type Parsed = (LitStr, LitStr, Traits, Vec<Variant>);

fn parse(input: &DeriveInput, errors: &mut Errors) -> Option<Parsed> {
    if !input.generics.params.is_empty() {
        errors.push(
            &input.generics,
            "#[derive(XmlValue)] does not support generic types",
        );
    }
    let Data::Enum(data) = &input.data else {
        errors.push(
            &input.ident,
            "#[derive(XmlValue)] works on an enum of unit variants, each with #[value(text = \"...\")]",
        );
        return None;
    };
    let (mut name, mut expected, mut traits) = (None, None, Traits::Xml);
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("value")) {
        let read = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("name") {
                name = Some(meta.value()?.parse::<LitStr>()?);
            } else if meta.path.is_ident("expected") {
                expected = Some(meta.value()?.parse::<LitStr>()?);
            } else if meta.path.is_ident("param") {
                traits = Traits::XmlAndParam;
            } else if meta.path.is_ident("param_only") {
                traits = Traits::Param;
            } else {
                unknown_option(
                    &meta,
                    errors,
                    "unknown option: expected `name = \"...\"`, `expected = \"...\"`, `param` or `param_only`",
                )?;
            }
            Ok(())
        });
        if let Err(err) = read {
            errors.push_error(err);
        }
    }
    if name.is_none() || expected.is_none() {
        errors.push(
            &input.ident,
            "#[derive(XmlValue)] needs #[value(name = \"...\", expected = \"...\")]: the value's name and what a valid one looks like, for errors",
        );
    }
    let mut variants: Vec<Variant> = Vec::new();
    for variant in &data.variants {
        if !matches!(variant.fields, Fields::Unit) {
            errors.push(&variant.ident, "a value is a unit variant");
        }
        let mut text = None;
        for attr in variant.attrs.iter().filter(|a| a.path().is_ident("value")) {
            let read = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("text") {
                    text = Some(meta.value()?.parse::<LitStr>()?);
                } else {
                    unknown_option(&meta, errors, "unknown option: expected `text = \"...\"`")?;
                }
                Ok(())
            });
            if let Err(err) = read {
                errors.push_error(err);
            }
        }
        let Some(text) = text else {
            errors.push(
                &variant.ident,
                "each variant needs #[value(text = \"...\")]: its text in a document",
            );
            continue;
        };
        if variants.iter().any(|v| v.text.value() == text.value()) {
            errors.push(&text, "two variants have this text");
        }
        variants.push(Variant {
            ident: variant.ident.clone(),
            text,
        });
    }
    if data.variants.is_empty() {
        errors.push(
            &input.ident,
            "#[derive(XmlValue)] needs at least one variant",
        );
    }
    Some((name?, expected?, traits, variants))
}

fn expand(
    ident: &Ident,
    name: &LitStr,
    expected: &LitStr,
    traits: Traits,
    variants: &[Variant],
) -> TokenStream {
    let idents: Vec<_> = variants.iter().map(|v| &v.ident).collect();
    let texts: Vec<_> = variants.iter().map(|v| &v.text).collect();
    let param_impl = (traits != Traits::Xml).then(|| {
        quote! {
            #[automatically_derived]
            impl ::ivr_xml::notify::ParamValue for #ident {
                const EXPECTED: &'static str = #expected;
                fn parse_param(raw: &str) -> ::core::result::Result<#ident, ::ivr_xml::ValueError> {
                    ::core::str::FromStr::from_str(raw)
                }
                fn to_param(&self) -> ::std::borrow::Cow<'_, str> {
                    ::std::borrow::Cow::Borrowed(#ident::as_str(*self))
                }
            }
        }
    });
    let xml_impl = (traits != Traits::Param).then(|| {
        quote! {
            #[automatically_derived]
            impl ::ivr_xml::XmlValue for #ident {
                const ESCAPE_FREE: ::ivr_xml::EscapeFree = ::ivr_xml::EscapeFree::of_all(&[#( #texts ),*]);
                const KIND: ::ivr_xml::describe::ValueKind = ::ivr_xml::describe::ValueKind::OneOf(&[#( #texts ),*]);
                #[inline]
                fn with_str<R>(&self, f: impl ::core::ops::FnOnce(&str) -> R) -> R {
                    f(#ident::as_str(*self))
                }
                fn parse_value(text: &str) -> ::core::result::Result<#ident, ::ivr_xml::ValueError> {
                    ::core::str::FromStr::from_str(text)
                }
            }
        }
    });
    quote! {
        impl #ident {
            /// Every value, in order.
            pub const ALL: &'static [#ident] = &[#( #ident::#idents ),*];

            /// The value's text as the platform writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    #( #ident::#idents => #texts, )*
                }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(#ident::as_str(*self))
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = ::ivr_xml::ValueError;
            fn from_str(text: &str) -> ::core::result::Result<#ident, ::ivr_xml::ValueError> {
                match text {
                    #( #texts => ::core::result::Result::Ok(#ident::#idents), )*
                    _ => ::core::result::Result::Err(::ivr_xml::ValueError::new(#name, text, #expected)),
                }
            }
        }

        #xml_impl

        #param_impl
    }
}
