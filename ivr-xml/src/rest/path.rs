//! The paths of the REST operations (spec §4): `/{SoftVersion}/Accounts/{AccountSid}/…`,
//! written for a client and parsed for a server.

use crate::value::percent_encode_into;
use std::fmt;

/// Which REST endpoint a request goes to, below `/{SoftVersion}/Accounts/{AccountSid}/`.
///
/// | endpoint | path and query | evidence |
/// |---|---|---|
/// | [`Endpoint::Dial`] | `ivr/dial?sig=…` | \[official\] |
/// | [`Endpoint::CreateConf`] | `ivr/createconf?sig=…` | \[field\] |
/// | [`Endpoint::Conf`] | `ivr/conf?sig=…&confid=…` | \[field\] |
/// | [`Endpoint::Other`] | anything else, for operations the library does not name | — |
///
/// ```
/// use ivr_xml::rest::Endpoint;
/// assert_eq!(Endpoint::Dial.path("2013-12-26", "AC"), "/2013-12-26/Accounts/AC/ivr/dial");
/// assert_eq!(
///     Endpoint::conf("10000001").path_and_query("2013-12-26", "AC", "SIG"),
///     "/2013-12-26/Accounts/AC/ivr/conf?sig=SIG&confid=10000001"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// `ivr/dial`: the IVR outbound call (IVR外呼) \[official\].
    Dial,
    /// `ivr/createconf`: create a conference \[field\].
    CreateConf,
    /// `ivr/conf?confid=…`: every other conference operation, on conference `confid` \[field\].
    Conf {
        /// The conference id, sent as the `confid` query parameter after `sig`.
        confid: String,
    },
    /// Any other path below `/{SoftVersion}/Accounts/{AccountSid}/` (no leading `/`: leading
    /// ones are dropped), with extra query parameters after `sig`. Both are percent-encoded when written,
    /// the path segment by segment (`/` separates segments), so that [`RestTarget::parse`]
    /// reads back the same path, whatever characters (`?`, `#`, `%`, spaces, non-ASCII) it holds.
    /// (The `&maxmember=N` several SDKs append to `ivr/createconf` \[field\] needs no `Other`:
    /// see [`Endpoint::path_and_query_with`] and the client's `maxmember_in_url`.)
    Other {
        /// The path below the account, like `ivr/createconf`.
        path: String,
        /// Query parameters after `sig`, in order.
        query: Vec<(String, String)>,
    },
}

impl Endpoint {
    /// [`Endpoint::Conf`] for conference `confid`.
    ///
    /// ```
    /// use ivr_xml::rest::Endpoint;
    /// assert_eq!(Endpoint::conf("7"), Endpoint::Conf { confid: "7".into() });
    /// ```
    pub fn conf(confid: impl Into<String>) -> Endpoint {
        Endpoint::Conf {
            confid: confid.into(),
        }
    }

    /// The path below the account: `ivr/dial`, `ivr/createconf`, `ivr/conf`, or [`Endpoint::Other`]'s.
    ///
    /// ```
    /// use ivr_xml::rest::Endpoint;
    /// assert_eq!(Endpoint::conf("7").suffix(), "ivr/conf");
    /// ```
    pub fn suffix(&self) -> &str {
        match self {
            Endpoint::Dial => "ivr/dial",
            Endpoint::CreateConf => "ivr/createconf",
            Endpoint::Conf { .. } => "ivr/conf",
            Endpoint::Other { path, .. } => path.trim_start_matches('/'),
        }
    }

    /// The request path without the query: `/{soft_version}/Accounts/{account_sid}/{suffix}`.
    /// The version, the account SID and each segment of an [`Endpoint::Other`] path are
    /// percent-encoded as path segments.
    ///
    /// ```
    /// use ivr_xml::rest::Endpoint;
    /// assert_eq!(Endpoint::CreateConf.path("2013-12-26", "AC"), "/2013-12-26/Accounts/AC/ivr/createconf");
    /// let other = Endpoint::Other { path: "ivr/a?b c".into(), query: vec![] };
    /// assert_eq!(other.path("2013-12-26", "AC"), "/2013-12-26/Accounts/AC/ivr/a%3Fb%20c");
    /// ```
    pub fn path(&self, soft_version: &str, account_sid: &str) -> String {
        let mut out = String::from("/");
        percent_encode_into(&mut out, soft_version);
        out.push_str("/Accounts/");
        percent_encode_into(&mut out, account_sid);
        out.push('/');
        match self {
            // Written as given, a `?` or `#` would end the path and a `%` start an escape.
            Endpoint::Other { .. } => {
                for (i, segment) in self.suffix().split('/').enumerate() {
                    if i > 0 {
                        out.push('/');
                    }
                    percent_encode_into(&mut out, segment);
                }
            }
            Endpoint::Dial | Endpoint::CreateConf | Endpoint::Conf { .. } => {
                out.push_str(self.suffix())
            }
        }
        out
    }

