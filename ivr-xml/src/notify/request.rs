//! From an HTTP request to parameters: [`Request`] takes the path, query string and body of any
//! framework's request, detects the body's encoding from its content type, and decodes and merges
//! the parameters into a [`Decoded`] (the query string wins; a differing body value is a
//! [`Conflict`]), from which a [`Notification`] or one [`Message`] is read.

use std::fmt;

use super::dispatch::Notification;
use super::error::{Encoding, NotifyError, NotifyErrorKind};
use super::message::Message;
use super::options::{limit_error, NotifyOptions};
use super::params::Params;

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
