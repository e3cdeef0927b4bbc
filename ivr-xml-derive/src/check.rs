//! Cross-field checks on the IR: rules no single field's attributes can break alone.

use syn::Member;

use crate::ctxt::Errors;
use crate::ir::{Describe, Field, Known, Role, Variant};

/// Only one variant of an enum is the catch-all `other`.
pub(crate) fn check_variants(variants: &[Variant], errors: &mut Errors) {
    let mut others = variants.iter().filter(|v| v.other);
    if let Some(first) = others.next() {
        for extra in others {
            errors.push(
                &extra.ident,
                format!(
                    "only one variant can be #[xml(other)], and `{}` already is",
                    first.ident
                ),
            );
        }
    }
}

/// The rules between fields: one text, text or children, one extra and pending, unique attribute names.
pub(crate) fn check_fields(fields: &[Field], errors: &mut Errors) {
    let with_role =
        |pred: fn(&Role) -> bool| fields.iter().filter(|f| pred(&f.role)).collect::<Vec<_>>();
    let texts = with_role(|r| matches!(r, Role::Text));
    let nested = with_role(|r| matches!(r, Role::Child { .. } | Role::Children { .. }));
    // `children(all)` takes every child element: nothing else can hold content.
    let all = with_role(|r| matches!(r, Role::Children { all: true, .. }));
    if let Some(all) = all.first() {
        for other in &nested {
            if other.member != all.member {
                errors.push(
                    &other.member,
                    format!(
                        "`{}` is #[xml(children(all))] and takes every child element: it is the element's only content",
                        member_name(&all.member)
                    ),
                );
            }
        }
    }
    for extra in texts.iter().skip(1) {
        errors.push(&extra.member, "only one field can be #[xml(text)]");
    }
    if let (Some(text), Some(child)) = (texts.first(), nested.first()) {
        let role = match child.role {
            Role::Children { .. } => "children",
            _ => "child",
        };
        errors.push(
            &text.member,
            format!(
                "an element holds either text or child elements, not both: `{}` is #[xml({role})]",
                member_name(&child.member)
            ),
        );
    }
    for (role_name, pred) in [
        (
            "extra",
            (|r: &Role| matches!(r, Role::Extra)) as fn(&Role) -> bool,
        ),
        ("pending", |r: &Role| matches!(r, Role::Pending)),
    ] {
        for dup in with_role(pred).iter().skip(1) {
            errors.push(
                &dup.member,
                format!("only one field can be #[xml({role_name})]"),
            );
        }
    }
    // A checked setter and `raw_attribute` record their error in the pending field.
    if !fields.iter().any(|f| matches!(f.role, Role::Pending)) {
        for field in fields {
            let Some(setter) = &field.setter else {
                continue;
            };
            if setter.from.is_some() || matches!(field.role, Role::Extra) {
                errors.push(
                    setter.span,
                    "this setter checks its value and records an error in the #[xml(pending)] field: add a `PendingError` field with #[xml(pending)]",
                );
            }
        }
    }
    let mut seen: Vec<(String, &Member)> = Vec::new();
    for field in fields {
        if let Role::Attribute { name, .. } = &field.role {
            match seen.iter().find(|(n, _)| *n == name.value()) {
                Some((_, first)) => errors.push(
                    name,
                    format!(
                        "field `{}` already uses the attribute name `{}`",
                        member_name(first),
                        name.value()
                    ),
                ),
                None => seen.push((name.value(), &field.member)),
            }
        }
    }
}

pub(crate) fn member_name(member: &Member) -> String {
    match member {
        Member::Named(ident) => ident.to_string(),
        Member::Unnamed(index) => index.index.to_string(),
    }
}

