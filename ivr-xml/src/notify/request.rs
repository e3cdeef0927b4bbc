//! From an HTTP request to parameters: [`Request`] takes the path, query string and body of any
//! framework's request, detects the body's encoding from its content type, and decodes and merges
//! the parameters into a [`Decoded`] (the query string wins; a differing body value is a
//! [`Conflict`]), from which a [`Notification`] or one [`Message`] is read.

use std::borrow::Cow;

use super::decoded::{blame_ignored_body, Conflict, Decoded, IgnoredBody};
use super::dispatch::Notification;
use super::error::{Encoding, NotifyError, NotifyErrorKind};
use super::message::Message;
use super::options::{limit_error, NotifyOptions};
use super::params::Params;
use super::urlencoded::form_text;
use super::{urlencoded, xml};

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
/// [`NotifyOptions::refuse_conflicts`]). A body of another type is not read ([`IgnoredBody`]).
///
/// Every URL form the platform is known to use names the same segment, under any path prefix:
/// `/ivr/startservice?appid=…` (what the platform sends, spec §0.1), `/ivr/startservice/?appid=…`
/// (the form the official article writes, spec §3.1 \[official\]) and `/ivr/?startservice&appid=…`
/// (a notification URL configured with a trailing `/?`, spec §1.9 \[field\]): in the last one
/// the query's first item, a bare key after a path ending in `/`, is the segment and not a
/// parameter.
///
/// ```
/// use ivr_xml::notify::{Notification, Request, StartService};
/// #[derive(Debug, Notification)]
/// enum Incoming {
///     Start(StartService),
/// }
/// for target in [
///     "/startservice?appid=a1&callid=c1",
///     "/ivr/startservice/?appid=a1&callid=c1",
///     "/?startservice&appid=a1&callid=c1",
///     "/ivr/?startservice&appid=a1&callid=c1",
/// ] {
///     let decoded = Request::new(target).decode()?;
///     assert_eq!(decoded.params().len(), 2, "{target}");
///     let Incoming::Start(start) = decoded.parse()?;
///     assert_eq!(start.callid, "c1");
/// }
/// assert_eq!(Request::new("/ivr/?startservice&appid=a1").decode()?.path(), "/ivr/startservice");
/// # Ok::<(), ivr_xml::notify::NotifyError>(())
/// ```
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
    /// body has no parameters whatever its type. A body of any other type (JSON, HTML,
    /// `application/octet-stream`, ...) is not read: the parameters come from the query string
    /// alone, and [`Decoded::ignored_body`] reports it (see [`IgnoredBody`]). A form, XML or text
    /// body in a charset other than UTF-8 is refused.
    ///
    /// ```
    /// use ivr_xml::notify::{Request, StopService};
    /// let xml = Request::new("/cb").body("text/plain", b"<request><callSid>c1</callSid></request>");
    /// assert_eq!(xml.decode()?.params().get("callSid"), Some("c1"));
    /// let json = Request::new("/stopservice?appid=a1&callid=c1").body("application/json", b"{}");
    /// assert!(json.decode()?.ignored_body().is_some());
    /// assert_eq!(json.message::<StopService>()?.callid, "c1");
    /// // Without the parameters in the query string, the body's type is the error.
    /// let json = Request::new("/stopservice?appid=a1").body("application/json", b"{}");
    /// assert_eq!(
    ///     json.message::<StopService>().unwrap_err().to_string(),
    ///     "stopservice notification: unsupported content type `application/json`: expected `application/x-www-form-urlencoded`, an XML type, `text/plain` or none"
    /// );
    /// assert!(Request::new("/cb").body("application/json", b"").decode()?.ignored_body().is_none());
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

    /// The request of an [`http::Request`]'s parts and its body bytes: the path and query
    /// string of the URI, and the body read by its `Content-Type` header (see
    /// [`Request::body`]); an empty body is none. The method is not looked at: the platform
    /// sends notifications by `POST` and by `GET` alike. For any framework on `http` (hyper,
    /// tower, axum, ...): collect the body, then read the notification.
    ///
    /// ```
    /// use ivr_xml::notify::{DtmfReport, Request};
    ///
    /// let request = http::Request::post("/ivr/firstget?appid=a1&callid=c1")
    ///     .header("content-type", "application/x-www-form-urlencoded")
    ///     .body(b"digits=12%23".to_vec())?;
    /// let (parts, body) = request.into_parts();
    /// let report: DtmfReport = Request::from_http(&parts, &body).message()?;
    /// assert_eq!(report.digits.entered(), "12");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "http")]
    #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
    pub fn from_http(parts: &'a http::request::Parts, body: &'a [u8]) -> Request<'a> {
        Request::from_uri_headers(&parts.uri, &parts.headers, body)
    }

    /// The request of a whole [`http::Request`] whose body is already in memory, as
    /// [`Request::from_http`].
    ///
    /// ```
    /// use ivr_xml::notify::{Request, StopService};
    ///
    /// let request = http::Request::get("/ivr/stopservice?appid=a1&callid=c1").body(Vec::new())?;
    /// let stop: StopService = Request::from_http_request(&request).message()?;
    /// assert_eq!(stop.callid, "c1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "http")]
    #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
    pub fn from_http_request<B: AsRef<[u8]>>(request: &'a http::Request<B>) -> Request<'a> {
        Request::from_uri_headers(request.uri(), request.headers(), request.body().as_ref())
    }

    #[cfg(feature = "http")]
    fn from_uri_headers(
        uri: &'a http::Uri,
        headers: &'a http::HeaderMap,
        body: &'a [u8],
    ) -> Request<'a> {
        let request = Request::new(uri.path()).query(uri.query());
        if body.is_empty() {
            return request;
        }
        let content_type = headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok());
        request.body(content_type, body)
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
        let merged = self.merge()?;
        let pairs: Vec<(String, String)> = merged
            .pairs
            .into_iter()
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        Ok(Decoded {
            path: merged.path.into_owned(),
            params: Params::from(pairs),
            conflicts: merged.conflicts,
            ignored_body: merged.ignored_body,
        })
    }

    /// Decodes the query string and the body with the one-pass decoder (names and values
    /// borrowed where nothing was escaped) and merges them: the query string's pairs, then the
    /// body's that the query string lacks. Every decoding error comes before any merging one,
    /// the query string's first.
    fn merge(&self) -> Result<Merged<'a>, NotifyError> {
        let (path, query) = split_query_segment(self.path, self.query);
        // The platform's notifications carry a handful of parameters: one allocation.
        let mut pairs = Vec::with_capacity(8);
        if let Some(query) = query {
            let query = query.strip_prefix('?').unwrap_or(query);
            urlencoded::for_each_pair(
                query.as_bytes(),
                Some(query),
                Encoding::Query,
                &self.options,
                |name, value| pairs.push((name, value)),
            )?;
        }
        let mut merged = Merged {
            path,
            pairs,
            conflicts: Vec::new(),
            ignored_body: None,
        };
        let (encoding, body) = match self.body_pairs()? {
            BodyPairs::Read(encoding, body) => (encoding, body),
            BodyPairs::None => return Ok(merged),
            BodyPairs::Ignored(ignored) => {
                merged.ignored_body = Some(ignored);
                return Ok(merged);
            }
        };
        let pairs = &mut merged.pairs;
        let in_query = pairs.len();
        for (name, value) in body {
            let mut query_values = pairs
                .get(..in_query)
                .unwrap_or_default()
                .iter()
                .filter(|(n, _)| *n == name)
                .map(|(_, v)| v);
            match query_values.next() {
                None => {
                    if pairs.len() >= self.options.params_limit() {
                        return Err(limit_error(
                            encoding,
                            "parameter count",
                            self.options.params_limit(),
                        ));
                    }
                    pairs.push((name, value));
                }
                Some(first) if *first == value || query_values.any(|v| *v == value) => {}
                Some(first) => {
                    let conflict = Conflict {
                        query: first.clone().into_owned(),
                        name: name.into_owned(),
                        body: value.into_owned(),
                    };
                    if self.options.refuses_conflicts() {
                        return Err(NotifyError::new(conflict.into_kind()));
                    }
                    merged.conflicts.push(conflict);
                }
            }
        }
        Ok(merged)
    }

    fn body_pairs(&self) -> Result<BodyPairs<'a>, NotifyError> {
        let (encoding, bytes) = match self.body {
            None => return Ok(BodyPairs::None),
            Some(Body::Form(bytes)) => (Encoding::Form, bytes),
            Some(Body::Xml(bytes)) => (Encoding::Xml, bytes),
            Some(Body::Detect(content_type, bytes)) => match detect(content_type, bytes)? {
                Detected::Empty => return Ok(BodyPairs::None),
                Detected::Unread => {
                    return Ok(BodyPairs::Ignored(IgnoredBody {
                        content_type: content_type.unwrap_or_default().to_owned(),
                        len: bytes.len(),
                    }))
                }
                Detected::Read(encoding) => (encoding, bytes),
            },
        };
        let pairs = match encoding {
            Encoding::Xml => xml::read(bytes, &self.options)?
                .into_iter()
                .map(|(name, value)| (Cow::Owned(name), Cow::Owned(value)))
                .collect(),
            _ => {
                let mut pairs = Vec::new();
                urlencoded::for_each_pair(
                    bytes,
                    form_text(bytes, &self.options),
                    Encoding::Form,
                    &self.options,
                    |name, value| pairs.push((name, value)),
                )?;
                pairs
            }
        };
        Ok(BodyPairs::Read(encoding, pairs))
    }

    /// Decodes the request and chooses the notification by path segment.
    ///
    /// The values are typed straight from the one-pass decoder, as [`Message::from_query`]
    /// does: the same values and errors as [`Decoded::parse`] after [`Request::decode`],
    /// without making the intermediate [`Params`].
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
        self.parse_received().map(|(notification, _)| notification)
    }

    /// [`Request::parse`], with the body that was not read (for the axum extractor).
    pub(crate) fn parse_received<N: Notification>(
        &self,
    ) -> Result<(N, Option<IgnoredBody>), NotifyError> {
        let merged = self.merge()?;
        let ignored = merged.ignored_body;
        match N::from_pairs(&merged.path, merged.pairs) {
            Ok(notification) => Ok((notification, ignored)),
            Err(err) => Err(blame_ignored_body(ignored.as_ref(), err)),
        }
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
        let merged = self.merge().map_err(|err| err.in_message(M::KIND))?;
        M::from_pairs(merged.pairs).map_err(|err| {
            blame_ignored_body(merged.ignored_body.as_ref(), err).in_message(M::KIND)
        })
    }
}

