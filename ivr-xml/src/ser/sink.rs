//! Where the writer puts its output.

use std::convert::Infallible;
use std::fmt;
use std::io;

/// Where the writer puts its output: a `String`, any [`fmt::Write`] ([`FmtSink`]) or any [`io::Write`] ([`IoSink`]).
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

/// Adapts any [`fmt::Write`] (a `Formatter`, a `String` behind `&mut dyn fmt::Write`) into a [`Sink`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct FmtSink<W>(pub W);

impl<W: fmt::Write> Sink for FmtSink<W> {
    type Error = fmt::Error;
    fn write_str(&mut self, text: &str) -> Result<(), fmt::Error> {
        self.0.write_str(text)
    }
}

/// Adapts any [`io::Write`] (a file, a socket, a `Vec<u8>`) into a [`Sink`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct IoSink<W>(pub W);

impl<W: io::Write> Sink for IoSink<W> {
    type Error = io::Error;
    fn write_str(&mut self, text: &str) -> Result<(), io::Error> {
        self.0.write_all(text.as_bytes())
    }
}
