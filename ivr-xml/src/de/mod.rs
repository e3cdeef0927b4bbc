//! The parser: a checked element tree built on quick-xml with limits, and the [`FromXml`] trait the derive implements.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use quick_xml::events::{BytesDecl, BytesStart, Event};
use quick_xml::Reader;
use smallvec::SmallVec;

use crate::error::{ErrorKind, Locator, ParseError, Warning};
use crate::policy::{field_name, rule_for, Level, Policy};
use crate::raw::RawAttribute;
use crate::value::{first_non_xml_char, is_xml_char, is_xml_name, XmlValue};

/// Strict or lenient (spec §0.4).
///
/// Both read the same way and find the same things; they differ in what a finding at level
/// [`Level::Deny`] of the [policy](crate::policy) does: the strict parser refuses the document
/// with it, the lenient parser returns it as a [`Warning`]. Hard errors (XML that is not
/// well-formed, a limit, a command that cannot be kept raw where it stands) refuse the document
/// in both modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// A finding the policy denies (an unknown element or attribute, a main-only command as a
    /// sub-command, a value out of range, ...) is an error (the default). Findings at level
    /// warn are returned as warnings.
    #[default]
    Strict,
    /// Unknown elements and attributes are kept raw, a bare command sequence is read into a
    /// `Response`, and every finding the policy does not allow is a [`Warning`], as is a known
    /// command that fails to parse where a raw element can stand.
    Lenient,
}

/// Limits on untrusted input. Exceeding one is an error.
///
/// ```
/// use ivr_xml::{Limits, ParseOptions, Response};
/// let options = ParseOptions::strict().limits(Limits::default().max_depth(2));
/// let err = Response::parse_with("<Response><Get><Play>a</Play></Get></Response>", &options).unwrap_err();
/// assert_eq!(err.to_string(), "1:16: input exceeds the nesting depth limit of 2 (at Response/Get[1]/Play[1])");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    max_bytes: usize,
    max_depth: usize,
    max_attributes: usize,
    max_elements: usize,
}

impl Default for Limits {
    /// 1 MiB, depth 32, 64 attributes per element, 100,000 elements.
    fn default() -> Limits {
        Limits {
            max_bytes: 1 << 20,
            max_depth: 32,
            max_attributes: 64,
            max_elements: 100_000,
        }
    }
}

impl Limits {
    /// The largest input accepted, in bytes (default 1 MiB).
    pub fn max_bytes(mut self, n: usize) -> Limits {
        self.max_bytes = n;
        self
    }

    /// The deepest nesting that can be allowed, whatever [`max_depth`](Limits::max_depth) asks:
    /// the typed model, its writer and the validator recurse once per level, and 256 levels stay
    /// far inside the smallest thread stack an application runs them on (2 MiB on tokio's
    /// workers). The platform's documents nest three deep.
    pub const DEPTH_CEILING: usize = 256;

    /// The deepest element nesting accepted, the root being 1 (default 32, at most
    /// [`DEPTH_CEILING`](Limits::DEPTH_CEILING)).
    ///
    /// ```
    /// use ivr_xml::{from_str_with, Limits, ParseOptions, Response};
    /// let deep = format!("<Response>{}{}</Response>", "<a>".repeat(1000), "</a>".repeat(1000));
    /// let options = ParseOptions::lenient().limits(Limits::default().max_depth(1_000_000));
    /// let err = from_str_with::<Response>(&deep, &options).unwrap_err();
    /// assert!(err.to_string().contains("nesting depth limit of 256"), "{err}");
    /// ```
    pub fn max_depth(mut self, n: usize) -> Limits {
        self.max_depth = n.min(Limits::DEPTH_CEILING);
        self
    }

    /// The most attributes on one element (default 64).
    pub fn max_attributes(mut self, n: usize) -> Limits {
        self.max_attributes = n;
        self
    }

    /// The most elements in one document (default 100,000).
    pub fn max_elements(mut self, n: usize) -> Limits {
        self.max_elements = n;
        self
    }
}

/// How to parse: [`Mode`], [`Limits`] and the [`Policy`] that says what is an error.
///
/// ```
/// use ivr_xml::{ParseOptions, Response};
/// let text = "<Response><Get action='a' volume='3'><Play>p.wav</Play></Get><Hangup/></Response>";
/// assert_eq!(text.parse::<Response>().unwrap_err().code(), "IVR102");
/// let parsed = Response::parse_with(text, &ParseOptions::lenient()).unwrap();
/// assert_eq!(parsed.warnings[0].path(), "Response/Get[1]/@volume");
/// assert!(parsed.value.to_string().contains("<Get action='a' volume='3'>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ParseOptions {
    mode: Mode,
    limits: Limits,
    policy: Policy,
}

impl ParseOptions {
    /// Strict parsing with default limits.
    pub fn strict() -> ParseOptions {
        ParseOptions::default()
    }

    /// Lenient parsing with default limits.
    pub fn lenient() -> ParseOptions {
        ParseOptions {
            mode: Mode::Lenient,
            ..ParseOptions::default()
        }
    }

    /// Sets the limits.
    pub fn limits(mut self, limits: Limits) -> ParseOptions {
        self.limits = limits;
        self
    }

    /// Sets the mode.
    pub fn mode(mut self, mode: Mode) -> ParseOptions {
        self.mode = mode;
        self
    }

    /// The mode in use.
    pub fn parse_mode(&self) -> Mode {
        self.mode
    }

    /// Sets the policy: rule levels and the project's own names (see [`crate::policy`]).
    pub fn policy(mut self, policy: Policy) -> ParseOptions {
        self.policy = policy;
        self
    }

    /// The policy in use.
    pub fn parse_policy(&self) -> &Policy {
        &self.policy
    }

    /// The limits in use.
    pub fn parse_limits(&self) -> Limits {
        self.limits
    }
}

/// A parsed value with the findings the policy does not allow.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Parsed<T> {
    /// The value.
    pub value: T,
    /// The findings, in document order: in strict mode those at level warn; in lenient mode
    /// those at level warn or deny (what the strict parser would have refused).
    pub warnings: Vec<Warning>,
}

/// An attribute of a parsed [`Element`], unescaped.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Attribute<'a> {
    name: &'a str,
    value: Cow<'a, str>,
    offset: usize,
}

impl<'a> Attribute<'a> {
    /// The attribute's name.
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The attribute's value, with references resolved.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Byte offset of the attribute's name in the input.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

/// Text between tags (references resolved, CDATA included), with its offset.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TextNode<'a> {
    text: Cow<'a, str>,
    offset: usize,
}

