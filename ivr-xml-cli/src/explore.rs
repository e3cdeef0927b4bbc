//! `ivr-xml explore URL`: crawls a running IVR application as the platform would drive it, draws
//! its call flow and reports its dead ends (`ivr_xml_sim::explore`).

use std::io::{IsTerminal, Write};
use std::time::Duration;

use clap::ValueEnum;
use ivr_xml_sim::explore::{self, ExploreOptions, Severity};
use ivr_xml_sim::Http;

/// `--answer-timeout`'s default, in milliseconds: the simulator's own,
/// [`ivr_xml_sim::DEFAULT_ANSWER_TIMEOUT`] (which `ExploreOptions` and `Http` start from too).
const DEFAULT_ANSWER_TIMEOUT_MS: u64 = ivr_xml_sim::DEFAULT_ANSWER_TIMEOUT.as_millis() as u64;

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
    #[arg(long, default_value_t = DEFAULT_ANSWER_TIMEOUT_MS, value_name = "MS")]
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
    // One limit for the HTTP transport and the explorer's own guard.
    let answer_timeout = Duration::from_millis(args.answer_timeout.max(1));
    let options = ExploreOptions {
        caller: args.caller.clone(),
        inputs: args.input.clone(),
        max_calls: args.max_calls,
        max_steps_per_call: args.max_steps_per_call,
        max_time: Duration::from_secs(args.max_seconds),
        answer_timeout,
        base_url: url.clone(),
        ..ExploreOptions::default()
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| format!("cannot start the async runtime: {err}"))?;
    let live = std::io::stderr().is_terminal();
    let mut transport = Http::new(url).timeout(answer_timeout);
    let exploration = runtime.block_on(explore::explore_with_progress(
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
    ));
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
        exploration.count(Severity::Error),
        exploration.count(Severity::Warning),
        exploration.count(Severity::Info),
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

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        explore: ExploreArgs,
    }

    #[test]
    fn the_answer_timeout_defaults_to_the_simulators() {
        let cli = Cli::try_parse_from(["explore", "http://127.0.0.1:8080"]);
        let answer_timeout = cli.map(|cli| cli.explore.answer_timeout);
        assert_eq!(
            answer_timeout.map(Duration::from_millis).ok(),
            Some(ivr_xml_sim::DEFAULT_ANSWER_TIMEOUT)
        );
        assert_eq!(
            ExploreOptions::default().answer_timeout,
            ivr_xml_sim::DEFAULT_ANSWER_TIMEOUT
        );
    }
}
