//! `#[derive(XmlValue)]`: the one value trait (`XmlValue`, which is also the notification
//! parameter value `ParamValue`) for the two shapes of value the crate has many of.
//!
//! - A closed set of values, a fieldless enum each variant with its text: plus `ALL`,
//!   `as_str`, `Display` and `FromStr`.
//! - Checked text, a newtype `struct Name(String)` with `#[value(check = path)]`, the function
//!   that refuses bad text (`fn(name, expected, &str) -> Result<(), ValueError>`): plus `new`,
//!   `as_str`, `into_string`, `Display`, `AsRef<str>`, `FromStr`, `TryFrom<&str>`,
//!   `TryFrom<String>` and `PartialEq` with `str` and `&str`. `#[value(xml_chars)]` instead of
//!   `check` makes the check "characters XML 1.0 can carry" (the crate's `check_xml_text`), which
//!   the parser has already proven of what it reads: parsed text skips it (`parse_xml_text`).
//!
//! Either shape takes `#[value(serde)]`: `Serialize` + `Deserialize` as the value's text, the
//! impls [`serde_impls`] also generates for `#[derive(XmlValueSerde)]` (a hand-written
//! `XmlValue`).

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields, Ident, LitStr, Path};

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
        (
            Ok(()),
            Some(Parsed {
                name,
                expected,
                shape,
                serde,
            }),
        ) => {
            let value = match shape {
                Shape::Set(variants) => expand(&input.ident, &name, &expected, &variants),
                Shape::Text(check, kind) => {
                    expand_text(&input.ident, &name, &expected, &check, &kind)
                }
            };
            let serde = serde.then(|| serde_impls(&input.ident));
            quote!(#value #serde)
        }
        (Err(err), _) => err.to_compile_error(),
        (Ok(()), None) => {
            syn::Error::new_spanned(&input.ident, "#[derive(XmlValue)] could not read this type")
                .to_compile_error()
        }
    }
}

/// What the type is.
enum Shape {
    /// A closed set: its variants.
    Set(Vec<Variant>),
    /// Checked text: the check, and the kind its description names (`Text`, or `Url` with
    /// `#[value(url)]`).
    Text(Check, TokenStream),
}

/// The check of checked text.
enum Check {
    /// `check = path`: the type's own function.
    Path(Path),
    /// `xml_chars`: the crate's check of the characters XML 1.0 can carry, which the parser
    /// proves of every text it reads, so that parsed text skips it.
    XmlChars,
}

struct Parsed {
    name: LitStr,
    expected: LitStr,
    shape: Shape,
    /// `#[value(serde)]`: the serde impls too.
    serde: bool,
}

const SHAPES: &str = "#[derive(XmlValue)] works on an enum of unit variants, each with #[value(text = \"...\")], or on a newtype `struct Name(String)` with #[value(check = path)]";