    /// The path and the query: `sig` first, then `confid` for [`Endpoint::Conf`] or the extra
    /// parameters of [`Endpoint::Other`], each percent-encoded.
    ///
    /// ```
    /// use ivr_xml::rest::Endpoint;
    /// let other = Endpoint::Other { path: "ivr/createconf".into(), query: vec![("maxmember".into(), "300".into())] };
    /// assert_eq!(
    ///     other.path_and_query("2013-12-26", "AC", "SIG"),
    ///     "/2013-12-26/Accounts/AC/ivr/createconf?sig=SIG&maxmember=300"
    /// );
    /// ```
    pub fn path_and_query(&self, soft_version: &str, account_sid: &str, sig: &str) -> String {
        self.path_and_query_with(soft_version, account_sid, sig, &[])
    }

    /// [`Endpoint::path_and_query`] with `extra` query parameters after the endpoint's own, each
    /// percent-encoded: for what some SDKs add, like `&maxmember=N` after `ivr/createconf`
    /// (spec §4.3 \[field\]; [`RestRequest::maxmember_query`](crate::rest::RestRequest::maxmember_query)
    /// gives it for a request, and the client's
    /// `RestClientBuilder::maxmember_in_url` adds it).
    ///
    /// ```
    /// use ivr_xml::rest::Endpoint;
    /// assert_eq!(
    ///     Endpoint::CreateConf.path_and_query_with("2013-12-26", "AC", "SIG", &[("maxmember", "300")]),
    ///     "/2013-12-26/Accounts/AC/ivr/createconf?sig=SIG&maxmember=300"
    /// );
    /// assert_eq!(
    ///     Endpoint::conf("7").path_and_query_with("2013-12-26", "AC", "SIG", &[("a b", "c&d")]),
    ///     "/2013-12-26/Accounts/AC/ivr/conf?sig=SIG&confid=7&a%20b=c%26d"
    /// );
    /// ```
    pub fn path_and_query_with(
        &self,
        soft_version: &str,
        account_sid: &str,
        sig: &str,
        extra: &[(&str, &str)],
    ) -> String {
        let mut out = self.path(soft_version, account_sid);
        out.push_str("?sig=");
        percent_encode_into(&mut out, sig);
        let mut param = |key: &str, value: &str| {
            out.push('&');
            percent_encode_into(&mut out, key);
            out.push('=');
            percent_encode_into(&mut out, value);
        };
        match self {
            Endpoint::Conf { confid } => param("confid", confid),
            Endpoint::Other { query, .. } => query.iter().for_each(|(k, v)| param(k, v)),
            Endpoint::Dial | Endpoint::CreateConf => {}
        }
        extra.iter().for_each(|(k, v)| param(k, v));
        out
    }
}

/// A request target as a server sees it (for simulators): the version, the account, the
/// endpoint, the `sig` parameter, and any other query parameters.
///
/// ```
/// use ivr_xml::rest::{Endpoint, RestTarget};
/// let target = RestTarget::parse("/2013-12-26/Accounts/AC/ivr/conf?sig=SIG&confid=10000001")?;
/// assert_eq!(target.soft_version, "2013-12-26");
/// assert_eq!(target.account_sid, "AC");
/// assert_eq!(target.endpoint, Endpoint::conf("10000001"));
/// assert_eq!(target.sig.as_deref(), Some("SIG"));
/// # Ok::<(), ivr_xml::rest::TargetError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RestTarget {
    /// The `{SoftVersion}` segment, like `2013-12-26`.
    pub soft_version: String,
    /// The `{AccountSid}` segment.
    pub account_sid: String,
    /// The endpoint. Unknown paths are [`Endpoint::Other`] with every query parameter but `sig`.
    pub endpoint: Endpoint,
    /// The `sig` query parameter, if present.
    pub sig: Option<String>,
    /// Query parameters other than `sig` (and `confid` of [`Endpoint::Conf`]) on the known
    /// endpoints, in order, like the `maxmember` some SDKs add to `ivr/createconf` \[field\].
    pub extra_query: Vec<(String, String)>,
}

