//! Rule levels and a project's own names: the data of a [`Policy`], which the parser carries
//! in its options, below everything that reads documents.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use super::{Rule, Severity};
use crate::describe::Describe;

/// What a finding of one rule does: nothing, a warning, or an error.
///
/// ```
/// use ivr_xml::policy::Level;
/// assert_eq!("warn".parse::<Level>(), Ok(Level::Warn));
/// assert_eq!(Level::Deny.to_string(), "deny");
/// assert!(Level::Allow < Level::Deny);
/// assert!("error".parse::<Level>().unwrap_err().contains("expected `allow`, `warn` or `deny`"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported as a warning: the document is still accepted (and run by the simulator).
    Warn,
    /// Reported as an error: the strict parser refuses the document, `ivr-xml validate` exits 1
    /// and the simulator does not run it.
    Deny,
}

impl Level {
    /// The severity a finding at this level is reported with (none when allowed).
    ///
    /// ```
    /// use ivr_xml::policy::Level;
    /// use ivr_xml::validate::Severity;
    /// assert_eq!(Level::Deny.severity(), Some(Severity::Error));
    /// assert_eq!(Level::Warn.severity(), Some(Severity::Warning));
    /// assert_eq!(Level::Allow.severity(), None);
    /// ```
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Warn => Some(Severity::Warning),
            Level::Deny => Some(Severity::Error),
        }
    }

    /// The level a rule of this severity has by default.
    ///
    /// ```
    /// use ivr_xml::policy::Level;
    /// use ivr_xml::validate::Severity;
    /// assert_eq!(Level::of(Severity::Error), Level::Deny);
    /// assert_eq!(Level::of(Severity::Warning), Level::Warn);
    /// ```
    pub const fn of(severity: Severity) -> Level {
        match severity {
            Severity::Warning => Level::Warn,
            Severity::Error => Level::Deny,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        })
    }
}

impl FromStr for Level {
    type Err = String;

    /// `allow`, `warn` or `deny`.
    fn from_str(text: &str) -> Result<Level, String> {
        match text {
            "allow" => Ok(Level::Allow),
            "warn" => Ok(Level::Warn),
            "deny" => Ok(Level::Deny),
            other => Err(format!(
                "unknown level `{other}`: expected `allow`, `warn` or `deny`"
            )),
        }
    }
}

/// A rule code or name that is not in the catalogue.
///
/// ```
/// use ivr_xml::policy::{Policy, UnknownRule};
/// let err = Policy::new().allow("IVR999").unwrap_err();
/// assert_eq!(err, UnknownRule("IVR999".to_owned()));
/// assert_eq!(err.to_string(), "no rule `IVR999`: `ivr-xml explain` lists them");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownRule(pub String);

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no rule `{}`: `ivr-xml explain` lists them", self.0)
    }
}

impl std::error::Error for UnknownRule {}

/// Rule levels and a project's own names; the default is the catalogue's levels and no names.
///
/// See the [module documentation](crate::policy).
///
/// ```
/// use ivr_xml::policy::{Level, Policy};
/// let policy = Policy::new().warn("IVR101")?.command("Record");
/// assert_eq!(policy.level("unknown-element"), Level::Warn);
/// assert!(policy.knows_element("Record"));
/// # Ok::<(), ivr_xml::policy::UnknownRule>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Policy {
    levels: BTreeMap<&'static str, Level>,
    elements: BTreeSet<String>,
    attributes: BTreeSet<(String, String)>,
}

impl Policy {
    /// The catalogue's default levels, no extra names.
    ///
    /// ```
    /// use ivr_xml::policy::{Level, Policy};
    /// let policy = Policy::new();
    /// assert_eq!(policy.level("IVR101"), Level::Deny);
    /// assert_eq!(policy.levels().count(), 0);
    /// assert_eq!(policy.commands().count(), 0);
    /// ```
    pub fn new() -> Policy {
        Policy::default()
    }

