//! The async REST client (feature `rest-client`): signs, sends and interprets REST requests.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{
    HeaderValue, ACCEPT as ACCEPT_HEADER, AUTHORIZATION, CONTENT_TYPE as CONTENT_TYPE_HEADER,
};

use crate::error::{ErrorKind, ParseError, ValueError};
use crate::rest::path::Endpoint;
use crate::rest::request::RestRequest;
use crate::rest::response::{ResponseError, RestResponse, StatusCode};
use crate::rest::sign::{Credentials, Signature, Timestamp};
use crate::rest::{
    official_style, ACCEPT, PRODUCTION_BASE_URL, REQUEST_CONTENT_TYPE, SOFT_VERSION,
};
use crate::ser::Style;

/// Where the client's timestamps come from: the library never reads a clock itself.
///
/// Any `Fn() -> Timestamp` is a clock. The platform's time zone is undocumented (spec §4.1);
/// [`Timestamp::from_unix_seconds`] shows a China Standard Time clock.
///
/// ```
/// use ivr_xml::rest::{Clock, Timestamp};
/// let fixed = || Timestamp::parse("20240102030405").unwrap();
/// assert_eq!(fixed.timestamp().as_str(), "20240102030405");
/// ```
pub trait Clock: Send + Sync {
    /// The current request time.
    fn timestamp(&self) -> Timestamp;
}

impl<F: Fn() -> Timestamp + Send + Sync> Clock for F {
    fn timestamp(&self) -> Timestamp {
        self()
    }
}

/// An async client for the REST interface, on `reqwest` (HTTP/1; `https://` needs the
/// `rest-client-rustls` feature, or a TLS-enabled `reqwest` of your own). Like `reqwest`, it
/// runs inside a tokio runtime. Cloning is cheap and shares the connection pool.
///
/// Each request is signed with the [`Credentials`] at the [`Clock`]'s time: `sig` in the query,
/// `Authorization` in the headers, with `Accept: application/xml` and
/// `Content-Type: application/xml;charset=utf-8`. A response whose `statusCode` is not `000000`,
/// an HTTP status other than 2xx, or a malformed body is a [`ClientError`] that keeps the HTTP
/// status, the platform's status code and message, and the raw body.
///
/// ```no_run
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use ivr_xml::rest::{Credentials, Dial, RestClient, RestRequest, Timestamp, SANDBOX_BASE_URL};
///
/// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
/// let beijing = || {
///     let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
///     Timestamp::from_unix_seconds(i64::try_from(now).unwrap_or(0), 8 * 3600)
///         .expect("the system clock is set between the years 1970 and 9999")
/// };
/// let client = RestClient::builder(Credentials::from_env()?, beijing)
///     .base_url(SANDBOX_BASE_URL)
///     .timeout(Duration::from_secs(10))
///     .build()?;
/// let response = client.send(&RestRequest::new("app1", Dial::new("13812345678"))).await?;
/// println!("calling: {:?}", response.call_sid());
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct RestClient {
    http: reqwest::Client,
    base_url: String,
    soft_version: String,
    credentials: Credentials,
    clock: Arc<dyn Clock>,
    style: Style,
    max_body: usize,
    maxmember_in_url: bool,
}

impl fmt::Debug for RestClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RestClient")
            .field("base_url", &self.base_url)
            .field("soft_version", &self.soft_version)
            .field("credentials", &self.credentials)
            .field("style", &self.style)
            .field("max_body", &self.max_body)
            .field("maxmember_in_url", &self.maxmember_in_url)
            .finish_non_exhaustive()
    }
}

