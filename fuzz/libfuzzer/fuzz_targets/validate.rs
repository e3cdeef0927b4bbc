//! libFuzzer target: see `ivr_xml_fuzz_checks::validate` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ivr_xml_fuzz_checks::validate(data));
