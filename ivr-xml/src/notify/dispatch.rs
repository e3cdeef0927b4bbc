//! From an HTTP request to a typed value: [`Request`] decodes the path, query string and body;
//! [`Message`] is one kind of notification; [`Notification`] (usually derived) is the
//! application's enum of the notifications it expects, chosen by path segment.

use std::fmt;

use super::error::{Encoding, NotifyError, NotifyErrorKind};
use super::options::{limit_error, NotifyOptions};
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
/// /// The cdr callback seen in field code (spec §3.8), reduced to two fields.
/// #[derive(Debug, PartialEq)]
/// struct Cdr {
///     callid: CallId,
///     duration: Option<Seconds>,
///     extra: Params,
/// }
///
/// impl Message for Cdr {
///     const KIND: &'static str = "cdr callback";
///     const DEFAULT_SEGMENT: Option<&'static str> = Some("cdr");
///     const PARAMS: &'static [&'static str] = &["callid", "duration"];
///
///     fn from_params(params: &Params) -> Result<Cdr, NotifyError> {
///         let read = || Ok(Cdr {
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
/// let cdr = Cdr::from_query("callid=c1&duration=1&sipcause=200")?;
/// assert_eq!(cdr.duration, Some(Seconds::new(1)));
/// assert_eq!(cdr.to_query_string(), "callid=c1&duration=1&sipcause=200");
/// assert_eq!(Cdr::from_query("duration=x").unwrap_err().to_string(), "cdr callback: missing parameter `callid`: expected a call id (not empty, no spaces or control characters)");
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

/// A parameter with one value in the query string and another in the body. The query string
/// wins, unless [`NotifyOptions::refuse_conflicts`] makes this an error.
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
    name: String,
    query: String,
    body: String,
}

impl Conflict {
    /// The parameter's name.
    ///
    /// See [`Conflict`] for an example.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its value in the query string (the one kept).
    ///
    /// See [`Conflict`] for an example.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Its value in the body (dropped).
    ///
    /// See [`Conflict`] for an example.
    pub fn body(&self) -> &str {
        &self.body
    }

