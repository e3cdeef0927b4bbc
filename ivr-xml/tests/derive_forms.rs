//! The derive's element forms: `#[xml(empty = "end_tag")]` (an element without content written
#![allow(clippy::unwrap_used)]
//! with its end tag, as the docs' REST `<Dial>`), `#[xml(try_from/from = W, into = W)]` (a
//! struct that is another type's element) and `#[xml(check = path)]` (a struct's own rule).

use ivr_xml::{
    from_str, from_str_with, to_string_with, CreateConf, EmptyElements, ErrorKind, MixItem,
    ParseOptions, Play, PlayMix, RawAttribute, Style, ToXml, ValueError, Xml,
};

#[derive(Debug, Clone, PartialEq, Xml)]
#[xml(element = "Bare", empty = "end_tag")]
struct Bare {
    #[xml(extra)]
    extra: Vec<RawAttribute>,
}

#[derive(Debug, Clone, PartialEq, Xml)]
#[xml(element = "Menu", empty = "end_tag")]
struct Menu {
    #[xml(attribute)]
    id: Option<String>,
    #[xml(children)]
    prompts: Vec<Play>,
}

#[test]
fn end_tag_form_without_attributes_with_raw_ones_and_with_children() {
    let self_closing = Style::compact().empty_elements(EmptyElements::SelfClosing);
    let bare = Bare { extra: vec![] };
    assert_eq!(
        to_string_with(&bare, &Style::compact()).unwrap(),
        "<Bare></Bare>"
    );
    assert_eq!(to_string_with(&bare, &self_closing).unwrap(), "<Bare/>");
    let raw = Bare {
        extra: vec![RawAttribute::new("v", "1").unwrap()],
    };
    assert_eq!(
        to_string_with(&raw, &Style::docs()).unwrap(),
        "<Bare v='1'></Bare>"
    );
    assert_eq!(
        to_string_with(&raw, &self_closing).unwrap(),
        "<Bare v='1'/>"
    );
    // Both forms read back.
    assert_eq!(from_str::<Bare>("<Bare></Bare>").unwrap(), bare);
    assert_eq!(from_str::<Bare>("<Bare/>").unwrap(), bare);

    let empty = Menu {
        id: Some("m".into()),
        prompts: vec![],
    };
    assert_eq!(
        to_string_with(&empty, &Style::docs()).unwrap(),
        "<Menu id='m'></Menu>"
    );
    assert_eq!(
        to_string_with(&empty, &self_closing).unwrap(),
        "<Menu id='m'/>"
    );
    // With content the form does not apply: the children are written as always.
    let full = Menu {
        id: None,
        prompts: vec![Play::new("a.wav")],
    };
    assert_eq!(
        to_string_with(&full, &Style::docs()).unwrap(),
        "<Menu>\n    <Play>a.wav</Play>\n</Menu>"
    );
    assert_eq!(
        to_string_with(&full, &self_closing.quote(ivr_xml::Quote::Double)).unwrap(),
        "<Menu><Play>a.wav</Play></Menu>"
    );
}

/// `<Size>3x4</Size>`, read through a wire type.
#[derive(Xml)]
#[xml(element = "Size")]
struct SizeWire {
    #[xml(attribute)]
    unit: Option<String>,
    #[xml(text)]
    text: String,
}

#[derive(Debug, Clone, PartialEq, Xml)]
#[xml(try_from = "SizeWire", into = "SizeWire", check = "Size::not_zero")]
struct Size {
    width: u32,
    height: u32,
}

impl Size {
    fn not_zero(&self) -> Result<(), ValueError> {
        if self.width == 0 || self.height == 0 {
            return Err(ValueError::new("Size", "0", "a size of at least 1x1"));
        }
        Ok(())
    }
}

impl TryFrom<SizeWire> for Size {
    type Error = ValueError;
    fn try_from(wire: SizeWire) -> Result<Size, ValueError> {
        let refuse = || ValueError::new("Size", wire.text.clone(), "WIDTHxHEIGHT");
        let (w, h) = wire.text.split_once('x').ok_or_else(refuse)?;
        Ok(Size {
            width: w.parse().map_err(|_| refuse())?,
            height: h.parse().map_err(|_| refuse())?,
        })
    }
}

