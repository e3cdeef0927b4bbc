//! The parser: a checked element tree built on quick-xml with limits, and the [`FromXml`] trait the derive implements.

pub(crate) mod fast;
mod options;
mod reader;
mod report;
mod syntax;
mod tree;
mod typed;

pub use options::{Limits, Mode, ParseOptions, Parsed};
pub(crate) use reader::read_tree;
pub(crate) use syntax::{is_blank, is_xml_space};
pub use tree::{Attribute, Children, Document, Element, Node, TextNode};
pub use typed::{expected_of, parse_tree, FromXml, ParseContext};
