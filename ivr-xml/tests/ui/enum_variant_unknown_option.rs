use ivr_xml::{Play, Xml};

#[derive(Xml)]
enum Step {
    #[xml(rename = "Audio")]
    Play(Play),
}

fn main() {}
