//! The errors [`ParseContext`]'s users report: an unknown attribute, element or child, a missing
//! one, text where none is allowed, and warnings, each with its position and element path.

use crate::error::{ErrorKind, ParseError, Warning};
use crate::raw_attribute::RawAttribute;

use super::tree::{Attribute, Element, TextNode};
use super::typed::ParseContext;

impl ParseContext<'_> {
    /// An attribute the element does not know: an error, or in lenient mode a warning and kept in `extra`.
    ///
    /// ```
    /// use ivr_xml::de::{Element, ParseContext};
    /// use ivr_xml::{from_str_with, FromXml, ParseError, ParseOptions};
    /// #[derive(Debug)]
    /// struct Beep(u32);
    /// impl FromXml for Beep {
    /// #     fn matches_element(name: &str) -> bool { name == "Beep" }
    /// #     fn expected_elements(out: &mut Vec<&'static str>) { out.push("Beep") }
    ///     fn from_element(element: &Element<'_>, cx: &mut ParseContext<'_>) -> Result<Beep, ParseError> {
    ///         let mut count = 1;
    ///         let mut extra = Vec::new();
    ///         for attribute in element.attributes() {
    ///             match attribute.name() {
    ///                 "count" => count = cx.attribute(attribute)?,
    ///                 _ => cx.unknown_attribute(element, attribute, &["count"], Some(&mut extra))?,
    ///             }
    ///         }
    ///         Ok(Beep(count + extra.len() as u32 * 100))
    ///     }
    /// }
    /// let err = from_str_with::<Beep>("<Beep pitch='9'/>", &ParseOptions::strict()).unwrap_err();
    /// assert_eq!(err.to_string(), "1:7: unknown attribute `pitch` on `<Beep>`: expected `count` (at Beep/@pitch)");
    /// let parsed = from_str_with::<Beep>("<Beep pitch='9'/>", &ParseOptions::lenient())?;
    /// assert_eq!((parsed.value.0, parsed.warnings.len()), (101, 1));
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn unknown_attribute(
        &mut self,
        element: &Element<'_>,
        attribute: &Attribute<'_>,
        expected: &[&'static str],
        extra: Option<&mut Vec<RawAttribute>>,
    ) -> Result<(), ParseError> {
        let kind = ErrorKind::UnknownAttribute {
            name: attribute.name.to_owned(),
            element: element.name().to_owned(),
            expected: expected.to_vec(),
        };
        let err = self.attribute_error(kind, attribute);
        match extra {
            Some(extra) if self.is_lenient() => {
                self.warnings.push(Warning::from_error(err));
                extra.push(
                    RawAttribute::new(attribute.name, attribute.value.as_ref())
                        .map_err(|e| self.attribute_error(ErrorKind::InvalidValue(e), attribute))?,
                );
                Ok(())
            }
            _ => Err(err),
        }
    }

    /// The error for a required attribute that is missing.
    ///
    /// ```
    /// use ivr_xml::de::{Element, ParseContext};
    /// use ivr_xml::{from_str_with, FromXml, ParseError, ParseOptions};
    /// #[derive(Debug)]
    /// struct Beep(u32);
    /// impl FromXml for Beep {
    /// #     fn matches_element(name: &str) -> bool { name == "Beep" }
    /// #     fn expected_elements(out: &mut Vec<&'static str>) { out.push("Beep") }
    ///     fn from_element(element: &Element<'_>, cx: &mut ParseContext<'_>) -> Result<Beep, ParseError> {
    ///         match element.attributes().first() {
    ///             Some(count) => cx.attribute(count).map(Beep),
    ///             None => Err(cx.missing_attribute(element, "count")),
    ///         }
    ///     }
    /// }
    /// let err = from_str_with::<Beep>("<Beep/>", &ParseOptions::strict()).unwrap_err();
    /// assert_eq!(err.to_string(), "1:1: `<Beep>` is missing its required attribute `count` (at Beep)");
    /// ```
    pub fn missing_attribute(&self, element: &Element<'_>, name: &'static str) -> ParseError {
        let kind = ErrorKind::MissingAttribute {
            name,
            element: element.name().to_owned(),
        };
        self.error(kind, element.offset())
    }

    /// The error for a child element not allowed here.
    ///
    /// ```
    /// use ivr_xml::de::{Element, ParseContext};
    /// use ivr_xml::{from_str_with, FromXml, ParseError, ParseOptions};
    /// #[derive(Debug)]
    /// struct Beep(u32);
    /// impl FromXml for Beep {
    /// #     fn matches_element(name: &str) -> bool { name == "Beep" }
    /// #     fn expected_elements(out: &mut Vec<&'static str>) { out.push("Beep") }
    ///     fn from_element(element: &Element<'_>, cx: &mut ParseContext<'_>) -> Result<Beep, ParseError> {
    ///         match element.child_elements().next() {
    ///             Some(child) => Err(cx.unexpected_child(element, &child, vec![])),
    ///             None => Ok(Beep(1)),
    ///         }
    ///     }
    /// }
    /// let err = from_str_with::<Beep>("<Beep><Boop/></Beep>", &ParseOptions::strict()).unwrap_err();
    /// assert_eq!(err.to_string(), "1:7: `<Boop>` is not allowed inside `<Beep>`, which takes no child elements (at Beep/Boop[1])");
    /// ```
    pub fn unexpected_child(
        &self,
        parent: &Element<'_>,
        child: &Element<'_>,
        expected: Vec<&'static str>,
    ) -> ParseError {
        let kind = ErrorKind::UnexpectedChild {
            name: child.name().to_owned(),
            parent: parent.name().to_owned(),
            expected,
        };
        let path = format!("{}/{}[{}]", self.path(), child.name(), child.index());
        ParseError::new(kind, &self.source, child.offset(), path)
    }

    /// The error for a child given twice where one is allowed.
    ///
    /// ```
    /// use ivr_xml::de::{Element, ParseContext};
    /// use ivr_xml::{from_str_with, FromXml, ParseError, ParseOptions};
    /// #[derive(Debug)]
    /// struct Beep(u32);
    /// impl FromXml for Beep {
    /// #     fn matches_element(name: &str) -> bool { name == "Beep" }
    /// #     fn expected_elements(out: &mut Vec<&'static str>) { out.push("Beep") }
    ///     fn from_element(element: &Element<'_>, cx: &mut ParseContext<'_>) -> Result<Beep, ParseError> {
    ///         let mut children = element.child_elements();
    ///         let _first = children.next();
    ///         match children.next() {
    ///             Some(second) => Err(cx.duplicate_child(&second)),
    ///             None => Ok(Beep(1)),
    ///         }
    ///     }
    /// }
    /// let err = from_str_with::<Beep>("<Beep><Tone/><Tone/></Beep>", &ParseOptions::strict()).unwrap_err();
    /// assert_eq!(err.to_string(), "1:14: `<Tone>` is given more than once where at most one is allowed (at Beep/Tone[2])");
    /// ```
    pub fn duplicate_child(&self, child: &Element<'_>) -> ParseError {
        let kind = ErrorKind::DuplicateChild {
            name: child.name().to_owned(),
        };
        let path = format!("{}/{}[{}]", self.path(), child.name(), child.index());
        ParseError::new(kind, &self.source, child.offset(), path)
    }

    /// The error for a required child that is missing.
    ///
    /// ```
    /// use ivr_xml::de::{Element, ParseContext};
    /// use ivr_xml::{from_str_with, FromXml, ParseError, ParseOptions};
    /// #[derive(Debug)]
    /// struct Beep(u32);
    /// impl FromXml for Beep {
    /// #     fn matches_element(name: &str) -> bool { name == "Beep" }
    /// #     fn expected_elements(out: &mut Vec<&'static str>) { out.push("Beep") }
    ///     fn from_element(element: &Element<'_>, cx: &mut ParseContext<'_>) -> Result<Beep, ParseError> {
    ///         match element.child_elements().next() {
    ///             Some(_) => Ok(Beep(1)),
    ///             None => Err(cx.missing_child(element, vec!["Tone"])),
    ///         }
    ///     }
    /// }
    /// let err = from_str_with::<Beep>("<Beep/>", &ParseOptions::strict()).unwrap_err();
    /// assert_eq!(err.to_string(), "1:1: `<Beep>` is missing its child element: expected `Tone` (at Beep)");
    /// ```
    pub fn missing_child(&self, element: &Element<'_>, expected: Vec<&'static str>) -> ParseError {
        let kind = ErrorKind::MissingChild {
            element: element.name().to_owned(),
            expected,
        };
        self.error(kind, element.offset())
    }

    /// The error for text inside an element that holds none.
    ///
    /// ```
    /// use ivr_xml::de::{Element, ParseContext};
    /// use ivr_xml::{from_str_with, FromXml, ParseError, ParseOptions};
    /// #[derive(Debug)]
    /// struct Beep(u32);
    /// impl FromXml for Beep {
    /// #     fn matches_element(name: &str) -> bool { name == "Beep" }
    /// #     fn expected_elements(out: &mut Vec<&'static str>) { out.push("Beep") }
    ///     fn from_element(element: &Element<'_>, cx: &mut ParseContext<'_>) -> Result<Beep, ParseError> {
    ///         use ivr_xml::de::Node;
    ///         for node in element.children() {
    ///             if let Node::Text(text) = node {
    ///                 return Err(cx.unexpected_text(element, text));
    ///             }
    ///         }
    ///         Ok(Beep(1))
    ///     }
    /// }
    /// let err = from_str_with::<Beep>("<Beep>  loud</Beep>", &ParseOptions::strict()).unwrap_err();
    /// assert_eq!(err.to_string(), "1:9: text is not allowed inside `<Beep>` (at Beep)");
    /// ```
    pub fn unexpected_text(&self, element: &Element<'_>, text: &TextNode<'_>) -> ParseError {
        let kind = ErrorKind::UnexpectedText {
            element: element.name().to_owned(),
        };
        let leading = text.text.len() - text.text.trim_start().len();
        self.error(kind, text.offset + leading)
    }

    /// An element where this position accepts other names: an error, or a warning in lenient mode
    /// when the caller can keep it raw.
    ///
    /// ```
    /// use ivr_xml::de::{Element, ParseContext};
    /// use ivr_xml::{from_str_with, FromXml, ParseError, ParseOptions};
    /// #[derive(Debug)]
    /// struct Beep(u32);
    /// impl FromXml for Beep {
    /// #     fn matches_element(name: &str) -> bool { name == "Beep" }
    /// #     fn expected_elements(out: &mut Vec<&'static str>) { out.push("Beep") }
    ///     fn from_element(element: &Element<'_>, cx: &mut ParseContext<'_>) -> Result<Beep, ParseError> {
    ///         // Called for each child: a child that is not a `<Beep>` is refused.
    ///         if element.name() != "Beep" {
    ///             return Err(cx.unknown_element(element, vec!["Beep"]));
    ///         }
    ///         for child in element.child_elements() {
    ///             let _: Beep = cx.child(&child)?;
    ///         }
    ///         Ok(Beep(1))
    ///     }
    /// }
    /// let err = from_str_with::<Beep>("<Beep><Boop/></Beep>", &ParseOptions::strict()).unwrap_err();
    /// assert_eq!(err.to_string(), "1:7: unknown element `<Boop>`: expected `Beep`; did you mean `Beep`? (at Beep/Boop[1])");
    /// ```
    pub fn unknown_element(
        &self,
        element: &Element<'_>,
        expected: Vec<&'static str>,
    ) -> ParseError {
        let kind = ErrorKind::UnknownElement {
            name: element.name().to_owned(),
            expected,
        };
        self.error(kind, element.offset())
    }

    /// Records a warning.
    ///
    /// ```
    /// use ivr_xml::de::{Element, ParseContext};
    /// use ivr_xml::{from_str_with, FromXml, ParseError, ParseOptions};
    /// #[derive(Debug)]
    /// struct Beep(u32);
    /// impl FromXml for Beep {
    /// #     fn matches_element(name: &str) -> bool { name == "Beep" }
    /// #     fn expected_elements(out: &mut Vec<&'static str>) { out.push("Beep") }
    ///     fn from_element(element: &Element<'_>, cx: &mut ParseContext<'_>) -> Result<Beep, ParseError> {
    ///         if element.attributes().is_empty() {
    ///             // Recorded in both modes.
    ///             cx.warn(cx.missing_attribute(element, "count"));
    ///         }
    ///         Ok(Beep(1))
    ///     }
    /// }
    /// let parsed = from_str_with::<Beep>("<Beep/>", &ParseOptions::strict())?;
    /// assert_eq!(parsed.warnings.len(), 1);
    /// assert_eq!(parsed.warnings[0].path(), "Beep");
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn warn(&mut self, err: ParseError) {
        self.warnings.push(Warning::from_error(err));
    }
}
