//! The parser: a checked element tree built on quick-xml with limits, and the [`FromXml`] trait the derive implements.

pub(crate) mod fast;
mod options;
mod reader;
mod syntax;
mod tree;
mod typed;

pub use options::{Limits, Mode, ParseOptions, Parsed};
pub use tree::{Attribute, Children, Document, Element, Node, TextNode};
pub(crate) use typed::judge;
pub use typed::{
    expected_of, from_slice_with, from_str, from_str_with, parse_tree, FromXml, ParseContext,
};
