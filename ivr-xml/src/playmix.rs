//! `<PlayMix>`: typed items from which the `type` codes are derived, so codes and items cannot disagree.

use crate::deferred_error::PendingError;
use crate::error::ValueError;
use crate::raw_attribute::RawAttribute;
use crate::value::{check_xml_chars, Text, XmlValue};
use crate::Xml;

/// One item of a [`PlayMix`]: an audio file, digits read out, or an item with a code the library does not know.
///
/// Codes `4` (file) and `0` (digits) agree across every sample (field evidence); others are unknown.
///
/// ```
/// use ivr_xml::{MixItem, PlayMix};
/// let mix = PlayMix::new().file("confid.wav").digits("12345678");
/// assert_eq!(mix.items[1], MixItem::new('0', "12345678")?);
/// # Ok::<(), ivr_xml::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MixItem {
    /// Code `4`: an audio file.
    File(Text),
    /// Code `0`: a number read out digit by digit (the guide's `$confid`).
    Digits(Text),
    /// Any other one-digit code, with its text.
    Raw {
        /// The code, an ASCII digit other than `0` and `4`.
        code: char,
        /// The item's text.
        text: Text,
    },
}

impl MixItem {
    /// The item's `type` code.
    ///
    /// ```
    /// use ivr_xml::MixItem;
    /// assert_eq!(MixItem::new('4', "a.wav")?.code(), '4');
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn code(&self) -> char {
        match self {
            MixItem::File(_) => '4',
            MixItem::Digits(_) => '0',
            MixItem::Raw { code, .. } => *code,
        }
    }

    /// The item's text.
    ///
    /// ```
    /// use ivr_xml::MixItem;
    /// assert_eq!(MixItem::new('0', "42")?.text().as_str(), "42");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn text(&self) -> &Text {
        match self {
            MixItem::File(text) | MixItem::Digits(text) | MixItem::Raw { text, .. } => text,
        }
    }

    /// Makes an item from its code and text, checking both.
    ///
    /// ```
    /// use ivr_xml::MixItem;
    /// assert!(matches!(MixItem::new('4', "a.wav")?, MixItem::File(_)));
    /// assert!(MixItem::new('4', "a;b").is_err()); // `;` separates items
    /// assert!(MixItem::new('x', "a").is_err());
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new(code: char, text: &str) -> Result<MixItem, ValueError> {
        if text.is_empty() || text.contains(';') {
            return Err(ValueError::new(
                "PlayMix item",
                text,
                "a non-empty item without `;` (items are separated by `;`)",
            ));
        }
        let text = Text::new(text)?;
        match code {
            '4' => Ok(MixItem::File(text)),
            '0' => Ok(MixItem::Digits(text)),
            '1'..='9' => Ok(MixItem::Raw { code, text }),
            _ => Err(ValueError::new(
                "PlayMix type code",
                code.to_string(),
                "one ASCII digit per item",
            )),
        }
    }
}

