//! Generates a message's builder (`new`, a setter per optional parameter, `extra_param`,
//! `Default` when nothing is required), `impl ivr_xml::notify::Message`, and with
//! `#[message(serde)]` the serde impls. The readers (`from_query`, `from_form`, `from_params`, and
//! `from_pairs`, which a `Request` uses) are one generated body, `__read`, generic over the
//! source of the pairs (`__private::PairSource`): the pairs, however decoded, go into one slot
//! per known parameter (the rest into `extra`), then each slot is typed in order.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::MessageDef;

pub(crate) fn expand(message: &MessageDef) -> TokenStream {
    let ident = &message.ident;
    let kind = &message.kind;
    let extra = &message.extra;
    let krate = quote!(::ivr_xml::notify);
    let segment = match &message.segment {
        Some(segment) => quote!(::core::option::Option::Some(#segment)),
        None => quote!(::core::option::Option::None),
    };
    // Required parameters first, then optional ones, each in declaration order: the order of
    // `new`'s arguments, of `PARAMS`, of typing (so of errors) and of writing.
    let ordered: Vec<_> = message
        .params
        .iter()
        .filter(|p| p.required)
        .chain(message.params.iter().filter(|p| !p.required))
        .collect();
    let all: Vec<_> = ordered.iter().map(|p| &p.ident).collect();
    let names: Vec<_> = ordered.iter().map(|p| p.name.as_str()).collect();
    let required: Vec<_> = ordered.iter().filter(|p| p.required).collect();
    let optional: Vec<_> = ordered.iter().filter(|p| !p.required).collect();
    let rfield: Vec<_> = required.iter().map(|p| &p.ident).collect();
    let rty: Vec<_> = required.iter().map(|p| &p.ty).collect();
    let ofield: Vec<_> = optional.iter().map(|p| &p.ident).collect();
    let oty: Vec<_> = optional.iter().map(|p| &p.ty).collect();

    // Typing and writing each value, spanned at the field's type: a type that is no
    // `XmlValue` is reported there.
    let typed: Vec<TokenStream> = ordered
        .iter()
        .map(|p| {
            let (field, name) = (&p.ident, p.name.as_str());
            if p.required {
                quote_spanned! {p.ty.span()=> #field: slots.#field.required(#name)? }
            } else {
                quote_spanned! {p.ty.span()=> #field: slots.#field.optional(#name)? }
            }
        })
        .collect();
    let written: Vec<TokenStream> = ordered
        .iter()
        .map(|p| {
            let (field, name, ty) = (&p.ident, p.name.as_str(), &p.ty);
            if p.required {
                quote_spanned! {p.ty.span()=>
                    <#ty as ::ivr_xml::XmlValue>::with_str(&self.#field, |text| params.push(#name, text));
                }
            } else {
                quote_spanned! {p.ty.span()=>
                    if let ::core::option::Option::Some(value) = &self.#field {
                        <#ty as ::ivr_xml::XmlValue>::with_str(value, |text| params.push(#name, text));
                    }
                }
            }
        })
        .collect();

    let new_doc = format!(
        "A {} with its required parameters; the optional ones are unset.",
        kind.value()
    );
    let setter_docs = optional
        .iter()
        .map(|p| format!("Sets `{}` (the field `{}`).", p.name, p.ident));
    let default = required.is_empty().then(|| {
        quote! {
            #[automatically_derived]
            impl ::core::default::Default for #ident {
                fn default() -> #ident {
                    #ident::new()
                }
            }
        }
    });

    // The one reader: the pairs of `source`, however decoded, each into its slot or `extra`,
    // then each slot typed in order. Every reader of the message calls it with its source.
    let read = quote! {
        // Inlined into each reader: each is then the body written for its source.
        #[inline(always)]
        fn __read<'a>(
            source: impl #krate::__private::PairSource<'a>,
        ) -> ::core::result::Result<#ident, #krate::NotifyError> {
            #[allow(unused_mut)]
            let mut slots = __Slots {
                #( #all: #krate::__private::Slot::EMPTY, )*
                __input: ::core::marker::PhantomData,
            };
            let mut extra = #krate::Params::new();
            let read = #krate::__private::PairSource::for_each_pair(source, |name, value| {
                match &*name {
                    #( #names => slots.#all.put(value), )*
                    _ => extra.push(
                        ::std::borrow::Cow::into_owned(name),
                        ::std::borrow::Cow::into_owned(value),
                    ),
                }
            });
            let read = ::core::result::Result::and_then(read, |()| {
                ::core::result::Result::Ok(#ident {
                    #( #typed, )*
                    #extra: extra,
                })
            });
            read.map_err(|err| err.in_message(#kind))
        }
    };
    let serde = message.serde.then(|| {
        crate::serde_impls::forward(
            ident,
            quote!(serialize_message),
            quote!(deserialize_message),
        )
    });

    quote! {
        impl #ident {
            #[doc = #new_doc]
            pub fn new(#( #rfield: #rty ),*) -> #ident {
                #ident {
                    #( #rfield, )*
                    #( #ofield: ::core::option::Option::None, )*
                    #extra: #krate::Params::new(),
                }
            }

            #(
                #[doc = #setter_docs]
                pub fn #ofield(mut self, value: impl ::core::convert::Into<#oty>) -> #ident {
                    self.#ofield = ::core::option::Option::Some(value.into());
                    self
                }
            )*

            /// Adds a parameter the message does not read; it is written after the known ones.
            ///
            /// Use a name the message does not read: a known name given again with another value
            /// makes the written message unreadable (two values for one parameter).
            pub fn extra_param(
                mut self,
                name: impl ::core::convert::Into<::std::string::String>,
                value: impl ::core::convert::Into<::std::string::String>,
            ) -> #ident {
                self.#extra.push(name, value);
                self
            }
        }

        #default

        const _: () = {
            /// One slot per known parameter: the first value and the first different one.
            struct __Slots<'a> {
                #( #all: #krate::__private::Slot<'a>, )*
                __input: ::core::marker::PhantomData<&'a str>,
            }

            #read

            #[automatically_derived]
            impl #krate::Message for #ident {
                const KIND: &'static str = #kind;
                const DEFAULT_SEGMENT: ::core::option::Option<&'static str> = #segment;
                const PARAMS: &'static [&'static str] = &[#( #names ),*];

                /// Reads the message from a query string in one pass: each known parameter into
                /// its slot, borrowed where nothing was escaped, the others into `extra`.
                fn from_query(query: &str) -> ::core::result::Result<#ident, #krate::NotifyError> {
                    __read(#krate::__private::Query(query))
                }

                /// Reads the message from a form body in one pass, as `from_query`.
                fn from_form(body: &[u8]) -> ::core::result::Result<#ident, #krate::NotifyError> {
                    __read(#krate::__private::Form(body))
                }

                fn from_params(
                    params: &#krate::Params,
                ) -> ::core::result::Result<#ident, #krate::NotifyError> {
                    __read(#krate::__private::Pairs(params.cow_pairs()))
                }

                /// Reads the message from decoded pairs (a `Request`'s), as `from_query`.
                fn from_pairs<'__a>(
                    pairs: impl ::core::iter::IntoIterator<
                        Item = (::std::borrow::Cow<'__a, str>, ::std::borrow::Cow<'__a, str>),
                    >,
                ) -> ::core::result::Result<#ident, #krate::NotifyError> {
                    __read(#krate::__private::Pairs(pairs))
                }

                fn to_params(&self) -> #krate::Params {
                    let mut params = #krate::Params::new();
                    #( #written )*
                    params.extend(self.#extra.iter());
                    params
                }
            }
        };

        #serde
    }
}
