//! The public element tree the reader builds and everything else walks: a [`Document`] stored flat
//! in document order, with [`Element`] handles into it, their [`Attribute`]s, [`TextNode`]s,
//! [`Node`]s and [`Children`]. It holds no parsing logic: the reader fills it, the typed parser, the
//! raw elements and the validator read it.

use std::borrow::Cow;

/// An attribute of a parsed [`Element`], unescaped.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Attribute<'a> {
    pub(super) name: &'a str,
    pub(super) value: Cow<'a, str>,
    pub(super) offset: usize,
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
    pub(super) text: Cow<'a, str>,
    pub(super) offset: usize,
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

/// A parsed document: a checked element tree, from [`parse_tree`](super::parse_tree).
///
/// The tree is stored flat, in document order (an element is followed by its subtree), so that
/// reading a document costs a few growing `Vec`s rather than allocations per element.
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
