//! Signing (spec §4.1): the `sig` query parameter and the `Authorization` header, as pure
//! functions of the account SID, the auth token and a caller-supplied timestamp.
//!
//! All of §4.1's signing rules are **field evidence** (three independent code bases agree); the
//! official page only says "authenticate with the main account". That both values use the same
//! timestamp is \[inferred\].

use std::fmt;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use md5::{Digest as _, Md5};

use crate::error::ValueError;

/// A request time as the platform writes it, `yyyyMMddHHmmss` (field evidence): the same type
/// as the notifications' times.
///
/// The time zone is not documented (spec §4.1); the library never reads a clock, so the caller
/// decides. [`Timestamp::from_unix_seconds`] converts a Unix time at a UTC offset of your choice
/// (the platform is in China, UTC+8, but no source says which zone it checks against).
///
/// ```
/// use ivr_xml::rest::Timestamp;
/// let ts = Timestamp::parse("20240102030405")?;
/// assert_eq!(Timestamp::new(2024, 1, 2, 3, 4, 5)?, ts);
/// assert!(Timestamp::parse("20240230000000").is_err()); // no February 30th
/// assert_eq!(Timestamp::from_unix_seconds(0, 8 * 3600)?.as_str(), "19700101080000");
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
pub use crate::notify::Timestamp;

/// The `sig` query parameter: upper-case hex of MD5(`account_sid` + `auth_token` + `timestamp`),
/// plain concatenation (spec §4.1, field evidence).
///
/// ```
/// use ivr_xml::rest::{sig, Timestamp};
/// let ts = Timestamp::parse("20240102030405")?;
/// // python3 -c "import hashlib; print(hashlib.md5(b'ACtokentoken20240102030405').hexdigest().upper())"
/// assert_eq!(sig("AC", "tokentoken", &ts), "6DE1C759AD65657DE451E37F9DF9721C");
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
pub fn sig(account_sid: &str, auth_token: &str, timestamp: &Timestamp) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut md5 = Md5::new();
    md5.update(account_sid.as_bytes());
    md5.update(auth_token.as_bytes());
    md5.update(timestamp.as_str().as_bytes());
    let mut out = String::with_capacity(32);
    for byte in md5.finalize() {
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0xF)]));
    }
    out
}

/// The `Authorization` header's value: Base64 (standard alphabet, padded) of
/// `account_sid` + `:` + `timestamp` (spec §4.1, field evidence).
///
/// ```
/// use ivr_xml::rest::{authorization, Timestamp};
/// let ts = Timestamp::parse("20240102030405")?;
/// // python3 -c "import base64; print(base64.b64encode(b'AC:20240102030405').decode())"
/// assert_eq!(authorization("AC", &ts), "QUM6MjAyNDAxMDIwMzA0MDU=");
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
pub fn authorization(account_sid: &str, timestamp: &Timestamp) -> String {
    BASE64.encode(format!("{account_sid}:{timestamp}"))
}

/// The main account's credentials: the account SID and its auth token.
///
/// They come from the caller or from the environment ([`Credentials::from_env`]), never from
/// code. `Debug` does not show the token.
///
/// ```
/// use ivr_xml::rest::{Credentials, Timestamp};
/// let credentials = Credentials::new("AC", "tokentoken");
/// assert_eq!(format!("{credentials:?}"), r#"Credentials { account_sid: "AC", auth_token: "<redacted>" }"#);
/// let signed = credentials.sign(Timestamp::parse("20240102030405")?);
/// assert_eq!(signed.sig, "6DE1C759AD65657DE451E37F9DF9721C");
/// assert_eq!(signed.authorization, "QUM6MjAyNDAxMDIwMzA0MDU=");
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Credentials {
    /// The main account's SID (主账户 ACCOUNT SID), the `{AccountSid}` of every path.
    pub account_sid: String,
    /// The main account's auth token (AUTH TOKEN). Secret: never logged by this crate.
    pub auth_token: String,
}

