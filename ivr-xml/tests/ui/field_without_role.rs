use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(attribute)]
    count: u32,
    tone: String,
}

fn main() {}
