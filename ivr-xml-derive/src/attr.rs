//! Reads `#[xml(...)]` attributes into the IR, collecting every error with its span.

use syn::spanned::Spanned;
use syn::{
    Attribute, Data, DeriveInput, Fields, GenericArgument, GenericParam, LitStr, Member,
    PathArguments, Type,
};

use crate::check;
pub(crate) use crate::ctxt::{unknown_option, Errors};
use crate::ir::{
    Absent, Container, Describe, EmptyForm, Field, FromForm, Known, Role, Setter, Shape, Variant,
};

/// Calls `each` for every item inside the `#[xml(...)]` attributes.
///
/// `each` reports mistakes that leave the item readable into `errors` and returns `Ok`, so that
/// the items after it are still read; an `Err` (malformed syntax) ends that attribute.
fn for_each_xml_item(
    attrs: &[Attribute],
    errors: &mut Errors,
    mut each: impl FnMut(syn::meta::ParseNestedMeta<'_>, &mut Errors) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|a| a.path().is_ident("xml")) {
        if let Err(err) = attr.parse_nested_meta(|meta| each(meta, errors)) {
            errors.push_error(err);
        }
    }
}

pub(crate) fn parse(input: &DeriveInput, errors: &mut Errors) -> Option<Container> {
    check_generics(input, errors);
    let mut describe = Describe::default();
    let mut new_order = None;
    let mut serde = false;
    let mut check = None;
    let shape = match &input.data {
        Data::Struct(data) => parse_struct(
            input,
            &data.fields,
            &mut describe,
            &mut new_order,
            &mut serde,
            &mut check,
            errors,
        ),
        Data::Enum(data) => parse_enum(input, data, &mut describe, &mut serde, errors),
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
        vis: input.vis.clone(),
        generics: input.generics.clone(),
        shape,
        describe,
        new_order,
        serde,
        check,
    })
}

/// Structs may have type parameters (each field's type that names one gets the bound its role
/// needs); lifetimes and const parameters are refused, and so are generic enums, whose
/// `From` impls for each variant could overlap.
fn check_generics(input: &DeriveInput, errors: &mut Errors) {
    for param in &input.generics.params {
        match param {
            GenericParam::Type(_) if matches!(input.data, Data::Enum(_)) => errors.push(
                param,
                "#[derive(Xml)] supports type parameters on structs only: an enum's variants each name their element type",
            ),
            GenericParam::Type(_) => {}
            GenericParam::Lifetime(_) => errors.push(
                param,
                "#[derive(Xml)] does not support lifetime parameters: a parsed value owns its data",
            ),
            GenericParam::Const(_) => errors.push(
                param,
                "#[derive(Xml)] does not support const parameters, only type parameters",
            ),
        }
    }
}

fn parse_enum(
    input: &DeriveInput,
    data: &syn::DataEnum,
    describe: &mut Describe,
    serde: &mut bool,
    errors: &mut Errors,
) -> Option<Shape> {
    for_each_xml_item(&input.attrs, errors, |meta, errors| {
        if meta.path.is_ident("serde") {
            *serde = true;
            Ok(())
        } else if meta.path.is_ident("known") {
            let known = parse_known(&meta, "element", errors)?;
            describe.known.extend(known);
            Ok(())
        } else {
            unknown_option(
                &meta,
                errors,
                "an enum takes only `known(element = \"Name\", evidence = \"...\")` and `serde`: each variant's type names its element",
            )
        }
    });
    let variants = data
        .variants
        .iter()
        .filter_map(|v| parse_variant(v, errors))
        .collect::<Vec<_>>();
    if data.variants.is_empty() {
        errors.push(&input.ident, "#[derive(Xml)] needs at least one variant");
    }
    check::check_variants(&variants, errors);
    check::check_known_elements(&variants, &describe.known, errors);
    Some(Shape::Alternatives { variants })
}

