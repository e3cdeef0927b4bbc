//! The impls of the types the derive does not generate: [`Response`], [`RawElement`],
//! [`RawAttribute`] and [`PlayMix`](crate::PlayMix).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{self, SerializeMap, Serializer};

use super::{deserialize_alternative, deserialize_children, deserialize_element};
use super::{serialize_alternative, serialize_children, serialize_element};
use crate::serde_support::Text;
use crate::{FromXml, RawAttribute, RawElement, Response, ToXml};

/// A document is the list of its commands (see the [module](crate::serde_model)).
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<C: ToXml> ser::Serialize for Response<C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_children(self, serializer)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de, C: FromXml> de::Deserialize<'de> for Response<C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Response<C>, D::Error> {
        deserialize_children(deserializer)
    }
}

/// A raw element is tagged by its name, as a command is.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl ser::Serialize for RawElement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_alternative(self, serializer)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> de::Deserialize<'de> for RawElement {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawElement, D::Error> {
        deserialize_alternative(deserializer)
    }
}

/// A raw attribute is a one-entry map from its name to its value.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl ser::Serialize for RawAttribute {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.name(), self.value())?;
        map.end()
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> de::Deserialize<'de> for RawAttribute {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawAttribute, D::Error> {
        deserializer.deserialize_map(AttributeVisitor(PhantomData))
    }
}

struct AttributeVisitor(PhantomData<RawAttribute>);

impl<'de> Visitor<'de> for AttributeVisitor {
    type Value = RawAttribute;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an attribute: a map with one key, its name, and its value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawAttribute, A::Error> {
        let Some((name, Text(value))) = map.next_entry::<String, Text>()? else {
            return Err(de::Error::custom(
                "an empty map is no attribute: expected one key, the attribute's name",
            ));
        };
        if let Some(second) = map.next_key::<String>()? {
            return Err(de::Error::custom(format!(
                "an attribute is a map with one key, its name: `{name}` is followed by `{second}`"
            )));
        }
        let value = value
            .ok_or_else(|| de::Error::custom(format!("attribute `{name}` has no value (null)")))?;
        RawAttribute::new(name, value).map_err(de::Error::custom)
    }
}

/// `<PlayMix>` is its element, as a derived command is (its writer and parser are hand-written).
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl ser::Serialize for crate::PlayMix {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_element(self, serializer)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> de::Deserialize<'de> for crate::PlayMix {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<crate::PlayMix, D::Error> {
        deserialize_element(deserializer)
    }
}
