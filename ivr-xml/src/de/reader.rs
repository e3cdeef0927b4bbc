//! The tree reader: drives quick-xml over the input and builds the checked [`Document`] (well-formed,
//! within the [`Limits`], attributes unique, the declaration read, references resolved), in
//! strict or lenient [`Mode`]. `read_tree` is the event loop; `TreeReader` is its state (the open
//! elements, sibling counts, warnings) with the methods that add nodes. Reading a start tag, the
//! largest of them, is in [`start_tag`].

use std::borrow::Cow;
use std::collections::HashMap;

use quick_xml::events::{BytesDecl, Event};
use quick_xml::Reader;
use smallvec::SmallVec;

use crate::error::{ErrorKind, Locator, ParseError, Warning};
use crate::value::{first_non_xml_char, is_xml_name};

use super::options::{Limits, Mode};
use super::syntax::{not_an_xml_char, quoted, read_declaration, reader_error, resolve_reference};
use super::tree::{format_path, Document, ElementData, NodeData, TextNode};

mod start_tag;

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
            None if super::syntax::is_blank(&piece) => Ok(()),
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

/// Removes the text node `id`, the last node, if it is only whitespace.
fn drop_if_blank(nodes: &mut Vec<NodeData<'_>>, id: usize) {
    if let Some(NodeData::Text(text)) = nodes.get(id) {
        if id + 1 == nodes.len() && text.is_blank() {
            nodes.truncate(id);
        }
    }
}

/// Reads `input` into a checked element tree.
/// Reads the tree. With `wrap_bare`, a document whose first element is a command (by the
/// function's judgement) is read as a bare command sequence into a `<Response>` root.
pub(crate) fn read_tree<'a>(
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
    // XML 1.0 §4.3.3 allows a UTF-8 byte order mark and the spec (§1.3) accepts it "with a
    // warning": a finding (IVR107) in both modes, whose level the policy sets like any other's,
    // so that the strict parser and the validator judge it alike.
    let bom = if input.starts_with('\u{FEFF}') {
        let kind = ErrorKind::Syntax("byte order mark at the start of the document".to_owned());
        let warning = ParseError::new(kind, &tree.locator, 0, String::new());
        tree.warnings.push(Warning::from_error(warning));
        3
    } else {
        0
    };
    let mut reader = Reader::from_str(input);
    configure(&mut reader, mode);
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

/// quick-xml's configuration for reading a document in `mode`: the tree reader's and the strict
/// parser's fast path's, which must read the same events from the same input.
pub(super) fn configure(reader: &mut Reader<&[u8]>, mode: Mode) {
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = false;
    config.expand_empty_elements = false;
    config.check_comments = true;
    // Lenient mode takes a bare `&` in text literally, with a warning (spec §1.5).
    config.allow_dangling_amp = mode == Mode::Lenient;
}
