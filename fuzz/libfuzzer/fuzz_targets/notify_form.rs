//! libFuzzer target: see `ivr_xml_fuzz_checks::notify_form` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ivr_xml_fuzz_checks::notify_form(data));
