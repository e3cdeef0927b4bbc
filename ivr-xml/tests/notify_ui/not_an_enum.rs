use ivr_xml::notify::{Notification, StartService};

#[derive(Notification)]
struct Incoming {
    start: StartService,
}

fn main() {}
