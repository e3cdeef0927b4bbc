//! `#[xml(setter)]` on a type of the user's: the generated `new(required...)`, plain and
//! checked setters (a bad value recorded and reported by `check`), and `raw_attribute`.
#![allow(clippy::unwrap_used)]

use ivr_xml::{to_string_with, PendingError, RawAttribute, RelUrl, Style, Text, ToXml, Xml};

#[derive(Debug, Clone, PartialEq, Default, Xml)]
#[xml(element = "Note")]
struct Note {
    /// The note's id.
    #[xml(attribute, setter(new = impl Into<String>))]
    id: Text,
    /// Where to report.
    #[xml(attribute, setter(new = impl Into<String>))]
    action: Option<RelUrl>,
    /// Urgent or not.
    #[xml(attribute, setter)]
    urgent: Option<bool>,
    #[xml(extra, setter)]
    extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

#[test]
fn generated_builder_writes_what_it_was_given() {
    let note = Note::new("n1")
        .action("done")
        .urgent(true)
        .raw_attribute("vendor", "x");
    note.check().unwrap();
    assert_eq!(
        to_string_with(&note, &Style::compact()).unwrap(),
        "<Note id='n1' action='done' urgent='true' vendor='x'/>"
    );
}

#[test]
fn checked_setters_record_the_first_bad_value_for_check() {
    let bad_url = Note::new("n1").action("done\u{1}").urgent(false);
    assert!(bad_url.action.is_none(), "the bad value is not kept");
    assert_eq!(bad_url.urgent, Some(false), "later setters still apply");
    assert!(bad_url.check().is_err());

    let bad_id = Note::new("a\u{0}b");
    assert_eq!(bad_id.id, Text::default());
    assert!(bad_id.check().is_err());

    let bad_raw = Note::new("n1").raw_attribute("1bad", "x");
    assert!(bad_raw.extra.is_empty());
    assert!(bad_raw.check().is_err());
    let known = Note::new("n1").raw_attribute("urgent", "true");
    assert!(
        known.check().is_err(),
        "a raw attribute named like a known one"
    );
}
