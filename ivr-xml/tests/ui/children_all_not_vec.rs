use ivr_xml::{Command, Xml};

#[derive(Xml)]
#[xml(element = "Menu")]
struct Menu {
    #[xml(children(all))]
    command: Command,
}

fn main() {}
