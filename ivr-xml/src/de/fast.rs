//! The strict parser's fast path: typed values straight from quick-xml's events, with no element
//! tree, for the documents it can vouch for.
//!
//! [`parse`] reads the input once (with its own reading of the markup, `lex.rs`: the plain
//! forms only, a part of what quick-xml accepts) and hands each start tag to the type's generated
//! [`FromXml::from_events`]. It checks what the tree reader checks (well-formedness, the
//! declaration, names, duplicate attributes, characters XML refuses, the [`Limits`]), and returns
//! [`Bail`] - "take the checked tree", never an error - at the first thing that would make the
//! tree path report anything: any error, an unknown element or attribute, a byte order mark, a
//! finding a platform rule could make, or anything rare it does not handle itself (CDATA, a CR in
//! text, a reference between elements). So it returns `Ok` only for documents the tree path
//! accepts with no warning, and then with the same value; the tree path, run on a bail-out, makes
//! every error, position, path and warning. `tests/fast_path.rs` and the `fast_vs_slow` fuzz
//! target compare the two.
//!
//! The platform rules (`judge/rules.rs`) are not run here: the fast path bails out wherever
//! one could fire, with the rules' own generated name lists (handed in by the judge as
//! `RuleNames`, since the judge sits above this module), so that no finding is missed: each
//! condition below is the rule's condition or wider.

mod lex;
mod rules;
mod scan;
mod value;

use std::borrow::Cow;

use smallvec::SmallVec;

use crate::value::first_non_xml_char;

use super::options::{Limits, Mode, ParseOptions};
use super::syntax::{is_name, read_declaration, resolve_reference};
use super::typed::FromXml;

use lex::{skip_space, token, Token};

pub(crate) use rules::{FlagTable, RuleNames};
use rules::{Flags, RuleState};
use scan::{classify, text_until_lt, AMP, CR, LT, RBRACKET, SUSPECT, TAB_LF};
pub use value::{FastValue, FastValueFallback, FastValueParse};

/// The fast path does not take this document: parse it with the checked tree instead. Not an
/// error: the tree path decides what, if anything, is wrong.
///
/// ```
/// use ivr_xml::__private::{parse_fast, Bail};
/// use ivr_xml::{ParseOptions, Response};
/// // A byte order mark is a finding (IVR107): only the tree path reports it.
/// let bom = "\u{FEFF}<Response><Hangup/></Response>";
/// assert_eq!(parse_fast::<Response>(bom, &ParseOptions::strict()), Err(Bail));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bail;

/// A start tag the fast path read: its name, and whether it is an empty-element tag.
///
/// ```
/// use ivr_xml::{ParseOptions, Play};
/// // Generated code receives one for each element; parsing a `Play` goes through it.
/// let play = ivr_xml::__private::parse_fast::<Play>("<Play>a.wav</Play>", &ParseOptions::strict());
/// assert_eq!(play.map(|p| p.file.as_str().to_owned()), Ok("a.wav".to_owned()));
/// ```
#[derive(Debug)]
pub struct FastStart<'a> {
    name: &'a str,
    /// The byte offset of its `<`: whose attributes the reader's list holds.
    tag: usize,
    empty: bool,
    /// What the platform rules know of the name (none outside a `<Response>`).
    flags: Flags,
}

impl<'a> FastStart<'a> {
    /// The element's name.
    ///
    /// ```
    /// use ivr_xml::{Hangup, ParseOptions};
    /// assert!(ivr_xml::__private::parse_fast::<Hangup>("<Hangup/>", &ParseOptions::strict()).is_ok());
    /// ```
    pub fn name(&self) -> &'a str {
        self.name
    }
}

/// An attribute of the start tag being read: its name and its value, unescaped.
///
/// ```
/// use ivr_xml::{ParseOptions, Redirect};
/// // The generated code matches each attribute's name and parses its value.
/// let doc = "<Redirect tag='a&amp;b'>menu</Redirect>";
/// let redirect = ivr_xml::__private::parse_fast::<Redirect>(doc, &ParseOptions::strict());
/// assert_eq!(redirect.map(|r| r.tag.map(|t| t.as_str().to_owned())), Ok(Some("a&b".to_owned())));
/// ```
pub type FastAttribute<'a> = (&'a str, Cow<'a, str>);

