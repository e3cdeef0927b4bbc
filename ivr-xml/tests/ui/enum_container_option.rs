use ivr_xml::{Play, Xml};

#[derive(Xml)]
#[xml(element = "Step")]
enum Step {
    Play(Play),
}

fn main() {}
