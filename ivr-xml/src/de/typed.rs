//! Typed parsing: the [`FromXml`] trait the derive implements, the [`ParseContext`] its generated
//! code reports through, and [`parse_tree`]. The entry points that read a document and hand its
//! root to a `T` ([`from_str_with`](crate::from_str_with), ...) are the crate's `judge` module,
//! above the parser, the commands and the platform's rules.

use smallvec::SmallVec;

use crate::error::{ErrorKind, Locator, ParseError, Warning};
use crate::value::XmlValue;

use super::options::{Mode, ParseOptions, Parsed};
use super::reader::read_tree;
use super::tree::{format_path, Attribute, Document, Element, Node, TextNode};

/// A type that parses itself from one element (or, for an enum, from one of several).
///
/// Implemented by the [`Xml`](crate::Xml) derive; see its documentation.
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
///         cx.text(element).map(Beep)
///     }
/// }
/// let parsed = from_str_with::<Beep>("<Beep>3</Beep>", &ParseOptions::strict())?;
/// assert_eq!(parsed.value.0, 3);
/// let err = from_str_with::<Beep>("<Boop>3</Boop>", &ParseOptions::strict()).unwrap_err();
/// assert_eq!(err.to_string(), "1:1: wrong root element `<Boop>`: expected `Beep`");
/// # Ok::<(), ParseError>(())
/// ```
pub trait FromXml: Sized {
    /// Whether an element of this name is this type's.
    fn matches_element(name: &str) -> bool;

    /// Adds the element names this type accepts, for error messages.
    fn expected_elements(out: &mut Vec<&'static str>);

    /// Parses the element. `cx` knows the element's path; use [`ParseContext::child`] for children.
    fn from_element(element: &Element<'_>, cx: &mut ParseContext<'_>) -> Result<Self, ParseError>;

    /// Whether, in lenient mode, this type also takes elements [`matches_element`](FromXml::matches_element)
    /// refuses, keeping them raw (a [`RawElement`](crate::RawElement), an enum with an `#[xml(other)]` variant).
    fn keeps_unknown_elements() -> bool {
        false
    }

    /// Whether an element of this name is this type's in the current mode.
    fn accepts_element(name: &str, cx: &ParseContext<'_>) -> bool {
        Self::matches_element(name) || (cx.is_lenient() && Self::keeps_unknown_elements())
    }

    /// The strict parser's fast path: the element whose start tag is `start`, read straight
    /// from the reader's events up to its end tag, or [`Bail`](crate::__private::Bail) (not an
    /// error: the checked tree and [`from_element`](FromXml::from_element) then read the
    /// document). The derive generates it; the default bails, so a hand-written impl needs
    /// nothing more.
    ///
    /// ```
    /// use ivr_xml::__private::{parse_fast, Bail};
    /// use ivr_xml::{ParseOptions, RawElement};
    /// // `RawElement` keeps the default: its documents take the tree path.
    /// assert_eq!(parse_fast::<RawElement>("<X/>", &ParseOptions::strict()), Err(Bail));
    /// ```
    #[doc(hidden)]
    fn from_events<'a>(
        start: &super::fast::FastStart<'a>,
        reader: &mut super::fast::FastReader<'a>,
    ) -> Result<Self, super::fast::Bail> {
        let _ = (start, reader);
        Err(super::fast::Bail)
    }
}

impl<T: FromXml> FromXml for Box<T> {
    fn matches_element(name: &str) -> bool {
        T::matches_element(name)
    }
    fn expected_elements(out: &mut Vec<&'static str>) {
        T::expected_elements(out)
    }
    fn from_element(element: &Element<'_>, cx: &mut ParseContext<'_>) -> Result<Self, ParseError> {
        T::from_element(element, cx).map(Box::new)
    }
    fn keeps_unknown_elements() -> bool {
        T::keeps_unknown_elements()
    }
    fn from_events<'a>(
        start: &super::fast::FastStart<'a>,
        reader: &mut super::fast::FastReader<'a>,
    ) -> Result<Self, super::fast::Bail> {
        T::from_events(start, reader).map(Box::new)
    }
}

