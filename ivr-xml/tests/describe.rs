//! Every command's generated description agrees with what the parser accepts: a document built
//! from the description alone parses strictly, and each thing the description rules out (a
//! missing required attribute, an attribute or child it does not list, text where it has none,
//! a value outside its kind) is refused with the rule the validator names.
#![allow(clippy::unwrap_used)]

use ivr_xml::describe::{Describe, ElementDescription, ValueKind};
use ivr_xml::policy::{FIELD_NAMES, MAIN_ONLY};
use ivr_xml::{Command, ParseOptions, Response};

/// A valid value of each kind. Text is `4`, which is also a valid `<PlayMix>` `type` code list
/// for its one item (the description cannot say that codes and items pair up).
fn sample(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Text => "4",
        ValueKind::Url => "next",
        ValueKind::Integer => "5",
        ValueKind::Boolean => "true",
        ValueKind::OneOf(values) => values[0],
    }
}

/// A value outside the kind, when there is one.
fn invalid(kind: ValueKind) -> Option<&'static str> {
    match kind {
        ValueKind::Text | ValueKind::Url => None,
        ValueKind::Integer => Some("five"),
        ValueKind::Boolean => Some("yes"),
        ValueKind::OneOf(_) => Some("\u{2603}"),
    }
}

/// The element with every attribute of its description (`skip` left out), its text and one of
/// each child field's first element.
fn build(element: &ElementDescription, skip: Option<&str>) -> String {
    let mut out = format!("<{}", element.name);
    for attribute in element.attributes {
        if Some(attribute.name) != skip {
            out.push_str(&format!(" {}='{}'", attribute.name, sample(attribute.kind)));
        }
    }
    out.push('>');
    if let Some(text) = element.text {
        out.push_str(sample(text.kind));
    }
    for child in element.children {
        if let Some(first) = child.elements.first() {
            out.push_str(&build(first, None));
        }
    }
    out.push_str(&format!("</{}>", element.name));
    out
}

/// The typed commands (not the names kept raw, like `<EnterCCS>`).
fn typed() -> impl Iterator<Item = &'static ElementDescription> {
    Command::ELEMENTS
        .iter()
        .copied()
        .filter(|e| !(e.attributes.is_empty() && e.evidence.is_some() && e.text.is_none()))
}

fn document(command: &str) -> String {
    format!("<Response>{command}<Hangup/></Response>")
}

fn strict(text: &str) -> Result<Response, ivr_xml::ParseError> {
    Response::parse_with(text, &ParseOptions::strict()).map(|parsed| parsed.value)
}

