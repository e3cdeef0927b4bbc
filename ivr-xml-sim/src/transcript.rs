//! What happened during a simulation, on the virtual clock: a transcript tests can snapshot.

use std::fmt;
use std::time::Duration;

/// One line of a [`Transcript`].
///
/// ```
/// # let app = axum::Router::new().fallback(|| async { "<Response><Play>hello.wav</Play><Hangup/></Response>" });
/// # let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// # let transcript = runtime.block_on(ivr_xml_sim::Simulator::new(ivr_xml_sim::InProcess(app)).run(vec![ivr_xml_sim::Caller::new("13800000001")]));
/// let first = &transcript.entries[0];
/// assert_eq!(first.call, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Virtual time since the simulation started.
    pub at: Duration,
    /// Which call (1-based, in the order the callers were given); 0 for conference-wide events.
    pub call: usize,
    /// What happened.
    pub event: Event,
}

/// What happened.
///
/// ```
/// # let app = axum::Router::new().fallback(|| async { "<Response><Play>hello.wav</Play><Hangup/></Response>" });
/// # let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// # let transcript = runtime.block_on(ivr_xml_sim::Simulator::new(ivr_xml_sim::InProcess(app)).run(vec![ivr_xml_sim::Caller::new("13800000001")]));
/// use ivr_xml_sim::Event;
/// assert!(transcript.entries.iter().any(|e| matches!(&e.event, Event::Heard { what } if what == "hello.wav")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The call was connected.
    CallStarted {
        /// The call id the platform assigned.
        callid: String,
        /// The caller's number.
        from: String,
    },
    /// The platform sent a notification: `METHOD /segment?query`.
    Notified {
        /// `POST` or `GET`.
        method: String,
        /// Path and query.
        request: String,
    },
    /// The application answered (the document as sent, whitespace collapsed to one line).
    Answered {
        /// HTTP status.
        status: u16,
        /// The body.
        body: String,
    },
    /// The caller heard a prompt.
    Heard {
        /// What was played: a file, `tts:…`, `digits:…`.
        what: String,
    },
    /// The caller pressed keys.
    Pressed {
        /// The keys.
        keys: String,
    },
    /// A `<Get>` timed out.
    TimedOut,
    /// A conference was created.
    ConferenceCreated {
        /// Its id.
        confid: String,
    },
    /// The call joined a conference.
    Joined {
        /// The conference id.
        confid: String,
    },
    /// Joining failed.
    JoinFailed {
        /// The conference id asked for.
        confid: String,
        /// Why.
        reason: String,
    },
    /// The call left a conference.
    Left {
        /// The conference id.
        confid: String,
    },
    /// A conference was deleted.
    ConferenceDeleted {
        /// Its id.
        confid: String,
        /// Why.
        reason: String,
    },
    /// The call ended.
    HungUp {
        /// `caller`, `application` or `platform`.
        by: String,
    },
    /// Something the platform would reject, or the simulator cannot do.
    Flagged {
        /// What.
        problem: String,
    },
    /// The application's answer has a finding at level warn (`ivr_xml::policy`): it still runs.
    Warned {
        /// The finding: `[code]` and the `ivr_xml::Warning` as it displays.
        finding: String,
    },
    /// A note on what the platform did (a step with no command to run, a late key press).
    Note {
        /// What.
        text: String,
    },
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::CallStarted { callid, from } => write!(f, "call {callid} from {from} connected"),
            Event::Notified { method, request } => write!(f, "-> {method} {request}"),
            Event::Answered { status, body } => write!(f, "<- {status} {body}"),
            Event::Heard { what } => write!(f, "hears {what}"),
            Event::Pressed { keys } => write!(f, "presses {keys}"),
            Event::TimedOut => f.write_str("<Get> times out"),
            Event::ConferenceCreated { confid } => write!(f, "conference {confid} created"),
            Event::Joined { confid } => write!(f, "joins conference {confid}"),
            Event::JoinFailed { confid, reason } => {
                write!(f, "cannot join conference {confid}: {reason}")
            }
            Event::Left { confid } => write!(f, "leaves conference {confid}"),
            Event::ConferenceDeleted { confid, reason } => {
                write!(f, "conference {confid} deleted: {reason}")
            }
            Event::HungUp { by } => write!(f, "hung up by the {by}"),
            Event::Flagged { problem } => write!(f, "FLAGGED: {problem}"),
            Event::Warned { finding } => write!(f, "WARNING: {finding}"),
            Event::Note { text } => write!(f, "note: {text}"),
        }
    }
}

/// Everything that happened, in virtual-time order.
///
/// Its `Display` is one line per entry, `[mm:ss.mmm] #call event`, made for snapshots.
///
/// ```
/// # let app = axum::Router::new().fallback(|| async { "<Response><Play>hello.wav</Play><Hangup/></Response>" });
/// # let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// # let transcript = runtime.block_on(ivr_xml_sim::Simulator::new(ivr_xml_sim::InProcess(app)).run(vec![ivr_xml_sim::Caller::new("13800000001")]));
/// // One line per event, with its virtual time: ready for snapshots.
/// assert!(transcript.to_string().starts_with("[00:00.000] #1 "), "{transcript}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Transcript {
    /// The entries, in order.
    pub entries: Vec<Entry>,
}

