//! The command line's output, exit codes and JSON shape, pinned with trycmd (`tests/cmd/*.toml`),
//! and every rule of the catalogue run through the binary both ways.

use std::process::Command;

use ivr_xml::validate::{Severity, RULES};

#[test]
fn pinned_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}

fn run(args: &[&str], file: &std::path::Path) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_ivr-xml"))
        .args(args)
        .arg(file)
        .output()
        .expect("the binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn every_rule_fails_its_bad_fixture_and_passes_its_good_one() {
    let dir = std::env::temp_dir().join(format!("ivr-xml-cli-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for rule in RULES {
        let marker = format!("[{}]", rule.code);
        let bad = dir.join(format!("{}-bad.xml", rule.code));
        std::fs::write(&bad, rule.bad).expect("write fixture");
        let (code, out) = run(&["validate"], &bad);
        assert!(out.contains(&marker), "{}: {out}", rule.code);
        let expected = if rule.severity == Severity::Error {
            1
        } else {
            0
        };
        assert_eq!(code, expected, "{}: {out}", rule.code);
        let (code, _) = run(&["validate", "--deny", "warning"], &bad);
        assert_eq!(code, 1, "{} with --deny warning", rule.code);

        let good = dir.join(format!("{}-good.xml", rule.code));
        std::fs::write(&good, rule.good).expect("write fixture");
        let (code, out) = run(&["validate"], &good);
        assert!(!out.contains(&marker), "{}: {out}", rule.code);
        assert_eq!(code, 0, "{}: {out}", rule.code);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fmt_output_validates_and_is_stable() {
    let dir = std::env::temp_dir().join(format!("ivr-xml-cli-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for entry in std::fs::read_dir("tests/cmd/docs").expect("docs fixtures") {
        let path = entry.expect("entry").path();
        let (code, formatted) = run(&["fmt"], &path);
        assert_eq!(code, 0);
        let copy = dir.join(path.file_name().expect("file name"));
        std::fs::write(&copy, &formatted).expect("write");
        let (code, out) = run(&["fmt", "--check"], &copy);
        assert_eq!((code, out.as_str()), (0, ""), "{}", path.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}
