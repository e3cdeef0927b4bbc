//! The writer's outputs: every style, every sink, escaping by quote style, and refusal of invalid values.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;

use ivr_xml::{
    CmdNone, Declaration, ErrorKind, Get, Hangup, Play, PlayMix, Quote, RawElement, Redirect,
    Response, Style,
};

fn menu() -> Response {
    Response::builder()
        .main(
            Get::new()
                .action("firstget")
                .numdigits(1)
                .timeout(30)
                .prompt(Play::new("confmenu.wav")),
        )
        .then(Play::new("timeout.wav"))
        .then(Redirect::new("gettimeout").tag("1"))
        .build()
        .unwrap()
}

#[test]
fn compact_has_no_whitespace_at_all() {
    assert_eq!(
        menu().to_string_with(&Style::compact()),
        "<?xml version='1.0' encoding='UTF-8'?><Response><Get action='firstget' numdigits='1' timeout='30'><Play>confmenu.wav</Play></Get><Play>timeout.wav</Play><Redirect tag='1'>gettimeout</Redirect></Response>"
    );
    assert_eq!(
        format!("{:#}", menu()),
        menu().to_string_with(&Style::compact())
    );
}

#[test]
fn the_command_reference_style() {
    let style = Style::docs()
        .quote(Quote::Double)
        .declaration(Declaration::DoubleQuoted)
        .indent("");
    assert_eq!(
        menu().to_string_with(&style),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n<Get action=\"firstget\" numdigits=\"1\" timeout=\"30\">\n<Play>confmenu.wav</Play>\n</Get>\n<Play>timeout.wav</Play>\n<Redirect tag=\"1\">gettimeout</Redirect>\n</Response>"
    );
    let play_reference = Style::docs()
        .quote(Quote::Double)
        .declaration(Declaration::DoubleQuotedSpaceBeforeClose);
    assert!(menu()
        .to_string_with(&play_reference)
        .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<Response>\n    <Get"));
}

#[test]
fn tab_indentation() {
    let doc = Response::builder().main(CmdNone::new()).build().unwrap();
    assert_eq!(
        doc.to_string_with(&Style::docs().indent("\t").declaration(Declaration::None)),
        "<Response>\n\t<CmdNone/>\n</Response>"
    );
}

#[test]
fn no_trailing_whitespace_and_lf_only() {
    let text = menu().to_string();
    assert!(!text.contains('\r'));
    assert!(text.lines().all(|line| line == line.trim_end()));
}

#[test]
fn every_sink_gets_the_same_bytes() {
    let doc = menu();
    let expected = doc.to_string();

    let mut via_fmt = String::new();
    doc.write_to_fmt(&mut via_fmt, &Style::docs()).unwrap();
    assert_eq!(via_fmt, expected);

    let mut via_io = Vec::new();
    doc.write_to_io(&mut via_io, &Style::docs()).unwrap();
    assert_eq!(String::from_utf8(via_io).unwrap(), expected);

    let mut buffer = String::from("kept:");
    doc.write_to_string(&mut buffer, &Style::docs());
    assert_eq!(buffer, format!("kept:{expected}"));

    let mut formatted = String::new();
    write!(formatted, "{doc}").unwrap();
    assert_eq!(formatted, expected);
}

#[test]
fn io_errors_are_returned() {
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let err = menu().write_to_io(Full, &Style::docs()).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::StorageFull);
}

#[test]
fn escaping_follows_the_quote_style() {
    let doc = Response::builder()
        .main(Redirect::new("next?a=1&b=\"2\"'").tag("it's \"x\" <y> & z"))
        .build()
        .unwrap();
    let single = doc.to_string_with(&Style::compact());
    assert!(
        single.contains(
            "<Redirect tag='it&apos;s \"x\" &lt;y> &amp; z'>next?a=1&amp;b=\"2\"'</Redirect>"
        ),
        "{single}"
    );
    let double = doc.to_string_with(&Style::compact().quote(Quote::Double));
    assert!(
        double.contains(
            "<Redirect tag=\"it's &quot;x&quot; &lt;y> &amp; z\">next?a=1&amp;b=\"2\"'</Redirect>"
        ),
        "{double}"
    );
}

#[test]
fn text_escapes_only_what_xml_requires() {
    let doc = Response::builder()
        .main(Play::new("a>b]]>c\r\n中文.wav"))
        .build()
        .unwrap();
    let text = doc.to_string_with(&Style::compact());
    assert!(
        text.contains("<Play>a>b]]&gt;c&#13;\n中文.wav</Play>"),
        "{text}"
    );
}

