use ivr_xml::{RawAttribute, RelUrl, Xml};

// A checked setter and `raw_attribute` record their errors in the pending field.
#[derive(Default, Xml)]
#[xml(element = "Note")]
struct Note {
    #[xml(attribute, setter(new = impl Into<String>))]
    action: Option<RelUrl>,
    #[xml(extra, setter)]
    extra: Vec<RawAttribute>,
}

fn main() {}
