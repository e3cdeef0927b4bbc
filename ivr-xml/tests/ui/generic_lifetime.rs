use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep<'a> {
    #[xml(skip)]
    note: &'a str,
}

fn main() {}