/// Configures a [`RestClient`]: base URL (production by default), `{SoftVersion}`, timeouts,
/// body style, proxy use, or a `reqwest::Client` of your own.
///
/// ```
/// use std::time::Duration;
/// use ivr_xml::rest::{Credentials, RestClient, Timestamp};
/// let clock = || Timestamp::parse("20240102030405").unwrap();
/// let client = RestClient::builder(Credentials::new("AC", "tokentoken"), clock)
///     .base_url("http://127.0.0.1:8883/")
///     .timeout(Duration::from_secs(5))
///     .connect_timeout(Duration::from_secs(1))
///     .no_proxy()
///     .build()?;
/// assert_eq!(client.base_url(), "http://127.0.0.1:8883");
/// assert!(RestClient::builder(Credentials::new("AC", "t"), clock).base_url("ftp://x").build().is_err());
/// # Ok::<(), ivr_xml::rest::ClientError>(())
/// ```
#[must_use = "call .build() to get the client"]
pub struct RestClientBuilder {
    credentials: Credentials,
    clock: Arc<dyn Clock>,
    base_url: String,
    soft_version: String,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    style: Style,
    no_proxy: bool,
    http: Option<reqwest::Client>,
    max_body: usize,
    maxmember_in_url: bool,
}

impl fmt::Debug for RestClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RestClientBuilder")
            .field("credentials", &self.credentials)
            .field("base_url", &self.base_url)
            .field("soft_version", &self.soft_version)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .finish_non_exhaustive()
    }
}

impl RestClientBuilder {
    /// The scheme, host and port (and an optional path prefix) requests go to: production
    /// ([`PRODUCTION_BASE_URL`]) by default, [`SANDBOX_BASE_URL`](crate::rest::SANDBOX_BASE_URL),
    /// or any URL such as a local simulator's `http://127.0.0.1:PORT`. A trailing `/` is dropped.
    ///
    /// ```
    /// use ivr_xml::rest::{Credentials, RestClient, Timestamp, SANDBOX_BASE_URL};
    /// let clock = || Timestamp::parse("20240102030405").unwrap();
    /// let client = RestClient::builder(Credentials::new("AC", "t"), clock)
    ///     .base_url(SANDBOX_BASE_URL)
    ///     .build()?;
    /// assert_eq!(client.base_url(), SANDBOX_BASE_URL);
    /// # Ok::<(), ivr_xml::rest::ClientError>(())
    /// ```
    pub fn base_url(mut self, url: impl Into<String>) -> RestClientBuilder {
        self.base_url = url.into();
        self
    }

