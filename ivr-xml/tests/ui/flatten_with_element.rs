use ivr_xml::{CreateConf, Xml};

#[derive(Xml)]
#[xml(element = "CreateConf")]
struct Named {
    #[xml(flatten)]
    conf: CreateConf,
    #[xml(attribute)]
    passwd: Option<String>,
}

fn main() {}
