//! The verdict corpus (`ivr-xml/tests/fixtures/verdicts`) through the `ivr-xml` binary: its exit
//! code under the default levels, under `--allow` for the document's rules, and under an
//! `ivr-xml.toml` that sets them to `warn`.

#[path = "../../ivr-xml/tests/fixtures/verdicts/corpus.rs"]
#[allow(dead_code, unreachable_pub)]
mod corpus;

use std::path::Path;
use std::process::Command;

use corpus::Verdict;

fn exit_code(args: &[&str], file: &Path) -> i32 {
    let output = Command::new(env!("CARGO_BIN_EXE_ivr-xml"))
        .arg("validate")
        .args(args)
        .arg(file)
        .output()
        .expect("the binary runs");
    output.status.code().unwrap_or(-1)
}

#[test]
fn the_exit_code_follows_each_documents_verdict() {
    for case in corpus::cases() {
        let name = case.name();
        let refused = i32::from(case.verdict == Verdict::Refused);
        assert_eq!(exit_code(&[], &case.path), refused, "{name}");
        let not_clean = i32::from(case.verdict != Verdict::Clean);
        assert_eq!(
            exit_code(&["--deny", "warning"], &case.path),
            not_clean,
            "{name} --deny warning"
        );
        if case.codes.is_empty() {
            continue;
        }
        let mut allow = Vec::new();
        for code in &case.codes {
            allow.extend(["--allow", code.as_str()]);
        }
        let expected = i32::from(case.unreadable);
        assert_eq!(exit_code(&allow, &case.path), expected, "{name} {allow:?}");
        allow.extend(["--deny", "warning"]);
        assert_eq!(exit_code(&allow, &case.path), expected, "{name} {allow:?}");
    }
}

#[test]
fn a_project_file_sets_the_levels() {
    let dir = std::env::temp_dir().join(format!("ivr-xml-cli-verdicts-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (i, case) in corpus::cases().into_iter().enumerate() {
        if case.codes.is_empty() {
            continue;
        }
        let name = case.name();
        // The project file two levels above the document.
        let project = dir.join(i.to_string());
        let nested = project.join("flows/menu");
        std::fs::create_dir_all(&nested).expect("dirs");
        let levels: String = case
            .codes
            .iter()
            .map(|code| format!("{code} = \"warn\"\n"))
            .collect();
        std::fs::write(project.join("ivr-xml.toml"), format!("[levels]\n{levels}"))
            .expect("project file");
        let file = nested.join("doc.xml");
        std::fs::write(&file, &case.text).expect("document");
        // Warned, a document is accepted, unless it cannot be read at all; `--deny warning`
        // still fails it, and a flag overrides the file.
        let expected = i32::from(case.unreadable);
        assert_eq!(exit_code(&[], &file), expected, "{name}");
        assert_eq!(exit_code(&["--deny", "warning"], &file), 1, "{name}");
        let mut deny = Vec::new();
        for code in &case.codes {
            deny.extend(["--deny", code.as_str()]);
        }
        assert_eq!(exit_code(&deny, &file), 1, "{name} {deny:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
