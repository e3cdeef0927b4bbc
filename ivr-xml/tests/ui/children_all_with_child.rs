use ivr_xml::{Command, Play, Xml};

#[derive(Xml)]
#[xml(element = "Menu")]
struct Menu {
    #[xml(children(all))]
    commands: Vec<Command>,
    #[xml(child)]
    prompt: Play,
}

fn main() {}
