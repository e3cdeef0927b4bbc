use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Beep", namespace = "urn:x")]
struct Beep {
    #[xml(attribute)]
    count: u32,
}

fn main() {}
