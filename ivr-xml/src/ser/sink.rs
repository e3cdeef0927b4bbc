//! Where the writer puts its output.

use std::convert::Infallible;
use std::fmt;
use std::io;

/// Where the writer puts its output: a `String`, any [`fmt::Write`] ([`FmtSink`]) or any [`io::Write`] ([`IoSink`]).
///
/// ```
/// use std::convert::Infallible;
/// use ivr_xml::{Hangup, Response, Sink, Style};
///
/// /// Counts the bytes of a document without keeping them.
/// #[derive(Default)]
/// struct Counter(usize);
/// impl Sink for Counter {
///     type Error = Infallible;
///     fn write_str(&mut self, text: &str) -> Result<(), Infallible> {
///         self.0 += text.len();
///         Ok(())
///     }
/// }
///
/// let doc = Response::builder().main(Hangup::new()).build()?;
/// let mut counter = Counter::default();
/// let Ok(()) = doc.write_to_sink(&mut counter, &Style::compact());
/// assert_eq!(counter.0, doc.to_string_with(&Style::compact()).len());
/// # Ok::<(), ivr_xml::BuildError>(())
/// ```
pub trait Sink {
    /// The sink's error (`Infallible` for `String`).
    type Error;
    /// Appends `text`.
    fn write_str(&mut self, text: &str) -> Result<(), Self::Error>;
}

impl Sink for String {
    type Error = Infallible;
    #[inline]
    fn write_str(&mut self, text: &str) -> Result<(), Infallible> {
        self.push_str(text);
        Ok(())
    }
}

/// A byte buffer is a sink that cannot fail, as fast as a `String`: what
/// [`Response::write_to_vec`](crate::Response::write_to_vec) writes into.
///
/// ```
/// use ivr_xml::{Response, Sink, Style};
/// let mut out: Vec<u8> = b"body: ".to_vec();
/// let Ok(()) = Response::cmd_none().write_to_sink(&mut out, &Style::compact());
/// assert_eq!(out, b"body: <?xml version='1.0' encoding='UTF-8'?><Response><CmdNone/></Response>");
/// let Ok(()) = out.write_str("!");
/// assert!(out.ends_with(b"!"));
/// ```
impl Sink for Vec<u8> {
    type Error = Infallible;
    #[inline]
    fn write_str(&mut self, text: &str) -> Result<(), Infallible> {
        self.extend_from_slice(text.as_bytes());
        Ok(())
    }
}

/// Adapts any [`fmt::Write`] (a `Formatter`, a `String` behind `&mut dyn fmt::Write`) into a [`Sink`].
///
/// ```
/// use std::fmt::Write;
/// use ivr_xml::{CmdNone, FmtSink, Response, Style};
/// let doc = Response::builder().main(CmdNone::new()).build()?;
/// let mut out = String::from("body: ");
/// doc.write_to_sink(&mut FmtSink(&mut out as &mut dyn Write), &Style::compact())?;
/// assert_eq!(out, "body: <?xml version='1.0' encoding='UTF-8'?><Response><CmdNone/></Response>");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct FmtSink<W>(pub W);

impl<W: fmt::Write> Sink for FmtSink<W> {
    type Error = fmt::Error;
    fn write_str(&mut self, text: &str) -> Result<(), fmt::Error> {
        self.0.write_str(text)
    }
}

/// Adapts any [`io::Write`] (a file, a socket, a `Vec<u8>`) into a [`Sink`].
///
/// ```
/// use ivr_xml::{CmdNone, IoSink, Response, Style};
/// let doc = Response::builder().main(CmdNone::new()).build()?;
/// let mut sink = IoSink(Vec::new());
/// doc.write_to_sink(&mut sink, &Style::compact())?;
/// assert_eq!(sink.0, b"<?xml version='1.0' encoding='UTF-8'?><Response><CmdNone/></Response>");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct IoSink<W>(pub W);

impl<W: io::Write> Sink for IoSink<W> {
    type Error = io::Error;
    fn write_str(&mut self, text: &str) -> Result<(), io::Error> {
        self.0.write_all(text.as_bytes())
    }
}