/// `known(KEY = "name", evidence = "...")` (and for attributes `value = Type`), `KEY` being
/// `attribute` or `element`.
fn parse_known(
    meta: &syn::meta::ParseNestedMeta<'_>,
    key: &str,
    errors: &mut Errors,
) -> syn::Result<Option<Known>> {
    let (mut name, mut evidence, mut value) = (None::<LitStr>, None::<LitStr>, None::<Type>);
    meta.parse_nested_meta(|inner| {
        if inner.path.is_ident(key) {
            name = Some(inner.value()?.parse()?);
        } else if inner.path.is_ident("evidence") {
            evidence = Some(inner.value()?.parse()?);
        } else if key == "attribute" && inner.path.is_ident("value") {
            value = Some(inner.value()?.parse()?);
        } else {
            let expected = match key {
                "attribute" => "unknown option: expected `attribute = \"name\"`, `evidence = \"...\"` or `value = Type`",
                _ => "unknown option: expected `element = \"Name\"` or `evidence = \"...\"`",
            };
            unknown_option(&inner, errors, expected)?;
        }
        Ok(())
    })?;
    let (Some(name), Some(evidence)) = (name, evidence) else {
        errors.push(
            &meta.path,
            format!("`known` needs `{key} = \"...\"` and `evidence = \"...\"` (where the name is known from)"),
        );
        return Ok(None);
    };
    if !is_xml_name(&name.value()) {
        errors.push(&name, format!("`{key}` must be an XML name"));
    }
    Ok(Some(Known {
        name,
        evidence,
        value,
    }))
}

/// `#[xml(from = T)]`, `#[xml(try_from = T)]` and `#[xml(into = T)]` on a struct, each with its span.
#[derive(Default)]
struct Conversions {
    from: Option<(FromForm, proc_macro2::Span)>,
    into: Option<(Type, proc_macro2::Span)>,
    /// One was given, readable or not: the fields are then not read for roles.
    given: bool,
}

