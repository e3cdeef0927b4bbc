//! [`RestClientBuilder`]: the client's configuration, and [`RestClient::builder`] with its defaults.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::rest::client::{ClientError, Clock, RestClient};
use crate::rest::sign::Credentials;
use crate::rest::{official_style, PRODUCTION_BASE_URL, SOFT_VERSION};
use crate::ser::Style;

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
    /// without it, so it is off by default). Only requests to
    /// [`Endpoint::CreateConf`](crate::rest::Endpoint::CreateConf) whose operation has a
    /// `maxmember` get it ([`RestRequest::maxmember_query`](crate::rest::RestRequest::maxmember_query)).
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
