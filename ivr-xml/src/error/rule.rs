//! Which catalogue rule a parser error is a finding of.

use super::ErrorKind;
use crate::rulebook::{rule, Rule};

/// The catalogue rule for a finding of the parser (or of a rule, which names its code).
pub(crate) fn rule_for(kind: &ErrorKind) -> &'static Rule {
    let code = match kind {
        ErrorKind::Rule { code, .. } => code,
        ErrorKind::Doctype => "IVR002",
        ErrorKind::UnsupportedEncoding(_) => "IVR003",
        ErrorKind::WrongRoot { .. } | ErrorKind::NoRoot => "IVR004",
        ErrorKind::LimitExceeded { .. } => "IVR005",
        ErrorKind::UnknownElement { .. } => "IVR101",
        ErrorKind::UnknownAttribute { .. } => "IVR102",
        ErrorKind::InvalidValue(err)
            if err.what() == "boolean"
                && (err.value().eq_ignore_ascii_case("true")
                    || err.value().eq_ignore_ascii_case("false")) =>
        {
            "IVR104"
        }
        ErrorKind::InvalidValue(err) if err.what() == "PlayMix" => "IVR206",
        ErrorKind::InvalidValue(_) => "IVR103",
        ErrorKind::UnexpectedChild { .. } | ErrorKind::UnexpectedText { .. } => "IVR105",
        ErrorKind::MissingAttribute { .. } | ErrorKind::MissingChild { .. } => "IVR106",
        ErrorKind::Syntax(message) if message.starts_with("byte order mark") => "IVR107",
        ErrorKind::Syntax(message) if message.starts_with("`&` must start a reference") => "IVR108",
        ErrorKind::DuplicateChild { .. } => "IVR109",
        _ => "IVR001",
    };
    // Every code above is in the catalogue; a test checks it.
    rule(code)
}
