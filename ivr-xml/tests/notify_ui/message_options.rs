use ivr_xml::notify::{CallId, Message, Params};

#[derive(Message)]
#[message(segment = "a/b", colour = "red")]
struct NoKind {
    #[message(rename = "")]
    callid: CallId,
    #[message(rename = "callid")]
    again: Option<CallId>,
    #[message(rename = "callid")]
    third: Option<CallId>,
    #[message(extra, rename = "x")]
    extra: Params,
    #[message(extra)]
    more: Params,
    #[message(flatten)]
    other: Option<String>,
}

#[derive(Message)]
#[message(kind = "no extra")]
struct NoExtra {
    callid: CallId,
}

fn main() {}
