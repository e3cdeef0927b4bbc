//! How a document is laid out: the quote, the declaration and the indentation.

use std::borrow::Cow;
use std::fmt;

/// The quote character around attribute values.
///
/// ```
/// use ivr_xml::{Redirect, Quote, Response, Style};
/// let doc = Response::builder().main(Redirect::new("menu").tag("1")).build()?;
/// // The quote is for attributes; the declaration is chosen on its own.
/// let style = Style::compact().quote(Quote::Double);
/// assert_eq!(doc.to_string_with(&style), r#"<?xml version='1.0' encoding='UTF-8'?><Response><Redirect tag="1">menu</Redirect></Response>"#);
/// # Ok::<(), ivr_xml::BuildError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Quote {
    /// `'`, as in the conference and basic guides (the default).
    #[default]
    Single,
    /// `"`, as in the command reference and the REST bodies.
    Double,
}

/// Which XML declaration starts the document (spec §1.3).
///
/// ```
/// use ivr_xml::{Declaration, Hangup, Response, Style};
/// let doc = Response::builder().main(Hangup::new()).build()?;
/// let style = Style::compact().declaration(Declaration::None);
/// assert_eq!(doc.to_string_with(&style), "<Response><Hangup/></Response>");
/// # Ok::<(), ivr_xml::BuildError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Declaration {
    /// `<?xml version='1.0' encoding='UTF-8'?>`, as in the guide (the default).
    #[default]
    SingleQuoted,
    /// `<?xml version="1.0" encoding="UTF-8"?>`, as in the command reference's `<Get>` example.
    DoubleQuoted,
    /// `<?xml version="1.0" encoding="UTF-8" ?>`, as in the command reference's `<Play>` example.
    DoubleQuotedSpaceBeforeClose,
    /// No declaration, as in the basic guide and the guide's `<CmdNone/>` examples.
    None,
}

impl Declaration {
    /// The declaration's exact text (empty for [`Declaration::None`]).
    ///
    /// ```
    /// use ivr_xml::Declaration;
    /// assert_eq!(Declaration::DoubleQuotedSpaceBeforeClose.as_str(), r#"<?xml version="1.0" encoding="UTF-8" ?>"#);
    /// assert_eq!(Declaration::None.as_str(), "");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Declaration::SingleQuoted => "<?xml version='1.0' encoding='UTF-8'?>",
            Declaration::DoubleQuoted => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            Declaration::DoubleQuotedSpaceBeforeClose => {
                "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>"
            }
            Declaration::None => "",
        }
    }
}

/// How an empty element is closed: as the official examples close it, or always self-closed.
///
/// Both forms are the same XML (XML 1.0 §3.1: "empty-element tag" or a start tag directly followed
/// by its end tag). The crate promises the docs' bytes, so by default each element is closed as
/// its official example closes it: the guides write `<CmdNone/>`, `<Hangup/>` and
/// `<CreateConf .../>`, while the REST IVR外呼 (`ivr/dial`) request body writes
/// `<Dial ...></Dial>` with an explicit end tag \[official\] (spec §4.2), as the SDKs do
/// \[field\]. [`EmptyElements::SelfClosing`] writes `<Dial .../>` too, a few bytes shorter.
///
/// ```
/// use ivr_xml::rest::{official_style, Dial};
/// use ivr_xml::{to_string_with, EmptyElements};
/// let dial = Dial::new("13812345678");
/// assert_eq!(to_string_with(&dial, &official_style())?, r#"<Dial number="13812345678"></Dial>"#);
/// let short = official_style().empty_elements(EmptyElements::SelfClosing);
/// assert_eq!(to_string_with(&dial, &short)?, r#"<Dial number="13812345678"/>"#);
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EmptyElements {
    /// Each element as its official example closes it (the default): an end tag for the REST
    /// `<Dial>` \[official\], `/>` for every other element.
    #[default]
    AsDocs,
    /// Every empty element self-closed, `<Dial .../>` included.
    SelfClosing,
}

