use ivr_xml::{Play, Xml};

#[derive(Xml)]
#[xml(element = "Say")]
struct Say {
    #[xml(text)]
    text: String,
    #[xml(children)]
    prompts: Vec<Play>,
}

fn main() {}
