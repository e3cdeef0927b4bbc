//! What decoding a [`Request`](super::Request) gives: the merged parameters ([`Decoded`]), the
//! [`Conflict`]s between query string and body, and the report of a body that was not read
//! ([`IgnoredBody`]).

use std::fmt;

use super::dispatch::Notification;
use super::error::{NotifyError, NotifyErrorKind};
use super::message::Message;
use super::params::Params;

/// A parameter with one value in the query string and another in the body. The query string
/// wins, unless [`NotifyOptions::refuse_conflicts`](super::NotifyOptions::refuse_conflicts) makes this an error.
///
/// ```
/// use ivr_xml::notify::Request;
/// let decoded = Request::new("/ivr/dtmfreport?digits=1").form(b"digits=2").decode()?;
/// assert_eq!(decoded.params().get("digits"), Some("1"));
/// let conflict = &decoded.conflicts()[0];
/// assert_eq!((conflict.name(), conflict.query(), conflict.body()), ("digits", "1", "2"));
/// assert_eq!(conflict.to_string(), "parameter `digits` is `1` in the query string but `2` in the body: expected the same value in both");
/// # Ok::<(), ivr_xml::notify::NotifyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Conflict {
    pub(super) name: String,
    pub(super) query: String,
    pub(super) body: String,
}

impl Conflict {
    /// The parameter's name.
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// let decoded = Request::new("/x?callid=c1").form(b"callid=c2").decode()?;
    /// assert_eq!(decoded.conflicts()[0].name(), "callid");
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its value in the query string (the one kept).
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// let decoded = Request::new("/x?callid=c1").form(b"callid=c2").decode()?;
    /// assert_eq!(decoded.conflicts()[0].query(), "c1");
    /// assert_eq!(decoded.params().get("callid"), Some("c1"));
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Its value in the body (dropped).
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// let decoded = Request::new("/x?callid=c1").form(b"callid=c2").decode()?;
    /// assert_eq!(decoded.conflicts()[0].body(), "c2");
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn body(&self) -> &str {
        &self.body
    }

    pub(super) fn into_kind(self) -> NotifyErrorKind {
        NotifyErrorKind::Conflict {
            name: self.name,
            query: self.query,
            body: self.body,
        }
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.clone().into_kind().fmt(f)
    }
}

/// A body that was not read because its content type carries no notification parameters
/// (JSON, HTML, `application/octet-stream`, ...). The parameters are read from the query
/// string alone, where the platform sends them (spec §3.1); [`Decoded::ignored_body`] reports
/// the body. When the query string alone does not make the notification, reading it fails with
/// [`UnsupportedContentType`](NotifyErrorKind::UnsupportedContentType), since the parameters
/// were probably in the body.
///
/// ```
/// use ivr_xml::notify::{Request, StopService};
/// let request = Request::new("/stopservice?appid=a1&callid=c1").body("application/json", b"{\"callid\":\"c9\"}");
/// let decoded = request.decode()?;
/// let ignored = decoded.ignored_body().unwrap();
/// assert_eq!((ignored.content_type(), ignored.len()), ("application/json", 15));
/// assert_eq!(ignored.to_string(), "a body of 15 bytes of `application/json` was ignored: the parameters were read from the query string");
/// let stop: StopService = decoded.message()?;
/// assert_eq!(stop.callid, "c1");
/// # Ok::<(), ivr_xml::notify::NotifyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IgnoredBody {
    pub(super) content_type: String,
    pub(super) len: usize,
}

impl IgnoredBody {
    /// The body's content type, as received.
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// let decoded = Request::new("/x?a=1").body("text/html", b"<p>hi</p>").decode()?;
    /// assert_eq!(decoded.ignored_body().map(|b| b.content_type()), Some("text/html"));
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn content_type(&self) -> &str {
        &self.content_type
    }

    /// The body's length in bytes.
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// let decoded = Request::new("/x?a=1").body("text/html", b"<p>hi</p>").decode()?;
    /// assert_eq!(decoded.ignored_body().map(|b| b.len()), Some(9));
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    #[allow(clippy::len_without_is_empty)] // an ignored body is never empty
    pub fn len(&self) -> usize {
        self.len
    }

    fn error(&self) -> NotifyError {
        NotifyError::new(NotifyErrorKind::UnsupportedContentType {
            content_type: self.content_type.clone(),
        })
    }
}

impl fmt::Display for IgnoredBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a body of {} bytes of `{}` was ignored: the parameters were read from the query string",
            self.len,
            self.content_type.escape_debug()
        )
    }
}

