//! `<Response>`: the document an application answers with, its builder, writer and parser entry points.

use std::fmt;
use std::io;
use std::str::FromStr;

use crate::commands::{Command, SubCommand};
use crate::de::{FromXml, ParseOptions, Parsed};
use crate::error::{BuildError, ParseError, ValueError};
use crate::judge::from_str_with;
use crate::ser::{FmtSink, IoSink, Sink, Style, ToXml, XmlWriter};
use crate::Xml;

/// An answer to the platform: a main command, then the sub-commands that run when it times out or
/// fails (spec §0.2).
///
/// `C` is the command type: the library's [`Command`] by default, or an enum of your own that adds
/// commands the library does not ship (see [`Xml`](crate::Xml)). A `Response` is made by the
/// [builder](Response::builder), which refuses invalid values, or by parsing; either way it always
/// writes a document that re-parses to the same value.
///
/// ```
/// use ivr_xml::{Get, Play, Redirect, Response};
///
/// let doc = Response::builder()
///     .main(Get::new().action("firstget").numdigits(1).timeout(30).prompt(Play::new("confmenu.wav")))
///     .then(Play::new("timeout.wav"))
///     .then(Redirect::new("gettimeout").tag("1"))
///     .build()?;
///
/// assert_eq!(doc.to_string(), "\
/// <?xml version='1.0' encoding='UTF-8'?>
/// <Response>
///     <Get action='firstget' numdigits='1' timeout='30'>
///         <Play>confmenu.wav</Play>
///     </Get>
///     <Play>timeout.wav</Play>
///     <Redirect tag='1'>gettimeout</Redirect>
/// </Response>");
/// assert_eq!(doc.to_string().parse::<Response>()?, doc);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xml)]
#[xml(element = "Response")]
pub struct Response<C = Command> {
    // Every child element is a command: `C`'s parser reports an unknown one itself.
    #[xml(children(all))]
    commands: Vec<C>,
}

impl Response {
    /// Starts a document of the library's [`Command`]s (for your own command type, use
    /// [`ResponseBuilder::new`]).
    ///
    /// ```
    /// use ivr_xml::{Hangup, Response};
    /// let doc = Response::builder().main(Hangup::new()).build()?;
    /// assert_eq!(format!("{doc:#}"), "<?xml version='1.0' encoding='UTF-8'?><Response><Hangup/></Response>");
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub fn builder() -> ResponseBuilder {
        ResponseBuilder::new()
    }

    /// The one-command document `<Response><CmdNone/></Response>`: the usual answer to a
    /// notification that needs nothing done (`stopservice`, a conference callback). It cannot
    /// fail, so there is no `Result` to handle.
    ///
    /// ```
    /// use ivr_xml::Response;
    /// assert_eq!(
    ///     format!("{:#}", Response::cmd_none()),
    ///     "<?xml version='1.0' encoding='UTF-8'?><Response><CmdNone/></Response>"
    /// );
    /// ```
    pub fn cmd_none() -> Response {
        Response {
            commands: vec![Command::CmdNone(crate::CmdNone::new())],
        }
    }

    /// The one-command document `<Response><Hangup/></Response>`. It cannot fail.
    ///
    /// ```
    /// use ivr_xml::Response;
    /// assert_eq!(
    ///     format!("{:#}", Response::hangup()),
    ///     "<?xml version='1.0' encoding='UTF-8'?><Response><Hangup/></Response>"
    /// );
    /// ```
    pub fn hangup() -> Response {
        Response {
            commands: vec![Command::Hangup(crate::Hangup::new())],
        }
    }

    /// Parses strictly (see [`ParseOptions`]): `Response::parse(text)` needs no type
    /// annotation, where `text.parse()` needs `Response` named.
    ///
    /// ```
    /// use ivr_xml::{Command, Response};
    /// let doc = Response::parse("<Response><Hangup/></Response>")?;
    /// assert!(matches!(doc.main(), Some(Command::Hangup(_))));
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Response, ParseError> {
        text.parse()
    }

    /// Parses with `options`, returning the lenient parser's warnings too (for your own command
    /// type, use [`from_str_with`](crate::from_str_with)).
    ///
    /// ```
    /// use ivr_xml::{ParseOptions, Response};
    /// let text = "<Response><Hangup volume='3'/></Response>";
    /// let parsed = Response::parse_with(text, &ParseOptions::lenient())?;
    /// assert_eq!(parsed.value.commands().len(), 1);
    /// assert_eq!(parsed.warnings[0].path(), "Response/Hangup[1]/@volume");
    /// assert!(Response::parse_with(text, &ParseOptions::strict()).is_err());
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn parse_with(text: &str, options: &ParseOptions) -> Result<Parsed<Response>, ParseError> {
        from_str_with(text, options)
    }
}

