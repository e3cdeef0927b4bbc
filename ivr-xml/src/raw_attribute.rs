//! [`RawAttribute`], an attribute kept as written, and the XML-name check raw items share. A
//! module of its own, below the parser, the writer and the raw elements, so that each of them can
//! name the type without depending on the others (it was in `raw`, which depends on both `de` and
//! `ser`, while they needed it back). Re-exported at its old paths, `ivr_xml::RawAttribute`.

use crate::error::ValueError;
use crate::value::{check_xml_chars, is_xml_name};

/// Whether `name` is an XML name (XML 1.0 §2.3), the same test the parser applies to what it reads.
pub(crate) fn check_name(name: &str) -> Result<(), ValueError> {
    if is_xml_name(name) {
        Ok(())
    } else {
        Err(ValueError::new(
            "XML name",
            name,
            "a letter or `_` followed by letters, digits, `_`, `-`, `.`",
        ))
    }
}

/// An attribute kept as written: an unknown attribute of a known command, or one you add by hand.
///
/// ```
/// use ivr_xml::RawAttribute;
/// let attr = RawAttribute::new("firstendkey", "*").unwrap();
/// assert_eq!((attr.name(), attr.value()), ("firstendkey", "*"));
/// assert!(RawAttribute::new("1bad", "x").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RawAttribute {
    pub(crate) name: String,
    pub(crate) value: String,
}

impl RawAttribute {
    /// Makes the attribute, refusing a name that is not an XML name and characters XML cannot carry.
    ///
    /// ```
    /// use ivr_xml::RawAttribute;
    /// assert!(RawAttribute::new("firstendkey", "*").is_ok());
    /// assert!(RawAttribute::new("two words", "x").is_err());
    /// ```
    pub fn new(
        name: impl Into<String>,
        value: impl Into<String>,
    ) -> Result<RawAttribute, ValueError> {
        let (name, value) = (name.into(), value.into());
        check_name(&name)?;
        check_xml_chars("attribute value", &value)?;
        Ok(RawAttribute { name, value })
    }

    /// The attribute's name.
    ///
    /// ```
    /// let attr = ivr_xml::RawAttribute::new("firstendkey", "*").unwrap();
    /// assert_eq!(attr.name(), "firstendkey");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The attribute's value, unescaped.
    ///
    /// ```
    /// let attr = ivr_xml::RawAttribute::new("note", "a & b").unwrap();
    /// assert_eq!(attr.value(), "a & b"); // unescaped
    /// ```
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Checks the raw attributes of one `<element>` before it is written, so that the element
    /// reads back as it was built: each name is an XML name and is given once, each value holds
    /// only characters XML can carry, and no name is one the element writes itself. `known`
    /// lists those: each known attribute's name and what writes it (`("loop", "Play::repeat")`),
    /// for the message.
    ///
    /// The [`Xml`](crate::Xml) derive calls it from [`ToXml::check`](crate::ToXml::check) for an
    /// `#[xml(extra)]` field; a hand-written `check` of a type with raw attributes calls it too.
    /// Repeated names are found in `O(n log n)`.
    ///
    /// ```
    /// use ivr_xml::RawAttribute;
    /// let extra = [RawAttribute::new("loop", "3")?];
    /// let err = RawAttribute::check_extra("Play", &[("loop", "Play::repeat")], &extra).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid raw attribute `loop`: expected a name `<Play>` does not write itself \
    ///      (`loop` is written by `Play::repeat`; a raw attribute cannot repeat or stand for a known attribute)"
    /// );
    /// let twice = [RawAttribute::new("v", "1")?, RawAttribute::new("v", "2")?];
    /// assert!(RawAttribute::check_extra("Play", &[], &twice).is_err());
    /// assert!(RawAttribute::check_extra("Play", &[("loop", "Play::repeat")], &twice[..1]).is_ok());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn check_extra(
        element: &str,
        known: &[(&str, &str)],
        extra: &[RawAttribute],
    ) -> Result<(), ValueError> {
        for attribute in extra {
            // Made by `new`, or by a parser: checked again, so that nothing read leniently is
            // written as what XML cannot carry.
            check_name(&attribute.name)?;
            check_xml_chars("attribute value", &attribute.value)?;
            if let Some((name, writer)) = known.iter().find(|(name, _)| *name == attribute.name) {
                return Err(ValueError::new(
                    "raw attribute",
                    *name,
                    format!(
                        "a name `<{element}>` does not write itself (`{name}` is written by \
                         `{writer}`; a raw attribute cannot repeat or stand for a known attribute)"
                    ),
                ));
            }
        }
        match first_repeated(extra) {
            None => Ok(()),
            Some(name) => Err(ValueError::new(
                "raw attribute",
                name,
                format!(
                    "each attribute once (`<{element}>` already has a raw attribute `{name}`; \
                     XML allows an attribute once per element)"
                ),
            )),
        }
    }
}

/// A name given to two of `attributes`, if any: pairwise for a few, sorted for many.
fn first_repeated(attributes: &[RawAttribute]) -> Option<&str> {
    if attributes.len() <= 16 {
        return attributes.iter().enumerate().find_map(|(i, a)| {
            attributes
                .get(i + 1..)?
                .iter()
                .any(|b| b.name == a.name)
                .then_some(a.name.as_str())
        });
    }
    let mut names: Vec<&str> = attributes.iter().map(|a| a.name.as_str()).collect();
    names.sort_unstable();
    names
        .windows(2)
        .find(|pair| pair.first() == pair.last())
        .and_then(|pair| pair.first().copied())
}
