//! How to parse: the [`Mode`] (strict or lenient), the [`Limits`] on untrusted input, the
//! [`ParseOptions`] that carry them with the [`Policy`](crate::policy::Policy), and [`Parsed`], a
//! value with the warnings the policy does not allow. Plain data read by the tree reader and the
//! typed parser; nothing here reads input.

use crate::error::Warning;
use crate::rulebook::Policy;

/// Strict or lenient (spec §0.4).
///
/// Both read the same way and find the same things; they differ in what a finding at level
/// [`Level::Deny`](crate::policy::Level::Deny) of the [policy](crate::policy) does: the strict parser refuses the document
/// with it, the lenient parser returns it as a [`Warning`]. Hard errors (XML that is not
/// well-formed, a limit, a command that cannot be kept raw where it stands) refuse the document
/// in both modes.
///
/// ```
/// use ivr_xml::{Mode, ParseOptions, Response};
/// let text = "<Response><Hangup volume='3'/></Response>";
/// assert!(Response::parse_with(text, &ParseOptions::strict().mode(Mode::Strict)).is_err());
/// let parsed = Response::parse_with(text, &ParseOptions::strict().mode(Mode::Lenient))?;
/// assert_eq!(parsed.warnings.len(), 1);
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// A finding the policy denies (an unknown element or attribute, a main-only command as a
    /// sub-command, a value out of range, ...) is an error (the default). Findings at level
    /// warn are returned as warnings.
    #[default]
    Strict,
    /// Unknown elements and attributes are kept raw, a bare command sequence is read into a
    /// `Response`, and every finding the policy does not allow is a [`Warning`], as is a known
    /// command that fails to parse where a raw element can stand.
    Lenient,
}

/// Limits on untrusted input. Exceeding one is an error.
///
/// ```
/// use ivr_xml::{Limits, ParseOptions, Response};
/// let options = ParseOptions::strict().limits(Limits::default().max_depth(2));
/// let err = Response::parse_with("<Response><Get><Play>a</Play></Get></Response>", &options).unwrap_err();
/// assert_eq!(err.to_string(), "1:16: input exceeds the nesting depth limit of 2 (at Response/Get[1]/Play[1])");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    pub(super) max_bytes: usize,
    pub(super) max_depth: usize,
    pub(super) max_attributes: usize,
    pub(super) max_elements: usize,
}

impl Default for Limits {
    /// 1 MiB, depth 32, 64 attributes per element, 100,000 elements.
    fn default() -> Limits {
        Limits {
            max_bytes: 1 << 20,
            max_depth: 32,
            max_attributes: 64,
            max_elements: 100_000,
        }
    }
}

impl Limits {
    /// The largest input accepted, in bytes (default 1 MiB).
    ///
    /// ```
    /// use ivr_xml::{Limits, ParseOptions, Response};
    /// let options = ParseOptions::strict().limits(Limits::default().max_bytes(16));
    /// assert!(Response::parse_with("<Response/>", &options).is_ok());
    /// let err = Response::parse_with("<Response><Hangup/></Response>", &options).unwrap_err();
    /// assert!(err.to_string().contains("16"), "{err}");
    /// ```
    pub fn max_bytes(mut self, n: usize) -> Limits {
        self.max_bytes = n;
        self
    }

    /// The deepest nesting that can be allowed, whatever [`max_depth`](Limits::max_depth) asks:
    /// the typed model, its writer and the validator recurse once per level, and 256 levels stay
    /// far inside the smallest thread stack an application runs them on (2 MiB on tokio's
    /// workers). The platform's documents nest three deep.
    ///
    /// ```
    /// use ivr_xml::{Limits, ParseOptions};
    /// let options = ParseOptions::strict().limits(Limits::default().max_depth(usize::MAX));
    /// assert_eq!(options.parse_limits(), Limits::default().max_depth(Limits::DEPTH_CEILING));
    /// ```
    pub const DEPTH_CEILING: usize = 256;

    /// The deepest element nesting accepted, the root being 1 (default 32, at most
    /// [`DEPTH_CEILING`](Limits::DEPTH_CEILING)).
    ///
    /// ```
    /// use ivr_xml::{from_str_with, Limits, ParseOptions, Response};
    /// let deep = format!("<Response>{}{}</Response>", "<a>".repeat(1000), "</a>".repeat(1000));
    /// let options = ParseOptions::lenient().limits(Limits::default().max_depth(1_000_000));
    /// let err = from_str_with::<Response>(&deep, &options).unwrap_err();
    /// assert!(err.to_string().contains("nesting depth limit of 256"), "{err}");
    /// ```
    pub fn max_depth(mut self, n: usize) -> Limits {
        self.max_depth = n.min(Limits::DEPTH_CEILING);
        self
    }

    /// The most attributes on one element (default 64).
    ///
    /// ```
    /// use ivr_xml::{Limits, ParseOptions, Response};
    /// let options = ParseOptions::strict().limits(Limits::default().max_attributes(1));
    /// assert!(Response::parse_with("<Response><Redirect tag='1'>m</Redirect></Response>", &options).is_ok());
    /// let err = Response::parse_with("<Response><Get action='a' numdigits='1'/></Response>", &options).unwrap_err();
    /// assert!(err.to_string().contains("attribute"), "{err}");
    /// ```
    pub fn max_attributes(mut self, n: usize) -> Limits {
        self.max_attributes = n;
        self
    }

