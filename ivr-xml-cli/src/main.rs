//! `ivr-xml`: validate, format and explain Cloopen / Yuntongxun IVR XML documents.
//!
//! ```text
//! ivr-xml validate [FILE|DIR...|-] [--format human|json] [--deny error|warning] [--max-findings N]
//! ivr-xml fmt [FILE...|-] [--quote single|double] [--declaration ...] [--indent N|--compact] [--check|--write]
//! ivr-xml explain [CODE]
//! ```
//!
//! Exit status: 0 when clean, 1 when a finding reaches the `--deny` level (or `fmt --check`
//! finds a file to reformat, or a document does not parse), 2 on usage or I/O errors.

mod fmt;
mod inputs;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Validate, format and explain Cloopen / Yuntongxun IVR XML documents.
#[derive(Debug, Parser)]
#[command(name = "ivr-xml", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
}

#[derive(Debug, clap::Args)]
struct ValidateArgs {
    /// Files or directories (searched for *.xml); `-` or nothing reads standard input.
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// The lowest severity that fails the run (exit 1).
    #[arg(long, value_enum, default_value_t = Deny::Error)]
    deny: Deny,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Deny {
    /// Fail on errors only.
    Error,
    /// Fail on warnings too.
    Warning,
}

/// Exit status for usage and I/O errors.
const USAGE_OR_IO: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate(args) => validate(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Explain { code } => explain(code.as_deref()),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(USAGE_OR_IO)
        }
    }
}

fn validate(args: &ValidateArgs) -> Result<u8, String> {
    let documents = inputs::read_all(&args.paths)?;
    let results: Vec<output::FileReport<'_>> = documents
        .iter()
        .map(|doc| output::FileReport {
            path: &doc.path,
            text: String::from_utf8_lossy(&doc.bytes),
            findings: doc.findings(),
        })
        .collect();
    let out = match args.format {
        Format::Human => output::human(&results, args.max_findings),
        Format::Json => output::json(&results),
    };
    print!("{out}");
    let threshold = match args.deny {
        Deny::Error => ivr_xml::validate::Severity::Error,
        Deny::Warning => ivr_xml::validate::Severity::Warning,
    };
    let failed = results
        .iter()
        .flat_map(|r| &r.findings)
        .any(|d| d.severity >= threshold);
    Ok(u8::from(failed))
}

fn explain(code: Option<&str>) -> Result<u8, String> {
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
            None => Err(format!("no rule `{code}`: `ivr-xml explain` lists them")),
        },
    }
}
