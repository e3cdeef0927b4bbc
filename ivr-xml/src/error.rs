//! Errors and warnings: what went wrong, where (line:column and element path), and what was expected.

use std::fmt;

/// A position in a parsed document, 1-based, with the column counted in characters.
///
/// ```
/// use ivr_xml::Position;
/// let at = Position::from_offset("<Response>\n  <Foo/>", 13);
/// assert_eq!((at.line, at.column), (2, 3));
/// assert_eq!(at.to_string(), "2:3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Position {
    /// Line number, starting at 1.
    pub line: u32,
    /// Column number in characters, starting at 1.
    pub column: u32,
}

impl Position {
    /// Computes the line and column of a byte offset into `source`.
    ///
    /// Offsets past the end, or inside a character, are clamped to the nearest character start.
    ///
    /// ```
    /// use ivr_xml::Position;
    /// let pos = Position::from_offset("<a>\n  <b/>", 6);
    /// assert_eq!((pos.line, pos.column), (2, 3));
    /// ```
    ///
    /// This scans `source` up to `offset`; to locate many offsets in one document, the parser and
    /// the validator use one locator per document, which costs time linear in the document.
    pub fn from_offset(source: &str, offset: usize) -> Position {
        Locator::new(source).position(offset)
    }
}

/// Turns byte offsets of one document into line:column positions.
///
/// It remembers the last position it computed and counts on from there, so locating findings in
/// document order costs time linear in the document, not in documents times findings (a
/// megabyte of unknown elements on one line would otherwise cost minutes). An offset before the
/// previous one counts again from the start.
#[derive(Debug)]
pub(crate) struct Locator<'s> {
    source: &'s str,
    /// The last offset located (a character boundary), with its line and column.
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'s> Locator<'s> {
    pub(crate) fn new(source: &'s str) -> Locator<'s> {
        Locator {
            source,
            last: std::cell::Cell::new((0, 1, 1)),
        }
    }

    /// The document being located into.
    pub(crate) fn source(&self) -> &'s str {
        self.source
    }

    /// The line and column of `offset`, clamped to the nearest character start at or before it.
    pub(crate) fn position(&self, offset: usize) -> Position {
        let source = self.source;
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let (from, mut line, mut column) = match self.last.get() {
            last @ (from, _, _) if from <= offset => last,
            _ => (0, 1, 1),
        };
        let between = source.get(from..offset).unwrap_or("");
        match between.rfind('\n') {
            Some(last_newline) => {
                line += between.bytes().filter(|&b| b == b'\n').count();
                column = between[last_newline + 1..].chars().count() + 1;
            }
            None => column += between.chars().count(),
        }
        self.last.set((offset, line, column));
        Position {
            line: saturate(line),
            column: saturate(column),
        }
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A value that cannot be used: out of range, of the wrong form, or holding characters XML 1.0 cannot carry.
///
/// Returned when a typed value is made ([`NumDigits::new`](crate::NumDigits::new), [`Text::new`](crate::Text::new), ...)
/// and, for values given to builders, when the document is built.
///
/// ```
/// use ivr_xml::MaxMember;
/// let err = MaxMember::new(301).unwrap_err();
/// assert_eq!(err.to_string(), "invalid maxmember `301`: expected an integer from 3 to 300");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ValueError {
    what: &'static str,
    value: String,
    expected: String,
}

impl ValueError {
    /// Creates an error for `value` of the named kind, saying what was expected.
    ///
    /// ```
    /// use ivr_xml::ValueError;
    /// let err = ValueError::new("queuetype", "many", "an integer from 0 to 9");
    /// assert_eq!(err.to_string(), "invalid queuetype `many`: expected an integer from 0 to 9");
    /// ```
    pub fn new(
        what: &'static str,
        value: impl Into<String>,
        expected: impl Into<String>,
    ) -> ValueError {
        ValueError {
            what,
            value: value.into(),
            expected: expected.into(),
        }
    }

    /// What kind of value was refused (`numdigits`, `text`, ...).
    ///
    /// ```
    /// let err = ivr_xml::NumDigits::new(0).unwrap_err();
    /// assert_eq!(err.what(), "numdigits");
    /// ```
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The refused value, as given.
    ///
    /// ```
    /// let err = ivr_xml::NumDigits::new(0).unwrap_err();
    /// assert_eq!(err.value(), "0");
    /// ```
    pub fn value(&self) -> &str {
        &self.value
    }

    /// What would have been accepted.
    ///
    /// ```
    /// let err = ivr_xml::NumDigits::new(0).unwrap_err();
    /// assert_eq!(err.expected(), "an integer >= 1");
    /// ```
    pub fn expected(&self) -> &str {
        &self.expected
    }
}

/// Writes `text` with control characters escaped, so that a message is one line whatever the
/// input holds, cut after `max_chars` characters with `...`.
pub(crate) fn write_one_line(
    out: &mut impl fmt::Write,
    text: &str,
    max_chars: usize,
) -> fmt::Result {
    for c in text.chars().take(max_chars) {
        if c.is_control() {
            for escaped in c.escape_default() {
                out.write_char(escaped)?;
            }
        } else {
            out.write_char(c)?;
        }
    }
    if text.chars().nth(max_chars).is_some() {
        out.write_str("...")?;
    }
    Ok(())
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} `", self.what)?;
        // Control characters are shown escaped so that a message never carries them raw.
        write_one_line(f, &self.value, usize::MAX)?;
        write!(f, "`: expected {}", self.expected)
    }
}

