use ivr_xml::Xml;

#[derive(Xml)]
struct Wrapped<C> {
    #[xml(flatten)]
    inner: C,
    #[xml(attribute)]
    tag: Option<String>,
}

fn main() {}