/// How a document is laid out: quote, declaration, and indentation.
///
/// [`Style::docs`] (the default) is the guide's style; [`Style::compact`] has no whitespace at all,
/// the form to send over the wire. Both, [`quote`](Style::quote), [`declaration`](Style::declaration)
/// and [`Style::indented`] are `const`, so a style can be a constant; an indent known only at
/// run time is set with [`indent`](Style::indent). Making one allocates nothing, except
/// `indent`, which keeps its own copy of the indent.
///
/// ```
/// use ivr_xml::{Declaration, Quote, Response, Style};
/// const REFERENCE: Style = Style::compact().quote(Quote::Double).declaration(Declaration::None);
/// const TABS: Style = Style::indented("\t").declaration(Declaration::None);
/// let doc = Response::hangup();
/// assert_eq!(doc.to_string_with(&REFERENCE), "<Response><Hangup/></Response>");
/// assert_eq!(doc.to_string_with(&TABS), "<Response>\n\t<Hangup/>\n</Response>");
/// // The same style, from an indent read at run time.
/// let indent = String::from("\t");
/// assert_eq!(Style::docs().declaration(Declaration::None).indent(&indent), TABS);
/// ```
///
/// ```
/// use ivr_xml::{CmdNone, Declaration, Quote, Response, Style};
/// let doc = Response::builder().main(CmdNone::new()).build().unwrap();
/// assert_eq!(doc.to_string(), "<?xml version='1.0' encoding='UTF-8'?>\n<Response>\n    <CmdNone/>\n</Response>");
/// assert_eq!(doc.to_string_with(&Style::compact()), "<?xml version='1.0' encoding='UTF-8'?><Response><CmdNone/></Response>");
/// let reference = Style::docs().quote(Quote::Double).declaration(Declaration::None).indent("");
/// assert_eq!(doc.to_string_with(&reference), "<Response>\n<CmdNone/>\n</Response>");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Style {
    pub(super) quote: Quote,
    declaration: Declaration,
    pub(super) empty: EmptyElements,
    pub(super) indent: Option<Cow<'static, str>>,
    /// How a line starts once something is written: worked out from `indent` when it is set,
    /// so that a writer does not look at the indent's bytes for every document.
    pub(super) lines: LineStart,
}

impl fmt::Debug for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Style")
            .field("quote", &self.quote)
            .field("declaration", &self.declaration)
            .field("indent", &self.indent)
            .field("empty", &self.empty)
            .finish()
    }
}

impl Default for Style {
    fn default() -> Style {
        Style::docs()
    }
}

impl Style {
    /// The guide's style: single quotes, `<?xml version='1.0' encoding='UTF-8'?>`, one element per
    /// line, four spaces per level, LF line ends.
    ///
    /// ```
    /// use ivr_xml::{CmdNone, Response, Style};
    /// let doc = Response::builder().main(CmdNone::new()).build()?;
    /// assert_eq!(doc.to_string_with(&Style::docs()), "<?xml version='1.0' encoding='UTF-8'?>\n<Response>\n    <CmdNone/>\n</Response>");
    /// assert_eq!(Style::docs(), Style::default());
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub const fn docs() -> Style {
        Style {
            quote: Quote::Single,
            declaration: Declaration::SingleQuoted,
            empty: EmptyElements::AsDocs,
            indent: Some(Cow::Borrowed("    ")),
            lines: LineStart::FourSpaces,
        }
    }

