//! Signing and request assembly: [`RestClient::prepare`] writes the body, signs it and builds the
//! URL into a [`PreparedRequest`].

use crate::rest::client::{ClientError, RestClient};
use crate::rest::path::Endpoint;
use crate::rest::request::RestRequest;
use crate::rest::sign::{Signature, Timestamp};
use crate::rest::{ACCEPT, REQUEST_CONTENT_TYPE};

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
}
