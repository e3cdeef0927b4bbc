use ivr_xml::{Hangup, Play, Xml};

#[derive(Xml)]
enum Step {
    Play(Play),
    Both(Play, Hangup),
    Nothing,
    Named { hangup: Hangup },
}

fn main() {}