    /// The guide's style with `indent` per level instead of four spaces, in a `const`.
    ///
    /// The indent is the spaces and tabs `indent` starts with: it ends at the first other
    /// character, which would change the document. ([`indent`](Style::indent), for an indent
    /// known at run time, drops every other character instead.)
    ///
    /// ```
    /// use ivr_xml::{Declaration, Response, Style};
    /// const TWO: Style = Style::indented("  ");
    /// assert_eq!(TWO.indent_str(), Some("  "));
    /// assert_eq!(TWO, Style::docs().indent("  "));
    /// let doc = Response::cmd_none();
    /// assert_eq!(
    ///     doc.to_string_with(&TWO.declaration(Declaration::None)),
    ///     "<Response>\n  <CmdNone/>\n</Response>"
    /// );
    /// // The indent ends at the first character that is not a space or a tab.
    /// assert_eq!(Style::indented("\t\tx\t").indent_str(), Some("\t\t"));
    /// ```
    pub const fn indented(indent: &'static str) -> Style {
        let bytes = indent.as_bytes();
        let mut len = 0;
        while len < bytes.len() && matches!(bytes[len], b' ' | b'\t') {
            len += 1;
        }
        let (kept, _) = bytes.split_at(len);
        // Spaces and tabs only: UTF-8.
        let indent = match std::str::from_utf8(kept) {
            Ok(indent) => indent,
            Err(_) => "",
        };
        Style {
            quote: Quote::Single,
            declaration: Declaration::SingleQuoted,
            empty: EmptyElements::AsDocs,
            indent: Some(Cow::Borrowed(indent)),
            lines: LineStart::of(kept),
        }
    }

    /// The docs' quote and declaration with no whitespace at all between elements.
    ///
    /// ```
    /// use ivr_xml::{CmdNone, Response, Style};
    /// let doc = Response::builder().main(CmdNone::new()).build()?;
    /// assert_eq!(doc.to_string_with(&Style::compact()), "<?xml version='1.0' encoding='UTF-8'?><Response><CmdNone/></Response>");
    /// assert_eq!(Style::compact().indent_str(), None);
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub const fn compact() -> Style {
        Style {
            quote: Quote::Single,
            declaration: Declaration::SingleQuoted,
            empty: EmptyElements::AsDocs,
            indent: None,
            lines: LineStart::None,
        }
    }

    /// Sets the quote character.
    ///
    /// ```
    /// use ivr_xml::{Quote, Response, Style};
    /// let doc = Response::parse("<Response><Redirect tag='1'>menu</Redirect></Response>")?;
    /// let style = Style::compact().quote(Quote::Double);
    /// assert!(doc.to_string_with(&style).ends_with(r#"<Response><Redirect tag="1">menu</Redirect></Response>"#));
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub const fn quote(mut self, quote: Quote) -> Style {
        self.quote = quote;
        self
    }

    /// Sets the declaration.
    ///
    /// ```
    /// use ivr_xml::{CmdNone, Declaration, Response, Style};
    /// let doc = Response::builder().main(CmdNone::new()).build()?;
    /// let style = Style::compact().declaration(Declaration::DoubleQuoted);
    /// assert_eq!(doc.to_string_with(&style), r#"<?xml version="1.0" encoding="UTF-8"?><Response><CmdNone/></Response>"#);
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub const fn declaration(mut self, declaration: Declaration) -> Style {
        self.declaration = declaration;
        self
    }

    /// Sets how empty elements are closed ([`EmptyElements`]; by default as the docs close each).
    ///
    /// ```
    /// use ivr_xml::rest::{Dial, RestRequest};
    /// use ivr_xml::{EmptyElements, Style};
    /// let request = RestRequest::new("12345678", Dial::new("13812345678"));
    /// let style = Style::compact().empty_elements(EmptyElements::SelfClosing);
    /// assert!(request.to_string_with(&style)?.ends_with("<Dial number='13812345678'/></Request>"));
    /// assert!(request.to_string_with(&Style::compact())?.ends_with("<Dial number='13812345678'></Dial></Request>"));
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub const fn empty_elements(mut self, empty: EmptyElements) -> Style {
        self.empty = empty;
        self
    }