/// The fast path's state: the input and the place reached in it, the open elements, and what
/// the platform rules need to know to decide that none of them can fire.
///
/// ```
/// use ivr_xml::{ParseOptions, Response};
/// let doc = "<Response><Play>a.wav</Play><Hangup/></Response>";
/// let fast = ivr_xml::__private::parse_fast::<Response>(doc, &ParseOptions::strict());
/// assert_eq!(fast, Ok(doc.parse::<Response>()?));
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
#[derive(Debug)]
pub struct FastReader<'a> {
    input: &'a str,
    /// The byte offset reached.
    pos: usize,
    limits: Limits,
    /// The open elements' names, outermost first.
    open: SmallVec<[&'a str; 8]>,
    elements: usize,
    /// The last start tag's attributes (inline: no allocation for the usual few), as written
    /// until [`FastReader::attributes`] checks them.
    attributes: SmallVec<[FastAttribute<'a>; 8]>,
    /// The offset of the start tag whose unchecked attributes `attributes` holds
    /// ([`NO_TAG`] once they are checked).
    attributes_of: usize,
    rules: Option<RuleState>,
}

/// No start tag's attributes are waiting to be checked.
const NO_TAG: usize = usize::MAX;

/// How many attributes of one element the fast path reads; more go to the tree path, whose
/// duplicate check takes a set past a few.
const MAX_FAST_ATTRIBUTES: usize = 16;

/// The most children [`FastReader::children_hint`] sizes a list for (2,048 commands: about
/// 200 KB).
const MAX_CHILDREN_HINT: usize = 2048;

impl<'a> FastReader<'a> {
    fn new(input: &'a str, limits: Limits, rules: Option<RuleState>) -> FastReader<'a> {
        FastReader {
            input,
            pos: 0,
            limits,
            open: SmallVec::new(),
            elements: 0,
            attributes: SmallVec::new(),
            attributes_of: NO_TAG,
            rules,
        }
    }

    /// The next token, read.
    #[inline]
    fn token(&mut self) -> Result<Token<'a>, Bail> {
        let (token, next) = token(self.input, self.pos, &mut self.attributes)?;
        if let Token::Start { .. } = token {
            self.attributes_of = self.pos;
        }
        self.pos = next;
        Ok(token)
    }

    /// Checks a start tag (at byte offset `tag`) as the tree reader does and opens it (an
    /// empty-element tag is complete).
    fn open_element(
        &mut self,
        name: &'a str,
        tag: usize,
        empty: bool,
    ) -> Result<FastStart<'a>, Bail> {
        if !is_name(name) {
            return Err(Bail);
        }
        self.elements += 1;
        let depth = self.open.len();
        if depth + 1 > self.limits.max_depth || self.elements > self.limits.max_elements {
            return Err(Bail);
        }
        let mut flags = Flags::default();
        if let Some(rules) = &mut self.rules {
            flags = rules.flags(name);
            rules.element(depth, name, flags, empty)?;
        }
        if !empty {
            self.open.push(name);
        }
        Ok(FastStart {
            name,
            tag,
            empty,
            flags,
        })
    }

    /// Closes the innermost open element: the end tag must name it.
    fn close(&mut self, end: &str) -> Result<(), Bail> {
        match self.open.pop() {
            Some(open) if open == end => {}
            _ => return Err(Bail),
        }
        if let Some(rules) = &mut self.rules {
            if self.open.len() == 1 {
                rules.command_closed()?;
            }
        }
        Ok(())
    }

    /// The start tag's attributes, checked and unescaped (the generated code takes each value
    /// out).
    ///
    /// ```
    /// use ivr_xml::{ParseOptions, Play};
    /// let play = ivr_xml::__private::parse_fast::<Play>("<Play loop='2'>a.wav</Play>", &ParseOptions::strict());
    /// assert_eq!(play.map(|p| p.repeat.map(|l| l.get())), Ok(Some(2)));
    /// ```
    pub fn attributes(&mut self, start: &FastStart<'a>) -> Result<&mut [FastAttribute<'a>], Bail> {
        // Checked once, and only the start tag's own (read with it, as written).
        if self.attributes_of != start.tag {
            return Err(Bail);
        }
        self.attributes_of = NO_TAG;
        if self.attributes.len() > self.limits.max_attributes {
            return Err(Bail);
        }
        for index in 0..self.attributes.len() {
            let (seen, rest) = self.attributes.split_at_mut(index);
            let Some((name, value)) = rest.first_mut() else {
                return Err(Bail);
            };
            if !is_name(name) || seen.iter().any(|(seen, _)| seen == name) {
                return Err(Bail);
            }
            let Cow::Borrowed(raw) = *value else {
                return Err(Bail);
            };
            // Literal layout is normalized by the tree reader: the fast path leaves it to it.
            let mut class = classify(raw.as_bytes());
            if class & (LT | CR | TAB_LF) != 0
                || (class & SUSPECT != 0 && first_non_xml_char(raw).is_some())
            {
                return Err(Bail);
            }
            if class & AMP != 0 {
                let unescaped = unescape(raw)?;
                // The rules look at the value the references make.
                class = classify(unescaped.as_bytes());
                *value = Cow::Owned(unescaped);
            }
            if let Some(rules) = &self.rules {
                rules.attribute(start.name, start.flags, name, value, class)?;
            }
        }
        Ok(&mut self.attributes)
    }

    /// The next child element of `parent`, or `None` at its end tag (read). Text other than
    /// layout, and anything but comments between the children, bails out.
    ///
    /// ```
    /// use ivr_xml::{ParseOptions, Response};
    /// let doc = "<Response>\n  <!-- menu -->\n  <Hangup/>\n</Response>";
    /// assert!(ivr_xml::__private::parse_fast::<Response>(doc, &ParseOptions::strict()).is_ok());
    /// ```
    pub fn next_child(&mut self, parent: &FastStart<'a>) -> Result<Option<FastStart<'a>>, Bail> {
        if parent.empty {
            return Ok(None);
        }
        loop {
            // Layout between the children is skipped; other text bails out (below).
            self.pos = skip_space(self.input.as_bytes(), self.pos);
            let tag = self.pos;
            match self.token()? {
                Token::Start { name, empty } => {
                    return self.open_element(name, tag, empty).map(Some)
                }
                Token::End(name) => {
                    self.close(name)?;
                    return Ok(None);
                }
                Token::Comment => {}
                _ => return Err(Bail),
            }
        }
    }

    /// Checks that `parent` holds nothing but layout, reading up to its end tag.
    ///
    /// ```
    /// use ivr_xml::{Hangup, ParseOptions};
    /// let fast = |doc| ivr_xml::__private::parse_fast::<Hangup>(doc, &ParseOptions::strict()).is_ok();
    /// assert!(fast("<Hangup>\n</Hangup>"));
    /// assert!(!fast("<Hangup>x</Hangup>"));
    /// ```
    pub fn no_content(&mut self, parent: &FastStart<'a>) -> Result<(), Bail> {
        // An empty text command is IVR214.
        if parent.flags.text_command() {
            return Err(Bail);
        }
        match self.next_child(parent)? {
            Some(_) => Err(Bail),
            None => Ok(()),
        }
    }

    /// The text content of a text-only element, reading up to its end tag.
    ///
    /// ```
    /// use ivr_xml::{ParseOptions, Play};
    /// let play = ivr_xml::__private::parse_fast::<Play>("<Play>a&amp;b.wav</Play>", &ParseOptions::strict());
    /// assert_eq!(play.map(|p| p.file.as_str().to_owned()), Ok("a&b.wav".to_owned()));
    /// ```
    pub fn text(&mut self, parent: &FastStart<'a>) -> Result<Cow<'a, str>, Bail> {
        let mut text: Cow<'a, str> = Cow::Borrowed("");
        let mut class = 0;
        if !parent.empty {
            loop {
                // A piece of text: found and classified in one pass.
                let from = self.pos;
                let (end, piece_class) = text_until_lt(self.input.as_bytes(), from);
                if end > from {
                    let raw = self.input.get(from..end).ok_or(Bail)?;
                    self.pos = end;
                    if piece_class & CR != 0
                        || (piece_class & RBRACKET != 0 && raw.contains("]]>"))
                        || (piece_class & SUSPECT != 0 && first_non_xml_char(raw).is_some())
                    {
                        return Err(Bail);
                    }
                    class |= piece_class;
                    let piece = match piece_class & AMP {
                        0 => Cow::Borrowed(raw),
                        // References resolved as the tree reader resolves them.
                        _ => Cow::Owned(unescape(raw)?),
                    };
                    if text.is_empty() {
                        text = piece;
                    } else {
                        text.to_mut().push_str(&piece);
                    }
                    continue;
                }
                match self.token()? {
                    Token::Comment => {}
                    Token::End(name) => {
                        self.close(name)?;
                        break;
                    }
                    _ => return Err(Bail),
                }
            }
        }
        if let Some(rules) = &self.rules {
            if let Cow::Owned(joined) = &text {
                // References made characters of their own: the rules look at the whole text.
                class = classify(joined.as_bytes());
            }
            rules.text(parent.name, parent.flags, &text, class)?;
        }
        Ok(text)
    }

    /// How many children a `Vec` of all of `parent`'s children is sized for: for the root's, an
    /// estimate from the input's length (a long list of commands does not grow and copy again
    /// and again); for others, none.
    ///
    /// ```
    /// use ivr_xml::{ParseOptions, Response};
    /// let doc = "<Response><Play>a.wav</Play><Hangup/></Response>";
    /// assert_eq!(ivr_xml::__private::parse_fast::<Response>(doc, &ParseOptions::strict())?.commands().len(), 2);
    /// # Ok::<(), ivr_xml::__private::Bail>(())
    /// ```
    pub fn children_hint(&self, parent: &FastStart<'a>) -> usize {
        if parent.empty || self.open.len() != 1 {
            return 0;
        }
        // One command per 40 bytes or so (a `<Play>` with its file name and a line break): a
        // guess, not a count, which would cost a pass over the whole input even when the fast
        // path then bails out; the `Vec` grows if it is short. Capped, so that a long input of
        // few elements (one large text) cannot make it reserve a multiple of its own size.
        (self.input.len() / 40 + 1).min(MAX_CHILDREN_HINT)
    }
}

/// An attribute value with its references resolved, as the tree reader does (the caller has
/// left literal layout, which the tree reader normalizes, to the tree path).
fn unescape(raw: &str) -> Result<String, Bail> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').ok_or(Bail)?;
        match resolve_reference(&after[..end]) {
            Some(Ok(c)) => out.push(c),
            _ => return Err(Bail),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Parses `input` as a `T` on the fast path, or bails out.
pub(crate) fn parse<T: FromXml>(
    input: &str,
    options: &ParseOptions,
    names: &'static RuleNames,
) -> Result<T, Bail> {
    let limits = options.limits;
    // A byte order mark is IVR107, a finding in both modes.
    if options.mode != Mode::Strict
        || input.len() > limits.max_bytes
        || input.starts_with('\u{FEFF}')
    {
        return Err(Bail);
    }
    let wants_response = T::matches_element("Response");
    let rules = wants_response.then(|| RuleState::new(&options.policy, names));
    let mut reader = FastReader::new(input, limits, rules);
    let root = loop {
        if reader.pos > 0 {
            // Layout (the declaration is read only at the very start).
            reader.pos = skip_space(input.as_bytes(), reader.pos);
        }
        let tag = reader.pos;
        match reader.token()? {
            // A piece of the input, so UTF-8 already (`from_utf8` cost more than the rest).
            Token::Decl(content) => match read_declaration(content) {
                Ok(encoding)
                    if encoding.is_none_or(|e| {
                        e.eq_ignore_ascii_case("utf-8") || e.eq_ignore_ascii_case("utf8")
                    }) => {}
                _ => return Err(Bail),
            },
            Token::Comment => {}
            Token::Text(text) if crate::de::is_blank(text) => {}
            Token::Start { name, empty } => break reader.open_element(name, tag, empty)?,
            _ => return Err(Bail),
        }
    };
    // Another root is the tree path's (an error, or a bare command sequence: IVR004); so is a
    // `<Response>` the policy names as a command, which it reads as a bare sequence.
    if !T::matches_element(root.name)
        || (wants_response
            && (options.policy.knows_element(root.name) || (names.field_evidence)(root.name, None)))
    {
        return Err(Bail);
    }
    let value = T::from_events(&root, &mut reader)?;
    loop {
        reader.pos = skip_space(input.as_bytes(), reader.pos);
        match reader.token()? {
            Token::Eof => break,
            Token::Comment => {}
            _ => return Err(Bail),
        }
    }
    if let Some(rules) = &reader.rules {
        rules.finish()?;
    }
    Ok(value)
}
