//! Examples and benchmarks for ivr-xml.

/// The workspace README's examples, run as doctests so that the README stays true. The file is
/// this (unpublished) package's own; each published crate doctests its own README.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
