//! Throughput of ivr-xml's writer and parser, side by side in one run with the alternatives:
//! a hand-written `push_str` writer and quick-xml `Reader` parser (the practical limit),
//! serde + quick-xml, instant-xml, and quick-xml tokenizing alone (the parse floor); and of
//! notification parsing against serde_urlencoded.
//!
//! strong-xml and hard-xml derives and a hand-driven quick-xml reader with owned strings are
//! parsing peers too (issue 17). `cargo bench --bench throughput -- --round-robin` times every
//! case in shuffled rounds instead and prints ratios to the reference from the same round
//! (`round_robin.rs`); `-- --parse-only N [guide|1000cmd]` runs ivr-xml's strict parse alone,
//! `-- --write-only N [guide|1000cmd [hand]]` its writer (or the reference's) alone.
//!
//! `cargo bench` runs everything and ends with a comparison table (medians of per-document ratios
//! to the hand-written baselines); `cargo bench -- write-compact` runs a subset. See
//! BENCHMARKS.md for how to read it.

use std::hint::black_box;
use std::time::{Duration, SystemTime};

use criterion::{Criterion, Throughput};
use ivr_xml::Response;

mod corpus;
mod hand;
mod instant_model;
mod notifications;
mod round_robin;
mod serde_model;
mod summary;

/// strong-xml derives (xmlparser), strings borrowed.
mod strong_model {
    use strong_xml::{XmlError, XmlRead, XmlWrite, XmlWriter};
    include!("derive_model.rs");
}

/// hard-xml derives (a fork of strong-xml), strings borrowed.
mod hard_model {
    use hard_xml::{XmlError, XmlRead, XmlWrite, XmlWriter};
    include!("derive_model.rs");
}

use corpus::{Case, Layout};

/// A document with the baselines' own models of it, checked to be the same document.
struct Prepared<'a> {
    case: &'a Case,
    hand: hand::Doc<'a>,
    serde: serde_model::Doc,
    instant: instant_model::Doc,
    strong: strong_model::Doc<'a>,
    hard: hard_model::Doc<'a>,
    /// Whether instant-xml parses the docs' layout (whitespace between elements).
    instant_parses_docs: bool,
}

fn prepare(case: &Case) -> Prepared<'_> {
    let id = &case.id;
    let hand = hand::parse(&case.compact_text)
        .unwrap_or_else(|err| panic!("{id}: hand-written parser: {err}"));
    let serde = serde_model::parse(&case.compact_text)
        .unwrap_or_else(|err| panic!("{id}: serde + quick-xml parser: {err}"));
    let instant = instant_model::parse(&case.compact_text)
        .unwrap_or_else(|err| panic!("{id}: instant-xml parser: {err}"));
    let strong = strong_model::parse(&case.compact_text)
        .unwrap_or_else(|err| panic!("{id}: strong-xml parser: {err}"));
    let hard = hard_model::parse(&case.compact_text)
        .unwrap_or_else(|err| panic!("{id}: hard-xml parser: {err}"));
    for layout in Layout::ALL {
        let text = case.text(layout);
        let name = layout.name();
        // The hand-written writer is byte-for-byte ivr-xml's output...
        let mut out = String::new();
        hand::write(&hand, &mut out, layout.pretty());
        assert_eq!(out, text, "{id} {name}: hand-written writer");
        // ...and the parsers read the same values from either layout.
        match hand::parse(text) {
            Ok(again) => assert_eq!(again, hand, "{id} {name}: hand-written parser"),
            Err(err) => panic!("{id} {name}: hand-written parser: {err}"),
        }
        match hand::parse_owned(text) {
            Ok(again) => assert_eq!(again, hand, "{id} {name}: hand-written owned parser"),
            Err(err) => panic!("{id} {name}: hand-written owned parser: {err}"),
        }
        match strong_model::parse(text) {
            Ok(again) => assert_eq!(again, strong, "{id} {name}: strong-xml parser"),
            Err(err) => panic!("{id} {name}: strong-xml parser: {err}"),
        }
        match hard_model::parse(text) {
            Ok(again) => assert_eq!(again, hard, "{id} {name}: hard-xml parser"),
            Err(err) => panic!("{id} {name}: hard-xml parser: {err}"),
        }
        match serde_model::parse(text) {
            Ok(again) => assert_eq!(again, serde, "{id} {name}: serde parser"),
            Err(err) => panic!("{id} {name}: serde parser: {err}"),
        }
        // serde + quick-xml writes double quotes: the same document, as ivr-xml reads it.
        let mut out = String::new();
        if let Err(err) = serde_model::write(&serde, &mut out, layout.pretty()) {
            panic!("{id} {name}: serde writer: {err}");
        }
        assert_eq!(reparse(&out), case.doc, "{id} {name}: serde writer");
    }
    let mut out = String::new();
    if let Err(err) = instant_model::write(&instant, &mut out) {
        panic!("{id}: instant-xml writer: {err}");
    }
    assert_eq!(reparse(&out), case.doc, "{id}: instant-xml writer");
    for (name, written) in [
        ("strong-xml", {
            let mut out = Vec::new();
            strong_model::write(&strong, &mut out)
                .map(|()| out)
                .map_err(|e| e.to_string())
        }),
        ("hard-xml", {
            let mut out = Vec::new();
            hard_model::write(&hard, &mut out)
                .map(|()| out)
                .map_err(|e| e.to_string())
        }),
    ] {
        match written.map(String::from_utf8) {
            Ok(Ok(out)) => assert_eq!(reparse(&out), case.doc, "{id}: {name} writer"),
            Ok(Err(err)) => panic!("{id}: {name} writer: {err}"),
            Err(err) => panic!("{id}: {name} writer: {err}"),
        }
    }
    let instant_parses_docs = instant_model::parse(&case.docs_text).as_ref() == Ok(&instant);
    Prepared {
        case,
        hand,
        serde,
        instant,
        strong,
        hard,
        instant_parses_docs,
    }
}

