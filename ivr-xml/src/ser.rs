//! The writer: styles, output sinks, escaping, and the [`ToXml`] trait the derive implements.

use std::convert::Infallible;
use std::fmt;
use std::io;

use crate::error::ValueError;
use crate::raw::RawAttribute;
use crate::value::XmlValue;

/// The quote character around attribute values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Quote {
    /// `'`, as in the conference and basic guides (the default).
    #[default]
    Single,
    /// `"`, as in the command reference and the REST bodies.
    Double,
}

impl Quote {
    fn char(self) -> char {
        match self {
            Quote::Single => '\'',
            Quote::Double => '"',
        }
    }
}

/// Which XML declaration starts the document (spec §1.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Declaration {
    /// `<?xml version='1.0' encoding='UTF-8'?>`, as in the guide (the default).
    #[default]
    SingleQuoted,
    /// `<?xml version="1.0" encoding="UTF-8"?>`, as in the command reference's `<Get>` example.
    DoubleQuoted,
    /// `<?xml version="1.0" encoding="UTF-8" ?>`, as in the command reference's `<Play>` example.
    DoubleQuotedSpaceBeforeClose,
    /// No declaration, as in the basic guide and the guide's `<CmdNone/>` examples.
    None,
}

impl Declaration {
    /// The declaration's exact text (empty for [`Declaration::None`]).
    pub fn as_str(self) -> &'static str {
        match self {
            Declaration::SingleQuoted => "<?xml version='1.0' encoding='UTF-8'?>",
            Declaration::DoubleQuoted => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            Declaration::DoubleQuotedSpaceBeforeClose => {
                "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>"
            }
            Declaration::None => "",
        }
    }
}

/// How a document is laid out: quote, declaration, and indentation.
///
/// [`Style::docs`] (the default) is the guide's style; [`Style::compact`] has no whitespace at all,
/// the form to send over the wire.
///
/// ```
/// use ivr_xml::{CmdNone, Declaration, Quote, Response, Style};
/// let doc = Response::builder().main(CmdNone::new()).build().unwrap();
/// assert_eq!(doc.to_string(), "<?xml version='1.0' encoding='UTF-8'?>\n<Response>\n    <CmdNone/>\n</Response>");
/// assert_eq!(doc.to_string_with(&Style::compact()), "<?xml version='1.0' encoding='UTF-8'?><Response><CmdNone/></Response>");
/// let reference = Style::docs().quote(Quote::Double).declaration(Declaration::None).indent("");
/// assert_eq!(doc.to_string_with(&reference), "<Response>\n<CmdNone/>\n</Response>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Style {
    quote: Quote,
    declaration: Declaration,
    indent: Option<String>,
}

impl Default for Style {
    fn default() -> Style {
        Style::docs()
    }
}

impl Style {
    /// The guide's style: single quotes, `<?xml version='1.0' encoding='UTF-8'?>`, one element per
    /// line, four spaces per level, LF line ends.
    pub fn docs() -> Style {
        Style {
            quote: Quote::Single,
            declaration: Declaration::SingleQuoted,
            indent: Some("    ".to_owned()),
        }
    }

    /// The docs' quote and declaration with no whitespace at all between elements.
    pub fn compact() -> Style {
        Style {
            indent: None,
            ..Style::docs()
        }
    }

    /// Sets the quote character.
    pub fn quote(mut self, quote: Quote) -> Style {
        self.quote = quote;
        self
    }

    /// Sets the declaration.
    pub fn declaration(mut self, declaration: Declaration) -> Style {
        self.declaration = declaration;
        self
    }

    /// One element per line, indented by `indent` per level (`""` puts every line at column 0).
    ///
    /// Characters other than spaces and tabs are dropped from the indent: anything else would
    /// change the document.
    pub fn indent(mut self, indent: &str) -> Style {
        self.indent = Some(indent.chars().filter(|c| matches!(c, ' ' | '\t')).collect());
        self
    }

    /// No whitespace between elements.
    pub fn no_indent(mut self) -> Style {
        self.indent = None;
        self
    }

    /// The quote character in use.
    pub fn quote_style(&self) -> Quote {
        self.quote
    }

    /// The declaration in use.
    pub fn declaration_style(&self) -> Declaration {
        self.declaration
    }

    /// The indent per level, or `None` when compact.
    pub fn indent_str(&self) -> Option<&str> {
        self.indent.as_deref()
    }
}

