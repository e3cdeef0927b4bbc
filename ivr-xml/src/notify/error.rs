//! What can go wrong reading a notification: a parameter missing or malformed (named, with its raw
//! value and what was expected), an unexpected path segment, bad percent-encoding, bytes that are
//! not UTF-8, a limit exceeded, or a malformed XML body.

use std::fmt::{self, Write as _};

use crate::error::ParseError;

/// The encoding a notification's parameters arrived in.
///
/// ```
/// use ivr_xml::notify::Encoding;
/// assert_eq!(Encoding::Query.to_string(), "query string");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Encoding {
    /// The URL query string (what the platform sends, spec §3.1).
    Query,
    /// An `application/x-www-form-urlencoded` body.
    Form,
    /// An XML body: `<Request>` or `<request>` with one child element per parameter.
    Xml,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Query => "query string",
            Encoding::Form => "form body",
            Encoding::Xml => "XML body",
        })
    }
}

/// What a [`NotifyError`] is about.
///
/// ```
/// use ivr_xml::notify::{Message, NotifyErrorKind, StartService};
/// let err = StartService::from_query("appid=a1").unwrap_err();
/// assert!(matches!(err.kind(), NotifyErrorKind::MissingParam { name, .. } if name == "callid"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotifyErrorKind {
    /// A required parameter is absent.
    MissingParam {
        /// The parameter's name.
        name: String,
        /// What a valid value looks like.
        expected: String,
    },
    /// A parameter's value is malformed.
    InvalidParam {
        /// The parameter's name.
        name: String,
        /// The value received, percent-decoded.
        raw: String,
        /// What a valid value looks like.
        expected: String,
    },
    /// A parameter the message reads is given twice with different values.
    DuplicateParam {
        /// The parameter's name.
        name: String,
        /// The first value.
        first: String,
        /// The first different value after it.
        second: String,
    },
    /// A parameter has one value in the query string and another in the body, and conflicts are
    /// refused ([`NotifyOptions::refuse_conflicts`](super::NotifyOptions::refuse_conflicts)).
    Conflict {
        /// The parameter's name.
        name: String,
        /// Its value in the query string.
        query: String,
        /// Its value in the body.
        body: String,
    },
    /// The request's path names none of the segments the application expects.
    UnexpectedSegment {
        /// The path received.
        path: String,
        /// The segments expected.
        expected: Vec<&'static str>,
    },
    /// A `%` not followed by two hexadecimal digits.
    BadPercentEncoding {
        /// Where.
        encoding: Encoding,
        /// Byte offset of the `%` in the query string or body.
        offset: usize,
        /// The bad escape as found (at most three characters).
        found: String,
    },
    /// Bytes that are not UTF-8, raw or once percent-decoded.
    NotUtf8 {
        /// Where.
        encoding: Encoding,
        /// Byte offset, in the query string or body, of the parameter holding them.
        offset: usize,
    },
    /// A configured limit was exceeded (see [`NotifyOptions`](super::NotifyOptions)).
    LimitExceeded {
        /// Where.
        encoding: Encoding,
        /// Which limit.
        limit: &'static str,
        /// Its value.
        max: usize,
    },
    /// A body whose content type is neither form nor XML nor plain text.
    UnsupportedContentType {
        /// The content type received.
        content_type: String,
    },
    /// The XML body is malformed or not a flat `<Request>`; the error has line, column and path.
    Xml(ParseError),
}

/// Values are shown escaped and cut to this many characters, so a message stays one readable line.
const SHOWN_CHARS: usize = 80;

fn show(f: &mut fmt::Formatter<'_>, value: &str) -> fmt::Result {
    f.write_char('`')?;
    for (i, c) in value.chars().enumerate() {
        if i == SHOWN_CHARS {
            f.write_str("…")?;
            break;
        }
        if c.is_control() {
            write!(f, "{}", c.escape_default())?;
        } else {
            f.write_char(c)?;
        }
    }
    f.write_char('`')
}

fn list(f: &mut fmt::Formatter<'_>, names: &[&str]) -> fmt::Result {
    match names {
        [] => f.write_str("nothing (no segment is declared)"),
        [one] => write!(f, "`{one}`"),
        _ => {
            f.write_str("one of ")?;
            for (i, name) in names.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "`{name}`")?;
            }
            Ok(())
        }
    }
}

