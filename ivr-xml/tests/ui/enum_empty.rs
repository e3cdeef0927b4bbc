use ivr_xml::Xml;

#[derive(Xml)]
enum Step {}

fn main() {}
