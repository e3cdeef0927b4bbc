// `#[xml(new(...))]` orders the arguments of the generated `new`: it must list each required
// attribute with `setter(new = Type)` exactly once, and nothing else.
use ivr_xml::{PendingError, Text, Xml};

#[derive(Default, Xml)]
#[xml(element = "Mute", new(confid, confid, tag, callid, volume))]
struct Mute {
    #[xml(attribute, setter(new = impl Into<String>))]
    callid: Text,
    #[xml(attribute, setter(new = impl Into<String>))]
    confid: Text,
    #[xml(attribute, setter(new = impl Into<String>))]
    member: Text,
    #[xml(attribute, setter)]
    tag: Option<u32>,
    #[xml(pending)]
    pending: PendingError,
}

fn main() {}
