//! The public element tree the reader builds and everything else walks: a [`Document`] stored flat
//! in document order, with [`Element`] handles into it, their [`Attribute`]s, [`TextNode`]s,
//! [`Node`]s and [`Children`]. It holds no parsing logic: the reader fills it, the typed parser, the
//! raw elements and the validator read it.

use std::borrow::Cow;

/// An attribute of a parsed [`Element`], unescaped.
///
/// ```
/// use ivr_xml::{de::parse_tree, ParseOptions};
/// let tree = parse_tree("<Response><Redirect tag='a&amp;b'>m</Redirect></Response>", &ParseOptions::strict())?;
/// let redirect = tree.value.root().child_elements().next().unwrap();
/// let tag = &redirect.attributes()[0];
/// assert_eq!((tag.name(), tag.value()), ("tag", "a&b"));
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Attribute<'a> {
    pub(super) name: &'a str,
    pub(super) value: Cow<'a, str>,
    pub(super) offset: usize,
}

impl<'a> Attribute<'a> {
    /// The attribute's name.
    ///
    /// ```
    /// use ivr_xml::{de::parse_tree, ParseOptions};
    /// let tree = parse_tree("<Response x='1' y='2'/>", &ParseOptions::strict())?;
    /// let names: Vec<&str> = tree.value.root().attributes().iter().map(|a| a.name()).collect();
    /// assert_eq!(names, ["x", "y"]);
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The attribute's value, with references resolved.
    ///
    /// ```
    /// use ivr_xml::{de::parse_tree, ParseOptions};
    /// let tree = parse_tree("<Response x='&lt;1&gt;'/>", &ParseOptions::strict())?;
    /// assert_eq!(tree.value.root().attributes()[0].value(), "<1>");
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Byte offset of the attribute's name in the input.
    ///
    /// ```
    /// use ivr_xml::{de::parse_tree, ParseOptions};
    /// let input = "<Response x='1'/>";
    /// let tree = parse_tree(input, &ParseOptions::strict())?;
    /// let offset = tree.value.root().attributes()[0].offset();
    /// assert_eq!(offset, 10);
    /// assert!(input[offset..].starts_with("x='1'"));
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }
}

/// Text between tags (references resolved, CDATA included), with its offset.
///
/// ```
/// use ivr_xml::de::{parse_tree, Node};
/// use ivr_xml::ParseOptions;
/// let tree = parse_tree("<Response><Play>a<![CDATA[&b]]></Play></Response>", &ParseOptions::strict())?;
/// let play = tree.value.root().child_elements().next().unwrap();
/// let texts: Vec<&str> = play.children().filter_map(|n| match n {
///     Node::Text(t) => Some(t.text()),
///     Node::Element(_) => None,
/// }).collect();
/// assert_eq!(texts.concat(), "a&b");
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TextNode<'a> {
    pub(super) text: Cow<'a, str>,
    pub(super) offset: usize,
}

impl TextNode<'_> {
    /// The text.
    ///
    /// ```
    /// use ivr_xml::de::{parse_tree, Node};
    /// use ivr_xml::ParseOptions;
    /// let tree = parse_tree("<Play>a &amp; b</Play>", &ParseOptions::strict())?;
    /// let Some(Node::Text(text)) = tree.value.root().children().next() else { panic!("no text") };
    /// assert_eq!(text.text(), "a & b");
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte offset in the input.
    ///
    /// ```
    /// use ivr_xml::de::{parse_tree, Node};
    /// use ivr_xml::ParseOptions;
    /// let tree = parse_tree("<Play>a.wav</Play>", &ParseOptions::strict())?;
    /// let Some(Node::Text(text)) = tree.value.root().children().next() else { panic!("no text") };
    /// assert_eq!(text.offset(), 6);
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Whether the text is only XML whitespace (layout between elements).
    ///
    /// ```
    /// use ivr_xml::de::{parse_tree, Node};
    /// use ivr_xml::ParseOptions;
    /// let tree = parse_tree("<Play>a.wav</Play>", &ParseOptions::strict())?;
    /// let Some(Node::Text(text)) = tree.value.root().children().next() else { panic!("no text") };
    /// assert!(!text.is_blank());
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn is_blank(&self) -> bool {
        super::syntax::is_blank(&self.text)
    }
}

