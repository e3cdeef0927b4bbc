//! `ivr-xml explore URL`: crawls a running IVR application as the platform would drive it, draws
//! its call flow and reports its dead ends (`ivr_xml_sim::explore`).

use std::io::{IsTerminal, Write};
use std::time::Duration;

use clap::ValueEnum;
use ivr_xml_sim::explore::{self, ExploreOptions, Severity};
use ivr_xml_sim::Http;

/// `ivr-xml explore`'s arguments.
#[derive(Debug, clap::Args)]
pub(crate) struct ExploreArgs {
    /// The application's notification URL, `http://HOST:PORT[/PATH]` (the platform requests
    /// `URL/startservice?…`).
    url: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExploreFormat::Text)]
    format: ExploreFormat,
    /// Write the output to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<String>,
    /// `error`, `warning` or `info`: the lowest severity that fails the run (exit 1).
    #[arg(long, default_value = "error", value_name = "error|warning|info")]
    deny: String,
    /// At most this many calls (paths) are explored.
    #[arg(long, default_value_t = 500, value_name = "N")]
    max_calls: usize,
    /// At most this many requests in one call.
    #[arg(long, default_value_t = 50, value_name = "N")]
    max_steps_per_call: usize,
    /// Stop starting calls after this many seconds.
    #[arg(long, default_value_t = 60, value_name = "S")]
    max_seconds: u64,
    /// Milliseconds one answer may take before the application counts as unreachable.
    #[arg(long, default_value_t = 5000, value_name = "MS")]
    answer_timeout: u64,
    /// A value typed at a `<Get>` that takes several keys (besides the flow's conference ids,
    /// a wrong value and an empty input); repeatable.
    #[arg(long, value_name = "DIGITS")]
    input: Vec<String>,
    /// The caller's number.
    #[arg(long, default_value = "13800000001", value_name = "NUMBER")]
    caller: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExploreFormat {
    /// States, edges, findings with their paths, bounds, and a summary.
    Text,
    /// One JSON object: `states`, `edges`, `findings`, `calls`, `cut`.
    Json,
    /// A Mermaid flowchart.
    Mermaid,
    /// A Graphviz DOT digraph.
    Dot,
    /// One self-contained HTML page with the flow drawn as SVG.
    Html,
}

/// The simulator follows redirects by recursion; a deep flow needs more than the main stack.
const STACK: usize = 256 * 1024 * 1024;

pub(crate) fn run(args: &ExploreArgs) -> Result<u8, String> {
    let deny: Severity = args.deny.parse()?;
    let url = args.url.trim_end_matches('/').to_owned();
    let rest = url.strip_prefix("http://").ok_or_else(|| {
        format!(
            "`{}` is not an http:// URL: expected the application's notification URL, like http://127.0.0.1:8080",
            args.url
        )
    })?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!(
            "`{}` has no host: expected http://HOST:PORT",
            args.url
        ));
    }
    for input in &args.input {
        if input.is_empty()
            || !input
                .chars()
                .all(|c| c.is_ascii_digit() || c == '*' || c == '#')
        {
            return Err(format!("--input `{input}`: expected keys 0-9, * and #"));
        }
    }
    let options = ExploreOptions {
        caller: args.caller.clone(),
        inputs: args.input.clone(),
        max_calls: args.max_calls,
        max_steps_per_call: args.max_steps_per_call,
        max_time: Duration::from_secs(args.max_seconds),
        answer_timeout: Duration::from_millis(args.answer_timeout.max(1)),
        base_url: url.clone(),
        ..ExploreOptions::default()
    };
    let worker = std::thread::Builder::new()
        .name("explore".to_owned())
        .stack_size(STACK)
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|err| format!("cannot start the async runtime: {err}"))?;
            let live = std::io::stderr().is_terminal();
            let mut transport = Http::new(url);
            Ok::<_, String>(runtime.block_on(explore::explore_with_progress(
                &mut transport,
                &options,
                |p| {
                    let line = format!(
                        "exploring: {} calls, {} states, {} edges, {} findings, {} paths queued",
                        p.calls, p.states, p.edges, p.findings, p.queued
                    );
                    // One line rewritten in place on a terminal; every 50 calls in a log.
                    if live {
                        eprint!("\r{line} ");
                    } else if p.calls % 50 == 0 {
                        eprintln!("{line}");
                    }
                },
            )))
        })
        .map_err(|err| format!("cannot start the explorer: {err}"))?;
    let exploration = worker
        .join()
        .map_err(|_| "the explorer stopped unexpectedly".to_owned())??;
    let errors = |s: Severity| {
        exploration
            .findings
            .iter()
            .filter(|f| f.severity == s)
            .count()
    };
    eprintln!(
        "{}explored {}: {} calls, {} states, {} edges; {} errors, {} warnings, {} notes{}",
        if std::io::stderr().is_terminal() {
            "\r"
        } else {
            ""
        },
        args.url,
        exploration.calls,
        exploration.states.len(),
        exploration.edges.len(),
        errors(Severity::Error),
        errors(Severity::Warning),
        errors(Severity::Info),
        if exploration.cut.is_empty() {
            ""
        } else {
            "; a bound cut the search"
        }
    );
    let text = match args.format {
        ExploreFormat::Text => explore::to_text(&exploration),
        ExploreFormat::Json => explore::to_json(&exploration),
        ExploreFormat::Mermaid => explore::to_mermaid(&exploration),
        ExploreFormat::Dot => explore::to_dot(&exploration),
        ExploreFormat::Html => explore::to_html(&exploration, &args.url),
    };
    match &args.out {
        Some(path) => {
            std::fs::write(path, text).map_err(|err| format!("cannot write {path}: {err}"))?
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|err| format!("cannot write the output: {err}"))?;
        }
    }
    Ok(u8::from(exploration.worst().is_some_and(|w| w >= deny)))
}
