use ivr_xml::Xml;

struct Tone(u32);

#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep {
    #[xml(attribute)]
    tone: Option<Tone>,
}

fn main() {}
