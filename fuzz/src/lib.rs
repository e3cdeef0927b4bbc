//! The properties the fuzz targets of `fuzz/` check, one function per target.
//!
//! Each function takes the fuzzer's bytes and panics when a property fails: the library
//! panicked, accepted what it must refuse, or wrote what does not read back to the same value.
//! The cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`, nightly) call them, and so does the stable
//! `cargo test` of this crate (`tests/replay.rs`), over the committed corpus and every crash
//! kept in `fuzz/regressions/`, so a reintroduced crash fails CI on any machine.
//!
//! ```
//! // A crash kept as a regression input, replayed as the fuzzer found it.
//! ivr_xml_fuzz_checks::strict_parse(b"<Response><Redirect tag='a<b'>x</Redirect></Response>");
//! ```

// The builder-call model the library's property tests use (`tests/builder_props.rs`), shared
// as it is so that the fuzzer and proptest drive the same calls.
#[path = "../../ivr-xml/tests/common/builder_model.rs"]
mod builder_model;

use ivr_xml::notify::{
    Cdr, ConfCreated, ConfDeleted, ConfDtmfReport, ConfMediaOpResult, ConfMemberJoined,
    ConfMemberQuit, ConfPasswordFailed, ConsultCallTimeOver, ConsultHangup, ConsultNoAnswer,
    DtmfReport, Message, Notification, Params, RedirectRequest, Request, StartService, StopService,
};
use ivr_xml::rest::{RestRequest, RestResponse, RestTarget};
use ivr_xml::validate::validate_bytes;
use ivr_xml::{
    from_slice_with, from_str_with, ParseError, ParseOptions, Position, Response, Style,
};

/// A fuzz target's property: panics when it fails on the input.
pub type Check = fn(&[u8]);

/// The fuzz targets, by name: the name of the cargo-fuzz target, of its corpus folder and of its
/// regressions folder.
pub const TARGETS: &[(&str, Check)] = &[
    ("strict_parse", strict_parse),
    ("lenient_parse", lenient_parse),
    ("text_roundtrip", text_roundtrip),
    ("validate", validate),
    ("notify_query", notify_query),
    ("notify_form", notify_form),
    ("notify_xml", notify_xml),
    ("notify_request", notify_request),
    ("rest", rest),
    ("builder_roundtrip", builder_roundtrip),
    ("cli_render", cli_render),
    ("fast_vs_slow", fast_vs_slow),
];

/// Every documented writing style: both quotes, every declaration, compact and five indents.
pub fn styles() -> Vec<Style> {
    builder_model::styles()
}

/// A refusal points inside the input, at the position its offset names, in one line.
fn check_error(input: &[u8], err: &ParseError) {
    assert!(err.offset() <= input.len(), "offset past the end: {err}");
    let message = err.to_string();
    assert!(
        !message.contains('\n'),
        "a message of more than one line: {message:?}"
    );
    if let Ok(text) = std::str::from_utf8(input) {
        assert_eq!(
            err.position(),
            Position::from_offset(text, err.offset()),
            "{err}"
        );
    }
    if let ivr_xml::ErrorKind::UnknownElement { name, .. } = err.kind() {
        let at = input.get(err.offset()..).unwrap_or_default();
        assert!(
            at.starts_with(format!("<{name}").as_bytes()),
            "{err} points elsewhere"
        );
    }
}

/// Writing `doc` in `style` and reading it back (strictly if `strict`, else leniently) gives
/// `doc` again, and writing that gives the same bytes.
fn check_reads_back(doc: &Response, style: &Style, strict: bool) {
    let written = doc.to_string_with(style);
    let options = if strict {
        ParseOptions::strict()
    } else {
        ParseOptions::lenient()
    };
    let again = match from_str_with::<Response>(&written, &options) {
        Ok(parsed) => parsed.value,
        Err(err) => panic!("the writer's output does not parse: {err}\n{written}"),
    };
    assert_eq!(&again, doc, "read back differently from\n{written}");
    assert_eq!(
        again.to_string_with(style),
        written,
        "written differently the second time"
    );
}

