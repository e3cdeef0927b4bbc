//! Reads one hostile document once, leniently and with the validator, so that
//! `benches/hostile/count.sh` can count its instructions under callgrind (counts do not depend on
//! the machine's load, unlike times).
//!
//! ```sh
//! cargo run --release --example hostile_once -- distinct_unknown_elements 16
//! ```

use ivr_xml::validate::{validate_with, ValidateOptions};
use ivr_xml::{from_str_with, ParseOptions, Response};

#[path = "../benches/hostile/cases.rs"]
mod cases;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(name), Some(factor)) = (
        args.next(),
        args.next().and_then(|f| f.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: hostile_once CASE FACTOR");
        return std::process::ExitCode::from(2);
    };
    let Some((_, make)) = cases::CASES.iter().find(|(case, _)| *case == name) else {
        eprintln!("unknown case {name}");
        return std::process::ExitCode::from(2);
    };
    let text = make(cases::BASE * factor);
    let parsed = from_str_with::<Response>(&text, &ParseOptions::lenient().limits(cases::raised()));
    let findings = validate_with(
        &text,
        &ValidateOptions {
            limits: cases::raised(),
            ..ValidateOptions::default()
        },
    );
    println!(
        "{} bytes, parsed: {}, {} findings",
        text.len(),
        parsed.is_ok(),
        findings.len()
    );
    std::process::ExitCode::SUCCESS
}