/// A decoded request: its path, its parameters (query string and body merged) and the conflicts
/// between them. Choose the notification with [`Decoded::parse`], or read the parameters raw.
///
/// ```
/// use ivr_xml::notify::{Request, StopService};
/// let decoded = Request::new("/ivr/stopservice?appid=a1&callid=c1&mediaflow=12").decode()?;
/// assert_eq!(decoded.path(), "/ivr/stopservice");
/// assert_eq!(decoded.params().get("mediaflow"), Some("12"));
/// let stop: StopService = decoded.message()?;
/// assert_eq!(stop.extra.get("mediaflow"), Some("12"));
/// # Ok::<(), ivr_xml::notify::NotifyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub(super) path: String,
    pub(super) params: Params,
    pub(super) conflicts: Vec<Conflict>,
    pub(super) ignored_body: Option<IgnoredBody>,
}

impl Decoded {
    /// The request's path, with the segment a query string named by its first bare key joined
    /// to it (`/ivr/?startservice&…` has the path `/ivr/startservice`, see [`Request`](super::Request)).
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// assert_eq!(Request::new("/ivr/stopservice?callid=c1").decode()?.path(), "/ivr/stopservice");
    /// // A first bare key names the segment.
    /// assert_eq!(Request::new("/ivr/?startservice&callid=c1").decode()?.path(), "/ivr/startservice");
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Every parameter, in order: the query string's, then those only in the body.
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// let decoded = Request::new("/x?a=1").form(b"b=2").decode()?;
    /// let params: Vec<(&str, &str)> = decoded.params().iter().collect();
    /// assert_eq!(params, [("a", "1"), ("b", "2")]);
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The parameters whose body value differs from their query-string value (which was kept).
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// assert!(Request::new("/x?a=1").form(b"a=1").decode()?.conflicts().is_empty());
    /// let decoded = Request::new("/x?a=1").form(b"a=2").decode()?;
    /// assert_eq!(decoded.conflicts().len(), 1);
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// The parameters, by value.
    ///
    /// ```
    /// let params = ivr_xml::notify::Request::new("/x?a=1").decode()?.into_params();
    /// assert_eq!(params.get("a"), Some("1"));
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn into_params(self) -> Params {
        self.params
    }

    /// Chooses the notification by path segment and reads it.
    ///
    /// See [`Request::parse`](super::Request::parse) for an example.
    ///
    /// ```
    /// use ivr_xml::notify::{Notification, Request, StartService, StopService};
    ///
    /// #[derive(Debug, Notification)]
    /// enum Call {
    ///     Start(StartService),
    ///     Stop(StopService),
    /// }
    ///
    /// let decoded = Request::new("/ivr/stopservice?appid=a1&callid=c1").decode()?;
    /// let call: Call = decoded.parse()?;
    /// assert!(matches!(call, Call::Stop(stop) if stop.callid == "c1"));
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn parse<N: Notification>(&self) -> Result<N, NotifyError> {
        N::from_parts(&self.path, &self.params)
            .map_err(|err| blame_ignored_body(self.ignored_body.as_ref(), err))
    }

    /// A body that was not read, if any (see [`IgnoredBody`]).
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// assert!(Request::new("/x?a=1").form(b"b=2").decode()?.ignored_body().is_none());
    /// let decoded = Request::new("/x?a=1").body("application/json", b"{}").decode()?;
    /// assert_eq!(decoded.ignored_body().map(|b| b.len()), Some(2));
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn ignored_body(&self) -> Option<&IgnoredBody> {
        self.ignored_body.as_ref()
    }

    /// Reads the parameters as one kind of message, whatever the path.
    ///
    /// ```
    /// use ivr_xml::notify::{Request, StopService};
    /// // The path does not matter here.
    /// let stop: StopService = Request::new("/anything?appid=a1&callid=c1").decode()?.message()?;
    /// assert_eq!(stop.callid, "c1");
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn message<M: Message>(&self) -> Result<M, NotifyError> {
        M::from_params(&self.params)
            .map_err(|err| blame_ignored_body(self.ignored_body.as_ref(), err).in_message(M::KIND))
    }
}

/// When the query string alone does not make the notification and a body was ignored, the
/// body's content type is the likely cause.
pub(super) fn blame_ignored_body(ignored: Option<&IgnoredBody>, err: NotifyError) -> NotifyError {
    match (ignored, err.message()) {
        (Some(ignored), Some(message)) => ignored.error().in_message(message),
        (Some(ignored), None) => ignored.error(),
        (None, _) => err,
    }
}
