use ivr_xml::Xml;

#[derive(Xml)]
struct Beep {
    #[xml(attribute)]
    count: u32,
}

fn main() {}
