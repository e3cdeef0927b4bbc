//! The one verdict of the strict parser, the lenient parser and the validator: a document is
//! read into a checked tree ([`de`](crate::de)), typed, checked against the platform's rules
//! ([`rules`]) and every finding is judged by the [`Policy`]. The entry points
//! ([`from_str_with`], [`from_str`], [`from_slice_with`]) are here, above the parser, the
//! commands and the rules they need.

// The fast path (de/fast/rules.rs) bails out on the rules' conditions, from their own name lists.
pub(crate) mod rules;

use std::sync::OnceLock;

use crate::commands::{field_name, Command};
use crate::de::{
    expected_of, read_tree, Document, FromXml, Limits, Mode, ParseContext, ParseOptions, Parsed,
};
use crate::error::{rule_for, ErrorKind, Locator, ParseError, Warning};
use crate::rulebook::{Level, Policy};

/// Parses a whole document whose root is a `T` (a [`Response`](crate::Response), or a single command).
///
/// ```
/// use ivr_xml::{from_str_with, ParseOptions, Play};
/// let play: Play = from_str_with("<Play loop='2'>menu.wav</Play>", &ParseOptions::strict()).unwrap().value;
/// assert_eq!(play.file.as_str(), "menu.wav");
/// ```
pub fn from_str_with<T: FromXml>(
    input: &str,
    options: &ParseOptions,
) -> Result<Parsed<T>, ParseError> {
    // Documents the fast path vouches for (no error, no finding) are typed straight from the
    // events; the checked tree reads the rest, and makes every error and warning.
    if options.mode == Mode::Strict {
        if let Ok(value) = crate::de::fast::parse::<T>(input, options, &RULE_NAMES) {
            return Ok(Parsed {
                value,
                warnings: Vec::new(),
            });
        }
    }
    from_tree_with(input, options)
}

/// [`from_str_with`] on the checked tree alone, with no fast path.
pub(crate) fn from_tree_with<T: FromXml>(
    input: &str,
    options: &ParseOptions,
) -> Result<Parsed<T>, ParseError> {
    let policy = &options.policy;
    let (value, findings) = match options.mode {
        Mode::Lenient => judge::<T>(input, options.limits, policy, Mode::Lenient)?,
        // The strict reading stops at the first thing it refuses: when the policy denies it,
        // that is the verdict (and the message is the strict parser's); otherwise the document
        // is read again leniently and judged finding by finding.
        Mode::Strict => match judge::<T>(input, options.limits, policy, Mode::Strict) {
            Ok(judged) => judged,
            Err(err) if denies(policy, &err) || !T::matches_element("Response") => return Err(err),
            Err(_) => judge::<T>(input, options.limits, policy, Mode::Lenient)?,
        },
    };
    let mut warnings = Vec::with_capacity(findings.len());
    for (level, finding) in findings {
        match (level, options.mode) {
            (Level::Allow, _) => {}
            (Level::Deny, Mode::Strict) => return Err(finding),
            _ => warnings.push(Warning::from_error(finding)),
        }
    }
    Ok(Parsed { value, warnings })
}

