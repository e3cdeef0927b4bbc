//! Serialize: write the element, read it back as a tree, serialize the tree.

use serde::ser::{self, Serialize as _, SerializeMap, SerializeSeq, Serializer};

use super::{CHILDREN, TEXT};
use crate::de::{Element, Node};
use crate::{Limits, ParseOptions, Style, ToXml};

/// Calls `each` with the element tree `value` writes.
fn with_tree<T, R, E>(value: &T, each: impl FnOnce(Element<'_>) -> Result<R, E>) -> Result<R, E>
where
    T: ToXml + ?Sized,
    E: ser::Error,
{
    let xml = crate::to_string_with(value, &Style::compact()).map_err(E::custom)?;
    // What the writer wrote is read whole: no limit of untrusted input applies to it.
    let limits = Limits::default()
        .max_bytes(usize::MAX)
        .max_depth(Limits::DEPTH_CEILING)
        .max_attributes(usize::MAX)
        .max_elements(usize::MAX);
    let options = ParseOptions::lenient().limits(limits);
    let tree = crate::de::parse_tree(&xml, &options).map_err(E::custom)?;
    each(tree.value.root())
}

/// An element's attributes and content, as a map.
struct Body<'a, 't>(&'a Element<'t>);

impl ser::Serialize for Body<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let element = self.0;
        let children: Vec<Node<'_>> = element.children().collect();
        let has_elements = children.iter().any(|n| matches!(n, Node::Element(_)));
        // Whitespace between child elements is layout (the compact writer writes none).
        let children: Vec<Node<'_>> = children
            .into_iter()
            .filter(|n| !(has_elements && matches!(n, Node::Text(t) if t.is_blank())))
            .collect();
        let content = usize::from(!children.is_empty());
        let mut map = serializer.serialize_map(Some(element.attributes().len() + content))?;
        for attribute in element.attributes() {
            map.serialize_entry(attribute.name(), attribute.value())?;
        }
        match children.as_slice() {
            [] => {}
            [Node::Text(text)] => map.serialize_entry(TEXT, text.text())?,
            nodes => map.serialize_entry(CHILDREN, &Nodes(nodes))?,
        }
        map.end()
    }
}

/// Child nodes: an element tagged by its name, a text as a string.
struct Nodes<'a, 't>(&'a [Node<'t>]);

impl ser::Serialize for Nodes<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for node in self.0 {
            match node {
                Node::Element(element) => seq.serialize_element(&Tagged(element))?,
                Node::Text(text) => seq.serialize_element(text.text())?,
            }
        }
        seq.end()
    }
}

/// An element as a one-entry map from its name to its [`Body`].
struct Tagged<'a, 't>(&'a Element<'t>);

impl ser::Serialize for Tagged<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.0.name(), &Body(self.0))?;
        map.end()
    }
}

/// Serializes a struct as its element: a map of its attributes and content (the element name
/// is the type's). Fails with the builder's error for a value built with an invalid one.
///
/// ```
/// use ivr_xml::{serde_model::serialize_element, Play};
/// let mut json = Vec::new();
/// serialize_element(&Play::new("a.wav").repeat(2), &mut serde_json::Serializer::new(&mut json))?;
/// assert_eq!(json, br#"{"loop":"2","$text":"a.wav"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn serialize_element<T: ToXml + ?Sized, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    with_tree(value, |root| Body(&root).serialize(serializer))
}

/// Serializes an enum of alternatives as its element tagged by the element's name.
///
/// ```
/// use ivr_xml::{serde_model::serialize_alternative, Command, Hangup};
/// let mut json = Vec::new();
/// let command = Command::from(Hangup::new());
/// serialize_alternative(&command, &mut serde_json::Serializer::new(&mut json))?;
/// assert_eq!(json, br#"{"Hangup":{}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn serialize_alternative<T: ToXml + ?Sized, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    with_tree(value, |root| Tagged(&root).serialize(serializer))
}

/// Serializes a document as the list of its child elements, each tagged.
///
/// ```
/// use ivr_xml::{serde_model::serialize_children, Response};
/// let mut json = Vec::new();
/// serialize_children(&Response::hangup(), &mut serde_json::Serializer::new(&mut json))?;
/// assert_eq!(json, br#"[{"Hangup":{}}]"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn serialize_children<T: ToXml + ?Sized, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    with_tree(value, |root| {
        let children: Vec<Node<'_>> = root.child_elements().map(Node::Element).collect();
        Nodes(&children).serialize(serializer)
    })
}
