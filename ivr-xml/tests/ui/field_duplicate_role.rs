use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(attribute)]
    #[xml(attribute)]
    count: u32,
}

fn main() {}
