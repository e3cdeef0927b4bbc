// `<Get>`, `<CreateConf>` and `<JoinConf>` are main-only commands: the builder does not take them
// as sub-commands, and says why.
use ivr_xml::{CreateConf, Get, Play, Response};

fn main() {
    let _ = Response::builder()
        .main(Play::new("welcome.wav"))
        .then(CreateConf::new());
    let _ = Response::builder()
        .main(Play::new("welcome.wav"))
        .then(Get::new());
}