/// The element names `T` accepts.
///
/// ```
/// use ivr_xml::{de::expected_of, Hangup, Play};
/// assert_eq!(expected_of::<Play>(), ["Play"]);
/// assert!(expected_of::<ivr_xml::Command>().contains(&"Hangup"));
/// let _ = Hangup::new();
/// ```
pub fn expected_of<T: FromXml>() -> Vec<&'static str> {
    let mut out = Vec::new();
    T::expected_elements(&mut out);
    out
}

/// Parse state handed to [`FromXml::from_element`]: the input (for positions), the element path,
/// the options, and the warnings so far. Its methods make the errors generated code reports.
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
///         let count = match element.attributes().first() {
///             Some(count) if count.name() == "count" => cx.attribute(count)?,
///             Some(other) => return Err(cx.error(ivr_xml::ErrorKind::Syntax(format!("unexpected {}", other.name())), other.offset())),
///             None => return Err(cx.missing_attribute(element, "count")),
///         };
///         cx.no_content(element)?;
///         Ok(Beep(count))
///     }
/// }
/// assert_eq!(from_str_with::<Beep>("<Beep count='2'/>", &ParseOptions::strict())?.value.0, 2);
/// let err = from_str_with::<Beep>("<Beep count='2'>x</Beep>", &ParseOptions::strict()).unwrap_err();
/// assert_eq!(err.to_string(), "1:17: text is not allowed inside `<Beep>` (at Beep)");
/// # Ok::<(), ParseError>(())
/// ```
#[derive(Debug)]
pub struct ParseContext<'s> {
    pub(super) source: Locator<'s>,
    mode: Mode,
    /// The open elements, outermost first: the path, like `Response/Get[1]`, is formatted from
    /// them only for an error, so that going down costs one push per element.
    path: SmallVec<[PathSegment; 8]>,
    pub(super) warnings: Vec<Warning>,
}

/// An element on the path: its name, and its index among its siblings.
#[derive(Debug, Clone, Copy)]
struct PathSegment {
    name: SegmentName,
    index: usize,
}

/// Where a path segment's name is: in the input (one range, no copy), or, for the `<Response>`
/// a bare command sequence is read into, nowhere in it.
#[derive(Debug, Clone, Copy)]
enum SegmentName {
    InInput { start: usize, len: usize },
    BareResponse,
}

impl<'s> ParseContext<'s> {
    /// A context for reading `input` in `mode`, at the root (the judge makes one per document).
    pub(crate) fn new(input: &'s str, mode: Mode) -> ParseContext<'s> {
        ParseContext {
            source: Locator::new(input),
            mode,
            path: SmallVec::new(),
            warnings: Vec::new(),
        }
    }

    /// The input, to locate findings in.
    pub(crate) fn source(&self) -> &Locator<'s> {
        &self.source
    }

    /// The warnings the lenient reading collected, taken out.
    pub(crate) fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    /// Whether parsing is lenient.
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
    ///         // Lenient parsing reads a missing count as 1.
    ///         match element.attributes().first() {
    ///             Some(count) => cx.attribute(count).map(Beep),
    ///             None if cx.is_lenient() => Ok(Beep(1)),
    ///             None => Err(cx.missing_attribute(element, "count")),
    ///         }
    ///     }
    /// }
    /// assert_eq!(from_str_with::<Beep>("<Beep/>", &ParseOptions::lenient())?.value.0, 1);
    /// assert!(from_str_with::<Beep>("<Beep/>", &ParseOptions::strict()).is_err());
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn is_lenient(&self) -> bool {
        self.mode == Mode::Lenient
    }

    /// The current element path, like `Response/Get[1]`.
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
    ///         assert_eq!(cx.path(), "Beep");
    ///         Ok(Beep(0))
    ///     }
    /// }
    /// assert_eq!(from_str_with::<Beep>("<Beep/>", &ParseOptions::strict())?.value.0, 0);
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn path(&self) -> String {
        format_path(self.path.iter().map(|segment| {
            let name = match segment.name {
                SegmentName::InInput { start, len } => {
                    self.source.source().get(start..start + len).unwrap_or("?")
                }
                SegmentName::BareResponse => "Response",
            };
            (name, segment.index)
        }))
    }

