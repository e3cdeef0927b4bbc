//! libFuzzer target: see `ivr_xml_fuzz_checks::builder_roundtrip` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ivr_xml_fuzz_checks::builder_roundtrip(data));
