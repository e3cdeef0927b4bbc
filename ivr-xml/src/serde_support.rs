//! Feature `serde`: `Serialize` and `Deserialize` for the value types and the notification
//! messages, written once here and called by each type's two short impls.
//!
//! The rules, the same for every type:
//! - a **value** (an XML attribute value like [`Timeout`](crate::Timeout) or
//!   [`Method`](crate::Method), or a notification parameter like
//!   [`CallId`](crate::notify::CallId)) serializes as the text the platform sees, and
//!   deserializes from that text through the library's own check, with its error text; a
//!   self-describing format may also give a number or a boolean, read as its text;
//! - a **message** serializes as a map from the platform's parameter names to their texts (the
//!   known parameters, then `extra`), exactly [`Message::to_params`], and deserializes from such
//!   a map through [`Message::from_params`]: the same validation and the same error text as
//!   [`Message::from_query`]. So `serde_urlencoded::from_str::<M>(q)`, axum's `Query<M>` and
//!   `Form<M>` and actix-web's `web::Query<M>` give what `M::from_query(q)` gives.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};

use crate::notify::{Encoding, Message, NotifyOptions, ParamValue, Params};
use crate::XmlValue;

/// Text from a self-describing format: a string, or a number or boolean read as its text;
/// `None` for a null (an absent optional parameter in JSON).
struct Text(Option<String>);

impl<'de> de::Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(TextVisitor)
        } else {
            deserializer.deserialize_string(TextVisitor)
        }
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
        Ok(Text(Some(text.to_owned())))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Text, E> {
        Ok(Text(Some(text)))
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Text, E> {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.visit_str(text),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(bytes), &self)),
        }
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Text, E> {
        Ok(Text(Some(n.to_string())))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Text, E> {
        Ok(Text(Some(n.to_string())))
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Text, E> {
        Ok(Text(Some(b.to_string())))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
        Ok(Text(None))
    }

    fn visit_none<E: de::Error>(self) -> Result<Text, E> {
        Ok(Text(None))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Text, D::Error> {
        de::Deserialize::deserialize(deserializer)
    }
}

/// Reads the text of one value, refusing a null.
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match <Text as de::Deserialize>::deserialize(deserializer)?.0 {
        Some(text) => Ok(text),
        None => Err(de::Error::invalid_type(de::Unexpected::Unit, &"text")),
    }
}

/// Serializes an XML attribute value as its text.
pub(crate) fn serialize_xml<T: XmlValue, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    value.with_str(|text| serializer.serialize_str(text))
}

/// Deserializes an XML attribute value from its text, checked by [`XmlValue::parse_value`].
pub(crate) fn deserialize_xml<'de, T: XmlValue, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    T::parse_value(&text(deserializer)?).map_err(de::Error::custom)
}

/// Serializes a notification parameter value as its text.
pub(crate) fn serialize_param<T: ParamValue, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&value.to_param())
}

/// Deserializes a notification parameter value from its text, checked by
/// [`ParamValue::parse_param`].
pub(crate) fn deserialize_param<'de, T: ParamValue, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    T::parse_param(&text(deserializer)?).map_err(de::Error::custom)
}

/// Serializes [`Params`] as a map of names to texts, in order (a repeated name is repeated).
pub(crate) fn serialize_params<S: Serializer>(
    params: &Params,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(params.len()))?;
    for (name, value) in params.iter() {
        map.serialize_entry(name, value)?;
    }
    map.end()
}

/// Reads a map of names to texts into [`Params`], in order, refusing what the library's reader
/// refuses with the same error: an input over the size limit of [`NotifyOptions`] (judged from
/// the decoded pairs, whose size is a lower bound of the input's), then the first pair over the
/// parameter count limit or not UTF-8. A null value is an absent parameter, and a `?` before the
/// first name is skipped, as [`Message::from_query`] skips it.
fn read_params<'de, A: MapAccess<'de>>(mut map: A) -> Result<Params, ParamsError<A::Error>> {
    let options = NotifyOptions::default();
    let mut params = Params::new();
    let (mut size, mut count, mut first_error) = (0usize, 0usize, None);
    while let Some(Text(name)) = map.next_key::<Text>().map_err(ParamsError::Format)? {
        let Text(value) = map.next_value::<Text>().map_err(ParamsError::Format)?;
        let (Some(mut name), Some(value)) = (name, value) else {
            continue;
        };
        if count == 0 && name.starts_with('?') {
            name.remove(0);
            if name.is_empty() && value.is_empty() {
                continue;
            }
        }
        size = size.saturating_add(name.len() + value.len() + usize::from(count > 0));
        count += 1;
        if first_error.is_some() {
            continue;
        }
        if count > options.params_limit() {
            first_error = Some(ParamsError::Limit(
                "parameter count",
                options.params_limit(),
            ));
        } else if name.contains(REPLACEMENT) || value.contains(REPLACEMENT) {
            // `form_urlencoded` (under serde_urlencoded, axum and actix-web) replaces bytes
            // that are not UTF-8 with U+FFFD where the library's reader refuses them.
            first_error = Some(ParamsError::NotUtf8(name));
        } else {
            params.push(name, value);
        }
    }
    if size > options.bytes_limit() {
        return Err(ParamsError::Limit("size in bytes", options.bytes_limit()));
    }
    match first_error {
        Some(err) => Err(err),
        None => Ok(params),
    }
}

