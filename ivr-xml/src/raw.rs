//! Raw elements and attributes: what the platform accepts but the library cannot name, kept unchanged.

use crate::de::is_blank;
use crate::de::{Element, FromXml, Node, ParseContext};
use crate::error::{ParseError, ValueError};
use crate::raw_attribute::{check_name, RawAttribute};
use crate::ser::{Sink, ToXml, XmlWriter};
use crate::value::check_xml_chars;

/// A child of a [`RawElement`].
///
/// ```
/// use ivr_xml::{RawElement, RawNode};
/// let record = RawElement::new("Record").child(RawElement::new("file")).text("beep");
/// assert!(matches!(record.children()[0], RawNode::Element(ref e) if e.name() == "file"));
/// assert_eq!(record.children()[1], RawNode::Text("beep".to_owned()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RawNode {
    /// A child element.
    Element(RawElement),
    /// Text, unescaped.
    Text(String),
}

/// An element kept as written, for platform commands the library does not name
/// (录音, 发送DTMF, `EnterCCS`, ...; spec §2.12): name, attributes in order, and children.
///
/// It writes back unchanged (in the style chosen) and re-parses to the same value with
/// [`ParseOptions::lenient`](crate::ParseOptions::lenient). What could not is refused when the
/// document is built (by [`ToXml::check`], so by `build()`, `try_from_commands` and
/// [`to_string_with`](crate::to_string_with)):
///
/// - a name that is not an XML name, an attribute name given twice, a character XML 1.0 cannot
///   carry in a value or a text;
/// - whitespace-only text in an element that has child elements: the reader drops it as layout
///   (text in an element without child elements is kept exactly, whitespace included, and so is
///   text beside child elements that is not only whitespace);
/// - as a command (or a REST operation), an element the library would read back as a typed
///   command: `RawElement::new("Play").text("a.wav")` is a [`Play`](crate::Play); build that
///   instead. A raw element named like a typed command whose content the typed parser refuses
///   (`<Play loop='x'>`, as the lenient parser keeps it) reads back raw, and is written.
///   Children of a raw element may have any name: they are read back as raw elements.
///
/// ```
/// use ivr_xml::{Command, RawElement, Response};
/// let record = RawElement::new("Record").attribute("maxtime", "60").text("beep.wav");
/// let doc = Response::builder().main(record).build().unwrap();
/// assert!(doc.to_string().contains("<Record maxtime='60'>beep.wav</Record>"));
///
/// let layout = RawElement::new("Record").child(RawElement::new("file")).text("\n");
/// assert!(Response::builder().main(layout).build().is_err());
/// assert!(Response::builder().main(RawElement::new("Play").text("a.wav")).build().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct RawElement {
    name: String,
    attributes: Vec<RawAttribute>,
    children: Vec<RawNode>,
    pending: crate::PendingError,
}

impl RawElement {
    /// An element with this name and nothing else. An invalid name is reported when the document is built.
    ///
    /// ```
    /// use ivr_xml::RawElement;
    /// assert_eq!(RawElement::new("Record").name(), "Record");
    /// ```
    pub fn new(name: impl Into<String>) -> RawElement {
        let name = name.into();
        let mut element = RawElement::default();
        element.pending.record(check_name(&name));
        element.name = name;
        element
    }

    /// Adds an attribute (after the ones already there). An invalid name or value, or a name
    /// given twice, is reported when the document is built.
    ///
    /// ```
    /// use ivr_xml::RawElement;
    /// let record = RawElement::new("Record").attribute("maxtime", "60");
    /// assert_eq!(record.get_attribute("maxtime"), Some("60"));
    /// ```
    pub fn attribute(mut self, name: impl Into<String>, value: impl Into<String>) -> RawElement {
        if let Some(attribute) = self.pending.record(RawAttribute::new(name, value)) {
            self.attributes.push(attribute);
        }
        self
    }

    /// Adds a text child (appended to a text child just before it; empty text adds nothing).
    /// Text that is only whitespace in an element with child elements is reported when the
    /// document is built: the reader would drop it.
    ///
    /// ```
    /// use ivr_xml::{RawElement, RawNode};
    /// let record = RawElement::new("Record").text("beep.wav");
    /// assert_eq!(record.children(), [RawNode::Text("beep.wav".to_owned())]);
    /// ```
    pub fn text(mut self, text: impl Into<String>) -> RawElement {
        let text = text.into();
        if self
            .pending
            .record(check_xml_chars("text", &text))
            .is_some()
            && !text.is_empty()
        {
            // Empty text is no node, and adjacent texts would re-parse as one: keep them as one.
            match self.children.last_mut() {
                Some(RawNode::Text(last)) => last.push_str(&text),
                _ => self.children.push(RawNode::Text(text)),
            }
        }
        self
    }

    /// Adds a child element.
    ///
    /// ```
    /// use ivr_xml::{RawElement, Response};
    /// let queue = RawElement::new("EnterCCS").child(RawElement::new("Play").text("wait.wav"));
    /// let doc = Response::builder().main(queue).build()?;
    /// assert!(doc.to_string().contains("<Play>wait.wav</Play>"));
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub fn child(mut self, child: RawElement) -> RawElement {
        self.children.push(RawNode::Element(child));
        self
    }