/// A parsed document: a checked element tree, from [`parse_tree`](super::parse_tree).
///
/// The tree is stored flat, in document order (an element is followed by its subtree), so that
/// reading a document costs a few growing `Vec`s rather than allocations per element.
///
/// ```
/// use ivr_xml::{de::parse_tree, ParseOptions};
/// let tree = parse_tree("<Response><Play>a.wav</Play><Hangup/></Response>", &ParseOptions::strict())?;
/// let document = &tree.value;
/// assert_eq!(document.elements().count(), 3);
/// assert_eq!(document.root().name(), "Response");
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Document<'a> {
    pub(super) nodes: Vec<NodeData<'a>>,
    pub(super) attributes: Vec<Attribute<'a>>,
    /// For a bare command sequence read into a `<Response>` that is not in the input: the
    /// offset of its first command.
    pub(super) bare: Option<usize>,
}

impl<'a> Document<'a> {
    /// The root element.
    ///
    /// ```
    /// use ivr_xml::{de::parse_tree, ParseOptions};
    /// let tree = parse_tree("<?xml version='1.0' encoding='UTF-8'?><Response/>", &ParseOptions::strict())?;
    /// assert_eq!(tree.value.root().name(), "Response");
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn root(&self) -> Element<'_> {
        Element {
            document: self,
            id: 0,
        }
    }

    /// The offset of the first command when the document is a bare command sequence, read
    /// into a `<Response>` root that the input does not hold (spec §1.2).
    ///
    /// ```
    /// use ivr_xml::{de::parse_tree, ParseOptions};
    /// // `parse_tree` reads the input as it is: a `<Response>` root is never made up.
    /// let whole = parse_tree("<Response><Hangup/></Response>", &ParseOptions::lenient())?;
    /// assert_eq!(whole.value.bare_sequence(), None);
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn bare_sequence(&self) -> Option<usize> {
        self.bare
    }

    /// Every element, in document order.
    ///
    /// ```
    /// use ivr_xml::{de::parse_tree, ParseOptions};
    /// let tree = parse_tree("<Response><Get><Play>a.wav</Play></Get><Hangup/></Response>", &ParseOptions::strict())?;
    /// let names: Vec<&str> = tree.value.elements().map(|e| e.name()).collect();
    /// assert_eq!(names, ["Response", "Get", "Play", "Hangup"]);
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn elements(&self) -> impl Iterator<Item = Element<'_>> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| matches!(node, NodeData::Element(_)))
            .map(|(id, _)| Element { document: self, id })
    }

    /// The element node `id`; element ids are the only ones asked for.
    pub(super) fn element_data(&self, id: usize) -> &ElementData<'a> {
        match self.nodes.get(id) {
            Some(NodeData::Element(data)) => data,
            _ => &EMPTY_ELEMENT,
        }
    }
}

