//! Compile-fail tests of the `Xml` derive: each file under `tests/ui/` is one misuse, and its
//! `.stderr` is the exact message and span the derive reports.
//!
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test -p ivr-xml --test ui`,
//! then read every changed `.stderr`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
