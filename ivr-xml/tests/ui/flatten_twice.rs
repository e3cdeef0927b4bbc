use ivr_xml::{CreateConf, Xml};

// Both flattened types would write `action` (and the element name twice).
#[derive(Xml)]
struct Twice {
    #[xml(flatten)]
    first: CreateConf,
    #[xml(flatten)]
    second: CreateConf,
}

fn main() {}
