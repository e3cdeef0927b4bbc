use ivr_xml::{CreateConf, Play, Xml};

// Not one of the two forms.
#[derive(Xml)]
#[xml(element = "Dial", empty = "end")]
struct UnknownForm {
    #[xml(attribute)]
    number: String,
}

// Not a string.
#[derive(Xml)]
#[xml(element = "Dial")]
#[xml(empty = true)]
struct NotAString {
    #[xml(attribute)]
    number: String,
}

// Given twice.
#[derive(Xml)]
#[xml(element = "Dial", empty = "end_tag", empty = "self_closing")]
struct Twice {
    #[xml(attribute)]
    number: String,
}

// A text element is always written with its end tag.
#[derive(Xml)]
#[xml(element = "Say", empty = "end_tag")]
struct WithText {
    #[xml(text)]
    text: String,
}

// A flattening struct is the flattened type's element: the form goes there.
#[derive(Xml)]
#[xml(empty = "end_tag")]
struct Flattening {
    #[xml(flatten)]
    conf: CreateConf,
}

// An enum's variants name their elements.
#[derive(Xml)]
#[xml(empty = "end_tag")]
enum Alternatives {
    Play(Play),
}

fn main() {}
