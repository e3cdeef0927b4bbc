//! The async REST client (feature `rest-client`): signs, sends and interprets REST requests.
//!
//! One job a file: `builder.rs` (configuration, [`RestClientBuilder`]), `prepare.rs` (signing and
//! request assembly, [`PreparedRequest`]), `transport.rs` (sending over `reqwest` and reading the
//! answer), `error.rs` ([`ClientError`]).

use std::fmt;
use std::sync::Arc;

use crate::rest::sign::{Credentials, Timestamp};
use crate::ser::Style;

mod builder;
mod error;
mod prepare;
mod transport;

pub use builder::RestClientBuilder;
pub use error::ClientError;
pub use prepare::PreparedRequest;

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

impl RestClient {
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
}
