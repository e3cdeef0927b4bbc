//! Values typed on the fast path: the generated code parses each attribute and text through
//! [`FastValue`], which bails out where the tree path would report an error.

use std::borrow::Cow;

use crate::value::XmlValue;

use super::Bail;

/// Parses a value as `T` on the fast path: `(&FastValue::<T>::new()).fast_parse(text)`, with
/// [`FastValueParse`] and [`FastValueFallback`] in scope. The text is one the fast path read,
/// so it holds only characters XML 1.0 can carry: [`XmlValue::parse_xml_text`] takes it. When `T` is not an
/// [`XmlValue`](crate::XmlValue), method resolution picks the fallback, which bails out: so a
/// field whose type is not a value is reported once, by the tree path's code, not twice.
///
/// ```
/// use ivr_xml::__private::{Bail, FastValue, FastValueFallback as _, FastValueParse as _};
/// assert_eq!((&FastValue::<u32>::new()).fast_parse("7".into()), Ok(7));
/// assert_eq!((&FastValue::<u32>::new()).fast_parse("x".into()), Err(Bail));
/// struct NotAValue;
/// assert!((&FastValue::<NotAValue>::new()).fast_parse("7".into()).is_err());
/// ```
#[derive(Debug)]
pub struct FastValue<T>(std::marker::PhantomData<fn() -> T>);

impl<T> FastValue<T> {
    /// The parser of `T`s.
    ///
    /// ```
    /// use ivr_xml::__private::{FastValue, FastValueParse as _};
    /// assert_eq!((&FastValue::<bool>::new()).fast_parse("true".into()), Ok(true));
    /// ```
    #[allow(clippy::new_without_default)]
    pub fn new() -> FastValue<T> {
        FastValue(std::marker::PhantomData)
    }
}

/// Parsing a value that is an [`XmlValue`](crate::XmlValue); see [`FastValue`].
///
/// ```
/// use ivr_xml::__private::{FastValue, FastValueParse};
/// assert_eq!(FastValueParse::fast_parse(&FastValue::<i32>::new(), "-1".into()), Ok(-1));
/// ```
pub trait FastValueParse<T> {
    /// Parses `text` as a `T`, or bails out.
    fn fast_parse(&self, text: Cow<'_, str>) -> Result<T, Bail>;
}

impl<T: XmlValue> FastValueParse<T> for FastValue<T> {
    #[inline]
    fn fast_parse(&self, text: Cow<'_, str>) -> Result<T, Bail> {
        T::parse_xml_text(text).map_err(|_| Bail)
    }
}

/// The fallback for a type that is not a value: bails out; see [`FastValue`].
///
/// ```
/// use ivr_xml::__private::{Bail, FastValue, FastValueFallback};
/// // Called directly, the fallback bails out even for a value type.
/// assert_eq!(FastValueFallback::fast_parse(&&FastValue::<i32>::new(), "1".into()), Err(Bail));
/// ```
pub trait FastValueFallback<T> {
    /// Bails out.
    fn fast_parse(&self, text: Cow<'_, str>) -> Result<T, Bail>;
}

impl<T> FastValueFallback<T> for &FastValue<T> {
    fn fast_parse(&self, _text: Cow<'_, str>) -> Result<T, Bail> {
        Err(Bail)
    }
}
