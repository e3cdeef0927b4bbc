use ivr_xml::{Play, Xml};

#[derive(Xml)]
#[xml(element = "Menu")]
struct Menu {
    #[xml(children)]
    prompts: Option<Play>,
}

fn main() {}
