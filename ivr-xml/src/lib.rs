//! # ivr-xml
//!
//! Typed IVR documents for the Cloopen / Yuntongxun (容联云通讯) cloud telephony platform.
//!
//! The platform calls an application's webhook when something happens on a call; the
//! application answers with a `<Response>` of commands. This crate builds those documents with
//! types that cannot express an invalid one, writes them byte for byte in the style of the
//! vendor docs (or any other documented style), and parses documents from anywhere strictly, with
//! errors that point at line, column and element.
//!
//! ```
//! use ivr_xml::{Get, Play, Redirect, Response};
//!
//! // Guide step (5): the first menu.
//! let doc = Response::builder()
//!     .main(Get::new().action("firstget").numdigits(1).timeout(30).prompt(Play::new("confmenu.wav")))
//!     .then(Play::new("timeout.wav"))
//!     .then(Redirect::new("gettimeout").tag("1"))
//!     .build()?;
//! println!("{doc}");
//!
//! // Parsing is strict: unknown attributes, bad values and forbidden nesting are errors.
//! let err = "<Response><Play><Play>a.wav</Play></Play></Response>".parse::<Response>().unwrap_err();
//! assert_eq!(err.to_string(), "1:17: `<Play>` is not allowed inside `<Play>`, which takes no child elements (at Response/Play[1]/Play[1])");
//! # Ok::<(), ivr_xml::BuildError>(())
//! ```
//!
//! ## The rest of the crate
//!
//! | module | what |
//! |---|---|
//! | [`notify`] | the notifications the platform sends, typed, from a query string, a form body or an XML body, and `#[derive(Notification)]` to dispatch on your own segment names |
//! | [`validate`] | every finding of the platform's rules in a document, with a rule catalogue (also the `ivr-xml` command line) |
//! | [`rest`] | the REST interface's bodies, signing and (feature `rest-client`) an async client |
//! | [`de`] | the parser's building blocks, for hand-written [`FromXml`] impls |
//! | `web` | (feature `axum`) documents as responses, notifications as extractors |
//!
//! ## Where the platform is unknown
//!
//! Much of the platform is documented only by examples (see the README). Where it is silent the
//! crate offers an escape hatch instead of a guess: [`RawElement`] for commands it cannot name,
//! `raw_attribute` and `extra` for attributes it does not know, [`MixItem::Raw`] for `PlayMix`
//! codes, and the [lenient parser](ParseOptions::lenient) that keeps all of them with warnings.

// docs.rs builds with `--cfg docsrs` (see Cargo.toml): feature-gated items say which feature.
#![cfg_attr(docsrs, feature(doc_cfg))]

// Generated code names `::ivr_xml`; this lets the crate derive its own commands.
extern crate self as ivr_xml;

mod commands;
/// Parsing in layers: [`de::parse_tree`] reads a checked element tree, [`FromXml`] types read
/// themselves from its elements.
///
/// ```
/// use ivr_xml::de::parse_tree;
/// use ivr_xml::{from_str, Command, ParseOptions};
/// // The tree takes any well-formed element names; the typed parser knows the commands.
/// let tree = parse_tree("<Response><Beep/></Response>", &ParseOptions::strict())?;
/// assert_eq!(tree.value.elements().map(|e| e.name()).collect::<Vec<_>>(), ["Response", "Beep"]);
/// assert!(from_str::<Command>("<Beep/>").is_err());
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
pub mod de;
pub mod describe;
#[doc = include_str!("guide.md")]
pub mod guide {}
mod deferred_error;
mod error;
mod flatten;
mod judge;
pub mod notify;
mod playmix;
pub mod policy;
mod raw;
mod raw_attribute;
mod response;
pub mod rest;
mod rulebook;
pub mod ser;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub mod serde_model;
#[cfg(feature = "serde")]
mod serde_support;
pub mod validate;
mod value;
/// Serving the platform with axum: a [`Response`] is an answer, [`web::Notified`] extracts a
/// notification.
///
/// ```
/// use axum::response::IntoResponse;
/// use ivr_xml::{CmdNone, Response};
/// let doc = Response::builder().main(CmdNone::new()).build()?;
/// let answer = doc.into_response();
/// assert_eq!(answer.status(), 200);
/// assert_eq!(answer.headers()["content-type"], ivr_xml::web::CONTENT_TYPE);
/// # Ok::<(), ivr_xml::BuildError>(())
/// ```
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod web;