impl fmt::Display for NotifyErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotifyErrorKind::MissingParam { name, expected } => {
                write!(f, "missing parameter `{name}`: expected {expected}")
            }
            NotifyErrorKind::InvalidParam {
                name,
                raw,
                expected,
            } => {
                write!(f, "invalid parameter `{name}` = ")?;
                show(f, raw)?;
                write!(f, ": expected {expected}")
            }
            NotifyErrorKind::DuplicateParam {
                name,
                first,
                second,
            } => {
                write!(f, "parameter `{name}` is given twice, as ")?;
                show(f, first)?;
                f.write_str(" and as ")?;
                show(f, second)?;
                f.write_str(": expected one value")
            }
            NotifyErrorKind::Conflict { name, query, body } => {
                write!(f, "parameter `{name}` is ")?;
                show(f, query)?;
                f.write_str(" in the query string but ")?;
                show(f, body)?;
                f.write_str(" in the body: expected the same value in both")
            }
            NotifyErrorKind::UnexpectedSegment { path, expected } => {
                f.write_str("unexpected notification path ")?;
                show(f, path)?;
                f.write_str(": expected a path ending in ")?;
                list(f, expected)
            }
            NotifyErrorKind::BadPercentEncoding {
                encoding,
                offset,
                found,
            } => {
                write!(f, "{encoding}: invalid percent-encoding ")?;
                show(f, found)?;
                write!(
                    f,
                    " at byte {offset}: expected `%` and two hexadecimal digits"
                )
            }
            NotifyErrorKind::NotUtf8 { encoding, offset } => write!(
                f,
                "{encoding}: the parameter at byte {offset} is not UTF-8 once percent-decoded"
            ),
            NotifyErrorKind::LimitExceeded {
                encoding,
                limit,
                max,
            } => write!(f, "{encoding}: input exceeds the {limit} limit of {max}"),
            NotifyErrorKind::UnsupportedContentType { content_type } => {
                f.write_str("unsupported content type ")?;
                show(f, content_type)?;
                f.write_str(": expected `application/x-www-form-urlencoded`, an XML type, `text/plain` or none")
            }
            NotifyErrorKind::Xml(err) => write!(f, "XML body: {err}"),
        }
    }
}

/// A notification that could not be read: which message, which parameter, the raw value and what
/// was expected.
///
/// ```
/// use ivr_xml::notify::{Message, StopService};
/// let err = StopService::from_query("appid=a1&callid=c1&starttime=2017-09-27").unwrap_err();
/// assert_eq!(err.param(), Some("starttime"));
/// assert_eq!(
///     err.to_string(),
///     "stopservice notification: invalid parameter `starttime` = `2017-09-27`: \
///      expected a time written yyyyMMddHHmmss, like `20170927163908`"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotifyError {
    kind: Box<NotifyErrorKind>,
    message: Option<&'static str>,
}

impl NotifyError {
    /// An error of this kind, about no message in particular.
    ///
    /// ```
    /// use ivr_xml::notify::{NotifyError, NotifyErrorKind};
    /// let err = NotifyError::new(NotifyErrorKind::MissingParam { name: "confid".into(), expected: "a conference id".into() });
    /// assert_eq!(err.to_string(), "missing parameter `confid`: expected a conference id");
    /// ```
    pub fn new(kind: NotifyErrorKind) -> NotifyError {
        NotifyError {
            kind: Box::new(kind),
            message: None,
        }
    }

    /// Says which message was being read (its [`Message::KIND`](super::Message::KIND)), unless
    /// the error already says so.
    ///
    /// ```
    /// use ivr_xml::notify::{NotifyError, NotifyErrorKind};
    /// let err = NotifyError::new(NotifyErrorKind::MissingParam { name: "cdrid".into(), expected: "an id".into() })
    ///     .in_message("cdr callback");
    /// assert_eq!(err.message(), Some("cdr callback"));
    /// assert_eq!(err.to_string(), "cdr callback: missing parameter `cdrid`: expected an id");
    /// ```
    pub fn in_message(mut self, message: &'static str) -> NotifyError {
        self.message.get_or_insert(message);
        self
    }

    /// What went wrong.
    ///
    /// ```
    /// use ivr_xml::notify::{NotifyErrorKind, Params};
    /// let err = Params::from_query("a=%zz").unwrap_err();
    /// assert!(matches!(err.kind(), NotifyErrorKind::BadPercentEncoding { offset: 2, .. }));
    /// ```
    pub fn kind(&self) -> &NotifyErrorKind {
        &self.kind
    }

    /// The message being read when it went wrong, if known.
    ///
    /// ```
    /// use ivr_xml::notify::{DtmfReport, Message};
    /// assert_eq!(DtmfReport::from_query("").unwrap_err().message(), Some("Get report"));
    /// ```
    pub fn message(&self) -> Option<&'static str> {
        self.message
    }

    /// The parameter the error is about, if it is about one.
    ///
    /// ```
    /// use ivr_xml::notify::{DtmfReport, Message};
    /// let err = DtmfReport::from_query("appid=a&callid=c&digits=12x").unwrap_err();
    /// assert_eq!(err.param(), Some("digits"));
    /// ```
    pub fn param(&self) -> Option<&str> {
        match &*self.kind {
            NotifyErrorKind::MissingParam { name, .. }
            | NotifyErrorKind::InvalidParam { name, .. }
            | NotifyErrorKind::DuplicateParam { name, .. }
            | NotifyErrorKind::Conflict { name, .. } => Some(name),
            _ => None,
        }
    }
}

impl From<NotifyErrorKind> for NotifyError {
    fn from(kind: NotifyErrorKind) -> NotifyError {
        NotifyError::new(kind)
    }
}

impl fmt::Display for NotifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(message) = self.message {
            write!(f, "{message}: ")?;
        }
        self.kind.fmt(f)
    }
}

impl std::error::Error for NotifyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.kind {
            NotifyErrorKind::Xml(err) => Some(err),
            _ => None,
        }
    }
}
