use ivr_xml::{Play, Xml};

// Every line below is wrong in its own way: all the mistakes are reported in one compilation,
// each at its own span, and an unknown option does not hide the options after it.
#[derive(Xml)]
#[xml(colour = "red", element = "Menu")]
struct Menu {
    #[xml(attribute, default)]
    timeout: Option<u32>,
    #[xml(attribute, child)]
    action: String,
    #[xml(children)]
    prompt: Play,
    #[xml(text, rename = "body")]
    body: String,
    #[xml(attribute, rename = "timeout")]
    wait: u32,
    note: String,
    #[xml(optional, attribute)]
    tag: String,
    #[xml(text)]
    more: String,
}

fn main() {}