const REPLACEMENT: char = '\u{FFFD}';

enum ParamsError<E> {
    Format(E),
    Limit(&'static str, usize),
    NotUtf8(String),
}

impl<E: de::Error> ParamsError<E> {
    /// The format's error, for a message of `kind` (or bare [`Params`]).
    fn into_error(self, kind: Option<&'static str>) -> E {
        let err = match self {
            ParamsError::Format(err) => return err,
            ParamsError::Limit(what, limit) => {
                crate::notify::limit_error(Encoding::Query, what, limit)
            }
            ParamsError::NotUtf8(name) => {
                let text = format!(
                    "parameter `{name}` is not UTF-8 once percent-decoded (it holds U+FFFD, \
                     the replacement character)"
                );
                return E::custom(match kind {
                    Some(kind) => format!("{kind}: {text}"),
                    None => text,
                });
            }
        };
        match kind {
            Some(kind) => E::custom(err.in_message(kind)),
            None => E::custom(err),
        }
    }
}

struct ParamsVisitor;

impl<'de> Visitor<'de> for ParamsVisitor {
    type Value = Params;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map of parameter names to values")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Params, A::Error> {
        read_params(map).map_err(|err| err.into_error(None))
    }
}

/// Deserializes [`Params`] from a map of names to texts.
pub(crate) fn deserialize_params<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Params, D::Error> {
    deserializer.deserialize_map(ParamsVisitor)
}

/// Serializes a message as the map of its parameters ([`Message::to_params`]).
pub(crate) fn serialize_message<M: Message, S: Serializer>(
    message: &M,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serialize_params(&message.to_params(), serializer)
}

struct MessageVisitor<M>(PhantomData<M>);

impl<'de, M: Message> Visitor<'de> for MessageVisitor<M> {
    type Value = M;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the parameters of a {}", M::KIND)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<M, A::Error> {
        let params = read_params(map).map_err(|err| err.into_error(Some(M::KIND)))?;
        M::from_params(&params).map_err(de::Error::custom)
    }
}

/// Deserializes a message from a map of its parameters, through [`Message::from_params`].
pub(crate) fn deserialize_message<'de, M: Message, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<M, D::Error> {
    deserializer.deserialize_map(MessageVisitor(PhantomData))
}

/// `Serialize` and `Deserialize` for each listed type through one pair of the functions above.
/// (The impls only forward: which text a type has and how it is checked stays with the type.)
macro_rules! forward {
    ($serialize:ident, $deserialize:ident: $($ty:ty),* $(,)?) => {$(
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl serde::Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $serialize(self, serializer)
            }
        }

        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                $deserialize(deserializer)
            }
        }
    )*};
}

use crate::notify::{
    AppId, CallId, Cdr, Code, ConfCreated, ConfDeleted, ConfDtmfReport, ConfId, ConfMediaOpResult,
    ConfMemberJoined, ConfMemberQuit, ConfPasswordFailed, ConsultCallTimeOver, ConsultHangup,
    ConsultNoAnswer, Digits, Direction, DtmfReport, RedirectRequest, Seconds, StartService,
    StopService, Timestamp, UserData,
};
use crate::rest::{Role, Speak, StatusCode};
use crate::{Key, Loop, MaxMember, Method, NumDigits, RelUrl, Text as XmlText, Timeout, VoiceMode};

forward!(serialize_xml, deserialize_xml:
    XmlText, RelUrl, NumDigits, Timeout, MaxMember, Loop, Key, Method, VoiceMode, Role, Speak,
    StatusCode,
);
forward!(serialize_param, deserialize_param:
    AppId, CallId, ConfId, Code, Direction, Digits, Seconds, UserData, Timestamp,
);
forward!(serialize_params, deserialize_params: Params);
forward!(serialize_message, deserialize_message:
    StartService, DtmfReport, RedirectRequest, StopService, ConfCreated, ConfMemberJoined,
    ConfMemberQuit, ConfDeleted, ConfDtmfReport, ConfMediaOpResult, ConfPasswordFailed,
    ConsultHangup, ConsultCallTimeOver, ConsultNoAnswer, Cdr,
);
