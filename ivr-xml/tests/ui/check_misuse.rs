use ivr_xml::{ValueError, Xml};

// Not a path (serde's string form is read too: `check = "Wait::rule"`).
#[derive(Xml)]
#[xml(element = "Wait", check = 7)]
struct NotAPath {
    #[xml(attribute)]
    timeout: u32,
}

// Given twice.
#[derive(Xml)]
#[xml(element = "Wait", check = rule, check = rule)]
struct Twice {
    #[xml(attribute)]
    timeout: u32,
}

fn rule(_: &Twice) -> Result<(), ValueError> {
    Ok(())
}

// The function takes `&Self` and returns `Result<(), ValueError>`.
#[derive(Xml)]
#[xml(element = "Wait", check = wrong_signature)]
struct WrongSignature {
    #[xml(attribute)]
    timeout: u32,
}

fn wrong_signature(_: &WrongSignature) -> bool {
    true
}

fn main() {}
