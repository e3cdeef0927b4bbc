//! One explored call: the simulator plays a path against the application through a transport
//! that records every exchange, bounds the requests of the call and the time of each answer.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use super::identity::{url_path, Doc};
use crate::engine::Config;
use crate::platform::Platform;
use crate::script::Caller;
use crate::transcript::Transcript;
use crate::transport::{AppResponse, PlatformRequest, Transport, TransportError};
use crate::Simulator;

/// One request and what came of it.
#[derive(Debug, Clone)]
pub(super) struct Exchange {
    /// The answer, or why there is none.
    pub(super) result: Result<AppResponse, TransportError>,
    /// The request was not sent: the call reached its bound of requests.
    pub(super) cut: bool,
}

/// What one call produced.
#[derive(Debug)]
pub(super) struct Run {
    pub(super) transcript: Transcript,
    pub(super) exchanges: Vec<Exchange>,
}

/// The transport the simulator is given: the application's, with a time limit on each answer and
/// a bound on the requests of the call, recording each exchange.
struct Recorder<'t, T> {
    inner: &'t mut T,
    log: Arc<Mutex<Vec<Exchange>>>,
    max_steps: usize,
    answer_timeout: Duration,
    /// The answers (request path and identity) since the last `<Get>`: one that comes again
    /// is a loop with no caller input, and the call is cut at the next request (the simulator
    /// follows redirects by recursion, so a loop must not run on to the step bound).
    since_get: Vec<(String, String)>,
    looped: bool,
}

impl<T> Recorder<'_, T> {
    /// Notes the answer to `target`; `true` when it closes a loop with no caller input.
    fn loops(&mut self, target: &str, body: &str) -> bool {
        let Ok(doc) = body.parse::<ivr_xml::Response>() else {
            return false;
        };
        if matches!(doc.commands().first(), Some(ivr_xml::Command::Get(_))) {
            self.since_get.clear();
            return false;
        }
        let key = (url_path(target), Doc::new(&doc).signature);
        if self.since_get.contains(&key) {
            return true;
        }
        self.since_get.push(key);
        false
    }
}

impl<T: Transport> Transport for Recorder<'_, T> {
    async fn send(&mut self, request: PlatformRequest) -> Result<AppResponse, TransportError> {
        let sent = self
            .log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        let (result, cut) = if self.looped {
            let why = "the explorer cut a loop with no caller input".to_owned();
            (Err(TransportError(why)), true)
        } else if sent >= self.max_steps {
            let why = format!(
                "the explorer's bound of {} requests per call (--max-steps-per-call) is reached",
                self.max_steps
            );
            (Err(TransportError(why)), true)
        } else {
            let target = request.path_and_query.clone();
            let answer = tokio::time::timeout(self.answer_timeout, self.inner.send(request)).await;
            let result = answer.unwrap_or_else(|_| {
                Err(TransportError(format!(
                    "no answer to {target} within {} ms",
                    self.answer_timeout.as_millis()
                )))
            });
            if let Ok(answer) = &result {
                self.looped = self.loops(&target, &answer.body);
            }
            (result, false)
        };
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Exchange {
                result: result.clone(),
                cut,
            });
        result
    }
}

/// The platform's settings for exploring: `config` with media that plays in no time, so that a
/// key press or a hang-up meant for a `<Get>` (or an idle call) is never taken by a playback.
pub(super) fn exploring_config(config: &Config) -> Config {
    let mut config = config.clone();
    config.file_duration = Duration::ZERO;
    config.character_duration = Duration::ZERO;
    config
}

/// Plays `caller` (whose script ends with a hang-up) against `transport` as one call on
/// `platform`, whose conferences are cleared first so that each call starts alike; call ids go
/// on counting, so that each call has its own.
pub(super) async fn run_call<T: Transport>(
    transport: &mut T,
    config: &Config,
    platform: &Platform,
    caller: Caller,
    max_steps: usize,
    answer_timeout: Duration,
) -> Run {
    {
        let mut state = platform.lock();
        state.conferences.clear();
        state.next_confid = config.first_confid;
        state.outbound.clear();
        state.callbacks.clear();
        state.log.clear();
        state.dismissed.clear();
        state.timers_to_start.clear();
    }
    let log = Arc::new(Mutex::new(Vec::new()));
    let recorder = Recorder {
        inner: transport,
        log: Arc::clone(&log),
        max_steps,
        answer_timeout,
        since_get: Vec::new(),
        looped: false,
    };
    let mut simulator = Simulator::with_platform(recorder, config.clone(), platform.clone());
    let transcript = simulator.run(vec![caller]).await;
    drop(simulator);
    let exchanges = std::mem::take(&mut *log.lock().unwrap_or_else(PoisonError::into_inner));
    Run {
        transcript,
        exchanges,
    }
}