    /// The `{SoftVersion}` path segment (default [`SOFT_VERSION`], `2013-12-26`).
    ///
    /// ```
    /// use ivr_xml::rest::{Credentials, Dial, Endpoint, RestClient, RestRequest, Timestamp};
    /// let ts = Timestamp::parse("20240102030405")?;
    /// let client = RestClient::builder(Credentials::new("AC", "t"), move || ts)
    ///     .base_url("http://127.0.0.1:8883")
    ///     .soft_version("2014-01-01")
    ///     .build()?;
    /// let prepared = client.prepare(&Endpoint::Dial, &RestRequest::new("a", Dial::new("1")), ts)?;
    /// assert!(prepared.url.starts_with("http://127.0.0.1:8883/2014-01-01/Accounts/AC/ivr/dial?sig="));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn soft_version(mut self, version: impl Into<String>) -> RestClientBuilder {
        self.soft_version = version.into();
        self
    }

    /// The whole request's time limit, connecting to reading the body (default 30 s; `None`: no limit).
    ///
    /// ```
    /// // A server that accepts the connection and never answers: the request times out.
    /// use std::time::Duration;
    /// use ivr_xml::rest::{Credentials, Dial, RestClient, RestRequest, Timestamp};
    /// let silent = std::net::TcpListener::bind("127.0.0.1:0")?;
    /// let clock = || Timestamp::parse("20240102030405").unwrap();
    /// let client = RestClient::builder(Credentials::new("AC", "t"), clock)
    ///     .base_url(format!("http://{}", silent.local_addr()?))
    ///     .timeout(Duration::from_millis(100))
    ///     .no_proxy()
    ///     .build()?;
    /// let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    /// let err = runtime
    ///     .block_on(client.send(&RestRequest::new("app1", Dial::new("13812345678"))))
    ///     .unwrap_err();
    /// assert!(err.is_timeout(), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn timeout(mut self, timeout: impl Into<Option<Duration>>) -> RestClientBuilder {
        self.timeout = timeout.into();
        self
    }

    /// The time limit for connecting (default 10 s; `None`: no limit).
    ///
    /// ```
    /// use std::time::Duration;
    /// use ivr_xml::rest::{Credentials, RestClient, Timestamp};
    /// let clock = || Timestamp::parse("20240102030405").unwrap();
    /// let client = RestClient::builder(Credentials::new("AC", "t"), clock)
    ///     .connect_timeout(Duration::from_secs(2))
    ///     .timeout(None) // no limit on the whole request
    ///     .build()?;
    /// assert!(client.base_url().starts_with("https://"));
    /// # Ok::<(), ivr_xml::rest::ClientError>(())
    /// ```
    pub fn connect_timeout(mut self, timeout: impl Into<Option<Duration>>) -> RestClientBuilder {
        self.connect_timeout = timeout.into();
        self
    }

    /// How request bodies are written (default [`official_style`]).
    ///
    /// ```
    /// use ivr_xml::rest::{Credentials, Dial, Endpoint, RestClient, RestRequest, Timestamp};
    /// use ivr_xml::Style;
    /// let ts = Timestamp::parse("20240102030405")?;
    /// let client = RestClient::builder(Credentials::new("AC", "t"), move || ts)
    ///     .style(Style::compact())
    ///     .build()?;
    /// let prepared = client.prepare(&Endpoint::Dial, &RestRequest::new("a", Dial::new("1")), ts)?;
    /// assert_eq!(
    ///     prepared.body,
    ///     "<?xml version='1.0' encoding='UTF-8'?><Request><Appid>a</Appid><Dial number='1'></Dial></Request>"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn style(mut self, style: Style) -> RestClientBuilder {
        self.style = style;
        self
    }

    /// Repeats a create-conference body's `maxmember` in the URL,
    /// `…/ivr/createconf?sig=…&maxmember=N`, as several SDKs do (spec §4.3 \[field\]; no official
    /// page for `ivr/createconf` was available, and other SDKs and applications send the URL
    /// without it, so it is off by default). Only requests to [`Endpoint::CreateConf`] whose
    /// operation has a `maxmember` get it ([`RestRequest::maxmember_query`]).
    ///
    /// ```
    /// use ivr_xml::rest::{Credentials, Endpoint, RestClient, RestRequest, Timestamp};
    /// use ivr_xml::CreateConf;
    /// let ts = Timestamp::parse("20240102030405")?;
    /// let client = RestClient::builder(Credentials::new("AC", "tokentoken"), move || ts)
    ///     .base_url("http://127.0.0.1:8883")
    ///     .maxmember_in_url(true)
    ///     .build()?;
    /// let create = RestRequest::new("app1", CreateConf::new().action("createconfresult.jsp").maxmember(300));
    /// let prepared = client.prepare(&Endpoint::CreateConf, &create, ts)?;
    /// assert_eq!(
    ///     prepared.url,
    ///     "http://127.0.0.1:8883/2013-12-26/Accounts/AC/ivr/createconf?sig=6DE1C759AD65657DE451E37F9DF9721C&maxmember=300"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn maxmember_in_url(mut self, on: bool) -> RestClientBuilder {
        self.maxmember_in_url = on;
        self
    }

    /// Ignores the `HTTP_PROXY`-style environment variables `reqwest` reads by default.
    ///
    /// ```
    /// use ivr_xml::rest::{Credentials, RestClient, Timestamp};
    /// let clock = || Timestamp::parse("20240102030405").unwrap();
    /// // A local simulator is reached directly even where `HTTP_PROXY` is set.
    /// let client = RestClient::builder(Credentials::new("AC", "t"), clock)
    ///     .base_url("http://127.0.0.1:8883")
    ///     .no_proxy()
    ///     .build()?;
    /// assert_eq!(client.base_url(), "http://127.0.0.1:8883");
    /// # Ok::<(), ivr_xml::rest::ClientError>(())
    /// ```
    pub fn no_proxy(mut self) -> RestClientBuilder {
        self.no_proxy = true;
        self
    }

    /// The largest response body read, in bytes (default 1 MiB, the parser's limit); a larger one
    /// is a malformed response.
    ///
    /// ```
    /// use ivr_xml::rest::{Credentials, RestClient, Timestamp};
    /// let clock = || Timestamp::parse("20240102030405").unwrap();
    /// let client = RestClient::builder(Credentials::new("AC", "t"), clock)
    ///     .max_body(64 * 1024)
    ///     .build()?;
    /// assert!(format!("{client:?}").contains("max_body: 65536"));
    /// # Ok::<(), ivr_xml::rest::ClientError>(())
    /// ```
    pub fn max_body(mut self, bytes: usize) -> RestClientBuilder {
        self.max_body = bytes;
        self
    }

    /// Sends through this `reqwest::Client` (its own timeouts, proxies and TLS) instead of one
    /// built from [`timeout`](RestClientBuilder::timeout), [`connect_timeout`](RestClientBuilder::connect_timeout)
    /// and [`no_proxy`](RestClientBuilder::no_proxy), which are then ignored.
    ///
    /// ```
    /// use ivr_xml::rest::{Credentials, RestClient, Timestamp};
    /// let clock = || Timestamp::parse("20240102030405").unwrap();
    /// let shared = reqwest::Client::new(); // its pool shared with the rest of the application
    /// let client = RestClient::builder(Credentials::new("AC", "t"), clock)
    ///     .base_url("http://127.0.0.1:8883")
    ///     .http_client(shared)
    ///     .build()?;
    /// assert_eq!(client.base_url(), "http://127.0.0.1:8883");
    /// # Ok::<(), ivr_xml::rest::ClientError>(())
    /// ```
    pub fn http_client(mut self, client: reqwest::Client) -> RestClientBuilder {
        self.http = Some(client);
        self
    }

    /// The client, or [`ClientError::Config`] for a base URL that is not `http://` or `https://`
    /// with a host, or if `reqwest` cannot build its client.
    ///
    /// ```
    /// use ivr_xml::rest::{ClientError, Credentials, RestClient, Timestamp};
    /// let clock = || Timestamp::parse("20240102030405").unwrap();
    /// assert!(RestClient::builder(Credentials::new("AC", "t"), clock).build().is_ok());
    /// let err = RestClient::builder(Credentials::new("AC", "t"), clock)
    ///     .base_url("http://127.0.0.1:8883/?x=1")
    ///     .build()
    ///     .unwrap_err();
    /// assert!(matches!(err, ClientError::Config(_)));
    /// assert!(err.to_string().contains("expected `http://` or `https://`"), "{err}");
    /// ```
    pub fn build(self) -> Result<RestClient, ClientError> {
        let base_url = self.base_url.trim_end_matches('/').to_owned();
        let parsed = reqwest::Url::parse(&base_url)
            .map_err(|err| ClientError::Config(format!("base URL `{base_url}`: {err}")))?;
        if !matches!(parsed.scheme(), "http" | "https")
            || parsed.host_str().is_none()
            || parsed.query().is_some()
            || parsed.fragment().is_some()
        {
            return Err(ClientError::Config(format!(
                "base URL `{base_url}`: expected `http://` or `https://`, a host, an optional port and path, and no query"
            )));
        }
        let http = match self.http {
            Some(http) => http,
            None => {
                let mut builder = reqwest::Client::builder()
                    .user_agent(concat!("ivr-xml/", env!("CARGO_PKG_VERSION")));
                if let Some(timeout) = self.timeout {
                    builder = builder.timeout(timeout);
                }
                if let Some(timeout) = self.connect_timeout {
                    builder = builder.connect_timeout(timeout);
                }
                if self.no_proxy {
                    builder = builder.no_proxy();
                }
                builder
                    .build()
                    .map_err(|err| ClientError::Config(format!("HTTP client: {err}")))?
            }
        };
        Ok(RestClient {
            http,
            base_url,
            soft_version: self.soft_version,
            credentials: self.credentials,
            clock: self.clock,
            style: self.style,
            max_body: self.max_body,
            maxmember_in_url: self.maxmember_in_url,
        })
    }
}

