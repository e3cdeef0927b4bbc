//! One kind of notification: the [`Message`] trait, how a message reads from and writes to
//! [`Params`] in every encoding (query string, form body, XML body), implemented by the messages
//! of this module and by a boxed message.

use std::borrow::Cow;

use super::error::NotifyError;
use super::params::Params;
use crate::error::ValueError;
use crate::ser::Style;

/// One kind of notification: how it reads from and writes to [`Params`], in every encoding.
///
/// Implemented by the messages of this module ([`StartService`](super::StartService),
/// [`DtmfReport`](super::DtmfReport), ...). Implement it for a callback the crate does not ship:
///
/// ```
/// use ivr_xml::notify::{CallId, Message, NotifyError, Params, Seconds};
///
/// /// A callback the crate does not ship: an application's own "recording finished" URL.
/// #[derive(Debug, PartialEq)]
/// struct Recorded {
///     callid: CallId,
///     duration: Option<Seconds>,
///     extra: Params,
/// }
///
/// impl Message for Recorded {
///     const KIND: &'static str = "recording callback";
///     const DEFAULT_SEGMENT: Option<&'static str> = Some("recorded");
///     const PARAMS: &'static [&'static str] = &["callid", "duration"];
///
///     fn from_params(params: &Params) -> Result<Recorded, NotifyError> {
///         let read = || Ok(Recorded {
///             callid: params.required("callid")?,
///             duration: params.optional("duration")?,
///             extra: params.without(Self::PARAMS),
///         });
///         read().map_err(|err: NotifyError| err.in_message(Self::KIND))
///     }
///
///     fn to_params(&self) -> Params {
///         let mut params = Params::new().with("callid", self.callid.as_str());
///         if let Some(duration) = self.duration {
///             params.push("duration", duration.to_string());
///         }
///         params.extend(self.extra.iter());
///         params
///     }
/// }
///
/// let recorded = Recorded::from_query("callid=c1&duration=1&recordurl=r.wav")?;
/// assert_eq!(recorded.duration, Some(Seconds::new(1)));
/// assert_eq!(recorded.to_query_string(), "callid=c1&duration=1&recordurl=r.wav");
/// assert_eq!(Recorded::from_query("duration=x").unwrap_err().to_string(), "recording callback: missing parameter `callid`: expected a call id (not empty, no spaces or control characters)");
/// # Ok::<(), NotifyError>(())
/// ```
pub trait Message: Sized {
    /// What the message is called in errors, like `stopservice notification`.
    const KIND: &'static str;

    /// The segment the platform names itself (`startservice`, `stopservice`) or uses by default
    /// (`dtmfreport` for a `<Get>` without `action`); `None` when only the application names it.
    const DEFAULT_SEGMENT: Option<&'static str>;

    /// The parameters the message reads; the others go to its `extra`.
    const PARAMS: &'static [&'static str];

    /// Reads the message from decoded parameters.
    fn from_params(params: &Params) -> Result<Self, NotifyError>;

    /// Reads the message from decoded pairs, in order, each borrowed from the input where
    /// nothing was escaped: how [`Request`](super::Request) reads one, so that it types the
    /// values straight from the one-pass decoder as `from_query` does. Same result and errors
    /// as [`Message::from_params`] on the same pairs; the default collects them into a
    /// [`Params`] for it, and `#[derive(Message)]` reads them into the message directly.
    #[doc(hidden)]
    fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
    ) -> Result<Self, NotifyError> {
        Self::from_params(&Params::from_iter(pairs))
    }

    /// The message's parameters: the known ones, then `extra`.
    fn to_params(&self) -> Params;

    /// Reads the message from a query string (see [`Params::from_query`]).
    fn from_query(query: &str) -> Result<Self, NotifyError> {
        Params::from_query(query)
            .and_then(|params| Self::from_params(&params))
            .map_err(|err| err.in_message(Self::KIND))
    }

    /// Reads the message from an `application/x-www-form-urlencoded` body.
    fn from_form(body: &[u8]) -> Result<Self, NotifyError> {
        Params::from_form(body)
            .and_then(|params| Self::from_params(&params))
            .map_err(|err| err.in_message(Self::KIND))
    }

    /// Reads the message from an XML body (see [`Params::from_xml`]).
    fn from_xml(body: &[u8]) -> Result<Self, NotifyError> {
        Params::from_xml(body)
            .and_then(|params| Self::from_params(&params))
            .map_err(|err| err.in_message(Self::KIND))
    }

    /// Writes the message as a query string, which is also its form body.
    fn to_query_string(&self) -> String {
        self.to_params().to_query_string()
    }

    /// Writes the message as a compact XML body (see [`Params::to_xml`]).
    fn to_xml(&self) -> Result<String, ValueError> {
        self.to_params().to_xml()
    }

    /// Writes the message as an XML body in `style`.
    fn to_xml_with(&self, style: &Style) -> Result<String, ValueError> {
        self.to_params().to_xml_with(style)
    }
}

/// A boxed message reads and writes like the message: box a large one (such as
/// [`StopService`](super::StopService)) in an enum of small ones.
///
/// ```
/// use ivr_xml::notify::{Message, StopService};
/// let stop: Box<StopService> = Message::from_query("appid=a&callid=c")?;
/// assert_eq!(stop.to_query_string(), "appid=a&callid=c");
/// # Ok::<(), ivr_xml::notify::NotifyError>(())
/// ```
impl<M: Message> Message for Box<M> {
    const KIND: &'static str = M::KIND;
    const DEFAULT_SEGMENT: Option<&'static str> = M::DEFAULT_SEGMENT;
    const PARAMS: &'static [&'static str] = M::PARAMS;

    fn from_params(params: &Params) -> Result<Box<M>, NotifyError> {
        M::from_params(params).map(Box::new)
    }

    fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
    ) -> Result<Box<M>, NotifyError> {
        M::from_pairs(pairs).map(Box::new)
    }

    fn from_query(query: &str) -> Result<Box<M>, NotifyError> {
        M::from_query(query).map(Box::new)
    }

    fn from_form(body: &[u8]) -> Result<Box<M>, NotifyError> {
        M::from_form(body).map(Box::new)
    }

    fn from_xml(body: &[u8]) -> Result<Box<M>, NotifyError> {
        M::from_xml(body).map(Box::new)
    }

    fn to_params(&self) -> Params {
        (**self).to_params()
    }
}
