//! Documents in the other documented forms (spec §1.3-§1.5, §7.2) and from the field parse, and print back the same commands.
#![allow(clippy::unwrap_used)]

use ivr_xml::{
    Command, Get, Key, Loop, Method, MixItem, ParseOptions, Play, Redirect, Response, Style,
};

fn parse(text: &str) -> Response {
    text.parse().unwrap_or_else(|err| panic!("{err}\n{text}"))
}

/// The command reference's `<Get>` example: double-quoted declaration and attributes, column 0.
const REFERENCE_GET: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Response>
<Get action="handle-user-input.jsp" numdigits="1">
<Play>menu.wav</Play>
</Get>
<Play>sorrybye.wav</Play>
<Redirect>/welcome/voice</Redirect>
</Response>"#;

#[test]
fn the_command_reference_get_example_parses() {
    let doc = parse(REFERENCE_GET);
    let expected = Response::builder()
        .main(
            Get::new()
                .action("handle-user-input.jsp")
                .numdigits(1)
                .prompt(Play::new("menu.wav")),
        )
        .then(Play::new("sorrybye.wav"))
        .then(Redirect::new("/welcome/voice"))
        .build()
        .unwrap();
    assert_eq!(doc, expected);
}

#[test]
fn the_command_reference_play_example_parses_with_a_space_before_the_close() {
    let doc = parse("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<Response>\n<Play>cowbell.wav</Play>\n<Redirect>otherservice</Redirect>\n</Response>");
    assert_eq!(doc.commands().len(), 2);
    assert_eq!(doc.main(), Some(&Command::Play(Play::new("cowbell.wav"))));
}

#[test]
fn the_basic_guide_example_parses_with_no_declaration_and_loop_minus_one() {
    let doc = parse("<Response>\n        <Get action='dtmfreport' numdigits='1' timeout='20'>\n            <Play loop='-1'>menu.wav</Play>\n        </Get>\n        <Play>timeout.wav</Play>\n        <Redirect>gettimeout</Redirect>\n</Response>");
    let Some(Command::Get(get)) = doc.main() else {
        panic!("main is not Get")
    };
    let ivr_xml::Prompt::Play(play) = &get.prompts[0] else {
        panic!("prompt is not Play")
    };
    assert_eq!(play.repeat, Some(Loop::Forever));
}

#[test]
fn the_new_doc_site_puts_the_end_tag_on_the_last_command_s_line() {
    let same_line = parse("<Response>\n<Play>timeoutbye.wav</Play>\n<Hangup/></Response>");
    let own_line = parse("<Response>\n<Play>timeoutbye.wav</Play>\n<Hangup/>\n</Response>");
    assert_eq!(same_line, own_line);
}

#[test]
fn every_declaration_form_is_accepted() {
    for declaration in [
        "<?xml version='1.0' encoding='UTF-8'?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>",
        "<?xml version='1.0' encoding='UTF-8' ?>",
        "<?xml version='1.0' encoding='utf-8'?>",
        "<?xml version='1.0'?>",
        "",
    ] {
        let doc = parse(&format!("{declaration}\n<Response><CmdNone/></Response>"));
        assert_eq!(doc.commands().len(), 1, "{declaration}");
    }
}

#[test]
fn mixed_quotes_tabs_crlf_and_trailing_spaces_are_layout() {
    let doc = parse("<?xml version='1.0' encoding='UTF-8'?>\r\n\t<Response> \r\n\t\t<Get action=\"firstget\" numdigits='1'\ttimeout = '30' >\r\n<Play>confmenu.wav</Play></Get>  \n</Response> \n\n");
    let Some(Command::Get(get)) = doc.main() else {
        panic!("main is not Get")
    };
    assert_eq!(get.action.as_ref().unwrap().as_str(), "firstget");
    assert_eq!(get.timeout.unwrap().get(), 30);
}

