//! Reads `#[xml(...)]` attributes into the IR, collecting every error with its span.

use syn::spanned::Spanned;
use syn::{
    Attribute, Data, DeriveInput, Fields, GenericArgument, LitStr, Member, PathArguments, Type,
};

use crate::ir::{Absent, Container, Field, Role, Shape, Variant};

/// Collects errors so that all of them are reported together.
#[derive(Default)]
pub(crate) struct Errors(Vec<syn::Error>);

impl Errors {
    pub(crate) fn push(&mut self, span: impl Spanned, message: impl std::fmt::Display) {
        self.0.push(syn::Error::new(span.span(), message));
    }

    pub(crate) fn push_error(&mut self, error: syn::Error) {
        self.0.push(error);
    }

    pub(crate) fn finish(self) -> Result<(), syn::Error> {
        let mut errors = self.0.into_iter();
        match errors.next() {
            None => Ok(()),
            Some(mut first) => {
                errors.for_each(|e| first.combine(e));
                Err(first)
            }
        }
    }
}

/// Calls `each` for every item inside the `#[xml(...)]` attributes.
fn for_each_xml_item(
    attrs: &[Attribute],
    errors: &mut Errors,
    mut each: impl FnMut(syn::meta::ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|a| a.path().is_ident("xml")) {
        if let Err(err) = attr.parse_nested_meta(&mut each) {
            errors.push_error(err);
        }
    }
}

pub(crate) fn parse(input: &DeriveInput, errors: &mut Errors) -> Option<Container> {
    if !input.generics.params.is_empty() {
        errors.push(
            &input.generics,
            "#[derive(Xml)] does not support generic types",
        );
    }
    let shape = match &input.data {
        Data::Struct(data) => parse_struct(input, &data.fields, errors),
        Data::Enum(data) => {
            for_each_xml_item(&input.attrs, errors, |meta| {
                Err(meta.error(
                    "enums take no #[xml(...)] options: each variant's type names its element",
                ))
            });
            let variants = data
                .variants
                .iter()
                .filter_map(|v| parse_variant(v, errors))
                .collect::<Vec<_>>();
            if variants.is_empty() {
                errors.push(&input.ident, "#[derive(Xml)] needs at least one variant");
            }
            let others = variants.iter().filter(|v| v.other).count();
            if others > 1 {
                errors.push(&input.ident, "only one variant can be #[xml(other)]");
            }
            Some(Shape::Alternatives { variants })
        }
        Data::Union(_) => {
            errors.push(
                &input.ident,
                "#[derive(Xml)] supports structs and enums, not unions",
            );
            None
        }
    };
    shape.map(|shape| Container {
        ident: input.ident.clone(),
        shape,
    })
}

fn parse_struct(input: &DeriveInput, fields: &Fields, errors: &mut Errors) -> Option<Shape> {
    let mut element: Option<LitStr> = None;
    for_each_xml_item(&input.attrs, errors, |meta| {
        if meta.path.is_ident("element") {
            if element.is_some() {
                return Err(meta.error("duplicate `element`"));
            }
            let name: LitStr = meta.value()?.parse()?;
            if !is_xml_name(&name.value()) {
                return Err(syn::Error::new(
                    name.span(),
                    "`element` must be an XML name",
                ));
            }
            element = Some(name);
            Ok(())
        } else {
            Err(meta.error("unknown option: expected `element = \"Name\"`"))
        }
    });
    let named = match fields {
        Fields::Named(named) => named,
        Fields::Unit => {
            // A unit struct is an empty element with no attributes.
            return finish_struct(input, element, Vec::new(), errors);
        }
        Fields::Unnamed(_) => {
            errors.push(
                fields,
                "#[derive(Xml)] needs named fields (or a unit struct)",
            );
            return None;
        }
    };
    let fields: Vec<Field> = named
        .named
        .iter()
        .filter_map(|f| parse_field(f, errors))
        .collect();
    finish_struct(input, element, fields, errors)
}

fn finish_struct(
    input: &DeriveInput,
    element: Option<LitStr>,
    fields: Vec<Field>,
    errors: &mut Errors,
) -> Option<Shape> {
    let Some(name) = element else {
        errors.push(
            &input.ident,
            "missing #[xml(element = \"Name\")] on the struct",
        );
        return None;
    };
    let count =
        |pred: fn(&Role) -> bool| fields.iter().filter(|f| pred(&f.role)).collect::<Vec<_>>();
    let texts = count(|r| matches!(r, Role::Text));
    let nested = count(|r| matches!(r, Role::Child { .. } | Role::Children { .. }));
    for extra in texts.iter().skip(1) {
        errors.push(&extra.member, "only one field can be #[xml(text)]");
    }
    if let (Some(text), Some(_)) = (texts.first(), nested.first()) {
        errors.push(
            &text.member,
            "an element holds either text or child elements, not both",
        );
    }
    for (role_name, pred) in [
        (
            "extra",
            (|r: &Role| matches!(r, Role::Extra)) as fn(&Role) -> bool,
        ),
        ("pending", |r: &Role| matches!(r, Role::Pending)),
    ] {
        for dup in count(pred).iter().skip(1) {
            errors.push(
                &dup.member,
                format!("only one field can be #[xml({role_name})]"),
            );
        }
    }
    let mut seen: Vec<String> = Vec::new();
    for field in &fields {
        if let Role::Attribute { name, .. } = &field.role {
            if seen.contains(&name.value()) {
                errors.push(
                    name,
                    format!("attribute `{}` is used by two fields", name.value()),
                );
            }
            seen.push(name.value());
        }
    }
    Some(Shape::Element { name, fields })
}

