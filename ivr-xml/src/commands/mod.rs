//! The IVR commands (spec §0.3, §2), each defined with the [`Xml`](crate::Xml) derive.
//!
//! Every command keeps unknown attributes in `extra` (filled by the lenient parser, or by you
//! through `raw_attribute`), written after the known ones. Builder methods take plain values; an
//! invalid one is reported when the document is built ([`PendingError`](crate::PendingError)).

use crate::raw::RawElement;
use crate::Xml;

mod conf;
mod flow;
mod names;
mod prompts;

pub use conf::{ConsultationCall, CreateConf, JoinConf};
pub use flow::{CmdNone, Hangup, Redirect};
pub use names::{field_name, FieldName, FIELD_NAMES, MAIN_ONLY};
pub(crate) use names::{ENDS_FLOW, REPORTS_BACK, WANTS_FAILURE_PATH};
pub use prompts::{Get, Play, PlayTts, Prompt};

/// Any command of a `<Response>`: the typed ones, and [`Command::Raw`] for the rest.
///
/// The two commands with many attributes are boxed, so that a `Command` is about the size of a
/// `<Get>` (104 bytes rather than 240): a long list of commands is smaller and faster to parse.
///
/// ```
/// use ivr_xml::{Command, Hangup, RawElement};
/// let typed: Command = Hangup::new().into();
/// assert_eq!(typed.name(), "Hangup");
/// let raw: Command = RawElement::new("EnterCCS").attribute("queuetype", "0").into();
/// assert_eq!(raw.name(), "EnterCCS");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(known(element = "EnterCCS", evidence = "one agent-seat sample (spec §2.11)"))]
pub enum Command {
    /// `<Get>`
    Get(Get),
    /// `<Play>`
    Play(Play),
    /// `<PlayMix>`
    PlayMix(crate::PlayMix),
    /// `<PlayTTS>`
    PlayTts(PlayTts),
    /// `<Redirect>`
    Redirect(Redirect),
    /// `<Hangup/>`
    Hangup(Hangup),
    /// `<CmdNone/>`
    CmdNone(CmdNone),
    /// `<CreateConf/>`
    CreateConf(Box<CreateConf>),
    /// `<JoinConf/>`
    JoinConf(JoinConf),
    /// `<ConsultationCall>` (field evidence)
    ConsultationCall(Box<ConsultationCall>),
    /// A command the library does not name, kept as written (lenient parser, or built by hand).
    #[xml(other)]
    Raw(RawElement),
}

impl From<CreateConf> for Command {
    fn from(command: CreateConf) -> Command {
        Command::CreateConf(Box::new(command))
    }
}

impl From<ConsultationCall> for Command {
    fn from(command: ConsultationCall) -> Command {
        Command::ConsultationCall(Box::new(command))
    }
}

impl Command {
    /// The command's element name.
    ///
    /// ```
    /// use ivr_xml::{Command, PlayTts};
    /// assert_eq!(Command::from(PlayTts::new("您好")).name(), "PlayTTS");
    /// assert_eq!("<Hangup/>".parse::<Command>()?.name(), "Hangup");
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn name(&self) -> &str {
        crate::ToXml::element_name(self)
    }
}

/// Marks commands that may follow the main command.
///
/// The main-only commands ([`policy::MAIN_ONLY`](crate::policy::MAIN_ONLY): `<Get>`
/// \[official\], `<CreateConf>` \[official\], `<JoinConf>` \[guide\]) have no impl, so that
/// [`ResponseBuilder::then`](crate::ResponseBuilder::then) does not take them; the strict parser
/// and the validator refuse them there with rule IVR201.
///
/// ```
/// use ivr_xml::{Get, Hangup, Play, Redirect, Response, SubCommand};
/// fn is_sub_command<T: SubCommand>(_: &T) {}
/// is_sub_command(&Redirect::new("again"));
/// let doc = Response::builder()
///     .main(Get::new().action("menu").prompt(Play::new("menu.wav")))
///     .then(Redirect::new("again"))
///     .then(Hangup::new())
///     .build()?;
/// assert_eq!(doc.commands().len(), 3);
/// # Ok::<(), ivr_xml::BuildError>(())
/// ```
///
/// `<Get>` can only be the main command, so the builder refuses it as a sub-command when the
/// code is compiled:
///
/// ```compile_fail,E0277
/// use ivr_xml::{Get, Play, Response};
/// let doc = Response::builder().main(Play::new("hi.wav")).then(Get::new()).build();
/// ```
#[diagnostic::on_unimplemented(
    message = "`<{Self}>` can only be the main command",
    label = "`<{Self}>` can only be the main command, not a sub-command",
    note = "the platform runs `<Get>`, `<CreateConf>` and `<JoinConf>` only as the main command (spec §0.2 R8, rule IVR201): pass it to `.main(...)`, or answer it in a new document through a `<Redirect>`"
)]
pub trait SubCommand {}

impl SubCommand for Play {}
impl SubCommand for crate::PlayMix {}
impl SubCommand for PlayTts {}
impl SubCommand for Redirect {}
impl SubCommand for Hangup {}
impl SubCommand for CmdNone {}
impl SubCommand for ConsultationCall {}
impl SubCommand for RawElement {}
