//! `ToXml`: the writer and `check`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{LitStr, Member};

use crate::ir::{Absent, Container, EmptyForm, Field, Role, Variant};

/// `#[xml(check = path)]`: the container's own check, called by `ToXml::check` after the
/// derived checks (builders' deferred errors, children, raw attributes).
pub(super) fn user_check(container: &Container) -> TokenStream {
    match &container.check {
        Some(path) => quote_spanned! {path.span()=>
            let __check: fn(&Self) -> ::core::result::Result<(), ::ivr_xml::ValueError> = #path;
            __check(self)?;
        },
        None => quote! {},
    }
}

pub(super) fn element(
    container: &Container,
    name: &LitStr,
    fields: &[Field],
    empty: EmptyForm,
) -> TokenStream {
    let ident = &container.ident;
    let writer = element_writer(name, fields, empty);
    let check = element_check(ident, name, fields, &user_check(container));
    let generics = super::bounded(container, fields, super::Impl::Write);
    to_xml_impl(ident, &generics, &writer, &check, &quote! { #name })
}

/// The `ToXml` impl of `ident`, with the bodies each generator makes (`write_xml` writes into
/// `__writer`): the trait's signatures written once for every kind of type the derive maps.
pub(super) fn to_xml_impl(
    ident: &syn::Ident,
    generics: &syn::Generics,
    write: &TokenStream,
    check: &TokenStream,
    element_name: &TokenStream,
) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::ivr_xml::ToXml for #ident #ty_generics #where_clause {
            fn write_xml<__S: ::ivr_xml::Sink + ?Sized>(
                &self,
                __writer: &mut ::ivr_xml::__private::XmlWriter<'_, __S>,
            ) -> ::core::result::Result<(), __S::Error> {
                #write
            }

            fn check(&self) -> ::core::result::Result<(), ::ivr_xml::ValueError> {
                #check
            }

            fn element_name(&self) -> &str {
                #element_name
            }
        }
    }
}

pub(super) fn alternatives(container: &Container, variants: &[Variant]) -> TokenStream {
    let ident = &container.ident;
    let named: Vec<&Variant> = variants.iter().filter(|v| !v.other).collect();
    let other = variants.iter().find(|v| v.other);
    let all_idents: Vec<_> = variants.iter().map(|v| &v.ident).collect();
    let named_types: Vec<_> = named.iter().map(|v| &v.ty).collect();

    // `check` refuses a value that reads back as another variant: the one parsing takes is the
    // first named variant whose type matches the element's name, else the `other` variant, else
    // the first named variant whose type keeps unknown elements (lenient mode).
    let path_of = |variant: &Variant| format!("{}::{}", ident.unraw(), variant.ident.unraw());
    let named_paths: Vec<String> = named.iter().map(|v| path_of(v)).collect();
    let fallback_choice = match other {
        Some(other) => {
            let path = path_of(other);
            quote! { ::core::option::Option::Some(#path) }
        }
        None => quote! {
            #(
                if <#named_types as ::ivr_xml::FromXml>::keeps_unknown_elements() {
                    break 'reads ::core::option::Option::Some(#named_paths);
                }
            )*
            ::core::option::Option::None
        },
    };
    let held = variants.iter().map(|variant| {
        let vident = &variant.ident;
        let path = path_of(variant);
        let hint = if variant.other {
            " (build that type rather than a raw element named like it)"
        } else {
            ""
        };
        quote! { #ident::#vident(_) => (#path, #hint), }
    });
    // The `other` variant named like a typed one still reads back as itself when the typed
    // parse refuses it (as when the lenient parser kept it): tried on the written element.
    let kept_raw = match other {
        Some(other) => {
            let oident = &other.ident;
            quote! {
                match self {
                    #ident::#oident(__value) => {
                        match ::ivr_xml::to_string_with(__value, &::ivr_xml::Style::compact()) {
                            ::core::result::Result::Ok(__text) => ::core::matches!(
                                ::ivr_xml::from_str_with::<Self>(&__text, &::ivr_xml::ParseOptions::lenient()),
                                ::core::result::Result::Ok(ref __parsed) if ::core::matches!(__parsed.value, #ident::#oident(_))
                            ),
                            ::core::result::Result::Err(_) => false,
                        }
                    }
                    #[allow(unreachable_patterns)]
                    _ => false,
                }
            }
        }
        None => quote! { false },
    };
    let placement = quote! {
        let __name = ::ivr_xml::ToXml::element_name(self);
        #[allow(unused_labels)]
        let __reads_as: ::core::option::Option<&'static str> = 'reads: {
            #(
                if <#named_types as ::ivr_xml::FromXml>::matches_element(__name) {
                    break 'reads ::core::option::Option::Some(#named_paths);
                }
            )*
            #fallback_choice
        };
        let (__is, __hint): (&'static str, &'static str) = match self {
            #(#held)*
        };
        if __reads_as != ::core::option::Option::Some(__is) && !#kept_raw {
            let __expected = match __reads_as {
                ::core::option::Option::Some(__other) => ::std::format!(
                    "an element that reads back as `{}`, but `<{}>` reads back as `{}`{}",
                    __is, __name, __other, __hint
                ),
                ::core::option::Option::None => ::std::format!(
                    "an element that reads back as `{}`, but no alternative reads `<{}>` back",
                    __is, __name
                ),
            };
            return ::core::result::Result::Err(::ivr_xml::ValueError::new("element", __name, __expected));
        }
    };
    let write = quote! {
        match self {
            #(#ident::#all_idents(__value) => ::ivr_xml::ToXml::write_xml(__value, __writer),)*
        }
    };
    let check = quote! {
        match self {
            #(#ident::#all_idents(__value) => ::ivr_xml::ToXml::check(__value)?,)*
        }
        #placement
        ::core::result::Result::Ok(())
    };
    let element_name = quote! {
        match self {
            #(#ident::#all_idents(__value) => ::ivr_xml::ToXml::element_name(__value),)*
        }
    };
    to_xml_impl(
        ident,
        &syn::Generics::default(),
        &write,
        &check,
        &element_name,
    )
}

