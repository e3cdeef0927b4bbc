//! The strict parser's fast path (typed straight from quick-xml's events) against the checked
//! tree path: on every fixture, every fuzz corpus input, generated documents and their
//! mutations, the fast path either bails out or returns the value the tree path returns, with
//! no warning; and `from_str_with` (fast path first) gives exactly what the tree path gives,
//! errors and warnings included.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use ivr_xml::__private::{parse_fast, parse_slow};
use ivr_xml::policy::Policy;
use ivr_xml::{from_str_with, Command, FromXml, ParseOptions, Play, Response};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

use common::documents::{thousand_clean_commands, thousand_commands, GUIDE};

/// The options the comparisons run with: the default strict parse, one whose policy keeps
/// IVR209 (placeholders) and allows IVR207, and lenient (where the fast path never runs).
fn options() -> Vec<ParseOptions> {
    let keeps = Policy::new()
        .warn("IVR209")
        .and_then(|p| p.allow("IVR207"))
        .unwrap();
    vec![
        ParseOptions::strict(),
        ParseOptions::strict().policy(keeps),
        ParseOptions::lenient(),
    ]
}

/// Compares the two paths on `input` for `T`; returns whether the fast path took it.
fn agree_as<T: FromXml + PartialEq + std::fmt::Debug>(input: &str, options: &ParseOptions) -> bool {
    let slow = parse_slow::<T>(input, options);
    let fast = parse_fast::<T>(input, options);
    if let Ok(value) = &fast {
        match &slow {
            Ok(parsed) => {
                assert!(
                    parsed.warnings.is_empty(),
                    "the fast path took a document with warnings {:?}: {input:?}",
                    parsed.warnings
                );
                assert_eq!(value, &parsed.value, "different values: {input:?}");
            }
            Err(err) => panic!("the fast path took a document the tree refuses ({err}): {input:?}"),
        }
    }
    let public = from_str_with::<T>(input, options);
    assert_eq!(
        format!("{public:?}"),
        format!("{slow:?}"),
        "from_str_with differs from the tree path: {input:?}"
    );
    fast.is_ok()
}

fn agree(input: &str) -> bool {
    let mut took = false;
    for options in options() {
        took |= agree_as::<Response>(input, &options);
        agree_as::<Command>(input, &options);
        agree_as::<Play>(input, &options);
    }
    took
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn the_guide_documents_take_the_fast_path() {
    let mut fast = 0;
    for doc in GUIDE {
        fast += usize::from(agree(doc));
    }
    assert_eq!(fast, GUIDE.len());
    // The first version of the benchmarks' 1,000-command document has findings (IVR207,
    // IVR202, IVR111): strict parse warns, so the tree path reads it.
    for style in [ivr_xml::Style::docs(), ivr_xml::Style::compact()] {
        let text = thousand_commands().to_string_with(&style);
        let slow = parse_slow::<Response>(&text, &ParseOptions::strict()).unwrap();
        assert!(!slow.warnings.is_empty());
        assert!(!agree(&text), "the fast path took a document with findings");
    }
    // The benchmarks' 1,000-command document (the same kinds of content, no findings) takes
    // the fast path.
    for style in [ivr_xml::Style::docs(), ivr_xml::Style::compact()] {
        let text = thousand_clean_commands().to_string_with(&style);
        assert_eq!(text.matches("&amp;").count(), 100);
        assert!(agree(&text), "the clean 1,000-command document bails out");
    }
}

#[test]
fn every_fixture_and_fuzz_input_agrees() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    files_under(&root.join("tests/fixtures"), &mut files);
    files_under(&root.join("../fuzz/corpus"), &mut files);
    files_under(&root.join("../fuzz/regressions"), &mut files);
    let (mut inputs, mut fast) = (0, 0);
    for path in &files {
        let Ok(text) = String::from_utf8(fs::read(path).unwrap()) else {
            continue;
        };
        inputs += 1;
        fast += usize::from(agree(&text));
    }
    assert!(inputs > 100, "only {inputs} inputs");
    assert!(fast > 10, "only {fast} of {inputs} took the fast path");
}

/// Every rule's bad example in the catalogue makes the fast path bail out when the policy keeps
/// the rule (a rule added to `validate/rules.rs` without its condition in the fast path fails
/// here), and its good example agrees too.
#[test]
fn every_rules_bad_example_bails_out() {
    let mut every_rule_warns = Policy::new();
    for rule in ivr_xml::validate::RULES {
        every_rule_warns = every_rule_warns.warn(rule.code).unwrap();
    }
    let warns = ParseOptions::strict().policy(every_rule_warns);
    for rule in ivr_xml::validate::RULES {
        // By default a rule the policy allows (IVR209) makes no finding: no need to bail.
        let default_keeps = rule.level != ivr_xml::policy::Level::Allow;
        for options in [
            Some(&warns),
            default_keeps.then_some(&ParseOptions::strict()),
        ]
        .into_iter()
        .flatten()
        {
            assert!(
                parse_fast::<Response>(rule.bad, options).is_err(),
                "{}: the fast path took its bad example {:?}",
                rule.code,
                rule.bad
            );
        }
        agree(rule.bad);
        agree(rule.good);
    }
}

