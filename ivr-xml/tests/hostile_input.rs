//! Hostile input is either handled (in time linear in its size: see `benches/hostile.rs` and
//! RELIABILITY.md) or refused by a named limit with a clear error. Nothing here is timed.
#![allow(clippy::unwrap_used)]

use ivr_xml::validate::{validate_bytes, validate_with, Severity, ValidateOptions};
use ivr_xml::{from_slice_with, from_str_with, ErrorKind, Limits, ParseOptions, Response};

fn both_modes() -> [ParseOptions; 2] {
    [ParseOptions::strict(), ParseOptions::lenient()]
}

/// The limit named by a refusal, in both modes and in the validator.
fn limit_refusing(text: &str, limits: Limits) -> &'static str {
    let mut named = None;
    for options in both_modes() {
        let err = from_str_with::<Response>(text, &options.limits(limits)).unwrap_err();
        match err.kind() {
            ErrorKind::LimitExceeded { limit, .. } => {
                assert!(named.is_none_or(|n| n == *limit), "{err}");
                named = Some(*limit);
            }
            other => panic!("refused for another reason: {other}"),
        }
    }
    let findings = validate_with(
        text,
        &ValidateOptions {
            limits,
            ..ValidateOptions::default()
        },
    );
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].code, "IVR005");
    assert_eq!(findings[0].severity, Severity::Error);
    named.unwrap()
}

#[test]
fn a_100_mb_input_is_refused_by_the_size_limit() {
    let text = format!(
        "<Response><Play>{}</Play></Response>",
        "a".repeat(100 << 20)
    );
    assert_eq!(
        limit_refusing(&text, Limits::default()),
        "input size in bytes"
    );
}

#[test]
fn nesting_a_million_deep_is_refused_even_when_the_limit_is_raised() {
    let depth = 1_000_000;
    let text = format!(
        "<Response>{}{}</Response>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    let raised = Limits::default()
        .max_bytes(usize::MAX)
        .max_depth(usize::MAX);
    assert_eq!(limit_refusing(&text, raised), "nesting depth");
    let err =
        from_str_with::<Response>(&text, &ParseOptions::lenient().limits(raised)).unwrap_err();
    assert!(
        err.to_string()
            .contains(&format!("nesting depth limit of {}", Limits::DEPTH_CEILING)),
        "{err}"
    );
    // Up to the ceiling, a raw element tree is read, written and dropped without recursion
    // trouble.
    let depth = Limits::DEPTH_CEILING - 1;
    let text = format!(
        "<Response><Hangup/>{}{}</Response>",
        "<a>".repeat(depth - 1),
        "</a>".repeat(depth - 1)
    );
    let parsed = from_str_with::<Response>(&text, &ParseOptions::lenient().limits(raised)).unwrap();
    assert!(parsed.value.to_string().contains("<a/>"));
}

#[test]
fn a_hundred_thousand_attributes_on_one_element() {
    let attributes: String = (0..100_000).map(|i| format!(" a{i}='1'")).collect();
    let text = format!("<Response><Hangup/><X{attributes}/></Response>");
    assert_eq!(
        limit_refusing(&text, Limits::default()),
        "input size in bytes"
    );
    let sized = Limits::default().max_bytes(usize::MAX);
    assert_eq!(limit_refusing(&text, sized), "attributes per element");
    let raised = sized.max_attributes(100_000);
    let parsed = from_str_with::<Response>(&text, &ParseOptions::lenient().limits(raised)).unwrap();
    assert_eq!(parsed.value.commands().len(), 2);
    // A duplicate among many is still found.
    let text = format!("<Response><Hangup/><X{attributes} a77='2'/></Response>");
    let err = from_str_with::<Response>(
        &text,
        &ParseOptions::lenient().limits(raised.max_attributes(100_001)),
    )
    .unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::DuplicateAttribute {
            name: "a77".to_owned()
        }
    );
}

