//! The platform's execution and nesting rules, checked on the element tree.
//!
//! Strict parse's fast path (`de/fast/rules.rs`, `RuleState`) bails out wherever one of these rules
//! could fire, using the name lists below: a new rule needs its condition (or a wider one) there.

use std::borrow::Cow;

use crate::commands::{
    field_name, Command, ENDS_FLOW, FIELD_NAMES, MAIN_ONLY, REPORTS_BACK, WANTS_FAILURE_PATH,
};
use crate::de::{Attribute, Document, Element, Node};
use crate::describe::{self, Describe, ValueKind};
use crate::error::{ErrorKind, Locator, ParseError};
use crate::rulebook::{rule, Level, Policy, Rule};

/// The names of the attributes that hold a relative URL on some command (their description's
/// kind is [`ValueKind::Url`]): checked as URLs on any element, listed once per process.
pub(crate) fn url_attributes() -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<&'static str> = Command::ELEMENTS
            .iter()
            .flat_map(|e| e.attributes)
            .filter(|a| a.kind == ValueKind::Url)
            .map(|a| a.name)
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    })
}

/// Whether `name` is a command whose text is a file name, text or URL (its description has a
/// text kind): the rules on text (IVR212, IVR214, ...) apply to it. The fast path asks too.
pub(crate) fn is_text_command(name: &str) -> bool {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            Command::ELEMENTS
                .iter()
                .filter(|e| e.text.is_some())
                .map(|e| e.name)
                .collect()
        })
        .contains(&name)
}

/// Where a finding is, formatted like `Response/Get[1]/@action` only when a finding is reported:
/// strict parsing runs these rules on every document, most of which have no finding.
#[derive(Clone, Copy)]
enum Path<'a> {
    /// The root element, named without an index.
    Root(&'a str),
    /// A child element, with its index among the siblings of its name.
    Child(&'a Path<'a>, &'a str, usize),
    /// An attribute of an element.
    Attribute(&'a Path<'a>, &'a str),
}

impl<'a> Path<'a> {
    fn child(&'a self, element: &Element<'a>) -> Path<'a> {
        Path::Child(self, element.name(), element.index())
    }

    fn attribute(&'a self, attribute: &Attribute<'a>) -> Path<'a> {
        Path::Attribute(self, attribute.name())
    }

    fn render(&self) -> String {
        let mut out = String::new();
        self.render_into(&mut out);
        out
    }

    /// Appends the path to `out`, outermost first: one `String` for the whole path.
    fn render_into(&self, out: &mut String) {
        match self {
            Path::Root(name) => out.push_str(name),
            Path::Child(parent, name, index) => {
                parent.render_into(out);
                out.push('/');
                out.push_str(name);
                out.push('[');
                out.push_str(itoa::Buffer::new().format(*index));
                out.push(']');
            }
            Path::Attribute(parent, name) => {
                parent.render_into(out);
                out.push_str("/@");
                out.push_str(name);
            }
        }
    }
}

/// The root of every document the rules check.
const RESPONSE: Path<'static> = Path::Root("Response");

struct Checker<'t> {
    at: &'t Locator<'t>,
    findings: &'t mut Vec<ParseError>,
    /// The policy that judges the findings: one it allows is dropped by the judge anyway, so
    /// it is not built (path, position, message) at all.
    policy: &'t Policy,
    /// Whether IVR209 (unfilled placeholders, allowed by default) is kept: when it is not,
    /// values are not searched for `$name`.
    placeholders: bool,
}

impl<'t> Checker<'t> {
    fn new(at: &'t Locator<'t>, findings: &'t mut Vec<ParseError>, policy: &'t Policy) -> Self {
        // Looked up once per process: the catalogue search is a scan of string comparisons.
        static UNFILLED_PLACEHOLDER: std::sync::OnceLock<&'static Rule> =
            std::sync::OnceLock::new();
        let ivr209 = UNFILLED_PLACEHOLDER.get_or_init(|| rule("IVR209"));
        let placeholders = policy.level_of(ivr209) != Level::Allow;
        Checker {
            at,
            findings,
            policy,
            placeholders,
        }
    }

