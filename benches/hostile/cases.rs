//! The hostile shapes, shared by the criterion bench (`main.rs`) and the instruction counter
//! (`examples/hostile_once.rs`, driven by `benches/hostile/count.sh`).

use ivr_xml::Limits;

/// The units of the 1x size of each case.
pub(crate) const BASE: usize = 4_000;

/// Limits raised so that every size is read, not refused.
pub(crate) fn raised() -> Limits {
    Limits::default()
        .max_bytes(usize::MAX)
        .max_elements(usize::MAX)
        .max_attributes(usize::MAX)
}

/// One case: its name, and the document of `n` units.
pub(crate) type Case = (&'static str, fn(usize) -> String);

pub(crate) const CASES: &[Case] = &[
    ("sibling_commands", |n| {
        format!("<Response>{}</Response>", "<Play>a.wav</Play>".repeat(n))
    }),
    ("distinct_unknown_elements", |n| {
        let unknown: String = (0..n).map(|i| format!("<X{i}/>")).collect();
        format!("<Response><Hangup/>{unknown}</Response>")
    }),
    ("attributes_on_one_element", |n| {
        let attributes: String = (0..n).map(|i| format!(" a{i}='1'")).collect();
        format!("<Response><Hangup/><X{attributes}/></Response>")
    }),
    ("long_attribute_value", |n| {
        format!(
            "<Response><Redirect tag='{}'>a</Redirect></Response>",
            "t&amp;".repeat(n * 10)
        )
    }),
];
