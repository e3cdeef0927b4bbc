//! [`NotifyOptions`]: the limits on untrusted notification input and the conflict policy, and
//! the error for an exceeded limit. Shared by [`Params`](super::Params), the decoders it uses (the
//! one-pass `application/x-www-form-urlencoded` reader and the XML body reader) and
//! [`Request`](super::Request), so that none of them depends on another for its configuration.

use super::error::{Encoding, NotifyError, NotifyErrorKind};

/// Limits on untrusted input and what to do with conflicting parameters.
///
/// ```
/// use ivr_xml::notify::{NotifyOptions, Params};
/// let options = NotifyOptions::default().max_params(2);
/// let err = Params::from_query_with("a=1&b=2&c=3", &options).unwrap_err();
/// assert_eq!(err.to_string(), "query string: input exceeds the parameter count limit of 2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NotifyOptions {
    max_bytes: usize,
    max_params: usize,
    refuse_conflicts: bool,
}

impl Default for NotifyOptions {
    /// 64 KiB per query string or body, 256 parameters, conflicts reported but not refused.
    fn default() -> NotifyOptions {
        NotifyOptions {
            max_bytes: 64 << 10,
            max_params: 256,
            refuse_conflicts: false,
        }
    }
}

impl NotifyOptions {
    /// The largest query string, and the largest body, accepted in bytes (default 64 KiB).
    ///
    /// ```
    /// use ivr_xml::notify::{NotifyOptions, Params};
    /// let err = Params::from_query_with("appid=12345", &NotifyOptions::default().max_bytes(8)).unwrap_err();
    /// assert_eq!(err.to_string(), "query string: input exceeds the size in bytes limit of 8");
    /// ```
    pub fn max_bytes(mut self, n: usize) -> NotifyOptions {
        self.max_bytes = n;
        self
    }

    /// The most parameters accepted, query string and body together (default 256).
    ///
    /// ```
    /// use ivr_xml::notify::{NotifyOptions, Params};
    /// assert!(Params::from_query_with("a=1&b=2", &NotifyOptions::default().max_params(1)).is_err());
    /// ```
    pub fn max_params(mut self, n: usize) -> NotifyOptions {
        self.max_params = n;
        self
    }

    /// Whether a parameter with one value in the query string and another in the body is an error
    /// (default `false`: the query string wins and the conflict is reported in
    /// [`Decoded::conflicts`](super::Decoded::conflicts)).
    ///
    /// ```
    /// use ivr_xml::notify::{NotifyOptions, Request};
    /// let request = Request::new("/ivr/startservice").query("callid=c1").form(b"callid=c2");
    /// assert_eq!(request.decode().unwrap().params().get("callid"), Some("c1"));
    /// let strict = request.options(NotifyOptions::default().refuse_conflicts(true));
    /// assert_eq!(
    ///     strict.decode().unwrap_err().to_string(),
    ///     "parameter `callid` is `c1` in the query string but `c2` in the body: expected the same value in both"
    /// );
    /// ```
    pub fn refuse_conflicts(mut self, refuse: bool) -> NotifyOptions {
        self.refuse_conflicts = refuse;
        self
    }

    pub(crate) fn bytes_limit(&self) -> usize {
        self.max_bytes
    }

    pub(crate) fn params_limit(&self) -> usize {
        self.max_params
    }

    pub(crate) fn refuses_conflicts(&self) -> bool {
        self.refuse_conflicts
    }
}

pub(crate) fn limit_error(encoding: Encoding, limit: &'static str, max: usize) -> NotifyError {
    NotifyError::new(NotifyErrorKind::LimitExceeded {
        encoding,
        limit,
        max,
    })
}