/// A signed request, ready to send: what [`RestClient::prepare`] makes and
/// [`RestClient::execute`] sends. Useful to log (it holds no secret: the auth token is only
/// inside the MD5 of `sig`) or to send through another HTTP stack.
///
/// ```
/// use ivr_xml::rest::{Credentials, Dial, Endpoint, RestClient, RestRequest, Timestamp};
/// let ts = Timestamp::parse("20240102030405")?;
/// let client = RestClient::builder(Credentials::new("AC", "tokentoken"), move || ts)
///     .base_url("http://127.0.0.1:8883")
///     .build()?;
/// let request = RestRequest::new("app1", Dial::new("13812345678"));
/// let prepared = client.prepare(&Endpoint::Dial, &request, ts)?;
/// assert_eq!(prepared.url, "http://127.0.0.1:8883/2013-12-26/Accounts/AC/ivr/dial?sig=6DE1C759AD65657DE451E37F9DF9721C");
/// assert_eq!(prepared.signature.authorization, "QUM6MjAyNDAxMDIwMzA0MDU=");
/// assert!(prepared.body.contains(r#"<Dial number="13812345678"></Dial>"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PreparedRequest {
    /// The full URL, `sig` in the query.
    pub url: String,
    /// The signature (`sig`, the `Authorization` value, the timestamp).
    pub signature: Signature,
    /// The XML body.
    pub body: String,
}

