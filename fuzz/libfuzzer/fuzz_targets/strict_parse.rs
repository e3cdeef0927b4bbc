//! libFuzzer target: see `ivr_xml_fuzz_checks::strict_parse` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ivr_xml_fuzz_checks::strict_parse(data));