#[test]
fn references_and_cdata_are_resolved() {
    let doc = parse("<Response><Redirect tag='a&apos;b&#x4E2D;'>next?x=1&amp;y=2</Redirect><Play><![CDATA[a<b>.wav]]></Play></Response>");
    let Command::Redirect(redirect) = &doc.commands()[0] else {
        panic!()
    };
    assert_eq!(redirect.tag.as_ref().unwrap().as_str(), "a'b中");
    assert_eq!(redirect.url.as_str(), "next?x=1&y=2");
    let Command::Play(play) = &doc.commands()[1] else {
        panic!()
    };
    assert_eq!(play.file.as_str(), "a<b>.wav");
    // Written back escaped for the single-quoted style, readable otherwise.
    assert!(doc
        .to_string()
        .contains("<Redirect tag='a&apos;b中'>next?x=1&amp;y=2</Redirect>"));
    assert!(doc.to_string().contains("<Play>a&lt;b>.wav</Play>"));
}

#[test]
fn text_content_is_kept_raw_with_a_trimmed_accessor() {
    let doc = parse("<Response><Play loop=\"1\"> menu.wav </Play></Response>");
    let Command::Play(play) = &doc.commands()[0] else {
        panic!()
    };
    assert_eq!(play.file.as_str(), " menu.wav ");
    assert_eq!(play.file.trimmed(), "menu.wav");
    assert_eq!(parse(&doc.to_string()), doc);
}

#[test]
fn field_documents_parse() {
    // A Get with every official attribute, an empty Get, a whitespace-only Get, PlayTTS in Get,
    // a PlayMix with a trailing `;`, a ConsultationCall with hold music. The second and third
    // `<Get>` are sub-commands, which the platform rules out (IVR201, an error since issue 13):
    // the lenient parser reads them, and the strict one refuses the document.
    let text = concat!(
        "<Response>",
        "<Get action='dtmfreport?type=3&amp;fink=%23' method='GET' timeout='5' finishkey='*' numdigits='4'><PlayTTS loop='-1'>请输入验证码</PlayTTS></Get>",
        "<Get></Get><Get>  \n </Get>",
        "<PlayMix type='4'>inputprojectno.wav;</PlayMix>",
        "<ConsultationCall number='13800000000' record='true' timeout='30' calltime='120' calltimeoverurl='calltimeoverurl' hangupurl='hangupurl'><Play loop='-1'>wait.wav</Play></ConsultationCall>",
        "<Redirect>connectfail</Redirect>",
        "</Response>"
    );
    assert_eq!(text.parse::<Response>().unwrap_err().code(), "IVR201");
    let parsed = Response::parse_with(text, &ParseOptions::lenient()).unwrap();
    let codes: Vec<&str> = parsed.warnings.iter().map(|w| w.code()).collect();
    assert_eq!(
        codes,
        ["IVR111", "IVR201", "IVR207", "IVR211", "IVR201", "IVR207", "IVR110"]
    );
    let doc = parsed.value;
    let Command::Get(get) = &doc.commands()[0] else {
        panic!()
    };
    assert_eq!(get.method, Some(Method::Get));
    assert_eq!(get.finishkey, Some(Key::Star));
    assert_eq!(
        get.action.as_ref().unwrap().as_str(),
        "dtmfreport?type=3&fink=%23"
    );
    let Command::PlayMix(mix) = &doc.commands()[3] else {
        panic!()
    };
    assert_eq!(
        mix.items,
        vec![MixItem::File("inputprojectno.wav".try_into().unwrap())]
    );
    let Command::ConsultationCall(call) = &doc.commands()[4] else {
        panic!()
    };
    assert_eq!(call.calltime, Some(120));
    assert_eq!(call.hold_music.as_ref().unwrap().file.as_str(), "wait.wav");
    let lenient = |text: &str| {
        Response::parse_with(text, &ParseOptions::lenient())
            .unwrap()
            .value
    };
    assert_eq!(lenient(&doc.to_string()), doc);
    assert_eq!(lenient(&doc.to_string_with(&Style::compact())), doc);
}

