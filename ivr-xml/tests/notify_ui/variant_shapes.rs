use ivr_xml::notify::{DtmfReport, Notification, StartService};

#[derive(Notification)]
enum Incoming {
    Start(StartService),
    #[notification(segment = "hangup")]
    Hangup,
    #[notification(segment = "menu")]
    Menu { report: DtmfReport },
    #[notification(segment = "both")]
    Both(DtmfReport, DtmfReport),
}

#[derive(Notification)]
enum Empty {}

fn main() {}
