//! `<Request>`: the envelope of every REST body, `<Appid>` then one operation (spec §4.2-§4.5).

use std::str::FromStr;

use crate::de::{ParseOptions, Parsed};
use crate::deferred_error::PendingError;
use crate::error::{ParseError, ValueError};
use crate::judge::from_str_with;
use crate::raw_attribute::RawAttribute;
use crate::rest::official_style;
use crate::rest::ops::Operation;
use crate::rest::path::Endpoint;
use crate::ser::{Style, ToXml, XmlWriter};
use crate::value::Text;
use crate::Xml;

/// `<Appid>`: the element holding the application id, the first child of every [`RestRequest`]
/// \[official\]. (The id as a notification parameter is [`notify::AppId`](crate::notify::AppId).)
///
/// ```
/// use ivr_xml::rest::AppIdElement;
/// use ivr_xml::{to_string_with, Style};
/// assert_eq!(to_string_with(&AppIdElement::new("12345678"), &Style::docs())?, "<Appid>12345678</Appid>");
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "Appid")]
pub struct AppIdElement {
    /// Unknown attributes, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    /// The application id, as written (see [`Text::trimmed`]).
    #[xml(text)]
    pub id: Text,
    #[xml(pending)]
    pending: PendingError,
}

impl AppIdElement {
    /// The application id `id`.
    ///
    /// ```
    /// use ivr_xml::rest::AppIdElement;
    /// let appid = AppIdElement::new("12345678");
    /// assert_eq!(appid.id.trimmed(), "12345678");
    /// assert!(appid.extra.is_empty());
    /// ```
    pub fn new(id: impl Into<String>) -> AppIdElement {
        let mut appid = AppIdElement::default();
        appid.id = appid.pending.record(Text::new(id)).unwrap_or_default();
        appid
    }
}

/// A REST request body: `<Request>`, then `<Appid>`, then one [`Operation`] (spec §4).
///
/// The envelope is \[official\] for `ivr/dial`; that the conference operations use the same one is
/// \[inferred\] (spec §4.4). Both directions work: a client builds and writes one, a server (or a
/// simulator) parses one and routes it by [`RestRequest::endpoint`].
///
/// The official `ivr/dial` example, reproduced byte for byte by [`official_style`], `<Dial ...></Dial>`
/// with its end tag included (\[official\]; [`EmptyElements::SelfClosing`](crate::EmptyElements::SelfClosing)
/// writes `<Dial .../>`, the same XML):
///
/// ```
/// use ivr_xml::rest::{Dial, Endpoint, RestRequest};
/// let request = RestRequest::new("12345678", Dial::new("13812345678").userdata("1").record(true));
/// let page = r#"<?xml version="1.0" encoding="UTF-8"?>
/// <Request>
///   <Appid>12345678</Appid>
///   <Dial number="13812345678" userdata="1" record="true"></Dial>
/// </Request>"#;
/// assert_eq!(request.to_xml()?, page);
/// assert_eq!(request.endpoint(), Some(Endpoint::Dial));
///
/// // The page's own text parses to the same request.
/// assert_eq!(RestRequest::parse(page)?, request);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "Request")]
pub struct RestRequest {
    /// Unknown attributes of `<Request>`, in order.
    #[xml(extra)]
    pub extra: Vec<RawAttribute>,
    /// `<Appid>`.
    #[xml(child)]
    pub appid: AppIdElement,
    /// The operation.
    #[xml(child)]
    pub operation: Operation,
}

impl RestRequest {
    /// A request of application `appid` for `operation` (any operation type, or a
    /// [`RawElement`](crate::RawElement), or the IVR [`CreateConf`](crate::CreateConf)).
    ///
    /// ```
    /// use ivr_xml::rest::{Dial, RestRequest};
    /// let request = RestRequest::new("app1", Dial::new("13812345678"));
    /// assert_eq!(request.appid.id.trimmed(), "app1");
    /// assert_eq!(request.operation.name(), "Dial");
    /// ```
    pub fn new(appid: impl Into<String>, operation: impl Into<Operation>) -> RestRequest {
        RestRequest {
            extra: Vec::new(),
            appid: AppIdElement::new(appid),
            operation: operation.into(),
        }
    }

    /// Where the request goes ([`Operation::endpoint`]).
    ///
    /// ```
    /// use ivr_xml::rest::{Endpoint, QueryConfState, RestRequest};
    /// use ivr_xml::RawElement;
    /// let query = RestRequest::new("app1", QueryConfState::new("10000001"));
    /// assert_eq!(query.endpoint(), Some(Endpoint::conf("10000001")));
    /// assert_eq!(RestRequest::new("app1", RawElement::new("ConfKick")).endpoint(), None);
    /// ```
    pub fn endpoint(&self) -> Option<Endpoint> {
        self.operation.endpoint()
    }