#[test]
fn whitespace_in_attributes_is_escaped_so_it_survives_normalization() {
    let doc = Response::builder()
        .main(Redirect::new("x").tag("a\tb\nc\rd"))
        .build()
        .unwrap();
    let text = doc.to_string_with(&Style::compact());
    assert!(text.contains("tag='a&#9;b&#10;c&#13;d'"), "{text}");
    assert_eq!(text.parse::<Response>().unwrap(), doc);
}

#[test]
fn unset_attributes_are_not_written_but_zero_and_empty_are() {
    // `<CreateConf>` is main-only (IVR201), so it leads here.
    let doc = Response::builder()
        .main(ivr_xml::CreateConf::new().confduration(0).action(""))
        .then(Play::new("").repeat(0))
        .then(Redirect::new("").tag(""))
        .build()
        .unwrap();
    assert_eq!(
        doc.to_string_with(&Style::compact().declaration(Declaration::None)),
        "<Response><CreateConf action='' confduration='0'/><Play loop='0'></Play><Redirect tag=''></Redirect></Response>"
    );
    assert_eq!(doc.to_string().parse::<Response>().unwrap(), doc);
}

#[test]
fn invalid_values_are_refused_when_the_document_is_built() {
    let cases: Vec<(ivr_xml::ResponseBuilder, &str)> = vec![
        (Response::builder().main(Get::new().numdigits(0)), "invalid numdigits `0`: expected an integer >= 1 (in `<Get>`, command 1)"),
        (Response::builder().main(Get::new().timeout(0)), "invalid timeout `0`: expected an integer >= 1 (in `<Get>`, command 1)"),
        (Response::builder().main(ivr_xml::CreateConf::new().maxmember(500)), "invalid maxmember `500`: expected an integer from 3 to 300 (in `<CreateConf>`, command 1)"),
        (Response::builder().main(Play::new("a.wav").repeat(-3)), "invalid loop `-3`: expected an integer >= -1 (-1 = forever, 0 = never) (in `<Play>`, command 1)"),
        (Response::builder().main(CmdNone::new()).then(Play::new("bell\u{7}.wav")), "invalid text `bell\\u{7}.wav`: expected characters XML 1.0 can carry (U+0007 cannot be written in XML) (in `<Play>`, command 2)"),
        (Response::builder().main(PlayMix::new().file("a;b")), "invalid PlayMix item `a;b`: expected a non-empty item without `;` (items are separated by `;`) (in `<PlayMix>`, command 1)"),
        (Response::builder().main(RawElement::new("1Record")), "invalid XML name `1Record`: expected a letter or `_` followed by letters, digits, `_`, `-`, `.` (in `<1Record>`, command 1)"),
        (Response::builder().main(Hangup::new().raw_attribute("a b", "1")), "invalid XML name `a b`: expected a letter or `_` followed by letters, digits, `_`, `-`, `.` (in `<Hangup>`, command 1)"),
        (Response::builder().main(Get::new().prompt(Play::new("\u{FFFF}"))), "invalid text `\u{FFFF}`: expected characters XML 1.0 can carry (U+FFFF cannot be written in XML) (in `<Get>`, command 1)"),
        (Response::builder(), "invalid Response ``: expected a main command (answer `<CmdNone/>` when nothing should happen) (no main command was given)"),
    ];
    for (builder, message) in cases {
        assert_eq!(builder.build().unwrap_err().to_string(), message);
    }
}

#[test]
fn a_single_command_refuses_to_write_an_invalid_value() {
    let err = ivr_xml::to_string_with(&Get::new().numdigits(0), &Style::docs()).unwrap_err();
    assert_eq!(err.what(), "numdigits");
}

#[test]
fn raw_elements_write_back_unchanged() {
    let text = "<Response><EnterCCS queuetype='0' callid='abc'><Play loop='-1'>switch.wav</Play></EnterCCS><Note>mixed <b>text</b> kept</Note></Response>";
    let parsed = Response::parse_with(text, &ivr_xml::ParseOptions::lenient()).unwrap();
    // `<EnterCCS>` is field evidence (IVR110, a rule finding); `<Note>` is unknown (IVR101).
    let codes: Vec<&str> = parsed.warnings.iter().map(|w| w.code()).collect();
    assert_eq!(codes, ["IVR110", "IVR101"]);
    assert!(matches!(
        parsed.warnings[1].kind(),
        ErrorKind::UnknownElement { .. }
    ));
    assert_eq!(
        parsed.value.to_string_with(&Style::docs().declaration(Declaration::None)),
        "<Response>\n    <EnterCCS queuetype='0' callid='abc'>\n        <Play loop='-1'>switch.wav</Play>\n    </EnterCCS>\n    <Note>mixed <b>text</b> kept</Note>\n</Response>"
    );
}