/// Strict parse of arbitrary bytes: never panics; a refusal is located inside the input; what
/// is accepted is written in the docs' style and reads back equal.
pub fn strict_parse(data: &[u8]) {
    match from_slice_with::<Response>(data, &ParseOptions::strict()) {
        Ok(parsed) => {
            // Strict mode returns the findings at level warn (issue 13), never one it denies.
            let policy = ivr_xml::policy::Policy::new();
            assert!(
                parsed
                    .warnings
                    .iter()
                    .all(|w| policy.level(w.code()) == ivr_xml::policy::Level::Warn),
                "strict mode accepted a denied finding: {:?}",
                parsed.warnings
            );
            check_reads_back(&parsed.value, &Style::docs(), true);
        }
        Err(err) => check_error(data, &err),
    }
}

/// The strict parser's fast path (typed straight from quick-xml's events) against the checked
/// tree path alone: the fast path either bails out or returns the tree path's value, and only
/// for a document the tree path accepts with no warning; `from_str_with` gives exactly the tree
/// path's result, errors and warnings included. For a `Response`, a single command, and with a
/// policy that keeps placeholders (IVR209).
pub fn fast_vs_slow(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let keeps = ivr_xml::policy::Policy::new()
        .warn("IVR209")
        .expect("IVR209 is a rule");
    for options in [ParseOptions::strict(), ParseOptions::strict().policy(keeps)] {
        fast_agrees::<Response>(text, &options);
        fast_agrees::<ivr_xml::Command>(text, &options);
    }
}

fn fast_agrees<T: ivr_xml::FromXml + PartialEq + std::fmt::Debug>(
    text: &str,
    options: &ParseOptions,
) {
    let slow = ivr_xml::__private::parse_slow::<T>(text, options);
    if let Ok(fast) = ivr_xml::__private::parse_fast::<T>(text, options) {
        match &slow {
            Ok(parsed) => {
                assert!(
                    parsed.warnings.is_empty(),
                    "the fast path took a document with warnings: {:?}",
                    parsed.warnings
                );
                assert_eq!(fast, parsed.value, "the two paths read different values");
            }
            Err(err) => panic!("the fast path took a document the tree path refuses: {err}"),
        }
    }
    let public = from_str_with::<T>(text, options);
    assert_eq!(
        format!("{public:?}"),
        format!("{slow:?}"),
        "from_str_with differs from the tree path"
    );
}

/// Lenient parse of arbitrary bytes: never panics; what it keeps (raw elements and attributes
/// included) is written as XML that the strict tree reader accepts and that reads back equal.
pub fn lenient_parse(data: &[u8]) {
    match from_slice_with::<Response>(data, &ParseOptions::lenient()) {
        Ok(parsed) => {
            for warning in &parsed.warnings {
                assert!(warning.offset() <= data.len(), "{warning}");
                if let ivr_xml::ErrorKind::UnknownElement { name, .. } = warning.kind() {
                    let at = data.get(warning.offset()..).unwrap_or_default();
                    assert!(
                        at.starts_with(format!("<{name}").as_bytes()),
                        "{warning} points elsewhere"
                    );
                }
            }
            let written = parsed.value.to_string();
            if let Err(err) = ivr_xml::de::parse_tree(&written, &ParseOptions::strict()) {
                panic!("lenient parse kept what is not XML: {err}\n{written:?}");
            }
            check_reads_back(&parsed.value, &Style::docs(), false);
        }
        Err(err) => check_error(data, &err),
    }
}

/// Arbitrary builder calls, for documents and for REST bodies (the bytes choose each call and
/// its arguments): `build()` refuses them, or what is built, written in every style, reads back
/// to an equal value and is written to the same bytes again.
pub fn builder_roundtrip(data: &[u8]) {
    let mut choices = builder_model::Choices::new(data);
    if let Err(failure) = builder_model::response_case(&mut choices) {
        panic!("{failure}");
    }
    if let Err(failure) = builder_model::rest_case(&mut choices) {
        panic!("{failure}");
    }
}

/// The text round trip: whatever strict parse accepts, written in every style, reads back to an
/// equal value and is written to identical bytes again.
///
/// Every writer path agrees with `to_string_with`: the reused buffer (the fast path, written
/// over earlier content), `fmt::Write` and `io::Write`.
pub fn text_roundtrip(data: &[u8]) {
    if let Ok(parsed) = from_slice_with::<Response>(data, &ParseOptions::strict()) {
        let mut buffer = String::from("earlier content");
        for style in styles() {
            check_reads_back(&parsed.value, &style, true);
            let expected = parsed.value.to_string_with(&style);
            buffer.clear();
            parsed.value.write_to_string(&mut buffer, &style);
            assert_eq!(buffer, expected, "the reused-buffer path differs");
            let mut formatted = String::new();
            parsed
                .value
                .write_to_fmt(&mut formatted, &style)
                .unwrap_or_else(|err| panic!("fmt::Write failed: {err}"));
            assert_eq!(formatted, expected, "the fmt::Write path differs");
            let mut bytes = Vec::new();
            parsed
                .value
                .write_to_io(&mut bytes, &style)
                .unwrap_or_else(|err| panic!("io::Write failed: {err}"));
            assert_eq!(bytes, expected.as_bytes(), "the io::Write path differs");
        }
    }
}

