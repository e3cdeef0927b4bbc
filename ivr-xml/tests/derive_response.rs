//! A command of the application's own in a `Response<AppCommand>`, next to the library's
//! commands: built, written with `to_string()` in the docs' style, and parsed back with `parse()`.
#![allow(clippy::unwrap_used)]

use ivr_xml::{
    Command, Hangup, Play, Redirect, Response, ResponseBuilder, Style, SubCommand, Timeout, Xml,
};

/// `<EnterCCS>`: the agent queue.
#[derive(Debug, Clone, PartialEq, Xml)]
#[xml(element = "EnterCCS")]
struct EnterCcs {
    #[xml(attribute)]
    queuetype: u8,
    #[xml(attribute)]
    timeout: Option<Timeout>,
    #[xml(children)]
    prompts: Vec<Play>,
}

impl SubCommand for EnterCcs {}

// The documented pattern: `Command` is much larger than `EnterCcs`, and that is fine here.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Xml)]
enum AppCommand {
    EnterCcs(EnterCcs),
    Std(Command),
}

impl From<Play> for AppCommand {
    fn from(play: Play) -> AppCommand {
        AppCommand::Std(play.into())
    }
}

impl From<Redirect> for AppCommand {
    fn from(redirect: Redirect) -> AppCommand {
        AppCommand::Std(redirect.into())
    }
}

impl From<Hangup> for AppCommand {
    fn from(hangup: Hangup) -> AppCommand {
        AppCommand::Std(hangup.into())
    }
}

fn doc() -> Response<AppCommand> {
    ResponseBuilder::<AppCommand>::new()
        .main(Play::new("welcome.wav"))
        .then(EnterCcs {
            queuetype: 0,
            timeout: Some(Timeout::new(30).unwrap()),
            prompts: vec![Play::new("switch.wav").repeat(-1)],
        })
        .then(Redirect::new("ccsfailed"))
        .then(Hangup::new())
        .build()
        .unwrap()
}

const DOCS: &str = "\
<?xml version='1.0' encoding='UTF-8'?>
<Response>
    <Play>welcome.wav</Play>
    <EnterCCS queuetype='0' timeout='30'>
        <Play loop='-1'>switch.wav</Play>
    </EnterCCS>
    <Redirect>ccsfailed</Redirect>
    <Hangup/>
</Response>";

#[test]
fn writes_in_the_docs_style_and_parses_back() {
    let text = doc().to_string();
    assert_eq!(text, DOCS);
    assert_eq!(text.parse::<Response<AppCommand>>().unwrap(), doc());
}

#[test]
fn writes_compact_and_parses_back() {
    let text = doc().to_string_with(&Style::compact());
    assert_eq!(
        text,
        "<?xml version='1.0' encoding='UTF-8'?><Response><Play>welcome.wav</Play><EnterCCS queuetype='0' timeout='30'><Play loop='-1'>switch.wav</Play></EnterCCS><Redirect>ccsfailed</Redirect><Hangup/></Response>"
    );
    assert_eq!(format!("{:#}", doc()), text);
    assert_eq!(text.parse::<Response<AppCommand>>().unwrap(), doc());
}

#[test]
fn the_commands_are_the_application_s_and_the_library_s() {
    let parsed: Response<AppCommand> = DOCS.parse().unwrap();
    assert!(matches!(
        parsed.main(),
        Some(AppCommand::Std(Command::Play(_)))
    ));
    assert!(matches!(
        parsed.subs(),
        [
            AppCommand::EnterCcs(EnterCcs { queuetype: 0, .. }),
            AppCommand::Std(Command::Redirect(_)),
            AppCommand::Std(Command::Hangup(_)),
        ]
    ));
}

#[test]
fn an_error_in_the_own_command_points_into_it() {
    let text = "<Response>\n    <EnterCCS queuetype='300'/>\n</Response>";
    let err = text.parse::<Response<AppCommand>>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "2:15: invalid integer `300`: expected an integer from 0 to 255 (at Response/EnterCCS[1]/@queuetype)"
    );
    assert_eq!(err.path(), "Response/EnterCCS[1]/@queuetype");
}

#[test]
fn an_unknown_command_lists_the_application_s_first() {
    let err = "<Response><Dial/></Response>"
        .parse::<Response<AppCommand>>()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "1:11: unknown element `<Dial>`: expected one of `EnterCCS`, `Get`, `Play`, `PlayMix`, `PlayTTS`, `Redirect`, `Hangup`, `CmdNone`, `CreateConf`, `JoinConf`, `ConsultationCall` (at Response/Dial[1])"
    );
}

/// `AppCommand` has no `#[xml(other)]` variant of its own, and `Command`'s `matches_element` does
/// not match unknown names, so `Command::Raw` is never reached through `AppCommand::Std`.
#[test]
fn lenient_parsing_keeps_an_unknown_command_raw() {
    let text = "<Response><Record max='5'/></Response>";
    let parsed =
        ivr_xml::from_str_with::<Response<AppCommand>>(text, &ivr_xml::ParseOptions::lenient())
            .unwrap();
    assert_eq!(
        parsed.value.commands(),
        [AppCommand::Std(Command::Raw(
            ivr_xml::RawElement::new("Record").attribute("max", "5")
        ))]
    );
}