/// The rules of a struct with an `#[xml(flatten)]` field: one such field, whose element (name,
/// content, raw attributes) this struct is, so that the other fields only add attributes.
pub(crate) fn check_flattened(
    input: &syn::DeriveInput,
    fields: &[Field],
    element_given: bool,
    errors: &mut Errors,
) {
    let flattened: Vec<&Field> = fields
        .iter()
        .filter(|f| matches!(f.role, Role::Flatten))
        .collect();
    let first = member_name(&flattened[0].member);
    if element_given {
        errors.push(
            &input.ident,
            format!("`{first}` is #[xml(flatten)]: this struct is written as that field's element, so it takes no `element = \"...\"`"),
        );
    }
    if !input.generics.params.is_empty() {
        errors.push(
            &input.generics,
            "a struct with an #[xml(flatten)] field cannot have type parameters: the flattened type must be known",
        );
    }
    for extra in flattened.iter().skip(1) {
        errors.push(
            &extra.member,
            format!("only one field can be #[xml(flatten)], and `{first}` already is"),
        );
    }
    for field in fields {
        let role = match field.role {
            Role::Text => "text",
            Role::Child { .. } => "child",
            Role::Children { .. } => "children",
            Role::Extra => "extra",
            _ => continue,
        };
        errors.push(
            &field.member,
            format!("`{first}` is #[xml(flatten)] and its element keeps the content and the raw attributes: the other fields can be #[xml(attribute)], #[xml(pending)] or #[xml(skip)], not #[xml({role})]"),
        );
    }
    check_fields(fields, errors);
}

/// A struct's `known(attribute = ...)` names are kept raw in its `extra` field, and are not
/// also the name of a typed attribute.
pub(crate) fn check_known_attributes(fields: &[Field], known: &[Known], errors: &mut Errors) {
    let has_extra = fields.iter().any(|f| matches!(f.role, Role::Extra));
    for (index, attribute) in known.iter().enumerate() {
        let name = attribute.name.value();
        if !has_extra {
            errors.push(
                &attribute.name,
                "a `known` attribute is kept raw in the #[xml(extra)] field: add a `Vec<RawAttribute>` field with #[xml(extra)]",
            );
        }
        let typed = fields.iter().find(
            |f| matches!(&f.role, Role::Attribute { name: typed, .. } if typed.value() == name),
        );
        if let Some(typed) = typed {
            errors.push(
                &attribute.name,
                format!(
                    "field `{}` already types the attribute `{name}`: its evidence goes on the field (#[xml(attribute, evidence = \"...\")])",
                    member_name(&typed.member)
                ),
            );
        } else if known[..index].iter().any(|k| k.name.value() == name) {
            errors.push(&attribute.name, format!("`{name}` is already `known`"));
        }
    }
}

/// An enum's `known(element = ...)` names are kept raw by its #[xml(other)] variant.
pub(crate) fn check_known_elements(variants: &[Variant], known: &[Known], errors: &mut Errors) {
    if variants.iter().any(|v| v.other) {
        return;
    }
    for element in known {
        errors.push(
            &element.name,
            "a `known` element is kept raw by the #[xml(other)] variant: add one (like `Raw(RawElement)`)",
        );
    }
}

/// A struct with an #[xml(flatten)] field is the flattened type's element: its description is
/// that type's, with this struct's attributes added.
pub(crate) fn check_flattened_describe(
    input: &syn::DeriveInput,
    describe: &Describe,
    errors: &mut Errors,
) {
    if describe.any_given() {
        errors.push(
            &input.ident,
            "a struct with an #[xml(flatten)] field is described by the flattened type: `evidence`, `known` and the flags (`main_only`, ...) go there",
        );
    }
}

/// `#[xml(new(a, b))]` lists exactly the arguments of the generated `new`: the required
/// attributes with `setter(new = Type)`, each once.
pub(crate) fn check_new_order(fields: &[Field], order: &[syn::Ident], errors: &mut Errors) {
    let is_argument = |field: &Field| {
        matches!(
            field.role,
            Role::Attribute {
                absent: crate::ir::Absent::Required,
                ..
            }
        ) && field.setter.as_ref().is_some_and(|s| s.from.is_some())
    };
    let member_is = |field: &Field, ident: &syn::Ident| matches!(&field.member, Member::Named(name) if name == ident);
    for (index, ident) in order.iter().enumerate() {
        if order[..index].contains(ident) {
            errors.push(ident, format!("`{ident}` is already an argument of `new`"));
        } else if !fields.iter().any(|f| member_is(f, ident) && is_argument(f)) {
            errors.push(
                ident,
                format!("`{ident}` is not an argument of `new`: `new(...)` orders the required attributes with #[xml(attribute, setter(new = Type))]"),
            );
        }
    }
    for field in fields.iter().filter(|f| is_argument(f)) {
        if !order.iter().any(|ident| member_is(field, ident)) {
            errors.push(
                &field.member,
                format!(
                    "`{}` is an argument of `new`: list it in #[xml(new(...))]",
                    member_name(&field.member)
                ),
            );
        }
    }
}