/// `key = Type` or, as serde writes it, `key = "Type"` (a path likewise).
fn type_or_string<T: syn::parse::Parse>(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<T> {
    let value = meta.value()?;
    if value.peek(LitStr) {
        value.parse::<LitStr>()?.parse()
    } else {
        value.parse()
    }
}

impl Conversions {
    fn any(&self) -> Option<proc_macro2::Span> {
        self.from
            .as_ref()
            .map(|(_, span)| *span)
            .or(self.into.as_ref().map(|(_, span)| *span))
    }
}

fn parse_struct(
    input: &DeriveInput,
    fields: &Fields,
    describe: &mut Describe,
    new_order: &mut Option<Vec<syn::Ident>>,
    serde: &mut bool,
    check: &mut Option<syn::Path>,
    errors: &mut Errors,
) -> Option<Shape> {
    let mut element: Option<LitStr> = None;
    let mut empty: Option<(EmptyForm, proc_macro2::Span)> = None;
    let mut conversions = Conversions::default();
    // `element` was given, valid or not: a bad name is reported once, not also as missing.
    let mut element_given = false;
    for_each_xml_item(&input.attrs, errors, |meta, errors| {
        if meta.path.is_ident("element") {
            let name: LitStr = meta.value()?.parse()?;
            if element_given {
                errors.push(&meta.path, "duplicate `element`");
            } else if !is_xml_name(&name.value()) {
                errors.push(&name, "`element` must be an XML name");
            } else {
                element = Some(name);
            }
            element_given = true;
            Ok(())
        } else if meta.path.is_ident("evidence") {
            describe.evidence = Some(meta.value()?.parse()?);
            Ok(())
        } else if meta.path.is_ident("main_only") {
            describe.main_only = true;
            Ok(())
        } else if meta.path.is_ident("reports_back") {
            describe.reports_back = true;
            Ok(())
        } else if meta.path.is_ident("wants_failure_path") {
            describe.wants_failure_path = true;
            Ok(())
        } else if meta.path.is_ident("ends_flow") {
            describe.ends_flow = true;
            Ok(())
        } else if meta.path.is_ident("new") {
            let mut order = Vec::new();
            meta.parse_nested_meta(|inner| {
                match inner.path.get_ident() {
                    Some(ident) => order.push(ident.clone()),
                    None => errors.push(&inner.path, "`new(...)` lists field names"),
                }
                Ok(())
            })?;
            if new_order.is_some() {
                errors.push(&meta.path, "duplicate `new`");
            }
            *new_order = Some(order);
            Ok(())
        } else if meta.path.is_ident("known") {
            let known = parse_known(&meta, "attribute", errors)?;
            describe.known.extend(known);
            Ok(())
        } else if meta.path.is_ident("serde") {
            *serde = true;
            Ok(())
        } else if meta.path.is_ident("empty") {
            let form: LitStr = meta.value()?.parse()?;
            let parsed = match form.value().as_str() {
                "end_tag" => EmptyForm::EndTag,
                "self_closing" => EmptyForm::SelfClosing,
                _ => {
                    errors.push(
                        &form,
                        "expected `empty = \"end_tag\"` (`<Name></Name>` as the docs write it) or `empty = \"self_closing\"` (`<Name/>`, the default)",
                    );
                    return Ok(());
                }
            };
            if empty.is_some() {
                errors.push(&meta.path, "duplicate `empty`");
            }
            empty = Some((parsed, meta.path.span()));
            Ok(())
        } else if meta.path.is_ident("check") {
            let path: syn::Path = type_or_string(&meta)?;
            if check.is_some() {
                errors.push(&meta.path, "duplicate `check`");
            }
            *check = Some(path);
            Ok(())
        } else if meta.path.is_ident("from") || meta.path.is_ident("try_from") {
            conversions.given = true;
            let ty: Type = type_or_string(&meta)?;
            let form = if meta.path.is_ident("from") {
                FromForm::From(ty)
            } else {
                FromForm::TryFrom(ty)
            };
            if conversions.from.is_some() {
                errors.push(
                    &meta.path,
                    "the parser reads one type: give one `from = Type` or `try_from = Type`",
                );
            }
            conversions.from = Some((form, meta.path.span()));
            Ok(())
        } else if meta.path.is_ident("into") {
            conversions.given = true;
            let ty: Type = type_or_string(&meta)?;
            if conversions.into.is_some() {
                errors.push(&meta.path, "duplicate `into`");
            }
            conversions.into = Some((ty, meta.path.span()));
            Ok(())
        } else {
            unknown_option(
                &meta,
                errors,
                "unknown option: expected `element = \"Name\"`, `evidence = \"...\"`, `main_only`, `reports_back`, `wants_failure_path`, `ends_flow`, `known(attribute = \"name\", evidence = \"...\")`, `new(field, ...)`, `serde`, `empty = \"end_tag\"`, `check = path`, `from = Type`, `try_from = Type` or `into = Type`",
            )
        }
    });
    if conversions.given && conversions.any().is_none() {
        // Every conversion was unreadable (reported): the fields have no roles to read.
        return None;
    }
    if let Some(span) = conversions.any() {
        return check::check_converted(
            input,
            fields,
            conversions.from,
            conversions.into,
            span,
            ConvertedOptions {
                element_given,
                empty: empty.map(|(_, span)| span),
                new_order: new_order.is_some(),
                describe,
            },
            errors,
        );
    }
    let fields: Vec<Field> = match fields {
        Fields::Named(named) => named
            .named
            .iter()
            .filter_map(|f| parse_field(f, errors))
            .collect(),
        // A unit struct is an empty element with no attributes.
        Fields::Unit => Vec::new(),
        Fields::Unnamed(_) => {
            errors.push(
                fields,
                "#[derive(Xml)] needs named fields (or a unit struct)",
            );
            return None;
        }
    };
    if let Some(order) = new_order {
        check::check_new_order(&fields, order, errors);
    }
    if fields.iter().any(|f| matches!(f.role, Role::Flatten)) {
        if let Some((_, span)) = empty {
            errors.push(
                span,
                "`empty` says how this element closes, and a struct with an #[xml(flatten)] field is the flattened type's element: put `empty` there",
            );
        }
        check::check_flattened(input, &fields, element_given, errors);
        check::check_flattened_describe(input, describe, errors);
        return Some(Shape::Flattened { fields });
    }
    check::check_fields(&fields, errors);
    check::check_known_attributes(&fields, &describe.known, errors);
    let empty = match empty {
        Some((form, span)) => {
            check::check_empty_form(&fields, form, span, errors);
            form
        }
        None => EmptyForm::SelfClosing,
    };
    if !element_given {
        errors.push(
            &input.ident,
            "missing #[xml(element = \"Name\")] on the struct",
        );
    }
    element.map(|name| Shape::Element {
        name,
        fields,
        empty,
    })
}

/// The other container options, which a converted struct does not take.
pub(crate) struct ConvertedOptions<'a> {
    pub(crate) element_given: bool,
    pub(crate) empty: Option<proc_macro2::Span>,
    pub(crate) new_order: bool,
    pub(crate) describe: &'a Describe,
}

