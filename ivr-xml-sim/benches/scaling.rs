//! How the simulator's cost per call changes with the number of concurrent calls: 100 to 100,000
//! scripted callers running a short menu (`startservice`, a `<Get>` answered with a key or timing
//! out, a `<Redirect>`, `<Hangup/>`, `stopservice`) against an in-process axum application.
//!
//! Criterion's throughput is in calls (elements) per second; the time per call is the time of one
//! run divided by its number of callers. `cargo bench -p ivr-xml-sim --bench scaling`; a subset
//! with a filter: `cargo bench -p ivr-xml-sim --bench scaling -- 'callers/(100|1000)$'`.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput};
use ivr_xml_sim::{Event, InProcess, Simulator, Transcript};

#[path = "../tests/menu_app/mod.rs"]
mod menu_app;

const SIZES: [usize; 4] = [100, 1_000, 10_000, 100_000];

fn run(runtime: &tokio::runtime::Runtime, count: usize) -> Transcript {
    let callers = menu_app::callers(count);
    runtime.block_on(Simulator::new(InProcess(menu_app::router())).run(callers))
}

/// Why a run is not what the benchmark means to measure, if it is not: every call must end by the
/// application's `<Hangup/>`, with nothing flagged.
fn check(transcript: &Transcript, count: usize) -> Result<(), String> {
    if let Some(flag) = transcript.flags().first() {
        return Err(format!("the simulator flagged: {flag}"));
    }
    let hung_up = transcript
        .entries
        .iter()
        .filter(|e| matches!(&e.event, Event::HungUp { by } if by == "application"))
        .count();
    if hung_up != count {
        return Err(format!(
            "{hung_up} of {count} calls were hung up by the application"
        ));
    }
    Ok(())
}

fn main() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("cannot start a tokio runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(problem) = check(&run(&runtime, 100), 100) {
        eprintln!("the benchmark's scenario is broken: {problem}");
        return ExitCode::FAILURE;
    }
    let mut criterion = Criterion::default().configure_from_args();
    let mut group = criterion.benchmark_group("callers");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for count in SIZES {
        group.throughput(Throughput::Elements(count as u64));
        group.bench_with_input(BenchmarkId::from_parameter(count), &count, |b, &count| {
            b.iter_batched(
                || menu_app::callers(count),
                |callers| {
                    let mut simulator = Simulator::new(InProcess(menu_app::router()));
                    black_box(runtime.block_on(simulator.run(callers)))
                },
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
    criterion.final_summary();
    ExitCode::SUCCESS
}