    /// The most elements in one document (default 100,000).
    ///
    /// ```
    /// use ivr_xml::{Limits, ParseOptions, Response};
    /// let options = ParseOptions::strict().limits(Limits::default().max_elements(2));
    /// assert!(Response::parse_with("<Response><Hangup/></Response>", &options).is_ok());
    /// let err = Response::parse_with("<Response><Play>a</Play><Hangup/></Response>", &options).unwrap_err();
    /// assert!(err.to_string().contains("element"), "{err}");
    /// ```
    pub fn max_elements(mut self, n: usize) -> Limits {
        self.max_elements = n;
        self
    }
}

/// How to parse: [`Mode`], [`Limits`] and the [`Policy`] that says what is an error.
///
/// ```
/// use ivr_xml::{ParseOptions, Response};
/// let text = "<Response><Get action='a' volume='3'><Play>p.wav</Play></Get><Hangup/></Response>";
/// assert_eq!(text.parse::<Response>().unwrap_err().code(), "IVR102");
/// let parsed = Response::parse_with(text, &ParseOptions::lenient()).unwrap();
/// assert_eq!(parsed.warnings[0].path(), "Response/Get[1]/@volume");
/// assert!(parsed.value.to_string().contains("<Get action='a' volume='3'>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ParseOptions {
    pub(crate) mode: Mode,
    pub(crate) limits: Limits,
    pub(crate) policy: Policy,
}

impl ParseOptions {
    /// Strict parsing with default limits.
    ///
    /// ```
    /// use ivr_xml::{Mode, ParseOptions, Response};
    /// assert_eq!(ParseOptions::strict().parse_mode(), Mode::Strict);
    /// let err = Response::parse_with("<Response><Hangup volume='3'/></Response>", &ParseOptions::strict()).unwrap_err();
    /// assert_eq!(err.code(), "IVR102");
    /// ```
    pub fn strict() -> ParseOptions {
        ParseOptions::default()
    }

    /// Lenient parsing with default limits.
    ///
    /// ```
    /// use ivr_xml::{Mode, ParseOptions, Response};
    /// assert_eq!(ParseOptions::lenient().parse_mode(), Mode::Lenient);
    /// let parsed = Response::parse_with("<Response><Hangup volume='3'/></Response>", &ParseOptions::lenient())?;
    /// assert_eq!(parsed.warnings[0].path(), "Response/Hangup[1]/@volume");
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn lenient() -> ParseOptions {
        ParseOptions {
            mode: Mode::Lenient,
            ..ParseOptions::default()
        }
    }

    /// Sets the limits.
    ///
    /// ```
    /// use ivr_xml::{Limits, ParseOptions};
    /// let limits = Limits::default().max_elements(10);
    /// assert_eq!(ParseOptions::strict().limits(limits).parse_limits(), limits);
    /// ```
    pub fn limits(mut self, limits: Limits) -> ParseOptions {
        self.limits = limits;
        self
    }

    /// Sets the mode.
    ///
    /// ```
    /// use ivr_xml::{Mode, ParseOptions};
    /// assert_eq!(ParseOptions::strict().mode(Mode::Lenient), ParseOptions::lenient());
    /// ```
    pub fn mode(mut self, mode: Mode) -> ParseOptions {
        self.mode = mode;
        self
    }

    /// The mode in use.
    ///
    /// ```
    /// use ivr_xml::{Mode, ParseOptions};
    /// assert_eq!(ParseOptions::default().parse_mode(), Mode::Strict);
    /// assert_eq!(ParseOptions::lenient().parse_mode(), Mode::Lenient);
    /// ```
    pub fn parse_mode(&self) -> Mode {
        self.mode
    }

    /// Sets the policy: rule levels and the project's own names (see [`crate::policy`]).
    ///
    /// ```
    /// use ivr_xml::policy::Policy;
    /// use ivr_xml::ParseOptions;
    /// let options = ParseOptions::strict().policy(Policy::default());
    /// assert_eq!(options.parse_policy(), &Policy::default());
    /// ```
    pub fn policy(mut self, policy: Policy) -> ParseOptions {
        self.policy = policy;
        self
    }

    /// The policy in use.
    ///
    /// ```
    /// use ivr_xml::policy::Policy;
    /// use ivr_xml::ParseOptions;
    /// assert_eq!(ParseOptions::strict().parse_policy(), &Policy::default());
    /// ```
    pub fn parse_policy(&self) -> &Policy {
        &self.policy
    }

    /// The limits in use.
    ///
    /// ```
    /// use ivr_xml::{Limits, ParseOptions};
    /// assert_eq!(ParseOptions::strict().parse_limits(), Limits::default());
    /// ```
    pub fn parse_limits(&self) -> Limits {
        self.limits
    }
}

/// A parsed value with the findings the policy does not allow.
///
/// ```
/// use ivr_xml::{Parsed, ParseOptions, Response};
/// let Parsed { value, warnings } = Response::parse_with("<Response><Hangup volume='3'/></Response>", &ParseOptions::lenient())?;
/// assert_eq!(value.commands().len(), 1);
/// assert_eq!(warnings[0].code(), "IVR102");
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Parsed<T> {
    /// The value.
    pub value: T,
    /// The findings, in document order: in strict mode those at level warn; in lenient mode
    /// those at level warn or deny (what the strict parser would have refused).
    pub warnings: Vec<Warning>,
}
