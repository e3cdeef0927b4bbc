//! [`Params`]: the ordered parameters of a notification, and their three encodings.
//!
//! Decoding is strict where `form_urlencoded` (the WHATWG algorithm) is lenient: a `%` not
//! followed by two hexadecimal digits, and bytes that are not UTF-8 once decoded, are errors
//! instead of being passed through or replaced by U+FFFD. Encoding is exactly the WHATWG
//! serializer's (the tests check it against `form_urlencoded`).

use std::borrow::Cow;
use std::fmt;

use super::error::{Encoding, NotifyError, NotifyErrorKind};
use super::options::NotifyOptions;
use super::{urlencoded, xml};
use crate::error::ValueError;
use crate::ser::Style;
use crate::value::XmlValue;

/// A notification's parameters: names and values, percent-decoded, in the order received, with
/// repeats kept.
///
/// Every message keeps the parameters it does not know in a `Params` (its `extra` field), and
/// [`Decoded::params`](super::Decoded::params) gives all of them raw, so nothing the platform
/// sends is lost. The same parameters read the same from each encoding:
///
/// ```
/// use ivr_xml::notify::Params;
/// let query = Params::from_query("appid=a1&from=%E5%BC%A0+san&menu=main")?;
/// let form = Params::from_form(b"appid=a1&from=%E5%BC%A0+san&menu=main")?;
/// let xml = Params::from_xml("<request><appid>a1</appid><from>张 san</from><menu>main</menu></request>".as_bytes())?;
/// assert_eq!(query, form);
/// assert_eq!(query, xml);
/// assert_eq!(query.get("from"), Some("张 san"));
/// assert_eq!(query.to_query_string(), "appid=a1&from=%E5%BC%A0+san&menu=main");
/// assert_eq!(
///     query.to_xml()?,
///     "<?xml version='1.0' encoding='UTF-8'?><Request><appid>a1</appid><from>张 san</from><menu>main</menu></Request>"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// No parameters.
    ///
    /// ```
    /// assert!(ivr_xml::notify::Params::new().is_empty());
    /// ```
    pub fn new() -> Params {
        Params::default()
    }

    /// Appends a parameter (after any of the same name).
    ///
    /// ```
    /// let mut params = ivr_xml::notify::Params::new();
    /// params.push("tag", "1");
    /// assert_eq!(params.get("tag"), Some("1"));
    /// ```
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.pairs.push((name.into(), value.into()));
    }

    /// Appends a parameter, by value: for building in one expression.
    ///
    /// ```
    /// use ivr_xml::notify::Params;
    /// let params = Params::new().with("appid", "a1").with("callid", "c1");
    /// assert_eq!(params.to_query_string(), "appid=a1&callid=c1");
    /// ```
    pub fn with(mut self, name: impl Into<String>, value: impl Into<String>) -> Params {
        self.push(name, value);
        self
    }

    /// The first value of `name`.
    ///
    /// ```
    /// let params = ivr_xml::notify::Params::from_query("a=1&a=2").unwrap();
    /// assert_eq!(params.get("a"), Some("1"));
    /// assert_eq!(params.get("b"), None);
    /// ```
    pub fn get(&self, name: &str) -> Option<&str> {
        self.get_all(name).next()
    }

    /// Every value of `name`, in order.
    ///
    /// ```
    /// let params = ivr_xml::notify::Params::from_query("a=1&b=0&a=2").unwrap();
    /// assert_eq!(params.get_all("a").collect::<Vec<_>>(), ["1", "2"]);
    /// ```
    pub fn get_all<'a, 'n>(&'a self, name: &'n str) -> impl Iterator<Item = &'a str> + use<'a, 'n> {
        self.pairs
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether there is a parameter called `name`.
    ///
    /// ```
    /// assert!(ivr_xml::notify::Params::from_query("digits=").unwrap().contains("digits"));
    /// ```
    pub fn contains(&self, name: &str) -> bool {
        self.pairs.iter().any(|(n, _)| n == name)
    }

    /// The parameters as `(name, value)`, in order.
    ///
    /// ```
    /// let params = ivr_xml::notify::Params::from_query("b=2&a=1").unwrap();
    /// assert_eq!(params.iter().collect::<Vec<_>>(), [("b", "2"), ("a", "1")]);
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> + '_ {
        self.pairs.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// The parameters as borrowed `Cow` pairs, in order: what a derived message or notification
    /// reads ([`Message::from_params`](super::Message::from_params) is its `from_pairs` over them).
    #[doc(hidden)]
    pub fn cow_pairs(&self) -> impl ExactSizeIterator<Item = (Cow<'_, str>, Cow<'_, str>)> + '_ {
        self.pairs
            .iter()
            .map(|(n, v)| (Cow::Borrowed(n.as_str()), Cow::Borrowed(v.as_str())))
    }

    /// How many parameters there are, repeats included.
    ///
    /// ```
    /// assert_eq!(ivr_xml::notify::Params::from_query("a=1&a=1&&").unwrap().len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether there are none.
    ///
    /// ```
    /// assert!(ivr_xml::notify::Params::from_query("").unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The parameters whose names are not in `names`, in order: what a message keeps as `extra`.
    ///
    /// ```
    /// let params = ivr_xml::notify::Params::from_query("appid=a&menu=2&callid=c&x=1").unwrap();
    /// assert_eq!(params.without(&["appid", "callid"]).to_query_string(), "menu=2&x=1");
    /// ```
    pub fn without(&self, names: &[&str]) -> Params {
        Params {
            pairs: self
                .pairs
                .iter()
                .filter(|(n, _)| !names.contains(&n.as_str()))
                .cloned()
                .collect(),
        }
    }

    /// Reads the required parameter `name` as a `T`.
    ///
    /// Absent is [`MissingParam`](NotifyErrorKind::MissingParam); a value `T` refuses is
    /// [`InvalidParam`](NotifyErrorKind::InvalidParam); two different values are
    /// [`DuplicateParam`](NotifyErrorKind::DuplicateParam) (the same value twice is one value).
    /// For writing a [`Message`](super::Message) of your own:
    ///
    /// ```
    /// use ivr_xml::notify::{CallId, Params, Seconds};
    /// let params = Params::from_query("callid=c1&duration=12")?;
    /// let callid: CallId = params.required("callid")?;
    /// let duration: Seconds = params.required("duration")?;
    /// assert_eq!((callid.as_str(), duration.get()), ("c1", 12));
    /// assert_eq!(
    ///     params.required::<Seconds>("ringtime").unwrap_err().to_string(),
    ///     "missing parameter `ringtime`: expected a whole number of seconds"
    /// );
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn required<T: XmlValue>(&self, name: &str) -> Result<T, NotifyError> {
        match self.single(name)? {
            Some(raw) => parse_value(name, raw),
            None => Err(NotifyError::new(NotifyErrorKind::MissingParam {
                name: name.to_owned(),
                expected: T::EXPECTED.to_owned(),
            })),
        }
    }

    /// Reads the optional parameter `name` as a `T`: `None` when absent, and also when empty if
    /// `T` cannot be empty ([`XmlValue::EMPTY_IS_ABSENT`]: an empty `errorcode=` is no error
    /// code, while an empty `from=` is an empty caller).
    ///
    /// ```
    /// use ivr_xml::notify::{Code, Params};
    /// let params = Params::from_query("errorcode=&from=")?;
    /// assert_eq!(params.optional::<Code>("errorcode")?, None);
    /// assert_eq!(params.optional::<String>("from")?, Some(String::new()));
    /// assert_eq!(params.optional::<String>("to")?, None);
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn optional<T: XmlValue>(&self, name: &str) -> Result<Option<T>, NotifyError> {
        match self.single(name)? {
            Some("") if T::EMPTY_IS_ABSENT => Ok(None),
            Some(raw) => parse_value(name, raw).map(Some),
            None => Ok(None),
        }
    }

    /// The one value of `name`, refusing two different ones.
    fn single(&self, name: &str) -> Result<Option<&str>, NotifyError> {
        let mut values = self.get_all(name);
        let Some(first) = values.next() else {
            return Ok(None);
        };
        match values.find(|v| *v != first) {
            None => Ok(Some(first)),
            Some(second) => Err(NotifyError::new(NotifyErrorKind::DuplicateParam {
                name: name.to_owned(),
                first: first.to_owned(),
                second: second.to_owned(),
            })),
        }
    }

    /// Reads a URL query string (a leading `?` is skipped) with the default [`NotifyOptions`].
    ///
    /// `+` is a space; `%` must start a two-digit hexadecimal escape; the decoded bytes must be
    /// UTF-8. A pair without `=` is a name with an empty value; empty pairs (`&&`) are skipped.
    ///
    /// ```
    /// use ivr_xml::notify::Params;
    /// let params = Params::from_query("?digits=12%23&userdata=a+b&flag")?;
    /// assert_eq!(params.iter().collect::<Vec<_>>(), [("digits", "12#"), ("userdata", "a b"), ("flag", "")]);
    /// assert_eq!(
    ///     Params::from_query("from=%E5%BC").unwrap_err().to_string(),
    ///     "query string: the parameter at byte 0 is not UTF-8 once percent-decoded"
    /// );
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn from_query(query: &str) -> Result<Params, NotifyError> {
        Params::from_query_with(query, &NotifyOptions::default())
    }

    /// Reads a URL query string with the given options.
    ///
    /// ```
    /// use ivr_xml::notify::{NotifyOptions, Params};
    /// assert!(Params::from_query_with("a=1", &NotifyOptions::default().max_bytes(2)).is_err());
    /// ```
    pub fn from_query_with(query: &str, options: &NotifyOptions) -> Result<Params, NotifyError> {
        let query = query.strip_prefix('?').unwrap_or(query);
        decode_urlencoded(query.as_bytes(), Some(query), Encoding::Query, options)
    }

    /// Reads an `application/x-www-form-urlencoded` body with the default [`NotifyOptions`]: the
    /// same syntax as a query string, from bytes (which must be UTF-8 once decoded).
    ///
    /// ```
    /// use ivr_xml::notify::Params;
    /// assert_eq!(Params::from_form(b"tag=1&tag=2")?.len(), 2);
    /// assert_eq!(
    ///     Params::from_form(b"tag=\xff").unwrap_err().to_string(),
    ///     "form body: the parameter at byte 0 is not UTF-8 once percent-decoded"
    /// );
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn from_form(body: &[u8]) -> Result<Params, NotifyError> {
        Params::from_form_with(body, &NotifyOptions::default())
    }

    /// Reads an `application/x-www-form-urlencoded` body with the given options.
    ///
    /// ```
    /// use ivr_xml::notify::{NotifyOptions, Params};
    /// assert!(Params::from_form_with(b"a=1&b=2", &NotifyOptions::default().max_params(1)).is_err());
    /// ```
    pub fn from_form_with(body: &[u8], options: &NotifyOptions) -> Result<Params, NotifyError> {
        decode_urlencoded(
            body,
            urlencoded::form_text(body, options),
            Encoding::Form,
            options,
        )
    }

    /// Reads an XML body with the default [`NotifyOptions`]: a root `<Request>` or `<request>`
    /// holding one element per parameter, whose text is the value.
    ///
    /// The crate's strict XML reader does the work: UTF-8 only, no DTD, no entity expansion,
    /// limits on size and element count. Attributes, nested elements and text between the
    /// parameters are refused.
    ///
    /// ```
    /// use ivr_xml::notify::Params;
    /// let body = "<?xml version='1.0' encoding='UTF-8'?>\n<Request>\n  <appid>a1</appid>\n  <tag/>\n</Request>";
    /// let params = Params::from_xml(body.as_bytes())?;
    /// assert_eq!(params.iter().collect::<Vec<_>>(), [("appid", "a1"), ("tag", "")]);
    /// assert_eq!(
    ///     Params::from_xml(b"<Request><appid><b>x</b></appid></Request>").unwrap_err().to_string(),
    ///     "XML body: 1:17: `<b>` is not allowed inside `<appid>`, which takes no child elements (at Request/appid[1]/b[1])"
    /// );
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn from_xml(body: &[u8]) -> Result<Params, NotifyError> {
        Params::from_xml_with(body, &NotifyOptions::default())
    }

    /// Reads an XML body with the given options.
    ///
    /// ```
    /// use ivr_xml::notify::{NotifyOptions, Params};
    /// let options = NotifyOptions::default().max_params(1);
    /// assert!(Params::from_xml_with(b"<Request><a>1</a><b>2</b></Request>", &options).is_err());
    /// ```
    pub fn from_xml_with(body: &[u8], options: &NotifyOptions) -> Result<Params, NotifyError> {
        xml::read(body, options).map(|pairs| Params { pairs })
    }

    /// Writes the parameters as a query string (without `?`), which is also the form body:
    /// `application/x-www-form-urlencoded`, byte for byte as the WHATWG serializer writes it
    /// (letters, digits and `*-._` as they are, space as `+`, everything else `%XX` in UTF-8).
    ///
    /// ```
    /// use ivr_xml::notify::Params;
    /// let params = Params::new().with("digits", "12#").with("from", "张 三");
    /// assert_eq!(params.to_query_string(), "digits=12%23&from=%E5%BC%A0+%E4%B8%89");
    /// ```
    pub fn to_query_string(&self) -> String {
        let mut out = String::new();
        for (i, (name, value)) in self.pairs.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            encode_into(&mut out, name);
            out.push('=');
            encode_into(&mut out, value);
        }
        out
    }

    /// Writes the parameters as a compact XML body: `<Request>` with one element per parameter.
    ///
    /// Fails if a name is not an XML name, or a value holds a character XML 1.0 cannot carry.
    ///
    /// ```
    /// use ivr_xml::notify::Params;
    /// assert_eq!(
    ///     Params::new().with("tag", "a&b").to_xml().unwrap(),
    ///     "<?xml version='1.0' encoding='UTF-8'?><Request><tag>a&amp;b</tag></Request>"
    /// );
    /// assert_eq!(
    ///     Params::new().with("2x", "1").to_xml().unwrap_err().to_string(),
    ///     "invalid parameter name `2x`: expected an XML name (a letter or `_`, then letters, digits, `_`, `-`, `.`) to write it as an element"
    /// );
    /// ```
    pub fn to_xml(&self) -> Result<String, ValueError> {
        self.to_xml_with(&Style::compact())
    }

    /// Writes the parameters as an XML body in `style` (quote, declaration, indentation).
    ///
    /// ```
    /// use ivr_xml::{notify::Params, Declaration, Style};
    /// let style = Style::docs().declaration(Declaration::None).indent("  ");
    /// assert_eq!(Params::new().with("appid", "a1").to_xml_with(&style).unwrap(), "<Request>\n  <appid>a1</appid>\n</Request>");
    /// ```
    pub fn to_xml_with(&self, style: &Style) -> Result<String, ValueError> {
        xml::write(self.iter(), style)
    }
}