impl RestTarget {
    /// Parses a request target (`path?query`, percent-encoded; `+` in the query is a space).
    ///
    /// `ivr/conf` without a `confid` parameter is an error: no conference operation can be
    /// routed without it.
    ///
    /// ```
    /// use ivr_xml::rest::{Endpoint, RestTarget};
    /// let dial = RestTarget::parse("/2013-12-26/Accounts/AC/ivr/dial?sig=SIG")?;
    /// assert_eq!(dial.endpoint, Endpoint::Dial);
    /// let create = RestTarget::parse("/2013-12-26/Accounts/AC/ivr/createconf?sig=SIG&maxmember=300")?;
    /// assert_eq!(create.endpoint, Endpoint::CreateConf);
    /// assert_eq!(create.extra_query, [("maxmember".to_owned(), "300".to_owned())]);
    /// let other = RestTarget::parse("/2013-12-26/Accounts/AC/ivr/conf%20kick?sig=S&x=a+b")?;
    /// assert_eq!(
    ///     other.endpoint,
    ///     Endpoint::Other { path: "ivr/conf kick".into(), query: vec![("x".into(), "a b".into())] }
    /// );
    /// assert!(RestTarget::parse("2013-12-26/Accounts/AC/ivr/dial").is_err());
    /// # Ok::<(), ivr_xml::rest::TargetError>(())
    /// ```
    pub fn parse(path_and_query: &str) -> Result<RestTarget, TargetError> {
        let err = |reason: &'static str| TargetError {
            target: path_and_query.to_owned(),
            reason,
        };
        let (path, query) = match path_and_query.split_once('?') {
            Some((path, query)) => (path, query),
            None => (path_and_query, ""),
        };
        let mut params = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = percent_decode(key, true).ok_or_else(|| err("malformed query"))?;
            let value = percent_decode(value, true).ok_or_else(|| err("malformed query"))?;
            params.push((key, value));
        }
        let rest = path
            .strip_prefix('/')
            .ok_or_else(|| err("the path must start with `/`"))?;
        let mut segments = rest.splitn(4, '/');
        let (Some(version), Some("Accounts"), Some(account), Some(suffix)) = (
            segments.next(),
            segments.next(),
            segments.next(),
            segments.next(),
        ) else {
            return Err(err(
                "expected `/{SoftVersion}/Accounts/{AccountSid}/{operation}`",
            ));
        };
        let soft_version = percent_decode(version, false).ok_or_else(|| err("malformed path"))?;
        let account_sid = percent_decode(account, false).ok_or_else(|| err("malformed path"))?;
        if soft_version.is_empty() || account_sid.is_empty() || suffix.is_empty() {
            return Err(err(
                "expected `/{SoftVersion}/Accounts/{AccountSid}/{operation}`",
            ));
        }
        // The operation is named by its decoded path, without leading `/` (which writing drops),
        // so that whatever is parsed is written back to a target that parses the same.
        let decoded = percent_decode(suffix, false).ok_or_else(|| err("malformed path"))?;
        let operation = decoded.trim_start_matches('/');
        if operation.is_empty() {
            return Err(err(
                "expected `/{SoftVersion}/Accounts/{AccountSid}/{operation}`",
            ));
        }
        let sig = take_param(&mut params, "sig");
        let endpoint = match operation {
            "ivr/dial" => Endpoint::Dial,
            "ivr/createconf" => Endpoint::CreateConf,
            "ivr/conf" => Endpoint::Conf {
                confid: take_param(&mut params, "confid")
                    .ok_or_else(|| err("`ivr/conf` needs a `confid` query parameter"))?,
            },
            other => Endpoint::Other {
                path: other.to_owned(),
                query: std::mem::take(&mut params),
            },
        };
        Ok(RestTarget {
            soft_version,
            account_sid,
            endpoint,
            sig,
            extra_query: params,
        })
    }
}

fn take_param(params: &mut Vec<(String, String)>, name: &str) -> Option<String> {
    let index = params.iter().position(|(key, _)| key == name)?;
    Some(params.remove(index).1)
}

/// A request target [`RestTarget::parse`] refused.
///
/// ```
/// use ivr_xml::rest::RestTarget;
/// let err = RestTarget::parse("/2013-12-26/Accounts/AC/ivr/conf?sig=S").unwrap_err();
/// assert_eq!(err.to_string(), "bad REST target `/2013-12-26/Accounts/AC/ivr/conf?sig=S`: `ivr/conf` needs a `confid` query parameter");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TargetError {
    target: String,
    reason: &'static str,
}

impl TargetError {
    /// What is wrong with the target.
    ///
    /// ```
    /// use ivr_xml::rest::RestTarget;
    /// let err = RestTarget::parse("/2013-12-26/ivr/dial").unwrap_err();
    /// assert_eq!(err.reason(), "expected `/{SoftVersion}/Accounts/{AccountSid}/{operation}`");
    /// assert_eq!(RestTarget::parse("ivr/dial").unwrap_err().reason(), "the path must start with `/`");
    /// ```
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad REST target `{}`: {}", self.target, self.reason)
    }
}

impl std::error::Error for TargetError {}

/// Decodes `%XX` (and `+` as a space when `plus_is_space`); `None` on a bad escape or non-UTF-8.
fn percent_decode(text: &str, plus_is_space: bool) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}
