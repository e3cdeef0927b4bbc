//! Feature `serde` for the command model: `Serialize` + `Deserialize` for every type of the
//! [`Xml`](crate::Xml) derive that asks for them (`#[xml(serde)]`: the commands, [`Command`](crate::Command),
//! [`PlayMix`](crate::PlayMix), the REST operations and bodies) and for [`Response`],
//! [`RawElement`] and [`RawAttribute`].
//!
//! There is one mapping, the XML one: a value serializes as the element it writes, and
//! deserializes by writing that element and reading it with the library's parser. So a JSON
//! value goes through exactly the checks a parsed document does, and an invalid one is refused
//! with the parser's error text and the element path (`Response/Get[1]/@timeout`).
//!
//! # The JSON shape
//!
//! - An **element** is a map: each attribute by its XML name (in document order) with its text,
//!   then its content, either `"$text"` (the text of an element holding only text) or
//!   `"$children"` (a list of elements and texts). Keys starting with `$` are not XML names, so
//!   they never clash with an attribute. An attribute value may also be given as a number or a
//!   boolean (read as its text), and `null` leaves the attribute out.
//! - A **struct** (a [`Play`](crate::Play), a [`Get`](crate::Get),
//!   [`PlayMix`](crate::PlayMix), a REST body) is its element; an **enum** of alternatives
//!   ([`Command`](crate::Command), [`Prompt`](crate::Prompt),
//!   [`rest::Operation`](crate::rest::Operation)) and a [`RawElement`] are tagged by the
//!   element name: `{"Play": {"$text": "menu.wav"}}`. A child element is always tagged. A
//!   [`RawAttribute`] is a one-entry map, `{"name": "value"}`.
//! - A **document** whose only content is its commands ([`Response`]) is the list of them.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use ivr_xml::{Get, Play, Redirect, Response};
//! let doc = Response::builder()
//!     .main(Get::new().action("firstget").numdigits(1).prompt(Play::new("confmenu.wav")))
//!     .then(Redirect::new("gettimeout").tag("1"))
//!     .build()?;
//! let json = serde_json::to_string(&doc)?;
//! assert_eq!(
//!     json,
//!     r#"[{"Get":{"action":"firstget","numdigits":"1","$children":[{"Play":{"$text":"confmenu.wav"}}]}},{"Redirect":{"tag":"1","$text":"gettimeout"}}]"#
//! );
//! assert_eq!(serde_json::from_str::<Response>(&json)?, doc);
//!
//! // The parser's checks and its error text, at the element path.
//! let err = serde_json::from_str::<Response>(r#"[{"Play": {"loop": -2, "$text": "a.wav"}}]"#)
//!     .unwrap_err();
//! assert!(err.to_string().contains("(at Response/Play[1]/@loop)"), "{err}");
//! # Ok(())
//! # }
//! ```
//!
//! Reading JSON is reading a document built with the builder: an attribute the library does
//! not name is kept in the command's `extra` (as `raw_attribute` keeps it) and a command it does
//! not name is a [`RawElement`], so every value the builder makes reads back. Everything else
//! the strict parser refuses is refused: bad values, a main-only command as a sub-command, a
//! forbidden child, a missing attribute. [`validate`](crate::validate) still reports the unknown
//! names (IVR101, IVR102) on the document.
//!
//! Serializing fails, with the builder's error, for a value built with an invalid one (as
//! [`to_string_with`](crate::to_string_with) does). Reading needs a self-describing format
//! (JSON, YAML, MessagePack, ...): a child list holds both elements and texts.
//!
//! A type of your own gets the impls from the derive with `#[xml(serde)]` (usually
//! `#[cfg_attr(feature = "serde", xml(serde))]`); the generated code names this crate's
//! `serde`, so it needs no dependency of its own. A hand-written [`ToXml`] + [`FromXml`] type
//! calls the functions of this module from its two impls.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use ivr_xml::Xml;
//! #[derive(Debug, PartialEq, Xml)]
//! #[xml(element = "Record", serde)]
//! struct Record {
//!     #[xml(attribute)]
//!     maxtime: u32,
//! }
//! assert_eq!(serde_json::to_string(&Record { maxtime: 60 })?, r#"{"maxtime":"60"}"#);
//! assert_eq!(serde_json::from_str::<Record>(r#"{"maxtime":60}"#)?, Record { maxtime: 60 });
//! assert!(serde_json::from_str::<Record>(r#"{"maxtime":"soon"}"#).is_err());
//! # Ok(())
//! # }
//! ```

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, SerializeMap, SerializeSeq, Serializer};

