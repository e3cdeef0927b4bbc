//! Compile-fail tests of the `Xml` derive and of the builder (`then_main_only`: a main-only
//! command given as a sub-command): each file under `tests/ui/` is one misuse, and its
//! `.stderr` is the exact message and span the derive reports.
//!
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test --workspace --test ui`,
//! then read every changed `.stderr`. Run it under `--workspace`, as CI does: three cases
//! (`*_not_xml_value`, `child_not_element`) quote rustc's list of the trait's implementors,
//! which depends on the features the workspace enables. `value_derive_misuse` is
//! `#[derive(XmlValue)]`'s.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