fn parse_field(field: &syn::Field, errors: &mut Errors) -> Option<Field> {
    let ident = field.ident.clone()?;
    let mut role_seen: Vec<(&'static str, proc_macro2::Span)> = Vec::new();
    let mut rename: Option<LitStr> = None;
    let mut default: Option<proc_macro2::Span> = None;
    let mut all: Option<proc_macro2::Span> = None;
    let mut setter: Option<Setter> = None;
    let mut evidence: Option<LitStr> = None;
    for_each_xml_item(&field.attrs, errors, |meta, errors| {
        const ROLES: [&str; 8] = [
            "attribute",
            "flatten",
            "text",
            "child",
            "children",
            "extra",
            "pending",
            "skip",
        ];
        if let Some(role) = ROLES.iter().find(|r| meta.path.is_ident(r)) {
            role_seen.push((role, meta.path.span()));
            // `children(all)`: every child element goes to this field.
            if *role == "children" && meta.input.peek(syn::token::Paren) {
                meta.parse_nested_meta(|inner| {
                    if inner.path.is_ident("all") {
                        all = Some(inner.path.span());
                        Ok(())
                    } else {
                        unknown_option(&inner, errors, "unknown option: expected `children(all)`")
                    }
                })?;
            }
            Ok(())
        } else if meta.path.is_ident("rename") {
            rename = Some(meta.value()?.parse()?);
            Ok(())
        } else if meta.path.is_ident("default") {
            default = Some(meta.path.span());
            Ok(())
        } else if meta.path.is_ident("evidence") {
            evidence = Some(meta.value()?.parse()?);
            Ok(())
        } else if meta.path.is_ident("setter") {
            let mut from = None;
            if meta.input.peek(syn::token::Paren) {
                meta.parse_nested_meta(|inner| {
                    if inner.path.is_ident("new") {
                        from = Some(inner.value()?.parse::<Type>()?);
                        Ok(())
                    } else {
                        unknown_option(
                            &inner,
                            errors,
                            "unknown option: expected `setter(new = Type)`",
                        )
                    }
                })?;
            }
            if setter.is_some() {
                errors.push(&meta.path, "duplicate `setter`");
            }
            setter = Some(Setter {
                from,
                span: meta.path.span(),
            });
            Ok(())
        } else {
            unknown_option(
                &meta,
                errors,
                "unknown option: expected one of `attribute`, `flatten`, `text`, `child`, `children`, `extra`, `pending`, `skip`, `rename`, `default`, `setter`, `evidence`",
            )
        }
    });
    let role_name = match role_seen.as_slice() {
        [] => {
            errors.push(
                &ident,
                "field needs a role: #[xml(attribute)], #[xml(flatten)], #[xml(text)], #[xml(child)], #[xml(children)], #[xml(extra)], #[xml(pending)] or #[xml(skip)]",
            );
            return None;
        }
        [(one, _)] => *one,
        [(first, _), rest @ ..] => {
            for (role, span) in rest {
                let message = if role == first {
                    format!("duplicate `{role}`")
                } else {
                    format!("a field has exactly one role, and this one is already #[xml({first})]")
                };
                errors.push(*span, message);
            }
            return None;
        }
    };
    if role_name != "attribute" {
        if let Some(rename) = &rename {
            errors.push(rename, "`rename` applies to attributes only");
        }
        if let Some(default) = default {
            errors.push(default, "`default` applies to attributes only");
        }
        if let Some(evidence) = &evidence {
            errors.push(
                evidence,
                "`evidence` applies to attributes only (an element's goes on its struct)",
            );
        }
    }
    let ty = field.ty.clone();
    let role = match role_name {
        "attribute" => {
            let name = rename.unwrap_or_else(|| LitStr::new(&ident.to_string(), ident.span()));
            if !is_xml_name(&name.value()) {
                errors.push(&name, "attribute name must be an XML name");
            }
            let optional = inner_type(&ty, "Option");
            if let (Some(_), Some(default)) = (&optional, default) {
                errors.push(
                    default,
                    "`default` and `Option` both say what a missing attribute is: use one",
                );
            }
            match optional {
                Some(inner) => Role::Attribute {
                    name,
                    absent: Absent::Optional,
                    value: inner,
                },
                None => Role::Attribute {
                    name,
                    absent: if default.is_some() {
                        Absent::Default
                    } else {
                        Absent::Required
                    },
                    value: ty.clone(),
                },
            }
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
            Some(inner) => Role::Children {
                inner,
                all: all.is_some(),
            },
            None => {
                errors.push(&ty, "#[xml(children)] needs a `Vec<T>` field");
                return None;
            }
        },
        "flatten" => Role::Flatten,
        "extra" => Role::Extra,
        "pending" => Role::Pending,
        _ => Role::Skip,
    };
    if let Some(setter) = &setter {
        match (&role, &setter.from) {
            (
                Role::Attribute {
                    absent: Absent::Optional,
                    ..
                },
                _,
            ) => {}
            // A required attribute's `setter(new = Type)` makes it an argument of `new`.
            (
                Role::Attribute {
                    absent: Absent::Required,
                    ..
                },
                Some(_),
            ) => {}
            (Role::Extra, None) => {}
            (Role::Extra, Some(from)) => errors.push(
                from,
                "the `extra` field's setter is `raw_attribute(name, value)`: it takes no `new`",
            ),
            (Role::Attribute { .. }, _) => errors.push(
                setter.span,
                "`setter` sets an optional attribute (an `Option` field); a required one is an argument of `new` with `setter(new = Type)`",
            ),
            _ => errors.push(
                setter.span,
                "`setter` applies to optional attributes and to the #[xml(extra)] field",
            ),
        }
    }
    let docs = field
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .cloned()
        .collect();
    Some(Field {
        member: Member::Named(ident),
        ty,
        role,
        setter,
        docs,
        evidence,
    })
}

fn parse_variant(variant: &syn::Variant, errors: &mut Errors) -> Option<Variant> {
    let mut other = false;
    for_each_xml_item(&variant.attrs, errors, |meta, errors| {
        if meta.path.is_ident("other") {
            other = true;
            Ok(())
        } else {
            unknown_option(&meta, errors, "unknown option: expected `other`")
        }
    });
    let single = match &variant.fields {
        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => fields.unnamed.first(),
        _ => None,
    };
    match single {
        Some(field) => Some(Variant {
            ident: variant.ident.clone(),
            ty: field.ty.clone(),
            other,
        }),
        None => {
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