impl<C> Response<C> {
    /// Every command, main first.
    ///
    /// ```
    /// use ivr_xml::{Command, Response};
    /// let doc = Response::parse("<Response><Play>a.wav</Play><Hangup/></Response>")?;
    /// assert_eq!(doc.commands().len(), 2);
    /// assert!(matches!(doc.commands()[1], Command::Hangup(_)));
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn commands(&self) -> &[C] {
        &self.commands
    }

    /// The main command (none only in a parsed empty `<Response/>`).
    ///
    /// ```
    /// use ivr_xml::{Command, Response};
    /// let doc = Response::parse("<Response><Play>a.wav</Play><Hangup/></Response>")?;
    /// assert!(matches!(doc.main(), Some(Command::Play(_))));
    /// assert_eq!(Response::parse("<Response/>")?.main(), None);
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn main(&self) -> Option<&C> {
        self.commands.first()
    }

    /// The sub-commands, in order.
    ///
    /// ```
    /// use ivr_xml::{Command, Response};
    /// let doc = Response::parse("<Response><Play>a.wav</Play><Hangup/></Response>")?;
    /// assert_eq!(doc.subs().len(), 1);
    /// assert!(matches!(doc.subs()[0], Command::Hangup(_)));
    /// assert!(Response::parse("<Response/>")?.subs().is_empty());
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn subs(&self) -> &[C] {
        self.commands.get(1..).unwrap_or(&[])
    }

    /// The commands, main first.
    ///
    /// ```
    /// use ivr_xml::{Command, Response};
    /// let doc = Response::parse("<Response><Play>a.wav</Play><Hangup/></Response>")?;
    /// let commands: Vec<Command> = doc.into_commands();
    /// assert_eq!(commands.len(), 2);
    /// assert!(matches!(commands[0], Command::Play(_)));
    /// # Ok::<(), ivr_xml::ParseError>(())
    /// ```
    pub fn into_commands(self) -> Vec<C> {
        self.commands
    }
}

impl<C: ToXml> Response<C> {
    /// Makes a document from commands, main first, checking the values builders were given
    /// and that no main-only command ([`MAIN_ONLY`](crate::policy::MAIN_ONLY): `<Get>`,
    /// `<CreateConf>`, `<JoinConf>`) is a sub-command (rule IVR201, which the strict parser
    /// refuses too). Use it for documents assembled at run time, and the validator for the
    /// platform's other rules.
    ///
    /// ```
    /// use ivr_xml::{Command, CreateConf, Play, Response};
    /// let commands: Vec<Command> = vec![Play::new("a.wav").into(), CreateConf::new().into()];
    /// let err = Response::try_from_commands(commands).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid command `CreateConf`: expected a command that can follow the main command: `<CreateConf>` can only be the main command (IVR201) (in `<CreateConf>`, command 2)");
    /// ```
    pub fn try_from_commands(commands: Vec<C>) -> Result<Response<C>, BuildError> {
        check_all(&commands)?;
        for (index, command) in commands.iter().enumerate().skip(1) {
            let name = command.element_name();
            if let Some(main_only) = crate::commands::MAIN_ONLY.iter().find(|m| **m == name) {
                let err = ValueError::new(
                    "command",
                    *main_only,
                    format!("a command that can follow the main command: `<{main_only}>` can only be the main command (IVR201)"),
                );
                return Err(BuildError::new(
                    err,
                    format!("in `<{main_only}>`, command {}", index + 1),
                ));
            }
        }
        Ok(Response { commands })
    }

    /// Writes the document into any [`Sink`] in `style`.
    ///
    /// ```
    /// use ivr_xml::{CmdNone, Response, Style};
    /// let doc = Response::builder().main(CmdNone::new()).build()?;
    /// // `String` is a sink that cannot fail.
    /// let mut out = String::new();
    /// let Ok(()) = doc.write_to_sink(&mut out, &Style::compact());
    /// assert_eq!(out, "<?xml version='1.0' encoding='UTF-8'?><Response><CmdNone/></Response>");
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub fn write_to_sink<S: Sink + ?Sized>(
        &self,
        sink: &mut S,
        style: &Style,
    ) -> Result<(), S::Error> {
        let mut writer = XmlWriter::new(sink, style);
        writer.declaration(style.declaration_style())?;
        self.write_xml(&mut writer)
    }

