use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(text, rename = "value")]
    count: u32,
}

fn main() {}