impl TextNode<'_> {
    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte offset in the input.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Whether the text is only XML whitespace (layout between elements).
    pub fn is_blank(&self) -> bool {
        self.text
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    }
}

/// A parsed document: a checked element tree, from [`parse_tree`].
///
/// The tree is stored flat, in document order (an element is followed by its subtree), so that
/// reading a document costs a few growing `Vec`s rather than allocations per element.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Document<'a> {
    nodes: Vec<NodeData<'a>>,
    attributes: Vec<Attribute<'a>>,
    /// For a bare command sequence read into a `<Response>` that is not in the input: the
    /// offset of its first command.
    bare: Option<usize>,
}

impl<'a> Document<'a> {
    /// The root element.
    pub fn root(&self) -> Element<'_> {
        Element {
            document: self,
            id: 0,
        }
    }

    /// The offset of the first command when the document is a bare command sequence, read
    /// into a `<Response>` root that the input does not hold (spec §1.2).
    pub fn bare_sequence(&self) -> Option<usize> {
        self.bare
    }

    /// Every element, in document order.
    pub fn elements(&self) -> impl Iterator<Item = Element<'_>> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| matches!(node, NodeData::Element(_)))
            .map(|(id, _)| Element { document: self, id })
    }

    /// The element node `id`; element ids are the only ones asked for.
    fn element_data(&self, id: usize) -> &ElementData<'a> {
        match self.nodes.get(id) {
            Some(NodeData::Element(data)) => data,
            _ => &EMPTY_ELEMENT,
        }
    }
}

/// Formats an element path, like `Response/Get[1]`, from each open element's name and index
/// among its siblings, outermost first.
fn format_path<'n>(segments: impl IntoIterator<Item = (&'n str, usize)>) -> String {
    let mut path = String::new();
    for (depth, (name, index)) in segments.into_iter().enumerate() {
        if depth == 0 {
            path.push_str(name);
        } else {
            path.push('/');
            path.push_str(name);
            path.push('[');
            path.push_str(itoa::Buffer::new().format(index));
            path.push(']');
        }
    }
    path
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum NodeData<'a> {
    Element(ElementData<'a>),
    Text(TextNode<'a>),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ElementData<'a> {
    name: &'a str,
    offset: usize,
    index: usize,
    /// The element's attributes are `Document::attributes[attributes_start..attributes_end]`.
    attributes_start: usize,
    attributes_end: usize,
    /// One past the id of the subtree's last node: the next sibling's id.
    end: usize,
}

/// A child of an [`Element`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node<'t> {
    /// A child element.
    Element(Element<'t>),
    /// Text.
    Text(&'t TextNode<'t>),
}

/// An element of a parsed document: well-formed, within the limits, attributes unique.
///
/// A cheap handle (a reference to the [`Document`] and a position in it), so it is `Copy`.
#[derive(Clone, Copy)]
pub struct Element<'t> {
    document: &'t Document<'t>,
    id: usize,
}

impl<'t> Element<'t> {
    fn data(&self) -> &'t ElementData<'t> {
        self.document.element_data(self.id)
    }

    /// The element's name.
    pub fn name(&self) -> &'t str {
        self.data().name
    }

    /// Byte offset of the start tag's `<`.
    pub fn offset(&self) -> usize {
        self.data().offset
    }

    /// 1-based position among the siblings of the same name.
    pub fn index(&self) -> usize {
        self.data().index
    }

    /// The attributes, in document order.
    pub fn attributes(&self) -> &'t [Attribute<'t>] {
        let data = self.data();
        self.document
            .attributes
            .get(data.attributes_start..data.attributes_end)
            .unwrap_or(&[])
    }

    /// The children, in document order.
    pub fn children(&self) -> Children<'t> {
        Children {
            document: self.document,
            next: self.id + 1,
            end: self.data().end,
        }
    }

    /// The child elements, in document order (text is skipped).
    pub fn child_elements(&self) -> impl Iterator<Item = Element<'t>> {
        self.children().filter_map(|node| match node {
            Node::Element(child) => Some(child),
            Node::Text(_) => None,
        })
    }
}

static EMPTY_ELEMENT: ElementData<'static> = ElementData {
    name: "",
    offset: 0,
    index: 0,
    attributes_start: 0,
    attributes_end: 0,
    end: 0,
};

impl PartialEq for Element<'_> {
    /// Same name, attributes and children (not the same position).
    fn eq(&self, other: &Element<'_>) -> bool {
        self.name() == other.name()
            && self
                .attributes()
                .iter()
                .map(|a| (a.name, a.value()))
                .eq(other.attributes().iter().map(|a| (a.name, a.value())))
            && self.children().eq(other.children())
    }
}

impl Eq for Element<'_> {}

impl std::hash::Hash for Element<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name().hash(state);
        for attribute in self.attributes() {
            (attribute.name, attribute.value()).hash(state);
        }
        for child in self.children() {
            child.hash(state);
        }
    }
}

impl std::fmt::Debug for Element<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Element")
            .field("name", &self.name())
            .field("offset", &self.offset())
            .field("index", &self.index())
            .field("attributes", &self.attributes())
            .field("children", &self.children().collect::<Vec<_>>())
            .finish()
    }
}

/// The children of an [`Element`], from [`Element::children`].
#[derive(Debug, Clone)]
pub struct Children<'t> {
    document: &'t Document<'t>,
    next: usize,
    end: usize,
}

impl<'t> Iterator for Children<'t> {
    type Item = Node<'t>;

    fn next(&mut self) -> Option<Node<'t>> {
        if self.next >= self.end {
            return None;
        }
        let id = self.next;
        match self.document.nodes.get(id)? {
            NodeData::Element(data) => {
                // Skips the child's subtree; `max` keeps a bad `end` from looping.
                self.next = data.end.max(id + 1);
                Some(Node::Element(Element {
                    document: self.document,
                    id,
                }))
            }
            NodeData::Text(text) => {
                self.next = id + 1;
                Some(Node::Text(text))
            }
        }
    }
}

/// A type that parses itself from one element (or, for an enum, from one of several).
///
/// Implemented by the [`Xml`](crate::Xml) derive; see its documentation.
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
}

/// The element names `T` accepts.
pub fn expected_of<T: FromXml>() -> Vec<&'static str> {
    let mut out = Vec::new();
    T::expected_elements(&mut out);
    out
}