#[test]
fn a_50_mb_attribute_value() {
    let text = format!(
        "<Response><Redirect tag='{}'>a</Redirect></Response>",
        "t".repeat(50 << 20)
    );
    assert_eq!(
        limit_refusing(&text, Limits::default()),
        "input size in bytes"
    );
    // Raised, a long value reads back whole (the scaling to 50 MB is in benches/hostile.rs; a
    // debug build here reads 4 MB).
    let text = format!(
        "<Response><Redirect tag='{}'>a</Redirect></Response>",
        "t".repeat(4 << 20)
    );
    let raised = Limits::default().max_bytes(usize::MAX);
    let doc: Response = from_str_with(&text, &ParseOptions::strict().limits(raised))
        .unwrap()
        .value;
    assert_eq!(
        doc.to_string().len(),
        text.len() + "<?xml version='1.0' encoding='UTF-8'?>\n\n    \n".len()
    );
}

#[test]
fn a_hundred_thousand_unknown_elements() {
    let unknown = "<X/>".repeat(100_000);
    let text = format!("<Response><Hangup/>{unknown}</Response>");
    let sized = Limits::default().max_bytes(usize::MAX);
    assert_eq!(limit_refusing(&text, sized), "element count");
    // Below the limit every one is reported (the linear scaling is in benches/hostile.rs; a
    // debug build here reads 20,000).
    let text = format!("<Response><Hangup/>{}</Response>", "<X/>".repeat(20_000));
    let parsed = from_str_with::<Response>(&text, &ParseOptions::lenient().limits(sized)).unwrap();
    // The lenient parser's warnings are the validator's findings (issue 13): the 20,000
    // unknown elements, and one IVR202 for the commands after `<Hangup/>`.
    let unknown: Vec<_> = parsed
        .warnings
        .iter()
        .filter(|w| w.code() == "IVR101")
        .collect();
    assert_eq!(unknown.len(), 20_000);
    assert_eq!(parsed.warnings.len(), 20_001);
    assert_eq!(unknown[19_999].position().column, 19 + 4 * 19_999 + 1);
    let findings = validate_with(
        &text,
        &ValidateOptions {
            limits: sized,
            ..ValidateOptions::default()
        },
    );
    assert_eq!(
        findings.iter().filter(|f| f.code == "IVR101").count(),
        20_000
    );
}

#[test]
fn doctypes_and_entities_are_refused() {
    for text in [
        "<!DOCTYPE Response [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;'>]><Response><Play>&b;</Play></Response>",
        "<!DOCTYPE Response SYSTEM 'file:///etc/passwd'><Response><Play>&xxe;</Play></Response>",
        "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY xxe SYSTEM 'http://127.0.0.1/'>]><Response/>",
    ] {
        for options in both_modes() {
            let err = from_str_with::<Response>(text, &options).unwrap_err();
            assert_eq!(err.kind(), &ErrorKind::Doctype, "{text}");
        }
    }
}

#[test]
fn encodings_other_than_utf8_and_bad_bytes() {
    let utf16: Vec<u8> = "\u{FEFF}<Response><Hangup/></Response>"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let latin1 = b"<Response><Play>caf\xe9.wav</Play></Response>";
    for bytes in [&utf16[..], &latin1[..]] {
        for options in both_modes() {
            let err = from_slice_with::<Response>(bytes, &options).unwrap_err();
            assert_eq!(err.kind(), &ErrorKind::NotUtf8);
        }
        assert_eq!(validate_bytes(bytes)[0].code, "IVR001");
    }
    assert_eq!(
        "<Response><Play>a\0b</Play></Response>"
            .parse::<Response>()
            .unwrap_err()
            .to_string(),
        "1:17: malformed XML: character U+0000 is not allowed in XML (at Response/Play[1])"
    );
    let err = "<?xml version='1.0' encoding='UTF-16'?><Response/>"
        .parse::<Response>()
        .unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::UnsupportedEncoding("UTF-16".to_owned())
    );
}
