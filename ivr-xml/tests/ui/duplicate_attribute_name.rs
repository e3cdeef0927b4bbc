use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Play")]
struct Play {
    #[xml(attribute, rename = "loop")]
    repeat: Option<i64>,
    #[xml(attribute, rename = "loop")]
    times: Option<i64>,
}

fn main() {}