/// Parse state handed to [`FromXml::from_element`]: the input (for positions), the element path,
/// the options, and the warnings so far. Its methods make the errors generated code reports.
#[derive(Debug)]
pub struct ParseContext<'s> {
    source: Locator<'s>,
    mode: Mode,
    /// The open elements, outermost first: the path, like `Response/Get[1]`, is formatted from
    /// them only for an error, so that going down costs one push per element.
    path: SmallVec<[PathSegment; 8]>,
    warnings: Vec<Warning>,
}

/// An element on the path: where its name is in the input, and its index among its siblings.
#[derive(Debug, Clone, Copy)]
struct PathSegment {
    name_start: usize,
    name_len: usize,
    index: usize,
}

impl<'s> ParseContext<'s> {
    /// Whether parsing is lenient.
    pub fn is_lenient(&self) -> bool {
        self.mode == Mode::Lenient
    }

    /// The current element path, like `Response/Get[1]`.
    pub fn path(&self) -> String {
        format_path(self.path.iter().map(|segment| {
            let end = segment.name_start + segment.name_len;
            let name = self
                .source
                .source()
                .get(segment.name_start..end)
                .unwrap_or("?");
            (name, segment.index)
        }))
    }

    /// An error at `offset` in the current element.
    pub fn error(&self, kind: ErrorKind, offset: usize) -> ParseError {
        ParseError::new(kind, &self.source, offset, self.path())
    }

    fn attribute_error(&self, kind: ErrorKind, attribute: &Attribute<'_>) -> ParseError {
        let path = format!("{}/@{}", self.path(), attribute.name);
        ParseError::new(kind, &self.source, attribute.offset, path)
    }

    /// In lenient mode records `err` as a warning and returns `Ok`; in strict mode returns it.
    pub fn lenient_or_fail(&mut self, err: ParseError) -> Result<(), ParseError> {
        if self.is_lenient() {
            self.warnings.push(Warning::from_error(err));
            Ok(())
        } else {
            Err(err)
        }
    }

    /// Parses `child` as `T` with the child's segment on the path.
    pub fn child<T: FromXml>(&mut self, child: &Element<'_>) -> Result<T, ParseError> {
        self.path.push(PathSegment {
            // The name follows the `<` at the element's offset.
            name_start: child.offset() + 1,
            name_len: child.name().len(),
            index: child.index(),
        });
        let result = T::from_element(child, self);
        self.path.pop();
        result
    }

    /// Parses an attribute's value as `T`, naming the attribute on error.
    pub fn attribute<T: XmlValue>(&self, attribute: &Attribute<'_>) -> Result<T, ParseError> {
        T::parse_value(&attribute.value)
            .map_err(|err| self.attribute_error(ErrorKind::InvalidValue(err), attribute))
    }

    /// An attribute the element does not know: an error, or in lenient mode a warning and kept in `extra`.
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
    pub fn missing_attribute(&self, element: &Element<'_>, name: &'static str) -> ParseError {
        let kind = ErrorKind::MissingAttribute {
            name,
            element: element.name().to_owned(),
        };
        self.error(kind, element.offset())
    }

    /// The error for a child element not allowed here.
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
    pub fn duplicate_child(&self, child: &Element<'_>) -> ParseError {
        let kind = ErrorKind::DuplicateChild {
            name: child.name().to_owned(),
        };
        let path = format!("{}/{}[{}]", self.path(), child.name(), child.index());
        ParseError::new(kind, &self.source, child.offset(), path)
    }

    /// The error for a required child that is missing.
    pub fn missing_child(&self, element: &Element<'_>, expected: Vec<&'static str>) -> ParseError {
        let kind = ErrorKind::MissingChild {
            element: element.name().to_owned(),
            expected,
        };
        self.error(kind, element.offset())
    }

    /// The error for text inside an element that holds none.
    pub fn unexpected_text(&self, element: &Element<'_>, text: &TextNode<'_>) -> ParseError {
        let kind = ErrorKind::UnexpectedText {
            element: element.name().to_owned(),
        };
        let leading = text.text.len() - text.text.trim_start().len();
        self.error(kind, text.offset + leading)
    }

    /// An element where this position accepts other names: an error, or a warning in lenient mode
    /// when the caller can keep it raw.
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
    pub fn warn(&mut self, err: ParseError) {
        self.warnings.push(Warning::from_error(err));
    }

