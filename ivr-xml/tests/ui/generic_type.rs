use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep<T> {
    #[xml(attribute)]
    count: T,
}

fn main() {}
