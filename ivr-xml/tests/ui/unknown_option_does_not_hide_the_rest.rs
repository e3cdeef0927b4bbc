use ivr_xml::Xml;

// `required` is unknown; `attribute` after it is still read, so the only error is `required`.
#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(required(yes), attribute)]
    count: u32,
}

fn main() {}
