//! Validation against the platform's rules: every finding, not just the first.
//!
//! Structural findings come from the [lenient parser](crate::ParseOptions::lenient), so one
//! unknown attribute does not hide the rest; rule findings come from the platform's execution and
//! nesting rules (spec §0.2, §1.7, §1.8). Each [`Diagnostic`] has a stable code from the
//! [catalogue](RULES), a severity from its level in the [policy](crate::policy) (by default an
//! error where official or guide text, or XML itself, rules a thing out, and for names nobody
//! documents, typos most often; a warning where the evidence is field code or inference), a
//! message, a span, the element path and a help line.
//!
//! The strict parser refuses a document exactly when the validator reports an error, with the
//! same code ([`ParseError::code`](crate::ParseError::code)).
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

use std::fmt;

pub use crate::rulebook::{Rule, Severity, RULES};

use crate::de::{Limits, Mode};
use crate::error::{rule_for, ErrorKind, Locator, ParseError, Position};
use crate::judge::judge;
use crate::response::Response;
use crate::rulebook::{rule, Policy};
#[cfg(doc)]
use crate::ParseOptions;

/// One finding: which rule, how serious, what, where, and how to fix it.
///
/// ```
/// use ivr_xml::validate::{validate, Severity};
/// let text = "<Response>\n    <Play>hi.wav</Play>\n    <Get action='menu'><Play>m.wav</Play></Get>\n</Response>";
/// let found = &validate(text)[0];
/// assert_eq!((found.code, found.name, found.severity), ("IVR201", "main-only", Severity::Error));
/// assert_eq!(found.start.to_string(), "3:5");
/// assert_eq!(&text[found.offset..found.offset + found.len], "<Get");
/// assert_eq!(found.path, "Response/Get[1]");
/// assert!(!found.help.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// The rule's stable code (`IVR201`); see [`Rule::find`].
    pub code: &'static str,
    /// The rule's name (`main-only`).
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

/// Options for [`validate_with`]: the parser limits and the [`Policy`] that gives each rule
/// its level (the same one [`ParseOptions::policy`] takes, so that the validator and the strict
/// parser agree).
///
/// ```
/// use ivr_xml::policy::Policy;
/// use ivr_xml::validate::{validate_with, ValidateOptions};
/// let text = "<Response><Record max='60'/><Hangup/></Response>";
/// assert_eq!(validate_with(text, &ValidateOptions::default())[0].code, "IVR101");
/// let options = ValidateOptions { policy: Policy::new().command("Record"), ..ValidateOptions::default() };
/// assert!(validate_with(text, &options).is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ValidateOptions {
    /// Parser limits.
    pub limits: Limits,
    /// Rule levels and the project's own names.
    pub policy: Policy,
}

/// Every finding in `text`, in document order, with the default limits and policy.
///
/// ```
/// use ivr_xml::validate::validate;
/// assert!(validate("<Response><Play>hi.wav</Play><Hangup/></Response>").is_empty());
/// // Every finding, not just the first.
/// let findings = validate("<Response><Play lop='2' numdigit='1'>hi.wav</Play></Response>");
/// let codes: Vec<&str> = findings.iter().map(|d| d.code).collect();
/// assert_eq!(codes, ["IVR102", "IVR102"]);
/// ```
pub fn validate(text: &str) -> Vec<Diagnostic> {
    validate_with(text, &ValidateOptions::default())
}

/// Every finding in `text` the policy does not allow, in document order: at level deny as an
/// [error](Severity::Error), at level warn as a [warning](Severity::Warning).
///
/// The strict parser refuses `text` (with the first error's finding) exactly when this reports
/// an error. A document that cannot be read at all (not well-formed, over a limit, a command
/// that cannot be kept raw where it stands) is one error, whatever the policy says.
///
/// ```
/// use ivr_xml::policy::Policy;
/// use ivr_xml::validate::{has_errors, validate_with, ValidateOptions};
/// let text = "<Response><Play numdigit='1'>a.wav</Play><Hangup/></Response>";
/// assert!(has_errors(&validate_with(text, &ValidateOptions::default())));
/// let options = ValidateOptions { policy: Policy::new().warn("IVR102")?, ..ValidateOptions::default() };
/// let findings = validate_with(text, &options);
/// assert!(!has_errors(&findings));
/// assert_eq!(findings[0].code, "IVR102");
/// # Ok::<(), ivr_xml::policy::UnknownRule>(())
/// ```
pub fn validate_with(text: &str, options: &ValidateOptions) -> Vec<Diagnostic> {
    let at = Locator::new(text);
    match judge::<Response>(text, options.limits, &options.policy, Mode::Lenient) {
        Ok((_, findings)) => findings
            .iter()
            .filter_map(|(level, finding)| {
                let severity = level.severity()?;
                let mut found = from_error(&at, finding);
                found.severity = severity;
                Some(found)
            })
            .collect(),
        Err(err) => vec![from_error(&at, &err)],
    }
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
///
/// ```
/// use ivr_xml::validate::{has_errors, validate};
/// assert!(has_errors(&validate("<Response><Hanqup/></Response>")));
/// // Warnings only: still accepted.
/// let warnings = validate("<Response><Get action='menu'><Play>m.wav</Play></Get></Response>");
/// assert!(!warnings.is_empty() && !has_errors(&warnings));
/// assert!(!has_errors(&[]));
/// ```
pub fn has_errors(findings: &[Diagnostic]) -> bool {
    findings.iter().any(|d| d.severity == Severity::Error)
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
        severity: rule.level.severity().unwrap_or(rule.severity),
        message,
        start: at.position(offset),
        offset,
        len: culprit_len(at.source(), offset),
        path,
        help: rule.help,
    }
}

fn from_error(at: &Locator<'_>, err: &ParseError) -> Diagnostic {
    // A hard error is an error whatever its rule's level; a judged finding's severity is set
    // by the caller.
    let mut found = diagnostic(
        at,
        rule_for(err.kind()),
        err.kind().to_string(),
        err.offset(),
        err.path().to_owned(),
    );
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
