//! The name lists the parser, the validator and the policy use, computed when compiling from
//! the commands' [descriptions](crate::describe): main-only commands and field-evidence names.

use crate::describe::{Describe, ElementDescription};

use super::Command;

/// The commands that can only be the main command (spec §0.2 R8, §0.3, §0.4): `<Get>`
/// "只能作为主命令使用" \[official\]; `<CreateConf>` "可作为主命令使用" \[official\] and `<JoinConf>`,
/// main in every example \[guide\], as the spec's library defaults decide. Rule IVR201 reports
/// them elsewhere; the builder does not take them as sub-commands
/// ([`SubCommand`](crate::SubCommand) is not implemented for them).
///
/// The list is the commands whose description says
/// [`main_only`](crate::describe::ElementDescription::main_only) (`#[xml(main_only)]` on the type).
///
/// ```
/// use ivr_xml::policy::MAIN_ONLY;
/// assert_eq!(MAIN_ONLY, ["Get", "CreateConf", "JoinConf"]);
/// assert!(!MAIN_ONLY.contains(&"PlayTTS"));
/// ```
pub const MAIN_ONLY: &[&str] = &MAIN_ONLY_ARRAY;

const MAIN_ONLY_ARRAY: [&str; count(Flag::MainOnly)] = names(Flag::MainOnly);

/// The commands that report back (`#[xml(reports_back)]`, rule IVR211).
pub(crate) const REPORTS_BACK: &[&str] = &REPORTS_BACK_ARRAY;
const REPORTS_BACK_ARRAY: [&str; count(Flag::ReportsBack)] = names(Flag::ReportsBack);

/// The commands whose failure path rule IVR205 asks for (`#[xml(wants_failure_path)]`).
pub(crate) const WANTS_FAILURE_PATH: &[&str] = &WANTS_FAILURE_PATH_ARRAY;
const WANTS_FAILURE_PATH_ARRAY: [&str; count(Flag::WantsFailurePath)] =
    names(Flag::WantsFailurePath);

/// The commands after which nothing runs (`#[xml(ends_flow)]`, rule IVR202).
pub(crate) const ENDS_FLOW: &[&str] = &ENDS_FLOW_ARRAY;
const ENDS_FLOW_ARRAY: [&str; count(Flag::EndsFlow)] = names(Flag::EndsFlow);

/// A flag of a command's description.
#[derive(Clone, Copy)]
enum Flag {
    MainOnly,
    ReportsBack,
    WantsFailurePath,
    EndsFlow,
}

const fn has(element: &ElementDescription, flag: Flag) -> bool {
    match flag {
        Flag::MainOnly => element.main_only,
        Flag::ReportsBack => element.reports_back,
        Flag::WantsFailurePath => element.wants_failure_path,
        Flag::EndsFlow => element.ends_flow,
    }
}

/// How many of the commands have `flag`.
const fn count(flag: Flag) -> usize {
    let elements = Command::ELEMENTS;
    let (mut count, mut i) = (0, 0);
    while i < elements.len() {
        if has(elements[i], flag) {
            count += 1;
        }
        i += 1;
    }
    count
}

/// The names of the commands that have `flag`, in `Command`'s order.
const fn names<const N: usize>(flag: Flag) -> [&'static str; N] {
    let elements = Command::ELEMENTS;
    let mut out = [""; N];
    let (mut at, mut i) = (0, 0);
    while i < elements.len() {
        if has(elements[i], flag) {
            out[at] = elements[i].name;
            at += 1;
        }
        i += 1;
    }
    out
}

/// A name known only from field evidence (application code, not the platform's docs).
///
/// ```
/// use ivr_xml::policy::field_name;
/// let loop_attr = field_name("PlayTTS", Some("loop")).unwrap();
/// assert_eq!(loop_attr.element, "PlayTTS");
/// assert_eq!(loop_attr.attribute, Some("loop"));
/// assert!(loop_attr.evidence.contains("spec §2.4"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldName {
    /// The element.
    pub element: &'static str,
    /// The attribute, or `None` for the element itself.
    pub attribute: Option<&'static str>,
    /// Where it is seen, with the spec's section.
    pub evidence: &'static str,
}

/// Every element and attribute known only from \[field\] evidence (spec §0.3, §2): recognised,
/// never "unknown", and reported by IVR110 / IVR111 as warnings that name their evidence.
///
/// The list is the commands' descriptions that carry evidence: `#[xml(evidence = "...")]` on a
/// command or an attribute field, `#[xml(known(...))]` for names kept raw.
///
/// ```
/// use ivr_xml::policy::FIELD_NAMES;
/// assert!(FIELD_NAMES
///     .iter()
///     .any(|f| f.element == "ConsultationCall" && f.attribute.is_none()));
/// assert!(FIELD_NAMES.iter().all(|f| !f.evidence.is_empty()));
/// ```
pub const FIELD_NAMES: &[FieldName] = &FIELD_NAMES_ARRAY;

const FIELD_NAMES_ARRAY: [FieldName; count_field_names(Command::ELEMENTS)] =
    field_names(Command::ELEMENTS);

const fn count_field_names(elements: &[&ElementDescription]) -> usize {
    let (mut count, mut i) = (0, 0);
    while i < elements.len() {
        if elements[i].evidence.is_some() {
            count += 1;
        }
        let attributes = elements[i].attributes;
        let mut j = 0;
        while j < attributes.len() {
            if attributes[j].evidence.is_some() {
                count += 1;
            }
            j += 1;
        }
        i += 1;
    }
    count
}

const fn field_names<const N: usize>(elements: &[&ElementDescription]) -> [FieldName; N] {
    let mut out = [FieldName {
        element: "",
        attribute: None,
        evidence: "",
    }; N];
    let (mut at, mut i) = (0, 0);
    while i < elements.len() {
        let element = elements[i];
        if let Some(evidence) = element.evidence {
            out[at] = FieldName {
                element: element.name,
                attribute: None,
                evidence,
            };
            at += 1;
        }
        let mut j = 0;
        while j < element.attributes.len() {
            let attribute = &element.attributes[j];
            if let Some(evidence) = attribute.evidence {
                out[at] = FieldName {
                    element: element.name,
                    attribute: Some(attribute.name),
                    evidence,
                };
                at += 1;
            }
            j += 1;
        }
        i += 1;
    }
    out
}

/// The field evidence for an element (`attribute` `None`) or one of its attributes.
///
/// ```
/// use ivr_xml::policy::field_name;
/// assert!(field_name("EnterCCS", None).is_some());
/// assert!(field_name("Hangup", Some("callid")).is_some());
/// assert!(field_name("Hangup", None).is_none()); // an official command
/// ```
pub fn field_name(element: &str, attribute: Option<&str>) -> Option<&'static FieldName> {
    FIELD_NAMES
        .iter()
        .find(|f| f.element == element && f.attribute == attribute)
}