/// Every guide document with one byte removed, one byte doubled, and each of a few hazards
/// inserted at every position.
#[test]
fn mutated_guide_documents_agree() {
    for doc in GUIDE {
        for (at, _) in doc.char_indices() {
            let next = doc[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            agree(&format!("{}{}", &doc[..at], &doc[next..]));
            agree(&format!("{}{}", &doc[..next], &doc[at..]));
            if at % 3 == 0 {
                for hazard in ["$x", " ", "&amp;", "<!--c-->", "\r"] {
                    agree(&format!("{}{hazard}{}", &doc[..at], &doc[at..]));
                }
            }
        }
    }
}

/// A command of the library's, written by hand with values drawn from hazards the rules and
/// the reader look at.
fn command() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        30 => Just("menu"),
        1 => Just("a.jsp?x=1"),
        1 => Just("http://h/x"),
        1 => Just("a b"),
        1 => Just(" a"),
        1 => Just("$digits"),
        1 => Just("a&amp;b"),
        1 => Just("a&lt;"),
        1 => Just(""),
        1 => Just("中文"),
        1 => Just("#"),
        1 => Just("1"),
        1 => Just("-1"),
        1 => Just("x\ty"),
    ];
    let attribute = prop_oneof![
        10 => Just("action"),
        1 => Just("numdigits"),
        1 => Just("timeout"),
        1 => Just("loop"),
        1 => Just("tag"),
        1 => Just("confid"),
        1 => Just("finishkey"),
        1 => Just("callid"),
        1 => Just("firstendkey"),
        1 => Just("bogus"),
        10 => Just("isrecord"),
        1 => Just("type"),
    ];
    let name = prop_oneof![
        3 => Just("Get"),
        6 => Just("Play"),
        3 => Just("PlayTTS"),
        2 => Just("Redirect"),
        2 => Just("Hangup"),
        1 => Just("CmdNone"),
        1 => Just("CreateConf"),
        1 => Just("JoinConf"),
        1 => Just("PlayMix"),
        1 => Just("EnterCCS"),
        1 => Just("Record"),
    ];
    (
        name,
        proptest::collection::vec((attribute, value.clone()), 0..3),
        proptest::option::of(value),
        proptest::collection::vec(
            (
                prop_oneof![Just("Play"), Just("PlayTTS"), Just("Hangup")],
                prop_oneof![8 => Just("p.wav"), 1 => Just(" p.wav"), 1 => Just("")],
            ),
            1..3,
        ),
        any::<bool>(),
    )
        .prop_map(|(name, attributes, text, children, quote)| {
            let q = if quote { '\'' } else { '"' };
            let mut out = format!("<{name}");
            for (attribute, value) in attributes {
                out.push_str(&format!(" {attribute}={q}{value}{q}"));
            }
            if name == "Get" {
                out.push('>');
                for (child, text) in children {
                    out.push_str(&format!("<{child}>{text}</{child}>"));
                }
                out.push_str("</Get>");
            } else if let Some(text) = text {
                out.push_str(&format!(">{text}</{name}>"));
            } else {
                out.push_str("/>");
            }
            out
        })
}

fn document() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(command(), 0..4),
        prop_oneof![Just(""), Just("\n"), Just("\n    "), Just("\r\n\t")],
        prop_oneof![
            3 => Just(""),
            3 => Just("<?xml version='1.0' encoding='UTF-8'?>"),
            1 => Just("<?xml version=\"1.0\"?>\n"),
            1 => Just("<!-- a -->"),
            1 => Just("\u{FEFF}"),
        ],
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(commands, layout, prolog, wrapped, hangup)| {
            let body: String = commands.iter().map(|c| format!("{layout}{c}")).collect();
            match wrapped {
                // Ending with `<Hangup/>` makes a clean document likelier (IVR205).
                true if hangup => {
                    format!("{prolog}<Response>{body}{layout}<Hangup/></Response>{layout}")
                }
                true => format!("{prolog}<Response>{body}{layout}</Response>{layout}"),
                false => format!("{prolog}{body}"),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn generated_documents_agree(doc in document()) {
        agree(&doc);
    }
}

/// The generated documents reach the fast path often enough for the property to mean
/// something.
#[test]
fn generated_documents_often_take_the_fast_path() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = document();
    let mut fast = 0;
    for _ in 0..500 {
        let doc = strategy.new_tree(&mut runner).unwrap().current();
        let took = agree(&doc);
        if !took && std::env::var_os("FAST_DEBUG").is_some() {
            let slow =
                parse_slow::<Response>(&doc, &ParseOptions::strict()).map(|p| p.warnings.len());
            eprintln!("{slow:?} {doc:?}");
        }
        fast += usize::from(took);
    }
    assert!(fast >= 10, "only {fast} of 500 took the fast path");
}

/// `XmlValue::parse_xml_text`, which the fast path calls with text it read (so holding only
/// characters XML 1.0 can carry), gives what `parse_value` gives on such text: a type with
/// `#[value(xml_chars)]` skips only the check the reader already made, and a type with a check
/// of its own still runs it.
#[test]
fn values_from_read_text_are_parsed_values() {
    use ivr_xml::notify::CallId;
    use ivr_xml::{RelUrl, Text, Timeout, XmlValue};
    use std::borrow::Cow;
    fn same<T: XmlValue + PartialEq + std::fmt::Debug>(text: &str) {
        let parsed = T::parse_value(text);
        assert_eq!(T::parse_xml_text(Cow::Borrowed(text)), parsed, "{text:?}");
        assert_eq!(
            T::parse_xml_text(Cow::Owned(text.to_owned())),
            parsed,
            "{text:?}"
        );
    }
    for text in [
        "",
        " ",
        "a.wav",
        " a b ",
        "欢迎.wav",
        "a&b<'\"",
        "\t\n\r",
        "30",
        "-1",
        "x\u{10000}",
    ] {
        same::<Text>(text);
        same::<RelUrl>(text);
        same::<String>(text);
        same::<Timeout>(text);
        same::<CallId>(text);
    }
    // The id's own check still refuses what the reader let through.
    assert!(CallId::parse_xml_text(Cow::Borrowed("a b")).is_err());
    assert!(Timeout::parse_xml_text(Cow::Borrowed("x")).is_err());
}