use crate::de::{Element, Node};
use crate::policy::{Level, Policy};
use crate::serde_support::Text;
use crate::{
    FromXml, Limits, ParseError, ParseOptions, RawAttribute, RawElement, Response, Style, ToXml,
};

/// The key of an element's text content.
pub(crate) const TEXT: &str = "$text";
/// The key of an element's child elements (and texts among them).
pub(crate) const CHILDREN: &str = "$children";

/// The deepest nesting read from a serde format: the parser's default depth limit, checked
/// while reading so that a format without its own recursion limit cannot exhaust the stack.
const MAX_DEPTH: usize = 32;

// ---------------------------------------------------------------------------------------------
// Serialize: write the element, read it back as a tree, serialize the tree.

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

use ser::Serialize as _;

// ---------------------------------------------------------------------------------------------
// Deserialize: read the element as a `RawElement`, write it, parse it as the type.

fn too_deep<E: de::Error>() -> E {
    E::custom(format!(
        "input exceeds the nesting depth limit of {MAX_DEPTH}"
    ))
}

/// Reads an element's [`Body`] into a [`RawElement`] named `name`, `depth` levels deep.
struct BodySeed {
    name: String,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for BodySeed {
    type Value = RawElement;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<RawElement, D::Error> {
        if self.depth > MAX_DEPTH {
            return Err(too_deep());
        }
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for BodySeed {
    type Value = RawElement;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the element `<{}>`: a map of attribute names to values, with `{TEXT}` or `{CHILDREN}` for its content",
            self.name
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawElement, A::Error> {
        let mut element = RawElement::new(self.name.as_str());
        let mut content: Option<&'static str> = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == TEXT || key == CHILDREN {
                if let Some(first) = content {
                    return Err(de::Error::custom(format!(
                        "`<{}>` has both `{first}` and `{key}`: an element's content is one of them",
                        self.name
                    )));
                }
            }
            if key == TEXT {
                content = Some(TEXT);
                if let Text(Some(text)) = map.next_value::<Text>()? {
                    element = element.text(text);
                }
            } else if key == CHILDREN {
                content = Some(CHILDREN);
                let seed = NodesSeed { depth: self.depth };
                for node in map.next_value_seed(seed)? {
                    element = match node {
                        Content::Element(child) => element.child(child),
                        Content::Text(text) => element.text(text),
                    };
                }
            } else if key.starts_with('$') {
                return Err(de::Error::custom(format!(
                    "unknown key `{key}` in `<{}>`: expected an attribute name, `{TEXT}` or `{CHILDREN}`",
                    self.name
                )));
            } else if let Text(Some(value)) = map.next_value::<Text>()? {
                element = element.attribute(key, value);
            }
        }
        Ok(element)
    }
}

enum Content {
    Element(RawElement),
    Text(String),
}

/// Reads a list of child nodes.
struct NodesSeed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for NodesSeed {
    type Value = Vec<Content>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Content>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for NodesSeed {
    type Value = Vec<Content>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of elements (`{\"Name\": {...}}`) and texts")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Content>, A::Error> {
        let mut nodes = Vec::new();
        let seed = || NodeSeed { depth: self.depth };
        while let Some(node) = seq.next_element_seed(seed())? {
            nodes.push(node);
        }
        Ok(nodes)
    }
}

/// Reads one child node: a tagged element or a text.
struct NodeSeed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for NodeSeed {
    type Value = Content;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Content, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodeSeed {
    type Value = Content;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an element (`{\"Name\": {...}}`) or a text")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Content, E> {
        Ok(Content::Text(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Content, E> {
        Ok(Content::Text(text))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Content, A::Error> {
        TaggedSeed {
            depth: self.depth + 1,
        }
        .visit_map(map)
        .map(Content::Element)
    }
}

/// Reads an element tagged by its name (a one-entry map), `depth` levels deep.
struct TaggedSeed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for TaggedSeed {
    type Value = RawElement;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<RawElement, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TaggedSeed {
    type Value = RawElement;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an element: a map with one key, the element's name (`{\"Name\": {...}}`)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawElement, A::Error> {
        if self.depth > MAX_DEPTH {
            return Err(too_deep());
        }
        let Some(name) = map.next_key::<String>()? else {
            return Err(de::Error::custom(
                "an empty map is no element: expected one key, the element's name",
            ));
        };
        let element = map.next_value_seed(BodySeed {
            name,
            depth: self.depth,
        })?;
        if let Some(second) = map.next_key::<String>()? {
            return Err(de::Error::custom(format!(
                "an element is a map with one key, its name: `{}` is followed by `{second}`",
                element.name()
            )));
        }
        Ok(element)
    }
}

/// Reads a document's list of tagged child elements into an element named `name`.
struct ChildrenSeed {
    name: &'static str,
}

impl<'de> Visitor<'de> for ChildrenSeed {
    type Value = RawElement;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the commands of a `<{}>`: a list of elements (`{{\"Name\": {{...}}}}`)",
            self.name
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawElement, A::Error> {
        let mut element = RawElement::new(self.name);
        while let Some(child) = seq.next_element_seed(TaggedSeed { depth: 2 })? {
            element = element.child(child);
        }
        Ok(element)
    }
}

/// The policy JSON is read with: the default one, except that unknown attributes and elements
/// are allowed (kept in `extra`, as raw elements), as the builder's `raw_attribute` and
/// [`RawElement`] make them.
fn policy() -> Policy {
    let mut policy = Policy::new();
    for rule in ["IVR101", "IVR102"] {
        // Both codes are in the catalogue: `unknown_attributes_and_commands_are_kept` reads a
        // raw command and attribute back.
        let _ = policy.set_level(rule, Level::Allow);
    }
    policy
}

/// The parser's error for a value from a serde format: what and where (the element path), with
/// no line and column (they would be those of a document no one wrote).
fn parse_error<E: de::Error>(err: &ParseError) -> E {
    if err.path().is_empty() {
        E::custom(err.kind())
    } else {
        E::custom(format_args!("{} (at {})", err.kind(), err.path()))
    }
}

/// Writes `element` and parses it as a `T`, refusing what the strict parser refuses under
/// [`policy`]: read leniently (as the strict parser reads a `<Response>`), then refused at the
/// first finding the policy denies. (The strict parser of a single command stops at its first
/// finding, allowed or not.)
fn parse_as<T: FromXml, E: de::Error>(element: &RawElement) -> Result<T, E> {
    let xml = crate::to_string_with(element, &Style::compact()).map_err(E::custom)?;
    let policy = policy();
    let options = ParseOptions::lenient().policy(policy.clone());
    let parsed = crate::from_str_with::<T>(&xml, &options).map_err(|err| parse_error(&err))?;
    match parsed
        .warnings
        .iter()
        .find(|warning| policy.level(warning.code()) == Level::Deny)
    {
        Some(denied) => Err(parse_error(denied.as_error())),
        None => Ok(parsed.value),
    }
}

/// The one element name a struct's type accepts.
fn element_name_of<T: FromXml>() -> &'static str {
    crate::de::expected_of::<T>().first().copied().unwrap_or("")
}

/// Deserializes a struct from the map of its element's attributes and content, by parsing the
/// element: the parser's checks, and its error text at the element path.
///
/// ```
/// use ivr_xml::{serde_model::deserialize_element, Play};
/// let mut json = serde_json::Deserializer::from_str(r#"{"loop":2,"$text":"a.wav"}"#);
/// let play: Play = deserialize_element(&mut json)?;
/// assert_eq!(play, Play::new("a.wav").repeat(2));
/// let mut json = serde_json::Deserializer::from_str(r#"{"loop":-5,"$text":"a.wav"}"#);
/// let err = deserialize_element::<Play, _>(&mut json).unwrap_err();
/// assert!(err.to_string().ends_with("(at Play/@loop)"), "{err}");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn deserialize_element<'de, T: FromXml, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let element = BodySeed {
        name: element_name_of::<T>().to_owned(),
        depth: 1,
    }
    .deserialize(deserializer)?;
    parse_as(&element)
}

/// Deserializes an enum of alternatives from an element tagged by its name, through the parser.
///
/// ```
/// use ivr_xml::{serde_model::deserialize_alternative, Play, Prompt};
/// let mut json = serde_json::Deserializer::from_str(r#"{"Play":{"$text":"a.wav"}}"#);
/// let prompt: Prompt = deserialize_alternative(&mut json)?;
/// assert_eq!(prompt, Prompt::Play(Play::new("a.wav")));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn deserialize_alternative<'de, T: FromXml, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let element = TaggedSeed { depth: 1 }.deserialize(deserializer)?;
    parse_as(&element)
}

/// Deserializes an enum of alternatives with a catch-all variant (`#[xml(other)]`, like
/// [`Command::Raw`](crate::Command::Raw)): an element none of the others takes is read as `O`
/// and wrapped by `other`, then checked as the builder checks it ([`ToXml::check`]). (A parser
/// reads no unknown element at the root, where this one stands.)
///
/// ```
/// use ivr_xml::{serde_model::deserialize_alternative_or, Command, RawElement};
/// let mut json = serde_json::Deserializer::from_str(r#"{"Record":{"max":"5"}}"#);
/// let command: Command = deserialize_alternative_or(&mut json, Command::Raw)?;
/// assert_eq!(command, Command::Raw(RawElement::new("Record").attribute("max", "5")));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn deserialize_alternative_or<'de, T, O, D>(
    deserializer: D,
    other: fn(O) -> T,
) -> Result<T, D::Error>
where
    T: FromXml + ToXml,
    O: FromXml,
    D: Deserializer<'de>,
{
    let element = TaggedSeed { depth: 1 }.deserialize(deserializer)?;
    if T::matches_element(element.name()) {
        return parse_as(&element);
    }
    let value = other(parse_as::<O, D::Error>(&element)?);
    value.check().map_err(de::Error::custom)?;
    Ok(value)
}