    /// Appends the document to `buffer` in `style`. Reusing a buffer (`buffer.clear()` between
    /// documents) writes without allocating once it is large enough.
    ///
    /// ```
    /// use ivr_xml::{CmdNone, Declaration, Hangup, Response, Style};
    /// let style = Style::compact().declaration(Declaration::None);
    /// let mut buffer = String::new();
    /// Response::builder().main(CmdNone::new()).build()?.write_to_string(&mut buffer, &style);
    /// assert_eq!(buffer, "<Response><CmdNone/></Response>");
    /// buffer.clear();
    /// Response::builder().main(Hangup::new()).build()?.write_to_string(&mut buffer, &style);
    /// assert_eq!(buffer, "<Response><Hangup/></Response>");
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub fn write_to_string(&self, buffer: &mut String, style: &Style) {
        match self.write_to_sink(buffer, style) {
            Ok(()) => {}
            Err(never) => match never {},
        }
    }

    /// Appends the document to a byte buffer in `style`: [`write_to_string`](Response::write_to_string)
    /// for a `Vec<u8>` (a socket's or a framework's body buffer), as fast and, into a reused
    /// buffer large enough, without allocating. (`write_to_io` into a `Vec<u8>` goes through
    /// `io::Write` and its error at every write, and is slower.)
    ///
    /// ```
    /// use ivr_xml::{Declaration, Response, Style};
    /// const STYLE: Style = Style::compact().declaration(Declaration::None);
    /// let mut buffer: Vec<u8> = Vec::with_capacity(64);
    /// Response::cmd_none().write_to_vec(&mut buffer, &STYLE);
    /// assert_eq!(buffer, b"<Response><CmdNone/></Response>");
    /// buffer.clear();
    /// Response::hangup().write_to_vec(&mut buffer, &STYLE);
    /// assert_eq!(buffer, b"<Response><Hangup/></Response>");
    /// ```
    pub fn write_to_vec(&self, buffer: &mut Vec<u8>, style: &Style) {
        match self.write_to_sink(buffer, style) {
            Ok(()) => {}
            Err(never) => match never {},
        }
    }

    /// The document in `style`.
    ///
    /// ```
    /// use ivr_xml::{Hangup, Response, Style};
    /// let doc = Response::builder().main(Hangup::new()).build()?;
    /// assert_eq!(doc.to_string_with(&Style::docs()), doc.to_string());
    /// assert_eq!(doc.to_string_with(&Style::compact()), "<?xml version='1.0' encoding='UTF-8'?><Response><Hangup/></Response>");
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub fn to_string_with(&self, style: &Style) -> String {
        let mut out = String::new();
        self.write_to_string(&mut out, style);
        out
    }

    /// Writes the document into any [`fmt::Write`] in `style`.
    ///
    /// ```
    /// use ivr_xml::{CmdNone, Response, Style};
    /// let doc = Response::builder().main(CmdNone::new()).build()?;
    /// let mut out = String::new();
    /// doc.write_to_fmt(&mut out, &Style::compact())?;
    /// assert_eq!(out, "<?xml version='1.0' encoding='UTF-8'?><Response><CmdNone/></Response>");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_to_fmt<W: fmt::Write>(&self, out: W, style: &Style) -> fmt::Result {
        self.write_to_sink(&mut FmtSink(out), style)
    }

    /// Writes the document into any [`io::Write`] in `style`.
    ///
    /// ```
    /// use ivr_xml::{CmdNone, Response, Style};
    /// let doc = Response::builder().main(CmdNone::new()).build()?;
    /// let mut out: Vec<u8> = Vec::new();
    /// doc.write_to_io(&mut out, &Style::compact())?;
    /// assert!(out.ends_with(b"<Response><CmdNone/></Response>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_to_io<W: io::Write>(&self, out: W, style: &Style) -> io::Result<()> {
        self.write_to_sink(&mut IoSink(out), style)
    }

    /// The old name of [`write_to_fmt`](Response::write_to_fmt).
    ///
    /// ```
    /// # #![allow(deprecated)]
    /// use ivr_xml::{CmdNone, Response, Style};
    /// let doc = Response::builder().main(CmdNone::new()).build()?;
    /// let mut out = String::new();
    /// doc.write_fmt_to(&mut out, &Style::compact())?;
    /// assert_eq!(out, doc.to_string_with(&Style::compact()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[deprecated(note = "renamed `write_to_fmt`: the writers are `write_to_{sink,string,fmt,io}`")]
    pub fn write_fmt_to<W: fmt::Write>(&self, out: W, style: &Style) -> fmt::Result {
        self.write_to_fmt(out, style)
    }

    /// The old name of [`write_to_io`](Response::write_to_io).
    ///
    /// ```
    /// # #![allow(deprecated)]
    /// use ivr_xml::{CmdNone, Response, Style};
    /// let doc = Response::builder().main(CmdNone::new()).build()?;
    /// let mut out: Vec<u8> = Vec::new();
    /// doc.write_io(&mut out, &Style::compact())?;
    /// assert_eq!(out, doc.to_string_with(&Style::compact()).into_bytes());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[deprecated(note = "renamed `write_to_io`: the writers are `write_to_{sink,string,fmt,io}`")]
    pub fn write_io<W: io::Write>(&self, out: W, style: &Style) -> io::Result<()> {
        self.write_to_io(out, style)
    }
}

