//! Cross-field checks on the IR: rules no single field's attributes can break alone.

use syn::Member;

use crate::ctxt::Errors;
use crate::ir::{Field, Role, Variant};

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
