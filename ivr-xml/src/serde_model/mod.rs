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
//!
//! The module's parts: `write.rs` serializes (the element written, read back as a tree, the tree
//! serialized), `read.rs` deserializes (the map read into a [`RawElement`], written, parsed as
//! the type), `impls.rs` holds the impls of the types the derive does not generate. A value's
//! text is read by the crate's one reader of texts, which the notifications share (a string, a
//! number or a boolean read as its text, bytes that are UTF-8, `null` for absent).

mod impls;
mod read;
mod write;

pub use read::{
    deserialize_alternative, deserialize_alternative_or, deserialize_children, deserialize_element,
};
pub use write::{serialize_alternative, serialize_children, serialize_element};

#[cfg(doc)]
use crate::{FromXml, RawAttribute, RawElement, Response, ToXml};

/// The key of an element's text content.
const TEXT: &str = "$text";
/// The key of an element's child elements (and texts among them).
const CHILDREN: &str = "$children";

/// The deepest nesting read from a serde format: the parser's default depth limit, checked
/// while reading so that a format without its own recursion limit cannot exhaust the stack.
const MAX_DEPTH: usize = 32;