    fn report(&mut self, code: &str, message: String, offset: usize, path: &Path<'_>) {
        let rule = rule(code);
        if self.policy.level_of(rule) == Level::Allow {
            return;
        }
        let path = path.render();
        let kind = ErrorKind::Rule {
            code: rule.code,
            message,
        };
        self.findings
            .push(ParseError::new(kind, self.at, offset, path));
    }
}

/// Reports every element and attribute known only from field evidence (IVR110, IVR111).
pub(super) fn check_field_names(
    at: &Locator<'_>,
    document: &Document<'_>,
    policy: &Policy,
    findings: &mut Vec<ParseError>,
) {
    let mut checker = Checker::new(at, findings, policy);
    let root = document.root();
    field_names(&mut checker, &root, &Path::Root(root.name()));
}

fn field_names(checker: &mut Checker<'_>, element: &Element<'_>, path: &Path<'_>) {
    // Only the few elements with a field-evidence entry can hold one: the others' attributes
    // are not looked up one by one.
    if FIELD_NAMES.iter().any(|f| f.element == element.name()) {
        field_names_of(checker, element, path);
    }
    for child in element.child_elements() {
        field_names(checker, &child, &path.child(&child));
    }
}

fn field_names_of(checker: &mut Checker<'_>, element: &Element<'_>, path: &Path<'_>) {
    if let Some(field) = field_name(element.name(), None) {
        checker.report(
            "IVR110",
            format!(
                "`<{}>` is known only from field evidence: {}",
                element.name(),
                field.evidence
            ),
            element.offset(),
            path,
        );
    }
    for attribute in element.attributes() {
        if let Some(field) = field_name(element.name(), Some(attribute.name())) {
            checker.report(
                "IVR111",
                format!(
                    "`{}` on `<{}>` is known only from field evidence: {}",
                    attribute.name(),
                    element.name(),
                    field.evidence
                ),
                attribute.offset(),
                &path.attribute(attribute),
            );
        }
    }
}

/// An element's text and where it starts: borrowed when it is one piece, as it nearly always is.
fn text_of<'t>(element: &Element<'t>) -> (Cow<'t, str>, usize) {
    let mut text: Option<Cow<'t, str>> = None;
    let mut offset = None;
    for node in element.children() {
        if let Node::Text(piece) = node {
            offset.get_or_insert(piece.offset());
            match &mut text {
                None => text = Some(Cow::Borrowed(piece.text())),
                Some(joined) => joined.to_mut().push_str(piece.text()),
            }
        }
    }
    (text.unwrap_or_default(), offset.unwrap_or(element.offset()))
}

