use ivr_xml::Xml;

#[derive(Xml)]
#[xml(element = "Mix")]
struct Wire {
    #[xml(text)]
    text: String,
}

// Neither `From<Wire>` nor `From<&Mix>` for `Wire` is implemented.
#[derive(Debug, Xml)]
#[xml(from = Wire, into = Wire)]
struct Mix {
    text: String,
}

// `try_from`'s error must convert into `ValueError`.
#[derive(Debug, Xml)]
#[xml(try_from = Wire, into = Wire)]
struct Fallible {
    text: String,
}

impl TryFrom<Wire> for Fallible {
    type Error = std::num::ParseIntError;
    fn try_from(wire: Wire) -> Result<Fallible, Self::Error> {
        wire.text.parse::<u8>()?;
        Ok(Fallible { text: wire.text })
    }
}

impl From<&Fallible> for Wire {
    fn from(value: &Fallible) -> Wire {
        Wire { text: value.text.clone() }
    }
}

fn main() {}