impl std::error::Error for ValueError {}

/// What a [`ParseError`] is about.
///
/// ```
/// use ivr_xml::{ErrorKind, Response};
/// let err = "<Response><Hanqup/></Response>".parse::<Response>().unwrap_err();
/// match err.kind() {
///     ErrorKind::UnknownElement { name, .. } => assert_eq!(name, "Hanqup"),
///     other => panic!("unexpected {other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not well-formed XML (quick-xml's message, or ours).
    Syntax(String),
    /// The input is not UTF-8.
    NotUtf8,
    /// The declaration names an encoding other than UTF-8.
    UnsupportedEncoding(String),
    /// The declaration is not the first thing in the document, or is malformed.
    BadDeclaration(String),
    /// A `<!DOCTYPE>`: refused, so entities are never defined or expanded.
    Doctype,
    /// A processing instruction other than the XML declaration.
    ProcessingInstruction(String),
    /// The root element is not the one expected.
    WrongRoot {
        /// The name found.
        found: String,
        /// The names accepted.
        expected: Vec<&'static str>,
    },
    /// There is no root element at all.
    NoRoot,
    /// Something other than whitespace or comments follows the root element.
    ContentAfterRoot,
    /// Non-whitespace text outside the root element.
    TextOutsideRoot,
    /// An element whose name is not known in this position.
    UnknownElement {
        /// The element found.
        name: String,
        /// The elements accepted here.
        expected: Vec<&'static str>,
    },
    /// An element that is known, but not allowed inside this parent.
    UnexpectedChild {
        /// The child found.
        name: String,
        /// Its parent.
        parent: String,
        /// The children the parent accepts (empty: none).
        expected: Vec<&'static str>,
    },
    /// Text inside an element that holds no text.
    UnexpectedText {
        /// The element.
        element: String,
    },
    /// An attribute not known on this element.
    UnknownAttribute {
        /// The attribute.
        name: String,
        /// The element.
        element: String,
        /// The attributes the element accepts.
        expected: Vec<&'static str>,
    },
    /// The same attribute twice on one element.
    DuplicateAttribute {
        /// The attribute.
        name: String,
    },
    /// A required attribute is missing.
    MissingAttribute {
        /// The attribute.
        name: &'static str,
        /// The element.
        element: String,
    },
    /// An attribute or text value of the wrong type or out of range.
    InvalidValue(ValueError),
    /// An end tag that does not match the open element.
    MismatchedEndTag {
        /// The open element.
        expected: String,
        /// The end tag found.
        found: String,
    },
    /// The document ends while an element is still open.
    UnclosedElement {
        /// The open element.
        name: String,
    },
    /// A configured limit was exceeded (see [`Limits`](crate::Limits)).
    LimitExceeded {
        /// Which limit.
        limit: &'static str,
        /// Its value.
        max: usize,
    },
    /// An element is given more than once where at most one is allowed.
    DuplicateChild {
        /// The element.
        name: String,
    },
    /// A required child element is missing.
    MissingChild {
        /// The parent element.
        element: String,
        /// What was expected.
        expected: Vec<&'static str>,
    },
    /// A rule of the platform found on the whole document (the main-only commands, an
    /// execution-order rule, ...), at the level its [policy](crate::policy) gives it.
    Rule {
        /// The rule's code, like `IVR201`.
        code: &'static str,
        /// What was found.
        message: String,
    },
}