/// The validator on arbitrary bytes: never panics, every finding points inside the input, and
/// findings come in document order.
pub fn validate(data: &[u8]) {
    let findings = validate_bytes(data);
    for finding in &findings {
        assert!(finding.offset <= data.len(), "{finding}");
        assert!(finding.offset + finding.len <= data.len(), "{finding}");
    }
    assert!(findings.windows(2).all(|w| w[0].offset <= w[1].offset));
}

/// Calls `$check::<M>($input)` for every message type `M` of the crate.
macro_rules! for_every_message {
    ($check:ident, $input:expr) => {
        for_every_message!(@each $check, $input, StartService, DtmfReport, RedirectRequest,
            StopService, ConsultHangup, ConsultCallTimeOver, ConsultNoAnswer, ConfCreated,
            ConfMemberJoined, ConfMemberQuit, ConfDeleted, ConfDtmfReport, ConfMediaOpResult,
            ConfPasswordFailed, Cdr)
    };
    (@each $check:ident, $input:expr, $($message:ty),*) => {{
        $($check::<$message>($input);)*
    }};
}

/// A message read from a query string is written back as one and reads again equal.
fn query_reads_back<M: Message + PartialEq + std::fmt::Debug>(query: &str) {
    if let Ok(message) = M::from_query(query) {
        let written = message.to_query_string();
        let again = M::from_query(&written)
            .unwrap_or_else(|err| panic!("{message:?} does not read back from {written}: {err}"));
        assert_eq!(again, message, "{written}");
    }
}

/// A message read from a form body is written back as one and reads again equal.
fn form_reads_back<M: Message + PartialEq + std::fmt::Debug>(body: &[u8]) {
    if let Ok(message) = M::from_form(body) {
        let written = message.to_query_string();
        let again = M::from_form(written.as_bytes())
            .unwrap_or_else(|err| panic!("{message:?} does not read back from {written}: {err}"));
        assert_eq!(again, message, "{written}");
    }
}

/// A message read from an XML body is written back as XML (if it can be) and reads again equal.
fn xml_reads_back<M: Message + PartialEq + std::fmt::Debug>(body: &[u8]) {
    if let Ok(message) = M::from_xml(body) {
        if let Ok(written) = message.to_xml() {
            let again = M::from_xml(written.as_bytes()).unwrap_or_else(|err| {
                panic!("{message:?} does not read back from {written}: {err}")
            });
            assert_eq!(again, message, "{written}");
        }
    }
}

/// A query string read as parameters and as every message; what is read is written back as a
/// query string and reads again equal.
pub fn notify_query(data: &[u8]) {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(params) = Params::from_query(query) {
        let written = params.to_query_string();
        let again = Params::from_query(&written)
            .unwrap_or_else(|err| panic!("{params:?} does not read back from {written}: {err}"));
        assert_eq!(again, params, "{written}");
    }
    for_every_message!(query_reads_back, query);
}

/// A form body read as parameters and as every message; what is read is written back and reads
/// again equal.
pub fn notify_form(data: &[u8]) {
    if let Ok(params) = Params::from_form(data) {
        let written = params.to_query_string();
        let again = Params::from_form(written.as_bytes())
            .unwrap_or_else(|err| panic!("{params:?} does not read back from {written}: {err}"));
        assert_eq!(again, params, "{written}");
    }
    for_every_message!(form_reads_back, data);
}

/// An XML body read as parameters and as every message; what is read is written back as XML
/// and reads again equal.
pub fn notify_xml(data: &[u8]) {
    if let Ok(params) = Params::from_xml(data) {
        if let Ok(written) = params.to_xml() {
            let again = Params::from_xml(written.as_bytes()).unwrap_or_else(|err| {
                panic!("{params:?} does not read back from {written}: {err}")
            });
            assert_eq!(again, params, "{written}");
        }
    }
    for_every_message!(xml_reads_back, data);
}

