//! Reading a start tag into a new element node: the element's name and its place (sibling
//! index; the nesting depth and element count limits), its attributes (names unique, their count
//! limited) and their values, normalized and unescaped. Methods of the reader's `TreeReader`,
//! split from it by size.

use std::borrow::Cow;
use std::collections::HashSet;

use quick_xml::events::BytesStart;

use crate::error::{ErrorKind, ParseError};
use crate::value::first_non_xml_char;

use super::{drop_if_blank, Open, TreeReader, LINEAR_ATTRIBUTES};
use crate::de::syntax::{is_name, not_an_xml_char, quoted, reader_error, resolve_reference};
use crate::de::tree::{Attribute, ElementData, NodeData};

impl<'a> TreeReader<'a> {
    /// Reads a start tag into a new element node; `open` puts it on the stack (a start tag),
    /// else it is complete (an empty-element tag).
    pub(super) fn start_element(
        &mut self,
        start: &BytesStart<'_>,
        offset: usize,
        open: bool,
    ) -> Result<(), ParseError> {
        let name = self.slice(start.name().as_ref());
        if !is_name(name) {
            let kind = ErrorKind::Syntax(format!("`{}` is not an XML element name", quoted(name)));
            return Err(self.error(kind, offset));
        }
        self.elements += 1;
        let limits = self.limits;
        if self.stack.len() + 1 > limits.max_depth {
            let mut err = self.error(
                ErrorKind::LimitExceeded {
                    limit: "nesting depth",
                    max: limits.max_depth,
                },
                offset,
            );
            if !self.stack.is_empty() {
                let index = self.next_index(name);
                err = ParseError::new(
                    err.kind().clone(),
                    &self.locator,
                    offset,
                    format!("{}/{name}[{index}]", self.path()),
                );
            }
            return Err(err);
        }
        if self.elements > limits.max_elements {
            return Err(self.error(
                ErrorKind::LimitExceeded {
                    limit: "element count",
                    max: limits.max_elements,
                },
                offset,
            ));
        }
        let index = match self.stack.last_mut() {
            Some(parent) => {
                parent.has_child_elements = true;
                if let Some(text) = parent.text.take() {
                    drop_if_blank(&mut self.document.nodes, text);
                }
                self.next_index(name)
            }
            None => 1,
        };
        // The element's path, for errors only: the stack does not hold the element yet.
        let element_path = |tree: &TreeReader<'a>| {
            if tree.stack.is_empty() {
                name.to_owned()
            } else {
                format!("{}/{name}[{index}]", tree.path())
            }
        };
        let attributes_start = self.document.attributes.len();
        // Filled only for an element with many attributes: a scan is faster for a few.
        // (Made on first use: a `HashSet::new()` seeds its hasher even when it stays empty.)
        let mut seen_names: Option<HashSet<&'a str>> = None;
        for attribute in start.attributes().with_checks(false) {
            let attribute = attribute.map_err(|err| {
                let kind = reader_error(&err);
                ParseError::new(kind, &self.locator, offset, element_path(self))
            })?;
            let attr_name = self.slice(attribute.key.as_ref());
            let attr_offset = self.offset_of(attribute.key.as_ref());
            // Checked first: every message below quotes the name.
            if !is_name(attr_name) {
                let kind = ErrorKind::Syntax(format!(
                    "`{}` is not an XML attribute name",
                    quoted(attr_name)
                ));
                return Err(ParseError::new(
                    kind,
                    &self.locator,
                    attr_offset,
                    element_path(self),
                ));
            }
            let attr_path = |tree: &TreeReader<'a>| format!("{}/@{attr_name}", element_path(tree));
            let previous = self
                .document
                .attributes
                .get(attributes_start..)
                .unwrap_or_default();
            if previous.len() >= limits.max_attributes {
                let kind = ErrorKind::LimitExceeded {
                    limit: "attributes per element",
                    max: limits.max_attributes,
                };
                return Err(ParseError::new(
                    kind,
                    &self.locator,
                    attr_offset,
                    attr_path(self),
                ));
            }
            let duplicate = if previous.len() < LINEAR_ATTRIBUTES {
                previous.iter().any(|a| a.name == attr_name)
            } else {
                let seen =
                    seen_names.get_or_insert_with(|| previous.iter().map(|a| a.name).collect());
                !seen.insert(attr_name)
            };
            if duplicate {
                let kind = ErrorKind::DuplicateAttribute {
                    name: attr_name.to_owned(),
                };
                return Err(ParseError::new(
                    kind,
                    &self.locator,
                    attr_offset,
                    attr_path(self),
                ));
            }
            let raw = self.slice(&attribute.value);
            let value_offset = self.offset_of(&attribute.value);
            // XML 1.0 §3.1: attribute values hold no `<`, and attributes are separated by
            // whitespace (`a='1'b='2'` is not XML, though quick-xml reads it).
            if let Some(lt) = raw.find('<') {
                let kind = ErrorKind::Syntax(
                    "`<` is not allowed in an attribute value (write it as `&lt;`)".to_owned(),
                );
                return Err(ParseError::new(
                    kind,
                    &self.locator,
                    value_offset + lt,
                    attr_path(self),
                ));
            }
            if let Some(bad) = first_non_xml_char(raw) {
                let kind = not_an_xml_char(bad);
                return Err(ParseError::new(
                    kind,
                    &self.locator,
                    value_offset,
                    attr_path(self),
                ));
            }
            let after_quote = value_offset + raw.len() + 1;
            match self.input.as_bytes().get(after_quote) {
                None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>') => {}
                Some(_) => {
                    let kind =
                        ErrorKind::Syntax("attributes must be separated by whitespace".to_owned());
                    return Err(ParseError::new(
                        kind,
                        &self.locator,
                        after_quote,
                        attr_path(self),
                    ));
                }
            }
            let value = self.attribute_value(raw, attr_offset, &attr_path)?;
            self.document.attributes.push(Attribute {
                name: attr_name,
                value,
                offset: attr_offset,
            });
        }
        let id = self.document.nodes.len();
        self.document.nodes.push(NodeData::Element(ElementData {
            name,
            offset,
            index,
            attributes_start,
            attributes_end: self.document.attributes.len(),
            end: id + 1,
        }));
        if open {
            self.stack.push(Open {
                id,
                text: None,
                has_child_elements: false,
                counts_start: self.sibling_counts.len(),
            });
        } else if self.stack.is_empty() {
            self.has_root = true;
        }
        Ok(())
    }

    /// Normalizes and unescapes an attribute value (XML 1.0 §3.3.3): literal whitespace becomes a
    /// space, references are resolved, unknown entities refused.
    fn attribute_value(
        &mut self,
        raw: &'a str,
        offset: usize,
        path: &dyn Fn(&TreeReader<'a>) -> String,
    ) -> Result<Cow<'a, str>, ParseError> {
        // A byte test: `contains` with a set of `char`s decodes every character.
        if !raw
            .bytes()
            .any(|b| matches!(b, b'&' | b'\t' | b'\n' | b'\r'))
        {
            return Ok(Cow::Borrowed(raw));
        }
        let normalized = raw.replace("\r\n", " ").replace(['\t', '\n', '\r'], " ");
        let mut out = String::with_capacity(normalized.len());
        let mut rest = normalized.as_str();
        while let Some(amp) = rest.find('&') {
            out.push_str(&rest[..amp]);
            let after = &rest[amp + 1..];
            let resolved = after
                .find(';')
                .and_then(|end| resolve_reference(&after[..end]).map(|c| (c, end)));
            match resolved {
                Some((Ok(c), end)) => {
                    out.push(c);
                    rest = &after[end + 1..];
                }
                Some((Err(kind), _)) => {
                    return Err(ParseError::new(kind, &self.locator, offset, path(self)))
                }
                None => {
                    let kind = ErrorKind::Syntax(
                        "`&` must start a reference such as `&amp;` (write a literal `&` as `&amp;`)".to_owned(),
                    );
                    self.lenient_or_fail(ParseError::new(kind, &self.locator, offset, path(self)))?;
                    out.push('&');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        Ok(Cow::Owned(out))
    }
}