#[test]
fn a_single_command_parses_alone() {
    let play: Play = ivr_xml::from_str("<Play loop='2'>a.wav</Play>").unwrap();
    assert_eq!(play.repeat, Some(Loop::times(2).unwrap()));
    let command: Command = "<CreateConf maxmember='300'/>".parse().unwrap();
    assert_eq!(command.name(), "CreateConf");
}

#[test]
fn lenient_mode_keeps_unknown_commands_and_attributes_and_warns() {
    let text = "<Response><Get action='a' firstendkey='*'><Play>p.wav</Play></Get><EnterCCS queuetype='0' callid='x'><Play loop='-1'>switch.wav</Play></EnterCCS><Play loop='-2'>bad.wav</Play></Response>";
    let parsed = Response::parse_with(text, &ParseOptions::lenient()).unwrap();
    // The lenient parser's warnings are the validator's findings (issue 13): the field names
    // are recognised (IVR110, IVR111), and the rules run (IVR205: no failure path).
    let found: Vec<(&str, &str)> = parsed
        .warnings
        .iter()
        .map(|w| (w.code(), w.path()))
        .collect();
    assert_eq!(
        found,
        [
            ("IVR205", "Response/Get[1]"),
            ("IVR111", "Response/Get[1]/@firstendkey"),
            ("IVR110", "Response/EnterCCS[1]"),
            ("IVR103", "Response/Play[1]/@loop")
        ]
    );
    let names: Vec<&str> = parsed.value.commands().iter().map(Command::name).collect();
    assert_eq!(names, ["Get", "EnterCCS", "Play"]);
    assert!(
        matches!(parsed.value.commands()[2], Command::Raw(_)),
        "an invalid Play is kept raw"
    );
    // What the lenient parser keeps writes back and re-parses to the same value.
    let again = Response::parse_with(&parsed.value.to_string(), &ParseOptions::lenient()).unwrap();
    assert_eq!(again.value, parsed.value);
    assert_eq!(again.warnings.len(), 4);
}

#[test]
fn lenient_mode_warns_about_a_byte_order_mark_and_a_bare_ampersand_in_an_attribute() {
    let parsed = Response::parse_with(
        "\u{FEFF}<Response><Redirect tag='a&b'>x</Redirect></Response>",
        &ParseOptions::lenient(),
    )
    .unwrap();
    let codes: Vec<&str> = parsed.warnings.iter().map(|w| w.code()).collect();
    // The byte order mark, the bare `&`, and (rules run in lenient mode too) the main `<Redirect>`.
    assert_eq!(codes, ["IVR107", "IVR210", "IVR108"]);
    let Command::Redirect(redirect) = &parsed.value.commands()[0] else {
        panic!()
    };
    assert_eq!(redirect.tag.as_ref().unwrap().as_str(), "a&b");
}

#[test]
fn a_byte_order_mark_is_accepted_by_the_strict_parser() {
    assert_eq!(
        parse("\u{FEFF}<?xml version='1.0' encoding='UTF-8'?><Response><CmdNone/></Response>")
            .commands()
            .len(),
        1
    );
}

#[test]
fn lenient_mode_takes_a_bare_ampersand_in_text_literally_with_a_warning() {
    let text =
        "<Response><Play>a.wav</Play><Redirect>/inputcode?code=1234&x=1</Redirect></Response>";
    assert!(text.parse::<Response>().is_err());
    let parsed = Response::parse_with(text, &ParseOptions::lenient()).unwrap();
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(parsed.warnings[0].path(), "Response/Redirect[1]");
    let Command::Redirect(redirect) = &parsed.value.commands()[1] else {
        panic!()
    };
    assert_eq!(redirect.url.as_str(), "/inputcode?code=1234&x=1");
    // Written back well-formed, so the strict parser reads it.
    assert!(parsed
        .value
        .to_string()
        .contains("<Redirect>/inputcode?code=1234&amp;x=1</Redirect>"));
    assert_eq!(
        parsed.value.to_string().parse::<Response>().unwrap(),
        parsed.value
    );
}
