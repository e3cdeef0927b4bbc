//! The round-robin ratio mode (issue 17): `cargo bench --bench throughput -- --round-robin`.
//!
//! Criterion measures one benchmark after another, so a ratio of two of its figures compares two
//! stretches of time, and on a shared machine the load moves between them. Here every case (each
//! implementation on each document, layout, parse or write) is timed once per round, the rounds'
//! order shuffled anew each time, and each time is divided by the hand-written reference's time
//! for the same document, layout and kind *from the same round*. A round's ratio for the guide is
//! the median of its eleven per-document ratios; the table gives the median and the quartiles of
//! those over all rounds, and the 1,000-command document's on its own.
//!
//! Options (after `--`): `--rounds N` (default 100), `--batch-us N`, the time each timing aims
//! for (default 500 µs: a timing runs as many iterations as fit), `--seed N` for the shuffle.

use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::corpus::Layout;
use crate::Prepared;

/// Parse or write.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Parse,
    Write,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Parse => "parse",
            Kind::Write => "write",
        }
    }
}

/// Runs an implementation `n` times and returns the time taken.
type Run<'a> = Box<dyn FnMut(u64) -> Duration + 'a>;

/// One timed case: `run(n)` runs the implementation `n` times and returns the time taken.
struct Entry<'a> {
    kind: Kind,
    layout: Layout,
    /// Index into the prepared documents.
    doc: usize,
    /// Index into [`PARSERS`] or [`WRITERS`].
    implementation: usize,
    run: Run<'a>,
    /// Iterations per timing, calibrated once.
    iterations: u64,
    /// Nanoseconds per iteration, one per round.
    times: Vec<f64>,
}

/// The parsers, the reference (`hand`) first. The first field is the name in the table.
pub(crate) const PARSERS: [&str; 8] = [
    "hand-written quick-xml `Reader`, borrowing (reference)",
    "**ivr-xml** (strict, owned values)",
    "quick-xml events driven by hand, owned strings",
    "strong-xml derive, borrowing",
    "hard-xml derive, borrowing",
    "instant-xml",
    "serde + quick-xml",
    "quick-xml tokenizing alone (floor)",
];

/// The writers, the reference (`hand` into a reused buffer) first.
pub(crate) const WRITERS: [&str; 10] = [
    "hand-written `push_str`, reused buffer (reference)",
    "**ivr-xml**, reused buffer",
    "ivr-xml, fresh `String`",
    "hand-written `push_str`, fresh `String`",
    "serde + quick-xml, reused buffer",
    "instant-xml, reused buffer",
    "strong-xml derive, reused buffer",
    "hard-xml derive, reused buffer",
    "ivr-xml `write_to_vec`, reused `Vec<u8>`",
    "ivr-xml `write_to_io`, reused `Vec<u8>`",
];

/// Times `f` run `n` times.
fn timer<'a, R>(mut f: impl FnMut() -> R + 'a) -> Run<'a> {
    Box::new(move |n| {
        let start = Instant::now();
        for _ in 0..n {
            black_box(f());
        }
        start.elapsed()
    })
}

fn parse_entries<'a>(doc: usize, p: &'a Prepared<'a>, layout: Layout) -> Vec<(usize, Run<'a>)> {
    let text = p.case.text(layout);
    let mut entries: Vec<(usize, Run<'a>)> = vec![
        (
            0,
            timer(move || crate::hand::parse(black_box(text)).is_ok()),
        ),
        (
            1,
            timer(move || black_box(text).parse::<ivr_xml::Response>().is_ok()),
        ),
        (
            2,
            timer(move || crate::hand::parse_owned(black_box(text)).is_ok()),
        ),
        (
            3,
            timer(move || crate::strong_model::parse(black_box(text)).is_ok()),
        ),
        (
            4,
            timer(move || crate::hard_model::parse(black_box(text)).is_ok()),
        ),
        (
            6,
            timer(move || crate::serde_model::parse(black_box(text)).is_ok()),
        ),
        (
            7,
            timer(move || crate::hand::tokenize(black_box(text)).ok()),
        ),
    ];
    if layout == Layout::Compact || p.instant_parses_docs {
        entries.push((
            5,
            timer(move || crate::instant_model::parse(black_box(text)).is_ok()),
        ));
    }
    let _ = doc;
    entries
}