/// The segments an application of the guide names, and the two the platform names itself.
#[derive(Debug, Notification)]
#[allow(dead_code)] // read through `Debug` only
enum Incoming {
    Start(StartService),
    #[notification(segment = "firstget")]
    Menu(DtmfReport),
    #[notification(segment = "gettimeout")]
    Timeout(RedirectRequest),
    #[notification(segment = "createconfok")]
    Created(ConfCreated),
    Stop(StopService),
    Cdr(Cdr),
}

/// A whole request: the first line of the input is the target (`/path?query`), the second the
/// `Content-Type`, the rest the body. Never panics.
pub fn notify_request(data: &[u8]) {
    let mut parts = data.splitn(3, |&b| b == b'\n');
    let target = parts.next().and_then(|t| std::str::from_utf8(t).ok());
    let content_type = parts.next().and_then(|t| std::str::from_utf8(t).ok());
    let body = parts.next().unwrap_or_default();
    let Some(target) = target else { return };
    let request = Request::new(target).body(content_type, body);
    if let Ok(decoded) = request.decode() {
        let _ = decoded.parse::<Incoming>();
    }
    let _ = request.parse::<Incoming>();
}

/// REST bodies and targets: requests and responses read back equal once written; a target with
/// a `sig` is written and reads back equal.
pub fn rest(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(request) = RestRequest::parse(text) {
        let xml = request
            .to_xml()
            .unwrap_or_else(|err| panic!("{request:?}: {err}"));
        let again = RestRequest::parse(&xml).unwrap_or_else(|err| panic!("{xml}: {err}"));
        assert_eq!(again, request);
    }
    if let Ok(parsed) = RestResponse::parse(text) {
        if let Ok(xml) = parsed.value.to_xml() {
            let again = RestResponse::parse(&xml).unwrap_or_else(|err| panic!("{xml}: {err}"));
            assert_eq!(again.value, parsed.value);
        }
    }
    if let Ok(target) = RestTarget::parse(text) {
        if let (Some(sig), true) = (&target.sig, target.extra_query.is_empty()) {
            let written =
                target
                    .endpoint
                    .path_and_query(&target.soft_version, &target.account_sid, sig);
            let again =
                RestTarget::parse(&written).unwrap_or_else(|err| panic!("{written}: {err}"));
            assert_eq!(again, target, "{written}");
        }
    }
}

/// The CLI's rendering of diagnostics for arbitrary input (byte order marks, multi-byte
/// characters, tabs, CRLF, positions anywhere, at the end or past it): never panics, and the
/// output is bounded per finding, as `ivr_xml_cli::report` promises.
pub fn cli_render(data: &[u8]) {
    use ivr_xml_cli::report::{render, render_parse_error, Renderer, MAX_FINDING_BYTES};
    let source = String::from_utf8_lossy(data);
    let path = "fuzz.xml";
    let bound = |findings: usize| findings * (MAX_FINDING_BYTES + 6 * path.len());
    let mut findings = ivr_xml::validate::validate(&source);
    // The same findings moved to positions the input's own bytes choose, any length.
    let moved: Vec<_> = findings
        .iter()
        .zip(data.iter().cycle())
        .map(|(finding, &byte)| {
            let mut moved = finding.clone();
            moved.offset = (finding.offset * 31 + usize::from(byte)) % (source.len() + 2);
            moved.len = usize::from(byte).pow(2);
            moved
        })
        .collect();
    findings.extend(moved);
    let out = render(path, &source, &findings);
    assert!(
        out.len() <= bound(findings.len()),
        "{} bytes for {} findings",
        out.len(),
        findings.len()
    );
    if let Err(err) = source.parse::<Response>() {
        assert!(render_parse_error(path, &source, &err).len() <= bound(1));
    }
    // In colour (what a terminal gets) the same bound holds.
    let colored = Renderer::colored().render(path, &source, &findings);
    assert!(
        colored.len() <= bound(findings.len()),
        "{} bytes in colour for {} findings",
        colored.len(),
        findings.len()
    );
    // An error about a span of another file (a project file): any span, even reversed or past
    // the end, and the input itself as the message.
    let (a, b) = match data {
        [x, y, ..] => (usize::from(*x) * 7, usize::from(*y) * 5),
        _ => (0, 0),
    };
    let message = source.get(..source.len().min(1000)).unwrap_or_default();
    let at = Renderer::plain().render_at(path, &source, a..b, message, Some(message));
    assert!(at.len() <= bound(1), "{} bytes for one error", at.len());
}
