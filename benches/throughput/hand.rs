//! The hand-written baselines, the practical limit: a plain model of the same commands whose
//! strings borrow from the input where nothing is escaped, a writer made of `push_str` calls into
//! a `String`, and a parser on quick-xml's `Reader` with a `match` per element and attribute.
//!
//! This is the code a careful programmer writes for one application without a library: no
//! `Style` (docs layout or compact is a `bool`), only the attributes the benchmarked documents
//! use, unknown elements and attributes refused, numbers parsed, escapes resolved.

use std::borrow::Cow;

use quick_xml::escape::{resolve_predefined_entity, unescape};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// `<Response>`.
#[derive(Debug, PartialEq)]
pub(crate) struct Doc<'a> {
    pub(crate) commands: Vec<Command<'a>>,
}

#[derive(Debug, PartialEq)]
pub(crate) enum Command<'a> {
    Get(Get<'a>),
    Play(Play<'a>),
    PlayTts(PlayTts<'a>),
    PlayMix(PlayMix<'a>),
    Redirect(Redirect<'a>),
    Hangup,
    CmdNone,
    CreateConf(CreateConf<'a>),
    JoinConf(JoinConf<'a>),
}

#[derive(Debug, PartialEq, Default)]
pub(crate) struct Get<'a> {
    action: Option<Cow<'a, str>>,
    numdigits: Option<u32>,
    timeout: Option<u32>,
    finishkey: Option<Cow<'a, str>>,
    prompts: Vec<Command<'a>>,
}

#[derive(Debug, PartialEq, Default)]
pub(crate) struct Play<'a> {
    repeat: Option<i64>,
    finishkey: Option<Cow<'a, str>>,
    isrecord: Option<bool>,
    file: Cow<'a, str>,
}

#[derive(Debug, PartialEq, Default)]
pub(crate) struct PlayTts<'a> {
    repeat: Option<i64>,
    text: Cow<'a, str>,
}

#[derive(Debug, PartialEq, Default)]
pub(crate) struct PlayMix<'a> {
    codes: Cow<'a, str>,
    text: Cow<'a, str>,
}

#[derive(Debug, PartialEq, Default)]
pub(crate) struct Redirect<'a> {
    tag: Option<Cow<'a, str>>,
    url: Cow<'a, str>,
}

#[derive(Debug, PartialEq, Default)]
pub(crate) struct CreateConf<'a> {
    action: Option<Cow<'a, str>>,
    maxmember: Option<u32>,
    autojoin: Option<bool>,
}

#[derive(Debug, PartialEq, Default)]
pub(crate) struct JoinConf<'a> {
    action: Option<Cow<'a, str>>,
    confid: Cow<'a, str>,
}

// ---------------------------------------------------------------------------------------------
// Writer

const INDENT: &str = "    ";

/// Appends `doc` to `out`: the docs' layout when `pretty`, else compact.
pub(crate) fn write(doc: &Doc<'_>, out: &mut String, pretty: bool) {
    out.push_str("<?xml version='1.0' encoding='UTF-8'?>");
    if pretty {
        out.push('\n');
    }
    if doc.commands.is_empty() {
        out.push_str("<Response/>");
        return;
    }
    out.push_str("<Response>");
    for command in &doc.commands {
        write_command(command, out, pretty, 1);
    }
    if pretty {
        out.push('\n');
    }
    out.push_str("</Response>");
}

fn line(out: &mut String, pretty: bool, depth: usize) {
    if pretty {
        out.push('\n');
        for _ in 0..depth {
            out.push_str(INDENT);
        }
    }
}

