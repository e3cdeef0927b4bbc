//! Well-formedness is a property of both parsers: every ill-formed document is refused with a
//! located error, in strict and in lenient mode alike; lenient mode never keeps a name or a
//! character XML cannot carry.
#![allow(clippy::unwrap_used)]

use ivr_xml::{from_str_with, ErrorKind, ParseOptions, Response};

/// Refused by both parsers with the same `line:column: message (at path)`.
fn refused(text: &str) -> String {
    let strict = from_str_with::<Response>(text, &ParseOptions::strict())
        .map(|p| p.value.to_string())
        .unwrap_err();
    let lenient = from_str_with::<Response>(text, &ParseOptions::lenient())
        .map(|p| p.value.to_string())
        .unwrap_err();
    assert_eq!(strict, lenient, "{text:?}");
    assert!(
        matches!(
            strict.kind(),
            ErrorKind::Syntax(_)
                | ErrorKind::BadDeclaration(_)
                | ErrorKind::ContentAfterRoot
                | ErrorKind::TextOutsideRoot
        ),
        "{strict}"
    );
    strict.to_string()
}

#[test]
fn a_less_than_sign_in_an_attribute_value() {
    assert_eq!(
        refused("<Response><Redirect tag='a<b'>x</Redirect></Response>"),
        "1:27: malformed XML: `<` is not allowed in an attribute value (write it as `&lt;`) (at Response/Redirect[1]/@tag)"
    );
}

#[test]
fn the_cdata_end_marker_in_text() {
    assert_eq!(
        refused("<Response>\n<Redirect>a]]>b</Redirect></Response>"),
        "2:12: malformed XML: `]]>` is not allowed in text (write `]]&gt;`) (at Response/Redirect[1])"
    );
}

#[test]
fn references_outside_the_root() {
    assert_eq!(
        refused("<Response><Hangup/></Response>&#x9;"),
        "1:31: content after the root element: expected nothing but whitespace"
    );
    assert_eq!(
        refused("&#x20;<Response><Hangup/></Response>"),
        "1:1: text outside the root element: expected nothing but whitespace"
    );
}

#[test]
fn attributes_not_separated_by_whitespace() {
    assert_eq!(
        refused("<Response><JoinConf action='x'confid='1'/></Response>"),
        "1:31: malformed XML: attributes must be separated by whitespace (at Response/JoinConf[1]/@action)"
    );
}

#[test]
fn junk_in_the_xml_declaration() {
    let cases = [
        (
            "<?xml version='1.0' junk='1'?>",
            "unexpected `junk`: expected `encoding` then `standalone`, each at most once",
        ),
        (
            "<?xml version='1.0'encoding='UTF-8'?>",
            "expected whitespace before `encoding='UT`",
        ),
        (
            "<?xml version='1.0' encoding='UTF-8' version='1.0'?>",
            "unexpected `version`: expected `encoding` then `standalone`, each at most once",
        ),
        (
            "<?xml version='1.0' standalone='yes' encoding='UTF-8'?>",
            "unexpected `encoding`: expected `encoding` then `standalone`, each at most once",
        ),
        (
            "<?xml version='1.0' encoding='UTF-8' standalone='maybe'?>",
            "standalone must be `yes` or `no`, not `maybe`",
        ),
        ("<?xml version='2.0'?>", "unsupported version `2.0`"),
        ("<?xml version='1.'?>", "unsupported version `1.`"),
        (
            "<?xml version=1.0?>",
            "the value of `version` must be quoted",
        ),
        (
            "<?xml version='1.0\"?>",
            "the value of `version` has no closing quote",
        ),
        ("<?xml version?>", "expected `=` after `version`"),
        (
            "<?xml encoding='UTF-8'?>",
            "it must start with `version`, not `encoding`",
        ),
        ("<?xml?>", "it has no `version`"),
        (
            "<?xml version='1.0' encoding='8bit'?>",
            "`8bit` is not an encoding name",
        ),
    ];
    for (declaration, reason) in cases {
        let message = refused(&format!("{declaration}<Response><CmdNone/></Response>"));
        assert_eq!(
            message,
            format!("1:1: bad XML declaration: {reason}"),
            "{declaration}"
        );
    }
    // The documented forms and `standalone` stay accepted.
    for declaration in [
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>",
        "<?xml version = \"1.1\"\tencoding = 'utf8' ?>",
    ] {
        let text = format!("{declaration}<Response><CmdNone/></Response>");
        assert!(text.parse::<Response>().is_ok(), "{declaration}");
    }
}