/// The pretty layout computed from the compact text, independently of the writer: each element
/// on its own line at its depth, text content on its start tag's line, no line break first.
fn reindent(compact: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    let mut rest = compact;
    let mut after_text = false;
    while let Some(start) = rest.find('<') {
        let text = &rest[..start];
        let end = start + rest[start..].find('>').unwrap() + 1;
        let tag = &rest[start..end];
        rest = &rest[end..];
        if !text.is_empty() {
            out.push_str(text);
            after_text = true;
        }
        let line = |out: &mut String, depth: usize| {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&indent.repeat(depth));
        };
        if tag.starts_with("<?") {
            out.push_str(tag);
        } else if tag.starts_with("</") {
            if after_text {
                after_text = false;
            } else {
                depth -= 1;
                line(&mut out, depth);
            }
            out.push_str(tag);
        } else if tag.ends_with("/>") {
            line(&mut out, depth);
            out.push_str(tag);
        } else if rest.starts_with('<') && !rest.starts_with("</") {
            line(&mut out, depth);
            out.push_str(tag);
            depth += 1;
        } else {
            line(&mut out, depth);
            out.push_str(tag);
            if rest.starts_with("</") {
                after_text = true;
            }
        }
    }
    out
}

#[test]
fn every_indent_at_every_depth_and_quote() {
    // Nested six deep: past the depths the docs' style writes as constants.
    let mut deep = RawElement::new("L6").child(RawElement::new("Leaf").text("a&b"));
    for level in (1..6).rev() {
        deep = RawElement::new(format!("L{level}"))
            .attribute("n", level.to_string())
            .child(deep)
            .child(RawElement::new("Empty"));
    }
    let doc = Response::builder()
        .main(menu().commands()[0].clone())
        .then(CmdNone::new().raw_attribute("x", "1"))
        .then(Hangup::new())
        .then(PlayMix::new().file("a.wav").digits("1"))
        .then(deep)
        .build()
        .unwrap();
    for quote in [Quote::Single, Quote::Double] {
        for declaration in [Declaration::SingleQuoted, Declaration::None] {
            let compact =
                doc.to_string_with(&Style::compact().quote(quote).declaration(declaration));
            for indent in ["    ", "", " ", "  ", "\t", "\t\t", " \t", "        "] {
                let style = Style::docs()
                    .quote(quote)
                    .declaration(declaration)
                    .indent(indent);
                assert_eq!(
                    doc.to_string_with(&style),
                    reindent(&compact, indent),
                    "{quote:?} {declaration:?} {indent:?}"
                );
            }
        }
    }
}

#[test]
fn values_written_without_escaping_are_the_ones_that_never_need_it() {
    use ivr_xml::{
        Key, Loop, MaxMember, Method, NumDigits, RelUrl, Text, Timeout, VoiceMode, XmlValue,
    };
    struct Mine;
    impl XmlValue for Mine {
        fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
            f("a'b")
        }
        fn parse_value(_: &str) -> Result<Self, ivr_xml::ValueError> {
            Ok(Mine)
        }
    }
    let copied = [
        Key::ESCAPE_FREE.get(),
        Method::ESCAPE_FREE.get(),
        VoiceMode::ESCAPE_FREE.get(),
        Loop::ESCAPE_FREE.get(),
        MaxMember::ESCAPE_FREE.get(),
        NumDigits::ESCAPE_FREE.get(),
        Timeout::ESCAPE_FREE.get(),
        bool::ESCAPE_FREE.get(),
        i64::ESCAPE_FREE.get(),
        u8::ESCAPE_FREE.get(),
    ];
    // Numbers, booleans and the closed sets of names are copied as they are...
    assert_eq!(copied, [true; 10]);
    // ...text is escaped, and so is a value of your own unless it says otherwise.
    let escaped = [
        Text::ESCAPE_FREE.get(),
        RelUrl::ESCAPE_FREE.get(),
        String::ESCAPE_FREE.get(),
        Mine::ESCAPE_FREE.get(),
    ];
    assert_eq!(escaped, [false; 4]);
}
