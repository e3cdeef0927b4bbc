//! `#[xml(flatten)]` on a type of the user's: writing, parsing (strict and lenient), errors
#![allow(clippy::unwrap_used)]
//! located at the attribute with both types' names expected, and `check` of the raw attributes.

use ivr_xml::{
    from_str, from_str_with, to_string_with, CreateConf, ErrorKind, ParseOptions, RawAttribute,
    Style, ToXml, Xml,
};

#[derive(Debug, Clone, PartialEq, Xml)]
struct Tagged {
    #[xml(flatten)]
    conf: CreateConf,
    #[xml(attribute)]
    tag: String,
    #[xml(attribute, default)]
    weight: u32,
}

#[test]
fn writes_the_flattened_attributes_then_its_own_then_the_raw_ones() {
    let mut conf = CreateConf::new().action("made").maxmember(5);
    conf.extra.push(RawAttribute::new("vendor", "x").unwrap());
    let tagged = Tagged {
        conf,
        tag: "a'b".into(),
        weight: 0,
    };
    let compact = to_string_with(&tagged, &Style::compact()).unwrap();
    assert_eq!(
        compact,
        "<CreateConf action='made' maxmember='5' tag='a&apos;b' weight='0' vendor='x'/>"
    );
    let double = to_string_with(&tagged, &Style::compact().quote(ivr_xml::Quote::Double)).unwrap();
    assert_eq!(
        double,
        r#"<CreateConf action="made" maxmember="5" tag="a'b" weight="0" vendor="x"/>"#
    );
    let lenient = from_str_with::<Tagged>(&compact, &ParseOptions::lenient()).unwrap();
    assert_eq!(lenient.value, tagged);
    assert_eq!(lenient.warnings.len(), 1, "the raw `vendor`");
}

#[test]
fn parses_each_attribute_into_the_field_that_knows_it() {
    let parsed: Tagged = from_str("<CreateConf tag='t' autojoin='true' weight='3'/>").unwrap();
    assert_eq!(parsed.tag, "t");
    assert_eq!(parsed.weight, 3);
    assert_eq!(parsed.conf.autojoin, Some(true));
}

#[test]
fn errors_name_the_attribute_and_both_types_names() {
    let missing = from_str::<Tagged>("<CreateConf autojoin='true'/>").unwrap_err();
    assert!(
        matches!(
            missing.kind(),
            ErrorKind::MissingAttribute { name: "tag", .. }
        ),
        "{missing}"
    );

    let text = "<CreateConf tag='t' weight='heavy'/>";
    let bad = from_str::<Tagged>(text).unwrap_err();
    assert!(matches!(bad.kind(), ErrorKind::InvalidValue(_)), "{bad}");
    assert_eq!(bad.offset(), text.find("weight").unwrap());
    assert_eq!(bad.path(), "CreateConf/@weight");

    let text = "<CreateConf tag='t' autojoyn='1'/>";
    let unknown = from_str::<Tagged>(text).unwrap_err();
    let ErrorKind::UnknownAttribute { expected, .. } = unknown.kind() else {
        panic!("{unknown}")
    };
    assert_eq!(
        expected.first(),
        Some(&"action"),
        "CreateConf's names first"
    );
    assert_eq!(&expected[expected.len() - 2..], ["tag", "weight"]);
    assert_eq!(unknown.offset(), text.find("autojoyn").unwrap());

    assert!(
        from_str::<Tagged>("<Tagged tag='t'/>").is_err(),
        "the element is CreateConf"
    );
    assert!(from_str::<Tagged>("<CreateConf tag='t'><Play>x</Play></CreateConf>").is_err());
}

#[test]
fn check_refuses_a_raw_attribute_named_like_an_own_attribute() {
    let mut conf = CreateConf::new();
    conf.extra.push(RawAttribute::new("tag", "again").unwrap());
    let tagged = Tagged {
        conf,
        tag: "t".into(),
        weight: 1,
    };
    let err = tagged.check().unwrap_err();
    assert!(err.to_string().contains("Tagged::tag"), "{err}");
    assert_eq!(tagged.element_name(), "CreateConf");
}
