use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep(u32);

fn main() {}
