use ivr_xml::{RawAttribute, Xml};

#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(extra)]
    extra: Vec<RawAttribute>,
    #[xml(extra)]
    more: Vec<RawAttribute>,
}

fn main() {}
