//! The `serde` option of `#[derive(XmlValue)]` and `#[derive(XmlValueSerde)]` (used through the
//! derive crate: `ivr_xml::XmlValueSerde` needs the feature `serde`, which this test builds
//! without; the derive reports these mistakes before any generated code is resolved).

use ivr_xml::XmlValue;

/// `serde` with a value.
#[derive(XmlValue)]
#[value(name = "mode", expected = "`in`", serde = true)]
enum Mode {
    #[value(text = "in")]
    In,
}

/// `serde` on a variant instead of the type.
#[derive(XmlValue)]
#[value(name = "side", expected = "`left`")]
enum Side {
    #[value(text = "left", serde)]
    Left,
}

/// `XmlValueSerde` takes no options: the `XmlValue` impl says everything.
#[derive(ivr_xml_derive::XmlValueSerde)]
#[value(serde)]
struct Volume(u8);

/// Nor generics.
#[derive(ivr_xml_derive::XmlValueSerde)]
struct Wrapped<T>(T);

fn main() {}