impl PreparedRequest {
    /// The headers sent: `Accept`, `Content-Type` and `Authorization`.
    ///
    /// ```
    /// # use ivr_xml::rest::{Credentials, Dial, Endpoint, RestClient, RestRequest, Timestamp};
    /// # let ts = Timestamp::parse("20240102030405")?;
    /// # let client = RestClient::builder(Credentials::new("AC", "t"), move || ts).build()?;
    /// let prepared = client.prepare(&Endpoint::Dial, &RestRequest::new("a", Dial::new("1")), ts)?;
    /// assert_eq!(prepared.headers()[1], ("Content-Type", "application/xml;charset=utf-8"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn headers(&self) -> [(&'static str, &str); 3] {
        [
            ("Accept", ACCEPT),
            ("Content-Type", REQUEST_CONTENT_TYPE),
            ("Authorization", &self.signature.authorization),
        ]
    }
}

impl RestClient {
    /// Starts a client for `credentials`, timestamping with `clock`.
    ///
    /// ```
    /// use ivr_xml::rest::{Credentials, RestClient, Timestamp, PRODUCTION_BASE_URL};
    /// let clock = || Timestamp::parse("20240102030405").unwrap();
    /// let client = RestClient::builder(Credentials::new("AC", "t"), clock).build()?;
    /// assert_eq!(client.base_url(), PRODUCTION_BASE_URL);
    /// # Ok::<(), ivr_xml::rest::ClientError>(())
    /// ```
    pub fn builder(credentials: Credentials, clock: impl Clock + 'static) -> RestClientBuilder {
        RestClientBuilder {
            credentials,
            clock: Arc::new(clock),
            base_url: PRODUCTION_BASE_URL.to_owned(),
            soft_version: SOFT_VERSION.to_owned(),
            timeout: Some(Duration::from_secs(30)),
            connect_timeout: Some(Duration::from_secs(10)),
            style: official_style(),
            no_proxy: false,
            http: None,
            max_body: 1 << 20,
            maxmember_in_url: false,
        }
    }

