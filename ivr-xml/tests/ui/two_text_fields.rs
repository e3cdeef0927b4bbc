use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Say")]
struct Say {
    #[xml(text)]
    text: String,
    #[xml(text)]
    more: String,
}

fn main() {}
