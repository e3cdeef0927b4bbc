//! Builders: the setters of `#[xml(setter)]` fields and `raw_attribute` of an
//! `#[xml(extra, setter)]` field, in one inherent impl.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use crate::ir::{Container, Field, Role};

/// The builder methods of `fields` (none without `setter`): an optional attribute's setter
/// takes the value (`setter`) or what its type's `new` checks (`setter(new = Type)`, the error
/// recorded in the pending field); the extra field's is `raw_attribute(name, value)`.
pub(super) fn setters(container: &Container, fields: &[Field]) -> TokenStream {
    let vis = &container.vis;
    let pending = fields
        .iter()
        .find(|f| matches!(f.role, Role::Pending))
        .map(|f| &f.member);
    let methods: Vec<TokenStream> = fields
        .iter()
        .filter_map(|field| {
            let setter = field.setter.as_ref()?;
            let member = &field.member;
            let docs = &field.docs;
            match (&field.role, &setter.from, pending) {
                (Role::Extra, _, Some(pending)) => Some(quote_spanned! {setter.span=>
                    /// Adds an attribute the library does not know (written after the known ones).
                    ///
                    /// A name that is not an XML name, a value with a character XML cannot carry, a name
                    /// given twice, or the name of one of the element's known attributes (set that with its
                    /// own setter) is reported when the document is built: none would read back as built.
                    /// The strict parser refuses unknown attributes; parse such documents with
                    /// [`ParseOptions::lenient`](::ivr_xml::ParseOptions::lenient).
                    #vis fn raw_attribute(
                        mut self,
                        name: impl ::core::convert::Into<::std::string::String>,
                        value: impl ::core::convert::Into<::std::string::String>,
                    ) -> Self {
                        if let ::core::option::Option::Some(__attribute) =
                            ::ivr_xml::PendingError::record(&mut self.#pending, ::ivr_xml::RawAttribute::new(name, value))
                        {
                            self.#member.push(__attribute);
                        }
                        self
                    }
                }),
                (
                    Role::Attribute {
                        absent: crate::ir::Absent::Required,
                        ..
                    },
                    _,
                    _,
                ) => None,
                (Role::Attribute { value, name, .. }, from, _) => {
                    let ident = match member {
                        syn::Member::Named(ident) => ident.clone(),
                        syn::Member::Unnamed(index) => format_ident!("field_{}", index.index),
                    };
                    let head = format!(" Sets `{}`:", name.value());
                    let body = match (from, pending) {
                        (Some(from), Some(pending)) => quote_spanned! {from_span(from)=>
                            #vis fn #ident(mut self, #ident: #from) -> Self {
                                self.#member = ::ivr_xml::PendingError::record(&mut self.#pending, <#value>::new(#ident));
                                self
                            }
                        },
                        (Some(_), None) => return None,
                        (None, _) => quote! {
                            #vis fn #ident(mut self, #ident: #value) -> Self {
                                self.#member = ::core::option::Option::Some(#ident);
                                self
                            }
                        },
                    };
                    Some(quote! {
                        #[doc = #head]
                        #[doc = ""]
                        #(#docs)*
                        #body
                    })
                }
                _ => None,
            }
        })
        .collect();
    let mut methods = methods;
    // `new(required...)`: the required attributes with `setter(new = Type)`, in field order,
    // each checked with its type's `new` (an error recorded, the field left at its default).
    let mut required: Vec<(&Field, &syn::Type, &syn::Type)> = fields
        .iter()
        .filter_map(|field| match (&field.role, &field.setter) {
            (
                Role::Attribute {
                    absent: crate::ir::Absent::Required,
                    value,
                    ..
                },
                Some(crate::ir::Setter {
                    from: Some(from), ..
                }),
            ) => Some((field, value, from)),
            _ => None,
        })
        .collect();
    // `#[xml(new(b, a))]` orders them (checked: it lists each exactly once).
    if let Some(order) = &container.new_order {
        required.sort_by_key(|(field, _, _)| {
            order.iter().position(
                |ident| matches!(&field.member, syn::Member::Named(name) if name == ident),
            )
        });
    }
    if let (false, Some(pending)) = (required.is_empty(), pending) {
        let args: Vec<syn::Ident> = required
            .iter()
            .map(|(field, _, _)| match &field.member {
                syn::Member::Named(ident) => ident.clone(),
                syn::Member::Unnamed(index) => format_ident!("field_{}", index.index),
            })
            .collect();
        let members = required.iter().map(|(field, _, _)| &field.member);
        let values = required.iter().map(|(_, value, _)| value);
        let froms = required.iter().map(|(_, _, from)| from);
        let element = match &container.shape {
            crate::ir::Shape::Element { name, .. } => name.value(),
            _ => container.ident.to_string(),
        };
        let doc = format!(
            " A `<{element}>` with its required attributes: `new({})`.",
            args.iter()
                .map(|a| a.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        methods.insert(
            0,
            quote! {
                #[doc = #doc]
                #vis fn new(#(#args: #froms),*) -> Self {
                    let mut __built = <Self as ::core::default::Default>::default();
                    #(
                        __built.#members = ::core::option::Option::unwrap_or_default(
                            ::ivr_xml::PendingError::record(&mut __built.#pending, <#values>::new(#args)),
                        );
                    )*
                    __built
                }
            },
        );
    }
    if methods.is_empty() {
        return quote! {};
    }
    let ident = &container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    quote! {
        impl #impl_generics #ident #ty_generics #where_clause {
            #(#methods)*
        }
    }
}

fn from_span(ty: &syn::Type) -> proc_macro2::Span {
    syn::spanned::Spanned::span(ty)
}
