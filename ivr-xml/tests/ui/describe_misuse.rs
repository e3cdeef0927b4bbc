// The description options in the wrong places: `known` attributes need an `extra` field and
// must not name a typed attribute; `evidence` is for attributes; `known` elements need an
// `other` variant; a flattening struct is described by the flattened type; `known` needs both
// its name and its evidence.
use ivr_xml::{Play, RawAttribute, Xml};

#[derive(Xml)]
#[xml(element = "Beep", known(attribute = "volume", evidence = "one application"))]
struct NoExtra {
    #[xml(attribute)]
    tone: Option<u32>,
}

#[derive(Xml)]
#[xml(element = "Buzz", known(attribute = "tone", evidence = "one application"))]
struct Typed {
    #[xml(attribute)]
    tone: Option<u32>,
    #[xml(extra)]
    extra: Vec<RawAttribute>,
}

#[derive(Xml)]
#[xml(element = "Hum")]
struct TextEvidence {
    #[xml(text, evidence = "one application")]
    text: String,
}

#[derive(Xml)]
#[xml(known(element = "Record", evidence = "one application"))]
enum NoOther {
    Play(Play),
}

#[derive(Xml)]
#[xml(main_only)]
struct Flat {
    #[xml(flatten)]
    play: Play,
}

#[derive(Xml)]
#[xml(element = "Ring", known(attribute = "volume"))]
struct NoEvidence {
    #[xml(extra)]
    extra: Vec<RawAttribute>,
}

fn main() {}