fn list(names: &[&'static str]) -> String {
    match names {
        [] => "nothing".to_owned(),
        [one] => format!("`{one}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}", quoted.join(", "))
        }
    }
}

/// Appends "; did you mean `x`?" when one expected name is a likely typo of `found`.
fn suggest(f: &mut fmt::Formatter<'_>, found: &str, expected: &[&'static str]) -> fmt::Result {
    let lower = found.to_lowercase();
    let best = expected
        .iter()
        .map(|candidate| (edit_distance(&lower, &candidate.to_lowercase()), candidate))
        .filter(|(distance, _)| *distance <= 2.max(found.chars().count() / 4))
        .min_by_key(|(distance, _)| *distance);
    match best {
        Some((_, candidate)) => write!(f, "; did you mean `{candidate}`?"),
        None => Ok(()),
    }
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Syntax(msg) => write!(f, "malformed XML: {msg}"),
            ErrorKind::NotUtf8 => f.write_str("the input is not valid UTF-8"),
            ErrorKind::UnsupportedEncoding(enc) => {
                write!(f, "unsupported encoding `{enc}`: expected UTF-8")
            }
            ErrorKind::BadDeclaration(msg) => write!(f, "bad XML declaration: {msg}"),
            ErrorKind::Doctype => {
                f.write_str("a DOCTYPE is not allowed (entities are never defined or expanded)")
            }
            ErrorKind::ProcessingInstruction(target) => {
                write!(f, "processing instruction `<?{target}` is not allowed")
            }
            ErrorKind::WrongRoot { found, expected } => {
                write!(
                    f,
                    "wrong root element `<{found}>`: expected {}",
                    list(expected)
                )
            }
            ErrorKind::NoRoot => f.write_str("no root element: expected `<Response>`"),
            ErrorKind::ContentAfterRoot => {
                f.write_str("content after the root element: expected nothing but whitespace")
            }
            ErrorKind::TextOutsideRoot => {
                f.write_str("text outside the root element: expected nothing but whitespace")
            }
            ErrorKind::UnknownElement { name, expected } => {
                write!(f, "unknown element `<{name}>`: expected {}", list(expected))?;
                suggest(f, name, expected)
            }
            ErrorKind::UnexpectedChild {
                name,
                parent,
                expected,
            } => {
                if expected.is_empty() {
                    write!(f, "`<{name}>` is not allowed inside `<{parent}>`, which takes no child elements")
                } else {
                    write!(
                        f,
                        "`<{name}>` is not allowed inside `<{parent}>`: expected {}",
                        list(expected)
                    )
                }
            }
            ErrorKind::UnexpectedText { element } => {
                write!(f, "text is not allowed inside `<{element}>`")
            }
            ErrorKind::UnknownAttribute {
                name,
                element,
                expected,
            } => {
                write!(
                    f,
                    "unknown attribute `{name}` on `<{element}>`: expected {}",
                    list(expected)
                )?;
                suggest(f, name, expected)
            }
            ErrorKind::DuplicateAttribute { name } => write!(f, "duplicate attribute `{name}`"),
            ErrorKind::MissingAttribute { name, element } => {
                write!(
                    f,
                    "`<{element}>` is missing its required attribute `{name}`"
                )
            }
            ErrorKind::InvalidValue(err) => err.fmt(f),
            ErrorKind::MismatchedEndTag { expected, found } => {
                write!(
                    f,
                    "end tag `</{found}>` does not match the open element `<{expected}>`"
                )
            }
            ErrorKind::UnclosedElement { name } => {
                write!(f, "the document ends before `<{name}>` is closed")
            }
            ErrorKind::LimitExceeded { limit, max } => {
                write!(f, "input exceeds the {limit} limit of {max}")
            }
            ErrorKind::DuplicateChild { name } => {
                write!(
                    f,
                    "`<{name}>` is given more than once where at most one is allowed"
                )
            }
            ErrorKind::MissingChild { element, expected } => {
                write!(
                    f,
                    "`<{element}>` is missing its child element: expected {}",
                    list(expected)
                )
            }
            ErrorKind::Rule { message, .. } => f.write_str(message),
        }
    }
}