impl Transcript {
    /// The problems flagged (documents the platform would reject, unsupported commands).
    ///
    /// ```
    /// # let app = axum::Router::new().fallback(|| async { "<Response><Play>hello.wav</Play><Hangup/></Response>" });
    /// # let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    /// # let transcript = runtime.block_on(ivr_xml_sim::Simulator::new(ivr_xml_sim::InProcess(app)).run(vec![ivr_xml_sim::Caller::new("13800000001")]));
    /// assert!(transcript.flags().is_empty());
    /// ```
    pub fn flags(&self) -> Vec<&str> {
        self.entries
            .iter()
            .filter_map(|e| match &e.event {
                Event::Flagged { problem } => Some(problem.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The warnings on the application's answers (findings at level warn), in order.
    ///
    /// ```
    /// use std::time::Duration;
    /// use ivr_xml_sim::{Entry, Event, Transcript};
    /// let finding = "[IVR202] warning: ...".to_owned();
    /// let transcript = Transcript {
    ///     entries: vec![Entry { at: Duration::ZERO, call: 1, event: Event::Warned { finding } }],
    /// };
    /// assert_eq!(transcript.warnings(), ["[IVR202] warning: ..."]);
    /// ```
    pub fn warnings(&self) -> Vec<&str> {
        self.entries
            .iter()
            .filter_map(|e| match &e.event {
                Event::Warned { finding } => Some(finding.as_str()),
                _ => None,
            })
            .collect()
    }

    /// What call `call` heard, in order.
    ///
    /// ```
    /// # let app = axum::Router::new().fallback(|| async { "<Response><Play>hello.wav</Play><Hangup/></Response>" });
    /// # let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    /// # let transcript = runtime.block_on(ivr_xml_sim::Simulator::new(ivr_xml_sim::InProcess(app)).run(vec![ivr_xml_sim::Caller::new("13800000001")]));
    /// assert_eq!(transcript.heard(1), ["hello.wav"]);
    /// ```
    pub fn heard(&self, call: usize) -> Vec<&str> {
        self.entries
            .iter()
            .filter(|e| e.call == call)
            .filter_map(|e| match &e.event {
                Event::Heard { what } => Some(what.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The notifications sent for call `call`, as `METHOD /segment?query`.
    ///
    /// ```
    /// # let app = axum::Router::new().fallback(|| async { "<Response><Play>hello.wav</Play><Hangup/></Response>" });
    /// # let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    /// # let transcript = runtime.block_on(ivr_xml_sim::Simulator::new(ivr_xml_sim::InProcess(app)).run(vec![ivr_xml_sim::Caller::new("13800000001")]));
    /// assert!(transcript.requests(1)[0].starts_with("POST /startservice?"), "{:?}", transcript.requests(1));
    /// ```
    pub fn requests(&self, call: usize) -> Vec<String> {
        self.entries
            .iter()
            .filter(|e| e.call == call)
            .filter_map(|e| match &e.event {
                Event::Notified { method, request } => Some(format!("{method} {request}")),
                _ => None,
            })
            .collect()
    }

    /// The conference call `call` was last in, if it joined one.
    ///
    /// ```
    /// # let app = axum::Router::new().fallback(|| async { "<Response><Play>hello.wav</Play><Hangup/></Response>" });
    /// # let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    /// # let transcript = runtime.block_on(ivr_xml_sim::Simulator::new(ivr_xml_sim::InProcess(app)).run(vec![ivr_xml_sim::Caller::new("13800000001")]));
    /// assert_eq!(transcript.joined(1), None); // no conference in this call
    /// ```
    pub fn joined(&self, call: usize) -> Option<&str> {
        self.entries
            .iter()
            .rev()
            .filter(|e| e.call == call)
            .find_map(|e| match &e.event {
                Event::Joined { confid } => Some(confid.as_str()),
                _ => None,
            })
    }

    /// Who ended call `call`, if it ended.
    ///
    /// ```
    /// # let app = axum::Router::new().fallback(|| async { "<Response><Play>hello.wav</Play><Hangup/></Response>" });
    /// # let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    /// # let transcript = runtime.block_on(ivr_xml_sim::Simulator::new(ivr_xml_sim::InProcess(app)).run(vec![ivr_xml_sim::Caller::new("13800000001")]));
    /// assert_eq!(transcript.hung_up_by(1), Some("application"));
    /// ```
    pub fn hung_up_by(&self, call: usize) -> Option<&str> {
        self.entries
            .iter()
            .filter(|e| e.call == call)
            .find_map(|e| match &e.event {
                Event::HungUp { by } => Some(by.as_str()),
                _ => None,
            })
    }
}

impl fmt::Display for Transcript {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for entry in &self.entries {
            let millis = entry.at.as_millis();
            let (minutes, rest) = (millis / 60_000, millis % 60_000);
            let who = if entry.call == 0 {
                "  ".to_owned()
            } else {
                format!("#{}", entry.call)
            };
            writeln!(
                f,
                "[{minutes:02}:{:02}.{:03}] {who} {}",
                rest / 1000,
                rest % 1000,
                entry.event
            )?;
        }
        Ok(())
    }
}