    /// The text content of a text-only element, parsed as `T`: child elements are errors.
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

/// Parses a whole document whose root is a `T` (a [`Response`](crate::Response), or a single command).
///
/// ```
/// use ivr_xml::{from_str_with, ParseOptions, Play};
/// let play: Play = from_str_with("<Play loop='2'>menu.wav</Play>", &ParseOptions::strict()).unwrap().value;
/// assert_eq!(play.file.as_str(), "menu.wav");
/// ```
pub fn from_str_with<T: FromXml>(
    input: &str,
    options: &ParseOptions,
) -> Result<Parsed<T>, ParseError> {
    let policy = &options.policy;
    let (value, findings) = match options.mode {
        Mode::Lenient => judge::<T>(input, options.limits, policy, Mode::Lenient)?,
        // The strict reading stops at the first thing it refuses: when the policy denies it,
        // that is the verdict (and the message is the strict parser's); otherwise the document
        // is read again leniently and judged finding by finding.
        Mode::Strict => match judge::<T>(input, options.limits, policy, Mode::Strict) {
            Ok(judged) => judged,
            Err(err) if denies(policy, &err) || !T::matches_element("Response") => return Err(err),
            Err(_) => judge::<T>(input, options.limits, policy, Mode::Lenient)?,
        },
    };
    let mut warnings = Vec::with_capacity(findings.len());
    for (level, finding) in findings {
        match (level, options.mode) {
            (Level::Allow, _) => {}
            (Level::Deny, Mode::Strict) => return Err(finding),
            _ => warnings.push(Warning::from_error(finding)),
        }
    }
    Ok(Parsed { value, warnings })
}

/// Reads `input` as a `T` leniently and judges every finding by `policy`: the one verdict the
/// strict parser, the lenient parser and the validator share. The findings are in document
/// order, each with its level; an `Err` is a hard error (not well-formed, a limit, a command
/// that cannot be kept raw where it stands).
pub(crate) fn judge<T: FromXml>(
    input: &str,
    limits: Limits,
    policy: &Policy,
    mode: Mode,
) -> Result<(T, Vec<(Level, ParseError)>), ParseError> {
    let wants_response = T::matches_element("Response");
    let commands = expected_of::<crate::Command>();
    let is_command = |name: &str| {
        commands.contains(&name) || field_name(name, None).is_some() || policy.knows_element(name)
    };
    let wrap: Option<&dyn Fn(&str) -> bool> = match wants_response {
        true => Some(&is_command),
        false => None,
    };
    let (document, tree_warnings) = read_tree(input, limits, mode, wrap)?;
    let root = document.root();
    let mut cx = ParseContext {
        source: Locator::new(input),
        mode,
        path: SmallVec::new(),
        warnings: Vec::new(),
    };
    let wrong_root = (!T::matches_element(root.name())).then(|| {
        let kind = ErrorKind::WrongRoot {
            found: root.name().to_owned(),
            expected: expected_of::<T>(),
        };
        ParseError::new(kind, &cx.source, root.offset(), String::new())
    });
    let mut found: Vec<ParseError> = Vec::new();
    if let Some(wrong_root) = wrong_root {
        if !T::accepts_element(root.name(), &cx) {
            return Err(wrong_root);
        }
        // Kept raw by a type that keeps unknown elements: the finding is the wrong root.
        found.push(wrong_root);
    }
    let value = cx.child::<T>(&root)?;
    let root_offset = root.offset();
    for warning in tree_warnings.into_iter().chain(cx.warnings) {
        if !found.is_empty()
            && warning.offset() == root_offset
            && matches!(warning.kind(), ErrorKind::UnknownElement { .. })
        {
            continue;
        }
        if !wants_response || !is_known(policy, warning.kind()) {
            found.push(warning.as_error().clone());
        }
    }
    if let Some(first) = document.bare {
        let kind = ErrorKind::Rule {
            code: "IVR004",
            message:
                "the commands are not wrapped in `<Response>`: read as a bare command sequence"
                    .to_owned(),
        };
        found.push(ParseError::new(kind, &cx.source, first, String::new()));
    }
    if wants_response {
        crate::validate::check_rules(&cx.source, &document, &mut found);
    }
    // The policy judges IVR documents; other roots (a REST body, one command) keep what the
    // mode says: every finding is a warning of the lenient parser.
    let level = |finding: &ParseError| match wants_response {
        true => policy.level_of(rule_for(finding.kind())),
        false => Level::Warn,
    };
    let mut findings: Vec<(Level, ParseError)> = found
        .into_iter()
        .map(|finding| (level(&finding), finding))
        .filter(|(level, _)| *level != Level::Allow)
        .collect();
    findings.sort_by(|(_, a), (_, b)| (a.offset(), a.code()).cmp(&(b.offset(), b.code())));
    findings.dedup();
    Ok((value, findings))
}

/// Whether the finding is about a name the policy knows: a field-evidence name (reported by
/// IVR110 / IVR111 instead) or one the project declared.
fn is_known(policy: &Policy, kind: &ErrorKind) -> bool {
    match kind {
        ErrorKind::UnknownElement { name, .. } => {
            policy.knows_element(name) || field_name(name, None).is_some()
        }
        ErrorKind::UnknownAttribute { name, element, .. } => {
            policy.knows_attribute(element, name) || field_name(element, Some(name)).is_some()
        }
        _ => false,
    }
}

/// Whether the policy refuses a document for this finding.
fn denies(policy: &Policy, err: &ParseError) -> bool {
    !is_known(policy, err.kind()) && policy.level_of(rule_for(err.kind())) == Level::Deny
}

/// Reads `input` into a checked element tree without interpreting it: well-formedness, the
/// declaration, limits and unique attributes are checked; element names are not. The warnings are
/// the lenient reader's (a byte order mark, a bare `&` in an attribute).
///
/// This is what the [validator](crate::validate) walks; most code wants [`from_str`].
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

/// Parses a whole document whose root is a `T`, strictly.
///
/// ```
/// use ivr_xml::{from_str, Command};
/// let command: Command = from_str("<Hangup/>").unwrap();
/// assert_eq!(command, Command::Hangup(ivr_xml::Hangup::new()));
/// ```
pub fn from_str<T: FromXml>(input: &str) -> Result<T, ParseError> {
    from_str_with(input, &ParseOptions::strict()).map(|parsed| parsed.value)
}

/// Parses bytes, refusing input that is not UTF-8 with the position of the first bad byte.
///
/// ```
/// use ivr_xml::{from_slice_with, ParseOptions, Response};
/// let err = from_slice_with::<Response>(b"<Response>\xff</Response>", &ParseOptions::strict()).unwrap_err();
/// assert_eq!(err.to_string(), "1:11: the input is not valid UTF-8");
/// ```
pub fn from_slice_with<T: FromXml>(
    input: &[u8],
    options: &ParseOptions,
) -> Result<Parsed<T>, ParseError> {
    match std::str::from_utf8(input) {
        Ok(text) => from_str_with(text, options),
        Err(err) => {
            let valid = std::str::from_utf8(&input[..err.valid_up_to()]).unwrap_or("");
            Err(ParseError::new(
                ErrorKind::NotUtf8,
                &Locator::new(valid),
                valid.len(),
                String::new(),
            ))
        }
    }
}

/// An element being read: its start tag is read, its end tag not yet.
struct Open {
    /// The element's node id.
    id: usize,
    /// The node id of its last child while that child is text, to which more text is added.
    text: Option<usize>,
    /// Whether it has a child element: then whitespace-only text between its children is layout
    /// and is not kept.
    has_child_elements: bool,
    /// Where its children's `(name, count)` entries start in [`TreeReader::sibling_counts`].
    counts_start: usize,
}

/// How many distinct child names of one element are counted by a scan before a map takes over.
const LINEAR_SIBLING_NAMES: usize = 16;

/// How many attributes of one element are checked for duplicates by a scan before a set takes over.
const LINEAR_ATTRIBUTES: usize = 16;

struct TreeReader<'a> {
    input: &'a str,
    locator: Locator<'a>,
    mode: Mode,
    limits: Limits,
    document: Document<'a>,
    stack: SmallVec<[Open; 8]>,
    /// How many children of each name the open elements have so far, one segment per open
    /// element (the innermost last): sibling indexes without a list per element.
    sibling_counts: SmallVec<[(&'a str, usize); 16]>,
    /// The counts of sibling names past the first [`LINEAR_SIBLING_NAMES`] of a parent, by
    /// parent node id and name.
    many_sibling_names: HashMap<(usize, &'a str), usize>,
    has_root: bool,
    elements: usize,
    warnings: Vec<Warning>,
}

impl<'a> TreeReader<'a> {
    fn element(&self, id: usize) -> &ElementData<'a> {
        self.document.element_data(id)
    }

    fn path(&self) -> String {
        format_path(self.stack.iter().map(|open| {
            let element = self.element(open.id);
            (element.name, element.index)
        }))
    }

    fn error(&self, kind: ErrorKind, offset: usize) -> ParseError {
        ParseError::new(kind, &self.locator, offset, self.path())
    }

    fn lenient_or_fail(&mut self, err: ParseError) -> Result<(), ParseError> {
        if self.mode == Mode::Lenient {
            self.warnings.push(Warning::from_error(err));
            Ok(())
        } else {
            Err(err)
        }
    }

    /// The offset of `part` (a slice of the input) in the input.
    fn offset_of(&self, part: &[u8]) -> usize {
        (part.as_ptr() as usize).saturating_sub(self.input.as_ptr() as usize)
    }

    /// Re-borrows a slice of the input with the input's lifetime.
    fn slice(&self, part: &[u8]) -> &'a str {
        let start = self.offset_of(part);
        self.input.get(start..start + part.len()).unwrap_or("")
    }

    /// The 1-based index of a new child called `name` among the innermost open element's children.
    ///
    /// Documents have a few distinct names per parent, found fastest by a scan of the parent's
    /// segment of `sibling_counts`; past [`LINEAR_SIBLING_NAMES`] distinct names the rest are
    /// counted in a map, so that many distinct names cost linear time, not quadratic.
    fn next_index(&mut self, name: &'a str) -> usize {
        let (parent, start) = self
            .stack
            .last()
            .map_or((usize::MAX, 0), |open| (open.id, open.counts_start));
        let counts = self.sibling_counts.get_mut(start..).unwrap_or_default();
        if let Some((_, count)) = counts.iter_mut().find(|(n, _)| *n == name) {
            *count += 1;
            return *count;
        }
        if counts.len() < LINEAR_SIBLING_NAMES {
            self.sibling_counts.push((name, 1));
            return 1;
        }
        let count = self.many_sibling_names.entry((parent, name)).or_insert(0);
        *count += 1;
        *count
    }

    /// Reads a start tag into a new element node; `open` puts it on the stack (a start tag),
    /// else it is complete (an empty-element tag).
    fn start_element(
        &mut self,
        start: &BytesStart<'_>,
        offset: usize,
        open: bool,
    ) -> Result<(), ParseError> {
        let name = self.slice(start.name().as_ref());
        if !is_xml_name(name) {
            let kind = ErrorKind::Syntax(format!("`{}` is not an XML element name", quoted(name)));
            return Err(self.error(kind, offset));
        }
        self.elements += 1;
        let limits = self.limits;
        if self.stack.len() + 1 > limits.max_depth {
            let mut err = self.error(
                ErrorKind::LimitExceeded {
                    limit: "nesting depth",
                    max: limits.max_depth,
                },
                offset,
            );
            if !self.stack.is_empty() {
                let index = self.next_index(name);
                err = ParseError::new(
                    err.kind().clone(),
                    &self.locator,
                    offset,
                    format!("{}/{name}[{index}]", self.path()),
                );
            }
            return Err(err);
        }
        if self.elements > limits.max_elements {
            return Err(self.error(
                ErrorKind::LimitExceeded {
                    limit: "element count",
                    max: limits.max_elements,
                },
                offset,
            ));
        }
        let index = match self.stack.last_mut() {
            Some(parent) => {
                parent.has_child_elements = true;
                if let Some(text) = parent.text.take() {
                    drop_if_blank(&mut self.document.nodes, text);
                }
                self.next_index(name)
            }
            None => 1,
        };
        // The element's path, for errors only: the stack does not hold the element yet.
        let element_path = |tree: &TreeReader<'a>| {
            if tree.stack.is_empty() {
                name.to_owned()
            } else {
                format!("{}/{name}[{index}]", tree.path())
            }
        };
        let attributes_start = self.document.attributes.len();
        // Filled only for an element with many attributes: a scan is faster for a few.
        let mut seen_names: HashSet<&'a str> = HashSet::new();
        for attribute in start.attributes().with_checks(false) {
            let attribute = attribute.map_err(|err| {
                let kind = reader_error(&err);
                ParseError::new(kind, &self.locator, offset, element_path(self))
            })?;
            let attr_name = self.slice(attribute.key.as_ref());
            let attr_offset = self.offset_of(attribute.key.as_ref());
            // Checked first: every message below quotes the name.
            if !is_xml_name(attr_name) {
                let kind = ErrorKind::Syntax(format!(
                    "`{}` is not an XML attribute name",
                    quoted(attr_name)
                ));
                return Err(ParseError::new(
                    kind,
                    &self.locator,
                    attr_offset,
                    element_path(self),
                ));
            }
            let attr_path = |tree: &TreeReader<'a>| format!("{}/@{attr_name}", element_path(tree));
            let previous = self
                .document
                .attributes
                .get(attributes_start..)
                .unwrap_or_default();
            if previous.len() >= limits.max_attributes {
                let kind = ErrorKind::LimitExceeded {
                    limit: "attributes per element",
                    max: limits.max_attributes,
                };
                return Err(ParseError::new(
                    kind,
                    &self.locator,
                    attr_offset,
                    attr_path(self),
                ));
            }
            let duplicate = if previous.len() < LINEAR_ATTRIBUTES {
                previous.iter().any(|a| a.name == attr_name)
            } else {
                if seen_names.is_empty() {
                    seen_names.extend(previous.iter().map(|a| a.name));
                }
                !seen_names.insert(attr_name)
            };
            if duplicate {
                let kind = ErrorKind::DuplicateAttribute {
                    name: attr_name.to_owned(),
                };
                return Err(ParseError::new(
                    kind,
                    &self.locator,
                    attr_offset,
                    attr_path(self),
                ));
            }
            let raw = self.slice(&attribute.value);
            let value_offset = self.offset_of(&attribute.value);
            // XML 1.0 §3.1: attribute values hold no `<`, and attributes are separated by
            // whitespace (`a='1'b='2'` is not XML, though quick-xml reads it).
            if let Some(lt) = raw.find('<') {
                let kind = ErrorKind::Syntax(
                    "`<` is not allowed in an attribute value (write it as `&lt;`)".to_owned(),
                );
                return Err(ParseError::new(
                    kind,
                    &self.locator,
                    value_offset + lt,
                    attr_path(self),
                ));
            }
            if let Some(bad) = first_non_xml_char(raw) {
                let kind = not_an_xml_char(bad);
                return Err(ParseError::new(
                    kind,
                    &self.locator,
                    value_offset,
                    attr_path(self),
                ));
            }
            let after_quote = value_offset + raw.len() + 1;
            match self.input.as_bytes().get(after_quote) {
                None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>') => {}
                Some(_) => {
                    let kind =
                        ErrorKind::Syntax("attributes must be separated by whitespace".to_owned());
                    return Err(ParseError::new(
                        kind,
                        &self.locator,
                        after_quote,
                        attr_path(self),
                    ));
                }
            }
            let value = self.attribute_value(raw, attr_offset, &attr_path)?;
            self.document.attributes.push(Attribute {
                name: attr_name,
                value,
                offset: attr_offset,
            });
        }
        let id = self.document.nodes.len();
        self.document.nodes.push(NodeData::Element(ElementData {
            name,
            offset,
            index,
            attributes_start,
            attributes_end: self.document.attributes.len(),
            end: id + 1,
        }));
        if open {
            self.stack.push(Open {
                id,
                text: None,
                has_child_elements: false,
                counts_start: self.sibling_counts.len(),
            });
        } else if self.stack.is_empty() {
            self.has_root = true;
        }
        Ok(())
    }

