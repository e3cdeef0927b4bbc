use ivr_xml::{PendingError, RawAttribute, Xml};

#[derive(Default, Xml)]
#[xml(element = "Note")]
struct Note {
    // A setter sets an optional attribute: a required one is an argument of `new`.
    #[xml(attribute, setter)]
    id: String,
    #[xml(attribute, default, setter(new = u32))]
    size: u32,
    #[xml(text, setter)]
    body: String,
    #[xml(attribute, setter(from = String))]
    tag: Option<String>,
    #[xml(extra, setter(new = String))]
    extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

fn main() {}
