//! The data every verdict is made from, below everything that reads documents: the rule
//! catalogue ([`RULES`]), the [`Severity`] of a finding, and the [`Policy`] that gives each rule
//! its [`Level`]. Public through [`validate`](crate::validate) and [`policy`](crate::policy).

mod catalogue;
mod policy;

use std::fmt;

pub use catalogue::{Rule, RULES};
pub use policy::{Level, Policy, UnknownRule};

/// How serious a finding is.
///
/// ```
/// use ivr_xml::validate::{validate, Severity};
/// assert_eq!(Severity::Error.to_string(), "error");
/// assert!(Severity::Warning < Severity::Error);
/// // `<Get>` without a failure path is only a warning (IVR205).
/// let findings = validate("<Response><Get action='menu'><Play>m.wav</Play></Get></Response>");
/// assert_eq!(findings[0].severity, Severity::Warning);
/// ```
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

/// The rule of `code`, which the crate's own code names (a test checks each is in the catalogue).
pub(crate) fn rule(code: &str) -> &'static Rule {
    Rule::find(code).unwrap_or(&RULES[0])
}
