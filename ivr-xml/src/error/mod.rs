//! Errors and warnings: what went wrong, where (line:column and element path), and what was expected.

use std::fmt;

mod kind;
mod position;
mod rule;
mod value;

pub use kind::ErrorKind;
pub(crate) use position::Locator;
pub use position::Position;
pub(crate) use rule::rule_for;
pub(crate) use value::write_one_line;
pub use value::ValueError;

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
        rule::rule_for(&self.0.kind).code
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
