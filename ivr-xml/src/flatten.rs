//! The runtime side of `#[xml(flatten)]`: what the derive generates for an attributes-only
//! element type so that another struct can be that element plus attributes of its own.

use crate::de::{Attribute, Element, ParseContext};
use crate::error::ParseError;
use crate::raw_attribute::RawAttribute;
use crate::ser::{Sink, XmlWriter};

/// An element type another struct can `#[xml(flatten)]`: `#[derive(Xml)]` implements it for
/// every non-generic struct whose fields are attributes (no text, no children).
///
/// Generated code calls it; it is not part of the public API.
///
/// ```
/// use ivr_xml::__private::Flatten;
/// use ivr_xml::CreateConf;
/// fn flattenable<T: Flatten>() {}
/// flattenable::<CreateConf>();
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be #[xml(flatten)]: it is not a non-generic #[derive(Xml)] struct whose fields are attributes",
    label = "flattened here"
)]
pub trait Flatten: Sized {
    /// Writes the element: start tag, this type's attributes, then `outer`'s, then the raw
    /// attributes, and the end of the (empty) element.
    fn write_flattened<S, F>(
        &self,
        writer: &mut XmlWriter<'_, S>,
        outer: F,
    ) -> Result<(), S::Error>
    where
        S: Sink + ?Sized,
        F: FnOnce(&mut XmlWriter<'_, S>) -> Result<(), S::Error>;

    /// Parses the element; an attribute this type does not know goes to `outer` first (which
    /// says whether it took it), and an unknown one expects this type's names, then `outer_names`.
    fn parse_flattened<F>(
        element: &Element<'_>,
        cx: &mut ParseContext<'_>,
        outer_names: &[&'static str],
        outer: F,
    ) -> Result<Self, ParseError>
    where
        F: FnMut(&Attribute<'_>, &mut ParseContext<'_>) -> Result<bool, ParseError>;

    /// The raw attributes written after the flattening struct's (empty if the type keeps none).
    fn flattened_extra(&self) -> &[RawAttribute];

    /// The element's description, which the flattening struct's extends with its attributes.
    const DESCRIPTION: &'static crate::describe::ElementDescription;
}