/// The two quotes, as the derive writes literals for each: the `Quote` variant and its character.
const QUOTES: [(&str, char); 2] = [("Single", '\''), ("Double", '"')];

/// A writer of straight-line code: literal markup is written in as few pieces as possible (`<Get`,
/// ` action='`, `</Play>`; `<CmdNone/>` whole when there is nothing else), with one set of
/// literals per quote, chosen once per element.
fn element_writer(name: &LitStr, fields: &[Field], empty: EmptyForm) -> TokenStream {
    let span = name.span();
    let tag = name.value();
    let markup = |text: String| {
        let literal = LitStr::new(&text, span);
        quote! { __writer.markup(#literal)?; }
    };
    let mut attributes = Vec::new();
    let mut extra = None;
    let mut text = None;
    let mut nested = Vec::new();
    let mut has_nested = Vec::new();
    for field in fields {
        let member = &field.member;
        match &field.role {
            Role::Attribute { .. } => attributes.push(member),
            Role::Extra => extra = Some((field.ty.span(), member)),
            Role::Text => text = Some((&field.ty, member)),
            Role::Child {
                inner,
                optional: true,
            } => {
                let write = quote_spanned! {inner.span()=>
                    <#inner as ::ivr_xml::ToXml>::write_xml(__child, __writer)?;
                };
                nested.push(quote! {
                    if let ::core::option::Option::Some(__child) = &self.#member {
                        #write
                    }
                });
                has_nested.push(quote! { self.#member.is_some() });
            }
            Role::Child {
                inner,
                optional: false,
            } => {
                nested.push(quote_spanned! {inner.span()=>
                    <#inner as ::ivr_xml::ToXml>::write_xml(&self.#member, __writer)?;
                });
                has_nested.push(quote! { true });
            }
            Role::Children { inner, .. } => {
                let write = quote_spanned! {inner.span()=>
                    <#inner as ::ivr_xml::ToXml>::write_xml(__child, __writer)?;
                };
                nested.push(quote! {
                    for __child in &self.#member {
                        #write
                    }
                });
                has_nested.push(quote! { !self.#member.is_empty() });
            }
            Role::Pending | Role::Skip | Role::Flatten => {}
        }
    }

    // The raw attributes kept by the lenient parser, if the type keeps them.
    let write_raw = extra.map(|(extra_span, member)| {
        let write = quote_spanned! {extra_span=>
            __writer.raw_attributes(&self.#member)?;
        };
        (member, write)
    });

    // With known attributes: `<name`, then each attribute (` name='`, the value escaped, the
    // quote) in a branch per quote, then the raw attributes; the end follows.
    let start_tag = if attributes.is_empty() {
        quote! {}
    } else {
        // `<Name` goes with the first attribute's ` name='` when that one is always written.
        let first_always = fields.iter().find_map(|f| match &f.role {
            Role::Attribute { absent, .. } => Some(*absent != Absent::Optional),
            _ => None,
        });
        let (open, attributes) = match first_always {
            Some(true) => (
                quote! {},
                attribute_writes_after(fields, Some(&format!("<{tag}"))),
            ),
            _ => (
                line_then(&format!("<{tag}"), span),
                attribute_writes(fields),
            ),
        };
        let raw = write_raw.as_ref().map(|(_, write)| write);
        quote! {
            #open
            #attributes
            #raw
        }
    };
    // Ends the start tag with `end` (`>` or `/>`). Without known attributes the start tag is
    // still to be written: then the name and the end are one literal when no raw attribute was
    // kept (nearly always).
    let end_of = |end: &str| -> TokenStream {
        if !attributes.is_empty() {
            return markup(end.to_owned());
        }
        let whole = line_then(&format!("<{tag}{end}"), span);
        let Some((member, raw)) = &write_raw else {
            return whole;
        };
        let open = line_then(&format!("<{tag}"), span);
        let end = markup(end.to_owned());
        quote! {
            if self.#member.is_empty() {
                #whole
            } else {
                #open
                #raw
                #end
            }
        }
    };
    let close = LitStr::new(&format!("</{tag}>"), span);
    let close_line = line_then(&format!("</{tag}>"), span);
    // Ends an element without content: `/>`, or with `empty = "end_tag"` `></Name>` unless the
    // style asks for self-closed elements.
    let end_empty = || -> TokenStream {
        let short = end_of("/>");
        match empty {
            EmptyForm::SelfClosing => short,
            EmptyForm::EndTag => {
                let as_docs = end_of(&format!("></{tag}>"));
                quote! {
                    match __writer.empty_elements() {
                        ::ivr_xml::EmptyElements::AsDocs => { #as_docs }
                        ::ivr_xml::EmptyElements::SelfClosing => { #short }
                    }
                }
            }
        }
    };
    let content = if let Some((ty, member)) = text {
        let head = end_of(">");
        let value = quote_spanned! {ty.span()=>
            __writer.text_value::<#ty>(&self.#member)?;
        };
        quote! {
            #head
            #value
            __writer.markup(#close)
        }
    } else if nested.is_empty() {
        let head = end_empty();
        quote! {
            #head
            ::core::result::Result::Ok(())
        }
    } else {
        let open = end_of(">");
        let empty = end_empty();
        quote! {
            if #(#has_nested)||* {
                #open
                __writer.enter();
                #(#nested)*
                __writer.leave();
                #close_line
                ::core::result::Result::Ok(())
            } else {
                #empty
                ::core::result::Result::Ok(())
            }
        }
    };
    // Every way through starts with one `line_then`: the element's line start and its first
    // literal in one write.
    quote! {
        #start_tag
        #content
    }
}

/// `literal` at the start of a line: written with the line start in front in one write when
/// the writer has a literal for it (compact, or the docs' four spaces at depth 0 to 3), else
/// after `start_line`. In the docs' layout every element and end tag after children starts a
/// line, and one write of `"\n    <Play"` is cheaper than two.
fn line_then(literal: &str, span: proc_macro2::Span) -> TokenStream {
    let with = |line: String| LitStr::new(&format!("{line}{literal}"), span);
    let plain = with(String::new());
    let indices = 1usize..=4;
    let lines = (0..4).map(|depth| with(format!("\n{}", "    ".repeat(depth))));
    // Compact first, as its own branch: one test of the writer's line state, where a `match`
    // on the index made compact writing about 4 % slower.
    quote! {
        if __writer.line_start_literal() == 0 {
            __writer.markup(#plain)?;
        } else {
            match __writer.line_start_literal() {
                #(#indices => __writer.markup(#lines)?,)*
                _ => {
                    __writer.start_line()?;
                    __writer.markup(#plain)?;
                }
            }
        }
    }
}

/// ` name='value'` for each attribute field, in order, in a branch per quote (one set of
/// literals per quote, chosen once per element): the element writer's and the `Flatten` writer's
/// (`gen/flatten.rs`), so that both write attributes the same way. Nothing without attributes.
pub(super) fn attribute_writes(fields: &[Field]) -> TokenStream {
    attribute_writes_after(fields, None)
}

/// [`attribute_writes`], with `open` (`<Name`) written in one literal with the first
/// attribute's ` name='` (the caller knows the first attribute is always written).
fn attribute_writes_after(fields: &[Field], open: Option<&str>) -> TokenStream {
    let attributes: Vec<(&Member, &LitStr, Absent, &syn::Type)> = fields
        .iter()
        .filter_map(|field| match &field.role {
            Role::Attribute {
                name,
                absent,
                value,
            } => Some((&field.member, name, *absent, value)),
            _ => None,
        })
        .collect();
    if attributes.is_empty() {
        return quote! {};
    }
    let arms = QUOTES.iter().map(|&(variant, quote_char)| {
        let variant = format_ident!("{}", variant);
        let writes = attributes
            .iter()
            .enumerate()
            .map(|(index, (member, name, absent, value))| {
                let prefix = match (index, open) {
                    (0, Some(open)) => open,
                    _ => "",
                };
                let start_text = format!("{prefix} {}={quote_char}", name.value());
                // The first literal of an element (`<Name name='`) starts its line.
                let start = match prefix.is_empty() {
                    true => {
                        let literal = LitStr::new(&start_text, name.span());
                        quote! { __writer.markup(#literal)?; }
                    }
                    false => line_then(&start_text, name.span()),
                };
                let end = LitStr::new(&quote_char.to_string(), name.span());
                let write = |place: TokenStream| {
                    let value_write = quote_spanned! {value.span()=>
                        __writer.attribute_value_in::<#value>(::ivr_xml::Quote::#variant, #place)?;
                    };
                    quote! {
                        #start
                        #value_write
                        __writer.markup(#end)?;
                    }
                };
                match absent {
                    Absent::Optional => {
                        let write = write(quote! { __value });
                        quote! {
                            if let ::core::option::Option::Some(__value) = &self.#member {
                                #write
                            }
                        }
                    }
                    Absent::Required | Absent::Default => write(quote! { &self.#member }),
                }
            });
        quote! {
            ::ivr_xml::Quote::#variant => {
                #(#writes)*
            }
        }
    });
    quote! {
        match __writer.quote() {
            #(#arms)*
        }
    }
}

/// `Type::member`, as messages name a field.
fn field_path(ident: &syn::Ident, member: &Member) -> String {
    match member {
        Member::Named(name) => format!("{}::{}", ident.unraw(), name.unraw()),
        Member::Unnamed(index) => format!("{}::{}", ident.unraw(), index.index),
    }
}

/// `check`: the builders' deferred errors and the children's checks, then what makes a value
/// read back differently from how it was built: raw attributes that repeat or stand for a known
/// attribute, and a child element that a parser would put in another field.
fn element_check(
    ident: &syn::Ident,
    name: &LitStr,
    fields: &[Field],
    user_check: &TokenStream,
) -> TokenStream {
    let checks = fields.iter().filter_map(|field| {
        let member = &field.member;
        match &field.role {
            Role::Pending => Some(quote_spanned! {field.ty.span()=>
                ::ivr_xml::PendingError::check(&self.#member)?;
            }),
            Role::Child {
                inner,
                optional: true,
            } => {
                let check = quote_spanned! {inner.span()=>
                    <#inner as ::ivr_xml::ToXml>::check(__child)?;
                };
                Some(quote! {
                    if let ::core::option::Option::Some(__child) = &self.#member {
                        #check
                    }
                })
            }
            Role::Child {
                inner,
                optional: false,
            } => Some(quote_spanned! {inner.span()=>
                <#inner as ::ivr_xml::ToXml>::check(&self.#member)?;
            }),
            Role::Children { inner, .. } => {
                let check = quote_spanned! {inner.span()=>
                    <#inner as ::ivr_xml::ToXml>::check(__child)?;
                };
                Some(quote! {
                    for __child in &self.#member {
                        #check
                    }
                })
            }
            _ => None,
        }
    });

    // Raw attributes: each once, none named like a known attribute (it would read back into
    // the known field, or be written twice).
    let known: Vec<TokenStream> = fields
        .iter()
        .filter_map(|field| match &field.role {
            Role::Attribute { name, .. } => {
                let writer = LitStr::new(&field_path(ident, &field.member), name.span());
                Some(quote! { (#name, #writer) })
            }
            _ => None,
        })
        .collect();
    let extra_checks = fields.iter().filter_map(|field| match &field.role {
        Role::Extra => {
            let member = &field.member;
            Some(quote_spanned! {field.ty.span()=>
                ::ivr_xml::RawAttribute::check_extra(#name, &[#(#known),*], &self.#member)?;
            })
        }
        _ => None,
    });

    // Children: with more than one field of children, each child must be one the parser puts
    // back in its field (the first field whose type matches its name, else the first whose
    // type keeps unknown elements), or it reads back elsewhere, or twice.
    let nested: Vec<(&Field, &syn::Type)> = fields
        .iter()
        .filter_map(|field| match &field.role {
            Role::Child { inner, .. } | Role::Children { inner, .. } => Some((field, inner)),
            _ => None,
        })
        .collect();
    let placement = if nested.len() < 2 {
        quote! {}
    } else {
        let paths: Vec<String> = nested
            .iter()
            .map(|(field, _)| field_path(ident, &field.member))
            .collect();
        let matches = nested.iter().enumerate().map(|(index, (_, inner))| {
            quote_spanned! {inner.span()=>
                if <#inner as ::ivr_xml::FromXml>::matches_element(__name) {
                    return ::core::option::Option::Some(#index);
                }
            }
        });
        let keeps = nested.iter().enumerate().map(|(index, (_, inner))| {
            quote_spanned! {inner.span()=>
                if <#inner as ::ivr_xml::FromXml>::keeps_unknown_elements() {
                    return ::core::option::Option::Some(#index);
                }
            }
        });
        let per_field = nested.iter().enumerate().map(|(index, (field, inner))| {
            let member = &field.member;
            let place = quote_spanned! {inner.span()=>
                __placed(<#inner as ::ivr_xml::ToXml>::element_name(__child), #index)?;
            };
            match &field.role {
                Role::Child { optional: true, .. } => quote! {
                    if let ::core::option::Option::Some(__child) = &self.#member {
                        #place
                    }
                },
                Role::Child {
                    optional: false, ..
                } => quote! {
                    {
                        let __child = &self.#member;
                        #place
                    }
                },
                _ => quote! {
                    for __child in &self.#member {
                        #place
                    }
                },
            }
        });
        quote! {
            const __FIELDS: &[&str] = &[#(#paths),*];
            let __reads_into = |__name: &str| -> ::core::option::Option<usize> {
                #(#matches)*
                #(#keeps)*
                ::core::option::Option::None
            };
            let __placed = |__name: &str, __index: usize| -> ::core::result::Result<(), ::ivr_xml::ValueError> {
                let __reads = __reads_into(__name);
                if __reads == ::core::option::Option::Some(__index) {
                    return ::core::result::Result::Ok(());
                }
                let __this = __FIELDS.get(__index).copied().unwrap_or_default();
                let __expected = match __reads.and_then(|__i| __FIELDS.get(__i)) {
                    ::core::option::Option::Some(__other) => ::std::format!(
                        "an element that reads back as `{}`, but `<{}>` reads back as `{}`",
                        __this, __name, __other
                    ),
                    ::core::option::Option::None => ::std::format!(
                        "an element that reads back as `{}`, but no field reads `<{}>` back",
                        __this, __name
                    ),
                };
                ::core::result::Result::Err(::ivr_xml::ValueError::new("element", __name, __expected))
            };
            #(#per_field)*
        }
    };
    quote! {
        #(#checks)*
        #(#extra_checks)*
        #placement
        #user_check
        ::core::result::Result::Ok(())
    }
}
