//! Printing a run's findings: rustc-style for people (the library's renderer), JSON for tools.

use std::borrow::Cow;
use std::fmt::Write as _;

use ivr_xml::validate::{Diagnostic, Severity};
use ivr_xml_cli::report;

/// One file's findings.
pub(crate) struct FileReport<'a> {
    pub(crate) path: &'a str,
    pub(crate) text: Cow<'a, str>,
    pub(crate) findings: Vec<Diagnostic>,
}

fn count(reports: &[FileReport<'_>], severity: Severity) -> usize {
    reports
        .iter()
        .flat_map(|r| &r.findings)
        .filter(|d| d.severity == severity)
        .count()
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Every finding with an excerpt of its source line and a caret, at most `max_findings` of each
/// document (0: all of them), then a summary line that counts them all.
pub(crate) fn human(
    reports: &[FileReport<'_>],
    max_findings: usize,
    renderer: report::Renderer,
) -> String {
    let mut out = String::new();
    for report in reports {
        let shown = if max_findings == 0 {
            report.findings.len()
        } else {
            max_findings.min(report.findings.len())
        };
        for finding in &report.findings[..shown] {
            renderer.render_into(&mut out, report.path, &report.text, finding);
        }
        let hidden = report.findings.len() - shown;
        if hidden > 0 {
            let _ = writeln!(
                out,
                "note: {hidden} more {} in {} not shown (`--max-findings 0` shows them all)\n",
                if hidden == 1 { "finding" } else { "findings" },
                report.path
            );
        }
    }
    let (errors, warnings) = (
        count(reports, Severity::Error),
        count(reports, Severity::Warning),
    );
    let _ = writeln!(
        out,
        "{} checked: {}, {}",
        plural(reports.len(), "document"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    out
}

/// One JSON document: `{"documents": [{"path", "diagnostics": [...]}], "errors", "warnings"}`.
pub(crate) fn json(reports: &[FileReport<'_>]) -> String {
    let documents: Vec<serde_json::Value> = reports
        .iter()
        .map(|report| {
            let diagnostics: Vec<serde_json::Value> = report
                .findings
                .iter()
                .map(|d| {
                    serde_json::json!({
                        "code": d.code,
                        "name": d.name,
                        "severity": d.severity.to_string(),
                        "message": d.message,
                        "line": d.start.line,
                        "column": d.start.column,
                        "offset": d.offset,
                        "length": d.len,
                        "path": d.path,
                        "help": d.help,
                    })
                })
                .collect();
            serde_json::json!({ "path": report.path, "diagnostics": diagnostics })
        })
        .collect();
    let value = serde_json::json!({
        "documents": documents,
        "errors": count(reports, Severity::Error),
        "warnings": count(reports, Severity::Warning),
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}