fn write_command(command: &Command<'_>, out: &mut String, pretty: bool, depth: usize) {
    line(out, pretty, depth);
    match command {
        Command::Get(get) => {
            out.push_str("<Get");
            opt_attr(out, " action='", &get.action);
            opt_int(out, " numdigits='", get.numdigits);
            opt_int(out, " timeout='", get.timeout);
            opt_attr(out, " finishkey='", &get.finishkey);
            if get.prompts.is_empty() {
                out.push_str("/>");
            } else {
                out.push('>');
                for prompt in &get.prompts {
                    write_command(prompt, out, pretty, depth + 1);
                }
                line(out, pretty, depth);
                out.push_str("</Get>");
            }
        }
        Command::Play(play) => {
            out.push_str("<Play");
            opt_int(out, " loop='", play.repeat);
            opt_attr(out, " finishkey='", &play.finishkey);
            opt_bool(out, " isrecord='", play.isrecord);
            out.push('>');
            escape_text(out, &play.file);
            out.push_str("</Play>");
        }
        Command::PlayTts(tts) => {
            out.push_str("<PlayTTS");
            opt_int(out, " loop='", tts.repeat);
            out.push('>');
            escape_text(out, &tts.text);
            out.push_str("</PlayTTS>");
        }
        Command::PlayMix(mix) => {
            out.push_str("<PlayMix type='");
            escape_attr(out, &mix.codes);
            out.push_str("'>");
            escape_text(out, &mix.text);
            out.push_str("</PlayMix>");
        }
        Command::Redirect(redirect) => {
            out.push_str("<Redirect");
            opt_attr(out, " tag='", &redirect.tag);
            out.push('>');
            escape_text(out, &redirect.url);
            out.push_str("</Redirect>");
        }
        Command::Hangup => out.push_str("<Hangup/>"),
        Command::CmdNone => out.push_str("<CmdNone/>"),
        Command::CreateConf(create) => {
            out.push_str("<CreateConf");
            opt_attr(out, " action='", &create.action);
            opt_int(out, " maxmember='", create.maxmember);
            opt_bool(out, " autojoin='", create.autojoin);
            out.push_str("/>");
        }
        Command::JoinConf(join) => {
            out.push_str("<JoinConf");
            opt_attr(out, " action='", &join.action);
            out.push_str(" confid='");
            escape_attr(out, &join.confid);
            out.push_str("'/>");
        }
    }
}

fn opt_attr(out: &mut String, start: &str, value: &Option<Cow<'_, str>>) {
    if let Some(value) = value {
        out.push_str(start);
        escape_attr(out, value);
        out.push('\'');
    }
}

fn opt_bool(out: &mut String, start: &str, value: Option<bool>) {
    if let Some(value) = value {
        out.push_str(start);
        out.push_str(if value { "true'" } else { "false'" });
    }
}

fn opt_int<I: itoa::Integer>(out: &mut String, start: &str, value: Option<I>) {
    if let Some(value) = value {
        out.push_str(start);
        out.push_str(itoa::Buffer::new().format(value));
        out.push('\'');
    }
}

fn escape_text(out: &mut String, text: &str) {
    escape(out, text, |b| matches!(b, b'&' | b'<' | b'>' | b'\r'));
}

fn escape_attr(out: &mut String, text: &str) {
    escape(out, text, |b| {
        matches!(b, b'&' | b'<' | b'\'' | b'\t' | b'\n' | b'\r')
    });
}

#[inline(always)]
fn escape(out: &mut String, text: &str, special: impl Fn(u8) -> bool) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if special(b) {
            out.push_str(&text[start..i]);
            out.push_str(match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'\'' => "&apos;",
                b'\t' => "&#9;",
                b'\n' => "&#10;",
                _ => "&#13;",
            });
            start = i + 1;
        }
    }
    out.push_str(&text[start..]);
}

// ---------------------------------------------------------------------------------------------
// Parser

/// A parse failure (only its message is kept).
#[derive(Debug)]
pub(crate) struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<quick_xml::Error> for Error {
    fn from(err: quick_xml::Error) -> Error {
        Error(err.to_string())
    }
}

impl From<quick_xml::events::attributes::AttrError> for Error {
    fn from(err: quick_xml::events::attributes::AttrError) -> Error {
        Error(err.to_string())
    }
}

impl From<quick_xml::escape::EscapeError> for Error {
    fn from(err: quick_xml::escape::EscapeError) -> Error {
        Error(err.to_string())
    }
}

impl From<quick_xml::encoding::EncodingError> for Error {
    fn from(err: quick_xml::encoding::EncodingError) -> Error {
        Error(err.to_string())
    }
}

fn fail<T>(what: &str) -> Result<T, Error> {
    Err(Error(what.to_owned()))
}

/// The parser; `OWNED` makes every string an owned copy (`Cow::Owned`), as ivr-xml's values are.
struct Parser<'a, const OWNED: bool> {
    input: &'a str,
    reader: Reader<&'a [u8]>,
}

/// Parses a `<Response>` document, borrowing unescaped strings from `input`.
pub(crate) fn parse(input: &str) -> Result<Doc<'_>, Error> {
    parse_with::<false>(input)
}

/// The same quick-xml events driven by the same hand-written code, but every string is copied
/// into an owned `String`: what the reference costs with values that own their text, as
/// ivr-xml's do.
pub(crate) fn parse_owned(input: &str) -> Result<Doc<'_>, Error> {
    parse_with::<true>(input)
}

