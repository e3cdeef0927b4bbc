//! The values inside elements: attributes (typed, from strings, raw) and text content, escaped
//! for their context by `escape.rs`.

use crate::raw_attribute::RawAttribute;
use crate::value::XmlValue;

use super::escape::{escape, ATTRIBUTE_DOUBLE, ATTRIBUTE_SINGLE, TEXT};
use super::{Quote, Sink, XmlWriter};

impl<'a, S: Sink + ?Sized> XmlWriter<'a, S> {
    /// Writes ` name='value'`, escaping the value for the quote in use.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::compact();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.open_tag("Get");
    /// let Ok(()) = w.attribute("timeout", &30u32);
    /// let Ok(()) = w.attribute("action", &String::from("a&b"));
    /// let Ok(()) = w.close_empty();
    /// assert_eq!(out, "<Get timeout='30' action='a&amp;b'/>");
    /// ```
    #[inline(always)]
    pub fn attribute<V: XmlValue>(&mut self, name: &str, value: &V) -> Result<(), S::Error> {
        self.attribute_start(name)?;
        self.attribute_value_in(self.quote, value)?;
        self.attribute_end()
    }

    /// Writes ` name='value'` from a string.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::compact();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.open_tag("Redirect");
    /// let Ok(()) = w.attribute_str("tag", "it's");
    /// let Ok(()) = w.close_empty();
    /// assert_eq!(out, "<Redirect tag='it&apos;s'/>");
    /// ```
    #[inline(always)]
    pub fn attribute_str(&mut self, name: &str, value: &str) -> Result<(), S::Error> {
        self.attribute_start(name)?;
        self.attribute_piece(value)?;
        self.attribute_end()
    }

    /// Writes ` name='`: an attribute value written in pieces follows.
    #[inline(always)]
    pub(crate) fn attribute_start(&mut self, name: &str) -> Result<(), S::Error> {
        self.sink.write_str(" ")?;
        self.sink.write_str(name)?;
        self.sink.write_str(match self.quote {
            Quote::Single => "='",
            Quote::Double => "=\"",
        })
    }

    /// Writes a piece of an attribute value, escaped (escaping needs no context across pieces).
    #[inline]
    pub(crate) fn attribute_piece(&mut self, text: &str) -> Result<(), S::Error> {
        self.attribute_piece_in(self.quote, text)
    }

    /// [`XmlWriter::attribute_piece`] for `quote`, a constant where the derive's code knows it.
    #[inline(always)]
    pub(super) fn attribute_piece_in(&mut self, quote: Quote, text: &str) -> Result<(), S::Error> {
        match quote {
            Quote::Single => escape(self.sink, text, &ATTRIBUTE_SINGLE, |_, _| true),
            Quote::Double => escape(self.sink, text, &ATTRIBUTE_DOUBLE, |_, _| true),
        }
    }

    /// Ends an attribute value with the quote in use.
    #[inline(always)]
    pub(crate) fn attribute_end(&mut self) -> Result<(), S::Error> {
        self.sink.write_str(match self.quote {
            Quote::Single => "'",
            Quote::Double => "\"",
        })
    }

    /// Writes raw attributes kept by the lenient parser or added by hand, in their order.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// use ivr_xml::RawAttribute;
    /// let style = Style::compact();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let extra = [RawAttribute::new("volume", "3")?];
    /// let Ok(()) = w.open_tag("Play");
    /// let Ok(()) = w.raw_attributes(&extra);
    /// let Ok(()) = w.close_empty();
    /// assert_eq!(out, "<Play volume='3'/>");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    #[inline(always)]
    pub fn raw_attributes(&mut self, attributes: &[RawAttribute]) -> Result<(), S::Error> {
        // Nearly always none: checked here, the loop is out of line.
        if attributes.is_empty() {
            return Ok(());
        }
        self.raw_attribute_list(attributes)
    }

    #[inline(never)]
    fn raw_attribute_list(&mut self, attributes: &[RawAttribute]) -> Result<(), S::Error> {
        for attribute in attributes {
            self.attribute_str(attribute.name(), attribute.value())?;
        }
        Ok(())
    }

    /// Ends a start tag, writes the text content escaped, and the end tag, all on one line.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::docs();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.open_tag("Play");
    /// let Ok(()) = w.text_content("Play", &String::from("a<b>.wav"));
    /// assert_eq!(out, "<Play>a&lt;b>.wav</Play>");
    /// ```
    #[inline(always)]
    pub fn text_content<V: XmlValue>(&mut self, name: &str, value: &V) -> Result<(), S::Error> {
        self.sink.write_str(">")?;
        self.text_value(value)?;
        self.text_end(name)
    }

    /// Like [`XmlWriter::text_content`], from a string.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::compact();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.open_tag("PlayTTS");
    /// let Ok(()) = w.text_content_str("PlayTTS", "R&D");
    /// assert_eq!(out, "<PlayTTS>R&amp;D</PlayTTS>");
    /// ```
    #[inline(always)]
    pub fn text_content_str(&mut self, name: &str, text: &str) -> Result<(), S::Error> {
        self.sink.write_str(">")?;
        self.text_piece(text)?;
        self.text_end(name)
    }

    /// Writes a value as text content, escaped (between `>` and the end tag, which the
    /// derive's code writes as markup): an escape-free value in one write, others in the
    /// pieces they give (`XmlValue::with_pieces`: one, unless joined from parts), each escaped.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::compact();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.markup("<Play>");
    /// let Ok(()) = w.text_value(&String::from("x]]>y"));
    /// let Ok(()) = w.markup("</Play>");
    /// assert_eq!(out, "<Play>x]]&gt;y</Play>");
    /// ```
    #[inline(always)]
    pub fn text_value<V: XmlValue>(&mut self, value: &V) -> Result<(), S::Error> {
        if V::ESCAPE_FREE.get() {
            value.with_str(|text| self.escape_free(text))
        } else {
            value.with_pieces(|piece| self.text_piece(piece))
        }
    }

    /// Writes text that needs no escaping in any context (an [`XmlValue::ESCAPE_FREE`] value,
    /// ASCII digits) as it is; debug builds check that it really needs none.
    #[inline(always)]
    pub(crate) fn escape_free(&mut self, text: &str) -> Result<(), S::Error> {
        debug_assert!(
            crate::value::is_escape_free(text),
            "a value declared escape-free needs escaping: {text:?}"
        );
        self.sink.write_str(text)
    }

    /// Writes a piece of text content, escaped; a `>` is escaped after `]]` within the piece.
    #[inline]
    pub(crate) fn text_piece(&mut self, text: &str) -> Result<(), S::Error> {
        escape(self.sink, text, &TEXT, |bytes, i| {
            bytes[i] != b'>' || (i >= 2 && &bytes[i - 2..i] == b"]]")
        })
    }

    /// Writes text between child elements of a raw element, unindented and escaped.
    ///
    /// ```
    /// use ivr_xml::ser::{Style, XmlWriter};
    /// let style = Style::compact();
    /// let mut out = String::new();
    /// let mut w = XmlWriter::new(&mut out, &style);
    /// let Ok(()) = w.markup("<x>");
    /// let Ok(()) = w.mixed_text("1 < 2");
    /// let Ok(()) = w.markup("</x>");
    /// assert_eq!(out, "<x>1 &lt; 2</x>");
    /// ```
    pub fn mixed_text(&mut self, text: &str) -> Result<(), S::Error> {
        self.text_piece(text)
    }
}
