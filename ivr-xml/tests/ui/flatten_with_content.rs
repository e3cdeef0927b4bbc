use ivr_xml::{CreateConf, Play, RawAttribute, Xml};

#[derive(Xml)]
struct Busy {
    #[xml(flatten)]
    conf: CreateConf,
    #[xml(text)]
    note: String,
    #[xml(children)]
    plays: Vec<Play>,
    #[xml(extra)]
    extra: Vec<RawAttribute>,
}

fn main() {}
