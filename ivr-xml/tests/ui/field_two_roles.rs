use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(attribute, text)]
    count: u32,
}

fn main() {}
