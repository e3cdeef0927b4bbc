use ivr_xml::notify::{CallId, DtmfReport, Message, Notification, Params};

/// `serde` with a value, on a message.
#[derive(Message)]
#[message(kind = "recording callback", serde = "yes")]
struct Recorded {
    callid: CallId,
    #[message(extra, serde)]
    extra: Params,
}

/// `serde` with a value on the enum, and on a variant (it goes on the enum).
#[derive(Notification)]
#[notification(serde(json))]
enum Incoming {
    #[notification(segment = "firstget", serde)]
    Menu(DtmfReport),
}

fn main() {}