#[test]
fn names_that_are_not_xml_names() {
    assert_eq!(
        refused("<Response><A#b/></Response>"),
        "1:11: malformed XML: `A#b` is not an XML element name (at Response)"
    );
    assert_eq!(
        refused("<Response><Hangup/ ></Response>"),
        "1:11: malformed XML: `Hangup/` is not an XML element name (at Response)"
    );
    assert_eq!(
        refused("<Response><Foo a\u{1}b='1'/></Response>"),
        "1:16: malformed XML: `a\\u{1}b` is not an XML attribute name (at Response/Foo[1])"
    );
    assert_eq!(
        refused("<Response><Foo\u{0}/></Response>"),
        "1:11: malformed XML: `Foo\\u{0}` is not an XML element name (at Response)"
    );
    // Names from the other Unicode ranges XML allows are kept by the lenient parser.
    let kept = from_str_with::<Response>(
        "<Response><Hangup/><会议 属性·x='1'/></Response>",
        &ParseOptions::lenient(),
    )
    .unwrap();
    assert!(kept.value.to_string().contains("<会议 属性·x='1'/>"));
}

#[test]
fn characters_xml_cannot_carry_in_attribute_values() {
    assert_eq!(
        refused("<Response><Foo a='\u{0}'/></Response>"),
        "1:19: malformed XML: character U+0000 is not allowed in XML (at Response/Foo[1]/@a)"
    );
    assert_eq!(
        refused("<Response><Redirect tag='\u{FFFE}'>a</Redirect></Response>"),
        "1:26: malformed XML: character U+FFFE is not allowed in XML (at Response/Redirect[1]/@tag)"
    );
}

/// The spec (§1.3) accepts a byte order mark "with a warning": both modes accept it and report
/// IVR107, a warning under the default policy, and an error where a project denies it.
#[test]
fn a_byte_order_mark_is_accepted_with_a_warning_the_policy_can_deny() {
    let text = "\u{FEFF}<Response><Hangup/></Response>";
    let strict = from_str_with::<Response>(text, &ParseOptions::strict()).unwrap();
    let lenient = from_str_with::<Response>(text, &ParseOptions::lenient()).unwrap();
    for parsed in [&strict, &lenient] {
        let codes: Vec<_> = parsed.warnings.iter().map(|w| w.code()).collect();
        assert_eq!(codes, ["IVR107"]);
    }
    assert_eq!(lenient.value, strict.value);
    assert!(text.parse::<Response>().is_ok());
    let deny = ivr_xml::policy::Policy::new().deny("IVR107").unwrap();
    let err = from_str_with::<Response>(text, &ParseOptions::strict().policy(deny)).unwrap_err();
    assert_eq!(err.code(), "IVR107");
}

#[test]
fn positions_after_a_byte_order_mark_count_it() {
    let text = "\u{FEFF}<Response><Play>a</Play><Foo x='1'/></Response>";
    let parsed = from_str_with::<Response>(text, &ParseOptions::lenient()).unwrap();
    let unknown = &parsed.warnings[1];
    assert_eq!(unknown.offset(), text.find("<Foo").unwrap());
    assert_eq!(unknown.position().column, 26);
    assert_eq!(unknown.path(), "Response/Foo[1]");
    let err = "\u{FEFF}<Response><Play>a</Play>&#1;</Response>"
        .parse::<Response>()
        .unwrap_err();
    assert_eq!(err.to_string(), "1:26: malformed XML: character reference `&#1;` is not a character XML allows (at Response)");
}

#[test]
fn messages_quote_the_input_on_one_line() {
    // Found by fuzzing: an end tag running over lines, a declaration value holding markup.
    assert_eq!(
        refused("<Response><Play>a</Play_\n  <Redirect tag='1'></Response>"),
        "1:18: malformed XML: malformed end tag `</Play_\\n  <Redirect tag=\'1\'>`: expected an element name (at Response/Play[1])"
    );
    assert_eq!(
        refused("<?xml version='1.0' encoding='  <CmdNone/>\n</ResponseUTF-8'?><Response/>"),
        "1:1: bad XML declaration: `  <CmdNone/>\\n</ResponseUTF-8` is not an encoding name"
    );
}