pub use commands::{
    CmdNone, Command, ConsultationCall, CreateConf, Get, Hangup, JoinConf, Play, PlayTts, Prompt,
    Redirect, SubCommand,
};
pub use de::{FromXml, Limits, Mode, ParseOptions, Parsed};
pub use deferred_error::PendingError;
pub use error::{BuildError, ErrorKind, ParseError, Position, ValueError, Warning};
pub use judge::{from_slice_with, from_str, from_str_with};
pub use playmix::{MixItem, PlayMix};
pub use raw::{RawElement, RawNode};
pub use raw_attribute::RawAttribute;
pub use response::{Response, ResponseBuilder};
pub use ser::{
    to_string_with, Declaration, EmptyElements, FmtSink, IoSink, Quote, Sink, Style, ToXml,
};

/// What the code `#[derive(Xml)]` generates calls: the writer and the parser's context. Not part
/// of the stable API; a hand-written [`ToXml`] or [`FromXml`] names them from here.
#[doc(hidden)]
pub mod __private {
    pub use crate::de::fast::{
        Bail, FastAttribute, FastReader, FastStart, FastValue, FastValueFallback, FastValueParse,
    };
    pub use crate::de::ParseContext;
    pub use crate::flatten::Flatten;
    pub use crate::judge::{parse_fast, parse_slow};
    pub use crate::ser::XmlWriter;
    /// `#[xml(serde)]`'s impls call these (feature `serde`).
    #[cfg(feature = "serde")]
    pub use crate::serde_model as serde_element;
    pub use crate::value::check_xml_text;
    /// The `serde` options of `XmlValue`, `Message` and `Notification` call these.
    #[cfg(feature = "serde")]
    pub mod serde_support {
        pub use crate::serde_support::{
            deserialize_message, deserialize_notification, deserialize_value, serialize_message,
            serialize_notification, serialize_value,
        };
    }
    /// The `serde` the generated impls name, so that a crate deriving needs no `serde` of its own.
    #[cfg(feature = "serde")]
    pub use serde;
}
#[cfg(feature = "serde")]
pub use value::XmlValueSerde;
pub use value::{
    is_xml_char, EscapeFree, Key, Loop, MaxMember, Method, NumDigits, RelUrl, Text, Timeout,
    VoiceMode, XmlValue,
};

