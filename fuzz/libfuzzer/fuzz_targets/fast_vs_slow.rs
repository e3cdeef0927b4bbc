//! libFuzzer target: see `ivr_xml_fuzz_checks::fast_vs_slow` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ivr_xml_fuzz_checks::fast_vs_slow(data));