/// `<PlayMix type='40'>createconf.wav;$confid</PlayMix>` 播放混合音: files and spoken values in
/// one prompt \[guide\]. The `type` attribute is derived from the items, one code per item.
///
/// A `<PlayMix>` has at least one item: every example has a `type` with at least one code (spec
/// §2.3, `type` required \[inferred\] from the guide and field examples), and an empty one would
/// be `<PlayMix type=''></PlayMix>`, which plays nothing. The builder refuses it when the
/// document is built; the parser reads it as rule IVR206 (`playmix-mismatch`, a warning by
/// default: the command is kept raw) and the validator reports the same code, with the same
/// message (one [`ValueError`], `invalid PlayMix`).
///
/// A trailing `;` after the last item (`inputprojectno.wav;` with `type='4'`, seen in the field)
/// is not an item: the parser drops it, as the spec says to ignore it, and the writer does not
/// write it back, so such a document reads and writes as `inputprojectno.wav` (spec §2.3
/// \[guide\] \[field\]).
///
/// ```
/// use ivr_xml::{Command, PlayMix, Response};
/// // No item: refused when the document is built.
/// let err = Response::builder().main(PlayMix::new()).build().unwrap_err();
/// assert_eq!(err.value_error().what(), "PlayMix");
/// // A trailing `;` is read and dropped.
/// let doc = Response::parse("<Response><PlayMix type='4'>inputprojectno.wav;</PlayMix></Response>")?;
/// let Command::PlayMix(mix) = &doc.commands()[0] else { panic!() };
/// assert_eq!(mix.text(), "inputprojectno.wav");
/// assert!(doc.to_string().contains("<PlayMix type='4'>inputprojectno.wav</PlayMix>"));
/// # Ok::<(), ivr_xml::ParseError>(())
/// ```
///
/// ```
/// use ivr_xml::{to_string_with, PlayMix, Style};
/// let mix = PlayMix::new().file("createconf.wav").digits("12345678");
/// assert_eq!(
///     to_string_with(&mix, &Style::docs()).unwrap(),
///     "<PlayMix type='40'>createconf.wav;12345678</PlayMix>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[xml(
    try_from = wire::PlayMix<String, String>,
    into = wire::PlayMix<Codes<'_>, Texts<'_>>,
    check = PlayMix::check_items
)]
pub struct PlayMix {
    /// The items, in order.
    pub items: Vec<MixItem>,
    /// Unknown attributes, in order.
    pub extra: Vec<RawAttribute>,
    pending: PendingError,
}

mod wire {
    use crate::raw_attribute::RawAttribute;
    use crate::Xml;

    /// The element as written: the `type` codes, the raw attributes and the `;`-separated
    /// items. The parser reads `PlayMix<String, String>` and [`super::PlayMix`] pairs codes and
    /// items (`TryFrom`); the writer writes `PlayMix<Codes, Texts>`, views of the items that
    /// build neither string (`From<&PlayMix>`). Named like the public type so that messages
    /// name `PlayMix::items` as what writes `type`.
    #[derive(Xml)]
    #[xml(element = "PlayMix")]
    pub(super) struct PlayMix<C, T> {
        #[xml(attribute, rename = "type")]
        pub(super) items: C,
        #[xml(extra)]
        pub(super) extra: Vec<RawAttribute>,
        #[xml(text)]
        pub(super) text: T,
    }
}

/// The `type` codes of a [`PlayMix`]'s items, as the writer writes them (one per item).
pub(crate) struct Codes<'a>(&'a [MixItem]);

/// The items' texts joined by `;`, as the writer writes them (in pieces: [`XmlValue::with_pieces`]).
pub(crate) struct Texts<'a>(&'a [MixItem]);

impl<'a> From<&'a PlayMix> for wire::PlayMix<Codes<'a>, Texts<'a>> {
    #[inline]
    fn from(mix: &'a PlayMix) -> Self {
        wire::PlayMix {
            items: Codes(&mix.items),
            // Nearly always empty: then nothing is cloned.
            extra: match mix.extra.is_empty() {
                true => Vec::new(),
                false => mix.extra.clone(),
            },
            text: Texts(&mix.items),
        }
    }
}

/// What a view is refused as: it is written, never parsed (the parser reads strings).
fn written_only(text: &str) -> ValueError {
    ValueError::new(
        "PlayMix view",
        text,
        "a value the writer writes (never parsed)",
    )
}

impl XmlValue for Codes<'_> {
    /// One `str` of constant length for one or two items with a digit code (nearly always),
    /// built otherwise.
    #[inline]
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        /// The codes of two items, "00" to "99", two bytes each.
        const PAIRS: &str = concat!(
            "00010203040506070809101112131415161718192021222324252627282930313233343536373839",
            "40414243444546474849505152535455565758596061626364656667686970717273747576777879",
            "8081828384858687888990919293949596979899"
        );
        let digit = |item: &MixItem| match item {
            MixItem::File(_) => Some(4),
            MixItem::Digits(_) => Some(0),
            MixItem::Raw { code, .. } => code.to_digit(10).map(|d| d as usize),
        };
        match self.0 {
            [one] => {
                if let Some(d) = digit(one) {
                    return f(&PAIRS[2 * d + 1..][..1]);
                }
            }
            [first, second] => {
                if let (Some(a), Some(b)) = (digit(first), digit(second)) {
                    return f(&PAIRS[2 * (10 * a + b)..][..2]);
                }
            }
            _ => {}
        }
        let codes: String = self.0.iter().map(MixItem::code).collect();
        f(&codes)
    }

    fn parse_value(text: &str) -> Result<Self, ValueError> {
        Err(written_only(text))
    }
}