fn parse(input: &DeriveInput, errors: &mut Errors) -> Option<Parsed> {
    if !input.generics.params.is_empty() {
        errors.push(
            &input.generics,
            "#[derive(XmlValue)] does not support generic types",
        );
    }
    let (mut name, mut expected, mut check) = (None, None, None);
    let (mut url, mut serde, mut xml_chars) = (false, false, None);
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("value")) {
        let read = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("name") {
                name = Some(meta.value()?.parse::<LitStr>()?);
            } else if meta.path.is_ident("expected") {
                expected = Some(meta.value()?.parse::<LitStr>()?);
            } else if meta.path.is_ident("check") {
                check = Some(meta.value()?.parse::<Path>()?);
            } else if meta.path.is_ident("url") {
                url = true;
            } else if meta.path.is_ident("xml_chars") {
                xml_chars = Some(meta.path.clone());
            } else if meta.path.is_ident("serde") {
                serde = crate::serde_impls::read_flag(&meta, errors)?;
            } else {
                unknown_option(
                    &meta,
                    errors,
                    "unknown option: expected `name = \"...\"`, `expected = \"...\"`, `check = path`, `xml_chars`, `url` or `serde`",
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
    let shape = match &input.data {
        Data::Enum(data) => {
            if let Some(check) = &check {
                errors.push(
                    check,
                    "`check` is for a newtype of `String`; a closed set checks its texts itself",
                );
            }
            if let Some(xml_chars) = &xml_chars {
                errors.push(
                    xml_chars,
                    "`xml_chars` is for a newtype of `String`; a closed set checks its texts itself",
                );
            }
            Shape::Set(parse_variants(input, data, errors))
        }
        Data::Struct(data) if matches!(&data.fields, Fields::Unnamed(f) if f.unnamed.len() == 1) => {
            let check = match (check, xml_chars) {
                (Some(check), None) => Check::Path(check),
                (None, Some(_)) => Check::XmlChars,
                (Some(_), Some(xml_chars)) => {
                    errors.push(
                        &xml_chars,
                        "`xml_chars` is a check: give either it or `check = path`",
                    );
                    return None;
                }
                (None, None) => {
                    errors.push(&input.ident, "a text value needs #[value(check = path)]: the function that refuses bad text, `fn(&'static str, &'static str, &str) -> Result<(), ValueError>` (name, expected, text); or #[value(xml_chars)]: characters XML 1.0 can carry");
                    return None;
                }
            };
            let kind = if url {
                quote!(::ivr_xml::describe::ValueKind::Url)
            } else {
                quote!(::ivr_xml::describe::ValueKind::Text)
            };
            Shape::Text(check, kind)
        }
        _ => {
            errors.push(&input.ident, SHAPES);
            return None;
        }
    };
    Some(Parsed {
        name: name?,
        expected: expected?,
        shape,
        serde,
    })
}

fn parse_variants(input: &DeriveInput, data: &syn::DataEnum, errors: &mut Errors) -> Vec<Variant> {
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
                    unknown_option(
                        &meta,
                        errors,
                        "unknown option: expected `text = \"...\"` (`serde` goes on the type)",
                    )?;
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
    variants
}

fn expand(ident: &Ident, name: &LitStr, expected: &LitStr, variants: &[Variant]) -> TokenStream {
    let idents: Vec<_> = variants.iter().map(|v| &v.ident).collect();
    let texts: Vec<_> = variants.iter().map(|v| &v.text).collect();
    let xml_impl = quote! {
        #[automatically_derived]
        impl ::ivr_xml::XmlValue for #ident {
            const ESCAPE_FREE: ::ivr_xml::EscapeFree = ::ivr_xml::EscapeFree::of_all(&[#( #texts ),*]);
            const KIND: ::ivr_xml::describe::ValueKind = ::ivr_xml::describe::ValueKind::OneOf(&[#( #texts ),*]);
            const EXPECTED: &'static str = #expected;
            #[inline]
            fn with_str<R>(&self, f: impl ::core::ops::FnOnce(&str) -> R) -> R {
                f(#ident::as_str(*self))
            }
            fn parse_value(text: &str) -> ::core::result::Result<#ident, ::ivr_xml::ValueError> {
                ::core::str::FromStr::from_str(text)
            }
        }
    };
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
    }
}

/// Checked text: the constructor, the accessors and the conversions of a newtype of `String`.
fn expand_text(
    ident: &Ident,
    name: &LitStr,
    expected: &LitStr,
    check: &Check,
    kind: &TokenStream,
) -> TokenStream {
    let check_fn = match check {
        Check::Path(path) => quote!(#path),
        Check::XmlChars => quote!(::ivr_xml::__private::check_xml_text),
    };
    // Text the parser read holds only characters XML 1.0 can carry (it refused the others):
    // `xml_chars` has nothing left to check; another check runs. Either way an owned text is
    // kept without a copy.
    let parsed_check = match check {
        Check::Path(_) => quote!(#ident::__xml_value_check(&text)?;),
        Check::XmlChars => quote!(),
    };
    let new_doc = format!(
        "Makes the value, refusing what is not {} (see [`{ident}`]).",
        expected.value()
    );
    quote! {
        impl #ident {
            #[doc = #new_doc]
            pub fn new(
                text: impl ::core::convert::Into<::std::string::String>,
            ) -> ::core::result::Result<#ident, ::ivr_xml::ValueError> {
                let text = ::core::convert::Into::into(text);
                #ident::__xml_value_check(&text)?;
                ::core::result::Result::Ok(#ident(text))
            }

            /// The check, through a typed pointer: a check of another signature is one error,
            /// at `check = ...`.
            #[inline]
            fn __xml_value_check(text: &str) -> ::core::result::Result<(), ::ivr_xml::ValueError> {
                let check: fn(
                    &'static str,
                    &'static str,
                    &str,
                ) -> ::core::result::Result<(), ::ivr_xml::ValueError> = #check_fn;
                check(#name, #expected, text)
            }

            /// The text, as given.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The text, by value.
            pub fn into_string(self) -> ::std::string::String {
                self.0
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(&self.0)
            }
        }

        #[automatically_derived]
        impl ::core::convert::AsRef<str> for #ident {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = ::ivr_xml::ValueError;
            fn from_str(text: &str) -> ::core::result::Result<#ident, ::ivr_xml::ValueError> {
                #ident::new(text)
            }
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<&str> for #ident {
            type Error = ::ivr_xml::ValueError;
            fn try_from(text: &str) -> ::core::result::Result<#ident, ::ivr_xml::ValueError> {
                #ident::new(text)
            }
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<::std::string::String> for #ident {
            type Error = ::ivr_xml::ValueError;
            fn try_from(
                text: ::std::string::String,
            ) -> ::core::result::Result<#ident, ::ivr_xml::ValueError> {
                #ident::new(text)
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq<str> for #ident {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq<&str> for #ident {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        #[automatically_derived]
        impl ::ivr_xml::XmlValue for #ident {
            const KIND: ::ivr_xml::describe::ValueKind = #kind;
            const EXPECTED: &'static str = #expected;
            #[inline]
            fn with_str<R>(&self, f: impl ::core::ops::FnOnce(&str) -> R) -> R {
                f(&self.0)
            }
            fn parse_value(text: &str) -> ::core::result::Result<#ident, ::ivr_xml::ValueError> {
                #ident::new(text)
            }
            #[inline]
            fn parse_xml_text(
                text: ::std::borrow::Cow<'_, str>,
            ) -> ::core::result::Result<#ident, ::ivr_xml::ValueError> {
                #parsed_check
                ::core::result::Result::Ok(#ident(::std::borrow::Cow::into_owned(text)))
            }
            #[inline]
            fn from_decoded(
                raw: ::std::borrow::Cow<'_, str>,
            ) -> ::core::result::Result<#ident, (::std::borrow::Cow<'_, str>, ::ivr_xml::ValueError)> {
                match #ident::__xml_value_check(&raw) {
                    ::core::result::Result::Ok(()) => {
                        ::core::result::Result::Ok(#ident(::std::borrow::Cow::into_owned(raw)))
                    }
                    ::core::result::Result::Err(err) => ::core::result::Result::Err((raw, err)),
                }
            }
        }
    }
}

/// `#[derive(XmlValueSerde)]`: the serde impls alone, for a type with a hand-written `XmlValue`.
pub(crate) fn derive_serde(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    if !input.generics.params.is_empty() {
        errors.push(
            &input.generics,
            "#[derive(XmlValueSerde)] does not support generic types",
        );
    }
    if let Some(attr) = input.attrs.iter().find(|a| a.path().is_ident("value")) {
        errors.push(
            attr.path(),
            "#[derive(XmlValueSerde)] takes no options: the text and its check are the type's `XmlValue` impl (with #[derive(XmlValue)], write #[value(serde)] instead)",
        );
    }
    match errors.finish() {
        Ok(()) => serde_impls(&input.ident),
        Err(err) => err.to_compile_error(),
    }
}

/// `Serialize` + `Deserialize` of a value as its text (`XmlValue::with_str` to write,
/// `XmlValue::parse_param` to read).
fn serde_impls(ident: &Ident) -> TokenStream {
    crate::serde_impls::forward(ident, quote!(serialize_value), quote!(deserialize_value))
}
