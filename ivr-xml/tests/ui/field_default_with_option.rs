use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(attribute, default)]
    count: Option<u32>,
}

fn main() {}
