use ivr_xml::notify::{Notification, RawNotification, StartService};

#[derive(Notification)]
enum Incoming {
    Start(StartService),
    #[notification(other)]
    Rest(RawNotification),
    #[notification(other, segment = "x")]
    More(RawNotification),
    #[notification(other, other)]
    Again(RawNotification),
}

fn main() {}
