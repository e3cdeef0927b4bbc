//! The library half of the `ivr-xml` command line: the rustc-style renderer of findings, shared by
//! the binary and by the fuzz target that feeds it arbitrary input.
//!
//! ```
//! use ivr_xml::validate::validate;
//! use ivr_xml_cli::report::render;
//!
//! let source = "<Response>\n\t<Hangup/><Get action='a'><Play>m.wav</Play></Get>\n</Response>";
//! let out = render("menu.xml", source, &validate(source));
//! assert!(out.starts_with("error[IVR201]: `<Get>` can only be the main command, but it is command 2\n --> menu.xml:2:11\n"));
//! ```

pub mod report;

/// The crate README's examples, run as doctests so that the README stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
