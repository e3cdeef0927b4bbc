//! The small closed model between `syn` and code generation: what a type's `#[xml(...)]` attributes say.

use syn::{Generics, Ident, LitStr, Member, Type};

/// A type deriving `Xml`.
pub(crate) struct Container {
    pub(crate) ident: Ident,
    /// The type's visibility, which its generated builder methods get.
    pub(crate) vis: syn::Visibility,
    /// The type's parameters: type parameters only (structs), checked by `attr`.
    pub(crate) generics: Generics,
    pub(crate) shape: Shape,
    /// What the type's description says beyond its fields (`gen/describe.rs`).
    pub(crate) describe: Describe,
    /// `#[xml(new(a, b))]`: the order of the generated `new`'s arguments (field order if not given).
    pub(crate) new_order: Option<Vec<Ident>>,
    /// `#[xml(serde)]`: `Serialize` + `Deserialize` through the XML mapping (`gen/serde.rs`).
    pub(crate) serde: bool,
    /// `#[xml(check = path)]`: a function `fn(&Self) -> Result<(), ValueError>` that `ToXml::check`
    /// calls first (rules between fields that no field's type can hold).
    pub(crate) check: Option<syn::Path>,
}

/// How an element with no content is closed (`#[xml(empty = "...")]`).
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum EmptyForm {
    /// `<Name/>` always (the default).
    #[default]
    SelfClosing,
    /// `<Name></Name>` under `EmptyElements::AsDocs` (the docs' form of the REST `<Dial>`),
    /// `<Name/>` under `EmptyElements::SelfClosing`.
    EndTag,
}

/// `#[xml(from = T)]` or `#[xml(try_from = T)]`: how a converted type is made from what the parser read.
pub(crate) enum FromForm {
    /// `Self: From<T>`.
    From(Type),
    /// `Self: TryFrom<T, Error = ValueError>`: an error is reported at the element.
    TryFrom(Type),
}

/// `#[xml(evidence = "...", main_only, known(...))]` on the container.
#[derive(Default)]
pub(crate) struct Describe {
    /// The element is known only from field evidence: where from.
    pub(crate) evidence: Option<LitStr>,
    /// The element can only be the main command of a `<Response>`.
    pub(crate) main_only: bool,
    /// `reports_back`, `wants_failure_path`, `ends_flow`: what the command does to the flow.
    pub(crate) reports_back: bool,
    pub(crate) wants_failure_path: bool,
    pub(crate) ends_flow: bool,
    /// Names kept raw but known: attributes of a struct (in its `extra` field) or elements of
    /// an enum (in its `other` variant), each with its evidence.
    pub(crate) known: Vec<Known>,
}

impl Describe {
    /// Whether any describing option was given: types described by another type (a flattened
    /// field's, a wire type's) refuse them all.
    pub(crate) fn any_given(&self) -> bool {
        self.evidence.is_some()
            || self.main_only
            || self.reports_back
            || self.wants_failure_path
            || self.ends_flow
            || !self.known.is_empty()
    }
}

/// `known(attribute = "name", evidence = "...", value = Type)` or `known(element = "Name", evidence = "...")`.
pub(crate) struct Known {
    pub(crate) name: LitStr,
    pub(crate) evidence: LitStr,
    /// The value type whose kind the attribute has (text when not given).
    pub(crate) value: Option<Type>,
}

pub(crate) enum Shape {
    /// A struct written as one element.
    Element {
        name: LitStr,
        fields: Vec<Field>,
        empty: EmptyForm,
    },
    /// A struct whose element is another (derived) type's: read as `from` and converted,
    /// written by converting `&Self` into `into` (`#[xml(try_from = W, into = W)]`).
    Converted {
        from: Box<FromForm>,
        into: Box<Type>,
    },
    /// An enum of newtype variants, each an alternative element.
    Alternatives { variants: Vec<Variant> },
    /// A struct with one `#[xml(flatten)]` field: the element of that field's type, whose
    /// attributes (and raw attributes, and content) it keeps, plus this struct's attributes.
    Flattened { fields: Vec<Field> },
}

pub(crate) struct Field {
    pub(crate) member: Member,
    pub(crate) ty: Type,
    pub(crate) role: Role,
    /// `#[xml(setter)]`: a builder method for this field (`gen/builder.rs`).
    pub(crate) setter: Option<Setter>,
    /// The field's `///` lines, repeated on its setter.
    pub(crate) docs: Vec<syn::Attribute>,
    /// `#[xml(attribute, evidence = "...")]`: the attribute is known only from field evidence.
    pub(crate) evidence: Option<LitStr>,
}

/// `#[xml(setter)]` (the setter takes the value) or `#[xml(setter(new = Type))]` (it takes
/// `Type` and checks it with the value type's `new`, recording an error in the pending field).
pub(crate) struct Setter {
    pub(crate) from: Option<Type>,
    pub(crate) span: proc_macro2::Span,
}

/// Where a field lives in the element.
pub(crate) enum Role {
    /// An attribute: `name`, what happens when it is absent, and the `XmlValue` type it holds
    /// (the field's type, or `T` of an `Option<T>`).
    Attribute {
        name: LitStr,
        absent: Absent,
        value: Type,
    },
    /// The element's text content.
    Text,
    /// One child element; `optional` when the field is an `Option`.
    Child { inner: Type, optional: bool },
    /// Repeated child elements (a `Vec`). With `all` (`#[xml(children(all))]`) every child
    /// element goes to this field, and `inner`'s parser reports the ones it does not know: the
    /// field is then the element's only content.
    Children { inner: Type, all: bool },
    /// Unknown attributes kept raw by the lenient parser (a `Vec<RawAttribute>`).
    Extra,
    /// A builder's deferred error (a `PendingError`), reported by `check`.
    Pending,
    /// Neither written nor parsed; `Default` when parsed.
    Skip,
    /// Another element type's attributes, element name and raw attributes, merged into this
    /// element (`#[xml(flatten)]`, the field's type implements `__private::Flatten`).
    Flatten,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Absent {
    /// Missing is an error.
    Required,
    /// The field is an `Option`: missing is `None`, and `None` is not written.
    Optional,
    /// Missing is `Default::default()`; the value is always written.
    Default,
}

pub(crate) struct Variant {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    /// The catch-all alternative for elements no other variant takes (kept raw, lenient mode).
    pub(crate) other: bool,
}