/// Where the writer puts its output: a `String`, any [`fmt::Write`] ([`FmtSink`]) or any [`io::Write`] ([`IoSink`]).
pub trait Sink {
    /// The sink's error (`Infallible` for `String`).
    type Error;
    /// Appends `text`.
    fn write_str(&mut self, text: &str) -> Result<(), Self::Error>;
}

impl Sink for String {
    type Error = Infallible;
    #[inline]
    fn write_str(&mut self, text: &str) -> Result<(), Infallible> {
        self.push_str(text);
        Ok(())
    }
}

/// Adapts any [`fmt::Write`] (a `Formatter`, a `String` behind `&mut dyn fmt::Write`) into a [`Sink`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct FmtSink<W>(pub W);

impl<W: fmt::Write> Sink for FmtSink<W> {
    type Error = fmt::Error;
    fn write_str(&mut self, text: &str) -> Result<(), fmt::Error> {
        self.0.write_str(text)
    }
}

/// Adapts any [`io::Write`] (a file, a socket, a `Vec<u8>`) into a [`Sink`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct IoSink<W>(pub W);

impl<W: io::Write> Sink for IoSink<W> {
    type Error = io::Error;
    fn write_str(&mut self, text: &str) -> Result<(), io::Error> {
        self.0.write_all(text.as_bytes())
    }
}

/// Writes elements into a [`Sink`] in a [`Style`]. Used by code the [`Xml`](crate::Xml) derive generates.
#[derive(Debug)]
pub struct XmlWriter<'a, S: ?Sized> {
    sink: &'a mut S,
    quote: Quote,
    indent: Option<&'a str>,
    depth: usize,
    wrote_anything: bool,
}

impl<'a, S: Sink + ?Sized> XmlWriter<'a, S> {
    /// A writer at the start of a document or fragment.
    pub fn new(sink: &'a mut S, style: &'a Style) -> XmlWriter<'a, S> {
        XmlWriter {
            sink,
            quote: style.quote,
            indent: style.indent.as_deref(),
            depth: 0,
            wrote_anything: false,
        }
    }

    /// Writes the declaration (nothing for [`Declaration::None`]).
    pub fn declaration(&mut self, declaration: Declaration) -> Result<(), S::Error> {
        if declaration != Declaration::None {
            self.sink.write_str(declaration.as_str())?;
            self.wrote_anything = true;
        }
        Ok(())
    }

    fn new_line(&mut self) -> Result<(), S::Error> {
        if let Some(indent) = self.indent {
            if self.wrote_anything {
                self.sink.write_str("\n")?;
            }
            for _ in 0..self.depth {
                self.sink.write_str(indent)?;
            }
        }
        self.wrote_anything = true;
        Ok(())
    }

    /// Starts an element: its own line in pretty styles, then `<name`.
    pub fn open_tag(&mut self, name: &str) -> Result<(), S::Error> {
        self.new_line()?;
        self.sink.write_str("<")?;
        self.sink.write_str(name)
    }

    /// Writes ` name='value'`, escaping the value for the quote in use.
    pub fn attribute<V: XmlValue>(&mut self, name: &str, value: &V) -> Result<(), S::Error> {
        value.with_str(|text| self.attribute_str(name, text))
    }

    /// Writes ` name='value'` from a string.
    pub fn attribute_str(&mut self, name: &str, value: &str) -> Result<(), S::Error> {
        let quote = self.quote.char();
        let quote_str = match self.quote {
            Quote::Single => "'",
            Quote::Double => "\"",
        };
        self.sink.write_str(" ")?;
        self.sink.write_str(name)?;
        self.sink.write_str("=")?;
        self.sink.write_str(quote_str)?;
        escape_attribute(self.sink, value, quote)?;
        self.sink.write_str(quote_str)
    }

    /// Writes raw attributes kept by the lenient parser or added by hand, in their order.
    pub fn raw_attributes(&mut self, attributes: &[RawAttribute]) -> Result<(), S::Error> {
        for attribute in attributes {
            self.attribute_str(attribute.name(), attribute.value())?;
        }
        Ok(())
    }

    /// Ends a start tag as empty: `/>`.
    pub fn close_empty(&mut self) -> Result<(), S::Error> {
        self.sink.write_str("/>")
    }

    /// Ends a start tag, writes the text content escaped, and the end tag, all on one line.
    pub fn text_content<V: XmlValue>(&mut self, name: &str, value: &V) -> Result<(), S::Error> {
        value.with_str(|text| self.text_content_str(name, text))
    }

    /// Like [`XmlWriter::text_content`], from a string.
    pub fn text_content_str(&mut self, name: &str, text: &str) -> Result<(), S::Error> {
        self.sink.write_str(">")?;
        escape_text(self.sink, text)?;
        self.sink.write_str("</")?;
        self.sink.write_str(name)?;
        self.sink.write_str(">")
    }

    /// Ends a start tag whose children follow, one level deeper.
    pub fn open_children(&mut self) -> Result<(), S::Error> {
        self.depth += 1;
        self.sink.write_str(">")
    }

    /// Writes the end tag after the children, on its own line in pretty styles.
    pub fn close_children(&mut self, name: &str) -> Result<(), S::Error> {
        self.depth = self.depth.saturating_sub(1);
        self.new_line()?;
        self.sink.write_str("</")?;
        self.sink.write_str(name)?;
        self.sink.write_str(">")
    }

    /// Writes text between child elements of a raw element, unindented and escaped.
    pub fn mixed_text(&mut self, text: &str) -> Result<(), S::Error> {
        escape_text(self.sink, text)
    }

    /// Runs `write` with indentation off: for mixed content, where added whitespace would change the text.
    pub fn without_indent<R>(&mut self, write: impl FnOnce(&mut Self) -> R) -> R {
        let saved = self.indent.take();
        let result = write(self);
        self.indent = saved;
        result
    }
}

