//! A bare command sequence (commands without `<Response>`) is read into a `<Response>` that is
//! not in the input: error and warning paths name it `Response`, never a slice of the input
//! taken at its first command's offset (fuzzing found `Play>c>\n` as a path).
#![allow(clippy::unwrap_used)]

use ivr_xml::{ParseOptions, Response};

#[test]
fn text_after_a_bare_sequence_is_reported_in_response() {
    let err = "         <Play>c>\n  wav</Play>\n\n>"
        .parse::<Response>()
        .unwrap_err();
    assert_eq!(err.path(), "Response");
    assert_eq!(
        (err.position().line, err.position().column),
        (4, 1),
        "{err}"
    );
    assert!(!err.to_string().contains('\n'), "{err}");
}

#[test]
fn an_unknown_command_in_a_bare_sequence_has_a_response_path() {
    let text = "<Play>a.wav</Play><Hanqup/>";
    let err = text.parse::<Response>().unwrap_err();
    assert!(err.path().starts_with("Response"), "{err}");
    assert!(!err.path().contains('>'), "{err}");
    let lenient = Response::parse_with(text, &ParseOptions::lenient()).unwrap();
    let paths: Vec<&str> = lenient.warnings.iter().map(|w| w.path()).collect();
    // The sequence's own warning is about the document (no element, empty path); the unknown
    // command's is inside the `<Response>` it was read into.
    assert_eq!(paths, ["", "Response/Hanqup[1]"], "{:?}", lenient.warnings);
}
