use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Beep")]
#[xml(element = "Boop")]
struct Beep {
    #[xml(attribute)]
    count: u32,
}

fn main() {}
