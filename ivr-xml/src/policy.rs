//! One verdict on every document: the level of each rule, and the names a project adds.
//!
//! Every finding has a rule in the [catalogue](crate::validate::RULES): a stable code, a
//! severity that follows the evidence (spec §0.4: an error where official or guide text, or XML
//! itself, rules a thing out; a warning otherwise) and a default [`Level`]. A [`Policy`] can set
//! any rule's level, the way `#[allow]`, `#[warn]` and `#[deny]` do for rustc's lints, and can
//! name the commands and attributes a project uses beyond the library's.
//!
//! The strict parser ([`FromStr`](std::str::FromStr), [`ParseOptions::strict`](crate::ParseOptions::strict)),
//! the lenient parser, [`validate`](crate::validate::validate_with) and the `ivr-xml-sim`
//! simulator all take their verdict from the same policy: **a document is refused by the strict
//! parser exactly when the validator reports an error** (a finding at level [`Level::Deny`]),
//! and a finding at level [`Level::Warn`] never refuses a document.
//!
//! ```
//! use ivr_xml::policy::{Level, Policy};
//! use ivr_xml::{ParseOptions, Response};
//!
//! // A typo is an error by default, with a did-you-mean.
//! let typo = "<Response><Hanqup/></Response>";
//! let err = typo.parse::<Response>().unwrap_err();
//! assert_eq!(err.code(), "IVR101");
//! assert!(err.to_string().contains("did you mean `Hangup`?"), "{err}");
//!
//! // A project that uses its own `<Record>` command says so.
//! let doc = "<Response><Record max='60'/><Hangup/></Response>";
//! assert!(doc.parse::<Response>().is_err());
//! let options = ParseOptions::strict().policy(Policy::new().command("Record"));
//! assert!(Response::parse_with(doc, &options).is_ok());
//!
//! // Levels per rule, as on the command line (`--allow IVR101`).
//! let options = ParseOptions::strict().policy(Policy::new().allow("IVR101")?);
//! assert!(Response::parse_with(typo, &options).is_ok());
//! assert_eq!(Policy::new().level("IVR205"), Level::Warn);
//! # Ok::<(), ivr_xml::policy::UnknownRule>(())
//! ```

pub use crate::commands::{field_name, FieldName, FIELD_NAMES, MAIN_ONLY};
pub use crate::rulebook::{Level, Policy, UnknownRule};
use crate::rulebook::{Rule, RULES};

/// Every rule with its default level, for the table in the README (`ivr-xml explain`).
///
/// ```
/// use ivr_xml::policy::{default_levels, Level};
/// let (rule, level) = default_levels().find(|(rule, _)| rule.code == "IVR205").unwrap();
/// assert_eq!(rule.name, "no-failure-path");
/// assert_eq!(level, Level::Warn);
/// ```
pub fn default_levels() -> impl Iterator<Item = (&'static Rule, Level)> {
    RULES.iter().map(|rule| (rule, rule.level))
}