    /// Normalizes and unescapes an attribute value (XML 1.0 §3.3.3): literal whitespace becomes a
    /// space, references are resolved, unknown entities refused.
    fn attribute_value(
        &mut self,
        raw: &'a str,
        offset: usize,
        path: &dyn Fn(&TreeReader<'a>) -> String,
    ) -> Result<Cow<'a, str>, ParseError> {
        if !raw.contains(['&', '\t', '\n', '\r']) {
            return Ok(Cow::Borrowed(raw));
        }
        let normalized = raw.replace("\r\n", " ").replace(['\t', '\n', '\r'], " ");
        let mut out = String::with_capacity(normalized.len());
        let mut rest = normalized.as_str();
        while let Some(amp) = rest.find('&') {
            out.push_str(&rest[..amp]);
            let after = &rest[amp + 1..];
            let resolved = after
                .find(';')
                .and_then(|end| resolve_reference(&after[..end]).map(|c| (c, end)));
            match resolved {
                Some((Ok(c), end)) => {
                    out.push(c);
                    rest = &after[end + 1..];
                }
                Some((Err(kind), _)) => {
                    return Err(ParseError::new(kind, &self.locator, offset, path(self)))
                }
                None => {
                    let kind = ErrorKind::Syntax(
                        "`&` must start a reference such as `&amp;` (write a literal `&` as `&amp;`)".to_owned(),
                    );
                    self.lenient_or_fail(ParseError::new(kind, &self.locator, offset, path(self)))?;
                    out.push('&');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        Ok(Cow::Owned(out))
    }

    /// Opens the `<Response>` root of a bare command sequence, at its first command.
    fn open_bare_response(&mut self, offset: usize) {
        let id = self.document.nodes.len();
        let attributes = self.document.attributes.len();
        self.document.nodes.push(NodeData::Element(ElementData {
            name: "Response",
            offset,
            index: 1,
            attributes_start: attributes,
            attributes_end: attributes,
            end: id + 1,
        }));
        self.stack.push(Open {
            id,
            text: None,
            has_child_elements: false,
            counts_start: self.sibling_counts.len(),
        });
        self.document.bare = Some(offset);
    }

    fn end_element(&mut self) {
        if let Some(open) = self.stack.pop() {
            if let (true, Some(text)) = (open.has_child_elements, open.text) {
                drop_if_blank(&mut self.document.nodes, text);
            }
            let end = self.document.nodes.len();
            if let Some(NodeData::Element(data)) = self.document.nodes.get_mut(open.id) {
                data.end = end;
            }
            self.sibling_counts.truncate(open.counts_start);
            if self.stack.is_empty() {
                self.has_root = true;
            }
        }
    }

    fn text(&mut self, piece: Cow<'a, str>, offset: usize) -> Result<(), ParseError> {
        if let Some(bad) = first_non_xml_char(&piece) {
            let kind = not_an_xml_char(bad);
            return Err(self.error(kind, offset));
        }
        let nodes = &mut self.document.nodes;
        match self.stack.last_mut() {
            Some(open) => {
                match open.text.and_then(|id| nodes.get_mut(id)) {
                    Some(NodeData::Text(existing)) => existing.text.to_mut().push_str(&piece),
                    _ => {
                        open.text = Some(nodes.len());
                        nodes.push(NodeData::Text(TextNode {
                            text: piece,
                            offset,
                        }));
                    }
                }
                Ok(())
            }
            None if piece
                .bytes()
                .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) =>
            {
                Ok(())
            }
            None if self.has_root => Err(self.error(ErrorKind::ContentAfterRoot, offset)),
            None => Err(self.error(ErrorKind::TextOutsideRoot, offset)),
        }
    }

    fn declaration(
        &mut self,
        decl: &BytesDecl<'_>,
        offset: usize,
        bom: usize,
    ) -> Result<(), ParseError> {
        if offset != bom {
            let kind = ErrorKind::BadDeclaration(
                "it must be the very first thing in the document".to_owned(),
            );
            return Err(self.error(kind, offset));
        }
        let bad = |reason: String| {
            ParseError::new(
                ErrorKind::BadDeclaration(reason),
                &self.locator,
                offset,
                String::new(),
            )
        };
        let content = std::str::from_utf8(decl).unwrap_or_default();
        let encoding = read_declaration(content).map_err(bad)?;
        if let Some(encoding) = encoding {
            if !encoding.eq_ignore_ascii_case("utf-8") && !encoding.eq_ignore_ascii_case("utf8") {
                let kind = ErrorKind::UnsupportedEncoding(encoding.to_owned());
                return Err(self.error(kind, offset));
            }
        }
        Ok(())
    }
}

/// quick-xml's own error, as a message of ours: its text can quote any amount of the input
/// (a close tag running over lines), so it is made one line and cut like a quote.
fn reader_error(err: &dyn std::fmt::Display) -> ErrorKind {
    ErrorKind::Syntax(one_line(&err.to_string(), 200))
}

/// A character XML 1.0 cannot carry, in text or in an attribute value.
fn not_an_xml_char(bad: char) -> ErrorKind {
    ErrorKind::Syntax(format!(
        "character U+{:04X} is not allowed in XML",
        u32::from(bad)
    ))
}

/// A piece of the input quoted in a message, cut to its start.
fn quoted(piece: &str) -> String {
    one_line(piece, 40)
}

/// `text` with control characters escaped, so that a message is one line whatever the input
/// holds, and cut after `max_chars` characters.
fn one_line(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for c in text.chars().take(max_chars) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if text.chars().nth(max_chars).is_some() {
        out.push_str("...");
    }
    out
}

/// Reads the inside of an XML declaration (`xml version='1.0' encoding='UTF-8'`) by XML 1.0's
/// grammar (§2.8 `XMLDecl`): `version`, then optionally `encoding`, then optionally
/// `standalone`, each once and in that order, whitespace-separated, quoted either way. Returns the
/// encoding, if named, or why the declaration is not one.
fn read_declaration(content: &str) -> Result<Option<&str>, String> {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    let mut rest = content.strip_prefix("xml").unwrap_or(content);
    let mut encoding = None;
    let mut seen_version = false;
    let mut standalone = false;
    loop {
        let trimmed = rest.trim_start_matches(is_space);
        if trimmed.is_empty() {
            break;
        }
        if trimmed.len() == rest.len() {
            return Err(format!(
                "expected whitespace before `{}`",
                quoted(&trimmed.chars().take(12).collect::<String>())
            ));
        }
        let name_end = trimmed
            .find(|c: char| c == '=' || is_space(c))
            .unwrap_or(trimmed.len());
        let name = &trimmed[..name_end];
        let after_name = trimmed[name_end..].trim_start_matches(is_space);
        let Some(after_eq) = after_name.strip_prefix('=') else {
            return Err(format!("expected `=` after `{}`", quoted(name)));
        };
        let after_eq = after_eq.trim_start_matches(is_space);
        let quote = match after_eq.chars().next() {
            Some(q @ ('\'' | '"')) => q,
            _ => return Err(format!("the value of `{}` must be quoted", quoted(name))),
        };
        let Some(close) = after_eq[1..].find(quote) else {
            return Err(format!(
                "the value of `{}` has no closing quote",
                quoted(name)
            ));
        };
        let value = &after_eq[1..1 + close];
        rest = &after_eq[close + 2..];
        match name {
            "version" if !seen_version => {
                let digits = value.strip_prefix("1.").unwrap_or("");
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(format!("unsupported version `{}`", quoted(value)));
                }
                seen_version = true;
            }
            "encoding" if seen_version && encoding.is_none() && !standalone => {
                let mut chars = value.chars();
                let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                    && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
                if !valid {
                    return Err(format!("`{}` is not an encoding name", quoted(value)));
                }
                encoding = Some(value);
            }
            "standalone" if seen_version && !standalone => {
                if value != "yes" && value != "no" {
                    return Err(format!(
                        "standalone must be `yes` or `no`, not `{}`",
                        quoted(value)
                    ));
                }
                standalone = true;
            }
            _ if !seen_version => {
                return Err(format!(
                    "it must start with `version`, not `{}`",
                    quoted(name)
                ));
            }
            _ => {
                return Err(format!(
                    "unexpected `{}`: expected `encoding` then `standalone`, each at most once",
                    quoted(name)
                ))
            }
        }
    }
    if seen_version {
        Ok(encoding)
    } else {
        Err("it has no `version`".to_owned())
    }
}

/// Removes the text node `id`, the last node, if it is only whitespace.
fn drop_if_blank(nodes: &mut Vec<NodeData<'_>>, id: usize) {
    if let Some(NodeData::Text(text)) = nodes.get(id) {
        if id + 1 == nodes.len() && text.is_blank() {
            nodes.truncate(id);
        }
    }
}

/// `&name;` or `&#N;` / `&#xH;` → the character; `None` if `name` cannot be a reference at all.
fn resolve_reference(name: &str) -> Option<Result<char, ErrorKind>> {
    let resolved = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => {
            if let Some(number) = name.strip_prefix('#') {
                let code = match number.strip_prefix('x') {
                    Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                        u32::from_str_radix(hex, 16).ok()
                    }
                    None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
                        number.parse().ok()
                    }
                    _ => return None,
                };
                return Some(
                    match code.and_then(char::from_u32).filter(|&c| is_xml_char(c)) {
                        Some(c) => Ok(c),
                        None => Err(ErrorKind::Syntax(format!(
                            "character reference `&{name};` is not a character XML allows"
                        ))),
                    },
                );
            }
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
            {
                return None;
            }
            return Some(Err(ErrorKind::Syntax(format!(
                "unknown entity `&{name};` (only the five predefined entities and character references are allowed)"
            ))));
        }
    };
    Some(Ok(resolved))
}

