//! Choosing the notification by path: [`Notification`] (usually derived) is the application's
//! enum of the notifications it expects, one variant per path segment; [`match_segment`] is the
//! rule that picks the variant, [`RawNotification`] the catch-all that accepts any path, and
//! `__private` the support the derive's generated code calls.

use std::borrow::Cow;

use super::error::{NotifyError, NotifyErrorKind};
use super::params::Params;
use crate::error::ValueError;

/// An application's set of expected notifications, chosen by the request's path segment: derive
/// it with [`#[derive(Notification)]`](derive@super::Notification) and a handler is one `match`.
///
/// [`RawNotification`] implements it too, accepting any path.
///
/// ```
/// use ivr_xml::notify::{Notification, RawNotification, Request};
/// let raw: RawNotification = Request::new("/ivr/anything?x=1").parse()?;
/// assert_eq!(raw.segment(), "/ivr/anything");
/// assert_eq!(raw.to_params().get("x"), Some("1"));
/// # Ok::<(), ivr_xml::notify::NotifyError>(())
/// ```
pub trait Notification: Sized {
    /// The segments expected, in declaration order (for errors and for [`match_segment`]).
    const SEGMENTS: &'static [&'static str];

    /// Chooses the notification by `path` and reads it from `params`.
    fn from_parts(path: &str, params: &Params) -> Result<Self, NotifyError>;

    /// Chooses the notification by `path` and reads it from decoded pairs, each borrowed from
    /// the input where nothing was escaped: how [`Request`](super::Request) reads one. Same
    /// result and errors as [`Notification::from_parts`] on the same pairs; the default collects
    /// them into a [`Params`] for it, and `#[derive(Notification)]` hands them to the chosen
    /// message's [`Message::from_pairs`](super::Message) directly.
    #[doc(hidden)]
    fn from_pairs<'a>(
        path: &str,
        pairs: impl IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
    ) -> Result<Self, NotifyError> {
        Self::from_parts(path, &Params::from_iter(pairs))
    }

    /// The segment the notification is requested at: for a simulator, what to append to the
    /// application's notification URL (the first segment declared for the variant).
    fn segment(&self) -> &str;

    /// The notification's parameters.
    fn to_params(&self) -> Params;

    /// Writes the parameters as a query string, which is also the form body.
    fn to_query_string(&self) -> String {
        self.to_params().to_query_string()
    }

    /// Writes the parameters as a compact XML body.
    fn to_xml(&self) -> Result<String, ValueError> {
        self.to_params().to_xml()
    }
}

/// Which of `segments` the request `path` is for: the longest one that is the whole path or
/// ends it after a `/`. A query string and trailing slashes in `path` are ignored; the
/// comparison is exact (case and percent-encoding as given).
///
/// ```
/// use ivr_xml::notify::match_segment;
/// let segments = ["startservice", "firstget", "menu/first"];
/// assert_eq!(match_segment("/ivr/app1/firstget", &segments), Some(1));
/// assert_eq!(match_segment("https://example.com/ivr/firstget/?a=1", &segments), Some(1));
/// assert_eq!(match_segment("/ivr/menu/first", &segments), Some(2));
/// assert_eq!(match_segment("/ivr/nofirstget", &segments), None);
/// assert_eq!(match_segment("startservice", &segments), Some(0));
/// ```
pub fn match_segment(path: &str, segments: &[&str]) -> Option<usize> {
    let path = path.split('?').next().unwrap_or_default();
    let path = path.trim_end_matches('/');
    segments
        .iter()
        .enumerate()
        .filter(|(_, segment)| {
            !segment.is_empty()
                && (path == **segment
                    || path
                        .strip_suffix(**segment)
                        .is_some_and(|rest| rest.ends_with('/')))
        })
        .max_by_key(|(_, segment)| segment.len())
        .map(|(index, _)| index)
}

/// Any notification, unread: the path and every parameter. The catch-all of a derived enum
/// (`#[notification(other)]`), or a [`Notification`] of its own that accepts every path.
///
/// ```
/// use ivr_xml::notify::{Params, RawNotification};
/// let raw = RawNotification::new("/ivr/agentstate", Params::new().with("agentid", "7"));
/// assert_eq!(raw.path, "/ivr/agentstate");
/// assert_eq!(raw.params.get("agentid"), Some("7"));
/// ```
///
/// It is also the message of a segment the crate has no type for: a variant
/// `#[notification(segment = "...")] Name(RawNotification)` takes that segment and keeps the
/// path and every parameter unread. (The derive recognises the type by its name,
/// `RawNotification`; a type alias of it is not recognised.)
///
/// ```
/// use ivr_xml::notify::{Notification, RawNotification, Request, StartService};
///
/// #[derive(Debug, Notification)]
/// enum Incoming {
///     Start(StartService),
///     #[notification(segment = "recorded")]
///     Recorded(RawNotification),
/// }
///
/// let incoming: Incoming = Request::new("/ivr/recorded?callid=c1&recordurl=r.wav").parse()?;
/// let Incoming::Recorded(raw) = &incoming else { panic!("{incoming:?}") };
/// assert_eq!(raw.path, "/ivr/recorded");
/// assert_eq!(raw.params.get("recordurl"), Some("r.wav"));
/// assert_eq!(incoming.segment(), "recorded");
/// assert_eq!(incoming.to_query_string(), "callid=c1&recordurl=r.wav");
/// # Ok::<(), ivr_xml::notify::NotifyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct RawNotification {
    /// The request's path, as given.
    pub path: String,
    /// Every parameter, in order.
    pub params: Params,
}

impl RawNotification {
    /// A notification at `path` with `params`.
    ///
    /// ```
    /// let raw = ivr_xml::notify::RawNotification::new("cdr", Default::default());
    /// assert!(raw.params.is_empty());
    /// ```
    pub fn new(path: impl Into<String>, params: Params) -> RawNotification {
        RawNotification {
            path: path.into(),
            params,
        }
    }
}

impl Notification for RawNotification {
    const SEGMENTS: &'static [&'static str] = &[];

    fn from_parts(path: &str, params: &Params) -> Result<RawNotification, NotifyError> {
        let path = path.split('?').next().unwrap_or_default();
        Ok(RawNotification::new(path, params.clone()))
    }

    fn segment(&self) -> &str {
        &self.path
    }

    fn to_params(&self) -> Params {
        self.params.clone()
    }
}

/// Support for the code `#[derive(Notification)]` and `#[derive(Message)]` generate. Not a
/// public API.
#[doc(hidden)]
pub mod __private {
    use super::{NotifyError, NotifyErrorKind};

    // What `#[derive(Message)]` calls: the one-pass reader and its slots.
    pub use super::super::source::{Form, PairSource, Pairs, Query};
    pub use super::super::urlencoded::Slot;

    /// The error for a path no variant takes.
    pub fn unexpected_segment(path: &str, expected: &[&'static str]) -> NotifyError {
        NotifyError::new(NotifyErrorKind::UnexpectedSegment {
            path: path.split('?').next().unwrap_or_default().to_owned(),
            expected: expected.to_vec(),
        })
    }

    const fn same(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    /// Fails compilation (in a `const`) when two variants claim one segment.
    pub const fn assert_unique_segments(segments: &[&str]) {
        let mut i = 0;
        while i < segments.len() {
            let mut j = i + 1;
            while j < segments.len() {
                if same(segments[i], segments[j]) {
                    panic!("two variants of this #[derive(Notification)] enum take the same segment (a default segment of a message type counts too)");
                }
                j += 1;
            }
            i += 1;
        }
    }
}