fn write_entries<'a>(p: &'a Prepared<'a>, layout: Layout) -> Vec<(usize, Run<'a>)> {
    let style = layout.style();
    let pretty = layout.pretty();
    let len = p.case.text(layout).len();
    let doc = &p.case.doc;
    let mut hand_buffer = String::with_capacity(len);
    let mut ivr_buffer = String::with_capacity(len);
    let mut serde_buffer = String::with_capacity(len);
    let mut vec_buffer: Vec<u8> = Vec::with_capacity(len);
    let mut io_buffer: Vec<u8> = Vec::with_capacity(len);
    let io_style = layout.style();
    let vec_style = layout.style();
    let mut entries: Vec<(usize, Run<'a>)> = vec![
        (
            0,
            timer(move || {
                hand_buffer.clear();
                crate::hand::write(black_box(&p.hand), &mut hand_buffer, pretty);
                hand_buffer.len()
            }),
        ),
        (
            1,
            timer(move || {
                ivr_buffer.clear();
                black_box(doc).write_to_string(&mut ivr_buffer, &style);
                ivr_buffer.len()
            }),
        ),
        (2, {
            let style = layout.style();
            timer(move || black_box(doc).to_string_with(&style))
        }),
        (
            3,
            timer(move || {
                let mut fresh = String::new();
                crate::hand::write(black_box(&p.hand), &mut fresh, pretty);
                fresh
            }),
        ),
        (
            4,
            timer(move || {
                serde_buffer.clear();
                let result =
                    crate::serde_model::write(black_box(&p.serde), &mut serde_buffer, pretty);
                result.is_ok()
            }),
        ),
        (
            8,
            timer(move || {
                vec_buffer.clear();
                black_box(doc).write_to_vec(&mut vec_buffer, &vec_style);
                vec_buffer.len()
            }),
        ),
        (
            9,
            timer(move || {
                io_buffer.clear();
                let result = black_box(doc).write_to_io(&mut io_buffer, &io_style);
                result.is_ok()
            }),
        ),
    ];
    if layout == Layout::Compact {
        let mut instant_buffer = String::with_capacity(len);
        let mut strong_buffer = Vec::with_capacity(len);
        let mut hard_buffer = Vec::with_capacity(len);
        entries.push((
            5,
            timer(move || {
                instant_buffer.clear();
                crate::instant_model::write(black_box(&p.instant), &mut instant_buffer).is_ok()
            }),
        ));
        entries.push((
            6,
            timer(move || {
                strong_buffer.clear();
                crate::strong_model::write(black_box(&p.strong), &mut strong_buffer).is_ok()
            }),
        ));
        entries.push((
            7,
            timer(move || {
                hard_buffer.clear();
                crate::hard_model::write(black_box(&p.hard), &mut hard_buffer).is_ok()
            }),
        ));
    }
    entries
}

/// A small deterministic generator for the shuffle (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

fn option(args: &[String], name: &str, default: u64) -> u64 {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The median and quartiles of `values` (sorted in place), by the nearest rank.
fn quartiles(values: &mut [f64]) -> Option<(f64, f64, f64)> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
    Some((at(0.25), at(0.5), at(0.75)))
}

