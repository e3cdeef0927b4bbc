//! `<PlayMix>` against spec §2.3 (issue 18): one policy for an empty `<PlayMix>` in the builder,
//! the parser and the validator; the spec's samples read and write back; and every `<PlayMix>`
//! the parser accepts is written back so that it re-parses to the same value.
#![allow(clippy::unwrap_used)]

use ivr_xml::policy::Policy;
use ivr_xml::validate::validate;
use ivr_xml::{Command, MixItem, ParseOptions, PlayMix, Quote, Response, Style};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

/// The one message of an empty `<PlayMix>`, whoever finds it.
const NO_ITEMS: &str =
    "invalid PlayMix `type='' with 0 item(s)`: expected at least one item, with its `type` code";

const EMPTY_DOC: &str = "<Response><PlayMix type=''></PlayMix><Hangup/></Response>";

#[test]
fn the_builder_refuses_a_playmix_without_items() {
    let err = Response::builder()
        .main(PlayMix::new())
        .then(ivr_xml::Hangup::new())
        .build()
        .unwrap_err();
    assert_eq!(err.value_error().to_string(), NO_ITEMS);
    assert_eq!(
        err.to_string(),
        format!("{NO_ITEMS} (in `<PlayMix>`, command 1)")
    );
    // An item made the builder's way is enough.
    assert!(Response::builder()
        .main(PlayMix::new().digits("1234567890"))
        .build()
        .is_ok());
}

#[test]
fn the_parser_and_the_validator_give_the_same_rule_and_message() {
    // Strict parsing with the default policy: a warning (the rule rests on inferred evidence),
    // the command kept raw as written, never an empty typed `PlayMix`.
    let parsed = Response::parse_with(EMPTY_DOC, &ParseOptions::strict()).unwrap();
    let warnings: Vec<(&str, String)> = parsed
        .warnings
        .iter()
        .map(|w| (w.code(), w.as_error().kind().to_string()))
        .collect();
    assert!(
        warnings.contains(&("IVR206", NO_ITEMS.to_owned())),
        "{warnings:?}"
    );
    assert!(matches!(parsed.value.commands()[0], Command::Raw(_)));
    assert_eq!(
        parsed.warnings[0].as_error().to_string(),
        format!("1:11: {NO_ITEMS} (at Response/PlayMix[1])")
    );

    // The validator: the same code, at the same place, with the same message.
    let findings = validate(EMPTY_DOC);
    let playmix = findings
        .iter()
        .find(|d| d.code == "IVR206")
        .unwrap_or_else(|| panic!("{findings:?}"));
    assert_eq!(playmix.message, NO_ITEMS);
    assert_eq!(playmix.path, "Response/PlayMix[1]");
    assert_eq!(playmix.start.to_string(), "1:11");

    // Denied by a project's policy: the strict parser refuses with that code.
    let denied = ParseOptions::strict().policy(Policy::new().deny("IVR206").unwrap());
    let err = Response::parse_with(EMPTY_DOC, &denied).unwrap_err();
    assert_eq!(err.code(), "IVR206");
    assert_eq!(
        err.to_string(),
        format!("1:11: {NO_ITEMS} (at Response/PlayMix[1])")
    );
}

#[test]
fn a_lone_trailing_separator_is_not_an_item() {
    // `type=''` with the text `;`: the `;` is dropped, which leaves no item.
    let text = "<Response><PlayMix type=''>;</PlayMix><Hangup/></Response>";
    let parsed = Response::parse_with(text, &ParseOptions::strict()).unwrap();
    assert_eq!(parsed.warnings[0].code(), "IVR206");
    assert_eq!(
        parsed.warnings[0].as_error().kind().to_string(),
        "invalid PlayMix `type='' with 1 item(s)`: expected one `type` code per `;`-separated item"
    );
}

/// The spec's samples (§2.3: the guide's and the field's), each read into its items and written
/// back; a trailing `;` is dropped on writing.
#[test]
fn the_spec_samples_read_and_write_back() {
    let samples = [
        (
            "40",
            "createconf.wav;$confid",
            &[('4', "createconf.wav"), ('0', "$confid")][..],
            "createconf.wav;$confid",
        ),
        (
            "440",
            "welcome.wav;inputcode.wav;1234",
            &[('4', "welcome.wav"), ('4', "inputcode.wav"), ('0', "1234")][..],
            "welcome.wav;inputcode.wav;1234",
        ),
        (
            "40",
            "inputcode.wav;1234",
            &[('4', "inputcode.wav"), ('0', "1234")][..],
            "inputcode.wav;1234",
        ),
        (
            "4",
            "inputprojectno.wav;",
            &[('4', "inputprojectno.wav")][..],
            "inputprojectno.wav",
        ),
        ("0", "1234567890", &[('0', "1234567890")][..], "1234567890"),
    ];
    for (codes, text, items, written) in samples {
        let doc = format!("<Response><PlayMix type='{codes}'>{text}</PlayMix></Response>");
        let parsed = Response::parse(&doc).unwrap();
        let Command::PlayMix(mix) = &parsed.commands()[0] else {
            panic!("{doc}: {:?}", parsed.commands()[0])
        };
        let expected: Vec<MixItem> = items
            .iter()
            .map(|(code, text)| MixItem::new(*code, text).unwrap())
            .collect();
        assert_eq!(mix.items, expected, "{doc}");
        assert_eq!(mix.codes(), codes);
        assert_eq!(mix.text(), written);
        assert!(
            parsed
                .to_string()
                .contains(&format!("<PlayMix type='{codes}'>{written}</PlayMix>")),
            "{doc}"
        );
    }
}

