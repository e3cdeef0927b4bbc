use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Hold")]
struct Hold {
    #[xml(child)]
    music: String,
}

fn main() {}