fn reparse(text: &str) -> Response {
    text.parse()
        .unwrap_or_else(|err| panic!("ivr-xml does not read {text:?}: {err}"))
}

fn bench_write(c: &mut Criterion, prepared: &Prepared<'_>, layout: Layout) {
    let case = prepared.case;
    let style = layout.style();
    let pretty = layout.pretty();
    let len = case.text(layout).len();
    let mut group = c.benchmark_group(format!("write-{}-{}", layout.name(), case.id));
    group.throughput(Throughput::Bytes(len as u64));
    let mut buffer = String::with_capacity(len);

    group.bench_function("ivr-xml", |b| {
        b.iter(|| {
            buffer.clear();
            black_box(&case.doc).write_to_string(&mut buffer, &style);
            black_box(buffer.len())
        })
    });
    let mut bytes_buffer: Vec<u8> = Vec::with_capacity(len);
    group.bench_function("ivr-xml-vec", |b| {
        b.iter(|| {
            bytes_buffer.clear();
            black_box(&case.doc).write_to_vec(&mut bytes_buffer, &style);
            black_box(bytes_buffer.len())
        })
    });
    group.bench_function("ivr-xml-io-vec", |b| {
        b.iter(|| {
            bytes_buffer.clear();
            let result = black_box(&case.doc).write_to_io(&mut bytes_buffer, &style);
            black_box(result.is_ok())
        })
    });
    group.bench_function("ivr-xml-fresh", |b| {
        b.iter(|| black_box(&case.doc).to_string_with(&style))
    });
    group.bench_function("hand", |b| {
        b.iter(|| {
            buffer.clear();
            hand::write(black_box(&prepared.hand), &mut buffer, pretty);
            black_box(buffer.len())
        })
    });
    group.bench_function("hand-fresh", |b| {
        b.iter(|| {
            let mut fresh = String::new();
            hand::write(black_box(&prepared.hand), &mut fresh, pretty);
            fresh
        })
    });
    group.bench_function("serde-quick-xml", |b| {
        b.iter(|| {
            buffer.clear();
            let result = serde_model::write(black_box(&prepared.serde), &mut buffer, pretty);
            black_box(result.is_ok())
        })
    });
    if layout == Layout::Compact {
        group.bench_function("instant-xml", |b| {
            b.iter(|| {
                buffer.clear();
                let result = instant_model::write(black_box(&prepared.instant), &mut buffer);
                black_box(result.is_ok())
            })
        });
        let mut bytes = Vec::with_capacity(len);
        group.bench_function("strong-xml", |b| {
            b.iter(|| {
                bytes.clear();
                let result = strong_model::write(black_box(&prepared.strong), &mut bytes);
                black_box(result.is_ok())
            })
        });
        group.bench_function("hard-xml", |b| {
            b.iter(|| {
                bytes.clear();
                let result = hard_model::write(black_box(&prepared.hard), &mut bytes);
                black_box(result.is_ok())
            })
        });
    }
    group.finish();
}