/// `empty = "end_tag"` closes an element that may have no content: one with text content is
/// always written `<Name>text</Name>`, so the option would say nothing.
pub(crate) fn check_empty_form(
    fields: &[Field],
    form: crate::ir::EmptyForm,
    span: proc_macro2::Span,
    errors: &mut Errors,
) {
    if form != crate::ir::EmptyForm::EndTag {
        return;
    }
    if let Some(text) = fields.iter().find(|f| matches!(f.role, Role::Text)) {
        errors.push(
            span,
            format!(
                "`empty = \"end_tag\"` closes an element without content, and `{}` is #[xml(text)]: a text element is always written with its end tag",
                member_name(&text.member)
            ),
        );
    }
}

/// A struct with `from`/`try_from` and `into` is another type's element: it is read as the
/// `from` type and converted, and written by converting into the `into` type, so it needs both
/// (the derive makes the parser and the writer) and takes none of the options that describe an
/// element or its fields (they go on the wire type).
pub(crate) fn check_converted(
    input: &syn::DeriveInput,
    fields: &syn::Fields,
    from: Option<(crate::ir::FromForm, proc_macro2::Span)>,
    into: Option<(syn::Type, proc_macro2::Span)>,
    span: proc_macro2::Span,
    options: crate::attr::ConvertedOptions<'_>,
    errors: &mut Errors,
) -> Option<crate::ir::Shape> {
    const WIRE: &str = "it goes on the wire type, which names the element";
    if options.element_given {
        errors.push(
            &input.ident,
            format!("a struct with `from`/`try_from` and `into` is written as another type's element: `element = \"...\"` does not apply ({WIRE})"),
        );
    }
    let describe = options.describe;
    if describe.any_given() {
        errors.push(
            &input.ident,
            format!("a struct with `from`/`try_from` and `into` is described by its wire type: `evidence`, `known` and the flags (`main_only`, ...) do not apply ({WIRE})"),
        );
    }
    if let Some(empty) = options.empty {
        errors.push(
            empty,
            format!(
                "`empty` does not apply to a struct with `from`/`try_from` and `into` ({WIRE})"
            ),
        );
    }
    if options.new_order {
        errors.push(
            &input.ident,
            "`new(...)` orders the arguments of a generated builder, and a struct with `from`/`try_from` and `into` gets none",
        );
    }
    if !input.generics.params.is_empty() {
        errors.push(
            &input.generics,
            "a struct with `from`/`try_from` and `into` cannot have type parameters: its wire type may",
        );
    }
    for field in fields {
        if let Some(attr) = field.attrs.iter().find(|a| a.path().is_ident("xml")) {
            errors.push(
                attr,
                "the fields of a struct with `from`/`try_from` and `into` have no #[xml(...)] role: the wire type's fields say where each value lives",
            );
        }
    }
    match (from, into) {
        (Some((from, _)), Some((into, _))) => Some(crate::ir::Shape::Converted {
            from: Box::new(from),
            into: Box::new(into),
        }),
        (None, _) => {
            errors.push(
                span,
                "`into = Type` needs `from = Type` or `try_from = Type` too: #[derive(Xml)] makes the parser as well as the writer",
            );
            None
        }
        (Some(_), None) => {
            errors.push(
                span,
                "`from`/`try_from` needs `into = Type` too: #[derive(Xml)] makes the writer as well as the parser",
            );
            None
        }
    }
}
