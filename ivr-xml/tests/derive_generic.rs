//! Generic types and `#[xml(children(all))]`: a type parameter gets the bound its role needs
//! (`XmlValue` for values, `ToXml`/`FromXml` for elements), and `children(all)` hands every
//! child element to the field's type, which reports the ones it does not know.
#![allow(clippy::unwrap_used)]

use ivr_xml::{from_str, to_string_with, Command, Hangup, Play, Prompt, Style, Xml};

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Box")]
struct Holder<V, E> {
    #[xml(attribute)]
    size: V,
    #[xml(attribute)]
    label: Option<V>,
    #[xml(children)]
    items: Vec<E>,
}

#[test]
fn type_parameters_take_the_bound_of_their_role() {
    let holder: Holder<u32, Prompt> = Holder {
        size: 3,
        label: None,
        items: vec![Play::new("a.wav").into()],
    };
    let text = to_string_with(&holder, &Style::compact()).unwrap();
    assert_eq!(text, "<Box size='3'><Play>a.wav</Play></Box>");
    assert_eq!(from_str::<Holder<u32, Prompt>>(&text).unwrap(), holder);
    // The same type with other parameters reads the same element differently.
    let err = from_str::<Holder<u32, Hangup>>(&text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:15: `<Play>` is not allowed inside `<Box>`: expected `Hangup` (at Box/Play[1])"
    );
    let err = from_str::<Holder<u8, Prompt>>("<Box size='300'/>").unwrap_err();
    assert!(err.to_string().starts_with("1:6: "), "{err}");
    assert!(err.to_string().contains("size"), "{err}");
}

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Script")]
struct Script<C> {
    #[xml(children(all))]
    steps: Vec<C>,
}

#[test]
fn children_all_takes_every_child_and_its_type_reports_unknown_ones() {
    let script: Script<Command> = Script {
        steps: vec![Play::new("a.wav").into(), Hangup::new().into()],
    };
    let docs = to_string_with(&script, &Style::docs()).unwrap();
    assert_eq!(
        docs,
        "<Script>\n    <Play>a.wav</Play>\n    <Hangup/>\n</Script>"
    );
    assert_eq!(from_str::<Script<Command>>(&docs).unwrap(), script);
    let empty: Script<Command> = Script { steps: Vec::new() };
    assert_eq!(to_string_with(&empty, &Style::docs()).unwrap(), "<Script/>");
    // The error is `Command`'s (an unknown element), not the container's (an unexpected child).
    let err = from_str::<Script<Command>>("<Script><Dance/></Script>").unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("1:9: unknown element `<Dance>`"),
        "{message}"
    );
    assert!(message.ends_with("(at Script/Dance[1])"), "{message}");
    let err = from_str::<Script<Command>>("<Script>words<Hangup/></Script>").unwrap_err();
    assert!(err.to_string().starts_with("1:9: "), "{err}");
}
