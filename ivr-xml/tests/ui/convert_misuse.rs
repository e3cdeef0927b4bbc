use ivr_xml::{Play, Xml};

#[derive(Xml)]
#[xml(element = "Mix")]
struct Wire {
    #[xml(text)]
    text: String,
}

// The writer without the parser.
#[derive(Xml)]
#[xml(into = Wire)]
struct IntoOnly {
    text: String,
}

// The parser without the writer.
#[derive(Xml)]
#[xml(try_from = Wire)]
struct FromOnly {
    text: String,
}

// Two ways to read.
#[derive(Xml)]
#[xml(from = Wire, try_from = Wire, into = Wire)]
struct TwoFroms {
    text: String,
}

// The wire type names the element, says where each value lives and describes it.
#[derive(Xml)]
#[xml(from = Wire, into = Wire, element = "Mix", empty = "end_tag", main_only, new(text))]
struct ElementOptions {
    #[xml(text)]
    text: String,
}

// Type parameters go on the wire type.
#[derive(Xml)]
#[xml(from = Wire, into = Wire)]
struct Generic<T> {
    text: T,
}

// An enum's variants name their elements.
#[derive(Xml)]
#[xml(from = Wire, into = Wire, check = check)]
enum Alternatives {
    Play(Play),
}

// Not a type (serde's string form is read too: `from = "Wire"`).
#[derive(Xml)]
#[xml(from = "not a type", into = Wire)]
struct NotAType {
    text: String,
}

fn main() {}
