//! `ErrorKind`: what a parse error is about, and its message (with "did you mean").

use std::fmt;

use super::ValueError;

/// What a [`ParseError`](crate::ParseError) is about.
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
                    )?;
                    // A misspelt REST operation (`<Dail>`) lands here, not as an unknown element.
                    suggest(f, name, expected)
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
