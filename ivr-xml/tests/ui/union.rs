use ivr_xml::Xml;

#[derive(Xml)]
union Beep {
    count: u32,
    tone: f32,
}

fn main() {}
