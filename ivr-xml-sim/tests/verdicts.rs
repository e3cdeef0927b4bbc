//! The verdict corpus (`ivr-xml/tests/fixtures/verdicts`) through the simulator: each document
//! is the answer to `startservice`; a refused one ends the call as the platform's refusal, one
//! with warnings runs with them recorded, a clean one runs with nothing recorded.
#![allow(clippy::unwrap_used)]

#[path = "../../ivr-xml/tests/fixtures/verdicts/corpus.rs"]
#[allow(dead_code, unreachable_pub)]
mod corpus;

use axum::extract::Path;
use axum::routing::any;
use axum::Router;
use corpus::Verdict;
use ivr_xml::policy::{Level, Policy};
use ivr_xml_sim::{Caller, Config, InProcess, Simulator, Transcript};

/// Answers `startservice` with `doc`, everything else with `<CmdNone/>`.
fn app(doc: String) -> Router {
    Router::new().route(
        "/{segment}",
        any(move |Path(segment): Path<String>| {
            let doc = doc.clone();
            async move {
                let body = if segment == "startservice" {
                    doc
                } else {
                    "<Response><CmdNone/></Response>".to_owned()
                };
                ([("content-type", "application/xml")], body)
            }
        }),
    )
}

async fn run(doc: &str, policy: Policy) -> Transcript {
    let config = Config {
        policy,
        ..Config::default()
    };
    Simulator::with_config(InProcess(app(doc.to_owned())), config)
        .run(vec![Caller::new("13800000001")])
        .await
}

fn refused(transcript: &Transcript) -> bool {
    transcript
        .flags()
        .iter()
        .any(|f| f.starts_with("the platform would reject this answer"))
}

#[tokio::test]
async fn the_simulator_runs_records_or_refuses_as_the_verdict_says() {
    for case in corpus::cases() {
        let name = case.name();
        let transcript = run(&case.text, Policy::new()).await;
        match case.verdict {
            Verdict::Refused => {
                assert!(refused(&transcript), "{name}:\n{transcript}");
                assert_eq!(transcript.hung_up_by(1), Some("platform"), "{name}");
            }
            Verdict::Warnings => {
                assert!(!refused(&transcript), "{name}:\n{transcript}");
                let warned: Vec<&str> = transcript.warnings();
                for code in &case.codes {
                    let marker = format!("[{code}]");
                    assert!(
                        warned.iter().any(|w| w.starts_with(&marker)),
                        "{name}: {code} not recorded:\n{transcript}"
                    );
                }
            }
            Verdict::Clean => {
                assert!(!refused(&transcript), "{name}:\n{transcript}");
                assert_eq!(transcript.warnings(), Vec::<&str>::new(), "{name}");
            }
        }

        // With the document's rules allowed, it runs without a word, unless unreadable.
        if case.codes.is_empty() {
            continue;
        }
        let mut allow = Policy::new();
        for code in &case.codes {
            allow.set_level(code, Level::Allow).unwrap();
        }
        let transcript = run(&case.text, allow).await;
        assert_eq!(
            refused(&transcript),
            case.unreadable,
            "{name}:\n{transcript}"
        );
        assert_eq!(transcript.warnings(), Vec::<&str>::new(), "{name}");
    }
}

#[tokio::test]
async fn the_projects_own_names_make_the_custom_documents_run() {
    let policy = Policy::new().command("Record").attribute("Play", "volume");
    let mut seen = 0;
    for case in corpus::cases() {
        if !case.name().starts_with("custom-") {
            continue;
        }
        seen += 1;
        assert_eq!(case.verdict, Verdict::Refused, "{}", case.name());
        let transcript = run(&case.text, policy.clone()).await;
        assert!(!refused(&transcript), "{}:\n{transcript}", case.name());
        assert_eq!(transcript.warnings(), Vec::<&str>::new(), "{}", case.name());
        assert_eq!(
            transcript.hung_up_by(1),
            Some("application"),
            "{}",
            case.name()
        );
    }
    assert_eq!(seen, 2);
}