fn check_all<C: ToXml>(commands: &[C]) -> Result<(), BuildError> {
    for (index, command) in commands.iter().enumerate() {
        command.check().map_err(|err| {
            // The name may be the refused value: control characters are shown escaped, as in
            // `ValueError`'s message, so that a message never carries them raw.
            let name: String = command
                .element_name()
                .chars()
                .map(|c| match c.is_control() {
                    true => c.escape_default().to_string(),
                    false => c.to_string(),
                })
                .collect();
            BuildError::new(err, format!("in `<{name}>`, command {}", index + 1))
        })?;
    }
    Ok(())
}

/// Writes the docs' style ([`Style::docs`]); `{:#}` writes [`Style::compact`].
impl<C: ToXml> fmt::Display for Response<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Constants: no style is made (and nothing allocated) per document.
        const DOCS: Style = Style::docs();
        const COMPACT: Style = Style::compact();
        let style = if f.alternate() { &COMPACT } else { &DOCS };
        self.write_to_fmt(f, style)
    }
}

/// Parses strictly (see [`ParseOptions`]).
impl<C: FromXml> FromStr for Response<C> {
    type Err = ParseError;
    fn from_str(text: &str) -> Result<Response<C>, ParseError> {
        from_str_with(text, &ParseOptions::strict()).map(|parsed| parsed.value)
    }
}

/// Builds a [`Response`]: one main command, then sub-commands.
///
/// `<Get>` can only be the main command \[official\]: [`then`](ResponseBuilder::then) does not take one.
///
/// ```compile_fail
/// use ivr_xml::{Get, Hangup, Response};
/// let doc: Response = Response::builder().main(Hangup::new()).then(Get::new()).build().unwrap();
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[must_use = "call .build() to get the Response"]
pub struct ResponseBuilder<C = Command> {
    main: Option<C>,
    subs: Vec<C>,
}

impl<C: ToXml> ResponseBuilder<C> {
    /// Starts a document of any command type `C`.
    ///
    /// ```
    /// use ivr_xml::{Command, Hangup, Response, ResponseBuilder};
    /// let doc: Response<Command> = ResponseBuilder::new().main(Hangup::new()).build()?;
    /// assert_eq!(doc, Response::builder().main(Hangup::new()).build()?);
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub fn new() -> ResponseBuilder<C> {
        ResponseBuilder {
            main: None,
            subs: Vec::new(),
        }
    }

    /// Sets the main command (replacing any set before).
    ///
    /// ```
    /// use ivr_xml::{Command, Hangup, Play, Response};
    /// // A later call replaces the main command.
    /// let doc = Response::builder().main(Play::new("a.wav")).main(Hangup::new()).build()?;
    /// assert!(matches!(doc.main(), Some(Command::Hangup(_))));
    /// assert_eq!(doc.commands().len(), 1);
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub fn main(mut self, command: impl Into<C>) -> ResponseBuilder<C> {
        self.main = Some(command.into());
        self
    }

    /// Adds a sub-command, run in order when the main command times out or fails.
    ///
    /// ```
    /// use ivr_xml::{Command, Hangup, Play, Response};
    /// let doc = Response::builder().main(Play::new("a.wav")).then(Play::new("b.wav")).then(Hangup::new()).build()?;
    /// assert_eq!(doc.subs().len(), 2);
    /// assert!(matches!(doc.subs()[1], Command::Hangup(_)));
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub fn then<T: Into<C> + SubCommand>(mut self, command: T) -> ResponseBuilder<C> {
        self.subs.push(command.into());
        self
    }

    /// The document, or the first invalid value a builder was given.
    ///
    /// ```
    /// use ivr_xml::{Play, Response};
    /// let err = Response::builder().then(Play::new("a.wav")).build().unwrap_err();
    /// assert!(err.to_string().contains("no main command was given"), "{err}");
    /// assert!(Response::builder().main(Play::new("a.wav")).build().is_ok());
    /// ```
    pub fn build(self) -> Result<Response<C>, BuildError> {
        let Some(main) = self.main else {
            let err = ValueError::new(
                "Response",
                "",
                "a main command (answer `<CmdNone/>` when nothing should happen)",
            );
            return Err(BuildError::new(err, "no main command was given".to_owned()));
        };
        let mut commands = Vec::with_capacity(1 + self.subs.len());
        commands.push(main);
        commands.extend(self.subs);
        check_all(&commands)?;
        Ok(Response { commands })
    }
}

impl FromStr for Command {
    type Err = ParseError;

    /// Parses one command on its own, strictly.
    fn from_str(text: &str) -> Result<Command, ParseError> {
        crate::judge::from_str(text)
    }
}
