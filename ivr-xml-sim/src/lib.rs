//! A platform simulator for Cloopen / Yuntongxun IVR applications.
//!
//! Nobody can call the real platform from a test. This crate plays the platform's side of calls:
//! it sends the application the notifications the platform sends (`startservice`, key reports,
//! redirects, conference callbacks, `stopservice`), reads the answers with ivr-xml's strict parser,
//! and executes them with the semantics of the platform's documentation: the main command, then
//! the sub-commands on timeout or failure (spec §0.2). Callers are scripted ([`Caller`]) on a
//! virtual clock, so a 30-second timeout costs no real time, and several calls share conferences.
//!
//! The application is reached in-process through any `tower` service ([`InProcess`], for an
//! axum `Router`) or, with the default feature `http`, over HTTP at a base URL (`Http`). The [`Transcript`] records every
//! notification, answer, prompt and key press with its virtual time, ready for snapshots;
//! [`Transcript::flags`] lists what the platform would reject.
//!
//! What the simulator assumes where the platform is undocumented is stated on [`Config`] and on
//! each behaviour: a file plays for [`Config::file_duration`], the `<Get>` timeout counts from the
//! end of the first playback, a key cuts a sub-command `<Play>` short (R6) and a `<Play>`'s
//! `finishkey` stops it, and the sub-commands go on; the conference id is reported to
//! `CreateConf@action` as `confid`. Notifications are sent in any of the platform's URL forms
//! under any path ([`Config::url_form`], [`Config::base_path`]).
//!
//! ```
//! use std::time::Duration;
//! use ivr_xml_sim::{Caller, InProcess, Simulator};
//!
//! // An application that plays a menu, and says goodbye when no key comes.
//! let app = axum::Router::new().fallback(|| async {
//!     "<Response><Get action='menu' timeout='5'><Play>menu.wav</Play></Get><Play>bye.wav</Play><Hangup/></Response>"
//! });
//! let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
//! let transcript = runtime.block_on(
//!     Simulator::new(InProcess(app)).run(vec![Caller::new("13800000001").silence()]),
//! );
//! assert_eq!(transcript.heard(1), ["menu.wav", "bye.wav"]);
//! assert_eq!(transcript.hung_up_by(1), Some("application"));
//! ```

#![cfg_attr(docsrs, feature(doc_cfg))]

mod agenda;
mod engine;
pub mod explore;
mod platform;
#[cfg(feature = "http")]
mod rest;
mod script;
mod transcript;
mod transport;

pub use engine::{Config, CustomCommands, Simulator, UrlForm};
pub use platform::Platform;
pub use script::{Action, Caller};
pub use transcript::{Entry, Event, Transcript};
#[cfg(feature = "http")]
pub use transport::Http;
pub use transport::{
    AppResponse, InProcess, PlatformRequest, Transport, TransportError, DEFAULT_ANSWER_TIMEOUT,
};

/// The crate README's examples, run as doctests so that the README stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
