//! Generates `impl ivr_xml::notify::Notification` from a valid model: `from_pairs` chooses the
//! variant by segment and hands the decoded pairs to its message; `from_parts` reads a `Params`
//! through it. With `#[notification(serde)]`, the serde impls too.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{Choice, Dispatch};

pub(crate) fn expand(dispatch: &Dispatch) -> TokenStream {
    let ident = &dispatch.ident;
    let krate = quote!(::ivr_xml::notify);
    // Each segment expression, and for each variant the indices of its segments.
    let mut segments: Vec<TokenStream> = Vec::new();
    let mut parse_arms: Vec<TokenStream> = Vec::new();
    let mut segment_arms: Vec<TokenStream> = Vec::new();
    let mut params_arms: Vec<TokenStream> = Vec::new();
    let mut fallback = quote! {
        ::core::result::Result::Err(#krate::__private::unexpected_segment(
            path,
            <Self as #krate::Notification>::SEGMENTS,
        ))
    };
    for variant in &dispatch.variants {
        let name = &variant.ident;
        let ty = &variant.ty;
        match &variant.choice {
            Choice::Other => {
                fallback = quote_spanned! {ty.span()=>
                    ::core::result::Result::map(
                        <#ty as #krate::Notification>::from_pairs(path, pairs),
                        #ident::#name,
                    )
                };
                segment_arms.push(quote_spanned! {ty.span()=>
                    #ident::#name(inner) => <#ty as #krate::Notification>::segment(inner)
                });
                params_arms.push(quote_spanned! {ty.span()=>
                    #ident::#name(inner) => <#ty as #krate::Notification>::to_params(inner)
                });
            }
            Choice::Segments(literals) => {
                let first = segments.len();
                if literals.is_empty() {
                    let message = format!(
                        "variant `{name}` needs #[notification(segment = \"...\")]: its message type has no default segment"
                    );
                    segments.push(quote_spanned! {ty.span()=>
                        match <#ty as #krate::Message>::DEFAULT_SEGMENT {
                            ::core::option::Option::Some(segment) => segment,
                            ::core::option::Option::None => ::core::panic!(#message),
                        }
                    });
                } else {
                    segments.extend(literals.iter().map(|literal| quote!(#literal)));
                }
                let indices = (first..segments.len()).map(Literal::usize_unsuffixed);
                // A `RawNotification` is no `Message`: it reads as a `Notification`, which
                // keeps the path, and writes its parameters the same way.
                let read_as = if super::is_raw(ty) {
                    quote!(Notification > ::from_pairs(path, pairs))
                } else {
                    quote!(Message > ::from_pairs(pairs))
                };
                let write_as = if super::is_raw(ty) {
                    quote!(Notification)
                } else {
                    quote!(Message)
                };
                parse_arms.push(quote_spanned! {ty.span()=>
                    ::core::option::Option::Some(#(#indices)|*) => ::core::result::Result::map(
                        <#ty as #krate::#read_as,
                        #ident::#name,
                    )
                });
                let first = Literal::usize_unsuffixed(first);
                segment_arms.push(quote! {
                    #ident::#name(_) => <Self as #krate::Notification>::SEGMENTS[#first]
                });
                params_arms.push(quote_spanned! {ty.span()=>
                    #ident::#name(inner) => <#ty as #krate::#write_as>::to_params(inner)
                });
            }
        }
    }
    let serde = dispatch.serde.then(|| {
        crate::serde_impls::forward(
            ident,
            quote!(serialize_notification),
            quote!(deserialize_notification),
        )
    });
    quote! {
        #[automatically_derived]
        impl #krate::Notification for #ident {
            const SEGMENTS: &'static [&'static str] = &[#(#segments),*];

            fn from_parts(
                path: &str,
                params: &#krate::Params,
            ) -> ::core::result::Result<Self, #krate::NotifyError> {
                <Self as #krate::Notification>::from_pairs(path, params.cow_pairs())
            }

            fn from_pairs<'__a>(
                path: &str,
                pairs: impl ::core::iter::IntoIterator<
                    Item = (::std::borrow::Cow<'__a, str>, ::std::borrow::Cow<'__a, str>),
                >,
            ) -> ::core::result::Result<Self, #krate::NotifyError> {
                match #krate::match_segment(path, <Self as #krate::Notification>::SEGMENTS) {
                    #(#parse_arms,)*
                    _ => #fallback,
                }
            }

            fn segment(&self) -> &str {
                match self {
                    #(#segment_arms,)*
                }
            }

            fn to_params(&self) -> #krate::Params {
                match self {
                    #(#params_arms,)*
                }
            }
        }

        const _: () = #krate::__private::assert_unique_segments(
            <#ident as #krate::Notification>::SEGMENTS,
        );

        #serde
    }
}
