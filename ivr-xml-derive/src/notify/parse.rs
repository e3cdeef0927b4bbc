//! Reads `#[notification(...)]` attributes into the model, collecting every error with its span.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, Data, DeriveInput, Fields, LitStr};

use super::{Choice, Dispatch, Errors, Variant};
use crate::ctxt::unknown_option;

const VARIANT_OPTIONS: &str =
    "unknown option: expected `segment = \"...\"` or `other` (`serde` goes on the enum)";

/// Calls `each` for every item inside the `#[notification(...)]` attributes; a syntax error ends
/// that attribute and is collected.
fn for_each_item(
    attrs: &[Attribute],
    errors: &mut Errors,
    mut each: impl FnMut(ParseNestedMeta<'_>, &mut Errors) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|a| a.path().is_ident("notification")) {
        if let Err(err) = attr.parse_nested_meta(|meta| each(meta, errors)) {
            errors.push_error(err);
        }
    }
}

pub(crate) fn parse(input: &DeriveInput, errors: &mut Errors) -> Option<Dispatch> {
    if !input.generics.params.is_empty() {
        errors.push(
            &input.generics,
            "#[derive(Notification)] does not support generic types",
        );
    }
    let Data::Enum(data) = &input.data else {
        errors.push(
            &input.ident,
            "#[derive(Notification)] works on an enum: one variant per expected notification, like `Start(StartService)`",
        );
        return None;
    };
    let mut serde = false;
    for_each_item(&input.attrs, errors, |meta, errors| {
        if meta.path.is_ident("serde") {
            serde = crate::serde_impls::read_flag(&meta, errors)?;
            Ok(())
        } else {
            unknown_option(
                &meta,
                errors,
                "unknown option: the enum takes only `serde`; put `segment = \"...\"` or `other` on a variant",
            )
        }
    });
    if data.variants.is_empty() {
        errors.push(
            &input.ident,
            "#[derive(Notification)] needs at least one variant",
        );
    }
    let variants: Vec<Variant> = data
        .variants
        .iter()
        .filter_map(|variant| parse_variant(variant, errors))
        .collect();
    check_variants(&variants, errors);
    Some(Dispatch {
        ident: input.ident.clone(),
        serde,
        variants,
    })
}

fn parse_variant(variant: &syn::Variant, errors: &mut Errors) -> Option<Variant> {
    let mut segments: Vec<LitStr> = Vec::new();
    let mut other: Option<proc_macro2::Span> = None;
    for_each_item(&variant.attrs, errors, |meta, errors| {
        if meta.path.is_ident("segment") {
            let segment: LitStr = meta.value()?.parse()?;
            if let Some(problem) = segment_problem(&segment.value()) {
                errors.push(&segment, problem);
            } else if segments.iter().any(|s| s.value() == segment.value()) {
                errors.push(&segment, format!("duplicate segment `{}`", segment.value()));
            } else {
                segments.push(segment);
            }
            Ok(())
        } else if meta.path.is_ident("other") {
            if other.is_some() {
                errors.push(&meta.path, "duplicate `other`");
            }
            other = Some(syn::spanned::Spanned::span(&meta.path));
            Ok(())
        } else {
            unknown_option(&meta, errors, VARIANT_OPTIONS)
        }
    });
    let ty = match &variant.fields {
        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => fields.unnamed[0].ty.clone(),
        _ => {
            errors.push(
                &variant.ident,
                "each variant holds one message type, like `Start(StartService)`",
            );
            return None;
        }
    };
    let choice = match other {
        Some(span) => {
            if !segments.is_empty() {
                errors.push(
                    span,
                    "an `other` variant takes every path no other variant takes: it has no `segment`",
                );
            }
            Choice::Other
        }
        None => {
            if segments.is_empty() && super::is_raw(&ty) {
                errors.push(
                    &ty,
                    format!(
                        "variant `{}` holds a `RawNotification`, which has no default segment: name it with #[notification(segment = \"...\")], or make the variant #[notification(other)]",
                        variant.ident
                    ),
                );
            }
            Choice::Segments(segments)
        }
    };
    Some(Variant {
        ident: variant.ident.clone(),
        ty,
        choice,
    })
}

/// What is wrong with a segment, if anything: it must be a non-empty relative URL path.
fn segment_problem(segment: &str) -> Option<&'static str> {
    if segment.is_empty() {
        Some("a segment cannot be empty")
    } else if segment.starts_with('/') || segment.ends_with('/') {
        Some("write the segment without a leading or trailing `/`")
    } else if segment.contains(['?', '#']) {
        Some("a segment is a path, without `?` or `#`: query parameters of an `action` URL come back as parameters")
    } else if segment.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some("a segment cannot hold whitespace or control characters")
    } else {
        None
    }
}

/// The rules between variants: one `other`, and no segment taken twice.
fn check_variants(variants: &[Variant], errors: &mut Errors) {
    let mut others = variants
        .iter()
        .filter(|v| matches!(v.choice, Choice::Other));
    if let Some(first) = others.next() {
        for extra in others {
            errors.push(
                &extra.ident,
                format!(
                    "only one variant can be `other`, and `{}` already is",
                    first.ident
                ),
            );
        }
    }
    let mut seen: Vec<(String, &syn::Ident)> = Vec::new();
    for variant in variants {
        let Choice::Segments(segments) = &variant.choice else {
            continue;
        };
        for segment in segments {
            match seen.iter().find(|(s, _)| *s == segment.value()) {
                Some((_, owner)) if *owner != &variant.ident => errors.push(
                    segment,
                    format!(
                        "segment `{}` is already taken by variant `{owner}`",
                        segment.value()
                    ),
                ),
                Some(_) => {}
                None => seen.push((segment.value(), &variant.ident)),
            }
        }
    }
}