/// Checks the rules on a document's tree. Only a `<Response>` root is checked (others are IVR004).
pub(super) fn check(
    at: &Locator<'_>,
    root: &Element<'_>,
    policy: &Policy,
    findings: &mut Vec<ParseError>,
) {
    if root.name() != "Response" {
        return;
    }
    let mut checker = Checker::new(at, findings, policy);
    // Inline for the usual few commands: strict parse runs this on every document.
    let commands: smallvec::SmallVec<[Element<'_>; 16]> = root.child_elements().collect();
    if commands.is_empty() {
        checker.report(
            "IVR204",
            "`<Response>` has no command: answer `<CmdNone/>` when nothing should happen"
                .to_owned(),
            root.offset(),
            &RESPONSE,
        );
    }
    check_order(&mut checker, &commands);
    for command in &commands {
        let path = RESPONSE.child(command);
        check_values(&mut checker, command, &path);
        match command.name() {
            "Get" => check_get(&mut checker, command, &path),
            "PlayMix" => check_playmix(&mut checker, command, &path),
            _ => {}
        }
    }
}

fn check_order(checker: &mut Checker<'_>, commands: &[Element<'_>]) {
    let Some(main) = commands.first() else { return };
    let subs = &commands[1..];
    for (index, command) in commands.iter().enumerate().skip(1) {
        if MAIN_ONLY.contains(&command.name()) {
            checker.report(
                "IVR201",
                format!(
                    "`<{}>` can only be the main command, but it is command {}",
                    command.name(),
                    index + 1
                ),
                command.offset(),
                &RESPONSE.child(command),
            );
        }
    }
    if let Some(terminal) = commands.iter().position(|c| ENDS_FLOW.contains(&c.name())) {
        if let Some(next) = commands.get(terminal + 1) {
            let ender = commands[terminal].name();
            checker.report(
                "IVR202",
                format!(
                    "`<{}>` and what follows never run: `<{ender}>` before it ends the flow",
                    next.name()
                ),
                next.offset(),
                &RESPONSE.child(next),
            );
        }
    }
    if commands.len() > 1 {
        if let Some(none) = commands.iter().find(|c| c.name() == "CmdNone") {
            checker.report(
                "IVR203",
                format!(
                    "`<CmdNone/>` is meant to stand alone, but the document has {} commands",
                    commands.len()
                ),
                none.offset(),
                &RESPONSE.child(none),
            );
        }
    }
    if WANTS_FAILURE_PATH.contains(&main.name())
        && !subs.iter().any(|c| ENDS_FLOW.contains(&c.name()))
    {
        checker.report(
            "IVR205",
            format!(
                "`<{}>` has no `<Redirect>` or `<Hangup/>` among the sub-commands: on timeout or failure the caller is left in silence",
                main.name()
            ),
            main.offset(),
            &RESPONSE.child(main),
        );
    }
    if main.name() == "Redirect" {
        checker.report(
            "IVR210",
            "`<Redirect>` is the main command; the docs use it only as a sub-command".to_owned(),
            main.offset(),
            &RESPONSE.child(main),
        );
    }
    // Counted without collecting them: this runs on every document.
    let mut callbacks = commands.iter().filter(|c| REPORTS_BACK.contains(&c.name()));
    if let (Some(_), Some(second)) = (callbacks.next(), callbacks.next()) {
        checker.report(
            "IVR211",
            format!(
                "{} commands report back; only the main command's callback is documented",
                2 + callbacks.count()
            ),
            second.offset(),
            &RESPONSE.child(second),
        );
    }
}

fn check_get(checker: &mut Checker<'_>, get: &Element<'_>, path: &Path<'_>) {
    let prompts = get
        .child_elements()
        .filter(|c| matches!(c.name(), "Play" | "PlayTTS"))
        .count();
    if prompts != 1 {
        let message = if prompts == 0 {
            "`<Get>` has no prompt: the caller hears nothing while keys are collected".to_owned()
        } else {
            format!("`<Get>` has {prompts} prompts; the docs always nest exactly one")
        };
        checker.report("IVR207", message, get.offset(), path);
    }
    for prompt in get.child_elements() {
        check_values(checker, &prompt, &path.child(&prompt));
    }
}

fn check_playmix(checker: &mut Checker<'_>, mix: &Element<'_>, path: &Path<'_>) {
    let Some(codes) = mix.attributes().iter().find(|a| a.name() == "type") else {
        return;
    };
    let unknown: Vec<char> = codes
        .value()
        .chars()
        .filter(|c| *c != '4' && *c != '0')
        .collect();
    if !unknown.is_empty() {
        let listed: String = unknown
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ");
        checker.report(
            "IVR206",
            format!("`<PlayMix>` uses type code(s) {listed}, whose meaning is unknown (known: `4` file, `0` digits)"),
            codes.offset(),
            &path.attribute(codes),
        );
    }
}