    /// One element per line, indented by `indent` per level (`""` puts every line at column 0).
    ///
    /// Characters other than spaces and tabs are dropped from the indent: anything else would
    /// change the document.
    ///
    /// ```
    /// use ivr_xml::{CmdNone, Declaration, Response, Style};
    /// let doc = Response::builder().main(CmdNone::new()).build()?;
    /// let style = Style::docs().declaration(Declaration::None).indent("\t");
    /// assert_eq!(doc.to_string_with(&style), "<Response>\n\t<CmdNone/>\n</Response>");
    /// // Anything but spaces and tabs is dropped.
    /// assert_eq!(Style::docs().indent(" x ").indent_str(), Some("  "));
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub fn indent(mut self, indent: &str) -> Style {
        let indent: String = indent.chars().filter(|c| matches!(c, ' ' | '\t')).collect();
        self.lines = LineStart::of(indent.as_bytes());
        self.indent = Some(Cow::Owned(indent));
        self
    }

    /// No whitespace between elements.
    ///
    /// ```
    /// use ivr_xml::{CmdNone, Declaration, Response, Style};
    /// let doc = Response::builder().main(CmdNone::new()).build()?;
    /// let style = Style::docs().declaration(Declaration::None).no_indent();
    /// assert_eq!(doc.to_string_with(&style), "<Response><CmdNone/></Response>");
    /// assert_eq!(style.indent_str(), None);
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub fn no_indent(mut self) -> Style {
        self.indent = None;
        self.lines = LineStart::None;
        self
    }

    /// The quote character in use.
    ///
    /// ```
    /// use ivr_xml::{Quote, Style};
    /// assert_eq!(Style::docs().quote_style(), Quote::Single);
    /// assert_eq!(Style::docs().quote(Quote::Double).quote_style(), Quote::Double);
    /// ```
    pub fn quote_style(&self) -> Quote {
        self.quote
    }

    /// The declaration in use.
    ///
    /// ```
    /// use ivr_xml::{Declaration, Style};
    /// assert_eq!(Style::docs().declaration_style(), Declaration::SingleQuoted);
    /// assert_eq!(Style::compact().declaration(Declaration::None).declaration_style(), Declaration::None);
    /// ```
    pub fn declaration_style(&self) -> Declaration {
        self.declaration
    }

    /// How empty elements are closed.
    ///
    /// ```
    /// use ivr_xml::{EmptyElements, Style};
    /// assert_eq!(Style::docs().empty_elements_style(), EmptyElements::AsDocs);
    /// let short = Style::compact().empty_elements(EmptyElements::SelfClosing);
    /// assert_eq!(short.empty_elements_style(), EmptyElements::SelfClosing);
    /// ```
    pub fn empty_elements_style(&self) -> EmptyElements {
        self.empty
    }

    /// The indent per level, or `None` when compact.
    ///
    /// ```
    /// use ivr_xml::Style;
    /// assert_eq!(Style::docs().indent_str(), Some("    "));
    /// assert_eq!(Style::compact().indent_str(), None);
    /// ```
    pub fn indent_str(&self) -> Option<&str> {
        self.indent.as_deref()
    }
}

/// How a line starts: what the writer writes before an element or an end tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum LineStart {
    /// Nothing: compact, or mixed content.
    None,
    /// The document's first line: the indentation, without a line break.
    BeforeFirst,
    /// A line break and four spaces per level (the docs' style): a constant-length write for
    /// the common depths.
    FourSpaces,
    /// A line break and spaces: a slice of `SPACE_LINES`.
    Spaces,
    /// A line break and tabs: a slice of `TAB_LINES`.
    Tabs,
    /// A line break and the indent, level by level (an indent of both spaces and tabs).
    Mixed,
}

impl LineStart {
    /// How lines start with `indent` (spaces and tabs) per level.
    const fn of(indent: &[u8]) -> LineStart {
        if let [b' ', b' ', b' ', b' '] = indent {
            return LineStart::FourSpaces;
        }
        let (mut spaces, mut tabs, mut i) = (true, true, 0);
        while i < indent.len() {
            spaces &= indent[i] == b' ';
            tabs &= indent[i] == b'\t';
            i += 1;
        }
        match (spaces, tabs) {
            (true, _) => LineStart::Spaces,
            (_, true) => LineStart::Tabs,
            _ => LineStart::Mixed,
        }
    }
}