    /// `("maxmember", N)` for a `<CreateConf>` with a `maxmember`: several SDKs repeat the body's
    /// `maxmember` in the `ivr/createconf` URL, `…/ivr/createconf?sig=…&maxmember=N` (spec §4.3
    /// \[field\]; no official page for this endpoint was available). `None` for any other
    /// operation, or without `maxmember`. For [`Endpoint::path_and_query_with`]; the client adds it
    /// itself when asked (`RestClientBuilder::maxmember_in_url`, feature `rest-client`).
    ///
    /// ```
    /// use ivr_xml::rest::{Dial, Endpoint, RestRequest, SOFT_VERSION};
    /// use ivr_xml::CreateConf;
    /// let create = RestRequest::new("app1", CreateConf::new().action("createconfresult.jsp").maxmember(300));
    /// assert_eq!(create.maxmember_query(), Some(("maxmember", "300".to_owned())));
    /// let (name, value) = create.maxmember_query().unwrap();
    /// let endpoint = create.endpoint().unwrap();
    /// assert_eq!(
    ///     endpoint.path_and_query_with(SOFT_VERSION, "AC", "SIG", &[(name, &value)]),
    ///     "/2013-12-26/Accounts/AC/ivr/createconf?sig=SIG&maxmember=300"
    /// );
    /// assert_eq!(RestRequest::new("app1", CreateConf::new()).maxmember_query(), None);
    /// assert_eq!(RestRequest::new("app1", Dial::new("1")).maxmember_query(), None);
    /// ```
    pub fn maxmember_query(&self) -> Option<(&'static str, String)> {
        match &self.operation {
            Operation::CreateConf(create) => create
                .conf
                .maxmember
                .map(|max| ("maxmember", max.get().to_string())),
            _ => None,
        }
    }

    /// The body as sent: [`official_style`] (double quotes, `<?xml version="1.0" encoding="UTF-8"?>`,
    /// two-space indent), or the first invalid value a builder was given.
    ///
    /// ```
    /// use ivr_xml::rest::{QueryConfState, RestRequest};
    /// assert_eq!(
    ///     RestRequest::new("app1", QueryConfState::new("10000001")).to_xml()?,
    ///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Request>\n  <Appid>app1</Appid>\n  <QueryConfState confid=\"10000001\"/>\n</Request>"
    /// );
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn to_xml(&self) -> Result<String, ValueError> {
        self.to_string_with(&official_style())
    }

    /// The body in `style`, with `style`'s declaration.
    ///
    /// ```
    /// use ivr_xml::rest::{QueryConfState, RestRequest};
    /// use ivr_xml::Style;
    /// let request = RestRequest::new("app", QueryConfState::new("10000001"));
    /// assert_eq!(
    ///     request.to_string_with(&Style::compact())?,
    ///     "<?xml version='1.0' encoding='UTF-8'?><Request><Appid>app</Appid><QueryConfState confid='10000001'/></Request>"
    /// );
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn to_string_with(&self, style: &Style) -> Result<String, ValueError> {
        document(self, style)
    }

    /// Parses a body strictly: unknown operations and attributes are errors.
    ///
    /// ```
    /// use ivr_xml::rest::{Endpoint, RestRequest};
    /// let request = RestRequest::parse("<Request><Appid>app1</Appid><Dial number='13812345678'/></Request>")?;
    /// assert_eq!(request.endpoint(), Some(Endpoint::Dial));
    /// let err = RestRequest::parse("<Request><Appid>app1</Appid><Dail number='1'/></Request>").unwrap_err();
    /// assert!(err.to_string().starts_with("1:29: `<Dail>` is not allowed inside `<Request>`"), "{err}");
    /// assert!(err.to_string().contains("; did you mean `Dial`?"), "{err}");
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn parse(text: &str) -> Result<RestRequest, ParseError> {
        text.parse()
    }

    /// Parses a body with `options`; in lenient mode unknown operations become
    /// [`Operation::Raw`] and unknown attributes go to `extra`, with warnings.
    ///
    /// ```
    /// use ivr_xml::rest::{Operation, RestRequest};
    /// use ivr_xml::ParseOptions;
    /// let body = "<Request><Appid>app</Appid><ConfKick confid='1'/></Request>";
    /// assert!(RestRequest::parse(body).is_err());
    /// let parsed = RestRequest::parse_with(body, &ParseOptions::lenient())?;
    /// assert!(matches!(parsed.value.operation, Operation::Raw(ref raw) if raw.name() == "ConfKick"));
    /// assert_eq!(parsed.warnings.len(), 1);
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn parse_with(
        text: &str,
        options: &ParseOptions,
    ) -> Result<Parsed<RestRequest>, ParseError> {
        from_str_with(text, options)
    }
}

/// Parses strictly, as [`RestRequest::parse`].
impl FromStr for RestRequest {
    type Err = ParseError;
    fn from_str(text: &str) -> Result<RestRequest, ParseError> {
        from_str_with(text, &ParseOptions::strict()).map(|parsed| parsed.value)
    }
}

/// Writes `value` as a whole document: `style`'s declaration, then the element.
pub(crate) fn document<T: ToXml + ?Sized>(value: &T, style: &Style) -> Result<String, ValueError> {
    value.check()?;
    let mut out = String::new();
    let mut writer = XmlWriter::new(&mut out, style);
    let written = writer
        .declaration(style.declaration_style())
        .and_then(|()| value.write_xml(&mut writer));
    match written {
        Ok(()) => Ok(out),
        Err(never) => match never {},
    }
}
