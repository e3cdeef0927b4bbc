//! `#[xml(pending)]`: a builder records the first invalid value it was given, and writing the
//! element (or building a `Response`) reports it; the field is neither written nor parsed.
#![allow(clippy::unwrap_used)]

use ivr_xml::{
    from_str, to_string_with, PendingError, Play, ResponseBuilder, Style, Timeout, ToXml, Xml,
};

#[derive(Debug, Clone, PartialEq, Default, Xml)]
#[xml(element = "Queue")]
struct Queue {
    #[xml(attribute)]
    timeout: Option<Timeout>,
    #[xml(children)]
    prompts: Vec<Play>,
    #[xml(pending)]
    pending: PendingError,
}

impl Queue {
    fn timeout(mut self, seconds: u32) -> Queue {
        self.timeout = self.pending.record(Timeout::new(seconds));
        self
    }

    fn prompt(mut self, play: Play) -> Queue {
        self.prompts.push(play);
        self
    }
}

#[derive(Debug, Clone, PartialEq, Xml)]
enum AppCommand {
    Queue(Queue),
}

#[test]
fn valid_values_are_written() {
    let queue = Queue::default().timeout(30).prompt(Play::new("wait.wav"));
    assert_eq!(queue.check(), Ok(()));
    assert_eq!(
        to_string_with(&queue, &Style::compact()).unwrap(),
        "<Queue timeout='30'><Play>wait.wav</Play></Queue>"
    );
}

#[test]
fn an_invalid_value_refuses_the_element() {
    let queue = Queue::default().timeout(0);
    assert_eq!(queue.timeout, None);
    let err = to_string_with(&queue, &Style::docs()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid timeout `0`: expected an integer >= 1"
    );
    assert_eq!((err.what(), err.value()), ("timeout", "0"));
    assert_eq!(queue.check(), Err(err));
}

#[test]
fn the_first_invalid_value_is_kept() {
    let queue = Queue::default().timeout(0).timeout(5);
    assert_eq!(queue.timeout, Some(Timeout::new(5).unwrap()));
    assert_eq!(
        queue.check().unwrap_err().to_string(),
        "invalid timeout `0`: expected an integer >= 1"
    );
}

#[test]
fn an_invalid_value_in_a_child_is_reported_too() {
    let queue = Queue::default().prompt(Play::new("a.wav").repeat(-2));
    assert_eq!(
        to_string_with(&queue, &Style::compact())
            .unwrap_err()
            .to_string(),
        "invalid loop `-2`: expected an integer >= -1 (-1 = forever, 0 = never)"
    );
}

#[test]
fn building_a_response_reports_it_with_the_command() {
    let err = ResponseBuilder::<AppCommand>::new()
        .main(Queue::default().timeout(0))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid timeout `0`: expected an integer >= 1 (in `<Queue>`, command 1)"
    );
}

#[test]
fn the_pending_field_is_neither_written_nor_parsed() {
    let parsed = from_str::<Queue>("<Queue timeout='9'/>").unwrap();
    assert_eq!(parsed, Queue::default().timeout(9));
    assert_eq!(parsed.pending, PendingError::default());
    let err = from_str::<Queue>("<Queue pending='x'/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:8: unknown attribute `pending` on `<Queue>`: expected `timeout` (at Queue/@pending)"
    );
}
