//! Deferred errors of builders: a setter given an invalid value records it, and building the document reports it.

use crate::error::ValueError;

/// The first invalid value a builder was given, reported when the document is built.
///
/// Builders take plain values (`.numdigits(1)`, `Play::new("menu.wav")`) so that a document reads
/// like the docs; a value that is out of range or holds a character XML cannot carry is recorded
/// here instead of being stored, and [`ResponseBuilder::build`](crate::ResponseBuilder::build)
/// (or [`to_string_with`](crate::to_string_with)) refuses the document. In a type of your own,
/// mark a field of this type `#[xml(pending)]` and the derive reports it from
/// [`ToXml::check`](crate::ToXml::check).
///
/// ```
/// use ivr_xml::{NumDigits, PendingError};
/// let mut pending = PendingError::default();
/// assert_eq!(pending.record(NumDigits::new(4)).map(NumDigits::get), Some(4));
/// assert_eq!(pending.record(NumDigits::new(0)), None);
/// assert!(pending.check().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct PendingError(Option<Box<ValueError>>);

impl PendingError {
    /// Returns the value, or records the error (keeping the first) and returns `None`.
    ///
    /// ```
    /// use ivr_xml::{NumDigits, PendingError, Timeout};
    /// let mut pending = PendingError::default();
    /// assert!(pending.record(NumDigits::new(99)).is_some());
    /// assert!(pending.record(NumDigits::new(0)).is_none());
    /// assert!(pending.record(Timeout::new(0)).is_none());
    /// assert_eq!(pending.check().unwrap_err().what(), "numdigits"); // the first one is kept
    /// ```
    pub fn record<T>(&mut self, result: Result<T, ValueError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(err) => {
                if self.0.is_none() {
                    self.0 = Some(Box::new(err));
                }
                None
            }
        }
    }

    /// The recorded error, if any.
    ///
    /// ```
    /// use ivr_xml::PendingError;
    /// assert!(PendingError::default().check().is_ok());
    /// ```
    pub fn check(&self) -> Result<(), ValueError> {
        match &self.0 {
            Some(err) => Err((**err).clone()),
            None => Ok(()),
        }
    }
}
