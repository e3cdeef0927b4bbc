use ivr_xml::{Command, Xml};

#[derive(Xml)]
#[xml(element = "Menu")]
struct Menu {
    #[xml(children(all))]
    commands: Vec<Command>,
    #[xml(text)]
    note: String,
}

fn main() {}
