use ivr_xml::{Play, RawElement, Xml};

#[derive(Xml)]
enum Step {
    Play(Play),
    #[xml(other)]
    Raw(RawElement),
    #[xml(other)]
    Unknown(RawElement),
}

fn main() {}
