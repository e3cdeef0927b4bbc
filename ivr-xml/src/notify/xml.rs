//! The XML body: `<Request>` (or `<request>`, as other products of the platform write it) with one
//! child element per parameter. Read with the crate's strict reader ([`crate::de`]), written with
//! its writer ([`crate::ser`]).

use std::convert::Infallible;

use super::error::{Encoding, NotifyError, NotifyErrorKind};
use super::options::{limit_error, NotifyOptions};
use crate::de::{Element, FromXml, Limits, Node, ParseContext, ParseOptions};
use crate::error::{ErrorKind, ParseError, ValueError};
use crate::judge::from_slice_with;
use crate::ser::{Style, XmlWriter};
use crate::value::check_xml_chars;

/// The root names accepted; the first is the one written.
const ROOTS: [&str; 2] = ["Request", "request"];

/// The root: its children are the parameters.
struct Root(Vec<(String, String)>);

impl FromXml for Root {
    fn matches_element(name: &str) -> bool {
        ROOTS.contains(&name)
    }

    fn expected_elements(out: &mut Vec<&'static str>) {
        out.extend(ROOTS);
    }

    fn from_element(element: &Element<'_>, cx: &mut ParseContext<'_>) -> Result<Root, ParseError> {
        for attribute in element.attributes() {
            cx.unknown_attribute(element, attribute, &[], None)?;
        }
        let mut pairs = Vec::new();
        for node in element.children() {
            match node {
                Node::Text(text) if text.is_blank() => {}
                Node::Text(text) => return Err(cx.unexpected_text(element, text)),
                Node::Element(child) => {
                    let Param(name, value) = cx.child(&child)?;
                    pairs.push((name, value));
                }
            }
        }
        Ok(Root(pairs))
    }
}

/// One parameter: any element name, text only.
struct Param(String, String);

impl FromXml for Param {
    fn matches_element(_: &str) -> bool {
        true
    }

    fn expected_elements(_: &mut Vec<&'static str>) {}

    fn from_element(element: &Element<'_>, cx: &mut ParseContext<'_>) -> Result<Param, ParseError> {
        for attribute in element.attributes() {
            cx.unknown_attribute(element, attribute, &[], None)?;
        }
        let value: String = cx.text(element)?;
        Ok(Param(element.name().to_owned(), value))
    }
}

/// Reads an XML body into parameters, within `options`' limits.
pub(crate) fn read(
    body: &[u8],
    options: &NotifyOptions,
) -> Result<Vec<(String, String)>, NotifyError> {
    let limits = Limits::default()
        .max_bytes(options.bytes_limit())
        // Root, parameter, and one more so that a nested element gets a precise message.
        .max_depth(3)
        .max_elements(options.params_limit().saturating_add(1))
        .max_attributes(8);
    let xml_options = ParseOptions::strict().limits(limits);
    match from_slice_with::<Root>(body, &xml_options) {
        Ok(parsed) => Ok(parsed.value.0),
        Err(err) => Err(match err.kind() {
            ErrorKind::LimitExceeded {
                limit: "element count",
                ..
            } => limit_error(Encoding::Xml, "parameter count", options.params_limit()),
            ErrorKind::LimitExceeded {
                limit: "input size in bytes",
                ..
            } => limit_error(Encoding::Xml, "size in bytes", options.bytes_limit()),
            // The core's message names `<Response>`, the root of a document.
            ErrorKind::NoRoot => NotifyError::new(NotifyErrorKind::Xml(ParseError::new(
                ErrorKind::Syntax("no root element: expected `<Request>` or `<request>`".into()),
                &crate::error::Locator::new(std::str::from_utf8(body).unwrap_or_default()),
                err.offset(),
                String::new(),
            ))),
            _ => NotifyError::new(NotifyErrorKind::Xml(err)),
        }),
    }
}

fn done(result: Result<(), Infallible>) {
    match result {
        Ok(()) => {}
        Err(never) => match never {},
    }
}

/// Writes parameters as a `<Request>` body in `style`.
pub(crate) fn write<'a>(
    params: impl Iterator<Item = (&'a str, &'a str)>,
    style: &Style,
) -> Result<String, ValueError> {
    let params: Vec<(&str, &str)> = params.collect();
    for (name, value) in &params {
        if !is_xml_name(name) {
            return Err(ValueError::new(
                "parameter name",
                *name,
                "an XML name (a letter or `_`, then letters, digits, `_`, `-`, `.`) to write it as an element",
            ));
        }
        check_xml_chars("parameter value", value).map_err(|err| {
            ValueError::new(
                "parameter value",
                *value,
                format!("{} (parameter `{name}`)", err.expected()),
            )
        })?;
    }
    let mut out = String::new();
    let mut writer = XmlWriter::new(&mut out, style);
    let [root, _] = ROOTS;
    done(writer.declaration(style.declaration_style()));
    done(writer.open_tag(root));
    if params.is_empty() {
        done(writer.close_empty());
    } else {
        done(writer.open_children());
        for (name, value) in params {
            done(writer.open_tag(name));
            done(writer.text_content_str(name, value));
        }
        done(writer.close_children(root));
    }
    Ok(out)
}

/// Whether a parameter can be an element name: an XML name (the test the parser applies) without
/// a `:`, which would read as a namespace prefix.
fn is_xml_name(name: &str) -> bool {
    crate::value::is_xml_name(name) && !name.contains(':')
}
