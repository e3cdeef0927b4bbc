//! `#[xml(child)]`: one child element, required (`T`) or optional (`Option<T>`), matched by name;
//! its layout in each style, the errors of a missing, repeated or unexpected child, and errors
//! and checks inside the child.
#![allow(clippy::unwrap_used)]

use ivr_xml::{from_str, to_string_with, ErrorKind, Play, PlayTts, Position, Style, Xml};

#[derive(Debug, PartialEq, Xml)]
#[xml(element = "Hold")]
struct Hold {
    #[xml(attribute)]
    tag: Option<String>,
    #[xml(child)]
    music: Play,
    #[xml(child)]
    notice: Option<PlayTts>,
}

fn hold() -> Hold {
    Hold {
        tag: None,
        music: Play::new("wait.wav"),
        notice: None,
    }
}

#[test]
fn a_required_child_in_each_style() {
    assert_eq!(
        to_string_with(&hold(), &Style::compact()).unwrap(),
        "<Hold><Play>wait.wav</Play></Hold>"
    );
    let docs = to_string_with(&hold(), &Style::docs()).unwrap();
    assert_eq!(docs, "<Hold>\n    <Play>wait.wav</Play>\n</Hold>");
    assert_eq!(from_str::<Hold>(&docs).unwrap(), hold());
}

#[test]
fn an_optional_child_is_written_when_some() {
    let full = Hold {
        tag: Some("t".to_owned()),
        music: Play::new("wait.wav"),
        notice: Some(PlayTts::new("请稍候")),
    };
    let text = to_string_with(&full, &Style::compact()).unwrap();
    assert_eq!(
        text,
        "<Hold tag='t'><Play>wait.wav</Play><PlayTTS>请稍候</PlayTTS></Hold>"
    );
    assert_eq!(from_str::<Hold>(&text).unwrap(), full);
}

#[test]
fn children_are_matched_by_name_not_position() {
    let parsed = from_str::<Hold>("<Hold><PlayTTS>t</PlayTTS><Play>w</Play></Hold>").unwrap();
    assert_eq!(parsed.music, Play::new("w"));
    assert_eq!(parsed.notice, Some(PlayTts::new("t")));
    // Written back in field order.
    assert_eq!(
        to_string_with(&parsed, &Style::compact()).unwrap(),
        "<Hold><Play>w</Play><PlayTTS>t</PlayTTS></Hold>"
    );
}

#[test]
fn a_missing_required_child_is_an_error() {
    let err = from_str::<Hold>("<Hold tag='x'><PlayTTS>t</PlayTTS></Hold>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:1: `<Hold>` is missing its child element: expected `Play` (at Hold)"
    );
    assert_eq!(
        err.kind(),
        &ErrorKind::MissingChild {
            element: "Hold".to_owned(),
            expected: vec!["Play"]
        }
    );
}

#[test]
fn a_child_given_twice_is_an_error_at_the_second() {
    let err = from_str::<Hold>("<Hold><Play>a</Play><Play>b</Play></Hold>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:21: `<Play>` is given more than once where at most one is allowed (at Hold/Play[2])"
    );
    assert_eq!(err.path(), "Hold/Play[2]");
    assert_eq!(err.offset(), 20);
}

#[test]
fn an_unexpected_child_or_text_is_an_error() {
    let err = from_str::<Hold>("<Hold><Get/></Hold>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:7: `<Get>` is not allowed inside `<Hold>`: expected one of `Play`, `PlayTTS` (at Hold/Get[1])"
    );
    let err = from_str::<Hold>("<Hold>\n  music\n</Hold>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "2:3: text is not allowed inside `<Hold>` (at Hold)"
    );
}

#[test]
fn an_error_inside_the_child_has_the_child_path() {
    let err = from_str::<Hold>("<Hold>\n  <Play loop='x'>a</Play>\n</Hold>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "2:9: invalid loop `x`: expected an integer >= -1 (-1 = forever, 0 = never) (at Hold/Play[1]/@loop)"
    );
    assert_eq!(err.path(), "Hold/Play[1]/@loop");
    assert_eq!(err.position(), Position { line: 2, column: 9 });
}

#[test]
fn a_child_of_your_own_nests_deeper() {
    #[derive(Debug, PartialEq, Xml)]
    #[xml(element = "Queue")]
    struct Queue {
        #[xml(child)]
        hold: Hold,
    }
    let queue = Queue { hold: hold() };
    assert_eq!(
        to_string_with(&queue, &Style::docs()).unwrap(),
        "<Queue>\n    <Hold>\n        <Play>wait.wav</Play>\n    </Hold>\n</Queue>"
    );
    let err =
        from_str::<Queue>("<Queue><Hold><Play>a</Play><Play>b</Play></Hold></Queue>").unwrap_err();
    assert_eq!(err.path(), "Queue/Hold[1]/Play[2]");
}

#[test]
fn an_invalid_value_in_the_child_refuses_the_whole_element() {
    let bad = Hold {
        tag: None,
        music: Play::new("wait.wav").repeat(-5),
        notice: None,
    };
    let err = to_string_with(&bad, &Style::compact()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid loop `-5`: expected an integer >= -1 (-1 = forever, 0 = never)"
    );
}