    /// An error at `offset` in the current element.
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
    ///         use ivr_xml::{ErrorKind, ValueError};
    ///         let count: u32 = cx.text(element)?;
    ///         if count > 10 {
    ///             let err = ValueError::new("count", count.to_string(), "at most 10 beeps");
    ///             return Err(cx.error(ErrorKind::InvalidValue(err), element.offset()));
    ///         }
    ///         Ok(Beep(count))
    ///     }
    /// }
    /// assert_eq!(from_str_with::<Beep>("<Beep>10</Beep>", &ParseOptions::strict()).unwrap().value.0, 10);
    /// let err = from_str_with::<Beep>("<Beep>11</Beep>", &ParseOptions::strict()).unwrap_err();
    /// assert_eq!(err.to_string(), "1:1: invalid count `11`: expected at most 10 beeps (at Beep)");
    /// ```
    pub fn error(&self, kind: ErrorKind, offset: usize) -> ParseError {
        ParseError::new(kind, &self.source, offset, self.path())
    }

    pub(super) fn attribute_error(&self, kind: ErrorKind, attribute: &Attribute<'_>) -> ParseError {
        let path = format!("{}/@{}", self.path(), attribute.name);
        ParseError::new(kind, &self.source, attribute.offset, path)
    }

    /// In lenient mode records `err` as a warning and returns `Ok`; in strict mode returns it.
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
    ///         let count = match element.attributes().first() {
    ///             Some(count) => cx.attribute(count)?,
    ///             None => 0,
    ///         };
    ///         if count > 9 {
    ///             // Too loud: strict refuses it, lenient warns and keeps it.
    ///             cx.lenient_or_fail(cx.error(ivr_xml::ErrorKind::Syntax("too many beeps".to_owned()), element.offset()))?;
    ///         }
    ///         Ok(Beep(count))
    ///     }
    /// }
    /// assert!(from_str_with::<Beep>("<Beep count='10'/>", &ParseOptions::strict()).is_err());
    /// let parsed = from_str_with::<Beep>("<Beep count='10'/>", &ParseOptions::lenient())?;
    /// assert_eq!((parsed.value.0, parsed.warnings.len()), (10, 1));
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn lenient_or_fail(&mut self, err: ParseError) -> Result<(), ParseError> {
        if self.is_lenient() {
            self.warnings.push(Warning::from_error(err));
            Ok(())
        } else {
            Err(err)
        }
    }

    /// Parses `child` as `T` with the child's segment on the path.
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
    ///         let mut total = 0;
    ///         for child in element.child_elements() {
    ///             let beep: Beep = cx.child(&child)?;
    ///             total += beep.0.max(1);
    ///         }
    ///         Ok(Beep(total))
    ///     }
    /// }
    /// let parsed = from_str_with::<Beep>("<Beep><Beep/><Beep><Beep/><Beep/></Beep></Beep>", &ParseOptions::strict())?;
    /// assert_eq!(parsed.value.0, 3);
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn child<T: FromXml>(&mut self, child: &Element<'_>) -> Result<T, ParseError> {
        // The name follows the `<` at the element's offset, except for the `<Response>` of a bare
        // command sequence: it is not in the input, and its offset is its first command's.
        let start = child.offset() + 1;
        let len = child.name().len();
        let name = if self.source.source().get(start..start + len) == Some(child.name()) {
            SegmentName::InInput { start, len }
        } else {
            debug_assert_eq!(
                child.name(),
                "Response",
                "only a bare sequence's root is not in the input"
            );
            SegmentName::BareResponse
        };
        self.path.push(PathSegment {
            name,
            index: child.index(),
        });
        let result = T::from_element(child, self);
        self.path.pop();
        result
    }

