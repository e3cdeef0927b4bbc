use ivr_xml::notify::{CallId, Message, Params};

#[derive(Message)]
#[message(kind = "an enum")]
enum NotAStruct {
    A,
}

#[derive(Message)]
#[message(kind = "a tuple")]
struct Tuple(CallId, Params);

#[derive(Message)]
#[message(kind = "generic")]
struct Generic<T> {
    callid: T,
    #[message(extra)]
    extra: Params,
}

/// A field type that is no parameter value.
#[derive(Message)]
#[message(kind = "not a value")]
struct NotAValue {
    callid: Vec<u8>,
    #[message(extra)]
    extra: Params,
}

fn main() {}