/// The environment variable [`Credentials::from_env`] reads the account SID from.
///
/// ```
/// assert_eq!(ivr_xml::rest::ACCOUNT_SID_VAR, "IVR_XML_ACCOUNT_SID");
/// ```
pub const ACCOUNT_SID_VAR: &str = "IVR_XML_ACCOUNT_SID";

/// The environment variable [`Credentials::from_env`] reads the auth token from.
///
/// ```
/// assert_eq!(ivr_xml::rest::AUTH_TOKEN_VAR, "IVR_XML_AUTH_TOKEN");
/// ```
pub const AUTH_TOKEN_VAR: &str = "IVR_XML_AUTH_TOKEN";

impl Credentials {
    /// Credentials from values the caller holds.
    ///
    /// ```
    /// use ivr_xml::rest::Credentials;
    /// let credentials = Credentials::new("AC", "tokentoken");
    /// assert_eq!(credentials.account_sid, "AC");
    /// assert!(!format!("{credentials:?}").contains("tokentoken"));
    /// ```
    pub fn new(account_sid: impl Into<String>, auth_token: impl Into<String>) -> Credentials {
        Credentials {
            account_sid: account_sid.into(),
            auth_token: auth_token.into(),
        }
    }

    /// Reads [`ACCOUNT_SID_VAR`] (`IVR_XML_ACCOUNT_SID`) and [`AUTH_TOKEN_VAR`]
    /// (`IVR_XML_AUTH_TOKEN`) from the process environment; empty counts as missing.
    ///
    /// ```no_run
    /// let credentials = ivr_xml::rest::Credentials::from_env()?;
    /// # Ok::<(), ivr_xml::rest::CredentialsError>(())
    /// ```
    pub fn from_env() -> Result<Credentials, CredentialsError> {
        Credentials::from_lookup(|name| match std::env::var(name) {
            Ok(value) => Ok(Some(value)),
            Err(std::env::VarError::NotPresent) => Ok(None),
            Err(std::env::VarError::NotUnicode(_)) => Err(CredentialsError::NotUnicode(name)),
        })
    }

    /// Like [`Credentials::from_env`], with `lookup` in place of the process environment
    /// (for configuration sources of your own, and for tests).
    ///
    /// ```
    /// use ivr_xml::rest::{Credentials, CredentialsError};
    /// let vars = [("IVR_XML_ACCOUNT_SID", "AC"), ("IVR_XML_AUTH_TOKEN", "t")];
    /// let lookup = |name: &'static str| {
    ///     Ok(vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
    /// };
    /// assert_eq!(Credentials::from_lookup(lookup)?, Credentials::new("AC", "t"));
    /// let empty = |_: &'static str| Ok(None);
    /// assert_eq!(Credentials::from_lookup(empty), Err(CredentialsError::Missing("IVR_XML_ACCOUNT_SID")));
    /// # Ok::<(), CredentialsError>(())
    /// ```
    pub fn from_lookup(
        mut lookup: impl FnMut(&'static str) -> Result<Option<String>, CredentialsError>,
    ) -> Result<Credentials, CredentialsError> {
        let mut get = |name: &'static str| match lookup(name)? {
            Some(value) if !value.is_empty() => Ok(value),
            _ => Err(CredentialsError::Missing(name)),
        };
        let account_sid = get(ACCOUNT_SID_VAR)?;
        let auth_token = get(AUTH_TOKEN_VAR)?;
        Ok(Credentials {
            account_sid,
            auth_token,
        })
    }

