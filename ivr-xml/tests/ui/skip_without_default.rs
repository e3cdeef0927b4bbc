use ivr_xml::Xml;

struct Cache;

#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(attribute)]
    count: u32,
    #[xml(skip)]
    cache: Cache,
}

fn main() {}
