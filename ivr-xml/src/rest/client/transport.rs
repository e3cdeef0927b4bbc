//! Sending over `reqwest`: [`RestClient::send`], [`RestClient::send_to`] and
//! [`RestClient::execute`], which reads the answer (within the body limit) and interprets it.

use reqwest::header::{
    HeaderValue, ACCEPT as ACCEPT_HEADER, AUTHORIZATION, CONTENT_TYPE as CONTENT_TYPE_HEADER,
};

use crate::error::{ErrorKind, ParseError, ValueError};
use crate::rest::client::{ClientError, PreparedRequest, RestClient};
use crate::rest::path::Endpoint;
use crate::rest::request::RestRequest;
use crate::rest::response::{ResponseError, RestResponse};
use crate::rest::{ACCEPT, REQUEST_CONTENT_TYPE};

impl RestClient {
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
