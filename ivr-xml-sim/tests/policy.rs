//! How the simulator reads answers under a `Policy`: errors refuse, warnings are recorded and the
//! answer runs, the project's own commands run as no-ops or through a callback.
#![allow(clippy::unwrap_used)]

mod fixed_app;
use fixed_app::app;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use ivr_xml::policy::Policy;
use ivr_xml_sim::{Caller, Config, Event, InProcess, Simulator, Transcript};

async fn run(routes: &'static [(&'static str, &'static str)], config: Config) -> Transcript {
    Simulator::with_config(InProcess(app(routes)), config)
        .run(vec![Caller::new("1")])
        .await
}

fn notes(transcript: &Transcript) -> Vec<&str> {
    transcript
        .entries
        .iter()
        .filter_map(|e| match &e.event {
            Event::Note { text } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

const RECORD: &[(&str, &str)] = &[(
    "startservice",
    "<Response><Record max='60'/><Play>after.wav</Play><Hangup/></Response>",
)];

#[tokio::test]
async fn an_unknown_command_is_refused_by_default() {
    let transcript = run(RECORD, Config::default()).await;
    assert_eq!(transcript.flags().len(), 1, "{transcript}");
    assert!(
        transcript.flags()[0].contains("IVR101")
            || transcript.flags()[0].contains("unknown element"),
        "{transcript}"
    );
    assert_eq!(transcript.heard(1), Vec::<&str>::new());
    assert_eq!(transcript.hung_up_by(1), Some("platform"));
}

#[tokio::test]
async fn a_command_named_in_the_policy_runs_as_a_no_op() {
    let config = Config {
        policy: Policy::new().command("Record"),
        ..Config::default()
    };
    let transcript = run(RECORD, config).await;
    assert_eq!(transcript.flags(), Vec::<&str>::new(), "{transcript}");
    assert_eq!(
        notes(&transcript),
        ["<Record>, the project's own command, run as a no-op"]
    );
    assert_eq!(transcript.heard(1), ["after.wav"]);
    assert_eq!(transcript.hung_up_by(1), Some("application"));
}

#[tokio::test]
async fn a_custom_command_runs_its_callback() {
    let runs = Arc::new(AtomicUsize::new(0));
    let counter = runs.clone();
    let config = Config::default().on_custom_command("Record", move |record| {
        counter.fetch_add(1, Ordering::SeqCst);
        format!(
            "recorded up to {} s",
            record.get_attribute("max").unwrap_or("?")
        )
    });
    let transcript = run(RECORD, config).await;
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    assert_eq!(notes(&transcript), ["<Record>: recorded up to 60 s"]);
    assert_eq!(transcript.heard(1), ["after.wav"]);
}

const UNREACHABLE: &[(&str, &str)] = &[(
    "startservice",
    "<Response><Play>bye.wav</Play><Hangup/><Play>never.wav</Play></Response>",
)];

#[tokio::test]
async fn a_warning_is_recorded_and_the_answer_runs() {
    let transcript = run(UNREACHABLE, Config::default()).await;
    assert_eq!(transcript.flags(), Vec::<&str>::new(), "{transcript}");
    assert_eq!(transcript.warnings().len(), 1, "{transcript}");
    assert!(
        transcript.warnings()[0].starts_with("[IVR202]"),
        "{transcript}"
    );
    assert_eq!(transcript.heard(1), ["bye.wav"]);
    assert_eq!(transcript.hung_up_by(1), Some("application"));

    // Denied, the same answer is refused; allowed, it is not even recorded.
    let deny = Config {
        policy: Policy::new().deny("IVR202").unwrap(),
        ..Config::default()
    };
    let transcript = run(UNREACHABLE, deny).await;
    assert_eq!(transcript.flags().len(), 1, "{transcript}");
    assert_eq!(transcript.heard(1), Vec::<&str>::new());
    let allow = Config {
        policy: Policy::new().allow("IVR202").unwrap(),
        ..Config::default()
    };
    let transcript = run(UNREACHABLE, allow).await;
    assert_eq!(transcript.warnings(), Vec::<&str>::new(), "{transcript}");
    assert_eq!(transcript.heard(1), ["bye.wav"]);
}
