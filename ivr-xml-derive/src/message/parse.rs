//! Reads `#[message(...)]` attributes into the model, collecting every error with its span.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, Data, DeriveInput, Fields, GenericArgument, LitStr, PathArguments, Type};

use super::{Errors, MessageDef, Param};
use crate::ctxt::unknown_option;

/// Calls `each` for every item inside the `#[message(...)]` attributes; a syntax error ends that
/// attribute and is collected.
fn for_each_item(
    attrs: &[Attribute],
    errors: &mut Errors,
    mut each: impl FnMut(ParseNestedMeta<'_>, &mut Errors) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|a| a.path().is_ident("message")) {
        if let Err(err) = attr.parse_nested_meta(|meta| each(meta, errors)) {
            errors.push_error(err);
        }
    }
}

pub(crate) fn parse(input: &DeriveInput, errors: &mut Errors) -> Option<MessageDef> {
    if !input.generics.params.is_empty() {
        errors.push(
            &input.generics,
            "#[derive(Message)] does not support generic types",
        );
    }
    let Data::Struct(data) = &input.data else {
        errors.push(
            &input.ident,
            "#[derive(Message)] works on a struct with named fields: one per parameter, and `extra`",
        );
        return None;
    };
    let Fields::Named(fields) = &data.fields else {
        errors.push(
            &input.ident,
            "#[derive(Message)] works on a struct with named fields: one per parameter, and `extra`",
        );
        return None;
    };

    let (mut kind, mut segment, mut serde) = (None, None, false);
    for_each_item(&input.attrs, errors, |meta, errors| {
        if meta.path.is_ident("kind") {
            kind = Some(meta.value()?.parse::<LitStr>()?);
        } else if meta.path.is_ident("segment") {
            let literal = meta.value()?.parse::<LitStr>()?;
            if literal.value().is_empty() || literal.value().contains(['/', '?', ' ']) {
                errors.push(&literal, "a default segment is one non-empty path segment");
            }
            segment = Some(literal);
        } else if meta.path.is_ident("serde") {
            serde = crate::serde_impls::read_flag(&meta, errors)?;
        } else {
            unknown_option(
                &meta,
                errors,
                "unknown option: expected `kind = \"...\"`, `segment = \"...\"` or `serde`",
            )?;
        }
        Ok(())
    });
    if kind.is_none() {
        errors.push(
            &input.ident,
            "#[derive(Message)] needs #[message(kind = \"...\")]: what the message is called in errors",
        );
    }

    let mut params: Vec<Param> = Vec::new();
    let mut extra = None;
    for field in &fields.named {
        let Some(ident) = field.ident.clone() else {
            continue;
        };
        let (mut rename, mut is_extra) = (None, false);
        for_each_item(&field.attrs, errors, |meta, errors| {
            if meta.path.is_ident("rename") {
                rename = Some(meta.value()?.parse::<LitStr>()?);
            } else if meta.path.is_ident("extra") {
                is_extra = true;
            } else {
                unknown_option(
                    &meta,
                    errors,
                    "unknown option: expected `rename = \"...\"` or `extra`",
                )?;
            }
            Ok(())
        });
        if is_extra {
            if let Some(rename) = &rename {
                errors.push(rename, "the `extra` field has no parameter name");
            }
            if extra.is_some() {
                errors.push(&ident, "a message has one `extra` field");
            }
            extra = Some(ident);
            continue;
        }
        let name = rename
            .as_ref()
            .map_or_else(|| ident.to_string(), LitStr::value);
        if name.is_empty() {
            errors.push(&rename, "a parameter name cannot be empty");
        }
        if params.iter().any(|p| p.name == name) {
            errors.push(&ident, format!("two fields read the parameter `{name}`"));
        }
        let (ty, required) = match option_inner(&field.ty) {
            Some(inner) => (inner, false),
            None => (field.ty.clone(), true),
        };
        params.push(Param {
            ident,
            ty,
            name,
            required,
        });
    }
    if extra.is_none() {
        errors.push(
            &input.ident,
            "#[derive(Message)] needs a `#[message(extra)] extra: Params` field for the parameters it does not read",
        );
    }
    Some(MessageDef {
        ident: input.ident.clone(),
        kind: kind?,
        segment,
        serde,
        params,
        extra: extra?,
    })
}

/// `T` of `Option<T>`.
fn option_inner(ty: &Type) -> Option<Type> {
    let Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return None;
    };
    match arguments.args.first()? {
        GenericArgument::Type(inner) if arguments.args.len() == 1 => Some(inner.clone()),
        _ => None,
    }
}