    /// The base URL requests go to, without a trailing `/`.
    ///
    /// ```
    /// use ivr_xml::rest::{Credentials, RestClient, Timestamp};
    /// let clock = || Timestamp::parse("20240102030405").unwrap();
    /// let client = RestClient::builder(Credentials::new("AC", "t"), clock)
    ///     .base_url("http://127.0.0.1:8883/sim/")
    ///     .build()?;
    /// assert_eq!(client.base_url(), "http://127.0.0.1:8883/sim");
    /// # Ok::<(), ivr_xml::rest::ClientError>(())
    /// ```
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Signs and writes `request` for `endpoint` at `timestamp`, without sending it.
    ///
    /// ```
    /// use ivr_xml::rest::{Credentials, Endpoint, QueryConfState, RestClient, RestRequest, Timestamp};
    /// let ts = Timestamp::parse("20240102030405")?;
    /// let client = RestClient::builder(Credentials::new("AC", "tokentoken"), move || ts)
    ///     .base_url("http://127.0.0.1:8883")
    ///     .build()?;
    /// let request = RestRequest::new("app1", QueryConfState::new("10000001"));
    /// let prepared = client.prepare(&Endpoint::conf("10000001"), &request, ts)?;
    /// assert_eq!(
    ///     prepared.url,
    ///     "http://127.0.0.1:8883/2013-12-26/Accounts/AC/ivr/conf?sig=6DE1C759AD65657DE451E37F9DF9721C&confid=10000001"
    /// );
    /// assert_eq!(prepared.signature.timestamp, ts);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prepare(
        &self,
        endpoint: &Endpoint,
        request: &RestRequest,
        timestamp: Timestamp,
    ) -> Result<PreparedRequest, ClientError> {
        let body = request
            .to_string_with(&self.style)
            .map_err(ClientError::InvalidRequest)?;
        let signature = self.credentials.sign(timestamp);
        let maxmember = match endpoint {
            Endpoint::CreateConf if self.maxmember_in_url => request.maxmember_query(),
            _ => None,
        };
        let extra: Vec<(&str, &str)> = maxmember
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        let path = endpoint.path_and_query_with(
            &self.soft_version,
            &self.credentials.account_sid,
            &signature.sig,
            &extra,
        );
        Ok(PreparedRequest {
            url: format!("{}{path}", self.base_url),
            signature,
            body,
        })
    }

    /// Sends `request` to its operation's endpoint ([`RestRequest::endpoint`]); a
    /// [`RawElement`](crate::RawElement) operation needs [`send_to`](RestClient::send_to).
    ///
    /// ```
    /// // A raw operation has no known endpoint: refused before anything is sent.
    /// use ivr_xml::rest::{ClientError, Credentials, RestClient, RestRequest, Timestamp};
    /// use ivr_xml::RawElement;
    /// let clock = || Timestamp::parse("20240102030405").unwrap();
    /// let client = RestClient::builder(Credentials::new("AC", "t"), clock).build()?;
    /// let request = RestRequest::new("app1", RawElement::new("ConfKick"));
    /// let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    /// let err = runtime.block_on(client.send(&request)).unwrap_err();
    /// assert!(matches!(err, ClientError::NoEndpoint { ref operation } if operation == "ConfKick"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub async fn send(&self, request: &RestRequest) -> Result<RestResponse, ClientError> {
        let endpoint = request.endpoint().ok_or_else(|| ClientError::NoEndpoint {
            operation: request.operation.name().to_owned(),
        })?;
        self.send_to(&endpoint, request).await
    }

    /// Sends `request` to `endpoint`, timestamped by the clock.
    ///
    /// ```no_run
    /// use ivr_xml::rest::{Credentials, Endpoint, RestClient, RestRequest, Timestamp};
    /// use ivr_xml::RawElement;
    /// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
    /// let clock = || Timestamp::parse("20240102030405").unwrap();
    /// let client = RestClient::builder(Credentials::from_env()?, clock).build()?;
    /// // An operation the library does not model, to a path it does not know.
    /// let kick = RestRequest::new("app1", RawElement::new("ConfKick").attribute("confid", "10000001"));
    /// let endpoint = Endpoint::Other { path: "ivr/confkick".into(), query: Vec::new() };
    /// let response = client.send_to(&endpoint, &kick).await?;
    /// assert!(response.is_success());
    /// # Ok(())
    /// # }
    /// ```
    pub async fn send_to(
        &self,
        endpoint: &Endpoint,
        request: &RestRequest,
    ) -> Result<RestResponse, ClientError> {
        let prepared = self.prepare(endpoint, request, self.clock.timestamp())?;
        self.execute(prepared).await
    }

    /// Sends a prepared request and interprets the answer.
    ///
    /// ```
    /// // A prepared request is checked before it is sent: a header value with a line break is refused.
    /// use ivr_xml::rest::{ClientError, Credentials, Dial, Endpoint, RestClient, RestRequest, Timestamp};
    /// let ts = Timestamp::parse("20240102030405")?;
    /// let client = RestClient::builder(Credentials::new("AC", "t"), move || ts).build()?;
    /// let mut prepared = client.prepare(&Endpoint::Dial, &RestRequest::new("a", Dial::new("1")), ts)?;
    /// prepared.signature.authorization.push('\n');
    /// let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    /// let err = runtime.block_on(client.execute(prepared)).unwrap_err();
    /// assert!(matches!(err, ClientError::InvalidRequest(_)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub async fn execute(&self, prepared: PreparedRequest) -> Result<RestResponse, ClientError> {
        let authorization =
            HeaderValue::from_str(&prepared.signature.authorization).map_err(|_| {
                ClientError::InvalidRequest(ValueError::new(
                    "Authorization",
                    prepared.signature.authorization.clone(),
                    "a value HTTP headers can carry",
                ))
            })?;
        let mut response = self
            .http
            .post(&prepared.url)
            .header(ACCEPT_HEADER, HeaderValue::from_static(ACCEPT))
            .header(
                CONTENT_TYPE_HEADER,
                HeaderValue::from_static(REQUEST_CONTENT_TYPE),
            )
            .header(AUTHORIZATION, authorization)
            .body(prepared.body)
            .send()
            .await
            .map_err(ClientError::Transport)?;
        let status = response.status().as_u16();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(ClientError::Transport)? {
            if body.len().saturating_add(chunk.len()) > self.max_body {
                let room = self.max_body.saturating_sub(body.len());
                body.extend_from_slice(chunk.get(..room).unwrap_or_default());
                let kind = ErrorKind::LimitExceeded {
                    limit: "response body size in bytes",
                    max: self.max_body,
                };
                let error =
                    ParseError::new(kind, &crate::error::Locator::new(""), 0, String::new());
                return Err(ClientError::Response {
                    status,
                    error: ResponseError::Malformed {
                        error: Box::new(error),
                        body,
                    },
                });
            }
            body.extend_from_slice(&chunk);
        }
        if !(200..300).contains(&status) {
            let response = RestResponse::parse(&String::from_utf8_lossy(&body))
                .ok()
                .map(|parsed| Box::new(parsed.value));
            return Err(ClientError::Http {
                status,
                response,
                body,
            });
        }
        RestResponse::parse_success_bytes(&body)
            .map_err(|error| ClientError::Response { status, error })
    }
}

