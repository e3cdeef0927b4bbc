//! Deserialize: read the element as a `RawElement`, write it, parse it as the type.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{CHILDREN, MAX_DEPTH, TEXT};
use crate::policy::{Level, Policy};
use crate::serde_support::Text;
use crate::{FromXml, ParseError, ParseOptions, RawElement, Style, ToXml};

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