/// Reads `input` as a `T` leniently and judges every finding by `policy`: the one verdict the
/// strict parser, the lenient parser and the validator share. The findings are in document
/// order, each with its level; an `Err` is a hard error (not well-formed, a limit, a command
/// that cannot be kept raw where it stands).
pub(crate) fn judge<T: FromXml>(
    input: &str,
    limits: Limits,
    policy: &Policy,
    mode: Mode,
) -> Result<(T, Vec<(Level, ParseError)>), ParseError> {
    let wants_response = T::matches_element("Response");
    // The command names, listed once per process instead of once per parse.
    static COMMANDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let commands = COMMANDS.get_or_init(expected_of::<Command>);
    let is_command = |name: &str| {
        commands.contains(&name) || field_name(name, None).is_some() || policy.knows_element(name)
    };
    let wrap: Option<&dyn Fn(&str) -> bool> = match wants_response {
        true => Some(&is_command),
        false => None,
    };
    let (document, tree_warnings) = read_tree(input, limits, mode, wrap)?;
    let root = document.root();
    let mut cx = ParseContext::new(input, mode);
    let wrong_root = (!T::matches_element(root.name())).then(|| {
        let kind = ErrorKind::WrongRoot {
            found: root.name().to_owned(),
            expected: expected_of::<T>(),
        };
        ParseError::new(kind, cx.source(), root.offset(), String::new())
    });
    let mut found: Vec<ParseError> = Vec::new();
    if let Some(wrong_root) = wrong_root {
        if !T::accepts_element(root.name(), &cx) {
            return Err(wrong_root);
        }
        // Kept raw by a type that keeps unknown elements: the finding is the wrong root.
        found.push(wrong_root);
    }
    let value = cx.child::<T>(&root)?;
    let root_offset = root.offset();
    for warning in tree_warnings.into_iter().chain(cx.take_warnings()) {
        if !found.is_empty()
            && warning.offset() == root_offset
            && matches!(warning.kind(), ErrorKind::UnknownElement { .. })
        {
            continue;
        }
        if !wants_response || !is_known(policy, warning.kind()) {
            found.push(warning.as_error().clone());
        }
    }
    if let Some(first) = document.bare_sequence() {
        let kind = ErrorKind::Rule {
            code: "IVR004",
            message:
                "the commands are not wrapped in `<Response>`: read as a bare command sequence"
                    .to_owned(),
        };
        found.push(ParseError::new(kind, cx.source(), first, String::new()));
    }
    if wants_response {
        check_rules(cx.source(), &document, policy, &mut found);
    }
    // The policy judges IVR documents; other roots (a REST body, one command) keep what the
    // mode says: every finding is a warning of the lenient parser. Each finding's rule is looked
    // up once, for its level and its place in the order (the sort compared `code()`s, which
    // looked the rule up twice per comparison).
    let mut keyed: Vec<(usize, &'static str, Level, ParseError)> = found
        .into_iter()
        .map(|finding| {
            let rule = rule_for(finding.kind());
            let level = match wants_response {
                true => policy.level_of(rule),
                false => Level::Warn,
            };
            (finding.offset(), rule.code, level, finding)
        })
        .filter(|(_, _, level, _)| *level != Level::Allow)
        .collect();
    if keyed.len() > 1 {
        keyed.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    }
    let mut findings: Vec<(Level, ParseError)> = keyed
        .into_iter()
        .map(|(_, _, level, finding)| (level, finding))
        .collect();
    findings.dedup();
    Ok((value, findings))
}

/// Whether the finding is about a name the policy knows: a field-evidence name (reported by
/// IVR110 / IVR111 instead) or one the project declared.
fn is_known(policy: &Policy, kind: &ErrorKind) -> bool {
    match kind {
        ErrorKind::UnknownElement { name, .. } => {
            policy.knows_element(name) || field_name(name, None).is_some()
        }
        ErrorKind::UnknownAttribute { name, element, .. } => {
            policy.knows_attribute(element, name) || field_name(element, Some(name)).is_some()
        }
        _ => false,
    }
}

/// Whether the policy refuses a document for this finding.
fn denies(policy: &Policy, err: &ParseError) -> bool {
    !is_known(policy, err.kind()) && policy.level_of(rule_for(err.kind())) == Level::Deny
}

/// The rules on a read `Response`: field names everywhere, the platform's rules under a
/// `<Response>` root. Findings the policy allows are not built: the judge would drop them.
fn check_rules(
    at: &Locator<'_>,
    document: &Document<'_>,
    policy: &Policy,
    findings: &mut Vec<ParseError>,
) {
    rules::check_field_names(at, document, policy, findings);
    rules::check(at, &document.root(), policy, findings);
}

/// Parses a whole document whose root is a `T`, strictly.
///
/// ```
/// use ivr_xml::{from_str, Command};
/// let command: Command = from_str("<Hangup/>").unwrap();
/// assert_eq!(command, Command::Hangup(ivr_xml::Hangup::new()));
/// ```
pub fn from_str<T: FromXml>(input: &str) -> Result<T, ParseError> {
    from_str_with(input, &ParseOptions::strict()).map(|parsed| parsed.value)
}

/// Parses bytes, refusing input that is not UTF-8 with the position of the first bad byte.
///
/// ```
/// use ivr_xml::{from_slice_with, ParseOptions, Response};
/// let err = from_slice_with::<Response>(b"<Response>\xff</Response>", &ParseOptions::strict()).unwrap_err();
/// assert_eq!(err.to_string(), "1:11: the input is not valid UTF-8");
/// ```
pub fn from_slice_with<T: FromXml>(
    input: &[u8],
    options: &ParseOptions,
) -> Result<Parsed<T>, ParseError> {
    match std::str::from_utf8(input) {
        Ok(text) => from_str_with(text, options),
        Err(err) => {
            let valid = std::str::from_utf8(&input[..err.valid_up_to()]).unwrap_or("");
            Err(ParseError::new(
                ErrorKind::NotUtf8,
                &Locator::new(valid),
                valid.len(),
                String::new(),
            ))
        }
    }
}

/// The platform rules' names, for the fast path: the same generated lists the rules use.
static RULE_NAMES: crate::de::fast::RuleNames = crate::de::fast::RuleNames {
    main_only: crate::commands::MAIN_ONLY,
    reports_back: crate::commands::REPORTS_BACK,
    ends_flow: crate::commands::ENDS_FLOW,
    wants_failure_path: crate::commands::WANTS_FAILURE_PATH,
    field_evidence,
    field_evidence_element,
    url_attributes: rules::url_attributes,
    is_text_command: rules::is_text_command,
    // The commands, and the root every parse with rules opens.
    elements: || {
        let mut names = expected_of::<Command>();
        names.push("Response");
        names
    },
    table: crate::de::fast::FlagTable::new(),
};

fn field_evidence(element: &str, attribute: Option<&str>) -> bool {
    crate::commands::field_name(element, attribute).is_some()
}

fn field_evidence_element(element: &str) -> bool {
    crate::commands::FIELD_NAMES
        .iter()
        .any(|f| f.element == element)
}

/// The fast path alone: `Ok` only for a document the strict parser accepts with no warning
/// (with the same value), else [`Bail`](crate::__private::Bail). For tests that compare the two paths.
///
/// ```
/// use ivr_xml::__private::{parse_fast, Bail};
/// use ivr_xml::{ParseOptions, Response};
/// let options = ParseOptions::strict();
/// assert!(parse_fast::<Response>("<Response><Hangup/></Response>", &options).is_ok());
/// // A `<Get>` with no prompt is IVR207: a warning, which only the tree path makes.
/// let get = "<Response><Get action='a'/><Hangup/></Response>";
/// assert_eq!(parse_fast::<Response>(get, &options), Err(Bail));
/// ```
pub fn parse_fast<T: FromXml>(
    input: &str,
    options: &ParseOptions,
) -> Result<T, crate::de::fast::Bail> {
    crate::de::fast::parse(input, options, &RULE_NAMES)
}

/// The parser without its fast path: what [`from_str_with`](crate::from_str_with) does for a
/// document the fast path bails out of. For tests that compare the two paths.
///
/// ```
/// use ivr_xml::__private::parse_slow;
/// use ivr_xml::{ParseOptions, Response};
/// let get = "<Response><Get action='a'/><Hangup/></Response>";
/// let parsed = parse_slow::<Response>(get, &ParseOptions::strict())?;
/// assert_eq!(parsed.warnings[0].code(), "IVR207");
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
pub fn parse_slow<T: FromXml>(
    input: &str,
    options: &ParseOptions,
) -> Result<Parsed<T>, ParseError> {
    from_tree_with(input, options)
}