impl XmlValue for Texts<'_> {
    /// The items' texts joined by `;` (the one item's as it is).
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        match self.0 {
            [one] => f(one.text().as_str()),
            items => f(&PlayMix::text_of(items)),
        }
    }

    /// What the writer writes: each item's text, then `;` and the next, as pieces (joined by
    /// nothing). An item holds no `;` and no whole `]]>` is split: the pieces escape as the
    /// joined text would.
    #[inline]
    fn with_pieces<E>(&self, mut f: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
        for (i, item) in self.0.iter().enumerate() {
            if i > 0 {
                f(";")?;
            }
            f(item.text().as_str())?;
        }
        Ok(())
    }

    fn parse_value(text: &str) -> Result<Self, ValueError> {
        Err(written_only(text))
    }
}

impl PlayMix {
    /// A `<PlayMix>` with no items yet: add at least one ([`PlayMix::file`], [`PlayMix::digits`],
    /// [`PlayMix::raw_item`]); one left empty is refused when the document is built.
    ///
    /// ```
    /// use ivr_xml::PlayMix;
    /// assert!(PlayMix::new().items.is_empty());
    /// assert!(ivr_xml::to_string_with(&PlayMix::new(), &ivr_xml::Style::docs()).is_err());
    /// ```
    pub fn new() -> PlayMix {
        PlayMix::default()
    }

    fn push(mut self, code: char, text: impl Into<String>) -> PlayMix {
        if let Some(item) = self.pending.record(MixItem::new(code, &text.into())) {
            self.items.push(item);
        }
        self
    }

    /// Adds an audio file (code `4`).
    ///
    /// ```
    /// use ivr_xml::{PlayMix, Response};
    /// let doc = Response::builder().main(PlayMix::new().file("confid.wav").digits("12345678")).build()?;
    /// assert!(doc.to_string().contains("<PlayMix type='40'>confid.wav;12345678</PlayMix>"));
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub fn file(self, file: impl Into<String>) -> PlayMix {
        self.push('4', file)
    }

    /// Adds digits to read out (code `0`).
    ///
    /// ```
    /// use ivr_xml::PlayMix;
    /// let mix = PlayMix::new().digits("8001");
    /// assert_eq!((mix.codes(), mix.text()), ("0".to_owned(), "8001".to_owned()));
    /// ```
    pub fn digits(self, digits: impl Into<String>) -> PlayMix {
        self.push('0', digits)
    }

    /// Adds an item with another code (an ASCII digit other than `0` and `4`).
    ///
    /// ```
    /// use ivr_xml::{PlayMix, Response};
    /// let mix = PlayMix::new().raw_item('7', "2026-01-01");
    /// assert_eq!(mix.codes(), "7");
    /// // Codes 4 and 0 have their own methods.
    /// assert!(Response::builder().main(PlayMix::new().raw_item('4', "a.wav")).build().is_err());
    /// ```
    pub fn raw_item(self, code: char, text: impl Into<String>) -> PlayMix {
        if code == '4' || code == '0' {
            let mut this = self;
            this.pending.record::<()>(Err(ValueError::new(
                "PlayMix raw code",
                code.to_string(),
                "a digit other than `0` and `4` (use `file` or `digits`)",
            )));
            return this;
        }
        self.push(code, text)
    }