/// Formats an element path, like `Response/Get[1]`, from each open element's name and index
/// among its siblings, outermost first.
pub(super) fn format_path<'n>(segments: impl IntoIterator<Item = (&'n str, usize)>) -> String {
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
pub(super) enum NodeData<'a> {
    Element(ElementData<'a>),
    Text(TextNode<'a>),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct ElementData<'a> {
    pub(super) name: &'a str,
    pub(super) offset: usize,
    pub(super) index: usize,
    /// The element's attributes are `Document::attributes[attributes_start..attributes_end]`.
    pub(super) attributes_start: usize,
    pub(super) attributes_end: usize,
    /// One past the id of the subtree's last node: the next sibling's id.
    pub(super) end: usize,
}

/// A child of an [`Element`].
///
/// ```
/// use ivr_xml::de::{parse_tree, Node};
/// use ivr_xml::ParseOptions;
/// let tree = parse_tree("<Response>x<Hangup/></Response>", &ParseOptions::strict())?;
/// let children: Vec<Node<'_>> = tree.value.root().children().collect();
/// assert!(matches!(children[0], Node::Text(t) if t.text() == "x"));
/// assert!(matches!(children[1], Node::Element(e) if e.name() == "Hangup"));
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
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
///
/// ```
/// use ivr_xml::{de::parse_tree, ParseOptions};
/// let tree = parse_tree("<Response><Play>a.wav</Play></Response>", &ParseOptions::strict())?;
/// let play = tree.value.root().child_elements().next().unwrap();
/// assert_eq!((play.name(), play.offset(), play.index()), ("Play", 10, 1));
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
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
    ///
    /// ```
    /// use ivr_xml::{de::parse_tree, ParseOptions};
    /// let tree = parse_tree("<Response><Hangup/></Response>", &ParseOptions::strict())?;
    /// assert_eq!(tree.value.root().name(), "Response");
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn name(&self) -> &'t str {
        self.data().name
    }

    /// Byte offset of the start tag's `<`.
    ///
    /// ```
    /// use ivr_xml::{de::parse_tree, ParseOptions};
    /// let input = "<Response>\n  <Hangup/>\n</Response>";
    /// let tree = parse_tree(input, &ParseOptions::strict())?;
    /// let hangup = tree.value.root().child_elements().next().unwrap();
    /// assert_eq!(hangup.offset(), 13);
    /// assert!(input[hangup.offset()..].starts_with("<Hangup/>"));
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn offset(&self) -> usize {
        self.data().offset
    }

    /// 1-based position among the siblings of the same name.
    ///
    /// ```
    /// use ivr_xml::{de::parse_tree, ParseOptions};
    /// let tree = parse_tree("<Response><Play>a</Play><Hangup/><Play>b</Play></Response>", &ParseOptions::strict())?;
    /// let indexes: Vec<(&str, usize)> = tree.value.root().child_elements().map(|e| (e.name(), e.index())).collect();
    /// assert_eq!(indexes, [("Play", 1), ("Hangup", 1), ("Play", 2)]);
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn index(&self) -> usize {
        self.data().index
    }

    /// The attributes, in document order.
    ///
    /// ```
    /// use ivr_xml::{de::parse_tree, ParseOptions};
    /// let tree = parse_tree("<Get action='a' numdigits='1'/>", &ParseOptions::strict())?;
    /// let attributes = tree.value.root().attributes();
    /// assert_eq!(attributes.len(), 2);
    /// assert_eq!((attributes[1].name(), attributes[1].value()), ("numdigits", "1"));
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn attributes(&self) -> &'t [Attribute<'t>] {
        let data = self.data();
        self.document
            .attributes
            .get(data.attributes_start..data.attributes_end)
            .unwrap_or(&[])
    }

    /// The children, in document order.
    ///
    /// ```
    /// use ivr_xml::{de::parse_tree, ParseOptions};
    /// let tree = parse_tree("<Response>\n<Hangup/>\n</Response>", &ParseOptions::strict())?;
    /// // Layout between elements is dropped: the one child is `<Hangup/>`.
    /// assert_eq!(tree.value.root().children().count(), 1);
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn children(&self) -> Children<'t> {
        Children {
            document: self.document,
            next: self.id + 1,
            end: self.data().end,
        }
    }

    /// The child elements, in document order (text is skipped).
    ///
    /// ```
    /// use ivr_xml::{de::parse_tree, ParseOptions};
    /// let tree = parse_tree("<Response>\n<Get><Play>a</Play></Get>\n<Hangup/>\n</Response>", &ParseOptions::strict())?;
    /// // Only direct children, text skipped.
    /// let names: Vec<&str> = tree.value.root().child_elements().map(|e| e.name()).collect();
    /// assert_eq!(names, ["Get", "Hangup"]);
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn child_elements(&self) -> impl Iterator<Item = Element<'t>> {
        self.children().filter_map(|node| match node {
            Node::Element(child) => Some(child),
            Node::Text(_) => None,
        })
    }
}

pub(super) static EMPTY_ELEMENT: ElementData<'static> = ElementData {
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
///
/// ```
/// use ivr_xml::de::{parse_tree, Children, Node};
/// use ivr_xml::ParseOptions;
/// let tree = parse_tree("<Play>a.wav</Play>", &ParseOptions::strict())?;
/// let mut children: Children<'_> = tree.value.root().children();
/// assert!(matches!(children.next(), Some(Node::Text(t)) if t.text() == "a.wav"));
/// assert!(children.next().is_none());
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
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
