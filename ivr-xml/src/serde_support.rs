//! Feature `serde`: the functions the derives' `serde` options call (`#[value(serde)]`,
//! `#[derive(XmlValueSerde)]`, `#[message(serde)]`, `#[notification(serde)]`, reached through
//! `__private::serde_support`), [`Params`]' impls, and [`Text`], the one reader of a value's
//! text that [`serde_model`](crate::serde_model) shares.
//!
//! The rules, the same for every type:
//! - a **value** (an XML attribute value like [`Timeout`](crate::Timeout) or
//!   [`Method`](crate::Method), or a notification parameter like
//!   [`CallId`](crate::notify::CallId)) serializes as the text the platform sees
//!   ([`XmlValue::with_str`]), and deserializes from [`Text`] through
//!   [`XmlValue::parse_param`], the library's own check, with its error text (`parse_param` is
//!   `parse_value` but for the types that take any text as a parameter, like
//!   [`UserData`](crate::notify::UserData));
//! - a **message** serializes as a map from the platform's parameter names to their texts (the
//!   known parameters, then `extra`), exactly [`Message::to_params`], and deserializes from such
//!   a map through [`Message::from_params`]: the same validation and the same error text as
//!   [`Message::from_query`]. So `serde_urlencoded::from_str::<M>(q)`, axum's `Query<M>` and
//!   `Form<M>` and actix-web's `web::Query<M>` give what `M::from_query(q)` gives;
//! - a **notification** (an application's enum) is tagged by its segment: a one-entry map from
//!   [`Notification::segment`] to its parameters, read back through [`Notification::from_parts`].

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};

use crate::notify::{Encoding, Message, Notification, NotifyOptions, Params};
use crate::XmlValue;

/// The text of one value from a serde format, `None` for a null (an absent attribute or
/// parameter). What it accepts, deliberately, for every value of the crate (attribute values,
/// element texts, notification parameters, parameter names):
/// - a string, or bytes that are UTF-8 (formats without a string type give bytes);
/// - a number (integer or floating point) or a boolean, read as its text (`5`, `1.5`, `true`),
///   since JSON written by hand often gives `"timeout": 5`: the value type then checks the text
///   as it checks any other;
/// - a null (or an absent option), which is `None`: an absent value.
///
/// Anything else (a map, a list) is refused: a value is one text. A self-describing format is
/// asked for any of these; another one (bincode) for a string.
pub(crate) struct Text(pub(crate) Option<String>);

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
        f.write_str("text (a string, a number or a boolean)")
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

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Text, E> {
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

/// Serializes a value as its text (`#[value(serde)]`, `#[derive(XmlValueSerde)]`).
#[doc(hidden)]
pub fn serialize_value<T: XmlValue, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    value.with_str(|text| serializer.serialize_str(text))
}

/// Deserializes a value from its [`Text`], checked by [`XmlValue::parse_param`]; a null is
/// refused (an absent optional value is the `Option`'s business).
#[doc(hidden)]
pub fn deserialize_value<'de, T: XmlValue, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    match <Text as de::Deserialize>::deserialize(deserializer)?.0 {
        Some(text) => T::parse_param(&text).map_err(de::Error::custom),
        None => Err(de::Error::invalid_type(de::Unexpected::Unit, &T::EXPECTED)),
    }
}

/// [`Params`] serialize as a map of names to texts, in order (a repeated name is repeated).
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (name, value) in self.iter() {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// [`Params`] deserialize from a map of names to texts, refusing what the library's reader
/// refuses (see `read_params`).
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> serde::Deserialize<'de> for Params {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Params, D::Error> {
        deserializer.deserialize_map(ParamsVisitor)
    }
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

/// Serializes a message as the map of its parameters ([`Message::to_params`]).
#[doc(hidden)]
pub fn serialize_message<M: Message, S: Serializer>(
    message: &M,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&message.to_params(), serializer)
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
#[doc(hidden)]
pub fn deserialize_message<'de, M: Message, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<M, D::Error> {
    deserializer.deserialize_map(MessageVisitor(PhantomData))
}

/// Serializes a notification as a one-entry map from its segment to its parameters.
#[doc(hidden)]
pub fn serialize_notification<N: Notification, S: Serializer>(
    notification: &N,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(1))?;
    map.serialize_entry(notification.segment(), &notification.to_params())?;
    map.end()
}

struct NotificationVisitor<N>(PhantomData<N>);

impl<'de, N: Notification> Visitor<'de> for NotificationVisitor<N> {
    type Value = N;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a notification: a map with one key, its segment, and its parameters (`{\"segment\": {...}}`)",
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<N, A::Error> {
        let Some(Text(Some(segment))) = map.next_key::<Text>()? else {
            return Err(de::Error::custom(
                "an empty map is no notification: expected one key, its segment",
            ));
        };
        let params = map.next_value::<Params>()?;
        if let Some(Text(second)) = map.next_key::<Text>()? {
            return Err(de::Error::custom(format!(
                "a notification is a map with one key, its segment: `{segment}` is followed by `{}`",
                second.unwrap_or_default()
            )));
        }
        N::from_parts(&segment, &params).map_err(de::Error::custom)
    }
}

/// Deserializes a notification from a map of its segment to its parameters, through
/// [`Notification::from_parts`]: the variant the segment chooses, with its message's checks.
#[doc(hidden)]
pub fn deserialize_notification<'de, N: Notification, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<N, D::Error> {
    deserializer.deserialize_map(NotificationVisitor(PhantomData))
}
