use ivr_xml::{CreateConf, Xml};

#[derive(Xml)]
struct Both {
    #[xml(flatten, attribute)]
    conf: CreateConf,
}

#[derive(Xml)]
struct Renamed {
    #[xml(flatten, rename = "conference")]
    conf: CreateConf,
}

#[derive(Xml)]
struct Defaulted {
    #[xml(flatten, default)]
    conf: CreateConf,
}

fn main() {}
