//! The typed notification messages of spec §3, one struct each.
//!
//! Every message has the same shape: a public field per parameter it reads (required ones as
//! values, optional ones as `Option`), and `extra`, the parameters it does not read, in order.
//! `#[derive(Message)]` gives `new` (the required parameters), a method per optional one, and
//! [`Message`](super::Message)'s readers of every encoding. Parameters are written required first, then
//! optional, in the order of the fields, then `extra`.//!
//! One file per family: `call.rs` (a call's own notifications: `startservice`, the `<Get>`
//! report, the `<Redirect>` request, `stopservice` and the `cdr` record), `conference.rs` (the
//! callbacks of `CreateConf` and `JoinConf`), `consultation.rs` (those of `ConsultationCall`).

mod call;
mod conference;
mod consultation;

pub use call::{Cdr, DtmfReport, RedirectRequest, StartService, StopService};
pub use conference::{
    ConfCreated, ConfDeleted, ConfDtmfReport, ConfMediaOpResult, ConfMemberJoined, ConfMemberQuit,
    ConfPasswordFailed,
};
pub use consultation::{ConsultCallTimeOver, ConsultHangup, ConsultNoAnswer};