    /// Sets the level of one rule, by code (`IVR101`) or name (`unknown-element`).
    ///
    /// ```
    /// use ivr_xml::policy::{Level, Policy};
    /// let mut policy = Policy::new();
    /// policy.set_level("unknown-element", Level::Warn)?;
    /// assert_eq!(policy.level("IVR101"), Level::Warn);
    /// assert!(policy.set_level("no-such-rule", Level::Allow).is_err());
    /// # Ok::<(), ivr_xml::policy::UnknownRule>(())
    /// ```
    pub fn set_level(&mut self, code_or_name: &str, level: Level) -> Result<(), UnknownRule> {
        let rule = Rule::find(code_or_name).ok_or_else(|| UnknownRule(code_or_name.to_owned()))?;
        self.levels.insert(rule.code, level);
        Ok(())
    }

    /// Sets a rule's level (`--allow`, `--warn`, `--deny` on the command line).
    ///
    /// ```
    /// use ivr_xml::policy::{Level, Policy};
    /// let policy = Policy::new().with_level("IVR205", Level::Deny)?;
    /// assert_eq!(policy.level("no-failure-path"), Level::Deny);
    /// # Ok::<(), ivr_xml::policy::UnknownRule>(())
    /// ```
    pub fn with_level(mut self, code_or_name: &str, level: Level) -> Result<Policy, UnknownRule> {
        self.set_level(code_or_name, level)?;
        Ok(self)
    }

    /// Does not report the rule.
    ///
    /// ```
    /// use ivr_xml::policy::{Level, Policy};
    /// assert_eq!(Policy::new().allow("IVR205")?.level("IVR205"), Level::Allow);
    /// # Ok::<(), ivr_xml::policy::UnknownRule>(())
    /// ```
    pub fn allow(self, code_or_name: &str) -> Result<Policy, UnknownRule> {
        self.with_level(code_or_name, Level::Allow)
    }

    /// Reports the rule as a warning.
    ///
    /// ```
    /// use ivr_xml::policy::{Level, Policy};
    /// assert_eq!(Policy::new().warn("IVR101")?.level("IVR101"), Level::Warn);
    /// # Ok::<(), ivr_xml::policy::UnknownRule>(())
    /// ```
    pub fn warn(self, code_or_name: &str) -> Result<Policy, UnknownRule> {
        self.with_level(code_or_name, Level::Warn)
    }

    /// Reports the rule as an error.
    ///
    /// ```
    /// use ivr_xml::policy::{Level, Policy};
    /// assert_eq!(Policy::new().deny("IVR205")?.level("IVR205"), Level::Deny);
    /// # Ok::<(), ivr_xml::policy::UnknownRule>(())
    /// ```
    pub fn deny(self, code_or_name: &str) -> Result<Policy, UnknownRule> {
        self.with_level(code_or_name, Level::Deny)
    }

    /// The level of a rule, by code or name (a code not in the catalogue is denied).
    ///
    /// ```
    /// use ivr_xml::policy::{Level, Policy};
    /// let policy = Policy::new();
    /// assert_eq!(policy.level("IVR205"), Level::Warn);
    /// assert_eq!(policy.level("ivr101"), Level::Deny);
    /// assert_eq!(policy.level("IVR999"), Level::Deny); // unknown: denied
    /// ```
    pub fn level(&self, code_or_name: &str) -> Level {
        match Rule::find(code_or_name) {
            Some(rule) => self.level_of(rule),
            None => Level::Deny,
        }
    }

    /// The level of `rule`.
    ///
    /// ```
    /// use ivr_xml::policy::{Level, Policy};
    /// use ivr_xml::validate::Rule;
    /// let rule = Rule::find("IVR101").unwrap();
    /// assert_eq!(Policy::new().level_of(rule), Level::Deny);
    /// assert_eq!(Policy::new().allow("IVR101")?.level_of(rule), Level::Allow);
    /// # Ok::<(), ivr_xml::policy::UnknownRule>(())
    /// ```
    pub fn level_of(&self, rule: &Rule) -> Level {
        self.levels.get(rule.code).copied().unwrap_or(rule.level)
    }