    /// Parses an attribute's value as `T`, naming the attribute on error.
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
    ///             None => Ok(Beep(1)),
    ///         }
    ///     }
    /// }
    /// assert_eq!(from_str_with::<Beep>("<Beep count='3'/>", &ParseOptions::strict())?.value.0, 3);
    /// let err = from_str_with::<Beep>("<Beep count='x'/>", &ParseOptions::strict()).unwrap_err();
    /// assert_eq!(err.to_string(), "1:7: invalid integer `x`: expected an integer from 0 to 4294967295 (at Beep/@count)");
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn attribute<T: XmlValue>(&self, attribute: &Attribute<'_>) -> Result<T, ParseError> {
        T::parse_value(&attribute.value)
            .map_err(|err| self.attribute_error(ErrorKind::InvalidValue(err), attribute))
    }

    /// The text content of a text-only element, parsed as `T`: child elements are errors.
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
    ///         cx.text(element).map(Beep)
    ///     }
    /// }
    /// assert_eq!(from_str_with::<Beep>("<Beep>7</Beep>", &ParseOptions::strict())?.value.0, 7);
    /// let err = from_str_with::<Beep>("<Beep>loud</Beep>", &ParseOptions::strict()).unwrap_err();
    /// assert_eq!(err.to_string(), "1:7: invalid integer `loud`: expected an integer from 0 to 4294967295 (at Beep)");
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn text<T: XmlValue>(&self, element: &Element<'_>) -> Result<T, ParseError> {
        // Text is one node unless elements split it, which is an error anyway.
        let mut first: Option<&TextNode<'_>> = None;
        let mut joined: Option<String> = None;
        for node in element.children() {
            match node {
                Node::Element(child) => {
                    return Err(self.unexpected_child(element, &child, Vec::new()))
                }
                Node::Text(piece) => match first {
                    None => first = Some(piece),
                    Some(first) => joined
                        .get_or_insert_with(|| first.text().to_owned())
                        .push_str(piece.text()),
                },
            }
        }
        let text = match (&joined, first) {
            (Some(joined), _) => joined.as_str(),
            (None, Some(only)) => only.text(),
            (None, None) => "",
        };
        let offset = first.map_or(element.offset(), |t| t.offset);
        T::parse_value(text).map_err(|err| self.error(ErrorKind::InvalidValue(err), offset))
    }

    /// Checks that an element holds no children and no text (whitespace is layout).
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
    ///         cx.no_content(element)?;
    ///         Ok(Beep(1))
    ///     }
    /// }
    /// assert!(from_str_with::<Beep>("<Beep>\n</Beep>", &ParseOptions::strict()).is_ok());
    /// let err = from_str_with::<Beep>("<Beep>x</Beep>", &ParseOptions::strict()).unwrap_err();
    /// assert_eq!(err.to_string(), "1:7: text is not allowed inside `<Beep>` (at Beep)");
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn no_content(&self, element: &Element<'_>) -> Result<(), ParseError> {
        for node in element.children() {
            match node {
                Node::Element(child) => {
                    return Err(self.unexpected_child(element, &child, Vec::new()))
                }
                Node::Text(text) if !text.is_blank() => {
                    return Err(self.unexpected_text(element, text))
                }
                Node::Text(_) => {}
            }
        }
        Ok(())
    }
}

/// Reads `input` into a checked element tree without interpreting it: well-formedness, the
/// declaration, limits and unique attributes are checked; element names are not. The warnings are
/// the lenient reader's (a byte order mark, a bare `&` in an attribute).
///
/// This is what the [validator](crate::validate) walks; most code wants [`from_str`](crate::from_str).
///
/// ```
/// use ivr_xml::{de::parse_tree, ParseOptions};
/// let tree = parse_tree("<Response><Anything x='1'/></Response>", &ParseOptions::strict()).unwrap();
/// let root = tree.value.root();
/// assert_eq!(root.name(), "Response");
/// assert_eq!(root.child_elements().next().map(|e| e.name()), Some("Anything"));
/// ```
pub fn parse_tree<'a>(
    input: &'a str,
    options: &ParseOptions,
) -> Result<Parsed<Document<'a>>, ParseError> {
    read_tree(input, options.limits, options.mode, None)
        .map(|(value, warnings)| Parsed { value, warnings })
}
