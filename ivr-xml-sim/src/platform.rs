//! The platform's shared state: conferences, and the calls and callbacks its REST interface
//! queued, shared by the call engine and the REST server.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use ivr_xml::notify::{ConfId, Params};

use crate::script::Caller;

/// A conference on the simulated platform.
#[derive(Debug, Clone)]
pub(crate) struct Conference {
    /// Calls in the conference, by engine index.
    pub(crate) members: Vec<usize>,
    pub(crate) max_members: usize,
    pub(crate) ever_joined: bool,
    pub(crate) autodelete: bool,
    pub(crate) joinurl: Option<String>,
    pub(crate) quiturl: Option<String>,
    pub(crate) delreporturl: Option<String>,
    pub(crate) dtmfreporturl: Option<String>,
}

impl Conference {
    /// A new, empty conference with `create`'s settings.
    pub(crate) fn new(create: &ivr_xml::CreateConf) -> Conference {
        let url = |url: &Option<ivr_xml::RelUrl>| url.as_ref().map(|u| u.as_str().to_owned());
        Conference {
            members: Vec::new(),
            max_members: usize::from(create.maxmember.map_or(3, |m| m.get())),
            ever_joined: false,
            autodelete: create.autodelete.unwrap_or(true),
            joinurl: url(&create.joinurl),
            quiturl: url(&create.quiturl),
            delreporturl: url(&create.delreporturl),
            dtmfreporturl: url(&create.dtmfreporturl),
        }
    }
}

/// A call the platform places: an IVR outbound call, or a call inviting a member into a conference.
#[derive(Debug, Clone)]
pub(crate) struct Outbound {
    /// The call id, given out by the REST answer (`callSid`) before the call starts.
    pub(crate) call_id: String,
    pub(crate) callee: Caller,
    pub(crate) kind: OutboundKind,
}

// Outbound calls are placed only through the REST interface (feature `http`).
#[cfg_attr(not(feature = "http"), allow(dead_code))]
#[derive(Debug, Clone)]
pub(crate) enum OutboundKind {
    /// REST `ivr/dial`: the call runs the application's documents from `startservice`.
    Dial { userdata: Option<String> },
    /// REST `InviteJoinConf`: the callee joins the conference when it answers.
    Invite {
        confid: ConfId,
        joinurl: Option<String>,
        /// The invitation's `action`: the invite-result callback (spec §4.4 \[field\]).
        action: Option<String>,
    },
}

#[derive(Debug, Default)]
pub(crate) struct State {
    pub(crate) conferences: BTreeMap<ConfId, Conference>,
    pub(crate) next_confid: u64,
    calls_placed: u64,
    pub(crate) outbound: VecDeque<Outbound>,
    /// Callbacks the REST interface owes the application, sent by the engine: (URL, parameters).
    pub(crate) callbacks: VecDeque<(String, Params)>,
    /// What the REST interface did, for the transcript.
    pub(crate) log: VecDeque<String>,
    /// Conferences a REST `DismissConf` asked to end.
    pub(crate) dismissed: VecDeque<ConfId>,
    /// Conferences created through REST whose 10-minute timer the engine has yet to start (it
    /// starts them when it next looks, in id order), so that it never scans all conferences.
    pub(crate) timers_to_start: BTreeSet<ConfId>,
    callees: HashMap<String, VecDeque<Caller>>,
}

impl State {
    /// A new conference id (8 digits from the configured first one).
    pub(crate) fn new_confid(&mut self) -> Option<ConfId> {
        let id = ConfId::new(self.next_confid.to_string()).ok()?;
        self.next_confid += 1;
        Some(id)
    }

    /// A new call id: 32 hex characters, like the platform's (spec §3.1).
    pub(crate) fn new_call_id(&mut self) -> String {
        self.calls_placed += 1;
        format!(
            "{:016x}{:016x}",
            0x1706_0100_0000_0000_u64, self.calls_placed
        )
    }

    /// The script of the person at `number` when the platform calls it.
    #[cfg_attr(not(feature = "http"), allow(dead_code))]
    pub(crate) fn callee(&mut self, number: &str) -> Caller {
        self.callees
            .get_mut(number)
            .and_then(VecDeque::pop_front)
            .unwrap_or_else(|| Caller::new(number))
    }
}

/// The simulated platform's state, shared by a [`Simulator`](crate::Simulator) and its REST
/// server ([`Platform::rest_router`]). Cheap to clone: clones share the state.
///
/// ```
/// use std::time::Duration;
/// use ivr_xml_sim::{Caller, Platform};
/// let platform = Platform::default();
/// // When the platform calls 13800000009 (an IVR outbound call, an invitation), this person answers.
/// platform.answer_as("13800000009", Caller::new("13800000009").hang_up_after(Duration::from_secs(30)));
/// ```
#[derive(Debug, Clone)]
pub struct Platform {
    state: Arc<Mutex<State>>,
}

impl Default for Platform {
    /// A platform whose conference ids start at [`Config::first_confid`](crate::Config::first_confid)'s default.
    fn default() -> Platform {
        let state = State {
            next_confid: crate::Config::default().first_confid,
            ..State::default()
        };
        Platform {
            state: Arc::new(Mutex::new(state)),
        }
    }
}

impl Platform {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        // The state stays consistent even if a holder panicked: each change is one statement.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Scripts the person who answers when the platform calls `number` (once per call; calls
    /// with no script answer and hang up at once, or stay silent at a `<Get>`).
    ///
    /// ```
    /// use std::time::Duration;
    /// use ivr_xml_sim::{Caller, Platform};
    /// let platform = Platform::default();
    /// platform.answer_as("13800000009", Caller::new("13800000009").press("1", Duration::from_secs(2)));
    /// ```
    pub fn answer_as(&self, number: impl Into<String>, callee: Caller) {
        self.lock()
            .callees
            .entry(number.into())
            .or_default()
            .push_back(callee);
    }

    /// How many members conference `confid` has now (`None` if it does not exist).
    ///
    /// ```
    /// use ivr_xml_sim::Platform;
    /// assert_eq!(Platform::default().members("10000001"), None);
    /// ```
    pub fn members(&self, confid: &str) -> Option<usize> {
        let id = ConfId::new(confid).ok()?;
        self.lock().conferences.get(&id).map(|c| c.members.len())
    }
}