    fn into_kind(self) -> NotifyErrorKind {
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

#[derive(Debug, Clone, Copy)]
enum Body<'a> {
    Detect(Option<&'a str>, &'a [u8]),
    Form(&'a [u8]),
    Xml(&'a [u8]),
}

/// An incoming HTTP request, framework-agnostic: the path (with or without its query string),
/// the query string, and the body with its content type.
///
/// The platform sends its parameters in the query string (spec §3.1). A form body or an XML body
/// is read too, and merged after the query string: a parameter only in the body is added; one in
/// both with the same value is kept once; one in both with different values keeps the **query
/// string's** value and is reported as a [`Conflict`] (or refused, with
/// [`NotifyOptions::refuse_conflicts`]).
///
/// In a web handler (any framework: it only needs the path, query, content type and body):
///
/// ```
/// use ivr_xml::notify::{DtmfReport, Notification, RedirectRequest, Request, StartService, StopService};
/// use ivr_xml::{CmdNone, CreateConf, Get, Hangup, Play, Redirect, Response};
///
/// #[derive(Debug, Notification)]
/// enum Incoming {
///     Start(StartService),
///     #[notification(segment = "firstget")]
///     Menu(DtmfReport),
///     #[notification(segment = "gettimeout")]
///     Timeout(RedirectRequest),
///     Stop(StopService),
/// }
///
/// fn menu() -> Get {
///     Get::new().action("firstget").numdigits(1).timeout(30).prompt(Play::new("confmenu.wav"))
/// }
///
/// /// Returns the HTTP status and body to answer with.
/// fn handle(path: &str, query: Option<&str>, content_type: Option<&str>, body: &[u8]) -> (u16, String) {
///     let request = Request::new(path).query(query).body(content_type, body);
///     let incoming = match request.parse::<Incoming>() {
///         Ok(incoming) => incoming,
///         Err(err) => return (400, err.to_string()),
///     };
///     let answer = match incoming {
///         Incoming::Start(_) => Response::builder()
///             .main(menu())
///             .then(Play::new("timeout.wav"))
///             .then(Redirect::new("gettimeout").tag("1"))
///             .build(),
///         Incoming::Menu(report) if report.digits.entered() == "1" => {
///             Response::builder().main(CreateConf::new().action("createconfok").maxmember(10)).build()
///         }
///         Incoming::Menu(_) => Response::builder().main(menu()).then(Hangup::new()).build(),
///         Incoming::Timeout(redirect) if redirect.tag.as_deref() == Some("1") => {
///             Response::builder().main(menu()).then(Play::new("timeoutbye.wav")).then(Hangup::new()).build()
///         }
///         Incoming::Timeout(_) => Response::builder().main(Hangup::new()).build(),
///         Incoming::Stop(_) => Response::builder().main(CmdNone::new()).build(),
///     };
///     match answer {
///         Ok(doc) => (200, doc.to_string()),
///         Err(err) => (500, err.to_string()),
///     }
/// }
///
/// let (status, body) = handle("/ivr/firstget", Some("appid=a1&callid=c1&digits=1"), None, b"");
/// assert_eq!(status, 200);
/// assert!(body.contains("<CreateConf action='createconfok' maxmember='10'/>"));
///
/// // The same report as a form body, or as XML: the same answer.
/// let form = handle("/ivr/firstget", None, Some("application/x-www-form-urlencoded"), b"appid=a1&callid=c1&digits=1");
/// let xml = handle("/ivr/firstget", None, Some("text/xml"), b"<Request><appid>a1</appid><callid>c1</callid><digits>1</digits></Request>");
/// assert_eq!(form.1, body);
/// assert_eq!(xml.1, body);
///
/// let (status, error) = handle("/ivr/joinconfok", Some("appid=a1&callid=c1"), None, b"");
/// assert_eq!(status, 400);
/// assert_eq!(error, "unexpected notification path `/ivr/joinconfok`: expected a path ending in one of `startservice`, `firstget`, `gettimeout`, `stopservice`");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    path: &'a str,
    query: Option<&'a str>,
    body: Option<Body<'a>>,
    options: NotifyOptions,
}

impl<'a> Request<'a> {
    /// A request for `target`: a path, or a path with its query string (`/ivr/startservice?appid=…`),
    /// or a whole URL.
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// let request = Request::new("/ivr/stopservice?appid=a1&callid=c1");
    /// assert_eq!(request.path(), "/ivr/stopservice");
    /// assert_eq!(request.decode()?.params().len(), 2);
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn new(target: &'a str) -> Request<'a> {
        let (path, query) = match target.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (target, None),
        };
        Request {
            path,
            query,
            body: None,
            options: NotifyOptions::default(),
        }
    }

    /// Sets the query string (without `?`; `None` for none), replacing any given with the path.
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// let request = Request::new("/ivr/startservice").query("appid=a1");
    /// assert_eq!(request.decode()?.params().get("appid"), Some("a1"));
    /// let request = Request::new("/ivr/startservice?appid=a1").query(None);
    /// assert!(request.decode()?.params().is_empty());
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn query(mut self, query: impl Into<Option<&'a str>>) -> Request<'a> {
        self.query = query.into();
        self
    }

    /// Sets the body, read according to its `Content-Type`:
    /// `application/x-www-form-urlencoded` is a form; `application/xml`, `text/xml` and `*+xml`
    /// are XML; `text/plain` or no content type is XML if it starts with `<` and a form otherwise
    /// (the platform's voice-notification product posts XML as `text/plain`, spec §3.9). An empty
    /// body has no parameters whatever its type. Other types, and a charset other than UTF-8, are
    /// refused.
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// let xml = Request::new("/cb").body("text/plain", b"<request><callSid>c1</callSid></request>");
    /// assert_eq!(xml.decode()?.params().get("callSid"), Some("c1"));
    /// let json = Request::new("/cb").body("application/json", b"{}");
    /// assert_eq!(
    ///     json.decode().unwrap_err().to_string(),
    ///     "unsupported content type `application/json`: expected `application/x-www-form-urlencoded`, an XML type, `text/plain` or none"
    /// );
    /// assert!(Request::new("/cb").body("application/json", b"").decode().is_ok());
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn body(
        mut self,
        content_type: impl Into<Option<&'a str>>,
        bytes: &'a [u8],
    ) -> Request<'a> {
        self.body = Some(Body::Detect(content_type.into(), bytes));
        self
    }

    /// Sets an `application/x-www-form-urlencoded` body, whatever its content type says.
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// let request = Request::new("/ivr/startservice").form(b"appid=a1");
    /// assert_eq!(request.decode()?.params().get("appid"), Some("a1"));
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn form(mut self, bytes: &'a [u8]) -> Request<'a> {
        self.body = Some(Body::Form(bytes));
        self
    }

    /// Sets an XML body, whatever its content type says.
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// let request = Request::new("/ivr/startservice").xml(b"<Request><appid>a1</appid></Request>");
    /// assert_eq!(request.decode()?.params().get("appid"), Some("a1"));
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn xml(mut self, bytes: &'a [u8]) -> Request<'a> {
        self.body = Some(Body::Xml(bytes));
        self
    }

    /// Sets the limits and the conflict policy.
    ///
    /// ```
    /// use ivr_xml::notify::{NotifyOptions, Request};
    /// let request = Request::new("/x?a=1&b=2").options(NotifyOptions::default().max_params(1));
    /// assert!(request.decode().is_err());
    /// ```
    pub fn options(mut self, options: NotifyOptions) -> Request<'a> {
        self.options = options;
        self
    }

    /// The path, without its query string.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Request::new("/ivr/x?a=1").path(), "/ivr/x");
    /// ```
    pub fn path(&self) -> &'a str {
        self.path
    }

    /// Decodes the parameters of the query string and body, merged, with the conflicts found.
    ///
    /// ```
    /// use ivr_xml::notify::Request;
    /// let decoded = Request::new("/ivr/dtmfreport?appid=a1&digits=1").form(b"digits=1&callid=c1").decode()?;
    /// assert_eq!(decoded.params().to_query_string(), "appid=a1&digits=1&callid=c1");
    /// assert!(decoded.conflicts().is_empty());
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn decode(&self) -> Result<Decoded, NotifyError> {
        let mut params = match self.query {
            Some(query) => Params::from_query_with(query, &self.options)?,
            None => Params::new(),
        };
        let mut conflicts = Vec::new();
        let Some((encoding, body)) = self.body_params()? else {
            return Ok(Decoded {
                path: self.path.to_owned(),
                params,
                conflicts,
            });
        };
        let from_query = params.clone();
        for (name, value) in body {
            let in_query: Vec<&str> = from_query.get_all(&name).collect();
            match in_query.first() {
                None => {
                    if params.len() >= self.options.params_limit() {
                        return Err(limit_error(
                            encoding,
                            "parameter count",
                            self.options.params_limit(),
                        ));
                    }
                    params.push(name, value);
                }
                Some(_) if in_query.contains(&value.as_str()) => {}
                Some(first) => {
                    let conflict = Conflict {
                        query: (*first).to_owned(),
                        name,
                        body: value,
                    };
                    if self.options.refuses_conflicts() {
                        return Err(NotifyError::new(conflict.into_kind()));
                    }
                    conflicts.push(conflict);
                }
            }
        }
        Ok(Decoded {
            path: self.path.to_owned(),
            params,
            conflicts,
        })
    }

    fn body_params(&self) -> Result<Option<(Encoding, Params)>, NotifyError> {
        let (encoding, bytes) = match self.body {
            None => return Ok(None),
            Some(Body::Form(bytes)) => (Encoding::Form, bytes),
            Some(Body::Xml(bytes)) => (Encoding::Xml, bytes),
            Some(Body::Detect(content_type, bytes)) => match detect(content_type, bytes)? {
                None => return Ok(None),
                Some(encoding) => (encoding, bytes),
            },
        };
        let params = match encoding {
            Encoding::Xml => Params::from_xml_with(bytes, &self.options)?,
            _ => Params::from_form_with(bytes, &self.options)?,
        };
        Ok(Some((encoding, params)))
    }

    /// Decodes the request and chooses the notification by path segment.
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
    /// let call: Call = Request::new("/ivr/stopservice?appid=a1&callid=c1").parse()?;
    /// assert!(matches!(call, Call::Stop(stop) if stop.callid == "c1"));
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn parse<N: Notification>(&self) -> Result<N, NotifyError> {
        self.decode()?.parse()
    }

    /// Decodes the request as one kind of message, whatever its path.
    ///
    /// ```
    /// use ivr_xml::notify::{Request, StartService};
    /// let start: StartService = Request::new("/anything").query("appid=a1&callid=c1").message()?;
    /// assert_eq!(start.appid, "a1");
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn message<M: Message>(&self) -> Result<M, NotifyError> {
        self.decode()
            .map_err(|err| err.in_message(M::KIND))?
            .message()
    }
}

/// The body's encoding from its content type, sniffing plain text; `None` for an empty body.
fn detect(content_type: Option<&str>, bytes: &[u8]) -> Result<Option<Encoding>, NotifyError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let unsupported = || {
        NotifyError::new(NotifyErrorKind::UnsupportedContentType {
            content_type: content_type.unwrap_or_default().to_owned(),
        })
    };
    let mut parts = content_type.unwrap_or_default().split(';');
    let essence = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    for parameter in parts {
        if let Some((name, value)) = parameter.split_once('=') {
            let value = value.trim().trim_matches('"');
            if name.trim().eq_ignore_ascii_case("charset")
                && !value.eq_ignore_ascii_case("utf-8")
                && !value.eq_ignore_ascii_case("utf8")
                && !value.eq_ignore_ascii_case("us-ascii")
            {
                return Err(unsupported());
            }
        }
    }
    let sniffed = || {
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match text.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'<') => Encoding::Xml,
            _ => Encoding::Form,
        }
    };
    let encoding = match essence.as_str() {
        "application/x-www-form-urlencoded" => Encoding::Form,
        "application/xml" | "text/xml" => Encoding::Xml,
        xml if xml.ends_with("+xml") => Encoding::Xml,
        "" | "text/plain" => sniffed(),
        _ => return Err(unsupported()),
    };
    Ok(Some(encoding))
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
    path: String,
    params: Params,
    conflicts: Vec<Conflict>,
}

impl Decoded {
    /// The request's path.
    ///
    /// See [`Decoded`] for an example.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Every parameter, in order: the query string's, then those only in the body.
    ///
    /// See [`Decoded`] for an example.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The parameters whose body value differs from their query-string value (which was kept).
    ///
    /// See [`Conflict`] for an example.
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
    /// See [`Request::parse`] for an example.
    pub fn parse<N: Notification>(&self) -> Result<N, NotifyError> {
        N::from_parts(&self.path, &self.params)
    }

    /// Reads the parameters as one kind of message, whatever the path.
    ///
    /// See [`Decoded`] for an example.
    pub fn message<M: Message>(&self) -> Result<M, NotifyError> {
        M::from_params(&self.params).map_err(|err| err.in_message(M::KIND))
    }
}

/// Support for the code `#[derive(Notification)]` generates. Not a public API.
#[doc(hidden)]
pub mod __private {
    use super::{NotifyError, NotifyErrorKind};

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