/// Runs the round-robin mode and prints its tables as Markdown.
pub(crate) fn run(prepared: &[Prepared<'_>], args: &[String]) {
    let rounds = option(args, "--rounds", 100) as usize;
    let batch = Duration::from_micros(option(args, "--batch-us", 500));
    let mut rng = Rng(option(args, "--seed", 0x9E37_79B9_7F4A_7C15) | 1);

    let mut entries: Vec<Entry<'_>> = Vec::new();
    for layout in Layout::ALL {
        for (doc, p) in prepared.iter().enumerate() {
            for (kind, list) in [
                (Kind::Parse, parse_entries(doc, p, layout)),
                (Kind::Write, write_entries(p, layout)),
            ] {
                for (implementation, run) in list {
                    entries.push(Entry {
                        kind,
                        layout,
                        doc,
                        implementation,
                        run,
                        iterations: 1,
                        times: Vec::with_capacity(rounds),
                    });
                }
            }
        }
    }

    // Calibration, which also warms every case up: double the iterations until a timing takes
    // at least a quarter of the batch, then scale to the batch.
    for entry in &mut entries {
        let mut n = 1u64;
        loop {
            let took = (entry.run)(n);
            if took >= batch / 4 || n >= 1 << 30 {
                let per = took.as_secs_f64() / n as f64;
                entry.iterations = ((batch.as_secs_f64() / per.max(1e-9)) as u64).max(1);
                break;
            }
            n *= 2;
        }
    }

    let started = Instant::now();
    let mut order: Vec<usize> = (0..entries.len()).collect();
    for _ in 0..rounds {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &i in &order {
            let entry = &mut entries[i];
            let took = (entry.run)(entry.iterations);
            entry
                .times
                .push(took.as_nanos() as f64 / entry.iterations as f64);
        }
    }
    eprintln!(
        "round-robin: {} cases, {rounds} rounds in {:.1} s",
        entries.len(),
        started.elapsed().as_secs_f64()
    );

    let find = |kind: Kind, layout: Layout, doc: usize, implementation: usize| {
        entries.iter().find(|e| {
            e.kind == kind
                && e.layout == layout
                && e.doc == doc
                && e.implementation == implementation
        })
    };
    let mut out = String::new();
    out.push_str(&format!(
        "\n## Round-robin ratios\n\n{rounds} rounds, every case once per round in a shuffled \
         order, each time divided by the reference's from the same round (< 1 is faster). Guide: \
         per round, the median of the 11 documents' ratios. Cells: median [first quartile, third \
         quartile] over the rounds.\n"
    ));
    // One column per long document: the 1,000-command benchmark document, and the one whose
    // findings (artefacts of its generator) send strict parse to the tree path.
    let big_docs: Vec<usize> = (0..prepared.len())
        .filter(|&doc| !prepared[doc].case.guide)
        .collect();
    let big_name = |doc: usize| match prepared[doc].case.id.as_str() {
        "1000clean" => "1,000 commands".to_owned(),
        "1000cmd" => "1,000 commands with 102 findings (tree path)".to_owned(),
        id => id.to_owned(),
    };
    for (kind, names) in [(Kind::Parse, &PARSERS[..]), (Kind::Write, &WRITERS[..])] {
        let mut header = format!(
            "\n| {}, ratio to the reference | layout | guide docs |",
            kind.name()
        );
        let mut rule = String::from("\n|---|---|--:|");
        for &doc in &big_docs {
            header.push_str(&format!(" {} | {} MiB/s |", big_name(doc), big_name(doc)));
            rule.push_str("--:|--:|");
        }
        out.push_str(&header);
        out.push_str(&rule);
        out.push('\n');
        for layout in Layout::ALL {
            for (implementation, name) in names.iter().enumerate() {
                let mut guide_rounds = Vec::with_capacity(rounds);
                let mut big_rounds: Vec<Vec<f64>> =
                    vec![Vec::with_capacity(rounds); big_docs.len()];
                let mut big_ns: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); big_docs.len()];
                for round in 0..rounds {
                    let mut per_doc = Vec::new();
                    for (doc, p) in prepared.iter().enumerate() {
                        let (Some(e), Some(r)) = (
                            find(kind, layout, doc, implementation),
                            find(kind, layout, doc, 0),
                        ) else {
                            continue;
                        };
                        let ratio = e.times[round] / r.times[round];
                        if p.case.guide {
                            per_doc.push(ratio);
                        } else if let Some(column) = big_docs.iter().position(|&d| d == doc) {
                            big_rounds[column].push(ratio);
                            big_ns[column].push(e.times[round]);
                        }
                    }
                    if let Some((_, median, _)) = quartiles(&mut per_doc) {
                        guide_rounds.push(median);
                    }
                }
                let guide = quartiles(&mut guide_rounds);
                let bigs: Vec<Option<(f64, f64, f64)>> =
                    big_rounds.iter_mut().map(|r| quartiles(r)).collect();
                if guide.is_none() && bigs.iter().all(Option::is_none) {
                    continue;
                }
                let cell = |q: Option<(f64, f64, f64)>| match q {
                    Some((q1, m, q3)) => format!("{m:.2} [{q1:.2}, {q3:.2}]"),
                    None => "-".to_owned(),
                };
                let mut line = format!("| {name} | {} | {} |", layout.name(), cell(guide));
                for (column, &doc) in big_docs.iter().enumerate() {
                    let bytes = prepared[doc].case.text(layout).len();
                    let mib_s = match quartiles(&mut big_ns[column]) {
                        Some((_, ns, _)) => {
                            format!("{:.0}", bytes as f64 / ns * 1e9 / (1024.0 * 1024.0))
                        }
                        None => "-".to_owned(),
                    };
                    line.push_str(&format!(" {} | {mib_s} |", cell(bigs[column])));
                }
                line.push('\n');
                out.push_str(&line);
            }
        }
    }
    println!("{out}");
}
