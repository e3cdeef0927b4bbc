//! Scripted callers: what each caller does, and when.

use std::collections::VecDeque;
use std::time::Duration;

/// One thing a caller does, taken in order at each point where the call waits for the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Press `keys` this long after the `<Get>` starts its prompt. Taken by the next `<Get>`;
    /// pressed later than the prompt plus the timeout, the keys come too late and the `<Get>`
    /// times out.
    Press {
        /// The keys, `0`-`9`, `*`, `#`.
        keys: String,
        /// Delay from the start of the prompt.
        after: Duration,
    },
    /// Press nothing at the next `<Get>`: it times out.
    Silence,
    /// Hang up this long after the caller's next waiting point starts (a prompt, a playback, a
    /// conference, an idle call). Hanging up before a `<Get>` times out ends the call there.
    HangUp {
        /// Delay from the start of the waiting point.
        after: Duration,
    },
}

/// A caller: the numbers of the call and a script of [`Action`]s.
///
/// When the script runs out, the caller keeps silent at a `<Get>` and hangs up at once
/// anywhere else (idle, or in a conference).
///
/// ```
/// use std::time::Duration;
/// use ivr_xml_sim::Caller;
/// let caller = Caller::new("13800000001").press("2", Duration::from_secs(3)).silence().hang_up_after(Duration::ZERO);
/// assert_eq!(caller.actions().len(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub(crate) from: String,
    pub(crate) to: Option<String>,
    pub(crate) starts_after: Duration,
    pub(crate) actions: VecDeque<Action>,
}

impl Caller {
    /// A caller dialling in from `from`, with an empty script.
    pub fn new(from: impl Into<String>) -> Caller {
        Caller {
            from: from.into(),
            to: None,
            starts_after: Duration::ZERO,
            actions: VecDeque::new(),
        }
    }

    /// The number dialled (default: the simulator's access number).
    pub fn dialling(mut self, to: impl Into<String>) -> Caller {
        self.to = Some(to.into());
        self
    }

    /// The call starts this long after the simulation starts (default at once).
    pub fn starting_after(mut self, delay: Duration) -> Caller {
        self.starts_after = delay;
        self
    }

    /// Presses `keys` this long after the next `<Get>` starts.
    pub fn press(mut self, keys: impl Into<String>, after: Duration) -> Caller {
        self.actions.push_back(Action::Press {
            keys: keys.into(),
            after,
        });
        self
    }

    /// Keeps silent at the next `<Get>`, which times out.
    pub fn silence(mut self) -> Caller {
        self.actions.push_back(Action::Silence);
        self
    }

    /// Hangs up this long after the next waiting point starts.
    pub fn hang_up_after(mut self, after: Duration) -> Caller {
        self.actions.push_back(Action::HangUp { after });
        self
    }

    /// The script, in order.
    pub fn actions(&self) -> &VecDeque<Action> {
        &self.actions
    }
}
