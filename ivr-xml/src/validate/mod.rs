//! Validation against the platform's rules: every finding, not just the first.
//!
//! Structural findings come from the [lenient parser](crate::ParseOptions::lenient), so one
//! unknown attribute does not hide the rest; rule findings come from the platform's execution and
//! nesting rules (spec §0.2, §1.7, §1.8). Each [`Diagnostic`] has a stable code from the
//! [catalogue](RULES), a severity that follows the evidence (an error only where official or
//! guide text says so), a message, a span, the element path and a help line.
//!
//! ```
//! use ivr_xml::validate::{validate, Severity};
//!
//! let findings = validate("<Response>\n    <Play>hi.wav</Play>\n    <Get action='menu'><Play>m.wav</Play></Get>\n</Response>");
//! let codes: Vec<&str> = findings.iter().map(|d| d.code).collect();
//! assert_eq!(codes, ["IVR201"]);
//! assert_eq!(findings[0].severity, Severity::Error);
//! assert_eq!(findings[0].to_string(), "3:5: error[IVR201]: `<Get>` can only be the main command, but it is command 2 (at Response/Get[1])");
//! ```

mod catalogue;
mod rules;

use std::fmt;

pub use catalogue::{Rule, RULES};

use crate::de::{from_str_with, parse_tree, Limits, ParseOptions};
use crate::error::{ErrorKind, Locator, ParseError, Position, Warning};
use crate::response::Response;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Something the platform may well accept, or whose effect is unknown (\[field\]/\[inferred\] evidence).
    Warning,
    /// Something official or guide text rules out, or XML that is not well-formed.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One finding: which rule, how serious, what, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// The rule's stable code (`IVR201`); see [`Rule::find`].
    pub code: &'static str,
    /// The rule's name (`get-not-main`).
    pub name: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What was found, naming the culprit.
    pub message: String,
    /// Where it starts.
    pub start: Position,
    /// Byte offset of the start.
    pub offset: usize,
    /// Length in bytes of the culprit (an element's `<Name`, an attribute's name), at least 1 unless the input is empty.
    pub len: usize,
    /// The element path, like `Response/Get[1]/@numdigits` (empty outside the root).
    pub path: String,
    /// How to fix it.
    pub help: &'static str,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}[{}]: {}",
            self.start, self.severity, self.code, self.message
        )?;
        if !self.path.is_empty() {
            write!(f, " (at {})", self.path)?;
        }
        Ok(())
    }
}

/// Options for [`validate_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ValidateOptions {
    /// Parser limits.
    pub limits: Limits,
}

/// Every finding in `text`, in document order, with the default limits.
pub fn validate(text: &str) -> Vec<Diagnostic> {
    validate_with(text, &ValidateOptions::default())
}

/// Every finding in `text`, in document order.
pub fn validate_with(text: &str, options: &ValidateOptions) -> Vec<Diagnostic> {
    let parse_options = ParseOptions::lenient().limits(options.limits);
    let mut findings = Vec::new();
    let at = Locator::new(text);
    match from_str_with::<Response>(text, &parse_options) {
        Ok(parsed) => findings.extend(parsed.warnings.iter().map(|w| from_warning(&at, w))),
        Err(err) => {
            findings.push(from_error(&at, &err));
            return findings;
        }
    }
    if let Ok(tree) = parse_tree(text, &parse_options) {
        rules::check(&at, &tree.value.root(), &mut findings);
    }
    findings.sort_by_key(|d| (d.offset, d.code));
    findings.dedup();
    findings
}

/// Every finding in `bytes`: input that is not UTF-8 is one error at the first bad byte.
///
/// ```
/// use ivr_xml::validate::validate_bytes;
/// let findings = validate_bytes(b"<Response>\n<Play>\xc4\xe3.wav</Play></Response>");
/// assert_eq!(findings[0].to_string(), "2:7: error[IVR001]: the input is not valid UTF-8");
/// ```
pub fn validate_bytes(bytes: &[u8]) -> Vec<Diagnostic> {
    match std::str::from_utf8(bytes) {
        Ok(text) => validate(text),
        Err(err) => {
            let valid = std::str::from_utf8(&bytes[..err.valid_up_to()]).unwrap_or("");
            let mut found = diagnostic(
                &Locator::new(valid),
                rule("IVR001"),
                ErrorKind::NotUtf8.to_string(),
                valid.len(),
                String::new(),
            );
            found.len = 1;
            vec![found]
        }
    }
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[Diagnostic]) -> bool {
    findings.iter().any(|d| d.severity == Severity::Error)
}