/// Deserializes a document from the list of its child elements, through the parser.
///
/// ```
/// use ivr_xml::{serde_model::deserialize_children, Response};
/// let mut json = serde_json::Deserializer::from_str(r#"[{"CmdNone":{}}]"#);
/// let doc: Response = deserialize_children(&mut json)?;
/// assert_eq!(doc, Response::cmd_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn deserialize_children<'de, T: FromXml, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let element = deserializer.deserialize_seq(ChildrenSeed {
        name: element_name_of::<T>(),
    })?;
    parse_as(&element)
}

// ---------------------------------------------------------------------------------------------
// The types the derive does not generate.

/// A document is the list of its commands (see the [module](self)).
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<C: ToXml> ser::Serialize for Response<C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_children(self, serializer)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de, C: FromXml> de::Deserialize<'de> for Response<C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Response<C>, D::Error> {
        deserialize_children(deserializer)
    }
}

/// A raw element is tagged by its name, as a command is.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl ser::Serialize for RawElement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_alternative(self, serializer)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> de::Deserialize<'de> for RawElement {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawElement, D::Error> {
        deserialize_alternative(deserializer)
    }
}

/// A raw attribute is a one-entry map from its name to its value.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl ser::Serialize for RawAttribute {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.name(), self.value())?;
        map.end()
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> de::Deserialize<'de> for RawAttribute {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawAttribute, D::Error> {
        deserializer.deserialize_map(AttributeVisitor(PhantomData))
    }
}

struct AttributeVisitor(PhantomData<RawAttribute>);

impl<'de> Visitor<'de> for AttributeVisitor {
    type Value = RawAttribute;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an attribute: a map with one key, its name, and its value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawAttribute, A::Error> {
        let Some((name, Text(value))) = map.next_entry::<String, Text>()? else {
            return Err(de::Error::custom(
                "an empty map is no attribute: expected one key, the attribute's name",
            ));
        };
        if let Some(second) = map.next_key::<String>()? {
            return Err(de::Error::custom(format!(
                "an attribute is a map with one key, its name: `{name}` is followed by `{second}`"
            )));
        }
        let value = value
            .ok_or_else(|| de::Error::custom(format!("attribute `{name}` has no value (null)")))?;
        RawAttribute::new(name, value).map_err(de::Error::custom)
    }
}

/// `<PlayMix>` is its element, as a derived command is (its writer and parser are hand-written).
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl ser::Serialize for crate::PlayMix {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_element(self, serializer)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> de::Deserialize<'de> for crate::PlayMix {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<crate::PlayMix, D::Error> {
        deserialize_element(deserializer)
    }
}