/// A document that could not be parsed: what went wrong, at which line:column, and in which element.
///
/// ```
/// use ivr_xml::Response;
/// let err = "<Response>\n  <Get numdigits='0'/>\n</Response>".parse::<Response>().unwrap_err();
/// assert_eq!(err.position().line, 2);
/// assert_eq!(err.path(), "Response/Get[1]/@numdigits");
/// assert_eq!(
///     err.to_string(),
///     "2:8: invalid numdigits `0`: expected an integer >= 1 (at Response/Get[1]/@numdigits)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParseError(Box<ErrorDetails>);

/// Boxed, so that a `Result<T, ParseError>` is hardly larger than `T`: parsing moves many of them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ErrorDetails {
    kind: ErrorKind,
    position: Position,
    offset: usize,
    path: String,
}

impl ParseError {
    pub(crate) fn new(
        kind: ErrorKind,
        at: &Locator<'_>,
        offset: usize,
        path: String,
    ) -> ParseError {
        ParseError(Box::new(ErrorDetails {
            kind,
            position: at.position(offset),
            offset,
            path,
        }))
    }

    /// What went wrong.
    ///
    /// ```
    /// use ivr_xml::Response;
    /// let err = "<Response>\n  <Hanqup/>\n</Response>".parse::<Response>().unwrap_err();
    /// assert!(matches!(err.kind(), ivr_xml::ErrorKind::UnknownElement { .. }));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Where, as line and column.
    ///
    /// ```
    /// use ivr_xml::Response;
    /// let err = "<Response>\n  <Hanqup/>\n</Response>".parse::<Response>().unwrap_err();
    /// assert_eq!((err.position().line, err.position().column), (2, 3));
    /// ```
    pub fn position(&self) -> Position {
        self.0.position
    }

    /// Where, as a byte offset into the input.
    ///
    /// ```
    /// use ivr_xml::Response;
    /// let err = "<Response>\n  <Hanqup/>\n</Response>".parse::<Response>().unwrap_err();
    /// assert_eq!(err.offset(), 13); // the byte offset of `<Hanqup`
    /// ```
    pub fn offset(&self) -> usize {
        self.0.offset
    }

    /// In which element (and attribute), like `Response/Get[1]/@numdigits`; empty outside the root.
    ///
    /// ```
    /// use ivr_xml::Response;
    /// let err = "<Response>\n  <Hanqup/>\n</Response>".parse::<Response>().unwrap_err();
    /// assert_eq!(err.path(), "Response/Hanqup[1]");
    /// ```
    pub fn path(&self) -> &str {
        &self.0.path
    }

    /// The code of the [rule](crate::validate::RULES) that refused the document, as the
    /// validator reports it (`IVR101` for an unknown element, `IVR201` for a main-only command
    /// elsewhere, ...).
    ///
    /// ```
    /// use ivr_xml::Response;
    /// let err = "<Response><Play>a.wav</Play><Get/></Response>".parse::<Response>().unwrap_err();
    /// assert_eq!(err.code(), "IVR201");
    /// ```
    pub fn code(&self) -> &'static str {
        crate::policy::rule_for(&self.0.kind).code
    }
}

impl ParseError {
    /// `line:column: {label}{kind} (at path)`.
    fn write_located(&self, f: &mut fmt::Formatter<'_>, label: &str) -> fmt::Result {
        write!(f, "{}: {label}{}", self.0.position, self.0.kind)?;
        if !self.0.path.is_empty() {
            write!(f, " (at {})", self.0.path)?;
        }
        Ok(())
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_located(f, "")
    }
}

impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0.kind {
            ErrorKind::InvalidValue(err) => Some(err),
            _ => None,
        }
    }
}

