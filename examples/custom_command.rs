//! A platform command the library does not ship, defined with `#[derive(Xml)]` and placed in a
//! `Response` next to the library's commands.
//!
//! `<EnterCCS>` puts the caller in an agent queue; it is known only from field code (spec §2.11).
//! Run with `cargo run --example custom_command`.

use ivr_xml::{
    Command, Hangup, Play, Response, ResponseBuilder, Style, SubCommand, Text, Timeout, Xml,
};

/// `<EnterCCS>`: the agent queue (field evidence only).
#[derive(Debug, Clone, PartialEq, Xml)]
#[xml(element = "EnterCCS")]
struct EnterCcs {
    #[xml(attribute)]
    queuetype: u8,
    #[xml(attribute)]
    timeout: Option<Timeout>,
    #[xml(attribute)]
    callid: Option<Text>,
    /// Music while waiting.
    #[xml(children)]
    prompts: Vec<Play>,
}

impl SubCommand for EnterCcs {}

/// The application's commands: its own, and every library command.
#[derive(Debug, Clone, PartialEq, Xml)]
enum AppCommand {
    EnterCcs(EnterCcs),
    Std(Command),
}

impl From<Hangup> for AppCommand {
    fn from(hangup: Hangup) -> AppCommand {
        AppCommand::Std(hangup.into())
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let queue = EnterCcs {
        queuetype: 0,
        timeout: Some(Timeout::new(30)?),
        callid: None,
        prompts: vec![Play::new("switch.wav").repeat(-1)],
    };
    let doc = ResponseBuilder::<AppCommand>::new()
        .main(queue)
        .then(Hangup::new())
        .build()?;
    let text = doc.to_string();
    println!("{text}\n");

    // The strict parser knows the new element: it parses back to the same value...
    let parsed: Response<AppCommand> = text.parse()?;
    assert_eq!(parsed, doc);
    // ...and checks it like any other.
    if let Err(err) =
        "<Response><EnterCCS queuetype='many'/></Response>".parse::<Response<AppCommand>>()
    {
        println!("{err}");
    }
    println!("\ncompact: {}", doc.to_string_with(&Style::compact()));
    Ok(())
}
