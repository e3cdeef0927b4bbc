use ivr_xml::{Command, Xml};

#[derive(Xml)]
#[xml(element = "Menu")]
struct Menu {
    #[xml(children(every))]
    commands: Vec<Command>,
}

fn main() {}
