//! The scheduler at scale: 2,000 callers in one simulation, each call checked against what its
//! script must produce, in process against the menu application the scaling benchmark runs.
//! (No timing here: `benches/scaling.rs` measures the cost per call.)

use std::time::Duration;

use ivr_xml_sim::{Entry, Event, InProcess, Simulator, Transcript};

mod menu_app;

const CALLERS: usize = 2_000;

/// What the transcript must say for caller `index`, in order: the event's time since the call
/// started (ms), and how its text starts and ends.
fn expected(index: usize) -> Vec<(u64, String, &'static str)> {
    let callid = format!("1706010000000000{:016x}", index + 1);
    let from = format!("138{index:08}");
    let (pressed, prompt, tag) = match index % 3 {
        0 => (Some((2_000, "1")), "sales.wav", "1"),
        1 => (Some((4_000, "2")), "support.wav", "2"),
        _ => (None, "timeout.wav", "timeout"),
    };
    let mut lines = vec![
        (0, format!("call {callid} from {from} connected"), ""),
        (0, "-> POST /startservice?".to_owned(), "&direction=0"),
        (0, "<- 200 ".to_owned(), "</Response>"),
        (0, "hears welcome.wav".to_owned(), ""),
    ];
    // The key is pressed and reported, or the `<Get>` times out after the prompt (3 s) and 10 s.
    let redirect_at = match pressed {
        Some((at, key)) => {
            lines.push((at, format!("presses {key}"), ""));
            let digits = match key {
                "1" => "&digits=1",
                _ => "&digits=2",
            };
            lines.push((at, "-> POST /menu?".to_owned(), digits));
            lines.push((at, "<- 200 ".to_owned(), "</Response>"));
            at
        }
        None => {
            lines.push((13_000, "<Get> times out".to_owned(), ""));
            13_000
        }
    };
    let tag_suffix = match tag {
        "1" => "&tag=1",
        "2" => "&tag=2",
        _ => "&tag=timeout",
    };
    let end = redirect_at + 3_000;
    lines.extend([
        (redirect_at, format!("hears {prompt}"), ""),
        (end, "-> POST /goodbye?".to_owned(), tag_suffix),
        (end, "<- 200 ".to_owned(), "</Response>"),
        (end, "hung up by the application".to_owned(), ""),
        (end, "-> POST /stopservice?".to_owned(), ""),
        (end, "<- 200 ".to_owned(), "</Response>"),
    ]);
    lines
}

/// When caller `index` starts, as the menu application's callers are scripted.
fn start(index: usize) -> Duration {
    Duration::from_millis((index as u64 % 1_000) * 10)
}

/// Each call's entries, in transcript order (one pass over the transcript).
fn by_call(transcript: &Transcript) -> Vec<Vec<&Entry>> {
    let mut calls = vec![Vec::new(); CALLERS];
    for entry in &transcript.entries {
        if let Some(call) = entry.call.checked_sub(1).and_then(|i| calls.get_mut(i)) {
            call.push(entry);
        }
    }
    calls
}

fn check_call(index: usize, entries: &[&Entry]) -> Result<(), String> {
    let expected = expected(index);
    let callid = format!("callid=1706010000000000{:016x}", index + 1);
    if entries.len() != expected.len() {
        let got: Vec<String> = entries.iter().map(|e| e.event.to_string()).collect();
        return Err(format!(
            "{} entries instead of {}: {got:#?}",
            entries.len(),
            expected.len()
        ));
    }
    for (entry, (offset, starts, ends)) in entries.iter().zip(&expected) {
        let text = entry.event.to_string();
        let at = start(index) + Duration::from_millis(*offset);
        let request_ok = !matches!(entry.event, Event::Notified { .. }) || text.contains(&callid);
        if entry.at != at
            || !text.starts_with(starts.as_str())
            || !text.ends_with(ends)
            || !request_ok
        {
            return Err(format!(
                "at {:?}: `{text}`, expected at {at:?} `{starts}…{ends}` (with {callid} if a request)",
                entry.at
            ));
        }
    }
    Ok(())
}

#[tokio::test]
async fn two_thousand_concurrent_callers_each_get_their_scripted_call() {
    let transcript = Simulator::new(InProcess(menu_app::router()))
        .run(menu_app::callers(CALLERS))
        .await;
    assert_eq!(transcript.flags(), Vec::<&str>::new());
    assert_eq!(
        transcript.entries.iter().filter(|e| e.call == 0).count(),
        0,
        "no platform-wide events in this scenario"
    );
    let calls = by_call(&transcript);
    for (index, entries) in calls.iter().enumerate() {
        if let Err(problem) = check_call(index, entries) {
            panic!("call #{}: {problem}", index + 1);
        }
    }
    // Virtual time never goes back, and calls due at the same instant run in the order they
    // were scheduled: calls starting together connect in the order the callers were given.
    assert!(transcript.entries.windows(2).all(|w| w[0].at <= w[1].at));
    let connected: Vec<usize> = transcript
        .entries
        .iter()
        .filter(|e| matches!(e.event, Event::CallStarted { .. }))
        .map(|e| e.call)
        .collect();
    let mut by_start: Vec<usize> = (1..=CALLERS).collect();
    by_start.sort_by_key(|&call| (start(call - 1), call));
    assert_eq!(connected, by_start);
}

#[tokio::test]
async fn a_large_simulation_is_deterministic() {
    let run = || async {
        Simulator::new(InProcess(menu_app::router()))
            .run(menu_app::callers(CALLERS))
            .await
    };
    let (first, second) = (run().await, run().await);
    assert_eq!(first.entries.len(), second.entries.len());
    assert!(first == second, "two runs of the same callers differ");
}
