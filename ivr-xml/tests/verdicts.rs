//! One verdict per document of the corpus (`tests/fixtures/verdicts/VERDICTS`), checked against
//! the strict parser, the lenient parser and the validator, under the default policy and under
//! one that changes the levels of the document's rules. The command line's and the simulator's
//! tests check the same corpus.
#![allow(clippy::unwrap_used)]

#[path = "fixtures/verdicts/corpus.rs"]
#[allow(dead_code, unreachable_pub)]
mod corpus;

use corpus::Verdict;
use ivr_xml::policy::{Level, Policy};
use ivr_xml::validate::{has_errors, validate, validate_with, Severity, ValidateOptions};
use ivr_xml::{ParseOptions, Response};

fn codes_of(codes: impl IntoIterator<Item = &'static str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for code in codes {
        if !out.iter().any(|c| c == code) {
            out.push(code.to_owned());
        }
    }
    out
}

/// A policy setting every code of the case to `level`.
fn policy(codes: &[String], level: Level) -> Policy {
    let mut policy = Policy::new();
    for code in codes {
        policy.set_level(code, level).unwrap();
    }
    policy
}

#[test]
fn the_validator_gives_each_document_its_verdict() {
    for case in corpus::cases() {
        let findings = validate(&case.text);
        let verdict = if has_errors(&findings) {
            Verdict::Refused
        } else if findings.is_empty() {
            Verdict::Clean
        } else {
            Verdict::Warnings
        };
        assert_eq!(verdict, case.verdict, "{}: {findings:#?}", case.name());
        assert_eq!(
            codes_of(findings.iter().map(|d| d.code)),
            case.codes,
            "{}",
            case.name()
        );
    }
}

#[test]
fn the_strict_parser_refuses_exactly_the_refused_documents() {
    for case in corpus::cases() {
        match case.text.parse::<Response>() {
            Ok(_) => assert_ne!(case.verdict, Verdict::Refused, "{}", case.name()),
            Err(err) => {
                assert_eq!(case.verdict, Verdict::Refused, "{}: {err}", case.name());
                assert!(
                    case.codes.iter().any(|c| c == err.code()),
                    "{}: {err}",
                    case.name()
                );
            }
        }
        // The strict parser's warnings are the validator's.
        if let Ok(parsed) = Response::parse_with(&case.text, &ParseOptions::strict()) {
            let expected: Vec<String> = case.codes.clone();
            assert_eq!(
                codes_of(parsed.warnings.iter().map(|w| w.code())),
                expected,
                "{}",
                case.name()
            );
        }
    }
}

#[test]
fn the_lenient_parser_reads_all_but_unreadable_documents_and_reports_the_same_findings() {
    for case in corpus::cases() {
        match Response::parse_with(&case.text, &ParseOptions::lenient()) {
            Ok(parsed) => {
                assert!(!case.unreadable, "{}", case.name());
                assert_eq!(
                    codes_of(parsed.warnings.iter().map(|w| w.code())),
                    case.codes,
                    "{}",
                    case.name()
                );
            }
            Err(err) => {
                assert!(case.unreadable, "{}: {err}", case.name());
                assert_eq!(case.codes, [err.code()], "{}", case.name());
            }
        }
    }
}

#[test]
fn levels_change_every_verdict_but_an_unreadable_documents() {
    for case in corpus::cases().into_iter().filter(|c| !c.codes.is_empty()) {
        let name = case.name();
        // Allowed, the document's rules report nothing, and it parses strictly.
        let allow = policy(&case.codes, Level::Allow);
        let options = ValidateOptions {
            policy: allow.clone(),
            ..ValidateOptions::default()
        };
        let findings = validate_with(&case.text, &options);
        let strict = Response::parse_with(&case.text, &ParseOptions::strict().policy(allow));
        if case.unreadable {
            assert_eq!(
                codes_of(findings.iter().map(|d| d.code)),
                case.codes,
                "{name}"
            );
            assert!(has_errors(&findings), "{name}");
            assert!(strict.is_err(), "{name}");
            continue;
        }
        assert_eq!(findings, [], "{name}");
        assert!(strict.is_ok(), "{name}");

        // Warned, it is accepted with warnings; denied, refused.
        let options = ValidateOptions {
            policy: policy(&case.codes, Level::Warn),
            ..ValidateOptions::default()
        };
        let findings = validate_with(&case.text, &options);
        assert!(!findings.is_empty(), "{name}");
        assert!(
            findings.iter().all(|d| d.severity == Severity::Warning),
            "{name}: {findings:#?}"
        );
        let deny = policy(&case.codes, Level::Deny);
        let options = ValidateOptions {
            policy: deny.clone(),
            ..ValidateOptions::default()
        };
        assert!(has_errors(&validate_with(&case.text, &options)), "{name}");
        assert!(
            Response::parse_with(&case.text, &ParseOptions::strict().policy(deny)).is_err(),
            "{name}"
        );
    }
}

#[test]
fn the_projects_own_names_make_the_custom_documents_clean() {
    let policy = Policy::new().command("Record").attribute("Play", "volume");
    let options = ValidateOptions {
        policy: policy.clone(),
        ..ValidateOptions::default()
    };
    let mut seen = 0;
    for case in corpus::cases() {
        if !case.name().contains("custom-") {
            continue;
        }
        seen += 1;
        assert_eq!(case.verdict, Verdict::Refused, "{}", case.name());
        assert_eq!(validate_with(&case.text, &options), [], "{}", case.name());
        let parsed =
            Response::parse_with(&case.text, &ParseOptions::strict().policy(policy.clone()));
        assert!(parsed.is_ok(), "{}", case.name());
    }
    assert_eq!(seen, 2);
}