/// A finding of the lenient parser: something kept raw, or accepted although the strict parser refuses it.
///
/// ```
/// use ivr_xml::{ParseOptions, Response};
/// let parsed = Response::parse_with("<Response><Record max='5'/></Response>", &ParseOptions::lenient()).unwrap();
/// assert_eq!(parsed.warnings.len(), 1);
/// assert_eq!(parsed.warnings[0].path(), "Response/Record[1]");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Warning(ParseError);

impl Warning {
    pub(crate) fn from_error(err: ParseError) -> Warning {
        Warning(err)
    }

    /// What the strict parser would have refused.
    ///
    /// ```
    /// use ivr_xml::{ParseOptions, Response};
    /// let parsed = Response::parse_with("<Response>\n  <Hanqup/>\n</Response>", &ParseOptions::lenient())?;
    /// let warning = &parsed.warnings[0];
    /// assert!(matches!(warning.kind(), ivr_xml::ErrorKind::UnknownElement { .. }));
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        self.0.kind()
    }

    /// Where, as line and column.
    ///
    /// ```
    /// use ivr_xml::{ParseOptions, Response};
    /// let parsed = Response::parse_with("<Response>\n  <Hanqup/>\n</Response>", &ParseOptions::lenient())?;
    /// let warning = &parsed.warnings[0];
    /// assert_eq!(warning.position().line, 2);
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn position(&self) -> Position {
        self.0.position()
    }

    /// Where, as a byte offset into the input.
    ///
    /// ```
    /// use ivr_xml::{ParseOptions, Response};
    /// let parsed = Response::parse_with("<Response>\n  <Hanqup/>\n</Response>", &ParseOptions::lenient())?;
    /// let warning = &parsed.warnings[0];
    /// assert_eq!(warning.offset(), 13);
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn offset(&self) -> usize {
        self.0.offset()
    }

    /// In which element (and attribute).
    ///
    /// ```
    /// use ivr_xml::{ParseOptions, Response};
    /// let parsed = Response::parse_with("<Response>\n  <Hanqup/>\n</Response>", &ParseOptions::lenient())?;
    /// let warning = &parsed.warnings[0];
    /// assert_eq!(warning.path(), "Response/Hanqup[1]");
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn path(&self) -> &str {
        self.0.path()
    }

    /// The code of the rule that reports it (see [`ParseError::code`]).
    ///
    /// ```
    /// use ivr_xml::{ParseOptions, Response};
    /// let parsed = Response::parse_with("<Response>\n  <Hanqup/>\n</Response>", &ParseOptions::lenient())?;
    /// let warning = &parsed.warnings[0];
    /// assert_eq!(warning.code(), "IVR101");
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    /// The error the strict parser reports for the same thing.
    ///
    /// ```
    /// use ivr_xml::{ParseOptions, Response};
    /// let parsed = Response::parse_with("<Response>\n  <Hanqup/>\n</Response>", &ParseOptions::lenient())?;
    /// let warning = &parsed.warnings[0];
    /// // The same finding as the strict parser's refusal.
    /// let strict = "<Response>\n  <Hanqup/>\n</Response>".parse::<Response>().unwrap_err();
    /// assert_eq!(warning.as_error(), &strict);
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn as_error(&self) -> &ParseError {
        &self.0
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_located(f, "warning: ")
    }
}

/// A document the builder refused: a value given to a builder was invalid, or a rule of the platform is broken.
///
/// ```
/// use ivr_xml::{Get, Response};
/// let err = Response::builder().main(Get::new().numdigits(0)).build().unwrap_err();
/// assert_eq!(err.to_string(), "invalid numdigits `0`: expected an integer >= 1 (in `<Get>`, command 1)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BuildError {
    error: ValueError,
    context: String,
}

impl BuildError {
    pub(crate) fn new(error: ValueError, context: String) -> BuildError {
        BuildError { error, context }
    }

    /// The refused value.
    ///
    /// ```
    /// use ivr_xml::{Get, Response};
    /// let err = Response::builder().main(Get::new().numdigits(0)).build().unwrap_err();
    /// assert_eq!(err.value_error().what(), "numdigits");
    /// ```
    pub fn value_error(&self) -> &ValueError {
        &self.error
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.error, self.context)
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}
