//! Scripted callers: what each caller does, and when.

use std::collections::VecDeque;
use std::time::Duration;

use crate::engine::UrlForm;
#[cfg(doc)]
use crate::Config;

/// One thing a caller does, taken in order at each point where the call waits for the caller.
///
/// ```
/// use std::time::Duration;
/// use ivr_xml_sim::{Action, Caller};
/// let caller = Caller::new("13800000001").press("1#", Duration::from_secs(2));
/// assert_eq!(caller.actions()[0], Action::Press { keys: "1#".to_owned(), after: Duration::from_secs(2) });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Press `keys` this long after the next point that listens for keys starts: a `<Get>`'s
    /// prompt, or a playback the keys cut short (a sub-command `<Play>`, R6; a `<Play>` whose
    /// `finishkey` is among them). A playback that ends first, or that the keys do not cut
    /// short, leaves them for the next point. Pressed later than a `<Get>`'s prompt plus its
    /// timeout, the keys come too late and the `<Get>` times out.
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
    pub(crate) url_form: Option<UrlForm>,
    pub(crate) base_path: Option<String>,
}

impl Caller {
    /// A caller dialling in from `from`, with an empty script.
    ///
    /// ```
    /// use ivr_xml_sim::Caller;
    /// let caller = Caller::new("13800000001");
    /// assert!(caller.actions().is_empty());
    /// ```
    pub fn new(from: impl Into<String>) -> Caller {
        Caller {
            from: from.into(),
            to: None,
            starts_after: Duration::ZERO,
            actions: VecDeque::new(),
            url_form: None,
            base_path: None,
        }
    }

    /// The number dialled (default: the simulator's access number).
    ///
    /// ```
    /// use ivr_xml_sim::Caller;
    /// let caller = Caller::new("13800000001").dialling("02566687001");
    /// # let _ = caller;
    /// ```
    pub fn dialling(mut self, to: impl Into<String>) -> Caller {
        self.to = Some(to.into());
        self
    }

    /// The call starts this long after the simulation starts (default at once).
    ///
    /// ```
    /// use std::time::Duration;
    /// use ivr_xml_sim::Caller;
    /// // Two callers, the second one a minute into the simulation.
    /// let callers = [Caller::new("1"), Caller::new("2").starting_after(Duration::from_secs(60))];
    /// # let _ = callers;
    /// ```
    pub fn starting_after(mut self, delay: Duration) -> Caller {
        self.starts_after = delay;
        self
    }

    /// Presses `keys` this long after the next point that listens starts (see [`Action::Press`]).
    ///
    /// ```
    /// use std::time::Duration;
    /// use ivr_xml_sim::{Action, Caller};
    /// let caller = Caller::new("13800000001").press("2", Duration::from_secs(3));
    /// assert!(matches!(caller.actions()[0], Action::Press { .. }));
    /// ```
    pub fn press(mut self, keys: impl Into<String>, after: Duration) -> Caller {
        self.actions.push_back(Action::Press {
            keys: keys.into(),
            after,
        });
        self
    }

    /// Keeps silent at the next `<Get>`, which times out.
    ///
    /// ```
    /// use ivr_xml_sim::{Action, Caller};
    /// let caller = Caller::new("13800000001").silence();
    /// assert_eq!(caller.actions()[0], Action::Silence);
    /// ```
    pub fn silence(mut self) -> Caller {
        self.actions.push_back(Action::Silence);
        self
    }

    /// Hangs up this long after the next waiting point starts.
    ///
    /// ```
    /// use std::time::Duration;
    /// use ivr_xml_sim::{Action, Caller};
    /// let caller = Caller::new("13800000001").hang_up_after(Duration::from_secs(10));
    /// assert_eq!(caller.actions()[0], Action::HangUp { after: Duration::from_secs(10) });
    /// ```
    pub fn hang_up_after(mut self, after: Duration) -> Caller {
        self.actions.push_back(Action::HangUp { after });
        self
    }

    /// Writes this call's notification URLs in `form` (default [`Config::url_form`]).
    ///
    /// ```
    /// use ivr_xml_sim::{Caller, UrlForm};
    /// let caller = Caller::new("13800000001").url_form(UrlForm::QuerySegment).base_path("/ivr");
    /// # let _ = caller;
    /// ```
    pub fn url_form(mut self, form: UrlForm) -> Caller {
        self.url_form = Some(form);
        self
    }

    /// Sends this call's notifications under `path` (default [`Config::base_path`]).
    ///
    /// See [`Caller::url_form`] for an example.
    ///
    /// ```
    /// use ivr_xml_sim::Caller;
    /// let caller = Caller::new("13800000001").base_path("/ivr");
    /// # let _ = caller;
    /// ```
    pub fn base_path(mut self, path: impl Into<String>) -> Caller {
        self.base_path = Some(path.into());
        self
    }

    /// The script, in order.
    ///
    /// ```
    /// use std::time::Duration;
    /// use ivr_xml_sim::Caller;
    /// let caller = Caller::new("1").silence().hang_up_after(Duration::ZERO);
    /// assert_eq!(caller.actions().len(), 2);
    /// ```
    pub fn actions(&self) -> &VecDeque<Action> {
        &self.actions
    }
}