/// Why a REST call failed. Every variant that got an answer keeps the HTTP status and the raw
/// body; [`status_code`](ClientError::status_code) and [`message`](ClientError::message) give the
/// platform's, when the body had them.
///
/// ```
/// use ivr_xml::rest::{ClientError, ResponseError, RestResponse};
/// let err = ClientError::Response {
///     status: 200,
///     error: RestResponse::parse_success("<Response><statusCode>111141</statusCode></Response>").unwrap_err(),
/// };
/// assert_eq!(err.http_status(), Some(200));
/// assert_eq!(err.status_code().map(|c| c.as_str()), Some("111141"));
/// assert_eq!(err.to_string(), "the platform answered statusCode 111141 (HTTP 200)");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum ClientError {
    /// The builder was given a bad base URL, or `reqwest` could not build its client.
    Config(String),
    /// The request holds a value a builder refused, so it was not sent.
    InvalidRequest(ValueError),
    /// The operation is a raw one whose endpoint the library does not know.
    NoEndpoint {
        /// The operation's element name.
        operation: String,
    },
    /// No answer: connection, timeout ([`is_timeout`](ClientError::is_timeout)), TLS, or a body
    /// cut short.
    Transport(reqwest::Error),
    /// An HTTP status other than 2xx.
    Http {
        /// The HTTP status.
        status: u16,
        /// The body parsed as a REST response, if it is one.
        response: Option<Box<RestResponse>>,
        /// The raw body.
        body: Vec<u8>,
    },
    /// A 2xx answer whose body is a platform error or malformed.
    Response {
        /// The HTTP status.
        status: u16,
        /// What is wrong with the body (it carries the raw body).
        error: ResponseError,
    },
}

impl ClientError {
    /// The HTTP status, if there was an answer.
    ///
    /// ```
    /// use ivr_xml::rest::ClientError;
    /// let err = ClientError::Http { status: 503, response: None, body: b"busy".to_vec() };
    /// assert_eq!(err.http_status(), Some(503));
    /// assert_eq!(ClientError::Config("x".into()).http_status(), None);
    /// ```
    pub fn http_status(&self) -> Option<u16> {
        match self {
            ClientError::Http { status, .. } | ClientError::Response { status, .. } => {
                Some(*status)
            }
            _ => None,
        }
    }

