use ivr_xml::notify::{DtmfReport, Notification, RedirectRequest};

#[derive(Notification)]
#[notification(prefix = "/ivr")]
enum Incoming {
    #[notification(segment = "")]
    A(DtmfReport),
    #[notification(segment = "/firstget")]
    B(DtmfReport),
    #[notification(segment = "firstget?menu=1")]
    C(DtmfReport),
    #[notification(segment = "first get")]
    D(DtmfReport),
    #[notification(segment = "x", segment = "x")]
    E(DtmfReport),
    #[notification(path = "x", segment = "y")]
    F(RedirectRequest),
    #[notification(segment = 7)]
    G(RedirectRequest),
}

fn main() {}