/// Pieces of a `<PlayMix>`'s text: items as the field writes them, empty ones, spaces and line
/// breaks, escapes (of `;` too: `&#59;` is a separator once decoded), CDATA.
fn text_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("a.wav".to_owned()),
        Just("$confid".to_owned()),
        Just("1234".to_owned()),
        Just(String::new()),
        Just(" ".to_owned()),
        Just(" b.wav ".to_owned()),
        Just("\n\t".to_owned()),
        Just("R&amp;D".to_owned()),
        Just("&lt;x&gt;".to_owned()),
        Just("a&#59;b".to_owned()),
        Just("&#x4E2D;文.wav".to_owned()),
        Just("<![CDATA[c;d]]>".to_owned()),
        Just("<![CDATA[]]>]]>".to_owned()),
        Just("&quot;&apos;".to_owned()),
        "[a-z0-9.中]{1,6}",
    ]
}

/// A `type` code: mostly digits, sometimes not (which the parser refuses).
fn code() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => Just('4'),
        4 => Just('0'),
        2 => Just('7'),
        1 => Just(' '),
        1 => Just('x'),
    ]
}

/// A whole `<PlayMix>`: items with their codes joined by `;` (as many codes as items, mostly; one
/// fewer or one more sometimes), maybe a trailing `;`, in either quote.
fn playmix_document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((code(), text_piece()), 0..5),
        prop_oneof![6 => Just(0), 1 => Just(1), 1 => Just(2)],
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(items, skew, trailing, double)| {
            let mut codes: String = items.iter().map(|(code, _)| *code).collect();
            match skew {
                1 => {
                    codes.pop();
                }
                2 => codes.push('4'),
                _ => {}
            }
            let pieces: Vec<&str> = items.iter().map(|(_, piece)| piece.as_str()).collect();
            let mut text = pieces.join(";");
            if trailing {
                text.push(';');
            }
            let q = if double { '"' } else { '\'' };
            format!("<Response><PlayMix type={q}{codes}{q}>{text}</PlayMix></Response>")
        })
}

fn styles() -> [Style; 4] {
    [
        Style::docs(),
        Style::compact(),
        Style::docs().quote(Quote::Double).indent("\t"),
        Style::compact().quote(Quote::Double),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// Whatever `<PlayMix>` the parser accepts as one is a value the builder accepts too, and is
    /// written back (in every style) to a document that re-parses to the same value.
    #[test]
    fn every_accepted_playmix_is_written_back_to_the_same_value(doc in playmix_document()) {
        let Ok(parsed) = Response::parse_with(&doc, &ParseOptions::strict()) else {
            return Ok(());
        };
        let Command::PlayMix(mix) = &parsed.value.commands()[0] else {
            // Kept raw with a warning (codes and items disagree, no item): not a `PlayMix`.
            prop_assert!(!parsed.warnings.is_empty(), "{}", doc);
            return Ok(());
        };
        prop_assert!(!mix.items.is_empty(), "{}", doc);
        let built = Response::builder().main(mix.clone()).build();
        prop_assert!(built.is_ok(), "{}: {:?}", doc, built);
        for style in styles() {
            let written = parsed.value.to_string_with(&style);
            let again = Response::parse_with(&written, &ParseOptions::strict())
                .map_err(|e| TestCaseError::fail(format!("{doc}\n{written}\n{e}")))?;
            prop_assert_eq!(&again.value, &parsed.value, "{}\n{}", doc, written);
        }
    }
}

/// The property above is not vacuous: the generator's documents are often accepted as typed
/// `PlayMix` values, with a trailing `;`, escapes or CDATA among them.
#[test]
fn the_generated_documents_are_often_accepted() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = playmix_document();
    let (mut typed, mut with_trailing, mut with_escape) = (0, 0, 0);
    let runs = 2000;
    for _ in 0..runs {
        let doc = strategy.new_tree(&mut runner).unwrap().current();
        let Ok(parsed) = Response::parse(&doc) else {
            continue;
        };
        if let Command::PlayMix(_) = parsed.commands()[0] {
            typed += 1;
            with_trailing += usize::from(doc.ends_with(";</PlayMix></Response>"));
            with_escape += usize::from(doc.contains('&') || doc.contains("CDATA"));
        }
    }
    assert!(typed * 10 > runs, "only {typed} of {runs} typed");
    assert!(with_trailing > 20, "{with_trailing}");
    assert!(with_escape > 20, "{with_escape}");
}