fn parse_value<T: XmlValue>(name: &str, raw: &str) -> Result<T, NotifyError> {
    T::parse_param(raw).map_err(|err| {
        NotifyError::new(NotifyErrorKind::InvalidParam {
            name: name.to_owned(),
            raw: raw.to_owned(),
            expected: err.expected().to_owned(),
        })
    })
}

impl fmt::Display for Params {
    /// The query string, as [`Params::to_query_string`] writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_query_string())
    }
}

impl<N: Into<String>, V: Into<String>> FromIterator<(N, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(iter: I) -> Params {
        let mut params = Params::new();
        params.extend(iter);
        params
    }
}

impl<N: Into<String>, V: Into<String>> Extend<(N, V)> for Params {
    fn extend<I: IntoIterator<Item = (N, V)>>(&mut self, iter: I) {
        for (name, value) in iter {
            self.push(name, value);
        }
    }
}

impl IntoIterator for Params {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;
    fn into_iter(self) -> Self::IntoIter {
        self.pairs.into_iter()
    }
}

impl From<Vec<(String, String)>> for Params {
    fn from(pairs: Vec<(String, String)>) -> Params {
        Params { pairs }
    }
}

/// Decodes every `name=value` pair of `input` into owned parameters. `text` is `input` as a
/// `&str`, when it is UTF-8.
fn decode_urlencoded(
    input: &[u8],
    text: Option<&str>,
    encoding: Encoding,
    options: &NotifyOptions,
) -> Result<Params, NotifyError> {
    let mut pairs = Vec::new();
    urlencoded::for_each_pair(input, text, encoding, options, |name, value| {
        pairs.push((name.into_owned(), value.into_owned()));
    })?;
    Ok(Params { pairs })
}

