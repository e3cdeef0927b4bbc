use ivr_xml::notify::{DtmfReport, Notification, RedirectRequest};

#[derive(Notification)]
enum Incoming {
    #[notification(segment = "firstget")]
    Menu(DtmfReport),
    #[notification(segment = "gettimeout", segment = "firstget")]
    Timeout(RedirectRequest),
}

fn main() {}
