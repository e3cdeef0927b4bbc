use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(attribute, rename = loop)]
    count: u32,
}

fn main() {}