fn parse_field(field: &syn::Field, errors: &mut Errors) -> Option<Field> {
    let ident = field.ident.clone()?;
    let mut role_seen: Vec<(&'static str, proc_macro2::Span)> = Vec::new();
    let mut rename: Option<LitStr> = None;
    let mut default = false;
    for_each_xml_item(&field.attrs, errors, |meta| {
        const ROLES: [&str; 7] = [
            "attribute",
            "text",
            "child",
            "children",
            "extra",
            "pending",
            "skip",
        ];
        if let Some(role) = ROLES.iter().find(|r| meta.path.is_ident(r)) {
            role_seen.push((role, meta.path.span()));
            Ok(())
        } else if meta.path.is_ident("rename") {
            rename = Some(meta.value()?.parse()?);
            Ok(())
        } else if meta.path.is_ident("default") {
            default = true;
            Ok(())
        } else {
            Err(meta.error(
                "unknown option: expected one of `attribute`, `text`, `child`, `children`, `extra`, `pending`, `skip`, `rename`, `default`",
            ))
        }
    });
    let role_name = match role_seen.as_slice() {
        [] => {
            errors.push(
                &ident,
                "field needs a role: #[xml(attribute)], #[xml(text)], #[xml(child)], #[xml(children)], #[xml(extra)], #[xml(pending)] or #[xml(skip)]",
            );
            return None;
        }
        [(one, _)] => *one,
        [_, (_, span), ..] => {
            errors.push(*span, "a field has exactly one role");
            return None;
        }
    };
    if role_name != "attribute" {
        if let Some(rename) = &rename {
            errors.push(rename, "`rename` applies to attributes only");
        }
        if default {
            errors.push(&ident, "`default` applies to attributes only");
        }
    }
    let ty = field.ty.clone();
    let role = match role_name {
        "attribute" => {
            let name = rename.unwrap_or_else(|| LitStr::new(&ident.to_string(), ident.span()));
            if !is_xml_name(&name.value()) {
                errors.push(&name, "attribute name must be an XML name");
            }
            let optional = inner_type(&ty, "Option").is_some();
            if optional && default {
                errors.push(
                    &ident,
                    "`default` and `Option` both say what a missing attribute is: use one",
                );
            }
            let absent = if optional {
                Absent::Optional
            } else if default {
                Absent::Default
            } else {
                Absent::Required
            };
            Role::Attribute { name, absent }
        }
        "text" => Role::Text,
        "child" => match inner_type(&ty, "Option") {
            Some(inner) => Role::Child {
                inner,
                optional: true,
            },
            None => Role::Child {
                inner: ty.clone(),
                optional: false,
            },
        },
        "children" => match inner_type(&ty, "Vec") {
            Some(inner) => Role::Children { inner },
            None => {
                errors.push(&ty, "#[xml(children)] needs a `Vec<T>` field");
                return None;
            }
        },
        "extra" => Role::Extra,
        "pending" => Role::Pending,
        _ => Role::Skip,
    };
    Some(Field {
        member: Member::Named(ident),
        ty,
        role,
    })
}

fn parse_variant(variant: &syn::Variant, errors: &mut Errors) -> Option<Variant> {
    let mut other = false;
    for_each_xml_item(&variant.attrs, errors, |meta| {
        if meta.path.is_ident("other") {
            other = true;
            Ok(())
        } else {
            Err(meta.error("unknown option: expected `other`"))
        }
    });
    match &variant.fields {
        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => Some(Variant {
            ident: variant.ident.clone(),
            ty: fields.unnamed[0].ty.clone(),
            other,
        }),
        _ => {
            errors.push(
                &variant.ident,
                "each variant holds one element type, like `Play(Play)`",
            );
            None
        }
    }
}

/// `T` when `ty` is `wrapper<T>` (matched by the last path segment).
pub(crate) fn inner_type(ty: &Type, wrapper: &str) -> Option<Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != wrapper {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(inner) if args.args.len() == 1 => Some(inner.clone()),
        _ => None,
    }
}

fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => {
            (first.is_alphabetic() || first == '_')
                && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        }
        None => false,
    }
}
