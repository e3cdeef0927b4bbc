//! [`XmlWriter`]: the element writer (tags, children, line starts and indentation), into a
//! [`Sink`], and the attribute values the derive's code writes between literals. The other
//! attribute and text writers are in `content.rs`, escaping in `escape.rs`.

use crate::value::XmlValue;

use super::style::LineStart;
use super::{Declaration, EmptyElements, Quote, Sink, Style};

/// Writes elements into a [`Sink`] in a [`Style`]. Used by code the [`Xml`](crate::Xml) derive generates.
///
/// The derive writes literal markup in as few pieces as it can ([`XmlWriter::markup`]: `<Get`,
/// ` action='`, `</Play>`), one set of literals per quote, and the values escaped
/// ([`XmlWriter::attribute_value_in`], [`XmlWriter::text_value`]); the other methods write a
/// tag, an attribute or a text from names known only at run time.
#[derive(Debug)]
#[doc(hidden)]
pub struct XmlWriter<'a, S: ?Sized> {
    pub(super) sink: &'a mut S,
    pub(super) quote: Quote,
    /// How a line starts now: [`LineStart::BeforeFirst`] until something is written in a pretty
    /// style, then `pretty`; [`LineStart::None`] when compact (or inside mixed content).
    line: LineStart,
    /// How a line starts in this style once something is written.
    pretty: LineStart,
    /// The indent per level (empty when compact).
    indent: &'a str,
    depth: usize,
    /// How empty elements whose docs write an end tag are closed.
    empty: EmptyElements,
}

/// A line break and 128 spaces: line starts in an indent of spaces, up to 128 deep.
const SPACE_LINES: &str = concat!(
    "\n",
    "                                                                ",
    "                                                                "
);
/// A line break and 64 tabs: line starts in an indent of tabs, up to 64 deep.
const TAB_LINES: &str = concat!(
    "\n",
    "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
    "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t"
);