impl From<&Size> for SizeWire {
    fn from(size: &Size) -> SizeWire {
        SizeWire {
            unit: None,
            text: format!("{}x{}", size.width, size.height),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Xml)]
#[xml(element = "Frame")]
struct Frame {
    #[xml(child)]
    size: Size,
}

#[test]
fn try_from_errors_are_located_at_the_element_and_the_fast_path_agrees() {
    let frame: Frame = from_str("<Frame><Size unit='cm'>3x4</Size></Frame>").unwrap();
    assert_eq!(
        frame.size,
        Size {
            width: 3,
            height: 4
        }
    );
    assert_eq!(
        to_string_with(&frame, &Style::compact()).unwrap(),
        "<Frame><Size>3x4</Size></Frame>"
    );
    let err = from_str::<Frame>("<Frame>\n  <Size>big</Size>\n</Frame>").unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidValue(e) if e.what() == "Size"),
        "{err}"
    );
    assert_eq!(
        (err.position().line, err.position().column),
        (2, 3),
        "{err}"
    );
    assert_eq!(err.path(), "Frame/Size[1]");
    // The wire's own errors keep their place (the attribute).
    let err = from_str::<Frame>("<Frame><Size unit='cm' x='1'>3x4</Size></Frame>").unwrap_err();
    assert!(err.to_string().contains('x'), "{err}");
    // The lenient parser reports the same conversion error (it is not a warning).
    assert!(
        from_str_with::<Frame>("<Frame><Size>3</Size></Frame>", &ParseOptions::lenient()).is_err()
    );
    // Named, expected and described as the wire's element.
    assert_eq!(
        Size {
            width: 1,
            height: 1
        }
        .element_name(),
        "Size"
    );
    assert_eq!(ivr_xml::de::expected_of::<Size>(), vec!["Size"]);
    let described = <Size as ivr_xml::describe::Describe>::ELEMENTS;
    assert_eq!(described.len(), 1);
    assert_eq!(described[0].name, "Size");
    assert!(described[0].text.is_some());
}

#[test]
fn check_runs_after_the_derived_checks_on_converted_element_and_flattening_structs() {
    let zero = Frame {
        size: Size {
            width: 0,
            height: 4,
        },
    };
    assert_eq!(
        zero.check().unwrap_err().expected(),
        "a size of at least 1x1"
    );
    assert!(to_string_with(&zero, &Style::docs()).is_err());

    #[derive(Debug, Xml)]
    #[xml(element = "Range", check = Range::ordered)]
    struct Range {
        #[xml(attribute)]
        min: u32,
        #[xml(attribute)]
        max: u32,
        #[xml(extra)]
        extra: Vec<RawAttribute>,
    }
    impl Range {
        fn ordered(&self) -> Result<(), ValueError> {
            match self.min <= self.max {
                true => Ok(()),
                false => Err(ValueError::new("Range", "min > max", "min <= max")),
            }
        }
    }
    let range = |min, max, extra: &[(&str, &str)]| Range {
        min,
        max,
        extra: extra
            .iter()
            .map(|(n, v)| RawAttribute::new(*n, *v).unwrap())
            .collect(),
    };
    assert!(range(1, 2, &[]).check().is_ok());
    assert_eq!(range(2, 1, &[]).check().unwrap_err().what(), "Range");
    // The derived check (a raw attribute standing for `min`) comes first.
    assert_eq!(
        range(2, 1, &[("min", "0")]).check().unwrap_err().what(),
        "raw attribute"
    );

    #[derive(Debug, Xml)]
    #[xml(check = Tagged::tag_not_empty)]
    struct Tagged {
        #[xml(flatten)]
        conf: CreateConf,
        #[xml(attribute)]
        tag: String,
    }
    impl Tagged {
        fn tag_not_empty(&self) -> Result<(), ValueError> {
            match self.tag.is_empty() {
                true => Err(ValueError::new("tag", "", "a tag")),
                false => Ok(()),
            }
        }
    }
    let tagged = |tag: &str| Tagged {
        conf: CreateConf::new(),
        tag: tag.into(),
    };
    assert!(tagged("a").check().is_ok());
    assert_eq!(tagged("").check().unwrap_err().what(), "tag");
}

#[test]
fn playmix_writes_many_and_long_items_as_its_text_and_codes_say() {
    // Three items and more (the codes built), texts past the 128 bytes of the stack buffer.
    let long = "x".repeat(300);
    for mix in [
        PlayMix::new()
            .file("a.wav")
            .digits("1")
            .raw_item('7', "2026"),
        PlayMix::new().file(&long).digits("1"),
        PlayMix::new().file(&long[..100]).digits(&long[..27]),
        PlayMix::new().file(&long[..100]).digits(&long[..28]),
        PlayMix::new().file("a&b.wav"),
    ] {
        let text = to_string_with(&mix, &Style::compact()).unwrap();
        let escaped = mix.text().replace('&', "&amp;");
        assert_eq!(
            text,
            format!("<PlayMix type='{}'>{}</PlayMix>", mix.codes(), escaped)
        );
        assert_eq!(from_str::<PlayMix>(&text).unwrap(), mix);
    }
    // A hand-made item that would read back as another is refused, as the builders refuse it.
    let mut mix = PlayMix::new();
    mix.items.push(MixItem::Raw {
        code: '4',
        text: ivr_xml::Text::new("a.wav").unwrap(),
    });
    assert_eq!(mix.check().unwrap_err().what(), "PlayMix raw code");
}
