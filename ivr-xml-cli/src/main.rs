//! `ivr-xml`: validate, format and explain Cloopen / Yuntongxun IVR XML documents.
//!
//! ```text
//! ivr-xml validate [FILE|DIR...|-] [--format human|json] [--deny error|warning] [--max-findings N]
//!                  [--allow RULE]... [--warn RULE]... [--deny RULE]...
//! ivr-xml fmt [FILE...|-] [--quote single|double] [--declaration ...] [--indent N|--compact] [--check|--write]
//! ivr-xml explain [CODE]
//! ivr-xml explore URL [--format text|json|mermaid|dot|html] [--out FILE] [--deny error|warning|info]
//! ```
//!
//! Every subcommand takes `--color auto|always|never` (default `auto`: colours on a terminal,
//! unless `NO_COLOR` is set); findings and errors are drawn by annotate-snippets, as rustc's are.
//!
//! Exit status: 0 when clean, 1 when a finding reaches the `--deny` level (or `fmt --check`
//! finds a file to reformat, or a document does not parse), 2 on usage or I/O errors (and a
//! wrong `ivr-xml.toml`).
//!
//! Each rule's level comes from the catalogue, then from the nearest `ivr-xml.toml` above the
//! document, then from `--allow`, `--warn` and `--deny` (see `config`).

mod config;
mod explore;
mod failure;
mod fmt;
mod inputs;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use failure::{ColorChoice, Failure};

/// Validate, format and explain Cloopen / Yuntongxun IVR XML documents.
#[derive(Debug, Parser)]
#[command(name = "ivr-xml", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// When to colour the output: `auto` on a terminal unless `NO_COLOR` is set.
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check documents against the platform's rules and print every finding.
    Validate(ValidateArgs),
    /// Re-emit documents in a chosen style (the docs' style by default).
    Fmt(fmt::FmtArgs),
    /// Explain a rule (`IVR201` or `get-not-main`), or list them all.
    Explain {
        /// The rule's code or name; none lists every rule.
        code: Option<String>,
    },
    /// Crawl a running application as the platform would, draw its call flow and find its dead ends.
    Explore(explore::ExploreArgs),
}

#[derive(Debug, clap::Args)]
struct ValidateArgs {
    /// Files or directories (searched for *.xml); `-` or nothing reads standard input.
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Do not report this rule (a code like IVR101 or a name like unknown-element); repeatable.
    #[arg(long, value_name = "RULE")]
    allow: Vec<String>,
    /// Report this rule as a warning; repeatable.
    #[arg(long, value_name = "RULE")]
    warn: Vec<String>,
    /// `error` or `warning`: the lowest severity that fails the run (exit 1; default `error`).
    /// Any other value is a rule, reported as an error; repeatable.
    #[arg(long, value_name = "RULE|error|warning")]
    deny: Vec<String>,
    /// The most findings shown for one document in the human format (0: all); the summary
    /// counts them all, and the JSON format lists them all.
    #[arg(long, default_value_t = 100, value_name = "N")]
    max_findings: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// rustc-style diagnostics with the source line and a caret.
    Human,
    /// One JSON document with every file's findings.
    Json,
}

/// Exit status for usage and I/O errors.
const USAGE_OR_IO: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    failure::init(cli.color);
    let result: Result<u8, Failure> = match cli.command {
        Command::Validate(args) => validate(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Explain { code } => explain(code.as_deref()),
        Command::Explore(args) => explore::run(&args).map_err(Failure::from),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            eprint!("{}", failure.render(failure::stderr()));
            ExitCode::from(USAGE_OR_IO)
        }
    }
}

fn validate(args: &ValidateArgs) -> Result<u8, Failure> {
    use ivr_xml::validate::Severity;
    // `--deny error` and `--deny warning` set the threshold; other values are rules.
    let mut threshold = Severity::Error;
    let mut deny = Vec::new();
    for value in &args.deny {
        match value.as_str() {
            "error" => threshold = Severity::Error,
            "warning" => threshold = Severity::Warning,
            _ => deny.push(value.clone()),
        }
    }
    let flags = config::Flags::new(&args.allow, &args.warn, &deny)?;
    let documents = inputs::read_all(&args.paths)?;
    let mut policies = config::Policies::new(&flags);
    let mut results: Vec<output::FileReport<'_>> = Vec::with_capacity(documents.len());
    for doc in &documents {
        let policy = policies.for_document(doc.file.as_deref())?;
        results.push(output::FileReport {
            path: &doc.path,
            text: String::from_utf8_lossy(&doc.bytes),
            findings: doc.findings(policy),
        });
    }
    let out = match args.format {
        Format::Human => output::human(&results, args.max_findings, failure::stdout()),
        Format::Json => output::json(&results),
    };
    print!("{out}");
    let failed = results
        .iter()
        .flat_map(|r| &r.findings)
        .any(|d| d.severity >= threshold);
    Ok(u8::from(failed))
}

fn explain(code: Option<&str>) -> Result<u8, Failure> {
    use ivr_xml::validate::{Rule, RULES};
    match code {
        None => {
            for rule in RULES {
                println!(
                    "{} {:<26} {:<7} {}",
                    rule.code, rule.name, rule.severity, rule.summary
                );
            }
            Ok(0)
        }
        Some(code) => match Rule::find(code) {
            Some(rule) => {
                print!("{}", rule.explain());
                Ok(0)
            }
            None => Err(format!("no rule `{code}`: `ivr-xml explain` lists them").into()),
        },
    }
}