fn bench_parse(c: &mut Criterion, prepared: &Prepared<'_>, layout: Layout) {
    let case = prepared.case;
    let text = case.text(layout);
    let mut group = c.benchmark_group(format!("parse-{}-{}", layout.name(), case.id));
    group.throughput(Throughput::Bytes(text.len() as u64));

    group.bench_function("ivr-xml", |b| {
        b.iter(|| black_box(text).parse::<Response>())
    });
    group.bench_function("hand", |b| b.iter(|| hand::parse(black_box(text))));
    group.bench_function("hand-owned", |b| {
        b.iter(|| hand::parse_owned(black_box(text)))
    });
    group.bench_function("strong-xml", |b| {
        b.iter(|| strong_model::parse(black_box(text)))
    });
    group.bench_function("hard-xml", |b| {
        b.iter(|| hard_model::parse(black_box(text)))
    });
    group.bench_function("serde-quick-xml", |b| {
        b.iter(|| serde_model::parse(black_box(text)))
    });
    if layout == Layout::Compact || prepared.instant_parses_docs {
        group.bench_function("instant-xml", |b| {
            b.iter(|| instant_model::parse(black_box(text)))
        });
    }
    group.bench_function("quick-xml-tokens", |b| {
        b.iter(|| hand::tokenize(black_box(text)).ok())
    });
    group.finish();
}

fn main() {
    let started = SystemTime::now();
    let cases = corpus::cases();
    let prepared: Vec<Prepared<'_>> = cases.iter().map(prepare).collect();

    // `-- --round-robin`: the interleaved ratio mode instead of criterion (criterion would
    // refuse the option).
    let args: Vec<String> = std::env::args().collect();
    // `-- --parse-only N [guide|1000cmd|1000clean [hand]]`: ivr-xml's strict parse (or the hand-written
    // reference's) of every document, N times, and nothing else,
    // for a profiler (`valgrind --tool=callgrind`) or an instruction count.
    if let Some(i) = args.iter().position(|a| a == "--parse-only") {
        let times: usize = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(100);
        // `guide`, `1000cmd` or `1000clean` after N: only those documents.
        let only = args.get(i + 2).map(String::as_str);
        // `hand` after that: the hand-written reference parser instead of ivr-xml.
        let reference = args.get(i + 3).is_some_and(|a| a == "hand");
        for layout in Layout::ALL {
            for case in cases.iter().filter(|c| match only {
                Some("guide") => c.guide,
                Some(id @ ("1000cmd" | "1000clean")) => c.id == id,
                _ => true,
            }) {
                for _ in 0..times {
                    let text = black_box(case.text(layout));
                    match reference {
                        // The hand-written reference, for the instruction count to compare with.
                        true => black_box(hand::parse(text).is_ok()),
                        false => black_box(text.parse::<Response>().is_ok()),
                    };
                }
            }
        }
        return;
    }
    // `-- --write-only N [guide|1000cmd|1000clean [hand]]`: ivr-xml's writer (reused buffer), or
    // the hand-written reference's, on every document, N times, and nothing else: an instruction
    // count (`valgrind --tool=callgrind`) compares two builds of the writer, or the writer with
    // the reference, without the timing noise of a shared machine.
    if let Some(i) = args.iter().position(|a| a == "--write-only") {
        let times: usize = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(100);
        let only = args.get(i + 2).map(String::as_str);
        let reference = args.get(i + 3).is_some_and(|a| a == "hand");
        let mut buffer = String::new();
        for layout in Layout::ALL {
            let style = layout.style();
            for p in prepared.iter().filter(|p| match only {
                Some("guide") => p.case.guide,
                Some(id @ ("1000cmd" | "1000clean")) => p.case.id == id,
                _ => true,
            }) {
                for _ in 0..times {
                    buffer.clear();
                    match reference {
                        true => hand::write(black_box(&p.hand), &mut buffer, layout.pretty()),
                        false => black_box(&p.case.doc).write_to_string(&mut buffer, &style),
                    }
                    black_box(buffer.len());
                }
            }
        }
        return;
    }
    if args.iter().any(|a| a == "--round-robin") {
        round_robin::run(&prepared, &args);
        return;
    }

    // Short defaults keep a full run (about 250 benchmarks) near ten minutes on 2 cores; the
    // command line (`-- --warm-up-time 1 --measurement-time 3`) overrides them.
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(1))
        .configure_from_args();
    for layout in Layout::ALL {
        for p in &prepared {
            bench_write(&mut criterion, p, layout);
        }
    }
    for layout in Layout::ALL {
        for p in &prepared {
            bench_parse(&mut criterion, p, layout);
        }
    }
    notifications::bench(&mut criterion);
    criterion.final_summary();
    summary::print(started, &cases);
}
