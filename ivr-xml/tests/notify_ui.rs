//! Compile-fail tests of `#[derive(Notification)]`: each file under `tests/notify_ui/` is one
//! misuse, and its `.stderr` is the exact message and span reported. Attribute mistakes are all
//! reported together; a variant without a segment whose type has none, and a default segment
//! another variant already takes, fail when the enum's segment table is evaluated.
//!
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test -p ivr-xml --test notify_ui`,
//! then read every changed `.stderr`.

#[test]
fn notify_ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/notify_ui/*.rs");
}