/// Reads `input` into a checked element tree.
/// Reads the tree. With `wrap_bare`, a document whose first element is a command (by the
/// function's judgement) is read as a bare command sequence into a `<Response>` root.
fn read_tree<'a>(
    input: &'a str,
    limits: Limits,
    mode: Mode,
    wrap_bare: Option<&dyn Fn(&str) -> bool>,
) -> Result<(Document<'a>, Vec<Warning>), ParseError> {
    if input.len() > limits.max_bytes {
        let kind = ErrorKind::LimitExceeded {
            limit: "input size in bytes",
            max: limits.max_bytes,
        };
        return Err(ParseError::new(
            kind,
            &Locator::new(input),
            limits.max_bytes,
            String::new(),
        ));
    }
    // Each element has a `<`, and so has each end tag that follows text: an upper bound of the
    // nodes; each attribute has a `=`. Both are counted in one pass, in byte-wide lanes (chunks
    // of 255 cannot overflow a `u8`), which vectorizes well.
    let (markup, equals) = input
        .as_bytes()
        .chunks(255)
        .map(|chunk| {
            chunk.iter().fold((0u8, 0u8), |(lt, eq), &b| {
                (
                    lt.wrapping_add(u8::from(b == b'<')),
                    eq.wrapping_add(u8::from(b == b'=')),
                )
            })
        })
        .fold((0usize, 0usize), |(lt, eq), (chunk_lt, chunk_eq)| {
            (lt + usize::from(chunk_lt), eq + usize::from(chunk_eq))
        });
    let mut tree = TreeReader {
        input,
        locator: Locator::new(input),
        mode,
        limits,
        // Sized so that they do not grow: whitespace between elements is not kept, so there is
        // about one node per `<` (mixed content has more), and at most one attribute per `=`.
        document: Document {
            nodes: Vec::with_capacity(markup),
            attributes: Vec::with_capacity(equals),
            bare: None,
        },
        stack: SmallVec::new(),
        sibling_counts: SmallVec::new(),
        many_sibling_names: HashMap::new(),
        has_root: false,
        elements: 0,
        warnings: Vec::new(),
    };
    // XML 1.0 §4.3.3 allows a UTF-8 byte order mark and the spec (§1.3) accepts it: strict mode
    // takes it silently; lenient mode, which reports what a tidy document would not hold, warns.
    let bom = if input.starts_with('\u{FEFF}') {
        if mode == Mode::Lenient {
            let kind = ErrorKind::Syntax("byte order mark at the start of the document".to_owned());
            let warning = ParseError::new(kind, &tree.locator, 0, String::new());
            tree.warnings.push(Warning::from_error(warning));
        }
        3
    } else {
        0
    };
    let mut reader = Reader::from_str(input);
    {
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_end_names = false;
        config.expand_empty_elements = false;
        config.check_comments = true;
        // Lenient mode takes a bare `&` in text literally, with a warning (spec §1.5).
        config.allow_dangling_amp = mode == Mode::Lenient;
    }
    loop {
        // quick-xml skips a byte order mark without counting it: its positions start after it.
        let offset = usize::try_from(reader.buffer_position()).map_or(usize::MAX, |at| at + bom);
        let event = reader.read_event().map_err(|err| {
            let at = usize::try_from(reader.error_position()).map_or(offset, |at| at + bom);
            tree.error(reader_error(&err), at)
        })?;
        match event {
            Event::Decl(decl) => tree.declaration(&decl, offset, bom)?,
            Event::DocType(_) => return Err(tree.error(ErrorKind::Doctype, offset)),
            Event::PI(pi) => {
                let target = quoted(&String::from_utf8_lossy(pi.target()));
                let err = tree.error(ErrorKind::ProcessingInstruction(target), offset);
                tree.lenient_or_fail(err)?;
            }
            Event::Comment(_) => {}
            Event::Start(start) | Event::Empty(start) if tree.has_root && tree.stack.is_empty() => {
                let _ = start;
                return Err(tree.error(ErrorKind::ContentAfterRoot, offset));
            }
            Event::Start(ref start) | Event::Empty(ref start)
                if wrap_bare.is_some() && !tree.has_root && tree.stack.is_empty() =>
            {
                let name = tree.slice(start.name().as_ref());
                if wrap_bare.is_some_and(|is_command| is_command(name)) {
                    tree.open_bare_response(offset);
                }
                let open = matches!(event, Event::Start(_));
                tree.start_element(start, offset, open)?;
            }
            Event::Start(start) => tree.start_element(&start, offset, true)?,
            Event::Empty(start) => tree.start_element(&start, offset, false)?,
            Event::End(end) => {
                let found = tree.slice(end.name().as_ref());
                match tree.stack.last().map(|open| tree.element(open.id).name) {
                    // The open element's name was checked: an equal one needs no check.
                    Some(open) if open == found => tree.end_element(),
                    _ if !is_xml_name(found) => {
                        let kind = ErrorKind::Syntax(format!(
                            "malformed end tag `</{}>`: expected an element name",
                            quoted(found)
                        ));
                        return Err(tree.error(kind, offset));
                    }
                    Some(open) => {
                        let kind = ErrorKind::MismatchedEndTag {
                            expected: open.to_owned(),
                            found: found.to_owned(),
                        };
                        return Err(tree.error(kind, offset));
                    }
                    None => {
                        let kind =
                            ErrorKind::Syntax(format!("end tag `</{found}>` without a start tag"));
                        return Err(tree.error(kind, offset));
                    }
                }
            }
            Event::Text(text) => {
                // Line ends are normalized only where there is a CR; other text is borrowed
                // from the input as it is, with no second UTF-8 check.
                let raw = tree.slice(&text);
                let borrowed = raw.as_ptr() == text.as_ptr() && raw.len() == text.len();
                let piece = if borrowed && !raw.contains('\r') {
                    Cow::Borrowed(raw)
                } else {
                    text.xml10_content()
                        .map_err(|err| tree.error(reader_error(&err), offset))?
                };
                // References are events of their own: text starting with `&` is a bare one,
                // which the reader lets through only in lenient mode.
                // XML 1.0 §2.4: `]]>` marks the end of a CDATA section and is not text.
                // (A `]` is rare in text: a one-byte search first skips building a substring
                // searcher for nearly every text, which cost 5% of parsing.)
                if let Some(at) = raw.contains(']').then(|| raw.find("]]>")).flatten() {
                    let kind = ErrorKind::Syntax(
                        "`]]>` is not allowed in text (write `]]&gt;`)".to_owned(),
                    );
                    return Err(tree.error(kind, tree.offset_of(raw.as_bytes()) + at));
                }
                if piece.starts_with('&') {
                    let kind = ErrorKind::Syntax(
                        "`&` must start a reference such as `&amp;` (write a literal `&` as `&amp;`)"
                            .to_owned(),
                    );
                    let err = tree.error(kind, offset);
                    tree.lenient_or_fail(err)?;
                }
                tree.text(piece, offset)?;
            }
            Event::CData(cdata) => {
                let piece = cdata
                    .xml10_content()
                    .map_err(|err| tree.error(reader_error(&err), offset))?;
                tree.text(piece, offset)?;
            }
            Event::GeneralRef(reference) => {
                let name = tree.slice(&reference);
                // A reference is character data, which XML allows only inside the root, even
                // where it stands for whitespace (`&#x9;`).
                if tree.stack.is_empty() {
                    let kind = if tree.has_root {
                        ErrorKind::ContentAfterRoot
                    } else {
                        ErrorKind::TextOutsideRoot
                    };
                    return Err(tree.error(kind, offset));
                }
                match resolve_reference(name) {
                    Some(Ok(c)) => tree.text(Cow::Owned(c.to_string()), offset)?,
                    Some(Err(kind)) => return Err(tree.error(kind, offset)),
                    None => {
                        let kind =
                            ErrorKind::Syntax(format!("malformed reference `&{};`", quoted(name)));
                        return Err(tree.error(kind, offset));
                    }
                }
            }
            Event::Eof => break,
        }
    }
    if tree.document.bare.is_some() && tree.stack.len() == 1 {
        tree.end_element();
    }
    if let Some(open) = tree.stack.last() {
        let element = tree.element(open.id);
        let kind = ErrorKind::UnclosedElement {
            name: element.name.to_owned(),
        };
        return Err(tree.error(kind, element.offset));
    }
    if tree.has_root {
        Ok((tree.document, tree.warnings))
    } else {
        Err(ParseError::new(
            ErrorKind::NoRoot,
            &tree.locator,
            input.len(),
            String::new(),
        ))
    }
}
