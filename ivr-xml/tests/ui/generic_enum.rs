use ivr_xml::{Play, Xml};

#[derive(Xml)]
enum Step<T> {
    Play(Play),
    Other(T),
}

fn main() {}
