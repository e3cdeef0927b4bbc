use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "1Beep")]
struct Beep {
    #[xml(attribute)]
    count: u32,
}

fn main() {}