/// A request's path and pairs, query string and body merged.
struct Merged<'a> {
    path: Cow<'a, str>,
    pairs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    conflicts: Vec<Conflict>,
    ignored_body: Option<IgnoredBody>,
}

/// What the body gave.
enum BodyPairs<'a> {
    None,
    Read(Encoding, Vec<(Cow<'a, str>, Cow<'a, str>)>),
    Ignored(IgnoredBody),
}

/// What the body holds, by its content type.
enum Detected {
    /// Nothing but whitespace.
    Empty,
    /// Parameters in this encoding.
    Read(Encoding),
    /// A content type that carries no notification parameters: not read.
    Unread,
}

/// The body's encoding from its content type, sniffing plain text. A content type that is
/// neither form, XML nor plain text (JSON, HTML, `application/octet-stream`, ...) is not read
/// (spec §3.1: the platform's parameters are in the query string, and its body is none or
/// ignorable \[inferred\]); a form, XML or text body in a charset other than UTF-8 is refused.
fn detect(content_type: Option<&str>, bytes: &[u8]) -> Result<Detected, NotifyError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Detected::Empty);
    }
    let unsupported = || {
        NotifyError::new(NotifyErrorKind::UnsupportedContentType {
            content_type: content_type.unwrap_or_default().to_owned(),
        })
    };
    let mut parts = content_type.unwrap_or_default().split(';');
    let essence = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let readable = matches!(
        essence.as_str(),
        "" | "text/plain" | "application/x-www-form-urlencoded" | "application/xml" | "text/xml"
    ) || essence.ends_with("+xml");
    if !readable {
        return Ok(Detected::Unread);
    }
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
        "" | "text/plain" => sniffed(),
        _ => Encoding::Xml,
    };
    Ok(Detected::Read(encoding))
}

/// The segment named by a query string's first item: in `/?startservice&appid=…` (the path
/// ends in `/`, and the query's first item is a bare key with no `=`) the segment is
/// `startservice`, joined to the path (`/startservice`), and the query is what follows it.
/// Field code shows a notification URL configured with a trailing `/?`, to which the platform
/// appends the segment and `&` and the parameters (spec §1.9 \[field\]; plain concatenation
/// \[inferred\]). A bare first key after any other path is an ordinary parameter.
fn split_query_segment<'a>(
    path: &'a str,
    query: Option<&'a str>,
) -> (Cow<'a, str>, Option<&'a str>) {
    let bare = query.and_then(|query| {
        let (first, rest) = query.split_once('&').unwrap_or((query, ""));
        (!first.is_empty() && !first.contains('=')).then_some((first, rest))
    });
    match bare {
        Some((segment, rest)) if path.is_empty() || path.ends_with('/') => {
            (Cow::Owned(format!("{path}{segment}")), Some(rest))
        }
        _ => (Cow::Borrowed(path), query),
    }
}