/// Checks a command's attribute values and text: URLs, placeholders, whitespace, emptiness.
fn check_values(checker: &mut Checker<'_>, element: &Element<'_>, path: &Path<'_>) {
    for attribute in element.attributes() {
        let attribute_path = path.attribute(attribute);
        if url_attributes().contains(&attribute.name()) {
            check_url(
                checker,
                attribute.value(),
                attribute.offset(),
                &attribute_path,
            );
        }
        check_placeholder(checker, attribute, &attribute_path);
        if element.name() == "JoinConf"
            && attribute.name() == "confid"
            && attribute.value().trim().is_empty()
        {
            checker.report(
                "IVR214",
                "`confid` is empty: there is no conference to join".to_owned(),
                attribute.offset(),
                &attribute_path,
            );
        }
    }
    // The commands whose text is a file name, text to speak or a URL.
    let Some(text_kind) = describe::find::<Command>(element.name()).and_then(|d| d.text) else {
        return;
    };
    let (text, offset) = text_of(element);
    if text.trim().is_empty() {
        checker.report(
            "IVR214",
            format!(
                "`<{}>` is empty: there is nothing to {}",
                element.name(),
                if element.name() == "Redirect" {
                    "request"
                } else {
                    "play"
                }
            ),
            element.offset(),
            path,
        );
        return;
    }
    if text.trim() != text {
        checker.report(
            "IVR212",
            format!(
                "the text of `<{}>` is `{}` with whitespace around it",
                element.name(),
                text.trim()
            ),
            offset,
            path,
        );
    }
    if text_kind.kind == ValueKind::Url {
        check_url(checker, text.trim(), offset, path);
    }
    // IVR209 is allowed by default: its `$name` is looked for only when the policy keeps it.
    if let Some(name) = checker.placeholders.then(|| placeholder(&text)).flatten() {
        // Point at the `$name` itself where the source spells it out (it may be escaped), looking
        // no further than the text's own markup, so that many placeholders cost linear time.
        let at = checker
            .at
            .source()
            .get(offset..)
            .map(|rest| rest.find('<').map_or(rest, |end| &rest[..end]))
            .and_then(|rest| rest.find(&format!("${name}")));
        checker.report(
            "IVR209",
            format!(
                "`${name}` in the text of `<{}>` looks like an unfilled template variable",
                element.name()
            ),
            at.map_or(offset, |at| offset + at),
            path,
        );
    }
}

fn check_placeholder(checker: &mut Checker<'_>, attribute: &Attribute<'_>, path: &Path<'_>) {
    if !checker.placeholders {
        return;
    }
    if let Some(name) = placeholder(attribute.value()) {
        checker.report(
            "IVR209",
            format!(
                "`{}='${name}'` looks like an unfilled template variable",
                attribute.name()
            ),
            attribute.offset(),
            path,
        );
    }
}

/// The name of the first `$name` in `value`.
fn placeholder(value: &str) -> Option<&str> {
    value.match_indices('$').find_map(|(at, _)| {
        let rest = &value[at + 1..];
        let len = rest
            .char_indices()
            .take_while(|(i, c)| {
                c.is_ascii_alphabetic() || *c == '_' || (*i > 0 && c.is_ascii_digit())
            })
            .count();
        (len > 0).then(|| &rest[..len])
    })
}

fn check_url(checker: &mut Checker<'_>, url: &str, offset: usize, path: &Path<'_>) {
    let has_scheme = |scheme: &str| {
        url.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    };
    if has_scheme("http://") || has_scheme("https://") {
        checker.report(
            "IVR213",
            format!("`{url}` is an absolute URL; the platform documents relative ones"),
            offset,
            path,
        );
        return;
    }
    let first_bad = url.chars().find(|&c| {
        c.is_whitespace()
            || !c.is_ascii()
            || c.is_ascii_control()
            || matches!(
                c,
                '#' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}'
            )
    });
    if let Some(first) = &first_bad {
        let shown = match first {
            ' ' => "a space".to_owned(),
            c if c.is_whitespace() => format!("whitespace U+{:04X}", u32::from(*c)),
            c => format!("`{c}`"),
        };
        checker.report(
            "IVR208",
            format!(
                "the URL `{}` holds {shown}, which must be percent-encoded",
                url.trim()
            ),
            offset,
            path,
        );
    }
}