    /// The `sig` and `Authorization` values of a request made at `timestamp`.
    ///
    /// ```
    /// use ivr_xml::rest::{Credentials, Timestamp};
    /// let ts = Timestamp::parse("20240102030405")?;
    /// let signed = Credentials::new("AC", "tokentoken").sign(ts);
    /// // MD5 of `AC` + `tokentoken` + `20240102030405`, upper-case hex.
    /// assert_eq!(signed.sig, "6DE1C759AD65657DE451E37F9DF9721C");
    /// assert_eq!(signed.authorization, "QUM6MjAyNDAxMDIwMzA0MDU=");
    /// assert_eq!(signed.timestamp, ts);
    /// // Another token, another sig; the same Authorization.
    /// let other = Credentials::new("AC", "othertoken").sign(ts);
    /// assert_ne!(other.sig, signed.sig);
    /// assert_eq!(other.authorization, signed.authorization);
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn sign(&self, timestamp: Timestamp) -> Signature {
        Signature {
            sig: sig(&self.account_sid, &self.auth_token, &timestamp),
            authorization: authorization(&self.account_sid, &timestamp),
            timestamp,
        }
    }

    /// Checks a request as the platform would (for simulators and tests): `authorization` must
    /// decode to this account and a valid timestamp, and `sig` must be that timestamp's
    /// signature, upper-case as [`sig`] writes it. Returns the request's timestamp; judging
    /// whether it is recent is the caller's business (the platform's tolerance is undocumented).
    ///
    /// ```
    /// use ivr_xml::rest::{Credentials, SignatureError, Timestamp};
    /// let credentials = Credentials::new("AC", "tokentoken");
    /// let ts = Timestamp::parse("20240102030405")?;
    /// let signed = credentials.sign(ts);
    /// assert_eq!(credentials.verify(&signed.authorization, &signed.sig), Ok(ts));
    /// let wrong = Credentials::new("AC", "other");
    /// assert_eq!(wrong.verify(&signed.authorization, &signed.sig), Err(SignatureError::SigMismatch));
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn verify(&self, authorization: &str, sig: &str) -> Result<Timestamp, SignatureError> {
        let header = Authorization::parse(authorization)?;
        if header.account_sid != self.account_sid {
            return Err(SignatureError::AccountMismatch {
                found: header.account_sid,
            });
        }
        if self::sig(&self.account_sid, &self.auth_token, &header.timestamp) != sig {
            return Err(SignatureError::SigMismatch);
        }
        Ok(header.timestamp)
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("account_sid", &self.account_sid)
            .field("auth_token", &"<redacted>")
            .finish()
    }
}

/// Why [`Credentials::from_env`] found no credentials.
///
/// ```
/// use ivr_xml::rest::CredentialsError;
/// assert_eq!(
///     CredentialsError::Missing("IVR_XML_AUTH_TOKEN").to_string(),
///     "the environment variable IVR_XML_AUTH_TOKEN is not set (or empty)"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CredentialsError {
    /// The variable is not set, or is empty.
    Missing(&'static str),
    /// The variable is not valid Unicode.
    NotUnicode(&'static str),
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialsError::Missing(name) => {
                write!(f, "the environment variable {name} is not set (or empty)")
            }
            CredentialsError::NotUnicode(name) => {
                write!(f, "the environment variable {name} is not valid Unicode")
            }
        }
    }
}

impl std::error::Error for CredentialsError {}

/// The signature of one request: what goes into the `sig` query parameter and the
/// `Authorization` header, and the timestamp both were made with.
///
/// ```
/// use ivr_xml::rest::{Credentials, Timestamp};
/// let signed = Credentials::new("AC", "tokentoken").sign(Timestamp::parse("20240102030405")?);
/// assert_eq!(signed.timestamp.as_str(), "20240102030405");
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature {
    /// The `sig` query parameter (32 upper-case hex digits).
    pub sig: String,
    /// The `Authorization` header's value.
    pub authorization: String,
    /// The timestamp both were made with.
    pub timestamp: Timestamp,
}