    /// The levels set, by code.
    ///
    /// ```
    /// use ivr_xml::policy::{Level, Policy};
    /// let policy = Policy::new().allow("unknown-element")?.warn("IVR205")?;
    /// let levels: Vec<_> = policy.levels().collect();
    /// assert_eq!(levels, [("IVR101", Level::Allow), ("IVR205", Level::Warn)]);
    /// # Ok::<(), ivr_xml::policy::UnknownRule>(())
    /// ```
    pub fn levels(&self) -> impl Iterator<Item = (&'static str, Level)> + '_ {
        self.levels.iter().map(|(code, level)| (*code, *level))
    }

    /// Makes an element name known: a command the project uses that the library does not ship
    /// (it is then kept raw by [`Command::Raw`](crate::Command::Raw) without a finding).
    ///
    /// ```
    /// use ivr_xml::policy::Policy;
    /// let policy = Policy::new().command("Record");
    /// assert!(policy.knows_element("Record"));
    /// assert!(!policy.knows_element("Recrod"));
    /// ```
    pub fn command(mut self, name: impl Into<String>) -> Policy {
        self.elements.insert(name.into());
        self
    }

    /// Makes the element names of a type known: a `#[derive(Xml)]` command of your own (the
    /// elements its [description](crate::describe) lists).
    ///
    /// ```
    /// use ivr_xml::{policy::Policy, ParseOptions, Response, Xml};
    /// #[derive(Debug, Xml)]
    /// #[xml(element = "Record")]
    /// struct Record {
    ///     #[xml(attribute)]
    ///     max: Option<u32>,
    /// }
    /// let options = ParseOptions::strict().policy(Policy::new().register::<Record>());
    /// assert!(Response::parse_with("<Response><Record max='5'/><Hangup/></Response>", &options).is_ok());
    /// ```
    pub fn register<T: Describe>(mut self) -> Policy {
        self.elements
            .extend(T::ELEMENTS.iter().map(|e| e.name.to_owned()));
        self
    }

    /// Makes an attribute known on `element` (`*`: on every element): a platform extension the
    /// project uses. It is kept in the command's `extra` without a finding.
    ///
    /// ```
    /// use ivr_xml::policy::Policy;
    /// let policy = Policy::new().attribute("PlayTTS", "voice").attribute("*", "trace");
    /// assert!(policy.knows_attribute("PlayTTS", "voice"));
    /// assert!(!policy.knows_attribute("Get", "voice"));
    /// assert!(policy.knows_attribute("Get", "trace"));
    /// ```
    pub fn attribute(mut self, element: impl Into<String>, name: impl Into<String>) -> Policy {
        self.attributes.insert((element.into(), name.into()));
        self
    }

    /// Whether the project named this element.
    ///
    /// ```
    /// use ivr_xml::policy::Policy;
    /// assert!(Policy::new().command("Record").knows_element("Record"));
    /// assert!(!Policy::new().knows_element("Record"));
    /// ```
    pub fn knows_element(&self, name: &str) -> bool {
        self.elements.contains(name)
    }

    /// Whether the project named this attribute on this element (or on every element).
    ///
    /// ```
    /// use ivr_xml::policy::Policy;
    /// let policy = Policy::new().attribute("Hangup", "reason");
    /// assert!(policy.knows_attribute("Hangup", "reason"));
    /// assert!(!policy.knows_attribute("Redirect", "reason"));
    /// ```
    pub fn knows_attribute(&self, element: &str, name: &str) -> bool {
        self.attributes
            .iter()
            .any(|(e, n)| n == name && (e == element || e == "*"))
    }

    /// The element names the project added.
    ///
    /// ```
    /// use ivr_xml::policy::Policy;
    /// let policy = Policy::new().command("Record").command("Bridge");
    /// assert_eq!(policy.commands().collect::<Vec<_>>(), ["Bridge", "Record"]);
    /// ```
    pub fn commands(&self) -> impl Iterator<Item = &str> + '_ {
        self.elements.iter().map(String::as_str)
    }
}