impl<'a, S: Sink + ?Sized> XmlWriter<'a, S> {
    /// A writer at the start of a document or fragment.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::docs();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.open_tag("Hangup");
    /// let Ok(()) = w.close_empty();
    /// assert_eq!(out, "<Hangup/>");
    /// ```
    pub fn new(sink: &'a mut S, style: &'a Style) -> XmlWriter<'a, S> {
        let line = match style.lines {
            LineStart::None => LineStart::None,
            _ => LineStart::BeforeFirst,
        };
        XmlWriter {
            sink,
            quote: style.quote,
            line,
            pretty: style.lines,
            indent: style.indent.as_deref().unwrap_or(""),
            depth: 0,
            empty: style.empty,
        }
    }

    /// The quote character in use.
    ///
    /// ```
    /// use ivr_xml::ser::{Quote, Style, XmlWriter};
    /// let style = Style::docs().quote(Quote::Double);
    /// let mut out = String::new();
    /// let w = XmlWriter::new(&mut out, &style);
    /// assert_eq!(w.quote(), Quote::Double);
    /// ```
    #[inline(always)]
    pub fn quote(&self) -> Quote {
        self.quote
    }

    /// How empty elements are closed ([`Style::empty_elements`]): for an element whose official
    /// example writes an end tag, like the REST `<Dial>`.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// use ivr_xml::EmptyElements;
    /// let style = Style::docs().empty_elements(EmptyElements::SelfClosing);
    /// let mut out = String::new();
    /// let w = XmlWriter::new(&mut out, &style);
    /// assert_eq!(w.empty_elements(), EmptyElements::SelfClosing);
    /// ```
    #[inline(always)]
    pub fn empty_elements(&self) -> EmptyElements {
        self.empty
    }

    /// Writes the declaration (nothing for [`Declaration::None`]).
    ///
    /// ```
    /// use ivr_xml::ser::{Declaration, Style, XmlWriter};
    /// let style = Style::docs();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.declaration(Declaration::DoubleQuoted);
    /// let Ok(()) = w.open_tag("Response");
    /// let Ok(()) = w.close_empty();
    /// assert_eq!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response/>");
    /// ```
    #[inline]
    pub fn declaration(&mut self, declaration: Declaration) -> Result<(), S::Error> {
        // One arm per declaration: each writes a string of constant length, which compiles to
        // a few stores instead of a call to `memcpy`.
        match declaration {
            Declaration::SingleQuoted => self.sink.write_str(Declaration::SingleQuoted.as_str())?,
            Declaration::DoubleQuoted => self.sink.write_str(Declaration::DoubleQuoted.as_str())?,
            Declaration::DoubleQuotedSpaceBeforeClose => self
                .sink
                .write_str(Declaration::DoubleQuotedSpaceBeforeClose.as_str())?,
            Declaration::None => return Ok(()),
        }
        if self.line == LineStart::BeforeFirst {
            self.line = self.pretty;
        }
        Ok(())
    }

    /// Starts a line for an element or an end tag at the current depth: in pretty styles a line
    /// break (none before the document's first line) and the indentation; nothing when compact.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::docs();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// // The first element starts the document: no line break before it.
    /// let Ok(()) = w.open_tag("Response");
    /// let Ok(()) = w.markup(">");
    /// w.enter();
    /// let Ok(()) = w.start_line();
    /// let Ok(()) = w.markup("<Hangup/>");
    /// assert_eq!(out, "<Response>\n    <Hangup/>");
    /// ```
    #[inline(always)]
    pub fn start_line(&mut self) -> Result<(), S::Error> {
        // The docs' style at the usual depths writes a string of constant length: a few stores,
        // where a slice of variable length is a call to `memcpy`.
        match self.line {
            LineStart::None => Ok(()),
            LineStart::FourSpaces => match self.depth {
                0 => self.sink.write_str("\n"),
                1 => self.sink.write_str("\n    "),
                2 => self.sink.write_str("\n        "),
                3 => self.sink.write_str("\n            "),
                _ => self.start_any_line(),
            },
            _ => self.start_any_line(),
        }
    }

    /// Which of the derive's literals with a line start in front fits the line to start now:
    /// `0` none (compact), `1 + depth` a line break and `depth` indents of four spaces (the
    /// docs' style, depth 0 to 3), `5` otherwise ([`XmlWriter::start_line`], then the literal). One write of `"\n    <Play"` instead of
    /// two: in the docs' layout every element starts a line.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::docs();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// // Before the document's first line: no line break, so the general way.
    /// assert_eq!(w.line_start_literal(), 5);
    /// let Ok(()) = w.start_line();
    /// let Ok(()) = w.markup("<Response>");
    /// w.enter();
    /// assert_eq!(w.line_start_literal(), 2);
    /// let Ok(()) = w.markup("\n    <Hangup/>");
    /// assert_eq!(out, "<Response>\n    <Hangup/>");
    /// ```
    #[inline(always)]
    pub fn line_start_literal(&self) -> usize {
        match self.line {
            LineStart::None => 0,
            LineStart::FourSpaces if self.depth < 4 => 1 + self.depth,
            _ => 5,
        }
    }

    /// [`XmlWriter::start_line`] in any pretty style and at any depth.
    #[inline(never)]
    fn start_any_line(&mut self) -> Result<(), S::Error> {
        let first = self.line == LineStart::BeforeFirst;
        if first {
            self.line = self.pretty;
        }
        let lines = match self.line {
            LineStart::FourSpaces | LineStart::Spaces => Some(SPACE_LINES),
            LineStart::Tabs => Some(TAB_LINES),
            LineStart::Mixed | LineStart::None | LineStart::BeforeFirst => None,
        };
        if let Some(line) = lines
            .and_then(|lines| lines.get(usize::from(first)..1 + self.depth * self.indent.len()))
        {
            return self.sink.write_str(line);
        }
        if !first {
            self.sink.write_str("\n")?;
        }
        for _ in 0..self.depth {
            self.sink.write_str(self.indent)?;
        }
        Ok(())
    }

    /// Writes literal markup as it is, not escaped: the fragments of tags the derive puts
    /// together from names known when it runs, such as `<Get`, ` action='` or `</Play>`.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::compact();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.markup("<Play");
    /// let Ok(()) = w.markup(" loop='");
    /// let Ok(()) = w.text_value(&2u32);
    /// let Ok(()) = w.markup("'/>");
    /// assert_eq!(out, "<Play loop='2'/>");
    /// ```
    #[inline(always)]
    pub fn markup(&mut self, markup: &'static str) -> Result<(), S::Error> {
        self.sink.write_str(markup)
    }

    /// Writes an attribute value, escaped for `quote`, which must be the quote in use
    /// ([`XmlWriter::quote`]): the derive's code writes ` name='` and the closing quote itself,
    /// in a branch for each quote, and passes that branch's quote, a constant.
    ///
    /// ```
    /// use ivr_xml::ser::{Quote, Style, XmlWriter};
    /// let style = Style::compact().quote(Quote::Double);
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.markup("<Redirect tag=\"");
    /// let Ok(()) = w.attribute_value_in(Quote::Double, &String::from("say \"hi\""));
    /// let Ok(()) = w.markup("\"/>");
    /// assert_eq!(out, "<Redirect tag=\"say &quot;hi&quot;\"/>");
    /// ```
    #[inline(always)]
    pub fn attribute_value_in<V: XmlValue>(
        &mut self,
        quote: Quote,
        value: &V,
    ) -> Result<(), S::Error> {
        debug_assert_eq!(
            quote, self.quote,
            "an attribute value escaped for another quote"
        );
        value.with_str(|text| match V::ESCAPE_FREE.get() {
            true => self.escape_free(text),
            false => self.attribute_piece_in(quote, text),
        })
    }

    /// Starts an element: its own line in pretty styles, then `<name`.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::docs();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.open_tag("Response");
    /// let Ok(()) = w.open_children();
    /// let Ok(()) = w.open_tag("Hangup");
    /// let Ok(()) = w.close_empty();
    /// let Ok(()) = w.close_children("Response");
    /// assert_eq!(out, "<Response>\n    <Hangup/>\n</Response>");
    /// ```
    #[inline(always)]
    pub fn open_tag(&mut self, name: &str) -> Result<(), S::Error> {
        self.start_line()?;
        self.sink.write_str("<")?;
        self.sink.write_str(name)
    }

    /// Ends a start tag as empty: `/>`.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::compact();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.open_tag("CmdNone");
    /// let Ok(()) = w.close_empty();
    /// assert_eq!(out, "<CmdNone/>");
    /// ```
    #[inline(always)]
    pub fn close_empty(&mut self) -> Result<(), S::Error> {
        self.sink.write_str("/>")
    }

    /// Writes the end tag `</name>` after text content.
    #[inline(always)]
    pub(super) fn text_end(&mut self, name: &str) -> Result<(), S::Error> {
        self.sink.write_str("</")?;
        self.sink.write_str(name)?;
        self.sink.write_str(">")
    }

    /// Ends a start tag whose children follow, one level deeper.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::compact();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.open_tag("Get");
    /// let Ok(()) = w.open_children();
    /// let Ok(()) = w.open_tag("Play");
    /// let Ok(()) = w.text_content_str("Play", "m.wav");
    /// let Ok(()) = w.close_children("Get");
    /// assert_eq!(out, "<Get><Play>m.wav</Play></Get>");
    /// ```
    #[inline(always)]
    pub fn open_children(&mut self) -> Result<(), S::Error> {
        self.enter();
        self.sink.write_str(">")
    }

    /// One level deeper: the children of the element whose start tag (`>` included) was just
    /// written follow.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::docs();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// // The first element starts the document: no line break before it.
    /// let Ok(()) = w.open_tag("Response");
    /// let Ok(()) = w.markup(">");
    /// w.enter();
    /// let Ok(()) = w.open_tag("Hangup");
    /// let Ok(()) = w.close_empty();
    /// w.leave();
    /// let Ok(()) = w.start_line();
    /// let Ok(()) = w.markup("</Response>");
    /// assert_eq!(out, "<Response>\n    <Hangup/>\n</Response>");
    /// ```
    #[inline(always)]
    pub fn enter(&mut self) {
        self.depth += 1;
    }

    /// One level up, after the children: the end tag follows ([`XmlWriter::start_line`], then
    /// the tag).
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::docs();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// w.enter();
    /// w.leave();
    /// // Never below the top level.
    /// w.leave();
    /// let Ok(()) = w.open_tag("Hangup");
    /// let Ok(()) = w.close_empty();
    /// assert_eq!(out, "<Hangup/>");
    /// ```
    #[inline(always)]
    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Writes the end tag after the children, on its own line in pretty styles.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::docs();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.open_tag("Get");
    /// let Ok(()) = w.open_children();
    /// let Ok(()) = w.open_tag("Play");
    /// let Ok(()) = w.text_content_str("Play", "m.wav");
    /// let Ok(()) = w.close_children("Get");
    /// assert_eq!(out, "<Get>\n    <Play>m.wav</Play>\n</Get>");
    /// ```
    #[inline(always)]
    pub fn close_children(&mut self, name: &str) -> Result<(), S::Error> {
        self.leave();
        self.start_line()?;
        self.text_end(name)
    }

    /// Runs `write` with indentation off: for mixed content, where added whitespace would change the text.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::docs();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.open_tag("x");
    /// let Ok(()) = w.open_children();
    /// let Ok(()) = w.without_indent(|w| {
    ///     w.mixed_text("a")?;
    ///     w.open_tag("b")?;
    ///     w.close_empty()?;
    ///     w.mixed_text("c")
    /// });
    /// let Ok(()) = w.close_children("x");
    /// assert_eq!(out, "<x>a<b/>c\n</x>");
    /// ```
    pub fn without_indent<R>(&mut self, write: impl FnOnce(&mut Self) -> R) -> R {
        let saved = std::mem::replace(&mut self.line, LineStart::None);
        let result = write(self);
        self.line = saved;
        result
    }
}