#[test]
fn a_document_built_from_each_description_parses_strictly() {
    for element in typed() {
        let command = build(element, None);
        let text = document(&command);
        let doc = strict(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", element.name));
        let parsed = &doc.commands()[0];
        assert_eq!(parsed.name(), element.name, "{text}");
        assert!(!matches!(parsed, Command::Raw(_)), "{text}");
        // Written back, it has every attribute the description lists.
        let written = doc.to_string();
        for attribute in element.attributes {
            assert!(
                written.contains(&format!(" {}=", attribute.name)),
                "{}: {} missing from {written}",
                element.name,
                attribute.name
            );
        }
    }
}

#[test]
fn every_typed_command_is_described() {
    // The parser's names (`expected_of`) and the descriptions' names agree.
    let parsed: Vec<&str> = ivr_xml::de::expected_of::<Command>();
    let described: Vec<&str> = typed().map(|e| e.name).collect();
    assert_eq!(parsed, described);
}

#[test]
fn a_missing_required_attribute_is_refused() {
    let mut checked = 0;
    for element in typed() {
        for attribute in element.attributes.iter().filter(|a| a.required) {
            // IVR106 is a warning by default (the command is kept raw): the validator says it.
            let text = document(&build(element, Some(attribute.name)));
            let findings = ivr_xml::validate::validate(&text);
            assert!(
                findings
                    .iter()
                    .any(|d| d.code == "IVR106"
                        && d.message.contains(&format!("`{}`", attribute.name))),
                "{text}: {findings:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "no required attribute was checked");
}

#[test]
fn an_attribute_not_described_is_refused() {
    for element in typed() {
        let command = build(element, None).replacen(
            &format!("<{}", element.name),
            &format!("<{} zzz='1'", element.name),
            1,
        );
        let text = document(&command);
        let err = strict(&text).unwrap_err();
        assert_eq!(err.code(), "IVR102", "{text}: {err}");
    }
}

#[test]
fn a_value_outside_its_kind_is_refused() {
    let mut checked = 0;
    for element in typed() {
        for attribute in element.attributes.iter().filter(|a| a.typed) {
            let Some(bad) = invalid(attribute.kind) else {
                continue;
            };
            let command = build(element, None).replacen(
                &format!(" {}='{}'", attribute.name, sample(attribute.kind)),
                &format!(" {}='{bad}'", attribute.name),
                1,
            );
            let text = document(&command);
            let err = strict(&text).unwrap_err();
            assert_eq!(err.code(), "IVR103", "{text}: {err}");
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} values checked");
}

#[test]
fn text_and_children_are_refused_where_the_description_has_none() {
    for element in typed() {
        if element.text.is_none() {
            let text = document(&format!("<{0}>words</{0}>", element.name));
            let err = strict(&text).unwrap_err();
            assert_eq!(err.code(), "IVR105", "{text}: {err}");
        }
        // `<CmdNone/>` is no child any command takes.
        let allowed: Vec<&str> = element
            .children
            .iter()
            .flat_map(|c| c.elements.iter().map(|e| e.name))
            .collect();
        assert!(!allowed.contains(&"CmdNone"));
        let text = document(&build(element, None).replacen(
            &format!("</{}>", element.name),
            &format!("<CmdNone/></{}>", element.name),
            1,
        ));
        let err = strict(&text).unwrap_err();
        assert!(["IVR105", "IVR103"].contains(&err.code()), "{text}: {err}");
    }
}

#[test]
fn url_attributes_are_checked_as_urls_and_others_are_not() {
    for element in typed() {
        for attribute in element.attributes {
            let command = build(element, None).replacen(
                &format!(" {}='{}'", attribute.name, sample(attribute.kind)),
                &format!(" {}='http://x/y'", attribute.name),
                1,
            );
            let findings = ivr_xml::validate::validate(&document(&command));
            let absolute = findings.iter().any(|d| d.code == "IVR213");
            assert_eq!(
                absolute,
                attribute.kind == ValueKind::Url,
                "{}/@{}: {findings:?}",
                element.name,
                attribute.name
            );
        }
    }
}

#[test]
fn the_policy_lists_are_the_descriptions() {
    let main_only: Vec<&str> = Command::ELEMENTS
        .iter()
        .filter(|e| e.main_only)
        .map(|e| e.name)
        .collect();
    assert_eq!(MAIN_ONLY, main_only.as_slice());
    // Each field-evidence name is reported by IVR110/IVR111, the others are not.
    for field in FIELD_NAMES {
        let element = Command::ELEMENTS
            .iter()
            .find(|e| e.name == field.element)
            .unwrap();
        let command = match field.attribute {
            None => build(element, None),
            Some(name) => {
                let typed = element.attributes.iter().any(|a| a.name == name && a.typed);
                assert_eq!(typed, element.attribute(name).unwrap().typed);
                build(element, None)
            }
        };
        let findings = ivr_xml::validate::validate(&document(&command));
        let code = if field.attribute.is_some() {
            "IVR111"
        } else {
            "IVR110"
        };
        assert!(
            findings
                .iter()
                .any(|d| d.code == code && d.message.contains(field.evidence)),
            "{field:?}: {findings:?}"
        );
        assert!(findings
            .iter()
            .all(|d| d.severity != ivr_xml::validate::Severity::Error));
    }
}

#[test]
fn the_flow_flags_are_what_the_rules_see() {
    for element in typed() {
        let command = build(element, None);
        let codes = |text: &str| -> Vec<&'static str> {
            ivr_xml::validate::validate(text)
                .iter()
                .map(|d| d.code)
                .collect()
        };
        // IVR202: what follows a command that ends the flow never runs.
        let followed = codes(&format!("<Response>{command}<Play>a.wav</Play></Response>"));
        assert_eq!(
            followed.contains(&"IVR202"),
            element.ends_flow,
            "{}: {followed:?}",
            element.name
        );
        // IVR205: a command that wants a failure path, without one.
        let alone = codes(&format!("<Response>{command}<Play>a.wav</Play></Response>"));
        assert_eq!(
            alone.contains(&"IVR205"),
            element.wants_failure_path,
            "{}: {alone:?}",
            element.name
        );
        // IVR211: two commands that report back.
        if !element.main_only {
            let twice = codes(&format!(
                "<Response><Get action='m'><Play>a.wav</Play></Get>{command}<Hangup/></Response>"
            ));
            assert_eq!(
                twice.contains(&"IVR211"),
                element.reports_back,
                "{}: {twice:?}",
                element.name
            );
        }
    }
}