fn rule(code: &str) -> &'static Rule {
    // Every code used below is in the catalogue; a test checks it.
    Rule::find(code).unwrap_or(&RULES[0])
}

/// The catalogue rule for a parser finding.
fn rule_for(kind: &ErrorKind) -> &'static Rule {
    match kind {
        ErrorKind::Doctype => rule("IVR002"),
        ErrorKind::UnsupportedEncoding(_) => rule("IVR003"),
        ErrorKind::WrongRoot { .. } | ErrorKind::NoRoot => rule("IVR004"),
        ErrorKind::LimitExceeded { .. } => rule("IVR005"),
        ErrorKind::UnknownElement { .. } => rule("IVR101"),
        ErrorKind::UnknownAttribute { .. } => rule("IVR102"),
        ErrorKind::InvalidValue(err)
            if err.what() == "boolean"
                && (err.value().eq_ignore_ascii_case("true")
                    || err.value().eq_ignore_ascii_case("false")) =>
        {
            rule("IVR104")
        }
        ErrorKind::InvalidValue(err) if err.what() == "PlayMix" => rule("IVR206"),
        ErrorKind::InvalidValue(_) => rule("IVR103"),
        ErrorKind::UnexpectedChild { .. } | ErrorKind::UnexpectedText { .. } => rule("IVR105"),
        ErrorKind::MissingAttribute { .. } | ErrorKind::MissingChild { .. } => rule("IVR106"),
        ErrorKind::Syntax(message) if message.starts_with("byte order mark") => rule("IVR107"),
        ErrorKind::Syntax(message) if message.starts_with("`&` must start a reference") => {
            rule("IVR108")
        }
        ErrorKind::DuplicateChild { .. } => rule("IVR109"),
        _ => rule("IVR001"),
    }
}

pub(crate) fn diagnostic(
    at: &Locator<'_>,
    rule: &'static Rule,
    message: String,
    offset: usize,
    path: String,
) -> Diagnostic {
    Diagnostic {
        code: rule.code,
        name: rule.name,
        severity: rule.severity,
        message,
        start: at.position(offset),
        offset,
        len: culprit_len(at.source(), offset),
        path,
        help: rule.help,
    }
}

fn from_warning(at: &Locator<'_>, warning: &Warning) -> Diagnostic {
    diagnostic(
        at,
        rule_for(warning.kind()),
        warning.kind().to_string(),
        warning.offset(),
        warning.path().to_owned(),
    )
}

fn from_error(at: &Locator<'_>, err: &ParseError) -> Diagnostic {
    let mut found = diagnostic(
        at,
        rule_for(err.kind()),
        err.kind().to_string(),
        err.offset(),
        err.path().to_owned(),
    );
    // The strict reader stops at the first structural error: whatever it is, it is an error.
    found.severity = Severity::Error;
    found
}

/// The longest culprit underlined, in characters: a finding in a megabyte of one name (or of
/// text, at a size limit) must not cost a scan of all of it.
const MAX_CULPRIT_CHARS: usize = 256;

/// The length of what starts at `offset`: `<Name`, a name, or one character.
fn culprit_len(text: &str, offset: usize) -> usize {
    let Some(rest) = text.get(offset..) else {
        return 0;
    };
    let is_name = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':');
    if let Some(variable) = rest.strip_prefix('$') {
        return 1 + variable
            .chars()
            .take(MAX_CULPRIT_CHARS)
            .take_while(|&c| c.is_ascii_alphanumeric() || c == '_')
            .count();
    }
    let (prefix, body) = match rest.strip_prefix("</") {
        Some(body) => (2, body),
        None => match rest.strip_prefix('<') {
            Some(body) => (1, body),
            None => (0, rest),
        },
    };
    let name: usize = body
        .chars()
        .take(MAX_CULPRIT_CHARS)
        .take_while(|&c| is_name(c))
        .map(char::len_utf8)
        .sum();
    match prefix + name {
        0 => rest.chars().next().map_or(0, char::len_utf8),
        n => n,
    }
}