    /// The element's name.
    ///
    /// ```
    /// use ivr_xml::{Command, ParseOptions, Response};
    /// let parsed = Response::parse_with("<Response><Record/></Response>", &ParseOptions::lenient())?;
    /// assert!(matches!(parsed.value.main(), Some(Command::Raw(raw)) if raw.name() == "Record"));
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The attributes, in order.
    ///
    /// ```
    /// use ivr_xml::RawElement;
    /// let record = RawElement::new("Record").attribute("maxtime", "60").attribute("beep", "true");
    /// let names: Vec<&str> = record.attributes().iter().map(|a| a.name()).collect();
    /// assert_eq!(names, ["maxtime", "beep"]); // in order
    /// ```
    pub fn attributes(&self) -> &[RawAttribute] {
        &self.attributes
    }

    /// The value of the first attribute with this name.
    ///
    /// ```
    /// use ivr_xml::RawElement;
    /// let record = RawElement::new("Record").attribute("maxtime", "60");
    /// assert_eq!(record.get_attribute("maxtime"), Some("60"));
    /// assert_eq!(record.get_attribute("beep"), None);
    /// ```
    pub fn get_attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.name == name)
            .map(RawAttribute::value)
    }

    /// The children, in order.
    ///
    /// ```
    /// use ivr_xml::RawElement;
    /// assert!(RawElement::new("Record").children().is_empty());
    /// ```
    pub fn children(&self) -> &[RawNode] {
        &self.children
    }

    fn has_element_children(&self) -> bool {
        self.children
            .iter()
            .any(|c| matches!(c, RawNode::Element(_)))
    }
}

impl ToXml for RawElement {
    fn write_xml<S: Sink + ?Sized>(&self, writer: &mut XmlWriter<'_, S>) -> Result<(), S::Error> {
        writer.open_tag(&self.name)?;
        writer.raw_attributes(&self.attributes)?;
        match self.children.as_slice() {
            [] => writer.close_empty(),
            // Adjacent texts are kept as one, so text content is one node: written as it is.
            [RawNode::Text(text)] => writer.text_content_str(&self.name, text),
            _ if !self.has_element_children() => {
                let text: String = self
                    .children
                    .iter()
                    .map(|c| match c {
                        RawNode::Text(t) => t.as_str(),
                        RawNode::Element(_) => "",
                    })
                    .collect();
                writer.text_content_str(&self.name, &text)
            }
            children => {
                let mixed = children.iter().any(|c| matches!(c, RawNode::Text(_)));
                let write_children = |writer: &mut XmlWriter<'_, S>| {
                    writer.open_children()?;
                    for child in children {
                        match child {
                            RawNode::Element(element) => element.write_xml(writer)?,
                            RawNode::Text(text) => writer.mixed_text(text)?,
                        }
                    }
                    writer.close_children(&self.name)
                };
                if mixed {
                    writer.without_indent(write_children)
                } else {
                    write_children(writer)
                }
            }
        }
    }

    fn check(&self) -> Result<(), ValueError> {
        self.pending.check()?;
        // Again for an element a parser made, which no setter checked.
        check_name(&self.name)?;
        RawAttribute::check_extra(&self.name, &[], &self.attributes)?;
        let has_elements = self.has_element_children();
        self.children.iter().try_for_each(|c| match c {
            RawNode::Element(element) => element.check(),
            RawNode::Text(text) if has_elements && is_blank(text) => Err(ValueError::new(
                "raw element text",
                text.as_str(),
                "text that is not only whitespace in an element with child elements \
                 (the reader drops such text as layout)",
            )),
            RawNode::Text(_) => Ok(()),
        })
    }

    fn element_name(&self) -> &str {
        &self.name
    }
}

impl FromXml for RawElement {
    fn matches_element(_name: &str) -> bool {
        true
    }

    fn expected_elements(_out: &mut Vec<&'static str>) {}

    fn keeps_unknown_elements() -> bool {
        true
    }

    fn from_element(
        element: &Element<'_>,
        cx: &mut ParseContext<'_>,
    ) -> Result<RawElement, ParseError> {
        // What is kept is writable: the tree reader admits only XML names and characters.
        let attributes = element
            .attributes()
            .iter()
            .map(|a| RawAttribute {
                name: a.name().to_owned(),
                value: a.value().to_owned(),
            })
            .collect();
        let keep_blank_text = element.child_elements().next().is_none();
        let mut children = Vec::new();
        for node in element.children() {
            match node {
                Node::Element(child) => children.push(RawNode::Element(cx.child(&child)?)),
                Node::Text(text) if keep_blank_text || !text.is_blank() => {
                    children.push(RawNode::Text(text.text().to_owned()));
                }
                Node::Text(_) => {}
            }
        }
        Ok(RawElement {
            name: element.name().to_owned(),
            attributes,
            children,
            pending: crate::PendingError::default(),
        })
    }
}

/// A raw element is any element: it describes none in particular (a child field of raw elements
/// has an empty [`elements`](crate::describe::ChildDescription::elements) list).
///
/// ```
/// use ivr_xml::{describe::Describe, RawElement};
/// assert!(RawElement::ELEMENTS.is_empty());
/// ```
impl crate::describe::Describe for RawElement {
    const ELEMENTS: &'static [&'static crate::describe::ElementDescription] = &[];
}