fn parse_with<const OWNED: bool>(input: &str) -> Result<Doc<'_>, Error> {
    let mut parser = Parser::<OWNED> {
        input,
        reader: Reader::from_str(input),
    };
    let mut doc = None;
    loop {
        match parser.reader.read_event()? {
            Event::Decl(_) | Event::Comment(_) => {}
            Event::Text(text) if is_blank(&text) => {}
            Event::Start(start) if doc.is_none() && start.name().as_ref() == b"Response" => {
                no_attributes(&start)?;
                doc = Some(Doc {
                    commands: parser.commands(false)?,
                });
            }
            Event::Empty(start) if doc.is_none() && start.name().as_ref() == b"Response" => {
                no_attributes(&start)?;
                doc = Some(Doc {
                    commands: Vec::new(),
                });
            }
            Event::Eof => break,
            _ => return fail("not a <Response> document"),
        }
    }
    match doc {
        Some(doc) => Ok(doc),
        None => fail("no <Response>"),
    }
}

fn is_blank(text: &[u8]) -> bool {
    text.iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

fn no_attributes(start: &BytesStart<'_>) -> Result<(), Error> {
    match start.attributes().next() {
        None => Ok(()),
        Some(_) => fail("unexpected attribute"),
    }
}

fn number<T: std::str::FromStr>(value: &str) -> Result<T, Error> {
    match value.parse() {
        Ok(n) => Ok(n),
        Err(_) => fail("bad number"),
    }
}

fn boolean(value: &str) -> Result<bool, Error> {
    match value {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => fail("bad boolean"),
    }
}

impl<'a, const OWNED: bool> Parser<'a, OWNED> {
    /// `value` as it is, or owned when `OWNED`.
    fn own(value: Cow<'a, str>) -> Cow<'a, str> {
        if OWNED {
            Cow::Owned(value.into_owned())
        } else {
            value
        }
    }

    /// `part`, a slice of the input handed out by the reader, with the input's lifetime.
    fn reborrow(&self, part: &[u8]) -> &'a str {
        let start = (part.as_ptr() as usize).wrapping_sub(self.input.as_ptr() as usize);
        self.input.get(start..start + part.len()).unwrap_or("")
    }

    /// Every attribute of `start` as (name, unescaped value borrowed where possible).
    fn for_each_attribute(
        &self,
        start: &BytesStart<'_>,
        mut each: impl FnMut(&[u8], Cow<'a, str>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        for attribute in start.attributes() {
            let attribute = attribute?;
            let value = unescape(self.reborrow(&attribute.value))?;
            each(attribute.key.as_ref(), Self::own(value))?;
        }
        Ok(())
    }

    /// Commands up to the parent's end tag; `prompts` limits them to what `<Get>` holds.
    fn commands(&mut self, prompts: bool) -> Result<Vec<Command<'a>>, Error> {
        let mut commands = Vec::new();
        loop {
            let (start, empty) = match self.reader.read_event()? {
                Event::Start(start) => (start, false),
                Event::Empty(start) => (start, true),
                Event::Text(text) if is_blank(&text) => continue,
                Event::Comment(_) => continue,
                Event::End(_) => return Ok(commands),
                _ => return fail("unexpected content"),
            };
            let command = match start.name().as_ref() {
                b"Play" => Command::Play(self.play(&start, empty)?),
                b"PlayTTS" => Command::PlayTts(self.play_tts(&start, empty)?),
                _ if prompts => return fail("not a prompt"),
                b"Get" => Command::Get(self.get(&start, empty)?),
                b"PlayMix" => Command::PlayMix(self.play_mix(&start, empty)?),
                b"Redirect" => Command::Redirect(self.redirect(&start, empty)?),
                b"Hangup" => {
                    no_attributes(&start)?;
                    self.no_content(empty)?;
                    Command::Hangup
                }
                b"CmdNone" => {
                    no_attributes(&start)?;
                    self.no_content(empty)?;
                    Command::CmdNone
                }
                b"CreateConf" => Command::CreateConf(self.create_conf(&start, empty)?),
                b"JoinConf" => Command::JoinConf(self.join_conf(&start, empty)?),
                _ => return fail("unknown command"),
            };
            commands.push(command);
        }
    }

    /// The text content up to the end tag: one borrowed piece, or pieces and references joined.
    fn text(&mut self, empty: bool) -> Result<Cow<'a, str>, Error> {
        let mut text = Cow::Borrowed("");
        if empty {
            return Ok(text);
        }
        loop {
            match self.reader.read_event()? {
                Event::Text(piece) => {
                    let piece = piece.decode()?;
                    if text.is_empty() {
                        text = piece;
                    } else {
                        text.to_mut().push_str(&piece);
                    }
                }
                Event::GeneralRef(reference) => {
                    let name = reference.decode()?;
                    if let Some(resolved) = resolve_predefined_entity(&name) {
                        text.to_mut().push_str(resolved);
                    } else if let Some(c) = reference.resolve_char_ref()? {
                        text.to_mut().push(c);
                    } else {
                        return fail("unknown entity");
                    }
                }
                Event::End(_) => return Ok(Self::own(text)),
                _ => return fail("unexpected content in a text element"),
            }
        }
    }

    fn no_content(&mut self, empty: bool) -> Result<(), Error> {
        if empty {
            return Ok(());
        }
        loop {
            match self.reader.read_event()? {
                Event::Text(text) if is_blank(&text) => {}
                Event::End(_) => return Ok(()),
                _ => return fail("unexpected content in an empty element"),
            }
        }
    }

    fn get(&mut self, start: &BytesStart<'_>, empty: bool) -> Result<Get<'a>, Error> {
        let mut get = Get::default();
        self.for_each_attribute(start, |name, value| {
            match name {
                b"action" => get.action = Some(value),
                b"numdigits" => get.numdigits = Some(number(&value)?),
                b"timeout" => get.timeout = Some(number(&value)?),
                b"finishkey" => get.finishkey = Some(value),
                _ => return fail("unknown attribute on <Get>"),
            }
            Ok(())
        })?;
        if !empty {
            get.prompts = self.commands(true)?;
        }
        Ok(get)
    }

    fn play(&mut self, start: &BytesStart<'_>, empty: bool) -> Result<Play<'a>, Error> {
        let mut play = Play::default();
        self.for_each_attribute(start, |name, value| {
            match name {
                b"loop" => play.repeat = Some(number(&value)?),
                b"finishkey" => play.finishkey = Some(value),
                b"isrecord" => play.isrecord = Some(boolean(&value)?),
                _ => return fail("unknown attribute on <Play>"),
            }
            Ok(())
        })?;
        play.file = self.text(empty)?;
        Ok(play)
    }

    fn play_tts(&mut self, start: &BytesStart<'_>, empty: bool) -> Result<PlayTts<'a>, Error> {
        let mut tts = PlayTts::default();
        self.for_each_attribute(start, |name, value| {
            match name {
                b"loop" => tts.repeat = Some(number(&value)?),
                _ => return fail("unknown attribute on <PlayTTS>"),
            }
            Ok(())
        })?;
        tts.text = self.text(empty)?;
        Ok(tts)
    }

    fn play_mix(&mut self, start: &BytesStart<'_>, empty: bool) -> Result<PlayMix<'a>, Error> {
        let mut mix = PlayMix::default();
        self.for_each_attribute(start, |name, value| {
            match name {
                b"type" => mix.codes = value,
                _ => return fail("unknown attribute on <PlayMix>"),
            }
            Ok(())
        })?;
        mix.text = self.text(empty)?;
        if mix.codes.len() != mix.text.split(';').count() {
            return fail("one type code per item");
        }
        Ok(mix)
    }

    fn redirect(&mut self, start: &BytesStart<'_>, empty: bool) -> Result<Redirect<'a>, Error> {
        let mut redirect = Redirect::default();
        self.for_each_attribute(start, |name, value| {
            match name {
                b"tag" => redirect.tag = Some(value),
                _ => return fail("unknown attribute on <Redirect>"),
            }
            Ok(())
        })?;
        redirect.url = self.text(empty)?;
        Ok(redirect)
    }

    fn create_conf(
        &mut self,
        start: &BytesStart<'_>,
        empty: bool,
    ) -> Result<CreateConf<'a>, Error> {
        let mut create = CreateConf::default();
        self.for_each_attribute(start, |name, value| {
            match name {
                b"action" => create.action = Some(value),
                b"maxmember" => create.maxmember = Some(number(&value)?),
                b"autojoin" => create.autojoin = Some(boolean(&value)?),
                _ => return fail("unknown attribute on <CreateConf>"),
            }
            Ok(())
        })?;
        self.no_content(empty)?;
        Ok(create)
    }

    fn join_conf(&mut self, start: &BytesStart<'_>, empty: bool) -> Result<JoinConf<'a>, Error> {
        let mut join = JoinConf::default();
        let mut confid = None;
        self.for_each_attribute(start, |name, value| {
            match name {
                b"action" => join.action = Some(value),
                b"confid" => confid = Some(value),
                _ => return fail("unknown attribute on <JoinConf>"),
            }
            Ok(())
        })?;
        match confid {
            Some(confid) => join.confid = confid,
            None => return fail("<JoinConf> needs confid"),
        }
        self.no_content(empty)?;
        Ok(join)
    }
}

/// quick-xml tokenizing alone, building nothing: the floor under any parser built on it.
pub(crate) fn tokenize(input: &str) -> Result<usize, Error> {
    let mut reader = Reader::from_str(input);
    let mut events = 0;
    loop {
        match reader.read_event()? {
            Event::Eof => return Ok(events),
            _ => events += 1,
        }
    }
}
