//! `#[xml(children)]`: repeated child elements in a `Vec`, their order and layout, and the
//! errors of an unexpected child or stray text.
#![allow(clippy::unwrap_used)]

use ivr_xml::{from_str, to_string_with, Hangup, Play, PlayTts, Prompt, Style, Xml};

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Menu")]
struct Menu {
    #[xml(attribute)]
    name: String,
    #[xml(children)]
    prompts: Vec<Prompt>,
}

fn menu(prompts: Vec<Prompt>) -> Menu {
    Menu {
        name: "m".to_owned(),
        prompts,
    }
}

#[test]
fn no_children_is_an_empty_element() {
    let empty = menu(Vec::new());
    assert_eq!(
        to_string_with(&empty, &Style::compact()).unwrap(),
        "<Menu name='m'/>"
    );
    assert_eq!(
        to_string_with(&empty, &Style::docs()).unwrap(),
        "<Menu name='m'/>"
    );
    assert_eq!(from_str::<Menu>("<Menu name='m'/>").unwrap(), empty);
    assert_eq!(from_str::<Menu>("<Menu name='m'>\n</Menu>").unwrap(), empty);
}

#[test]
fn children_keep_their_order_across_alternatives() {
    let three = menu(vec![
        Play::new("a.wav").into(),
        PlayTts::new("按一").into(),
        Play::new("b.wav").into(),
    ]);
    let compact = to_string_with(&three, &Style::compact()).unwrap();
    assert_eq!(
        compact,
        "<Menu name='m'><Play>a.wav</Play><PlayTTS>按一</PlayTTS><Play>b.wav</Play></Menu>"
    );
    let docs = to_string_with(&three, &Style::docs()).unwrap();
    assert_eq!(
        docs,
        "<Menu name='m'>\n    <Play>a.wav</Play>\n    <PlayTTS>按一</PlayTTS>\n    <Play>b.wav</Play>\n</Menu>"
    );
    assert_eq!(from_str::<Menu>(&compact).unwrap(), three);
    assert_eq!(from_str::<Menu>(&docs).unwrap(), three);
}

#[test]
fn layout_whitespace_and_comments_between_children_are_ignored() {
    let text = "<Menu name='m'>\n  <!-- first -->\n\t<Play>a.wav</Play>\r\n</Menu>";
    assert_eq!(
        from_str::<Menu>(text).unwrap(),
        menu(vec![Play::new("a.wav").into()])
    );
}

#[test]
fn an_unexpected_child_is_an_error_listing_the_accepted_ones() {
    let err = from_str::<Menu>("<Menu name='m'><Hangup/></Menu>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:16: `<Hangup>` is not allowed inside `<Menu>`: expected one of `Play`, `PlayTTS` (at Menu/Hangup[1])"
    );
    assert_eq!(err.path(), "Menu/Hangup[1]");
}

#[test]
fn text_between_children_is_an_error() {
    let err = from_str::<Menu>("<Menu name='m'><Play>a</Play>oops</Menu>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:30: text is not allowed inside `<Menu>` (at Menu)"
    );
}

#[test]
fn paths_count_siblings_of_the_same_name() {
    let text = "<Menu name='m'><Play>a</Play><PlayTTS>b</PlayTTS><Play loop='x'>c</Play></Menu>";
    let err = from_str::<Menu>(text).unwrap_err();
    assert_eq!(err.path(), "Menu/Play[2]/@loop");
    assert_eq!(err.position().column, 56);
}

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Script")]
struct Script {
    #[xml(children)]
    plays: Vec<Play>,
    #[xml(children)]
    hangups: Vec<Hangup>,
}

#[test]
fn two_children_fields_are_written_field_by_field() {
    let parsed =
        from_str::<Script>("<Script><Hangup/><Play>a</Play><Play>b</Play></Script>").unwrap();
    assert_eq!(parsed.plays, vec![Play::new("a"), Play::new("b")]);
    assert_eq!(parsed.hangups, vec![Hangup::new()]);
    let text = to_string_with(&parsed, &Style::compact()).unwrap();
    assert_eq!(
        text,
        "<Script><Play>a</Play><Play>b</Play><Hangup/></Script>"
    );
    assert_eq!(from_str::<Script>(&text).unwrap(), parsed);
}

#[test]
fn an_invalid_value_in_any_child_refuses_the_whole_element() {
    let bad = menu(vec![
        Play::new("a.wav").into(),
        Play::new("b.wav").repeat(-2).into(),
    ]);
    let err = to_string_with(&bad, &Style::compact()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid loop `-2`: expected an integer >= -1 (-1 = forever, 0 = never)"
    );
}
