use ivr_xml::{Play, Xml};

#[derive(Xml)]
struct Named {
    #[xml(flatten)]
    name: String,
    #[xml(attribute)]
    extra: Option<String>,
}

// `Play` has text content: only attributes-only element types can be flattened.
#[derive(Xml)]
struct Loud {
    #[xml(flatten)]
    play: Play,
    #[xml(attribute)]
    volume: Option<u32>,
}

fn main() {}
