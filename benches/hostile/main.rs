//! Cost under hostile input grows linearly: each case at 1x, 4x and 16x its base size, with
//! `Throughput::Bytes`, so that linear cost shows as the same bytes per second at every size.
//!
//! ```sh
//! cargo bench --bench hostile -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! Results and the machine they were measured on: RELIABILITY.md.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ivr_xml::validate::{validate_with, ValidateOptions};
use ivr_xml::{from_str_with, ParseOptions, Response};
use std::hint::black_box;

mod cases;
use cases::{raised, BASE, CASES};

fn scaling(c: &mut Criterion) {
    for (name, make) in CASES {
        let mut group = c.benchmark_group(*name);
        group.sample_size(10);
        for factor in [1, 4, 16] {
            let text = make(BASE * factor);
            group.throughput(Throughput::Bytes(text.len() as u64));
            let lenient = ParseOptions::lenient().limits(raised());
            group.bench_with_input(BenchmarkId::new("lenient", factor), &text, |b, text| {
                b.iter(|| from_str_with::<Response>(black_box(text), &lenient).is_ok())
            });
            let options = ValidateOptions {
                limits: raised(),
                ..ValidateOptions::default()
            };
            group.bench_with_input(BenchmarkId::new("validate", factor), &text, |b, text| {
                b.iter(|| validate_with(black_box(text), &options).len())
            });
        }
        group.finish();
    }
}

criterion_group!(benches, scaling);
criterion_main!(benches);
