//! The writer: styles, output sinks, escaping, and the [`ToXml`] trait the derive implements.
//!
//! ```
//! use ivr_xml::ser::{to_string_with, Quote, Style};
//! use ivr_xml::Redirect;
//! let redirect = Redirect::new("menu?a=1&b=2").tag("x");
//! let style = Style::docs().quote(Quote::Double);
//! assert_eq!(to_string_with(&redirect, &style)?, r#"<Redirect tag="x">menu?a=1&amp;b=2</Redirect>"#);
//! # Ok::<(), ivr_xml::ValueError>(())
//! ```

mod content;
mod escape;
mod sink;
mod style;
mod writer;

use crate::error::ValueError;

pub use sink::{FmtSink, IoSink, Sink};
pub use style::{Declaration, EmptyElements, Quote, Style};
pub use writer::XmlWriter;

/// A type that writes itself as one XML element (or, for an enum, as the alternative it holds).
///
/// Implemented by the [`Xml`](crate::Xml) derive; see its documentation.
///
/// ```
/// use ivr_xml::{to_string_with, Command, Play, Style, ToXml};
/// let play = Play::new("menu.wav");
/// assert_eq!(play.element_name(), "Play");
/// assert!(play.check().is_ok());
/// assert_eq!(to_string_with(&play, &Style::docs())?, "<Play>menu.wav</Play>");
/// // An enum reports the alternative it holds.
/// let command: Command = play.into();
/// assert_eq!(command.element_name(), "Play");
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
pub trait ToXml {
    /// Writes the element.
    fn write_xml<S: Sink + ?Sized>(&self, writer: &mut XmlWriter<'_, S>) -> Result<(), S::Error>;

    /// Reports the first invalid value a builder was given, if any, here or in a child.
    fn check(&self) -> Result<(), ValueError> {
        Ok(())
    }

    /// The element's name, for messages (an enum reports the alternative it holds).
    fn element_name(&self) -> &str;
}

impl<T: ToXml> ToXml for Box<T> {
    fn write_xml<S: Sink + ?Sized>(&self, writer: &mut XmlWriter<'_, S>) -> Result<(), S::Error> {
        (**self).write_xml(writer)
    }
    fn check(&self) -> Result<(), ValueError> {
        (**self).check()
    }
    fn element_name(&self) -> &str {
        (**self).element_name()
    }
}

/// Writes one element as a fragment (no declaration) in `style`.
///
/// Fails, writing nothing, if a builder was given an invalid value.
///
/// ```
/// use ivr_xml::{to_string_with, Play, Style};
/// let play = Play::new("menu.wav").repeat(-1);
/// assert_eq!(to_string_with(&play, &Style::docs()).unwrap(), "<Play loop='-1'>menu.wav</Play>");
/// ```
pub fn to_string_with<T: ToXml + ?Sized>(value: &T, style: &Style) -> Result<String, ValueError> {
    value.check()?;
    let mut out = String::new();
    let mut writer = XmlWriter::new(&mut out, style);
    match value.write_xml(&mut writer) {
        Ok(()) => Ok(out),
        Err(never) => match never {},
    }
}
