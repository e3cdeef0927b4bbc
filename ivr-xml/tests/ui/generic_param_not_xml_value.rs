use ivr_xml::Xml;

// A type parameter gets the bound its role needs: `T: XmlValue` for an attribute.
#[derive(Xml)]
#[xml(element = "Beep")]
struct Beep<T> {
    #[xml(attribute)]
    count: T,
}

struct NotAValue;

fn main() {
    let beep = Beep { count: NotAValue };
    let _ = ivr_xml::to_string_with(&beep, &ivr_xml::Style::docs());
}
