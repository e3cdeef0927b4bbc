use ivr_xml::notify::{Notification, RedirectRequest, StartService};

#[derive(Notification)]
enum Incoming {
    #[notification(segment = "startservice")]
    Redirected(RedirectRequest),
    Start(StartService),
}

fn main() {}
