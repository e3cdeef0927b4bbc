use ivr_xml::notify::{Notification, RedirectRequest, StartService};

#[derive(Notification)]
enum Incoming {
    Start(StartService),
    Timeout(RedirectRequest),
}

fn main() {}