/// Derives [`ToXml`] and [`FromXml`]: the writer and the strict parser of an element type.
///
/// The library's own commands are defined with it, and so are yours. A **struct** is one element,
/// named with `#[xml(element = "Name")]`; each field says where it lives:
///
/// | field attribute | field type | meaning |
/// |---|---|---|
/// | `#[xml(attribute)]` | `T: XmlValue` | a required attribute named like the field |
/// | `#[xml(attribute)]` | `Option<T>` | an optional attribute: `None` is not written |
/// | `#[xml(attribute, default)]` | `T: XmlValue + Default` | missing means `T::default()`; always written |
/// | `#[xml(attribute, rename = "type")]` | any of the above | the attribute's XML name |
/// | `#[xml(text)]` | `T: XmlValue` | the text content |
/// | `#[xml(child)]` | `T` or `Option<T>`, `T: ToXml + FromXml` | one child element |
/// | `#[xml(children)]` | `Vec<T>` | repeated child elements |
/// | `#[xml(children(all))]` | `Vec<T>` | every child element, parsed as `T`, which reports the ones it does not know ([`Response`]'s commands); the element's only content |
/// | `#[xml(extra)]` | `Vec<RawAttribute>` | unknown attributes, kept by the lenient parser; [`ToXml::check`] refuses a name given twice or one of a known attribute ([`RawAttribute::check_extra`]) |
/// | `#[xml(pending)]` | [`PendingError`] | a builder's deferred error, reported by [`ToXml::check`] |
/// | `#[xml(skip)]` | `T: Default` | neither written nor parsed |
/// | `#[xml(attribute, setter)]` | `Option<T>` | a builder method `field(self, value: T) -> Self` |
/// | `#[xml(attribute, setter(new = A))]` | `Option<T>` | `field(self, value: A)`, checked with `T::new(value)`; an error is recorded in the pending field and reported by [`ToXml::check`] |
/// | `#[xml(attribute, setter(new = A))]` | `T` (required) | an argument of the generated `new(...)`, in field order, checked the same way (needs `Default`) |
/// | `#[xml(extra, setter)]` | `Vec<RawAttribute>` | `raw_attribute(name, value)`, checked, recorded the same way |
/// | `#[xml(flatten)]` | a derived, non-generic struct whose fields are attributes | this struct *is* that element plus its own attributes (see below) |
///
/// On the struct, besides `element`: `empty = "end_tag"` (an element without content written
/// `<Name></Name>`), `check = path` (a rule between fields) and `try_from`/`from` with `into`
/// (the struct is another derived type's element, converted), each shown below.
///
/// A struct with one `#[xml(flatten)]` field takes no `element = "..."`: it is written as the
/// flattened type's element, with that type's attributes, then its own (`attribute`, `pending`
/// and `skip` fields only), then the flattened type's raw attributes; the parser gives each
/// attribute to the field that knows it and reports errors at the attribute, as for any element.
/// [`rest::CreateConf`] is [`CreateConf`] plus `passwd` and `passwderrorurl`:
///
/// ```
/// use ivr_xml::{from_str, to_string_with, CreateConf, Style, Xml};
///
/// #[derive(Debug, PartialEq, Xml)]
/// struct Tagged {
///     #[xml(flatten)]
///     conf: CreateConf,
///     #[xml(attribute)]
///     tag: String,
/// }
/// let tagged = Tagged { conf: CreateConf::new().maxmember(5), tag: "blue".into() };
/// let xml = to_string_with(&tagged, &Style::compact())?;
/// assert_eq!(xml, "<CreateConf maxmember='5' tag='blue'/>");
/// assert_eq!(from_str::<Tagged>(&xml)?, tagged);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Attributes are written in field order. A struct may have **type parameters** (not lifetimes
/// or const parameters): each field whose type names one gets the bound its role needs, such as
/// `C: ToXml` in the writer of [`Response<C>`](Response). An **enum** of newtype variants is a choice of
/// elements; `#[xml(other)]` marks the variant (usually [`RawElement`]) that keeps elements no
/// other variant takes, in lenient mode. The derive also implements `From<Variant>` for the enum.
///
/// `#[xml(serde)]` on a struct or an enum (feature `serde`; usually written
/// `#[cfg_attr(feature = "serde", xml(serde))]`) also implements `Serialize` and `Deserialize`
/// through this mapping: the JSON is the element's, and reading it runs the parser's checks
/// (see `ivr_xml::serde_model` for the shape).
///
/// What a derived type writes reads back to the same value, or [`ToXml::check`] refuses it: an
/// enum value whose element a parser would give to another variant (a [`RawElement`] named
/// `Play` in the `other` variant reads back as the `Play` variant), and, in a struct with more
/// than one field of children, a child that a parser would put in another field.
///
/// A platform command the library does not ship, placed in a [`Response`] next to the library's:
///
/// ```
/// use ivr_xml::{Command, Hangup, Response, ResponseBuilder, Timeout, Xml};
///
/// /// `<EnterCCS>`: the agent queue (field evidence).
/// #[derive(Debug, Clone, PartialEq, Xml)]
/// #[xml(element = "EnterCCS")]
/// struct EnterCcs {
///     #[xml(attribute)]
///     queuetype: u8,
///     #[xml(attribute)]
///     timeout: Option<Timeout>,
///     #[xml(children)]
///     prompts: Vec<ivr_xml::Play>,
/// }
/// impl ivr_xml::SubCommand for EnterCcs {}
///
/// #[derive(Debug, Clone, PartialEq, Xml)]
/// enum AppCommand {
///     EnterCcs(EnterCcs),
///     Std(Command),
/// }
///
/// impl From<Hangup> for AppCommand {
///     fn from(hangup: Hangup) -> AppCommand {
///         AppCommand::Std(hangup.into())
///     }
/// }
///
/// let doc = ResponseBuilder::<AppCommand>::new()
///     .main(EnterCcs { queuetype: 0, timeout: Some(Timeout::new(30)?), prompts: vec![ivr_xml::Play::new("switch.wav")] })
///     .then(Hangup::new())
///     .build()?;
/// let text = doc.to_string_with(&ivr_xml::Style::compact());
/// assert_eq!(text, "<?xml version='1.0' encoding='UTF-8'?><Response><EnterCCS queuetype='0' timeout='30'><Play>switch.wav</Play></EnterCCS><Hangup/></Response>");
/// assert_eq!(text.parse::<Response<AppCommand>>()?, doc);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// `rename` and `default`:
///
/// ```
/// use ivr_xml::{from_str, Xml};
///
/// #[derive(Debug, PartialEq, Xml)]
/// #[xml(element = "Beep")]
/// struct Beep {
///     #[xml(attribute, rename = "type")]
///     kind: String,
///     #[xml(attribute, default)]
///     count: u32,
/// }
/// assert_eq!(from_str::<Beep>("<Beep type='short'/>")?, Beep { kind: "short".into(), count: 0 });
/// assert!(from_str::<Beep>("<Beep count='2'/>").unwrap_err().to_string().contains("missing its required attribute `type`"));
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
///
/// `child` and `skip`:
///
/// ```
/// use ivr_xml::{from_str, Play, Xml};
///
/// #[derive(Debug, PartialEq, Xml)]
/// #[xml(element = "Hold")]
/// struct Hold {
///     #[xml(child)]
///     music: Play,
///     #[xml(skip)]
///     note: String,
/// }
/// let hold: Hold = from_str("<Hold><Play>wait.wav</Play></Hold>")?;
/// assert_eq!(hold.music.file.as_str(), "wait.wav");
/// assert!(from_str::<Hold>("<Hold/>").is_err());
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
///
/// `text` and `extra`, with the lenient parser:
///
/// ```
/// use ivr_xml::{from_str_with, ParseOptions, RawAttribute, Xml};
///
/// #[derive(Debug, PartialEq, Xml)]
/// #[xml(element = "Say")]
/// struct Say {
///     #[xml(extra)]
///     extra: Vec<RawAttribute>,
///     #[xml(text)]
///     text: String,
/// }
/// let parsed = from_str_with::<Say>("<Say voice='f'>hi</Say>", &ParseOptions::lenient())?;
/// assert_eq!(parsed.value.extra[0].name(), "voice");
/// assert_eq!(parsed.warnings.len(), 1);
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
///
/// `pending`, for builders that take plain values and report a bad one when the document is built:
///
/// ```
/// use ivr_xml::{to_string_with, PendingError, Style, Timeout, Xml};
///
/// #[derive(Debug, Default, Xml)]
/// #[xml(element = "Wait")]
/// struct Wait {
///     #[xml(attribute)]
///     timeout: Option<Timeout>,
///     #[xml(pending)]
///     pending: PendingError,
/// }
/// impl Wait {
///     fn timeout(mut self, seconds: u32) -> Wait {
///         self.timeout = self.pending.record(Timeout::new(seconds));
///         self
///     }
/// }
/// assert_eq!(to_string_with(&Wait::default().timeout(5), &Style::docs())?, "<Wait timeout='5'/>");
/// assert!(to_string_with(&Wait::default().timeout(0), &Style::docs()).is_err());
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
///
/// `empty = "end_tag"` on a struct: an element without content is written `<Name ...></Name>`,
/// as the official REST `<Dial>` body writes it, under [`EmptyElements::AsDocs`] (the default),
/// and `<Name .../>` under [`EmptyElements::SelfClosing`] (`empty = "self_closing"`, the default
/// form, always writes `<Name .../>`). Not for an element with `text` (always written with its
/// end tag); both forms are read.
///
/// ```
/// use ivr_xml::{from_str, to_string_with, EmptyElements, Style, Xml};
///
/// #[derive(Debug, PartialEq, Xml)]
/// #[xml(element = "Callback", empty = "end_tag")]
/// struct Callback {
///     #[xml(attribute)]
///     number: String,
/// }
/// let callback = Callback { number: "13812345678".into() };
/// assert_eq!(to_string_with(&callback, &Style::docs())?, "<Callback number='13812345678'></Callback>");
/// let short = Style::docs().empty_elements(EmptyElements::SelfClosing);
/// assert_eq!(to_string_with(&callback, &short)?, "<Callback number='13812345678'/>");
/// assert_eq!(from_str::<Callback>("<Callback number='13812345678'/>")?, callback);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// `check = path` on a struct: a rule between fields that no field's type can hold, a
/// `fn(&Self) -> Result<(), ValueError>` that [`ToXml::check`] calls after the derived checks
/// (so writing refuses what it refuses; the parser does not call it). serde's string form,
/// `check = "path"`, is read too.
///
/// ```
/// use ivr_xml::{to_string_with, Style, ValueError, Xml};
///
/// #[derive(Debug, Xml)]
/// #[xml(element = "Range", check = Range::ordered)]
/// struct Range {
///     #[xml(attribute)]
///     min: u32,
///     #[xml(attribute)]
///     max: u32,
/// }
/// impl Range {
///     fn ordered(&self) -> Result<(), ValueError> {
///         match self.min <= self.max {
///             true => Ok(()),
///             false => Err(ValueError::new("Range", format!("{}..{}", self.min, self.max), "min <= max")),
///         }
///     }
/// }
/// assert_eq!(to_string_with(&Range { min: 1, max: 3 }, &Style::docs())?, "<Range min='1' max='3'/>");
/// let err = to_string_with(&Range { min: 3, max: 1 }, &Style::docs()).unwrap_err();
/// assert_eq!(err.what(), "Range");
/// # Ok::<(), ValueError>(())
/// ```
///
/// `from = W` or `try_from = W`, with `into = W` (serde's names; `"W"` strings are read too): a
/// struct whose public shape is not its element's. The derive maps the wire type `W` (itself
/// derived, one element); the struct is read as `W` and converted with `From<W>`, or
/// `TryFrom<W>` whose error converts into [`ValueError`] and is reported at the element
/// (line:column and path, as any value error); it is written by converting `&Self` with
/// `From<&Self>` into the `into` type, which may borrow from `self` (so writing need not clone
/// or build strings: the `into` type can be `W` with borrowed type arguments), and described
/// as `W`. The struct's fields take no `#[xml(...)]` role, and the element's options (`element`,
/// `empty`, `known`, the flags) go on `W`; `check` may be added. [`PlayMix`] is one: its items
/// are read from and written to the `type` codes and the `;`-separated text.
///
/// ```
/// use ivr_xml::{from_str, to_string_with, Style, ValueError, Xml};
///
/// /// The element as written: `<Size>3x4</Size>`.
/// #[derive(Xml)]
/// #[xml(element = "Size")]
/// struct SizeWire {
///     #[xml(text)]
///     text: String,
/// }
///
/// /// The public type: two numbers.
/// #[derive(Debug, PartialEq, Xml)]
/// #[xml(try_from = SizeWire, into = SizeWire)]
/// struct Size {
///     width: u32,
///     height: u32,
/// }
/// impl TryFrom<SizeWire> for Size {
///     type Error = ValueError;
///     fn try_from(wire: SizeWire) -> Result<Size, ValueError> {
///         let refuse = || ValueError::new("Size", wire.text.clone(), "WIDTHxHEIGHT");
///         let (w, h) = wire.text.split_once('x').ok_or_else(refuse)?;
///         Ok(Size { width: w.parse().map_err(|_| refuse())?, height: h.parse().map_err(|_| refuse())? })
///     }
/// }
/// impl From<&Size> for SizeWire {
///     fn from(size: &Size) -> SizeWire {
///         SizeWire { text: format!("{}x{}", size.width, size.height) }
///     }
/// }
/// let size: Size = from_str("<Size>3x4</Size>")?;
/// assert_eq!(size, Size { width: 3, height: 4 });
/// assert_eq!(to_string_with(&size, &Style::docs())?, "<Size>3x4</Size>");
/// let err = from_str::<Size>("<Size>big</Size>").unwrap_err();
/// assert!(err.to_string().contains("WIDTHxHEIGHT"), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// `other`, the variant that keeps what no other variant takes (lenient mode only):
///
/// ```
/// use ivr_xml::{from_str, from_str_with, ParseOptions, Play, RawElement, Xml};
///
/// #[derive(Debug, PartialEq, Xml)]
/// enum Media {
///     Play(Play),
///     #[xml(other)]
///     Unknown(RawElement),
/// }
/// assert!(from_str::<Media>("<Video src='a.mp4'/>").is_err());
/// let parsed = from_str_with::<Media>("<Video src='a.mp4'/>", &ParseOptions::lenient())?;
/// assert!(matches!(parsed.value, Media::Unknown(ref raw) if raw.name() == "Video"));
/// assert_eq!(parsed.warnings.len(), 1);
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
pub use ivr_xml_derive::Xml;

/// The crate README's examples, run as doctests so that the README stays true. The README is
/// the package's own (`ivr-xml/README.md`): doctests read no file outside the package, so
/// `cargo package` and docs.rs build them as they are here. The workspace README is doctested
/// by the (unpublished) workspace package.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