/// The WHATWG `application/x-www-form-urlencoded` byte serializer.
fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        match byte {
            b' ' => out.push('+'),
            b'*' | b'-' | b'.' | b'_' => out.push(char::from(byte)),
            _ if byte.is_ascii_alphanumeric() => out.push(char::from(byte)),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0xF)]));
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn offsets_point_at_the_bad_escape() {
        let err = Params::from_query("appid=a1&digits=1%2").unwrap_err();
        assert_eq!(
            err.kind(),
            &NotifyErrorKind::BadPercentEncoding {
                encoding: Encoding::Query,
                offset: 17,
                found: "%2".into()
            }
        );
        let err = Params::from_query("a=1&b%zz=2").unwrap_err();
        assert!(matches!(
            err.kind(),
            NotifyErrorKind::BadPercentEncoding { offset: 5, .. }
        ));
    }

    #[test]
    fn utf8_error_names_the_pair() {
        let err = Params::from_form(b"a=1&b=%FF").unwrap_err();
        assert_eq!(
            err.kind(),
            &NotifyErrorKind::NotUtf8 {
                encoding: Encoding::Form,
                offset: 4
            }
        );
    }

    #[test]
    fn empty_and_bare_pairs() {
        let params = Params::from_query("&&a&=x&b=").unwrap();
        assert_eq!(
            params.iter().collect::<Vec<_>>(),
            [("a", ""), ("", "x"), ("b", "")]
        );
    }
}
