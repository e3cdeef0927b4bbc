use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep<const N: usize> {
    #[xml(skip)]
    notes: [u8; N],
}

fn main() {}
