//! Every fuzz target's property over the committed corpus (`fuzz/corpus/TARGET`) and every
//! crash found so far (`fuzz/regressions/TARGET`): the stable toolchain's guard against a
//! reintroduced crash. New crashes go into `fuzz/regressions/TARGET/` as the fuzzer wrote them.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

#[test]
fn every_target_holds_on_its_corpus_and_regressions() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    let mut replayed = 0;
    for (target, check) in ivr_xml_fuzz_checks::TARGETS {
        let mut inputs = 0;
        for folder in ["corpus", "regressions"] {
            let Ok(entries) = fs::read_dir(fuzz.join(folder).join(target)) else {
                continue;
            };
            for entry in entries {
                let path = entry.expect("a readable folder entry").path();
                let data = fs::read(&path).expect("a readable input");
                inputs += 1;
                if catch_unwind(AssertUnwindSafe(|| check(&data))).is_err() {
                    failures.push(path.display().to_string());
                }
            }
        }
        assert!(inputs > 0, "no corpus for the fuzz target {target}");
        replayed += inputs;
    }
    assert!(
        failures.is_empty(),
        "{} of {replayed} inputs fail: {failures:#?}",
        failures.len()
    );
    println!("{replayed} inputs replayed");
}