/// A decoded `Authorization` header: the account SID and the request's timestamp.
///
/// ```
/// use ivr_xml::rest::Authorization;
/// let header = Authorization::parse("QUM6MjAyNDAxMDIwMzA0MDU=")?;
/// assert_eq!(header.account_sid, "AC");
/// assert_eq!(header.timestamp.as_str(), "20240102030405");
/// assert!(Authorization::parse("not base64!").is_err());
/// # Ok::<(), ivr_xml::rest::SignatureError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Authorization {
    /// The account SID before the last `:`.
    pub account_sid: String,
    /// The timestamp after it.
    pub timestamp: Timestamp,
}

impl Authorization {
    /// Decodes the header's value (surrounding whitespace ignored).
    ///
    /// ```
    /// use ivr_xml::rest::{Authorization, SignatureError};
    /// // Surrounding whitespace is ignored.
    /// let header = Authorization::parse(" QUM6MjAyNDAxMDIwMzA0MDU= ")?;
    /// assert_eq!(header.account_sid, "AC");
    /// assert_eq!(Authorization::parse("QUM=").unwrap_err(), SignatureError::Malformed); // `AC`, no `:`
    /// assert_eq!(Authorization::parse("%%%").unwrap_err(), SignatureError::NotBase64);
    /// assert!(matches!(Authorization::parse("QUM6bm93").unwrap_err(), SignatureError::Timestamp(_))); // `AC:now`
    /// # Ok::<(), SignatureError>(())
    /// ```
    pub fn parse(value: &str) -> Result<Authorization, SignatureError> {
        let bytes = BASE64
            .decode(value.trim())
            .map_err(|_| SignatureError::NotBase64)?;
        let text = String::from_utf8(bytes).map_err(|_| SignatureError::Malformed)?;
        let (account_sid, timestamp) = text.rsplit_once(':').ok_or(SignatureError::Malformed)?;
        let timestamp = Timestamp::parse(timestamp).map_err(SignatureError::Timestamp)?;
        Ok(Authorization {
            account_sid: account_sid.to_owned(),
            timestamp,
        })
    }

    /// The header's value again.
    ///
    /// ```
    /// use ivr_xml::rest::Authorization;
    /// let header = Authorization::parse("QUM6MjAyNDAxMDIwMzA0MDU=")?;
    /// assert_eq!(header.encode(), "QUM6MjAyNDAxMDIwMzA0MDU=");
    /// # Ok::<(), ivr_xml::rest::SignatureError>(())
    /// ```
    pub fn encode(&self) -> String {
        authorization(&self.account_sid, &self.timestamp)
    }
}

/// Why a request's signature was refused by [`Credentials::verify`] or [`Authorization::parse`].
///
/// ```
/// use ivr_xml::rest::SignatureError;
/// assert_eq!(SignatureError::SigMismatch.to_string(), "`sig` does not match the account, token and timestamp");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureError {
    /// The `Authorization` value is not Base64.
    NotBase64,
    /// It decodes to something other than UTF-8 `sid:timestamp`.
    Malformed,
    /// Its timestamp is not `yyyyMMddHHmmss`.
    Timestamp(ValueError),
    /// It names another account.
    AccountMismatch {
        /// The account SID it names.
        found: String,
    },
    /// `sig` is not the signature of the account, token and timestamp.
    SigMismatch,
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignatureError::NotBase64 => f.write_str("the `Authorization` header is not Base64"),
            SignatureError::Malformed => {
                f.write_str("the `Authorization` header does not decode to `account:timestamp`")
            }
            SignatureError::Timestamp(err) => {
                write!(f, "the `Authorization` header's timestamp: {err}")
            }
            SignatureError::AccountMismatch { found } => {
                write!(
                    f,
                    "the `Authorization` header names another account, `{found}`"
                )
            }
            SignatureError::SigMismatch => {
                f.write_str("`sig` does not match the account, token and timestamp")
            }
        }
    }
}

impl std::error::Error for SignatureError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SignatureError::Timestamp(err) => Some(err),
            _ => None,
        }
    }
}
