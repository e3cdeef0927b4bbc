use ivr_xml::notify::{Notification, RawNotification, StartService};

#[derive(Notification)]
enum Incoming {
    Start(StartService),
    Recorded(RawNotification),
}

fn main() {}