    /// The platform's response, if the body was one.
    ///
    /// ```
    /// use ivr_xml::rest::{ClientError, RestResponse};
    /// let parsed = RestResponse::parse("<Response><statusCode>111141</statusCode></Response>")?.value;
    /// let err = ClientError::Http { status: 404, response: Some(Box::new(parsed)), body: Vec::new() };
    /// assert!(!err.response().unwrap().is_success());
    /// assert!(ClientError::Config("x".into()).response().is_none());
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn response(&self) -> Option<&RestResponse> {
        match self {
            ClientError::Http { response, .. } => response.as_deref(),
            ClientError::Response { error, .. } => error.response(),
            _ => None,
        }
    }

    /// The platform's `statusCode`, if the body had one.
    ///
    /// ```
    /// use ivr_xml::rest::{ClientError, RestResponse};
    /// let error = RestResponse::parse_success("<Response><statusCode>160040</statusCode></Response>").unwrap_err();
    /// let err = ClientError::Response { status: 200, error };
    /// assert_eq!(err.status_code().unwrap().as_str(), "160040");
    /// ```
    pub fn status_code(&self) -> Option<&StatusCode> {
        self.response().map(RestResponse::status_code)
    }

    /// The platform's message ([`RestResponse::message`]), if the body had one.
    ///
    /// ```
    /// use ivr_xml::rest::{ClientError, RestResponse};
    /// let body = "<Response><statusCode>111141</statusCode><statusMsg>no such account</statusMsg></Response>";
    /// let err = ClientError::Response { status: 200, error: RestResponse::parse_success(body).unwrap_err() };
    /// assert_eq!(err.message(), Some("no such account"));
    /// ```
    pub fn message(&self) -> Option<&str> {
        self.response().and_then(RestResponse::message)
    }

    /// The raw body, if there was an answer.
    ///
    /// ```
    /// use ivr_xml::rest::ClientError;
    /// let err = ClientError::Http { status: 502, response: None, body: b"<html>Bad Gateway</html>".to_vec() };
    /// assert_eq!(err.body(), Some(&b"<html>Bad Gateway</html>"[..]));
    /// assert_eq!(ClientError::Config("x".into()).body(), None);
    /// ```
    pub fn body(&self) -> Option<&[u8]> {
        match self {
            ClientError::Http { body, .. } => Some(body),
            ClientError::Response { error, .. } => Some(error.body()),
            _ => None,
        }
    }

    /// Whether the request timed out.
    ///
    /// ```
    /// use ivr_xml::rest::ClientError;
    /// // Only a transport error can be a timeout ([`RestClientBuilder::timeout`] shows one).
    /// assert!(!ClientError::Config("x".into()).is_timeout());
    /// assert!(!ClientError::Http { status: 504, response: None, body: Vec::new() }.is_timeout());
    /// ```
    pub fn is_timeout(&self) -> bool {
        matches!(self, ClientError::Transport(err) if err.is_timeout())
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Config(message) => write!(f, "REST client configuration: {message}"),
            ClientError::InvalidRequest(err) => write!(f, "the request was not sent: {err}"),
            ClientError::NoEndpoint { operation } => write!(
                f,
                "no known endpoint for `<{operation}>`: send it with `RestClient::send_to`"
            ),
            ClientError::Transport(err) => write!(f, "the REST request failed: {err}"),
            ClientError::Http {
                status, response, ..
            } => {
                write!(f, "the platform answered HTTP {status}")?;
                if let Some(response) = response {
                    write!(f, " with statusCode {}", response.status_code())?;
                    if let Some(message) = response.message() {
                        write!(f, ": {message}")?;
                    }
                }
                Ok(())
            }
            ClientError::Response { status, error } => write!(f, "{error} (HTTP {status})"),
        }
    }
}

impl std::error::Error for ClientError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClientError::InvalidRequest(err) => Some(err),
            ClientError::Transport(err) => Some(err),
            ClientError::Response { error, .. } => Some(error),
            _ => None,
        }
    }
}