/// Escapes text content: `&`, `<`, `>` after `]]`, and CR (which parsers would otherwise turn into LF).
fn escape_text<S: Sink + ?Sized>(sink: &mut S, text: &str) -> Result<(), S::Error> {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' if i >= 2 && &bytes[i - 2..i] == b"]]" => "&gt;",
            b'\r' => "&#13;",
            _ => continue,
        };
        sink.write_str(&text[start..i])?;
        sink.write_str(replacement)?;
        start = i + 1;
    }
    sink.write_str(&text[start..])
}

/// Escapes an attribute value: `&`, `<`, the active quote, and the whitespace characters that
/// attribute-value normalization would turn into spaces.
fn escape_attribute<S: Sink + ?Sized>(
    sink: &mut S,
    text: &str,
    quote: char,
) -> Result<(), S::Error> {
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'\'' if quote == '\'' => "&apos;",
            b'"' if quote == '"' => "&quot;",
            b'\t' => "&#9;",
            b'\n' => "&#10;",
            b'\r' => "&#13;",
            _ => continue,
        };
        sink.write_str(&text[start..i])?;
        sink.write_str(replacement)?;
        start = i + 1;
    }
    sink.write_str(&text[start..])
}

/// A type that writes itself as one XML element (or, for an enum, as the alternative it holds).
///
/// Implemented by the [`Xml`](crate::Xml) derive; see its documentation.
pub trait ToXml {
    /// Writes the element.
    fn write_xml<S: Sink + ?Sized>(&self, writer: &mut XmlWriter<'_, S>) -> Result<(), S::Error>;

    /// Reports the first invalid value a builder was given, if any, here or in a child.
    fn check(&self) -> Result<(), ValueError> {
        Ok(())
    }

    /// The element's name, for messages (an enum reports the alternative it holds).
    fn element_name(&self) -> &str;
}

impl<T: ToXml> ToXml for Box<T> {
    fn write_xml<S: Sink + ?Sized>(&self, writer: &mut XmlWriter<'_, S>) -> Result<(), S::Error> {
        (**self).write_xml(writer)
    }
    fn check(&self) -> Result<(), ValueError> {
        (**self).check()
    }
    fn element_name(&self) -> &str {
        (**self).element_name()
    }
}

/// Writes one element as a fragment (no declaration) in `style`.
///
/// Fails, writing nothing, if a builder was given an invalid value.
///
/// ```
/// use ivr_xml::{to_string_with, Play, Style};
/// let play = Play::new("menu.wav").repeat(-1);
/// assert_eq!(to_string_with(&play, &Style::docs()).unwrap(), "<Play loop='-1'>menu.wav</Play>");
/// ```
pub fn to_string_with<T: ToXml + ?Sized>(value: &T, style: &Style) -> Result<String, ValueError> {
    value.check()?;
    let mut out = String::new();
    let mut writer = XmlWriter::new(&mut out, style);
    match value.write_xml(&mut writer) {
        Ok(()) => Ok(out),
        Err(never) => match never {},
    }
}