    /// Adds an attribute the library does not know. `type` (written from the items) and a name
    /// given twice are refused when the document is built.
    ///
    /// ```
    /// use ivr_xml::{PlayMix, Response};
    /// let mix = PlayMix::new().file("a.wav").raw_attribute("loop", "2");
    /// let doc = Response::builder().main(mix).build()?;
    /// assert!(doc.to_string().contains("<PlayMix type='4' loop='2'>a.wav</PlayMix>"));
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub fn raw_attribute(mut self, name: impl Into<String>, value: impl Into<String>) -> PlayMix {
        if let Some(attribute) = self.pending.record(RawAttribute::new(name, value)) {
            self.extra.push(attribute);
        }
        self
    }

    /// The `type` attribute: one code per item.
    ///
    /// ```
    /// use ivr_xml::PlayMix;
    /// assert_eq!(PlayMix::new().file("a.wav").digits("1").codes(), "40");
    /// ```
    pub fn codes(&self) -> String {
        self.items.iter().map(MixItem::code).collect()
    }

    /// The text content: the items joined by `;`.
    ///
    /// ```
    /// use ivr_xml::PlayMix;
    /// assert_eq!(PlayMix::new().file("a.wav").digits("1").text(), "a.wav;1");
    /// ```
    pub fn text(&self) -> String {
        PlayMix::text_of(&self.items)
    }

    fn text_of(items: &[MixItem]) -> String {
        let texts: Vec<&str> = items.iter().map(|i| i.text().as_str()).collect();
        texts.join(";")
    }
}

/// The one refusal of a `<PlayMix>` without items, from the builder and the parser alike (what
/// `PlayMix`: rule IVR206, as for codes and items that disagree).
fn no_items() -> ValueError {
    ValueError::new(
        "PlayMix",
        "type='' with 0 item(s)",
        "at least one item, with its `type` code",
    )
}

impl PlayMix {
    /// The checks of `ToXml::check` (`#[xml(check = ...)]`) after the element's own (raw
    /// attributes): the builders' deferred error, items as the builders make them, at least one.
    fn check_items(&self) -> Result<(), ValueError> {
        self.pending.check()?;
        // The items are public: one made by hand is checked as the builders check theirs, so
        // that it reads back as the same item (a `Raw` item with code `4` would read back as a
        // `File`).
        for item in &self.items {
            if let MixItem::Raw {
                code: '0' | '4', ..
            } = item
            {
                return Err(ValueError::new(
                    "PlayMix raw code",
                    item.code().to_string(),
                    "a digit other than `0` and `4` (use `file` or `digits`)",
                ));
            }
            MixItem::new(item.code(), item.text().as_str())?;
        }
        if self.items.is_empty() {
            return Err(no_items());
        }
        Ok(())
    }
}

/// Pairs the element's codes and items, as both parsers (the tree's and the fast path) do.
impl TryFrom<wire::PlayMix<String, String>> for PlayMix {
    type Error = ValueError;

    fn try_from(wire: wire::PlayMix<String, String>) -> Result<PlayMix, ValueError> {
        let codes = wire.items;
        check_xml_chars("text", &wire.text)?;
        // A trailing `;` occurs in the field (`inputprojectno.wav;`): one empty last item is not an item.
        let body = wire.text.strip_suffix(';').unwrap_or(&wire.text);
        let texts = body
            .split(';')
            .take(if wire.text.is_empty() { 0 } else { usize::MAX });
        let item_count = texts.clone().count();
        if item_count == 0 && codes.is_empty() {
            return Err(no_items());
        }
        if codes.chars().count() != item_count {
            return Err(ValueError::new(
                "PlayMix",
                format!("type='{}' with {} item(s)", codes, item_count),
                "one `type` code per `;`-separated item",
            ));
        }
        let mut items = Vec::with_capacity(item_count);
        for (code, text) in codes.chars().zip(texts) {
            items.push(MixItem::new(code, text)?);
        }
        Ok(PlayMix {
            items,
            extra: wire.extra,
            pending: PendingError::default(),
        })
    }
}
