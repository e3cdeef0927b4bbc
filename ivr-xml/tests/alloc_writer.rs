//! Writing a `Response` into a reused `String` (or `Vec<u8>`, `write_to_vec`) that is already
//! large enough allocates nothing, and neither does its `Display`:
//! checked with a counting global allocator for the guide's eleven documents and a
//! 1,000-command document, in the docs' style and compact.
//!
//! Allocation counts are deterministic, so this is an exact assertion; timings live in the
//! benchmarks (`cargo bench`), never in tests. The allocator counts every thread, so this binary
//! runs without the libtest harness (`harness = false` in Cargo.toml): libtest's own threads
//! allocated while the check ran on a loaded machine, and counted as the writer's.
#![allow(clippy::unwrap_used)]

use std::alloc::System;

use ivr_xml::{Response, Style};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

mod common;

use common::documents::{thousand_commands, GUIDE};

fn main() {
    writing_into_a_reused_large_enough_string_allocates_nothing();
    writing_into_a_reused_large_enough_vec_allocates_nothing();
    display_makes_no_style();
    println!("alloc_writer: 3 passed, 0 failed");
}

/// `write_to_vec` is `write_to_string` for bytes: the same output, no allocation either.
fn writing_into_a_reused_large_enough_vec_allocates_nothing() {
    let mut documents: Vec<Response> = GUIDE.iter().map(|text| text.parse().unwrap()).collect();
    documents.push(thousand_commands());
    const TABS: Style = Style::indented("\t");
    for (style_name, style) in [
        ("docs", Style::docs()),
        ("compact", Style::compact()),
        ("tabs", TABS),
    ] {
        for (i, doc) in documents.iter().enumerate() {
            let expected = doc.to_string_with(&style).into_bytes();
            let mut buffer: Vec<u8> = Vec::with_capacity(expected.len());
            for round in ["first", "after clear"] {
                buffer.clear();
                let region = Region::new(GLOBAL);
                doc.write_to_vec(&mut buffer, &style);
                let change = region.change();
                assert_eq!(
                    buffer, expected,
                    "document {i}, {style_name}, {round}: output"
                );
                assert_eq!(
                    (change.allocations, change.reallocations, change.deallocations),
                    (0, 0, 0),
                    "document {i}, {style_name}, {round}: allocations, reallocations, deallocations"
                );
            }
        }
    }
}

/// `doc.to_string()`'s style is a constant: `write!` of a document into a reused `String`
/// allocates nothing (it made a `Style`, with its indent in a `String`, per document).
fn display_makes_no_style() {
    use std::fmt::Write;
    let doc: Response = GUIDE[0].parse().unwrap();
    for (alternate, expected) in [(false, doc.to_string()), (true, format!("{doc:#}"))] {
        let mut buffer = String::with_capacity(expected.len());
        let region = Region::new(GLOBAL);
        if alternate {
            write!(buffer, "{doc:#}").unwrap();
        } else {
            write!(buffer, "{doc}").unwrap();
        }
        let change = region.change();
        assert_eq!(buffer, expected);
        assert_eq!(
            (
                change.allocations,
                change.reallocations,
                change.deallocations
            ),
            (0, 0, 0),
            "Display (alternate: {alternate}): allocations, reallocations, deallocations"
        );
    }
}

fn writing_into_a_reused_large_enough_string_allocates_nothing() {
    let mut documents: Vec<(String, Response)> = GUIDE
        .iter()
        .enumerate()
        .map(|(i, text)| (format!("guide example {:02}", i + 1), text.parse().unwrap()))
        .collect();
    documents.push(("the 1,000-command document".to_owned(), thousand_commands()));
    assert_eq!(documents.len(), 12);

    for (style_name, style) in [("docs", Style::docs()), ("compact", Style::compact())] {
        for (name, doc) in &documents {
            let expected = doc.to_string_with(&style);
            let mut buffer = String::with_capacity(expected.len());

            let region = Region::new(GLOBAL);
            doc.write_to_string(&mut buffer, &style);
            let change = region.change();

            assert_eq!(buffer, expected, "{name}, {style_name}: output");
            assert_eq!(
                (
                    change.allocations,
                    change.reallocations,
                    change.deallocations
                ),
                (0, 0, 0),
                "{name}, {style_name}: allocations, reallocations, deallocations while writing"
            );

            // And again after `clear`, as a server reusing one buffer per connection does.
            buffer.clear();
            let region = Region::new(GLOBAL);
            doc.write_to_string(&mut buffer, &style);
            let change = region.change();
            assert_eq!(buffer, expected, "{name}, {style_name}: output after clear");
            assert_eq!(
                (change.allocations, change.reallocations),
                (0, 0),
                "{name}, {style_name}: allocations, reallocations after clear"
            );
        }
    }
}
